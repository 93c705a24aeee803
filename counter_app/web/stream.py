"""One phone's event stream: server-sent events already encoded, passed on as they come.

A call changes what 500 phones show at once. Each event is rendered and encoded once per
update (Pages.event); what is left per phone is this loop: wake, take the newest update,
one ``send``. Keeping the stream open (a ping through routers that drop quiet
connections), noticing the phone has gone, ending with the server: the hub pings every
stream at once (Hub._ping), a watcher task waits for the disconnect, and the hub's stop
ends every stream. A reader that stops reading is the guard's to cut (write_timeout).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from starlette.types import Message, Receive, Scope, Send

from counter_app.web.hub import PING, Listener, Update

PING_EVENT = b": ping\r\n\r\n"  # a comment line: the browser's EventSource ignores it

HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-store"),
    (b"x-accel-buffering", b"no"),  # a proxy (nginx) in front must not hold events back
]


class EventStream:
    """An ASGI response: ``first`` (bytes), then ``encode(update)`` for each update the
    listener is offered, until the phone goes or the server stops (an update of None)."""

    def __init__(
        self,
        listener: Listener,
        first: bytes,
        encode: Callable[[Update], bytes],
        done: Callable[[Listener], None],
    ) -> None:
        self.listener = listener
        self.first = first
        self.encode = encode
        self.done = done

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        listener = self.listener
        watcher = asyncio.ensure_future(self._watch(receive))
        try:
            await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
            await send(_body(self.first))
            while True:
                update = await listener.updates.get()
                if update is None:
                    break
                await send(_body(PING_EVENT if update is PING else self.encode(update)))
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            watcher.cancel()
            self.done(listener)

    async def _watch(self, receive: Receive) -> None:
        """Until the phone hangs up (or the server drops the connection): then the loop
        above ends at once, not at the next update or ping."""
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                self.listener.offer(None)
                return


def _body(chunk: bytes) -> Message:
    return {"type": "http.response.body", "body": chunk, "more_body": True}
