"""Tables uploaded as CSV or XLSX, read as a stream of rows of text (the csv module, or
openpyxl in read-only mode), never whole into memory."""

import csv
import io
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import IO

import openpyxl

from files.detection import detect

# What a table is read as, by the type detected from the file's bytes.
TABLE_KINDS = {"text": "csv", "an Excel workbook": "xlsx"}


class NotUTF8(Exception):
    pass


def kind_of(upload: IO[bytes], file_name: str) -> tuple[str | None, str]:
    """("csv" or "xlsx", or None when the file is neither; what it was detected as)."""
    detected = detect(upload, file_name)
    upload.seek(0)
    return TABLE_KINDS.get(detected.description), detected.description


def rows(upload: IO[bytes], kind: str, on_carriage_return: Callable[[], None] | None = None) -> Iterator[list[str]]:
    """The rows of a table; a CSV that is not UTF-8 raises NotUTF8 when read that far."""
    return xlsx_rows(upload) if kind == "xlsx" else csv_rows(upload, on_carriage_return)


def csv_rows(upload: IO[bytes], on_carriage_return: Callable[[], None] | None = None) -> Iterator[list[str]]:
    """The rows of a CSV stream; `on_carriage_return` is told once if lines end with \\r."""
    text = io.TextIOWrapper(upload, encoding="utf-8-sig", newline="")

    def lines():
        said = on_carriage_return is None
        try:
            for line in text:
                if not said and line.endswith(("\r", "\r\n")):
                    on_carriage_return()
                    said = True
                yield line
        except UnicodeDecodeError:
            raise NotUTF8() from None
        finally:
            text.detach()

    return csv.reader(lines())


def xlsx_rows(upload: IO[bytes]) -> Iterator[list[str]]:
    workbook = openpyxl.load_workbook(upload, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield ["" if value is None else as_text(value) for value in values]
    finally:
        workbook.close()


def as_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
