"""The lobby display's announcement queue: order, no cut-offs, recall, chime/voice/volume."""

from __future__ import annotations

import math
import time
from array import array
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counter_app.gui.display.announcer import Announcer, choose_backend, pick_engine
from counter_app.speech.announce import VOCABULARY, Announcement
from counter_app.speech.clips import Audio, ClipLibrary, rms, write_wav

RATE = 8000


def _tone(seconds: float, freq: float) -> Audio:
    n = round(seconds * RATE)
    samples = array("h", (round(8000 * math.sin(2 * math.pi * freq * i / RATE)) for i in range(n)))
    return Audio(b"", RATE, 1, 2).with_samples(samples)


@pytest.fixture
def tones(tmp_path: Path, qapp: object) -> ClipLibrary:
    """A tiny clip set: a short beep per word and a 0.1 s chime, so the queue runs fast."""
    folder = tmp_path / "id"
    folder.mkdir()
    for i, name in enumerate(VOCABULARY):
        write_wav(folder / f"{name}.wav", _tone(0.03, 300 + 10 * i))
    write_wav(tmp_path / "chime.wav", _tone(0.1, 660))
    return ClipLibrary(folder)


Event = tuple[str, Announcement, float]


def _record(announcer: Announcer) -> list[Event]:
    events: list[Event] = []
    announcer.started.connect(lambda a: events.append(("started", a, time.monotonic())))
    announcer.finished.connect(lambda a: events.append(("finished", a, time.monotonic())))
    return events


def _assert_one_after_another(events: list[Event], expected: list[Announcement]) -> None:
    assert [(kind, a) for kind, a, _ in events] == [
        (kind, a) for a in expected for kind in ("started", "finished")
    ]
    times = [t for _, _, t in events]
    assert times == sorted(times)  # each starts only after the previous finished


def test_three_announcements_play_in_order_and_in_full(qtbot: QtBot, tones: ClipLibrary) -> None:
    announcer = Announcer(library=tones, silent=True)
    events = _record(announcer)
    queued = [
        Announcement("call", "A-001", 1),
        Announcement("call", "B-002", 2),
        Announcement("admit", "A-003"),
    ]
    for a in queued:
        announcer.announce(a)
    assert announcer.busy and announcer.pending == 2
    qtbot.waitUntil(lambda: len(events) == 6, timeout=10_000)
    _assert_one_after_another(events, queued)
    for (_, a, start), (_, _, end) in zip(events[::2], events[1::2], strict=True):
        assert end - start >= announcer.audio(a).duration - 0.002  # not cut off
    assert not announcer.busy and announcer.pending == 0


def test_recall_repeats(qtbot: QtBot, tones: ClipLibrary) -> None:
    announcer = Announcer(library=tones, silent=True)
    events = _record(announcer)
    call = Announcement("call", "A-012", 2)
    recall = Announcement("recall", "A-012", 2)
    for a in (call, call, recall):
        announcer.announce(a)
    qtbot.waitUntil(lambda: len(events) == 6, timeout=10_000)
    _assert_one_after_another(events, [call, call, recall])
    assert announcer.audio(recall).duration > announcer.audio(call).duration  # "panggilan ulang"


def test_a_slot_may_announce_the_next(qtbot: QtBot, tones: ClipLibrary) -> None:
    announcer = Announcer(library=tones, silent=True)
    events = _record(announcer)
    first, second = Announcement("call", "A-001", 1), Announcement("call", "A-002", 1)

    def chain(a: Announcement) -> None:
        if a == first:
            announcer.announce(second)

    announcer.finished.connect(chain)
    announcer.announce(first)
    qtbot.waitUntil(lambda: len(events) == 4, timeout=5_000)
    _assert_one_after_another(events, [first, second])


def test_chime_and_voice_switch_separately(qtbot: QtBot, tones: ClipLibrary) -> None:
    announcer = Announcer(library=tones, silent=True)
    a = Announcement("call", "A-012", 2)
    both = announcer.audio(a).duration
    announcer.set_chime(False)
    voice_only = announcer.audio(a).duration
    announcer.set_chime(True)
    announcer.set_voice(False)
    chime_only = announcer.audio(a).duration
    assert chime_only == pytest.approx(0.1)
    assert voice_only < both and chime_only < both
    announcer.set_chime(False)
    assert announcer.audio(a).duration == 0
    with qtbot.waitSignal(announcer.finished, timeout=1_000):  # silent, but still finished
        announcer.announce(a)


def test_volume_scales_amplitude(tones: ClipLibrary) -> None:
    announcer = Announcer(library=tones, silent=True)
    a = Announcement("call", "A-012", 2)
    loud = rms(announcer.audio(a))
    announcer.set_volume(40)
    assert rms(announcer.audio(a)) == pytest.approx(0.4 * loud, rel=0.01)
    with pytest.raises(ValueError):
        announcer.set_volume(-1)


def test_a_broken_clip_set_does_not_stop_the_queue(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    announcer = Announcer(library=ClipLibrary(tmp_path / "missing"), silent=True)
    events = _record(announcer)
    queued = [Announcement("call", "A-001", 1), Announcement("call", "A-002", 1)]
    for a in queued:
        announcer.announce(a)
    qtbot.waitUntil(lambda: len(events) == 4, timeout=2_000)
    _assert_one_after_another(events, queued)
    assert "cannot play" in caplog.text


def test_engine_choice() -> None:
    assert pick_engine({"speechd": ["en_US"], "sapi": ["en_US", "id_ID"]}) == "sapi"
    assert pick_engine({"winrt": ["id-ID"]}) == "winrt"
    assert pick_engine({"mock": ["id_ID"]}) is None  # Qt's test engine makes no sound
    assert pick_engine({}) is None
    indonesian = {"winrt": ["en_US", "id_ID"]}
    assert choose_backend("auto", indonesian) == ("tts", "winrt")
    assert choose_backend("clips", indonesian) == ("clips", None)
    assert choose_backend("auto", {"speechd": ["en_GB"]}) == ("clips", None)
    assert choose_backend("tts", {}) == ("clips", None)


def test_text_to_speech_after_the_chime(qtbot: QtBot, tones: ClipLibrary) -> None:
    # Qt's mock engine speaks English only, on a timer: enough to drive the tts path.
    announcer = Announcer(library=tones, engine="mock", language="en", silent=True)
    assert announcer.backend == "tts"
    events = _record(announcer)
    queued = [Announcement("call", "A-001", 1), Announcement("admit", "B-002")]
    for a in queued:
        announcer.announce(a)
    qtbot.waitUntil(lambda: len(events) == 4, timeout=10_000)
    _assert_one_after_another(events, queued)
    for (_, _, start), (_, _, end) in zip(events[::2], events[1::2], strict=True):
        assert end - start > 0.1 + 0.2  # the 0.1 s chime, then several words


def test_engine_without_the_language_falls_back_to_clips(tones: ClipLibrary) -> None:
    announcer = Announcer(library=tones, engine="mock", language="id", silent=True)
    assert announcer.backend == "clips"
