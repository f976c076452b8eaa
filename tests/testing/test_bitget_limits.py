"""Bitget's per-connection WebSocket limits (bitget.md §0.10), lowered per test to keep them fast."""

from __future__ import annotations

import json

import pytest
import websocket


def ticker(symbol, inst_type="spot"):
    return {"instType": inst_type, "topic": "ticker", "symbol": symbol}


def ack_or_error(ws, arg):
    return ws.recv_until(lambda m: isinstance(m, dict) and "event" in m and m.get("arg") == arg)


def test_defaults_are_bitgets(bitget):
    limits = bitget.limits
    assert (limits.channels_per_connection, limits.subscribe_requests_per_hour, limits.messages_per_second,
            limits.subscribe_request_bytes, limits.message_window) == (1000, 240, 10, 4096, 1.0)


def test_channels_per_connection(bitget, ws_factory):
    bitget.limits.channels_per_connection = 3
    ws = ws_factory(bitget.ws_url("v3Public"))
    first = [ticker("BTCUSDT"), ticker("ETHUSDT"), ticker("SOLUSDT")]
    ws.send({"op": "subscribe", "args": first})
    assert [ack_or_error(ws, arg)["event"] for arg in first] == ["subscribe"] * 3  # at the limit: accepted
    again = ticker("BTCUSDT")  # already subscribed: no new channel
    extra = ticker("BTCUSDT", "usdt-futures")
    ws.send({"op": "subscribe", "args": [again, extra]})
    assert ack_or_error(ws, again)["event"] == "subscribe"
    refused = ack_or_error(ws, extra)
    assert (refused["event"], refused["code"], refused["op"]) == ("error", 30006, "subscribe"), refused
    assert "3 channels per connection" in refused["msg"]
    assert len(bitget.ws_subscriptions("v3Public")[bitget.ws_connections_of("v3Public")[0].conn_id]) == 3
    ws.send({"op": "unsubscribe", "args": [ticker("SOLUSDT")]})  # a freed channel can be used again
    ack_or_error(ws, ticker("SOLUSDT"))
    ws.send({"op": "subscribe", "args": [extra]})
    assert ack_or_error(ws, extra)["event"] == "subscribe"


def test_subscribe_requests_per_hour(bitget, ws_factory):
    bitget.limits.subscribe_requests_per_hour = 2
    ws = ws_factory(bitget.ws_url("v2Public"))
    args = [{"instType": "SPOT", "channel": "ticker", "instId": s} for s in ("BTCUSDT", "ETHUSDT", "SOLUSDT")]
    for arg in args[:2]:
        ws.send({"op": "subscribe", "args": [arg]})
        assert ack_or_error(ws, arg)["event"] == "subscribe"
    ws.send({"op": "subscribe", "args": [args[2]]})
    refused = ws.recv_until(lambda m: isinstance(m, dict) and m.get("event") == "error")
    assert (refused["code"], refused["op"]) == (30006, "subscribe") and "2 subscribe requests an hour" in refused["msg"]
    ws.send({"op": "unsubscribe", "args": [args[0]]})  # unsubscribing is not a subscribe request
    assert ack_or_error(ws, args[0])["event"] == "unsubscribe"
    assert len(bitget.ws_subscriptions("v2Public")[bitget.ws_connections_of("v2Public")[0].conn_id]) == 1


def test_subscribe_request_bytes(bitget, ws_factory):
    ws = ws_factory(bitget.ws_url("v3Public"))
    args = [ticker("BTCUSDT"), ticker("ETHUSDT")]
    frame = json.dumps({"op": "subscribe", "args": args})
    bitget.limits.subscribe_request_bytes = len(frame.encode())
    ws.send(frame)  # exactly at the limit
    assert [ack_or_error(ws, arg)["event"] for arg in args] == ["subscribe", "subscribe"]
    bigger = frame.replace("BTCUSDT", "SOLUSDT") + " "  # one byte over (JSON allows trailing blanks)
    ws.send(bigger)
    refused = ws.recv_until(lambda m: isinstance(m, dict) and m.get("event") == "error")
    assert (refused["code"], refused["op"]) == (30016, "subscribe") and "at most %d bytes" % len(frame) in refused["msg"]
    assert len(bitget.ws_subscriptions("v3Public")[bitget.ws_connections_of("v3Public")[0].conn_id]) == 2


@pytest.mark.parametrize("ws_key", ["v3Public", "v2Private"])
def test_messages_per_second_at_the_limit(bitget, ws_factory, ws_key):
    bitget.limits.messages_per_second = 3
    bitget.limits.message_window = 60.0  # "3 a minute": the outcome cannot depend on how fast frames travel
    ws = ws_factory(bitget.ws_url(ws_key))
    for _ in range(3):
        ws.send("ping")
    assert [ws.recv() for _ in range(3)] == ["pong"] * 3
    assert bitget.ws_connection_count(ws_key) == 1


@pytest.mark.parametrize("ws_key", ["v3Public", "v3Private"])
def test_messages_per_second_over_the_limit_disconnects(bitget, ws_factory, ws_key):
    bitget.limits.messages_per_second = 3
    bitget.limits.message_window = 60.0
    ws = ws_factory(bitget.ws_url(ws_key))
    for _ in range(3):
        ws.send("ping")
    ws.send({"op": "subscribe", "args": [ticker("BTCUSDT")]})  # the 4th frame in the window: pings count too
    received = []
    while True:  # until the server's close frame ("") or the socket's end
        try:
            msg = ws.recv()
        except websocket.WebSocketConnectionClosedException:
            break
        if msg == "":
            break
        received.append(msg)
    assert received[:3] == ["pong"] * 3
    assert received[3:] == [{"event": "error", "code": 30007, "msg": "request over limit,connection close"}]
    assert bitget.wait_for(lambda: bitget.ws_connection_count(ws_key) == 0)
    assert bitget.ws_subscriptions(ws_key) == {}
