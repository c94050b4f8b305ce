from enum import StrEnum

class NotificationViaEnum(StrEnum):
    DASHBOARD = "Dashboard"
    EMAIL = "email"

    def __str__(self) -> str:
        return str(self.value)
