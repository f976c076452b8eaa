"""``python -m bench.books``: verified order books against careful bare dict books (the floors), same feed.

For each exchange it builds one feed of already-decoded messages (a 50-level snapshot, then
deltas of two bid and two ask levels; every fifth delta deletes a level and inserts a new
price), in that exchange's shape: Bybit ``orderbook.50`` (``u`` chain), Bitget V2 ``books``
(``seq``/``pseq`` and a CRC-32 ``checksum`` on every message; again without checksums, as
Classic pushes have come since May 2026), Bitget V3 ``books`` (``seq``/``pseq``). Then it
times, the contenders' order rotated round by round:

* **verified**: :class:`bitsdk._book.OrderBook` with the exchange's applier: levels in numeric
  order, sequence checks, checksum verification (V2), the book's lock;
* **bare dict**, the floor of every case (the like-for-like one for Bybit, V2 without
  checksums and V3): what a careful user writes without a library: one ``dict`` per side
  (``bids[price] = size``, ``pop`` on ``"0"``), a snapshot resets it, and the ``u`` or
  ``pseq`` chain is checked; no order (a user sorts when reading), no checksum, no lock;
* **bare sorted** (Bybit, V2 without checksums, V3): the bare dict, keeping each side's
  prices in numeric order as it goes (``bisect.insort`` on a new price, a ``bisect`` delete
  on a zero size), as a careful user does to read the best levels at any moment. It shows
  what the order costs, apart from the checks and the lock;
* **bare dict + CRC**, the floor of "Bitget V2 books (checksum)" with verification on: the
  bare dict, and per message the checksum by hand as a careful user must: sort each side's
  prices numerically, take the best 25, join the interleaved ``price:size`` strings,
  ``zlib.crc32``, compare as a signed int with the message's non-zero ``checksum``. That row
  prints the verified book's ratio to both floors (the bare dict checks no checksum);
* **pybit** (Bybit only, when ``pybit`` is installed): pybit's own book handling,
  ``_V5WebSocketManager._process_delta_orderbook``, on the same feed. It keeps unsorted lists,
  checks nothing, and leaves out the ``deepcopy`` pybit makes of every message afterwards.

After the timing, every contender's final book must equal the feed's reference book, so all
of them did the same work. Times are the process's CPU time (other load on the machine is
not counted); the rate is the median of the rounds. JSON decoding is left out: a stream
client decodes each message once either way.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
import zlib
from bisect import bisect_left, insort
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from bitsdk._book import BitgetV2Applier, BitgetV3Applier, BybitApplier, OrderBook, bitget_checksum

from .feeds import messages

Feed = List[Dict[str, Any]]


def bybit_feed(n: int) -> Feed:
    return [json.loads(m) for m in messages("orderbook", n)]


def _top(side: Dict[str, str], reverse: bool, n: int = 25) -> List[List[str]]:
    return [[p, side[p]] for p in sorted(side, key=float, reverse=reverse)[:n]]


def bitget_feed(n: int, v3: bool, checksum: bool = True) -> Feed:
    """The Bybit feed's levels, reshaped as Bitget pushes (V2 with checksums unless told not)."""
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
            item = {"asks": data["a"], "bids": data["b"], "seq": seq, "ts": str(msg["ts"])}
            if checksum:
                item["checksum"] = bitget_checksum(_top(bids, True), _top(asks, False))
            if i:
                item["pseq"] = seq - 1
            arg = {"instType": "USDT-FUTURES", "channel": "books", "instId": "BTCUSDT"}
        out.append({"action": action, "arg": arg, "data": [item], "ts": msg["ts"]})
    return out


Book = Tuple[Dict[str, str], Dict[str, str]]
#: A contender applies a feed and returns (CPU seconds, the final bids and asks as dicts).
Contender = Callable[[Feed], Tuple[float, Book]]
clock = time.process_time


def verified(feed: Feed, make_applier: Callable[[], Any]) -> Tuple[float, Book]:
    """Apply ``feed`` to a fresh verified book (every message must apply)."""
    book = OrderBook("bench", "BTCUSDT", "bench", make_applier())
    apply = book._apply
    start = clock()
    for msg in feed:
        apply(msg)
    elapsed = clock() - start
    if not book.synced or book.messages != len(feed):
        raise RuntimeError(f"the verified book rejected the feed: {book!r}")
    return elapsed, (dict(book.bids()), dict(book.asks()))


def bare_bybit(feed: Feed) -> Tuple[float, Book]:
    bids: Dict[str, str] = {}
    asks: Dict[str, str] = {}
    last = 0
    start = clock()
    for msg in feed:
        data = msg["data"]
        u = data["u"]
        if msg["type"] == "snapshot" or u == 1:
            bids, asks = {}, {}
        elif u != last + 1:
            raise RuntimeError(f"gap: u={u} after {last}")
        last = u
        for side, rows in ((bids, data["b"]), (asks, data["a"])):
            for price, size in rows:
                if size == "0":
                    side.pop(price, None)
                else:
                    side[price] = size
    return clock() - start, (bids, asks)


def bare_bitget(feed: Feed, bid_key: str, ask_key: str) -> Tuple[float, Book]:
    bids: Dict[str, str] = {}
    asks: Dict[str, str] = {}
    last = 0
    start = clock()
    for msg in feed:
        snapshot = msg["action"] == "snapshot"
        for item in msg["data"]:
            if snapshot:
                bids, asks = {}, {}
            elif item["pseq"] != last:
                raise RuntimeError(f"gap: pseq={item['pseq']} after seq={last}")
            last = item["seq"]
            for side, rows in ((bids, item[bid_key]), (asks, item[ask_key])):
                for price, size in rows:
                    if size == "0":
                        side.pop(price, None)
                    else:
                        side[price] = size
    return clock() - start, (bids, asks)


class _SortedSide:
    """One side of the sorted bare book: ``sizes`` by price string, and the prices' numeric
    keys (negated for bids) kept sorted with ``bisect``, as a careful user keeps them to read
    the best levels at any moment."""

    __slots__ = ("sizes", "keys", "sign")

    def __init__(self, sign: float):
        self.sizes: Dict[str, str] = {}
        self.keys: List[float] = []
        self.sign = sign


def _sorted_rows(side: _SortedSide, rows: Any) -> None:
    sizes, keys, sign = side.sizes, side.keys, side.sign
    for price, size in rows:
        if size == "0":
            if sizes.pop(price, None) is not None:
                del keys[bisect_left(keys, float(price) * sign)]
        elif price in sizes:
            sizes[price] = size
        else:
            insort(keys, float(price) * sign)
            sizes[price] = size


def bare_sorted_bybit(feed: Feed) -> Tuple[float, Book]:
    """:func:`bare_bybit` keeping each side's prices in numeric order (bisect)."""
    bids, asks = _SortedSide(-1.0), _SortedSide(1.0)
    last = 0
    start = clock()
    for msg in feed:
        data = msg["data"]
        u = data["u"]
        if msg["type"] == "snapshot" or u == 1:
            bids, asks = _SortedSide(-1.0), _SortedSide(1.0)
        elif u != last + 1:
            raise RuntimeError(f"gap: u={u} after {last}")
        last = u
        _sorted_rows(bids, data["b"])
        _sorted_rows(asks, data["a"])
    return clock() - start, (bids.sizes, asks.sizes)


def bare_sorted_bitget(feed: Feed, bid_key: str, ask_key: str) -> Tuple[float, Book]:
    """:func:`bare_bitget` keeping each side's prices in numeric order (bisect)."""
    bids, asks = _SortedSide(-1.0), _SortedSide(1.0)
    last = 0
    start = clock()
    for msg in feed:
        snapshot = msg["action"] == "snapshot"
        for item in msg["data"]:
            if snapshot:
                bids, asks = _SortedSide(-1.0), _SortedSide(1.0)
            elif item["pseq"] != last:
                raise RuntimeError(f"gap: pseq={item['pseq']} after seq={last}")
            last = item["seq"]
            _sorted_rows(bids, item[bid_key])
            _sorted_rows(asks, item[ask_key])
    return clock() - start, (bids.sizes, asks.sizes)


def bare_bitget_crc(feed: Feed) -> Tuple[float, Book]:
    """:func:`bare_bitget` on V2 ``bids``/``asks``, verifying every non-zero ``checksum`` by hand."""
    bids: Dict[str, str] = {}
    asks: Dict[str, str] = {}
    last = 0
    crc32 = zlib.crc32
    start = clock()
    for msg in feed:
        snapshot = msg["action"] == "snapshot"
        for item in msg["data"]:
            if snapshot:
                bids, asks = {}, {}
            elif item["pseq"] != last:
                raise RuntimeError(f"gap: pseq={item['pseq']} after seq={last}")
            last = item["seq"]
            for side, rows in ((bids, item["bids"]), (asks, item["asks"])):
                for price, size in rows:
                    if size == "0":
                        side.pop(price, None)
                    else:
                        side[price] = size
            checksum = item.get("checksum")
            if checksum:
                top_bids = [f"{p}:{bids[p]}" for p in sorted(bids, key=float, reverse=True)[:25]]
                top_asks = [f"{p}:{asks[p]}" for p in sorted(asks, key=float)[:25]]
                both = min(len(top_bids), len(top_asks))
                tokens = top_bids[:both] + top_asks[:both]  # interleaved: bid 0, ask 0, bid 1...
                tokens[::2], tokens[1::2] = top_bids[:both], top_asks[:both]
                tokens += top_bids[both:] or top_asks[both:]
                crc = crc32(":".join(tokens).encode())
                if (crc - (1 << 32) if crc >= 1 << 31 else crc) != checksum:
                    raise RuntimeError(f"checksum mismatch at seq={last}")
    return clock() - start, (bids, asks)


def pybit_contender() -> Optional[Tuple[str, Contender]]:
    """pybit's book handling, or None when pybit is not installed."""
    try:
        import pybit
        from pybit._websocket_stream import _V5WebSocketManager
    except ImportError:
        return None

    def run(feed: Feed) -> Tuple[float, Book]:
        manager = _V5WebSocketManager.__new__(_V5WebSocketManager)  # only its book state is used
        manager.data = {}
        process = manager._process_delta_orderbook
        # pybit keeps the snapshot's own lists as its book and edits them: give it a copy.
        feed = [copy.deepcopy(feed[0])] + feed[1:]
        start = clock()
        for msg in feed:
            process(msg, msg["topic"])
        elapsed = clock() - start
        book = manager.data[feed[0]["topic"]]
        return elapsed, ({p: s for p, s in book["b"]}, {p: s for p, s in book["a"]})

    return f"pybit {getattr(pybit, 'VERSION', '')}".strip(), run


def reference(feed: Feed) -> Book:
    """The feed's final book, built from its Bybit form (every feed carries the same levels)."""
    return bare_bybit(bybit_feed(len(feed)))[1]


Case = Tuple[str, Feed, Dict[str, Contender]]


def cases(n: int) -> List[Case]:
    v2, v3 = bitget_feed(n, v3=False), bitget_feed(n, v3=True)
    v2_plain_feed = bitget_feed(n, v3=False, checksum=False)
    v2_contenders: Dict[str, Contender] = {"verified": lambda f: verified(f, lambda: BitgetV2Applier(True)),
                                           "bare": lambda f: bare_bitget(f, "bids", "asks")}
    v2_crc = dict(v2_contenders, crc=bare_bitget_crc)
    v2_plain = dict(v2_contenders, sorted=lambda f: bare_sorted_bitget(f, "bids", "asks"))
    bybit: Dict[str, Contender] = {"verified": lambda f: verified(f, BybitApplier), "bare": bare_bybit,
                                   "sorted": bare_sorted_bybit}
    pybit = pybit_contender()
    if pybit is not None:
        bybit["pybit"] = pybit[1]
    return [
        ("Bybit orderbook.50", bybit_feed(n), bybit),
        ("Bitget V2 books (checksum)", v2, v2_crc),
        ("Bitget V2 books (no checksum)", v2_plain_feed, v2_plain),
        ("Bitget V3 books", v3, {"verified": lambda f: verified(f, lambda: BitgetV3Applier(True)),
                                 "bare": lambda f: bare_bitget(f, "b", "a"),
                                 "sorted": lambda f: bare_sorted_bitget(f, "b", "a")}),
    ]


def run(n: int, rounds: int) -> List[Tuple[str, Dict[str, float]]]:
    """``(case, {contender: msgs/s})``: medians, the contenders' order rotated per round."""
    results = []
    for name, feed, contenders in cases(n):
        expected = reference(feed)
        for label, fn in contenders.items():  # warm-up, and the same final book for everyone
            if fn(feed)[1] != expected:
                raise RuntimeError(f"{name}: {label} ended with a different book")
        times: Dict[str, List[float]] = {label: [] for label in contenders}
        order = list(contenders.items())
        for r in range(rounds):
            for label, fn in order[r % len(order):] + order[:r % len(order)]:
                times[label].append(fn(feed)[0])
        results.append((name, {label: len(feed) / statistics.median(t) for label, t in times.items()}))
    return results


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.books", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke run")
    args = parser.parse_args(argv)
    n, rounds = (2_000, 3) if args.quick else (20_000, 7)
    pybit = pybit_contender()
    pybit_name = pybit[0] if pybit else "pybit"
    print(f"{'Case':<30} {'verified msg/s':>15} {'bare dict msg/s':>16} {'ratio':>7} {'bare sorted msg/s':>18} "
          f"{'ratio':>7} {'bare+CRC msg/s':>15} {'ratio':>7} {pybit_name + ' msg/s':>18} {'ratio':>7}")
    for name, rates in run(n, rounds):
        checked, bare, other = rates["verified"], rates["bare"], rates.get("pybit")
        cells = [f"{checked:>15,.0f}", f"{bare:>16,.0f}", f"{checked / bare:>7.2f}"]
        for label, width in (("sorted", 18), ("crc", 15)):
            floor = rates.get(label)
            cells += [f"{floor:>{width},.0f}", f"{checked / floor:>7.2f}"] if floor else [f"{'-':>{width}}", f"{'-':>7}"]
        cells += [f"{other:>18,.0f}", f"{other / bare:>7.2f}"] if other else [f"{'-':>18}", f"{'-':>7}"]
        print(f"{name:<30} " + " ".join(cells))
    print(f"({n} messages per feed, median of {rounds} rounds, CPU time; ratio = verified rate / floor rate "
          "(bare dict; bare sorted: bare dict keeping its prices in order; bare+CRC: bare dict verifying the "
          "checksums by hand); pybit's ratio = its rate / bare dict rate; JSON decoding not included)")
    if pybit is None:
        print("(pybit not installed: its column is empty; pip install pybit==5.17.0 to add it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
