"""The ticket's link (`[web] public_url`): what the QR holds, and the payload a scanner's
reading gives back. Only the payload is trusted, through its signature; the link around
it is taken from any host, and anything that is not quite a link stays malformed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.core.config import WebSettings
from counter_app.core.tokens import (
    TokenProblem,
    check_payload,
    is_link,
    make_payload,
    payload_from_scan,
    ticket_link,
)
from counter_app.printing.printer import TEST_PAYLOAD

SECRET = "test-secret-0123456789abcdef"
DAY = date(2026, 11, 30)
PAYLOAD = make_payload(SECRET, DAY, "A-001")
URL = "http://192.168.1.10:8080"
LINK = f"{URL}/t/{PAYLOAD}"
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def problem(scanned: str) -> TokenProblem | None:
    return check_payload(SECRET, payload_from_scan(scanned), DAY).problem


def test_the_link_is_the_address_then_the_payload_as_it_is() -> None:
    assert ticket_link(URL, PAYLOAD) == LINK
    assert ticket_link(URL + "/", PAYLOAD) == LINK  # never "//t/"
    assert ticket_link("https://antrian.example.go.id/kota", PAYLOAD) == (
        f"https://antrian.example.go.id/kota/t/{PAYLOAD}"
    )
    assert LINK.startswith("http://")  # lower case: some phones take only that for a link
    assert ticket_link("HTTPS://Antrian.example.go.id", PAYLOAD).startswith("https://Antrian.")
    assert is_link(LINK) and not is_link(PAYLOAD) and not is_link(TEST_PAYLOAD)


@pytest.mark.parametrize(
    "scanned",
    [
        PAYLOAD,
        LINK,
        f"https://antrian.example.go.id/t/{PAYLOAD}",
        f"http://10.0.0.5/kantor/antrian/t/{PAYLOAD}",  # public_url with a path
        f"http://another-pc:9000/t/{PAYLOAD}",  # public_url changed since printing
        f"{LINK}/",
        f"{LINK}?utm_source=wa",
        f"{LINK}#now",
        f"{LINK}/?a=1#b",
        LINK.replace(":", "%3A").replace("http%3A", "http:").replace("%3A8080", ":8080"),
        f"{URL}/t/{PAYLOAD.replace(':', '%3a')}",
        f"  {LINK}\r\n",  # a scanner ending its line
        f"\t{PAYLOAD}\n",
        LINK.upper(),  # a scanner with caps lock on
        LINK.lower(),
    ],
)
def test_both_forms_give_the_payload(scanned: str) -> None:
    assert payload_from_scan(scanned).strip().upper() == PAYLOAD
    assert problem(scanned) is None


@pytest.mark.parametrize(
    "scanned",
    [
        f"{URL}/x/{PAYLOAD}",  # not the ticket page
        f"{URL}/tt/{PAYLOAD}",
        f"{URL}/t/{PAYLOAD}/extra",
        f"{URL}/t/{PAYLOAD}/t",
        f"{URL}/t/",
        f"{URL}/t",
        f"{URL}/{PAYLOAD}",
        f"{URL}?t={PAYLOAD}",
        f"{URL}/#/t/{PAYLOAD}",  # a page's own routing, not our path
        f"ftp://192.168.1.10/t/{PAYLOAD}",
        f"http:///t/{PAYLOAD}",  # no host
        f"http:/192.168.1.10/t/{PAYLOAD}",
        f"192.168.1.10:8080/t/{PAYLOAD}",  # no scheme
        f"{URL}/t/{PAYLOAD[:20]} {PAYLOAD[20:]}",
        f"{URL}/t/{PAYLOAD.replace(':', '%253A')}",  # decoded once only
        f"{URL}/t/{PAYLOAD.replace(':', '%2F')}",  # a '/' inside is no payload
        f"{URL}/t/{PAYLOAD.replace('0', '%D9%A0')}",  # Arabic-Indic zero, %-encoded
        f"{URL}/t/{PAYLOAD.replace('A-001', '%EF%BC%A1-001')}",  # fullwidth A, %-encoded
        f"{URL}/t/{PAYLOAD}%FF",  # not UTF-8
        f"{URL}/t/{PAYLOAD}".replace("0", "\u0660"),  # Arabic-Indic digits, raw
        f"{URL}/t/{PAYLOAD}".replace("t/", "\uff54/"),  # fullwidth t
        f"{URL}/t/{PAYLOAD}\u00a0",  # no-break space is not ASCII blank
        f"https://example.com/t/{PAYLOAD}" + "/" * 5000,  # longer than any QR
        "https://example.com",
        "",
    ],
)
def test_lookalikes_are_malformed(scanned: str) -> None:
    assert problem(scanned) is TokenProblem.MALFORMED


def test_anything_not_a_link_comes_back_unchanged() -> None:
    for text in (PAYLOAD, " hello ", f"{URL}/x/{PAYLOAD}", f"{URL}/t/{PAYLOAD}\u0660", ""):
        assert payload_from_scan(text) == text


def test_the_signature_is_checked_inside_the_link() -> None:
    assert problem(LINK.replace("A-001", "A-002")) is TokenProblem.BAD_SIGNATURE
    assert problem(ticket_link(URL, make_payload("x" * 28, DAY, "A-001"))) is (
        TokenProblem.BAD_SIGNATURE
    )
    yesterday = make_payload(SECRET, DAY - timedelta(days=1), "A-001")
    assert problem(ticket_link(URL, yesterday)) is TokenProblem.OTHER_DAY


# --- properties ---------------------------------------------------------------------------------

hosts = st.from_regex(r"[a-z0-9]([a-z0-9.-]{0,30}[a-z0-9])?", fullmatch=True)
ports = st.none() | st.integers(1, 65535)
segments = st.lists(
    st.sampled_from(["t", "T", "antrian", "kota-1", "a.b", "~x", "%20"]), max_size=3
)


@st.composite
def public_urls(draw: st.DrawFn) -> str:
    """What `[web] public_url` accepts, in the form the loader stores it."""
    scheme = draw(st.sampled_from(["http", "https", "HTTP"]))
    port = draw(ports)
    path = "".join(f"/{s}" for s in draw(segments)) + draw(st.sampled_from(["", "/"]))
    url = f"{scheme}://{draw(hosts)}{'' if port is None else f':{port}'}{path}"
    stored = WebSettings(public_url=url).public_url
    assert stored is not None
    return stored


@st.composite
def payloads(draw: st.DrawFn) -> tuple[date, str, str]:
    day = draw(st.dates(date(2024, 1, 1), date(2099, 12, 31)))
    prefix = draw(st.from_regex(r"[A-Z]{1,2}", fullmatch=True))
    code = f"{prefix}-{draw(st.integers(1, 9999)):03d}"
    return day, code, make_payload(SECRET, day, code)


@settings(max_examples=300, deadline=None)
@given(
    url=public_urls(),
    issued=payloads(),
    tail=st.sampled_from(["", "/", "?x=1", "#y", "/?fbclid=abc#z", " \r\n"]),
    encode=st.booleans(),
)
def test_every_link_gives_back_its_payload(
    url: str, issued: tuple[date, str, str], tail: str, encode: bool
) -> None:
    day, code, payload = issued
    link = ticket_link(url, payload)
    assert link.lower().startswith(url.lower()) and link.isascii() and " " not in link
    assert link.startswith(("http://", "https://"))  # "HTTP://" is no link to some phones
    assert is_link(link)
    if encode:  # a phone app re-sharing the link
        link = link.removesuffix(payload) + payload.replace(":", "%3A")
    scanned = payload_from_scan(link + tail)
    assert scanned == payload
    assert check_payload(SECRET, scanned, day).ok
    assert check_payload(SECRET, scanned, day).code == code


@settings(max_examples=300, deadline=None)
@given(
    url=public_urls(),
    issued=payloads(),
    where=st.integers(0, 34),
    replacement=st.sampled_from("0123456789" + BASE32 + ":-"),
)
def test_a_changed_character_in_the_link_is_never_accepted(
    url: str, issued: tuple[date, str, str], where: int, replacement: str
) -> None:
    day, _code, payload = issued
    where %= len(payload)
    if payload[where] == replacement:
        replacement = "A" if replacement != "A" else "B"
    forged = payload[:where] + replacement + payload[where + 1 :]
    check = check_payload(SECRET, payload_from_scan(ticket_link(url, forged)), day)
    assert not check.ok
    # the signature is checked before the day: a changed date is no "other day" either
    assert check.problem in (TokenProblem.BAD_SIGNATURE, TokenProblem.MALFORMED)
    if where >= len(payload) - 16 and replacement in BASE32:
        assert check.problem is TokenProblem.BAD_SIGNATURE


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_reading_is_either_unchanged_or_the_last_segment(text: str) -> None:
    scanned = payload_from_scan(text)
    if scanned != text:
        assert text.isascii() and is_link(text)
        assert "/t/" in text.lower()
    if not text.isascii():
        assert scanned == text
    check = check_payload(SECRET, scanned, DAY)  # never raises
    assert not check.ok  # random text is never a valid ticket
