"""A throwaway PostgreSQL cluster for the benchmarks (Debian's binaries; as postgres when root)."""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def _bin(name: str) -> str:
    found = shutil.which(name) or next(
        (str(p) for p in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)),
        None,
    )
    if not found:
        raise SystemExit(f"{name} not found: apt-get install postgresql, or pass --pg URL")
    return found


class Cluster:
    """A new cluster in a temporary folder, on a free loopback port: start, restart, stop.

    Durable settings (fsync on): the benchmarks measure what an office would get."""

    def __init__(self, max_connections: int = 100) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="counter-app-bench-pg-"))
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            # runuser lives in /usr/sbin, which a normal user's PATH may lack
            path = f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin"
            self.as_user = [shutil.which("runuser", path=path) or "runuser", "-u", "postgres", "--"]
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.data = self.root / "data"
        self.options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
            f"-c max_connections={max_connections}"
        )
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        subprocess.run(
            [*self.as_user, _bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"],
            check=True,
            capture_output=True,
        )

    def _ctl(self, *args: str, check: bool = True) -> None:
        subprocess.run(
            [*self.as_user, _bin("pg_ctl"), "-D", str(self.data), *args],
            check=check,
            capture_output=True,
        )

    def start(self) -> None:
        self._ctl("-o", self.options, "-l", str(self.root / "log"), "-w", "start")

    def restart(self) -> None:
        """As an administrator restarts the server: every connection is cut (fast mode)."""
        self._ctl("-m", "fast", "-w", "stop")
        self.start()

    def stop(self) -> None:
        self._ctl("-m", "fast", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def postgres(url: str | None = None) -> Iterator[str]:
    """Yield a server URL: the one given, or a new cluster stopped afterwards."""
    if url:
        yield url
        return
    cluster = Cluster()
    try:
        cluster.start()
        yield cluster.url
    finally:
        cluster.stop()


def _admin(server_url: str, *statements: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        admin.dispose()


def fresh_database(server_url: str, name: str) -> str:
    """A new, empty database on the server (any old one of that name dropped): its URL."""
    from sqlalchemy.engine import make_url

    _admin(
        server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'
    )
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_database(server_url: str, name: str) -> None:
    _admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def add_database_options(parser: argparse.ArgumentParser) -> None:
    """--pg [URL], --json and --profile, as every server benchmark here takes them."""
    parser.add_argument(
        "--pg",
        nargs="?",
        const="",
        metavar="URL",
        help="PostgreSQL instead of SQLite: on this server, or (no URL) a throwaway cluster",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--profile", type=Path, help="cProfile the server into this file")


def on_database(pg: str | None, tmp: Path, name: str, run: Callable[[str, str], T]) -> T:
    """``run(label, url)`` on a new SQLite file in ``tmp``, or with ``pg`` (None: SQLite;
    "": a throwaway cluster; else a server's URL) on a new PostgreSQL database ``name``
    dropped afterwards."""
    if pg is None:
        return run("SQLite", f"sqlite:///{(tmp / f'{name}.sqlite3').as_posix()}")
    with postgres(pg or None) as admin:
        database = f"{name}_{os.getpid()}"
        url = fresh_database(admin, database)
        try:
            return run("PostgreSQL", url)
        finally:
            drop_database(admin, database)
