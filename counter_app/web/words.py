"""The phone pages' words (``web.*`` in core/words): Indonesian, English when the visitor
chose it."""

from __future__ import annotations

from counter_app.core import words
from counter_app.core.words import LANGUAGES as LANGS

__all__ = [
    "LANGS",
    "LANG_COOKIE",
    "LANG_COOKIE_MAX_AGE",
    "WORDS",
    "other_language",
    "pick_language",
    "word",
]

#: the cookie that remembers the visitor's choice of language ("id" or "en"), for a year
LANG_COOKIE = "lang"
LANG_COOKIE_MAX_AGE = 365 * 24 * 60 * 60

#: each language's words by their short key, for the templates (``w.ahead``)
WORDS: dict[str, dict[str, str]] = {lang: words.section("web", lang) for lang in LANGS}


def pick_language(asked: str | None, remembered: str | None = None) -> str:
    """Indonesian, whatever the browser prefers (many Indonesian phones send en-US); English
    only when the visitor asked for it (``?lang=en``) or chose it before (the ``lang``
    cookie). Anything but an exact language code is ignored."""
    for choice in (asked, remembered):
        if choice in LANGS:
            return choice
    return "id"


def word(lang: str, key: str, **values: object) -> str:
    return words.text(f"web.{key}", lang, **values)


def other_language(lang: str) -> dict[str, str]:
    """The pages' link to the other language: its code and its own name."""
    other = "en" if lang == "id" else "id"
    return {"code": other, "name": WORDS[other]["lang_name"]}
