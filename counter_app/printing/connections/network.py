"""Raw TCP (port 9100): the office LAN's printers, and the only kind that drains the
printer's stray answers before asking."""

from __future__ import annotations

import contextlib
import socket
from typing import Any

from counter_app.printing._escpos import escpos_printer
from counter_app.printing.connections.base import EscposConnection
from counter_app.printing.connections.status import DLE_EOT
from counter_app.printing.job import PrintError


class NetworkConnection(EscposConnection):
    """Raw TCP (port 9100) through python-escpos's Network, with our own timeouts."""

    kind = "network"
    supports_status = True

    @property
    def where(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    @property
    def _sock(self) -> socket.socket:
        sock = self._printer._device if self._printer is not None else None
        if not isinstance(sock, socket.socket):
            raise self._dropped()
        return sock

    def _make_printer(self) -> Any:
        return escpos_printer.Network(
            host=self.settings.host or "",
            port=self.settings.port,
            timeout=self.timeout,  # connect and every send; never python-escpos's 60 s
            profile=self.settings.profile,
        )

    def _open_device(self) -> None:
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
