"""The admin PIN: kept in the configuration as a salted scrypt hash, never in clear.

    [admin]
    pin_hash = "scrypt$16384$8$1$<salt, base64>$<hash, base64>"

`counter-app admin-pin` sets it; the settings dialog asks for the PIN before it opens.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

PIN_RE = re.compile(r"[0-9]{4,12}", re.ASCII)
HASH_RE = re.compile(
    r"scrypt\$[0-9]{1,7}\$[0-9]{1,3}\$[0-9]{1,3}\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+"
)
_N, _R, _P = 2**14, 8, 1  # about 50 ms and 16 MB: slow enough to guess, quick to open
_SALT_BYTES, _HASH_BYTES = 16, 32


def pin_problem(pin: str) -> str | None:
    """What is wrong with a new PIN, or None."""
    if not PIN_RE.fullmatch(pin):
        return "must be 4 to 12 digits"
    return None


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    problem = pin_problem(pin)
    if problem:
        raise ValueError(f"PIN {problem}")
    salt = salt or secrets.token_bytes(_SALT_BYTES)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=_HASH_BYTES)
    return "$".join(("scrypt", str(_N), str(_R), str(_P), _b64(salt), _b64(digest)))


def check_pin(pin: str, stored: str | None) -> bool:
    """True when ``pin`` is the one ``stored`` was made from; False for no stored PIN."""
    if not stored or not HASH_RE.fullmatch(stored):
        return False
    _scheme, n, r, p, salt, digest = stored.split("$")
    expected = base64.b64decode(digest)
    try:
        got = hashlib.scrypt(
            pin.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=256 * 1024 * 1024,
        )
    except ValueError:  # parameters scrypt refuses: not a hash this program made
        return False
    return hmac.compare_digest(got, expected)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
