"""Slow clients against gunicorn, directly and behind the buffering proxy of the compose file.

A few connections trickle their request headers in, a byte a second, while wrk measures /healthz:
straight at gunicorn's sync workers they hold every worker; through nginx (Debian's, run with
the compose file's own configuration) nginx holds them and gunicorn sees only whole requests."""

import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "docker" / "nginx" / "default.conf.template"
TRICKLING = 8
# A request whose headers never end: each byte comes a second after the last.
OPENING = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "


def ensure_nginx() -> str:
    if not shutil.which("nginx", path="/usr/sbin:/usr/bin"):
        subprocess.run(["sh", str(ROOT / "scripts" / "apt-install.sh"), "nginx-light"], check=True)
    return shutil.which("nginx", path="/usr/sbin:/usr/bin")


class Nginx:
    """Debian's nginx in the foreground with the compose file's server block, on `port`."""

    def __init__(self, port: int, upstream: str) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="timp-nginx-"))
        server = TEMPLATE.read_text().replace("${UPSTREAM}", upstream)
        server = server.replace("listen 8000", f"listen 127.0.0.1:{port}").replace(
            "listen [::]:8000 default_server;", ""
        )
        (self.folder / "nginx.conf").write_text(
            f"pid {self.folder}/nginx.pid;\nerror_log {self.folder}/error.log;\n"
            "worker_processes 1;\nevents { worker_connections 1024; }\n"
            f"http {{\naccess_log off;\nclient_body_temp_path {self.folder}/body;\n"
            f"proxy_temp_path {self.folder}/proxy;\n{server}\n}}\n"
        )
        self.port = port

    def __enter__(self) -> "Nginx":
        self.process = subprocess.Popen(
            [ensure_nginx(), "-p", str(self.folder), "-c", str(self.folder / "nginx.conf"), "-g", "daemon off;"]
        )
        for _ in range(50):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.1)
        raise RuntimeError(f"nginx did not start; see {self.folder}/error.log")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


class Tricklers:
    """TRICKLING connections, each sending its request line at once and then a header a byte a second."""

    def __init__(self, port: int, seconds: float) -> None:
        self.port, self.until = port, time.monotonic() + seconds
        self.threads = [threading.Thread(target=self.trickle, daemon=True) for _ in range(TRICKLING)]

    def trickle(self) -> None:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=5) as connection:
                connection.sendall(OPENING)
                while time.monotonic() < self.until:
                    connection.sendall(b"x")
                    time.sleep(1)
        except OSError:
            return

    def __enter__(self) -> "Tricklers":
        for thread in self.threads:
            thread.start()
        time.sleep(1)
        return self

    def __exit__(self, *exc) -> None:
        for thread in self.threads:
            thread.join(timeout=self.until - time.monotonic() + 10)


def measure(wrk, gunicorn_port: int, proxy_port: int, seconds: int) -> dict:
    """/healthz while TRICKLING clients trickle: straight at gunicorn, then through nginx."""
    results = {"trickling_clients": TRICKLING}
    with Nginx(proxy_port, f"127.0.0.1:{gunicorn_port}"):
        for name, port in (("direct", gunicorn_port), ("through_proxy", proxy_port)):
            with Tricklers(port, seconds + 3):
                results[name] = wrk(f"http://127.0.0.1:{port}/healthz", None, seconds)
    return results
