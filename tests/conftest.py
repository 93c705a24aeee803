"""Shared fixtures: a real SQLite file and a real PostgreSQL database for every storage test.

PostgreSQL: CI starts a throwaway server and passes COUNTER_APP_TEST_PG_URL. Without it
the tests start their own throwaway cluster when PostgreSQL's binaries are installed
(Debian: apt-get install postgresql); where they are not, the PostgreSQL half of the
suite is skipped with a reason, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import os

# Before anything imports Qt: every window in the tests is drawn offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import contextlib
import itertools
import shutil
import socket
import subprocess
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from counter_app.core import config as config_mod
from counter_app.core.clock import ManualClock
from counter_app.core.config import Config
from counter_app.core.queue import Queue
from counter_app.storage.db import Database, open_database

SECRET = "test-secret-0123456789abcdef"
IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's config, data or logs."""
    base = tmp_path_factory.mktemp("userdirs")
    for name in ("CONFIG", "DATA", "LOG"):
        monkeypatch.setenv(f"COUNTER_APP_{name}_DIR", str(base / name.lower()))


# --- PostgreSQL -------------------------------------------------------------------------------


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class _Cluster:
    url: str
    stop: Callable[[], None]


def _start_cluster() -> _Cluster | None:
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        return None
    root = Path(tempfile.mkdtemp(prefix="counter-app-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(root, "postgres", "postgres")
        # runuser lives in /usr/sbin, which a normal user's PATH may lack
        runuser = shutil.which("runuser", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
        as_user = [runuser or "runuser", "-u", "postgres", "--"]
    data, port = root / "data", _free_port()
    subprocess.run(
        [
            *as_user,
            initdb,
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
        ],
        check=True,
        capture_output=True,
    )
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c max_connections=200"
    subprocess.run(
        [*as_user, pg_ctl, "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )

    def stop() -> None:
        subprocess.run(
            [*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(root, ignore_errors=True)

    return _Cluster(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", stop)


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    url = os.environ.get("COUNTER_APP_TEST_PG_URL")
    if url:
        yield url
        return
    cluster = _start_cluster()
    if cluster is None:
        if IN_CI:
            pytest.fail("CI needs PostgreSQL: set COUNTER_APP_TEST_PG_URL or install postgresql")
        pytest.skip(
            "PostgreSQL is not installed (apt-get install postgresql), no COUNTER_APP_TEST_PG_URL"
        )
    try:
        yield cluster.url
    finally:
        cluster.stop()


_db_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_template(pg_admin_url: str) -> str:
    """A migrated database that each test copies: faster than migrating each time."""
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    name = f"ca_template_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    open_database(url).dispose()
    admin.dispose()
    return name


@pytest.fixture
def pg_url(pg_admin_url: str, pg_template: str) -> Iterator[str]:
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    name = f"ca_test_{os.getpid()}_{next(_db_names)}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"'))
    yield make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A new SQLite queue, made as `counter-app db upgrade` makes one (no command opens a
    database file that does not exist)."""
    url = f"sqlite:///{(tmp_path / 'queue.sqlite3').as_posix()}"
    open_database(url, create=True).dispose()
    return url


@pytest.fixture(params=["sqlite", "pg"])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each storage and queue test runs against both databases."""
    return str(request.getfixturevalue(f"{request.param}_url"))


# --- configuration, clock, queue --------------------------------------------------------------

BASE_CONFIG: dict[str, Any] = {
    "office": {
        "name": "Disdukcapil Kota Balikpapan",
        "timezone": "Asia/Makassar",
        "station": "test",
    },
    "capacity": {"limit": 20, "when_full": "refuse"},
    "tickets": {"secret": SECRET},
    "services": [
        {"prefix": "A", "name": "Pengambilan Dokumen", "daily_quota": 150, "average_minutes": 4},
        {"prefix": "B", "name": "Legalisasi", "daily_quota": 100, "average_minutes": 3},
        {
            "prefix": "C",
            "name": "Perekaman KTP-el",
            "daily_quota": 0,
            "suspended": "Perekaman KTP-el dihentikan sementara",
        },
    ],
    "counters": [
        {"number": 1, "name": "Loket 1", "services": ["A", "B"]},
        {"number": 2, "name": "Loket 2", "services": ["B", "A"]},
        {"number": 3, "name": "Loket 3", "services": ["A"]},
    ],
    "printer": {"kind": "none"},
}


def make_config(**sections: Any) -> Config:
    """BASE_CONFIG with whole sections or single keys replaced: capacity={"limit": 3}."""
    data = {k: (list(v) if isinstance(v, list) else dict(v)) for k, v in BASE_CONFIG.items()}
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return config_mod.parse_config(data, "test.toml")


def write_config(path: Path, db_url: str, **sections: Any) -> Path:
    """The same configuration as a TOML file, for the command line and child processes."""
    cfg = make_config(**sections, database={"url": db_url})
    path.write_text(to_toml(cfg.model_dump(exclude_none=True)), encoding="utf-8")
    assert tomllib.loads(path.read_text(encoding="utf-8"))
    return path


def to_toml(data: dict[str, Any]) -> str:
    import tomlkit

    return tomlkit.dumps(data)


class FakeClock(ManualClock):
    """Time that tests move by hand; starts on a Monday morning in Balikpapan."""

    def __init__(self, start: datetime | None = None) -> None:
        super().__init__(start or datetime(2026, 11, 30, 1, 0, tzinfo=UTC))  # 09:00 WITA

    def next_day(self) -> None:
        self.moment += timedelta(days=1)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    db = open_database(db_url)
    yield db
    db.dispose()


@pytest.fixture
def make_queue(database: Database, clock: FakeClock) -> Callable[..., Queue]:
    def factory(**sections: Any) -> Queue:
        return Queue(database, make_config(**sections), clock=clock)

    return factory


@pytest.fixture
def queue(make_queue: Callable[..., Queue]) -> Queue:
    return make_queue()


def wait_for(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.01)


# --- files and clocks for the failure tests ---------------------------------------------------


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """The file cannot be written, for real: chmod, or for root (whom chmod does not stop)
    the immutable attribute."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)]).returncode != 0:
        pytest.skip("running as root where chattr +i is not possible: cannot make a file read-only")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


class Monotonic:
    """A monotonic clock that a test moves by hand."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.seconds += seconds


# --- a phone's browser ------------------------------------------------------------------------


@pytest.fixture
def phone(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Opens phone browsers (phonekit.phone_browser, a fresh profile each, its keyword
    options); all are closed after the test. Without Chromium the tests are skipped, except
    in CI, which installs it."""
    from phonekit import browser_missing, phone_browser  # Selenium only for browser tests

    missing = browser_missing()
    if missing:
        if IN_CI:
            pytest.fail(f"CI needs the browser: {missing}")
        pytest.skip(missing)
    browsers: list[Any] = []

    def open_browser(**options: Any) -> Any:
        browser = phone_browser(tmp_path / f"profile-{len(browsers)}", **options)
        browsers.append(browser)
        return browser

    yield open_browser
    for browser in browsers:
        browser.quit()
