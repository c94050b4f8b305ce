from datetime import UTC, datetime

from feeds import schedule


def test_a_daily_time_keeps_its_local_hour_across_the_spring_change():
    # Berlin moves from UTC+1 to UTC+2 on 29 March 2026: 09:00 local is 08:00 UTC, then 07:00.
    times = schedule.expected_between(
        "0 9 * * *", "Europe/Berlin", datetime(2026, 3, 28, tzinfo=UTC), datetime(2026, 3, 30, 23, tzinfo=UTC)
    )

    assert times == [
        datetime(2026, 3, 28, 8, tzinfo=UTC),
        datetime(2026, 3, 29, 7, tzinfo=UTC),
        datetime(2026, 3, 30, 7, tzinfo=UTC),
    ]


def test_a_time_the_clocks_pass_twice_fires_once():
    # 25 October 2026, Berlin: 02:30 happens at 00:30 UTC (summer time) and at 01:30 UTC.
    times = schedule.expected_between(
        "30 2 * * *", "Europe/Berlin", datetime(2026, 10, 24, 12, tzinfo=UTC), datetime(2026, 10, 25, 12, tzinfo=UTC)
    )

    assert times == [datetime(2026, 10, 25, 0, 30, tzinfo=UTC)]


def test_a_time_the_clocks_skip_fires_once_they_have_moved_on():
    # 29 March 2026, Berlin: 02:00 local becomes 03:00; a 02:30 job runs at 03:00 (01:00 UTC).
    times = schedule.expected_between(
        "30 2 * * *", "Europe/Berlin", datetime(2026, 3, 28, 12, tzinfo=UTC), datetime(2026, 3, 29, 12, tzinfo=UTC)
    )

    assert times == [datetime(2026, 3, 29, 1, tzinfo=UTC)]


def test_the_next_expected_time_is_read_in_the_zone():
    after = datetime(2026, 7, 1, 12, tzinfo=UTC)

    assert schedule.expected_after("0 6 * * *", "America/New_York", after) == datetime(2026, 7, 2, 10, tzinfo=UTC)
    assert schedule.expected_after("0 6 * * *", "UTC", after) == datetime(2026, 7, 2, 6, tzinfo=UTC)


def test_a_day_counts_at_most_a_bounded_number_of_expected_times():
    day = datetime(2026, 7, 1, tzinfo=UTC).date()

    assert len(schedule.expected_on("* * * * *", "UTC", day)) == schedule.MAX_PER_DAY
