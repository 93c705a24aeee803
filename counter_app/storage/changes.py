"""Cheap waiting for "the queue changed", for windows that follow other stations live.

- SQLite: `PRAGMA data_version` on one long-lived connection changes when another
  connection commits; only then is the hall's version read. A poll costs microseconds.
- PostgreSQL: LISTEN on the channel that every queue transaction NOTIFYs on commit,
  with a read of the hall's version after each wake-up as the fallback for anything
  a notification could miss (a reconnect, a server restart).

Any failure to reach the database raises DatabaseError; the caller shows "offline"
and makes a new feed when it wants to try again.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path
from typing import Protocol

from sqlalchemy.engine import URL

from counter_app.storage.db import Database, DatabaseError, SqliteFile

CHANNEL = "counter_app_queue"
_SQLITE_POLL = 0.02  # seconds between data_version polls: well inside a 300 ms budget


class ChangeFeed(Protocol):
    def wait(self, timeout: float) -> int:
        """Block up to `timeout` seconds for a change; return the hall's current version."""
        ...

    def close(self) -> None: ...


class SqliteFeed:
    def __init__(self, path: Path, file: SqliteFile | None = None) -> None:
        if not path.exists():
            raise DatabaseError(f"{path} does not exist")
        self._file = file  # the file the process opened: a moved one is not followed
        try:
            self._conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=1.0)
            self._data_version = self._pragma()
            self._version = self._read_version()
        except sqlite3.Error as exc:
            raise DatabaseError(f"{path}: {exc}") from None

    def _pragma(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _read_version(self) -> int:
        row = self._conn.execute("SELECT version FROM hall WHERE id = 1").fetchone()
        return int(row[0]) if row else 0

    def wait(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        try:
            while True:
                if self._file is not None:
                    self._file.check()
                dv = self._pragma()
                if dv != self._data_version:
                    self._data_version = dv
                    version = self._read_version()
                    if version != self._version:
                        self._version = version
                        return version
                if time.monotonic() >= deadline:
                    return self._version
                time.sleep(_SQLITE_POLL)
        except sqlite3.Error as exc:
            raise DatabaseError(str(exc)) from None

    def close(self) -> None:
        self._conn.close()


class PostgresFeed:
    def __init__(self, url: URL) -> None:
        import psycopg  # here: a station on SQLite never loads the PostgreSQL driver

        self._error: type[Exception] = psycopg.Error
        conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        try:
            self._conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=3)
            self._conn.execute(f"LISTEN {CHANNEL}")
            self._version = self._read_version()
        except psycopg.Error as exc:
            raise DatabaseError(str(exc).strip().splitlines()[0]) from None

    def _read_version(self) -> int:
        row = self._conn.execute("SELECT version FROM hall WHERE id = 1").fetchone()
        return int(row[0]) if row else 0

    def wait(self, timeout: float) -> int:
        try:
            for _ in self._conn.notifies(timeout=timeout, stop_after=1):
                pass
            self._version = self._read_version()  # also catches anything a NOTIFY missed
            return self._version
        except self._error as exc:
            raise DatabaseError(str(exc).strip().splitlines()[0] or "connection lost") from None

    def close(self) -> None:
        with contextlib.suppress(self._error):  # the connection was lost already
            self._conn.close()


def open_feed(db: Database) -> ChangeFeed:
    if db.dialect == "sqlite":
        assert db.url.database is not None
        return SqliteFeed(Path(db.url.database), db.file)
    return PostgresFeed(db.url)
