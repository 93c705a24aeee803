"""The phone pages through Starlette's test client, on SQLite and PostgreSQL.

The application is the one `counter-app web` serves, with queues on a fake clock; the
hub's follower thread runs for real on the database's own change feed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from conftest import SECRET, FakeClock, make_config, wait_for
from starlette.testclient import TestClient

from counter_app.core.queue import Queue
from counter_app.core.tokens import make_payload
from counter_app.storage.db import Database
from counter_app.web.server import PAGE_LIMIT, create_app
from counter_app.web.words import pick_language

WAIT_OUTSIDE = {"limit": 1, "when_full": "wait_outside"}


@pytest.fixture
def office(database: Database, clock: FakeClock) -> Callable[..., tuple[Queue, TestClient]]:
    """A desk's queue and a phone's client of the web app, on one database."""
    clients: list[TestClient] = []

    def open_office(**sections: Any) -> tuple[Queue, TestClient]:
        cfg = make_config(**sections)
        desk = Queue(database, cfg, clock=clock)
        app = create_app(cfg, Queue(database, cfg, clock=clock), Queue(database, cfg, clock=clock))
        client = TestClient(app, client=("192.0.2.10", 50000))
        client.__enter__()
        clients.append(client)
        return desk, client

    yield open_office
    for client in clients:
        client.__exit__(None, None, None)


def page(client: TestClient, payload: str, **headers: str) -> str:
    response = client.get(f"/t/{payload}", headers=headers)
    assert response.status_code == 200, response.text
    return response.text


def headline(html: str) -> str:
    m = re.search(r'<section class="state state-(\w+)">\s*<h1>([^<]*)</h1>', html)
    assert m, html
    return f"{m.group(1)}: {m.group(2)}"


def shows(client: TestClient, payload: str, expected: str) -> None:
    """The page reaches the expected state (the hub follows commits within milliseconds)."""
    seen: list[str] = []

    def reached() -> bool:
        seen.append(headline(page(client, payload)))
        return seen[-1] == expected

    try:
        wait_for(reached, timeout=10)
    except AssertionError:
        raise AssertionError(f"page shows {seen[-1]!r}, expected {expected!r}") from None


def test_each_state_in_plain_indonesian(
    office: Callable[..., tuple[Queue, TestClient]], clock: FakeClock
) -> None:
    desk, client = office(capacity=WAIT_OUTSIDE)
    first = desk.issue("A")
    second = desk.issue("A")  # the hall holds one: this one waits outside
    assert second.state == "outside"
    shows(client, first.qr, "waiting: Menunggu di ruang tunggu")
    html = page(client, second.qr)
    assert headline(html) == "outside: Silakan menunggu di luar"
    assert "Anda yang berikutnya masuk" in html  # first at the door: nobody outside before it
    assert "sebentar lagi" not in html  # never "soon" while they may not come in
    assert "Di ruang tunggu: 1 dari 1 orang" in html
    assert "1 nomor menunggu di luar" in html

    clock.advance(minutes=3)
    desk.call_next(1)  # first is called: still inside
    shows(client, first.qr, "called: Silakan ke Loket 1")
    assert "<li><span>Loket 1</span><b>A-001</b></li>" in page(client, second.qr)
    clock.advance(minutes=4)
    desk.done(1)  # room: second is let in
    shows(client, first.qr, "done: Selesai dilayani")
    shows(client, second.qr, "come_in: Silakan masuk sekarang")
    assert "Anda berikutnya" in page(client, second.qr)
    desk.call_next(1)
    desk.no_show(1)
    shows(client, second.qr, "no_show: Tidak hadir saat dipanggil")
    third = desk.issue("B")
    desk.cancel(third.code)
    shows(client, third.qr, "cancelled: Nomor dibatalkan")


def test_come_in_becomes_waiting_inside_after_a_while(
    office: Callable[..., tuple[Queue, TestClient]], clock: FakeClock
) -> None:
    desk, client = office(capacity=WAIT_OUTSIDE)
    desk.issue("A")
    late = desk.issue("A")
    clock.advance(minutes=2)
    desk.call_next(1)
    desk.done(1)
    shows(client, late.qr, "come_in: Silakan masuk sekarang")
    clock.advance(minutes=16)
    desk.issue("B")  # any change makes the hub read again
    shows(client, late.qr, "waiting: Menunggu di ruang tunggu")


def html_lang(html: str) -> str:
    m = re.search(r'<html lang="(\w+)">', html)
    assert m, html
    return m.group(1)


def test_indonesian_whatever_the_browser_prefers_english_when_chosen(
    office: Callable[..., tuple[Queue, TestClient]],
) -> None:
    services = [
        {
            "prefix": "A",
            "name": "Pengambilan Dokumen",
            "name_en": "Document pickup",
            "daily_quota": 150,
        },
        {"prefix": "B", "name": "Legalisasi", "daily_quota": 100},  # no English name
    ]
    desk, client = office(services=services, counters=[{"number": 1, "services": ["A", "B"]}])
    t = desk.issue("A")
    # Many Indonesian phones say en-US: the page is the office's language all the same.
    for browser in ("en-US,en;q=0.9", "en", "id-ID,id;q=0.9,en;q=0.8", "*"):
        indonesian = page(client, t.qr, **{"accept-language": browser})
        assert html_lang(indonesian) == "id", browser
        assert "Menunggu di ruang tunggu" in indonesian
        assert '<p class="service">Pengambilan Dokumen</p>' in indonesian
        # English one tap away, in its own language
        assert '<a href="?lang=en" lang="en">English</a>' in indonesian
    assert "set-cookie" not in client.get(f"/t/{t.qr}").headers  # nothing chosen, nothing kept

    # The visitor taps "English": the page is English and the choice is kept.
    chosen = client.get(f"/t/{t.qr}?lang=en", headers={"accept-language": "id"})
    assert html_lang(chosen.text) == "en"
    assert "Waiting in the hall" in chosen.text
    assert '<p class="service">Document pickup</p>' in chosen.text
    assert "Pengambilan" not in chosen.text
    assert '<a href="?lang=id" lang="id">Bahasa Indonesia</a>' in chosen.text
    english = page(client, t.qr)  # the client sends the cookie back, as a browser does
    assert html_lang(english) == "en" and "Waiting in the hall" in english
    legalisir = desk.issue("B")
    assert '<p class="service">Legalisasi</p>' in page(client, legalisir.qr)
    assert html_lang(client.get("/").text) == "en"  # the board remembers it too
    # and the event stream and polling of the page follow the page's language
    assert '/state?lang=en"' in english and '/events?lang=en"' in english

    # Back to Indonesian, one tap again
    back = client.get(f"/t/{t.qr}?lang=id")
    assert html_lang(back.text) == "id"
    assert client.cookies.get("lang") == "id"
    assert html_lang(page(client, t.qr)) == "id"


def test_the_language_cookie(office: Callable[..., tuple[Queue, TestClient]]) -> None:
    desk, client = office()
    t = desk.issue("A")
    response = client.get(f"/t/{t.qr}?lang=en")
    cookie = response.headers["set-cookie"]
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}
    assert cookie.startswith("lang=en;"), cookie
    assert attributes == {"max-age", "path", "samesite", "httponly"}, cookie
    assert "Max-Age=31536000" in cookie and "Path=/" in cookie
    assert "samesite=lax" in cookie.lower()
    # over https (a proxy in front) the cookie goes back only over https
    secure = TestClient(client.app, base_url="https://antrean.example")
    assert "secure" in secure.get(f"/t/{t.qr}?lang=en").headers["set-cookie"].lower()
    # the board, the plain pages too; an unknown language sets nothing
    assert client.get("/?lang=id").headers["set-cookie"].startswith("lang=id;")
    assert client.get("/t/forged?lang=en").headers["set-cookie"].startswith("lang=en;")
    for junk in ("EN", "en ", "fr", "en-US", "id;", "x" * 5000, ""):
        assert "set-cookie" not in client.get("/", params={"lang": junk}).headers, junk


@pytest.mark.parametrize(
    "cookie",
    ["fr", "EN", "en-US", "", "x" * 3000, "en,en", "%65n", "id\x00", "e n"],
)
def test_a_bad_language_cookie_gets_indonesian_and_no_error(
    office: Callable[..., tuple[Queue, TestClient]], cookie: str
) -> None:
    desk, client = office()
    t = desk.issue("A")
    raw = {"cookie": f"lang={cookie}; other=1"}
    for path in (f"/t/{t.qr}", "/", "/t/forged"):
        response = client.get(path, headers=raw)
        assert response.status_code in (200, 404), response.text
        assert html_lang(response.text) == "id", (path, cookie)
        assert "set-cookie" not in response.headers
    assert client.get(f"/t/{t.qr}/state", headers=raw).status_code == 200


def test_a_page_not_found_offers_the_other_language(
    office: Callable[..., tuple[Queue, TestClient]],
) -> None:
    _desk, client = office()
    forged = client.get("/t/forged", headers={"accept-language": "en-US"})
    assert forged.status_code == 404
    assert html_lang(forged.text) == "id" and "Tiket tidak dikenali" in forged.text
    assert '<a href="?lang=en" lang="en">English</a>' in forged.text
    english = client.get("/t/forged?lang=en")
    assert html_lang(english.text) == "en"
    assert '<a href="?lang=id" lang="id">Bahasa Indonesia</a>' in english.text


@pytest.mark.parametrize(
    ("asked", "remembered", "lang"),
    [
        (None, None, "id"),
        ("en", None, "en"),
        ("id", "en", "id"),  # asking now wins over the choice before
        (None, "en", "en"),
        (None, "id", "id"),
        ("fr", "en", "en"),  # junk asked: the choice before
        ("EN", None, "id"),
        (" en", None, "id"),
        ("en-US", "EN", "id"),
        ("", "", "id"),
    ],
)
def test_language_choice(asked: str | None, remembered: str | None, lang: str) -> None:
    assert pick_language(asked, remembered) == lang


def test_forged_altered_and_other_day_payloads_get_one_plain_page(
    office: Callable[..., tuple[Queue, TestClient]], clock: FakeClock
) -> None:
    desk, client = office()
    genuine = desk.issue("A")
    today = desk.today()
    altered = genuine.qr[:-1] + ("A" if genuine.qr[-1] != "A" else "B")
    bad = {
        "forged": make_payload("another-office-secret-000", today, "A-001"),
        "altered": altered,
        "other code": genuine.qr.replace("A-001", "A-002"),
        "yesterday": make_payload(SECRET, today - timedelta(days=1), "A-001"),
        "tomorrow": make_payload(SECRET, today + timedelta(days=1), "A-001"),
        "junk": "hello",
        "sql": "' OR 1=1 --",
        "not issued": make_payload(SECRET, today, "A-050"),  # genuine form, never issued
    }
    bodies = set()
    for what, payload in bad.items():
        response = client.get(f"/t/{payload}")
        assert response.status_code == 404, what
        assert "Tiket tidak dikenali" in response.text, what
        assert "A-001" not in response.text and "A-050" not in response.text, what
        bodies.add(response.text)
        assert client.get(f"/t/{payload}/state").status_code == 404, what
        assert client.get(f"/t/{payload}/events").status_code == 404, what
    assert len(bodies) == 1  # the page tells nothing about why, or about other tickets
    clock.next_day()
    assert client.get(f"/t/{genuine.qr}").status_code == 404  # yesterday's ticket now


def test_nothing_can_change_the_queue(office: Callable[..., tuple[Queue, TestClient]]) -> None:
    desk, client = office()
    t = desk.issue("A")
    version = desk.version()
    for path in ("/", "/state", "/events", f"/t/{t.qr}", f"/t/{t.qr}/state", f"/t/{t.qr}/events"):
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            assert client.request(method, path).status_code == 405, (method, path)
    assert desk.version() == version
    assert desk.ticket(t.code).state == "waiting"


def test_headers_keep_the_ticket_private(office: Callable[..., tuple[Queue, TestClient]]) -> None:
    desk, client = office()
    t = desk.issue("A")
    response = client.get(f"/t/{t.qr}")
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "script-src" not in response.headers["content-security-policy"]  # 'self' only
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert "<script>" not in response.text  # no inline script: the policy forbids it


def test_without_javascript_the_page_refreshes_itself(
    office: Callable[..., tuple[Queue, TestClient]],
) -> None:
    desk, client = office()
    t = desk.issue("A")
    html = page(client, t.qr)
    assert '<noscript><meta http-equiv="refresh" content="10"></noscript>' in html
    board = client.get("/").text
    assert '<noscript><meta http-equiv="refresh" content="10"></noscript>' in board


def test_board_shows_the_counters_calls_and_lines(
    office: Callable[..., tuple[Queue, TestClient]],
) -> None:
    desk, client = office()
    desk.issue("A")
    desk.issue("B")
    desk.call_next(2)  # counter 2 prefers B
    wait_for(lambda: "<b>B-001</b>" in client.get("/").text, timeout=10)
    html = client.get("/").text
    assert "Disdukcapil Kota Balikpapan" in html
    assert "<li>B-001 ke Loket 2</li>" in html
    assert "Perekaman KTP-el dihentikan sementara" in html  # the suspended service's notice
    assert "Di ruang tunggu: 2 dari 20 orang" in html
    state = client.get("/state").json()
    assert "B-001" in state["html"] and state["offline"] is False


def test_state_json_carries_what_an_event_carries(
    office: Callable[..., tuple[Queue, TestClient]],
) -> None:
    desk, client = office()
    t = desk.issue("A")
    desk.call_next(1)
    wait_for(lambda: client.get(f"/t/{t.qr}/state").json().get("state") == "called", 10)
    data = client.get(f"/t/{t.qr}/state").json()
    assert data["alert"] == "called:1:0"
    assert data["alert_text"] == "A-001 DIPANGGIL! Silakan ke Loket 1"
    assert data["title"] == "A-001 · Silakan ke Loket 1"
    desk.recall(1)
    wait_for(lambda: client.get(f"/t/{t.qr}/state").json()["alert"] == "called:1:1", 10)


def test_live_parts_follow_each_change_of_line_and_hall(
    office: Callable[..., tuple[Queue, TestClient]],
) -> None:
    """A ticket's own lines are kept between reads while they do not change, and the hall's
    lines are rendered once a read for every ticket: neither may go stale."""
    desk, client = office()
    tickets = [desk.issue("A") for _ in range(3)]
    b = desk.issue("B")

    def live(t: Any) -> str:
        return str(client.get(f"/t/{t.qr}/state").json()["html"])

    wait_for(lambda: "2 nomor di depan Anda" in live(tickets[2]), 10)
    unchanged = live(b)  # B's line does not move below
    desk.call_next(1)  # A-001 to counter 1
    wait_for(lambda: "1 nomor di depan Anda" in live(tickets[2]), 10)
    assert "Anda berikutnya" in live(tickets[1])
    for t in (*tickets, b):  # every page shows the new call in the hall's lines
        assert "<li><span>Loket 1</span><b>A-001</b></li>" in live(t)
    assert live(b).split('<section class="hall')[0] == unchanged.split('<section class="hall')[0]
    desk.call_next(1)
    wait_for(lambda: "Anda berikutnya" in live(tickets[2]), 10)
    assert "<li><span>Loket 1</span><b>A-002</b></li>" in live(b)


def test_reloads_are_limited_per_address(office: Callable[..., tuple[Queue, TestClient]]) -> None:
    desk, client = office()
    t = desk.issue("A")
    allowed = PAGE_LIMIT.amount
    codes = [client.get(f"/t/{t.qr}").status_code for _ in range(allowed + 1)]
    assert codes[:allowed] == [200] * allowed
    assert codes[-1] == 429
    limited = client.get(f"/t/{t.qr}")
    assert "Terlalu sering dimuat ulang" in limited.text
    assert int(limited.headers["retry-after"]) > 0
    other_phone = TestClient(client.app, client=("192.0.2.11", 50000))
    assert other_phone.get(f"/t/{t.qr}").status_code == 200


@pytest.fixture
def pg_office(pg_url: str, clock: FakeClock) -> Iterator[tuple[Queue, TestClient, str]]:
    from counter_app.storage.db import open_database

    db = open_database(pg_url)
    cfg = make_config()
    desk = Queue(db, cfg, clock=clock)
    app = create_app(cfg, Queue(db, cfg, clock=clock), Queue(db, cfg, clock=clock), read_timeout=2)
    with TestClient(app) as client:
        yield desk, client, pg_url
    db.dispose()


def _database_name(url: str) -> str:
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    assert name
    return name


def test_a_lost_database_shows_offline_and_comes_back(
    pg_office: tuple[Queue, TestClient, str], pg_admin_url: str
) -> None:
    from sqlalchemy import create_engine, text

    desk, client, url = pg_office
    t = desk.issue("A")
    shows(client, t.qr, "waiting: Menunggu di ruang tunggu")
    name = _database_name(url)
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
        c.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"
            ),
            {"name": name},
        )
    try:
        wait_for(lambda: client.get("/healthz").status_code == 503, timeout=15)
        html = client.get(f"/t/{t.qr}").text  # the last known state, marked offline
        assert "Tidak tersambung ke server antrean" in html
        assert headline(html) == "waiting: Menunggu di ruang tunggu"
        unseen = make_payload(SECRET, desk.today(), "A-002")  # nothing known of it
        response = client.get(f"/t/{unseen}")
        assert response.status_code == 503
        assert "Antrean sedang tidak tersedia" in response.text
    finally:
        with admin.connect() as c:
            c.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        admin.dispose()
    wait_for(lambda: client.get("/healthz").status_code == 200, timeout=15)
    desk.call_next(1)
    shows(client, t.qr, "called: Silakan ke Loket 1")


def test_a_stuck_database_still_gets_an_answer_in_bounded_time(
    pg_office: tuple[Queue, TestClient, str],
) -> None:
    """A table locked by a stuck transaction: the page answers "offline" after
    read_timeout instead of hanging with the phone."""
    from sqlalchemy import create_engine, text

    desk, client, url = pg_office
    desk.issue("A")
    stranger = make_payload(SECRET, desk.today(), "A-001")
    locker = create_engine(url)
    with locker.connect() as c:
        c.execute(text("LOCK TABLE tickets IN ACCESS EXCLUSIVE MODE"))
        client.app.state.hub.latest = None  # nothing cached: the page must read
        response = client.get(f"/t/{stranger}")
        assert response.status_code == 503
        assert "Antrean sedang tidak tersedia" in response.text
        c.rollback()
    locker.dispose()
    shows(client, stranger, "waiting: Menunggu di ruang tunggu")


def test_the_hall_line_says_blocked_not_full_when_the_group_first_outside_does_not_fit(
    office: Callable[..., tuple[Queue, TestClient]],
) -> None:
    desk, client = office(capacity={"limit": 4, "when_full": "wait_outside"})
    desk.issue("A")
    group = desk.issue("A", group=4)  # A-002 waits outside: 3 places free
    blocked = "3 tempat kosong, menunggu rombongan A-002 (4 orang)"
    wait_for(lambda: blocked in page(client, group.qr), timeout=10)
    html = page(client, group.qr)
    assert '<section class="hall">' in html  # not styled as a full hall
    assert "Di ruang tunggu: 1 dari 4 orang" in html
    wait_for(lambda: blocked in client.get("/").text, timeout=10)
    english = client.get("/?lang=en").text
    assert "3 places free, waiting for group A-002 (4 persons)" in english
    assert "sedang penuh" not in html  # places are free: the hall is not full
    assert "belum cukup untuk rombongan Anda" in html  # A-002 is the group it waits for
    behind = desk.issue("A")  # strict order: it waits behind A-002
    mine = f"{behind.qr}?lang=id"  # the English link above is remembered: back to Indonesian
    wait_for(lambda: "menunggu rombongan di depan Anda" in page(client, mine), timeout=10)
    desk.call_next(1)
    desk.done(1)  # A-001 leaves, A-002 (4) goes in: now the hall is full
    wait_for(lambda: "Ruang tunggu sedang penuh" in page(client, mine), timeout=10)
