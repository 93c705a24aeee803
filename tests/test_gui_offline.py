"""The desk's and the counter panel's offline line: it goes when the database is back,
whatever reasons were given while it was away, and an action's own message stays."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from guikit import Office, open_office, show_active, station_look
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.core.model import Reason, Refused
from counter_app.core.queue import DatabaseError
from counter_app.gui.counter.panel import CounterPanel
from counter_app.gui.desk.window import DeskWindow
from counter_app.gui.shell.queue_window import QueueWindow

Opener = Callable[[str], tuple[Office, QueueWindow]]


@pytest.fixture
def open_window(
    tmp_path: Path, sqlite_url: str, qtbot: QtBot, qapp: QApplication
) -> Iterator[Opener]:
    offices: list[Office] = []

    def make(kind: str) -> tuple[Office, QueueWindow]:
        office = open_office(tmp_path, sqlite_url, watch=True)  # its signals, not its thread
        offices.append(office)
        window: QueueWindow = (
            DeskWindow(office.ctx) if kind == "desk" else CounterPanel(office.ctx, 1)
        )
        office.ctx.adopt(window)
        qtbot.addWidget(window)
        show_active(qtbot, window)
        qtbot.waitUntil(lambda: window.loaded_once)
        return office, window

    with station_look(qapp):
        yield make
        for office in offices:
            office.close()


@pytest.mark.parametrize("kind", ["desk", "counter"])
def test_the_offline_line_goes_when_back_whatever_reasons_came(
    open_window: Opener, qtbot: QtBot, kind: str
) -> None:
    office, window = open_window(kind)
    assert office.ctx.watcher is not None
    office.ctx.watcher.online.emit(False, "connection refused")
    qtbot.waitUntil(lambda: window.ui.onlineLabel.text() == "Terputus")
    banner = window.messages.text()
    assert "connection refused" in banner
    # while down, a refresh fails with the driver's own, different words (as _loaded does)
    window.handle_error(DatabaseError("server closed the connection unexpectedly"))
    office.ctx.watcher.online.emit(False, "timeout expired")
    assert window.messages.text() == banner  # said once, not replaced
    office.ctx.watcher.online.emit(True, "")
    qtbot.waitUntil(lambda: window.ui.onlineLabel.text() == "Terhubung")
    assert window.messages.text() == ""


def test_an_actions_own_message_stays_when_back(open_window: Opener, qtbot: QtBot) -> None:
    office, window = open_window("desk")
    assert office.ctx.watcher is not None
    office.ctx.watcher.online.emit(False, "connection refused")
    qtbot.waitUntil(lambda: window.ui.onlineLabel.text() == "Terputus")
    window.handle_error(Refused(Reason.HALL_FULL, "Ruang tunggu penuh (20/20 orang)."))
    office.ctx.watcher.online.emit(True, "")
    qtbot.waitUntil(lambda: window.ui.onlineLabel.text() == "Terhubung")
    assert window.messages.text() == "Ruang tunggu penuh (20/20 orang)."
