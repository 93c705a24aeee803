"""Opening the queue's database: SQLite embedded by default, PostgreSQL for several PCs.

- SQLite runs in WAL mode with a busy timeout, and every write transaction starts with
  BEGIN IMMEDIATE, so it holds the write lock from its first statement (no lock upgrade
  deadlocks between processes). Reads use a second engine with plain deferred BEGIN.
- The schema is migrated by Alembic when the app opens the database; a database from a
  newer schema is refused rather than touched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: The newest migration in migrations/versions (tests/test_storage.py holds them equal).
SCHEMA_HEAD = "0007"
_MIGRATION_LOCK = 726_583_001  # PostgreSQL advisory lock key: one migrator at a time


class DatabaseError(Exception):
    """The database cannot be used; the message says why in plain words."""


# What the database, its driver or the connection pool raise when the database cannot do
# what was asked: a lost or refused connection, a read-only or locked file, a full disk.
DRIVER_ERRORS: tuple[type[Exception], ...] = (
    DBAPIError,  # SQLAlchemy's OperationalError, DatabaseError, IntegrityError ...
    DisconnectionError,
    PoolTimeoutError,
    sqlite3.Error,
    # psycopg's own errors, raised unwrapped by the change feed's LISTEN connection, are
    # translated there (storage/changes.py): psycopg is imported only for PostgreSQL
)


def _public(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuse a file that is not an SQLite database before SQLite touches it, and a file
    that is not there unless asked to create one: a database that vanished was moved or
    deleted, and a new empty one would hand out A-001 again the same day."""
    if not path.exists():
        if not create:
            raise DatabaseError(
                f"{path} does not exist (moved or deleted?): put it back, or make a new "
                "empty queue there with `counter-app db upgrade`"
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"cannot create the folder {path.parent}: {exc.strerror or exc}"
            ) from None
        return
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if head and head != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not an SQLite database (left untouched)")


class SqliteFile:
    """The SQLite file a process opened, by device and inode: a file moved away or
    replaced while the process runs is noticed at the next transaction, which fails
    (offline) instead of writing on in the moved file or in a new one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.identity: tuple[int, int] | None = None

    def _stat(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def remember(self) -> None:
        self.identity = self._stat()

    def check(self) -> None:
        if self.identity is None:
            return
        now = self._stat()
        if now != self.identity:
            what = "was moved or deleted" if now is None else "was replaced by another file"
            raise DatabaseError(
                f"{self.path} {what} while counter-app was running: nothing was written; "
                "put the file back, or restart counter-app"
            )


def _sqlite_engine(url: URL, file: SqliteFile, *, immediate: bool) -> Engine:
    engine = create_engine(
        url,
        connect_args={"timeout": 30, "check_same_thread": False},
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event, not pysqlite, decide how transactions start.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no committed data
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        file.check()
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@dataclass
class Database:
    url: URL
    engine: Engine  # write transactions
    read_engine: Engine  # snapshots for status and displays
    file: SqliteFile | None = None  # the SQLite file, followed by identity

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def public_url(self) -> str:
        return _public(self.url)

    def sessions(self) -> sessionmaker[Session]:
        return sessionmaker(self.engine, expire_on_commit=False)

    def read_sessions(self) -> sessionmaker[Session]:
        return sessionmaker(self.read_engine, expire_on_commit=False)

    def dispose(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()

    # --- schema -------------------------------------------------------------------

    def _alembic(self, conn: Connection) -> AlembicConfig:
        from alembic.config import Config as AlembicConfig

        cfg = AlembicConfig()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        return cfg

    def schema_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.read_engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def head_revision(self) -> str:
        from alembic.config import Config as AlembicConfig
        from alembic.script import ScriptDirectory

        cfg = AlembicConfig()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        head = ScriptDirectory.from_config(cfg).get_current_head()
        assert head is not None
        return head

    def _is_current(self) -> bool:
        """Whether the schema is SCHEMA_HEAD, read without Alembic: the usual start of a
        station, which then skips importing Alembic (a third of a second on a 2-core PC)."""
        try:
            with self.read_engine.connect() as conn:
                current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DRIVER_ERRORS:  # no such table yet: a new database
            return False
        return current == SCHEMA_HEAD

    def upgrade(self) -> None:
        """Bring the schema to this version of the app, or refuse a newer one."""
        if self._is_current():
            return
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory
        from alembic.util.exc import CommandError

        with self.engine.begin() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            cfg = self._alembic(conn)
            current = MigrationContext.configure(conn).get_current_revision()
            script = ScriptDirectory.from_config(cfg)
            if current is not None:
                try:
                    script.get_revision(current)
                except CommandError:
                    raise DatabaseError(
                        f"{self.public_url} has schema {current}, newer than this counter-app "
                        f"knows (up to {script.get_current_head()}): update counter-app"
                    ) from None
            if current != script.get_current_head():
                command.upgrade(cfg, "head")

    # --- change detection -----------------------------------------------------------

    def version(self) -> int:
        """The hall's change counter: bumped by every queue operation on any station."""
        with self.read_engine.connect() as conn:
            value = conn.execute(text("SELECT version FROM hall WHERE id = 1")).scalar()
            return int(value or 0)


def _engines(url: URL, *, create: bool) -> tuple[Engine, Engine, SqliteFile | None]:
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            raise DatabaseError("an in-memory SQLite database cannot be shared: give a file path")
        if url.query:
            raise DatabaseError(
                f"{_public(url)}: options after '?' are not taken for the queue's SQLite "
                f"file ({', '.join(sorted(url.query))}); the queue must be able to write it"
            )
        path = Path(url.database)
        _check_sqlite_file(path, create=create)
        file = SqliteFile(path)
        return (
            _sqlite_engine(url, file, immediate=True),
            _sqlite_engine(url, file, immediate=False),
            file,
        )
    if url.get_backend_name() == "postgresql":
        if url.get_driver_name() == "":  # postgresql:// means psycopg 3, installed with us
            url = url.set(drivername="postgresql+psycopg")
        elif url.get_driver_name() != "psycopg":
            raise DatabaseError(
                f"{_public(url)}: counter-app reaches PostgreSQL through psycopg 3: write "
                "postgresql+psycopg:// or postgresql://"
            )
        engine = create_engine(
            url,
            pool_pre_ping=True,  # a display must notice a server that went away and came back
            connect_args={"connect_timeout": 5},
        )
        return engine, engine, None
    raise DatabaseError(
        f"unsupported database {_public(url)}: use sqlite:/// or postgresql+psycopg://"
    )


def open_database(url: str, *, upgrade: bool = True, create: bool = False) -> Database:
    """The queue's database, its schema brought up to date (``upgrade``). A SQLite file
    that does not exist is made only with ``create`` (the first run, `db upgrade`)."""
    if "\x00" in url:
        raise DatabaseError("bad database URL: it contains a NUL character")
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise DatabaseError(f"bad database URL {url[:80]!r}: {exc}") from None
    engine, read_engine, file = _engines(parsed, create=create)
    db = Database(parsed, engine, read_engine, file)
    try:
        if upgrade:
            db.upgrade()
        else:
            db.schema_revision()
        if file is not None:
            file.remember()
    except DRIVER_ERRORS as exc:
        db.dispose()
        raise DatabaseError(f"cannot open {db.public_url}: {describe(exc)}") from None
    except DatabaseError:
        db.dispose()
        raise
    return db


def describe(exc: BaseException) -> str:
    """The driver's own words, without SQLAlchemy's boilerplate and statement dump."""
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def failure_reason(exc: BaseException) -> str | None:
    """One line saying why the database failed, or None if `exc` is not a database failure."""
    if isinstance(exc, DatabaseError):
        return " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, DRIVER_ERRORS):
        return describe(exc)
    return None


@contextlib.contextmanager
def translate_errors(db: Database) -> Iterator[None]:
    """Turn driver errors into DatabaseError with plain words (used at the app's edges)."""
    try:
        yield
    except DRIVER_ERRORS as exc:
        raise DatabaseError(f"{db.public_url}: {describe(exc)}") from exc
