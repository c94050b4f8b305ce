from enum import StrEnum

class ImportEventTypeEnum(StrEnum):
    IMPORTSFINISHED = "imports/finished"

    def __str__(self) -> str:
        return str(self.value)
