"""`counter-app self-test`: is this PC (and this build) ready for the front desk?

The checks that need no Qt live here: the configuration, a throwaway database migrated
from scratch, a ticket issued on it and rendered as ESC/POS bytes and as a preview
image, the bundled voice clips, the configured database and the configured printer.
counter_app.gui.selftest adds the windows, the translations and the sound output, and
the desk's Help menu shows the same list. Nothing here touches the office's queue:
the ticket goes into a temporary SQLite file that is deleted afterwards.

Each check gives one ``Check``: ``ok``, ``note`` (worth knowing, not a failure: a PC
without sound), ``skip`` (could not be tried because an earlier check failed) or
``FAIL``.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from counter_app.core import clock as clocks
from counter_app.core import config as config_mod
from counter_app.core.config import Config, ConfigError, DatabaseSettings
from counter_app.core.model import Ticket
from counter_app.core.queue import Queue
from counter_app.printing.preview import png_bytes
from counter_app.printing.printer import TicketPrinter
from counter_app.speech.announce import Announcement, clip_sequence
from counter_app.speech.clips import ClipLibrary
from counter_app.storage.db import failure_reason, open_database

log = logging.getLogger(__name__)

Outcome = Literal["ok", "note", "skip", "FAIL"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ESC_INIT = b"\x1b@"  # ESC @: every job starts by resetting the printer


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    outcome: Outcome
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.outcome == "FAIL"

    def line(self, width: int = 16) -> str:
        return f"{self.outcome:<5} {self.name:<{width}} {self.detail}".rstrip()

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "outcome": self.outcome, "detail": self.detail}


def failed_names(checks: list[Check]) -> list[str]:
    return [c.name for c in checks if c.failed]


def _plain(exc: BaseException) -> str:
    reason = failure_reason(exc) or getattr(exc, "message", None)  # a database, a Refused
    text = reason if reason is not None else (str(exc) or type(exc).__name__)
    return " ".join(text.split())


def run_check(name: str, probe: Callable[[], tuple[Outcome, str]]) -> Check:
    """One check; an exception is its failure, in one line (the traceback goes to the log)."""
    started = time.perf_counter()
    try:
        outcome, detail = probe()
    except Exception as exc:
        log.warning("self-test: %s failed", name, exc_info=True)
        return Check(name, "FAIL", _plain(exc))
    log.info("self-test: %s %s in %.0f ms", name, outcome, 1000 * (time.perf_counter() - started))
    return Check(name, outcome, detail)


# --- the configuration ------------------------------------------------------------------------


def load_configuration(path: Path | None, db_url: str | None = None) -> tuple[Config | None, Check]:
    """The configured Config (None when it has a problem) and its check."""
    try:
        cfg, where = config_mod.load(path, db_url)
    except ConfigError as exc:
        return None, Check("configuration", "FAIL", " | ".join(str(exc).splitlines()))
    return cfg, Check("configuration", "ok", str(where))


def sample_configuration() -> Config:
    """The shipped sample, for the checks of the program itself when the file is broken."""
    import tomllib

    return config_mod.parse_config(tomllib.loads(config_mod.sample_config()), "sample.toml")


def throwaway(cfg: Config, folder: Path) -> Config:
    """``cfg`` on a fresh SQLite file in ``folder``, open all day, nothing suspended or at
    a zero quota: the self-test issues its ticket at any hour, never on the office's queue."""
    office = cfg.office.model_copy(update={"opening_hours": None})
    services = [
        s.model_copy(update={"suspended": None, "daily_quota": max(s.daily_quota, 1)})
        for s in cfg.services
    ]
    url = f"sqlite:///{(folder / 'self-test.sqlite3').as_posix()}"
    return cfg.model_copy(
        update={"office": office, "services": services, "database": DatabaseSettings(url=url)}
    )


# --- the program: migrations, a ticket, its print -----------------------------------------------


@dataclass
class Scratch:
    """What the checks of the program leave for the later checks (the window checks)."""

    config: Config
    queue: Queue | None = None
    ticket: Ticket | None = None


def program_checks(scratch: Scratch) -> Iterator[Check]:
    cfg = scratch.config

    def migrations() -> tuple[Outcome, str]:
        db = open_database(cfg.database_url, upgrade=True, create=True)
        try:
            current, head = db.schema_revision(), db.head_revision()
        finally:
            db.dispose()
        if current != head:
            raise RuntimeError(f"a new database stopped at schema {current}, not {head}")
        return "ok", f"a new SQLite database migrated to schema {head}"

    check = run_check("migrations", migrations)
    yield check
    if check.failed:
        return

    def ticket() -> tuple[Outcome, str]:
        scratch.queue = queue = Queue(open_database(cfg.database_url, upgrade=False), cfg)
        service = cfg.services[0]
        scratch.ticket = issued = queue.issue(service.prefix, printing=False)
        verified = queue.verify(issued.qr)
        if not verified.ok:
            raise RuntimeError(f"the ticket's own QR payload does not verify: {verified.message}")
        return "ok", f"{issued.code} issued ({service.name}), its QR verified"

    check = run_check("ticket", ticket)
    yield check
    if check.failed or scratch.ticket is None:
        return
    issued = scratch.ticket
    printer = TicketPrinter.from_config(cfg)
    service = cfg.service(issued.prefix)
    name = service.name if service else issued.prefix

    def escpos() -> tuple[Outcome, str]:
        job = printer.build(issued, name)
        if not job.data.startswith(ESC_INIT):
            raise RuntimeError(f"the job does not start with ESC @ ({job.data[:8]!r})")
        qr = "native QR" if job.qr_native else "image QR"
        profile = cfg.printer.profile
        return "ok", f"{len(job.data)} bytes, {qr}, profile {profile}, {cfg.printer.paper_mm} mm"

    yield run_check("escpos", escpos)

    def preview() -> tuple[Outcome, str]:
        png = png_bytes(printer.build(issued, name).layout)
        if not png.startswith(PNG_SIGNATURE):
            raise RuntimeError("the preview is not a PNG image")
        width = int.from_bytes(png[16:20], "big")
        height = int.from_bytes(png[20:24], "big")
        return "ok", f"PNG {width}x{height}, {len(png)} bytes"

    yield run_check("preview", preview)

    def clips() -> tuple[Outcome, str]:
        library = ClipLibrary()
        words = clip_sequence(Announcement("call", issued.code, 1))
        missing = library.missing(words)
        if missing:
            raise RuntimeError(f"missing clips in {library.folder}: {', '.join(missing)}")
        audio = library.assemble(Announcement("call", issued.code, 1))
        clip_count = len(list(library.folder.glob("*.wav")))
        return "ok", f"{clip_count} voice clips and the chime; a call lasts {audio.duration:.1f} s"

    yield run_check("sounds", clips)


# --- this PC's set-up: the configured database and printer ----------------------------------


def setup_checks(cfg: Config | None) -> Iterator[Check]:
    if cfg is None:
        why = "the configuration has a problem"
        yield Check("database", "skip", why)
        yield Check("printer", "skip", why)
        return

    def database() -> tuple[Outcome, str]:
        if cfg.may_create_database and not _sqlite_file_exists(cfg.database_url):
            return "note", "no queue yet: the app makes its database at the first start"
        db = open_database(cfg.database_url, upgrade=False)  # the app migrates it at start
        try:
            current, head = db.schema_revision(), db.head_revision()
            where = db.public_url
        finally:
            db.dispose()
        if current is None:
            return "ok", f"{where}: empty, the app creates its tables at start (schema {head})"
        if current != head:
            return "ok", f"{where}: schema {current}, the app upgrades it to {head} at start"
        return "ok", f"{where}: schema {current}"

    check = run_check("database", database)
    yield check

    def clock() -> tuple[Outcome, str]:
        db = open_database(cfg.database_url, upgrade=False)
        try:
            if db.schema_revision() != db.head_revision():
                return "skip", "the database's schema is not this app's yet"
            queue = Queue(db, cfg)
            problem = queue.clock_problem()
            reference = (
                "the database server's clock"
                if db.dialect == "postgresql"
                else "the queue's last write and this PC's monotonic clock"
            )
        finally:
            db.dispose()
        if problem is not None:
            raise RuntimeError(problem)
        return "ok", f"agrees with {reference} (within {clocks.TOLERANCE.seconds // 60} min)"

    if check.outcome == "ok":
        yield run_check("clock", clock)

    def printer() -> tuple[Outcome, str]:
        settings = cfg.printer
        if settings.kind == "none":
            return "note", 'printing is off ([printer] kind = "none")'
        state = TicketPrinter.from_config(cfg).check()
        if not state.ok:
            raise RuntimeError(f"{settings.kind}: {state.reason}")
        return ("note" if state.level == "warning" else "ok"), f"{settings.kind}: {state.reason}"

    yield run_check("printer", printer)


def _sqlite_file_exists(url: str) -> bool:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return parsed.get_backend_name() != "sqlite" or Path(parsed.database or "").exists()


class Session:
    """One self-test run: its temporary folder, removed by ``close()``."""

    def __init__(self, config_path: Path | None, db_url: str | None = None) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="counter-app-self-test-")
        self.folder = Path(self._tmp.name)
        self.config, self.config_check = load_configuration(config_path, db_url)
        base = self.config if self.config is not None else sample_configuration()
        self.scratch = Scratch(throwaway(base, self.folder))

    def core_checks(self) -> list[Check]:
        """Everything that needs no Qt, in the order it is shown."""
        checks = [self.config_check]
        checks += program_checks(self.scratch)
        checks += setup_checks(self.config)
        return checks

    def close(self) -> None:
        queue = self.scratch.queue
        if queue is not None:
            queue.db.dispose()
        self._tmp.cleanup()
