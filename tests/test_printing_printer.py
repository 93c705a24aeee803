"""The TicketPrinter facade: build, print, preview, copies, printing off, test ticket."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from fakeprinter import FakePrinter, decode, make_ticket
from PIL import Image

from counter_app.core.config import PrinterSettings, parse_config
from counter_app.core.model import PrintStatus
from counter_app.printing import TicketPrinter
from counter_app.printing.escpos_out import ProfileError


def preview_printer(tmp_path: Path, **extra: object) -> TicketPrinter:
    settings = PrinterSettings.model_validate({"folder": str(tmp_path / "previews"), **extra})
    return TicketPrinter(settings, "Disdukcapil Kota Balikpapan", "id", "Asia/Makassar")


def test_build_is_complete(tmp_path: Path) -> None:
    printer = preview_printer(tmp_path, paper_mm=58)
    ticket = make_ticket(id=42)
    job = printer.build(ticket, "KTP-el")  # its speed: bench/bench_print.py
    assert (job.ticket_id, job.code, job.copies, job.reprint) == (42, "A-001", 1, False)
    assert job.qr_native and job.cut
    assert decode(job.data).qr_payloads == [ticket.qr]
    assert job.layout.dots == 384


def test_preview_writes_png_and_bytes(tmp_path: Path) -> None:
    printer = preview_printer(tmp_path)
    job = printer.build(make_ticket(), "KTP-el", reprint=True)
    outcome = printer.print(job)
    assert outcome.status is PrintStatus.PRINTED and outcome.attempts == 1
    assert job.png_path is not None and job.bin_path is not None
    assert job.png_path.parent == tmp_path / "previews"
    assert job.png_path.name.startswith("A-001-") and job.png_path.name.endswith("-reprint.png")
    assert job.bin_path.read_bytes() == job.data
    assert outcome.note == str(job.png_path)
    with Image.open(job.png_path) as png:
        assert png.width == 576
        assert [r.text for r in zxingcpp.read_barcodes(png.convert("L"))] == [make_ticket().qr]


def test_preview_is_the_default_and_needs_no_hardware(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTER_APP_DATA_DIR", str(tmp_path))
    printer = TicketPrinter(PrinterSettings(), "X")
    assert printer.settings.kind == "preview"
    assert printer.check().code == "preview"
    job = printer.build(make_ticket(), "KTP-el")
    assert printer.print(job).ok
    assert job.png_path is not None and job.png_path.parent == tmp_path / "previews"


def test_two_copies(tmp_path: Path) -> None:
    with FakePrinter() as fake:
        settings = PrinterSettings(kind="network", host=fake.host, port=fake.port, copies=2)
        printer = TicketPrinter(settings, "X")
        job = printer.build(make_ticket(), "KTP-el")
        assert printer.print(job).ok
        decoded = decode(fake.jobs[0])
    assert decoded.cuts == 2 and decoded.qr_payloads == [make_ticket().qr] * 2


def test_printing_off() -> None:
    printer = TicketPrinter(PrinterSettings(kind="none"), "X", "en")
    outcome = printer.print(printer.build(make_ticket(), "KTP-el"))
    assert outcome.status is PrintStatus.OFF and outcome.ok
    assert printer.check().reason == "Printing is off"
    spooler = printer.spooler()
    try:
        assert spooler.submit(printer.build(make_ticket(), "KTP-el")).result(2).status is (
            PrintStatus.OFF
        )
    finally:
        spooler.stop()


def test_test_ticket(tmp_path: Path) -> None:
    printer = preview_printer(tmp_path, paper_mm=58)
    job = printer.test_job()
    assert job.ticket_id is None
    lines = [line.strip() for line in decode(job.data).lines]
    assert lines[0] == "TES PRINTER" and "Contoh layanan" in lines
    outcome = printer.test_ticket()
    assert outcome.ok and list((tmp_path / "previews").glob("A-001-*.png"))


def test_no_cutter_profile_reported(tmp_path: Path) -> None:
    printer = preview_printer(tmp_path, profile="POS-5890", paper_mm=58)
    assert not printer.has_cutter and not printer.qr_native
    job = printer.build(make_ticket(), "KTP-el")
    assert not job.cut and not job.qr_native and len(job.data) <= 16 * 1024


def test_unknown_profile_fails_at_start_up() -> None:
    with pytest.raises(ProfileError):
        TicketPrinter(PrinterSettings(profile="TM-T20-typo"), "X")


def test_from_config() -> None:
    config = parse_config(
        {
            "office": {
                "name": "Disdukcapil Kota Jayapura",
                "timezone": "Asia/Jayapura",
                "language": "en",
            },
            "tickets": {"secret": "s" * 20},
            "services": [{"prefix": "A", "name": "KTP-el", "daily_quota": 100}],
            "printer": {"kind": "none", "paper_mm": 58},
        }
    )
    printer = TicketPrinter.from_config(config)
    assert printer.language == "en" and printer.settings.paper_mm == 58
    text = decode(printer.build(make_ticket(), "KTP-el").data).text
    assert "15:05 WIT" in text and "Disdukcapil Kota Jayapura" in text


def test_attempt_timeout_is_a_few_seconds() -> None:
    printer = TicketPrinter(PrinterSettings(kind="network", host="10.0.0.9"), "X")
    assert printer.attempt_timeout <= 15  # default 3 s timeout; never python-escpos's 60 s
