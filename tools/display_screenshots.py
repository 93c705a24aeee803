"""Screenshots of the lobby display from a throwaway database with a realistic morning.

    python -m tools.display_screenshots [--out docs/screenshots]

Writes display-1920x1080.png, display-1366x768.png, display-wait-outside-1920x1080.png
and display-offline-1366x768.png, and fails if any text on them does not fit its box.
The display is opened as ``counter-app display`` opens it (``app.application()``, with
the desk's style, and ``app.open_windows()``), on a real X11 screen where there is one:

    xvfb-run -s "-screen 0 1920x1080x24" python -m tools.display_screenshots
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from counter_app.core.clock import ManualClock
from counter_app.core.config import Config, parse_config
from counter_app.core.queue import Queue, open_queue
from counter_app.gui.display.widgets import FitLabel
from counter_app.gui.display.window import DisplayWindow
from counter_app.gui.shell import app as app_mod
from counter_app.gui.shell.context import Context
from tools import capture

#: Monday 30 November 2026, 09:00 in Balikpapan (WITA, UTC+8).
MORNING = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)


class StepClock(ManualClock):
    """The morning moves on a little with every operation."""

    def step(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


def office_config(db_url: str, *, wait_outside: bool = False) -> Config:
    data: dict[str, Any] = {
        "office": {
            "name": "Disdukcapil Kota Balikpapan",
            "timezone": "Asia/Makassar",
            "station": "screenshots",
        },
        "capacity": {"limit": 12 if wait_outside else 30, "when_full": "refuse"},
        "database": {"url": db_url},
        "tickets": {"secret": "screenshot-secret-0123456789"},
        "services": [
            {"prefix": "A", "name": "Pengambilan Dokumen", "daily_quota": 150},
            {"prefix": "B", "name": "Legalisasi", "daily_quota": 100},
            {
                "prefix": "C",
                "name": "Perekaman KTP-el",
                "daily_quota": 0,
                "suspended": "Perekaman KTP-el dihentikan sementara (blangko habis)",
            },
            {"prefix": "D", "name": "Akta Kelahiran", "daily_quota": 80},
            {"prefix": "E", "name": "Pindah Datang", "daily_quota": 60},
        ],
        "counters": [
            {"number": 1, "services": ["A", "B"]},
            {"number": 2, "services": ["A", "B"]},
            {"number": 3, "services": ["D"]},
            {"number": 4, "services": ["E", "D"]},
            {"number": 5, "services": ["A"]},
            {"number": 6, "name": "Loket 6 Prioritas", "services": ["B", "A", "D", "E"]},
        ],
        "printer": {"kind": "none"},
        "display": {
            "ticker": (
                "Selamat datang di Disdukcapil Kota Balikpapan  •  Harap jaga jarak dan "
                "perhatikan nomor antrian Anda  •  Info layanan kependudukan: "
                "WhatsApp 0816 456 0808  •  Layanan gratis, tidak dipungut biaya"
            ),
            "recent_calls": 6,
        },
    }
    if wait_outside:
        data["capacity"]["when_full"] = "wait_outside"
    return parse_config(data, "screenshots.toml")


def busy_morning(queue: Queue, clock: StepClock) -> None:
    """About forty minutes of a weekday morning."""
    for prefix in "AABADAEBAADABEAAB" + "ADABAAEDA":
        queue.issue(prefix, printing=False)
        clock.step(47)
    for counter in (1, 2, 3, 4, 5, 6, 1, 2, 5, 3, 1, 6, 2, 4, 5, 1):
        queue.call_next(counter)
        clock.step(83)
    queue.recall(2)
    clock.step(20)
    queue.call_next(3)
    clock.step(5)


def waiting_outside_morning(queue: Queue, clock: StepClock) -> None:
    """A small hall, full: people wait outside and are let in as counters finish."""
    for prefix in "AABADABAEDAABDABADBA":
        queue.issue(prefix, printing=False)
        clock.step(41)
    for counter in (1, 2, 3, 4, 5, 6):
        queue.call_next(counter)
        clock.step(30)
    for counter in (1, 5, 2, 4):
        queue.done(counter)
        clock.step(40)
    queue.call_next(1)
    clock.step(12)


def unfitting(window: DisplayWindow) -> list[str]:
    return [
        repr(label.text())
        for label in window.findChildren(FitLabel)
        if label.isVisible() and label.text() and not label.fits()
    ]


def shoot(
    app: QApplication,
    ctx: Context,
    clock: StepClock,
    path: Path,
    size: tuple[int, int],
    *,
    offline: str | None = None,
) -> None:
    config = ctx.config
    window = app_mod.open_windows(ctx, "display", windowed=True)
    assert isinstance(window, DisplayWindow)
    window.setGeometry(0, 0, *size)  # the television's screen, at the screen's corner
    capture.wait_until(lambda: window.status is not None, "the display to load the queue", 10)
    app.processEvents()  # what its first status queued
    window.shutdown()  # freeze it: no clock ticks or reads while the picture is taken
    window.view.set_clock(clock.now().astimezone(config.office.zone))
    window.view.ticker.freeze_at_start(round(window.height() * 0.02))
    if offline:
        window.view.set_offline(True, offline)
    app.processEvents()
    problems = unfitting(window)
    if problems:
        raise SystemExit(f"{path.name}: text does not fit: {', '.join(problems)}")
    capture.save(window, path)
    window.close()
    ctx.forget(window)
    window.deleteLater()
    app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    capture.choose_platform()  # before the QApplication loads a platform plugin
    app = app_mod.application()
    with tempfile.TemporaryDirectory(prefix="counter-app-shots-") as tmp:
        for wait_outside in (False, True):
            url = f"sqlite:///{Path(tmp, f'queue-{int(wait_outside)}.sqlite3').as_posix()}"
            config = office_config(url, wait_outside=wait_outside)
            clock = StepClock(MORNING)
            queue = open_queue(config, clock=clock, create=True)
            ctx = Context(queue, synchronous=True, watch=False)
            if wait_outside:
                waiting_outside_morning(queue, clock)
                shoot(
                    app,
                    ctx,
                    clock,
                    args.out / "display-wait-outside-1920x1080.png",
                    (1920, 1080),
                )
            else:
                busy_morning(queue, clock)
                shoot(app, ctx, clock, args.out / "display-1920x1080.png", (1920, 1080))
                shoot(app, ctx, clock, args.out / "display-1366x768.png", (1366, 768))
                shoot(
                    app,
                    ctx,
                    clock,
                    args.out / "display-offline-1366x768.png",
                    (1366, 768),
                    offline="connection to server at 192.168.1.10, port 5432 failed: "
                    "Connection refused",
                )
            ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
