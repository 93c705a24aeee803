"""A real `counter-app web` process for the tests: started on a free port, stopped after."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from counter_app.web.serve import READY


def free_port() -> int:
    """A loopback port nothing listens on (now)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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


def cli(config: Path, *args: str) -> str:
    """Run `counter-app --config CONFIG ARGS` as another process, as a counter would;
    its stdout. A refusal or an error fails with its stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "counter_app", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    if done.returncode != 0:
        raise AssertionError(f"counter-app {' '.join(args)}: exit {done.returncode}: {done.stderr}")
    return done.stdout


def issue(config: Path, prefix: str = "A") -> dict[str, Any]:
    """Issue a ticket from the command line (no print); the ticket as JSON."""
    ticket: dict[str, Any] = json.loads(cli(config, "issue", prefix, "--no-print", "--json"))
    return ticket


#: each way a posted form is not one our page sent, and the status it must get
FORGED = [
    ("no token", 403),
    ("another token", 403),
    ("another site", 403),
    ("no origin", 403),
    ("no cookie", 403),
    ("json body", 415),
    ("huge body", 413),
    ("two values", 400),
]


def post_forged(
    client: Any,
    base: str,
    path: str,
    data: dict[str, str],
    change: str,
    *,
    huge: dict[str, str],
    repeated: str,
) -> Any:
    """POST the form ``data`` (its "csrf" token from our page) to ``path``, spoiled as
    ``change`` (one of FORGED) says: ``huge`` the fields that make the body too long,
    ``repeated`` the whole body with one field given twice. The client's answer."""
    data, headers = dict(data), {"origin": base}
    token = data["csrf"]
    if change == "no token":
        del data["csrf"]
    elif change == "another token":
        data["csrf"] = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    elif change == "another site":
        headers["origin"] = "https://evil.example"
    elif change == "no origin":
        headers = {}
    elif change == "no cookie":
        client.cookies.clear()
    if change == "json body":
        return client.post(path, json=data, headers=headers)
    if change == "huge body":
        return client.post(path, data={**data, **huge}, headers=headers)
    if change == "two values":
        form = {**headers, "content-type": "application/x-www-form-urlencoded"}
        return client.post(path, content=repeated.encode(), headers=form)
    return client.post(path, data=data, headers=headers)
