from enum import StrEnum


class OneTimePurchasePurchaseType(StrEnum):
    ONE_TIME_PURCHASE = "one_time_purchase"

    def __str__(self) -> str:
        return str(self.value)
