from enum import StrEnum

class EventTypesEnum(StrEnum):
    CONNECTIONSACCOUNT_NUMBERS_CHANGED = "connections/account_numbers_changed"
    CONNECTIONSCONFIRMED = "connections/confirmed"
    CONNECTIONSCREATED = "connections/created"
    CONNECTIONSDEACTIVATED = "connections/deactivated"
    CONNECTION_REQUESTSAPPROVED = "connection_requests/approved"
    CONNECTION_REQUESTSCANCELLED = "connection_requests/cancelled"
    CONNECTION_REQUESTSCOMMENTED = "connection_requests/commented"
    CONNECTION_REQUESTSCREATED = "connection_requests/created"
    CONNECTION_REQUESTSDENIED = "connection_requests/denied"
    CONNECTION_REQUESTSEXPIRED = "connection_requests/expired"
    CONNECTION_REQUESTSUPDATED = "connection_requests/updated"
    FILESSHARED = "files/shared"
    IMPORTSFINISHED = "imports/finished"
    INTEGRATIONSFAILED = "integrations/failed"
    INTEGRATIONSLATE = "integrations/late"
    INTEGRATIONSRECOVERED = "integrations/recovered"
    INTEGRATIONSSTAGE_CHANGED = "integrations/stage_changed"
    INTEGRATIONSUPDATED = "integrations/updated"
    USERSINVITED = "users/invited"
    VALUE_0 = "*"
    WEBHOOKSDISABLED = "webhooks/disabled"

    def __str__(self) -> str:
        return str(self.value)
