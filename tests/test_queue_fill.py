"""The outside line's fill order and what the status says of a blocked hall, on SQLite
and on PostgreSQL (capacity.fill; core/hall.py's fill and hall_state)."""

from __future__ import annotations

from collections.abc import Callable

from conftest import make_config

from counter_app.core.hall import HallState
from counter_app.core.model import TicketState
from counter_app.core.queue import Queue

STRICT = {"limit": 4, "when_full": "wait_outside"}
FIT = {"limit": 4, "when_full": "wait_outside", "fill": "fit", "max_pass": 2}


def test_places_free_but_the_head_does_not_fit_is_blocked_not_full(
    make_queue: Callable[..., Queue],
) -> None:
    q = make_queue(capacity=STRICT)
    q.issue("A")
    assert q.issue("A", group=4).state == TicketState.OUTSIDE
    st = q.status()
    assert (st.occupancy, st.places_free) == (1, 3)
    assert (st.head_code, st.head_group) == ("A-002", 4)
    assert st.hall_state is HallState.BLOCKED and not st.hall_full
    assert st.as_json()["hall_state"] == "blocked"
    q.issue("A", group=3)
    q.issue("A")
    assert q.status().hall_state is HallState.BLOCKED  # strict: wait too
    assert q.ticket("A-004").state == TicketState.OUTSIDE
    q.call_next(1)
    q.done(1)  # the hall is empty: A-002 comes in, and fills it
    st = q.status()
    assert q.ticket("A-002").state == TicketState.WAITING
    assert st.hall_state is HallState.FULL and (st.head_code, st.head_group) == ("A-003", 3)


def test_an_empty_outside_line_leaves_room(make_queue: Callable[..., Queue]) -> None:
    q = make_queue(capacity=STRICT)
    q.issue("A", group=2)
    st = q.status()
    assert st.hall_state is HallState.ROOM and st.head_code is None and st.head_group is None


def test_fit_lets_smaller_tickets_past_at_most_max_pass_times(
    make_queue: Callable[..., Queue],
) -> None:
    """Two stations (two Queue objects on one database) share the count of passes."""
    desk, counter = make_queue(capacity=FIT), make_queue(capacity=FIT)
    desk.issue("A")  # A-001 inside
    assert desk.issue("A", group=4).state == TicketState.OUTSIDE  # the head
    assert desk.issue("A").state == TicketState.WAITING  # A-003 fits: pass 1
    assert counter.issue("B").state == TicketState.WAITING  # B-001 fits: pass 2
    st = desk.status()
    assert st.occupancy == 3 and st.hall_state is HallState.BLOCKED
    assert desk.issue("A").state == TicketState.OUTSIDE  # no third pass
    counter.call_next(1)
    counter.done(1)  # a place frees up: still nobody passes A-002
    assert desk.ticket("A-004").state == TicketState.OUTSIDE
    assert desk.ticket("A-002").state == TicketState.OUTSIDE
    counter.call_next(1)
    counter.done(1)  # three places free: A-002 needs four, and A-004 may not pass
    assert desk.ticket("A-004").state == TicketState.OUTSIDE
    counter.call_next(1)
    counter.done(1)  # the hall is empty: the head goes in first, and fills it
    assert desk.ticket("A-002").state == TicketState.WAITING
    assert desk.ticket("A-004").state == TicketState.OUTSIDE
    admitted = [e[0] for e in desk.events() if e[1] == "admitted"]
    assert admitted == ["A-002"]


def test_strict_order_lets_nobody_past_the_head(make_queue: Callable[..., Queue]) -> None:
    q = make_queue(capacity=STRICT)
    q.issue("A")
    assert q.issue("A", group=4).state == TicketState.OUTSIDE
    assert q.issue("A").state == TicketState.OUTSIDE
    assert q.issue("B").state == TicketState.OUTSIDE
    assert q.status().occupancy == 1


def test_fit_admits_from_the_outside_line_past_the_head(
    make_queue: Callable[..., Queue],
) -> None:
    """Tickets already outside pass the head when places free up, not only new ones."""
    q = make_queue(capacity={"limit": 4, "when_full": "wait_outside"})
    for _ in range(4):
        q.issue("A")  # A-001..A-004 fill the hall
    q.issue("A", group=3)  # A-005, the head
    q.issue("A")  # A-006 behind it
    q.use_config(make_config(capacity={**FIT, "max_pass": 1}))
    q.call_next(1)
    q.done(1)  # one place: A-005 (3) does not fit, A-006 passes it
    assert q.ticket("A-006").state == TicketState.WAITING
    assert q.ticket("A-005").state == TicketState.OUTSIDE
