"""Every failure of the command line: its promised exit code and one line, never a traceback.

Each case runs `python -m counter_app` in a child process, as a script would, against a
real SQLite file or PostgreSQL database; a database that fails does so for real (a file
made read-only, a server backend terminated in the middle of a transaction).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import read_only, write_config
from fakeprinter import FakePrinter
from sqlalchemy import create_engine, text

from counter_app.core import config as config_mod
from counter_app.core import paths
from counter_app.core.queue import open_queue

TIMEOUT = 60  # a child that hangs (a modal dialog nobody closes) fails the test


def cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counter_app", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        env=_env(env),
    )


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(extra or {})}
    env.pop("COUNTER_APP_NO_CRASH_DIALOG", None)  # a dialog would hang the child: let it
    return env


def one_line(proc: subprocess.CompletedProcess[str], code: int) -> str:
    """The child exited with `code` and said why in exactly one line, without a traceback."""
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert (proc.returncode, len(lines)) == (code, 1), proc.stderr
    return lines[0]


def state(cfg: Path, code: str) -> dict[str, object]:
    """A ticket as stored, and the hall's change counter (bumped by every operation)."""
    queue = open_queue(config_mod.load_config(cfg))
    try:
        return {"version": queue.version(), "ticket": queue.ticket(code).as_json()}
    finally:
        queue.db.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def sqlite_cfg(tmp_path: Path, sqlite_url: str) -> Path:
    return write_config(tmp_path / "office.toml", sqlite_url)


# --- the database fails in the middle of an operation ----------------------------------------


def test_a_read_only_sqlite_file_mid_operation_exits_2(sqlite_cfg: Path, tmp_path: Path) -> None:
    assert cli("--config", str(sqlite_cfg), "issue", "A").returncode == 0
    before = state(sqlite_cfg, "A-001")
    with read_only(tmp_path / "queue.sqlite3"):
        proc = cli("--config", str(sqlite_cfg), "cancel", "A-001")
    line = one_line(proc, 2)
    assert line == "counter-app: database: attempt to write a readonly database"
    assert state(sqlite_cfg, "A-001") == before
    log = (paths.log_dir() / "counter-app.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "UPDATE hall" in log  # the details are in the log


@pytest.mark.parametrize("db", ["pg"])
def test_a_postgres_backend_terminated_mid_transaction_exits_2(
    tmp_path: Path, pg_url: str, db: str
) -> None:
    cfg = write_config(tmp_path / "office.toml", pg_url)
    assert cli("--config", str(cfg), "issue", "A").returncode == 0
    before = state(cfg, "A-001")
    engine = create_engine(pg_url)
    try:
        with engine.connect() as holder, engine.connect() as admin:
            # Hold A-001's row: the cancel locks the hall, reads, then waits on its UPDATE.
            holder.execute(text("SELECT id FROM tickets WHERE number = 1 FOR UPDATE"))
            child = subprocess.Popen(
                [sys.executable, "-m", "counter_app", "--config", str(cfg), "cancel", "A-001"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                env=_env(),
            )
            try:
                pid = _blocked_backend(admin, "UPDATE tickets")
                admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
                admin.commit()
                out, err = child.communicate(timeout=TIMEOUT)
            finally:
                child.kill()
                child.wait()
            holder.rollback()
    finally:
        engine.dispose()
    proc = subprocess.CompletedProcess(child.args, child.returncode, out, err)
    line = one_line(proc, 2)
    assert line.startswith("counter-app: database: terminating connection"), line
    assert state(cfg, "A-001") == before


def _blocked_backend(admin: object, query: str) -> int:
    """The backend of the child once it waits on the row lock in the middle of its work."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        row = admin.execute(  # type: ignore[attr-defined]
            text(
                "SELECT pid, query FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
            )
        ).first()
        admin.rollback()  # type: ignore[attr-defined]
        if row is not None:
            assert query in row.query, row.query
            return int(row.pid)
        time.sleep(0.05)
    raise AssertionError("the child never reached its UPDATE")


def test_an_unreachable_postgres_server_exits_2(sqlite_cfg: Path) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{_free_port()}/antrian"
    line = one_line(cli("--config", str(sqlite_cfg), "--db", url, "status"), 2)
    assert line.startswith("counter-app: database: cannot open postgresql+psycopg://"), line


# --- ticket codes and payloads: ASCII only, refused before the database ----------------------

BAD_CODES = ["A-\u0661", "A-\u00b2", "A-999999999999999999999999999", "\uff21-001", "A-1\n2"]


def test_a_code_that_is_not_ascii_is_refused_and_nothing_changes(sqlite_cfg: Path) -> None:
    assert cli("--config", str(sqlite_cfg), "issue", "A").returncode == 0
    before = state(sqlite_cfg, "A-001")
    for code in BAD_CODES:
        line = one_line(cli("--config", str(sqlite_cfg), "cancel", code), 3)
        assert "bukan nomor antrean (contoh: A-001)" in line, line
    assert state(sqlite_cfg, "A-001") == before
    proc = cli("--config", str(sqlite_cfg), "cancel", " a-1 ", "--json")  # any case, padded
    assert proc.returncode == 0 and json.loads(proc.stdout)["state"] == "cancelled"


@pytest.mark.parametrize(
    "argv",
    [
        ["cancel", "A-\u0661"],
        ["return", "A-\u00b2"],
        ["transfer", "A-999999999999999999999999999", "B"],
        ["call-ticket", "1", "\uff21-001"],
        ["reprint", "A-\u0661"],
    ],
)
def test_a_bad_code_is_refused_before_the_database_is_opened(
    tmp_path: Path, argv: list[str]
) -> None:
    db = tmp_path / "never.sqlite3"
    cfg = write_config(tmp_path / "office.toml", f"sqlite:///{db.as_posix()}")
    proc = cli("--config", str(cfg), *argv, "--json")
    assert "bukan nomor antrean" in one_line(proc, 3)
    assert json.loads(proc.stdout)["refused"] == "not_a_ticket_code"
    assert not db.exists()


def test_a_payload_with_other_digits_is_malformed_without_the_database(
    sqlite_cfg: Path, tmp_path: Path
) -> None:
    proc = cli("--config", str(sqlite_cfg), "issue", "A", "--json")
    qr = json.loads(proc.stdout)["qr"]
    arabic = qr.translate({ord(d): 0x0660 + int(d) for d in "0123456789"})
    assert arabic != qr
    proc = cli("--config", str(sqlite_cfg), "verify", arabic, "--json")
    assert (proc.returncode, json.loads(proc.stdout)["problem"]) == (3, "malformed")
    assert "Traceback" not in proc.stderr
    db = tmp_path / "never.sqlite3"
    proc = cli("--config", str(sqlite_cfg), "--db", f"sqlite:///{db.as_posix()}", "verify", arabic)
    assert proc.returncode == 3 and "Bukan QR tiket" in proc.stdout
    assert not db.exists()


def test_counter_numbers_take_ascii_digits_only(sqlite_cfg: Path) -> None:
    proc = cli("--config", str(sqlite_cfg), "call", "\u0661")
    assert proc.returncode == 2 and "not a number" in proc.stderr
    assert "Traceback" not in proc.stderr


# --- arguments, paths and configuration ------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("foo", "must start with sqlite:/// or postgresql+psycopg:// (got 'foo')"),
        ("http://example", "must start with sqlite:/// or postgresql+psycopg://"),
        ("", "must not be empty"),
    ],
)
def test_db_is_checked_like_the_configuration(
    sqlite_cfg: Path, tmp_path: Path, url: str, problem: str
) -> None:
    line = one_line(cli("--config", str(sqlite_cfg), "--db", url, "status"), 2)
    assert line.startswith("counter-app: --db: ") and problem in line, line
    # [database] url says the same words
    broken = tmp_path / "broken.toml"
    original = sqlite_cfg.read_text(encoding="utf-8")
    broken.write_text(
        original.replace(f'url = "{_url(original)}"', f"url = {json.dumps(url)}"), "utf-8"
    )
    proc = cli("--config", str(broken), "status")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"database.url: {line.removeprefix('counter-app: --db: ')}" in proc.stderr


def _url(toml_text: str) -> str:
    line = next(x for x in toml_text.splitlines() if x.startswith("url = "))
    return str(json.loads(line.removeprefix("url = ")))


def test_folders_that_cannot_be_made_exit_2(sqlite_cfg: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    db = f"sqlite:///{(blocker / 'data' / 'queue.sqlite3').as_posix()}"
    line = one_line(cli("--config", str(sqlite_cfg), "--db", db, "status"), 2)
    assert line.startswith(f"counter-app: database: {blocker}/data/queue.sqlite3 does not exist")
    line = one_line(cli("--config", str(sqlite_cfg), "--db", db, "db", "upgrade"), 2)
    assert line.startswith(f"counter-app: database: cannot create the folder {blocker}"), line
    for proc in (
        cli("status", env={"COUNTER_APP_CONFIG_DIR": str(blocker / "config")}),
        cli("init-config", str(blocker / "config" / "config.toml")),
    ):
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        assert proc.stderr.splitlines() == [
            "configuration error:",
            f"{blocker / 'config' / 'config.toml'}: cannot write: Not a directory",
        ]
    # a log folder that cannot be made costs the log, not the command
    proc = cli("--config", str(sqlite_cfg), "status", env={"COUNTER_APP_LOG_DIR": str(blocker)})
    assert (proc.returncode, proc.stderr) == (0, "")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_under_proc_exits_2(sqlite_cfg: Path) -> None:
    db = "sqlite:////proc/counter-app/queue.sqlite3"
    line = one_line(cli("--config", str(sqlite_cfg), "--db", db, "db", "upgrade"), 2)
    assert line.startswith("counter-app: database: cannot create the folder /proc/counter-app")


def test_a_config_with_a_byte_order_mark_is_read(sqlite_cfg: Path) -> None:
    sqlite_cfg.write_bytes(b"\xef\xbb\xbf" + sqlite_cfg.read_bytes())  # Windows Notepad
    proc = cli("--config", str(sqlite_cfg), "issue", "B", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["code"] == "B-001"


def test_counter_n_for_a_counter_not_configured_exits_2_before_a_window(
    sqlite_cfg: Path,
) -> None:
    proc = cli("--config", str(sqlite_cfg), "counter", "99", env={"QT_QPA_PLATFORM": "offscreen"})
    line = one_line(proc, 2)
    assert line == "counter-app: Loket 99 tidak ada dalam konfigurasi (yang ada: 1, 2, 3)."


# --- the printer -----------------------------------------------------------------------------


def test_reprint_exits_3_with_the_printers_reason_when_the_print_fails(tmp_path: Path) -> None:
    db = f"sqlite:///{(tmp_path / 'queue.sqlite3').as_posix()}"
    printer = {"kind": "network", "host": "127.0.0.1", "port": _free_port(), "retries": 0}
    cfg = write_config(tmp_path / "office.toml", db, printer=printer)
    assert cli("--config", str(cfg), "db", "upgrade").returncode == 0  # a new queue
    assert cli("--config", str(cfg), "issue", "A", "--no-print").returncode == 0
    proc = cli("--config", str(cfg), "reprint", "A-001", "--json")
    line = one_line(proc, 3)
    assert line.startswith("A-001: print failed: Printer 127.0.0.1:"), line
    assert "tidak dapat dihubungi" in line
    assert json.loads(proc.stdout)["print_status"] == "failed"
    assert state(cfg, "A-001")["ticket"]["print_status"] == "failed"  # type: ignore[index]


# --- a genuine bug ---------------------------------------------------------------------------


def test_a_bug_exits_1_with_one_line_and_the_traceback_in_the_log(sqlite_cfg: Path) -> None:
    buggy = (
        "import sys\n"
        "from counter_app import cli\n"
        "from counter_app.core.queue import Queue\n"
        "def status(self, **kw): raise RuntimeError('the scale of the hall')\n"
        "Queue.status = status\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", buggy, "--config", str(sqlite_cfg), "status"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        env=_env(),
    )
    log = paths.log_dir() / "counter-app.log"
    assert one_line(proc, 1) == (
        f"counter-app: unexpected error: RuntimeError: the scale of the hall (details in {log})"
    )
    assert "Traceback" in log.read_text(encoding="utf-8")


# --- output that cannot be written -----------------------------------------------------------

FULL = Path("/dev/full")  # every write fails with ENOSPC, as on a full disk
needs_dev_full = pytest.mark.skipif(not FULL.exists(), reason="needs Linux's /dev/full")


def cli_into(stdout: Any, *argv: str) -> subprocess.CompletedProcess[str]:
    """`cli`, with the child's standard output a given file or descriptor."""
    return subprocess.run(
        [sys.executable, "-m", "counter_app", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        env=_env(),
    )


def closed_pipe() -> int:
    """The writing end of a pipe whose reader has already left (`| head` done)."""
    read, write = os.pipe()
    os.close(read)
    return write


def tickets(cfg: Path) -> list[tuple[str, str]]:
    """Every stored ticket, as (prefix-number, state), straight from the database."""
    engine = create_engine(config_mod.load_config(cfg).database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT prefix, number, state FROM tickets ORDER BY id"))
            return [(f"{r.prefix}-{r.number:03d}", r.state) for r in rows]
    finally:
        engine.dispose()


def no_exit_trouble(proc: subprocess.CompletedProcess[str]) -> None:
    """The interpreter's own flush of stdout at exit did not fail after ours did."""
    assert proc.returncode != 120 and "Exception ignored" not in proc.stderr, proc.stderr


@needs_dev_full
@pytest.mark.parametrize("json_out", [True, False])
def test_an_issue_whose_output_is_lost_is_still_issued_exit_0(
    sqlite_cfg: Path, json_out: bool
) -> None:
    argv = ["--config", str(sqlite_cfg), "issue", "A", "--no-print"]
    with FULL.open("w") as full:
        proc = cli_into(full, *argv, *(["--json"] if json_out else []))
    no_exit_trouble(proc)
    assert one_line(proc, 0) == (
        "counter-app: A-001 issued, but its output could not be written: No space left on device"
    )
    assert tickets(sqlite_cfg) == [("A-001", "waiting")]  # exactly one: a retry makes two


@needs_dev_full
def test_a_counters_call_whose_output_is_lost_still_stands(sqlite_cfg: Path) -> None:
    assert cli("--config", str(sqlite_cfg), "issue", "A").returncode == 0
    with FULL.open("w") as full:
        proc = cli_into(full, "--config", str(sqlite_cfg), "call", "1", "--json")
    no_exit_trouble(proc)
    assert one_line(proc, 0).startswith("counter-app: A-001 called, but its output could not")
    assert tickets(sqlite_cfg) == [("A-001", "called")]


@needs_dev_full
def test_a_handlers_own_print_goes_through_the_same_writer(sqlite_cfg: Path) -> None:
    # admin-pin prints by itself: its line would fail inside it (exit 1), or at the
    # interpreter's flush at exit (exit 120, "Exception ignored"), after the PIN was saved
    with FULL.open("w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "counter_app", "--config", str(sqlite_cfg), "admin-pin"],
            input="48213957\n",
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            env=_env(),
        )
    no_exit_trouble(proc)
    assert one_line(proc, 0) == (
        "counter-app: the admin PIN set, but its output could not be written: "
        "No space left on device"
    )
    assert config_mod.load_config(sqlite_cfg).admin.pin_hash


def test_an_issue_into_a_closed_pipe_is_issued_and_says_so(sqlite_cfg: Path) -> None:
    pipe = closed_pipe()
    try:
        proc = cli_into(pipe, "--config", str(sqlite_cfg), "issue", "B", "--no-print")
    finally:
        os.close(pipe)
    no_exit_trouble(proc)
    assert one_line(proc, 0) == (
        "counter-app: B-001 issued, but its output could not be written: Broken pipe"
    )
    assert tickets(sqlite_cfg) == [("B-001", "waiting")]


@needs_dev_full
@pytest.mark.parametrize(
    "argv",
    [["status"], ["status", "--json"], ["report"], ["verify", "CQ1:20261130:A-001:XXXX"]],
)
def test_a_read_only_command_whose_output_is_lost_exits_2(
    sqlite_cfg: Path, argv: list[str]
) -> None:
    assert cli("--config", str(sqlite_cfg), "issue", "A").returncode == 0
    before = state(sqlite_cfg, "A-001")
    with FULL.open("w") as full:
        proc = cli_into(full, "--config", str(sqlite_cfg), *argv)
    no_exit_trouble(proc)
    assert one_line(proc, 2) == "counter-app: cannot write the output: No space left on device"
    assert state(sqlite_cfg, "A-001") == before


def test_status_into_a_closed_pipe_is_quiet_like_a_tool_stopped_by_sigpipe(
    sqlite_cfg: Path,
) -> None:
    # `counter-app status | head -1`: the reader took what it wanted; with pipefail the
    # shell still sees that the output was cut short (141, as for `yes | head`)
    pipe = closed_pipe()
    try:
        proc = cli_into(pipe, "--config", str(sqlite_cfg), "status")
    finally:
        os.close(pipe)
    assert (proc.returncode, proc.stderr) == (141, "")


# --- report: the day and the CSV -------------------------------------------------------------


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_report_day_out_of_range_exits_2(sqlite_cfg: Path, day: str) -> None:
    proc = cli("--config", str(sqlite_cfg), "report", "--date", day)
    assert one_line(proc, 2) == (
        f"counter-app: --date: {day} is out of range (0001-01-02 to 9999-12-30)"
    )
    assert proc.stdout == ""


def test_the_first_and_last_report_days_work(sqlite_cfg: Path) -> None:
    for day in ("0001-01-02", "9999-12-30"):
        proc = cli("--config", str(sqlite_cfg), "report", "--date", day, "--json")
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["day"] == day


@needs_dev_full
def test_a_csv_to_a_full_disk_exits_2_naming_it(sqlite_cfg: Path) -> None:
    proc = cli("--config", str(sqlite_cfg), "report", "--csv", str(FULL))
    assert one_line(proc, 2) == "counter-app: /dev/full: No space left on device"
    assert stat.S_ISCHR(FULL.stat().st_mode)  # written to, never replaced by a file
    assert proc.stdout == ""


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, tiny file system (tmpfs, two pages) holding an old report and a filler
    that leave no room: a disk that fills up, where mounting is allowed (root on Linux)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mount = shutil.which("mount")
    if mount is None or os.geteuid() != 0:
        pytest.skip("needs root and mount(8) for a small tmpfs")
    made = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=8k", "tmpfs", str(disk)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace')}")
    try:
        (disk / "laporan.csv").write_text("the report of yesterday\n", encoding="utf-8")
        (disk / "filler").write_bytes(b"x" * 4096)
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_csv_to_a_full_disk_leaves_the_old_one_whole(sqlite_cfg: Path, full_disk: Path) -> None:
    assert cli("--config", str(sqlite_cfg), "issue", "A").returncode == 0
    target = full_disk / "laporan.csv"
    argv = ["--config", str(sqlite_cfg), "report", "--csv", str(target)]
    assert one_line(cli(*argv), 2) == f"counter-app: {target}: No space left on device"
    assert target.read_text(encoding="utf-8") == "the report of yesterday\n"
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "laporan.csv"]
    (full_disk / "filler").unlink()  # room again: the new report replaces the old whole
    proc = cli(*argv)
    assert proc.returncode == 0, proc.stderr
    assert target.read_text(encoding="utf-8").startswith("day,service,counter")
    assert sorted(p.name for p in full_disk.iterdir()) == ["laporan.csv"]


def test_a_csv_write_that_fails_late_leaves_no_temp_file(
    sqlite_cfg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # where no tmpfs can be mounted: the disk says it is full only at the sync
    from counter_app.core import report as report_mod

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    target = tmp_path / "laporan.csv"
    target.write_text("the report of yesterday\n", encoding="utf-8")
    queue = open_queue(config_mod.load_config(sqlite_cfg))
    try:
        report = report_mod.daily_report(queue)
    finally:
        queue.db.dispose()
    monkeypatch.setattr(os, "fsync", full)  # the full disk says so only at the sync
    with pytest.raises(OSError) as failed:
        report_mod.save_csv(report, target)
    assert (failed.value.filename, failed.value.errno) == (str(target), errno.ENOSPC)
    assert target.read_text(encoding="utf-8") == "the report of yesterday\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "laporan" in p.name) == ["laporan.csv"]


def test_a_csv_under_a_file_exits_2_naming_the_path(sqlite_cfg: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    target = blocker / "laporan.csv"
    proc = cli("--config", str(sqlite_cfg), "report", "--csv", str(target))
    assert one_line(proc, 2) == f"counter-app: {target}: Not a directory"


# --- configuration files that are not one ----------------------------------------------------


def config_error(proc: subprocess.CompletedProcess[str]) -> str:
    """A configuration error, as the README shows it: a header line, then FILE: problem."""
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert (proc.returncode, len(lines), lines[0]) == (2, 2, "configuration error:"), proc.stderr
    return lines[1]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_as_the_config_is_refused_unread(device: str) -> None:
    started = time.monotonic()
    line = config_error(cli("--config", device, "status"))
    assert line == f"{device}: not a regular file (a device or a pipe)"
    assert time.monotonic() - started < 20  # it used to read /dev/zero for ever


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_a_folder_as_the_config_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "config.fifo"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer that never comes
    assert config_error(cli("--config", str(fifo), "status")) == (
        f"{fifo}: not a regular file (a device or a pipe)"
    )
    folder = tmp_path / "config.toml"
    folder.mkdir()
    assert config_error(cli("--config", str(folder), "status")) == (
        f"{folder}: is a folder, not a file"
    )


def test_a_config_over_a_megabyte_is_refused(sqlite_cfg: Path) -> None:
    text = sqlite_cfg.read_text(encoding="utf-8")
    sqlite_cfg.write_text(text + "# " + "x" * 1_000_000 + "\n", encoding="utf-8")
    size = sqlite_cfg.stat().st_size
    assert config_error(cli("--config", str(sqlite_cfg), "status")) == (
        f"{sqlite_cfg}: too large for a configuration file ({size:,} bytes; at most 1 MB)"
    )


@pytest.mark.parametrize(
    ("nesting", "problem"),
    [
        ("x = " + "[" * 5000 + "]" * 5000, "nested deeper than 16 levels (line 1)"),
        ("x = " + "{a = " * 5000 + "1" + "}" * 5000, "nested deeper than 16 levels (line 1)"),
        ("x" + ".a" * 5000 + " = 1", "x" + ".a" * 16 + ": nested deeper than 16 levels"),
    ],
    ids=["arrays", "inline tables", "dotted keys"],
)
def test_a_config_nested_5000_deep_is_a_config_error(
    sqlite_cfg: Path, nesting: str, problem: str
) -> None:
    sqlite_cfg.write_text(nesting + "\n" + sqlite_cfg.read_text(encoding="utf-8"), "utf-8")
    assert config_error(cli("--config", str(sqlite_cfg), "status")) == f"{sqlite_cfg}: {problem}"


# --- over-long arguments are cut in every echo -----------------------------------------------

HUGE = "B" * 100_000
CUT = "'" + "B" * 40 + "'… (100000 characters)"


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["cancel", HUGE], 3, f"{CUT} bukan nomor antrean (contoh: A-001)."),
        (["issue", HUGE, "--no-print"], 3, f"Layanan {CUT} tidak dikenal."),
        (["transfer", "A-001", HUGE], 3, f"Layanan {CUT} tidak dikenal."),
        (["report", "--date", HUGE], 2, f"--date: not a date of the form YYYY-MM-DD: {CUT}"),
    ],
    ids=["code", "prefix", "transfer", "date"],
)
def test_an_over_long_argument_is_cut_where_it_is_said_back(
    sqlite_cfg: Path, argv: list[str], code: int, words: str
) -> None:
    assert cli("--config", str(sqlite_cfg), "issue", "A").returncode == 0
    before = state(sqlite_cfg, "A-001")
    proc = cli("--config", str(sqlite_cfg), *argv, "--json")
    line = one_line(proc, code)
    assert line.endswith(words) and len(line) < 200, line[:300]
    if code == 3:  # the JSON says the same, as short
        assert json.loads(proc.stdout)["message"].endswith(words)
    assert state(sqlite_cfg, "A-001") == before


@pytest.mark.parametrize(
    "argv", [["call", HUGE], ["status", HUGE], ["db", HUGE]], ids=["number", "extra", "choice"]
)
def test_argparse_cuts_an_over_long_argument_too(sqlite_cfg: Path, argv: list[str]) -> None:
    proc = cli("--config", str(sqlite_cfg), *argv)
    assert proc.returncode == 2 and "B" * 41 not in proc.stderr, proc.stderr[:300]
    assert "… (100000 characters)" in proc.stderr and len(proc.stderr) < 1000


# --- the printer's answer is no status -------------------------------------------------------


@pytest.mark.parametrize("mode", ["all_ones", "noise"])
def test_a_printer_answering_garbage_refuses_the_issue(
    tmp_path: Path, sqlite_url: str, mode: str
) -> None:
    with FakePrinter(mode) as fake:
        printer = {"kind": "network", "host": "127.0.0.1", "port": fake.port, "retries": 0}
        cfg = write_config(tmp_path / "office.toml", sqlite_url, printer=printer)
        status = cli("--config", str(cfg), "printer-status")
        proc = cli("--config", str(cfg), "issue", "A", "--json")
    said = "Jawaban printer tidak dikenali (periksa kabel dan pengaturan printer)"
    assert (status.returncode, status.stdout.strip()) == (3, f"NOT READY  {said}")
    assert said in one_line(proc, 3)
    assert json.loads(proc.stdout)["refused"] == "printer"
    assert "Kertas habis" not in proc.stderr and "Tutup printer" not in proc.stderr
    assert tickets(cfg) == []  # no number handed out without paper
    log = (paths.log_dir() / "counter-app.log").read_text(encoding="utf-8")
    assert f"printer 127.0.0.1:{fake.port}: no ESC/POS status" in log
    assert ("1: 0xff" in log) if mode == "all_ones" else ("1: 0x" in log)
