from enum import StrEnum


class PaywallObjectState(StrEnum):
    ARCHIVED = "archived"
    DRAFT = "draft"
    INACTIVE = "inactive"
    LIVE = "live"

    def __str__(self) -> str:
        return str(self.value)
