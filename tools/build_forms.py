"""Compile the Designer forms in ui/ into counter_app/gui/forms/ui_*.py.

Run ``python -m tools.build_forms`` after editing a form in Qt Designer;
``--check`` only reports forms whose compiled module is out of date (exit 1).
tests/test_forms_compiled.py runs the same comparison.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the source checkout
FORMS_DIR = ROOT / "counter_app" / "gui" / "forms"
UI_DIR = ROOT / "ui"
MARKER = "# Automatically generated from ui/{name} by `python -m tools.build_forms`"
MARKER_2 = "# - do not edit: change the form in Qt Designer and rebuild."
_VERSION_LINE = "## Created by: Qt User Interface Compiler version"


def qt_tool(name: str) -> str:
    """A PySide6 command-line tool: beside this Python (venvs, Scripts\\ on Windows) or on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 into this environment")
    return found


def module_path(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path) -> str:
    """The module text for one form: the marker, then exactly what uic writes."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "form.py"
        subprocess.run(
            [qt_tool("pyside6-uic"), "-g", "python", str(ui_file), "-o", str(out)],
            check=True,
            capture_output=True,
        )
        body = out.read_text(encoding="utf-8")
    return f"{MARKER.format(name=ui_file.name)}\n{MARKER_2}\n{body}"


def comparable(text: str) -> str:
    """Module text without the uic version line, which differs between Qt releases."""
    return "\n".join(line for line in text.splitlines() if not line.startswith(_VERSION_LINE))


def ui_files() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale modules")
    args = parser.parse_args(argv)
    stale = []
    for ui_file in ui_files():
        target = module_path(ui_file)
        text = compile_form(ui_file)
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if comparable(current) == comparable(text):
            continue
        stale.append(target)
        if not args.check:
            target.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {target.relative_to(ROOT)}")
    if args.check and stale:
        for target in stale:
            print(f"out of date: {target.name}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
