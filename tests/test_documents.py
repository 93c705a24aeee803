"""The ready list of finished documents, on SQLite and PostgreSQL: the export read and
refused row by row, the import all or nothing and again, numbers tied to a ready
document (issued and booked), the counter handing it over in the event log, the public
check that tells a stranger nothing, the report and retention."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from conftest import FakeClock, make_config

from counter_app.core.config import ConfigError
from counter_app.core.documents import BadExport, parse_export
from counter_app.core.model import BookingRequest, Reason, Refused
from counter_app.core.queue import Queue
from counter_app.core.report import daily_report, purge_old
from counter_app.storage.db import Database

MONDAY = date(2026, 11, 30)
NIK_1, NIK_2, NIK_3 = (f"647105120390{n:04d}" for n in (1, 2, 3))
HEADER = "no_registrasi,nik,jenis_dokumen,tanggal_selesai\n"
GOOD = (
    HEADER
    + f"KK-2026-0001,{NIK_1},KK,2026-11-27\n"
    + f"ktp 2026 0002,{NIK_2},ktp-el,2026-11-28\n"
    + "AKTA-0003,,AKTA,2026-11-20\n"
)


def docs(**more: Any) -> dict[str, Any]:
    return {
        "enabled": True,
        "kinds": {"KK": "A", "KTP-el": "A", "AKTA": "A", "KIA": "A"},
        **more,
    }


def sections(**more: Any) -> dict[str, Any]:
    return {
        "office": {"opening_hours": "08:00-15:00"},
        "booking": {"enabled": True, "days_ahead": 7, "opens_at": "07:00"},
        "services": [
            {"prefix": "A", "name": "Pengambilan Dokumen", "daily_quota": 20, "online_quota": 5},
            {"prefix": "B", "name": "Legalisasi", "daily_quota": 10},
        ],
        "counters": [{"number": 1, "services": ["A", "B"]}],
        "documents": docs(**more),
    }


@pytest.fixture
def make(database: Database, clock: FakeClock) -> Callable[..., Queue]:
    def factory(**more: Any) -> Queue:
        return Queue(database, make_config(**sections(**more)), clock=clock)

    return factory


def imported(q: Queue, text: str = GOOD) -> None:
    records = parse_export(
        text.encode(), q.config.documents, path="siap.csv", today=q.today(), lang="en"
    )
    q.import_documents(records)


# --- the export ---------------------------------------------------------------------------


def test_a_good_export_is_read_with_kinds_as_configured() -> None:
    cfg = make_config(**sections())
    records = parse_export(
        GOOD.encode("utf-8-sig"), cfg.documents, path="f.csv", today=MONDAY, lang="en"
    )
    assert [(r.number, r.kind, r.nik, r.finished_on, r.line) for r in records] == [
        ("KK-2026-0001", "KK", NIK_1, date(2026, 11, 27), 2),
        ("KTP20260002", "KTP-el", NIK_2, date(2026, 11, 28), 3),
        ("AKTA-0003", "AKTA", None, date(2026, 11, 20), 4),
    ]


def test_every_bad_row_is_named_with_its_line_and_reason() -> None:
    cfg = make_config(**sections())
    text = (
        HEADER
        + f"KK-1,{NIK_1},KK,2026-11-27\n"
        + "KK-2,1234,KK,2026-11-27\n"  # line 3: bad NIK
        + "KK-3,,PASPOR,2026-11-27\n"  # line 4: unknown kind
        + "KK-4,,KK,27/11/2026\n"  # line 5: wrong date form
        + "KK-5,,KK,2026-12-31\n"  # line 6: finished in the future
        + ",,KK,2026-11-27\n"  # line 7: no number
        + f"KK-1,{NIK_2},KK,2026-11-27\n"  # line 8: the same number, differently
        + f"KK-1,{NIK_1},KK,2026-11-27\n"  # line 9: the same row again: fine
    )
    with pytest.raises(BadExport) as caught:
        parse_export(text.encode(), cfg.documents, path="siap.csv", today=MONDAY, lang="en")
    message = str(caught.value)
    assert [p.line for p in caught.value.problems] == [3, 4, 5, 6, 7, 8]
    assert "siap.csv: line 3: bad NIK" in message
    assert "line 4: unknown document kind 'PASPOR'" in message
    assert "line 5: the date finished '27/11/2026' is not a date of the form YYYY-MM-DD" in message
    assert "line 6: the date finished 2026-12-31 is in the future" in message
    assert "line 7: the registration number is empty" in message
    assert "line 8: registration number KK-1 is on line 2 too, differently" in message
    assert message.endswith("Nothing was imported: fix the file and import it again.")


def test_a_missing_column_names_the_header_and_the_configuration_key() -> None:
    cfg = make_config(**sections(column_finished="tgl_selesai"))
    with pytest.raises(BadExport) as caught:
        parse_export(GOOD.encode(), cfg.documents, path="siap.csv", today=MONDAY, lang="id")
    assert "siap.csv: baris 1: kepala tabel tidak punya kolom 'tgl_selesai'" in str(caught.value)
    assert "(documents.column_finished)" in str(caught.value)


def test_semicolons_and_day_first_dates_as_an_office_spreadsheet_writes_them() -> None:
    cfg = make_config(**sections(delimiter=";", date_format="DD/MM/YYYY", column_nik=""))
    text = "No_Registrasi;Jenis_Dokumen;Tanggal_Selesai\r\nKK-9;kk;27/11/2026\r\n"
    (record,) = parse_export(
        text.encode("cp1252"), cfg.documents, path="f.csv", today=MONDAY, lang="en"
    )
    assert (record.number, record.kind, record.nik, record.finished_on) == (
        "KK-9",
        "KK",
        None,
        date(2026, 11, 27),
    )


def test_a_binary_or_empty_file_is_refused() -> None:
    cfg = make_config(**sections())
    for data, words in ((b"\x00\x01PK\x03\x04", "not a CSV text file"), (b"", "no documents")):
        with pytest.raises(BadExport, match=words):
            parse_export(data, cfg.documents, path="f.csv", today=MONDAY, lang="en")


@pytest.mark.parametrize(
    ("documents", "key", "words"),
    [
        ({"kinds": {"KK": "Z"}}, "documents.kinds.KK", "unknown service 'Z'"),
        ({"kinds": {"KK": "A", "kk": "A"}}, "documents.kinds.kk", "the same kind as 'KK'"),
        ({"kinds": {}}, "documents.kinds", "needs its document kinds"),
        ({"date_format": "MM/DD/YY"}, "documents.date_format", "MM/DD/YY"),
        ({"column_kind": "nik"}, "documents", "name the same column"),
    ],
)
def test_bad_configuration_is_named_by_key(documents: dict[str, Any], key: str, words: str) -> None:
    data = sections()
    data["documents"] = {**data["documents"], **documents}
    with pytest.raises(ConfigError) as caught:
        make_config(**data)
    assert f"test.toml: {key}: " in str(caught.value)
    assert words in str(caught.value)


# --- the import, on the database --------------------------------------------------------------


def test_import_again_updates_ready_ones_and_leaves_handed_ones(make: Callable[..., Queue]) -> None:
    q = make()
    imported(q)
    assert [d.number for d in q.documents()] == ["AKTA-0003", "KK-2026-0001", "KTP20260002"]
    q.hand_over("akta-0003")
    changed = GOOD.replace("2026-11-27", "2026-11-26") + "KIA-0004,,KIA,2026-11-29\n"
    records = parse_export(
        changed.encode(), q.config.documents, path="f.csv", today=q.today(), lang="en"
    )
    result = q.import_documents(records)
    assert result.as_json() == {"added": 1, "updated": 1, "unchanged": 1, "handed": 1, "total": 4}
    assert q.document("KK-2026-0001").finished_on == date(2026, 11, 26)
    assert q.document("AKTA-0003").state == "handed"
    with pytest.raises(Refused) as caught:  # the desk marking it ready again is told so
        q.mark_ready("AKTA-0003", "AKTA")
    assert caught.value.reason == Reason.DOCUMENT_HANDED
    assert [d.number for d in q.documents(kind="kia")] == ["KIA-0004"]
    assert [d.number for d in q.documents(state="handed")] == ["AKTA-0003"]


def test_a_bad_file_leaves_the_list_as_it_was(make: Callable[..., Queue]) -> None:
    q = make()
    imported(q)
    before = q.documents()
    with pytest.raises(BadExport):
        imported(q, GOOD + "KIA-9,,PASPOR,2026-11-20\n")
    assert q.documents() == before


def test_the_ready_list_is_refused_while_off(make: Callable[..., Queue]) -> None:
    q = make(enabled=False)
    with pytest.raises(Refused) as caught:
        q.hand_over("KK-2026-0001")
    assert caught.value.reason == Reason.DOCUMENTS_OFF


# --- numbers tied to a ready document ----------------------------------------------------------


def test_issuing_needs_a_ready_document_and_the_ticket_carries_it(
    make: Callable[..., Queue],
) -> None:
    q = make()
    imported(q)
    refusals = {
        None: Reason.DOCUMENT_NEEDED,
        "KK-2026-9999": Reason.DOCUMENT_NOT_READY,  # not on the list: "belum jadi"
        "6471051203900099": Reason.DOCUMENT_NOT_READY,  # a NIK with nothing ready
    }
    for key, reason in refusals.items():
        with pytest.raises(Refused) as caught:
            q.issue("A", document=key)
        assert caught.value.reason == reason, key
    assert q.status().services[0].issued == 0  # no number spent on a refusal
    ticket = q.issue("A", document=" kk-2026-0001 ")
    assert ticket.document is not None
    assert (ticket.document.number, ticket.document.kind) == ("KK-2026-0001", "KK")
    by_nik = q.issue("A", document=NIK_2)
    assert by_nik.document is not None and by_nik.document.number == "KTP20260002"
    with pytest.raises(Refused) as caught:
        q.issue("A", document="KK-2026-0001")
    assert caught.value.reason == Reason.DOCUMENT_TAKEN
    assert "A-001" in caught.value.message
    assert q.issue("B").document is None  # legalisation needs none


def test_the_counter_sees_the_document_and_serving_hands_it_over(
    make: Callable[..., Queue],
) -> None:
    q = make()
    imported(q)
    q.issue("A", document="KK-2026-0001")
    called = q.call_next(1)
    assert called.document is not None and called.document.kind == "KK"
    assert q.status().counters[0].current == called
    done = q.done(1)
    assert done.document is not None and done.document.state == "handed"
    doc = q.document("KK-2026-0001")
    assert (doc.state, doc.ticket_code) == ("handed", "A-001")
    assert [e[1] for e in q.events()] == ["issued", "called", "done", "handed"]
    with pytest.raises(Refused) as caught:
        q.issue("A", document="KK-2026-0001")
    assert caught.value.reason == Reason.DOCUMENT_HANDED
    with pytest.raises(Refused) as caught:
        q.hand_over("KK-2026-0001")
    assert caught.value.reason == Reason.DOCUMENT_HANDED


def test_a_no_show_keeps_the_document_ready(make: Callable[..., Queue]) -> None:
    q = make()
    imported(q)
    q.issue("A", document="KK-2026-0001")
    q.call_next(1)
    q.no_show(1)
    assert q.document("KK-2026-0001").state == "ready"
    assert q.issue("A", document="KK-2026-0001").code == "A-002"  # may come again


def test_booking_finds_the_document_by_nik_and_refuses_another_persons(
    make: Callable[..., Queue], clock: FakeClock
) -> None:
    q = make()
    imported(q)
    tuesday = MONDAY + timedelta(days=1)
    booked = q.book("A", tuesday, NIK_1)
    assert booked.document is not None and booked.document.number == "KK-2026-0001"
    # NIK_3 names NIK_1's document: the same "not ready" as for a number never issued
    (stranger,) = q.book_many([BookingRequest("A", tuesday, NIK_3, document="KK-2026-0001")])
    assert isinstance(stranger, Refused) and stranger.reason == Reason.DOCUMENT_NOT_READY
    with pytest.raises(Refused) as caught:
        q.book("A", tuesday, NIK_3)
    assert caught.value.reason == Reason.DOCUMENT_NOT_READY
    # a document without a NIK in the export is booked by its number
    (akta,) = q.book_many([BookingRequest("A", tuesday, NIK_3, document="AKTA-0003")])
    assert not isinstance(akta, Refused) and akta.document is not None
    clock.next_day()
    _, ticket = q.check_in(NIK_1, printing=False)
    assert ticket.document is not None and ticket.document.number == "KK-2026-0001"


# --- the public check -----------------------------------------------------------------------


def test_the_public_check_says_ready_handed_or_not_ready_and_nothing_else(
    make: Callable[..., Queue],
) -> None:
    q = make()
    imported(q)
    (ready,) = q.check_document("kk-2026-0001")
    assert (ready.availability, ready.kind, ready.service, ready.since) == (
        "ready",
        "KK",
        "A",
        date(2026, 11, 27),
    )
    assert [c.availability for c in q.check_document(NIK_2)] == ["ready"]
    q.hand_over("KTP20260002")
    (handed,) = q.check_document(NIK_2)
    assert (handed.availability, handed.since) == ("handed", MONDAY)
    unknown = q.check_document("KK-2026-4242")
    no_such_nik = q.check_document("6471051203904242")
    assert unknown == no_such_nik == [q.check_document("")[0]]
    assert unknown[0].availability == "not_ready" and unknown[0].kind is None


# --- the report and retention -----------------------------------------------------------------


def test_the_report_counts_handed_per_kind_and_booked_not_collected(
    make: Callable[..., Queue], clock: FakeClock
) -> None:
    q = make()
    imported(q)
    q.book("A", MONDAY + timedelta(days=1), NIK_1)
    q.book("A", MONDAY + timedelta(days=1), NIK_2)
    clock.next_day()
    q.check_in(NIK_1, printing=False)
    q.call_next(1)
    q.done(1)
    report = daily_report(q)
    assert {(d.kind, d.handed, d.not_collected) for d in report.documents} == {
        ("KK", 1, 0),
        ("KTP-el", 0, 1),
    }
    again = type(report).from_json(report.as_json())
    assert again.documents == report.documents


def test_retention_removes_handed_documents_with_their_day(
    make: Callable[..., Queue], clock: FakeClock
) -> None:
    q = make()
    imported(q)
    q.issue("A", document="KK-2026-0001")
    q.call_next(1)
    q.done(1)
    for _ in range(3):
        clock.next_day()
    purge_old(q, keep_days=1)
    assert [d.number for d in q.documents()] == ["AKTA-0003", "KTP20260002"]  # still waiting
    kept = daily_report(q, MONDAY)
    assert [(d.kind, d.handed) for d in kept.documents] == [("KK", 1)]


def test_whether_a_service_needs_a_ready_document_is_shared_between_stations() -> None:
    from counter_app.core.config import shared_rules, with_shared_rules

    on, off = make_config(**sections()), make_config(**sections(enabled=False))
    station = with_shared_rules(off, shared_rules(on))
    assert station.needs_document("A") and not station.needs_document("B")
    rules = shared_rules(off)
    del rules["documents"]  # saved by a version without the ready list: this PC's is kept
    assert with_shared_rules(on, rules).needs_document("A")
