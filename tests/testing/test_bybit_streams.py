"""Bybit loopback streams: per-connection limits, topic families, the event-contract stream, handshake headers."""

from __future__ import annotations

import json

import pytest
import websocket

EVENT_SYMBOL = "BTCUSDT-28AUG26-58000-62000-OUT"


def subscribe(ws, args, req_id="r"):
    """Send a subscribe request and return its answer (either ack shape)."""
    return ws.request({"req_id": req_id, "op": "subscribe", "args": args},
                      lambda m: m.get("op") == "subscribe" or m.get("type") == "COMMAND_RESP")


# --- per-connection limits ---------------------------------------------------------------------


def test_default_limits_are_bybits(bybit):
    assert bybit.limits.public_args_chars == 21_000
    assert bybit.limits.spot_args_per_request == 10
    assert bybit.limits.option_args_per_connection == 2_000


def test_spot_request_over_ten_args_is_refused_at_ten_accepted(bybit, ws_factory):
    topics = ["%s.%s" % (t, s) for s in ("BTCUSDT", "ETHUSDT")
              for t in ("tickers", "publicTrade", "orderbook.1", "orderbook.50", "kline.1")]
    spot = ws_factory(bybit.ws_url("v5SpotPublic"))
    over = subscribe(spot, topics + ["tickers.SOLUSDT"])
    assert over["success"] is False and over["ret_msg"] == "args size >10" and over["req_id"] == "r"
    assert bybit.ws_subscriptions("v5SpotPublic") == {over["conn_id"]: []}  # nothing of it was taken
    at = subscribe(spot, topics)
    assert at["success"] is True and at["ret_msg"] == "subscribe"
    assert sorted(sum(bybit.ws_subscriptions("v5SpotPublic").values(), [])) == sorted(topics)


@pytest.mark.parametrize("ws_key", ["v5SpotPublic", "v5LinearPublic", "v5InversePublic"])
def test_args_characters_per_public_connection(bybit, ws_factory, ws_key):
    symbol = "BTCUSD" if ws_key == "v5InversePublic" else "BTCUSDT"
    first, second, third = "tickers." + symbol, "publicTrade." + symbol, "orderbook.1." + symbol
    bybit.limits.public_args_chars = len(first) + len(second)  # exactly the first two
    ws = ws_factory(bybit.ws_url(ws_key))
    assert subscribe(ws, [first])["success"] is True
    assert subscribe(ws, [second])["success"] is True  # at the limit
    over = subscribe(ws, [third])
    assert over["success"] is False
    assert over["ret_msg"] == "error:args length >%d characters per connection" % bybit.limits.public_args_chars
    assert third not in sum(bybit.ws_subscriptions(ws_key).values(), [])
    # unsubscribing frees room on that connection
    ws.request({"op": "unsubscribe", "args": [first]}, lambda m: m.get("op") == "unsubscribe")
    assert subscribe(ws, [first])["success"] is True
    # the count is per connection: a second connection has its own budget
    other = ws_factory(bybit.ws_url(ws_key))
    assert subscribe(other, [first, second])["success"] is True


def test_args_characters_count_the_whole_request(bybit, ws_factory):
    bybit.limits.public_args_chars = 40
    linear = ws_factory(bybit.ws_url("v5LinearPublic"))
    over = subscribe(linear, ["tickers.BTCUSDT", "tickers.ETHUSDT", "tickers.SOLUSDT"])  # 45 characters
    assert over["success"] is False and bybit.ws_subscriptions("v5LinearPublic") == {over["conn_id"]: []}


def test_option_args_per_connection(bybit, ws_factory):
    bybit.limits.option_args_per_connection = 2
    option = ws_factory(bybit.ws_url("v5OptionPublic"))
    accepted = subscribe(option, ["publicTrade.BTC", "tickers.BTC-28AUG26-60000-C"])
    assert accepted["success"] is True and accepted["data"]["failTopics"] == []
    assert "req_id" not in accepted and "op" not in accepted  # option answers cannot be matched to requests
    over = subscribe(option, ["orderbook.25.BTC-28AUG26-60000-C"])
    assert over["type"] == "COMMAND_RESP" and over["success"] is False
    assert over["data"] == {"failTopics": ["orderbook.25.BTC-28AUG26-60000-C"], "successTopics": []}
    assert over["ret_msg"] == "error:args size >2 per connection"
    assert len(sum(bybit.ws_subscriptions("v5OptionPublic").values(), [])) == 2


def test_private_connection_has_no_args_limit(bybit, h, ws_factory):
    bybit.limits.public_args_chars = 5
    private = ws_factory(bybit.ws_url("v5Private"))
    h.bybit_auth(private, bybit.credentials.api_key, bybit.credentials.api_secret)
    assert subscribe(private, ["order", "execution", "position", "wallet"])["success"] is True


def test_ack_shapes_per_stream(bybit, ws_factory):
    linear = ws_factory(bybit.ws_url("v5LinearPublic"))
    ack = linear.request({"op": "subscribe", "args": ["tickers.BTCUSDT"]}, lambda m: m.get("op") == "subscribe")
    assert ack == {"success": True, "ret_msg": "", "conn_id": ack["conn_id"], "req_id": "", "op": "subscribe"}
    spot = ws_factory(bybit.ws_url("v5SpotPublic"))
    ack = spot.request({"op": "subscribe", "args": ["tickers.BTCUSDT"]}, lambda m: m.get("op") == "subscribe")
    assert ack == {"success": True, "ret_msg": "subscribe", "conn_id": ack["conn_id"], "op": "subscribe"}


# --- topic families ----------------------------------------------------------------------------


ACCEPTED = {
    "v5SpotPublic": ["orderbook.1.BTCUSDT", "orderbook.1000.BTCUSDT", "orderbook.rpi.BTCUSDT", "publicTrade.BTCUSDT",
                     "tickers.BTCUSDT", "kline.D.BTCUSDT", "priceLimit.BTCUSDT"],
    "v5LinearPublic": ["orderbook.200.BTCUSDT", "orderbook.rpi.BTCUSDT", "publicTrade.BTCUSDT", "tickers.BTCUSDT",
                       "kline.240.BTCUSDT", "allLiquidation.BTCUSDT", "insurance.USDT", "insurance.USDC",
                       "priceLimit.BTCUSDT", "adlAlert.USDT", "adlAlert.USDC"],
    "v5InversePublic": ["orderbook.50.BTCUSD", "orderbook.rpi.BTCUSD", "publicTrade.BTCUSD", "tickers.BTCUSD",
                        "kline.W.BTCUSD", "allLiquidation.BTCUSD", "insurance.inverse", "priceLimit.BTCUSD",
                        "adlAlert.inverse"],
    "v5OptionPublic": ["orderbook.25.BTC-28AUG26-60000-C", "orderbook.100.BTC-28AUG26-60000-P", "publicTrade.BTC",
                       "tickers.BTC-28AUG26-60000-C"],
    "v5EventPublic": ["tickers." + EVENT_SYMBOL, "orderbook.25." + EVENT_SYMBOL, "tickers.ETHUSDT-5MIN-UP",
                      "orderbook.25.SOLUSDT-28AUG26-160-ABOVE"],
}
REFUSED = {
    "v5SpotPublic": ["orderbook.7.BTCUSDT", "orderbook.500.BTCUSDT", "allLiquidation.BTCUSDT", "insurance.USDT",
                     "adlAlert.USDT", "liquidation.BTCUSDT", "kline.2.BTCUSDT", "tickers.BTCUSD",
                     # leveraged-token streams: offline since mid 2025 (Bybit's docs, "etp offline")
                     "tickers_lt.BTC3LUSDT", "kline_lt.1.BTC3LUSDT", "lt.BTC3LUSDT"],
    "v5LinearPublic": ["orderbook.7.BTCUSDT", "orderbook.25.BTCUSDT", "insurance.inverse", "adlAlert.BTC",
                       "liquidation.BTCUSDT", "priceLimit.NOPEUSDT", "orderbook.rpi", "tickers"],
    "v5InversePublic": ["orderbook.7.BTCUSD", "insurance.USDT", "adlAlert.USDT", "tickers.BTCUSDT"],
    "v5OptionPublic": ["orderbook.50.BTC-28AUG26-60000-C", "kline.1.BTC-28AUG26-60000-C", "orderbook.rpi.BTCUSDT",
                       "priceLimit.BTC-28AUG26-60000-C", "insurance.USDC"],
    "v5EventPublic": ["tickers.BTCUSDT", "orderbook.50." + EVENT_SYMBOL, "orderbook.1." + EVENT_SYMBOL, "publicTrade." + EVENT_SYMBOL,
                      "tickers.NOPEUSDT-28AUG26-1-2-OUT", "kline.1." + EVENT_SYMBOL],
}


@pytest.mark.parametrize("ws_key", sorted(ACCEPTED))
def test_documented_topic_families_are_accepted(bybit, ws_factory, ws_key):
    ws = ws_factory(bybit.ws_url(ws_key))
    for topic in ACCEPTED[ws_key]:
        reply = subscribe(ws, [topic], req_id=topic)
        assert reply["success"] is True, (topic, reply)


@pytest.mark.parametrize("ws_key", sorted(REFUSED))
def test_unknown_topics_are_refused(bybit, ws_factory, ws_key):
    ws = ws_factory(bybit.ws_url(ws_key))
    for topic in REFUSED[ws_key]:
        reply = subscribe(ws, [topic], req_id=topic)
        assert reply["success"] is False, (topic, reply)
        if reply.get("type") == "COMMAND_RESP":
            assert reply["data"]["failTopics"] == [topic]
        else:
            assert reply["ret_msg"] == "error:handler not found,topic:%s" % topic
    assert sum(bybit.ws_subscriptions(ws_key).values(), []) == []


def test_new_topic_families_push_their_documented_shapes(bybit, ws_factory):
    linear = ws_factory(bybit.ws_url("v5LinearPublic"))
    subscribe(linear, ["orderbook.rpi.BTCUSDT", "priceLimit.BTCUSDT", "adlAlert.USDT"])
    rpi = linear.recv_until(lambda m: m.get("topic") == "orderbook.rpi.BTCUSDT")
    assert rpi["type"] == "snapshot" and len(rpi["data"]["b"]) == 50
    assert all(len(level) == 3 for level in rpi["data"]["b"] + rpi["data"]["a"])  # price, size, RPI size
    limit = linear.recv_until(lambda m: m.get("topic") == "priceLimit.BTCUSDT")
    assert set(limit["data"]) == {"symbol", "buyLmt", "sellLmt"}
    assert float(limit["data"]["sellLmt"]) < 60000 < float(limit["data"]["buyLmt"])
    adl = linear.recv_until(lambda m: m.get("topic") == "adlAlert.USDT")
    assert adl["type"] == "snapshot" and {row["s"] for row in adl["data"]} == {"BTCUSDT", "ETHUSDT", "SOLUSDT"}
    assert set(adl["data"][0]) == {"c", "s", "b", "mb", "i_pr", "pr", "adl_tt", "adl_sr"}


# --- event contracts -----------------------------------------------------------------------------


def test_event_contract_stream(bybit, ws_factory):
    url = bybit.ws_url("v5EventPublic")
    assert url.endswith("/v5/public/event")
    event = ws_factory(url)
    ack = subscribe(event, ["tickers." + EVENT_SYMBOL, "orderbook.25." + EVENT_SYMBOL])
    assert ack["success"] is True and ack["op"] == "subscribe"
    ticker = event.recv_until(lambda m: m.get("topic") == "tickers." + EVENT_SYMBOL)
    assert ticker["type"] == "snapshot" and ticker["data"]["symbol"] == EVENT_SYMBOL
    assert 0 < float(ticker["data"]["bid1Price"]) < float(ticker["data"]["ask1Price"]) < 1
    book = event.recv_until(lambda m: m.get("topic") == "orderbook.25." + EVENT_SYMBOL)
    # one list of [payout ratio, order amount], as GET /v5/event/orderbook has it
    assert book["type"] == "snapshot" and set(book["data"]) == {"s", "r", "u", "seq"} and len(book["data"]["r"]) == 25
    assert all(0 < float(ratio) < 1 and float(amount) > 0 for ratio, amount in book["data"]["r"])
    later = event.recv_until(lambda m: m.get("topic") == "orderbook.25." + EVENT_SYMBOL)
    assert later["type"] == "snapshot" and later["data"]["u"] > book["data"]["u"]
    pong = event.request({"req_id": "p", "op": "ping"}, lambda m: m.get("ret_msg") == "pong")
    assert pong["success"] is True
    # the event stream is public: no auth, and it is not on the demo host
    assert bybit.ws_url("v5EventPublic", demo=True) == url


# --- WebSocket API -------------------------------------------------------------------------------


@pytest.mark.parametrize("category", [None, "SPOT", "futures"])
def test_ws_api_refuses_unknown_categories_with_10404(bybit, h, ws_factory, category):
    trade = ws_factory(bybit.ws_url("v5PrivateTrade"))
    h.bybit_auth(trade, bybit.credentials.api_key, bybit.credentials.api_secret)
    order = {"symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit", "qty": "0.01", "price": "50000"}
    if category is not None:
        order["category"] = category
    reply = trade.request({"reqId": "c", "header": {"X-BAPI-TIMESTAMP": str(h.now_ms())}, "op": "order.create",
                           "args": [order]}, lambda m: m.get("reqId") == "c")
    assert reply["retCode"] == 10404 and reply["op"] == "order.create" and reply["retExtInfo"] == {}
    assert bybit.orders() == []


# --- handshake headers ---------------------------------------------------------------------------


@pytest.mark.parametrize("ws_key", ["v5LinearPublic", "v5Private", "v5PrivateTrade"])
def test_handshake_headers_are_recorded(bybit, ws_key):
    conn = websocket.create_connection(bybit.ws_url(ws_key), timeout=5,
                                       header=["x-refer-site-id: HKG", "X-Site-Id: broker-7"])
    try:
        conn.send(json.dumps({"op": "ping"}))
        conn.recv()
        (server_side,) = bybit.ws_connections_of(ws_key)
        assert server_side.request_headers["X-Refer-Site-Id"] == "HKG"  # case-insensitive
        assert server_side.request_headers["x-site-id"] == "broker-7"
        assert server_side.request_headers.get("x-referer") is None
    finally:
        conn.close()
