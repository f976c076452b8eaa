"""Synthetic market data: instruments, order books, trades, tickers and candles.

Prices sit on a fixed grid around each symbol's mid price; every tick changes the sizes of a
few top levels (so every depth sees deltas) and prints one trade. Nothing here is random in a
way that matters to tests: the book's best bid and ask only move when the test calls
:meth:`Market.set_mid`.
"""

from __future__ import annotations

import math
import random
import re
import zlib
from collections import deque
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Any, Deque, Dict, Iterable, List, Mapping, Optional, Tuple, Union

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
    """Order book on a fixed price grid; sizes change each tick."""

    def __init__(self, inst: Instrument, mid: Decimal, rng: random.Random) -> None:
        self.inst = inst
        self._rng = rng
        self.seq = 1  # update id (Bybit ``u``, Bitget ``seq``)
        self.cross_seq = rng.randint(10_000_000, 90_000_000)  # Bybit ``seq``
        self.ts = now_ms()
        self.last_changes: Dict[str, List[Level]] = {"b": [], "a": []}
        self.epoch = 0  # bumped by recentre(): subscribers then need a fresh snapshot
        self.recentre(mid)

    def recentre(self, mid: Decimal) -> None:
        """Rebuild the grid around ``mid`` (best bid one tick below, best ask one tick above)."""
        tick = self.inst.tick
        centre = (mid / tick).to_integral_value() * tick
        self.best_bid = centre - tick
        self.best_ask = centre + tick
        self.bids: Dict[Decimal, Decimal] = {}
        self.asks: Dict[Decimal, Decimal] = {}
        for i in range(LEVELS):
            self.bids[self.best_bid - tick * i] = self._size(i)
            self.asks[self.best_ask + tick * i] = self._size(i)
        self.seq += 1
        self.epoch += 1
        self.ts = now_ms()
        self.last_changes = {"b": [], "a": []}

    def _size(self, level: int) -> Decimal:
        base = self.inst.qty_step * self._rng.randint(10, 400) * (1 + level // 20)
        return base.normalize()

    @property
    def mid(self) -> Decimal:
        return (self.best_bid + self.best_ask) / 2

    def levels(self, depth: int) -> Tuple[List[Level], List[Level]]:
        """Top ``depth`` bids (descending) and asks (ascending)."""
        tick = self.inst.tick
        depth = min(depth, LEVELS)
        bids = [(self.best_bid - tick * i, self.bids[self.best_bid - tick * i]) for i in range(depth)]
        asks = [(self.best_ask + tick * i, self.asks[self.best_ask + tick * i]) for i in range(depth)]
        return bids, asks

    def step(self) -> None:
        """Change a few top-level sizes; remember them as this tick's delta."""
        tick = self.inst.tick
        changes: Dict[str, List[Level]] = {"b": [], "a": []}
        for side, book, best, sign in (("b", self.bids, self.best_bid, -1), ("a", self.asks, self.best_ask, 1)):
            for level in sorted(self._rng.sample(range(TOP_CHANGED), 2)):
                price = best + sign * tick * level
                size = self._size(level)
                book[price] = size
                changes[side].append((price, size))
        self.last_changes = changes
        self.seq += 1
        self.cross_seq += self._rng.randint(1, 50)
        self.ts = now_ms()

    def changes_within(self, depth: int) -> Tuple[List[Level], List[Level]]:
        """This tick's changed levels that fall inside the top ``depth`` levels."""
        tick = self.inst.tick
        bids = [lv for lv in self.last_changes["b"] if (self.best_bid - lv[0]) / tick < depth]
        asks = [lv for lv in self.last_changes["a"] if (lv[0] - self.best_ask) / tick < depth]
        return bids, asks


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
