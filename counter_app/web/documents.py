"""The document check: from home, is my KK (KTP-el, akta...) ready to collect?

Routes (only while the ready list is on, ``[documents] enabled``; else a plain 404):
  GET  /dokumen      the form: one field, the registration number or the NIK
  POST /dokumen      the answer, on the same page (a POST: the NIK never lands in an
                     address, a browser's history or a proxy's log)

The answer names each document's kind and whether it is ready (since when, and which
service's number collects it, with the booking form's link), handed over (on which day),
or "belum jadi / belum ada di daftar": one and the same page for a document that is not
finished and for a number or NIK that is on no list at all (Queue.check_document). It
never shows what was typed, nor a name.

What a stranger might try here is guessing: registration numbers in a row, or NIKs. The
form goes through the booking form's guard (web/forms.py: CSRF token bound to a cookie,
same origin, a small body); each address has a few checks a minute and an hour, all
addresses together ``[documents] checks_per_minute``, and past them every answer is the
same 429 page, which says nothing of what was asked. Every
well-formed key costs one read whatever it finds, and the answer waits until at least
FLOOR seconds after the form arrived, so how long it took tells little of what was found.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, replace
from typing import Any

import anyio
from limits import RateLimitItem, parse
from starlette.requests import Request
from starlette.responses import Response

from counter_app.core import words
from counter_app.core.config import Config
from counter_app.core.documents import Availability
from counter_app.core.model import DocumentCheck
from counter_app.core.queue import DatabaseError, Queue
from counter_app.web.forms import FormGuard
from counter_app.web.words import word

MAX_BODY = 512  # bytes of the form: one short field and a token
MAX_KEY = 40  # characters of a registration number or a NIK as typed, with its spaces
KEY = re.compile(r"[0-9A-Za-z][0-9A-Za-z ./\-]*")  # what a registration number is made of
# Per address: a family checks a few documents, a visitor checks again later in the day.
CHECK_LIMIT = parse("10/minute")
CHECK_DAILY_LIMIT = parse("40/hour")
PAGE_LIMIT = parse("30/minute")
FLOOR = 0.1  # seconds: no answer sooner after its form arrived (see the module's text)
READERS = 2  # worker threads for the checks' reads, apart from the hub's and the booking's


@dataclass(frozen=True, slots=True)
class CheckLine:
    """One document of the answer, as the page says it."""

    availability: str  # Availability
    kind: str | None
    text: str  # "Sudah jadi sejak Senin, 30 November 2026"
    collect: str | None = None  # "ambil dengan nomor antrean layanan Pengambilan Dokumen"
    book: str | None = None  # the booking form's link for that service, if it takes bookings
    book_text: str | None = None
    come: str | None = None  # without online booking: come to the office


class DocumentPages:
    """The check's two routes, over the same queue, limiter and templates as the phone pages."""

    def __init__(self, pages: Any, queue: Queue) -> None:
        self.pages = pages  # server.Pages: templates, language, limiter, plain pages
        self.queue = queue
        self.guard = FormGuard(pages, lambda: self.cfg)
        self._readers: anyio.CapacityLimiter | None = None
        self._everyone: RateLimitItem | None = None

    @property
    def cfg(self) -> Config:
        return self.queue.config

    async def form(self, request: Request) -> Response:
        lang = self.pages.lang(request)
        if not self.cfg.documents.enabled:
            return self.pages.plain(lang, "documents_off", 404)
        if not self.pages.allowed(request, PAGE_LIMIT, "page"):
            return self.pages.limited(lang)
        return self._page(request, lang)

    async def check(self, request: Request) -> Response:
        arrived = time.monotonic()
        lang = self.pages.lang(request)
        if not self.cfg.documents.enabled:
            return self.pages.plain(lang, "documents_off", 404)
        if not (
            self.pages.allowed(request, CHECK_LIMIT, "check")
            and self.pages.allowed(request, CHECK_DAILY_LIMIT, "check-hour")
            and self._everyone_allowed()
        ):
            return self._limited(lang)
        form = await self.guard.read(request, MAX_BODY)
        if isinstance(form, Response):
            return form
        key = " ".join(form.get("key", "").split())
        if not key:
            return self._page(request, lang, status=400, error=word(lang, "check_empty"))
        if len(key) > MAX_KEY or not KEY.fullmatch(key):
            return self._page(request, lang, status=400, error=word(lang, "check_bad"))
        try:
            found = await anyio.to_thread.run_sync(
                self.queue.check_document, key, limiter=self._limiter()
            )
        except DatabaseError:
            return self.pages.plain(lang, "offline", 503)
        await asyncio.sleep(max(0.0, arrived + FLOOR - time.monotonic()))
        return self._page(request, lang, lines=[self._line(c, lang) for c in found])

    def _everyone_allowed(self) -> bool:
        """One more check within ``[documents] checks_per_minute`` of all addresses
        together: someone guessing from a thousand addresses is bounded too."""
        per_minute = self.cfg.documents.checks_per_minute
        if self._everyone is None or self._everyone.amount != per_minute:
            self._everyone = parse(f"{per_minute}/minute")
        return bool(self.pages.limiter.hit(self._everyone, "check-all", "everyone"))

    def _limiter(self) -> anyio.CapacityLimiter:
        if self._readers is None:  # made in the event loop, on first use
            self._readers = anyio.CapacityLimiter(READERS)
        return self._readers

    def _limited(self, lang: str) -> Response:
        response: Response = self.pages.plain(lang, "check_limited", 429)
        response.headers["retry-after"] = "60"
        return response

    def _page(
        self,
        request: Request,
        lang: str,
        *,
        status: int = 200,
        error: str | None = None,
        lines: list[CheckLine] | None = None,
    ) -> Response:
        response = self.guard.form_page(
            request, lang, "document.html", status, error=error, lines=lines
        )
        response.headers["cache-control"] = "no-store"  # an answer is for this visit only
        return response

    def _line(self, check: DocumentCheck, lang: str) -> CheckLine:
        not_ready = CheckLine(Availability.NOT_READY.value, None, word(lang, "check_not_ready"))
        if check.since is None:  # not ready: nothing more is known, nothing more is said
            return not_ready
        day = words.spelled_date(check.since, lang)
        if check.availability == Availability.HANDED:
            return CheckLine(check.availability, check.kind, word(lang, "check_handed", day=day))
        if check.availability != Availability.READY or check.service is None:
            return not_ready
        cfg = self.cfg
        name = cfg.service_name(check.service, lang)
        line = CheckLine(
            check.availability,
            check.kind,
            word(lang, "check_ready", day=day),
            collect=word(lang, "check_collect", service=name),
        )
        svc = cfg.service(check.service)
        if cfg.booking.enabled and svc is not None and not svc.suspended and cfg.online_quota(svc):
            return replace(
                line,
                book=f"book?lang={lang}#service-{svc.prefix}",
                book_text=word(lang, "check_book", service=name),
            )
        return replace(line, come=word(lang, "check_come", service=name))
