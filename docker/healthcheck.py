"""The container's health check: GET /healthz on the local gunicorn, with a Host header that
ALLOWED_HOSTS accepts (a request for 127.0.0.1 is refused when only the public name is allowed)."""

import os
import sys
import urllib.request

allowed = [host.strip() for host in os.environ.get("ALLOWED_HOSTS", "localhost").split(",") if host.strip()]
host = next((h.lstrip(".") for h in allowed if h != "*"), "localhost")
request = urllib.request.Request(f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz", headers={"Host": host})
try:
    with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310 -- a fixed local URL
        sys.exit(0 if response.status == 200 else 1)
except OSError:
    sys.exit(1)
