from enum import StrEnum

class CommentEventEventTypeEnum(StrEnum):
    CONNECTION_REQUESTSCOMMENTED = "connection_requests/commented"

    def __str__(self) -> str:
        return str(self.value)
