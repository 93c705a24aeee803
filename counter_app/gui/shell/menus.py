"""The menus every window has: Window (every registered kind, and the registered commands
such as Settings) and Help (the registered commands such as Self-test, and About); and
where a window's own menus go."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from counter_app.gui.shell import dialogs, registry
from counter_app.gui.shell.about import AboutDialog
from counter_app.gui.shell.registry import Menu

if TYPE_CHECKING:
    from counter_app.gui.shell.context import Context

log = logging.getLogger(__name__)
HELP_MENU = "helpMenu"


def open_window(parent: QMainWindow, ctx: Context, kind: str, number: int | None = None) -> None:
    try:
        ctx.open_window(kind, number)
    except ImportError:
        log.exception("the lobby display could not be loaded")
        dialogs.show_warning(
            parent,
            QCoreApplication.translate("menus", "Lobby display"),
            QCoreApplication.translate(
                "menus", "The lobby display is not available in this installation."
            ),
        )


def install(window: QMainWindow, ctx: Context) -> None:
    bar = window.menuBar()
    windows = bar.addMenu(QCoreApplication.translate("menus", "&Window"))
    for kind in registry.window_kinds():
        if kind.per_counter:
            for counter in ctx.config.counters:
                action = windows.addAction(kind.title(counter.label))
                action.triggered.connect(
                    lambda _c=False, k=kind.name, n=counter.number: open_window(window, ctx, k, n)
                )
        else:
            action = windows.addAction(kind.title(""))
            action.triggered.connect(lambda _c=False, k=kind.name: open_window(window, ctx, k))
    _add_commands(windows, Menu.WINDOW, window, ctx)
    windows.addSeparator()
    close = windows.addAction(QCoreApplication.translate("menus", "Close this window"))
    close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
    close.triggered.connect(window.close)

    help_menu = bar.addMenu(QCoreApplication.translate("menus", "&Help"))
    help_menu.setObjectName(HELP_MENU)
    _add_commands(help_menu, Menu.HELP, window, ctx)
    about = help_menu.addAction(QCoreApplication.translate("menus", "About counter-app"))
    about.triggered.connect(lambda: AboutDialog(window, ctx).open())


def _add_commands(menu: QMenu, which: Menu, window: QMainWindow, ctx: Context) -> None:
    for command in registry.commands(which):
        action = menu.addAction(command.title())
        action.triggered.connect(lambda _c=False, run=command.run: run(window, ctx))


def add_menu(window: QMainWindow, title: str) -> QMenu:
    """A window's own menu, added before Help, which stays last where people look for it."""
    bar = window.menuBar()
    menu = QMenu(title, bar)
    help_menu = bar.findChild(QMenu, HELP_MENU)
    if help_menu is None:
        bar.addMenu(menu)
    else:
        bar.insertMenu(help_menu.menuAction(), menu)
    return menu
