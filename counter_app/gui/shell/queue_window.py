"""What the desk window and the counter panel have in common: following the queue live
(shell/follow.py, as every window does), the message bar, the database light, the
clock, the menus and error handling."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimer, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow

from counter_app.core.config import Config
from counter_app.core.model import Reason, Refused
from counter_app.core.queue import DatabaseError
from counter_app.gui.shell import menus, style
from counter_app.gui.shell.context import Context
from counter_app.gui.shell.follow import QueueFollower
from counter_app.gui.shell.widgets import MessageBar, set_light
from counter_app.gui.shell.worker import report_unhandled

log = logging.getLogger(__name__)

REFRESH_MS = 30_000  # besides every change: opening hours and the day change by the clock
CLOCK_MS = 10_000
CLOCK_CHECK_MS = 60_000  # this PC's clock against the queue's (core/clock.py): one row read
_WARNINGS = (Reason.NOTHING_TO_CALL, Reason.NO_CURRENT)


class QueueWindow(QMainWindow):
    """A window that shows the queue and acts on it through the context's workers.

    Subclasses build their form, then call ``finish_setup``; they implement ``load``
    (runs on the reads worker and returns what to show) and ``show_loaded`` (GUI thread).
    """

    kind = ""
    number: int | None = None

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.queue = ctx.queue
        self.config = ctx.config
        self.closed = False
        self.loaded_once = False
        self.follower = QueueFollower(
            self,
            name=self.kind,
            run=ctx.read,
            watcher=ctx.watcher,
            job=self._read_job,
            loaded=self._loaded,
            failed=self.handle_error,
            online=self._watcher_online,
            poll_ms=REFRESH_MS,
        )
        self.online = True
        self._offline_text = ""
        self.clock_problem: str | None = None  # why this PC's clock may not write, if so

    def finish_setup(
        self, message_label: QLabel, light: QLabel, light_text: QLabel, clock: QLabel
    ) -> None:
        self.messages = MessageBar(message_label)
        self._light, self._light_text, self._clock = light, light_text, clock
        menus.install(self, self.ctx)
        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self.update_clock)
        self._clock_timer.start(CLOCK_MS)
        self._clock_check_timer = QTimer(self)
        self._clock_check_timer.timeout.connect(self.check_clock)
        self._clock_check_timer.start(CLOCK_CHECK_MS)
        self.follower.start()
        self.set_online(True)
        self.update_clock()
        self.check_clock()

    def apply_config(self, config: Config) -> None:
        self.config = config
        self.refresh()

    # --- following the queue ----------------------------------------------------------

    def load(self) -> Any:
        raise NotImplementedError

    def show_loaded(self, data: Any) -> None:
        raise NotImplementedError

    def _read_job(self) -> Callable[[], Any]:
        return self.load

    @Slot()
    def refresh(self) -> None:
        """Read the queue again, off the GUI thread; requests while one runs are merged."""
        if not self.closed:
            self.follower.request()

    def _loaded(self, data: Any) -> None:
        self.set_online(True)
        self.show_loaded(data)
        self.loaded_once = True

    def _watcher_online(self, online: bool, reason: str) -> None:
        if not self.closed:
            self.set_online(online, reason)

    def set_online(self, online: bool, reason: str = "") -> None:
        was_online, self.online = self.online, online
        if online:
            set_light(self._light, self._light_text, "ok", self.tr("Connected"), self._db_name())
            if not was_online and self.messages.text() == self._offline_text:
                self.messages.clear()  # only our own "offline" line, not an action's error
        else:
            set_light(
                self._light,
                self._light_text,
                "error",
                self.tr("Offline"),
                self.tr("The database cannot be reached: {reason}").format(reason=reason),
            )
            if not was_online:
                return  # said once; a later action's own error is not overwritten
            # Kept as said: were a later reason (a read failing while down) stored here, the
            # line on screen would no longer be recognised as ours and would stay when back.
            self._offline_text = self.tr(
                "The queue's database cannot be reached ({reason}). Trying again; nothing is lost."
            ).format(reason=reason or "?")
            self.messages.show("error", self._offline_text)

    def _db_name(self) -> str:
        try:
            return str(self.queue.db.public_url)
        except Exception:
            return ""

    # --- errors --------------------------------------------------------------------------

    def handle_error(self, error: BaseException, *, acting: bool = False) -> None:
        """Refusals and an unreachable database are told in the message bar; anything
        else is a bug, and goes to the error dialog and the log. ``acting``: the error
        ended an operation the user asked for (not a background read)."""
        if isinstance(error, Refused):
            level = "warning" if error.reason in _WARNINGS else "error"
            self.messages.show(level, error.message)
        elif isinstance(error, DatabaseError):
            self.set_online(False, str(error))
            if acting:
                self.messages.show(
                    "error",
                    self.tr(
                        "Not done: the queue's database cannot be reached ({reason}). "
                        "Nothing was changed; please try again."
                    ).format(reason=error),
                )
        else:
            self.messages.show(
                "error", self.tr("That did not work because of an unexpected error.")
            )
            report_unhandled(error)

    # --- the clock -----------------------------------------------------------------------

    def clock_text(self) -> str:
        now = self.ctx.now()
        moment = QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
        return QLocale().toString(moment, "dddd, d MMMM yyyy   HH:mm")

    def update_clock(self) -> None:
        if self.clock_problem is None:
            self._clock.setText(self.clock_text())
            self._clock.setStyleSheet("")
            self._clock.setToolTip("")
        else:  # the time this PC shows is not the office's: say so where the time is
            self._clock.setText(self.tr("Wrong clock: {time}").format(time=self.clock_text()))
            self._clock.setStyleSheet(f"color: {style.RED}; font-weight: bold;")
            self._clock.setToolTip(self.clock_problem)

    @Slot()
    def check_clock(self) -> None:
        """Compare this PC's clock with the queue's (off the GUI thread)."""
        if not self.closed:
            self.ctx.call(
                self.ctx.reads, self.queue.clock_problem, self._clock_checked, name="clock"
            )

    def _clock_checked(self, problem: str | None, error: BaseException | None) -> None:
        if self.closed or error is not None:  # a lost database is the light's to show
            return
        before, self.clock_problem = self.clock_problem, problem
        if problem == before:
            return
        self.update_clock()
        if problem is not None:
            self.messages.show("error", problem)
        elif self.messages.text() == before:
            self.messages.clear()

    # --- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed = True
        self.follower.stop()
        self._clock_timer.stop()
        self._clock_check_timer.stop()
        self.ctx.forget(self)
        super().closeEvent(event)
