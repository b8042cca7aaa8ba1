from enum import StrEnum


class StripeValidationRequestDataType(StrEnum):
    STRIPE_RECEIPT_VALIDATION_RESULT = "stripe_receipt_validation_result"

    def __str__(self) -> str:
        return str(self.value)
