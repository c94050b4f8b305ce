from enum import StrEnum

class PingEventTypeEnum(StrEnum):
    WEBHOOKSPING = "webhooks/ping"

    def __str__(self) -> str:
        return str(self.value)
