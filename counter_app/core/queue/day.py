"""One write transaction, and what each does to the office day and the hall.

Every public operation is one transaction that starts by locking the single `hall`
row (lock_hall), so operations from any number of processes and PCs are applied one
after another and each sees the state the previous one left. Before the operation the
transaction closes what a past office day left open; after it, it lets the outside line
in as far as the hall's rule allows (core/hall.py). A refusal raises Refused and rolls
back: no number is used up, nothing is half done."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select, text, update

from counter_app.core import clock as clocks
from counter_app.core import texts
from counter_app.core.config import WhenFull
from counter_app.core.hall import Entry, arrival, fill
from counter_app.core.model import OPEN, EventKind, Reason, Refused, TicketState
from counter_app.core.queue.base import QueueBase, Transaction, lock_hall
from counter_app.storage.changes import CHANNEL
from counter_app.storage.schema import BookingRow, TicketRow

NOTIFY_CHANNEL = CHANNEL  # the change feed LISTENs on it (storage/changes.py)


class DayAndHall(QueueBase):
    """The write transaction, which closes a past day before the operation and lets the
    outside line into the hall after it, and the admission of one arriving group."""

    @contextmanager
    def _write(self, *, queue_changes: bool = True) -> Iterator[Transaction]:
        """One write transaction on the locked hall. ``queue_changes`` False: the
        operation changes no ticket and no room in the hall (a booking, a cancelled
        booking), so unless the day rolls over here the hall's version stays and no
        station, display or phone reads the queue again for it."""
        with self._sessions() as session, session.begin():
            hall = lock_hall(session)
            self._follow_rules(session)
            reading = clocks.Reading.of(self.clock)
            self._check_clock(reading, self._reference(session, hall))
            now = reading.now
            hall.last_write_at, hall.clock_boot = now, reading.boot
            hall.clock_offset = reading.offset
            tx = Transaction(session, hall, now, self.local(now).date())
            rolled = self._roll_over(tx)
            yield tx
            if not (queue_changes or rolled):
                return
            self._admit_outside(tx)
            hall.version += 1
            session.flush()
            if self.db.dialect == "postgresql":
                session.execute(
                    text("SELECT pg_notify(:ch, :v)"),
                    {"ch": NOTIFY_CHANNEL, "v": str(hall.version)},
                )

    def _roll_over(self, tx: Transaction) -> bool:
        """On the first operation of a new day, close what the last day left open
        (True: it was the first)."""
        last = tx.hall.day
        if last is not None and last >= tx.today:
            return False  # the day never goes back (_check_clock refused a clock that says so)
        if last is not None:
            rows = tx.session.scalars(
                select(TicketRow).where(TicketRow.day == last, TicketRow.state.in_(OPEN))
            ).all()
            for row in rows:
                self._move(tx, row, TicketState.CANCELLED, EventKind.EXPIRED, detail="day ended")
        # bookings of the days before that never came: lapsed
        tx.session.execute(
            update(BookingRow)
            .where(BookingRow.day < tx.today, BookingRow.state == "booked")
            .values(state="lapsed", changed_at=tx.now)
        )
        tx.hall.day = tx.today
        return True

    def _admit(self, tx: Transaction, group: int) -> bool:
        """Whether a group arriving now comes straight in (True) or joins the outside
        line (False); Refused when neither is allowed (the rule is core/hall.py's)."""
        capacity = self.config.capacity
        if capacity.passes_allowed:
            # In "fit" order the arrival may pass a head that does not fit, as one of
            # those already outside could: settle the line first, then ask the same rule.
            self._admit_outside(tx)
        inside, outside, _ = self._occupancy(tx.session, tx.today)
        line = [row.group_size for row in self._outside_line(tx)] if outside else []
        came = arrival(
            inside,
            line,
            group,
            capacity.limit,
            wait_outside=capacity.when_full == WhenFull.WAIT_OUTSIDE,
            max_pass=capacity.passes_allowed,
            passed=tx.hall.outside_passes,
        )
        where = came.entry
        if where is Entry.INSIDE and line:  # in past the head that does not fit
            tx.hall.outside_passes = came.passes
        if where is Entry.REFUSED:
            raise Refused(
                Reason.HALL_FULL,
                texts.text(self.lang, "hall_full", occupancy=inside, limit=capacity.limit),
            )
        return where is Entry.INSIDE

    def _outside_line(self, tx: Transaction) -> list[TicketRow]:
        """Today's outside line, head first; the hall row's pass count is made to count
        against its head (a new head, after the old one left the line, starts at 0)."""
        line = list(
            tx.session.scalars(
                select(TicketRow)
                .where(TicketRow.day == tx.today, TicketRow.state == TicketState.OUTSIDE)
                .order_by(TicketRow.queue_seq)
            )
        )
        head = line[0].id if line else None
        if tx.hall.outside_head != head:
            tx.hall.outside_head, tx.hall.outside_passes = head, 0
        return line

    def _admit_outside(self, tx: Transaction) -> None:
        """Let waiting-outside tickets in as far as the room and the fill order allow
        (core/hall.py's fill: strict, or "fit" with at most max_pass past the head)."""
        inside, outside, _ = self._occupancy(tx.session, tx.today)
        if not outside:
            tx.hall.outside_head, tx.hall.outside_passes = None, 0
            return
        capacity = self.config.capacity
        line = self._outside_line(tx)
        let_in = fill(
            inside,
            [row.group_size for row in line],
            capacity.limit,
            max_pass=capacity.passes_allowed,
            passed=tx.hall.outside_passes,
        )
        for i in let_in.admitted:
            line[i].admitted_at = tx.now
            self._move(tx, line[i], TicketState.WAITING, EventKind.ADMITTED)
        gone = set(let_in.admitted)
        left = [row for i, row in enumerate(line) if i not in gone]
        tx.hall.outside_head = left[0].id if left else None
        tx.hall.outside_passes = let_in.passes

    def expire_stale(self) -> None:
        """Run the day change now (the first operation of a day does it anyway)."""
        with self._write():
            pass
