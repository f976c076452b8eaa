"""ccxt's Bitget client, as shipped, runs its basic flows against the loopback (skipped without ccxt)."""

from __future__ import annotations

import pytest

ccxt = pytest.importorskip("ccxt")

ODD_CLIENT_OID = "lb:ccxt/1#2+3 4"


def loopback_ccxt(ex):
    """``ccxt.bitget`` with default options, every API host pointed at the loopback."""
    options = ex.client_options()
    client = ccxt.bitget({"apiKey": options["api_key"], "secret": options["api_secret"],
                          "password": options["api_pass"], "timeout": 5000})
    client.urls["api"] = {name: ex.rest_url for name in client.urls["api"]}
    return client


def test_ccxt_basic_flows(bitget):
    client = loopback_ccxt(bitget)
    markets = client.load_markets()
    assert {"BTC/USDT", "ETH/USDT", "BTC/USDT:USDT", "ETH/USDT:USDT"} <= set(markets)
    spot = client.market("BTC/USDT")
    assert spot["spot"] and spot["active"] and spot["precision"]["price"] == 0.1
    swap = client.market("BTC/USDT:USDT")
    assert swap["swap"] and swap["linear"] and swap["settle"] == "USDT"
    assert {"BTC", "USDT"} <= set(client.currencies)

    balance = client.fetch_balance()
    assert balance["USDT"]["free"] == float(bitget.balances()["USDT"])

    order = client.create_order("BTC/USDT", "limit", "buy", 0.01, 30000)
    assert order["id"]
    [resting] = bitget.orders(open_only=True)
    assert (resting.order_id, resting.symbol, str(resting.price), str(resting.qty)) == (order["id"], "BTCUSDT",
                                                                                          "30000", "0.01")
    cancelled = client.cancel_order(order["id"], "BTC/USDT")
    assert cancelled["id"] == order["id"]
    assert bitget.orders(open_only=True) == []


def test_ccxt_signs_get_queries_bitgets_way(bitget):
    # ccxt signs the decoded query (bitget.md §0.1); values with reserved characters must verify.
    client = loopback_ccxt(bitget)
    placed = client.privateUtaPostV3TradePlaceOrder({
        "category": "SPOT", "symbol": "ETHUSDT", "side": "buy", "orderType": "limit", "qty": "0.1",
        "price": "1000", "clientOid": ODD_CLIENT_OID})
    assert placed["code"] == "00000"
    info = client.privateUtaGetV3TradeOrderInfo({"clientOid": ODD_CLIENT_OID})
    assert info["code"] == "00000" and info["data"]["orderId"] == placed["data"]["orderId"]
