from rest_framework import serializers

from core.fields import StrictCharField
from core.json_sql import BuiltByDatabase
from files.models import UploadedFile


class FileSerializer(BuiltByDatabase):
    """The File Object: `uuid` and `name` as documented, then what the server knows of the bytes."""

    model = UploadedFile

    uuid = serializers.UUIDField()
    name = serializers.CharField()
    size = serializers.IntegerField()
    content_type = serializers.CharField()
    sha256 = serializers.CharField()
    uploaded_date = serializers.DateTimeField()


class FileUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The file (multipart/form-data).")
    filename = StrictCharField(
        required=False, max_length=200, help_text="Display name; the uploaded file's name by default."
    )
