"""The ready list of finished documents on the desk and at the counter, driven with keys,
clicks and a scanner typing, against a real temporary database (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from guikit import USABLE, Office, open_office, show_active, station_look
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QTableWidget
from pytestqt.qtbot import QtBot

from counter_app.gui.counter.panel import CounterPanel
from counter_app.gui.desk.documents import DocumentKeyDialog, DocumentsDialog
from counter_app.gui.desk.window import DeskWindow

NIK = "6471051203900001"
DOCUMENTS = {"enabled": True, "kinds": {"KK": "A", "KTP-el": "A", "AKTA": "A"}}
NB_HYPHEN = "\u2011"


@pytest.fixture
def make_office(
    tmp_path: Path, sqlite_url: str, qapp: QApplication
) -> Iterator[Callable[..., Office]]:
    offices: list[Office] = []

    def make(db_url: str = sqlite_url, **kw: Any) -> Office:
        kw.setdefault("documents", DOCUMENTS)
        office = open_office(tmp_path, db_url, **kw)
        offices.append(office)
        return office

    with station_look(qapp):
        yield make
        for office in offices:
            office.close()


@pytest.fixture(params=["sqlite", "pg"])
def db(request: pytest.FixtureRequest) -> str:
    return str(request.getfixturevalue(f"{request.param}_url"))


def open_desk(qtbot: QtBot, office: Office) -> DeskWindow:
    window = DeskWindow(office.ctx)
    office.ctx.adopt(window)
    qtbot.addWidget(window)
    window.guard.debounce_s = 0  # tests press faster than people
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: window.loaded_once)
    return window


def open_panel(qtbot: QtBot, office: Office, number: int = 1) -> CounterPanel:
    panel = CounterPanel(office.ctx, number)
    office.ctx.adopt(panel)
    qtbot.addWidget(panel)
    panel.guard.debounce_s = 0
    show_active(qtbot, panel)
    qtbot.waitUntil(lambda: panel.loaded_once)
    return panel


class Asked:
    """Stands in for the desk's question: records the services asked about, answers ``key``."""

    def __init__(self, key: str | None) -> None:
        self.key = key
        self.prefixes: list[str] = []

    def __call__(self, prefix: str) -> str | None:
        self.prefixes.append(prefix)
        return self.key


# --- the desk: a number for a document ----------------------------------------------------------


def test_the_desk_asks_for_the_document_and_issues_with_it(
    make_office: Callable[..., Office], db: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = make_office(db)
    office.queue.mark_ready("KK-2026-0001", "KK", nik=NIK)
    window = open_desk(qtbot, office)
    asked = Asked("KK-2026-0001")
    monkeypatch.setattr(window, "ask_document", asked)

    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: office.codes() == ["A-001"])
    ticket = office.queue.ticket("A-001")
    assert ticket.document is not None
    assert (ticket.document.kind, ticket.document.number) == ("KK", "KK-2026-0001")
    assert asked.prefixes == ["A"]
    qtbot.waitUntil(lambda: "Dokumen: KK KK-2026-0001" in window.messages.text())
    assert NIK not in window.messages.text()

    qtbot.mouseClick(window.service_buttons["B"], Qt.MouseButton.LeftButton)  # no document
    qtbot.waitUntil(lambda: office.codes() == ["A-001", "B-001"])
    assert asked.prefixes == ["A"]
    # the button says so before anyone presses it; legalisation's does not
    notes = {p: b.reason_label.text() for p, b in window.service_buttons.items()}
    assert notes["A"] == "Hanya untuk dokumen yang sudah jadi" and notes["B"] == ""


def test_a_number_by_the_nik_finds_the_persons_ready_document(
    make_office: Callable[..., Office], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = make_office()
    office.queue.mark_ready("KTP-2026-0002", "KTP-el", nik=NIK)
    window = open_desk(qtbot, office)
    monkeypatch.setattr(window, "ask_document", Asked(NIK))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: office.codes() == ["A-001"])
    document = office.queue.ticket("A-001").document
    assert document is not None and document.number == "KTP-2026-0002"


def test_a_document_not_ready_is_refused_in_the_offices_words_and_no_number_is_spent(
    make_office: Callable[..., Office], db: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = make_office(db)
    window = open_desk(qtbot, office)
    monkeypatch.setattr(window, "ask_document", Asked("KK-2026-0404"))

    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: "Belum jadi" in window.messages.text())
    assert window.messages.level == "error"
    assert office.codes() == []
    assert not window.guard.busy

    office.queue.mark_ready("KK-2026-0404", "KK")  # finished after all: the first number
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: office.codes() == ["A-001"])


def test_a_document_already_with_a_number_is_refused(
    make_office: Callable[..., Office], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = make_office()
    office.queue.mark_ready("KK-2026-0001", "KK")
    office.queue.issue("A", printing=False, document="KK-2026-0001")
    window = open_desk(qtbot, office)
    monkeypatch.setattr(window, "ask_document", Asked("KK-2026-0001"))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: "sudah punya nomor antrean A-001" in window.messages.text())
    assert office.codes() == ["A-001"]


def test_cancelling_the_question_issues_nothing(
    make_office: Callable[..., Office], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = make_office()
    window = open_desk(qtbot, office)
    asked = Asked(None)
    monkeypatch.setattr(window, "ask_document", asked)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert asked.prefixes == ["A"]
    assert office.codes() == [] and not window.guard.busy


def test_the_question_takes_a_scanner_typing_then_enter(qtbot: QtBot) -> None:
    dialog = DocumentKeyDialog("Pengambilan Dokumen")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_Return)  # nothing typed: nothing to issue
    assert dialog.isVisible() and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.key_edit, " KK-2026-0001")
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert dialog.key() == "KK-2026-0001"


def test_the_desks_own_question_answered_by_a_scanner_issues_the_number(
    make_office: Callable[..., Office], qtbot: QtBot
) -> None:
    """The real dialog, modal, as F1 opens it: the scanner's keys, then Enter."""
    office = make_office()
    office.queue.mark_ready("KK-2026-0001", "KK")
    window = open_desk(qtbot, office)

    def scan() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DocumentKeyDialog):
            QTimer.singleShot(20, scan)  # not up yet
            return
        qtbot.keyClicks(dialog.key_edit, "KK-2026-0001")
        qtbot.keyClick(dialog.key_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, scan)
    qtbot.keyClick(window, Qt.Key.Key_F1)  # returns once the dialog is answered
    qtbot.waitUntil(lambda: office.codes() == ["A-001"])
    assert office.queue.ticket("A-001").document is not None


def test_a_pickup_service_needs_no_question_when_the_ready_list_is_off(
    make_office: Callable[..., Office], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = make_office(documents={"enabled": False})
    window = open_desk(qtbot, office)
    asked = Asked("x")
    monkeypatch.setattr(window, "ask_document", asked)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: office.codes() == ["A-001"])
    assert asked.prefixes == []
    assert window.documents_command is None
    assert "&Dokumen" not in [a.text() for a in window.menuBar().actions()]


# --- the desk: the Documents dialog ---------------------------------------------------------------


def cells(table: QTableWidget) -> list[list[str]]:
    rows = []
    for r in range(table.rowCount()):
        items = [table.item(r, c) for c in range(table.columnCount())]
        rows.append([item.text() if item is not None else "" for item in items])
    return rows


def test_the_documents_dialog_marks_one_ready_and_hands_one_over(
    make_office: Callable[..., Office], qtbot: QtBot
) -> None:
    office = make_office()
    window = open_desk(qtbot, office)
    assert "&Dokumen" in [a.text() for a in window.menuBar().actions()]
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = window.documents_dialog
    assert isinstance(dialog, DocumentsDialog)
    qtbot.waitUntil(lambda: dialog.loaded_once)
    assert [dialog.kind_box.itemText(i) for i in range(dialog.kind_box.count())] == [
        "KK",
        "KTP-el",
        "AKTA",
    ]

    qtbot.keyClicks(dialog.number_edit, "KK-2026-0007")
    dialog.kind_box.setCurrentText("KK")
    qtbot.keyClicks(dialog.nik_edit, NIK)
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "KK KK-2026-0007 siap diambil" in dialog.message.text())
    assert office.queue.document("KK-2026-0007").state == "ready"
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    row = cells(dialog.table)[0]
    assert row[:3] == ["KK-2026-0007", "KK", "************0001"]
    assert not any(NIK in text for text in row)  # staff screens show the NIK masked
    assert dialog.number_edit.text() == "" and dialog.nik_edit.text() == ""

    qtbot.keyClicks(dialog.hand_edit, "KK-2026-0007")  # a scanner: the number, then Enter
    qtbot.keyClick(dialog.hand_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "KK KK-2026-0007 sudah diserahkan" in dialog.message.text())
    assert office.queue.document("KK-2026-0007").state == "handed"
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)


def test_the_documents_dialog_says_the_queues_refusals(
    make_office: Callable[..., Office], qtbot: QtBot
) -> None:
    office = make_office()
    window = open_desk(qtbot, office)
    dialog = window.open_documents()
    qtbot.waitUntil(lambda: dialog.loaded_once)
    qtbot.keyClicks(dialog.hand_edit, "KK-0000-404")
    qtbot.keyClick(dialog.hand_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "tidak ada di daftar dokumen jadi" in dialog.message.text())
    assert dialog.message.property("level") == "error"
    qtbot.keyClicks(dialog.number_edit, "KK-2026-0008")
    qtbot.keyClicks(dialog.nik_edit, "1234")
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "NIK" in dialog.message.text())
    assert office.queue.documents() == []
    assert dialog.nik_edit.text() == "1234"  # kept, to be corrected


# --- the counter: what to fetch, and handed over when served -----------------------------------


def fetch_text(panel: CounterPanel) -> str:
    return panel.ui.currentDocument.text().replace(NB_HYPHEN, "-")


def test_the_counter_shows_what_to_fetch_and_done_hands_it_over(
    make_office: Callable[..., Office], db: str, qtbot: QtBot
) -> None:
    office = make_office(db)
    office.queue.mark_ready("KK-2026-0001", "KK", nik=NIK)
    office.queue.issue("A", printing=False, document="KK-2026-0001")
    office.queue.issue("B", printing=False)
    panel = open_panel(qtbot, office)
    assert panel.ui.currentDocument.isHidden()

    qtbot.keyClick(panel, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: panel.ui.currentCode.text() == "A-001")
    assert fetch_text(panel) == "Ambil: KK · KK-2026-0001"
    assert panel.ui.currentDocument.isVisible()
    assert NIK not in panel.ui.currentDocument.text()
    box = panel.ui.currentBox.contentsRect()
    assert panel.ui.currentDocument.geometry().width() <= box.width()

    qtbot.keyClick(panel, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: panel.ui.currentCode.text() == "—")
    assert office.queue.document("KK-2026-0001").state == "handed"
    assert office.queue.document("KK-2026-0001").ticket_code == "A-001"
    assert "KK KK-2026-0001 sudah diserahkan" in panel.messages.text()
    assert panel.ui.currentDocument.isHidden()

    qtbot.keyClick(panel, Qt.Key.Key_F5)  # a ticket without a document: nothing to fetch
    qtbot.waitUntil(lambda: panel.ui.currentCode.text() == "B-001")
    assert panel.ui.currentDocument.isHidden()


def test_call_next_after_a_document_hands_it_over_too(
    make_office: Callable[..., Office], qtbot: QtBot
) -> None:
    office = make_office()
    office.queue.mark_ready("AKTA-0003", "AKTA")
    office.queue.issue("A", printing=False, document="AKTA-0003")
    office.queue.issue("B", printing=False)
    panel = open_panel(qtbot, office)
    qtbot.keyClick(panel, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: fetch_text(panel) == "Ambil: AKTA · AKTA-0003")
    qtbot.keyClick(panel, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: panel.ui.currentCode.text() == "B-001")
    assert office.queue.document("AKTA-0003").state == "handed"
    assert panel.ui.currentDocument.isHidden()


def test_a_document_handed_over_at_the_desk_meanwhile_says_so(
    make_office: Callable[..., Office], qtbot: QtBot
) -> None:
    office = make_office()
    office.queue.mark_ready("KK-2026-0001", "KK")
    office.queue.issue("A", printing=False, document="KK-2026-0001")
    panel = open_panel(qtbot, office)
    qtbot.keyClick(panel, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: panel.ui.currentDocument.isVisible())
    office.queue.hand_over("KK-2026-0001")
    panel.refresh()
    qtbot.waitUntil(lambda: fetch_text(panel) == "Sudah diserahkan: KK · KK-2026-0001")
    assert panel.ui.currentDocument.property("level") == "handed"


def resized(panel: CounterPanel, width: int) -> bool:
    return panel.width() == width


def test_the_counter_with_a_document_still_fits_a_1366x768_screen(
    make_office: Callable[..., Office], qtbot: QtBot
) -> None:
    office = make_office()
    office.queue.mark_ready("KTP-el-2026-000123456", "KTP-el")
    office.queue.issue("A", printing=False, document="KTP-el-2026-000123456", group=3)
    panel = open_panel(qtbot, office)
    qtbot.keyClick(panel, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: panel.ui.currentDocument.isVisible())
    hint = panel.minimumSizeHint()
    assert hint.width() <= USABLE[0] and hint.height() <= USABLE[1], hint
    for width in (USABLE[0], 1024):  # the usual laptop, and a small old screen
        panel.resize(width, USABLE[1])
        qtbot.waitUntil(partial(resized, panel, max(width, hint.width())))
        label, box = panel.ui.currentDocument, panel.ui.currentBox
        assert label.geometry().right() <= box.contentsRect().right()
        assert label.geometry().bottom() <= box.contentsRect().bottom()
        assert label.height() >= label.heightForWidth(label.width()), "its text is cut"
