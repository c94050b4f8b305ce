from django.conf import settings
from django.core.files.uploadhandler import TemporaryFileUploadHandler

from core.exceptions import PayloadTooLarge

# Room for the multipart boundaries, headers and the small form fields next to the file.
MULTIPART_OVERHEAD_BYTES = 64 * 1024


class LimitedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Streams uploads to a temporary file, never to memory, and stops reading as soon as the
    body or a file is larger than UPLOAD_MAX_BYTES."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > settings.UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD_BYTES:
            raise self.too_large()

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > settings.UPLOAD_MAX_BYTES:
            raise self.too_large()
        return super().receive_data_chunk(raw_data, start)

    @staticmethod
    def too_large() -> PayloadTooLarge:
        return PayloadTooLarge(f"The file is larger than the limit of {settings.UPLOAD_MAX_BYTES} bytes.")
