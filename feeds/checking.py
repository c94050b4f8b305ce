"""A file checked against its feed's specification, read as a stream (`files.tables`):
errors and warnings by row and column (the header is row 1), at most MAX_LISTED errors listed
and all of them counted."""

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath
from typing import IO

from feeds import specs
from files import tables

MAX_LISTED = 100
FILE_NAME = re.compile(r"[A-Za-z0-9_-]+")
COUNTRY = re.compile(r"[A-Z]{2}")
BOOLEANS = {"true", "false"}


@dataclass
class Result:
    spec: str
    rows: int = 0
    error_count: int = 0
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.error_count == 0

    def error(self, row, column, code: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_LISTED:
            self.errors.append({"row": row, "column": column, "code": code, "message": message})

    def warn(self, row, column, code: str, message: str) -> None:
        if len(self.warnings) < MAX_LISTED:
            self.warnings.append({"row": row, "column": column, "code": code, "message": message})


INTEGER = re.compile(r"[+-]?\d+")
NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
UUID = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")


def is_date(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def rule(found: specs.Field):
    """(what a value must be, a test of a non-empty value), or None where any text will do:
    chosen once per column, so a row costs one call per typed column."""
    if found.kind == "decimal" and found.places is not None:
        places = re.compile(rf"[+-]?(?:\d+(?:\.\d{{0,{found.places}}})?|\.\d{{1,{found.places}}})")
        return f"a number with at most {found.places} decimal places", places.fullmatch
    return {
        "integer": ("a whole number", INTEGER.fullmatch),
        "decimal": ("a number", NUMBER.fullmatch),
        "number": ("a number", NUMBER.fullmatch),
        "boolean": ("true or false", lambda value: value.lower() in BOOLEANS),
        "uuid": ("a UUID", UUID.fullmatch),
        "date": ("a date (YYYY-MM-DD)", is_date),
        "country": ("a two-letter ISO country code", COUNTRY.fullmatch),
        "choice": (f"one of {', '.join(found.choices)}", lambda value: value in found.choices),
    }.get(found.kind)


def check(upload: IO[bytes], *, file_name: str, kind: str, integration_type: str) -> Result:
    """`kind`: "csv" or "xlsx" (detected from the bytes by the caller)."""
    result = Result(spec="none")
    stem = PurePosixPath(file_name).stem
    if not FILE_NAME.fullmatch(stem):
        result.warn(None, None, "file_name", "File names use only letters, digits, - and _ (the extension aside).")

    def carriage_returns() -> None:
        result.error(None, None, "carriage_return", "Lines end with carriage returns: end them with \\n.")

    rows = tables.rows(upload, kind, on_carriage_return=carriage_returns)
    try:
        read(rows, result, integration_type)
    except tables.NotUTF8:
        result.error(None, None, "encoding", "The file is not UTF-8 text.")
    except csv.Error as error:
        result.error(result.rows + 2, None, "malformed", f"The CSV cannot be read here: {error}.")
    return result


def read(rows, result: Result, integration_type: str) -> None:
    header = next(rows, None)
    if header is None or not any(cell.strip() for cell in header):
        result.error(1, None, "no_header", "The file has no header row.")
        return
    header = [cell.strip() for cell in header]
    spec = specs.for_header(integration_type, header)
    if spec is None:
        result.spec = "none"
        result.warn(None, None, "no_spec", "This feed's type has no specification: any well-formed table passes.")
        for _ in rows:
            result.rows += 1
        return
    result.spec = spec.name
    columns = [spec.field_for(name) for name in header]
    present = {found.name for found in columns if found is not None}
    for name in spec.required:
        if name not in present:
            result.error(1, name, "missing_column", f"The required column {name} is missing.")
    for name in spec.preferred:
        if name not in present:
            result.warn(1, name, "missing_preferred_column", f"The preferred column {name} is missing.")
    for name, found in zip(header, columns, strict=True):
        if found is None:
            result.warn(1, name, "unknown_column", f"{name} is not a column of the {spec.name} specification.")
    # Only the columns with something to check: required, or typed.
    checked = [
        (index, header[index], found.required, rule(found))
        for index, found in enumerate(columns)
        if found is not None and (found.required or rule(found) is not None)
    ]
    for number, row in enumerate(rows, start=2):
        if not any(row):
            continue
        result.rows += 1
        for index, name, required, typed in checked:
            value = row[index].strip() if index < len(row) else ""
            if not value:
                if required:
                    result.error(number, name, "required", f"{name} is required.")
            elif typed is not None and not typed[1](value):
                result.error(number, name, "type", f"{name} must be {typed[0]}.")
