"""Small widgets and widget helpers the two windows share."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QWidget,
)

from counter_app.gui.shell.style import set_state

MESSAGE_MS = {"info": 6000, "warning": 12000, "error": 0}  # 0: stays until replaced


class ServiceButton(QPushButton):
    """One big button per service: its F key, letter, name, quota left and, when it
    cannot issue, why not. The labels let clicks through to the button."""

    def __init__(
        self, prefix: str, key: str, parent: QWidget | None = None, *, compact: bool = False
    ) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.compact = compact  # two lines: a reason or note takes the quota's place
        self.setProperty("role", "service")
        self.setObjectName(f"service_{prefix}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 58 if compact else 84)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the focus where it was
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 5 if compact else 10, 14, 5 if compact else 10)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        self.key_label = self._label("serviceKey", key)
        self.key_label.setVisible(bool(key))  # past F9 a service has no key
        self.prefix_label = self._label("servicePrefix", prefix)
        self.name_label = self._label("serviceName", "", elide=True)
        self.quota_label = self._label("serviceQuota", "", elide=True)
        self.reason_label = self._label("serviceReason", "")
        self.reason_label.setWordWrap(True)
        # rows 0 and 4 take the spare height, so the words sit in the middle of the button
        if compact:  # beside the name, so the two lines keep clear of it
            grid.addWidget(self.key_label, 1, 2, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(self.name_label, 1, 1)
        else:
            grid.addWidget(self.key_label, 0, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.name_label, 1, 1, 1, 2)
        grid.addWidget(self.prefix_label, 0, 0, 5, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.quota_label, 2, 1, 1, 2)
        grid.addWidget(self.reason_label, 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 48)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(4, 1)

    def _label(self, name: str, text: str, *, elide: bool = False) -> QLabel:
        label = ElidedLabel(self) if elide else QLabel(self)
        label.setText(text)
        label.setObjectName(name)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        return label

    def show_state(
        self, name: str, quota: str, *, low: bool, reason: str | None, note: str | None = None
    ) -> None:
        """``reason`` disables the button and says why; ``note`` only informs."""
        self.name_label.setText(name)
        self.quota_label.setText(quota)
        set_state(self.quota_label, "level", "low" if low else None)
        text = reason or note or ""
        self.reason_label.setText(text)
        self.reason_label.setVisible(bool(text))
        self.quota_label.setVisible(not (self.compact and text))
        set_state(self.reason_label, "level", None if reason else "info")
        self.setEnabled(reason is None)
        self.setToolTip("\n".join(line for line in (name, quota, text) if line))
        self.setAccessibleName(f"{self.prefix} {name}")
        self.setAccessibleDescription(f"{quota}. {text}".strip(" ."))


class MessageBar(QObject):
    """The line under the header that says what just happened, or what went wrong.

    Refusals go here, not into a modal box: at the desk a box that must be clicked
    away costs time with a visitor waiting.
    """

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        self.level: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        # Always there, empty when there is nothing to say: the buttons below never jump.
        label.setMinimumHeight(36)
        self.clear()

    def show(self, level: str, text: str) -> None:
        self.level = level
        self.label.setText(text)
        set_state(self.label, "level", level)
        timeout = MESSAGE_MS.get(level, 0)
        if timeout:
            self._timer.start(timeout)
        else:
            self._timer.stop()

    def clear(self) -> None:
        self.level = None
        self.label.clear()
        set_state(self.label, "level", "idle")

    def text(self) -> str:
        return self.label.text() if self.level else ""


def set_light(light: QLabel, text_label: QLabel, level: str, text: str, tooltip: str = "") -> None:
    """A coloured dot (ok, warning, error, off) and its words."""
    set_state(light, "light", level)
    text_label.setText(text)
    text_label.setToolTip(tooltip or text)
    light.setToolTip(tooltip or text)


class ImageLabel(QLabel):
    """An image scaled to fit, in proportion, drawn like a slip of paper; the label's text
    while there is no image. (Promoted from QLabel in ui/desk_window.ui.)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self.setMinimumSize(80, 80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def image(self) -> QImage | None:
        return self._image

    def set_image(self, image: QImage | None) -> None:
        self._image = image
        self.update()

    def image_rect(self) -> QRect:
        """Where the image is drawn: as large as fits, never larger than its own size."""
        if self._image is None or self._image.isNull():
            return QRect()
        area = self.contentsRect().adjusted(6, 6, -6, -6)
        size = self._image.size()
        if size.width() > area.width() or size.height() > area.height():
            size = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        rect = QRect(0, 0, size.width(), size.height())
        rect.moveCenter(area.center())
        return rect

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is None or self._image.isNull():
            super().paintEvent(event)
            return
        rect = self.image_rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 28))  # a soft shadow
        painter.drawImage(rect, self._image)
        painter.setPen(QColor("#c9d1dc"))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()


class ElidedLabel(QLabel):
    """One line of text that gives way: it ends in "…" rather than widening the window
    (a long office or service name on a 1366-pixel screen). Promoted in the .ui forms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Preferred: its full width when there is room, down to 40 pixels when there is not
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            text,
            QPalette.ColorRole.WindowText,
        )
        painter.end()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)  # the whole of it, when the label shows only the start


def list_table(parent: QWidget, name: str, headers: list[str], stretch: int) -> QTableWidget:
    """A staff list (the day's bookings, the ready documents): read-only rows selected
    whole, columns as wide as their contents but ``stretch``, which takes the rest."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
