"""The desk's online bookings: the list (masked, searchable) and check-in by scan, by the
booked number and by NIK, on a real database through the desk's own start-up code."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import FakeClock
from guikit import Office, open_office, show_active, station_look
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.gui.desk.bookings import BookingsDialog
from counter_app.gui.desk.window import DeskWindow

WITA = ZoneInfo("Asia/Makassar")
NIKS = ("6471051203900001", "6471055203900002", "6471051203900003")


@pytest.fixture
def office(tmp_path: Path, db_url: str, qapp: QApplication) -> Iterator[tuple[Office, FakeClock]]:
    clock = FakeClock(datetime(2026, 11, 30, 7, 30, tzinfo=WITA))  # Monday, before opening
    with station_look(qapp):
        office = open_office(
            tmp_path,
            db_url,
            clock=clock,
            office={"opening_hours": "08:00-15:00"},
            booking={"enabled": True, "grace_minutes": 15},
            services=[
                {
                    "prefix": "A",
                    "name": "Pengambilan Dokumen",
                    "daily_quota": 10,
                    "online_quota": 4,
                    "average_minutes": 30,
                },
            ],
            counters=[{"number": 1, "services": ["A"]}],
            printer={"kind": "none"},
        )
        try:
            yield office, clock
        finally:
            office.close()


def open_desk(office: Office, qtbot: QtBot) -> DeskWindow:
    window = DeskWindow(office.ctx)
    office.ctx.adopt(window)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: window.loaded_once)
    return window


def texts(dialog: BookingsDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_list_check_in_by_scan_number_and_nik(
    office: tuple[Office, FakeClock], qtbot: QtBot
) -> None:
    office_, clock = office
    queue = office_.queue
    made = [queue.book("A", clock.moment.date(), nik) for nik in NIKS]
    clock.moment = datetime(2026, 11, 30, 8, 5, tzinfo=WITA)
    window = open_desk(office_, qtbot)
    assert window.bookings_command is not None
    assert "Ctrl+B" in window.findChild(type(window.ui.reprintButton), "bookingsButton").text()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = window.bookings_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded_once and dialog.table.rowCount() == 3)
    rows = texts(dialog)
    assert [r[0] for r in rows] == ["AD-001", "AD-002", "AD-003"]
    assert rows[0][1] == "08:00-08:30" and rows[0][3] == "************0001"
    assert all(NIKS[0] not in cell for row in rows for cell in row)  # masked on screen
    assert rows[0][4] == "dipesan"

    dialog.search_edit.setText("0002")  # the NIK's last digits
    qtbot.waitUntil(lambda: [r[0] for r in texts(dialog)] == ["AD-002"])
    dialog.search_edit.setText("ad-3")
    qtbot.waitUntil(lambda: [r[0] for r in texts(dialog)] == ["AD-003"])
    dialog.search_edit.clear()

    assert made[0].secret is not None  # the scanner types the QR's link and Enter
    qtbot.keyClicks(dialog.check_in_edit, f"http://antrean.example/b/{made[0].secret}")
    qtbot.keyClick(dialog.check_in_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "AD-001" in dialog.message.text())
    assert "boleh masuk" in dialog.message.text()
    assert dialog.check_in_edit.text() == ""  # ready for the next scan
    qtbot.waitUntil(lambda: texts(dialog)[0][4] == "sudah datang")

    qtbot.keyClicks(dialog.check_in_edit, "AD-001")  # again: refused, said why
    qtbot.keyClick(dialog.check_in_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "sudah dipakai" in dialog.message.text())
    assert dialog.message.property("level") == "error"

    qtbot.keyClicks(dialog.check_in_edit, NIKS[1])
    qtbot.keyClick(dialog.check_in_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "AD-002" in dialog.message.text())
    dialog.reject()
    window.refresh()
    qtbot.waitUntil(lambda: {"AD-001", "AD-002"} <= set(office_.codes()))
    assert queue.status().occupancy == 2  # in the hall like any ticket


def test_a_late_booking_is_shown_late(office: tuple[Office, FakeClock], qtbot: QtBot) -> None:
    office_, clock = office
    office_.queue.book("A", clock.moment.date(), NIKS[0])  # 08:00-08:30
    clock.moment = datetime(2026, 11, 30, 8, 50, tzinfo=WITA)  # past the 15 minutes' grace
    window = open_desk(office_, qtbot)
    dialog = window.open_bookings()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert texts(dialog)[0][4] == "terlambat"
    assert "1 terlambat" in dialog.summary.text()
