"""The voice says Indonesian: espeak-ng's phonemes for every clip the maker renders.

``tools.make_clips.PHONEMES`` holds how each clip must sound; here espeak-ng is asked,
with the very text the maker gives it, what it says (``-q -x``: phonemes, no sound).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from counter_app.speech.announce import LETTER_NAMES, VOCABULARY, letter_clip
from counter_app.speech.numbers import number_words
from tools import make_clips

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (apt-get install espeak-ng); CI installs it",
)


def phonemes(text: str) -> str:
    result = subprocess.run(
        ["espeak-ng", "-v", "id", "-q", "-x", text], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


def test_the_table_covers_every_rendered_clip() -> None:
    assert sorted(make_clips.PHONEMES) == sorted(VOCABULARY)
    assert {letter_clip(letter) for letter in LETTER_NAMES} <= set(make_clips.PHONEMES)


def test_every_number_to_999_is_made_of_rendered_words() -> None:
    for n in range(1000):
        words = number_words(n)
        assert set(words) <= set(make_clips.PHONEMES), n
        said = " ".join(make_clips.PHONEMES[w] for w in words)
        if 11 <= n % 100 <= 19:
            assert "l'as" in said, (n, said)
        assert "E" not in said, (n, said)  # no open e in any number word (belas is bəlas)


@needs_espeak
def test_espeak_says_every_clip_as_the_table() -> None:
    said = {name: phonemes(make_clips.spoken_text(name)) for name in VOCABULARY}
    wrong = {name: (said[name], want) for name, want in make_clips.PHONEMES.items()
             if said[name] != want}  # fmt: skip
    assert not wrong, wrong


@needs_espeak
@pytest.mark.parametrize("name", ["belas", "sebelas"])
def test_belas_has_a_schwa_not_an_open_e(name: str) -> None:
    said = phonemes(make_clips.spoken_text(name))
    assert "E" not in said
    assert said.endswith("b@l'as")
