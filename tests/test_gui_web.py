"""The desk's Web menu: the real `counter-app web` started and stopped as a child process,
its state in the status bar, and the address for phones as a QR code and a poster."""

from __future__ import annotations

import contextlib
import errno
import http.client
import os
import signal
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from guikit import Office, open_office, station_look
from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_app import menu_action
from webkit import free_port

from counter_app.gui.desk.window import DeskWindow
from counter_app.gui.phone.address import WebAddressDialog
from counter_app.gui.phone.poster import SCAN_ID
from counter_app.gui.phone.server import WebState
from counter_app.gui.shell import app as app_mod
from counter_app.web.launch import address_for_phones

#: the server is a fresh Python process importing the app and its web stack, on a busy
#: machine; nothing here measures time, these only bound a hang
START_MS = 90_000
STOP_MS = 30_000
MENU = "&Web"


def get(port: int, path: str = "/") -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def port_is_free(port: int) -> bool:
    """Nothing listens on it and a new server could take it (as servers do, with
    SO_REUSEADDR, which connections lingering in TIME_WAIT do not block)."""
    with socket.socket() as probe:
        probe.settimeout(5)
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            server.bind(("127.0.0.1", port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return False
            raise
    return True


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def to_pil(image: QImage) -> Image.Image:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    size = (grey.width(), grey.height())
    return Image.frombytes("L", size, bytes(grey.constBits()), "raw", "L", grey.bytesPerLine())


def decoded(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image.convert("L"))]


@pytest.fixture
def open_desk(
    tmp_path: Path, sqlite_url: str, qtbot: QtBot, qapp: QApplication
) -> Iterator[Callable[..., tuple[Office, DeskWindow]]]:
    """The desk as `counter-app desk` opens it, on an office whose [web] section is given;
    the server it starts reads the same configuration file."""
    offices: list[Office] = []
    pids: list[int] = []
    with station_look(qapp):

        def make(**web: Any) -> tuple[Office, DeskWindow]:
            office = open_office(tmp_path, sqlite_url, web=web)
            offices.append(office)
            window = app_mod.open_windows(office.ctx, "desk")
            assert isinstance(window, DeskWindow)
            qtbot.addWidget(window)
            qtbot.waitUntil(lambda: window.loaded_once)
            window.web.server.changed.connect(lambda: remember(window))
            remember(window)
            return office, window

        def remember(window: DeskWindow) -> None:
            pid = window.web.server.pid()
            if pid is not None and pid not in pids:
                pids.append(pid)

        yield make
        for office in offices:
            office.close()  # closes the desk (stop), then the context (waits for the end)
    for pid in pids:  # a test that failed half way leaves no server behind
        if sys.platform != "win32" and alive(pid):
            os.kill(pid, signal.SIGKILL)
            pytest.fail(f"the server {pid} outlived its desk")


def wait_state(qtbot: QtBot, window: DeskWindow, state: WebState, timeout: int) -> None:
    server = window.web.server

    def reached() -> None:
        assert server.state == state, (server.state, server.problem, window.web.status_text())

    qtbot.waitUntil(reached, timeout=timeout)


# --- starting and stopping --------------------------------------------------------------------


def test_the_menu_starts_the_phone_page_and_stops_it(
    open_desk: Callable[..., tuple[Office, DeskWindow]], qtbot: QtBot
) -> None:
    port = free_port()
    _office, window = open_desk(host="127.0.0.1", port=port)
    start = menu_action(window, MENU, "Mulai server halaman ponsel")
    stop = menu_action(window, MENU, "Hentikan server halaman ponsel")
    assert window.web.status_text() == "Halaman ponsel: mati"
    assert (start.isEnabled(), stop.isEnabled()) == (True, False)

    start.trigger()
    assert window.web.server.state == WebState.STARTING  # the desk did not wait for it
    wait_state(qtbot, window, WebState.RUNNING, START_MS)
    address = f"http://127.0.0.1:{port}"
    assert window.web.status_text() == f"Halaman ponsel: aktif — {address}"
    assert window.web.server.serving_on == address
    assert (start.isEnabled(), stop.isEnabled()) == (False, True)
    status, _body = get(port, "/")
    assert status == 200
    pid = window.web.server.pid()
    assert pid is not None

    stop.trigger()
    wait_state(qtbot, window, WebState.OFF, STOP_MS)
    assert window.web.status_text() == "Halaman ponsel: mati"
    assert (start.isEnabled(), stop.isEnabled()) == (True, False)
    if sys.platform != "win32":
        assert not alive(pid)
    assert port_is_free(port)


def test_enabled_starts_it_with_the_desk_and_closing_the_desk_stops_it(
    open_desk: Callable[..., tuple[Office, DeskWindow]], qtbot: QtBot
) -> None:
    port = free_port()
    _office, window = open_desk(enabled=True, host="127.0.0.1", port=port)
    wait_state(qtbot, window, WebState.RUNNING, START_MS)
    assert get(port)[0] == 200
    server, pid = window.web.server, window.web.server.pid()
    assert pid is not None

    window.close()
    assert server.state == WebState.STOPPING  # asked; the desk closed without waiting

    def ended() -> None:
        assert server.state == WebState.OFF, (server.state, server.problem)

    qtbot.waitUntil(ended, timeout=STOP_MS)
    if sys.platform != "win32":
        assert not alive(pid)
    assert port_is_free(port)


def test_a_desk_closed_and_opened_again_at_once_has_its_server_back(
    open_desk: Callable[..., tuple[Office, DeskWindow]], qtbot: QtBot
) -> None:
    port = free_port()
    office, window = open_desk(enabled=True, host="127.0.0.1", port=port)
    wait_state(qtbot, window, WebState.RUNNING, START_MS)
    first = window.web.server.pid()
    window.close()
    again = app_mod.open_windows(office.ctx, "desk")  # before the old server has gone
    assert isinstance(again, DeskWindow) and again is not window
    assert again.web.server.state == WebState.STOPPING  # the new one waits for its end
    qtbot.addWidget(again)
    wait_state(qtbot, again, WebState.RUNNING, START_MS)
    assert again.web.server.pid() != first
    assert get(port)[0] == 200


def test_a_port_in_use_is_told_in_the_status_bar_and_the_menu_tries_again(
    open_desk: Callable[..., tuple[Office, DeskWindow]], qtbot: QtBot
) -> None:
    port = free_port()
    holder = socket.socket()
    holder.bind(("127.0.0.1", port))
    holder.listen()
    try:
        _office, window = open_desk(enabled=True, host="127.0.0.1", port=port)
        wait_state(qtbot, window, WebState.FAILED, START_MS)
    finally:
        holder.close()
    problem = window.web.server.problem
    assert str(port) in problem, problem  # the server's own line names the port
    assert not problem.startswith("counter-app:")
    assert "\n" not in problem
    assert window.web.status_text() == f"Halaman ponsel: tidak berjalan — {problem}"
    assert window.web.light.property("light") == "error"
    assert window.isVisible()

    start = menu_action(window, MENU, "Mulai server halaman ponsel")
    assert start.isEnabled()
    start.trigger()
    wait_state(qtbot, window, WebState.RUNNING, START_MS)
    assert get(port)[0] == 200


@pytest.mark.skipif(sys.platform == "win32", reason="kills with a POSIX signal")
def test_a_server_that_dies_is_told_and_can_be_started_again(
    open_desk: Callable[..., tuple[Office, DeskWindow]], qtbot: QtBot
) -> None:
    port = free_port()
    _office, window = open_desk(enabled=True, host="127.0.0.1", port=port)
    wait_state(qtbot, window, WebState.RUNNING, START_MS)
    pid = window.web.server.pid()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)  # as the out-of-memory killer or a crash would
    wait_state(qtbot, window, WebState.FAILED, STOP_MS)
    assert window.web.status_text() == (
        "Halaman ponsel: tidak berjalan — server berhenti secara tak terduga"
    )
    start = menu_action(window, MENU, "Mulai server halaman ponsel")
    assert start.isEnabled()
    start.trigger()
    wait_state(qtbot, window, WebState.RUNNING, START_MS)
    assert get(port)[0] == 200


# --- the address for phones -------------------------------------------------------------------


@pytest.mark.parametrize(
    "web",
    [
        {"host": "0.0.0.0", "port": 8080},  # this PC's LAN address
        {"public_url": "http://192.168.1.10:8080"},
        {"public_url": "https://antrian.disdukcapil.example.go.id"},
    ],
)
def test_the_address_dialog_shows_a_qr_code_a_phone_reads(
    open_desk: Callable[..., tuple[Office, DeskWindow]],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    web: dict[str, Any],
) -> None:
    office, window = open_desk(**web)
    expected = address_for_phones(office.config)
    menu_action(window, MENU, "Tampilkan alamat untuk ponsel").trigger()
    dialog = window.findChild(WebAddressDialog)
    assert isinstance(dialog, WebAddressDialog)
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.address is not None)
    assert dialog.windowTitle() == "Alamat untuk ponsel"
    assert dialog.ui.scanLabel.text() == SCAN_ID
    assert dialog.ui.addressLabel.text() == expected
    assert "Server halaman ponsel mati" in dialog.ui.noteLabel.text()
    on_the_lan = web.get("public_url", "").startswith("http://192.168.")
    if on_the_lan:
        assert not dialog.ui.hintLabel.isHidden()
        assert dialog.ui.hintLabel.text() == (
            "Ponsel harus tersambung ke Wi-Fi kantor untuk membuka alamat ini."
        )
    elif "public_url" in web:
        assert dialog.ui.hintLabel.isHidden()
    assert decoded(to_pil(dialog.qr())) == [expected]
    assert decoded(to_pil(dialog.grab().toImage())) == [expected]  # as it is on the screen

    poster = tmp_path / "poster" / "halaman-ponsel.png"
    monkeypatch.setattr(dialog, "ask_path", lambda: poster)
    dialog.ui.saveButton.click()
    qtbot.waitUntil(lambda: bool(dialog.ui.savedLabel.text()))
    assert dialog.ui.savedLabel.text().startswith(f"Poster disimpan: {poster}")
    with Image.open(poster) as png:
        assert png.format == "PNG"
        assert decoded(png) == [expected]
    dialog.close()


def test_a_poster_that_cannot_be_written_says_why(
    open_desk: Callable[..., tuple[Office, DeskWindow]],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _office, window = open_desk(public_url="http://192.168.1.10:8080")
    dialog = window.web.show_address()
    qtbot.waitUntil(lambda: dialog.address is not None)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(dialog, "ask_path", lambda: blocked / "poster.png")
    dialog.ui.saveButton.click()
    qtbot.waitUntil(lambda: bool(dialog.ui.savedLabel.text()))
    assert dialog.ui.savedLabel.text().startswith("Poster tidak disimpan:")
    assert dialog.ui.savedLabel.property("level") == "error"
    assert dialog.ui.saveButton.isEnabled()  # staff can pick another folder
    with contextlib.suppress(RuntimeError):
        dialog.close()
