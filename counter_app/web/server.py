"""The phone pages: routes, rate limits and headers over the hub (read-only, no Qt).

Routes (GET; the booking pages' POSTs, web/booking.py, are the only ones that write):
  /                     the lobby board for phones
  /events, /state       its live updates: server-sent events, or JSON to poll
  /t/PAYLOAD            one ticket's page (PAYLOAD: the signed payload of today's ticket)
  /t/PAYLOAD/events     its live updates; /t/PAYLOAD/state for polling
  /book, /b/TOKEN       the booking pages (web/booking.py)
  /dokumen              is my document ready? (web/documents.py; its POST only reads)
  /healthz              "ok" or "offline", for whoever watches the server
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from limits import parse
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counter_app.core.config import Config
from counter_app.core.paths import resource_path
from counter_app.core.queue import Queue
from counter_app.core.tokens import check_payload
from counter_app.web.allowance import Allowances
from counter_app.web.booking import BookingPages
from counter_app.web.documents import DocumentPages
from counter_app.web.guard import address_key
from counter_app.web.hub import Hub, Listener, Offline, Update
from counter_app.web.stream import EventStream
from counter_app.web.views import Around, TicketView, around, board_view, ticket_view
from counter_app.web.words import (
    LANG_COOKIE,
    LANG_COOKIE_MAX_AGE,
    WORDS,
    other_language,
    pick_language,
    word,
)

log = logging.getLogger(__name__)

# A page without JavaScript reloads itself every NO_SCRIPT_REFRESH seconds; the limits
# leave room for that and for a visitor's impatience, not for a script hammering.
NO_SCRIPT_REFRESH = 10
PAGE_LIMIT = parse("30/minute")
STREAM_LIMIT = parse("12/minute")
RETRY_MS = 2000  # how soon a phone's browser reconnects a dropped event stream

SECURITY_HEADERS = [
    (b"cache-control", b"no-store"),  # a shared phone's back button shows no stale ticket
    (b"referrer-policy", b"no-referrer"),  # the address holds the ticket's signed code
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; media-src 'self'; frame-ancestors 'none'",
    ),
]


class SecurityHeaders:
    """Plain ASGI so event streams pass through unbuffered."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


@dataclass
class Pages:
    cfg: Config
    hub: Hub
    env: Environment
    limiter: Allowances
    _rendered_for: object = None
    _rendered: dict[tuple[str | None, str, bool], str] = field(default_factory=dict)
    _events: dict[tuple[str | None, str, bool], bytes] = field(default_factory=dict)
    _around: dict[str, tuple[Around, str]] = field(default_factory=dict)
    # tickets' own lines rendered for this update, and for the one before (TicketView.own)
    _own: dict[tuple[object, ...], str] = field(default_factory=dict)
    _own_before: dict[tuple[object, ...], str] = field(default_factory=dict)

    # --- helpers ------------------------------------------------------------------------

    def lang(self, request: Request) -> str:
        return pick_language(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE))

    def remember_language(self, request: Request, response: Response) -> Response:
        """A page asked for in a language (``?lang=``, the pages' own language links)
        remembers it for the visitor's next visits. Only the language: a link from anywhere
        may set it, and it changes nothing else."""
        asked = request.query_params.get("lang")
        if asked in WORDS:
            response.set_cookie(
                LANG_COOKIE,
                asked,
                max_age=LANG_COOKIE_MAX_AGE,
                path="/",
                secure=request.url.scheme == "https",
                httponly=True,  # the script never reads it: the server renders every word
                samesite="lax",
            )
        return response

    def html(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(name).render(**context), status_code=status)

    def allowed(self, request: Request, limit: Any, what: str) -> bool:
        """Whether the visitor's address (the peer's own; a trusted proxy's forwarded
        one, see serve.make_server) may have one more of ``what``."""
        return self.limiter.hit(
            limit, what, address_key(request.client.host if request.client else None)
        )

    def limited(self, lang: str) -> HTMLResponse:
        response = self.plain(lang, "limited", 429)
        response.headers["retry-after"] = str(NO_SCRIPT_REFRESH * 2)
        return response

    def plain(self, lang: str, what: str, status: int, refresh: int | None = None) -> HTMLResponse:
        return self.html(
            "plain.html",
            status,
            w=WORDS[lang],
            lang=lang,
            root="/",
            title=word(lang, f"{what}_title"),
            text=word(lang, f"{what}_text"),
            refresh=refresh,
            other=other_language(lang),
        )

    def ticket_code(self, payload: str) -> str | None:
        """The code of today's genuine ticket, or None: forged, altered, other day, junk.
        Decided without the database, and the answer tells nothing about other tickets."""
        check = check_payload(self.cfg.tickets.secret, payload, self.hub.today())
        return check.code if check.ok else None

    def _this_update(self, update: Update) -> None:
        """Forget what was rendered for the read before: each read is rendered once (the
        keys tell offline from online). By the snapshot, not the Update: the hub's fan-out
        and a phone's first event, taken from the same read, share what was rendered."""
        if self._rendered_for is not update.snapshot:
            self._rendered_for = update.snapshot
            self._rendered.clear()
            self._events.clear()
            self._around.clear()
            self._own_before, self._own = self._own, {}

    def fragment(self, update: Update, code: str | None, lang: str) -> str:
        """The live part of a page and what the script needs, as JSON, rendered once per
        update, ticket and language however many phones show it."""
        self._this_update(update)
        key = (code, lang, update.offline)
        found = self._rendered.get(key)
        if found is None:
            found = json.dumps(self._fragment(update, code, lang), ensure_ascii=False)
            self._rendered[key] = found
        return found

    def event(self, update: Update, code: str | None, lang: str) -> bytes:
        """The same as a server-sent event, encoded once: a stream only passes it on."""
        self._this_update(update)
        key = (code, lang, update.offline)
        found = self._events.get(key)
        if found is None:
            data = self._rendered.get(key)  # kept only for polls: 5,000 streams, one copy
            if data is None:
                data = json.dumps(self._fragment(update, code, lang), ensure_ascii=False)
            found = _sse(data)
            self._events[key] = found
        return found

    def shared(self, update: Update, lang: str) -> tuple[Around, str]:
        """The hall's lines every ticket's page shows, and their HTML, once per update and
        language: what one call changes for 500 phones is mostly this."""
        self._this_update(update)
        found = self._around.get(lang)
        if found is None:
            part = around(self.cfg, update.snapshot.status, lang)
            found = (part, self.env.get_template("_around.html").render(v=part, w=WORDS[lang]))
            self._around[lang] = found
        return found

    def _fragment(self, update: Update, code: str | None, lang: str) -> dict[str, Any]:
        snap = update.snapshot
        if code is None:
            view = board_view(self.cfg, snap.status, lang, offline=update.offline)
            html = self.env.get_template("_board.html").render(v=view, w=WORDS[lang])
            return {"v": snap.status.version, "html": html, "offline": update.offline}
        if code not in snap.tickets:  # the day ended, or the ticket was purged
            return {"v": snap.status.version, "reload": True}
        part, shared_html = self.shared(update, lang)
        tv = ticket_view(self.cfg, snap, code, lang, offline=update.offline, shared=part)
        return {
            "v": snap.status.version,
            "html": self._own_lines(tv) + shared_html,
            "offline": update.offline,
            "state": tv.state,
            "alert": tv.alert,
            "alert_text": tv.alert_text,
            "title": f"{tv.code} · {tv.headline}",
        }

    def _own_lines(self, tv: TicketView) -> str:
        """A ticket's own lines; rendered again only when they changed since the last
        update (a call changes them for the tickets of one line, not for every ticket)."""
        key = tv.own()
        found = self._own.get(key)
        if found is None:
            found = self._own_before.get(key)
            if found is None:
                found = self.env.get_template("_ticket_own.html").render(v=tv, w=WORDS[tv.lang])
            self._own[key] = found
        return found

    # --- routes -------------------------------------------------------------------------

    async def board(self, request: Request) -> Response:
        return self.remember_language(request, await self._board(request))

    async def ticket(self, request: Request) -> Response:
        return self.remember_language(request, await self._ticket(request))

    async def _board(self, request: Request) -> Response:
        lang = self.lang(request)
        if not self.allowed(request, PAGE_LIMIT, "page"):
            return self.limited(lang)
        try:
            update = await self.hub.read(None)
        except Offline:
            return self.plain(lang, "offline", 503, refresh=NO_SCRIPT_REFRESH)
        view = board_view(self.cfg, update.snapshot.status, lang, offline=update.offline)
        return self.live_page("board.html", view, lang, root="", here=".")

    async def _ticket(self, request: Request) -> Response:
        lang = self.lang(request)
        if not self.allowed(request, PAGE_LIMIT, "page"):
            return self.limited(lang)
        payload = request.path_params["payload"]
        code = self.ticket_code(payload)
        if code is None:
            return self.plain(lang, "not_found", 404)
        try:
            update = await self.hub.read(code)
        except Offline:
            return self.plain(lang, "offline", 503, refresh=NO_SCRIPT_REFRESH)
        if code not in update.snapshot.tickets:
            return self.plain(lang, "not_found", 404)
        view = ticket_view(self.cfg, update.snapshot, code, lang, offline=update.offline)
        here = "./" + quote(payload, safe="")
        return self.live_page("ticket.html", view, lang, root="../", here=here)

    def live_page(self, name: str, view: object, lang: str, *, root: str, here: str) -> Response:
        """A page that follows the queue. Its links are relative, so the pages also work
        behind a proxy that serves them under a sub-path."""
        return self.html(
            name,
            w=WORDS[lang],
            lang=lang,
            v=view,
            refresh=NO_SCRIPT_REFRESH,
            root=root,
            events=f"{here}/events?lang={lang}",
            poll=f"{here}/state?lang={lang}",
            other=other_language(lang),
            booking=self.cfg.booking.enabled,
            documents=self.cfg.documents.enabled,
        )

    def followed(self, request: Request) -> tuple[str | None, bool]:
        """The ticket a live route follows (None: the board), and whether its payload is
        not one of today's genuine tickets."""
        if "payload" not in request.path_params:
            return None, False
        code = self.ticket_code(request.path_params["payload"])
        return code, code is None

    async def state(self, request: Request) -> Response:
        """The polling fallback: what an event would carry, as JSON."""
        lang = self.lang(request)
        code, unknown = self.followed(request)
        if unknown:
            return _gone()
        if not self.allowed(request, PAGE_LIMIT, "page"):
            return JSONResponse({"limited": True}, status_code=429)
        try:
            update = await self.hub.read(code)
        except Offline:
            return JSONResponse({"offline": True}, status_code=503)
        if not _holds(update, code):
            return _gone()
        return Response(self.fragment(update, code, lang), media_type="application/json")

    async def events(self, request: Request) -> Response | EventStream:
        lang = self.lang(request)
        code, unknown = self.followed(request)
        if unknown:
            return _gone()
        if not self.allowed(request, STREAM_LIMIT, "stream"):
            return JSONResponse({"limited": True}, status_code=429)
        listener = self.hub.listen(code, lang)
        if listener is None:  # the server has as many phones as it takes; they poll
            return JSONResponse({"busy": True}, status_code=503)
        try:
            first: Update | None = await self.hub.read(code)
        except Offline:
            first = None
        if first is not None and not _holds(first, code):
            self.hub.leave(listener)
            return _gone()
        return EventStream(
            listener,
            RETRY + self._data(listener, first),
            lambda update: self._data(listener, update),
            self.hub.leave,
        )

    def _data(self, listener: Listener, update: Update | None) -> bytes:
        if update is None:
            return OFFLINE_EVENT
        listener.version = max(listener.version, update.snapshot.status.version)
        return self.event(update, listener.code, listener.lang)

    async def health(self, request: Request) -> Response:
        offline = self.hub.offline or self.hub.latest is None
        return JSONResponse(
            {"state": "offline" if offline else "ok", "listeners": self.hub.listeners},
            status_code=503 if offline else 200,
        )

    async def chime(self, request: Request) -> Response:
        return FileResponse(resource_path("sounds", "chime.wav"), media_type="audio/wav")


def _sse(data: str) -> bytes:
    """One "update" event of a server-sent event stream, lines ended with CRLF. The data
    is one line of JSON: json.dumps leaves no raw line break in it."""
    return b"event: update\r\ndata: " + data.encode() + b"\r\n\r\n"


RETRY = f"retry: {RETRY_MS}\r\n".encode()  # said once, before the first event
OFFLINE_EVENT = _sse(json.dumps({"offline": True}))


def _gone() -> Response:
    """To a live route of a ticket that is not today's: the page reloads into its 404."""
    return JSONResponse({"reload": True}, status_code=404)


def _holds(update: Update, code: str | None) -> bool:
    return code is None or code in update.snapshot.tickets


def create_app(
    cfg: Config, follower: Queue, reader: Queue, *, read_timeout: float = 3.0
) -> Starlette:
    """The ASGI application. ``follower`` and ``reader`` are two Queues on one database:
    the hub's thread follows changes with one, pages that need their own read use the other."""
    hub = Hub(follower, reader, read_timeout=read_timeout)
    env = Environment(
        loader=FileSystemLoader(resource_path("web", "templates")),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # shipped templates: no stat() of the file at each of 500 renders
    )
    pages = Pages(cfg, hub, env, Allowances())
    booking = BookingPages(pages, reader)
    documents = DocumentPages(pages, reader)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        hub.start()
        try:
            yield
        finally:
            hub.stop()

    app = Starlette(
        routes=[
            Route("/", pages.board, name="board"),
            Route("/state", pages.state, name="board_state"),
            Route("/events", pages.events, name="board_events"),
            Route("/t/{payload}", pages.ticket, name="ticket"),
            Route("/t/{payload}/state", pages.state, name="ticket_state"),
            Route("/t/{payload}/events", pages.events, name="ticket_events"),
            Route("/book", booking.form, name="book_form"),
            Route("/book", booking.book, methods=["POST"], name="book"),
            Route("/b/{token}", booking.page, name="booking"),
            Route("/b/{token}/cancel", booking.cancel, methods=["POST"], name="booking_cancel"),
            Route("/dokumen", documents.form, name="document_form"),
            Route("/dokumen", documents.check, methods=["POST"], name="document_check"),
            Route("/healthz", pages.health, name="health"),
            Route("/static/chime.wav", pages.chime, name="chime"),
            Mount("/static", StaticFiles(directory=resource_path("web", "static")), name="static"),
        ],
        middleware=[Middleware(SecurityHeaders)],
        lifespan=lifespan,
    )
    app.state.hub = hub
    return app
