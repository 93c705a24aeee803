"""One ticket layout, as abstract lines and blocks, for both the ESC/POS and PNG renderers.

Everything about *what* goes on the paper is decided here, once: wrapping, sizes,
the QR module size. The renderers only know *how* to draw a block, so the preview
cannot drift from the paper.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import tzinfo
from typing import Literal

from counter_app.core.config import PrinterSettings
from counter_app.core.model import Ticket, TicketState
from counter_app.core.tokens import is_link
from counter_app.printing import texts
from counter_app.printing.texts import Language

Align = Literal["left", "center", "right"]

FONT_A_WIDTH = 12  # dots; every ESC/POS printer's font A is 12 x 24 dots
FONT_A_HEIGHT = 24
MAX_NUMBER_SIZE = 6  # GS ! allows 8, but 6x already fills 58 mm paper with "A-001"
RULE_WIDTH = 4  # a rule is dashes at 4x width: the same line for a quarter of the bytes
QR_QUIET_MODULES = 4  # ISO/IEC 18004 minimum quiet zone
QR_MIN_MODULE = 4  # dots; below that cheap 203 dpi heads smear modules together
QR_MAX_MODULE = 8
QR_WIDTH_SHARE = 0.6  # the QR may take this much of the paper width, quiet zone included


@dataclass(frozen=True, slots=True)
class Text:
    """One printed line; ``size`` multiplies the 12 x 24 dot font in both directions."""

    text: str
    size: int = 1
    bold: bool = False
    align: Align = "center"
    invert: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    """A full-width line of dashes (printed at RULE_WIDTH times the normal width)."""


@dataclass(frozen=True, slots=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True, slots=True)
class Gap:
    """A little paper (ESC J n) where a whole blank line would be too much."""

    dots: int = 12


@dataclass(frozen=True, slots=True)
class QrBlock:
    payload: str
    module: int  # dots per module
    version: int  # QR version at error correction level M
    quiet: int = QR_QUIET_MODULES

    @property
    def modules(self) -> int:
        return 17 + 4 * self.version

    @property
    def width_dots(self) -> int:
        return (self.modules + 2 * self.quiet) * self.module


@dataclass(frozen=True, slots=True)
class Cut:
    """End of ticket: feed past the tear bar and cut where the printer can."""


Block = Text | Rule | Feed | Gap | QrBlock | Cut


@dataclass(frozen=True, slots=True)
class TicketLayout:
    blocks: tuple[Block, ...]
    columns: int
    dots: int
    language: Language
    code: str
    reprint: bool = False

    def texts(self) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, Text)]

    @property
    def qr(self) -> QrBlock | None:
        return next((b for b in self.blocks if isinstance(b, QrBlock)), None)


def columns_for(dots: int) -> int:
    """32 columns on 384 dots (58 mm), 42 on 512, 48 on 576 (80 mm)."""
    return dots // FONT_A_WIDTH


# Level M capacities of QR versions 1-10 (ISO/IEC 18004 table 7). The payload is ~35
# characters, so version 2 or 3; computing it here keeps the qrcode library (slow
# best-fit search) out of the native-QR build path.
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
_CAP_M_ALNUM = (20, 38, 61, 90, 122, 154, 178, 221, 262, 311)
_CAP_M_BYTES = (14, 26, 42, 62, 84, 106, 122, 152, 180, 213)


def qr_version(payload: str) -> int:
    table = _CAP_M_ALNUM if set(payload) <= _ALNUM else _CAP_M_BYTES
    size = len(payload) if table is _CAP_M_ALNUM else len(payload.encode("utf-8"))
    for version, capacity in enumerate(table, start=1):
        if size <= capacity:
            return version
    import qrcode  # rare: long payloads; let the library find the version

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    return int(code.version)


def qr_module(dots: int, version: int, quiet: int = QR_QUIET_MODULES) -> int:
    """Dots per module: as large as fits in QR_WIDTH_SHARE of the paper, 4 to 8."""
    total = 17 + 4 * version + 2 * quiet
    return max(QR_MIN_MODULE, min(QR_MAX_MODULE, int(dots * QR_WIDTH_SHARE) // total))


def qr_block(payload: str, dots: int) -> QrBlock:
    version = qr_version(payload)
    return QrBlock(payload=payload, module=qr_module(dots, version), version=version)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, balanced: when a text needs two lines,
    they get about the same length instead of a full line and one orphan word."""
    width = max(1, width)
    lines = textwrap.wrap(text, width=width, break_long_words=True)
    if len(lines) < 2:
        return lines or [""]
    for narrower in range(-(-len(text) // len(lines)), width):
        candidate = textwrap.wrap(text, width=narrower, break_long_words=False)
        if len(candidate) == len(lines) and all(len(line) <= width for line in candidate):
            return candidate
    return lines


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class _Builder:
    def __init__(self, columns: int) -> None:
        self.columns = columns
        self.blocks: list[Block] = []

    def text(
        self,
        text: str,
        *,
        size: int = 1,
        bold: bool = False,
        align: Align = "center",
        invert: bool = False,
    ) -> None:
        # An inverted (white on black) line gets a space either side so the black box
        # does not touch the first and last letter.
        pad = 1 if invert else 0
        text = _CONTROL.sub(" ", text)  # a stray ESC in a config text is not a command
        for line in wrap(text, self.columns // size - 2 * pad):
            line = f"{' ' * pad}{line}{' ' * pad}"
            self.blocks.append(Text(line, size=size, bold=bold, align=align, invert=invert))

    def add(self, block: Block) -> None:
        self.blocks.append(block)


def number_size(code: str, columns: int) -> int:
    """The largest GS ! multiplier at which the code still fits on one line."""
    return max(1, min(MAX_NUMBER_SIZE, columns // max(1, len(code))))


def build_layout(
    ticket: Ticket,
    *,
    office_name: str,
    service_name: str,
    settings: PrinterSettings,
    language: Language,
    tz: tzinfo,
    reprint: bool = False,
    banner: str | None = None,
) -> TicketLayout:
    """The ticket as blocks, fitted to the paper's column count.

    ``banner`` is an extra inverted line at the top (the test ticket uses it).
    """
    lang = language
    dots = settings.dots
    columns = columns_for(dots)
    b = _Builder(columns)

    if reprint:
        b.text(texts.word(lang, "reprint"), size=2, bold=True, invert=True)
        b.add(Gap())
    if banner:
        b.text(banner, size=2, bold=True, invert=True)
        b.add(Gap())
    b.text(office_name, bold=True)
    b.add(Rule())
    b.text(service_name, bold=True)
    b.add(Feed(1))
    b.text(texts.word(lang, "title"))
    b.text(ticket.code, size=number_size(ticket.code, columns), bold=True)
    if ticket.priority:
        b.text(texts.word(lang, "priority"), size=2, bold=True, invert=True)
        b.add(Gap())
    if ticket.group > 1:
        b.text(texts.word(lang, "group", n=ticket.group), bold=True)
    if ticket.document is not None:  # what the counter fetches; the NIK stays off the paper
        doc = ticket.document
        b.text(texts.word(lang, "document", kind=doc.kind, number=doc.number), bold=True)
    moment = ticket.issued_at.astimezone(tz)
    stamp = texts.format_datetime(lang, moment)
    if len(stamp) <= columns:
        b.text(stamp)
    else:  # 58 mm: "Rabu, 30 September 2026 14:05 WITA" is 35 characters
        b.text(texts.format_date(lang, moment))
        b.text(texts.format_time(moment))
    b.add(Rule())
    if ticket.state is TicketState.OUTSIDE:
        # What the visitor waits for first is the door: the tickets before them outside
        # (every service's) go in first. Never "served soon" on a ticket that must wait.
        b.text(texts.word(lang, "outside"), bold=True)
        b.add(Feed(1))
        if ticket.ahead:
            b.text(texts.word(lang, "ahead_outside", n=ticket.ahead, persons=ticket.ahead_persons))
        else:
            b.text(texts.word(lang, "next_in"))
        if ticket.estimated_minutes > 0:
            b.text(texts.word(lang, "wait", n=ticket.estimated_minutes))
    else:
        b.text(texts.word(lang, "ahead", n=ticket.ahead))
        if ticket.estimated_minutes > 0:
            b.text(texts.word(lang, "wait", n=ticket.estimated_minutes))
        else:
            b.text(texts.word(lang, "wait_none"))
    b.add(qr_block(ticket.qr, dots))
    if is_link(ticket.qr):  # a phone's camera opens the live page: say so under the code
        b.text(texts.word(lang, "live"))
        b.add(Gap())
    b.text(texts.word(lang, "valid_today"), bold=True)
    if settings.footer:
        b.add(Feed(1))
        for line in settings.footer:
            b.text(line)
    b.add(Cut())
    return TicketLayout(
        blocks=tuple(b.blocks),
        columns=columns,
        dots=dots,
        language=lang,
        code=ticket.code,
        reprint=reprint,
    )
