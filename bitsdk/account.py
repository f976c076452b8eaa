"""Account state that survives reconnects: the production flow of both exchanges as one helper.

A private WebSocket reconnect (login and resubscribe, done by the stream clients) only
recovers the transport: whatever happened while the connection was down is never pushed
again. The exchanges' advice is to pause private writes, backfill balances, positions, open
orders and recent fills over REST, and resume from known state. :class:`AccountState` does
exactly that, for Bybit V5 (unified account) and Bitget V3 (UTA)::

    from bitsdk import AccountState

    with AccountState(rest, ws, categories=["linear", "spot"]) as state:
        state.wait_ready(10)
        with state.ready_for_writes(timeout=5):   # raises StaleStateError while stale
            rest.submit_order(...)

How it works:

* it subscribes the private topics (orders, fills, positions, balances) on the stream client
  the application already has, and listens through the client's public ``on()`` hooks only;
* on the first connect and on every reconnect, once the subscription is acknowledged, one
  worker thread of its own fetches open orders, positions, balances and the fills since the
  last one seen, over REST, one call at a time with a small gap between calls (no bursts);
* stream updates that arrive meanwhile wait in its queue and are merged afterwards: a row only
  replaces a row of the same order, position or coin when it is at least as new (the
  exchanges' update time, then filled quantity or sequence); fills are deduplicated by their
  execution id;
* an order that was open before the drop and is missing from the open orders afterwards is
  looked up in the order history and reported once, as closed, with its final state;
* from the moment the private connection drops until that backfill is merged the state is
  *stale*: :meth:`AccountState.require_ready` and :meth:`AccountState.ready_for_writes` raise
  :class:`~bitsdk.errors.StaleStateError`.

Events (``"state"``, ``"stale"``, ``"ready"``, ``"error"``) are :class:`~bitsdk.events.Event`
objects, delivered to :meth:`AccountState.on` callbacks and/or an ``event_queue`` on the
state's own worker thread, never while its lock is held.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import queue
import threading
import time
from functools import partial
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Dict, Hashable, Iterator, List, Mapping, Optional, Sequence, Tuple

from .errors import InvalidParameterError, StaleStateError
from .events import Event

__all__ = ["AccountState", "AccountSnapshot", "AccountAdapter", "Row", "Backfill", "STATE_EVENT_KINDS", "StaleStateError"]

#: The event kinds an :class:`AccountState` emits.
STATE_EVENT_KINDS = ("state", "stale", "ready", "error")

_STOP = object()  # worker sentinel
_JOIN_TIMEOUT = 5.0
_CLOSED_KEEP = 1000  # recently closed orders kept for lookups and duplicate suppression


class Row:
    """One order, position, balance or fill as the state keeps it (exchange-neutral envelope).

    Attributes:
        key: the order id, position key, coin or execution id.
        rank: a tuple compared to decide which of two versions of the same row is newer
            (update time first, then e.g. filled quantity or sequence).
        data: the exchange's own row, unchanged (what the views return).
        category: the exchange category the row belongs to (``""`` for balances).
        client_id: the client order id (orders and fills), else ``""``.
        closed: orders: in a final state (filled, cancelled, rejected); positions: flat.
        time_ms: the row's update (orders, positions, balances) or execution (fills) time.
    """

    __slots__ = ("key", "rank", "data", "category", "client_id", "closed", "time_ms")

    def __init__(self, key: Hashable, rank: Tuple[Any, ...], data: Mapping[str, Any], *, category: str = "",
                 client_id: str = "", closed: bool = False, time_ms: int = 0) -> None:
        self.key = key
        self.rank = rank
        self.data = data
        self.category = category
        self.client_id = client_id
        self.closed = closed
        self.time_ms = time_ms

    def __repr__(self) -> str:
        return f"Row({self.key!r}, rank={self.rank!r}, closed={self.closed})"


class Backfill:
    """What one REST backfill fetched: full lists of open orders, positions and balances
    (for the configured categories) and the fills since the last one seen."""

    def __init__(self) -> None:
        self.orders: List[Row] = []
        self.positions: List[Row] = []
        self.balances: List[Row] = []
        self.fills: List[Row] = []


#: ``call(method, **params)``: one paced REST call (see :meth:`AccountAdapter.fetch`).
Call = Callable[..., Any]


def paged_rows(rest: Any, call: Call, method: str, params: Dict[str, Any], max_pages: int) -> Iterator[Dict[str, Any]]:
    """Every row of a paged listing, by the client's own paging rules (:meth:`RestClient.paginate`),
    each page fetched through ``call`` so the backfill's pacing and abort apply to it."""
    pages = rest.paginate(method, pages=True, max_pages=max_pages, **params)
    while True:
        page = call(partial(next, pages, None))
        if page is None:
            return
        yield from page


class AccountAdapter:
    """The exchange specifics behind :class:`AccountState` (topic names, REST calls, row parsing).

    The merge logic lives in :class:`AccountState`; one subclass per exchange lives in the
    exchange package (``bitsdk.bybit._account``, ``bitsdk.bitget._account``).
    """

    #: the stream connection the private topics run on.
    ws_key = ""
    exchange = ""
    #: pages fetched at most per listing (set from ``AccountState(max_pages=...)``).
    max_pages = 20

    def subscribe(self, ws: Any) -> None:
        """Subscribe the private topics on ``ws`` (a no-op for topics already subscribed)."""
        raise NotImplementedError

    def is_subscribe_ack(self, msg: Any) -> bool:
        """True when ``msg`` (a ``response`` event's data) acknowledges a subscription."""
        raise NotImplementedError

    def parse(self, msg: Any) -> List[Tuple[str, Row]]:
        """The rows of one ``update`` message as ``(table, row)``; tables: ``orders``,
        ``positions``, ``balances``, ``fills``. Rows of other categories are left out."""
        raise NotImplementedError

    def fetch(self, rest: Any, call: Call, fills_since_ms: Optional[int], recent_fills: int) -> Backfill:
        """Fetch everything over REST through ``call`` (paced, one call at a time).

        ``fills_since_ms`` is the time of the last fill seen (None at start: then only the
        ``recent_fills`` newest fills are fetched).
        """
        raise NotImplementedError

    def fetch_order(self, rest: Any, call: Call, order: Row) -> Optional[Row]:
        """The current (usually final) state of ``order`` from the order history, or None."""
        raise NotImplementedError

    def position_categories(self) -> Sequence[str]:
        """The categories whose positions :meth:`fetch` lists in full."""
        raise NotImplementedError

    def order_categories(self) -> Sequence[str]:
        """The categories whose open orders :meth:`fetch` lists in full."""
        raise NotImplementedError


class AccountSnapshot:
    """A consistent copy of the account state at one moment (safe to keep and read).

    Attributes:
        orders: open orders, ``{order_id: row}``.
        closed_orders: recently closed orders (final state), ``{order_id: row}``.
        positions: non-flat positions, ``{position key: row}``; Bybit keys are
            ``(category, symbol, positionIdx)``, Bitget keys ``(category, symbol, posSide)``
            (``posSide`` empty in one-way mode).
        balances: ``{coin: row}``.
        fills: recent fills, oldest first, each once.
        ready: the state is complete and current (see :attr:`AccountState.ready`).
        stale: the private connection dropped and the backfill is not merged yet.
    """

    __slots__ = ("orders", "closed_orders", "positions", "balances", "fills", "ready", "stale")

    def __init__(self, orders: Dict[str, Dict[str, Any]], closed_orders: Dict[str, Dict[str, Any]],
                 positions: Dict[Hashable, Dict[str, Any]], balances: Dict[str, Dict[str, Any]],
                 fills: List[Dict[str, Any]], ready: bool, stale: bool) -> None:
        self.orders = orders
        self.closed_orders = closed_orders
        self.positions = positions
        self.balances = balances
        self.fills = fills
        self.ready = ready
        self.stale = stale

    def order_by_client_id(self, client_id: str) -> Optional[Dict[str, Any]]:
        """The open (else recently closed) order with this client order id, or None."""
        for table in (self.orders, self.closed_orders):
            for row in table.values():
                if _client_id(row) == client_id:
                    return row
        return None

    def __repr__(self) -> str:
        return (f"<AccountSnapshot ready={self.ready} stale={self.stale} orders={len(self.orders)} "
                f"positions={len(self.positions)} balances={len(self.balances)} fills={len(self.fills)}>")


def _client_id(row: Mapping[str, Any]) -> str:
    return str(row.get("orderLinkId") or row.get("clientOid") or "")


class _Superseded(Exception):
    """The connection dropped again while a backfill ran: its result is dropped."""


class _Stopped(Exception):
    """close() was called while a backfill ran."""


class AccountState:
    """Open orders, positions, balances and recent fills that stay right across reconnects.

    Built from a REST client and a stream client you already have; the exchange is picked
    from their types: Bybit :class:`~bitsdk.bybit.RestClientV5` +
    :class:`~bitsdk.bybit.WebsocketClient`, or Bitget :class:`~bitsdk.bitget.RestClientV3` +
    :class:`~bitsdk.bitget.WebsocketClientV3` (UTA). The state never closes your clients.

    Usage::

        state = AccountState(rest, ws, categories=["linear", "spot"])
        state.on("state", lambda ev: print(ev.data["closed_orders"]))
        if state.wait_ready(10):
            print(state.snapshot())
        ...
        state.close()

    Threads: one worker (``bitsdk-account-<exchange>``), joined by :meth:`close`. It runs the
    REST backfills and the callbacks given to :meth:`on`; stream events reach it through the
    stream client's dispatcher and wait in its queue while a backfill runs.

    Args:
        rest: the REST client (keys needed).
        ws: the stream client (keys needed); its private connection is opened if needed.
        categories: Bybit: ``spot``, ``linear``, ``inverse``, ``option`` (default
            ``["linear", "spot"]``); Bitget: ``SPOT``, ``MARGIN``, ``USDT-FUTURES``,
            ``USDC-FUTURES``, ``COIN-FUTURES`` (default ``["SPOT", "USDT-FUTURES"]``).
        settle_coins: Bybit only: the settle coins whose linear/inverse orders and positions
            are listed (Bybit needs one per request; default ``["USDT"]``; inverse e.g.
            ``["BTC"]``).
        recent_fills: fills kept (oldest dropped first), also how many are fetched at start.
        request_gap: seconds between two REST calls of a backfill (rate limits).
        max_pages: pages fetched at most per listing and category in one backfill.
        ack_timeout: seconds to wait for the subscription acknowledgement after a (re)connect
            before backfilling anyway.
        retry_backoff: ``(initial, max)`` seconds between attempts when a backfill fails.
        event_queue: a :class:`queue.Queue` that receives every event, as well as callbacks.
        logger: a :class:`logging.Logger` (default ``bitsdk.account``).

    Raises:
        InvalidParameterError: clients of different exchanges or of the wrong kind, unknown or
            wrongly cased categories, bad numbers.
    """

    def __init__(
        self,
        rest: Any,
        ws: Any,
        *,
        categories: Optional[Sequence[str]] = None,
        settle_coins: Optional[Sequence[str]] = None,
        recent_fills: int = 500,
        request_gap: float = 0.1,
        max_pages: int = 20,
        ack_timeout: float = 2.0,
        retry_backoff: Tuple[float, float] = (1.0, 30.0),
        event_queue: Optional["queue.Queue[Event]"] = None,
        logger: Optional[logging.Logger] = None,
    ) -> None:
        self._adapter = _adapter_for(rest, ws, categories, settle_coins)
        self._rest = rest
        self._ws = ws
        self._key = self._adapter.ws_key
        self._recent_fills = _positive_int("recent_fills", recent_fills)
        self._adapter.max_pages = _positive_int("max_pages", max_pages)
        self._gap = _seconds("request_gap", request_gap, allow_zero=True)
        self._ack_timeout = _seconds("ack_timeout", ack_timeout)
        try:
            first, cap = (float(v) for v in retry_backoff)
        except (TypeError, ValueError):
            raise InvalidParameterError("retry_backoff must be (initial_seconds, max_seconds), e.g. (1, 30)") from None
        if not 0 < first <= cap:
            raise InvalidParameterError("retry_backoff must be (initial, max) with 0 < initial <= max")
        self._backoff = (first, cap)
        self._event_queue = event_queue
        self._logger = logger or logging.getLogger("bitsdk.account")

        self._cond = threading.Condition(threading.Lock())
        self._orders: Dict[Hashable, Row] = {}
        self._closed: "collections.OrderedDict[Hashable, Row]" = collections.OrderedDict()
        self._positions: Dict[Hashable, Row] = {}
        self._balances: Dict[Hashable, Row] = {}
        self._fills: "collections.OrderedDict[str, Row]" = collections.OrderedDict()
        self._last_fill_ms: Optional[int] = None
        self._ready = False
        self._stale = False
        self._loaded = False
        self._closing = False
        self._drops = 0  # bumped by every drop of the private connection (dispatcher thread)
        self._why = "the account state is not loaded yet"
        self._listeners: Dict[str, Tuple[Callable[[Event], Any], ...]] = {}

        # Worker-only state.
        self._inbox: "queue.SimpleQueue[Any]" = queue.SimpleQueue()
        self._stop = threading.Event()
        self._backfill_due: Optional[float] = None
        self._retry_delay = first
        self._announced_stale = False
        self.backfills = 0  #: backfills merged so far (for logs and tests)

        self._hooks = [(kind, self._on_ws_event) for kind in ("open", "reconnected", "reconnect", "close", "update", "response")]
        for kind, hook in self._hooks:
            ws.on(kind, hook)
        self._thread = threading.Thread(target=self._run, name=f"bitsdk-account-{self._adapter.exchange}", daemon=True)
        self._thread.start()
        try:
            self._adapter.subscribe(ws)
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ public API

    @property
    def ready(self) -> bool:
        """True once a backfill is merged and while the private connection stays up."""
        return self._ready

    @property
    def stale(self) -> bool:
        """True from a drop of the private connection until the next backfill is merged."""
        return self._stale

    def wait_ready(self, timeout: Optional[float] = None) -> bool:
        """Block until :attr:`ready` (or ``timeout`` seconds); return whether it is ready."""
        with self._cond:
            return self._cond.wait_for(lambda: self._ready or self._closing, timeout) and self._ready

    def require_ready(self) -> None:
        """Raise :class:`~bitsdk.errors.StaleStateError` unless the state is ready.

        Call it right before a private write (placing, amending or cancelling an order).
        """
        with self._cond:
            if self._ready:
                return
            why = self._why
        raise StaleStateError(f"{why}; private writes are paused until the REST backfill is merged "
                              "(wait with state.wait_ready(timeout) or state.ready_for_writes(timeout))")

    @contextlib.contextmanager
    def ready_for_writes(self, timeout: Optional[float] = 0.0) -> Iterator["AccountState"]:
        """``with state.ready_for_writes(timeout):`` wait up to ``timeout`` seconds for the
        state to be ready, else raise :class:`~bitsdk.errors.StaleStateError`.

        The block itself is not interrupted if the connection drops inside it; the next
        ``ready_for_writes`` refuses.
        """
        if timeout is None or timeout > 0:
            self.wait_ready(timeout)
        self.require_ready()
        yield self

    def snapshot(self) -> AccountSnapshot:
        """A consistent copy of everything (one lock, copies of the rows)."""
        with self._cond:
            return AccountSnapshot(
                {str(k): dict(r.data) for k, r in self._orders.items()},
                {str(k): dict(r.data) for k, r in self._closed.items()},
                {k: dict(r.data) for k, r in self._positions.items()},
                {str(k): dict(r.data) for k, r in self._balances.items()},
                [dict(r.data) for r in self._fills.values()],
                self._ready,
                self._stale,
            )

    @property
    def orders(self) -> Dict[str, Dict[str, Any]]:
        """Open orders ``{order_id: row}`` (a copy)."""
        with self._cond:
            return {str(k): dict(r.data) for k, r in self._orders.items()}

    @property
    def positions(self) -> Dict[Hashable, Dict[str, Any]]:
        """Non-flat positions ``{key: row}`` (a copy; keys as in :class:`AccountSnapshot`)."""
        with self._cond:
            return {k: dict(r.data) for k, r in self._positions.items()}

    @property
    def balances(self) -> Dict[str, Dict[str, Any]]:
        """Balances ``{coin: row}`` (a copy)."""
        with self._cond:
            return {str(k): dict(r.data) for k, r in self._balances.items()}

    @property
    def fills(self) -> List[Dict[str, Any]]:
        """Recent fills, oldest first, each once (a copy)."""
        with self._cond:
            return [dict(r.data) for r in self._fills.values()]

    def order(self, order_id: str) -> Optional[Dict[str, Any]]:
        """The open or recently closed order with this id, or None."""
        with self._cond:
            row = self._orders.get(order_id) or self._closed.get(order_id)
            return dict(row.data) if row is not None else None

    def order_by_client_id(self, client_id: str) -> Optional[Dict[str, Any]]:
        """The open (else recently closed) order with this client order id, or None."""
        with self._cond:
            for table in (self._orders, self._closed):
                for row in table.values():
                    if row.client_id == client_id:
                        return dict(row.data)
        return None

    def on(self, kind: str, callback: Optional[Callable[[Event], Any]] = None) -> Any:
        """Register ``callback(event)`` for ``"state"``, ``"stale"``, ``"ready"`` or ``"error"``.

        ``state`` data: ``{"source": "stream" | "backfill", "orders": [...], "closed_orders":
        [...], "positions": [...], "positions_closed": [...], "balances": [...], "fills":
        [...]}`` (what changed; every closed order is reported once). ``stale`` and ``ready``
        data: ``{"reason": ...}``; ``error``: a backfill failed (``error`` holds the
        exception) and is retried. Callbacks run on the state's worker thread, in order;
        one that raises is logged. Usable as a decorator.

        Raises:
            InvalidParameterError: unknown kind.
        """
        if kind not in STATE_EVENT_KINDS:
            raise InvalidParameterError(f"unknown AccountState event {kind!r}; the kinds are: {', '.join(STATE_EVENT_KINDS)}")
        if callback is None:
            return lambda fn: self.on(kind, fn)
        with self._cond:
            self._listeners[kind] = self._listeners.get(kind, ()) + (callback,)
        return callback

    def off(self, kind: str, callback: Callable[[Event], Any]) -> None:
        """Remove a callback registered with :meth:`on` (no error if it was not there)."""
        with self._cond:
            self._listeners[kind] = tuple(cb for cb in self._listeners.get(kind, ()) if cb is not callback)

    def close(self) -> None:
        """Stop listening and join the worker (idempotent). The clients stay open."""
        with self._cond:
            if self._closing:
                already = True
            else:
                already = False
                self._closing = True
                self._ready = False
                self._why = "the account state was closed"
                self._cond.notify_all()
        if already:
            return
        for kind, hook in self._hooks:
            self._ws.off(kind, hook)
        self._stop.set()
        self._inbox.put(_STOP)
        if self._thread is not threading.current_thread():
            self._thread.join(_JOIN_TIMEOUT)
            if self._thread.is_alive():
                self._logger.warning("%s did not stop within %.0fs (a callback or REST call is still running)",
                                     self._thread.name, _JOIN_TIMEOUT)

    def __enter__(self) -> "AccountState":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._closing else "ready" if self._ready else "stale" if self._stale else "loading"
        return f"<AccountState {self._adapter.exchange} {state}: {len(self._orders)} open order(s), {len(self._positions)} position(s)>"

    # ------------------------------------------------------------------ stream side (dispatcher thread)

    def _on_ws_event(self, event: Event) -> None:
        if event.ws_key != self._key:
            return
        if event.kind in ("reconnect", "close"):
            # Flip at once, before the event waits in the queue: writes are refused from now on.
            with self._cond:
                self._drops += 1
                self._ready = False
                if self._loaded:
                    self._stale = True
                self._why = ("the private connection dropped" if event.kind == "reconnect"
                             else "the private connection was closed")
        self._inbox.put(event)

    # ------------------------------------------------------------------ worker thread

    def _run(self) -> None:
        if self._ws.is_connected(self._key):
            self._backfill_due = time.monotonic() + self._ack_timeout
        while True:
            due = self._backfill_due
            try:
                item = self._inbox.get(timeout=None if due is None else max(0.0, due - time.monotonic()))
            except queue.Empty:
                item = None
            if item is _STOP or self._stop.is_set():
                return
            if item is None:
                self._run_backfill()
            else:
                self._handle(item)

    def _handle(self, event: Event) -> None:
        kind = event.kind
        if kind == "update":
            try:
                rows = self._adapter.parse(event.data)
            except Exception as exc:  # noqa: BLE001 - one odd message must not stop the state
                self._logger.warning("account: could not read %r: %s", event, exc)
                return
            if rows:
                self._merge_stream(rows)
        elif kind == "response":
            if self._backfill_due is not None and self._adapter.is_subscribe_ack(event.data):
                self._run_backfill()
        elif kind in ("open", "reconnected"):
            self._backfill_due = time.monotonic() + self._ack_timeout
        elif kind in ("reconnect", "close"):
            self._backfill_due = None
            self._retry_delay = self._backoff[0]
            with self._cond:
                announce = self._stale and not self._announced_stale
                self._announced_stale = self._announced_stale or announce
                why = self._why
            if announce:
                self._emit(Event("stale", self._key, {"reason": why}))

    def _run_backfill(self) -> None:
        self._backfill_due = None
        try:
            self._backfill()
        except (_Superseded, _Stopped):
            return
        except Exception as exc:  # noqa: BLE001 - network, rate limit, API error: retried
            delay = self._retry_delay
            self._retry_delay = min(delay * 2, self._backoff[1])
            self._logger.warning("account: backfill failed (%s: %s); retrying in %.1fs", type(exc).__name__, exc, delay)
            self._backfill_due = time.monotonic() + delay
            self._emit(Event("error", self._key, {"retry_in": delay}, error=exc))

    def _backfill(self) -> None:
        with self._cond:
            drops = self._drops
            since = self._last_fill_ms
        calls = [0]

        def call(method: Callable[..., Any], **params: Any) -> Any:
            # One call at a time, a gap between calls; stop early when superseded or closed.
            if calls[0] and self._pause(self._gap):
                raise _Stopped
            if self._drops != drops:
                raise _Superseded
            calls[0] += 1
            return method(**params)

        fetched = self._adapter.fetch(self._rest, call, since, self._recent_fills)
        fetched_ids = {row.key for row in fetched.orders}
        order_categories = set(self._adapter.order_categories())
        with self._cond:
            missing = [row for key, row in self._orders.items()
                       if key not in fetched_ids and row.category in order_categories]
        finals: Dict[Hashable, Optional[Row]] = {}
        for row in missing:
            finals[row.key] = self._adapter.fetch_order(self._rest, call, row)
        changes = self._merge_backfill(fetched, finals)
        self._emit_changes(changes, "backfill")
        self._drain()
        with self._cond:
            done = (self._drops == drops and not self._closing and self._backfill_due is None
                    and self._ws.is_connected(self._key))
            if done:
                self.backfills += 1
                self._loaded = True
                self._ready = True
                self._stale = False
                self._announced_stale = False
                self._why = ""
                self._cond.notify_all()
        if done:
            self._retry_delay = self._backoff[0]
            self._emit(Event("ready", self._key, {"reason": "backfill merged", "calls": calls[0]}))

    def _pause(self, seconds: float) -> bool:
        """Wait between two REST calls; True when close() interrupted it."""
        return self._stop.wait(seconds) if seconds else self._stop.is_set()

    def _drain(self) -> None:
        # The stream events buffered while the backfill ran, merged on top of it.
        while True:
            try:
                item = self._inbox.get_nowait()
            except queue.Empty:
                return
            if item is _STOP:
                self._inbox.put(_STOP)
                return
            self._handle(item)

    # ------------------------------------------------------------------ merging (under the lock)

    def _merge_stream(self, rows: List[Tuple[str, Row]]) -> None:
        changes = _changes()
        with self._cond:
            for table, row in rows:
                if table == "orders":
                    self._merge_order(row, changes)
                elif table == "positions":
                    self._merge_position(row, changes)
                elif table == "balances":
                    current = self._balances.get(row.key)
                    if current is None or row.rank >= current.rank:
                        self._balances[row.key] = row
                        changes["balances"].append(row.data)
                elif table == "fills":
                    self._merge_fill(row, changes)
        self._emit_changes(changes, "stream")

    def _merge_backfill(self, fetched: Backfill, finals: Mapping[Hashable, Optional[Row]]) -> Dict[str, List[Any]]:
        changes = _changes()
        with self._cond:
            for row in fetched.orders:
                self._merge_order(row, changes)
            for key, final in finals.items():
                current = self._orders.get(key)
                if current is None:
                    continue
                if final is None:
                    # Not in the history either (too old, or gone): closed, last known state.
                    final = Row(current.key, current.rank, current.data, category=current.category,
                                client_id=current.client_id, closed=True, time_ms=current.time_ms)
                self._merge_order(final, changes)
            fetched_positions = {row.key for row in fetched.positions}
            categories = set(self._adapter.position_categories())
            for key, current in list(self._positions.items()):
                if key not in fetched_positions and current.category in categories:
                    del self._positions[key]  # flat now: REST lists open positions only
                    changes["positions_closed"].append(current.data)
            for row in fetched.positions:
                self._merge_position(row, changes)
            if fetched.balances:
                coins = {row.key for row in fetched.balances}
                for coin in [c for c in self._balances if c not in coins]:
                    del self._balances[coin]
                for row in fetched.balances:
                    current = self._balances.get(row.key)
                    if current is None or row.rank >= current.rank:
                        self._balances[row.key] = row
                        changes["balances"].append(row.data)
            for row in sorted(fetched.fills, key=lambda r: r.time_ms):
                self._merge_fill(row, changes)
        return changes

    def _merge_order(self, row: Row, changes: Dict[str, List[Any]]) -> None:
        key = row.key
        current = self._orders.get(key)
        closed = self._closed.get(key)
        if closed is not None and row.rank <= closed.rank:
            return  # already reported closed with this or a newer state
        if current is not None and row.rank < current.rank:
            return  # an older version (a REST row behind a stream update, or the reverse)
        if row.closed:
            self._orders.pop(key, None)
            self._closed[key] = row
            self._closed.move_to_end(key)
            while len(self._closed) > _CLOSED_KEEP:
                self._closed.popitem(last=False)
            if closed is None:
                changes["closed_orders"].append(row.data)
        else:
            if closed is not None:
                del self._closed[key]
            self._orders[key] = row
            if current is None or current.data != row.data:
                changes["orders"].append(row.data)

    def _merge_position(self, row: Row, changes: Dict[str, List[Any]]) -> None:
        current = self._positions.get(row.key)
        if current is not None and row.rank < current.rank:
            return
        if row.closed:
            if current is not None:
                del self._positions[row.key]
                changes["positions_closed"].append(row.data)
            return
        self._positions[row.key] = row
        if current is None or current.data != row.data:
            changes["positions"].append(row.data)

    def _merge_fill(self, row: Row, changes: Dict[str, List[Any]]) -> None:
        key = str(row.key)
        if key in self._fills:
            return  # on the stream and in the REST listing: kept once
        last = self._last_fill_ms
        if len(self._fills) >= self._recent_fills and row.time_ms < next(iter(self._fills.values())).time_ms:
            return  # older than everything kept: seen before, or too old to keep
        self._fills[key] = row
        if last is not None and row.time_ms < last:
            # Keep time order (REST pages and the stream can interleave).
            self._fills = collections.OrderedDict(
                (str(r.key), r) for r in sorted(self._fills.values(), key=lambda r: r.time_ms))
        while len(self._fills) > self._recent_fills:
            self._fills.popitem(last=False)
        self._last_fill_ms = row.time_ms if last is None else max(last, row.time_ms)
        changes["fills"].append(row.data)

    # ------------------------------------------------------------------ events

    def _emit_changes(self, changes: Dict[str, List[Any]], source: str) -> None:
        if any(changes.values()):
            self._emit(Event("state", self._key, {"source": source, **changes}))

    def _emit(self, event: Event) -> None:
        # Worker thread, lock not held: callbacks may call back into the state.
        for callback in self._listeners.get(event.kind, ()):
            try:
                callback(event)
            except Exception as exc:  # noqa: BLE001 - a broken callback must not stop the state
                self._logger.error("account: callback %r raised %s: %s", callback, type(exc).__name__, exc, exc_info=exc)
        if self._event_queue is not None:
            self._event_queue.put(event)


def _changes() -> Dict[str, List[Any]]:
    return {"orders": [], "closed_orders": [], "positions": [], "positions_closed": [], "balances": [], "fills": []}


def _positive_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidParameterError(f"{name} must be a positive integer, e.g. {name}=100; got {value!r}")
    return value


def _seconds(name: str, value: Any, allow_zero: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or (value == 0 and not allow_zero):
        raise InvalidParameterError(f"{name} must be a {'non-negative' if allow_zero else 'positive'} number of seconds; got {value!r}")
    return float(value)


def decimal_of(value: Any) -> Decimal:
    """A number field of an exchange row as a Decimal (empty or missing: 0)."""
    try:
        return Decimal(str(value)) if value not in (None, "") else Decimal(0)
    except (InvalidOperation, ValueError):
        return Decimal(0)


def int_of(value: Any) -> int:
    """A millisecond or sequence field as an int (empty or missing: 0)."""
    try:
        return int(value) if value not in (None, "") else 0
    except (TypeError, ValueError):
        return 0


def _adapter_for(rest: Any, ws: Any, categories: Optional[Sequence[str]], settle_coins: Optional[Sequence[str]]) -> AccountAdapter:
    from .bitget._rest import RestClientV3
    from .bitget._ws import WebsocketClientV3
    from .bybit._rest import RestClientV5
    from .bybit._ws import WebsocketClient

    if isinstance(categories, str):
        raise InvalidParameterError(f"categories is a list, e.g. categories=[{categories!r}]")
    if isinstance(rest, RestClientV5) and isinstance(ws, WebsocketClient):
        from .bybit._account import BybitAccount

        return BybitAccount(categories, settle_coins)
    if isinstance(rest, RestClientV3) and isinstance(ws, WebsocketClientV3):
        if settle_coins is not None:
            raise InvalidParameterError("settle_coins is for Bybit only; Bitget lists every margin coin")
        from .bitget._account import BitgetAccount

        return BitgetAccount(categories)
    raise InvalidParameterError(
        "AccountState takes a REST client and a stream client of the same exchange: "
        "bitsdk.bybit.RestClientV5 + bitsdk.bybit.WebsocketClient, or "
        "bitsdk.bitget.RestClientV3 + bitsdk.bitget.WebsocketClientV3 (UTA); "
        f"got {type(rest).__name__} + {type(ws).__name__}"
    )
