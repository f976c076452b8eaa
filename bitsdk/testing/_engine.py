"""Accounts, orders and a small matching engine over the synthetic books.

One ``threading.RLock`` (``Engine.lock``) guards the market, every account and the loopback
exchange's connection registry. Marketable orders fill in full at the best opposite price;
other limit orders rest until cancelled, amended into the market, or crossed by
:meth:`Engine.set_price`. Every change is reported to the listener as an event
(``order``, ``fill``, ``position``, ``balance``) while the lock is held, so events reach the
private streams in the order they happened.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Dict, List, Optional, Tuple

from ._common import ZERO, new_id, now_ms
from ._market import Instrument, Market

FEES = {  # product -> (maker, taker)
    "spot": (Decimal("0.001"), Decimal("0.001")),
    "perp": (Decimal("0.0002"), Decimal("0.00055")),
}
DEFAULT_LEVERAGE = Decimal(10)
FEE_QUANTUM = Decimal("0.00000001")
OPEN_STATUSES = ("new", "partially_filled")


class EngineError(Exception):
    """A rejected request. ``kind`` is exchange-neutral; each flavour maps it to its own code."""

    def __init__(self, kind: str, message: str = "") -> None:
        super().__init__(message or kind)
        self.kind = kind
        self.message = message or kind


@dataclass
class OrderRequest:
    """An order as the flavours decode it from REST or WebSocket API parameters."""

    category: str  # the exchange's own category label, echoed back
    product: str  # "spot" or "perp"
    symbol: str
    side: str  # "buy" / "sell"
    order_type: str  # "limit" / "market"
    qty: Decimal
    price: Optional[Decimal] = None
    tif: str = "gtc"  # gtc / ioc / fok / post_only
    reduce_only: bool = False
    client_id: str = ""
    quote_qty: bool = False  # spot market buy sized in quote coin
    pos_side: str = ""
    extra: Dict[str, object] = field(default_factory=dict)


@dataclass
class Order:
    """An order and its current state."""

    order_id: str
    client_id: str
    category: str
    product: str
    symbol: str
    side: str
    order_type: str
    qty: Decimal
    price: Optional[Decimal]
    tif: str
    reduce_only: bool
    pos_side: str
    extra: Dict[str, object]
    created_ms: int
    updated_ms: int
    status: str = "new"  # new / partially_filled / filled / cancelled / rejected
    filled: Decimal = ZERO
    filled_value: Decimal = ZERO
    fee: Decimal = ZERO
    fee_coin: str = ""
    cancel_reason: str = ""
    lock_coin: str = ""
    lock_amount: Decimal = ZERO
    last_price_on_created: Decimal = ZERO

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def avg_price(self) -> Decimal:
        return self.filled_value / self.filled if self.filled else ZERO

    @property
    def leaves(self) -> Decimal:
        return self.qty - self.filled if self.is_open else ZERO


@dataclass
class Fill:
    """One execution of one of the account's orders."""

    exec_id: str
    order: Order
    price: Decimal
    qty: Decimal
    fee: Decimal
    fee_rate: Decimal
    fee_coin: str
    is_maker: bool
    ts: int
    closed_size: Decimal
    pnl: Decimal


@dataclass
class Position:
    """A one-way (net) perpetual position."""

    symbol: str
    category: str
    settle: str
    size: Decimal = ZERO  # signed: > 0 long, < 0 short
    entry: Decimal = ZERO
    realised: Decimal = ZERO
    leverage: Decimal = DEFAULT_LEVERAGE
    created_ms: int = 0
    updated_ms: int = 0
    seq: int = 0

    @property
    def side(self) -> str:
        return "buy" if self.size > 0 else "sell" if self.size < 0 else ""


@dataclass
class Account:
    """Balances, orders, fills and positions of one environment (live or demo)."""

    env: str
    wallet: Dict[str, Decimal]
    locked: Dict[str, Decimal] = field(default_factory=dict)
    orders: Dict[str, Order] = field(default_factory=dict)
    client_ids: Dict[str, str] = field(default_factory=dict)
    fills: List[Fill] = field(default_factory=list)
    positions: Dict[str, Position] = field(default_factory=dict)


Listener = Callable[[str, str, object], None]  # (env, kind, payload)


class Engine:
    """The matching engine and account store shared by REST, streams and the WebSocket API."""

    def __init__(self, market: Market, envs: Tuple[str, ...] = ("live", "demo")) -> None:
        self.lock = threading.RLock()
        self.market = market
        self.accounts: Dict[str, Account] = {env: Account(env, self._initial_wallet()) for env in envs}
        self.listeners: List[Listener] = []

    def _initial_wallet(self) -> Dict[str, Decimal]:
        wallet = {"USDT": Decimal(100000), "USDC": Decimal(10000)}
        for inst in self.market.listed("spot"):
            amount = Decimal(50000) / self.market.book(inst).mid
            wallet.setdefault(inst.base, inst.round_qty(amount).normalize())
        return wallet

    # --- events ---------------------------------------------------------------------------

    def _emit(self, env: str, kind: str, payload: object) -> None:
        for listener in self.listeners:
            listener(env, kind, payload)

    # --- queries --------------------------------------------------------------------------

    def account(self, env: str) -> Account:
        return self.accounts[env]

    def instrument(self, product: str, symbol: str) -> Instrument:
        inst = self.market.resolve(product, symbol) if symbol else None
        if inst is None or inst.product not in FEES:
            raise EngineError("unknown_symbol", "symbol %s is not listed" % symbol)
        return inst

    def available(self, env: str, coin: str) -> Decimal:
        """Free balance: wallet minus order locks minus position margin."""
        acct = self.accounts[env]
        free = acct.wallet.get(coin, ZERO) - acct.locked.get(coin, ZERO)
        for pos in acct.positions.values():
            if pos.settle == coin and pos.size:
                free -= self.position_margin(pos)
        return free

    def position_margin(self, pos: Position) -> Decimal:
        return abs(pos.size) * pos.entry / pos.leverage

    def unrealised(self, pos: Position) -> Decimal:
        inst = self.market.resolve("perp", pos.symbol)
        mark = self.market.mark_price(inst) if inst else pos.entry
        return (mark - pos.entry) * pos.size

    def find_order(self, env: str, order_id: str = "", client_id: str = "") -> Optional[Order]:
        acct = self.accounts[env]
        if order_id:
            order = acct.orders.get(order_id)
            if order is not None and (not client_id or order.client_id == client_id):
                return order
            return None
        if client_id:
            oid = acct.client_ids.get(client_id)
            return acct.orders.get(oid) if oid else None
        return None

    def orders(self, env: str, open_only: bool, product: str = "", symbol: str = "") -> List[Order]:
        """Orders newest first, optionally filtered."""
        result = []
        for order in reversed(list(self.accounts[env].orders.values())):
            if open_only and not order.is_open:
                continue
            if product and order.product != product:
                continue
            if symbol and order.symbol != symbol:
                continue
            result.append(order)
        return result

    def fills(self, env: str, product: str = "", symbol: str = "", order_id: str = "") -> List[Fill]:
        """Fills newest first, optionally filtered."""
        return [
            f
            for f in reversed(self.accounts[env].fills)
            if (not product or f.order.product == product)
            and (not symbol or f.order.symbol == symbol)
            and (not order_id or f.order.order_id == order_id)
        ]

    def position(self, env: str, symbol: str, category: str = "") -> Position:
        """The position of ``symbol`` (created flat on first access)."""
        acct = self.accounts[env]
        pos = acct.positions.get(symbol)
        if pos is None:
            inst = self.instrument("perp", symbol)
            now = now_ms()
            pos = Position(symbol, category or "perp", inst.quote, created_ms=now, updated_ms=now)
            acct.positions[symbol] = pos
        return pos

    # --- commands -------------------------------------------------------------------------

    def add_funds(self, env: str, coin: str, amount: Decimal) -> None:
        """Credit ``amount`` of ``coin`` (demo-trading top-ups, tests)."""
        with self.lock:
            acct = self.accounts[env]
            acct.wallet[coin] = acct.wallet.get(coin, ZERO) + amount
            self._emit(env, "balance", acct)

    def place(self, env: str, req: OrderRequest) -> Order:
        """Validate, match and record a new order. Raises :class:`EngineError`."""
        with self.lock:
            acct = self.accounts[env]
            inst = self.instrument(req.product, req.symbol)
            self._validate(inst, req)
            if req.client_id and req.client_id in acct.client_ids:
                raise EngineError("duplicate_client_id", "client order id %s is already used" % req.client_id)
            book = self.market.book(inst)
            best = book.best_ask if req.side == "buy" else book.best_bid
            qty = req.qty
            if req.quote_qty:
                qty = inst.round_qty(req.qty / best)
                if qty <= 0:
                    raise EngineError("bad_qty", "order value is below the minimum")
            marketable = req.order_type == "market" or (
                req.price is not None and (req.price >= best if req.side == "buy" else req.price <= best)
            )
            if req.reduce_only:
                held = self.position(env, inst.symbol, req.category).size if inst.product == "perp" else ZERO
                if not (held > 0 if req.side == "sell" else held < 0):
                    raise EngineError("reduce_only", "reduce-only order has no position to reduce")
                qty = min(qty, abs(held))
            now = now_ms()
            order = Order(
                new_id(), req.client_id, req.category, inst.product, inst.symbol, req.side, req.order_type,
                qty, req.price, req.tif, req.reduce_only, req.pos_side, dict(req.extra), now, now,
                last_price_on_created=self.market.stat(inst).last,
            )
            reject = (req.tif == "post_only" and marketable) or (req.tif in ("ioc", "fok") and not marketable)
            if not reject:
                self._check_funds(env, inst, order, best if marketable or req.price is None else req.price)
            acct.orders[order.order_id] = order
            if order.client_id:
                acct.client_ids[order.client_id] = order.order_id
            if reject:
                order.status = "cancelled"
                order.cancel_reason = "post_only_would_take" if req.tif == "post_only" else "not_marketable"
                self._emit(env, "order", order)
            elif marketable:
                self._emit(env, "order", order)  # the exchanges announce New before the fill
                self._fill(env, order, best, order.qty, is_maker=False)
            else:
                self._lock_funds(env, inst, order)
                self._emit(env, "order", order)
                self._emit(env, "balance", acct)
            return order

    def amend(self, env: str, order_id: str = "", client_id: str = "",
              qty: Optional[Decimal] = None, price: Optional[Decimal] = None) -> Order:
        """Change the quantity and/or price of an open limit order."""
        with self.lock:
            order = self.find_order(env, order_id, client_id)
            if order is None or not order.is_open:
                raise EngineError("order_not_found", "order not exists or too late to replace")
            if qty is None and price is None:
                raise EngineError("bad_param", "nothing to amend: pass qty or price")
            inst = self.instrument(order.product, order.symbol)
            if qty is not None and (not inst.on_step(qty) or qty <= order.filled):
                raise EngineError("bad_qty", "invalid qty %s" % qty)
            if price is not None and not inst.on_tick(price):
                raise EngineError("bad_price", "invalid price %s" % price)
            new_price = price if price is not None else order.price
            if new_price is None:
                raise EngineError("bad_param", "market orders cannot be amended")
            self._unlock_funds(env, order)
            old = (order.qty, order.price)
            order.qty = qty if qty is not None else order.qty
            order.price = new_price
            book = self.market.book(inst)
            best = book.best_ask if order.side == "buy" else book.best_bid
            marketable = new_price >= best if order.side == "buy" else new_price <= best
            try:
                self._check_funds(env, inst, order, best if marketable else new_price)
            except EngineError:
                order.qty, order.price = old
                self._lock_funds(env, inst, order)
                raise
            order.updated_ms = now_ms()
            if marketable:
                self._emit(env, "order", order)
                self._fill(env, order, best, order.qty - order.filled, is_maker=False)
            else:
                self._lock_funds(env, inst, order)
                self._emit(env, "order", order)
                self._emit(env, "balance", self.accounts[env])
            return order

    def cancel(self, env: str, order_id: str = "", client_id: str = "", symbol: str = "") -> Order:
        """Cancel one open order."""
        with self.lock:
            order = self.find_order(env, order_id, client_id)
            if order is None or not order.is_open or (symbol and order.symbol != symbol):
                raise EngineError("order_not_found", "order not exists or too late to cancel")
            self._cancel(env, order, "by_user")
            return order

    def cancel_all(self, env: str, product: str = "", symbol: str = "") -> List[Order]:
        """Cancel every open order matching the filters; return them."""
        with self.lock:
            orders = self.orders(env, True, product, symbol)
            for order in orders:
                self._cancel(env, order, "by_user")
            return orders

    def set_price(self, symbol: str, mid: Decimal) -> None:
        """Move ``symbol``'s market to ``mid`` and fill resting orders that the move crossed."""
        with self.lock:
            moved = self.market.set_mid(symbol, mid)
            for inst in moved:
                book = self.market.book(inst)
                for env in self.accounts:
                    for order in self.orders(env, True, inst.product, inst.symbol):
                        price = order.price
                        if price is None:
                            continue
                        if price >= book.best_ask if order.side == "buy" else price <= book.best_bid:
                            self._unlock_funds(env, order)
                            self._fill(env, order, price, order.qty - order.filled, is_maker=True)

    # --- internals ------------------------------------------------------------------------

    def _validate(self, inst: Instrument, req: OrderRequest) -> None:
        if req.side not in ("buy", "sell"):
            raise EngineError("bad_param", "invalid side")
        if req.order_type not in ("limit", "market"):
            raise EngineError("bad_param", "invalid order type")
        if req.qty is None or req.qty <= 0 or (not req.quote_qty and not inst.on_step(req.qty)):
            raise EngineError("bad_qty", "invalid qty %s (step %s)" % (req.qty, inst.qty_step))
        if req.order_type == "limit":
            if req.price is None:
                raise EngineError("bad_price", "price is required for limit orders")
            if not inst.on_tick(req.price):
                raise EngineError("bad_price", "invalid price %s (tick %s)" % (req.price, inst.tick))

    @staticmethod
    def _required(inst: Instrument, order: Order, qty: Decimal, price: Decimal) -> Tuple[str, Decimal]:
        """Coin and amount that ``qty`` of ``order`` needs at ``price`` to be placed or to rest."""
        fee_rate = FEES[inst.product][1]
        if inst.product == "spot":
            if order.side == "buy":
                return inst.quote, price * qty * (1 + fee_rate)
            return inst.base, qty
        if order.reduce_only:
            return inst.quote, ZERO
        return inst.quote, price * qty / DEFAULT_LEVERAGE + price * qty * fee_rate

    def _check_funds(self, env: str, inst: Instrument, order: Order, price: Decimal) -> None:
        coin, amount = self._required(inst, order, order.qty - order.filled, price)
        if amount > self.available(env, coin):
            kind = "insufficient_balance" if inst.product == "spot" else "insufficient_margin"
            raise EngineError(kind, "insufficient %s: need %s" % (coin, amount.normalize()))

    def _lock_funds(self, env: str, inst: Instrument, order: Order) -> None:
        coin, amount = self._required(inst, order, order.qty - order.filled, order.price or ZERO)
        acct = self.accounts[env]
        acct.locked[coin] = acct.locked.get(coin, ZERO) + amount
        order.lock_coin, order.lock_amount = coin, amount

    def _unlock_funds(self, env: str, order: Order) -> None:
        if order.lock_amount:
            acct = self.accounts[env]
            acct.locked[order.lock_coin] = acct.locked.get(order.lock_coin, ZERO) - order.lock_amount
            order.lock_amount = ZERO

    def _cancel(self, env: str, order: Order, reason: str) -> None:
        self._unlock_funds(env, order)
        order.status = "cancelled"
        order.cancel_reason = reason
        order.updated_ms = now_ms()
        self._emit(env, "order", order)
        self._emit(env, "balance", self.accounts[env])

    def _fill(self, env: str, order: Order, price: Decimal, qty: Decimal, is_maker: bool) -> None:
        acct = self.accounts[env]
        inst = self.instrument(order.product, order.symbol)
        fee_rate = FEES[inst.product][0 if is_maker else 1]
        notional = price * qty
        fee = (notional * fee_rate).quantize(FEE_QUANTUM)
        wallet = acct.wallet
        closed = pnl = ZERO
        if inst.product == "spot":
            sign = 1 if order.side == "buy" else -1
            wallet[inst.base] = wallet.get(inst.base, ZERO) + sign * qty
            wallet[inst.quote] = wallet.get(inst.quote, ZERO) - sign * notional - fee
        else:
            pos = self.position(env, inst.symbol, order.category)
            closed, pnl = self._apply_to_position(pos, order.side, price, qty)
            wallet[inst.quote] = wallet.get(inst.quote, ZERO) + pnl - fee
        now = now_ms()
        order.filled += qty
        order.filled_value += notional
        order.fee += fee
        order.fee_coin = inst.quote
        order.status = "filled" if order.filled >= order.qty else "partially_filled"
        order.updated_ms = now
        fill = Fill(new_id(), order, price, qty, fee, fee_rate, inst.quote, is_maker, now, closed, pnl)
        acct.fills.append(fill)
        self._emit(env, "order", order)
        self._emit(env, "fill", fill)
        if inst.product == "perp":
            self._emit(env, "position", acct.positions[inst.symbol])
        self._emit(env, "balance", acct)

    @staticmethod
    def _apply_to_position(pos: Position, side: str, price: Decimal, qty: Decimal) -> Tuple[Decimal, Decimal]:
        """Net a fill into a one-way position; return (closed size, realised PnL)."""
        signed = qty if side == "buy" else -qty
        closed = pnl = ZERO
        if pos.size and (pos.size > 0) != (signed > 0):
            closed = min(abs(pos.size), qty)
            direction = 1 if pos.size > 0 else -1
            pnl = (price - pos.entry) * closed * direction
            pos.realised += pnl
        new_size = pos.size + signed
        if new_size == 0:
            pos.entry = ZERO
        elif pos.size == 0 or (pos.size > 0) != (new_size > 0):
            pos.entry = price  # opened or flipped
        elif (pos.size > 0) == (signed > 0):
            pos.entry = (pos.entry * abs(pos.size) + price * qty) / abs(new_size)
        pos.size = new_size
        pos.updated_ms = now_ms()
        pos.seq += 1
        return closed, pnl
