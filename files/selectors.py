"""The read queries of uploaded files."""

from files.models import UploadedFile


def files_for(user):
    """The files a user reads, newest first, in a fixed order."""
    return UploadedFile.objects.visible_to(user).order_by("-uploaded_date", "uuid")
