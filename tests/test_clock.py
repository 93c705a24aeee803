"""A station with a wrong clock never ends the office's day (core/clock.py).

In process, a real clock shifted by a day stands for the wrong PC: against PostgreSQL the
server's clock refuses it, against SQLite the last write (behind) or the monotonic clock
of the same boot (ahead). In child processes, libfaketime moves the wall clock of a real
`counter-app` command while leaving the monotonic clock alone, as a wrong CMOS clock or a
hand that set the date would.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import make_config, write_config
from test_cli_failures import cli

from counter_app.core import config as config_mod
from counter_app.core.clock import TOLERANCE, ManualClock, SystemClock
from counter_app.core.model import Reason, Refused, TicketState
from counter_app.core.queue import Queue, open_queue
from counter_app.storage.db import Database

# Debian's faketime package, on any architecture (x86_64-linux-gnu, aarch64-linux-gnu ...)
FAKETIME = next(iter(sorted(Path("/usr/lib").glob("*/faketime/libfaketime.so.1"))), Path("-"))


class ShiftedClock(SystemClock):
    """This PC's real clock, set wrong by `shift`: the monotonic clock and the boot are
    the machine's own, as on a PC whose date somebody set by hand."""

    def __init__(self, shift: timedelta) -> None:
        self.shift = shift

    def now(self) -> datetime:
        return datetime.now(UTC) + self.shift


class SetClock(ManualClock):
    """A simulated clock that can also be *set*: the wall clock moves, the monotonic
    clock does not (it counts only real seconds)."""

    def __init__(self, start: datetime) -> None:
        super().__init__(start)
        self.setting = timedelta()

    def monotonic(self) -> float:
        return super().monotonic() - self.setting.total_seconds()

    def set_ahead(self, **delta: float) -> None:
        self.moment += timedelta(**delta)
        self.setting += timedelta(**delta)


def a_busy_morning(queue: Queue) -> None:
    """A-001 at counter 1, A-002 and B-001 waiting."""
    queue.issue("A")
    queue.issue("A")
    queue.issue("B")
    queue.call_next(1)


def open_states(queue: Queue) -> dict[str, TicketState]:
    return {t.code: t.state for t in queue.recent_tickets()}


@pytest.fixture
def real_queue(database: Database) -> Queue:
    """A station with this PC's true clock (no opening hours: tests run at any hour)."""
    return Queue(database, make_config(), clock=SystemClock())


@pytest.mark.parametrize("shift", [timedelta(days=1), timedelta(days=-1)])
def test_a_station_with_a_wrong_clock_is_refused_and_ends_nothing(
    database: Database, real_queue: Queue, shift: timedelta
) -> None:
    a_busy_morning(real_queue)
    before = open_states(real_queue)
    wrong = Queue(database, make_config(), clock=ShiftedClock(shift))
    version = wrong.version()

    for operation in (lambda: wrong.issue("A"), lambda: wrong.call_next(2), wrong.expire_stale):
        with pytest.raises(Refused) as refused:
            operation()
        assert refused.value.reason is Reason.CLOCK
    assert "Setel tanggal dan jam PC ini" in refused.value.message
    assert "1 hari" in refused.value.message
    assert wrong.version() == version  # nothing was written
    assert open_states(real_queue) == before  # nobody sent home
    assert real_queue.issue("A").code == "A-003"  # the others carry on, no gap, no reset
    assert wrong.clock_problem() is not None
    assert real_queue.clock_problem() is None


def test_the_refusal_names_the_server_clock_on_postgresql(
    pg_url: str, request: pytest.FixtureRequest
) -> None:
    from counter_app.storage.db import open_database

    db = open_database(pg_url)
    request.addfinalizer(db.dispose)
    wrong = Queue(db, make_config(), clock=ShiftedClock(timedelta(days=1, minutes=3)))
    with pytest.raises(Refused) as refused:
        wrong.issue("A")
    message = refused.value.message
    assert "1 hari 3 menit lebih cepat dari jam server basis data" in message, message
    english = Queue(db, make_config(office={"language": "en"}), clock=wrong.clock)
    with pytest.raises(Refused) as refused:
        english.issue("A")
    assert "1 d 3 min ahead of the database server's" in refused.value.message
    # A wrong time zone on the PC (its clock 8 hours off) is as wrong on the same day.
    zone = Queue(db, make_config(), clock=ShiftedClock(timedelta(hours=-8)))
    with pytest.raises(Refused) as refused:
        zone.issue("A")
    assert "8 jam lebih lambat dari jam server" in refused.value.message


def test_a_few_minutes_off_is_still_allowed(database: Database, real_queue: Queue) -> None:
    real_queue.issue("A")
    slightly = Queue(database, make_config(), clock=ShiftedClock(TOLERANCE / 2))
    assert slightly.issue("A").code == "A-002"
    behind = Queue(database, make_config(), clock=ShiftedClock(-TOLERANCE / 2))
    assert behind.issue("A").code == "A-003"


def test_sqlite_a_clock_set_ahead_ends_the_day_only_when_real_time_did(
    sqlite_url: str,
) -> None:
    from counter_app.storage.db import open_database

    db = open_database(sqlite_url)
    clock = SetClock(datetime(2026, 11, 30, 2, 0, tzinfo=UTC))  # 10:00 WITA
    queue = Queue(db, make_config(), clock=clock)
    try:
        a_busy_morning(queue)
        clock.set_ahead(hours=2)  # within the day: allowed, the hour is only wrong
        assert queue.issue("A").code == "A-003"
        clock.set_ahead(days=1)  # "tomorrow" by this clock, 10:00 by the real time
        with pytest.raises(Refused) as refused:
            queue.issue("A")
        assert refused.value.reason is Reason.CLOCK
        assert "dimajukan 1 hari" in refused.value.message
        observer = Queue(db, make_config(), clock=ManualClock(clock.moment - clock.setting))
        assert TicketState.CALLED in open_states(observer).values()  # still at counter 1
        clock.advance(hours=15)  # real time passes midnight as well: the day really ended
        assert queue.issue("A").code == "A-001"
        assert queue.ticket("A-001").day == queue.today()
    finally:
        db.dispose()


def test_the_queue_day_never_goes_back(database: Database) -> None:
    clock = ManualClock(datetime(2026, 11, 30, 2, 0, tzinfo=UTC))
    queue = Queue(database, make_config(), clock=clock)
    queue.issue("A")
    clock.advance(days=1)
    queue.issue("A")  # the next day, really
    earlier = Queue(database, make_config(), clock=ManualClock(clock.moment - timedelta(days=1)))
    with pytest.raises(Refused) as refused:
        earlier.issue("A")
    assert refused.value.reason is Reason.CLOCK
    assert [t.code for t in queue.recent_tickets()] == ["A-001"]


# --- real processes with a wrong clock ---------------------------------------------------------


def _faketime_env(shift: str) -> dict[str, str]:
    if not FAKETIME.exists():
        if os.environ.get("CI"):
            pytest.fail("CI needs libfaketime (apt-get install faketime)")
        pytest.skip("libfaketime is not installed (apt-get install faketime)")
    return {
        **os.environ,
        "LD_PRELOAD": str(FAKETIME),
        "FAKETIME": shift,
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",  # the machine's monotonic clock stays true
        "PYTHONIOENCODING": "utf-8",
    }


@pytest.mark.parametrize("shift", ["+1d", "-1d"])
def test_a_command_on_a_pc_a_day_off_is_refused_with_exit_3(
    tmp_path: Path, db_url: str, shift: str
) -> None:
    cfg_path = write_config(tmp_path / "office.toml", db_url)
    queue = open_queue(config_mod.load_config(cfg_path))
    try:
        a_busy_morning(queue)
        before = open_states(queue)
        version = queue.version()
        env = _faketime_env(shift)
        for argv in (["issue", "A", "--no-print"], ["call", "2"], ["done", "1"]):
            proc = cli("--config", str(cfg_path), *argv, env=env)
            assert proc.returncode == 3, proc.stderr
            assert "Traceback" not in proc.stderr
            assert "Jam PC ini" in proc.stderr and "1 hari" in proc.stderr, proc.stderr
        assert queue.version() == version
        assert open_states(queue) == before
        assert queue.issue("A").code == "A-003"
    finally:
        queue.db.dispose()


def test_a_clock_a_year_ahead_purges_nothing(database: Database, real_queue: Queue) -> None:
    """Retention counts days from today: a PC a year ahead must not take today for old."""
    from counter_app.core.report import purge_old

    a_busy_morning(real_queue)
    wrong = Queue(database, make_config(), clock=ShiftedClock(timedelta(days=400)))
    with pytest.raises(Refused) as refused:
        purge_old(wrong, 30)
    assert refused.value.reason is Reason.CLOCK
    assert len(real_queue.recent_tickets()) == 3
