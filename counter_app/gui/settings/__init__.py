"""Settings: the office's configuration file edited behind the admin PIN, in every
window's Window menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from counter_app.gui.shell.registry import Menu, MenuCommand, register_command

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from counter_app.gui.shell.context import Context


def _open(parent: QMainWindow, ctx: Context) -> None:
    from counter_app.gui.settings.dialog import open_settings

    open_settings(parent, ctx)


register_command(
    MenuCommand(
        Menu.WINDOW,
        order=10,
        title=lambda: QCoreApplication.translate("menus", "Settings (admin PIN)…"),
        run=_open,
    )
)
