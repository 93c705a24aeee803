"""The queue rules, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import FakeClock, make_config

from counter_app.core.model import EventKind, PrintStatus, Reason, Refused, TicketState
from counter_app.core.queue import Queue


def codes(tickets: list) -> list[str]:
    return [t.code for t in tickets]


def refused(reason: Reason) -> pytest.RaisesExc[Refused]:
    return pytest.raises(Refused, check=lambda e: e.reason == reason)


def test_numbers_are_per_service_and_padded(queue: Queue) -> None:
    issued = [queue.issue("A"), queue.issue("B"), queue.issue("A")]
    assert codes(issued) == ["A-001", "B-001", "A-002"]
    assert [t.number for t in issued] == [1, 1, 2]
    assert all(t.state == TicketState.WAITING for t in issued)


def test_numbers_restart_each_office_day(queue: Queue, clock: FakeClock) -> None:
    queue.issue("A")
    queue.issue("A")
    clock.moment = clock.moment.replace(hour=15, minute=59)  # 23:59 WITA
    assert queue.issue("A").code == "A-003"
    clock.advance(minutes=2)  # 00:01 WITA next day, still the same UTC date
    fresh = queue.issue("A")
    assert fresh.code == "A-001"
    assert fresh.day.isoformat() == "2026-12-01"


def test_open_tickets_expire_at_day_change(queue: Queue, clock: FakeClock) -> None:
    queue.issue("A")
    queue.issue("A")
    queue.call_next(1)
    clock.next_day()
    queue.issue("B")
    st = queue.status()
    assert st.occupancy == 1
    assert all(c.current is None for c in st.counters)
    kinds = [e[1] for e in queue.events(date(2026, 11, 30))]
    assert kinds.count("expired") == 2


def test_quota_stops_exactly_and_leaves_no_gap(make_queue: Callable[..., Queue]) -> None:
    q = make_queue(
        services=[{"prefix": "A", "name": "Ambil", "daily_quota": 3}],
        counters=[{"number": 1, "services": ["A"]}],
    )
    assert codes([q.issue("A") for _ in range(3)]) == ["A-001", "A-002", "A-003"]
    with refused(Reason.QUOTA_REACHED):
        q.issue("A")
    st = q.status()
    assert st.services[0].issued == 3
    assert st.services[0].quota_left == 0


def test_suspended_service_refuses_with_notice(queue: Queue) -> None:
    with refused(Reason.SUSPENDED) as exc:
        queue.issue("C")
    # the notice names the service already: said once, not "Layanan Perekaman KTP-el
    # tidak tersedia: Perekaman KTP-el dihentikan sementara"
    assert str(exc.value) == "Perekaman KTP-el dihentikan sementara"


def test_a_notice_that_does_not_name_the_service_is_given_its_name(
    make_queue: Callable[..., Queue],
) -> None:
    q = make_queue(
        services=[
            {
                "prefix": "A",
                "name": "Legalisasi",
                "daily_quota": 5,
                "suspended": "Sistem pusat mati",
            }
        ],
        counters=[{"number": 1, "services": ["A"]}],
    )
    with refused(Reason.SUSPENDED) as exc:
        q.issue("A")
    assert str(exc.value) == "Layanan Legalisasi tidak tersedia: Sistem pusat mati"


def test_closed_hours_refuse(make_queue: Callable[..., Queue], clock: FakeClock) -> None:
    q = make_queue(office={"opening_hours": "08:00-15:00"})
    q.issue("A")  # 09:00 WITA
    clock.moment = clock.moment.replace(hour=7, minute=30)  # 15:30 WITA
    with refused(Reason.CLOSED) as exc:
        q.issue("A")
    assert "08:00-15:00" in str(exc.value)
    assert not q.status().open_now


def test_unknown_service_and_bad_group(queue: Queue) -> None:
    with refused(Reason.UNKNOWN_SERVICE):
        queue.issue("Z")
    with refused(Reason.BAD_GROUP):
        queue.issue("A", group=5)
    with refused(Reason.BAD_GROUP):
        queue.issue("A", group=0)


def test_refuse_mode_never_exceeds_limit(make_queue: Callable[..., Queue]) -> None:
    q = make_queue(capacity={"limit": 3, "when_full": "refuse"})
    q.issue("A", group=2)
    with refused(Reason.HALL_FULL):
        q.issue("A", group=2)
    q.issue("A")
    with refused(Reason.HALL_FULL):
        q.issue("B")
    assert q.status().occupancy == 3
    # the refusals used no numbers
    assert codes(q.recent_tickets()) == ["A-002", "A-001"]
    q.call_next(1)
    q.done(1)  # two persons left the hall
    assert q.issue("B").code == "B-001"


def test_wait_outside_admits_in_order_of_issue(make_queue: Callable[..., Queue]) -> None:
    q = make_queue(capacity={"limit": 2, "when_full": "wait_outside"})
    inside = [q.issue("A"), q.issue("A")]
    outside = [q.issue("B", group=2), q.issue("A"), q.issue("B")]
    assert [t.state for t in inside] == [TicketState.WAITING] * 2
    assert [t.state for t in outside] == [TicketState.OUTSIDE] * 3
    assert q.status().outside == 3
    q.call_next(1)
    q.done(1)  # one person leaves: B-001 needs two, so nobody may overtake it
    assert q.ticket("B-001").state == TicketState.OUTSIDE
    assert q.ticket("A-003").state == TicketState.OUTSIDE
    q.call_next(3)
    q.no_show(3)  # the hall is empty now: B-001 (2 persons) comes in, A-003 waits
    assert q.ticket("B-001").state == TicketState.WAITING
    assert q.ticket("A-003").state == TicketState.OUTSIDE
    admitted = [e[0] for e in q.events() if e[1] == "admitted"]
    assert admitted == ["B-001"]
    assert q.status().occupancy == 2


def test_new_tickets_do_not_overtake_the_outside_line(make_queue: Callable[..., Queue]) -> None:
    q = make_queue(capacity={"limit": 2, "when_full": "wait_outside"})
    q.issue("A")
    assert q.issue("A", group=2).state == TicketState.OUTSIDE
    # one place is free, but the outside line goes first
    assert q.issue("A").state == TicketState.OUTSIDE


def test_group_larger_than_the_hall_is_refused_even_outside(
    make_queue: Callable[..., Queue],
) -> None:
    q = make_queue(capacity={"limit": 2, "when_full": "wait_outside"})
    with refused(Reason.HALL_FULL):
        q.issue("A", group=3)


def test_a_returned_group_larger_than_the_hall_is_refused_even_outside(
    make_queue: Callable[..., Queue],
) -> None:
    """A group that can never fit must not join the outside line, where nobody overtakes
    it: the same rule as at issue, also when the limit was lowered after it came in."""
    q = make_queue(capacity={"limit": 3, "when_full": "wait_outside"})
    q.issue("A", group=3)
    q.call_next(1)
    q.no_show(1)
    q.use_config(make_config(capacity={"limit": 2, "when_full": "wait_outside"}))
    with refused(Reason.HALL_FULL):
        q.return_ticket("A-001")
    assert q.ticket("A-001").state == TicketState.NO_SHOW
    assert q.issue("A").state == TicketState.WAITING  # no one blocks the outside line


def test_call_next_follows_counter_preference_and_priority(queue: Queue) -> None:
    queue.issue("A")
    queue.issue("B")
    queue.issue("B", priority=True)
    queue.issue("A", priority=True)
    assert queue.call_next(1).code == "A-002"  # counter 1 prefers A, priority first
    assert queue.call_next(2).code == "B-002"  # counter 2 prefers B, priority first
    assert queue.call_next(2).code == "B-001"  # ends B-002 as done
    assert queue.ticket("B-002").state == TicketState.DONE
    assert queue.call_next(3).code == "A-001"
    with refused(Reason.NOTHING_TO_CALL):
        queue.call_next(3)
    # the refusal still ended A-001's visit
    assert queue.ticket("A-001").state == TicketState.DONE
    assert queue.status().counters[2].current is None


def test_recall_done_no_show_need_a_current_ticket(queue: Queue) -> None:
    for op in (queue.recall, queue.done, queue.no_show):
        with refused(Reason.NO_CURRENT):
            op(1)
    with refused(Reason.UNKNOWN_COUNTER):
        queue.call_next(9)
    queue.issue("A")
    queue.call_next(1)
    assert queue.recall(1).recalls == 1
    assert queue.recall(1).recalls == 2
    calls = queue.status().calls
    assert [c.kind for c in calls] == ["recalled", "recalled", "called"]
    assert queue.done(1).state == TicketState.DONE
    counter = queue.status().counters[0]
    assert counter.current is None and counter.served_today == 1


def test_no_show_returns_to_end_of_line(queue: Queue) -> None:
    for _ in range(3):
        queue.issue("A")
    queue.call_next(3)
    assert queue.no_show(3).state == TicketState.NO_SHOW
    assert queue.status().occupancy == 2
    returned = queue.return_ticket("A-001")
    assert returned.state == TicketState.WAITING
    assert returned.ahead == 2
    assert [queue.call_next(3).code for _ in range(3)] == ["A-002", "A-003", "A-001"]
    with refused(Reason.WRONG_STATE):
        queue.return_ticket("A-002")


def test_transfer_keeps_place_in_the_new_line(queue: Queue) -> None:
    queue.issue("A")
    queue.issue("B")
    queue.call_next(3)  # A-001 at counter 3
    moved = queue.transfer("A-001", "B")
    assert moved.state == TicketState.WAITING and moved.service == "B" and moved.counter is None
    assert moved.ahead == 0  # it was issued before B-001
    assert queue.call_next(2).code == "A-001"
    with refused(Reason.SUSPENDED):
        queue.transfer("B-001", "C")
    with refused(Reason.UNKNOWN_SERVICE):
        queue.transfer("B-001", "Q")
    kinds = [(e[0], e[1], e[4]) for e in queue.events()]
    assert ("A-001", "transferred", 3) in kinds


def test_call_ticket_by_code_and_cancel(queue: Queue) -> None:
    queue.issue("A")
    queue.issue("A")
    assert queue.call_ticket(1, "a-002").code == "A-002"
    with refused(Reason.WRONG_STATE):
        queue.call_ticket(3, "A-002")  # already at counter 1
    with refused(Reason.UNKNOWN_TICKET):
        queue.call_ticket(1, "A-999")
    assert queue.cancel("A-001").state == TicketState.CANCELLED
    with refused(Reason.WRONG_STATE):
        queue.cancel("A-001")
    assert queue.status().occupancy == 1


def test_estimated_wait_uses_history(queue: Queue, clock: FakeClock) -> None:
    for _ in range(6):
        queue.issue("A")
    # configured 4 minutes, two counters (1 and 3) serve A only-first, 2 serves it too
    t = queue.issue("A")
    assert t.ahead == 6
    assert t.estimated_minutes == 8  # ceil(6 * 4 / 3 counters)
    for _ in range(3):
        queue.call_next(3)
        clock.advance(minutes=10)
    queue.done(3)
    later = queue.ticket("A-007")
    assert later.ahead == 3
    assert later.estimated_minutes == 10  # ceil(3 * 10 / 3)


def test_every_transition_is_logged_with_counter_and_station(queue: Queue) -> None:
    queue.issue("A")
    queue.call_next(1)
    queue.no_show(1)
    queue.return_ticket("A-001")
    queue.call_next(1)
    queue.done(1)
    assert [(e[1], e[2], e[3]) for e in queue.events()] == [
        ("issued", None, "waiting"),
        ("called", "waiting", "called"),
        ("no_show", "called", "no_show"),
        ("returned", "no_show", "waiting"),
        ("called", "waiting", "called"),
        ("done", "called", "done"),
    ]


def test_event_log_is_append_only(queue: Queue) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    queue.issue("A")
    with pytest.raises(DBAPIError, match="append-only"), queue.db.engine.begin() as conn:
        conn.execute(text("UPDATE ticket_events SET kind = 'x'"))
    with pytest.raises(DBAPIError, match="append-only"), queue.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM ticket_events"))


def test_print_outcomes_are_stored(queue: Queue) -> None:
    t = queue.issue("A")
    assert t.print_status == PrintStatus.PENDING
    failed = queue.record_print(t.id, PrintStatus.FAILED, "kertas habis", attempts=3)
    assert failed.print_status == PrintStatus.FAILED and failed.print_attempts == 3
    assert codes(queue.failed_prints()) == ["A-001"]
    ok = queue.record_print(t.id, PrintStatus.PRINTED, reprint=True)
    assert ok.print_error is None
    assert queue.failed_prints() == []
    off = queue.issue("A", printing=False)
    assert off.print_status == PrintStatus.OFF


def test_a_print_never_confirmed_is_listed_after_a_minute(queue: Queue, clock: FakeClock) -> None:
    queue.issue("A")  # pending: the station died before the printer answered
    assert queue.failed_prints() == []
    clock.advance(minutes=2)
    assert codes(queue.failed_prints()) == ["A-001"]


def test_verify_says_why(queue: Queue, clock: FakeClock) -> None:
    t = queue.issue("A")
    good = queue.verify(t.qr)
    assert good.ok and good.ticket is not None and good.ticket.code == "A-001"
    assert queue.verify(t.qr.replace("A-001", "A-002")).problem == "bad_signature"
    assert queue.verify("hello").problem == "malformed"
    queue.call_next(1)
    queue.done(1)
    assert queue.verify(t.qr).problem == "finished"
    clock.next_day()
    assert queue.verify(t.qr).problem == "other_day"


def test_version_changes_with_every_operation(queue: Queue) -> None:
    v0 = queue.version()
    queue.issue("A")
    v1 = queue.version()
    with pytest.raises(Refused):
        queue.issue("C")
    assert v1 > v0 and queue.version() == v1  # a refusal changes nothing


def test_failure_mid_operation_rolls_back(queue: Queue, monkeypatch: pytest.MonkeyPatch) -> None:
    queue.issue("A")

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(queue, "_event", boom)
    with pytest.raises(RuntimeError):
        queue.issue("A")
    monkeypatch.undo()
    assert queue.issue("A").code == "A-002"  # no gap, no half-written ticket
    assert queue.status().services[0].issued == 2


def test_event_kinds_keep_the_words_stored_databases_hold() -> None:
    """The daily report replays old days by these words: renaming one loses history."""
    assert sorted(EventKind) == sorted(
        [
            "issued",
            "admitted",
            "called",
            "recalled",
            "done",
            "no_show",
            "returned",
            "transferred",
            "cancelled",
            "expired",
            "printed",
            "reprinted",
            "print_failed",
            "print_pending",
            "print_off",
            "handed",
        ]
    )
