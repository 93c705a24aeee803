"""The admin settings dialog: the PIN first, each invalid value refused under its field,
the file saved with its comments, the new rules applied to the running station."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FakeClock, Monotonic, make_config
from guikit import station_look
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from counter_app.core import config as config_mod
from counter_app.core.admin import PinThrottle, hash_pin
from counter_app.core.config import FillOrder
from counter_app.core.model import Reason, Refused
from counter_app.core.queue import open_queue
from counter_app.core.settings_file import SettingsFile
from counter_app.gui.desk.window import DeskWindow
from counter_app.gui.settings.dialog import SettingsDialog, open_settings
from counter_app.gui.settings.pin_prompt import PinPrompt
from counter_app.gui.shell import dialogs
from counter_app.gui.shell.context import Context

PIN = "246813"
# As `admin-pin` wrote it before 6 digits and n=2**17: the PIN 2468, scrypt n=2**14.
OLD_HASH = "scrypt$16384$8$1$47zsN0uHBSVU91JsBvgHtQ==$sM4rK8BhjRtfwT2H+f+mZJ31GWy6WsfsOwCF22NI2ks="


@functools.cache
def pin_hash() -> str:
    return hash_pin(PIN)  # a third of a second: once for the module


@pytest.fixture
def station(
    tmp_path: Path, sqlite_url: str, qapp: QApplication, qtbot: QtBot
) -> Iterator[tuple[Context, DeskWindow, Path]]:
    path = tmp_path / "config.toml"
    config_mod.write_sample(path)  # the commented file init-config writes
    settings = SettingsFile(path)
    settings.set("database.url", sqlite_url)
    settings.set("printer.folder", str(tmp_path / "previews"))
    settings.set("admin.pin_hash", pin_hash())
    settings.save()
    with station_look(qapp):
        queue = open_queue(config_mod.load_config(path), clock=FakeClock())  # 09:00 WITA
        ctx = Context(queue, config_path=path, synchronous=True, watch=False)
        desk = DeskWindow(ctx)
        ctx.adopt(desk)
        qtbot.addWidget(desk)
        yield ctx, desk, path
        for window in list(ctx.windows):
            window.close()
        ctx.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(dialogs, "show_warning", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: said.append(text))
    return said


@pytest.fixture
def clock() -> Monotonic:
    return Monotonic()


@pytest.fixture
def throttle(tmp_path: Path, clock: Monotonic) -> PinThrottle:
    return PinThrottle(tmp_path / "tries.json", clock=clock)


def settings_dialogs() -> list[SettingsDialog]:
    """Those shown (a closed one stays a top-level widget until its desk is deleted)."""
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()
    ]


def prompts() -> list[PinPrompt]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PinPrompt) and w.isVisible()]


def type_pin(prompt: PinPrompt, pin: str) -> None:
    prompt.pin_edit.setText(pin)
    prompt.open_button.click()


def open_with(
    desk: DeskWindow, ctx: Context, pin: str, throttle: PinThrottle | None = None
) -> SettingsDialog | None:
    """The settings dialog that typing ``pin`` in the prompt opens, or None."""
    prompt = open_settings(desk, ctx, throttle=throttle or PinThrottle(None))
    assert prompt is not None and prompt.isVisible()
    type_pin(prompt, pin)
    opened = settings_dialogs()
    return opened[0] if opened else None


@pytest.mark.parametrize("pin", ["111111", "2468130", "", "246813 "])
def test_a_wrong_pin_opens_nothing_and_the_prompt_waits(
    station: tuple, warnings: list[str], throttle: PinThrottle, pin: str
) -> None:
    ctx, desk, _path = station
    prompt = open_settings(desk, ctx, throttle=throttle)
    assert prompt is not None
    type_pin(prompt, pin)
    assert settings_dialogs() == [] and warnings == []
    assert prompt.isVisible() and prompt.pin_edit.text() == ""
    assert prompt.message.text() == "PIN salah. Coba lagi dalam 2 detik."
    assert not prompt.open_button.isEnabled()
    prompt.close()


def test_wrong_pins_wait_longer_then_lock_the_prompt_across_reopening(
    station: tuple, warnings: list[str], clock: Monotonic, throttle: PinThrottle, qtbot: QtBot
) -> None:
    ctx, desk, _path = station
    prompt = open_settings(desk, ctx, throttle=throttle)
    assert prompt is not None
    for wait in (2, 4, 8, 16):
        type_pin(prompt, "111111")
        assert prompt.message.text() == f"PIN salah. Coba lagi dalam {wait} detik."
        type_pin(prompt, PIN)  # too early: not even checked
        assert settings_dialogs() == [] and throttle.wrong_tries == wait.bit_length() - 1
        clock.advance(wait - 1)

        def one_second_left(wait: int = wait) -> None:
            assert prompt.message.text() == "PIN salah. Coba lagi dalam 1 detik.", wait

        qtbot.waitUntil(one_second_left)  # the prompt counts down by itself
        clock.advance(1)

        def taken_again() -> None:
            assert prompt.open_button.isEnabled()
            assert prompt.message.text() == "PIN salah. Ketik lagi."

        qtbot.waitUntil(taken_again)
    type_pin(prompt, "111111")  # the fifth: locked, until 09:05 by the office's clock
    locked = "Terlalu banyak PIN salah. PIN dapat dicoba lagi pukul 09:05 (5 menit lagi)."
    assert prompt.message.text() == locked
    assert not prompt.open_button.isEnabled()
    prompt.close()
    again = open_settings(desk, ctx, throttle=throttle)  # closing and reopening: the same
    assert again is not None and again.message.text() == locked
    assert not again.open_button.isEnabled()
    clock.advance(240)

    def a_minute_left() -> None:
        assert "(1 menit lagi)" in again.message.text()

    qtbot.waitUntil(a_minute_left)
    clock.advance(60)
    qtbot.waitUntil(lambda: again.open_button.isEnabled())
    type_pin(again, PIN)
    opened = settings_dialogs()
    assert len(opened) == 1 and throttle.wrong_tries == 0 and warnings == []
    opened[0].close()


def test_a_restart_keeps_the_prompt_locked(
    station: tuple, warnings: list[str], clock: Monotonic, tmp_path: Path
) -> None:
    ctx, desk, _path = station
    before = PinThrottle(tmp_path / "tries.json", clock=clock)
    for _ in range(5):
        before.attempt()
    clock.advance(299)
    after = PinThrottle(tmp_path / "tries.json", clock=clock)  # the app started again
    prompt = open_settings(desk, ctx, throttle=after)
    assert prompt is not None
    assert prompt.message.text().startswith("Terlalu banyak PIN salah.")
    assert "(5 menit lagi)" in prompt.message.text()
    type_pin(prompt, PIN)
    assert settings_dialogs() == []
    prompt.close()


def test_the_pin_is_checked_off_the_gui_thread(
    station: tuple, qtbot: QtBot, throttle: PinThrottle
) -> None:
    _ctx, desk, _path = station
    prompt = PinPrompt(desk, pin_hash(), throttle)  # a real worker thread
    qtbot.addWidget(prompt)
    prompt.show()
    with qtbot.waitSignal(prompt.accepted, timeout=10_000):
        type_pin(prompt, PIN)
        # back at once, checking meanwhile: no second try, and the counted try shows
        assert prompt.message.text() == "Memeriksa PIN…"
        assert not prompt.open_button.isEnabled() and not prompt.pin_edit.isEnabled()
        assert throttle.wrong_tries == 1
    assert throttle.wrong_tries == 0  # the right PIN takes its try back


def test_a_pin_of_the_old_kind_opens_the_settings_and_asks_for_a_new_one(
    station: tuple, warnings: list[str]
) -> None:
    ctx, desk, path = station
    settings = SettingsFile(path)
    settings.set("admin.pin_hash", OLD_HASH)
    settings.save()
    dialog = open_with(desk, ctx, "2468")
    assert dialog is not None and dialog.isVisible()
    assert warnings == [
        "PIN ini disimpan dengan cara lama yang lebih mudah ditebak. Atur PIN baru "
        "(minimal 6 digit) dengan perintah: counter-app admin-pin"
    ]
    dialog.close()


def test_cancelling_the_pin_opens_nothing_and_says_nothing(
    station: tuple, warnings: list[str]
) -> None:
    ctx, desk, _path = station
    prompt = open_settings(desk, ctx, throttle=PinThrottle(None))
    assert prompt is not None
    prompt.pin_edit.setText(PIN)
    prompt.reject()
    assert settings_dialogs() == [] and warnings == [] and prompts() == []


def test_without_a_pin_set_the_dialog_stays_closed(station: tuple, warnings: list[str]) -> None:
    ctx, desk, path = station
    settings = SettingsFile(path)
    settings.set("admin.pin_hash", None)
    settings.save()
    assert open_settings(desk, ctx, throttle=PinThrottle(None)) is None
    assert settings_dialogs() == [] and prompts() == []
    assert "counter-app admin-pin" in warnings[0]


def test_the_menu_reaches_the_pin(station: tuple, warnings: list[str]) -> None:
    _ctx, desk, _path = station
    action = next(
        a
        for menu in desk.menuBar().actions()
        if menu.menu() is not None
        for a in menu.menu().actions()  # type: ignore[union-attr]
        if a.text() == "Pengaturan (PIN admin)…"
    )
    action.trigger()
    shown = prompts()
    assert len(shown) == 1 and shown[0].windowTitle() == "PIN admin"
    assert settings_dialogs() == []
    shown[0].close()


@pytest.mark.parametrize(
    ("key", "typed", "message"),
    [
        ("capacity.limit", "0", "minimal 1 (isian: 0)"),
        ("capacity.limit", "dua puluh", "harus bilangan bulat (isian: 'dua puluh')"),
        ("services[1].daily_quota", "-5", "minimal 0 (isian: -5)"),
        ("services[1].daily_quota", "10000", "maksimal 9999 (isian: 10000)"),
        ("services[2].average_minutes", "0", "harus lebih dari 0.0 (isian: 0)"),
        ("office.opening_hours", "15:00-08:00", "jam buka harus sebelum jam tutup"),
        ("office.opening_hours", "pagi", "'pagi' tidak berformat JJ:MM-JJ:MM"),
        ("office.timezone", "Asia/Balikpapan", "zona waktu 'Asia/Balikpapan' tidak dikenal"),
        ("counters[1].services", "A, X", "layanan 'X' tidak dikenal (yang ada: A, B, C)"),
        ("display.screen", "99", "maksimal 16 (isian: 99)"),
        ("printer.port", "70000", "maksimal 65535 (isian: 70000)"),
        ("retention.days", "0", "minimal 1 (isian: 0)"),
        ("capacity.max_pass", "0", "minimal 1 (isian: 0)"),
        ("capacity.max_pass", "101", "maksimal 100 (isian: 101)"),
    ],
)
def test_each_invalid_value_is_refused_next_to_its_field(
    station: tuple,
    warnings: list[str],
    key: str,
    typed: str,
    message: str,
) -> None:
    ctx, desk, path = station
    before = path.read_bytes()
    dialog = open_with(desk, ctx, PIN)
    assert dialog is not None and dialog.isVisible()
    field = dialog.fields[key]
    assert isinstance(field.editor, QLineEdit)
    field.editor.setText(typed)
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.saved is None
    shown = {k: f.error.text() for k, f in dialog.fields.items() if f.error.isVisibleTo(dialog)}
    assert list(shown) == [key]
    assert message in shown[key]
    assert dialog.tabs.currentWidget().isAncestorOf(field.editor)
    assert path.read_bytes() == before  # nothing written
    assert warnings == []
    dialog.close()


def comments(text: str) -> list[str]:
    return [line[line.index("#") :] for line in text.splitlines() if "#" in line]


def test_saving_keeps_the_comments_and_applies_at_once(station: tuple, warnings: list[str]) -> None:
    ctx, desk, path = station
    before = path.read_text(encoding="utf-8")
    dialog = open_with(desk, ctx, PIN)
    assert dialog is not None
    dialog.fields["capacity.limit"].editor.setText("2")  # type: ignore[union-attr]
    dialog.fields["services[2].suspended"].editor.setText("Legalisasi ditutup hari ini")  # type: ignore[union-attr]
    dialog.fields["services[3].suspended"].editor.setText("")  # type: ignore[union-attr]
    dialog.fields["services[3].daily_quota"].editor.setText("30")  # type: ignore[union-attr]
    dialog.save_button.click()
    assert dialog.saved is not None and not dialog.isVisible()
    after = path.read_text(encoding="utf-8")
    assert comments(after) == [c for c in comments(before) if "closed, with this notice" not in c]
    assert re.search(r"^limit = 2 +# persons allowed inside", after, re.MULTILINE)
    changed = set(after.splitlines()) ^ set(before.splitlines())
    assert {line.split("#")[0].strip() for line in changed} == {
        "limit = 20",
        "limit = 2",
        'suspended = "Legalisasi ditutup hari ini"',
        'suspended = "Perekaman KTP-el dihentikan sementara"',
        "daily_quota = 0",
        "daily_quota = 30",
    }  # nothing else was written
    assert config_mod.load_config(path).capacity.limit == 2
    # this station's queue follows the file without a restart
    with pytest.raises(Refused) as refused:
        ctx.queue.issue("B")
    assert refused.value.reason == Reason.SUSPENDED
    assert ctx.queue.issue("C").code == "C-001"  # resumed
    ctx.queue.issue("A")
    with pytest.raises(Refused) as full:
        ctx.queue.issue("A")
    assert full.value.reason == Reason.HALL_FULL
    assert warnings == []  # nothing that needs a restart
    # another station on the same database, with its own (older) file, follows by itself
    url = ctx.queue.config.database.url
    other = open_queue(make_config(database={"url": url}), clock=FakeClock())
    try:
        with pytest.raises(Refused) as elsewhere:
            other.issue("B")
        assert elsewhere.value.reason == Reason.SUSPENDED
        assert other.status().limit == 2
    finally:
        other.db.dispose()


def test_the_test_ticket_prints_with_the_printer_in_the_dialog(
    station: tuple, tmp_path: Path
) -> None:
    ctx, desk, path = station
    dialog = open_with(desk, ctx, PIN)
    assert dialog is not None
    before = path.read_bytes()
    dialog.test_button.click()
    assert dialog.test_result.text() == "Tiket uji tercetak."
    assert list((tmp_path / "previews").glob("*.png"))
    assert path.read_bytes() == before  # printing a test saves nothing
    dialog.close()


def test_a_printer_kind_without_its_address_is_named_under_the_address(
    station: tuple, warnings: list[str]
) -> None:
    ctx, desk, path = station
    before = path.read_bytes()
    dialog = open_with(desk, ctx, PIN)
    assert dialog is not None
    kind = dialog.fields["printer.kind"].editor
    assert not isinstance(kind, QLineEdit)
    kind.setCurrentIndex(kind.findData("network"))
    dialog.save_button.click()
    host = dialog.fields["printer.host"]
    assert host.error.isVisibleTo(dialog)
    assert host.error.text() == "printer jenis 'network' memerlukan: host"
    assert path.read_bytes() == before
    dialog.close()


def test_the_fill_order_and_its_passes_are_offered_in_words(
    station: tuple, warnings: list[str]
) -> None:
    ctx, desk, path = station
    dialog = open_with(desk, ctx, PIN)
    assert dialog is not None
    fill = dialog.fields["capacity.fill"].editor
    assert isinstance(fill, QComboBox)
    assert [fill.itemText(i) for i in range(fill.count())] == [
        "ketat: tidak ada yang mendahului nomor terdepan di luar",
        "muat: nomor yang lebih kecil dan muat boleh mendahului",
    ]
    fill.setCurrentIndex(fill.findData(FillOrder.FIT))
    dialog.fields["capacity.max_pass"].editor.setText("2")  # type: ignore[union-attr]
    dialog.save_button.click()
    assert dialog.saved is not None and not dialog.isVisible()
    capacity = config_mod.load_config(path).capacity
    assert (capacity.fill, capacity.max_pass, capacity.passes_allowed) == (FillOrder.FIT, 2, 2)
    assert warnings == []
