from enum import StrEnum

class IntegrationTypeEnum(StrEnum):
    ALLOCATION = "allocation"
    ITEM = "item"
    ORDER = "order"
    OTHER = "other"
    TRACKING = "tracking"

    def __str__(self) -> str:
        return str(self.value)
