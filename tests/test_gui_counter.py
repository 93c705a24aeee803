"""The counter panel, driven with its keys, its buttons and a scanner typing into it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import SECRET, FakeClock
from guikit import USABLE, Office, open_office, show_active, station_look, timed_wait
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from counter_app.core.model import TicketState
from counter_app.core.queue import Queue
from counter_app.core.tokens import make_payload
from counter_app.gui.counter.panel import KEYS, CounterPanel
from counter_app.gui.counter.view_model import NO_SHOW_WAIT_S
from counter_app.gui.shell import dialogs

URL = "http://192.168.1.10:8080"  # [web] public_url: the QR holds URL/t/PAYLOAD
SHOW_WITHIN_MS = 500  # another station's change on screen (the issue's half second)
F5, F6, F7, F8, F9 = (
    Qt.Key.Key_F5,
    Qt.Key.Key_F6,
    Qt.Key.Key_F7,
    Qt.Key.Key_F8,
    Qt.Key.Key_F9,
)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def make_panel(
    tmp_path: Path, sqlite_url: str, qtbot: QtBot, qapp: QApplication
) -> Iterator[Callable[..., tuple[Office, CounterPanel]]]:
    offices: list[Office] = []

    def make(
        number: int = 1, db_url: str = sqlite_url, *, debounce: bool = False, **kw: Any
    ) -> tuple[Office, CounterPanel]:
        office = open_office(tmp_path, db_url, **kw)
        offices.append(office)
        panel = CounterPanel(office.ctx, number)
        office.ctx.adopt(panel)
        qtbot.addWidget(panel)
        if not debounce:
            panel.guard.debounce_s = 0  # tests press faster than people
        show_active(qtbot, panel)
        qtbot.waitUntil(lambda: panel.loaded_once)
        return office, panel

    with station_look(qapp):
        yield make
        for office in offices:
            office.close()


@pytest.fixture
def counter(make_panel: Callable[..., tuple[Office, CounterPanel]]) -> tuple[Office, CounterPanel]:
    office, panel = make_panel()
    for prefix in "AABA":
        office.queue.issue(prefix, printing=False)
    panel.refresh()
    return office, panel


def current(panel: CounterPanel) -> str:
    return panel.ui.currentCode.text()


# --- the counter's actions -----------------------------------------------------------------------


def test_call_recall_done_and_no_show_with_the_keys(
    counter: tuple[Office, CounterPanel], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office, panel = counter
    monkeypatch.setattr(dialogs, "question", lambda *a, **k: True)  # a no-show just after a call
    assert current(panel) == "—" and panel.ui.currentCode.property("idle") == "true"
    assert not panel.commands["recall"].is_enabled()
    qtbot.keyClick(panel, F5)
    assert current(panel) == "A-001"
    assert panel.ui.currentService.text() == "Pengambilan Dokumen"
    assert "A-001 dipanggil ke Loket 1" in panel.messages.text()
    qtbot.keyClick(panel, F6)
    assert office.queue.ticket("A-001").recalls == 1
    assert "dipanggil ulang 1x" in panel.ui.currentDetails.text()
    qtbot.keyClick(panel, F7)
    assert office.queue.ticket("A-001").state == TicketState.DONE
    assert current(panel) == "—"
    assert panel.ui.servedValue.text() == "1"
    qtbot.keyClick(panel, F5)
    assert current(panel) == "A-002"  # counter 1 serves A before B
    qtbot.keyClick(panel, F8)
    assert office.queue.ticket("A-002").state == TicketState.NO_SHOW
    assert panel.ui.noShowValue.text() == "1"
    assert "Kembalikan ke Antrean [Ctrl+R]" in panel.messages.text()
    assert "A\u2011001\u00a0" in panel.ui.historyLabel.text()  # breaks only between calls


def test_the_buttons_do_the_same_as_the_keys(
    counter: tuple[Office, CounterPanel], qtbot: QtBot
) -> None:
    office, panel = counter
    qtbot.mouseClick(panel.ui.callNextButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.ui.doneButton, Qt.MouseButton.LeftButton)
    assert office.queue.ticket("A-001").state == TicketState.DONE
    assert panel.ui.scanEdit.hasFocus()  # a click leaves the focus in the scan field


def test_every_action_shows_its_key_on_its_button(
    counter: tuple[Office, CounterPanel],
) -> None:
    _office, panel = counter
    for name, command in panel.commands.items():
        if command.button is not None:
            assert f"[{KEYS[name]}]" in command.button.text(), name
        assert not command.action.autoRepeat()


def test_one_press_calls_one_ticket(
    make_panel: Callable[..., tuple[Office, CounterPanel]], qtbot: QtBot
) -> None:
    office, panel = make_panel(debounce=True, synchronous=False)
    for _ in range(3):
        office.queue.issue("A", printing=False)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.ui.waitingValue.text() == "3")
    qtbot.keyClick(panel, F5)
    qtbot.keyClick(panel, F5)
    qtbot.mouseDClick(panel.ui.callNextButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: current(panel) == "A-001")
    qtbot.waitUntil(lambda: not office.ctx.actions.busy and not office.ctx.reads.busy)
    assert [t.state for t in office.queue.recent_tickets()] == [
        TicketState.WAITING,
        TicketState.WAITING,
        TicketState.CALLED,
    ]


def test_nobody_waiting_is_a_warning_not_an_error(
    make_panel: Callable[..., tuple[Office, CounterPanel]], qtbot: QtBot
) -> None:
    _office, panel = make_panel()
    panel.call_next()
    assert panel.messages.level == "warning"
    assert "Tidak ada antrean untuk Loket 1" in panel.messages.text()


def test_a_lost_database_is_told_and_nothing_crashes(
    counter: tuple[Office, CounterPanel], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office, panel = counter

    def down(*_args: Any, **_kw: Any) -> None:
        raise OperationalError("UPDATE hall", {}, Exception("connection refused"))

    monkeypatch.setattr(office.queue, "call_next", down)
    monkeypatch.setattr(office.queue, "status", down)
    qtbot.keyClick(panel, F5)  # an unexpected error would fail this test (pytest-qt)
    assert panel.messages.level == "error"
    assert "Gagal: basis data antrean tidak dapat dihubungi" in panel.messages.text()
    assert "connection refused" in panel.messages.text()
    assert panel.ui.onlineLabel.text() == "Terputus"
    monkeypatch.undo()
    qtbot.keyClick(panel, F5)  # the database is back
    assert current(panel) == "A-001"
    assert panel.ui.onlineLabel.text() == "Terhubung"


def test_transfer_sends_the_current_ticket_to_another_line(
    counter: tuple[Office, CounterPanel], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office, panel = counter
    offered: list[list[str]] = []

    def choose(_parent: Any, _title: str, _prompt: str, choices: Any, **_: Any) -> str:
        offered.append([key for key, _label in choices])
        return "B"

    monkeypatch.setattr(dialogs, "choose", choose)
    qtbot.keyClick(panel, F5)
    qtbot.keyClick(panel, F9)
    ticket = office.queue.ticket("A-001")
    assert (ticket.state, ticket.service) == (TicketState.WAITING, "B")
    assert offered == [["B"]]  # not its own line, not the suspended C
    assert "A-001 dipindahkan ke Legalisasi" in panel.messages.text()
    assert current(panel) == "—"


def test_return_puts_a_no_show_back_in_line(
    counter: tuple[Office, CounterPanel], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office, panel = counter
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: None)
    qtbot.keyClick(panel, Qt.Key.Key_R, CTRL)
    assert "belum ada nomor yang ditandai tidak hadir" in panel.messages.text()
    qtbot.keyClick(panel, F5)
    monkeypatch.setattr(dialogs, "question", lambda *a, **k: True)  # just called: asked
    qtbot.keyClick(panel, F8)
    offered: list[Any] = []
    monkeypatch.setattr(
        dialogs, "choose", lambda _p, _t, _m, choices, **k: offered.append(choices) or "A-001"
    )
    qtbot.keyClick(panel, Qt.Key.Key_R, CTRL)
    assert [code for code, _ in offered[0]] == ["A-001"]
    assert office.queue.ticket("A-001").state == TicketState.WAITING
    assert "A-001 kembali masuk antrean" in panel.messages.text()


# --- the scan field -----------------------------------------------------------------------------


def scan(qtbot: QtBot, panel: CounterPanel, text: str) -> None:
    """A USB scanner: characters typed fast into the focused field, then Enter."""
    qtbot.keyClicks(panel.ui.scanEdit, text)
    qtbot.keyClick(panel.ui.scanEdit, Qt.Key.Key_Return)


def test_a_valid_scan_can_be_called_here(
    counter: tuple[Office, CounterPanel], qtbot: QtBot
) -> None:
    office, panel = counter
    ticket = office.queue.ticket("B-001")
    scan(qtbot, panel, ticket.qr)
    assert panel.ui.scanResult.property("level") == "ok"
    assert "Tiket sah: B-001, menunggu" in panel.ui.scanResult.text()
    assert panel.commands["call_ticket"].is_enabled()
    assert panel.ui.scanEdit.selectedText() == ticket.qr  # the next scan replaces it
    qtbot.keyClick(panel.ui.scanEdit, Qt.Key.Key_Return, CTRL)  # focus stays in the field
    assert current(panel) == "B-001"
    assert panel.ui.scanEdit.text() == "" and panel.ui.scanResult.text() == ""


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        (lambda q: make_payload("someone-elses-secret-1234567", q.today(), "A-002"), "tidak sah"),
        (lambda q: make_payload(SECRET, q.today() - timedelta(days=1), "A-002"), "hanya berlaku"),
        (lambda q: q.ticket("A-001").qr, "sudah selesai"),
        (lambda q: "HELLO WORLD", "Bukan QR tiket"),
    ],
    ids=["forged", "other-day", "already-served", "not-a-ticket"],
)
def test_an_invalid_scan_says_why_and_cannot_be_called(
    counter: tuple[Office, CounterPanel],
    qtbot: QtBot,
    payload: Callable[[Any], str],
    words: str,
) -> None:
    office, panel = counter
    office.queue.call_next(1)
    office.queue.done(1)  # A-001 served
    scan(qtbot, panel, payload(office.queue))
    assert panel.ui.scanResult.property("level") == "bad"
    assert words in panel.ui.scanResult.text()
    assert not panel.commands["call_ticket"].is_enabled()
    qtbot.keyClick(panel, Qt.Key.Key_Return, CTRL)
    assert current(panel) == "—"


def test_a_typed_number_works_like_a_scan(
    counter: tuple[Office, CounterPanel], qtbot: QtBot
) -> None:
    office, panel = counter
    scan(qtbot, panel, "a-003")
    assert "B-001" not in panel.ui.scanResult.text()
    assert "A-003: menunggu" in panel.ui.scanResult.text()
    qtbot.mouseClick(panel.ui.callTicketButton, Qt.MouseButton.LeftButton)
    assert office.queue.ticket("A-003").state == TicketState.CALLED
    scan(qtbot, panel, "Z-999")
    assert "Z-999 tidak ditemukan" in panel.ui.scanResult.text()


def test_a_scan_while_the_focus_is_on_a_button_is_not_lost(
    counter: tuple[Office, CounterPanel], qtbot: QtBot
) -> None:
    office, panel = counter
    payload = office.queue.ticket("A-002").qr
    button = panel.ui.callNextButton
    button.setFocus()  # say, reached with Tab
    assert button.hasFocus()
    qtbot.keyClick(button, payload[0])  # the scan's first character lands on the button
    assert panel.ui.scanEdit.hasFocus() and panel.ui.scanEdit.text() == payload[0]
    scan(qtbot, panel, payload[1:])  # the rest follows the focus
    assert "Tiket sah: A-002" in panel.ui.scanResult.text()


@pytest.mark.parametrize("station", [{"public_url": URL}, {}], ids=["same-address", "no-address"])
def test_a_scanned_link_is_checked_and_called_like_the_bare_code(
    make_panel: Callable[..., tuple[Office, CounterPanel]], qtbot: QtBot, station: dict[str, str]
) -> None:
    office, panel = make_panel(web=station)
    printing = make_queue_with_link(office)
    for prefix in "AB":
        printing.issue(prefix, printing=False)
    link = printing.ticket("B-001").qr
    assert link.startswith(f"{URL}/t/CQ1:")
    scan(qtbot, panel, link.replace("B-001", "B-002"))  # a forged link first
    assert panel.ui.scanResult.property("level") == "bad"
    assert "tidak sah" in panel.ui.scanResult.text()
    assert not panel.commands["call_ticket"].is_enabled()
    scan(qtbot, panel, link + "?from=wa")  # typed over the selected first scan
    assert panel.ui.scanEdit.text() == link + "?from=wa"  # the whole link fits the field
    assert panel.ui.scanResult.property("level") == "ok"
    assert "Tiket sah: B-001, menunggu" in panel.ui.scanResult.text()
    qtbot.keyClick(panel.ui.scanEdit, Qt.Key.Key_Return, CTRL)
    assert current(panel) == "B-001"
    assert office.queue.ticket("B-001").state == TicketState.CALLED
    scan(qtbot, panel, f"{URL}/x/{link.rsplit('/', 1)[1]}")  # not the ticket page
    assert "Bukan QR tiket" in panel.ui.scanResult.text()


def make_queue_with_link(office: Office) -> Queue:
    """The desk that printed the tickets: a station whose phone page is at URL."""
    web = office.config.web.model_copy(update={"public_url": URL})
    return Queue(office.queue.db, office.config.model_copy(update={"web": web}))


# --- what the panel shows -----------------------------------------------------------------------


def test_waiting_counts_are_for_this_counters_services(
    counter: tuple[Office, CounterPanel],
) -> None:
    office, panel = counter
    assert set(panel.waiting_labels) == {"A", "B"}
    assert panel.waiting_labels["A"][0].text() == "3"
    assert panel.waiting_labels["B"][0].text() == "1"
    assert panel.ui.waitingValue.text() == "4"
    office.queue.call_next(2)  # counter 2 takes B-001
    panel.refresh()
    assert panel.waiting_labels["B"][0].text() == "0"
    assert panel.waiting_labels["B"][0].property("level") == "none"


def test_follows_another_station_without_a_press(
    make_panel: Callable[..., tuple[Office, CounterPanel]], qtbot: QtBot
) -> None:
    office, panel = make_panel(synchronous=False, watch=True)
    office.queue.issue("A", printing=False)
    office.ctx.start()
    qtbot.waitUntil(lambda: panel.waiting_labels["A"][0].text() == "1")
    office.child("call", "1")  # another PC at the same counter, say after a restart
    assert timed_wait(qtbot, lambda: current(panel) == "A-001", 5 * SHOW_WITHIN_MS) < (
        SHOW_WITHIN_MS
    )


def test_fits_a_1366x768_screen(counter: tuple[Office, CounterPanel]) -> None:
    _office, panel = counter
    hint = panel.minimumSizeHint()
    assert hint.width() <= USABLE[0] and hint.height() <= USABLE[1], hint


def test_an_unknown_counter_is_refused(tmp_path: Path, sqlite_url: str) -> None:
    office = open_office(tmp_path, sqlite_url)
    try:
        with pytest.raises(LookupError):
            CounterPanel(office.ctx, 9)
    finally:
        office.close()


def test_a_no_show_just_after_a_call_or_recall_is_asked_first(
    make_panel: Callable[..., tuple[Office, CounterPanel]],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = FakeClock()
    office, panel = make_panel(clock=clock)
    office.queue.issue("A", printing=False)
    panel.refresh()
    asked: list[str] = []
    answer = {"yes": False}
    monkeypatch.setattr(
        dialogs, "question", lambda _p, _t, text, **k: asked.append(text) or answer["yes"]
    )
    qtbot.keyClick(panel, F5)
    qtbot.waitUntil(lambda: current(panel) == "A-001")
    clock.moment += timedelta(seconds=20)
    qtbot.keyClick(panel, F8)
    assert asked and "20 detik" in asked[-1]
    assert office.queue.ticket("A-001").state == TicketState.CALLED  # "Wait": still called
    clock.moment += timedelta(seconds=NO_SHOW_WAIT_S)
    qtbot.keyClick(panel, F6)  # called again: the wait starts over
    qtbot.waitUntil(lambda: office.queue.ticket("A-001").recalls == 1)
    clock.moment += timedelta(seconds=5)
    qtbot.keyClick(panel, F8)
    assert len(asked) == 2 and "5 detik" in asked[-1]
    assert office.queue.ticket("A-001").state == TicketState.CALLED
    clock.moment += timedelta(seconds=NO_SHOW_WAIT_S)
    qtbot.keyClick(panel, F8)  # a minute on: no question
    qtbot.waitUntil(lambda: office.queue.ticket("A-001").state == TicketState.NO_SHOW)
    assert len(asked) == 2


def test_at_1366x768_the_scan_hint_fits_its_field(
    counter: tuple[Office, CounterPanel], qtbot: QtBot
) -> None:
    _office, panel = counter
    panel.resize(*USABLE)
    edit = panel.ui.scanEdit

    def fits() -> None:
        hint = edit.placeholderText()
        room = edit.width() - edit.height() - 12  # the clear button is about square
        assert hint and edit.fontMetrics().horizontalAdvance(hint) <= room, (hint, room)

    qtbot.waitUntil(fits)
    assert "Enter" in edit.placeholderText()


def test_the_called_again_note_never_breaks_in_two(
    counter: tuple[Office, CounterPanel], qtbot: QtBot
) -> None:
    _office, panel = counter
    qtbot.keyClick(panel, F5)
    qtbot.keyClick(panel, F6)
    qtbot.waitUntil(lambda: "dipanggil\u00a0ulang)" in panel.ui.historyLabel.text())
    assert "(*\u00a0dipanggil\u00a0ulang)" in panel.ui.historyLabel.text()
