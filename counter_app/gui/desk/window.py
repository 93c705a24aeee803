"""The front-desk window: one button (and F key) per service issues a ticket and prints it.

Everything that waits (the database, the printer, drawing the preview) runs on the
context's workers; the window only shows results. One press issues one ticket: the
F keys do not auto-repeat and a PressGuard ignores a second press while an issue is
on its way and for a moment after.
"""

from __future__ import annotations

import contextlib
import html
import logging
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QImage, QMouseEvent
from PySide6.QtWidgets import QButtonGroup, QDialog, QHeaderView, QLabel, QMenu, QPushButton

from counter_app.core.config import MAX_GROUP
from counter_app.core.model import PrintStatus, Reason, Refused, ServiceStatus, Status, Ticket
from counter_app.core.model import TicketState as State
from counter_app.gui.desk import view_model as vm
from counter_app.gui.desk.bookings import BookingsDialog
from counter_app.gui.desk.documents import DocumentKeyDialog, DocumentsDialog
from counter_app.gui.desk.recent import SERVICE, RecentTicketsModel
from counter_app.gui.desk.ticket_image import render_ticket
from counter_app.gui.forms.ui_desk_window import Ui_DeskWindow
from counter_app.gui.phone.menu import WebMenu
from counter_app.gui.shell import dialogs
from counter_app.gui.shell.context import Context
from counter_app.gui.shell.keys import Command, PressGuard
from counter_app.gui.shell.queue_window import QueueWindow
from counter_app.gui.shell.style import set_state
from counter_app.gui.shell.widgets import ServiceButton, set_light
from counter_app.printing.job import PrinterState

log = logging.getLogger(__name__)

RECENT_ROWS = 15
PRINTER_CHECK_MS = 10_000
RECENT_ROWS_SHOWN = 6  # tickets in sight under "Last tickets issued" at 1366 x 768
RECENT_ROW_HEIGHT = 26
BUSY_AFTER_MS = 300  # an issue taking longer than this says so


def _style(value: StrEnum | None) -> str | None:
    """A view model's level as the plain string a style sheet's [level="..."] matches."""
    return None if value is None else value.value


@dataclass(frozen=True, slots=True)
class DeskData:
    status: Status
    recent: list[Ticket]
    failed: list[Ticket]


class DeskWindow(QueueWindow):
    kind = "desk"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.ui = Ui_DeskWindow()
        self.ui.setupUi(self)
        self.station = ctx.desk()
        self.guard = PressGuard()
        self.status: Status | None = None
        self.last_ticket: Ticket | None = None
        self._checking_printer = False
        self.printer_level = "off"
        self.ui.officeLabel.setText(self.config.office.name)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._say_busy)

        menu = self.menuBar().addMenu(self.tr("&Tickets"))
        self.service_buttons: dict[str, ServiceButton] = {}
        self.issue_commands: dict[str, Command] = {}
        self.service_views: dict[str, vm.ServiceView] = {}
        self._build_service_buttons(menu)
        menu.addSeparator()
        self._build_options(menu)
        menu.addSeparator()
        self.reprint_command = Command(
            self,
            self.tr("Reprint"),
            "Ctrl+R",
            self.reprint,
            button=self.ui.reprintButton,
            menu=menu,
        )
        self.cancel_command = Command(
            self,
            self.tr("Cancel ticket"),
            "Delete",
            self.cancel_selected,
            button=self.ui.cancelButton,
            menu=menu,
        )
        self.bookings_dialog: BookingsDialog | None = None
        self.bookings_command: Command | None = None
        if self.config.booking.enabled:  # the visitors with an online number, at the door
            menu.addSeparator()
            button = QPushButton(self.ui.optionsFrame)
            button.setObjectName("bookingsButton")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.ui.optionsLayout.addWidget(button)
            self.bookings_command = Command(
                self,
                self.tr("Online bookings and check-in"),
                "Ctrl+B",
                self.open_bookings,
                button=button,
                menu=menu,
            )
        self.documents_dialog: DocumentsDialog | None = None
        self.documents_command: Command | None = None
        if self.config.documents.enabled:  # the ready list: one finished late, one collected
            documents_menu = self.menuBar().addMenu(self.tr("&Documents"))
            self.documents_command = Command(
                self,
                self.tr("Finished documents: mark ready, hand over..."),
                "Ctrl+D",
                self.open_documents,
                menu=documents_menu,
            )
        self._build_recent_table()

        self.ui.printerLight.setProperty("light", "off")
        self.ui.onlineLight.setProperty("light", "off")
        self.finish_setup(
            self.ui.messageBar, self.ui.onlineLight, self.ui.onlineLabel, self.ui.clockLabel
        )
        self.setWindowTitle(self.tr("Front desk - {office}").format(office=self.config.office.name))
        self.web = WebMenu(self, ctx)
        self.rules_label = QLabel(self.statusBar())
        self.rules_label.setObjectName("rulesOrigin")
        self.rules_label.setContentsMargins(0, 0, 12, 0)  # clear of the window's edge
        self.statusBar().addPermanentWidget(self.rules_label)
        self._show_rules_origin()
        if self.config.web.enabled:
            self.web.server.start()
        ctx.printed.connect(self._printed)
        self._printer_timer = QTimer(self)
        self._printer_timer.timeout.connect(self.check_printer)
        self._printer_timer.start(PRINTER_CHECK_MS)
        self._update_selection()
        self.check_printer()
        self.refresh()

    # --- building ------------------------------------------------------------------------

    def _build_service_buttons(self, menu: QMenu) -> None:
        services = self.config.services
        grid = vm.service_grid(len(services))
        if grid.compact:
            self.ui.serviceGrid.setSpacing(4)
        self.ui.servicesBox.setTitle(
            self.tr("Services - press the button or {keys}").format(
                keys=vm.service_keys_text(len(services))
            )
        )
        for i, svc in enumerate(services):
            key = vm.service_key(i)
            button = ServiceButton(svc.prefix, key, self.ui.servicesBox, compact=grid.compact)
            button.setMinimumHeight(grid.button_height)
            self.ui.serviceGrid.addWidget(button, i // grid.columns, i % grid.columns)
            command = Command(
                self,
                self.tr("Issue {prefix}: {service}").format(
                    prefix=svc.prefix, service=self.config.service_name(svc.prefix)
                ),
                key or None,
                partial(self.issue, svc.prefix),
                menu=menu,
            )
            button.clicked.connect(command.action.trigger)
            button.installEventFilter(self)  # a click on a suspended service says why
            button.show_state(
                self.config.service_name(svc.prefix), "", low=False, reason=self.tr("Loading...")
            )
            command.set_enabled(False)
            self.service_buttons[svc.prefix] = button
            self.issue_commands[svc.prefix] = command

    def _build_options(self, menu: QMenu) -> None:
        self.group_buttons = QButtonGroup(self)
        self.group_buttons.setExclusive(True)
        buttons: list[QPushButton] = [
            self.ui.groupButton1,
            self.ui.groupButton2,
            self.ui.groupButton3,
            self.ui.groupButton4,
        ]
        self.group_buttons.idToggled.connect(self._group_changed)
        for size, button in enumerate(buttons[:MAX_GROUP], start=1):
            self.group_buttons.addButton(button, size)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            Command(
                self,
                self.tr("{n} person(s) on the next ticket").format(n=size),
                f"Ctrl+{size}",
                partial(self.set_group, size),
                menu=menu,
            )
        self.ui.groupHint.setText(f"[Ctrl+1 … Ctrl+{MAX_GROUP}]")
        Command(
            self,
            self.tr("Priority visitor"),
            "Ctrl+P",
            self.ui.priorityCheck.toggle,
            menu=menu,
        )
        self.ui.priorityCheck.setText(f"{self.ui.priorityCheck.text()}  [Ctrl+P]")
        self.ui.priorityCheck.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def _build_recent_table(self) -> None:
        self.recent_model = RecentTicketsModel(self.config, self)
        table = self.ui.recentTable
        table.setModel(self.recent_model)
        table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab, then arrows to pick a row
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SERVICE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        table.verticalHeader().setDefaultSectionSize(RECENT_ROW_HEIGHT)
        # room for the last few tickets even on a 768-pixel screen (the services give way)
        table.ensurePolished()
        header.ensurePolished()
        table.setMinimumHeight(
            header.sizeHint().height()
            + RECENT_ROWS_SHOWN * RECENT_ROW_HEIGHT
            + 2 * table.frameWidth()
        )
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        for button in (self.ui.reprintButton, self.ui.cancelButton):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setMinimumWidth(180)

    # --- online bookings ---------------------------------------------------------------------

    def open_bookings(self) -> BookingsDialog:
        """Today's online bookings and the check-in field (one dialog, brought forward)."""
        if self.bookings_dialog is None:
            self.bookings_dialog = BookingsDialog(self.ctx, self)
            self.bookings_dialog.finished.connect(self.refresh)
        self.bookings_dialog.show()
        self.bookings_dialog.raise_()
        self.bookings_dialog.activateWindow()
        self.bookings_dialog.check_in_edit.setFocus()
        return self.bookings_dialog

    # --- finished documents ------------------------------------------------------------------

    def open_documents(self) -> DocumentsDialog:
        """Mark a document ready, hand one over (one dialog, brought forward)."""
        if self.documents_dialog is None:
            self.documents_dialog = DocumentsDialog(self.ctx, self)
        self.documents_dialog.show()
        self.documents_dialog.raise_()
        self.documents_dialog.activateWindow()
        self.documents_dialog.number_edit.setFocus()
        return self.documents_dialog

    def ask_document(self, prefix: str) -> str | None:
        """Which ready document a number of ``prefix`` comes for: its registration number
        or the NIK, scanned or typed; None when staff cancel (a test replaces this)."""
        dialog = DocumentKeyDialog(self.config.service_name(prefix), self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.key() or None
        finally:
            dialog.deleteLater()

    # --- options ---------------------------------------------------------------------------

    def group_size(self) -> int:
        size = self.group_buttons.checkedId()
        return size if size > 0 else 1

    def _group_changed(self, _size: int, checked: bool) -> None:
        """In "fit" order whether a new ticket waits outside depends on its group."""
        if checked and self.status is not None:
            for svc in self.status.services:
                self._show_service(self.status, svc)

    def set_group(self, size: int) -> None:
        button = self.group_buttons.button(size)
        if button is not None:
            button.setChecked(True)

    def _reset_options(self) -> None:
        """After each ticket: one person, no priority, so nobody inherits the last choice."""
        self.set_group(1)
        self.ui.priorityCheck.setChecked(False)

    # --- issuing ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A disabled button ignores clicks; a suspended service's still says where to go."""
        if (
            isinstance(watched, ServiceButton)
            and not watched.isEnabled()
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and watched.rect().contains(event.position().toPoint())
        ):
            self.issue(watched.prefix)
        return super().eventFilter(watched, event)

    def issue(self, prefix: str) -> None:
        view = self.service_views.get(prefix)
        if view is not None and view.refusal == vm.Refusal.SUSPENDED:
            self.messages.show("warning", self.suspended_text(view))
            return
        button = self.service_buttons.get(prefix)
        if button is None or not button.isEnabled() or self.guard.busy:
            return
        document = None
        if self.config.needs_document(prefix):  # a pickup: which document, before its number
            document = self.ask_document(prefix)
            if document is None:
                return
        if not self.guard.begin():
            return
        group, priority = self.group_size(), self.ui.priorityCheck.isChecked()
        self._busy_timer.start()
        self.ctx.call(
            self.ctx.actions,
            lambda: self.station.issue(prefix, group=group, priority=priority, document=document),
            self._issued,
            name=f"issue {prefix}",
        )

    def suspended_text(self, view: vm.ServiceView) -> str:
        """The suspension's reason once, then where the visitor can go instead."""
        office = self.config.office
        elsewhere = []
        if office.online:
            elsewhere.append(
                self.tr("Online applications: {address}").format(address=office.online)
            )
        if office.whatsapp:
            elsewhere.append(self.tr("WhatsApp {number}").format(number=office.whatsapp))
        reason = view.notice or self.tr("This service is suspended.")
        return " · ".join([reason, *elsewhere])

    def _say_busy(self) -> None:
        if self.guard.busy:
            self.messages.show("warning", self.tr("Issuing the ticket... please wait."))

    def _issued(self, ticket: Ticket | None, error: BaseException | None) -> None:
        self.guard.end()
        self._busy_timer.stop()
        if self.closed:
            return
        if error is not None:
            if isinstance(error, Refused) and error.reason == Reason.PRINTER:
                self._show_printer(PrinterState(False, "error", error.message, "error"))
                self.messages.show(
                    "error",
                    self.tr("No ticket issued: the printer is not ready ({reason}).").format(
                        reason=error.message
                    ),
                )
            else:
                self.handle_error(error, acting=True)
            self.refresh()
            return
        assert ticket is not None
        self._reset_options()
        self.last_ticket = ticket
        name = self.config.service_name(ticket.prefix)
        if ticket.state == State.OUTSIDE:
            text = self.tr(
                "{code} issued for {service}. The hall is full: the visitor waits outside "
                "until called in."
            )
        else:
            text = self.tr("{code} issued for {service}.")
        text = text.format(code=ticket.code, service=name)
        if ticket.document is not None:
            text += " " + self.tr("Document: {kind} {number}.").format(
                kind=ticket.document.kind, number=ticket.document.number
            )
        self.messages.show("info", text)
        self._render_preview(ticket)
        self.refresh()

    # --- preview ---------------------------------------------------------------------------

    def _render_preview(self, ticket: Ticket) -> None:
        printer, config = self.station.printer, self.config
        self.ctx.render.submit(
            lambda: render_ticket(printer, config, ticket),
            lambda image, error: self._show_preview(ticket, image, error),
            name=f"preview {ticket.code}",
        )

    def _show_preview(
        self, ticket: Ticket, image: QImage | None, error: BaseException | None
    ) -> None:
        if self.closed or (self.last_ticket is not None and ticket.id != self.last_ticket.id):
            return
        if error is not None or image is None:
            log.warning("no preview for %s: %s", ticket.code, error)
            self.ui.previewImage.set_image(None)
            self.ui.previewImage.setText(self.tr("No preview"))
            return
        self.ui.previewImage.set_image(image)
        # the print may have ended while the image was drawn: the caption says what is
        # known now (last_ticket, kept current by _printed), not what was at issue time
        self._caption(self.last_ticket or ticket)

    def preview(self) -> QImage | None:
        """The image of the last ticket issued here, as shown."""
        return self.ui.previewImage.image()

    def _caption(self, ticket: Ticket) -> None:
        self.ui.previewCaption.setText(
            f"{ticket.code} · {ticket.issued_at:%H:%M} · {self.recent_model.print_word(ticket)}"
        )

    # --- printing outcomes and the printer light ---------------------------------------------

    @Slot(object)
    def _printed(self, ticket: Ticket) -> None:
        if self.closed:
            return
        if self.last_ticket is not None and ticket.id == self.last_ticket.id:
            self.last_ticket = ticket
            self._caption(ticket)
        if ticket.print_status == PrintStatus.FAILED:
            self.messages.show(
                "error",
                self.tr(
                    "{code} was not printed: {error}. Select it under Last tickets issued "
                    "and press Reprint, or cancel it."
                ).format(code=ticket.code, error=ticket.print_error or "?"),
            )
        self.refresh()
        self.check_printer()

    @Slot()
    def check_printer(self) -> None:
        if self._checking_printer or self.closed:
            return
        self._checking_printer = True
        self.ctx.printer.submit(self.station.printer_state, self._printer_checked)

    def _printer_checked(self, state: PrinterState | None, error: BaseException | None) -> None:
        self._checking_printer = False
        if self.closed:
            return
        if error is not None or state is None:
            log.warning("printer check failed: %s", error)
            state = PrinterState(False, "error", str(error), "error")
        self._show_printer(state)

    def _show_printer(self, state: PrinterState) -> None:
        light = vm.printer_light(state)
        text = {
            vm.PrinterWords.OFF: self.tr("Printing off"),
            vm.PrinterWords.PREVIEW: self.tr("Printer: preview images only"),
            vm.PrinterWords.READY: self.tr("Printer ready"),
            vm.PrinterWords.REASON: self.tr("Printer: {reason}"),
        }[light.words].format(reason=light.reason)
        set_light(self.ui.printerLight, self.ui.printerLabel, light.level, text, light.reason)
        self.printer_level = light.level

    # --- showing the queue ---------------------------------------------------------------------

    def load(self) -> DeskData:
        return DeskData(
            self.queue.status(calls=0),
            self.queue.recent_tickets(RECENT_ROWS),
            self.queue.failed_prints(),
        )

    def show_loaded(self, data: DeskData) -> None:
        self.status = data.status
        for svc in data.status.services:
            self._show_service(data.status, svc)
        self._show_capacity(data.status)
        selected = self.selected_ticket()
        self.recent_model.set_rows(data.recent)
        if selected is not None:
            row = self.recent_model.row_of(selected.code)
            if row is not None:
                self.ui.recentTable.selectRow(row)
        self._update_selection()
        self._show_failed(data.failed)
        self._show_rules_origin()

    def _show_rules_origin(self) -> None:
        """Whose queue rules this desk applies: quotas, suspensions, the hall's limit and
        opening hours come from the database once a settings dialog saved them there."""
        origin = self.queue.rules_origin
        if origin is None:
            self.rules_label.setText(self.tr("Queue rules: this PC's configuration file"))
            self.rules_label.setToolTip(
                self.tr(
                    "No station has saved queue rules in the database yet: this PC follows "
                    "its own file. The first save in Settings makes them every station's."
                )
            )
            return
        when = self.ctx.queue.local(origin.changed_at) if origin.changed_at else None
        self.rules_label.setText(
            self.tr("Queue rules: shared, from the database (saved {when} by {station})").format(
                when=when.strftime("%d-%m %H:%M") if when else "?",
                station=origin.station or "?",
            )
        )
        self.rules_label.setToolTip(
            self.tr(
                "Quotas, suspensions, the hall's limit and mode and the opening hours are "
                "those saved in the database, for every station; this PC's file no longer "
                "decides them. Change them in Settings."
            )
        )

    def _refusal_text(self, view: vm.ServiceView) -> str | None:
        if view.refusal is None:
            return None
        if view.refusal == vm.Refusal.SUSPENDED:  # its reason alone: "Suspended: …" said it twice
            return view.notice or self.tr("Suspended")
        return {
            vm.Refusal.CLOSED: self.tr("Closed: opening hours {hours}"),
            vm.Refusal.QUOTA_USED_UP: self.tr("Quota used up ({quota} numbers today)"),
            vm.Refusal.HALL_FULL: self.tr("Waiting hall full"),
            vm.Refusal.NO_ROOM: self.tr("Only {free} places free for {group} persons"),
            vm.Refusal.TOO_LARGE: self.tr("Group larger than the waiting hall ({limit})"),
        }[view.refusal].format(
            hours=self.config.office.opening_hours,
            quota=view.quota,
            free=view.free,
            group=view.group,
            limit=view.limit,
        )

    def _show_service(self, status: Status, svc: ServiceStatus) -> None:
        button = self.service_buttons.get(svc.prefix)
        if button is None:
            return
        view = vm.service_view(status, svc, self.config, group=self.group_size())
        quota = (
            self.tr("{left} of {quota} left · {waiting} waiting").format(
                left=view.left, quota=view.quota, waiting=view.waiting
            )
            if view.shows_quota
            else ""
        )
        note = self.tr("New tickets wait outside") if view.waits_outside else None
        if note is None and self.config.needs_document(svc.prefix):
            note = self.tr("Only for a finished document")  # the desk asks which one
        button.show_state(
            view.name, quota, low=view.low, reason=self._refusal_text(view), note=note
        )
        self.service_views[svc.prefix] = view
        # F key of a suspended service: live, so it says where to go instead
        self.issue_commands[svc.prefix].set_enabled(
            view.can_issue or view.refusal == vm.Refusal.SUSPENDED
        )

    def _show_capacity(self, status: Status) -> None:
        ui, view = self.ui, vm.capacity_view(status)
        ui.capacityValue.setText(view.value_text)
        ui.capacityBar.setMaximum(view.gauge_maximum)
        ui.capacityBar.setValue(view.gauge_value)
        set_state(ui.capacityBar, "level", _style(view.gauge))
        if view.wait_outside:
            text = self.tr("{free} places free · outside: {tickets} tickets ({persons} persons)")
            ui.outsideLabel.setText(
                text.format(free=view.free, tickets=view.outside, persons=view.outside_persons)
            )
        else:
            ui.outsideLabel.setText(self.tr("{free} places free").format(free=view.free))
        set_state(ui.outsideLabel, "level", "busy" if view.outside_busy else None)
        if view.banner == vm.Banner.FULL:
            banner = self._banner(
                self.tr("WAITING HALL FULL"), self.tr("No tickets until visitors leave")
            )
        elif view.banner == vm.Banner.BLOCKED:
            title = self.tr("{free} places free, waiting for group {code} ({persons} persons)")
            banner = self._banner(
                title.format(free=view.free, code=view.head_code, persons=view.head_group),
                self.tr("That group goes in first once enough places are free"),
            )
        elif view.banner == vm.Banner.OUTSIDE:
            banner = self._banner(
                self.tr("Waiting hall full"), self.tr("New tickets wait outside until called in")
            )
        else:
            banner = ""
        ui.hallFullLabel.setText(banner)
        set_state(ui.hallFullLabel, "level", _style(view.banner))
        ui.hallFullLabel.setVisible(bool(banner))

    @staticmethod
    def _banner(title: str, detail: str) -> str:
        return (
            f"<div style='font-size:19px; font-weight:800'>{html.escape(title)}</div>"
            f"<div style='font-size:14px; font-weight:600'>{html.escape(detail)}</div>"
        )

    def _show_failed(self, failed: list[Ticket]) -> None:
        codes = vm.failed_codes(failed)
        if codes:
            self.ui.failedLabel.setText(self.tr("Not printed: {codes}").format(codes=codes))
        else:
            self.ui.failedLabel.clear()

    # --- the recent tickets --------------------------------------------------------------------

    def selected_ticket(self) -> Ticket | None:
        rows = self.ui.recentTable.selectionModel().selectedRows()
        return self.recent_model.ticket(rows[0].row()) if rows else None

    def select_code(self, code: str) -> bool:
        row = self.recent_model.row_of(code)
        if row is None:
            return False
        self.ui.recentTable.selectRow(row)
        return True

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_: object) -> None:
        self._update_selection()

    def _update_selection(self) -> None:
        actions = vm.ticket_actions(self.selected_ticket(), printing=self.station.printing)
        self.reprint_command.set_enabled(actions.reprint)
        self.cancel_command.set_enabled(actions.cancel)

    def reprint(self) -> None:
        ticket = self.selected_ticket()
        if ticket is None or not self.guard.begin():
            return
        self.ctx.call(
            self.ctx.actions,
            lambda: self.station.reprint(ticket.code),
            partial(self._after_ticket_action, self.tr("{code} sent to the printer again.")),
            name=f"reprint {ticket.code}",
        )

    def cancel_selected(self) -> None:
        ticket = self.selected_ticket()
        if ticket is None:
            return
        if not dialogs.question(
            self,
            self.tr("Cancel ticket"),
            self.tr("Cancel ticket {code}? Its number will not be called.").format(
                code=ticket.code
            ),
            yes=self.tr("Cancel the ticket"),
            no=self.tr("Keep it"),
        ):
            return
        if not self.guard.begin():
            return
        self.ctx.call(
            self.ctx.actions,
            lambda: self.queue.cancel(ticket.code),
            partial(self._after_ticket_action, self.tr("{code} cancelled.")),
            name=f"cancel {ticket.code}",
        )

    def _after_ticket_action(
        self, done_text: str, ticket: Ticket | None, error: BaseException | None
    ) -> None:
        self.guard.end()
        if self.closed:
            return
        if error is not None:
            self.handle_error(error, acting=True)
        elif ticket is not None:
            self.messages.show("info", done_text.format(code=ticket.code))
        self.refresh()

    # --- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self._printer_timer.stop()
        self.web.close()
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.printed.disconnect(self._printed)
        super().closeEvent(event)
