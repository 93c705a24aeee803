"""Numbers booked from home: which days may be booked, and each number's arrival window.

Pure functions over the configuration and plain times: no database, no Qt. The queue's
booking operations (core/queue/bookings.py) and the booking pages ask these, so the
page, the desk and the command line always give the same days and the same windows.

A day D opens for booking at ``[booking] opens_at`` (office time), ``days_ahead`` days
before it, and may be booked until its arrival windows have all begun; a closed weekday
or a holiday takes no bookings. Each service's online numbers (its ``online_quota``) are
spread over the opening hours in windows of ``slot_minutes``: as many a window as its
counters serve in that time (``average_minutes`` a visitor), more only when the day
would not hold them all. A number booked on the day itself gets a window that has not
begun yet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from counter_app.core.config import Config, ServiceSettings


class BookingState(StrEnum):
    BOOKED = "booked"  # taken, not yet at the door
    CHECKED_IN = "checked_in"  # came, and got its ticket (which now lives in the queue)
    CANCELLED = "cancelled"  # by the visitor or staff: the number is free for another
    LAPSED = "lapsed"  # its day ended without it, or it came too late ([booking] late)


ACTIVE = frozenset({BookingState.BOOKED, BookingState.CHECKED_IN})


class DayProblem(StrEnum):
    """Why a day cannot be booked now."""

    CLOSED_DAY = "closed_day"  # a closed weekday or a holiday
    PAST = "past"  # before today, or today after its last window began
    NOT_YET = "not_yet"  # beyond days_ahead, or its numbers open later today


@dataclass(frozen=True, slots=True)
class Window:
    """When a booked visitor is asked to come: [start, end), aware datetimes."""

    start: datetime
    end: datetime


def _hours(config: Config) -> tuple[time, time]:
    hours = config.office.hours
    if hours is None:  # the loader refuses booking without opening hours
        raise ValueError("booking needs office.opening_hours")
    return hours


def _at(config: Config, day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=config.office.zone)


def opens(config: Config, day: date) -> datetime:
    """When ``day``'s numbers open for booking."""
    return _at(config, day - timedelta(days=config.booking.days_ahead), config.booking.opens)


def slot_count(config: Config) -> int:
    start, end = _hours(config)
    minutes = (datetime.combine(date.min, end) - datetime.combine(date.min, start)).seconds // 60
    return max(1, minutes // config.booking.slot_minutes)


def per_slot(config: Config, svc: ServiceSettings) -> int:
    """Booked visitors asked to come in one window: what the service's counters serve in
    it, or more when the day's windows would not hold every online number otherwise."""
    counters = sum(1 for c in config.counters if svc.prefix in c.services) or 1
    served = math.floor(config.booking.slot_minutes * counters / svc.average_minutes)
    needed = math.ceil(config.online_quota(svc) / slot_count(config))
    return max(1, served, needed)


def window(config: Config, svc: ServiceSettings, day: date, number: int) -> Window:
    """The arrival window of booked number ``number`` (from 1) of ``svc`` on ``day``."""
    start, _end = _hours(config)
    slot = min((number - 1) // per_slot(config, svc), slot_count(config) - 1)
    begin = _at(config, day, start) + timedelta(minutes=slot * config.booking.slot_minutes)
    return Window(begin, begin + timedelta(minutes=config.booking.slot_minutes))


def first_window_after(config: Config, day: date, now: datetime) -> int | None:
    """The first window of ``day`` that has not begun at ``now`` (its index), or None."""
    start, _end = _hours(config)
    first = _at(config, day, start)
    step = timedelta(minutes=config.booking.slot_minutes)
    for slot in range(slot_count(config)):
        if first + slot * step >= now:
            return slot
    return None


def window_for(
    config: Config, svc: ServiceSettings, day: date, number: int, now: datetime
) -> Window:
    """``window``, moved to the first one not begun yet for a number booked on its day."""
    planned = window(config, svc, day, number)
    if planned.start >= now:
        return planned
    slot = first_window_after(config, day, now)
    if slot is None:  # the caller checked day_problem first
        return planned
    start, _end = _hours(config)
    step = timedelta(minutes=config.booking.slot_minutes)
    begin = _at(config, day, start) + slot * step
    return Window(begin, begin + step)


def day_problem(config: Config, day: date, now: datetime) -> DayProblem | None:
    """Why ``day`` cannot be booked at ``now``; None when it can."""
    today = now.astimezone(config.office.zone).date()
    if config.booking.is_closed(day):
        return DayProblem.CLOSED_DAY
    if day < today:
        return DayProblem.PAST
    if day == today and first_window_after(config, day, now) is None:
        return DayProblem.PAST
    if now < opens(config, day):
        return DayProblem.NOT_YET
    return None


def bookable_days(config: Config, now: datetime) -> list[date]:
    """The days that may be booked at ``now``, soonest first."""
    today = now.astimezone(config.office.zone).date()
    days = (today + timedelta(days=n) for n in range(config.booking.days_ahead + 1))
    return [d for d in days if day_problem(config, d, now) is None]


def is_late(config: Config, window_end: datetime, now: datetime) -> bool:
    """Past the window and the grace: ``[booking] late`` decides what follows."""
    return now > window_end + timedelta(minutes=config.booking.grace_minutes)
