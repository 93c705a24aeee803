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
#: How every clip must sound, in espeak-ng's phoneme notation (``espeak-ng -v id -q -x``):
#: ``@`` is the schwa (e pepet), ``e``/``E`` the close and open e taling, ``'`` the stress.
#: tests/test_speech_phonemes.py checks that espeak-ng says each clip exactly so.
PHONEMES: dict[str, str] = {
    "nol": "n'ol",
    "satu": "s'atu",
    "dua": "d'ua",
    "tiga": "t'iga",
    "empat": "@mp'at",
    "lima": "l'ima",
    "enam": "@n'am",
    "tujuh": "t'udZuh",
    "delapan": "d@l'apan",
    "sembilan": "s@mb'ilan",
    "sepuluh": "s@p'uluh",
    "sebelas": "s@b@l'as",
    "belas": "b@l'as",
    "puluh": "p'uluh",
    "seratus": "s@R2'atus",
    "ratus": "R2'atus",
    "seribu": "s@R2'ibu",
    "ribu": "R2'ibu",
    # letter names: close e in an open syllable (be, ce), open e before a consonant (ef, el)
    "huruf_a": "'a",
    "huruf_b": "b'e",
    "huruf_c": "tS'e",
    "huruf_d": "d'e",
    "huruf_e": "'e",
    "huruf_f": "'Ef",
    "huruf_g": "g'e",
    "huruf_h": "h'a",
    "huruf_i": "'i",
    "huruf_j": "dZ'e",
    "huruf_k": "k'a",
    "huruf_l": "'El",
    "huruf_m": "'Em",
    "huruf_n": "'En",
    "huruf_o": "'o",
    "huruf_p": "p'e",
    "huruf_q": "k'i",
    "huruf_r": "'ER",
    "huruf_s": "'Es",
    "huruf_t": "t'e",
    "huruf_u": "'u",
    "huruf_v": "f'e",
    "huruf_w": "w'e",
    "huruf_x": "'Eks",
    "huruf_y": "j'e",
    "huruf_z": "z'Et",
    "nomor_antrean": "n'omOR antR2'ean",  # antre: close e (KBBI antré)
    "silakan_ke_loket": "sil'akan k@ l'okEt",  # loket: open e (KBBI lokét), not a schwa
    "silakan_masuk": "sil'akan m'asuk",
    "panggilan_ulang": "paNg'ilan 'ulaN",
}
#: Clips whose text espeak-ng's Indonesian rules say wrong (its "e" is a guess between the
#: schwa and e taling); these are given to it as phonemes, ``[[b@l'as]]``, the rest as text.
BY_PHONEMES: frozenset[str] = frozenset(
    {"empat", "enam", "belas", "sebelas", "nomor_antrean", "silakan_ke_loket"}
    | {f"huruf_{letter}" for letter in "bcdgjpstvwy"}
)
LEAD_SECONDS = 0.02
TAIL_SECONDS = 0.04
FADE_SECONDS = 0.01
PEAK = 0.89  # -1 dBFS


def spoken_text(name: str) -> str:
    """What espeak-ng is given for the clip ``name``."""
    return f"[[{PHONEMES[name]}]]" if name in BY_PHONEMES else VOCABULARY[name]


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
        for name in VOCABULARY:
            raw = Path(tmp) / f"{name}.wav"
            espeak(spoken_text(name), raw, voice=voice, speed=speed, pitch=pitch)
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
        f"{rate} Hz mono 16-bit.\n"
        "Each clip says the phonemes in tools/make_clips.py's PHONEMES table (checked by\n"
        "tests/test_speech_phonemes.py); these are given to espeak-ng as phonemes because its\n"
        "Indonesian rules mistake the e: "
        + ", ".join(f"{name} [[{PHONEMES[name]}]]" for name in sorted(BY_PHONEMES))
        + ".\nRun it again to remake these clips.\n",
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
