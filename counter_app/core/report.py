"""The daily report: what a day's event log says about each service, counter and the hall.

Computed from the append-only event log alone (``Queue.day_log``), so it is the same on
every station and can be recomputed for any past day whose tickets are still kept.

Definitions (all times office-local, durations in minutes rounded to 0.01):

- **issued**: tickets issued for the service that day (by the service they were issued
  for; a transfer does not move the issue).
- **served / no_show / cancelled**: each ticket counts once, by how it *last* ended that
  day: a no-show who came back and was served is served; a no-show later cancelled is
  cancelled; tickets the day change closed (``expired``) are cancelled. The outcome
  belongs to the service line the ticket was in when it ended (after any transfer) and,
  for served and no-show, to the counter that ended it; a cancellation counts for a
  counter only when the ticket was called there at that moment. ``open`` are tickets
  with no outcome yet.
- **wait**: from issue to the ticket's *first* call (waiting outside included; recalls,
  returns and transfers do not start a new wait), for the line and counter of that call.
  Tickets never called have no wait.
- **service time**: from a ticket's latest call to its ``done``, for each visit that ended
  done (a visit transferred away or a no-show has no service time).
- **median** is the middle value (the mean of the two middle ones for an even count);
  **p90** is the nearest-rank 90th percentile: the smallest value that at least 90 % of
  the values do not exceed.
- **occupancy**: persons on ``waiting`` and ``called`` tickets, replayed event by event
  (each event's from/to state, times the ticket's group). **Peak** is its highest value;
  **full minutes** is the time the hall was full (core/hall.py's ``is_full``: no room for
  one more person), up to the end of the day (the day change's ``expired`` events,
  written the next morning, count at midnight). **Blocked minutes** is the time places
  were free but the group first in the outside line did not fit in them (core/hall.py's
  ``hall_state`` BLOCKED); the outside line is replayed in the order tickets joined it.
- **arrivals per hour**: issued tickets by the local hour of issue.
"""

from __future__ import annotations

import csv
import io
import json
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from counter_app.core.config import Config
from counter_app.core.files import save_text
from counter_app.core.hall import HallState, hall_state, over_limit
from counter_app.core.model import INSIDE, Booking, EventKind, LoggedEvent, Purge, TicketState
from counter_app.core.queue import Queue

HOURS = 24
CSV_COLUMNS = (
    "day",
    "service",
    "counter",
    "name",
    "issued",
    "served",
    "no_show",
    "cancelled",
    "open",
    "wait_median_min",
    "wait_p90_min",
    "service_median_min",
    "peak_occupancy",
    "capacity_limit",
    "full_minutes",
    "blocked_minutes",  # added last, so a reader of the older columns still finds them
    # the service's online numbers (on its row; empty on the others): added after those
    "booked",
    "checked_in",
    "lapsed",
)
#: How a ticket's visit ended, by the event that ended it: the report's outcome columns.
#: Keyed by str, as LoggedEvent.kind is: a kind this version does not know ends nothing.
_ENDINGS: dict[str, str] = {
    EventKind.DONE: "served",
    EventKind.NO_SHOW: "no_show",
    EventKind.CANCELLED: "cancelled",
    EventKind.EXPIRED: "cancelled",
}


def median(values: Sequence[float]) -> float | None:
    return round(statistics.median(values), 2) if values else None


def p90(values: Sequence[float]) -> float | None:
    """Nearest rank: the ceil(0.9 n)-th smallest value."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)], 2)


@dataclass(frozen=True, slots=True)
class Figures:
    issued: int | None  # None for a counter, which issues nothing
    served: int
    no_show: int
    cancelled: int
    open: int
    wait_median_min: float | None
    wait_p90_min: float | None
    service_median_min: float | None


@dataclass(frozen=True, slots=True)
class ServiceLine:
    prefix: str
    name: str
    figures: Figures
    arrivals: tuple[int, ...]  # issued per local hour, 0-23


@dataclass(frozen=True, slots=True)
class BookingLine:
    """A service's online numbers of the day: booked (not cancelled), of them checked in
    and lapsed, and cancelled."""

    prefix: str
    booked: int
    checked_in: int
    lapsed: int
    cancelled: int


@dataclass(frozen=True, slots=True)
class DocumentLine:
    """A document kind's day: handed over, and booked for the day but not collected."""

    kind: str
    handed: int
    not_collected: int


@dataclass(frozen=True, slots=True)
class CounterLine:
    number: int
    name: str
    figures: Figures


@dataclass(frozen=True, slots=True)
class DayReport:
    day: date
    limit: int
    peak_occupancy: int
    peak_at: datetime | None  # office-local
    full_minutes: float
    issued_outside: int  # tickets that had to wait outside (issued or returned to a full hall)
    total: Figures
    services: tuple[ServiceLine, ...]
    counters: tuple[CounterLine, ...]
    arrivals: tuple[int, ...]  # every service, per local hour
    occupancy: tuple[tuple[datetime, int], ...] = field(default=())  # office-local steps
    blocked_minutes: float = 0.0  # places free, but the group first outside did not fit
    bookings: tuple[BookingLine, ...] = ()  # per service that took bookings that day
    documents: tuple[DocumentLine, ...] = ()  # per document kind handed or booked that day

    @property
    def limit_held(self) -> bool:
        return not over_limit(self.peak_occupancy, self.limit)

    # --- for storage (the daily aggregate) and the JSON output ---------------------------

    def as_json(self) -> dict[str, Any]:
        def figures(f: Figures) -> dict[str, Any]:
            return {k: getattr(f, k) for k in Figures.__slots__}

        return {
            "day": self.day.isoformat(),
            "limit": self.limit,
            "peak_occupancy": self.peak_occupancy,
            "peak_at": self.peak_at.isoformat() if self.peak_at else None,
            "full_minutes": self.full_minutes,
            "blocked_minutes": self.blocked_minutes,
            "issued_outside": self.issued_outside,
            "limit_held": self.limit_held,
            "total": figures(self.total),
            "services": [
                {
                    "prefix": s.prefix,
                    "name": s.name,
                    **figures(s.figures),
                    "arrivals": list(s.arrivals),
                }
                for s in self.services
            ],
            "counters": [
                {"number": c.number, "name": c.name, **figures(c.figures)} for c in self.counters
            ],
            "arrivals": list(self.arrivals),
            "occupancy": [[at.isoformat(), n] for at, n in self.occupancy],
            "bookings": [
                {
                    "prefix": b.prefix,
                    "booked": b.booked,
                    "checked_in": b.checked_in,
                    "lapsed": b.lapsed,
                    "cancelled": b.cancelled,
                }
                for b in self.bookings
            ],
            "documents": [
                {"kind": d.kind, "handed": d.handed, "not_collected": d.not_collected}
                for d in self.documents
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DayReport:
        def figures(d: dict[str, Any]) -> Figures:
            return Figures(**{k: d[k] for k in Figures.__slots__})

        return cls(
            day=date.fromisoformat(data["day"]),
            limit=int(data["limit"]),
            peak_occupancy=int(data["peak_occupancy"]),
            peak_at=datetime.fromisoformat(data["peak_at"]) if data["peak_at"] else None,
            full_minutes=float(data["full_minutes"]),
            issued_outside=int(data["issued_outside"]),
            total=figures(data["total"]),
            services=tuple(
                ServiceLine(s["prefix"], s["name"], figures(s), tuple(s["arrivals"]))
                for s in data["services"]
            ),
            counters=tuple(
                CounterLine(int(c["number"]), c["name"], figures(c)) for c in data["counters"]
            ),
            arrivals=tuple(data["arrivals"]),
            occupancy=tuple((datetime.fromisoformat(a), int(n)) for a, n in data["occupancy"]),
            # a report stored before the figure existed: nothing was counted as blocked
            blocked_minutes=float(data.get("blocked_minutes", 0.0)),
            bookings=tuple(
                BookingLine(
                    b["prefix"],
                    int(b["booked"]),
                    int(b["checked_in"]),
                    int(b["lapsed"]),
                    int(b["cancelled"]),
                )
                for b in data.get("bookings", [])  # stored before booking existed: none
            ),
            documents=tuple(
                DocumentLine(d["kind"], int(d["handed"]), int(d["not_collected"]))
                for d in data.get("documents", [])  # stored before the ready list: none
            ),
        )

    # --- CSV --------------------------------------------------------------------------------

    def csv_rows(self) -> list[dict[str, str]]:
        """One row per service, one per counter, then the whole day (service and counter
        empty); the hall's figures are on every row."""
        hall = {
            "day": self.day.isoformat(),
            "peak_occupancy": str(self.peak_occupancy),
            "capacity_limit": str(self.limit),
            "full_minutes": _number(self.full_minutes),
            "blocked_minutes": _number(self.blocked_minutes),
        }
        online = {b.prefix: b for b in self.bookings}
        none = {"booked": "", "checked_in": "", "lapsed": ""}

        def booked(prefix: str) -> dict[str, str]:
            b = online.get(prefix)
            if b is None:
                return none
            return {
                "booked": str(b.booked),
                "checked_in": str(b.checked_in),
                "lapsed": str(b.lapsed),
            }

        rows = [
            {
                **hall,
                "service": s.prefix,
                "counter": "",
                "name": s.name,
                **_csv(s.figures),
                **booked(s.prefix),
            }
            for s in self.services
        ]
        rows += [
            {
                **hall,
                "service": "",
                "counter": str(c.number),
                "name": c.name,
                **_csv(c.figures),
                **none,
            }
            for c in self.counters
        ]
        rows.append({**hall, "service": "", "counter": "", "name": "", **_csv(self.total), **none})
        return rows

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.csv_rows())
        return out.getvalue()


def save_csv(report: DayReport, path: Path) -> None:
    """Write the report's CSV to ``path`` whole or not at all (files.save_text)."""
    save_text(path, report.to_csv())


def _number(value: float | int | None) -> str:
    return "" if value is None else repr(value)


def _csv(f: Figures) -> dict[str, str]:
    return {k: _number(getattr(f, k)) for k in Figures.__slots__}


def figures_from_csv(row: dict[str, str]) -> Figures:
    """Parse one CSV row's figures back (the inverse of ``DayReport.to_csv``)."""

    def whole(key: str) -> int | None:
        return int(row[key]) if row[key] else None

    def minutes(key: str) -> float | None:
        return float(row[key]) if row[key] else None

    return Figures(
        issued=whole("issued"),
        served=whole("served") or 0,
        no_show=whole("no_show") or 0,
        cancelled=whole("cancelled") or 0,
        open=whole("open") or 0,
        wait_median_min=minutes("wait_median_min"),
        wait_p90_min=minutes("wait_p90_min"),
        service_median_min=minutes("service_median_min"),
    )


# --- computing --------------------------------------------------------------------------------


@dataclass
class _Tally:
    issued: int = 0
    outcomes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    waits: list[float] = field(default_factory=list)
    services: list[float] = field(default_factory=list)
    arrivals: list[int] = field(default_factory=lambda: [0] * HOURS)

    def figures(self, *, issued: bool = True, still_open: int = 0) -> Figures:
        return Figures(
            issued=self.issued if issued else None,
            served=self.outcomes["served"],
            no_show=self.outcomes["no_show"],
            cancelled=self.outcomes["cancelled"],
            open=still_open,
            wait_median_min=median(self.waits),
            wait_p90_min=p90(self.waits),
            service_median_min=median(self.services),
        )


@dataclass
class _TicketTrack:
    prefix: str
    line: str  # the service line it is in now
    issued_at: datetime | None = None
    called_at: datetime | None = None  # the latest call
    first_call_seen: bool = False
    outcome: tuple[str, str, int | None] | None = None  # (what, line, counter)


# The days whose bounds (midnight to midnight, in any zone) a datetime can hold: one day
# short of date.min and date.max, where `day + 1 day` or the UTC offset overflows.
FIRST_DAY, LAST_DAY = date(1, 1, 2), date(9999, 12, 30)


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), zone)
    return start, datetime.combine(day + timedelta(days=1), time(0), zone)


def compute(
    events: Iterable[LoggedEvent], day: date, config: Config, *, now: datetime | None = None
) -> DayReport:
    """The report of ``day`` from its event log; ``now`` ends an unfinished day's timeline."""
    zone = config.office.zone
    start, end = day_bounds(day, zone)
    if now is not None and start <= now < end:
        end = now
    limit = config.capacity.limit
    tickets: dict[int, _TicketTrack] = {}
    by_service: dict[str, _Tally] = defaultdict(_Tally)
    by_counter: dict[int, _Tally] = defaultdict(_Tally)
    total = _Tally()
    occupancy = peak = 0
    peak_at: datetime | None = None
    steps: list[tuple[datetime, int]] = [(start.astimezone(zone), 0)]
    since: dict[HallState, datetime] = {}  # when the hall became FULL / BLOCKED
    hall_time = {HallState.FULL: timedelta(), HallState.BLOCKED: timedelta()}
    state = HallState.ROOM
    outside_line: dict[int, int] = {}  # the outside line, in the order tickets joined it: groups
    outside = 0

    for e in events:
        at = min(e.at, end)
        issued_for = config.service(e.prefix)  # a booked "AD-005" counts under A
        origin = issued_for.prefix if issued_for is not None else e.prefix
        track = tickets.setdefault(e.ticket_id, _TicketTrack(origin, origin))
        if e.kind == EventKind.ISSUED:
            track.issued_at = e.at
            hour = e.at.astimezone(zone).hour
            for tally in (by_service[origin], total):
                tally.issued += 1
                tally.arrivals[hour] += 1
        if e.to_state == TicketState.OUTSIDE and e.kind in (EventKind.ISSUED, EventKind.RETURNED):
            outside += 1
        if e.kind == EventKind.TRANSFERRED and e.detail and "->" in e.detail:
            track.line = e.detail.split("->", 1)[1]
        if e.kind == EventKind.CALLED:
            if not track.first_call_seen and track.issued_at is not None:
                wait = (e.at - track.issued_at).total_seconds() / 60
                for tally in _tallies(by_service[track.line], by_counter, e.counter, total):
                    tally.waits.append(wait)
            track.first_call_seen = True
            track.called_at = e.at
        if e.kind == EventKind.DONE and track.called_at is not None:
            spent = (e.at - track.called_at).total_seconds() / 60
            for tally in _tallies(by_service[track.line], by_counter, e.counter, total):
                tally.services.append(spent)
        if e.kind in _ENDINGS:
            what = _ENDINGS[e.kind]
            counter = (
                e.counter if what != "cancelled" or e.from_state == TicketState.CALLED else None
            )
            track.outcome = (what, track.line, counter)
        elif e.kind == EventKind.RETURNED:
            track.outcome = None

        # the hall
        inside_before = e.from_state in INSIDE
        inside_after = e.to_state in INSIDE
        if inside_before != inside_after:
            occupancy += e.group if inside_after else -e.group
            local = at.astimezone(zone)
            steps.append((local, occupancy))
            if occupancy > peak:
                peak, peak_at = occupancy, local
        if e.to_state == TicketState.OUTSIDE:
            outside_line.setdefault(e.ticket_id, e.group)
        elif e.from_state == TicketState.OUTSIDE:
            outside_line.pop(e.ticket_id, None)
        head = next(iter(outside_line.values()), None)
        now_state = hall_state(occupancy, limit, head)  # core/hall.py: what the desk showed
        if now_state != state:
            if state in since:
                hall_time[state] += at - since.pop(state)
            if now_state in hall_time:
                since[now_state] = at
            state = now_state
    for was, started in since.items():
        if end > started:
            hall_time[was] += end - started

    still_open: dict[str, int] = defaultdict(int)
    for track in tickets.values():
        if track.outcome is None:
            still_open[track.line] += 1
            continue
        what, line, counter = track.outcome
        by_service[line].outcomes[what] += 1
        total.outcomes[what] += 1
        if counter is not None:
            by_counter[counter].outcomes[what] += 1

    services = [svc.prefix for svc in config.services]
    services += sorted(p for p in by_service if p not in services)  # a service since removed
    counters = [c.number for c in config.counters]
    counters += sorted(n for n in by_counter if n not in counters)
    return DayReport(
        day=day,
        limit=limit,
        peak_occupancy=peak,
        peak_at=peak_at,
        full_minutes=round(hall_time[HallState.FULL].total_seconds() / 60, 2),
        blocked_minutes=round(hall_time[HallState.BLOCKED].total_seconds() / 60, 2),
        issued_outside=outside,
        total=total.figures(still_open=sum(still_open.values())),
        services=tuple(
            ServiceLine(
                prefix,
                config.service_name(prefix),
                by_service[prefix].figures(still_open=still_open[prefix]),
                tuple(by_service[prefix].arrivals),
            )
            for prefix in services
        ),
        counters=tuple(
            CounterLine(
                number, _counter_name(config, number), by_counter[number].figures(issued=False)
            )
            for number in counters
        ),
        arrivals=tuple(total.arrivals),
        occupancy=tuple(steps),
    )


def _tallies(
    service: _Tally, counters: dict[int, _Tally], counter: int | None, total: _Tally
) -> list[_Tally]:
    """Where one wait or service time counts: its line, its counter (if any), the day."""
    return [service, total] if counter is None else [service, counters[counter], total]


def _counter_name(config: Config, number: int) -> str:
    counter = config.counter(number)
    return counter.label if counter else f"Loket {number}"


def daily_report(queue: Queue, day: date | None = None) -> DayReport:
    """The report of ``day`` (default: today) from the queue's event log."""
    day = day or queue.today()
    events = queue.day_log(day)
    if not events:
        kept = queue.stored_report(day)  # a purged day: its tickets are gone, its report not
        if kept is not None:
            return DayReport.from_json(json.loads(kept))
    report = compute(events, day, queue.config, now=queue.clock.now())
    return with_documents(with_bookings(report, queue.bookings_of_day(day)), queue, day)


def with_documents(report: DayReport, queue: Queue, day: date) -> DayReport:
    """The report with its day's finished documents: handed over, and booked for the day
    but not collected, per kind."""
    handed = queue.documents_handed(day)
    waiting = queue.documents_not_collected(day)
    lines = tuple(
        DocumentLine(kind, handed.get(kind, 0), waiting.get(kind, 0))
        for kind in sorted(handed.keys() | waiting.keys())
    )
    return replace(report, documents=lines)


def with_bookings(report: DayReport, bookings: Sequence[Booking]) -> DayReport:
    """The report with its day's online numbers per service."""
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for b in bookings:
        tally[b.service][b.state] += 1
    lines = tuple(
        BookingLine(
            prefix,
            booked=sum(n for state, n in t.items() if state != "cancelled"),
            checked_in=t["checked_in"],
            lapsed=t["lapsed"],
            cancelled=t["cancelled"],
        )
        for prefix, t in sorted(tally.items())
    )
    return replace(report, bookings=lines)


def purge_old(queue: Queue, keep_days: int | None = None) -> Purge:
    """Purge tickets older than ``keep_days`` (default: ``[retention] days``), keeping the
    report of every day purged: ``daily_report`` reads it back for those days."""
    days = keep_days if keep_days is not None else queue.config.retention.days
    if days < 1:
        raise ValueError("at least today's tickets are kept")
    before = queue.today() - timedelta(days=days)
    reports = {
        day: json.dumps(
            with_documents(
                with_bookings(
                    compute(queue.day_log(day), day, queue.config), queue.bookings_of_day(day)
                ),
                queue,
                day,
            ).as_json()
        )
        for day in queue.logged_days(before)
    }
    return queue.purge(reports, before)
