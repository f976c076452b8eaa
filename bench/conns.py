"""Connections: threads and resident memory for many open stream connections in one process.

Each sample is a fresh child process (``python -m bench.conns <family> <url> <count>``) that
imports its library, records its thread count and RSS, opens ``count`` public linear
connections to the loopback server, subscribes ``tickers.BTCUSDT`` on each, waits for every
acknowledgement (and a short settle so timers and ping threads exist), records again, closes
everything and prints the figures as JSON. Contenders:

- the floor: websocket-client ``WebSocketApp.run_forever()`` on one thread per connection,
  no pings (the least a thread-per-connection design can cost);
- bitsdk: one ``WebsocketClient`` per connection (a client opens more connections of a
  ws_key only when the exchange's per-connection limits need them, so 50 connections to one
  URL are 50 clients). Each client has its own dispatcher thread by default; the clients
  here share one ``Dispatcher``, as an application with many clients would;
- pybit: one ``WebSocket(channel_type="linear")`` per connection (``PUBLIC_WSS`` patched).

Threads are counted by the OS (``psutil``, else ``/proc``), so native threads count too.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from typing import Any, Callable, Dict, List, Tuple

from . import ROOT
from .core import Config, Contender, Row, Skip, Target, case_rows, measure, median, missing_modules, skipped_row
from .servers import ServerProcess

__all__ = ["run"]

SECTION = "Connections"
PATH = "/v5/public/linear"
TOPIC = "tickers.BTCUSDT"
SETTLE = 0.5  # seconds after the last acknowledgement before counting
#: at most one thread per connection plus a fixed few (the floor has exactly one per connection)
TARGETS = (Target("bitsdk", "floor", "<=", 1.1, text="≤1/conn + a few"),)
LIBRARIES = {"floor": "websocket", "bitsdk": "bitsdk.bybit._ws", "pybit": "pybit.unified_trading"}
LABELS = {
    "floor": "websocket-client WebSocketApp, 1 thread each",
    "bitsdk": "bitsdk WebsocketClient, 1 client per conn, shared dispatcher",
    "pybit": "pybit WebSocket (defaults)",
}


# -- the child --------------------------------------------------------------------------------


def _usage() -> Tuple[int, int]:
    """(OS threads, RSS bytes) of this process."""
    try:
        import psutil

        proc = psutil.Process()
        return proc.num_threads(), proc.memory_info().rss
    except ImportError:
        fields = dict(line.split(":", 1) for line in open("/proc/self/status", encoding="ascii"))
        return int(fields["Threads"]), int(fields["VmRSS"].split()[0]) * 1024


def _each(objects: List[Any], method: str) -> None:
    for obj in objects:
        getattr(obj, method)()


def _open_floor(url: str, count: int, acked: Callable[[], None]) -> Callable[[], None]:
    import websocket

    apps = []
    for _ in range(count):
        app = websocket.WebSocketApp(
            url,
            on_open=lambda ws: ws.send(json.dumps({"op": "subscribe", "req_id": "bench", "args": [TOPIC]})),
            on_message=lambda ws, message: acked(),
        )
        threading.Thread(target=app.run_forever, kwargs={"skip_utf8_validation": True}, daemon=True).start()
        apps.append(app)
    return lambda: _each(apps, "close")


def _open_bitsdk(url: str, count: int, acked: Callable[[], None]) -> Callable[[], None]:
    from bitsdk._ws import Dispatcher
    from bitsdk.bybit import WebsocketClient

    shared = Dispatcher()
    clients = []
    for _ in range(count):
        client = WebsocketClient(ws_url={"v5LinearPublic": url}, dispatcher=shared)
        client.on("response", lambda event: acked())
        client.subscribe_v5(TOPIC, "linear")
        clients.append(client)

    def close() -> None:
        _each(clients, "close")
        shared.close()

    return close


def _open_pybit(url: str, count: int, acked: Callable[[], None]) -> Callable[[], None]:
    import pybit.unified_trading as unified

    unified.PUBLIC_WSS = url.replace(PATH, "/v5/public/{CHANNEL_TYPE}")
    sockets = []
    for _ in range(count):
        ws = unified.WebSocket(testnet=False, channel_type="linear")
        ws.ticker_stream(symbol=TOPIC.split(".")[1], callback=lambda message: None)
        sockets.append(ws)
    # pybit consumes the acknowledgements itself; its subscriptions are recorded on send.
    for _ in range(count):
        acked()
    return lambda: _each(sockets, "exit")


OPENERS = {"floor": _open_floor, "bitsdk": _open_bitsdk, "pybit": _open_pybit}


def child(family: str, url: str, count: int) -> Dict[str, Any]:
    """Open ``count`` connections with ``family``'s library; the figures as a dict."""
    import importlib
    import logging

    logging.disable(logging.CRITICAL)
    importlib.import_module(LIBRARIES[family])
    threads0, rss0 = _usage()
    lock, acks, all_acked = threading.Lock(), [0], threading.Event()

    def acked() -> None:
        with lock:
            acks[0] += 1
            if acks[0] >= count:
                all_acked.set()

    start = time.perf_counter()
    close = OPENERS[family](url, count, acked)
    if not all_acked.wait(60):
        raise RuntimeError(f"{acks[0]} of {count} subscriptions acknowledged")
    opened = time.perf_counter() - start
    time.sleep(SETTLE)
    threads1, rss1 = _usage()
    start = time.perf_counter()
    close()
    closed = time.perf_counter() - start
    return {
        "threads_before": threads0, "threads_open": threads1, "rss_before": rss0, "rss_open": rss1,
        "threads_per_conn": (threads1 - threads0) / count, "rss_kib_per_conn": (rss1 - rss0) / 1024 / count,
        "open_s": opened, "close_s": closed, "count": count,
    }


# -- the parent -------------------------------------------------------------------------------


def _sample(family: str, url: str, count: int) -> Dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.conns", family, url, str(count)],
        cwd=str(ROOT), capture_output=True, text=True, timeout=180,
    )
    if done.returncode:
        tail = done.stderr.strip().splitlines()
        raise RuntimeError(tail[-1] if tail else f"exit {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _contender(family: str, url: str, count: int) -> Contender:
    def setup() -> Callable[[], Dict[str, Any]]:
        reason = missing_modules(LIBRARIES[family])
        if reason:
            raise Skip(reason)
        return lambda: _sample(family, url, count)

    return Contender(family, LABELS[family], setup)  # type: ignore[arg-type]


def _note(samples: List[Dict[str, Any]]) -> str:
    def mid(key: str) -> float:
        return median([s[key] for s in samples])

    return (
        f"threads {mid('threads_before'):.0f} -> {mid('threads_open'):.0f}, "
        f"RSS {mid('rss_before') / 2**20:.1f} -> {mid('rss_open') / 2**20:.1f} MiB, "
        f"open {mid('open_s'):.2f} s, close {mid('close_s'):.2f} s"
    )


def run(config: Config) -> List[Row]:
    """Threads and RSS per connection, one child process per sample."""
    reason = missing_modules("websockets")
    if reason:
        return [skipped_row(SECTION, reason)]
    count = config.pick(50, 20)
    server = ServerProcess("ws")
    try:
        server.start()
    except RuntimeError as exc:
        return [skipped_row(SECTION, str(exc))]
    with server:
        url = server.ws_url(PATH)
        contenders = config.select([_contender(family, url, count) for family in ("floor", "bitsdk", "pybit")])
        results = measure(contenders, rounds=config.pick(3, 1), warmup=0)
    rows: List[Row] = []
    for metric, unit, targets in (("threads_per_conn", "threads/conn ↓", TARGETS), ("rss_kib_per_conn", "KiB RSS/conn ↓", ())):
        per_metric = {label: ([s[metric] for s in samples], error) for label, (samples, error) in results.items()}
        rows += case_rows(
            SECTION, f"{count} open stream connections", contenders, per_metric, unit, targets,
            note=lambda contender, _s, m=metric: _note(results[contender.label][0]) if m == "threads_per_conn" else "",
        )
    return rows


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1], sys.argv[2], int(sys.argv[3]))))
