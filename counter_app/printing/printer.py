"""The printing facade: check the printer, build a ticket job, print it.

printer = TicketPrinter(cfg.printer, cfg.office.name, cfg.office.language, cfg.office.zone)
state = printer.check()              # before issuing: refuse when not state.ok
job = printer.build(ticket, "KTP-el")  # bytes built on the caller's thread (< 2 ms)
spooler = printer.spooler(on_result=store_outcome)
spooler.submit(job)                  # off the caller's thread; or printer.print(job)
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

from counter_app.core.config import Config, PrinterSettings
from counter_app.core.model import PrintStatus, Ticket, TicketState
from counter_app.printing import texts
from counter_app.printing.connections import (
    STATUS_TIMEOUT_MAX,
    check_printer,
    open_connection,
    query_state,
)
from counter_app.printing.escpos_out import check_profile, has_cutter, render_escpos, use_native_qr
from counter_app.printing.job import Delivery, PrintError, PrinterState, PrintJob, PrintOutcome
from counter_app.printing.layout import build_layout
from counter_app.printing.spooler import (
    BACKOFF,
    ResultCallback,
    Retrier,
    Spooler,
    call_with_deadline,
)
from counter_app.printing.texts import Language

TEST_PAYLOAD = "COUNTER-APP PRINTER TEST"  # not a signed ticket: verification says so


class TicketPrinter:
    def __init__(
        self,
        settings: PrinterSettings,
        office_name: str,
        language: Language = "id",
        tz: tzinfo | str = "Asia/Makassar",
        *,
        backoff: Sequence[float] = BACKOFF,
    ) -> None:
        check_profile(settings.profile)  # a misspelt profile fails at start-up, not per ticket
        self.settings = settings
        self.office_name = office_name
        self.language: Language = language
        self.tz: tzinfo = ZoneInfo(tz) if isinstance(tz, str) else tz
        self.backoff = tuple(backoff)
        # Most network printers serve one TCP connection at a time: a status check
        # from the desk while the spooler prints would wait unanswered in the backlog
        # and read as "no answer". Checks and jobs therefore take turns.
        self._io_lock = threading.Lock()
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)  # a test sets a clock

    @classmethod
    def from_config(cls, config: Config) -> TicketPrinter:
        office = config.office
        return cls(config.printer, office.name, office.language, office.zone)

    @property
    def enabled(self) -> bool:
        """False when printing is off (kind = "none"): issuing does not wait for paper."""
        return self.settings.kind != "none"

    @property
    def qr_native(self) -> bool:
        return use_native_qr(self.settings.qr, self.settings.profile)

    @property
    def has_cutter(self) -> bool:
        return has_cutter(self.settings.profile)

    @property
    def attempt_timeout(self) -> float:
        """Watchdog for one attempt: connect + write, plus four status round trips."""
        status = min(self.settings.timeout, STATUS_TIMEOUT_MAX)
        return 2 * self.settings.timeout + 4 * status + 1.0

    def _stuck(self) -> PrintError:
        seconds = texts.seconds(round(self.attempt_timeout, 1))
        return PrintError("no_answer", texts.word(self.language, "stuck", s=seconds))

    # -- before issuing ---------------------------------------------------------------

    def check(self) -> PrinterState:
        """Can a ticket be printed now? Bounded by the watchdog, never a hang."""
        try:
            return call_with_deadline(
                self._check_locked,
                self.attempt_timeout,
                on_timeout=self._stuck(),
            )
        except PrintError as exc:
            return PrinterState(False, "error", exc.reason, exc.code)

    def _check_locked(self) -> PrinterState:
        with self._io_lock:
            return check_printer(self.settings, self.language)

    # -- building -----------------------------------------------------------------------

    def build(self, ticket: Ticket, service_name: str, *, reprint: bool = False) -> PrintJob:
        return self._job(ticket, service_name, ticket_id=ticket.id, reprint=reprint)

    def _job(
        self,
        ticket: Ticket,
        service_name: str,
        *,
        ticket_id: int | None,
        reprint: bool = False,
        banner: str | None = None,
    ) -> PrintJob:
        layout = build_layout(
            ticket,
            office_name=self.office_name,
            service_name=service_name,
            settings=self.settings,
            language=self.language,
            tz=self.tz,
            reprint=reprint,
            banner=banner,
        )
        out = render_escpos(
            layout, profile=self.settings.profile, qr=self.settings.qr, cut=self.settings.cut
        )
        return PrintJob(
            ticket_id=ticket_id,
            code=ticket.code,
            data=out.data,
            layout=layout,
            reprint=reprint,
            copies=self.settings.copies,
            qr_native=out.qr_native,
            cut=out.cut,
            made_at=self.now().astimezone(self.tz),  # the office's day, not the PC's or UTC's
        )

    def test_job(self) -> PrintJob:
        """A sample ticket marked PRINTER TEST, with ticket_id None (stored nowhere)."""
        now = datetime.now(UTC)
        sample = Ticket(
            id=0,
            code="A-001",
            prefix="A",
            number=1,
            day=now.astimezone(self.tz).date(),
            state=TicketState.WAITING,
            service="A",
            group=1,
            priority=False,
            issued_at=now,
            called_at=None,
            finished_at=None,
            counter=None,
            recalls=0,
            print_status=PrintStatus.PENDING,
            print_attempts=0,
            print_error=None,
            qr=TEST_PAYLOAD,
            ahead=0,
            estimated_minutes=0,
        )
        return self._job(
            sample,
            texts.word(self.language, "test_service"),
            ticket_id=None,
            banner=texts.word(self.language, "test"),
        )

    # -- printing -----------------------------------------------------------------------

    def send(self, job: PrintJob) -> Delivery:
        """One attempt on a fresh connection: status, bytes, status again.

        The status after the job is what tells a finished ticket from one cut short by
        a dropped connection or a roll running out in the middle of it.
        """
        lang = self.language
        if not self.enabled:
            return Delivery(PrintStatus.OFF, texts.word(lang, "off"))
        with self._io_lock, open_connection(self.settings, lang) as conn:
            conn.open()
            before = query_state(conn)
            if not before.ok:
                raise PrintError.from_state(before)
            note = conn.send(job)
            after = query_state(conn) if conn.supports_status else before
            if not after.ok:
                raise PrintError.from_state(after)
        notes = [s.reason for s in (before, after) if s.level == "warning"]
        if note:
            notes.append(note)
        return Delivery(PrintStatus.PRINTED, "; ".join(dict.fromkeys(notes)) or None)

    def print(self, job: PrintJob) -> PrintOutcome:
        """Print on the caller's thread, with retries; bounded, never a hang."""
        retrier = Retrier(
            self.send,
            retries=self.settings.retries,
            deadline=self.attempt_timeout,
            backoff=self.backoff,
            lang=self.language,
            stopping=threading.Event(),
        )
        return retrier.run(job)

    def test_ticket(self) -> PrintOutcome:
        return self.print(self.test_job())

    def spooler(self, on_result: ResultCallback | None = None) -> Spooler:
        """A started spooler printing through this printer."""
        return Spooler(
            self.send,
            retries=self.settings.retries,
            attempt_timeout=self.attempt_timeout,
            on_result=on_result,
            backoff=self.backoff,
            lang=self.language,
        )
