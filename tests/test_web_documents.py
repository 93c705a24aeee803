"""The document check of the real `counter-app web` process, and the booking form's
document field: ready, handed over, not ready (and unknown, the very same page), every
abuse of a public form, a stranger guessing numbers from one address, and never the
number or the NIK typed in on any page."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import httpx2
import pytest
from conftest import to_toml, write_config
from test_booking_cli import midday_zone
from webkit import FORGED, post_forged, web_server

from counter_app.core import config as config_mod
from counter_app.core import words
from counter_app.core.documents import parse_export
from counter_app.core.queue import open_queue

TIMEOUT = 30
NIK_KK, NIK_KTP, NIK_BOTH, NIK_NONE, NIK_STRANGER = (
    f"647105120390{n:04d}" for n in (11, 12, 13, 14, 15)
)
KK, KTP, AKTA, KIA = "KK-2026-0001", "KTP-2026-0002", "AKTA-2026-0003", "KIA-2026-0004"
UNKNOWN = "KK-2026-9999"
TOKEN = re.compile(r'name="csrf" value="[^"]+"')


def documents_office(path: Path, url: str, *, documents: bool = True, booking: bool = True) -> Path:
    """Service A hands over KK, KTP-el, AKTA and KIA and takes 2 online numbers a day
    (booking on unless said); B is legalisation. The office is open now."""
    return write_config(
        path,
        url,
        office={"timezone": midday_zone(), "opening_hours": "06:00-18:00"},
        booking={"enabled": booking, "closed_days": [], "opens_at": "00:00", "days_ahead": 1},
        services=[
            {"prefix": "A", "name": "Pengambilan Dokumen", "daily_quota": 10, "online_quota": 2},
            {"prefix": "B", "name": "Legalisasi", "daily_quota": 10, "online_quota": 2},
        ],
        counters=[{"number": 1, "services": ["A", "B"]}],
        documents={
            "enabled": documents,
            "kinds": {"KK": "A", "KTP-el": "A", "AKTA": "A", "KIA": "A"},
        },
    )


def with_ready_list(path: Path) -> date:
    """The office's ready list, as `documents import` would make it: KK ready for NIK_KK,
    KTP-el handed over today, AKTA and KIA both for NIK_BOTH (the KIA handed over).
    The day the documents were finished."""
    queue = open_queue(config_mod.load_config(path))
    try:
        finished = queue.today() - timedelta(days=3)
        text = (
            "no_registrasi,nik,jenis_dokumen,tanggal_selesai\n"
            f"{KK},{NIK_KK},KK,{finished}\n"
            f"{KTP},{NIK_KTP},KTP-el,{finished}\n"
            f"{AKTA},{NIK_BOTH},AKTA,{finished}\n"
            f"{KIA},{NIK_BOTH},KIA,{finished}\n"
        )
        cfg = queue.config
        queue.import_documents(
            parse_export(
                text.encode(), cfg.documents, path="siap.csv", today=queue.today(), lang="id"
            )
        )
        queue.hand_over(KTP)
        queue.hand_over(KIA)
        return finished
    finally:
        queue.db.dispose()


def spelled(day: date, lang: str = "id") -> str:
    return words.spelled_date(day, lang)


@pytest.fixture
def office(tmp_path: Path, sqlite_url: str) -> Path:
    return documents_office(tmp_path / "office.toml", sqlite_url)


@pytest.fixture
def office_on_both(tmp_path: Path, db_url: str) -> Path:
    return documents_office(tmp_path / "office.toml", db_url)


def form_token(client: httpx2.Client, path: str = "/dokumen", lang: str = "id") -> str:
    page = client.get(f"{path}?lang={lang}")
    assert page.status_code == 200, page.text
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found, page.text
    return found.group(1)


def check(client: httpx2.Client, base: str, key: str, lang: str = "id") -> httpx2.Response:
    data = {"csrf": form_token(client, lang=lang), "key": key}
    return client.post(f"/dokumen?lang={lang}", data=data, headers={"origin": base})


def without_token(html: str) -> str:
    return TOKEN.sub('name="csrf" value=""', html)


def result_of(html: str) -> str:
    """The answer's words, tags and spacing gone."""
    found = re.search(r'<section class="result".*?</section>', html, re.S)
    assert found, html
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(0)).split())


def test_ready_handed_and_not_ready_and_unknown_is_not_ready_byte_for_byte(
    office_on_both: Path,
) -> None:
    office = office_on_both
    finished = with_ready_list(office)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        form = client.get("/dokumen")
        assert form.status_code == 200 and "Nomor registrasi atau NIK" in form.text
        assert form.headers["cache-control"] == "no-store"
        assert form.headers["referrer-policy"] == "same-origin"  # the form names our origin

        ready = check(client, base, KK.lower())  # typed in small letters: the same number
        assert ready.status_code == 200 and ready.headers["cache-control"] == "no-store"
        assert result_of(ready.text) == (
            f"Hasil pengecekan KK Sudah jadi sejak {spelled(finished)} — ambil dengan nomor "
            "antrean layanan Pengambilan Dokumen Ambil nomor antrean daring Pengambilan Dokumen"
        )
        assert 'href="book?lang=id#service-A"' in ready.text  # the booking form, at its service
        by_nik = check(client, base, f"{NIK_KK[:4]} {NIK_KK[4:8]} {NIK_KK[8:12]} {NIK_KK[12:]}")
        assert result_of(by_nik.text) == result_of(ready.text)

        handed = check(client, base, KTP)
        today = finished + timedelta(days=3)
        assert (
            result_of(handed.text)
            == f"Hasil pengecekan KTP-el Sudah diserahkan pada {spelled(today)}"
        )

        both = check(client, base, NIK_BOTH)  # two documents: one line each, kind and state
        assert result_of(both.text) == (
            f"Hasil pengecekan AKTA Sudah jadi sejak {spelled(finished)} — ambil dengan nomor "
            "antrean layanan Pengambilan Dokumen Ambil nomor antrean daring Pengambilan Dokumen "
            f"KIA Sudah diserahkan pada {spelled(today)}"
        )

        answers = [check(client, base, key) for key in (UNKNOWN, NIK_NONE, "ZZ 404")]
        assert result_of(answers[0].text) == (
            "Hasil pengecekan Belum jadi / belum ada di daftar dokumen jadi "
            "Silakan cek lagi nanti sebelum datang ke kantor."
        )
        first = answers[0]
        for other in answers[1:]:  # a number never issued, a NIK with nothing, junk: the same
            assert other.status_code == first.status_code == 200
            assert without_token(other.text) == without_token(first.text)
            assert {k: v for k, v in other.headers.items() if k != "date"} == {
                k: v for k, v in first.headers.items() if k != "date"
            }

        for answer in (ready, by_nik, handed, both, *answers):
            for private in (KK, KTP, AKTA, KIA, UNKNOWN, NIK_KK, NIK_BOTH, NIK_NONE, "ZZ 404"):
                assert private not in answer.text.upper()
            assert NIK_KK[12:] not in answer.text and KK.lower() not in answer.text


def test_english_from_the_language_link_and_no_booking_says_come_to_the_office(
    tmp_path: Path, sqlite_url: str
) -> None:
    office = documents_office(tmp_path / "office.toml", sqlite_url, booking=False)
    finished = with_ready_list(office)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        ready = check(client, base, KK)
        assert 'href="book' not in ready.text
        assert "Datang ke kantor dan ambil nomor layanan Pengambilan Dokumen" in ready.text
        english = check(client, base, KK, lang="en")
        assert result_of(english.text) == (
            f"Result KK Ready since {spelled(finished, 'en')} — collect it with a number for "
            "Pengambilan Dokumen Come to the office and take a number for Pengambilan Dokumen "
            "at the desk, with the receipt of your application."
        )
        assert "Is my document ready?" in client.get("/dokumen").text  # remembered: English


def test_the_check_is_off_without_the_ready_list(tmp_path: Path, sqlite_url: str) -> None:
    office = documents_office(tmp_path / "office.toml", sqlite_url, documents=False)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        page = client.get("/dokumen")
        assert page.status_code == 404 and "Cek dokumen tidak tersedia" in page.text
        sent = client.post("/dokumen", data={"key": KK}, headers={"origin": base})
        assert sent.status_code == 404
        assert "dokumen?lang" not in client.get("/").text
        assert "dokumen?lang" not in client.get("/book").text
        assert 'name="document"' not in client.get("/book").text


def test_the_board_and_the_booking_form_lead_to_the_check(office: Path) -> None:
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        assert '<a href="dokumen?lang=id">Cek apakah dokumen Anda sudah jadi</a>' in (
            client.get("/").text
        )
        book = client.get("/book").text
        assert '<a href="dokumen?lang=id">Cek dulu apakah dokumen Anda sudah jadi</a>' in book
        assert "Nomor registrasi dokumen (kosongkan untuk mencari dengan NIK)" in book
        assert 'id="service-A"' in book


def test_an_empty_or_odd_key_says_why_and_keeps_nothing(office: Path) -> None:
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        empty = check(client, base, "   ")
        assert empty.status_code == 400 and "Isi nomor registrasi atau NIK." in empty.text
        for odd in ("<script>alert(1)</script>", "K" * 41, "KK-1; DROP TABLE documents"):
            answer = check(client, base, odd)
            assert answer.status_code == 400 and 'id="error"' in answer.text, odd
            assert "script>alert" not in answer.text and "DROP" not in answer.text


@pytest.mark.parametrize(("change", "status"), FORGED)
def test_a_check_not_from_our_page_is_refused(office: Path, change: str, status: int) -> None:
    with_ready_list(office)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        token = form_token(client)
        answer = post_forged(
            client,
            base,
            "/dokumen",
            {"csrf": token, "key": KK},
            change,
            huge={"pad": "1" * 600},
            repeated=f"csrf={token}&key={KK}&key={UNKNOWN}",
        )
        assert answer.status_code == status, answer.text
        assert "<h1>" in answer.text and 'id="result"' not in answer.text
        assert "Sudah jadi" not in answer.text and KK not in answer.text


def test_guessing_numbers_from_one_address_hits_the_limit_and_learns_nothing(
    office: Path,
) -> None:
    """A stranger tries registration numbers and NIKs in a row from one address (forged
    forwarded headers change nothing): every answer until the limit is the same page,
    past it the same 429 page, a real number included; no number typed is ever shown."""
    with_ready_list(office)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        token = form_token(client)
        tried = [f"KK-2026-{n:04d}" for n in range(100, 106)] + [
            f"647105120390{n:04d}" for n in range(100, 106)
        ]
        answers = []
        for n, key in enumerate(tried):
            answers.append(
                client.post(
                    "/dokumen",
                    data={"csrf": token, "key": key},
                    headers={"origin": base, "x-forwarded-for": f"203.0.113.{n}"},
                )
            )
        statuses = [a.status_code for a in answers]
        assert 429 in statuses, statuses
        cut = statuses.index(429)
        assert cut >= 5 and statuses[:cut] == [200] * cut, statuses  # a family's few checks
        assert all(s == 429 for s in statuses[cut:]), statuses
        pages = {without_token(a.text) for a in answers[:cut]}
        assert len(pages) == 1  # nothing told one guess from another
        assert "Belum jadi / belum ada di daftar dokumen jadi" in pages.pop()
        real = client.post("/dokumen", data={"csrf": token, "key": KK}, headers={"origin": base})
        assert real.status_code == 429 and real.text == answers[-1].text  # nor a real one
        assert "Terlalu banyak pengecekan" in real.text and real.headers["retry-after"]
        for answer in (*answers, real):
            for key in (*tried, KK):
                assert key not in answer.text


def test_guessing_from_many_addresses_is_bounded_for_all_of_them(
    tmp_path: Path, sqlite_url: str
) -> None:
    """Behind the office's proxy, every check from a new address: the per-address limits
    never bite, `checks_per_minute` of all addresses together does, for everyone."""
    path = documents_office(tmp_path / "office.toml", sqlite_url)
    cfg = config_mod.load_config(path).model_dump(exclude_none=True)
    cfg["web"]["trusted_proxies"] = ["127.0.0.1"]
    cfg["documents"]["checks_per_minute"] = 4
    path.write_text(to_toml(cfg), encoding="utf-8")
    with_ready_list(path)
    with web_server(path) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        token = form_token(client)
        statuses = [
            client.post(
                "/dokumen",
                data={"csrf": token, "key": f"KK-2026-{n:04d}"},
                headers={"origin": base, "x-forwarded-for": f"198.51.100.{n}"},
            ).status_code
            for n in range(1, 7)
        ]
        assert statuses == [200] * 4 + [429] * 2, statuses
        late = client.post(
            "/dokumen",
            data={"csrf": token, "key": KK},
            headers={"origin": base, "x-forwarded-for": "198.51.100.200"},
        )
        assert late.status_code == 429 and KK not in late.text


def book(
    client: httpx2.Client, base: str, day: str, nik: str, document: str = ""
) -> httpx2.Response:
    token = form_token(client, "/book")
    data = {"csrf": token, "choice": f"A:{day}", "nik": nik, "document": document}
    return client.post("/book", data=data, headers={"origin": base})


def test_booking_names_the_document_refused_until_ready(office_on_both: Path) -> None:
    office = office_on_both
    with_ready_list(office)
    queue = open_queue(config_mod.load_config(office))
    day = queue.today().isoformat()
    queue.db.dispose()
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        unknown = book(client, base, day, NIK_STRANGER, UNKNOWN)
        assert unknown.status_code == 400
        assert "Belum jadi: dokumen ini belum ada di daftar dokumen jadi." in unknown.text
        assert UNKNOWN not in unknown.text and NIK_STRANGER not in unknown.text  # not echoed
        others = book(client, base, day, NIK_STRANGER, KK)  # someone else's KK: "not ready"
        assert others.status_code == 400 and "Belum jadi" in others.text
        handed = book(client, base, day, NIK_KTP)  # by the NIK: its KTP-el is handed over
        assert handed.status_code == 400 and "KTP-el ini sudah diserahkan pada" in handed.text

        made = book(client, base, day, NIK_KK, KK)
        assert made.status_code == 303, made.text
        page = client.get("/" + made.headers["location"])
        assert page.status_code == 200 and "AD-001" in page.text
        assert KK not in page.text and NIK_KK not in page.text  # the booking's public page

        again = book(client, base, day, NIK_STRANGER, KK)  # booked now, and still not hers
        assert again.status_code == 400 and "Belum jadi" in again.text
        by_nik = book(client, base, day, NIK_BOTH)  # the field left empty: found by the NIK
        assert by_nik.status_code == 303, by_nik.text

    queue = open_queue(config_mod.load_config(office))
    try:
        documents = {b.document.number for b in queue.bookings_of_day() if b.document}
    finally:
        queue.db.dispose()
    assert documents == {KK, AKTA}


def test_a_service_without_documents_ignores_the_field(office: Path) -> None:
    queue = open_queue(config_mod.load_config(office))
    day = queue.today().isoformat()
    queue.db.dispose()
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        token = form_token(client, "/book")
        data = {"csrf": token, "choice": f"B:{day}", "nik": NIK_NONE, "document": UNKNOWN}
        made = client.post("/book", data=data, headers={"origin": base})
        assert made.status_code == 303, made.text
