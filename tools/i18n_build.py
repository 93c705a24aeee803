"""Refresh the translation sources and compile them: ``python -m tools.i18n_build``.

1. pyside6-lupdate collects every translatable string of ui/*.ui and counter_app/gui/
   into resources/translations/counter_app_<lang>.ts (new strings come in "unfinished");
2. translate those in Qt Linguist (``pyside6-linguist``) or any editor;
3. pyside6-lrelease compiles each .ts into the .qm that the app loads. The .qm files are
   committed, so a fresh clone runs without the Qt tools.

``--release-only`` skips step 1; ``--check`` reports strings still untranslated (exit 1).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from counter_app.core import paths
from tools.build_forms import ROOT, UI_DIR, qt_tool

GUI_DIR = ROOT / "counter_app" / "gui"
TRANSLATED = ("id",)  # English is the source language and needs no file


def ts_path(language: str) -> Path:
    return paths.resource_path("translations", f"counter_app_{language}.ts")


def sources() -> list[Path]:
    """The .ui forms and the hand-written modules (not the forms compiled from them)."""
    python = [
        p for p in sorted(GUI_DIR.rglob("*.py")) if "forms" not in p.relative_to(GUI_DIR).parts
    ]
    return [*sorted(UI_DIR.glob("*.ui")), *python]


def update(ts_file: Path, files: list[Path] | None = None) -> None:
    subprocess.run(
        [
            qt_tool("pyside6-lupdate"),
            *(str(f) for f in files or sources()),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            ts_file.stem.rsplit("_", 1)[-1],
            "-ts",
            str(ts_file),
        ],
        check=True,
        capture_output=True,
    )


def release(ts_file: Path, qm_file: Path | None = None) -> Path:
    qm_file = qm_file or ts_file.with_suffix(".qm")
    # Compiled beside it, then renamed over it: a window that has the old file open
    # keeps reading the old file, whole.
    partial = qm_file.with_name(f".{qm_file.name}.partial")
    subprocess.run(
        [qt_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(partial)],
        check=True,
        capture_output=True,
    )
    partial.replace(qm_file)
    return qm_file


def unfinished(ts_file: Path) -> list[str]:
    """Source strings of the .ts without a finished translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            kind = translation.get("type")
            empty = not (translation.text or "").strip() and translation.find("numerusform") is None
            if kind in ("unfinished",) or empty:
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release-only", action="store_true", help="only compile .ts to .qm")
    parser.add_argument("--check", action="store_true", help="list untranslated strings")
    args = parser.parse_args(argv)
    status = 0
    for language in TRANSLATED:
        ts_file = ts_path(language)
        if not args.release_only and not args.check:
            update(ts_file)
        missing = unfinished(ts_file)
        for entry in missing:
            print(f"{ts_file.name}: untranslated: {entry}", file=sys.stderr)
        if args.check:
            status = status or (1 if missing else 0)
            continue
        print(f"wrote {release(ts_file)}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
