#!/usr/bin/env python3
"""`make image-test`: the deployment built and run as a user would, with podman.

Makes (or reuses) a minimal local Debian base image, builds the project's real Dockerfile on
it, starts the image against the throwaway PostgreSQL that `make image-test` provides
(DATABASE_URL), and checks: /healthz and /readyz, migrations, a user that is not root, DEBUG
off and `check --deploy` clean, static files, login, an upload that lands in the volume and
survives a restart, the sandbox's credentials kept across that restart, and a worker container
that processes a job. Then `docker-compose.yml` runs under podman-compose (see COMPOSE below).
Everything it started is removed at the end. A failure says what broke, in one line.

Containers run with `--runtime runc` (podman's default runtime cannot start containers on these
machines) and on the host's network, where the throwaway PostgreSQL listens on loopback.
Standard library only.
"""

from __future__ import annotations

import json
import os
import resource
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = "localhost/timp-base:bookworm"
IMAGE = "localhost/timp:image-test"
PREFIX = "timp-image-test"
VOLUME = f"{PREFIX}-uploads"
CA_BUNDLE = os.environ.get("PIP_CERT") or os.environ.get("SSL_CERT_FILE") or "/etc/ssl/certs/ca-certificates.crt"
PODMAN = ["podman", "--runtime", "runc"]
# Podman's default limits (processes and open files) ask for more than these machines allow:
# the host's open files, and processes enough for gunicorn's and the worker's threads.
OPEN_FILES = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
LIMITS = ("--ulimit", f"nofile={OPEN_FILES}:{OPEN_FILES}", "--ulimit", "nproc=4096:4096")
RUN_OPTIONS = ("-d", *LIMITS, "--network", "host")


class Failure(Exception):
    pass


def say(message: str) -> None:
    print(f"image-test: {message}", flush=True)


def run(*command: str, check: bool = True, timeout: int = 900, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False, **kwargs)
    if check and done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise Failure(f"`{' '.join(command[:4])} …` exited {done.returncode}: {last[0]}")
    return done


def podman(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return run(*PODMAN, *args, **kwargs)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Debian's packages: podman and its runtime, debootstrap for the base, and the CNI plugin that
# lets compose services find each other by name.
PACKAGES = ("podman", "buildah", "runc", "debootstrap", "uidmap", "golang-github-containernetworking-plugin-dnsname")


def ensure_tools() -> None:
    missing = [tool for tool in ("podman", "runc", "debootstrap") if shutil.which(tool) is None]
    if missing or not Path("/usr/lib/cni/dnsname").exists():
        run("sh", str(ROOT / "scripts" / "apt-install.sh"), *PACKAGES, timeout=1200)


def ensure_base() -> str:
    """A minimal Debian 12 with Python and its venv module, made here (no registry is reachable)."""
    if podman("image", "exists", BASE, check=False).returncode == 0:
        return "reused"
    with tempfile.TemporaryDirectory(prefix="timp-base-") as directory:
        rootfs = Path(directory) / "rootfs"
        run(
            "debootstrap",
            "--variant=minbase",
            "--include=python3,python3-venv,ca-certificates",
            "bookworm",
            str(rootfs),
            "http://deb.debian.org/debian",
            timeout=1200,
        )
        run("sh", "-c", f"rm -rf {rootfs}/var/cache/apt/archives/*.deb {rootfs}/var/lib/apt/lists/*")
        tar = subprocess.Popen(["tar", "-C", str(rootfs), "-c", "."], stdout=subprocess.PIPE)
        imported = subprocess.run([*PODMAN, "import", "-", BASE], stdin=tar.stdout, capture_output=True, text=True)
        tar.wait()
        if imported.returncode != 0:
            raise Failure(f"podman import of the base failed: {imported.stderr.strip()[-200:]}")
    return "made"


def build() -> None:
    """The image, tagged IMAGE; the one it replaces is removed (no dangling images pile up)."""
    previous = podman("image", "inspect", "--format", "{{.Id}}", IMAGE, check=False).stdout.strip()
    secret = ["--secret", f"id=ca_bundle,src={CA_BUNDLE}"] if Path(CA_BUNDLE).exists() else []
    podman(
        "build",
        "--network",
        "host",
        "--build-arg",
        f"BASE_IMAGE={BASE}",
        *secret,
        "-t",
        IMAGE,
        str(ROOT),
        timeout=1800,
    )
    if previous and podman("image", "inspect", "--format", "{{.Id}}", IMAGE).stdout.strip() != previous:
        podman("rmi", previous, check=False)


def inside(*command: str, container: str = f"{PREFIX}-web") -> str:
    return podman("exec", container, *command).stdout


class Api:
    """HTTP to the container as its TLS-terminating proxy would send it."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"

    def call(
        self, method: str, path: str, *, token: str | None = None, body=None, raw: bytes | None = None, ctype=None
    ):
        headers = {"X-Forwarded-Proto": "https"}
        if token:
            headers["Authorization"] = f"Token {token}"
        data = raw
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        if ctype:
            headers["Content-Type"] = ctype
        request = urllib.request.Request(self.base + path, data=data, headers=headers, method=method)  # noqa: S310 (loopback)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except OSError as error:
            return None, str(error).encode()

    def json(self, method: str, path: str, expect: int = 200, **kwargs):
        status, content = self.call(method, path, **kwargs)
        if status != expect:
            raise Failure(f"{method} {path} answered {status}, not {expect}: {content[:200]!r}")
        return json.loads(content or b"null")

    def wait_healthy(self, seconds: int = 90, container: str = f"{PREFIX}-web") -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.call("GET", "/healthz")[0] == 200:
                return
            time.sleep(0.5)
        logs = podman("logs", "--tail", "5", container, check=False).stderr.strip().splitlines()
        raise Failure(f"/healthz never answered 200; last log line: {logs[-1] if logs else 'none'}")


def upload(api: Api, token: str, content: bytes) -> dict:
    boundary = uuid.uuid4().hex
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="items.csv"\r\n'
    head += "Content-Type: text/csv\r\n\r\n"
    raw = head.encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return api.json(
        "POST",
        "/timp/organizations/files/upload/",
        expect=201,
        token=token,
        raw=raw,
        ctype=f"multipart/form-data; boundary={boundary}",
    )


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Failure(message)


def web_and_worker(database_url: str) -> dict:
    port = free_port()
    api = Api(port)
    secret_key = secrets.token_urlsafe(50)
    environment = [
        "-e",
        f"DATABASE_URL={database_url}",
        "-e",
        f"SECRET_KEY={secret_key}",
        "-e",
        "ALLOWED_HOSTS=127.0.0.1",
        "-e",
        "TIMP_SANDBOX=true",
        "-e",
        "TRUST_X_FORWARDED_PROTO=true",
        "-e",
        "EMAIL_BACKEND=console",
    ]
    podman("volume", "create", VOLUME)
    podman(
        "run",
        *RUN_OPTIONS,
        "--name",
        f"{PREFIX}-web",
        *environment,
        "-e",
        f"PORT={port}",
        "-e",
        "WEB_CONCURRENCY=2",
        "-v",
        f"{VOLUME}:/app/var/uploads",
        IMAGE,
    )
    api.wait_healthy()
    say("the web container serves /healthz")
    ready = api.json("GET", "/readyz")
    check(ready["database"] == "ok", f"/readyz: {ready}")
    inside("python", "manage.py", "migrate", "--check")
    say("/readyz answers ok and every migration ran")
    users = podman("top", f"{PREFIX}-web", "user").stdout.split()[1:]
    check(users and "root" not in users, f"processes run as {sorted(set(users))}")
    check(inside("id", "-u").strip() != "0", "exec runs as root")
    say(f"the processes run as {sorted(set(users))}, not root")
    inside("python", "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    check(
        "DEBUG = False" in inside("python", "-c", "from timp_api import settings; print('DEBUG =', settings.DEBUG)"),
        "DEBUG is on",
    )
    say("DEBUG is off and `check --deploy` is clean")
    _, docs = api.call("GET", "/timp/docs/")
    static = next(
        (part.split('"')[0] for part in docs.decode().split('src="')[1:] if part.startswith("/static/")), None
    )
    check(static is not None, "the docs page names no static file")
    status, _ = api.call("GET", static)
    check(status == 200, f"GET {static} answered {status}")
    say(f"static files are served ({static})")
    credentials = json.loads(inside("cat", "/app/var/uploads/.sandbox-credentials.json"))
    retailer = credentials["retailer"]
    login = api.json(
        "POST",
        "/timp/organizations/user-login/",
        body={"username": retailer["username"], "password": retailer["password"]},
    )
    check(bool(login["auth_token"]), "login gave no token")
    say("the seeded sandbox user logs in")
    content = b"sku,name\n1,Widget\n" + secrets.token_hex(8).encode() + b"\n"
    stored = upload(api, retailer["token"], content)
    check(
        len(inside("find", "/app/var/uploads", "-type", "f", "!", "-name", ".sandbox-*").split()) >= 1,
        "no file in the volume",
    )
    say("an upload landed in the volume")
    podman("restart", f"{PREFIX}-web", timeout=120)
    api.wait_healthy()
    status, downloaded = api.call(
        "GET", f"/timp/organizations/files/{stored['uuid']}/download/", token=retailer["token"]
    )
    check(status == 200 and downloaded == content, f"after a restart the upload answered {status}")
    again = json.loads(inside("cat", "/app/var/uploads/.sandbox-credentials.json"))
    check(again == credentials, "a restart changed the sandbox credentials")
    api.json("GET", "/timp/organizations/", token=retailer["token"])
    api.json(
        "POST",
        "/timp/organizations/user-login/",
        body={"username": retailer["username"], "password": retailer["password"]},
    )
    say("after a restart the upload, the passwords and the tokens are all still there")
    podman(
        "run",
        *RUN_OPTIONS,
        "--name",
        f"{PREFIX}-worker",
        *environment,
        "-e",
        "WORKER=true",
        "--health-cmd",
        "none",
        IMAGE,
        "python",
        "manage.py",
        "worker",
    )
    api.json(
        "POST",
        "/timp/organizations/connections/request/",
        expect=201,
        token=retailer["token"],
        body={"organization_name": "Image Test Supplier", "primary_contact_name": "Sam"},
    )
    deadline = time.monotonic() + 90
    while not api.json("GET", "/timp/notifications/", token=retailer["token"]):
        check(time.monotonic() < deadline, "the worker did not fan the event out within 90 s")
        time.sleep(0.5)
    say("the worker container processed the event's job (a dashboard notification)")
    size = int(podman("image", "inspect", "--format", "{{.Size}}", IMAGE).stdout.strip())
    leftovers = podman(
        "run",
        "--rm",
        *LIMITS,
        "--entrypoint",
        "sh",
        IMAGE,
        "-c",
        "command -v gcc cc make; ls -d /app/.git /app/.venv /app/.pg /app/var/uploads/* /root/.cache 2>/dev/null; true",
    ).stdout.split()
    check(not leftovers, f"the image holds {leftovers}")
    say(f"the image is {size / 1e6:.0f} MB, with no compiler, cache or checkout leftovers")
    return {"image_bytes": size}


# `docker-compose.yml` as written, under podman-compose, with docker/local/compose.override.yml
# on top: it swaps only the images that cannot be pulled here (postgres and nginx, made from
# Debian's packages on the local base) and names the image this test built for web and worker.
COMPOSE_PROJECT = PREFIX
PODMAN_COMPOSE = "podman-compose==1.6.0"
LOCAL_IMAGES = {"localhost/timp-postgres:local": "postgres", "localhost/timp-nginx:local": "nginx"}


def podman_compose(workdir: Path) -> list[str]:
    """podman-compose from PyPI, in a virtualenv of its own."""
    venv = workdir / "compose-venv"
    run(sys.executable, "-m", "venv", str(venv))
    run(str(venv / "bin" / "pip"), "install", "--quiet", PODMAN_COMPOSE, timeout=300)
    return [str(venv / "bin" / "podman-compose"), "-p", COMPOSE_PROJECT]


def compose(workdir: Path) -> None:
    for image, name in LOCAL_IMAGES.items():
        if podman("image", "exists", image, check=False).returncode != 0:
            local = ROOT / "docker" / "local"
            podman("build", "--network", "host", "-f", str(local / f"{name}.Containerfile"), "-t", image, str(local))
    say("local postgres and nginx images ready")
    command = podman_compose(workdir)
    port = free_port()
    # podman's runtime and limits for every container podman-compose starts (see LIMITS).
    conf = workdir / "containers.conf"
    conf.write_text(
        "[containers]\n"
        f'default_ulimits = ["nofile={OPEN_FILES}:{OPEN_FILES}", "nproc=4096:4096"]\n'
        "[engine]\n"
        'runtime = "runc"\n'
    )
    env = {
        **os.environ,
        "CONTAINERS_CONF": str(conf),
        "POSTGRES_PASSWORD": secrets.token_urlsafe(16),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "TIMP_SANDBOX": "true",
        "PORT": str(port),
    }
    files = ["-f", str(ROOT / "docker-compose.yml"), "-f", str(ROOT / "docker" / "local" / "compose.override.yml")]
    try:
        run(*command, *files, "up", "-d", env=env, cwd=ROOT, timeout=600)
        api = Api(port)
        api.wait_healthy(seconds=180, container=f"{COMPOSE_PROJECT}_web_1")
        check(api.json("GET", "/readyz")["database"] == "ok", "/readyz through the compose proxy")
        say("the compose stack answers through its nginx proxy")
        credentials = json.loads(
            podman("exec", f"{COMPOSE_PROJECT}_web_1", "cat", "/app/var/uploads/.sandbox-credentials.json").stdout
        )
        token = credentials["retailer"]["token"]
        api.json(
            "POST",
            "/timp/organizations/connections/request/",
            expect=201,
            token=token,
            body={"organization_name": "Compose Supplier", "primary_contact_name": "Sam"},
        )
        deadline = time.monotonic() + 120
        while not api.json("GET", "/timp/notifications/", token=token):
            check(time.monotonic() < deadline, "the compose worker did not process the event within 120 s")
            time.sleep(1)
        say("the compose stack's worker processed a job")
    finally:
        run(*command, *files, "down", "-v", env=env, cwd=ROOT, check=False, timeout=300)


def cleanup() -> None:
    for container in (f"{PREFIX}-web", f"{PREFIX}-worker"):
        run(*PODMAN, "rm", "-f", "-v", "-t", "5", container, check=False)
    run(*PODMAN, "volume", "rm", "-f", VOLUME, check=False)


def main() -> int:
    started = time.monotonic()
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        print("image-test FAILED: DATABASE_URL is not set (run it with `make image-test`)")
        return 1
    step = "installing podman, runc and debootstrap"
    try:
        ensure_tools()
        step = "making the local Debian base image"
        say(f"base image {BASE}: {ensure_base()}")
        step = "building the Dockerfile"
        build()
        say(f"built {IMAGE} from the Dockerfile on {BASE}")
        step = "running the image"
        cleanup()
        web_and_worker(database_url)
        step = "running docker-compose.yml under podman-compose"
        with tempfile.TemporaryDirectory(prefix="timp-compose-") as workdir:
            compose(Path(workdir))
    except (Failure, subprocess.TimeoutExpired, KeyError, ValueError) as error:
        print(f"image-test FAILED while {step}: {error}", flush=True)
        return 1
    finally:
        cleanup()
    say(f"passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
