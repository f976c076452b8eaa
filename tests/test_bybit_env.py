"""The Bybit environment resolver (bitsdk.bybit._env) as the REST and WebSocket clients use it:
hosts per region for REST and streams, precedence, the refusals, site headers on the WebSocket
handshake (checked against a scripted server on 127.0.0.1) and the event-contract stream."""

from __future__ import annotations

import json
import threading
import time
from typing import Any, Dict, List, Tuple
from unittest import mock

import pytest
from websockets.sync.server import serve

from bitsdk.bybit import REGION_URLS, WS_KEY_MAP, RestClientV5, SpotClientV3, WebsocketAPIClient, WebsocketClient
from bitsdk.bybit._env import Environment, resolve_environment
from bitsdk.errors import InvalidParameterError

CLIENTS = [RestClientV5, SpotClientV3, WebsocketClient, WebsocketAPIClient]

# bybit.md §1.2: the live WebSocket host of every region (paths unchanged).
WS_HOSTS = {
    "default": "stream.bybit.com",
    "bytick": "stream.bybit.com",
    "NL": "stream.bybit.com",
    "TK": "stream.bybit.tr",
    "KZ": "stream.bybit.kz",
    "HK": "stream.spark-fintech.com",
    "GE": "stream.bybitgeorgia.ge",
    "UAE": "stream.bybit.com",
    "EU": "stream.bybit.com",
    "ID": "stream.bybit.id",
    "JP": "stream.manepa.jp",
}
PATHS = {
    "v5SpotPublic": "/v5/public/spot",
    "v5LinearPublic": "/v5/public/linear",
    "v5InversePublic": "/v5/public/inverse",
    "v5OptionPublic": "/v5/public/option",
    "v5SpreadPublic": "/v5/public/spread",
    "v5EventPublic": "/v5/public/event",
    "v5Private": "/v5/private",
    "v5PrivateTrade": "/v5/trade",
}


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """Every client here is closed: no bitsdk thread may outlive a test."""
    yield
    deadline = time.monotonic() + 3
    while _bitsdk_threads() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _bitsdk_threads() == []


def _bitsdk_threads() -> List[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("bitsdk-")]


def _error(cls: Any, **options: Any) -> str:
    with pytest.raises(InvalidParameterError) as info:
        cls(**options)
    return str(info.value)


# -- one resolver, one message ------------------------------------------------------------


def test_testnet_with_demo_is_one_message_everywhere() -> None:
    messages = {_error(cls, testnet=True, demo_trading=True) for cls in CLIENTS}
    assert len(messages) == 1
    (message,) = messages
    assert "testnet=True and demo_trading=True cannot be combined" in message and "pick one" in message
    # The override does not make the combination valid either.
    assert _error(RestClientV5, testnet=True, demo_trading=True, base_url="http://127.0.0.1:1") == message
    assert _error(WebsocketClient, testnet=True, demo_trading=True, ws_url="ws://127.0.0.1:1") == message
    assert issubclass(InvalidParameterError, ValueError)


@pytest.mark.parametrize("region, right", [("hk", "HK"), ("ae", "UAE"), ("Jp", "JP"), ("tr", "TK")])
def test_wrong_region_spelling_is_one_message_everywhere(region: str, right: str) -> None:
    messages = {_error(cls, api_region=region) for cls in CLIENTS}
    assert len(messages) == 1
    (message,) = messages
    assert f'write api_region="{right}"' in message and "case-sensitive" in message
    assert all(f'"{key}"' in message for key in REGION_URLS)


def test_site_id_is_checked_everywhere() -> None:
    for cls in CLIENTS:
        assert "x-site-id" in _error(cls, site_id="two\nlines")


def test_environment_values() -> None:
    hk = resolve_environment(api_region="HK", site_id="S1")
    assert hk == Environment(False, False, "HK", "S1")
    assert hk.headers() == {"x-refer-site-id": "HKG", "x-site-id": "S1"}
    assert resolve_environment().headers() == {}
    assert resolve_environment(api_region="JP", testnet=True).rest_url() == "https://api-testnet.manepa.jp"
    assert resolve_environment(api_region="KZ", testnet=True).rest_url() == "https://api-testnet.bybit.com"
    assert resolve_environment(api_region="KZ", demo_trading=True).rest_url() == "https://api-demo.bybit.com"


# -- WebSocket hosts -----------------------------------------------------------------------


@pytest.mark.parametrize("region", sorted(WS_HOSTS))
def test_ws_region_hosts_keep_the_paths(region: str) -> None:
    ws = WebsocketClient(api_region=region)
    for key, path in PATHS.items():
        assert ws.url(key) == f"wss://{WS_HOSTS[region]}{path}"
    api = WebsocketAPIClient(api_region=region)
    assert api.get_ws_client().url("v5PrivateTrade") == f"wss://{WS_HOSTS[region]}/v5/trade"


def test_ws_region_table_covers_every_rest_region() -> None:
    assert set(WS_HOSTS) == set(REGION_URLS)


@pytest.mark.parametrize("region", [None, "HK", "JP", "TK", "EU"])
def test_ws_testnet_and_demo_ignore_the_region(region: Any) -> None:
    testnet = WebsocketClient(testnet=True, api_region=region)
    for key, path in PATHS.items():
        assert testnet.url(key) == f"wss://stream-testnet.bybit.com{path}"
    demo = WebsocketClient(demo_trading=True, api_region=region)
    assert demo.url("v5Private") == "wss://stream-demo.bybit.com/v5/private"
    assert demo.url("v5LinearPublic") == "wss://stream.bybit.com/v5/public/linear"
    assert demo.url("v5EventPublic") == "wss://stream.bybit.com/v5/public/event"
    with pytest.raises(InvalidParameterError, match="no WebSocket API in demo trading"):
        demo.url("v5PrivateTrade")


def test_ws_url_override_wins_over_region() -> None:
    ws = WebsocketClient(api_region="JP", ws_url={"v5Private": "ws://127.0.0.1:1/p"})
    assert ws.url("v5Private") == "ws://127.0.0.1:1/p"
    assert ws.url("v5SpotPublic") == "wss://stream.manepa.jp/v5/public/spot"


# -- the event-contract stream ---------------------------------------------------------------


def test_event_category_routes_to_the_event_stream() -> None:
    assert WS_KEY_MAP.v5EventPublic == "v5EventPublic"
    ws = WebsocketClient(api_key="k", api_secret="s")
    assert ws.url("v5EventPublic") == "wss://stream.bybit.com/v5/public/event"
    assert WebsocketClient(testnet=True).url("v5EventPublic") == "wss://stream-testnet.bybit.com/v5/public/event"
    routed = ws._route_topics(["orderbook.50.BTCUSDT-UP", "publicTrade.BTCUSDT-UP", "order"], "event", False)
    assert routed == {"v5EventPublic": ["orderbook.50.BTCUSDT-UP", "publicTrade.BTCUSDT-UP"], "v5Private": ["order"]}
    with mock.patch.object(ws, "_subscribe_routed") as sub, mock.patch.object(ws, "_unsubscribe_args") as unsub:
        ws.subscribe_v5("tickers.BTCUSDT-UP", "event")
        ws.unsubscribe_v5(["tickers.BTCUSDT-UP"], "event")
    sub.assert_called_once_with({"v5EventPublic": ["tickers.BTCUSDT-UP"]})
    unsub.assert_called_once_with("v5EventPublic", ["tickers.BTCUSDT-UP"])


def test_event_category_casing_is_checked() -> None:
    ws = WebsocketClient()
    with pytest.raises(InvalidParameterError, match='write category="event"'):
        ws.subscribe_v5("tickers.BTCUSDT-UP", "Event")


# -- site headers on the handshake (scripted server on 127.0.0.1) ---------------------------


class HandshakeRecorder:
    """Records each handshake's headers per path; answers Bybit's auth and ping frames."""

    def __init__(self) -> None:
        self.handshakes: List[Tuple[str, Dict[str, str]]] = []
        self._cond = threading.Condition()
        self._server = serve(self._handler, "127.0.0.1", 0, compression=None, ping_interval=None)
        self.port = self._server.socket.getsockname()[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="handshake-server", daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"ws://127.0.0.1:{self.port}{path}"

    def _handler(self, conn: Any) -> None:
        headers = {name.lower(): value for name, value in conn.request.headers.raw_items()}
        with self._cond:
            self.handshakes.append((conn.request.path, headers))
            self._cond.notify_all()
        try:
            for text in conn:
                op = json.loads(text).get("op")
                if op == "auth":
                    conn.send(json.dumps({"success": True, "ret_msg": "", "op": "auth", "conn_id": "x"}))
                elif op == "ping":
                    conn.send(json.dumps({"success": True, "ret_msg": "pong", "op": "ping"}))
        except Exception:
            pass  # the client went away

    def wait(self, count: int) -> List[Tuple[str, Dict[str, str]]]:
        with self._cond:
            assert self._cond.wait_for(lambda: len(self.handshakes) >= count, timeout=5)
            return list(self.handshakes)

    def close(self) -> None:
        self._server.shutdown()
        self._thread.join(5)


@pytest.fixture
def recorder():
    server = HandshakeRecorder()
    yield server
    server.close()


def test_hk_and_site_id_headers_on_every_stream_handshake(recorder: HandshakeRecorder) -> None:
    urls = {"v5LinearPublic": recorder.url("/pub"), "v5Private": recorder.url("/priv")}
    with WebsocketClient(api_key="k", api_secret="s", api_region="HK", site_id="SITE-7", ws_url=urls) as ws:
        ws.connect("v5LinearPublic", timeout=5)
        ws.connect("v5Private", timeout=5)
        seen = recorder.wait(2)
    assert sorted(path for path, _ in seen) == ["/priv", "/pub"]
    for _, headers in seen:
        assert headers["x-refer-site-id"] == "HKG"
        assert headers["x-site-id"] == "SITE-7"


def test_ws_api_client_sends_site_id_on_the_handshake(recorder: HandshakeRecorder) -> None:
    with WebsocketAPIClient(api_key="k", api_secret="s", site_id="BROKER-1",
                            ws_url={"v5PrivateTrade": recorder.url("/trade")}) as api:
        api.connect_ws_api(5)
        (seen,) = recorder.wait(1)
    path, headers = seen
    assert path == "/trade"
    assert headers["x-site-id"] == "BROKER-1" and "x-refer-site-id" not in headers


def test_no_site_headers_by_default(recorder: HandshakeRecorder) -> None:
    with WebsocketClient(api_region="JP", ws_url=recorder.url("/pub")) as ws:
        ws.connect("v5SpotPublic", timeout=5)
        (seen,) = recorder.wait(1)
    headers = seen[1]
    assert "x-site-id" not in headers and "x-refer-site-id" not in headers
