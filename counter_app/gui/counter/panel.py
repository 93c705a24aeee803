"""The counter panel: the ticket being served, large, and the counter's actions, each on
an F key shown on its button. A scan field takes a ticket's QR code from a USB scanner
(which types like a keyboard and ends with Enter) or a typed number such as A-012."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from counter_app.core.model import CounterStatus, Refused, Status, Ticket, Verification
from counter_app.core.model import TicketState as State
from counter_app.core.queue import parse_code
from counter_app.gui.counter import view_model as vm
from counter_app.gui.forms.ui_counter_panel import Ui_CounterPanel
from counter_app.gui.shell import dialogs
from counter_app.gui.shell.context import Context
from counter_app.gui.shell.keys import Command, PressGuard
from counter_app.gui.shell.queue_window import QueueWindow
from counter_app.gui.shell.style import set_state
from counter_app.gui.shell.widgets import ElidedLabel

log = logging.getLogger(__name__)

KEYS = {
    "call_next": "F5",
    "recall": "F6",
    "done": "F7",
    "no_show": "F8",
    "transfer": "F9",
    "call_ticket": "Ctrl+Enter",
    "return": "Ctrl+R",
    "scan": "Ctrl+L",
}
#: Enter is Return on the main keyboard and Enter on the keypad: both work
_EXTRA_KEYS = {"call_ticket": ["Ctrl+Return"]}
HINT_PADDING = 8  # pixels either side of the scan field's hint
_COMMAND_KEYS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class CounterPanel(QueueWindow):
    kind = "counter"

    def __init__(self, ctx: Context, number: int) -> None:
        super().__init__(ctx)
        counter = self.config.counter(number)
        if counter is None:
            raise LookupError(f"counter {number} is not configured")
        self.number = number
        self.counter = counter
        self.ui = Ui_CounterPanel()
        self.ui.setupUi(self)
        self.guard = PressGuard()
        self.current: Ticket | None = None
        self.last_call: tuple[str, datetime] | None = None  # this counter's last call: code, when
        self.counter_status: CounterStatus | None = None
        self.scanned: Verification | None = None
        self.setWindowTitle(self.tr("{counter} - counter-app").format(counter=counter.label))
        self.ui.titleLabel.setText(counter.label)
        self.ui.servicesLabel.setText(
            " · ".join(self.config.service_name(prefix) for prefix in counter.services)
        )
        self._build_commands()
        self._build_waiting_rows()
        ui = self.ui
        ui.callNextButton.setProperty("role", "primary")
        ui.doneButton.setProperty("role", "good")
        ui.callTicketButton.setProperty("role", "primary")
        for button in (
            ui.callNextButton,
            ui.recallButton,
            ui.doneButton,
            ui.noShowButton,
            ui.transferButton,
            ui.checkButton,
            ui.callTicketButton,
            ui.returnButton,
        ):
            # Clicking keeps the focus in the scan field, where the scanner types.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        ui.checkButton.setText(f"{ui.checkButton.text()}  [Enter]")
        ui.checkButton.clicked.connect(self.check_scan)
        ui.scanEdit.returnPressed.connect(self.check_scan)
        ui.scanEdit.textEdited.connect(self._scan_edited)
        self._scan_hints = (  # the form's full hint, and a short one for a narrow field
            ui.scanEdit.placeholderText(),
            self.tr("Scan the QR or type the number, then Enter"),
        )
        ui.scanEdit.installEventFilter(self)  # resized: the hint that fits
        ui.scanResult.setMinimumHeight(34)
        ui.onlineLight.setProperty("light", "off")
        self.finish_setup(ui.messageBar, ui.onlineLight, ui.onlineLabel, ui.clockLabel)
        self._show_current(None)
        self._show_scan(None)
        ui.scanEdit.setFocus()
        self._fit_scan_hint()
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.scanEdit and event.type() == QEvent.Type.Resize:
            self._fit_scan_hint()
        return super().eventFilter(watched, event)

    def _fit_scan_hint(self) -> None:
        """The full hint where it fits, else the short one: never a hint cut in half."""
        edit = self.ui.scanEdit
        room = edit.width() - edit.height() - 2 * HINT_PADDING  # less the clear button
        full, short = self._scan_hints
        fits = edit.fontMetrics().horizontalAdvance(full) <= room
        edit.setPlaceholderText(full if fits else short)

    def _build_commands(self) -> None:
        ui = self.ui
        menu = self.menuBar().addMenu(self.tr("&Counter"))

        def command(
            name: str, text: str, slot: Callable[[], object], button: QPushButton | None
        ) -> Command:
            keys = [KEYS[name], *_EXTRA_KEYS.get(name, [])]
            return Command(self, text, keys, slot, button=button, menu=menu)

        self.commands = {
            "call_next": command(
                "call_next", self.tr("Call next"), self.call_next, ui.callNextButton
            ),
            "recall": command("recall", self.tr("Recall"), self.recall, ui.recallButton),
            "done": command("done", self.tr("Done"), self.done, ui.doneButton),
            "no_show": command("no_show", self.tr("No-show"), self.no_show, ui.noShowButton),
            "transfer": command(
                "transfer", self.tr("Transfer..."), self.transfer, ui.transferButton
            ),
        }
        menu.addSeparator()
        self.commands["call_ticket"] = command(
            "call_ticket", self.tr("Call this ticket"), self.call_scanned, ui.callTicketButton
        )
        self.commands["return"] = command(
            "return", self.tr("Return a no-show..."), self.return_no_show, ui.returnButton
        )
        self.commands["scan"] = command(
            "scan", self.tr("Go to the scan field"), self.focus_scan, None
        )

    def _build_waiting_rows(self) -> None:
        grid = self.ui.waitingGrid
        self.waiting_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for row, prefix in enumerate(self.counter.services):
            name = ElidedLabel()
            name.setText(vm.waiting_row_name(self.config, prefix))
            name.setObjectName("waitingName")
            count = QLabel("0")
            count.setObjectName("waitingCount")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            outside = QLabel("")
            outside.setObjectName("waitingOutside")
            grid.addWidget(name, row, 0)
            grid.addWidget(outside, row, 1)
            grid.addWidget(count, row, 2)
            self.waiting_labels[prefix] = (count, outside)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(len(self.counter.services), 1)

    # --- showing the queue -------------------------------------------------------------------

    def load(self) -> Status:
        return self.queue.status(calls=vm.HISTORY * len(self.config.counters or [1]) * 2)

    def show_loaded(self, status: Status) -> None:
        view = vm.counter_view(status, self.counter.number, self.counter.services)
        self.counter_status = view.counter
        self._show_current(view.current)
        for row in view.rows:
            count, outside = self.waiting_labels[row.prefix]
            count.setText(str(row.waiting))
            set_state(count, "level", "none" if row.empty else None)
            outside.setText(self.tr("+{n} outside").format(n=row.outside) if row.outside else "")
        self.ui.servedValue.setText(str(view.served))
        self.ui.noShowValue.setText(str(view.no_shows))
        self.ui.waitingValue.setText(str(view.waiting))
        self.commands["call_next"].set_enabled(view.can_call_next)
        self._show_history(status)

    def _show_history(self, status: Status) -> None:
        calls = vm.history(status, self.counter.number)
        if not calls.items:
            self.ui.historyLabel.setText(self.tr("No calls at this counter yet today."))
            return
        text = self.tr("Last calls here: {calls}").format(calls=" · ".join(calls.items))
        if calls.recalled:  # the note stays whole: the line breaks only between calls
            text += " · " + self.tr("(* called again)").replace(" ", vm.NBSP)
        self.ui.historyLabel.setText(text)

    def _show_current(self, ticket: Ticket | None) -> None:
        self.current = ticket
        ui = self.ui
        view = vm.current_view(ticket)
        for name in vm.SERVING_COMMANDS:
            self.commands[name].set_enabled(view is not None)
        set_state(ui.currentCode, "idle", None if view is not None else "true")
        self._show_document(view.document if view is not None else None)
        if view is None:
            ui.currentCode.setText("—")
            ui.currentService.setText(self.tr("Nobody at the counter"))
            ui.currentDetails.setText(
                self.tr("Press Call next [{key}] to call the next visitor.").format(
                    key=KEYS["call_next"]
                )
            )
            return
        ui.currentCode.setText(view.code)
        ui.currentService.setText(self.config.service_name(view.service))
        details = []
        if view.called_at is not None:
            details.append(self.tr("called at {time}").format(time=view.called_at))
        if view.recalls:
            details.append(self.tr("called again {n}x").format(n=view.recalls))
        details.append(self.tr("{n} person(s)").format(n=view.group))
        if view.priority:
            details.append(self.tr("PRIORITY"))
        if view.transferred_from is not None:
            details.append(
                self.tr("transferred from {prefix}").format(prefix=view.transferred_from)
            )
        ui.currentDetails.setText(" · ".join(details))

    def _show_document(self, doc: vm.DocumentView | None) -> None:
        """What to fetch for the visitor, where the eye already is: "Fetch: KK · KK-2026-0001"."""
        label = self.ui.currentDocument
        label.setVisible(doc is not None)
        if doc is None:
            label.clear()
            set_state(label, "level", None)
            return
        text = (
            self.tr("Handed over: {kind} · {number}")
            if doc.handed
            else self.tr("Fetch: {kind} · {number}")
        )
        label.setText(text.format(kind=doc.kind, number=doc.number))
        set_state(label, "level", "handed" if doc.handed else None)

    # --- actions -------------------------------------------------------------------------------

    def _act(
        self,
        name: str,
        fn: Callable[[], Ticket],
        done_text: Callable[[Ticket], str],
        *,
        calls: bool = False,
    ) -> None:
        """``calls``: the action calls the visitor (call next, recall)."""
        if not self.guard.begin():
            return
        self.ctx.call(self.ctx.actions, fn, partial(self._acted, done_text, calls), name=name)

    def _acted(
        self,
        done_text: Callable[[Ticket], str],
        calls: bool,
        ticket: Ticket | None,
        error: BaseException | None,
    ) -> None:
        self.guard.end()
        if self.closed:
            return
        if error is not None:
            self.handle_error(error, acting=True)
        elif ticket is not None:
            if calls:  # by the queue's clock; a recall leaves the ticket's called_at as it was
                self.last_call = (ticket.code, self.queue.clock.now())
            self.messages.show("info", done_text(ticket))
        self.refresh()

    def call_next(self) -> None:
        self._act(
            "call next",
            lambda: self.queue.call_next(self.counter.number),
            lambda t: self.tr("{code} called to {counter}.").format(
                code=t.code, counter=self.counter.label
            ),
            calls=True,
        )

    def recall(self) -> None:
        self._act(
            "recall",
            lambda: self.queue.recall(self.counter.number),
            lambda t: self.tr("{code} called again.").format(code=t.code),
            calls=True,
        )

    def _last_call(self, ticket: Ticket) -> datetime | None:
        mine = self.last_call[1] if self.last_call and self.last_call[0] == ticket.code else None
        return max((t for t in (ticket.called_at, mine) if t is not None), default=None)

    def confirm_no_show(self, ticket: Ticket, seconds: int) -> bool:
        """Asked when the visitor was called moments ago (a test replaces this)."""
        return dialogs.question(
            self,
            self.tr("No-show for {code}?").format(code=ticket.code),
            self.tr(
                "{code} was called {seconds} seconds ago and may still be on the way. "
                "Mark it as not come anyway?"
            ).format(code=ticket.code, seconds=seconds),
            yes=self.tr("Mark as no-show"),
            no=self.tr("Wait"),
        )

    def done(self) -> None:
        self._act("done", lambda: self.queue.done(self.counter.number), self._served_text)

    def _served_text(self, ticket: Ticket) -> str:
        """Served; and the document it came for handed over, in the queue's log."""
        doc, view = ticket.document, vm.document_view(ticket.document)
        if doc is None or view is None or not view.handed:
            return self.tr("{code} served.").format(code=ticket.code)
        return self.tr("{code} served: {kind} {number} handed over.").format(
            code=ticket.code, kind=doc.kind, number=doc.number
        )

    def no_show(self) -> None:
        ticket = self.current
        if ticket is not None:
            seconds = vm.no_show_too_soon(self._last_call(ticket), self.queue.clock.now())
            if seconds is not None and not self.confirm_no_show(ticket, seconds):
                return
        self._act(
            "no-show",
            lambda: self.queue.no_show(self.counter.number),
            lambda t: self.tr(
                "{code} did not come. If the visitor arrives later, use Return a no-show [{key}]."
            ).format(code=t.code, key=KEYS["return"]),
        )

    def transfer(self) -> None:
        ticket = self.current
        if ticket is None:
            return
        choices = vm.transfer_choices(self.config, ticket)
        if not choices:
            self.messages.show("warning", self.tr("There is no other service to transfer to."))
            return
        prefix = dialogs.choose(
            self,
            self.tr("Transfer {code}").format(code=ticket.code),
            self.tr(
                "Send {code} to the line of another service. It keeps its place in the order "
                "of issue."
            ).format(code=ticket.code),
            choices,
        )
        if prefix is None:
            return
        self._act(
            "transfer",
            lambda: self.queue.transfer(ticket.code, prefix),
            lambda t: self.tr("{code} moved to {service}.").format(
                code=t.code, service=self.config.service_name(t.service)
            ),
        )

    def return_no_show(self) -> None:
        self.ctx.call(self.ctx.reads, self.queue.no_shows, self._choose_return, name="no-shows")

    def _choose_return(self, tickets: list[Ticket] | None, error: BaseException | None) -> None:
        if self.closed:
            return
        if error is not None:
            self.handle_error(error)
            return
        if not tickets:
            self.messages.show("warning", self.tr("Nobody has been marked as no-show today."))
            return
        code = dialogs.choose(
            self,
            self.tr("Return a no-show"),
            self.tr("The visitor came back late: put the ticket at the end of its line."),
            vm.return_choices(self.config, tickets),
            current=vm.scanned_no_show(self.scanned),
        )
        if code is None:
            return
        self._act(
            "return",
            lambda: self.queue.return_ticket(code),
            lambda t: (
                self.tr("{code} is back in line (waiting outside).")
                if t.state == State.OUTSIDE
                else self.tr("{code} is back in line.")
            ).format(code=t.code),
        )

    # --- the scan field ----------------------------------------------------------------------

    def focus_scan(self) -> None:
        self.ui.scanEdit.setFocus()
        self.ui.scanEdit.selectAll()

    def _scan_edited(self, _text: str) -> None:
        if self.scanned is not None:
            self._show_scan(None)

    def _look_up(self, code: str) -> Verification:
        """A typed number: like a scan, without a signature to check (runs on a worker)."""
        try:
            ticket = self.queue.ticket(code)
        except Refused as exc:
            return Verification(False, "unknown_ticket", exc.message, None)
        return vm.typed_verification(ticket, self.config.office.language)

    @Slot()
    def check_scan(self) -> None:
        text = self.ui.scanEdit.text().strip()
        if not text:
            return
        code = parse_code(text)
        if code is not None:
            fn: Callable[[], Verification] = partial(self._look_up, text.upper())
        else:
            fn = partial(self.queue.verify, text)
        self.ui.scanEdit.selectAll()  # the next scan replaces this one
        self.ctx.call(self.ctx.reads, fn, self._scan_checked, name="check scan")

    def _scan_checked(self, result: Verification | None, error: BaseException | None) -> None:
        if self.closed:
            return
        if error is not None:
            self.handle_error(error)
            return
        self._show_scan(result)

    def callable_ticket(self) -> Ticket | None:
        return vm.callable_ticket(self.scanned)

    def _show_scan(self, result: Verification | None) -> None:
        self.scanned = result
        label = self.ui.scanResult
        if result is None:  # the line stays, empty, so nothing above it moves
            label.clear()
            set_state(label, "level", None)
            self.commands["call_ticket"].set_enabled(False)
            return
        view = vm.scan_view(result)
        hint = {
            None: "",
            vm.ScanHint.CALL_IT: self.tr("Press Call this ticket [{key}] to call it here."),
            vm.ScanHint.ALREADY_CALLED: self.tr("Already called to counter {n}."),
            vm.ScanHint.WAITS_OUTSIDE: self.tr(
                "Waiting outside: it can be called once admitted into the hall."
            ),
            vm.ScanHint.RETURN_IT: self.tr(
                "Marked as no-show: Return a no-show [{key}] puts it back in line."
            ),
        }[view.hint]
        key = KEYS["call_ticket"] if view.hint == vm.ScanHint.CALL_IT else KEYS["return"]
        hint = hint.format(key=key, n=view.counter)
        label.setText(f"{view.mark}  {view.message}  {hint}".rstrip())
        set_state(label, "level", view.level.value)
        self.commands["call_ticket"].set_enabled(view.can_call)

    def call_scanned(self) -> None:
        ticket = self.callable_ticket()
        if ticket is None:
            return
        code = ticket.code

        def done_text(t: Ticket) -> str:
            self.ui.scanEdit.clear()
            self._show_scan(None)
            return self.tr("{code} called to {counter}.").format(
                code=t.code, counter=self.counter.label
            )

        self._act(
            "call ticket", lambda: self.queue.call_ticket(self.counter.number, code), done_text
        )

    # --- a scanner typing while the focus is elsewhere -------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys no widget took (focus on a button, say) go to the scan field: the first
        character of a scan is never lost."""
        text = event.text()
        typing = not (event.modifiers() & _COMMAND_KEYS)
        edit: QLineEdit = self.ui.scanEdit
        if text and text.isprintable() and typing and not edit.hasFocus():
            edit.setFocus()
            edit.insert(text)
            self._scan_edited(text)
            return
        super().keyPressEvent(event)
