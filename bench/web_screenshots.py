"""Phone screenshots of the visitor's pages (`counter-app web`) for docs/screenshots/.

    .venv/bin/python bench/web_screenshots.py [--out docs/screenshots] [--pg URL] [--scale 1]

Not a test, and not part of the app (it needs Selenium and a browser, which only the
tests install). It starts the real `counter-app web` process on a temporary SQLite queue,
moves the queue with the domain API (open_queue), as a desk and the counters would, and
photographs each state in Debian's headless Chromium (apt-get install chromium
chromium-driver) emulating a phone: 390x844 CSS pixels, touch, a phone's user agent,
Accept-Language Indonesian (English, and ?lang=en, for phone-board-en.png). Each PNG is
390x844 pixels times --scale.

    phone-outside.png    a ticket issued while the hall was full: wait outside
    phone-come-in.png    the same kind of ticket once let in: come in now
    phone-waiting.png    waiting inside, one number ahead
    phone-called.png     the moment it is called: the full-screen alert over the page
    phone-done.png       served
    phone-no-show.png    called, did not come
    phone-cancelled.png  cancelled at the desk
    phone-not-found.png  a forged QR (the signature altered)
    phone-offline.png    the page open while the database went away (PostgreSQL refusing
                         connections): the last known state under the offline banner
    phone-board.png      the lobby board for phones, phone-board-en.png the same in English
    phone-book.png       the booking form: a service taking bookings with its days and
                         numbers left, a full one ("kuota habis"), a suspended one
    phone-book-refused.png  the form sent with an impossible NIK: the reason, the form kept
    phone-booking.png    a booking: its number, day, arrival window, QR and cancel button;
                         phone-booking-en.png the same in English
    phone-booking-cancelled.png  the booking after its cancel button
    phone-document-check.png  the document check's answer for a NIK with two documents:
                         a KK ready (and the link to book its number), a KIA handed over;
                         phone-document-check-en.png the same in English

The alert flashes (green and black, once a second); phone-called.png is taken with
prefers-reduced-motion, which holds it green, so the picture does not depend on the frame.
The offline picture needs PostgreSQL: a throwaway cluster (bench/pgcluster.py, Debian's
postgresql) or --pg URL of a server where this script may create and drop a database.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from conftest import make_config, write_config  # noqa: E402
from phonekit import (  # noqa: E402
    ENGLISH,
    browser_missing,
    phone_browser,
    shown,
    text_of,
    wait_for_text,
    wait_until,
)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from webkit import web_server  # noqa: E402

from counter_app.core.queue import open_queue  # noqa: E402
from counter_app.core.tokens import payload_from_scan  # noqa: E402

PUBLIC_URL = "http://192.168.1.10:8080"  # what the tickets' QR would hold in the office
SECTIONS: dict[str, Any] = {
    "capacity": {"limit": 6, "when_full": "wait_outside"},
    "web": {"public_url": PUBLIC_URL},
}


class Camera:
    """One phone browser at a time, saving what it shows to OUT/NAME."""

    def __init__(self, out: Path, profiles: Path, scale: float) -> None:
        self.out = out
        self.profiles = profiles
        self.scale = scale
        self.count = 0

    @contextmanager
    def phone(self, **options: Any) -> Iterator[WebDriver]:
        self.count += 1
        browser = phone_browser(
            self.profiles / f"profile-{self.count}", pixel_ratio=self.scale, **options
        )
        try:
            yield browser
        finally:
            browser.quit()

    def save(self, browser: WebDriver, name: str) -> None:
        # the clock in "Diperbarui" ticks; fonts and layout must have settled
        browser.execute_script("return document.fonts.ready")
        wide, seen = browser.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]"
        )
        if wide > seen:
            print(f"{name}: the page is {wide} px wide on a {seen} px screen", file=sys.stderr)
        switch, high = browser.execute_script(
            "var b = document.getElementById('sound');"
            "return [b ? Math.round(b.getBoundingClientRect().bottom) : null, innerHeight]"
        )
        if switch is not None:  # it must end on the first screen (tests/test_web_browser.py)
            print(f"{name}: the alert switch ends {switch} px down a {high} px screen")
        path = self.out / name
        if not browser.save_screenshot(str(path)):
            raise SystemExit(f"could not save {path}")
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def page(base: str, ticket_qr: str) -> str:
    return f"{base}/t/{payload_from_scan(ticket_qr)}"


def ticket_pages(camera: Camera, tmp: Path) -> None:
    url = f"sqlite:///{(tmp / 'queue.sqlite3').as_posix()}"
    config_path = write_config(tmp / "config.toml", url, **SECTIONS)
    queue = open_queue(make_config(**SECTIONS, database={"url": url}), create=True)
    qr = {}
    for prefix in ("A", "A", "B", "A", "B", "A", "A", "B", "A"):  # 6 inside, 3 outside
        ticket = queue.issue(prefix, printing=False)
        qr[ticket.code] = ticket.qr
    assert queue.ticket("A-006").state.value == "outside"
    queue.call_next(1)
    queue.call_next(2)  # B-001
    queue.call_next(3)

    with web_server(config_path) as base, camera.phone() as browser:
        browser.get(page(base, qr["A-006"]))
        wait_for_text(browser, ".state h1", "Silakan menunggu di luar")
        camera.save(browser, "phone-outside.png")

        browser.get(page(base, qr["A-004"]))
        wait_for_text(browser, ".state h1", "Menunggu di ruang tunggu")
        camera.save(browser, "phone-waiting.png")

        # The moment of the call: the page is open, then counter 1 calls the ticket.
        browser.get(page(base, qr["A-003"]))
        wait_for_text(browser, ".state h1", "Menunggu di ruang tunggu")
        browser.execute_cdp_cmd(
            "Emulation.setEmulatedMedia",
            {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]},
        )
        queue.call_ticket(1, "A-003")  # A-001 done at counter 1: A-005 is let in
        wait_for_text(browser, ".state h1", "Silakan ke Loket 1")
        wait_until(browser, "the call alert", lambda b: shown(b, "#alert"))
        camera.save(browser, "phone-called.png")

        browser.get(page(base, qr["A-005"]))
        wait_for_text(browser, ".state h1", "Silakan masuk sekarang")
        camera.save(browser, "phone-come-in.png")

        browser.get(page(base, qr["A-001"]))
        wait_for_text(browser, ".state h1", "Selesai dilayani")
        camera.save(browser, "phone-done.png")

        queue.no_show(3)
        browser.get(page(base, qr["A-002"]))
        wait_for_text(browser, ".state h1", "Tidak hadir saat dipanggil")
        camera.save(browser, "phone-no-show.png")

        queue.cancel("B-002")
        browser.get(page(base, qr["B-002"]))
        wait_for_text(browser, ".state h1", "Nomor dibatalkan")
        camera.save(browser, "phone-cancelled.png")

        payload = payload_from_scan(qr["A-004"])
        forged = payload[:-4] + ("AAAA" if not payload.endswith("AAAA") else "BBBB")
        browser.get(f"{base}/t/{forged}")
        wait_for_text(browser, "h1", "Tiket tidak dikenali")
        camera.save(browser, "phone-not-found.png")

        queue.call_next(2)  # B-001 done; B-003 called
        browser.get(base + "/")
        wait_for_text(browser, ".calls li:first-child", "B-003 ke Loket 2")
        camera.save(browser, "phone-board.png")

    # A browser that prefers English still gets Indonesian; English is the visitor's tap.
    with web_server(config_path) as base, camera.phone(languages=ENGLISH) as browser:
        browser.get(base + "/?lang=en")
        wait_for_text(browser, ".calls li:first-child", "B-003 to Loket 2")
        camera.save(browser, "phone-board-en.png")
    queue.db.dispose()


BOOKING_SECTIONS: dict[str, Any] = {
    # today is on the form only while the office is open; the pictures show the next days
    "office": {"opening_hours": "08:00-15:00"},
    "booking": {"enabled": True, "opens_at": "00:00", "days_ahead": 3, "closed_days": []},
    "services": [
        {"prefix": "A", "name": "Pengambilan Dokumen", "daily_quota": 100, "online_quota": 40},
        {"prefix": "B", "name": "Legalisasi", "daily_quota": 40, "online_quota": 1},
        {
            "prefix": "C",
            "name": "Perekaman KTP-el",
            "daily_quota": 40,
            "online_quota": 10,
            "suspended": "Perekaman KTP-el dihentikan sementara",
        },
    ],
    "counters": [{"number": 1, "services": ["A", "B"]}],
    "web": {"public_url": PUBLIC_URL},
}
NIKS = [f"647105120390{n:04d}" for n in range(1, 40)]  # Balikpapan, born 12-03-1990


def booking_pages(camera: Camera, tmp: Path) -> None:
    url = f"sqlite:///{(tmp / 'booking.sqlite3').as_posix()}"
    config_path = write_config(tmp / "booking.toml", url, **BOOKING_SECTIONS)
    queue = open_queue(make_config(**BOOKING_SECTIONS, database={"url": url}), create=True)
    today = queue.today()
    for n in range(4):  # Legalisasi: its one online number taken every day
        queue.book("B", today + timedelta(days=n), NIKS[30 + n])
    for n in range(1, 8):
        queue.book("A", today + timedelta(days=1), NIKS[n])
    made = queue.book("A", today + timedelta(days=1), NIKS[9], "081234567890")
    assert made.secret is not None

    with web_server(config_path) as base, camera.phone() as browser:
        browser.get(base + "/book")
        wait_for_text(browser, "h1", "Ambil nomor antrean daring")
        camera.save(browser, "phone-book.png")

        day = (today + timedelta(days=1)).isoformat()
        browser.find_element(By.CSS_SELECTOR, f'input[name=choice][value="A:{day}"]').click()
        browser.find_element(By.NAME, "nik").send_keys("6471053102900001")  # 31 February
        browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait_until(browser, "the refusal", lambda b: shown(b, "#error"))
        camera.save(browser, "phone-book-refused.png")

        browser.get(f"{base}/b/{made.secret}")
        wait_until(browser, "the booking", lambda b: shown(b, ".code"))
        camera.save(browser, "phone-booking.png")

        browser.find_element(By.CSS_SELECTOR, "form.cancel button").click()
        wait_until(browser, "the cancelled booking", lambda b: not shown(b, "form.cancel"))
        camera.save(browser, "phone-booking-cancelled.png")

    other = queue.book("A", today + timedelta(days=2), NIKS[20])
    assert other.secret is not None
    with web_server(config_path) as base, camera.phone(languages=ENGLISH) as browser:
        browser.get(f"{base}/b/{other.secret}?lang=en")
        wait_until(browser, "the booking", lambda b: shown(b, ".code"))
        camera.save(browser, "phone-booking-en.png")
    queue.db.dispose()


DOCUMENT_SECTIONS: dict[str, Any] = {
    **BOOKING_SECTIONS,
    "documents": {"enabled": True, "kinds": {"KK": "A", "KTP-el": "A", "AKTA": "A", "KIA": "A"}},
}


def document_pages(camera: Camera, tmp: Path) -> None:
    from counter_app.core.documents import parse_export

    url = f"sqlite:///{(tmp / 'documents.sqlite3').as_posix()}"
    config_path = write_config(tmp / "documents.toml", url, **DOCUMENT_SECTIONS)
    queue = open_queue(make_config(**DOCUMENT_SECTIONS, database={"url": url}), create=True)
    today = queue.today()
    nik = NIKS[12]
    export = (
        "no_registrasi,nik,jenis_dokumen,tanggal_selesai\n"
        f"6471-KK-2026-000731,{nik},KK,{today - timedelta(days=2)}\n"
        f"6471-KIA-2026-000112,{nik},KIA,{today - timedelta(days=9)}\n"
    )
    queue.import_documents(
        parse_export(
            export.encode(), queue.config.documents, path="siap.csv", today=today, lang="id"
        )
    )
    queue.hand_over("6471-KIA-2026-000112")
    queue.db.dispose()
    for name, languages, switch in (
        ("phone-document-check.png", None, None),
        ("phone-document-check-en.png", ENGLISH, "en"),
    ):
        options = {"languages": languages} if languages else {}
        with web_server(config_path) as base, camera.phone(**options) as browser:
            browser.get(base + "/dokumen" + (f"?lang={switch}" if switch else ""))
            wait_until(browser, "the check's form", lambda b: shown(b, "input[name=key]"))
            browser.find_element(By.NAME, "key").send_keys(nik)
            browser.find_element(By.CSS_SELECTOR, "main.check button[type=submit]").click()
            wait_until(browser, "the answer", lambda b: shown(b, "#result"))
            camera.save(browser, name)


def offline_page(camera: Camera, tmp: Path, pg: str | None) -> None:
    from pgcluster import drop_database, fresh_database, postgres
    from sqlalchemy import create_engine, text

    with postgres(pg) as server:
        name = f"phone_screenshots_{os.getpid()}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")

        def sql(statement: str) -> None:
            with admin.connect() as conn:
                conn.execute(text(statement))

        url = fresh_database(server, name)
        try:
            config_path = write_config(tmp / "config-pg.toml", url, **SECTIONS)
            queue = open_queue(make_config(**SECTIONS, database={"url": url}), create=True)
            tickets = [queue.issue(prefix, printing=False) for prefix in ("A", "B", "A", "A")]
            queue.call_next(1)
            queue.db.dispose()
            with web_server(config_path) as base, camera.phone() as browser:
                browser.get(page(base, tickets[-1].qr))
                wait_for_text(browser, ".state h1", "Menunggu di ruang tunggu")
                # The database goes away under the running server: no new connection is
                # let in and the open ones are cut.
                sql(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
                sql(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    f" WHERE datname = '{name}'"
                )
                wait_until(browser, "the offline banner", lambda b: text_of(b, ".offline"))
                camera.save(browser, "phone-offline.png")
        finally:
            admin.dispose()
            drop_database(server, name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--pg", help="PostgreSQL server URL (default: a throwaway cluster)")
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio")
    parser.add_argument(
        "--only",
        choices=["tickets", "booking", "documents", "offline"],
        action="append",
        help="only these pictures (again for more); default: all",
    )
    args = parser.parse_args()
    missing = browser_missing()
    if missing:
        raise SystemExit(missing)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="counter-app-phone-shots-") as tmp_name:
        tmp = Path(tmp_name)
        for what in ("CONFIG", "DATA", "LOG"):  # never the real user's folders
            os.environ[f"COUNTER_APP_{what}_DIR"] = str(tmp / what.lower())
        camera = Camera(args.out, tmp, args.scale)
        only = set(args.only or ["tickets", "booking", "documents", "offline"])
        if "tickets" in only:
            ticket_pages(camera, tmp)
        if "booking" in only:
            booking_pages(camera, tmp)
        if "documents" in only:
            document_pages(camera, tmp)
        if "offline" in only:
            offline_page(camera, tmp, args.pg)
    print(f"{camera.count} browsers, {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
