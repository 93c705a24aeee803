"""Starting the windows: ``counter-app`` / ``counter-app desk``, ``counter N``, ``display``.

Order matters: the X11 libraries are checked before Qt is touched (Qt would abort
without saying which one is missing); logging and the exception hook come before any
window, so nothing that goes wrong later is lost; the configuration and the database
are opened before the first window, and a problem with either is told in plain words.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from counter_app import __version__, logs
from counter_app.core import config as config_mod
from counter_app.core import paths
from counter_app.core.config import ConfigError
from counter_app.core.queue import DatabaseError, open_queue
from counter_app.gui.shell import dialogs, i18n, platform_check, session_end, style
from counter_app.gui.shell.context import Context
from counter_app.gui.shell.errors import ExceptionHook, dialog_disabled
from counter_app.gui.shell.registry import Window

log = logging.getLogger(__name__)
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def event_loop(app: QApplication) -> int:
    """Qt's event loop; a test replaces this to look at the windows without blocking."""
    return app.exec()


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName("counter-app")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("counter-app")
    app.setApplicationDisplayName("counter-app")
    icon = paths.resource_path("icons", "counter-app.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    style.apply(app)
    return app


def open_windows(
    ctx: Context,
    command: str | None,
    number: int | None = None,
    *,
    screen: int | None = None,
    windowed: bool = False,
) -> Window:
    """Open and show the window of ``counter-app desk|counter N|display``, as users see it.

    Raises LookupError for a counter that is not configured and ImportError when the
    lobby display is not part of this build.
    """
    command = command or "desk"
    if command == "display":
        return ctx.open_window("display", screen=screen, windowed=windowed)
    window = ctx.open_window(command, number if command == "counter" else None)
    window.showMaximized()
    return window


def fail(title: str, text: str) -> int:
    """A problem that stops the start: on stderr, and in a box for a windowed start."""
    print(f"counter-app: {title}\n{text}", file=sys.stderr)
    log.info("start refused: %s: %s", title, text)  # already on stderr
    if not dialog_disabled():
        dialogs.show_error(None, title, text)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    problem = platform_check.check()
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    log_path = logs.setup_logging()
    logs.record_crashes(f"counter-app {__version__} {args.command or 'desk'}")
    log.info("counter-app %s starting: %s", __version__, args.command)
    app = application()
    hook = ExceptionHook(log_path)
    hook.install()
    # Until the configuration says otherwise, speak the system's language.
    translation = i18n.Translation(i18n.locale_language()).install(app)
    try:
        return _start(app, args, log_path, translation)
    finally:
        translation.remove(app)
        hook.uninstall()
        log.info("counter-app stopped")


def _start(
    app: QApplication, args: argparse.Namespace, log_path: Path, translation: i18n.Translation
) -> int:
    try:
        cfg, config_path = config_mod.load(getattr(args, "config", None), getattr(args, "db", None))
    except ConfigError as exc:
        return fail(
            QCoreApplication.translate("app", "The configuration file has a problem"), str(exc)
        )
    language = i18n.choose_language(cfg)
    cfg = i18n.with_language(cfg, language)
    if language != translation.language:
        translation.remove(app)
        translation.language = language
        translation.install(app)
    try:
        queue = open_queue(cfg)
    except DatabaseError as exc:
        return fail(
            QCoreApplication.translate("app", "The queue's database cannot be opened"), str(exc)
        )
    ctx = Context(
        queue, config_path=config_path, log_path=log_path, db_override=getattr(args, "db", None)
    )
    try:
        open_windows(
            ctx,
            args.command,
            getattr(args, "number", None),
            screen=getattr(args, "screen", None),
            windowed=getattr(args, "windowed", False),
        )
    except LookupError:
        known = ", ".join(str(c.number) for c in cfg.counters) or "-"
        ctx.close()
        return fail(
            QCoreApplication.translate("app", "No such counter"),
            QCoreApplication.translate(
                "app", "Counter {number} is not in the configuration (configured: {known})."
            ).format(number=args.number, known=known),
        )
    except ImportError as exc:
        ctx.close()
        return fail(
            QCoreApplication.translate("app", "The lobby display is not available"), str(exc)
        )
    ctx.start()
    try:
        with session_end.stop_from_outside(app):  # SIGTERM, Ctrl+C, logoff: as if closed
            return event_loop(app)
    finally:
        ctx.close()
