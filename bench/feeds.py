"""Feeds in the benchmark: runs reported by API key and by ping URL over many live feeds, the
monitor's tick over 100,000 live feeds of which 10 % are due, and a 100,000-row file check
against the time of a bare csv.reader pass over the same file."""

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from connections.models import Connection, ConnectionRequest, Integration
from feeds import services
from feeds.models import Check, Feed
from organizations import services as organizations

REPORTED_FEEDS = 64
MONITORED = 100_000
DUE_SHARE = 0.1
BATCH = 10_000
FILE_ROWS = 100_000
TRACKING_HEADER = (
    "retailer_org_uuid,retailer_po,tracking_number,sku_id,quantity_shipped,supplier_provided_sku_cost,"
    "package_weight,package_ship_date,supplier_provided_method,supplier_provided_carrier,supplier_po,"
    "supplier_provided_notes"
)
TRACKING_ROW = (
    "6f1c4a44-7303-432a-bdb1-b4ca1199bd12,PO-{n},1Z999AA10123456{n},SKU-{n},3,12.50,2 lb,2026-07-01,"
    "Ground,UPS,SPO-{n},Leave at the door"
)


def live_feeds(user, count: int) -> list[Feed]:
    """`count` live order feeds (the retailer sends them) on the user's connections."""
    connections = list(Connection.objects.filter(retailer__organization=user.organization)[:count])
    request = ConnectionRequest.objects.filter(organization=user.organization).first()
    Integration.objects.bulk_create(
        Integration(request=request, connection=c, integration_type="order", update_frequency="@hourly")
        for c in connections
    )
    feeds = []
    for c in connections:
        services.open_feeds(c)
        feed = Feed.objects.select_related("integration", "connection__retailer", "connection__supplier").get(
            connection=c, integration__integration_type="order"
        )
        Check.objects.create(feed=feed, file_name="orders.csv", spec="orders", passed=True, rows=1, error_count=0)
        services.update_feed(feed=feed, user=user, stage="testing")
        feeds.append(services.update_feed(feed=feed, user=user, stage="live"))
    return feeds


def reporting_key(user) -> str:
    return organizations.create_api_key(
        organization=user.organization, name="Runs", created_by=user, permissions=["manage_connections"]
    )[1]


def paths_file(paths: list[str]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as file:
        file.write("\n".join(paths) + "\n")
    return file.name


def measure_reports(against_ceiling, base: str, user) -> dict:
    """`feed_runs_report` (POST …/runs/ by API key) and `feed_ping` (GET a ping URL)."""
    feeds = live_feeds(user, REPORTED_FEEDS)
    key = reporting_key(user)
    runs = paths_file([f"/timp/organizations/connections/{f.connection_id}/integrations/{f.pk}/runs/" for f in feeds])
    pings = paths_file([f"/timp/ping/{f.ping_key}/" for f in feeds])
    try:
        os.environ.update(BENCH_PATHS=runs, BENCH_BODY=json.dumps({"status": "Successful", "count": 10}))
        reported = against_ceiling(base, base, key, "paths.lua")
        del os.environ["BENCH_BODY"]
        os.environ["BENCH_PATHS"] = pings
        pinged = against_ceiling(base, base, None, "paths.lua")
    finally:
        os.environ.pop("BENCH_BODY", None)
        os.environ.pop("BENCH_PATHS", None)
        os.unlink(runs)
        os.unlink(pings)
    return {"feed_runs_report": reported, "feed_ping": pinged}


@transaction.atomic
def monitored_feeds(world: dict) -> int:
    """MONITORED live feeds (as inserts: no events), DUE_SHARE of them past their grace."""
    now = timezone.now()
    requests = list(ConnectionRequest.objects.values_list("pk", flat=True)[:BATCH])
    connections = list(Connection.objects.values_list("pk", flat=True)[:BATCH])
    due = int(MONITORED * DUE_SHARE)
    for start in range(0, MONITORED, BATCH):
        integrations = Integration.objects.bulk_create(
            Integration(
                uuid=uuid.uuid4(),
                request_id=requests[n % len(requests)],
                connection_id=connections[n % len(connections)],
                integration_type="tracking",
                update_frequency="0 6 * * *" if n % 2 else "@hourly",
            )
            for n in range(start, start + BATCH)
        )
        Feed.objects.bulk_create(
            Feed(
                integration=integration,
                connection_id=integration.connection_id,
                sender="SUPPLIER",
                stage=Feed.Stage.LIVE,
                live_since=now - timedelta(days=2),
                health=Feed.Health.UP,
                last_run_at=now - timedelta(hours=2),
                last_status="Successful",
                next_expected_at=now - timedelta(minutes=90 if n < due else -90),
                alert_at=now - timedelta(minutes=30 if n < due else -150),
            )
            for n, integration in zip(range(start, start + BATCH), integrations, strict=True)
        )
    return due


# The monitor's finding query (`services.watch`, its joins aside), as EXPLAIN shows its plan.
WATCH_SQL = """
    SELECT integration_id FROM feeds_feed
    WHERE alert_at <= now() AND health IN ('new', 'up')
    ORDER BY alert_at LIMIT %s FOR UPDATE SKIP LOCKED
"""


def backend_cpu_seconds(pid: int) -> float:
    """The CPU time PostgreSQL's backend `pid` has used (the database runs on this machine)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_monitor(world: dict, analyze) -> dict:
    """The monitor over MONITORED live feeds, DUE_SHARE of them late at once: its ticks (a batch
    each) until none is left, each tick's queries and the CPU time of the database backend
    that ran them (`db_seconds`: the most a tick took), and the plan of the finding query."""
    due = monitored_feeds(world)
    analyze()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + WATCH_SQL, [services.WATCH_BATCH])
        plan = [row[0] for row in cursor.fetchall()]
        transaction.set_rollback(True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (backend,) = cursor.fetchone()
    ticks, started = [], time.perf_counter()
    while True:
        with CaptureQueriesContext(connection) as context:
            cpu_before = backend_cpu_seconds(backend)
            found = services.watch()
            db_seconds = backend_cpu_seconds(backend) - cpu_before
        ticks.append({"found": found, "queries": len(context.captured_queries), "db_seconds": db_seconds})
        if found < services.WATCH_BATCH:
            break
    return {
        "feeds": MONITORED,
        "due": due,
        "found": sum(tick["found"] for tick in ticks),
        "ticks": len(ticks),
        "batch": services.WATCH_BATCH,
        "queries": max(tick["queries"] for tick in ticks[:-1] or ticks),
        "db_seconds": round(max(tick["db_seconds"] for tick in ticks), 3),
        "db_seconds_in_all": round(sum(tick["db_seconds"] for tick in ticks), 3),
        "seconds": round(time.perf_counter() - started, 3),
        "plan": plan,
    }


CHECK_ALONE = """
import resource, sys, time
import django
django.setup()
from feeds import checking
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
with open(sys.argv[1], "rb") as upload:
    result = checking.check(upload, file_name="tracking.csv", kind="csv", integration_type="tracking")
seconds = time.perf_counter() - started
growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(result.rows, result.error_count, seconds, growth)
"""


def measure_file_check(root: Path) -> dict:
    """A 100,000-row tracking CSV checked in a process of its own (its peak memory is the
    check's), and a bare csv.reader pass over the same file."""
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as file:
        file.write(TRACKING_HEADER + "\n")
        for n in range(FILE_ROWS):
            file.write(TRACKING_ROW.format(n=n) + "\n")
    try:
        started = time.perf_counter()
        with open(file.name, newline="") as text:
            for _ in csv.reader(text):
                pass
        bare = time.perf_counter() - started
        output = subprocess.run(
            [sys.executable, "-c", CHECK_ALONE, file.name], cwd=root, capture_output=True, text=True, check=True
        ).stdout.split()
    finally:
        os.unlink(file.name)
    rows, errors, seconds, growth = int(output[0]), int(output[1]), float(output[2]), float(output[3])
    assert (rows, errors) == (FILE_ROWS, 0), output
    return {
        "rows": rows,
        "seconds": round(seconds, 3),
        "csv_reader_seconds": round(bare, 3),
        "peak_rss_growth_mb": round(growth, 1),
    }
