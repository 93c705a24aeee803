"""What a person in the office sees, through the start-up code users run.

The lobby display is read from its pixels: every text on it must stand out 7:1 from what
lies behind it (WCAG AAA), with the desk's application style sheet applied as it is when
``counter-app display`` starts (or when the desk's menu opens the display). And a PC
without the system's sound libraries still issues tickets, and runs the display silent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from array import array
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from guikit import Office, open_office
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.gui.display.view import AAA, contrast
from counter_app.gui.display.widgets import FitLabel
from counter_app.gui.display.window import DisplayWindow
from counter_app.gui.shell import app as app_mod
from tools import capture

ROOT = Path(__file__).resolve().parent.parent

# --- reading contrast from pixels --------------------------------------------------------------


def text_contrast(image: QImage, rect: QRect) -> tuple[float, QColor, QColor]:
    """(ratio, text, background) of one label's box: the background is its commonest
    colour, the text the colour farthest from it that covers a real share of the box
    (antialiased edges are mixtures, and never farther than the text's own colour)."""
    part = image.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    pixels = Counter(array("I", bytes(part.constBits())))
    background_rgb, _ = pixels.most_common(1)[0]
    background = QColor.fromRgb(background_rgb)
    least = max(12, sum(pixels.values()) // 400)
    best, text = 1.0, background
    for rgb, count in pixels.items():
        if count >= least and (ratio := contrast(QColor.fromRgb(rgb), background)) > best:
            best, text = ratio, QColor.fromRgb(rgb)
    return best, text, background


def labels_to_read(window: DisplayWindow) -> dict[str, FitLabel]:
    view = window.view
    named: dict[str, FitLabel] = {
        "office": view.office,
        "subtitle": view.subtitle,
        "clock": view.clock,
        "date": view.date,
        "newest number": view.now_code,
        "newest counter": view.now_where,
        "now caption": view.now_caption,
        "counters title": view.counters_title,
        "recent title": view.recent_title,
        "come-in title": view.admit_title,
        "occupancy": view.occupancy,
        "waiting": view.waiting,
        "notice": view.notice,
    }
    for number, (_tile, name, code) in view.tiles.items():
        named[f"counter {number} name"] = name
        named[f"counter {number} number"] = code
    for i, (_row, code, where) in enumerate(view.recent_rows):
        named[f"recent call {i + 1}"] = code
        named[f"recent call {i + 1} counter"] = where
    for i, code in enumerate(view.admit_codes):
        named[f"come in {i + 1}"] = code
    return {k: v for k, v in named.items() if v.isVisible() and v.text().strip()}


@pytest.fixture
def busy_office(qapp: QApplication, tmp_path: Path, sqlite_url: str) -> Iterator[Office]:
    """A full hall in wait_outside mode: calls, people let in, a suspended service."""
    office = open_office(tmp_path, sqlite_url, capacity={"limit": 3, "when_full": "wait_outside"})
    q = office.queue
    for _ in range(5):
        q.issue("A", printing=False)
    q.call_next(1)
    q.done(1)  # A-004 is let in
    q.call_next(1)
    q.call_next(2)  # A-004 waits in the come-in list; the hall is full again
    yield office
    office.close()


def open_display_as_users_do(qtbot: QtBot, office: Office, size: tuple[int, int]) -> DisplayWindow:
    app_mod.application()  # the same set-up as `counter-app display`: the desk's style sheet
    window = app_mod.open_windows(office.ctx, "display", windowed=True)
    assert isinstance(window, DisplayWindow)
    qtbot.addWidget(window)
    window.setGeometry(0, 0, *size)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.status is not None, timeout=5000)
    qtbot.waitUntil(lambda: bool(window.view.admit_codes[0].text()), timeout=5000)
    qtbot.wait(100)
    return window


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_every_text_on_the_lobby_display_reads_at_7_to_1(
    qtbot: QtBot, busy_office: Office, size: tuple[int, int]
) -> None:
    window = open_display_as_users_do(qtbot, busy_office, size)
    try:
        assert QApplication.instance().styleSheet()  # type: ignore[union-attr]
        window.shutdown()  # hold still: no flashing, ticking or reading while it is measured
        image = capture.grab(window)
        labels = labels_to_read(window)
        assert {"newest number", "newest counter", "clock", "recent call 1"} <= labels.keys()
        weak = []
        for what, label in labels.items():
            rect = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
            ratio = image.devicePixelRatio()
            scaled = QRect(
                int(rect.x() * ratio),
                int(rect.y() * ratio),
                int(rect.width() * ratio),
                int(rect.height() * ratio),
            )
            measured, text, behind = text_contrast(image, scaled)
            if measured < AAA:
                weak.append(f"{what}: {text.name()} on {behind.name()} = {measured:.2f}:1")
        assert weak == [], f"{image.text('Platform')}: " + "; ".join(weak)
    finally:
        window.close()


def test_the_built_in_theme_meets_7_to_1_everywhere(busy_office: Office) -> None:
    from counter_app.gui.display.view import Palette

    assert Palette(busy_office.config.display.theme).low_contrast() == []


# --- a PC without sound libraries ----------------------------------------------------------------

#: Run in a child process: QtMultimedia and QtTextToSpeech fail to import as they do on a PC
#: without libpulse.so.0, then the window opens through counter_app.gui.shell.app.run.
NO_SOUND_CHILD = textwrap.dedent(
    """
    import argparse, json, sys, time
    from pathlib import Path

    class NoSoundLibrary:
        def find_spec(self, name, path=None, target=None):
            if name in ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech"):
                raise ImportError(
                    "libpulse.so.0: cannot open shared object file: No such file or directory"
                )
            return None

    sys.meta_path.insert(0, NoSoundLibrary())

    from counter_app.gui.shell import app as app_mod

    command, config = sys.argv[1], Path(sys.argv[2])
    seen = {}

    def wait(app, until, timeout=20.0):
        deadline = time.monotonic() + timeout
        while not until() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        return until()

    def loop(app):
        windows = [w for w in app.topLevelWidgets() if w.isVisible()]
        window = windows[0]
        seen["window"] = type(window).__name__
        if command == "desk":
            wait(app, lambda: window.loaded_once)
            window.issue("A")
            wait(app, lambda: bool(window.ctx.queue.recent_tickets(5)))
            seen["issued"] = [t.code for t in window.ctx.queue.recent_tickets(5)]
        else:
            wait(app, lambda: window.status is not None)
            seen["note"] = window.view.sound_note
            seen["backend"] = window.announcer.backend
            window.queue.call_next(1)
            wait(app, lambda: window.view.now_code.text() == "A-001")
            seen["now"] = window.view.now_code.text()
        seen["multimedia"] = "PySide6.QtMultimedia" in sys.modules
        for w in windows:
            w.close()
        return 0

    app_mod.event_loop = loop
    namespace = argparse.Namespace(
        command=command, config=config, db=None, number=None, screen=None, windowed=True
    )
    code = app_mod.run(namespace)
    print(json.dumps({"code": code, **seen}))
    """
)


def run_without_sound(tmp_path: Path, office: Office, command: str) -> dict[str, object]:
    env = {
        **os.environ,
        "COUNTER_APP_NO_CRASH_DIALOG": "1",
        "COUNTER_APP_LOG_DIR": str(tmp_path / "logs"),
        "COUNTER_APP_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", NO_SOUND_CHILD, command, str(office.config_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def test_the_desk_issues_tickets_on_a_pc_without_sound_libraries(
    tmp_path: Path, sqlite_url: str, qapp: QApplication
) -> None:
    office = open_office(tmp_path, sqlite_url)
    try:
        seen = run_without_sound(tmp_path, office, "desk")
    finally:
        office.close()
    assert seen == {"code": 0, "window": "DeskWindow", "issued": ["A-001"], "multimedia": False}


def test_the_display_runs_silent_and_says_so_without_sound_libraries(
    tmp_path: Path, sqlite_url: str, qapp: QApplication
) -> None:
    office = open_office(tmp_path, sqlite_url)
    office.queue.issue("A", printing=False)
    try:
        seen = run_without_sound(tmp_path, office, "display")
    finally:
        office.close()
    assert seen["code"] == 0 and seen["window"] == "DisplayWindow"
    assert seen["note"] == "suara tidak tersedia"
    assert seen["backend"] == "none"
    assert seen["now"] == "A-001"  # and it keeps following the queue
    log = (tmp_path / "logs" / "counter-app.log").read_text(encoding="utf-8")
    assert "libpulse.so.0" in log  # the missing library, by name
