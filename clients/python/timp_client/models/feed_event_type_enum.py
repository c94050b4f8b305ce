from enum import StrEnum

class FeedEventTypeEnum(StrEnum):
    INTEGRATIONSFAILED = "integrations/failed"
    INTEGRATIONSLATE = "integrations/late"
    INTEGRATIONSRECOVERED = "integrations/recovered"
    INTEGRATIONSSTAGE_CHANGED = "integrations/stage_changed"
    INTEGRATIONSUPDATED = "integrations/updated"

    def __str__(self) -> str:
        return str(self.value)
