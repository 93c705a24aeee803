"""What a counter panel shows (gui/counter/view_model.py), from plain Status values: no window."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from conftest import make_config
from fakeprinter import make_ticket

from counter_app.core.model import (
    Call,
    CounterStatus,
    DocumentRef,
    EventKind,
    PrintStatus,
    ServiceStatus,
    Status,
    Ticket,
    TicketState,
    Verification,
)
from counter_app.gui.counter import view_model as vm

NOW = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
CONFIG = make_config()


def ticket(
    code: str = "A-001", state: TicketState = TicketState.CALLED, **changes: object
) -> Ticket:
    fields: dict[str, object] = {
        "issued_at": NOW, "print_status": PrintStatus.PRINTED, "print_attempts": 1,
        "qr": "", "ahead": 0, "estimated_minutes": 0,
    }  # fmt: skip
    return make_ticket(code=code, state=state, **(fields | changes))


def service(prefix: str, waiting: int, outside: int = 0) -> ServiceStatus:
    return ServiceStatus(prefix, "", waiting, outside, issued=10, quota=150, suspended=None)


def counter(number: int, current: Ticket | None = None) -> CounterStatus:
    return CounterStatus(number, f"Loket {number}", ("A", "B"), current, 7, 2)


def status(
    *services: ServiceStatus, counters: tuple[CounterStatus, ...] = (), calls: tuple[Call, ...] = ()
) -> Status:
    return Status(
        day=NOW.date(),
        now=NOW,
        version=1,
        limit=20,
        when_full="refuse",
        occupancy=5,
        outside=0,
        outside_persons=0,
        open_now=True,
        services=services,
        counters=counters,
        calls=calls,
    )


def call(seq: int, code: str, kind: EventKind, counter: int | None = 1) -> Call:
    return Call(seq, kind, code, counter, NOW - timedelta(minutes=seq))


# --- the lines and the figures ---------------------------------------------------------------


def test_the_counter_counts_only_the_lines_it_serves() -> None:
    st = status(service("A", 3, 1), service("B", 0), service("C", 9), counters=(counter(3),))
    view = vm.counter_view(st, 3, ("B", "A"))
    assert [(r.prefix, r.waiting, r.outside, r.empty) for r in view.rows] == [
        ("A", 3, 1, False),
        ("B", 0, 0, True),
    ]
    assert view.waiting == 3  # those outside are not in the hall to be called yet
    assert (view.served, view.no_shows, view.current) == (7, 2, None)
    assert view.can_call_next


def test_call_next_needs_someone_in_line_or_someone_to_finish() -> None:
    empty = status(service("A", 0, 2), counters=(counter(1),))
    assert not vm.counter_view(empty, 1, ("A",)).can_call_next
    serving = replace(empty, counters=(counter(1, ticket()),))
    view = vm.counter_view(serving, 1, ("A",))
    assert view.can_call_next and view.current == ticket()


def test_a_counter_the_queue_does_not_know_shows_nothing_done() -> None:
    view = vm.counter_view(status(service("A", 1), counters=(counter(2),)), 1, ("A",))
    assert (view.counter, view.current, view.served, view.no_shows) == (None, None, 0, 0)


def test_the_waiting_row_names_the_service() -> None:
    assert vm.waiting_row_name(CONFIG, "B") == "B   Legalisasi"


# --- the last calls ------------------------------------------------------------------------


def test_the_last_calls_here_newest_first_with_recalls_starred() -> None:
    calls = (
        call(1, "A-004", EventKind.RECALLED),
        call(2, "B-001", EventKind.ADMITTED, counter=None),
        call(3, "A-005", EventKind.ADMITTED),  # letting in is no call, whatever its counter
        call(4, "A-003", EventKind.CALLED, counter=2),  # another counter
        call(5, "A-004", EventKind.CALLED),
    )
    got = vm.history(status(calls=calls), 1)
    hyphen, space = vm.NB_HYPHEN, vm.NBSP  # each call stays on one line
    assert got.items == (f"A{hyphen}004{space}02:59*", f"A{hyphen}004{space}02:55")
    assert got.recalled


def test_only_the_last_six_calls_are_listed_and_only_their_recalls_explained() -> None:
    calls = tuple(call(n, f"A-{n:03}", EventKind.CALLED) for n in range(1, 8))
    calls += (call(8, "A-008", EventKind.RECALLED),)
    got = vm.history(status(calls=calls), 1)
    assert len(got.items) == vm.HISTORY and not got.recalled


def test_no_calls_yet() -> None:
    assert vm.history(status(), 1) == vm.History((), False)


# --- the visitor at the counter ------------------------------------------------------------


def test_nobody_at_the_counter() -> None:
    assert vm.current_view(None) is None


def test_what_the_panel_says_about_the_visitor() -> None:
    t = ticket("B-007", called_at=NOW, recalls=2, group=3, priority=True, service="A")
    assert vm.current_view(t) == vm.CurrentView(
        code="B-007",
        service="A",
        called_at=f"{NOW:%H:%M}",
        recalls=2,
        group=3,
        priority=True,
        transferred_from="B",
    )
    plain = vm.current_view(ticket())
    assert plain is not None and plain.called_at is None and plain.transferred_from is None


def test_the_document_to_fetch_is_its_kind_and_number_on_one_line() -> None:
    ready = vm.current_view(ticket(document=DocumentRef("KK-2026-0001", "KK", "ready")))
    assert ready is not None
    assert ready.document == vm.DocumentView("KK", "KK\u20112026\u20110001", handed=False)
    handed = vm.document_view(DocumentRef("AKTA-3", "AKTA", "handed"))
    assert handed is not None and handed.handed
    plain = vm.current_view(ticket())
    assert plain is not None and plain.document is None


def test_a_ticket_is_transferred_to_any_other_service_not_suspended() -> None:
    config = make_config(
        services=[
            {"prefix": "A", "name": "Dokumen", "daily_quota": 10},
            {"prefix": "B", "name": "Legalisasi", "daily_quota": 10, "suspended": "Libur"},
            {"prefix": "C", "name": "Konsultasi", "daily_quota": 10},
        ],
        counters=[{"number": 1, "services": ["A", "B", "C"]}],
    )
    assert vm.transfer_choices(config, ticket("A-001")) == [("C", "C  Konsultasi")]
    assert vm.transfer_choices(config, ticket("C-001")) == [("A", "A  Dokumen")]


def test_a_no_show_is_offered_with_when_and_where_it_was_called() -> None:
    gone = ticket("A-002", TicketState.NO_SHOW, finished_at=NOW, counter=1)
    unknown = ticket("B-003", TicketState.NO_SHOW, counter=9)
    assert vm.return_choices(CONFIG, [gone, unknown]) == [
        ("A-002", f"A-002  Pengambilan Dokumen  ·  {NOW:%H:%M}  Loket 1"),
        ("B-003", "B-003  Legalisasi  ·  ?  "),
    ]


# --- the scan field ------------------------------------------------------------------------


def scanned(
    t: Ticket | None, *, ok: bool = True, message: str = "A-001: menunggu."
) -> Verification:
    return Verification(ok, None if ok else "served", message, t)


@pytest.mark.parametrize(
    ("state", "ok", "hint", "level"),
    [
        (TicketState.WAITING, True, vm.ScanHint.CALL_IT, vm.ScanLevel.OK),
        (TicketState.CALLED, True, vm.ScanHint.ALREADY_CALLED, vm.ScanLevel.NOTE),
        (TicketState.OUTSIDE, True, vm.ScanHint.WAITS_OUTSIDE, vm.ScanLevel.NOTE),
        (TicketState.NO_SHOW, False, vm.ScanHint.RETURN_IT, vm.ScanLevel.BAD),
        (TicketState.DONE, False, None, vm.ScanLevel.BAD),
    ],
)
def test_what_a_scanned_ticket_allows(
    state: TicketState, ok: bool, hint: vm.ScanHint | None, level: vm.ScanLevel
) -> None:
    t = ticket(state=state, counter=2)
    view = vm.scan_view(scanned(t, ok=ok))
    assert (view.hint, view.level, view.mark) == (hint, level, "✔" if ok else "✘")
    assert view.can_call == (state == TicketState.WAITING)
    assert vm.callable_ticket(scanned(t, ok=ok)) == (t if view.can_call else None)
    assert view.counter == 2 and view.message == "A-001: menunggu."


def test_a_scan_that_is_no_ticket_allows_nothing() -> None:
    view = vm.scan_view(scanned(None, ok=False, message="Tanda tangan salah"))
    assert (view.hint, view.level, view.can_call, view.counter) == (
        None,
        vm.ScanLevel.BAD,
        False,
        None,
    )
    assert vm.callable_ticket(None) is None


def test_a_waiting_ticket_that_failed_its_check_is_not_callable() -> None:
    assert vm.callable_ticket(scanned(ticket(state=TicketState.WAITING), ok=False)) is None


def test_return_a_no_show_offers_the_scanned_no_show_first() -> None:
    assert vm.scanned_no_show(scanned(ticket(state=TicketState.NO_SHOW), ok=False)) == "A-001"
    assert vm.scanned_no_show(scanned(ticket(state=TicketState.WAITING))) is None
    assert vm.scanned_no_show(None) is None


@pytest.mark.parametrize(
    ("state", "ok"),
    [(TicketState.WAITING, True), (TicketState.OUTSIDE, True), (TicketState.DONE, False)],
)
def test_a_typed_number_is_checked_like_a_scan_without_a_signature(
    state: TicketState, ok: bool
) -> None:
    result = vm.typed_verification(ticket("A-012", state), "id")
    assert result.ok == ok and result.problem is None
    assert result.message.startswith("A-012: ") and result.message.endswith(".")
