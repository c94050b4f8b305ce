"""The read shapes of feeds, runs and checks: what the API answers and what events carry.
Made in Python from model instances that `selectors` prepares (a fixed number of queries)."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from connections.models import Integration
from core.masking import mask_url_credentials
from feeds.models import Feed, Run
from feeds.selectors import reporter


class HealthSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Feed.Health.choices, source="health")
    last_run_at = serializers.DateTimeField(allow_null=True)
    last_status = serializers.ChoiceField(choices=Run.Status.choices, allow_null=True, source="last_status_or_none")
    next_expected_at = serializers.DateTimeField(allow_null=True)
    late_since = serializers.DateTimeField(allow_null=True)
    missed_runs_30d = serializers.IntegerField(allow_null=True, source="record.missed")
    on_time_30d = serializers.FloatField(
        allow_null=True, source="record.on_time_share", help_text="The share of expected runs that came on time."
    )


class FeedSerializer(serializers.Serializer):
    """The Integration read shape, plus the feed's stage, sender, schedule and health."""

    record_uuid = serializers.UUIDField(source="integration.uuid")
    integration_type = serializers.ChoiceField(choices=Integration.Type.choices, source="integration.integration_type")
    update_frequency = serializers.CharField(allow_null=True, source="integration.update_frequency")
    feed_source_file_locations = serializers.SerializerMethodField(help_text="Passwords shown as ***.")
    file_specs = serializers.CharField(source="integration.file_specs")
    rules = serializers.CharField(source="integration.rules")
    date_created = serializers.DateTimeField(source="integration.date_created")
    next_run_at = serializers.DateTimeField(
        allow_null=True, source="next_run", help_text="The next scheduled time, read in schedule_timezone."
    )
    stage = serializers.ChoiceField(choices=Feed.Stage.choices)
    sender = serializers.ChoiceField(choices=[("RETAILER", "RETAILER"), ("SUPPLIER", "SUPPLIER")])
    schedule_timezone = serializers.CharField(help_text="An IANA time zone; the cron is read in it.")
    grace_minutes = serializers.IntegerField()
    health = HealthSerializer(source="*")
    ping_url = serializers.CharField(
        allow_null=True, help_text="Shown only to the sending side's members with manage_connections."
    )

    def get_feed_source_file_locations(self, feed: Feed) -> str:
        return mask_url_credentials(feed.integration.file_locations)


class ReporterSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[("user", "user"), ("api_key", "api_key"), ("ping", "ping")])
    uuid = serializers.UUIDField(allow_null=True, help_text="The user's or the API key's; null for a ping.")


class RunSerializer(serializers.Serializer):
    """A run, in the upstream Previous Imports shape, plus `count` and `reported_by`."""

    uuid = serializers.UUIDField()
    date_imported = serializers.DateTimeField()
    file_name = serializers.CharField()
    imported_to = serializers.ChoiceField(choices=Integration.Type.choices, source="feed.integration.integration_type")
    status = serializers.ChoiceField(choices=Run.Status.choices)
    failure_message = serializers.CharField()
    count = serializers.IntegerField(allow_null=True)
    reported_by = serializers.SerializerMethodField()

    @extend_schema_field(ReporterSerializer)
    def get_reported_by(self, run: Run) -> dict:
        return reporter(run)


class IssueSerializer(serializers.Serializer):
    row = serializers.IntegerField(allow_null=True, help_text="The header is row 1; null for the whole file.")
    column = serializers.CharField(allow_null=True)
    code = serializers.CharField()
    message = serializers.CharField()


class CheckSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    file_name = serializers.CharField()
    checked_at = serializers.DateTimeField()
    spec = serializers.CharField(help_text="The file guide's specification the file was checked against.")
    passed = serializers.BooleanField()
    rows = serializers.IntegerField(help_text="Data rows, the header aside.")
    error_count = serializers.IntegerField()
    errors = IssueSerializer(many=True, help_text="At most 100; error_count counts all.")
    warnings = IssueSerializer(many=True)


def ping_url(request, feed: Feed) -> str:
    return request.build_absolute_uri(reverse("feed-ping", args=[feed.ping_key]))
