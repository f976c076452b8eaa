"""Inbound message classification per exchange (no network)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from bitsdk.bitget._ws import WebsocketClientV3
from bitsdk.bybit._ws import WebsocketClient
from bitsdk.errors import APIError, AuthenticationError

BYBIT_PONGS = [
    '{"success":true,"ret_msg":"pong","conn_id":"c","req_id":"","op":"ping"}',  # linear/inverse
    '{"success":true,"ret_msg":"pong","conn_id":"c","op":"ping"}',  # spot
    '{"args":["1700000000000"],"op":"pong"}',  # option/spread
    '{"req_id":"","op":"pong","args":["1700000000000"],"conn_id":"c"}',  # private
    '{"retCode":0,"retMsg":"OK","op":"pong","data":["1700000000000"],"connId":"c"}',  # trade
]


@pytest.mark.parametrize("raw", BYBIT_PONGS)
def test_bybit_every_pong_shape_is_swallowed(raw):
    ws = WebsocketClient()
    # Compact frames are caught by the cheap text check; either way they never become events.
    assert ws._is_control(None, raw)
    assert ws._route("v5LinearPublic", json.loads(raw)) is None
    spaced = json.dumps(json.loads(raw))  # "op": "pong" with spaces: handled after decoding
    assert ws._route("v5LinearPublic", json.loads(spaced)) is None


def test_bybit_route_kinds():
    ws = WebsocketClient()
    route = ws._route
    assert route("k", {"topic": "tickers.BTCUSDT", "data": {}}).kind == "update"
    assert route("k", {"success": True, "ret_msg": "", "op": "subscribe", "req_id": "1"}).kind == "response"
    ack = {"success": True, "conn_id": "c", "data": {"failTopics": [], "successTopics": ["x"]}, "type": "COMMAND_RESP"}
    assert route("v5OptionPublic", ack).kind == "response"
    failed = route("k", {"success": False, "ret_msg": "error:handler not found,topic:x", "op": "subscribe"})
    assert failed.kind == "exception" and isinstance(failed.error, APIError) and "handler not found" in str(failed.error)
    unmatched = route("v5PrivateTrade", {"reqId": "nope", "retCode": 0, "op": "order.create", "data": {}})
    assert unmatched.kind == "response" and unmatched.ws_api and unmatched.unmatched
    assert route("k", {"something": "else"}).kind == "update"


def test_bybit_login_verdicts():
    verdict = WebsocketClient()._login_verdict
    assert verdict({"success": True, "ret_msg": "", "op": "auth", "conn_id": "c"}) is True
    assert verdict({"retCode": 0, "retMsg": "OK", "op": "auth", "connId": "c"}) is True
    bad_private = verdict({"success": False, "ret_msg": "error:request expired", "op": "auth"})
    assert isinstance(bad_private, AuthenticationError) and "request expired" in str(bad_private)
    bad_trade = verdict({"retCode": 10004, "retMsg": "Invalid sign", "op": "auth"})  # no "success" field
    assert isinstance(bad_trade, AuthenticationError) and bad_trade.code == 10004
    assert verdict({"topic": "order"}) is None


def test_bitget_route_kinds():
    ws = WebsocketClientV3()
    route = ws._route
    push = {"arg": {"instType": "spot", "topic": "ticker", "symbol": "BTCUSDT"}, "action": "snapshot", "data": []}
    assert route("v3Public", push).kind == "update"
    assert route("v3Public", {"event": "subscribe", "arg": {"topic": "ticker"}}).kind == "response"
    err = route("v3Public", {"event": "error", "code": 30001, "msg": "channel does not exist"})
    assert err.kind == "exception" and err.error.code == 30001
    late = route("v3Private", {"event": "trade", "id": "zz", "code": "0", "msg": "success", "args": []})
    assert late.ws_api and late.unmatched and late.kind == "response"


def test_bitget_login_verdicts():
    verdict = WebsocketClientV3()._login_verdict
    assert verdict({"event": "login", "code": 0, "msg": ""}) is True
    bad = verdict({"event": "error", "code": 30011, "msg": "Invalid ACCESS_KEY"})
    assert isinstance(bad, AuthenticationError) and bad.code == 30011
    assert verdict({"event": "subscribe", "arg": {}}) is None


def test_bitget_text_heartbeats():
    ws = WebsocketClientV3()
    sent = []
    conn = SimpleNamespace(ws=SimpleNamespace(send=sent.append))
    assert ws._is_control(conn, "pong") and sent == []
    assert ws._is_control(conn, "ping") and sent == ["pong"]  # the server's ping is answered
    assert not ws._is_control(conn, '{"event":"login","code":0}')


# -- subscribe replies (the engine tracks each request to its reply)


def test_bybit_subscribe_replies():
    reply = WebsocketClient()._sub_reply
    ok = reply("k", {"success": True, "ret_msg": "", "op": "subscribe", "req_id": "r1"})
    assert ok.req_id == "r1" and ok.confirmed is None and not ok.rejected  # every topic of r1
    bad = reply("k", {"success": False, "ret_msg": "error:handler not found,topic:tickers.NOPE", "op": "subscribe",
                      "req_id": "r2"})
    assert bad.rejected == {"tickers.NOPE": "error:handler not found,topic:tickers.NOPE"} and bad.confirmed is None
    again = reply("k", {"success": False, "ret_msg": "error:already subscribed,topic:tickers.X", "op": "subscribe",
                        "req_id": "r3"})
    assert not again.rejected and again.reason is None  # already live
    vague = reply("k", {"success": False, "ret_msg": "error:args size >10", "op": "subscribe", "req_id": "r4"})
    assert vague.reason == "error:args size >10" and not vague.rejected
    option = reply("v5OptionPublic", {"success": False, "conn_id": "c", "type": "COMMAND_RESP",
                                      "data": {"failTopics": ["tickers.BAD"], "successTopics": ["tickers.BTC-1"]}})
    assert option.req_id is None and option.confirmed == ["tickers.BTC-1"] and list(option.rejected) == ["tickers.BAD"]
    assert reply("k", {"success": True, "op": "unsubscribe", "req_id": "r5"}) is None
    assert reply("k", {"success": True, "op": "auth"}) is None


def test_bitget_subscribe_replies():
    ws = WebsocketClientV3()
    arg = {"instType": "spot", "topic": "ticker", "symbol": "BTCUSDT"}
    key = ws._topic_key({"symbol": "BTCUSDT", "topic": "ticker", "instType": "spot"})
    assert ws._sub_reply("v3Public", {"event": "subscribe", "arg": arg}).confirmed == [key]
    bad = ws._sub_reply("v3Public", {"event": "error", "arg": arg, "code": 30001, "msg": "doesn't exist", "op": "subscribe"})
    assert bad.rejected == {key: "doesn't exist"} and bad.code == 30001
    assert ws._sub_reply("v3Public", {"event": "unsubscribe", "arg": arg}) is None
    assert ws._sub_reply("v3Public", {"event": "error", "code": 30016, "msg": "Param error"}) is None  # names nothing
    assert ws._sub_reply("v3Private", {"event": "error", "id": "x", "code": "43012", "arg": arg}) is None  # WS API


def _tracked(ws, ws_key, topics):
    """A (not started) connection holding ``topics``, all sent in one request "r1"."""
    with ws._lock:
        conn = ws._new_connection(ws_key)
    for topic in topics:
        conn.topics[topic] = topic
        ws._where.setdefault(ws_key, {})[topic] = conn
    conn.acks.add("r1", list(topics), list(topics), now=0.0)
    return conn


def test_a_refusal_naming_no_topic_rejects_a_one_topic_request():
    from bitsdk.events import Event

    ws = WebsocketClient()
    conn = _tracked(ws, "v5LinearPublic", ["tickers.X"])
    msg = {"success": False, "ret_msg": "error:something", "op": "subscribe", "req_id": "r1"}
    assert conn.on_reply(msg, Event("exception", "v5LinearPublic", msg)) is None  # replaced by the topic's event
    assert ws.subscriptions("v5LinearPublic") == [] and len(conn.acks) == 0
    assert "something" in str(ws._rejected[("v5LinearPublic", "tickers.X")])
    ws.close()


def test_a_partial_refusal_keeps_and_confirms_the_other_topics():
    from bitsdk.events import Event

    ws = WebsocketClient()
    conn = _tracked(ws, "v5LinearPublic", ["tickers.A", "tickers.B"])
    msg = {"success": False, "ret_msg": "error:handler not found,topic:tickers.B", "op": "subscribe", "req_id": "r1"}
    conn.on_reply(msg, Event("exception", "v5LinearPublic", msg))
    assert ws.subscriptions("v5LinearPublic") == ["tickers.A"]
    assert conn.live_keys == {"tickers.A"} and len(conn.acks) == 0
    ws.close()
