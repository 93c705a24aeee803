"""What the queue hands to its callers: plain, immutable values, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from counter_app.core import words
from counter_app.core.hall import HallState, hall_state, is_full, places_free


class TicketState(StrEnum):
    OUTSIDE = "outside"  # issued while the hall was full; waits outside until admitted
    WAITING = "waiting"  # inside the hall, in a service's line
    CALLED = "called"  # called to a counter
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class EventKind(StrEnum):
    """What happened to a ticket: the kind of each entry of its event log.

    Stored as these words (ticket_events.kind), which the daily report replays and the
    lobby display announces, so a value never changes once a database holds it."""

    ISSUED = "issued"
    ADMITTED = "admitted"  # let in from the outside line
    CALLED = "called"
    RECALLED = "recalled"  # called again to the same counter
    DONE = "done"
    NO_SHOW = "no_show"
    RETURNED = "returned"  # a no-show put back at the end of the line
    TRANSFERRED = "transferred"  # sent to another service's line
    CANCELLED = "cancelled"
    EXPIRED = "expired"  # still open when the office day ended
    PRINTED = "printed"
    REPRINTED = "reprinted"
    PRINT_FAILED = "print_failed"
    PRINT_PENDING = "print_pending"
    PRINT_OFF = "print_off"
    HANDED = "handed"  # the finished document it came for was handed over


#: What the lobby display shows and announces: someone is asked to come somewhere.
CALL_KINDS = (EventKind.CALLED, EventKind.RECALLED, EventKind.ADMITTED)

INSIDE = (TicketState.WAITING, TicketState.CALLED)
OPEN = (TicketState.OUTSIDE, TicketState.WAITING, TicketState.CALLED)


class PrintStatus(StrEnum):
    PENDING = "pending"
    PRINTED = "printed"
    FAILED = "failed"
    OFF = "off"  # printing switched off (--no-print, or no printer configured)


class Reason(StrEnum):
    """Why the queue refused an operation; each has a text in both languages (texts.py)."""

    HALL_FULL = "hall_full"
    QUOTA_REACHED = "quota_reached"
    SUSPENDED = "suspended"
    CLOSED = "closed"
    NOTHING_TO_CALL = "nothing_to_call"
    NO_CURRENT = "no_current"
    UNKNOWN_SERVICE = "unknown_service"
    UNKNOWN_COUNTER = "unknown_counter"
    UNKNOWN_TICKET = "unknown_ticket"
    NOT_A_TICKET_CODE = "not_a_ticket_code"  # not of the form A-001: never looked up
    WRONG_STATE = "wrong_state"
    BAD_GROUP = "bad_group"
    NOT_SERVED_HERE = "not_served_here"
    PRINTER = "printer"
    CLOCK = "clock"  # this station's clock disagrees with the queue's (core/clock.py)
    # booking from home (core/queue/bookings.py)
    BOOKING_OFF = "booking_off"  # booking is not enabled, or not for this service
    BAD_NIK = "bad_nik"  # not a possible NIK (core/nik.py says which way)
    DAY_NOT_BOOKABLE = "day_not_bookable"  # closed, past, or not open for booking yet
    ONLINE_QUOTA_REACHED = "online_quota_reached"  # "kuota habis" for the day online
    NIK_LIMIT = "nik_limit"  # this NIK holds max_per_nik active bookings already
    UNKNOWN_BOOKING = "unknown_booking"
    BOOKING_OTHER_DAY = "booking_other_day"  # checked in on another day than its own
    BOOKING_CANCELLED = "booking_cancelled"
    BOOKING_LAPSED = "booking_lapsed"  # its day ended, or it came after window and grace
    BOOKING_USED = "booking_used"  # checked in already
    SEVERAL_BOOKINGS = "several_bookings"  # a NIK with bookings for several services today
    # the ready list of finished documents (core/queue/documents.py)
    DOCUMENT_NEEDED = "document_needed"  # this service is for a ready document: which one?
    DOCUMENT_NOT_READY = "document_not_ready"  # "belum jadi" (or not known: the same words)
    DOCUMENT_HANDED = "document_handed"  # handed over already
    DOCUMENT_TAKEN = "document_taken"  # another open ticket or booking comes for it
    DOCUMENT_OTHER_SERVICE = "document_other_service"  # collected at another service
    UNKNOWN_DOCUMENT = "unknown_document"  # staff: no such registration number
    DOCUMENTS_OFF = "documents_off"  # [documents] is not enabled


@dataclass(frozen=True, slots=True)
class RulesOrigin:
    """The queue rules every station on the database follows: which save of them, when
    and from which station (a settings dialog's)."""

    version: int
    changed_at: datetime | None
    station: str | None


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """The finished document a ticket or a booking comes for: what the counter fetches."""

    number: str  # the registration number
    kind: str  # "KK", "KTP-el" ... as the configuration writes it
    state: str  # core/documents.py's DocumentState

    def as_json(self) -> dict[str, str]:
        return {"number": self.number, "kind": self.kind, "state": self.state}


class Refused(Exception):
    """A queue rule said no. The message is for people; the reason is for programs."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True, slots=True)
class Ticket:
    id: int
    code: str
    prefix: str
    number: int
    day: date
    state: TicketState
    service: str  # the line it is in now; differs from prefix after a transfer
    group: int
    priority: bool
    issued_at: datetime
    called_at: datetime | None
    finished_at: datetime | None
    counter: int | None
    recalls: int
    print_status: PrintStatus
    print_attempts: int
    print_error: str | None
    qr: str
    #: tickets to be served before this one: in its service's line while inside; while
    #: outside, the tickets ahead of it in the outside line (all services), who go in first
    ahead: int = 0
    estimated_minutes: int = 0
    admitted_at: datetime | None = None  # let into the hall (at issue, or later from outside)
    #: outside: the persons on the tickets ahead in the outside line (the places they need)
    ahead_persons: int = 0
    #: the service it was issued for: its prefix's, or for a booked "AD-005" that of A
    origin: str = ""
    booked: bool = False  # checked in from a booking (its code is the booked series')
    #: the finished document it comes for (staff screens; never on a public page)
    document: DocumentRef | None = None

    @property
    def issued_for(self) -> str:
        return self.origin or self.prefix

    @property
    def waited_outside(self) -> bool:
        """Issued while the hall was full, and let in since."""
        return self.admitted_at is not None and self.admitted_at > self.issued_at

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "prefix": self.prefix,
            "number": self.number,
            "day": self.day.isoformat(),
            "state": self.state.value,
            "service": self.service,
            "group": self.group,
            "priority": self.priority,
            "issued_at": self.issued_at.isoformat(timespec="seconds"),
            "called_at": self.called_at.isoformat(timespec="seconds") if self.called_at else None,
            "counter": self.counter,
            "recalls": self.recalls,
            "ahead": self.ahead,
            "ahead_persons": self.ahead_persons,
            "estimated_minutes": self.estimated_minutes,
            "qr": self.qr,
            "print_status": self.print_status.value,
            "print_attempts": self.print_attempts,
            "print_error": self.print_error,
            "document": self.document.as_json() if self.document else None,
        }


@dataclass(frozen=True, slots=True)
class ServiceStatus:
    prefix: str
    name: str
    waiting: int  # tickets in line inside the hall
    outside: int  # tickets of this service waiting outside
    issued: int  # numbers issued today
    quota: int
    suspended: str | None

    @property
    def quota_left(self) -> int:
        return max(0, self.quota - self.issued)


@dataclass(frozen=True, slots=True)
class CounterStatus:
    number: int
    name: str
    services: tuple[str, ...]
    current: Ticket | None
    served_today: int
    no_shows_today: int


@dataclass(frozen=True, slots=True)
class Call:
    """One entry of the day's call log, for the lobby display."""

    seq: int
    kind: str  # one of CALL_KINDS
    code: str
    counter: int | None
    at: datetime


@dataclass(frozen=True, slots=True)
class Status:
    day: date
    now: datetime
    version: int
    limit: int
    when_full: str
    occupancy: int  # persons inside (waiting + called)
    outside: int  # tickets waiting outside
    outside_persons: int
    open_now: bool
    services: tuple[ServiceStatus, ...]
    counters: tuple[CounterStatus, ...]
    calls: tuple[Call, ...] = field(default=())  # newest first
    head_code: str | None = None  # the ticket first in the outside line, and its group
    head_group: int | None = None
    # What the desk needs to ask core/hall.py's arrival() as the queue will: the outside
    # line's groups (head first), the passes the "fit" order allows (0: strict) and those
    # already counted against the head.
    outside_groups: tuple[int, ...] = ()
    max_pass: int = 0
    head_passed: int = 0

    @property
    def hall_full(self) -> bool:
        """No room for one more person (core/hall.py): a group may still not fit."""
        return is_full(self.occupancy, self.limit)

    @property
    def hall_state(self) -> HallState:
        """FULL (no place free), BLOCKED (places free, the head outside does not fit) or
        ROOM: what every screen says instead of a bare "full" (core/hall.py)."""
        return hall_state(self.occupancy, self.limit, self.head_group)

    @property
    def places_free(self) -> int:
        return places_free(self.occupancy, self.limit)

    def blocked_text(self, lang: str) -> str | None:
        """When BLOCKED, what every screen says instead of "full", in the same words:
        "3 tempat kosong, menunggu rombongan A-003 (4 orang)"; None otherwise."""
        if self.hall_state is not HallState.BLOCKED:
            return None
        return words.text(
            "hall.blocked",
            lang,
            free=self.places_free,
            code=self.head_code,
            persons=self.head_group,
        )

    def as_json(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "now": self.now.isoformat(timespec="seconds"),
            "limit": self.limit,
            "when_full": self.when_full,
            "occupancy": self.occupancy,
            "outside": self.outside,
            "outside_persons": self.outside_persons,
            "hall_state": self.hall_state.value,
            "head_code": self.head_code,
            "head_group": self.head_group,
            "open": self.open_now,
            "services": [
                {
                    "prefix": s.prefix,
                    "name": s.name,
                    "waiting": s.waiting,
                    "outside": s.outside,
                    "issued": s.issued,
                    "quota": s.quota,
                    "quota_left": s.quota_left,
                    "suspended": s.suspended,
                }
                for s in self.services
            ],
            "counters": [
                {
                    "number": c.number,
                    "name": c.name,
                    "services": list(c.services),
                    "current": c.current.code if c.current else None,
                    "served_today": c.served_today,
                    "no_shows_today": c.no_shows_today,
                }
                for c in self.counters
            ],
        }


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The hall and a set of tickets as one read saw them (for pages that follow tickets)."""

    status: Status
    tickets: dict[str, Ticket]  # by code; codes not issued today are absent
    #: the codes the read looked for: one of them absent from ``tickets`` is gone (another
    #: day's, or purged); a code not asked for is merely unknown to this read
    asked: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    problem: (
        str | None
    )  # machine word: malformed, bad_signature, other_day, unknown_ticket, served...
    message: str
    ticket: Ticket | None

    def as_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "problem": self.problem,
            "message": self.message,
            "ticket": self.ticket.as_json() if self.ticket else None,
        }


@dataclass(frozen=True, slots=True)
class LoggedEvent:
    """One entry of a day's event log with what the report needs of its ticket."""

    id: int
    ticket_id: int
    prefix: str  # the service the ticket was issued for
    group: int
    kind: str  # an EventKind's value (a newer version's kind stays readable)
    from_state: str | None
    to_state: str | None
    counter: int | None
    at: datetime  # aware, UTC
    detail: str | None


@dataclass(frozen=True, slots=True)
class Purge:
    """What one purge removed: tickets and events of days before ``before_day``."""

    before_day: date
    days: int  # days whose tickets were removed (their reports are kept)
    tickets: int
    events: int

    def as_json(self) -> dict[str, object]:
        return {
            "before_day": self.before_day.isoformat(),
            "days": self.days,
            "tickets": self.tickets,
            "events": self.events,
        }


@dataclass(frozen=True, slots=True)
class BookingRequest:
    """One visitor's booking form, as Queue.book_many takes it."""

    service: str
    day: date
    nik: str
    phone: str | None = None
    #: the registration number of the ready document it comes for, where the service
    #: needs one; None: found by the NIK
    document: str | None = None


@dataclass(frozen=True, slots=True)
class Booking:
    """A number booked from home (core/booking.py), as the pages, the desk and the CLI
    show it. ``nik`` is the whole NIK: only staff screens that need it (the bookings
    export) show it whole; every other shows ``masked_nik``."""

    id: int
    code: str  # "AD-005": the service's booked series and the number
    service: str
    number: int
    day: date
    state: str  # core/booking.py's BookingState
    nik: str
    phone: str | None
    window_start: datetime
    window_end: datetime
    booked_at: datetime
    changed_at: datetime | None
    ticket_code: str | None = None  # once checked in
    created: bool = False  # made by this call (False: the NIK's existing one, shown again)
    secret: str | None = None  # the visitor's link token: only right after booking
    document: DocumentRef | None = None  # the finished document it comes for

    @property
    def masked_nik(self) -> str:
        return "*" * 12 + self.nik[-4:]

    def as_json(self, *, with_nik: bool = False) -> dict[str, object]:
        return {
            "code": self.code,
            "service": self.service,
            "number": self.number,
            "day": self.day.isoformat(),
            "state": self.state,
            "nik": self.nik if with_nik else self.masked_nik,
            "phone": self.phone if with_nik else None,
            "window_start": self.window_start.isoformat(),
            "window_end": self.window_end.isoformat(),
            "booked_at": self.booked_at.isoformat(),
            "ticket": self.ticket_code,
            "document": self.document.as_json() if self.document else None,
        }


@dataclass(frozen=True, slots=True)
class Document:
    """One document of the ready list, as staff screens and the CLI show it. ``nik`` is
    personal data: shown masked (``masked_nik``) but where staff need it whole."""

    id: int
    number: str
    nik: str | None
    kind: str
    service: str
    state: str  # core/documents.py's DocumentState
    finished_on: date
    added_at: datetime  # office-local
    handed_at: datetime | None  # office-local
    ticket_code: str | None  # the ticket it was handed over on

    @property
    def masked_nik(self) -> str:
        return "*" * 12 + self.nik[-4:] if self.nik else ""

    @property
    def ref(self) -> DocumentRef:
        return DocumentRef(self.number, self.kind, self.state)

    def as_json(self, *, with_nik: bool = False) -> dict[str, object]:
        return {
            "number": self.number,
            "kind": self.kind,
            "service": self.service,
            "state": self.state,
            "finished_on": self.finished_on.isoformat(),
            "nik": self.nik if with_nik else self.masked_nik or None,
            "added_at": self.added_at.isoformat(timespec="seconds"),
            "handed_at": self.handed_at.isoformat(timespec="seconds") if self.handed_at else None,
            "ticket": self.ticket_code,
        }


@dataclass(frozen=True, slots=True)
class DocumentCheck:
    """What the public check answers of one document: no number, no NIK, no name. An
    unknown number and a document not finished get the same ``not_ready`` answer."""

    availability: str  # core/documents.py's Availability
    kind: str | None = None
    service: str | None = None  # the service to book to collect it
    since: date | None = None  # ready since (finished on), or handed over on
