from enum import StrEnum

class FileEventTypeEnum(StrEnum):
    FILESSHARED = "files/shared"

    def __str__(self) -> str:
        return str(self.value)
