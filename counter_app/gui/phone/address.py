"""Web > Show the address for phones: the phone page's address as a large QR code, in
letters, and as a poster to print (Save as image…)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from counter_app.gui.forms.ui_web_address_dialog import Ui_WebAddressDialog
from counter_app.gui.phone.poster import (
    SCAN_EN,
    SCAN_ID,
    needs_office_wifi,
    qr_matrix,
    save_poster,
)
from counter_app.gui.phone.server import WebServer, WebState
from counter_app.gui.shell.style import set_state

if TYPE_CHECKING:
    from counter_app.gui.shell.context import Context

QR_SIDE = 400  # at most, in pixels on the screen: whole modules, so a phone reads it off it
POSTER_NAME = "halaman-ponsel-qr.png"


def qr_image(text: str, side: int = QR_SIDE) -> QImage:
    """The QR code of ``text`` with every module the same whole number of pixels."""
    matrix = qr_matrix(text)
    module = max(1, side // len(matrix))
    size = module * len(matrix)
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                painter.fillRect(c * module, r * module, module, module, black)
    painter.end()
    return image


class WebAddressDialog(QDialog):
    """The address of the lobby board for phones (``/``) and its QR code. The address is
    worked out off the GUI thread, so it arrives through ``set_address``."""

    def __init__(self, parent: QWidget | None, ctx: Context, server: WebServer) -> None:
        super().__init__(parent)
        self.ui = Ui_WebAddressDialog()
        self.ui.setupUi(self)
        self.ctx, self.server = ctx, server
        self.address: str | None = None
        self._saving = False
        # The words for visitors stay Indonesian (and English) whatever the desk speaks.
        self.ui.scanLabel.setText(SCAN_ID)
        self.ui.scanEnglishLabel.setText(SCAN_EN)
        self.ui.savedLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.ui.hintLabel.hide()
        self.ui.saveButton.setEnabled(False)
        self.ui.saveButton.clicked.connect(self.save_poster)
        server.changed.connect(self._show_state)
        self._show_state()

    def set_address(self, address: str) -> None:
        self.address = address
        self.ui.qrLabel.setPixmap(QPixmap.fromImage(qr_image(address)))
        self.ui.addressLabel.setText(address)
        self.ui.hintLabel.setText(
            self.tr("Phones must be on the office Wi-Fi to open this address.")
            if needs_office_wifi(address)
            else ""
        )
        self.ui.hintLabel.setVisible(needs_office_wifi(address))
        self.ui.saveButton.setEnabled(not self._saving)

    def qr(self) -> QImage:
        """The QR code as shown."""
        return self.ui.qrLabel.pixmap().toImage()

    def _show_state(self) -> None:
        state = self.server.state
        if state == WebState.RUNNING:
            note = ""
        elif state == WebState.FAILED:
            note = self.tr(
                "The phone page server is not running ({problem}): phones cannot open this "
                "address until it is started again (menu Web)."
            ).format(problem=self.server.problem)
        elif state == WebState.STARTING:
            note = self.tr("The phone page server is starting…")
        else:
            note = self.tr(
                "The phone page server is off: phones cannot open this address until it is "
                "started (menu Web)."
            )
        self.ui.noteLabel.setText(note)
        self.ui.noteLabel.setVisible(bool(note))

    # --- the poster ------------------------------------------------------------------------

    def ask_path(self) -> Path | None:
        """Where to save the poster; None when cancelled. (Tests replace this.)"""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the poster for phones"),
            str(Path(folder) / POSTER_NAME),
            self.tr("PNG image (*.png)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".png" else path.with_name(path.name + ".png")

    def save_poster(self) -> None:
        address = self.address
        if address is None or self._saving:
            return
        path = self.ask_path()
        if path is None:
            return
        self._saving = True
        self.ui.saveButton.setEnabled(False)
        office = self.ctx.config.office.name
        self.ctx.render.submit(
            lambda: save_poster(path, office, address), self._saved, name="web poster"
        )

    def _saved(self, path: Path | None, error: BaseException | None) -> None:
        self._saving = False
        self.ui.saveButton.setEnabled(self.address is not None)
        if error is not None or path is None:
            reason = getattr(error, "strerror", None) or str(error)
            self.ui.savedLabel.setText(
                self.tr("The poster was not saved: {reason}").format(reason=reason)
            )
            set_state(self.ui.savedLabel, "level", "error")
            return
        set_state(self.ui.savedLabel, "level", None)
        text = self.tr(
            "Poster saved: {path}. Print it and hang it at the entrance and in the car park."
        )
        self.ui.savedLabel.setText(text.format(path=path))

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.server.changed.disconnect(self._show_state)
        super().done(result)


def show_address(parent: QWidget, ctx: Context, server: WebServer) -> WebAddressDialog:
    dialog = WebAddressDialog(parent, ctx, server)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
