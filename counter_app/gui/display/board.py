"""What the lobby display shows, worked out from the queue's Status: plain values, no Qt.

The view only draws a Board; the rules of what goes where (which call is "now
serving", who is still to come in, which notices hang) live here, where a test can
check them without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from counter_app.core.config import Config, WhenFull
from counter_app.core.model import Call, EventKind, Status
from counter_app.core.words import section, spelled_date, text

SPOKEN = (EventKind.CALLED, EventKind.RECALLED)
ADMITTED = EventKind.ADMITTED
#: Admissions older than this leave the "Silakan masuk" list even if not called yet.
ADMIT_SHOWN_FOR = timedelta(minutes=15)
ADMIT_SLOTS = 6
NO_TICKET = "—"


def words(language: str) -> dict[str, str]:
    """The display's words (``display.*`` in core/words) by their short key."""
    return section("display", language)


def format_date(moment: datetime, language: str = "id") -> str:
    """``"Sabtu, 28 November 2026"``: our own words, so no system locale is needed."""
    return spelled_date(moment, language)


def format_time(moment: datetime) -> str:
    return f"{moment:%H:%M:%S}"


def zone_name(moment: datetime) -> str:
    """WIB, WITA or WIT; nothing for zones that have only an offset such as "+08"."""
    name = moment.tzname() or ""
    return name if name.isalpha() else ""


def format_datetime(moment: datetime, language: str = "id") -> str:
    """``"Sabtu, 28 November 2026 14:05:09"``."""
    return f"{format_date(moment, language)} {format_time(moment)}"


@dataclass(frozen=True, slots=True)
class CounterTile:
    number: int
    name: str
    code: str | None


@dataclass(frozen=True, slots=True)
class CallLine:
    code: str
    where: str  # the counter's name, or "SILAKAN MASUK" for an admission
    recalled: bool


@dataclass(frozen=True, slots=True)
class Board:
    version: int
    now_seq: int | None  # the newest call's event id: a change means "flash"
    now_code: str | None
    now_where: str
    now_recalled: bool
    admit_seq: int | None  # the newest admission's event id
    counters: tuple[CounterTile, ...]
    recent: tuple[CallLine, ...]
    admitted: tuple[str, ...]  # oldest first
    waiting: int
    occupancy: int
    limit: int
    hall_full: bool
    wait_outside: bool
    outside: int
    notices: tuple[str, ...]
    # places free but the group first outside needs more: said instead of "full"
    blocked: str | None = None


def counter_name(config: Config, number: int | None) -> str:
    if number is None:
        return ""
    counter = config.counter(number)
    # in Indonesian whatever the language, like the label of an unnamed counter (config)
    return counter.label if counter is not None else text("counter.label", "id", n=number)


def _notice(name: str, notice: str) -> str:
    return notice if name.lower() in notice.lower() else f"{name}: {notice}"


def make_board(status: Status, config: Config, *, recent: int | None = None) -> Board:
    """The display's content for one Status (``status.calls`` newest first)."""
    w = words(config.office.language)
    recent = config.display.recent_calls if recent is None else recent
    spoken = [c for c in status.calls if c.kind in SPOKEN]
    newest: Call | None = spoken[0] if spoken else None

    lines: list[CallLine] = []
    seen = {newest.code} if newest else set()
    for c in spoken[1:]:
        if c.code in seen:
            continue  # a recall of a number already listed: one line per number
        seen.add(c.code)
        lines.append(
            CallLine(c.code, counter_name(config, c.counter), c.kind == EventKind.RECALLED)
        )
        if len(lines) >= recent:
            break

    admitted: list[str] = []
    called_later: set[str] = set()
    admit_seq: int | None = None
    for c in status.calls:  # newest first: a call seen before an admission came after it
        if c.kind in SPOKEN:
            called_later.add(c.code)
        elif c.kind == ADMITTED:
            admit_seq = c.seq if admit_seq is None else admit_seq
            fresh = status.now - c.at <= ADMIT_SHOWN_FOR
            if fresh and c.code not in called_later and c.code not in admitted:
                admitted.append(c.code)
    admitted = admitted[:ADMIT_SLOTS][::-1]  # the newest few, in the order they were let in

    notices: list[str] = []
    if not status.open_now and config.office.opening_hours:
        notices.append(w["closed"].format(hours=config.office.opening_hours))
    notices.extend(_notice(s.name, s.suspended) for s in status.services if s.suspended)

    return Board(
        version=status.version,
        now_seq=newest.seq if newest else None,
        now_code=newest.code if newest else None,
        now_where=counter_name(config, newest.counter) if newest else "",
        now_recalled=bool(newest and newest.kind == EventKind.RECALLED),
        admit_seq=admit_seq,
        counters=tuple(
            CounterTile(c.number, c.name, c.current.code if c.current else None)
            for c in status.counters
        ),
        recent=tuple(lines),
        admitted=tuple(admitted),
        waiting=sum(s.waiting for s in status.services),
        occupancy=status.occupancy,
        limit=status.limit,
        hall_full=status.hall_full,
        wait_outside=status.when_full == WhenFull.WAIT_OUTSIDE,
        outside=status.outside,
        notices=tuple(notices),
        blocked=status.blocked_text(config.office.language),
    )
