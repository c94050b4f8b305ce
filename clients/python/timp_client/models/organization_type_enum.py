from enum import StrEnum

class OrganizationTypeEnum(StrEnum):
    RETAILER = "RETAILER"
    SUPPLIER = "SUPPLIER"

    def __str__(self) -> str:
        return str(self.value)
