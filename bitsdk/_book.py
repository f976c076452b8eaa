"""Verified local order books, kept from the stream clients' public events.

:class:`OrderBook` is one topic's book: price levels kept sorted, prices compared numerically
and returned as the exchange's own strings. An *applier* per exchange checks every message
before its levels are trusted:

* Bybit (``orderbook.{depth}.{symbol}``): a snapshot replaces the book (``u = 1`` is a service
  restart: also a snapshot); each delta's ``u`` must be the previous ``u`` + 1.
* Bitget V2 (``books``...): the CRC-32 ``checksum`` over the top 25 interleaved levels when the
  message carries one, else the ``seq``/``pseq`` chain.
* Bitget V3 (``books``...): the ``seq``/``pseq`` chain; ``pseq = 0`` starts afresh.

A failed check makes the book unsynced and refreshes that one topic (unsubscribe, subscribe:
the exchange answers with a fresh snapshot). A reconnect makes every book of the connection
unsynced until the resubscription's snapshot arrives.

The appliers are pure (messages in, levels out). Each gives its book the function that applies
messages (``writer``): the common message, an update that chains to the synced book, is
checked and applied inline on one hot path shared by every exchange; everything else goes through the
applier's full ``apply``. :class:`_BookKeeper` glues books to a client with its public
``on``/``subscribe``/``unsubscribe`` only. Books are applied on the client's
dispatcher thread; readers on other threads use :meth:`OrderBook.snapshot` or the accessors,
which take the book's lock.
"""

from __future__ import annotations

import logging
import threading
import time
import zlib
from bisect import bisect_left
from functools import partial
from typing import Any, Callable, Dict, Hashable, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from .events import Event

__all__ = ["OrderBook", "BookSnapshot", "BookGap", "bitget_checksum", "BybitApplier", "BitgetV2Applier", "BitgetV3Applier",
           "open_book", "route_bybit", "route_bitget", "check_symbol"]

Level = Tuple[str, str]
CHECKSUM_LEVELS = 25  # Bitget's CRC-32 covers the best 25 levels of each side


class BookGap(Exception):
    """A message that cannot be applied to the current book: the book must be refreshed."""


class BookSnapshot(NamedTuple):
    """A consistent copy of an :class:`OrderBook`, safe to keep and read on any thread.

    ``bids`` and ``asks`` are ``(price, size)`` string pairs, best first.
    """

    topic: str
    symbol: str
    bids: List[Level]
    asks: List[Level]
    seq: Optional[int]
    ts: Optional[int]
    synced: bool


def bitget_checksum(bids: Sequence[Sequence[str]], asks: Sequence[Sequence[str]]) -> int:
    """Bitget's order-book checksum: CRC-32 of the best 25 levels, as a signed 32-bit int.

    Tokens interleave per level ``bid price:bid size:ask price:ask size``; a side with no level
    ``i`` is skipped, so the longer side's remaining levels follow in order. The strings are
    used exactly as the exchange sent them (``"0.10"`` is not ``"0.1"``).

    Args:
        bids: ``[price, size]`` pairs, best (highest) first.
        asks: ``[price, size]`` pairs, best (lowest) first.
    """
    return _checksum([f"{row[0]}:{row[1]}" for row in bids[:CHECKSUM_LEVELS]],
                     [f"{row[0]}:{row[1]}" for row in asks[:CHECKSUM_LEVELS]])


def _checksum(bids: List[str], asks: List[str]) -> int:
    """The signed CRC-32 of the best 25 ``"price:size"`` tokens of each side, interleaved."""
    bids, asks = bids[:CHECKSUM_LEVELS], asks[:CHECKSUM_LEVELS]
    nb, na = len(bids), len(asks)
    # Interleave with slice assignments (C loops): bid 0, ask 0, bid 1, ask 1...
    if nb == na:
        parts = bids + asks
        parts[::2] = bids
        parts[1::2] = asks
    else:
        both = min(nb, na)
        parts = bids[:both] + asks[:both]
        parts[::2] = bids[:both]
        parts[1::2] = asks[:both]
        parts += (bids if nb > na else asks)[both:]
    crc = zlib.crc32(":".join(parts).encode())
    return crc - (1 << 32) if crc >= (1 << 31) else crc


#: Sizes that delete a level: "0" (what both exchanges send), "0." and "0.0"... up to 20
#: decimals. Sizes are never parsed: a set lookup is the cheapest test on the hot path.
_ZERO = frozenset(["0", "0."] + ["0." + "0" * n for n in range(1, 21)])


class _Side:
    """One side of a book.

    ``sizes`` maps each price string held to its size: the common update (a new size for a
    level the book holds) is one dict store, with no number parsing and no reordering. The
    numeric order is touched only by inserts and deletes: ``keys`` holds the levels' numeric
    keys sorted best first (the price as a float, negated for bids, so both sides sort
    ascending; distinct decimal prices up to 15 significant digits are distinct floats), and
    ``prices`` the price strings held, in the same order. ``tokens`` (``"price:size"`` in the
    same order) is kept only while Bitget checksums are verified. The containers are emptied
    in place, never replaced: the appliers' hot paths keep references to them.
    """

    __slots__ = ("sizes", "keys", "prices", "tokens", "sign")

    def __init__(self, sign: float):
        self.sizes: Dict[str, str] = {}
        self.keys: List[float] = []
        self.prices: List[str] = []
        self.tokens: Optional[List[str]] = None
        self.sign = sign

    def clear(self) -> None:
        self.sizes.clear()
        self.keys.clear()
        self.prices.clear()
        if self.tokens is not None:
            self.tokens.clear()

    def delete(self, price: Any) -> None:
        """Remove the level at ``price`` (any spelling); an unknown price is ignored."""
        if price.__class__ is not str:
            raise TypeError("price and size must be strings")
        key = float(price) * self.sign
        keys = self.keys
        i = bisect_left(keys, key)
        if i < len(keys) and keys[i] == key:
            del self.sizes[self.prices[i]], keys[i], self.prices[i]
            if self.tokens is not None:
                del self.tokens[i]

    def insert(self, price: Any, size: Any) -> None:
        """Set the level at ``price`` (any spelling; the latest is kept), checking both strings."""
        if price.__class__ is not str or size.__class__ is not str:
            raise TypeError("price and size must be strings")
        key = float(price) * self.sign
        if key != key:  # NaN would break the order
            raise ValueError(f"price {price!r} is not a number")
        keys, prices, tokens = self.keys, self.prices, self.tokens
        i = bisect_left(keys, key)
        if i < len(keys) and keys[i] == key:  # held, under this or another spelling: keep the latest
            del self.sizes[prices[i]]
            prices[i] = price
            if tokens is not None:
                tokens[i] = f"{price}:{size}"
        else:  # a new level
            keys.insert(i, key)
            prices.insert(i, price)
            if tokens is not None:
                tokens.insert(i, f"{price}:{size}")
        self.sizes[price] = size

    def track_tokens(self, on: bool) -> None:
        """Start (built from the levels held) or stop keeping ``tokens``."""
        if not on:
            self.tokens = None
        elif self.tokens is None:
            sizes = self.sizes
            self.tokens = [f"{price}:{sizes[price]}" for price in self.prices]

    def retoken(self, rows: Iterable[Sequence[Any]]) -> None:
        """Refresh ``tokens`` for the levels ``rows`` changed in place (inserts and deletes
        already moved them)."""
        tokens, sizes, keys, sign = self.tokens, self.sizes, self.keys, self.sign
        if tokens is None:
            return
        for row in rows:
            price = row[0]
            size = sizes.get(price)
            if size is not None:
                tokens[bisect_left(keys, float(price) * sign)] = f"{price}:{size}"

    def top(self, n: Optional[int]) -> List[Level]:
        sizes = self.sizes
        prices = self.prices if n is None else self.prices[:n]
        return [(price, sizes[price]) for price in prices]

    def best(self) -> Optional[Level]:
        if not self.prices:
            return None
        price = self.prices[0]
        return price, self.sizes[price]


def _update(bids: _Side, asks: _Side, bid_rows: Iterable[Sequence[Any]], ask_rows: Iterable[Sequence[Any]]) -> None:
    """Apply ``[price, size]`` rows to both sides: a zero size deletes (an unknown price is
    ignored), else insert or replace. The appliers' hot paths inline this loop."""
    row: Any = None
    try:
        for side, rows in ((bids, bid_rows), (asks, ask_rows)):
            sizes = side.sizes
            for row in rows:
                price, size = row
                if size in _ZERO:
                    side.delete(price)
                elif price in sizes and size.__class__ is str:
                    sizes[price] = size
                else:  # a new price, another spelling of a held one, or a malformed size
                    side.insert(price, size)
    except (TypeError, ValueError, IndexError, KeyError) as exc:
        raise BookGap(_malformed(row, exc)) from None


def _malformed(row: Any, exc: Exception) -> str:
    return f"malformed level {row!r}: {exc}"


def _int(value: Any) -> Optional[int]:
    if value.__class__ is int:
        return value
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class OrderBook:
    """A verified local order book for one topic, refreshed automatically when it breaks.

    Obtain one from a stream client (``ws.order_book(...)``); it is kept up to date on the
    client's dispatcher thread. Every accessor is thread-safe. While :attr:`synced` is False
    (before the first snapshot, after a detected gap, after a reconnect) the book is empty.

    Usage::

        book = ws.order_book("BTCUSDT", "linear", depth=50)
        if book.wait_synced(10):
            print(book.best_bid(), book.best_ask())
            copy = book.snapshot()          # a consistent copy for this thread
    """

    def __init__(self, topic: str, symbol: str, ws_key: str, applier: "_Applier"):
        self.topic = topic
        self.symbol = symbol
        self.ws_key = ws_key
        self._applier = applier
        self._on_close: Optional[Callable[[], None]] = None
        # Readers and the writer take the plain lock (cheap); wait_synced waits on the condition.
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._bids = _Side(-1.0)
        self._asks = _Side(1.0)
        self._synced = False
        self._seq: Optional[int] = None  # None whenever the book is unsynced (see _clear)
        self._ts: Any = None  # the last applied message's timestamp as received (parsed when read)
        self._resyncs = 0
        self._messages = 0
        #: Applies one message: the applier's hot path for this book (see _Applier.writer).
        self._apply: Callable[[Mapping[str, Any]], bool] = applier.writer(self)

    # ------------------------------------------------------------------ readers

    def bids(self, n: Optional[int] = None) -> List[Level]:
        """The best ``n`` bids (all when None), highest first, as ``(price, size)`` strings."""
        with self._lock:
            return self._bids.top(n)

    def asks(self, n: Optional[int] = None) -> List[Level]:
        """The best ``n`` asks (all when None), lowest first, as ``(price, size)`` strings."""
        with self._lock:
            return self._asks.top(n)

    def best_bid(self) -> Optional[Level]:
        """The highest bid ``(price, size)``, or None when the book has no bid (or is unsynced)."""
        with self._lock:
            return self._bids.best()

    def best_ask(self) -> Optional[Level]:
        """The lowest ask ``(price, size)``, or None when the book has no ask (or is unsynced)."""
        with self._lock:
            return self._asks.best()

    def snapshot(self, n: Optional[int] = None) -> BookSnapshot:
        """A consistent copy (both sides, ``seq``, ``ts`` and ``synced`` from one moment)."""
        with self._lock:
            return BookSnapshot(self.topic, self.symbol, self._bids.top(n), self._asks.top(n), self._seq,
                                _int(self._ts), self._synced)

    @property
    def synced(self) -> bool:
        """True while the book holds a verified snapshot and every update since."""
        return self._synced

    @property
    def resyncs(self) -> int:
        """How many times the book was found broken (gap, checksum, reconnect) and refreshed."""
        return self._resyncs

    @property
    def seq(self) -> Optional[int]:
        """The sequence of the last applied message (Bybit ``u``, Bitget ``seq``), or None."""
        return self._seq

    @property
    def ts(self) -> Optional[int]:
        """The exchange timestamp (ms) of the last applied message, or None."""
        return _int(self._ts)

    @property
    def messages(self) -> int:
        """How many messages were applied since the book was opened."""
        return self._messages

    def wait_synced(self, timeout: Optional[float] = None) -> bool:
        """Block until the book is synced; False if ``timeout`` seconds passed first."""
        with self._cond:
            return self._cond.wait_for(lambda: self._synced, timeout)

    def close(self) -> None:
        """Stop keeping this book: unsubscribe its topic and empty it (``synced`` becomes False).

        Calling ``order_book(...)`` again later opens a new book. Do not unsubscribe a book's
        topic yourself: the book would stay "synced" with no more updates.
        """
        on_close, self._on_close = self._on_close, None
        self._invalidate()
        if on_close is not None:
            on_close()

    def __repr__(self) -> str:
        state = "synced" if self._synced else "unsynced"
        return f"<OrderBook {self.topic} {state} seq={self._seq} resyncs={self._resyncs}>"

    # ------------------------------------------------------------------ the writer (one thread)

    def _apply_checked(self, msg: Mapping[str, Any]) -> bool:
        """Apply one message through the applier's full checks; True when it changed the book
        (it is then synced). ``_apply`` is this, or a hot path that falls back to it.

        Raises:
            BookGap: the message breaks the book (the book is cleared and unsynced).
        """
        lock = self._lock
        lock.acquire()  # not "with": Lock.__exit__ costs twice acquire/release
        try:
            if not self._applier.apply(self, msg):
                return False
            self._messages += 1
            if not self._synced:
                self._synced = True
                self._cond.notify_all()
            return True
        except BookGap:
            self._clear()
            raise
        finally:
            lock.release()

    def _invalidate(self) -> bool:
        """Empty the book and mark it unsynced; True if it was synced."""
        with self._lock:
            was = self._synced
            self._clear()
            return was

    def _clear(self) -> None:  # under the lock
        self._synced = False
        self._bids.clear()
        self._asks.clear()
        self._seq = None


class _Applier:
    """Checks and applies one exchange's book messages to an :class:`OrderBook` (under its lock).

    ``apply`` returns True when the message changed the book, False when it was skipped (an
    update while unsynced: the refresh's snapshot is awaited), and raises :class:`BookGap`.
    ``writer`` gives a book its ``_apply``: by default ``apply`` under the book's lock.
    """

    def apply(self, book: OrderBook, msg: Mapping[str, Any]) -> bool:
        raise NotImplementedError

    def writer(self, book: OrderBook) -> Callable[[Mapping[str, Any]], bool]:
        """The function that applies ``book``'s messages (under the book's lock).

        A message that :meth:`_chained` accepts (an update that chains to the synced book:
        nearly every message) is applied inline; anything else goes through :meth:`apply`'s
        full checks.
        """
        if not self.hot:
            return book._apply_checked
        acquire, release, checked = book._lock.acquire, book._lock.release, book._apply_checked
        chained = self._chained
        bids, asks = book._bids, book._asks
        bid_sizes, ask_sizes = bids.sizes, asks.sizes

        def apply(msg: Mapping[str, Any]) -> bool:
            # Inlined (the lock, the row loop of _update): every call costs at this rate.
            acquire()
            try:
                try:
                    hit = chained(book, msg)
                except (KeyError, TypeError, ValueError):
                    hit = None
                if hit is not None:
                    bid_rows, ask_rows, seq, ts, checksum = hit
                    row = None
                    try:
                        for side, sizes, rows in ((bids, bid_sizes, bid_rows), (asks, ask_sizes, ask_rows)):
                            for row in rows:
                                price, size = row
                                if size in _ZERO:
                                    side.delete(price)
                                elif price in sizes and size.__class__ is str:
                                    sizes[price] = size
                                else:  # a new price, another spelling of a held one, or a malformed size
                                    side.insert(price, size)
                    except _ROW_ERRORS as exc:
                        book._clear()
                        raise BookGap(_malformed(row, exc)) from None
                    if checksum:
                        bids.retoken(bid_rows)
                        asks.retoken(ask_rows)
                        local = _checksum(bids.tokens, asks.tokens)  # type: ignore[arg-type]
                        if (local - checksum) % (1 << 32):
                            book._clear()
                            raise BookGap(f"checksum mismatch: local {local}, exchange {checksum} (seq {seq})")
                    book._seq, book._ts = seq, ts
                    book._messages += 1
                    return True
            finally:
                release()
            return checked(msg)

        return apply

    #: Whether :meth:`writer` takes the hot path (snapshot-only channels never chain).
    hot = False

    def _chained(self, book: OrderBook, msg: Mapping[str, Any]) -> Optional[Tuple[Any, Any, int, Any, Any]]:
        """``(bid_rows, ask_rows, seq, ts, checksum)`` of an update that chains to the synced
        ``book`` (``checksum`` 0 or None: none to verify), else ``None``; it may raise
        ``KeyError``/``TypeError``/``ValueError`` on an odd message (then ``None`` too)."""
        return None

    @staticmethod
    def _load(book: OrderBook, bids: Any, asks: Any, seq: Optional[int], ts: Any) -> None:
        book._bids.clear()
        book._asks.clear()
        _update(book._bids, book._asks, bids or (), asks or ())
        book._seq, book._ts = seq, ts


#: What a malformed ``[price, size]`` row raises in the row loops.
_ROW_ERRORS = (TypeError, ValueError, IndexError, KeyError)


class BybitApplier(_Applier):
    """Bybit V5 ``orderbook.{depth}.{symbol}`` (bybit.md §4.11).

    A ``snapshot`` replaces the book (``u = 1`` after a service restart, and level 1's re-push
    every 3 s with the same ``u``, are snapshots too). A ``delta`` must carry ``u`` = the last
    ``u`` + 1; anything else (a dropped or reordered message) is a gap.
    """

    def apply(self, book: OrderBook, msg: Mapping[str, Any]) -> bool:
        try:
            data = msg["data"]
            u = data["u"]
            kind = msg["type"]
            if u.__class__ is not int:
                u = _int(u)
            if kind == "delta" and u != 1:
                if not book._synced:
                    return False
                last = book._seq
                if last is None or u != last + 1:
                    raise BookGap(f"update id gap: got u={u} after u={last}" if u is not None and last is not None
                                  else f"cannot chain a delta without update ids (u={u}, last u={last})")
                _update(book._bids, book._asks, data["b"], data["a"])
                book._seq, book._ts = u, msg.get("cts") or msg.get("ts")
                return True
            if kind == "snapshot" or u == 1:
                self._load(book, data["b"], data["a"], u, msg.get("cts") or msg.get("ts"))
                return True
        except (KeyError, TypeError) as exc:
            raise BookGap(f"malformed message: {type(exc).__name__} {exc}") from None
        raise BookGap(f"unknown message type {kind!r}")

    hot = True

    def _chained(self, book: OrderBook, msg: Mapping[str, Any]) -> Optional[Tuple[Any, Any, int, Any, Any]]:
        # A delta whose int u follows the synced book's (book._seq is None while unsynced).
        data = msg["data"]
        u = data["u"]
        if u.__class__ is int and u - 1 == book._seq and u != 1 and msg["type"] == "delta":
            return data["b"], data["a"], u, msg.get("cts") or msg.get("ts"), None
        return None


class _BitgetApplier(_Applier):
    #: The item's bid and ask keys.
    BIDS, ASKS = "bids", "asks"
    #: Whether items may carry a checksum (V2).
    CHECKSUMS = False

    def __init__(self, incremental: bool):
        self.incremental = incremental
        self.hot = incremental  # books1/5/15/50 push snapshots only: nothing chains

    def apply(self, book: OrderBook, msg: Mapping[str, Any]) -> bool:
        items = msg.get("data")
        if items.__class__ is not list or not items:
            raise BookGap("message without data")
        action = msg.get("action")
        applied = False
        try:
            for item in items:
                applied = self._item(book, action, item) or applied
        except (KeyError, TypeError, AttributeError) as exc:
            raise BookGap(f"malformed message: {type(exc).__name__} {exc}") from None
        return applied

    def _item(self, book: OrderBook, action: Any, item: Mapping[str, Any]) -> bool:
        raise NotImplementedError

    @staticmethod
    def _gap(book: OrderBook, seq: Optional[int], pseq: Optional[int]) -> str:
        """Why ``seq``/``pseq`` do not chain to the book: an update's ``pseq`` must be the last
        applied ``seq``; without one, ``seq`` must grow. Empty when they chain."""
        last = book._seq
        if pseq is not None:
            return "" if pseq == last else f"sequence gap: got pseq={pseq} after seq={last}"
        if seq is not None and last is not None and seq <= last:
            return f"out of order: got seq={seq} after seq={last}"
        return ""

    def _chained(self, book: OrderBook, msg: Mapping[str, Any]) -> Optional[Tuple[Any, Any, int, Any, Any]]:
        # One item whose int pseq (not 0: a V3 reset) is the synced book's seq, with an int
        # checksum if and only if the last message had one (V2: the sides' tokens are kept).
        items = msg["data"]
        item, = items
        pseq, seq = item["pseq"], item["seq"]
        checksum: Any = item.get("checksum") if self.CHECKSUMS else None
        if (pseq.__class__ is int and pseq == book._seq and pseq != 0 and seq.__class__ is int
                and items.__class__ is list and msg["action"] == "update"
                and (not checksum if book._bids.tokens is None else checksum.__class__ is int and checksum != 0)):
            return item[self.BIDS], item[self.ASKS], seq, item.get("ts"), checksum
        return None


class BitgetV2Applier(_BitgetApplier):
    """Bitget V2 ``books`` (snapshot, then updates) and ``books1/5/15`` (snapshots).

    When a message carries a non-zero ``checksum`` it is verified after applying (CRC-32 over
    the best 25 levels, bitget.md §4.10). The ``seq``/``pseq`` chain is checked whenever
    ``pseq`` is present. Bitget removed the checksum from Classic pushes in 2026; a ``0`` is
    taken as "no checksum" (a real CRC of 0 is a 1-in-4-billion event).
    """

    CHECKSUMS = True

    def _item(self, book: OrderBook, action: Any, item: Mapping[str, Any]) -> bool:
        seq, pseq, checksum = item.get("seq"), item.get("pseq"), item.get("checksum")
        if seq.__class__ is not int:
            seq = _int(seq)
        if pseq.__class__ is not int:
            pseq = _int(pseq)
        if checksum.__class__ is not int:
            checksum = _int(checksum)
        bids, asks = book._bids, book._asks
        # The sides keep their "price:size" strings in order only while checksums come.
        if (bids.tokens is None) is bool(checksum):
            bids.track_tokens(bool(checksum))
            asks.track_tokens(bool(checksum))
        if action == "update" and self.incremental:
            if not book._synced:
                return False
            if pseq is None or pseq != book._seq:
                gap = self._gap(book, seq, pseq)
                if gap:
                    raise BookGap(gap)
            bid_rows, ask_rows = item["bids"], item["asks"]
            _update(bids, asks, bid_rows, ask_rows)
            book._seq, book._ts = seq, item.get("ts")
            if checksum:
                bids.retoken(bid_rows)
                asks.retoken(ask_rows)
        elif action == "snapshot" or not self.incremental:
            self._load(book, item["bids"], item["asks"], seq, item.get("ts"))
        else:
            raise BookGap(f"unknown action {action!r}")
        if checksum:
            local = _checksum(bids.tokens, asks.tokens)  # type: ignore[arg-type]
            if (local - checksum) % (1 << 32):
                raise BookGap(f"checksum mismatch: local {local}, exchange {checksum} (seq {seq})")
        return True


class BitgetV3Applier(_BitgetApplier):
    """Bitget V3 ``books`` (snapshot, then updates) and ``books1/5/50`` (snapshots).

    V3 books carry no usable checksum (bitget.md §0 item 9): each update's ``pseq`` must equal
    the previous push's ``seq``. A message with ``pseq = 0`` follows a reset on Bitget's side
    and is taken as a fresh snapshot.
    """

    BIDS, ASKS = "b", "a"

    def _item(self, book: OrderBook, action: Any, item: Mapping[str, Any]) -> bool:
        seq, pseq = item.get("seq"), item.get("pseq")
        if seq.__class__ is not int:
            seq = _int(seq)
        if pseq.__class__ is not int:
            pseq = _int(pseq)
        if action == "update" and self.incremental and pseq != 0:
            if not book._synced:
                return False
            if pseq != book._seq or pseq is None:
                raise BookGap("update without pseq" if pseq is None else self._gap(book, seq, pseq))
            _update(book._bids, book._asks, item["b"], item["a"])
            book._seq, book._ts = seq, item.get("ts")
            return True
        if action == "snapshot" or not self.incremental or pseq == 0:
            self._load(book, item["b"], item["a"], seq, item.get("ts"))
            return True
        raise BookGap(f"unknown action {action!r}")


# ---------------------------------------------------------------------- the glue to a client


class _Entry:
    __slots__ = ("book", "subscribe", "unsubscribe", "synced_at", "streak", "due")

    def __init__(self, book: OrderBook, subscribe: Callable[[], Any], unsubscribe: Callable[[], Any]):
        self.book = book
        self.subscribe = subscribe
        self.unsubscribe = unsubscribe
        self.synced_at: Optional[float] = None  # when the book last became synced
        self.streak = 0  # refreshes in a row without a calm spell (synced STABLE_AFTER seconds)
        self.due: Optional[float] = None  # a refresh held back until then


#: A book that stayed synced this long resets the refresh backoff.
STABLE_AFTER = 30.0
#: Refreshes in a row that go out at once; later ones wait 1, 2, 4... seconds, at most
#: MAX_REFRESH_DELAY. A book that keeps breaking must not burn the exchange's subscribe budget
#: (Bitget: 240 subscribe requests an hour per connection).
FREE_REFRESHES = 3
MAX_REFRESH_DELAY = 60.0


class _BookKeeper:
    """The books of one client: routes its ``update`` events, refreshes broken books.

    Registers with the client's public ``on``; each book brings its own subscribe/unsubscribe
    closures. Runs on the client's dispatcher thread (where ``update`` callbacks run), so
    books are written by one thread. ``deliver`` hands ``book``/``resync`` events to the
    client's listeners and event queue right away, in order with the updates; a ``book``
    event nobody would receive (no ``book`` listener, no event queue) is not made at all.
    """

    _attach_lock = threading.Lock()
    clock = staticmethod(time.monotonic)

    def __init__(self, client: Any, route: Callable[[Event], Hashable], deliver: Callable[[Event], None],
                 logger: logging.Logger):
        self._route = route
        self._deliver = deliver
        self._logger = logger
        self._lock = threading.Lock()
        self._books: Dict[Hashable, _Entry] = {}
        self._client = client
        client.on("update", self._on_update)
        client.on("reconnect", self._on_reconnect)

    @classmethod
    def of(cls, client: Any, route: Callable[[Event], Hashable], deliver: Callable[[Event], None],
           logger: logging.Logger) -> "_BookKeeper":
        """The keeper of ``client``, created (and its listeners registered) on first use."""
        with cls._attach_lock:
            keeper: Optional[_BookKeeper] = client.__dict__.get("_bitsdk_books")
            if keeper is None:
                keeper = client.__dict__["_bitsdk_books"] = cls(client, route, deliver, logger)
            return keeper

    def open(self, key: Hashable, make: Callable[[], OrderBook], subscribe: Callable[[], Any],
             unsubscribe: Callable[[], Any]) -> OrderBook:
        """The book for ``key``; a new one is registered, then (re)subscribed.

        Unsubscribing first is a no-op for a new topic, and makes the exchange send a fresh
        snapshot when the caller had already subscribed the topic by hand.
        """
        with self._lock:
            entry = self._books.get(key)
            if entry is not None:
                return entry.book
            entry = self._books[key] = _Entry(make(), subscribe, unsubscribe)
        try:
            unsubscribe()
            subscribe()
        except BaseException:
            with self._lock:
                self._books.pop(key, None)
            raise
        entry.book._on_close = partial(self._close, key)
        return entry.book

    def _close(self, key: Hashable) -> None:
        with self._lock:
            entry = self._books.pop(key, None)
        if entry is not None:
            entry.unsubscribe()

    def _on_update(self, event: Event) -> None:
        books = self._books
        if not books:
            return
        try:
            key = self._route(event)
        except Exception:  # noqa: BLE001 - not a book message
            return
        entry = books.get(key)
        if entry is None:
            return
        book = entry.book
        was_synced = book._synced
        if entry.due is not None and not was_synced and self.clock() >= entry.due:
            # A held-back refresh, driven by the old subscription's own messages.
            entry.due = None
            self._refresh(entry)
        try:
            synced = book._apply(event.data)
        except BookGap as gap:
            self._resync(entry, str(gap), refresh=True)
            return
        except Exception as exc:  # noqa: BLE001 - a malformed message breaks only this book
            book._invalidate()
            self._resync(entry, f"unreadable message ({type(exc).__name__}: {exc})", refresh=True)
            return
        if synced:
            if not was_synced:
                entry.synced_at, entry.due = self.clock(), None
            if self._book_wanted():
                self._deliver(Event("book", event.ws_key, book))

    def _book_wanted(self) -> bool:
        """True when a ``book`` event would reach someone: a ``book`` listener or the event queue.

        Reads the stream client's listener table and queue (read-only); for any other kind of
        client the answer is always True.
        """
        client = self._client
        listeners = getattr(client, "_listeners", None)
        if listeners.__class__ is not dict:
            return True
        return bool(listeners.get("book")) or getattr(client, "_event_queue", None) is not None

    def _on_reconnect(self, event: Event) -> None:
        # The engine resubscribes after the reconnect: its snapshots bring the books back.
        for entry in list(self._books.values()):
            book = entry.book
            if book.ws_key == event.ws_key and book._invalidate():
                self._resync(entry, "connection lost; waiting for the resubscription's snapshot",
                             refresh=False)

    def _resync(self, entry: _Entry, reason: str, refresh: bool) -> None:
        book = entry.book
        with book._lock:
            book._resyncs += 1
        delay = 0.0
        if refresh:
            now = self.clock()
            # Calm: the book had stayed synced a while. A book that never synced is not calm.
            calm = entry.synced_at is not None and now - entry.synced_at >= STABLE_AFTER
            entry.streak = 1 if calm else entry.streak + 1
            if entry.streak > FREE_REFRESHES:
                delay = min(2.0 ** (entry.streak - FREE_REFRESHES - 1), MAX_REFRESH_DELAY)
        self._logger.warning("order book %s out of sync (%s); resync #%d%s", book.topic, reason, book._resyncs,
                             f", resubscribing in {delay:g}s" if delay else "")
        if refresh and delay:
            entry.due = self.clock() + delay
        elif refresh:
            self._refresh(entry)
        self._deliver(Event("resync", book.ws_key, {"topic": book.topic, "reason": reason,
                                                    "resyncs": book._resyncs, "book": book}))

    def _refresh(self, entry: _Entry) -> None:
        """Unsubscribe and subscribe the topic: the exchange answers with a fresh snapshot."""
        try:
            entry.unsubscribe()
            entry.subscribe()
        except Exception as exc:  # noqa: BLE001 - e.g. the client is closing
            self._logger.warning("order book %s: could not resubscribe (%s)", entry.book.topic, exc)


def route_bybit(event: Event) -> Hashable:
    """The book key of a Bybit ``update`` event: ``(ws_key, topic)``."""
    return event.ws_key, event.data.get("topic")


def route_bitget(event: Event) -> Hashable:
    """The book key of a Bitget ``update`` event: ``(ws_key, instType, channel, symbol)``."""
    arg = event.data.get("arg")
    if arg.__class__ is not dict:
        return None
    return event.ws_key, arg.get("instType"), arg.get("channel") or arg.get("topic"), arg.get("instId") or arg.get("symbol")


def open_book(
    client: Any,
    *,
    route: Callable[[Event], Hashable],
    key: Hashable,
    topic: str,
    symbol: str,
    ws_key: str,
    applier: _Applier,
    subscribe: Callable[[], Any],
    unsubscribe: Callable[[], Any],
    deliver: Callable[[Event], None],
    logger: logging.Logger,
) -> OrderBook:
    """Register (once per ``key``) and subscribe a verified book on ``client``."""
    keeper = _BookKeeper.of(client, route, deliver, logger)
    return keeper.open(key, lambda: OrderBook(topic, symbol, ws_key, applier), subscribe, unsubscribe)


def check_symbol(symbol: Any, what: str, surface: str) -> str:
    """A non-empty upper-case symbol, or an error worded like the casing errors of
    :mod:`bitsdk._casing`: ``symbol="btcusdt" is not valid on Bybit V5 streams: the spelling
    is case-sensitive, write symbol="BTCUSDT"``."""
    from .errors import InvalidParameterError

    shown = f'"{symbol[:60]}"' if isinstance(symbol, str) else repr(symbol)[:60]
    head = f"{what}={shown} is not valid on {surface}"
    if not isinstance(symbol, str) or not symbol.strip():
        raise InvalidParameterError(f'{head}: write a symbol such as {what}="BTCUSDT"')
    if symbol != symbol.upper():
        raise InvalidParameterError(f'{head}: the spelling is case-sensitive, write {what}="{symbol.upper()}"')
    return symbol
