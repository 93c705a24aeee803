"""Issue-and-print end to end: a real queue, the fake network printer on loopback.

A printer that cannot print refuses the issue before a number is used; a print that
fails after the commit leaves the ticket issued, marked failed with a readable reason,
listed for reprint; the reprint says so on the paper.
"""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import FakeClock, make_config, write_config
from fakeprinter import FakePrinter, decode

from counter_app.cli import main
from counter_app.core.model import PrintStatus, Reason, Refused, Ticket
from counter_app.core.queue import Queue
from counter_app.core.tokens import check_payload
from counter_app.station import Desk

QUICK = 4.0


def network(port: int) -> dict[str, object]:
    return {"kind": "network", "host": "127.0.0.1", "port": port, "timeout": 0.3, "retries": 1}


def desk_for(queue: Queue, port: int, **kw: object) -> Desk:
    cfg = make_config(printer=network(port))
    queue.config = cfg
    return Desk.from_config(queue, cfg, **kw)  # type: ignore[arg-type]


@pytest.fixture
def printer() -> FakePrinter:
    fake = FakePrinter().start()
    yield fake
    fake.stop()


def test_issue_prints_the_ticket_with_its_signed_qr(queue: Queue, printer: FakePrinter) -> None:
    desk = desk_for(queue, printer.port, background=False)
    ticket = desk.issue("A", group=2, priority=True)
    assert ticket.print_status == PrintStatus.PRINTED and ticket.print_attempts == 1
    printed = decode(printer.jobs[-1])
    assert "A-001" in printed.text and "Pengambilan Dokumen" in printed.text
    assert printed.qr_payloads == [ticket.qr]
    assert check_payload(queue.config.tickets.secret, printed.qr_payloads[0], ticket.day).ok
    assert printed.cuts  # the default profile has a cutter
    second = desk.issue("A")  # what the desk and `counter-app issue` tell the visitor
    assert (second.ahead, second.print_status) == (1, PrintStatus.PRINTED)
    assert second.estimated_minutes > 0


@pytest.mark.parametrize("mode", ["paper_out", "cover_open", "offline", "silent"])
def test_a_printer_that_cannot_print_refuses_the_issue(queue: Queue, mode: str) -> None:
    with FakePrinter(mode).start() as fake:
        desk = desk_for(queue, fake.port, background=False)
        t0 = time.monotonic()
        with pytest.raises(Refused) as exc:
            desk.issue("A")
        assert time.monotonic() - t0 < QUICK
    assert exc.value.reason == Reason.PRINTER and exc.value.message
    assert queue.recent_tickets() == []  # no number used
    assert queue.status().services[0].issued == 0


def test_unreachable_printer_refuses_the_issue(queue: Queue) -> None:
    from fakeprinter import free_port

    desk = desk_for(queue, free_port(), background=False)
    with pytest.raises(Refused) as exc:
        desk.issue("A")
    assert exc.value.reason == Reason.PRINTER
    assert queue.recent_tickets() == []


def test_a_print_that_fails_after_the_commit_keeps_the_ticket(queue: Queue) -> None:
    with FakePrinter("drop", drop_after=40).start() as fake:
        desk = desk_for(queue, fake.port, background=False)
        t0 = time.monotonic()
        ticket = desk.issue("A")
        assert time.monotonic() - t0 < QUICK
    assert ticket.code == "A-001" and ticket.state == "waiting"
    assert ticket.print_status == PrintStatus.FAILED
    assert ticket.print_error and "terputus" in ticket.print_error  # Indonesian by default
    assert [t.code for t in queue.failed_prints()] == ["A-001"]
    # the printer is back: reprint, marked as such on the paper, and the list is clear
    with FakePrinter().start() as fake:
        desk = desk_for(queue, fake.port, background=False)
        again = desk.reprint("A-001")
        assert again.print_status == PrintStatus.PRINTED
        text = decode(fake.jobs[-1]).text
        assert "CETAK ULANG" in text and "A-001" in text
    assert queue.failed_prints() == []
    kinds = [e[1] for e in queue.events()]
    assert kinds == ["issued", "print_failed", "reprinted"]


def test_background_printing_reports_back_and_never_blocks(queue: Queue) -> None:
    done = threading.Event()
    seen: list[Ticket] = []

    def on_print(ticket: Ticket, _outcome: object) -> None:
        seen.append(ticket)
        done.set()

    with FakePrinter().start() as fake:
        desk = desk_for(queue, fake.port, background=True, on_print=on_print)
        ticket = desk.issue("B")
        assert ticket.print_status == PrintStatus.PENDING  # returned before printing
        assert done.wait(QUICK)
        desk.close()
    assert seen[0].code == "B-001" and seen[0].print_status == PrintStatus.PRINTED


def test_cancelling_a_failed_print_clears_it(queue: Queue) -> None:
    with FakePrinter("drop", drop_after=40).start() as fake:
        desk_for(queue, fake.port, background=False).issue("A")
    queue.cancel("A-001")
    assert queue.failed_prints() == []
    with pytest.raises(Refused):
        queue.prepare_reprint("A-001")


def test_cli_issue_prints_and_reports(
    tmp_path: Path, sqlite_url: str, printer: FakePrinter, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = write_config(tmp_path / "office.toml", sqlite_url, printer=network(printer.port))
    assert main(["--config", str(cfg), "issue", "A", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["print_status"] == "printed"
    assert main(["--config", str(cfg), "issue", "A", "--no-print", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["print_status"] == "off"
    assert main(["--config", str(cfg), "printer-status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert main(["--config", str(cfg), "reprint", "A-001", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["print_status"] == "printed"
    assert main(["--config", str(cfg), "print-test"]) == 0
    printer.mode = "paper_out"
    assert main(["--config", str(cfg), "issue", "A"]) == 3
    assert "habis" in capsys.readouterr().err  # Indonesian: "Kertas habis"
    assert main(["--config", str(cfg), "printer-status"]) == 3


def test_preview_printer_writes_png_and_bytes(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "previews"
    cfg = write_config(
        tmp_path / "office.toml", sqlite_url, printer={"kind": "preview", "folder": str(folder)}
    )
    assert main(["--config", str(cfg), "issue", "B", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["print_status"] == "printed"
    names = sorted(p.suffix for p in folder.iterdir())
    assert names == [".bin", ".png"]


def test_preview_files_are_named_by_the_office_day_near_midnight(
    queue: Queue, clock: FakeClock, tmp_path: Path
) -> None:
    clock.moment = datetime(2026, 12, 3, 16, 0, 30, tzinfo=UTC)  # 00:00:30 on 4 Dec in WITA
    cfg = make_config(printer={"kind": "preview", "folder": str(tmp_path / "previews")})
    queue.config = cfg
    desk = Desk.from_config(queue, cfg, background=False)
    ticket = desk.issue("A")
    assert ticket.day == date(2026, 12, 4)
    names = sorted(p.name for p in (tmp_path / "previews").iterdir())
    assert [n[: len("A-001-20261204-000030")] for n in names] == ["A-001-20261204-000030"] * 2
