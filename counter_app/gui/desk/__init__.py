"""The front desk: issue tickets per service, print them, and see the hall fill."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from counter_app.gui.shell.registry import Options, Window, WindowKind, register_window

if TYPE_CHECKING:
    from counter_app.gui.shell.context import Context


def _make(ctx: Context, _number: int | None, _options: Options) -> Window:
    from counter_app.gui.desk.window import DeskWindow

    return DeskWindow(ctx)


register_window(
    WindowKind(
        "desk",
        order=10,
        title=lambda _label: QCoreApplication.translate("menus", "Front desk: issue tickets"),
        make=_make,
    )
)
