"""The phone server's allowances: never more than the limit within any window's length,
the full limit again once a window has passed, each key its own, stale keys dropped."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from limits import parse

from counter_app.web.allowance import Allowances

TEN_A_MINUTE = parse("10/minute")


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_the_limit_then_refusals_then_the_limit_again_a_window_later() -> None:
    clock = Clock()
    allow = Allowances(clock)
    assert [allow.hit(TEN_A_MINUTE, "post", "a") for _ in range(12)] == [True] * 10 + [False] * 2
    assert allow.hit(TEN_A_MINUTE, "post", "b")  # another address has its own
    assert allow.hit(TEN_A_MINUTE, "page", "a")  # and another kind of request
    clock.now += 121
    assert [allow.hit(TEN_A_MINUTE, "post", "a") for _ in range(11)] == [True] * 10 + [False]


def test_refusals_are_not_counted() -> None:
    clock = Clock(60 * 1000)  # the start of a window
    allow = Allowances(clock)
    for _ in range(10):
        assert allow.hit(TEN_A_MINUTE, "a")
    for _ in range(50):
        assert not allow.hit(TEN_A_MINUTE, "a")
    clock.now += 60 + 59  # the last window almost wholly out of reach
    assert allow.hit(TEN_A_MINUTE, "a")


def test_keys_of_windows_long_past_are_dropped() -> None:
    clock = Clock()
    allow = Allowances(clock)
    for n in range(500):
        allow.hit(TEN_A_MINUTE, str(n))
    assert len(allow) == 500
    clock.now += 180
    allow.hit(TEN_A_MINUTE, "new")
    assert len(allow) == 1


@given(st.lists(st.floats(min_value=0, max_value=2.0, allow_nan=False), min_size=1, max_size=80))
def test_never_more_than_the_limit_within_any_window(gaps: list[float]) -> None:
    """Hits at any times (gaps in seconds, scaled to a few minutes in all): the hits allowed
    in any 60 s span are at most 10, and a hit is refused only when 10 were allowed in the
    60 s before it."""
    clock = Clock(1_000_000.0)
    allow = Allowances(clock)
    allowed: list[float] = []
    for gap in gaps:
        clock.now += gap * 5
        if allow.hit(TEN_A_MINUTE, "a"):
            allowed.append(clock.now)
        else:
            assert sum(1 for t in allowed if clock.now - t < 60) == 10
    for i, start in enumerate(allowed):
        assert sum(1 for t in allowed[i:] if t < start + 60) <= 10
