"""The spooler: order, retries with backoff, watchdog, callbacks, stop."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

import pytest
from fakeprinter import make_ticket

from counter_app.core.config import PrinterSettings
from counter_app.core.model import PrintStatus
from counter_app.printing.job import Delivery, PrintError, PrintJob
from counter_app.printing.layout import build_layout
from counter_app.printing.spooler import Spooler, call_with_deadline

Result = tuple[str, PrintStatus, str | None, int]
MakeSpooler = Callable[..., Spooler]


def job(code: str = "A-001") -> PrintJob:
    ticket = make_ticket(code=code)
    layout = build_layout(
        ticket,
        office_name="X",
        service_name="Y",
        settings=PrinterSettings(),
        language="id",
        tz=ZoneInfo("Asia/Makassar"),
    )
    return PrintJob(
        ticket_id=ticket.number, code=code, data=b"ticket " + code.encode(), layout=layout
    )


class Recorder:
    def __init__(self) -> None:
        self.results: list[Result] = []
        self.threads: set[str] = set()

    def __call__(self, job: PrintJob, status: PrintStatus, error: str | None, n: int) -> None:
        self.results.append((job.code, status, error, n))
        self.threads.add(threading.current_thread().name)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def make_spooler(recorder: Recorder) -> Iterator[MakeSpooler]:
    made: list[Spooler] = []

    def make(send: Callable[[PrintJob], Delivery], **options: object) -> Spooler:
        options.setdefault("backoff", (0.01, 0.02))
        spooler = Spooler(send, on_result=recorder, **options)  # type: ignore[arg-type]
        made.append(spooler)
        return spooler

    yield make
    for spooler in made:
        spooler.stop()


def printed(job: PrintJob) -> Delivery:
    return Delivery(PrintStatus.PRINTED)


def test_jobs_print_in_order_off_the_callers_thread(
    make_spooler: MakeSpooler, recorder: Recorder
) -> None:
    order: list[str] = []

    printer_free = threading.Event()

    def send(job: PrintJob) -> Delivery:
        printer_free.wait(30)
        order.append(job.code)
        return Delivery(PrintStatus.PRINTED)

    spooler = make_spooler(send)
    codes = [f"A-{n:03d}" for n in range(1, 8)]
    futures = [spooler.submit(job(code)) for code in codes]
    # submit never waits for the printer: all seven are in while it is still busy
    assert not any(f.done() for f in futures) and order == []
    printer_free.set()
    outcomes = [f.result(30) for f in futures]
    assert order == codes
    assert [o.status for o in outcomes] == [PrintStatus.PRINTED] * 7
    assert [r[0] for r in recorder.results] == codes
    assert recorder.threads == {"ticket-spooler"}
    assert spooler.pending == 0


def test_retries_with_backoff_then_printed(make_spooler: MakeSpooler, recorder: Recorder) -> None:
    calls: list[float] = []

    def flaky(job: PrintJob) -> Delivery:
        calls.append(time.monotonic())
        if len(calls) < 3:
            raise PrintError("unreachable", "Cannot reach the printer")
        return Delivery(PrintStatus.PRINTED, "Paper is running low")

    spooler = make_spooler(flaky, retries=2, backoff=(0.05, 0.1))
    outcome = spooler.submit(job()).result(5)
    assert outcome.status is PrintStatus.PRINTED and outcome.attempts == 3
    assert outcome.note == "Paper is running low"
    assert calls[1] - calls[0] >= 0.05 and calls[2] - calls[1] >= 0.1
    assert recorder.results == [("A-001", PrintStatus.PRINTED, None, 3)]


def test_retries_exhausted(make_spooler: MakeSpooler, recorder: Recorder) -> None:
    def dead(job: PrintJob) -> Delivery:
        raise PrintError("unreachable", "Cannot reach the printer")

    outcome = make_spooler(dead, retries=2).submit(job()).result(5)
    assert (outcome.status, outcome.error, outcome.attempts, outcome.code) == (
        PrintStatus.FAILED,
        "Cannot reach the printer",
        3,
        "unreachable",
    )
    assert recorder.results == [("A-001", PrintStatus.FAILED, "Cannot reach the printer", 3)]


def test_no_retry_when_waiting_cannot_help(make_spooler: MakeSpooler) -> None:
    def paper_out(job: PrintJob) -> Delivery:
        raise PrintError("paper_out", "Out of paper", retryable=False)

    outcome = make_spooler(paper_out, retries=5).submit(job()).result(5)
    assert outcome.attempts == 1 and outcome.error == "Out of paper"


def test_watchdog_bounds_a_hung_driver(make_spooler: MakeSpooler, recorder: Recorder) -> None:
    release = threading.Event()

    def hangs(job: PrintJob) -> Delivery:
        release.wait(10)  # like a write() to /dev/usb/lp0 on a hung printer
        return Delivery(PrintStatus.PRINTED)

    spooler = make_spooler(hangs, retries=1, attempt_timeout=0.2, lang="en")
    outcome = spooler.submit(job()).result(30)
    hung_still = not release.is_set()
    release.set()
    assert hung_still  # the answer came from the watchdog, not from the driver
    assert outcome.status is PrintStatus.FAILED and outcome.attempts == 2
    assert outcome.error == "The printer did not respond within 0.2 s"


def test_unexpected_exception_fails_the_job_not_the_worker(make_spooler: MakeSpooler) -> None:
    def buggy(job: PrintJob) -> Delivery:
        if job.code == "A-001":
            raise KeyError("boom")
        return Delivery(PrintStatus.PRINTED)

    spooler = make_spooler(buggy, lang="en", retries=3)
    first, second = spooler.submit(job("A-001")), spooler.submit(job("A-002"))
    assert first.result(5).status is PrintStatus.FAILED
    assert first.result().attempts == 1 and "Unexpected error" in (first.result().error or "")
    assert second.result(5).status is PrintStatus.PRINTED


def test_failing_callback_does_not_stop_printing() -> None:
    def explode(*args: object) -> None:
        raise RuntimeError("GUI went away")

    spooler = Spooler(printed, on_result=explode)
    try:
        assert spooler.submit(job("A-001")).result(5).status is PrintStatus.PRINTED
        assert spooler.submit(job("A-002")).result(5).status is PrintStatus.PRINTED
    finally:
        spooler.stop()


def test_stop_fails_queued_jobs_and_reports_them(
    make_spooler: MakeSpooler, recorder: Recorder
) -> None:
    gate, printing = threading.Event(), threading.Event()

    def slow(job: PrintJob) -> Delivery:
        printing.set()
        gate.wait(5)
        return Delivery(PrintStatus.PRINTED)

    spooler = make_spooler(slow, lang="en")
    futures = [spooler.submit(job(f"A-00{n}")) for n in range(1, 4)]
    assert printing.wait(5)  # the first is at the printer before the spooler is stopped
    threading.Timer(0.05, gate.set).start()
    spooler.stop(timeout=5)
    statuses = [f.result(5).status for f in futures]
    assert statuses == [PrintStatus.PRINTED, PrintStatus.FAILED, PrintStatus.FAILED]
    assert futures[1].result().error == "Printing stopped before this ticket was printed"
    assert len(recorder.results) == 3  # every job reported exactly once
    with pytest.raises(RuntimeError):
        spooler.submit(job())


def test_print_now_waits_and_works_from_a_callback() -> None:
    inner: list[PrintStatus] = []
    spooler: Spooler

    def on_result(job: PrintJob, status: PrintStatus, error: str | None, n: int) -> None:
        if job.code == "A-001":  # e.g. an automatic reprint from the callback
            inner.append(spooler.print_now(make_job_b).status)

    make_job_b = job("A-002")
    spooler = Spooler(printed, on_result=on_result)
    try:
        assert spooler.print_now(job("A-001"), timeout=5).status is PrintStatus.PRINTED
        assert inner == [PrintStatus.PRINTED]
    finally:
        spooler.stop()


def test_cancelled_job_is_not_printed(make_spooler: MakeSpooler) -> None:
    gate = threading.Event()
    sent: list[str] = []

    def send(job: PrintJob) -> Delivery:
        gate.wait(5)
        sent.append(job.code)
        return Delivery(PrintStatus.PRINTED)

    spooler = make_spooler(send)
    first = spooler.submit(job("A-001"))
    second = spooler.submit(job("A-002"))
    assert second.cancel()
    gate.set()
    first.result(5)
    spooler.stop()
    assert sent == ["A-001"] and spooler.pending == 0


def test_call_with_deadline_passes_results_and_errors() -> None:
    assert call_with_deadline(lambda: 42, 1, on_timeout=TimeoutError()) == 42
    with pytest.raises(ZeroDivisionError):
        call_with_deadline(lambda: 1 // 0, 1, on_timeout=TimeoutError())
    with pytest.raises(TimeoutError):
        call_with_deadline(lambda: time.sleep(1), 0.05, on_timeout=TimeoutError())
