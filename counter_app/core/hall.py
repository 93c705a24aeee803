"""The waiting hall's admission rule, in one place.

The hall holds at most ``limit`` persons (the fire code's number, in the configuration).
A ticket's whole group comes in together or not at all, and the outside line is strict:
while anyone waits outside, nobody walks past them into the hall. Every part of the
program that asks "may they come in?" or "is the hall full?" asks these functions, so
the ticket desk, the queue's transactions, the lobby display and the phone pages always
give the same answer.

Pure functions over plain numbers: no database, no Qt.
"""

from __future__ import annotations

from enum import StrEnum


class Entry(StrEnum):
    """Where a group asking to come into the hall goes."""

    INSIDE = "inside"  # straight into the hall, into its service's line
    OUTSIDE = "outside"  # to the end of the outside line, admitted when there is room
    REFUSED = "refused"  # no ticket: the hall is full and nobody may wait outside, or
    # the group is larger than the whole hall and could never be let in


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
