"""Starting the windows, the menu, About, the error dialog, the log and the xcb check."""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from collections.abc import Callable, Iterator
from logging.handlers import TimedRotatingFileHandler
from pathlib import Path
from typing import Any

import pytest
from conftest import write_config
from guikit import open_office, show_active, station_look
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counter_app import __version__, logs
from counter_app.core import paths
from counter_app.gui.counter.panel import CounterPanel
from counter_app.gui.desk.window import DeskWindow
from counter_app.gui.shell import app as app_mod
from counter_app.gui.shell import dialogs, menus, platform_check
from counter_app.gui.shell.about import AboutDialog
from counter_app.gui.shell.errors import NO_DIALOG_ENV, ErrorDialog, ExceptionHook
from counter_app.gui.shell.worker import Worker

# --- the X11 libraries ---------------------------------------------------------------------------


def test_a_missing_xcb_library_is_named_with_its_package() -> None:
    advice = platform_check.check(
        env={"DISPLAY": ":0"},
        loads=lambda name: name not in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0"),
        platform="linux",
    )
    assert advice is not None
    assert "libxcb-cursor.so.0" in advice
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" in advice


@pytest.mark.parametrize(
    ("env", "platform", "checked"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux", False),
        ({"DISPLAY": ":0"}, "win32", False),
        ({}, "linux", False),
    ],
)
def test_the_check_runs_only_where_qt_will_use_xcb(
    env: dict[str, str], platform: str, checked: bool
) -> None:
    assert platform_check.uses_xcb(env, platform) is checked
    nothing_loads = platform_check.check(env, loads=lambda _name: False, platform=platform)
    assert (nothing_loads is not None) is checked


def test_run_stops_with_the_advice_instead_of_a_qt_abort(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(platform_check, "check", lambda: "install libxcb-cursor0")
    assert app_mod.run(argparse.Namespace(command="desk")) == 2
    assert "install libxcb-cursor0" in capsys.readouterr().err


# --- starting the windows ------------------------------------------------------------------------


@pytest.fixture
def started(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., tuple[int, list[QWidget], list[str]]]]:
    """run(args) with the event loop replaced: what windows opened, what errors were told."""
    old_style, old_sheet = qapp.style().name(), qapp.styleSheet()
    errors: list[str] = []
    monkeypatch.setattr(platform_check, "check", lambda: None)
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text: errors.append(title + text))

    def start(**args: Any) -> tuple[int, list[QWidget], list[str]]:
        seen: list[QWidget] = []

        def loop(app: QApplication) -> int:
            seen.extend(w for w in app.topLevelWidgets() if w.isVisible())
            for w in seen:
                w.close()
            return 0

        monkeypatch.setattr(app_mod, "event_loop", loop)
        namespace = argparse.Namespace(**{"config": None, "db": None, "number": None, **args})
        return app_mod.run(namespace), seen, errors

    yield start
    logs.close_logging()
    qapp.setStyleSheet(old_sheet)
    qapp.setStyle(old_style)


def test_counter_app_opens_the_desk_window(
    started: Callable[..., tuple[int, list[QWidget], list[str]]], tmp_path: Path, sqlite_url: str
) -> None:
    config = write_config(tmp_path / "office.toml", sqlite_url)
    code, windows, errors = started(command="desk", config=config)
    assert (code, errors) == (0, [])
    assert [type(w) for w in windows] == [DeskWindow]
    assert windows[0].ui.titleLabel.text() == "Ambil Antrean"  # Indonesian by default
    assert (paths.log_dir() / "counter-app.log").is_file()


def test_counter_n_opens_that_counters_panel(
    started: Callable[..., tuple[int, list[QWidget], list[str]]], tmp_path: Path, sqlite_url: str
) -> None:
    config = write_config(tmp_path / "office.toml", sqlite_url)
    code, windows, _ = started(command="counter", number=2, config=config)
    assert code == 0
    assert [(type(w), getattr(w, "number", None)) for w in windows] == [(CounterPanel, 2)]


def test_an_unknown_counter_or_a_bad_config_is_told_plainly(
    started: Callable[..., tuple[int, list[QWidget], list[str]]],
    tmp_path: Path,
    sqlite_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path / "office.toml", sqlite_url)
    code, windows, errors = started(command="counter", number=9, config=config)
    assert (code, windows) == (2, [])
    assert "Loket 9 tidak ada dalam konfigurasi (yang ada: 1, 2, 3)" in errors[0]
    broken = tmp_path / "broken.toml"
    broken.write_text("[capacity]\nlimit = 'many'\n", encoding="utf-8")
    code, _, errors = started(command="desk", config=broken)
    assert code == 2
    assert "capacity.limit" in errors[1]
    assert "capacity.limit" in capsys.readouterr().err


def test_display_opens_the_lobby_display(
    started: Callable[..., tuple[int, list[QWidget], list[str]]], tmp_path: Path, sqlite_url: str
) -> None:
    pytest.importorskip("counter_app.gui.display")
    config = write_config(tmp_path / "office.toml", sqlite_url, display={"voice": False})
    code, windows, errors = started(command="display", screen=0, windowed=True, config=config)
    assert (code, errors) == (0, [])
    assert [getattr(w, "kind", None) for w in windows] == ["display"]


# --- the menu and About --------------------------------------------------------------------------


@pytest.fixture
def desk_window(tmp_path: Path, sqlite_url: str, qtbot: QtBot, qapp: QApplication) -> Iterator[Any]:
    with station_look(qapp):
        office = open_office(tmp_path, sqlite_url)
        window = office.ctx.open_window("desk")
        qtbot.addWidget(window)
        show_active(qtbot, window)
        yield office, window
        office.close()


def menu_action(window: QWidget, menu_title: str, text: str) -> Any:
    for top in window.menuBar().actions():  # type: ignore[attr-defined]
        if top.text() == menu_title:
            for action in top.menu().actions():
                if text in action.text():
                    return action
    raise AssertionError(f"no {menu_title} > {text}")


def test_the_window_menu_opens_and_raises_the_other_windows(desk_window: Any, qtbot: QtBot) -> None:
    office, window = desk_window
    menu_action(window, "&Jendela", "Loket 2").trigger()
    panel = office.ctx.find("counter", 2)
    assert isinstance(panel, CounterPanel) and panel.isVisible()
    qtbot.addWidget(panel)
    menu_action(panel, "&Jendela", "Meja Depan").trigger()
    assert office.ctx.find("desk") is window  # raised, not a second one
    menu_action(panel, "&Jendela", "Tutup jendela ini").trigger()
    assert office.ctx.find("counter", 2) is None


def test_about_shows_the_version(desk_window: Any, qtbot: QtBot) -> None:
    _office, window = desk_window
    menu_action(window, "&Bantuan", "Tentang").trigger()
    about = window.findChild(AboutDialog)
    assert about is not None and about.isVisible()
    assert about.version_text() == f"Versi {__version__}"
    assert "Disdukcapil Kota Balikpapan" in about.ui.detailsLabel.text()
    about.close()


def test_a_missing_display_module_is_told_not_raised(
    desk_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    office, window = desk_window
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_warning", lambda _p, _t, text: told.append(text))

    # A build without the display's module (the import in its kind's factory fails)
    monkeypatch.setitem(sys.modules, "counter_app.gui.display.window", None)
    menus.open_window(window, office.ctx, "display")
    assert told == ["Layar ruang tunggu tidak tersedia pada instalasi ini."]


def test_the_choice_dialog_picks_with_the_keyboard(qtbot: QtBot) -> None:
    choices = [("A", "A  Pengambilan Dokumen"), ("B", "B  Legalisasi")]
    dialog = dialogs.ChoiceDialog(None, "Pindahkan A-001", "Ke antrean:", choices)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "A"  # the first, ready for Enter
    dialog = dialogs.ChoiceDialog(None, "Kembalikan", "Nomor:", choices, current="B")
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "B"
    with qtbot.waitSignal(dialog.accepted):
        dialog.ui.choiceList.itemActivated.emit(dialog.ui.choiceList.currentItem())


# --- unexpected errors ---------------------------------------------------------------------------


@pytest.fixture
def hook(qapp: QApplication) -> Iterator[ExceptionHook]:
    log_path = logs.setup_logging()
    hook = ExceptionHook(log_path, show_dialog=True)
    hook.install()
    yield hook
    hook.uninstall()
    for dialog in list(hook.dialogs):
        dialog.close()
    logs.close_logging()


def boom() -> None:
    raise ZeroDivisionError("the scale of the hall")


def raise_and_catch(hook: ExceptionHook) -> None:
    try:
        boom()
    except ZeroDivisionError as exc:
        hook.handle(type(exc), exc, exc.__traceback__)


def test_an_unexpected_error_is_logged_and_shown_with_copyable_details(
    hook: ExceptionHook, qtbot: QtBot, qapp: QApplication
) -> None:
    raise_and_catch(hook)
    qtbot.waitUntil(lambda: len(hook.dialogs) == 1)
    dialog = hook.dialogs[0]
    assert isinstance(dialog, ErrorDialog) and dialog.isVisible()
    assert not dialog.isModal()  # the window behind it stays usable
    assert "ZeroDivisionError: the scale of the hall" in dialog.ui.messageLabel.text()
    assert 'in boom\n    raise ZeroDivisionError("the scale of the hall")' in dialog.details()
    assert f"counter-app {__version__}" in dialog.details()
    dialog.ui.copyButton.click()
    assert qapp.clipboard().text() == dialog.details()
    text = logs.log_file().read_text(encoding="utf-8")
    assert "unexpected error" in text and "ZeroDivisionError: the scale of the hall" in text
    raise_and_catch(hook)  # the same again: logged, not shown again
    qtbot.wait(50)
    assert len(hook.dialogs) == 1
    assert logs.log_file().read_text(encoding="utf-8").count("the scale of the hall") >= 4


def test_an_error_on_a_worker_thread_reaches_the_dialog_on_the_gui_thread(
    hook: ExceptionHook, qtbot: QtBot
) -> None:
    worker = Worker("test")
    try:
        worker.submit(boom)  # no callback: nobody handles it
        qtbot.waitUntil(lambda: len(hook.dialogs) == 1)
        thread = threading.Thread(target=lambda: 1 / 0, name="stray")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: len(hook.dialogs) == 2)
        assert "thread: stray" in hook.dialogs[1].details()
        assert all(d.thread() is QApplication.instance().thread() for d in hook.dialogs)
    finally:
        worker.stop()


def test_the_desk_stays_usable_after_an_error(
    desk_window: Any, hook: ExceptionHook, qtbot: QtBot
) -> None:
    office, window = desk_window
    raise_and_catch(hook)
    qtbot.waitUntil(lambda: len(hook.dialogs) == 1)
    window.issue("A")
    assert office.codes() == ["A-001"]


def test_the_dialog_can_be_switched_off_for_unattended_runs(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, qapp: QApplication
) -> None:
    monkeypatch.setenv(NO_DIALOG_ENV, "1")
    logs.setup_logging()
    quiet = ExceptionHook(logs.log_file())
    try:
        assert not quiet.show_dialog
        raise_and_catch(quiet)
        qtbot.wait(50)
        assert quiet.dialogs == []
        assert "the scale of the hall" in logs.log_file().read_text(encoding="utf-8")
    finally:
        logs.close_logging()


def test_the_log_rotates_daily_in_the_user_log_folder() -> None:
    path = logs.setup_logging()
    try:
        assert path == paths.log_dir() / "counter-app.log"
        handlers = logging.getLogger("counter_app").handlers
        rotating = [h for h in handlers if isinstance(h, TimedRotatingFileHandler)]
        assert len(rotating) == 1 and rotating[0].backupCount == logs.KEEP_DAYS
        logs.setup_logging()  # a second start in one process adds no second handler
        handlers = logging.getLogger("counter_app").handlers
        assert len([h for h in handlers if isinstance(h, TimedRotatingFileHandler)]) == 1
    finally:
        logs.close_logging()


def test_a_crash_python_cannot_catch_leaves_its_stacks_in_crash_log(tmp_path: Path) -> None:
    """A segmentation fault in a library ends the process at once; crash.log keeps where."""
    import subprocess
    import sys

    code = (
        "import faulthandler; from counter_app import logs; "
        "logs.record_crashes('counter-app test desk'); faulthandler._sigsegv()"
    )
    env = {**__import__("os").environ, "COUNTER_APP_LOG_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    crash = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert "counter-app test desk" in crash
    assert "Segmentation fault" in crash and "Current thread" in crash
