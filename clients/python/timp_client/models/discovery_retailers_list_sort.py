from enum import StrEnum

class DiscoveryRetailersListSort(StrEnum):
    DATE_JOINED = "date_joined"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
