"""The menus every window has: the other windows, and Help > Self-test and About; and
where a window's own menus go."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from counter_app.gui.shell import dialogs

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
    desk = windows.addAction(QCoreApplication.translate("menus", "Front desk: issue tickets"))
    desk.triggered.connect(lambda: open_window(window, ctx, "desk"))
    for counter in ctx.config.counters:
        action = windows.addAction(
            QCoreApplication.translate("menus", "Counter panel: {counter}").format(
                counter=counter.label
            )
        )
        action.triggered.connect(
            lambda _checked=False, n=counter.number: open_window(window, ctx, "counter", n)
        )
    display = windows.addAction(QCoreApplication.translate("menus", "Lobby display"))
    display.triggered.connect(lambda: open_window(window, ctx, "display"))
    report = windows.addAction(QCoreApplication.translate("menus", "Daily report…"))
    report.triggered.connect(lambda: open_window(window, ctx, "report"))
    settings = windows.addAction(QCoreApplication.translate("menus", "Settings (admin PIN)…"))
    settings.triggered.connect(lambda: open_settings(window, ctx))
    windows.addSeparator()
    close = windows.addAction(QCoreApplication.translate("menus", "Close this window"))
    close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
    close.triggered.connect(window.close)

    help_menu = bar.addMenu(QCoreApplication.translate("menus", "&Help"))
    help_menu.setObjectName(HELP_MENU)
    self_test = help_menu.addAction(
        QCoreApplication.translate("menus", "Self-test: check this PC and printer…")
    )
    self_test.triggered.connect(lambda: run_self_test(window, ctx))
    about = help_menu.addAction(QCoreApplication.translate("menus", "About counter-app"))
    about.triggered.connect(lambda: show_about(window, ctx))


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


def open_settings(parent: QMainWindow, ctx: Context) -> None:
    from counter_app.gui.settings.dialog import open_settings as ask_and_open

    ask_and_open(parent, ctx)


def run_self_test(parent: QMainWindow, ctx: Context) -> None:
    """The checks of `counter-app self-test`, shown in a dialog when they are done."""
    from counter_app.gui import selftest

    selftest.run_in_app(parent, ctx)


def show_about(parent: QMainWindow, ctx: Context) -> None:
    from counter_app.gui.shell.about import AboutDialog

    dialog = AboutDialog(parent, ctx)
    dialog.open()
