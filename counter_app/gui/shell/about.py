"""Help > About: the version, and where this station keeps its configuration, data and log."""

from __future__ import annotations

import html
import platform
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QWidget

from counter_app import __version__
from counter_app.gui.forms.ui_about_dialog import Ui_AboutDialog

if TYPE_CHECKING:
    from counter_app.gui.shell.context import Context


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx: Context) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ui.versionLabel.setText(self.tr("Version {version}").format(version=__version__))
        office = ctx.config.office
        rows = [
            (self.tr("Office"), office.name),
            (self.tr("Station"), office.station),
            (self.tr("Database"), str(ctx.queue.db.public_url)),
            (self.tr("Configuration"), str(ctx.config_path or "-")),
            (self.tr("Log file"), str(ctx.log_path or "-")),
            (
                self.tr("Components"),
                f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}",
            ),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td>"
            f"<td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        self.ui.detailsLabel.setTextFormat(Qt.TextFormat.RichText)
        self.ui.detailsLabel.setText(f"<table>{cells}</table>")

    def version_text(self) -> str:
        return self.ui.versionLabel.text()
