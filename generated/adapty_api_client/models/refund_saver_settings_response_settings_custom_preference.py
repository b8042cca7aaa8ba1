from enum import StrEnum


class RefundSaverSettingsResponseSettingsCustomPreference(StrEnum):
    DECLINE = "decline"
    GRANT = "grant"
    NO_PREFERENCE = "no_preference"

    def __str__(self) -> str:
        return str(self.value)
