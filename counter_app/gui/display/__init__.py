"""The lobby display: `counter-app display [--screen N] [--windowed]`, or Window > Lobby
display on any station."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from counter_app.gui.shell.registry import Options, Window, WindowKind, register_window

if TYPE_CHECKING:
    from counter_app.gui.shell.context import Context


def _make(ctx: Context, _number: int | None, options: Options) -> Window:
    # Imported here: QtMultimedia loads only on a station that opens the display, and a
    # build without it says so (ImportError) instead of failing to start.
    from counter_app.gui.display.window import DisplayWindow

    window = DisplayWindow(
        ctx.queue,
        ctx.config,
        watcher=ctx.watcher,
        run=ctx.read,
        start=bool(options.get("start", True)),
    )
    window.destroyed.connect(lambda _obj=None: ctx.forget(window))
    return window


def _present(window: Window, options: Options) -> None:
    from counter_app.gui.display.window import DisplayWindow, present

    assert isinstance(window, DisplayWindow)
    screen = options.get("screen")
    present(
        window,
        screen=screen if isinstance(screen, int) else None,
        windowed=bool(options.get("windowed", True)),
    )


register_window(
    WindowKind(
        "display",
        order=40,
        title=lambda _label: QCoreApplication.translate("menus", "Lobby display"),
        make=_make,
        present=_present,
    )
)
