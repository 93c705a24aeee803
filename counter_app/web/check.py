"""The self-test's look at the phone pages: serve them for a moment and read them back.

Run on the self-test's throwaway database and ticket, it proves what a frozen bundle can
lose: the templates, the script and style, the chime, and uvicorn's own modules.
"""

from __future__ import annotations

import threading
import time
import urllib.request
from urllib.parse import quote

from counter_app.core.queue import Queue
from counter_app.core.tokens import payload_from_scan
from counter_app.selftest import Check, Outcome, Scratch, run_check
from counter_app.web.serve import listen, make_server
from counter_app.web.server import create_app

_TIMEOUT = 10.0


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=_TIMEOUT) as response:
        return int(response.status), response.read()


def phone_pages_check(scratch: Scratch) -> Check:
    queue, ticket = scratch.queue, scratch.ticket
    if queue is None or ticket is None:
        return Check("phone pages", "skip", "no ticket to show (an earlier check failed)")

    def probe() -> tuple[Outcome, str]:
        cfg = scratch.config
        sock = listen("127.0.0.1", 0)
        port = sock.getsockname()[1]
        server = make_server(create_app(cfg, Queue(queue.db, cfg), Queue(queue.db, cfg)))
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="self-test-web", daemon=True
        )
        thread.start()
        try:
            deadline = time.monotonic() + _TIMEOUT
            while not server.started:
                if not thread.is_alive() or time.monotonic() > deadline:
                    raise RuntimeError("the web server did not start")
                time.sleep(0.02)
            base = f"http://127.0.0.1:{port}"
            payload = quote(payload_from_scan(ticket.qr), safe=":")
            sizes = []
            for path, must_hold in (
                (f"/t/{payload}", ticket.code.encode()),
                ("/", b'id="live"'),
                ("/static/app.js", b"EventSource"),
                ("/static/style.css", b".state"),
                ("/static/chime.wav", b"RIFF"),
            ):
                status, body = _get(base + path)
                if status != 200 or must_hold not in body:
                    raise RuntimeError(f"{path} answered {status} without what it should show")
                sizes.append(len(body))
        finally:
            server.should_exit = True
            thread.join(_TIMEOUT)
            sock.close()
        return "ok", f"served and read back {len(sizes)} pages and files on 127.0.0.1"

    return run_check("phone pages", probe)
