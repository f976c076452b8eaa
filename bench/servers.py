"""Loopback servers, each in its own process, so the server never competes for the client's GIL.

``python -m bench.servers http`` and ``python -m bench.servers ws --frames N`` bind a free port
on 127.0.0.1, print ``READY <port>``, and serve until their stdin closes (so they die with the
harness). :class:`ServerProcess` starts one and hands out its URLs.

HTTP (REST section): a ``ThreadingHTTPServer`` speaking HTTP/1.1 keep-alive with TCP_NODELAY
that answers every GET and POST with one fixed JSON body, a success envelope for both
exchanges, written together with its headers in one ``send`` (a separate header write stalls
~40 ms per call on Nagle plus delayed ACK).

WebSocket (stream, WS API and connection sections): a ``websockets`` sync server that behaves
like a Bybit V5 endpoint just enough for the clients: it accepts any ``auth``, answers
``{"op":"ping"}`` (and Bitget's text ``ping``), acknowledges ``subscribe``, and answers the
``order.*`` commands with the reply shape of spec/bybit.md §5.3, echoing ``reqId``. After
acknowledging a subscription to a topic with a feed (:mod:`bench.feeds`) it writes ``--frames``
pre-encoded frames straight to the socket in 256 KiB chunks, so it can send far faster than
any client can read.

Paced feeds (scale section): a connection opened with ``?session=<id>`` in its URL records the
topics it subscribes under that session; a ``{"op": "bench.feed", "session": id, "rate": R,
"count": M}`` request (from a separate control connection) then sends ``M`` Bybit ticker
deltas at ``R`` messages per second in 5 ms slices, round robin over the session's topics, each
to the connection holding it, and answers ``{"op": "bench.feed", "session": id, "sent": n}``
when done (or when a reader went away). Each
message's ``ts`` is the time it was due, so a reader's lag is ``now - ts``. With
``"stamp": true`` each message also carries ``tx``, the ``time.monotonic_ns()`` at which it
was written (for latencies in µs), and ``"slice": s`` sets the pacing slice in seconds (a
short slice sends a few messages at a time, as an exchange does, instead of 5 ms bursts).

Loopback (``python -m bench.servers loopback --exchange bybit``): a
:class:`bitsdk.testing.LoopbackExchange` in this process; each stdin line ``drop`` calls
``faults.drop_all()`` and answers ``DROPPED <count> <wall time before> <wall time after>``.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, urlsplit

from . import ROOT
from .feeds import FEEDS, encode_feed, feed_for_topic, paced_frames

__all__ = ["HTTP_BODY", "ServerProcess"]

#: The answer to every REST call: success for Bybit (retCode 0) and for Bitget (code 00000).
HTTP_BODY = (
    b'{"retCode":0,"retMsg":"OK","result":{},"retExtInfo":{},"time":1700000000000,'
    b'"code":"00000","msg":"success","requestTime":1700000000000,"data":[]}'
)
CHUNK = 256 * 1024
SETTLE = 0.25  # seconds between a subscribe acknowledgement and the feed (see _Exchange.handle)
PACE_SLICE = 0.005  # seconds between the slices of a paced feed
ORDER_OPS = frozenset(
    {"order.create", "order.amend", "order.cancel", "order.create-batch", "order.amend-batch", "order.cancel-batch"}
)


# -- the parent side ----------------------------------------------------------------------


class ServerProcess:
    """A loopback server in a child process, as a context manager.

    ``with ServerProcess("ws", "--frames", "20000") as server: server.ws_url("/v5/public/linear")``
    """

    def __init__(self, kind: str, *args: str, ready_timeout: float = 120.0):
        self.kind = kind
        self.args = args
        self.ready_timeout = ready_timeout
        self.port = 0
        self._proc: Optional[subprocess.Popen] = None
        self._stderr = tempfile.TemporaryFile()

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def ws_url(self, path: str = "/") -> str:
        return f"ws://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> "ServerProcess":
        # A server already started (to report a failure as a skipped row) is not started again:
        # a second child would replace the first in self._proc and outlive the run.
        return self if self._proc is not None else self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def start(self) -> "ServerProcess":
        """Start the child and wait for its port; raises RuntimeError if it does not come up
        (or if this server is already running)."""
        if self._proc is not None:
            raise RuntimeError(f"{self.kind} server already running on port {self.port}")
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "bench.servers", self.kind, *self.args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, cwd=str(ROOT), env=env,
        )
        line = _readline(self._proc, self.ready_timeout)
        if not line.startswith(b"READY "):
            self._stderr.seek(0)
            tail = self._stderr.read().decode("utf-8", "replace")[-800:]
            self.stop()
            raise RuntimeError(f"{self.kind} server did not start: {line!r} {tail}")
        self.port = int(line.split()[1])
        return self

    def command(self, line: str, timeout: float = 10.0) -> str:
        """Send one line to the child (``loopback`` kind) and return its one-line answer."""
        proc = self._proc
        if proc is None:
            raise RuntimeError(f"{self.kind} server is not running")
        proc.stdin.write(line.encode() + b"\n")  # type: ignore[union-attr]
        proc.stdin.flush()  # type: ignore[union-attr]
        answer = _readline(proc, timeout)
        if not answer:
            raise RuntimeError(f"{self.kind} server did not answer {line!r} within {timeout:g}s")
        return answer.decode().strip()

    def stop(self) -> None:
        """Close the child's stdin (it exits at once) and reap it. Safe to call twice."""
        proc = self._proc
        if proc is None:
            return
        self._proc = None
        try:
            proc.stdin.close()  # type: ignore[union-attr]
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        proc.stdout.close()  # type: ignore[union-attr]
        self._stderr.close()


def _readline(proc: subprocess.Popen, timeout: float) -> bytes:
    """The child's first stdout line, or ``b""`` if it does not come within ``timeout``."""
    box = []
    reader = threading.Thread(target=lambda: box.append(proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(timeout)
    return box[0] if box else b""


# -- HTTP -------------------------------------------------------------------------------------


class _RestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    response = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: keep-alive\r\n"
        b"Content-Length: " + str(len(HTTP_BODY)).encode() + b"\r\n\r\n" + HTTP_BODY
    )

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.wfile.write(self.response)  # unbuffered: exactly one sendall

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


def serve_http() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _RestHandler)
    server.daemon_threads = True
    _ready(server.server_address[1])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _wait_for_parent()


# -- WebSocket --------------------------------------------------------------------------------


def _ms() -> int:
    return time.time_ns() // 1_000_000


class _Exchange:
    """What the WebSocket server knows: the pre-encoded feeds, and the sessions of paced feeds."""

    def __init__(self, frames: int):
        self.feeds: Dict[str, bytes] = {name: encode_feed(name, frames) for name in set(FEEDS.values())} if frames else {}
        self.lock = threading.Lock()
        self.sessions: Dict[str, List[Tuple[Any, str]]] = {}  # session -> (connection, topic)

    def handle(self, ws: Any) -> None:
        path = ws.request.path if ws.request is not None else "/"
        trade = path.startswith("/v5/trade")
        session = parse_qs(urlsplit(path).query).get("session", [""])[0]
        try:
            for raw in ws:
                if raw == "ping":  # Bitget's text heartbeat
                    ws.send("pong")
                    continue
                try:
                    msg = json.loads(raw)
                except ValueError:
                    continue
                op = msg.get("op")
                if op == "ping":
                    ws.send(_pong(msg, trade))
                elif op == "auth":
                    ws.send(_auth_ok(msg, trade))
                elif op in ("subscribe", "unsubscribe"):
                    topics = [str(t) for t in msg.get("args") or ()] if op == "subscribe" else []
                    blobs = [self.feeds[f] for f in map(feed_for_topic, topics) if f in self.feeds]
                    ack = {"success": True, "ret_msg": "", "conn_id": "bench", "req_id": msg.get("req_id", ""), "op": op}
                    if blobs:
                        ack["feed_bytes"] = sum(map(len, blobs))  # lets a probe read the raw feed
                    elif session:
                        with self.lock:
                            self.sessions.setdefault(session, []).extend((ws, t) for t in topics)
                    ws.send(json.dumps(ack))
                    if blobs:
                        # pybit registers its callback only after sending the subscribe frame
                        # (_WebSocketManager.subscribe): data arriving within that gap raises
                        # KeyError on its socket thread and kills the stream. A real exchange
                        # is a network round trip away; leave the clients the same moment.
                        # The timing starts at the first update, so this costs nobody
                        # (50 ms was too short on a loaded machine: pybit lost its stream).
                        time.sleep(SETTLE)
                    for blob in blobs:
                        _blast(ws, blob)
                elif op in ORDER_OPS:
                    ws.send(_order_reply(msg))
                elif op == "bench.feed":
                    sent = self.paced(str(msg["session"]), float(msg["rate"]), int(msg["count"]),
                                      stamp=bool(msg.get("stamp")), slice_s=float(msg.get("slice", PACE_SLICE)))
                    ws.send(json.dumps({"op": "bench.feed", "session": msg["session"], "sent": sent}))
        except Exception:  # a client vanishing mid-blast is normal here
            pass
        finally:
            if session:
                with self.lock:
                    left = [entry for entry in self.sessions.get(session, []) if entry[0] is not ws]
                    if left:
                        self.sessions[session] = left
                    else:
                        self.sessions.pop(session, None)

    def paced(self, session: str, rate: float, count: int, stamp: bool = False, slice_s: float = PACE_SLICE) -> int:
        """Send ``count`` ticker deltas at ``rate`` a second over the session's topics; how many went out."""
        with self.lock:
            subs = list(self.sessions.get(session, []))
        if not subs or rate <= 0:
            return 0
        frames = [paced_frames(topic, stamped=stamp) for _, topic in subs]
        n = len(subs)
        start, start_ms = time.monotonic(), time.time_ns() // 1_000_000
        sent = 0
        while sent < count:
            due = min(count, int((time.monotonic() - start) * rate) + 1)
            if due > sent:
                out: Dict[Any, List[bytes]] = {}
                stamp_args = (time.monotonic_ns(),) if stamp else ()
                for k in range(sent, due):
                    ws = subs[k % n][0]
                    out.setdefault(ws, []).append(frames[k % n](k // n, start_ms + int(k * 1000 / rate), *stamp_args))
                try:
                    for ws, parts in out.items():
                        _blast(ws, b"".join(parts))
                except OSError:  # the reader went away: the feed ends here
                    return sent
                sent = due
            time.sleep(slice_s)
        return sent


def _pong(msg: Dict[str, Any], trade: bool) -> str:
    if trade:
        return json.dumps({"retCode": 0, "retMsg": "OK", "op": "pong", "data": [str(_ms())], "connId": "bench"})
    return json.dumps({"success": True, "ret_msg": "pong", "conn_id": "bench", "req_id": msg.get("req_id", ""), "op": "ping"})


def _auth_ok(msg: Dict[str, Any], trade: bool) -> str:
    if trade:
        return json.dumps({"retCode": 0, "retMsg": "OK", "op": "auth", "connId": "bench"})
    return json.dumps({"success": True, "ret_msg": "", "op": "auth", "conn_id": "bench", "req_id": msg.get("req_id", "")})


def _order_reply(msg: Dict[str, Any]) -> str:
    now = str(_ms())
    return json.dumps({
        "reqId": msg.get("reqId"), "retCode": 0, "retMsg": "OK", "op": msg["op"],
        "data": {"orderId": "1321003749386327552", "orderLinkId": ""}, "retExtInfo": {},
        "header": {"X-Bapi-Limit": "10", "X-Bapi-Limit-Status": "9", "X-Bapi-Limit-Reset-Timestamp": now,
                   "Traceid": "77974b6c7c0ce4b8b5e3d9c3e1a7c3a8", "Timenow": now},
        "connId": "bench",
    })


def _blast(ws: Any, blob: bytes) -> None:
    """Write pre-encoded frames straight to the socket, holding the connection's protocol lock
    so nothing websockets sends (a pong, a close) can land inside a frame."""
    lock = getattr(ws, "protocol_mutex", None) or threading.Lock()
    sock: socket.socket = ws.socket
    view = memoryview(blob)
    with lock:
        for start in range(0, len(blob), CHUNK):
            sock.sendall(view[start:start + CHUNK])


def serve_ws(frames: int) -> None:
    from websockets.sync.server import serve

    exchange = _Exchange(frames)
    server = serve(
        exchange.handle, "127.0.0.1", 0, compression=None, max_size=None,
        ping_interval=None, close_timeout=1,
    )
    _ready(server.socket.getsockname()[1])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _wait_for_parent()


def serve_loopback(exchange: str, symbols: int, push_interval: float) -> None:
    from bitsdk.testing import LoopbackExchange

    names = [f"S{i:04d}USDT" for i in range(symbols)] if symbols else None
    ex = LoopbackExchange(exchange, push_interval=push_interval, symbols=names).start()
    _ready(int(urlsplit(next(iter(ex.ws_urls.values()))).port or 0))
    try:
        for line in sys.stdin:
            if line.strip() == "drop":
                before = time.time()
                count = ex.faults.drop_all()
                sys.stdout.write(f"DROPPED {count} {before:.6f} {time.time():.6f}\n")
                sys.stdout.flush()
    finally:
        os._exit(0)  # the parent is gone or done: no orderly shutdown needed


# -- child plumbing ---------------------------------------------------------------------------


def _ready(port: int) -> None:
    sys.stdout.write(f"READY {port}\n")
    sys.stdout.flush()


def _wait_for_parent() -> None:
    """Serve until the parent closes our stdin (or dies), then exit at once."""
    try:
        sys.stdin.buffer.read()
    finally:
        os._exit(0)


def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.servers", description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("http", "ws", "loopback"))
    parser.add_argument("--frames", type=int, default=0, help="frames written after a feed subscription")
    parser.add_argument("--exchange", choices=("bybit", "bitget"), default="bybit", help="loopback: the exchange")
    parser.add_argument("--symbols", type=int, default=0, help="loopback: list S0000USDT... (default: its own three)")
    parser.add_argument("--push-interval", type=float, default=0.2, help="loopback: seconds between public pushes")
    args = parser.parse_args(argv)
    if args.kind == "http":
        serve_http()
    elif args.kind == "loopback":
        serve_loopback(args.exchange, args.symbols, args.push_interval)
    else:
        serve_ws(args.frames)


if __name__ == "__main__":
    main()
