from rest_framework import serializers

from files.models import UploadedFile
from timp_api.fields import iso_datetime


class FileSerializer(serializers.Serializer):
    """The File Object: `uuid` and `name` as documented, then what the server knows of the bytes."""

    uuid = serializers.UUIDField()
    name = serializers.CharField()
    size = serializers.IntegerField()
    content_type = serializers.CharField()
    sha256 = serializers.CharField()
    uploaded_date = serializers.DateTimeField()

    def to_representation(self, uploaded_file: UploadedFile) -> dict:
        return file_data(uploaded_file)


def file_data(uploaded_file: UploadedFile) -> dict:
    return {
        "uuid": str(uploaded_file.uuid),
        "name": uploaded_file.name,
        "size": uploaded_file.size,
        "content_type": uploaded_file.content_type,
        "sha256": uploaded_file.sha256,
        "uploaded_date": iso_datetime(uploaded_file.uploaded_date),
    }


class FileUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The file (multipart/form-data).")
    filename = serializers.CharField(
        required=False, max_length=200, help_text="Display name; the uploaded file's name by default."
    )
