"""The printer's own word on its state: ESC/POS real-time status (DLE EOT n), decoded."""

from __future__ import annotations

import logging

from counter_app.printing import texts
from counter_app.printing.connections.base import Connection
from counter_app.printing.job import PrinterState

log = logging.getLogger(__name__)

DLE_EOT = b"\x10\x04"

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
