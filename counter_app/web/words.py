"""The phone pages' words (``web.*`` in core/words), Indonesian first; English for browsers
that prefer it."""

from __future__ import annotations

from counter_app.core import words
from counter_app.core.words import LANGUAGES as LANGS

__all__ = ["LANGS", "WORDS", "pick_language", "word"]

#: each language's words by their short key, for the templates (``w.ahead``)
WORDS: dict[str, dict[str, str]] = {lang: words.section("web", lang) for lang in LANGS}


def pick_language(accept_language: str | None, asked: str | None = None) -> str:
    """Indonesian unless the visitor asked for English (?lang=en), or their browser prefers
    English to Indonesian (RFC 9110 Accept-Language with q-values)."""
    if asked in LANGS:
        return asked
    best: tuple[float, str] = (0.0, "id")
    for position, part in enumerate((accept_language or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("id", "in", "en"):  # "in" is the old code for Indonesian
            continue
        q = 1.0
        params = params.strip().replace(" ", "")
        if params.startswith("q="):
            try:
                q = float(params[2:])
            except ValueError:
                q = 0.0
        score = q - position * 1e-6  # the earlier of equal weights wins
        if score > best[0]:
            best = (score, "en" if primary == "en" else "id")
    return best[1]


def word(lang: str, key: str, **values: object) -> str:
    return words.text(f"web.{key}", lang, **values)
