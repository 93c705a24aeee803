"""Numbers booked from home, and their check-in at the door.

Each operation is one write transaction under the hall's lock (day.py), like issuing, so
no day books more than its services' online quotas, one NIK holds one active booking a
service a day, and the desk's walk-in numbers (issuing.py: the quota less the online
share) are never eaten by bookings, whichever stations do it at once. The days and the
windows are core/booking.py's; the NIK's check is core/nik.py's.

A booked number is written in its service's booked series ("AD-005" for service A,
``[booking] mark`` "D"), numbered from 1 in the order booked; a cancelled booking frees
its number for the next one, so the series has no gap but the visitors who never came.
Checked in, the booking becomes a ticket of that very code, in its service's line
before the walk-ins issued after its window began (in window order, not behind every
walk-in); one late past the window and the grace joins the end of the line or lapses
(``[booking] late``).
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import secrets
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from counter_app.core import booking as plan
from counter_app.core import texts
from counter_app.core.booking import ACTIVE, BookingState
from counter_app.core.config import LateRule, ServiceSettings
from counter_app.core.model import (
    Booking,
    BookingRequest,
    EventKind,
    Reason,
    Refused,
    Ticket,
    TicketState,
)
from counter_app.core.nik import check_nik, normalise
from counter_app.core.queue.base import Transaction
from counter_app.core.queue.codes import format_code, parse_code
from counter_app.core.queue.issuing import Issuing
from counter_app.storage.schema import BookingRow, TicketRow

PHONE_RE = re.compile(r"\+?[0-9]{8,15}", re.ASCII)
SECRET_LENGTH = 24  # secrets.token_urlsafe(18): 144 random bits
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{24}", re.ASCII)
_LINK_RE = re.compile(r"/b/([A-Za-z0-9_-]{24})/?(?:[?#].*)?$", re.ASCII)
_ACTIVE_WORDS = tuple(s.value for s in ACTIVE)
MAX_KEY = 256  # a typed or scanned check-in key longer than this is none of ours


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("ascii", "replace")).hexdigest()


def secret_from(text: str) -> str | None:
    """The booking link's token in a scan or a pasted link ("…/b/TOKEN"), or the bare token."""
    text = text.strip()
    if len(text) > MAX_KEY:
        return None
    m = _LINK_RE.search(text)
    if m:
        return m.group(1)
    return text if _SECRET_RE.fullmatch(text) and not text.isdigit() else None


class _NothingBooked(Exception):
    """Rolls back a batch of bookings that were all refused or shown again."""


class Bookings(Issuing):
    """Booking a day's online number, cancelling it, reading the bookings, checking in."""

    # --- booking --------------------------------------------------------------------------

    def _bookable_service(self, prefix: str) -> ServiceSettings:
        svc = self._service(prefix)
        if not self.config.booking.enabled or self.config.online_quota(svc) == 0:
            raise Refused(
                Reason.BOOKING_OFF, texts.text(self.lang, "booking_off", service=svc.name)
            )
        if svc.suspended:
            raise Refused(Reason.SUSPENDED, texts.suspended(self.lang, svc.name, svc.suspended))
        return svc

    def book(self, prefix: str, day: date, nik: str, phone: str | None = None) -> Booking:
        """Book ``prefix``'s next free online number on ``day`` for this NIK; the NIK's
        existing booking of that service and day instead, if it has one (``created``
        False, and no new link: the visitor checks in with the NIK or the first link)."""
        (made,) = self.book_many([BookingRequest(prefix, day, nik, phone)])
        if isinstance(made, Refused):
            raise made
        return made

    def book_many(self, requests: Sequence[BookingRequest]) -> list[Booking | Refused]:
        """:meth:`book` for each request in turn, in one write transaction: a rush's
        forms, gathered by the booking pages while the write before theirs ran. Each
        result is the booking or the refusal :meth:`book` would have raised; a database
        failure fails them all."""
        results: dict[int, Booking | Refused] = {}
        checked: list[tuple[int, str, str | None]] = []
        for i, r in enumerate(requests):
            try:
                self._bookable_service(r.service)  # as last known: the write looks again
                checked.append((i, self._checked_nik(r.nik), self._phone(r.phone)))
            except Refused as exc:
                results[i] = exc
        if checked:
            # Nothing booked: nothing written either, as when book() raised (a refusal
            # does not move the hall's last write, which the clock check reads).
            with contextlib.suppress(_NothingBooked), self._write(queue_changes=False) as tx:
                taken: dict[tuple[str, date], set[int]] = {}
                for i, nik, phone in checked:
                    try:
                        results[i] = self._book_one(tx, requests[i], nik, phone, taken)
                    except Refused as exc:
                        results[i] = exc
                if not any(isinstance(results[i], Booking) for i, _, _ in checked):
                    raise _NothingBooked
        return [results[i] for i in range(len(requests))]

    def _checked_nik(self, nik: str) -> str:
        checked = check_nik(nik)
        if not checked.ok:
            assert checked.problem is not None
            why = texts.text(self.lang, f"nik_{checked.problem.value}")
            raise Refused(Reason.BAD_NIK, texts.text(self.lang, "bad_nik", why=why))
        assert checked.nik is not None
        return checked.nik

    def _book_one(
        self,
        tx: Transaction,
        request: BookingRequest,
        nik: str,
        phone: str | None,
        taken: dict[tuple[str, date], set[int]],
    ) -> Booking:
        """One booking in ``tx``; ``taken``: the numbers taken so far, by service and day,
        read once a transaction."""
        svc = self._bookable_service(request.service)  # the shared rules as they are now
        day = request.day
        problem = plan.day_problem(self.config, day, tx.now)
        if problem is not None:
            raise Refused(
                Reason.DAY_NOT_BOOKABLE,
                texts.text(
                    self.lang,
                    "day_not_bookable",
                    day=self._day(day),
                    why=texts.text(self.lang, f"booking_day_{problem.value}"),
                ),
            )
        s = tx.session
        mine = s.scalars(
            select(BookingRow).where(
                BookingRow.day == day,
                BookingRow.service == svc.prefix,
                BookingRow.nik == nik,
                BookingRow.state.in_(_ACTIVE_WORDS),
            )
        ).one_or_none()
        if mine is not None:
            return self._booking(s, mine, today=tx.today)
        doc = self._document_for(s, svc.prefix, request.document, today=tx.today, nik=nik)
        held = s.scalar(
            select(func.count()).where(
                BookingRow.nik == nik,
                BookingRow.day >= tx.today,
                BookingRow.state == BookingState.BOOKED,
            )
        )
        limit = self.config.booking.max_per_nik
        if int(held or 0) >= limit:
            raise Refused(Reason.NIK_LIMIT, texts.text(self.lang, "nik_limit", max=limit))
        numbers = taken.get((svc.prefix, day))
        if numbers is None:
            numbers = taken[(svc.prefix, day)] = self._numbers_taken(s, svc.prefix, day)
        quota = self.config.online_quota(svc)
        if len(numbers) >= quota:
            later = self._next_day_with_numbers(s, svc, day, tx.now)
            raise Refused(
                Reason.ONLINE_QUOTA_REACHED,
                texts.text(
                    self.lang,
                    "online_quota_reached" if later else "online_quota_reached_all",
                    service=svc.name,
                    day=self._day(day),
                    next=self._day(later) if later else "",
                ),
            )
        number = next(n for n in range(1, quota + 1) if n not in numbers)
        numbers.add(number)
        when = plan.window_for(self.config, svc, day, number, tx.now)
        secret = secrets.token_urlsafe(18)
        row = BookingRow(
            day=day,
            service=svc.prefix,
            number=number,
            state=BookingState.BOOKED.value,
            nik=nik,
            phone=phone,
            secret_hash=secret_hash(secret),
            window_start=when.start,
            window_end=when.end,
            booked_at=tx.now,
            station=self.config.office.station,
            document_id=doc.id if doc is not None else None,
        )
        s.add(row)
        s.flush()
        return _with(self._booking(s, row, today=tx.today), created=True, secret=secret)

    def _phone(self, phone: str | None) -> str | None:
        if phone is None or not phone.strip():
            return None
        digits = re.sub(r"[\s.-]", "", phone.strip()[:40])
        if not PHONE_RE.fullmatch(digits):
            raise Refused(Reason.BAD_NIK, texts.text(self.lang, "bad_phone"))
        return digits

    def _numbers_taken(self, s: Session, service: str, day: date) -> set[int]:
        return set(
            s.scalars(
                select(BookingRow.number).where(
                    BookingRow.day == day,
                    BookingRow.service == service,
                    BookingRow.state != BookingState.CANCELLED,
                )
            )
        )

    def _next_day_with_numbers(
        self, s: Session, svc: ServiceSettings, after: date, now: datetime
    ) -> date | None:
        quota = self.config.online_quota(svc)
        for day in plan.bookable_days(self.config, now):
            if day > after and len(self._numbers_taken(s, svc.prefix, day)) < quota:
                return day
        return None

    def cancel_booking(self, secret: str) -> Booking:
        """Cancel by the visitor's link: the number is free for someone else."""
        with self._write(queue_changes=False) as tx:
            row = self._by_secret(tx.session, secret)
            if row.state != BookingState.BOOKED or row.day < tx.today:
                raise self._not_usable(tx.session, row, tx.today)
            row.state, row.changed_at = BookingState.CANCELLED.value, tx.now
            tx.session.flush()
            return self._booking(tx.session, row, today=tx.today)

    # --- reads ----------------------------------------------------------------------------

    def booking(self, secret: str) -> Booking:
        """The booking behind a visitor's link (Refused UNKNOWN_BOOKING: no such link)."""
        with self._read_sessions() as s:
            return self._booking(s, self._by_secret(s, secret), today=self.today())

    def bookings_of_day(self, day: date | None = None) -> list[Booking]:
        """A day's bookings, in window and number order: the back office prepares the
        finished documents from it before the visitors come."""
        day = day or self.today()
        with self._read_sessions() as s:
            rows = s.scalars(
                select(BookingRow)
                .where(BookingRow.day == day)
                .order_by(BookingRow.window_start, BookingRow.service, BookingRow.number)
            ).all()
            today = self.today()
            return [self._booking(s, r, today=today) for r in rows]

    def online_left(self, day: date) -> dict[str, int]:
        """Online numbers still free on ``day``, per service that takes bookings."""
        return self.online_left_on([day])[day]

    def online_left_on(self, days: list[date]) -> dict[date, dict[str, int]]:
        """:meth:`online_left` of several days, in one read."""
        with self._read_sessions() as s:
            rows = s.execute(
                select(BookingRow.day, BookingRow.service, func.count())
                .where(BookingRow.day.in_(days), BookingRow.state != BookingState.CANCELLED)
                .group_by(BookingRow.day, BookingRow.service)
            ).all()
        taken = {(day, service): int(n) for day, service, n in rows}
        quotas = {
            svc.prefix: self.config.online_quota(svc)
            for svc in self.config.services
            if self.config.online_quota(svc) > 0
        }
        return {
            day: {p: max(0, q - taken.get((day, p), 0)) for p, q in quotas.items()} for day in days
        }

    def holders(self, prefix: str, day: date) -> set[str]:
        """The NIKs holding an active booking of ``prefix`` on ``day`` (at most its online
        quota of them): who may still be shown their booking on a day that is full."""
        with self._read_sessions() as s:
            return set(
                s.scalars(
                    select(BookingRow.nik).where(
                        BookingRow.day == day,
                        BookingRow.service == prefix,
                        BookingRow.state.in_(_ACTIVE_WORDS),
                    )
                )
            )

    # --- check-in at the door ----------------------------------------------------------------

    def check_in(self, key: str, *, printing: bool = True) -> tuple[Booking, Ticket]:
        """Check a booked visitor in by the booking's link or QR, its code ("AD-005") or the
        NIK: a ticket of the booking's code, admitted to the hall by its rule."""
        lapsed: Refused | None = None
        with self._write() as tx:
            s = tx.session
            row = self._row_for_check_in(s, key, tx.today)
            if row.day != tx.today or row.state != BookingState.BOOKED:
                raise self._not_usable(s, row, tx.today)
            svc = self._service(row.service)
            if svc.suspended:
                raise Refused(Reason.SUSPENDED, texts.suspended(self.lang, svc.name, svc.suspended))
            self._check_can_issue(svc.prefix, 1)  # open now, suspended since
            late = plan.is_late(self.config, row.window_end, tx.now)
            if late and self.config.booking.late == LateRule.LAPSE:
                row.state, row.changed_at = BookingState.LAPSED.value, tx.now
                lapsed = self._lapsed(row)
            else:
                ticket = self._booked_ticket(tx, row, svc, late=late, printing=printing)
                booking = self._booking(s, row, today=tx.today)
        if lapsed is not None:  # kept lapsed (committed above), and said so
            raise lapsed
        return booking, ticket

    def _booked_ticket(
        self, tx: Transaction, row: BookingRow, svc: ServiceSettings, *, late: bool, printing: bool
    ) -> Ticket:
        s = tx.session
        fits = self._admit(tx, 1)
        seq = self._next_seq(tx) if late else self._seq_for_window(tx, row.window_start)
        ticket = self._new_ticket_row(
            tx,
            self.config.booking_series(svc.prefix),
            row.number,
            svc.prefix,
            group=1,
            priority=False,
            fits=fits,
            seq=seq,
            printing=printing,
        )
        ticket.document_id = row.document_id  # the counter sees what to fetch
        s.add(ticket)
        s.flush()
        row.state, row.changed_at, row.ticket_id = BookingState.CHECKED_IN.value, tx.now, ticket.id
        self._event(tx, ticket, EventKind.ISSUED, None, detail=f"booked late={int(late)}")
        return self._ticket(s, ticket, estimate=True)

    def _seq_for_window(self, tx: Transaction, start: datetime) -> int:
        """A place in line before every ticket still waiting that came after the window
        began: the later ones move back by one, in the same transaction."""
        s = tx.session
        first_later = s.scalar(
            select(func.min(TicketRow.queue_seq)).where(
                TicketRow.day == tx.today,
                TicketRow.state.in_((TicketState.WAITING.value, TicketState.OUTSIDE.value)),
                TicketRow.issued_at > start,
            )
        )
        if first_later is None:
            return self._next_seq(tx)
        s.execute(
            update(TicketRow)
            .where(TicketRow.day == tx.today, TicketRow.queue_seq >= first_later)
            .values(queue_seq=TicketRow.queue_seq + 1)
            .execution_options(synchronize_session="fetch")
        )
        tx.hall.seq += 1
        return int(first_later)

    def _row_for_check_in(self, s: Session, key: str, today: date) -> BookingRow:
        key = key.strip()[:MAX_KEY]
        secret = secret_from(key)
        if secret is not None:
            return self._by_secret(s, secret)
        parsed = parse_code(key)
        if parsed is not None:
            return self._by_code(s, parsed, today, key)
        digits = normalise(key)
        if check_nik(digits).ok:
            return self._by_nik(s, digits, today)
        raise Refused(Reason.UNKNOWN_BOOKING, texts.text(self.lang, "unknown_booking"))

    def _by_secret(self, s: Session, secret: str) -> BookingRow:
        row = s.scalars(
            select(BookingRow).where(BookingRow.secret_hash == secret_hash(secret))
        ).one_or_none()
        if row is None:
            raise Refused(Reason.UNKNOWN_BOOKING, texts.text(self.lang, "unknown_booking"))
        return row

    def _by_code(self, s: Session, parsed: tuple[str, int], today: date, code: str) -> BookingRow:
        series, number = parsed
        mark = self.config.booking.mark
        service = series[:-1] if len(series) == 2 and series.endswith(mark) else None
        if service is None:
            raise Refused(
                Reason.UNKNOWN_BOOKING, texts.text(self.lang, "not_a_booking_code", code=code)
            )
        rows = s.scalars(
            select(BookingRow)
            .where(
                BookingRow.day == today,
                BookingRow.service == service,
                BookingRow.number == number,
            )
            .order_by(BookingRow.id.desc())
        ).all()
        live = [r for r in rows if r.state != BookingState.CANCELLED]
        if live:
            return live[0]
        if rows:
            return rows[0]  # cancelled: said so
        raise Refused(Reason.UNKNOWN_BOOKING, texts.text(self.lang, "unknown_booking"))

    def _by_nik(self, s: Session, nik: str, today: date) -> BookingRow:
        """Today's booking of this NIK; else the one that says why not (another day's,
        or the last one, lapsed or cancelled)."""
        rows = s.scalars(
            select(BookingRow)
            .where(BookingRow.nik == nik)
            .order_by(BookingRow.day.desc(), BookingRow.id.desc())
            .limit(50)
        ).all()
        todays = [r for r in rows if r.day == today and r.state == BookingState.BOOKED]
        if len(todays) > 1:
            codes = ", ".join(self._code(r) for r in todays)
            raise Refused(
                Reason.SEVERAL_BOOKINGS, texts.text(self.lang, "several_bookings", codes=codes)
            )
        if todays:
            return todays[0]
        coming = [r for r in rows if r.day > today and r.state == BookingState.BOOKED]
        if coming:
            return coming[-1]  # the soonest
        if rows:
            return rows[0]
        raise Refused(Reason.UNKNOWN_BOOKING, texts.text(self.lang, "unknown_booking"))

    def _not_usable(self, s: Session, row: BookingRow, today: date) -> Refused:
        """Why a booking cannot be checked in or cancelled now."""
        code = self._code(row)
        state = self._state(row, today)
        if state == BookingState.CANCELLED:
            return Refused(
                Reason.BOOKING_CANCELLED, texts.text(self.lang, "booking_cancelled", code=code)
            )
        if state == BookingState.LAPSED:
            return self._lapsed(row)
        if state == BookingState.CHECKED_IN:
            ticket = s.get(TicketRow, row.ticket_id) if row.ticket_id else None
            return Refused(
                Reason.BOOKING_USED,
                texts.text(
                    self.lang,
                    "booking_used",
                    code=code,
                    ticket=format_code(ticket.prefix, ticket.number) if ticket else code,
                ),
            )
        return Refused(
            Reason.BOOKING_OTHER_DAY,
            texts.text(self.lang, "booking_other_day", code=code, day=self._day(row.day)),
        )

    def _lapsed(self, row: BookingRow) -> Refused:
        return Refused(
            Reason.BOOKING_LAPSED, texts.text(self.lang, "booking_lapsed", code=self._code(row))
        )

    # --- a booking's plain value ----------------------------------------------------------

    def _code(self, row: BookingRow) -> str:
        return format_code(self.config.booking_series(row.service), row.number)

    @staticmethod
    def _state(row: BookingRow, today: date) -> BookingState:
        """A booking of a past day that never came is lapsed, before any write says so."""
        state = BookingState(row.state)
        if state == BookingState.BOOKED and row.day < today:
            return BookingState.LAPSED
        return state

    def _booking(self, s: Session, row: BookingRow, *, today: date) -> Booking:
        ticket = s.get(TicketRow, row.ticket_id) if row.ticket_id else None
        return Booking(
            id=row.id,
            code=self._code(row),
            service=row.service,
            number=row.number,
            day=row.day,
            state=self._state(row, today).value,
            nik=row.nik,
            phone=row.phone,
            window_start=row.window_start,
            window_end=row.window_end,
            booked_at=row.booked_at,
            changed_at=row.changed_at,
            ticket_code=format_code(ticket.prefix, ticket.number) if ticket else None,
            document=self._document_ref(s, row.document_id),
        )


def _with(booking: Booking, *, created: bool, secret: str) -> Booking:
    from dataclasses import replace

    return replace(booking, created=created, secret=secret)
