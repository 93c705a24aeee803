"""Indonesian number words, 0-9999, as the lobby voice says them."""

from __future__ import annotations

import pytest

from counter_app.core.paths import resource_path
from counter_app.speech.numbers import MAX_NUMBER, NUMBER_VOCABULARY, number_words, spell

TABLE = {
    0: "nol",
    1: "satu",
    2: "dua",
    7: "tujuh",
    9: "sembilan",
    10: "sepuluh",
    11: "sebelas",
    12: "dua belas",
    15: "lima belas",
    19: "sembilan belas",
    20: "dua puluh",
    21: "dua puluh satu",
    31: "tiga puluh satu",
    40: "empat puluh",
    99: "sembilan puluh sembilan",
    100: "seratus",
    101: "seratus satu",
    105: "seratus lima",
    110: "seratus sepuluh",
    111: "seratus sebelas",
    115: "seratus lima belas",
    199: "seratus sembilan puluh sembilan",
    200: "dua ratus",
    250: "dua ratus lima puluh",
    999: "sembilan ratus sembilan puluh sembilan",
    1000: "seribu",
    1001: "seribu satu",
    1010: "seribu sepuluh",
    1011: "seribu sebelas",
    1100: "seribu seratus",
    1999: "seribu sembilan ratus sembilan puluh sembilan",
    2000: "dua ribu",
    2345: "dua ribu tiga ratus empat puluh lima",
    3012: "tiga ribu dua belas",
    5100: "lima ribu seratus",
    9999: "sembilan ribu sembilan ratus sembilan puluh sembilan",
}


@pytest.mark.parametrize(("n", "words"), TABLE.items())
def test_table(n: int, words: str) -> None:
    assert spell(n) == words
    assert number_words(n) == words.split()


def _value(words: list[str]) -> int:
    """An independent reading of the words back into a number."""
    units = {
        w: i
        for i, w in enumerate(
            ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
        )
    }
    fixed = {"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}
    multipliers = {"belas": None, "puluh": 10, "ratus": 100, "ribu": 1000}
    total, pending = 0, 0
    for word in words:
        if word in units:
            pending = units[word]
        elif word in fixed:
            total += fixed[word]
        elif word == "belas":
            total, pending = total + 10 + pending, 0
        else:
            factor = multipliers[word]
            assert factor is not None and pending > 1, words  # never "satu ratus"
            total, pending = total + pending * factor, 0
    return total + pending


def test_every_number_reads_back_and_uses_only_the_vocabulary() -> None:
    clips = resource_path("sounds", "id")
    assert all((clips / f"{word}.wav").is_file() for word in NUMBER_VOCABULARY)
    seen: set[str] = set()
    for n in range(MAX_NUMBER + 1):
        words = number_words(n)
        assert set(words) <= NUMBER_VOCABULARY, n
        assert ("nol" in words) == (n == 0), n
        assert _value(words) == n, (n, words)
        seen.update(words)
    assert seen == NUMBER_VOCABULARY


def test_no_two_numbers_sound_alike() -> None:
    assert len({spell(n) for n in range(MAX_NUMBER + 1)}) == MAX_NUMBER + 1


@pytest.mark.parametrize("n", [-1, 10_000, 123_456])
def test_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        number_words(n)


@pytest.mark.parametrize("n", [True, 1.0, "1"])
def test_not_an_int(n: object) -> None:
    with pytest.raises(TypeError):
        number_words(n)  # type: ignore[arg-type]
