"""`counter-app self-test` as the IT staff run it: a child process, one line a check, exit 0
when every check passes and 1 naming the checks that failed; and Help > Self-test."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import write_config

from counter_app.selftest import Check

TIMEOUT = 120  # a child that hangs (a dialog nobody closes) fails the test
OUTCOMES = ("ok", "note", "skip", "FAIL")
CORE = ["configuration", "migrations", "ticket", "escpos", "preview", "sounds"]
SETUP = ["database", "clock", "printer", "phone pages"]
QT = ["window system", "translations", "sound output"]
WINDOWS = [
    "window desk",
    "window counter 1",
    "window counter 2",
    "window counter 3",
    "window report",
]


def self_test(*argv: str, options: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "counter_app", *argv, "self-test", *options],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        env=env,
    )


def checks(stdout: str) -> dict[str, tuple[str, str]]:
    """name -> (outcome, detail), from the one line each check prints."""
    found: dict[str, tuple[str, str]] = {}
    for line in stdout.splitlines():
        outcome, rest = line.split(maxsplit=1)
        assert outcome in OUTCOMES, line
        name = next(
            n for n in [*CORE, *SETUP, *QT, *WINDOWS, "window display"] if rest.startswith(n)
        )
        found[name] = (outcome, rest[len(name) :].strip())
    return found


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens once it is closed


def test_every_check_passes_on_a_working_installation(tmp_path: Path, sqlite_url: str) -> None:
    cfg = write_config(tmp_path / "office.toml", sqlite_url, printer={"kind": "preview"})
    proc = self_test("--config", str(cfg))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == ""
    found = checks(proc.stdout)
    assert list(found) == [*CORE, *SETUP, *QT, *WINDOWS, "window display"]
    assert len(proc.stdout.splitlines()) == len(found)
    for name, (outcome, detail) in found.items():
        allowed = ("ok", "note") if name == "sound output" else ("ok",)
        assert outcome in allowed, (name, outcome, detail)
    assert found["ticket"][1].startswith("A-001 issued")
    assert "schema" in found["database"][1]
    assert found["printer"][1].startswith("preview:")
    assert found["window desk"][1].startswith("shown ")


def test_the_office_queue_is_left_alone(tmp_path: Path, sqlite_url: str) -> None:
    """The ticket goes into a throwaway database: the configured one gets none."""
    from counter_app.core import config as config_mod
    from counter_app.core.queue import open_queue

    cfg = write_config(tmp_path / "office.toml", sqlite_url)
    assert self_test("--config", str(cfg)).returncode == 0
    queue = open_queue(config_mod.load_config(cfg))
    try:
        assert queue.recent_tickets(10) == []
    finally:
        queue.db.dispose()


def test_an_unreachable_network_printer_fails_the_printer_check(
    tmp_path: Path, sqlite_url: str
) -> None:
    printer = {"kind": "network", "host": "127.0.0.1", "port": _closed_port(), "timeout": 1}
    cfg = write_config(tmp_path / "office.toml", sqlite_url, printer=printer)
    proc = self_test("--config", str(cfg))
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == ["counter-app: self-test failed: printer"]
    found = checks(proc.stdout)
    assert found["printer"][0] == "FAIL"
    assert found["printer"][1].startswith("network: ")
    assert found["ticket"][0] == found["window desk"][0] == "ok"  # the rest still ran


def test_a_database_path_that_cannot_exist_fails_the_database_check(
    tmp_path: Path, sqlite_url: str
) -> None:
    cfg = write_config(tmp_path / "office.toml", sqlite_url)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = self_test("--config", str(cfg), "--db", f"sqlite:///{blocker.as_posix()}/q.sqlite3")
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == ["counter-app: self-test failed: database"]
    outcome, detail = checks(proc.stdout)["database"]
    assert outcome == "FAIL"
    assert str(blocker) in detail
    assert "Traceback" not in proc.stdout + proc.stderr


def test_a_broken_configuration_is_named_and_the_program_still_checked(tmp_path: Path) -> None:
    cfg = tmp_path / "office.toml"
    cfg.write_text('[capacity]\nlimit = 0\n[tickets]\nsecret = "short"\n', encoding="utf-8")
    proc = self_test("--config", str(cfg))
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == ["counter-app: self-test failed: configuration"]
    found = checks(proc.stdout)
    assert found["configuration"][0] == "FAIL"
    assert "capacity.limit" in found["configuration"][1]
    assert found["database"][0] == found["printer"][0] == "skip"
    assert found["ticket"][0] == found["window desk"][0] == "ok"  # on the sample configuration


def test_json_output(tmp_path: Path, sqlite_url: str) -> None:
    cfg = write_config(tmp_path / "office.toml", sqlite_url)
    proc = self_test("--config", str(cfg), options=("--json",))
    assert proc.returncode == 0, proc.stderr
    body = json.loads(proc.stdout)
    assert body["ok"] is True
    assert [c["name"] for c in body["checks"]][:3] == CORE[:3]


# --- Help > Self-test in the running desk ---------------------------------------------------


def test_the_help_menu_runs_the_same_checks(
    tmp_path: Path, sqlite_url: str, qtbot: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from guikit import open_office, show_active, station_look
    from test_gui_app import menu_action

    from counter_app.gui import selftest as gui_selftest

    shown: list[list[Check]] = []
    monkeypatch.setattr(gui_selftest, "show_results", lambda _parent, result: shown.append(result))
    with station_look(qapp):
        office = open_office(tmp_path, sqlite_url, printer={"kind": "preview"})
        try:
            window = office.ctx.open_window("desk")
            qtbot.addWidget(window)
            show_active(qtbot, window)
            menu_action(window, "&Bantuan", "Uji mandiri").trigger()

            def reported() -> None:
                assert shown

            qtbot.waitUntil(reported, timeout=60_000)
            names = [c.name for c in shown[0]]
            assert names[: len(CORE + SETUP)] == CORE + SETUP
            assert names[-1] == "window display"
            assert not [c for c in shown[0] if c.failed]
            drawn = {c.name: c.detail for c in shown[0]}
            assert drawn["window desk"].startswith("drawn ")  # built, not shown on the desk
            assert office.codes() == []  # the office's queue got no ticket
        finally:
            office.close()


def test_the_dialog_lists_one_line_a_check(qtbot: Any, qapp: Any) -> None:
    from counter_app.gui.selftest import SelfTestDialog

    result = [Check("ticket", "ok", "A-001 issued"), Check("printer", "FAIL", "network: no answer")]
    dialog = SelfTestDialog(None, result)
    qtbot.addWidget(dialog)
    assert dialog.lines.toPlainText().splitlines() == [c.line() for c in result]
    assert "printer" in dialog.summary.text()


def test_a_pc_with_a_wrong_clock_fails_the_clock_check(tmp_path: Path, db_url: str) -> None:
    """The self-test compares this PC's clock with the queue's, as every write does."""
    from test_clock import _faketime_env

    cfg = write_config(tmp_path / "office.toml", db_url)
    assert self_test("--config", str(cfg)).returncode == 0  # writes nothing to the queue
    subprocess.run(
        [sys.executable, "-m", "counter_app", "--config", str(cfg), "issue", "A", "--no-print"],
        check=True,
        capture_output=True,
        timeout=TIMEOUT,
    )
    proc = subprocess.run(
        [sys.executable, "-m", "counter_app", "--config", str(cfg), "self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        env={**_faketime_env("-1d"), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 1
    found = checks(proc.stdout)
    assert found["clock"][0] == "FAIL"
    assert "Jam PC ini" in found["clock"][1] and "1 hari" in found["clock"][1]
    assert "self-test failed: clock" in proc.stderr
