"""The waiting hall's admission rule, in one place.

The hall holds at most ``limit`` persons (the fire code's number, in the configuration).
A ticket's whole group comes in together or not at all. The outside line is let in by
``fill``: in strict order (``max_pass`` 0, the default) nobody walks past its head; in
"fit" order a smaller ticket that fits may go in while the head does not, at most
``max_pass`` of them, and then nothing passes until the head is in. Every part of the
program that asks "may they come in?" or "is the hall full?" asks these functions, so
the ticket desk, the queue's transactions, the lobby display and the phone pages always
give the same answer.

Pure functions over plain numbers: no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Entry(StrEnum):
    """Where a group asking to come into the hall goes."""

    INSIDE = "inside"  # straight into the hall, into its service's line
    OUTSIDE = "outside"  # to the end of the outside line, admitted when there is room
    REFUSED = "refused"  # no ticket: the hall is full and nobody may wait outside, or
    # the group is larger than the whole hall and could never be let in


class HallState(StrEnum):
    """What every screen says about the hall: the same three answers everywhere."""

    ROOM = "room"  # the head of the outside line (if any) fits: nothing to say
    BLOCKED = "blocked"  # places are free, but the head of the outside line needs more
    FULL = "full"  # no place free at all


def has_room(occupancy: int, group: int, limit: int) -> bool:
    """Whether ``group`` more persons fit beside the ``occupancy`` already inside.

    Counting persons, not tickets: a family of three on one ticket takes three places.
    When the limit was lowered below the occupancy, nobody fits until enough have left.
    """
    return occupancy + group <= limit


def is_full(occupancy: int, limit: int) -> bool:
    """No room for even one more person: what the desk, the lobby display and the phone
    pages show as "hall full". A group may not fit in a hall that is not full."""
    return not has_room(occupancy, 1, limit)


def over_limit(occupancy: int, limit: int) -> bool:
    """More persons inside than the limit allows: what the rules never let happen, but a
    limit lowered over a full hall leaves until enough have left (the daily report's
    "the limit held" is a day without it)."""
    return not has_room(occupancy, 0, limit)


def places_free(occupancy: int, limit: int) -> int:
    """Persons who may still come in now; never negative, even over a lowered limit."""
    return max(0, limit - occupancy)


def could_ever_enter(group: int, limit: int) -> bool:
    """Whether the group fits even in an empty hall. One that does not would stand at
    the head of the outside line for ever, and nobody overtakes the head, so it is
    refused outright rather than sent outside."""
    return has_room(0, group, limit)


def admits(occupancy: int, outside: int, group: int, limit: int) -> bool:
    """Whether a group arriving now comes straight in: there is room for all of it and
    no ticket waits outside (those came first)."""
    return outside == 0 and has_room(occupancy, group, limit)


def admission(occupancy: int, outside: int, group: int, limit: int, *, wait_outside: bool) -> Entry:
    """Where a group arriving now goes: a new ticket, or a no-show put back in line.

    ``outside`` counts the tickets in the outside line; ``wait_outside`` is the office's
    choice for a full hall (capacity.when_full = "wait_outside"), otherwise it refuses.
    """
    if admits(occupancy, outside, group, limit):
        return Entry.INSIDE
    if wait_outside and could_ever_enter(group, limit):
        return Entry.OUTSIDE
    return Entry.REFUSED


def hall_state(occupancy: int, limit: int, head_group: int | None) -> HallState:
    """FULL when no place is free; BLOCKED when places are free but the group at the head
    of the outside line (``head_group``, None for an empty line) does not fit in them, so
    a screen must not say "full" but "N places free, waiting for group X (M persons)"."""
    if is_full(occupancy, limit):
        return HallState.FULL
    if head_group is not None and not has_room(occupancy, head_group, limit):
        return HallState.BLOCKED
    return HallState.ROOM


@dataclass(frozen=True, slots=True)
class Fill:
    """Who of the outside line goes in now, and how many have passed its new head."""

    admitted: tuple[int, ...]  # indices into the line, in the order they go in
    passes: int  # tickets that went in past the head now first outside (0: none, or empty)


def fill(
    occupancy: int, line: Sequence[int], limit: int, *, max_pass: int = 0, passed: int = 0
) -> Fill:
    """Let the outside line (``line``: its groups, head first) in as the room allows.

    The head goes in as soon as it fits, and the count of passes starts again for the
    next head. While it does not fit, the first ticket behind it that fits may go in
    instead, while fewer than ``max_pass`` have passed this head (``passed`` so far): then
    nothing passes until the head is in, so the head waits for at most ``max_pass``
    others. ``max_pass`` 0 is strict order.
    """
    left = list(range(len(line)))
    admitted: list[int] = []
    inside = occupancy
    passes = passed
    while left:
        head = left[0]
        if has_room(inside, line[head], limit):
            inside += line[head]
            admitted.append(left.pop(0))
            passes = 0
            continue
        if passes >= max_pass:
            break
        fits = next((i for i in left[1:] if has_room(inside, line[i], limit)), None)
        if fits is None:
            break
        inside += line[fits]
        left.remove(fits)
        admitted.append(fits)
        passes += 1
    return Fill(tuple(admitted), passes if left else 0)


@dataclass(frozen=True, slots=True)
class Arrival:
    """Where a group arriving now goes, and the passes counted against the head after."""

    entry: Entry
    passes: int


def arrival(
    occupancy: int,
    line: Sequence[int],
    group: int,
    limit: int,
    *,
    wait_outside: bool,
    max_pass: int = 0,
    passed: int = 0,
) -> Arrival:
    """Where a group arriving now goes: the question the queue asks when it issues a ticket
    (or puts a no-show back), and the desk before, so the two never disagree.

    ``line`` is the outside line's groups, head first, already let in as far as ``fill``
    allows (every write ends with it). With nobody outside, or in strict order, it is
    ``admission``'s answer; in "fit" order a group that would wait outside goes straight
    in when ``fill`` of the line with it at the end lets it in, past a head that does not
    fit, as one more pass (``passes``). A refused group stays refused.
    """
    where = admission(occupancy, len(line), group, limit, wait_outside=wait_outside)
    if where is Entry.OUTSIDE and line and max_pass:
        let_in = fill(occupancy, [*line, group], limit, max_pass=max_pass, passed=passed)
        if len(line) in let_in.admitted:
            return Arrival(Entry.INSIDE, let_in.passes)
    return Arrival(where, passed)
