"""Sentences, clip sequences and the WAV rendered from the bundled clips."""

from __future__ import annotations

import shutil
import subprocess
import sys
import wave
from array import array
from io import BytesIO
from pathlib import Path

import pytest

from counter_app.speech.announce import (
    PAUSE,
    VOCABULARY,
    Announcement,
    clip_sequence,
    sentence,
)
from counter_app.speech.clips import (
    CHIME_GAP_SECONDS,
    CROSSFADE_SECONDS,
    EDGE_SECONDS,
    PAUSE_SECONDS,
    QUIET,
    Audio,
    ClipLibrary,
    crossfade,
    default_chime,
    default_folder,
    read_wav,
    render,
    rms,
    trim_silence,
    wav_duration,
    window_rms,
)
from tools import make_clips

CALL = Announcement("call", "A-012", 2)
ADMIT = Announcement("admit", "A-031")
RECALL = Announcement("recall", "AB-105", 12)


def test_sentences() -> None:
    assert sentence(CALL) == "Nomor antrean A dua belas, silakan ke loket dua"
    assert sentence(ADMIT) == "Nomor antrean A tiga puluh satu, silakan masuk"
    assert sentence(Announcement("admit", "A-031", 4)) == sentence(ADMIT)  # admit names no counter
    assert sentence(RECALL) == (
        "Panggilan ulang, nomor antrean A B seratus lima, silakan ke loket dua belas"
    )
    assert sentence(Announcement("call", "C7")) == "Nomor antrean C tujuh, silakan masuk"


def test_clip_sequences() -> None:
    assert clip_sequence(CALL) == [
        "nomor_antrean", "huruf_a", "dua", "belas", PAUSE, "silakan_ke_loket", "dua",
    ]  # fmt: skip
    assert clip_sequence(ADMIT) == [
        "nomor_antrean", "huruf_a", "tiga", "puluh", "satu", PAUSE, "silakan_masuk",
    ]  # fmt: skip
    assert clip_sequence(RECALL) == [
        "panggilan_ulang", PAUSE, "nomor_antrean", "huruf_a", "huruf_b", "seratus", "lima",
        PAUSE, "silakan_ke_loket", "dua", "belas",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "code", "counter"),
    [("shout", "A-1", 1), ("call", "a-012", 1), ("call", "ABC-1", 1), ("call", "A-12345", 1),
     ("call", "A-1", 10_000)],
)  # fmt: skip
def test_bad_announcements(kind: str, code: str, counter: int) -> None:
    with pytest.raises(ValueError):
        Announcement(kind, code, counter)  # type: ignore[arg-type]


def test_bundled_clips_cover_the_vocabulary_in_one_format() -> None:
    folder = default_folder()
    assert sorted(p.stem for p in folder.glob("*.wav")) == sorted(VOCABULARY)
    formats = {read_wav(folder / f"{name}.wav").format for name in VOCABULARY}
    assert formats == {read_wav(default_chime()).format} == {(22050, 1, 2)}
    files = [*folder.glob("*.wav"), default_chime()]
    assert sum(f.stat().st_size for f in files) < 2_000_000
    quiet = [f.stem for f in files if rms(read_wav(f)) < 1000]
    assert not quiet


def _expected_seconds(a: Announcement, chime: bool = True, voice: bool = True) -> float:
    library = ClipLibrary()
    total = library.chime().duration if chime else 0.0
    if voice:
        total += CHIME_GAP_SECONDS if chime else 0.0
        total += library.voice(clip_sequence(a)).duration
    return total


def _end_to_end_seconds(names: list[str]) -> float:
    """The clips one after another, a pause at each comma: the voice before crossfading."""
    library = ClipLibrary()
    words = sum(library.clip(n).duration for n in names if n != PAUSE)
    return words + names.count(PAUSE) * PAUSE_SECONDS


def _silences_ms(audio: Audio, quiet: float = QUIET) -> list[int]:
    """Lengths of the runs of quiet 10 ms windows between the first and last loud one."""
    levels = window_rms(audio, 0.01)
    loud = [level >= quiet * max(levels) for level in levels]
    first, last = loud.index(True), len(loud) - loud[::-1].index(True)
    runs: list[int] = []
    quiet_run = 0
    for is_loud in loud[first:last]:
        if is_loud and quiet_run:
            runs.append(quiet_run * 10)
        quiet_run = 0 if is_loud else quiet_run + 1
    return runs


@pytest.mark.parametrize("a", [CALL, RECALL, Announcement("call", "B-117", 3)])
def test_a_call_is_one_continuous_sound(a: Announcement) -> None:
    names = clip_sequence(a)
    voice = ClipLibrary().voice(names)
    silences = _silences_ms(voice)
    assert silences  # the measure sees the stops inside words, so it would see a gap
    long = [ms for ms in silences if ms > 120]
    # the only silences longer than 120 ms are the commas, each about PAUSE_SECONDS long
    assert len(long) == names.count(PAUSE), silences
    assert all(ms <= PAUSE_SECONDS * 1000 + 60 for ms in long), long
    # the words overlap: shorter than the clips end to end by most of a crossfade per join
    joins = len(names) - 1 - 2 * names.count(PAUSE)
    assert voice.duration < _end_to_end_seconds(names) - joins * CROSSFADE_SECONDS * 0.9


def test_crossfade_overlaps_and_mixes() -> None:
    up = Audio(b"", 1000).with_samples(array("h", [1000] * 100))
    down = Audio(b"", 1000).with_samples(array("h", [-1000] * 100))
    mixed = crossfade([up, down], 0.02).samples()
    assert len(mixed) == 180
    assert mixed[:80].tolist() == [1000] * 80 and mixed[100:].tolist() == [-1000] * 80
    assert mixed[80] > mixed[89] > 0 > mixed[90] > mixed[99]  # a ramp, no jump or gap
    assert crossfade([up]) == up
    with pytest.raises(ValueError):
        crossfade([up, Audio(b"", 2000).with_samples(array("h", [0] * 10))])


def test_trim_silence_keeps_the_word_and_a_little_edge() -> None:
    word = read_wav(default_folder() / "dua.wav")
    quiet = array("h", bytes(2 * 11025))
    padded = word.with_samples(quiet + word.samples() + quiet)
    trimmed = trim_silence(padded)
    assert trimmed.duration < word.duration + 2 * EDGE_SECONDS
    assert trimmed.duration > word.duration - 0.1
    assert rms(trimmed) >= rms(word) * 0.99


@pytest.mark.parametrize("a", [CALL, ADMIT, RECALL])
def test_rendered_wav_is_audible_and_as_long_as_chime_gap_and_voice(a: Announcement) -> None:
    data = render(a, default_folder(), chime=True, voice=True, volume=100)
    with wave.open(BytesIO(data)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (22050, 1, 2)
    seconds = wav_duration(data)
    assert seconds == pytest.approx(_expected_seconds(a), abs=0.005)
    assert 3.0 < seconds < 10.0
    assert rms(read_wav(data)) > 1500  # speech, not silence
    # the voice part alone is speech too, not just the chime
    assert rms(read_wav(render(a, default_folder(), chime=False, voice=True, volume=100))) > 1500


def test_chime_and_voice_switch_separately() -> None:
    both = wav_duration(render(CALL, chime=True, voice=True))
    voice = wav_duration(render(CALL, chime=False, voice=True))
    chime = wav_duration(render(CALL, chime=True, voice=False))
    assert voice == pytest.approx(_expected_seconds(CALL, chime=False), abs=0.005)
    assert chime == pytest.approx(read_wav(default_chime()).duration, abs=0.005)
    assert both == pytest.approx(chime + CHIME_GAP_SECONDS + voice, abs=0.005)
    assert wav_duration(render(CALL, chime=False, voice=False)) == 0


def test_volume_scales_amplitude() -> None:
    loud = rms(read_wav(render(CALL, volume=100)))
    assert rms(read_wav(render(CALL, volume=50))) == pytest.approx(loud / 2, rel=0.01)
    assert rms(read_wav(render(CALL, volume=0))) == 0
    with pytest.raises(ValueError):
        render(CALL, volume=101)


def test_chime_synthesis() -> None:
    chime = make_clips.chime(22050)
    assert chime.duration == pytest.approx(1.2)
    samples = chime.samples()
    assert 20_000 < max(abs(s) for s in samples) < 32767
    assert samples[-1] == 0
    assert rms(chime) > 2000


def test_trim_keeps_the_sound_and_drops_the_silence() -> None:
    tone = read_wav(default_folder() / "dua.wav")
    padded = tone.with_samples(array("h", bytes(22050)) + tone.samples() + array("h", bytes(22050)))
    trimmed = make_clips.trim(padded)
    assert trimmed.duration < tone.duration + 0.1
    assert rms(trimmed) > rms(padded)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")
def test_make_clips_remakes_the_vocabulary(tmp_path: Path) -> None:
    assert make_clips.main(["--out", str(tmp_path)]) == 0
    assert sorted(p.stem for p in (tmp_path / "id").glob("*.wav")) == sorted(VOCABULARY)
    seconds = wav_duration(render(CALL, tmp_path / "id"))
    assert seconds == pytest.approx(wav_duration(render(CALL)), abs=0.5)


def test_speech_never_imports_qt() -> None:
    code = (
        "import sys, counter_app.speech.clips, tools.make_clips;"
        "sys.exit(any(m.split('.')[0] == 'PySide6' for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
