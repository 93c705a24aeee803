"""What the daily report shows, decided without Qt: the table's rows and what the line
about the hall says. The window and its table model only put it into widgets."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.core.report import DayReport, Figures


@dataclass(frozen=True, slots=True)
class Row:
    key: str  # the service's prefix or the counter's number; "" for the whole day
    name: str  # "" for the whole day (the table says it in the window's language)
    figures: Figures

    @property
    def whole_day(self) -> bool:
        return self.key == ""


def table_rows(report: DayReport | None) -> list[Row]:
    """One row per service, one per counter, then the whole day."""
    if report is None:
        return []
    rows = [Row(s.prefix, f"{s.prefix}  {s.name}", s.figures) for s in report.services]
    rows += [Row(str(c.number), c.name, c.figures) for c in report.counters]
    rows.append(Row("", "", report.total))
    return rows


@dataclass(frozen=True, slots=True)
class HallLine:
    """The facts of the line under the table: the peak (None when nobody came in),
    whether the limit held, the minutes full and the tickets that waited outside."""

    peak: int | None
    limit: int
    peak_time: str  # "HH:MM", or "" without a peak
    limit_held: bool
    full_minutes: float
    outside: int
    blocked_minutes: float = 0.0  # places free, but the group first outside did not fit


def hall_line(report: DayReport) -> HallLine:
    peak_at = report.peak_at
    return HallLine(
        peak=None if peak_at is None else report.peak_occupancy,
        limit=report.limit,
        peak_time="" if peak_at is None else peak_at.strftime("%H:%M"),
        limit_held=report.limit_held,
        full_minutes=report.full_minutes,
        outside=report.issued_outside,
        blocked_minutes=report.blocked_minutes,
    )
