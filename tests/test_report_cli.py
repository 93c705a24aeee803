"""`counter-app report` in a child process, as a script runs it: the table, the CSV, the
JSON and the exit codes, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import FakeClock, write_config
from test_cli_failures import cli, one_line
from test_report import EXPECTED_COUNTERS, EXPECTED_SERVICES, EXPECTED_TOTAL, play_the_day

from counter_app.core import config as config_mod
from counter_app.core.queue import open_queue
from counter_app.core.report import figures_from_csv


@pytest.fixture
def office(tmp_path: Path, db_url: str) -> Path:
    path = write_config(
        tmp_path / "office.toml", db_url, capacity={"limit": 4, "when_full": "wait_outside"}
    )
    clock = FakeClock()
    queue = open_queue(config_mod.load_config(path), clock=clock)
    try:
        play_the_day(queue, clock)
    finally:
        queue.db.dispose()
    return path


def test_report_prints_the_table_and_writes_the_csv(office: Path, tmp_path: Path) -> None:
    out = tmp_path / "laporan.csv"
    proc = cli("--config", str(office), "report", "--date", "2026-11-30", "--csv", str(out))
    assert (proc.returncode, proc.stderr) == (0, "")
    lines = proc.stdout.splitlines()
    assert lines[0] == "2026-11-30"
    assert lines[1].split() == [
        "service", "counter", "name", "issued", "served", "no_show", "cancelled", "open",
        "wait_median_min", "wait_p90_min", "service_median_min",
    ]  # fmt: skip
    hall = (
        "puncak 4/4 pukul 09:04 (batas terjaga), penuh 19 menit, menunggu rombongan 0 menit, "
        "1 menunggu di luar"
    )
    assert hall in proc.stdout
    assert "kedatangan per jam: 09:6 10:1" in proc.stdout
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["service"]: figures_from_csv(r) for r in rows if r["service"]} == EXPECTED_SERVICES
    assert {int(r["counter"]): figures_from_csv(r) for r in rows if r["counter"]} == (
        EXPECTED_COUNTERS
    )
    totals = [figures_from_csv(r) for r in rows if not (r["service"] or r["counter"])]
    assert totals == [EXPECTED_TOTAL]


def test_report_json_has_the_same_figures(office: Path) -> None:
    proc = cli("--config", str(office), "report", "--date", "2026-11-30", "--json")
    assert proc.returncode == 0, proc.stderr
    body = json.loads(proc.stdout)
    assert body["total"]["served"] == EXPECTED_TOTAL.served
    assert body["total"]["wait_median_min"] == EXPECTED_TOTAL.wait_median_min
    assert (body["peak_occupancy"], body["limit"], body["full_minutes"]) == (4, 4, 19)
    assert {s["prefix"]: s["issued"] for s in body["services"]} == {"A": 5, "B": 2, "C": 0}


def test_report_prints_the_minutes_blocked_behind_a_group(tmp_path: Path, db_url: str) -> None:
    """Places free, but the group first outside does not fit: not "full", and said apart."""
    path = write_config(
        tmp_path / "office.toml", db_url, capacity={"limit": 4, "when_full": "wait_outside"}
    )
    clock = FakeClock()
    queue = open_queue(config_mod.load_config(path), clock=clock)
    try:
        queue.issue("A")
        queue.issue("A", group=4)  # waits outside: 3 places free, blocked
        clock.moment += timedelta(minutes=7)
        queue.call_next(1)
        queue.done(1)  # the group goes in: full, until the day's end
        day = f"{queue.status().day}"
    finally:
        queue.db.dispose()
    proc = cli("--config", str(path), "report", "--date", day)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert ", menunggu rombongan 7 menit, 1 menunggu di luar" in proc.stdout


@pytest.mark.parametrize("bad", ["30-11-2026", "2026-02-30", "2026-11-3", "２０２６-11-30"])
def test_a_bad_date_exits_2_with_one_line(office: Path, bad: str) -> None:
    proc = cli("--config", str(office), "report", "--date", bad)
    assert "--date" in one_line(proc, 2)
    assert proc.stdout == ""


def test_a_csv_that_cannot_be_written_exits_2(office: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "laporan.csv"
    proc = cli("--config", str(office), "report", "--date", "2026-11-30", "--csv", str(target))
    assert str(target) in one_line(proc, 2)
