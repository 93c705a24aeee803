"""What the lobby display says when a ticket is called, as a sentence and as clips.

``sentence()`` is the text for a text-to-speech engine; ``clip_sequence()`` is the same
sentence as names of recorded clips (``resources/sounds/id/<name>.wav``) for machines
without an Indonesian voice.  Both follow one word list, so they never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from counter_app.core.words import text
from counter_app.speech.numbers import NUMBER_VOCABULARY, number_words

Kind = Literal["call", "recall", "admit"]
KINDS: tuple[Kind, ...] = ("call", "recall", "admit")

PAUSE = "_pause"
"""Not a clip: a short silence where the sentence has a comma."""

#: Phrase clips and the Indonesian text each one says (``voice.<clip>`` in core/words).
PHRASES: dict[str, str] = {
    clip: text(f"voice.{clip}", "id")
    for clip in ("nomor_antrean", "silakan_ke_loket", "silakan_masuk", "panggilan_ulang")
}

#: How Indonesians say the letters of the alphabet (the clip for "A" is ``huruf_a``).
LETTER_NAMES: dict[str, str] = {
    "A": "a",
    "B": "be",
    "C": "ce",
    "D": "de",
    "E": "e",
    "F": "ef",
    "G": "ge",
    "H": "ha",
    "I": "i",
    "J": "je",
    "K": "ka",
    "L": "el",
    "M": "em",
    "N": "en",
    "O": "o",
    "P": "pe",
    "Q": "ki",
    "R": "er",
    "S": "es",
    "T": "te",
    "U": "u",
    "V": "fe",
    "W": "we",
    "X": "eks",
    "Y": "ye",
    "Z": "zet",
}


def letter_clip(letter: str) -> str:
    return f"huruf_{letter.lower()}"


#: Every clip name a sentence can use, with the text that is recorded for it.
VOCABULARY: dict[str, str] = {
    **{word: word for word in sorted(NUMBER_VOCABULARY)},
    **{letter_clip(letter): name for letter, name in LETTER_NAMES.items()},
    **PHRASES,
}

CODE_RE = re.compile(r"^(?P<prefix>[A-Z]{1,2})-?(?P<number>\d{1,4})$")


@dataclass(frozen=True)
class Announcement:
    """One thing to say: ``Announcement("call", "A-012", 2)``.

    ``counter`` is the counter the person should go to; an admission (``"admit"``), or a
    call without a counter, tells them to come in instead.
    """

    kind: Kind
    code: str
    counter: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")
        if not CODE_RE.match(self.code):
            raise ValueError(f"{self.code!r} is not a ticket code like 'A-012'")
        if self.counter is not None:
            number_words(self.counter)  # raises ValueError outside 0..9999

    @property
    def prefix(self) -> str:
        return _split(self.code)[0]

    @property
    def number(self) -> int:
        return _split(self.code)[1]

    @property
    def to_counter(self) -> int | None:
        """The counter that is named, or None when the sentence ends in "silakan masuk"."""
        return None if self.kind == "admit" else self.counter


def _split(code: str) -> tuple[str, int]:
    match = CODE_RE.match(code)
    if match is None:
        raise ValueError(f"{code!r} is not a ticket code like 'A-012'")
    return match["prefix"], int(match["number"])


def _parts(a: Announcement) -> list[list[str]]:
    """The sentence as comma-separated parts, each a list of clip names."""
    ticket = [
        "nomor_antrean",
        *(letter_clip(letter) for letter in a.prefix),
        *number_words(a.number),
    ]
    counter = a.to_counter
    where = ["silakan_masuk"] if counter is None else ["silakan_ke_loket", *number_words(counter)]
    return ([["panggilan_ulang"]] if a.kind == "recall" else []) + [ticket, where]


def clip_sequence(a: Announcement) -> list[str]:
    """Clip names in speaking order, with ``PAUSE`` where the sentence has a comma."""
    sequence: list[str] = []
    for part in _parts(a):
        if sequence:
            sequence.append(PAUSE)
        sequence.extend(part)
    return sequence


def sentence(a: Announcement) -> str:
    """``"Nomor antrean A dua belas, silakan ke loket dua"``; letters are written as letters."""

    def say(clip: str) -> str:
        if clip.startswith("huruf_"):
            return clip.removeprefix("huruf_").upper()
        return VOCABULARY[clip]

    text = ", ".join(" ".join(say(clip) for clip in part) for part in _parts(a))
    return text[0].upper() + text[1:]
