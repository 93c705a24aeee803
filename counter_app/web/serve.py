"""`counter-app web`: serve the phone pages with uvicorn until stopped."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import sys
import threading
from typing import Any

import uvicorn

from counter_app.core.config import Config
from counter_app.core.queue import Queue
from counter_app.storage.db import Database
from counter_app.web.launch import address_for_phones
from counter_app.web.server import create_app

log = logging.getLogger(__name__)
READY = "counter-app web: serving on"  # the first line on stdout, for the desk and tests


class ListenError(Exception):
    """The address cannot be listened on (in use, not this PC's, no permission)."""


def listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so a busy port is one clear line, not uvicorn's
    log and exit."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if sys.platform != "win32":  # on Windows it would let two servers share the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        why = "is in use" if exc.errno in (98, 10048, 48) else (exc.strerror or str(exc))
        raise ListenError(f"web: cannot listen on {host}:{port}: {why}") from None
    sock.set_inheritable(True)
    return sock


def make_server(app: Any) -> uvicorn.Server:
    return uvicorn.Server(
        uvicorn.Config(
            app,
            log_config=None,  # the app's own logging (a rotating file) stays in charge
            access_log=False,  # no visitor's address or ticket in any log
            server_header=False,
            timeout_graceful_shutdown=2,  # open event streams must not hold up a stop
            timeout_keep_alive=30,
        )
    )


def _stop_on_eof(server: uvicorn.Server) -> None:
    """Stop the server when standard input reaches its end (the parent went away)."""

    def watch() -> None:
        try:
            while os.read(sys.stdin.fileno(), 4096):
                pass
        except (OSError, ValueError):
            pass
        log.info("standard input closed: stopping the phone pages")
        server.should_exit = True

    threading.Thread(target=watch, name="stdin-watch", daemon=True).start()


def serve(cfg: Config, db: Database, *, host: str, port: int, stop_on_eof: bool = False) -> int:
    sock = listen(host, port)
    bound_port = sock.getsockname()[1]
    server = make_server(create_app(cfg, Queue(db, cfg), Queue(db, cfg)))

    if stop_on_eof and sys.stdin is not None:
        _stop_on_eof(server)

    async def run() -> None:
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started and not task.done():
            await asyncio.sleep(0.02)
        if server.started:
            shown = host if host not in ("0.0.0.0", "::") else "127.0.0.1"
            print(f"{READY} http://{shown}:{bound_port}", flush=True)
            print(f"phones: {address_for_phones(cfg, port=bound_port)}", flush=True)
            log.info("phone pages on %s:%s", host, bound_port)
        await task

    try:
        asyncio.run(run())
    finally:
        sock.close()
    return 0
