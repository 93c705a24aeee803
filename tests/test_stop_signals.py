"""Asked to stop from outside, as systemd, Task Scheduler, `kill` or Ctrl+C do: the desk,
a counter panel, the lobby display and the phone server, each a real process, run the
same orderly stop as closing the window and end with exit status 0, no traceback, the
log's last line written; the desk's phone server child stops with it."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import write_config
from webkit import free_port, web_process

from counter_app import logs, stopping
from counter_app.core import paths

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

WAIT = 60.0


def wait_for(what: str, ready: Callable[[], bool], proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + WAIT
    while not ready():
        if proc.poll() is not None:
            raise AssertionError(f"ended ({proc.returncode}) before {what}: {proc.stderr}")
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} within {WAIT:.0f} s")
        time.sleep(0.05)


def log_text() -> str:
    path = paths.log_dir() / logs.LOG_NAME
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def children_of(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a zombie has ended, only not yet been waited for


def start_window(config: Path, *command: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COUNTER_APP_NO_CRASH_DIALOG": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "counter_app", "--config", str(config), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def stopped(proc: subprocess.Popen[str], sig: signal.Signals) -> tuple[int, str]:
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=WAIT)
    return proc.returncode, err


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
@pytest.mark.parametrize("command", [("desk",), ("counter", "1"), ("display", "--windowed")])
def test_a_window_asked_to_stop_closes_in_order_with_exit_0(
    tmp_path: Path, sqlite_url: str, command: tuple[str, ...], sig: signal.Signals
) -> None:
    config = write_config(tmp_path / "office.toml", sqlite_url)
    proc = start_window(config, *command)
    wait_for("the running window", lambda: "close it" in log_text(), proc)

    code, err = stopped(proc, sig)

    assert code == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    tail = log_text().rstrip().splitlines()[-1]
    assert tail.endswith("counter-app stopped"), tail
    assert f"asked to stop ({sig.name})" in log_text()


def test_the_desk_stops_its_phone_server_child_on_sigterm(tmp_path: Path, sqlite_url: str) -> None:
    config = write_config(
        tmp_path / "office.toml",
        sqlite_url,
        web={"enabled": True, "host": "127.0.0.1", "port": free_port()},
    )
    proc = start_window(config, "desk")
    wait_for("the phone server", lambda: "phone page server: counter-app web" in log_text(), proc)
    servers = children_of(proc.pid)
    assert servers, "the desk started no phone server"

    code, err = stopped(proc, signal.SIGTERM)

    assert code == 0, err
    assert "Traceback" not in err
    assert not [pid for pid in servers if alive(pid)], "the phone server outlived the desk"
    assert "did not stop when asked" not in log_text()  # stopped by asking, not killed


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_the_phone_server_asked_to_stop_ends_with_exit_0(
    tmp_path: Path, sqlite_url: str, sig: signal.Signals
) -> None:
    config = write_config(tmp_path / "office.toml", sqlite_url)
    with web_process(config) as (proc, _base):
        proc.send_signal(sig)
        proc.wait(timeout=WAIT)
        assert proc.returncode == 0
        assert proc.stderr is not None
        err = proc.stderr.read()
        assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert f"asked to stop ({sig.name})" in log_text()


def test_the_signal_handler_itself_writes_no_log_line(caplog: pytest.LogCaptureFixture) -> None:
    """A stop signal may come in the middle of a write to the log: a line written from
    the handler re-enters the file's buffer and logging prints a traceback to stderr (seen
    on a busy machine, the display asked to stop by SIGINT). The handler only passes the
    request on; whoever acts on it logs it (stopping.said_to_stop)."""
    caplog.set_level(logging.DEBUG)
    asked: list[int] = []
    with stopping.on_stop_signals(asked.append):
        os.kill(os.getpid(), signal.SIGTERM)
        deadline = time.monotonic() + WAIT
        while not asked and time.monotonic() < deadline:
            time.sleep(0.01)  # the handler runs at the main thread's next step
    assert asked == [signal.SIGTERM]
    assert caplog.records == []
    stopping.said_to_stop(asked[0])
    assert [r.getMessage() for r in caplog.records] == ["asked to stop (SIGTERM)"]
