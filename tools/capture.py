"""Pictures of the real windows for docs/screenshots: which screen, and the grab itself.

``choose_platform()`` must run before the QApplication is made (Qt loads its platform
plugin then). Where an X server is reachable (``DISPLAY``, e.g. under ``xvfb-run``) and the
xcb libraries are installed, the windows are drawn on that real X11 screen and the
picture is read back from the server; otherwise they are drawn offscreen. Each PNG
records which in its "Platform" text field (``identify -verbose`` shows it).

``wait_until`` runs Qt's event loop until a state holds (a window loaded, a print
stored), and ``save`` waits until the window is on the screen and the window system has
drawn it: no sleeps.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QWidget

from counter_app.gui.shell import platform_check

#: how often ``wait_until`` looks at its condition while the event loop runs
POLL_MS = 10


def choose_platform() -> str:
    """Set QT_QPA_PLATFORM (unless the caller did): xcb where it can work, else offscreen."""
    chosen = os.environ.get("QT_QPA_PLATFORM")
    if not chosen:
        real = os.environ.get("DISPLAY") and platform_check.check({"DISPLAY": "x"}) is None
        chosen = "xcb" if real else "offscreen"
        os.environ["QT_QPA_PLATFORM"] = chosen
    return chosen


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 5.0) -> None:
    """Run Qt's event loop until ``condition()`` holds (queued signals, timers and repaints
    go on meanwhile); after ``timeout`` seconds raise TimeoutError saying ``what`` was
    awaited."""
    if condition():
        return
    loop = QEventLoop()
    check = QTimer(interval=POLL_MS)
    check.timeout.connect(lambda: condition() and loop.quit())
    deadline = QTimer(singleShot=True, interval=round(timeout * 1000))
    deadline.timeout.connect(loop.quit)
    check.start()
    deadline.start()
    loop.exec()
    check.stop()
    deadline.stop()
    if not condition():
        raise TimeoutError(f"waited {timeout:g} s for {what}, in vain")


def drawn(window: QWidget) -> None:
    """Return once ``window`` is shown on the screen with everything painted: its window
    exposed, a repaint done now, and the window system caught up with Qt (on xcb a round
    trip to the X server, so that a grab reads what was painted)."""

    def exposed() -> bool:
        handle = window.windowHandle()
        return handle is not None and handle.isExposed()

    wait_until(exposed, f"{window.objectName() or type(window).__name__} to be shown")
    window.repaint()
    QGuiApplication.sync()


def grab(window: QWidget) -> QImage:
    """What a shown top-level window looks like: on xcb, the pixels the X server shows
    (not a re-rendering of the widget); elsewhere the widget drawn into an image."""
    platform = QGuiApplication.platformName()
    pixmap = None
    if platform == "xcb":
        pixmap = window.screen().grabWindow(window.winId())
        if pixmap.isNull() or pixmap.size() != window.size() * window.devicePixelRatio():
            pixmap = None  # partly off the screen: the server cannot show all of it
    if pixmap is None:
        pixmap = window.grab()
    image = pixmap.toImage()
    image.setText("Platform", platform)
    return image


def save(window: QWidget, path: Path) -> Path:
    """Write ``grab(window)`` as a PNG that names the platform it was drawn on, once the
    window is drawn (``drawn``)."""
    drawn(window)
    image = grab(window)
    image.setText("Software", "counter-app")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"{path} ({image.text('Platform')})")
    return path
