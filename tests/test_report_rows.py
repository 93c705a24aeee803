"""What the daily report window shows, decided without a window (gui/report/rows.py)."""

from __future__ import annotations

from collections.abc import Callable

from conftest import FakeClock

from counter_app.core.queue import Queue
from counter_app.core.report import daily_report
from counter_app.gui.report.rows import hall_line, table_rows


def test_rows_are_the_services_then_the_counters_then_the_whole_day(queue: Queue) -> None:
    queue.issue("A")
    report = daily_report(queue)
    rows = table_rows(report)
    services = [s.prefix for s in queue.config.services]
    counters = [str(c.number) for c in queue.config.counters]
    assert [r.key for r in rows] == [*services, *counters, ""]
    assert [r.whole_day for r in rows] == [False] * (len(rows) - 1) + [True]
    assert rows[0].name == f"A  {queue.config.services[0].name}"
    assert rows[-1].figures == report.total and rows[-1].figures.issued == 1
    assert table_rows(None) == []


def test_the_hall_line_of_a_day_nobody_came_in(queue: Queue) -> None:
    line = hall_line(daily_report(queue))
    assert line.peak is None and line.peak_time == ""
    assert line.limit == queue.config.capacity.limit
    assert line.limit_held and line.outside == 0


def test_the_hall_line_names_the_peak_and_its_time(queue: Queue, clock: FakeClock) -> None:
    ticket = queue.issue("A", group=2)
    clock.advance(minutes=3)
    queue.issue("B")
    report = daily_report(queue)
    line = hall_line(report)
    assert line.peak == 3 == report.peak_occupancy
    assert report.peak_at is not None
    assert line.peak_time == report.peak_at.strftime("%H:%M")
    assert ticket.group == 2


def test_the_hall_line_carries_the_minutes_blocked_with_places_free(
    make_queue: Callable[..., Queue], clock: FakeClock
) -> None:
    q = make_queue(capacity={"limit": 4, "when_full": "wait_outside"})
    q.issue("A")
    q.issue("A", group=4)  # waits outside with 3 places free
    clock.advance(minutes=7)
    line = hall_line(daily_report(q))
    assert line.blocked_minutes == 7 and line.full_minutes == 0
