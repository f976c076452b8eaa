"""Streams: updates dispatched per second to a callback, from a loopback WebSocket feed.

Two feeds (:mod:`bench.feeds`): ``tickers.BTCUSDT`` and ``orderbook.50.BTCUSDT``, each one
snapshot then deltas, written by the server as pre-encoded frames right after the subscribe
acknowledgement. Every contender counts updates with the same :class:`Counter`; a sample is
``(N - 1) / (time of the Nth update - time of the first)``.

Contenders:

- the floor: websocket-client ``create_connection(url, skip_utf8_validation=True)``, the
  socket timeout then removed (``settimeout(None)``: a timeout makes every receive poll the
  socket first), and a blocking ``recv()`` + ``json.loads`` loop on the calling thread;
- bitsdk's ``WebsocketClient`` (public linear connection, ``update`` callback);
- pybit's ``WebSocket(channel_type="linear")`` run like for like: its ``run_forever`` given
  ``skip_utf8_validation=True`` (the reference for "x pybit");
- pybit with its defaults (UTF-8 validation on), beside it.

pybit's ``PUBLIC_WSS`` is patched to the loopback server (peers.md §4.1). Each sample opens a
fresh connection. Before measuring, a probe reads the raw feed bytes off the socket, to show
how far above every client the server can deliver.

A last row feeds bitsdk's client (default options) into a deliberately slow callback (1 ms an
update, far slower than the feed): its backlog stays bounded, the excess is dropped, counted
and reported, and the connection lives; the row shows the process's RSS growth meanwhile.
"""

from __future__ import annotations

import importlib
import json
import socket
import threading
import time
import types
from typing import Any, Callable, List, Tuple

from .core import Config, Contender, Row, Skip, Target, case_rows, measure, missing_modules, skipped_row
from .servers import ServerProcess

__all__ = ["Counter", "run"]

SECTION = "Streams"
UNIT = "msg/s ↑"
TARGETS = (Target("bitsdk", "floor", ">=", 1.5), Target("bitsdk", "pybit", ">=", 3.0))
PATH = "/v5/public/linear"
#: The floor's label in the table (named exactly: it is what the stream ratios divide by).
FLOOR_LABEL = "websocket-client create_connection(skip_utf8_validation=True), no timeout, recv()+json.loads"
#: case name -> (topic, pybit subscription)
FEEDS = {
    "Bybit tickers (snapshot+deltas)": "tickers.BTCUSDT",
    "Bybit orderbook.50 (snapshot+deltas)": "orderbook.50.BTCUSDT",
}


class Counter:
    """Counts updates to ``n`` and timestamps the first and the last; callable with anything."""

    __slots__ = ("n", "count", "first", "last", "done")

    def __init__(self, n: int):
        self.n = n
        self.count = 0
        self.first = 0.0
        self.last = 0.0
        self.done = threading.Event()

    def __call__(self, _message: Any = None) -> None:
        self.count += 1
        if self.count == 1:
            self.first = time.perf_counter()
        elif self.count == self.n:
            self.last = time.perf_counter()
            self.done.set()

    def rate(self, timeout: float) -> float:
        """Wait for the Nth update; messages per second from the first to the Nth."""
        if not self.done.wait(timeout):
            raise RuntimeError(f"{self.count} of {self.n} updates within {timeout:.0f}s")
        return (self.n - 1) / (self.last - self.first)


def _subscribe_frame(topic: str) -> str:
    return json.dumps({"op": "subscribe", "req_id": "bench", "args": [topic]})


def _floor(url: str, topic: str, n: int, timeout: float) -> float:
    from websocket import create_connection

    ws = create_connection(url, skip_utf8_validation=True, timeout=timeout)
    try:
        ws.send(_subscribe_frame(topic))
        ws.recv()  # the acknowledgement
        ws.settimeout(None)  # blocking reads from here: no poll() before each recv()
        # A feed that stops short must not hang the run: the watchdog ends the reads instead
        # (off the measured path, unlike a socket timeout).
        watchdog = threading.Timer(timeout, _shut, (ws.sock,))
        watchdog.start()
        try:
            counter = Counter(n)
            recv, loads = ws.recv, json.loads
            while counter.count < n:
                counter(loads(recv()))
        finally:
            watchdog.cancel()
            watchdog.join()
        return counter.rate(0)
    finally:
        ws.close()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _bitsdk(url: str, topic: str, n: int, timeout: float) -> float:
    from bitsdk.bybit import WebsocketClient

    counter = Counter(n)
    # Room for the whole feed: every update must arrive to be counted (the default backlog
    # of 10,000 would drop the oldest updates if the callback fell behind the socket).
    ws = WebsocketClient(ws_url={"v5LinearPublic": url}, max_backlog=max(n, 10_000))
    try:
        ws.on("update", counter)
        ws.subscribe_v5(topic, "linear")
        return counter.rate(timeout)
    finally:
        ws.close()


def _pybit_utf8_off(url: str, topic: str, n: int, timeout: float) -> float:
    """pybit like for like: the same stream with websocket-client's UTF-8 check off."""
    import pybit._websocket_stream as stream
    import websocket

    class App(websocket.WebSocketApp):
        def run_forever(self, *args: Any, **kwargs: Any) -> Any:
            kwargs.setdefault("skip_utf8_validation", True)
            return super().run_forever(*args, **kwargs)

    original = stream.websocket
    # pybit builds its WebSocketApp as websocket.WebSocketApp(...) in its constructor.
    stream.websocket = types.SimpleNamespace(**{**vars(websocket), "WebSocketApp": App})
    try:
        return _pybit(url, topic, n, timeout, restore=lambda: setattr(stream, "websocket", original))
    finally:
        stream.websocket = original


def _pybit(url: str, topic: str, n: int, timeout: float, restore: Callable[[], None] = lambda: None) -> float:
    import pybit.unified_trading as unified

    unified.PUBLIC_WSS = url.replace(PATH, "/v5/public/{CHANNEL_TYPE}")
    counter = Counter(n)
    ws = unified.WebSocket(testnet=False, channel_type="linear")
    restore()  # the connection is built: anything pybit builds later gets the real module
    try:
        symbol = topic.rsplit(".", 1)[1]
        if topic.startswith("orderbook."):
            ws.orderbook_stream(depth=int(topic.split(".")[1]), symbol=symbol, callback=counter)
        else:
            ws.ticker_stream(symbol=symbol, callback=counter)
        return counter.rate(timeout)
    finally:
        ws.exit()


def feed_capacity(url: str, topic: str, n: int) -> float:
    """Messages per second the server delivers: the raw feed bytes read off the socket, no parsing."""
    from websocket import create_connection

    ws = create_connection(url, skip_utf8_validation=True, timeout=30)
    try:
        ws.send(_subscribe_frame(topic))
        expected = json.loads(ws.recv())["feed_bytes"]
        sock, got, first, start = ws.sock, 0, 0, 0.0
        while got < expected:
            chunk = sock.recv(1 << 20)
            if not chunk:
                raise RuntimeError("feed ended early")
            if not got:  # the clock starts at the first bytes, like the clients' clocks
                start, first = time.perf_counter(), len(chunk)
            got += len(chunk)
        elapsed = time.perf_counter() - start
        return n * (expected - first) / expected / elapsed if elapsed > 0 else float("inf")
    finally:
        ws.close()


def _contender(family: str, label: str, fn: Callable[..., float], module: str,
               url: str, topic: str, n: int, reference: bool = True) -> Contender:
    timeout = 30 + n / 1000

    def setup() -> Callable[[], float]:
        reason = missing_modules(module)
        if reason:
            raise Skip(reason)
        importlib.import_module(module)  # the import is not part of any sample
        return lambda: fn(url, topic, n, timeout)

    return Contender(family, label, setup, reference)


SLOW_CALLBACK = 0.001  # seconds per update


def slow_consumer_row(url: str, topic: str, n: int, timeout: float) -> Row:
    """Feed ``n`` updates into a 1 ms callback; report RSS growth and the backlog counters."""
    from bitsdk.bybit import WebsocketClient

    from .conns import _usage

    case = f"slow consumer (1 ms callback), n={n}"
    label = "bitsdk WebsocketClient (default backlog)"
    rss0 = _usage()[1]
    ws = WebsocketClient(ws_url={"v5LinearPublic": url})
    peak = 0
    try:
        ws.on("update", lambda event: time.sleep(SLOW_CALLBACK))
        ws.subscribe_v5(topic, "linear")
        deadline = time.monotonic() + timeout
        stats = ws.stats()
        while stats["messages"] < n and time.monotonic() < deadline:  # until the whole feed is read
            time.sleep(0.02)
            stats = ws.stats()
            peak = max(peak, stats["backlog"])
        rss1 = _usage()[1]
        stats = ws.stats()
        live = all(c["live"] for c in stats["connections"].values())
    finally:
        ws.close(drain=False)
    note = (
        f"backlog peak {peak:,} of {stats['max_backlog']:,}, {stats['overflows']:,} updates dropped and reported, "
        f"worst lag {stats['worst_lag']:.1f} s, connection {'kept' if live else 'LOST'}"
    )
    return Row(SECTION, case, label, "bitsdk", median=(rss1 - rss0) / 2**20, unit="MiB RSS growth ↓", note=note)


def _cases(url: str, n: int) -> List[Tuple[str, str, List[Contender]]]:
    return [
        (case, topic, [
            _contender("floor", FLOOR_LABEL, _floor, "websocket", url, topic, n),
            _contender("bitsdk", "bitsdk WebsocketClient", _bitsdk, "bitsdk.bybit._ws", url, topic, n),
            _contender("pybit", "pybit WebSocket (skip_utf8_validation=True)", _pybit_utf8_off,
                       "pybit.unified_trading", url, topic, n),
            _contender("pybit", "pybit WebSocket (defaults)", _pybit, "pybit.unified_trading", url, topic, n,
                       reference=False),
        ])
        for case, topic in FEEDS.items()
    ]


def run(config: Config) -> List[Row]:
    """Measure both feeds; one row per contender, the feed capacity in the floor's note."""
    reason = missing_modules("websockets", "websocket")
    if reason:
        return [skipped_row(SECTION, reason)]
    n = config.pick(20_000, 2_000)
    rounds = config.pick(5, 2)
    server = ServerProcess("ws", "--frames", str(n))
    try:
        server.start()
    except RuntimeError as exc:
        return [skipped_row(SECTION, str(exc))]
    rows: List[Row] = []
    with server:
        url = server.ws_url(PATH)
        for case, topic, contenders in _cases(url, n):
            capacity = max(feed_capacity(url, topic, n) for _ in range(3))  # capacity: the best of 3
            chosen = config.select(contenders)
            results = measure(chosen, rounds=rounds, warmup=1)
            rows += case_rows(
                SECTION, f"{case}, n={n}", chosen, results, UNIT, TARGETS,
                note=lambda c, s, cap=capacity: f"server delivers {cap:,.0f} msg/s raw" if c.family == "floor" else "",
            )
        if "bitsdk" in config.families:
            try:
                rows.append(slow_consumer_row(url, FEEDS["Bybit tickers (snapshot+deltas)"], n, 30 + n / 1000))
            except Exception as exc:  # reported in the table, never hidden
                rows.append(skipped_row(SECTION, f"slow consumer failed: {type(exc).__name__}: {exc}"))
    return rows
