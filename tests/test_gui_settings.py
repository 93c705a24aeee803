"""The admin settings dialog: the PIN first, each invalid value refused under its field,
the file saved with its comments, the new rules applied to the running station."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FakeClock, make_config
from guikit import station_look
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from counter_app.core import config as config_mod
from counter_app.core.admin import hash_pin
from counter_app.core.model import Reason, Refused
from counter_app.core.queue import open_queue
from counter_app.core.settings_file import SettingsFile
from counter_app.gui import dialogs, settings_dialog
from counter_app.gui.context import Context
from counter_app.gui.desk import DeskWindow
from counter_app.gui.settings_dialog import SettingsDialog, open_settings

PIN = "2468"


@pytest.fixture
def station(
    tmp_path: Path, sqlite_url: str, qapp: QApplication, qtbot: QtBot
) -> Iterator[tuple[Context, DeskWindow, Path]]:
    path = tmp_path / "config.toml"
    config_mod.write_sample(path)  # the commented file init-config writes
    settings = SettingsFile(path)
    settings.set("database.url", sqlite_url)
    settings.set("printer.folder", str(tmp_path / "previews"))
    settings.set("admin.pin_hash", hash_pin(PIN))
    settings.save()
    with station_look(qapp):
        queue = open_queue(config_mod.load_config(path), clock=FakeClock())
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


def open_with(
    monkeypatch: pytest.MonkeyPatch, desk: DeskWindow, ctx: Context, pin: str | None
) -> SettingsDialog | None:
    monkeypatch.setattr(settings_dialog, "ask_pin", lambda _parent: pin)
    return open_settings(desk, ctx)


def settings_dialogs() -> list[SettingsDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog)]


@pytest.mark.parametrize("pin", ["1111", "24680", "", "2468 "])
def test_a_wrong_pin_opens_nothing(
    monkeypatch: pytest.MonkeyPatch, station: tuple, warnings: list[str], pin: str
) -> None:
    ctx, desk, _path = station
    assert open_with(monkeypatch, desk, ctx, pin) is None
    assert settings_dialogs() == []
    assert warnings == ["PIN salah. Pengaturan tetap tertutup."]


def test_cancelling_the_pin_opens_nothing_and_says_nothing(
    monkeypatch: pytest.MonkeyPatch, station: tuple, warnings: list[str]
) -> None:
    ctx, desk, _path = station
    assert open_with(monkeypatch, desk, ctx, None) is None
    assert settings_dialogs() == [] and warnings == []


def test_without_a_pin_set_the_dialog_stays_closed(
    monkeypatch: pytest.MonkeyPatch, station: tuple, warnings: list[str]
) -> None:
    ctx, desk, path = station
    settings = SettingsFile(path)
    settings.set("admin.pin_hash", None)
    settings.save()
    assert open_with(monkeypatch, desk, ctx, PIN) is None
    assert settings_dialogs() == []
    assert "counter-app admin-pin" in warnings[0]


def test_the_menu_reaches_the_pin(
    monkeypatch: pytest.MonkeyPatch, station: tuple, warnings: list[str]
) -> None:
    _ctx, desk, _path = station
    asked: list[bool] = []
    monkeypatch.setattr(settings_dialog, "ask_pin", lambda _parent: asked.append(True))
    action = next(
        a
        for menu in desk.menuBar().actions()
        if menu.menu() is not None
        for a in menu.menu().actions()  # type: ignore[union-attr]
        if a.text() == "Pengaturan (PIN admin)…"
    )
    action.trigger()
    assert asked == [True] and settings_dialogs() == []


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
    ],
)
def test_each_invalid_value_is_refused_next_to_its_field(
    monkeypatch: pytest.MonkeyPatch,
    station: tuple,
    warnings: list[str],
    key: str,
    typed: str,
    message: str,
) -> None:
    ctx, desk, path = station
    before = path.read_bytes()
    dialog = open_with(monkeypatch, desk, ctx, PIN)
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


def test_saving_keeps_the_comments_and_applies_at_once(
    monkeypatch: pytest.MonkeyPatch, station: tuple, warnings: list[str]
) -> None:
    ctx, desk, path = station
    before = path.read_text(encoding="utf-8")
    dialog = open_with(monkeypatch, desk, ctx, PIN)
    assert dialog is not None
    dialog.fields["capacity.limit"].editor.setText("2")  # type: ignore[union-attr]
    dialog.fields["services[2].suspended"].editor.setText("Legalisir ditutup hari ini")  # type: ignore[union-attr]
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
        'suspended = "Legalisir ditutup hari ini"',
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
    monkeypatch: pytest.MonkeyPatch, station: tuple, tmp_path: Path
) -> None:
    ctx, desk, path = station
    dialog = open_with(monkeypatch, desk, ctx, PIN)
    assert dialog is not None
    before = path.read_bytes()
    dialog.test_button.click()
    assert dialog.test_result.text() == "Tiket uji tercetak."
    assert list((tmp_path / "previews").glob("*.png"))
    assert path.read_bytes() == before  # printing a test saves nothing
    dialog.close()


def test_a_printer_kind_without_its_address_is_named_under_the_address(
    monkeypatch: pytest.MonkeyPatch, station: tuple, warnings: list[str]
) -> None:
    ctx, desk, path = station
    before = path.read_bytes()
    dialog = open_with(monkeypatch, desk, ctx, PIN)
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
