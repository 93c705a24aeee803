"""The PNG preview: paper width in dots, pure black and white, scannable QR."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import zxingcpp
from fakeprinter import make_ticket
from PIL import Image, ImageFilter, ImageFont

from counter_app.core.config import PrinterSettings
from counter_app.core.model import TicketState
from counter_app.core.tokens import ticket_link
from counter_app.printing import preview
from counter_app.printing.layout import TicketLayout, build_layout

WITA = ZoneInfo("Asia/Makassar")


def layout(paper_mm: int = 58, width_dots: int | None = None, **changes: object) -> TicketLayout:
    return build_layout(
        make_ticket(**changes),
        office_name="Disdukcapil Kota Balikpapan",
        service_name="Perekaman KTP-el",
        settings=PrinterSettings.model_validate({"paper_mm": paper_mm, "width_dots": width_dots}),
        language="id",
        tz=WITA,
        reprint=True,
    )


@pytest.mark.parametrize(
    ("paper_mm", "width_dots", "dots"), [(58, None, 384), (80, 512, 512), (80, None, 576)]
)
def test_width_and_qr(paper_mm: int, width_dots: int | None, dots: int) -> None:
    image = preview.render_image(layout(paper_mm, width_dots, state=TicketState.OUTSIDE))
    assert image.width == dots
    assert image.height > image.width  # a ticket, not a banner
    assert sum(image.histogram()[1:255]) == 0  # pure black and white, like a thermal head
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [make_ticket().qr]


def test_save_png_round_trip(tmp_path: Path) -> None:
    path = preview.save_png(layout(), tmp_path / "sub" / "A-001.png")
    assert path.exists() and not list(tmp_path.glob("**/*.tmp"))
    with Image.open(path) as png:
        assert png.format == "PNG" and png.width == 384
        assert [r.text for r in zxingcpp.read_barcodes(png.convert("L"))] == [make_ticket().qr]


def test_fallback_font_when_dejavu_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    real_truetype = ImageFont.truetype

    def no_files(font: object, size: float = 10, *args: object, **kwargs: object) -> object:
        if isinstance(font, str):
            raise OSError("cannot open resource")
        return real_truetype(font, size, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ImageFont, "truetype", no_files)
    preview.font.cache_clear()
    try:
        image = preview.render_image(layout())
        assert [r.text for r in zxingcpp.read_barcodes(image)] == [make_ticket().qr]
    finally:
        preview.font.cache_clear()


def test_ink_where_the_number_is() -> None:
    image = preview.render_image(layout())
    # the 6x number is a band of heavy ink across most of the width
    rows = [image.crop((0, y, image.width, y + 1)).histogram()[0] for y in range(image.height)]
    assert max(rows) > image.width // 4


@pytest.mark.parametrize(("paper_mm", "dots"), [(58, 384), (80, 576)])
@pytest.mark.parametrize(
    "url",
    [
        "http://192.168.1.10:8080",
        "https://antrian.disdukcapil.balikpapankota.go.id",
        "https://antrian.disdukcapil.balikpapankota.go.id/kantor-kecamatan-balikpapan-utara",
    ],
)
def test_a_link_qr_scans_even_smeared_and_seen_from_afar(
    paper_mm: int, dots: int, url: str
) -> None:
    link = ticket_link(url, make_ticket(code="AB-1234").qr)
    image = preview.render_image(layout(paper_mm, code="AB-1234", qr=link))
    assert image.width == dots
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [link]
    # A worn thermal head blackens a dot more on every side of a module, and a phone held
    # at arm's length sees a module as about two pixels: both still read.
    smeared = image.filter(ImageFilter.MinFilter(3))
    far = image.resize((image.width * 2 // 5, image.height * 2 // 5), Image.Resampling.BILINEAR)
    for seen in (smeared, far):
        assert [r.text for r in zxingcpp.read_barcodes(seen)] == [link]
