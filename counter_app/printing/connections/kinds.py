"""Which connection serves which kind of printer, and the check a desk makes before issuing."""

from __future__ import annotations

from counter_app.core.config import PrinterSettings
from counter_app.printing import texts
from counter_app.printing.connections.base import Connection, status_timeout
from counter_app.printing.connections.devices import FileConnection, SerialConnection, UsbConnection
from counter_app.printing.connections.network import NetworkConnection
from counter_app.printing.connections.os_printing import (
    CupsConnection,
    LpConnection,
    Win32Connection,
)
from counter_app.printing.connections.preview import PreviewConnection
from counter_app.printing.connections.status import query_state
from counter_app.printing.job import PrintError, PrinterState

_KINDS: dict[str, type[Connection]] = {
    "network": NetworkConnection,
    "usb": UsbConnection,
    "serial": SerialConnection,
    "file": FileConnection,
    "cups": CupsConnection,
    "lp": LpConnection,
    "win32": Win32Connection,
    "preview": PreviewConnection,
}


def open_connection(settings: PrinterSettings, lang: str) -> Connection:
    """A new, not yet opened connection for the configured kind ("none" has none)."""
    try:
        cls = _KINDS[settings.kind]
    except KeyError:
        raise ValueError(f"printer kind {settings.kind!r} has no connection") from None
    return cls(settings, lang)


def check_printer(settings: PrinterSettings, lang: str) -> PrinterState:
    """Open, ask, close: is the printer ready for a ticket right now?"""
    if settings.kind == "none":
        return PrinterState(True, "ok", texts.word(lang, "off"), "off")
    # The desk waits for this before issuing: a LAN printer accepts a connection in
    # milliseconds, so the short status timeout bounds the connect as well.
    settings = settings.model_copy(update={"timeout": status_timeout(settings)})
    conn = open_connection(settings, lang)
    try:
        with conn:
            conn.open()
            if settings.kind == "preview":
                return PrinterState(
                    True, "ok", texts.word(lang, "preview", folder=conn.where), "preview"
                )
            return query_state(conn)
    except PrintError as exc:
        return PrinterState(False, "error", exc.reason, exc.code)
