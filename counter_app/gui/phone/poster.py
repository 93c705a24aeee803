"""The phone page's address as a QR code, and the poster staff print and hang up.

No Qt here: the poster is drawn with Pillow, so the desk draws it on a worker thread and
a script could draw it too. The words for visitors are fixed, in Indonesian first and
English under it, whatever language the desk speaks: the poster hangs at the entrance
and in the car park for everyone.
"""

from __future__ import annotations

import functools
import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import qrcode
from PIL import Image, ImageDraw, ImageFont

from counter_app.core import paths
from counter_app.core.words import text

#: what the visitor reads beside the code (the desk's dialog shows it too)
SCAN_ID = text("poster.scan", "id")
SCAN_EN = text("poster.scan", "en")

# A4 portrait at 200 dots per inch: prints full page on any office printer.
DPI = 200
PAGE = (1654, 2339)
MARGIN = 120
QR_SIDE = 1100  # at most; whole modules only, so every module has the same size
INK, GREY, ACCENT = (0, 0, 0), (70, 70, 70), (0, 84, 147)

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
_FONT_FILES = {
    # (bold, mono): DejaVu where installed (Linux), the Windows fonts otherwise
    (False, False): ("DejaVuSans.ttf", "arial.ttf", "segoeui.ttf"),
    (True, False): ("DejaVuSans-Bold.ttf", "arialbd.ttf", "segoeuib.ttf"),
    (True, True): ("DejaVuSansMono-Bold.ttf", "consolab.ttf", "courbd.ttf"),
}

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of the QR code for ``text``, quiet zone included (True = dark).

    Level Q: a quarter of the code may be dirty, torn or in the shade of a car park
    and it still reads; an address is short, so the code stays coarse (version 2-3)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=4)
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def needs_office_wifi(address: str) -> bool:
    """Whether phones reach the address only from the office network (a private address
    or a bare local host name), so the poster tells visitors to join the Wi-Fi."""
    host = urlsplit(address).hostname or ""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host or host.endswith((".local", ".lan", ".home.arpa"))
    return ip.is_private or ip.is_link_local


@functools.lru_cache(maxsize=16)
def _font(size: int, bold: bool = False, mono: bool = False) -> Font:
    names = _FONT_FILES[(bold, mono and bold)]
    candidates = [str(d / names[0]) for d in _FONT_DIRS] + list(names)
    candidates.insert(0, str(paths.resource_path("fonts", names[0])))
    for candidate in candidates:
        try:
            return ImageFont.truetype(candidate, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _wrap(text: str, font: Font, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _fit(text: str, size: int, width: int, *, bold: bool, mono: bool = False) -> Font:
    """The font at ``size``, smaller if that is what it takes to keep ``text`` on one line."""
    font = _font(size, bold, mono)
    while size > 24 and font.getlength(text) > width:
        size -= 4
        font = _font(size, bold, mono)
    return font


@dataclass
class _Pen:
    draw: ImageDraw.ImageDraw
    y: int

    def centred(self, text: str, font: Font, fill: tuple[int, int, int], gap: int = 0) -> None:
        left, top, right, bottom = self.draw.textbbox((0, 0), text, font=font)
        x = (PAGE[0] - (right - left)) // 2 - left
        self.draw.text((x, self.y - top), text, font=font, fill=fill)
        self.y += round(bottom - top) + gap

    def paragraph(self, text: str, font: Font, fill: tuple[int, int, int], gap: int) -> None:
        size = font.size if isinstance(font, ImageFont.FreeTypeFont) else 30
        line_height = round(size * 1.35)
        for line in _wrap(text, font, PAGE[0] - 2 * MARGIN):
            left, _top, right, _bottom = self.draw.textbbox((0, 0), line, font=font)
            x = (PAGE[0] - (right - left)) // 2 - left
            self.draw.text((x, self.y), line, font=font, fill=fill)
            self.y += line_height
        self.y += gap


def render_poster(office: str, address: str) -> Image.Image:
    """A printable A4 poster: the office, what to do in Indonesian and English, a large QR
    code of ``address`` and the address in letters for phones without a QR reader."""
    page = Image.new("RGB", PAGE, "white")
    draw = ImageDraw.Draw(page)
    width = PAGE[0] - 2 * MARGIN
    band = 36  # a blue band at the top and the bottom
    pen = _Pen(draw, 110)
    pen.paragraph(office, _font(64, bold=True), INK, gap=30)  # a long name takes two lines
    headline_id, headline_en = text("poster.headline", "id"), text("poster.headline", "en")
    pen.centred(headline_id, _fit(headline_id, 92, width, bold=True), ACCENT, gap=26)
    pen.centred(headline_en, _fit(headline_en, 58, width, bold=False), GREY, gap=50)

    matrix = qr_matrix(address)
    module = QR_SIDE // len(matrix)
    side = module * len(matrix)
    left = (PAGE[0] - side) // 2
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                x, y = left + c * module, pen.y + r * module
                draw.rectangle((x, y, x + module - 1, y + module - 1), fill=INK)
    pen.y += side + 40

    pen.paragraph(text("poster.detail", "id"), _font(44), INK, gap=14)
    pen.paragraph(text("poster.detail", "en"), _font(36), GREY, gap=30)
    if needs_office_wifi(address):
        wifi_id, wifi_en = text("poster.wifi", "id"), text("poster.wifi", "en")
        pen.centred(wifi_id, _fit(wifi_id, 44, width, bold=True), INK, gap=14)
        pen.centred(wifi_en, _fit(wifi_en, 36, width, bold=False), GREY, gap=30)
    pen.centred(address, _fit(address, 72, width, bold=True, mono=True), INK)
    # What is left over goes above and below in equal parts, between the two bands.
    bottom = pen.y + 110
    content = page.crop((0, 0, PAGE[0], bottom))
    page.paste("white", (0, 0, PAGE[0], PAGE[1]))
    page.paste(content, (0, max(0, PAGE[1] - bottom) // 2))
    draw.rectangle((0, 0, PAGE[0] - 1, band - 1), fill=ACCENT)
    draw.rectangle((0, PAGE[1] - band, PAGE[0] - 1, PAGE[1] - 1), fill=ACCENT)
    return page


def save_poster(path: Path, office: str, address: str) -> Path:
    """Draw the poster and write it as a PNG that prints at A4 size."""
    image = render_poster(office, address)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    image.save(partial, format="PNG", dpi=(DPI, DPI))
    partial.replace(path)  # a half-written poster never takes the name
    return path
