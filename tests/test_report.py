"""The daily report against a day worked out by hand, on SQLite and PostgreSQL.

The day (office time, Monday 30 November 2026; hall limit 4, wait outside when full;
counters 1 [A, B], 2 [B, A], 3 [A]):

    09:00 A-001 issued                       occupancy 1
    09:02 A-002 issued, a group of 2         3
    09:04 B-001 issued                       4  the hall is full from here
    09:05 A-003 issued: waits outside        4
    09:10 counter 1 calls A-001              wait 10
    09:14 counter 1: A-001 done              service 4; A-003 let in, still 4
    09:15 counter 2 calls B-001              wait 11
    09:20 counter 2: B-001 no-show           3  not full: 16 minutes full so far
    09:21 counter 3 calls A-002              wait 19
    09:25 A-002 transferred to B
    09:26 counter 2 calls A-002 (line B)     no new wait
    09:30 B-001 comes back (returned)        4  full again
    09:33 counter 2: A-002 done (line B)     service 7; 2: 3 more minutes full
    09:35 counter 1 calls A-003              wait 30 (waiting outside counts)
    09:40 counter 1: A-003 done              service 5; 1
    09:41 counter 1 calls B-001 again        no new wait
    09:45 counter 1: B-001 done (line B)     service 4; 0
    09:46 A-004 issued                       1
    09:48 counter 3 calls A-004              wait 2
    09:49 counter 3: A-004 no-show           0
    09:50 B-002 issued                       1
    09:52 B-002 cancelled                    0
    10:05 A-005 issued, left waiting         1

Service A: issued 5, served 2 (A-001, A-003; A-002 was served in line B), no-show 1,
open 1; waits 10, 19, 30, 2 -> median 14.5, p90 30; service 4, 5 -> median 4.5.
Service B: issued 2, served 2 (B-001, A-002), cancelled 1; wait 11; service 7, 4 -> 5.5.
Counter 1: served 3; waits 10, 30 -> median 20, p90 30; service 4, 5, 4 -> 4.
Counter 2: served 1 (B-001's no-show there ended in a serve at counter 1); wait 11; service 7.
Counter 3: no-show 1; waits 19, 2 -> median 10.5, p90 19.
Whole day: issued 7, served 4, no-show 1, cancelled 1, open 1; waits 2, 10, 11, 19, 30 ->
median 11, p90 30; service 4, 4, 5, 7 -> 4.5. Peak 4 at 09:04, full 16 + 3 = 19 minutes,
one ticket waited outside. Arrivals: 6 in the 9 o'clock hour, 1 in the 10 o'clock hour.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, time, timedelta

import pytest
from conftest import FakeClock

from counter_app.core.queue import Queue
from counter_app.core.report import DayReport, Figures, daily_report, figures_from_csv, p90

DAY = date(2026, 11, 30)


def play_the_day(q: Queue, clock: FakeClock) -> None:
    start = clock.moment  # 09:00 WITA

    def at(minute: int) -> None:
        clock.moment = start + timedelta(minutes=minute)

    steps: list[tuple[int, Callable[[], object]]] = [
        (0, lambda: q.issue("A")),
        (2, lambda: q.issue("A", group=2)),
        (4, lambda: q.issue("B")),
        (5, lambda: q.issue("A")),
        (10, lambda: q.call_next(1)),
        (14, lambda: q.done(1)),
        (15, lambda: q.call_next(2)),
        (20, lambda: q.no_show(2)),
        (21, lambda: q.call_next(3)),
        (25, lambda: q.transfer("A-002", "B")),
        (26, lambda: q.call_next(2)),
        (30, lambda: q.return_ticket("B-001")),
        (33, lambda: q.done(2)),
        (35, lambda: q.call_next(1)),
        (40, lambda: q.done(1)),
        (41, lambda: q.call_next(1)),
        (45, lambda: q.done(1)),
        (46, lambda: q.issue("A")),
        (48, lambda: q.call_next(3)),
        (49, lambda: q.no_show(3)),
        (50, lambda: q.issue("B")),
        (52, lambda: q.cancel("B-002")),
        (65, lambda: q.issue("A")),
    ]
    for minute, step in steps:
        at(minute)
        step()
    at(70)  # 10:10, when the head of the office asks


@pytest.fixture
def day_queue(make_queue: Callable[..., Queue], clock: FakeClock) -> Queue:
    q = make_queue(capacity={"limit": 4, "when_full": "wait_outside"})
    play_the_day(q, clock)
    return q


def fig(
    issued: int | None,
    served: int,
    no_show: int,
    cancelled: int,
    open_: int,
    wait: tuple[float | None, float | None],
    service: float | None,
) -> Figures:
    return Figures(issued, served, no_show, cancelled, open_, wait[0], wait[1], service)


EXPECTED_SERVICES = {
    "A": fig(5, 2, 1, 0, 1, (14.5, 30), 4.5),
    "B": fig(2, 2, 0, 1, 0, (11, 11), 5.5),
    "C": fig(0, 0, 0, 0, 0, (None, None), None),
}
EXPECTED_COUNTERS = {
    1: fig(None, 3, 0, 0, 0, (20, 30), 4),
    2: fig(None, 1, 0, 0, 0, (11, 11), 7),
    3: fig(None, 0, 1, 0, 0, (10.5, 19), None),
}
EXPECTED_TOTAL = fig(7, 4, 1, 1, 1, (11, 30), 4.5)


def test_the_report_matches_the_day_worked_out_by_hand(day_queue: Queue) -> None:
    report = daily_report(day_queue, DAY)
    assert {s.prefix: s.figures for s in report.services} == EXPECTED_SERVICES
    assert {c.number: c.figures for c in report.counters} == EXPECTED_COUNTERS
    assert report.total == EXPECTED_TOTAL
    assert (report.peak_occupancy, report.limit, report.limit_held) == (4, 4, True)
    assert report.peak_at is not None and report.peak_at.time() == time(9, 4)
    assert report.full_minutes == 19
    assert report.issued_outside == 1
    arrivals = {h: n for h, n in enumerate(report.arrivals) if n}
    assert arrivals == {9: 6, 10: 1}
    by_service = {s.prefix: {h: n for h, n in enumerate(s.arrivals) if n} for s in report.services}
    assert by_service == {"A": {9: 4, 10: 1}, "B": {9: 2}, "C": {}}
    # the occupancy steps replay the hall: the last is the one person still waiting
    assert max(n for _at, n in report.occupancy) == 4
    assert report.occupancy[-1][1] == 1
    assert [s.name for s in report.services][:2] == ["Pengambilan Dokumen", "Legalisasi"]


def test_the_day_change_closes_the_open_ticket_as_cancelled(
    day_queue: Queue, clock: FakeClock
) -> None:
    clock.next_day()
    day_queue.issue("B")  # the first operation of the next day expires A-005
    report = daily_report(day_queue, DAY)
    a = next(s for s in report.services if s.prefix == "A")
    assert (a.figures.cancelled, a.figures.open) == (1, 0)
    assert (report.total.cancelled, report.total.open) == (2, 0)
    assert report.full_minutes == 19  # the expiry next morning counts at midnight
    assert report.occupancy[-1][0].time() == time(0, 0)
    assert report.occupancy[-1][1] == 0
    today = daily_report(day_queue)  # the next day has only its own ticket
    assert (today.day, today.total.issued, today.total.cancelled) == (date(2026, 12, 1), 1, 0)


def test_the_csv_parses_back_to_the_same_figures(day_queue: Queue) -> None:
    report = daily_report(day_queue, DAY)
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert {
        "service",
        "counter",
        "issued",
        "served",
        "no_show",
        "cancelled",
        "wait_median_min",
        "wait_p90_min",
        "service_median_min",
    } <= set(rows[0])
    services = {r["service"]: figures_from_csv(r) for r in rows if r["service"]}
    counters = {int(r["counter"]): figures_from_csv(r) for r in rows if r["counter"]}
    totals = [figures_from_csv(r) for r in rows if not r["service"] and not r["counter"]]
    assert services == EXPECTED_SERVICES
    assert counters == EXPECTED_COUNTERS
    assert totals == [EXPECTED_TOTAL]
    assert {(r["peak_occupancy"], r["capacity_limit"], r["full_minutes"]) for r in rows} == {
        ("4", "4", "19.0")
    }


def test_the_report_survives_its_json_form(day_queue: Queue) -> None:
    report = daily_report(day_queue, DAY)
    assert DayReport.from_json(report.as_json()) == report


def test_a_day_without_events_is_all_zero(queue: Queue) -> None:
    report = daily_report(queue, DAY)
    assert report.total == fig(0, 0, 0, 0, 0, (None, None), None)
    assert report.peak_occupancy == 0 and report.full_minutes == 0
    assert report.peak_at is None


def test_p90_is_the_nearest_rank() -> None:
    assert p90(list(range(1, 11))) == 9
    assert p90(list(range(1, 12))) == 10
    assert p90([5]) == 5
    assert p90([]) is None


def test_blocked_minutes_are_not_full_minutes(
    make_queue: Callable[..., Queue], clock: FakeClock
) -> None:
    """09:00 A-001 (1) comes in, A-002 (4) waits outside: 3 places free, blocked; 09:10
    A-001 done: A-002 comes in, full; 09:25 A-002 done: empty."""
    q = make_queue(capacity={"limit": 4, "when_full": "wait_outside"})
    start = clock.moment
    q.issue("A")
    q.issue("A", group=4)
    clock.moment = start + timedelta(minutes=10)
    q.call_next(1)
    q.done(1)
    clock.moment = start + timedelta(minutes=25)
    q.call_next(1)
    q.done(1)
    report = daily_report(q, DAY)
    assert (report.blocked_minutes, report.full_minutes) == (10, 15)
    assert DayReport.from_json(report.as_json()) == report
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    columns = list(rows[0])
    assert columns[-5:-3] == ["full_minutes", "blocked_minutes"]  # the old ones first
    assert {(r["full_minutes"], r["blocked_minutes"]) for r in rows} == {("15.0", "10.0")}
    stored = report.as_json()
    del stored["blocked_minutes"]  # a report stored before the figure existed
    assert DayReport.from_json(stored).blocked_minutes == 0
