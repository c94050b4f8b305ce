from enum import StrEnum

class IntegrationWriteRequestTypeType1(StrEnum):
    ALLOCATIONS = "allocations"
    ITEMS = "items"
    ORDERS = "orders"
    OTHERS = "others"
    TRACKINGS = "trackings"

    def __str__(self) -> str:
        return str(self.value)
