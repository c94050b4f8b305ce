from enum import StrEnum

class KindEnum(StrEnum):
    API_KEY = "api_key"
    PING = "ping"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
