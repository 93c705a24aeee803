"""Words on the paper ticket and in printer messages, and the ticket's dates and times.

The words live in core/words (``ticket.*`` on the paper, ``printer.*`` for the desk
staff); dates are spelt out from there too rather than through the C locale, which is
rarely installed for id_ID on the desk PCs (and differs on Windows).
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from counter_app.core import words
from counter_app.core.words import Language, spelled_date

__all__ = [
    "Language",
    "format_date",
    "format_datetime",
    "format_time",
    "local",
    "seconds",
    "word",
    "zone_abbreviation",
]

#: the keys printed on the paper; every other key is a printer message
_TICKET = frozenset(
    {
        "title", "ahead", "ahead_outside", "next_in", "wait", "wait_none", "outside",
        "priority", "group", "document",
        "valid_today", "live", "reprint", "test", "test_service",
    }
)  # fmt: skip

# Indonesia's three civil time zones; tzdata only knows numeric abbreviations (+08).
_ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Ujung_Pandang": "WITA",
    "Asia/Jayapura": "WIT",
}


def word(lang: str, key: str, **values: object) -> str:
    group = "ticket" if key in _TICKET else "printer"
    return words.text(f"{group}.{key}", lang, **values)


def zone_abbreviation(moment: datetime) -> str:
    """WIB/WITA/WIT for Indonesian zones, else whatever the zone calls itself."""
    tz = moment.tzinfo
    key = getattr(tz, "key", None)
    if key in _ZONE_ABBREVIATIONS:
        return _ZONE_ABBREVIATIONS[key]
    return moment.tzname() or ""


def local(moment: datetime, tz: tzinfo) -> datetime:
    return moment.astimezone(tz)


def format_date(lang: str, moment: datetime) -> str:
    """``Sabtu, 28 November 2026``."""
    return spelled_date(moment, lang)


def format_time(moment: datetime) -> str:
    """``14:05 WITA``."""
    zone = zone_abbreviation(moment)
    return f"{moment:%H:%M} {zone}".rstrip()


def format_datetime(lang: str, moment: datetime) -> str:
    """``Sabtu, 28 November 2026 14:05 WITA``."""
    return f"{format_date(lang, moment)} {format_time(moment)}"


def seconds(value: float) -> str:
    """A timeout for people: ``3`` or ``0.5``, never ``3.0``."""
    return f"{value:g}"
