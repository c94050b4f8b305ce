"""`webhook_fanout`: events fanned out to 10 endpoints on loopback by two worker processes;
delivered events per second and the delay from each event's commit to its receipt, with every
delivery counted at the receiver."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENDPOINTS = 10
WORKERS = 2


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(port: int, events: int, say, timeout: int = 1800) -> dict:
    from django.conf import settings
    from django.db import transaction

    from events.models import Event, WebhookEndpoint, WebhookSecret
    from events.services import new_secret, publish
    from organizations.tests.factories import OrganizationFactory

    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    organization = OrganizationFactory(name="Webhook Fan-out")
    for n in range(ENDPOINTS):
        endpoint = WebhookEndpoint.objects.create(
            organization=organization, url=f"http://127.0.0.1:{port}/endpoint-{n}", event_types=["*"]
        )
        WebhookSecret.objects.create(endpoint=endpoint, secret=new_secret())
    log = Path(tempfile.mkstemp(suffix=".log")[1])
    env = {**os.environ, "WEBHOOK_ALLOW_PRIVATE_NETWORKS": "true", "LOG_LEVEL": "WARNING"}
    receiver = subprocess.Popen([sys.executable, str(ROOT / "bench" / "receiver.py"), str(port), str(log)])
    workers = [
        subprocess.Popen([sys.executable, "manage.py", "worker", "--concurrency", "10"], cwd=ROOT, env=env)
        for _ in range(WORKERS)
    ]
    try:
        started = time.time()
        for n in range(events):
            with transaction.atomic():
                publish("users/invited", audience=[organization.pk], data={"n": n})
        say(f"webhook_fanout: {events} events committed in {time.time() - started:.1f}s")
        expected = events * ENDPOINTS
        while count_lines(log) < expected and time.time() - started < timeout:
            time.sleep(1)
        finished = time.time()
    finally:
        for process in (*workers, receiver):
            process.terminate()
        for process in (*workers, receiver):
            process.wait(timeout=60)
    published = Event.objects.filter(type="users/invited", audience__organization=organization)
    committed = dict(published.values_list("id", "created_at"))
    receipts = {}
    for line in log.read_text().splitlines():
        message_id, path, at = line.split()
        receipts.setdefault((message_id, path), float(at))  # a repeat is not a new delivery
    log.unlink()
    delays = [(at - committed[int(message_id[4:])].timestamp()) * 1000 for (message_id, _), at in receipts.items()]
    delivered_events = sum(
        1 for pk in committed if all((f"evt_{pk}", f"/endpoint-{n}") in receipts for n in range(ENDPOINTS))
    )
    last = max(receipts.values()) if receipts else finished
    return {
        "events": events,
        "endpoints": ENDPOINTS,
        "delivered": len(receipts),
        "expected": expected,
        "events_fully_delivered": delivered_events,
        "per_second": round(delivered_events / max(last - started, 0.001), 1),
        "p50_ms": round(percentile(delays, 0.5), 1) if delays else None,
        "p99_ms": round(percentile(delays, 0.99), 1) if delays else None,
    }


def count_lines(path: Path) -> int:
    with path.open("rb") as file:
        return sum(1 for _ in file)
