"""The lobby display's controller: follows the queue, shows it, announces each call.

Flow: the QueueWatcher (its own thread; LISTEN/NOTIFY or PRAGMA data_version) tells the
window's QueueFollower (shell/follow.py, as every window follows the queue), which has
the QueueReader read Status and the calls since the last read on a worker thread and
hands each read to this window on the GUI thread, which draws it and queues each new
call into the Announcer. The GUI thread never waits on the database.

On a station the watcher and the read worker are the context's; alone (tests, the
benchmark) the window makes its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QScreen,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import QVBoxLayout, QWidget

from counter_app.core.config import Config, WhenFull
from counter_app.core.model import Call, EventKind, Status
from counter_app.core.words import text
from counter_app.gui.display.announcer import Announcer, make_announcer
from counter_app.gui.display.board import make_board
from counter_app.gui.display.loader import QueueReader, QueueSource, Snapshot, one_line
from counter_app.gui.display.view import DisplayView, ViewSettings
from counter_app.gui.shell.follow import QueueFollower, Run
from counter_app.gui.shell.watcher import Feed, QueueWatcher
from counter_app.gui.shell.worker import Worker
from counter_app.speech.announce import Announcement, Kind

log = logging.getLogger(__name__)

#: A call older than this when the display learns of it (say, after being offline) is
#: shown but not announced: nobody waits for a number called minutes ago.
ANNOUNCE_WITHIN = timedelta(seconds=90)
#: Read the queue anyway this often: the fallback for anything a feed could miss, and
#: how the board turns over at midnight without a commit.
SAFETY_POLL_MS = 5000
#: After a failed read, try again this soon.
RETRY_MS = 1000
#: Older calls than the screen shows are read to find who is still to come in.
CALLS_READ = 40

_KINDS: dict[str, Kind] = {
    EventKind.CALLED: "call",
    EventKind.RECALLED: "recall",
    EventKind.ADMITTED: "admit",
}


class DisplayQueue(QueueSource, Protocol):
    """What the display uses of counter_app.core.queue.Queue."""

    def open_changes(self) -> Feed: ...


def announcement(call: Call) -> Announcement | None:
    kind = _KINDS.get(call.kind)
    if kind is None:
        return None
    return Announcement(kind, call.code, None if kind == "admit" else call.counter)


def view_settings(config: Config) -> ViewSettings:
    return ViewSettings(
        office=config.office.name,
        ticker=config.display.ticker,
        language=config.office.language,
        theme=config.display.theme,
        counters=tuple((c.number, c.label) for c in config.counters),
        recent_calls=config.display.recent_calls,
        wait_outside=config.capacity.when_full == WhenFull.WAIT_OUTSIDE,
    )


class DisplayWindow(QWidget):
    """The lobby television. ``repainted(version)`` follows each update onto the screen."""

    repainted = Signal(int)
    announced = Signal(object)  # each Announcement handed to the announcer
    kind = "display"
    number: int | None = None

    def __init__(
        self,
        queue: DisplayQueue,
        config: Config,
        parent: QWidget | None = None,
        *,
        announcer: Announcer | None = None,
        open_feed: Callable[[], Feed] | None = None,
        watcher: QueueWatcher | None = None,
        run: Run | None = None,
        start: bool = True,
    ) -> None:
        super().__init__(parent)
        self.queue = queue
        self.config = config
        self.setWindowTitle(
            text("display.window_title", config.office.language, office=config.office.name)
        )
        self.view = DisplayView(view_settings(config), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.repainted.connect(self.repainted)

        self.announcer = announcer if announcer is not None else make_announcer(parent=self)
        self.announcer.set_chime(config.display.chime)
        self.announcer.set_voice(config.display.voice)
        self.announcer.set_volume(config.display.volume)
        wants_sound = config.display.chime or config.display.voice
        if wants_sound and self.announcer.backend == "none":
            self.view.set_sound_note(self.view.words["no_sound"])
        weak = self.view.colours.low_contrast()
        if weak:
            log.warning("[display.theme] reads poorly from afar (under 7:1): %s", "; ".join(weak))

        self._status: Status | None = None
        self._feed_online = True
        self._read_ok = True
        self._reason = ""
        self.reader = QueueReader(queue, calls=max(CALLS_READ, 3 * config.display.recent_calls))
        # what this window makes for itself it also stops; the context's are the context's
        self._own_watcher = watcher is None
        self.watcher = watcher or QueueWatcher(open_feed or queue.open_changes, self)
        self._own_worker: Worker | None = None
        if run is None:
            worker = self._own_worker = Worker("display", self)
            run = lambda fn, callback, name: worker.submit(fn, callback, name=name)  # noqa: E731
        self.follower = QueueFollower(
            self,
            name="display",
            run=run,
            watcher=self.watcher,
            job=self._read_job,
            loaded=self._on_loaded,
            failed=self._on_failed,
            online=self._on_online,
            poll_ms=SAFETY_POLL_MS,
            retry_ms=RETRY_MS,
        )
        self._clock = QTimer(self)
        self._clock.setSingleShot(True)
        self._clock.setTimerType(Qt.TimerType.PreciseTimer)
        self._clock.timeout.connect(self._tick)
        self._tick()

        QShortcut(QKeySequence("Ctrl+Q"), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_fullscreen)
        self._running = False
        if start:
            self.start()

    # --- life -------------------------------------------------------------------------------

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        if self._own_watcher:
            self.watcher.start()
        self.follower.start()
        self.follower.request()

    def shutdown(self) -> None:
        """Stop the threads; safe to call twice."""
        if not self._running:
            return
        self._running = False
        self.follower.stop()
        self._clock.stop()
        if self._own_watcher:
            self.watcher.stop()
        if self._own_worker is not None:
            self._own_worker.stop()
        self.view.ticker.stop()
        self.announcer.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.ticker.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.view.ticker.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc is swallowed on purpose: a stray key on the lobby PC must not close the screen.
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.unsetCursor()
        else:
            self.showFullScreen()
            self.setCursor(Qt.CursorShape.BlankCursor)

    def apply_config(self, config: Config) -> None:
        """A saved configuration: the next board is made by it (the view's look and the
        sound are the display's own settings, taken at a restart)."""
        self.config = config

    # --- the queue ----------------------------------------------------------------------------

    @property
    def status(self) -> Status | None:
        return self._status

    @property
    def offline(self) -> bool:
        return self.view.is_offline

    def _read_job(self) -> Callable[[], Snapshot]:
        return self.reader.read

    def _on_loaded(self, snapshot: Snapshot) -> None:
        self._read_ok = True
        self._show(snapshot)
        self._announce(snapshot.new_calls, snapshot.status.now)
        self._update_offline()

    def _show(self, snapshot: Snapshot) -> None:
        status = snapshot.status
        previous, self._status = self._status, status
        if (
            previous is not None
            and replace(status, now=previous.now) == previous
            and self.view.board is not None
        ):
            return  # a safety poll that found nothing new: no repaint
        self.view.show_board(make_board(status, self.config))

    def _announce(self, calls: tuple[Call, ...], now: datetime) -> None:
        for call in calls:
            if now - call.at > ANNOUNCE_WITHIN:
                log.info("not announcing %s %s: %s old", call.kind, call.code, now - call.at)
                continue
            try:
                item = announcement(call)
            except ValueError:
                log.warning("cannot announce %s", call, exc_info=True)
                continue
            if item is not None:
                self.announcer.announce(item)
                self.announced.emit(item)

    def _on_failed(self, error: BaseException) -> None:
        log.info("display could not read the queue: %s", error)
        self._read_ok = False
        self._reason = one_line(error)
        self._update_offline()

    def _on_online(self, online: bool, reason: str) -> None:
        self._feed_online = online  # when back, the follower reads what changed meanwhile
        if not online:
            self._reason = reason
        self._update_offline()

    def _update_offline(self) -> None:
        offline = not (self._feed_online and self._read_ok)
        if offline != self.view.is_offline:
            if offline:
                log.warning("display offline: %s", self._reason)
            else:
                log.warning("display back online")
        self.view.set_offline(offline, self._reason if offline else "")

    # --- the clock -----------------------------------------------------------------------------

    def _tick(self) -> None:
        now = datetime.now(self.config.office.zone)
        self.view.set_clock(now)
        self._clock.start(1000 - now.microsecond // 1000 + 5)  # just after the next second


def pick_screen(index: int) -> QScreen:
    screens = QGuiApplication.screens()
    if 0 <= index < len(screens):
        return screens[index]
    log.warning(
        "display: there is no screen %d (%d found); using the main screen", index, len(screens)
    )
    return QGuiApplication.primaryScreen()


def open_display(
    queue: DisplayQueue,
    config: Config,
    *,
    screen: int | None = None,
    windowed: bool = False,
    announcer: Announcer | None = None,
) -> DisplayWindow:
    """Create the lobby display on the chosen monitor, show it and return it."""
    window = DisplayWindow(queue, config, announcer=announcer)
    present(window, screen=screen, windowed=windowed)
    return window


def present(window: DisplayWindow, *, screen: int | None, windowed: bool) -> None:
    """Show the display on its monitor: full screen without a cursor, or ``windowed``."""
    target = pick_screen(window.config.display.screen if screen is None else screen)
    window.setScreen(target)
    area = target.availableGeometry()
    if windowed:
        width, height = min(1280, area.width()), min(720, area.height())
        window.setGeometry(
            area.x() + (area.width() - width) // 2,
            area.y() + (area.height() - height) // 2,
            width,
            height,
        )
        window.show()
    else:
        window.setGeometry(target.geometry())
        window.showFullScreen()
        window.setCursor(Qt.CursorShape.BlankCursor)
