"""The database is where it was: never a new empty queue in place of a moved one.

A database file that has vanished was moved or deleted; making a new one there would
hand out A-001 again the same day. Only the first run, `db upgrade` and `init-config`
make a database; a running process that finds its file moved or replaced goes offline
instead of writing on in the moved file (SQLite keeps it open) or in a new one.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import make_config, write_config
from test_cli_failures import cli, one_line

from counter_app.core.model import TicketState
from counter_app.core.queue import Queue
from counter_app.storage.changes import open_feed
from counter_app.storage.db import DatabaseError, open_database


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_missing_file_is_an_error_not_a_new_queue(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    with pytest.raises(DatabaseError, match=r"does not exist \(moved or deleted"):
        open_database(f"sqlite:///{path}")
    assert not path.exists()
    db = open_database(f"sqlite:///{path}", create=True)  # what db upgrade does
    db.dispose()
    assert path.exists()


def test_the_command_line_never_creates_a_moved_database(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    url = f"sqlite:///{path}"
    cfg = write_config(tmp_path / "office.toml", url)
    assert cli("--config", str(cfg), "db", "upgrade").returncode == 0
    assert cli("--config", str(cfg), "issue", "A", "--no-print").returncode == 0
    moved = tmp_path / "moved"
    moved.mkdir()
    for name in _files(tmp_path):
        if name.startswith("q.db"):
            os.rename(tmp_path / name, moved / name)

    line = one_line(cli("--config", str(cfg), "issue", "A", "--no-print"), 2)
    assert str(path) in line and "does not exist" in line and "db upgrade" in line
    assert not path.exists()  # no new empty queue with A-001 again
    line = one_line(cli("--db", f"sqlite:///{tmp_path}/no/such/dir/q.db", "status"), 2)
    assert "does not exist" in line
    assert not (tmp_path / "no").exists()  # no folders made either

    for name in _files(moved):
        os.rename(moved / name, tmp_path / name)
    proc = cli("--config", str(cfg), "issue", "A", "--no-print", "--json")
    assert proc.returncode == 0 and '"A-002"' in proc.stdout


def test_the_first_run_makes_the_embedded_database(tmp_path: Path) -> None:
    env = {
        "COUNTER_APP_CONFIG_DIR": str(tmp_path / "config"),
        "COUNTER_APP_DATA_DIR": str(tmp_path / "data"),
        "COUNTER_APP_LOG_DIR": str(tmp_path / "log"),
    }
    proc = cli("status", env=env)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "data" / "queue.sqlite3").exists()
    os.remove(tmp_path / "data" / "queue.sqlite3")  # the config stays: not a first run now
    line = one_line(cli("status", env=env), 2)
    assert "queue.sqlite3 does not exist" in line
    assert cli("init-config", str(tmp_path / "other.toml"), env=env).returncode == 0
    assert (tmp_path / "data" / "queue.sqlite3").exists()  # init-config makes it


@pytest.mark.parametrize("how", ["moved", "replaced", "deleted"])
def test_a_running_station_goes_offline_when_its_file_is_moved(
    tmp_path: Path, sqlite_url: str, how: str
) -> None:
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    db = open_database(sqlite_url)
    queue = Queue(db, make_config())
    feed = open_feed(db)
    try:
        queue.issue("A")
        aside = tmp_path / "aside.db"
        if how == "moved":
            os.rename(path, aside)
        elif how == "replaced":
            os.rename(path, aside)
            open_database(sqlite_url, create=True).dispose()  # a new file in its place
        else:
            os.remove(path)
        with pytest.raises(DatabaseError, match="while counter-app was running"):
            queue.issue("A")
        with pytest.raises(DatabaseError, match="while counter-app was running"):
            queue.status()
        with pytest.raises(DatabaseError, match="while counter-app was running"):
            feed.wait(0.1)
        if how == "moved":  # put back: the station carries on where it was
            os.rename(aside, path)
            assert queue.issue("A").code == "A-002"
            assert [t.state for t in queue.recent_tickets()] == [TicketState.WAITING] * 2
    finally:
        feed.close()
        db.dispose()


def test_the_phone_server_shows_offline_when_its_file_is_moved(tmp_path: Path) -> None:
    """`counter-app web` holds the file open; after a move its board says offline, and
    a write by another process (to the moved file) never shows as if it were the queue."""
    import json
    import time
    import urllib.request

    from webkit import web_server

    url = f"sqlite:///{tmp_path / 'q.db'}"
    open_database(url, create=True).dispose()
    cfg = write_config(tmp_path / "office.toml", url)

    def state(base: str) -> dict[str, object]:
        with urllib.request.urlopen(f"{base}/state", timeout=5) as response:
            result: dict[str, object] = json.loads(response.read())
            return result

    with web_server(cfg) as base:
        assert state(base)["offline"] is False
        os.rename(tmp_path / "q.db", tmp_path / "moved.db")
        deadline = time.monotonic() + 20
        while state(base)["offline"] is not True:  # the follower polls every 20 ms
            assert time.monotonic() < deadline, "the server never noticed the moved file"
            time.sleep(0.5)  # bounded polling, well inside the 30 loads a minute
