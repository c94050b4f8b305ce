#!/usr/bin/env python3
"""A PostgreSQL cluster of the project's own, on loopback, for development and tests.

    localpg.py start NAME          start (creating on first use) the cluster in .pg/NAME
                                   and print its DATABASE_URL
    localpg.py stop NAME           stop it (its data stays)
    localpg.py throwaway [--durable] -- CMD
                                   run CMD with DATABASE_URL set to a fresh cluster that is removed
                                   afterwards; with DATABASE_URL already set, just run CMD. Without
                                   --durable the cluster skips fsync (fine for tests, not benchmarks)

PostgreSQL refuses to run as root, so as root the cluster belongs to the system user
`timp-postgres` (created on first use). Without server binaries, root on Debian gets
Debian's `postgresql` package installed; anyone else is told what to install.
Standard library only: it runs before the virtualenv exists.
"""

from __future__ import annotations

import glob
import hashlib
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
CLUSTERS = CHECKOUT / ".pg"
SYSTEM_USER = "timp-postgres"
DB_USER = "timp"
DB_NAME = "timp"
DEV_PORT = int(os.environ.get("TIMP_PG_PORT", "54320"))
# A throwaway cluster trades durability for speed: it is deleted afterwards anyway.
THROWAWAY_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


def say(message: str) -> None:
    print(f"localpg: {message}", file=sys.stderr)


def find_bindir() -> Path:
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parent.parent.name),
        reverse=True,
    )
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(on_path)
    if candidates:
        return Path(candidates[0]).resolve().parent
    say("no PostgreSQL server binaries (initdb, pg_ctl) found.")
    subprocess.run(["sh", str(CHECKOUT / "scripts" / "apt-install.sh"), "postgresql"], check=True)
    return find_bindir()


def cluster_owner() -> pwd.struct_passwd:
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid())
    try:
        return pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        say(f"creating system user {SYSTEM_USER} to own the cluster (PostgreSQL refuses root)")
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER],
            check=True,
        )
        return pwd.getpwnam(SYSTEM_USER)


def traversable_by(path: Path, owner: pwd.struct_passwd) -> bool:
    """Whether `owner` can reach `path` (execute permission on every ancestor)."""
    for ancestor in [path, *path.parents]:
        if not ancestor.exists():
            continue
        info = ancestor.stat()
        if info.st_uid == owner.pw_uid:
            continue
        if not info.st_mode & 0o001:
            return False
    return True


class Cluster:
    def __init__(self, base: Path, port: int, *, throwaway: bool = False) -> None:
        self.bindir = find_bindir()
        self.owner = cluster_owner()
        self.base = base
        self.port = port
        self.throwaway = throwaway

    @property
    def data(self) -> Path:
        return self.base / "data"

    @property
    def password_file(self) -> Path:
        return self.base / "password"

    @property
    def url(self) -> str:
        password = self.password_file.read_text().strip()
        return f"postgres://{DB_USER}:{password}@127.0.0.1:{self.port}/{DB_NAME}"

    def run(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        as_owner = {}
        if os.geteuid() == 0:
            as_owner = {"user": self.owner.pw_uid, "group": self.owner.pw_gid, "extra_groups": []}
        env = {**os.environ, "PGPASSWORD": self.password_file.read_text().strip()}
        return subprocess.run([str(self.bindir / args[0]), *args[1:]], cwd="/", env=env, **as_owner, **kwargs)

    def initialise(self) -> None:
        self.base.mkdir(parents=True, exist_ok=True)
        self.password_file.write_text(secrets.token_hex(16))
        os.chown(self.base, self.owner.pw_uid, self.owner.pw_gid)
        os.chown(self.password_file, self.owner.pw_uid, self.owner.pw_gid)
        self.base.chmod(0o700)
        self.password_file.chmod(0o600)
        self.run(
            "initdb",
            f"--pgdata={self.data}",
            f"--username={DB_USER}",
            f"--pwfile={self.password_file}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C",
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def running(self) -> bool:
        return self.run("pg_ctl", "status", f"--pgdata={self.data}", stdout=subprocess.DEVNULL).returncode == 0

    def start(self) -> None:
        if not (self.data / "PG_VERSION").exists():
            self.initialise()
        if self.running():
            return
        options = [
            f"-p {self.port}",
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            "-c max_connections=200",
        ]
        if self.throwaway:
            options += [f"-c {setting}" for setting in THROWAWAY_SETTINGS]
        log = self.base / "server.log"
        started = self.run(
            "pg_ctl",
            "start",
            "--wait",
            f"--pgdata={self.data}",
            f"--log={log}",
            f"--options={' '.join(options)}",
            stdout=subprocess.DEVNULL,
        )
        if started.returncode:
            tail = log.read_text(errors="replace").splitlines()[-5:] if log.exists() else []
            say(f"PostgreSQL did not start on port {self.port} (TIMP_PG_PORT picks another). Its log says:")
            for line in tail:
                say(f"  {line}")
            raise SystemExit(1)
        created = self.run(
            "createdb",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            DB_USER,
            DB_NAME,
            capture_output=True,
            text=True,
        )
        if created.returncode and "already exists" not in created.stderr:
            say(created.stderr.strip())
            raise SystemExit(1)

    def stop(self) -> None:
        if self.running():
            mode = "immediate" if self.throwaway else "fast"
            self.run(
                "pg_ctl",
                "stop",
                f"--pgdata={self.data}",
                f"--mode={mode}",
                "--wait",
                check=True,
                stdout=subprocess.DEVNULL,
            )


def named_base(name: str) -> Path:
    """The cluster's folder under .pg/, or, when the cluster's system user cannot reach
    the checkout (a checkout under /root, say), a folder it can reach, linked from .pg/."""
    base = CLUSTERS / name
    owner = cluster_owner()
    if base.is_symlink() or traversable_by(CLUSTERS, owner):
        return base
    elsewhere = Path("/var/lib/timp-postgres") / hashlib.sha256(str(CHECKOUT).encode()).hexdigest()[:12] / name
    elsewhere.parent.mkdir(parents=True, exist_ok=True)
    elsewhere.parent.chmod(0o755)
    elsewhere.parent.parent.chmod(0o755)
    CLUSTERS.mkdir(exist_ok=True)
    base.symlink_to(elsewhere)
    say(f"{owner.pw_name} cannot reach {CHECKOUT}; the cluster lives in {elsewhere}, linked from {base}")
    return base


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def throwaway(command: list[str], *, durable: bool) -> int:
    if os.environ.get("DATABASE_URL"):
        return subprocess.run(command).returncode
    base = Path(tempfile.mkdtemp(prefix="timp-pg-")) / "cluster"
    base.parent.chmod(0o755)
    cluster = Cluster(base, free_port(), throwaway=not durable)
    # Turn SIGTERM into an exception so the cluster is stopped and removed on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        cluster.start()
        return subprocess.run(command, env={**os.environ, "DATABASE_URL": cluster.url}).returncode
    finally:
        cluster.stop()
        shutil.rmtree(base.parent, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] in {"start", "stop"}:
        cluster = Cluster(named_base(argv[1]), DEV_PORT)
        if argv[0] == "start":
            cluster.start()
            print(cluster.url)
        else:
            cluster.stop()
        return 0
    if argv[:1] == ["throwaway"]:
        durable = argv[1:2] == ["--durable"]
        rest = argv[2:] if durable else argv[1:]
        if rest[:1] == ["--"]:
            return throwaway(rest[1:], durable=durable)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
