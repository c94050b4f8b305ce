from enum import StrEnum

class UserStatusEnum(StrEnum):
    ACTIVE = "ACTIVE"
    DEACTIVATED = "DEACTIVATED"
    INVITED = "INVITED"

    def __str__(self) -> str:
        return str(self.value)
