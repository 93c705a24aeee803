"""The counter panel: call the next number to one counter, recall, no-show, transfer,
and check a scanned ticket."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from counter_app.gui.shell.registry import Options, Window, WindowKind, register_window

if TYPE_CHECKING:
    from counter_app.gui.shell.context import Context


def _make(ctx: Context, number: int | None, _options: Options) -> Window:
    if number is None or ctx.config.counter(number) is None:
        raise LookupError(number)
    from counter_app.gui.counter.panel import CounterPanel

    return CounterPanel(ctx, number)


register_window(
    WindowKind(
        "counter",
        order=20,
        title=lambda label: QCoreApplication.translate("menus", "Counter panel: {counter}").format(
            counter=label
        ),
        make=_make,
        per_counter=True,
    )
)
