"""The Indonesian translation: complete, in step with the sources, and compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import make_config
from guikit import open_office, station_look
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.gui.desk.window import DeskWindow
from counter_app.gui.shell import i18n
from counter_app.gui.shell.dialogs import ChoiceDialog
from counter_app.gui.shell.queue_window import QueueWindow
from tools import i18n_build


def test_every_string_has_its_indonesian() -> None:
    assert i18n_build.unfinished(i18n_build.ts_path("id")) == []


def test_the_translation_source_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """lupdate over today's forms and code adds nothing untranslated."""
    copy = tmp_path / "counter_app_id.ts"
    shutil.copy(i18n_build.ts_path("id"), copy)
    i18n_build.update(copy)
    assert i18n_build.unfinished(copy) == [], (
        "new or changed strings: run python -m tools.i18n_build and translate them"
    )


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = i18n_build.release(i18n_build.ts_path("id"), tmp_path / "fresh.qm")
    assert fresh.read_bytes() == i18n.qm_path("id").read_bytes(), (
        "run python -m tools.i18n_build --release-only"
    )


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    with station_look(qapp, "id"):
        yield


def test_the_base_windows_strings_are_translated_in_a_subclass(
    indonesian: None, tmp_path: Path, sqlite_url: str, qtbot: QtBot
) -> None:
    """PySide's tr() looks up the class that calls it, up the hierarchy."""
    office = open_office(tmp_path, sqlite_url)
    try:
        window = DeskWindow(office.ctx)
        qtbot.addWidget(window)
        assert isinstance(window, QueueWindow)
        window.set_online(False, "x")
        assert window.ui.onlineLabel.text() == "Terputus"
        assert "tidak dapat dihubungi" in window.messages.text()
        assert window.ui.titleLabel.text() == "Ambil Antrean"
        assert window.menuBar().actions()[0].text() == "&Antrean"
    finally:
        office.close()


@pytest.mark.parametrize(
    ("explicit", "locale", "expected"),
    [
        (None, "en_US", "en"),
        (None, "id_ID", "id"),
        (None, "de_DE", "id"),
        ("id", "en_GB", "id"),
        ("en", "id_ID", "en"),
    ],
)
def test_the_language_comes_from_the_config_or_the_system(
    explicit: str | None, locale: str, expected: str
) -> None:
    office = {"language": explicit} if explicit else {}
    cfg = make_config(office=office)
    assert i18n.choose_language(cfg, locale) == expected
    assert i18n.with_language(cfg, expected).office.language == expected


def test_a_translation_rewritten_in_place_under_a_running_window_does_not_crash_it(
    tmp_path: Path,
) -> None:
    """Qt maps a .qm loaded by name; rewriting it in place (an upgrade copied over the
    installation, i18n_build) then killed the desk with SIGBUS at its next string."""
    qm = tmp_path / "counter_app_id.qm"
    shutil.copy(i18n.qm_path("id"), qm)
    child = textwrap.dedent(
        f"""
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from counter_app.gui.shell import i18n
        app = QCoreApplication([])
        i18n.Translation("id", Path({str(qm)!r})).install(app)
        before = QCoreApplication.translate("RecentTicketsModel", "Number")
        Path({str(qm)!r}).write_bytes(b"")  # rewritten in place: truncated first
        after = QCoreApplication.translate("RecentTicketsModel", "Service")
        print(before, after)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=60
    )
    assert (result.returncode, result.stdout.split()) == (0, ["Nomor", "Layanan"]), result.stderr


def test_the_transfer_and_return_choice_says_what_it_does_in_indonesian(
    indonesian: None, qtbot: QtBot
) -> None:
    """No English 'OK' beside 'Batal' in the transfer and return dialogs."""
    dialog = ChoiceDialog(None, "Pindahkan A-001", "?", [("B", "B  Legalisasi")])
    qtbot.addWidget(dialog)
    assert (dialog.ui.okButton.text(), dialog.ui.cancelButton.text()) == ("Pilih", "Batal")
