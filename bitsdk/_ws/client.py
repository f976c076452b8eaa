"""The client facade: options, events, subscriptions (ownership and sharding), close, stats."""

from __future__ import annotations

import logging
import queue
import threading
import time
import weakref
from typing import Any, Callable, Dict, Hashable, List, Mapping, Optional, Sequence, Tuple, Union

import websocket

from .._clock import Clock, check_clock
from .._futures import PendingCommands, new_request_id
from .._options import check_proxies
from .._signing import Credentials
from ..errors import ClientClosedError, InvalidParameterError, NotConnectedError
from ..events import EVENT_KINDS, Event
from ._util import proxy_options
from . import commands
from .connection import Connection, current, rejection_error
from .dispatch import DEFAULT_MAX_BACKLOG, DELIVERY_MODES, Dispatcher, Inbox, queue_feeder
from .hooks import ExchangeHooks
from .topics import SubscribeFuture, arg_size

__all__ = ["BaseWebsocketClient", "close_all", "CLOSE_TIMEOUT"]

#: close() returns within about this many seconds in every state.
CLOSE_TIMEOUT = 1.0
_CONNECTIONS_SHARE = 0.5  # of CLOSE_TIMEOUT, for joining connection threads; the rest drains events

# Every client not yet closed, for close_all(); weak, so an abandoned client can be collected.
_CLIENTS: "weakref.WeakSet[BaseWebsocketClient]" = weakref.WeakSet()
_CLIENTS_LOCK = threading.Lock()


def close_all() -> None:
    """Close every open WebSocket client of the process (each as ``close()`` does)."""
    with _CLIENTS_LOCK:
        clients = list(_CLIENTS)
    for client in clients:
        client.close()


class BaseWebsocketClient(ExchangeHooks):
    """Engine shared by every bitsdk WebSocket client. Not used directly.

    Subclasses implement the hooks of :class:`~bitsdk._ws.hooks.ExchangeHooks`.

    Options common to every stream client (on top of the exchange's own):

    Args:
        ping_interval: seconds between application pings (exchange default).
        pong_timeout: seconds without any frame after a ping before the link is replaced.
        reconnect_backoff: ``(initial, max)`` seconds of the backoff of connections that fail
            fast; a connection that was healthy reconnects at once.
        connect_timeout: seconds for the connect and for the login reply (10).
        command_timeout: default seconds a WebSocket API command waits for its reply (10).
        subscribe_timeout: seconds a subscribe request waits for its reply before it is sent
            once more; unanswered again, the connection is recycled (10).
        max_topics_per_connection: topics per connection before another connection of the same
            ws_key is opened (exchange default; never above the exchange's own limit).
        max_backlog: updates waiting for the callbacks before the overflow policy applies
            (10,000; see :mod:`bitsdk._ws.dispatch`).
        overflow: ``"drop_oldest"`` (default) or ``"recycle"``.
        dispatcher: a :class:`~bitsdk._ws.dispatch.Dispatcher` shared with other clients
            (default: the client's own thread).
        delivery: where callbacks run. ``"dispatcher"`` (default): on the dispatcher thread,
            so a slow callback never slows the reading (the backlog policy applies).
            ``"inline"``: on the connection's own thread as each message is read, for the
            lowest latency; a slow callback then slows that connection's reading (the
            socket buffers, then the exchange may drop a client that reads too slowly),
            and there is no backlog to overflow. Pings stay on time either way. An inline
            callback must not wait for a reply read by its own connection (a WebSocket API
            command on the same ws_key): that reader is busy running the callback, so the
            command times out. Future done-callbacks and the ``close`` event always run on
            the dispatcher.
        event_queue: a :class:`queue.Queue` that receives every event, as well as callbacks.
            A plain unbounded ``queue.Queue()`` on a client without callbacks is fed by the
            connection threads directly (one lock per socket read, no dispatcher hop); a
            bounded queue, or one of a client with callbacks, is fed by the dispatcher right
            after the callbacks (with ``delivery="inline"``: by the connection thread).
        proxies: a requests-style dict, as for the REST clients (``{"https": "http://host:port"}``,
            ``socks5://`` too).
        logger: a :class:`logging.Logger` (default ``bitsdk.<exchange>.ws``).
        clock: the :class:`~bitsdk.Clock` behind login and command timestamps; pass a REST
            client's ``clock`` to share its offset (default: a clock of the client's own).
    """

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        api_secret: Optional[str] = None,
        api_pass: Optional[str] = None,
        ws_url: Union[str, Mapping[str, str], None] = None,
        base_url: Optional[str] = None,
        recv_window: Optional[int] = None,
        ping_interval: Optional[float] = None,
        pong_timeout: Optional[float] = None,
        reconnect_backoff: Tuple[float, float] = (0.5, 30.0),
        connect_timeout: float = 10.0,
        command_timeout: float = 10.0,
        subscribe_timeout: float = 10.0,
        max_topics_per_connection: Optional[int] = None,
        max_backlog: int = DEFAULT_MAX_BACKLOG,
        overflow: str = "drop_oldest",
        dispatcher: Optional[Dispatcher] = None,
        delivery: str = "dispatcher",
        event_queue: Optional["queue.Queue[Event]"] = None,
        proxies: Optional[Mapping[str, str]] = None,
        logger: Optional[logging.Logger] = None,
        clock: Optional[Clock] = None,
    ):
        self._credentials = Credentials(api_key, api_secret, api_pass)
        if ws_url is not None and not isinstance(ws_url, (str, Mapping)):
            raise InvalidParameterError("ws_url must be one URL (str) or a dict {ws_key: url}")
        if isinstance(ws_url, Mapping):
            unknown = [key for key in ws_url if key not in (self.EXCHANGE_KEYS or self.WS_KEYS)]
            if unknown:
                raise InvalidParameterError(
                    f"unknown ws_key {unknown[0]!r} in ws_url; valid keys: "
                    + ", ".join(self.EXCHANGE_KEYS or self.WS_KEYS)
                )
        self._ws_url = ws_url
        del base_url  # REST only: accepted so one options dict fits every client
        self._recv_window = int(self.DEFAULT_RECV_WINDOW if recv_window is None else recv_window)
        self._ping_interval = float(self.DEFAULT_PING_INTERVAL if ping_interval is None else ping_interval)
        self._pong_timeout = float(self.DEFAULT_PONG_TIMEOUT if pong_timeout is None else pong_timeout)
        if self._ping_interval <= 0 or self._pong_timeout <= 0:
            raise InvalidParameterError("ping_interval and pong_timeout must be positive seconds")
        try:
            initial, cap = (float(v) for v in reconnect_backoff)
        except (TypeError, ValueError):
            raise InvalidParameterError("reconnect_backoff must be (initial_seconds, max_seconds)") from None
        if initial <= 0 or cap < initial:
            raise InvalidParameterError("reconnect_backoff must be (initial, max) with 0 < initial <= max")
        self._backoff = (initial, cap)
        self._connect_timeout = float(connect_timeout)
        self._command_timeout = float(command_timeout)
        self._subscribe_timeout = float(subscribe_timeout)
        if self._subscribe_timeout <= 0:
            raise InvalidParameterError("subscribe_timeout must be positive seconds")
        cap_topics = self.DEFAULT_TOPICS_PER_CONNECTION if max_topics_per_connection is None else max_topics_per_connection
        if cap_topics is not None and (not isinstance(cap_topics, int) or isinstance(cap_topics, bool) or cap_topics < 1):
            raise InvalidParameterError("max_topics_per_connection must be a positive number of topics")
        self._max_topics = cap_topics
        if dispatcher is not None and not isinstance(dispatcher, Dispatcher):
            raise InvalidParameterError("dispatcher must be a bitsdk.Dispatcher (shared by clients on purpose)")
        if delivery not in DELIVERY_MODES:
            raise InvalidParameterError(
                f"delivery must be one of {', '.join(repr(m) for m in DELIVERY_MODES)}; got {delivery!r}"
            )
        check_clock(clock)
        check_proxies(proxies)
        self._inline = delivery == "inline"
        self._event_queue = event_queue
        self._queue_feed = None if event_queue is None else queue_feeder(event_queue)
        self._proxy_options = proxy_options(proxies)
        self._logger = logger or logging.getLogger(f"bitsdk.{self.EXCHANGE}.ws")
        #: The offset behind login and command timestamps (shareable with a REST client).
        self.clock = clock if clock is not None else Clock(
            logger=self._logger, surface=f"{self.EXCHANGE.capitalize()} WebSocket"
        )
        # The reader's receive timeout is its tick: fine enough for the heartbeat deadlines.
        self._tick = max(0.02, min(0.5, self._ping_interval / 4, self._pong_timeout / 4, self._subscribe_timeout / 4))

        self._lock = threading.Lock()  # the shard lists and the closed flag
        self._shards: Dict[str, List[Connection]] = {}
        self._next_index: Dict[str, int] = {}  # shard numbers are never reused (thread names)
        # Topic ownership: ws_key -> topic key -> the connection holding it; the rejected
        # topics (for SubscribeFuture). Guarded by _sub_lock, which is never held across I/O.
        self._sub_lock = threading.Lock()
        self._topic_cond = threading.Condition(self._sub_lock)
        self._where: Dict[str, Dict[Hashable, Connection]] = {}
        self._rejected: Dict[Tuple[str, Hashable], BaseException] = {}
        self._closed = False
        self._closed_event = threading.Event()
        self._pending = PendingCommands()
        self._listeners: Dict[str, Tuple[Callable[[Event], Any], ...]] = {}
        self._has_callbacks = False  # any listener at all (see _hand_off)
        self._own_dispatcher = dispatcher is None
        self._dispatcher = dispatcher or Dispatcher(f"bitsdk-{self.EXCHANGE}-dispatch")
        self._inbox = Inbox(self._dispatcher, self._deliver, max_backlog, overflow, self._on_overflow)
        self._put: Callable[[Any], None] = self._inbox.put
        with _CLIENTS_LOCK:
            _CLIENTS.add(self)

    # ------------------------------------------------------------------ public API

    def on(self, kind: str, callback: Optional[Callable[[Event], Any]] = None) -> Any:
        """Register ``callback(event)`` for one event kind.

        Callbacks run on this client's dispatcher thread (``bitsdk-<exchange>-dispatch``),
        one event at a time, in arrival order; never on a socket thread, and never delayed by
        another client's callbacks (unless both were given the same ``dispatcher``). With
        ``delivery="inline"`` they run on the connection thread instead (see the option).
        A callback that raises is reported as an ``exception`` event; the connection lives on.
        Can be used as a decorator: ``@ws.on("update")``.

        Args:
            kind: one of ``open``, ``response``, ``update``, ``authenticated``, ``reconnect``,
                ``reconnected``, ``close``, ``exception``.
            callback: a callable taking one :class:`~bitsdk.events.Event`.

        Raises:
            InvalidParameterError: ``kind`` is not an event kind.
        """
        if kind not in EVENT_KINDS:
            raise InvalidParameterError(
                f"unknown event kind {kind!r}; the kinds are: {', '.join(EVENT_KINDS)}"
            )
        if callback is None:
            return lambda fn: self.on(kind, fn)
        with self._lock:
            # Copy-on-write: the readers and the dispatcher read the tuple without a lock.
            self._listeners[kind] = self._listeners.get(kind, ()) + (callback,)
            self._has_callbacks = True
        return callback

    def off(self, kind: str, callback: Callable[[Event], Any]) -> None:
        """Remove a callback registered with :meth:`on` (no error if it was not there)."""
        with self._lock:
            current = self._listeners.get(kind, ())
            self._listeners[kind] = tuple(cb for cb in current if cb is not callback)
            self._has_callbacks = any(self._listeners.values())

    def connect(self, ws_key: str, timeout: Optional[float] = None) -> None:
        """Open ``ws_key`` now (it is otherwise opened by the first subscribe or command).

        Args:
            ws_key: the connection to open.
            timeout: if given, block until the connection is usable (connected, and logged in
                for private keys) or raise after that many seconds.

        Raises:
            NotConnectedError: not usable within ``timeout``.
            AuthenticationError: the login was rejected while waiting.
        """
        conn = self._ensure(ws_key)
        if timeout is not None:
            self._wait_live(conn, timeout)

    def is_connected(self, ws_key: str) -> bool:
        """True while every connection of ``ws_key`` is connected (and logged in, for private keys)."""
        shards = self._shards.get(ws_key) or []
        return bool(shards) and all(c.live is not None for c in shards)

    def url(self, ws_key: str) -> str:
        """The URL ``ws_key`` connects to (environment and ``ws_url`` overrides applied)."""
        self._check_key(ws_key)
        return self._url_for(ws_key)

    def subscriptions(self, ws_key: str) -> List[Any]:
        """The topics owned for ``ws_key`` (over all its connections): what is (re)subscribed
        after every reconnect. Topics the exchange rejected are not in it."""
        self._check_key(ws_key)
        with self._sub_lock:
            return [arg for conn in self._shards.get(ws_key) or [] for arg in conn.topics.values()]

    def set_time_offset_ms(self, offset_ms: int) -> None:
        """Milliseconds added to the local clock for login and command timestamps.

        Use ``server_time - local_time`` (e.g. from a REST client's ``fetch_latency_summary()``).
        Sets :attr:`clock`'s offset, so a REST client sharing the clock uses it too.
        """
        if offset_ms.__class__ is bool or not isinstance(offset_ms, int):
            raise InvalidParameterError(f"offset_ms must be an int of milliseconds, got a {type(offset_ms).__name__}")
        self.clock.offset_ms = offset_ms

    def get_time_offset_ms(self) -> int:
        """The offset in force (:attr:`clock`'s; 0 by default)."""
        return self.clock.offset_ms

    def timestamp_ms(self) -> int:
        """The timestamp a login or command made now carries (local clock + offset)."""
        return self.clock.timestamp_ms()

    def stats(self) -> Dict[str, Any]:
        """Counters of this client, for monitoring.

        Returns:
            ``backlog`` (events waiting for delivery), ``max_backlog``, ``overflow_policy``,
            ``overflows`` (updates dropped by the policy), ``delivered``, ``worst_lag``
            (seconds, the longest an event waited for its callbacks), ``oldest_waiting``
            (seconds), ``messages`` and ``reconnects`` (all connections), and
            ``connections``: per connection (``v5LinearPublic``, ``v5LinearPublic#1``...)
            ``url``, ``live``, ``topics``, ``pending_acks``, ``messages``, ``reconnects``
            and ``last_message_age`` (seconds since the last frame, None before the first
            connect).
        """
        now = time.monotonic()
        with self._lock:
            conns = [c for shards in self._shards.values() for c in shards]
        out = self._inbox.stats()
        per = {c.name: c.stats(now) for c in conns}
        out["messages"] = sum(c["messages"] for c in per.values())
        out["reconnects"] = sum(c["reconnects"] for c in per.values())
        out["connections"] = per
        return out

    def wait(self, timeout: Optional[float] = None) -> bool:
        """Block until the client is closed (from another thread or a callback).

        Returns:
            True if the client was closed, False if ``timeout`` ran out first.
        """
        return self._closed_event.wait(timeout)

    def run_forever(self) -> None:
        """Block until the client is closed; Ctrl-C closes it (dropping undelivered events) and returns."""
        interrupted = False
        try:
            while not self._closed_event.wait(1.0):
                pass
        except KeyboardInterrupt:
            interrupted = True
        finally:
            self.close(drain=not interrupted)

    def close(self, ws_key: Optional[str] = None, *, drain: bool = True) -> None:
        """Close one ws_key (all its connections), or the whole client when ``ws_key`` is None.

        Safe to call more than once and from any thread, including from inside a callback,
        and returns within about a second in every state (even while a TCP connect gets no
        answer). Pending commands fail with :class:`~bitsdk.errors.ClientClosedError`, a
        ``close`` event is emitted per connection, and every thread is joined.
        Closing one ``ws_key`` forgets its topics; the client can open it again later.
        Closing the client delivers the events already queued (for up to a second; then,
        or with ``drain=False`` as on Ctrl-C, the rest is dropped with a log note); the
        client cannot be used afterwards.
        """
        deadline = time.monotonic() + CLOSE_TIMEOUT
        if ws_key is not None:
            self._check_key(ws_key)
            with self._lock:
                conns = self._shards.pop(ws_key, [])
                self._next_index.pop(ws_key, None)
            with self._sub_lock:
                self._where.pop(ws_key, None)
            self._shutdown(conns, deadline)
            return
        with self._lock:
            if self._closed:
                return
            self._closed = True
            conns = [c for shards in self._shards.values() for c in shards]
            self._shards.clear()
        self._shutdown(conns, deadline)
        self._pending.fail(lambda f: ClientClosedError(f"the client was closed while {f.op} was pending"))
        with self._topic_cond:
            self._topic_cond.notify_all()
        self._stop_delivery(drain, deadline)
        with _CLIENTS_LOCK:
            _CLIENTS.discard(self)
        self._closed_event.set()

    def close_all(self) -> None:
        """Close every connection and the client (same as :meth:`close` with no key)."""
        self.close()

    def __enter__(self) -> "BaseWebsocketClient":
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        # Ctrl-C inside the block: leave now, dropping the events not delivered yet.
        self.close(drain=not (exc_type is not None and issubclass(exc_type, KeyboardInterrupt)))

    def __repr__(self) -> str:
        keys = ", ".join(k for k, shards in list(self._shards.items()) if shards and shards[0].live is not None)
        state = "closed" if self._closed else f"live: [{keys}]"
        return f"<{type(self).__name__} {state}>"

    # ------------------------------------------------------------------ engine internals

    def _check_key(self, ws_key: str) -> None:
        if ws_key not in self.WS_KEYS:
            raise InvalidParameterError(
                f"unknown ws_key {ws_key!r} for {type(self).__name__}; valid keys: "
                + ", ".join(self.WS_KEYS)
            )

    def _url_for(self, ws_key: str) -> str:
        override = self._ws_url
        if isinstance(override, str):
            return override
        if override is not None and ws_key in override:
            return override[ws_key]
        return self._default_url(ws_key)

    def _now_ms(self) -> int:
        return self.clock.timestamp_ms()

    @staticmethod
    def _new_request_id() -> str:
        return new_request_id()

    def _require_credentials(self, ws_key: str) -> None:
        self._credentials.require(f"the private connection {ws_key!r}", needs_pass=self.NEEDS_PASS)

    def _primary(self, ws_key: str) -> Optional[Connection]:
        shards = self._shards.get(ws_key)
        return shards[0] if shards else None

    def _new_connection(self, ws_key: str) -> Connection:
        """A new (not started) connection for ``ws_key`` (self._lock held)."""
        shards = self._shards.setdefault(ws_key, [])
        index = self._next_index.get(ws_key, 0) if shards else 0
        self._next_index[ws_key] = index + 1
        conn = Connection(self, ws_key, index, self._url_for(ws_key), ws_key in self.PRIVATE_KEYS, self._limits(ws_key))
        shards.append(conn)
        return conn

    def _start(self, conn: Connection) -> None:
        with self._lock:
            if self._closed:
                raise ClientClosedError(f"{type(self).__name__} was closed; create a new client")
            if conn.thread is None and not conn.stop.is_set():
                self._dispatcher.start()
                conn.start()

    def _ensure(self, ws_key: str) -> Connection:
        """The first connection of ``ws_key``, started if it was not."""
        self._check_key(ws_key)
        if ws_key in self.PRIVATE_KEYS:
            self._require_credentials(ws_key)
        with self._lock:
            if self._closed:
                raise ClientClosedError(f"{type(self).__name__} was closed; create a new client")
            shards = self._shards.get(ws_key)
            conn = shards[0] if shards else self._new_connection(ws_key)
        self._start(conn)
        return conn

    def _wait_live(self, conn: Connection, timeout: float) -> websocket.WebSocket:
        """Block until ``conn`` is usable; returns its socket."""
        live = conn.live
        if live is not None:  # the common case: no lock, no clock
            return live
        deadline = time.monotonic() + timeout
        with conn.cond:
            failures = conn.auth_failures
            while True:
                live = conn.live
                if live is not None:
                    return live
                if conn.auth_failures != failures and conn.last_auth_error is not None:
                    raise conn.last_auth_error
                if self._closed or conn.stop.is_set():
                    raise ClientClosedError(f"{conn.ws_key} was closed")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    what = "connected and logged in" if conn.private else "connected"
                    raise NotConnectedError(f"{conn.ws_key} was not {what} within {timeout:g}s; nothing was sent")
                conn.cond.wait(remaining)

    # -- subscriptions: ownership and sharding

    def _room(self, conn: Connection, size: int) -> bool:
        limits = conn.limits
        cap = self._max_topics
        if limits.max_topics is not None:
            cap = limits.max_topics if cap is None else min(cap, limits.max_topics)
        if cap is not None and len(conn.topics) >= cap:
            return False
        if limits.max_arg_chars is not None and conn.chars + size > limits.max_arg_chars:
            return False
        if conn.budget is not None and conn.budget.available() < 1:
            return False  # this connection's (un)subscribe requests for the hour are used up
        return not conn.stop.is_set()

    def _shard_for(self, ws_key: str, size: int) -> Connection:
        """The connection that takes a new topic of ``size`` characters (_sub_lock held)."""
        with self._lock:
            shards = self._shards.get(ws_key) or [self._new_connection(ws_key)]
            if not shards[0].limits.shards:
                return shards[0]  # private streams and the WebSocket API stay on one connection
            for conn in shards:
                if self._room(conn, size):
                    return conn
            return self._new_connection(ws_key)

    def _subscribe_args(self, ws_key: str, args: Sequence[Any]) -> SubscribeFuture:
        """Own ``args`` on ``ws_key``: place the new ones on connections with room (opening
        more as needed), send them where live; returns a future for their acknowledgement."""
        return self._subscribe_routed({ws_key: args})

    def _subscribe_routed(self, routed: Mapping[str, Sequence[Any]]) -> SubscribeFuture:
        """:meth:`_subscribe_args` for several ws_keys at once, with one future."""
        for ws_key in routed:
            self._ensure(ws_key)  # checks the key and credentials, refuses a closed client
        items: List[Tuple[str, Hashable, Any]] = []
        placed: Dict[Connection, List[Hashable]] = {}
        topic_key = self._topic_key
        with self._sub_lock:
            for ws_key, args in routed.items():
                where = self._where.setdefault(ws_key, {})
                for arg in args:
                    key = topic_key(arg)
                    items.append((ws_key, key, arg))
                    if key in where:
                        continue
                    self._rejected.pop((ws_key, key), None)
                    size = arg_size(arg)
                    conn = self._shard_for(ws_key, size)
                    conn.topics[key] = arg
                    conn.unsent[key] = arg
                    conn.chars += size
                    where[key] = conn
                    placed.setdefault(conn, []).append(key)
        for conn in placed:
            self._start(conn)
        for conn, keys in placed.items():
            conn.submit(keys)
        return SubscribeFuture(self, items)

    def _unsubscribe_args(self, ws_key: str, args: Sequence[Any]) -> None:
        """Remove wire args from the replay set and unsubscribe them where they were sent."""
        self._check_key(ws_key)
        gone: Dict[Connection, List[Any]] = {}
        emptied: List[Connection] = []
        topic_key = self._topic_key
        with self._sub_lock:
            where = self._where.get(ws_key, {})
            touched = set()
            for arg in args:
                key = topic_key(arg)
                conn = where.pop(key, None)
                if conn is None:
                    continue
                touched.add(conn)
                owned = conn.topics.pop(key)
                conn.chars -= arg_size(owned)
                conn.live_keys.discard(key)
                conn.acks.settle(key)
                if conn.unsent.pop(key, None) is None:
                    gone.setdefault(conn, []).append(owned)
            with self._lock:
                # An extra connection left without topics is closed, not kept idle (Bitget drops
                # connections without subscriptions anyway); the first one stays.
                shards = self._shards.get(ws_key) or []
                for conn in touched:
                    if conn.index and not conn.topics and conn in shards:
                        shards.remove(conn)
                        emptied.append(conn)
        for conn, owned_args in gone.items():
            if conn not in emptied:
                conn.unsubscribe(owned_args)
        if emptied:
            self._retire(emptied)

    def _topics_live(self, conn: Connection, keys: List[Hashable]) -> None:
        if not keys:
            return
        with self._topic_cond:
            live = conn.live_keys
            topics = conn.topics
            for key in keys:
                if key in topics:
                    live.add(key)
            self._topic_cond.notify_all()

    def _reject(self, conn: Connection, rejected: Mapping[Hashable, str], code: Any, msg: Any) -> None:
        """Topics the exchange refused: out of the replay set, reported one event each."""
        events = []
        with self._topic_cond:
            where = self._where.get(conn.ws_key, {})
            for key, reason in rejected.items():
                arg = conn.topics.pop(key, None)
                if arg is None:
                    continue  # not ours (any more)
                if where.get(key) is conn:
                    del where[key]
                conn.unsent.pop(key, None)
                conn.live_keys.discard(key)
                conn.chars -= arg_size(arg)
                error = rejection_error(self.EXCHANGE.capitalize(), arg, reason, code, msg)
                self._rejected[(conn.ws_key, key)] = error
                events.append(Event("exception", conn.ws_key, msg, error=error, topic=arg))
            self._topic_cond.notify_all()
        for event in events:
            self._logger.warning("%s: %s", conn.name, event.error)
            self._emit(event)

    # -- commands (WebSocket API): see bitsdk._ws.commands

    _send_command = commands.send_command
    _command_reply = commands.command_reply
    _call_soon = commands.call_soon

    # -- shutdown

    def _retire(self, conns: List[Connection]) -> None:
        """Close extra connections that no longer hold topics (no ``close`` event: the ws_key
        stays open on its other connections)."""
        for conn in conns:
            conn.shutdown()
        deadline = time.monotonic() + CLOSE_TIMEOUT
        for conn in conns:
            thread = conn.thread
            if thread is not None and thread is not threading.current_thread():
                thread.join(max(0.0, deadline - time.monotonic()))
            self._logger.debug("%s: closed (no topics left)", conn.name)

    def _shutdown(self, conns: List[Connection], deadline: float) -> None:
        """Stop connection threads, fail their commands and emit ``close`` for each."""
        for conn in conns:
            conn.shutdown()
        me = threading.current_thread()
        join_until = deadline - CLOSE_TIMEOUT * (1 - _CONNECTIONS_SHARE)
        for conn in conns:
            thread = conn.thread
            if thread is not None and thread is not me:
                thread.join(max(0.0, join_until - time.monotonic()))
                if thread.is_alive():
                    self._logger.warning("%s did not stop in time (it ends when its socket call returns)", thread.name)
        for conn in conns:
            if conn.index == 0:
                self._pending.fail(
                    lambda f: ClientClosedError(
                        f"{f.ws_key} was closed while {f.op} (request id {f.request_id}) was pending; "
                        "outcome unknown, not resent",
                        method=f.op,
                    ),
                    conn.ws_key,
                )
            if conn.thread is not None:
                self._emit(Event("close", conn.ws_key, {"url": conn.url, "connection": conn.name}))

    def _stop_delivery(self, drain: bool, deadline: float) -> None:
        dispatcher = self._dispatcher
        thread = dispatcher.thread
        on_dispatcher = thread is threading.current_thread()
        if thread is None or on_dispatcher:
            # Never started: nothing was queued for delivery. On the dispatcher (close() from
            # a callback): the rest is delivered once the callback returns, then it stops.
            if thread is None:
                self._inbox.discard()
            elif self._own_dispatcher:
                dispatcher.close(0)
            return
        delivered = drain and self._inbox.drain(max(0.0, deadline - time.monotonic()))
        if not delivered:
            dropped = self._inbox.discard()
            if dropped:
                why = "a callback was still running" if drain else "interrupted"
                self._logger.warning("close(): %s; %d undelivered event(s) dropped", why, dropped)
        if self._own_dispatcher and not dispatcher.close(max(0.0, deadline - time.monotonic())):
            self._logger.warning("%s: a callback is still running after close(); the thread ends when it returns",
                                 dispatcher.name)

    # -- delivery

    def _emit(self, event: Event) -> None:
        """Deliver an event emitted by the engine (any thread)."""
        if self._inline and getattr(current, "client", None) is self:
            self._deliver(event)  # on this client's connection thread, in order with its data
        else:
            self._hand_off([event])

    def _hand_off(self, events: List[Event]) -> None:
        """Hand events over for delivery, in order (one lock for all of them).

        A client whose only consumer is a plain unbounded ``event_queue`` gets them put into
        the queue right here, with no dispatcher hop; otherwise they go to the dispatcher
        (callbacks, then the queue). The direct path is taken only while the backlog is
        empty, so events never overtake the ones still waiting for the dispatcher.
        """
        feed = self._queue_feed
        if feed is not None and not self._has_callbacks and self._inbox.idle():
            feed(events)
        else:
            self._inbox.put_many(events)

    def _on_overflow(self, report: Event, recycle: bool) -> None:
        # On the reader thread that met the full backlog, outside the dispatcher lock.
        self._logger.warning("%s", report.error)
        if recycle:
            with self._lock:
                conns = [c for shards in self._shards.values() for c in shards]
            for conn in conns:
                if not conn.private:
                    conn.recycle("event backlog overflow: fresh snapshots asked for")

    def _deliver(self, item: Any) -> None:
        """Run on the dispatcher thread: one event or future callback."""
        if item.__class__ is Event:
            callbacks = self._listeners.get(item.kind)
            if callbacks:
                for callback in callbacks:
                    try:
                        callback(item)
                    except Exception as exc:  # noqa: BLE001
                        self._callback_failed(callback, item, exc)
            user_queue = self._event_queue
            if user_queue is not None:
                user_queue.put(item)
        else:  # a future's done-callback: (callback, future)
            callback, fut = item
            try:
                callback(fut)
            except Exception as exc:  # noqa: BLE001
                self._callback_failed(callback, Event("response", fut.ws_key, None, ws_api=True), exc)

    def _callback_failed(self, callback: Any, event: Optional[Event], exc: Exception) -> None:
        self._logger.error("callback %r raised %s: %s", callback, type(exc).__name__, exc, exc_info=exc)
        if event is not None and event.kind == "exception" and isinstance(event.data, dict) and event.data.get("callback"):
            return  # an exception handler failed on a callback failure: logged, not looped
        report = Event(
            "exception",
            event.ws_key if event is not None else "",
            {"callback": repr(callback), "event": event.kind if event is not None else "done_callback"},
            error=exc,
        )
        # Delivered right away (in order), to every exception listener except the failing one.
        for other in self._listeners.get("exception", ()):
            if other is callback:
                continue
            try:
                other(report)
            except Exception as exc2:  # noqa: BLE001
                self._logger.error("exception callback %r raised %s", other, exc2, exc_info=exc2)
        if self._event_queue is not None:
            self._event_queue.put(report)
