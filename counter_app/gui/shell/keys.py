"""Keyboard commands, and one press giving exactly one operation.

Every command is a QAction with its shortcut (listed in the window's menu, shown on
its button) and auto-repeat off, so a key held down fires once. A PressGuard then
refuses a second press while the first one's operation is still running, and for a
short while after it: a double click, or a key struck twice, issues one ticket.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

DEBOUNCE_S = 0.4


class PressGuard:
    def __init__(
        self, debounce_s: float = DEBOUNCE_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.debounce_s = debounce_s
        self._clock = clock
        self.busy = False
        self._last_end = float("-inf")

    def begin(self) -> bool:
        """True when a new operation may start now (and marks it started)."""
        if self.busy or self._clock() - self._last_end < self.debounce_s:
            return False
        self.busy = True
        return True

    def end(self) -> None:
        self.busy = False
        self._last_end = self._clock()


def key_text(key: str | QKeySequence) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class Command(QObject):
    """A QAction with a shortcut, bound to a button that shows the key: "Done  [F7]"."""

    def __init__(
        self,
        window: QWidget,
        text: str,
        key: str | Sequence[str] | None,
        slot: Callable[[], object],
        *,
        button: QPushButton | None = None,
        menu: QMenu | None = None,
        hint: str | None = None,
    ) -> None:
        """``key``: one shortcut or several (the first is shown unless ``hint`` is given)."""
        super().__init__(window)
        self.action = QAction(text, window)
        self.action.setAutoRepeat(False)
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        keys = [key] if isinstance(key, str) else list(key or [])
        if keys:
            self.action.setShortcuts([QKeySequence(k) for k in keys])
        hint = hint if hint is not None else key_text(keys[0]) if keys else ""
        window.addAction(self.action)  # the shortcut works whether or not a menu lists it
        if menu is not None:
            menu.addAction(self.action)
        self.action.triggered.connect(lambda _checked=False: slot())
        self.button = button
        if button is not None:
            button.setText(f"{text}  [{hint}]" if hint else text)
            button.setToolTip(f"{text} ({hint})" if hint else text)
            button.clicked.connect(lambda _checked=False: self.action.trigger())

    def set_enabled(self, enabled: bool) -> None:
        self.action.setEnabled(enabled)
        if self.button is not None:
            self.button.setEnabled(enabled)

    def is_enabled(self) -> bool:
        return self.action.isEnabled()
