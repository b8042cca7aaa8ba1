from enum import StrEnum


class PaywallListItemProductsItemProductSet(StrEnum):
    ANNUAL = "annual"
    CONSUMABLE = "consumable"
    LIFETIME = "lifetime"
    MONTHLY = "monthly"
    NONSUBSCRIPTIONS = "nonsubscriptions"
    SEMIANNUAL = "semiannual"
    TRIMONTHLY = "trimonthly"
    TWO_MONTHS = "two_months"
    UNCATEGORISED = "uncategorised"
    WEEKLY = "weekly"

    def __str__(self) -> str:
        return str(self.value)
