"""How a window starts the web server: as its own process, never inside the window.

A separate process keeps 500 phones' event streams off the desk's interpreter lock, and
a fault in the server from taking the desk down with it.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

from counter_app.core import paths
from counter_app.core.config import Config

CLI_NAME = "counter-app-cli"  # the bundle's console companion (build.spec)


def server_command(
    config_path: Path | None,
    *,
    db_url: str | None = None,
    host: str | None = None,
    port: int | None = None,
) -> list[str]:
    """The command line that runs `counter-app web` with this station's settings."""
    if paths.is_frozen():
        exe = Path(sys.executable).with_name(CLI_NAME + (".exe" if sys.platform == "win32" else ""))
        command = [str(exe)]
    else:
        command = [sys.executable, "-m", "counter_app"]
    if config_path is not None:
        command += ["--config", str(config_path)]
    if db_url is not None:
        command += ["--db", db_url]
    # The desk keeps the child's standard input open; if the desk dies without stopping
    # it, the pipe closes and the server ends too instead of holding the port.
    command += ["web", "--stop-when-stdin-closes"]
    if host is not None:
        command += ["--host", host]
    if port is not None:
        command += ["--port", str(port)]
    return command


def lan_address() -> str | None:
    """This PC's address on the office network, as far as its host name tells (no traffic)."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return None
    for *_rest, sockaddr in infos:
        address = str(sockaddr[0])
        if not address.startswith("127."):
            return address
    return None


def address_for_phones(cfg: Config, *, port: int | None = None) -> str:
    """The address to hang up in the office: `[web] public_url`, else this PC's (on
    ``port`` when the server listens on another than the configured one)."""
    if cfg.web.public_url:
        return cfg.web.public_url
    host = cfg.web.host
    if host in ("0.0.0.0", "::", ""):
        host = lan_address() or "127.0.0.1"
    return f"http://{host}:{cfg.web.port if port is None else port}"
