"""Whose clock to believe: a station with a wrong clock must not write, least of all end
the office's day.

A PC's clock can be wrong (a dead CMOS battery, a wrong time zone, a hand that set it);
the first write of a "new day" closes every open ticket of the old one, so one such PC
would send the whole hall home. Before any change, every write compares the station's
clock with the best reference the database has:

- **PostgreSQL:** the database server's own clock. A station more than TOLERANCE away
  from it refuses to write and says by how much it is ahead or behind.
- **SQLite** (every station on one PC): the time of the last write, which no clock may
  run behind; and the PC's monotonic clock, which counts real seconds since boot and
  which setting the clock does not move. The hall keeps the wall clock's distance from
  it at the last write: on the same boot, a distance that grew by more than TOLERANCE
  means the clock was moved ahead. Such a clock may write within the day, but it may end
  the day only when the real time elapsed since the last write (by the monotonic clock)
  also reaches the next day.
- Both: the queue's day never goes back.

What SQLite cannot know: a PC that was already wrong at boot, before its first write,
and is ahead (behind is caught by the last write). The self-test and the desk show the
clock next to the reference so staff can see it.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from counter_app.core import texts

log = logging.getLogger(__name__)

#: How far a station's clock may stand from the reference: NTP keeps PCs within a
#: second; a few minutes is a clock nobody has set, not a network's delay.
TOLERANCE = timedelta(minutes=5)


class Clock(Protocol):
    #: Whether the database server's clock judges this one: true for a PC's real clock;
    #: false for a simulated office's time (tests, screenshots), which has no server.
    real: bool

    def now(self) -> datetime:
        """The wall clock, aware."""
        ...

    def monotonic(self) -> float:
        """Seconds that only real time moves, the same for every process of one boot."""
        ...

    def boot(self) -> str | None:
        """Which boot of which machine `monotonic` counts from; None when unknown."""
        ...


def machine_boot() -> str | None:
    """This boot of this machine: Linux's boot id, Windows' boot counter; else None (then
    the monotonic evidence is not used)."""
    import socket

    host = socket.gethostname()
    try:
        if sys.platform.startswith("linux"):
            boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
            return f"{host}/{boot}"[:80]
        if sys.platform == "win32":
            import winreg

            key = r"SYSTEM\CurrentControlSet\Control\Session Manager\Memory Management"
            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key + r"\PrefetchParameters") as k:
                count, _kind = winreg.QueryValueEx(k, "BootId")
            return f"{host}/{int(count)}"[:80]
    except (OSError, ValueError):
        return None
    return None


class SystemClock:
    real = True
    _boot: str | None = None
    _boot_read = False

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    def boot(self) -> str | None:
        if not SystemClock._boot_read:
            SystemClock._boot, SystemClock._boot_read = machine_boot(), True
        return SystemClock._boot


class ManualClock:
    """Time moved by hand (tests, screenshots, demos): its monotonic clock follows every
    move, as a correctly set clock's would."""

    real = False
    _ORIGIN = 10_000.0

    def __init__(self, start: datetime) -> None:
        self.start = self.moment = start

    def now(self) -> datetime:
        return self.moment

    def monotonic(self) -> float:
        return self._ORIGIN + (self.moment - self.start).total_seconds()

    def boot(self) -> str | None:
        return f"manual/{id(self)}"

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@dataclass(frozen=True, slots=True)
class Reading:
    """This station's clock, read once for one operation."""

    now: datetime
    monotonic: float
    boot: str | None

    @classmethod
    def of(cls, clock: Clock) -> Reading:
        return cls(clock.now(), clock.monotonic(), clock.boot())

    @property
    def offset(self) -> float:
        """The wall clock's distance from the monotonic clock, in seconds."""
        return self.now.timestamp() - self.monotonic


@dataclass(frozen=True, slots=True)
class Reference:
    """What the database knows of the time: the queue's day, its last write and, on
    PostgreSQL, the server's clock now."""

    day: date | None
    last_write_at: datetime | None
    boot: str | None
    offset: float | None
    server_now: datetime | None = None


def problem(reading: Reading, ref: Reference, zone: ZoneInfo, lang: str) -> str | None:
    """Why this station must not write now, in plain words; None when its clock is fine."""
    local = reading.now.astimezone(zone)
    today = local.date()
    if ref.server_now is not None:
        skew = reading.now - ref.server_now
        if abs(skew) > TOLERANCE:
            return texts.text(
                lang,
                "clock_vs_server",
                amount=duration(abs(skew), lang),
                direction=texts.text(lang, "clock_ahead" if skew > timedelta() else "clock_behind"),
                pc=_moment(reading.now, zone),
                server=_moment(ref.server_now, zone),
            )
    else:
        last = ref.last_write_at
        if last is not None and reading.now < last - TOLERANCE:
            return texts.text(
                lang,
                "clock_behind_last",
                amount=duration(last - reading.now, lang),
                pc=_moment(reading.now, zone),
                last=_moment(last, zone),
            )
        moved = _moved_ahead(reading, ref)
        if moved is not None and last is not None and ref.day is not None and today > ref.day:
            # The real time now, by the monotonic clock since the last write: has the
            # queue's day really ended, or only this clock's?
            real_now = reading.now - moved
            if real_now.astimezone(zone).date() <= ref.day:
                return texts.text(
                    lang,
                    "clock_moved",
                    amount=duration(moved, lang),
                    pc=_moment(reading.now, zone),
                    last=_moment(last, zone),
                )
    if ref.day is not None and today < ref.day:
        return texts.text(
            lang,
            "clock_day_behind",
            queue_day=ref.day.isoformat(),
            pc=_moment(reading.now, zone),
        )
    return None


def _moved_ahead(reading: Reading, ref: Reference) -> timedelta | None:
    """How far the clock was set ahead since the last write on this boot, if beyond
    TOLERANCE."""
    if reading.boot is None or ref.boot != reading.boot or ref.offset is None:
        return None
    moved = timedelta(seconds=reading.offset - ref.offset)
    return moved if moved > TOLERANCE else None


def note_moves(reading: Reading, ref: Reference) -> None:
    """Log a clock set ahead within the day: allowed, but worth a line."""
    moved = _moved_ahead(reading, ref)
    if moved is not None:
        log.warning("this PC's clock was set ahead by %s since the last write", moved)


def duration(span: timedelta, lang: str) -> str:
    """1 hari 2 jam 5 menit / 1 day 2 h 5 min (to the nearest minute; under one, seconds)."""
    total = round(span.total_seconds())
    if total < 60:
        return texts.text(lang, "clock_seconds", n=total)
    days, rest = divmod(round(total / 60), 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    for n, key in ((days, "clock_days"), (hours, "clock_hours"), (minutes, "clock_minutes")):
        if n:
            parts.append(texts.text(lang, key, n=n))
    return " ".join(parts)


def _moment(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")
