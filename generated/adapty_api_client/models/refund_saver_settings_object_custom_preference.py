from enum import StrEnum


class RefundSaverSettingsObjectCustomPreference(StrEnum):
    DECLINE = "decline"
    GRANT = "grant"
    GRANT_PRORATED = "grant_prorated"
    NO_PREFERENCE = "no_preference"

    def __str__(self) -> str:
        return str(self.value)

    # ADAPTY-CONTRACTS: forward compatible. A value this client does not know (Adapty added it after this client
    # was generated) becomes a cached pseudo-member that keeps the raw string, instead of a ValueError that would
    # fail the whole response. It is still a `str`; `is_known` tells it apart. Requests can send any string this way.
    @classmethod
    def _missing_(cls, value: object) -> "RefundSaverSettingsObjectCustomPreference | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        cached = cls._value2member_map_.setdefault(value, member)
        return cached if isinstance(cached, cls) else None

    @property
    def is_known(self) -> bool:
        """False for a value that this client's spec did not list (kept as received)."""
        return type(self).__members__.get(self._name_) is self
