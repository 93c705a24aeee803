"""Printer faults end to end: the fake printer misbehaves, the desk stays quick.

For each fault: the print call comes back within a few seconds, the outcome is
FAILED with a reason a person can read, and a reprint works once the printer is back.
"""

from __future__ import annotations

import time

import pytest
from fakeprinter import FakePrinter, decode, free_port, make_ticket

from counter_app.core.config import PrinterSettings
from counter_app.core.model import PrintStatus, TicketState
from counter_app.printing import TicketPrinter
from counter_app.printing.job import PrintJob

QUICK = 3.0  # s: "a printer that never answers costs a few seconds at most"

FAULTS = [
    # mode, language, words the reason must contain, attempts
    ("silent", "en", "did not answer within 0.3 s", 2),
    ("drop", "en", "connection to the printer dropped", 2),
    ("paper_out", "id", "Kertas habis", 1),
    ("offline", "en", "offline", 2),
    ("cover_open", "en", "cover is open", 1),
    ("all_ones", "id", "Jawaban printer tidak dikenali", 1),
    ("noise", "en", "Unrecognised answer from the printer", 1),
]


def ticket_printer(port: int, lang: str = "en", **extra: object) -> TicketPrinter:
    settings = PrinterSettings.model_validate(
        {
            "kind": "network",
            "host": "127.0.0.1",
            "port": port,
            "timeout": 0.3,
            "retries": 1,
            **extra,
        }
    )
    return TicketPrinter(settings, "Disdukcapil Kota Balikpapan", lang, backoff=(0.05,))  # type: ignore[arg-type]


class Results:
    def __init__(self) -> None:
        self.calls: list[tuple[int | None, PrintStatus, str | None, int]] = []

    def __call__(self, job: PrintJob, status: PrintStatus, error: str | None, n: int) -> None:
        self.calls.append((job.ticket_id, status, error, n))


@pytest.fixture
def results() -> Results:
    return Results()


@pytest.mark.parametrize(("mode", "lang", "words", "attempts"), FAULTS)
def test_fault_fails_quickly_then_reprint_works(
    mode: str, lang: str, words: str, attempts: int, results: Results
) -> None:
    with FakePrinter(mode, drop_after=100) as fake:
        printer = ticket_printer(fake.port, lang)
        spooler = printer.spooler(on_result=results)
        try:
            ticket = make_ticket(id=7, code="A-007")
            future = spooler.submit(printer.build(ticket, "Perekaman KTP-el"))
            outcome = future.result(QUICK)  # bounded by the timeouts and retries
            assert outcome.status is PrintStatus.FAILED
            assert words in (outcome.error or ""), outcome.error
            assert outcome.attempts == attempts
            assert results.calls == [(7, PrintStatus.FAILED, outcome.error, attempts)]

            fake.mode = "normal"  # paper loaded, cover closed, printer restarted
            fake.clear()
            again = spooler.submit(printer.build(ticket, "Perekaman KTP-el", reprint=True))
            assert again.result(QUICK).status is PrintStatus.PRINTED
            assert results.calls[-1] == (7, PrintStatus.PRINTED, None, 1)
            assert fake.wait_for(lambda: len(fake.jobs) == 1)
            decoded = decode(fake.jobs[0])
            banner = "CETAK ULANG" if lang == "id" else "REPRINT"
            assert decoded.lines[0].strip() == banner
            assert decoded.qr_payloads == [ticket.qr]
            assert decoded.cuts == 1
        finally:
            spooler.stop()


def test_unreachable_then_back(results: Results) -> None:
    port = free_port()
    printer = ticket_printer(port, "id")
    started = time.monotonic()
    outcome = printer.print(printer.build(make_ticket(), "KTP-el"))
    assert time.monotonic() - started < QUICK
    assert outcome.status is PrintStatus.FAILED and outcome.attempts == 2
    assert "tidak dapat dihubungi" in (outcome.error or "")
    assert "koneksi ditolak" in (outcome.error or "")
    with FakePrinter(port=port) as fake:
        outcome = printer.print(printer.build(make_ticket(), "KTP-el", reprint=True))
        assert outcome.status is PrintStatus.PRINTED
        assert "CETAK ULANG" in decode(fake.jobs[0]).text


@pytest.mark.parametrize(
    ("mode", "code"),
    [
        ("silent", "no_answer"),
        ("paper_out", "paper_out"),
        ("offline", "offline"),
        ("cover_open", "cover_open"),
        ("all_ones", "unrecognised"),
        ("noise", "unrecognised"),
    ],
)
def test_check_refuses_the_issue(mode: str, code: str) -> None:
    with FakePrinter(mode) as fake:
        state = ticket_printer(fake.port).check()
    assert not state.ok and state.level == "error" and state.code == code and state.reason


def test_check_unreachable_and_off() -> None:
    state = ticket_printer(free_port()).check()
    assert not state.ok and state.code == "unreachable"
    off = TicketPrinter(PrinterSettings(kind="none"), "X")
    assert off.check().ok and not off.enabled


def test_paper_near_end_prints_with_a_warning() -> None:
    with FakePrinter("near_end") as fake:
        printer = ticket_printer(fake.port)
        assert printer.check().level == "warning"
        outcome = printer.print(printer.build(make_ticket(), "KTP-el"))
        assert outcome.status is PrintStatus.PRINTED
        assert outcome.note == "Paper is running low"


def test_paper_runs_out_during_the_job() -> None:
    # the status before the job is fine; the one after it says paper out
    with FakePrinter(switch_after=(100, "paper_out")) as fake:
        printer = ticket_printer(fake.port)
        outcome = printer.print(printer.build(make_ticket(), "KTP-el"))
        assert fake.sessions[0].queries == [1, 4, 1, 2, 4]
    assert outcome.status is PrintStatus.FAILED
    assert outcome.error == "Out of paper: load a new roll" and outcome.attempts == 1


def test_issue_outside_ticket_failure_keeps_the_job(results: Results) -> None:
    # a committed ticket whose print failed stays a job the desk can reprint
    with FakePrinter("paper_out") as fake:
        printer = ticket_printer(fake.port)
        job = printer.build(make_ticket(state=TicketState.OUTSIDE), "KTP-el")
        outcome = printer.print(job)
        assert outcome.status is PrintStatus.FAILED and outcome.job is job
        fake.mode = "normal"
        assert printer.print(job).status is PrintStatus.PRINTED


def test_check_while_printing_waits_its_turn() -> None:
    # a printer serving one connection at a time would leave a concurrent status check
    # unanswered in its backlog; checks and jobs take turns instead
    with FakePrinter(single=True, answer_delay=0.08) as fake:
        printer = ticket_printer(fake.port)
        spooler = printer.spooler()
        try:
            future = spooler.submit(printer.build(make_ticket(), "KTP-el"))
            assert fake.wait_for(lambda: bool(fake.sessions))
            state = printer.check()
            assert state.ok, state
            assert future.result(QUICK).status is PrintStatus.PRINTED
        finally:
            spooler.stop()
