"""ESC/POS bytes: decoded back to text, QR payload and cut; byte budgets."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest
import zxingcpp
from fakeprinter import Decoded, decode, make_ticket
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from counter_app.core.config import PrinterSettings
from counter_app.core.model import Ticket, TicketState
from counter_app.core.tokens import ticket_link
from counter_app.printing.escpos_out import (
    EscposTicket,
    ProfileError,
    QrMode,
    has_cutter,
    qr_image,
    render_escpos,
    use_native_qr,
)
from counter_app.printing.layout import build_layout
from counter_app.printing.texts import Language

WITA = ZoneInfo("Asia/Makassar")
FOOTER = ["Harap jaga jarak", "Info layanan: WhatsApp 08164560808"]  # the example
NO_CUTTER_NO_QR = "POS-5890"  # a cheap 58 mm clone: no native QR, no cutter


def render(
    ticket: Ticket | None = None,
    *,
    paper_mm: int = 58,
    profile: str = "default",
    qr: QrMode = "auto",
    cut: bool = True,
    reprint: bool = False,
    language: Language = "id",
    office: str = "Disdukcapil Kota Balikpapan",
    service: str = "Perekaman KTP-el",
) -> EscposTicket:
    settings = PrinterSettings.model_validate(
        {"paper_mm": paper_mm, "profile": profile, "footer": FOOTER}
    )
    layout = build_layout(
        ticket or make_ticket(),
        office_name=office,
        service_name=service,
        settings=settings,
        language=language,
        tz=WITA,
        reprint=reprint,
    )
    return render_escpos(layout, profile=profile, qr=qr, cut=cut)


def read_qr(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def busy() -> Ticket:
    return make_ticket(code="B-123", state=TicketState.OUTSIDE, priority=True, group=3)


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_native_ticket_decodes(paper_mm: int) -> None:
    out = render(paper_mm=paper_mm)
    assert out.qr_native and out.cut and out.cutter
    decoded = decode(out.data)
    lines = [line.strip() for line in decoded.lines]
    for expected in (
        "Disdukcapil Kota Balikpapan",
        "Perekaman KTP-el",
        "Nomor Antrean",
        "A-001",
        "Nomor di depan Anda: 4",
        "Perkiraan tunggu ± 20 menit",
        "Berlaku hari ini saja",
        "Harap jaga jarak",
    ):
        assert expected in lines, expected
    assert "Sabtu, 28 November 2026" in decoded.text and "14:05 WITA" in decoded.text
    assert decoded.qr_payloads == [make_ticket().qr]
    assert decoded.qr_prints == 1
    assert decoded.qr_module_sizes[0] >= 4
    assert decoded.cuts == 1
    assert decoded.commands[0] == "ESC @"
    assert not decoded.rasters


def test_native_qr_is_centred_by_alignment_not_by_center_flag() -> None:
    # qr(native=True, center=True) raises in python-escpos 3.1; ESC a 1 must come first
    commands = decode(render().data).commands
    qr_at = commands.index("GS ( k")
    aligns = [c for c in commands[:qr_at] if c.startswith("ESC a")]
    assert aligns and aligns[-1] == "ESC a 1"


def test_number_printed_at_6x() -> None:
    decoded = decode(render().data)
    assert "GS ! 85" in decoded.commands  # 0x55: 6 x 6


def test_reprint_and_outside_on_paper() -> None:
    decoded = decode(render(busy(), reprint=True).data)
    lines = [line.strip() for line in decoded.lines]
    assert lines[0] == "CETAK ULANG"
    assert "PRIORITAS" in lines
    assert "Harap tunggu di luar sampai dipanggil masuk" in " ".join(lines)
    assert "Di depan Anda: 4 nomor (0 orang)" in lines  # its place at the door
    assert "Segera dilayani" not in lines
    assert "GS B 1" in decoded.commands  # white on black


def test_reprint_in_english() -> None:
    lines = [line.strip() for line in decode(render(reprint=True, language="en").data).lines]
    assert lines[0] == "REPRINT"


def test_image_qr_on_a_clone_without_native_qr_or_cutter() -> None:
    out = render(profile=NO_CUTTER_NO_QR)
    assert not out.qr_native and not out.cutter and not out.cut
    decoded = decode(out.data)
    assert decoded.qr_payloads == [] and decoded.cuts == 0
    assert len(decoded.rasters) == 1
    raster = decoded.rasters[0]
    assert raster.width <= 384
    assert read_qr(raster) == [make_ticket().qr]
    assert decoded.lines[-4:] == ["", "", "", ""]  # fed past the tear bar instead of a cut


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_image_qr_module_and_quiet_zone(paper_mm: int) -> None:
    out = render(paper_mm=paper_mm, qr="image")
    raster = decode(out.data).rasters[0]
    # version 2 = 25 modules, plus 4 quiet modules each side
    module = raster.height // 33
    assert module >= 4 and raster.height == 33 * module
    corner = raster.crop((0, 0, 4 * module, 4 * module))
    assert corner.getextrema() == (255, 255)  # quiet zone is white
    assert read_qr(raster) == [make_ticket().qr]


def test_qr_mode_overrides() -> None:
    assert not render(qr="image").qr_native
    assert render(profile=NO_CUTTER_NO_QR, qr="native").qr_native
    assert use_native_qr("auto", "default") and not use_native_qr("auto", NO_CUTTER_NO_QR)


def test_cut_only_when_requested() -> None:
    out = render(cut=False)
    assert not out.cut and out.cutter
    assert decode(out.data).cuts == 0
    assert has_cutter("TM-T20II") and not has_cutter("ZJ-5870")


def test_unknown_profile() -> None:
    with pytest.raises(ProfileError, match="unknown printer profile 'TM-NOPE'"):
        render(profile="TM-NOPE")


@pytest.mark.parametrize("paper_mm", [58, 80])
@pytest.mark.parametrize("full", [False, True])
def test_native_ticket_within_512_bytes(paper_mm: int, full: bool) -> None:
    out = render(busy() if full else None, paper_mm=paper_mm, reprint=full)
    assert len(out.data) <= 512, len(out.data)


@pytest.mark.parametrize("paper_mm", [58, 80])
@pytest.mark.parametrize("full", [False, True])
def test_native_link_ticket_within_640_bytes(paper_mm: int, full: bool) -> None:
    """A link ([web] public_url) adds its address and the line about the live page."""
    ticket = busy() if full else make_ticket()
    link = ticket_link("https://antrian.disdukcapil.balikpapankota.go.id", ticket.qr)
    out = render(replace(ticket, qr=link), paper_mm=paper_mm, reprint=full)
    assert len(out.data) <= 640, len(out.data)
    decoded = decode(out.data)
    assert decoded.qr_payloads == [link]
    assert decoded.text.count("Pindai kode QR untuk") == 1


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_image_link_qr_scans(paper_mm: int) -> None:
    link = ticket_link("http://192.168.1.10:8080", make_ticket().qr)
    out = render(make_ticket(qr=link), paper_mm=paper_mm, profile=NO_CUTTER_NO_QR)
    [raster] = decode(out.data).rasters
    assert raster.width <= (384 if paper_mm == 58 else 576)
    assert read_qr(raster) == [link]


def test_image_ticket_on_58mm_within_16kb() -> None:
    out = render(busy(), profile=NO_CUTTER_NO_QR, reprint=True)
    assert not out.qr_native
    assert len(out.data) <= 16 * 1024, len(out.data)


def test_qr_image_helper_is_scannable() -> None:
    ticket = make_ticket()
    layout = build_layout(
        ticket,
        office_name="X",
        service_name="Y",
        settings=PrinterSettings(paper_mm=58),
        language="id",
        tz=WITA,
    )
    assert layout.qr is not None
    image = qr_image(layout.qr)
    assert image.size == (layout.qr.width_dots, layout.qr.width_dots)
    assert read_qr(image.convert("L")) == [ticket.qr]


@settings(max_examples=40, deadline=None)
@given(office=st.text(max_size=80), service=st.text(min_size=1, max_size=60))
def test_any_config_text_decodes_without_stray_commands(office: str, service: str) -> None:
    decoded: Decoded = decode(render(office=office or "X", service=service).data)
    assert decoded.qr_payloads == [make_ticket().qr]
    assert decoded.cuts == 1
