from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from connections.cron import next_run, validate_cron

# Sunday 22 November 2026, 12:00:00 UTC
CLOCK = int(datetime(2026, 11, 22, 12, 0, tzinfo=UTC).timestamp())


@pytest.mark.parametrize(
    ("expression", "expected_next_run"),
    [
        # The examples of the published docs
        ("30 6,12 * * *", datetime(2026, 11, 22, 12, 30, tzinfo=UTC)),
        ("33 * * * *", datetime(2026, 11, 22, 12, 33, tzinfo=UTC)),
        ("* 30 12 * * 2", datetime(2026, 11, 24, 12, 30, tzinfo=UTC)),  # seconds first: 12:30 on Tuesdays
        ("* 20 12 3 8,9 *", datetime(2027, 8, 3, 12, 20, tzinfo=UTC)),  # 12:20 on 3 August and 3 September
        # Names, macros, extra spaces
        ("0 9 * * mon-fri", datetime(2026, 11, 23, 9, 0, tzinfo=UTC)),
        ("0 0 1 jan *", datetime(2027, 1, 1, tzinfo=UTC)),
        ("@daily", datetime(2026, 11, 23, tzinfo=UTC)),
        ("@hourly", datetime(2026, 11, 22, 13, 0, tzinfo=UTC)),
        ("  15   3  * * *  ", datetime(2026, 11, 23, 3, 15, tzinfo=UTC)),
        ("0 0 29 2 *", datetime(2028, 2, 29, tzinfo=UTC)),
    ],
)
def test_valid_schedules_and_their_next_run(expression, expected_next_run):
    validate_cron(expression)

    assert next_run(expression, CLOCK) == expected_next_run


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("ftp://foo:bar@baz.blerg", "five fields"),  # the third integration of the docs' example
        ("0 0 30 2 *", "never fires"),
        ("0 0 31 4,6 *", "never fires"),
        ("60 * * * *", "does not parse"),
        ("* * * * * * *", "five fields"),
        ("mon * * * *", "does not parse"),
        ("*/0 * * * *", "does not parse"),
        ("H * * * *", "hashed and random"),
        ("R 0 * * *", "hashed and random"),
        ("@reboot", "macros are"),
        ("", "five fields"),
        ("every day", "five fields"),
    ],
)
def test_invalid_schedules_are_refused_naming_the_value(expression, reason):
    with pytest.raises(ValidationError) as raised:
        validate_cron(expression)

    message = raised.value.messages[0]
    assert f'"{expression.replace(":bar@", ":***@")}"' in message
    assert reason in message


def test_an_overlong_value_is_refused_without_being_parsed_or_echoed():
    value = "1," * 150_000 + "1 * * * *"

    with pytest.raises(ValidationError) as raised:
        validate_cron(value)

    assert raised.value.messages == ["A cron schedule is at most 100 characters."]
