from enum import StrEnum

class FeedHealthEnum(StrEnum):
    FAILING = "failing"
    LATE = "late"
    NEW = "new"
    PAUSED = "paused"
    UP = "up"

    def __str__(self) -> str:
        return str(self.value)
