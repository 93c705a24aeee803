"""What the ticket desk shows, worked out from the queue's Status: plain values, no Qt.

The window (desk/window.py) only puts these values into its widgets and turns the
reasons below into its translated words (Qt Linguist, context ``DeskWindow``). Which
service may issue and why not, how full the gauge looks, which banner hangs over the
hall and what the printer light says are decided here, where a test can check them
without a window. Whether the hall is full is core/hall.py's answer, never our own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from counter_app.core.config import Config, WhenFull
from counter_app.core.hall import Entry, HallState, arrival, could_ever_enter, places_free
from counter_app.core.model import OPEN, ServiceStatus, Status, Ticket, TicketState
from counter_app.printing.job import PrinterState

AMBER_AT = 0.7  # share of the hall's limit where the gauge turns amber
SERVICE_KEYS = tuple(f"F{n}" for n in range(1, 10))
FAILED_SHOWN = 6  # unprinted numbers named under the buttons; more end in "…"


# --- the service buttons ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ServiceGrid:
    """How the service buttons are laid out: nine services still fit 768 pixels, with
    the last six tickets in sight under them."""

    columns: int
    rows: int
    button_height: int
    compact: bool  # three rows: a reason takes the quota's line (the quota goes to the tooltip)


def service_grid(count: int) -> ServiceGrid:
    columns = 2 if count <= 4 else 3
    rows = -(-count // columns)
    # one row of big buttons; two rows of 84 px; three rows of 58 px with two lines each
    height = {1: 112, 2: 84}.get(rows, 58)
    return ServiceGrid(columns, rows, height, compact=rows > 2)


def service_key(index: int) -> str:
    """The F key of the ``index``-th service (from 0); none after the ninth."""
    return SERVICE_KEYS[index] if index < len(SERVICE_KEYS) else ""


def service_keys_text(count: int) -> str:
    """The F keys the desk's services have, for its heading: "F1", "F1–F3", "F1–F9"."""
    last = min(count, len(SERVICE_KEYS))
    if last <= 1:
        return SERVICE_KEYS[0] if last else ""
    return f"{SERVICE_KEYS[0]}–{SERVICE_KEYS[last - 1]}"


class Refusal(StrEnum):
    """Why a service cannot issue now; the window words each one."""

    SUSPENDED = "suspended"
    CLOSED = "closed"
    QUOTA_USED_UP = "quota_used_up"
    HALL_FULL = "hall_full"  # no place free, and nobody may wait outside
    NO_ROOM = "no_room"  # places free, but fewer than the group needs (and no waiting outside)
    TOO_LARGE = "too_large"  # the group is larger than the whole hall


def _entry(status: Status, group: int) -> Entry:
    """Where a ticket for ``group`` persons issued now would go: the queue's own rule
    (core/hall.py's arrival), asked with the same numbers the queue's transaction uses."""
    return arrival(
        status.occupancy,
        status.outside_groups,
        group,
        status.limit,
        wait_outside=status.when_full == WhenFull.WAIT_OUTSIDE,
        max_pass=status.max_pass,
        passed=status.head_passed,
    ).entry


def refusal(status: Status, svc: ServiceStatus, group: int = 1) -> Refusal | None:
    """Why this service cannot issue a ticket for ``group`` persons now, the most telling
    reason first; None when it can. The hall's answer is the queue's, so a button is
    never enabled for a ticket the queue would refuse."""
    if svc.suspended:
        return Refusal.SUSPENDED
    if not status.open_now:
        return Refusal.CLOSED
    if svc.quota_left <= 0:
        return Refusal.QUOTA_USED_UP
    if _entry(status, group) is Entry.REFUSED:
        if not could_ever_enter(group, status.limit):
            return Refusal.TOO_LARGE
        return Refusal.HALL_FULL if status.hall_full else Refusal.NO_ROOM
    return None


def new_tickets_wait_outside(status: Status, group: int = 1) -> bool:
    """A ticket for ``group`` persons issued now would wait outside; in "fit" order a
    small group that fits past a head that does not is not told to wait."""
    return _entry(status, group) is Entry.OUTSIDE


def quota_low(svc: ServiceStatus) -> bool:
    """Few numbers left today: five, or a tenth of the quota if that is more."""
    return 0 < svc.quota_left <= max(5, svc.quota // 10)


@dataclass(frozen=True, slots=True)
class ServiceView:
    """One service button: its name, its quota line and whether it may issue."""

    prefix: str
    name: str
    left: int  # numbers left of today's quota
    quota: int
    waiting: int  # tickets in its line, inside and outside
    low: bool  # few numbers left: the quota line stands out
    refusal: Refusal | None  # disables the button, and says why
    notice: str  # the suspension notice, for Refusal.SUSPENDED
    waits_outside: bool  # informs only: a ticket issued now waits outside
    group: int = 1  # the persons the ticket is for (the desk's group choice)
    free: int = 0  # places free in the hall now, for Refusal.NO_ROOM
    limit: int = 0  # the hall's limit, for Refusal.TOO_LARGE

    @property
    def can_issue(self) -> bool:
        return self.refusal is None

    @property
    def shows_quota(self) -> bool:
        """A suspended service issues nothing today: no "0 of 0 left" under its name."""
        return self.refusal != Refusal.SUSPENDED


def service_view(
    status: Status, svc: ServiceStatus, config: Config, *, group: int = 1
) -> ServiceView:
    """One button, for a ticket of ``group`` persons (the desk's group choice)."""
    why = refusal(status, svc, group)
    return ServiceView(
        prefix=svc.prefix,
        name=config.service_name(svc.prefix),
        left=svc.quota_left,
        quota=svc.quota,
        waiting=svc.waiting + svc.outside,
        low=quota_low(svc),
        refusal=why,
        notice=svc.suspended or "",
        waits_outside=why is None and new_tickets_wait_outside(status, group),
        group=group,
        free=places_free(status.occupancy, status.limit),
        limit=status.limit,
    )


# --- the hall --------------------------------------------------------------------------------


class Gauge(StrEnum):
    """The capacity bar's colour beyond green (its ``level`` style property)."""

    AMBER = "amber"
    FULL = "full"


class Banner(StrEnum):
    """The notice over the hall (its ``level`` style property): no tickets, or they wait."""

    FULL = "full"  # no tickets until visitors leave
    BLOCKED = "blocked"  # places free, but the group first outside needs more
    OUTSIDE = "outside"  # new tickets wait outside until called in


@dataclass(frozen=True, slots=True)
class CapacityView:
    occupancy: int
    limit: int
    gauge_maximum: int  # never 0, so the bar draws
    gauge_value: int  # never beyond the maximum, even over a lowered limit
    gauge: Gauge | None  # None: green
    free: int  # places free now (core/hall.py)
    wait_outside: bool  # the office lets visitors wait outside a full hall
    outside: int  # tickets waiting outside
    outside_persons: int
    banner: Banner | None
    head_code: str | None = None  # the group first outside, which the hall waits for
    head_group: int | None = None

    @property
    def value_text(self) -> str:
        return f"{self.occupancy} / {self.limit}"

    @property
    def outside_busy(self) -> bool:
        """Someone waits outside: the line under the gauge stands out."""
        return self.outside > 0


def capacity_view(status: Status) -> CapacityView:
    maximum = max(1, status.limit)
    if status.hall_full:
        gauge: Gauge | None = Gauge.FULL
    elif status.occupancy / maximum >= AMBER_AT:
        gauge = Gauge.AMBER
    else:
        gauge = None
    wait_outside = status.when_full == WhenFull.WAIT_OUTSIDE
    if status.hall_full and not wait_outside:
        banner: Banner | None = Banner.FULL
    elif status.hall_state is HallState.BLOCKED:  # not "full": say whom the hall waits for
        banner = Banner.BLOCKED
    elif new_tickets_wait_outside(status):
        banner = Banner.OUTSIDE
    else:
        banner = None
    return CapacityView(
        occupancy=status.occupancy,
        limit=status.limit,
        gauge_maximum=maximum,
        gauge_value=min(status.occupancy, maximum),
        gauge=gauge,
        free=places_free(status.occupancy, status.limit),
        wait_outside=wait_outside,
        outside=status.outside,
        outside_persons=status.outside_persons,
        banner=banner,
        head_code=status.head_code,
        head_group=status.head_group,
    )


# --- tickets and the printer -------------------------------------------------------------------


def failed_codes(failed: Sequence[Ticket]) -> str:
    """The numbers not printed, the first few by name: "A-001, B-002 …"; "" for none."""
    codes = ", ".join(t.code for t in failed[:FAILED_SHOWN])
    return codes + (" …" if len(failed) > FAILED_SHOWN else "")


@dataclass(frozen=True, slots=True)
class TicketActions:
    """What the desk may do with the ticket selected under "Last tickets issued"."""

    reprint: bool
    cancel: bool


def ticket_actions(ticket: Ticket | None, *, printing: bool) -> TicketActions:
    """A ticket still open may be printed again (when this desk prints) and cancelled; a
    no-show may be cancelled too, so it is not returned to the line later."""
    if ticket is None:
        return TicketActions(reprint=False, cancel=False)
    live = ticket.state in OPEN
    return TicketActions(
        reprint=live and printing, cancel=live or ticket.state == TicketState.NO_SHOW
    )


class PrinterWords(StrEnum):
    """Which words the printer light shows; REASON shows the printer's own reason."""

    OFF = "off"
    PREVIEW = "preview"
    READY = "ready"
    REASON = "reason"


@dataclass(frozen=True, slots=True)
class PrinterLight:
    level: str  # ok, warning, error or off: the light's colour
    words: PrinterWords
    reason: str  # the printer's words, for REASON and the tooltip


def printer_light(state: PrinterState) -> PrinterLight:
    if state.code == "off":
        return PrinterLight("off", PrinterWords.OFF, state.reason)
    if state.code == "preview":
        return PrinterLight("ok", PrinterWords.PREVIEW, state.reason)
    if state.ok and state.level == "ok":
        return PrinterLight("ok", PrinterWords.READY, state.reason)
    return PrinterLight(state.level, PrinterWords.REASON, state.reason)
