"""The abstract ticket layout: content, wrapping and fit for 58 and 80 mm paper."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from fakeprinter import make_ticket
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.core.config import PrinterSettings
from counter_app.core.model import DocumentRef, Ticket, TicketState
from counter_app.core.tokens import ticket_link
from counter_app.printing.layout import (
    QrBlock,
    Text,
    TicketLayout,
    build_layout,
    columns_for,
    number_size,
    qr_version,
    wrap,
)
from counter_app.printing.texts import Language

WITA = ZoneInfo("Asia/Makassar")
WIDTHS = [(58, None), (80, 512), (80, None)]  # 384, 512 and 576 dots


def layout(
    ticket: Ticket | None = None,
    *,
    paper_mm: int = 58,
    width_dots: int | None = None,
    language: Language = "id",
    office: str = "Disdukcapil Kota Balikpapan",
    service: str = "Perekaman KTP-el",
    reprint: bool = False,
    footer: list[str] | None = None,
) -> TicketLayout:
    options: dict[str, object] = {"paper_mm": paper_mm, "width_dots": width_dots}
    if footer is not None:
        options["footer"] = footer
    return build_layout(
        ticket or make_ticket(),
        office_name=office,
        service_name=service,
        settings=PrinterSettings.model_validate(options),
        language=language,
        tz=WITA,
        reprint=reprint,
    )


def assert_fits(result: TicketLayout) -> None:
    for block in result.blocks:
        if isinstance(block, Text):
            assert len(block.text) * block.size <= result.columns, block
        if isinstance(block, QrBlock):
            assert block.width_dots <= result.dots


@pytest.mark.parametrize(("dots", "columns"), [(384, 32), (512, 42), (576, 48)])
def test_columns(dots: int, columns: int) -> None:
    assert columns_for(dots) == columns


@pytest.mark.parametrize(("paper_mm", "width_dots"), WIDTHS)
def test_everything_on_the_ticket(paper_mm: int, width_dots: int | None) -> None:
    result = layout(paper_mm=paper_mm, width_dots=width_dots)
    joined = " ".join(result.texts())
    for expected in (
        "Disdukcapil Kota Balikpapan",
        "Perekaman KTP-el",
        "Nomor Antrean",
        "A-001",
        "Sabtu, 28 November 2026",
        "14:05 WITA",
        "Nomor di depan Anda: 4",
        "Perkiraan tunggu ± 20 menit",
        "Berlaku hari ini saja",
        "Harap jaga jarak",
        "08164560808",
    ):
        assert expected in joined, expected
    assert "PRIORITAS" not in joined
    assert "CETAK ULANG" not in joined
    assert "di luar" not in joined
    assert result.qr is not None and result.qr.payload == make_ticket().qr
    assert_fits(result)


def test_number_is_the_largest_text() -> None:
    result = layout()
    number = next(b for b in result.blocks if isinstance(b, Text) and b.text == "A-001")
    assert number.size == max(b.size for b in result.blocks if isinstance(b, Text))
    assert number.size == 6 and number.bold


def test_number_size_fits_long_codes() -> None:
    assert number_size("A-001", 32) == 6
    assert number_size("AB-1234", 32) == 4
    assert number_size("AB-1234", 48) == 6


def test_outside_priority_group_reprint() -> None:
    ticket = make_ticket(state=TicketState.OUTSIDE, priority=True, group=3)
    result = layout(ticket, reprint=True)
    texts = result.texts()
    joined = " ".join(t.strip() for t in texts)
    assert "Harap tunggu di luar sampai dipanggil masuk" in joined
    assert "Untuk 3 orang" in joined
    banner = next(b for b in result.blocks if isinstance(b, Text))
    assert banner.text.strip() == "CETAK ULANG" and banner.invert
    priority = next(b for b in result.blocks if isinstance(b, Text) and "PRIORITAS" in b.text)
    assert priority.invert and priority.size == 2
    assert_fits(result)


@pytest.mark.parametrize(("paper_mm", "width_dots"), WIDTHS)
def test_a_ticket_for_a_document_names_its_kind_and_number_and_no_nik(
    paper_mm: int, width_dots: int | None
) -> None:
    ticket = make_ticket(document=DocumentRef("KK-2026-0001", "KK", "ready"))
    result = layout(ticket, paper_mm=paper_mm, width_dots=width_dots)
    joined = " ".join(t.strip() for t in result.texts())
    assert "Dokumen: KK KK-2026-0001" in joined
    assert "NIK" not in joined
    assert_fits(result)
    assert "Document: KK KK-2026-0001" in " ".join(layout(ticket, language="en").texts())
    assert not any("Dokumen" in t for t in layout().texts())  # none without a document


def test_english() -> None:
    ticket = make_ticket(state=TicketState.OUTSIDE, priority=True, ahead_persons=6)
    joined = " ".join(t.strip() for t in layout(ticket, language="en", reprint=True).texts())
    for expected in (
        "REPRINT",
        "Queue Number",
        "PRIORITY",
        "Valid today only",
        "Please wait outside until your number is called in",
        "Ahead of you: 4 numbers (6 persons)",
        "Estimated wait ± 20 min",
    ):
        assert expected in joined, expected


def test_a_ticket_that_must_wait_outside_never_says_served_soon() -> None:
    first = make_ticket(state=TicketState.OUTSIDE, ahead=0, estimated_minutes=0)
    joined = " ".join(t.strip() for t in layout(first).texts())
    assert "Anda yang berikutnya masuk" in joined
    assert "Segera dilayani" not in joined and "di depan Anda:" not in joined
    later = make_ticket(state=TicketState.OUTSIDE, ahead=2, ahead_persons=5, estimated_minutes=0)
    joined = " ".join(t.strip() for t in layout(later).texts())
    assert "Di depan Anda: 2 nomor (5 orang)" in joined
    assert "Segera dilayani" not in joined


def test_no_estimate_says_soon() -> None:
    joined = " ".join(layout(make_ticket(ahead=0, estimated_minutes=0)).texts())
    assert "Segera dilayani" in joined and "±" not in joined


def test_long_office_name_wraps_on_58mm() -> None:
    office = "Dinas Kependudukan dan Pencatatan Sipil Kota Balikpapan"
    result = layout(office=office)
    lines = [t for t in result.texts() if t in office]
    assert len(lines) == 2 and " ".join(lines) == office
    assert_fits(result)


def test_date_splits_when_too_long_for_58mm() -> None:
    texts = layout(make_ticket(issued_at=make_ticket().issued_at.replace(month=9, day=30))).texts()
    assert "Rabu, 30 September 2026" in texts and "14:05 WITA" in texts
    wide = layout(paper_mm=80).texts()
    assert "Sabtu, 28 November 2026 14:05 WITA" in wide


def test_wrap_is_balanced() -> None:
    text = "Harap tunggu di luar sampai nomor Anda dipanggil masuk"
    assert wrap(text, 48) == ["Harap tunggu di luar sampai", "nomor Anda dipanggil masuk"]
    assert wrap("Info layanan: WhatsApp 08164560808", 32) == [
        "Info layanan:",
        "WhatsApp 08164560808",
    ]
    assert wrap("x" * 70, 32) == ["x" * 32, "x" * 32, "x" * 6]
    assert wrap("", 32) == [""]


@pytest.mark.parametrize(("paper_mm", "width_dots"), WIDTHS)
def test_qr_module_and_quiet_zone(paper_mm: int, width_dots: int | None) -> None:
    qr = layout(paper_mm=paper_mm, width_dots=width_dots).qr
    assert qr is not None
    assert qr.module >= 4 and qr.quiet == 4
    assert qr.version == qr_version(qr.payload) == 2


def test_qr_version_for_long_payloads() -> None:
    assert qr_version("A" * 61) == 3
    assert qr_version("a" * 27) == 3  # byte mode
    assert qr_version("A" * 400) > 10


@settings(max_examples=60, deadline=None)
@given(
    office=st.text(min_size=1, max_size=90),
    service=st.text(min_size=1, max_size=60),
    footer=st.lists(st.text(max_size=80), max_size=3),
    code=st.sampled_from(["A-001", "AB-1234", "Z-9999"]),
    paper=st.sampled_from(WIDTHS),
)
def test_every_line_fits_whatever_the_config(
    office: str, service: str, footer: list[str], code: str, paper: tuple[int, int | None]
) -> None:
    result = layout(
        make_ticket(code=code, state=TicketState.OUTSIDE, priority=True, group=4),
        paper_mm=paper[0],
        width_dots=paper[1],
        office=office,
        service=service,
        footer=footer,
        reprint=True,
    )
    assert_fits(result)


# --- a QR that links to the phone page ([web] public_url) ---------------------------------------

LINKS = [
    "http://192.168.1.10:8080",  # the desk PC on the office Wi-Fi: 62 characters in all
    "http://192.168.100.200:8080",
    "https://antrian.disdukcapil.balikpapankota.go.id",  # 86
    "https://antrian.disdukcapil.balikpapankota.go.id/kantor-kecamatan-balikpapan-utara",  # 121
]
LIVE = {
    "id": "Pindai kode QR untuk melihat posisi antrean Anda secara langsung",
    "en": "Scan the QR code to follow your place in line live",
}


def linked(url: str = LINKS[0], **changes: object) -> Ticket:
    ticket = make_ticket(**changes)
    return make_ticket(**changes, qr=ticket_link(url, ticket.qr))


@pytest.mark.parametrize(("paper_mm", "width_dots"), WIDTHS)
@pytest.mark.parametrize("language", ["id", "en"])
def test_a_link_says_what_scanning_it_shows(
    paper_mm: int, width_dots: int | None, language: Language
) -> None:
    result = layout(linked(), paper_mm=paper_mm, width_dots=width_dots, language=language)
    blocks = list(result.blocks)
    qr = next(i for i, b in enumerate(blocks) if isinstance(b, QrBlock))
    live = {
        i: b.text for i, b in enumerate(blocks) if isinstance(b, Text) and b.text in LIVE[language]
    }
    assert live and min(live) == qr + 1  # right under the code
    assert list(live) == list(range(qr + 1, qr + 1 + len(live)))
    assert " ".join(live.values()) == LIVE[language]
    assert len(live) <= (3 if result.columns < 40 else 2)
    assert_fits(result)
    bare = layout(paper_mm=paper_mm, width_dots=width_dots, language=language)
    assert not any(t in LIVE[language] for t in bare.texts())
    assert len(bare.blocks) == len(result.blocks) - len(live) - 1  # the lines and a gap


@pytest.mark.parametrize(("paper_mm", "width_dots"), WIDTHS)
@pytest.mark.parametrize("url", LINKS)
def test_a_link_qr_keeps_modules_a_cheap_head_prints(
    paper_mm: int, width_dots: int | None, url: str
) -> None:
    ticket = linked(url, code="AB-1234")
    qr = layout(ticket, paper_mm=paper_mm, width_dots=width_dots).qr
    assert qr is not None and qr.payload == ticket.qr
    assert not ticket.qr.isupper()  # byte mode: lower-case "http://" stays a link
    assert qr.version == qr_version(ticket.qr) <= 9
    assert qr.module >= 4
    assert qr.width_dots <= (384 if paper_mm == 58 else width_dots or 576)


def test_a_link_qr_version_for_the_usual_address() -> None:
    assert qr_version(linked().qr) == 4  # 62 bytes: level M version 4 holds exactly 62
    assert qr_version(linked(code="AB-1234").qr) == 5
