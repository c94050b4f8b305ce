"""What an upload really is, from its bytes: the allow-list of sample data and spec documents.

The client's Content-Type is never consulted; the file name's extension only has to agree
with the bytes (a PDF called `data.csv` is refused), and it picks between text formats."""

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

from django.core.exceptions import ValidationError

SAMPLE_BYTES = 64 * 1024
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_EXTENSIONS = {
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".txt": "text/plain",
    ".json": "application/json",
    ".xml": "application/xml",
    ".edi": "application/edi-x12",
    ".x12": "application/edi-x12",
    ".dat": "text/plain",
}
BINARY_EXTENSIONS = {
    ".pdf": "application/pdf",
    ".zip": "application/zip",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
}
# Every type a file can be uploaded, stored and downloaded as (the upload's schema lists them).
DOWNLOAD_TYPES = sorted({*TEXT_EXTENSIONS.values(), *BINARY_EXTENSIONS.values(), "application/edifact"})
# Text a shell would run, when a file starts with it.
SCRIPT_STARTS = ("#!", "<?php")
# Markup a browser would run, anywhere in a text file (a comment or 64 KiB of harmless text
# before it change nothing): HTML, XHTML and SVG elements and namespaces, scripts, frames.
ACTIVE_MARKUP = re.compile(
    rb"<(?:[a-z0-9_.-]+:)?(?:script|html|head|body|svg|iframe|frame|frameset|object|embed)[\s/>]"
    rb"|<!doctype\s+html|<\?php|https?://www\.w3\.org/(?:1999/xhtml|2000/svg)",
    re.IGNORECASE,
)
SCAN_CHUNK_BYTES = 1024 * 1024
# A marker cut by a chunk boundary is found in the next chunk, which starts this much earlier.
SCAN_OVERLAP_BYTES = 64
# Which text formats a name promises: content of another of them is refused.
STRUCTURED_TEXT = {".json": "JSON", ".xml": "XML", ".csv": "text", ".tsv": "text", ".edi": "EDI", ".x12": "EDI"}


@dataclass(frozen=True)
class Detected:
    content_type: str
    description: str


def refuse(message: str) -> ValidationError:
    return ValidationError(message, code="file_type")


def detect(upload: IO[bytes], filename: str) -> Detected:
    """The upload's content type, or a ValidationError saying why it is refused."""
    extension = PurePosixPath(filename.lower()).suffix
    upload.seek(0)
    head = upload.read(SAMPLE_BYTES)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return binary(".pdf", extension, "PDF")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return zip_based(upload, extension)
    if head.startswith(OLE2_MAGIC):
        # Legacy Office files and Windows installers share this container: the name must say which.
        if extension not in {".doc", ".xls"}:
            raise refuse("Legacy Office files must be named .doc or .xls.")
        return Detected(BINARY_EXTENSIONS[extension], "legacy Office document")
    text = as_text(head)
    if text is None:
        raise refuse("This file type is not allowed: upload CSV/TSV/TXT, JSON, XML, EDI, PDF, XLS(X), DOC(X) or ZIP.")
    refuse_active_content(upload)
    return text_format(text, extension)


def refuse_active_content(upload: IO[bytes]) -> None:
    """Reads the whole text, in chunks, for markup a browser would run."""
    upload.seek(0)
    tail = b""
    while chunk := upload.read(SCAN_CHUNK_BYTES):
        if ACTIVE_MARKUP.search(tail + chunk):
            upload.seek(0)
            raise refuse("HTML, XHTML, SVG, scripts and other active content are not allowed.")
        tail = chunk[-SCAN_OVERLAP_BYTES:]
    upload.seek(0)


def binary(kind: str, extension: str, description: str) -> Detected:
    if extension and extension != kind and (extension in BINARY_EXTENSIONS or extension in TEXT_EXTENSIONS):
        raise refuse(f"The file's content is {description}, which does not match its name ({extension}).")
    return Detected(BINARY_EXTENSIONS[kind], description)


def zip_based(upload: IO[bytes], extension: str) -> Detected:
    try:
        names = zipfile.ZipFile(upload).namelist()
    except zipfile.BadZipFile:
        raise refuse("The file looks like a ZIP archive but cannot be read as one.") from None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" in names and any(name.startswith("word/") for name in names):
        return binary(".docx", extension, "a Word document")
    if "[Content_Types].xml" in names and any(name.startswith("xl/") for name in names):
        return binary(".xlsx", extension, "an Excel workbook")
    return binary(".zip", extension, "a ZIP archive")


def as_text(head: bytes) -> str | None:
    """The sample as text when it is text (UTF-8, or Windows-1252 as spreadsheets export it)."""
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the end of the sample is still UTF-8.
        if error.start < len(head) - 3:
            try:
                text = head.decode("cp1252")
            except UnicodeDecodeError:
                return None
        else:
            text = head[: error.start].decode("utf-8-sig")
    if any(unicodedata.category(char) == "Cc" and char not in "\t\n\r\f" for char in text):
        return None
    return text


def text_format(text: str, extension: str) -> Detected:
    start = text.lstrip().lower()
    if start.startswith(SCRIPT_STARTS):
        raise refuse("HTML, XHTML, SVG, scripts and other active content are not allowed.")
    if extension in BINARY_EXTENSIONS:
        raise refuse(f"The file's content is text, which does not match its name ({extension}).")
    if start.startswith("<"):
        detected = Detected("application/xml", "XML")
    elif start.startswith(("{", "[")):
        detected = Detected("application/json", "JSON")
    elif start.startswith("isa"):
        detected = Detected("application/edi-x12", "EDI")
    elif start.startswith(("una", "unb")):
        detected = Detected("application/edifact", "EDI")
    else:
        return Detected(TEXT_EXTENSIONS.get(extension, "text/plain"), "text")
    promised = STRUCTURED_TEXT.get(extension, detected.description)
    if promised != detected.description:
        raise refuse(f"The file's content is {detected.description}, which does not match its name ({extension}).")
    return detected
