"""A real `counter-app web` process for the tests: started on a free port, stopped after."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from counter_app.web.serve import READY


@contextmanager
def web_server(config: Path, *, timeout: float = 20.0) -> Iterator[str]:
    """Runs the phone pages' server on 127.0.0.1 and a free port; yields its base URL."""
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
        deadline = time.monotonic() + timeout
        assert proc.stdout is not None
        line = proc.stdout.readline()  # blocks until the server listens or dies
        if not line.startswith(READY):
            proc.kill()
            _out, err = proc.communicate(timeout=5)
            raise AssertionError(f"web server did not start: {line!r} {err!r}")
        assert time.monotonic() < deadline
        yield line.split()[-1]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
