"""The booking pages in a real browser: headless Chromium at a phone's 390x844, against the
real `counter-app web` process. A visitor books a number from home, sees it (its arrival
window, its QR), cancels it and books again, in Indonesian and in English, with JavaScript
off as well; checked in at the door (another process), the booking's page becomes the live
ticket page. The NIK typed in is never on a page.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import test_web_booking
from phonekit import ENGLISH, Phone, shown, text_of, wait_for_text, wait_until
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from test_web_booking import NIKS, today
from webkit import web_server

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
