"""Signed QR payloads: short, ASCII, and entirely in QR alphanumeric mode.

Format: ``CQ1:YYYYMMDD:CODE:SIGNATURE`` where SIGNATURE is the first 80 bits of
HMAC-SHA256(secret, "CQ1:YYYYMMDD:CODE") in unpadded RFC 4648 base32. Upper-case
letters, digits, ':' and '-' are all QR alphanumeric characters, so the code stays
small (version 2 at level M) and scans from cheap thermal paper.

With `[web] public_url` set, the ticket's QR holds a link instead,
``PUBLIC_URL/t/PAYLOAD``, so a phone's camera opens the visitor's live page; a scanner
at the counter may read either form, and ``payload_from_scan`` takes the payload out.
The link stays lower case and in byte mode: some phone scanners do not treat "HTTP://"
as a link.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from urllib.parse import unquote

VERSION = "CQ1"
_SIG_BYTES = 10
# [0-9], not \d: \d takes any Unicode digit, which int() reads and the signature cannot encode
_PAYLOAD_RE = re.compile(r"CQ1:([0-9]{8}):([A-Z]{1,2}-[0-9]{3,4}):([A-Z2-7]{16})", re.ASCII)
# Any host: the signature is what is checked, and public_url may have changed since the
# ticket was printed. The payload is the last path segment after "/t/"; a trailing slash,
# a query or a fragment (added by a phone app or a proxy) is ignored. re.ASCII: \s and
# IGNORECASE stay ASCII (the Kelvin sign is no k).
_LINK_RE = re.compile(
    r"https?://[^/?#\s]+(?:/[^?#\s]*)?/t/([^/?#\s]+)/?(?:[?#]\S*)?", re.ASCII | re.IGNORECASE
)
_ASCII_SPACE = " \t\r\n"  # a scanner's Enter arrives as \r or \n
_MAX_SCAN = 4096  # a QR code holds 2,953 bytes at most: longer is no scan of ours


class TokenProblem(StrEnum):
    MALFORMED = "malformed"  # not a counter-app ticket at all, or damaged
    BAD_SIGNATURE = "bad_signature"  # forged, or altered after signing
    OTHER_DAY = "other_day"  # genuine, but issued on another day


@dataclass(frozen=True, slots=True)
class TokenCheck:
    ok: bool
    problem: TokenProblem | None
    day: date | None
    code: str | None


def _sign(secret: str, body: str) -> str:
    mac = hmac.new(secret.encode("utf-8"), body.encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(mac[:_SIG_BYTES]).decode("ascii")  # 10 bytes -> 16 chars, no padding


def make_payload(secret: str, day: date, code: str) -> str:
    body = f"{VERSION}:{day:%Y%m%d}:{code}"
    return f"{body}:{_sign(secret, body)}"


def ticket_link(public_url: str, payload: str) -> str:
    """What the QR holds when the phone page has an address: its /t/ page for the ticket.

    The payload's characters (A-Z, 2-7, digits, ':' and '-') are all allowed in a URL
    path, so it goes in as it is. The scheme is written in lower case whatever the
    configuration says: some phone scanners do not take "HTTP://" for a link.
    """
    scheme, sep, rest = public_url.rstrip("/").partition("://")
    return f"{scheme.lower()}{sep}{rest}/t/{payload}"


def is_link(qr: str) -> bool:
    """Whether a QR's text is a link to a ticket's page rather than the bare payload."""
    return qr.isascii() and _LINK_RE.fullmatch(qr.strip(_ASCII_SPACE)) is not None


def payload_from_scan(text: str) -> str:
    """The payload in what a scanner read: the bare payload, or the link printed while
    `[web] public_url` was set (percent-encoding undone once). Anything else comes back
    unchanged, to be judged malformed by the payload's own format."""
    if not text.isascii() or len(text) > _MAX_SCAN:  # Unicode digits: see _match
        return text
    m = _LINK_RE.fullmatch(text.strip(_ASCII_SPACE))
    if m is None:
        return text
    # Decoded once: "%3A" is ':', "%253A" stays "%3A". A %-encoded non-ASCII character
    # (or bytes that are not UTF-8, which become U+FFFD) is not ASCII: malformed.
    return unquote(m.group(1))


def _match(payload: str) -> re.Match[str] | None:
    if not payload.isascii():  # before upper(): "\u00df".upper() is "SS"
        return None
    return _PAYLOAD_RE.fullmatch(payload.strip().upper())


def well_formed(payload: str) -> bool:
    """Of the payload's fixed format (the signature unchecked): worth a look in the database."""
    return _match(payload) is not None


def check_payload(secret: str, payload: str, today: date) -> TokenCheck:
    m = _match(payload)
    if not m:
        return TokenCheck(False, TokenProblem.MALFORMED, None, None)
    day_text, code, sig = m.groups()
    try:
        day = date(int(day_text[:4]), int(day_text[4:6]), int(day_text[6:]))
    except ValueError:
        return TokenCheck(False, TokenProblem.MALFORMED, None, None)
    expected = _sign(secret, f"{VERSION}:{day_text}:{code}")
    if not hmac.compare_digest(expected, sig):
        return TokenCheck(False, TokenProblem.BAD_SIGNATURE, day, code)
    if day != today:
        return TokenCheck(False, TokenProblem.OTHER_DAY, day, code)
    return TokenCheck(True, None, day, code)
