"""A phone's browser for the phone pages: Debian's headless Chromium driven by Selenium.

The browser and its driver are the system's (apt-get install chromium chromium-driver),
named by path, so Selenium Manager never downloads one. Each browser gets a fresh profile
and the screen of a common phone: 390x844 CSS pixels, touch, a phone's user agent.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PHONE = {"width": 390, "height": 844}
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"
)
INDONESIAN = "id-ID,id"
ENGLISH = "en-US,en"
WAIT = 20.0  # seconds a page may take to show a change: generous, never a measurement

Phone = Callable[..., WebDriver]  # conftest's phone fixture: phone(**phone_browser options)


def browser_missing() -> str | None:
    """Why no browser test can run here, or None."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        return f"{' and '.join(missing)} missing (Debian: apt-get install chromium chromium-driver)"
    return None


def phone_browser(
    profile: Path,
    *,
    languages: str = INDONESIAN,
    javascript: bool = True,
    pixel_ratio: float = 1.0,
) -> WebDriver:
    """A headless Chromium with a phone's screen. ``languages`` is what the browser sends
    as Accept-Language (a phone set to Indonesian by default)."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",  # root in CI's container
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",  # a phone's scrollbars fade; a screenshot would catch one mid-fade
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "mobileEmulation",
        {
            "deviceMetrics": {**PHONE, "pixelRatio": pixel_ratio, "touch": True},
            "userAgent": PHONE_AGENT,
        },
    )
    prefs: dict[str, Any] = {"intl.accept_languages": languages}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    return webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)


def text_of(driver: WebDriver, css: str) -> str | None:
    """The visible text of the first element matching ``css``; None while there is none
    (a live swap or a reload can take the element away under our feet)."""
    try:
        return str(driver.find_element(By.CSS_SELECTOR, css).text)
    except (NoSuchElementException, StaleElementReferenceException):
        return None


def shown(driver: WebDriver, css: str) -> bool:
    try:
        return bool(driver.find_element(By.CSS_SELECTOR, css).is_displayed())
    except (NoSuchElementException, StaleElementReferenceException):
        return False


def wait_until(
    driver: WebDriver, what: str, check: Callable[[WebDriver], object], timeout: float = WAIT
) -> None:
    """Wait for ``check`` to return something true; on timeout fail with ``what`` and the
    last value ``check`` returned, so the failure says what the page showed instead."""
    last: list[object] = [None]

    def probe(d: WebDriver) -> bool:
        last[0] = check(d)
        return bool(last[0])

    try:
        WebDriverWait(driver, timeout, poll_frequency=0.1).until(probe)
    except TimeoutException:
        raise AssertionError(f"{what}: not within {timeout:.0f} s (last: {last[0]!r})") from None


def wait_for_text(driver: WebDriver, css: str, expected: str, timeout: float = WAIT) -> None:
    seen: list[str | None] = [None]

    def check(d: WebDriver) -> bool:
        seen[0] = text_of(d, css)
        return seen[0] == expected

    try:
        WebDriverWait(driver, timeout, poll_frequency=0.1).until(check)
    except TimeoutException:
        raise AssertionError(
            f"{css}: expected {expected!r} within {timeout:.0f} s, the page shows {seen[0]!r}"
        ) from None


def page_path(ticket: dict[str, Any], public_url: str) -> str:
    """The phone page's path from the ticket's QR, which holds PUBLIC_URL/t/PAYLOAD."""
    qr = str(ticket["qr"])
    assert qr.startswith(public_url + "/t/"), qr
    return qr.removeprefix(public_url)
