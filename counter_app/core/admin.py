"""The admin PIN: kept in the configuration as a salted scrypt hash, never in clear, and
the count of wrong PINs typed at this PC.

    [admin]
    pin_hash = "scrypt$131072$8$1$<salt, base64>$<hash, base64>"

`counter-app admin-pin` sets it (asking for the current one first, or `--reset` by
someone who can write the file); the settings dialog asks for it before it opens.

A new PIN is at least 6 digits, or a passphrase of at least 12 characters. Its hash is
scrypt with n=2**17, r=8, p=1 (128 MiB of memory a guess; OWASP's recommended minimum
for scrypt). Measured on a 2-core AMD EPYC virtual machine (Python 3.11, OpenSSL 3.0):
one hash takes 0.32 s (median of 7), so trying all 10**6 six-digit PINs offline takes
about 89 core-hours (3.7 days on one core, roughly 11 hours on an 8-core PC with 1 GiB
free; half that on average; a GPU was not measured). The old parameters, n=2**14, took
0.029 s: 10**4 four-digit PINs in under 5 minutes. Each digit more multiplies the cost
by 10; a passphrase puts it out of reach. The hash only buys time: whoever can read the
configuration file can guess offline, so the file stays readable only by staff (README,
Security).

Hashes of the old parameters still verify (the parameters are read from the hash);
new ones are always written with today's.

At the PC, `PinThrottle` makes wrong PINs slow: 2, 4, 8, 16 s before the next try after
1 to 4 wrong ones, then 5 minutes after each further one, until the right PIN is typed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import re
import secrets
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from counter_app.core import paths
from counter_app.core.files import replace_file

log = logging.getLogger(__name__)

HASH_RE = re.compile(
    r"scrypt\$[0-9]{1,7}\$[0-9]{1,3}\$[0-9]{1,3}\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+"
)
MIN_DIGITS, MIN_PASSPHRASE, MAX_LENGTH = 6, 12, 128
_DIGITS_RE = re.compile(r"[0-9]+", re.ASCII)
_N, _R, _P = 2**17, 8, 1
_SALT_BYTES, _HASH_BYTES = 16, 32
# scrypt needs 128 * r * n bytes (128 MiB today). A hash in the file asking for more than
# twice that is refused rather than allowed to take the PC's memory; hashlib's default
# limit (32 MiB) would refuse today's own parameters.
_MAXMEM = 2 * 128 * _R * _N


def pin_problem(pin: str) -> str | None:
    """What is wrong with a new PIN, or None."""
    if len(pin) > MAX_LENGTH:
        return f"must be at most {MAX_LENGTH} characters"
    if _DIGITS_RE.fullmatch(pin) and len(pin) >= MIN_DIGITS:
        return None
    if len(pin) < MIN_PASSPHRASE:
        return (
            f"must be at least {MIN_DIGITS} digits, "
            f"or a passphrase of at least {MIN_PASSPHRASE} characters"
        )
    if pin != pin.strip() or any(unicodedata.category(c).startswith("C") for c in pin):
        return "must not begin or end with a space, nor hold control characters"
    return None


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    problem = pin_problem(pin)
    if problem:
        raise ValueError(f"PIN {problem}")
    salt = salt or secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(pin, salt, _N, _R, _P, _HASH_BYTES)
    return "$".join(("scrypt", str(_N), str(_R), str(_P), _b64(salt), _b64(digest)))


def check_pin(pin: str, stored: str | None) -> bool:
    """True when ``pin`` is the one ``stored`` was made from; False for no stored PIN.

    Takes as long as one hash (a third of a second): call it off the GUI thread.
    """
    if not stored or not HASH_RE.fullmatch(stored):
        return False
    _scheme, n, r, p, salt, digest = stored.split("$")
    try:
        expected = base64.b64decode(digest, validate=True)
        if len(expected) < _SALT_BYTES:
            return False
        salt_bytes = base64.b64decode(salt, validate=True)
        got = _scrypt(pin, salt_bytes, int(n), int(r), int(p), len(expected))
    except (ValueError, binascii.Error):  # not a hash this program made, or too costly
        return False
    return hmac.compare_digest(got, expected)


def is_outdated(stored: str | None) -> bool:
    """True for a hash made with weaker parameters than today's (a PIN set before them)."""
    if not stored or not HASH_RE.fullmatch(stored):
        return False
    _scheme, n, r, p, _salt, _digest = stored.split("$")
    return int(n) * int(r) * int(p) < _N * _R * _P


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int = _HASH_BYTES) -> bytes:
    # NFC: a passphrase typed with a composed "é" in one program and a decomposed one in
    # another is the same passphrase. ASCII digits are unchanged, so old hashes still match.
    text = unicodedata.normalize("NFC", pin)
    return hashlib.scrypt(text.encode(), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=_MAXMEM)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- wrong PINs at this PC -------------------------------------------------------------------


def throttle_file() -> Path:
    return paths.data_dir() / "admin-pin-tries.json"


class PinThrottle:
    """How long the PIN prompt makes the next try wait, after wrong ones.

    The count of wrong tries is kept in a small file in the user's data folder, so neither
    closing the prompt nor restarting the app starts afresh, and the windows of other
    processes on this PC count into the same file. Waits are measured by ``clock``
    (monotonic); a count found in the file (at start, or raised by another process) waits
    in full from when it is found, so a restart may lengthen a wait, never shorten it.
    Only the right PIN sets the count back to 0.

    This stops someone at the desk trying PINs one after another; it cannot stop someone
    who can change the user's files (they could delete this one, or read the hash from
    the configuration and guess offline, where scrypt's cost is what holds).
    """

    LOCK_AFTER = 5
    LOCK_SECONDS = 300.0

    def __init__(
        self, state_file: Path | None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.state_file = state_file
        self._clock = clock
        self._wrong = 0
        self._since = 0.0  # by clock: when the last wrong try was counted
        self._sync()

    @property
    def wrong_tries(self) -> int:
        return self._wrong

    @property
    def locked(self) -> bool:
        """Locked for minutes after too many wrong tries (not one of the short waits)."""
        return self._wrong >= self.LOCK_AFTER and self.wait() > 0

    def delay(self, wrong: int) -> float:
        """The wait after ``wrong`` wrong tries in a row."""
        if wrong <= 0:
            return 0.0
        return self.LOCK_SECONDS if wrong >= self.LOCK_AFTER else float(2**wrong)

    def wait(self) -> float:
        """Seconds before a try is taken; 0.0 when it is taken now."""
        self._sync()
        return max(0.0, self._since + self.delay(self._wrong) - self._clock())

    def attempt(self) -> None:
        """Count a try as wrong until `right()` says otherwise: counted before the check,
        so tries checked at the same time are each counted."""
        self._sync()
        self._wrong += 1
        self._since = self._clock()
        self._store()

    def right(self) -> None:
        self._wrong = 0
        self._store()

    def _sync(self) -> None:
        """Take a higher count from the file: a restart, or another window of this PC."""
        stored = self._read()
        if stored > self._wrong:
            self._wrong, self._since = stored, self._clock()

    def _read(self) -> int:
        if self.state_file is None:
            return 0
        try:
            data = json.loads(self.state_file.read_text(encoding="utf-8"))
            wrong = data["wrong_tries"]
        except FileNotFoundError:
            return 0
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("admin PIN: cannot read %s (%s); counting from 0", self.state_file, exc)
            return 0
        return wrong if isinstance(wrong, int) and wrong > 0 else 0

    def _store(self) -> None:
        if self.state_file is None:
            return
        try:
            self.state_file.parent.mkdir(parents=True, exist_ok=True)
            replace_file(self.state_file, json.dumps({"wrong_tries": self._wrong}))
        except OSError as exc:  # still counted in this process
            log.warning("admin PIN: cannot write %s (%s)", self.state_file, exc)


_shared: dict[Path, PinThrottle] = {}


def shared_throttle(state_file: Path | None = None) -> PinThrottle:
    """This process's throttle for ``state_file`` (default: the user's data folder), the
    same one each time the prompt opens."""
    path = state_file or throttle_file()
    if path not in _shared:
        _shared[path] = PinThrottle(path)
    return _shared[path]
