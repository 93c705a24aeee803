"""What the desk's list of today's bookings shows: plain values, no Qt.

The dialog (desk/bookings.py) only puts these into its table. A booking still to come
whose window and grace have passed is shown "late" (it lapses or joins the end of the
line when it comes, by ``[booking] late``); the NIK is masked but for its last four
digits, which staff may search by.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from counter_app.core.booking import is_late
from counter_app.core.config import Config
from counter_app.core.model import Booking


class Shown(StrEnum):
    """A booking's state as the desk shows it: the stored one, or late."""

    BOOKED = "booked"
    LATE = "late"  # booked, its window and grace have passed
    CHECKED_IN = "checked_in"
    LAPSED = "lapsed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class BookingRow:
    code: str
    window: str  # "09:30-10:00"
    service: str
    nik: str  # masked
    shown: Shown
    ticket: str  # the ticket's code once checked in, else ""


def shown_state(b: Booking, config: Config, now: datetime) -> Shown:
    if b.state == "booked" and is_late(config, b.window_end, now):
        return Shown.LATE
    return Shown(b.state)


def matches(b: Booking, search: str) -> bool:
    """Search by number ("AD-005", "ad5", "5") or by the NIK's last digits ("0001")."""
    wanted = "".join(ch for ch in search.upper() if ch.isascii() and ch.isalnum())
    if not wanted:
        return True
    series = b.code.split("-")[0]
    if wanted.isdigit():
        return b.nik.endswith(wanted) or int(wanted) == b.number
    letters = wanted.rstrip("0123456789")
    digits = wanted[len(letters) :]
    if not series.startswith(letters):
        return False
    return not digits or int(digits) == b.number


def booking_rows(
    bookings: Sequence[Booking], config: Config, now: datetime, search: str = ""
) -> list[BookingRow]:
    zone = config.office.zone
    return [
        BookingRow(
            code=b.code,
            window=f"{b.window_start.astimezone(zone):%H:%M}-{b.window_end.astimezone(zone):%H:%M}",
            service=config.service_name(b.service),
            nik=b.masked_nik,
            shown=shown_state(b, config, now),
            ticket=b.ticket_code or "",
        )
        for b in bookings
        if matches(b, search)
    ]


def tally(bookings: Sequence[Booking], config: Config, now: datetime) -> dict[Shown, int]:
    counts = dict.fromkeys(Shown, 0)
    for b in bookings:
        counts[shown_state(b, config, now)] += 1
    return counts
