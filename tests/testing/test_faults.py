"""Fault injection: every fault shows up, and every fault ends by itself."""

from __future__ import annotations

import json
import struct
import time

import pytest
import requests
import websocket
from websocket import ABNF

from bitsdk.testing import LoopbackExchange

DROPPED = (websocket.WebSocketConnectionClosedException, ConnectionResetError, BrokenPipeError, ConnectionAbortedError)


def read_until_dropped(ws, timeout=5.0):
    """Read until the server drops the connection: (messages, "reset") or (messages, close code)."""
    messages = []
    deadline = time.monotonic() + timeout
    while True:
        ws.conn.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            opcode, frame = ws.conn.recv_data_frame(True)
        except DROPPED:
            return messages, "reset"
        except websocket.WebSocketTimeoutException:
            raise AssertionError("connection was not dropped; got %d messages" % len(messages)) from None
        if opcode == ABNF.OPCODE_CLOSE:
            return messages, struct.unpack("!H", frame.data[:2])[0]
        if opcode == ABNF.OPCODE_TEXT:
            text = frame.data.decode()
            messages.append(text if text == "pong" else json.loads(text))


def expect_silence(ws, seconds):
    with pytest.raises(websocket.WebSocketTimeoutException):
        ws.recv(timeout=seconds)


def ping(ws):
    return ws.request({"op": "ping"}, lambda m: m.get("ret_msg") == "pong" or m.get("op") == "pong")


def subscribe_book(ws):
    return ws.request({"op": "subscribe", "args": ["orderbook.50.BTCUSDT"]}, lambda m: m.get("op") == "subscribe")


@pytest.mark.parametrize("mode", ["reset", "close"])
def test_drop_all(bybit, ws_factory, mode):
    first = ws_factory(bybit.ws_url("v5LinearPublic"))
    second = ws_factory(bybit.ws_url("v5SpotPublic"))
    subscribe_book(first)
    assert bybit.wait_for(lambda: bybit.ws_connection_count() == 2)
    assert bybit.faults.drop_all(mode=mode) == 2
    for ws in (first, second):
        _, how = read_until_dropped(ws)
        assert how == ("reset" if mode == "reset" else 1001)
    assert bybit.wait_for(lambda: bybit.ws_connection_count() == 0)
    again = ws_factory(bybit.ws_url("v5LinearPublic"))  # the fault is over: reconnecting works
    assert subscribe_book(again)["success"] is True


def test_drop_all_by_key(bybit, ws_factory):
    public = ws_factory(bybit.ws_url("v5LinearPublic"))
    private = ws_factory(bybit.ws_url("v5Private"))
    assert bybit.wait_for(lambda: bybit.ws_connection_count() == 2)
    assert bybit.faults.drop_all(ws_key="v5Private") == 1
    read_until_dropped(private)
    assert ping(public)["success"] is True


def test_drop_after_n_messages(bybit, ws_factory):
    ws = ws_factory(bybit.ws_url("v5LinearPublic"))
    assert bybit.wait_for(lambda: bybit.ws_connection_count() == 1)
    assert bybit.faults.drop_after(3) == 1
    ws.send({"op": "subscribe", "args": ["orderbook.50.BTCUSDT"]})  # ack, snapshot, delta, delta...
    messages, how = read_until_dropped(ws)
    assert how == "reset" and len(messages) == 3
    assert [m.get("op") or m["type"] for m in messages] == ["subscribe", "snapshot", "delta"]
    again = ws_factory(bybit.ws_url("v5LinearPublic"))  # one-shot: the reconnect is not affected
    subscribe_book(again)
    for _ in range(5):
        again.recv_until(lambda m: "topic" in m)


def test_drop_after_waits_for_next_connection(bitget, ws_factory):
    assert bitget.faults.drop_after(1, mode="close") == 0
    ws = ws_factory(bitget.ws_url("v3Public"))
    ws.send("ping")
    messages, how = read_until_dropped(ws)
    assert messages == ["pong"] and how == 1001
    following = ws_factory(bitget.ws_url("v3Public"))
    assert following.request("ping", lambda m: True) == "pong"
    assert following.request("ping", lambda m: True) == "pong"


def test_go_silent_then_resume(bybit, ws_factory):
    ws = ws_factory(bybit.ws_url("v5LinearPublic"))
    subscribe_book(ws)
    ws.recv_until(lambda m: m.get("type") == "delta")
    assert bybit.faults.go_silent(0.6) == 1
    started = time.monotonic()
    ws.send({"op": "ping"})
    ws.conn.settimeout(0.3)
    # A frame already in flight when the fault hit may still arrive; then nothing at all.
    try:
        while time.monotonic() - started < 0.4:
            ws.conn.recv()
    except websocket.WebSocketTimeoutException:
        pass
    expect_silence(ws, 0.1)
    remaining = 0.6 - (time.monotonic() - started)
    if remaining > 0:
        time.sleep(remaining + 0.05)
    assert ping(ws)["ret_msg"] == "pong"  # resumed, same connection
    ws.recv_until(lambda m: m.get("topic") == "orderbook.50.BTCUSDT")


def test_go_silent_then_drop(bitget, ws_factory):
    ws = ws_factory(bitget.ws_url("v2Public"))
    assert bitget.wait_for(lambda: bitget.ws_connection_count() == 1)
    bitget.faults.go_silent(0.3, then="drop")
    ws.send("ping")
    messages, how = read_until_dropped(ws, timeout=3)
    assert messages == [] and how == "reset"


def test_delay_replies(bitget, h, ws_factory):
    ws = ws_factory(bitget.ws_url("v3Public"))
    bitget.faults.delay_replies(0.3, count=1)
    start = time.monotonic()
    assert ws.request("ping", lambda m: True) == "pong"
    assert time.monotonic() - start >= 0.28
    start = time.monotonic()
    assert ws.request("ping", lambda m: True) == "pong"
    assert time.monotonic() - start < 0.25  # only one reply was delayed
    bitget.faults.delay_replies(0.3, count=1, rest=True)
    start = time.monotonic()
    assert requests.get(bitget.rest_url + "/api/v2/public/time", timeout=5).status_code == 200
    assert time.monotonic() - start >= 0.28


def test_reject_next_login(bybit, bitget, h, ws_factory):
    creds = bybit.credentials
    ws = ws_factory(bybit.ws_url("v5Private"))
    bybit.faults.reject_next_login()
    assert h.bybit_auth(ws, creds.api_key, creds.api_secret)["success"] is False
    assert h.bybit_auth(ws, creds.api_key, creds.api_secret)["success"] is True
    trade = ws_factory(bybit.ws_url("v5PrivateTrade"))
    bybit.faults.reject_next_login(code=10003)
    assert h.bybit_auth(trade, creds.api_key, creds.api_secret)["retCode"] == 10003
    assert bybit.login_attempts() == 3 and bybit.login_count() == 1

    gcreds = bitget.credentials
    gws = ws_factory(bitget.ws_url("v3Private"))
    bitget.faults.reject_next_login(code=30012)
    assert h.bitget_login(gws, gcreds.api_key, gcreds.api_secret, gcreds.api_pass) == \
        {"event": "error", "code": 30012, "msg": "Invalid ACCESS_PASSPHRASE"}
    assert h.bitget_login(gws, gcreds.api_key, gcreds.api_secret, gcreds.api_pass)["event"] == "login"


def bybit_order(h, req_id, link):
    return {"reqId": req_id, "header": {"X-BAPI-TIMESTAMP": str(h.now_ms())}, "op": "order.create",
            "args": [{"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit",
                      "qty": "0.01", "price": "50000", "orderLinkId": link}]}


def test_ws_api_reply_faults(bybit, h, ws_factory):
    trade = ws_factory(bybit.ws_url("v5PrivateTrade"))
    h.bybit_auth(trade, bybit.credentials.api_key, bybit.credentials.api_secret)

    bybit.faults.ws_api_reply("never")
    trade.send(bybit_order(h, "n1", "never-1"))
    expect_silence(trade, 0.3)
    assert [o.client_id for o in bybit.orders()] == ["never-1"]  # executed, answer lost

    bybit.faults.ws_api_reply("twice")
    trade.send(bybit_order(h, "t1", "twice-1"))
    first = trade.recv_until(lambda m: m.get("reqId") == "t1")
    second = trade.recv_until(lambda m: m.get("reqId") == "t1")
    assert first == second and first["retCode"] == 0

    bybit.faults.ws_api_reply("late", delay=0.4)
    start = time.monotonic()
    late = trade.request(bybit_order(h, "l1", "late-1"), lambda m: m.get("reqId") == "l1")
    assert late["retCode"] == 0 and time.monotonic() - start >= 0.38

    start = time.monotonic()
    trade.request(bybit_order(h, "ok", "ok-1"), lambda m: m.get("reqId") == "ok")
    assert time.monotonic() - start < 0.3  # the faults were used up


def test_ws_api_late_reply_bitget(bitget, h, ws_factory):
    creds = bitget.credentials
    ws = ws_factory(bitget.ws_url("v3Private"))
    h.bitget_login(ws, creds.api_key, creds.api_secret, creds.api_pass)
    ws.request({"op": "subscribe", "args": [{"instType": "UTA", "topic": "order"}]}, lambda m: m.get("event") == "subscribe")
    bitget.faults.ws_api_reply("late", delay=0.3)
    ws.send({"op": "trade", "id": "1", "category": "spot", "topic": "place-order",
             "args": [{"symbol": "BTCUSDT", "side": "buy", "orderType": "limit", "qty": "0.01", "price": "50000"}]})
    first = ws.recv_until(lambda m: "id" in m or "data" in m)
    assert "data" in first  # the order push overtakes the late reply
    assert ws.recv_until(lambda m: m.get("id") == "1")["code"] == "0"


@pytest.mark.parametrize("exchange", ["bybit", "bitget"])
def test_rest_errors(exchange):
    with LoopbackExchange(exchange) as ex:
        url = ex.rest_url + ("/v5/market/time" if exchange == "bybit" else "/api/v2/public/time")
        ex.faults.rest_errors(1, "5xx")
        ex.faults.rest_errors(1, "429")
        ex.faults.rest_errors(1, "html")
        ex.faults.rest_errors(1, "403")
        session = requests.Session()
        server_error = session.get(url, timeout=5)
        assert server_error.status_code == 503
        limited = session.get(url, timeout=5)
        assert limited.status_code == 429
        assert limited.json().get("code") == "429" or limited.json().get("retCode") == 10006
        html = session.get(url, timeout=5)
        assert html.status_code == 502 and html.headers["Content-Type"] == "text/html" and "<HTML>" in html.text
        blocked = session.get(url, timeout=5)
        assert blocked.status_code == 403 and "CloudFront" in blocked.text
        assert session.get(url, timeout=5).status_code == 200
        assert ex.rest_request_count() == 5


def test_refuse_connections(bybit, ws_factory):
    bybit.faults.refuse_connections(0.4, ws=True, rest=True)
    start = time.monotonic()
    with pytest.raises((websocket.WebSocketException, ConnectionError, OSError)):
        websocket.create_connection(bybit.ws_url("v5LinearPublic"), timeout=2)
    with pytest.raises(requests.ConnectionError):
        requests.get(bybit.rest_url + "/v5/market/time", timeout=2)
    time.sleep(max(0.0, 0.45 - (time.monotonic() - start)))
    ws = ws_factory(bybit.ws_url("v5LinearPublic"))
    assert ping(ws)["ret_msg"] == "pong"
    assert requests.get(bybit.rest_url + "/v5/market/time", timeout=2).status_code == 200


def test_clear_and_validation(bybit):
    bybit.faults.rest_errors(3, "5xx")
    bybit.faults.reject_next_login()
    bybit.faults.clear()
    assert requests.get(bybit.rest_url + "/v5/market/time", timeout=5).status_code == 200
    for bad in (lambda: bybit.faults.drop_all(mode="explode"), lambda: bybit.faults.go_silent(0),
                lambda: bybit.faults.rest_errors(0), lambda: bybit.faults.rest_errors(1, "500"),
                lambda: bybit.faults.ws_api_reply("sometimes"), lambda: bybit.faults.delay_replies(-1),
                lambda: bybit.faults.refuse_connections(10_000)):
        with pytest.raises(ValueError):
            bad()
