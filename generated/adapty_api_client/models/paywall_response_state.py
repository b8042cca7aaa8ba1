from enum import StrEnum


class PaywallResponseState(StrEnum):
    ARCHIVED = "archived"
    DRAFT = "draft"
    INACTIVE = "inactive"
    LIVE = "live"

    def __str__(self) -> str:
        return str(self.value)
