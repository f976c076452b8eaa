"""Bybit V5 loopback: REST, signatures, demo routing, streams and the WebSocket API."""

from __future__ import annotations

import statistics
import time
from decimal import Decimal

import pytest
import requests
import websocket


def rest(ex, h, rsa=False, demo=False):
    creds = ex.demo_credentials if demo else ex.credentials
    return h.BybitRest(ex.demo_rest_url if demo else ex.rest_url,
                       creds.rsa_api_key if rsa else creds.api_key,
                       creds.rsa_private_key_pem if rsa else creds.api_secret)


# --- REST: public -------------------------------------------------------------------------------


def test_public_market_endpoints(bybit, h):
    api = rest(bybit, h)
    body = api.public("/v5/market/time").json()
    assert body["retCode"] == 0 and body["retMsg"] == "OK"
    assert abs(int(body["result"]["timeSecond"]) * 1000 - h.now_ms()) < 5000
    instruments = api.public("/v5/market/instruments-info", {"category": "linear"}).json()["result"]
    assert {i["symbol"] for i in instruments["list"]} >= {"BTCUSDT", "ETHUSDT"}
    assert instruments["list"][0]["priceFilter"]["tickSize"] == "0.1"
    ticker = api.public("/v5/market/tickers", {"category": "spot", "symbol": "BTCUSDT"}).json()["result"]["list"][0]
    assert float(ticker["bid1Price"]) < float(ticker["ask1Price"])
    book = api.public("/v5/market/orderbook", {"category": "linear", "symbol": "BTCUSDT", "limit": 50}).json()["result"]
    assert len(book["b"]) == 50 and len(book["a"]) == 50 and book["s"] == "BTCUSDT" and book["u"] > 1
    assert float(book["b"][0][0]) > float(book["b"][1][0])
    kline = api.public("/v5/market/kline", {"category": "linear", "symbol": "BTCUSDT", "interval": "1", "limit": 5}).json()
    assert len(kline["result"]["list"]) == 5
    assert int(kline["result"]["list"][0][0]) > int(kline["result"]["list"][1][0])  # newest first
    trades = api.public("/v5/market/recent-trade", {"category": "spot", "symbol": "BTCUSDT"}).json()["result"]["list"]
    assert trades[0]["side"] in ("Buy", "Sell")
    funding = api.public("/v5/market/funding/history", {"category": "linear", "symbol": "BTCUSDT", "limit": 3}).json()
    assert len(funding["result"]["list"]) == 3
    oi = api.public("/v5/market/open-interest",
                    {"category": "linear", "symbol": "BTCUSDT", "intervalTime": "5min", "limit": 2}).json()
    assert len(oi["result"]["list"]) == 2


def test_public_errors(bybit, h):
    api = rest(bybit, h)
    assert api.public("/v5/market/tickers", {"category": "SPOT"}).json()["retCode"] == 10001
    assert api.public("/v5/market/tickers", {"category": "spot", "symbol": "NOPE"}).json()["retCode"] == 10001
    missing = api.public("/v5/market/nothing-here")
    assert missing.status_code == 404


# --- REST: private -------------------------------------------------------------------------------


@pytest.mark.parametrize("rsa", [False, True], ids=["hmac", "rsa"])
def test_signed_order_lifecycle(bybit, h, rsa):
    api = rest(bybit, h, rsa=rsa)
    order = {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit",
             "qty": "0.01", "price": "59000", "orderLinkId": "bot-1"}
    resp = api.post("/v5/order/create", order)
    body = resp.json()
    assert body["retCode"] == 0, body
    assert body["result"]["orderLinkId"] == "bot-1"
    order_id = body["result"]["orderId"]
    assert resp.headers["X-Bapi-Limit"] and int(resp.headers["X-Bapi-Limit-Status"]) >= 0
    assert int(resp.headers["X-Bapi-Limit-Reset-Timestamp"]) > 0

    open_orders = api.get("/v5/order/realtime", {"category": "linear", "symbol": "BTCUSDT"}).json()["result"]["list"]
    assert [o["orderId"] for o in open_orders] == [order_id]
    assert open_orders[0]["orderStatus"] == "New"

    duplicate = api.post("/v5/order/create", order).json()
    assert duplicate["retCode"] == 110072

    amended = api.post("/v5/order/amend", {"category": "linear", "symbol": "BTCUSDT", "orderId": order_id,
                                           "price": "59500"}).json()
    assert amended["retCode"] == 0
    by_link = api.get("/v5/order/realtime", {"category": "linear", "orderLinkId": "bot-1"}).json()["result"]["list"]
    assert by_link[0]["price"] == "59500"

    cancelled = api.post("/v5/order/cancel", {"category": "linear", "symbol": "BTCUSDT", "orderLinkId": "bot-1"}).json()
    assert cancelled["retCode"] == 0 and cancelled["result"]["orderId"] == order_id
    again = api.post("/v5/order/cancel", {"category": "linear", "symbol": "BTCUSDT", "orderId": order_id}).json()
    assert again["retCode"] == 110001

    market = api.post("/v5/order/create", {"category": "linear", "symbol": "BTCUSDT", "side": "Buy",
                                           "orderType": "Market", "qty": "0.02"}).json()
    assert market["retCode"] == 0
    history = api.get("/v5/order/history", {"category": "linear"}).json()["result"]["list"]
    assert history[0]["orderStatus"] == "Filled" and history[0]["cumExecQty"] == "0.02"
    fills = api.get("/v5/execution/list", {"category": "linear", "symbol": "BTCUSDT"}).json()["result"]["list"]
    assert fills[0]["execQty"] == "0.02" and fills[0]["execPrice"] == "60000.1" and fills[0]["isMaker"] is False
    position = api.get("/v5/position/list", {"category": "linear", "symbol": "BTCUSDT"}).json()["result"]["list"][0]
    assert position["side"] == "Buy" and position["size"] == "0.02"
    wallet = api.get("/v5/account/wallet-balance", {"accountType": "UNIFIED"}).json()["result"]["list"][0]
    assert wallet["accountType"] == "UNIFIED" and any(c["coin"] == "USDT" for c in wallet["coin"])
    info = api.get("/v5/account/info").json()
    assert info["retCode"] == 0 and "marginMode" in info["result"]
    coins = api.get("/v5/asset/transfer/query-account-coins-balance", {"accountType": "UNIFIED", "coin": "USDT"}).json()
    assert coins["result"]["balance"][0]["coin"] == "USDT"


def test_spot_fills_move_balances(bybit, h):
    api = rest(bybit, h)
    before = bybit.balances()
    body = api.post("/v5/order/create", {"category": "spot", "symbol": "BTCUSDT", "side": "Buy",
                                         "orderType": "Market", "qty": "0.1", "marketUnit": "baseCoin"}).json()
    assert body["retCode"] == 0, body
    after = bybit.balances()
    assert after["BTC"] - before["BTC"] == Decimal("0.1")
    assert before["USDT"] - after["USDT"] > 6000
    too_big = api.post("/v5/order/create", {"category": "spot", "symbol": "BTCUSDT", "side": "Buy",
                                            "orderType": "Limit", "qty": "100", "price": "60000"}).json()
    assert too_big["retCode"] == 170131


def test_batch_and_cancel_all(bybit, h):
    api = rest(bybit, h)
    orders = [{"symbol": "ETHUSDT", "side": "Sell", "orderType": "Limit", "qty": "0.1", "price": "3100", "orderLinkId": "b%d" % i}
              for i in range(3)]
    orders.append(dict(orders[0]))  # duplicate link id: fails alone
    body = api.post("/v5/order/create-batch", {"category": "linear", "request": orders}).json()
    assert body["retCode"] == 0
    assert [item["code"] for item in body["retExtInfo"]["list"]] == [0, 0, 0, 110072]
    assert all(row["orderId"] for row in body["result"]["list"][:3]) and body["result"]["list"][3]["orderId"] == ""
    result = api.post("/v5/order/cancel-all", {"category": "linear", "symbol": "ETHUSDT"}).json()["result"]
    assert len(result["list"]) == 3


def test_auth_errors(bybit, h):
    api = rest(bybit, h)
    query = {"category": "linear"}
    assert api.get("/v5/order/realtime", query, key="unknown-key").json()["retCode"] == 10003
    bad = api.get("/v5/order/realtime", query, signature="0" * 64).json()
    assert bad["retCode"] == 10004 and bad["retMsg"].startswith("error sign!")
    stale = api.get("/v5/order/realtime", query, ts=h.now_ms() - 6000).json()
    assert stale["retCode"] == 10002
    assert api.get("/v5/order/realtime", query, ts=h.now_ms() - 6000, recv_window="20000").json()["retCode"] == 0
    assert api.get("/v5/order/realtime", query, ts=h.now_ms() + 3000).json()["retCode"] == 10002
    tampered = api.session.get(api.base_url + "/v5/order/realtime?category=spot",
                               headers=api.headers("category=linear"), timeout=5).json()
    assert tampered["retCode"] == 10004


def test_demo_environment(bybit, h):
    live, demo = rest(bybit, h), rest(bybit, h, demo=True)
    assert bybit.demo_rest_url != bybit.rest_url
    # keys only work on their own host
    assert h.BybitRest(bybit.rest_url, bybit.demo_credentials.api_key, bybit.demo_credentials.api_secret) \
        .get("/v5/account/info").json()["retCode"] == 10003
    assert h.BybitRest(bybit.demo_rest_url, bybit.credentials.api_key, bybit.credentials.api_secret) \
        .get("/v5/account/info").json()["retCode"] == 10003
    assert demo.get("/v5/account/info").json()["retCode"] == 0
    # demo funds: demo host only
    before = bybit.balances(demo=True)["USDT"]
    body = demo.post("/v5/account/demo-apply-money",
                     {"adjustType": 0, "utaDemoApplyMoney": [{"coin": "USDT", "amountStr": "5000"}]}).json()
    assert body["retCode"] == 0
    assert bybit.balances(demo=True)["USDT"] == before + 5000
    assert live.post("/v5/account/demo-apply-money", {}).status_code == 404
    # demo accounts are separate
    demo.post("/v5/order/create", {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit",
                                   "qty": "0.01", "price": "50000"})
    assert len(bybit.orders(demo=True)) == 1 and bybit.orders() == []

    options = bybit.client_options(demo=True)
    assert options["base_url"] == bybit.demo_rest_url and options["api_key"] == bybit.demo_credentials.api_key
    assert options["ws_url"]["v5LinearPublic"] == bybit.ws_urls["v5LinearPublic"]  # public data from live
    assert options["ws_url"]["v5Private"] != bybit.ws_urls["v5Private"]
    with pytest.raises(websocket.WebSocketBadStatusException) as info:
        websocket.create_connection(options["ws_url"]["v5PrivateTrade"], timeout=5)
    assert info.value.status_code == 404


def test_client_options(bybit):
    options = bybit.client_options()
    assert set(options) == {"base_url", "ws_url", "api_key", "api_secret"}
    assert options["ws_url"]["v5PrivateTrade"].endswith("/v5/trade")
    rsa = bybit.client_options(rsa=True)
    assert rsa["api_key"] == bybit.credentials.rsa_api_key and "BEGIN PRIVATE KEY" in rsa["api_secret"]
    assert bybit.ws_url("v5SpotPublic").startswith("ws://127.0.0.1:")
    with pytest.raises(KeyError):
        bybit.ws_url("v3Public")


# --- WebSocket streams ------------------------------------------------------------------------------


def test_public_orderbook_snapshot_then_deltas(bybit, ws_factory):
    ws = ws_factory(bybit.ws_url("v5LinearPublic"))
    ack = ws.request({"req_id": "r1", "op": "subscribe", "args": ["orderbook.50.BTCUSDT", "tickers.BTCUSDT"]},
                     lambda m: m.get("op") == "subscribe")
    assert ack["success"] is True and ack["req_id"] == "r1" and ack["ret_msg"] == ""
    snap = ws.recv_until(lambda m: m.get("topic") == "orderbook.50.BTCUSDT")
    assert snap["type"] == "snapshot" and len(snap["data"]["b"]) == 50
    delta = ws.recv_until(lambda m: m.get("topic") == "orderbook.50.BTCUSDT")
    assert delta["type"] == "delta" and delta["data"]["u"] == snap["data"]["u"] + 1
    assert delta["data"]["seq"] > snap["data"]["seq"]
    ticker = ws.recv_until(lambda m: m.get("topic") == "tickers.BTCUSDT" and m["type"] == "delta")
    assert "lastPrice" in ticker["data"]
    trade = ws.request({"op": "subscribe", "args": ["publicTrade.BTCUSDT", "kline.1.BTCUSDT"]},
                       lambda m: m.get("topic") == "publicTrade.BTCUSDT")
    assert trade["data"][0]["S"] in ("Buy", "Sell")
    kline = ws.recv_until(lambda m: m.get("topic") == "kline.1.BTCUSDT")
    assert kline["data"][0]["interval"] == "1"
    unsub = ws.request({"op": "unsubscribe", "args": ["orderbook.50.BTCUSDT"]}, lambda m: m.get("op") == "unsubscribe")
    assert unsub["success"] is True
    assert bybit.wait_for(lambda: "orderbook.50.BTCUSDT" not in sum(bybit.ws_subscriptions().values(), []))


def test_subscribe_errors_and_limits(bybit, ws_factory):
    spot = ws_factory(bybit.ws_url("v5SpotPublic"))
    too_many = spot.request({"op": "subscribe", "args": ["tickers.BTCUSDT"] * 11}, lambda m: m.get("op") == "subscribe")
    assert too_many["success"] is False and "args size" in too_many["ret_msg"]
    ok = spot.request({"op": "subscribe", "args": ["tickers.BTCUSDT"]}, lambda m: m.get("op") == "subscribe")
    assert ok["success"] is True and ok["ret_msg"] == "subscribe"
    for bad in ("orderbook.500.BTCUSDT", "Tickers.BTCUSDT", "tickers.btcusdt", "order"):
        reply = spot.request({"op": "subscribe", "args": [bad]}, lambda m: m.get("op") == "subscribe")
        assert reply["success"] is False and reply["ret_msg"] == "error:handler not found,topic:%s" % bad
    dup = spot.request({"op": "subscribe", "args": ["tickers.BTCUSDT"]}, lambda m: m.get("op") == "subscribe")
    assert dup["success"] is False and "already subscribed" in dup["ret_msg"]
    option = ws_factory(bybit.ws_url("v5OptionPublic"))
    reply = option.request({"op": "subscribe", "args": ["publicTrade.BTC", "nope.BTC"]},
                           lambda m: m.get("type") == "COMMAND_RESP")
    assert reply["data"] == {"failTopics": ["nope.BTC"], "successTopics": ["publicTrade.BTC"]}


@pytest.mark.parametrize("ws_key, expected", [
    ("v5SpotPublic", {"success": True, "ret_msg": "pong", "op": "ping"}),
    ("v5LinearPublic", {"success": True, "ret_msg": "pong", "op": "ping", "req_id": "7"}),
    ("v5OptionPublic", {"op": "pong"}),
    ("v5Private", {"op": "pong", "req_id": "7"}),
    ("v5PrivateTrade", {"retCode": 0, "retMsg": "OK", "op": "pong"}),
])
def test_pong_shapes(bybit, ws_factory, ws_key, expected):
    ws = ws_factory(bybit.ws_url(ws_key))
    pong = ws.request({"req_id": "7", "op": "ping"}, lambda m: True)
    assert expected.items() <= pong.items()
    if expected.get("op") == "pong" and "retCode" not in expected:
        assert pong["args"][0].isdigit()


def test_private_stream(bybit, h, ws_factory):
    creds = bybit.credentials
    ws = ws_factory(bybit.ws_url("v5Private"))
    early = ws.request({"op": "subscribe", "args": ["order"]}, lambda m: m.get("op") == "subscribe")
    assert early["success"] is False and early["ret_msg"] == "Request not authorized"
    expired = h.bybit_auth(ws, creds.api_key, creds.api_secret, expires=h.now_ms() - 1000)
    assert expired["success"] is False
    wrong = h.bybit_auth(ws, creds.api_key, "wrong-secret")
    assert wrong["success"] is False
    ok = h.bybit_auth(ws, creds.rsa_api_key, creds.rsa_private_key_pem)
    assert ok == {"success": True, "ret_msg": "", "conn_id": ok["conn_id"], "op": "auth"}
    assert bybit.login_count() == 1
    ack = ws.request({"req_id": "s", "op": "subscribe", "args": ["order", "execution", "position", "wallet"]},
                     lambda m: m.get("op") == "subscribe")
    assert ack["success"] is True
    rest(bybit, h).post("/v5/order/create", {"category": "linear", "symbol": "BTCUSDT", "side": "Sell",
                                             "orderType": "Market", "qty": "0.01", "orderLinkId": "p1"})
    topics = {}
    while len(topics) < 4:
        msg = ws.recv_until(lambda m: "topic" in m)
        topics.setdefault(msg["topic"], msg)
    assert topics["order"]["data"][0]["orderLinkId"] == "p1" and topics["order"]["data"][0]["category"] == "linear"
    assert topics["execution"]["data"][0]["execQty"] == "0.01"
    assert topics["position"]["data"][0]["side"] == "Sell"
    assert topics["wallet"]["data"][0]["accountType"] == "UNIFIED"


# --- WebSocket API ------------------------------------------------------------------------------------


def ws_api_request(h, req_id, op, args, ts=None):
    return {"reqId": req_id, "header": {"X-BAPI-TIMESTAMP": str(ts or h.now_ms()), "X-BAPI-RECV-WINDOW": "5000"},
            "op": op, "args": args}


def test_ws_api_orders(bybit, h, ws_factory):
    creds = bybit.credentials
    trade = ws_factory(bybit.ws_url("v5PrivateTrade"))
    order = {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit", "qty": "0.01",
             "price": "58000", "orderLinkId": "w1"}
    unauth = trade.request(ws_api_request(h, "0", "order.create", [order]), lambda m: m.get("reqId") == "0")
    assert unauth["retCode"] != 0
    auth = h.bybit_auth(trade, creds.api_key, creds.api_secret)
    assert auth["retCode"] == 0 and auth["retMsg"] == "OK" and "connId" in auth
    private = ws_factory(bybit.ws_url("v5Private"))
    h.bybit_auth(private, creds.api_key, creds.api_secret)
    private.request({"op": "subscribe", "args": ["order"]}, lambda m: m.get("op") == "subscribe")

    created = trade.request(ws_api_request(h, "1", "order.create", [order]), lambda m: m.get("reqId") == "1")
    assert created["retCode"] == 0 and created["op"] == "order.create"
    assert created["data"]["orderLinkId"] == "w1" and created["data"]["orderId"]
    assert {"X-Bapi-Limit", "X-Bapi-Limit-Status", "X-Bapi-Limit-Reset-Timestamp", "Traceid", "Timenow"} <= set(created["header"])
    event = private.recv_until(lambda m: m.get("topic") == "order")
    assert event["data"][0]["orderId"] == created["data"]["orderId"]

    dup_req = trade.request(ws_api_request(h, "1", "order.cancel", [order]), lambda m: m.get("reqId") == "1")
    assert dup_req["retCode"] == 20006
    stale = trade.request(ws_api_request(h, "2", "order.amend", [dict(order, price="58500")], ts=h.now_ms() - 60000),
                          lambda m: m.get("reqId") == "2")
    assert stale["retCode"] == 10002
    amended = trade.request(ws_api_request(h, "3", "order.amend", [{"category": "linear", "symbol": "BTCUSDT",
                                                                   "orderLinkId": "w1", "price": "58500"}]),
                            lambda m: m.get("reqId") == "3")
    assert amended["retCode"] == 0
    batch = trade.request(ws_api_request(h, "4", "order.create-batch", [{"category": "linear", "request": [
        dict(order, orderLinkId="w2"), dict(order, orderLinkId="w1")]}]), lambda m: m.get("reqId") == "4")
    assert batch["retCode"] == 0 and [i["code"] for i in batch["retExtInfo"]["list"]] == [0, 110072]
    cancel = trade.request(ws_api_request(h, "5", "order.cancel-batch", [{"category": "linear", "request": [
        {"symbol": "BTCUSDT", "orderLinkId": "w1"}, {"symbol": "BTCUSDT", "orderLinkId": "w2"},
        {"symbol": "BTCUSDT", "orderLinkId": "nope"}]}]), lambda m: m.get("reqId") == "5")
    assert [i["code"] for i in cancel["retExtInfo"]["list"]] == [0, 0, 110001]
    assert [c["reqId"] for c in bybit.ws_api_commands()] == ["0", "1", "1", "2", "3", "4", "5"]


def test_ws_api_rejects_demo_and_unknown_op(bybit, h, ws_factory):
    trade = ws_factory(bybit.ws_url("v5PrivateTrade"))
    h.bybit_auth(trade, bybit.credentials.api_key, bybit.credentials.api_secret)
    reply = trade.request(ws_api_request(h, "9", "order.explode", [{}]), lambda m: m.get("op") == "order.explode")
    assert reply["retCode"] == 10404
    demo_key = h.bybit_auth(trade, bybit.demo_credentials.api_key, bybit.demo_credentials.api_secret)
    assert demo_key["retCode"] != 0


def test_rest_keepalive_has_no_nagle_stalls(bybit):
    session = requests.Session()
    url = bybit.rest_url + "/v5/market/time"
    timings = []
    for _ in range(30):
        start = time.perf_counter()
        assert session.get(url, timeout=5).status_code == 200
        timings.append(time.perf_counter() - start)
    assert len(session.adapters["http://"].poolmanager.pools) == 1  # one kept-alive connection
    assert statistics.median(timings) < 0.02  # a Nagle + delayed-ACK stall costs ~40 ms


def test_leverage_position_mode_and_closed_pnl(bybit, h):
    api = rest(bybit, h, rsa=False)
    lev = {"category": "linear", "symbol": "BTCUSDT", "buyLeverage": "5", "sellLeverage": "5"}
    assert api.post("/v5/position/set-leverage", lev).json()["retCode"] == 0
    assert api.post("/v5/position/set-leverage", lev).json()["retCode"] == 110043  # not modified
    uneven = dict(lev, sellLeverage="6")
    assert api.post("/v5/position/set-leverage", uneven).json()["retCode"] == 10001
    mode = api.post("/v5/position/switch-mode", {"category": "linear", "symbol": "BTCUSDT", "mode": 0}).json()
    assert mode["retCode"] == 110025  # already one-way

    for side in ("Buy", "Sell"):
        order = {"category": "linear", "symbol": "BTCUSDT", "side": side, "orderType": "Market", "qty": "0.01"}
        assert api.post("/v5/order/create", order).json()["retCode"] == 0
    closed = api.get("/v5/position/closed-pnl", {"category": "linear", "symbol": "BTCUSDT"}).json()["result"]["list"]
    assert len(closed) == 1 and closed[0]["closedSize"] == "0.01" and closed[0]["leverage"] == "5"


def test_pre_check_order_places_nothing(bybit, h):
    api = rest(bybit, h, rsa=False)
    order = {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit",
             "qty": "1", "price": "50000", "orderLinkId": "check-1"}
    result = api.post("/v5/order/pre-check", order).json()["result"]
    assert result["orderLinkId"] == "check-1" and result["postImrE4"] > result["preImrE4"] >= 0
    assert api.get("/v5/order/realtime", {"category": "linear", "symbol": "BTCUSDT"}).json()["result"]["list"] == []


def test_account_and_asset_reads(bybit, h):
    api = rest(bybit, h, rsa=False)
    fees = api.get("/v5/account/fee-rate", {"category": "linear", "symbol": "BTCUSDT"}).json()["result"]["list"]
    assert fees == [{"symbol": "BTCUSDT", "baseCoin": "", "makerFeeRate": "0.0002", "takerFeeRate": "0.00055"}]
    coin = api.get("/v5/asset/transfer/query-account-coin-balance", {"accountType": "UNIFIED", "coin": "USDT"}).json()
    assert coin["result"]["balance"]["coin"] == "USDT"
    coins = api.get("/v5/asset/transfer/query-transfer-coin-list",
                    {"fromAccountType": "UNIFIED", "toAccountType": "FUND"}).json()["result"]["list"]
    assert "USDT" in coins
    assert api.get("/v5/asset/deposit/query-record").json()["result"]["rows"] == []
    order = {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Market", "qty": "0.01"}
    assert api.post("/v5/order/create", order).json()["retCode"] == 0
    log = api.get("/v5/account/transaction-log", {"accountType": "UNIFIED"}).json()["result"]["list"]
    assert log[0]["type"] == "TRADE" and log[0]["qty"] == "0.01"


def test_trading_stop_shows_on_the_position(bybit, h):
    api = rest(bybit, h, rsa=False)
    stop = {"category": "linear", "symbol": "BTCUSDT", "takeProfit": "70000", "stopLoss": "50000", "positionIdx": 0}
    assert api.post("/v5/position/trading-stop", stop).json()["retCode"] == 10001  # no position yet
    order = {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Market", "qty": "0.01"}
    assert api.post("/v5/order/create", order).json()["retCode"] == 0
    assert api.post("/v5/position/trading-stop", stop).json()["retCode"] == 0
    pos = api.get("/v5/position/list", {"category": "linear", "symbol": "BTCUSDT"}).json()["result"]["list"][0]
    assert (pos["takeProfit"], pos["stopLoss"]) == ("70000", "50000")
