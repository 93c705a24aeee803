"""bookings and check-in: the day's numbers booked from home, and a visitor at the door."""

from __future__ import annotations

import argparse
import csv
import io

from counter_app.core import words
from counter_app.core.config import Config
from counter_app.core.files import save_text
from counter_app.core.model import Booking
from counter_app.core.queue import open_queue

from .describe import describe_ticket
from .failures import EXIT_OK
from .output import emit
from .reports import day_option

CSV_COLUMNS = (
    "code", "service", "day", "window_start", "window_end", "state", "nik", "phone",
    "booked_at", "ticket", "document_kind", "document_number",
)  # fmt: skip


def _line(b: Booking, cfg: Config) -> str:
    lang = cfg.office.language
    zone = cfg.office.zone
    start, end = b.window_start.astimezone(zone), b.window_end.astimezone(zone)
    state = words.text(f"booking.state_{b.state}", lang)
    ticket = f" -> {b.ticket_code}" if b.ticket_code and b.ticket_code != b.code else ""
    document = f"  {b.document.kind} {b.document.number}" if b.document else ""
    return (
        f"{b.code}  {start:%H:%M}-{end:%H:%M}  {b.masked_nik}  "
        f"{cfg.service_name(b.service)}  {state}{ticket}{document}"
    )


def _csv_text(bookings: list[Booking], cfg: Config) -> str:
    """The export for the back office: the whole NIK and phone, and the finished document
    each booking comes for, which staff fetch before the visitors come; keep the file
    where only staff can read it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    zone = cfg.office.zone
    for b in bookings:
        writer.writerow(
            [
                b.code, cfg.service_name(b.service), b.day.isoformat(),
                b.window_start.astimezone(zone).strftime("%H:%M"),
                b.window_end.astimezone(zone).strftime("%H:%M"),
                b.state, b.nik, b.phone or "",
                b.booked_at.astimezone(zone).isoformat(timespec="seconds"), b.ticket_code or "",
                b.document.kind if b.document else "", b.document.number if b.document else "",
            ]
        )  # fmt: skip
    return out.getvalue()


def bookings(args: argparse.Namespace, cfg: Config) -> int:
    day = day_option(args.date)
    queue = open_queue(cfg)
    day = day or queue.today()
    found = queue.bookings_of_day(day)
    if args.csv is not None:
        save_text(args.csv, _csv_text(found, cfg))
    lang = cfg.office.language
    spelled = words.spelled_date(day, lang)
    head = words.text("cli.bookings", lang, day=spelled, n=len(found))
    human = "\n".join([head, *(_line(b, cfg) for b in found)])
    emit(args, {"day": day.isoformat(), "bookings": [b.as_json() for b in found]}, human)
    return EXIT_OK


def check_in(args: argparse.Namespace, cfg: Config) -> int:
    booking, ticket = open_queue(cfg).check_in(args.key, printing=False)
    lang = cfg.office.language
    human = "\n".join(
        [words.text("cli.checked_in", lang, code=booking.code), describe_ticket(ticket, cfg)]
    )
    emit(args, {**ticket.as_json(), "booking": booking.as_json()}, human)
    return EXIT_OK
