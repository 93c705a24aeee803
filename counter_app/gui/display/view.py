"""The lobby display's layout and styling: draws a Board, nothing else.

Proportions, not pixels: every region is a share of the window (layout stretch), every
font a share of its region (FitLabel), so one layout reads from 10 m on a 1080p or 4K
television and still fits a 1366x768 screen. The colours come from [display.theme].
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.core.config import ThemeSettings
from counter_app.gui.display.board import (
    ADMIT_SLOTS,
    NO_TICKET,
    Board,
    format_date,
    format_time,
    words,
    zone_name,
)
from counter_app.gui.display.widgets import Card, FitLabel, OccupancyBar, Ticker, mix

FLASHES = 3
FLASH_MS = 380  # each half of a flash: on, then off


@dataclass(frozen=True)
class ViewSettings:
    office: str
    ticker: str
    language: str
    theme: ThemeSettings
    counters: tuple[tuple[int, str], ...]  # number, name: the tiles, fixed by the config
    recent_calls: int
    wait_outside: bool


#: WCAG 2's AAA contrast for normal text; the hall reads the display from metres away.
AAA = 7.0


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1.0 to 21.0."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class Palette:
    """The theme's five colours and the shades made from them."""

    def __init__(self, theme: ThemeSettings) -> None:
        self.background = QColor(theme.background)
        self.foreground = QColor(theme.foreground)
        self.accent = QColor(theme.accent)
        self.highlight = QColor(theme.highlight)
        self.muted = QColor(theme.muted)
        self.panel = mix(self.background, self.foreground, 0.07)
        self.tile = mix(self.background, self.foreground, 0.12)
        self.band = mix(self.background, QColor("#000000"), 0.35)
        self.track = mix(self.background, self.foreground, 0.18)

    def text_pairs(self) -> list[tuple[str, QColor, QColor]]:
        """Each (what, text colour, colour behind it) the display draws."""
        return [
            ("office, date, ticker", self.foreground, self.band),
            ("subtitle", self.muted, self.band),
            ("clock", self.accent, self.band),
            ("captions", self.muted, self.panel),
            ("newest number", self.accent, self.panel),
            ("newest counter", self.foreground, self.panel),
            ("counter names, recent calls", self.foreground, self.tile),
            ("counter numbers", self.accent, self.tile),
            ("idle counters, recent counters", self.muted, self.tile),
            ("come-in title, hall full, sound note", self.highlight, self.panel),
            ("notices, flashing number", self.background, self.highlight),
        ]

    def low_contrast(self, minimum: float = AAA) -> list[str]:
        """The pairs below ``minimum`` (7:1, WCAG AAA), as "what 4.2:1" for the log."""
        return [
            f"{what} {ratio:.1f}:1"
            for what, text, behind in self.text_pairs()
            if (ratio := contrast(text, behind)) < minimum
        ]


def _box(layout: QBoxLayout, *items: tuple[QWidget, int]) -> None:
    for widget, stretch in items:
        layout.addWidget(widget, stretch)


class Flasher:
    """Blinks a card in the highlight colour: FLASHES times, then back to normal."""

    def __init__(self, owner: QWidget, apply: Callable[[bool], None]) -> None:
        self._apply = apply
        self._left = 0
        self._timer = QTimer(owner)
        self._timer.setInterval(FLASH_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def active(self) -> bool:
        return self._left > 0

    def start(self) -> None:
        self._left = 2 * FLASHES
        self._apply(True)
        self._timer.start()

    def _tick(self) -> None:
        self._left -= 1
        self._apply(self._left > 0 and self._left % 2 == 0)
        if self._left <= 0:
            self._timer.stop()


class DisplayView(QWidget):
    """Everything the hall sees. ``show_board`` updates it; ``repainted`` follows the paint."""

    repainted = Signal(int)  # the hall version now on screen

    def __init__(self, settings: ViewSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.words = words(settings.language)
        self.colours = c = Palette(settings.theme)
        self._version = -1
        self._painted = -1
        self._board: Board | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAutoFillBackground(False)
        self._cards: list[Card] = []
        self._inner: list[QBoxLayout | QGridLayout] = []  # inside cards: small gaps

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self._root = root

        # --- header: office name, date and clock --------------------------------------
        self.header = Card(c.band)
        header = self._header_layout = QHBoxLayout(self.header)
        names = self._vbox()
        self.office = FitLabel(settings.office, fill=0.78, align=_LEFT, colour=c.foreground)
        self.subtitle = FitLabel(
            self.words["subtitle"],
            fill=0.75,
            weight=QFont.Weight.Normal,
            align=_LEFT,
            colour=c.muted,
        )
        _box(names, (self.office, 60), (self.subtitle, 40))
        self._subtitle_text = self.subtitle.text()
        when = self._vbox()
        self.clock = FitLabel("", fill=0.86, align=_RIGHT, colour=c.accent)
        self.date = FitLabel(
            "", fill=0.75, weight=QFont.Weight.Normal, align=_RIGHT, colour=c.foreground
        )
        _box(when, (self.clock, 60), (self.date, 40))
        header.addLayout(names, 62)
        header.addLayout(when, 38)

        # --- body: now serving and counters | recent calls, come in, hall ---------------
        body, left, right = QHBoxLayout(), QVBoxLayout(), QVBoxLayout()
        self._columns = (body, left, right)
        body.addLayout(left, 61)
        body.addLayout(right, 39)

        self.now_card = self._card(c.panel)
        now = self._vbox(self.now_card)
        self.now_caption = FitLabel(self.words["now_caption"], fill=0.8, colour=c.muted)
        self.now_code = FitLabel(NO_TICKET, fill=0.98, colour=c.accent)
        self.now_where = FitLabel("", fill=0.9, colour=c.foreground)
        _box(now, (self.now_caption, 13), (self.now_code, 58), (self.now_where, 25))
        self._now_flash = Flasher(self, self._paint_now_flash)

        self.counters_card = self._card(c.panel)
        counters = self._vbox(self.counters_card)
        self.counters_title = FitLabel(
            self.words["counters_title"], fill=0.8, align=_LEFT, colour=c.muted
        )
        grid = QGridLayout()
        self._inner.append(grid)
        self.tiles: dict[int, tuple[Card, FitLabel, FitLabel]] = {}
        columns, rows = _grid_shape(len(settings.counters))
        for i, (number, name) in enumerate(settings.counters):
            tile = self._card(c.tile)
            box = self._vbox(tile)
            tile_name = FitLabel(name.upper(), fill=0.82, colour=c.foreground)
            tile_code = FitLabel(NO_TICKET, fill=0.96, colour=c.accent)
            _box(box, (tile_name, 34), (tile_code, 66))
            grid.addWidget(tile, i // columns, i % columns)
            self.tiles[number] = (tile, tile_name, tile_code)
        for col in range(columns):
            grid.setColumnStretch(col, 1)
        for grid_row in range(rows):
            grid.setRowStretch(grid_row, 1)
        counters.addWidget(self.counters_title)
        counters.addLayout(grid, 1)
        _box(left, (self.now_card, 60), (self.counters_card, 40 if rows == 1 else 48))

        self.recent_card = self._card(c.panel)
        recent = self._vbox(self.recent_card)
        self.recent_title = FitLabel(
            self.words["recent_title"], fill=0.8, align=_LEFT, colour=c.muted
        )
        recent.addWidget(self.recent_title)
        self.recent_rows: list[tuple[Card, FitLabel, FitLabel]] = []
        # With the "Silakan masuk" card the column is shared: fewer, larger rows read better.
        shown = min(settings.recent_calls, 4) if settings.wait_outside else settings.recent_calls
        for _ in range(shown):
            row = self._card(c.tile)
            line = self._hbox(row)
            code = FitLabel("", fill=0.8, align=_LEFT, colour=c.foreground)
            where = FitLabel("", fill=0.62, weight=QFont.Weight.DemiBold, align=_RIGHT)
            where.set_colour(c.muted)
            _box(line, (code, 48), (where, 52))
            recent.addWidget(row, 1)
            self.recent_rows.append((row, code, where))
        if shown < 4:  # a short list keeps the rows' size, not the card's
            recent.addStretch(4 - shown)

        self.admit_card = self._card(c.panel)
        admit = self._vbox(self.admit_card)
        self.admit_title = FitLabel(
            self.words["admit_title"], fill=0.8, align=_LEFT, colour=c.highlight
        )
        admit_grid = QGridLayout()
        self._inner.append(admit_grid)
        self.admit_tiles: list[Card] = []
        self.admit_codes: list[FitLabel] = []
        for i in range(ADMIT_SLOTS):
            tile = self._card(c.tile)
            box = self._vbox(tile)
            code = FitLabel("", fill=0.8, colour=c.foreground)
            box.addWidget(code)
            admit_grid.addWidget(tile, i // 3, i % 3)
            self.admit_tiles.append(tile)
            self.admit_codes.append(code)
        for col in range(3):
            admit_grid.setColumnStretch(col, 1)
        for grid_row in range((ADMIT_SLOTS + 2) // 3):
            admit_grid.setRowStretch(grid_row, 1)
        admit.addWidget(self.admit_title)
        admit.addLayout(admit_grid, 1)
        self._admit_flash = Flasher(self, self._paint_admit_flash)

        self.hall_card = self._card(c.panel)
        hall = self._vbox(self.hall_card)
        self.occupancy = FitLabel("", fill=0.8, align=_LEFT, colour=c.foreground)
        self.bar = OccupancyBar(c.track, c.accent, c.highlight)
        self.waiting = FitLabel(
            "", fill=0.8, weight=QFont.Weight.DemiBold, align=_LEFT, colour=c.foreground
        )
        _box(hall, (self.occupancy, 36), (self.bar, 17), (self.waiting, 32))
        hall.addStretch(3)
        if settings.wait_outside:
            _box(right, (self.recent_card, 50), (self.admit_card, 28), (self.hall_card, 22))
        else:
            self.admit_card.hide()
            _box(right, (self.recent_card, 70), (self.hall_card, 30))
        self.titles = (self.counters_title, self.recent_title, self.admit_title)
        for title in self.titles:  # a fixed height, the same in every card (see resizeEvent)
            title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        # --- notices of suspended services, the ticker -------------------------------------
        self.notice_band = Card(c.highlight)
        notice = QHBoxLayout(self.notice_band)
        notice.setContentsMargins(0, 0, 0, 0)
        self.notice = FitLabel("", fill=0.66, colour=c.background)
        notice.addWidget(self.notice)
        self.notice_band.hide()

        self.ticker = Ticker(settings.ticker, c.band, c.foreground)
        self.ticker.setVisible(bool(settings.ticker))

        _box_layouts(root, (self.header, 11), (body, 74), (self.notice_band, 6), (self.ticker, 7))

        # --- offline: over everything but the clock and the ticker -------------------------
        self.offline = OfflineShade(mix(c.background, QColor("#000000"), 0.25), self)
        shade = QVBoxLayout(self.offline)
        self.offline_box = self._card(c.panel)
        self.offline_box.set_fill(c.panel, c.highlight)
        middle = QHBoxLayout()
        middle.addStretch(12)
        middle.addWidget(self.offline_box, 76)
        middle.addStretch(12)
        shade.addStretch(28)
        shade.addLayout(middle, 44)
        shade.addStretch(28)
        offline = self._vbox(self.offline_box)
        self.offline_title = FitLabel(self.words["offline_title"], fill=0.85, colour=c.highlight)
        self.offline_text = FitLabel(self.words["offline"], fill=0.75, colour=c.foreground)
        self.offline_reason = FitLabel("", fill=0.6, weight=QFont.Weight.Normal, colour=c.muted)
        _box(offline, (self.offline_title, 45), (self.offline_text, 30), (self.offline_reason, 18))
        self.offline.hide()

    def set_sound_note(self, note: str) -> None:
        """Tell the staff the display is silent ("suara tidak tersedia"), or clear it."""
        c = self.colours
        self.subtitle.set_text(f"{self._subtitle_text}  •  {note}" if note else self._subtitle_text)
        self.subtitle.set_colour(c.highlight if note else c.muted)

    @property
    def sound_note(self) -> str:
        text = self.subtitle.text()
        return text[len(self._subtitle_text) :].lstrip(" •") if text != self._subtitle_text else ""

    # --- building ---------------------------------------------------------------------------

    def _card(self, fill: QColor) -> Card:
        card = Card(fill)
        self._cards.append(card)
        return card

    def _vbox(self, owner: QWidget | None = None) -> QVBoxLayout:
        layout = QVBoxLayout(owner) if owner is not None else QVBoxLayout()
        self._inner.append(layout)
        return layout

    def _hbox(self, owner: QWidget | None = None) -> QHBoxLayout:
        layout = QHBoxLayout(owner) if owner is not None else QHBoxLayout()
        self._inner.append(layout)
        return layout

    # --- size -------------------------------------------------------------------------------

    def unit(self) -> float:
        """One hundredth of the height: margins, gaps and corners follow it."""
        return self.height() / 100

    def resizeEvent(self, event: QResizeEvent) -> None:
        u = self.unit()
        gap = max(4, round(u * 1.2))
        pad = max(3, round(u * 1.0))
        small = max(2, round(u * 0.5))
        for layout in self._inner:
            layout.setSpacing(small)
            if isinstance(layout.parentWidget(), Card) and layout.parent() is layout.parentWidget():
                layout.setContentsMargins(pad, pad // 2, pad, pad // 2)
            else:
                layout.setContentsMargins(0, 0, 0, 0)
        for row, _code, _where in self.recent_rows:
            row_layout = row.layout()
            if row_layout is not None:
                row_layout.setContentsMargins(pad, 0, pad, 0)
        self._header_layout.setContentsMargins(gap * 2, small, gap * 2, small)
        self._header_layout.setSpacing(gap)
        body = self._columns[0]
        body.setContentsMargins(gap, 0, gap, 0)
        for layout in self._columns:
            layout.setSpacing(gap)
        self._root.setContentsMargins(0, 0, 0, 0)
        self._root.setSpacing(gap)
        for title in self.titles:  # the same size in every card
            title.setFixedHeight(max(8, round(u * 4.4)))
        for card in self._cards:
            card.set_radius(u * 1.4)
        for row, _code, _where in self.recent_rows:
            row.set_radius(u * 0.8)
        self._place_offline()
        super().resizeEvent(event)

    def _place_offline(self) -> None:
        top = self.header.geometry().bottom() + 1
        bottom = self.ticker.geometry().top() if not self.ticker.isHidden() else self.height()
        if bottom <= top:  # before the first layout pass
            top, bottom = round(self.height() * 0.11), round(self.height() * 0.93)
        self.offline.setGeometry(QRect(0, top, self.width(), bottom - top))

    # --- content ------------------------------------------------------------------------------

    @property
    def board(self) -> Board | None:
        return self._board

    def show_board(self, board: Board) -> None:
        w, c = self.words, self.colours
        previous, self._board = self._board, board
        if board.now_code:
            self.now_code.set_text(board.now_code)
            self.now_caption.set_text(w["recall"] if board.now_recalled else w["now_caption"])
            self.now_where.set_text(board.now_where.upper())
        else:
            self.now_code.set_text(NO_TICKET)
            self.now_caption.set_text(w["now_caption"])
            self.now_where.set_text(w["no_call"])
        for counter in board.counters:
            if counter.number in self.tiles:
                _card, _name, counter_code = self.tiles[counter.number]
                counter_code.set_text(counter.code or NO_TICKET)
                counter_code.set_colour(c.accent if counter.code else c.muted)
        for i, (row, code, where) in enumerate(self.recent_rows):
            line = board.recent[i] if i < len(board.recent) else None
            row.set_fill(c.tile if line else c.panel)
            code.set_text(line.code if line else "")
            where.set_text(line.where if line else "")
        for i, (admit_tile, label) in enumerate(
            zip(self.admit_tiles, self.admit_codes, strict=True)
        ):
            admitted = board.admitted[i] if i < len(board.admitted) else ""
            label.set_text(admitted)
            if not self._admit_flash.active:
                admit_tile.set_fill(c.tile if admitted else c.panel)
        if board.hall_full:
            hall = w["full"] + f"  {board.occupancy} / {board.limit}"
        elif board.blocked:  # not "full": places are free, the group first outside waits
            hall = board.blocked
        else:
            hall = w["occupancy"].format(inside=board.occupancy, limit=board.limit)
        self.occupancy.set_text(hall)
        self.occupancy.set_colour(c.highlight if board.hall_full or board.blocked else c.foreground)
        self.bar.set_value(board.occupancy, board.limit)
        if board.wait_outside:
            self.waiting.set_text(
                w["waiting_outside"].format(n=board.waiting, outside=board.outside)
            )
        else:
            self.waiting.set_text(w["waiting"].format(n=board.waiting))
        notice = "   •   ".join(f"⚠  {n}" for n in board.notices)
        self.notice.set_text(notice)
        if self.notice_band.isHidden() == bool(notice):
            self.notice_band.setVisible(bool(notice))
        if previous is not None and board.now_seq != previous.now_seq and board.now_code:
            self.flash_now()
        if previous is not None and board.admit_seq != previous.admit_seq and board.admitted:
            self.flash_admitted()
        self._version = board.version
        # A version can change nothing visible (a print status, say); one dirty pixel makes
        # sure a paint pass follows, and with it `repainted`.
        self.update(0, 0, 1, 1)

    def flash_now(self) -> None:
        self._now_flash.start()

    def flash_admitted(self) -> None:
        if self.settings.wait_outside:
            self._admit_flash.start()

    @property
    def flashing(self) -> bool:
        return self._now_flash.active

    def _paint_now_flash(self, on: bool) -> None:
        c = self.colours
        self.now_card.set_fill(c.highlight if on else c.panel)
        self.now_code.set_colour(c.background if on else c.accent)
        self.now_where.set_colour(c.background if on else c.foreground)
        self.now_caption.set_colour(c.background if on else c.muted)
        number = self._current_counter()
        if number in self.tiles:
            tile, _name, _code = self.tiles[number]
            tile.set_fill(c.tile, c.highlight if on else None)

    def _current_counter(self) -> int | None:
        board = self._board
        if board is None or board.now_code is None:
            return None
        return next((t.number for t in board.counters if t.code == board.now_code), None)

    def _paint_admit_flash(self, on: bool) -> None:
        c = self.colours
        self.admit_card.set_fill(c.highlight if on else c.panel)
        self.admit_title.set_colour(c.background if on else c.highlight)
        for tile, label in zip(self.admit_tiles, self.admit_codes, strict=True):
            tile.set_fill(c.tile if label.text() else (c.highlight if on else c.panel))

    def set_clock(self, moment: datetime) -> None:
        zone = zone_name(moment)
        self.clock.set_text(format_time(moment) + (f" {zone}" if zone else ""))
        self.date.set_text(format_date(moment, self.settings.language))

    def set_offline(self, offline: bool, reason: str = "") -> None:
        self.offline_reason.set_text(reason[:160])
        if offline != self.offline.isVisible():
            self._place_offline()
            self.offline.setVisible(offline)
            self.offline.raise_()

    @property
    def is_offline(self) -> bool:
        return not self.offline.isHidden()

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.colours.background)
        painter.end()
        if self._version != self._painted:
            self._painted = self._version
            # children paint after this, in the same pass: report once the pass is over
            version = self._version
            QTimer.singleShot(0, self, lambda: self.repainted.emit(version))


class OfflineShade(QWidget):
    """Dims the stale board behind the offline message."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor(colour)
        self._colour.setAlpha(228)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._colour)


_LEFT = Qt.AlignmentFlag.AlignLeft
_RIGHT = Qt.AlignmentFlag.AlignRight


def _grid_shape(count: int) -> tuple[int, int]:
    """Columns and rows for the counter tiles: one row up to 4, then as square as fits."""
    if count <= 4:
        return max(1, count), 1
    rows = 2 if count <= 10 else 3
    return math.ceil(count / rows), rows


def _box_layouts(layout: QBoxLayout, *items: tuple[QWidget | QBoxLayout, int]) -> None:
    for item, stretch in items:
        if isinstance(item, QWidget):
            layout.addWidget(item, stretch)
        else:
            layout.addLayout(item, stretch)
