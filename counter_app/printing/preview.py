"""Render a TicketLayout to a PNG that looks like the thermal paper.

The image is exactly as wide as the printable area in dots, 1-bit like the print head,
and draws every block the way an ESC/POS printer does: a 12 x 24 dot cell per
character scaled by the size multiplier, line feeds of at least 30 dots, the QR with
the same module size and quiet zone as the paper.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from counter_app.core import paths
from counter_app.printing.escpos_out import qr_image
from counter_app.printing.layout import (
    FONT_A_HEIGHT,
    FONT_A_WIDTH,
    RULE_WIDTH,
    Cut,
    Feed,
    Gap,
    QrBlock,
    Rule,
    Text,
    TicketLayout,
)

LINE_DOTS = 30  # default line feed (1/6 inch); taller characters feed their own height
MARGIN_TOP = 16
BASELINE = 19  # of 24 dots: font A leaves 5 dots for descenders
MONO_ADVANCE = 0.6021  # DejaVu Sans Mono advance width per em
TEAR_FEED_LINES = 3  # lines of paper after the last text, up to the cut

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
_FONT_FILES = {False: "DejaVuSansMono.ttf", True: "DejaVuSansMono-Bold.ttf"}
# Windows has no DejaVu; Consolas has the same advance ratio within 1 %.
_FALLBACK_FILES = {False: ("consola.ttf", "cour.ttf"), True: ("consolab.ttf", "courbd.ttf")}

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@functools.lru_cache(maxsize=32)
def font(size: int, bold: bool) -> Font:
    """A monospaced font whose advance is 12 x size dots, like font A."""
    points = FONT_A_WIDTH * size / MONO_ADVANCE
    candidates: list[str] = [str(paths.resource_path("fonts", _FONT_FILES[bold]))]
    candidates += [str(d / _FONT_FILES[bold]) for d in _FONT_DIRS]
    candidates += [_FONT_FILES[bold], *_FALLBACK_FILES[bold]]  # Pillow searches the OS dirs
    for candidate in candidates:
        try:
            return ImageFont.truetype(candidate, points)
        except OSError:
            continue
    return ImageFont.load_default(points)


def _line_height(size: int) -> int:
    return max(LINE_DOTS, FONT_A_HEIGHT * size)


def _height(layout: TicketLayout) -> int:
    y = MARGIN_TOP
    for block in layout.blocks:
        if isinstance(block, Text):
            y += _line_height(block.size)
        elif isinstance(block, Rule):
            y += LINE_DOTS
        elif isinstance(block, Feed):
            y += LINE_DOTS * block.lines
        elif isinstance(block, Gap):
            y += block.dots
        elif isinstance(block, QrBlock):
            y += block.width_dots + LINE_DOTS
        elif isinstance(block, Cut):
            y += LINE_DOTS * TEAR_FEED_LINES
    return y


def _draw_text(draw: ImageDraw.ImageDraw, block: Text, y: int, dots: int) -> None:
    cell = FONT_A_WIDTH * block.size
    width = cell * len(block.text)
    x = {"left": 0, "center": (dots - width) // 2, "right": dots - width}[block.align]
    ink = 0
    if block.invert:
        draw.rectangle((x, y, x + width - 1, y + FONT_A_HEIGHT * block.size - 1), fill=0)
        ink = 255
    face = font(block.size, block.bold)
    baseline = y + BASELINE * block.size
    # One character per cell, so the columns match the printer even with a fallback
    # font whose advance is not exactly 12 dots.
    for i, char in enumerate(block.text):
        if char != " ":
            draw.text((x + i * cell + cell // 2, baseline), char, font=face, fill=ink, anchor="ms")


def _draw_rule(draw: ImageDraw.ImageDraw, y: int, columns: int, dots: int) -> None:
    dash = FONT_A_WIDTH * RULE_WIDTH
    count = columns // RULE_WIDTH
    x0 = (dots - dash * count) // 2
    mid = y + FONT_A_HEIGHT // 2
    for i in range(count):
        left = x0 + i * dash + RULE_WIDTH
        draw.rectangle((left, mid - 1, left + dash - 2 * RULE_WIDTH - 1, mid), fill=0)


def render_image(layout: TicketLayout) -> Image.Image:
    """The ticket as an 8-bit greyscale image of pure black and white."""
    dots = layout.dots
    image = Image.new("L", (dots, _height(layout)), 255)
    draw = ImageDraw.Draw(image)
    draw.fontmode = "1"  # no anti-aliasing: a thermal head prints dots or nothing
    y = MARGIN_TOP
    for block in layout.blocks:
        if isinstance(block, Text):
            _draw_text(draw, block, y, dots)
            y += _line_height(block.size)
        elif isinstance(block, Rule):
            _draw_rule(draw, y, layout.columns, dots)
            y += LINE_DOTS
        elif isinstance(block, Feed):
            y += LINE_DOTS * block.lines
        elif isinstance(block, Gap):
            y += block.dots
        elif isinstance(block, QrBlock):
            qr = qr_image(block).convert("L")
            image.paste(qr, ((dots - qr.width) // 2, y + LINE_DOTS // 2))
            y += qr.height + LINE_DOTS
        elif isinstance(block, Cut):
            y += LINE_DOTS * TEAR_FEED_LINES
    return image


def png_bytes(layout: TicketLayout) -> bytes:
    buffer = io.BytesIO()
    render_image(layout).convert("1").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def save_png(layout: TicketLayout, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(png_bytes(layout))
    tmp.replace(path)  # a half-written preview is never shown to anyone
    return path
