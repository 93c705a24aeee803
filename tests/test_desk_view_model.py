"""What the ticket desk shows (gui/desk/view_model.py), from plain Status values: no window."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from conftest import make_config
from fakeprinter import make_ticket

from counter_app.core.hall import is_full, places_free
from counter_app.core.model import PrintStatus, ServiceStatus, Status, Ticket, TicketState
from counter_app.gui.desk import view_model as vm
from counter_app.printing.job import PrinterState

NOW = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
CONFIG = make_config()


def service(prefix: str = "A", **changes: object) -> ServiceStatus:
    svc = ServiceStatus(
        prefix=prefix, name="", waiting=3, outside=0, issued=10, quota=150, suspended=None
    )
    return replace(svc, **changes)  # type: ignore[arg-type]


def status(
    *, occupancy: int = 5, limit: int = 20, when_full: str = "refuse", **changes: object
) -> Status:
    st = Status(
        day=NOW.date(),
        now=NOW,
        version=1,
        limit=limit,
        when_full=when_full,
        occupancy=occupancy,
        outside=0,
        outside_persons=0,
        open_now=True,
        services=(service(),),
        counters=(),
    )
    if "outside_groups" not in changes:  # the line the queue's Status would carry with it
        head = changes.get("head_group") or 2
        changes["outside_groups"] = (head,) * int(changes.get("outside", 0))  # type: ignore[call-overload]
    return replace(st, **changes)  # type: ignore[arg-type]


def ticket(state: TicketState, code: str = "A-001") -> Ticket:
    return make_ticket(
        code=code, state=state, issued_at=NOW, print_status=PrintStatus.PRINTED,
        print_attempts=1, qr="", ahead=0, estimated_minutes=0,
    )  # fmt: skip


# --- the service buttons ---------------------------------------------------------------------


def test_an_open_service_with_numbers_left_issues() -> None:
    view = vm.service_view(status(), service(waiting=3, outside=2), CONFIG)
    assert view.can_issue and view.refusal is None
    assert view.name == "Pengambilan Dokumen"
    assert (view.left, view.quota, view.waiting) == (140, 150, 5)  # inside and outside
    assert not view.low and not view.waits_outside


@pytest.mark.parametrize(
    ("st", "svc", "why"),
    [
        (status(open_now=False), service(suspended="Sistem mati"), vm.Refusal.SUSPENDED),
        (status(open_now=False, occupancy=20), service(issued=150), vm.Refusal.CLOSED),
        (status(occupancy=20), service(issued=150), vm.Refusal.QUOTA_USED_UP),
        (status(occupancy=20), service(), vm.Refusal.HALL_FULL),
        (status(occupancy=23), service(), vm.Refusal.HALL_FULL),  # a lowered limit
    ],
)
def test_the_most_telling_reason_disables_the_button(
    st: Status, svc: ServiceStatus, why: vm.Refusal
) -> None:
    view = vm.service_view(st, svc, CONFIG)
    assert view.refusal == why and not view.can_issue


@pytest.mark.parametrize(
    ("occupancy", "group", "when_full", "why"),
    [
        (17, 3, "refuse", None),  # 3 places free: a group of 3 comes in
        (18, 3, "refuse", vm.Refusal.NO_ROOM),  # 2 free: the queue would refuse it
        (18, 3, "wait_outside", None),  # ... or send it outside
        (0, 21, "refuse", vm.Refusal.TOO_LARGE),  # larger than the whole hall of 20
        (0, 21, "wait_outside", vm.Refusal.TOO_LARGE),  # would wait outside for ever
        (20, 1, "refuse", vm.Refusal.HALL_FULL),
    ],
)
def test_the_button_is_enabled_only_for_a_group_the_queue_would_take(
    occupancy: int, group: int, when_full: str, why: vm.Refusal | None
) -> None:
    """A group larger than the free places is refused by the queue in "refuse" mode: its
    button says so before staff press it, with the numbers the words need."""
    st = status(occupancy=occupancy, when_full=when_full)
    view = vm.service_view(st, service(), CONFIG, group=group)
    assert view.refusal == why
    assert (view.group, view.free, view.limit) == (group, max(0, 20 - occupancy), 20)


@pytest.mark.parametrize(("count", "keys"), [(1, "F1"), (3, "F1–F3"), (9, "F1–F9"), (12, "F1–F9")])
def test_the_heading_names_only_the_f_keys_the_services_have(count: int, keys: str) -> None:
    assert vm.service_keys_text(count) == keys


def test_the_suspension_notice_is_what_the_button_says() -> None:
    view = vm.service_view(status(), service(suspended="Sistem mati"), CONFIG)
    assert view.notice == "Sistem mati"


def test_a_full_hall_that_lets_visitors_wait_outside_still_issues() -> None:
    view = vm.service_view(status(occupancy=20, when_full="wait_outside"), service(), CONFIG)
    assert view.can_issue and view.waits_outside


def test_new_tickets_wait_outside_while_others_wait_there_even_with_room() -> None:
    st = status(
        occupancy=3, when_full="wait_outside", outside=1, outside_persons=2, outside_groups=(2,)
    )
    assert vm.service_view(st, service(), CONFIG).waits_outside
    empty = replace(st, outside=0, outside_persons=0, outside_groups=())
    assert not vm.service_view(empty, service(), CONFIG).waits_outside


def blocked(**changes: object) -> Status:
    """Issue 18's hall: 1 of 4 inside, a group of 4 first outside, "fit" order, 3 passes."""
    st = status(
        occupancy=1, limit=4, when_full="wait_outside", outside=1, outside_persons=4,
        head_code="A-003", head_group=4, outside_groups=(4,), max_pass=3,
    )  # fmt: skip
    return replace(st, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("st", "group", "waits"),
    [
        (blocked(), 1, False),  # fits the 3 free places: goes in past the group of 4
        (blocked(), 3, False),
        (blocked(), 4, True),  # does not fit: behind the head
        (blocked(head_passed=2), 1, False),  # the third and last pass
        (blocked(head_passed=3), 1, True),  # passes used up: the head goes in first
        (blocked(max_pass=0), 1, True),  # strict order: nobody passes the head
        (blocked(occupancy=4), 1, True),  # no place free at all
    ],
)
def test_in_fit_order_the_hint_asks_the_queue_rule_for_the_chosen_group(
    st: Status, group: int, waits: bool
) -> None:
    """The desk's "new tickets wait outside" is core/hall.py's arrival, per group size."""
    view = vm.service_view(st, service(), CONFIG, group=group)
    assert view.can_issue and view.waits_outside == waits


def test_a_refused_service_has_no_note_about_waiting_outside() -> None:
    st = status(occupancy=20, when_full="wait_outside")
    view = vm.service_view(st, service(issued=150), CONFIG)
    assert view.refusal == vm.Refusal.QUOTA_USED_UP and not view.waits_outside


@pytest.mark.parametrize(
    ("issued", "quota", "low"),
    [(135, 150, True), (134, 150, False), (35, 40, True), (34, 40, False), (150, 150, False)],
)
def test_the_quota_line_stands_out_when_few_numbers_are_left(
    issued: int, quota: int, low: bool
) -> None:
    """Five left, or a tenth of the quota if that is more; none left is a refusal instead."""
    assert vm.service_view(status(), service(issued=issued, quota=quota), CONFIG).low == low


@pytest.mark.parametrize(
    ("count", "columns", "rows", "height"), [(1, 2, 1, 112), (4, 2, 2, 84), (5, 3, 2, 84),
                                             (7, 3, 3, 58), (9, 3, 3, 58)]
)  # fmt: skip
def test_nine_services_fit_the_grid(count: int, columns: int, rows: int, height: int) -> None:
    assert vm.service_grid(count) == vm.ServiceGrid(columns, rows, height, compact=rows > 2)


def test_the_first_nine_services_have_f_keys() -> None:
    assert [vm.service_key(i) for i in (0, 8, 9)] == ["F1", "F9", ""]


# --- the hall --------------------------------------------------------------------------------


def test_the_gauge_is_green_then_amber_then_full() -> None:
    levels = [vm.capacity_view(status(occupancy=n, limit=10)).gauge for n in range(12)]
    assert levels == [None] * 7 + [vm.Gauge.AMBER] * 3 + [vm.Gauge.FULL] * 2


@pytest.mark.parametrize(("occupancy", "limit"), [(0, 1), (19, 20), (20, 20), (23, 20)])
def test_the_desk_says_what_the_hall_rule_says(occupancy: int, limit: int) -> None:
    view = vm.capacity_view(status(occupancy=occupancy, limit=limit))
    assert view.free == places_free(occupancy, limit)
    assert (view.gauge == vm.Gauge.FULL) == is_full(occupancy, limit)
    assert (view.banner == vm.Banner.FULL) == is_full(occupancy, limit)


def test_the_gauge_never_overflows_a_lowered_limit() -> None:
    view = vm.capacity_view(status(occupancy=23, limit=20))
    assert (view.gauge_maximum, view.gauge_value, view.free) == (20, 20, 0)
    assert view.value_text == "23 / 20"


def test_a_full_hall_that_refuses_hangs_the_full_banner() -> None:
    view = vm.capacity_view(status(occupancy=20))
    assert view.banner == vm.Banner.FULL and not view.wait_outside


@pytest.mark.parametrize(
    ("occupancy", "outside", "banner"),
    [(20, 0, vm.Banner.OUTSIDE), (3, 1, vm.Banner.OUTSIDE), (3, 0, None)],
)
def test_a_hall_that_lets_visitors_wait_outside_says_so_while_they_do(
    occupancy: int, outside: int, banner: vm.Banner | None
) -> None:
    st = status(occupancy=occupancy, when_full="wait_outside", outside=outside)
    view = vm.capacity_view(replace(st, outside_persons=2 * outside))
    assert view.banner == banner and view.wait_outside
    assert (view.outside, view.outside_persons, view.outside_busy) == (
        outside,
        2 * outside,
        outside > 0,
    )


# --- tickets and the printer -------------------------------------------------------------------


def test_the_unprinted_numbers_are_named_up_to_six() -> None:
    failed = [ticket(TicketState.WAITING, f"A-{n:03}") for n in range(1, 8)]
    assert vm.failed_codes([]) == ""
    assert vm.failed_codes(failed[:2]) == "A-001, A-002"
    assert vm.failed_codes(failed[:6]).endswith("A-006")
    assert vm.failed_codes(failed) == "A-001, A-002, A-003, A-004, A-005, A-006 …"


@pytest.mark.parametrize(
    ("state", "reprint", "cancel"),
    [
        (TicketState.OUTSIDE, True, True),
        (TicketState.WAITING, True, True),
        (TicketState.CALLED, True, True),
        (TicketState.NO_SHOW, False, True),
        (TicketState.DONE, False, False),
        (TicketState.CANCELLED, False, False),
    ],
)
def test_what_the_desk_may_do_with_the_selected_ticket(
    state: TicketState, reprint: bool, cancel: bool
) -> None:
    assert vm.ticket_actions(ticket(state), printing=True) == vm.TicketActions(reprint, cancel)
    assert not vm.ticket_actions(ticket(state), printing=False).reprint


def test_nothing_selected_nothing_to_do() -> None:
    assert vm.ticket_actions(None, printing=True) == vm.TicketActions(False, False)


@pytest.mark.parametrize(
    ("state", "level", "words"),
    [
        (PrinterState(False, "off", "printing off", "off"), "off", vm.PrinterWords.OFF),
        (PrinterState(True, "ok", "images", "preview"), "ok", vm.PrinterWords.PREVIEW),
        (PrinterState(True, "ok", "ready"), "ok", vm.PrinterWords.READY),
        (PrinterState(True, "warning", "low", "paper_near_end"), "warning", vm.PrinterWords.REASON),
        (PrinterState(False, "error", "cover open", "cover_open"), "error", vm.PrinterWords.REASON),
    ],
)  # fmt: skip
def test_the_printer_light(state: PrinterState, level: str, words: vm.PrinterWords) -> None:
    assert vm.printer_light(state) == vm.PrinterLight(level, words, state.reason)


def test_places_free_but_the_head_outside_does_not_fit_hangs_the_blocked_banner() -> None:
    st = status(
        occupancy=1, limit=4, when_full="wait_outside", outside=1, head_code="A-003", head_group=4
    )
    view = vm.capacity_view(st)
    assert view.banner == vm.Banner.BLOCKED and view.gauge is None
    assert (view.free, view.head_code, view.head_group) == (3, "A-003", 4)
    fits = vm.capacity_view(replace(st, head_group=3))
    assert fits.banner == vm.Banner.OUTSIDE  # it will go in: nothing blocks the hall
    full = vm.capacity_view(replace(st, occupancy=4))
    assert full.banner == vm.Banner.OUTSIDE and full.gauge == vm.Gauge.FULL


def test_a_suspended_service_shows_no_quota_line() -> None:
    assert not vm.service_view(status(), service(suspended="Sistem mati"), CONFIG).shows_quota
    assert vm.service_view(status(), service(), CONFIG).shows_quota
    used_up = replace(service(), issued=150)
    assert vm.service_view(status(), used_up, CONFIG).shows_quota  # "0 of 150 left" says why
