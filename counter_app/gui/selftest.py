"""The self-test's Qt half: the windows, the translations and the sound output.

``counter-app self-test`` runs it after the checks of counter_app.selftest, in its own
QApplication on Qt's offscreen platform, and opens each window through
``app.open_windows`` (the path ``counter-app desk|counter N|display`` takes). The
desk's Help > Self-test runs the same checks inside the running app: there the windows
are built and drawn without being shown, so nothing flashes on the desk's screen.

Every window check runs on the self-test's temporary database, with printing off (the
printer has its own check), so it never changes the office's queue.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMessageLogContext,
    Qt,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QCursor, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.core.config import Config, PrinterSettings, WebSettings
from counter_app.core.queue import open_queue
from counter_app.gui.display import announcer
from counter_app.gui.shell import i18n, registry
from counter_app.gui.shell.context import Context
from counter_app.gui.shell.registry import Window
from counter_app.selftest import Check, Outcome, Scratch, Session, failed_names, run_check
from counter_app.web.check import phone_pages_check

log = logging.getLogger(__name__)
# a source string every translation must have (the desk's menu)
PROBE = ("menus", "&Help")


def translation_check() -> Check:
    def probe() -> tuple[Outcome, str]:
        found = []
        for language in i18n.LANGUAGES:
            if language == i18n.SOURCE_LANGUAGE:
                continue
            path = i18n.qm_path(language)
            translator = QTranslator()
            if not translator.load(str(path)):
                raise RuntimeError(f"{path} cannot be loaded")
            said = translator.translate(*PROBE)
            if not said:
                raise RuntimeError(f"{path.name} has no text for {PROBE[1]!r}")
            found.append(f"{language} ({path.name}: {PROBE[1]!r} -> {said!r})")
        return "ok", ", ".join(found)

    return run_check("translations", probe)


def sound_check() -> Check:
    """QtMultimedia and an audio output: missing either is a note (the display runs
    silent and says so), not a failure."""

    def probe() -> tuple[Outcome, str]:
        problem = announcer.sound_problem()
        if problem is not None:
            return "note", f"{problem}: the lobby display runs silent"
        qt = announcer.sound_module("QtMultimedia")
        assert qt is not None
        device = qt.QMediaDevices.defaultAudioOutput()
        if device.isNull():
            return "note", "QtMultimedia loads; no audio output device: the display runs silent"
        error = _open_output(qt, device)
        if error is not None:  # a device that is there but will not play: worth a look
            raise RuntimeError(f"{device.description()} cannot be opened ({error})")
        return "ok", f"QtMultimedia loads; output: {device.description()}"

    return run_check("sound output", probe)


def _open_output(qt: Any, device: Any) -> str | None:
    """Start the output with a tenth of a second of silence, the way the display's clip
    player does (QAudioSink, 16-bit PCM); None when it started."""
    fmt = qt.QAudioFormat()
    fmt.setSampleRate(22050)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(qt.QAudioFormat.SampleFormat.Int16)
    buffer = QBuffer()
    buffer.setData(QByteArray(bytes(4410)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    sink = qt.QAudioSink(device, fmt)
    try:
        sink.start(buffer)
        error = sink.error()
        return None if error == qt.QtAudio.Error.NoError else str(error)
    finally:
        sink.stop()
        buffer.close()


def _windows_config(config: Config) -> Config:
    # No ticket printed, and no phone page server started by the desk ([web] enabled):
    # the station's own server may be running on that port.
    return config.model_copy(
        update={"printer": PrinterSettings(kind="none"), "web": WebSettings(enabled=False)}
    )


def window_checks(scratch: Scratch, *, show: bool) -> list[Check]:
    """Open (``show``) or build and draw (not ``show``) the desk, each counter panel, the
    daily report and the lobby display on the self-test's database."""
    if scratch.ticket is None:
        return [Check("windows", "skip", "no ticket: the database checks failed")]
    ctx = Context(
        open_queue(_windows_config(scratch.config), create=True), synchronous=True, watch=False
    )
    targets: list[tuple[str, int | None]] = []
    for each in registry.window_kinds():
        if each.per_counter:
            targets += [(each.name, c.number) for c in scratch.config.counters]
        else:
            targets.append((each.name, None))
    checks = []
    try:
        for kind, number in targets:
            name = f"window {kind}" + (f" {number}" if number is not None else "")
            checks.append(run_check(name, functools.partial(_window, ctx, kind, number, show)))
    finally:
        ctx.close()
    return checks


def _window(ctx: Context, kind: str, number: int | None, show: bool) -> tuple[Outcome, str]:
    window = _open(ctx, kind, number) if show else _build(ctx, kind, number)
    assert isinstance(window, QWidget)  # every window is one
    try:
        QCoreApplication.processEvents()
        if show and not window.isVisible():
            raise RuntimeError("the window did not become visible")
        picture = window.grab()  # draws every widget: the forms, fonts and style
        if picture.isNull():
            raise RuntimeError("the window cannot be drawn")
        how = "shown" if show else "drawn"
        return "ok", f"{how} {picture.width()}x{picture.height()}"
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()


def _open(ctx: Context, kind: str, number: int | None) -> Window:
    from counter_app.gui.shell.app import open_windows

    return open_windows(ctx, kind, number, windowed=True)


def _build(ctx: Context, kind: str, number: int | None) -> Window:
    return ctx.build_window(kind, number, start=False)


def qt_checks(scratch: Scratch, *, show: bool) -> list[Check]:
    platform = QGuiApplication.platformName()
    checks = [Check("window system", "ok", f"Qt {qt_version()} on {platform}")]
    checks.append(translation_check())
    checks.append(sound_check())
    checks += window_checks(scratch, show=show)
    return checks


def qt_version() -> str:
    from PySide6 import __version__ as pyside_version

    return pyside_version


# --- the command: a QApplication of its own, offscreen ----------------------------------------


def run_command(session: Session) -> list[Check]:
    """All the checks for ``counter-app self-test``: the core ones, then the Qt ones."""
    checks = session.core_checks()
    checks.append(phone_pages_check(session.scratch))
    # Before the QApplication exists: no screen is needed, and none is touched.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from counter_app.gui.shell import platform_check

    problem = platform_check.check()
    if problem is not None:
        checks.append(Check("window system", "FAIL", " ".join(problem.split())))
        return checks
    from counter_app.gui.shell.app import application

    # Qt's own chatter (no PulseAudio server, what the offscreen platform cannot do) goes
    # to the log file: stdout is one line a check, stderr the one line naming failures.
    previous = qInstallMessageHandler(_to_log)
    app = application()
    language = i18n.choose_language(session.scratch.config)
    translation = i18n.Translation(language).install(app)
    try:
        checks += qt_checks(session.scratch, show=True)
    finally:
        translation.remove(app)
        qInstallMessageHandler(previous)
    return checks


def _to_log(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = logging.DEBUG if kind == QtMsgType.QtDebugMsg else logging.INFO
    logging.getLogger("counter_app.qt").log(level, "%s: %s", context.category, message)


# --- Help > Self-test in the running app --------------------------------------------------------


def run_in_app(parent: QWidget, ctx: Context, show: Callable[..., None] | None = None) -> None:
    """The same checks from the desk's menu: the core ones on a worker thread (the printer
    may take seconds to answer), the Qt ones on the GUI thread, then the list in a dialog."""
    session_holder: dict[str, Session] = {}
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))

    def core() -> list[Check]:
        session = Session(ctx.config_path, ctx.config.database.url)
        session_holder["session"] = session
        return [*session.core_checks(), phone_pages_check(session.scratch)]

    def done(result: Any, error: BaseException | None) -> None:
        session = session_holder.get("session")
        try:
            if error is not None:
                checks = [Check("self-test", "FAIL", f"{type(error).__name__}: {error}")]
            else:
                checks = list(result)
                if session is not None:
                    checks += qt_checks(session.scratch, show=False)
        finally:
            if session is not None:
                session.close()
            QApplication.restoreOverrideCursor()
        (show or show_results)(parent, checks)

    ctx.render.submit(core, done, name="self-test")


def summary(checks: list[Check]) -> str:
    failed = failed_names(checks)
    if failed:
        return QCoreApplication.translate("selftest", "Failed: {checks}").format(
            checks=", ".join(failed)
        )
    return QCoreApplication.translate("selftest", "All {count} checks passed.").format(
        count=len(checks)
    )


class SelfTestDialog(QDialog):
    """The checks, one line each, as ``counter-app self-test`` prints them."""

    def __init__(self, parent: QWidget | None, checks: list[Check]) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("selftest", "Self-test"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(summary(checks), self)
        layout.addWidget(self.summary)
        self.lines = QPlainTextEdit(self)
        self.lines.setReadOnly(True)
        self.lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.lines.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.lines.setPlainText("\n".join(c.line() for c in checks))
        layout.addWidget(self.lines)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(
            QCoreApplication.translate("dialogs", "Close"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(900, 420)


def show_results(parent: QWidget | None, checks: list[Check]) -> None:
    """Reached as a module attribute, so a test can replace it."""
    dialog = SelfTestDialog(parent, checks)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
