"""The words outside Qt Linguist: every key in both languages, and one spelling everywhere."""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

import pytest

from counter_app.core import words
from counter_app.core.words import en, id

ROOT = Path(__file__).resolve().parent.parent
#: the installed package, its data (templates, sample config, the .ts) and the Designer forms
SCANNED = ("counter_app", "resources", "ui")
TEXT_SUFFIXES = {".py", ".html", ".js", ".css", ".toml", ".ts", ".txt", ".ui", ".svg", ".json"}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_every_key_is_in_both_languages() -> None:
    assert sorted(id.WORDS.keys() - en.WORDS.keys()) == []
    assert sorted(en.WORDS.keys() - id.WORDS.keys()) == []


@pytest.mark.parametrize("key", sorted(id.WORDS))
def test_both_languages_fill_the_same_fields(key: str) -> None:
    assert fields(id.WORDS[key]) == fields(en.WORDS[key]), key


@pytest.mark.parametrize("language", words.LANGUAGES)
def test_no_text_is_empty(language: str) -> None:
    empty = [key for key, text in words.book(language).items() if not text.strip()]
    assert empty == []


def test_keys_say_where_the_text_appears() -> None:
    shapeless = [key for key in id.WORDS if not re.fullmatch(r"[a-z]+(\.[a-z0-9_]+)+", key)]
    assert shapeless == []


def test_lookup_falls_back_to_indonesian() -> None:
    assert words.text("ticket.ahead", "en", n=7) == "Numbers ahead of you: 7"
    assert words.text("ticket.ahead", "xx", n=7) == "Nomor di depan Anda: 7"
    assert words.section("web", "en")["ahead"] == "{n} numbers ahead of you"
    with pytest.raises(KeyError):
        words.text("ticket.no_such_key", "id")


def test_the_ticket_and_the_phone_page_count_the_same_thing() -> None:
    """Numbers ahead, not people: a group of four on one number is one number ahead."""
    for language in words.LANGUAGES:
        ticket = words.text("ticket.ahead", language, n=3).lower()
        phone = words.text("web.ahead", language, n=3).lower()
        noun = "nomor" if language == "id" else "numbers"
        assert noun in ticket and noun in phone, (ticket, phone)


def _sources() -> list[Path]:
    found: list[Path] = []
    for top in SCANNED:
        for path in (ROOT / top).rglob("*"):
            if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts:
                found.append(path)
    return found


def test_one_spelling_antrean() -> None:
    """KBBI spells it "antrean"; "antrian" is the common misspelling. The voice says it too
    (the clip's name is a source of the sentence)."""
    sources = _sources()
    assert any(p.name == "counter_app_id.ts" for p in sources)
    wrong = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "antrian" in line.lower()
    ]
    wrong += [str(p.relative_to(ROOT)) for p in (ROOT / "resources").rglob("*antrian*")]
    assert wrong == []
