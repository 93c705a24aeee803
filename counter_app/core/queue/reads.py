"""What the desk, the lobby display, the phone pages and the scanner read: tickets,
the hall's status and the call log, each in one read transaction without the lock."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection
from contextlib import AbstractContextManager
from datetime import date, datetime
from itertools import accumulate

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.core import texts
from counter_app.core.model import (
    CALL_KINDS,
    OPEN,
    Call,
    CounterStatus,
    Refused,
    ServiceStatus,
    Snapshot,
    Status,
    Ticket,
    TicketState,
    Verification,
)
from counter_app.core.queue.base import QueueBase
from counter_app.core.queue.codes import format_code, parse_code
from counter_app.core.tokens import check_payload, payload_from_scan
from counter_app.storage.changes import ChangeFeed, open_feed
from counter_app.storage.db import translate_errors
from counter_app.storage.schema import EventRow, Hall, ServiceDay, TicketRow


class Reads(QueueBase):
    """Reading the queue without changing it: one ticket, the hall's status, the call log."""

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
            return Snapshot(status, self._positions(s, status.day, wanted), frozenset(codes))

    def _positions(self, s: Session, day: date, wanted: set[tuple[str, int]]) -> dict[str, Ticket]:
        if not wanted:
            return {}
        # Plain rows, not ORM objects: the day's every ticket is counted, a phone's read
        # hundreds of times a minute, and loading each as an entity was half its cost.
        rows = s.execute(select(TicketRow.__table__).where(TicketRow.day == day)).all()
        # Each line's order, as _ahead counts it: priority first, then the order of issue;
        # the outside line after everyone inside.
        waiting: dict[str, list[tuple[bool, int]]] = {}
        outside: dict[str, list[int]] = {}
        door: list[tuple[int, int]] = []  # the whole outside line: (queue_seq, persons)
        for r in rows:
            if r.state == TicketState.WAITING:
                waiting.setdefault(r.service, []).append((not r.priority, r.queue_seq))
            elif r.state == TicketState.OUTSIDE:
                outside.setdefault(r.service, []).append(r.queue_seq)
                door.append((r.queue_seq, r.group_size))
        for keys in waiting.values():
            keys.sort()
        for seqs in outside.values():
            seqs.sort()
        door.sort()
        door_seqs = [seq for seq, _ in door]
        door_persons = list(accumulate((persons for _, persons in door), initial=0))
        averages: dict[str, float] = {}
        found: dict[str, Ticket] = {}
        for r in rows:
            if (r.prefix, r.number) not in wanted:
                continue
            line = waiting.get(r.service, [])
            at_door: tuple[int, int] | None = None
            if r.state == TicketState.WAITING:
                ahead = bisect_left(line, (not r.priority, r.queue_seq))
            elif r.state == TicketState.OUTSIDE:
                ahead = len(line) + bisect_left(outside.get(r.service, []), r.queue_seq)
                place = bisect_left(door_seqs, r.queue_seq)
                at_door = (place, door_persons[place])
            else:
                ahead = 0
            ticket = self._ticket(
                s, r, estimate=True, ahead=ahead, door=at_door, averages=averages, sign=False
            )
            found[ticket.code] = ticket
        return found

    def _status(self, s: Session, now: datetime, calls: int) -> Status:
        today = self.local(now).date()
        self._follow_rules(s)
        cfg = self.config
        version = int(s.scalar(select(Hall.version).where(Hall.id == 1)) or 0)
        inside, outside, outside_persons = self._occupancy(s, today)
        line = s.execute(  # the outside line; its head is what the hall waits for
            select(TicketRow.prefix, TicketRow.number, TicketRow.group_size)
            .where(TicketRow.day == today, TicketRow.state == TicketState.OUTSIDE)
            .order_by(TicketRow.queue_seq)
        ).all()
        head = line[0] if line else None
        passed = int(s.scalar(select(Hall.outside_passes).where(Hall.id == 1)) or 0)
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
            head_code=format_code(head.prefix, head.number) if head else None,
            head_group=int(head.group_size) if head else None,
            outside_groups=tuple(int(r.group_size) for r in line),
            max_pass=cfg.capacity.passes_allowed,
            head_passed=passed if head else 0,
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
