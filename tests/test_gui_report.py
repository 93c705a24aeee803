"""The daily report window: opened from the desk's menu, showing the day worked out by hand
in tests/test_report.py, with its charts and its CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import FakeClock
from guikit import SCREEN, USABLE, Office, open_office, station_look
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle, QWidget
from pytestqt.qtbot import QtBot
from test_report import DAY, EXPECTED_COUNTERS, EXPECTED_SERVICES, EXPECTED_TOTAL, play_the_day

from counter_app.core.report import figures_from_csv
from counter_app.gui.desk.window import DeskWindow
from counter_app.gui.report import window as report_window
from counter_app.gui.report.model import ISSUED, NAME, SERVED, WAIT_MEDIAN
from counter_app.gui.report.window import ReportWindow


@pytest.fixture
def office(tmp_path: Path, sqlite_url: str, qapp: QApplication) -> Iterator[Office]:
    clock = FakeClock()
    with station_look(qapp):
        office = open_office(
            tmp_path, sqlite_url, clock=clock, capacity={"limit": 4, "when_full": "wait_outside"}
        )
        play_the_day(office.queue, clock)
        yield office
        office.close()


def open_from_the_desk(qtbot: QtBot, office: Office) -> ReportWindow:
    desk = DeskWindow(office.ctx)
    office.ctx.adopt(desk)
    qtbot.addWidget(desk)
    desk.show()
    action = next(
        a
        for menu in desk.menuBar().actions()
        if menu.menu() is not None
        for a in menu.menu().actions()  # type: ignore[union-attr]
        if a.text() == "Laporan harian…"
    )
    action.trigger()
    window = office.ctx.find("report")
    assert isinstance(window, ReportWindow)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded_once)
    return window


def cell(window: ReportWindow, row: int, column: int) -> str:
    return str(window.model.data(window.model.index(row, column)))


def test_the_desk_menu_opens_the_days_report(qtbot: QtBot, office: Office) -> None:
    window = open_from_the_desk(qtbot, office)
    assert window.day() == DAY
    assert window.windowTitle().startswith("Laporan harian")
    rows = {row.key: r for r, row in enumerate(window.model.rows)}
    assert set(rows) == {"A", "B", "C", "1", "2", "3", ""}
    assert cell(window, rows["A"], NAME) == "A  Pengambilan Dokumen"
    assert cell(window, rows["2"], NAME) == "Loket 2"
    assert cell(window, rows["A"], ISSUED) == "5"
    assert cell(window, rows["A"], WAIT_MEDIAN) == "14,5"  # Indonesian decimal comma
    assert cell(window, rows["1"], SERVED) == "3"
    assert cell(window, rows["1"], ISSUED) == ""  # a counter issues nothing
    assert cell(window, rows["C"], WAIT_MEDIAN) == "–"
    assert cell(window, rows[""], NAME) == "Sepanjang hari"
    assert cell(window, rows[""], SERVED) == str(EXPECTED_TOTAL.served)
    hall = window.hall_label.text()
    assert "4 dari 4 orang" in hall and "09:04" in hall and "19 menit" in hall
    assert "Batas jaga jarak tidak terlampaui" in hall
    assert "Tempat kosong, menunggu rombongan di luar: 0 menit." in hall  # never blocked
    charts = window.charts.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert [type(c).__name__ for c in charts] == ["QChartView", "QChartView"]


def test_another_day_shows_its_own_figures(qtbot: QtBot, office: Office) -> None:
    window = open_from_the_desk(qtbot, office)
    window.set_day(date(2026, 11, 29))
    qtbot.waitUntil(lambda: window.report is not None and window.report.day == date(2026, 11, 29))
    assert window.report is not None and window.report.total.issued == 0
    assert "tidak ada yang masuk" in window.hall_label.text()


def test_export_writes_the_csv_the_command_line_writes(
    qtbot: QtBot, office: Office, tmp_path: Path
) -> None:
    window = open_from_the_desk(qtbot, office)
    target = tmp_path / "laporan.csv"
    window.ask_csv_path = lambda suggested: str(target)  # type: ignore[method-assign]
    window.export_button.click()
    with target.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["service"]: figures_from_csv(r) for r in rows if r["service"]} == EXPECTED_SERVICES
    assert {int(r["counter"]): figures_from_csv(r) for r in rows if r["counter"]} == (
        EXPECTED_COUNTERS
    )


def test_the_window_opens_big_enough_for_its_headers_and_charts(
    qtbot: QtBot, office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = QRect(0, 0, SCREEN[0], SCREEN[1] - 40)  # a 1366 x 768 screen minus the taskbar
    monkeypatch.setattr(report_window, "available_area", lambda _widget: laptop)
    window = open_from_the_desk(qtbot, office)
    qtbot.waitExposed(window)
    assert window.width() >= 1100 and window.height() >= USABLE[1] - 2, window.size()
    assert window.width() <= USABLE[0] and window.height() <= USABLE[1], window.size()
    header = window.table.horizontalHeader()
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    for section in range(header.count()):
        text = str(window.model.headerData(section, Qt.Orientation.Horizontal))
        needed = header.fontMetrics().horizontalAdvance(text) + margin
        assert header.sectionSize(section) >= needed, (text, header.sectionSize(section), needed)
    assert header.length() <= window.table.viewport().width()  # no column out of sight
    for chart in window.charts.findChildren(QWidget):
        if type(chart).__name__ == "QChartView":
            assert chart.height() >= chart.minimumHeight()


def test_the_window_stays_within_a_small_screen(qtbot: QtBot, office: Office) -> None:
    window = open_from_the_desk(qtbot, office)
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
