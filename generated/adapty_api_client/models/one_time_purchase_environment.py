from enum import StrEnum


class OneTimePurchaseEnvironment(StrEnum):
    PRODUCTION = "Production"
    SANDBOX = "Sandbox"

    def __str__(self) -> str:
        return str(self.value)
