"""The office's configuration: one TOML file, declared once here with types and defaults.

Every problem is reported as a ConfigError naming the file, the key and what is wrong,
so the command line and the windows can show it without a traceback.
"""

from __future__ import annotations

import ipaddress
import os
import re
import secrets
import socket
import stat
import tomllib
from datetime import time
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from counter_app.core import paths
from counter_app.core.admin import HASH_RE

PREFIX_RE = re.compile(r"^[A-Z]{1,2}$")
HOURS_RE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_GROUP = 4


class ConfigError(Exception):
    """A configuration problem a person can fix: file, key and what is wrong."""

    def __init__(self, path: Path | str | None, problems: list[tuple[str, str]]) -> None:
        self.path = Path(path) if path is not None else None
        self.problems = problems
        where = str(self.path) if self.path is not None else "<config>"
        lines = [
            f"{where}: {key}: {problem}" if key else f"{where}: {problem}"
            for key, problem in problems
        ]
        super().__init__("\n".join(lines))


class _Section(BaseModel):
    # strict: "20" is not 20; extra=forbid: a misspelt key is an error, not silently ignored
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class OfficeSettings(_Section):
    name: str = "Disdukcapil Kota Balikpapan"
    timezone: str = "Asia/Makassar"
    opening_hours: str | None = None
    language: Literal["id", "en"] = "id"
    station: str = Field(default_factory=socket.gethostname)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r} (use an IANA name such as Asia/Makassar)"
            ) from None
        return value

    @field_validator("opening_hours")
    @classmethod
    def _hours(cls, value: str | None) -> str | None:
        if value is None:
            return None
        m = HOURS_RE.match(value.strip())
        if not m:
            raise ValueError(f"{value!r} is not of the form HH:MM-HH:MM")
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2, m2) > (24, 0):
            raise ValueError(f"{value!r} is not a valid time range")
        if (h1, m1) >= (h2, m2):
            raise ValueError(f"{value!r}: opening must be before closing")
        return value.strip()

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def hours(self) -> tuple[time, time] | None:
        if self.opening_hours is None:
            return None
        m = HOURS_RE.match(self.opening_hours)
        assert m is not None
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        close = time(23, 59, 59, 999999) if (h2, m2) == (24, 0) else time(h2, m2)
        return time(h1, m1), close


class CapacitySettings(_Section):
    limit: int = Field(default=20, ge=1, le=10_000)
    when_full: Literal["refuse", "wait_outside"] = "refuse"


class DatabaseSettings(_Section):
    url: str | None = None

    @field_validator("url")
    @classmethod
    def _scheme(cls, value: str | None) -> str | None:
        problem = None if value is None else database_url_problem(value)
        if problem:
            raise ValueError(problem)
        return value


def database_url_problem(url: str) -> str | None:
    """What is wrong with a database URL, for `[database] url` and `--db` alike."""
    if not url.strip():
        return "must not be empty (leave it out for the SQLite file in the user data folder)"
    shown = url if len(url) <= 80 else f"{url[:60]}… ({len(url)} characters)"
    if not url.startswith(("sqlite", "postgresql")):
        return f"must start with sqlite:/// or postgresql+psycopg:// (got {shown!r})"
    if len(url) > 2000:
        return f"is too long ({len(url)} characters)"
    from sqlalchemy.engine import make_url  # only here: loading a config needs no SQLAlchemy

    try:
        parsed = make_url(url)
    except Exception as exc:  # SQLAlchemy's ArgumentError and whatever its parser raises
        return f"is not a database URL ({exc})"
    text_parts = (parsed.database or "", parsed.host or "", parsed.username or "")
    if any(ord(ch) < 32 for part in text_parts for ch in part):
        return "contains a control character (a %00 or similar)"
    backend, driver = parsed.get_backend_name(), parsed.get_driver_name()
    if backend == "sqlite":
        if driver not in ("", "pysqlite"):
            return f"SQLite is opened by Python's own sqlite3: write sqlite:///PATH (got {shown!r})"
        if not parsed.database or parsed.database == ":memory:":
            return (
                "needs a file path: sqlite:///C:/antrian/queue.sqlite3 or sqlite:////var/lib/q.db"
            )
        if parsed.query:
            return f"takes no options after '?' for SQLite ({', '.join(sorted(parsed.query))})"
        return None
    if backend == "postgresql" and driver not in ("", "psycopg"):
        return (
            "counter-app reaches PostgreSQL through psycopg 3: write postgresql+psycopg://… "
            f"or postgresql://… (got driver {driver!r})"
        )
    if backend != "postgresql":
        return f"must start with sqlite:/// or postgresql+psycopg:// (got {shown!r})"
    return None


class TicketSettings(_Section):
    secret: str

    @field_validator("secret")
    @classmethod
    def _strong(cls, value: str) -> str:
        if len(value.strip()) < 16:
            raise ValueError("must be at least 16 characters (counter-app init-config makes one)")
        return value


class ServiceSettings(_Section):
    prefix: str
    name: str
    name_en: str | None = None
    daily_quota: int = Field(ge=0, le=9999)
    average_minutes: float = Field(default=5.0, gt=0, le=480)
    suspended: str | None = None

    @field_validator("prefix")
    @classmethod
    def _prefix(cls, value: str) -> str:
        if not PREFIX_RE.match(value):
            raise ValueError(f'{value!r} must be one or two capital letters, e.g. "A"')
        return value


class CounterSettings(_Section):
    number: int = Field(ge=1, le=999)
    name: str | None = None
    services: list[str] = Field(min_length=1)

    @property
    def label(self) -> str:
        return self.name or f"Loket {self.number}"


Colour = Annotated[str, Field(pattern=COLOUR_RE.pattern)]


class ThemeSettings(_Section):
    # Every text on the display reads at 7:1 or more against what lies behind it (WCAG AAA),
    # panels and tiles included (tests/test_gui_display.py measures it from the pixels).
    background: Colour = "#0a1f3c"
    foreground: Colour = "#ffffff"
    accent: Colour = "#ffd75e"
    highlight: Colour = "#ffb870"
    muted: Colour = "#c2d3e6"


class DisplaySettings(_Section):
    screen: int = Field(default=0, ge=0, le=16)
    ticker: str = "Harap jaga jarak. Info layanan kependudukan: WhatsApp 08164560808"
    recent_calls: int = Field(default=6, ge=1, le=20)
    chime: bool = True
    voice: bool = True
    volume: int = Field(default=80, ge=0, le=100)
    theme: ThemeSettings = Field(default_factory=ThemeSettings)


PrinterKind = Literal["preview", "network", "usb", "serial", "file", "cups", "lp", "win32", "none"]


class PrinterSettings(_Section):
    kind: PrinterKind = "preview"
    host: str | None = None
    port: int = Field(default=9100, ge=1, le=65535)
    timeout: float = Field(default=3.0, gt=0, le=30)
    vendor_id: int | None = Field(default=None, ge=0, le=0xFFFF)
    product_id: int | None = Field(default=None, ge=0, le=0xFFFF)
    in_ep: int | None = Field(default=None, ge=0, le=0xFF)
    out_ep: int | None = Field(default=None, ge=0, le=0xFF)
    device: str | None = None
    baudrate: int = Field(default=9600, ge=1200, le=921600)
    name: str | None = None
    folder: str | None = None
    profile: str = "default"
    paper_mm: Literal[58, 80] = 80
    width_dots: Literal[384, 512, 576] | None = None
    copies: int = Field(default=1, ge=1, le=2)
    cut: bool = True
    qr: Literal["auto", "native", "image"] = "auto"
    retries: int = Field(default=2, ge=0, le=10)
    footer: list[str] = Field(
        default_factory=lambda: [
            "Harap jaga jarak",
            "Info layanan: WhatsApp 08164560808",
        ]
    )

    @model_validator(mode="after")
    def _needs(self) -> PrinterSettings:
        required = {
            "network": ("host",),
            "usb": ("vendor_id", "product_id"),
            "serial": ("device",),
            "file": ("device",),
            "cups": ("name",),
            "lp": ("name",),
            "win32": ("name",),
        }.get(self.kind, ())
        missing = [key for key in required if getattr(self, key) is None]
        if missing:
            raise ValueError(f"kind = {self.kind!r} needs {', '.join(missing)}")
        return self

    @property
    def dots(self) -> int:
        return self.width_dots or (384 if self.paper_mm == 58 else 576)


class AdminSettings(_Section):
    # The settings dialog's PIN as a salted scrypt hash (`counter-app admin-pin` sets it).
    pin_hash: str | None = None

    @field_validator("pin_hash")
    @classmethod
    def _hash(cls, value: str | None) -> str | None:
        if value is not None and not HASH_RE.fullmatch(value):
            raise ValueError("is not a PIN hash made by `counter-app admin-pin`")
        return value


class RetentionSettings(_Section):
    # Tickets and their events older than this many days are purged; each purged day's
    # report is kept (the daily_reports table), so `counter-app report` still shows it.
    days: int = Field(default=365, ge=1, le=36500)


_URL_RE = re.compile(r"^https?://[^\s/?#@]+(/[^\s?#]*)?$", re.ASCII | re.IGNORECASE)


def _trusted_proxy(value: str) -> str:
    """One entry of `[web] trusted_proxies`: an IP address or a network of them."""
    entry = value.strip()
    shown = repr(entry) if len(entry) <= 45 else f"{entry[:40]!r}…"
    try:
        network = ipaddress.ip_network(entry)
    except ValueError:
        try:
            meant = ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise ValueError(
                f'{shown} is not an IP address or network, e.g. "127.0.0.1" or "10.0.0.0/8"'
            ) from None
        raise ValueError(f"{shown} has host bits set: the network is {str(meant)!r}") from None
    if network.prefixlen == 0:
        raise ValueError(f"{shown} would trust every address: name the proxy's own")
    return entry


class WebSettings(_Section):
    # The visitor's phone page (`counter-app web`): read-only, shows no personal data.
    enabled: bool = False  # the desk starts the server when it opens (its menu can too)
    host: str = "0.0.0.0"  # every network interface: phones reach it over the office Wi-Fi
    port: int = Field(default=8080, ge=1, le=65535)
    # The address phones reach, e.g. "http://192.168.1.10:8080". When set, the ticket's
    # QR holds PUBLIC_URL/t/PAYLOAD, so a phone's camera opens the live page.
    public_url: str | None = None
    # Reverse proxies in front of the server (IP addresses or networks, e.g. ["127.0.0.1"]
    # for one on this PC): only their X-Forwarded-For names the visitor, whom the
    # per-address limits count. Empty: forwarded headers are ignored from everyone.
    trusted_proxies: list[Annotated[str, AfterValidator(_trusted_proxy)]] = Field(
        default_factory=list
    )

    @field_validator("host")
    @classmethod
    def _host(cls, value: str) -> str:
        if not value.strip() or any(ch.isspace() for ch in value):
            raise ValueError('must be an address such as "0.0.0.0" or "127.0.0.1"')
        return value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not _URL_RE.fullmatch(value.strip()):
            raise ValueError(
                'must be an http:// or https:// address without query, e.g. "http://192.168.1.10:8080"'
            )
        return value.strip().rstrip("/")


class Config(_Section):
    office: OfficeSettings = Field(default_factory=OfficeSettings)
    capacity: CapacitySettings = Field(default_factory=CapacitySettings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    tickets: TicketSettings
    services: list[ServiceSettings] = Field(min_length=1)
    counters: list[CounterSettings] = Field(default_factory=list)
    printer: PrinterSettings = Field(default_factory=PrinterSettings)
    display: DisplaySettings = Field(default_factory=DisplaySettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    admin: AdminSettings = Field(default_factory=AdminSettings)
    web: WebSettings = Field(default_factory=WebSettings)
    # Whether this file was made by this very run (the first start on a PC): only then may
    # the embedded database be created without being asked (`db upgrade` creates one too).
    _first_run: bool = PrivateAttr(default=False)

    def service(self, prefix: str) -> ServiceSettings | None:
        return next((s for s in self.services if s.prefix == prefix), None)

    def service_name(self, prefix: str, lang: str | None = None) -> str:
        """A service's name in ``lang`` (default: the office's language): ``name_en`` in
        English where there is one, else ``name``; the prefix of a service not configured."""
        svc = self.service(prefix)
        if svc is None:
            return prefix
        if (lang or self.office.language) == "en" and svc.name_en:
            return svc.name_en
        return svc.name

    def counter(self, number: int) -> CounterSettings | None:
        return next((c for c in self.counters if c.number == number), None)

    @property
    def database_url(self) -> str:
        return self.database.url or paths.default_database_url()

    @property
    def may_create_database(self) -> bool:
        """A missing database is made only on the first run, and only the embedded default:
        a configured or `--db` file that has vanished was moved, not never made."""
        return self._first_run and self.database.url is None


def _cross_checks(cfg: Config) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for i, svc in enumerate(cfg.services, start=1):
        if svc.prefix in seen:
            problems.append(
                (
                    f"services[{i}].prefix",
                    f"duplicate prefix {svc.prefix!r} (also services[{seen[svc.prefix]}])",
                )
            )
        seen.setdefault(svc.prefix, i)
    numbers: dict[int, int] = {}
    for i, counter in enumerate(cfg.counters, start=1):
        if counter.number in numbers:
            problems.append(
                (
                    f"counters[{i}].number",
                    f"duplicate counter number {counter.number} "
                    f"(also counters[{numbers[counter.number]}])",
                )
            )
        numbers.setdefault(counter.number, i)
        for prefix in counter.services:
            if prefix not in seen:
                problems.append(
                    (
                        f"counters[{i}].services",
                        f"unknown service {prefix!r} (known: {', '.join(seen)})",
                    )
                )
        if len(set(counter.services)) != len(counter.services):
            problems.append((f"counters[{i}].services", "a service is listed twice"))
    return problems


_TYPE_WORDS = {
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "string_type": "must be a text in quotes",
    "bool_type": "must be true or false",
    "list_type": 'must be a list, e.g. ["A", "B"]',
    "model_type": "must be a table",
    "missing": "is missing",
    "extra_forbidden": "unknown key",
}


def _key(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts[-1] = f"{parts[-1]}[{item + 1}]"  # people count tables from 1
        else:
            parts.append(str(item))
    return ".".join(parts)


ECHO_LIMIT = 40  # characters of a value said back in a message; a 1 MB value is cut


def _shown(value: object) -> str:
    """A value as a message says it back: its repr, cut after ECHO_LIMIT characters."""
    if isinstance(value, str) and len(value) > ECHO_LIMIT:
        return f"{value[:ECHO_LIMIT]!r}… ({len(value)} characters)"
    shown = repr(value)  # nested at most MAX_NESTING deep by now
    return shown if len(shown) <= ECHO_LIMIT + 2 else f"{shown[:ECHO_LIMIT]}…"


def _problem(err: Any) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    got = f" (got {_shown(err.get('input'))})"
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "less_than_equal": ("at most", "le"),
        "greater_than": ("more than", "gt"),
        "less_than": ("less than", "lt"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"must be {words} {ctx.get(key)}{got}"
    if kind == "literal_error":
        return f"must be {ctx.get('expected')}{got}"
    if kind == "string_pattern_mismatch":
        return f'must be a colour like "#0b2545"{got}'
    if kind == "too_short":
        return "must not be empty"
    if kind in _TYPE_WORDS:
        word = _TYPE_WORDS[kind]
        if kind not in ("missing", "extra_forbidden"):
            word += got
        return word
    msg = str(err["msg"])
    return msg.removeprefix("Value error, ")


def parse_config(data: dict[str, Any], path: Path | str | None = None) -> Config:
    try:
        cfg = Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(path, [(_key(e["loc"]), _problem(e)) for e in exc.errors()]) from None
    problems = _cross_checks(cfg)
    if problems:
        raise ConfigError(path, problems)
    return cfg


# A configuration is a few kilobytes nested three deep. Past these bounds a file is not
# one: /dev/zero would be read for ever, and tomllib recurses once per nested array or
# inline table, so 5,000 of them end in a RecursionError rather than an answer.
MAX_CONFIG_BYTES = 1_000_000
MAX_NESTING = 16


def load_config(path: Path) -> Config:
    text = _config_text(path)
    too_deep = f"nested deeper than {MAX_NESTING} levels"
    line = _deep_bracket_line(text)
    if line is not None:
        raise ConfigError(path, [("", f"{too_deep} (line {line})")])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [("", f"TOML syntax error: {exc}")]) from None
    except RecursionError:  # a nesting the scan did not see: still no traceback
        raise ConfigError(path, [("", too_deep)]) from None
    key = _deep_key(data)
    if key is not None:  # dotted keys (a.b.c = 1) nest without a bracket
        raise ConfigError(path, [(key, too_deep)])
    return parse_config(data, path)


def _config_text(path: Path) -> str:
    """The file's text; a device, pipe, folder or oversized file is refused unread."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer before it can be refused
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ConfigError(
            path, [("", "file not found (counter-app init-config writes one)")]
        ) from None
    except IsADirectoryError:
        raise ConfigError(path, [("", "is a folder, not a file")]) from None
    except OSError as exc:
        raise ConfigError(path, [("", f"cannot read: {exc.strerror or exc}")]) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ConfigError(path, [("", "is a folder, not a file")])
        if not stat.S_ISREG(st.st_mode):
            raise ConfigError(path, [("", "not a regular file (a device or a pipe)")])
        if st.st_size > MAX_CONFIG_BYTES:
            raise ConfigError(path, [("", _too_large(f"{st.st_size:,} bytes"))])
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)  # and a file that grows meanwhile stops here
    except OSError as exc:
        raise ConfigError(path, [("", f"cannot read: {exc.strerror or exc}")]) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(path, [("", _too_large(f"over {MAX_CONFIG_BYTES:,} bytes"))])
    try:
        # utf-8-sig: Windows Notepad starts a UTF-8 file with a byte-order mark
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(path, [("", f"not UTF-8 text (byte {exc.start})")]) from None


def _too_large(size: str) -> str:
    return f"too large for a configuration file ({size}; at most 1 MB)"


# Where a bracket does not nest: in a string (the multi-line kinds first, as they start
# like the short ones; escapes only in basic strings) or a comment.
_TOML_SCAN = re.compile(
    r'"""(?:\\[\s\S]|[^\\])*?"""(?:""?)?'
    r"|'''[\s\S]*?'''(?:''?)?"
    r'|"(?:\\.|[^"\\\n])*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[\]{}]"
)


def _deep_bracket_line(text: str) -> int | None:
    """The line where arrays and inline tables nest deeper than MAX_NESTING, found
    before tomllib recurses into them."""
    depth = 0
    for token in _TOML_SCAN.finditer(text):
        found = token.group()
        if found in ("[", "{"):
            depth += 1
            if depth > MAX_NESTING:
                return text.count("\n", 0, token.start()) + 1
        elif found in ("]", "}"):
            depth = max(0, depth - 1)
    return None


def _deep_key(data: dict[str, Any]) -> str | None:
    """The key of a value nested deeper than MAX_NESTING, found without recursion."""
    stack: list[tuple[object, tuple[int | str, ...]]] = [(data, ())]
    while stack:
        value, loc = stack.pop()
        if len(loc) > MAX_NESTING:
            return _key(loc[: MAX_NESTING + 1])
        if isinstance(value, dict):
            stack.extend((item, (*loc, key)) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, (*loc, i)) for i, item in enumerate(value))
    return None


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def sample_config(secret: str | None = None) -> str:
    """The commented sample that init-config writes, with a fresh secret."""
    template = paths.resource_path("config", "sample.toml").read_text(encoding="utf-8")
    return template.replace("@SECRET@", secret or new_secret())


def write_sample(path: Path, *, overwrite: bool = False) -> Path:
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    tmp = path.with_suffix(path.suffix + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(sample_config(), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise ConfigError(path, [("", f"cannot write: {exc.strerror or exc}")]) from None
    return path


def load_or_init(path: Path | None) -> tuple[Config, Path]:
    """Load the given config; with none given, the user's default, created on first run."""
    first_run = False
    if path is None:
        path = paths.default_config_path()
        if not path.exists():
            write_sample(path)
            first_run = True
    cfg = load_config(path)
    cfg._first_run = first_run
    return cfg, path


def load(path: Path | None, db_url: str | None = None) -> tuple[Config, Path]:
    """load_or_init, with the database URL given on the command line (--db) applied."""
    cfg, path = load_or_init(path)
    if db_url is not None:
        problem = database_url_problem(db_url)
        if problem:
            raise ConfigError("--db", [("", problem)])
        cfg = cfg.model_copy(update={"database": DatabaseSettings(url=db_url)})
    return cfg, path


# --- the queue's rules, shared through the database -------------------------------------------

SHARED_SERVICE_KEYS = ("daily_quota", "average_minutes", "suspended")


def shared_rules(cfg: Config) -> dict[str, Any]:
    """The settings every station on one database must agree on, as plain data."""
    return {
        "capacity": cfg.capacity.model_dump(),
        "opening_hours": cfg.office.opening_hours,
        "services": {
            s.prefix: {key: getattr(s, key) for key in SHARED_SERVICE_KEYS} for s in cfg.services
        },
    }


def with_shared_rules(cfg: Config, rules: dict[str, Any]) -> Config:
    """``cfg`` following ``rules`` (from ``shared_rules``), for the services it knows.
    Rules that do not pass the loader's checks are ignored (ValueError names them)."""
    try:
        capacity = CapacitySettings.model_validate(rules["capacity"])
        office = OfficeSettings.model_validate(
            {**cfg.office.model_dump(), "opening_hours": rules["opening_hours"]}
        )
        shared = rules["services"]
        services = [
            ServiceSettings.model_validate({**s.model_dump(), **shared[s.prefix]})
            if s.prefix in shared
            else s
            for s in cfg.services
        ]
    except (KeyError, TypeError, ValidationError) as exc:
        raise ValueError(f"shared queue settings ignored: {exc}") from None
    return cfg.model_copy(update={"capacity": capacity, "office": office, "services": services})
