"""The hall's admission rule (core/hall.py), on plain numbers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counter_app.core.config import MAX_GROUP
from counter_app.core.hall import (
    Arrival,
    Entry,
    Fill,
    HallState,
    admission,
    admits,
    arrival,
    could_ever_enter,
    fill,
    hall_state,
    has_room,
    is_full,
    over_limit,
    places_free,
)

limits = st.integers(min_value=1, max_value=10_000)  # config: capacity.limit is 1..10000
occupancies = st.integers(min_value=0, max_value=10_100)  # may exceed a lowered limit
groups = st.integers(min_value=1, max_value=MAX_GROUP)
outside_lines = st.integers(min_value=0, max_value=50)


def test_a_hall_of_twenty() -> None:
    assert has_room(19, 1, 20) and not is_full(19, 20)
    assert not has_room(19, 2, 20)  # a pair does not fit in a hall that is not full
    assert is_full(20, 20) and not has_room(20, 1, 20)
    assert is_full(23, 20) and places_free(23, 20) == 0  # the limit was lowered
    assert has_room(0, 20, 20) and not could_ever_enter(21, 20)


@given(occupancies, limits)
def test_full_means_no_room_for_one_more_person(occupancy: int, limit: int) -> None:
    assert is_full(occupancy, limit) == (not has_room(occupancy, 1, limit))
    assert is_full(occupancy, limit) == (occupancy >= limit)
    assert is_full(occupancy, limit) == (places_free(occupancy, limit) == 0)


@given(occupancies, limits)
def test_over_the_limit_means_more_persons_than_it_allows(occupancy: int, limit: int) -> None:
    """The daily report's "the limit held": a full hall is at its limit, not over it."""
    assert over_limit(occupancy, limit) == (occupancy > limit)
    assert not over_limit(limit, limit) and is_full(limit, limit)


@given(occupancies, groups, limits)
def test_a_group_fits_exactly_when_the_free_places_hold_it(
    occupancy: int, group: int, limit: int
) -> None:
    assert has_room(occupancy, group, limit) == (group <= places_free(occupancy, limit))
    assert has_room(occupancy, group, limit) == (occupancy + group <= limit)


@given(occupancies, groups, limits, st.integers(0, 5), st.integers(0, 3))
def test_fewer_inside_or_a_smaller_group_never_fits_worse(
    occupancy: int, group: int, limit: int, fewer: int, smaller: int
) -> None:
    if has_room(occupancy, group, limit):
        assert has_room(max(0, occupancy - fewer), max(1, group - smaller), limit)


@given(occupancies, outside_lines, groups, limits, st.booleans())
def test_where_an_arriving_group_goes(
    occupancy: int, outside: int, group: int, limit: int, wait_outside: bool
) -> None:
    where = admission(occupancy, outside, group, limit, wait_outside=wait_outside)
    # straight in exactly when it fits and nobody waits outside to be passed
    assert (where is Entry.INSIDE) == admits(occupancy, outside, group, limit)
    assert (where is Entry.INSIDE) == (outside == 0 and has_room(occupancy, group, limit))
    if where is Entry.OUTSIDE:
        assert wait_outside, "a hall that refuses when full sends nobody outside"
        assert could_ever_enter(group, limit), "outside, it would block the line for ever"
    if not could_ever_enter(group, limit):
        assert where is Entry.REFUSED
    if wait_outside and could_ever_enter(group, limit):
        assert where is not Entry.REFUSED


@given(groups, limits)
def test_an_empty_hall_admits_every_group_that_could_ever_enter(group: int, limit: int) -> None:
    where = admission(0, 0, group, limit, wait_outside=False)
    assert (where is Entry.INSIDE) == could_ever_enter(group, limit) == (group <= limit)


# --- what the screens say, and the fill order of the outside line ------------------------


def test_three_free_and_a_group_of_four_first_outside_is_blocked_not_full() -> None:
    assert hall_state(1, 4, 4) is HallState.BLOCKED
    assert hall_state(1, 4, 3) is HallState.ROOM
    assert hall_state(1, 4, None) is HallState.ROOM
    assert hall_state(4, 4, 1) is HallState.FULL
    assert hall_state(4, 4, None) is HallState.FULL
    assert hall_state(6, 4, 2) is HallState.FULL  # a lowered limit


@given(occupancies, limits, st.none() | groups)
def test_the_hall_state_is_full_blocked_or_room_by_the_rule(
    occupancy: int, limit: int, head: int | None
) -> None:
    state = hall_state(occupancy, limit, head)
    assert (state is HallState.FULL) == is_full(occupancy, limit)
    blocked = head is not None and places_free(occupancy, limit) > 0
    assert (state is HallState.BLOCKED) == (blocked and not has_room(occupancy, head or 0, limit))


def test_strict_order_lets_nobody_past_the_head() -> None:
    assert fill(1, [4, 1, 1], 4) == Fill(admitted=(), passes=0)
    assert fill(0, [4, 1, 1], 4) == Fill(admitted=(0,), passes=0)  # then 0 places: stop


def test_fit_order_lets_smaller_tickets_pass_up_to_the_bound() -> None:
    assert fill(0, [2, 1, 1, 1, 1, 1], 4, max_pass=2) == Fill(admitted=(0, 1, 2), passes=0)
    assert fill(1, [4, 1, 1, 1], 4, max_pass=2) == Fill(admitted=(1, 2), passes=2)
    # two passed already: nothing more passes until the head is in
    assert fill(1, [4, 1], 4, max_pass=2, passed=2) == Fill(admitted=(), passes=2)
    assert fill(1, [4, 1], 4, max_pass=2, passed=1) == Fill(admitted=(1,), passes=2)
    # the head fits again: in it goes, and the next head starts counting at 0
    assert fill(1, [4, 3, 1], 5, max_pass=2, passed=2) == Fill(admitted=(0,), passes=0)
    assert fill(0, [4, 3, 1], 5, max_pass=2, passed=2) == Fill(admitted=(0, 2), passes=1)


# A day outside the hall: ("arrive", group) joins the end of the outside line;
# ("leave", k) lets the k-th group inside (modulo how many are inside) leave.
events = st.lists(
    st.one_of(
        st.tuples(st.just("arrive"), groups),
        st.tuples(st.just("leave"), st.integers(0, 1_000)),
    ),
    max_size=60,
)


def _play(limit: int, max_pass: int, day: list[tuple[str, int]]) -> None:
    inside: list[int] = []
    line: list[tuple[int, int]] = []  # (ticket, group), head first
    passes = 0
    passed_heads: dict[int, int] = {}  # ticket at the head -> tickets that passed it
    for n, (what, value) in enumerate(day):
        if what == "arrive":
            if could_ever_enter(value, limit):
                line.append((n, value))
        elif inside:
            inside.pop(value % len(inside))
        let_in = fill(sum(inside), [g for _t, g in line], limit, max_pass=max_pass, passed=passes)
        left = set(range(len(line)))
        for i in let_in.admitted:  # in the order they go in: who was first outside then?
            head = line[min(left)][0]
            if line[i][0] != head:
                passed_heads[head] = passed_heads.get(head, 0) + 1
            left.remove(i)
            inside.append(line[i][1])
        gone = set(let_in.admitted)
        line = [t for i, t in enumerate(line) if i not in gone]
        passes = let_in.passes
        assert sum(inside) <= limit  # the limit is never exceeded
        assert passes <= max_pass
        if line:  # the head waits only for want of room, or because max_pass passed it
            assert not has_room(sum(inside), line[0][1], limit)
    assert all(p <= max_pass for p in passed_heads.values()), passed_heads


@given(st.integers(1, 12), st.integers(0, 4), events)
def test_a_day_of_arrivals_and_departures_keeps_the_rule(
    limit: int, max_pass: int, day: list[tuple[str, int]]
) -> None:
    _play(limit, max_pass, day)


@given(st.integers(1, 12), groups, st.lists(groups, max_size=10), st.integers(0, 12))
def test_strict_order_admits_a_prefix_of_the_line(
    limit: int, head: int, behind: list[int], occupancy: int
) -> None:
    let_in = fill(occupancy, [head, *behind], limit)
    assert let_in.admitted == tuple(range(len(let_in.admitted)))
    assert let_in.passes == 0


def test_an_arrival_passes_a_head_that_does_not_fit_only_in_fit_order_and_within_max_pass() -> None:
    """The rule the queue issues by and the desk hints by (issue 18: 1 of 4, a 4 outside)."""
    kw = {"wait_outside": True}
    assert arrival(1, [4], 1, 4, **kw) == Arrival(Entry.OUTSIDE, 0)  # strict order
    assert arrival(1, [4], 1, 4, max_pass=2, **kw) == Arrival(Entry.INSIDE, 1)
    assert arrival(1, [4], 3, 4, max_pass=2, passed=1, **kw) == Arrival(Entry.INSIDE, 2)
    assert arrival(1, [4], 1, 4, max_pass=2, passed=2, **kw) == Arrival(Entry.OUTSIDE, 2)
    assert arrival(1, [4], 4, 4, max_pass=2, **kw) == Arrival(Entry.OUTSIDE, 0)  # no fit
    assert arrival(1, [], 3, 4, max_pass=2, **kw) == Arrival(Entry.INSIDE, 0)  # nobody outside
    refused = arrival(1, [4], 1, 4, max_pass=2, wait_outside=False)
    assert refused.entry is Entry.REFUSED  # an office that refuses still refuses
