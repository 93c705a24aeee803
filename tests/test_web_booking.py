"""The booking pages of the real `counter-app web` process: the happy path, and every
abuse a public form gets (no token, another site, a huge or odd body, floods by address
and by NIK, spoofed forwarded headers), each a clear page and never a 500."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import httpx2
import pytest
from conftest import write_config
from test_booking_cli import midday_zone
from webkit import FORGED, cli, post_forged, web_server

from counter_app.core import config as config_mod
from counter_app.core.queue import open_queue
from counter_app.storage.schema import BookingRow

TIMEOUT = 30
NIKS = [f"647105120390{n:04d}" for n in range(1, 40)]


@pytest.fixture
def office(tmp_path: Path, sqlite_url: str) -> Path:
    return office_at(tmp_path / "office.toml", sqlite_url)


def office_at(path: Path, url: str, **booking: object) -> Path:
    """Booking on, service A with 2 of its 10 numbers online, C suspended; the office
    open now (its time zone one where it is midday)."""
    path = write_config(
        path,
        url,
        office={"timezone": midday_zone(), "opening_hours": "06:00-18:00"},
        booking={
            "enabled": True,
            "closed_days": [],
            "opens_at": "00:00",
            "days_ahead": 1,
            **booking,
        },
        services=[
            {"prefix": "A", "name": "Pengambilan Dokumen", "daily_quota": 10, "online_quota": 2},
            {
                "prefix": "C",
                "name": "Perekaman KTP-el",
                "daily_quota": 5,
                "online_quota": 2,
                "suspended": "Perekaman KTP-el dihentikan sementara",
            },
        ],
        counters=[{"number": 1, "services": ["A"]}],
    )
    cli(path, "status")  # the database, made before the server opens it
    return path


def today(path: Path) -> str:
    queue = open_queue(config_mod.load_config(path))
    try:
        return queue.today().isoformat()
    finally:
        queue.db.dispose()


def form_token(client: httpx2.Client, lang: str = "id") -> str:
    page = client.get(f"/book?lang={lang}")
    assert page.status_code == 200, page.text
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found, page.text
    return found.group(1)


def post(client: httpx2.Client, base: str, path: str, data: dict[str, str], **headers: str):  # type: ignore[no-untyped-def]
    return client.post(path, data=data, headers={"origin": base, **headers})


def book(client: httpx2.Client, base: str, day: str, nik: str, **extra: str):  # type: ignore[no-untyped-def]
    data = {"csrf": form_token(client), "choice": f"A:{day}", "nik": nik, **extra}
    return post(client, base, "/book", data)


def test_book_see_cancel_and_book_again(office: Path) -> None:
    day = today(office)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        form = client.get("/book")
        assert "Ambil nomor antrean daring" in form.text
        # a browser sends our Origin with the form (under no-referrer it sends "null"),
        # and the pages without a form still tell nobody where the visitor was
        assert form.headers["referrer-policy"] == "same-origin"
        assert client.get("/").headers["referrer-policy"] == "no-referrer"
        assert "Perekaman KTP-el dihentikan sementara" in form.text  # suspended: its notice
        assert "sisa 2 nomor" in form.text
        made = book(client, base, day, NIKS[0], phone="081234567890")
        assert made.status_code == 303, made.text
        where = made.headers["location"]
        assert re.fullmatch(r"b/[A-Za-z0-9_-]{24}\?lang=id", where), where
        page = client.get("/" + where)
        assert page.status_code == 200 and page.headers["referrer-policy"] == "same-origin"
        assert "AD-001" in page.text and "Datang pukul " in page.text
        assert "data:image/svg+xml;base64," in page.text  # the QR
        assert NIKS[0] not in page.text and "081234567890" not in page.text  # no personal data
        assert NIKS[0][-4:] not in page.text.replace("AD-001", "")

        again = book(client, base, day, NIKS[0])
        assert again.status_code == 200
        assert "Anda sudah memiliki nomor untuk hari itu" in again.text and "AD-001" in again.text

        token = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert token
        path = "/" + where.split("?")[0]
        gone = post(client, base, f"{path}/cancel?lang=id", {"csrf": token.group(1)})
        assert gone.status_code == 303
        assert "Nomor ini sudah dibatalkan" in client.get(path).text
        again = book(client, base, day, NIKS[1])
        assert again.status_code == 303
        assert "AD-001" in client.get("/" + again.headers["location"]).text  # the freed number


def test_the_booking_page_becomes_the_live_ticket_after_check_in(office: Path) -> None:
    day = today(office)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        where = book(client, base, day, NIKS[0]).headers["location"]
        cli(office, "check-in", NIKS[0])  # at the door, by another process
        page = client.get("/" + where)
        assert page.status_code == 303
        assert page.headers["location"].startswith("../t/CQ1:")
        live = client.get("/" + page.headers["location"].removeprefix("../"))
        assert live.status_code == 200 and "AD-001" in live.text


def test_a_full_day_says_kuota_habis_and_a_bad_nik_says_why(office: Path) -> None:
    day = today(office)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        bad = book(client, base, day, "12345")
        assert bad.status_code == 400 and "NIK harus 16 angka" in bad.text
        for nik in NIKS[:2]:
            assert book(client, base, day, nik).status_code == 303
        full = book(client, base, day, NIKS[2])
        assert full.status_code == 409 and "Kuota habis" in full.text
        assert "kuota habis" in client.get("/book").text  # the day shown as full
        no_day = post(client, base, "/book", {"csrf": form_token(client), "nik": NIKS[3]})
        assert no_day.status_code == 400 and "Pilih hari kedatangan" in no_day.text


def test_forms_sent_at_once_share_the_numbers_exactly_and_the_holder_still_sees_hers(
    office: Path,
) -> None:
    """Eight phones send at the same moment for the day's 2 online numbers: their forms
    are written together (Queue.book_many), 2 are booked and 6 hear "kuota habis"; then,
    on the day found full, a holder's form shows her booking, not "kuota habis"."""
    day = today(office)
    with web_server(office) as base:
        clients = [httpx2.Client(base_url=base, timeout=TIMEOUT) for _ in range(8)]
        try:
            forms = [
                {"csrf": form_token(c), "choice": f"A:{day}", "nik": NIKS[i]}
                for i, c in enumerate(clients)
            ]
            start = threading.Barrier(len(clients))

            def send(i: int) -> httpx2.Response:
                start.wait()
                return post(clients[i], base, "/book", forms[i])

            with ThreadPoolExecutor(len(clients)) as pool:
                answers = list(pool.map(send, range(len(clients))))
            statuses = sorted(a.status_code for a in answers)
            assert statuses == [303] * 2 + [409] * 6, [a.text[:200] for a in answers]
            holder = next(i for i, a in enumerate(answers) if a.status_code == 303)
            again = book(clients[holder], base, day, NIKS[holder])
            assert again.status_code == 200 and "AD-00" in again.text
            assert "Kuota habis" not in again.text
        finally:
            for c in clients:
                c.close()


def test_english_one_tap_away(office: Path) -> None:
    day = today(office)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        assert "Book a number online" in client.get("/book?lang=en").text
        data = {"csrf": form_token(client, "en"), "choice": f"A:{day}", "nik": "1"}
        refused = post(client, base, "/book?lang=en", data)
        assert "a NIK has 16 digits" in refused.text


@pytest.mark.parametrize(("change", "status"), FORGED)
def test_a_form_not_from_our_page_is_refused(office: Path, change: str, status: int) -> None:
    day = today(office)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        token = form_token(client)
        data = {"csrf": token, "choice": f"A:{day}", "nik": NIKS[0]}
        answer = post_forged(
            client,
            base,
            "/book",
            data,
            change,
            huge={"phone": "1" * 5000},
            repeated=f"csrf={token}&choice=A:{day}&nik={NIKS[0]}&nik={NIKS[1]}",
        )
        assert answer.status_code == status, answer.text
        assert "<h1>" in answer.text  # a page that says why
        assert "AD-001" not in client.get("/book").text  # nothing booked


def test_floods_by_address_and_by_nik_are_limited_spoofed_headers_or_not(office: Path) -> None:
    day = today(office)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        statuses = [book(client, base, day, NIKS[5]).status_code for _ in range(7)]
        assert statuses[:6] == [303] + [200] * 5  # booked once, then shown again
        assert statuses[6] == 429  # the same NIK a seventh time within the hour
        answers = []
        for n in range(6):  # from "other" addresses by a forged header: still one address
            token = form_token(client)
            answers.append(
                post(
                    client, base, "/book",
                    {"csrf": token, "choice": f"A:{day}", "nik": NIKS[10 + n]},
                    **{"x-forwarded-for": f"203.0.113.{n}"},
                ).status_code
            )  # fmt: skip
        assert 429 in answers  # 10 posts a minute from one address, whatever it claims
        assert all(code in (303, 409, 429) for code in answers), answers


def test_an_unknown_booking_link_is_a_plain_404(office: Path) -> None:
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        page = client.get("/b/" + "x" * 24)
        assert page.status_code == 404 and "Nomor daring tidak dikenali" in page.text
        assert client.get("/b/" + "x" * 3000).status_code in (404, 414)
        assert client.post("/b/" + "x" * 24 + "/cancel", data={"csrf": "x"}).status_code == 403


@pytest.mark.parametrize(
    ("late", "says"),
    [
        ("end_of_line", "nomor ini dilayani di akhir antrean"),
        ("lapse", "nomor ini tidak dapat dipakai lagi"),
    ],
)
def test_a_booking_past_its_window_says_what_the_door_will_do(
    tmp_path: Path, sqlite_url: str, late: str, says: str
) -> None:
    path = office_at(tmp_path / "office.toml", sqlite_url, late=late, grace_minutes=15)
    day = today(path)
    with web_server(path) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        where = "/" + book(client, base, day, NIKS[0]).headers["location"]
        on_time = client.get(where)
        assert on_time.status_code == 200 and 'id="late"' not in on_time.text

        # The window ended 16 minutes ago: one minute past the grace.
        queue = open_queue(config_mod.load_config(path))
        try:
            now = queue.clock.now()
            with queue.db.sessions().begin() as tx:
                for row in tx.query(BookingRow):
                    row.window_start = now - timedelta(minutes=46)
                    row.window_end = now - timedelta(minutes=16)
        finally:
            queue.db.dispose()
        page = client.get(where)
        assert page.status_code == 200 and 'id="late"' in page.text
        assert says in page.text
        assert "Datang pukul" in page.text  # the window it had, still named
