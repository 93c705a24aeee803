"""What the phone pages show, as plain values in the visitor's language.

One function per page turns what the queue read into words; the templates only lay them
out, and the live updates carry the same values, so a page with or without JavaScript
says the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from counter_app.core.config import Config
from counter_app.core.hall import HallState
from counter_app.core.model import Snapshot, Status, Ticket, TicketState
from counter_app.core.words import text
from counter_app.web.words import word

# A ticket let in from outside says "come in now" this long; after that it waits inside
# like everyone else (the alert has long been given).
COME_IN_FOR = timedelta(minutes=15)
ALERT_STATES = ("come_in", "called")
# The states in which the page may still alert (a call, a recall, "come in"): they offer the
# sound-and-vibration switch, on the first screen.
MAY_ALERT = ("outside", "come_in", "waiting", "called")


@dataclass(frozen=True, slots=True)
class CounterLine:
    label: str
    current: str  # the ticket being served, or a dash


@dataclass(frozen=True, slots=True)
class Hall:
    occupancy: int
    limit: int
    outside: int
    full: bool
    text: str
    outside_text: str | None
    # places free, but the group first outside needs more: said where "full" would be
    blocked_text: str | None = None


@dataclass(frozen=True, slots=True)
class Around:
    """What every ticket's page shows of the hall at one moment, in one language: worked
    out (and its HTML rendered) once per read, however many tickets are followed."""

    hall: Hall
    counters: tuple[CounterLine, ...]
    updated: str


@dataclass(frozen=True, slots=True)
class TicketView:
    lang: str
    code: str
    service: str
    state: str  # outside, come_in, waiting, called, done, no_show, cancelled
    headline: str
    detail: str
    ahead: str | None
    minutes: str | None
    alert: str | None  # changes whenever the visitor must act: "called:2:0" ...
    alert_text: str | None
    may_alert: bool  # the page offers the sound-and-vibration switch
    hall: Hall
    counters: tuple[CounterLine, ...]
    updated: str
    offline: bool

    def own(self) -> tuple[object, ...]:
        """What the ticket's own lines show (_ticket_own.html), without the hall's: the
        same from one read to the next for most tickets, whose HTML is then kept."""
        return (
            self.lang,
            self.code,
            self.service,
            self.state,
            self.headline,
            self.detail,
            self.ahead,
            self.minutes,
            self.may_alert,
            self.offline,
        )


@dataclass(frozen=True, slots=True)
class ServiceLine:
    name: str
    text: str
    suspended: bool


@dataclass(frozen=True, slots=True)
class BoardView:
    lang: str
    office: str
    hall: Hall
    counters: tuple[CounterLine, ...]
    calls: tuple[str, ...]
    services: tuple[ServiceLine, ...]
    closed: bool
    updated: str
    offline: bool
    notes: tuple[str, ...] = field(default=())


def counter_label(cfg: Config, number: int | None, lang: str) -> str:
    counter = cfg.counter(number) if number is not None else None
    if counter is None:
        return text("counter.label", lang, n=number or "?")
    if counter.name is None and lang == "en":
        return text("counter.label", lang, n=counter.number)
    return counter.label


def _hall(status: Status, lang: str) -> Hall:
    outside = status.outside
    return Hall(
        occupancy=status.occupancy,
        limit=status.limit,
        outside=outside,
        full=status.hall_full,
        text=word(lang, "hall", occupancy=status.occupancy, limit=status.limit),
        outside_text=word(lang, "hall_outside", n=outside) if outside else None,
        blocked_text=status.blocked_text(lang),
    )


def _counters(cfg: Config, status: Status, lang: str) -> tuple[CounterLine, ...]:
    return tuple(
        CounterLine(
            label=counter_label(cfg, c.number, lang),
            current=c.current.code if c.current else word(lang, "counter_idle"),
        )
        for c in status.counters
    )


def _updated(status: Status, lang: str) -> str:
    return word(lang, "updated", time=f"{status.now:%H:%M:%S}")


def around(cfg: Config, status: Status, lang: str) -> Around:
    return Around(_hall(status, lang), _counters(cfg, status, lang), _updated(status, lang))


def state_of(ticket: Ticket, now: datetime) -> str:
    if ticket.state == TicketState.WAITING and ticket.waited_outside:
        assert ticket.admitted_at is not None
        if now - ticket.admitted_at < COME_IN_FOR:
            return "come_in"
    return str(ticket.state.value)


def _detail_key(state: str, ticket: Ticket, status: Status) -> str:
    """Outside, "the hall is full" only when it is (HallState.FULL): with places free
    behind a group that does not fit, the visitor waits for that group, or is that group."""
    if state == "outside" and status.hall_state is HallState.BLOCKED:
        return (
            "detail_outside_head" if ticket.code == status.head_code else "detail_outside_blocked"
        )
    return f"detail_{state}"


def ticket_view(
    cfg: Config,
    snap: Snapshot,
    code: str,
    lang: str,
    *,
    offline: bool,
    shared: Around | None = None,
) -> TicketView:
    """The page of one ticket; ``code`` must be in the snapshot. ``shared``: the snapshot's
    ``around`` in this language, when the caller already has it."""
    ticket = snap.tickets[code]
    status = snap.status
    if shared is None:
        shared = around(cfg, status, lang)
    state = state_of(ticket, status.now)
    counter = counter_label(cfg, ticket.counter, lang)
    ahead = minutes = alert = alert_text = None
    if state == "outside":  # the door first: the tickets before it outside go in first
        ahead = (
            word(lang, "ahead_outside", n=ticket.ahead, persons=ticket.ahead_persons)
            if ticket.ahead
            else word(lang, "next_in")
        )
        if ticket.estimated_minutes:  # never "soon" while they may not come in
            minutes = word(lang, "minutes", m=ticket.estimated_minutes)
    elif state in ("come_in", "waiting"):
        ahead = word(lang, "ahead", n=ticket.ahead) if ticket.ahead else word(lang, "ahead_none")
        minutes = (
            word(lang, "minutes", m=ticket.estimated_minutes)
            if ticket.estimated_minutes
            else word(lang, "minutes_soon")
        )
    if state == "called":
        alert = f"called:{ticket.counter}:{ticket.recalls}"  # a recall alerts again
        alert_text = word(lang, "alert_called", code=ticket.code, counter=counter)
    elif state == "come_in":
        alert = "come_in"
        alert_text = word(lang, "alert_come_in", code=ticket.code)
    return TicketView(
        lang=lang,
        code=ticket.code,
        service=cfg.service_name(ticket.service, lang),
        state=state,
        headline=word(lang, f"state_{state}", counter=counter),
        detail=word(lang, _detail_key(state, ticket, status), counter=counter),
        ahead=ahead,
        minutes=minutes,
        alert=alert,
        alert_text=alert_text,
        may_alert=state in MAY_ALERT,
        hall=shared.hall,
        counters=shared.counters,
        updated=shared.updated,
        offline=offline,
    )


def board_view(cfg: Config, status: Status, lang: str, *, offline: bool) -> BoardView:
    """What the lobby display shows, for phones outside the hall."""
    calls = tuple(
        word(lang, "call_admitted", code=c.code)
        if c.kind == "admitted"
        else word(lang, "call_called", code=c.code, counter=counter_label(cfg, c.counter, lang))
        for c in status.calls
    )
    services = []
    for s in status.services:
        name = cfg.service_name(s.prefix, lang)
        if s.suspended:
            services.append(ServiceLine(name, s.suspended, True))
            continue
        parts = [word(lang, "line_waiting", n=s.waiting + s.outside)]
        parts.append(
            word(lang, "line_left", n=s.quota_left) if s.quota_left else word(lang, "line_full")
        )
        services.append(ServiceLine(name, " · ".join(parts), False))
    return BoardView(
        lang=lang,
        office=cfg.office.name,
        hall=_hall(status, lang),
        counters=_counters(cfg, status, lang),
        calls=calls,
        services=tuple(services),
        closed=not status.open_now,
        updated=_updated(status, lang),
        offline=offline,
    )
