"""The daily report's two charts (QtCharts): arrivals per hour and occupancy over the day.

QtCharts is imported only here and only when the report window draws, so an installation
without it still shows the report's table (``available()`` says whether it can draw).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from counter_app.core.report import DayReport
from counter_app.gui.shell import style

if TYPE_CHECKING:
    from PySide6.QtCharts import QChart

FIRST_HOUR, LAST_HOUR = 7, 17  # shown at least: the office's usual day
_LIMIT = QColor(style.RED)
_OCCUPANCY = QColor("#1d4ed8")
_SERVICE_COLOURS = ("#1d4ed8", "#0f766e", "#b45309", "#7c3aed", "#be185d", "#4d7c0f")


def available() -> bool:
    try:
        from PySide6 import QtCharts  # noqa: F401
    except ImportError:
        return False
    return True


def hour_span(report: DayReport) -> tuple[int, int]:
    """The hours the charts show: the usual day, widened to every hour with activity."""
    busy = [h for h, n in enumerate(report.arrivals) if n]
    busy += [at.hour for at, _n in report.occupancy[1:]]
    first = min([FIRST_HOUR, *busy])
    last = max([LAST_HOUR, *(h + 1 for h in busy)])
    return first, min(last, 24)


def arrivals_chart(report: DayReport, parent: QWidget | None = None) -> QWidget:
    from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QStackedBarSeries, QValueAxis

    first, last = hour_span(report)
    series = QStackedBarSeries()
    for i, line in enumerate(report.services):
        if not any(line.arrivals):
            continue
        bar = QBarSet(f"{line.prefix} {line.name}")
        bar.setColor(QColor(_SERVICE_COLOURS[i % len(_SERVICE_COLOURS)]))
        bar.append([float(n) for n in line.arrivals[first:last]])
        series.append(bar)
    chart = _chart(QCoreApplication.translate("report_charts", "Arrivals per hour"))
    chart.addSeries(series)
    hours = QBarCategoryAxis()
    hours.append([f"{h:02d}" for h in range(first, last)])
    hours.setTitleText(QCoreApplication.translate("report_charts", "Hour"))
    counts = QValueAxis()
    counts.setLabelFormat("%d")
    counts.setRange(0, max(1, *report.arrivals[first:last]))
    counts.applyNiceNumbers()
    counts.setTitleText(QCoreApplication.translate("report_charts", "Tickets"))
    chart.addAxis(hours, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(hours)
    series.attachAxis(counts)
    chart.legend().setVisible(series.count() > 0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return _view(chart, parent)


def occupancy_chart(report: DayReport, parent: QWidget | None = None) -> QWidget:
    from PySide6.QtCharts import QLineSeries, QValueAxis

    first, last = hour_span(report)
    occupancy = QLineSeries()
    occupancy.setName(QCoreApplication.translate("report_charts", "Persons inside"))
    occupancy.setPen(QPen(_OCCUPANCY, 2))
    level = 0
    occupancy.append(float(first), 0.0)
    for at, inside in report.occupancy[1:]:
        x = at.hour + at.minute / 60 + at.second / 3600
        if at.date() != report.day:
            x = 24.0  # the day change, written after midnight, counts at midnight
        occupancy.append(x, float(level))  # a step: flat until the change, then up or down
        occupancy.append(x, float(inside))
        level = inside
    if report.peak_at is None:
        occupancy.append(float(last), 0.0)  # nobody came: a flat line over the day
    limit = QLineSeries()
    limit.setName(
        QCoreApplication.translate("report_charts", "Limit ({limit} persons)").format(
            limit=report.limit
        )
    )
    pen = QPen(_LIMIT, 2)
    pen.setStyle(Qt.PenStyle.DashLine)
    limit.setPen(pen)
    limit.append(float(first), float(report.limit))
    limit.append(float(last), float(report.limit))

    chart = _chart(QCoreApplication.translate("report_charts", "Occupancy of the hall"))
    chart.addSeries(occupancy)
    chart.addSeries(limit)
    hours = QValueAxis()
    hours.setRange(first, last)
    hours.setTickCount(last - first + 1)
    hours.setLabelFormat("%02d")
    hours.setTitleText(QCoreApplication.translate("report_charts", "Hour"))
    persons = QValueAxis()
    persons.setLabelFormat("%d")
    persons.setRange(0, max(report.limit, report.peak_occupancy) + 1)
    persons.applyNiceNumbers()
    persons.setTitleText(QCoreApplication.translate("report_charts", "Persons"))
    chart.addAxis(hours, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(persons, Qt.AlignmentFlag.AlignLeft)
    for series in (occupancy, limit):
        series.attachAxis(hours)
        series.attachAxis(persons)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return _view(chart, parent)


def _chart(title: str) -> QChart:
    from PySide6.QtCharts import QChart

    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _view(chart: QChart, parent: QWidget | None) -> QWidget:
    from PySide6.QtCharts import QChartView

    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view
