from enum import StrEnum

class VisibilityEnum(StrEnum):
    BOTH = "BOTH"
    RETAILER = "RETAILER"
    SUPPLIER = "SUPPLIER"

    def __str__(self) -> str:
        return str(self.value)
