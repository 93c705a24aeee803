"""The queue's foundation: construction, time and clock, the rules in force, lookups,
the event log's writer and a ticket's plain value. No operation lives here."""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from counter_app.core import clock as clocks
from counter_app.core import texts
from counter_app.core.clock import Clock, SystemClock
from counter_app.core.config import Config, CounterSettings, ServiceSettings, with_shared_rules
from counter_app.core.model import (
    INSIDE,
    OPEN,
    DocumentRef,
    EventKind,
    PrintStatus,
    Reason,
    Refused,
    RulesOrigin,
    Ticket,
    TicketState,
)
from counter_app.core.queue.codes import format_code, require_code
from counter_app.core.tokens import make_payload, ticket_link
from counter_app.storage.db import Database
from counter_app.storage.schema import DocumentRow, EventRow, Hall, QueueSettingsRow, TicketRow

# A ticket's columns: an ORM object, or a plain row of the tickets table (what a read of
# every ticket of the day loads, at a fraction of an object's cost).
TicketColumns = TicketRow | Row[Any]
log = logging.getLogger(__name__)
_HISTORY_FOR_AVERAGE = 20  # recent services that make the "average service time"
_MIN_HISTORY = 3  # below this, the configured average is the better guess


def lock_hall(session: Session) -> Hall:
    """The hall row, locked until the session's transaction ends: every write takes it
    first, so stations apply their operations one after another. On PostgreSQL the row
    lock does it; on SQLite the write sessions' BEGIN IMMEDIATE already holds the file's
    write lock. Either lock dies with the connection, so a station that crashed mid-way
    leaves nothing half done and nobody waiting."""
    return session.execute(select(Hall).where(Hall.id == 1).with_for_update()).scalar_one()


@dataclass
class Transaction:
    """What one write works on: its session, the locked hall row, its moment and day."""

    session: Session
    hall: Hall
    now: datetime
    today: date


class QueueBase:
    """What every part of the queue stands on: the database and the configuration in
    force, the office's clock and day, lookups that refuse in the office's words, the
    event log's writer and the plain value of a ticket."""

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

    # --- this station's clock against the queue's ------------------------------------------

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

    # --- the rules in force: this station's file, or the ones every station shares ------------

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

    # --- the event log and the hall's numbers ---------------------------------------------

    def _event(
        self,
        tx: Transaction,
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
        tx: Transaction,
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

    def _next_seq(self, tx: Transaction) -> int:
        tx.hall.seq += 1
        return tx.hall.seq

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

    def _require_current(self, tx: Transaction, counter: CounterSettings) -> TicketRow:
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

    # --- a ticket's plain value ---------------------------------------------------------

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

    def _ahead(self, session: Session, row: TicketColumns) -> int:
        """Tickets of the same line that will be called before this one (an outside
        ticket's line: everyone inside, then those before it outside)."""
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

    def _door_ahead(self, session: Session, row: TicketColumns) -> tuple[int, int]:
        """An outside ticket's place at the door: the tickets of every service before it
        in the outside line, and their persons. They go in first (core/hall.py)."""
        count, persons = session.execute(
            select(func.count(), func.coalesce(func.sum(TicketRow.group_size), 0)).where(
                TicketRow.day == row.day,
                TicketRow.state == TicketState.OUTSIDE,
                TicketRow.queue_seq < row.queue_seq,
            )
        ).one()
        return int(count or 0), int(persons or 0)

    def _ticket(
        self,
        session: Session,
        row: TicketColumns,
        *,
        estimate: bool = False,
        ahead: int | None = None,
        door: tuple[int, int] | None = None,
        averages: dict[str, float] | None = None,
        sign: bool = True,
    ) -> Ticket:
        """The plain value of a row; with ``estimate``, its place in line and the wait.
        ``ahead`` (in its service's line), ``door`` (outside: tickets and persons before
        it at the door) and ``averages`` let a caller that reads many tickets count once.
        Without ``sign`` the ticket's ``qr`` is empty: a reader that never prints or shows
        the code (the phone pages' snapshot of hundreds of tickets) skips the signature.

        The wait is the service line's; what an outside ticket shows as ahead of it is
        its place at the door, as that is what the visitor waits for first."""
        minutes = 0
        shown, persons = 0, 0
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
            shown = ahead
            if row.state == TicketState.OUTSIDE:
                shown, persons = door if door is not None else self._door_ahead(session, row)
        code = format_code(row.prefix, row.number)
        issued_for = self.config.service(row.prefix)
        qr = make_payload(self.config.tickets.secret, row.day, code) if sign else ""
        if sign and self.config.web.public_url:  # a phone's camera opens the visitor's live page
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
            ahead=shown,
            estimated_minutes=minutes,
            admitted_at=self.local(row.admitted_at) if row.admitted_at else None,
            ahead_persons=persons,
            origin=issued_for.prefix if issued_for is not None else row.prefix,
            booked=issued_for is not None and issued_for.prefix != row.prefix,
            # the public pages' snapshot (unsigned) never shows what a visitor comes for
            document=self._document_ref(session, row.document_id) if sign else None,
        )

    def _document_ref(self, session: Session, document_id: int | None) -> DocumentRef | None:
        """The finished document a ticket or booking comes for (core/queue/documents.py)."""
        if document_id is None:
            return None
        found = session.execute(
            select(DocumentRow.number, DocumentRow.kind, DocumentRow.state).where(
                DocumentRow.id == document_id
            )
        ).first()
        return DocumentRef(*found) if found is not None else None
