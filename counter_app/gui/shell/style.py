"""How the windows look: one style sheet, keyed on object names and a few properties.

Widgets that change look with their state carry a dynamic property (``level``,
``light``, ``idle``) that the sheet matches; ``set_state`` re-polishes them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

NAVY = "#0b2545"
BLUE = "#1f5fbf"
INK = "#1b2a3d"
MUTED = "#5b6b80"
GREEN = "#2e8540"
AMBER = "#e39b00"
RED = "#b42318"  # the one red: errors, a full hall, a wrong clock
GREY = "#9aa6b6"

LIGHT_COLOURS = {"ok": "#34c759", "warning": "#ffb020", "error": "#ff453a", "off": "#8a97a8"}

LIGHTS = "\n".join(
    f"QLabel#{name} {{ min-width: 14px; max-width: 14px; min-height: 14px; max-height: 14px;"
    f" border-radius: 7px; background: {LIGHT_COLOURS['off']}; }}\n"
    + "\n".join(
        f'QLabel#{name}[light="{level}"] {{ background: {colour}; }}'
        for level, colour in LIGHT_COLOURS.items()
    )
    for name in ("printerLight", "onlineLight", "webLight")
)

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: #eef2f7; }}
QWidget {{ font-size: 14px; color: {INK}; }}
QMenuBar {{ background: #ffffff; border-bottom: 1px solid #d6dde8; font-size: 14px; }}
QMenuBar::item {{ padding: 4px 10px; }}
QMenuBar::item:selected {{ background: #e3ebf7; }}
QMenu {{ font-size: 14px; }}
QToolTip {{ color: {INK}; background: #ffffff; border: 1px solid #b9c4d4; }}

QFrame#header {{ background: {NAVY}; }}
QFrame#header QLabel {{ color: #ffffff; font-size: 14px; }}
QFrame#header QLabel#titleLabel {{ font-size: 22px; font-weight: 700; }}
QFrame#header QLabel#officeLabel, QFrame#header QLabel#servicesLabel {{
    color: #b8cce4; font-size: 15px; padding-left: 8px; }}
QFrame#header QLabel#clockLabel {{ font-size: 15px; font-weight: 600; padding-left: 14px; }}
{LIGHTS}

QLabel#messageBar {{ padding: 6px 16px; font-size: 15px; font-weight: 600;
    border-bottom: 1px solid transparent; }}
QLabel#messageBar[level="info"] {{ background: #e3f4e7; color: #1c5a2a;
    border-bottom: 1px solid #b6dcc0; }}
QLabel#messageBar[level="warning"] {{ background: #fff3d6; color: #6e4600;
    border-bottom: 1px solid #f1d58f; }}
QLabel#messageBar[level="error"] {{ background: #fde6e6; color: #8e1b1b;
    border-bottom: 1px solid #f3b7b7; }}

QGroupBox {{ background: #ffffff; border: 1px solid #d6dde8; border-radius: 10px;
    margin-top: 14px; padding: 14px 8px 8px 8px; font-size: 15px; font-weight: 700;
    color: #13315c; }}
QGroupBox::title {{ subcontrol-origin: margin; subcontrol-position: top left; left: 12px;
    padding: 0 4px; }}
QGroupBox QLabel {{ font-weight: 400; }}
QFrame#optionsFrame {{ background: #ffffff; border: 1px solid #d6dde8; border-radius: 10px; }}

QPushButton {{ background: #ffffff; border: 1px solid #b9c4d4; border-radius: 8px;
    padding: 7px 14px; font-size: 15px; font-weight: 600; color: #13315c; }}
QPushButton:hover {{ background: #f2f6fb; border-color: #7f93b0; }}
QPushButton:pressed {{ background: #dde6f2; }}
QPushButton:focus {{ border: 2px solid {BLUE}; }}
QPushButton:checked {{ background: {BLUE}; color: #ffffff; border-color: {BLUE}; }}
QPushButton:disabled {{ color: #a3aebd; background: #f3f5f8; border-color: #dde3ea; }}
QPushButton[role="primary"] {{ background: {BLUE}; color: #ffffff; border: 1px solid {BLUE}; }}
QPushButton[role="primary"]:hover {{ background: #2a6fd6; }}
QPushButton[role="primary"]:disabled {{ background: #b9c9e3; border-color: #b9c9e3;
    color: #eef3fa; }}
QPushButton[role="good"] {{ background: {GREEN}; color: #ffffff; border: 1px solid {GREEN}; }}
QPushButton[role="good"]:hover {{ background: #369b4b; }}
QPushButton[role="good"]:disabled {{ background: #bcd9c2; border-color: #bcd9c2;
    color: #f1f8f3; }}
QFrame#optionsFrame QPushButton {{ min-width: 34px; max-width: 34px; padding: 5px 4px; }}

QPushButton[role="service"] {{ background: #ffffff; border: 2px solid #c8d3e3;
    border-radius: 12px; padding: 0; }}
QPushButton[role="service"]:hover {{ border-color: {BLUE}; background: #f5f9ff; }}
QPushButton[role="service"]:pressed {{ background: #e3edfb; }}
QPushButton[role="service"]:focus {{ border-color: {BLUE}; }}
QPushButton[role="service"]:disabled {{ background: #f1f3f6; border-color: #dde3ea; }}
QLabel#serviceKey {{ background: {NAVY}; color: #ffffff; border-radius: 6px;
    padding: 2px 8px; font-size: 14px; font-weight: 700; }}
QLabel#serviceKey:disabled {{ background: #b6c0cd; }}
QLabel#servicePrefix {{ font-size: 44px; font-weight: 800; color: {BLUE}; }}
QLabel#servicePrefix:disabled {{ color: #b3bdca; }}
QLabel#serviceName {{ font-size: 19px; font-weight: 700; color: #13315c; }}
QLabel#serviceName:disabled {{ color: #7d8a9c; }}
QLabel#serviceQuota {{ font-size: 15px; color: #43536a; }}
QLabel#serviceQuota:disabled {{ color: #8d99a9; }}
QLabel#serviceQuota[level="low"] {{ color: #9a5b00; font-weight: 700; }}
QLabel#serviceReason {{ font-size: 14px; font-weight: 700; color: {RED}; }}
QLabel#serviceReason[level="info"] {{ color: #7a4d00; }}

QLabel#capacityValue {{ font-size: 34px; font-weight: 800; color: {NAVY}; }}
QLabel#capacityCaption {{ font-size: 14px; color: {MUTED}; }}
QProgressBar#capacityBar {{ border: none; background: #e4e9f0; border-radius: 8px;
    min-height: 16px; max-height: 16px; }}
QProgressBar#capacityBar::chunk {{ border-radius: 8px; background: {GREEN}; }}
QProgressBar#capacityBar[level="amber"]::chunk {{ background: {AMBER}; }}
QProgressBar#capacityBar[level="full"]::chunk {{ background: {RED}; }}
QLabel#outsideLabel {{ font-size: 15px; color: #43536a; }}
QLabel#outsideLabel[level="busy"] {{ color: #7a4d00; font-weight: 700; }}
QLabel#hallFullLabel {{ border-radius: 8px; padding: 8px; }}
QLabel#hallFullLabel[level="full"] {{ background: {RED}; color: #ffffff; }}
QLabel#hallFullLabel[level="outside"], QLabel#hallFullLabel[level="blocked"] {{
    background: #fff3d6; color: #6e4600; border: 1px solid #f1d58f; }}
QLabel#previewImage {{ color: {GREY}; font-size: 15px; }}
QLabel#previewCaption {{ font-size: 14px; color: #43536a; }}
QLabel#failedLabel {{ color: {RED}; font-weight: 700; }}

QTableView {{ background: #ffffff; border: 1px solid #e1e6ee; border-radius: 6px;
    font-size: 14px; alternate-background-color: #f6f8fb;
    selection-background-color: #cfe0fa; selection-color: {NAVY}; }}
QHeaderView::section {{ background: #f0f3f8; border: none; border-bottom: 1px solid #d6dde8;
    padding: 4px 8px; font-weight: 700; color: #43536a; }}

QLabel#currentCode {{ font-size: 132px; font-weight: 800; color: {NAVY}; }}
QLabel#currentCode[idle="true"] {{ color: #c3ccd8; }}
QLabel#currentService {{ font-size: 24px; font-weight: 700; color: #13315c; }}
QLabel#currentDetails {{ font-size: 18px; color: {MUTED}; }}
QLabel#currentDocument {{ font-size: 22px; font-weight: 800; padding: 6px 18px;
    border-radius: 8px; background: #fff3d6; color: #6e4600; }}
QLabel#currentDocument[level="handed"] {{ background: #e3f4e7; color: #1c5a2a; }}
QFrame#actionsFrame QPushButton {{ min-height: 54px; font-size: 17px; }}
QLabel#waitingCount {{ font-size: 22px; font-weight: 800; color: {NAVY}; }}
QLabel#waitingCount[level="none"] {{ color: #b3bdca; }}
QLabel#waitingName {{ font-size: 15px; }}
QLabel#waitingOutside {{ font-size: 13px; color: #7a4d00; }}
QLabel#servedValue, QLabel#noShowValue, QLabel#waitingValue {{ font-size: 34px;
    font-weight: 800; color: {NAVY}; }}
QLabel#servedCaption, QLabel#noShowCaption, QLabel#waitingCaption {{ color: {MUTED}; }}
QLabel#historyLabel {{ color: #43536a; padding-top: 10px; border-top: 1px solid #e4e9f0; }}
QLineEdit#scanEdit {{ font-size: 18px; padding: 8px 10px; border: 2px solid #b9c4d4;
    border-radius: 8px; background: #ffffff; }}
QLineEdit#scanEdit:focus {{ border-color: {BLUE}; }}
QLabel#scanResult {{ font-size: 16px; font-weight: 700; padding: 6px 10px; border-radius: 6px; }}
QLabel#scanResult[level="ok"] {{ background: #e3f4e7; color: #1c5a2a; }}
QLabel#scanResult[level="bad"] {{ background: #fde6e6; color: #8e1b1b; }}
QLabel#scanResult[level="note"] {{ background: #fff3d6; color: #6e4600; }}

QStatusBar {{ background: #ffffff; border-top: 1px solid #d6dde8; }}
QStatusBar::item {{ border: none; }}
QLabel#webLight {{ margin-left: 10px; }}
QLabel#webStatus {{ color: #43536a; padding: 2px 4px; }}
QLabel#scanLabel {{ font-size: 22px; font-weight: 800; color: {NAVY}; }}
QLabel#scanEnglishLabel {{ font-size: 16px; color: {MUTED}; }}
QLabel#qrLabel {{ background: #ffffff; border: 1px solid #d6dde8; border-radius: 8px; }}
QLabel#addressLabel {{ font-family: "DejaVu Sans Mono", "Consolas", monospace;
    font-size: 24px; font-weight: 700; color: {NAVY}; }}
QLabel#hintLabel {{ color: {MUTED}; }}
QLabel#noteLabel {{ background: #fff3d6; color: #6e4600; border: 1px solid #f1d58f;
    border-radius: 6px; padding: 6px 10px; }}
QLabel#savedLabel {{ color: #1c5a2a; }}
QLabel#savedLabel[level="error"] {{ color: #8e1b1b; font-weight: 700; }}

QLabel#nameLabel {{ font-size: 26px; font-weight: 800; color: {NAVY}; }}
QLabel#versionLabel {{ font-size: 15px; color: {MUTED}; }}
QLabel#headlineLabel {{ font-size: 16px; font-weight: 700; }}
QLabel#messageLabel {{ font-size: 15px; color: #8e1b1b; }}
QPlainTextEdit#detailsEdit {{ font-family: "DejaVu Sans Mono", "Consolas", monospace;
    font-size: 12px; background: #ffffff; }}
QListWidget {{ font-size: 16px; background: #ffffff; }}
QListWidget::item {{ padding: 6px; }}
"""


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")  # the same look on Windows, Linux and offscreen screenshots
    app.setStyleSheet(STYLE_SHEET)


def set_state(widget: QWidget, name: str, value: str | None) -> None:
    """Set a styling property and re-polish, so the sheet's [name="value"] rules apply."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
