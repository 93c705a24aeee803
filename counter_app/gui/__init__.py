"""The windows (PySide6): the shell every window stands on, and one package per window.

Importing this package registers every window kind and menu command this build has
(each package registers its own on import; see shell/registry.py), so the shell's
menus and ``Context.open_window`` find them without importing any window themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from counter_app.gui import counter, desk, display, report, settings
from counter_app.gui.shell.registry import Menu, MenuCommand, register_command

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from counter_app.gui.shell.context import Context

__all__ = ["counter", "desk", "display", "report", "settings"]


def _self_test(parent: QMainWindow, ctx: Context) -> None:
    """The checks of `counter-app self-test`, shown in a dialog when they are done."""
    from counter_app.gui.selftest import run_in_app

    run_in_app(parent, ctx)


register_command(
    MenuCommand(
        Menu.HELP,
        order=10,
        title=lambda: QCoreApplication.translate("menus", "Self-test: check this PC and printer…"),
        run=_self_test,
    )
)
