"""Verified order books against the loopback exchange: long runs, injected faults, reconnects.

The loopback's own book (its market, read under the engine lock) is the truth: while the test
holds the lock the market cannot tick, so the client must converge to exactly that book.
"""

from __future__ import annotations

import queue
import threading
import time
from typing import Any, Callable, Dict, List, Set, Tuple

import pytest

try:
    from bitsdk.testing import LoopbackExchange
    from bitsdk.testing._common import fmt
except ImportError:  # pragma: no cover - the loopback is a sibling package
    pytest.skip("bitsdk.testing.LoopbackExchange is not available", allow_module_level=True)

from bitsdk.bitget import WebsocketClientV2, WebsocketClientV3
from bitsdk.bybit import WebsocketClient

OPTIONS = {"reconnect_backoff": (0.05, 0.3), "connect_timeout": 5.0}
DELTAS = 3000  # applied messages in the long run (about 3 s at push_interval 0.0005)


class Side:
    def __init__(self, name: str, exchange: str, client: Any, open_book: Callable[[Any, str], Any],
                 ticker: Callable[[Any], None], faults: List[str], raw_book: Callable[[Any], None], ws_key: str):
        self.name, self.exchange, self.client, self.open_book = name, exchange, client, open_book
        self.ticker, self.faults, self.raw_book, self.ws_key = ticker, faults, raw_book, ws_key

    def __repr__(self) -> str:
        return self.name


SIDES = [
    Side("bybit", "bybit", WebsocketClient, lambda ws, s: ws.order_book(s, "linear", 200),
         lambda ws: ws.subscribe_v5("tickers.BTCUSDT", "linear"), ["drop", "reorder", "restart"],
         lambda ws: ws.subscribe_v5("orderbook.200.BTCUSDT", "linear"), "v5LinearPublic"),
    Side("bitget-v2", "bitget", WebsocketClientV2, lambda ws, s: ws.order_book(s, "USDT-FUTURES"),
         lambda ws: ws.subscribe_topic("USDT-FUTURES", "ticker", "BTCUSDT"), ["drop", "reorder", "checksum", "restart"],
         lambda ws: ws.subscribe_topic("USDT-FUTURES", "books", "BTCUSDT"), "v2Public"),
    Side("bitget-v3", "bitget", WebsocketClientV3, lambda ws, s: ws.order_book(s, "usdt-futures"),
         lambda ws: ws.subscribe({"topic": "ticker", "payload": {"instType": "usdt-futures", "symbol": "BTCUSDT"}},
                                 "v3Public"), ["drop", "reorder", "restart"],
         lambda ws: ws.subscribe({"topic": "books", "payload": {"instType": "usdt-futures", "symbol": "BTCUSDT"}},
                                 "v3Public"), "v3Public"),
]


class Watch:
    """Records book/resync/update events and checks the invariants at delivery time."""

    def __init__(self, ws: Any):
        self.cond = threading.Condition()
        self.violations: List[str] = []
        self.resyncs: List[Any] = []
        self.seqs: List[Any] = []  # (topic, seq) of every book event
        self.tickers = 0
        # A plain mirror of every book topic's levels, to count the deltas' inserts and deletes.
        self.mirror: Dict[Any, Tuple[Set[str], Set[str]]] = {}
        self.inserts = self.deletes = 0
        ws.on("book", self._book)
        ws.on("resync", self._resync)
        ws.on("update", self._update)

    def _book(self, ev: Any) -> None:
        book = ev.data
        if not book.synced:  # delivered right after the apply: it must be a valid book
            self.violations.append(f"book event for an unsynced {book.topic}")
        with self.cond:
            self.seqs.append((book.topic, book.seq))
            self.cond.notify_all()

    def _resync(self, ev: Any) -> None:
        book = ev.data["book"]
        if book.synced or book.bids() or book.best_ask() is not None:
            self.violations.append(f"{book.topic} readable as valid during its resync")
        with self.cond:
            self.resyncs.append(ev.data)
            self.cond.notify_all()

    def _update(self, ev: Any) -> None:
        data = ev.data
        arg = data.get("arg") or {}
        self._count_levels(data, arg)
        if str(data.get("topic", "")).startswith("tickers") or "ticker" in (arg.get("channel"), arg.get("topic")):
            with self.cond:
                self.tickers += 1
                self.cond.notify_all()

    def _count_levels(self, data: Any, arg: Any) -> None:
        if str(data.get("topic", "")).startswith("orderbook"):
            key, fresh, rows = data["topic"], data["type"] == "snapshot", [(data["data"]["b"], data["data"]["a"])]
        elif "books" in (arg.get("channel"), arg.get("topic")):
            key, fresh = (arg.get("instId"), arg.get("symbol")), data["action"] == "snapshot"
            rows = [(item.get("bids", item.get("b")), item.get("asks", item.get("a"))) for item in data["data"]]
        else:
            return
        if fresh or key not in self.mirror:
            self.mirror[key] = (set(), set())
        for bids, asks in rows:
            for held, levels in zip(self.mirror[key], (bids, asks)):
                for price, size in levels:
                    if size == "0":
                        self.deletes += not fresh and price in held
                        held.discard(price)
                    else:
                        self.inserts += not fresh and price not in held
                        held.add(price)

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 20.0, what: str = "condition") -> None:
        deadline = time.monotonic() + timeout
        with self.cond:
            while not predicate():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"{what} not met within {timeout}s")
                self.cond.wait(min(remaining, 0.05))


def market_levels(ex: Any, symbol: str, n: int) -> Any:
    bids, asks = ex.engine.market.books[("perp", symbol)].levels(n)
    return [(fmt(p), fmt(s)) for p, s in bids], [(fmt(p), fmt(s)) for p, s in asks]


def assert_matches_market(ex: Any, watch: Watch, book: Any, n: int = 25, depth: int = 200) -> None:
    """Freeze the market and wait until the local top ``n`` (and the whole ``depth``) equal it."""
    assert book.wait_synced(10), f"{book} did not sync"
    with ex.engine.lock:  # no tick can happen: every push already rendered is in flight
        want = market_levels(ex, book.symbol, n)
        full = market_levels(ex, book.symbol, depth)

        def converged() -> bool:
            snap = book.snapshot()
            return snap.synced and (snap.bids[:n], snap.asks[:n]) == want and (snap.bids, snap.asks) == full

        watch.wait_for(converged, 10, f"{book.topic} equal to the loopback's book")


def exchange(side: Side, symbols: Any = ("BTCUSDT", "ETHUSDT")) -> Any:
    return LoopbackExchange(side.exchange, push_interval=0.0005, symbols=list(symbols))


@pytest.mark.parametrize("side", SIDES, ids=repr)
def test_thousands_of_deltas_keep_the_book_exact(side):
    with exchange(side, ["BTCUSDT"]) as ex, side.client(**ex.client_options(), **OPTIONS) as ws:
        watch = Watch(ws)
        book = side.open_book(ws, "BTCUSDT")
        assert side.open_book(ws, "BTCUSDT") is book
        assert book.wait_synced(10)
        start = book.messages
        watch.wait_for(lambda: book.messages >= start + DELTAS, 60, f"{DELTAS} messages")
        assert_matches_market(ex, watch, book)
        assert book.resyncs == 0 and watch.resyncs == [] and watch.violations == []
        assert book.best_bid() == book.bids(1)[0] and book.best_ask() == book.asks(1)[0]
        assert float(book.best_bid()[0]) < float(book.best_ask()[0])
        # the deltas removed levels and brought new prices, not only new sizes
        assert watch.deletes > DELTAS // 10 and watch.inserts > DELTAS // 10, (watch.deletes, watch.inserts)


def test_a_depth_limited_book_sees_levels_come_into_and_leave_its_depth():
    # orderbook.50: a level removed near the top brings the 51st in; a new price pushes the 50th out.
    side = SIDES[0]
    with exchange(side, ["BTCUSDT"]) as ex, side.client(**ex.client_options(), **OPTIONS) as ws:
        watch = Watch(ws)
        book = ws.order_book("BTCUSDT", "linear", 50)
        assert book.wait_synced(10)
        start = book.messages
        watch.wait_for(lambda: book.messages >= start + DELTAS // 2, 60, f"{DELTAS // 2} messages")
        assert_matches_market(ex, watch, book, n=25, depth=50)
        assert len(book.bids()) == len(book.asks()) == 50
        assert book.resyncs == 0 and watch.violations == []
        assert watch.deletes > DELTAS // 20 and watch.inserts > DELTAS // 20, (watch.deletes, watch.inserts)


def inject(ex: Any, fault: str) -> None:
    faults = ex.faults
    {"drop": faults.drop_book_updates, "reorder": faults.reorder_book_updates,
     "checksum": faults.corrupt_book_checksum, "restart": faults.restart_book}[fault](symbol="BTCUSDT")


@pytest.mark.parametrize("side", SIDES, ids=repr)
def test_each_fault_resyncs_only_its_book(side):
    with exchange(side) as ex, side.client(**ex.client_options(), **OPTIONS) as ws:
        watch = Watch(ws)
        btc, eth = side.open_book(ws, "BTCUSDT"), side.open_book(ws, "ETHUSDT")
        side.ticker(ws)
        assert btc.wait_synced(10) and eth.wait_synced(10)
        assert_matches_market(ex, watch, btc)
        for fault in side.faults:
            resyncs, tickers, events = btc.resyncs, watch.tickers, len(watch.seqs)
            inject(ex, fault)
            if fault == "restart":  # a fresh snapshot whose sequence starts over: no resync needed
                watch.wait_for(lambda events=events: (btc.topic, 1) in watch.seqs[events:], what="the restart snapshot")
                assert btc.resyncs == resyncs
            else:
                watch.wait_for(lambda resyncs=resyncs: len(watch.resyncs) == resyncs + 1, what=f"a resync after {fault}")
                assert watch.resyncs[-1]["book"] is btc and watch.resyncs[-1]["resyncs"] == btc.resyncs
            assert_matches_market(ex, watch, btc)
            assert btc.resyncs == resyncs + (fault != "restart"), fault
            watch.wait_for(lambda tickers=tickers: watch.tickers > tickers, what="ticker updates")
        assert eth.resyncs == 0 and eth.synced
        assert_matches_market(ex, watch, eth)
        assert all(r["book"] is btc for r in watch.resyncs)
        assert watch.violations == []


@pytest.mark.parametrize("side", SIDES, ids=repr)
def test_a_reconnect_resyncs_every_book(side):
    with exchange(side) as ex, side.client(**ex.client_options(), **OPTIONS) as ws:
        watch = Watch(ws)
        books = [side.open_book(ws, "BTCUSDT"), side.open_book(ws, "ETHUSDT")]
        assert all(book.wait_synced(10) for book in books)
        assert ex.faults.drop_all() == 1
        watch.wait_for(lambda: len(watch.resyncs) == 2, what="both books resynced")
        assert [book.resyncs for book in books] == [1, 1]
        assert {r["book"].topic for r in watch.resyncs} == {book.topic for book in books}
        for book in books:
            assert_matches_market(ex, watch, book)
        assert watch.violations == []


@pytest.mark.parametrize("side", SIDES, ids=repr)
def test_subscribed_by_hand_first_then_queue_then_close(side):
    events: "queue.Queue[Any]" = queue.Queue()
    with exchange(side, ["BTCUSDT"]) as ex, side.client(**ex.client_options(), event_queue=events, **OPTIONS) as ws:
        watch = Watch(ws)
        side.raw_book(ws)  # the topic is already subscribed: its snapshot has long gone by
        first = events.get(timeout=10)
        while first.kind != "update":
            first = events.get(timeout=10)
        book = side.open_book(ws, "BTCUSDT")
        assert book.wait_synced(10), "order_book() must ask for a fresh snapshot"
        assert_matches_market(ex, watch, book)
        kinds = set()
        while "book" not in kinds:
            event = events.get(timeout=10)
            kinds.add(event.kind)
            if event.kind == "book":
                assert event.data is book
        assert len(ws.subscriptions(side.ws_key)) == 1
        book.close()
        assert not book.synced and book.bids() == [] and ws.subscriptions(side.ws_key) == []
        assert watch.violations == []


@pytest.mark.parametrize("exchange_name, open_book, depth", [
    ("bybit", lambda ws: ws.order_book("BTCUSDT", "linear", 1), 1),
    ("bitget", lambda ws: WebsocketClientV3.order_book(ws, "BTCUSDT", "usdt-futures", "books5"), 5),
    ("bitget", lambda ws: WebsocketClientV2.order_book(ws, "BTCUSDT", "USDT-FUTURES", "books15"), 15),
], ids=["bybit-orderbook.1", "bitget-v3-books5", "bitget-v2-books15"])
def test_snapshot_only_topics(exchange_name, open_book, depth):
    client = {"bybit": WebsocketClient, 5: WebsocketClientV3, 15: WebsocketClientV2}
    with LoopbackExchange(exchange_name, push_interval=0.002, symbols=["BTCUSDT"]) as ex:
        with client.get(exchange_name, client.get(depth))(**ex.client_options(), **OPTIONS) as ws:
            watch = Watch(ws)
            book = open_book(ws)
            assert book.wait_synced(10)
            watch.wait_for(lambda: len(watch.seqs) >= 20, what="20 snapshots")
            assert_matches_market(ex, watch, book, n=depth, depth=depth)
            assert len(book.bids()) == depth and book.resyncs == 0 and watch.violations == []


@pytest.mark.parametrize("ws_key, arg", [
    ("v3Public", {"instType": "spot", "topic": "books15", "symbol": "BTCUSDT"}),
    ("v2Public", {"instType": "SPOT", "channel": "books50", "instId": "BTCUSDT"}),
])
def test_loopback_refuses_the_other_versions_book_depth(ws_key, arg):
    # bitget.md §0 item 9: V3 offers books/books1/books5/books50, V2 books/books1/books5/books15.
    import json

    import websocket

    with LoopbackExchange("bitget", symbols=["BTCUSDT"]) as ex:
        sock = websocket.create_connection(ex.ws_url(ws_key), timeout=5)
        try:
            sock.send(json.dumps({"op": "subscribe", "args": [arg]}))
            reply = json.loads(sock.recv())
        finally:
            sock.close()
    assert reply["event"] == "error" and reply["code"] == 30001 and reply["arg"] == arg
