"""The hall's admission rule (core/hall.py), on plain numbers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counter_app.core.config import MAX_GROUP
from counter_app.core.hall import (
    Entry,
    admission,
    admits,
    could_ever_enter,
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
