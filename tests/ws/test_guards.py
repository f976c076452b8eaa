"""Casing guards, routing, URL tables, key maps and login frames: all checked before any I/O."""

from __future__ import annotations

import json
import logging
from unittest import mock

import pytest
from _helpers import bitsdk_threads

from bitsdk.bitget import _ws as bitget_ws
from bitsdk.bitget._ws import WS_KEY_MAP as BG_KEYS
from bitsdk.bitget._ws import WebsocketAPIClient as BitgetAPI
from bitsdk.bitget._ws import WebsocketClientV2, WebsocketClientV3
from bitsdk.bybit._ws import WS_KEY_MAP as BY_KEYS
from bitsdk.bybit._ws import WebsocketClient, is_ws_orderbook_event_v5
from bitsdk.errors import InvalidParameterError, MissingCredentialsError
from bitsdk.events import Event


def test_key_maps_are_attributes_and_mappings():
    assert BG_KEYS.v3Public == BG_KEYS["v3Public"] == "v3Public"
    assert set(BG_KEYS) == {"v2Public", "v2Private", "v3Public", "v3Private"}
    assert BY_KEYS.v5PrivateTrade == "v5PrivateTrade" and "v5SpreadPublic" in BY_KEYS
    assert BY_KEYS.v5EventPublic == "v5EventPublic"
    with pytest.raises(AttributeError, match="valid keys"):
        _ = BY_KEYS.v5Nope


def test_bybit_urls_live_testnet_demo():
    live = WebsocketClient()
    assert live._url_for("v5SpotPublic") == "wss://stream.bybit.com/v5/public/spot"
    assert live._url_for("v5SpreadPublic") == "wss://stream.bybit.com/v5/public/spread"
    assert live._url_for("v5PrivateTrade") == "wss://stream.bybit.com/v5/trade"
    assert live._url_for("v5EventPublic") == "wss://stream.bybit.com/v5/public/event"
    assert WebsocketClient(api_region="TK")._url_for("v5Private") == "wss://stream.bybit.tr/v5/private"
    test = WebsocketClient(testnet=True)
    assert test._url_for("v5LinearPublic") == "wss://stream-testnet.bybit.com/v5/public/linear"
    assert test._url_for("v5PrivateTrade") == "wss://stream-testnet.bybit.com/v5/trade"
    demo = WebsocketClient(demo_trading=True)
    assert demo._url_for("v5Private") == "wss://stream-demo.bybit.com/v5/private"
    assert demo._url_for("v5LinearPublic") == "wss://stream.bybit.com/v5/public/linear"
    with pytest.raises(InvalidParameterError, match="cannot be combined"):
        WebsocketClient(testnet=True, demo_trading=True)
    override = WebsocketClient(ws_url={"v5Private": "ws://127.0.0.1:1/p"})
    assert override._url_for("v5Private") == "ws://127.0.0.1:1/p"
    assert override._url_for("v5SpotPublic") == "wss://stream.bybit.com/v5/public/spot"
    with pytest.raises(InvalidParameterError, match="valid keys"):
        WebsocketClient(ws_url={"v5Nope": "ws://x"})


def test_bitget_urls_live_and_demo():
    assert WebsocketClientV3()._url_for("v3Private") == "wss://ws.bitget.com/v3/ws/private"
    assert WebsocketClientV2()._url_for("v2Public") == "wss://ws.bitget.com/v2/ws/public"
    assert WebsocketClientV3(demo_trading=True)._url_for("v3Public") == "wss://wspap.bitget.com/v3/ws/public"
    assert WebsocketClientV2(demo_trading=True)._url_for("v2Private") == "wss://wspap.bitget.com/v2/ws/private"


@pytest.fixture
def never_connects():
    """Guards must raise before any connection is even started."""
    with mock.patch("bitsdk._ws.threading.Thread.start", side_effect=AssertionError("a thread was started")):
        yield


def test_bitget_v3_public_instType_is_lower_case(never_connects):
    ws = WebsocketClientV3()
    with pytest.raises(InvalidParameterError, match='write instType="spot"'):
        ws.subscribe({"topic": "ticker", "payload": {"instType": "SPOT", "symbol": "BTCUSDT"}}, "v3Public")
    with pytest.raises(InvalidParameterError, match='instType="usdt-futures"'):
        ws.subscribe({"topic": "books", "payload": {"instType": "USDT-FUTURES", "symbol": "BTCUSDT"}}, "v3Public")
    with pytest.raises(InvalidParameterError, match="v3Private"):
        ws.subscribe({"topic": "order", "payload": {"instType": "UTA"}}, "v3Public")
    with pytest.raises(InvalidParameterError, match="valid keys: v3Public, v3Private"):
        ws.subscribe({"topic": "ticker", "payload": {"instType": "spot"}}, "v2Public")
    with pytest.raises(InvalidParameterError, match="topic"):
        ws.subscribe({"channel": "ticker"}, "v3Public")


def test_bitget_v3_private_instType_is_UTA(never_connects):
    ws = WebsocketClientV3(api_key="k", api_secret="s", api_pass="p")
    with pytest.raises(InvalidParameterError, match='write instType="UTA"'):
        ws.subscribe({"topic": "account", "payload": {"instType": "uta"}}, "v3Private")
    with pytest.raises(InvalidParameterError, match="UTA"):
        ws.subscribe({"topic": "position", "payload": {"instType": "usdt-futures"}}, "v3Private")


def test_bitget_v2_instType_is_upper_case(never_connects):
    ws = WebsocketClientV2()
    with pytest.raises(InvalidParameterError, match='write instType="SPOT"'):
        ws.subscribe_topic("spot", "ticker", "BTCUSDT")
    with pytest.raises(InvalidParameterError, match='write instType="USDT-FUTURES"') as caught:
        ws.subscribe({"topic": "books5", "payload": {"instType": "usdt-futures", "instId": "BTCUSDT"}}, "v2Public")
    assert "SUSDT" not in str(caught.value) and "SCOIN" not in str(caught.value)


def test_bitget_v2_delisted_demo_inst_types(never_connects):
    ws = WebsocketClientV2()
    # A wrongly cased S-form is pointed at the normal product type, never at the S-form.
    with pytest.raises(InvalidParameterError, match="delisted") as caught:
        ws.subscribe_topic("susdt-futures", "ticker", "SBTCSUSDT")
    assert 'write instType="USDT-FUTURES"' in str(caught.value) and "demo_trading=True" in str(caught.value)
    assert '"SUSDT-FUTURES"' not in str(caught.value)
    # The exact legacy spellings still pass (old code keeps running): the guard lets them through.
    for legacy in ("SUSDT-FUTURES", "SCOIN-FUTURES", "SUSDC-FUTURES"):
        ws._check_payload("ticker", {"instType": legacy}, "v2Public")


def test_private_without_credentials_fails_before_connecting(never_connects):
    with pytest.raises(MissingCredentialsError, match="api_key=..., api_secret=..., api_pass=..."):
        WebsocketClientV3().subscribe({"topic": "order", "payload": {}}, "v3Private")
    with pytest.raises(MissingCredentialsError, match="api_key"):
        WebsocketClient().subscribe_v5("order", "linear")


def test_bitget_ws_api_category_and_reduce_only(never_connects):
    api = BitgetAPI(api_key="k", api_secret="s", api_pass="p")
    order = {"symbol": "BTCUSDT", "side": "buy", "orderType": "market", "qty": "1"}
    with pytest.raises(InvalidParameterError, match='write category="spot"'):
        api.submit_new_order("SPOT", order)
    with pytest.raises(InvalidParameterError, match='write category="usdt-futures"'):
        api.cancel_order("USDT-FUTURES", {"orderId": "1"})
    with pytest.raises(InvalidParameterError, match='write category="margin"'):
        api.modify_order({"orderId": "1", "symbol": "BTCUSDT", "price": "1"}, category="MARGIN")
    with pytest.raises(InvalidParameterError, match="place-order needs a category: one of 'spot', 'margin'"):
        api.submit_new_order(None, order)
    with pytest.raises(InvalidParameterError, match="batch-place needs a category"):
        api.get_ws_client().send_ws_api_request("v3Private", "batch-place", None, [order])
    with pytest.raises(InvalidParameterError, match="needs 'orderId' or 'clientOid'"):
        api.cancel_order({"symbol": "BTCUSDT"})
    with pytest.raises(InvalidParameterError, match="needs 'orderId' or 'clientOid'"):
        api.batch_modify_orders([{"orderId": "1", "qty": "2"}, {"symbol": "BTCUSDT", "qty": "2"}])
    with pytest.raises(InvalidParameterError, match=r"cancel_order\(request\), cancel_order\(request, category='spot'\)"):
        api.cancel_order({"orderId": "1"}, "spot")
    with pytest.raises(InvalidParameterError, match="modify_order"):
        api.modify_order("spot", {"orderId": "1"}, category="spot")
    with pytest.raises(InvalidParameterError, match="cancel_batch_orders"):
        api.cancel_batch_orders([{"orderId": "1"}], requests=[{"orderId": "2"}])
    with pytest.raises(InvalidParameterError, match="batch_modify_orders"):
        api.batch_modify_orders()
    with pytest.raises(InvalidParameterError, match='write reduceOnly="YES"'):
        api.submit_new_order("usdt-futures", dict(order, reduceOnly="yes"))
    with pytest.raises(InvalidParameterError, match='reduceOnly="true" is not valid on the Bitget WebSocket API: use one of "YES", "NO"'):
        api.place_batch_orders("usdt-futures", [order, dict(order, reduceOnly=True)])
    with pytest.raises(InvalidParameterError, match="v3Private"):
        api.get_ws_client().send_ws_api_request("v3Public", "place-order", "spot", order)


@pytest.mark.parametrize("window", [9, 60_001, 0, -5, "abc", 1.5, 100.0, True, None, "10.0", " 100", "１００"])
def test_bitget_ws_api_receive_window_range(window, never_connects):
    api = BitgetAPI(api_key="k", api_secret="s", api_pass="p")
    order = {"symbol": "BTCUSDT", "side": "buy", "orderType": "market", "qty": "1"}
    with pytest.raises(InvalidParameterError, match="milliseconds from 10 to 60000"):
        api.send_ws_api_request("place-order", "spot", dict(order, receiveWindow=window))
    if window is not None:
        with pytest.raises(InvalidParameterError, match="receive_window is a whole number of milliseconds"):
            api.send_ws_api_request("place-order", "spot", order, receive_window=window)


@pytest.mark.parametrize("stamp", [0, -1, "1700000000000", 1.7e12])
def test_bitget_ws_api_request_time_type(stamp, never_connects):
    api = BitgetAPI(api_key="k", api_secret="s", api_pass="p")
    order = {"symbol": "BTCUSDT", "side": "buy", "orderType": "market", "qty": "1"}
    with pytest.raises(InvalidParameterError, match="request_time is True"):
        api.send_ws_api_request("place-order", "spot", order, request_time=stamp)


def test_bybit_category_and_depth_guards(never_connects):
    ws = WebsocketClient(api_key="k", api_secret="s")
    with pytest.raises(InvalidParameterError, match='write category="linear"'):
        ws.subscribe_v5("tickers.BTCUSDT", "Linear")
    with pytest.raises(InvalidParameterError, match="needs a category"):
        ws.subscribe_v5("tickers.BTCUSDT")
    with pytest.raises(InvalidParameterError, match="depth 500"):
        ws.subscribe_v5("orderbook.500.BTCUSDT", "linear")
    with pytest.raises(InvalidParameterError, match="25, 100"):
        ws.subscribe_v5("orderbook.50.BTC-30DEC22-18000-C", "option")
    with pytest.raises(InvalidParameterError, match='write category="spot"'):
        ws.send_ws_api_request("v5PrivateTrade", "order.create", {"category": "SPOT"})
    with pytest.raises(InvalidParameterError, match="ops:"):
        ws.send_ws_api_request("v5PrivateTrade", "order.nope", {})
    with pytest.raises(InvalidParameterError, match="v5PrivateTrade"):
        ws.send_ws_api_request("v5Private", "order.create", {})
    from bitsdk.bybit._ws import WebsocketAPIClient

    api = WebsocketAPIClient(api_key="k", api_secret="s")
    with pytest.raises(InvalidParameterError, match='write category="option"'):
        api.batch_submit_orders("OPTION", [{"symbol": "x"}])


def test_bybit_routing_private_topics_ignore_category():
    ws = WebsocketClient(api_key="k", api_secret="s")
    routed = ws._route_topics(["order", "wallet", "tickers.BTCUSDT"], "spot", False)
    assert routed == {"v5Private": ["order", "wallet"], "v5SpotPublic": ["tickers.BTCUSDT"]}
    assert ws._route_topics("spread.order", None, True) == {"v5Private": ["spread.order"]}
    assert ws._route_topics("tickers.X", "spread", False) == {"v5SpreadPublic": ["tickers.X"]}
    assert ws._route_topics("tickers.X", "event", False) == {"v5EventPublic": ["tickers.X"]}


def test_bybit_login_frame_matches_spec_vector():
    ws = WebsocketClient(api_key="TESTKEY123", api_secret="TESTSECRET456", recv_window=5000)
    with mock.patch("bitsdk._ws.time.time_ns", return_value=1_700_000_000_000 * 1_000_000):
        frame = json.loads(ws._login_frame("v5Private"))
    assert frame["op"] == "auth"
    assert frame["args"] == [
        "TESTKEY123",
        1700000005000,
        "125d5f55fbb653f9100cbc0c07b413d6e5482740f9474d28fa6f7896dc05004b",
    ]
    ws.set_time_offset_ms(-1000)
    with mock.patch("bitsdk._ws.time.time_ns", return_value=1_700_000_000_000 * 1_000_000):
        assert json.loads(ws._login_frame("v5Private"))["args"][1] == 1700000004000


def test_bitget_login_frame_matches_spec_vector():
    ws = WebsocketClientV3(api_key="key", api_secret="test-secret", api_pass="pass")
    with mock.patch("bitsdk._ws.time.time_ns", return_value=1_700_000_000_000 * 1_000_000):
        frame = json.loads(ws._login_frame("v3Private"))
    assert frame == {
        "op": "login",
        "args": [{"apiKey": "key", "passphrase": "pass", "timestamp": 1700000000,
                  "sign": "QKXMEacdjBcrVZaxWVJypn62KNrQGzBErbiQtYn6KO8="}],
    }


def test_secrets_never_in_logs_or_reprs(bitget_fake, caplog):
    from _helpers import FAST, Recorder

    secret, passphrase = "test-secret", "test-pass"
    caplog.set_level(logging.DEBUG, logger="bitsdk")
    with WebsocketClientV3(**bitget_fake.client_options(WebsocketClientV3.WS_KEYS), **FAST) as ws:
        rec = Recorder(ws)
        ws.subscribe({"topic": "order", "payload": {"instType": "UTA"}}, "v3Private")
        rec.wait_for(lambda r: r.count("authenticated") == 1)
        bitget_fake.faults.reject_next_login()
        bitget_fake.faults.drop_all()
        rec.wait_for(lambda r: r.count("exception") >= 1)
        text = caplog.text + repr(ws) + "".join(repr(e) + str(e.error) for e in rec.events)
    login = [f for f in bitget_fake.frames("v3Private") if isinstance(f, dict) and f.get("op") == "login"][0]
    for needle in (secret, passphrase, login["args"][0]["sign"]):
        assert needle not in text


def test_orderbook_event_guard():
    data = {"topic": "orderbook.50.BTCUSDT", "type": "delta", "data": {}}
    assert is_ws_orderbook_event_v5(data)
    assert is_ws_orderbook_event_v5(Event("update", "v5LinearPublic", data))
    assert not is_ws_orderbook_event_v5({"topic": "tickers.BTCUSDT", "type": "snapshot"})
    assert not is_ws_orderbook_event_v5(None)


def test_bad_options_rejected():
    with pytest.raises(InvalidParameterError):
        WebsocketClient(reconnect_backoff=(5, 1))
    with pytest.raises(InvalidParameterError):
        WebsocketClient(ping_interval=0)
    with pytest.raises(InvalidParameterError, match="proxy"):
        WebsocketClient(proxies={"https": "ftp://x:1"})
    assert bitsdk_threads() == []


def test_proxy_options_translated():
    from bitsdk._ws import _proxy_options

    assert _proxy_options({"https": "http://u:p%40ss@proxy:3128"}) == {
        "http_proxy_host": "proxy", "http_proxy_port": 3128, "proxy_type": "http", "http_proxy_auth": ("u", "p@ss")
    }
    assert _proxy_options("socks5h://127.0.0.1:9050")["proxy_type"] == "socks5h"
    assert bitget_ws  # module imported lazily by the package
