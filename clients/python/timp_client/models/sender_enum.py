from enum import StrEnum

class SenderEnum(StrEnum):
    RETAILER = "RETAILER"
    SUPPLIER = "SUPPLIER"

    def __str__(self) -> str:
        return str(self.value)
