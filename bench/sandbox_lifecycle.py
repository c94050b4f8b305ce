"""`sandbox_lifecycle`: partners signing up and each running the whole lifecycle at once,
over HTTP; then every tenant's reads are checked for rows of another tenant."""

import json
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

CLIENTS = 8
CSV = b"sku,name\n1,Widget\n"


def call(base: str, method: str, path: str, token: str | None = None, body=None, form: bytes | None = None):
    # As the benchmark's TLS-terminating proxy would say.
    headers = {"X-Forwarded-Proto": "https", **({"Authorization": f"Token {token}"} if token else {})}
    data = None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    if form is not None:
        boundary = uuid.uuid4().hex
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="items.csv"\r\n'
        head += "Content-Type: text/csv\r\n\r\n"
        data = head.encode() + form + f"\r\n--{boundary}--\r\n".encode()
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def lifecycle(base: str, n: int) -> dict:
    account = call(
        base,
        "POST",
        "/timp/sandbox/accounts/",
        body={"company_name": f"Bench Partner {n}", "email": f"bench{n}@example.com", "org_type": "RETAILER"},
    )
    token = account["users"][0]["token"]
    supplier = call(base, "GET", "/timp/discovery/suppliers/", token)["suppliers"][0]
    upload = call(base, "POST", "/timp/organizations/files/upload/", token, form=CSV)
    requested = call(
        base,
        "POST",
        "/timp/organizations/connections/request/",
        token,
        body={
            "supplier_uuid": supplier["uuid"],
            "primary_contact_name": "Sam Seller",
            "uploaded_files": [upload["uuid"]],
            "requested_integrations": [{"integration_type": "item", "update_frequency": "@daily"}],
        },
    )
    connection = call(base, "POST", f"/timp/sandbox/requests/{requested['uuid']}/approve/", token)
    call(base, "POST", f"/timp/sandbox/connections/{connection['uuid']}/confirm/", token)
    call(base, "GET", "/timp/events/?after=0", token)
    return account


def foreign_rows(base: str, account: dict) -> int:
    """Rows in the tenant's reads that name an organization outside it."""
    token = account["users"][0]["token"]
    own = {account["organization"]["uuid"], *(c["uuid"] for c in account["counterparts"])}
    seen = []
    for connection in call(base, "GET", "/timp/organizations/connections/?limit=100", token):
        seen += [connection["retailer"]["organization"]["uuid"], connection["supplier"]["organization"]["uuid"]]
    for request in call(base, "GET", "/timp/organizations/connections/request/?limit=100", token)["requests"]:
        seen += [request["requester"]["uuid"], *([request["counterpart"]["uuid"]] if request["counterpart"] else [])]
    for found in call(base, "GET", "/timp/discovery/suppliers/", token)["suppliers"]:
        seen.append(found["organization_uuid"])
    for event in call(base, "GET", "/timp/events/?after=0&limit=1000", token)["events"]:
        data = event["data"]
        if event["type"].startswith("connections/"):
            seen += [data["retailer"]["organization"]["uuid"], data["supplier"]["organization"]["uuid"]]
        elif event["type"].startswith("connection_requests/"):
            seen.append(data["requester"]["uuid"])
    return sum(1 for organization in seen if organization not in own)


def measure(base: str, tenants: int) -> dict:
    errors, accounts = 0, []
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        for future in [pool.submit(lifecycle, base, n) for n in range(tenants)]:
            try:
                accounts.append(future.result())
            except Exception:
                errors += 1
    seconds = time.perf_counter() - started
    cross = sum(foreign_rows(base, account) for account in accounts)
    return {
        "tenants": tenants,
        "clients": CLIENTS,
        "errors": errors,
        "cross_tenant_rows": cross,
        "per_second": round(len(accounts) / seconds, 2),
        "seconds": round(seconds, 1),
    }
