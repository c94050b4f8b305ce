"""Webhooks at scale: events fanned out and delivered by two worker processes (each with its
dispatcher) to receivers on loopback, every delivery counted at the receiver.

- `webhook_fanout`: 10,000 events to 10 endpoints, as fast as they go.
- `webhook_steady`: 100 events a second for 30 seconds to 10 endpoints; the delay from each
  event's commit to each receipt.
- `webhook_isolation`: the same, with one endpoint more that answers only after the timeout and
  one that answers 500: the healthy endpoints' delays.

The receiver is Debian's nginx (`return 204`, one log line per delivery: webhook-id, path,
time); wrk measures its own ceiling in the same run, posting 1 KB bodies."""

import asyncio
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.slow_clients import ensure_nginx

ROOT = Path(__file__).resolve().parent.parent
ENDPOINTS = 10
WORKERS = 2
STEADY_RATE = 100
STEADY_SECONDS = 30
CEILING_SCRIPT = ROOT / "bench" / "post_1k.lua"


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1)


class Receiver:
    """nginx on two ports: one answers 204 at once, the other 500; both log each request."""

    def __init__(self, port: int, failing_port: int) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="timp-receiver-"))
        self.log = self.folder / "received.log"
        self.port, self.failing_port = port, failing_port
        servers = "".join(
            f"server {{ listen 127.0.0.1:{listen}; keepalive_requests 1000000;"
            f" location / {{ access_log {self.log} hooks buffer=256k flush=200ms; return {status}; }} }}\n"
            for listen, status in ((port, 204), (failing_port, 500))
        )
        (self.folder / "nginx.conf").write_text(
            f"pid {self.folder}/nginx.pid;\nerror_log {self.folder}/error.log;\n"
            "worker_processes 1;\nevents { worker_connections 4096; }\n"
            f"http {{\nlog_format hooks '$http_webhook_id $uri $msec';\naccess_log off;\n"
            f"client_body_temp_path {self.folder}/body;\n{servers}}}\n"
        )

    def __enter__(self) -> "Receiver":
        self.process = subprocess.Popen(
            [ensure_nginx(), "-p", str(self.folder), "-c", str(self.folder / "nginx.conf"), "-g", "daemon off;"]
        )
        time.sleep(0.5)
        return self

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def receipts(self) -> dict[tuple[str, str], float]:
        """The first receipt of each (event, path); a repeat is not a new delivery."""
        received = {}
        if self.log.exists():
            for line in self.log.read_text().splitlines():
                message_id, path, at = line.split()
                if message_id.startswith("evt_"):
                    received.setdefault((message_id, path), float(at))
        return received

    def count(self) -> int:
        """Deliveries received by the healthy endpoints so far, repeats included."""
        if not self.log.exists():
            return 0
        with self.log.open() as log:
            return sum(1 for line in log if line.startswith("evt_") and " /endpoint-" in line)


class Silent:
    """An endpoint that answers only after the delivery timeout (10 s): 11 s after each request."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        asyncio.run_coroutine_threadsafe(self.start(), self.loop).result(timeout=10)

    async def start(self) -> None:
        self.server = await asyncio.start_server(self.answer_late, "127.0.0.1", self.port)

    async def answer_late(self, reader, writer) -> None:
        try:
            while await reader.read(65536):
                await asyncio.sleep(11)
                writer.write(b"HTTP/1.1 204 No Content\r\ncontent-length: 0\r\n\r\n")
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.server.close)


def cpu_seconds(workers: list[int]) -> dict[str, float]:
    """CPU time used so far by the worker processes, PostgreSQL's and nginx's (from /proc)."""
    used = {"workers": 0.0, "postgres": 0.0, "receiver": 0.0}
    ticks = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name, fields = text[text.index("(") + 1 : text.rindex(")")], text[text.rindex(")") + 2 :].split()
        part = {"postgres": "postgres", "nginx": "receiver"}.get(name)
        if int(stat.parent.name) in workers:
            part = "workers"
        if part:
            used[part] += (int(fields[11]) + int(fields[12])) / ticks
    return used


def with_children(pids: list[int]) -> list[int]:
    """The processes and their children (each worker's dispatcher)."""
    children = []
    for pid in pids:
        for listing in Path(f"/proc/{pid}/task").glob("*/children"):
            children += [int(child) for child in listing.read_text().split()]
    return pids + children


def cpu_per_delivery(before: dict, after: dict, deliveries: int) -> dict:
    """Milliseconds of CPU per delivery: the workers (Python), PostgreSQL, the receiver."""
    return {part: round((after[part] - before[part]) * 1000 / max(deliveries, 1), 3) for part in before}


def subscribe(organization, urls: list[str]) -> list:
    from events.models import WebhookEndpoint, WebhookSecret
    from events.services import new_secret

    endpoints = []
    for url in urls:
        endpoint = WebhookEndpoint.objects.create(organization=organization, url=url, event_types=["*"])
        WebhookSecret.objects.create(endpoint=endpoint, secret=new_secret())
        endpoints.append(endpoint)
    return endpoints


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)
    return True


def measure(ports: list[int], wrk, say, fanout_events: int) -> dict:
    from django.conf import settings
    from django.db import transaction

    from events.models import Event, WebhookDelivery, WebhookEndpoint
    from events.services import publish
    from organizations.tests.factories import OrganizationFactory

    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    port, failing_port, silent_port = ports
    healthy_urls = [f"http://127.0.0.1:{port}/endpoint-{n}" for n in range(ENDPOINTS)]
    env = {**os.environ, "WEBHOOK_ALLOW_PRIVATE_NETWORKS": "true", "LOG_LEVEL": "WARNING"}
    results = {}
    with Receiver(port, failing_port) as receiver:
        ceiling = wrk(f"http://127.0.0.1:{port}/ceiling", None, 5, str(CEILING_SCRIPT))["rps"]
        say(f"receiver ceiling: {ceiling:.0f} requests/s of 1 KB")
        workers = [
            subprocess.Popen([sys.executable, "manage.py", "worker", "--concurrency", "10"], cwd=ROOT, env=env)
            for _ in range(WORKERS)
        ]
        try:
            # webhook_fanout: every event committed at once (100 to a transaction), then delivered.
            organization = OrganizationFactory(name="Webhook Fan-out")
            endpoints = subscribe(organization, healthy_urls)
            parents = [process.pid for process in workers]
            wait_until(lambda: len(with_children(parents)) == 2 * WORKERS, 60)  # their dispatchers
            pids = with_children(parents)
            cpu_before = cpu_seconds(pids)
            started = time.time()
            for first in range(0, fanout_events, 100):
                with transaction.atomic():
                    for n in range(first, min(first + 100, fanout_events)):
                        publish("users/invited", audience=[organization.pk], data={"n": n})
            say(f"webhook_fanout: {fanout_events} events committed in {time.time() - started:.1f}s")
            expected = fanout_events * ENDPOINTS
            wait_until(lambda: receiver.count() >= expected, 900)
            cpu = cpu_per_delivery(cpu_before, cpu_seconds(pids), expected)
            committed = dict(Event.objects.filter(audience__organization=organization).values_list("id", "created_at"))
            received = {key: at for key, at in receiver.receipts().items() if int(key[0][4:]) in committed}
            delays = [(at - committed[int(key[0][4:])].timestamp()) * 1000 for key, at in received.items()]
            last = max(received.values(), default=started)
            results["webhook_fanout"] = {
                "events": fanout_events,
                "endpoints": ENDPOINTS,
                "delivered": len(received),
                "expected": expected,
                "per_second": round(len({key[0] for key in received}) / max(last - started, 0.001), 1),
                "deliveries_per_second": round(len(received) / max(last - started, 0.001), 1),
                "p50_ms": percentile(delays, 0.5),
                "p99_ms": percentile(delays, 0.99),
                "receiver_ceiling_rps": ceiling,
                "cpu_ms_per_delivery": cpu,
            }
            say(f"webhook_fanout: {results['webhook_fanout']}")
            WebhookEndpoint.objects.filter(pk__in=[e.pk for e in endpoints]).delete()

            for scenario, extra in (
                ("webhook_steady", []),
                (
                    "webhook_isolation",
                    [f"http://127.0.0.1:{silent_port}/silent", f"http://127.0.0.1:{failing_port}/failing"],
                ),
            ):
                silent = Silent(silent_port) if extra else None
                organization = OrganizationFactory(name=f"Webhook {scenario}")
                endpoints = subscribe(organization, healthy_urls + extra)
                commits = steady(organization, publish, transaction)
                ids = dict(Event.objects.filter(audience__organization=organization).values_list("data__n", "id"))
                at_commit = {f"evt_{ids[n]}": at for n, at in commits.items()}
                expected = len(commits) * ENDPOINTS
                wait_until(
                    lambda at_commit=at_commit, expected=expected: len(healthy(receiver, at_commit)) >= expected, 120
                )
                received = healthy(receiver, at_commit)
                delays = [(at - at_commit[key[0]]) * 1000 for key, at in received.items()]
                results[scenario] = {
                    "events": len(commits),
                    "endpoints": len(endpoints),
                    "delivered": len(received),
                    "expected": expected,
                    "p50_ms": percentile(delays, 0.5),
                    "p95_ms": percentile(delays, 0.95),
                    "p99_ms": percentile(delays, 0.99),
                }
                if extra:
                    attempts = WebhookDelivery.objects.filter(endpoint__in=endpoints[ENDPOINTS:])
                    results[scenario]["failing_attempts"] = attempts.exclude(status="pending").count()
                    silent.close()
                say(f"{scenario}: {results[scenario]}")
                WebhookEndpoint.objects.filter(pk__in=[e.pk for e in endpoints]).delete()
        finally:
            for process in workers:
                process.terminate()
            for process in workers:
                process.wait(timeout=60)
    return results


def healthy(receiver: Receiver, events: dict) -> dict:
    """The receipts of `events` by the healthy endpoints."""
    return {key: at for key, at in receiver.receipts().items() if key[0] in events and key[1].startswith("/endpoint-")}


def steady(organization, publish, transaction) -> dict[int, float]:
    """STEADY_RATE events a second for STEADY_SECONDS, each in its own transaction; the time
    each committed, by its number."""
    commits, started = {}, time.monotonic()
    for n in range(STEADY_RATE * STEADY_SECONDS):
        pause = started + n / STEADY_RATE - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        with transaction.atomic():
            publish("users/invited", audience=[organization.pk], data={"n": n})
        commits[n] = time.time()
    return commits
