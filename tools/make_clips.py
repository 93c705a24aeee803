"""Remake the offline voice: one WAV clip per word, and the chime.

    python -m tools.make_clips [--out resources/sounds] [--speed 150]

Needs ``espeak-ng`` (Debian/Ubuntu: ``apt-get install espeak-ng``), which has an
Indonesian voice ("id"); ``sox`` only when ``--rate`` differs from espeak-ng's 22050 Hz.
Every clip is trimmed to the speech plus a little padding, faded at both ends, and all
clips get one common gain so the loudest peaks at -1 dBFS; 16-bit mono PCM throughout.
The chime ("ding-dong", two decaying bell tones) is synthesised here in pure Python.
"""

from __future__ import annotations

import argparse
import math
import shutil
import subprocess
import sys
import tempfile
from array import array
from pathlib import Path

from counter_app.core.paths import resource_path
from counter_app.speech.announce import VOCABULARY
from counter_app.speech.clips import Audio, read_wav, rms, write_wav

ESPEAK_RATE = 22050
#: espeak-ng text for words its Indonesian rules say slightly wrong ("e" as schwa).
PRONUNCIATION: dict[str, str] = {
    "empat": "[[@mp'at]]",
    "enam": "[[@n'am]]",
}
LEAD_SECONDS = 0.02
TAIL_SECONDS = 0.04
FADE_SECONDS = 0.01
PEAK = 0.89  # -1 dBFS


def espeak(text: str, path: Path, *, voice: str, speed: int, pitch: int) -> None:
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "-w", str(path), text],
        check=True,
        capture_output=True,
    )


def resample(path: Path, rate: int) -> None:
    """Convert in place with sox (only needed for a rate other than espeak-ng's)."""
    tmp = path.with_suffix(".tmp.wav")
    subprocess.run(
        ["sox", str(path), "-r", str(rate), "-c", "1", "-b", "16", str(tmp)],
        check=True,
        capture_output=True,
    )
    tmp.replace(path)


def trim(audio: Audio, threshold: float = 0.01) -> Audio:
    """Cut leading and trailing silence, keep a little padding, fade in and out."""
    samples = audio.samples()
    peak = max((abs(s) for s in samples), default=0)
    if peak == 0:
        return audio
    limit = peak * threshold
    loud = [i for i, s in enumerate(samples) if abs(s) > limit]
    start = max(0, loud[0] - round(LEAD_SECONDS * audio.rate))
    end = min(len(samples), loud[-1] + 1 + round(TAIL_SECONDS * audio.rate))
    kept = samples[start:end]
    fade = min(round(FADE_SECONDS * audio.rate), len(kept) // 2)
    for i in range(fade):
        factor = i / fade
        kept[i] = int(kept[i] * factor)
        kept[-1 - i] = int(kept[-1 - i] * factor)
    return audio.with_samples(kept)


def amplify(audio: Audio, factor: float) -> Audio:
    return audio.with_samples(
        array("h", (max(-32768, min(32767, round(s * factor))) for s in audio.samples()))
    )


def chime(rate: int, *, seconds: float = 1.2) -> Audio:
    """Ding-dong: E5 then C5, bell-like partials with exponential decay."""
    notes = ((0.0, 659.25), (0.42, 523.25))  # (start in s, frequency in Hz)
    partials = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12), (4.2, 0.05))  # (ratio, amplitude)
    total = round(seconds * rate)
    mix = [0.0] * total
    for start, freq in notes:
        first = round(start * rate)
        for i in range(total - first):
            t = i / rate
            attack = min(1.0, t / 0.005)
            decay = math.exp(-t / 0.32)
            value = sum(
                amp * math.exp(-t * ratio / 1.2) * math.sin(2 * math.pi * freq * ratio * t)
                for ratio, amp in partials
            )
            mix[first + i] += attack * decay * value
    tail = round(0.05 * rate)  # end exactly at zero
    for i in range(tail):
        mix[total - 1 - i] *= i / tail
    top = max(abs(v) for v in mix)
    scale = 0.7 * 32767 / top
    return Audio(b"", rate, 1, 2).with_samples(array("h", (round(v * scale) for v in mix)))


def make(out: Path, *, voice: str, speed: int, pitch: int, rate: int) -> dict[str, Audio]:
    """Write ``out/id/<word>.wav`` for the whole vocabulary and ``out/chime.wav``."""
    if shutil.which("espeak-ng") is None:
        raise SystemExit("espeak-ng is not installed (apt-get install espeak-ng)")
    if rate != ESPEAK_RATE and shutil.which("sox") is None:
        raise SystemExit(f"--rate {rate} needs sox (apt-get install sox)")
    folder = out / "id"
    folder.mkdir(parents=True, exist_ok=True)
    clips: dict[str, Audio] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in VOCABULARY.items():
            raw = Path(tmp) / f"{name}.wav"
            espeak(PRONUNCIATION.get(name, text), raw, voice=voice, speed=speed, pitch=pitch)
            if rate != ESPEAK_RATE:
                resample(raw, rate)
            clips[name] = trim(read_wav(raw))
    loudest = max(max(abs(s) for s in clip.samples()) for clip in clips.values())
    factor = PEAK * 32767 / loudest
    for stale in folder.glob("*.wav"):
        if stale.stem not in clips:
            stale.unlink()
    for name, clip in clips.items():
        clips[name] = amplify(clip, factor)
        write_wav(folder / f"{name}.wav", clips[name])
    write_wav(out / "chime.wav", chime(rate))
    (folder / "SOURCE.txt").write_text(
        "Made by `python -m tools.make_clips` with "
        f"{_espeak_version()}, voice {voice!r}, speed {speed}, pitch {pitch}, "
        f"{rate} Hz mono 16-bit.\nRun it again to remake these clips.\n",
        encoding="utf-8",
    )
    return clips


def _espeak_version() -> str:
    result = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True)
    return result.stdout.split("Data at")[0].strip() or "espeak-ng"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.make_clips", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=resource_path("sounds"),
        help="folder for chime.wav and id/ (default: resources/sounds)",
    )
    parser.add_argument("--voice", default="id", help="espeak-ng voice (default: id)")
    parser.add_argument("--speed", type=int, default=150, help="words per minute (default 150)")
    parser.add_argument("--pitch", type=int, default=45, help="0-99 (default 45)")
    parser.add_argument("--rate", type=int, default=ESPEAK_RATE, help="sample rate in Hz")
    args = parser.parse_args(argv)
    clips = make(args.out, voice=args.voice, speed=args.speed, pitch=args.pitch, rate=args.rate)
    files = [*args.out.joinpath("id").glob("*.wav"), args.out / "chime.wav"]
    size = sum(f.stat().st_size for f in files)
    quiet = [name for name, clip in clips.items() if rms(clip) < 300]
    print(f"{len(clips)} clips and chime.wav in {args.out}: {size / 1024:.0f} KiB")
    if quiet:
        print(f"warning: nearly silent clips: {', '.join(quiet)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
