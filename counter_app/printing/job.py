"""The values that travel between the printer facade, the spooler and the connections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from counter_app.core.model import PrintStatus

if TYPE_CHECKING:
    from counter_app.printing.layout import TicketLayout

Level = Literal["ok", "warning", "error"]


@dataclass(frozen=True, slots=True)
class PrinterState:
    """What the printer said about itself, in plain words for the desk.

    ``code`` is the machine word (ok, paper_near_end, paper_out, cover_open, offline,
    printer_error, no_answer, unreachable, status_na, unrecognised (bytes that are no
    ESC/POS status), off, preview, ...).
    """

    ok: bool
    level: Level
    reason: str
    code: str = "ok"


class PrintError(Exception):
    """One print attempt failed; ``reason`` is for people, ``code`` for programs.

    ``retryable`` is False for states that a few hundred milliseconds will not fix
    (paper out, cover open, a missing driver): retrying would only hold up the queue.
    """

    def __init__(self, code: str, reason: str, *, retryable: bool = True) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.retryable = retryable

    @classmethod
    def from_state(cls, state: PrinterState, *, retryable: bool | None = None) -> PrintError:
        if retryable is None:
            retryable = state.code in ("no_answer", "unreachable", "dropped", "offline")
        return cls(state.code, state.reason, retryable=retryable)


@dataclass(slots=True, eq=False)
class PrintJob:
    """One ticket ready for the printer: the bytes are built once, on the caller's thread.

    ``ticket_id`` is None for test tickets, which are not stored anywhere.
    ``png_path``/``bin_path`` are filled in by the preview connection when it writes them.
    """

    ticket_id: int | None
    code: str
    data: bytes
    layout: TicketLayout
    reprint: bool = False
    copies: int = 1
    qr_native: bool = True
    cut: bool = True
    png_path: Path | None = None
    bin_path: Path | None = None
    made_at: datetime | None = None  # in the office's time zone: names the preview files

    def __repr__(self) -> str:
        return (
            f"PrintJob(ticket_id={self.ticket_id}, code={self.code!r}, "
            f"bytes={len(self.data)}, reprint={self.reprint}, copies={self.copies})"
        )


@dataclass(frozen=True, slots=True)
class Delivery:
    """A successful attempt: PRINTED (or OFF when printing is switched off), and a note
    worth showing (paper running low, where a preview was saved)."""

    status: PrintStatus
    note: str | None = None


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    job: PrintJob
    status: PrintStatus
    error: str | None
    attempts: int
    note: str | None = None
    code: str = "ok"
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status in (PrintStatus.PRINTED, PrintStatus.OFF)
