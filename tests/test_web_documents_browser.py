"""The document check in a real browser: headless Chromium at a phone's 390x844 against
the real `counter-app web` process. From the board to the check, a ready KK and the link
to book its number, in Indonesian; in English from the page's language link (a phone set
to English still gets Indonesian first, as on every phone page); never the number or the
NIK typed in on the page that answers."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from phonekit import ENGLISH, Phone, shown, text_of, wait_for_text, wait_until
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from test_web_booking_browser import fits_the_phone
from test_web_documents import (
    KK,
    NIK_BOTH,
    UNKNOWN,
    documents_office,
    spelled,
    with_ready_list,
)
from webkit import web_server


def check(browser: WebDriver, key: str) -> None:
    """Type ``key`` into the check's one field and send it with its button."""
    field = browser.find_element(By.NAME, "key")
    field.clear()
    field.send_keys(key)
    browser.find_element(By.CSS_SELECTOR, "main.check button[type=submit]").click()


def lines(browser: WebDriver) -> list[str] | None:
    """The answer's lines as shown, once the answer is on the page."""
    if not shown(browser, "#result"):
        return None
    return [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#result li")]


def test_a_ready_document_from_the_board_in_indonesian(
    phone: Phone, tmp_path: Path, sqlite_url: str
) -> None:
    office = documents_office(tmp_path / "office.toml", sqlite_url)
    finished = with_ready_list(office)
    with web_server(office) as base:
        browser = phone()
        browser.get(base + "/")
        wait_until(browser, "the board", lambda b: text_of(b, "h1.office"))
        browser.find_element(By.CSS_SELECTOR, "footer a[href^='dokumen']").click()
        wait_for_text(browser, "main.check h1", "Cek dokumen jadi")
        assert browser.execute_script("return [innerWidth, innerHeight]") == [390, 844]
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id"
        assert text_of(browser, "main.check label") == "Nomor registrasi atau NIK"
        assert fits_the_phone(browser)

        check(browser, KK)
        wait_until(browser, "the answer", lines)
        assert lines(browser) == [
            f"KK\nSudah jadi sejak {spelled(finished)} — ambil dengan nomor antrean layanan "
            "Pengambilan Dokumen\nAmbil nomor antrean daring Pengambilan Dokumen"
        ]
        assert KK not in browser.page_source  # the field is empty again, nothing echoed
        assert browser.find_element(By.NAME, "key").get_attribute("value") == ""
        assert fits_the_phone(browser)

        check(browser, UNKNOWN)
        wait_until(
            browser,
            "the not-ready answer",
            lambda b: (lines(b) or [""])[0].startswith("Belum jadi"),
        )
        assert lines(browser) == [
            "Belum jadi / belum ada di daftar dokumen jadi\n"
            "Silakan cek lagi nanti sebelum datang ke kantor."
        ]
        assert UNKNOWN not in browser.page_source

        # The ready KK's link: the booking form, at the service that hands it over.
        check(browser, KK)
        wait_until(browser, "the booking link", lambda b: shown(b, "#result a.collect"))
        browser.find_element(By.CSS_SELECTOR, "#result a.collect").click()
        wait_for_text(browser, "main.book h1", "Ambil nomor antrean daring")
        assert urlsplit(browser.current_url).fragment == "service-A"
        assert shown(browser, "input[name=document]")


def test_in_english_from_the_language_link(phone: Phone, tmp_path: Path, sqlite_url: str) -> None:
    office = documents_office(tmp_path / "office.toml", sqlite_url)
    finished = with_ready_list(office)
    with web_server(office) as base:
        browser = phone(languages=ENGLISH)  # English preferred: Indonesian still comes first
        browser.get(base + "/dokumen")
        wait_for_text(browser, "main.check h1", "Cek dokumen jadi")
        browser.find_element(By.CSS_SELECTOR, "footer a[lang='en']").click()
        wait_for_text(browser, "main.check h1", "Is my document ready?")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        assert text_of(browser, "main.check button[type=submit]") == "Check"

        check(browser, NIK_BOTH)  # two documents for one NIK: one line each
        wait_until(browser, "the answer", lines)
        assert lines(browser) == [
            f"AKTA\nReady since {spelled(finished, 'en')} — collect it with a number for "
            "Pengambilan Dokumen\nBook a number for Pengambilan Dokumen online",
            f"KIA\nHanded over on {spelled(finished + timedelta(days=3), 'en')}",
        ]
        assert NIK_BOTH not in browser.page_source
        assert text_of(browser, "main.check button[type=submit]") == "Check another number"
        assert fits_the_phone(browser)

        check(browser, UNKNOWN)
        wait_until(
            browser,
            "the not-ready answer",
            lambda b: (lines(b) or [""])[0].startswith("Not ready"),
        )
        assert lines(browser) == [
            "Not ready yet / not on the list of finished documents\n"
            "Please check again later, before you come to the office."
        ]
