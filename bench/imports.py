"""request_import: a file of 10,000 connection requests (2 integrations each), uploaded through
the API and imported by a worker process while wrk reads `org_detail`: how fast it goes, and
what it leaves the API."""

import json
import os
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

ROWS = 10_000
# wrk reads org_detail this long while the import runs (it must still be running at the end).
LOADED_SECONDS = 8


def file_of(rows: int) -> bytes:
    header = "organization_name,primary_contact_name,primary_contact_email,integrations\n"
    lines = (
        f"Onboarded Supplier {n:05d},Sam Smith,sam{n}@onboarded.example,item@0 6 * * *;order@*/15 * * * *\n"
        for n in range(rows)
    )
    return (header + "".join(lines)).encode()


def upload(base: str, token: str, content: bytes) -> str:
    """POSTs the file as multipart/form-data; returns the import's uuid."""
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="suppliers.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        f"{base}/timp/organizations/connections/request/imports/",
        data=body,
        headers={
            "Authorization": f"Token {token}",
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "X-Forwarded-Proto": "https",
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 202, response.status
        return json.loads(response.read())["uuid"]


def measure(root: Path, base: str, token: str, wrk, org_detail_ratio: float) -> dict:
    from connections.models import RequestImport

    # The import's jobs and the fan-out of its events: the periodic jobs are no part of its cost.
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--queue", "imports", "--queue", "events"],
        cwd=root,
        env={**os.environ, "LOG_LEVEL": "WARNING"},
    )
    try:
        time.sleep(3)  # its connections opened, its jobs fetched
        ceiling = wrk(f"{base}/healthz", None, 5)["rps"]
        import_uuid = upload(base, token, file_of(ROWS))
        loaded = wrk(f"{base}/timp/organizations/", token, LOADED_SECONDS)
        running_after_load = RequestImport.objects.get(pk=import_uuid).status == RequestImport.Status.RUNNING
        deadline = time.monotonic() + 600
        while (found := RequestImport.objects.get(pk=import_uuid)).finished_at is None:
            assert time.monotonic() < deadline, "the import did not finish"
            time.sleep(0.2)
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    seconds = (found.finished_at - found.created_at).total_seconds()
    return {
        "rows": ROWS,
        "status": found.status,
        "created": found.created,
        "seconds": round(seconds, 2),
        "rows_per_second": round(ROWS / seconds, 1),
        "org_detail_ratio_during": round(loaded["rps"] / ceiling / org_detail_ratio, 3),
        "org_detail_rps_during": loaded["rps"],
        "still_running_after_load": running_after_load,
    }
