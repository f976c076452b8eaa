"""Bybit V5 flavour: REST routes and envelopes, ``X-BAPI-*`` signatures, streams, WebSocket API.

Codes and texts chosen where the specs leave them open:

* REST (always HTTP 200 with ``retCode``): unknown or wrong-environment key 10003
  "API key is invalid."; timestamp outside ``[server - recv_window, server + 1000)`` 10002 with
  Bybit's req/server timestamp text; bad signature 10004 "error sign! origin_string[...]";
  parameter errors 10001; duplicate ``orderLinkId`` 110072; spot balance 170131; derivatives
  margin 110007; unknown order 110001; reduce-only without position 110017. Unknown path:
  HTTP 404 ``404 page not found`` (text). ``demo-apply-money`` exists on the demo host only.
* ``/v5/private`` auth failures: ``success: false`` with ``ret_msg`` "Invalid apikey",
  "Invalid sign", "error:request expired", "Params Error" or "Repeat auth". ``/v5/trade`` auth
  failures: ``retCode`` 10003/10004/10001/20001 with ``retMsg``. Subscribing before auth:
  "Request not authorized"; unknown topic: "error:handler not found,topic:<t>"; duplicate:
  "error:already subscribed,topic:<t>".
* Per-connection limits (:class:`BybitLimits`, lowered by tests through ``ex.limits``): more
  than 10 args in one spot request answers Bybit's own "args size >10"; more than 21,000
  topic characters on one public connection "error:args length >21000 characters per
  connection" and more than 2,000 topics on one option connection "error:args size >2000 per
  connection" (texts chosen: Bybit documents these limits, not their replies). A refused
  request subscribes nothing.
* ``/v5/public/event`` (event contracts, e.g. ``BTCUSDT-5MIN-UP``): Bybit does not document
  this stream's topics here, so it serves ``tickers.<symbol>`` and ``orderbook.25.<symbol>``
  (one ``r`` list of [payout ratio, amount], like ``GET /v5/event/orderbook``) with the
  linear-style acks and pongs.
* WebSocket API: not authenticated 10003 "Request not authorized", duplicate ``reqId`` 20006,
  stale ``X-BAPI-TIMESTAMP`` 10002, unknown op or a category that is not one of Bybit's 10404
  (Bybit's code; the texts are chosen), otherwise the REST codes.
* Inverse, option and spread instruments carry market data only; trading them answers 10001.
"""

from __future__ import annotations

import re
import time
import uuid
import zlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Dict, List, Optional, Tuple

from ._common import ZERO, decimal_places, fmt, now_ms, random_token, to_decimal
from ._engine import FEE_QUANTUM, FEES, EngineError, Fill, Order, OrderRequest, Position
from ._faults import NO_FAULT
from ._flavour import ApiError, Flavour, Sub, levels_json, limit_param, next_funding_ms, open_interest
from ._paging import bybit_page, bybit_range, in_range
from ._market import INTERVAL_MS, Instrument, split_symbol
from ._server import RestRequest, RestResponse, WsConnection, loads_or_none

CATEGORY_PRODUCT = {"spot": "spot", "linear": "perp", "inverse": "inverse", "option": "option"}
KIND_PRODUCT = {"spot": "spot", "linear": "perp", "inverse": "inverse", "option": "option", "spread": "spread",
                "event": "event"}
BOOK_DEPTHS = {
    "spot": (1, 50, 200, 1000), "linear": (1, 50, 200, 1000), "inverse": (1, 50, 200, 1000),
    "option": (25, 100), "spread": (25,), "event": (25,),
}
PUBLIC_KINDS = tuple(KIND_PRODUCT)
KLINE_INTERVALS = ("1", "3", "5", "15", "30", "60", "120", "240", "360", "720", "D", "W", "M")
# Topic families per public connection kind, beyond orderbook/publicTrade/tickers (Bybit's V5 docs).
KLINE_KINDS = ("spot", "linear", "inverse")
RPI_KINDS = ("spot", "linear", "inverse")
PRICE_LIMIT_KINDS = ("spot", "linear", "inverse")
LIQUIDATION_KINDS = ("linear", "inverse")
POOL_FILTERS = {"linear": ("USDT", "USDC"), "inverse": ("inverse",)}  # insurance.* and adlAlert.*
TRADE_KINDS = ("spot", "linear", "inverse", "option", "spread")
RPI_DEPTH = 50
PRICE_LIMIT_RATIO = Decimal("0.05")
SPOT_STREAM_TICKER = ("symbol", "lastPrice", "highPrice24h", "lowPrice24h", "prevPrice24h", "volume24h",
                      "turnover24h", "price24hPcnt", "usdIndexPrice")
# Event contracts: "<underlying>-<terms>", e.g. ETHUSDT-28AUG26-2450-2570-OUT (Range), BTCUSDT-5MIN-UP (UpDown).
EVENT_SYMBOL = re.compile(r"^([A-Z0-9]+USDT)-([0-9A-Z]+(?:-[0-9A-Z.]+)*)$")
WS_API_OPS = ("order.create", "order.amend", "order.cancel", "order.create-batch", "order.amend-batch", "order.cancel-batch")
PRIVATE_TOPICS = {"order": "order", "execution": "fill", "execution.fast": "fill", "position": "position",
                  "wallet": "balance", "greeks": "none", "dcp.future": "none", "dcp.spot": "none",
                  "dcp.option": "none", "strategy": "none"}
STATUS = {"new": "New", "partially_filled": "PartiallyFilled", "filled": "Filled",
          "cancelled": "Cancelled", "rejected": "Rejected"}
TIF_IN = {"GTC": "gtc", "IOC": "ioc", "FOK": "fok", "PostOnly": "post_only"}
TIF_OUT = {v: k for k, v in TIF_IN.items()}
USER_IDS = {"live": 1_048_576, "demo": 2_097_152}  # one account per environment
AUTH_MESSAGES = {10001: "Params Error", 10003: "Invalid apikey", 10004: "Invalid sign", 20001: "Repeat auth"}


@dataclass
class BybitLimits:
    """Bybit's per-connection limits on public streams; a test may lower any of them.

    Attributes:
        public_args_chars: total length of the topic strings one public connection may hold
            (Bybit: 21,000 characters, every category).
        spot_args_per_request: topics in one spot subscribe request (Bybit: 10).
        option_args_per_connection: topics one option connection may hold (Bybit: 2,000).
    """

    public_args_chars: int = 21_000
    spot_args_per_request: int = 10
    option_args_per_connection: int = 2_000


def _side(side: str) -> str:
    return "Buy" if side == "buy" else "Sell" if side == "sell" else ""


class BybitFlavour(Flavour):
    """Bybit V5: live and demo REST hosts, public/private/trade WebSocket paths."""

    name = "bybit"
    ws_paths = {
        "v5SpotPublic": "/v5/public/spot",
        "v5LinearPublic": "/v5/public/linear",
        "v5InversePublic": "/v5/public/inverse",
        "v5OptionPublic": "/v5/public/option",
        "v5SpreadPublic": "/v5/public/spread",
        "v5EventPublic": "/v5/public/event",
        "v5Private": "/v5/private",
        "v5PrivateTrade": "/v5/trade",
    }
    ws_kinds = {
        "v5SpotPublic": "spot", "v5LinearPublic": "linear", "v5InversePublic": "inverse",
        "v5OptionPublic": "option", "v5SpreadPublic": "spread", "v5EventPublic": "event",
        "v5Private": "private", "v5PrivateTrade": "trade",
    }
    demo_ws_keys = ("v5Private",)  # Bybit demo: private stream only; public data comes from live
    demo_ws_missing = ("v5PrivateTrade",)  # no WebSocket API in demo trading: the handshake gets 404
    demo_rest_host = True
    engine_errors = {
        "unknown_symbol": (10001, "params error: symbol invalid"),
        "bad_param": (10001, None),
        "bad_qty": (10001, None),
        "bad_price": (10001, None),
        "duplicate_client_id": (110072, "OrderLinkedID is duplicate"),
        "insufficient_balance": (170131, "Insufficient balance."),
        "insufficient_margin": (110007, "ab not enough for new order"),
        "order_not_found": (110001, "order not exists or too late to cancel"),
        "reduce_only": (110017, "current position is zero, cannot fix reduce-only order qty"),
    }

    def __init__(self, ex: Any) -> None:
        super().__init__(ex)
        self.limits = BybitLimits()
        self._rate_windows: Dict[Tuple[str, str], Tuple[int, int]] = {}
        # (env, symbol) -> take-profit / stop-loss prices set with /v5/position/trading-stop
        self._tpsl: Dict[Tuple[str, str], Dict[str, str]] = {}

    # --- REST: plumbing --------------------------------------------------------------------------

    def register_routes(self) -> None:
        r = self.route
        r("GET", "/v5/market/time", self.get_time)
        r("GET", "/v5/market/instruments-info", self.get_instruments)
        r("GET", "/v5/market/tickers", self.get_tickers)
        r("GET", "/v5/market/orderbook", self.get_orderbook)
        r("GET", "/v5/market/kline", self.get_kline)
        r("GET", "/v5/market/recent-trade", self.get_recent_trades)
        r("GET", "/v5/market/funding/history", self.get_funding_history)
        r("GET", "/v5/market/open-interest", self.get_open_interest)
        r("GET", "/v5/system/status", self.get_system_status, "signed")
        r("GET", "/v5/account/wallet-balance", self.get_wallet_balance, "signed")
        r("GET", "/v5/account/info", self.get_account_info, "signed")
        r("GET", "/v5/user/query-api", self.get_api_key_info, "signed")
        r("GET", "/v5/asset/coin/query-info", self.get_coin_info, "signed")
        r("GET", "/v5/asset/transfer/query-account-coins-balance", self.get_coins_balance, "signed")
        r("GET", "/v5/asset/transfer/query-account-coin-balance", self.get_coin_balance, "signed")
        r("GET", "/v5/asset/transfer/query-transfer-coin-list", self.get_transferable_coins, "signed")
        # No money moves in or out of a loopback account: the record lists are empty.
        r("GET", "/v5/asset/deposit/query-record", self.get_no_records, "signed")
        r("GET", "/v5/asset/withdraw/query-record", self.get_no_records, "signed")
        r("POST", "/v5/account/demo-apply-money", self.demo_apply_money, "signed")
        r("GET", "/v5/position/list", self.get_positions, "signed")
        r("POST", "/v5/position/set-leverage", self.set_leverage, "signed")
        r("POST", "/v5/position/switch-mode", self.switch_mode, "signed")
        r("GET", "/v5/position/closed-pnl", self.get_closed_pnl, "signed")
        r("POST", "/v5/position/trading-stop", self.set_trading_stop, "signed")
        r("GET", "/v5/account/fee-rate", self.get_fee_rate, "signed")
        r("GET", "/v5/account/transaction-log", self.get_transaction_log, "signed")
        r("POST", "/v5/order/create", self.create_order, "signed")
        r("POST", "/v5/order/pre-check", self.pre_check_order, "signed")
        r("POST", "/v5/order/amend", self.amend_order, "signed")
        r("POST", "/v5/order/cancel", self.cancel_order, "signed")
        r("POST", "/v5/order/cancel-all", self.cancel_all, "signed")
        r("POST", "/v5/order/create-batch", self.batch("create"), "signed")
        r("POST", "/v5/order/amend-batch", self.batch("amend"), "signed")
        r("POST", "/v5/order/cancel-batch", self.batch("cancel"), "signed")
        r("GET", "/v5/order/realtime", self.get_open_orders, "signed")
        r("GET", "/v5/order/history", self.get_order_history, "signed")
        r("GET", "/v5/execution/list", self.get_executions, "signed")

    def route_available(self, req: RestRequest) -> bool:
        # The demo-funds endpoint exists on the demo host only.
        return req.path != "/v5/account/demo-apply-money" or req.server_env == "demo"

    def has_credentials(self, req: RestRequest) -> bool:
        return bool(req.header("X-BAPI-API-KEY"))

    def authenticate(self, req: RestRequest) -> Tuple[str, str]:
        key = req.header("X-BAPI-API-KEY")
        record = self.ex.lookup_key(key)
        if record is None or record.env != req.server_env:
            raise ApiError(10003, "API key is invalid.")
        ts_text = req.header("X-BAPI-TIMESTAMP")
        window_text = req.header("X-BAPI-RECV-WINDOW") or "5000"
        self.check_timestamp(ts_text, window_text)
        payload = req.query if req.method == "GET" else req.body.decode("utf-8", "replace")
        prehash = ts_text + key + window_text + payload
        if not record.verify(prehash, req.header("X-BAPI-SIGN"), hex_hmac=True):
            raise ApiError(10004, "error sign! origin_string[%s]" % prehash)
        return record.env, key

    @staticmethod
    def check_timestamp(ts_text: Any, window_text: Any) -> None:
        """Bybit's rule: ``server_time - recv_window <= timestamp < server_time + 1000``."""
        server = now_ms()
        try:
            ts, window = int(str(ts_text)), int(str(window_text))
        except ValueError:
            ts, window = -1, 5000
        if not server - window <= ts < server + 1000:
            raise ApiError(10002, "invalid request, please check your server timestamp or recv_window param. "
                                  "req_timestamp[%s],server_timestamp[%d],recv_window[%s]" % (ts_text, server, window_text))

    def envelope(self, code: int, msg: str, result: Any = None, ext: Any = None) -> Dict[str, Any]:
        return {"retCode": code, "retMsg": msg, "result": result if result is not None else {},
                "retExtInfo": ext if ext is not None else {}, "time": now_ms()}

    def success(self, req: RestRequest, result: Any, key: Optional[str]) -> RestResponse:
        ext = None
        if isinstance(result, tuple):
            result, ext = result
        return RestResponse.json(self.envelope(0, "OK", result, ext), headers=self.limit_headers(req, key))

    def failure(self, req: RestRequest, err: ApiError, key: Optional[str]) -> RestResponse:
        # Bybit answers business and auth errors with HTTP 200 and a non-zero retCode.
        return RestResponse.json(self.envelope(err.code, err.msg), headers=self.limit_headers(req, key))

    def not_found(self, req: RestRequest) -> RestResponse:
        return RestResponse(404, b"404 page not found", "text/plain")

    def bad_request(self, msg: str) -> ApiError:
        return ApiError(10001, "params error: " + msg)

    def rate_limited(self) -> RestResponse:
        reset = str(now_ms() + 1000)
        return RestResponse.json(self.envelope(10006, "Too many visits!"), 429, [
            ("X-Bapi-Limit", "20"), ("X-Bapi-Limit-Status", "0"), ("X-Bapi-Limit-Reset-Timestamp", reset)])

    def limit_headers(self, req: RestRequest, key: Optional[str]) -> List[Tuple[str, str]]:
        """Per key and path, per second: the ``X-Bapi-Limit*`` headers of private responses."""
        if key is None:
            return []
        limit = 20 if req.method == "POST" else 50
        second = now_ms() // 1000
        start, used = self._rate_windows.get((key, req.path), (second, 0))
        if start != second:
            start, used = second, 0
        used += 1
        self._rate_windows[(key, req.path)] = (start, used)
        return [("X-Bapi-Limit", str(limit)), ("X-Bapi-Limit-Status", str(max(limit - used, 0))),
                ("X-Bapi-Limit-Reset-Timestamp", str((start + 1) * 1000))]

    # --- REST: helpers --------------------------------------------------------------------------------

    def category(self, params: Dict[str, Any], allowed: Tuple[str, ...] = tuple(CATEGORY_PRODUCT)) -> str:
        category = params.get("category")
        if category not in allowed:
            raise ApiError(10001, "Illegal category" if category else "params error: category is required")
        return str(category)

    def trade_product(self, category: Any) -> str:
        if category not in CATEGORY_PRODUCT:
            raise ApiError(10001, "Illegal category" if category else "params error: category is required")
        product = CATEGORY_PRODUCT[category]
        if product not in ("spot", "perp"):
            raise ApiError(10001, "params error: category %s is not tradable on the loopback exchange" % category)
        return product

    def instrument(self, category: str, symbol: Any) -> Instrument:
        inst = self.market.resolve(CATEGORY_PRODUCT[category], str(symbol or ""))
        if inst is None:
            raise ApiError(10001, "params error: symbol invalid" if symbol else "params error: symbol is required")
        return inst

    def instruments(self, category: str, symbol: Any) -> List[Instrument]:
        if symbol:
            return [self.instrument(category, symbol)]
        product = CATEGORY_PRODUCT[category]
        if product == "inverse":
            return [i for i in (self.market.resolve("inverse", b + "USD") for b in self.market.base_mids) if i]
        return self.market.listed(product)

    # --- REST: market data --------------------------------------------------------------------------

    def get_time(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        ns = time.time_ns()
        return {"timeSecond": str(ns // 1_000_000_000), "timeNano": str(ns)}

    def get_instruments(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category = self.category(p)
        items = [self.instrument_view(category, inst) for inst in self.instruments(category, p.get("symbol"))]
        return {"category": category, "list": items, "nextPageCursor": ""}

    def instrument_view(self, category: str, inst: Instrument) -> Dict[str, Any]:
        symbol_id = list(self.market.instruments).index((inst.product, inst.symbol)) + 1
        if category == "spot":
            return {
                "symbol": inst.symbol, "symbolId": symbol_id, "baseCoin": inst.base, "quoteCoin": inst.quote,
                "innovation": "0", "symbolType": "", "xstockMultiplier": "", "status": "Trading",
                "marginTrading": "utaOnly", "stTag": "0",
                "lotSizeFilter": {"basePrecision": fmt(inst.qty_step), "quotePrecision": "0.00000001",
                                  "minOrderQty": fmt(inst.min_qty), "maxOrderQty": "10000",
                                  "minOrderAmt": "1", "maxOrderAmt": "4000000", "maxLimitOrderQty": "10000",
                                  "postOnlyMaxLimitOrderSize": "50000"},
                "priceFilter": {"tickSize": fmt(inst.tick)},
                "riskParameters": {"priceLimitRatioX": "0.05", "priceLimitRatioY": "0.1"},
            }
        if category == "option":
            return {
                "symbol": inst.symbol, "symbolId": symbol_id, "optionsType": "Put" if inst.symbol.endswith("-P") else "Call",
                "status": "Trading", "baseCoin": inst.base, "quoteCoin": inst.quote, "settleCoin": inst.quote,
                "launchTime": str(inst.launch_ms), "deliveryTime": "0", "deliveryFeeRate": "0.00015",
                "priceFilter": {"minPrice": fmt(inst.tick), "maxPrice": "10000000", "tickSize": fmt(inst.tick)},
                "lotSizeFilter": {"maxOrderQty": "10000", "minOrderQty": fmt(inst.min_qty), "qtyStep": fmt(inst.qty_step)},
                "displayName": "",
            }
        return {
            "symbol": inst.symbol, "symbolId": symbol_id,
            "contractType": "InversePerpetual" if category == "inverse" else "LinearPerpetual",
            "status": "Trading", "baseCoin": inst.base, "quoteCoin": inst.quote, "symbolType": "",
            "launchTime": str(inst.launch_ms), "deliveryTime": "0", "deliveryFeeRate": "",
            "priceScale": str(decimal_places(inst.tick)),
            "leverageFilter": {"minLeverage": "1", "maxLeverage": "100.00", "leverageStep": "0.01"},
            "priceFilter": {"minPrice": fmt(inst.tick), "maxPrice": "1999999.8", "tickSize": fmt(inst.tick)},
            "lotSizeFilter": {"maxOrderQty": "1190", "minOrderQty": fmt(inst.min_qty), "qtyStep": fmt(inst.qty_step),
                              "postOnlyMaxOrderQty": "1190", "maxMktOrderQty": "500", "minNotionalValue": "5"},
            "unifiedMarginTrade": True, "fundingInterval": 480,
            "settleCoin": inst.base if category == "inverse" else inst.quote,
            "copyTrading": "both", "upperFundingRate": "0.005", "lowerFundingRate": "-0.005", "displayName": "",
            "forbidUplWithdrawal": False, "riskParameters": {"priceLimitRatioX": "0.01", "priceLimitRatioY": "0.02"},
            "isPreListing": False, "preListingInfo": None,  # the auction details exist for pre-listed contracts only
        }

    def ticker_view(self, inst: Instrument, kind: str) -> Dict[str, Any]:
        """REST ``tickers`` fields of spot, linear/inverse (perpetuals) and event instruments.

        The ``tickers.*`` stream sends the same values (spot: a subset; linear/inverse: plus
        ``tickDirection``, without ``basis``); options have :meth:`option_ticker`.
        """
        book, stat = self.market.book(inst), self.market.stat(inst)
        pcnt = ((stat.last - stat.open24h) / stat.open24h).quantize(Decimal("0.000001"))
        view = {
            "symbol": inst.symbol, "lastPrice": fmt(stat.last),
            "bid1Price": fmt(book.best_bid), "bid1Size": fmt(book.bids[book.best_bid]),
            "ask1Price": fmt(book.best_ask), "ask1Size": fmt(book.asks[book.best_ask]),
            "prevPrice24h": fmt(stat.open24h), "price24hPcnt": fmt(pcnt),
            "highPrice24h": fmt(stat.high24h), "lowPrice24h": fmt(stat.low24h),
            "turnover24h": fmt(stat.turnover24h), "volume24h": fmt(stat.volume24h),
        }
        if kind == "spot":
            view["usdIndexPrice"] = fmt(book.mid)
        elif kind in ("linear", "inverse"):
            oi = open_interest(inst)
            value = (oi * book.mid).quantize(Decimal("0.01"))
            view.update({
                "tickDirection": "PlusTick", "indexPrice": fmt(book.mid), "markPrice": fmt(book.mid),
                "prevPrice1h": fmt(stat.open24h), "openInterest": fmt(oi), "openInterestValue": fmt(value),
                # single side: half of both sides
                "singleOpenInterest": fmt(oi / 2), "singleOpenInterestValue": fmt(value / 2),
                "fundingRate": "0.0001", "nextFundingTime": str(next_funding_ms()),
                # perpetuals: the futures-only fields are empty
                "predictedDeliveryPrice": "", "basisRate": "", "basis": "", "deliveryFeeRate": "", "deliveryTime": "0",
                "preOpenPrice": "", "preQty": "", "curPreListingPhase": "", "fundingIntervalHour": "8",
                "fundingCap": "0.005", "basisRateYear": "",  # Bybit sends it empty for perpetuals too
            })
        return view

    def option_ticker(self, inst: Instrument, stream: bool = False) -> Dict[str, Any]:
        """An option ticker: REST names (``bid1Price``, ``markIv``) or the stream's (``bidPrice``, ``markPriceIv``)."""
        book, stat = self.market.book(inst), self.market.stat(inst)
        underlying = self.market.base_mids.get(inst.base, book.mid)
        names = (("bidPrice", "bidSize", "bidIv", "askPrice", "askSize", "askIv", "markPriceIv") if stream else
                 ("bid1Price", "bid1Size", "bid1Iv", "ask1Price", "ask1Size", "ask1Iv", "markIv"))
        values = (fmt(book.best_bid), fmt(book.bids[book.best_bid]), "0.49", fmt(book.best_ask),
                  fmt(book.asks[book.best_ask]), "0.51", "0.5")
        view = {"symbol": inst.symbol}
        view.update(zip(names, values))
        view.update({
            "lastPrice": fmt(stat.last), "highPrice24h": fmt(stat.high24h), "lowPrice24h": fmt(stat.low24h),
            "markPrice": fmt(book.mid), "indexPrice": fmt(underlying), "underlyingPrice": fmt(underlying),
            "openInterest": fmt(open_interest(inst)), "turnover24h": fmt(stat.turnover24h),
            "volume24h": fmt(stat.volume24h), "totalVolume": fmt(stat.volume24h * 10),
            "totalTurnover": fmt(stat.turnover24h * 10), "delta": "0.5", "gamma": "0.0001", "vega": "10",
            "theta": "-20", "predictedDeliveryPrice": "0",
            "change24h": fmt(((stat.last - stat.open24h) / stat.open24h).quantize(Decimal("0.000001"))),
        })
        return view

    def get_tickers(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category = self.category(p)
        insts = self.instruments(category, p.get("symbol"))
        if category == "option":
            return {"category": category, "list": [self.option_ticker(inst) for inst in insts]}
        items = [self.ticker_view(inst, category) for inst in insts]
        for item in items:
            item.pop("tickDirection", None)  # stream only
        return {"category": category, "list": items}

    def get_orderbook(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category = self.category(p)
        inst = self.instrument(category, p.get("symbol"))
        book = self.market.book(inst)
        bids, asks = book.levels(limit_param(p, 25 if category == "option" else 1, 200))
        return {"s": inst.symbol, "b": levels_json(bids), "a": levels_json(asks), "ts": now_ms(), "u": book.seq,
                "seq": book.cross_seq, "cts": book.ts}

    def get_kline(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category = self.category(p, ("spot", "linear", "inverse")) if p.get("category") else "linear"
        inst = self.instrument(category, p.get("symbol"))
        interval = p.get("interval")
        if interval not in KLINE_INTERVALS:
            raise ApiError(10001, "params error: interval invalid")
        rows = self.market.candles(inst, INTERVAL_MS[interval], limit_param(p, 200, 1000))
        return {"category": category, "symbol": inst.symbol,
                "list": [[str(r[0])] + [fmt(v) for v in r[1:]] for r in reversed(rows)]}

    def get_recent_trades(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category = self.category(p)
        inst = self.instrument(category, p.get("symbol"))
        trades = self.market.recent_trades(inst, limit_param(p, 60 if category == "spot" else 500, 1000))
        seq = str(self.market.book(inst).cross_seq)
        rows = []
        for t in trades:
            row = {"execId": t.trade_id, "symbol": inst.symbol, "price": fmt(t.price), "size": fmt(t.size),
                   "side": _side(t.side), "time": str(t.ts), "isBlockTrade": False, "isRPITrade": False, "seq": seq}
            if category == "option":  # options add mark/index price and IVs
                mid = fmt(self.market.mark_price(inst))
                row.update({"mP": mid, "iP": mid, "mIv": "0.5", "iv": "0.5"})
            rows.append(row)
        return {"category": category, "list": rows}

    def get_funding_history(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category = self.category(p, ("linear", "inverse"))
        inst = self.instrument(category, p.get("symbol"))
        period = 8 * 3600 * 1000
        last = next_funding_ms() - period
        return {"category": category, "list": [
            {"symbol": inst.symbol, "fundingRate": "0.0001", "fundingRateTimestamp": str(last - i * period)}
            for i in range(limit_param(p, 200, 200))]}

    def get_open_interest(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category = self.category(p, ("linear", "inverse"))
        inst = self.instrument(category, p.get("symbol"))
        step = {"5min": 300_000, "15min": 900_000, "30min": 1_800_000, "1h": 3_600_000,
                "4h": 14_400_000, "1d": 86_400_000}.get(p.get("intervalTime", ""))
        if step is None:
            raise ApiError(10001, "params error: intervalTime invalid")
        now = now_ms()
        return {"category": category, "symbol": inst.symbol, "nextPageCursor": "", "list": [
            {"openInterest": fmt(open_interest(inst)), "singleOpenInterest": fmt(open_interest(inst) / 2),
             "timestamp": str(now - now % step - i * step)}
            for i in range(limit_param(p, 50, 200))]}

    # --- REST: account ----------------------------------------------------------------------------------

    def get_system_status(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        return {"list": []}

    def wallet_view(self, env: str) -> Dict[str, Any]:
        """A UNIFIED account as ``wallet-balance`` and the ``wallet`` stream show it."""
        rows = self.coin_rows(self.engine.account(env))
        coins = []
        for row in rows:
            coins.append({
                "coin": row["coin"], "equity": fmt(row["equity"]), "usdValue": fmt(row["usd"].quantize(Decimal("0.0001"))),
                "walletBalance": fmt(row["wallet"]), "free": "", "locked": fmt(row["locked"]),
                "spotHedgingQty": "0", "borrowAmount": "0", "availableToWithdraw": "",
                "availableToBorrow": "", "accruedInterest": "0", "totalOrderIM": fmt(row["locked"]),
                "totalPositionIM": fmt(row["margin"]), "totalPositionMM": fmt(row["margin"] / 2),
                "unrealisedPnl": fmt(row["upnl"]), "cumRealisedPnl": fmt(row["realised"]), "bonus": "0",
                "marginCollateral": True, "collateralSwitch": True, "colRes": "0", "spotBorrow": "0",
            })
        total = sum((r["usd"] for r in rows), ZERO).quantize(Decimal("0.0001"))
        upl = sum((r["upnl"] for r in rows), ZERO)
        im = sum((r["margin"] + r["locked"] * self.usd_price(r["coin"]) for r in rows), ZERO)
        return {
            "accountType": "UNIFIED", "accountIMRate": "0", "accountMMRate": "0", "accountLTV": "0",
            "totalEquity": fmt(total), "totalWalletBalance": fmt(total - upl), "totalMarginBalance": fmt(total),
            "totalAvailableBalance": fmt(total - im), "totalPerpUPL": fmt(upl),
            "totalInitialMargin": fmt(im), "totalMaintenanceMargin": fmt(im / 2),
            # Bybit computes these "by mark price" twins the same way
            "accountIMRateByMp": "0", "accountMMRateByMp": "0", "totalInitialMarginByMp": fmt(im),
            "totalMaintenanceMarginByMp": fmt(im / 2), "coin": coins,
        }

    def get_wallet_balance(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        account_type = p.get("accountType")
        if account_type not in ("UNIFIED", "CONTRACT", "SPOT"):
            raise ApiError(10001, "accountType only support UNIFIED." if account_type else "params error: accountType is required")
        view = self.wallet_view(env)
        wanted = [c for c in str(p.get("coin") or "").split(",") if c]
        if wanted:
            view["coin"] = [c for c in view["coin"] if c["coin"] in wanted]
        return {"list": [view]}

    def get_coins_balance(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        if not p.get("accountType"):
            raise ApiError(10001, "params error: accountType is required")
        rows = self.coin_rows(self.engine.account(env))
        wanted = [c for c in str(p.get("coin") or "").split(",") if c]
        return {"accountType": p["accountType"], "memberId": "", "balance": [
            {"coin": r["coin"], "walletBalance": fmt(r["wallet"]), "transferBalance": fmt(r["available"]), "bonus": ""}
            for r in rows if not wanted or r["coin"] in wanted]}

    def get_coin_balance(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        if not p.get("coin"):
            raise ApiError(10001, "params error: coin is required")
        result = self.get_coins_balance(req, env, p)
        if not result["balance"]:
            raise ApiError(10001, "params error: coin invalid")
        balance = dict(result["balance"][0], transferSafeAmount="", ltvTransferSafeAmount="")
        return dict(result, bizType=1, accountId=str(USER_IDS[env]), balance=balance)

    def get_transferable_coins(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        if not p.get("fromAccountType") or not p.get("toAccountType"):
            raise ApiError(10001, "params error: fromAccountType and toAccountType are required")
        return {"list": [r["coin"] for r in self.coin_rows(self.engine.account(env))]}

    def get_no_records(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        return {"rows": [], "nextPageCursor": ""}

    def get_api_key_info(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        """The calling key: a read-write key of a UTA 2.0 master account with every trading permission."""
        key = req.header("X-BAPI-API-KEY")
        record = self.ex.lookup_key(key)
        rsa_pem = ""
        if record is not None and record.public_key is not None:
            from cryptography.hazmat.primitives import serialization

            rsa_pem = record.public_key.public_bytes(serialization.Encoding.PEM,
                                                     serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
        user_id = USER_IDS[env]
        return {
            "id": str(zlib.crc32(key.encode()) % 10_000_000), "note": "loopback", "apiKey": key, "readOnly": 0, "secret": "",
            "permissions": {
                "ContractTrade": ["Order", "Position"], "Spot": ["SpotTrade"], "Wallet": ["AccountTransfer"],
                "Options": ["OptionsTrade"], "Derivatives": ["DerivativesTrade"], "Exchange": [], "Earn": [],
                "FiatP2P": [], "FiatBitPay": [], "FiatConvertBroker": [], "BitCard": [], "ByXPost": [], "Affiliate": [],
                "BlockTrade": [], "NFT": [], "CopyTrading": [],
            },
            "ips": ["*"], "type": 1, "deadlineDay": -1, "expiredAt": "1970-01-01T00:00:00Z",
            "createdAt": "2026-01-01T00:00:00Z", "unified": 0, "uta": 1, "userID": user_id, "inviterID": 0,
            "vipLevel": "No VIP", "mktMakerLevel": "0", "affiliateID": 0, "rsaPublicKey": rsa_pem, "isMaster": True,
            "parentUid": "0", "kycLevel": "LEVEL_1", "kycRegion": "", "userIDInt64": str(user_id),
            "inviterIDInt64": "0", "affiliateIDInt64": "0",
        }

    def get_coin_info(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        """Every coin of the market and the account, each on one chain of its own name."""
        coins = dict.fromkeys(["USDT", "USDC"] + list(self.market.base_mids) + list(self.engine.account(env).wallet))
        wanted = p.get("coin")
        if wanted:
            coins = {c: None for c in coins if c == wanted}
        rows = []
        for coin in coins:
            rows.append({"name": coin, "coin": coin, "remainAmount": "10000000", "chains": [{
                "chain": coin, "chainType": coin, "confirmation": "6", "withdrawFee": "1", "depositMin": "0",
                "withdrawMin": "1", "minAccuracy": "8", "chainDeposit": "1", "chainWithdraw": "1",
                "withdrawPercentageFee": "0", "contractAddress": "", "safeConfirmNumber": "12", "withdrawMax": "10000000",
            }]})
        return {"rows": rows}

    def get_account_info(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        return {"unifiedMarginStatus": 6, "marginMode": "REGULAR_MARGIN", "isMasterTrader": False,
                "spotHedgingStatus": "OFF", "updatedTime": str(now_ms()), "dcpStatus": "OFF", "timeWindow": 10,
                "smpGroup": 0}

    def demo_apply_money(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        if p.get("adjustType") not in (None, 0, "0", 1, "1"):
            raise self.bad_request("adjustType invalid")
        requests_ = p.get("utaDemoApplyMoney") or [{"coin": "USDT", "amountStr": "100000"}]
        sign = -1 if str(p.get("adjustType", 0)) == "1" else 1
        for item in requests_:
            amount = to_decimal(item.get("amountStr")) if isinstance(item, dict) else None
            if amount is None or amount <= 0 or not item.get("coin"):
                raise self.bad_request("utaDemoApplyMoney invalid")
            self.engine.add_funds(env, str(item["coin"]), sign * amount)
        return {}

    def position_view(self, env: str, pos: Position, stream: bool = False) -> Dict[str, Any]:
        """A linear position as ``position/list`` (``avgPrice``) or the ``position`` stream (``entryPrice``) shows it."""
        mark = self.market.mark_price(self.engine.instrument("perp", pos.symbol))
        margin = self.engine.position_margin(pos)
        qty = abs(pos.size)
        break_even = ""
        if qty:  # Bybit's formula, with the taker fee on the way out
            taker = max(FEES["perp"][1], Decimal("0.00055"))
            sign = 1 if pos.size > 0 else -1
            break_even = fmt(((pos.entry * qty - sign * pos.realised) / (qty * (1 - sign * taker))).quantize(FEE_QUANTUM))
        view = {
            "positionIdx": 0, "riskId": 1, "riskLimitValue": "2000000", "symbol": pos.symbol,
            "side": _side(pos.side), "size": fmt(qty), "avgPrice": fmt(pos.entry),
            "positionValue": fmt(qty * pos.entry), "tradeMode": 0, "positionStatus": "Normal",
            "autoAddMargin": 0, "adlRankIndicator": 2 if pos.size else 0, "leverage": fmt(pos.leverage),
            "breakEvenPrice": break_even, "positionBalance": fmt(margin), "markPrice": fmt(mark), "liqPrice": "",
            "bustPrice": "", "positionMM": fmt(margin / 2), "positionMMByMp": fmt(margin / 2),
            "positionIM": fmt(margin), "positionIMByMp": fmt(margin), "tpslMode": "Full",
            "takeProfit": "0", "stopLoss": "0", "trailingStop": "0", **self._tpsl.get((env, pos.symbol), {}),
            "sessionAvgPrice": "", "delta": "", "gamma": "", "vega": "", "theta": "",  # options only
            "unrealisedPnl": fmt(self.engine.unrealised(pos)), "curRealisedPnl": fmt(pos.realised),
            "cumRealisedPnl": fmt(pos.realised), "seq": pos.seq, "isReduceOnly": False,
            "mmrSysUpdatedTime": "", "leverageSysUpdatedTime": "",
            "createdTime": str(pos.created_ms), "updatedTime": str(pos.updated_ms),
            "openTime": pos.created_ms if qty else 0,
        }
        if stream:
            view["entryPrice"] = view.pop("avgPrice")
            view["category"] = "linear"
        return view

    def get_positions(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category = self.category(p, ("linear", "inverse", "option"))
        symbol = p.get("symbol")
        if not symbol and not p.get("settleCoin") and category != "option":
            raise ApiError(10001, "params error: symbol or settleCoin is required")
        if category != "linear":
            return {"category": category, "list": [], "nextPageCursor": ""}
        if symbol:
            self.instrument(category, symbol)
            positions = [self.engine.position(env, symbol, category)]
        else:
            positions = [pos for pos in self.engine.account(env).positions.values()
                         if pos.size and pos.settle == p.get("settleCoin")]
        return {"category": category, "list": [self.position_view(env, pos) for pos in positions], "nextPageCursor": ""}

    # --- REST: trading --------------------------------------------------------------------------------

    def order_request(self, p: Dict[str, Any]) -> OrderRequest:
        """Decode ``order/create`` parameters (shared by REST and the WebSocket API)."""
        if not isinstance(p, dict):
            raise self.bad_request("request must be an object")
        category = p.get("category")
        product = self.trade_product(category)
        side = {"Buy": "buy", "Sell": "sell"}.get(str(p.get("side")))
        if side is None:
            raise self.bad_request("side invalid")
        order_type = {"Limit": "limit", "Market": "market"}.get(str(p.get("orderType")))
        if order_type is None:
            raise self.bad_request("orderType invalid")
        qty = to_decimal(p.get("qty"))
        if qty is None:
            raise ApiError(10001, "Qty invalid" if p.get("qty") not in (None, "") else "params error: qty is required")
        price = to_decimal(p.get("price")) if order_type == "limit" and p.get("price") not in (None, "") else None
        tif = TIF_IN.get(str(p.get("timeInForce") or ("IOC" if order_type == "market" else "GTC")))
        if tif is None:
            raise self.bad_request("timeInForce invalid")
        link = p.get("orderLinkId") or ""
        if len(str(link)) > 36:
            raise self.bad_request("orderLinkId is too long")
        quote_qty = (product == "spot" and order_type == "market" and side == "buy"
                     and p.get("marketUnit", "quoteCoin") != "baseCoin")
        reduce_only = p.get("reduceOnly") in (True, "true")
        return OrderRequest(str(category), product, str(p.get("symbol") or ""), side, order_type, qty, price, tif,
                            reduce_only, str(link), quote_qty,
                            extra={"positionIdx": p.get("positionIdx", 0), "marketUnit": p.get("marketUnit", "")})

    def place(self, env: str, p: Dict[str, Any]) -> Order:
        req = self.order_request(p)
        if not req.symbol:
            raise self.bad_request("symbol is required")
        try:
            return self.engine.place(env, req)
        except EngineError as err:
            raise self.engine_error(err) from None

    def find_args(self, p: Dict[str, Any]) -> Tuple[str, str]:
        order_id, link = str(p.get("orderId") or ""), str(p.get("orderLinkId") or "")
        if not order_id and not link:
            raise self.bad_request("orderId or orderLinkId is required")
        return order_id, link

    def amend(self, env: str, p: Dict[str, Any]) -> Order:
        self.trade_product(p.get("category"))
        order_id, link = self.find_args(p)
        qty = to_decimal(p.get("qty")) if p.get("qty") not in (None, "") else None
        price = to_decimal(p.get("price")) if p.get("price") not in (None, "") else None
        try:
            return self.engine.amend(env, order_id, link, qty, price)
        except EngineError as err:
            raise self.engine_error(err, {"order_not_found": (110001, "order not exists or too late to replace")}) from None

    def cancel(self, env: str, p: Dict[str, Any]) -> Order:
        self.trade_product(p.get("category"))
        order_id, link = self.find_args(p)
        try:
            return self.engine.cancel(env, order_id, link, str(p.get("symbol") or ""))
        except EngineError as err:
            raise self.engine_error(err) from None

    def create_order(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        order = self.place(env, p)
        return {"orderId": order.order_id, "orderLinkId": order.client_id}

    def pre_check_order(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        """The margin rates (in units of 0.01 %) before and after the order, without placing it."""
        order = self.order_request(p)
        inst = self.instrument(order.category, order.symbol)
        with self.engine.lock:
            price = order.price or self.market.mark_price(inst)
            equity = max(self.engine.accounts[env].wallet.get(inst.quote, ZERO), Decimal(1))
            used = max(equity - self.engine.available(env, inst.quote), ZERO)
            leverage = self.engine.position(env, inst.symbol, "linear").leverage if order.product == "perp" else Decimal(1)
        added = order.qty * price / leverage
        pre, post = (int(v / equity * 10000) for v in (used, used + added))
        return {"orderId": "", "orderLinkId": order.client_id, "preImrE4": pre, "preMmrE4": pre // 2,
                "postImrE4": post, "postMmrE4": post // 2}

    def amend_order(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        order = self.amend(env, p)
        return {"orderId": order.order_id, "orderLinkId": order.client_id}

    def cancel_order(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        order = self.cancel(env, p)
        return {"orderId": order.order_id, "orderLinkId": order.client_id}

    def cancel_all(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        product = self.trade_product(p.get("category"))
        orders = self.engine.cancel_all(env, product, str(p.get("symbol") or ""))
        return {"list": [{"orderId": o.order_id, "orderLinkId": o.client_id} for o in orders], "success": "1"}

    def run_batch(self, env: str, action: str, p: Dict[str, Any]) -> Tuple[Dict[str, Any], Dict[str, Any]]:
        """Run a batch; per-item failures go to ``retExtInfo.list`` (the call itself succeeds)."""
        if not isinstance(p, dict):
            raise self.bad_request("request must be an object")
        category = p.get("category")
        self.trade_product(category)
        items = p.get("request")
        if not isinstance(items, list) or not items:
            raise self.bad_request("request must be a non-empty list")
        if len(items) > (10 if category == "spot" else 20):
            raise ApiError(10001, "Batch order count exceeds the limit")
        results, codes = [], []
        for item in items:
            item = dict(item, category=category) if isinstance(item, dict) else item
            row = {"category": category, "symbol": item.get("symbol", "") if isinstance(item, dict) else "",
                   "orderId": "", "orderLinkId": item.get("orderLinkId", "") if isinstance(item, dict) else ""}
            try:
                order = {"create": self.place, "amend": self.amend, "cancel": self.cancel}[action](env, item)
                row.update(orderId=order.order_id, orderLinkId=order.client_id, symbol=order.symbol)
                codes.append({"code": 0, "msg": "OK"})
            except ApiError as err:
                codes.append({"code": err.code, "msg": err.msg})
            if action == "create":
                row["createAt"] = str(now_ms()) if row["orderId"] else ""
            results.append(row)
        return {"list": results}, {"list": codes}

    def batch(self, action: str) -> Any:
        def handler(req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
            return self.run_batch(env, action, p)
        return handler

    def order_view(self, o: Order, source: str = "realtime") -> Dict[str, Any]:
        """An order as ``order/realtime``, ``order/history`` or the ``order`` stream (``source``) shows it."""
        avg = o.avg_price
        view = {
            "orderId": o.order_id, "orderLinkId": o.client_id, "parentOrderLinkId": "", "blockTradeId": "",
            "symbol": o.symbol, "price": fmt(o.price) if o.price is not None else "0", "qty": fmt(o.qty),
            "side": _side(o.side), "isLeverage": "0" if o.product == "spot" else "",
            "positionIdx": o.extra.get("positionIdx", 0), "orderStatus": STATUS[o.status],
            "cancelType": "CancelByUser" if o.cancel_reason == "by_user" else "UNKNOWN",
            "rejectReason": "EC_PostOnlyWillTakeLiquidity" if o.cancel_reason == "post_only_would_take" else "EC_NoError",
            "avgPrice": fmt(avg) if avg else ("0" if o.product == "spot" else ""),
            "leavesQty": fmt(o.leaves), "leavesValue": fmt(o.leaves * (o.price or ZERO)),
            "cumExecQty": fmt(o.filled), "cumExecValue": fmt(o.filled_value), "cumExecFee": fmt(o.fee),
            "timeInForce": TIF_OUT[o.tif], "orderType": "Limit" if o.order_type == "limit" else "Market",
            "stopOrderType": "", "orderIv": "", "marketUnit": o.extra.get("marketUnit", ""), "triggerPrice": "",
            "takeProfit": "", "stopLoss": "", "tpslMode": "", "ocoTriggerBy": "", "tpLimitPrice": "",
            "slLimitPrice": "", "tpTriggerBy": "", "slTriggerBy": "", "triggerDirection": 0, "triggerBy": "",
            "lastPriceOnCreated": fmt(o.last_price_on_created), "reduceOnly": o.reduce_only,
            "closeOnTrigger": False, "placeType": "", "smpType": "None", "smpGroup": 0, "smpOrderId": "",
            "createdTime": str(o.created_ms), "updatedTime": str(o.updated_ms),
            "cumFeeDetail": {o.fee_coin: fmt(o.fee)} if o.fee else {},
        }
        if o.product != "spot":
            view["createType"] = "CreateByUser"  # spot orders have no createType
        elif source != "stream":
            view["basePrice"] = fmt(o.last_price_on_created)  # spot only, REST only
        if source in ("history", "stream"):
            view.update({"slippageToleranceType": "UNKNOWN", "slippageTolerance": "", "rpiTakerAccess": False,
                         "rpiMatchedQty": "0"})
        if source == "history":
            view["extraFees"] = ""
        if source == "stream":
            view.update({"category": o.category, "feeCurrency": o.fee_coin if o.product == "spot" else "",
                         "brokerOrderPrice": "", "closedPnl": "0"})
        return view

    def order_filters(self, p: Dict[str, Any]) -> Tuple[str, str, str, str]:
        product = self.trade_product(p.get("category"))
        return product, str(p.get("symbol") or ""), str(p.get("orderId") or ""), str(p.get("orderLinkId") or "")

    def get_open_orders(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        product, symbol, order_id, link = self.order_filters(p)
        if order_id or link:
            # Bybit also returns recently closed orders when asked by id.
            order = self.engine.find_order(env, order_id, link)
            orders = [order] if order is not None and order.product == product else []
        else:
            orders = self.engine.orders(env, True, product, symbol)
        orders = orders[: limit_param(p, 20, 50)]
        return {"category": p["category"], "list": [self.order_view(o) for o in orders], "nextPageCursor": ""}

    def get_order_history(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        product, symbol, order_id, link = self.order_filters(p)
        orders = [o for o in self.engine.orders(env, False, product, symbol)
                  if (not order_id or o.order_id == order_id) and (not link or o.client_id == link)]
        if not (order_id or link):
            # Bybit: the last 7 days by default, at most 7 days between startTime and endTime.
            bounds = bybit_range(p, 7)
            orders = [o for o in orders if in_range(o.created_ms, bounds)]
        orders, cursor = bybit_page(orders, lambda o: o.order_id, p, limit_param(p, 20, 50))
        return {"category": p["category"], "list": [self.order_view(o, "history") for o in orders], "nextPageCursor": cursor}

    def execution_view(self, f: Fill, stream: bool = False) -> Dict[str, Any]:
        o = f.order
        inst = self.market.resolve(o.product, o.symbol)
        mark = fmt(self.market.mark_price(inst)) if inst else ""
        view = {
            "symbol": o.symbol, "orderId": o.order_id, "orderLinkId": o.client_id, "side": _side(o.side),
            "orderPrice": fmt(o.price) if o.price is not None else "0", "orderQty": fmt(o.qty),
            "leavesQty": fmt(o.leaves), "createType": "CreateByUser",
            "orderType": "Limit" if o.order_type == "limit" else "Market", "stopOrderType": "",
            "execFee": fmt(f.fee), "execId": f.exec_id, "execPrice": fmt(f.price), "execQty": fmt(f.qty),
            "execType": "Trade", "execValue": fmt(f.price * f.qty), "execTime": str(f.ts),
            "feeCurrency": f.fee_coin, "isMaker": f.is_maker, "feeRate": fmt(f.fee_rate), "tradeIv": "",
            "markIv": "", "markPrice": mark, "indexPrice": mark, "underlyingPrice": "", "blockTradeId": "",
            "closedSize": fmt(f.closed_size), "seq": int(f.exec_id) % 10_000_000_000, "extraFees": "",
        }
        if stream:
            view.update({"category": o.category, "isLeverage": "0" if o.product == "spot" else "", "execPnl": fmt(f.pnl)})
        else:
            view["execFeeV2"] = ""  # spread trades only
        return view

    def set_leverage(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        self.category(p, ("linear", "inverse"))
        if p["category"] != "linear":
            raise ApiError(10001, "params error: category inverse is not tradable on the loopback exchange")
        self.instrument("linear", p.get("symbol"))
        buy, sell = to_decimal(p.get("buyLeverage")), to_decimal(p.get("sellLeverage"))
        if buy is None or sell is None or buy != sell or not 1 <= buy <= 100:
            # One-way positions: Bybit wants buyLeverage == sellLeverage.
            raise ApiError(10001, "params error: buyLeverage must equal sellLeverage, from 1 to 100")
        with self.engine.lock:
            pos = self.engine.position(env, str(p["symbol"]), "linear")
            if pos.leverage == buy:
                raise ApiError(110043, "leverage not modified")
            pos.leverage = buy
            pos.updated_ms = now_ms()
        return {}

    def switch_mode(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        self.category(p, ("linear", "inverse"))
        if str(p.get("mode")) not in ("0", "3"):
            raise ApiError(10001, "params error: mode must be 0 (one-way) or 3 (hedge)")
        if str(p.get("mode")) == "3":
            raise ApiError(10001, "params error: the loopback exchange keeps one-way positions only")
        raise ApiError(110025, "Position mode is not modified")

    def get_closed_pnl(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        self.category(p, ("linear", "inverse"))
        rows = []
        for f in self.engine.fills(env, "perp", str(p.get("symbol") or "")):
            if not f.closed_size:
                continue
            # A sell closes a long: pnl = (exit - entry) * qty; a buy closes a short: pnl = (entry - exit) * qty.
            entry = f.price - f.pnl / f.closed_size if f.order.side == "sell" else f.price + f.pnl / f.closed_size
            entry_value, exit_value = entry * f.closed_size, f.price * f.closed_size
            open_fee = (entry_value * f.fee_rate).quantize(FEE_QUANTUM)
            rows.append({
                "symbol": f.order.symbol, "orderId": f.order.order_id, "side": _side(f.order.side),
                "qty": fmt(f.closed_size), "orderPrice": fmt(f.order.price) if f.order.price is not None else "0",
                "orderType": "Limit" if f.order.order_type == "limit" else "Market", "execType": "Trade",
                "closedSize": fmt(f.closed_size), "cumEntryValue": fmt(entry_value), "avgEntryPrice": fmt(entry),
                "cumExitValue": fmt(exit_value), "avgExitPrice": fmt(f.price),
                "closedPnl": fmt(f.pnl - f.fee - open_fee), "fillCount": "1",
                "leverage": fmt(self.engine.position(env, f.order.symbol, "linear").leverage),
                "openFee": fmt(open_fee), "closeFee": fmt(f.fee), "createdTime": str(f.ts), "updatedTime": str(f.ts),
            })
        return {"category": p["category"], "list": rows[: limit_param(p, 50, 100)], "nextPageCursor": ""}

    def set_trading_stop(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        self.category(p, ("linear", "inverse"))
        self.instrument(p["category"], p.get("symbol"))
        levels = {}
        for name in ("takeProfit", "stopLoss"):
            if p.get(name) not in (None, ""):
                if to_decimal(p[name]) is None:
                    raise ApiError(10001, "params error: %s invalid" % name)
                levels[name] = fmt(to_decimal(p[name]))
        with self.engine.lock:
            if not self.engine.position(env, str(p["symbol"]), "linear").size:
                raise ApiError(10001, "can not set tp/sl/ts for zero position")
            self._tpsl.setdefault((env, str(p["symbol"])), {}).update(levels)
        return {}

    def get_fee_rate(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        category = self.category(p)
        maker, taker = FEES["spot" if category == "spot" else "perp"]
        symbols = [p["symbol"]] if p.get("symbol") else [i.symbol for i in self.instruments(category, None)]
        rows = [{"symbol": s, "baseCoin": "", "makerFeeRate": fmt(maker), "takerFeeRate": fmt(taker)} for s in symbols]
        return {"category": category, "list": rows}

    def get_transaction_log(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        """Every trade of the account as a ledger row (newest first)."""
        bounds = bybit_range(p, 7, default_days=1)  # Bybit: the last 24 hours by default
        rows = [{
            "id": f.exec_id, "symbol": f.order.symbol, "category": f.order.category, "side": _side(f.order.side),
            "transactionTime": str(f.ts), "type": "TRADE", "transSubType": "", "qty": fmt(f.qty), "size": fmt(f.qty),
            "currency": f.fee_coin, "tradePrice": fmt(f.price), "funding": "", "fee": fmt(f.fee),
            "cashFlow": fmt(f.pnl), "change": fmt(f.pnl - f.fee), "cashBalance": "", "feeRate": fmt(f.fee_rate),
            "bonusChange": "", "tradeId": f.exec_id, "orderId": f.order.order_id, "orderLinkId": f.order.client_id,
            "extraFees": "",
        } for f in reversed(self.engine.fills(env)) if in_range(f.ts, bounds)]
        rows, cursor = bybit_page(rows, lambda row: row["id"], p, limit_param(p, 20, 50))
        return {"list": rows, "nextPageCursor": cursor}

    def get_executions(self, req: RestRequest, env: str, p: Dict[str, Any]) -> Any:
        product = self.trade_product(p.get("category"))
        fills = self.engine.fills(env, product, str(p.get("symbol") or ""), str(p.get("orderId") or ""))
        link = p.get("orderLinkId")
        if link:
            fills = [f for f in fills if f.order.client_id == link]
        bounds = bybit_range(p, 7)
        fills = [f for f in fills if in_range(f.ts, bounds)]
        fills, cursor = bybit_page(fills, lambda f: f.exec_id, p, limit_param(p, 50, 100))
        return {"category": p["category"], "list": [self.execution_view(f) for f in fills], "nextPageCursor": cursor}

    # --- WebSocket ----------------------------------------------------------------------------------------

    def on_message(self, conn: WsConnection, text: str) -> None:
        msg = loads_or_none(text)
        if not isinstance(msg, dict):
            if conn.kind == "trade":
                self.reply(conn, {"retCode": 10001, "retMsg": "Params Error", "op": "", "connId": conn.conn_id})
            else:
                self.reply(conn, {"success": False, "ret_msg": "error:json unmarshal failed", "conn_id": conn.conn_id})
            return
        op = msg.get("op")
        if op == "ping":
            self.reply(conn, self.pong(conn, msg))
        elif op == "auth":
            self.auth(conn, msg)
        elif conn.kind == "trade":
            if op in WS_API_OPS:
                self.ws_api(conn, msg)
            else:
                self.reply(conn, {"retCode": 10404, "retMsg": "unknown op: %s" % op, "op": op, "connId": conn.conn_id})
        elif op in ("subscribe", "unsubscribe"):
            self.subscribe(conn, msg, op)
        else:
            self.reply(conn, self.ack(conn, msg, op, False, "error:unknown op %s" % op))

    def pong(self, conn: WsConnection, msg: Dict[str, Any]) -> Dict[str, Any]:
        """The pong shape of this connection kind (they differ per stream)."""
        now = str(now_ms())
        if conn.kind == "spot":
            pong = {"success": True, "ret_msg": "pong", "conn_id": conn.conn_id, "op": "ping"}
            if "req_id" in msg:
                pong["req_id"] = msg["req_id"]
            return pong
        if conn.kind in ("linear", "inverse", "event"):
            return {"success": True, "ret_msg": "pong", "conn_id": conn.conn_id, "req_id": msg.get("req_id", ""), "op": "ping"}
        if conn.kind in ("option", "spread"):
            return {"args": [now], "op": "pong"}
        if conn.kind == "private":
            return {"req_id": msg.get("req_id", ""), "op": "pong", "args": [now], "conn_id": conn.conn_id}
        pong = {"retCode": 0, "retMsg": "OK", "op": "pong", "data": [now], "connId": conn.conn_id}
        if "reqId" in msg:
            pong["reqId"] = msg["reqId"]
        return pong

    def ack(self, conn: WsConnection, msg: Dict[str, Any], op: Any, success: bool, ret_msg: str) -> Dict[str, Any]:
        ack: Dict[str, Any] = {"success": success, "ret_msg": ret_msg, "conn_id": conn.conn_id}
        if "req_id" in msg or conn.kind in ("linear", "inverse", "event"):
            ack["req_id"] = msg.get("req_id", "")  # derivatives streams always answer with a req_id
        ack["op"] = op
        return ack

    # --- WebSocket: auth -----------------------------------------------------------------------------------

    def auth(self, conn: WsConnection, msg: Dict[str, Any]) -> None:
        self.ex.count_login_attempt()
        failure = self.check_auth(conn, msg)
        if conn.kind == "trade":
            reply: Dict[str, Any] = {"retCode": failure[0] if failure else 0,
                                     "retMsg": failure[1] if failure else "OK", "op": "auth", "connId": conn.conn_id}
            if "reqId" in msg:
                reply = dict({"reqId": msg["reqId"]}, **reply)
        else:
            reply = self.ack(conn, msg, "auth", not failure, failure[1] if failure else "")
        self.reply(conn, reply)

    def check_auth(self, conn: WsConnection, msg: Dict[str, Any]) -> Optional[Tuple[int, str]]:
        """Verify ``{"op":"auth","args":[key, expires, sign]}``; None on success, else (code, message)."""
        if conn.kind not in ("private", "trade"):
            return 10001, "error:auth is not supported on public topics"
        fault = self.login_fault()
        if fault is not NO_FAULT:
            code = fault if fault is not None else 10004
            return code, AUTH_MESSAGES.get(code, "error code %s" % code)
        if conn.authenticated:
            return 20001, AUTH_MESSAGES[20001]
        args = msg.get("args")
        if not isinstance(args, list) or len(args) < 3:
            return 10001, AUTH_MESSAGES[10001]
        key, expires, sign = args[0], args[1], args[2]
        record = self.ex.lookup_key(key)
        if record is None or record.env != conn.env:
            return 10003, AUTH_MESSAGES[10003]
        if isinstance(expires, bool) or not isinstance(expires, (int, str)) or not str(expires).isdigit():
            return 10001, AUTH_MESSAGES[10001]
        if int(expires) <= now_ms():
            return 10001, "error:request expired"
        if not isinstance(sign, str) or not record.verify("GET/realtime%s" % expires, sign, hex_hmac=True):
            return 10004, AUTH_MESSAGES[10004]
        self.logged_in(conn, key)
        return None

    # --- WebSocket: subscriptions ---------------------------------------------------------------------------

    def subscribe(self, conn: WsConnection, msg: Dict[str, Any], op: str) -> None:
        args = msg.get("args")
        if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
            self.reply(conn, self.ack(conn, msg, op, False, "error:args must be a list of topics"))
            return
        if conn.kind == "private" and not conn.authenticated:
            self.reply(conn, self.ack(conn, msg, op, False, "Request not authorized"))
            return
        refusal = self.over_limit(conn, args) if op == "subscribe" else None
        if refusal is not None:  # the whole request is refused; nothing of it is subscribed
            self.reply(conn, self.subscribe_reply(conn, msg, op, [], list(args), [refusal], refusal))
            return
        ok: List[str] = []
        failed: List[str] = []
        errors: List[str] = []
        new: List[Sub] = []
        for topic in args:
            if op == "unsubscribe":
                self.remove_subscription(conn, topic)
                ok.append(topic)
                continue
            sub = self.parse_topic(conn, topic)
            if sub is None:
                failed.append(topic)
                errors.append("error:handler not found,topic:%s" % topic)
            elif topic in conn.subs or any(s.key == topic for s in new):
                failed.append(topic)
                errors.append("error:already subscribed,topic:%s" % topic)
            else:
                ok.append(topic)
                new.append(sub)
        self.reply(conn, self.subscribe_reply(conn, msg, op, ok, failed, errors))
        for sub in new:
            self.add_subscription(conn, sub)

    def over_limit(self, conn: WsConnection, args: List[str]) -> Optional[str]:
        """The refusal text when a subscribe request breaks a per-connection limit, else None."""
        if conn.kind not in PUBLIC_KINDS:
            return None
        limits = self.limits
        if conn.kind == "spot" and len(args) > limits.spot_args_per_request:
            return "args size >%d" % limits.spot_args_per_request  # Bybit's own text
        added = [t for t in dict.fromkeys(args) if t not in conn.subs]
        if conn.kind == "option" and len(conn.subs) + len(added) > limits.option_args_per_connection:
            return "error:args size >%d per connection" % limits.option_args_per_connection
        chars = sum(len(t) for t in conn.subs) + sum(len(t) for t in added)
        if chars > limits.public_args_chars:
            return "error:args length >%d characters per connection" % limits.public_args_chars
        return None

    def subscribe_reply(self, conn: WsConnection, msg: Dict[str, Any], op: str, ok: List[str],
                        failed: List[str], errors: List[str], refusal: Optional[str] = None) -> Dict[str, Any]:
        """The (un)subscribe answer in the shape of this connection kind (``refusal``: a limit was broken)."""
        if conn.kind in ("option", "spread"):
            reply: Dict[str, Any] = {"success": not failed, "conn_id": conn.conn_id,
                                     "data": {"failTopics": failed, "successTopics": ok}, "type": "COMMAND_RESP"}
            if refusal:
                reply["ret_msg"] = refusal
            return reply  # no op and no req_id: Bybit's option/spread answers cannot be matched to requests
        ret_msg = errors[0] if errors else ("subscribe" if conn.kind == "spot" and op == "subscribe" else "")
        return self.ack(conn, msg, op, not errors, ret_msg)

    def parse_topic(self, conn: WsConnection, topic: str) -> Optional[Sub]:
        if conn.kind == "private":
            for prefix, channel in PRIVATE_TOPICS.items():
                if topic == prefix:
                    return Sub(topic, channel, variant="fast" if prefix == "execution.fast" else "")
            for prefix in ("order", "execution", "execution.fast", "position"):
                suffix = topic[len(prefix) + 1:] if topic.startswith(prefix + ".") else ""
                if suffix in CATEGORY_PRODUCT and not (prefix == "position" and suffix == "spot"):
                    return Sub(topic, PRIVATE_TOPICS[prefix], filter=suffix,
                               variant="fast" if prefix == "execution.fast" else "")
            return None
        kind = conn.kind
        name, *rest = topic.split(".")
        if name == "orderbook" and len(rest) == 2 and rest[0] == "rpi" and kind in RPI_KINDS:
            inst = self.public_instrument(kind, rest[1])
            return Sub(topic, "book", inst, depth=RPI_DEPTH, incremental=True, variant="rpi") if inst else None
        if name == "orderbook" and len(rest) == 2 and rest[0].isdigit():
            inst = self.public_instrument(kind, rest[1])
            depth = int(rest[0])
            if inst is None or depth not in BOOK_DEPTHS[kind]:
                return None
            return Sub(topic, "book", inst, depth=depth, incremental=depth != 1 and kind != "event")
        if len(rest) == 1 and (name == "tickers" or (name == "publicTrade" and kind in TRADE_KINDS)):
            inst = self.public_instrument(kind, rest[0])
            return Sub(topic, "trade" if name == "publicTrade" else "ticker", inst) if inst else None
        if name == "kline" and len(rest) == 2 and kind in KLINE_KINDS:
            inst = self.public_instrument(kind, rest[1])
            if inst is None or rest[0] not in KLINE_INTERVALS:
                return None
            return Sub(topic, "kline", inst, interval=rest[0], interval_ms=INTERVAL_MS[rest[0]])
        if len(rest) == 1 and ((name == "priceLimit" and kind in PRICE_LIMIT_KINDS)
                               or (name == "allLiquidation" and kind in LIQUIDATION_KINDS)):
            inst = self.public_instrument(kind, rest[0])
            return Sub(topic, "ticker", inst, variant=name) if inst else None
        if name in ("insurance", "adlAlert") and len(rest) == 1 and rest[0] in POOL_FILTERS.get(kind, ()):
            return Sub(topic, "ticker", filter=rest[0], variant=name)  # pool-wide: no instrument
        return None

    def public_instrument(self, kind: str, symbol: str) -> Optional[Instrument]:
        """The instrument ``symbol`` of a public connection kind (event contracts made on first use)."""
        if kind != "event":
            return self.market.resolve(KIND_PRODUCT[kind], symbol)
        inst = self.market.instruments.get(("event", symbol))
        match = EVENT_SYMBOL.match(symbol)
        if inst is None and match and self.market.resolve("perp", match.group(1)) is not None:
            # A payout price between 0 and 1, like Bybit's event contracts.
            inst = self.market._add("event", symbol, Decimal("0.5"), split_symbol(match.group(1))[0], "USDT")
        return inst

    # --- WebSocket: pushes ------------------------------------------------------------------------------------

    def render_public(self, conn: WsConnection, sub: Sub, on_tick: bool) -> List[Any]:
        now = now_ms()
        if sub.variant in ("allLiquidation", "insurance"):
            # No liquidations happen here and the pools never change: Bybit pushes nothing then.
            return []
        if sub.variant == "adlAlert":
            return [{"topic": sub.key, "type": "snapshot", "ts": now, "data": self.adl_rows(sub.filter)}]
        inst = sub.instrument
        if sub.variant == "priceLimit":
            mark = self.market.mark_price(inst)
            return [{"topic": sub.key, "data": {
                "symbol": inst.symbol, "buyLmt": fmt((mark * (1 + PRICE_LIMIT_RATIO)).quantize(inst.tick)),
                "sellLmt": fmt((mark * (1 - PRICE_LIMIT_RATIO)).quantize(inst.tick))}, "ts": now}]
        if sub.channel == "book":
            book = self.market.book(inst)
            restart = sub.incremental and sub.started and self.ex.faults.take_book_fault("restart", sub)
            if restart:
                sub.seq_base = book.seq - 1  # u starts over at 1 with a fresh snapshot
            snapshot = restart or not sub.incremental or not sub.started or sub.epoch != book.epoch
            if snapshot:
                bids, asks = book.levels(sub.depth)
            else:
                bids, asks = book.changes_within(sub.depth)
                if not bids and not asks:
                    return []
            sub.started, sub.epoch = True, book.epoch
            if conn.kind == "event":
                # Event contracts have one list of [payout ratio, order amount], as GET /v5/event/orderbook.
                return [{"topic": sub.key, "type": "snapshot", "ts": now, "data": {
                    "s": inst.symbol, "r": levels_json(book.levels(sub.depth)[1]), "u": book.seq, "seq": book.cross_seq},
                    "cts": book.ts}]
            b, a = levels_json(bids), levels_json(asks)
            if sub.variant == "rpi":  # [price, non-RPI size, RPI size]: the loopback has no RPI quotes
                b, a = [lv + ["0"] for lv in b], [lv + ["0"] for lv in a]
            msg = {"topic": sub.key, "type": "snapshot" if snapshot else "delta", "ts": now,
                   "data": {"s": inst.symbol, "b": b, "a": a, "u": book.seq - sub.seq_base, "seq": book.cross_seq},
                   "cts": book.ts}
            return self.ex.faults.book_pushes(sub, msg, snapshot)
        if sub.channel == "trade":
            if not on_tick:
                return []
            trades = self.market.stat(inst).new_trades
            if not trades:
                return []
            seq = self.market.book(inst).cross_seq
            rows = []
            for t in trades:
                row: Dict[str, Any] = {"T": t.ts, "s": inst.symbol, "S": _side(t.side), "v": fmt(t.size), "p": fmt(t.price),
                                       "L": "PlusTick" if t.side == "buy" else "MinusTick", "i": t.trade_id, "BT": False,
                                       "RPI": False, "seq": seq}
                if conn.kind == "option":  # options add mark/index price and IVs
                    mid = fmt(self.market.mark_price(inst))
                    row.update({"mP": mid, "iP": mid, "mIv": "0.5", "iv": "0.5"})
                rows.append(row)
            return [{"id": "%s-%d" % (sub.key, seq), "topic": sub.key, "type": "snapshot", "ts": now, "data": rows}]
        if sub.channel == "ticker":
            return [self.ticker_push(conn, sub, inst, now)]
        # kline
        start, open_, high, low, close, volume, turnover = self.market.candles(inst, sub.interval_ms, 1)[-1]
        return [{"topic": sub.key, "type": "snapshot", "ts": now, "data": [{
            "start": start, "end": start + sub.interval_ms - 1, "interval": sub.interval, "open": fmt(open_),
            "close": fmt(close), "high": fmt(high), "low": fmt(low), "volume": fmt(volume),
            "turnover": fmt(turnover), "confirm": False, "timestamp": now}]}]

    def ticker_push(self, conn: WsConnection, sub: Sub, inst: Instrument, now: int) -> Dict[str, Any]:
        """A ``tickers.*`` push: spot, option and event snapshots; derivatives a snapshot, then deltas."""
        cs = self.market.book(inst).cross_seq
        if conn.kind == "spot":
            view = self.ticker_view(inst, "spot")
            data = {k: view[k] for k in SPOT_STREAM_TICKER}
            return {"topic": sub.key, "ts": now, "type": "snapshot", "cs": cs, "data": data}
        if conn.kind == "option":
            return {"id": "%s-%d" % (sub.key, cs), "topic": sub.key, "type": "snapshot", "ts": now,
                    "data": self.option_ticker(inst, stream=True)}
        view = self.ticker_view(inst, conn.kind)
        delta = conn.kind in ("linear", "inverse") and sub.started
        sub.started = True
        if delta:  # derivatives tickers: a snapshot first, then only the fields that move
            view = {k: view[k] for k in ("symbol", "tickDirection", "lastPrice", "bid1Price", "bid1Size",
                                         "ask1Price", "ask1Size", "volume24h", "turnover24h", "markPrice",
                                         "indexPrice", "highPrice24h", "lowPrice24h")}
        elif conn.kind in ("linear", "inverse"):
            view.pop("basis", None)  # REST only
        return {"topic": sub.key, "type": "delta" if delta else "snapshot", "data": view, "cs": cs, "ts": now}

    def adl_rows(self, pool: str) -> List[Dict[str, Any]]:
        """``adlAlert.*`` rows: one per contract of the pool (plausible constants; ADL never triggers)."""
        if pool == "inverse":
            insts = [i for i in (self.market.resolve("inverse", b + "USD") for b in self.market.base_mids) if i]
        else:
            insts = [i for i in self.market.listed("perp") if i.quote == pool]
        return [{"c": inst.base if pool == "inverse" else pool, "s": inst.symbol, "b": "1000000", "mb": "",
                 "i_pr": "-0.3", "pr": "0", "adl_tt": "10000", "adl_sr": "-0.25"} for inst in insts]

    def render_private(self, conn: WsConnection, sub: Sub, payload: Any) -> List[Any]:
        if sub.channel == "order":
            if sub.filter and payload.category != sub.filter:
                return []
            data = [self.order_view(payload, "stream")]
        elif sub.channel == "fill":
            if sub.filter and payload.order.category != sub.filter:
                return []
            view = self.execution_view(payload, stream=True)
            if sub.variant == "fast":
                view = {k: view[k] for k in ("category", "symbol", "execId", "execPrice", "execQty", "orderId",
                                             "isMaker", "orderLinkId", "side", "execTime", "seq")}
            data = [view]
        elif sub.channel == "position":
            if sub.filter and sub.filter != "linear":
                return []
            data = [self.position_view(conn.env, payload, stream=True)]
        elif sub.channel == "balance":
            data = [self.wallet_view(conn.env)]
        else:
            return []
        return [{"id": uuid.uuid4().hex, "topic": sub.key, "creationTime": now_ms(), "data": data}]

    # --- WebSocket API ----------------------------------------------------------------------------------------

    def ws_api(self, conn: WsConnection, msg: Dict[str, Any]) -> None:
        self.ex.record_command(conn, msg)
        with self.ex.deferred_events():
            self.run_ws_api(conn, msg)

    def run_ws_api(self, conn: WsConnection, msg: Dict[str, Any]) -> None:
        op = msg.get("op")
        head: Dict[str, Any] = {"reqId": msg["reqId"]} if "reqId" in msg else {}

        def answer(code: int, ret_msg: str, data: Any = None, ext: Any = None) -> None:
            reply = dict(head, retCode=code, retMsg=ret_msg, op=op, data=data if data is not None else {},
                         retExtInfo=ext if ext is not None else {}, header=self.ws_api_header(conn),
                         connId=conn.conn_id)
            self.reply_ws_api(conn, reply)

        try:
            if not conn.authenticated:
                raise ApiError(10003, "Request not authorized")
            req_id = msg.get("reqId")
            if req_id is not None:
                if len(str(req_id)) > 36:
                    raise ApiError(10001, "Params Error: reqId is too long")
                if req_id in conn.req_ids:
                    raise ApiError(20006, "reqId is duplicated")
                conn.req_ids.add(req_id)
            header = msg.get("header")
            if not isinstance(header, dict):
                header = {}
            if "X-BAPI-TIMESTAMP" not in header:
                raise ApiError(10001, "Params Error: header X-BAPI-TIMESTAMP is missing")
            self.check_timestamp(header["X-BAPI-TIMESTAMP"], header.get("X-BAPI-RECV-WINDOW", "5000"))
            args = msg.get("args")
            if not isinstance(args, list) or len(args) != 1 or not isinstance(args[0], dict):
                raise ApiError(10001, "Params Error: args must hold exactly one object")
            if args[0].get("category") not in CATEGORY_PRODUCT:  # the WebSocket API's own code for this
                raise ApiError(10404, "category is not correct or not supported: %s" % args[0].get("category"))
            action = str(op).split(".")[1]
            if action.endswith("-batch"):
                result, ext = self.run_batch(conn.env, action[: -len("-batch")], args[0])
                answer(0, "OK", result, ext)
                return
            order = {"create": self.place, "amend": self.amend, "cancel": self.cancel}[action](conn.env, args[0])
            answer(0, "OK", {"orderId": order.order_id, "orderLinkId": order.client_id})
        except ApiError as err:
            answer(err.code, err.msg)

    def ws_api_header(self, conn: WsConnection) -> Dict[str, str]:
        now = now_ms()
        return {"X-Bapi-Limit": "20", "X-Bapi-Limit-Status": "19",
                "X-Bapi-Limit-Reset-Timestamp": str(now - now % 1000 + 1000),
                "Traceid": random_token(32, "0123456789abcdef"), "Timenow": str(now)}

