"""Numbers booked from home, on SQLite and PostgreSQL: every refusal, the quota split, the
window order and the late rule, cancel, check-in, lapse and retention."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from conftest import FakeClock, make_config

from counter_app.core import booking as plan
from counter_app.core.model import Booking, BookingRequest, Reason, Refused, TicketState
from counter_app.core.queue import Queue
from counter_app.core.report import purge_old
from counter_app.storage.db import Database

WITA = ZoneInfo("Asia/Makassar")
MONDAY, TUESDAY, WEDNESDAY, SATURDAY = (
    date(2026, 11, 30) + timedelta(days=n) for n in (0, 1, 2, 5)
)
NIKS = [f"647105120390{n:04d}" for n in range(1, 60)]  # Balikpapan, born 12-03-1990
WOMAN = "6471055203900002"  # born the 12th: day + 40


def sections(**booking: Any) -> dict[str, Any]:
    return {
        "office": {"opening_hours": "08:00-15:00"},
        "booking": {"enabled": True, "days_ahead": 7, "opens_at": "07:00", **booking},
        "services": [
            # one counter of 30 minutes a visitor: one booked visitor a half-hour window
            {
                "prefix": "A",
                "name": "Pengambilan Dokumen",
                "daily_quota": 5,
                "online_quota": 3,
                "average_minutes": 30,
            },
            {"prefix": "B", "name": "Legalisasi", "daily_quota": 10},
            {
                "prefix": "C",
                "name": "Perekaman KTP-el",
                "daily_quota": 5,
                "online_quota": 2,
                "suspended": "Perekaman KTP-el dihentikan sementara",
            },
        ],
        "counters": [{"number": 1, "services": ["A", "B"]}],
    }


@pytest.fixture
def make(database: Database, clock: FakeClock) -> Callable[..., Queue]:
    def factory(**booking: Any) -> Queue:
        return Queue(database, make_config(**sections(**booking)), clock=clock)

    return factory


@pytest.fixture
def queue(make: Callable[..., Queue]) -> Queue:
    return make()


def at(clock: FakeClock, day: date, hh: int, mm: int = 0) -> None:
    clock.moment = datetime(day.year, day.month, day.day, hh, mm, tzinfo=WITA)


class refused:
    """Expects a Refused of this reason; ``message`` holds its words afterwards."""

    def __init__(self, reason: Reason) -> None:
        self.reason = reason
        self.message = ""

    def __enter__(self) -> refused:
        return self

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> bool:
        assert isinstance(exc, Refused), f"not refused ({self.reason})"
        assert exc.reason == self.reason, (exc.reason, exc.message)
        self.message = exc.message
        return True


# --- booking ---------------------------------------------------------------------------------


def test_a_booking_gets_the_first_number_its_window_and_a_link(queue: Queue) -> None:
    made = queue.book("A", TUESDAY, NIKS[0], "0812-3456-7890")
    assert made.created and made.code == "AD-001" and made.state == "booked"
    assert made.secret is not None and len(made.secret) == 24
    assert (made.window_start.astimezone(WITA).time().isoformat(timespec="minutes"),
            made.window_end.astimezone(WITA).time().isoformat(timespec="minutes")) == (
        "08:00", "08:30")  # fmt: skip
    assert made.phone == "081234567890" and made.masked_nik == "************0001"
    second = queue.book("A", TUESDAY, NIKS[1])
    assert second.code == "AD-002"
    assert second.window_start - made.window_start == timedelta(minutes=30)
    assert queue.booking(made.secret).code == "AD-001"
    assert "nik" in made.as_json() and made.as_json()["nik"] == "************0001"


def test_booking_again_shows_the_existing_booking_not_a_second(queue: Queue) -> None:
    first = queue.book("A", TUESDAY, NIKS[0])
    again = queue.book("A", TUESDAY, NIKS[0])
    assert not again.created and again.secret is None
    assert again.code == first.code
    assert [b.code for b in queue.bookings_of_day(TUESDAY)] == ["AD-001"]
    assert queue.book("A", WEDNESDAY, NIKS[0]).created  # another day is another booking


@pytest.mark.parametrize(
    ("nik", "words"),
    [
        ("", "belum diisi"),
        ("647105120390001", "16 angka"),
        ("64710512039000012", "16 angka"),
        ("64710512039O0001", "hanya berisi angka"),
        ("\uff16471051203900001", "hanya berisi angka"),  # a full-width digit
        ("9971051203900001", "kode wilayah"),
        ("6471053102900001", "tanggal lahir"),  # 31 February
        ("6471051213900001", "tanggal lahir"),  # month 13
        ("6471051203900000", "0000"),
    ],
)
def test_a_malformed_nik_is_refused_with_its_reason(queue: Queue, nik: str, words: str) -> None:
    with refused(Reason.BAD_NIK) as r:
        queue.book("A", TUESDAY, nik)
    assert words in r.message, r.message
    assert queue.bookings_of_day(TUESDAY) == []


def test_a_woman_s_nik_and_a_typed_one_with_spaces_are_taken(queue: Queue) -> None:
    assert queue.book("A", TUESDAY, WOMAN).created
    assert queue.book("A", TUESDAY, "6471 0512 0390 0003").masked_nik.endswith("0003")


def test_a_bad_phone_number_is_refused(queue: Queue) -> None:
    with refused(Reason.BAD_NIK) as r:
        queue.book("A", TUESDAY, NIKS[0], "12ab")
    assert "Nomor HP" in r.message


def test_days_that_cannot_be_booked(queue: Queue, clock: FakeClock) -> None:
    with refused(Reason.DAY_NOT_BOOKABLE) as r:
        queue.book("A", SATURDAY, NIKS[0])
    assert "Sabtu, 5 Desember 2026" in r.message and "kantor tutup" in r.message
    with refused(Reason.DAY_NOT_BOOKABLE) as r:
        queue.book("A", MONDAY - timedelta(days=1), NIKS[0])
    with refused(Reason.DAY_NOT_BOOKABLE) as r:
        queue.book("A", MONDAY + timedelta(days=8), NIKS[0])  # beyond days_ahead
    assert "belum dibuka" in r.message
    at(clock, MONDAY, 6, 59)  # next Monday's numbers open at 07:00 today
    with refused(Reason.DAY_NOT_BOOKABLE):
        queue.book("A", MONDAY + timedelta(days=7), NIKS[0])
    at(clock, MONDAY, 7, 0)
    assert queue.book("A", MONDAY + timedelta(days=7), NIKS[0]).created
    at(clock, MONDAY, 14, 31)  # today's last window (14:30) has begun
    with refused(Reason.DAY_NOT_BOOKABLE) as r:
        queue.book("A", MONDAY, NIKS[1])
    assert "sudah lewat" in r.message


def test_a_number_booked_on_its_day_gets_a_window_not_begun_yet(
    queue: Queue, clock: FakeClock
) -> None:
    at(clock, MONDAY, 10, 10)
    made = queue.book("A", MONDAY, NIKS[0])
    assert made.code == "AD-001"  # the first number, but not the 08:00 window
    assert made.window_start.astimezone(WITA).time().isoformat(timespec="minutes") == "10:30"


def test_suspended_and_unbookable_services_are_refused(queue: Queue) -> None:
    with refused(Reason.SUSPENDED) as r:
        queue.book("C", TUESDAY, NIKS[0])
    assert r.message == "Perekaman KTP-el dihentikan sementara"
    with refused(Reason.BOOKING_OFF):
        queue.book("B", TUESDAY, NIKS[0])  # no online quota
    with refused(Reason.UNKNOWN_SERVICE):
        queue.book("Q", TUESDAY, NIKS[0])


def test_booking_switched_off_refuses(make: Callable[..., Queue]) -> None:
    with refused(Reason.BOOKING_OFF):
        make(enabled=False).book("A", TUESDAY, NIKS[0])


def test_the_online_quota_is_exact_and_names_the_next_day_with_numbers(queue: Queue) -> None:
    for nik in NIKS[:3]:
        queue.book("A", TUESDAY, nik)
    with refused(Reason.ONLINE_QUOTA_REACHED) as r:
        queue.book("A", TUESDAY, NIKS[3])
    assert "Kuota habis" in r.message and "Rabu, 2 Desember 2026" in r.message
    assert queue.online_left(TUESDAY) == {"A": 0, "C": 2}
    assert queue.online_left(WEDNESDAY)["A"] == 3


def test_cancel_frees_the_number_for_someone_else(queue: Queue) -> None:
    made = [queue.book("A", TUESDAY, nik) for nik in NIKS[:3]]
    assert made[1].secret is not None
    cancelled = queue.cancel_booking(made[1].secret)
    assert cancelled.state == "cancelled" and cancelled.code == "AD-002"
    again = queue.book("A", TUESDAY, NIKS[5])
    assert again.code == "AD-002" and again.window_start == made[1].window_start
    with refused(Reason.BOOKING_CANCELLED):
        queue.cancel_booking(made[1].secret)
    with refused(Reason.UNKNOWN_BOOKING):
        queue.cancel_booking("x" * 24)
    # the cancelled NIK may book again: its one active booking is gone
    assert queue.book("A", WEDNESDAY, NIKS[1]).created


def test_one_nik_holds_at_most_max_per_nik_bookings(make: Callable[..., Queue]) -> None:
    queue = make(max_per_nik=2)
    queue.book("A", TUESDAY, NIKS[0])
    queue.book("A", WEDNESDAY, NIKS[0])
    with refused(Reason.NIK_LIMIT) as r:
        queue.book("A", WEDNESDAY + timedelta(days=1), NIKS[0])
    assert "2 nomor daring" in r.message


def test_walk_in_numbers_are_the_quota_less_the_online_share(
    queue: Queue, clock: FakeClock
) -> None:
    at(clock, TUESDAY, 8, 0)
    assert [queue.issue("A").code for _ in range(2)] == ["A-001", "A-002"]
    with refused(Reason.QUOTA_REACHED) as r:
        queue.issue("A")
    assert "(2 nomor)" in r.message
    for nik in NIKS[:3]:  # the walk-ins ate none of the booked numbers
        queue.book("A", TUESDAY, nik)


# --- check-in --------------------------------------------------------------------------------


def test_check_in_by_link_code_or_nik_makes_a_ticket_of_the_booking_code(
    queue: Queue, clock: FakeClock
) -> None:
    a, _b, _c = (queue.book("A", TUESDAY, nik) for nik in NIKS[:3])
    at(clock, TUESDAY, 8, 5)
    assert a.secret is not None
    booking, ticket = queue.check_in(f"http://kantor.example/b/{a.secret}")
    assert booking.state == "checked_in" and booking.ticket_code == "AD-001"
    assert ticket.code == "AD-001" and ticket.service == "A" and ticket.state == TicketState.WAITING
    assert ticket.booked and ticket.issued_for == "A"
    assert queue.check_in("ad-002")[1].code == "AD-002"
    assert queue.check_in(NIKS[2])[1].code == "AD-003"
    with refused(Reason.BOOKING_USED) as r:
        queue.check_in(a.secret)
    assert "AD-001" in r.message
    assert queue.status().occupancy == 3  # they are in the hall like any ticket


def test_check_in_refusals(queue: Queue, clock: FakeClock) -> None:
    today = queue.book("A", TUESDAY, NIKS[0])
    later = queue.book("A", WEDNESDAY, NIKS[1])
    gone = queue.book("A", TUESDAY, NIKS[2])
    assert gone.secret is not None and later.secret is not None and today.secret is not None
    queue.cancel_booking(gone.secret)
    at(clock, TUESDAY, 8, 0)
    with refused(Reason.BOOKING_OTHER_DAY) as r:
        queue.check_in(later.secret)
    assert "Rabu, 2 Desember 2026" in r.message
    with refused(Reason.BOOKING_OTHER_DAY):
        queue.check_in(NIKS[1])  # by NIK: its booking is tomorrow's
    with refused(Reason.BOOKING_CANCELLED):
        queue.check_in(gone.secret)
    with refused(Reason.UNKNOWN_BOOKING):
        queue.check_in("AD-003")  # its number was never booked
    with refused(Reason.UNKNOWN_BOOKING):
        queue.check_in("Z" * 23 + "q")  # a forged link token
    with refused(Reason.UNKNOWN_BOOKING):
        queue.check_in("A-001")  # a walk-in code is no booking
    with refused(Reason.UNKNOWN_BOOKING):
        queue.check_in(NIKS[9])  # a NIK without bookings
    assert queue.status().occupancy == 0


def test_a_booked_visitor_on_time_goes_before_the_walk_ins_who_came_after_the_window(
    queue: Queue, clock: FakeClock
) -> None:
    queue.book("A", TUESDAY, NIKS[0])  # 08:00-08:30
    queue.book("A", TUESDAY, NIKS[1])  # 08:30-09:00
    at(clock, TUESDAY, 8, 5)
    queue.issue("A")  # A-001, before the window of AD-002
    at(clock, TUESDAY, 8, 40)
    queue.issue("A")  # A-002, after it began
    at(clock, TUESDAY, 8, 45)
    _, booked = queue.check_in("AD-002")
    assert booked.ahead == 1  # only A-001
    assert queue.ticket("A-002").ahead == 2  # moved back by one
    called = []
    for _ in range(3):
        called.append(queue.call_next(1).code)
        queue.done(1)
    assert called == ["A-001", "AD-002", "A-002"]


@pytest.mark.parametrize(("late", "outcome"), [("end_of_line", "last"), ("lapse", "lapsed")])
def test_a_visitor_late_past_the_grace(
    make: Callable[..., Queue], clock: FakeClock, late: str, outcome: str
) -> None:
    queue = make(late=late, grace_minutes=15)
    queue.book("A", TUESDAY, NIKS[0])  # 08:00-08:30
    at(clock, TUESDAY, 8, 40)
    queue.issue("A")
    at(clock, TUESDAY, 8, 45)  # 15 minutes after the window: still within the grace
    assert queue.book("A", TUESDAY, NIKS[1]).code == "AD-002"
    at(clock, TUESDAY, 8, 46)
    if outcome == "lapsed":
        with refused(Reason.BOOKING_LAPSED) as r:
            queue.check_in("AD-001")
        assert "meja antrean" in r.message
        assert queue.bookings_of_day(TUESDAY)[0].state == "lapsed"  # kept so
    else:
        _, ticket = queue.check_in("AD-001")
        assert ticket.ahead == 1  # behind A-001, who came in its window's time


def test_a_booking_not_used_on_its_day_lapses(queue: Queue, clock: FakeClock) -> None:
    queue.book("A", TUESDAY, NIKS[0])
    at(clock, WEDNESDAY, 8, 0)
    assert queue.bookings_of_day(TUESDAY)[0].state == "lapsed"  # read before any write
    queue.issue("B")  # the day's first write
    assert queue.bookings_of_day(TUESDAY)[0].state == "lapsed"
    with refused(Reason.BOOKING_LAPSED):  # by NIK today: its only booking was yesterday's
        queue.check_in(NIKS[0])


def test_retention_removes_the_bookings_and_their_nik(queue: Queue, clock: FakeClock) -> None:
    queue.book("A", TUESDAY, NIKS[0])
    at(clock, TUESDAY, 8, 0)
    queue.check_in(NIKS[0])
    clock.moment += timedelta(days=40)
    purge_old(queue, 30)
    assert queue.bookings_of_day(TUESDAY) == []


def test_the_plan_s_windows_cover_every_number_within_the_opening_hours() -> None:
    cfg = make_config(**sections())
    a = cfg.services[0]
    ends = [plan.window(cfg, a, TUESDAY, n).end.astimezone(WITA).time() for n in range(1, 4)]
    assert [t.isoformat(timespec="minutes") for t in ends] == ["08:30", "09:00", "09:30"]
    one = {"prefix": "A", "name": "A", "daily_quota": 500, "online_quota": 400,
           "average_minutes": 30}  # fmt: skip
    many = make_config(**{**sections(), "services": [one], "counters": [
        {"number": 1, "services": ["A"]}]})  # fmt: skip
    svc = many.services[0]
    assert plan.per_slot(many, svc) == 29  # 400 numbers in 14 windows, not 1 a window
    last = plan.window(many, svc, TUESDAY, 400)
    assert last.end.astimezone(WITA).time().isoformat(timespec="minutes") == "15:00"


def test_booking_and_cancelling_leave_the_halls_version_so_no_station_reads_again(
    queue: Queue, clock: FakeClock
) -> None:
    at(clock, MONDAY, 9)
    queue.issue("A")  # the day has begun: the next write does not roll it over
    before = queue.version()
    made = queue.book("A", TUESDAY, NIKS[0])
    assert made.secret is not None
    queue.cancel_booking(made.secret)
    assert queue.version() == before
    queue.issue("A")  # a ticket changes the queue: followers read it
    assert queue.version() == before + 1


def test_a_booking_that_rolls_the_day_over_still_tells_the_stations(
    queue: Queue, clock: FakeClock
) -> None:
    at(clock, MONDAY, 9)
    queue.issue("A")
    before = queue.version()
    at(clock, TUESDAY, 7)
    queue.book("A", WEDNESDAY, NIKS[0])  # the day's first write: yesterday's ticket expires
    assert queue.version() == before + 1
    assert queue.status().day == TUESDAY


def test_online_left_on_several_days_is_each_days_own(queue: Queue) -> None:
    queue.book("A", TUESDAY, NIKS[0])
    queue.book("A", WEDNESDAY, NIKS[1])
    queue.book("A", WEDNESDAY, NIKS[2])
    left = queue.online_left_on([TUESDAY, WEDNESDAY])
    assert left == {TUESDAY: queue.online_left(TUESDAY), WEDNESDAY: queue.online_left(WEDNESDAY)}
    assert left[TUESDAY]["A"] - left[WEDNESDAY]["A"] == 1


def test_the_holders_of_a_day_are_its_active_bookings(queue: Queue) -> None:
    kept = queue.book("A", TUESDAY, NIKS[0])
    gone = queue.book("A", TUESDAY, NIKS[1])
    queue.book("A", WEDNESDAY, NIKS[2])
    assert gone.secret is not None
    queue.cancel_booking(gone.secret)
    assert kept.created
    assert queue.holders("A", TUESDAY) == {NIKS[0]}


def test_many_forms_in_one_write_are_decided_as_one_after_another(queue: Queue) -> None:
    """book_many: each request as book() would have decided it in that order: a bad NIK,
    a suspended service, the NIK's second form shown its first, the quota (3) running out
    in the middle of the batch; one transaction for them all."""
    results = queue.book_many(
        [
            BookingRequest("A", TUESDAY, NIKS[0], "081234567890"),
            BookingRequest("A", TUESDAY, "647105120390000"),  # 15 digits
            BookingRequest("A", TUESDAY, NIKS[0]),  # the same NIK again
            BookingRequest("C", TUESDAY, NIKS[1]),  # suspended
            BookingRequest("A", TUESDAY, NIKS[1]),
            BookingRequest("A", TUESDAY, NIKS[2]),
            BookingRequest("A", TUESDAY, NIKS[3]),  # the fourth: the quota is 3
            BookingRequest("A", WEDNESDAY, NIKS[3]),
        ]
    )
    kinds = [
        r.reason if isinstance(r, Refused) else ("new" if r.created else "again") for r in results
    ]
    assert kinds == [
        "new",
        Reason.BAD_NIK,
        "again",
        Reason.SUSPENDED,
        "new",
        "new",
        Reason.ONLINE_QUOTA_REACHED,
        "new",
    ]
    booked = [r for r in results if isinstance(r, Booking)]
    assert [b.code for b in booked] == ["AD-001", "AD-001", "AD-002", "AD-003", "AD-001"]
    assert booked[0].secret is not None and booked[1].secret is None
    assert "Rabu" in results[6].message  # the next day with numbers left
    assert [b.code for b in queue.bookings_of_day(TUESDAY)] == ["AD-001", "AD-002", "AD-003"]


def test_a_batch_of_refusals_writes_nothing(queue: Queue, clock: FakeClock) -> None:
    at(clock, MONDAY, 9)
    results = queue.book_many(
        [BookingRequest("A", SATURDAY, NIKS[0]), BookingRequest("A", MONDAY, "x" * 16)]
    )
    assert [r.reason for r in results if isinstance(r, Refused)] == [
        Reason.DAY_NOT_BOOKABLE,
        Reason.BAD_NIK,
    ]
    at(clock, MONDAY, 8)  # earlier than the refusals: no write to be behind of
    assert queue.book("A", TUESDAY, NIKS[0]).created
