"""The admin PIN: its hash (today's parameters, the old ones still verified), the rules
for a new one, the count of wrong tries at this PC, and `counter-app admin-pin`, which
takes the current PIN before a new one, or `--reset` from whoever can write the file."""

from __future__ import annotations

import base64
import contextlib
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import Monotonic, read_only

from counter_app.core import config as config_mod
from counter_app.core.admin import (
    PinThrottle,
    check_pin,
    hash_pin,
    is_outdated,
    pin_problem,
    shared_throttle,
    throttle_file,
)
from counter_app.core.config import ConfigError

# As `admin-pin` wrote it before 6 digits and n=2**17: the PIN 2468, scrypt n=2**14.
OLD_HASH = "scrypt$16384$8$1$47zsN0uHBSVU91JsBvgHtQ==$sM4rK8BhjRtfwT2H+f+mZJ31GWy6WsfsOwCF22NI2ks="
PIN, NEW_PIN = "246813", "135790"


# --- the hash -------------------------------------------------------------------------------


def test_a_new_pin_is_hashed_salted_with_todays_parameters() -> None:
    first, second = hash_pin(PIN), hash_pin(PIN)
    scheme, n, r, p, salt, digest = first.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**17), "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32
    assert first != second  # a fresh salt each time
    assert PIN not in first
    assert check_pin(PIN, first) and check_pin(PIN, second)
    assert not check_pin("246814", first)
    assert not check_pin(PIN, None)
    assert not is_outdated(first)


def test_a_hash_of_the_old_parameters_still_verifies_and_is_outdated() -> None:
    assert check_pin("2468", OLD_HASH)
    assert not check_pin("2469", OLD_HASH)
    assert is_outdated(OLD_HASH)


def test_a_hash_that_is_not_one_this_program_makes_matches_nothing() -> None:
    assert not check_pin("2468", "scrypt$1$1$1$AAAA$AAAA")  # parameters scrypt refuses
    salt, digest = "A" * 22 + "==", "A" * 43 + "="
    started = time.monotonic()
    # 8 GiB of memory a guess: refused at once, not allowed to take the PC's memory
    assert not check_pin("2468", f"scrypt$8388608$8$1${salt}${digest}")
    assert time.monotonic() - started < 1
    assert not check_pin("2468", f"scrypt$16384$8$1${salt}$AAAA")  # 3 bytes: too short
    assert not check_pin("2468", "scrypt$16384$8$1$A$A")  # not base64


@pytest.mark.parametrize(
    "pin", ["123456", "9876543210", "1234567890123", "kopi tubruk pagi", "Ibu-kota 2045!"]
)
def test_a_new_pin_is_six_digits_or_a_passphrase(pin: str) -> None:
    assert pin_problem(pin) is None


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("2468", "at least 6 digits, or a passphrase of at least 12 characters"),
        ("24681", "at least 6 digits"),
        ("12a4", "at least 6 digits"),
        ("١٢٣٤٥٦", "at least 6 digits"),  # Arabic-Indic digits are not a PIN
        ("passphrase", "at least 12 characters"),
        (" kopi tubruk pagi", "must not begin or end with a space"),
        ("kopi\ttubruk pagi", "nor hold control characters"),
        ("9" * 129, "at most 128 characters"),
    ],
)
def test_a_new_pin_too_easy_to_guess_is_refused(pin: str, problem: str) -> None:
    assert problem in (pin_problem(pin) or "")
    with pytest.raises(ValueError, match=problem):
        hash_pin(pin)


def test_a_pin_hash_that_is_not_one_is_a_configuration_error() -> None:
    from conftest import make_config

    with pytest.raises(ConfigError, match=r"admin\.pin_hash"):
        make_config(admin={"pin_hash": "2468"})


# --- wrong tries at this PC -------------------------------------------------------------------


def test_wrong_tries_wait_longer_each_time_then_lock_until_the_right_pin(tmp_path: Path) -> None:
    clock = Monotonic()
    throttle = PinThrottle(tmp_path / "tries.json", clock=clock)
    assert throttle.wait() == 0
    for wrong, delay in enumerate([2, 4, 8, 16], start=1):
        throttle.attempt()
        assert (throttle.wrong_tries, throttle.wait(), throttle.locked) == (wrong, delay, False)
        clock.advance(delay - 0.5)
        assert throttle.wait() == 0.5
        clock.advance(0.5)
        assert throttle.wait() == 0
    for wrong in (5, 6):  # from the fifth, each wrong try locks for 5 minutes
        throttle.attempt()
        assert (throttle.wrong_tries, throttle.wait(), throttle.locked) == (wrong, 300, True)
        clock.advance(300)
        assert throttle.wait() == 0 and not throttle.locked
    throttle.attempt()
    throttle.right()
    assert (throttle.wrong_tries, throttle.wait()) == (0, 0)
    assert PinThrottle(tmp_path / "tries.json", clock=clock).wrong_tries == 0


def test_a_restart_waits_again_in_full(tmp_path: Path) -> None:
    clock = Monotonic()
    before = PinThrottle(tmp_path / "tries.json", clock=clock)
    for _ in range(5):
        before.attempt()
    clock.advance(299)  # one second of the lock left when the app is closed ...
    after = PinThrottle(tmp_path / "tries.json", clock=clock)  # ... and started again
    assert (after.wrong_tries, after.wait(), after.locked) == (5, 300, True)


def test_the_windows_of_other_processes_count_into_the_same_file(tmp_path: Path) -> None:
    clock = Monotonic()
    desk = PinThrottle(tmp_path / "tries.json", clock=clock)
    counter = PinThrottle(tmp_path / "tries.json", clock=clock)
    desk.attempt()
    assert counter.wait() == 2  # a try at the desk window makes the counter's wait too
    counter.attempt()
    assert desk.wait() == 4 and desk.wrong_tries == 2  # read at the desk's next look


def test_a_garbled_file_counts_from_zero_and_is_written_anew(tmp_path: Path) -> None:
    path = tmp_path / "tries.json"
    path.write_text("{not json", encoding="utf-8")
    throttle = PinThrottle(path, clock=Monotonic())
    assert throttle.wrong_tries == 0
    throttle.attempt()
    assert path.read_text(encoding="utf-8") == '{"wrong_tries": 1}'


def test_the_process_shares_one_throttle_in_the_user_data_folder() -> None:
    assert throttle_file().parent == config_mod.paths.data_dir()
    assert shared_throttle() is shared_throttle()
    assert shared_throttle().state_file == throttle_file()


# --- counter-app admin-pin ----------------------------------------------------------------------


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    config_mod.write_sample(path)
    return path


def admin_pin(sample: Path, *lines: str, reset: bool = False) -> subprocess.CompletedProcess[str]:
    """`admin-pin` as a script runs it: one line a PIN on standard input."""
    return subprocess.run(
        [sys.executable, "-m", "counter_app", "--config", str(sample), "admin-pin"]
        + (["--reset"] if reset else []),
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def stored_hash(sample: Path) -> str | None:
    return config_mod.load_config(sample).admin.pin_hash


def test_the_first_pin_is_set_without_a_current_one(sample: Path) -> None:
    short = admin_pin(sample, "2468")
    assert (short.returncode, short.stderr.strip()) == (
        2,
        "counter-app: admin-pin: the PIN must be at least 6 digits, or a passphrase of at "
        "least 12 characters; nothing changed",
    )
    assert stored_hash(sample) is None
    done = admin_pin(sample, PIN)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{sample}: admin PIN set\n", "")
    text = sample.read_text(encoding="utf-8")
    assert PIN not in text and "# counter-app configuration." in text  # comments kept
    assert check_pin(PIN, stored_hash(sample))


def test_changing_the_pin_takes_the_current_one(sample: Path) -> None:
    assert admin_pin(sample, PIN).returncode == 0
    before = sample.read_bytes()
    for lines in [("9999",), ("111111", NEW_PIN), ("",)]:  # `echo 9999 | admin-pin`, ...
        refused = admin_pin(sample, *lines)
        assert (refused.returncode, refused.stdout, refused.stderr) == (
            3,
            "",
            "counter-app: admin-pin: wrong current PIN; nothing changed "
            f"(forgotten: admin-pin --reset, by someone who can write {sample})\n",
        )
        assert sample.read_bytes() == before
    changed = admin_pin(sample, PIN, NEW_PIN)
    assert changed.returncode == 0, changed.stderr
    assert check_pin(NEW_PIN, stored_hash(sample)) and not check_pin(PIN, stored_hash(sample))


def test_the_current_pin_of_the_old_kind_is_taken_and_replaced_by_a_new_hash(
    sample: Path,
) -> None:
    text = sample.read_text(encoding="utf-8")
    sample.write_text(text + f'\n[admin]\npin_hash = "{OLD_HASH}"\n', encoding="utf-8")
    assert admin_pin(sample, "2468", NEW_PIN).returncode == 0
    stored = stored_hash(sample)
    assert stored is not None and stored.startswith("scrypt$131072$8$1$")
    assert check_pin(NEW_PIN, stored)


def test_reset_replaces_a_forgotten_pin_and_says_why_it_may(sample: Path) -> None:
    assert admin_pin(sample, PIN).returncode == 0
    reset = admin_pin(sample, NEW_PIN, reset=True)
    assert (reset.returncode, reset.stdout, reset.stderr) == (
        0,
        f"{sample}: admin PIN set\n",
        "counter-app: admin-pin: replaced the admin PIN without the old one, because this "
        f"user can write {sample}\n",
    )
    assert check_pin(NEW_PIN, stored_hash(sample))


@pytest.mark.skipif(sys.platform == "win32", reason="chmod and chattr")
def test_reset_needs_write_access_to_the_file(sample: Path) -> None:
    assert admin_pin(sample, PIN).returncode == 0
    before = sample.read_bytes()
    with read_only(sample):
        refused = admin_pin(sample, NEW_PIN, reset=True)
    assert (refused.returncode, refused.stdout, refused.stderr) == (
        2,
        "",
        f"counter-app: admin-pin --reset: cannot write {sample}: only someone who can "
        "write the configuration file can reset the PIN; nothing changed\n",
    )
    assert sample.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_at_a_terminal_the_current_pin_is_asked_then_the_new_one_twice(sample: Path) -> None:
    assert admin_pin(sample, PIN).returncode == 0
    import pty

    pid, terminal = pty.fork()
    if pid == 0:  # the child: admin-pin with this pseudo-terminal as its own
        os.execv(
            sys.executable,
            [sys.executable, "-m", "counter_app", "--config", str(sample), "admin-pin"],
        )
    seen = b""

    def answer(prompt: bytes, line: str) -> None:
        nonlocal seen
        deadline = time.monotonic() + 30
        while prompt not in seen:
            ready, _, _ = select.select([terminal], [], [], max(0.0, deadline - time.monotonic()))
            assert ready, f"no {prompt!r} on the terminal; it showed {seen!r}"
            seen += os.read(terminal, 1024)
        seen = seen[seen.index(prompt) + len(prompt) :]
        os.write(terminal, line.encode() + b"\r")

    answer(b"current admin PIN: ", PIN)
    answer(b"new admin PIN (6+ digits, or 12+ characters): ", NEW_PIN)
    answer(b"the same PIN again: ", NEW_PIN)
    with contextlib.suppress(OSError):  # EIO once the child has closed the terminal
        while chunk := os.read(terminal, 1024):
            seen += chunk
    _pid, status = os.waitpid(pid, 0)
    os.close(terminal)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    assert NEW_PIN.encode() not in seen  # not echoed
    assert f"{sample}: admin PIN set".encode() in seen
    assert check_pin(NEW_PIN, stored_hash(sample))
