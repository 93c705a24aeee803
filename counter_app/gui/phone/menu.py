"""The desk's Web menu and the phone page's line in its status bar.

Web > Start / Stop the phone page server run `counter-app web` as a child process
(``WebServer``); Web > Show the address for phones… opens its QR code. The status bar
says whether phones can reach the page: on (with the address), off, or why it is not
running, in the server's own words.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from counter_app.gui.phone.address import WebAddressDialog, show_address
from counter_app.gui.phone.server import WebState, station_server
from counter_app.gui.shell import menus
from counter_app.gui.shell.widgets import set_light
from counter_app.gui.shell.worker import report_unhandled

if TYPE_CHECKING:
    from counter_app.gui.shell.context import Context

log = logging.getLogger(__name__)

_LIGHT = {
    WebState.OFF: "off",
    WebState.STARTING: "warning",
    WebState.RUNNING: "ok",
    WebState.STOPPING: "warning",
    WebState.FAILED: "error",
}


class WebMenu(QObject):
    def __init__(self, window: QMainWindow, ctx: Context) -> None:
        super().__init__(window)
        self.window, self.ctx = window, ctx
        self.server = station_server(ctx)
        self.address: str | None = None  # address_for_phones(), worked out on a worker
        self.dialog: WebAddressDialog | None = None

        menu = menus.add_menu(window, self.tr("&Web"))
        self.start_action = menu.addAction(self.tr("Start the phone page server"))
        self.start_action.triggered.connect(self.server.start)
        self.stop_action = menu.addAction(self.tr("Stop the phone page server"))
        self.stop_action.triggered.connect(self.server.stop)
        menu.addSeparator()
        self.address_action = menu.addAction(self.tr("Show the address for phones…"))
        self.address_action.triggered.connect(self.show_address)

        bar = window.statusBar()
        bar.setSizeGripEnabled(False)
        self.light, self.label = QLabel(bar), QLabel(bar)
        self.light.setObjectName("webLight")
        self.label.setObjectName("webStatus")
        bar.addWidget(self.light)
        bar.addWidget(self.label, 1)
        self.server.changed.connect(self._show_state)
        self._show_state()
        self._find_address()

    # --- the address -----------------------------------------------------------------------

    def _find_address(self) -> None:
        # The PC's LAN address comes from a name lookup: never on the GUI thread.
        cfg = self.ctx.config

        def find() -> str:
            from counter_app.web.launch import address_for_phones  # not at the desk's start

            return address_for_phones(cfg)

        self.ctx.render.submit(find, self._address_found, name="address for phones")

    def _address_found(self, address: str | None, error: BaseException | None) -> None:
        if error is not None or address is None:
            report_unhandled(error or RuntimeError("no address for phones"))
            return
        self.address = address
        self._show_state()
        if self.dialog is not None:
            self.dialog.set_address(address)

    def show_address(self) -> WebAddressDialog:
        if self.dialog is None:
            self.dialog = show_address(self.window, self.ctx, self.server)
            self.dialog.destroyed.connect(self._dialog_gone)
            if self.address is not None:
                self.dialog.set_address(self.address)
            self._find_address()  # the PC may have another address since
        else:
            self.dialog.raise_()
            self.dialog.activateWindow()
        return self.dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    # --- the state -------------------------------------------------------------------------

    def status_text(self) -> str:
        return self.label.text()

    def _show_state(self) -> None:
        state = self.server.state
        self.start_action.setEnabled(state in (WebState.OFF, WebState.FAILED))
        self.stop_action.setEnabled(state in (WebState.STARTING, WebState.RUNNING))
        if state == WebState.RUNNING:
            address = self.address or self.server.serving_on or "?"
            text = self.tr("Phone page: on — {address}").format(address=address)
        elif state == WebState.STARTING:
            text = self.tr("Phone page: starting…")
        elif state == WebState.STOPPING:
            text = self.tr("Phone page: stopping…")
        elif state == WebState.FAILED:
            text = self.tr("Phone page: not running — {problem}").format(
                problem=self.server.problem
            )
        else:
            text = self.tr("Phone page: off")
        set_light(self.light, self.label, _LIGHT[state], text)

    def close(self) -> None:
        """The desk is closing: the server stops with it (the desk does not wait)."""
        with contextlib.suppress(RuntimeError, TypeError):
            self.server.changed.disconnect(self._show_state)
        self.server.stop()
