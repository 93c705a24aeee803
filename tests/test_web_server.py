"""The real `counter-app web` process: its event streams follow calls made by other
processes, on SQLite and PostgreSQL; its failures are one line and exit 2."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from conftest import wait_for, write_config
from webkit import cli, free_port, issue, web_process, web_server

TIMEOUT = 30


def events(response: httpx2.Response) -> Iterator[dict]:
    """The data of each `update` event of a server-sent event stream."""
    kind = None
    for line in response.iter_lines():
        if line.startswith("event:"):
            kind = line.partition(":")[2].strip()
        elif line.startswith("data:") and kind == "update":
            yield json.loads(line.partition(":")[2])


def until(stream: Iterator[dict], predicate, what: str) -> dict:  # type: ignore[no-untyped-def]
    for data in stream:
        if predicate(data):
            return data
    raise AssertionError(f"the stream ended before {what}")


def test_a_call_from_another_process_reaches_the_phone(tmp_path: Path, db_url: str) -> None:
    config = write_config(
        tmp_path / "c.toml", db_url, web={"public_url": "http://phones.example:8080"}
    )
    ticket = issue(config)
    assert ticket["qr"].startswith("http://phones.example:8080/t/CQ1:")
    path = ticket["qr"].removeprefix("http://phones.example:8080")
    with (
        web_server(config) as base,
        httpx2.Client(base_url=base, timeout=TIMEOUT) as client,
        client.stream("GET", f"{path}/events") as response,
        client.stream("GET", "/events") as board_response,
    ):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        stream, board = events(response), events(board_response)
        first = next(stream)
        assert first["state"] == "waiting"
        assert "A-001" in first["html"]
        assert "A-001" not in next(board)["html"].split("Sedang dilayani")[1].split("</ul>")[0]
        cli(config, "call", "1")  # another process: the counter's station
        called = until(stream, lambda d: d.get("state") == "called", "the call")
        assert called["alert"] == "called:1:0"
        assert "Silakan ke Loket 1" in called["html"]
        assert called["v"] > first["v"]
        until(board, lambda d: "<b>A-001</b>" in d["html"], "the board's call")
        cli(config, "done", "1")
        until(stream, lambda d: d.get("state") == "done", "the end of the visit")


def test_the_server_stops_promptly_with_streams_open(tmp_path: Path, sqlite_url: str) -> None:
    config = write_config(tmp_path / "c.toml", sqlite_url)
    cli(config, "status")  # creates the database
    with (
        web_process(config) as (proc, base),
        httpx2.Client(base_url=base, timeout=TIMEOUT) as client,
        client.stream("GET", "/events") as response,
    ):
        next(events(response))
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=TIMEOUT)  # graceful shutdown gives open streams 2 s
        assert proc.stderr is not None
        assert "Traceback" not in proc.stderr.read()


def test_phones_that_hang_up_are_let_go_at_once(tmp_path: Path, sqlite_url: str) -> None:
    """Without waiting for the next update or ping: a closed phone holds no place among
    the server's streams (it takes only so many)."""
    config = write_config(tmp_path / "c.toml", sqlite_url)
    payload = issue(config)["qr"]
    with web_server(config) as base, httpx2.Client(base_url=base, timeout=TIMEOUT) as client:

        def listeners() -> int:
            return int(client.get("/healthz").json()["listeners"])

        for path in ("/events", f"/t/{payload}/events", f"/t/{payload}/events"):
            with client.stream("GET", path) as response:
                assert next(events(response))["v"] >= 0
            # closed here, with nothing new in the queue and the next ping 15 s away
        wait_for(lambda: listeners() == 0, timeout=10)


def run_web(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counter_app", "--config", str(config), "web", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def test_a_busy_port_is_one_line_and_exit_2(tmp_path: Path, sqlite_url: str) -> None:
    config = write_config(tmp_path / "c.toml", sqlite_url)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        proc = run_web(config, "--host", "127.0.0.1", "--port", str(port))
    assert proc.returncode == 2
    assert proc.stderr == f"counter-app: web: cannot listen on 127.0.0.1:{port}: is in use\n"


def test_an_unreachable_database_at_start_is_one_line_and_exit_2(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/antrian"
    config = write_config(tmp_path / "c.toml", url)
    proc = run_web(config, "--host", "127.0.0.1", "--port", "0")
    assert proc.returncode == 2
    assert proc.stderr.startswith("counter-app: database: ")
    assert proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("port", ["65536", "-1", "http"])
def test_a_bad_port_is_a_usage_error(tmp_path: Path, sqlite_url: str, port: str) -> None:
    config = write_config(tmp_path / "c.toml", sqlite_url)
    proc = run_web(config, "--port", port)
    assert proc.returncode == 2
    assert "--port" in proc.stderr


def test_the_desks_server_ends_when_the_desk_is_gone(tmp_path: Path, sqlite_url: str) -> None:
    """The desk starts the server with --stop-when-stdin-closes and keeps its standard
    input open; a desk killed outright closes the pipe, and the server must not keep
    holding the port."""
    from counter_app.web.launch import server_command

    config = write_config(tmp_path / "c.toml", sqlite_url)
    cli(config, "status")
    command = server_command(config, host="127.0.0.1", port=0)
    assert "--stop-when-stdin-closes" in command
    proc = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().startswith("counter-app web: serving on")
        assert proc.poll() is None
        proc.stdin.close()  # what the kernel does when the desk dies
        proc.wait(timeout=TIMEOUT)
    finally:
        proc.kill()
        proc.wait()
