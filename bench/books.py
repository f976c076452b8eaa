"""``python -m bench.books``: verified order books against a bare dict book, same feed.

For each exchange it builds one feed of already-decoded messages (a 50-level snapshot, then
deltas of two bid and two ask levels; every fifth delta deletes a level and inserts a new
price), in that exchange's shape: Bybit ``orderbook.50`` (``u`` chain), Bitget V2 ``books``
(``seq``/``pseq`` and a CRC-32 ``checksum`` on every message), Bitget V3 ``books``
(``seq``/``pseq``). Then it times, interleaved round by round:

* **verified**: :class:`bitsdk._book.OrderBook` with the exchange's applier: sorted levels,
  sequence checks, checksum verification (V2), the book lock;
* **bare dict**: ``bids[price] = size`` / ``pop`` per level, no order, no checks.

It prints messages applied per second (median of the rounds) and the ratio verified / bare.
JSON decoding is left out of both: the stream client decodes each message once either way.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from bitsdk._book import BitgetV2Applier, BitgetV3Applier, BybitApplier, OrderBook, bitget_checksum

from .feeds import messages

Feed = List[Dict[str, Any]]


def bybit_feed(n: int) -> Feed:
    return [json.loads(m) for m in messages("orderbook", n)]


def _top(side: Dict[str, str], reverse: bool, n: int = 25) -> List[List[str]]:
    return [[p, side[p]] for p in sorted(side, key=float, reverse=reverse)[:n]]


def bitget_feed(n: int, v3: bool) -> Feed:
    """The Bybit feed's levels, reshaped as Bitget pushes (V2 with checksums)."""
    out: Feed = []
    bids: Dict[str, str] = {}
    asks: Dict[str, str] = {}
    for i, msg in enumerate(bybit_feed(n)):
        data = msg["data"]
        if msg["type"] == "snapshot":
            bids, asks = {}, {}
        for side, rows in ((bids, data["b"]), (asks, data["a"])):
            for price, size in rows:
                if size == "0":
                    side.pop(price, None)
                else:
                    side[price] = size
        seq = 1000 + i
        action = "snapshot" if i == 0 else "update"
        if v3:
            item: Dict[str, Any] = {"a": data["a"], "b": data["b"], "seq": seq, "pseq": 0 if i == 0 else seq - 1,
                                    "maxDepth": 50, "ts": str(msg["ts"])}
            arg = {"instType": "usdt-futures", "topic": "books", "symbol": "BTCUSDT"}
        else:
            item = {"asks": data["a"], "bids": data["b"], "seq": seq, "ts": str(msg["ts"]),
                    "checksum": bitget_checksum(_top(bids, True), _top(asks, False))}
            if i:
                item["pseq"] = seq - 1
            arg = {"instType": "USDT-FUTURES", "channel": "books", "instId": "BTCUSDT"}
        out.append({"action": action, "arg": arg, "data": [item], "ts": msg["ts"]})
    return out


def verified(feed: Feed, make_applier: Callable[[], Any]) -> float:
    """Seconds to apply ``feed`` to a fresh verified book (every message must apply)."""
    book = OrderBook("bench", "BTCUSDT", "bench", make_applier())
    apply = book._apply
    start = time.perf_counter()
    for msg in feed:
        apply(msg)
    elapsed = time.perf_counter() - start
    if not book.synced or book.messages != len(feed):
        raise RuntimeError(f"the verified book rejected the feed: {book!r}")
    return elapsed


def bare_bybit(feed: Feed) -> float:
    bids: Dict[str, str] = {}
    asks: Dict[str, str] = {}
    start = time.perf_counter()
    for msg in feed:
        data = msg["data"]
        if msg["type"] == "snapshot":
            bids, asks = {}, {}
        for side, rows in ((bids, data["b"]), (asks, data["a"])):
            for price, size in rows:
                if size == "0":
                    side.pop(price, None)
                else:
                    side[price] = size
    return time.perf_counter() - start


def bare_bitget(feed: Feed, bid_key: str, ask_key: str) -> float:
    bids: Dict[str, str] = {}
    asks: Dict[str, str] = {}
    start = time.perf_counter()
    for msg in feed:
        if msg["action"] == "snapshot":
            bids, asks = {}, {}
        for item in msg["data"]:
            for side, rows in ((bids, item[bid_key]), (asks, item[ask_key])):
                for price, size in rows:
                    if size == "0":
                        side.pop(price, None)
                    else:
                        side[price] = size
    return time.perf_counter() - start


Case = Tuple[str, Feed, Callable[[Feed], float], Callable[[Feed], float]]


def cases(n: int) -> List[Case]:
    v2, v3 = bitget_feed(n, v3=False), bitget_feed(n, v3=True)
    return [
        ("Bybit orderbook.50", bybit_feed(n), lambda f: verified(f, BybitApplier), bare_bybit),
        ("Bitget V2 books (checksum)", v2, lambda f: verified(f, lambda: BitgetV2Applier(True)),
         lambda f: bare_bitget(f, "bids", "asks")),
        ("Bitget V3 books", v3, lambda f: verified(f, lambda: BitgetV3Applier(True)), lambda f: bare_bitget(f, "b", "a")),
    ]


def run(n: int, rounds: int) -> List[Tuple[str, float, float]]:
    """``(case, verified msgs/s, bare msgs/s)`` medians, contenders interleaved per round."""
    results = []
    for name, feed, checked, bare in cases(n):
        checked(feed)  # warm-up
        bare(feed)
        times: Dict[str, List[float]] = {"verified": [], "bare": []}
        for r in range(rounds):
            order = (("verified", checked), ("bare", bare))
            for label, fn in order if r % 2 == 0 else order[::-1]:
                times[label].append(fn(feed))
        results.append((name, len(feed) / statistics.median(times["verified"]), len(feed) / statistics.median(times["bare"])))
    return results


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.books", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke run")
    args = parser.parse_args(argv)
    n, rounds = (2_000, 3) if args.quick else (20_000, 7)
    print(f"{'Case':<28} {'verified msg/s':>15} {'bare dict msg/s':>16} {'ratio':>7}")
    for name, checked, bare in run(n, rounds):
        print(f"{name:<28} {checked:>15,.0f} {bare:>16,.0f} {checked / bare:>7.2f}")
    print(f"({n} messages per feed, median of {rounds} interleaved rounds; JSON decoding not included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
