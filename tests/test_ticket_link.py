"""Tickets whose QR is a link to the phone page (`[web] public_url`), on SQLite and
PostgreSQL: the queue hands out the link, verifies both forms, the desk prints the link
with a line saying what it is for, and `counter-app verify` takes it from the shell."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import zxingcpp
from conftest import SECRET, write_config
from fakeprinter import decode
from PIL import Image

from counter_app.core.model import TicketState
from counter_app.core.queue import Queue, malformed_payload
from counter_app.core.tokens import make_payload, ticket_link
from counter_app.printing.printer import TicketPrinter
from counter_app.station import Desk

URL = "http://192.168.1.10:8080"
WEB = {"web": {"public_url": URL}}
LIVE = {
    "id": "Pindai kode QR untuk melihat posisi antrean Anda secara langsung",
    "en": "Scan the QR code to follow your place in line live",
}


def bare(queue: Queue, code: str) -> str:
    return make_payload(SECRET, queue.today(), code)


def test_the_qr_holds_the_link_when_the_page_has_an_address(
    make_queue: Callable[..., Queue],
) -> None:
    queue = make_queue(**WEB)
    ticket = queue.issue("A", printing=False)
    assert ticket.qr == f"{URL}/t/{bare(queue, 'A-001')}"
    assert queue.ticket("A-001").qr == ticket.qr  # every read of the ticket says the same
    assert queue.status().services[0].issued == 1
    plain = make_queue()  # the same database, a station without [web] public_url
    assert plain.ticket("A-001").qr == bare(queue, "A-001")


@pytest.mark.parametrize("station", [WEB, {}], ids=["with-public-url", "without"])
def test_both_forms_verify(make_queue: Callable[..., Queue], station: dict) -> None:
    printing = make_queue(**WEB)
    printing.issue("A", printing=False)
    queue = make_queue(**station)  # the station scanning it may have another address, or none
    payload = bare(queue, "A-001")
    for scanned in (
        payload,
        ticket_link(URL, payload),
        ticket_link("https://antrian.example.go.id/kota", payload),  # public_url moved since
        f"{URL}/t/{payload.replace(':', '%3A')}/?from=wa#x",
        f" {URL}/t/{payload}\r\n",
    ):
        v = queue.verify(scanned)
        assert (v.ok, v.problem) == (True, None), scanned
        assert v.ticket is not None and v.ticket.code == "A-001"
        assert malformed_payload(scanned, "id") is None


def test_lookalike_links_are_refused_with_the_reason(make_queue: Callable[..., Queue]) -> None:
    queue = make_queue(**WEB)
    link = queue.issue("A", printing=False).qr
    queue.issue("A", printing=False)
    cases = {
        link.replace("A-001", "A-002"): "bad_signature",  # another number, same signature
        link[:-1] + ("A" if link[-1] != "A" else "B"): "bad_signature",
        link.replace("/t/", "/x/"): "malformed",
        link + "/extra": "malformed",
        link.replace("0", "\u0660"): "malformed",  # Arabic-Indic digits
        link.replace(":", "%253A").replace("http%253A", "http:"): "malformed",
    }
    for scanned, problem in cases.items():
        v = queue.verify(scanned)
        assert (v.ok, v.problem, v.ticket) == (False, problem, None), scanned
        assert (malformed_payload(scanned, "id") is not None) == (problem == "malformed")
    message = queue.verify(link.replace("A-001", "A-002")).message
    assert message.startswith("Kode QR tidak sah") and "palsu" not in message  # not accusatory


def test_a_served_ticket_scanned_by_its_link_is_finished(make_queue: Callable[..., Queue]) -> None:
    queue = make_queue(**WEB)
    link = queue.issue("A", printing=False).qr
    queue.call_next(1)
    queue.done(1)
    v = queue.verify(link)
    assert (v.ok, v.problem) == (False, "finished")
    assert v.ticket is not None and v.ticket.state == TicketState.DONE


@pytest.mark.parametrize("paper_mm", [58, 80])
@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("public_url", [URL, None], ids=["link", "bare"])
def test_the_printed_ticket(
    make_queue: Callable[..., Queue],
    tmp_path: Path,
    paper_mm: int,
    language: str,
    public_url: str | None,
) -> None:
    """Issued and printed by a desk (preview printer) as a station does; the QR read back
    from the picture, the words from the ESC/POS bytes."""
    folder = tmp_path / "previews"
    queue = make_queue(
        office={"language": language},
        printer={"kind": "preview", "folder": str(folder), "paper_mm": paper_mm},
        web={"public_url": public_url} if public_url else {},
    )
    desk = Desk(queue, TicketPrinter.from_config(queue.config), background=False)
    ticket = desk.issue("A", group=2)
    [png] = folder.glob("A-001-*.png")
    [raw] = folder.glob("A-001-*.bin")
    with Image.open(png) as image:
        assert image.width == (384 if paper_mm == 58 else 576)
        read = [r.text for r in zxingcpp.read_barcodes(image.convert("L"))]
    assert read == [ticket.qr]
    assert queue.verify(read[0]).ok
    printed = decode(raw.read_bytes())
    assert printed.qr_payloads == [ticket.qr]
    lines = [line.strip() for line in printed.lines if line.strip()]
    live = [line for line in lines if line in LIVE[language]]
    if public_url:
        assert ticket.qr.startswith(f"{URL}/t/CQ1:")
        assert " ".join(live) == LIVE[language]
        assert all(len(line) <= (32 if paper_mm == 58 else 48) for line in live)
        # under the QR, above "valid today"
        assert lines.index(live[0]) == lines.index(live[-1]) - len(live) + 1
        assert lines[lines.index(live[-1]) + 1] in ("Berlaku hari ini saja", "Valid today only")
    else:
        assert ticket.qr == bare(queue, "A-001")
        assert live == [] and "QR" not in " ".join(lines)


# --- the command line ---------------------------------------------------------------------------


def cli(config: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counter_app", "--config", str(config), *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_counter_app_verify_takes_the_link(tmp_path: Path, db_url: str) -> None:
    cfg = write_config(tmp_path / "office.toml", db_url, **WEB)
    issued = cli(cfg, "issue", "A", "--json")
    assert issued.returncode == 0, issued.stderr
    link = json.loads(issued.stdout)["qr"]
    assert link.startswith(f"{URL}/t/CQ1:")

    proc = cli(cfg, "verify", link, "--json")
    assert proc.returncode == 0, proc.stderr
    body = json.loads(proc.stdout)
    assert body["ok"] and body["ticket"]["code"] == "A-001" and body["ticket"]["qr"] == link
    proc = cli(cfg, "verify", link.replace("CQ1:", "CQ1%3A") + "?x=1")
    assert proc.returncode == 0 and "Tiket sah: A-001" in proc.stdout

    plain = write_config(tmp_path / "plain.toml", db_url)  # another station, no public_url
    proc = cli(plain, "verify", link, "--json")
    assert (proc.returncode, json.loads(proc.stdout)["ok"]) == (0, True)

    forged = link.replace("A-001", "A-002")
    proc = cli(cfg, "verify", forged, "--json")
    assert (proc.returncode, json.loads(proc.stdout)["problem"]) == (3, "bad_signature")
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "scanned",
    [
        f"{URL}/x/CQ1:20261130:A-001:AAAAAAAAAAAAAAAA",
        f"{URL}/t/CQ1:20261130:A-%D9%A1%D9%A0%D9%A0:AAAAAAAAAAAAAAAA",  # %-encoded Arabic digits
        f"{URL}/t/",
    ],
)
def test_a_malformed_link_is_refused_before_the_database(tmp_path: Path, scanned: str) -> None:
    db = tmp_path / "never.sqlite3"
    cfg = write_config(tmp_path / "office.toml", f"sqlite:///{db.as_posix()}")
    proc = cli(cfg, "verify", scanned, "--json")
    assert (proc.returncode, json.loads(proc.stdout)["problem"]) == (3, "malformed")
    assert "Traceback" not in proc.stderr
    assert not db.exists()
