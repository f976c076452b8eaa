"""Bitget loopback: V3/V2 REST, signatures, paptrading routing, streams and the V3 WebSocket API."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import requests


def rest(ex, h, rsa=False, demo=False):
    creds = ex.demo_credentials if demo else ex.credentials
    return h.BitgetRest(ex.rest_url, creds.rsa_api_key if rsa else creds.api_key,
                        creds.rsa_private_key_pem if rsa else creds.api_secret, creds.api_pass, demo=demo)


def ok(resp):
    body = resp.json()
    assert resp.status_code == 200 and body["code"] == "00000" and body["msg"] == "success", body
    assert isinstance(body["requestTime"], int)
    return body["data"]


def err(resp, code, status=400):
    body = resp.json()
    assert (resp.status_code, body["code"]) == (status, code), body
    assert body["data"] is None
    return body


# --- REST: public -------------------------------------------------------------------------------


def test_v3_public_market(bitget, h):
    api = rest(bitget, h)
    assert abs(int(ok(api.public("/api/v2/public/time"))["serverTime"]) - h.now_ms()) < 5000
    assert requests.get(bitget.rest_url + "/api/v3/public/time", timeout=5).status_code == 404  # bitget.md §0.3
    instruments = ok(api.public("/api/v3/market/instruments", {"category": "USDT-FUTURES"}))
    assert {"BTCUSDT", "ETHUSDT"} <= {i["symbol"] for i in instruments}
    assert instruments[0]["category"] == "USDT-FUTURES"
    tickers = ok(api.public("/api/v3/market/tickers", {"category": "SPOT", "symbol": "BTCUSDT"}))
    assert float(tickers[0]["bid1Price"]) < float(tickers[0]["ask1Price"])
    book = ok(api.public("/api/v3/market/orderbook", {"category": "SPOT", "symbol": "BTCUSDT", "limit": "20"}))
    assert len(book["a"]) == 20 and len(book["b"]) == 20
    candles = ok(api.public("/api/v3/market/candles",
                            {"category": "SPOT", "symbol": "BTCUSDT", "interval": "1m", "limit": "3"}))
    assert len(candles) == 3 and len(candles[0]) == 7 and int(candles[0][0]) < int(candles[1][0])
    assert ok(api.public("/api/v3/market/fills", {"category": "SPOT", "symbol": "BTCUSDT"}))[0]["side"] in ("buy", "sell")
    assert ok(api.public("/api/v3/market/current-fund-rate", {"symbol": "BTCUSDT"}))[0]["fundingRate"]
    oi = ok(api.public("/api/v3/market/open-interest", {"category": "USDT-FUTURES", "symbol": "BTCUSDT"}))
    assert oi["list"][0]["symbol"] == "BTCUSDT"


def test_v2_public_market(bitget, h):
    api = rest(bitget, h)
    assert ok(api.public("/api/v2/public/time"))["serverTime"].isdigit()
    spot = ok(api.public("/api/v2/spot/market/tickers", {"symbol": "BTCUSDT"}))[0]
    assert spot["symbol"] == "BTCUSDT" and "lastPr" in spot
    candles = ok(api.public("/api/v2/spot/market/candles", {"symbol": "BTCUSDT", "granularity": "1min", "limit": "2"}))
    assert len(candles) == 2 and len(candles[0]) == 8
    mix = ok(api.public("/api/v2/mix/market/candles",
                        {"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "granularity": "1m", "limit": "2"}))
    assert len(mix[0]) == 7
    ticker = ok(api.public("/api/v2/mix/market/ticker", {"symbol": "BTCUSDT", "productType": "USDT-FUTURES"}))[0]
    assert ticker["markPrice"] and ticker["fundingRate"]
    # signed V2 market calls (as SDKs send them when they hold keys) work too
    assert ok(api.get("/api/v2/spot/market/tickers", {"symbol": "ETHUSDT"}))[0]["symbol"] == "ETHUSDT"


def test_public_errors(bitget, h):
    api = rest(bitget, h)
    err(api.public("/api/v3/market/tickers", {"category": "spot"}), "40808")
    err(api.public("/api/v3/market/tickers", {}), "40019")
    err(api.public("/api/v3/market/tickers", {"category": "SPOT", "symbol": "NOPE"}), "40034")
    missing = api.public("/api/v3/market/nothing")
    assert missing.status_code == 404 and missing.json()["code"] == "40404"
    assert missing.json()["msg"] == "Request URL NOT FOUND"


# --- REST: private ---------------------------------------------------------------------------------


@pytest.mark.parametrize("rsa", [False, True], ids=["hmac", "rsa"])
def test_v3_order_lifecycle(bitget, h, rsa):
    api = rest(bitget, h, rsa=rsa)
    order = {"category": "USDT-FUTURES", "symbol": "BTCUSDT", "side": "buy", "orderType": "limit",
             "qty": "0.01", "price": "59000", "clientOid": "bot-1", "reduceOnly": "no"}
    placed = ok(api.post("/api/v3/trade/place-order", order))
    assert placed["clientOid"] == "bot-1" and placed["orderId"]
    err(api.post("/api/v3/trade/place-order", order), "25212")
    info = ok(api.get("/api/v3/trade/order-info", {"clientOid": "bot-1"}))
    assert info["orderStatus"] == "live" and info["orderId"] == placed["orderId"] and info["category"] == "USDT-FUTURES"
    unfilled = ok(api.get("/api/v3/trade/unfilled-orders", {"category": "USDT-FUTURES"}))["list"]
    assert [o["orderId"] for o in unfilled] == [placed["orderId"]]
    ok(api.post("/api/v3/trade/modify-order", {"orderId": placed["orderId"], "price": "59500"}))
    assert ok(api.get("/api/v3/trade/order-info", {"orderId": placed["orderId"]}))["price"] == "59500"
    ok(api.post("/api/v3/trade/cancel-order", {"orderId": placed["orderId"]}))
    err(api.post("/api/v3/trade/cancel-order", {"orderId": placed["orderId"]}), "25204")
    history = ok(api.get("/api/v3/trade/history-orders", {"category": "USDT-FUTURES"}))["list"]
    assert history[0]["orderStatus"] == "cancelled"

    ok(api.post("/api/v3/trade/place-order", {"category": "USDT-FUTURES", "symbol": "BTCUSDT", "side": "sell",
                                              "orderType": "market", "qty": "0.02"}))
    fills = ok(api.get("/api/v3/trade/fills", {"category": "USDT-FUTURES"}))["list"]
    assert fills[0]["execQty"] == "0.02" and fills[0]["execPrice"] == "59999.9" and fills[0]["tradeScope"] == "taker"
    position = ok(api.get("/api/v3/position/current-position", {"category": "USDT-FUTURES"}))["list"][0]
    assert position["posSide"] == "short" and position["total"] == "0.02"
    assets = ok(api.get("/api/v3/account/assets"))
    assert any(a["coin"] == "USDT" for a in assets["assets"])
    assert ok(api.get("/api/v3/account/settings"))["holdMode"] == "one_way_mode"
    reduce = ok(api.post("/api/v3/trade/place-order", {"category": "USDT-FUTURES", "symbol": "BTCUSDT", "side": "buy",
                                                       "orderType": "market", "qty": "0.05", "reduceOnly": "yes"}))
    assert reduce["orderId"]
    assert ok(api.get("/api/v3/position/current-position", {"category": "USDT-FUTURES"}))["list"] == []
    err(api.post("/api/v3/trade/place-order", dict(order, clientOid="x", reduceOnly="YES")), "40808")


def test_v3_batches(bitget, h):
    api = rest(bitget, h)
    orders = [{"category": "SPOT", "symbol": "ETHUSDT", "side": "sell", "orderType": "limit", "qty": "0.5",
               "price": "3100", "clientOid": "c%d" % i} for i in range(2)]
    orders.append(dict(orders[0]))
    results = ok(api.post("/api/v3/trade/place-batch", orders))
    assert [r["code"] for r in results] == ["00000", "00000", "25212"]
    cancelled = ok(api.post("/api/v3/trade/cancel-batch", [{"clientOid": "c0"}, {"clientOid": "c1"}, {"clientOid": "zz"}]))
    assert [r["code"] for r in cancelled] == ["00000", "00000", "25204"]


def test_v2_spot_trading(bitget, h):
    api = rest(bitget, h)
    before = bitget.balances()
    placed = ok(api.post("/api/v2/spot/trade/place-order", {"symbol": "BTCUSDT", "side": "buy", "orderType": "limit",
                                                             "force": "gtc", "price": "61000", "size": "0.01",
                                                             "clientOid": "v2-1"}))
    assert placed["clientOid"] == "v2-1"
    assert bitget.balances()["BTC"] - before["BTC"] == Decimal("0.01")  # marketable limit filled
    resting = ok(api.post("/api/v2/spot/trade/place-order", {"symbol": "BTCUSDT", "side": "buy", "orderType": "limit",
                                                              "force": "gtc", "price": "50000", "size": "0.01"}))
    ok(api.post("/api/v2/spot/trade/cancel-order", {"symbol": "BTCUSDT", "orderId": resting["orderId"]}))
    err(api.post("/api/v2/spot/trade/cancel-order", {"symbol": "BTCUSDT", "orderId": resting["orderId"]}), "43001")
    err(api.post("/api/v2/spot/trade/place-order", {"symbol": "BTCUSDT", "side": "buy", "orderType": "limit",
                                                     "force": "gtc", "price": "50000", "size": "100"}), "43012")
    assets = ok(api.get("/api/v2/spot/account/assets", {"coin": "USDT"}))
    assert [a["coin"] for a in assets] == ["USDT"]


def test_auth_errors(bitget, h):
    api = rest(bitget, h)
    path = "/api/v3/account/assets"
    err(api.get(path, key="bg_unknown"), "40006")
    err(api.get(path, passphrase="wrong-pass"), "40012")
    err(api.get(path, ts=h.now_ms() - 31_000), "40008")
    bad = h.BitgetRest(bitget.rest_url, bitget.credentials.api_key, "wrong-secret", bitget.credentials.api_pass)
    err(bad.get(path), "40009")
    no_key = api.session.get(bitget.rest_url + path, headers={"ACCESS-SIGN": "x"}, timeout=5)
    err(no_key, "40001")


def test_query_signing_decoded_only(bitget, h):
    api = rest(bitget, h)
    path = "/api/v3/trade/unfilled-orders"
    raw = "category=SPOT&symbol=BTC%2FUSDT"  # an encoded character, as in bitget.md section 2.5
    for signed, code in (("category=SPOT&symbol=BTC/USDT", "00000"), (raw, "40009")):
        resp = api.session.get(bitget.rest_url + path + "?" + raw, timeout=5,
                               headers=api.headers("GET", path, raw, "", sign_query=signed))
        assert resp.json()["code"] == code, (signed, resp.json())


def test_paptrading_routing(bitget, h):
    live, demo = rest(bitget, h), rest(bitget, h, demo=True)
    path = "/api/v3/account/assets"
    ok(live.get(path))
    ok(demo.get(path))
    assert err(live.get(path, demo=True), "40099")["msg"] == "exchange environment is incorrect"
    err(demo.get(path, demo=False), "40099")
    ok(demo.post("/api/v3/trade/place-order", {"category": "SPOT", "symbol": "BTCUSDT", "side": "buy",
                                               "orderType": "limit", "qty": "0.01", "price": "50000"}))
    assert len(bitget.orders(demo=True)) == 1 and bitget.orders() == []
    options = bitget.client_options(demo=True)
    assert options["demo_trading"] is True and options["api_pass"] == bitget.demo_credentials.api_pass
    assert options["base_url"] == bitget.rest_url
    assert set(options["ws_url"]) == {"v2Public", "v2Private", "v3Public", "v3Private"}
    assert options["ws_url"]["v3Private"] != bitget.ws_urls["v3Private"]


# --- WebSocket streams -----------------------------------------------------------------------------------


def test_ping_and_login(bitget, h, ws_factory):
    creds = bitget.credentials
    ws = ws_factory(bitget.ws_url("v3Private"))
    assert ws.request("ping", lambda m: True) == "pong"
    assert h.bitget_login(ws, "bg_nope", creds.api_secret, creds.api_pass)["code"] == 30011
    assert h.bitget_login(ws, creds.api_key, creds.api_secret, "wrong")["code"] == 30012
    assert h.bitget_login(ws, creds.api_key, "wrong", creds.api_pass)["code"] == 30015
    import time

    assert h.bitget_login(ws, creds.api_key, creds.api_secret, creds.api_pass, ts=int(time.time()) - 120)["code"] == 30014
    demo_on_live = h.bitget_login(ws, bitget.demo_credentials.api_key, bitget.demo_credentials.api_secret,
                                  bitget.demo_credentials.api_pass)
    assert demo_on_live["code"] == 30011
    assert h.bitget_login(ws, creds.rsa_api_key, creds.rsa_private_key_pem, creds.api_pass) == \
        {"event": "login", "code": 0, "msg": ""}
    demo = ws_factory(bitget.ws_url("v2Private", demo=True))
    assert h.bitget_login(demo, bitget.demo_credentials.api_key, bitget.demo_credentials.api_secret,
                          bitget.demo_credentials.api_pass)["event"] == "login"


def test_v3_public_books(bitget, ws_factory):
    ws = ws_factory(bitget.ws_url("v3Public"))
    arg = {"instType": "usdt-futures", "topic": "books", "symbol": "BTCUSDT"}
    assert ws.request({"op": "subscribe", "args": [arg]}, lambda m: m.get("event")) == {"event": "subscribe", "arg": arg}
    snap = ws.recv_until(lambda m: m.get("arg") == arg)
    assert snap["action"] == "snapshot" and len(snap["data"][0]["a"]) == 200
    update = ws.recv_until(lambda m: m.get("arg") == arg)
    assert update["action"] == "update" and update["data"][0]["pseq"] == snap["data"][0]["seq"]
    nxt = ws.recv_until(lambda m: m.get("arg") == arg)
    assert nxt["data"][0]["pseq"] == update["data"][0]["seq"]
    for extra in ({"instType": "spot", "topic": "ticker", "symbol": "BTCUSDT"},
                  {"instType": "spot", "topic": "publicTrade", "symbol": "BTCUSDT"},
                  {"instType": "spot", "topic": "kline", "symbol": "BTCUSDT", "interval": "1m"}):
        ws.send({"op": "subscribe", "args": [extra]})
        push = ws.recv_until(lambda m, arg=extra: m.get("arg") == arg and "data" in m)
        assert push["data"]
    upper = {"instType": "SPOT", "topic": "ticker", "symbol": "BTCUSDT"}
    error = ws.request({"op": "subscribe", "args": [upper]}, lambda m: m.get("event") == "error")
    assert error["code"] == 30001 and "doesn't exist" in error["msg"] and error["arg"] == upper


def test_v2_public_channels(bitget, ws_factory):
    ws = ws_factory(bitget.ws_url("v2Public"))
    books = {"instType": "SPOT", "channel": "books", "instId": "BTCUSDT"}
    candle = {"instType": "USDT-FUTURES", "channel": "candle1m", "instId": "BTCUSDT"}
    ws.send({"op": "subscribe", "args": [books, candle]})
    snap = ws.recv_until(lambda m: m.get("arg") == books and "data" in m)
    assert snap["action"] == "snapshot" and "asks" in snap["data"][0] and "seq" in snap["data"][0]
    update = ws.recv_until(lambda m: m.get("arg") == books and "data" in m)
    assert update["action"] == "update" and update["data"][0]["pseq"] == snap["data"][0]["seq"]
    kline = ws.recv_until(lambda m: m.get("arg") == candle and "data" in m)
    assert len(kline["data"][0]) == 8
    private = {"instType": "SPOT", "channel": "orders", "instId": "default"}
    reply = ws.request({"op": "subscribe", "args": [private]}, lambda m: m.get("event") == "error")
    assert reply["code"] == 30001


def test_private_streams_v3_and_v2(bitget, h, ws_factory):
    creds = bitget.credentials
    v3 = ws_factory(bitget.ws_url("v3Private"))
    early = v3.request({"op": "subscribe", "args": [{"instType": "UTA", "topic": "order"}]},
                       lambda m: m.get("event") == "error")
    assert early["code"] == 30004
    h.bitget_login(v3, creds.api_key, creds.api_secret, creds.api_pass)
    for topic in ("order", "fill", "position", "account"):
        v3.request({"op": "subscribe", "args": [{"instType": "UTA", "topic": topic}]},
                   lambda m: m.get("event") == "subscribe")
    v2 = ws_factory(bitget.ws_url("v2Private"))
    h.bitget_login(v2, creds.api_key, creds.api_secret, creds.api_pass)
    v2_arg = {"instType": "USDT-FUTURES", "channel": "orders", "instId": "default"}
    v2.request({"op": "subscribe", "args": [v2_arg]}, lambda m: m.get("event") == "subscribe")
    ok(rest(bitget, h).post("/api/v3/trade/place-order", {"category": "USDT-FUTURES", "symbol": "ETHUSDT",
                                                         "side": "buy", "orderType": "market", "qty": "0.1",
                                                         "clientOid": "s1"}))
    seen = {}
    while len(seen) < 4:
        msg = v3.recv_until(lambda m: "data" in m)
        seen.setdefault(msg["arg"]["topic"], msg)
    assert seen["order"]["data"][0]["clientOid"] == "s1"
    assert seen["fill"]["data"][0]["execQty"] == "0.1"
    assert seen["position"]["data"][0]["posSide"] == "long"
    account = seen["account"]["data"][0]  # the topic says totalEquity and coin where REST says accountEquity and assets
    assert float(account["totalEquity"]) > 0 and {c["coin"] for c in account["coin"]} >= {"USDT", "BTC"}
    v2_order = v2.recv_until(lambda m: m.get("arg") == v2_arg and m["data"][0]["status"] == "filled")
    assert v2_order["data"][0]["instId"] == "ETHUSDT"


# --- WebSocket API ----------------------------------------------------------------------------------------


def test_ws_api_trade(bitget, h, ws_factory):
    creds = bitget.credentials
    ws = ws_factory(bitget.ws_url("v3Private"))
    order = {"symbol": "BTCUSDT", "side": "buy", "orderType": "limit", "qty": "0.01", "price": "55000",
             "timeInForce": "gtc", "clientOid": "w1"}
    unauth = ws.request({"op": "trade", "id": "0", "category": "spot", "topic": "place-order", "args": [order]},
                        lambda m: m.get("id") == "0")
    assert unauth["event"] == "error"
    h.bitget_login(ws, creds.api_key, creds.api_secret, creds.api_pass)
    ws.request({"op": "subscribe", "args": [{"instType": "UTA", "topic": "order"}]}, lambda m: m.get("event") == "subscribe")

    ws.send({"op": "trade", "id": "1", "category": "spot", "topic": "place-order", "args": [order]})
    got = {}  # the order push may overtake the reply, as on the real exchange
    while len(got) < 2:
        msg = ws.recv_until(lambda m: m.get("id") == "1" or m.get("arg", {}).get("topic") == "order")
        got.setdefault("reply" if "id" in msg else "push", msg)
    placed = got["reply"]
    assert placed["event"] == "trade" and placed["code"] == "0" and placed["category"] == "spot"
    assert placed["args"][0]["clientOid"] == "w1" and placed["args"][0]["orderId"]
    assert got["push"]["data"][0]["orderId"] == placed["args"][0]["orderId"]

    upper = ws.request({"op": "trade", "id": "2", "category": "SPOT", "topic": "place-order",
                        "args": [dict(order, clientOid="w2")]}, lambda m: m.get("id") == "2")
    assert upper["event"] == "error" and isinstance(upper["code"], str) and upper["code"] != "0"
    lower_ro = ws.request({"op": "trade", "id": "3", "category": "spot", "topic": "place-order",
                           "args": [dict(order, clientOid="w3", reduceOnly="no")]}, lambda m: m.get("id") == "3")
    assert lower_ro["event"] == "error"
    dup = ws.request({"op": "trade", "id": "4", "category": "spot", "topic": "place-order", "args": [order]},
                     lambda m: m.get("id") == "4")
    assert dup == {"event": "error", "id": "4", "code": "25212", "msg": "Duplicate clientOid"}

    batch = ws.request({"op": "trade", "id": "5", "category": "spot", "topic": "batch-place",
                        "args": [dict(order, clientOid="b1"), dict(order, clientOid="w1")]}, lambda m: m.get("id") == "5")
    assert batch["code"] == "0" and [a["code"] for a in batch["args"]] == ["0", "25212"]
    cancel = ws.request({"op": "trade", "id": "6", "category": "spot", "topic": "cancel-order",
                         "args": [{"clientOid": "w1"}]}, lambda m: m.get("id") == "6")
    assert cancel["code"] == "0" and cancel["args"][0]["clientOid"] == "w1"
    batch_cancel = ws.request({"op": "trade", "id": "7", "category": "spot", "topic": "batch-cancel",
                               "args": [{"clientOid": "b1"}, {"clientOid": "w1"}]}, lambda m: m.get("id") == "7")
    assert [a["code"] for a in batch_cancel["args"]] == ["0", "25204"]
    assert [c["id"] for c in bitget.ws_api_commands()] == ["0", "1", "2", "3", "4", "5", "6", "7"]
    assert json.loads(json.dumps(bitget.ws_api_commands()[1]))["topic"] == "place-order"
