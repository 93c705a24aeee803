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

from counter_app import stopping
from counter_app.core.config import Config
from counter_app.core.queue import Queue
from counter_app.storage.db import Database
from counter_app.web.guard import (
    Bounds,
    Guard,
    HeadLimit,
    current_open_file_limit,
    files_needed,
    quiet_library_logs,
    raise_open_file_limit,
)
from counter_app.web.launch import address_for_phones
from counter_app.web.server import create_app

log = logging.getLogger(__name__)
READY = "counter-app web: serving on"  # the first line on stdout, for the desk and tests


class ListenError(Exception):
    """The address cannot be listened on (in use, not this PC's, no permission)."""


def listen(host: str, port: int, *, backlog: int = Bounds.listen_queue) -> socket.socket:
    """The listening socket, bound here so a busy port is one clear line, not uvicorn's
    log and exit."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if sys.platform != "win32":  # on Windows it would let two servers share the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(backlog)
    except OSError as exc:
        sock.close()
        why = "is in use" if exc.errno in (98, 10048, 48) else (exc.strerror or str(exc))
        raise ListenError(f"web: cannot listen on {host}:{port}: {why}") from None
    sock.set_inheritable(True)
    return sock


class GuardedServer(uvicorn.Server):
    """uvicorn's server with its guard's listen queue, which tells what the guard counted
    last before it stops (uvicorn raises the stopping signal again once it has stopped,
    so nothing after it runs)."""

    def __init__(self, config: uvicorn.Config, guard: Guard) -> None:
        super().__init__(config)
        self.guard = guard

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        # asyncio listened with its accept batch (uvicorn's `backlog`) as the queue too;
        # the kernel's queue may be longer: it holds no open files.
        for sock in sockets or []:
            sock.listen(self.guard.bounds.listen_queue)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        try:
            await super().shutdown(sockets=sockets)
        finally:
            self.guard.report.flush()
            self.guard.report.cancel()


def make_server(app: Any, guard: Guard | None = None) -> GuardedServer:
    """uvicorn serving ``app`` under ``guard``'s bounds (default: the usual ones, within
    the open-file limit in force now)."""
    if guard is None:
        guard = Guard(open_files=current_open_file_limit())
    quiet_library_logs()
    bounds = guard.bounds
    return GuardedServer(
        uvicorn.Config(
            HeadLimit(app, guard),
            http=guard.protocol(),
            ws="none",  # no WebSocket routes; an upgrade would leave the guard's count
            log_config=None,  # the app's own logging (a rotating file) stays in charge
            access_log=False,  # no visitor's address or ticket in any log
            server_header=False,
            # Forwarded headers rewrite the client's address (and so whom the rate
            # limits count) only when a trusted proxy sent them; with none, never.
            proxy_headers=bool(guard.trusted),
            forwarded_allow_ips=[str(network) for network in guard.trusted],
            backlog=bounds.accept_batch,
            timeout_keep_alive=bounds.keep_alive,
            h11_max_incomplete_event_size=bounds.max_header_bytes,
            timeout_graceful_shutdown=2,  # open event streams must not hold up a stop
        ),
        guard,
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
    bounds = Bounds()
    guard = Guard(
        bounds,
        trusted_proxies=cfg.web.trusted_proxies,
        open_files=raise_open_file_limit(files_needed(bounds)),
    )
    sock = listen(host, port, backlog=bounds.listen_queue)
    bound_port = sock.getsockname()[1]
    server = make_server(create_app(cfg, Queue(db, cfg), Queue(db, cfg)), guard)

    if stop_on_eof and sys.stdin is not None:
        _stop_on_eof(server)

    async def run() -> None:
        # accept() out of files is counted in the log, not printed with a traceback
        asyncio.get_running_loop().set_exception_handler(guard.loop_exception_handler())
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started and not task.done():
            await asyncio.sleep(0.02)
        if server.started:
            shown = host if host not in ("0.0.0.0", "::") else "127.0.0.1"
            print(f"{READY} http://{shown}:{bound_port}", flush=True)
            print(f"phones: {address_for_phones(cfg, port=bound_port)}", flush=True)
            log.info(
                "phone pages on %s:%s, up to %d connections (%d an address)",
                host,
                bound_port,
                guard.max_connections,
                bounds.per_address,
            )
        await task

    asked: list[int] = []

    def stop(signum: int) -> None:
        asked.append(signum)
        server.should_exit = True

    # uvicorn handles SIGINT and SIGTERM while it serves, then raises the signal again
    # for the handler in force before it: ours, so the stop ends with exit status 0
    # rather than by the signal (and SIGHUP stops it the same way).
    try:
        with stopping.on_stop_signals(stop):
            asyncio.run(run())
    finally:
        sock.close()
    if asked:  # logged now, not in the signal handler: see stopping.on_stop_signals
        stopping.said_to_stop(asked[0])
    return 0
