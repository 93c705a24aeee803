"""The lobby display: `counter-app display [--screen N] [--windowed]`."""

from counter_app.gui.display.window import DisplayWindow, open_display

__all__ = ["DisplayWindow", "open_display"]
