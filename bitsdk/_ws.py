"""The one WebSocket engine behind every bitsdk stream and WebSocket API client.

Threads (each has one owner, the client, and is joined by ``close()``):

* one **connection thread** per ``ws_key`` (``bitsdk-<exchange>-<ws_key>``) running its own
  loop on websocket-client's low-level :class:`websocket.WebSocket`: connect → log in with a
  fresh signature (private keys) → resubscribe the owned topic set in batches → emit
  ``open``/``reconnected`` → read with a short receive timeout, each timeout being a tick that
  sends the application ping when due, declares the link dead when nothing came back within
  ``pong_timeout`` and expires overdue commands → on any end: close the socket, fail the
  pending commands (outcome unknown, never resent), emit ``reconnect``, back off with jitter
  via ``stop.wait(delay)`` so ``close()`` interrupts it;
* one **dispatcher thread** for the whole process (``bitsdk-dispatch``, shared by every
  client, started by the first connection and joined when the last client closes) that takes
  events from an unbounded :class:`queue.SimpleQueue` and runs the user's callbacks in order
  and/or feeds the user's :class:`queue.Queue`. User code never runs on a socket thread, so a
  slow callback cannot stall heartbeats, cause a reconnect or lose a message (it delays only
  later callbacks, so hand heavy work to your own thread or queue).

Exchange packages subclass :class:`BaseWebsocketClient` and fill in only what differs: URLs,
the login frame and its reply, ping/pong shapes, subscribe frames and batch limits, and how an
inbound message is classified (:meth:`BaseWebsocketClient._route`).
"""

from __future__ import annotations

import json
import logging
import queue
import random
import socket
import threading
import time
from functools import partial
from typing import Any, Callable, Dict, Hashable, List, Mapping, Optional, Sequence, Tuple, Union
from urllib.parse import unquote, urlparse

import websocket

from ._encoding import frame_json
from ._futures import CommandFuture, PendingCommands
from ._signing import Credentials
from .errors import (
    AuthenticationError,
    ClientClosedError,
    ConnectionLostError,
    InvalidParameterError,
    InvalidResponseError,
    NetworkError,
    NotConnectedError,
)
from .events import EVENT_KINDS, Event

__all__ = ["BaseWebsocketClient", "BaseWebsocketAPIClient", "WsKeyMap", "check_choice"]

_STOP = object()  # dispatcher sentinel
_JOIN_TIMEOUT = 5.0  # seconds close() waits for each thread
_STABLE_AFTER = 30.0  # a connection that lived this long resets the backoff
_AUTH_RETRY_MIN = 5.0  # a rejected login waits at least this long (capped by the max backoff)
_CONTROL_MAX_LEN = 200  # pong frames are short; longer frames skip the pong check

_dumps = json.dumps
#: Compact JSON for outgoing frames: the shared encoder (Decimals as exact strings; NaN,
#: bytes and the like refused with InvalidParameterError before anything is sent).
_compact = frame_json


class WsKeyMap(Mapping[str, str]):
    """The ws_keys of an exchange, by attribute and as a mapping.

    ``WS_KEY_MAP.v3Public == WS_KEY_MAP["v3Public"] == "v3Public"``.
    """

    __slots__ = ("_keys",)

    def __init__(self, *keys: str):
        object.__setattr__(self, "_keys", dict.fromkeys(keys))

    def __getattr__(self, name: str) -> str:
        if name in self._keys:
            return name
        raise AttributeError(f"no ws_key {name!r}; valid keys: {', '.join(self._keys)}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("WS_KEY_MAP is read-only")

    def __getitem__(self, name: str) -> str:
        if name in self._keys:
            return name
        raise KeyError(name)

    def __iter__(self) -> Any:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __dir__(self) -> List[str]:
        return list(self._keys)

    def __repr__(self) -> str:
        return f"WS_KEY_MAP({', '.join(self._keys)})"


def check_choice(value: Any, allowed: Sequence[str], what: str, *, strict: bool = True) -> Any:
    """Validate an enumerated value before anything is sent.

    A value that differs from an allowed one only by case raises with the right spelling;
    an unknown value raises listing the choices (or passes when ``strict`` is False).

    Args:
        value: what the caller passed.
        allowed: the exact spellings the exchange accepts.
        what: the field and surface, e.g. ``"instType on Bitget V3 public streams"``.
    """
    if value in allowed:
        return value
    if isinstance(value, str):
        folded = value.casefold()
        for option in allowed:
            if option.casefold() == folded:
                raise InvalidParameterError(f"{what} is case-sensitive: write {option!r}, not {value!r}")
    if strict:
        raise InvalidParameterError(
            f"{what} must be one of {', '.join(repr(a) for a in allowed)}; got {value!r}"
        )
    return value


class _LinkDead(Exception):
    """The heartbeat deadline passed, or the server closed the connection."""


class _Stopped(Exception):
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


def _proxy_options(proxies: Any) -> Dict[str, Any]:
    """Translate a requests-style ``proxies`` dict (or one URL) to websocket-client options."""
    if not proxies:
        return {}
    if isinstance(proxies, str):
        url = proxies
    else:
        url = proxies.get("wss") or proxies.get("https") or proxies.get("all") or proxies.get("http")
        if not url:
            return {}
    parsed = urlparse(url if "://" in url else "http://" + url)
    scheme = parsed.scheme.lower()
    if scheme not in ("http", "socks4", "socks4a", "socks5", "socks5h"):
        raise InvalidParameterError(
            f"unsupported proxy scheme {scheme!r}: use http://, socks4://, socks5:// or socks5h://"
        )
    opts: Dict[str, Any] = {
        "http_proxy_host": parsed.hostname,
        "http_proxy_port": parsed.port or (1080 if scheme.startswith("socks") else 8080),
        "proxy_type": scheme,
    }
    if parsed.username:
        opts["http_proxy_auth"] = (unquote(parsed.username), unquote(parsed.password or ""))
    return opts


class _Dispatcher:
    """The one thread that runs user callbacks for every client in the process.

    Shared, so that N clients cost N connection threads plus one (not 2N); started by the
    first client that connects, stopped and joined when the last one closes. Items are
    ``(client, item)`` pairs in one FIFO, so each client's events stay in order.
    """

    _lock = threading.Lock()
    _current: Optional["_Dispatcher"] = None

    def __init__(self) -> None:
        self.queue: "queue.SimpleQueue[Any]" = queue.SimpleQueue()
        self.users = 0
        self.thread = threading.Thread(target=self._loop, name="bitsdk-dispatch", daemon=True)

    @classmethod
    def acquire(cls) -> "_Dispatcher":
        with cls._lock:
            current = cls._current
            if current is None:
                current = cls._current = cls()
                current.thread.start()
            current.users += 1
            return current

    def release(self, logger: logging.Logger) -> None:
        with self._lock:
            self.users -= 1
            if self.users > 0:
                return
            if _Dispatcher._current is self:
                _Dispatcher._current = None
        self.queue.put((None, _STOP))
        if self.thread is not threading.current_thread():
            self.thread.join(_JOIN_TIMEOUT)
            if self.thread.is_alive():
                logger.warning("%s did not stop within %.0fs (a callback is still running)", self.thread.name, _JOIN_TIMEOUT)

    def _loop(self) -> None:
        get = self.queue.get
        while True:
            client, item = get()
            if client is None:
                return
            client._deliver(item)


class _Connection:
    """Everything about one ``ws_key``: its thread, current socket and owned topics."""

    def __init__(self, ws_key: str, url: str, private: bool):
        self.ws_key = ws_key
        self.url = url
        self.private = private
        self.stop = threading.Event()
        self.thread: Optional[threading.Thread] = None
        self.ws: Optional[websocket.WebSocket] = None
        # topics: canonical key -> wire arg, in subscription order (the replay set).
        self.topics: Dict[Hashable, Any] = {}
        # Held while the topic set is edited *and* while its frames are written, so a
        # subscribe racing a resubscribe can neither be lost nor sent twice.
        self.sub_lock = threading.Lock()
        # live: the socket while it is usable (connected, and logged in for private keys).
        self.live: Optional[websocket.WebSocket] = None
        self.cond = threading.Condition()
        self.auth_failures = 0
        self.last_auth_error: Optional[BaseException] = None
        self.opened_before = False
        self.live_since: Optional[float] = None
        # The reader of the current socket (reader thread only).
        self.reader: Optional[_BufferedRecv] = None


class BaseWebsocketClient:
    """Engine shared by every bitsdk WebSocket client. Not used directly.

    Subclasses set the class attributes below and implement the ``_``-prefixed hooks.
    """

    #: exchange name used in thread and logger names.
    EXCHANGE = ""
    #: every ws_key this client knows, in display order.
    WS_KEYS: Tuple[str, ...] = ()
    #: every ws_key of the exchange (a ``ws_url`` dict may name any of them).
    EXCHANGE_KEYS: Tuple[str, ...] = ()
    #: ws_keys that log in on connect.
    PRIVATE_KEYS: frozenset = frozenset()
    DEFAULT_PING_INTERVAL = 20.0
    DEFAULT_PONG_TIMEOUT = 10.0
    DEFAULT_RECV_WINDOW = 5000
    #: seconds between subscribe frames (exchange message-rate limits).
    SUBSCRIBE_PACE = 0.0
    #: the application-level ping frame (text).
    PING_FRAME = ""

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
        event_queue: Optional["queue.Queue[Event]"] = None,
        proxies: Any = None,
        logger: Optional[logging.Logger] = None,
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
        self._event_queue = event_queue
        self._proxy_options = _proxy_options(proxies)
        self._logger = logger or logging.getLogger(f"bitsdk.{self.EXCHANGE}.ws")
        # The reader's receive timeout is its tick: fine enough for the heartbeat deadlines.
        self._tick = max(0.02, min(0.5, self._ping_interval / 4, self._pong_timeout / 4))
        self._time_offset_ms = 0

        self._lock = threading.Lock()
        self._conns: Dict[str, _Connection] = {}
        self._closed = False
        self._closed_event = threading.Event()
        self._pending = PendingCommands()
        # Events go to the shared dispatcher once the first connection starts (see _ensure).
        self._put: Callable[[Any], None] = self._deliver
        self._listeners: Dict[str, Tuple[Callable[[Event], Any], ...]] = {}
        self._dispatcher: Optional[_Dispatcher] = None

    # ------------------------------------------------------------------ exchange hooks

    def _default_url(self, ws_key: str) -> str:
        raise NotImplementedError

    def _handshake_headers(self, ws_key: str) -> Dict[str, str]:
        """Extra HTTP headers for the opening handshake of ``ws_key`` (none by default)."""
        return {}

    def _login_frame(self, ws_key: str) -> str:
        """The login frame, with a fresh signature. Never logged."""
        raise NotImplementedError

    def _login_verdict(self, msg: Any) -> Optional[Union[bool, BaseException]]:
        """``None``: not a login reply; ``True``: accepted; an exception: rejected."""
        raise NotImplementedError

    def _is_control(self, conn: _Connection, raw: str) -> bool:
        """Handle a short text frame that is a heartbeat; True when it was one."""
        return False

    def _route(self, ws_key: str, msg: Any) -> Optional[Event]:
        """Classify one decoded message into an Event (or None to drop it). Hot path."""
        raise NotImplementedError

    def _sub_frames(self, ws_key: str, op: str, args: List[Any]) -> List[str]:
        """The text frames that (un)subscribe ``args``, batched within the exchange limits."""
        raise NotImplementedError

    def _topic_key(self, arg: Any) -> Hashable:
        """Identity of a wire arg in the replay set; key order of dicts does not matter."""
        if isinstance(arg, str):
            return arg
        return _dumps(arg, sort_keys=True, separators=(",", ":"))

    # ------------------------------------------------------------------ public API

    def on(self, kind: str, callback: Optional[Callable[[Event], Any]] = None) -> Any:
        """Register ``callback(event)`` for one event kind.

        Callbacks run on bitsdk's dispatcher thread (one for the process), one event at a time,
        in arrival order; never on a socket thread.
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
            # Copy-on-write: the dispatcher reads the tuple without a lock.
            self._listeners[kind] = self._listeners.get(kind, ()) + (callback,)
        return callback

    def off(self, kind: str, callback: Callable[[Event], Any]) -> None:
        """Remove a callback registered with :meth:`on` (no error if it was not there)."""
        with self._lock:
            current = self._listeners.get(kind, ())
            self._listeners[kind] = tuple(cb for cb in current if cb is not callback)

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
        """True while ``ws_key`` is connected (and logged in, for private keys)."""
        conn = self._conns.get(ws_key)
        return conn is not None and conn.live is not None

    def url(self, ws_key: str) -> str:
        """The URL ``ws_key`` connects to (environment and ``ws_url`` overrides applied)."""
        self._check_key(ws_key)
        return self._url_for(ws_key)

    def subscriptions(self, ws_key: str) -> List[Any]:
        """The topics owned for ``ws_key``: what is (re)subscribed after every reconnect."""
        self._check_key(ws_key)
        conn = self._conns.get(ws_key)
        if conn is None:
            return []
        with conn.sub_lock:
            return list(conn.topics.values())

    def set_time_offset_ms(self, offset_ms: int) -> None:
        """Milliseconds added to the local clock for login and command timestamps.

        Use ``server_time - local_time`` (e.g. from a REST client's ``fetch_latency_summary()``).
        """
        self._time_offset_ms = int(offset_ms)

    def get_time_offset_ms(self) -> int:
        """The offset set with :meth:`set_time_offset_ms` (0 by default)."""
        return self._time_offset_ms

    def wait(self, timeout: Optional[float] = None) -> bool:
        """Block until the client is closed (from another thread or a callback).

        Returns:
            True if the client was closed, False if ``timeout`` ran out first.
        """
        return self._closed_event.wait(timeout)

    def run_forever(self) -> None:
        """Block until the client is closed; Ctrl-C closes it and returns."""
        try:
            while not self._closed_event.wait(1.0):
                pass
        except KeyboardInterrupt:
            pass
        finally:
            self.close()

    def close(self, ws_key: Optional[str] = None) -> None:
        """Close one connection, or the whole client when ``ws_key`` is None.

        Safe to call more than once and from any thread, including from inside a callback.
        Pending commands fail with :class:`~bitsdk.errors.ClientClosedError`, a ``close``
        event is emitted per connection, and every thread is joined (bounded in time).
        Closing one ``ws_key`` forgets its topics; the client can open it again later.
        Closing the client delivers the events already queued, then releases the shared
        dispatcher (joined when the last client closes); the client cannot be used afterwards.
        """
        if ws_key is not None:
            self._check_key(ws_key)
            with self._lock:
                conn = self._conns.pop(ws_key, None)
            if conn is not None:
                self._shutdown([conn])
            return
        with self._lock:
            if self._closed:
                return
            self._closed = True
            conns = list(self._conns.values())
            self._conns.clear()
            dispatcher = self._dispatcher
        self._shutdown(conns)
        self._pending.fail(lambda f: ClientClosedError(f"the client was closed while {f.op} was pending"))
        if dispatcher is not None:
            # Everything queued so far (the close events included) is delivered first.
            drained = threading.Event()
            self._put(drained)
            if dispatcher.thread is not threading.current_thread() and not drained.wait(_JOIN_TIMEOUT):
                self._logger.warning("callbacks still running %.0fs after close()", _JOIN_TIMEOUT)
            dispatcher.release(self._logger)
        self._closed_event.set()

    def close_all(self) -> None:
        """Close every connection and the client (same as :meth:`close` with no key)."""
        self.close()

    def __enter__(self) -> "BaseWebsocketClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        keys = ", ".join(k for k, c in self._conns.items() if c.live is not None)
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
        return time.time_ns() // 1_000_000 + self._time_offset_ms

    #: private connections also need ``api_pass`` (Bitget).
    NEEDS_PASS = False

    def _require_credentials(self, ws_key: str) -> None:
        self._credentials.require(f"the private connection {ws_key!r}", needs_pass=self.NEEDS_PASS)

    def _ensure(self, ws_key: str) -> _Connection:
        """The connection for ``ws_key``, started (thread running) if it was not."""
        self._check_key(ws_key)
        private = ws_key in self.PRIVATE_KEYS
        if private:
            self._require_credentials(ws_key)
        with self._lock:
            if self._closed:
                raise ClientClosedError(f"{type(self).__name__} was closed; create a new client")
            conn = self._conns.get(ws_key)
            if conn is None:
                conn = self._conns[ws_key] = _Connection(ws_key, self._url_for(ws_key), private)
            if conn.thread is None:
                if self._dispatcher is None:
                    dispatcher = self._dispatcher = _Dispatcher.acquire()
                    put = dispatcher.queue.put
                    self._put = lambda item: put((self, item))
                conn.thread = threading.Thread(
                    target=self._run, args=(conn,), name=f"bitsdk-{self.EXCHANGE}-{ws_key}", daemon=True
                )
                conn.thread.start()
        return conn

    def _wait_live(self, conn: _Connection, timeout: float) -> websocket.WebSocket:
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

    def _set_live(self, conn: _Connection, ws: Optional[websocket.WebSocket]) -> None:
        with conn.cond:
            conn.live = ws
            conn.cond.notify_all()

    # -- subscriptions

    def _subscribe_args(self, ws_key: str, args: Sequence[Any]) -> None:
        """Add wire args to the replay set of ``ws_key`` and send the new ones if live."""
        conn = self._ensure(ws_key)
        with conn.sub_lock:
            new = []
            for arg in args:
                key = self._topic_key(arg)
                if key not in conn.topics:
                    conn.topics[key] = arg
                    new.append(arg)
            live = conn.live
            if new and live is not None:
                self._send_topic_frames(conn, live, "subscribe", new)

    def _unsubscribe_args(self, ws_key: str, args: Sequence[Any]) -> None:
        """Remove wire args from the replay set and unsubscribe them if live."""
        self._check_key(ws_key)
        conn = self._conns.get(ws_key)
        if conn is None:
            return
        with conn.sub_lock:
            gone = []
            for arg in args:
                removed = conn.topics.pop(self._topic_key(arg), None)
                if removed is not None:
                    gone.append(removed)
            live = conn.live
            if gone and live is not None:
                self._send_topic_frames(conn, live, "unsubscribe", gone)

    def _send_topic_frames(self, conn: _Connection, ws: websocket.WebSocket, op: str, args: List[Any]) -> None:
        # Caller holds conn.sub_lock. A failed send is harmless: the topics stay in the replay
        # set and go out again after the reconnect.
        pace = self.SUBSCRIBE_PACE
        for i, frame in enumerate(self._sub_frames(conn.ws_key, op, args)):
            if i and pace and conn.stop.wait(pace):
                return
            try:
                ws.send(frame)
            except Exception as exc:  # noqa: BLE001 - socket died; the reader handles it
                self._logger.debug("%s: %s frame not sent (%s)", conn.ws_key, op, exc)
                return

    # -- commands (WebSocket API)

    def _send_command(
        self,
        ws_key: str,
        match_key: Hashable,
        request_id: str,
        op: str,
        frame: Dict[str, Any],
        timeout: Optional[float],
    ) -> CommandFuture:
        """Register, then send one command; returns its future (never resent)."""
        timeout = self._command_timeout if timeout is None else float(timeout)
        text = _compact(frame)  # bad values fail here, before connecting
        conn = self._ensure(ws_key)
        ws = self._wait_live(conn, timeout)
        fut = CommandFuture(request_id, op, ws_key, frame, timeout, self._call_soon)
        self._pending.add(match_key, fut)  # before sending: a fast reply must find it
        if conn.live is not ws:
            # Dropped between the wait and the registration: nothing was written.
            self._pending.pop(match_key)
            fut._set_exception(NotConnectedError(f"{ws_key} dropped before {op} was sent; nothing was sent"))
            return fut
        if not fut._mark_sending():
            return fut  # cancelled before it was written: never sent
        try:
            ws.send(text)
        except Exception as exc:  # noqa: BLE001
            if self._pending.pop(match_key) is not None:
                fut._set_exception(
                    ConnectionLostError(
                        f"{ws_key} failed while {op} (request id {request_id}) was being written "
                        f"({type(exc).__name__}); outcome unknown, not resent",
                        method=op,
                    )
                )
        return fut

    def _command_reply(
        self, ws_key: str, match_key: Hashable, msg: Any, error: Optional[BaseException]
    ) -> Event:
        """Resolve the command matching ``match_key`` and return the event to emit."""
        fut = self._pending.pop(match_key)
        if fut is None:
            # Late (after its timeout) or duplicate: reported, never raised.
            return Event("response", ws_key, msg, error=error, ws_api=True, unmatched=True)
        if error is None:
            resolve = partial(fut._set_result, msg)
            event = Event("response", ws_key, msg, ws_api=True)
        else:
            resolve = partial(fut._set_exception, error)
            event = Event("exception", ws_key, msg, error=error, ws_api=True)
        conn = self._conns.get(ws_key)
        reader = conn.reader if conn is not None else None
        if reader is not None:
            reader.defer(resolve)
        else:
            resolve()
        return event

    def _call_soon(self, callback: Callable[[CommandFuture], Any], fut: CommandFuture) -> None:
        # Done-callbacks run on the dispatcher, in order with the events; after close, inline.
        if self._dispatcher is not None and not self._closed_event.is_set():
            self._put((callback, fut))
        else:
            callback(fut)

    # -- the connection thread

    def _run(self, conn: _Connection) -> None:
        key = conn.ws_key
        log = self._logger
        initial, cap = self._backoff
        delay = initial
        try:
            while not conn.stop.is_set():
                conn.live_since = None
                reason: Optional[BaseException] = None
                try:
                    self._session(conn)
                except _Stopped:
                    break
                except Exception as exc:  # noqa: BLE001 - any failure leads to a reconnect
                    reason = exc
                finally:
                    reader, conn.reader = conn.reader, None
                    if reader is not None:
                        reader.flush()  # replies already read resolve their futures
                    self._set_live(conn, None)
                    self._abort_socket(conn)
                    conn.ws = None
                if conn.stop.is_set():
                    break
                # Whatever was in flight may or may not have reached the exchange.
                self._pending.fail(
                    lambda f: ConnectionLostError(
                        f"{key} connection lost while {f.op} (request id {f.request_id}) was "
                        "pending; outcome unknown, not resent",
                        method=f.op,
                    ),
                    key,
                )
                live_since = conn.live_since
                opened = live_since is not None
                if live_since is not None and time.monotonic() - live_since >= _STABLE_AFTER:
                    delay = initial
                wait = delay
                if isinstance(reason, AuthenticationError):
                    wait = max(wait, min(_AUTH_RETRY_MIN, cap))
                elif not opened and reason is not None and not isinstance(reason, _LinkDead):
                    self._emit(Event("exception", key, {"url": conn.url}, error=reason))
                wait *= random.uniform(0.8, 1.2)
                why = str(reason) if reason is not None else "connection closed"
                log.info("%s: disconnected (%s); reconnecting in %.2fs", key, why, wait)
                self._emit(Event("reconnect", key, {"url": conn.url, "reason": why, "delay": wait}))
                delay = min(delay * 2, cap)
                if conn.stop.wait(wait):
                    break
        except BaseException:  # pragma: no cover - a bug: say so instead of dying silently
            log.exception("%s: connection thread crashed", key)
            raise

    def _session(self, conn: _Connection) -> None:
        """One connection's life: connect, log in, resubscribe, read; raises when it ends."""
        key = conn.ws_key
        ws = websocket.WebSocket(skip_utf8_validation=True, enable_multithread=True)
        conn.ws = ws
        if conn.stop.is_set():
            raise _Stopped
        try:
            ws.connect(
                conn.url, timeout=self._connect_timeout, header=self._handshake_headers(key), **self._proxy_options
            )
        except websocket.WebSocketException as exc:
            raise NetworkError(f"{key}: could not connect to {conn.url}: {exc}") from exc
        except OSError as exc:
            raise NetworkError(f"{key}: could not connect to {conn.url}: {exc}") from exc
        if conn.stop.is_set():
            raise _Stopped
        ws.settimeout(self._tick)
        conn.reader = _install_buffered_recv(ws)
        state = _ReadState(self._ping_interval)
        if conn.private:
            self._login(conn, ws, state)
        with conn.sub_lock:
            topics = list(conn.topics.values())
            self._set_live(conn, ws)
            conn.live_since = time.monotonic()
            if topics:
                self._send_topic_frames(conn, ws, "subscribe", topics)
        if conn.stop.is_set():
            raise _Stopped
        kind = "reconnected" if conn.opened_before else "open"
        conn.opened_before = True
        self._logger.info("%s: %s (%s)", key, kind, conn.url)
        self._emit(Event(kind, key, {"url": conn.url}))
        self._read(conn, ws, state, None)

    def _login(self, conn: _Connection, ws: websocket.WebSocket, state: "_ReadState") -> None:
        key = conn.ws_key
        if self._logger.isEnabledFor(logging.DEBUG):
            self._logger.debug("%s: logging in", key)  # never the frame: it holds a signature
        ws.send(self._login_frame(key))
        verdict = self._read(conn, ws, state, time.monotonic() + self._connect_timeout)
        if verdict is None:
            raise NetworkError(f"{key}: no login reply within {self._connect_timeout:g}s")
        msg, outcome = verdict
        if outcome is True:
            with conn.cond:
                conn.last_auth_error = None
            self._emit(Event("authenticated", key, msg))
            return
        with conn.cond:
            conn.last_auth_error = outcome
            conn.auth_failures += 1
            conn.cond.notify_all()
        self._logger.warning("%s: login rejected: %s", key, outcome)
        self._emit(Event("exception", key, msg, error=outcome))
        raise outcome

    def _read(
        self,
        conn: _Connection,
        ws: websocket.WebSocket,
        state: "_ReadState",
        login_deadline: Optional[float],
    ) -> Any:
        """The receive loop. In login mode (``login_deadline`` set) it returns
        ``(msg, verdict)`` at the login reply, or None at the deadline; otherwise it only
        returns by raising when the link ends.
        """
        key = conn.ws_key
        recv = ws.recv
        loads = json.loads
        route = self._route
        put = self._put
        listeners = self._listeners
        is_control = self._is_control
        verdict_of = self._login_verdict if login_deadline is not None else None
        mono = time.monotonic
        stop = conn.stop
        ping_interval = self._ping_interval
        pong_timeout = self._pong_timeout
        tick = self._tick
        Timeout = websocket.WebSocketTimeoutException
        last_rx = mono()
        next_tick = last_rx + tick
        while True:
            try:
                raw = recv()
            except Timeout:
                raw = None
            except (websocket.WebSocketException, OSError) as exc:
                if stop.is_set():
                    raise _Stopped from None
                raise _LinkDead(f"connection lost ({type(exc).__name__}: {exc})") from None
            now = mono()
            if raw is not None:
                last_rx = now
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
                            # Events nobody consumes are not queued: the dispatcher stays asleep.
                            if event is not None and (listeners.get(event.kind) or self._event_queue is not None):
                                put(event)
                        except Exception as exc:  # noqa: BLE001 - one odd frame must not kill the link
                            put(Event("exception", key, msg, error=exc))
                elif not ws.connected:
                    # A close frame (websocket-client already answered it).
                    if stop.is_set():
                        raise _Stopped
                    raise _LinkDead("closed by the server")
            if now < next_tick:
                continue
            # -- tick: stop flag, heartbeat, command deadlines
            next_tick = now + tick
            if stop.is_set():
                raise _Stopped
            if state.ping_sent and last_rx < state.ping_sent and now - state.ping_sent >= pong_timeout:
                raise _LinkDead(f"no reply to ping within {pong_timeout:g}s")
            if now >= state.next_ping:
                state.next_ping = now + ping_interval
                if last_rx >= state.ping_sent:
                    state.ping_sent = now
                try:
                    ws.send(self.PING_FRAME)
                except (websocket.WebSocketException, OSError) as exc:
                    if stop.is_set():
                        raise _Stopped from None
                    raise _LinkDead(f"ping failed ({exc})") from None
            if login_deadline is not None and now >= login_deadline:
                return None
            if self._pending._items:
                self._pending.expire(now)

    def _abort_socket(self, conn: _Connection) -> None:
        ws = conn.ws
        if ws is None:
            return
        try:
            ws.shutdown()
        except Exception:  # noqa: BLE001 - best effort
            pass

    def _shutdown(self, conns: List[_Connection]) -> None:
        """Stop connection threads, fail their commands and emit ``close`` for each."""
        for conn in conns:
            conn.stop.set()
            self._set_live(conn, None)
            ws = conn.ws
            if ws is not None:
                # Be polite (close frame), then wake the reader blocked in recv().
                try:
                    if ws.connected:
                        ws.send_close()
                except Exception:  # noqa: BLE001
                    pass
                sock = ws.sock
                if sock is not None:
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
        me = threading.current_thread()
        for conn in conns:
            thread = conn.thread
            if thread is not None and thread is not me:
                thread.join(_JOIN_TIMEOUT)
                if thread.is_alive():
                    self._logger.warning("%s did not stop within %.0fs", thread.name, _JOIN_TIMEOUT)
        for conn in conns:
            self._pending.fail(
                lambda f: ClientClosedError(
                    f"{f.ws_key} was closed while {f.op} (request id {f.request_id}) was pending; "
                    "outcome unknown, not resent",
                    method=f.op,
                ),
                conn.ws_key,
            )
            if conn.thread is not None:
                self._emit(Event("close", conn.ws_key, {"url": conn.url}))

    # -- the dispatcher

    def _emit(self, event: Event) -> None:
        self._put(event)

    def _deliver(self, item: Any) -> None:
        """Run on the dispatcher thread: one event, future callback or close marker."""
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
        elif item.__class__ is threading.Event:  # close() waits for this marker
            item.set()
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


class BaseWebsocketAPIClient:
    """What both exchanges' ``WebsocketAPIClient`` share: they wrap one stream client
    (``self._ws``) and add blocking order helpers on top of its ``send_ws_api_request``."""

    _ws: BaseWebsocketClient

    def get_ws_client(self) -> Any:
        """The underlying stream client (events, private streams, raw commands)."""
        return self._ws

    def connect_ws_api(self, timeout: Optional[float] = None) -> None:
        """Connect and log in ahead of the first command, blocking until ready.

        Args:
            timeout: seconds to wait (default: the client's ``connect_timeout``).

        Raises:
            NotConnectedError: not ready in time.
            AuthenticationError: the login was rejected.
        """
        self._ws.connect_ws_api(timeout)  # type: ignore[attr-defined]

    def set_time_offset_ms(self, offset_ms: int) -> None:
        """Milliseconds added to the local clock for login and command timestamps."""
        self._ws.set_time_offset_ms(offset_ms)

    def on(self, kind: str, callback: Optional[Callable[[Event], Any]] = None) -> Any:
        """Register an event callback on the underlying client (see ``on`` there)."""
        return self._ws.on(kind, callback)

    def close(self) -> None:
        """Close the connection; pending commands fail with ClientClosedError."""
        self._ws.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} over {self._ws!r}>"


class _ReadState:
    """Heartbeat bookkeeping that lives across the login and the main read loop."""

    __slots__ = ("next_ping", "ping_sent")

    def __init__(self, ping_interval: float):
        self.next_ping = time.monotonic() + ping_interval
        self.ping_sent = 0.0
