from rest_framework import serializers

from core.json_sql import BuiltByDatabase, JSONBuildObject, timestamp
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

    @classmethod
    def json(cls, path: str = "") -> JSONBuildObject:
        return JSONBuildObject(
            uuid=f"{path}uuid",
            name=f"{path}name",
            size=f"{path}size",
            content_type=f"{path}content_type",
            sha256=f"{path}sha256",
            uploaded_date=timestamp(f"{path}uploaded_date"),
        )


class FileUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The file (multipart/form-data).")
    filename = serializers.CharField(
        required=False, max_length=200, help_text="Display name; the uploaded file's name by default."
    )
