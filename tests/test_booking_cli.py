"""`counter-app bookings` and `counter-app check-in`, run as the back office runs them."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

from conftest import write_config
from test_cli_failures import cli, one_line

from counter_app.core import config as config_mod
from counter_app.core.queue import open_queue

NIKS = ("6471051203900001", "6471055203900002")


def midday_zone() -> str:
    """A time zone where it is about noon now, so "today" may be booked whatever the hour
    the tests run at (Etc/GMT-N is N hours east of Greenwich)."""
    offset = 12 - datetime.now(UTC).hour  # -11 ... 12
    return "Etc/GMT" + (f"{-offset:+d}" if offset else "")


def office(tmp_path: Path, db_url: str) -> Path:
    return write_config(
        tmp_path / "office.toml",
        db_url,
        office={"timezone": midday_zone(), "opening_hours": "06:00-18:00"},
        booking={"enabled": True, "closed_days": [], "opens_at": "00:00"},
        services=[{"prefix": "A", "name": "Ambil", "daily_quota": 10, "online_quota": 4}],
        counters=[{"number": 1, "services": ["A"]}],
    )


def test_the_day_s_bookings_listed_masked_and_exported_whole(tmp_path: Path, db_url: str) -> None:
    path = office(tmp_path, db_url)
    queue = open_queue(config_mod.load_config(path))
    for nik in NIKS:
        queue.book("A", queue.today(), nik, "081234567890")
    queue.db.dispose()

    proc = cli("--config", str(path), "bookings")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Nomor daring ") and ": 2\n" in proc.stdout
    assert "AD-001" in proc.stdout and "************0001" in proc.stdout
    assert NIKS[0] not in proc.stdout  # masked on the screen

    listed = json.loads(cli("--config", str(path), "bookings", "--json").stdout)
    assert [b["code"] for b in listed["bookings"]] == ["AD-001", "AD-002"]
    assert {b["nik"] for b in listed["bookings"]} == {"************0001", "************0002"}

    export = tmp_path / "bookings.csv"
    assert cli("--config", str(path), "bookings", "--csv", str(export)).returncode == 0
    rows = list(csv.DictReader(export.open(encoding="utf-8")))
    assert [r["nik"] for r in rows] == list(NIKS)  # whole: the back office needs it
    assert rows[0]["phone"] == "081234567890" and rows[0]["state"] == "booked"


def test_check_in_by_code_and_by_nik_and_its_refusals(tmp_path: Path, db_url: str) -> None:
    path = office(tmp_path, db_url)
    queue = open_queue(config_mod.load_config(path))
    for nik in NIKS:
        queue.book("A", queue.today(), nik)
    queue.db.dispose()

    proc = cli("--config", str(path), "check-in", "AD-001")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Kedatangan nomor daring AD-001 tercatat.")
    assert "AD-001" in proc.stdout.splitlines()[1]
    assert "sudah dipakai" in one_line(cli("--config", str(path), "check-in", "AD-001"), 3)
    assert "tidak ditemukan" in one_line(cli("--config", str(path), "check-in", "AD-009"), 3)
    assert "tidak ditemukan" in one_line(cli("--config", str(path), "check-in", "x" * 5000), 3)

    proc = cli("--config", str(path), "check-in", NIKS[1], "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["code"] == "AD-002" and out["booking"]["state"] == "checked_in"
    assert out["booking"]["nik"] == "************0002"
