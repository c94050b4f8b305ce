from enum import StrEnum

class ConnectionListOrdering(StrEnum):
    CREATED_DATE = "created_date"
    CREATED_DATE_DESC = "-created_date"
    RETAILER_NAME = "retailer_name"
    RETAILER_NAME_DESC = "-retailer_name"
    STATUS = "status"
    STATUS_DESC = "-status"
    SUPPLIER_NAME = "supplier_name"
    SUPPLIER_NAME_DESC = "-supplier_name"

    def __str__(self) -> str:
        return str(self.value)
