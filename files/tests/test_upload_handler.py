from pathlib import Path

import pytest

from core.exceptions import PayloadTooLarge
from files.uploads import LimitedTemporaryFileUploadHandler


def test_uploads_stream_to_a_temporary_file_on_disk(settings):
    settings.UPLOAD_MAX_BYTES = 10_000
    handler = LimitedTemporaryFileUploadHandler()
    handler.new_file("file", "items.csv", "text/csv", 8000)

    for start in range(0, 8000, 1000):
        handler.receive_data_chunk(b"x" * 1000, start)
    uploaded = handler.file_complete(8000)

    assert Path(uploaded.temporary_file_path()).stat().st_size == 8000


def test_reading_stops_once_the_limit_is_passed(settings):
    settings.UPLOAD_MAX_BYTES = 1500
    handler = LimitedTemporaryFileUploadHandler()
    handler.new_file("file", "items.csv", "text/csv", None)
    handler.receive_data_chunk(b"x" * 1000, 0)

    with pytest.raises(PayloadTooLarge):
        handler.receive_data_chunk(b"x" * 1000, 1000)


def test_a_body_announced_far_over_the_limit_is_refused_before_reading(settings):
    settings.UPLOAD_MAX_BYTES = 1000

    with pytest.raises(PayloadTooLarge):
        LimitedTemporaryFileUploadHandler().handle_raw_input(None, {}, 10_000_000, b"boundary")
