"""The frozen bundle, as CI builds it: `counter-app-cli self-test` passes on its own.

Run by .ci/run after `pyinstaller build.spec`, with COUNTER_APP_BUNDLE naming the built
folder (dist/counter-app); it is not part of the README's test command, which needs no
PyInstaller. The bundle writes its configuration with its own `init-config` (the sample,
printing to the preview printer) into a throwaway folder, never the CI user's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BUNDLE = os.environ.get("COUNTER_APP_BUNDLE", "")
EXE = ".exe" if sys.platform == "win32" else ""
pytestmark = pytest.mark.skipif(not BUNDLE, reason="COUNTER_APP_BUNDLE names no built bundle")


def frozen(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "COUNTER_APP_CONFIG_DIR": str(tmp_path / "config"),
        "COUNTER_APP_DATA_DIR": str(tmp_path / "data"),
        "COUNTER_APP_LOG_DIR": str(tmp_path / "log"),
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [str(Path(BUNDLE) / f"counter-app-cli{EXE}"), *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        env=env,
    )


def test_the_frozen_self_test_passes(tmp_path: Path) -> None:
    config = tmp_path / "office.toml"
    written = frozen(tmp_path, "init-config", str(config))
    assert written.returncode == 0, written.stderr
    proc = frozen(tmp_path, "--config", str(config), "self-test")
    print(proc.stdout, end="")  # the one line a check, in CI's log
    log = tmp_path / "log" / "counter-app.log"
    detail = log.read_text(encoding="utf-8")[-4000:] if log.is_file() else "(no log)"
    assert proc.returncode == 0, f"{proc.stderr}\n--- log ---\n{detail}"
    outcomes = {
        line.split(maxsplit=1)[1][:16].strip(): line.split()[0] for line in proc.stdout.splitlines()
    }
    assert outcomes["window desk"] == outcomes["window display"] == outcomes["escpos"] == "ok"
    assert outcomes["translations"] == outcomes["migrations"] == outcomes["printer"] == "ok"
    assert outcomes["phone pages"] == "ok"  # templates, static files and uvicorn are bundled


def test_both_programs_are_there_and_say_their_version(tmp_path: Path) -> None:
    for program in ("counter-app", "counter-app-cli"):
        assert (Path(BUNDLE) / f"{program}{EXE}").is_file()
    proc = frozen(tmp_path, "--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("counter-app ")


def test_the_qt_left_out_stays_out() -> None:
    """The modules build.spec leaves out (QtQml/QtQuick, WebEngine, FFmpeg) are not in."""
    names = {p.name for p in Path(BUNDLE).rglob("*")}
    for unwanted in ("Qt6Qml", "Qt6Quick", "Qt6WebEngine", "avcodec", "QtQml.", "Qt6Pdf"):
        assert not [n for n in names if unwanted in n], unwanted
