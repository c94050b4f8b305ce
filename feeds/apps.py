from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "feeds"

    def ready(self) -> None:
        from events.models import EVENT_TYPES
        from events.shapes import declare
        from feeds.shapes import FeedSerializer

        # Feed events carry the Feed as it was when the event was written.
        declare([name for name in EVENT_TYPES if name.startswith("integrations/")], FeedSerializer)
