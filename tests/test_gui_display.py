"""The lobby display: it follows other processes live, announces in order, survives outages.

Other stations are real child processes (`python -m counter_app ...`) on the same
SQLite file or PostgreSQL database. The 300 ms budget is measured by
bench/bench_display.py; here each change only has to show within 2 s.

Offline, PostgreSQL: a TCP proxy stands between the display and the server and is cut
and restored, as a network cable would be. Offline, SQLite: there is no server to lose,
and an open SQLite connection on POSIX keeps reading a file that was renamed or deleted,
so "the database went away" is simulated where it would surface on an office PC whose
network share drops: every read and the change feed raise sqlite3's "disk I/O error".
"""

from __future__ import annotations

import contextlib
import logging
import math
import socket
import subprocess
import sys
import threading
import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import make_config, write_config
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from counter_app.core.config import Config
from counter_app.core.model import Call, CounterStatus, ServiceStatus, Status, Ticket
from counter_app.core.queue import Queue, open_queue
from counter_app.gui.display.announcer import Announcer
from counter_app.gui.display.board import format_date, format_datetime, make_board
from counter_app.gui.display.widgets import FitLabel
from counter_app.gui.display.window import DisplayWindow, open_display
from counter_app.gui.shell.watcher import Feed
from counter_app.speech.announce import VOCABULARY, Announcement
from counter_app.speech.clips import Audio, ClipLibrary, write_wav

SHOW_WITHIN_MS = 2000
RATE = 8000


# --- helpers ------------------------------------------------------------------------------------


def _tone(seconds: float, freq: float) -> Audio:
    n = round(seconds * RATE)
    samples = array("h", (round(8000 * math.sin(2 * math.pi * freq * i / RATE)) for i in range(n)))
    return Audio(b"", RATE, 1, 2).with_samples(samples)


@pytest.fixture
def tones(tmp_path: Path, qapp: object) -> ClipLibrary:
    """Short beeps for words and a 0.1 s chime: announcements take a fraction of a second."""
    folder = tmp_path / "clips"
    folder.mkdir()
    for i, name in enumerate(VOCABULARY):
        write_wav(folder / f"{name}.wav", _tone(0.02, 300 + 10 * i))
    write_wav(tmp_path / "chime.wav", _tone(0.1, 660))
    return ClipLibrary(folder, tmp_path / "chime.wav")


class Station:
    """Another PC's station: the command line in a child process."""

    def __init__(self, config_path: Path) -> None:
        self.config_path = config_path

    def __call__(self, *args: str) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "counter_app", "--config", str(self.config_path), *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr


@pytest.fixture
def make_display(qtbot: QtBot, tones: ClipLibrary) -> Iterator[Callable[..., DisplayWindow]]:
    windows: list[DisplayWindow] = []

    def factory(queue: Any, config: Config, size: tuple[int, int] = (1366, 768), **kw: Any):
        announcer = Announcer(library=tones, silent=True)
        window = DisplayWindow(queue, config, announcer=announcer, **kw)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        windows.append(window)
        qtbot.waitUntil(lambda: window.status is not None, timeout=5000)
        return window

    yield factory
    for window in windows:
        window.shutdown()


def _started(window: DisplayWindow) -> list[Announcement]:
    started: list[Announcement] = []
    window.announcer.started.connect(started.append)
    return started


def _setup(tmp_path: Path, url: str, **sections: Any) -> tuple[Config, Station, Queue]:
    config_path = write_config(tmp_path / "office.toml", url, **sections)
    config = make_config(**sections, database={"url": url})
    return config, Station(config_path), open_queue(config)


# --- what the board shows -----------------------------------------------------------------------


def test_indonesian_date_and_clock_without_a_system_locale() -> None:
    moment = datetime(2026, 11, 28, 14, 5, 9)
    assert format_datetime(moment) == "Sabtu, 28 November 2026 14:05:09"
    assert format_date(moment.replace(day=30)) == "Senin, 30 November 2026"
    assert format_date(datetime(2027, 8, 17)) == "Selasa, 17 Agustus 2027"
    assert format_date(moment, "en") == "Saturday, 28 November 2026"


def _ticket(code: str, counter: int) -> Ticket:
    from counter_app.core.model import PrintStatus, TicketState

    prefix, number = code.split("-")
    moment = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    return Ticket(
        id=int(number),
        code=code,
        prefix=prefix,
        number=int(number),
        day=date(2026, 11, 30),
        state=TicketState.CALLED,
        service=prefix,
        group=1,
        priority=False,
        issued_at=moment,
        called_at=moment,
        finished_at=None,
        counter=counter,
        recalls=0,
        print_status=PrintStatus.OFF,
        print_attempts=0,
        print_error=None,
        qr="",
    )


def _status(calls: list[tuple[int, str, str, int | None, int]], **kw: Any) -> Status:
    """calls: (seq, kind, code, counter, minutes ago), newest first."""
    now = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    base: dict[str, Any] = {
        "day": now.date(),
        "now": now,
        "version": 7,
        "limit": 20,
        "when_full": "wait_outside",
        "occupancy": 12,
        "outside": 2,
        "outside_persons": 2,
        "open_now": True,
        "services": (
            ServiceStatus("A", "Pengambilan Dokumen", 4, 1, 30, 150, None),
            ServiceStatus("B", "Legalisasi", 3, 1, 10, 100, None),
            ServiceStatus("C", "Perekaman KTP-el", 0, 0, 0, 0, "Blangko habis"),
        ),
        "counters": (
            CounterStatus(1, "Loket 1", ("A", "B"), _ticket("A-012", 1), 5, 0),
            CounterStatus(2, "Loket 2", ("B", "A"), None, 3, 1),
            CounterStatus(3, "Loket 3", ("A",), _ticket("B-004", 3), 2, 0),
        ),
        "calls": tuple(
            Call(seq, kind, code, counter, now - timedelta(minutes=ago))
            for seq, kind, code, counter, ago in calls
        ),
    }
    base.update(kw)
    return Status(**base)


def test_board_newest_call_recent_lines_and_who_may_come_in() -> None:
    status = _status(
        [
            (20, "recalled", "A-012", 1, 0),
            (19, "called", "B-004", 3, 1),
            (18, "admitted", "A-015", None, 2),
            (17, "called", "A-012", 1, 3),  # the same number: one line only
            (16, "admitted", "A-014", None, 4),
            (15, "called", "A-011", 2, 5),
            (14, "admitted", "A-011", None, 6),  # admitted, then called: not listed
            (13, "admitted", "B-003", None, 30),  # too long ago
        ]
    )
    board = make_board(status, make_config(capacity={"when_full": "wait_outside"}))
    assert (board.now_code, board.now_where, board.now_recalled) == ("A-012", "Loket 1", True)
    assert [(line.code, line.where) for line in board.recent] == [
        ("B-004", "Loket 3"),
        ("A-011", "Loket 2"),
    ]
    assert board.admitted == ("A-014", "A-015")  # in the order they were let in
    assert board.admit_seq == 18
    assert [t.code for t in board.counters] == ["A-012", None, "B-004"]
    assert board.waiting == 7 and board.wait_outside and board.outside == 2
    assert board.notices == ("Perekaman KTP-el: Blangko habis",)


def test_board_before_any_call_and_when_closed() -> None:
    status = _status([], open_now=False, when_full="refuse")
    board = make_board(status, make_config(office={"opening_hours": "08:00-15:00"}))
    assert board.now_code is None and board.recent == () and board.admitted == ()
    assert board.notices[0] == "Di luar jam layanan (08:00-15:00)"


# --- following other processes ------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "pg"])
def test_display_follows_issue_call_and_recall_from_another_process(
    backend: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    qtbot: QtBot,
    make_display: Callable[..., DisplayWindow],
) -> None:
    url = str(request.getfixturevalue(f"{backend}_url"))
    config, station, queue = _setup(tmp_path, url)
    window = make_display(queue, config)
    view = window.view
    started = _started(window)
    assert view.now_code.text() == "—" and view.waiting.text() == "Menunggu dipanggil: 0"

    station("issue", "A", "--no-print")
    station("issue", "B", "--no-print")

    def two_waiting() -> None:
        assert view.waiting.text() == "Menunggu dipanggil: 2"
        assert view.occupancy.text() == "Di ruang tunggu: 2 / 20"

    qtbot.waitUntil(two_waiting, timeout=SHOW_WITHIN_MS)

    station("call", "1")

    def called() -> None:
        assert view.now_code.text() == "A-001"
        assert view.now_where.text() == "LOKET 1"
        assert view.tiles[1][2].text() == "A-001"
        assert view.waiting.text() == "Menunggu dipanggil: 1"

    qtbot.waitUntil(called, timeout=SHOW_WITHIN_MS)
    assert view.flashing  # the highlight blinks for the new call

    station("recall", "1")
    qtbot.waitUntil(
        lambda: _assert_equal(view.now_caption.text(), "PANGGILAN ULANG"), timeout=SHOW_WITHIN_MS
    )
    station("call", "2")
    qtbot.waitUntil(lambda: _assert_equal(view.now_code.text(), "B-001"), timeout=SHOW_WITHIN_MS)
    assert view.now_where.text() == "LOKET 2"
    assert [(c.text(), w.text()) for _, c, w in view.recent_rows[:1]] == [("A-001", "Loket 1")]

    qtbot.waitUntil(lambda: _assert_equal(len(started), 3), timeout=5000)
    assert started == [
        Announcement("call", "A-001", 1),
        Announcement("recall", "A-001", 1),
        Announcement("call", "B-001", 2),
    ]
    assert window.status is not None and window.status.version == queue.version()


def _assert_equal(actual: object, expected: object) -> None:
    assert actual == expected


def test_board_says_blocked_not_full_when_the_head_outside_does_not_fit() -> None:
    blocked = _status([], occupancy=1, limit=4, head_code="A-003", head_group=4)
    board = make_board(blocked, make_config())
    assert not board.hall_full
    assert board.blocked == "3 tempat kosong, menunggu rombongan A-003 (4 orang)"
    english = make_board(blocked, make_config(office={"language": "en"}))
    assert english.blocked == "3 places free, waiting for group A-003 (4 persons)"
    assert make_board(_status([], occupancy=1, limit=4), make_config()).blocked is None
    full = make_board(
        _status([], occupancy=4, limit=4, head_code="A-003", head_group=4), make_config()
    )
    assert full.hall_full and full.blocked is None


def test_display_says_blocked_not_full(
    sqlite_url: str,
    tmp_path: Path,
    qtbot: QtBot,
    make_display: Callable[..., DisplayWindow],
) -> None:
    config, _station, queue = _setup(
        tmp_path, sqlite_url, capacity={"limit": 4, "when_full": "wait_outside"}
    )
    queue.issue("A", printing=False)
    queue.issue("A", group=4, printing=False)  # A-002 waits outside: 3 places free
    view = make_display(queue, config).view

    def blocked() -> None:
        assert view.occupancy.text() == "3 tempat kosong, menunggu rombongan A-002 (4 orang)"

    qtbot.waitUntil(blocked, timeout=SHOW_WITHIN_MS)


@pytest.mark.slow
def test_wait_outside_admission_shows_silakan_masuk_and_is_announced(
    sqlite_url: str,
    tmp_path: Path,
    qtbot: QtBot,
    make_display: Callable[..., DisplayWindow],
) -> None:
    config, station, queue = _setup(
        tmp_path, sqlite_url, capacity={"limit": 2, "when_full": "wait_outside"}
    )
    for _ in range(3):
        queue.issue("A", printing=False)  # A-003 waits outside
    window = make_display(queue, config)
    view = window.view
    started = _started(window)
    assert view.admit_card.isVisible()
    assert view.waiting.text() == "Menunggu: 2   •   Di luar: 1"
    assert view.occupancy.text() == "RUANG TUNGGU PENUH  2 / 2"

    station("call", "1")
    station("done", "1")  # A-001 leaves: A-003 may come in

    def admitted() -> None:
        assert view.admit_codes[0].text() == "A-003"
        assert view.waiting.text() == "Menunggu: 2   •   Di luar: 0"

    qtbot.waitUntil(admitted, timeout=SHOW_WITHIN_MS)
    qtbot.waitUntil(lambda: _assert_equal(len(started), 2), timeout=5000)
    assert started == [Announcement("call", "A-001", 1), Announcement("admit", "A-003")]


@pytest.mark.slow
def test_quick_calls_are_announced_in_order_and_none_is_cut_off(
    sqlite_url: str,
    tmp_path: Path,
    qtbot: QtBot,
    make_display: Callable[..., DisplayWindow],
) -> None:
    config, _station, queue = _setup(tmp_path, sqlite_url)
    for prefix in "AABA":
        queue.issue(prefix, printing=False)
    window = make_display(queue, config)
    events: list[tuple[str, Announcement, float]] = []
    window.announcer.started.connect(lambda a: events.append(("started", a, time.monotonic())))
    window.announcer.finished.connect(lambda a: events.append(("finished", a, time.monotonic())))

    # Another process makes four calls in a burst, faster than one announcement lasts.
    script = (
        "import sys\n"
        "from counter_app.core.config import load_config\n"
        "from counter_app.core.queue import open_queue\n"
        "q = open_queue(load_config(__import__('pathlib').Path(sys.argv[1])))\n"
        "q.call_next(1); q.call_next(2); q.call_next(3); q.recall(1)\n"
    )
    config_path = write_config(tmp_path / "burst.toml", sqlite_url)
    subprocess.run([sys.executable, "-c", script, str(config_path)], check=True, timeout=60)

    expected = [
        Announcement("call", "A-001", 1),
        Announcement("call", "B-001", 2),  # counter 2 serves B first
        Announcement("call", "A-002", 3),
        Announcement("recall", "A-001", 1),
    ]
    qtbot.waitUntil(lambda: _assert_equal(len(events), 8), timeout=10_000)
    assert [(kind, a) for kind, a, _ in events] == [
        (kind, a) for a in expected for kind in ("started", "finished")
    ]
    times = [t for _, _, t in events]
    assert times == sorted(times)  # each started only after the one before had finished
    for (_, a, start), (_, _, end) in zip(events[::2], events[1::2], strict=True):
        assert end - start >= window.announcer.audio(a).duration - 0.002  # heard in full


def test_calls_made_long_before_the_display_learns_of_them_are_not_announced(
    sqlite_url: str, qtbot: QtBot, make_display: Callable[..., DisplayWindow]
) -> None:
    config = make_config(database={"url": sqlite_url})
    queue = open_queue(config)
    queue.issue("A", printing=False)
    window = make_display(queue, config)
    started = _started(window)
    stale = Call(99, "called", "A-001", 1, datetime.now(UTC) - timedelta(minutes=10))
    fresh = replace(stale, seq=100, at=datetime.now(UTC))
    window._announce((stale, fresh), datetime.now(UTC))
    assert started == [Announcement("call", "A-001", 1)]


def test_nothing_old_is_announced_on_start(
    sqlite_url: str, qtbot: QtBot, make_display: Callable[..., DisplayWindow]
) -> None:
    config = make_config(database={"url": sqlite_url})
    queue = open_queue(config)
    queue.issue("A", printing=False)
    queue.call_next(1)
    window = make_display(queue, config)
    started = _started(window)
    qtbot.waitUntil(lambda: _assert_equal(window.view.now_code.text(), "A-001"), timeout=2000)
    qtbot.wait(300)
    assert started == [] and not window.view.flashing


def test_repainted_follows_each_version_onto_the_screen(
    sqlite_url: str, qtbot: QtBot, make_display: Callable[..., DisplayWindow]
) -> None:
    config = make_config(database={"url": sqlite_url})
    queue = open_queue(config)
    window = make_display(queue, config)
    before = queue.version()
    # the first paint first: on a busy machine it may come after any fixed wait
    qtbot.waitUntil(lambda: window.status is not None, timeout=5000)
    other = open_queue(config)
    with qtbot.waitSignal(
        window.repainted, timeout=SHOW_WITHIN_MS, check_params_cb=lambda v: v > before
    ) as signal:
        other.issue("A", printing=False)
    assert signal.args == [other.version()]


# --- offline and back -----------------------------------------------------------------------------


class TcpProxy:
    """A cable between the display and the server that a test can pull out and plug back in."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self._listener: socket.socket | None = None
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def start(self) -> None:
        self._stop.clear()
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        listener.settimeout(0.05)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        """Close the listening socket and every connection through it."""
        self._stop.set()
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            client.settimeout(None)
            with self._lock:
                self._sockets.update((client, server))
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


@pytest.mark.slow
def test_postgres_outage_shows_offline_and_recovers_by_itself(
    pg_url: str,
    tmp_path: Path,
    qtbot: QtBot,
    make_display: Callable[..., DisplayWindow],
) -> None:
    url = make_url(pg_url)
    proxy = TcpProxy((url.host or "127.0.0.1", url.port or 5432))
    proxy.start()
    try:
        through_proxy = url.set(host="127.0.0.1", port=proxy.port)
        display_config = make_config(
            database={"url": through_proxy.render_as_string(hide_password=False)}
        )
        _config, station, _queue = _setup(tmp_path, pg_url)
        window = make_display(open_queue(display_config), display_config)
        view = window.view
        assert not window.offline and not view.offline.isVisible()

        station("issue", "A", "--no-print")
        qtbot.waitUntil(
            lambda: _assert_equal(view.waiting.text(), "Menunggu dipanggil: 1"),
            timeout=SHOW_WITHIN_MS,
        )

        proxy.cut()

        def offline() -> None:
            assert window.offline and view.offline.isVisible()
            assert view.offline_text.text() == "Koneksi ke server terputus — mencoba lagi…"

        qtbot.waitUntil(offline, timeout=5000)
        station("call", "1")  # the other stations still reach the server
        qtbot.wait(500)
        assert view.now_code.text() == "—" and window.offline

        proxy.start()

        def recovered() -> None:
            assert not window.offline and not view.offline.isVisible()
            assert view.now_code.text() == "A-001"

        qtbot.waitUntil(recovered, timeout=8000)
        station("recall", "1")  # and it follows changes live again
        qtbot.waitUntil(
            lambda: _assert_equal(view.now_caption.text(), "PANGGILAN ULANG"),
            timeout=SHOW_WITHIN_MS,
        )
    finally:
        proxy.cut()


class UnpluggedShare:
    """The network share holding the SQLite file drops out, then comes back.

    While it is gone every read and the change feed fail as SQLite would report it.
    """

    def __init__(self, queue: Queue) -> None:
        self.queue = queue
        self.gone = False

    def _check(self) -> None:
        if self.gone:
            import sqlite3

            raise sqlite3.OperationalError("disk I/O error")

    # the part of Queue the display uses
    def status(self, *, calls: int = 10) -> Status:
        self._check()
        return self.queue.status(calls=calls)

    def calls_since(self, seq: int, limit: int = 50) -> list[Call]:
        self._check()
        return self.queue.calls_since(seq, limit)

    def open_changes(self) -> Feed:
        self._check()
        share = self
        feed = self.queue.open_changes()

        class SharedFeed:
            def wait(self, timeout: float) -> int:
                share._check()
                return feed.wait(timeout)

            def close(self) -> None:
                feed.close()

        return SharedFeed()


@pytest.mark.slow
def test_sqlite_share_outage_shows_offline_and_recovers_by_itself(
    sqlite_url: str,
    tmp_path: Path,
    qtbot: QtBot,
    make_display: Callable[..., DisplayWindow],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="counter_app.gui.display.window")
    config, station, queue = _setup(tmp_path, sqlite_url)
    share = UnpluggedShare(queue)
    window = make_display(share, config)
    view = window.view

    share.gone = True
    qtbot.waitUntil(lambda: _assert_equal(window.offline, True), timeout=3000)
    assert view.offline.isVisible() and "disk I/O error" in view.offline_reason.text()
    station("issue", "A", "--no-print")
    qtbot.wait(300)
    assert window.offline and view.waiting.text() == "Menunggu dipanggil: 0"

    share.gone = False

    def recovered() -> None:
        assert not window.offline and not view.offline.isVisible()
        assert view.waiting.text() == "Menunggu dipanggil: 1"

    qtbot.waitUntil(recovered, timeout=5000)
    station("call", "1")
    qtbot.waitUntil(lambda: _assert_equal(view.now_code.text(), "A-001"), timeout=SHOW_WITHIN_MS)
    # the log says why it went offline, and that it is back without the stale reason
    said = [r.getMessage() for r in caplog.records if r.name == "counter_app.gui.display.window"]
    assert said[0].startswith("display offline: ") and "disk I/O error" in said[0]
    assert said[-1] == "display back online"


# --- fitting the screen -------------------------------------------------------------------------


LONG_COUNTERS = [
    {"number": 1, "name": "Loket 1", "services": ["A", "B"]},
    {"number": 2, "name": "Loket 2 Pengaduan dan Informasi", "services": ["B", "A"]},
    {"number": 3, "services": ["A"]},
    {"number": 4, "services": ["A"]},
    {"number": 5, "services": ["B"]},
    {"number": 12, "name": "Loket 12 Prioritas Lansia", "services": ["A", "B"]},
]


def _unfitting(window: DisplayWindow) -> list[str]:
    return [
        label.text()
        for label in window.findChildren(FitLabel)
        if label.isVisible() and label.text() and not label.fits()
    ]


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (3840, 2160), (1024, 768)])
@pytest.mark.parametrize("mode", ["refuse", "wait_outside"])
def test_every_text_fits_its_box(
    size: tuple[int, int],
    mode: str,
    sqlite_url: str,
    qtbot: QtBot,
    make_display: Callable[..., DisplayWindow],
) -> None:
    config = make_config(
        database={"url": sqlite_url},
        counters=LONG_COUNTERS,
        capacity={"limit": 3 if mode == "wait_outside" else 20, "when_full": mode},
    )
    queue = open_queue(config)
    for prefix in "ABABA":
        queue.issue(prefix, printing=False)
    queue.call_next(2)  # B-001 to "Loket 2 Pengaduan dan Informasi"
    queue.call_next(12)
    queue.done(2)  # lets B-002 in from outside in wait_outside mode
    window = make_display(queue, config, size)
    qtbot.waitUntil(
        lambda: _assert_equal(window.view.now_where.text(), "LOKET 12 PRIORITAS LANSIA")
    )
    qtbot.waitUntil(lambda: _assert_equal(_unfitting(window), []))  # the layout settled

    now = window.view.now_code
    metrics = QFontMetrics(now.font())
    box = now.contentsRect()
    assert now.text() == "A-001"
    if mode == "wait_outside":
        assert window.view.admit_codes[0].text() == "B-002"
    assert metrics.horizontalAdvance(now.text()) <= box.width()
    assert metrics.height() <= box.height()
    # the called number is the largest text on the screen, about a sixth of its height
    assert now.font().pixelSize() >= size[1] * 0.14
    assert all(
        label.font().pixelSize() <= now.font().pixelSize()
        for label in window.findChildren(FitLabel)
    )


def test_fonts_scale_with_the_window_height(
    sqlite_url: str, qtbot: QtBot, make_display: Callable[..., DisplayWindow]
) -> None:
    config = make_config(database={"url": sqlite_url})
    window = make_display(open_queue(config), config, (1366, 768))
    small = window.view.now_code.font().pixelSize()
    window.resize(3840, 2160)
    qtbot.waitUntil(lambda: _assert_equal(window.view.height(), 2160))

    def scaled() -> None:
        assert window.view.now_code.font().pixelSize() == pytest.approx(small * 2160 / 768, rel=0.1)

    qtbot.waitUntil(scaled)


# --- the window -----------------------------------------------------------------------------------


def test_open_display_windowed_on_a_missing_screen_falls_back_with_a_warning(
    sqlite_url: str, qtbot: QtBot, caplog: pytest.LogCaptureFixture, tones: ClipLibrary
) -> None:
    config = make_config(database={"url": sqlite_url})
    with caplog.at_level(logging.WARNING, logger="counter_app.gui.display.window"):
        window = open_display(
            open_queue(config),
            config,
            screen=7,
            windowed=True,
            announcer=Announcer(library=tones, silent=True),
        )
    qtbot.addWidget(window)
    try:
        assert window.isVisible() and not window.isFullScreen()
        assert "there is no screen 7" in caplog.text
        assert window.view.ticker.running
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # a stray key does not close the screen
        assert window.isVisible()
        qtbot.waitUntil(lambda: _assert_equal(window.status is not None, True))
    finally:
        window.shutdown()


def test_full_screen_hides_the_cursor_and_f11_toggles(
    sqlite_url: str, qtbot: QtBot, tones: ClipLibrary
) -> None:
    config = make_config(database={"url": sqlite_url})
    window = open_display(
        open_queue(config), config, announcer=Announcer(library=tones, silent=True)
    )
    qtbot.addWidget(window)
    try:
        assert window.isFullScreen()
        assert window.cursor().shape() == Qt.CursorShape.BlankCursor
        window.toggle_fullscreen()
        assert not window.isFullScreen()
        assert window.cursor().shape() == Qt.CursorShape.ArrowCursor
    finally:
        window.shutdown()


def test_display_settings_reach_the_announcer_and_the_ticker(
    sqlite_url: str, qtbot: QtBot, make_display: Callable[..., DisplayWindow]
) -> None:
    config = make_config(
        database={"url": sqlite_url},
        display={"chime": False, "voice": True, "volume": 35, "ticker": "Info: WA 0816 456 0808"},
    )
    window = make_display(open_queue(config), config)
    a = Announcement("call", "A-001", 1)
    assert window.announcer.audio(a).duration > 0
    assert window.announcer._chime is False and window.announcer._volume == 35
    assert window.view.ticker.text == "Info: WA 0816 456 0808"
    start = window.view.ticker.offset()
    qtbot.waitUntil(lambda: window.view.ticker.offset() != start)  # it scrolls


def test_the_installed_pyside_keeps_its_references_to_none(qapp: object) -> None:
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void call, and
    the process aborted within minutes (pyproject.toml excludes it). Fails on such a build."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        probe.setObjectName("")
    assert before - sys.getrefcount(None) < 100
