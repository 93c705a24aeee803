"""Screenshots of the desk window and the counter panel in their main states.

    python -m tools.screenshots [--out docs/screenshots] [--lang id|en] [--only NAME]

Each state is played on a fresh temporary database, with a preview printer writing into
a temporary folder, from a fixed moment (Monday 30 November 2026, 09:41 in Balikpapan),
at 1366 x 768, the common front-desk laptop screen. The windows are opened as
``counter-app desk`` and ``counter-app counter N`` open them (``app.application()`` and
``app.open_windows()``), on a real X11 screen where there is one (see ``tools.capture``):

    xvfb-run -s "-screen 0 1920x1080x24" python -m tools.screenshots

The tickets (``--only tickets``) are the PNGs the preview printer writes when the desk
prints them, copied as they are.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import shutil
import socket
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import tomlkit
from PySide6.QtWidgets import QApplication, QWidget

from counter_app.core.clock import ManualClock
from counter_app.core.config import Config, parse_config
from counter_app.core.model import PrintStatus, Refused
from counter_app.core.queue import Queue, open_queue
from counter_app.core.tokens import make_payload
from counter_app.gui.counter.panel import CounterPanel
from counter_app.gui.desk.documents import DocumentKeyDialog
from counter_app.gui.desk.window import DeskWindow
from counter_app.gui.phone.server import WebState
from counter_app.gui.report.window import ReportWindow
from counter_app.gui.shell import app as app_mod
from counter_app.gui.shell import i18n
from counter_app.gui.shell.context import Context
from tools import capture

SIZE = (1366, 768)
PUBLIC_URL = "http://192.168.1.10:8080"  # the phone page on the desk PC, over the office Wi-Fi
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
START = datetime(2026, 11, 30, 1, 41, tzinfo=UTC)  # 09:41 WITA
SERVICES: list[dict[str, Any]] = [
    {"prefix": "A", "name": "Pengambilan Dokumen", "name_en": "Document pickup",
     "daily_quota": 150, "average_minutes": 4},
    {"prefix": "B", "name": "Legalisasi", "name_en": "Legalisation",
     "daily_quota": 100, "average_minutes": 3},
    {"prefix": "C", "name": "Perekaman KTP-el", "name_en": "e-KTP recording",
     "daily_quota": 60, "average_minutes": 10},
    {"prefix": "D", "name": "Konsultasi Kependudukan", "name_en": "Civil registry advice",
     "daily_quota": 40, "average_minutes": 8},
]  # fmt: skip


class FixedClock(ManualClock):
    def __init__(self, moment: datetime = START) -> None:
        super().__init__(moment)

    def later(self, minutes: float) -> None:
        self.moment += timedelta(minutes=minutes)


def office_config(
    folder: Path,
    language: str,
    *,
    capacity: dict[str, Any] | None = None,
    services: dict[str, dict[str, Any]] | None = None,
    printer: dict[str, Any] | None = None,
    web: dict[str, Any] | None = None,
    booking: dict[str, Any] | None = None,
    documents: dict[str, Any] | None = None,
) -> Config:
    changes = services or {}
    data: dict[str, Any] = {
        "office": {
            "name": "Disdukcapil Kota Balikpapan",
            "station": "Meja Depan 1",
            "language": language,
        },
        "capacity": {"limit": 20, "when_full": "refuse", **(capacity or {})},
        "database": {"url": f"sqlite:///{(folder / 'queue.sqlite3').as_posix()}"},
        "tickets": {"secret": "screenshots-secret-0123456789"},
        "services": [{**svc, **changes.get(svc["prefix"], {})} for svc in SERVICES],
        "counters": [
            {"number": 1, "name": "Loket 1", "services": ["A", "B"]},
            {"number": 2, "name": "Loket 2", "services": ["B", "A"]},
            {"number": 3, "name": "Loket 3", "services": ["C", "D"]},
        ],
        "printer": {"kind": "preview", "folder": str(folder / "previews"), **(printer or {})},
        "web": web or {},
    }
    if documents is not None:
        data["documents"] = documents
    if booking is not None:
        data["booking"] = booking
        data["office"]["opening_hours"] = "08:00-15:00"  # the arrival windows come from them
    return parse_config(data, "screenshots.toml")


class Scene:
    """One office on its own database: stations act through ``issue``/``serve``, then
    a window is opened on it."""

    def __init__(self, app: QApplication, config: Config) -> None:
        self.app = app
        self.clock = FixedClock()
        self.queue: Queue = open_queue(config, clock=self.clock, create=True)
        self.ctx = Context(self.queue, synchronous=True, watch=False)

    def issue(self, prefix: str, n: int = 1, **kw: Any) -> None:
        for _ in range(n):
            self.ctx.desk().issue(prefix, **kw)
            self.clock.later(1.5)
        capture.wait_until(self.printed, "the tickets' prints to be stored")

    def serve(self, counter: int, n: int = 1) -> None:
        for _ in range(n):
            self.queue.call_next(counter)
            self.clock.later(3)
            self.queue.done(counter)

    def printed(self) -> bool:
        return all(t.print_status != PrintStatus.PENDING for t in self.queue.recent_tickets(50))

    def desk(self) -> DeskWindow:
        window = app_mod.open_windows(self.ctx, "desk")
        assert isinstance(window, DeskWindow)
        window.guard.debounce_s = 0  # the script presses faster than people
        return window

    def counter(self, number: int) -> CounterPanel:
        panel = app_mod.open_windows(self.ctx, "counter", number)
        assert isinstance(panel, CounterPanel)
        panel.guard.debounce_s = 0
        return panel


@contextmanager
def scene(app: QApplication, root: Path, name: str, language: str, **kw: Any) -> Iterator[Scene]:
    folder = root / name
    folder.mkdir()
    s = Scene(app, office_config(folder, language, **kw))
    try:
        yield s
    finally:
        s.ctx.close()


def shoot(app: QApplication, window: QWidget, path: Path, ready: Callable[[], bool]) -> Path:
    window.showNormal()  # maximised on the script's own screen: make it the laptop's
    window.setGeometry(0, 0, *SIZE)
    capture.wait_until(ready, f"{path.name}: the window to be ready")
    capture.save(window, path)
    window.close()
    return path


def desk_scenes(app: QApplication, root: Path, out: Path, language: str) -> None:
    with scene(app, root, "desk-normal", language) as s:
        s.issue("A", 7)
        s.issue("B", 4)
        s.issue("A", group=2)
        s.issue("B", priority=True)
        s.serve(1, 3)
        s.serve(2, 2)
        s.queue.call_next(1)
        s.queue.call_next(2)
        s.issue("D")
        s.issue("C")
        window = s.desk()
        window.set_group(2)
        window.issue("A")
        shoot(app, window, out / "desk-normal.png", lambda: issued(window))

    with scene(app, root, "desk-hall-full", language, capacity={"limit": 12}) as s:
        s.issue("A", 8)
        s.issue("B", 3)
        window = s.desk()
        window.issue("B")  # the twelfth person: the hall is full now
        shoot(app, window, out / "desk-hall-full.png", lambda: issued(window))

    with scene(app, root, "desk-wrong-clock", language) as s:
        s.issue("A", 5)
        s.serve(1, 2)
        window = s.desk()
        # Somebody set this PC's date back a day: the queue's last write is "tomorrow".
        s.queue.clock = FixedClock(s.clock.moment - timedelta(days=1))
        window.check_clock()
        window.issue("A")  # refused, and said where the time is
        shoot(app, window, out / "desk-wrong-clock.png", lambda: window.clock_problem is not None)

    outside = {"limit": 12, "when_full": "wait_outside"}
    with scene(app, root, "desk-wait-outside", language, capacity=outside) as s:
        s.issue("A", 9)
        s.issue("B", 5)
        s.issue("A", group=2)
        window = s.desk()
        window.issue("B")
        shoot(app, window, out / "desk-wait-outside.png", lambda: issued(window))

    limited = {"A": {"daily_quota": 12}, "C": {"suspended": "Blangko KTP-el sedang kosong"}}
    with scene(app, root, "desk-quota", language, services=limited) as s:
        s.issue("A", 12)
        s.issue("B", 2)
        s.serve(1, 6)
        paper_out = "Paper out" if language == "en" else "Kertas habis"
        window = s.desk()
        failed = s.queue.ticket("B-002")
        # as the spooler reports a print that failed after the issue
        s.ctx.printed.emit(s.queue.record_print(failed.id, PrintStatus.FAILED, paper_out))
        window.select_code(failed.code)
        shoot(app, window, out / "desk-quota-suspended.png", lambda: window.loaded_once)


NIKS = [f"647105120390{n:04d}" for n in range(1, 40)]  # Balikpapan, born 12-03-1990


def booking_scenes(app: QApplication, root: Path, out: Path, language: str) -> None:
    """The desk's online bookings of the day (Ctrl+B) at 08:35: booked the evening before,
    the first window's late ones, one cancelled, three checked in, the last by the
    dialog's own field."""
    online = {"A": {"online_quota": 30}, "B": {"online_quota": 10}}
    booking = {"enabled": True, "opens_at": "00:00", "closed_days": [], "slot_minutes": 15}
    with scene(app, root, "desk-bookings", language, services=online, booking=booking) as s:
        s.clock.later(-14 * 60)  # 19:41 the evening before
        today = s.queue.today() + timedelta(days=1)
        made = [s.queue.book("A", today, nik) for nik in NIKS[:16]]
        made += [s.queue.book("B", today, nik) for nik in NIKS[16:20]]
        cancelled = made[9].secret
        assert cancelled is not None
        s.queue.cancel_booking(cancelled)
        s.clock.later(13 * 60 - 6)  # 08:35
        s.issue("A", 3)
        s.ctx.desk().check_in("AD-002")
        s.ctx.desk().check_in(NIKS[8])  # AD-009, by the NIK
        window = s.desk()
        window.showNormal()
        window.setGeometry(0, 0, *SIZE)
        dialog = window.open_bookings()
        dialog.check_in_edit.setText(made[16].code)  # BD-001, typed at the door
        dialog.check_in()
        capture.wait_until(
            lambda: dialog.loaded_once and not dialog.busy and bool(dialog.message.text()),
            "the bookings dialog's check-in",
        )
        capture.save(dialog, out / "desk-bookings.png")
        dialog.close()
        window.close()


#: the ready list of finished documents: pickups at A, each number for one document
DOCUMENTS = {"enabled": True, "kinds": {"KK": "A", "KTP-el": "A", "KIA": "A", "AKTA": "A"}}
READY = (  # registration number, kind, NIK
    ("6471-KK-30112026-0012", "KK", NIKS[0]),
    ("6471-KTP-30112026-0031", "KTP-el", NIKS[1]),
    ("6471-AKTA-27112026-0044", "AKTA", None),
    ("6471-KIA-27112026-0007", "KIA", NIKS[2]),
    ("6471-KK-26112026-0003", "KK", NIKS[3]),
    ("6471-KK-25112026-0018", "KK", NIKS[4]),
)


def document_scenes(app: QApplication, root: Path, out: Path, language: str) -> None:
    """A pickup number tied to a finished KK: the desk asking which document, its
    Documents dialog (Ctrl+D) after marking one ready by hand, and the counter that
    called the number, showing what to fetch."""
    with scene(app, root, "documents", language, documents=DOCUMENTS) as s:
        for number, kind, nik in READY:
            s.queue.mark_ready(number, kind, nik=nik)
        s.issue("B", 3)
        s.issue("A", document=READY[1][2])  # by the NIK: the KTP-el
        s.issue("A", document=READY[0][0])
        s.issue("B", 2)
        s.serve(1, 1)  # its KTP-el handed over
        s.queue.call_next(1)  # its KK
        printed = sorted((root / "documents" / "previews").glob("A-002-*.png"))
        if len(printed) != 1:
            raise RuntimeError(f"expected one print of A-002, found {printed}")
        out.mkdir(parents=True, exist_ok=True)
        print(shutil.copyfile(printed[0], out / "ticket-document.png"))
        window = s.desk()
        window.showNormal()
        window.setGeometry(0, 0, *SIZE)
        asking = DocumentKeyDialog(s.queue.config.service_name("A"), window)
        asking.show()
        asking.key_edit.setText(READY[2][0])  # as the scanner typed it
        capture.wait_until(asking.isVisible, "the document question")
        capture.save(asking, out / "desk-document-key.png")
        asking.close()
        dialog = window.open_documents()
        dialog.number_edit.setText("6471-KIA-30112026-0052")
        dialog.kind_box.setCurrentText("KIA")
        dialog.mark_ready()
        capture.wait_until(
            lambda: dialog.loaded_once and not dialog.busy and bool(dialog.message.text()),
            "the documents dialog's mark ready",
        )
        capture.save(dialog, out / "desk-documents.png")
        dialog.close()
        window.close()
        panel = s.counter(1)
        shoot(
            app, panel, out / "counter-document.png", lambda: panel.ui.currentDocument.isVisible()
        )


def issued(window: DeskWindow) -> bool:
    """The window's own ticket is issued, printed and drawn."""
    rows = window.recent_model.rows
    printed = bool(rows) and all(t.print_status != PrintStatus.PENDING for t in rows)
    return window.preview() is not None and printed


def counter_scenes(app: QApplication, root: Path, out: Path, language: str) -> None:
    with scene(app, root, "counter-serving", language) as s:
        s.issue("A", 9)
        s.issue("B", 5)
        s.issue("A", group=3, priority=True)
        s.serve(1, 5)
        s.queue.call_next(1)
        s.queue.no_show(1)
        s.queue.call_next(1)
        s.clock.later(2)
        s.issue("A", 2)
        panel = s.counter(1)
        panel.recall()
        shoot(app, panel, out / "counter-serving.png", lambda: panel.loaded_once)

    with scene(app, root, "counter-scan", language) as s:
        s.issue("A", 6)
        s.issue("B", 3)
        s.serve(1, 2)
        s.queue.call_next(1)
        scanned(app, s.counter(1), s.queue.ticket("B-003").qr, out / "counter-scan-valid.png")

    with scene(app, root, "counter-scan-bad", language) as s:
        s.issue("A", 6)
        s.serve(1, 2)
        s.queue.call_next(1)
        secret = s.queue.config.tickets.secret
        yesterday = s.queue.today() - timedelta(days=1)
        for name, payload in (
            ("counter-scan-other-day.png", make_payload(secret, yesterday, "A-004")),
            ("counter-scan-forged.png", make_payload("x" * 28, s.queue.today(), "A-005")),
        ):
            scanned(app, s.counter(1), payload, out / name)


def ticket_scenes(app: QApplication, root: Path, out: Path, language: str) -> None:
    """The desk-normal scene's A-008 (a group of two, seven ahead) as the desk prints it on
    58 and 80 mm paper, and on 80 mm with the phone page's address (its QR is a link)."""
    for name, paper_mm, web in (
        ("ticket-58mm", 58, None),
        ("ticket-80mm", 80, None),
        ("ticket-80mm-link", 80, {"public_url": PUBLIC_URL}),
    ):
        with scene(app, root, name, language, printer={"paper_mm": paper_mm}, web=web) as s:
            s.issue("A", 7)
            s.issue("B", 4)
            s.issue("A", group=2)
            printed = sorted((root / name / "previews").glob("A-008-*.png"))
            if len(printed) != 1:
                raise RuntimeError(f"expected one print of A-008, found {printed}")
            out.mkdir(parents=True, exist_ok=True)
            print(shutil.copyfile(printed[0], out / f"{name}.png"))


def web_scenes(app: QApplication, root: Path, out: Path, language: str) -> None:
    """Web > Show the address for phones…, with the phone page's server running: the real
    `counter-app web`, started by the desk as `[web] enabled` asks, on a free port of this
    machine; the address shown and encoded is the office's public_url."""
    web = {"enabled": True, "host": "127.0.0.1", "port": free_port(), "public_url": PUBLIC_URL}
    with scene(app, root, "desk-web-address", language, web=web) as s:
        s.issue("A", 4)
        s.issue("B", 2)
        # the server reads the station's configuration file, as it does at the office
        s.ctx.config_path = config_file(s.queue.config, root / "desk-web-address" / "web.toml")
        window = s.desk()
        window.showNormal()
        window.setGeometry(0, 0, *SIZE)
        server = window.web.server
        capture.wait_until(
            lambda: server.state not in (WebState.STARTING, WebState.OFF),
            "the phone page server to start",
            120,
        )
        if server.state != WebState.RUNNING:
            raise RuntimeError(f"the phone page server did not start: {server.problem}")
        dialog = window.web.show_address()
        capture.wait_until(lambda: dialog.address is not None, "the address dialog's address")
        capture.save(dialog, out / "desk-web-address.png")
        dialog.close()
        window.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def config_file(config: Config, path: Path) -> Path:
    path.write_text(tomlkit.dumps(config.model_dump(mode="json", exclude_none=True)), "utf-8")
    return path


def report_scenes(app: QApplication, root: Path, out: Path, language: str) -> None:
    """A whole day, 08:00 to 15:00, played minute by minute: busy mid-morning, the hall
    full for a while (new tickets wait outside), three counters serving."""
    outside = {"limit": 20, "when_full": "wait_outside"}
    with scene(app, root, "report", language, capacity=outside) as s:
        play_a_day(s)
        window = app_mod.open_windows(s.ctx, "report")
        assert isinstance(window, ReportWindow)
        shoot(app, window, out / "report.png", lambda: window.loaded_once)


#: tickets a minute until the hour: a queue at the door at opening, the mid-morning rush
ARRIVALS = ((8.5, 0.6), (10.25, 0.8), (12, 0.45), (13, 0.2), (14.5, 0.35), (24, 0.1))


def play_a_day(s: Scene) -> None:
    rng = random.Random(20261130)
    s.clock.moment = START.replace(hour=0, minute=0)  # 08:00 WITA
    busy_until = {1: 0, 2: 0, 3: 0}
    for minute in range(7 * 60):
        hour = 8 + minute / 60
        rate = next(r for until, r in ARRIVALS if hour < until)
        while rate > 0:
            if rng.random() < min(rate, 1):
                prefix = rng.choice("AAAABBC") if hour < 14 else rng.choice("AB")
                with contextlib.suppress(Refused):
                    s.queue.issue(prefix, group=rng.choice((1, 1, 1, 2)), printing=False)
            rate -= 1
        for counter in busy_until:
            if minute < busy_until[counter]:
                continue
            with contextlib.suppress(Refused):
                s.queue.done(counter)
            try:
                s.queue.call_next(counter)
            except Refused:
                continue
            if rng.random() < 0.06:
                s.queue.no_show(counter)
                continue
            busy_until[counter] = minute + rng.choice((3, 4, 4, 5))
        s.clock.later(1)


def scanned(app: QApplication, panel: CounterPanel, payload: str, path: Path) -> None:
    panel.ui.scanEdit.setText(payload)
    panel.check_scan()
    shoot(app, panel, path, lambda: panel.scanned is not None)


SCENES: dict[str, Callable[[QApplication, Path, Path, str], None]] = {
    "desk": desk_scenes,
    "counter": counter_scenes,
    "report": report_scenes,
    "tickets": ticket_scenes,
    "web": web_scenes,
    "bookings": booking_scenes,
    "documents": document_scenes,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default="id")
    parser.add_argument(
        "--only", choices=sorted(SCENES), action="append", help="only these windows' pictures"
    )
    args = parser.parse_args(argv)
    capture.choose_platform()  # before the QApplication loads a platform plugin
    app = app_mod.application()
    translation = i18n.install(app, args.lang)
    out: Path = args.out if args.lang == "id" else args.out / args.lang
    try:
        with tempfile.TemporaryDirectory(prefix="counter-app-shots-") as tmp:
            for name, scenes in SCENES.items():
                if not args.only or name in args.only:
                    scenes(app, Path(tmp), out, args.lang)
    finally:
        translation.remove(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
