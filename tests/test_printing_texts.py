"""Ticket words and Indonesian dates."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from fakeprinter import ISSUED

from counter_app.printing import texts


def test_indonesian_date_with_wita() -> None:
    moment = ISSUED.astimezone(ZoneInfo("Asia/Makassar"))
    assert texts.format_datetime("id", moment) == "Sabtu, 28 November 2026 14:05 WITA"


def test_english_date() -> None:
    moment = ISSUED.astimezone(ZoneInfo("Asia/Makassar"))
    assert texts.format_datetime("en", moment) == "Saturday, 28 November 2026 14:05 WITA"


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Jakarta", "13:05 WIB"),
        ("Asia/Pontianak", "13:05 WIB"),
        ("Asia/Makassar", "14:05 WITA"),
        ("Asia/Jayapura", "15:05 WIT"),
        ("Europe/Amsterdam", "07:05 CET"),
        ("UTC", "06:05 UTC"),
    ],
)
def test_zone_abbreviations(zone: str, expected: str) -> None:
    assert texts.format_time(ISSUED.astimezone(ZoneInfo(zone))) == expected


def test_all_days_and_months_spelt_in_indonesian() -> None:
    days = {
        texts.format_date("id", datetime(2026, 3, d, tzinfo=UTC)).split(",")[0] for d in range(2, 9)
    }
    assert days == {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"}
    assert texts.format_date("id", datetime(2026, 8, 17, tzinfo=UTC)) == "Senin, 17 Agustus 2026"


def test_words_in_both_languages() -> None:
    assert texts.word("id", "reprint") == "CETAK ULANG"
    assert texts.word("en", "reprint") == "REPRINT"
    assert texts.word("id", "wait", n=15) == "Perkiraan tunggu ± 15 menit"
    assert texts.word("xx", "title") == "Nomor Antrean"  # unknown language: Indonesian


def test_seconds_for_people() -> None:
    assert texts.seconds(3.0) == "3"
    assert texts.seconds(0.3) == "0.3"
