from enum import StrEnum

class DisabledEndpointEventTypeEnum(StrEnum):
    WEBHOOKSDISABLED = "webhooks/disabled"

    def __str__(self) -> str:
        return str(self.value)
