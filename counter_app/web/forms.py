"""What every POST form of the phone pages goes through before its fields are read.

Every POST is hostile until shown otherwise: a form body of at most ``max_body`` bytes
(the booking form and the document check each say how much), a CSRF token bound to a
cookie and signed with the office's secret, an Origin (or Referer) of this very server.
A refusal is a plain page in the visitor's language that says why. The booking pages
(web/booking.py) and the document check (web/documents.py) share this one guard.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from starlette.requests import Request
from starlette.responses import Response

from counter_app.core.config import Config
from counter_app.web.words import WORDS, other_language

MAX_FIELDS = 8
FORM_TYPE = "application/x-www-form-urlencoded"
CSRF_COOKIE = "csrf"
CSRF_MAX_AGE = 2 * 60 * 60  # a form left open longer is sent again with a fresh token


class FormGuard:
    """The CSRF token, the same-origin check and the bounded reading of a form body."""

    def __init__(self, pages: Any, config: Callable[[], Config]) -> None:
        self.pages = pages  # server.Pages: plain pages in the visitor's language
        self._config = config  # the shared rules as the queue follows them now
        self.secret = pages.cfg.tickets.secret.encode("utf-8")

    def _csrf(self, nonce: str, issued: int) -> str:
        body = f"{nonce}.{issued}"
        mac = hmac.new(self.secret, b"csrf:" + body.encode("ascii"), hashlib.sha256).digest()
        return f"{body}.{base64.urlsafe_b64encode(mac[:16]).decode('ascii').rstrip('=')}"

    def new_token(self, request: Request) -> tuple[str, str]:
        """(the nonce for the cookie, the form's token): the cookie's own, or a new one."""
        nonce = request.cookies.get(CSRF_COOKIE) or ""
        if not (16 <= len(nonce) <= 64 and nonce.isascii() and nonce.isalnum()):
            nonce = secrets.token_hex(16)
        return nonce, self._csrf(nonce, int(time.time()))

    def token_ok(self, request: Request, token: str) -> bool:
        nonce = request.cookies.get(CSRF_COOKIE) or ""
        parts = token.split(".")
        if len(parts) != 3 or not nonce or parts[0] != nonce or not parts[1].isdigit():
            return False
        issued = int(parts[1])
        if not 0 <= time.time() - issued <= CSRF_MAX_AGE:
            return False
        return hmac.compare_digest(self._csrf(nonce, issued), token)

    def same_origin(self, request: Request) -> bool:
        """The form was sent from one of our own pages: its Origin (or, without one, its
        Referer) names this server, scheme and host, as the browser reached it or as
        public_url says (an http page of an https office is not ours)."""
        sent = request.headers.get("origin") or request.headers.get("referer")
        if not sent or sent == "null":
            return False
        parts = urlsplit(sent)
        theirs = (parts.scheme.lower(), parts.netloc.lower())
        ours = {(request.url.scheme, request.headers.get("host", "").lower())}
        public_url = self._config().web.public_url
        if public_url:
            public = urlsplit(public_url)
            ours.add((public.scheme.lower(), public.netloc.lower()))
        return bool(theirs[1]) and theirs in ours

    def with_cookie(self, response: Response, request: Request, nonce: str) -> Response:
        """A page with a form: its CSRF cookie, and a referrer policy under which the
        browser names our origin when the form is sent. Under the other pages'
        no-referrer, Chromium sends "Origin: null" and the same-origin check refuses
        the form; same-origin still tells nothing to any other site."""
        response.headers["referrer-policy"] = "same-origin"
        response.set_cookie(
            CSRF_COOKIE,
            nonce,
            max_age=CSRF_MAX_AGE,
            path="/",
            secure=request.url.scheme == "https",
            httponly=True,
            samesite="strict",
        )
        return response

    def form_page(
        self, request: Request, lang: str, template: str, status: int, **context: Any
    ) -> Response:
        """A page with one of our forms, in ``lang``: a fresh CSRF token in the form and its
        cookie, the page's words and the other language's link, the language remembered."""
        nonce, token = self.new_token(request)
        response: Response = self.pages.html(
            template,
            status,
            w=WORDS[lang],
            lang=lang,
            root="",
            token=token,
            other=other_language(lang),
            **context,
        )
        return self.pages.remember_language(request, self.with_cookie(response, request, nonce))

    async def read(self, request: Request, max_body: int) -> dict[str, str] | Response:
        """The form's fields, one value each; or the page that says why not: not a form
        (415), longer than ``max_body`` (413), unreadable (400), not from our page (403)."""
        lang = self.pages.lang(request)
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != FORM_TYPE:
            return self.pages.plain(lang, "bad_form", 415)
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > max_body):
            return self.pages.plain(lang, "too_large", 413)
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > max_body:
                return self.pages.plain(lang, "too_large", 413)
        try:
            fields = parse_qs(body.decode("ascii"), strict_parsing=False, max_num_fields=MAX_FIELDS)
        except (UnicodeDecodeError, ValueError):
            return self.pages.plain(lang, "bad_form", 400)
        if any(len(v) != 1 for v in fields.values()):
            return self.pages.plain(lang, "bad_form", 400)
        form = {k: v[0] for k, v in fields.items()}
        if not self.same_origin(request) or not self.token_ok(request, form.get("csrf", "")):
            return self.pages.plain(lang, "forbidden", 403)
        return form
