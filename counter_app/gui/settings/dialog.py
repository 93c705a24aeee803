"""The admin settings dialog, behind the admin PIN: office, services, counters, capacity,
printer, display. Opened from Window > Settings.

Each field is written into the configuration file by the key the loader uses
(``core.settings_file``); the whole file is then checked by the loader's own rules, and
each problem is shown under the field it names. Nothing is written until every value
passes, and the file keeps its comments. What was saved applies at once to this
station's queue (quotas, suspensions, the hall's limit, opening hours); a change the
windows cannot take while open (new printer, display, counters) says so.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.core.admin import PinThrottle, is_outdated, shared_throttle
from counter_app.core.config import Config, ConfigError, FillOrder, WhenFull
from counter_app.core.settings_file import SettingsFile
from counter_app.gui.settings.pin_prompt import PinPrompt
from counter_app.gui.shell import dialogs, style
from counter_app.gui.shell.config_words import in_window_language
from counter_app.gui.shell.context import Context
from counter_app.printing.job import PrintOutcome
from counter_app.printing.printer import TicketPrinter

log = logging.getLogger(__name__)

_INT_RE = re.compile(r"-?[0-9]+", re.ASCII)
_NEEDS_RE = re.compile(r"kind = '[a-z0-9]+' needs (.+)")
_FLOAT_RE = re.compile(r"-?[0-9]+([.,][0-9]+)?", re.ASCII)


# --- the PIN ------------------------------------------------------------------------------


def open_settings(
    parent: QWidget, ctx: Context, *, throttle: PinThrottle | None = None
) -> PinPrompt | None:
    """Ask for the PIN (gui.pin_prompt); the dialog opens once the right one is typed.

    ``throttle`` counts wrong PINs; by default the one this process shares for the user's
    data folder, so closing and reopening the prompt does not start afresh.
    """
    if ctx.config_path is None:
        dialogs.show_warning(
            parent,
            QCoreApplication.translate("settings", "Settings"),
            QCoreApplication.translate("settings", "This station was started without a file."),
        )
        return None
    try:
        settings = SettingsFile(ctx.config_path)
    except ConfigError as exc:
        dialogs.show_error(parent, QCoreApplication.translate("settings", "Settings"), str(exc))
        return None
    stored = settings.get("admin.pin_hash")
    if not isinstance(stored, str):
        dialogs.show_warning(
            parent,
            QCoreApplication.translate("settings", "Settings"),
            QCoreApplication.translate(
                "settings",
                "No admin PIN is set. Set one on this PC with the command: counter-app admin-pin",
            ),
        )
        return None
    prompt = PinPrompt(
        parent,
        stored,
        throttle or shared_throttle(),
        now=ctx.now,
        synchronous=ctx.reads.synchronous,
    )
    prompt.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    prompt.accepted.connect(lambda: _open_dialog(parent, ctx, settings))
    prompt.open()
    return prompt


def _open_dialog(parent: QWidget, ctx: Context, settings: SettingsFile) -> None:
    if is_outdated(settings.get("admin.pin_hash")):
        log.warning("settings: the admin PIN's hash is of the old, weaker kind")
        dialogs.show_warning(
            parent,
            QCoreApplication.translate("settings", "Settings"),
            QCoreApplication.translate(
                "settings",
                "This PIN is stored the old way, which is easier to guess. Set a new one "
                "(at least 6 digits) with the command: counter-app admin-pin",
            ),
        )
    SettingsDialog(parent, ctx, settings).open()


# --- the fields ---------------------------------------------------------------------------


@dataclass
class Field:
    key: str
    kind: str  # text, optional, int, float, list, choice
    editor: QLineEdit | QComboBox
    error: QLabel
    initial: Any = None  # as first shown: an untouched field is not written to the file

    def value(self) -> Any:
        if isinstance(self.editor, QComboBox):
            data = self.editor.currentData()
            return data
        text = self.editor.text().strip()
        if self.kind == "optional":
            return text or None
        if self.kind == "int":
            # what is not a whole number goes through as typed, for the loader to name
            return int(text) if _INT_RE.fullmatch(text) else text
        if self.kind == "float":
            if not _FLOAT_RE.fullmatch(text):
                return text
            number = float(text.replace(",", "."))
            return int(number) if number.is_integer() else number  # "4" stays 4 in the file
        if self.kind == "list":
            return [part.strip().upper() for part in text.split(",") if part.strip()]
        return text

    def show(self, value: Any) -> None:
        if isinstance(self.editor, QComboBox):
            index = self.editor.findData(value)
            self.editor.setCurrentIndex(max(index, 0))
            return
        if value is None:
            self.editor.setText("")
        elif isinstance(value, list):
            self.editor.setText(", ".join(str(v) for v in value))
        elif isinstance(value, float) and value.is_integer():
            self.editor.setText(str(int(value)))
        else:
            self.editor.setText(str(value))


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx: Context, settings: SettingsFile) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.fields: dict[str, Field] = {}
        self.saved: Config | None = None
        self.setWindowTitle(self.tr("Settings - {office}").format(office=ctx.config.office.name))
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self._office_tab()
        self._services_tab()
        self._counters_tab()
        self._capacity_tab()
        self._printer_tab()
        self._display_tab()
        self.general_error = QLabel(self)
        self.general_error.setObjectName("settingsError")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(f"color: {style.RED}; font-weight: bold;")
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        effective = ctx.config.model_dump()
        for field in self.fields.values():
            in_file = settings.get(field.key)
            field.show(in_file if in_file is not None else _lookup(effective, field.key))
            field.initial = field.value()

    # --- building -------------------------------------------------------------------------

    def _page(self, title: str) -> QVBoxLayout:
        scroll = QScrollArea(self.tabs)
        scroll.setWidgetResizable(True)
        page = QWidget(scroll)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, title)
        box = QVBoxLayout(page)
        box.setAlignment(Qt.AlignmentFlag.AlignTop)
        return box

    def _form(self, box: QVBoxLayout, title: str | None = None) -> QFormLayout:
        holder: QWidget = QGroupBox(title) if title else QWidget()
        box.addWidget(holder)
        return QFormLayout(holder)

    def _add(
        self,
        form: QFormLayout,
        label: str,
        key: str,
        kind: str = "text",
        choices: list[tuple[str, Any]] | None = None,
    ) -> Field:
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        editor: QLineEdit | QComboBox
        if choices is not None:
            editor = QComboBox(cell)
            for text, data in choices:
                editor.addItem(text, data)
        else:
            editor = QLineEdit(cell)
        editor.setObjectName(key)
        error = QLabel(cell)
        error.setObjectName(f"{key}:error")
        error.setStyleSheet(f"color: {style.RED};")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(editor)
        column.addWidget(error)
        form.addRow(label, cell)
        field = Field(key, kind, editor, error)
        self.fields[key] = field
        return field

    def _office_tab(self) -> None:
        form = self._form(self._page(self.tr("Office")))
        self._add(form, self.tr("Office name"), "office.name")
        self._add(form, self.tr("Time zone"), "office.timezone")
        self._add(
            form,
            self.tr("Opening hours (HH:MM-HH:MM, empty: always)"),
            "office.opening_hours",
            "optional",
        )
        self._add(
            form,
            self.tr("Language"),
            "office.language",
            choices=[("Bahasa Indonesia", "id"), ("English", "en")],
        )
        self._add(form, self.tr("Keep tickets for (days)"), "retention.days", "int")

    def _services_tab(self) -> None:
        box = self._page(self.tr("Services"))
        for i, svc in enumerate(self.ctx.config.services, start=1):
            form = self._form(box, f"{svc.prefix} - {svc.name}")
            key = f"services[{i}]"
            self._add(form, self.tr("Name"), f"{key}.name")
            self._add(form, self.tr("Daily quota"), f"{key}.daily_quota", "int")
            self._add(form, self.tr("Average minutes a visit"), f"{key}.average_minutes", "float")
            self._add(
                form,
                self.tr("Suspended, with this notice (empty: open)"),
                f"{key}.suspended",
                "optional",
            )

    def _counters_tab(self) -> None:
        box = self._page(self.tr("Counters"))
        for i, counter in enumerate(self.ctx.config.counters, start=1):
            form = self._form(box, counter.label)
            key = f"counters[{i}]"
            self._add(form, self.tr("Name"), f"{key}.name", "optional")
            self._add(form, self.tr("Services, in calling order (A, B)"), f"{key}.services", "list")

    def _capacity_tab(self) -> None:
        form = self._form(self._page(self.tr("Capacity")))
        self._add(form, self.tr("Persons allowed in the hall"), "capacity.limit", "int")
        self._add(
            form,
            self.tr("When the hall is full"),
            "capacity.when_full",
            choices=[
                (self.tr("refuse new tickets"), WhenFull.REFUSE),
                (self.tr("new tickets wait outside"), WhenFull.WAIT_OUTSIDE),
            ],
        )
        self._add(
            form,
            self.tr("Order in which those outside go in"),
            "capacity.fill",
            choices=[
                (self.tr("strict: nobody passes the first outside"), FillOrder.STRICT),
                (self.tr("fit: a smaller ticket that fits may pass"), FillOrder.FIT),
            ],
        )
        self._add(
            form,
            self.tr("Tickets that may pass the first outside (1-100)"),
            "capacity.max_pass",
            "int",
        )

    def _printer_tab(self) -> None:
        box = self._page(self.tr("Printer"))
        form = self._form(box)
        kinds = ["preview", "network", "usb", "serial", "file", "cups", "lp", "win32", "none"]
        self._add(form, self.tr("Kind"), "printer.kind", choices=[(k, k) for k in kinds])
        self._add(form, self.tr("Network address"), "printer.host", "optional")
        self._add(form, self.tr("Port"), "printer.port", "int")
        self._add(form, self.tr("Device (file or serial)"), "printer.device", "optional")
        self._add(form, self.tr("Printer name (cups, lp, win32)"), "printer.name", "optional")
        self._add(
            form, self.tr("Paper width (mm)"), "printer.paper_mm", choices=[("58", 58), ("80", 80)]
        )
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Print a test ticket"))
        self.test_button.clicked.connect(self.print_test)
        row.addWidget(self.test_button)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        row.addWidget(self.test_result, 1)
        box.addLayout(row)

    def _display_tab(self) -> None:
        form = self._form(self._page(self.tr("Display")))
        self._add(form, self.tr("Monitor of the lobby display (0 = main)"), "display.screen", "int")
        self._add(form, self.tr("Ticker text"), "display.ticker")

    # --- checking and saving --------------------------------------------------------------

    def _collect(self) -> Config | None:
        """Put every field into the file's document and check it; None with the problems
        shown under their fields."""
        for field in self.fields.values():
            field.error.hide()
            field.error.clear()
        self.general_error.clear()
        for field in self.fields.values():
            value = field.value()
            if value != field.initial or self.settings.get(field.key) is not None:
                self.settings.set(field.key, value)
        try:
            return self.settings.check()
        except ConfigError as exc:
            self.show_problems(exc.problems)
            return None

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        general: list[str] = []
        for key, problem in problems:
            needs = _NEEDS_RE.fullmatch(problem)
            if key == "printer" and needs:  # under the first missing field, not the table
                key = f"printer.{needs.group(1).split(',')[0].strip()}"
            field = self.fields.get(key)
            if field is None:
                words = in_window_language(problem)
                general.append(f"{key}: {words}" if key else words)
                continue
            field.error.setText(in_window_language(problem))
            field.error.show()
        if general:
            self.general_error.setText("\n".join(general))
        first = next((f for f in self.fields.values() if not f.error.isHidden()), None)
        if first is not None:
            page = first.editor.parentWidget()
            while page is not None and self.tabs.indexOf(page) < 0:
                page = page.parentWidget()
            if page is not None:
                self.tabs.setCurrentWidget(page)
            first.editor.setFocus()

    @Slot()
    def save(self) -> None:
        if self._collect() is None:
            return
        try:
            config = self.settings.save()
        except ConfigError as exc:
            self.show_problems(exc.problems)
            return
        self.saved = config
        later = apply_config(self.ctx, config)
        log.info("settings saved to %s", self.settings.path)
        if later:
            dialogs.show_warning(
                self,
                self.tr("Settings saved"),
                self.tr(
                    "Saved. These changes take effect when counter-app is started again: {what}"
                ).format(what=", ".join(later)),
            )
        self.accept()

    # --- the printer's test ticket ---------------------------------------------------------

    @Slot()
    def print_test(self) -> None:
        config = self._collect()
        if config is None:
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Printing..."))
        printer = TicketPrinter.from_config(config)
        self.ctx.printer.submit(printer.test_ticket, self._printed, name="test ticket")

    def _printed(self, outcome: PrintOutcome | None, error: BaseException | None) -> None:
        self.test_button.setEnabled(True)
        if error is not None or outcome is None:
            self.test_result.setText(self.tr("Not printed: {reason}").format(reason=error))
        elif outcome.ok:
            self.test_result.setText(self.tr("Test ticket printed."))
        else:
            self.test_result.setText(
                self.tr("Not printed: {reason}").format(reason=outcome.error or outcome.status)
            )


def _published(_version: int | None, error: BaseException | None) -> None:
    if error is not None:  # saved here; the other stations keep their rules until next time
        log.warning("the queue rules could not be shared through the database: %s", error)


def _lookup(data: Any, key: str) -> Any:
    """The value at a loader key ("services[2].name") in a model_dump()."""
    for part in key.split("."):
        name, _, index = part.partition("[")
        if not isinstance(data, dict):
            return None
        data = data.get(name)
        if index:
            position = int(index.rstrip("]")) - 1
            if not isinstance(data, list) or not 0 <= position < len(data):
                return None
            data = data[position]
    return data


def apply_config(ctx: Context, config: Config) -> list[str]:
    """Give the running station the saved configuration; returns what needs a restart.

    Kept from the running one: the database (``--db`` may override the file) and the
    language the windows speak. The queue's rules (quotas, suspensions, average
    minutes, the hall's limit, opening hours) apply at once here and are published
    through the database, where every other station takes them at its next operation.
    """
    old = ctx.queue.config
    office = config.office.model_copy(update={"language": old.office.language})
    new = config.model_copy(update={"database": old.database, "office": office})
    later: list[str] = []
    if [s.prefix for s in new.services] != [s.prefix for s in old.services]:
        later.append(QCoreApplication.translate("settings", "the list of services"))
    if new.counters != old.counters:
        later.append(QCoreApplication.translate("settings", "counters"))
    if new.printer != old.printer:
        later.append(QCoreApplication.translate("settings", "printer"))
    if new.display != old.display:
        later.append(QCoreApplication.translate("settings", "lobby display"))
    if config.office.language != old.office.language:
        later.append(QCoreApplication.translate("settings", "language"))
    ctx.queue.use_config(new)
    # every station on the database takes the queue's rules at its next operation
    ctx.call(ctx.actions, ctx.queue.publish_rules, _published, name="publish rules")
    ctx.apply_config(ctx.queue.config)
    return later
