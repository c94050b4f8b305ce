"""How well a feed keeps its schedule, from its expected times and its runs, at a given time
`now` (never the clock: tests give it). Each expected time takes the first successful run not
taken by an earlier one that came after the expected time before it:
- on time: that run came by the expected time plus the grace;
- late: it came after the grace, but before the next expected time;
- missed: none came by then (or by now, for the last);
- waiting: its grace has not ended yet (counted nowhere)."""

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from feeds import schedule

WINDOW_DAYS = 30
BEGINNING = datetime.min.replace(tzinfo=UTC)
DAY_KEYS = ("expected", "on_time", "late", "missed", "failed")


def outcomes(expected: list[datetime], successes: list[datetime], grace: timedelta, now: datetime) -> list[str]:
    """The outcome of each expected time (in order), given the successful runs' times (sorted)."""
    found, taken = [], 0
    for index, expected_at in enumerate(expected):
        before = expected[index - 1] if index else BEGINNING
        after = expected[index + 1] if index + 1 < len(expected) else now
        while taken < len(successes) and successes[taken] <= before:
            taken += 1
        came = successes[taken] if taken < len(successes) else None
        if came is not None and came <= expected_at + grace:
            found.append("on_time")
        elif expected_at + grace > now:
            found.append("waiting")
            continue
        elif came is not None and came <= after:
            found.append("late")
        else:
            found.append("missed")
            continue
        taken += 1
    return found


@dataclass
class Record:
    """A feed's last 30 days: `days` oldest first, today (UTC) last."""

    missed: int | None
    on_time_share: float | None
    days: list[dict]


def record(feed, runs: list, now: datetime) -> Record:
    """From the feed's runs (any order, at least those of the last 30 days)."""
    today = now.astimezone(UTC).date()
    first_day = today - timedelta(days=WINDOW_DAYS - 1)
    days = {first_day + timedelta(days=n): Counter() for n in range(WINDOW_DAYS)}
    for run in runs:
        if run.status == "Failed" and run.date_imported.astimezone(UTC).date() in days:
            days[run.date_imported.astimezone(UTC).date()]["failed"] += 1
    counted = None
    if feed.stage == "live" and feed.live_since is not None and feed.integration.update_frequency:
        start = max(feed.live_since, datetime.combine(first_day, time(), tzinfo=UTC))
        expected = schedule.expected_between(feed.integration.update_frequency, feed.schedule_timezone, start, now)
        successes = sorted(
            run.date_imported for run in runs if run.status == "Successful" and run.date_imported >= start
        )
        counted = Counter()
        for expected_at, outcome in zip(expected, outcomes(expected, successes, grace(feed), now), strict=True):
            day = days[expected_at.date()]
            day["expected"] += 1
            day[outcome] += 1
            counted[outcome] += 1
    decided = counted and counted["on_time"] + counted["late"] + counted["missed"]
    return Record(
        missed=None if counted is None else counted["missed"],
        on_time_share=round(counted["on_time"] / decided, 4) if decided else None,
        days=[
            {
                "date": day.isoformat(),
                **{key: counts[key] for key in ("expected", "on_time", "late", "missed", "failed")},
            }
            for day, counts in days.items()
        ],
    )


def grace(feed) -> timedelta:
    return timedelta(minutes=feed.grace_minutes)


def window_start(now: datetime) -> datetime:
    first_day: date = now.astimezone(UTC).date() - timedelta(days=WINDOW_DAYS - 1)
    return datetime.combine(first_day, time(), tzinfo=UTC)


def add_days(records: list[Record], now: datetime) -> list[dict]:
    """The days of several feeds' records, added up."""
    first_day = now.astimezone(UTC).date() - timedelta(days=WINDOW_DAYS - 1)
    days = [
        {"date": (first_day + timedelta(days=n)).isoformat(), **dict.fromkeys(DAY_KEYS, 0)} for n in range(WINDOW_DAYS)
    ]
    for found in records:
        for total, day in zip(days, found.days, strict=True):
            for key in DAY_KEYS:
                total[key] += day[key]
    return days
