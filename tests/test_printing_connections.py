"""Connections and status: plain-word states, bounded timeouts, python-escpos traps."""

from __future__ import annotations

import logging
import re
import shutil
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from fakeprinter import FakePrinter, free_port

from counter_app.core.config import PrinterSettings
from counter_app.printing import _escpos
from counter_app.printing.connections import (
    STATUS_TIMEOUT_MAX,
    EscposConnection,
    NetworkConnection,
    check_printer,
    decode_status,
    open_connection,
    query_state,
)
from counter_app.printing.job import PrintError

OK = 0x12


def network(
    fake: FakePrinter | None = None, port: int | None = None, **extra: Any
) -> PrinterSettings:
    return PrinterSettings.model_validate(
        {
            "kind": "network",
            "host": "127.0.0.1",
            "port": port or (fake.port if fake else 9100),
            "timeout": 0.3,
            **extra,
        }
    )


@pytest.mark.parametrize(
    ("r1", "r2", "r4", "code", "level"),
    [
        (OK, None, OK, "ok", "ok"),
        (OK, None, OK | 0x0C, "paper_near_end", "warning"),
        (OK, None, OK | 0x60, "paper_out", "error"),
        (OK | 0x08, OK | 0x20, OK | 0x60, "paper_out", "error"),
        (OK | 0x08, OK | 0x04, OK, "cover_open", "error"),
        (OK | 0x08, OK | 0x40, OK, "printer_error", "error"),
        (OK | 0x08, OK, OK, "offline", "error"),
        (OK | 0x08, None, None, "offline", "error"),
    ],
)
def test_decode_status(r1: int, r2: int | None, r4: int | None, code: str, level: str) -> None:
    state = decode_status(r1, r2, r4, "en")
    assert (state.code, state.level, state.ok) == (code, level, level != "error")
    assert state.reason and state.reason[0].isupper()


@pytest.mark.parametrize(
    ("mode", "code", "words"),
    [
        ("normal", "ok", "Printer siap"),
        ("near_end", "paper_near_end", "Kertas hampir habis"),
        ("paper_out", "paper_out", "Kertas habis"),
        ("offline", "offline", "Printer tidak siap"),
        ("cover_open", "cover_open", "Tutup printer terbuka"),
        ("silent", "no_answer", "tidak menjawab dalam 0.3 detik"),
    ],
)
def test_status_from_the_fake_printer(mode: str, code: str, words: str) -> None:
    with FakePrinter(mode) as fake:
        state = check_printer(network(fake), "id")  # "silent": bounded by the 0.3 s timeout
    assert state.code == code
    assert words in state.reason


def test_status_queries_are_real_time_commands() -> None:
    with FakePrinter("offline") as fake:
        check_printer(network(fake), "en")
        assert fake.wait_for(lambda: fake.sessions and len(fake.sessions[0].queries) == 3)
        assert fake.sessions[0].queries == [1, 2, 4]  # 2 only because it is offline


def test_unreachable_is_quick_and_plain() -> None:
    state = check_printer(network(port=free_port()), "en")
    assert not state.ok and state.code == "unreachable"
    assert "connection refused" in state.reason and "127.0.0.1" in state.reason


def test_network_uses_our_timeout_not_sixty_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    real = _escpos.escpos_printer.Network

    def spy(**kwargs: Any) -> Any:
        seen.update(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(_escpos.escpos_printer, "Network", spy)
    with FakePrinter() as fake:
        conn = open_connection(network(fake, timeout=2.5), "id")
        with conn:
            conn.open()
            assert isinstance(conn, NetworkConnection)
            assert conn._sock.gettimeout() == 2.5
    assert seen["timeout"] == 2.5


def test_usb_timeout_is_never_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    class FakeUsb:
        def __init__(self, **kwargs: Any) -> None:
            seen.update(kwargs)

        @staticmethod
        def is_usable() -> bool:
            return True

        def open(self) -> None:
            raise _escpos.DeviceNotFoundError("Unable to open USB printer")

        def close(self) -> None:
            pass

    monkeypatch.setattr(_escpos.escpos_printer, "Usb", FakeUsb)
    settings = PrinterSettings(kind="usb", vendor_id=0x0416, product_id=0x5011, timeout=0.0005)
    state = check_printer(settings, "en")
    assert seen["timeout"] >= 1  # ms; python-escpos's 0 would block forever
    assert (seen["in_ep"], seen["out_ep"]) == (0x82, 0x01)
    assert state.code == "unreachable" and "USB 0416:5011" in state.reason


def test_usb_without_pyusb_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # pyusb is a dependency, but a frozen build or a broken install can still lack it
    monkeypatch.setattr(_escpos.escpos_printer.Usb, "is_usable", staticmethod(lambda: False))
    state = check_printer(PrinterSettings(kind="usb", vendor_id=1, product_id=2), "id")
    assert not state.ok and "pyusb" in state.reason


def test_serial_without_pyserial_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pyserial(*_a: object, **_k: object) -> None:
        raise RuntimeError("Serial printers require pyserial")  # python-escpos's own words

    monkeypatch.setattr(_escpos.escpos_printer, "Serial", no_pyserial)
    state = check_printer(PrinterSettings(kind="serial", device="/dev/ttyS0"), "en")
    assert not state.ok and "pyserial" in state.reason


@pytest.mark.skipif(sys.platform == "win32", reason="the guard is for other platforms")
def test_win32_only_on_windows() -> None:
    state = check_printer(PrinterSettings(kind="win32", name="POS-80"), "en")
    assert state.code == "windows_only" and "Windows" in state.reason


def test_lp_without_the_lp_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    state = check_printer(PrinterSettings(kind="lp", name="pos58"), "en")
    assert not state.ok and "lp" in state.reason


def test_file_kind_writes_the_device(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    device.touch()
    settings = PrinterSettings(kind="file", device=str(device))
    assert check_printer(settings, "en").code == "status_na"
    assert check_printer(settings, "en").reason == "status not available"
    with open_connection(settings, "en") as conn:
        conn.open()
        conn.write(b"\x1b@hello\n")
    assert device.read_bytes() == b"\x1b@hello\n"


def test_file_kind_missing_device(tmp_path: Path) -> None:
    state = check_printer(PrinterSettings(kind="file", device=str(tmp_path / "no" / "lp0")), "en")
    assert state.code == "unreachable" and "device not found" in state.reason


def test_preview_and_none(tmp_path: Path) -> None:
    state = check_printer(PrinterSettings(kind="preview", folder=str(tmp_path / "p")), "en")
    assert state.ok and state.code == "preview" and str(tmp_path / "p") in state.reason
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    state = check_printer(PrinterSettings(kind="preview", folder=str(blocked / "p")), "en")
    assert not state.ok and state.code == "preview_failed"
    state = check_printer(PrinterSettings(kind="none"), "id")
    assert state.ok and state.reason == "Pencetakan dimatikan"


def test_stray_status_answers_are_drained() -> None:
    # graphics data may contain DLE EOT n by chance; the printer answers it and the
    # next real query must not read that stale answer
    with FakePrinter("near_end") as fake, open_connection(network(fake), "en") as conn:
        conn.open()
        conn.write(b"\x1dv0\x00\x03\x00\x01\x00\x10\x04\x01")  # raster containing DLE EOT 1
        assert fake.wait_for(lambda: fake.sessions and fake.sessions[0].answered == 1)
        assert query_state(conn).code == "paper_near_end"


def test_dropped_connection_is_reported() -> None:
    with FakePrinter("drop", drop_after=10) as fake, open_connection(network(fake), "en") as conn:
        conn.open()
        with pytest.raises(PrintError) as info:
            conn.write(b"x" * 20)
            assert fake.wait_for(lambda: fake.sessions and fake.sessions[0].closed)
            query_state(conn)
    assert info.value.code == "dropped" and info.value.retryable


def test_escpos_leaves_the_root_logger_alone() -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    # printer modules log through module-level logging.info(), which would call
    # basicConfig() again; the shim sends it to the "escpos" logger instead
    check_printer(network(port=free_port()), "en")
    conn = open_connection(network(port=free_port()), "en")
    with pytest.raises(PrintError):
        conn.open()
    assert root.handlers == before
    assert not any(
        type(h) is logging.StreamHandler and h.stream is sys.stderr for h in root.handlers
    )


def test_pyinstaller_needs_the_capabilities_file() -> None:
    [(source, target)] = _escpos.pyinstaller_datas()
    assert Path(source).name == "capabilities.json" and Path(source).is_file()
    assert target == "escpos"
    assert "default" in _escpos.profile_names() and "TM-T20II" in _escpos.profile_names()


def test_check_connects_with_the_short_status_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    timeouts: list[float | None] = []
    real = socket.create_connection

    def spy(address: Any, timeout: float | None = None, *args: Any, **kwargs: Any) -> Any:
        timeouts.append(timeout)
        return real(address, timeout, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", spy)
    with FakePrinter() as fake:
        assert check_printer(network(fake, timeout=10.0), "en").ok
    assert timeouts == [STATUS_TIMEOUT_MAX]


# --- answers that are no ESC/POS status --------------------------------------------------

STATUS_BYTES = [b for b in range(256) if b & 0x93 == 0x12]  # bits 1, 4 set; 0, 7 clear
NOT_STATUS = [b for b in range(256) if b not in STATUS_BYTES]


def test_the_fixed_bits_leave_sixteen_status_bytes() -> None:
    assert len(STATUS_BYTES) == 16 and OK in STATUS_BYTES
    assert {0xFF, 0x00, OK | 0x01, OK | 0x80, OK & ~0x02, OK & ~0x10} <= set(NOT_STATUS)


@pytest.mark.parametrize("which", ["r1", "r2", "r4"])
def test_a_byte_without_the_fixed_bits_is_unrecognised_not_a_fault(which: str) -> None:
    for byte in NOT_STATUS:
        answers = {"r1": OK | 0x08, "r2": OK, "r4": OK, which: byte}
        state = decode_status(answers["r1"], answers["r2"], answers["r4"], "id")
        assert (state.ok, state.code) == (False, "unrecognised"), hex(byte)
        assert state.reason.startswith("Jawaban printer tidak dikenali")


def test_every_status_byte_is_decoded() -> None:
    for r1 in STATUS_BYTES:
        for other in STATUS_BYTES:
            assert decode_status(r1, other, other, "en").code != "unrecognised"


@pytest.mark.parametrize("mode", ["all_ones", "noise"])
def test_a_printer_answering_garbage_is_not_ready_and_logged_in_hex(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="counter_app.printing")
    with FakePrinter(mode) as fake:
        state = check_printer(network(fake), "en")
        assert fake.wait_for(lambda: bool(fake.sessions and fake.sessions[0].queries))
        queries = fake.sessions[0].queries
    assert (state.ok, state.level, state.code) == (False, "error", "unrecognised")
    assert state.reason == "Unrecognised answer from the printer (check its cable and settings)"
    assert "Out of paper" not in state.reason and "cover" not in state.reason
    assert queries == [1]  # a garbled first answer says nothing of offline: ask no more
    [record] = [r for r in caplog.records if "DLE EOT" in r.getMessage()]
    said = record.getMessage()
    assert f"127.0.0.1:{fake.port}" in said
    if mode == "all_ones":
        assert "1: 0xff" in said
    else:
        assert re.search(r"1: 0x[0-9a-f]{2}\b", said), said


# --- what the kinds share: where they point, and their errors in words ------------------


@pytest.mark.parametrize(
    ("settings", "where"),
    [
        ({"kind": "network", "host": "10.0.0.5", "port": 9101}, "10.0.0.5:9101"),
        ({"kind": "usb", "vendor_id": 0x0416, "product_id": 0x5011}, "USB 0416:5011"),
        ({"kind": "serial", "device": "/dev/ttyS0"}, "/dev/ttyS0"),
        ({"kind": "file", "device": "/dev/usb/lp0"}, "/dev/usb/lp0"),
        ({"kind": "cups", "name": "POS-80"}, "POS-80"),
        ({"kind": "lp", "name": "pos58"}, "pos58"),
        ({"kind": "win32", "name": "POS-80"}, "POS-80"),
        ({"kind": "preview", "folder": "previews"}, str(Path("previews"))),
    ],
)
def test_each_kind_says_where_its_printer_is(settings: dict[str, Any], where: str) -> None:
    assert open_connection(PrinterSettings.model_validate(settings), "en").where == where


def test_cups_without_pycups_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pycups(*_a: object, **_k: object) -> None:
        raise RuntimeError("Printing with PyCups requires the pycups library")

    monkeypatch.setattr(_escpos.escpos_printer, "CupsPrinter", no_pycups)
    state = check_printer(PrinterSettings(kind="cups", name="POS-80"), "en")
    assert state.code == "needs_package" and "pycups" in state.reason


def test_a_runtime_error_is_a_missing_package_only_for_kinds_that_need_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("something else entirely")

    monkeypatch.setattr(_escpos.escpos_printer, "File", broken)
    conn = open_connection(PrinterSettings(kind="file", device="/dev/usb/lp0"), "en")
    with pytest.raises(RuntimeError, match="something else entirely"):
        conn.open()


class USBTimeoutError(Exception):
    """Named as pyusb's is: the connections know it by its name only."""


class SerialTimeoutException(Exception):
    """Named as pyserial's is."""


class FailingDevice:
    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def _raw(self, data: bytes) -> None:
        raise self.exc

    def close(self) -> None:
        pass


WRITE_FAILURES = [
    ("usb", USBTimeoutError("Operation timed out"), "no_answer"),
    ("usb", OSError("[Errno 110] Operation timed out"), "no_answer"),
    ("usb", OSError("[Errno 19] No such device"), "write_failed"),
    ("serial", SerialTimeoutException("Write timeout"), "no_answer"),
    ("serial", OSError("write failed: timed out"), "write_failed"),  # by its type only
    ("file", OSError(5, "Input/output error"), "write_failed"),
]
PLACES = {
    "usb": {"vendor_id": 1, "product_id": 2},
    "serial": {"device": "/dev/ttyS0"},
    "file": {"device": "/dev/usb/lp0"},
}


@pytest.mark.parametrize(("kind", "exc", "code"), WRITE_FAILURES)
def test_a_failed_write_says_whether_the_printer_answered(
    kind: str, exc: Exception, code: str
) -> None:
    conn = open_connection(PrinterSettings.model_validate({"kind": kind, **PLACES[kind]}), "en")
    assert isinstance(conn, EscposConnection)
    conn._printer = FailingDevice(exc)
    with pytest.raises(PrintError) as info:
        conn.write(b"\x1b@")
    assert info.value.code == code and info.value.retryable
    if code == "write_failed":
        assert conn.where in info.value.reason


def test_a_device_file_passes_on_what_is_no_os_error() -> None:
    conn = open_connection(PrinterSettings(kind="file", device="/dev/usb/lp0"), "en")
    assert isinstance(conn, EscposConnection)
    conn._printer = FailingDevice(ValueError("I/O operation on closed file"))
    with pytest.raises(ValueError, match="closed file"):
        conn.write(b"\x1b@")
