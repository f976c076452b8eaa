"""Bitget loopback responses and pushes carry the fields Bitget documents (UTA and Classic API pages)."""

from __future__ import annotations

import pytest

from bitsdk.testing import LoopbackExchange

V3_ORDER = {"orderId", "clientOid", "category", "symbol", "price", "qty", "amount", "orderType", "cumExecQty",
            "cumExecValue", "avgPrice", "orderStatus", "side", "timeInForce", "posSide", "tradeSide", "holdMode",
            "stpMode", "reduceOnly", "feeDetail", "cancelReason", "execType", "createdTime", "updatedTime"}
V3_ORDER_PUSH = V3_ORDER - {"execType"} | {"holdSide", "marginMode", "marginCoin", "totalProfit", "leverage"}
V3_FILL = {"execId", "execLinkId", "orderId", "clientOid", "category", "symbol", "orderType", "side", "execPrice",
           "execQty", "execValue", "tradeScope", "tradeSide", "feeDetail", "execPnl", "createdTime", "updatedTime"}
V3_FILL_PUSH = V3_FILL | {"execTime", "holdSide"}
V3_POSITION_PUSH = {"symbol", "leverage", "openFeeTotal", "mmr", "breakEvenPrice", "available", "liqPrice",
                    "marginMode", "unrealisedPnl", "markPrice", "createdTime", "avgPrice", "totalFundingFee",
                    "updatedTime", "marginCoin", "frozen", "profitRate", "closeFeeTotal", "marginSize",
                    "curRealisedPnl", "size", "positionStatus", "posSide", "holdMode"}
V3_ACCOUNT_PUSH = {"unrealisedPnl", "totalEquity", "positionMgnRatio", "mmr", "effEquity", "imr", "mgnRatio", "coin"}
V3_ACCOUNT_COIN = {"coin", "balance", "available", "locked", "equity", "usdValue", "borrow", "debts"}
V2_FUTURES_ORDER_PUSH = {"instId", "orderId", "clientOid", "price", "size", "orderType", "force", "side", "status",
                         "posMode", "posSide", "tradeSide", "marginMode", "marginCoin", "leverage", "cancelReason",
                         "notionalUsd", "fillNotionalUsd", "pnl", "totalProfits", "stpMode", "accBaseVolume",
                         "priceAvg", "reduceOnly", "enterPointSource", "feeDetail", "cTime", "uTime",
                         "presetStopSurplusPrice", "presetStopLossPrice"}
V2_FUTURES_FILL_PUSH = {"orderId", "clientOid", "tradeId", "symbol", "side", "orderType", "posMode", "price",
                        "baseVolume", "quoteVolume", "profit", "tradeSide", "tradeScope", "feeDetail", "cTime", "uTime"}


def rest(ex, h):
    creds = ex.credentials
    return h.BitgetRest(ex.rest_url, creds.api_key, creds.api_secret, creds.api_pass)


def data(resp):
    body = resp.json()
    assert body["code"] == "00000", body
    return body["data"]


def test_v3_rest_fields(bitget, h):
    api = rest(bitget, h)
    settings = data(api.get("/api/v3/account/settings"))
    assert settings["uid"].isdigit() and settings["accountMode"] == "unified"
    assert {"coin", "leverage"} <= set(settings["coinConfigList"][0])
    data(api.post("/api/v3/trade/place-order", {"category": "USDT-FUTURES", "symbol": "BTCUSDT", "side": "buy",
                                                "orderType": "market", "qty": "0.01", "clientOid": "f1"}))
    order = data(api.get("/api/v3/trade/order-info", {"clientOid": "f1"}))
    assert V3_ORDER <= set(order), V3_ORDER - set(order)
    assert (order["execType"], order["tradeSide"]) == ("normal", "open")
    [fill] = data(api.get("/api/v3/trade/fills", {"category": "USDT-FUTURES"}))["list"]
    assert V3_FILL <= set(fill), V3_FILL - set(fill)
    data(api.post("/api/v3/trade/place-order", {"category": "SPOT", "symbol": "BTCUSDT", "side": "buy",
                                                "orderType": "limit", "qty": "0.01", "price": "30000"}))
    [resting] = data(api.get("/api/v3/trade/unfilled-orders", {"category": "SPOT"}))["list"]
    assert resting["feeDetail"] == [{"feeCoin": None, "fee": None}]  # as Bitget shows an order without fills
    margin = data(api.public("/api/v3/market/instruments", {"category": "MARGIN", "symbol": "BTCUSDT"}))[0]
    assert {"maxCrossedLeverage", "maxIsolatedLeverage", "userMinBorrow", "isRwa", "maxMarketOrderQty"} <= set(margin)
    trade = data(api.public("/api/v3/market/fills", {"category": "SPOT", "symbol": "BTCUSDT"}))[0]
    assert {"execId", "execLinkId", "price", "size", "side", "ts"} <= set(trade)


def test_v3_private_push_fields(bitget, h, ws_factory):
    creds = bitget.credentials
    ws = ws_factory(bitget.ws_url("v3Private"))
    h.bitget_login(ws, creds.api_key, creds.api_secret, creds.api_pass)
    topics = [{"instType": "UTA", "topic": t} for t in ("order", "fill", "position", "account")]
    ws.send({"op": "subscribe", "args": topics})
    for arg in topics:
        ws.recv_until(lambda m, arg=arg: m.get("event") == "subscribe" and m["arg"] == arg)
    data(rest(bitget, h).post("/api/v3/trade/place-order", {"category": "USDT-FUTURES", "symbol": "ETHUSDT",
                                                           "side": "sell", "orderType": "market", "qty": "0.1"}))
    seen = {}
    while len(seen) < 4:
        msg = ws.recv_until(lambda m: "data" in m)
        seen.setdefault(msg["arg"]["topic"], msg["data"][0])
    assert V3_ORDER_PUSH <= set(seen["order"]), V3_ORDER_PUSH - set(seen["order"])
    assert (seen["order"]["holdSide"], seen["order"]["leverage"]) == ("short", "10")
    assert V3_FILL_PUSH <= set(seen["fill"]), V3_FILL_PUSH - set(seen["fill"])
    assert V3_POSITION_PUSH <= set(seen["position"]), V3_POSITION_PUSH - set(seen["position"])
    assert seen["position"]["size"] == "0.1"
    assert V3_ACCOUNT_PUSH <= set(seen["account"]), V3_ACCOUNT_PUSH - set(seen["account"])
    assert all(V3_ACCOUNT_COIN <= set(c) for c in seen["account"]["coin"])


def test_v2_futures_push_fields(bitget, h, ws_factory):
    creds = bitget.credentials
    ws = ws_factory(bitget.ws_url("v2Private"))
    h.bitget_login(ws, creds.api_key, creds.api_secret, creds.api_pass)
    args = [{"instType": "USDT-FUTURES", "channel": c, "instId": "default"} for c in ("orders", "fill")]
    ws.send({"op": "subscribe", "args": args})
    for arg in args:
        ws.recv_until(lambda m, arg=arg: m.get("event") == "subscribe" and m["arg"] == arg)
    data(rest(bitget, h).post("/api/v3/trade/place-order", {"category": "USDT-FUTURES", "symbol": "BTCUSDT",
                                                           "side": "buy", "orderType": "market", "qty": "0.01"}))
    order = ws.recv_until(lambda m: m.get("arg") == args[0] and m["data"][0]["status"] == "filled")["data"][0]
    assert V2_FUTURES_ORDER_PUSH <= set(order), V2_FUTURES_ORDER_PUSH - set(order)
    fill = ws.recv_until(lambda m: m.get("arg") == args[1])["data"][0]
    assert V2_FUTURES_FILL_PUSH <= set(fill), V2_FUTURES_FILL_PUSH - set(fill)
    assert {"deduction", "totalDeductionFee", "totalFee"} <= set(fill["feeDetail"][0])


@pytest.mark.parametrize("path, params, fields", [
    ("/api/v2/spot/public/symbols", {}, {"symbol", "baseCoin", "quoteCoin", "minTradeAmount", "maxTradeAmount",
                                         "takerFeeRate", "makerFeeRate", "pricePrecision", "quantityPrecision",
                                         "quotePrecision", "minTradeUSDT", "status", "buyLimitPriceRatio",
                                         "sellLimitPriceRatio", "orderQuantity", "areaSymbol"}),
    ("/api/v2/spot/public/coins", {}, {"coinId", "coin", "transfer", "chains"}),
    ("/api/v2/mix/market/contracts", {"productType": "USDT-FUTURES"},
     {"symbol", "baseCoin", "quoteCoin", "supportMarginCoins", "minTradeNum", "priceEndStep", "volumePlace",
      "pricePlace", "sizeMultiplier", "symbolType", "minTradeUSDT", "symbolStatus", "fundInterval", "minLever",
      "maxLever", "posLimit"}),
    ("/api/v2/margin/currencies", {}, {"symbol", "baseCoin", "quoteCoin", "maxCrossedLeverage", "maxIsolatedLeverage",
                                       "warningRiskRatio", "liquidationRiskRatio", "isBorrowable", "userMinBorrow",
                                       "isIsolatedBaseBorrowable", "isIsolatedQuoteBorrowable", "isCrossBorrowable"}),
])
def test_v2_catalogue_fields(bitget, h, path, params, fields):
    rows = data(rest(bitget, h).public(path, params))
    assert rows and all(fields <= set(row) for row in rows), fields - set(rows[0])


def test_v2_contract_listings_follow_the_product_type(h):
    with LoopbackExchange("bitget", symbols=["BTCUSDT", "ETHUSDC"]) as ex:
        api = rest(ex, h)
        by_type = {t: [r["symbol"] for r in data(api.public("/api/v2/mix/market/contracts", {"productType": t}))]
                   for t in ("USDT-FUTURES", "USDC-FUTURES", "COIN-FUTURES", "SUSDT-FUTURES")}
        assert by_type == {"USDT-FUTURES": ["BTCUSDT"], "USDC-FUTURES": ["ETHUSDC"],
                           "COIN-FUTURES": ["BTCUSD", "ETHUSD"], "SUSDT-FUTURES": []}
        coin = data(api.public("/api/v2/mix/market/contracts", {"productType": "COIN-FUTURES", "symbol": "BTCUSD"}))[0]
        assert coin["supportMarginCoins"] == ["BTC"]
        assert data(api.public("/api/v2/spot/public/coins", {"coin": "ETH"}))[0]["coin"] == "ETH"
        assert api.public("/api/v2/mix/market/contracts", {"productType": "usdt-futures"}).json()["code"] == "40808"
