"""The one home of every text that Qt Linguist does not hold: one module per language.

``id.py`` and ``en.py`` are flat mappings from dotted keys (``ticket.ahead``,
``web.state_called``, ``config.greater_than_equal`` …) to texts with ``{fields}``; this
module is the only way in. Qt-free, so the queue, the printer, the phone pages and the
command line speak with the same words as the windows. An unknown language falls back to
Indonesian, the office's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Literal

from counter_app.core.words import en as _en
from counter_app.core.words import id as _id

Language = Literal["id", "en"]
LANGUAGES: tuple[Language, ...] = ("id", "en")
FALLBACK: Language = "id"

_BOOKS: dict[str, Mapping[str, str]] = {"id": _id.WORDS, "en": _en.WORDS}


def book(language: str) -> Mapping[str, str]:
    """Every text of ``language`` (Indonesian for a language we do not have)."""
    return _BOOKS.get(language, _BOOKS[FALLBACK])


def text(key: str, language: str = FALLBACK, **fields: object) -> str:
    """The text for ``key`` in ``language`` with its ``{fields}`` filled in.

    A key that does not exist is a bug and raises KeyError."""
    return book(language)[key].format(**fields)


def section(prefix: str, language: str = FALLBACK) -> dict[str, str]:
    """The unformatted texts under ``prefix.``, keyed by the rest of their key
    (``section("web", "en")["ahead"]``): for templates that fill the fields themselves."""
    start = f"{prefix}."
    return {k.removeprefix(start): v for k, v in book(language).items() if k.startswith(start)}


def spelled_date(moment: date, language: str = FALLBACK) -> str:
    """``Sabtu, 28 November 2026`` (a day, or a moment's day): our own words, so no system
    locale is needed (id_ID is rarely installed on the desk PCs, and differs on Windows)."""
    day = text(f"date.day.{moment.weekday()}", language)
    month = text(f"date.month.{moment.month}", language)
    return f"{day}, {moment.day} {month} {moment.year}"
