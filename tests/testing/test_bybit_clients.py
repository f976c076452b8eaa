"""Widely used third-party clients run their basic flows against the Bybit loopback unchanged."""

from __future__ import annotations

import pytest


def test_ccxt_bybit_basic_flow(bybit):
    ccxt = pytest.importorskip("ccxt")
    client = ccxt.bybit({"apiKey": bybit.credentials.api_key, "secret": bybit.credentials.api_secret,
                         "timeout": 5000})
    for name in list(client.urls["api"]):  # every REST host ccxt knows points at the loopback
        client.urls["api"][name] = bybit.rest_url

    markets = client.load_markets()
    assert {"BTC/USDT", "BTC/USDT:USDT", "ETH/USDT:USDT"} <= set(markets)
    assert markets["BTC/USDT:USDT"]["precision"]["price"] == 0.1
    assert "USDT" in client.currencies

    balance = client.fetch_balance()
    assert balance["USDT"]["free"] == float(bybit.balances()["USDT"])

    spot = client.create_order("BTC/USDT", "limit", "buy", 0.01, 50000)
    linear = client.create_order("BTC/USDT:USDT", "limit", "sell", 0.01, 70000)
    resting = {o.order_id: o for o in bybit.orders(open_only=True)}
    assert set(resting) == {spot["id"], linear["id"]}
    assert (resting[spot["id"]].category, resting[linear["id"]].category) == ("spot", "linear")

    client.cancel_order(spot["id"], "BTC/USDT")
    client.cancel_order(linear["id"], "BTC/USDT:USDT")
    assert bybit.orders(open_only=True) == []
    assert {o.status for o in bybit.orders()} == {"cancelled"}
