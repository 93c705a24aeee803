"""The NIK (Nomor Induk Kependudukan), the 16-digit population number visitors type into
the public booking form, checked before anything is stored.

Its digits: 1-2 the province, 3-4 the regency or city, 5-6 the district (kecamatan),
7-8 the day of birth (plus 40 for women, so 41-71), 9-10 the month, 11-12 the year's
last two digits, 13-16 a serial number (never 0000).

The NIK is personal data: never shown on a public page, masked on staff screens
(``mask``), deleted with its day by retention. This check catches typing mistakes and
impossible numbers only: it cannot tell whether a NIK is a real person's.

Pure Python, no database, no Qt.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

#: The provinces' codes (the first two digits): the 38 provinces, with the four Papuan
#: ones of 2022 (91-96: Papua, Papua Barat, Selatan, Tengah, Pegunungan, Barat Daya; no
#: province has 97). Kalimantan Timur, the office's province, is 64 (Balikpapan 6471).
PROVINCES: frozenset[int] = frozenset(
    {
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21,  # Sumatra, Riau Islands
        31, 32, 33, 34, 35, 36,  # Java
        51, 52, 53,  # Bali, Nusa Tenggara
        61, 62, 63, 64, 65,  # Kalimantan
        71, 72, 73, 74, 75, 76,  # Sulawesi
        81, 82,  # Maluku
        91, 92, 93, 94, 95, 96,  # Papua, Papua Barat and the four of 2022
    }
)  # fmt: skip
LENGTH = 16
MAX_INPUT = 64  # characters: longer is refused unread (the form is hostile input)
WOMEN_ADD = 40  # a woman's day of birth is written plus 40
#: What people type between groups of digits (6471 0512 ..., 6471.0512..., 6471-0512...);
#: only between digits: "-6471..." or "6471...." keeps its stray character.
_SEPARATORS = re.compile(r"(?<=[0-9])[ .\-]+(?=[0-9])")
_DIGITS = re.compile(r"[0-9]*", re.ASCII)  # not str.isdigit(): that takes '١' and '６'
_ASCII_SPACE = string.whitespace  # not str.strip(): that takes Unicode spaces


class NikProblem(StrEnum):
    """Why a NIK is refused, in the order they are checked."""

    EMPTY = "empty"  # nothing typed
    LENGTH = "length"  # not 16 digits
    NOT_DIGITS = "not_digits"  # anything but the ASCII digits 0-9
    REGION = "region"  # no such province, or regency or district 00
    BIRTH_DATE = "birth_date"  # no such day of birth (31 February, month 13, day 35 ...)
    SERIAL = "serial"  # serial 0000


@dataclass(frozen=True, slots=True)
class NikCheck:
    nik: str | None  # the 16 digits when valid
    problem: NikProblem | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def normalise(text: str) -> str:
    """The text without ASCII whitespace around it, nor the spaces, dots and dashes
    between its digits."""
    return _SEPARATORS.sub("", text.strip(_ASCII_SPACE))


def birth_date_ok(day: int, month: int, yy: int) -> bool:
    """Whether day-month-yy is a date in 19yy or 20yy (29 February needs a leap year in
    one of them: 29-02-00 is 2000's, 29-02-01 is no year's)."""
    for century in (1900, 2000):
        try:
            date(century + yy, month, day)
        except ValueError:
            continue
        return True
    return False


def check_nik(text: str) -> NikCheck:
    """The NIK in ``text``, or the first reason it cannot be one."""
    if not text.strip(_ASCII_SPACE):
        return NikCheck(None, NikProblem.EMPTY)
    if len(text) > MAX_INPUT:
        return NikCheck(None, NikProblem.LENGTH)
    digits = normalise(text)
    if not _DIGITS.fullmatch(digits):
        return NikCheck(None, NikProblem.NOT_DIGITS)
    if len(digits) != LENGTH:
        return NikCheck(None, NikProblem.LENGTH)
    if int(digits[0:2]) not in PROVINCES or digits[2:4] == "00" or digits[4:6] == "00":
        return NikCheck(None, NikProblem.REGION)
    day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if day > WOMEN_ADD:
        day -= WOMEN_ADD
    if not birth_date_ok(day, month, yy):
        return NikCheck(None, NikProblem.BIRTH_DATE)
    if digits[12:] == "0000":
        return NikCheck(None, NikProblem.SERIAL)
    return NikCheck(digits, None)


def last_digits(nik: str, n: int = 4) -> str:
    return nik[-n:]


def mask(nik: str) -> str:
    """For staff screens: the last four digits only, "************0001"."""
    return "*" * (LENGTH - 4) + last_digits(nik)
