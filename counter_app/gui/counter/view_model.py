"""What a counter panel shows, worked out from the queue's Status: plain values, no Qt.

The panel (counter/panel.py) only puts these values into its widgets and turns the
hints below into its translated words (Qt Linguist, context ``CounterPanel``). Who is
at the counter, which actions make sense now, how long each line is, the counter's
last calls and what a scanned ticket allows are decided here, where a test can check
them without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from counter_app.core import texts
from counter_app.core.config import Config
from counter_app.core.documents import DocumentState
from counter_app.core.model import (
    OPEN,
    CounterStatus,
    DocumentRef,
    EventKind,
    Status,
    Ticket,
    TicketState,
    Verification,
)

HISTORY = 6  # calls at this counter listed under its figures
NB_HYPHEN = "\u2011"  # keeps "A-004" on one line
NBSP = "\u00a0"  # keeps "A-004 09:12*" on one line
#: The actions about the visitor at the counter: they need one there.
SERVING_COMMANDS = ("recall", "done", "no_show", "transfer")
#: A no-show this soon after the visitor was called (or called again) is asked first:
#: someone called a moment ago may still be on the way from the hall.
NO_SHOW_WAIT_S = 60


def no_show_too_soon(last_call: datetime | None, now: datetime) -> int | None:
    """Seconds since the visitor was last called, when a no-show now is too soon; else None."""
    if last_call is None:
        return None
    since = (now - last_call).total_seconds()
    return max(0, int(since)) if since < NO_SHOW_WAIT_S else None


# --- the lines and the figures ---------------------------------------------------------------


def waiting_row_name(config: Config, prefix: str) -> str:
    return f"{prefix}   {config.service_name(prefix)}"


@dataclass(frozen=True, slots=True)
class WaitingRow:
    """One of the counter's services: its line in the hall, and who waits outside."""

    prefix: str
    waiting: int
    outside: int

    @property
    def empty(self) -> bool:
        return self.waiting == 0


@dataclass(frozen=True, slots=True)
class CounterView:
    counter: CounterStatus | None  # None: the queue does not know this counter (yet)
    rows: tuple[WaitingRow, ...]  # the counter's services, in the queue's order
    waiting: int  # in the hall, in the lines this counter serves

    @property
    def current(self) -> Ticket | None:
        """The visitor at the counter."""
        return self.counter.current if self.counter else None

    @property
    def served(self) -> int:
        return self.counter.served_today if self.counter else 0

    @property
    def no_shows(self) -> int:
        return self.counter.no_shows_today if self.counter else 0

    @property
    def can_call_next(self) -> bool:
        """Someone to call, or someone to finish first (Call next ends the current visit)."""
        return self.waiting > 0 or self.current is not None


def counter_view(status: Status, number: int, services: Sequence[str]) -> CounterView:
    mine = next((c for c in status.counters if c.number == number), None)
    rows = tuple(
        WaitingRow(s.prefix, s.waiting, s.outside) for s in status.services if s.prefix in services
    )
    return CounterView(mine, rows, waiting=sum(r.waiting for r in rows))


@dataclass(frozen=True, slots=True)
class History:
    """The last calls at this counter, newest first: "A‑004 09:12*" (* called again)."""

    items: tuple[str, ...]
    recalled: bool  # one of them is a recall: the panel explains the star


def history(status: Status, number: int) -> History:
    """Calls and recalls at counter ``number`` (``status.calls`` newest first); letting a
    ticket into the hall is no call."""
    calls = [c for c in status.calls if c.counter == number and c.kind != EventKind.ADMITTED]
    shown = calls[:HISTORY]
    return History(
        items=tuple(
            f"{c.code.replace('-', NB_HYPHEN)}{NBSP}{c.at:%H:%M}"
            + ("*" if c.kind == EventKind.RECALLED else "")
            for c in shown
        ),
        recalled=any(c.kind == EventKind.RECALLED for c in shown),
    )


# --- the visitor at the counter ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentView:
    """The finished document the visitor at the counter comes for: what to fetch."""

    kind: str  # "KK"
    number: str  # the registration number; the NIK is never shown here
    handed: bool  # handed over already (the desk, or this counter's Done)


def document_view(ref: DocumentRef | None) -> DocumentView | None:
    if ref is None:
        return None
    return DocumentView(
        ref.kind, ref.number.replace("-", NB_HYPHEN), ref.state == DocumentState.HANDED
    )


@dataclass(frozen=True, slots=True)
class CurrentView:
    """The ticket being served, and what the panel says under its number."""

    code: str
    service: str  # the line it is in now
    called_at: str | None  # "09:12"
    recalls: int
    group: int
    priority: bool
    transferred_from: str | None  # the service it was issued for, after a transfer
    document: DocumentView | None = None  # the finished document to fetch for the visitor


def current_view(ticket: Ticket | None) -> CurrentView | None:
    if ticket is None:
        return None
    return CurrentView(
        code=ticket.code,
        service=ticket.service,
        called_at=f"{ticket.called_at:%H:%M}" if ticket.called_at is not None else None,
        recalls=ticket.recalls,
        group=ticket.group,
        priority=ticket.priority,
        transferred_from=ticket.issued_for if ticket.service != ticket.issued_for else None,
        document=document_view(ticket.document),
    )


def transfer_choices(config: Config, ticket: Ticket) -> list[tuple[str, str]]:
    """The lines a ticket may be sent to: any other service not suspended."""
    return [
        (svc.prefix, f"{svc.prefix}  {config.service_name(svc.prefix)}")
        for svc in config.services
        if svc.prefix != ticket.service and not svc.suspended
    ]


def return_choices(config: Config, no_shows: Sequence[Ticket]) -> list[tuple[str, str]]:
    """Today's no-shows, each with its line, when and where it was called."""
    choices = []
    for t in no_shows:
        at = f"{t.finished_at:%H:%M}" if t.finished_at else "?"
        counter = config.counter(t.counter) if t.counter else None
        where = counter.label if counter else ""
        choices.append((t.code, f"{t.code}  {config.service_name(t.service)}  ·  {at}  {where}"))
    return choices


# --- the scan field ------------------------------------------------------------------------


def typed_verification(ticket: Ticket, language: str) -> Verification:
    """A number typed in (A-012): like a scan without a signature to check."""
    state = texts.state_word(language, ticket.state)
    return Verification(ticket.state in OPEN, None, f"{ticket.code}: {state}.", ticket)


def callable_ticket(scanned: Verification | None) -> Ticket | None:
    """The scanned ticket, when it may be called to this counter now: valid and in line."""
    if scanned is None or not scanned.ok or scanned.ticket is None:
        return None
    return scanned.ticket if scanned.ticket.state == TicketState.WAITING else None


def scanned_no_show(scanned: Verification | None) -> str | None:
    """The scanned ticket's number when it is a no-show: Return a no-show offers it first."""
    ticket = scanned.ticket if scanned is not None else None
    return ticket.code if ticket is not None and ticket.state == TicketState.NO_SHOW else None


class ScanHint(StrEnum):
    """What the panel suggests after a scan; the panel words each one."""

    CALL_IT = "call_it"  # Call this ticket calls it here
    ALREADY_CALLED = "already_called"  # to the counter in ScanView.counter
    WAITS_OUTSIDE = "waits_outside"  # callable once admitted into the hall
    RETURN_IT = "return_it"  # a no-show: Return a no-show puts it back in line


class ScanLevel(StrEnum):
    """The scan line's colour (its ``level`` style property)."""

    OK = "ok"  # callable here now
    NOTE = "note"  # a valid ticket that cannot be called now
    BAD = "bad"  # not a valid ticket of today


@dataclass(frozen=True, slots=True)
class ScanView:
    valid: bool
    message: str  # the queue's words about the ticket
    hint: ScanHint | None
    counter: int | None  # for ALREADY_CALLED
    level: ScanLevel
    can_call: bool

    @property
    def mark(self) -> str:
        return "✔" if self.valid else "✘"


def scan_view(result: Verification) -> ScanView:
    ticket = result.ticket
    hint: ScanHint | None = None
    if ticket is not None and result.ok:
        hint = {
            TicketState.WAITING: ScanHint.CALL_IT,
            TicketState.CALLED: ScanHint.ALREADY_CALLED,
            TicketState.OUTSIDE: ScanHint.WAITS_OUTSIDE,
        }.get(ticket.state)
    elif ticket is not None and ticket.state == TicketState.NO_SHOW:
        hint = ScanHint.RETURN_IT
    can_call = callable_ticket(result) is not None
    return ScanView(
        valid=result.ok,
        message=result.message,
        hint=hint,
        counter=ticket.counter if ticket is not None else None,
        level=ScanLevel.OK if can_call else ScanLevel.NOTE if result.ok else ScanLevel.BAD,
        can_call=can_call,
    )
