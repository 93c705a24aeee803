"""Connections to the printer: one fresh connection per job, every I/O bounded.

Why fresh: a python-escpos connection whose open() failed stays broken until it is
opened again, and a printer switched off and on between two tickets leaves a dead
socket behind. Opening per job costs a TCP handshake (well under a millisecond on
the office LAN) and makes every job independent of the one before.

Why bounded: python-escpos's Network defaults to a 60 s socket timeout and Usb to
0, which blocks forever; a desk must never wait that long. Kinds whose library calls
cannot be bounded (a /dev/usb/lp0 write to a hung printer, CUPS, win32) are also
run under the spooler's watchdog.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import re
import shutil
import socket
import subprocess
import sys
from abc import ABC, abstractmethod
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from counter_app.core import paths
from counter_app.core.config import PrinterSettings
from counter_app.printing import texts
from counter_app.printing._escpos import DeviceNotFoundError, escpos_printer
from counter_app.printing.job import PrintError, PrinterState, PrintJob
from counter_app.printing.preview import save_png

log = logging.getLogger(__name__)

DLE_EOT = b"\x10\x04"
STATUS_TIMEOUT_MAX = 1.5  # s; a printer answers DLE EOT within milliseconds or not at all

# DLE EOT n answers (ESC/POS real-time status, Epson TM series and the clones).
ONLINE_OFFLINE = 0x08  # n=1, bit 3: offline
CAUSE_COVER_OPEN = 0x04  # n=2, bit 2
CAUSE_PAPER_END = 0x20  # n=2, bit 5: printing stopped because the paper ran out
CAUSE_ERROR = 0x40  # n=2, bit 6: cutter jam, head overheated, ...
PAPER_NEAR_END = 0x0C  # n=4, bits 2-3
PAPER_OUT = 0x60  # n=4, bits 5-6
# Every DLE EOT n answer has bits 1 and 4 set and bits 0 and 7 clear, whatever it says:
# a byte without them (0xFF from a line left floating, noise, a serial port at the wrong
# baud rate) is no status at all, and must not be read as paper out or cover open.
FIXED_MASK, FIXED_BITS = 0x93, 0x12


def is_status_byte(answer: int) -> bool:
    return answer & FIXED_MASK == FIXED_BITS


def status_timeout(settings: PrinterSettings) -> float:
    return min(settings.timeout, STATUS_TIMEOUT_MAX)


def plain_os_error(exc: BaseException | None, lang: str, timeout: float) -> str:
    """An OSError in words a desk officer can act on."""
    if isinstance(exc, ConnectionRefusedError):
        return texts.word(lang, "refused")
    if isinstance(exc, TimeoutError | socket.timeout):
        return texts.word(lang, "timed_out", s=texts.seconds(timeout))
    if isinstance(exc, socket.gaierror):
        return texts.word(lang, "unknown_host")
    if isinstance(exc, OSError):
        if exc.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH):
            return texts.word(lang, "host_unreachable")
        if exc.errno == errno.ENOENT:
            return texts.word(lang, "not_found")
        if exc.errno in (errno.EACCES, errno.EPERM):
            return texts.word(lang, "no_permission")
        return exc.strerror or str(exc)
    if exc is None:
        return texts.word(lang, "not_found")
    text = str(exc).strip()
    if "Access denied" in text or "insufficient permissions" in text:
        return texts.word(lang, "no_permission")
    if "not found" in text.lower():
        return texts.word(lang, "not_found")
    return text.splitlines()[-1] if text else type(exc).__name__


def decode_status(r1: int, r2: int | None, r4: int | None, lang: str) -> PrinterState:
    """Turn the DLE EOT 1/2/4 answers into one state, the most urgent problem first.

    An answer that is no status byte makes the state "unrecognised": not ready, since
    nothing is known of the paper.
    """
    if not all(is_status_byte(r) for r in (r1, r2, r4) if r is not None):
        return PrinterState(False, "error", texts.word(lang, "unrecognised"), "unrecognised")
    offline = bool(r1 & ONLINE_OFFLINE)
    if offline and r2 is not None:
        if r2 & CAUSE_COVER_OPEN:
            return PrinterState(False, "error", texts.word(lang, "cover_open"), "cover_open")
        if r2 & CAUSE_PAPER_END:
            return PrinterState(False, "error", texts.word(lang, "paper_out"), "paper_out")
    if r4 is not None and r4 & PAPER_OUT:
        return PrinterState(False, "error", texts.word(lang, "paper_out"), "paper_out")
    if offline:
        if r2 is not None and r2 & CAUSE_ERROR:
            return PrinterState(False, "error", texts.word(lang, "printer_error"), "printer_error")
        return PrinterState(False, "error", texts.word(lang, "offline"), "offline")
    if r4 is not None and r4 & PAPER_NEAR_END:
        return PrinterState(True, "warning", texts.word(lang, "paper_near_end"), "paper_near_end")
    return PrinterState(True, "ok", texts.word(lang, "ready"), "ok")


class Connection(ABC):
    """One job's connection. Subclasses that can read set ``supports_status``."""

    kind = "?"
    supports_status = False
    # Over TCP a hung printer still accepts a ticket's worth of bytes into the socket
    # buffers, so a status query left unanswered is the only sign of it: an error.
    # USB and serial writes themselves time out on a hung printer, and some serial
    # cables carry no return line, so there silence is only a warning.
    silence_is_error = True

    def __init__(self, settings: PrinterSettings, lang: str) -> None:
        self.settings = settings
        self.lang = lang
        self.timeout = settings.timeout
        self.status_timeout = status_timeout(settings)

    @property
    def where(self) -> str:
        return self.kind

    @abstractmethod
    def open(self) -> None: ...

    @abstractmethod
    def write(self, data: bytes) -> None: ...

    def read_status(self, n: int) -> int | None:
        """One DLE EOT n answer byte, None when the printer stays silent."""
        raise NotImplementedError

    def close(self) -> None:  # noqa: B027 - optional for connections with nothing to close
        pass

    def send(self, job: PrintJob) -> str | None:
        """Write the job (all copies); return a note worth showing, if any."""
        for _ in range(job.copies):
            self.write(job.data)
        return None

    def __enter__(self) -> Connection:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with contextlib.suppress(Exception):  # a failing close must not hide the outcome
            self.close()

    def _unreachable(self, cause: BaseException | None) -> PrintError:
        detail = plain_os_error(cause, self.lang, self.timeout)
        return PrintError(
            "unreachable", texts.word(self.lang, "unreachable", where=self.where, detail=detail)
        )

    def _dropped(self) -> PrintError:
        return PrintError("dropped", texts.word(self.lang, "dropped"))

    def _no_answer(self, seconds: float) -> PrintError:
        return PrintError("no_answer", texts.word(self.lang, "no_answer", s=texts.seconds(seconds)))

    def _write_failed(self, exc: BaseException) -> PrintError:
        detail = plain_os_error(exc, self.lang, self.timeout)
        return PrintError(
            "write_failed",
            texts.word(self.lang, "write_failed", where=self.where, detail=detail),
        )

    def _needs(self, package: str) -> PrintError:
        return PrintError(
            "needs_package",
            texts.word(self.lang, "needs_package", kind=self.kind, package=package),
            retryable=False,
        )


class NetworkConnection(Connection):
    """Raw TCP (port 9100) through python-escpos's Network, with our own timeouts."""

    kind = "network"
    supports_status = True

    def __init__(self, settings: PrinterSettings, lang: str) -> None:
        super().__init__(settings, lang)
        self._printer: Any = None

    @property
    def where(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    @property
    def _sock(self) -> socket.socket:
        sock = self._printer._device if self._printer is not None else None
        if not isinstance(sock, socket.socket):
            raise self._dropped()
        return sock

    def open(self) -> None:
        self._printer = escpos_printer.Network(
            host=self.settings.host or "",
            port=self.settings.port,
            timeout=self.timeout,  # connect and every send; never python-escpos's 60 s
            profile=self.settings.profile,
        )
        # Connect here rather than through Network.open(), which leaks the socket when
        # the connect fails (a ResourceWarning per failed ticket on a dead printer).
        try:
            sock = socket.create_connection(
                (self.settings.host or "", self.settings.port), timeout=self.timeout
            )
        except OSError as exc:
            self._printer = None
            raise self._unreachable(exc) from exc
        self._printer.device = sock
        # Status queries are 3-byte writes right after the job: with Nagle's algorithm
        # they wait for the job's delayed ACK (40 ms on Linux) before leaving.
        with contextlib.suppress(OSError):
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def write(self, data: bytes) -> None:
        try:
            self._sock.sendall(data)  # the timeout bounds the whole sendall (Python >= 3.5)
        except TimeoutError as exc:
            raise self._no_answer(self.timeout) from exc
        except OSError as exc:
            raise self._dropped() from exc

    def _drain(self, sock: socket.socket) -> None:
        # Graphics data can contain the bytes of a DLE EOT query by chance, and the
        # printer answers those too; drop such stray answers before asking.
        sock.setblocking(False)
        try:
            while True:
                try:
                    chunk = sock.recv(64)
                except (BlockingIOError, InterruptedError):
                    return
                if not chunk:
                    raise self._dropped()
        finally:
            sock.settimeout(self.timeout)

    def read_status(self, n: int) -> int | None:
        sock = self._sock
        try:
            self._drain(sock)
            sock.settimeout(self.status_timeout)
            sock.sendall(DLE_EOT + bytes((n,)))
            answer = sock.recv(1)
        except TimeoutError:
            return None
        except PrintError:
            raise
        except OSError as exc:
            raise self._dropped() from exc
        finally:
            with contextlib.suppress(OSError):  # already closed by the printer
                sock.settimeout(self.timeout)
        if not answer:
            raise self._dropped()  # orderly close by the printer in the middle of a job
        return answer[0]

    def close(self) -> None:
        if self._printer is not None:
            self._printer.close()
            self._printer = None


class UsbConnection(Connection):
    kind = "usb"
    supports_status = True
    silence_is_error = False

    def __init__(self, settings: PrinterSettings, lang: str) -> None:
        super().__init__(settings, lang)
        self._printer: Any = None
        self.in_ep = settings.in_ep if settings.in_ep is not None else 0x82
        self.out_ep = settings.out_ep if settings.out_ep is not None else 0x01

    @property
    def where(self) -> str:
        return f"USB {self.settings.vendor_id or 0:04x}:{self.settings.product_id or 0:04x}"

    def open(self) -> None:
        # Without pyusb, even the Usb object's __del__ raises; do not create one.
        if not escpos_printer.Usb.is_usable():
            raise self._needs("pyusb")
        # pyusb timeouts are in milliseconds, and python-escpos's default of 0 means
        # "wait forever": always pass at least 1 ms.
        self._printer = escpos_printer.Usb(
            idVendor=self.settings.vendor_id,
            idProduct=self.settings.product_id,
            timeout=max(1, int(self.timeout * 1000)),
            in_ep=self.in_ep,
            out_ep=self.out_ep,
            profile=self.settings.profile,
        )
        try:
            self._printer.open()
        except DeviceNotFoundError as exc:
            self._printer = None
            raise self._unreachable(exc.__context__ or exc) from exc

    def write(self, data: bytes) -> None:
        try:
            self._printer._raw(data)
        except Exception as exc:  # usb.core.USBTimeoutError, USBError: no hard pyusb import
            if "timeout" in type(exc).__name__.lower() or "timed out" in str(exc).lower():
                raise self._no_answer(self.timeout) from exc
            raise self._write_failed(exc) from exc

    def read_status(self, n: int) -> int | None:
        self.write(DLE_EOT + bytes((n,)))
        try:
            answer = self._printer.device.read(self.in_ep, 16, int(self.status_timeout * 1000) or 1)
        except Exception:  # a timeout, or an endpoint that cannot be read
            return None
        return int(answer[0]) if len(answer) else None

    def close(self) -> None:
        if self._printer is not None:
            self._printer.close()
            self._printer = None


class SerialConnection(Connection):
    kind = "serial"
    supports_status = True
    silence_is_error = False

    def __init__(self, settings: PrinterSettings, lang: str) -> None:
        super().__init__(settings, lang)
        self._printer: Any = None

    @property
    def where(self) -> str:
        return str(self.settings.device)

    def open(self) -> None:
        try:
            self._printer = escpos_printer.Serial(
                devfile=self.settings.device or "",
                baudrate=self.settings.baudrate,
                timeout=self.status_timeout,  # reads (status answers)
            )
        except RuntimeError as exc:  # python-escpos's "requires pyserial"
            raise self._needs("pyserial") from exc
        try:
            self._printer.open()
        except DeviceNotFoundError as exc:
            self._printer = None
            raise self._unreachable(exc.__context__ or exc) from exc
        # python-escpos leaves write_timeout unset, and with DSR/DTR flow control a
        # printer that holds DSR low blocks write() forever.
        self._printer.device.write_timeout = self.timeout

    def write(self, data: bytes) -> None:
        try:
            self._printer._raw(data)
        except Exception as exc:  # serial.SerialTimeoutException, SerialException
            if "timeout" in type(exc).__name__.lower():
                raise self._no_answer(self.timeout) from exc
            raise self._write_failed(exc) from exc

    def read_status(self, n: int) -> int | None:
        device = self._printer.device
        device.reset_input_buffer()  # stray answers, as for the network
        self.write(DLE_EOT + bytes((n,)))
        answer = device.read(1)
        return answer[0] if answer else None

    def close(self) -> None:
        if self._printer is not None:
            self._printer.close()
            self._printer = None


class FileConnection(Connection):
    """A device file such as /dev/usb/lp0; a blocked write is left to the watchdog."""

    kind = "file"

    def __init__(self, settings: PrinterSettings, lang: str) -> None:
        super().__init__(settings, lang)
        self._printer: Any = None

    @property
    def where(self) -> str:
        return str(self.settings.device)

    def open(self) -> None:
        self._printer = escpos_printer.File(devfile=self.settings.device or "", auto_flush=False)
        try:
            self._printer.open()
        except DeviceNotFoundError as exc:
            self._printer = None
            raise self._unreachable(exc.__context__ or exc) from exc

    def write(self, data: bytes) -> None:
        try:
            self._printer._raw(data)
            self._printer.flush()
        except OSError as exc:
            raise self._write_failed(exc) from exc

    def close(self) -> None:
        if self._printer is not None:
            self._printer.close()
            self._printer = None


class CupsConnection(Connection):
    """A CUPS queue through pycups (python-escpos's CupsPrinter); sent on close."""

    kind = "cups"

    def __init__(self, settings: PrinterSettings, lang: str) -> None:
        super().__init__(settings, lang)
        self._printer: Any = None

    @property
    def where(self) -> str:
        return str(self.settings.name)

    def open(self) -> None:
        try:
            self._printer = escpos_printer.CupsPrinter(printer_name=self.settings.name or "")
        except RuntimeError as exc:
            raise self._needs("pycups") from exc
        try:
            self._printer.open(job_name="counter-app ticket")
        except DeviceNotFoundError as exc:
            self._printer = None
            raise self._unreachable(exc.__context__ or exc) from exc

    def write(self, data: bytes) -> None:
        self._printer._raw(data)

    def send(self, job: PrintJob) -> str | None:
        super().send(job)
        try:
            self._printer.send()  # hand the job to CUPS now, so a failure is this job's
        except Exception as exc:
            raise self._write_failed(exc) from exc
        return None

    def close(self) -> None:
        if self._printer is not None:
            self._printer.close()
            self._printer = None


class LpConnection(Connection):
    """The ``lp`` command, run by us rather than python-escpos's LP class.

    LP runs lpstat and waits for lp without any timeout, and its close() sends a
    stray line feed as a print job of its own; subprocess.run with a timeout does
    neither.
    """

    kind = "lp"

    @property
    def where(self) -> str:
        return str(self.settings.name)

    def open(self) -> None:
        if shutil.which("lp") is None:
            raise self._needs("cups-client (lp)")
        lpstat = shutil.which("lpstat")
        if lpstat is None:
            return
        try:
            found = subprocess.run(
                [lpstat, "-p", self.settings.name or ""],
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise self._no_answer(self.timeout) from exc
        if found.returncode != 0:
            detail = found.stderr.decode(errors="replace").strip() or texts.word(
                self.lang, "not_found"
            )
            raise self._unreachable(RuntimeError(detail))

    def write(self, data: bytes) -> None:
        name = self.settings.name or ""
        try:
            done = subprocess.run(
                ["lp", "-d", name, "-o", "raw", "-t", "counter-app ticket"],
                input=data,
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise self._no_answer(self.timeout) from exc
        except OSError as exc:
            raise self._unreachable(exc) from exc
        if done.returncode != 0:
            detail = done.stderr.decode(errors="replace").strip() or f"lp exit {done.returncode}"
            raise PrintError(
                "write_failed", texts.word(self.lang, "write_failed", where=name, detail=detail)
            )

    def send(self, job: PrintJob) -> str | None:
        self.write(job.data * job.copies)  # one lp job, so copies stay together
        return None


class Win32Connection(Connection):
    kind = "win32"

    def __init__(self, settings: PrinterSettings, lang: str) -> None:
        super().__init__(settings, lang)
        self._printer: Any = None

    @property
    def where(self) -> str:
        return str(self.settings.name)

    def open(self) -> None:
        if sys.platform != "win32":
            raise PrintError("windows_only", texts.word(self.lang, "windows_only"), retryable=False)
        try:
            self._printer = escpos_printer.Win32Raw(printer_name=self.settings.name or "")
        except RuntimeError as exc:
            raise self._needs("pywin32") from exc
        try:
            self._printer.open(job_name="counter-app ticket")
        except DeviceNotFoundError as exc:
            self._printer = None
            raise self._unreachable(exc.__context__ or exc) from exc

    def write(self, data: bytes) -> None:
        self._printer._raw(data)

    def close(self) -> None:
        if self._printer is not None:
            self._printer.close()  # EndDocPrinter: the spooler prints now
            self._printer = None


def preview_folder(settings: PrinterSettings) -> Path:
    return Path(settings.folder) if settings.folder else paths.data_dir() / "previews"


class PreviewConnection(Connection):
    """No hardware: each ticket becomes ``<code>-<timestamp>.png`` and ``.bin``."""

    kind = "preview"

    @property
    def where(self) -> str:
        return str(preview_folder(self.settings))

    def open(self) -> None:
        folder = preview_folder(self.settings)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._preview_failed(folder, exc) from exc

    def _preview_failed(self, folder: Path, exc: OSError) -> PrintError:
        detail = plain_os_error(exc, self.lang, self.timeout)
        return PrintError(
            "preview_failed",
            texts.word(self.lang, "preview_failed", folder=folder, detail=detail),
            retryable=False,
        )

    def write(self, data: bytes) -> None:  # pragma: no cover - send() is used instead
        raise NotImplementedError

    def send(self, job: PrintJob) -> str | None:
        folder = preview_folder(self.settings)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]
        base = f"{re.sub(r'[^A-Za-z0-9-]', '_', job.code)}-{stamp}"
        if job.reprint:
            base += "-reprint"
        try:
            bin_path = folder / f"{base}.bin"
            bin_path.write_bytes(job.data * job.copies)
            png_path = save_png(job.layout, folder / f"{base}.png")
        except OSError as exc:
            raise self._preview_failed(folder, exc) from exc
        job.bin_path, job.png_path = bin_path, png_path
        return str(png_path)


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


def query_state(conn: Connection) -> PrinterState:
    """Ask an open connection how the printer is (DLE EOT 1, 2 when offline, 4)."""
    lang = conn.lang
    if not conn.supports_status:
        return PrinterState(True, "ok", texts.word(lang, "status_na"), "status_na")
    r1 = conn.read_status(1)
    if r1 is None:
        if conn.silence_is_error:
            reason = texts.word(lang, "no_answer", s=texts.seconds(conn.status_timeout))
            return PrinterState(False, "error", reason, "no_answer")
        return PrinterState(True, "warning", texts.word(lang, "status_silent"), "status_na")
    answers: dict[int, int | None] = {1: r1}
    if is_status_byte(r1):  # else its offline bit means nothing: ask no more
        if r1 & ONLINE_OFFLINE:
            answers[2] = conn.read_status(2)
        answers[4] = conn.read_status(4)
    state = decode_status(r1, answers.get(2), answers.get(4), lang)
    if state.code == "unrecognised":
        said = ", ".join(f"{n}: {_hex(r)}" for n, r in answers.items())
        log.warning("printer %s: no ESC/POS status in its DLE EOT answers (%s)", conn.where, said)
    return state


def _hex(answer: int | None) -> str:
    return "none" if answer is None else f"0x{answer:02x}"


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
