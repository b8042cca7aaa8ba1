from enum import StrEnum


class NonSubscriptionObjectEnvironment(StrEnum):
    PRODUCTION = "Production"
    SANDBOX = "Sandbox"

    def __str__(self) -> str:
        return str(self.value)
