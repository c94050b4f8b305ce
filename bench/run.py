"""The load benchmark (`make bench`): production settings under gunicorn, a throwaway
PostgreSQL (started by `make bench`, durable settings), a realistic data set, and wrk on
loopback. Every scenario runs for the same time at the same concurrency (wrk -t2 -c16);
throughput is compared with /healthz measured in the same run.

Writes bench/results/latest.json (and a dated copy) and the README's results table."""

import json
import multiprocessing
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
# /healthz measured just before each scenario, for that scenario's ratio.
CEILING_SECONDS = int(os.environ.get("BENCH_CEILING_SECONDS", "5"))
GROWTH_SECONDS = int(os.environ.get("BENCH_GROWTH_SECONDS", "10"))
WRK = ["-t2", "-c16", "--latency"]
GROWTH_STAGES = (200, 2000, 20_000)
# Ratios to /healthz, and p99 in milliseconds, that the scenarios must reach.
BUDGETS = {
    "org_detail": 0.14,
    "request_detail": 0.14,
    "connections_list": 0.04,
    "request_create": 0.1,
    "feed_runs_report": 0.1,
    "feed_ping": 0.15,
}
# Creates with events on keep this share of their ratio with events off, each measured this
# many times, alternately.
EVENTS_COST_BUDGET = 0.9
CREATE_ROUNDS = 2
WEBHOOK_DELIVERIES_BUDGET = 1000
WEBHOOK_STEADY_P99_BUDGET_MS = 500
WEBHOOK_ISOLATION_BUDGET = 1.2
# A request authenticated by API key costs no more than one by a user's token: within 10%.
API_KEY_BUDGET = 0.9
LIST_P99_BUDGET_MS = 250
GROWTH_BUDGET = 1.5
COSTLY_CRONS_BUDGET = 1.25
DISCOVERY_SEARCH = "Supplier 142"
DISCOVERY_GROWN = 20_000
DISCOVERY_BUDGET = 0.1
LARGE_MEMBER = 100_000
LARGE_MEMBER_BUDGET = 2.0
SLOW_CLIENTS_P99_BUDGET_MS = 250
WEBHOOK_EVENTS = int(os.environ.get("BENCH_WEBHOOK_EVENTS", "10000"))
SANDBOX_TENANTS = 200
FEED_MONITOR_DB_SECONDS_BUDGET = 0.5
FILE_CHECK_BUDGET = 5
FILE_CHECK_RSS_BUDGET_MB = 50
# An import of rows goes at least this many times as fast as one request created per call,
# and leaves org_detail this share of its ratio.
IMPORT_SPEED_BUDGET = 2
IMPORT_ORG_DETAIL_BUDGET = 0.8
# The console's dashboard p50 is at most this many times org_detail's.
CONSOLE_DASHBOARD_BUDGET = 2

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1",
    "HTTPS": "true",
    # wrk plays the TLS-terminating proxy: it says the original request was HTTPS.
    "TRUST_X_FORWARDED_PROTO": "true",
    # One token makes every request here; the throttle still runs (and is measured), it just never says no.
    "API_THROTTLE_RATE": "1000000000/minute",
    "PING_THROTTLE_RATE": "1000000000/minute",
    "DJANGO_SETTINGS_MODULE": "timp_api.settings",
}


def say(message: str) -> None:
    print(f"bench: {message}", flush=True)


def ensure_wrk() -> str:
    if not shutil.which("wrk"):
        subprocess.run(["sh", str(ROOT / "scripts" / "apt-install.sh"), "wrk"], check=True)
    return shutil.which("wrk")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def to_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def wrk(url: str, token: str | None, seconds: int, script: str | None = None, header: str | None = None) -> dict:
    command = [ensure_wrk(), *WRK, f"-d{seconds}s", "-H", "X-Forwarded-Proto: https"]
    if token:
        command += ["-H", f"Authorization: Token {token}"]
    if header:
        command += ["-H", header]
    if script:
        command += ["-s", str(ROOT / "bench" / script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": to_ms(re.search(r"\s50%\s+(\S+)", output).group(1)),
        "p99_ms": to_ms(re.search(r"\s99%\s+(\S+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def against_ceiling(
    base: str, url: str, token: str | None, script: str | None = None, header: str | None = None
) -> dict:
    """A scenario, with /healthz measured just before it: this machine's speed drifts within a
    run (its cores are shared), so each ratio compares two measurements seconds apart rather
    than minutes."""
    ceiling = wrk(f"{base}/healthz", None, CEILING_SECONDS)
    return {**wrk(url, token, SECONDS, script, header), "healthz_rps": ceiling["rps"]}


def alternated(servers: dict[str, str], token: str, script: str) -> dict:
    """Creates on each server (scenario → base URL) in turn, CREATE_ROUNDS times, each scenario
    the mean of its runs: two scenarios compared with each other (events on and off) are
    measured at one point of the run, interleaved, because this machine's speed drifts by more
    than their difference within minutes. Every run names organizations of its own."""
    runs = {name: [] for name in servers}
    for round_number in range(CREATE_ROUNDS):
        for name, base in servers.items():
            os.environ["BENCH_PREFIX"] = f"{name} {round_number}"  # create.lua's names
            runs[name].append(against_ceiling(base, f"{base}/timp/organizations/connections/request/", token, script))
    return {
        name: {
            **{key: round(statistics.mean(run[key] for run in results), 2) for key in ("rps", "p50_ms", "healthz_rps")},
            "p99_ms": max(run["p99_ms"] for run in results),
            **{key: sum(run[key] for run in results) for key in ("requests", "non_2xx")},
            "runs": len(results),
        }
        for name, results in runs.items()
    }


class Gunicorn:
    def __init__(self, port: int, name: str = "gunicorn", **env: str) -> None:
        self.port, self.env = port, env
        self.base = f"http://127.0.0.1:{port}"
        self.log = RESULTS / f"{name}.log.tmp"

    def __enter__(self) -> "Gunicorn":
        env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(self.port), **self.env}
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(
            [str(gunicorn), "--config", "python:timp_api.gunicorn", "timp_api.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1)
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start; see {self.log}")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def analyze() -> None:
    from django.db import connection

    # As autovacuum would have by then: statistics, and a visibility map for index-only scans.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def main() -> int:
    os.environ.update(PRODUCTION)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from bench import console as console_bench
    from bench import dataset
    from bench import feeds as feed_bench
    from bench import imports as import_bench
    from bench.events_concurrent import measure as measure_events_concurrent
    from bench.sandbox_lifecycle import measure as measure_lifecycles
    from bench.slow_clients import measure as measure_slow_clients
    from bench.webhooks import measure as measure_webhooks
    from connections import selectors
    from connections.models import ConnectionRequest, Integration
    from organizations.models import Participation
    from organizations.tests.factories import UserFactory
    from timp_api import gunicorn as gunicorn_config

    RESULTS.mkdir(exist_ok=True)
    ensure_wrk()
    call_command("migrate", verbosity=0)
    # As the image does: the console's pages name their static files by the manifest.
    call_command("collectstatic", interactive=False, verbosity=0)
    loading = time.perf_counter()
    world = dataset.create_organizations()
    token = dataset.token_for(world["user"])
    api_key = dataset.api_key_for(world["user"])
    load_seconds = time.perf_counter() - loading
    base = f"http://127.0.0.1:{free_port()}"
    growth = {}
    with Gunicorn(int(base.rsplit(":", 1)[1])):
        for stage in GROWTH_STAGES:
            loading = time.perf_counter()
            dataset.grow_connections(world, to=stage)
            analyze()
            load_seconds += time.perf_counter() - loading
            say(f"{stage} connections in the database")
            growth[str(stage)] = wrk(f"{base}/timp/organizations/connections/?limit=50", token, GROWTH_SECONDS)[
                "p50_ms"
            ]
        loading = time.perf_counter()
        detail = dataset.create_requests(world)
        schedule_members = {
            name: dataset.token_for(dataset.create_member_with_schedules(f"Schedules {name}", schedule))
            for name, schedule in (("plain", lambda n: "@daily"), ("costly", dataset.costly_schedule))
        }
        analyze()
        load_seconds += time.perf_counter() - loading
        say(
            "data set complete: 2,000 organizations, 20,000 connections, 20,000 requests "
            f"with 60,000 integrations, loaded in {load_seconds:.1f}s"
        )
        requests_before = ConnectionRequest.objects.count()
        integrations_before = Integration.objects.count()
        healthz = wrk(f"{base}/healthz", None, SECONDS)
        scenarios = {
            "healthz": {**healthz, "healthz_rps": healthz["rps"]},
            "org_detail": against_ceiling(base, f"{base}/timp/organizations/", token),
            "org_detail_api_key": against_ceiling(base, f"{base}/timp/organizations/", api_key),
            "connections_list": against_ceiling(base, f"{base}/timp/organizations/connections/?limit=50", token),
            "request_detail": against_ceiling(
                base, f"{base}/timp/organizations/connections/request/{detail.uuid}/", token
            ),
        }
        # Creates with events on and with events off (a second server), at one point of the run.
        with Gunicorn(free_port(), "events_off", EVENTS_ENABLED="false") as quiet:
            scenarios.update(
                alternated({"request_create": base, "request_create_events_off": quiet.base}, token, "create.lua")
            )
        # Pages of 20 requests with 50 integrations each: plain schedules, then costly ones.
        for name, member in schedule_members.items():
            requests_list = f"{base}/timp/organizations/connections/request/?limit=20"
            scenarios[f"requests_list_{name}_crons"] = against_ceiling(base, requests_list, member)
        # Discovery: a name search among every organization of the data set, then among 20,000.
        plans = {}
        dataset.join_discovery([role.organization for role in (*world["retailers"], *world["suppliers"])])
        for scenario, size in (("discovery_search", None), ("discovery_search_20000", DISCOVERY_GROWN)):
            if size:
                dataset.grow_discovery(world, to=size)
            analyze()
            plans[scenario] = selectors.Discovery(caller=world["user"].organization, search=DISCOVERY_SEARCH).explain()
            say(f"{Participation.objects.count()} organizations in discovery")
            scenarios[scenario] = against_ceiling(
                base, f"{base}/timp/discovery/suppliers/?search={quote(DISCOVERY_SEARCH)}", token
            )
        # One member with LARGE_MEMBER connections: its first and last pages, a search, by name.
        large = dataset.token_for(dataset.create_large_member(LARGE_MEMBER))
        analyze()
        say(f"a member with {LARGE_MEMBER:,} connections")
        connections = f"{base}/timp/organizations/connections/?limit=50"
        for scenario, query in (
            ("large_member_first", ""),
            ("large_member_last", f"&start={LARGE_MEMBER - 50}"),
            ("large_member_search", "&search=Supplier%2004217"),
            ("large_member_by_name", "&ordering=supplier_name"),
        ):
            scenarios[scenario] = against_ceiling(base, connections + query, large)
        # Counted now: the sandbox's lifecycles below make requests of their own.
        created = ConnectionRequest.objects.count() - requests_before
        created_integrations = Integration.objects.count() - integrations_before
        say("slow clients: straight at gunicorn, then through nginx")
        slow_clients = measure_slow_clients(wrk, int(base.rsplit(":", 1)[1]), free_port(), GROWTH_SECONDS)
        say("events_concurrent: 32 writers for 20 s, one client polling the feed")
        poller = UserFactory()
        events_concurrent = measure_events_concurrent(base, poller, dataset.token_for(poller))
        say(f"events_concurrent: {events_concurrent}")
        say(f"feeds: runs reported by API key and by ping URL, over {feed_bench.REPORTED_FEEDS} live feeds")
        scenarios.update(feed_bench.measure_reports(against_ceiling, base, world["user"]))
        say(f"request_import: {import_bench.ROWS:,} rows by a worker, org_detail read meanwhile")
        org_detail = scenarios["org_detail"]
        request_import = import_bench.measure(ROOT, base, token, wrk, org_detail["rps"] / org_detail["healthz_rps"])
        say(f"request_import: {request_import}")
        say("console_dashboard: the account managers' dashboard over the whole data set")
        session = console_bench.prepare(world)
        analyze()
        console_bench.check(base, session)
        scenarios["console_dashboard"] = against_ceiling(base, f"{base}/admin/", None, header=session)
    say(f"sandbox: {SANDBOX_TENANTS} tenants, each through the whole lifecycle")
    sandbox_port = free_port()
    with Gunicorn(sandbox_port, TIMP_SANDBOX="true", SANDBOX_SIGNUP_THROTTLE_RATE="1000000/hour"):
        sandbox_lifecycle = measure_lifecycles(f"http://127.0.0.1:{sandbox_port}", SANDBOX_TENANTS)
    say(f"webhooks: {WEBHOOK_EVENTS} events to 10 endpoints, then a steady load, then with bad endpoints")
    webhooks = measure_webhooks([free_port() for _ in range(3)], wrk, say, WEBHOOK_EVENTS)
    say(f"feed_monitor: ticks over {feed_bench.MONITORED:,} live feeds")
    feed_monitor = feed_bench.measure_monitor(world, analyze)
    say(f"feed_monitor: { ({k: v for k, v in feed_monitor.items() if k != 'plan'}) }")
    say(f"file_check: {feed_bench.FILE_ROWS:,} rows")
    file_check = feed_bench.measure_file_check(ROOT)
    creates = [scenarios[name] for name in ("request_create", "request_create_events_off")]
    for result in scenarios.values():
        result["ratio"] = round(result["rps"] / result["healthz_rps"], 4)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{multiprocessing.cpu_count()} cores, gunicorn {gunicorn_config.workers} sync workers, "
        f"wrk {' '.join(WRK)} -d{SECONDS}s",
        "scenarios": {
            name: {key: result[key] for key in ("rps", "p50_ms", "p99_ms", "healthz_rps", "ratio")}
            for name, result in scenarios.items()
        },
        "growth": growth,
        "plans": plans,
        "slow_clients": {
            "trickling_clients": slow_clients["trickling_clients"],
            **{
                path: {key: slow_clients[path][key] for key in ("rps", "p50_ms", "p99_ms", "socket_errors")}
                for path in ("direct", "through_proxy")
            },
        },
        **webhooks,
        "events_concurrent": events_concurrent,
        "feed_monitor": feed_monitor,
        "file_check": file_check,
        "request_import": request_import,
        "sandbox_lifecycle": sandbox_lifecycle,
        "load_seconds": round(load_seconds, 1),
        "create_check": {
            "responses_2xx": sum(run["requests"] - run["non_2xx"] for run in creates),
            "non_2xx": sum(run["non_2xx"] for run in creates),
            "runs": sum(run["runs"] for run in creates),
            "rows_created": created,
            "integrations_created": created_integrations,
        },
    }
    verdicts = check(report)
    report["budgets"] = verdicts
    write(report)
    return 0 if all(v["met"] for v in verdicts.values()) else 1


def check(report: dict) -> dict:
    scenarios, growth, create = report["scenarios"], report["growth"], report["create_check"]
    verdicts = {
        f"{name} ratio >= {floor}": {"value": scenarios[name]["ratio"], "met": scenarios[name]["ratio"] >= floor}
        for name, floor in BUDGETS.items()
    }
    by_key = round(scenarios["org_detail_api_key"]["ratio"] / scenarios["org_detail"]["ratio"], 3)
    verdicts[f"org_detail_api_key >= {API_KEY_BUDGET} x org_detail"] = {
        "value": by_key,
        "met": by_key >= API_KEY_BUDGET,
    }
    verdicts[f"connections_list p99 < {LIST_P99_BUDGET_MS} ms"] = {
        "value": scenarios["connections_list"]["p99_ms"],
        "met": scenarios["connections_list"]["p99_ms"] < LIST_P99_BUDGET_MS,
    }
    costly = round(
        scenarios["requests_list_costly_crons"]["p50_ms"] / scenarios["requests_list_plain_crons"]["p50_ms"], 2
    )
    verdicts[f"requests list p50 with costly crons <= {COSTLY_CRONS_BUDGET} x with plain ones"] = {
        "value": costly,
        "met": costly <= COSTLY_CRONS_BUDGET,
    }
    for name in ("discovery_search", "discovery_search_20000"):
        verdicts[f"{name} ratio >= {DISCOVERY_BUDGET}"] = {
            "value": scenarios[name]["ratio"],
            "met": scenarios[name]["ratio"] >= DISCOVERY_BUDGET,
        }
    # At 2,000 organizations PostgreSQL reads the table's few pages rather than the index (its
    # cheaper plan, in report["plans"]); from 20,000 on, the search must walk the trigram index.
    on_index = "organization_name_contains" in report["plans"]["discovery_search_20000"]
    verdicts["discovery_search_20000 walks the trigram index"] = {"value": on_index, "met": on_index}
    first = scenarios["large_member_first"]["p50_ms"]
    for name in ("large_member_last", "large_member_search", "large_member_by_name"):
        verdicts[f"{name} p50 <= {LARGE_MEMBER_BUDGET} x large_member_first"] = {
            "value": round(scenarios[name]["p50_ms"] / first, 2),
            "met": scenarios[name]["p50_ms"] <= LARGE_MEMBER_BUDGET * first,
        }
    proxied = report["slow_clients"]["through_proxy"]
    verdicts[f"/healthz through the proxy while clients trickle: p99 < {SLOW_CLIENTS_P99_BUDGET_MS} ms, no errors"] = {
        "value": {"p99_ms": proxied["p99_ms"], "socket_errors": proxied["socket_errors"]},
        "met": proxied["p99_ms"] < SLOW_CLIENTS_P99_BUDGET_MS and proxied["socket_errors"] == 0,
    }
    flatness = round(growth["20000"] / growth["200"], 2)
    verdicts[f"list p50 at 20,000 <= {GROWTH_BUDGET} x at 200"] = {"value": flatness, "met": flatness <= GROWTH_BUDGET}
    # Requests still in flight when wrk stops may complete after it: up to one per connection.
    in_flight = create["runs"] * int(WRK[1].removeprefix("-c"))
    rows_ok = (
        create["non_2xx"] == 0
        and create["responses_2xx"] <= create["rows_created"] <= create["responses_2xx"] + in_flight
        and create["integrations_created"] == 3 * create["rows_created"]
    )
    verdicts["creates: no lost or duplicated rows"] = {"value": create, "met": rows_ok}
    lifecycles = report["sandbox_lifecycle"]
    verdicts["sandbox_lifecycle: no errors, no tenant sees another's rows"] = {
        "value": {key: lifecycles[key] for key in ("errors", "cross_tenant_rows")},
        "met": lifecycles["errors"] == 0 and lifecycles["cross_tenant_rows"] == 0,
    }
    events_off = round(scenarios["request_create"]["ratio"] / scenarios["request_create_events_off"]["ratio"], 3)
    verdicts[f"request_create >= {EVENTS_COST_BUDGET} x request_create_events_off"] = {
        "value": events_off,
        "met": events_off >= EVENTS_COST_BUDGET,
    }
    for name in ("webhook_fanout", "webhook_steady", "webhook_isolation"):
        result = report[name]
        verdicts[f"{name}: every event delivered to every endpoint"] = {
            "value": f"{result['delivered']} of {result['expected']}",
            "met": result["delivered"] == result["expected"],
        }
    fanout = report["webhook_fanout"]["deliveries_per_second"]
    verdicts[f"webhook_fanout >= {WEBHOOK_DELIVERIES_BUDGET} deliveries/s"] = {
        "value": fanout,
        "met": fanout >= WEBHOOK_DELIVERIES_BUDGET,
    }
    steady = report["webhook_steady"]["p99_ms"]
    verdicts[f"webhook_steady p99 <= {WEBHOOK_STEADY_P99_BUDGET_MS} ms"] = {
        "value": steady,
        "met": steady is not None and steady <= WEBHOOK_STEADY_P99_BUDGET_MS,
    }
    isolated = report["webhook_isolation"]["p99_ms"]
    isolation = round(isolated / steady, 2) if isolated and steady else None
    verdicts[f"webhook_isolation p99 <= {WEBHOOK_ISOLATION_BUDGET} x webhook_steady"] = {
        "value": isolation,
        "met": isolation is not None and isolation <= WEBHOOK_ISOLATION_BUDGET,
    }
    concurrent = report["events_concurrent"]
    verdicts["events_concurrent: every event seen once"] = {
        "value": {key: concurrent[key] for key in ("events", "lost", "repeated")},
        "met": concurrent["lost"] == 0 and concurrent["repeated"] == 0 and concurrent["events"] > 0,
    }
    monitor = report["feed_monitor"]
    verdicts[
        f"feed_monitor: every due feed found, each tick in <= {FEED_MONITOR_DB_SECONDS_BUDGET} s of database time"
    ] = {
        "value": {key: monitor[key] for key in ("due", "found", "ticks", "queries", "db_seconds")},
        "met": monitor["found"] == monitor["due"] and monitor["db_seconds"] <= FEED_MONITOR_DB_SECONDS_BUDGET,
    }
    checked = report["file_check"]
    times = round(checked["seconds"] / checked["csv_reader_seconds"], 2)
    verdicts[f"file_check <= {FILE_CHECK_BUDGET} x a bare csv.reader pass"] = {
        "value": times,
        "met": times <= FILE_CHECK_BUDGET,
    }
    verdicts[f"file_check peak RSS growth <= {FILE_CHECK_RSS_BUDGET_MB} MB"] = {
        "value": checked["peak_rss_growth_mb"],
        "met": checked["peak_rss_growth_mb"] <= FILE_CHECK_RSS_BUDGET_MB,
    }
    imported = report["request_import"]
    creates = scenarios["request_create"]["rps"]
    verdicts["request_import: every row created, still running while org_detail was read"] = {
        "value": {key: imported[key] for key in ("status", "created", "still_running_after_load")},
        "met": imported["status"] == "done"
        and imported["created"] == imported["rows"]
        and imported["still_running_after_load"],
    }
    speed = round(imported["rows_per_second"] / creates, 2)
    verdicts[f"request_import rows/s >= {IMPORT_SPEED_BUDGET} x request_create's"] = {
        "value": speed,
        "met": speed >= IMPORT_SPEED_BUDGET,
    }
    verdicts[f"org_detail during request_import >= {IMPORT_ORG_DETAIL_BUDGET} x its ratio"] = {
        "value": imported["org_detail_ratio_during"],
        "met": imported["org_detail_ratio_during"] >= IMPORT_ORG_DETAIL_BUDGET,
    }
    dashboard = round(scenarios["console_dashboard"]["p50_ms"] / scenarios["org_detail"]["p50_ms"], 2)
    verdicts[f"console_dashboard p50 <= {CONSOLE_DASHBOARD_BUDGET} x org_detail's"] = {
        "value": dashboard,
        "met": dashboard <= CONSOLE_DASHBOARD_BUDGET,
    }
    return verdicts


def table(report: dict) -> str:
    lines = [
        "| scenario | requests/s | p50 ms | p99 ms | /healthz just before, req/s | ratio to it |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, result in report["scenarios"].items():
        cells = [f"{result['rps']:.0f}", f"{result['p50_ms']:.2f}", f"{result['p99_ms']:.2f}"]
        cells += [f"{result['healthz_rps']:.0f}", f"{result['ratio']:.3f}"]
        lines.append(f"| {name} | {' | '.join(cells)} |")
    growth = ", ".join(f"{int(stage):,}: {p50:.2f} ms" for stage, p50 in report["growth"].items())
    lines += ["", f"Nested list p50 by connections in the database: {growth}."]
    slow = report["slow_clients"]
    lines += [
        f"/healthz while {slow['trickling_clients']} clients trickle their requests in: "
        + "; ".join(
            f"{path.replace('_', ' ')} {slow[path]['rps']:.0f} req/s, p99 {slow[path]['p99_ms']:.0f} ms, "
            f"{slow[path]['socket_errors']} socket errors"
            for path in ("direct", "through_proxy")
        )
        + ".",
        "",
    ]
    lifecycles = report["sandbox_lifecycle"]
    lines += [
        f"Sandbox: {lifecycles['tenants']} tenants through sign-up, upload, request, approve, confirm and events, "
        f"{lifecycles['clients']} at a time: {lifecycles['per_second']} lifecycles/s, {lifecycles['errors']} errors, "
        f"{lifecycles['cross_tenant_rows']} rows seen across tenants.",
        "",
    ]
    fanout, steady, isolation = (report[name] for name in ("webhook_fanout", "webhook_steady", "webhook_isolation"))
    concurrent = report["events_concurrent"]
    lines += [
        f"Webhook fan-out, {fanout['events']:,} events to {fanout['endpoints']} endpoints by two workers: "
        f"{fanout['delivered']:,} of {fanout['expected']:,} deliveries received, "
        f"{fanout['deliveries_per_second']:,} deliveries/s ({fanout['per_second']} events/s), delay from commit "
        f"to receipt p50 {fanout['p50_ms']} ms, p99 {fanout['p99_ms']} ms; the receiver's own ceiling "
        f"{fanout['receiver_ceiling_rps']:,.0f} requests/s.",
        f"Steady, {steady['events']:,} events at 100/s to 10 endpoints: {steady['delivered']:,} of "
        f"{steady['expected']:,} received, commit to receipt p50 {steady['p50_ms']} ms, p95 {steady['p95_ms']} ms, "
        f"p99 {steady['p99_ms']} ms. With one endpoint more timing out and one answering 500: the healthy "
        f"ones' p50 {isolation['p50_ms']} ms, p99 {isolation['p99_ms']} ms.",
        f"Events feed under {concurrent['writers']} concurrent writers for {concurrent['seconds']} s: "
        f"{concurrent['events']:,} events, {concurrent['lost']} lost, {concurrent['repeated']} repeated.",
        "",
    ]
    monitor, checked = report["feed_monitor"], report["file_check"]
    lines += [
        f"Feed monitor over {monitor['feeds']:,} live feeds ({monitor['due']:,} due at once): {monitor['found']:,} "
        f"found late in {monitor['ticks']} ticks of {monitor['batch']:,}, each {monitor['queries']} queries and "
        f"at most {monitor['db_seconds']} s of database time ({monitor['db_seconds_in_all']} s in all, "
        f"{monitor['seconds']} s with the Python).",
        f"File check of {checked['rows']:,} tracking rows: {checked['seconds']} s, against "
        f"{checked['csv_reader_seconds']} s for a bare csv.reader pass; peak memory grew "
        f"{checked['peak_rss_growth_mb']} MB.",
        "",
    ]
    imported = report["request_import"]
    lines += [
        f"Import of {imported['rows']:,} connection requests (2 integrations each) by a worker: "
        f"{imported['seconds']} s, {imported['rows_per_second']} rows/s; org_detail meanwhile kept "
        f"{imported['org_detail_ratio_during']} of its ratio.",
        "",
    ]
    lines += [f"- {'met' if v['met'] else 'MISSED'}: {name} ({v['value']})" for name, v in report["budgets"].items()]
    return "\n".join(lines)


def write(report: dict) -> None:
    text = json.dumps(report, indent=2) + "\n"
    (RESULTS / "latest.json").write_text(text)
    (RESULTS / f"{report['when'][:10]}.json").write_text(text)
    summary = f"{report['when']}, {report['machine']}:\n\n{table(report)}"
    print("\n" + summary)
    readme = ROOT / "README.md"
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    content = readme.read_text()
    if start in content:
        before, rest = content.split(start, 1)
        readme.write_text(f"{before}{start}\n{summary}\n{end}{rest.split(end, 1)[1]}")


if __name__ == "__main__":
    sys.exit(main())
