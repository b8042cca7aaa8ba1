from enum import StrEnum


class ProfileRequestGenderType0(StrEnum):
    F = "f"
    M = "m"
    O = "o"

    def __str__(self) -> str:
        return str(self.value)
