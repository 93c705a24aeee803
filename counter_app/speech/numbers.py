"""Numbers as Indonesian words, 0 to 9999, the way a queue caller says them.

Every word returned here is also the name of a recorded clip (see ``announce.VOCABULARY``),
so a number can be spoken by joining clips: ``number_words(2345)`` is
``["dua", "ribu", "tiga", "ratus", "empat", "puluh", "lima"]``.
"""

from __future__ import annotations

DIGITS: tuple[str, ...] = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
)
#: Words besides the digits: the "se-" forms stand for "satu ..." (sepuluh, seratus, ...).
TENS_AND_UP: tuple[str, ...] = (
    "sepuluh",
    "sebelas",
    "belas",
    "puluh",
    "seratus",
    "ratus",
    "seribu",
    "ribu",
)
NUMBER_VOCABULARY: frozenset[str] = frozenset(DIGITS + TENS_AND_UP)

MAX_NUMBER = 9999


def _below_100(n: int) -> list[str]:
    if n < 10:
        return [DIGITS[n]]
    if n == 10:
        return ["sepuluh"]
    if n == 11:
        return ["sebelas"]
    if n < 20:
        return [DIGITS[n - 10], "belas"]
    tens, ones = divmod(n, 10)
    return [DIGITS[tens], "puluh"] + ([DIGITS[ones]] if ones else [])


def _group(n: int, unit: str, one: str, rest: int) -> list[str]:
    head = [one] if n == 1 else [DIGITS[n], unit]
    return head + (_positive(rest) if rest else [])


def _positive(n: int) -> list[str]:
    if n >= 1000:
        thousands, rest = divmod(n, 1000)
        return _group(thousands, "ribu", "seribu", rest)
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        return _group(hundreds, "ratus", "seratus", rest)
    return _below_100(n)


def number_words(n: int) -> list[str]:
    """The Indonesian words for ``n`` (0 ≤ n ≤ 9999), in speaking order."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected an int, got {type(n).__name__}")
    if not 0 <= n <= MAX_NUMBER:
        raise ValueError(f"{n} is outside 0..{MAX_NUMBER}")
    return _positive(n)


def spell(n: int) -> str:
    """``spell(105) == "seratus lima"``."""
    return " ".join(number_words(n))
