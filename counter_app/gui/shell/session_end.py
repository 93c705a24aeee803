"""The windows asked to stop from outside: a stop signal (counter_app/stopping.py) or the
desktop session ending (logoff, shutdown: Qt's commitDataRequest, from Windows'
WM_QUERYENDSESSION). Either closes every window as its close button does, so the same
orderly stop runs (pending prints kept, the phone server child stopped, the log
flushed) and the event loop ends with exit status 0.

A Python signal handler runs only when Python code does, and Qt's event loop runs none
while it waits: Python writes each signal's number to a socket (signal.set_wakeup_fd),
and a QSocketNotifier on its other end wakes the loop, which lets the handler run.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QSessionManager
from PySide6.QtWidgets import QApplication

from counter_app import stopping

log = logging.getLogger(__name__)


def close_everything(app: QApplication) -> None:
    """What the last window's close button does, for every window at once; then the
    event loop ends (and any dialog's own loop with it) even if a window stayed."""
    app.closeAllWindows()
    app.quit()


@contextmanager
def stop_from_outside(app: QApplication) -> Iterator[None]:
    """Within the block (around the event loop), a stop signal or the session's end
    closes the windows in order."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    try:
        previous_fd = signal.set_wakeup_fd(writer.fileno())
    except ValueError:  # not the main thread: signals go elsewhere
        previous_fd = None
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def drain() -> None:
        # Reading lets Python run the handler; what was read is only the wake-up.
        with contextlib.suppress(OSError):
            while reader.recv(64):
                pass

    notifier.activated.connect(drain)

    def on_signal(signum: int) -> None:
        def stop_now() -> None:
            stopping.said_to_stop(signum)  # here, not in the signal handler: see stopping
            close_everything(app)

        QTimer.singleShot(0, stop_now)

    def on_session_end(manager: QSessionManager) -> None:
        # Windows ends the process soon after this returns: stop now, not later. Nothing
        # is left to save (the queue lives in the database), so nothing to ask the user.
        log.info("the desktop session is ending (%s)", manager.sessionId() or "-")
        close_everything(app)

    app.commitDataRequest.connect(on_session_end)
    names = ", ".join(stopping.name_of(sig) for sig in stopping.STOP_SIGNALS)
    QTimer.singleShot(0, lambda: log.info("running; %s or the session's end close it", names))
    try:
        with stopping.on_stop_signals(on_signal):
            yield
    finally:
        with contextlib.suppress(RuntimeError, TypeError):
            app.commitDataRequest.disconnect(on_session_end)
        notifier.setEnabled(False)
        notifier.deleteLater()
        if previous_fd is not None:
            signal.set_wakeup_fd(previous_fd)
        reader.close()
        writer.close()
