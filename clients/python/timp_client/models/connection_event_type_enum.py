from enum import StrEnum

class ConnectionEventTypeEnum(StrEnum):
    CONNECTIONSACCOUNT_NUMBERS_CHANGED = "connections/account_numbers_changed"
    CONNECTIONSCONFIRMED = "connections/confirmed"
    CONNECTIONSCREATED = "connections/created"
    CONNECTIONSDEACTIVATED = "connections/deactivated"

    def __str__(self) -> str:
        return str(self.value)
