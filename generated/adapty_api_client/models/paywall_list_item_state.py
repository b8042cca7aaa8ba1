from enum import StrEnum


class PaywallListItemState(StrEnum):
    ARCHIVED = "archived"
    DRAFT = "draft"
    INACTIVE = "inactive"
    LIVE = "live"

    def __str__(self) -> str:
        return str(self.value)
