"""Helpers for the window tests: an office on a real temporary database, with the windows'
context, and the app styled and speaking Indonesian the way a station starts."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import write_config
from PySide6.QtWidgets import QApplication, QWidget

from counter_app.core import config as config_mod
from counter_app.core.config import Config
from counter_app.core.queue import Clock, Queue, open_queue
from counter_app.gui.shell import app as app_mod
from counter_app.gui.shell import i18n
from counter_app.gui.shell.context import Context

SCREEN = (1366, 768)
#: a maximised window on a 1366 x 768 laptop: minus the taskbar (40) and the title bar (30)
USABLE = (1366, 768 - 70)


@dataclass
class Office:
    config_path: Path
    config: Config
    queue: Queue
    ctx: Context

    def close(self) -> None:
        for window in list(self.ctx.windows):
            window.close()
        self.ctx.close()

    def codes(self) -> list[str]:
        return sorted(t.code for t in self.queue.recent_tickets(100))

    def child(self, *command: str) -> subprocess.CompletedProcess[str]:
        """Another station: a separate process running a queue command on the same database."""
        return subprocess.run(
            [sys.executable, "-m", "counter_app", "--config", str(self.config_path), *command],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )


def open_office(
    tmp_path: Path,
    db_url: str,
    *,
    synchronous: bool = True,
    watch: bool = False,
    clock: Clock | None = None,
    **sections: Any,
) -> Office:
    path = write_config(tmp_path / "office.toml", db_url, **sections)
    cfg = config_mod.load_config(path)
    queue = open_queue(cfg, clock=clock)
    ctx = Context(queue, config_path=path, synchronous=synchronous, watch=watch)
    return Office(path, cfg, queue, ctx)


@contextmanager
def station_look(app: QApplication, language: str = "id") -> Iterator[None]:
    """The style sheet and translation of a running station, undone afterwards (the
    QApplication is shared with every other test)."""
    old_style, old_sheet = app.style().name(), app.styleSheet()
    assert app_mod.application() is app  # the set-up `counter-app` itself runs
    translation = i18n.install(app, language)
    try:
        yield
    finally:
        translation.remove(app)
        app.setStyleSheet(old_sheet)
        app.setStyle(old_style)


def timed_wait(qtbot: Any, check: Any, timeout_ms: int) -> float:
    """qtbot.waitUntil, returning how long it took in milliseconds."""
    start = time.monotonic()
    qtbot.waitUntil(check, timeout=timeout_ms)
    return (time.monotonic() - start) * 1000


def show_active(qtbot: Any, window: QWidget) -> None:
    """Show and activate: the F keys are window shortcuts, live only in the active window.
    (qtbot.waitActive returns before the offscreen platform has activated it.)"""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
