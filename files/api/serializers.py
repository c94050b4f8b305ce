from rest_framework import serializers

from core.fields import StrictCharField


class FileUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The file (multipart/form-data).")
    filename = StrictCharField(
        required=False,
        allow_blank=True,  # an empty form field is as if left out
        max_length=200,
        help_text="Display name; the uploaded file's name when left out or empty.",
    )
