from rest_framework import serializers

from files.models import UploadedFile


class FileSerializer(serializers.ModelSerializer):
    """The File Object: `uuid` and `name` as documented, then what the server knows of the bytes."""

    class Meta:
        model = UploadedFile
        fields = ["uuid", "name", "size", "content_type", "sha256", "uploaded_date"]


class FileUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The file (multipart/form-data).")
    filename = serializers.CharField(
        required=False, max_length=200, help_text="Display name; the uploaded file's name by default."
    )
