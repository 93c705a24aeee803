"""The queue: issuing, admitting and calling tickets under the office's rules.

Every public operation is one database transaction that starts by locking the single
`hall` row (SELECT ... FOR UPDATE on PostgreSQL; BEGIN IMMEDIATE on SQLite), so
operations from any number of processes and PCs are applied one after another and
each sees the state the previous one left. A refusal raises Refused and rolls back:
no number is used up, nothing is half done.
"""

from __future__ import annotations

import json
import logging
import math
import re
from bisect import bisect_left
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, delete, func, select, text
from sqlalchemy.orm import Session

from counter_app.core import clock as clocks
from counter_app.core import texts
from counter_app.core.clock import Clock, SystemClock
from counter_app.core.config import (
    MAX_GROUP,
    Config,
    CounterSettings,
    ServiceSettings,
    shared_rules,
    with_shared_rules,
)
from counter_app.core.hall import Entry, admission, has_room
from counter_app.core.model import (
    CALL_KINDS,
    INSIDE,
    OPEN,
    Call,
    CounterStatus,
    EventKind,
    LoggedEvent,
    PrintStatus,
    Purge,
    Reason,
    Refused,
    RulesOrigin,
    ServiceStatus,
    Snapshot,
    Status,
    Ticket,
    TicketState,
    Verification,
)
from counter_app.core.tokens import (
    TokenProblem,
    check_payload,
    make_payload,
    payload_from_scan,
    ticket_link,
    well_formed,
)
from counter_app.storage.changes import ChangeFeed, open_feed
from counter_app.storage.db import Database, DatabaseError, open_database, translate_errors
from counter_app.storage.schema import (
    DailyReportRow,
    EventRow,
    Hall,
    PurgeRow,
    QueueSettingsRow,
    ServiceDay,
    TicketRow,
)

# DatabaseError is re-exported for the windows, which may not import the storage layer.
__all__ = [
    "Clock",
    "DatabaseError",
    "Queue",
    "SystemClock",
    "format_code",
    "malformed_payload",
    "open_queue",
    "parse_code",
    "require_code",
]

log = logging.getLogger(__name__)
NOTIFY_CHANNEL = "counter_app_queue"
_HISTORY_FOR_AVERAGE = 20  # recent services that make the "average service time"
_MIN_HISTORY = 3  # below this, the configured average is the better guess
_UNCONFIRMED_PRINT = timedelta(minutes=1)  # far beyond any bounded print attempt


def format_code(prefix: str, number: int) -> str:
    return f"{prefix}-{number:03d}"


# ASCII only: str.isdigit() and int() take any Unicode digit ("A-\u0661" would be A-001),
# and IGNORECASE without ASCII lets the Kelvin sign pass for a K.
_CODE_RE = re.compile(r"([A-Z]{1,2})-([0-9]{1,4})", re.ASCII | re.IGNORECASE)
_ASCII_SPACE = " \t\r\n"


def parse_code(code: str) -> tuple[str, int] | None:
    """("A", 1) for "A-001" or "a-1"; None for anything that is not a ticket code."""
    m = _CODE_RE.fullmatch(code.strip(_ASCII_SPACE))
    if m is None:
        return None
    return m.group(1).upper(), int(m.group(2))


def require_code(code: str, lang: str) -> tuple[str, int]:
    """parse_code, refusing what is not a ticket code before any database work."""
    parsed = parse_code(code)
    if parsed is None:
        raise Refused(Reason.NOT_A_TICKET_CODE, texts.text(lang, "not_a_ticket_code", code=code))
    return parsed


def malformed_payload(scanned: str, lang: str) -> Verification | None:
    """The verdict on a scan that is neither the QR's payload nor a link to a ticket's
    page, given without the database."""
    if well_formed(payload_from_scan(scanned)):
        return None
    problem = TokenProblem.MALFORMED.value
    return Verification(False, problem, texts.text(lang, f"verify_{problem}"), None)


def lock_hall(session: Session) -> Hall:
    """The hall row, locked until the session's transaction ends: every write takes it
    first, so stations apply their operations one after another. On PostgreSQL the row
    lock does it; on SQLite the write sessions' BEGIN IMMEDIATE already holds the file's
    write lock. Either lock dies with the connection, so a station that crashed mid-way
    leaves nothing half done and nobody waiting."""
    return session.execute(select(Hall).where(Hall.id == 1).with_for_update()).scalar_one()


@dataclass
class _Tx:
    session: Session
    hall: Hall
    now: datetime
    today: date


class Queue:
    """The queue of one office, shared through its database by every station."""

    def __init__(self, db: Database, config: Config, *, clock: Clock | None = None) -> None:
        self.db = db
        self.config = config  # the station's file, following the shared rules (below)
        self._local = config
        self._rules_version: int | None = None
        self._rules: dict[str, Any] | None = None
        #: Where the queue rules in force come from: the database's shared row (once a
        #: settings dialog saved one), or None while this station's own file rules.
        self.rules_origin: RulesOrigin | None = None
        self.clock: Clock = clock or SystemClock()
        self._sessions = db.sessions()
        self._read_sessions = db.read_sessions()

    # --- time ---------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.config.office.language

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.config.office.zone)

    def today(self) -> date:
        return self.local(self.clock.now()).date()

    def is_open(self, now: datetime | None = None) -> bool:
        hours = self.config.office.hours
        if hours is None:
            return True
        local = self.local(now or self.clock.now()).time()
        return hours[0] <= local < hours[1]

    # --- transactions -------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[_Tx]:
        with self._sessions() as session, session.begin():
            hall = lock_hall(session)
            self._follow_rules(session)
            reading = clocks.Reading.of(self.clock)
            self._check_clock(reading, self._reference(session, hall))
            now = reading.now
            hall.last_write_at, hall.clock_boot = now, reading.boot
            hall.clock_offset = reading.offset
            tx = _Tx(session, hall, now, self.local(now).date())
            self._roll_over(tx)
            yield tx
            self._admit_outside(tx)
            hall.version += 1
            session.flush()
            if self.db.dialect == "postgresql":
                session.execute(
                    text("SELECT pg_notify(:ch, :v)"),
                    {"ch": NOTIFY_CHANNEL, "v": str(hall.version)},
                )

    def _reference(self, session: Session, hall: Hall) -> clocks.Reference:
        server = None
        if self.db.dialect == "postgresql" and self.clock.real:
            server = session.scalar(select(func.clock_timestamp()))
        return clocks.Reference(
            hall.day, hall.last_write_at, hall.clock_boot, hall.clock_offset, server
        )

    def _check_clock(self, reading: clocks.Reading, ref: clocks.Reference) -> None:
        problem = clocks.problem(reading, ref, self.config.office.zone, self.lang)
        if problem is not None:
            log.warning("write refused: %s", problem)
            raise Refused(Reason.CLOCK, problem)
        clocks.note_moves(reading, ref)

    def clock_problem(self) -> str | None:
        """Why this station's clock would be refused now, or None: for the desk's status
        bar and the self-test (reads only)."""
        with self._read_sessions() as session:
            hall = session.get(Hall, 1)
            if hall is None:
                return None
            ref = self._reference(session, hall)
        return clocks.problem(
            clocks.Reading.of(self.clock), ref, self.config.office.zone, self.lang
        )

    # --- the rules every station shares -----------------------------------------------------

    def use_config(self, config: Config) -> None:
        """A new configuration for this station (the settings dialog saved it)."""
        self._local = config
        self.config = self._with_rules(config)

    def _with_rules(self, config: Config) -> Config:
        if self._rules is None:
            return config
        try:
            return with_shared_rules(config, self._rules)
        except ValueError as exc:
            log.warning("%s", exc)
            return config

    def _follow_rules(self, session: Session) -> None:
        """Take the queue rules another station saved, when they changed (one row)."""
        row = session.execute(
            select(
                QueueSettingsRow.version,
                QueueSettingsRow.body,
                QueueSettingsRow.changed_at,
                QueueSettingsRow.station,
            ).where(QueueSettingsRow.id == 1)
        ).one_or_none()
        if row is None or row.version == self._rules_version:
            return
        self._rules_version = int(row.version)
        self._rules = json.loads(row.body)
        self.config = self._with_rules(self._local)
        changed_at = row.changed_at
        if changed_at is not None and changed_at.tzinfo is None:  # SQLite keeps naive UTC
            changed_at = changed_at.replace(tzinfo=UTC)
        self.rules_origin = RulesOrigin(int(row.version), changed_at, row.station)

    def follow_shared_rules(self) -> None:
        """Take the shared rules now (one row read), before a check that needs no lock."""
        with self._read_sessions() as session:
            self._follow_rules(session)

    def publish_rules(self) -> int:
        """Make this station's queue rules (capacity, opening hours, each service's quota,
        average minutes and suspension) those of every station on the database."""
        rules = shared_rules(self._local)
        with self._write() as tx:
            row = tx.session.get(QueueSettingsRow, 1)
            if row is None:
                row = QueueSettingsRow(id=1, version=0)
                tx.session.add(row)
            row.version += 1
            row.changed_at = tx.now
            row.station = self._local.office.station
            row.body = json.dumps(rules)
            tx.session.flush()
            self._rules_version, self._rules = row.version, rules
            self.config = self._with_rules(self._local)
            self.rules_origin = RulesOrigin(row.version, tx.now, row.station)
            return row.version

    def _event(
        self,
        tx: _Tx,
        row: TicketRow,
        kind: EventKind,
        from_state: str | None,
        *,
        counter: int | None = None,
        detail: str | None = None,
    ) -> None:
        tx.session.add(
            EventRow(
                ticket_id=row.id,
                day=row.day,
                at=tx.now,
                kind=kind.value,
                from_state=from_state,
                to_state=row.state,
                counter=counter if counter is not None else row.counter,
                station=self.config.office.station,
                detail=detail,
            )
        )

    def _move(
        self,
        tx: _Tx,
        row: TicketRow,
        state: TicketState,
        kind: EventKind,
        *,
        counter: int | None = None,
        detail: str | None = None,
    ) -> None:
        before = row.state
        row.state = state.value
        if state in (TicketState.DONE, TicketState.NO_SHOW, TicketState.CANCELLED):
            row.finished_at = tx.now
        tx.session.flush()  # the partial unique index checks "one called ticket a counter" here
        self._event(tx, row, kind, before, counter=counter, detail=detail)

    def _roll_over(self, tx: _Tx) -> None:
        """On the first operation of a new day, close what the last day left open."""
        last = tx.hall.day
        if last is not None and last >= tx.today:
            return  # the day never goes back (_check_clock refused a clock that says so)
        if last is not None:
            rows = tx.session.scalars(
                select(TicketRow).where(TicketRow.day == last, TicketRow.state.in_(OPEN))
            ).all()
            for row in rows:
                self._move(tx, row, TicketState.CANCELLED, EventKind.EXPIRED, detail="day ended")
        tx.hall.day = tx.today

    def _next_seq(self, tx: _Tx) -> int:
        tx.hall.seq += 1
        return tx.hall.seq

    # --- the hall -----------------------------------------------------------------------

    def _occupancy(self, session: Session, day: date) -> tuple[int, int, int]:
        """(persons inside, tickets outside, persons outside) on that day."""
        rows = session.execute(
            select(TicketRow.state, func.count(), func.coalesce(func.sum(TicketRow.group_size), 0))
            .where(TicketRow.day == day, TicketRow.state.in_(OPEN))
            .group_by(TicketRow.state)
        ).all()
        inside = sum(int(persons) for state, _n, persons in rows if state in INSIDE)
        outside = sum(int(n) for state, n, _p in rows if state == TicketState.OUTSIDE)
        outside_persons = sum(int(p) for state, _n, p in rows if state == TicketState.OUTSIDE)
        return inside, outside, outside_persons

    def _admit(self, tx: _Tx, group: int) -> bool:
        """Whether a group arriving now comes straight in (True) or joins the outside
        line (False); Refused when neither is allowed (the rule is core/hall.py's)."""
        capacity = self.config.capacity
        inside, outside, _ = self._occupancy(tx.session, tx.today)
        where = admission(
            inside,
            outside,
            group,
            capacity.limit,
            wait_outside=capacity.when_full == "wait_outside",
        )
        if where is Entry.REFUSED:
            raise Refused(
                Reason.HALL_FULL,
                texts.text(self.lang, "hall_full", occupancy=inside, limit=capacity.limit),
            )
        return where is Entry.INSIDE

    def _admit_outside(self, tx: _Tx) -> None:
        """Let waiting-outside tickets in, strictly in order, as far as the room allows."""
        inside, outside, _ = self._occupancy(tx.session, tx.today)
        if not outside:
            return
        limit = self.config.capacity.limit
        line = tx.session.scalars(
            select(TicketRow)
            .where(TicketRow.day == tx.today, TicketRow.state == TicketState.OUTSIDE)
            .order_by(TicketRow.queue_seq)
        )
        for row in line:
            if not has_room(inside, row.group_size, limit):
                break  # nobody overtakes the head of the outside line
            inside += row.group_size
            row.admitted_at = tx.now
            self._move(tx, row, TicketState.WAITING, EventKind.ADMITTED)

    # --- lookups ------------------------------------------------------------------------

    def _service(self, prefix: str) -> ServiceSettings:
        svc = self.config.service(prefix.upper())
        if svc is None:
            raise Refused(
                Reason.UNKNOWN_SERVICE, texts.text(self.lang, "unknown_service", prefix=prefix)
            )
        return svc

    def _counter(self, number: int) -> CounterSettings:
        counter = self.config.counter(number)
        if counter is None:
            raise Refused(
                Reason.UNKNOWN_COUNTER, texts.text(self.lang, "unknown_counter", counter=number)
            )
        return counter

    def _row_by_code(self, session: Session, day: date, code: str) -> TicketRow:
        prefix, number = require_code(code, self.lang)
        query = select(TicketRow).where(
            TicketRow.day == day, TicketRow.prefix == prefix, TicketRow.number == number
        )
        row = session.scalars(query).one_or_none()
        if row is None:
            raise Refused(Reason.UNKNOWN_TICKET, texts.text(self.lang, "unknown_ticket", code=code))
        return row

    def _current(self, session: Session, day: date, counter: int) -> TicketRow | None:
        return session.scalars(
            select(TicketRow).where(
                TicketRow.day == day,
                TicketRow.counter == counter,
                TicketRow.state == TicketState.CALLED,
            )
        ).one_or_none()

    def _require_current(self, tx: _Tx, counter: CounterSettings) -> TicketRow:
        row = self._current(tx.session, tx.today, counter.number)
        if row is None:
            raise Refused(
                Reason.NO_CURRENT, texts.text(self.lang, "no_current", counter=counter.label)
            )
        return row

    def _wrong_state(self, row: TicketRow, action: str) -> Refused:
        return Refused(
            Reason.WRONG_STATE,
            texts.text(
                self.lang,
                "wrong_state",
                code=format_code(row.prefix, row.number),
                state=texts.state_word(self.lang, row.state),
                action=texts.action_word(self.lang, action),
            ),
        )

    def _average_minutes(self, session: Session, day: date, service: ServiceSettings) -> float:
        recent = session.execute(
            select(TicketRow.called_at, TicketRow.finished_at)
            .where(
                TicketRow.day == day,
                TicketRow.service == service.prefix,
                TicketRow.state == TicketState.DONE,
                TicketRow.called_at.is_not(None),
            )
            .order_by(TicketRow.finished_at.desc())
            .limit(_HISTORY_FOR_AVERAGE)
        ).all()
        spans = [(end - start).total_seconds() / 60 for start, end in recent if start and end]
        if len(spans) < _MIN_HISTORY:
            return service.average_minutes
        return sum(spans) / len(spans)

    def _ahead(self, session: Session, row: TicketRow) -> int:
        """Tickets of the same line that will be called before this one."""
        same_line = (TicketRow.day == row.day) & (TicketRow.service == row.service)
        waiting = TicketRow.state == TicketState.WAITING
        if row.state == TicketState.OUTSIDE:
            before = waiting | (
                (TicketRow.state == TicketState.OUTSIDE) & (TicketRow.queue_seq < row.queue_seq)
            )
        elif row.state == TicketState.WAITING:
            if row.priority:
                before = waiting & TicketRow.priority & (TicketRow.queue_seq < row.queue_seq)
            else:
                before = waiting & (TicketRow.priority | (TicketRow.queue_seq < row.queue_seq))
        else:
            return 0
        return int(session.scalar(select(func.count()).where(same_line & before)) or 0)

    def _ticket(
        self,
        session: Session,
        row: TicketRow,
        *,
        estimate: bool = False,
        ahead: int | None = None,
        averages: dict[str, float] | None = None,
    ) -> Ticket:
        """The plain value of a row; with ``estimate``, its place in line and the wait.
        ``ahead`` and ``averages`` let a caller that reads many tickets count them once."""
        minutes = 0
        if estimate and row.state in (TicketState.OUTSIDE, TicketState.WAITING):
            service = self.config.service(row.service)
            if ahead is None:
                ahead = self._ahead(session, row)
            if service is not None:
                counters = sum(1 for c in self.config.counters if service.prefix in c.services) or 1
                averages = {} if averages is None else averages
                if service.prefix not in averages:
                    averages[service.prefix] = self._average_minutes(session, row.day, service)
                minutes = math.ceil(ahead * averages[service.prefix] / counters)
        else:
            ahead = 0
        code = format_code(row.prefix, row.number)
        qr = make_payload(self.config.tickets.secret, row.day, code)
        if self.config.web.public_url:  # a phone's camera opens the visitor's live page
            qr = ticket_link(self.config.web.public_url, qr)
        return Ticket(
            id=row.id,
            code=code,
            prefix=row.prefix,
            number=row.number,
            day=row.day,
            state=TicketState(row.state),
            service=row.service,
            group=row.group_size,
            priority=row.priority,
            issued_at=self.local(row.issued_at),
            called_at=self.local(row.called_at) if row.called_at else None,
            finished_at=self.local(row.finished_at) if row.finished_at else None,
            counter=row.counter,
            recalls=row.recalls,
            print_status=PrintStatus(row.print_status),
            print_attempts=row.print_attempts,
            print_error=row.print_error,
            qr=qr,
            ahead=ahead or 0,
            estimated_minutes=minutes,
            admitted_at=self.local(row.admitted_at) if row.admitted_at else None,
        )

    # --- issuing ------------------------------------------------------------------------

    def check_can_issue(self, prefix: str, group: int = 1) -> None:
        """The rules that need no lock: service known, open, not suspended, sane group;
        by the shared rules in force now, not only this station's file."""
        self.follow_shared_rules()
        self._check_can_issue(prefix, group)

    def _check_can_issue(self, prefix: str, group: int) -> None:
        svc = self._service(prefix)
        if svc.suspended:
            raise Refused(
                Reason.SUSPENDED,
                texts.text(self.lang, "suspended", service=svc.name, notice=svc.suspended),
            )
        if not self.is_open():
            raise Refused(
                Reason.CLOSED,
                texts.text(self.lang, "closed", hours=self.config.office.opening_hours),
            )
        if not 1 <= group <= MAX_GROUP:
            raise Refused(Reason.BAD_GROUP, texts.text(self.lang, "bad_group", max=MAX_GROUP))

    def issue(
        self, prefix: str, *, group: int = 1, priority: bool = False, printing: bool = True
    ) -> Ticket:
        with self._write() as tx:  # which follows the shared rules before checking them
            self._check_can_issue(prefix, group)
            svc = self._service(prefix)
            s = tx.session
            numbering = s.get(ServiceDay, (tx.today, svc.prefix))
            if numbering is None:
                numbering = ServiceDay(day=tx.today, prefix=svc.prefix, last_number=0)
                s.add(numbering)
            if numbering.last_number >= svc.daily_quota:
                raise Refused(
                    Reason.QUOTA_REACHED,
                    texts.text(self.lang, "quota_reached", service=svc.name, quota=svc.daily_quota),
                )
            fits = self._admit(tx, group)
            numbering.last_number += 1
            row = TicketRow(
                day=tx.today,
                prefix=svc.prefix,
                number=numbering.last_number,
                service=svc.prefix,
                state=(TicketState.WAITING if fits else TicketState.OUTSIDE).value,
                group_size=group,
                priority=priority,
                queue_seq=self._next_seq(tx),
                recalls=0,
                issued_at=tx.now,
                admitted_at=tx.now if fits else None,
                print_status=(PrintStatus.PENDING if printing else PrintStatus.OFF).value,
                print_attempts=0,
                station=self.config.office.station,
            )
            s.add(row)
            s.flush()
            self._event(
                tx, row, EventKind.ISSUED, None, detail=f"group={group} priority={int(priority)}"
            )
            return self._ticket(s, row, estimate=True)

    # --- calling ------------------------------------------------------------------------

    def _finish_current(self, tx: _Tx, counter: CounterSettings) -> None:
        current = self._current(tx.session, tx.today, counter.number)
        if current is not None:  # "Next" ends the visit at the counter as served
            self._move(tx, current, TicketState.DONE, EventKind.DONE)

    def _call(self, tx: _Tx, row: TicketRow, counter: CounterSettings, kind: EventKind) -> Ticket:
        row.counter = counter.number
        row.called_at = tx.now
        row.recalls = 0
        self._move(tx, row, TicketState.CALLED, kind, counter=counter.number)
        return self._ticket(tx.session, row)

    def _line_head(self, day: date, service: str) -> Select[TicketRow]:
        return (
            select(TicketRow)
            .where(
                TicketRow.day == day,
                TicketRow.service == service,
                TicketRow.state == TicketState.WAITING,
            )
            .order_by(TicketRow.priority.desc(), TicketRow.queue_seq)
            .limit(1)
        )

    def call_next(self, counter_number: int) -> Ticket:
        counter = self._counter(counter_number)
        with self._write() as tx:
            self._finish_current(tx, counter)
            for prefix in counter.services:
                row = tx.session.scalars(self._line_head(tx.today, prefix)).first()
                if row is not None:
                    return self._call(tx, row, counter, EventKind.CALLED)
        # committed: the visitor at the counter is done even when nobody else waits
        raise Refused(
            Reason.NOTHING_TO_CALL, texts.text(self.lang, "nothing_to_call", counter=counter.label)
        )

    def call_ticket(self, counter_number: int, code: str) -> Ticket:
        counter = self._counter(counter_number)
        with self._write() as tx:
            row = self._row_by_code(tx.session, tx.today, code)
            if row.state != TicketState.WAITING:
                raise self._wrong_state(row, "call")
            self._finish_current(tx, counter)
            return self._call(tx, row, counter, EventKind.CALLED)

    def recall(self, counter_number: int) -> Ticket:
        counter = self._counter(counter_number)
        with self._write() as tx:
            row = self._require_current(tx, counter)
            row.recalls += 1
            self._event(tx, row, EventKind.RECALLED, row.state, detail=f"recall={row.recalls}")
            return self._ticket(tx.session, row)

    def done(self, counter_number: int) -> Ticket:
        return self._end_visit(counter_number, TicketState.DONE, EventKind.DONE)

    def no_show(self, counter_number: int) -> Ticket:
        return self._end_visit(counter_number, TicketState.NO_SHOW, EventKind.NO_SHOW)

    def _end_visit(self, counter_number: int, state: TicketState, kind: EventKind) -> Ticket:
        counter = self._counter(counter_number)
        with self._write() as tx:
            row = self._require_current(tx, counter)
            self._move(tx, row, state, kind)
            return self._ticket(tx.session, row)

    def return_ticket(self, code: str) -> Ticket:
        """A no-show who arrived late goes back to the end of the line."""
        with self._write() as tx:
            row = self._row_by_code(tx.session, tx.today, code)
            if row.state != TicketState.NO_SHOW:
                raise self._wrong_state(row, "return")
            fits = self._admit(tx, row.group_size)
            row.counter = None
            row.finished_at = None
            row.called_at = None
            row.queue_seq = self._next_seq(tx)
            row.admitted_at = tx.now if fits else None
            self._move(
                tx, row, TicketState.WAITING if fits else TicketState.OUTSIDE, EventKind.RETURNED
            )
            return self._ticket(tx.session, row, estimate=True)

    def transfer(self, code: str, prefix: str) -> Ticket:
        """Send a called (or waiting) ticket to another service's line, keeping its place."""
        target = self._service(prefix)
        if target.suspended:
            raise Refused(
                Reason.SUSPENDED,
                texts.text(self.lang, "suspended", service=target.name, notice=target.suspended),
            )
        with self._write() as tx:
            row = self._row_by_code(tx.session, tx.today, code)
            if row.state not in (TicketState.CALLED, TicketState.WAITING):
                raise self._wrong_state(row, "transfer")
            source = row.service
            from_counter = row.counter
            row.service = target.prefix
            row.counter = None
            row.called_at = None
            self._move(
                tx,
                row,
                TicketState.WAITING,
                EventKind.TRANSFERRED,
                counter=from_counter,
                detail=f"{source}->{target.prefix}",
            )
            return self._ticket(tx.session, row, estimate=True)

    def cancel(self, code: str) -> Ticket:
        with self._write() as tx:
            row = self._row_by_code(tx.session, tx.today, code)
            if row.state not in (*OPEN, TicketState.NO_SHOW):
                raise self._wrong_state(row, "cancel")
            self._move(tx, row, TicketState.CANCELLED, EventKind.CANCELLED)
            return self._ticket(tx.session, row)

    # --- printing records ---------------------------------------------------------------

    def record_print(
        self,
        ticket_id: int,
        status: PrintStatus,
        error: str | None = None,
        *,
        attempts: int = 1,
        reprint: bool = False,
    ) -> Ticket:
        """Store how printing a ticket went; a failed print stays listed until dealt with."""
        with self._write() as tx:
            row = tx.session.get(TicketRow, ticket_id)
            if row is None:
                raise Refused(
                    Reason.UNKNOWN_TICKET, texts.text(self.lang, "unknown_ticket", code=ticket_id)
                )
            row.print_status = status.value
            row.print_attempts += attempts
            row.print_error = error if status == PrintStatus.FAILED else None
            kind = {
                PrintStatus.PRINTED: EventKind.REPRINTED if reprint else EventKind.PRINTED,
                PrintStatus.FAILED: EventKind.PRINT_FAILED,
                PrintStatus.PENDING: EventKind.PRINT_PENDING,
                PrintStatus.OFF: EventKind.PRINT_OFF,
            }[status]
            self._event(tx, row, kind, row.state, detail=error)
            return self._ticket(tx.session, row, estimate=True)

    def prepare_reprint(self, code: str) -> Ticket:
        """A reprint is allowed while the visitor still holds a live number."""
        with self._read_sessions() as s:
            row = self._row_by_code(s, self.today(), code)
            if row.state not in OPEN:
                raise self._wrong_state(row, "reprint")
            return self._ticket(s, row, estimate=True)

    def no_shows(self, limit: int = 50) -> list[Ticket]:
        """Today's no-shows, latest first: the ones a counter may put back in line."""
        with self._read_sessions() as s:
            rows = s.scalars(
                select(TicketRow)
                .where(TicketRow.day == self.today(), TicketRow.state == TicketState.NO_SHOW)
                .order_by(TicketRow.finished_at.desc(), TicketRow.id.desc())
                .limit(limit)
            ).all()
            return [self._ticket(s, r) for r in rows]

    def failed_prints(self) -> list[Ticket]:
        """Live tickets without confirmed paper: failed prints, and prints still pending
        after a minute (the station died or lost the database before hearing back)."""
        now = self.clock.now()
        with self._read_sessions() as s:
            rows = s.scalars(
                select(TicketRow)
                .where(
                    TicketRow.day == self.local(now).date(),
                    TicketRow.state.in_(OPEN),
                    (TicketRow.print_status == PrintStatus.FAILED)
                    | (
                        (TicketRow.print_status == PrintStatus.PENDING)
                        & (TicketRow.issued_at < now - _UNCONFIRMED_PRINT)
                    ),
                )
                .order_by(TicketRow.id)
            ).all()
            return [self._ticket(s, r) for r in rows]

    # --- reading ------------------------------------------------------------------------

    def ticket(self, code: str) -> Ticket:
        with self._read_sessions() as s:
            return self._ticket(s, self._row_by_code(s, self.today(), code), estimate=True)

    def recent_tickets(self, limit: int = 20) -> list[Ticket]:
        with self._read_sessions() as s:
            rows = s.scalars(
                select(TicketRow)
                .where(TicketRow.day == self.today())
                .order_by(TicketRow.id.desc())
                .limit(limit)
            ).all()
            return [self._ticket(s, r) for r in rows]

    def verify(self, scanned: str) -> Verification:
        """What a scanner read, the bare payload or a ticket's link, checked."""
        today = self.today()
        check = check_payload(self.config.tickets.secret, payload_from_scan(scanned), today)
        if not check.ok:
            assert check.problem is not None
            message = texts.text(
                self.lang,
                f"verify_{check.problem.value}",
                day=check.day.isoformat() if check.day else "?",
                code=check.code,
            )
            return Verification(False, check.problem.value, message, None)
        assert check.code is not None
        try:
            ticket = self.ticket(check.code)
        except Refused:
            message = texts.text(self.lang, "verify_unknown_ticket", code=check.code)
            return Verification(False, "unknown_ticket", message, None)
        state = texts.state_word(self.lang, ticket.state)
        if ticket.state not in OPEN:
            message = texts.text(self.lang, "verify_finished", code=ticket.code, state=state)
            return Verification(False, "finished", message, ticket)
        return Verification(
            True, None, texts.text(self.lang, "verify_ok", code=ticket.code, state=state), ticket
        )

    def version(self) -> int:
        return self.db.version()

    def plain_errors(self) -> AbstractContextManager[None]:
        """Inside it, a lost connection or a driver error becomes DatabaseError in plain
        words: for front ends, which may not import the storage layer."""
        return translate_errors(self.db)

    def open_changes(self) -> ChangeFeed:
        """A feed that wakes up when any station changes the queue (raises DatabaseError)."""
        return open_feed(self.db)

    def status(self, *, calls: int = 10) -> Status:
        now = self.clock.now()
        with self._read_sessions() as s, s.begin():
            return self._status(s, now, calls)

    def snapshot(self, codes: Collection[str], *, calls: int = 10) -> Snapshot:
        """The status and today's tickets of these codes with their places in line, read
        in one transaction with a fixed number of queries however many codes there are
        (the phone pages follow hundreds of tickets at once)."""
        now = self.clock.now()
        wanted = {p for p in map(parse_code, codes) if p is not None}
        with self._read_sessions() as s, s.begin():
            status = self._status(s, now, calls)
            return Snapshot(status, self._positions(s, status.day, wanted))

    def _positions(self, s: Session, day: date, wanted: set[tuple[str, int]]) -> dict[str, Ticket]:
        if not wanted:
            return {}
        rows = s.scalars(select(TicketRow).where(TicketRow.day == day)).all()
        # Each line's order, as _ahead counts it: priority first, then the order of issue;
        # the outside line after everyone inside.
        waiting: dict[str, list[tuple[bool, int]]] = {}
        outside: dict[str, list[int]] = {}
        for r in rows:
            if r.state == TicketState.WAITING:
                waiting.setdefault(r.service, []).append((not r.priority, r.queue_seq))
            elif r.state == TicketState.OUTSIDE:
                outside.setdefault(r.service, []).append(r.queue_seq)
        for keys in waiting.values():
            keys.sort()
        for seqs in outside.values():
            seqs.sort()
        averages: dict[str, float] = {}
        found: dict[str, Ticket] = {}
        for r in rows:
            if (r.prefix, r.number) not in wanted:
                continue
            line = waiting.get(r.service, [])
            if r.state == TicketState.WAITING:
                ahead = bisect_left(line, (not r.priority, r.queue_seq))
            elif r.state == TicketState.OUTSIDE:
                ahead = len(line) + bisect_left(outside.get(r.service, []), r.queue_seq)
            else:
                ahead = 0
            ticket = self._ticket(s, r, estimate=True, ahead=ahead, averages=averages)
            found[ticket.code] = ticket
        return found

    def _status(self, s: Session, now: datetime, calls: int) -> Status:
        today = self.local(now).date()
        self._follow_rules(s)
        cfg = self.config
        version = int(s.scalar(select(Hall.version).where(Hall.id == 1)) or 0)
        inside, outside, outside_persons = self._occupancy(s, today)
        issued = dict(
            s.execute(
                select(ServiceDay.prefix, ServiceDay.last_number).where(ServiceDay.day == today)
            ).all()
        )
        lines: dict[tuple[str, str], int] = {}
        for service, state, count in s.execute(
            select(TicketRow.service, TicketRow.state, func.count())
            .where(TicketRow.day == today, TicketRow.state.in_(OPEN))
            .group_by(TicketRow.service, TicketRow.state)
        ):
            lines[(service, state)] = int(count)
        current_rows = s.scalars(
            select(TicketRow).where(TicketRow.day == today, TicketRow.state == TicketState.CALLED)
        ).all()
        current = {r.counter: self._ticket(s, r) for r in current_rows}
        finished: dict[tuple[int, str], int] = {}
        for counter, state, count in s.execute(
            select(TicketRow.counter, TicketRow.state, func.count())
            .where(
                TicketRow.day == today,
                TicketRow.state.in_((TicketState.DONE, TicketState.NO_SHOW)),
                TicketRow.counter.is_not(None),
            )
            .group_by(TicketRow.counter, TicketRow.state)
        ):
            finished[(int(counter or 0), state)] = int(count)
        call_log = self._calls(s, today, calls)
        return Status(
            day=today,
            now=self.local(now),
            version=version,
            limit=cfg.capacity.limit,
            when_full=cfg.capacity.when_full,
            occupancy=inside,
            outside=outside,
            outside_persons=outside_persons,
            open_now=self.is_open(now),
            services=tuple(
                ServiceStatus(
                    prefix=svc.prefix,
                    name=svc.name,
                    waiting=lines.get((svc.prefix, TicketState.WAITING), 0),
                    outside=lines.get((svc.prefix, TicketState.OUTSIDE), 0),
                    issued=int(issued.get(svc.prefix, 0)),
                    quota=svc.daily_quota,
                    suspended=svc.suspended,
                )
                for svc in cfg.services
            ),
            counters=tuple(
                CounterStatus(
                    number=c.number,
                    name=c.label,
                    services=tuple(c.services),
                    current=current.get(c.number),
                    served_today=finished.get((c.number, TicketState.DONE), 0),
                    no_shows_today=finished.get((c.number, TicketState.NO_SHOW), 0),
                )
                for c in cfg.counters
            ),
            calls=call_log,
        )

    def _calls(self, s: Session, day: date, limit: int) -> tuple[Call, ...]:
        if limit <= 0:
            return ()
        rows = s.execute(
            select(
                EventRow.id,
                EventRow.kind,
                EventRow.counter,
                EventRow.at,
                TicketRow.prefix,
                TicketRow.number,
            )
            .join(TicketRow, TicketRow.id == EventRow.ticket_id)
            .where(EventRow.day == day, EventRow.kind.in_(CALL_KINDS))
            .order_by(EventRow.id.desc())
            .limit(limit)
        )
        return tuple(
            Call(seq=int(i), kind=k, code=format_code(p, n), counter=c, at=self.local(at))
            for i, k, c, at, p, n in rows
        )

    def calls_since(self, seq: int, limit: int = 50) -> list[Call]:
        """Calls and admissions after the given event id, oldest first (for announcements)."""
        with self._read_sessions() as s:
            rows = s.execute(
                select(
                    EventRow.id,
                    EventRow.kind,
                    EventRow.counter,
                    EventRow.at,
                    TicketRow.prefix,
                    TicketRow.number,
                )
                .join(TicketRow, TicketRow.id == EventRow.ticket_id)
                .where(
                    EventRow.id > seq,
                    EventRow.day == self.today(),
                    EventRow.kind.in_(CALL_KINDS),
                )
                .order_by(EventRow.id)
                .limit(limit)
            )
            return [
                Call(seq=int(i), kind=k, code=format_code(p, n), counter=c, at=self.local(at))
                for i, k, c, at, p, n in rows
            ]

    def events(
        self, day: date | None = None
    ) -> Sequence[tuple[str, str, str | None, str | None, int | None]]:
        """(code, kind, from, to, counter) of a day, in order: for audits and tests."""
        with self._read_sessions() as s:
            rows = s.execute(
                select(
                    TicketRow.prefix,
                    TicketRow.number,
                    EventRow.kind,
                    EventRow.from_state,
                    EventRow.to_state,
                    EventRow.counter,
                )
                .join(TicketRow, TicketRow.id == EventRow.ticket_id)
                .where(EventRow.day == (day or self.today()))
                .order_by(EventRow.id)
            )
            return [(format_code(p, n), k, f, t, c) for p, n, k, f, t, c in rows]

    def day_log(self, day: date) -> list[LoggedEvent]:
        """Every event of an office day in order, with its ticket's prefix and group: what
        the daily report is computed from."""
        with self._read_sessions() as s:
            rows = s.execute(
                select(
                    EventRow.id,
                    EventRow.ticket_id,
                    TicketRow.prefix,
                    TicketRow.group_size,
                    EventRow.kind,
                    EventRow.from_state,
                    EventRow.to_state,
                    EventRow.counter,
                    EventRow.at,
                    EventRow.detail,
                )
                .join(TicketRow, TicketRow.id == EventRow.ticket_id)
                .where(EventRow.day == day)
                .order_by(EventRow.id)
            )
            return [
                LoggedEvent(int(i), int(t), p, int(g), k, f, to, c, at, d)
                for i, t, p, g, k, f, to, c, at, d in rows
            ]

    def stored_report(self, day: date) -> str | None:
        """The report kept for a purged day (JSON text), if any."""
        with self._read_sessions() as s:
            return s.scalar(select(DailyReportRow.body).where(DailyReportRow.day == day))

    def logged_days(self, before: date) -> list[date]:
        """Days before ``before`` that still have events."""
        with self._read_sessions() as s:
            return list(
                s.scalars(
                    select(EventRow.day)
                    .where(EventRow.day < before)
                    .distinct()
                    .order_by(EventRow.day)
                )
            )

    def purge(self, reports: dict[date, str], before: date) -> Purge:
        """Delete tickets and events of days before ``before``, keeping each day's report.

        ``reports`` holds the report (JSON text) of each day that will lose its tickets;
        they are stored in the same transaction, so no day loses both. The purge is
        recorded first: the database only lets events of days before a recorded purge go.
        """
        if before > self.today():
            raise ValueError("a purge never reaches today")
        with self._write() as tx:
            s = tx.session
            for day, body in reports.items():
                row = s.get(DailyReportRow, day)
                if row is None:
                    s.add(DailyReportRow(day=day, made_at=tx.now, body=body))
                else:
                    row.body, row.made_at = body, tx.now
            record = PurgeRow(
                at=tx.now,
                before_day=before,
                tickets=0,
                events=0,
                station=self.config.office.station,
            )
            s.add(record)
            s.flush()
            old_events, old_tickets = EventRow.day < before, TicketRow.day < before
            events = int(s.scalar(select(func.count()).where(old_events)) or 0)
            tickets = int(s.scalar(select(func.count()).where(old_tickets)) or 0)
            s.execute(delete(EventRow).where(old_events))
            s.execute(delete(TicketRow).where(old_tickets))
            s.execute(delete(ServiceDay).where(ServiceDay.day < before))
            record.tickets, record.events = tickets, events
            return Purge(before, len(reports), record.tickets, record.events)

    def expire_stale(self) -> None:
        """Run the day change now (the first operation of a day does it anyway)."""
        with self._write():
            pass


def open_queue(config: Config, *, clock: Clock | None = None, create: bool = False) -> Queue:
    """The queue on the configured database, migrated; raises DatabaseError. A missing
    SQLite file is made only on the first run or with ``create`` (a new, throwaway queue).

    For front ends that may not import the storage layer themselves (the windows).
    """
    db = open_database(config.database_url, create=create or config.may_create_database)
    return Queue(db, config, clock=clock)
