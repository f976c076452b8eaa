"""Realistic Bybit V5 public stream messages, and WebSocket frames pre-encoded from them.

Shapes follow spec/bybit.md §4.9–4.11: ``tickers.BTCUSDT`` on a linear connection (one
snapshot, then deltas that carry only the changed fields) and ``orderbook.50.BTCUSDT`` (one
50-level snapshot, then deltas of two bid and two ask levels, with increasing ``u``/``seq``;
every fifth delta removes a level that exists and inserts a new price, so a client that keeps
a book never sees an impossible update).

The server writes the frames as-is (unmasked server-to-client text frames), so producing the
feed costs the server nothing at run time.
"""

from __future__ import annotations

import json
import random
import struct
from typing import Callable, Dict, List

__all__ = ["FEEDS", "feed_for_topic", "messages", "text_frame", "encode_feed", "paced_frames"]

SYMBOL = "BTCUSDT"
#: Topic -> generator name. The server picks the feed from the subscribed topic.
FEEDS = {f"tickers.{SYMBOL}": "tickers", f"orderbook.50.{SYMBOL}": "orderbook"}
_TS0 = 1_700_000_000_000


def feed_for_topic(topic: str) -> str:
    """The feed name for a subscribed topic, or ``""`` when it has no feed."""
    return FEEDS.get(topic, "")


def _dumps(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"))


def _ticker_messages(n: int, rng: random.Random) -> List[str]:
    price = 37_000.0
    snapshot = {
        "symbol": SYMBOL, "tickDirection": "PlusTick", "price24hPcnt": "0.017103",
        "lastPrice": "37000.00", "prevPrice24h": "36380.50", "highPrice24h": "37281.50",
        "lowPrice24h": "36215.00", "prevPrice1h": "36938.00", "markPrice": "37001.33",
        "indexPrice": "37007.36", "openInterest": "68744.761", "openInterestValue": "2543601235.91",
        "turnover24h": "1570383121.943499", "volume24h": "91705.276", "nextFundingTime": "1700006400000",
        "fundingRate": "0.0001", "bid1Price": "36999.90", "bid1Size": "84.489",
        "ask1Price": "37000.00", "ask1Size": "83.020", "deliveryTime": "", "basisRate": "",
        "deliveryFeeRate": "", "predictedDeliveryPrice": "", "preOpenPrice": "", "preQty": "",
        "curPreListingPhase": "",
    }
    out = [_dumps({"topic": f"tickers.{SYMBOL}", "type": "snapshot", "data": snapshot, "cs": 24987956059, "ts": _TS0})]
    for i in range(1, n):
        price += rng.choice((-0.1, 0.0, 0.1))
        data = {
            "symbol": SYMBOL,
            "bid1Price": f"{price - 0.1:.2f}", "bid1Size": f"{rng.uniform(1, 100):.3f}",
            "ask1Price": f"{price:.2f}", "ask1Size": f"{rng.uniform(1, 100):.3f}",
        }
        if i % 3 == 0:
            data.update(lastPrice=f"{price:.2f}", tickDirection=rng.choice(("PlusTick", "ZeroPlusTick", "MinusTick")))
        if i % 5 == 0:
            data.update(markPrice=f"{price + 1.33:.2f}", indexPrice=f"{price + 7.36:.2f}",
                        openInterest=f"{68744.761 + i / 1000:.3f}", turnover24h=f"{1570383121.94 + i:.6f}",
                        volume24h=f"{91705.276 + i / 1000:.3f}")
        out.append(_dumps({"topic": f"tickers.{SYMBOL}", "type": "delta", "data": data, "cs": 24987956059 + i, "ts": _TS0 + i}))
    return out


def _orderbook_messages(n: int, rng: random.Random, depth: int = 50) -> List[str]:
    mid = 37_000.0
    bids: Dict[str, str] = {f"{mid - 0.1 * (k + 1):.2f}": f"{rng.uniform(0.001, 5):.3f}" for k in range(depth)}
    asks: Dict[str, str] = {f"{mid + 0.1 * k:.2f}": f"{rng.uniform(0.001, 5):.3f}" for k in range(depth)}
    topic = f"orderbook.{depth}.{SYMBOL}"

    def book_msg(kind: str, b: list, a: list, i: int) -> str:
        data = {"s": SYMBOL, "b": b, "a": a, "u": 1000 + i, "seq": 70_000_000_000 + i}
        return _dumps({"topic": topic, "type": kind, "ts": _TS0 + i, "data": data, "cts": _TS0 + i - 2})

    out = [book_msg("snapshot", [[p, s] for p, s in bids.items()], [[p, s] for p, s in asks.items()], 0)]
    far_bid, far_ask = mid - 0.1 * (depth + 1), mid + 0.1 * depth
    for i in range(1, n):
        changes = []
        for side in (bids, asks):
            prices = rng.sample(sorted(side), 2)
            if i % 5 == 0:
                # remove one level that exists, add one price that does not
                gone = prices[0]
                del side[gone]
                if side is bids:
                    far_bid -= 0.1
                    new = f"{far_bid:.2f}"
                else:
                    far_ask += 0.1
                    new = f"{far_ask:.2f}"
                side[new] = f"{rng.uniform(0.001, 5):.3f}"
                level = [[gone, "0"], [new, side[new]]]
            else:
                level = []
                for p in prices:
                    side[p] = f"{rng.uniform(0.001, 5):.3f}"
                    level.append([p, side[p]])
            changes.append(level)
        out.append(book_msg("delta", changes[0], changes[1], i))
    return out


def messages(feed: str, n: int, seed: int = 7) -> List[str]:
    """``n`` messages of ``feed`` (``"tickers"`` or ``"orderbook"``): a snapshot, then deltas."""
    rng = random.Random(seed)
    if feed == "tickers":
        return _ticker_messages(n, rng)
    if feed == "orderbook":
        return _orderbook_messages(n, rng)
    raise ValueError(f"unknown feed {feed!r}")


def text_frame(payload: bytes) -> bytes:
    """One unmasked, unfragmented WebSocket text frame (server to client)."""
    size = len(payload)
    if size < 126:
        header = struct.pack("!BB", 0x81, size)
    elif size < 1 << 16:
        header = struct.pack("!BBH", 0x81, 126, size)
    else:
        header = struct.pack("!BBQ", 0x81, 127, size)
    return header + payload


def encode_feed(feed: str, n: int) -> bytes:
    """The whole feed as one byte string of back-to-back frames."""
    return b"".join(text_frame(m.encode("utf-8")) for m in messages(feed, n))


#: Variants of each topic's ticker delta in a paced feed (the ``cs`` field tells them apart).
PACED_VARIANTS = 8


def paced_frames(topic: str, stamped: bool = False) -> Callable[..., bytes]:
    """Frames of Bybit ticker deltas for ``topic`` (``tickers.<SYMBOL>``), for paced feeds.

    Returns ``frame(k, ts_ms)``: the ``k``-th delta of the topic, stamped with ``ts_ms``. The
    payloads are encoded once; a frame is its fixed head, the 13 digits of ``ts`` and ``}``.
    ``stamped`` frames end ``"ts":<13 digits>,"tx":<ns, space-padded to 19>}`` instead, ``tx`` being the
    sender's ``time.monotonic_ns()`` as it writes them: ``frame(k, ts_ms, tx_ns)``. The
    monotonic clock is the machine's (CLOCK_MONOTONIC), so a reader in another process
    computes its latency as ``time.monotonic_ns() - tx``.
    """
    symbol = topic.rsplit(".", 1)[-1]
    rng = random.Random(topic)
    heads = []
    tail = 13 + (len(',"tx":') + 19 if stamped else 0) + 1  # ts digits [,"tx":digits] }
    for i in range(PACED_VARIANTS):
        price = 37_000.0 + rng.uniform(-50, 50)
        data = {
            "symbol": symbol, "bid1Price": f"{price - 0.1:.2f}", "bid1Size": f"{rng.uniform(1, 100):.3f}",
            "ask1Price": f"{price:.2f}", "ask1Size": f"{rng.uniform(1, 100):.3f}",
        }
        if i % 2:
            data.update(lastPrice=f"{price:.2f}", tickDirection=rng.choice(("PlusTick", "ZeroPlusTick", "MinusTick")))
        body = _dumps({"topic": topic, "type": "delta", "data": data, "cs": 24987956059 + i})[:-1] + ',"ts":'
        size = len(body.encode()) + tail
        heads.append(text_frame(b"x" * size)[:-size] + body.encode())

    if stamped:
        def stamped_frame(k: int, ts_ms: int, tx_ns: int) -> bytes:
            return heads[k % PACED_VARIANTS] + b'%013d,"tx":%-19d}' % (ts_ms, tx_ns)  # padded with spaces: JSON allows them

        return stamped_frame

    def frame(k: int, ts_ms: int) -> bytes:
        return heads[k % PACED_VARIANTS] + b"%013d}" % ts_ms

    return frame
