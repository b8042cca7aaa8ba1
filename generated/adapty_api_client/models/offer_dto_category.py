from enum import StrEnum


class OfferDTOCategory(StrEnum):
    INTRODUCTORY = "introductory"
    OFFER_CODE = "offer_code"
    PROMOTIONAL = "promotional"
    WIN_BACK = "win_back"

    def __str__(self) -> str:
        return str(self.value)
