from enum import StrEnum


class OfferDTOType(StrEnum):
    FREE_TRIAL = "free_trial"
    PAY_AS_YOU_GO = "pay_as_you_go"
    PAY_UP_FRONT = "pay_up_front"

    def __str__(self) -> str:
        return str(self.value)
