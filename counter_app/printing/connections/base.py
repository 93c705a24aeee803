"""What every connection shares: its settings and timeouts, where it points, the
context manager that always closes it, and its errors in words a desk officer can act on.

EscposConnection is the template for the kinds python-escpos drives: it makes the
library's printer object, opens it, writes to it and closes it, turning the library's
exceptions into PrintErrors; a kind says only what differs.
"""

from __future__ import annotations

import contextlib
import errno
import socket
from abc import ABC, abstractmethod
from types import TracebackType
from typing import Any, ClassVar

from counter_app.core.config import PrinterSettings
from counter_app.printing import texts
from counter_app.printing._escpos import DeviceNotFoundError
from counter_app.printing.job import PrintError, PrintJob

STATUS_TIMEOUT_MAX = 1.5  # s; a printer answers DLE EOT within milliseconds or not at all


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


class Connection(ABC):
    """One job's connection. Subclasses that can read set ``supports_status``."""

    kind = "?"
    # The setting naming the printer in messages ("device", "name"); None: the kind.
    where_setting: ClassVar[str | None] = None
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
        if self.where_setting is None:
            return self.kind
        return str(getattr(self.settings, self.where_setting))

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


class EscposConnection(Connection):
    """A kind python-escpos drives, through one of its printer objects.

    open(): ``_check_usable()``, then ``_make_printer()`` (a RuntimeError there is
    python-escpos saying ``needs_package`` is missing), then ``_open_device()`` (its
    DeviceNotFoundError: unreachable). write(): ``_raw()``; what it raises of
    ``write_errors`` is a write that failed, or timed out where ``_timed_out`` says so.
    close(): the printer object's close().
    """

    needs_package: ClassVar[str | None] = None
    write_errors: ClassVar[tuple[type[Exception], ...]] = ()  # () passes every error on

    def __init__(self, settings: PrinterSettings, lang: str) -> None:
        super().__init__(settings, lang)
        self._printer: Any = None

    def _check_usable(self) -> None:
        """Raise a PrintError when this kind cannot work here at all."""

    @abstractmethod
    def _make_printer(self) -> Any: ...

    def _open_device(self) -> None:
        self._printer.open()

    def _raw(self, data: bytes) -> None:
        self._printer._raw(data)

    def _timed_out(self, exc: Exception) -> bool:
        return False

    def open(self) -> None:
        self._check_usable()
        try:
            self._printer = self._make_printer()
        except RuntimeError as exc:
            if self.needs_package is None:
                raise
            raise self._needs(self.needs_package) from exc
        try:
            self._open_device()
        except DeviceNotFoundError as exc:
            self._printer = None
            raise self._unreachable(exc.__context__ or exc) from exc

    def write(self, data: bytes) -> None:
        try:
            self._raw(data)
        except self.write_errors as exc:
            if self._timed_out(exc):
                raise self._no_answer(self.timeout) from exc
            raise self._write_failed(exc) from exc

    def close(self) -> None:
        if self._printer is not None:
            self._printer.close()
            self._printer = None
