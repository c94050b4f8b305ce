from enum import StrEnum

class FeedStageEnum(StrEnum):
    LIVE = "live"
    PAUSED = "paused"
    SETUP = "setup"
    TESTING = "testing"

    def __str__(self) -> str:
        return str(self.value)
