from enum import StrEnum


class SubscriptionDTOPurchaseType(StrEnum):
    SUBSCRIPTION = "subscription"

    def __str__(self) -> str:
        return str(self.value)
