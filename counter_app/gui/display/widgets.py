"""Drawing pieces of the lobby display: text that fits its box, cards, the ticker, a bar.

Every piece takes its size from the layout (size policy Ignored, proportions by
stretch) and its font from its own height, so the same screen works at 1366x768,
1920x1080 and 4K without a font size written down anywhere.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from counter_app.core import hall

#: Clear sans-serif faces: Windows, then Linux distributions, then anything.
FAMILIES = ["Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "sans-serif"]


def display_font(px: int, weight: QFont.Weight = QFont.Weight.Bold) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setWeight(weight)
    font.setPixelSize(max(1, px))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    t = min(1.0, max(0.0, share_of_b))
    return QColor.fromRgbF(
        a.redF() * (1 - t) + b.redF() * t,
        a.greenF() * (1 - t) + b.greenF() * t,
        a.blueF() * (1 - t) + b.blueF() * t,
    )


def ignored(widget: QWidget) -> None:
    """Let the layout's stretch factors alone decide the widget's size."""
    widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)


class FitLabel(QLabel):
    """One line of text as large as its box allows: ``fill`` of the height, less if too wide."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        fill: float = 0.8,
        weight: QFont.Weight = QFont.Weight.Bold,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
        colour: QColor | None = None,
    ) -> None:
        super().__init__(text, parent)
        self._fill = fill
        self._weight = weight
        self._max_px = 0  # 0: no cap
        self._fitted: tuple[str, int, int, int] | None = None
        ignored(self)
        self.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._colour = QColor(colour) if colour is not None else QColor("#ffffff")
        self._fitted_font = self.font()

    @property
    def colour(self) -> QColor:
        return QColor(self._colour)

    def set_colour(self, colour: QColor) -> None:
        if colour != self._colour:
            self._colour = QColor(colour)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Drawn here, not by QLabel: an application style sheet (the desk's, when the display
        # opens from the desk's menu) would otherwise repaint the text in its own colour.
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self._fitted_font)
        painter.setPen(self._colour)
        painter.drawText(self.contentsRect(), int(self.alignment()), self.text())

    def set_text(self, text: str) -> None:
        if text != self.text():
            self.setText(text)
            self._fit()

    def set_max_px(self, px: int) -> None:
        """Cap the size, so that labels of one kind (titles) match across boxes."""
        self._max_px = px
        self._fit()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        box = self.contentsRect()
        text = self.text()
        key = (text, box.width(), box.height(), self._max_px)
        if key == self._fitted or box.width() <= 0 or box.height() <= 0:
            return
        self._fitted = key
        px = max(1, int(box.height() * self._fill))
        if self._max_px:
            px = min(px, self._max_px)
        font = display_font(px, self._weight)
        metrics = QFontMetrics(font)
        while metrics.height() > box.height() and px > 1:  # a face's line exceeds its px size
            px = max(1, min(px - 1, px * box.height() // metrics.height()))
            font.setPixelSize(px)
            metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(text) if text else 0
        while width > box.width() and px > 1:  # too wide: shrink, exactly, without eliding
            px = max(1, min(px - 1, px * box.width() // width))
            font.setPixelSize(px)
            metrics = QFontMetrics(font)
            width = metrics.horizontalAdvance(text)
        self._fitted_font = font
        if font != self.font():
            self.setFont(font)
        self.update()

    def fits(self) -> bool:
        """Whether the text is shown whole (for tests and the screenshots' self-check)."""
        metrics = QFontMetrics(self._fitted_font)
        box = self.contentsRect()
        return (
            metrics.horizontalAdvance(self.text()) <= box.width()
            and metrics.height() <= box.height()
        )


class Card(QWidget):
    """A rounded panel; it paints itself, so a flash costs one repaint and no style sheet."""

    def __init__(self, fill: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fill = QColor(fill)
        self._edge: QColor | None = None
        self._radius = 8.0
        ignored(self)

    def set_fill(self, colour: QColor, edge: QColor | None = None) -> None:
        if colour != self._fill or edge != self._edge:
            self._fill = QColor(colour)
            self._edge = QColor(edge) if edge is not None else None
            self.update()

    def set_radius(self, radius: float) -> None:
        self._radius = radius

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = QRectF(self.rect())
        if self._edge is not None:
            painter.setBrush(self._edge)
            painter.drawRoundedRect(rect, self._radius, self._radius)
            inset = max(2.0, self._radius / 3)
            rect = rect.adjusted(inset, inset, -inset, -inset)
        painter.setBrush(self._fill)
        radius = max(0.0, self._radius - (QRectF(self.rect()).width() - rect.width()) / 2)
        painter.drawRoundedRect(rect, radius, radius)


class OccupancyBar(QWidget):
    """How full the hall is, as a bar; turns the warning colour when full."""

    def __init__(
        self, track: QColor, fill: QColor, full: QColor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._track, self._fill, self._full = track, fill, full
        self._share = 0.0
        self._is_full = False
        ignored(self)

    def set_value(self, inside: int, limit: int) -> None:
        share = min(1.0, inside / limit) if limit > 0 else 0.0
        is_full = limit > 0 and hall.is_full(inside, limit)
        if share != self._share or is_full != self._is_full:
            self._share, self._is_full = share, is_full
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = QRectF(self.rect())
        radius = rect.height() / 2
        painter.setBrush(self._track)
        painter.drawRoundedRect(rect, radius, radius)
        if self._share > 0:
            done = QRectF(rect.x(), rect.y(), max(rect.height(), rect.width() * self._share), 0)
            done.setHeight(rect.height())
            painter.setBrush(self._full if self._is_full else self._fill)
            painter.drawRoundedRect(done, radius, radius)


class Ticker(QWidget):
    """Text that scrolls right to left, endlessly.

    The line is drawn once into a pixmap; each frame only blits it at an offset taken
    from a clock (not a frame count), so the speed is steady even when frames are late,
    and the widget is opaque, so a frame never repaints what lies behind it.
    """

    FRAME_MS = 16

    def __init__(
        self, text: str, background: QColor, foreground: QColor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._text = text
        self._background = QColor(background)
        self._foreground = QColor(foreground)
        self._strip: QPixmap | None = None
        self._gap = 0
        self._frozen_at: int | None = None
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.FRAME_MS)
        self._timer.timeout.connect(self.update)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        ignored(self)

    @property
    def text(self) -> str:
        return self._text

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._strip = None
            self.update()

    def start(self) -> None:
        self._frozen_at = None
        if not self._timer.isActive() and self._text:
            self._clock.start()
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def freeze_at_start(self, margin: int = 0) -> None:
        """Stop with the line's beginning at the left edge (for screenshots)."""
        self.stop()
        self._frozen_at = self.width() - margin
        self.update()

    def speed(self) -> float:
        """Pixels a second: about a tenth of the width a second, readable in passing."""
        return max(40.0, self.height() * 2.2)

    def offset(self) -> int:
        if self._frozen_at is not None:
            return self._frozen_at
        if self._strip is None or not self._clock.isValid():
            return 0
        period = self._strip.width() + self._gap
        travelled = int(self._clock.elapsed() * self.speed() / 1000)
        return travelled % max(1, period)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._strip = None

    def _render(self) -> QPixmap:
        font = display_font(int(self.height() * 0.52), QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        ratio = self.devicePixelRatioF()
        width = max(1, metrics.horizontalAdvance(self._text))
        strip = QPixmap(int(width * ratio) + 1, int(self.height() * ratio) + 1)
        strip.setDevicePixelRatio(ratio)
        strip.fill(self._background)
        painter = QPainter(strip)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(self._foreground)
        baseline = (self.height() + metrics.ascent() - metrics.descent()) // 2
        painter.drawText(0, baseline, self._text)
        painter.end()
        self._gap = max(self.width() // 3, metrics.horizontalAdvance("    "))
        return strip

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._background)
        if not self._text:
            return
        if self._strip is None:
            self._strip = self._render()
        logical = self._strip.width() / self._strip.devicePixelRatio()
        period = logical + self._gap
        # the line enters at the right edge and moves left; copies follow one period apart
        x: float = self.width() - self.offset()
        if x > -logical:
            x -= math.ceil((x + logical) / period) * period
        while x < self.width():
            painter.drawPixmap(int(x), 0, self._strip)
            x += period
