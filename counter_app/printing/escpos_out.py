"""Render a TicketLayout to ESC/POS bytes with python-escpos's Dummy printer.

The bytes are built once on the caller's thread (well under 2 ms with native QR) and
then handed to the spooler, so the slow part, the printer, never touches the desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import qrcode
from PIL import Image

from counter_app.printing._escpos import QR_ECLEVEL_M, EscposImage, capabilities, escpos_printer
from counter_app.printing.layout import (
    RULE_WIDTH,
    Cut,
    Feed,
    Gap,
    QrBlock,
    Rule,
    Text,
    TicketLayout,
)

QrMode = Literal["auto", "native", "image"]
GS = b"\x1d"
LINE_DOTS = 30  # the default ESC 2 line spacing, 1/6 inch, in dots at 180 dpi
TEAR_OFF_LINES = 4  # without a cutter: feed the QR past the tear bar


class ProfileError(ValueError):
    """The configured printer profile is not in python-escpos's printer database."""


@dataclass(frozen=True, slots=True)
class EscposTicket:
    data: bytes
    qr_native: bool
    cut: bool  # a cut command is in the data
    cutter: bool  # the profile says the printer has a cutter
    profile: str


def check_profile(name: str) -> None:
    if name not in capabilities.CAPABILITIES["profiles"]:
        known = ", ".join(sorted(capabilities.CAPABILITIES["profiles"]))
        raise ProfileError(f"unknown printer profile {name!r} (known: {known})")


def profile_features(name: str) -> dict[str, bool]:
    check_profile(name)
    return dict(capabilities.CAPABILITIES["profiles"][name].get("features", {}))


def has_cutter(profile: str) -> bool:
    features = profile_features(profile)
    return bool(features.get("paperFullCut") or features.get("paperPartCut"))


def use_native_qr(mode: QrMode, profile: str) -> bool:
    """native/image as configured; auto trusts the profile's qrCode feature."""
    if mode == "native":
        return True
    if mode == "image":
        return False
    return bool(profile_features(profile).get("qrCode"))


def qr_image(block: QrBlock) -> Image.Image:
    """The QR as a 1-bit image with its quiet zone, one module = ``block.module`` dots."""
    code = qrcode.QRCode(
        version=block.version,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        box_size=block.module,
        border=block.quiet,
    )
    code.add_data(block.payload)
    code.make(fit=True)  # starts the search at block.version, so it is only a check
    matrix = code.get_matrix()  # includes the border
    side = len(matrix)
    small = Image.new("1", (side, side), 1)
    small.putdata([0 if dark else 1 for row in matrix for dark in row])
    scale = block.module
    return small.resize((side * scale, side * scale), Image.Resampling.NEAREST)


def raster_command(image: Image.Image) -> bytes:
    """GS v 0 for a 1-bit image.

    Built here rather than through ``Escpos.image()``, which print()s a warning to
    stdout for every image when the profile's paper width is unknown (the default
    profile), and which would pad the image to the full paper width to centre it
    (double the bytes); ESC a 1 centres raster images on the printer instead.
    """
    raster = EscposImage(image)
    width_bytes, height = raster.width_bytes, raster.height
    header = GS + b"v0\x00" + width_bytes.to_bytes(2, "little") + height.to_bytes(2, "little")
    return header + raster.to_raster_format()


def quiet_lines(block: QrBlock) -> int:
    """Blank lines that cover the quiet zone (a line feed is at least 30 dots)."""
    return max(1, -(-block.quiet * block.module // LINE_DOTS))


class _Renderer:
    def __init__(self, profile: str) -> None:
        self.p = escpos_printer.Dummy(profile=profile)
        # What the printer is set to after ESC @; only changes are sent, which keeps a
        # ticket's bytes small and the build fast.
        self.size, self.bold, self.align, self.invert = (1, 1), False, "left", False

    def style(
        self,
        *,
        size: int = 1,
        width: int | None = None,
        bold: bool | None = False,
        align: str | None = "center",
        invert: bool | None = False,
    ) -> None:
        """Send only what changes; None means "whatever it is now" (a blank line does
        not care about bold, dashes do not care about alignment)."""
        size_key = (width or size, size)
        if size_key != self.size:
            self.p.set(custom_size=True, width=size_key[0], height=size_key[1])
            self.size = size_key
        if bold is not None and bold != self.bold:
            self.p.set(bold=bold)
            self.bold = bold
        if align is not None and align != self.align:
            self.p.set(align=align)
            self.align = align
        if invert is not None and invert != self.invert:
            self.p.set(invert=invert)
            self.invert = invert


def render_escpos(
    layout: TicketLayout,
    *,
    profile: str = "default",
    qr: QrMode = "auto",
    cut: bool = True,
) -> EscposTicket:
    check_profile(profile)
    native = use_native_qr(qr, profile)
    cutter = has_cutter(profile)
    r = _Renderer(profile)
    p = r.p
    p.hw("INIT")  # ESC @: clear whatever a previous, broken job left set
    cut_emitted = False
    for block in layout.blocks:
        if isinstance(block, Text):
            r.style(size=block.size, bold=block.bold, align=block.align, invert=block.invert)
            p.text(block.text + "\n")
        elif isinstance(block, Rule):
            # Dashes at 4x width: the same line for a quarter of the bytes (a ticket
            # with native QR must stay within 512 bytes).
            r.style(width=RULE_WIDTH, bold=None, align=None)
            p.text("-" * (layout.columns // RULE_WIDTH) + "\n")
        elif isinstance(block, Feed):
            r.style(bold=None, align=None, invert=None)
            p.text("\n" * block.lines)
        elif isinstance(block, Gap):
            p._raw(b"\x1bJ" + bytes((min(255, block.dots),)))  # ESC J n: feed n dots
        elif isinstance(block, QrBlock):
            r.style()
            if native:
                # qr(native=True, center=True) raises NotImplementedError in 3.1: centre
                # with ESC a 1 (set above) instead. The printer adds no quiet zone of its
                # own, so blank lines above and below make one of at least 4 modules.
                quiet = "\n" * quiet_lines(block)
                p.text(quiet)
                p.qr(block.payload, ec=QR_ECLEVEL_M, size=block.module, native=True)
                p.text(quiet)
            else:
                p._raw(raster_command(qr_image(block)))  # quiet zone is in the image
                p.text("\n")
        elif isinstance(block, Cut):
            r.style()
            if cut and cutter:
                p.cut()  # feeds 6 lines, then GS V 0
                cut_emitted = True
            else:
                # Escpos.cut() silently sends nothing on profiles without a cutter;
                # feed enough paper that the QR clears the tear bar.
                p.text("\n" * TEAR_OFF_LINES)
    return EscposTicket(
        data=p.output, qr_native=native, cut=cut_emitted, cutter=cutter, profile=profile
    )
