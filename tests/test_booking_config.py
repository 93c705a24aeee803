"""`[booking]` and each service's `online_quota`: every bad value named with file and key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_config import GOOD

from counter_app.cli import main
from counter_app.core.config import ConfigError, LateRule, load_config

BOOKING = """
[booking]
enabled = true
"""
HOURS = 'timezone = "Asia/Makassar"\nopening_hours = "08:00-15:00"'
ONLINE = "daily_quota = 150\nonline_quota = 100"


def booking_config(*replacements: tuple[str, str], booking: str = BOOKING) -> str:
    text = GOOD.replace('timezone = "Asia/Makassar"', HOURS, 1)
    text = text.replace("daily_quota = 150", ONLINE, 1) + booking
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


CASES = [
    # (what, the file, key in message, words in message)
    ("opens_at form", booking_config(booking=BOOKING + 'opens_at = "7am"\n'),
     "booking.opens_at", 'a time like "07:00"'),
    ("opens_at hour", booking_config(booking=BOOKING + 'opens_at = "24:00"\n'),
     "booking.opens_at", "'24:00'"),
    ("mark lower case", booking_config(booking=BOOKING + 'mark = "d"\n'),
     "booking.mark", "one capital letter"),
    ("late rule", booking_config(booking=BOOKING + 'late = "forgive"\n'),
     "booking.late", "end_of_line"),
    ("closed day", booking_config(booking=BOOKING + 'closed_days = ["funday"]\n'),
     "booking.closed_days[1]", "monday"),
    ("holiday as text", booking_config(booking=BOOKING + 'holidays = ["2026-12-25"]\n'),
     "booking.holidays[1]", "date"),
    ("slot too short", booking_config(booking=BOOKING + "slot_minutes = 1\n"),
     "booking.slot_minutes", "at least 5 (got 1)"),
    ("days ahead", booking_config(booking=BOOKING + "days_ahead = 400\n"),
     "booking.days_ahead", "at most 62 (got 400)"),
    ("online over quota", booking_config((ONLINE, "daily_quota = 150\nonline_quota = 151")),
     "services[1].online_quota", "more than the daily quota (151 > 150)"),
    ("two-letter prefix", booking_config(('prefix = "A"', 'prefix = "AB"')),
     "services[1].prefix", "one-letter prefix (got 'AB')"),
    ("series taken", booking_config(('prefix = "B"', 'prefix = "AD"')),
     "booking.mark", "'AD', the prefix of services[2]"),
    ("no opening hours", booking_config((HOURS, 'timezone = "Asia/Makassar"')),
     "office.opening_hours", "booking needs the opening hours"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "text", "key", "words"), CASES, ids=[c[0] for c in CASES])
def test_each_booking_error_is_named(
    tmp_path: Path, what: str, text: str, key: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "office.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    message = str(exc.value)
    assert f"{path}: {key}: " in message, message
    assert words in message, message
    assert main(["--config", str(path), "status"]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and key in err and "Traceback" not in err


def test_a_good_booking_config_splits_the_quota(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    extra = 'late = "lapse"\nholidays = [2026-12-25]\nopens_at = "06:30"\n'
    path.write_text(booking_config(booking=BOOKING + extra), encoding="utf-8")
    cfg = load_config(path)
    a, b = cfg.services
    assert (cfg.online_quota(a), cfg.walk_in_quota(a)) == (100, 50)
    assert (cfg.online_quota(b), cfg.walk_in_quota(b)) == (0, 100)  # no online numbers
    assert cfg.booking_series("A") == "AD"
    assert cfg.booking.late is LateRule.LAPSE
    assert cfg.booking.opens.hour == 6 and cfg.booking.opens.minute == 30
    assert cfg.booking.is_closed(date(2026, 12, 25))  # a holiday (a Friday)
    assert cfg.booking.is_closed(date(2026, 12, 5))  # a Saturday
    assert not cfg.booking.is_closed(date(2026, 12, 7))  # a Monday


def test_booking_off_leaves_the_whole_quota_to_the_desk(tmp_path: Path) -> None:
    """An online quota written while booking is off takes nothing from the desk."""
    path = tmp_path / "office.toml"
    path.write_text(booking_config(booking=""), encoding="utf-8")
    cfg = load_config(path)
    a = cfg.services[0]
    assert (cfg.online_quota(a), cfg.walk_in_quota(a)) == (0, 150)


def test_the_booking_rules_are_shared_with_every_station(tmp_path: Path) -> None:
    """The desk's share of the quota follows the booking rules: a station whose own file
    has booking off follows the shared rules that have it on."""
    from counter_app.core.config import shared_rules, with_shared_rules

    on = tmp_path / "on.toml"
    extra = "holidays = [2026-12-25]\nslot_minutes = 20\n"
    on.write_text(booking_config(booking=BOOKING + extra), encoding="utf-8")
    off = tmp_path / "off.toml"
    off.write_text(GOOD, encoding="utf-8")
    station = with_shared_rules(load_config(off), shared_rules(load_config(on)))
    a = station.services[0]
    assert station.booking.enabled and station.booking.slot_minutes == 20
    assert station.booking.holidays == [date(2026, 12, 25)]
    assert (station.online_quota(a), station.walk_in_quota(a)) == (100, 50)
    rules = shared_rules(load_config(off))
    del rules["booking"]  # saved by a version without booking: this PC's own is kept
    assert with_shared_rules(load_config(on), rules).booking.enabled
