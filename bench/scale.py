"""Scale: per-message cost from 1 to 1,500 topics, a steady 20,000 msg/s, connections and
threads, resume after drops, memory behind a slow callback.

Five cases, each beside the floor of :mod:`bench.streams` (websocket-client
``create_connection(skip_utf8_validation=True)``, no socket timeout, blocking ``recv()`` +
``json.loads``):

- **per-message cost**: the bench WebSocket server (a separate process) sends a fixed rate of
  Bybit ticker deltas spread round robin over N topics (``tickers.S0000USDT``...), N = 1, 15,
  150, 1,500 (:meth:`bench.servers._Exchange.paced`). bitsdk's ``WebsocketClient`` subscribes
  the N topics (sharded as the engine decides: 21,000 characters of args a connection); the
  floor reads one connection subscribed to all of them. A sample is the process CPU time
  (``time.process_time``: every thread of this process, the server is elsewhere) from the
  10th percent of the messages to the last, over the messages in between, in µs. A last row
  divides bitsdk's cost at 1,500 topics by its cost at 1 topic (flat: at most 1.25x).
- **steady 20,000 msg/s** on one topic, the server writing every 0.2 ms (a few messages at a
  time) and stamping each message with ``tx``, its ``time.monotonic_ns()`` at the write. Per
  contender: the process CPU per message (as above; target: bitsdk ≤ 0.8x the floor) and the
  p50 of the latency from ``tx`` to the callback (same machine, same monotonic clock; target:
  at most the floor's p50 + 20 µs). bitsdk runs with its default delivery (callbacks on the
  dispatcher thread) and with ``delivery="inline"`` (callbacks on the connection thread).
- **connections and threads** at 1,500 topics, on the loopback exchange
  (:class:`bitsdk.testing.LoopbackExchange`, in a separate process, 500 symbols listed): Bybit
  linear (ticker, orderbook.1 and publicTrade of each symbol, 21,000 characters a connection)
  and Bitget V2 (ticker, books1 and trade, 50 channels a connection). OS threads this process
  gained, against the target threads ≤ connections + clients + 1.
- **resume after drops**: each contender on its own loopback exchange, the exchange drops
  every connection (``faults.drop_all()``, a TCP reset) every few seconds, staggered so no
  two contenders reconnect at once; a sample is the time from the drop to the first update
  rendered after it (its ``ts`` is later than the drop). Target: at most 1 s after every drop.
  The floor reconnects and resubscribes by hand at once; pybit runs like for like (UTF-8
  check off) when installed.
- **slow callback**: 20,000 msg/s (1 topic) for 10 s into a 1 ms callback. bitsdk (default
  backlog of 10,000) reports its RSS growth (target ≤ 64 MiB) and the updates it dropped;
  the floor, the same loop with the same handler, cannot grow (the kernel's socket buffers
  fill and the sender blocks): its lag at the end is reported instead.
"""

from __future__ import annotations

import json
import threading
import time
import types
import uuid
from typing import Any, Callable, Dict, List, Optional, Tuple

from .core import (Config, Contender, Row, Skip, Target, case_rows, measure, median, missing_modules, percentile, quiet,
                   skipped_row)
from .servers import ServerProcess
from .streams import FLOOR_LABEL, _shut, _subscribe_frame

__all__ = ["run"]

SECTION = "Scale"
PATH = "/v5/public/linear"
TOPIC_COUNTS = (1, 15, 150, 1500)
RATE = 5_000  # msg/s of the per-message cost feed (every contender keeps up with it)
FLATNESS = 1.25  # "flat": bitsdk's cost at 1,500 topics at most this many times its cost at 1
RESUME_TARGET = 1.0  # seconds from a drop to the next update
RSS_TARGET = 64.0  # MiB of growth behind the slow callback
SLOW_RATE = 20_000
SLOW_CALLBACK = 0.001
STEADY_RATE = 20_000  # msg/s of the steady case (CPU per message and callback latency)
STEADY_SLICE = 0.0002  # the server writes every 0.2 ms (a few messages at a time), not in 5 ms bursts
STEADY_TARGETS = (Target("bitsdk", "floor", "<=", 0.8),)
STEADY_LATENCY_SLACK = 20.0  # µs over the floor's p50
STEADY_FEED: Dict[str, Any] = {"stamp": True, "slice_s": STEADY_SLICE}  # Control.start's options
STEADY_TOPICS = ["tickers.S0000USDT"]
BITSDK_LABEL = "bitsdk WebsocketClient"


def _symbols(n: int) -> List[str]:
    return [f"S{i:04d}USDT" for i in range(n)]


def _usage() -> Tuple[int, int]:
    """(OS threads, RSS bytes) of this process."""
    from .conns import _usage as usage

    return usage()


def _settled_threads() -> int:
    """OS threads of this process once threads just joined have left the OS too (at most ~2 s)."""
    count = _usage()[0]
    for _ in range(20):
        time.sleep(0.1)
        now = _usage()[0]
        if now == count:
            break
        count = now
    return count


# -- per-message cost ----------------------------------------------------------------------


class CpuCounter:
    """Counts messages to ``n``; process CPU time from message ``skip`` to message ``n``."""

    __slots__ = ("n", "skip", "count", "cpu0", "cpu1", "done")

    def __init__(self, n: int, skip: int):
        self.n, self.skip = n, skip
        self.count = 0
        self.cpu0 = self.cpu1 = 0.0
        self.done = threading.Event()

    def __call__(self, _message: Any = None) -> None:
        self.count += 1
        if self.count == self.skip:
            self.cpu0 = time.process_time()
        elif self.count == self.n:
            self.cpu1 = time.process_time()
            self.done.set()

    def us_per_message(self, timeout: float) -> float:
        if not self.done.wait(timeout):
            raise RuntimeError(f"{self.count} of {self.n} messages within {timeout:.0f}s")
        return (self.cpu1 - self.cpu0) / (self.n - self.skip) * 1e6


class Control:
    """The harness's connection to the bench server that starts paced feeds."""

    def __init__(self, url: str):
        from websocket import create_connection

        self.ws = create_connection(url, skip_utf8_validation=True, timeout=120)

    def start(self, session: str, rate: float, count: int, stamp: bool = False, slice_s: Optional[float] = None) -> None:
        request: Dict[str, Any] = {"op": "bench.feed", "session": session, "rate": rate, "count": count}
        if stamp:
            request["stamp"] = True
        if slice_s is not None:
            request["slice"] = slice_s
        self.ws.send(json.dumps(request))

    def finished(self, session: str) -> int:
        """Wait for the end of ``session``'s feed; the messages it sent.

        The answers of earlier feeds whose sample failed before reading them are skipped.
        """
        while True:
            answer = json.loads(self.ws.recv())
            if answer.get("session") == session:
                return int(answer["sent"])

    def close(self) -> None:
        self.ws.close()


def _session_url(url: str) -> Tuple[str, str]:
    session = uuid.uuid4().hex[:12]
    return session, f"{url}?session={session}"


def _floor_feed(url: str, control: Control, topics: List[str], counter: CpuCounter, timeout: float,
                rate: float = RATE, **feed: Any) -> None:
    """The floor reads a paced feed of ``rate`` msg/s over ``topics`` into ``counter``
    (``feed``: :meth:`Control.start`'s options)."""
    from websocket import create_connection

    session, session_url = _session_url(url)
    ws = create_connection(session_url, skip_utf8_validation=True, timeout=timeout)
    try:
        ws.send(json.dumps({"op": "subscribe", "req_id": "bench", "args": topics}))
        ws.recv()  # the acknowledgement
        ws.settimeout(None)
        watchdog = threading.Timer(timeout, _shut, (ws.sock,))
        watchdog.start()
        try:
            control.start(session, rate, counter.n, **feed)
            recv, loads = ws.recv, json.loads
            while counter.count < counter.n:
                counter(loads(recv()))
        finally:
            watchdog.cancel()
            watchdog.join()
        control.finished(session)
    finally:
        ws.close()


def _bitsdk_feed(url: str, control: Control, topics: List[str], counter: CpuCounter, timeout: float,
                 rate: float = RATE, connections: Optional[List[int]] = None, client: Optional[Dict[str, Any]] = None,
                 **feed: Any) -> None:
    """bitsdk's ``WebsocketClient`` (``client``: its options) reads the same feed into ``counter``."""
    from bitsdk.bybit import WebsocketClient

    session, session_url = _session_url(url)
    ws = WebsocketClient(ws_url={"v5LinearPublic": session_url}, **(client or {}))
    try:
        ws.on("update", counter)
        ws.subscribe_v5(topics, "linear").result(timeout)
        if connections is not None:
            connections.append(len(ws.stats()["connections"]))
        control.start(session, rate, counter.n, **feed)
        counter.us_per_message(timeout)  # waits for the last message
        control.finished(session)
    finally:
        ws.close()


def _floor_cost(url: str, control: Control, topics: List[str], count: int, timeout: float) -> float:
    counter = CpuCounter(count, count // 10)
    _floor_feed(url, control, topics, counter, timeout)
    return counter.us_per_message(0)


def _bitsdk_cost(url: str, control: Control, topics: List[str], count: int, timeout: float,
                 connections: List[int]) -> float:
    counter = CpuCounter(count, count // 10)
    _bitsdk_feed(url, control, topics, counter, timeout, connections=connections,
                 client={"max_backlog": max(count, 10_000)})
    return counter.us_per_message(0)


def cost_rows(config: Config, url: str, control: Control) -> List[Row]:
    count = config.pick(5_000, 600)
    timeout = 30 + count / RATE * 4
    rows: List[Row] = []
    by_topics: Dict[int, Dict[str, float]] = {}
    for n in TOPIC_COUNTS:
        topics = [f"tickers.{s}" for s in _symbols(n)]
        connections: List[int] = []

        def floor_setup(topics: List[str] = topics) -> Callable[[], float]:
            return lambda: _floor_cost(url, control, topics, count, timeout)

        def bitsdk_setup(topics: List[str] = topics, connections: List[int] = connections) -> Callable[[], float]:
            if missing_modules("bitsdk.bybit._ws"):
                raise Skip("bitsdk.bybit._ws not available")
            return lambda: _bitsdk_cost(url, control, topics, count, timeout, connections)

        contenders = config.select([
            Contender("floor", FLOOR_LABEL + ", 1 connection", floor_setup),
            Contender("bitsdk", BITSDK_LABEL, bitsdk_setup),
        ])
        # No warm-up run: a sample's clock starts at its 10th percent of messages (imports,
        # connects and the first messages fall before it).
        results = measure(contenders, rounds=config.pick(3, 1), warmup=0)
        case = f"per-message CPU, {n:,} topic{'s' if n > 1 else ''}, {RATE:,} msg/s"
        def note(contender: Contender, _samples: List[float], conns: List[int] = connections) -> str:
            return f"{max(conns)} connection(s)" if contender.family == "bitsdk" and conns else ""

        rows += case_rows(SECTION, case, contenders, results, "µs CPU/msg ↓", note=note)
        by_topics[n] = {c.family: median(results[c.label][0]) for c in contenders if results[c.label][0]}
    first, last = by_topics[TOPIC_COUNTS[0]], by_topics[TOPIC_COUNTS[-1]]
    if "bitsdk" in first and "bitsdk" in last:
        growth = last["bitsdk"] / first["bitsdk"]
        floor = f"floor {last['floor'] / first['floor']:.2f}x" if "floor" in first and "floor" in last else ""
        rows.append(Row(
            SECTION, f"per-message CPU, {TOPIC_COUNTS[-1]:,} topics / {TOPIC_COUNTS[0]} topic", BITSDK_LABEL,
            "bitsdk", median=growth, unit="x ↓", target=f"≤{FLATNESS:g}x (flat)",
            verdict="ok" if growth <= FLATNESS else "MISS", note=floor,
        ))
    return rows


# -- steady 20,000 msg/s: CPU per message and callback latency -----------------------------


class SteadyCounter(CpuCounter):
    """A :class:`CpuCounter` that also records each message's latency, from the server's
    ``tx`` stamp (``time.monotonic_ns()`` as it wrote the frame) to the callback, in µs."""

    __slots__ = ("latencies",)

    def __init__(self, n: int, skip: int):
        super().__init__(n, skip)
        self.latencies: List[float] = []

    def __call__(self, message: Any = None) -> None:
        now = time.monotonic_ns()
        data = message if message.__class__ is dict else message.data
        if self.count >= self.skip:
            self.latencies.append((now - data["tx"]) / 1000.0)
        super().__call__()


#: label -> the p50 latency (µs) of each recorded run, filled by the steady samples.
STEADY_P50: Dict[str, List[float]] = {}


def _steady_floor(url: str, control: Control, count: int, timeout: float, label: str) -> float:
    counter = SteadyCounter(count, count // 10)
    _floor_feed(url, control, STEADY_TOPICS, counter, timeout, STEADY_RATE, **STEADY_FEED)
    STEADY_P50.setdefault(label, []).append(percentile(counter.latencies, 50))
    return counter.us_per_message(0)


def _steady_bitsdk(url: str, control: Control, count: int, timeout: float, label: str, delivery: str) -> float:
    counter = SteadyCounter(count, count // 10)
    _bitsdk_feed(url, control, STEADY_TOPICS, counter, timeout, STEADY_RATE, client={"delivery": delivery},
                 **STEADY_FEED)
    STEADY_P50.setdefault(label, []).append(percentile(counter.latencies, 50))
    return counter.us_per_message(0)


def steady_rows(config: Config, url: str, control: Control) -> List[Row]:
    """CPU per message and p50 callback latency at a steady 20,000 msg/s, one topic."""
    count = config.pick(STEADY_RATE * 5, STEADY_RATE // 2)
    timeout = 30 + count / STEADY_RATE * 4
    STEADY_P50.clear()

    def floor_setup() -> Callable[[], float]:
        return lambda: _steady_floor(url, control, count, timeout, FLOOR_LABEL)

    def bitsdk_setup(delivery: str, label: str) -> Callable[[], Callable[[], float]]:
        def setup() -> Callable[[], float]:
            if missing_modules("bitsdk.bybit._ws"):
                raise Skip("bitsdk.bybit._ws not available")
            return lambda: _steady_bitsdk(url, control, count, timeout, label, delivery)
        return setup

    inline = BITSDK_LABEL + ' (delivery="inline")'
    contenders = config.select([
        Contender("floor", FLOOR_LABEL, floor_setup),
        Contender("bitsdk", BITSDK_LABEL, bitsdk_setup("dispatcher", BITSDK_LABEL)),
        Contender("bitsdk", inline, bitsdk_setup("inline", inline), reference=False),
    ])
    results = measure(contenders, rounds=config.pick(5, 1), warmup=0)
    case = f"steady {STEADY_RATE:,} msg/s, 1 topic, n={count:,}"
    rows = case_rows(SECTION, case + ": CPU per message", contenders, results, "µs CPU/msg ↓", STEADY_TARGETS)
    # The latency target is additive (the floor's p50 + 20 µs), so its rows are made here.
    floor_p50 = median(STEADY_P50[FLOOR_LABEL]) if STEADY_P50.get(FLOOR_LABEL) else None
    for contender in contenders:
        runs = STEADY_P50.get(contender.label)
        if not runs or results[contender.label][1]:
            continue
        p50 = median(runs)
        row = Row(SECTION, case + ": callback latency p50", contender.label, contender.family, median=p50,
                  unit="µs ↓", note=f"p50 per run: {', '.join(f'{v:,.0f}' for v in runs)}")
        if floor_p50:
            row.ratios["floor"] = p50 / floor_p50
            if contender.family == "bitsdk":
                row.target = f"≤ floor + {STEADY_LATENCY_SLACK:g} µs"
                row.verdict = "ok" if p50 <= floor_p50 + STEADY_LATENCY_SLACK else "MISS"
                row.note += f"; floor + {p50 - floor_p50:,.0f} µs"
        rows.append(row)
    return rows


# -- connections and threads at 1,500 topics ---------------------------------------------------


def _bybit_client(url: str) -> Tuple[Any, Callable[[], Any]]:
    from bitsdk.bybit import WebsocketClient

    client = WebsocketClient(ws_url={"v5LinearPublic": url})
    topics = [f"{kind}.{s}" for s in _symbols(500) for kind in ("tickers", "orderbook.1", "publicTrade")]
    return client, lambda: client.subscribe_v5(topics, "linear")


def _bitget_client(url: str) -> Tuple[Any, Callable[[], Any]]:
    from bitsdk.bitget import WebsocketClientV2

    client = WebsocketClientV2(ws_url={"v2Public": url})
    items = [{"topic": channel, "payload": {"instType": "USDT-FUTURES", "instId": s}}
             for s in _symbols(500) for channel in ("ticker", "books1", "trade")]
    return client, lambda: client.subscribe(items, "v2Public")


CONNS_CASES = {
    "Bybit linear, 1,500 topics": ("bybit", "/v5/public/linear", _bybit_client),
    "Bitget V2 public, 1,500 channels": ("bitget", "/v2/ws/public", _bitget_client),
}


def conns_rows(config: Config) -> List[Row]:
    rows = []
    for case, (exchange, path, make) in CONNS_CASES.items():
        label = f"bitsdk {'WebsocketClient' if exchange == 'bybit' else 'WebsocketClientV2'}, 1 client"
        server = ServerProcess("loopback", "--exchange", exchange, "--symbols", "500", "--push-interval", "5")
        try:
            server.start()
        except RuntimeError as exc:
            rows.append(skipped_row(SECTION, str(exc), case))
            continue
        with server:
            threads0 = _settled_threads()
            started = time.perf_counter()
            client, subscribe = make(server.ws_url(path))
            try:
                subscribe().result(60)
                acked = time.perf_counter() - started
                time.sleep(0.3)  # heartbeat timers and dispatcher exist by now
                threads = _usage()[0] - threads0
                stats = client.stats()
            finally:
                client.close()
        conns = len(stats["connections"])
        bound = conns + 1 + 1
        rows.append(Row(
            SECTION, case, label, "bitsdk", median=float(threads), unit="threads ↓",
            target="≤ conns + clients + 1", verdict="ok" if threads <= bound else "MISS",
            note=f"{conns} connections (bound {bound} threads), all acknowledged in {acked:.1f} s",
        ))
    return rows


# -- resume after drops ----------------------------------------------------------------------


class Arrivals:
    """(wall time received, message ts in ms) of every update, appended from any thread."""

    def __init__(self) -> None:
        self.items: List[Tuple[float, int]] = []

    def __call__(self, message: Any) -> None:
        ts = message.get("ts") if isinstance(message, dict) else None
        if ts is not None:
            self.items.append((time.time(), int(ts)))

    def resume(self, dropped: float, done: float) -> Optional[float]:
        """Seconds from ``dropped`` to the first update rendered after ``done`` (the drop's end)."""
        after_ms = int(done * 1000)
        for received, ts in list(self.items):
            if ts > after_ms:
                return received - dropped
        return None


TICKER = "tickers.BTCUSDT"


def _open_floor(url: str, record: Arrivals) -> Callable[[], None]:
    """Reconnect and resubscribe by hand, at once after a drop (after 0.5 s if the connect fails)."""
    from websocket import create_connection

    stop = threading.Event()
    current: List[Any] = [None]

    def loop() -> None:
        while not stop.is_set():
            try:
                ws = create_connection(url, skip_utf8_validation=True, timeout=10)
            except Exception:  # noqa: BLE001 - refused or timed out: try again shortly
                stop.wait(0.5)
                continue
            current[0] = ws
            try:
                ws.send(_subscribe_frame(TICKER))
                ws.settimeout(None)
                recv, loads = ws.recv, json.loads
                while not stop.is_set():
                    record(loads(recv()))
            except Exception:  # noqa: BLE001 - dropped: reconnect at once
                pass
            finally:
                ws.close()

    thread = threading.Thread(target=loop, name="bench-floor-resume", daemon=True)
    thread.start()

    def close() -> None:
        stop.set()
        if current[0] is not None and current[0].sock is not None:
            _shut(current[0].sock)
        thread.join(5)

    return close


def _open_bitsdk(url: str, record: Arrivals) -> Callable[[], None]:
    from bitsdk.bybit import WebsocketClient

    ws = WebsocketClient(ws_url={"v5LinearPublic": url})
    ws.on("update", lambda event: record(event.data))
    ws.subscribe_v5(TICKER, "linear").result(10)
    return ws.close


def _open_pybit(url: str, record: Arrivals) -> Callable[[], None]:
    """pybit like for like: its websocket-client UTF-8 check off (see bench.streams)."""
    import pybit._websocket_stream as stream
    import pybit.unified_trading as unified
    import websocket

    class App(websocket.WebSocketApp):
        def run_forever(self, *args: Any, **kwargs: Any) -> Any:
            kwargs.setdefault("skip_utf8_validation", True)
            return super().run_forever(*args, **kwargs)

    unified.PUBLIC_WSS = url.replace(PATH, "/v5/public/{CHANNEL_TYPE}")
    original = stream.websocket
    stream.websocket = types.SimpleNamespace(**{**vars(websocket), "WebSocketApp": App})
    try:
        ws = unified.WebSocket(testnet=False, channel_type="linear")
        ws.ticker_stream(symbol="BTCUSDT", callback=record)
    finally:
        stream.websocket = original
    return ws.exit


RESUMERS = {
    "floor": ("websocket-client create_connection + recv() loop, reconnect and resubscribe by hand", _open_floor,
              "websocket"),
    "bitsdk": (BITSDK_LABEL, _open_bitsdk, "bitsdk.bybit._ws"),
    "pybit": ("pybit WebSocket (skip_utf8_validation=True)", _open_pybit, "pybit.unified_trading"),
}


def resume_rows(config: Config) -> List[Row]:
    drops = config.pick(5, 2)
    interval = 3.5 if config.quick else 4.0  # more than bitsdk's HEALTHY_AFTER (3 s): a healthy connection
    case = f"resume after a drop, {drops} drops {interval:g} s apart"
    families = [f for f in RESUMERS if f in config.families]
    # Labels and families only: the contenders run side by side here, not through measure().
    contenders = [Contender(f, RESUMERS[f][0], lambda: lambda: 0.0) for f in families]
    results: Dict[str, Tuple[List[float], str]] = {c.label: ([], "") for c in contenders}
    active: List[Tuple[Contender, ServerProcess, Arrivals, Callable[[], None]]] = []
    try:
        for contender in contenders:
            label, opener, module = RESUMERS[contender.family]
            reason = missing_modules(module)
            if reason:
                results[label] = ([], f"skipped: {reason}")
                continue
            server = ServerProcess("loopback", "--exchange", "bybit", "--push-interval", "0.1")
            try:
                server.start()
                record = Arrivals()
                close = opener(server.ws_url(PATH), record)
            except Exception as exc:  # reported in the table, never hidden
                server.stop()
                results[label] = ([], f"failed: {type(exc).__name__}: {exc}"[:200])
                continue
            active.append((contender, server, record, close))
        drop_times: Dict[str, List[Tuple[float, float]]] = {c.label: [] for c, *_ in active}
        start = time.monotonic() + interval  # every connection healthy before its first drop
        for i in range(drops):
            for j, (contender, server, _, _) in enumerate(active):
                at = start + i * interval + j * interval / max(1, len(active))
                time.sleep(max(0.0, at - time.monotonic()))
                _, count, before, after = server.command("drop").split()
                if int(count):
                    drop_times[contender.label].append((float(before), float(after)))
        time.sleep(min(interval, 1.5))  # the last drops' resumes
        for contender, _, record, _ in active:
            samples = [record.resume(before, after) for before, after in drop_times[contender.label]]
            got = [s * 1000 for s in samples if s is not None]
            missing = len(samples) - len(got)
            results[contender.label] = (got, f"failed: no update after {missing} drop(s)" if missing else "")
    finally:
        for _, server, _, close in active:
            try:
                close()
            finally:
                server.stop()
    rows = case_rows(SECTION, case, contenders, results, "ms to next update ↓",
                     note=lambda c, s: f"max {max(s):.0f} ms over {len(s)} drops")
    for row in rows:
        if row.family == "bitsdk" and row.samples:
            row.target = f"max ≤{RESUME_TARGET * 1000:.0f} ms"
            row.verdict = "ok" if max(row.samples) <= RESUME_TARGET * 1000 else "MISS"
    return rows


# -- memory behind a slow callback -----------------------------------------------------------


def _slow_bitsdk(url: str, control: Control, count: int, seconds: float) -> Dict[str, float]:
    from bitsdk.bybit import WebsocketClient

    session, session_url = _session_url(url)
    rss0 = _usage()[1]
    ws = WebsocketClient(ws_url={"v5LinearPublic": session_url})
    try:
        ws.on("update", lambda event: time.sleep(SLOW_CALLBACK))
        ws.subscribe_v5(f"tickers.{_symbols(1)[0]}", "linear").result(10)
        control.start(session, SLOW_RATE, count)
        peak = rss0
        deadline = time.monotonic() + seconds + 30
        while time.monotonic() < deadline:  # until the whole feed is read
            time.sleep(0.05)
            peak = max(peak, _usage()[1])
            stats = ws.stats()
            if stats["messages"] >= count:
                break
        sent = control.finished(session)
        stats = ws.stats()
        return {"rss": (peak - rss0) / 2**20, "sent": sent, "dropped": stats["overflows"],
                "lag": stats["worst_lag"], "live": float(all(c["live"] for c in stats["connections"].values()))}
    finally:
        ws.close(drain=False)


def _slow_floor(url: str, control: Control, count: int, seconds: float) -> Dict[str, float]:
    from websocket import create_connection

    session, session_url = _session_url(url)
    rss0 = _usage()[1]
    ws = create_connection(session_url, skip_utf8_validation=True, timeout=10)
    try:
        ws.send(_subscribe_frame(f"tickers.{_symbols(1)[0]}"))
        ws.recv()
        ws.settimeout(None)
        # A feed that stops short must not hang the run (see bench.streams).
        watchdog = threading.Timer(seconds + 30, _shut, (ws.sock,))
        watchdog.start()
        try:
            control.start(session, SLOW_RATE, count)
            recv, loads, sleep = ws.recv, json.loads, time.sleep
            handled, last_ts = 0, 0
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                message = loads(recv())
                sleep(SLOW_CALLBACK)
                handled, last_ts = handled + 1, message["ts"]
        finally:
            watchdog.cancel()
            watchdog.join()
        lag = time.time() - last_ts / 1000
        rss = (_usage()[1] - rss0) / 2**20
    finally:
        ws.close()  # the server's blocked send fails: its feed ends
    control.finished(session)
    return {"rss": rss, "handled": handled, "lag": lag}


def slow_rows(config: Config, url: str, control: Control) -> List[Row]:
    seconds = 1.5 if config.quick else 10.0
    count = int(SLOW_RATE * seconds)
    case = f"slow callback (1 ms), {SLOW_RATE:,} msg/s for {seconds:g} s"
    contenders = config.select([
        # Each sample is a dict of figures (as in bench.conns), split into the row below.
        Contender("floor", FLOOR_LABEL + ", same handler",
                  lambda: lambda: _slow_floor(url, control, count, seconds)),  # type: ignore[arg-type,return-value]
        Contender("bitsdk", BITSDK_LABEL + " (default backlog 10,000)",
                  lambda: lambda: _slow_bitsdk(url, control, count, seconds)),  # type: ignore[arg-type,return-value]
    ])
    results = measure(contenders, rounds=1, warmup=0)
    rows = []
    for contender in contenders:
        samples, error = results[contender.label]
        row = Row(SECTION, case, contender.label, contender.family, unit="MiB RSS growth ↓")
        if error or not samples:
            row.note = error or "no samples"
        else:
            s = samples[0]
            row.median = s["rss"]  # type: ignore[index]
            if contender.family == "floor":
                row.note = (f"cannot grow: the sender blocks; handled {s['handled']:,.0f} of {count:,}, "  # type: ignore[index]
                            f"lag {s['lag']:.1f} s at the end")  # type: ignore[index]
            else:
                row.target = f"≤{RSS_TARGET:g} MiB"
                row.verdict = "ok" if s["rss"] <= RSS_TARGET and s["live"] else "MISS"  # type: ignore[index]
                row.note = (f"{s['dropped']:,.0f} of {s['sent']:,.0f} updates dropped and reported, "  # type: ignore[index]
                            f"worst lag {s['lag']:.1f} s, connection {'kept' if s['live'] else 'LOST'}")  # type: ignore[index]
        rows.append(row)
    return rows


def run(config: Config) -> List[Row]:
    """The five cases; a case that cannot run yields a 'skipped' row."""
    reason = missing_modules("websockets", "websocket")
    if reason:
        return [skipped_row(SECTION, reason)]
    rows: List[Row] = []
    server = ServerProcess("ws")
    try:
        server.start()
    except RuntimeError as exc:
        return [skipped_row(SECTION, str(exc))]
    with server:
        url = server.ws_url(PATH)
        control = Control(server.ws_url("/control"))
        cases: List[Tuple[str, Callable[[], List[Row]]]] = [("cost", lambda: cost_rows(config, url, control)),
                                                            ("steady", lambda: steady_rows(config, url, control))]
        if "bitsdk" in config.families:  # bitsdk alone has targets there
            cases += [("connections", lambda: conns_rows(config)), ("resume", lambda: resume_rows(config))]
        cases.append(("slow callback", lambda: slow_rows(config, url, control)))
        try:
            with quiet():  # the clients' logs (a warning per drop) are not what we measure
                for name, case in cases:
                    try:
                        rows += case()
                    except Exception as exc:  # one broken case must not hide the others
                        rows.append(skipped_row(SECTION, f"failed: {type(exc).__name__}: {exc}", name))
        finally:
            control.close()
    return rows
