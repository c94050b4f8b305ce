"""The cron rule for integrations' `update_frequency`: one validator, used by the API, the
model and the admin, and the next scheduled time it gives."""

import re
from datetime import UTC, datetime
from functools import lru_cache

from croniter import CroniterBadCronError, CroniterBadDateError, CroniterError, croniter
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

from core.masking import mask_url_credentials

# croniter's Jenkins-style extensions: "H", "H(0-29)", "H/15", "R"; they are not cron.
HASHED_OR_RANDOM = re.compile(r"^[HR](?:\(|/|$)", re.IGNORECASE)
MAX_LENGTH = 100
# The work one schedule may cost is bounded: croniter searches this many years for the next run
# (29 February fires at most eight years apart), and a schedule that fires less often is refused.
MAX_YEARS_BETWEEN_RUNS = 10
MACROS = {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}
# Any year would do: a schedule that fires at all fires within croniter's search window from here.
REFERENCE_TIME = datetime(2000, 1, 1, tzinfo=UTC)


def normalize(expression: str) -> str:
    return " ".join(expression.split())


@lru_cache(maxsize=4096)
def next_run(expression: str, after_epoch_second: int) -> datetime:
    """The first time after `after_epoch_second` that the schedule fires (UTC).

    Five fields (minute hour day-of-month month day-of-week) or six with seconds first."""
    after = datetime.fromtimestamp(after_epoch_second, tz=UTC)
    return croniter(
        normalize(expression),
        after,
        ret_type=datetime,
        second_at_beginning=True,
        max_years_between_matches=MAX_YEARS_BETWEEN_RUNS,
    ).get_next()


@deconstructible
class CronValidator:
    """Accepts five-field cron expressions, six fields with seconds first (as the docs'
    examples are written), and the @daily-style macros; refuses anything that does not parse
    and schedules that can never fire (30 February). Messages name the value."""

    def __call__(self, value: str) -> None:
        if len(value) > MAX_LENGTH:
            # Refused before any parsing, and not echoed: the length rule says the rest.
            raise ValidationError(f"A cron schedule is at most {MAX_LENGTH} characters.", code="cron_too_long")
        expression = normalize(value)
        if expression.startswith("@"):
            if expression.lower() not in MACROS:
                raise self.invalid(value, f"the macros are {', '.join(sorted(MACROS))}")
            return
        fields = expression.split(" ")
        if len(fields) not in (5, 6):
            raise self.invalid(value, "use five fields (minute hour day month weekday) or six with seconds first")
        if any(HASHED_OR_RANDOM.match(part) for field in fields for part in field.split(",")):
            raise self.invalid(value, "hashed and random (H, R) fields are not supported")
        try:
            next_run(expression, int(REFERENCE_TIME.timestamp()))
        except CroniterBadDateError:
            raise ValidationError(
                f'"{mask_url_credentials(value)}" never fires: no date in {MAX_YEARS_BETWEEN_RUNS} years matches it.',
                code="cron_never_fires",
            ) from None
        except (CroniterBadCronError, CroniterError, ValueError, KeyError, IndexError):
            raise self.invalid(value, "it does not parse") from None

    @staticmethod
    def invalid(value: str, reason: str) -> ValidationError:
        # The value is echoed back to name it, so a URL pasted here must not carry its password back.
        return ValidationError(
            f'"{mask_url_credentials(value)}" is not a valid cron schedule: {reason}.', code="cron_invalid"
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CronValidator)

    def __hash__(self) -> int:
        return hash(CronValidator)


validate_cron = CronValidator()
