"""Signed QR payloads: short, ASCII, and entirely in QR alphanumeric mode.

Format: ``CQ1:YYYYMMDD:CODE:SIGNATURE`` where SIGNATURE is the first 80 bits of
HMAC-SHA256(secret, "CQ1:YYYYMMDD:CODE") in unpadded RFC 4648 base32. Upper-case
letters, digits, ':' and '-' are all QR alphanumeric characters, so the code stays
small (version 3 at level M) and scans from cheap thermal paper.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

VERSION = "CQ1"
_SIG_BYTES = 10
# [0-9], not \d: \d takes any Unicode digit, which int() reads and the signature cannot encode
_PAYLOAD_RE = re.compile(r"CQ1:([0-9]{8}):([A-Z]{1,2}-[0-9]{3,4}):([A-Z2-7]{16})", re.ASCII)


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
