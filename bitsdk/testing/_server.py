"""Loopback transport: an HTTP/1.1 server and a WebSocket server, both on 127.0.0.1.

Both servers accept on their own named thread (``_Acceptor``), so they can refuse
connections on demand and stop without polling. REST answers go out as one write with
TCP_NODELAY set (otherwise Nagle plus delayed ACK adds ~40 ms per call). Each WebSocket
connection has a reader thread and a writer thread; everything a connection sends goes
through its outbox (``WsConnection.send``), which is where the write-side faults live:
delays, silence, "drop after n messages".
"""

from __future__ import annotations

import heapq
import http.server
import inspect
import itertools
import json
import logging
import os
import selectors
import socket
import socketserver
import struct
import sys
import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from typing import Any, Callable, Dict, List, Optional, Set, Tuple
from urllib.parse import parse_qsl

from ._common import ThreadGroup, dumps, logger

try:  # websockets >= 13 (sync server)
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.server import ServerConnection, serve
except ImportError:  # pragma: no cover - reported when the exchange starts
    ServerConnection = object  # type: ignore[assignment,misc]
    serve = None  # type: ignore[assignment]
    ConnectionClosed = Exception  # type: ignore[assignment,misc]

_ws_logger = logging.getLogger("bitsdk.testing.websockets")
OUTBOX_LIMIT = 50_000  # a client that stops reading is disconnected, as real exchanges do


_LINGER_ZERO = struct.pack("HH" if sys.platform == "win32" else "ii", 1, 0)


def set_linger_zero(sock: socket.socket) -> None:
    """Make the next close() send a TCP RST instead of an orderly FIN."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_ZERO)
    except OSError:
        pass


def reset_socket(sock: socket.socket) -> None:
    """Close ``sock`` with a TCP RST."""
    set_linger_zero(sock)
    try:
        sock.close()
    except OSError:
        pass


class _Acceptor:
    """Accept loop on a listening socket, woken for shutdown through a socket pair."""

    def __init__(self, sock: socket.socket, on_accept: Callable[[socket.socket, Any], None],
                 group: ThreadGroup, role: str) -> None:
        self._sock = sock
        self._on_accept = on_accept
        self._group = group
        self._role = role
        self._wake_r, self._wake_w = socket.socketpair()

    def start(self) -> None:
        self._group.spawn(self._role, self._run)

    def _run(self) -> None:
        selector = selectors.DefaultSelector()
        selector.register(self._sock, selectors.EVENT_READ)
        selector.register(self._wake_r, selectors.EVENT_READ)
        try:
            while True:
                ready = [key.fileobj for key, _ in selector.select()]
                if self._wake_r in ready:
                    return
                try:
                    client, addr = self._sock.accept()
                except OSError:
                    continue
                client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                try:
                    self._on_accept(client, addr)
                except Exception:
                    logger.exception("loopback: failed to start a connection")
                    reset_socket(client)
        finally:
            selector.close()

    def stop(self) -> None:
        """Wake the accept loop (it exits) and close the listening socket."""
        try:
            self._wake_w.send(b"x")
        except OSError:
            pass

    def close(self) -> None:
        for sock in (self._sock, self._wake_r, self._wake_w):
            try:
                sock.close()
            except OSError:
                pass


# --- REST -------------------------------------------------------------------------------------


@dataclass
class RestRequest:
    """One HTTP request as received (raw query string and body bytes, for signature checks)."""

    method: str
    path: str
    query: str
    headers: Message
    body: bytes
    server_env: str  # environment of the REST host that received it: "live" or "demo"

    def header(self, name: str) -> str:
        """A request header (case-insensitive), or ``""``."""
        return self.headers.get(name, "") or ""

    @property
    def params(self) -> Dict[str, str]:
        """Decoded query parameters (first value wins)."""
        result: Dict[str, str] = {}
        for key, value in parse_qsl(self.query, keep_blank_values=True):
            result.setdefault(key, value)
        return result


@dataclass
class RestResponse:
    """An HTTP response to write in one piece."""

    status: int
    body: bytes
    content_type: str = "application/json"
    headers: List[Tuple[str, str]] = field(default_factory=list)

    @classmethod
    def json(cls, obj: Any, status: int = 200, headers: Optional[List[Tuple[str, str]]] = None) -> "RestResponse":
        return cls(status, dumps(obj).encode("utf-8"), "application/json", list(headers or []))


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "HttpServer"

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._serve()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def _serve(self) -> None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        body = self.rfile.read(length) if length > 0 else b""
        path, _, query = self.path.partition("?")
        request = RestRequest(self.command, path, query, self.headers, body, self.server.env)
        try:
            response = self.server.app(request)
        except Exception:
            logger.exception("loopback: REST handler failed for %s %s", self.command, path)
            response = RestResponse(500, b"Internal Server Error", "text/plain")
        reason = http.server.BaseHTTPRequestHandler.responses.get(response.status, ("",))[0]
        lines = [
            "HTTP/1.1 %d %s" % (response.status, reason),
            "Content-Type: %s" % response.content_type,
            "Content-Length: %d" % len(response.body),
            "Connection: %s" % ("close" if self.close_connection else "keep-alive"),
        ]
        lines.extend("%s: %s" % pair for pair in response.headers)
        # Headers and body in a single write: separate writes stall on Nagle + delayed ACK.
        self.wfile.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + response.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


class HttpServer(http.server.ThreadingHTTPServer):
    """Threaded HTTP/1.1 keep-alive server; ``app(RestRequest) -> RestResponse`` answers requests."""

    daemon_threads = True

    def __init__(self, host: str, env: str, app: Callable[[RestRequest], RestResponse],
                 group: ThreadGroup, refusing: Callable[[], bool], role: str) -> None:
        super().__init__((host, 0), _Handler)
        self.env = env
        self.app = app
        self._group = group
        self._refusing = refusing
        self._role = role
        self._clients: Set[socket.socket] = set()
        self._clients_lock = threading.Lock()
        self._acceptor = _Acceptor(self.socket, self._accepted, group, role + "-accept")

    def server_bind(self) -> None:
        # HTTPServer.server_bind() resolves the host name (getfqdn), which can stall on
        # machines without reverse DNS; a loopback server does not need it.
        socketserver.TCPServer.server_bind(self)
        host, port = self.socket.getsockname()[:2]
        self.server_name, self.server_port = str(host), int(port)

    @property
    def url(self) -> str:
        host, port = self.socket.getsockname()[:2]
        return "http://%s:%d" % (host, port)

    def start(self) -> None:
        self._acceptor.start()

    def _accepted(self, sock: socket.socket, addr: Any) -> None:
        if self._refusing():
            reset_socket(sock)
            return
        with self._clients_lock:
            self._clients.add(sock)
        self._group.spawn(self._role + "-conn", self.process_request_thread, sock, addr)

    def shutdown_request(self, request: Any) -> None:
        with self._clients_lock:
            self._clients.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients hanging up mid-request are normal in fault tests; keep stderr quiet.
        logger.debug("loopback: REST connection error from %s", client_address, exc_info=True)

    def stop(self) -> None:
        """Stop accepting and wake every handler blocked on an idle keep-alive connection."""
        self._acceptor.stop()
        with self._clients_lock:
            clients = list(self._clients)
        for sock in clients:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def close(self) -> None:
        self._acceptor.close()
        self.server_close()


# --- WebSocket ----------------------------------------------------------------------------------


if serve is not None:

    class _NamedConnection(ServerConnection):  # type: ignore[misc,valid-type,unused-ignore]
        """Names websockets' internal reader thread after the connection thread that owns it."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            thread = getattr(self, "recv_events_thread", None)
            if thread is not None:
                thread.name = threading.current_thread().name + "-recv"


class WsConnection:
    """One accepted WebSocket connection: identity, session state, and a faultable outbox.

    Session attributes (``subs``, ``api_key``, ``authenticated``...) are guarded by the engine
    lock; the outbox has its own condition variable.
    """

    _ids = itertools.count(1)

    def __init__(self, ws: Any, ws_key: str, env: str, kind: str) -> None:
        self.ws = ws
        self.ws_key = ws_key
        self.env = env
        self.kind = kind
        self.number = next(self._ids)
        self.conn_id = "%s-%d" % (ws_key, self.number)
        self.opened_ms = int(time.time() * 1000)
        # The handshake's request headers (case-insensitive), e.g. to check x-site-id / x-refer-site-id.
        request = getattr(ws, "request", None)
        self.request_headers: Any = request.headers if request is not None else {}
        self.subs: Dict[str, Any] = {}
        self.api_key: Optional[str] = None
        self.authenticated = False
        self.req_ids: Set[Any] = set()
        self.received = 0
        self.sent = 0
        self.closed = threading.Event()
        self._cond = threading.Condition()
        self._outbox: List[Tuple[float, int, Optional[str]]] = []  # text None: close here
        self._order = itertools.count()
        self._silent_until = 0.0
        self._silent_then = "resume"
        self._drop_mode: Optional[str] = None
        self._drop_budget: Optional[int] = None
        self._budget_mode = "reset"
        self._stopped = False

    def receive(self) -> Optional[Any]:
        """Block for the next frame from the client; ``None`` once the connection is closed."""
        try:
            return self.ws.recv()
        except (ConnectionClosed, EOFError, OSError):
            return None

    # --- outbox -----------------------------------------------------------------------------

    def send(self, text: str, delay: float = 0.0) -> None:
        """Queue ``text`` for the writer, ``delay`` seconds from now (dropped while silent)."""
        with self._cond:
            now = time.monotonic()
            if self._stopped or now < self._silent_until:
                return
            if len(self._outbox) >= OUTBOX_LIMIT:
                self._drop_mode = self._drop_mode or "reset"
            heapq.heappush(self._outbox, (now + delay, next(self._order), text))
            self._cond.notify()

    def send_json(self, obj: Any, delay: float = 0.0) -> None:
        self.send(dumps(obj), delay)

    def silent(self) -> bool:
        """True while a ``go_silent`` fault is in force."""
        return time.monotonic() < self._silent_until

    def drop(self, mode: str = "reset") -> None:
        """Disconnect now: ``reset`` (TCP RST, no close frame) or ``close`` (close frame 1001)."""
        with self._cond:
            if self._drop_mode is None:
                self._drop_mode = mode
            self._cond.notify()

    def drop_after(self, count: int, mode: str) -> None:
        """Disconnect after ``count`` more messages have been sent."""
        with self._cond:
            self._drop_budget = count
            self._budget_mode = mode
            if count <= 0:
                self._drop_mode = mode
            self._cond.notify()

    def close_after_queued(self) -> None:
        """Send what is due so far, then close (close frame 1001), e.g. after a final error reply."""
        with self._cond:
            heapq.heappush(self._outbox, (time.monotonic(), next(self._order), None))
            self._cond.notify()

    def go_silent(self, seconds: float, then: str) -> None:
        """Send nothing and ignore the client for ``seconds``; then resume or drop (``then``)."""
        with self._cond:
            self._silent_until = time.monotonic() + seconds
            self._silent_then = then
            self._outbox.clear()
            self._cond.notify()

    def stop(self) -> None:
        """End the writer (the reader has finished)."""
        with self._cond:
            self._stopped = True
            self._cond.notify()

    def run_writer(self) -> None:
        """Writer thread body: send queued messages in due order; perform drops."""
        while True:
            with self._cond:
                mode, text = self._next()
                if mode is None and text is None:
                    return
            if mode is not None:
                self._perform_drop(mode)
                return
            try:
                self.ws.send(text)
            except Exception:  # the connection is gone; the reader cleans up
                return
            with self._cond:
                self.sent += 1
                if self._drop_budget is not None:
                    self._drop_budget -= 1
                    if self._drop_budget <= 0:
                        self._drop_budget = None
                        self._drop_mode = self._drop_mode or self._budget_mode

    def _next(self) -> Tuple[Optional[str], Optional[str]]:
        # Called with self._cond held: (drop mode, None), (None, text), or (None, None) to stop.
        while True:
            if self._drop_mode is not None:
                return self._drop_mode, None
            if self._stopped:
                return None, None
            now = time.monotonic()
            timeout = None
            if self._silent_until:
                if now < self._silent_until:
                    timeout = self._silent_until - now
                else:
                    self._silent_until = 0.0
                    if self._silent_then == "drop":
                        self._drop_mode = "reset"
                        continue
            if timeout is None and self._outbox:
                due, _, text = self._outbox[0]
                if due <= now:
                    heapq.heappop(self._outbox)
                    if text is None:  # close_after_queued(): the writer has sent everything before it
                        self._drop_mode = self._drop_mode or "close"
                        continue
                    return None, text
                timeout = due - now
            self._cond.wait(timeout)

    def _perform_drop(self, mode: str) -> None:
        ws = self.ws
        if mode == "close":
            try:
                ws.close(1001, "going away")
            except Exception:
                pass
            return
        sock = getattr(ws, "socket", None)
        if sock is not None:
            set_linger_zero(sock)
        close_socket = getattr(ws, "close_socket", None)
        if close_socket is not None:
            close_socket()
        elif sock is not None:
            sock.close()


class WsServer:
    """A WebSocket host serving a set of paths (one ws_key each) for one environment."""

    def __init__(self, host: str, env: str, routes: Dict[str, str],
                 on_connection: Callable[[Any, str, str], None], group: ThreadGroup,
                 refusing: Callable[[], bool], role: str) -> None:
        if serve is None:
            raise RuntimeError("bitsdk.testing needs the 'websockets' package (pip install websockets)")
        self.env = env
        self.routes = routes
        self._on_connection = on_connection
        self._group = group
        self._refusing = refusing
        self._role = role
        self._listen = socket.create_server((host, 0))
        options: Dict[str, Any] = dict(
            sock=self._listen,
            process_request=self._process_request,
            ping_interval=None,  # the exchanges use application-level heartbeats
            compression=None,
            close_timeout=0.5,
            max_size=2 ** 22,
            logger=_ws_logger,
        )
        if "create_connection" in inspect.signature(serve).parameters:
            options["create_connection"] = _NamedConnection
        self._server = serve(self._handler, **options)
        self._acceptor = _Acceptor(self._listen, self._accepted, group, role + "-accept")

    @property
    def base_url(self) -> str:
        host, port = self._listen.getsockname()[:2]
        return "ws://%s:%d" % (host, port)

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> None:
        self._acceptor.start()

    def _accepted(self, sock: socket.socket, addr: Any) -> None:
        if self._refusing():
            reset_socket(sock)
            return
        # websockets' per-connection routine does the handshake, then calls self._handler.
        self._group.spawn(self._role + "-conn", self._server.handler, sock, addr)

    def _process_request(self, connection: Any, request: Any) -> Any:
        path = request.path.split("?", 1)[0]
        if path not in self.routes:
            return connection.respond(404, "404 page not found\n")
        return None

    def _handler(self, ws: Any) -> None:
        path = ws.request.path.split("?", 1)[0]
        self._on_connection(ws, self.routes[path], self.env)

    def stop(self) -> None:
        self._acceptor.stop()

    def close(self) -> None:
        self._acceptor.close()
        # We never run websockets' serve_forever(), so close the wake-up pipe it made for it
        # (a socket pair in recent releases, an os.pipe() in older ones).
        for name in ("shutdown_watcher", "shutdown_notifier"):
            handle = getattr(self._server, name, None)
            try:
                if isinstance(handle, int):
                    os.close(handle)
                elif handle is not None:
                    handle.close()
            except OSError:
                pass


def decode_frame(data: Any) -> str:
    """Text of a received frame (binary frames are decoded as UTF-8)."""
    if isinstance(data, bytes):
        return data.decode("utf-8", "replace")
    return str(data)


def loads_or_none(text: str) -> Any:
    """``json.loads`` that returns ``None`` on malformed input."""
    try:
        return json.loads(text)
    except ValueError:
        return None
