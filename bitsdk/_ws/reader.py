"""The reader: the receive loop of one connection, and the buffered socket reads under it.

It runs on the connection's thread and never waits for user code: a decoded message is
classified by the exchange hook (``_route``), subscribe replies are settled on the
connection, and the resulting event goes to the client's backlog. Each receive timeout is a
tick: the stop flag, a requested recycle, the heartbeat, command deadlines and subscribe
deadlines are checked there.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any, Callable, List, Optional

import websocket

from ..errors import InvalidResponseError
from ..events import Event
from .heartbeat import DEAD, PING

if TYPE_CHECKING:  # pragma: no cover
    from .connection import Connection

__all__ = ["read_loop", "install_buffered_recv", "LinkDead", "Stopped"]

_CONTROL_MAX_LEN = 200  # pong frames are short; longer frames skip the pong check


class LinkDead(Exception):
    """The heartbeat deadline passed, the server closed the connection, or a recycle was asked."""


class Stopped(Exception):
    """close() was called while the connection thread was busy."""


class _BufferedRecv:
    """Reads the socket in large chunks for websocket-client's frame parser.

    websocket-client asks the socket for each frame header and payload separately (two or
    three ``recv`` calls per message, each with a ``poll`` on a socket with a timeout). Serving
    those reads from one 64 KiB buffer makes the syscall cost per message negligible.

    It also knows when the reader is about to block, which is the cheapest moment to wake a
    caller waiting on a command: the reader releases the GIL right after, so the woken caller
    runs at once instead of waking a second time for the GIL (see :meth:`defer`).
    """

    __slots__ = ("_raw", "_buf", "_pos", "_deferred")

    def __init__(self, raw_recv: Callable[[int], bytes]):
        self._raw = raw_recv
        self._buf = b""
        self._pos = 0
        self._deferred: List[Callable[[], Any]] = []

    def __call__(self, bufsize: int) -> bytes:
        pos = self._pos
        buf = self._buf
        if pos >= len(buf):
            if self._deferred:
                self.flush()
            buf = self._buf = self._raw(65536)
            pos = 0
        end = pos + bufsize
        self._pos = end if end < len(buf) else len(buf)
        if pos == 0 and end >= len(buf):
            return buf
        return buf[pos:end]

    def defer(self, fn: Callable[[], Any]) -> None:
        """Run ``fn`` just before the next blocking read, or now if more data is buffered."""
        if self._pos < len(self._buf):
            fn()
        else:
            self._deferred.append(fn)

    def flush(self) -> None:
        deferred, self._deferred = self._deferred, []
        for fn in deferred:
            fn()


def _install_buffered_recv(ws: websocket.WebSocket) -> Optional[_BufferedRecv]:
    fb = getattr(ws, "frame_buffer", None)
    raw = getattr(ws, "_recv", None)
    if fb is None or raw is None or not hasattr(fb, "recv"):
        return None  # another websocket-client layout: plain reads still work
    reader = fb.recv = _BufferedRecv(raw)
    return reader


def install_buffered_recv(ws: websocket.WebSocket) -> Optional[_BufferedRecv]:
    """Serve websocket-client's frame reads from one buffer (None on an unknown layout)."""
    fb = getattr(ws, "frame_buffer", None)
    raw = getattr(ws, "_recv", None)
    if fb is None or raw is None or not hasattr(fb, "recv"):
        return None  # another websocket-client layout: plain reads still work
    reader = fb.recv = _BufferedRecv(raw)
    return reader


def read_loop(conn: "Connection", ws: websocket.WebSocket, login_deadline: Optional[float] = None) -> Any:
    """Receive until the link ends (raises :class:`LinkDead` or :class:`Stopped`).

    In login mode (``login_deadline`` set) it returns ``(msg, verdict)`` at the login reply,
    or ``None`` at the deadline.
    """
    client = conn.client
    key = conn.ws_key
    recv = ws.recv
    loads = json.loads
    route = client._route
    put = client._put
    listeners = client._listeners
    has_queue = client._event_queue is not None
    is_control = client._is_control
    on_reply = conn.on_reply
    verdict_of = client._login_verdict if login_deadline is not None else None
    mono = time.monotonic
    stop = conn.stop
    hb = conn.heartbeat
    assert hb is not None
    tick = client._tick
    pending = client._pending
    Timeout = websocket.WebSocketTimeoutException
    next_tick = mono() + tick
    while True:
        try:
            raw = recv()
        except Timeout:
            raw = None
        except (websocket.WebSocketException, OSError) as exc:
            if stop.is_set():
                raise Stopped from None
            if conn.recycle_reason:
                raise LinkDead(conn.recycle_reason) from None
            raise LinkDead(f"connection lost ({type(exc).__name__}: {exc})") from None
        now = mono()
        if raw is not None:
            hb.last_rx = now
            conn.messages += 1
            if raw.__class__ is str and raw:
                if len(raw) > _CONTROL_MAX_LEN or not is_control(conn, raw):
                    try:
                        msg = loads(raw)
                    except ValueError as exc:
                        put(Event("exception", key, raw, error=InvalidResponseError(f"not JSON: {exc}")))
                        continue
                    try:
                        if verdict_of is not None:
                            outcome = verdict_of(msg)
                            if outcome is not None:
                                return msg, outcome
                        event = route(key, msg)
                        if event is not None:
                            kind = event.kind
                            if kind != "update" and (kind == "response" or kind == "exception") and not event.ws_api:
                                event = on_reply(msg, event)  # subscribe acknowledgements
                            # Events nobody consumes are not queued: the dispatcher stays asleep.
                            if event is not None and (listeners.get(event.kind) or has_queue):
                                put(event)
                    except (LinkDead, Stopped):
                        raise
                    except Exception as exc:  # noqa: BLE001 - one odd frame must not kill the link
                        put(Event("exception", key, msg, error=exc))
            elif not ws.connected:
                # A close frame (websocket-client already answered it).
                if stop.is_set():
                    raise Stopped
                raise LinkDead("closed by the server")
        if now < next_tick:
            continue
        # -- tick
        next_tick = now + tick
        if stop.is_set():
            raise Stopped
        if conn.recycle_reason:
            raise LinkDead(conn.recycle_reason)
        beat = hb.tick(now)
        if beat is DEAD:
            raise LinkDead(f"no reply to ping within {hb.timeout:g}s")
        if beat is PING:
            conn.send_ping(ws)
        if login_deadline is not None and now >= login_deadline:
            return None
        if pending._items:
            pending.expire(now)
        if len(conn.acks):
            conn.check_acks(ws, now)
