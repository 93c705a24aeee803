"""The ready list of finished documents: imported, checked, tied to numbers, handed over.

Each write is one transaction under the hall's lock (day.py), like every queue operation,
so an import, the desk marking one ready and a counter handing one over never cross. An
import is all or nothing: core/documents.py checks the whole file first, and the rows go
in together.

A pickup service may require a ready document (``Config.needs_document``): issuing or
booking its number names the document, by its registration number or by the NIK, and
the ticket carries it, so the counter sees what to fetch the moment it calls the
number; serving the ticket hands the document over, in the event log. The public check
(the phone page) says ready, handed over or not ready, and nothing else: an unknown
number gets the not-ready answer, so a stranger cannot tell which exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.core import texts, words
from counter_app.core.booking import BookingState
from counter_app.core.documents import (
    Availability,
    DocumentRecord,
    DocumentState,
    ImportResult,
    number_key,
)
from counter_app.core.model import (
    OPEN,
    Document,
    DocumentCheck,
    EventKind,
    Reason,
    Refused,
    TicketState,
)
from counter_app.core.nik import check_nik, normalise
from counter_app.core.queue.base import Transaction
from counter_app.core.queue.codes import format_code
from counter_app.core.queue.day import DayAndHall
from counter_app.storage.schema import BookingRow, DocumentRow, TicketRow

MAX_KEY = 64  # a typed registration number or NIK longer than this is none of ours
MAX_LISTED = 5000


class Documents(DayAndHall):
    """The ready list: import, mark ready, hand over, read; and the document a number
    of a pickup service comes for."""

    def _documents_on(self) -> None:
        if not self.config.documents.enabled:
            raise Refused(Reason.DOCUMENTS_OFF, texts.text(self.lang, "documents_off"))

    # --- writes ---------------------------------------------------------------------------

    def import_documents(self, records: Sequence[DocumentRecord]) -> ImportResult:
        """Add the export's documents in one transaction. A number known already is
        brought up to date while it is ready; one handed over is left as it is."""
        self._documents_on()
        added = updated = unchanged = handed = 0
        with self._write(queue_changes=False) as tx:
            s = tx.session
            known: dict[str, DocumentRow] = {}
            numbers = [r.number for r in records]
            for start in range(0, len(numbers), 500):  # an IN list of bounded length
                chunk = numbers[start : start + 500]
                query = select(DocumentRow).where(DocumentRow.number.in_(chunk))
                known.update((found.number, found) for found in s.scalars(query))
            for record in records:
                row = known.get(record.number)
                if row is None:
                    s.add(self._new_row(tx, record))
                    added += 1
                elif row.state == DocumentState.HANDED:
                    handed += 1
                elif (row.nik, row.kind, row.service, row.finished_on) == (
                    record.nik,
                    record.kind,
                    record.service,
                    record.finished_on,
                ):
                    unchanged += 1
                else:
                    row.nik, row.kind = record.nik, record.kind
                    row.service, row.finished_on = record.service, record.finished_on
                    updated += 1
        return ImportResult(added, updated, unchanged, handed, len(records))

    def _new_row(self, tx: Transaction, record: DocumentRecord) -> DocumentRow:
        return DocumentRow(
            number=record.number,
            nik=record.nik,
            kind=record.kind,
            service=record.service,
            state=DocumentState.READY.value,
            finished_on=record.finished_on,
            added_at=tx.now,
            station=self.config.office.station,
        )

    def mark_ready(
        self, number: str, kind: str, *, nik: str | None = None, finished_on: date | None = None
    ) -> Document:
        """One document ready, as the desk marks it (finished today unless said)."""
        self._documents_on()
        key = number_key(number[:MAX_KEY])
        service = self.config.documents.service_of(kind)
        if not key or service is None:
            raise Refused(
                Reason.UNKNOWN_DOCUMENT,
                texts.text(
                    self.lang,
                    "document_bad_entry",
                    kinds=", ".join(self.config.documents.kinds),
                ),
            )
        checked_nik = None
        if nik:
            checked = check_nik(normalise(nik))
            if not checked.ok:
                assert checked.problem is not None
                why = texts.text(self.lang, f"nik_{checked.problem.value}")
                raise Refused(Reason.BAD_NIK, texts.text(self.lang, "bad_nik", why=why))
            checked_nik = checked.nik
        record = DocumentRecord(
            key,
            checked_nik,
            self.config.documents.kind_name(kind),
            service,
            finished_on or self.today(),
        )
        if self.import_documents([record]).handed:  # handed over already: said, not redone
            with self._read_sessions() as s:
                raise self._handed(self._by_number(s, key))
        return self.document(key)

    def hand_over(self, number: str) -> Document:
        """Mark a document handed over by its registration number (the desk, the CLI):
        on the open ticket of today that comes for it, if there is one, in its log."""
        self._documents_on()
        with self._write(queue_changes=False) as tx:
            s = tx.session
            row = self._by_number(s, number)
            if row.state == DocumentState.HANDED:
                raise self._handed(row)
            ticket = s.scalars(
                select(TicketRow).where(
                    TicketRow.document_id == row.id,
                    TicketRow.day == tx.today,
                    TicketRow.state.in_([st.value for st in (*OPEN, TicketState.DONE)]),
                )
            ).first()
            self._mark_handed(tx, row, ticket)
            s.flush()
            return self._document(s, row)

    def _hand_over_on(self, tx: Transaction, ticket: TicketRow) -> None:
        """Serving a ticket hands over the document it came for (calling.py)."""
        if ticket.document_id is None:
            return
        row = tx.session.get(DocumentRow, ticket.document_id)
        if row is not None and row.state == DocumentState.READY:
            self._mark_handed(tx, row, ticket)

    def _mark_handed(self, tx: Transaction, row: DocumentRow, ticket: TicketRow | None) -> None:
        row.state = DocumentState.HANDED.value
        row.handed_at, row.handed_day = tx.now, tx.today
        row.station = self.config.office.station
        if ticket is not None:
            row.ticket_id = ticket.id
            self._event(tx, ticket, EventKind.HANDED, ticket.state, detail=row.kind)

    # --- a number for a document ------------------------------------------------------------

    def _document_for(
        self,
        s: Session,
        prefix: str,
        key: str | None,
        *,
        today: date,
        nik: str | None = None,
    ) -> DocumentRow | None:
        """The ready document a number of ``prefix`` comes for, by registration number
        or NIK (``key``; else the booking's ``nik``); None where the service needs none.
        Refuses, in words that tell a stranger nothing more than "not ready", a document
        that is not on the list, is someone else's, or is handed over."""
        if not self.config.needs_document(prefix):
            return None
        svc = self._service(prefix)
        key = (key or "").strip()[:MAX_KEY]
        if not key and nik is None:
            raise Refused(
                Reason.DOCUMENT_NEEDED,
                texts.text(self.lang, "document_needed", service=svc.name),
            )
        not_ready = Refused(Reason.DOCUMENT_NOT_READY, texts.text(self.lang, "document_not_ready"))
        as_nik = normalise(key) if key else (nik or "")
        if check_nik(as_nik).ok:
            rows = s.scalars(
                select(DocumentRow)
                .where(DocumentRow.nik == as_nik, DocumentRow.service == svc.prefix)
                .order_by(DocumentRow.finished_on, DocumentRow.id)
            ).all()
            if nik is not None and as_nik != nik:
                rows = []  # another person's NIK typed in the document's field
            held = [
                (r, self._taken_by(s, r, today)) for r in rows if r.state == DocumentState.READY
            ]
            free = next((r for r, code in held if code is None), None)
            if free is not None:
                return free
            if held:
                raise self._taken(held[0][1])
            if rows:
                raise self._handed(rows[-1])
            raise not_ready
        row = s.scalars(
            select(DocumentRow).where(DocumentRow.number == number_key(key))
        ).one_or_none()
        if row is None or (nik is not None and row.nik is not None and row.nik != nik):
            raise not_ready
        if row.service != svc.prefix:
            raise Refused(
                Reason.DOCUMENT_OTHER_SERVICE,
                texts.text(
                    self.lang,
                    "document_other_service",
                    kind=row.kind,
                    service=self.config.service_name(row.service, self.lang),
                ),
            )
        if row.state == DocumentState.HANDED:
            raise self._handed(row)
        code = self._taken_by(s, row, today)
        if code is not None:
            raise self._taken(code)
        return row

    def _taken_by(self, s: Session, row: DocumentRow, today: date) -> str | None:
        """The code of today's open ticket or a coming booking that comes for ``row``."""
        ticket = s.execute(
            select(TicketRow.prefix, TicketRow.number).where(
                TicketRow.document_id == row.id,
                TicketRow.day == today,
                TicketRow.state.in_([st.value for st in OPEN]),
            )
        ).first()
        if ticket is not None:
            return format_code(ticket[0], ticket[1])
        booking = s.execute(
            select(BookingRow.service, BookingRow.number).where(
                BookingRow.document_id == row.id,
                BookingRow.day >= today,
                BookingRow.state == BookingState.BOOKED.value,
            )
        ).first()
        if booking is not None:
            return format_code(self.config.booking_series(booking[0]), booking[1])
        return None

    def _taken(self, code: str | None) -> Refused:
        """Refused: another number (``code``, from _taken_by) comes for this document."""
        return Refused(
            Reason.DOCUMENT_TAKEN, texts.text(self.lang, "document_taken", code=code or "?")
        )

    def _handed(self, row: DocumentRow) -> Refused:
        return Refused(
            Reason.DOCUMENT_HANDED,
            texts.text(
                self.lang, "document_handed", kind=row.kind, day=self._day(_handed_day(row))
            ),
        )

    def _day(self, day: date) -> str:
        """A day as the refusals name it: "Senin, 30 November 2026"."""
        return words.spelled_date(day, self.lang)

    # --- reads ----------------------------------------------------------------------------

    def _by_number(self, s: Session, number: str) -> DocumentRow:
        row = s.scalars(
            select(DocumentRow).where(DocumentRow.number == number_key(number[:MAX_KEY]))
        ).one_or_none()
        if row is None:
            raise Refused(
                Reason.UNKNOWN_DOCUMENT,
                texts.text(self.lang, "unknown_document", number=number[:MAX_KEY]),
            )
        return row

    def document(self, number: str) -> Document:
        with self._read_sessions() as s:
            return self._document(s, self._by_number(s, number))

    def documents(
        self, *, kind: str | None = None, state: str | None = None, limit: int = MAX_LISTED
    ) -> list[Document]:
        """The ready list (and the handed over), oldest finished first."""
        query = select(DocumentRow)
        if kind is not None:
            query = query.where(
                func.lower(DocumentRow.kind) == self.config.documents.kind_name(kind).lower()
            )
        if state is not None:
            query = query.where(DocumentRow.state == state)
        with self._read_sessions() as s:
            rows = s.scalars(
                query.order_by(DocumentRow.finished_on, DocumentRow.number).limit(limit)
            ).all()
            return [self._document(s, r) for r in rows]

    def check_document(self, key: str) -> list[DocumentCheck]:
        """The public check, by registration number or NIK: each document's availability,
        kind, service and day, and nothing personal. Unknown and not finished read the
        same: one ``not_ready`` answer."""
        key = key.strip()[:MAX_KEY]
        nik = normalise(key)
        with self._read_sessions() as s:
            if check_nik(nik).ok:
                rows = list(
                    s.scalars(
                        select(DocumentRow)
                        .where(DocumentRow.nik == nik)
                        .order_by(DocumentRow.finished_on, DocumentRow.id)
                        .limit(20)
                    )
                )
            else:
                rows = list(
                    s.scalars(select(DocumentRow).where(DocumentRow.number == number_key(key)))
                )
        checks = [self._check(r) for r in rows]
        return checks or [DocumentCheck(Availability.NOT_READY.value)]

    def _check(self, row: DocumentRow) -> DocumentCheck:
        if row.state == DocumentState.HANDED:
            return DocumentCheck(Availability.HANDED.value, row.kind, row.service, _handed_day(row))
        return DocumentCheck(Availability.READY.value, row.kind, row.service, row.finished_on)

    def documents_handed(self, day: date) -> dict[str, int]:
        """Documents handed over on ``day``, per kind: the report's figure."""
        with self._read_sessions() as s:
            rows = s.execute(
                select(DocumentRow.kind, func.count())
                .where(DocumentRow.handed_day == day)
                .group_by(DocumentRow.kind)
            ).all()
        return {kind: int(n) for kind, n in rows}

    def documents_not_collected(self, day: date) -> dict[str, int]:
        """Documents booked for ``day`` and not handed over (yet), per kind."""
        with self._read_sessions() as s:
            rows = s.execute(
                select(DocumentRow.kind, func.count())
                .join(BookingRow, BookingRow.document_id == DocumentRow.id)
                .where(
                    BookingRow.day == day,
                    BookingRow.state != BookingState.CANCELLED.value,
                    DocumentRow.state == DocumentState.READY.value,
                )
                .group_by(DocumentRow.kind)
            ).all()
        return {kind: int(n) for kind, n in rows}

    def _document(self, s: Session, row: DocumentRow) -> Document:
        ticket = (
            s.execute(
                select(TicketRow.prefix, TicketRow.number).where(TicketRow.id == row.ticket_id)
            ).first()
            if row.ticket_id
            else None
        )
        return Document(
            id=row.id,
            number=row.number,
            nik=row.nik,
            kind=row.kind,
            service=row.service,
            state=row.state,
            finished_on=row.finished_on,
            added_at=self.local(row.added_at),
            handed_at=self.local(row.handed_at) if row.handed_at else None,
            ticket_code=format_code(ticket[0], ticket[1]) if ticket else None,
        )


def _handed_day(row: DocumentRow) -> date:
    """The office day a handed-over document was handed on (set with its state)."""
    assert row.handed_day is not None, row.number
    return row.handed_day
