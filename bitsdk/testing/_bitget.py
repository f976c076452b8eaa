"""Bitget flavour: V3 (UTA) and V2 (Classic) REST, ``ACCESS-*`` signatures, streams, V3 WebSocket API.

The loopback keeps one account per environment and lets V2 and V3 endpoints share it (real
Bitget splits Classic and UTA accounts; see ``40084``/``40085``).

Codes chosen where the specs leave them open (REST errors are HTTP 400 with
``{"code","msg","requestTime","data":null}``):

* Auth: missing ACCESS-KEY 40001, missing ACCESS-SIGN 40002, missing passphrase 40011,
  malformed timestamp 40005, unknown key 40006, timestamp more than 30 s off 40008, wrong
  passphrase 40012, demo key without ``paptrading: 1`` (or live key with it) 40099, bad
  signature 40009. A GET signature covers the decoded query only (sorted ``key=value``, values as
  plain text), as on Bitget.
* Business: empty parameter 40019, bad value/casing 40808, unknown symbol 40034, both
  ``orderId`` and ``clientOid`` missing 40924; V3 duplicate ``clientOid`` 25212, balance 25202,
  margin 25203, unknown order 25204, reduce-only without position 22002; V2 spot duplicate
  43118, balance 43012, unknown order 43001. Unknown path: HTTP 404 code 40404
  "Request URL NOT FOUND". HTTP 429 code "429" for the rate-limit fault.
* WebSocket (numeric codes): unknown channel/bad casing 30001 "... doesn't exist", malformed
  JSON 30002, unknown op 30003, private subscribe before login 30004, login on a public path
  30005, login: unknown key 30011, passphrase 30012, timestamp 30013, expired (30 s) 30014,
  signature 30015. Per-connection limits (:class:`BitgetLimits`, bitget.md §0.10): over
  ``messages_per_second`` 30007 "request over limit,connection close" then a close; subscribe
  requests over the hourly budget, or channels over the per-connection cap, 30006; a subscribe
  frame over 4,096 bytes 30016.
* WebSocket API errors use string codes (``"30004"``, ``"40808"``...): ``receiveWindow`` outside
  10..60000 ms or a bad ``requestTime`` 40808, older than ``requestTime`` + ``receiveWindow``
  40008; ``modify-order``: unknown/closed order or wrong symbol 25204, ``newClientOid`` taken 25212.
* V3 REST wants ``reduceOnly`` ``yes``/``no`` and upper-case categories; the WebSocket API wants
  ``YES``/``NO`` and lower-case categories; anything else is rejected with 40808.
"""

from __future__ import annotations

import collections
import json
import time
import weakref
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, Deque, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl

from ._common import ZERO, decimal_places, fmt, now_ms, to_decimal
from ._engine import DEFAULT_LEVERAGE, EngineError, Fill, Order, OrderRequest, Position
from ._faults import NO_FAULT
from ._flavour import ApiError, Flavour, Sub, levels_json, limit_param, next_funding_ms, open_interest
from ._paging import bitget_older, bitget_page, bitget_range, in_range
from ._market import INTERVAL_MS, Instrument
from ._server import RestRequest, RestResponse, WsConnection, loads_or_none

V3_CATEGORIES = {"SPOT": "spot", "MARGIN": "spot", "USDT-FUTURES": "perp", "USDC-FUTURES": "perp",
                 "COIN-FUTURES": "inverse"}
V3_INST_TYPES = {"spot": "spot", "usdt-futures": "perp", "usdc-futures": "perp", "coin-futures": "inverse"}
V2_INST_TYPES = {"SPOT": "spot", "USDT-FUTURES": "perp", "USDC-FUTURES": "perp", "COIN-FUTURES": "inverse",
                 "SUSDT-FUTURES": "perp", "SUSDC-FUTURES": "perp", "SCOIN-FUTURES": "inverse"}
TRADABLE = ("spot", "perp")
V2_SPOT_GRANULARITY = ("1min", "5min", "15min", "30min", "1h", "4h", "6h", "12h", "1day", "3day", "1week", "1M",
                       "6Hutc", "12Hutc", "1Dutc", "3Dutc", "1Wutc", "1Mutc")
V2_MIX_GRANULARITY = ("1m", "3m", "5m", "15m", "30m", "1H", "2H", "4H", "6H", "12H", "1D", "3D", "1W", "1M",
                      "6Hutc", "12Hutc", "1Dutc", "3Dutc", "1Wutc", "1Mutc")
V3_INTERVALS = ("1m", "3m", "5m", "15m", "30m", "1H", "4H", "6H", "12H", "1D")
V2_CANDLES = ("1m", "5m", "15m", "30m", "1H", "4H", "6H", "12H", "1D", "3D", "1W", "1M",
              "6Hutc", "12Hutc", "1Dutc", "3Dutc", "1Wutc", "1Mutc")  # bitget.md §4.9
# Depth topics differ per version (bitget.md §0.9, §4.9): V2 has books15, V3 has books50.
V2_BOOKS = {"books": 200, "books1": 1, "books5": 5, "books15": 15}
V3_BOOKS = {"books": 200, "books1": 1, "books5": 5, "books50": 50}
V2_PRIVATE = {"account": "balance", "orders": "order", "positions": "position", "fill": "fill",
              "orders-algo": "none", "positions-history": "none", "account-crossed": "none",
              "account-isolated": "none", "orders-crossed": "none", "orders-isolated": "none"}
V3_PRIVATE = {"account": "balance", "order": "order", "position": "position", "fill": "fill", "strategy-order": "none"}
STATUS = {"new": "live", "partially_filled": "partially_filled", "filled": "filled",
          "cancelled": "cancelled", "rejected": "cancelled"}
WS_API_TOPICS = ("place-order", "batch-place", "cancel-order", "batch-cancel", "modify-order", "batch-modify")
WS_API_SINGLE = ("place-order", "cancel-order", "modify-order")
WS_API_NO_CATEGORY = ("cancel-order", "batch-cancel", "modify-order", "batch-modify")  # category optional
WS_API_CATEGORIES = dict(V3_INST_TYPES, margin="spot")  # lower-case only (V3 REST wants upper-case)
RECEIVE_WINDOW_MS = (10, 60_000)
UIDS = {"live": "6100000001", "demo": "6100000002"}  # plausible constants: one loopback account per environment
LOGIN_MESSAGES = {30004: "User needs to log in", 30005: "Login failed", 30011: "Invalid ACCESS_KEY",
                  30012: "Invalid ACCESS_PASSPHRASE", 30013: "Invalid ACCESS_TIMESTAMP",
                  30014: "Request timestamp expired", 30015: "Invalid signature"}
TIMESTAMP_WINDOW_MS = 30_000
MARGIN_INSTRUMENT = {"isIsolatedBaseBorrowable": "YES", "isIsolatedQuotedBorrowable": "YES", "warningRiskRatio": "0.8",
                     "liquidationRiskRatio": "1", "maxCrossedLeverage": "3", "maxIsolatedLeverage": "10",
                     "userMinBorrow": "0.00000001"}
V2_ERRORS = {"duplicate_client_id": ("43118", "clientOrderId duplicate"),
             "insufficient_balance": ("43012", "Insufficient balance"),
             "insufficient_margin": ("43012", "Insufficient balance"),
             "order_not_found": ("43001", "The order does not exist")}


CHECKSUM_LEVELS = 25


def book_checksum(bids: List[List[str]], asks: List[List[str]]) -> int:
    """Bitget's book checksum (bitget.md §4.10): signed CRC-32 of ``bid:size:ask:size:...``, 25 levels."""
    parts: List[str] = []
    for level in range(CHECKSUM_LEVELS):
        for side in (bids, asks):
            if level < len(side):
                parts.extend(side[level][:2])
    value = zlib.crc32(":".join(parts).encode())
    return value - 2 ** 32 if value > 2 ** 31 - 1 else value


def now_us() -> int:
    """Wall-clock time in epoch microseconds (WebSocket API ``receiveTime``/``pushTime``)."""
    return time.time_ns() // 1000


def signed_query(raw: str) -> str:
    """The query as Bitget signs it: ``key=value`` pairs sorted by key, values decoded, joined by ``&``.

    The URL carries the percent-encoded form; a client that signs that form instead gets 40009
    as soon as a value holds ``:`` ``/`` ``#`` ``+`` a space ``$`` or non-ASCII text (bitget.md §0.1).
    """
    pairs = parse_qsl(raw, keep_blank_values=True)
    return "&".join("%s=%s" % pair for pair in sorted(pairs, key=lambda pair: pair[0]))


@dataclass
class BitgetLimits:
    """Bitget's per-connection WebSocket limits (bitget.md §0.10); a test may lower any of them.

    Exceeding ``messages_per_second`` (client frames, ``ping`` included) gets error 30007 and
    the connection closed, as Bitget documents; the others refuse the request with an error reply.
    """

    channels_per_connection: int = 1000
    subscribe_requests_per_hour: int = 240
    messages_per_second: int = 10
    subscribe_request_bytes: int = 4096
    message_window: float = 1.0  # seconds over which messages_per_second is counted (tests may widen it)


@dataclass
class _ConnLimits:
    """What one connection has used of its limits."""

    frames: Deque[float] = field(default_factory=collections.deque)  # receive times, last second
    subscribes: Deque[float] = field(default_factory=collections.deque)  # subscribe times, last hour
    cut_off: bool = False  # over the message rate: closing, nothing more is read


class BitgetFlavour(Flavour):
    """Bitget: one REST host (demo via ``paptrading: 1``), V2/V3 public and private WebSockets."""

    name = "bitget"
    ws_paths = {"v2Public": "/v2/ws/public", "v2Private": "/v2/ws/private",
                "v3Public": "/v3/ws/public", "v3Private": "/v3/ws/private"}
    ws_kinds = {"v2Public": "v2public", "v2Private": "v2private", "v3Public": "v3public", "v3Private": "v3private"}
    demo_ws_keys = ("v2Public", "v2Private", "v3Public", "v3Private")  # Bitget's wspap host serves all four
    demo_rest_host = False
    engine_errors = {
        "unknown_symbol": ("40034", "Parameter symbol does not exist"),
        "bad_param": ("40808", "Parameter verification exception %s"),
        "bad_qty": ("40808", "Parameter verification exception %s"),
        "bad_price": ("40808", "Parameter verification exception %s"),
        "duplicate_client_id": ("25212", "Duplicate clientOid"),
        "insufficient_balance": ("25202", "Insufficient balance"),
        "insufficient_margin": ("25203", "Insufficient margin"),
        "order_not_found": ("25204", "Order does not exist"),
        "reduce_only": ("22002", "No position to close"),
    }

    def __init__(self, ex: Any) -> None:
        super().__init__(ex)
        self.limits = BitgetLimits()
        self._usage: "weakref.WeakKeyDictionary[WsConnection, _ConnLimits]" = weakref.WeakKeyDictionary()

    # --- REST: plumbing ------------------------------------------------------------------------------

    def register_routes(self) -> None:
        r = self.route
        # /api/v3/public/time is declared by bitget-api alone and reported to 404 (bitget.md §0.3):
        # not served, so a client that depends on it fails here too.
        r("GET", "/api/v3/market/instruments", self.get_instruments)
        r("GET", "/api/v3/market/tickers", self.get_tickers)
        r("GET", "/api/v3/market/orderbook", self.get_orderbook)
        r("GET", "/api/v3/market/candles", self.get_candles)
        r("GET", "/api/v3/market/fills", self.get_market_fills)
        r("GET", "/api/v3/market/current-fund-rate", self.get_funding_rate)
        r("GET", "/api/v3/market/open-interest", self.get_open_interest)
        r("GET", "/api/v3/account/assets", self.get_assets, "signed")
        r("GET", "/api/v3/account/settings", self.get_settings, "signed")
        r("GET", "/api/v3/position/current-position", self.get_positions, "signed")
        r("POST", "/api/v3/trade/place-order", self.place_order, "signed")
        r("POST", "/api/v3/trade/modify-order", self.modify_order, "signed")
        r("POST", "/api/v3/trade/batch-modify-order", self.batch_modify, "signed")
        r("POST", "/api/v3/trade/cancel-order", self.cancel_order, "signed")
        r("POST", "/api/v3/trade/place-batch", self.place_batch, "signed")
        r("POST", "/api/v3/trade/cancel-batch", self.cancel_batch, "signed")
        r("GET", "/api/v3/trade/order-info", self.get_order_info, "signed")
        r("GET", "/api/v3/trade/unfilled-orders", self.get_unfilled, "signed")
        r("GET", "/api/v3/trade/history-orders", self.get_history, "signed")
        r("GET", "/api/v3/trade/fills", self.get_fills, "signed")
        r("GET", "/api/v2/public/time", self.get_time)
        # The SDKs sign these V2 market endpoints when keys are present; Bitget serves them either way.
        r("GET", "/api/v2/spot/market/tickers", self.v2_spot_tickers, "optional")
        r("GET", "/api/v2/spot/market/candles", self.v2_spot_candles, "optional")
        r("GET", "/api/v2/mix/market/candles", self.v2_mix_candles)
        r("GET", "/api/v2/mix/market/ticker", self.v2_mix_ticker)
        r("GET", "/api/v2/mix/market/tickers", self.v2_mix_ticker)
        r("GET", "/api/v2/spot/public/coins", self.v2_coins)
        r("GET", "/api/v2/spot/public/symbols", self.v2_spot_symbols)
        r("GET", "/api/v2/mix/market/contracts", self.v2_contracts)
        r("GET", "/api/v2/margin/currencies", self.v2_margin_currencies)
        r("GET", "/api/v2/spot/account/assets", self.v2_spot_assets, "signed")
        r("POST", "/api/v2/spot/trade/place-order", self.v2_place_order, "signed")
        r("POST", "/api/v2/spot/trade/cancel-order", self.v2_cancel_order, "signed")
        r("GET", "/api/v2/spot/trade/fills", self.v2_spot_fills, "signed")

    def has_credentials(self, req: RestRequest) -> bool:
        return bool(req.header("ACCESS-KEY"))

    def authenticate(self, req: RestRequest) -> Tuple[str, str]:
        key, sign = req.header("ACCESS-KEY"), req.header("ACCESS-SIGN")
        ts, passphrase = req.header("ACCESS-TIMESTAMP"), req.header("ACCESS-PASSPHRASE")
        if not key:
            raise ApiError("40001", "ACCESS_KEY cannot be empty")
        if not sign:
            raise ApiError("40002", "ACCESS_SIGN cannot be empty")
        if not passphrase:
            raise ApiError("40011", "ACCESS_PASSPHRASE cannot be empty")
        if not ts.isdigit():
            raise ApiError("40005", "Invalid ACCESS_TIMESTAMP")
        record = self.ex.lookup_key(key)
        if record is None:
            raise ApiError("40006", "Invalid ACCESS_KEY")
        if abs(now_ms() - int(ts)) > TIMESTAMP_WINDOW_MS:
            raise ApiError("40008", "Request timestamp expired")
        if passphrase != record.passphrase:
            raise ApiError("40012", "apikey/password is incorrect")
        if (record.env == "demo") != (req.header("paptrading") == "1"):
            raise ApiError("40099", "exchange environment is incorrect")
        body = req.body.decode("utf-8", "replace")
        query = signed_query(req.query)
        prehash = ts + req.method.upper() + req.path + ("?" + query if query else "") + body
        if not record.verify(prehash, sign, hex_hmac=False):
            raise ApiError("40009", "sign signature error")
        return record.env, key

    def envelope(self, code: str, msg: str, data: Any) -> Dict[str, Any]:
        return {"code": code, "msg": msg, "requestTime": now_ms(), "data": data}

    def success(self, req: RestRequest, result: Any, key: Optional[str]) -> RestResponse:
        return RestResponse.json(self.envelope("00000", "success", result))

    def failure(self, req: RestRequest, err: ApiError, key: Optional[str]) -> RestResponse:
        # Bitget answers business and auth errors with HTTP 400 and the code in the body.
        return RestResponse.json(self.envelope(str(err.code), err.msg, None), err.http_status or 400)

    def not_found(self, req: RestRequest) -> RestResponse:
        return RestResponse.json(self.envelope("40404", "Request URL NOT FOUND", None), 404)

    def bad_request(self, msg: str) -> ApiError:
        return ApiError("40808", "Parameter verification exception " + msg)

    def rate_limited(self) -> RestResponse:
        return RestResponse.json(self.envelope("429", "Too Many Requests", None), 429)

    # --- REST: helpers ---------------------------------------------------------------------------------

    @staticmethod
    def required(p: Dict[str, Any], name: str) -> str:
        value = p.get(name)
        if value in (None, ""):
            raise ApiError("40019", "Parameter %s cannot be empty" % name)
        return str(value)

    def v3_category(self, p: Dict[str, Any], required: bool = True) -> Tuple[str, str]:
        """(category label, product) of a V3 REST request; categories are upper-case there."""
        category = p.get("category")
        if category in (None, "") and not required:
            return "", ""
        category = self.required(p, "category")
        if category not in V3_CATEGORIES:
            raise ApiError("40808", "Parameter verification exception category")
        return category, V3_CATEGORIES[category]

    def instrument(self, product: str, symbol: Any) -> Instrument:
        inst = self.market.resolve(product, str(symbol or ""))
        if inst is None:
            if not symbol:
                raise ApiError("40019", "Parameter symbol cannot be empty")
            raise ApiError("40034", "Parameter %s does not exist" % symbol)
        return inst

    def instruments(self, product: str, symbol: Any) -> List[Instrument]:
        if symbol:
            return [self.instrument(product, symbol)]
        if product == "inverse":
            return [i for i in (self.market.resolve("inverse", b + "USD") for b in self.market.base_mids) if i]
        return self.market.listed(product)

    def stats(self, inst: Instrument) -> Dict[str, str]:
        """Ticker numbers shared by every Bitget ticker shape."""
        book, stat = self.market.book(inst), self.market.stat(inst)
        change = ((stat.last - stat.open24h) / stat.open24h).quantize(Decimal("0.0001"))
        return {
            "last": fmt(stat.last), "open": fmt(stat.open24h), "high": fmt(stat.high24h), "low": fmt(stat.low24h),
            "bid": fmt(book.best_bid), "ask": fmt(book.best_ask), "bidSz": fmt(book.bids[book.best_bid]),
            "askSz": fmt(book.asks[book.best_ask]), "change": fmt(change), "base": fmt(stat.volume24h),
            "quote": fmt(stat.turnover24h.quantize(Decimal("0.01"))), "mid": fmt(book.mid),
            "oi": fmt(open_interest(inst)), "ts": str(now_ms()),
        }

    # --- REST: V3 market data ---------------------------------------------------------------------------

    def get_time(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        return {"serverTime": str(now_ms())}

    def get_instruments(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category, product = self.v3_category(p)
        futures = product != "spot"
        return [{
            "symbol": inst.symbol, "category": category, "baseCoin": inst.base, "quoteCoin": inst.quote,
            "buyLimitPriceRatio": "0.05", "sellLimitPriceRatio": "0.05", "feeRateUpRatio": "0.005",
            "makerFeeRate": "0.0002" if futures else "0.001", "takerFeeRate": "0.0006" if futures else "0.001",
            "openCostUpRatio": "0.01", "minOrderQty": fmt(inst.min_qty), "maxOrderQty": "10000",
            "pricePrecision": str(decimal_places(inst.tick)), "quantityPrecision": str(decimal_places(inst.qty_step)),
            "quotePrecision": "8", "priceMultiplier": fmt(inst.tick), "quantityMultiplier": fmt(inst.qty_step),
            "type": "perpetual" if futures else "", "minOrderAmount": "1", "maxSymbolOrderNum": "200",
            "maxProductOrderNum": "400", "maxPositionNum": "150", "status": "online", "offTime": "-1",
            "limitOpenTime": "-1", "deliveryTime": "", "deliveryStartTime": "", "deliveryPeriod": "",
            "launchTime": str(inst.launch_ms), "fundInterval": "8" if futures else "", "minLeverage": "1",
            "maxLeverage": "125" if futures else "", "maintainTime": "", "isRwa": "NO",
            "maxMarketOrderQty": fmt(inst.qty_step * 100_000), "areaSymbol": "no" if product == "spot" else "",
            **(MARGIN_INSTRUMENT if category == "MARGIN" else {}),
        } for inst in self.instruments(product, p.get("symbol"))]

    def v3_ticker(self, inst: Instrument, category: str = "") -> Dict[str, Any]:
        s = self.stats(inst)
        view = {
            "symbol": inst.symbol, "lastPrice": s["last"], "openPrice24h": s["open"], "highPrice24h": s["high"],
            "lowPrice24h": s["low"], "ask1Price": s["ask"], "bid1Price": s["bid"], "bid1Size": s["bidSz"],
            "ask1Size": s["askSz"], "price24hPcnt": s["change"], "volume24h": s["base"], "turnover24h": s["quote"],
        }
        if inst.product != "spot":
            view.update({"indexPrice": s["mid"], "markPrice": s["mid"], "fundingRate": "0.0001",
                         "nextFundingTime": str(next_funding_ms()), "openInterest": s["oi"]})
        if category:
            view = dict({"category": category}, **view)
            view.update({"ts": s["ts"], "deliveryStartTime": "", "deliveryTime": "", "deliveryStatus": ""})
        elif inst.product != "spot":  # the ticker topic carries the delivery fields for futures
            view.update({"deliveryStartTime": "", "deliveryTime": "", "deliveryStatus": ""})
        return view

    def get_tickers(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category, product = self.v3_category(p)
        return [self.v3_ticker(inst, category) for inst in self.instruments(product, p.get("symbol"))]

    def get_orderbook(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category, product = self.v3_category(p)
        inst = self.instrument(product, p.get("symbol"))
        bids, asks = self.market.book(inst).levels(limit_param(p, 5, 200))
        return {"a": levels_json(asks), "b": levels_json(bids), "ts": str(now_ms())}

    def candles(self, inst: Instrument, interval: str, p: Dict[str, Any]) -> List[Tuple[Any, ...]]:
        return self.market.candles(inst, INTERVAL_MS[interval], limit_param(p, 100, 1000))

    def get_candles(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category, product = self.v3_category(p)
        inst = self.instrument(product, p.get("symbol"))
        interval = self.required(p, "interval")
        if interval not in V3_INTERVALS:
            raise ApiError("40808", "Parameter verification exception interval")
        return [[str(r[0])] + [fmt(v) for v in r[1:]] for r in self.candles(inst, interval, p)]

    def get_market_fills(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category, product = self.v3_category(p)
        inst = self.instrument(product, p.get("symbol"))
        return [{"execId": t.trade_id, "execLinkId": t.trade_id, "price": fmt(t.price), "size": fmt(t.size),
                 "side": t.side, "ts": str(t.ts)}
                for t in self.market.recent_trades(inst, limit_param(p, 100, 100))]

    def get_funding_rate(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        inst = self.instrument("perp", self.required(p, "symbol"))
        return [{"symbol": inst.symbol, "fundingRate": "0.0001", "fundingRateInterval": "8",
                 "nextUpdate": str(next_funding_ms()), "minFundingRate": "-0.003", "maxFundingRate": "0.003"}]

    def get_open_interest(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category, product = self.v3_category(p)
        if product == "spot":
            raise ApiError("40808", "Parameter verification exception category")
        return {"list": [{"symbol": inst.symbol, "openInterest": fmt(open_interest(inst))}
                         for inst in self.instruments(product, p.get("symbol"))], "ts": str(now_ms())}

    # --- REST: V3 account -------------------------------------------------------------------------------

    def assets_view(self, env: str) -> Dict[str, Any]:
        rows = self.coin_rows(self.engine.account(env))
        total = sum((r["usd"] for r in rows), ZERO).quantize(Decimal("0.0001"))
        upl = sum((r["upnl"] for r in rows), ZERO)
        btc = self.usd_price("BTC") or Decimal(1)
        return {
            "accountEquity": fmt(total), "usdtEquity": fmt(total),
            "btcEquity": fmt((total / btc).quantize(Decimal("0.00000001"))), "unrealisedPnl": fmt(upl),
            "usdtUnrealisedPnl": fmt(upl), "btcUnrealizedPnl": fmt((upl / btc).quantize(Decimal("0.00000001"))),
            "effEquity": fmt(total), "mmr": "0", "imr": "0", "mgnRatio": "0", "positionMgnRatio": "0",
            "assets": [{"coin": r["coin"], "equity": fmt(r["equity"]), "usdValue": fmt(r["usd"].quantize(Decimal("0.0001"))),
                        "balance": fmt(r["wallet"]), "available": fmt(r["available"]), "debt": "0",
                        "locked": fmt(r["locked"])} for r in rows],
        }

    def get_assets(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        return self.assets_view(env)

    def get_settings(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        return {"uid": UIDS[env], "accountMode": "unified", "assetMode": "union", "holdMode": "one_way_mode",
                "stpMode": "none",
                "symbolConfigList": [{"category": "USDT-FUTURES", "symbol": inst.symbol, "marginMode": "crossed",
                                      "leverage": fmt(DEFAULT_LEVERAGE)} for inst in self.market.listed("perp")],
                "coinConfigList": [{"coin": coin, "leverage": "3"} for coin in self.coins()]}

    def position_view(self, pos: Position) -> Dict[str, Any]:
        mark = self.market.mark_price(self.engine.instrument("perp", pos.symbol))
        margin = self.engine.position_margin(pos)
        upnl = self.engine.unrealised(pos)
        return {
            "category": "USDT-FUTURES", "symbol": pos.symbol, "marginCoin": pos.settle, "holdMode": "one_way_mode",
            "posSide": "long" if pos.size > 0 else "short", "marginMode": "crossed", "positionBalance": fmt(margin),
            "available": fmt(abs(pos.size)), "frozen": "0", "total": fmt(abs(pos.size)), "leverage": fmt(pos.leverage),
            "curRealisedPnl": fmt(pos.realised), "avgPrice": fmt(pos.entry), "positionStatus": "normal",
            "unrealisedPnl": fmt(upnl), "liquidationPrice": "0", "mmr": "0.004",
            "profitRate": fmt((upnl / margin).quantize(Decimal("0.0001"))) if margin else "0",
            "markPrice": fmt(mark), "breakEvenPrice": fmt(pos.entry), "totalFunding": "0",
            "openFeeTotal": "0", "closeFeeTotal": "0", "createdTime": str(pos.created_ms),
            "updatedTime": str(pos.updated_ms),
        }

    def get_positions(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category, product = self.v3_category(p)
        if product == "spot":
            raise ApiError("40808", "Parameter verification exception category")
        symbol = p.get("symbol")
        if symbol:
            self.instrument(product, symbol)
        if product != "perp":  # coin-futures are data-only on the loopback
            return {"list": []}
        positions = [pos for pos in self.engine.account(env).positions.values()
                     if pos.size and (not symbol or pos.symbol == symbol)]
        return {"list": [self.position_view(pos) for pos in positions]}

    # --- REST: V3 trading ---------------------------------------------------------------------------------

    def order_request(self, item: Any, category: str, product: str, ws: bool) -> OrderRequest:
        """Decode V3 order fields (REST body or WebSocket API arg); casing differs between the two."""
        if not isinstance(item, dict):
            raise self.bad_request("order")
        if product not in TRADABLE:
            raise ApiError("40808", "Parameter verification exception category (not tradable on the loopback)")
        symbol = self.required(item, "symbol")
        side = item.get("side")
        if side not in ("buy", "sell"):
            raise self.bad_request("side")
        order_type = item.get("orderType")
        if order_type not in ("limit", "market"):
            raise self.bad_request("orderType")
        qty = to_decimal(self.required(item, "qty"))
        if qty is None:
            raise self.bad_request("qty")
        price = None
        if order_type == "limit":
            price = to_decimal(self.required(item, "price"))
            if price is None:
                raise self.bad_request("price")
        tif = item.get("timeInForce") or "gtc"
        if tif not in ("gtc", "ioc", "fok", "post_only"):
            raise self.bad_request("timeInForce")
        yes, no = ("YES", "NO") if ws else ("yes", "no")  # V3 REST: lower-case; WebSocket API: upper-case
        reduce_only = item.get("reduceOnly", no)
        if reduce_only not in (yes, no):
            raise self.bad_request("reduceOnly")
        client = str(item.get("clientOid") or "")
        if len(client) > 64:
            raise ApiError("40305", "clientOid or clientOrderId length cannot greater than 64, and cannot be Martian characters")
        pos_side = item.get("posSide") or ""
        if pos_side not in ("", "long", "short"):
            raise self.bad_request("posSide")
        return OrderRequest(category, product, symbol, side, order_type, qty, price, tif, reduce_only == yes,
                            client, False, pos_side)

    def place(self, env: str, req: OrderRequest, overrides: Optional[Dict[str, Any]] = None) -> Order:
        try:
            return self.engine.place(env, req)
        except EngineError as err:
            raise self.engine_error(err, overrides) from None

    def order_ref(self, item: Any) -> Tuple[str, str]:
        if not isinstance(item, dict):
            raise self.bad_request("order")
        order_id, client = str(item.get("orderId") or ""), str(item.get("clientOid") or "")
        if not order_id and not client:
            raise ApiError("40924", "orderId and clientOid must have one")
        return order_id, client

    def cancel(self, env: str, item: Any, overrides: Optional[Dict[str, Any]] = None) -> Order:
        order_id, client = self.order_ref(item)
        try:
            return self.engine.cancel(env, order_id, client, str(item.get("symbol") or ""))
        except EngineError as err:
            raise self.engine_error(err, overrides) from None

    def place_order(self, req: RestRequest, env: str, p: Any) -> Any:
        if not isinstance(p, dict):
            raise self.bad_request("body")
        category, product = self.v3_category(p)
        order = self.place(env, self.order_request(p, category, product, ws=False))
        return {"orderId": order.order_id, "clientOid": order.client_id}

    def optional_number(self, p: Dict[str, Any], name: str) -> Optional[Decimal]:
        """An optional numeric field: None when absent, 40808 when not a number."""
        if p.get(name) in (None, ""):
            return None
        value = to_decimal(p.get(name))
        if value is None:
            raise self.bad_request(name)
        return value

    def modify(self, env: str, p: Any) -> Order:
        """Amend an open order: ``qty``/``price``, optionally ``newClientOid`` and ``autoCancel``.

        Shared by V3 REST ``modify-order``/``batch-modify-order`` and the WebSocket API
        ``modify-order``/``batch-modify``. ``orderId`` wins over ``clientOid`` when both are given.
        """
        order_id, client = self.order_ref(p)
        qty, price = self.optional_number(p, "qty"), self.optional_number(p, "price")
        auto_cancel = p.get("autoCancel") or "no"
        if auto_cancel not in ("yes", "no"):
            raise self.bad_request("autoCancel")
        new_client = str(p.get("newClientOid") or "")
        if len(new_client) > 64:
            raise ApiError("40305", "clientOid or clientOrderId length cannot greater than 64, and cannot be Martian characters")
        order = self.engine.find_order(env, order_id, "" if order_id else client)
        symbol = str(p.get("symbol") or "")
        if order is None or not order.is_open or (symbol and order.symbol != symbol):
            raise ApiError("25204", "Order does not exist")
        acct = self.engine.account(env)
        if new_client and new_client != order.client_id and new_client in acct.client_ids:
            raise ApiError("25212", "Duplicate clientOid")
        old_client = order.client_id
        if new_client:  # renamed before amending so that the order events carry the new id
            self.rename(acct.client_ids, order, new_client)
        try:
            return self.engine.amend(env, order.order_id, "", qty, price)
        except EngineError as err:
            if new_client:
                self.rename(acct.client_ids, order, old_client)
            if auto_cancel == "yes" and order.is_open:
                self.engine.cancel(env, order.order_id)
            raise self.engine_error(err) from None

    @staticmethod
    def rename(client_ids: Dict[str, str], order: Order, client: str) -> None:
        """Give ``order`` a new client order id (``newClientOid``), keeping the account's index right."""
        client_ids.pop(order.client_id, None)
        order.client_id = client
        if client:
            client_ids[client] = order.order_id

    def modify_order(self, req: RestRequest, env: str, p: Any) -> Any:
        """POST /api/v3/trade/modify-order (``category`` optional, upper-case when given)."""
        if not isinstance(p, dict):
            raise self.bad_request("body")
        self.v3_category(p, required=False)
        order = self.modify(env, p)
        return {"orderId": order.order_id, "clientOid": order.client_id}

    def batch_modify(self, req: RestRequest, env: str, p: Any) -> Any:
        """POST /api/v3/trade/batch-modify-order: per-item code/msg, like place-batch."""
        results = []
        for item in self.batch_items(p, "orderList"):
            ref = item if isinstance(item, dict) else {}
            try:
                self.v3_category(ref, required=False)
                order = self.modify(env, item)
                results.append({"orderId": order.order_id, "clientOid": order.client_id, "code": "00000",
                                "msg": "success"})
            except ApiError as err:
                results.append({"orderId": str(ref.get("orderId") or ""), "clientOid": str(ref.get("clientOid") or ""),
                                "code": str(err.code), "msg": err.msg})
        return results

    def cancel_order(self, req: RestRequest, env: str, p: Any) -> Any:
        order = self.cancel(env, p)
        return {"orderId": order.order_id, "clientOid": order.client_id}

    @staticmethod
    def batch_items(p: Any, key: str) -> List[Any]:
        items = p if isinstance(p, list) else p.get(key) if isinstance(p, dict) else None
        if not isinstance(items, list) or not items:
            raise ApiError("40019", "Parameter %s cannot be empty" % key)
        if len(items) > 50:
            raise ApiError("40306", "Batch processing orders can only process up to 50")
        return items

    def place_batch(self, req: RestRequest, env: str, p: Any) -> Any:
        results = []
        for item in self.batch_items(p, "orderList"):
            client = str(item.get("clientOid") or "") if isinstance(item, dict) else ""
            try:
                category, product = self.v3_category(item if isinstance(item, dict) else {})
                order = self.place(env, self.order_request(item, category, product, ws=False))
                results.append({"orderId": order.order_id, "clientOid": order.client_id, "code": "00000", "msg": "success"})
            except ApiError as err:
                results.append({"orderId": "", "clientOid": client, "code": str(err.code), "msg": err.msg})
        return results

    def cancel_batch(self, req: RestRequest, env: str, p: Any) -> Any:
        results = []
        for item in self.batch_items(p, "orderList"):
            ref = item if isinstance(item, dict) else {}
            try:
                order = self.cancel(env, item)
                results.append({"orderId": order.order_id, "clientOid": order.client_id, "code": "00000", "msg": "success"})
            except ApiError as err:
                results.append({"orderId": str(ref.get("orderId") or ""), "clientOid": str(ref.get("clientOid") or ""),
                                "code": str(err.code), "msg": err.msg})
        return results

    def order_view(self, o: Order) -> Dict[str, Any]:
        return {
            "orderId": o.order_id, "clientOid": o.client_id, "category": o.category, "symbol": o.symbol,
            "orderType": o.order_type, "side": o.side, "price": fmt(o.price) if o.price is not None else "",
            "qty": fmt(o.qty), "amount": "", "cumExecQty": fmt(o.filled), "cumExecValue": fmt(o.filled_value),
            "avgPrice": fmt(o.avg_price), "timeInForce": o.tif, "orderStatus": STATUS[o.status],
            "posSide": o.pos_side, "holdMode": "one_way_mode", "reduceOnly": "yes" if o.reduce_only else "no",
            "feeDetail": [{"feeCoin": o.fee_coin, "fee": fmt(o.fee)} if o.fee else {"feeCoin": None, "fee": None}],
            "cancelReason": "post_only" if o.cancel_reason == "post_only_would_take" else "",
            "stpMode": "none", "tradeSide": self.trade_side(o), "execType": "normal",
            "createdTime": str(o.created_ms), "updatedTime": str(o.updated_ms),
        }

    @staticmethod
    def trade_side(o: Order) -> str:
        """Futures ``open``/``close``; empty for spot."""
        if o.product == "spot":
            return ""
        return "close" if o.reduce_only else "open"

    @staticmethod
    def hold_side(o: Order) -> str:
        """The position side an order works on (one-way mode: a buy opens or a reduce-only buy closes a short)."""
        if o.product == "spot":
            return ""
        if o.pos_side:
            return o.pos_side
        return "long" if (o.side == "buy") != o.reduce_only else "short"

    def leverage_of(self, env: str, o: Order) -> str:
        """The leverage a futures order trades at (its position's, or the default); empty for spot."""
        if o.product == "spot":
            return ""
        pos = self.engine.account(env).positions.get(o.symbol)
        return fmt(pos.leverage if pos is not None else DEFAULT_LEVERAGE)

    def order_push(self, env: str, o: Order) -> Dict[str, Any]:
        """The V3 ``order`` topic: the REST view plus the fields only the stream documents."""
        return dict(self.order_view(o), holdSide=self.hold_side(o), marginMode="crossed" if o.product != "spot" else "",
                    marginCoin=o.fee_coin if o.product != "spot" else "", totalProfit="0",
                    leverage=self.leverage_of(env, o))

    def fill_push(self, f: Fill) -> Dict[str, Any]:
        """The V3 ``fill`` topic: the REST view plus ``execTime`` and ``holdSide``."""
        return dict(self.fill_view(f), execTime=str(f.ts), holdSide=self.hold_side(f.order))

    def position_push(self, pos: Position) -> Dict[str, Any]:
        """The V3 ``position`` topic names some REST fields differently."""
        view = self.position_view(pos)
        return dict(view, size=view["total"], marginSize=view["positionBalance"], liqPrice=view["liquidationPrice"],
                    totalFundingFee=view["totalFunding"], marginRate="0")

    def account_push(self, env: str) -> Dict[str, Any]:
        """The V3 ``account`` topic (``totalEquity`` and a ``coin`` list, unlike REST ``assets``)."""
        assets = self.assets_view(env)
        return {
            "unrealisedPnl": assets["unrealisedPnl"], "totalEquity": assets["accountEquity"],
            "effEquity": assets["effEquity"], "mmr": assets["mmr"], "imr": assets["imr"], "mgnRatio": assets["mgnRatio"],
            "positionMgnRatio": assets["positionMgnRatio"],
            "coin": [{"coin": a["coin"], "balance": a["balance"], "available": a["available"], "locked": a["locked"],
                      "equity": a["equity"], "usdValue": a["usdValue"], "borrow": "0", "debts": "0"}
                     for a in assets["assets"]],
        }

    def order_filters(self, p: Dict[str, Any]) -> Tuple[str, str]:
        _, product = self.v3_category(p, required=False)
        return product, str(p.get("symbol") or "")

    def get_order_info(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        order_id, client = self.order_ref(p)
        order = self.engine.find_order(env, order_id, client)
        if order is None:
            raise ApiError("25204", "Order does not exist")
        return self.order_view(order)

    def get_unfilled(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        product, symbol = self.order_filters(p)
        orders = self.engine.orders(env, True, product, symbol)[: limit_param(p, 100, 100)]
        return {"list": [self.order_view(o) for o in orders], "cursor": ""}

    def get_history(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        product, symbol = self.order_filters(p)
        orders = [o for o in self.engine.orders(env, False, product, symbol) if not o.is_open]
        orders, cursor = bitget_page(orders, lambda o: o.order_id, p, limit_param(p, 100, 100))
        return {"list": [self.order_view(o) for o in orders], "cursor": cursor}

    def fill_view(self, f: Fill) -> Dict[str, Any]:
        o = f.order
        return {
            "execId": f.exec_id, "execLinkId": f.exec_id, "tradeSide": self.trade_side(o), "orderId": o.order_id,
            "clientOid": o.client_id, "category": o.category,
            "symbol": o.symbol, "orderType": o.order_type, "side": o.side, "execPrice": fmt(f.price),
            "execQty": fmt(f.qty), "execValue": fmt(f.price * f.qty), "tradeScope": "maker" if f.is_maker else "taker",
            "feeDetail": [{"feeCoin": f.fee_coin, "fee": fmt(f.fee)}], "execPnl": fmt(f.pnl),
            "createdTime": str(f.ts), "updatedTime": str(f.ts),
        }

    def get_fills(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        product, symbol = self.order_filters(p)
        fills = self.engine.fills(env, product, symbol, str(p.get("orderId") or ""))
        fills, cursor = bitget_page(fills, lambda f: f.exec_id, p, limit_param(p, 100, 100))
        return {"list": [self.fill_view(f) for f in fills], "cursor": cursor}

    # --- REST: V2 ------------------------------------------------------------------------------------------

    def v2_product(self, p: Dict[str, Any]) -> str:
        product_type = self.required(p, "productType")
        if product_type not in V2_INST_TYPES or product_type == "SPOT":
            raise ApiError("40808", "Parameter verification exception productType")
        return V2_INST_TYPES[product_type]

    def v2_ticker(self, inst: Instrument, stream: bool = False) -> Dict[str, Any]:
        s = self.stats(inst)
        view: Dict[str, Any] = {
            "instId" if stream else "symbol": inst.symbol, "lastPr": s["last"], "open24h": s["open"],
            "high24h": s["high"], "low24h": s["low"], "change24h": s["change"], "bidPr": s["bid"],
            "askPr": s["ask"], "bidSz": s["bidSz"], "askSz": s["askSz"], "baseVolume": s["base"],
            "quoteVolume": s["quote"], "usdtVolume": s["quote"], "openUtc": s["open"], "changeUtc24h": s["change"],
            "ts": s["ts"],
        }
        if inst.product == "spot" and not stream:
            view["open"] = view.pop("open24h")
        if inst.product != "spot":
            view.update({"indexPrice": s["mid"], "markPrice": s["mid"], "fundingRate": "0.0001",
                         "nextFundingTime": str(next_funding_ms()), "holdingAmount": s["oi"],
                         "deliveryStartTime": None, "deliveryTime": None, "deliveryStatus": ""})
            if stream:  # the futures ticker channel also names the symbol and its type (1 = perpetual)
                view.update({"symbol": inst.symbol, "symbolType": 1, "deliveryPrice": "0"})
        return view

    def v2_listing(self, product_type: str) -> List[Instrument]:
        """The contracts of a V2 product type (the S-prefixed demo types are delisted: none)."""
        if product_type.startswith("S"):
            return []
        if product_type == "COIN-FUTURES":
            return self.instruments("inverse", None)
        quote = product_type.split("-")[0]
        return [inst for inst in self.market.listed("perp") if inst.quote == quote]

    def coins(self) -> List[str]:
        """Every coin of the listed spot pairs, bases first."""
        names: Dict[str, None] = {}
        for inst in self.market.listed("spot"):
            names.setdefault(inst.base)
        for inst in self.market.listed("spot"):
            names.setdefault(inst.quote)
        return list(names)

    def v2_coins(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        """GET /api/v2/spot/public/coins: every coin of the listed pairs, one chain each."""
        wanted = str(p.get("coin") or "")
        coins = self.coins()
        if wanted and wanted not in coins:
            raise ApiError("40034", "Parameter %s does not exist" % wanted)
        return [{
            "coinId": str(index + 1), "coin": coin, "transfer": "true", "areaCoin": "no",
            "chains": [{
                "chain": coin if coin not in ("USDT", "USDC") else "ERC20", "needTag": "false",
                "withdrawable": "true", "rechargeable": "true", "withdrawFee": "0.0005" if coin == "BTC" else "1",
                "extraWithdrawFee": "0", "depositConfirm": "1", "withdrawConfirm": "1",
                "minDepositAmount": "0.0001", "minWithdrawAmount": "0.001", "browserUrl": "",
                "contractAddress": "", "withdrawStep": "0", "withdrawMinScale": "8", "congestion": "normal",
            }],
        } for index, coin in enumerate(coins) if not wanted or coin == wanted]

    def v2_spot_symbols(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        """GET /api/v2/spot/public/symbols."""
        return [{
            "symbol": inst.symbol, "baseCoin": inst.base, "quoteCoin": inst.quote,
            "minTradeAmount": fmt(inst.min_qty), "maxTradeAmount": "10000000000", "takerFeeRate": "0.001",
            "makerFeeRate": "0.001", "pricePrecision": str(decimal_places(inst.tick)),
            "quantityPrecision": str(decimal_places(inst.qty_step)), "quotePrecision": "8", "status": "online",
            "minTradeUSDT": "1", "buyLimitPriceRatio": "0.05", "sellLimitPriceRatio": "0.05",
            "orderQuantity": "200", "areaSymbol": "no", "maxLimitOrderValue": "", "maxMarketOrderValue": "",
            "openTime": str(inst.launch_ms), "offTime": "",
        } for inst in self.instruments("spot", p.get("symbol"))]

    def v2_contracts(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        """GET /api/v2/mix/market/contracts (``productType`` required)."""
        product_type = self.required(p, "productType")
        if product_type not in V2_INST_TYPES or product_type == "SPOT":
            raise ApiError("40808", "Parameter verification exception productType")
        listing = self.v2_listing(product_type)
        symbol = p.get("symbol")
        if symbol:
            listing = [inst for inst in listing if inst.symbol == symbol]
            if not listing:
                raise ApiError("40034", "Parameter %s does not exist" % symbol)
        return [{
            "symbol": inst.symbol, "baseCoin": inst.base, "quoteCoin": inst.quote, "buyLimitPriceRatio": "0.05",
            "sellLimitPriceRatio": "0.05", "feeRateUpRatio": "0.005", "makerFeeRate": "0.0002",
            "takerFeeRate": "0.0006", "openCostUpRatio": "0.01",
            "supportMarginCoins": [inst.base if inst.product == "inverse" else inst.quote],
            "minTradeNum": fmt(inst.min_qty), "priceEndStep": "1", "volumePlace": str(decimal_places(inst.qty_step)),
            "pricePlace": str(decimal_places(inst.tick)), "sizeMultiplier": fmt(inst.qty_step),
            "symbolType": "perpetual", "minTradeUSDT": "5", "maxSymbolOrderNum": "200", "maxProductOrderNum": "400",
            "maxPositionNum": "150", "symbolStatus": "normal", "offTime": "-1", "limitOpenTime": "-1",
            "deliveryTime": "", "deliveryStartTime": "", "deliveryPeriod": "", "launchTime": str(inst.launch_ms),
            "fundInterval": "8", "minLever": "1", "maxLever": "125", "posLimit": "0.05", "maintainTime": "",
            "maxMarketOrderQty": "1000", "maxOrderQty": "10000", "isRwa": "NO",
        } for inst in listing]

    def v2_margin_currencies(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        """GET /api/v2/margin/currencies: every spot pair, borrowable both ways."""
        return [{
            "symbol": inst.symbol, "baseCoin": inst.base, "quoteCoin": inst.quote, "maxCrossedLeverage": "3",
            "maxIsolatedLeverage": "10", "warningRiskRatio": "0.8", "liquidationRiskRatio": "1",
            "minTradeAmount": fmt(inst.min_qty), "maxTradeAmount": "10000000000", "takerFeeRate": "0.001",
            "makerFeeRate": "0.001", "pricePrecision": str(decimal_places(inst.tick)),
            "quantityPrecision": str(decimal_places(inst.qty_step)), "minTradeUSDT": "5", "isBorrowable": True,
            "userMinBorrow": "0.00000001", "status": "1", "isIsolatedBaseBorrowable": True,
            "isIsolatedQuoteBorrowable": True, "isCrossBorrowable": True,
        } for inst in self.market.listed("spot")]

    def v2_spot_tickers(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        return [self.v2_ticker(inst) for inst in self.instruments("spot", p.get("symbol"))]

    def v2_mix_ticker(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        product = self.v2_product(p)
        if req.path.endswith("/ticker"):
            return [self.v2_ticker(self.instrument(product, self.required(p, "symbol")))]
        return [self.v2_ticker(inst) for inst in self.v2_listing(str(p.get("productType")))]

    def v2_spot_candles(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        inst = self.instrument("spot", self.required(p, "symbol"))
        granularity = self.required(p, "granularity")
        if granularity not in V2_SPOT_GRANULARITY:
            raise ApiError("40808", "Parameter verification exception granularity")
        return [[str(r[0]), fmt(r[1]), fmt(r[2]), fmt(r[3]), fmt(r[4]), fmt(r[5]), fmt(r[6]), fmt(r[6])]
                for r in self.candles(inst, granularity, p)]

    def v2_mix_candles(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        product = self.v2_product(p)
        inst = self.instrument(product, self.required(p, "symbol"))
        granularity = self.required(p, "granularity")
        if granularity not in V2_MIX_GRANULARITY:
            raise ApiError("40808", "Parameter verification exception granularity")
        return [[str(r[0])] + [fmt(v) for v in r[1:]] for r in self.candles(inst, granularity, p)]

    def v2_coin_rows(self, env: str, coin: str = "") -> List[Dict[str, Any]]:
        return [{"coin": r["coin"], "available": fmt(r["available"]), "frozen": "0", "locked": fmt(r["locked"]),
                 "limitAvailable": "0", "uTime": str(now_ms())}
                for r in self.coin_rows(self.engine.account(env)) if not coin or r["coin"] == coin]

    def v2_spot_assets(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        return self.v2_coin_rows(env, str(p.get("coin") or ""))

    def v2_place_order(self, req: RestRequest, env: str, p: Any) -> Any:
        if not isinstance(p, dict):
            raise self.bad_request("body")
        item = {"symbol": p.get("symbol"), "side": p.get("side"), "orderType": p.get("orderType"),
                "qty": p.get("size"), "price": p.get("price"), "timeInForce": p.get("force") or "gtc",
                "clientOid": p.get("clientOid")}
        order_req = self.order_request(item, "SPOT", "spot", ws=False)
        # V2 spot market buys are sized in quote coin.
        order_req.quote_qty = order_req.order_type == "market" and order_req.side == "buy"
        order = self.place(env, order_req, V2_ERRORS)
        return {"orderId": order.order_id, "clientOid": order.client_id}

    def v2_spot_fills(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        """V2 spot fills: the list is ``data`` itself, older pages by ``idLessThan`` (a tradeId)."""
        bounds = bitget_range(p, 90)
        fills = [f for f in self.engine.fills(env, "spot", str(p.get("symbol") or ""), str(p.get("orderId") or ""))
                 if in_range(f.ts, bounds)]
        return [{
            "userId": env, "symbol": f.order.symbol, "orderId": f.order.order_id, "tradeId": f.exec_id,
            "orderType": f.order.order_type, "side": f.order.side, "priceAvg": fmt(f.price), "size": fmt(f.qty),
            "amount": fmt(f.price * f.qty), "tradeScope": "maker" if f.is_maker else "taker",
            "feeDetail": {"deduction": "no", "feeCoin": f.fee_coin, "totalDeductionFee": "", "totalFee": fmt(-f.fee)},
            "cTime": str(f.ts), "uTime": str(f.ts),
        } for f in bitget_older(fills, lambda f: f.exec_id, p, limit_param(p, 100, 100))]

    def v2_cancel_order(self, req: RestRequest, env: str, p: Any) -> Any:
        if not isinstance(p, dict):
            raise self.bad_request("body")
        self.required(p, "symbol")
        order = self.cancel(env, p, V2_ERRORS)
        return {"orderId": order.order_id, "clientOid": order.client_id}

    # --- WebSocket -------------------------------------------------------------------------------------------

    def usage(self, conn: WsConnection) -> _ConnLimits:
        """What ``conn`` has used of :attr:`limits` (created on first use)."""
        usage = self._usage.get(conn)
        if usage is None:
            usage = self._usage[conn] = _ConnLimits()
        return usage

    def on_frame(self, conn: WsConnection, data: Any) -> None:
        """Count the frame against ``messages_per_second`` (30007 and a close when over), then handle it."""
        usage = self.usage(conn)
        if usage.cut_off:
            return
        now = time.monotonic()
        usage.frames.append(now)
        while usage.frames and usage.frames[0] <= now - self.limits.message_window:
            usage.frames.popleft()
        if len(usage.frames) > self.limits.messages_per_second:
            # Bitget: more than 10 messages a second and the connection is closed.
            usage.cut_off = True
            self.reply(conn, {"event": "error", "code": 30007, "msg": "request over limit,connection close"})
            conn.close_after_queued()
            return
        super().on_frame(conn, data)

    def subscribe_refusal(self, conn: WsConnection, text: str) -> Optional[Tuple[int, str]]:
        """Why a subscribe frame breaks a per-connection limit (or None); counts it otherwise."""
        if len(text.encode("utf-8")) > self.limits.subscribe_request_bytes:
            return 30016, "Param error: a subscribe request may hold at most %d bytes" % self.limits.subscribe_request_bytes
        usage = self.usage(conn)
        now = time.monotonic()
        while usage.subscribes and usage.subscribes[0] <= now - 3600.0:
            usage.subscribes.popleft()
        if len(usage.subscribes) >= self.limits.subscribe_requests_per_hour:
            return 30006, "Request too many: at most %d subscribe requests an hour per connection" % (
                self.limits.subscribe_requests_per_hour)
        usage.subscribes.append(now)
        return None

    def on_message(self, conn: WsConnection, text: str) -> None:
        if text == "ping":
            self.reply(conn, "pong")
            return
        msg = loads_or_none(text)
        if not isinstance(msg, dict):
            self.reply(conn, {"event": "error", "code": 30002, "msg": "Illegal request"})
            return
        op = msg.get("op")
        if op == "login":
            self.login(conn, msg)
        elif op in ("subscribe", "unsubscribe"):
            refusal = self.subscribe_refusal(conn, text) if op == "subscribe" else None
            if refusal is not None:
                self.reply(conn, {"event": "error", "code": refusal[0], "msg": refusal[1], "op": op})
                return
            self.subscribe(conn, msg, op)
        elif op == "trade" and conn.kind == "v3private":
            self.ws_api(conn, msg)
        else:
            self.reply(conn, {"event": "error", "code": 30003, "msg": "Invalid op"})

    def login(self, conn: WsConnection, msg: Dict[str, Any]) -> None:
        self.ex.count_login_attempt()
        code = self.check_login(conn, msg)
        if code:
            self.reply(conn, {"event": "error", "code": code, "msg": LOGIN_MESSAGES.get(code, "Login failed")})
        else:
            self.reply(conn, {"event": "login", "code": 0, "msg": ""})

    def check_login(self, conn: WsConnection, msg: Dict[str, Any]) -> int:
        """Verify ``{"op":"login","args":[{apiKey, passphrase, timestamp, sign}]}``; 0 on success."""
        if conn.kind not in ("v2private", "v3private"):
            return 30005
        fault = self.login_fault()
        if fault is not NO_FAULT:
            return fault if fault is not None else 30015
        args = msg.get("args")
        arg = args[0] if isinstance(args, list) and args and isinstance(args[0], dict) else {}
        key = arg.get("apiKey")
        record = self.ex.lookup_key(key)
        if record is None or record.env != conn.env:
            return 30011
        if arg.get("passphrase") != record.passphrase:
            return 30012
        ts = arg.get("timestamp")
        if isinstance(ts, bool) or not isinstance(ts, (int, str)) or not str(ts).isdigit():
            return 30013
        sent_ms = int(ts) if int(ts) > 10 ** 11 else int(ts) * 1000  # seconds per the docs; tolerate ms
        if abs(now_ms() - sent_ms) > TIMESTAMP_WINDOW_MS:
            return 30014
        sign = arg.get("sign")
        if not isinstance(sign, str) or not record.verify("%sGET/user/verify" % ts, sign, hex_hmac=False):
            return 30015
        self.logged_in(conn, str(key))
        return 0

    def subscribe(self, conn: WsConnection, msg: Dict[str, Any], op: str) -> None:
        args = msg.get("args")
        if not isinstance(args, list) or not args:
            self.reply(conn, {"event": "error", "code": 30016, "msg": "Param error"})
            return
        for arg in args:
            if not isinstance(arg, dict):
                self.reply(conn, {"event": "error", "arg": arg, "code": 30016, "msg": "Param error", "op": op})
                continue
            key = json.dumps(arg, sort_keys=True)
            if op == "unsubscribe":
                self.remove_subscription(conn, key)
                self.reply(conn, {"event": "unsubscribe", "arg": arg})
                continue
            sub, error = self.parse_arg(conn, arg, key)
            if sub is not None and key not in conn.subs and len(conn.subs) >= self.limits.channels_per_connection:
                sub, error = None, (30006, "Request too many: at most %d channels per connection"
                                    % self.limits.channels_per_connection)
            if sub is None:
                self.reply(conn, {"event": "error", "arg": arg, "code": error[0], "msg": error[1], "op": op})
                continue
            self.reply(conn, {"event": "subscribe", "arg": arg})
            if key not in conn.subs:
                self.add_subscription(conn, sub)

    def parse_arg(self, conn: WsConnection, arg: Dict[str, Any], key: str) -> Tuple[Optional[Sub], Tuple[int, str]]:
        v3 = conn.kind.startswith("v3")
        private = conn.kind.endswith("private")
        missing = (30001, "%s doesn't exist" % ",".join("%s:%s" % kv for kv in arg.items()))
        name = arg.get("topic" if v3 else "channel")
        inst_type = arg.get("instType")
        variant = "v3" if v3 else "v2"
        if private:
            if not conn.authenticated:
                return None, (30004, LOGIN_MESSAGES[30004])
            channels = V3_PRIVATE if v3 else V2_PRIVATE
            if name not in channels or (inst_type != "UTA" if v3 else inst_type not in V2_INST_TYPES):
                return None, missing
            target = arg.get("coin", "default") if name in ("account", "account-crossed", "account-isolated") \
                else arg.get("instId", "default")
            return Sub(key, channels[name], arg=arg, filter="" if v3 else str(target), variant=variant), missing
        product = (V3_INST_TYPES if v3 else V2_INST_TYPES).get(str(inst_type))
        symbol = arg.get("symbol" if v3 else "instId")
        inst = self.market.resolve(product, str(symbol)) if product and isinstance(symbol, str) else None
        if inst is None:
            return None, missing
        books = V3_BOOKS if v3 else V2_BOOKS
        if name in books:
            return Sub(key, "book", inst, depth=books[name], incremental=name == "books", arg=arg,
                       variant=variant), missing
        if name == "ticker":
            return Sub(key, "ticker", inst, arg=arg, variant=variant), missing
        if name == ("publicTrade" if v3 else "trade"):
            return Sub(key, "trade", inst, arg=arg, variant=variant), missing
        if v3:
            interval = str(arg.get("interval")) if name == "kline" else ""
        else:
            interval = name[len("candle"):] if isinstance(name, str) and name.startswith("candle") else ""
        if interval in (V3_INTERVALS if v3 else V2_CANDLES):
            return Sub(key, "kline", inst, interval=interval, interval_ms=INTERVAL_MS[interval], arg=arg,
                       variant=variant), missing
        return None, missing

    def push(self, sub: Sub, action: str, data: List[Any]) -> Dict[str, Any]:
        if sub.variant == "v3":
            return {"arg": sub.arg, "action": action, "data": data, "ts": now_ms()}
        return {"action": action, "arg": sub.arg, "data": data, "ts": now_ms()}

    def render_public(self, conn: WsConnection, sub: Sub, on_tick: bool) -> List[Any]:
        inst, v3 = sub.instrument, sub.variant == "v3"
        if sub.channel == "book":
            book = self.market.book(inst)
            faults = self.ex.faults
            restart = sub.incremental and sub.started and faults.take_book_fault("restart", sub)
            if restart:
                sub.seq_base = book.seq - 1  # seq starts over at 1 with a fresh snapshot
            snapshot = restart or not sub.incremental or not sub.started or sub.epoch != book.epoch
            bids, asks = book.levels(sub.depth) if snapshot else book.changes_within(sub.depth)
            if not snapshot and not bids and not asks:
                return []
            item: Dict[str, Any] = {"a" if v3 else "asks": levels_json(asks), "b" if v3 else "bids": levels_json(bids)}
            seq = book.seq - sub.seq_base
            if v3:  # bitget.md §0 item 9: no checksum; pseq 0 on a snapshot
                item.update({"seq": seq, "pseq": 0 if snapshot else sub.last_seq, "maxDepth": sub.depth})
            else:
                item["seq"] = seq
                if not snapshot:
                    item["pseq"] = sub.last_seq
                top_bids, top_asks = book.levels(min(sub.depth, CHECKSUM_LEVELS))
                checksum = book_checksum(levels_json(top_bids), levels_json(top_asks))
                if faults.take_book_fault("checksum", sub):
                    checksum = checksum + 1 if checksum < 2 ** 31 - 1 else -2 ** 31  # wrong, still an int32
                item["checksum"] = checksum
            item["ts"] = str(book.ts)
            sub.started, sub.epoch, sub.last_seq = True, book.epoch, seq
            return faults.book_pushes(sub, self.push(sub, "snapshot" if snapshot else "update", [item]), snapshot)
        if sub.channel == "ticker":
            return [self.push(sub, "snapshot", [self.v3_ticker(inst) if v3 else self.v2_ticker(inst, stream=True)])]
        if sub.channel == "trade":
            trades = self.market.stat(inst).new_trades if on_tick else self.market.recent_trades(inst, 50)
            if not trades:
                return []
            data: List[Any]
            if v3:
                data = [{"T": str(t.ts), "p": fmt(t.price), "v": fmt(t.size), "S": t.side, "i": t.trade_id,
                         "L": str(t.ts)} for t in trades]
            else:
                data = [{"ts": str(t.ts), "price": fmt(t.price), "size": fmt(t.size), "side": t.side,
                         "tradeId": t.trade_id} for t in trades]
            return [self.push(sub, "update" if on_tick else "snapshot", data)]
        rows = self.market.candles(inst, sub.interval_ms, 1 if on_tick else 30)
        if v3:
            data = [{"start": str(r[0]), "open": fmt(r[1]), "high": fmt(r[2]), "low": fmt(r[3]), "close": fmt(r[4]),
                     "volume": fmt(r[5]), "turnover": fmt(r[6])} for r in rows]
        else:
            data = [[str(r[0])] + [fmt(v) for v in r[1:]] + [fmt(r[6])] for r in rows]
        return [self.push(sub, "update" if on_tick else "snapshot", data)]

    def render_private(self, conn: WsConnection, sub: Sub, payload: Any) -> List[Any]:
        if sub.variant == "v3":
            views: Dict[str, Callable[[Any], Dict[str, Any]]] = {
                "order": lambda o: self.order_push(conn.env, o), "fill": self.fill_push, "position": self.position_push}
            if sub.channel == "balance":
                data = [self.account_push(conn.env)]
            elif sub.channel in views:
                data = [views[sub.channel](payload)]
            else:
                return []
            return [self.push(sub, "snapshot", data)]
        data = self.v2_private_data(conn, sub, payload)
        return [self.push(sub, "snapshot", data)] if data else []

    def v2_private_data(self, conn: WsConnection, sub: Sub, payload: Any) -> List[Any]:
        product = V2_INST_TYPES.get(sub.arg.get("instType"))
        wanted = "" if sub.filter == "default" else sub.filter
        if sub.channel == "balance":
            if product == "spot":
                return self.v2_coin_rows(conn.env, wanted)
            return [{"marginCoin": r["coin"], "frozen": fmt(r["locked"]), "available": fmt(r["available"]),
                     "maxOpenPosAvailable": fmt(r["available"]), "maxTransferOut": fmt(r["available"]),
                     "equity": fmt(r["equity"]), "usdtEquity": fmt(r["usd"]), "crossedRiskRate": "0",
                     "unrealizedPL": fmt(r["upnl"]), "unionTotalMargin": fmt(r["equity"]),
                     "unionAvailable": fmt(r["available"]), "unionMm": "0", "assetsMode": "single"}
                    for r in self.coin_rows(self.engine.account(conn.env))
                    if r["coin"] in ("USDT", "USDC") and (not wanted or r["coin"] == wanted)]
        if sub.channel == "position":
            pos = payload
            if product != "perp" or (wanted and pos.symbol != wanted):
                return []
            return [self.v2_position(pos)]
        order = payload.order if sub.channel == "fill" else payload
        if sub.channel not in ("order", "fill") or order.product != product or (wanted and order.symbol != wanted):
            return []
        if sub.channel == "fill":
            f = payload
            fees = [{"feeCoin": f.fee_coin, "deduction": "no", "totalDeductionFee": "0", "totalFee": fmt(-f.fee)}]
            fill = {"orderId": order.order_id, "tradeId": f.exec_id, "symbol": order.symbol,
                    "orderType": order.order_type, "side": order.side, "tradeScope": "maker" if f.is_maker else "taker",
                    "feeDetail": fees, "cTime": str(f.ts), "uTime": str(f.ts)}
            if product == "spot":
                fill.update({"priceAvg": fmt(f.price), "size": fmt(f.qty), "amount": fmt(f.price * f.qty)})
            else:  # futures fills name the numbers differently and carry the position fields
                fill.update({"clientOid": order.client_id, "posMode": "one_way_mode", "price": fmt(f.price),
                             "baseVolume": fmt(f.qty), "quoteVolume": fmt(f.price * f.qty), "profit": fmt(f.pnl),
                             "tradeSide": self.trade_side(order)})
            return [fill]
        last = self.engine.fills(conn.env, order_id=order.order_id)[:1]
        view: Dict[str, Any] = {
            "instId": order.symbol, "orderId": order.order_id, "clientOid": order.client_id,
            "price": fmt(order.price) if order.price is not None else "", "size": fmt(order.qty),
            "newSize": fmt(order.qty), "notional": fmt(order.qty * (order.price or ZERO)),
            "orderType": order.order_type, "force": order.tif, "side": order.side,
            "fillPrice": fmt(last[0].price) if last else "", "tradeId": last[0].exec_id if last else "",
            "baseVolume": fmt(last[0].qty) if last else "", "fillTime": str(last[0].ts) if last else "",
            "fillFee": fmt(-last[0].fee) if last else "", "fillFeeCoin": order.fee_coin,
            "tradeScope": ("maker" if last[0].is_maker else "taker") if last else "",
            "accBaseVolume": fmt(order.filled), "priceAvg": fmt(order.avg_price), "status": STATUS[order.status],
            "reduceOnly": "yes" if order.reduce_only else "no", "enterPointSource": "API",
            "feeDetail": [{"feeCoin": order.fee_coin, "fee": fmt(-order.fee)}] if order.fee else [],
            "stpMode": "none", "cTime": str(order.created_ms), "uTime": str(order.updated_ms),
        }
        if product == "spot":
            view["ordType"] = order.order_type
        else:
            notional = order.qty * (order.price or self.market.mark_price(self.engine.instrument("perp", order.symbol)))
            view.update({"posMode": "one_way_mode", "posSide": "net", "tradeSide": self.trade_side(order),
                         "marginMode": "crossed", "marginCoin": order.fee_coin, "leverage": self.leverage_of(conn.env, order),
                         "cancelReason": "normal_cancel" if order.status == "cancelled" else "",
                         "notionalUsd": fmt(notional), "fillNotionalUsd": fmt(order.filled_value), "pnl": "0",
                         "totalProfits": "0", "presetStopSurplusPrice": "", "presetStopSurplusExecutePrice": "",
                         "presetStopLossPrice": "", "presetStopLossExecutePrice": ""})
        return [view]

    def v2_position(self, pos: Position) -> Dict[str, Any]:
        margin = self.engine.position_margin(pos)
        upnl = self.engine.unrealised(pos)
        return {
            "posId": "%s-%s" % (pos.symbol, pos.created_ms), "instId": pos.symbol, "marginCoin": pos.settle,
            "marginSize": fmt(margin), "marginMode": "crossed", "holdSide": "long" if pos.size > 0 else "short",
            "posMode": "one_way_mode", "total": fmt(abs(pos.size)), "available": fmt(abs(pos.size)), "frozen": "0",
            "openPriceAvg": fmt(pos.entry), "leverage": int(pos.leverage), "achievedProfits": fmt(pos.realised),
            "unrealizedPL": fmt(upnl), "unrealizedPLR": fmt((upnl / margin).quantize(Decimal("0.0001"))) if margin else "0",
            "liquidationPrice": "0", "keepMarginRate": "0.004", "marginRate": "0", "assetMode": "single",
            "breakEvenPrice": fmt(pos.entry), "deductedFee": "0", "isolatedMarginRate": "", "totalFee": "0",
            "markPrice": fmt(self.market.mark_price(self.engine.instrument("perp", pos.symbol))),
            "cTime": str(pos.created_ms), "uTime": str(pos.updated_ms),
        }

    # --- WebSocket API (V3) --------------------------------------------------------------------------------

    def ws_api(self, conn: WsConnection, msg: Dict[str, Any]) -> None:
        self.ex.record_command(conn, msg)
        with self.ex.deferred_events():
            self.run_ws_api(conn, msg)

    def run_ws_api(self, conn: WsConnection, msg: Dict[str, Any]) -> None:
        received_us = now_us()
        req_id = msg.get("id")  # echoed as sent (a number stays a number)
        topic = msg.get("topic")
        category = msg.get("category")
        try:
            if not conn.authenticated:
                raise ApiError("30004", LOGIN_MESSAGES[30004])
            if topic not in WS_API_TOPICS:
                raise self.bad_request("topic")
            if category not in WS_API_CATEGORIES and not (category is None and topic in WS_API_NO_CATEGORY):
                raise self.bad_request("category")
            request_ms = self.ws_api_request_time(msg)
            args = msg.get("args")
            if not isinstance(args, list) or not args:
                raise ApiError("40019", "Parameter args cannot be empty")
            if topic in WS_API_SINGLE:
                items = [self.ws_api_op(conn.env, str(topic), args[0], category, request_ms)]
            else:
                items = [self.ws_api_item(conn.env, str(topic), item, category, request_ms) for item in args]
        except ApiError as err:
            self.reply_ws_api(conn, {"event": "error", "id": req_id, "code": str(err.code), "msg": err.msg})
            return
        reply: Dict[str, Any] = {"event": "trade", "id": req_id, "category": category, "topic": topic, "args": items,
                                 "code": "0", "msg": "success", "ts": str(now_ms())}
        if topic in WS_API_NO_CATEGORY:  # cancel and modify replies carry no category
            del reply["category"]
        usage = self.usage(conn)
        reply.update({"connId": conn.conn_id, "receiveTime": str(received_us), "pushTime": str(now_us()),
                      "rateLimit": [{"limit": str(self.limits.messages_per_second),
                                     "remaining": str(max(self.limits.messages_per_second - len(usage.frames), 0))}]})
        self.reply_ws_api(conn, reply)

    def ws_api_request_time(self, msg: Dict[str, Any]) -> Optional[int]:
        """The optional top-level ``requestTime`` (ms, number or digit string)."""
        value = msg.get("requestTime")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit():
            raise self.bad_request("requestTime")
        return int(value)

    def check_receive_window(self, item: Any, request_ms: Optional[int]) -> None:
        """``receiveWindow`` (10..60000 ms) bounds how old ``requestTime`` may be when the order arrives."""
        if not isinstance(item, dict) or item.get("receiveWindow") in (None, ""):
            return
        window = item["receiveWindow"]
        if isinstance(window, bool) or not isinstance(window, (int, str)) or not str(window).isdigit() \
                or not RECEIVE_WINDOW_MS[0] <= int(window) <= RECEIVE_WINDOW_MS[1]:
            raise ApiError("40808", "Parameter verification exception receiveWindow must be %d..%d"
                           % RECEIVE_WINDOW_MS)
        if request_ms is not None and now_ms() - request_ms > int(window):
            raise ApiError("40008", "Request timestamp expired")

    def ws_api_op(self, env: str, topic: str, item: Any, category: Optional[str],
                  request_ms: Optional[int]) -> Dict[str, Any]:
        """Run one order command of the WebSocket API; its answer item (without code/msg)."""
        self.check_receive_window(item, request_ms)
        if topic in ("place-order", "batch-place"):
            label = str(category)  # never None here: placing requires a category
            order = self.place(env, self.order_request(item, label.upper(), WS_API_CATEGORIES[label], ws=True))
            return {"symbol": order.symbol, "orderId": order.order_id, "clientOid": order.client_id,
                    "cTime": str(order.created_ms)}
        if topic in ("modify-order", "batch-modify"):
            order = self.modify(env, item)
        else:
            order = self.cancel(env, item)
        return {"orderId": order.order_id, "clientOid": order.client_id}

    def ws_api_item(self, env: str, topic: str, item: Any, category: Optional[str],
                    request_ms: Optional[int]) -> Dict[str, Any]:
        """One item of a WebSocket API batch, with its own code/msg."""
        ref = item if isinstance(item, dict) else {}
        try:
            return dict(self.ws_api_op(env, topic, item, category, request_ms), code="0", msg="success")
        except ApiError as err:
            failed = {"orderId": str(ref.get("orderId") or ""), "clientOid": str(ref.get("clientOid") or ""),
                      "code": str(err.code), "msg": err.msg}
            if topic == "batch-place":
                failed = dict({"symbol": ref.get("symbol", "")}, **failed)
            return failed
