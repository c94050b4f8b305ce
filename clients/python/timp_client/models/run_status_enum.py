from enum import StrEnum

class RunStatusEnum(StrEnum):
    FAILED = "Failed"
    PENDING = "Pending"
    SUCCESSFUL = "Successful"

    def __str__(self) -> str:
        return str(self.value)
