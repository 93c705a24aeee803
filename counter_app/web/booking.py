"""The booking pages: take a day's number from home, see it, cancel it.

Routes (the only ones that change the queue; everything else on the server is GET but
the document check, web/documents.py, which only reads):
  GET  /book                 the form: service, day, NIK, phone, and for a service that
                             hands over a ready document its registration number (no
                             JavaScript needed)
  POST /book                 book; answers 303 to the booking's own page
  GET  /b/TOKEN              the booking: number, day, arrival window, QR, cancel button;
                             once checked in, 303 to the live ticket page
  POST /b/TOKEN/cancel       cancel it: the number is free for someone else

Every POST is hostile until shown otherwise: a form body of at most MAX_BODY bytes, a
CSRF token bound to a cookie and signed with the office's secret, an Origin (or Referer)
of this very server (web/forms.py), per-address and per-NIK limits. A refusal is a page
that says why, with the form kept (the NIK and the document's number never echoed back).
Neither is ever shown on a public page: the booking page names the service, the day and
the number only.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

import anyio
import qrcode
import qrcode.image.svg
from limits import parse
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from counter_app.core import booking as plan
from counter_app.core import words
from counter_app.core.config import Config
from counter_app.core.model import Booking, BookingRequest, Reason, Refused
from counter_app.core.nik import check_nik
from counter_app.core.queue import DatabaseError, Queue
from counter_app.core.tokens import make_payload
from counter_app.web.forms import FormGuard
from counter_app.web.words import WORDS, other_language, word

log = logging.getLogger(__name__)

MAX_BODY = 2048  # bytes of a booking form: five short fields and a token
MAX_DOCUMENT = 40  # characters of a registration number (the queue reads up to 64)
POST_LIMIT = parse("10/minute")  # per address: a family books for each member, no more
NIK_LIMIT = parse("6/hour")  # per NIK, whoever sends it: nobody tries NIKs in a loop
PAGE_LIMIT = parse("30/minute")
STATE_WORDS = ("booked", "checked_in", "cancelled", "lapsed")
# The morning rush (bench/bench_booking.py: 2,000 phones at once for 250 numbers) is
# mostly refusals and form pages. Those are answered from what the last read found, for
# a moment: the services and numbers left for CHOICES_FOR seconds (a booking or a
# cancel here reads again at once), a full day for FULL_FOR seconds ("kuota habis"
# without a write, except for a NIK that holds one of its numbers: that one is shown its
# booking). A number cancelled elsewhere is offered again within FULL_FOR seconds.
CHOICES_FOR = 1.0
FULL_FOR = 2.0
# Worker threads for the queue's writes and reads here, apart from the hub's: the hub's
# reads for the following phones never wait behind a rush of bookings. One writer: every
# write takes the hall's lock in turn anyway (on SQLite a second thread would wait in its
# busy handler, which sleeps in steps of up to 100 ms); measured with 1 and 3 on
# PostgreSQL, 1 was no slower.
WRITERS = 1
BATCH = 64  # forms at most in one write transaction: ~1 ms each (bench/bench_booking.py)
READERS = 2


def _digest(nik: str) -> str:
    """What the per-NIK limit counts under: never the NIK itself, even in memory."""
    return hashlib.sha256(nik.encode("ascii")).hexdigest()


@dataclass(frozen=True, slots=True)
class DayChoice:
    value: str  # 2026-12-07
    label: str  # Senin, 7 Desember 2026
    left: int  # online numbers still free, for the chosen service (or all)


@dataclass(frozen=True, slots=True)
class ServiceChoice:
    prefix: str
    name: str
    notice: str | None  # suspended: its notice, and no booking
    days: tuple[DayChoice, ...]
    needs_document: bool = False  # its numbers are for collecting a ready document

    @property
    def full(self) -> bool:
        return not self.notice and all(d.left == 0 for d in self.days)


@dataclass(slots=True)
class _Waiting:
    """A form waiting for its turn to be written, and the future its page awaits."""

    lang: str
    request: BookingRequest
    nik: str | None  # checked
    answer: asyncio.Future[Booking | str] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )

    def settle(self, result: Booking | str | BaseException) -> None:
        if self.answer.done():  # the page's task was cancelled: its visitor went
            return
        if isinstance(result, BaseException):
            self.answer.set_exception(result)
        else:
            self.answer.set_result(result)


@dataclass(slots=True)
class _Full:
    """A day found full: until when that is trusted, who holds its numbers (as
    digests), the refusal as said in each language it was said in."""

    until: float
    holders: frozenset[str]
    messages: dict[str, str] = field(default_factory=dict)


class BookingPages:
    """The booking routes, over the same queue, limiter and templates as the phone pages."""

    def __init__(self, pages: Any, queue: Queue) -> None:
        self.pages = pages  # server.Pages: templates, language, limiter, plain pages
        self.queue = queue
        self.guard = FormGuard(pages, lambda: self.cfg)
        # one queue a language on the same database, so a refusal is in the visitor's
        # language (each follows the shared rules on its own)
        self.queues = {
            lang: Queue(queue.db, _in_language(queue.config, lang), clock=queue.clock)
            for lang in WORDS
        }
        self._choices_seen: dict[str, tuple[float, list[ServiceChoice]]] = {}
        self._full: dict[tuple[str, date], _Full] = {}
        self._limiters: dict[str, anyio.CapacityLimiter] = {}
        self._waiting: list[_Waiting] = []  # forms waiting for the next write
        self._writer: asyncio.Task[None] | None = None

    def _limiter(self, kind: str) -> anyio.CapacityLimiter:
        limiter = self._limiters.get(kind)
        if limiter is None:  # made in the event loop, on first use
            limiter = self._limiters[kind] = anyio.CapacityLimiter(
                WRITERS if kind == "write" else READERS
            )
        return limiter

    async def _run(self, kind: str, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` in a worker thread of ``kind`` ("write" or "read")."""
        return await anyio.to_thread.run_sync(fn, *args, limiter=self._limiter(kind))

    def _known_full(self, service: str, day: date, lang: str, nik: str | None) -> str | None:
        """The "kuota habis" refusal, when the day was found full a moment ago and this
        NIK holds none of its numbers."""
        full = self._full.get((service, day))
        if (
            nik is None
            or full is None
            or full.until <= time.monotonic()
            or lang not in full.messages
            or _digest(nik) in full.holders
        ):
            return None
        return full.messages[lang]

    def _changed(self, service: str, day: date) -> None:
        """A booking made or cancelled here: the next page reads the numbers again."""
        self._choices_seen.clear()
        self._full.pop((service, day), None)

    @property
    def cfg(self) -> Config:
        return self.queue.config  # the shared rules as the queue follows them

    # --- the form ------------------------------------------------------------------------

    def _choices(self, lang: str) -> list[ServiceChoice]:
        """The services that take bookings, each with the days open now and their numbers left."""
        queue = self.queues[lang]
        cfg = queue.config
        days = plan.bookable_days(cfg, queue.clock.now())
        left = queue.online_left_on(days)
        return [
            ServiceChoice(
                prefix=svc.prefix,
                name=cfg.service_name(svc.prefix, lang),
                notice=svc.suspended,
                days=tuple(
                    DayChoice(
                        d.isoformat(), words.spelled_date(d, lang), left[d].get(svc.prefix, 0)
                    )
                    for d in days
                ),
                needs_document=cfg.needs_document(svc.prefix),
            )
            for svc in cfg.services
            if cfg.online_quota(svc) > 0
        ]

    async def _recent_choices(self, lang: str) -> list[ServiceChoice]:
        seen = self._choices_seen.get(lang)
        if seen is not None and seen[0] > time.monotonic():
            return seen[1]
        services: list[ServiceChoice] = await self._run("read", self._choices, lang)
        self._choices_seen[lang] = (time.monotonic() + CHOICES_FOR, services)
        return services

    async def form(self, request: Request) -> Response:
        lang = self.pages.lang(request)
        if not self.pages.allowed(request, PAGE_LIMIT, "page"):
            return self.pages.limited(lang)
        return await self._form(request, lang)

    async def _form(
        self,
        request: Request,
        lang: str,
        *,
        status: int = 200,
        error: str | None = None,
        kept: dict[str, str] | None = None,
        existing: Booking | None = None,
    ) -> Response:
        if not self.cfg.booking.enabled:
            return self.pages.plain(lang, "booking_off", 404)
        try:
            services = await self._recent_choices(lang)
        except DatabaseError:
            return self.pages.plain(lang, "offline", 503)
        return self.guard.form_page(
            request,
            lang,
            "book.html",
            status,
            services=services,
            error=error,
            kept=kept or {},
            existing=self._view(existing, lang) if existing else None,
            documents=self.cfg.documents.enabled,
            needs_document=any(s.needs_document for s in services),
        )

    # --- booking -------------------------------------------------------------------------

    async def _read_form(self, request: Request) -> dict[str, str] | Response:
        return await self.guard.read(request, MAX_BODY)

    async def book(self, request: Request) -> Response:
        lang = self.pages.lang(request)
        if not self.cfg.booking.enabled:
            return self.pages.plain(lang, "booking_off", 404)
        if not self.pages.allowed(request, POST_LIMIT, "post"):
            return self.pages.limited(lang)
        form = await self._read_form(request)
        if isinstance(form, Response):
            return form
        kept = {k: form.get(k, "")[:40] for k in ("choice", "phone")}
        nik_check = check_nik(form.get("nik", ""))
        if nik_check.nik is not None and not self.pages.limiter.hit(
            NIK_LIMIT, "nik", _digest(nik_check.nik)
        ):
            return self.pages.limited(lang)
        service, _, day_text = kept["choice"].partition(":")
        try:
            day = date.fromisoformat(day_text[:10])
        except ValueError:
            return await self._form(
                request, lang, status=400, error=word(lang, "choose_day"), kept=kept
            )
        service = service[:2].upper()
        try:
            made = await self._book(lang, service, day, form, nik_check.nik)
        except Refused as exc:
            return await self._form(request, lang, status=400, error=exc.message, kept=kept)
        except DatabaseError:
            return self.pages.plain(lang, "offline", 503)
        if isinstance(made, str):
            return await self._form(request, lang, status=409, error=made, kept=kept)
        if not made.created:  # the NIK's booking of that day: shown, without a new link
            return await self._form(request, lang, status=200, existing=made)
        self._changed(made.service, made.day)
        assert made.secret is not None
        return RedirectResponse(f"b/{made.secret}?lang={lang}", status_code=303)

    async def _book(
        self, lang: str, service: str, day: date, form: dict[str, str], nik: str | None
    ) -> Booking | str:
        """The booking, or the day's "kuota habis" (any other refusal is raised). The
        form waits for the write before it, then goes with every form that came
        meanwhile in one write transaction (Queue.book_many)."""
        known = self._known_full(service, day, lang, nik)
        if known is not None:
            return known
        request = BookingRequest(
            service, day, form.get("nik", ""), form.get("phone"), _document(self.cfg, service, form)
        )
        waiting = _Waiting(lang, request, nik)
        self._waiting.append(waiting)
        if self._writer is None:
            self._writer = asyncio.create_task(self._write_waiting())
        return await waiting.answer

    async def _write_waiting(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting[:BATCH], self._waiting[BATCH:]
                for lang in WORDS:
                    await self._write_batch(lang, [w for w in batch if w.lang == lang])
        finally:
            self._writer = None

    async def _write_batch(self, lang: str, batch: list[_Waiting]) -> None:
        todo = []
        for w in batch:  # a day found full by the write before: no write for it
            known = self._known_full(w.request.service, w.request.day, lang, w.nik)
            if known is not None:
                w.settle(known)
            elif not w.answer.done():  # its visitor may have gone
                todo.append(w)
        if not todo:
            return
        try:
            results = await self._run(
                "write", self.queues[lang].book_many, [w.request for w in todo]
            )
        except Exception as exc:  # DatabaseError, or a bug: every form hears of it
            if not isinstance(exc, DatabaseError):
                log.exception("booking: the write failed")
            for w in todo:
                w.settle(exc)
            return
        for w, result in zip(todo, results, strict=True):
            if isinstance(result, Refused) and result.reason == Reason.ONLINE_QUOTA_REACHED:
                await self._remember_full(w.request.service, w.request.day, lang, result.message)
                w.settle(result.message)
            else:
                w.settle(result)

    async def _remember_full(self, service: str, day: date, lang: str, message: str) -> None:
        full = self._full.get((service, day))
        if full is None or full.until <= time.monotonic():
            try:
                holders = await self._run("read", self.queue.holders, service, day)
            except DatabaseError:
                return
            full = self._full[(service, day)] = _Full(
                time.monotonic() + FULL_FOR, frozenset(map(_digest, holders))
            )
        full.messages[lang] = message

    # --- the booking's page ------------------------------------------------------------------

    def _view(self, b: Booking, lang: str) -> dict[str, Any]:
        zone = self.cfg.office.zone
        return {
            "code": b.code,
            "service": self.cfg.service_name(b.service, lang),
            "day": words.spelled_date(b.day, lang),
            "window": word(
                lang,
                "come_at",
                start=f"{b.window_start.astimezone(zone):%H:%M}",
                end=f"{b.window_end.astimezone(zone):%H:%M}",
            ),
            "state": b.state,
            "state_text": word(lang, f"booking_{b.state}"),
            "late": self._late(b, lang),
        }

    def _late(self, b: Booking, lang: str) -> str | None:
        """What a booked visitor past the window and the grace should know before setting
        out: the door's rule (``[booking] late``), said on the page instead of at the door."""
        if b.state != "booked" or not plan.is_late(self.cfg, b.window_end, self.queue.clock.now()):
            return None
        return word(lang, f"late_{self.cfg.booking.late}")

    async def page(self, request: Request) -> Response:
        lang = self.pages.lang(request)
        if not self.pages.allowed(request, PAGE_LIMIT, "page"):
            return self.pages.limited(lang)
        token = request.path_params["token"]
        try:
            b = await self._run("read", self.queue.booking, token)
        except Refused:
            return self.pages.plain(lang, "booking_not_found", 404)
        except DatabaseError:
            return self.pages.plain(lang, "offline", 503)
        if b.state == "checked_in" and b.ticket_code and b.day == self.queue.today():
            payload = make_payload(self.cfg.tickets.secret, b.day, b.ticket_code)
            return RedirectResponse(f"../t/{quote(payload, safe=':')}?lang={lang}", 303)
        nonce, csrf = self.guard.new_token(request)
        link = self._link(request, token)
        response = self.pages.html(
            "booking.html",
            w=WORDS[lang],
            lang=lang,
            root="../",
            b=self._view(b, lang),
            token_path=quote(token, safe="") + "/",
            qr=_qr_data_uri(link),
            link=link,
            token=csrf,
            cancellable=b.state == "booked",
            other=other_language(lang),
        )
        return self.pages.remember_language(
            request, self.guard.with_cookie(response, request, nonce)
        )

    def _link(self, request: Request, token: str) -> str:
        base = self.cfg.web.public_url or str(request.base_url).rstrip("/")
        return f"{base}/b/{token}"

    async def cancel(self, request: Request) -> Response:
        lang = self.pages.lang(request)
        if not self.pages.allowed(request, POST_LIMIT, "post"):
            return self.pages.limited(lang)
        form = await self._read_form(request)
        if isinstance(form, Response):
            return form
        token = request.path_params["token"]
        try:
            cancelled = await self._run("write", self.queue.cancel_booking, token)
        except Refused as exc:
            if exc.reason == Reason.UNKNOWN_BOOKING:
                return self.pages.plain(lang, "booking_not_found", 404)
        except DatabaseError:
            return self.pages.plain(lang, "offline", 503)
        else:
            self._changed(cancelled.service, cancelled.day)
        return RedirectResponse(f"../{quote(token, safe='')}?lang={lang}", status_code=303)


def _document(cfg: Config, service: str, form: dict[str, str]) -> str | None:
    """The registration number typed for a service that hands over a ready document
    (None: the queue looks for one by the NIK); any other service's form ignores it."""
    if not cfg.needs_document(service):
        return None
    return form.get("document", "").strip()[:MAX_DOCUMENT] or None


def _in_language(cfg: Config, lang: str) -> Config:
    return cfg.model_copy(update={"office": cfg.office.model_copy(update={"language": lang})})


def _qr_data_uri(text: str) -> str:
    """The booking's link as a QR code, an SVG in a data: address (the pages' CSP allows
    images from data: only besides their own)."""
    img = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    out = io.BytesIO()
    img.save(out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode("ascii")
