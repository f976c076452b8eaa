"""Events delivered by the WebSocket clients.

Every WebSocket client emits small :class:`Event` objects, consumed with
``ws.on(kind, callback)`` and/or from a ``queue.Queue`` given to the client::

    ws = WebsocketClient(event_queue=q)
    ws.on("update", lambda ev: print(ev.ws_key, ev.data["topic"]))

Kinds::

    open           the first successful connection of a ws_key
    response       acknowledgements (subscribe, unsubscribe, login) and WebSocket API replies
    update         stream data (market data, private account data)
    authenticated  login accepted on a private connection
    reconnect      the connection dropped unexpectedly; a reconnect is scheduled
    reconnected    a reconnect succeeded (logged in and resubscribed where needed)
    close          the connection was closed on purpose by close()
    exception      something went wrong: an error reply, a rejected login, a rejected or
                   unanswered subscription (topic names it), a callback that raised, a
                   failed reconnect attempt, an event backlog overflow; error holds the
                   exception
    book           a verified order book (``ws.order_book(...)``) applied a message; data is
                   the OrderBook
    resync         an order book broke (gap, checksum, reconnect) and is being refreshed;
                   data is {"topic", "reason", "resyncs", "book"}
"""

from __future__ import annotations

from typing import Any, Optional

import attr

__all__ = ["Event", "EVENT_KINDS"]

EVENT_KINDS = (
    "open",
    "response",
    "update",
    "authenticated",
    "reconnect",
    "reconnected",
    "close",
    "exception",
    "book",
    "resync",
)


@attr.s(slots=True, auto_attribs=True, repr=False)
class Event:
    """One thing that happened on a WebSocket connection.

    Attributes:
        kind: one of :data:`EVENT_KINDS`.
        ws_key: the connection it happened on (e.g. ``"v5LinearPublic"``, ``"v3Private"``).
        data: the decoded message (a dict) for ``response``/``update``/``authenticated``; for
            lifecycle events a small dict (e.g. ``{"url": ...}``), else ``None``.
        error: the exception, for ``exception`` events.
        ws_api: True when this is a reply to a WebSocket API command.
        unmatched: True for a WebSocket API reply that matched no pending command (a late or
            duplicate reply): reported, never raised.
        topic: for an ``exception`` about one subscription (the exchange rejected it), the
            topic as it was subscribed (wire form); else ``None``.
    """

    kind: str
    ws_key: str
    data: Any = None
    error: Optional[BaseException] = None
    ws_api: bool = False
    unmatched: bool = False
    topic: Any = None

    def __repr__(self) -> str:
        extra = ""
        if self.error is not None:
            extra += f", error={self.error!r}"
        if self.ws_api:
            extra += ", ws_api=True"
        if self.unmatched:
            extra += ", unmatched=True"
        if self.topic is not None:
            extra += f", topic={self.topic!r}"
        data = repr(self.data)
        if len(data) > 200:
            data = data[:200] + "…"
        return f"Event({self.kind!r}, {self.ws_key!r}, data={data}{extra})"
