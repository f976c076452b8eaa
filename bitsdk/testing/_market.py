"""Synthetic market data: instruments, order books, trades, tickers and candles.

Prices sit on a tick grid around each symbol's mid price, with a few gaps near the top. Every
tick changes the sizes of a few top levels (so every depth sees deltas), often removes one
level and adds a new price in a gap near the top (so local books see deletes and inserts, and
levels entering or leaving a depth-limited view), and prints one trade. Nothing here is random
in a way that matters to tests: the book's best bid and ask only move when the test calls
:meth:`Market.set_mid`.
"""

from __future__ import annotations

import math
import random
import re
import zlib
from bisect import bisect_left, insort
from collections import deque
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Any, Deque, Dict, Iterable, List, Mapping, Optional, Set, Tuple, Union

from ._common import new_id, now_ms

DEFAULT_SYMBOLS: Dict[str, Decimal] = {
    "BTCUSDT": Decimal("60000"),
    "ETHUSDT": Decimal("3000"),
    "SOLUSDT": Decimal("150"),
}
_FALLBACK_MIDS = {"BTC": "60000", "ETH": "3000", "SOL": "150", "XRP": "0.5", "DOGE": "0.1"}
QUOTES = ("USDT", "USDC", "USD")
LEVELS = 200  # price levels per side
TOP_CHANGED = 5  # each tick changes sizes among this many top levels
CHURN_SPAN = 60  # levels come and go between 1 and this many ticks from the best price
GAPS = 20  # empty grid prices within CHURN_SPAN (a new level fills one, a removed level leaves one)
CHURN_CHANCE = 0.6  # the chance that a tick removes one level and adds one, per side

Level = Tuple[Decimal, Decimal]
SymbolsArg = Union[None, Iterable[str], Mapping[str, Union[str, float, int, Decimal]]]


def split_symbol(symbol: str) -> Tuple[str, str]:
    """``BTCUSDT`` -> (``BTC``, ``USDT``)."""
    for quote in QUOTES:
        if symbol.endswith(quote) and len(symbol) > len(quote):
            return symbol[: -len(quote)], quote
    return symbol, "USDT"


def _tick_for(mid: Decimal) -> Decimal:
    if mid >= 1000:
        return Decimal("0.1")
    if mid >= 10:
        return Decimal("0.01")
    if mid >= 1:
        return Decimal("0.001")
    return Decimal("0.0001")


def _step_for(mid: Decimal) -> Decimal:
    if mid >= 10000:
        return Decimal("0.001")
    if mid >= 100:
        return Decimal("0.01")
    if mid >= 1:
        return Decimal("0.1")
    return Decimal("1")


@dataclass
class Instrument:
    """A tradable (or data-only) instrument.

    ``product`` is ``spot`` or ``perp`` (USDT-margined linear perpetual) for tradable
    instruments, and ``inverse``, ``option`` or ``spread`` for data-only ones.
    """

    symbol: str
    product: str
    base: str
    quote: str
    tick: Decimal
    qty_step: Decimal
    min_qty: Decimal
    launch_ms: int

    def on_tick(self, price: Decimal) -> bool:
        return price > 0 and price % self.tick == 0

    def on_step(self, qty: Decimal) -> bool:
        return qty > 0 and qty % self.qty_step == 0

    def round_qty(self, qty: Decimal) -> Decimal:
        return (qty / self.qty_step).to_integral_value(ROUND_DOWN) * self.qty_step


@dataclass
class Trade:
    """One public trade."""

    trade_id: str
    price: Decimal
    size: Decimal
    side: str  # taker side: "buy" / "sell"
    ts: int


class Book:
    """An order book on a tick grid: sizes change each tick, levels near the top come and go.

    ``bids``/``asks`` map price to size; the best bid and ask never change between
    :meth:`recentre` calls. The number of levels per side stays :data:`LEVELS`.
    """

    def __init__(self, inst: Instrument, mid: Decimal, rng: random.Random) -> None:
        self.inst = inst
        self._rng = rng
        # Which levels come and go has its own generator: the shared one's draws stay as they were.
        self._churn = random.Random(f"{inst.product}/{inst.symbol}")
        self.seq = 1  # update id (Bybit ``u``, Bitget ``seq``)
        self.cross_seq = rng.randint(10_000_000, 90_000_000)  # Bybit ``seq``
        self.ts = now_ms()
        self.epoch = 0  # bumped by recentre(): subscribers then need a fresh snapshot
        self.recentre(mid)

    def recentre(self, mid: Decimal) -> None:
        """Rebuild the book around ``mid`` (best bid one tick below, best ask one tick above)."""
        tick = self.inst.tick
        centre = (mid / tick).to_integral_value() * tick
        self.best_bid = centre - tick
        self.best_ask = centre + tick
        self.bids: Dict[Decimal, Decimal] = {}
        self.asks: Dict[Decimal, Decimal] = {}
        self._gaps: Dict[str, List[int]] = {}  # per side: empty offsets (in ticks from the best) in the span
        self._held: Dict[str, List[int]] = {}  # per side: the span's offsets that hold a level
        for side in ("b", "a"):
            self._gaps[side] = self._churn.sample(range(1, CHURN_SPAN), GAPS)
            self._held[side] = [i for i in range(1, CHURN_SPAN) if i not in self._gaps[side]]
        for i in range(LEVELS + GAPS):
            if i not in self._gaps["b"]:
                self.bids[self.best_bid - tick * i] = self._size(i)
            if i not in self._gaps["a"]:
                self.asks[self.best_ask + tick * i] = self._size(i)
        # Prices ascending, per side: the best bid is the last, the best ask the first.
        self._sorted = {"b": sorted(self.bids), "a": sorted(self.asks)}
        self._before: Dict[str, Optional[List[Decimal]]] = {"b": None, "a": None}  # prices before a churn
        self._gone: Dict[str, Decimal] = {}  # the price a churn removed
        self._changed: Dict[str, Set[Decimal]] = {"b": set(), "a": set()}  # prices set this tick
        self.seq += 1
        self.epoch += 1
        self.ts = now_ms()

    def _size(self, level: int, rng: Optional[random.Random] = None) -> Decimal:
        base = self.inst.qty_step * (rng or self._rng).randint(10, 400) * (1 + level // 20)
        return base.normalize()

    @property
    def mid(self) -> Decimal:
        return (self.best_bid + self.best_ask) / 2

    @staticmethod
    def _view(side: str, prices: List[Decimal], depth: int) -> List[Decimal]:
        """The best ``depth`` of ``prices`` (ascending), best first."""
        return prices[:-depth - 1:-1] if side == "b" else prices[:depth]

    @staticmethod
    def _rank(side: str, prices: List[Decimal], price: Decimal) -> int:
        """``price``'s place from the best (0) in ``prices`` (ascending)."""
        i = bisect_left(prices, price)
        return len(prices) - 1 - i if side == "b" else i

    @staticmethod
    def _nth(side: str, prices: List[Decimal], n: int) -> Optional[Decimal]:
        """The ``n``-th best (0 = best) of ``prices`` (ascending), or None."""
        if n >= len(prices):
            return None
        return prices[len(prices) - 1 - n] if side == "b" else prices[n]

    def levels(self, depth: int) -> Tuple[List[Level], List[Level]]:
        """Top ``depth`` bids (descending) and asks (ascending)."""
        bids = [(p, self.bids[p]) for p in self._view("b", self._sorted["b"], depth)]
        asks = [(p, self.asks[p]) for p in self._view("a", self._sorted["a"], depth)]
        return bids, asks

    def step(self) -> None:
        """One tick: new sizes for a few top levels; often one level removed and a new one added.

        The best levels stay. What changed is kept for :meth:`changes_within`.
        """
        tick, rng, churn = self.inst.tick, self._rng, self._churn
        for side, book, best, sign in (("b", self.bids, self.best_bid, -1), ("a", self.asks, self.best_ask, 1)):
            prices = self._sorted[side]
            changed = self._changed[side] = set()
            top = self._view(side, prices, TOP_CHANGED)
            for level in sorted(rng.sample(range(TOP_CHANGED), 2)):
                book[top[level]] = self._size(level)
                changed.add(top[level])
            self._before[side] = None
            if churn.random() < CHURN_CHANCE:
                # Swap a held offset and an empty one of the span: a level goes, a new price comes.
                held, gaps = self._held[side], self._gaps[side]
                i, j = churn.randrange(len(held)), churn.randrange(len(gaps))
                gone, new = held[i], gaps[j]
                held[i], gaps[j] = new, gone
                self._before[side] = prices[:]
                gone_price, new_price = best + sign * tick * gone, best + sign * tick * new
                self._gone[side] = gone_price
                del book[gone_price]
                del prices[bisect_left(prices, gone_price)]
                changed.discard(gone_price)
                book[new_price] = self._size(new, churn)
                insort(prices, new_price)
                changed.add(new_price)
        self.seq += 1
        self.cross_seq += rng.randint(1, 50)
        self.ts = now_ms()

    def changes_within(self, depth: int) -> Tuple[List[Level], List[Level]]:
        """What this tick changed in the top ``depth`` levels, best first, as an exchange's
        depth-limited delta: the levels set, size 0 for a level removed or pushed out of the top
        ``depth``, and the level that came into it."""
        out = []
        for side, book in (("b", self.bids), ("a", self.asks)):
            prices, before = self._sorted[side], self._before[side]
            rows = {p: book[p] for p in self._changed[side] if self._rank(side, prices, p) < depth}
            if before is not None:
                # One level went and one came: the edge of the view moved by one level at most.
                gone = self._gone[side]
                if self._rank(side, before, gone) < depth:
                    rows[gone] = Decimal(0)
                last_now, last_before = self._nth(side, prices, depth - 1), self._nth(side, before, depth - 1)
                if last_now is not None and last_now not in rows and self._rank(side, before, last_now) >= depth:
                    rows[last_now] = book[last_now]  # came into the view
                if last_before is not None and last_before in book and self._rank(side, prices, last_before) >= depth:
                    rows[last_before] = Decimal(0)  # pushed out of the view
            out.append(sorted(rows.items(), reverse=side == "b"))
        return out[0], out[1]


@dataclass
class Stats:
    """Rolling ticker statistics of one instrument."""

    last: Decimal
    open24h: Decimal
    high24h: Decimal
    low24h: Decimal
    volume24h: Decimal
    turnover24h: Decimal
    trades: Deque[Trade] = field(default_factory=lambda: deque(maxlen=500))
    new_trades: List[Trade] = field(default_factory=list)


_OPTION_RE = re.compile(r"^([A-Z0-9]+)-(\d{1,2}[A-Z]{3}\d{2})-(\d+)-([CP])(-[A-Z]+)?$")


class Market:
    """All instruments, books and statistics of the loopback exchange (guarded by the engine lock)."""

    def __init__(self, symbols: SymbolsArg = None, seed: Optional[int] = None) -> None:
        self._rng = random.Random(seed if seed is not None else 20240601)
        self.mids: Dict[str, Decimal] = {}
        for symbol, mid in _normalise_symbols(symbols).items():
            self.mids[symbol] = mid
        self.instruments: Dict[Tuple[str, str], Instrument] = {}
        self.books: Dict[Tuple[str, str], Book] = {}
        self.stats: Dict[Tuple[str, str], Stats] = {}
        self.base_mids: Dict[str, Decimal] = {}
        for symbol, mid in self.mids.items():
            self.base_mids.setdefault(split_symbol(symbol)[0], mid)
            for product in ("spot", "perp"):
                self._add(product, symbol, mid)

    # --- instruments ----------------------------------------------------------------------

    def _add(self, product: str, symbol: str, mid: Decimal, base: str = "", quote: str = "") -> Instrument:
        if not base:
            base, quote = split_symbol(symbol)
        step = _step_for(mid)
        inst = Instrument(symbol, product, base, quote, _tick_for(mid), step, step, 1_600_000_000_000)
        key = (product, symbol)
        self.instruments[key] = inst
        self.books[key] = Book(inst, mid, self._rng)
        self.stats[key] = Stats(
            last=self.books[key].best_ask,
            open24h=(mid * Decimal("0.98")).quantize(inst.tick),
            high24h=(mid * Decimal("1.01")).quantize(inst.tick),
            low24h=(mid * Decimal("0.975")).quantize(inst.tick),
            volume24h=(Decimal(12345) * inst.qty_step * 100).normalize(),
            turnover24h=(Decimal(12345) * inst.qty_step * 100 * mid).quantize(Decimal("0.0001")),
        )
        return inst

    def listed(self, product: str) -> List[Instrument]:
        """Instruments of one product, in configuration order."""
        return [inst for (prod, _), inst in self.instruments.items() if prod == product]

    def resolve(self, product: str, symbol: str) -> Optional[Instrument]:
        """Find an instrument; data-only products are created on first use from a known base coin."""
        inst = self.instruments.get((product, symbol))
        if inst is not None or product in ("spot", "perp"):
            return inst
        if product == "inverse":
            base, quote = split_symbol(symbol)
            if quote == "USD" and base in self.base_mids:
                return self._add(product, symbol, self.base_mids[base])
        elif product == "option":
            match = _OPTION_RE.match(symbol)
            if symbol in self.base_mids:  # option trades stream per base coin
                return self._add(product, symbol, self.base_mids[symbol] * Decimal("0.02"), symbol, "USDC")
            if match and match.group(1) in self.base_mids:
                mid = max(self.base_mids[match.group(1)] * Decimal("0.02"), Decimal(5))
                return self._add(product, symbol, mid, match.group(1), "USDC")
        elif product == "spread":
            leg = symbol.split("_")[0]
            base, _ = split_symbol(leg)
            if "_" in symbol and base in self.base_mids:
                return self._add(product, symbol, max(self.base_mids[base] * Decimal("0.001"), Decimal(1)))
        return None

    # --- state ----------------------------------------------------------------------------

    def book(self, inst: Instrument) -> Book:
        return self.books[(inst.product, inst.symbol)]

    def stat(self, inst: Instrument) -> Stats:
        return self.stats[(inst.product, inst.symbol)]

    def mark_price(self, inst: Instrument) -> Decimal:
        """Mark/index price: the book mid."""
        return self.book(inst).mid

    def set_mid(self, symbol: str, mid: Decimal) -> List[Instrument]:
        """Move every instrument of ``symbol`` to a new mid price; return the instruments moved."""
        moved = []
        for product in ("spot", "perp"):
            inst = self.instruments.get((product, symbol))
            if inst is not None:
                self.books[(product, symbol)].recentre(mid)
                self.stats[(product, symbol)].last = self.books[(product, symbol)].best_ask
                moved.append(inst)
        return moved

    def step(self) -> None:
        """One market tick: book deltas and one public trade per instrument."""
        now = now_ms()
        for key, book in self.books.items():
            book.step()
            stat = self.stats[key]
            side = "buy" if self._rng.random() < 0.5 else "sell"
            price = book.best_ask if side == "buy" else book.best_bid
            size = book.inst.qty_step * self._rng.randint(1, 50)
            trade = Trade(new_id(), price, size.normalize(), side, now)
            stat.last = price
            stat.high24h = max(stat.high24h, price)
            stat.low24h = min(stat.low24h, price)
            stat.volume24h += trade.size
            stat.turnover24h += trade.size * price
            stat.trades.append(trade)
            stat.new_trades = [trade]

    def recent_trades(self, inst: Instrument, limit: int) -> List[Trade]:
        """Newest first; synthesised when the market has not ticked yet."""
        stat = self.stat(inst)
        trades = list(stat.trades)[-limit:][::-1]
        if not trades:
            book = self.book(inst)
            trades = [Trade(new_id(), book.best_ask, inst.qty_step, "buy", now_ms())]
        return trades

    def candles(self, inst: Instrument, interval_ms: int, limit: int,
                end_ms: Optional[int] = None) -> List[Tuple[Any, ...]]:
        """Synthetic OHLCV candles, oldest first, the last one open and closing at the last price.

        Each row is ``(start_ms, open, high, low, close, volume, turnover)`` (Decimals). The history
        is a deterministic wave around the current mid, so repeated calls agree.
        """
        end = end_ms if end_ms is not None else now_ms()
        current = end - end % interval_ms
        mid = self.book(inst).mid
        tick = inst.tick
        rows = []
        for i in range(limit - 1, -1, -1):
            start = current - i * interval_ms
            open_ = self._wave(inst, mid, start, interval_ms)
            close = self.stat(inst).last if i == 0 else self._wave(inst, mid, start + interval_ms, interval_ms)
            noise = Decimal(zlib.crc32(("%s%d" % (inst.symbol, start)).encode()) % 1000) / 1_000_000
            high = (max(open_, close) * (1 + noise)).quantize(tick)
            low = (min(open_, close) * (1 - noise)).quantize(tick)
            volume = inst.qty_step * (100 + zlib.crc32(str(start).encode()) % 5000)
            rows.append((start, open_, high, low, close, volume.normalize(), (volume * close).quantize(Decimal("0.0001"))))
        return rows

    @staticmethod
    def _wave(inst: Instrument, mid: Decimal, t: int, interval_ms: int) -> Decimal:
        phase = (t // interval_ms) % 97
        factor = Decimal(str(round(0.004 * math.sin(phase / 7.0), 6)))
        return (mid * (1 + factor)).quantize(inst.tick)


def _normalise_symbols(symbols: SymbolsArg) -> Dict[str, Decimal]:
    if symbols is None:
        return dict(DEFAULT_SYMBOLS)
    if isinstance(symbols, Mapping):
        return {str(sym).upper(): Decimal(str(mid)) for sym, mid in symbols.items()}
    result = {}
    for sym in symbols:
        sym = str(sym).upper()
        base = split_symbol(sym)[0]
        result[sym] = DEFAULT_SYMBOLS.get(sym, Decimal(_FALLBACK_MIDS.get(base, "100")))
    return result


INTERVAL_MS = {
    # shared parsing of interval labels used by both exchanges
    "1": 60_000, "3": 180_000, "5": 300_000, "15": 900_000, "30": 1_800_000, "60": 3_600_000,
    "120": 7_200_000, "240": 14_400_000, "360": 21_600_000, "720": 43_200_000,
    "D": 86_400_000, "W": 604_800_000, "M": 2_592_000_000,
    "1m": 60_000, "3m": 180_000, "5m": 300_000, "15m": 900_000, "30m": 1_800_000,
    "1H": 3_600_000, "2H": 7_200_000, "4H": 14_400_000, "6H": 21_600_000, "12H": 43_200_000,
    "1D": 86_400_000, "3D": 259_200_000, "1W": 604_800_000, "1M": 2_592_000_000,
    "6Hutc": 21_600_000, "12Hutc": 43_200_000, "1Dutc": 86_400_000, "3Dutc": 259_200_000,
    "1Wutc": 604_800_000, "1Mutc": 2_592_000_000,
    "1min": 60_000, "5min": 300_000, "15min": 900_000, "30min": 1_800_000, "1h": 3_600_000,
    "4h": 14_400_000, "6h": 21_600_000, "12h": 43_200_000, "1day": 86_400_000,
    "3day": 259_200_000, "1week": 604_800_000,
}
