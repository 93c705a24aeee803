"""Printers on this PC's own ports: USB through pyusb, a serial line, a device file."""

from __future__ import annotations

from typing import Any

from counter_app.core.config import PrinterSettings
from counter_app.printing._escpos import escpos_printer
from counter_app.printing.connections.base import EscposConnection
from counter_app.printing.connections.status import DLE_EOT


class UsbConnection(EscposConnection):
    kind = "usb"
    supports_status = True
    silence_is_error = False
    write_errors = (Exception,)  # usb.core.USBTimeoutError, USBError: no hard pyusb import

    def __init__(self, settings: PrinterSettings, lang: str) -> None:
        super().__init__(settings, lang)
        self.in_ep = settings.in_ep if settings.in_ep is not None else 0x82
        self.out_ep = settings.out_ep if settings.out_ep is not None else 0x01

    @property
    def where(self) -> str:
        return f"USB {self.settings.vendor_id or 0:04x}:{self.settings.product_id or 0:04x}"

    def _check_usable(self) -> None:
        # Without pyusb, even the Usb object's __del__ raises; do not create one.
        if not escpos_printer.Usb.is_usable():
            raise self._needs("pyusb")

    def _make_printer(self) -> Any:
        # pyusb timeouts are in milliseconds, and python-escpos's default of 0 means
        # "wait forever": always pass at least 1 ms.
        return escpos_printer.Usb(
            idVendor=self.settings.vendor_id,
            idProduct=self.settings.product_id,
            timeout=max(1, int(self.timeout * 1000)),
            in_ep=self.in_ep,
            out_ep=self.out_ep,
            profile=self.settings.profile,
        )

    def _timed_out(self, exc: Exception) -> bool:
        return "timeout" in type(exc).__name__.lower() or "timed out" in str(exc).lower()

    def read_status(self, n: int) -> int | None:
        self.write(DLE_EOT + bytes((n,)))
        try:
            answer = self._printer.device.read(self.in_ep, 16, int(self.status_timeout * 1000) or 1)
        except Exception:  # a timeout, or an endpoint that cannot be read
            return None
        return int(answer[0]) if len(answer) else None


class SerialConnection(EscposConnection):
    kind = "serial"
    where_setting = "device"
    supports_status = True
    silence_is_error = False
    needs_package = "pyserial"  # python-escpos's "requires pyserial" RuntimeError
    write_errors = (Exception,)  # serial.SerialTimeoutException, SerialException

    def _make_printer(self) -> Any:
        return escpos_printer.Serial(
            devfile=self.settings.device or "",
            baudrate=self.settings.baudrate,
            timeout=self.status_timeout,  # reads (status answers)
        )

    def _open_device(self) -> None:
        self._printer.open()
        # python-escpos leaves write_timeout unset, and with DSR/DTR flow control a
        # printer that holds DSR low blocks write() forever.
        self._printer.device.write_timeout = self.timeout

    def _timed_out(self, exc: Exception) -> bool:
        return "timeout" in type(exc).__name__.lower()

    def read_status(self, n: int) -> int | None:
        device = self._printer.device
        device.reset_input_buffer()  # stray answers, as for the network
        self.write(DLE_EOT + bytes((n,)))
        answer = device.read(1)
        return answer[0] if answer else None


class FileConnection(EscposConnection):
    """A device file such as /dev/usb/lp0; a blocked write is left to the watchdog."""

    kind = "file"
    where_setting = "device"
    write_errors = (OSError,)

    def _make_printer(self) -> Any:
        return escpos_printer.File(devfile=self.settings.device or "", auto_flush=False)

    def _raw(self, data: bytes) -> None:
        self._printer._raw(data)
        self._printer.flush()
