from enum import StrEnum

class ConnectionStatusEnum(StrEnum):
    ACTIVE = "ACTIVE"
    CONFIRMATION_WAITING = "CONFIRMATION WAITING"
    DEACTIVATED = "DEACTIVATED"

    def __str__(self) -> str:
        return str(self.value)
