"""What both exchange flavours share: REST dispatch, subscriptions, and reply-side faults.

A flavour (``_bybit.BybitFlavour``, ``_bitget.BitgetFlavour``) supplies the routes, the
signature checks, the message shapes and the error codes; this base class runs them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Tuple

from ._common import ZERO, dumps, fmt, logger, now_ms
from ._engine import Account, EngineError
from ._market import Instrument
from ._server import RestRequest, RestResponse, WsConnection, decode_frame

if TYPE_CHECKING:  # pragma: no cover
    from ._exchange import LoopbackExchange

PUBLIC_CHANNELS = ("ticker", "book", "trade", "kline")

Handler = Callable[[RestRequest, str, Any], Any]  # (request, environment, params) -> result


class ApiError(Exception):
    """An exchange error reply: ``code`` and ``msg`` in the exchange's own vocabulary."""

    def __init__(self, code: Any, msg: str, http_status: Optional[int] = None) -> None:
        super().__init__("%s %s" % (code, msg))
        self.code = code
        self.msg = msg
        self.http_status = http_status


@dataclass
class Sub:
    """One subscription of one connection."""

    key: str  # identity: Bybit topic string, or Bitget's arg as canonical JSON
    channel: str  # public: ticker/book/trade/kline; private: order/fill/position/balance/none
    inst: Optional[Instrument] = None
    depth: int = 0
    incremental: bool = False  # book: snapshot first, then deltas
    interval: str = ""
    interval_ms: int = 0
    arg: Any = None  # the subscription as the client wrote it (echoed in pushes)
    filter: str = ""  # private: category / instrument / coin filter
    variant: str = ""  # flavour-specific rendering: Bybit "fast" executions, Bitget "v2"/"v3"
    started: bool = False  # first push sent
    epoch: int = 0  # book epoch of the last snapshot
    last_seq: int = 0

    @property
    def public(self) -> bool:
        return self.channel in PUBLIC_CHANNELS

    @property
    def instrument(self) -> Instrument:
        """The instrument of a public subscription."""
        if self.inst is None:
            raise ValueError("subscription %s has no instrument" % self.key)
        return self.inst


class Flavour:
    """Base class of the exchange flavours."""

    name = ""
    ws_paths: Dict[str, str] = {}  # ws_key -> path
    ws_kinds: Dict[str, str] = {}  # ws_key -> connection kind
    demo_ws_keys: Tuple[str, ...] = ()  # keys served by the demo WebSocket host
    demo_ws_missing: Tuple[str, ...] = ()  # keys whose demo URL points at the demo host but 404s there
    demo_rest_host = False  # True: the demo REST API is a separate host
    # engine error kind -> (code, message); message None = the engine's text, "%s" = formatted with it
    engine_errors: Dict[str, Tuple[Any, Optional[str]]] = {}
    limits: Any = None  # the flavour's per-connection limits (a dataclass instance per flavour instance)

    def __init__(self, ex: "LoopbackExchange") -> None:
        self.ex = ex
        self.engine = ex.engine
        self.market = ex.engine.market
        self.routes: Dict[Tuple[str, str], Tuple[Handler, str]] = {}
        self.register_routes()

    # --- REST -------------------------------------------------------------------------------

    def register_routes(self) -> None:
        """Fill ``self.routes`` with :meth:`route` calls."""
        raise NotImplementedError

    def route(self, method: str, path: str, handler: Handler, auth: str = "public") -> None:
        """Register ``handler(request, env, params)``; ``auth`` is public, signed or optional."""
        self.routes[(method, path)] = (handler, auth)

    def handle_rest(self, req: RestRequest) -> RestResponse:
        """Answer one REST request (signature check, handler, envelope)."""
        entry = self.routes.get((req.method, req.path))
        if entry is None or not self.route_available(req):
            return self.not_found(req)
        handler, auth = entry
        env = req.server_env  # public calls: the host's environment
        key: Optional[str] = None
        try:
            if auth == "signed" or (auth == "optional" and self.has_credentials(req)):
                env, key = self.authenticate(req)  # outside the lock: RSA checks take a while
            params = self.request_params(req)
            with self.engine.lock:
                return self.success(req, handler(req, env, params), key)
        except ApiError as err:
            with self.engine.lock:
                return self.failure(req, err, key)

    def route_available(self, req: RestRequest) -> bool:
        """False hides a route on this host (e.g. a demo-only endpoint on the live host)."""
        return True

    def request_params(self, req: RestRequest) -> Any:
        """GET: decoded query parameters; POST: the decoded JSON body."""
        if req.method == "GET":
            return req.params
        if not req.body.strip():
            return {}
        try:
            return json.loads(req.body.decode("utf-8"))
        except ValueError:
            raise self.bad_request("request body is not valid JSON") from None

    def has_credentials(self, req: RestRequest) -> bool:
        raise NotImplementedError

    def authenticate(self, req: RestRequest) -> Tuple[str, str]:
        """Verify the request signature; return (environment, api key) or raise ApiError."""
        raise NotImplementedError

    def success(self, req: RestRequest, result: Any, key: Optional[str]) -> RestResponse:
        raise NotImplementedError

    def failure(self, req: RestRequest, err: ApiError, key: Optional[str]) -> RestResponse:
        raise NotImplementedError

    def not_found(self, req: RestRequest) -> RestResponse:
        raise NotImplementedError

    def bad_request(self, msg: str) -> ApiError:
        """The flavour's generic parameter error."""
        raise NotImplementedError

    def rate_limited(self) -> RestResponse:
        """HTTP 429 with the exchange's body (used by the ``rest_errors("429")`` fault)."""
        raise NotImplementedError

    def engine_error(self, err: EngineError, overrides: Optional[Dict[str, Tuple[Any, Optional[str]]]] = None) -> ApiError:
        """Translate an engine rejection into this exchange's error code."""
        table = dict(self.engine_errors)
        table.update(overrides or {})
        code, msg = table.get(err.kind, table["bad_param"])
        if msg is None:
            msg = err.message
        elif "%s" in msg:
            msg = msg % err.message
        return ApiError(code, msg)

    # --- WebSocket ------------------------------------------------------------------------------

    def on_open(self, conn: WsConnection) -> None:
        """Called when a connection opens (under the engine lock)."""

    def on_frame(self, conn: WsConnection, data: Any) -> None:
        """Handle one received frame (under the engine lock)."""
        try:
            self.on_message(conn, decode_frame(data))
        except Exception:  # a malformed request must not take the connection down
            logger.exception("loopback: failed to handle a message on %s", conn.conn_id)

    def on_message(self, conn: WsConnection, text: str) -> None:
        raise NotImplementedError

    def render_public(self, conn: WsConnection, sub: Sub, on_tick: bool) -> List[Any]:
        """Messages for a public subscription: right after subscribing (``on_tick`` False) or per tick."""
        raise NotImplementedError

    def render_private(self, conn: WsConnection, sub: Sub, payload: Any) -> List[Any]:
        """Messages for a private subscription about one engine event payload."""
        raise NotImplementedError

    def reply(self, conn: WsConnection, obj: Any) -> None:
        """Send an ack/answer (subject to the ``delay_replies`` fault)."""
        conn.send(obj if isinstance(obj, str) else dumps(obj), self.ex.faults.take_reply_delay())

    def reply_ws_api(self, conn: WsConnection, obj: Any) -> None:
        """Send a WebSocket API answer (subject to ``ws_api_reply`` and ``delay_replies``)."""
        text = dumps(obj)
        delay = self.ex.faults.take_reply_delay()
        fault = self.ex.faults.take_ws_api_mode()
        if fault is None:
            conn.send(text, delay)
        elif fault[0] == "late":
            conn.send(text, delay + fault[1])
        elif fault[0] == "twice":
            conn.send(text, delay)
            conn.send(text, delay)
        # "never": the command ran, the answer is lost

    def login_fault(self) -> Any:
        """``NO_FAULT``, or the code (``None`` = default) a pending ``reject_next_login`` asks for."""
        return self.ex.faults.take_login_rejection()

    def add_subscription(self, conn: WsConnection, sub: Sub) -> None:
        """Record ``sub`` and send its first push (call after queueing the ack)."""
        conn.subs[sub.key] = sub
        if sub.public:
            for msg in self.render_public(conn, sub, on_tick=False):
                conn.send_json(msg)
        self.ex.notify()

    def remove_subscription(self, conn: WsConnection, key: str) -> bool:
        found = conn.subs.pop(key, None) is not None
        self.ex.notify()
        return found

    def logged_in(self, conn: WsConnection, api_key: str) -> None:
        conn.authenticated = True
        conn.api_key = api_key
        self.ex.count_login()

    # --- shared data helpers ----------------------------------------------------------------------

    def usd_price(self, coin: str) -> Decimal:
        """A coin's USD value (stablecoins 1, others the spot mid)."""
        if coin in ("USDT", "USDC", "USD"):
            return Decimal(1)
        inst = self.market.resolve("spot", coin + "USDT")
        return self.market.book(inst).mid if inst else ZERO

    def coin_rows(self, acct: Account) -> List[Dict[str, Any]]:
        """Per-coin balances: wallet, locked, available, unrealised PnL, equity, USD value."""
        rows = []
        for coin, wallet in acct.wallet.items():
            upnl = sum((self.engine.unrealised(p) for p in acct.positions.values() if p.settle == coin and p.size), ZERO)
            margin = sum((self.engine.position_margin(p) for p in acct.positions.values() if p.settle == coin and p.size), ZERO)
            realised = sum((p.realised for p in acct.positions.values() if p.settle == coin), ZERO)
            equity = wallet + upnl
            rows.append({
                "coin": coin, "wallet": wallet, "locked": acct.locked.get(coin, ZERO),
                "available": self.engine.available(acct.env, coin), "upnl": upnl, "equity": equity,
                "usd": equity * self.usd_price(coin), "margin": margin, "realised": realised,
            })
        return rows


def next_funding_ms() -> int:
    """Next 8-hour funding boundary (00:00, 08:00, 16:00 UTC)."""
    period = 8 * 3600 * 1000
    now = now_ms()
    return now - now % period + period


def open_interest(inst: Instrument) -> Decimal:
    """A stable, plausible open interest for an instrument."""
    return (inst.qty_step * 1_000_000 * (1 + len(inst.symbol) % 3)).normalize()


def limit_param(params: Dict[str, Any], default: int, maximum: int) -> int:
    """Parse a ``limit`` query parameter, clamped to ``[1, maximum]``."""
    try:
        value = int(params.get("limit") or default)
    except (TypeError, ValueError):
        value = default
    return max(1, min(value, maximum))


def levels_json(levels: List[Tuple[Decimal, Decimal]]) -> List[List[str]]:
    """Book levels as ``[["price", "size"], ...]``."""
    return [[fmt(price), fmt(size)] for price, size in levels]
