import unicodedata
from pathlib import PurePosixPath

MAX_NAME_LENGTH = 200


def sanitize_filename(name: str) -> str:
    """A file name safe to show and to send back in Content-Disposition: no folders, no
    control characters (NUL included), no leading dots, at most 200 characters."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if not unicodedata.category(char).startswith("C"))
    name = name.strip().lstrip(".").strip()
    if len(name) > MAX_NAME_LENGTH:
        suffix = PurePosixPath(name).suffix[:20]
        name = name[: MAX_NAME_LENGTH - len(suffix)] + suffix
    return name or "upload"
