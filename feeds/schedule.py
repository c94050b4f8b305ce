"""When a feed's runs are expected: its cron read in its time zone (zoneinfo), as cron itself
reads it across daylight-saving changes: a time the clocks skip fires when they have moved on
(croniter's rule), and a time the clocks pass twice fires once, the first time."""

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from croniter import croniter

from connections.cron import MAX_YEARS_BETWEEN_RUNS, normalize

# Health counts at most this many expected runs a day; a schedule firing more often (every
# minute, every second) is counted as this many, which bounds what one read may cost.
MAX_PER_DAY = 96
TIME_ZONES = frozenset(available_timezones())


def expected_after(expression: str, zone: str, after: datetime) -> datetime:
    """The first expected time strictly after `after` (UTC)."""
    return first_after(expression, zone, int(after.timestamp()))


@lru_cache(maxsize=4096)
def first_after(expression: str, zone: str, after_epoch_second: int) -> datetime:
    # Schedules fire on whole seconds: the first time after a moment is the first after its second.
    return next(fire_times(expression, zone, datetime.fromtimestamp(after_epoch_second, tz=UTC)))


def fire_times(expression: str, zone: str, after: datetime):
    """Every time after `after` (UTC datetimes), in order."""
    local = after.astimezone(ZoneInfo(zone))
    times = croniter(
        normalize(expression),
        local,
        ret_type=datetime,
        second_at_beginning=True,
        max_years_between_matches=MAX_YEARS_BETWEEN_RUNS,
    )
    previous_wall = None
    while True:
        fired = times.get_next()
        wall = fired.replace(tzinfo=None)
        if wall == previous_wall:  # the hour the clocks go back: once is enough
            continue
        previous_wall = wall
        yield fired.astimezone(UTC)


@lru_cache(maxsize=8192)
def expected_on(expression: str, zone: str, day: date) -> tuple[datetime, ...]:
    """The expected times within one UTC day (at most MAX_PER_DAY): shared by every feed of the
    same schedule, so a page of feeds costs the schedule's expansion once."""
    start = datetime.combine(day, time(), tzinfo=UTC)
    end = start + timedelta(days=1)
    found = []
    for fired in fire_times(expression, zone, start - timedelta(microseconds=1)):
        if fired >= end or len(found) == MAX_PER_DAY:
            break
        found.append(fired)
    return tuple(found)


def expected_between(expression: str, zone: str, start: datetime, end: datetime) -> list[datetime]:
    """The expected times in [start, end]."""
    found = []
    day = start.astimezone(UTC).date()
    while day <= end.astimezone(UTC).date():
        found.extend(fired for fired in expected_on(expression, zone, day) if start <= fired <= end)
        day += timedelta(days=1)
    return found
