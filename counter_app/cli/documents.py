"""documents: the ready list of finished documents from a script or the back office.

`documents import FILE` reads the registry's export whole before it writes anything (a
bad row is named with its line and reason, exit 2, nothing imported); `documents list`
shows the list with the NIK masked; `documents ready` and `documents handed` mark one.
"""

from __future__ import annotations

import argparse

from counter_app.core import words
from counter_app.core.config import Config
from counter_app.core.documents import BadExport, parse_export
from counter_app.core.model import Document
from counter_app.core.queue import open_queue

from .failures import EXIT_OK, EXIT_USAGE
from .output import emit, tell
from .reports import day_option


def _say(cfg: Config, key: str, **fields: object) -> str:
    return words.text(f"cli.documents_{key}", cfg.office.language, **fields)


def _line(d: Document, cfg: Config) -> str:
    state = _say(cfg, f"state_{d.state}")
    when = d.handed_at.strftime("%Y-%m-%d %H:%M") if d.handed_at else d.finished_on.isoformat()
    ticket = f" ({d.ticket_code})" if d.ticket_code else ""
    nik = d.masked_nik or "-"
    service = cfg.service_name(d.service)
    return f"{d.number:<20} {d.kind:<8} {nik:<16} {service}  {state} {when}{ticket}"


def documents(args: argparse.Namespace, cfg: Config) -> int:
    queue = open_queue(cfg)
    if args.action == "import":
        try:
            data = args.file.read_bytes()
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(args.file)) from None
        try:
            records = parse_export(
                data, cfg.documents, path=str(args.file), today=queue.today(),
                lang=cfg.office.language,
            )  # fmt: skip
        except BadExport as bad:
            tell(str(bad))
            return EXIT_USAGE
        result = queue.import_documents(records)
        args.output.done = _say(cfg, "imported_done", n=result.total)
        emit(args, result.as_json(), _say(cfg, "imported", **result.as_json()))
        return EXIT_OK
    if args.action == "list":
        found = queue.documents(kind=args.kind, state=args.state)
        head = _say(cfg, "listed", n=len(found))
        emit(
            args,
            {"documents": [d.as_json() for d in found]},
            "\n".join([head, *(_line(d, cfg) for d in found)]),
        )
        return EXIT_OK
    if args.action == "ready":
        finished = day_option(args.date)
        doc = queue.mark_ready(args.number, args.kind, nik=args.nik, finished_on=finished)
        args.output.done = _say(cfg, "ready_done", number=doc.number)
        emit(args, doc.as_json(), _line(doc, cfg))
        return EXIT_OK
    doc = queue.hand_over(args.number)  # "handed"
    args.output.done = _say(cfg, "handed_done", number=doc.number)
    emit(args, doc.as_json(), _line(doc, cfg))
    return EXIT_OK
