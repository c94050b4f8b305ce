from enum import StrEnum

class ConnectionRequestEventTypeEnum(StrEnum):
    CONNECTION_REQUESTSAPPROVED = "connection_requests/approved"
    CONNECTION_REQUESTSCANCELLED = "connection_requests/cancelled"
    CONNECTION_REQUESTSCREATED = "connection_requests/created"
    CONNECTION_REQUESTSDENIED = "connection_requests/denied"
    CONNECTION_REQUESTSEXPIRED = "connection_requests/expired"
    CONNECTION_REQUESTSUPDATED = "connection_requests/updated"

    def __str__(self) -> str:
        return str(self.value)
