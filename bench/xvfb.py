"""A private X server (Xvfb) for the bench scripts that need real X11 windows.

    with Xvfb() as display:          # ":N", a display number Xvfb picked itself
        env["DISPLAY"] = display

Xvfb chooses a free display number (-displayfd), so several benches, or several
engineers on one machine, never collide on a lock file. Linux (and other X11 systems)
only; needs /usr/bin/Xvfb (Debian: apt-get install xvfb).
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import tempfile
import time
from types import TracebackType


class XvfbError(RuntimeError):
    """Xvfb is not installed or did not start."""


class Xvfb:
    """Start Xvfb on a free display; stop it on exit (SIGTERM, then SIGKILL)."""

    #: No TCP listener; -noreset: the server outlives its last client (a window restarting).
    OPTIONS = ("-nolisten", "tcp", "-noreset")

    def __init__(self, screen: str = "1920x1080x24", timeout: float = 15.0) -> None:
        self.screen = screen
        self.timeout = timeout
        self.proc: subprocess.Popen[bytes] | None = None
        self.display = ""
        # A file, not a pipe: a pipe nobody reads would block Xvfb once it is full.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as Xvfb)

    def start(self) -> str:
        binary = shutil.which("Xvfb") or "/usr/bin/Xvfb"
        if not os.access(binary, os.X_OK):
            raise XvfbError("Xvfb is not installed (Debian: apt-get install xvfb)")
        read_fd, write_fd = os.pipe()
        try:
            self.proc = subprocess.Popen(
                [binary, "-displayfd", str(write_fd), "-screen", "0", self.screen, *self.OPTIONS],
                pass_fds=(write_fd,),
                stdout=subprocess.DEVNULL,
                stderr=self._stderr,
            )
        finally:
            os.close(write_fd)
        try:
            number = self._read_line(read_fd)
        finally:
            os.close(read_fd)
        if not number.isdigit():
            detail = self._stop_and_read_stderr()
            raise XvfbError(f"Xvfb did not start within {self.timeout:.0f} s: {detail}")
        self.display = f":{number}"
        return self.display

    def _read_line(self, read_fd: int) -> str:
        """The display number, up to its newline.

        Xvfb writes the number and the newline in two write() calls and dies ("Cannot
        write display number to fd") if the pipe is closed in between: read both.
        """
        data = b""
        deadline = time.monotonic() + self.timeout
        while not data.endswith(b"\n"):
            ready, _, _ = select.select([read_fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read_fd, 32) if ready else b""
            if not chunk:  # timed out, or Xvfb exited
                break
            data += chunk
        return data.decode(errors="replace").strip()

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def describe(self) -> str:
        """For a report: running, or how it ended and the end of what it said."""
        if self.proc is None:
            return "not started"
        code = self.proc.poll()
        state = "running" if code is None else f"exited with {code}"
        self._stderr.flush()
        self._stderr.seek(0)
        said = self._stderr.read().decode(errors="replace").strip().splitlines()[-5:]
        return f"Xvfb {self.display} {state}" + "".join(f"\n    {line}" for line in said)

    def _stop_and_read_stderr(self) -> str:
        if self.proc is None:
            return ""
        self.stop()
        self._stderr.seek(0)
        return self._stderr.read().decode(errors="replace").strip()[-500:]

    def stop(self) -> None:
        proc = self.proc
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
