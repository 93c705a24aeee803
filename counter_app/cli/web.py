"""web: the visitors' phone pages, served until stopped."""

from __future__ import annotations

import argparse

from counter_app.core.config import Config
from counter_app.storage.db import open_database

from .failures import CliError


def web(args: argparse.Namespace, cfg: Config) -> int:
    from counter_app.web.serve import ListenError, serve  # the web stack only for this

    db = open_database(cfg.database_url)  # an unreachable database: one line, exit 2
    try:
        return serve(
            cfg,
            db,
            host=args.host or cfg.web.host,
            port=cfg.web.port if args.port is None else args.port,
            stop_on_eof=args.stop_when_stdin_closes,
        )
    except ListenError as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
