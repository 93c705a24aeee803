"""The phone page's server (`counter-app web`) as a child process of this station.

The server runs in its own process (counter_app.web.launch says why). The window never
waits for it: QProcess tells, through signals, the line the server prints once it
listens, what it writes on stderr, and its end. Stopping asks first (its standard input
closed, and SIGTERM where there is one) and kills only if the server has not gone after
``kill_after_ms``.
"""

from __future__ import annotations

import logging
import re
import sys
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

if TYPE_CHECKING:
    from counter_app.gui.shell.context import Context

log = logging.getLogger(__name__)

KILL_AFTER_MS = 3_000
SERVING = re.compile(r"^counter-app web: serving on (\S+)\s*$")
PROBLEM_PREFIX = "counter-app: "
_TAIL_BYTES = 4_096  # of stderr kept while no complete line has come


class WebState(StrEnum):
    OFF = "off"
    STARTING = "starting"
    RUNNING = "running"
    STOPPING = "stopping"
    FAILED = "failed"  # would not start, or ended without being asked to


class WebServer(QObject):
    """One `counter-app web` process at a time: ``start()``, ``stop()``, and ``changed``
    whenever ``state``, ``serving_on`` or ``problem`` change."""

    changed = Signal()

    def __init__(
        self,
        command: list[str],
        parent: QObject | None = None,
        *,
        kill_after_ms: int = KILL_AFTER_MS,
    ) -> None:
        super().__init__(parent)
        self.command = command
        self.state = WebState.OFF
        self.serving_on: str | None = None  # the address the server said it listens on
        self.problem = ""  # the server's own line on stderr, or what went wrong starting it
        self._process: QProcess | None = None
        self._stopping = self._start_after_stop = False
        self._out = self._err = b""
        self._last_err_line = ""
        self._kill_timer = QTimer(self, singleShot=True, interval=kill_after_ms)
        self._kill_timer.timeout.connect(self._kill)

    @property
    def running(self) -> bool:
        """Started and not yet stopped or failed (it may still be starting)."""
        return self.state in (WebState.STARTING, WebState.RUNNING)

    def pid(self) -> int | None:
        """The server's process id while it runs (for the log and the tests)."""
        process = self._process
        return int(process.processId()) or None if process is not None else None

    # --- starting ---------------------------------------------------------------------

    def start(self) -> None:
        if self._process is not None:
            # One server at a time: a running one stays; one still stopping (a desk closed
            # and opened again at once) is followed by the new one when it has gone.
            self._start_after_stop = self._stopping
            return
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("PYTHONUNBUFFERED", "1")  # its first line arrives when printed
        process.setProcessEnvironment(environment)
        process.setProgram(self.command[0])
        process.setArguments(self.command[1:])
        process.readyReadStandardOutput.connect(lambda: self._read_stdout(process))
        process.readyReadStandardError.connect(lambda: self._read_stderr(process))
        process.finished.connect(lambda code, status: self._finished(process, code, status))
        process.errorOccurred.connect(lambda error: self._error(process, error))
        self._process, self._stopping, self._start_after_stop = process, False, False
        self._out = self._err = b""
        self._last_err_line = ""
        self.serving_on, self.problem = None, ""
        log.info("starting the phone page server: %s", " ".join(self._command_for_log()))
        self._set(WebState.STARTING)
        process.start()

    def _command_for_log(self) -> list[str]:
        # A --db URL may hold the database's password: not into the log file.
        after_db = [i + 1 for i, arg in enumerate(self.command) if arg == "--db"]
        return ["<database URL>" if i in after_db else a for i, a in enumerate(self.command)]

    def _read_stdout(self, process: QProcess) -> None:
        if process is not self._process:
            return
        self._out += bytes(process.readAllStandardOutput().data())
        *lines, self._out = self._out.split(b"\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace").strip()
            match = SERVING.match(line)
            if match and self.state == WebState.STARTING:
                self.serving_on = match.group(1)
                log.info("phone page server: %s", line)
                self._set(WebState.RUNNING)
            elif line:
                log.info("phone page server said: %s", line)

    def _read_stderr(self, process: QProcess) -> None:
        if process is not self._process:
            return
        self._err += bytes(process.readAllStandardError().data())
        *lines, self._err = self._err.split(b"\n")
        self._err = self._err[-_TAIL_BYTES:]
        for raw in lines:
            self._stderr_line(raw)

    def _stderr_line(self, raw: bytes) -> None:
        line = raw.decode("utf-8", "replace").strip()
        if not line:
            return
        log.info("phone page server: %s", line)
        self._last_err_line = line
        if line.startswith(PROBLEM_PREFIX):
            self.problem = line[len(PROBLEM_PREFIX) :]

    # --- stopping -------------------------------------------------------------------------

    def stop(self) -> None:
        """Ask the server to end; it is killed if it has not after ``kill_after_ms``."""
        process = self._process
        self._start_after_stop = False
        if process is None or self._stopping:
            return
        self._stopping = True
        self._set(WebState.STOPPING)
        # The server was started with --stop-when-stdin-closes: closing its input is the
        # polite stop that Windows, without SIGTERM for console programs, also has.
        process.closeWriteChannel()
        if sys.platform != "win32":
            process.terminate()
        self._kill_timer.start()

    def _kill(self) -> None:
        if self._process is not None:
            log.warning("the phone page server did not stop when asked: killed")
            self._process.kill()

    def shutdown(self) -> None:
        """Stop the server for good as the program ends, when no window is left to wait
        for: this one call waits (at most ``kill_after_ms`` and a moment more)."""
        process = self._process
        if process is None:
            return
        self._kill_timer.stop()
        self._stopping, self._start_after_stop = True, False
        process.closeWriteChannel()  # the polite stop on every platform (see stop())
        if sys.platform != "win32":
            process.terminate()
        if process.waitForFinished(self._kill_timer.interval()):
            return
        process.kill()
        process.waitForFinished(1_000)

    # --- the end --------------------------------------------------------------------------

    def _finished(self, process: QProcess, code: int, status: QProcess.ExitStatus) -> None:
        if process is not self._process:
            return
        self._read_stdout(process)
        self._read_stderr(process)
        if self._err.strip():
            self._stderr_line(self._err)
        self._end(process)
        if self._stopping:
            log.info("phone page server stopped")
            self._set(WebState.OFF)
            if self._start_after_stop:
                self.start()
            return
        if not self.problem:
            if status == QProcess.ExitStatus.CrashExit:
                self.problem = self.tr("the server stopped unexpectedly")
            else:
                self.problem = self._last_err_line or self.tr(
                    "the server ended (exit status {code})"
                ).format(code=code)
        log.warning("phone page server ended (status %s): %s", code, self.problem)
        self._set(WebState.FAILED)

    def _error(self, process: QProcess, error: QProcess.ProcessError) -> None:
        # Only a failed start ends here; a crash or a kill also reports `finished`.
        if process is not self._process or error != QProcess.ProcessError.FailedToStart:
            return
        self.problem = self.tr("the server cannot be started: {reason}").format(
            reason=process.errorString()
        )
        log.warning("phone page server: %s", self.problem)
        self._end(process)
        self._set(WebState.FAILED)

    def _end(self, process: QProcess) -> None:
        self._kill_timer.stop()
        self._process = None
        self.serving_on = None
        process.deleteLater()

    def _set(self, state: WebState) -> None:
        self.state = state
        self.changed.emit()


def station_server(ctx: Context) -> WebServer:
    """This station's phone page server, made on first use and stopped with the station;
    it reads the same configuration file and database as the windows."""

    def make() -> WebServer:
        from counter_app.web.launch import server_command  # only once a desk shows its Web menu

        return WebServer(server_command(ctx.config_path, db_url=ctx.db_override), ctx)

    return ctx.service("web", make, WebServer.shutdown)
