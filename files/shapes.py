"""The read shape of a file: what the API answers, requests list and events carry."""

from rest_framework import serializers

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
