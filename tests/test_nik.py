"""The NIK's check: typing mistakes and impossible numbers refused, real shapes taken."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.core.nik import (
    MAX_INPUT,
    PROVINCES,
    NikProblem,
    birth_date_ok,
    check_nik,
    last_digits,
    mask,
    normalise,
)

MAN = "6471051203900001"  # Balikpapan, Balikpapan Kota, born 12-03-1990, serial 0001
WOMAN = "6471055203900002"  # the same day: 12 + 40


@pytest.mark.parametrize("nik", [MAN, WOMAN, "6471 0512 0390 0001", "6471.0512.0390.0001",
                                 "6471-051203-900001", f"  {MAN}\n", f"\x0b{MAN}\x0c",
                                 "6471 - 0512 - 0390 - 0001", "1" * 16])  # fmt: skip
def test_real_shapes_are_taken_as_typed(nik: str) -> None:
    checked = check_nik(nik)
    assert checked.ok and checked.problem is None
    assert checked.nik == normalise(nik) and len(checked.nik) == 16


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", NikProblem.EMPTY),
        ("   \t", NikProblem.EMPTY),
        ("647105120390000", NikProblem.LENGTH),  # 15
        ("64710512039000011", NikProblem.LENGTH),  # 17
        ("6" * 10_000, NikProblem.LENGTH),  # refused unread
        ("64710512039O0001", NikProblem.NOT_DIGITS),  # a letter O
        ("\uff16\uff14\uff17\uff11051203900001", NikProblem.NOT_DIGITS),  # full-width
        ("\u0666\u0664\u0667\u0661051203900001", NikProblem.NOT_DIGITS),  # Arabic-Indic
        ("6471_05120390001", NikProblem.NOT_DIGITS),
        ("-6471051203900001", NikProblem.NOT_DIGITS),  # a dash not between digits
        ("6471051203900001.", NikProblem.NOT_DIGITS),
        (f"\u00a0{MAN}", NikProblem.NOT_DIGITS),  # a no-break space is not ASCII whitespace
        ("9971051203900001", NikProblem.REGION),  # no province 99
        ("2071051203900001", NikProblem.REGION),  # nor 20
        ("9771051203900001", NikProblem.REGION),  # nor 97: Papua's six are 91-96
        ("6400051203900001", NikProblem.REGION),  # regency 00
        ("6471001203900001", NikProblem.REGION),  # district 00
        ("6471053102900001", NikProblem.BIRTH_DATE),  # 31 February
        ("6471051213900001", NikProblem.BIRTH_DATE),  # month 13
        ("6471050003900001", NikProblem.BIRTH_DATE),  # day 00
        ("6471053503900001", NikProblem.BIRTH_DATE),  # day 35: neither a man's nor a woman's
        ("6471057203900001", NikProblem.BIRTH_DATE),  # day 72 = 32
        ("6471052902010001", NikProblem.BIRTH_DATE),  # 29-02-01: no leap year
        ("6471051203900000", NikProblem.SERIAL),
        ("6471 0552 0390 0000", NikProblem.SERIAL),  # a woman's, as typed
    ],
)
def test_each_problem_is_named(text: str, problem: NikProblem) -> None:
    checked = check_nik(text)
    assert not checked.ok and checked.problem is problem and checked.nik is None


def test_29_february_is_taken_in_a_leap_year_of_either_century() -> None:
    assert check_nik("6471052902000001").ok  # 2000
    assert check_nik("6471056902040001").ok  # a woman born 29-02-2004 (or 1904)
    assert check_nik("6471052902040001").ok  # a man born the same day
    assert check_nik("6471056902010001").problem is NikProblem.BIRTH_DATE  # 1901, 2001
    assert birth_date_ok(29, 2, 0) and not birth_date_ok(29, 2, 1)


def test_hostile_length_is_refused_unread() -> None:
    for text in ("6" * 10_000, "6471 " * 10_000, "x" * 1_000_000):
        assert check_nik(text).problem is NikProblem.LENGTH
    assert check_nik(" " * 10_000).problem is NikProblem.EMPTY  # EMPTY is asked first


def test_normalise_takes_out_separators_between_digits_only() -> None:
    assert normalise(" 6471 0512.0390-0001\t") == MAN
    assert normalise("6471  --  0512") == "64710512"
    assert normalise("-64.") == "-64."
    assert normalise("ab cd") == "ab cd"


def test_last_digits_and_the_mask() -> None:
    assert last_digits(MAN) == "0001" and last_digits(MAN, 6) == "900001"
    assert mask(WOMAN) == "************0002"


def test_the_office_s_province_is_known() -> None:
    assert 64 in PROVINCES and len(PROVINCES) == 38
    assert MAX_INPUT >= 24  # room for the spaces people type


@given(st.one_of(st.text(max_size=80), st.text("0123456789 .-", max_size=24)))
def test_any_text_gets_exactly_one_answer(text: str) -> None:
    checked = check_nik(text)
    assert checked.ok == (checked.problem is None) == (checked.nik is not None)
    if checked.ok:
        assert checked.nik is not None and checked.nik.isascii() and len(checked.nik) == 16


@st.composite
def niks(draw: st.DrawFn) -> str:
    province = draw(st.sampled_from(sorted(PROVINCES)))
    regency, district = draw(st.integers(1, 99)), draw(st.integers(1, 99))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    woman = draw(st.booleans())
    serial = draw(st.integers(1, 9999))
    day = born.day + (40 if woman else 0)
    return (
        f"{province:02d}{regency:02d}{district:02d}{day:02d}{born.month:02d}"
        f"{born.year % 100:02d}{serial:04d}"
    )


@given(niks())
def test_every_well_made_nik_is_taken(nik: str) -> None:
    checked = check_nik(nik)
    assert checked.ok and checked.nik == nik


@given(niks())
def test_the_mask_shows_the_last_four_digits_only(nik: str) -> None:
    shown = mask(nik)
    assert shown == "*" * 12 + nik[-4:]
    assert nik[:12] not in shown
