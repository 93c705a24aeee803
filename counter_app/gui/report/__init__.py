"""The daily report: the day's figures per service, the hall's fill, and the export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from counter_app.gui.shell.registry import Options, Window, WindowKind, register_window

if TYPE_CHECKING:
    from counter_app.gui.shell.context import Context


def _make(ctx: Context, _number: int | None, _options: Options) -> Window:
    from counter_app.gui.report.window import ReportWindow

    return ReportWindow(ctx)


register_window(
    WindowKind(
        "report",
        order=30,
        title=lambda _label: QCoreApplication.translate("menus", "Daily report…"),
        make=_make,
    )
)
