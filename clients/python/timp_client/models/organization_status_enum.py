from enum import StrEnum

class OrganizationStatusEnum(StrEnum):
    ACTIVE = "ACTIVE"
    DEACTIVATED = "DEACTIVATED"
    PENDING = "PENDING"

    def __str__(self) -> str:
        return str(self.value)
