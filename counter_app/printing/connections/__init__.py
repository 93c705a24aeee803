"""Connections to the printer: one fresh connection per job, every I/O bounded.

Why fresh: a python-escpos connection whose open() failed stays broken until it is
opened again, and a printer switched off and on between two tickets leaves a dead
socket behind. Opening per job costs a TCP handshake (well under a millisecond on
the office LAN) and makes every job independent of the one before.

Why bounded: python-escpos's Network defaults to a 60 s socket timeout and Usb to
0, which blocks forever; a desk must never wait that long. Kinds whose library calls
cannot be bounded (a /dev/usb/lp0 write to a hung printer, CUPS, win32) are also
run under the spooler's watchdog.

The package's parts, each a module with one job:

- base: Connection (settings, where, closing, errors in plain words) and
  EscposConnection, the template for the kinds python-escpos drives
- status: the printer's DLE EOT answers, asked and decoded
- network: raw TCP; devices: USB, serial, a device file; os_printing: CUPS, lp, the
  Windows spooler; preview: tickets as files, no hardware
- kinds: the connection for a configured kind, and the check before issuing
"""

from __future__ import annotations

from counter_app.printing.connections.base import (
    STATUS_TIMEOUT_MAX,
    Connection,
    EscposConnection,
    plain_os_error,
    status_timeout,
)
from counter_app.printing.connections.devices import FileConnection, SerialConnection, UsbConnection
from counter_app.printing.connections.kinds import check_printer, open_connection
from counter_app.printing.connections.network import NetworkConnection
from counter_app.printing.connections.os_printing import (
    CupsConnection,
    LpConnection,
    Win32Connection,
)
from counter_app.printing.connections.preview import PreviewConnection, preview_folder
from counter_app.printing.connections.status import (
    CAUSE_COVER_OPEN,
    CAUSE_ERROR,
    CAUSE_PAPER_END,
    DLE_EOT,
    FIXED_BITS,
    FIXED_MASK,
    ONLINE_OFFLINE,
    PAPER_NEAR_END,
    PAPER_OUT,
    decode_status,
    is_status_byte,
    query_state,
)

__all__ = [
    "CAUSE_COVER_OPEN",
    "CAUSE_ERROR",
    "CAUSE_PAPER_END",
    "DLE_EOT",
    "FIXED_BITS",
    "FIXED_MASK",
    "ONLINE_OFFLINE",
    "PAPER_NEAR_END",
    "PAPER_OUT",
    "STATUS_TIMEOUT_MAX",
    "Connection",
    "CupsConnection",
    "EscposConnection",
    "FileConnection",
    "LpConnection",
    "NetworkConnection",
    "PreviewConnection",
    "SerialConnection",
    "UsbConnection",
    "Win32Connection",
    "check_printer",
    "decode_status",
    "is_status_byte",
    "open_connection",
    "plain_os_error",
    "preview_folder",
    "query_state",
    "status_timeout",
]
