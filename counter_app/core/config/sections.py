"""The configuration's tables, one pydantic model each, declared once with types and defaults.

Strict and closed: "20" is not 20, and a misspelt key is an error, not silently ignored.
Each model checks its own values; checks across tables (a counter's unknown service) are
the loader's (validation.py).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from datetime import date, time
from enum import StrEnum
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from counter_app.core import paths
from counter_app.core.admin import HASH_RE
from counter_app.core.config.database_url import database_url_problem
from counter_app.core.config.errors import invalid

PREFIX_RE = re.compile(r"^[A-Z]{1,2}$")
HOURS_RE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
ONLINE_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
WHATSAPP_RE = re.compile(r"^\+?[0-9]{8,15}$")  # 0816..., 62816... or +62816...
MAX_GROUP = 4


class _Section(BaseModel):
    # strict: "20" is not 20; extra=forbid: a misspelt key is an error, not silently ignored
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class OfficeSettings(_Section):
    name: str = "Disdukcapil Kota Balikpapan"
    timezone: str = "Asia/Makassar"
    opening_hours: str | None = None
    language: Literal["id", "en"] = "id"
    station: str = Field(default_factory=socket.gethostname)
    # where a visitor goes when a service is suspended: the desk names both
    online: str | None = None  # the office's online applications, an http(s) address
    whatsapp: str | None = None  # the office's WhatsApp number

    @field_validator("online")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not ONLINE_RE.match(value.strip()):
            raise invalid("online_form", value=repr(value))
        return value.strip()

    @field_validator("whatsapp")
    @classmethod
    def _phone_number(cls, value: str | None) -> str | None:
        if value is None:
            return None
        digits = re.sub(r"[\s-]", "", value)
        if not WHATSAPP_RE.match(digits):
            raise invalid("whatsapp_form", value=repr(value))
        return value.strip()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise invalid("unknown_time_zone", value=repr(value)) from None
        return value

    @field_validator("opening_hours")
    @classmethod
    def _hours(cls, value: str | None) -> str | None:
        if value is None:
            return None
        m = HOURS_RE.match(value.strip())
        if not m:
            raise invalid("hours_form", value=repr(value))
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2, m2) > (24, 0):
            raise invalid("hours_range", value=repr(value))
        if (h1, m1) >= (h2, m2):
            raise invalid("hours_order", value=repr(value))
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


class WhenFull(StrEnum):
    """What a full hall does with the next ticket (core/hall.py applies it)."""

    REFUSE = "refuse"  # no ticket until someone leaves
    WAIT_OUTSIDE = "wait_outside"  # the ticket waits outside until called in


class FillOrder(StrEnum):
    """In which order the outside line goes into the hall (core/hall.py's ``fill``)."""

    STRICT = "strict"  # nobody passes the head of the outside line
    FIT = "fit"  # a smaller ticket that fits may pass a head that does not, max_pass times


class CapacitySettings(_Section):
    limit: int = Field(default=20, ge=1, le=10_000)
    # Not strict: the file says "refuse", and strict mode takes only a WhenFull itself.
    when_full: WhenFull = Field(default=WhenFull.REFUSE, strict=False)
    fill: FillOrder = Field(default=FillOrder.STRICT, strict=False)
    # How many tickets may pass the head of the outside line before it is let in ("fit").
    max_pass: int = Field(default=3, ge=1, le=100)

    @property
    def passes_allowed(self) -> int:
        """Tickets that may pass a head that does not fit: 0 in strict order."""
        return self.max_pass if self.fill == FillOrder.FIT else 0


class DatabaseSettings(_Section):
    url: str | None = None

    @field_validator("url")
    @classmethod
    def _scheme(cls, value: str | None) -> str | None:
        problem = None if value is None else database_url_problem(value)
        if problem:
            raise ValueError(problem)
        return value


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
    # Of the daily quota, the numbers booked online ([booking]); the rest are the desk's.
    online_quota: int = Field(default=0, ge=0, le=9999)

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
            raise invalid("printer_needs", kind=repr(self.kind), keys=", ".join(missing))
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


class LateRule(StrEnum):
    """What becomes of a booking whose visitor comes after its window and the grace."""

    END_OF_LINE = "end_of_line"  # checked in all the same, at the end of the line
    LAPSE = "lapse"  # the booking lapses: the visitor takes a number at the desk


Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKEND: tuple[Weekday, ...] = ("saturday", "sunday")
WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
CLOCK_RE = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")


class BookingSettings(_Section):
    """Numbers booked from home (`counter-app web`'s booking pages), checked in at the door."""

    enabled: bool = False
    days_ahead: int = Field(default=7, ge=0, le=62)  # 0: today only
    # A day's numbers open at this hour, days_ahead days before it ("07:00").
    opens_at: str = "07:00"
    slot_minutes: int = Field(default=30, ge=5, le=240)  # the arrival window's length
    grace_minutes: int = Field(default=15, ge=0, le=240)  # late by more: `late` decides
    late: LateRule = Field(default=LateRule.END_OF_LINE, strict=False)
    # The letter after the service's in a booked number: Legalisasi's "B-014" at the desk,
    # "BD-014" booked online (D: daring).
    mark: str = "D"
    closed_days: list[Weekday] = Field(default_factory=lambda: list(WEEKEND))
    holidays: list[date] = Field(default_factory=list)  # TOML dates: 2026-12-25
    print_at_check_in: bool = True  # a paper ticket when the visitor checks in
    max_per_nik: int = Field(default=3, ge=1, le=20)  # active bookings of one NIK, all days

    @field_validator("opens_at")
    @classmethod
    def _clock(cls, value: str) -> str:
        if not CLOCK_RE.match(value.strip()):
            raise invalid("clock_form", value=repr(value))
        return value.strip()

    @field_validator("mark")
    @classmethod
    def _mark(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z]", value):
            raise invalid("mark_form", value=repr(value))
        return value

    @property
    def opens(self) -> time:
        hour, minute = (int(part) for part in self.opens_at.split(":"))
        return time(hour, minute)

    def is_closed(self, day: date) -> bool:
        """A day the office takes no bookings: a closed weekday or a holiday."""
        return WEEKDAYS[day.weekday()] in self.closed_days or day in self.holidays


DateForm = Literal["YYYY-MM-DD", "DD/MM/YYYY", "DD-MM-YYYY", "DD.MM.YYYY"]
KIND_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,23}$")


def _kind(value: str) -> str:
    if not KIND_RE.match(value):
        raise invalid("kind_form", value=repr(value[:40]))
    return value


class DocumentSettings(_Section):
    """The ready list of finished documents (`counter-app documents import`), which the
    visitor checks from home and a pickup service may require (core/documents.py)."""

    enabled: bool = False
    # Each document kind, as the export writes it, and the service that hands it over:
    # { KK = "A", "KTP-el" = "A", KIA = "A", AKTA = "A" }. Matched ignoring case.
    kinds: dict[Annotated[str, AfterValidator(_kind)], str] = Field(default_factory=dict)
    # Booking or issuing a number of those services asks for a ready document: a number
    # for a document that is not ready yet is refused ("belum jadi").
    required: bool = True
    # The export's columns, by their header; "" for nik: the export has no NIKs.
    column_number: str = Field(default="no_registrasi", min_length=1, max_length=64)
    column_nik: str = Field(default="nik", max_length=64)
    column_kind: str = Field(default="jenis_dokumen", min_length=1, max_length=64)
    column_finished: str = Field(default="tanggal_selesai", min_length=1, max_length=64)
    date_format: DateForm = "YYYY-MM-DD"
    delimiter: Literal[",", ";", "tab"] = ","
    # The phone's check (/dokumen) from every address together, a minute: past it,
    # everyone waits a minute. Bounds guessing from many addresses at once, which the
    # per-address limits alone do not; a city office's visitors check far fewer.
    checks_per_minute: int = Field(default=300, ge=1, le=100_000)

    def service_of(self, kind: str) -> str | None:
        """The service handing over ``kind``, ignoring case; None for a kind not listed."""
        folded = kind.strip().casefold()
        return next((p for k, p in self.kinds.items() if k.casefold() == folded), None)

    def kind_name(self, kind: str) -> str:
        """``kind`` as the configuration writes it ("ktp-EL" -> "KTP-el")."""
        folded = kind.strip().casefold()
        return next((k for k in self.kinds if k.casefold() == folded), kind.strip())


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
    booking: BookingSettings = Field(default_factory=BookingSettings)
    documents: DocumentSettings = Field(default_factory=DocumentSettings)
    # Whether this file was made by this very run (the first start on a PC): only then may
    # the embedded database be created without being asked (`db upgrade` creates one too).
    _first_run: bool = PrivateAttr(default=False)

    def service(self, prefix: str) -> ServiceSettings | None:
        """The service of a prefix, or of a booked series: "AD" (booked numbers of A)."""
        found = next((s for s in self.services if s.prefix == prefix), None)
        if found is None and self.booking.enabled and prefix.endswith(self.booking.mark):
            found = next((s for s in self.services if s.prefix == prefix[:-1]), None)
        return found

    def service_name(self, prefix: str, lang: str | None = None) -> str:
        """A service's name in ``lang`` (default: the office's language): ``name_en`` in
        English where there is one, else ``name``; the prefix of a service not configured."""
        svc = self.service(prefix)
        if svc is None:
            return prefix
        if (lang or self.office.language) == "en" and svc.name_en:
            return svc.name_en
        return svc.name

    def booking_series(self, prefix: str) -> str:
        """The prefix a service's booked numbers are written with: "A" -> "AD"."""
        return prefix + self.booking.mark

    def walk_in_quota(self, svc: ServiceSettings) -> int:
        """The numbers of a day the desk may issue: the quota less those open online."""
        if not self.booking.enabled:
            return svc.daily_quota
        return svc.daily_quota - min(svc.online_quota, svc.daily_quota)

    def online_quota(self, svc: ServiceSettings) -> int:
        """The numbers of a day that may be booked: 0 while booking is off."""
        return min(svc.online_quota, svc.daily_quota) if self.booking.enabled else 0

    def needs_document(self, prefix: str) -> bool:
        """Whether a number of ``prefix`` (or its booked series) is only for a ready
        document: the ready list is on, required, and one of its kinds is that service's."""
        docs = self.documents
        svc = self.service(prefix)
        return (
            docs.enabled and docs.required and svc is not None and svc.prefix in docs.kinds.values()
        )

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
