"""What the queue commands print for people (``--json`` prints the objects themselves)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.core import texts, words
from counter_app.core.config import Config, WhenFull
from counter_app.core.model import Status, Ticket, Verification

if TYPE_CHECKING:
    from counter_app.core.report import DayReport


def describe_ticket(t: Ticket, cfg: Config) -> str:
    lang = cfg.office.language
    svc = cfg.service(t.service)
    lines = [
        f"{t.code}  {svc.name if svc else t.service}",
        f"  {texts.state_word(lang, t.state)}"
        + (f" -> {'loket' if lang == 'id' else 'counter'} {t.counter}" if t.counter else ""),
        f"  {t.issued_at:%Y-%m-%d %H:%M} ({cfg.office.timezone})",
    ]
    if t.group > 1:
        lines.append(f"  {t.group} {'orang' if lang == 'id' else 'persons'}")
    if t.priority:
        lines.append("  PRIORITAS" if lang == "id" else "  PRIORITY")
    if t.state == "outside":  # the door first: the tickets before it outside go in first
        if t.ahead:
            door = words.text("ticket.ahead_outside", lang, n=t.ahead, persons=t.ahead_persons)
        else:
            door = words.text("ticket.next_in", lang)
        minutes = words.text("cli.minutes", lang, n=t.estimated_minutes)
        lines.append(f"  {door}" + (f", {minutes}" if t.estimated_minutes else ""))
    elif t.state == "waiting":
        ahead = words.text("cli.ahead", lang, n=t.ahead)
        lines.append(f"  {ahead}, {words.text('cli.minutes', lang, n=t.estimated_minutes)}")
    if t.document is not None:
        state = words.text(f"cli.document_{t.document.state}", lang)
        lines.append(f"  {t.document.kind} {t.document.number} ({state})")
    lines.append(f"  QR {t.qr}")
    printed = words.text(
        "cli.print", lang, status=words.text(f"cli.print.{t.print_status.value}", lang)
    )
    lines.append(f"  {printed}" + (f" ({t.print_error})" if t.print_error else ""))
    return "\n".join(lines)


def describe_status(st: Status, lang: str = "en") -> str:
    mode = (
        ""
        if st.when_full == WhenFull.REFUSE
        else ", " + words.text("cli.hall_outside", lang, n=st.outside, persons=st.outside_persons)
    )
    hall = words.text("cli.hall", lang, occupancy=st.occupancy, limit=st.limit)
    closed = "" if st.open_now else f"  [{words.text('cli.closed', lang)}]"
    lines = [f"{st.day}  {hall}{mode}{closed}"]
    for s in st.services:
        notice = f"  [{s.suspended}]" if s.suspended else ""
        line = words.text(
            "cli.service",
            lang,
            prefix=s.prefix,
            name=s.name,
            waiting=s.waiting,
            outside=s.outside,
            issued=s.issued,
            quota=s.quota,
            left=s.quota_left,
        )
        lines.append(f"  {line}{notice}")
    for c in st.counters:
        current = c.current.code if c.current else "-"
        line = words.text(
            "cli.counter",
            lang,
            name=c.name,
            current=current,
            served=c.served_today,
            no_shows=c.no_shows_today,
        )
        lines.append(f"  {line}")
    return "\n".join(lines)


def describe_report(r: DayReport, lang: str = "en") -> str:
    """The CSV's rows as an aligned table, then the hall and the arrivals per hour."""
    from counter_app.core.report import CSV_COLUMNS  # the report's code only for `report`

    columns = [
        c
        for c in CSV_COLUMNS
        if c
        not in (
            "day",
            "peak_occupancy",
            "capacity_limit",
            "full_minutes",
            "blocked_minutes",
            "booked",
            "checked_in",
            "lapsed",
        )
    ]
    rows = [{**row, "name": row["name"] or "*"} for row in r.csv_rows()]
    widths = {c: max(len(c), *(len(row[c]) for row in rows)) for c in columns}
    lines = [f"{r.day}"]
    lines.append("  ".join(c.ljust(widths[c]) for c in columns).rstrip())
    for row in rows:
        lines.append("  ".join(row[c].ljust(widths[c]) for c in columns).rstrip())
    peak = words.text("cli.report_at", lang, time=f"{r.peak_at:%H:%M}") if r.peak_at else ""
    held = words.text("cli.limit_held" if r.limit_held else "cli.limit_exceeded", lang)
    hall = words.text(
        "cli.report_hall",
        lang,
        peak=r.peak_occupancy,
        limit=r.limit,
        at=peak,
        held=held,
        full=f"{r.full_minutes:g}",
        blocked=f"{r.blocked_minutes:g}",  # places free, the group first outside too big
        outside=r.issued_outside,
    )
    lines.append(hall)
    for b in r.bookings:
        lines.append(
            words.text(
                "cli.report_bookings",
                lang,
                prefix=b.prefix,
                booked=b.booked,
                checked_in=b.checked_in,
                lapsed=b.lapsed,
                cancelled=b.cancelled,
            )
        )
    for d in r.documents:
        lines.append(
            words.text(
                "cli.report_documents",
                lang,
                kind=d.kind,
                handed=d.handed,
                not_collected=d.not_collected,
            )
        )
    hours = [f"{h:02d}:{n}" for h, n in enumerate(r.arrivals) if n]
    lines.append(words.text("cli.arrivals", lang, hours=" ".join(hours) or "-"))
    return "\n".join(lines)


def describe_verification(v: Verification, lang: str = "en") -> str:
    return f"{words.text('cli.valid' if v.ok else 'cli.invalid', lang)}  {v.message}"
