"""The kinds of window this build has, and the commands the menus offer besides them.

Each window package registers its kind when it is imported (the way Picard's option
pages register themselves); ``counter_app.gui`` imports every window package, so the
shell finds them here without importing any of them. The context opens windows by
looking their kind up, and the Window menu is built from the same list.

A kind's ``make`` imports its window module itself, when a window is first opened: a
station that never opens the lobby display never loads QtMultimedia.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from counter_app.core.config import Config
    from counter_app.gui.shell.context import Context

#: what a command line or a menu asks of a window: ``screen``, ``windowed``, ``start``
Options = Mapping[str, object]


class Window(Protocol):
    """What the shell needs of every window it opens (they are all QWidgets)."""

    @property
    def kind(self) -> str: ...
    @property
    def number(self) -> int | None: ...

    def apply_config(self, config: Config) -> None:
        """Take a saved configuration (the settings dialog) and show the queue by it."""

    def isVisible(self) -> bool: ...
    def show(self) -> None: ...
    def showMaximized(self) -> None: ...
    def raise_(self) -> None: ...
    def activateWindow(self) -> None: ...
    def close(self) -> bool: ...


class Menu(StrEnum):
    WINDOW = "window"
    HELP = "help"


def show(window: Window, _options: Options) -> None:
    window.show()


@dataclass(frozen=True, slots=True)
class WindowKind:
    name: str  # "desk", "counter", ...: the command that opens it
    order: int  # its place in the Window menu
    #: the menu's words for one window of this kind (called with the counter's label)
    title: Callable[[str], str]
    #: builds the window (not shown); LookupError for a number the office does not have
    make: Callable[[Context, int | None, Options], Window]
    #: shows a new window (the lobby display: on its screen, full or windowed)
    present: Callable[[Window, Options], None] = show
    per_counter: bool = False  # one window per configured counter, by number


@dataclass(frozen=True, slots=True)
class MenuCommand:
    menu: Menu
    order: int
    title: Callable[[], str]
    run: Callable[[QMainWindow, Context], None]


_kinds: dict[str, WindowKind] = {}
_commands: list[MenuCommand] = []


def register_window(kind: WindowKind) -> None:
    if kind.name in _kinds and _kinds[kind.name] != kind:
        raise ValueError(f"window kind {kind.name!r} is registered twice")
    _kinds[kind.name] = kind


def register_command(command: MenuCommand) -> None:
    if command not in _commands:
        _commands.append(command)


def window_kind(name: str) -> WindowKind:
    """The kind called ``name``; ValueError when this build has none of that name."""
    try:
        return _kinds[name]
    except KeyError:
        raise ValueError(f"unknown window kind {name!r}") from None


def window_kinds() -> list[WindowKind]:
    """Every kind, in menu order."""
    return sorted(_kinds.values(), key=lambda kind: kind.order)


def commands(menu: Menu) -> list[MenuCommand]:
    return sorted((c for c in _commands if c.menu is menu), key=lambda c: c.order)
