"""The booking form behind a TLS reverse proxy (docs/install.md, "Booking from home"):
whom the per-address POST limit counts, when the CSRF cookie is Secure, which origins
the form accepts. A real `counter-app web` process on loopback; these requests come from
127.0.0.1, which plays the proxy when `[web] trusted_proxies` names it.

The GET side (pages, event streams) is tests/test_web_flood.py's; spoofed headers
without a proxy, mixed with the per-NIK limit, are in tests/test_web_booking.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx2
import tomlkit
from test_web_booking import NIKS, TIMEOUT, office, post, today
from webkit import web_server

from counter_app.web.booking import POST_LIMIT

__all__ = ["office"]  # test_web_booking's fixture: these tests take it too

PUBLIC = "https://antrean.example.go.id"  # the proxy's name on the internet
# Refused by the NIK check (400) after the address's allowance has counted the post,
# and never counted by the per-NIK limit: the allowance can be spent without booking.
BAD_NIK = "12345"


def behind(config: Path, **web: Any) -> Path:
    """The configuration with these `[web]` keys set."""
    doc = tomlkit.parse(config.read_text(encoding="utf-8"))
    for key, value in web.items():
        doc["web"][key] = value  # type: ignore[index]
    config.write_text(tomlkit.dumps(doc), encoding="utf-8")
    return config


def visitor(address: str, *, https: bool = True) -> dict[str, str]:
    """The headers a proxy adds for a visitor at ``address``."""
    headers = {"x-forwarded-for": address}
    if https:
        headers["x-forwarded-proto"] = "https"
    return headers


def open_form(client: httpx2.Client, **headers: str) -> tuple[str, str, str]:
    """GET /book as a proxy passes it on: the form's token, the CSRF cookie's value and
    the whole Set-Cookie line of it."""
    page = client.get("/book", headers=headers)
    assert page.status_code == 200, page.text
    lines = [v for v in page.headers.get_list("set-cookie") if v.startswith("csrf=")]
    assert len(lines) == 1, page.headers
    nonce = lines[0].split(";")[0].removeprefix("csrf=")
    token = page.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    return token, nonce, lines[0]


def is_secure(set_cookie: str) -> bool:
    return "secure" in [part.strip().lower() for part in set_cookie.split(";")]


def send(
    client: httpx2.Client,
    origin: str,
    token: str,
    nonce: str,
    day: str,
    nik: str,
    **headers: str,
) -> httpx2.Response:
    """POST /book with the cookie as the proxy forwards the browser's (a Secure cookie
    came over https; the test's own cookie jar would keep it off plain http)."""
    client.cookies.clear()
    data = {"csrf": token, "choice": f"A:{day}", "nik": nik}
    return post(client, origin, "/book", data, cookie=f"csrf={nonce}", **headers)


def test_spoofed_forwarded_headers_change_neither_the_allowance_nor_the_booking(
    office: Path,
) -> None:
    """No trusted proxy: each post claims another address and https, and all count as
    the one peer, exactly POST_LIMIT of them; the first still books as usual."""
    day = today(office)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        token, nonce, cookie = open_form(client, **visitor("203.0.113.250"))
        assert not is_secure(cookie), cookie  # a claimed https is no https
        made = send(client, base, token, nonce, day, NIKS[0], **visitor("203.0.113.1"))
        assert made.status_code == 303, made.text
        page = client.get("/" + made.headers["location"])
        assert page.status_code == 200 and "AD-001" in page.text
        for n in range(2, POST_LIMIT.amount + 1):
            refused = send(client, base, token, nonce, day, BAD_NIK, **visitor(f"203.0.113.{n}"))
            assert refused.status_code == 400, (n, refused.text)  # each post counted, none limited
        over = send(client, base, token, nonce, day, NIKS[1], **visitor("203.0.113.99"))
        assert over.status_code == 429, over.text
        assert send(client, base, token, nonce, day, NIKS[1]).status_code == 429  # the one peer
        assert "AD-002" not in client.get("/book").text


def test_behind_a_trusted_proxy_each_visitor_has_its_own_allowance(office: Path) -> None:
    day = today(office)
    behind(office, trusted_proxies=["127.0.0.1"], public_url=PUBLIC)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        first = visitor("198.51.100.1")
        token, nonce, cookie = open_form(client, **first)
        assert is_secure(cookie), cookie  # the proxy says the browser came over https
        # The browser names the public address as the form's origin; the Host header is
        # the proxy's upstream one (nginx's default): public_url makes it ours.
        made = send(client, PUBLIC, token, nonce, day, NIKS[0], **first)
        assert made.status_code == 303, made.text
        assert made.headers["location"].startswith("b/")
        for n in range(2, POST_LIMIT.amount + 1):
            refused = send(client, PUBLIC, token, nonce, day, BAD_NIK, **first)
            assert refused.status_code == 400, (n, refused.text)
        assert send(client, PUBLIC, token, nonce, day, NIKS[1], **first).status_code == 429

        second = visitor("198.51.100.2")
        token, nonce, cookie = open_form(client, **second)
        assert is_secure(cookie)
        elsewhere = send(client, "https://evil.example", token, nonce, day, NIKS[1], **second)
        assert elsewhere.status_code == 403, elsewhere.text  # the proxy vouches for no origin
        plain = PUBLIC.replace("https://", "http://")
        downgraded = send(client, plain, token, nonce, day, NIKS[1], **second)
        assert downgraded.status_code == 403, downgraded.text  # our host, not our scheme
        client.cookies.clear()
        by_referer = client.post(
            "/book",
            data={"csrf": token, "choice": f"A:{day}", "nik": NIKS[1]},
            headers={"referer": f"{PUBLIC}/book", "cookie": f"csrf={nonce}", **second},
        )
        assert by_referer.status_code == 303, by_referer.text  # no Origin: the Referer's host
        page = client.get("/" + by_referer.headers["location"], headers=second)
        assert page.status_code == 200 and "AD-002" in page.text

        # the proxy's own address, no visitor named, counts as itself
        over_https = base.replace("http://", "https://")  # as the proxy said it came
        own = send(client, over_https, token, nonce, day, BAD_NIK, **{"x-forwarded-proto": "https"})
        assert own.status_code == 400, own.text
        # plain http through the proxy (no X-Forwarded-Proto): the cookie is not Secure
        assert not is_secure(open_form(client, **visitor("198.51.100.3", https=False))[2])


def test_forwarded_headers_from_a_peer_not_trusted_count_as_that_peer(office: Path) -> None:
    """The proxy is 10.9.9.9; 127.0.0.1's forwarded headers are anyone's claim."""
    day = today(office)
    behind(office, trusted_proxies=["10.9.9.9"], public_url=PUBLIC)
    with web_server(office) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:
        token, nonce, cookie = open_form(client, **visitor("198.51.100.1"))
        assert not is_secure(cookie), cookie
        made = send(client, PUBLIC, token, nonce, day, NIKS[0], **visitor("198.51.100.1"))
        assert made.status_code == 303, made.text
        for n in range(2, POST_LIMIT.amount + 1):
            refused = send(client, PUBLIC, token, nonce, day, BAD_NIK, **visitor(f"198.51.100.{n}"))
            assert refused.status_code == 400, (n, refused.text)
        over = send(client, PUBLIC, token, nonce, day, NIKS[1], **visitor("198.51.100.77"))
        assert over.status_code == 429, over.text
