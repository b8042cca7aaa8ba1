from enum import StrEnum


class OneTimePurchaseCancellationReasonType0(StrEnum):
    ADAPTY_REVOKED = "adapty_revoked"
    BILLING_ERROR = "billing_error"
    CANCELLED_BY_DEVELOPER = "cancelled_by_developer"
    NEW_SUBSCRIPTION_REPLACE = "new_subscription_replace"
    PRICE_INCREASE = "price_increase"
    PRODUCT_WAS_NOT_AVAILABLE = "product_was_not_available"
    REFUND = "refund"
    UNKNOWN = "unknown"
    UPGRADED = "upgraded"
    VOLUNTARILY_CANCELLED = "voluntarily_cancelled"

    def __str__(self) -> str:
        return str(self.value)
