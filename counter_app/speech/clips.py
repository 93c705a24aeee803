"""Speech from recorded word clips: join WAV clips into one announcement, offline.

The clips are 16-bit PCM WAV files named after the words of ``announce.VOCABULARY``
(``resources/sounds/id/dua.wav``, ``huruf_a.wav``, ...), all in one format; the chime is
``resources/sounds/chime.wav`` in the same format.  ``python -m tools.make_clips`` makes both.
The words of a call become one continuous sound: each clip loses its quiet ends and
fades into the next over ``CROSSFADE_SECONDS``; only a comma leaves a pause.
Only the standard library is used (``audioop`` is gone from Python 3.13).
"""

from __future__ import annotations

import io
import math
import sys
import wave
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from counter_app.core.paths import resource_path
from counter_app.speech.announce import PAUSE, Announcement, clip_sequence

PAUSE_SECONDS = 0.25
"""Silence for a comma in the sentence."""
CHIME_GAP_SECONDS = 0.2
"""Silence between the chime and the voice."""
CROSSFADE_SECONDS = 0.03
"""How long one word fades into the next within a sentence part."""
WINDOW_SECONDS = 0.01
"""Window over which loudness is measured to find where a word starts and ends."""
QUIET = 0.02
"""A window quieter (RMS) than this share of a clip's loudest window is silence at its ends."""
EDGE_SECONDS = 0.015
"""Kept before a word's first and after its last loud window, for the crossfade to eat."""


def default_folder() -> Path:
    return resource_path("sounds", "id")


def default_chime() -> Path:
    return resource_path("sounds", "chime.wav")


@dataclass(frozen=True)
class Audio:
    """Raw 16-bit little-endian PCM and its format."""

    frames: bytes
    rate: int = 22050
    channels: int = 1
    width: int = 2

    @property
    def format(self) -> tuple[int, int, int]:
        return self.rate, self.channels, self.width

    @property
    def frame_count(self) -> int:
        return len(self.frames) // (self.channels * self.width)

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return self.frame_count / self.rate

    def samples(self) -> array[int]:
        data = array("h", self.frames)
        if sys.byteorder == "big":
            data.byteswap()
        return data

    def with_samples(self, samples: array[int]) -> Audio:
        if sys.byteorder == "big":
            samples = array("h", samples)
            samples.byteswap()
        return Audio(samples.tobytes(), self.rate, self.channels, self.width)

    def to_wav(self) -> bytes:
        out = io.BytesIO()
        with wave.open(out, "wb") as w:
            w.setnchannels(self.channels)
            w.setsampwidth(self.width)
            w.setframerate(self.rate)
            w.writeframes(self.frames)
        return out.getvalue()


def read_wav(source: Path | str | bytes) -> Audio:
    """A 16-bit PCM WAV file (a path, or the bytes of one)."""
    handle = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")  # noqa: SIM115
    with handle, wave.open(handle, "rb") as w:
        if w.getsampwidth() != 2 or w.getcomptype() != "NONE":
            raise ValueError(
                f"{source if not isinstance(source, bytes) else 'WAV'}: clips must be 16-bit PCM"
            )
        return Audio(w.readframes(w.getnframes()), w.getframerate(), w.getnchannels(), 2)


def write_wav(path: Path, audio: Audio) -> None:
    path.write_bytes(audio.to_wav())


def wav_duration(data: bytes) -> float:
    """Length in seconds of WAV bytes such as ``render()`` returns."""
    return read_wav(data).duration


def silence(seconds: float, rate: int = 22050, channels: int = 1) -> Audio:
    frames = round(seconds * rate)
    return Audio(bytes(frames * channels * 2), rate, channels, 2)


def join(parts: Iterable[Audio]) -> Audio:
    """One after another; every part must have the same format."""
    parts = list(parts)
    if not parts:
        return silence(0)
    first = parts[0]
    for part in parts[1:]:
        if part.format != first.format:
            raise ValueError(
                f"clip format {part.format} differs from {first.format} "
                "(rate, channels, width); remake the clips with python -m tools.make_clips"
            )
    return Audio(b"".join(p.frames for p in parts), *first.format)


def window_rms(audio: Audio, seconds: float = WINDOW_SECONDS) -> list[float]:
    """RMS of each whole window of ``seconds``, in order."""
    samples = audio.samples()
    size = max(1, round(seconds * audio.rate)) * audio.channels
    return [
        math.sqrt(sum(s * s for s in samples[i : i + size]) / size)
        for i in range(0, len(samples) - size + 1, size)
    ]


def trim_silence(audio: Audio, *, quiet: float = QUIET, edge: float = EDGE_SECONDS) -> Audio:
    """The audio from its first to its last loud window, plus ``edge`` seconds each side."""
    levels = window_rms(audio)
    top = max(levels, default=0.0)
    if top == 0:
        return audio
    loud = [i for i, level in enumerate(levels) if level >= quiet * top]
    window = max(1, round(WINDOW_SECONDS * audio.rate))
    pad = round(edge * audio.rate)
    start = max(0, loud[0] * window - pad)
    end = min(audio.frame_count, (loud[-1] + 1) * window + pad)
    size = audio.channels * audio.width
    return Audio(audio.frames[start * size : end * size], *audio.format)


def crossfade(parts: Iterable[Audio], seconds: float = CROSSFADE_SECONDS) -> Audio:
    """One continuous sound: each part fades out over ``seconds`` while the next fades in.

    The result is shorter than the parts end to end by one overlap per join (an overlap
    never takes more than half of a part).
    """
    parts = list(parts)
    joined = join(parts)  # checks the formats
    if len(parts) < 2:
        return joined
    first = parts[0]
    channels = first.channels
    out = first.samples()
    for part in parts[1:]:
        head = part.samples()
        frames = min(
            round(seconds * first.rate), len(out) // channels // 2, len(head) // channels // 2
        )
        n = frames * channels
        if n == 0:
            out.extend(head)
            continue
        tail = out[len(out) - n :]
        mixed = array(
            "h",
            (
                max(-32768, min(32767, round(t + (h - t) * ((i // channels + 0.5) / frames))))
                for i, (t, h) in enumerate(zip(tail, head[:n], strict=True))
            ),
        )
        del out[len(out) - n :]
        out.extend(mixed)
        out.extend(head[n:])
    return first.with_samples(out)


def gain(volume: int) -> float:
    """Volume 0-100 as a linear amplitude factor."""
    if not 0 <= volume <= 100:
        raise ValueError(f"volume {volume} is outside 0..100")
    return volume / 100


def scale(audio: Audio, volume: int) -> Audio:
    """The audio at ``volume`` percent of its amplitude."""
    factor = gain(volume)
    if factor == 1:
        return audio
    return audio.with_samples(array("h", (int(s * factor) for s in audio.samples())))


def rms(audio: Audio) -> float:
    """Root mean square of the samples, 0 to 32767."""
    samples = audio.samples()
    if not samples:
        return 0.0
    return math.sqrt(sum(s * s for s in samples) / len(samples))


class ClipLibrary:
    """The clips in a folder, loaded on first use."""

    def __init__(self, folder: Path | None = None, chime: Path | None = None) -> None:
        self.folder = folder if folder is not None else default_folder()
        self.chime_path = chime if chime is not None else self.folder.parent / "chime.wav"
        self._cache: dict[str, Audio] = {}
        self._words: dict[str, Audio] = {}

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.wav"

    def missing(self, names: Iterable[str]) -> list[str]:
        return sorted({n for n in names if n != PAUSE and not self.path(n).is_file()})

    def clip(self, name: str) -> Audio:
        if name not in self._cache:
            self._cache[name] = read_wav(self.chime_path if name == "chime" else self.path(name))
        return self._cache[name]

    def chime(self) -> Audio:
        return self.clip("chime")

    def word(self, name: str) -> Audio:
        """The clip without its quiet ends, ready to be crossfaded with its neighbours."""
        if name not in self._words:
            self._words[name] = trim_silence(self.clip(name))
        return self._words[name]

    def voice(self, names: Iterable[str]) -> Audio:
        """The named clips as one sound: the words of a part crossfaded into each other,
        a short silence for each ``PAUSE`` between the parts."""
        runs: list[list[str]] = [[]]
        for name in names:
            if name == PAUSE:
                runs.append([])
            else:
                runs[-1].append(name)
        real = [name for run in runs for name in run]
        fmt = self.clip(real[0]).format if real else self.chime().format
        gap = silence(PAUSE_SECONDS, fmt[0], fmt[1])
        spoken: list[Audio] = []
        for i, run in enumerate(runs):
            if i:
                spoken.append(gap)
            spoken.append(crossfade(self.word(name) for name in run))
        return join(spoken)

    def assemble(
        self, a: Announcement, *, chime: bool = True, voice: bool = True, volume: int = 100
    ) -> Audio:
        """The announcement as audio: chime, a short gap, the sentence; at ``volume``."""
        parts: list[Audio] = []
        if chime:
            parts.append(self.chime())
        if voice:
            spoken = self.voice(clip_sequence(a))
            if parts:
                parts.append(silence(CHIME_GAP_SECONDS, spoken.rate, spoken.channels))
            parts.append(spoken)
        return scale(join(parts), volume)


def render(
    a: Announcement,
    folder: Path | None = None,
    *,
    chime: bool = True,
    voice: bool = True,
    volume: int = 100,
    chime_path: Path | None = None,
) -> bytes:
    """The announcement as WAV bytes (empty audio when both chime and voice are off)."""
    return (
        ClipLibrary(folder, chime_path)
        .assemble(a, chime=chime, voice=voice, volume=volume)
        .to_wav()
    )
