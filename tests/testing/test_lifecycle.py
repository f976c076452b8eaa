"""Start, stop and introspection of the loopback exchange."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
import requests
import websocket

import bitsdk.testing
from bitsdk.testing import Credentials, LoopbackExchange

REPO_ROOT = Path(bitsdk.testing.__file__).resolve().parents[2]


def loopback_threads():
    return [t for t in threading.enumerate() if t.name.startswith("bitsdk-loopback")]


def test_close_is_idempotent_and_leaves_no_threads():
    before = set(threading.enumerate())
    ex = LoopbackExchange("bitget", push_interval=0.05).start()
    assert loopback_threads()
    ex.close()
    ex.close()
    assert not loopback_threads()
    assert set(threading.enumerate()) <= before
    with pytest.raises(RuntimeError):
        ex.start()
    with pytest.raises(RuntimeError):
        ex.rest_url  # noqa: B018 - property access is the test


def test_close_with_clients_connected():
    ex = LoopbackExchange("bybit", push_interval=0.05).start()
    public = websocket.create_connection(ex.ws_url("v5LinearPublic"), timeout=5)
    public.send(json.dumps({"op": "subscribe", "args": ["orderbook.50.BTCUSDT"]}))
    private = websocket.create_connection(ex.ws_url("v5Private"), timeout=5)
    url = ex.rest_url + "/v5/market/time"
    session = requests.Session()
    assert session.get(url, timeout=5).status_code == 200  # leaves an idle keep-alive connection
    assert ex.wait_for(lambda: ex.ws_connection_count() == 2)
    start = time.monotonic()
    ex.close()
    assert time.monotonic() - start < 3
    assert not loopback_threads()
    with pytest.raises(requests.ConnectionError):
        requests.get(url, timeout=1)
    with pytest.raises(websocket.WebSocketConnectionClosedException):
        while True:  # pending pushes, then the close frame
            private.recv()
            if not private.connected:
                raise websocket.WebSocketConnectionClosedException()
    for ws in (public, private):
        ws.close(timeout=0.2)


def test_many_start_stop_cycles():
    for exchange in ("bybit", "bitget") * 3:
        with LoopbackExchange(exchange, push_interval=0.05) as ex:
            ws = websocket.create_connection(next(iter(ex.ws_urls.values())), timeout=5)
            assert ex.wait_for(lambda: ex.ws_connection_count() == 1)
        ws.close(timeout=0.2)
        assert not loopback_threads()


def test_thread_names():
    with LoopbackExchange("bybit") as ex:
        ws = websocket.create_connection(ex.ws_url("v5LinearPublic"), timeout=5)
        assert ex.wait_for(lambda: ex.ws_connection_count() == 1)
        names = [t.name for t in threading.enumerate() if t.name.startswith("bitsdk-loopback-bybit")]
        assert any("-market-" in n for n in names) and any("ws-writer" in n for n in names)
        assert all(t.daemon for t in threading.enumerate() if t.name.startswith("bitsdk-loopback"))
        ws.close(timeout=0.2)


def test_credentials_and_options():
    with LoopbackExchange("bitget") as ex:
        creds = ex.credentials
        assert isinstance(creds, Credentials)
        assert creds.api_pass and creds.rsa_private_key_pem.startswith("-----BEGIN PRIVATE KEY-----")
        assert creds.rsa_public_key_pem.startswith("-----BEGIN PUBLIC KEY-----")
        assert ex.demo_credentials.api_key != creds.api_key
        options = ex.client_options(rsa=True)
        assert options["api_key"] == creds.rsa_api_key and options["api_pass"] == creds.api_pass
        assert "demo_trading" not in options
    with LoopbackExchange("bybit") as ex:
        assert ex.credentials.api_pass is None and "api_pass" not in ex.client_options()


def test_constructor_options():
    with pytest.raises(ValueError):
        LoopbackExchange("binance")
    with pytest.raises(ValueError):
        LoopbackExchange("bybit", push_interval=0)
    with LoopbackExchange("bybit", symbols={"XRPUSDT": "0.5"}) as ex:
        body = requests.get(ex.rest_url + "/v5/market/instruments-info?category=spot", timeout=5).json()
        assert [i["symbol"] for i in body["result"]["list"]] == ["XRPUSDT"]


def test_set_price_fills_resting_orders(bybit, h):
    api = h.BybitRest(bybit.rest_url, bybit.credentials.api_key, bybit.credentials.api_secret)
    api.post("/v5/order/create", {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit",
                                  "qty": "0.01", "price": "59000"})
    bybit.set_price("BTCUSDT", 58000)
    order = bybit.orders()[0]
    assert order.status == "filled" and order.avg_price == Decimal("59000")
    fills = api.get("/v5/execution/list", {"category": "linear"}).json()["result"]["list"]
    assert fills[0]["isMaker"] is True


def test_introspection(bitget, h, ws_factory):
    creds = bitget.credentials
    ws = ws_factory(bitget.ws_url("v3Private"))
    h.bitget_login(ws, creds.api_key, creds.api_secret, creds.api_pass)
    arg = {"instType": "UTA", "topic": "order"}
    ws.request({"op": "subscribe", "args": [arg]}, lambda m: m.get("event") == "subscribe")
    subs = bitget.ws_subscriptions("v3Private")
    assert list(subs.values()) == [[json.dumps(arg, sort_keys=True)]]
    assert bitget.login_count() == 1 and bitget.ws_connection_count("v3Private") == 1
    assert bitget.ws_connection_count("v2Public") == 0


def test_module_entry_point():
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])))
    proc = subprocess.Popen([sys.executable, "-m", "bitsdk.testing", "--exchange", "bybit"],
                            stdout=subprocess.PIPE, text=True, cwd=str(REPO_ROOT), env=env)
    lines: "queue.Queue[str]" = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True)
    reader.start()
    try:
        printed = []
        while not printed or not printed[-1].startswith("Serving"):
            printed.append(lines.get(timeout=20))  # bounded: fails instead of hanging
        info = json.loads("".join(printed[:-1]))
        assert info["exchange"] == "bybit" and info["rest_url"].startswith("http://127.0.0.1:")
        assert requests.get(info["rest_url"] + "/v5/market/time", timeout=5).json()["retCode"] == 0
        assert info["credentials"]["api_key"] and info["client_options"]["base_url"] == info["rest_url"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        reader.join(5)
