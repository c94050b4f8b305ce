from enum import StrEnum

class RunEndStatusEnum(StrEnum):
    FAILED = "Failed"
    SUCCESSFUL = "Successful"

    def __str__(self) -> str:
        return str(self.value)
