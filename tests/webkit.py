"""A real `counter-app web` process for the tests: started on a free port, stopped after."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from counter_app.web.serve import READY


@contextmanager
def web_process(config: Path, *, timeout: float = 30.0) -> Iterator[tuple[subprocess.Popen, str]]:
    """The phone pages' server on 127.0.0.1 and a free port: the process and its base URL,
    once it listens. Stopped (SIGTERM, then kill) when the block ends."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "counter_app",
            "--config",
            str(config),
            "web",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # blocks until the server listens or dies
        if not line.startswith(READY):
            proc.kill()
            _out, err = proc.communicate(timeout=timeout)
            raise AssertionError(f"web server did not start: {line!r} {err!r}")
        yield proc, line.split()[-1]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def web_server(config: Path) -> Iterator[str]:
    """Only the base URL of web_process()."""
    with web_process(config) as (_proc, base):
        yield base
