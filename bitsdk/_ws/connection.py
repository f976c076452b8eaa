"""The connection loop: one thread per connection (a shard of a ws_key).

Its life, on its own thread: connect (a TCP connect that ``close()`` can abort) → log in with
a fresh signature (private keys) → resubscribe its replay set in requests within the
exchange's limits, each tracked to its reply → emit ``open``/``reconnected`` → read (see
:mod:`bitsdk._ws.reader`) → on any end: close the socket, fail the pending commands (outcome
unknown, never resent), emit ``reconnect`` and wait the backoff on ``stop.wait`` so
``close()`` interrupts it.

A connection that was healthy when it dropped (live for :data:`HEALTHY_AFTER` seconds, every
subscription answered, data received) comes back at once; one that fails fast backs off
exponentially (:class:`~bitsdk._ws.heartbeat.Backoff`). A disconnect and each failed
attempt log at WARNING (at most one per :data:`_WARN_EVERY` seconds per connection, the rest
at DEBUG with a count); the recovery logs at INFO.
"""

from __future__ import annotations

import logging
import socket
import ssl
import threading
import time
from typing import TYPE_CHECKING, Any, Dict, Hashable, List, Optional, Set
from urllib.parse import urlparse

import websocket

from ..errors import APIError, AuthenticationError, ConnectionLostError, NetworkError, WebSocketError
from ..events import Event
from .heartbeat import Backoff, Heartbeat
from .hooks import ShardLimits
from .reader import LinkDead, Reader, Stopped, read_loop
from .topics import AckTracker, SlidingWindow, batches, message_pacer

if TYPE_CHECKING:  # pragma: no cover
    from ..events import Event as _Event  # noqa: F401
    from .client import BaseWebsocketClient

__all__ = ["Connection", "HEALTHY_AFTER", "current"]

#: ``current.client``: on a connection thread, the client it reads for (inline delivery).
current = threading.local()

#: seconds a connection must have been live (and answered) to count as healthy.
HEALTHY_AFTER = 3.0
_AUTH_RETRY_MIN = 5.0  # a rejected login waits at least this long (capped by the max backoff)
_WARN_EVERY = 10.0
_REQ_ID_ROOM = "x" * 36  # a request id as long as any: frame-size budgets stay safe


def _tls(sock: socket.socket, host: str) -> socket.socket:
    """Wrap a connected socket in TLS with websocket-client's own defaults (certificate and
    host name checked; ``WEBSOCKET_CLIENT_CA_BUNDLE`` honoured)."""
    try:
        from websocket._http import _ssl_socket
    except ImportError:  # pragma: no cover - another websocket-client layout
        return ssl.create_default_context().wrap_socket(sock, server_hostname=host)
    wrapped: socket.socket = _ssl_socket(sock, {}, host)  # websocket-client's private helper is untyped
    return wrapped


def _open_tcp(conn: "Connection", url: str, timeout: float) -> socket.socket:
    """Connect a TCP socket (TLS for wss) that ``close()`` can abort at any step.

    websocket-client creates its socket inside ``connect()``, out of reach of another thread,
    so a connect that gets no answer would hold ``close()`` for the whole timeout. Here the
    socket is published on ``conn.sock`` first; ``shutdown()`` from ``close()`` ends a pending
    connect or TLS handshake at once.
    """
    parsed = urlparse(url)
    secure = parsed.scheme == "wss"
    host = parsed.hostname or ""
    port = parsed.port or (443 if secure else 80)
    last: Optional[BaseException] = None
    for family, kind, proto, _, address in socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM):
        sock = socket.socket(family, kind, proto)
        conn.sock = sock
        if conn.stop.is_set():
            sock.close()
            raise Stopped
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
            sock.settimeout(timeout)
            sock.connect(address)
            if secure:
                sock = _tls(sock, host)
                conn.sock = sock
            return sock
        except OSError as exc:
            sock.close()
            if conn.stop.is_set():
                raise Stopped from None
            last = exc
    raise last if last is not None else OSError(f"no address for {host}")


class Connection:
    """One connection of a ws_key (shard ``index``): its thread, socket, topics and counters."""

    def __init__(self, client: "BaseWebsocketClient", ws_key: str, index: int, url: str, private: bool,
                 limits: ShardLimits):
        self.client = client
        self.ws_key = ws_key
        self.index = index
        self.name = ws_key if index == 0 else f"{ws_key}#{index}"
        self.thread_name = f"bitsdk-{client.EXCHANGE}-{ws_key}" + ("" if index == 0 else f"-{index}")
        self.url = url
        self.private = private
        self.limits = limits
        self.stop = threading.Event()
        self.thread: Optional[threading.Thread] = None
        self.ws: Optional[websocket.WebSocket] = None
        self.sock: Optional[socket.socket] = None  # published before connecting (see _open_tcp)
        # The replay set (key -> wire arg, in subscription order), the part of it not sent on
        # the current socket yet, and its size in characters: guarded by client._sub_lock.
        self.topics: Dict[Hashable, Any] = {}
        self.unsent: Dict[Hashable, Any] = {}
        self.chars = 0
        self.live_keys: Set[Hashable] = set()  # acknowledged on the current socket
        # Serialises the frames written for (un)subscriptions on this connection.
        self.sub_lock = threading.Lock()
        self.live: Optional[websocket.WebSocket] = None  # the socket while usable
        self.cond = threading.Condition()
        self.auth_failures = 0
        self.last_auth_error: Optional[BaseException] = None
        self.opened_before = False
        self.live_since: Optional[float] = None
        self.reader: Any = None
        self.heartbeat: Optional[Heartbeat] = None
        self.pacer = message_pacer(limits)
        self.budget = SlidingWindow(limits.requests_per_hour, 3600.0) if limits.requests_per_hour else None
        self.acks = AckTracker()
        self.recycle_reason: Optional[str] = None
        self._unhealthy = False
        # counters
        self.messages = 0
        self.reconnects = 0
        self._messages_at_live = 0
        self._last_warn = float("-inf")
        self._suppressed = 0
        self._wait = 0.0  # the delay chosen after the last drop

    def __repr__(self) -> str:
        return f"<Connection {self.name} {'live' if self.live is not None else 'down'}: {len(self.topics)} topics>"

    # ------------------------------------------------------------------ control (any thread)

    def start(self) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self.run, name=self.thread_name, daemon=True)
            self.thread.start()

    def recycle(self, reason: str, unhealthy: bool = True) -> None:
        """Ask for a fresh connection (the reader ends the current one on its next read).

        ``unhealthy``: reconnect with backoff; False for a link that failed on its own (as
        when the connection thread finds it dead), which comes back at once if it was healthy.
        """
        self.recycle_reason = reason
        if unhealthy:
            self._unhealthy = True
        self._shut_socket()

    def _shut_socket(self) -> None:
        """Wake whoever reads the socket: its reads end at once."""
        sock = self.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def shutdown(self) -> None:
        """Stop the thread: polite close frame, then abort any connect, handshake or read."""
        self.stop.set()
        self.set_live(None)
        ws = self.ws
        if ws is not None:
            try:
                if ws.connected:
                    ws.send_close()
            except Exception:  # noqa: BLE001 - best effort
                pass
        self._shut_socket()

    def set_live(self, ws: Optional[websocket.WebSocket]) -> None:
        with self.cond:
            self.live = ws
            self.cond.notify_all()

    def stats(self, now: float) -> Dict[str, Any]:
        hb = self.heartbeat
        return {
            "url": self.url,
            "live": self.live is not None,
            "topics": len(self.topics),
            "pending_acks": len(self.acks),
            "messages": self.messages,
            "reconnects": self.reconnects,
            "last_message_age": None if hb is None else now - hb.last_rx,
        }

    # ------------------------------------------------------------------ sending

    def send_ping(self, ws: websocket.WebSocket) -> None:
        if self.pacer is not None and not self.pacer.acquire(self.stop):
            raise Stopped
        try:
            ws.send(self.client.PING_FRAME)
        except (websocket.WebSocketException, OSError) as exc:
            if self.stop.is_set():
                raise Stopped from None
            raise LinkDead(f"ping failed ({exc})") from None

    def submit(self, keys: List[Hashable]) -> None:
        """Send the subscribe requests for newly placed topics, if the socket is live (else
        they go out with the replay set when it is)."""
        client = self.client
        with self.sub_lock:
            ws = self.live
            if ws is None:
                return
            with client._sub_lock:
                todo = [self.unsent.pop(k) for k in keys if k in self.unsent]
            if todo:
                self.send_topics(ws, "subscribe", todo)

    def unsubscribe(self, args: List[Any]) -> None:
        with self.sub_lock:
            ws = self.live
            if ws is not None:
                self.send_topics(ws, "unsubscribe", args)

    def send_topics(self, ws: websocket.WebSocket, op: str, args: List[Any], attempt: int = 1) -> None:
        """Write (un)subscribe requests for ``args`` within the limits (sub_lock held).

        Subscribe requests are registered with the ack tracker before they are written. A
        failed write is harmless: the topics stay in the replay set and go out again with
        the next connection.
        """
        client = self.client
        limits = self.limits
        overhead = len(client._sub_frame(self.ws_key, op, [], _REQ_ID_ROOM).encode())
        topic_key = client._topic_key
        for batch in batches(args, limits, overhead):
            budget = self.budget
            if budget is not None and budget.available() < 1:
                self.recycle(
                    f"the {budget.count} (un)subscribe requests an hour of this connection are used up; "
                    "reconnecting for a fresh budget"
                )
                return
            if self.pacer is not None and not self.pacer.acquire(self.stop):
                return
            req_id = client._new_request_id()
            frame = client._sub_frame(self.ws_key, op, batch, req_id)
            if op == "subscribe":
                self.acks.add(req_id, [topic_key(a) for a in batch], batch, time.monotonic(), attempt)
            if budget is not None:
                budget.spend()
            try:
                ws.send(frame)
            except Exception as exc:  # noqa: BLE001 - socket died; the reader handles it
                client._logger.debug("%s: %s frame not sent (%s)", self.name, op, exc)
                return

    def read_for(self, reader: Reader, ws: websocket.WebSocket, until: Any, deadline: float) -> None:
        """Read this socket on the calling thread until ``until`` (a command's future) is done
        or ``deadline`` (monotonic) passes, if nobody else is reading it right now; else
        return at once (the caller then waits for its future as usual). See "caller reads"
        in :mod:`bitsdk._ws.reader`.
        """
        baton = reader.baton
        if baton is None or not baton.acquire(False):
            return
        try:
            if self.reader is not reader or self.live is not ws or self.stop.is_set():
                return  # a socket being replaced: its connection thread handles the rest
            reader.hold(True)
            try:
                read_loop(self, ws, until=until, until_deadline=deadline, reader=reader)
            finally:
                reader.hold(False)
        except Stopped:
            pass
        except LinkDead as exc:
            # The connection thread reconnects; it learns why on its next look at the socket.
            self.recycle(str(exc), unhealthy=False)
        except Exception:  # noqa: BLE001 - a bug: say so; the caller still gets its outcome
            self.client._logger.exception("%s: reading for a command's caller failed", self.name)
        except BaseException:  # KeyboardInterrupt in the caller's thread
            if reader.unfinished:
                # Stopped halfway through a read: what it held may be lost. Never silently:
                # say so, and reconnect (books resync, the account state backfills).
                reason = ("a command's wait was interrupted while its thread handled a read; "
                          "messages of that read may be lost: reconnecting")
                self.client._logger.warning("%s: %s", self.name, reason)
                self.recycle(reason, unhealthy=False)
            raise
        finally:
            baton.release()

    # ------------------------------------------------------------------ replies (reader thread)

    def on_reply(self, msg: Any, event: Event) -> Optional[Event]:
        """Settle a subscribe reply; returns the event to emit in place of ``event``."""
        client = self.client
        reply = client._sub_reply(self.ws_key, msg)
        if reply is None:
            return event
        request = self.acks.get(reply.req_id)
        resolve = self.acks.resolve
        rejected = {resolve(k): reason for k, reason in reply.rejected.items()}
        confirmed = None if reply.confirmed is None else [resolve(k) for k in reply.confirmed]
        split = None
        if reply.reason is not None and not rejected:
            if request is None:
                return event  # names neither a topic nor a request we know: report as is
            if len(request.keys) == 1:
                rejected[request.keys[0]] = reply.reason
            else:
                split = request
            confirmed = []
        elif confirmed is None:
            confirmed = [k for k in request.keys if k not in rejected] if request is not None else []
        if request is not None and reply.confirmed is None:
            self.acks.drop(request)  # answered as a whole
        for key in confirmed:
            self.acks.settle(key)
        for key in rejected:
            self.acks.settle(key)
        client._topics_live(self, confirmed)
        if rejected:
            client._reject(self, rejected, reply.code, msg)
        if split is not None:
            client._logger.warning(
                "%s: a subscribe request of %d topics was refused without naming a topic (%s); "
                "retrying them one per request", self.name, len(split.keys), reply.reason,
            )
            with self.sub_lock:
                ws = self.live
                if ws is not None:
                    owned = [a for k, a in zip(split.keys, split.args) if k in self.topics]
                    for arg in owned:
                        self.send_topics(ws, "subscribe", [arg], attempt=split.attempt)
        return event if not rejected and reply.reason is None else None

    def check_acks(self, ws: websocket.WebSocket, now: float) -> None:
        """Resend a subscribe request unanswered past ``subscribe_timeout`` once; recycle the
        connection when the resend is unanswered too."""
        client = self.client
        timeout = client._subscribe_timeout
        for request in self.acks.overdue(now, timeout):
            self.acks.drop(request)
            owned = [(k, a) for k, a in zip(request.keys, request.args) if k in self.topics]
            if not owned:
                continue
            if request.attempt >= 2:
                reason = (
                    f"no reply to the subscribe of {len(owned)} topic(s) within {timeout:g}s, twice "
                    f"(e.g. {owned[0][1]!r}); recycling the connection"
                )
                client._emit(Event("exception", self.ws_key, {"topics": [a for _, a in owned], "connection": self.name},
                                   error=WebSocketError(f"{self.name}: {reason}")))
                self._unhealthy = True
                raise LinkDead(reason)
            client._logger.warning("%s: no reply to a subscribe of %d topic(s) within %gs; sending it again",
                                   self.name, len(owned), timeout)
            with self.sub_lock:
                self.send_topics(ws, "subscribe", [a for _, a in owned], attempt=request.attempt + 1)

    # ------------------------------------------------------------------ the loop

    def run(self) -> None:
        client = self.client
        current.client = client
        initial, cap = client._backoff
        backoff = Backoff(initial, cap)
        try:
            while not self.stop.is_set():
                self.live_since = None
                self._unhealthy = False
                reason: Optional[BaseException] = None
                try:
                    self._session()
                except Stopped:
                    break
                except Exception as exc:  # noqa: BLE001 - any failure leads to a reconnect
                    reason = exc
                finally:
                    self._end_socket()
                if self.stop.is_set():
                    break
                self._after_drop(reason, backoff, cap)
                if self.stop.wait(self._wait):
                    break
        except BaseException:  # pragma: no cover - a bug: say so instead of dying silently
            client._logger.exception("%s: connection thread crashed", self.name)
            raise

    def _end_socket(self) -> None:
        client = self.client
        reader, self.reader = self.reader, None
        if reader is not None:
            if reader.baton is not None:
                self._shut_socket()  # a caller reading this socket stops at once...
                with reader.baton:  # ...and is out before anything is torn down
                    reader.close()
            reader.flush()  # replies already read resolve their futures
        self.set_live(None)
        with client._topic_cond:
            self.live_keys.clear()
        self.acks.clear()
        sock, self.sock = self.sock, None
        if sock is not None:
            try:
                sock.close()
            except OSError:
                pass
        ws, self.ws = self.ws, None
        if ws is not None:
            try:
                ws.shutdown()  # type: ignore[no-untyped-call]  # websocket-client leaves it unannotated
            except Exception:  # noqa: BLE001 - best effort
                pass

    def _healthy(self, now: float) -> bool:
        return (
            self.live_since is not None
            and not self._unhealthy
            and now - self.live_since >= HEALTHY_AFTER
            and self.messages > self._messages_at_live
        )

    def _after_drop(self, reason: Optional[BaseException], backoff: Backoff, cap: float) -> None:
        client = self.client
        key = self.ws_key
        now = time.monotonic()
        healthy = self._healthy(now)
        opened = self.live_since is not None
        self.recycle_reason = None
        if self.index == 0:
            # Whatever was in flight may or may not have reached the exchange.
            client._pending.fail(
                lambda f: ConnectionLostError(
                    f"{key} connection lost while {f.op} (request id {f.request_id}) was "
                    "pending; outcome unknown, not resent",
                    method=f.op,
                ),
                key,
            )
        wait = backoff.delay(healthy)
        if isinstance(reason, AuthenticationError):
            wait = max(wait, min(_AUTH_RETRY_MIN, cap))
        elif not opened and reason is not None and not isinstance(reason, LinkDead):
            client._emit(Event("exception", key, {"url": self.url, "connection": self.name}, error=reason))
        self._wait = wait
        self.reconnects += 1
        why = str(reason) if reason is not None else "connection closed"
        if opened:
            self._warn("%s: disconnected (%s); reconnecting in %.2fs", self.name, why, wait)
        else:
            self._warn("%s: reconnect attempt failed (%s); retrying in %.2fs", self.name, why, wait)
        client._emit(Event("reconnect", key, {"url": self.url, "reason": why, "delay": wait, "connection": self.name}))

    def _warn(self, fmt: str, *args: Any) -> None:
        log = self.client._logger
        now = time.monotonic()
        if now - self._last_warn >= _WARN_EVERY:
            if self._suppressed:
                fmt += " (%d similar messages in the last %.0fs at DEBUG)"
                args = args + (self._suppressed, now - self._last_warn)
            self._last_warn = now
            self._suppressed = 0
            log.warning(fmt, *args)
        else:
            self._suppressed += 1
            log.debug(fmt, *args)

    def _connect(self) -> websocket.WebSocket:
        client = self.client
        ws = websocket.WebSocket(skip_utf8_validation=True, enable_multithread=True)
        self.ws = ws
        if self.stop.is_set():
            raise Stopped
        options: Dict[str, Any] = {"timeout": client._connect_timeout, "header": client._handshake_headers(self.ws_key)}
        try:
            if client._proxy_options:
                # Through a proxy websocket-client opens the socket itself.
                options.update(client._proxy_options)
            else:
                options["socket"] = _open_tcp(self, self.url, client._connect_timeout)
            ws.connect(self.url, **options)  # type: ignore[no-untyped-call]  # websocket-client leaves it unannotated
        except Stopped:
            raise
        except (websocket.WebSocketException, OSError) as exc:
            if self.stop.is_set():
                raise Stopped from None
            raise NetworkError(f"{self.name}: could not connect to {self.url}: {exc}") from exc
        if ws.sock is not None:
            self.sock = ws.sock
        if self.stop.is_set():
            raise Stopped
        return ws

    def _session(self) -> None:
        """One connection's life: connect, log in, resubscribe, read; raises when it ends."""
        client = self.client
        ws = self._connect()
        ws.settimeout(client._tick)
        self.reader = Reader(ws, caller_reads=self.ws_key in client.COMMAND_KEYS and not client._inline)
        self.heartbeat = Heartbeat(client._ping_interval, client._pong_timeout, time.monotonic())
        if self.private:
            self._login(ws)
        self._go_live(ws)
        if self.stop.is_set():
            raise Stopped
        kind = "reconnected" if self.opened_before else "open"
        self.opened_before = True
        client._logger.info("%s: %s (%s)", self.name, kind, self.url)
        client._emit(Event(kind, self.ws_key, {"url": self.url, "connection": self.name}))
        read_loop(self, ws, None)

    def _go_live(self, ws: websocket.WebSocket) -> None:
        client = self.client
        with self.sub_lock:
            with client._sub_lock:
                topics = list(self.topics.values())
                self.unsent.clear()
            self.set_live(ws)
            self.live_since = time.monotonic()
            self._messages_at_live = self.messages
            if topics:
                self.send_topics(ws, "subscribe", topics)

    def _login(self, ws: websocket.WebSocket) -> None:
        client = self.client
        if client._logger.isEnabledFor(logging.DEBUG):
            client._logger.debug("%s: logging in", self.name)  # never the frame: it holds a signature
        if self.pacer is not None and not self.pacer.acquire(self.stop):
            raise Stopped
        ws.send(client._login_frame(self.ws_key))
        verdict = read_loop(self, ws, time.monotonic() + client._connect_timeout)
        if verdict is None:
            raise NetworkError(f"{self.name}: no login reply within {client._connect_timeout:g}s")
        msg, outcome = verdict
        if outcome is True:
            with self.cond:
                self.last_auth_error = None
            client._emit(Event("authenticated", self.ws_key, msg))
            return
        with self.cond:
            self.last_auth_error = outcome
            self.auth_failures += 1
            self.cond.notify_all()
        client._logger.warning("%s: login rejected: %s", self.name, outcome)
        client._emit(Event("exception", self.ws_key, msg, error=outcome))
        raise outcome


def rejection_error(exchange: str, arg: Any, reason: str, code: Any, msg: Any) -> APIError:
    """The exception of an ``exception`` event for a topic the exchange refused."""
    return APIError(f"{exchange} rejected the subscription to {arg!r}: {reason}", code=code, body=msg, method="subscribe")
