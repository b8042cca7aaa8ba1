from enum import StrEnum


class InstallationMetaPlatformType0(StrEnum):
    ANDROID = "Android"
    IOS = "iOS"
    IPADOS = "iPadOS"
    MACOS = "macOS"
    VISIONOS = "visionOS"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
