"""Unexpected errors: logged with their traceback, shown in a dialog, the window kept usable.

As in Electrum, the exception hook only emits a signal; the dialog is built by the slot,
on the GUI thread, whatever thread the error happened on. Identical errors are shown
once per session and only logged after that, so a fault that repeats every second
cannot bury the desk in dialogs. ``COUNTER_APP_NO_CRASH_DIALOG=1`` turns the dialog off
(Picard's ``--no-crash-dialog``) for CI and unattended machines.
"""

from __future__ import annotations

import contextlib
import logging
import os
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal, Slot, qVersion
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from counter_app import __version__
from counter_app.gui.forms.ui_error_dialog import Ui_ErrorDialog

log = logging.getLogger(__name__)
NO_DIALOG_ENV = "COUNTER_APP_NO_CRASH_DIALOG"


def dialog_disabled() -> bool:
    return os.environ.get(NO_DIALOG_ENV, "").strip().lower() not in ("", "0", "false", "no")


def describe(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """Everything a developer needs, as plain text that staff can copy into a message."""
    lines = [
        f"counter-app {__version__}",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}",
        f"{platform.platform()}",
        f"thread: {threading.current_thread().name}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


def _key(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    where = ""
    frames = traceback.extract_tb(tb) if tb is not None else []
    if frames:
        where = f"{frames[-1].filename}:{frames[-1].lineno}"
    return f"{exc_type.__qualname__}|{exc}|{where}"


class ErrorDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, message: str, details: str, log_path: Path | None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ErrorDialog()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ui.messageLabel.setText(message)
        self.ui.detailsEdit.setPlainText(details)
        if log_path is not None:
            text = self.tr("The details are also in the log file: {path}")
            self.ui.logLabel.setText(text.format(path=log_path))
        else:
            self.ui.logLabel.hide()
        self.ui.copyButton.clicked.connect(self.copy_details)

    def details(self) -> str:
        return self.ui.detailsEdit.toPlainText()

    @Slot()
    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details())
        self.ui.copyButton.setText(self.tr("Copied"))


class ExceptionHook(QObject):
    """Catches what nobody else caught, on any thread."""

    caught = Signal(str, str, str)  # key, message, details

    def __init__(
        self,
        log_path: Path | None = None,
        *,
        show_dialog: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.show_dialog = not dialog_disabled() if show_dialog is None else show_dialog
        self.dialogs: list[ErrorDialog] = []
        self._shown: set[str] = set()
        self._old_hook = sys.excepthook
        self._old_thread_hook = threading.excepthook
        self.caught.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._old_hook = sys.excepthook
        self._old_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._old_hook
        if threading.excepthook == self._handle_thread:
            threading.excepthook = self._old_thread_hook

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        message = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
        # RuntimeError: the application is shutting down; the log has it all the same
        with contextlib.suppress(RuntimeError):
            self.caught.emit(_key(exc_type, exc, tb), message, describe(exc_type, exc, tb))

    @Slot(str, str, str)
    def _show(self, key: str, message: str, details: str) -> None:
        if key in self._shown:
            log.info("the same error again; not shown again: %s", message)
            return
        self._shown.add(key)
        if not self.show_dialog:
            return
        dialog = ErrorDialog(QApplication.activeWindow(), message, details, self.log_path)
        self.dialogs.append(dialog)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget(d))
        dialog.show()  # not modal: the desk keeps working while the dialog is open
        dialog.raise_()

    def _forget(self, dialog: ErrorDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
