"""Ticket printing benchmark: job build time, bytes a ticket, print latency on loopback.

    .venv/bin/python bench/bench_print.py [--runs 200]

Prints a Markdown table of medians and 95th percentiles. Targets (issue "thermal
tickets"): build <= 2 ms with native QR; print-to-last-byte p95 <= 50 ms; a native-QR
ticket <= 512 bytes; an image-QR ticket on 58 mm <= 16 KB.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # counter_app, and the fake printer

from fakeprinter import FakePrinter, make_ticket  # noqa: E402

from counter_app.core.config import PrinterSettings  # noqa: E402
from counter_app.core.model import TicketState  # noqa: E402
from counter_app.printing import TicketPrinter  # noqa: E402

OFFICE = "Disdukcapil Kota Balikpapan"
SERVICE = "Perekaman KTP-el"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm-up: fonts, profile classes, code pages
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return samples


def printer(paper_mm: int, qr: str, **extra: object) -> TicketPrinter:
    settings = PrinterSettings.model_validate(
        {"kind": "network", "host": "127.0.0.1", "paper_mm": paper_mm, "qr": qr, **extra}
    )
    return TicketPrinter(settings, OFFICE, "id", "Asia/Makassar")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    runs = args.runs
    ticket = make_ticket()
    busy = make_ticket(code="B-123", state=TicketState.OUTSIDE, priority=True, group=3)
    rows: list[tuple[str, str, str, str]] = []

    for mm in (58, 80):
        for qr in ("native", "image"):
            p = printer(mm, qr)

            def build(p: TicketPrinter = p) -> object:
                return p.build(ticket, SERVICE)

            samples = timed(build, runs if qr == "native" else runs // 4)
            rows.append(
                (
                    f"build job, {mm} mm, {qr} QR",
                    f"{statistics.median(samples):.3f} ms",
                    f"{percentile(samples, 0.95):.3f} ms",
                    "",
                )
            )
    for mm in (58, 80):
        for qr in ("native", "image"):
            p = printer(mm, qr)
            plain = len(p.build(ticket, SERVICE).data)
            full = len(p.build(busy, SERVICE, reprint=True).data)
            rows.append(
                (
                    f"bytes a ticket, {mm} mm, {qr} QR",
                    f"{plain} B",
                    "",
                    f"{full} B outside+priority+reprint",
                )
            )

    with FakePrinter() as fake:
        for mm, qr in ((58, "native"), (58, "image"), (80, "native")):
            p = printer(mm, qr, port=fake.port, timeout=2.0)
            job = p.build(ticket, SERVICE)
            to_last_byte: list[float] = []
            whole_call: list[float] = []
            p.print(job)  # warm-up
            for _ in range(runs // 2):
                fake.clear()
                t0 = time.perf_counter()
                outcome = p.print(job)
                t1 = time.perf_counter()
                assert outcome.ok, outcome.error
                fake.wait_for(lambda: bool(fake.sessions))
                to_last_byte.append((fake.sessions[0].last_byte_at - t0) * 1000)
                whole_call.append((t1 - t0) * 1000)
            rows.append(
                (
                    f"print to last byte, {mm} mm, {qr} QR",
                    f"{statistics.median(to_last_byte):.2f} ms",
                    f"{percentile(to_last_byte, 0.95):.2f} ms",
                    "loopback fake printer",
                )
            )
            rows.append(
                (
                    f"whole print call, {mm} mm, {qr} QR",
                    f"{statistics.median(whole_call):.2f} ms",
                    f"{percentile(whole_call, 0.95):.2f} ms",
                    "status, job, status",
                )
            )

        p = printer(58, "native", port=fake.port, timeout=2.0)
        spooler = p.spooler()
        job = p.build(ticket, SERVICE)
        spooled: list[float] = []
        for _ in range(runs // 2):
            t0 = time.perf_counter()
            spooler.submit(job).result(5)
            spooled.append((time.perf_counter() - t0) * 1000)
        spooler.stop()
        rows.append(
            (
                "spooler submit to outcome, 58 mm",
                f"{statistics.median(spooled):.2f} ms",
                f"{percentile(spooled, 0.95):.2f} ms",
                "worker + watchdog thread",
            )
        )

    print(f"runs: {runs} (image-QR builds: {runs // 4}, prints: {runs // 2})\n")
    print("| measure | median | p95 | note |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
