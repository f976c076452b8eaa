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

The appliers are pure (messages in, levels out); :class:`_BookKeeper` glues them to a client
with its public ``on``/``subscribe``/``unsubscribe`` only. Books are applied on the client's
dispatcher thread; readers on other threads use :meth:`OrderBook.snapshot` or the accessors,
which take the book's lock.
"""

from __future__ import annotations

import logging
import threading
import time
import zlib
from bisect import bisect_left, insort
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
    bids, asks = bids[:CHECKSUM_LEVELS], asks[:CHECKSUM_LEVELS]
    both = min(len(bids), len(asks))
    parts = [f"{b[0]}:{b[1]}:{a[0]}:{a[1]}" for b, a in zip(bids, asks)]
    parts += [f"{row[0]}:{row[1]}" for row in (bids if len(bids) > both else asks)[both:]]
    crc = zlib.crc32(":".join(parts).encode("utf-8"))
    return crc - (1 << 32) if crc >= (1 << 31) else crc


class _Side:
    """One side of a book: ``{key: (price, size)}`` plus the keys sorted best first.

    Keys are the price as a float, negated for bids, so both sides sort ascending. Distinct
    decimal prices up to 15 significant digits map to distinct floats.
    """

    __slots__ = ("levels", "keys", "sign")

    def __init__(self, sign: float):
        self.levels: Dict[float, Level] = {}
        self.keys: List[float] = []
        self.sign = sign

    def clear(self) -> None:
        self.levels = {}
        self.keys = []

    def load(self, rows: Iterable[Sequence[Any]]) -> None:
        """Replace the side with ``rows`` (a snapshot)."""
        self.levels, self.keys = {}, []
        self.update(rows)

    def update(self, rows: Iterable[Sequence[Any]]) -> None:
        """Apply ``[price, size]`` rows: size 0 deletes (an unknown price is ignored), else
        insert/replace. Hot path: parsing is inlined."""
        levels, keys, sign = self.levels, self.keys, self.sign
        row: Any = None
        try:
            for row in rows:
                price = row[0]
                size = row[1]
                if price.__class__ is not str or size.__class__ is not str:
                    raise TypeError("price and size must be strings")
                key = float(price) * sign
                if size == "0" or float(size) == 0:
                    if levels.pop(key, None) is not None:
                        del keys[bisect_left(keys, key)]
                else:
                    if key not in levels:
                        insort(keys, key)
                    levels[key] = (price, size)
        except (TypeError, ValueError, IndexError, KeyError) as exc:
            raise BookGap(f"malformed level {row!r}: {exc}") from None

    def top(self, n: Optional[int]) -> List[Level]:
        levels = self.levels
        keys = self.keys if n is None else self.keys[:n]
        return [levels[k] for k in keys]


def _int(value: Any) -> Optional[int]:
    if value.__class__ is int:
        return value  # type: ignore[no-any-return]
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
        self._seq: Optional[int] = None
        self._ts: Optional[int] = None
        self._resyncs = 0
        self._messages = 0

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
            side = self._bids
            return side.levels[side.keys[0]] if side.keys else None

    def best_ask(self) -> Optional[Level]:
        """The lowest ask ``(price, size)``, or None when the book has no ask (or is unsynced)."""
        with self._lock:
            side = self._asks
            return side.levels[side.keys[0]] if side.keys else None

    def snapshot(self, n: Optional[int] = None) -> BookSnapshot:
        """A consistent copy (both sides, ``seq``, ``ts`` and ``synced`` from one moment)."""
        with self._lock:
            return BookSnapshot(self.topic, self.symbol, self._bids.top(n), self._asks.top(n), self._seq, self._ts, self._synced)

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
        return self._ts

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

    def _apply(self, msg: Mapping[str, Any]) -> bool:
        """Apply one message; True when it changed the book (it is then synced).

        Raises:
            BookGap: the message breaks the book (the book is cleared and unsynced).
        """
        try:
            with self._lock:
                applied = self._applier.apply(self, msg)
                if applied:
                    self._messages += 1
                    if not self._synced:
                        self._synced = True
                        self._cond.notify_all()
                return applied
        except BookGap:
            self._invalidate()
            raise

    def _invalidate(self) -> bool:
        """Empty the book and mark it unsynced; True if it was synced."""
        with self._lock:
            was = self._synced
            self._synced = False
            self._bids.clear()
            self._asks.clear()
            self._seq = None
            return was


class _Applier:
    """Checks and applies one exchange's book messages to an :class:`OrderBook` (under its lock).

    ``apply`` returns True when the message changed the book, False when it was skipped (an
    update while unsynced: the refresh's snapshot is awaited), and raises :class:`BookGap`.
    """

    def apply(self, book: OrderBook, msg: Mapping[str, Any]) -> bool:
        raise NotImplementedError

    @staticmethod
    def _load(book: OrderBook, bids: Any, asks: Any, seq: Optional[int], ts: Any) -> None:
        book._bids.load(bids or ())
        book._asks.load(asks or ())
        book._seq, book._ts = seq, _int(ts)

    @staticmethod
    def _update(book: OrderBook, bids: Any, asks: Any, seq: Optional[int], ts: Any) -> None:
        book._bids.update(bids or ())
        book._asks.update(asks or ())
        book._seq, book._ts = seq, _int(ts)


class BybitApplier(_Applier):
    """Bybit V5 ``orderbook.{depth}.{symbol}`` (bybit.md §4.11).

    A ``snapshot`` replaces the book (``u = 1`` after a service restart, and level 1's re-push
    every 3 s with the same ``u``, are snapshots too). A ``delta`` must carry ``u`` = the last
    ``u`` + 1; anything else (a dropped or reordered message) is a gap.
    """

    def apply(self, book: OrderBook, msg: Mapping[str, Any]) -> bool:
        data = msg.get("data")
        if data.__class__ is not dict:
            raise BookGap("message without a data object")
        u = _int(data.get("u"))
        ts = msg.get("cts", msg.get("ts"))
        kind = msg.get("type")
        if kind == "snapshot" or u == 1:
            self._load(book, data.get("b"), data.get("a"), u, ts)
            return True
        if kind != "delta":
            raise BookGap(f"unknown message type {kind!r}")
        if not book._synced:
            return False
        last = book._seq
        if u is None or last is None:
            raise BookGap(f"cannot chain a delta without update ids (u={u}, last u={last})")
        if u != last + 1:
            raise BookGap(f"update id gap: got u={u} after u={last}")
        self._update(book, data.get("b"), data.get("a"), u, ts)
        return True


class _BitgetApplier(_Applier):
    def __init__(self, incremental: bool):
        self.incremental = incremental

    def apply(self, book: OrderBook, msg: Mapping[str, Any]) -> bool:
        items = msg.get("data")
        if not isinstance(items, list) or not items:
            raise BookGap("message without data")
        action = msg.get("action")
        applied = False
        for item in items:
            if item.__class__ is not dict:
                raise BookGap("data item is not an object")
            applied = self._item(book, action, item) or applied
        return applied

    def _item(self, book: OrderBook, action: Any, item: Mapping[str, Any]) -> bool:
        raise NotImplementedError

    def _chain(self, book: OrderBook, seq: Optional[int], pseq: Optional[int]) -> None:
        """An update's ``pseq`` must be the last applied ``seq``; without one, ``seq`` must grow."""
        last = book._seq
        if pseq is not None:
            if pseq != last:
                raise BookGap(f"sequence gap: got pseq={pseq} after seq={last}")
        elif seq is not None and last is not None and seq <= last:
            raise BookGap(f"out of order: got seq={seq} after seq={last}")


class BitgetV2Applier(_BitgetApplier):
    """Bitget V2 ``books`` (snapshot, then updates) and ``books1/5/15`` (snapshots).

    When a message carries a non-zero ``checksum`` it is verified after applying (CRC-32 over
    the best 25 levels, bitget.md §4.10). The ``seq``/``pseq`` chain is checked whenever
    ``pseq`` is present. Bitget removed the checksum from Classic pushes in 2026; a ``0`` is
    taken as "no checksum" (a real CRC of 0 is a 1-in-4-billion event).
    """

    def _item(self, book: OrderBook, action: Any, item: Mapping[str, Any]) -> bool:
        seq, pseq = _int(item.get("seq")), _int(item.get("pseq"))
        bids, asks, ts = item.get("bids"), item.get("asks"), item.get("ts")
        if action == "snapshot" or not self.incremental:
            self._load(book, bids, asks, seq, ts)
        elif action == "update":
            if not book._synced:
                return False
            self._chain(book, seq, pseq)
            self._update(book, bids, asks, seq, ts)
        else:
            raise BookGap(f"unknown action {action!r}")
        checksum = _int(item.get("checksum"))
        if checksum:
            local = bitget_checksum(book._bids.top(CHECKSUM_LEVELS), book._asks.top(CHECKSUM_LEVELS))
            if (local - checksum) % (1 << 32):
                raise BookGap(f"checksum mismatch: local {local}, exchange {checksum} (seq {seq})")
        return True


class BitgetV3Applier(_BitgetApplier):
    """Bitget V3 ``books`` (snapshot, then updates) and ``books1/5/50`` (snapshots).

    V3 books carry no usable checksum (bitget.md §0 item 9): each update's ``pseq`` must equal
    the previous push's ``seq``. A message with ``pseq = 0`` follows a reset on Bitget's side
    and is taken as a fresh snapshot.
    """

    def _item(self, book: OrderBook, action: Any, item: Mapping[str, Any]) -> bool:
        seq, pseq = _int(item.get("seq")), _int(item.get("pseq"))
        bids, asks, ts = item.get("b"), item.get("a"), item.get("ts")
        if action == "snapshot" or not self.incremental or pseq == 0:
            self._load(book, bids, asks, seq, ts)
            return True
        if action != "update":
            raise BookGap(f"unknown action {action!r}")
        if not book._synced:
            return False
        if pseq is None:
            raise BookGap("update without pseq")
        self._chain(book, seq, pseq)
        self._update(book, bids, asks, seq, ts)
        return True


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

    Uses only the client's public ``on``; each book brings its own subscribe/unsubscribe
    closures. Runs on the client's dispatcher thread (where ``update`` callbacks run), so
    books are written by one thread. ``deliver`` hands ``book``/``resync`` events to the
    client's listeners and event queue right away, in order with the updates.
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
        client.on("update", self._on_update)
        client.on("reconnect", self._on_reconnect)

    @classmethod
    def of(cls, client: Any, route: Callable[[Event], Hashable], deliver: Callable[[Event], None],
           logger: logging.Logger) -> "_BookKeeper":
        """The keeper of ``client``, created (and its listeners registered) on first use."""
        with cls._attach_lock:
            keeper = client.__dict__.get("_bitsdk_books")
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
            self._deliver(Event("book", event.ws_key, book))

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


def check_symbol(symbol: Any, what: str) -> str:
    """A non-empty upper-case symbol, or a clear error saying how to write it."""
    from .errors import InvalidParameterError

    if not isinstance(symbol, str) or not symbol.strip():
        raise InvalidParameterError(f"{what} must be a symbol such as 'BTCUSDT'; got {symbol!r}")
    if symbol != symbol.upper():
        raise InvalidParameterError(f"{what} is upper-case: write {symbol.upper()!r}, not {symbol!r}")
    return symbol
