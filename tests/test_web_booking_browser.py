"""The booking pages in a real browser: headless Chromium at a phone's 390x844, against the
real `counter-app web` process. A visitor books a number from home, sees it (its arrival
window, its QR), cancels it and books again, in Indonesian and in English, with JavaScript
off as well; checked in at the door (another process), the booking's page becomes the live
ticket page. The NIK typed in is never on a page.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx2
import test_web_booking
from phonekit import ENGLISH, Phone, shown, text_of, wait_for_text, wait_until
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from test_web_booking import NIKS, today
from webkit import cli, web_server

office = test_web_booking.office  # the fixture: booking on, service A online_quota 2, C suspended

WINDOW_ID = re.compile(r"Datang pukul \d\d:\d\d–\d\d:\d\d")
WINDOW_EN = re.compile(r"Come at \d\d:\d\d–\d\d:\d\d")
QR_DATA = "data:image/svg+xml;base64,"


def path_of(browser: WebDriver) -> str:
    return urlsplit(browser.current_url).path


def on_booking_page(browser: WebDriver) -> str | None:
    """The number shown once the browser is on a booking's page (/b/TOKEN), else None."""
    return text_of(browser, "h1.code") if path_of(browser).startswith("/b/") else None


def wait_for_booking(browser: WebDriver, code: str) -> str:
    """Wait for the booking's page of ``code``; its path. A failure says where the browser
    ended instead and what that page said (a refusal is a page with an <h1>)."""
    try:
        wait_until(browser, f"the booking page of {code}", lambda b: on_booking_page(b) == code)
    except AssertionError as exc:
        raise AssertionError(
            f"{exc}; the browser is on {browser.current_url}: {text_of(browser, 'h1')!r}, "
            f"{text_of(browser, '#error')!r}"
        ) from None
    return path_of(browser)


def book(browser: WebDriver, day: str, nik: str, phone_number: str | None = None) -> None:
    """On the form: service A on ``day``, the NIK typed in (and the phone), sent by its button."""
    browser.find_element(By.CSS_SELECTOR, f'input[name=choice][value="A:{day}"]').click()
    nik_field = browser.find_element(By.NAME, "nik")
    nik_field.clear()
    nik_field.send_keys(nik)
    if phone_number is not None:
        browser.find_element(By.NAME, "phone").send_keys(phone_number)
    browser.find_element(By.CSS_SELECTOR, "main.book button[type=submit]").click()


def qr_shown(browser: WebDriver) -> bool:
    """The QR is on the page, a data: SVG the page's CSP lets through, and drawn."""
    if not shown(browser, "img.qr"):
        return False
    qr = browser.find_element(By.CSS_SELECTOR, "img.qr")
    drawn = browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", qr)
    return bool(str(qr.get_attribute("src")).startswith(QR_DATA) and drawn)


def fits_the_phone(browser: WebDriver) -> bool:
    width = browser.execute_script("return document.documentElement.scrollWidth")
    return bool(width <= 390)


def test_book_see_cancel_and_book_again_in_indonesian(office: Path, phone: Phone) -> None:
    day = today(office)
    with web_server(office) as base:
        browser = phone()
        browser.get(base + "/book")
        assert browser.execute_script("return [innerWidth, innerHeight]") == [390, 844]
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id"
        wait_for_text(browser, "main.book h1", "Ambil nomor antrean daring")
        assert "Perekaman KTP-el dihentikan sementara" in (text_of(browser, ".notice") or "")
        day_label = browser.find_element(By.CSS_SELECTOR, f'input[value="A:{day}"]')
        assert "sisa 2 nomor" in day_label.find_element(By.XPATH, "..").text
        assert fits_the_phone(browser)

        book(browser, day, NIKS[0], "081234567890")
        first = wait_for_booking(browser, "AD-001")
        assert text_of(browser, "#state") == "Nomor sudah dipesan"
        assert WINDOW_ID.fullmatch(text_of(browser, "#window") or ""), text_of(browser, "#window")
        wait_until(browser, "the QR drawn", qr_shown)
        assert shown(browser, "form.cancel button")
        assert fits_the_phone(browser)

        # Not coming after all: the cancel button frees the number.
        browser.find_element(By.CSS_SELECTOR, "form.cancel button").click()
        wait_for_text(browser, "#state", "Nomor ini sudah dibatalkan")
        assert path_of(browser) == first  # the same booking's page, now cancelled
        assert text_of(browser, "h1.code") == "AD-001"
        assert not shown(browser, "img.qr") and not shown(browser, "form.cancel")
        assert not shown(browser, "#window")  # no time to come for a number given up

        # Coming after all: from the page's own link back to the form, booked again.
        browser.find_element(By.CSS_SELECTOR, "footer a[href^='../book']").click()
        wait_for_text(browser, "main.book h1", "Ambil nomor antrean daring")
        book(browser, day, NIKS[0])
        again = wait_for_booking(browser, "AD-001")  # the number freed by the cancel
        assert again != first  # a new booking, its own link
        assert text_of(browser, "#state") == "Nomor sudah dipesan"
        wait_until(browser, "the new booking's QR drawn", qr_shown)


def test_book_and_see_in_english_from_the_language_link(office: Path, phone: Phone) -> None:
    day = today(office)
    with web_server(office) as base:
        browser = phone()  # a phone set to Indonesian: English is the link on the page
        browser.get(base + "/book")
        wait_for_text(browser, "main.book h1", "Ambil nomor antrean daring")
        browser.find_element(By.CSS_SELECTOR, "footer a[lang='en']").click()
        wait_for_text(browser, "main.book h1", "Book a number online")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        day_label = browser.find_element(By.CSS_SELECTOR, f'input[value="A:{day}"]')
        assert "2 numbers left" in day_label.find_element(By.XPATH, "..").text
        assert text_of(browser, "main.book button[type=submit]") == "Book a number"

        book(browser, day, NIKS[1])
        wait_for_booking(browser, "AD-001")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        assert text_of(browser, "#state") == "Number booked"
        assert WINDOW_EN.fullmatch(text_of(browser, "#window") or ""), text_of(browser, "#window")
        wait_until(browser, "the QR drawn", qr_shown)
        assert text_of(browser, "form.cancel button") == "Cancel this number"

        browser.find_element(By.CSS_SELECTOR, "form.cancel button").click()
        wait_for_text(browser, "#state", "This number was cancelled")

        # And back to Indonesian on the booking's own page.
        browser.find_element(By.CSS_SELECTOR, "footer a[lang='id']").click()
        wait_for_text(browser, "#state", "Nomor ini sudah dibatalkan")

        # A phone set to English still gets Indonesian (many here send en-US): English is
        # only what the visitor asks for, here by the address.
        english = phone(languages=ENGLISH)
        english.get(base + "/book")
        wait_for_text(english, "main.book h1", "Ambil nomor antrean daring")
        english.get(base + "/book?lang=en")
        wait_for_text(english, "main.book h1", "Book a number online")
        book(english, day, NIKS[6])
        wait_for_booking(english, "AD-001")  # the number the cancel above freed
        assert text_of(english, "#state") == "Number booked"


def test_without_javascript_the_form_and_the_booking_page_are_whole(
    office: Path,
    phone: Phone,
) -> None:
    """The booking pages carry no script at all: the tests above drive the very form a phone
    without JavaScript gets. Chromedriver cannot click once a page's script is off (its
    clicks need the page's JavaScript), so here the browser with JavaScript off shows the
    pages, and the form is sent the way such a browser sends it: a plain form POST."""
    day = today(office)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=30) as client:
        browser = phone(javascript=False)
        browser.get(base + "/")  # JavaScript is really off: app.js marks <html> "js"
        wait_until(browser, "the board", lambda b: text_of(b, "h1.office"))
        assert "js" not in (browser.find_element(By.TAG_NAME, "html").get_attribute("class") or "")

        browser.get(base + "/book")
        wait_for_text(browser, "main.book h1", "Ambil nomor antrean daring")
        assert not browser.find_elements(By.TAG_NAME, "script")
        form = browser.find_element(By.CSS_SELECTOR, "main.book form")
        assert form.get_attribute("method") == "post"
        assert browser.find_element(By.CSS_SELECTOR, f'input[value="A:{day}"]').is_displayed()
        assert browser.find_element(By.NAME, "nik").is_displayed()
        assert shown(browser, "main.book button[type=submit]")
        assert fits_the_phone(browser)

        answer = test_web_booking.book(client, base, day, NIKS[2])
        assert answer.status_code == 303, answer.text
        browser.get(urljoin(base + "/book", answer.headers["location"]))
        wait_for_booking(browser, "AD-001")
        assert not browser.find_elements(By.TAG_NAME, "script")
        assert text_of(browser, "#state") == "Nomor sudah dipesan"
        assert WINDOW_ID.fullmatch(text_of(browser, "#window") or ""), text_of(browser, "#window")
        wait_until(browser, "the QR drawn", qr_shown)  # an <img>: no script needed
        cancel = browser.find_element(By.CSS_SELECTOR, "form.cancel")
        assert cancel.get_attribute("method") == "post" and shown(browser, "form.cancel button")
        assert fits_the_phone(browser)


def test_a_nik_the_server_refuses_is_said_on_the_form_which_keeps_the_day(
    office: Path,
    phone: Phone,
) -> None:
    day = today(office)
    with web_server(office) as base:
        browser = phone()
        browser.get(base + "/book")
        wait_for_text(browser, "main.book h1", "Ambil nomor antrean daring")

        # Too short: the browser's own check (the pattern) stops it before it is sent.
        book(browser, day, "12345")
        assert browser.find_elements(By.CSS_SELECTOR, "input[name=nik]:invalid")
        assert path_of(browser) == "/book" and not shown(browser, "#error")

        # Sixteen digits, but no NIK ends in 0000: the server's check says why.
        bad = NIKS[3][:12] + "0000"
        book(browser, day, bad)
        wait_until(browser, "the refusal on the form", lambda b: text_of(b, "#error"))
        assert text_of(browser, "#error") == (
            "NIK tidak dapat diterima: 4 angka terakhir tidak boleh 0000."
        )
        assert bad not in browser.page_source  # not echoed back
        chosen = browser.find_element(By.CSS_SELECTOR, f'input[value="A:{day}"]')
        assert chosen.is_selected()  # the day kept

        # Typed as printed on the card, in groups: accepted.
        nik = NIKS[3]
        book(browser, day, f"{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]}")
        wait_for_booking(browser, "AD-001")


def test_the_booking_page_becomes_the_live_ticket_page_after_check_in(
    office: Path,
    phone: Phone,
) -> None:
    day = today(office)
    with web_server(office) as base:
        browser = phone()
        browser.get(base + "/book")
        wait_for_text(browser, "main.book h1", "Ambil nomor antrean daring")
        book(browser, day, NIKS[4])
        booking = wait_for_booking(browser, "AD-001")

        cli(office, "check-in", "AD-001")  # at the door, by another process

        browser.refresh()
        wait_until(browser, "the live ticket page", lambda b: path_of(b).startswith("/t/"))
        wait_for_text(browser, ".number .code", "AD-001")
        # The ticket's state, live from here on (waited for: a live swap may replace it).
        wait_until(browser, "the ticket's state", lambda b: text_of(b, ".state h1"))
        # The booking's own link now leads there too (the QR printed or saved at home).
        browser.get(base + booking)
        wait_until(browser, "the link to the live ticket", lambda b: path_of(b).startswith("/t/"))
        wait_for_text(browser, ".number .code", "AD-001")


def test_the_nik_and_phone_number_are_never_on_the_booking_page(
    office: Path,
    phone: Phone,
) -> None:
    day = today(office)
    nik, phone_number = NIKS[5], "081234567890"
    with web_server(office) as base:
        browser = phone()
        browser.get(base + "/book")
        wait_for_text(browser, "main.book h1", "Ambil nomor antrean daring")
        book(browser, day, nik, phone_number)
        booking = wait_for_booking(browser, "AD-001")

        def private_data_in(page: WebDriver) -> list[str]:
            """Any of the NIK and phone number in the page's source, or part of the NIK in
            its text (the source holds random tokens, where four digits may well occur)."""
            source, shown_text = page.page_source, page.find_element(By.TAG_NAME, "body").text
            return [part for part in (nik, phone_number) if part in source] + [
                part for part in (nik[-4:], nik[:6]) if part in shown_text
            ]

        assert private_data_in(browser) == []
        assert text_of(browser, "footer .small") == "Halaman ini tidak memuat data pribadi."
        browser.get(base + booking + "?lang=en")
        wait_for_text(browser, "#state", "Number booked")
        assert private_data_in(browser) == []

        # The same NIK again: the form shows the number it has, and still not the NIK.
        browser.get(base + "/book")
        wait_for_text(browser, "main.book h1", "Book a number online")  # remembered: English
        book(browser, day, nik)
        wait_until(browser, "the number it has", lambda b: text_of(b, "#existing .code"))
        assert text_of(browser, "#existing .code") == "AD-001"
        assert private_data_in(browser) == []
