from rest_framework import serializers

from core.fields import StrictCharField
from feeds.models import Feed, Run
from feeds.services import MAX_GRACE_MINUTES

FILE_NAME_LENGTH = 255
# Of a failure message, this much is kept (a ping's body, a report's text).
FAILURE_MESSAGE_LENGTH = 10_240


class FeedChangeSerializer(serializers.Serializer):
    update_frequency = StrictCharField(allow_null=True, max_length=100, required=False)
    schedule_timezone = StrictCharField(max_length=64, required=False)
    grace_minutes = serializers.IntegerField(min_value=1, max_value=MAX_GRACE_MINUTES, required=False)
    sender = serializers.ChoiceField(choices=["RETAILER", "SUPPLIER"], required=False)
    stage = serializers.ChoiceField(choices=Feed.Stage.choices, required=False)


class RunReportSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Run.Status.choices)
    file_name = StrictCharField(max_length=FILE_NAME_LENGTH, required=False, default="", allow_blank=True)
    count = serializers.IntegerField(min_value=0, max_value=2**31 - 1, required=False, allow_null=True)
    failure_message = StrictCharField(max_length=FAILURE_MESSAGE_LENGTH, required=False, default="", allow_blank=True)
    date_imported = serializers.DateTimeField(required=False, help_text="When the file was delivered; now if left out.")


RUN_ENDS = [(Run.Status.SUCCESSFUL.value, "Successful"), (Run.Status.FAILED.value, "Failed")]


class RunEndSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=RUN_ENDS)
    count = serializers.IntegerField(min_value=0, max_value=2**31 - 1, required=False, allow_null=True)
    failure_message = StrictCharField(max_length=FAILURE_MESSAGE_LENGTH, required=False, default="", allow_blank=True)


class SandboxRunSerializer(RunReportSerializer):
    date_imported = None


class CheckRequestSerializer(serializers.Serializer):
    file = serializers.FileField(required=False, help_text="A CSV or XLSX file (multipart/form-data).")
    file_uuid = serializers.UUIDField(required=False, help_text="Or an uploaded file either side can read.")

    def validate(self, attrs):
        if ("file" in attrs) == ("file_uuid" in attrs):
            raise serializers.ValidationError("Send a file, or the file_uuid of an uploaded one: one of the two.")
        return attrs
