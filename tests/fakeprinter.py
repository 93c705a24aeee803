"""Test support for the printing tests: a fake network printer, an ESC/POS decoder, tickets.

FakePrinter is a TCP server on 127.0.0.1 at a free port that behaves like a raw
port-9100 thermal printer: it records every byte, answers real-time status queries
(DLE EOT n) wherever they appear in the stream, and can misbehave on demand:

    normal      records and answers
    silent      accepts the connection, then reads and answers nothing (a hung printer)
    drop        answers, then resets the connection after ``drop_after`` job bytes
    paper_out   offline, paper-end stop; DLE EOT 4 says paper out
    near_end    online; DLE EOT 4 says the paper is running low
    offline     offline with no cause given
    cover_open  offline, cover open
    all_ones    answers 0xFF to every query (a receive line left floating)
    noise       answers random bytes that are no ESC/POS status (seeded, so repeatable)
"""

from __future__ import annotations

import random
import socket
import struct
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from PIL import Image, ImageOps

from counter_app.core.model import PrintStatus, Ticket, TicketState
from counter_app.core.tokens import make_payload

SECRET = "test-secret-0123456789abcdef"
DAY = date(2026, 11, 28)  # a Saturday
ISSUED = datetime(2026, 11, 28, 6, 5, tzinfo=UTC)  # 14:05 WITA

OK = 0x12  # fixed bits 1 and 4 set, nothing else: the normal answer to every DLE EOT n
STATUS: dict[str, dict[int, int]] = {
    "normal": {1: OK, 2: OK, 3: OK, 4: OK},
    "drop": {1: OK, 2: OK, 3: OK, 4: OK},
    "near_end": {1: OK, 2: OK, 3: OK, 4: OK | 0x0C},
    "paper_out": {1: OK | 0x08, 2: OK | 0x20, 3: OK, 4: OK | 0x60},
    "offline": {1: OK | 0x08, 2: OK, 3: OK, 4: OK},
    "cover_open": {1: OK | 0x08, 2: OK | 0x04, 3: OK, 4: OK},
    "all_ones": {1: 0xFF, 2: 0xFF, 3: 0xFF, 4: 0xFF},
}
MODES = (*STATUS, "silent", "noise")
# what no DLE EOT n answer can be: bit 1 or 4 clear, or bit 0 or 7 set
NOT_STATUS = [b for b in range(256) if b & 0x93 != 0x12]


def make_ticket(**changes: Any) -> Ticket:
    """A ticket as the queue would hand it over; any field can be overridden."""
    code = changes.get("code", "A-001")
    day = changes.get("day", DAY)
    base = Ticket(
        id=1,
        code=code,
        prefix=code.split("-")[0],
        number=int(code.split("-")[1]),
        day=day,
        state=TicketState.WAITING,
        service=code.split("-")[0],
        group=1,
        priority=False,
        issued_at=ISSUED,
        called_at=None,
        finished_at=None,
        counter=None,
        recalls=0,
        print_status=PrintStatus.PENDING,
        print_attempts=0,
        print_error=None,
        qr=make_payload(SECRET, day, code),
        ahead=4,
        estimated_minutes=20,
    )
    return replace(base, **changes)


@dataclass
class Session:
    """One TCP connection to the fake printer."""

    data: bytearray = field(default_factory=bytearray)
    queries: list[int] = field(default_factory=list)
    opened_at: float = field(default_factory=time.perf_counter)
    last_byte_at: float = 0.0
    answered: int = 0  # status answers sent back (each after its query is in ``queries``)
    closed: bool = False  # the printer's end is closed

    @property
    def job(self) -> bytes:
        """The bytes without the status queries."""
        return strip_queries(bytes(self.data))


class FakePrinter:
    def __init__(
        self,
        mode: str = "normal",
        *,
        drop_after: int = 64,
        port: int = 0,
        switch_after: tuple[int, str] | None = None,
        single: bool = False,
        answer_delay: float = 0.0,
    ) -> None:
        """``switch_after=(n, mode)``: change to ``mode`` once a connection has sent n job
        bytes (the paper running out in the middle of a ticket). ``single``: serve one
        connection at a time, like most real network printers; the next one waits in
        the listen backlog. ``answer_delay``: seconds before each status answer."""
        if mode not in MODES:
            raise ValueError(mode)
        self.mode = mode
        self.drop_after = drop_after
        self.switch_after = switch_after
        self.single = single
        self.answer_delay = answer_delay
        self.noise = random.Random(16)
        self.host = "127.0.0.1"
        self._requested_port = port
        self.port = 0
        self.sessions: list[Session] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._conns: list[socket.socket] = []
        self._server: socket.socket | None = None

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> FakePrinter:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((self.host, self._requested_port))
        server.listen(16)
        server.settimeout(0.05)
        self._server = server
        self.port = server.getsockname()[1]
        self._spawn(self._accept_loop)
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.close()
        for thread in self._threads:
            thread.join(2)
        with self._lock:
            for conn in self._conns:
                conn.close()

    def __enter__(self) -> FakePrinter:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _spawn(self, target: Any, *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    # -- what was received -------------------------------------------------------------

    @property
    def data(self) -> bytes:
        with self._lock:
            return b"".join(bytes(s.data) for s in self.sessions)

    @property
    def jobs(self) -> list[bytes]:
        """Per connection, the bytes received without status queries; empty ones left out."""
        with self._lock:
            sessions = list(self.sessions)
        return [s.job for s in sessions if s.job]

    def clear(self) -> None:
        with self._lock:
            self.sessions.clear()

    def wait_for(self, predicate: Any, timeout: float = 30.0) -> bool:
        """Poll until ``predicate()`` holds; the long timeout is for a busy machine (a
        passing test returns at once)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if predicate():
                return True
            time.sleep(0.005)
        return bool(predicate())

    # -- serving ----------------------------------------------------------------------

    def _accept_loop(self) -> None:
        assert self._server is not None
        while not self._stopping.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._conns.append(conn)
            if self.single:
                self._serve(conn)
            else:
                self._spawn(self._serve, conn)

    def _serve(self, conn: socket.socket) -> None:
        session = Session()
        with self._lock:
            self.sessions.append(session)
        conn.settimeout(0.05)
        state = 0  # 0: text, 1: after DLE, 2: after DLE EOT
        try:
            while not self._stopping.is_set():
                if self.mode == "silent":
                    time.sleep(0.01)  # a hung printer: the bytes pile up in the socket
                    continue
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not chunk:
                    return
                now = time.perf_counter()
                with self._lock:
                    session.data += chunk
                    session.last_byte_at = now
                if self.switch_after and len(session.job) >= self.switch_after[0]:
                    self.mode, self.switch_after = self.switch_after[1], None
                if state != 0 or 0x10 in chunk:  # else no real-time command in here
                    for byte in chunk:
                        if state == 2:
                            session.queries.append(byte)
                            time.sleep(self.answer_delay)
                            if self.mode == "noise":
                                answer = self.noise.choice(NOT_STATUS)
                            else:
                                answer = STATUS.get(self.mode, STATUS["normal"]).get(byte, OK)
                            conn.sendall(bytes((answer,)))
                            with self._lock:
                                session.answered += 1
                            state = 0
                        elif state == 1 and byte == 0x04:
                            state = 2
                        else:
                            state = 1 if byte == 0x10 else 0
                if self.mode == "drop" and len(session.job) >= self.drop_after:
                    # RST rather than FIN: like a printer that was switched off mid-job
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
        finally:
            conn.close()
            session.closed = True


# -- ESC/POS decoding -------------------------------------------------------------------

CODEPAGES = {0: "cp437", 2: "cp850", 3: "cp860", 4: "cp863", 5: "cp865", 16: "cp1252", 19: "cp858"}


@dataclass
class Decoded:
    lines: list[str] = field(default_factory=list)
    qr_payloads: list[str] = field(default_factory=list)
    qr_module_sizes: list[int] = field(default_factory=list)
    qr_prints: int = 0
    cuts: int = 0
    rasters: list[Image.Image] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def strip_queries(data: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(data):
        if data[i] == 0x10 and i + 2 < len(data) and data[i + 1] == 0x04:
            i += 3
            continue
        out.append(data[i])
        i += 1
    return bytes(out)


def decode(data: bytes) -> Decoded:
    """Parse what the program sends; an unknown command fails the test that sent it."""
    out = Decoded()
    line = bytearray()
    codepage = "cp437"
    i = 0
    three = {  # ESC/GS commands with one parameter byte
        0x1B: b"aE!tdJ-M{G3",
        0x1D: b"!Bbhwf",
    }

    def flush() -> None:
        out.lines.append(line.decode(codepage, errors="replace"))
        line.clear()

    while i < len(data):
        b = data[i]
        if b == 0x0A:
            flush()
            i += 1
        elif b == 0x0D:
            i += 1
        elif b == 0x10 and data[i + 1] == 0x04:
            out.queries.append(data[i + 2])
            i += 3
        elif b == 0x1B:
            c = data[i + 1]
            if c in b"@2":
                out.commands.append(f"ESC {chr(c)}")
                i += 2
            elif c in three[0x1B]:
                out.commands.append(f"ESC {chr(c)} {data[i + 2]}")
                if c == ord("t"):
                    codepage = CODEPAGES.get(data[i + 2], "cp437")
                i += 3
            else:
                raise ValueError(f"unknown ESC {c:#x} at {i}")
        elif b == 0x1D:
            c = data[i + 1]
            if c in three[0x1D]:
                out.commands.append(f"GS {chr(c)} {data[i + 2]}")
                i += 3
            elif c == ord("V"):
                m = data[i + 2]
                out.cuts += 1
                out.commands.append(f"GS V {m}")
                i += 4 if m in (65, 66, 97, 98, 103, 104) else 3
            elif c == ord("("):
                kind = chr(data[i + 2])
                length = data[i + 3] | data[i + 4] << 8
                body = data[i + 5 : i + 5 + length]
                if kind == "k" and body[0] == ord("1"):
                    fn = body[1]
                    if fn == ord("P"):
                        out.qr_payloads.append(body[3:].decode("ascii"))
                    elif fn == ord("C"):
                        out.qr_module_sizes.append(body[2])
                    elif fn == ord("Q"):
                        out.qr_prints += 1
                out.commands.append(f"GS ( {kind}")
                i += 5 + length
            elif c == ord("v") and data[i + 2] == ord("0"):
                width_bytes = data[i + 4] | data[i + 5] << 8
                height = data[i + 6] | data[i + 7] << 8
                raw = data[i + 8 : i + 8 + width_bytes * height]
                image = Image.frombytes("1", (width_bytes * 8, height), raw).convert("L")
                out.rasters.append(ImageOps.invert(image))  # ESC/POS: bit 1 = black
                out.commands.append("GS v 0")
                i += 8 + width_bytes * height
            else:
                raise ValueError(f"unknown GS {c:#x} at {i}")
        elif b < 0x20:
            raise ValueError(f"unknown control byte {b:#x} at {i}")
        else:
            line.append(b)
            i += 1
    if line:
        flush()
    return out


def free_port() -> int:
    """A port with nothing listening on it (for 'cannot be reached')."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
