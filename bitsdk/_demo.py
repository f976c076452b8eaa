"""The offline demo behind ``python -m bitsdk demo``.

It starts the embedded loopback exchange (:mod:`bitsdk.testing`) and walks the path of the
exchanges' own tutorials, on Bitget V3 (Unified Trading Account) and on Bybit V5:

1. server time and market data over public REST;
2. balances and account settings over signed REST;
3. a public stream and a private stream, and the events they fire;
4. a demo-trading limit order over REST: placed with a client order id, looked up, cancelled,
   and followed on the demo account's private stream;
5. the same place-and-cancel over the WebSocket API;
6. a forced disconnect, the automatic reconnect and resubscribe, and a REST backfill.

Each step is written once (``step_*`` below); :data:`VENUES` holds what differs between the two
exchanges: client classes, method names, parameter spellings, topic names and where the
interesting fields sit in the answers. Everything the demo prints comes from the main thread, in
order; the clients' callbacks only record events (:class:`EventLog`).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import textwrap
import threading
import time
import traceback
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import IO, Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from . import __version__
from .bitget import RestClientV3
from .bitget import WebsocketAPIClient as BitgetWebsocketAPIClient
from .bitget import WebsocketClientV3
from .bybit import RestClientV5, WebsocketClient
from .bybit import WebsocketAPIClient as BybitWebsocketAPIClient
from .errors import BitsdkError, InvalidParameterError
from .events import EVENT_KINDS, Event

__all__ = ["VENUES", "MIN_WEBSOCKETS", "loopback_problem", "loopback_available", "run"]

#: The oldest ``websockets`` the loopback exchange runs on (the ``loopback`` extra in setup.cfg):
#: older sync servers take neither its keyword arguments nor its handler.
MIN_WEBSOCKETS = 13
#: How to get it, for the one-line hint printed when the loopback exchange cannot run.
LOOPBACK_INSTALL = f'pip install --upgrade "websockets>={MIN_WEBSOCKETS}" (or, from a clone: pip install -e ".[loopback]")'
#: The wrapping width stays in these bounds whatever the terminal says.
MIN_WIDTH, MAX_WIDTH = 40, 100
#: Where to read on, printed at the end of the demo.
NEXT_STEPS = (
    "Next: read the guides in docs/ (start with docs/quickstart.rst; tox -e docs builds the site) and run "
    "the scripts in examples/, one per tutorial step, offline with BITSDK_LOOPBACK=1, e.g. "
    "BITSDK_LOOPBACK=1 python examples/bybit_ws_api.py. Both folders are in the repository and in the "
    "source distribution."
)

SYMBOL = "BTCUSDT"
#: Seconds between the loopback's market-data pushes (fast, so that waits stay short).
PUSH_INTERVAL = 0.1
#: The longest the demo waits for any one thing (an event, an order update).
WAIT = 5.0
#: The demo's limit orders sit this far below the last price, so they rest on the book.
PRICE_FACTOR = Decimal("0.8")
REST_OPTIONS: Dict[str, Any] = {"timeout": 5.0}
#: Short heartbeats and a short reconnect backoff keep the reconnect step to a fraction of a second.
WS_OPTIONS: Dict[str, Any] = {
    "ping_interval": 5.0,
    "pong_timeout": 5.0,
    "reconnect_backoff": (0.2, 1.0),
    "connect_timeout": 5.0,
    "command_timeout": 5.0,
}
STEP_TITLES = (
    "Server time and market data (public REST)",
    "Balances and account settings (signed REST)",
    "Public and private streams",
    "Demo trading: a limit order over REST",
    "WebSocket API: place and cancel",
    "Forced disconnect, reconnect, resubscribe and REST backfill",
)


class StepFailed(Exception):
    """A step could not finish: something did not happen in time, or came back unusable."""


# ---------------------------------------------------------------------------------------------
# Small helpers: calls kept as data, field lookup, formatting


@dataclass(frozen=True)
class Call:
    """One client method call, kept as data so the demo can print it as well as make it.

    ``Call("get_tickers", params={"category": "SPOT"})(client)`` runs
    ``client.get_tickers(category="SPOT")``.
    """

    method: str
    args: Tuple[Any, ...] = ()
    params: Mapping[str, Any] = field(default_factory=dict)

    def with_params(self, **extra: Any) -> "Call":
        """The same call with more keyword parameters."""
        return Call(self.method, self.args, {**self.params, **extra})

    def __call__(self, client: Any) -> Any:
        return getattr(client, self.method)(*self.args, **self.params)

    def code(self, obj: str) -> str:
        """The call as Python source, e.g. ``ws.subscribe_v5(["tickers.BTCUSDT"], "linear")``."""
        parts = [_py(arg) for arg in self.args] + [f"{name}={_py(value)}" for name, value in self.params.items()]
        return f"{obj}.{self.method}({', '.join(parts)})"


def _py(value: Any) -> str:
    """A value as Python source with double-quoted strings (as the docs write them)."""
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_py(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_py(k)}: {_py(v)}" for k, v in value.items()) + "}"
    return repr(value)


def dig(obj: Any, path: str, default: Any = None) -> Any:
    """The value at a dotted path such as ``"result.list.0.lastPrice"``, or ``default``."""
    for part in path.split(".") if path else ():
        if isinstance(obj, Mapping):
            obj = obj.get(part)
        elif isinstance(obj, list) and part.isdigit() and int(part) < len(obj):
            obj = obj[int(part)]
        else:
            return default
        if obj is None:
            return default
    return obj


def _params_text(params: Mapping[str, Any]) -> str:
    return " ".join(f"{name}={_compact(value)}" for name, value in params.items())


def _compact(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"))


def _utc(ms: Any) -> str:
    try:
        moment = datetime.fromtimestamp(int(ms) / 1000, tz=timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        return f"{ms!r}"
    return moment.strftime("%Y-%m-%d %H:%M:%S.") + f"{moment.microsecond // 1000:03d} UTC"


def _resting_price(last: Any) -> str:
    """A whole-number price ``PRICE_FACTOR`` below ``last``: a limit buy that rests on the book."""
    try:
        price = (Decimal(str(last)) * PRICE_FACTOR).quantize(Decimal(1), rounding=ROUND_DOWN)
    except (InvalidOperation, ValueError):
        raise StepFailed(f"the ticker's last price {last!r} is not a number") from None
    if price <= 0:
        raise StepFailed(f"the ticker's last price {last!r} is too small for the demo order")
    return str(price)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# ---------------------------------------------------------------------------------------------
# Output


_UNICODE = {"sent": "→", "got": "←", "note": "·", "fail": "✗", "ok": "✓", "heavy": "═", "light": "─", "then": "→"}
_ASCII = {"sent": "->", "got": "<-", "note": "*", "fail": "!!", "ok": "ok", "heavy": "=", "light": "-", "then": "->"}


def terminal_width() -> int:
    """The width to wrap the demo's output at: the terminal's (or ``$COLUMNS``), 80 when it is
    not a terminal, kept between 40 and 100 columns, less one so that a full line never wraps."""
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(MIN_WIDTH, min(columns, MAX_WIDTH)) - 1


class Printer:
    """Writes the demo's account of what happened: headings, sent and received lines, notes.

    Uses arrows and rules when the output stream can encode them, plain ASCII otherwise, and
    wraps lines at ``width`` columns (default: :func:`terminal_width`).
    """

    def __init__(self, stream: IO[str], width: Optional[int] = None):
        self.stream = stream
        self.width = width if width is not None else terminal_width()
        encoding = (getattr(stream, "encoding", None) or "ascii").lower().replace("-", "").replace("_", "")
        self.sym = _UNICODE if encoding in ("utf8", "utf8sig") else _ASCII

    def line(self, text: str = "") -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    def _wrapped(self, text: str, indent: str, mark: str) -> None:
        lead = f"{indent}{mark} "
        lines = textwrap.wrap(
            text,
            self.width,
            initial_indent=lead,
            subsequent_indent=" " * len(lead),
            break_long_words=False,
            break_on_hyphens=False,
        )
        for line in lines or [lead]:
            self.line(line)

    def paragraph(self, text: str, indent: str = "") -> None:
        """Plain text, wrapped."""
        lines = textwrap.wrap(text, self.width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)
        for line in lines:
            self.line(line)

    def banner(self, title: str, subtitle: str) -> None:
        self.paragraph(title)
        self.paragraph(subtitle)

    def exchange(self, title: str) -> None:
        rule = self.sym["heavy"] * self.width
        self.line()
        self.line(rule)
        self.paragraph(title, " ")
        self.line(rule)

    def step(self, number: int, title: str) -> None:
        light = self.sym["light"]  # one character, in ASCII too
        # "── 6. Title ─────", the title wrapped (under itself) so that the rule keeps 3 columns.
        lines = textwrap.wrap(f"{number}. {title}", self.width - 7, break_on_hyphens=False)
        lines = [f"{light * 2} {lines[0]}"] + [f"   {line}" for line in lines[1:]]
        lines[-1] += " " + light * max(3, self.width - len(lines[-1]) - 1)
        self.line()
        for line in lines:
            self.line(line)

    def sent(self, what: str, params: Optional[Mapping[str, Any]] = None, via: str = "") -> None:
        """What went out: ``GET /path``, an op or a call, its key parameters, the method used."""
        text = what
        if params:
            text += "  " + _params_text(params)
        if via:
            text += f"  ({via})"
        self._wrapped(text, "  ", self.sym["sent"])

    def got(self, text: str) -> None:
        """What came back, in a few fields."""
        self._wrapped(text, "  ", self.sym["got"])

    def note(self, text: str) -> None:
        self._wrapped(text, "  ", self.sym["note"])

    def events(self, label: str, counts: str) -> None:
        """Which events fired on one connection, and how often (wrapped between the kinds)."""
        *head, line = textwrap.wrap(f"events on {label}:", self.width, initial_indent="    ", subsequent_indent="      ")
        for text in head:
            self.line(text)
        for i, item in enumerate((counts or "none").split(", ")):
            piece = (" " if i == 0 else ", ") + item
            if len(line) + len(piece) + 1 > self.width and line.strip():  # + 1: room for a trailing comma
                self.line(line + ("," if i else ""))
                line, piece = "      ", item
            line += piece
        self.line(line)

    def chain(self, steps: Sequence[str]) -> str:
        """``"New → Cancelled"``."""
        return f" {self.sym['then']} ".join(steps)

    def ok(self, text: str) -> None:
        self._wrapped(text, "  ", self.sym["ok"])

    def fail(self, text: str) -> None:
        self._wrapped(f"FAILED: {text}", "  ", self.sym["fail"])


# ---------------------------------------------------------------------------------------------
# Events


class EventLog:
    """Records every event of one WebSocket client, to count them and to wait for them.

    The client calls :meth:`_record` on its dispatcher thread; the demo reads from the main
    thread. Positions in the log (:meth:`mark`) let a step look only at what happened since.
    """

    def __init__(self, client: Any):
        self._events: List[Event] = []
        self._cond = threading.Condition()
        for kind in EVENT_KINDS:
            client.on(kind, self._record)

    def _record(self, event: Event) -> None:
        with self._cond:
            self._events.append(event)
            self._cond.notify_all()

    def mark(self) -> int:
        """The current position: pass it as ``since`` to look at later events only."""
        with self._cond:
            return len(self._events)

    def find(self, kind: Optional[str] = None, ws_key: Optional[str] = None, since: int = 0) -> List[Tuple[int, Event]]:
        """``(position, event)`` pairs of one kind (any if None) on one connection (any if None)."""
        with self._cond:
            return [
                (i, e)
                for i, e in enumerate(self._events[since:], since)
                if (kind is None or e.kind == kind) and (ws_key is None or e.ws_key == ws_key)
            ]

    def count(self, kind: str, ws_key: Optional[str] = None, since: int = 0) -> int:
        return len(self.find(kind, ws_key, since))

    def first(self, kind: str, ws_key: Optional[str] = None, since: int = 0) -> Optional[int]:
        """Position of the first event of ``kind`` at or after ``since``, or None."""
        found = self.find(kind, ws_key, since)
        return found[0][0] if found else None

    def counts(self, ws_key: str, since: int = 0) -> str:
        """``"authenticated 1, open 1, response 3, update 12"`` for one connection, in the order
        the kinds first occurred."""
        tally: Dict[str, int] = {}  # insertion order: first occurrence
        for _, event in self.find(None, ws_key, since):
            tally[event.kind] = tally.get(event.kind, 0) + 1
        return ", ".join(f"{kind} {n}" for kind, n in tally.items())

    def errors(self, since: int = 0) -> List[str]:
        """The messages of ``exception`` events since ``since``."""
        return [f"{e.ws_key}: {e.error}" for _, e in self.find("exception", None, since)]

    def wait(self, what: str, predicate: Callable[[], Any], timeout: float = WAIT) -> None:
        """Block until ``predicate()`` is true (re-checked on every event), or raise StepFailed."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise StepFailed(f"no {what} within {timeout:g} s")
                self._cond.wait(remaining)


# ---------------------------------------------------------------------------------------------
# What differs between the exchanges


@dataclass(frozen=True)
class Venue:
    """What the steps need to know about one exchange. Paths are dotted paths into the answers
    (see :func:`dig`); ``Call`` entries are the exact calls the steps make."""

    name: str
    title: str
    rest: Any  # REST client class
    stream: Any  # stream client class
    ws_api: Any  # WebSocket API client class
    public_key: str
    private_key: str
    trade_key: str  # the connection the WebSocket API uses
    # 1. market data
    ticker: Call
    ticker_path: str
    order_book: Call
    order_book_path: str
    candles: Call
    candles_path: str
    candles_newest_first: bool
    # 2. account
    balances: Call
    equity_path: str
    coins_path: str
    coin_amount_field: str
    settings: Call
    settings_paths: Tuple[str, ...]
    # 3. streams
    subscribe_public: Call
    subscribe_private: Call
    ack_per_topic: bool  # one subscription ack per topic (Bitget), or one per request (Bybit)
    stream_price_path: str
    stream_note: str
    topic_path: str  # where a private update names its topic
    wallet_topic: str
    # 4. orders: the REST order (price and client order id are added), its lookup and cancel
    order: Mapping[str, Any]
    place: Call
    lookup: Call
    lookup_path: str
    cancel: Call
    order_id_path: str
    client_id_field: str
    status_open: str
    status_cancelled: str
    demo_note: str
    demo_setup: Tuple[Call, ...]
    # 5. WebSocket API: category passed first (Bitget) or inside the order (Bybit: None)
    ws_api_category: Optional[str]
    ws_api_ops: Tuple[str, str]
    ws_api_order_id_path: str
    ws_api_in_demo: bool
    # 6. backfill
    positions: Call
    open_orders: Call
    fills: Call
    list_path: str


BITGET = Venue(
    name="bitget",
    title="Bitget V3 / UTA (bitsdk.bitget)",
    rest=RestClientV3,
    stream=WebsocketClientV3,
    ws_api=BitgetWebsocketAPIClient,
    public_key="v3Public",
    private_key="v3Private",
    trade_key="v3Private",
    ticker=Call("get_tickers", params={"category": "SPOT", "symbol": SYMBOL}),
    ticker_path="data.0",
    order_book=Call("get_order_book", params={"category": "SPOT", "symbol": SYMBOL, "limit": 5}),
    order_book_path="data",
    candles=Call("get_candles", params={"category": "SPOT", "symbol": SYMBOL, "interval": "1m", "limit": 3}),
    candles_path="data",
    candles_newest_first=False,
    balances=Call("get_balances"),
    equity_path="data.accountEquity",
    coins_path="data.assets",
    coin_amount_field="available",
    settings=Call("get_account_settings"),
    settings_paths=("data.assetMode", "data.holdMode"),
    subscribe_public=Call("subscribe", ([{"topic": "ticker", "payload": {"instType": "spot", "symbol": SYMBOL}}], "v3Public")),
    subscribe_private=Call(
        "subscribe", ([{"topic": t, "payload": {"instType": "UTA"}} for t in ("order", "fill", "account")], "v3Private")
    ),
    stream_price_path="data.0.lastPrice",
    ack_per_topic=True,
    stream_note='V3 streams spell instType in lower case ("spot"); V3 REST spells category in upper case ("SPOT").',
    order={"category": "SPOT", "symbol": SYMBOL, "side": "buy", "orderType": "limit", "qty": "0.001", "timeInForce": "gtc"},
    place=Call("submit_new_order"),
    lookup=Call("get_order_info"),
    lookup_path="data",
    cancel=Call("cancel_order"),
    order_id_path="data.orderId",
    client_id_field="clientOid",
    topic_path="arg.topic",
    wallet_topic="account",
    status_open="live",
    status_cancelled="cancelled",
    demo_note="RestClientV3(demo_trading=True) and the demo keys: every request carries the header paptrading: 1 "
    "(same REST host); the demo streams are on the wspap host.",
    demo_setup=(),
    ws_api_category="spot",
    ws_api_ops=("place-order", "cancel-order"),
    ws_api_order_id_path="args.0.orderId",
    ws_api_in_demo=True,
    positions=Call("get_current_position", params={"category": "USDT-FUTURES"}),
    open_orders=Call("get_unfilled_orders", params={"category": "SPOT"}),
    fills=Call("get_trade_fills", params={"category": "SPOT"}),
    list_path="data.list",
)

BYBIT = Venue(
    name="bybit",
    title="Bybit V5 (bitsdk.bybit)",
    rest=RestClientV5,
    stream=WebsocketClient,
    ws_api=BybitWebsocketAPIClient,
    public_key="v5LinearPublic",
    private_key="v5Private",
    trade_key="v5PrivateTrade",
    ticker=Call("get_tickers", params={"category": "linear", "symbol": SYMBOL}),
    ticker_path="result.list.0",
    order_book=Call("get_orderbook", params={"category": "linear", "symbol": SYMBOL, "limit": 5}),
    order_book_path="result",
    candles=Call("get_kline", params={"category": "linear", "symbol": SYMBOL, "interval": "1", "limit": 3}),
    candles_path="result.list",
    candles_newest_first=True,
    balances=Call("get_wallet_balance", params={"accountType": "UNIFIED"}),
    equity_path="result.list.0.totalEquity",
    coins_path="result.list.0.coin",
    coin_amount_field="walletBalance",
    settings=Call("get_account_info"),
    settings_paths=("result.marginMode", "result.unifiedMarginStatus"),
    subscribe_public=Call("subscribe_v5", ([f"tickers.{SYMBOL}"], "linear")),
    subscribe_private=Call("subscribe_v5", (["order", "execution", "wallet"],)),
    stream_price_path="data.lastPrice",
    ack_per_topic=False,
    stream_note="Each category has its own public connection (linear: v5LinearPublic); private topics "
    "need no category and share v5Private.",
    order={"category": "linear", "symbol": SYMBOL, "side": "Buy", "orderType": "Limit", "qty": "0.001", "timeInForce": "GTC"},
    place=Call("submit_order"),
    lookup=Call("get_active_orders", params={"category": "linear"}),
    lookup_path="result.list.0",
    cancel=Call("cancel_order", params={"category": "linear", "symbol": SYMBOL}),
    order_id_path="result.orderId",
    client_id_field="orderLinkId",
    topic_path="topic",
    wallet_topic="wallet",
    status_open="New",
    status_cancelled="Cancelled",
    demo_note="RestClientV5(demo_trading=True) and the demo keys: requests go to the demo host "
    "(api-demo.bybit.com; here the loopback's demo port); the private stream goes to stream-demo.",
    demo_setup=(
        Call("request_demo_trading_funds", params={"adjustType": 0, "utaDemoApplyMoney": [{"coin": "USDT", "amountStr": "10000"}]}),
    ),
    ws_api_category=None,
    ws_api_ops=("order.create", "order.cancel"),
    ws_api_order_id_path="data.orderId",
    ws_api_in_demo=False,
    positions=Call("get_position_info", params={"category": "linear", "settleCoin": "USDT"}),
    open_orders=Call("get_active_orders", params={"category": "linear", "settleCoin": "USDT"}),
    fills=Call("get_execution_list", params={"category": "linear"}),
    list_path="result.list",
)

#: The exchanges the demo walks, in order.
VENUES: Dict[str, Venue] = {"bitget": BITGET, "bybit": BYBIT}


# ---------------------------------------------------------------------------------------------
# One exchange's run


@dataclass
class Session:
    """Everything one exchange's steps share: the output, the venue, the loopback exchange and
    the live clients that stay open across steps (REST, and the stream with its event log)."""

    out: Printer
    venue: Venue
    ex: Any  # bitsdk.testing.LoopbackExchange
    rest: Any
    ws: Any
    log: EventLog
    price: str = ""  # the limit price of the demo orders (set by step 1)

    def rest_call(self, client: Any, call: Call, label: str = "") -> Any:
        """Print the HTTP request ``call`` makes, make it, and return the envelope."""
        spec = type(client).ENDPOINTS[call.method]
        via = f"{label}.{call.method}" if label else call.method
        self.out.sent(f"{spec.verb} {spec.path}", dict(call.params), via)
        return call(client)

    def wait_subscribed(self, log: EventLog, ws: Any, key: str, since: int = 0) -> None:
        """Wait for the login (private connections) and every subscription ack on ``key``."""
        v = self.venue
        expected = len(ws.subscriptions(key)) if v.ack_per_topic else 1
        if key == v.private_key:
            log.wait(f"login on {key}", lambda: log.count("authenticated", key, since))
        what = f"{_plural(expected, 'subscription ack')} on {key}"
        log.wait(what, lambda: log.count("response", key, since) >= expected)

    def account_updates(self, log: EventLog, client_id: str, since: int = 0) -> List[str]:
        """What the private stream said about ``client_id`` and the wallet, in order:
        ``["order live", "account update", "order cancelled", "account update"]``."""
        v = self.venue
        seen: List[str] = []
        for _, event in log.find("update", v.private_key, since):
            topic = dig(event.data, v.topic_path)
            labels = []
            if topic == "order":
                labels = [
                    f"order {item.get('orderStatus')}"
                    for item in dig(event.data, "data", [])
                    if isinstance(item, Mapping) and item.get(v.client_id_field) == client_id
                ]
            elif topic == v.wallet_topic:
                labels = [f"{topic} update"]
            for label in labels:
                if not seen or seen[-1] != label:
                    seen.append(label)
        return seen

    def wait_order_lifecycle(self, log: EventLog, client_id: str, since: int) -> List[str]:
        """Wait until the private stream has shown ``client_id`` open, then cancelled, then the
        wallet update that follows the cancel; returns what it showed."""
        v = self.venue
        cancelled = f"order {v.status_cancelled}"

        def done() -> bool:
            seen = self.account_updates(log, client_id, since)
            return f"order {v.status_open}" in seen and cancelled in seen and seen[-1] != cancelled

        log.wait(f"order events for {client_id} ({v.status_open}, then {v.status_cancelled}) on the private stream", done)
        return self.account_updates(log, client_id, since)


def step_market(s: Session) -> None:
    """Server time, the measured latency, a ticker, the order book and a few candles."""
    v, out = s.venue, s.out
    out.sent("fetch_server_time()", via="the exchange's clock, epoch ms on both exchanges")
    out.got(f"server time {_utc(s.rest.fetch_server_time())}")

    out.sent("fetch_latency_summary()", via="one more server-time request, timed")
    summary = s.rest.fetch_latency_summary()
    out.got(f"round trip {summary['roundTripTime']} ms, local clock off by {summary['timeDifference']:+d} ms")

    ticker = dig(s.rest_call(s.rest, v.ticker), v.ticker_path, {})
    out.got(f"{ticker.get('symbol')} last {ticker.get('lastPrice')}, bid {ticker.get('bid1Price')}, ask {ticker.get('ask1Price')}")
    s.price = _resting_price(ticker.get("lastPrice"))

    book = dig(s.rest_call(s.rest, v.order_book), v.order_book_path, {})
    bids, asks = book.get("b") or [], book.get("a") or []
    if not bids or not asks:
        raise StepFailed("the order book came back empty")
    out.got(f"{len(bids)} bids, {len(asks)} asks; best bid {bids[0][0]} x {bids[0][1]}, best ask {asks[0][0]} x {asks[0][1]}")

    rows = dig(s.rest_call(s.rest, v.candles), v.candles_path, [])
    if not rows:
        raise StepFailed("no candles came back")
    latest = rows[0] if v.candles_newest_first else rows[-1]
    out.got(
        f"{_plural(len(rows), 'candle')}; latest starts {_utc(latest[0])}: "
        f"open {latest[1]} high {latest[2]} low {latest[3]} close {latest[4]}"
    )


def step_account(s: Session) -> None:
    """Balances and account settings: signed requests with the loopback's live test keys."""
    v, out = s.venue, s.out
    out.note(f"{v.rest.__name__}(**ex.client_options()) signs with the loopback's test keys.")
    reply = s.rest_call(s.rest, v.balances)
    out.got(f"equity {dig(reply, v.equity_path)} USD; {_coins(v, reply)}")
    reply = s.rest_call(s.rest, v.settings)
    out.got(", ".join(f"{path.rsplit('.', 1)[-1]} {dig(reply, path)}" for path in v.settings_paths))


def _coins(v: Venue, reply: Any, limit: int = 3) -> str:
    coins = dig(reply, v.coins_path, [])
    shown = ", ".join(f"{c.get('coin')} {c.get(v.coin_amount_field)}" for c in coins[:limit])
    more = f" (+{len(coins) - limit} more)" if len(coins) > limit else ""
    return f"{_plural(len(coins), 'coin')}: {shown}{more}"


def step_streams(s: Session) -> None:
    """Subscribe a public ticker and the private order/fill/wallet topics; count the events."""
    v, out, log = s.venue, s.out, s.log
    out.note(v.stream_note)
    since = log.mark()
    out.sent(v.subscribe_public.code("ws"))
    v.subscribe_public(s.ws)
    out.sent(v.subscribe_private.code("ws"))
    v.subscribe_private(s.ws)
    for key in (v.public_key, v.private_key):
        s.wait_subscribed(log, s.ws, key, since)
    log.wait(f"3 ticker updates on {v.public_key}", lambda: log.count("update", v.public_key, since) >= 3)
    out.events(v.public_key, log.counts(v.public_key, since))
    out.events(v.private_key, log.counts(v.private_key, since))
    out.got(f"latest streamed ticker: {SYMBOL} last {_latest_stream_price(s, since)}")
    out.note("The private topics stay quiet until the account changes: step 5 trades on this account.")
    _report_exceptions(s, log, since)


def _latest_stream_price(s: Session, since: int) -> Any:
    for _, event in reversed(s.log.find("update", s.venue.public_key, since)):
        price = dig(event.data, s.venue.stream_price_path)
        if price is not None:
            return price
    return "?"


def _report_exceptions(s: Session, log: EventLog, since: int) -> None:
    for text in log.errors(since):
        s.out.note(f"exception event: {text}")


def step_demo_order(s: Session) -> None:
    """A limit order on the demo account over REST, followed on the demo private stream."""
    v, out = s.venue, s.out
    demo = s.ex.client_options(demo=True)
    out.note(v.demo_note)
    client_id = f"demo-{v.name}-rest-1"
    with v.rest(**demo, **REST_OPTIONS) as rest, v.stream(**demo, **WS_OPTIONS) as ws:
        log = EventLog(ws)
        out.sent(v.subscribe_private.code("demo_ws"))
        v.subscribe_private(ws)
        s.wait_subscribed(log, ws, v.private_key)
        for call in v.demo_setup:
            s.rest_call(rest, call, "demo")
            out.got("accepted")

        order = dict(v.order, price=s.price, **{v.client_id_field: client_id})
        out.note(f"The client order id {client_id} is chosen before sending: the order can be found by it even if the reply is lost.")
        reply = s.rest_call(rest, v.place.with_params(**order), "demo")
        out.got(f"order placed: orderId {dig(reply, v.order_id_path)}")

        found = dig(s.rest_call(rest, v.lookup.with_params(**{v.client_id_field: client_id}), "demo"), v.lookup_path, {})
        out.got(
            f"order found: {found.get('side')} {found.get('qty')} {found.get('symbol')} @ {found.get('price')}, "
            f"status {found.get('orderStatus')}"
        )
        reply = s.rest_call(rest, v.cancel.with_params(**{v.client_id_field: client_id}), "demo")
        out.got(f"order cancelled: orderId {dig(reply, v.order_id_path)}")

        seen = s.wait_order_lifecycle(log, client_id, 0)
        out.events(f"demo {v.private_key}", log.counts(v.private_key))
        out.got(f"the demo private stream saw: {out.chain(seen)}")
        _report_exceptions(s, log, 0)


def step_ws_api(s: Session) -> None:
    """Place and cancel over the WebSocket API (live credentials), watched on the live stream."""
    v, out = s.venue, s.out
    if not v.ws_api_in_demo:
        try:
            v.ws_api(**s.ex.client_options(demo=True), **WS_OPTIONS).close()
        except InvalidParameterError as exc:
            out.note(f"{v.ws_api.__name__}(demo_trading=True) is refused: {exc}.")
    out.note("This step uses the live credentials (on the loopback: its live test keys).")
    client_id = f"demo-{v.name}-wsapi-1"
    since = s.log.mark()
    with v.ws_api(**s.ex.client_options(), **WS_OPTIONS) as api:
        api_log = EventLog(api.get_ws_client())
        out.sent("connect_ws_api()", via="connect and log in before the first command")
        api.connect_ws_api()
        api_log.wait(f"the open event on {v.trade_key}", lambda: api_log.count("open", v.trade_key))
        out.got(f"ready: {api_log.counts(v.trade_key)} on {v.trade_key}")

        order = dict(v.order, price=s.price, **{v.client_id_field: client_id})
        reply = _ws_api_call(s, api, "submit_new_order", v.ws_api_ops[0], order)
        out.got(f"order placed: orderId {dig(reply, v.ws_api_order_id_path)} (acknowledged; fills arrive on the stream)")
        cancel = dict(v.cancel.params, **{v.client_id_field: client_id})
        reply = _ws_api_call(s, api, "cancel_order", v.ws_api_ops[1], cancel)
        out.got(f"order cancelled: orderId {dig(reply, v.ws_api_order_id_path)}")
        api_log.wait("both replies as response events", lambda: api_log.count("response", v.trade_key) >= 2)
        out.events(f"{v.trade_key} (WebSocket API client)", api_log.counts(v.trade_key))
    seen = s.wait_order_lifecycle(s.log, client_id, since)
    out.events(v.private_key, s.log.counts(v.private_key, since))
    out.got(f"the private stream saw: {out.chain(seen)}")
    _report_exceptions(s, s.log, since)


def _ws_api_call(s: Session, api: Any, method: str, op: str, params: Mapping[str, Any]) -> Any:
    """Print and send one WebSocket API command; Bitget takes the category first."""
    v = s.venue
    if v.ws_api_category is None:
        s.out.sent(op, params, f"api.{method}")
        return getattr(api, method)(dict(params))
    params = {k: val for k, val in params.items() if k != "category"}
    s.out.sent(f"{op} {v.ws_api_category}", params, f"api.{method}")
    return getattr(api, method)(v.ws_api_category, params)


def step_reconnect(s: Session) -> None:
    """Drop every connection, wait for the reconnect and a fresh update, then backfill over REST."""
    v, out, log = s.venue, s.out, s.log
    keys = (v.public_key, v.private_key)
    since = log.mark()
    # Connections closed by the earlier steps' clients may take the server a moment to notice.
    s.ex.wait_for(lambda: s.ex.ws_connection_count() <= len(keys), timeout=WAIT)
    open_keys = [conn.ws_key for conn in s.ex.ws_connections_of()]
    shown = [key for key in keys if key in open_keys] + sorted(key for key in open_keys if key not in keys)
    out.sent("ex.faults.drop_all()", via="the loopback resets every WebSocket connection, no close frame")
    dropped = s.ex.faults.drop_all()
    out.got(f"{_plural(dropped, 'connection')} reset: {', '.join(shown)}")

    log.wait(
        f"reconnected events on {' and '.join(keys)}",
        lambda: all(log.count("reconnected", key, since) for key in keys),
    )
    back = {key: log.first("reconnected", key, since) or since for key in keys}
    for key in keys:  # whatever arrives after the drop came over the new connections
        s.wait_subscribed(log, s.ws, key, since)
    log.wait(f"a fresh update on {v.public_key}", lambda: log.count("update", v.public_key, back[v.public_key] + 1))
    then = f" {out.sym['then']} "
    for key in keys:
        delay = dig(log.find("reconnect", key, since)[0][1].data, "delay", 0.0)
        path = [f"reconnect (retry in {delay:.2f} s)", "reconnected"]
        if key == v.private_key:
            path.insert(1, "logged in again (fresh signature)")
        path.append(f"resubscribed {_plural(len(s.ws.subscriptions(key)), 'topic')}")
        out.got(f"{key}: {then.join(path)}")
    for key in keys:
        out.events(key, log.counts(key, since))
    out.got(f"updates flow again: {SYMBOL} last {_latest_stream_price(s, back[v.public_key])}")
    _report_exceptions(s, log, since)

    out.note("Messages sent while the link was down are not replayed: read the state over REST (backfill).")
    out.got(f"balances: equity {dig(s.rest_call(s.rest, v.balances), v.equity_path)} USD")
    for what, call in (("positions", v.positions), ("open orders", v.open_orders), ("fills", v.fills)):
        items = dig(s.rest_call(s.rest, call), v.list_path, [])
        out.got(f"{what}: {len(items)}")


STEPS: Sequence[Callable[[Session], None]] = (
    step_market,
    step_account,
    step_streams,
    step_demo_order,
    step_ws_api,
    step_reconnect,
)


def run_step(out: Printer, number: int, step: Callable[[Session], None], session: Session, show_traceback: bool) -> bool:
    """Run one step, reporting a failure in one line (with a traceback only when asked)."""
    out.step(number, STEP_TITLES[number - 1])
    try:
        step(session)
    except BrokenPipeError:  # nowhere left to report to: stop the demo (see run())
        raise
    except (BitsdkError, StepFailed) as exc:
        out.fail(f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # noqa: BLE001 - a bug: report it plainly, keep the demo's output readable
        out.fail(f"unexpected {type(exc).__name__}: {exc} (run with --traceback for details)")
    else:
        return True
    if show_traceback:
        traceback.print_exc()
    return False


def run_venue(out: Printer, venue: Venue, show_traceback: bool = False) -> int:
    """Walk every step on one exchange; returns how many steps passed (stops at a failure)."""
    from .testing import LoopbackExchange

    out.exchange(venue.title)
    with LoopbackExchange(venue.name, push_interval=PUSH_INTERVAL) as ex:
        ws_host = ex.ws_urls[venue.public_key].split("/", 3)[2]
        demo_host = f", demo REST {ex.demo_rest_url}" if ex.demo_rest_url != ex.rest_url else ""
        out.note(f"Loopback exchange: REST {ex.rest_url}{demo_host}, WebSocket ws://{ws_host}.")
        out.note(
            f"Clients: {venue.rest.__name__}, {venue.stream.__name__} and {venue.ws_api.__name__}, each built "
            "with **ex.client_options() (base_url, ws_url and test keys)."
        )
        options = ex.client_options()
        with venue.rest(**options, **REST_OPTIONS) as rest, venue.stream(**options, **WS_OPTIONS) as ws:
            session = Session(out, venue, ex, rest, ws, EventLog(ws))
            for number, step in enumerate(STEPS, 1):
                if not run_step(out, number, step, session, show_traceback):
                    if number < len(STEPS):
                        out.note(f"Skipping the remaining steps ({number + 1}-{len(STEPS)}) on {venue.title.split(' (')[0]}.")
                    return number - 1
    return len(STEPS)


def loopback_problem() -> Optional[str]:
    """Why the loopback exchange cannot run here, in one line with the fix; None when it can.

    Checked before the demo starts: a ``websockets`` older than :data:`MIN_WEBSOCKETS` would
    otherwise fail deep inside the loopback exchange with a bare ``TypeError``.
    """
    try:
        import websockets
    except ImportError:
        return f'the demo needs the "websockets" package for its loopback exchange: {LOOPBACK_INSTALL}'
    version = str(getattr(websockets, "__version__", ""))
    major = re.match(r"\d+", version)
    if major is None or int(major.group()) < MIN_WEBSOCKETS:
        found = version or "an unknown version"
        return f"the demo's loopback exchange needs websockets {MIN_WEBSOCKETS} or newer, found {found}: {LOOPBACK_INSTALL}"
    try:
        import websockets.sync.server  # noqa: F401
    except ImportError as exc:
        return f"the demo's loopback exchange cannot import the websockets sync server ({exc}): {LOOPBACK_INSTALL}"
    return None


def loopback_available() -> bool:
    """True when the loopback exchange can run (see :func:`loopback_problem`)."""
    return loopback_problem() is None


def _leftover_threads() -> List[str]:
    return sorted(t.name for t in threading.enumerate() if t.name.startswith("bitsdk-") and t.is_alive())


def run(exchanges: Sequence[str] = ("bitget", "bybit"), stream: Optional[IO[str]] = None, show_traceback: bool = False) -> int:
    """Run the demo on the named exchanges and print what happens.

    Args:
        exchanges: any of ``"bitget"`` and ``"bybit"``, in the order to run them.
        stream: where to print (default: ``sys.stdout``).
        show_traceback: print Python tracebacks of failed steps.

    Returns:
        The process exit code: 0 when every step passed, 1 otherwise, 2 when the loopback
        exchange cannot run (``websockets`` is missing).
    """
    out = Printer(stream if stream is not None else sys.stdout)
    problem = loopback_problem()
    if problem is not None:
        print(f"bitsdk: {problem}", file=sys.stderr)
        return 2
    started = time.monotonic()
    out.banner(
        f"bitsdk {__version__} demo: the exchange tutorials' path, offline",
        "Everything below runs against the embedded loopback exchange on 127.0.0.1 with its test "
        "keys: no account, no internet, no real orders.",
    )
    results: List[Tuple[Venue, int, float]] = []
    for name in exchanges:
        venue = VENUES[name]
        t0 = time.monotonic()
        try:
            passed = run_venue(out, venue, show_traceback)
        except BrokenPipeError:  # the reader went away (demo | head): the caller stops quietly
            raise
        except (OSError, RuntimeError) as exc:  # the loopback exchange could not start
            out.fail(f"the loopback exchange did not start: {exc}")
            passed = 0
        results.append((venue, passed, time.monotonic() - t0))

    out.exchange("Summary")
    for venue, passed, seconds in results:
        mark = out.sym["ok"] if passed == len(STEPS) else out.sym["fail"]
        stopped = f", step {passed + 1} failed" if passed < len(STEPS) else ""
        out._wrapped(f"{venue.title:<32} {passed}/{len(STEPS)} steps passed{stopped}  ({seconds:.1f} s)", "  ", mark)
    leftovers = _leftover_threads()
    if leftovers:
        out.fail(f"threads still running after close: {', '.join(leftovers)}")
    else:
        out.ok("every client and loopback exchange closed; no bitsdk thread left running")
    ok = all(passed == len(STEPS) for _, passed, _ in results) and not leftovers
    out.line()
    out.line(f"{'Done' if ok else 'Finished with failures'} in {time.monotonic() - started:.1f} s.")
    out.line()
    out.paragraph(NEXT_STEPS)
    return 0 if ok else 1
