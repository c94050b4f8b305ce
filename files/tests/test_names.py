import pytest

from files.names import sanitize_filename


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("line\r\nbreak.csv", "linebreak.csv"),
        ("tab\there.csv", "tabhere.csv"),
        ("..", "upload"),
        ("", "upload"),
        ("/", "upload"),
        ("  spaced.csv  ", "spaced.csv"),
        ("x" * 300 + ".csv", "x" * 196 + ".csv"),
        ("Cafe\u0301.csv", "Caf\u00e9.csv"),
    ],
)
def test_sanitize_filename(given, expected):
    assert sanitize_filename(given) == expected
