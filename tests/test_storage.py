"""Opening databases: migrations, refusals with plain words, and files left untouched."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from counter_app.cli import main
from counter_app.storage.db import SCHEMA_HEAD, DatabaseError, open_database
from counter_app.storage.schema import Base


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    db = open_database(db_url)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.dispose()
    assert diff == []


def test_upgrade_is_idempotent_and_reports_head(db_url: str) -> None:
    db = open_database(db_url)
    assert db.schema_revision() == db.head_revision() == SCHEMA_HEAD  # stations skip Alembic
    db.upgrade()
    assert db.schema_revision() == db.head_revision()
    db.dispose()


def test_sqlite_runs_in_wal_mode(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    db.dispose()


def test_a_file_that_is_not_a_database_is_refused_and_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "antrian.sqlite3"
    original = b"Daftar antrian hari ini\nA-001\nA-002\n" * 50
    path.write_bytes(original)
    with pytest.raises(DatabaseError, match="not an SQLite database"):
        open_database(f"sqlite:///{path}")
    assert main(["--db", f"sqlite:///{path}", "status"]) == 2
    assert "not an SQLite database" in capsys.readouterr().err
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["antrian.sqlite3"]  # no -wal, no -shm


def test_a_newer_schema_is_refused(db_url: str) -> None:
    db = open_database(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    db.dispose()
    with pytest.raises(DatabaseError, match="newer than this counter-app knows"):
        open_database(db_url)
    db = open_database(db_url, upgrade=False)  # a read-only look is still allowed
    assert db.schema_revision() == "9999_from_the_future"
    db.dispose()


def test_unreachable_postgresql_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:1/antrian"
    with pytest.raises(DatabaseError) as exc:
        open_database(url)
    assert "cannot open" in str(exc.value) and "secret" not in str(exc.value)
    assert main(["--db", url, "status"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_bad_urls(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="in-memory"):
        open_database("sqlite://")
    with pytest.raises(DatabaseError, match="unsupported"):
        open_database("mysql://x@localhost/y")
    with pytest.raises(DatabaseError, match="folder"):
        open_database(f"sqlite:///{tmp_path}")


def _open(url: str) -> str | None:
    db = open_database(url, create=True)  # first run of four stations at once
    revision = db.schema_revision()
    db.dispose()
    return revision


def test_stations_starting_at_once_migrate_once(db_url: str, tmp_path: Path) -> None:
    if db_url.startswith("sqlite"):
        db_url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"  # not yet created: all race to make it
    with mp.get_context("spawn").Pool(4) as pool:
        revisions = pool.map(_open, [db_url] * 4)
    assert len(set(revisions)) == 1 and revisions[0] is not None
