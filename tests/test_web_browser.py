"""The phone pages in a real browser: headless Chromium at a phone's 390x844, against the
real `counter-app web` process, while other processes (the command line, as a counter
would) move the queue. What a visitor sees must change by itself, without a reload.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import write_config
from phonekit import (
    ENGLISH,
    PHONE,
    Phone,
    page_path,
    shown,
    text_of,
    wait_for_text,
    wait_until,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from webkit import cli, issue, web_server

from counter_app.web.words import WORDS

PUBLIC_URL = "http://antrean.example:8080"  # the address printed in the QR; only its path is used
WAIT_OUTSIDE = {"limit": 1, "when_full": "wait_outside"}
MARK = "window.__noReload = 1;"
STILL_MARKED = "return window.__noReload === 1;"
# Records what the page asks of the phone (vibrate, play a sound), then lets the browser
# do it as it would: headless Chromium has neither a motor nor a speaker to check.
RECORD_VIBRATIONS_AND_SOUNDS = """
window.__vibrations = [];
window.__sounds = [];
var vibrate = navigator.vibrate ? navigator.vibrate.bind(navigator) : null;
navigator.vibrate = function (pattern) {
  window.__vibrations.push(pattern);
  return vibrate ? vibrate(pattern) : false;
};
var play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function () {
  window.__sounds.push(new URL(this.src).pathname);
  return play.call(this);
};
"""
TAKE_VIBRATIONS_AND_SOUNDS = """
var taken = [window.__vibrations, window.__sounds];
window.__vibrations = [];
window.__sounds = [];
return taken;
"""


def alert_covers_the_screen(browser: WebDriver) -> bool:
    if not shown(browser, "#alert"):
        return False
    rect = browser.find_element(By.ID, "alert").rect
    return bool(rect["width"] == PHONE["width"] and rect["height"] == PHONE["height"])


def dismiss_alert(browser: WebDriver) -> None:
    browser.find_element(By.ID, "alert-ok").click()
    wait_until(browser, "the alert closes on OK", lambda b: not shown(b, "#alert"))


def test_a_ticket_waiting_outside_is_let_in_called_and_served_live(
    phone: Phone, db_url: str, tmp_path: Path
) -> None:
    config = write_config(
        tmp_path / "config.toml", db_url, capacity=WAIT_OUTSIDE, web={"public_url": PUBLIC_URL}
    )
    first = issue(config)
    ours = issue(config)
    assert (first["state"], ours["state"]) == ("waiting", "outside")

    with web_server(config) as base:
        browser = phone()
        browser.get(base + page_path(ours, PUBLIC_URL))
        assert browser.execute_script("return [innerWidth, innerHeight]") == [390, 844]
        wait_for_text(browser, ".number .code", ours["code"])
        wait_for_text(browser, ".state h1", "Silakan menunggu di luar")
        assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "outside"
        assert not shown(browser, "#alert")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        browser.execute_script(MARK + RECORD_VIBRATIONS_AND_SOUNDS)

        # The visitor taps the sound button: browsers play and vibrate only after a tap.
        sound = browser.find_element(By.ID, "sound")
        assert sound.text == "Nyalakan suara dan getar"
        sound.click()
        wait_for_text(browser, "#sound", "Suara dan getar menyala")
        assert not sound.is_enabled()
        assert browser.execute_script(TAKE_VIBRATIONS_AND_SOUNDS) == [
            [200],
            ["/static/chime.wav"],
        ]
        chime = browser.execute_async_script(
            "var done = arguments[0];"
            "fetch('/static/chime.wav').then(r => done([r.status, r.headers.get('content-type')]))"
        )
        assert chime == [200, "audio/wav"]

        # Another process: counter 1 calls and finishes the ticket inside; the hall has
        # room, so ours is let in.
        cli(config, "call", "1")
        cli(config, "done", "1")
        wait_for_text(browser, ".state h1", "Silakan masuk sekarang")
        wait_until(browser, "the come-in alert covers the screen", alert_covers_the_screen)
        wait_for_text(browser, "#alert-text", f"{ours['code']}: SILAKAN MASUK!")
        assert browser.execute_script(STILL_MARKED), "the page reloaded instead of updating"
        assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "come_in"
        vibrations, sounds = browser.execute_script(TAKE_VIBRATIONS_AND_SOUNDS)
        assert len(vibrations) == 1 and len(vibrations[0]) > 1, vibrations  # one long buzz
        assert sounds == ["/static/chime.wav"]
        dismiss_alert(browser)

        cli(config, "call", "1")
        wait_for_text(browser, ".state h1", "Silakan ke Loket 1")
        wait_until(browser, "the call alert covers the screen", alert_covers_the_screen)
        wait_for_text(browser, "#alert-text", f"{ours['code']} DIPANGGIL! Silakan ke Loket 1")
        assert browser.execute_script(STILL_MARKED), "the page reloaded instead of updating"
        vibrations, sounds = browser.execute_script(TAKE_VIBRATIONS_AND_SOUNDS)
        assert len(vibrations) == 1 and sounds == ["/static/chime.wav"], (vibrations, sounds)
        assert browser.title == f"{ours['code']} · Silakan ke Loket 1"
        dismiss_alert(browser)

        cli(config, "done", "1")
        wait_for_text(browser, ".state h1", "Selesai dilayani")
        assert not shown(browser, "#alert")
        assert browser.execute_script(TAKE_VIBRATIONS_AND_SOUNDS) == [[], []]  # no alert
        assert browser.execute_script(STILL_MARKED), "the page reloaded instead of updating"


def test_english_is_one_tap_away_remembered_and_live(
    phone: Phone, sqlite_url: str, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "config.toml", sqlite_url, web={"public_url": PUBLIC_URL})
    ticket = issue(config)
    with web_server(config) as base:
        browser = phone(languages=ENGLISH)  # as many Indonesian phones are set
        browser.get(base + page_path(ticket, PUBLIC_URL))
        wait_for_text(browser, ".state h1", "Menunggu di ruang tunggu")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id"
        browser.find_element(By.CSS_SELECTOR, "footer a[lang='en']").click()
        wait_for_text(browser, ".state h1", "Waiting in the hall")
        # remembered: the ticket's own address, as the QR opens it, is English now
        browser.get(base + page_path(ticket, PUBLIC_URL))
        wait_for_text(browser, ".state h1", "Waiting in the hall")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        wait_for_text(browser, ".number .label", "Your queue number")
        wait_for_text(browser, "footer a[lang='id']", "Bahasa Indonesia")
        browser.execute_script(MARK)

        cli(config, "call", "1")
        wait_for_text(browser, ".state h1", "Please go to Loket 1")  # the office's own name
        wait_until(browser, "the call alert covers the screen", alert_covers_the_screen)
        wait_for_text(browser, "#alert-text", f"{ticket['code']} CALLED! Please go to Loket 1")
        assert browser.execute_script(STILL_MARKED), "the page reloaded instead of updating"


def test_the_board_follows_calls_live(phone: Phone, sqlite_url: str, tmp_path: Path) -> None:
    config = write_config(tmp_path / "config.toml", sqlite_url)
    issue(config)
    issue(config, "B")
    with web_server(config) as base:
        browser = phone()
        browser.get(base + "/")
        wait_for_text(browser, "h1.office", "Disdukcapil Kota Balikpapan")
        # Each waited for: the first live update may swap the board under our feet.
        wait_for_text(browser, ".counters li:first-child", "Loket 1\n—")
        wait_for_text(browser, ".hall p", "Di ruang tunggu: 2 dari 20 orang")
        assert text_of(browser, ".calls") is None  # nobody called yet
        browser.execute_script(MARK)

        cli(config, "call", "1")
        wait_for_text(browser, ".counters li:first-child", "Loket 1\nA-001")
        wait_for_text(browser, ".calls li:first-child", "A-001 ke Loket 1")
        cli(config, "call", "2")
        wait_for_text(browser, ".calls li:first-child", "B-001 ke Loket 2")
        wait_for_text(browser, ".counters li:nth-child(2)", "Loket 2\nB-001")
        assert browser.execute_script(STILL_MARKED), "the board reloaded instead of updating"


def test_without_javascript_the_page_shows_the_state_and_refreshes_itself(
    phone: Phone, sqlite_url: str, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "config.toml", sqlite_url, web={"public_url": PUBLIC_URL})
    ticket = issue(config)
    with web_server(config) as base:
        browser = phone(javascript=False)
        browser.get(base + page_path(ticket, PUBLIC_URL))
        wait_for_text(browser, ".state h1", "Menunggu di ruang tunggu")
        wait_for_text(browser, ".number .code", ticket["code"])
        wait_for_text(browser, ".ahead strong", "Anda berikutnya")
        refresh = browser.find_elements(By.CSS_SELECTOR, "meta[http-equiv='refresh']")
        assert [m.get_attribute("content") for m in refresh] == ["10"]
        assert "js" not in (browser.find_element(By.TAG_NAME, "html").get_attribute("class") or "")
        assert not shown(browser, "#sound")  # a button that would do nothing is not shown

        cli(config, "call", "1")
        # The page's own refresh (every 10 s) brings the call; no alert without a script.
        wait_for_text(browser, ".state h1", "Silakan ke Loket 1", timeout=40)
        assert not shown(browser, "#alert")


def test_the_page_says_offline_while_the_database_is_gone_and_recovers(
    phone: Phone, pg_admin_url: str, pg_url: str, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "config.toml", pg_url, web={"public_url": PUBLIC_URL})
    ticket = issue(config)
    name = make_url(pg_url).database
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")

    def allow_connections(allow: bool) -> None:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(allow).lower()}'))
            if not allow:
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
                    ),
                    {"n": name},
                )

    try:
        with web_server(config) as base:
            browser = phone()
            browser.get(base + page_path(ticket, PUBLIC_URL))
            wait_for_text(browser, ".state h1", "Menunggu di ruang tunggu")
            assert not shown(browser, ".offline")
            browser.execute_script(MARK)

            allow_connections(False)
            wait_until(browser, "the offline banner", lambda b: text_of(b, ".offline"))
            wait_for_text(browser, ".offline", WORDS["id"]["offline"])
            # the last known state stays
            wait_for_text(browser, ".state h1", "Menunggu di ruang tunggu")

            allow_connections(True)
            wait_until(
                browser,
                "the banner goes when the database is back",
                lambda b: not shown(b, ".offline"),
            )
            cli(config, "call", "1")
            wait_for_text(browser, ".state h1", "Silakan ke Loket 1")
            assert browser.execute_script(STILL_MARKED), "the page reloaded instead of updating"
    finally:
        allow_connections(True)
        admin.dispose()


# Where the sound-and-vibration switch is, in the page's own coordinates at the top of the
# page (nothing scrolled): a visitor who never scrolls must still see it and tap it.
SWITCH_RECT = """
window.scrollTo(0, 0);
var button = document.getElementById("sound");
if (!button) { return null; }
var r = button.getBoundingClientRect();
var style = getComputedStyle(button);
return {top: r.top, bottom: r.bottom, height: r.height, scrollY: window.scrollY,
        screen: window.innerHeight, page: document.documentElement.scrollHeight,
        visible: style.display !== "none" && style.visibility !== "hidden"
                 && r.height > 0 && r.width > 0};
"""


def switch_on_first_screen(browser: WebDriver, state: str) -> None:
    """The alert switch of a page in ``state`` lies whole within the first 844 px."""

    def measured(b: WebDriver) -> dict[str, Any] | None:
        if b.find_element(By.TAG_NAME, "body").get_attribute("data-state") != state:
            return None
        rect: dict[str, Any] | None = b.execute_script(SWITCH_RECT)
        return rect if rect and rect["visible"] else None

    wait_until(browser, f"the alert switch shown on {state}", measured)
    rect = measured(browser)
    assert rect is not None and rect["scrollY"] == 0 and rect["screen"] == PHONE["height"]
    assert rect["top"] >= 0 and rect["bottom"] <= PHONE["height"], (state, rect)


def test_the_alert_switch_is_on_the_first_screen_in_every_state_that_may_alert(
    phone: Phone, sqlite_url: str, tmp_path: Path
) -> None:
    config = write_config(
        tmp_path / "config.toml", sqlite_url, capacity=WAIT_OUTSIDE, web={"public_url": PUBLIC_URL}
    )
    first = issue(config)
    ours = issue(config)
    assert (first["state"], ours["state"]) == ("waiting", "outside")
    with web_server(config) as base:
        browser = phone()
        for lang in ("id", "en"):  # English has the longer words
            browser.get(base + page_path(ours, PUBLIC_URL) + f"?lang={lang}")
            switch_on_first_screen(browser, "outside")  # the longest explanation
            browser.get(base + page_path(first, PUBLIC_URL) + f"?lang={lang}")
            switch_on_first_screen(browser, "waiting")

        cli(config, "call", "1")
        cli(config, "done", "1")  # room: ours is let in
        browser = phone()
        browser.get(base + page_path(ours, PUBLIC_URL))
        switch_on_first_screen(browser, "come_in")
        browser.find_element(By.ID, "sound").click()
        wait_for_text(browser, "#sound", WORDS["id"]["sound_ready"])
        cli(config, "call", "1")
        wait_until(browser, "the call alert", alert_covers_the_screen)
        dismiss_alert(browser)
        switch_on_first_screen(browser, "called")
        # the live update drew the switch again, still on
        wait_for_text(browser, "#sound", WORDS["id"]["sound_ready"])
        assert not browser.find_element(By.ID, "sound").is_enabled()
        cli(config, "recall", "1")
        wait_until(browser, "the recall alert", alert_covers_the_screen)
        dismiss_alert(browser)
        switch_on_first_screen(browser, "called")
        # After a reload, too (the page drawn by the server, not by a live update).
        browser.refresh()
        switch_on_first_screen(browser, "called")

        cli(config, "done", "1")
        wait_until(
            browser,
            "no switch once served: nothing left to alert about",
            lambda b: (
                b.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "done"
                and not shown(b, "#sound")
            ),
        )
