from enum import IntEnum


class ProfileRequestAttStatusType0(IntEnum):
    VALUE_0 = 0
    VALUE_1 = 1
    VALUE_2 = 2
    VALUE_3 = 3

    def __str__(self) -> str:
        return str(self.value)

    # ADAPTY-CONTRACTS: forward compatible (see the string enums): an unknown integer becomes a cached
    # pseudo-member that keeps the raw value instead of raising ValueError.
    @classmethod
    def _missing_(cls, value: object) -> "ProfileRequestAttStatusType0 | None":
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"VALUE_{value}".replace("-", "MINUS_")
        member._value_ = value
        cached = cls._value2member_map_.setdefault(value, member)
        return cached if isinstance(cached, cls) else None

    @property
    def is_known(self) -> bool:
        """False for a value that this client's spec did not list (kept as received)."""
        return type(self).__members__.get(self._name_) is self
