"""The admin PIN prompt in front of the settings dialog.

The PIN is checked on a worker thread: one scrypt hash takes a third of a second on a
fast PC (core.admin) and longer on an old office one, and the desk window behind keeps
drawing the queue meanwhile; the prompt shows that it is checking, with a busy cursor.
Wrong PINs make the next try wait and, after five, lock the prompt for minutes
(core.admin.PinThrottle); the prompt says until when, by the office's clock.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from counter_app.core.admin import PinThrottle, check_pin
from counter_app.gui.shell import style
from counter_app.gui.shell.worker import Worker, report_unhandled

log = logging.getLogger(__name__)


class PinPrompt(QDialog):
    """Asks for the admin PIN; ``accepted`` only once the right one was typed.

    ``throttle`` counts the wrong tries (the process's shared one outlives the prompt);
    ``now`` is the office's time, for saying when a locked prompt takes a try again;
    ``synchronous`` checks on the caller's thread (a window test, see gui.worker).
    """

    def __init__(
        self,
        parent: QWidget | None,
        pin_hash: str,
        throttle: PinThrottle,
        *,
        now: Callable[[], datetime] = datetime.now,
        synchronous: bool = False,
    ) -> None:
        super().__init__(parent)
        self._pin_hash = pin_hash
        self._throttle = throttle
        self._now = now
        self._checking = False
        self._worker = Worker("admin-pin", self, synchronous=synchronous)
        self.finished.connect(lambda _result: self._worker.stop(timeout=2.0))
        self.setWindowTitle(self.tr("Admin PIN"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Type the admin PIN to change settings:"), self))
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.pin_edit)
        self.message = QLabel(self)
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {style.RED};")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(
            self.tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_pin)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self.refresh)
        self.refresh()

    @Slot()
    def try_pin(self) -> None:
        """Check the PIN typed, unless a check runs or the throttle says wait."""
        if self._checking or self._throttle.wait() > 0:
            self.refresh()
            return
        pin, pin_hash = self.pin_edit.text(), self._pin_hash
        # Counted before the check, so tries checked at the same time (a second prompt,
        # another window of this PC) are each counted; the right PIN takes it back.
        self._throttle.attempt()
        self._checking = True
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.refresh()
        self._worker.submit(lambda: check_pin(pin, pin_hash), self._checked, name="admin PIN")

    def _checked(self, right: Any, error: BaseException | None) -> None:
        self._checking = False
        self.unsetCursor()
        if error is not None:
            report_unhandled(error)
        elif right:
            self._throttle.right()
            if self.isVisible():  # not when cancelled while checking
                self.accept()
            return
        else:
            log.warning(
                "settings: a wrong admin PIN was typed (%d in a row)", self._throttle.wrong_tries
            )
        self.pin_edit.clear()
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """The message, and whether a try is taken now."""
        wait = self._throttle.wait()
        self.open_button.setEnabled(not self._checking and wait == 0)
        self.pin_edit.setEnabled(not self._checking)
        if self._checking:
            text = self.tr("Checking the PIN…")
        elif wait > 0 and self._throttle.locked:
            # Rounded up to the minute: at the time shown, a try is taken.
            until = self._now() + timedelta(seconds=wait)
            if until.second or until.microsecond:
                until = until.replace(second=0, microsecond=0) + timedelta(minutes=1)
            text = self.tr(
                "Too many wrong PINs. The PIN can be tried again at {time} (in {minutes} min)."
            ).format(time=f"{until:%H:%M}", minutes=math.ceil(wait / 60))
        elif wait > 0:
            text = self.tr("Wrong PIN. Try again in {seconds} s.").format(seconds=math.ceil(wait))
        elif self._throttle.wrong_tries:
            text = self.tr("Wrong PIN. Type it again.")
        else:
            text = ""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if wait > 0 and not self._checking:
            self._tick.start()
        else:
            self._tick.stop()
