from django.core.files.uploadedfile import SimpleUploadedFile

from files import services
from files.models import UploadedFile

CSV_BYTES = b"sku,description,qty\nA-1,Widget,3\nB-2,Gadget \xe2\x80\x94 blue,5\n"


def uploaded_file(*, organization, name: str = "items.csv", content: bytes = CSV_BYTES) -> UploadedFile:
    """A file stored the way the upload endpoint stores it."""
    return services.store_upload(organization=organization, uploaded_by=None, upload=SimpleUploadedFile(name, content))
