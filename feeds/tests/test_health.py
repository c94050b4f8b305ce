from datetime import UTC, datetime, timedelta

from feeds.health import outcomes

HOUR = timedelta(hours=1)
T0 = datetime(2026, 7, 1, 9, tzinfo=UTC)


def test_each_expected_time_takes_one_run():
    expected = [T0, T0 + 24 * HOUR, T0 + 48 * HOUR, T0 + 72 * HOUR]
    runs = [
        T0 + timedelta(minutes=20),  # on time
        T0 + 24 * HOUR + 3 * HOUR,  # after the hour of grace, before the next: late
        # none for the third: missed
    ]
    now = T0 + 72 * HOUR + timedelta(minutes=30)  # the fourth's grace still runs

    assert outcomes(expected, runs, HOUR, now) == ["on_time", "late", "missed", "waiting"]


def test_a_run_before_its_expected_time_counts_for_it():
    expected = [T0, T0 + HOUR]
    runs = [T0 - timedelta(minutes=10), T0 + timedelta(minutes=50)]

    assert outcomes(expected, runs, timedelta(minutes=15), T0 + 3 * HOUR) == ["on_time", "on_time"]


def test_one_run_never_counts_twice():
    expected = [T0, T0 + HOUR, T0 + 2 * HOUR]
    runs = [T0 + timedelta(minutes=5)]

    assert outcomes(expected, runs, HOUR, T0 + 5 * HOUR) == ["on_time", "missed", "missed"]
