from enum import StrEnum

class NotificationFrequencyEnum(StrEnum):
    DAILY = "Daily"
    REAL_TIME = "Real-time"
    TWICE_A_DAY = "Twice a day"

    def __str__(self) -> str:
        return str(self.value)
