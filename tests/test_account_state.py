"""AccountState against the loopback exchange, Bybit V5 and Bitget V3 alike.

Each test drives the account over REST (and the loopback's fill controls) while the private
connection is held down with ``faults.refuse_connections`` + ``faults.drop_all``, lets it
reconnect, and compares the state with what REST reports. Waits are bounded; nothing asserts
on elapsed time.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import Counter
from decimal import Decimal
from typing import Any, Callable, Dict, List

import pytest

from bitsdk import AccountState
from bitsdk.bitget import RestClientV3, WebsocketClientV3
from bitsdk.bybit import RestClientV5, WebsocketClient
from bitsdk.errors import StaleStateError
from bitsdk.events import Event
from bitsdk.testing import LoopbackExchange

TIMEOUT = 10.0
SYMBOL = "BTCUSDT"


class Venue:
    """One exchange's REST calls for the tests (placing, amending, cancelling, and the truth)."""

    name = ""
    categories: List[str] = []

    def __init__(self, rest: Any) -> None:
        self.rest = rest


class Bybit(Venue):
    name = "bybit"
    categories = ["linear", "spot"]
    status = {"open": "New", "partial": "PartiallyFilled", "filled": "Filled", "cancelled": "Cancelled"}

    def place(self, price: str, link: str, side: str = "Buy", qty: str = "0.02", kind: str = "Limit") -> str:
        params = dict(category="linear", symbol=SYMBOL, side=side, orderType=kind, qty=qty, orderLinkId=link)
        if kind == "Limit":
            params["price"] = price
        return self.rest.submit_order(**params)["result"]["orderId"]

    def market(self, side: str, qty: str, link: str) -> str:
        return self.place("", link, side=side.capitalize(), qty=qty, kind="Market")

    def amend(self, order_id: str, price: str) -> None:
        self.rest.amend_order(category="linear", symbol=SYMBOL, orderId=order_id, price=price)

    def cancel(self, order_id: str) -> None:
        self.rest.cancel_order(category="linear", symbol=SYMBOL, orderId=order_id)

    def open_orders(self) -> Dict[str, Dict[str, Any]]:
        rows = []
        for params in ({"category": "linear", "settleCoin": "USDT"}, {"category": "spot"}):
            rows += self.rest.get_active_orders(**params)["result"]["list"]
        return {row["orderId"]: row for row in rows}

    def positions(self) -> Dict[str, Decimal]:
        rows = self.rest.get_position_info(category="linear", settleCoin="USDT")["result"]["list"]
        return {row["symbol"]: Decimal(row["size"]) for row in rows if Decimal(row["size"])}

    def balances(self) -> Dict[str, str]:
        account = self.rest.get_wallet_balance(accountType="UNIFIED")["result"]["list"][0]
        return {coin["coin"]: coin["walletBalance"] for coin in account["coin"]}

    def fill_ids(self) -> List[str]:
        return [row["execId"] for c in ("linear", "spot") for row in self.rest.get_execution_list(category=c)["result"]["list"]]

    @staticmethod
    def state_positions(state: AccountState) -> Dict[str, Decimal]:
        return {row["symbol"]: Decimal(row["size"]) for row in state.positions.values()}

    @staticmethod
    def state_balances(state: AccountState) -> Dict[str, str]:
        return {coin: row["walletBalance"] for coin, row in state.balances.items()}

    fill_id = "execId"
    client_field = "orderLinkId"


class Bitget(Venue):
    name = "bitget"
    categories = ["SPOT", "USDT-FUTURES"]
    status = {"open": "live", "partial": "partially_filled", "filled": "filled", "cancelled": "cancelled"}

    def place(self, price: str, link: str, side: str = "buy", qty: str = "0.02", kind: str = "limit") -> str:
        params = dict(category="USDT-FUTURES", symbol=SYMBOL, side=side, orderType=kind, qty=qty, clientOid=link)
        if kind == "limit":
            params["price"] = price
        return self.rest.submit_new_order(**params)["data"]["orderId"]

    def market(self, side: str, qty: str, link: str) -> str:
        return self.place("", link, side=side.lower(), qty=qty, kind="market")

    def amend(self, order_id: str, price: str) -> None:
        self.rest.modify_order(orderId=order_id, symbol=SYMBOL, price=price)

    def cancel(self, order_id: str) -> None:
        self.rest.cancel_order(orderId=order_id, symbol=SYMBOL)

    def open_orders(self) -> Dict[str, Dict[str, Any]]:
        rows = []
        for category in self.categories:
            rows += self.rest.get_unfilled_orders(category=category)["data"]["list"]
        return {row["orderId"]: row for row in rows}

    def positions(self) -> Dict[str, Decimal]:
        rows = self.rest.get_current_position(category="USDT-FUTURES")["data"]["list"]
        return {row["symbol"]: Decimal(row["total"]) for row in rows if Decimal(row["total"])}

    def balances(self) -> Dict[str, str]:
        return {row["coin"]: row["balance"] for row in self.rest.get_balances()["data"]["assets"]}

    def fill_ids(self) -> List[str]:
        return [row["execId"] for c in self.categories for row in self.rest.get_trade_fills(category=c)["data"]["list"]]

    @staticmethod
    def state_positions(state: AccountState) -> Dict[str, Decimal]:
        return {row["symbol"]: Decimal(row["total"]) for row in state.positions.values()}

    @staticmethod
    def state_balances(state: AccountState) -> Dict[str, str]:
        return {coin: row["balance"] for coin, row in state.balances.items()}

    fill_id = "execId"
    client_field = "clientOid"


def eventually(predicate: Callable[[], Any]) -> bool:
    """Poll ``predicate`` until true (bounded: at most TIMEOUT seconds)."""
    deadline = time.monotonic() + TIMEOUT
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


VENUES = {"bybit": (Bybit, RestClientV5, WebsocketClient), "bitget": (Bitget, RestClientV3, WebsocketClientV3)}


class Harness:
    """A loopback exchange, a REST and a stream client, and the events an AccountState emits."""

    def __init__(self, name: str) -> None:
        venue_cls, rest_cls, ws_cls = VENUES[name]
        self.ex = LoopbackExchange(name, push_interval=0.05).start()
        options = self.ex.client_options()
        self.rest = rest_cls(**options)
        self.ws = ws_cls(**options, reconnect_backoff=(0.05, 0.2))
        self.venue: Venue = venue_cls(self.rest)
        self.events: "queue.Queue[Event]" = queue.Queue()
        self.seen: List[Event] = []
        self.state: Any = None

    def start_state(self, **options: Any) -> AccountState:
        options.setdefault("request_gap", 0.01)
        options.setdefault("ack_timeout", 1.0)
        options.setdefault("retry_backoff", (0.05, 0.2))
        self.state = AccountState(self.rest, self.ws, categories=self.venue.categories, event_queue=self.events, **options)
        return self.state

    @property
    def key(self) -> str:
        return self.state._adapter.ws_key

    def next_event(self, kind: str) -> Event:
        """The next event of ``kind`` (earlier ones of other kinds are kept in ``seen``)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            event = self.events.get(timeout=max(0.01, deadline - time.monotonic()))
            self.seen.append(event)
            if event.kind == kind:
                return event

    def drain_events(self) -> None:
        while True:
            try:
                self.seen.append(self.events.get_nowait())
            except queue.Empty:
                return

    def go_offline(self) -> None:
        """Drop the private connection and refuse new ones until :meth:`go_online`."""
        self.ex.faults.refuse_connections(300)
        assert self.ex.faults.drop_all(ws_key=self.key) == 1
        self.next_event("stale")
        assert self.state.stale and not self.state.ready

    def go_online(self) -> None:
        self.ex.faults.clear()
        assert self.state.wait_ready(TIMEOUT)
        self.next_event("ready")

    def close(self) -> None:
        if self.state is not None:
            self.state.close()
        self.ws.close()
        self.rest.close()
        self.ex.close()


@pytest.fixture(params=sorted(VENUES))
def harness(request):
    h = Harness(request.param)
    yield h
    h.close()


def assert_matches_rest(h: Harness) -> None:
    """The state holds exactly what REST reports: open orders, positions, balances, fills."""
    state, venue = h.state, h.venue
    snap = state.snapshot()
    rest_orders = venue.open_orders()
    assert set(snap.orders) == set(rest_orders)
    for order_id, row in rest_orders.items():
        mine = snap.orders[order_id]
        for field in ("orderStatus", "price", "qty", "cumExecQty", "updatedTime"):
            assert mine[field] == row[field], (field, mine, row)
    assert venue.state_positions(state) == venue.positions()
    assert venue.state_balances(state) == venue.balances()
    ids = [row[venue.fill_id] for row in snap.fills]
    assert len(ids) == len(set(ids)), "a fill appears twice"
    assert sorted(ids) == sorted(venue.fill_ids())


def fills_reported(h: Harness) -> Counter:
    """How often each execution id was reported in ``state`` events."""
    h.drain_events()
    counts: Counter = Counter()
    for event in h.seen:
        if event.kind == "state":
            counts.update(row[h.venue.fill_id] for row in event.data["fills"])
    return counts


def closed_reported(h: Harness) -> Counter:
    h.drain_events()
    counts: Counter = Counter()
    for event in h.seen:
        if event.kind == "state":
            counts.update(row["orderId"] for row in event.data["closed_orders"])
    return counts


# --- startup -------------------------------------------------------------------------------------


def test_startup_loads_existing_open_orders_positions_and_fills(harness):
    h = harness
    resting = [h.venue.place(str(50000 + 10 * i), f"rest-{i}") for i in range(3)]
    h.venue.market("buy", "0.03", "opener")  # a position and a fill before the state exists
    state = h.start_state()
    assert not state.ready and not state.stale
    with pytest.raises(StaleStateError, match="not loaded yet"):
        state.require_ready()
    assert state.wait_ready(TIMEOUT)
    assert set(state.orders) == set(resting)
    assert state.order_by_client_id("rest-1")["orderId"] == resting[1]
    assert h.venue.state_positions(state) == {SYMBOL: Decimal("0.03")}
    assert_matches_rest(h)
    assert h.ex.login_count() == 1
    with state.ready_for_writes(timeout=1) as ready:
        assert ready is state


def test_stream_updates_after_ready_are_applied(harness):
    h = harness
    state = h.start_state()
    assert state.wait_ready(TIMEOUT)
    order_id = h.venue.place("50000", "live-1")
    assert eventually(lambda: order_id in state.orders)
    assert state.orders[order_id][h.venue.client_field] == "live-1"
    h.drain_events()
    sources = [e.data["source"] for e in h.seen if e.kind == "state" and any(
        row["orderId"] == order_id for row in e.data["orders"])]
    assert sources == ["stream"]
    h.venue.cancel(order_id)
    assert eventually(lambda: order_id not in state.orders)
    assert state.order(order_id)["orderStatus"] == h.venue.status["cancelled"]
    assert closed_reported(h)[order_id] == 1


# --- what happens while the private connection is down ----------------------------------------------


def test_fills_cancels_and_amends_while_disconnected(harness):
    h = harness
    venue = h.venue
    state = h.start_state()
    assert state.wait_ready(TIMEOUT)
    to_fill = venue.place("50000", "to-fill")
    to_partly_fill = venue.place("50010", "to-partly-fill")
    to_cancel = venue.place("50020", "to-cancel")
    to_amend = venue.place("50030", "to-amend")
    assert eventually(lambda: len(state.orders) == 4)  # the stream brought all four

    h.go_offline()
    with pytest.raises(StaleStateError, match="dropped"):
        state.require_ready()
    with pytest.raises(StaleStateError):
        with state.ready_for_writes(timeout=0):
            pytest.fail("the guard let a write through while stale")
    h.ex.fill_order(to_fill)
    h.ex.fill_order(to_partly_fill, "0.01")
    venue.cancel(to_cancel)
    venue.amend(to_amend, "49990")
    placed_offline = venue.place("49980", "placed-offline")
    venue.market("buy", "0.01", "taker-offline")
    assert state.stale and not state.ready  # nothing reached the state meanwhile
    assert set(state.orders) == {to_fill, to_partly_fill, to_cancel, to_amend}

    h.go_online()
    assert not state.stale
    assert_matches_rest(h)
    assert set(state.orders) == {to_partly_fill, to_amend, placed_offline}
    assert state.orders[to_partly_fill]["orderStatus"] == venue.status["partial"]
    assert Decimal(state.orders[to_partly_fill]["cumExecQty"]) == Decimal("0.01")
    assert Decimal(state.orders[to_amend]["price"]) == Decimal("49990")
    # Orders that closed while disconnected: reported once, with their final state.
    closed = closed_reported(h)
    assert closed[to_fill] == 1 and closed[to_cancel] == 1
    assert state.order(to_fill)["orderStatus"] == venue.status["filled"]
    assert state.order(to_cancel)["orderStatus"] == venue.status["cancelled"]
    assert state.order_by_client_id("to-cancel")["orderId"] == to_cancel
    # Every fill once: in the state and in the events.
    counts = fills_reported(h)
    assert set(counts) == set(venue.fill_ids()) and set(counts.values()) == {1}
    with state.ready_for_writes(timeout=1):
        pass


def test_position_closed_while_disconnected_is_removed(harness):
    h = harness
    state = h.start_state()
    assert state.wait_ready(TIMEOUT)
    h.venue.market("buy", "0.02", "open-long")
    assert eventually(lambda: h.venue.state_positions(state) == {SYMBOL: Decimal("0.02")})
    h.go_offline()
    h.venue.market("sell", "0.02", "close-long")
    h.go_online()
    assert h.venue.state_positions(state) == {}
    assert_matches_rest(h)
    h.drain_events()
    closed = [row for e in h.seen if e.kind == "state" for row in e.data["positions_closed"]]
    assert [row["symbol"] for row in closed] == [SYMBOL]


def test_a_reconnect_during_the_backfill_starts_a_new_one(harness):
    h = harness
    state = h.start_state()
    assert state.wait_ready(TIMEOUT)
    order_id = h.venue.place("50000", "during-backfill")
    assert eventually(lambda: order_id in state.orders)

    # The first REST call of the next backfill drops the private connection again.
    method = "get_wallet_balance" if h.venue.name == "bybit" else "get_balances"
    original = getattr(h.rest, method)
    armed = threading.Event()
    dropped = threading.Event()

    def balance_call(*args: Any, **params: Any) -> Any:
        if armed.is_set() and not dropped.is_set():
            dropped.set()
            before = state._drops
            h.ex.faults.drop_all(ws_key=h.key)
            assert eventually(lambda: state._drops > before)
        return original(*args, **params)

    setattr(h.rest, method, balance_call)
    h.go_offline()
    h.ex.fill_order(order_id)
    armed.set()
    h.ex.faults.clear()
    assert state.wait_ready(TIMEOUT)
    assert dropped.is_set()
    assert state.backfills == 2  # the start, then the one after the second reconnect
    h.drain_events()
    kinds = [e.kind for e in h.seen if e.kind in ("stale", "ready")]
    assert kinds[-1] == "ready" and kinds.count("ready") == 2  # none from the superseded backfill
    assert_matches_rest(h)
    assert closed_reported(h)[order_id] == 1
    assert set(fills_reported(h).values()) == {1}


def test_a_failed_backfill_is_retried(harness):
    h = harness
    h.ex.faults.rest_errors(1, "5xx")  # the first backfill call fails
    state = h.start_state()
    error = h.next_event("error")
    assert error.error is not None and "retry_in" in error.data
    assert state.wait_ready(TIMEOUT)
    assert_matches_rest(h)


def test_backfill_calls_are_paced(harness, monkeypatch):
    h = harness
    pauses: List[float] = []
    original = AccountState._pause

    def pause(self: AccountState, seconds: float) -> bool:
        pauses.append(seconds)
        return original(self, seconds)

    monkeypatch.setattr(AccountState, "_pause", pause)
    before = h.ex.rest_request_count()
    state = h.start_state(request_gap=0.02)
    assert state.wait_ready(TIMEOUT)
    calls = h.ex.rest_request_count() - before
    assert calls >= 4
    assert pauses == [0.02] * (calls - 1)  # a gap before every call but the first


# --- lifecycle and wrong input ---------------------------------------------------------------------


def test_close_stops_the_worker_and_is_idempotent(harness):
    h = harness
    state = h.start_state()
    assert state.wait_ready(TIMEOUT)
    thread = state._thread
    state.close()
    state.close()
    assert not thread.is_alive()
    assert not state.ready
    with pytest.raises(StaleStateError, match="closed"):
        state.require_ready()
    assert "closed" in repr(state)


def test_callbacks_run_outside_the_lock_and_may_read_the_state(harness):
    h = harness
    reads: List[int] = []
    state = h.start_state()
    state.on("ready", lambda event: reads.append(len(state.snapshot().balances)))
    assert state.wait_ready(TIMEOUT)
    h.next_event("ready")
    assert eventually(lambda: bool(reads))
    assert reads[0] > 0


def test_wrong_clients_and_categories_are_refused():
    from bitsdk.errors import InvalidParameterError

    with LoopbackExchange("bybit") as ex:
        options = ex.client_options()
        with RestClientV5(**options) as rest, WebsocketClient(**options) as ws:
            with pytest.raises(InvalidParameterError, match="same exchange"):
                AccountState(rest, WebsocketClientV3())
            with pytest.raises(InvalidParameterError, match="lower-case"):
                AccountState(rest, ws, categories=["LINEAR"])
            with pytest.raises(InvalidParameterError, match="is a list"):
                AccountState(rest, ws, categories="linear")
            with pytest.raises(InvalidParameterError, match="settle coins"):
                AccountState(rest, ws, settle_coins=["usdt"])
            with pytest.raises(InvalidParameterError, match="request_gap"):
                AccountState(rest, ws, request_gap=-1)
    with pytest.raises(InvalidParameterError, match="upper-case"):
        AccountState(RestClientV3(), WebsocketClientV3(), categories=["spot"])
    with pytest.raises(InvalidParameterError, match="Bybit only"):
        AccountState(RestClientV3(), WebsocketClientV3(), settle_coins=["USDT"])


def test_unknown_event_kind_is_refused(harness):
    from bitsdk.errors import InvalidParameterError

    state = harness.start_state()
    with pytest.raises(InvalidParameterError, match="state, stale, ready, error"):
        state.on("update", print)


def test_stream_events_during_the_backfill_are_merged_once(harness):
    h = harness
    venue = h.venue
    state = h.start_state()
    assert state.wait_ready(TIMEOUT)
    cancelled = venue.place("50000", "cancelled-mid-backfill")
    assert eventually(lambda: cancelled in state.orders)

    # While the backfill lists open orders: one order is cancelled just before the listing
    # (REST misses it, the stream event waits in the queue), one is placed and one fills
    # just after (the listing misses them; the fill is also in the REST fill listing).
    method = "get_active_orders" if venue.name == "bybit" else "get_unfilled_orders"
    original = getattr(h.rest, method)
    armed = threading.Event()
    placed: List[str] = []

    def listing(*args: Any, **params: Any) -> Any:
        if not armed.is_set():
            return original(*args, **params)
        armed.clear()
        venue.cancel(cancelled)
        reply = original(*args, **params)
        placed.append(venue.place("49990", "placed-mid-backfill"))
        placed.append(venue.market("buy", "0.01", "filled-mid-backfill"))
        return reply

    setattr(h.rest, method, listing)
    h.go_offline()
    armed.set()
    h.go_online()
    assert len(placed) == 2
    assert eventually(lambda: placed[1] in state.snapshot().closed_orders)
    assert_matches_rest(h)
    assert placed[0] in state.orders and cancelled not in state.orders
    closed = closed_reported(h)
    assert closed[cancelled] == 1 and closed[placed[1]] == 1
    assert set(fills_reported(h).values()) == {1}


def test_an_older_update_never_replaces_a_newer_row(harness):
    h = harness
    state = h.start_state()
    assert state.wait_ready(TIMEOUT)
    order_id = h.venue.place("50000", "ordering")
    assert eventually(lambda: order_id in state.orders)
    h.venue.cancel(order_id)
    assert eventually(lambda: order_id not in state.orders)
    final = state.order(order_id)
    # A late copy of the order as it was when new (older updatedTime): ignored.
    older = dict(final, orderStatus=h.venue.status["open"], updatedTime=str(int(final["updatedTime"]) - 1))
    if h.venue.name == "bybit":
        message = {"topic": "order", "creationTime": 0, "data": [dict(older, category="linear")]}
    else:
        message = {"arg": {"instType": "UTA", "topic": "order"}, "action": "snapshot", "data": [older], "ts": 0}
    state._handle(Event("update", h.key, message))
    assert order_id not in state.orders
    assert state.order(order_id)["orderStatus"] == h.venue.status["cancelled"]
    assert closed_reported(h)[order_id] == 1


def test_startup_on_a_connection_that_is_already_up(harness):
    h = harness
    # The application subscribed the private topics itself: no new subscribe, no ack to wait
    # for; the state backfills after ack_timeout.
    if h.venue.name == "bybit":
        h.ws.subscribe_v5(["order", "execution", "position", "wallet"])
        key = "v5Private"
    else:
        h.ws.subscribe([{"topic": t, "payload": {"instType": "UTA"}} for t in ("account", "order", "fill", "position")],
                       "v3Private")
        key = "v3Private"
    h.ws.connect(key, timeout=TIMEOUT)
    order_id = h.venue.place("50000", "before-state")
    state = h.start_state(ack_timeout=0.2)
    assert state.wait_ready(TIMEOUT)
    assert order_id in state.orders
    assert_matches_rest(h)


def test_close_during_a_slow_backfill_joins_the_worker(harness):
    h = harness
    h.ex.faults.delay_replies(0.5, count=1, rest=True)
    before = h.ex.rest_request_count()
    state = h.start_state()
    assert eventually(lambda: h.ex.rest_request_count() > before)  # the backfill is under way
    state.close()
    assert not state._thread.is_alive()
    assert not state.ready and state.backfills == 0
