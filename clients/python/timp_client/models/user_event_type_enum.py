from enum import StrEnum

class UserEventTypeEnum(StrEnum):
    USERSINVITED = "users/invited"

    def __str__(self) -> str:
        return str(self.value)
