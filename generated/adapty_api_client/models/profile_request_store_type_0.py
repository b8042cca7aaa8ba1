from enum import StrEnum


class ProfileRequestStoreType0(StrEnum):
    ADAPTY = "adapty"
    APP_STORE = "app_store"
    PADDLE = "paddle"
    PLAY_STORE = "play_store"
    STRIPE = "stripe"

    def __str__(self) -> str:
        return str(self.value)
