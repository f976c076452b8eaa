"""The reader: the receive loop of one connection, on the connection's thread.

Each ``sock.recv(65536)`` is parsed by :class:`~bitsdk._ws.frames.FrameParser` (frames read
straight from the buffer; websocket-client keeps the handshake, TLS, proxies and sending).
Each message is classified once, by the exchange hook (``_route``); subscribe replies are
settled on the connection. Then, per socket read:

* ``delivery="dispatcher"`` (default): the events of the read are handed off in one batch
  (one lock, one wake-up) to the client's dispatcher, or, for a client with an
  ``event_queue`` and no callbacks, put straight into the queue (see
  :meth:`~bitsdk._ws.client.BaseWebsocketClient._hand_off`);
* ``delivery="inline"``: each event's callbacks run right here, as it is read. Between two
  messages the heartbeat and command deadlines are checked, so pings stay on time even
  while callbacks are slow (the link is never declared dead then: data is flowing).

A receive timeout is a tick: the stop flag, a requested recycle, the heartbeat, command
deadlines and subscribe deadlines are checked there (and at least every tick while data
flows).

**Caller reads** (connections that carry WebSocket API commands, ``COMMAND_KEYS``, with the
default delivery): a caller blocked on a command's result reads the socket itself while the
connection thread is idle, so the reply wakes one thread (the caller, as in a plain
send-then-recv loop) instead of two (the connection thread, then the caller). The socket is
read by whoever holds ``Reader.baton``, from the ``recv`` to the end of that read's
processing, so messages are still handled one read at a time and in order, by the same code.
The connection thread waits for data *without* the baton (``poll``), takes it to read, and
leaves the socket alone while a caller holds it; a caller that finds the baton taken waits
for its future as usual. A caller returns as soon as its own reply is handled; anything it
read for others is delivered exactly as the connection thread would have delivered it.
"""

from __future__ import annotations

import os
import select
import socket
import ssl
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, List, Optional, Tuple, cast

import websocket

from .. import _json
from ..errors import InvalidResponseError
from ..events import Event
from .frames import BINARY, CLOSE, PING, FrameError, FrameParser, Message
from .heartbeat import DEAD, PING as BEAT_PING

if TYPE_CHECKING:  # pragma: no cover
    from .connection import Connection

__all__ = ["read_loop", "Reader", "LinkDead", "Stopped", "decode_json"]

_yield = getattr(os, "sched_yield", lambda: time.sleep(0))  # not on every platform
_BUSY_READ = 4  # events in one read from which the reader yields after the hand-off
_CONTROL_MAX_LEN = 200  # heartbeat text frames are short; longer frames skip the check
_RECV_SIZE = 65536
_STATUS_NORMAL = 1000
_STATUS_PROTOCOL_ERROR = 1002


#: bytes -> object; ``ValueError`` (``UnicodeDecodeError`` included) for anything not JSON.
#: orjson on the bytes when installed, the stdlib otherwise, with the same results.
decode_json: Callable[[bytes], Any] = _json.loads


class LinkDead(Exception):
    """The heartbeat deadline passed, the server closed the connection, or a recycle was asked."""


class Stopped(Exception):
    """close() was called while the connection thread was busy."""


class Reader:
    """The receive state of one socket: the raw ``recv``, the frame parser, the messages
    left over by a login read, and command wake-ups deferred to the end of a read.

    Deferring the wake-up of a caller waiting on a command to the moment the reader is about
    to block is what makes it cheap: the reader releases the GIL right after, so the woken
    caller runs at once instead of waking a second time for the GIL.
    """

    __slots__ = ("recv", "parser", "carry", "_deferred", "baton", "_poll_own", "_poll_caller", "_tls_pending",
                 "_epoll", "_fd", "unfinished")

    def __init__(self, ws: websocket.WebSocket, caller_reads: bool = False):
        sock = ws.sock
        if sock is None:
            raise websocket.WebSocketConnectionClosedException("the socket closed during the handshake")
        self.recv: Callable[[int], bytes] = sock.recv
        self.parser = FrameParser()
        self.carry: Optional[List[Message]] = None
        self._deferred: List[Callable[[], Any]] = []
        # Caller reads (see the module docstring): whoever holds the baton reads the socket.
        self.baton = threading.Lock() if caller_reads else None
        # A poll object serves one thread at a time: one for the connection thread, one for
        # the callers (one at a time: the baton holder). On Linux the connection thread's is
        # an epoll that a caller disarms while it reads, so a reply wakes the caller alone.
        self._epoll: Any = None
        self._fd = sock.fileno()
        self._poll_own: Optional[Callable[[float], bool]] = None
        self._poll_caller: Optional[Callable[[float], bool]] = None
        if caller_reads:
            if hasattr(select, "epoll"):
                self._epoll = select.epoll()
                self._epoll.register(self._fd, select.EPOLLIN)
                epoll_wait = self._epoll.poll
                self._poll_own = lambda timeout: bool(epoll_wait(max(timeout, 0.0)))
            else:  # pragma: no cover - no epoll: the connection thread wakes too, harmlessly
                self._poll_own = _poller(sock)
            self._poll_caller = _poller(sock)
        # Bytes TLS has decrypted but not handed out yet: poll() cannot see them.
        self._tls_pending: Optional[Callable[[], int]] = getattr(sock, "pending", None)
        # A caller took bytes off the socket and has not handled all of them yet: if its wait
        # is interrupted now (Ctrl-C), messages of that read may be lost (see read_for).
        self.unfinished = False
        # Bytes websocket-client read past the handshake (none today: it reads the HTTP
        # response line by line), parsed first so that nothing is lost either way.
        fb = getattr(ws, "frame_buffer", None)
        early = b"".join(getattr(fb, "recv_buffer", None) or ())
        if early and fb is not None:
            fb.recv_buffer = []
            self.carry = self.parser.feed(early)

    def defer(self, fn: Callable[[], Any]) -> None:
        """Run ``fn`` once the messages of the current read are handed off."""
        self._deferred.append(fn)

    def flush(self) -> None:
        """Run the deferred wake-ups now."""
        deferred = self._deferred
        todo = deferred[:]
        deferred.clear()  # in place: the read loop holds this list
        for fn in todo:
            fn()

    def ready(self, timeout: float, caller: bool = False) -> bool:
        """True when a ``recv`` finds data now or within ``timeout`` seconds (caller reads;
        the GIL is released while waiting). ``caller``: asked by a command's caller."""
        pending = self._tls_pending
        if pending is not None and pending():
            return True
        poll = self._poll_caller if caller else self._poll_own
        assert poll is not None
        return poll(timeout)

    def hold(self, reading: bool) -> None:
        """A caller starts (``True``) or stops reading: the connection thread's wait ignores
        the socket meanwhile (where epoll allows it), so it is not woken for the caller's data."""
        ep = self._epoll
        if ep is not None:
            try:
                ep.modify(self._fd, 0 if reading else select.EPOLLIN)
            except (OSError, ValueError):  # closed under us: the connection thread sees it anyway
                pass

    def close(self) -> None:
        """Release the epoll handle (the connection thread, when the socket ends)."""
        ep, self._epoll = self._epoll, None
        if ep is not None:
            ep.close()

    def buffered(self) -> bool:
        """True when TLS holds decrypted bytes that no ``poll`` would announce."""
        pending = self._tls_pending
        return pending is not None and pending() > 0


def _poller(sock: Any) -> Callable[[float], bool]:
    """``wait(timeout) -> bool``: whether ``sock`` is readable (or failed) within ``timeout`` s."""
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(sock.fileno(), select.POLLIN)  # errors and hang-ups are always reported

        def wait(timeout: float) -> bool:
            return bool(poller.poll(max(timeout, 0.0) * 1000.0))

        return wait

    def wait_select(timeout: float) -> bool:  # pragma: no cover - platforms without poll()
        return bool(select.select([sock], [], [sock], max(timeout, 0.0))[0])

    return wait_select


def _close_reply(conn: "Connection", ws: websocket.WebSocket, status: int, reason: str = "") -> None:
    """Answer or start the close handshake (best effort: the link is ending anyway)."""
    try:
        if ws.connected:
            ws.send_close(status, reason.encode()[:120])
    except Exception:  # noqa: BLE001 - the socket may be gone already
        pass


def read_loop(conn: "Connection", ws: websocket.WebSocket, login_deadline: Optional[float] = None,
              until: Any = None, until_deadline: float = 0.0, reader: Optional[Reader] = None) -> Any:
    """Receive until the link ends (raises :class:`LinkDead` or :class:`Stopped`).

    In login mode (``login_deadline`` set) it returns ``(msg, verdict)`` at the login reply,
    or ``None`` at the deadline; messages read after the reply wait in ``reader.carry``.

    A caller's read (``until``, a command's future; the caller holds ``reader.baton``)
    returns ``None`` once ``until`` is done or ``until_deadline`` (monotonic) has passed.
    """
    client = conn.client
    if reader is None:
        reader = conn.reader
    assert reader is not None
    baton: Any = reader.baton  # a Lock wherever it is used below (shared or caller mode)
    caller = until is not None
    # The connection thread of a caller-reads socket: waits for data without the baton.
    shared = baton is not None and not caller and login_deadline is None
    held = False
    ready = reader.ready
    key = conn.ws_key
    recv = reader.recv
    feed = reader.parser.feed
    deferred = reader._deferred  # noqa: SLF001 - flushed by identity below
    loads = decode_json
    route = client._route
    listeners = client._listeners
    has_queue = client._event_queue is not None
    inline = client._inline
    deliver = client._deliver
    hand_off = client._hand_off
    is_control = client._is_control
    control_max = _CONTROL_MAX_LEN
    on_reply = conn.on_reply
    verdict_of = client._login_verdict if login_deadline is not None else None
    mono = time.monotonic
    stop = conn.stop
    hb = conn.heartbeat
    assert hb is not None
    tick = client._tick
    next_tick = mono() + tick
    items, reader.carry = reader.carry, None
    fatal: Optional[FrameError] = None  # a protocol error, raised once the messages before it are delivered
    if shared and items is not None:
        baton.acquire()  # the login read's leftovers come before any caller's read
        held = True
    try:
        while True:
            if items is None:
                data: Optional[bytes] = None
                try:
                    if shared:
                        # Take the baton only to read: a caller may hold it (and the data) now.
                        if ready(tick):
                            baton.acquire()
                            held = True
                            if ready(0.0):
                                data = recv(_RECV_SIZE)
                            else:  # a caller took what woke us
                                baton.release()
                                held = False
                    elif caller:
                        if ready(min(tick, until_deadline - mono()), True):
                            reader.unfinished = True  # set first: no moment holds bytes unaccounted for
                            data = recv(_RECV_SIZE)
                    else:
                        data = recv(_RECV_SIZE)
                except (socket.timeout, ssl.SSLWantReadError):
                    data = None
                except OSError as exc:
                    if stop.is_set():
                        raise Stopped from None
                    if conn.recycle_reason:
                        raise LinkDead(conn.recycle_reason) from None
                    raise LinkDead(f"connection lost ({type(exc).__name__}: {exc})") from None
                now = mono()
                if data is not None:
                    if not data:
                        if stop.is_set():
                            raise Stopped
                        if conn.recycle_reason:
                            raise LinkDead(conn.recycle_reason)
                        raise LinkDead("connection closed by the server (no close frame)")
                    hb.last_rx = now
                    try:
                        items = feed(data)
                    except FrameError as exc:
                        items, fatal = exc.messages, exc
            else:
                now = mono()
            if items:
                conn.messages += len(items)
                batch: List[Any] = []
                for item in items:
                    if item.__class__ is bytes:
                        event = None
                        if len(item) <= control_max:
                            try:
                                text = item.decode()
                            except UnicodeDecodeError as exc:
                                event = _unreadable(key, item, f"not UTF-8 text: {exc}")
                            else:
                                if not text or is_control(conn, text):
                                    continue
                        if event is None:
                            try:
                                msg = loads(item)
                            except ValueError as exc:
                                event = _unreadable(key, item, f"not JSON: {exc}")
                            else:
                                try:
                                    if verdict_of is not None:
                                        outcome = verdict_of(msg)
                                        if outcome is not None:
                                            reader.carry = _after(items, item)
                                            _hand_off_now(batch, inline, deliver, hand_off, reader)
                                            return msg, outcome
                                    event = route(key, msg)
                                    if event is None:
                                        continue
                                    kind = event.kind
                                    if kind != "update" and (kind == "response" or kind == "exception") and not event.ws_api:
                                        # A subscribe reply may emit rejections: what came before goes first.
                                        _hand_off_now(batch, inline, deliver, hand_off, reader)
                                        event = on_reply(msg, event)  # subscribe acknowledgements
                                        if event is None:
                                            continue
                                except (LinkDead, Stopped):
                                    raise
                                except Exception as exc:  # noqa: BLE001 - one odd frame must not kill the link
                                    event = Event("exception", key, msg, error=exc)
                        if inline:
                            if deferred:
                                reader.flush()  # a command's caller first, then the callbacks
                            deliver(event)
                            if stop.is_set():
                                raise Stopped
                            t = mono()
                            if t >= next_tick:
                                next_tick = t + tick
                                _tick(conn, ws, t, None, check_dead=False)
                        elif listeners.get(event.kind) or has_queue:
                            batch.append(event)  # events nobody consumes are not queued
                    else:
                        conn.messages -= 1  # control frames are not messages
                        opcode, payload = cast(Tuple[int, bytes], item)
                        if opcode == PING:
                            try:
                                ws.pong(payload)
                            except Exception as exc:  # noqa: BLE001
                                raise LinkDead(f"pong failed ({exc})") from None
                        elif opcode == CLOSE:
                            _hand_off_now(batch, inline, deliver, hand_off, reader)
                            _close_reply(conn, ws, _STATUS_NORMAL)
                            if stop.is_set():
                                raise Stopped
                            code = int.from_bytes(payload[:2], "big") if payload else None
                            why = payload[2:].decode("utf-8", "replace")
                            raise LinkDead("closed by the server" + (f" (status {code}{': ' + why if why else ''})" if code else ""))
                        elif opcode == BINARY:
                            conn.messages += 1  # a message, ignored: both exchanges speak text
                        # PONG: a sign of life, counted when the bytes arrived
                if batch:
                    hand_off(batch)
                    if len(batch) >= _BUSY_READ:
                        # A busy feed: let the consumer (woken above) take the GIL now rather
                        # than after the next reads (CPython hands the GIL back to an I/O-bound
                        # thread before a waiting one; that delay was most of the callback latency).
                        _yield()
                if deferred:
                    reader.flush()
            items = None
            if fatal is not None:
                _close_reply(conn, ws, _STATUS_PROTOCOL_ERROR, str(fatal))
                raise LinkDead(f"protocol error: {fatal}")
            if held:
                baton.release()
                held = False
            elif caller:
                reader.unfinished = False
                if (until.done() or now >= until_deadline) and not reader.buffered():
                    return None  # (bytes TLS decrypted are read first: no poll() would announce them)
                if stop.is_set():
                    raise Stopped
                if conn.recycle_reason:
                    raise LinkDead(conn.recycle_reason)
                continue  # the periodic checks stay with the connection thread (it ticks meanwhile)
            if now < next_tick:
                continue
            next_tick = now + tick
            if _tick(conn, ws, now, login_deadline, check_dead=True):
                return None
    finally:
        if held:
            baton.release()


def _unreadable(key: str, item: bytes, why: str) -> Event:
    return Event("exception", key, item.decode("utf-8", "replace"), error=InvalidResponseError(why))


def _after(items: List[Message], item: Any) -> Optional[List[Message]]:
    """The messages of ``items`` after ``item`` (by identity), or None."""
    for i, other in enumerate(items):
        if other is item:
            return items[i + 1:] or None
    return None  # pragma: no cover - item always comes from items


def _hand_off_now(batch: List[Any], inline: bool, deliver: Callable[[Any], None],
                  hand_off: Callable[[List[Any]], None], reader: Reader) -> None:
    """Hand off what a read produced so far (before a reply that may emit events, a login
    verdict or a close)."""
    if batch:
        events = batch[:]
        del batch[:]
        if inline:
            for event in events:
                deliver(event)
        else:
            hand_off(events)
    reader.flush()


def _tick(conn: "Connection", ws: websocket.WebSocket, now: float, login_deadline: Optional[float],
          check_dead: bool) -> bool:
    """The periodic checks; True when the login deadline has passed."""
    if conn.stop.is_set():
        raise Stopped
    if conn.recycle_reason:
        raise LinkDead(conn.recycle_reason)
    hb = conn.heartbeat
    assert hb is not None
    beat = hb.tick(now)
    if beat is DEAD:
        # Between messages (inline callbacks) data is flowing: the pong may be in the buffer.
        if check_dead:
            raise LinkDead(f"no reply to ping within {hb.timeout:g}s")
    elif beat is BEAT_PING:
        conn.send_ping(ws)
    pending = conn.client._pending
    if pending._items:
        pending.expire(now)
    if len(conn.acks):
        conn.check_acks(ws, now)
    return login_deadline is not None and now >= login_deadline
