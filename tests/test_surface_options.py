"""Every public client, REST and WebSocket, side by side: the same explicit signature policy,
one vocabulary (a name means one type everywhere), every option documented, every option of
a WebSocket API client reaching its stream client, and one :class:`~bitsdk.Clock` for REST and
WebSocket timestamps.

Nothing here opens a socket: constructors do no I/O, REST calls go to ``responses``, and
login and command frames are built without connecting.
"""

from __future__ import annotations

import inspect
import json
import logging
import queue
import re
import typing
from typing import Any, Dict, List, Tuple
from unittest import mock

import pytest
import responses

import bitsdk
from bitsdk import errors
from bitsdk._clock import Clock
from bitsdk._ws import BaseWebsocketClient, Dispatcher
from bitsdk.bitget import RestClientV2, RestClientV3, WebsocketClientV2, WebsocketClientV3
from bitsdk.bitget import WebsocketAPIClient as BitgetWsApi
from bitsdk.bybit import RestClientV5, SpotClientV3, WebsocketClient
from bitsdk.bybit import WebsocketAPIClient as BybitWsApi

REST = [RestClientV3, RestClientV2, RestClientV5, SpotClientV3]
WS = [WebsocketClientV3, WebsocketClientV2, BitgetWsApi, WebsocketClient, BybitWsApi]
CLIENTS = REST + WS
CREDENTIALS = {cls: ("api_key", "api_secret", "api_pass") for cls in (RestClientV3, RestClientV2, *WS[:3])}
CREDENTIALS.update({cls: ("api_key", "api_secret") for cls in (RestClientV5, SpotClientV3, *WS[3:])})
#: WebSocket API client -> the stream client it builds from its options.
STREAM_OF = {BitgetWsApi: WebsocketClientV3, BybitWsApi: WebsocketClient}
SECRET = "s3cr3t-value-never-shown"
FROZEN_MS = 1_700_000_000_000


def _options(cls: type) -> List[inspect.Parameter]:
    return list(inspect.signature(cls).parameters.values())


def _hints(cls: type) -> Dict[str, Any]:
    # The annotations resolved (the modules use `from __future__ import annotations`), so
    # Optional[Mapping[str, str]] written two ways still compares equal.
    return typing.get_type_hints(inspect.unwrap(cls.__init__))


# -- one signature policy ----------------------------------------------------------------------


@pytest.mark.parametrize("cls", CLIENTS, ids=lambda c: f"{c.__module__.split('.')[1]}.{c.__name__}")
def test_every_option_is_explicit_typed_defaulted_and_keyword_only(cls: type) -> None:
    params = _options(cls)
    assert not [p for p in params if p.kind in (inspect.Parameter.VAR_KEYWORD, inspect.Parameter.VAR_POSITIONAL)]
    hints = _hints(cls)
    for param in params:
        assert param.name in hints, f"{cls.__name__}({param.name}=) has no annotation"
        assert param.default is not inspect.Parameter.empty, f"{cls.__name__}({param.name}=) has no default"
    positional = tuple(p.name for p in params if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD)
    keyword_only = [p.name for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY]
    # Credentials first and positional, in order; everything else keyword-only.
    assert positional == CREDENTIALS[cls]
    assert [p.name for p in params] == [*positional, *keyword_only]


def test_a_name_means_one_type_on_every_client() -> None:
    seen: Dict[str, Dict[Any, List[str]]] = {}
    for cls in CLIENTS:
        for name, hint in _hints(cls).items():
            seen.setdefault(name, {}).setdefault(hint, []).append(cls.__name__)
    # The one deliberate exception: Bitget REST has no receive window, so its recv_window=
    # takes only None (anything else raises saying so); everywhere else it is milliseconds.
    recv = seen.pop("recv_window")
    assert set(recv) == {int, type(None)} and sorted(recv[type(None)]) == ["RestClientV2", "RestClientV3"]
    mixed = {name: types for name, types in seen.items() if len(types) > 1}
    assert not mixed, mixed
    # The shared vocabulary is really shared (not just absent from one side).
    for name in ("logger", "proxies", "base_url", "ws_url", "demo_trading", "api_key", "api_secret", "clock"):
        assert sum(len(v) for v in seen[name].values()) == len(CLIENTS), name
    assert seen["proxies"] == {typing.Optional[typing.Mapping[str, str]]: [c.__name__ for c in CLIENTS]}
    assert seen["logger"] == {typing.Optional[logging.Logger]: [c.__name__ for c in CLIENTS]}
    assert seen["clock"] == {typing.Optional[Clock]: [c.__name__ for c in CLIENTS]}
    # Seconds are floats; REST's timeout alone may also be a (connect, read) pair.
    assert seen["connect_timeout"] == {float: [c.__name__ for c in WS]}
    assert set(seen["timeout"]) == {typing.Union[float, typing.Tuple[float, float]]}


@pytest.mark.parametrize("cls", WS, ids=lambda c: f"{c.__module__.split('.')[1]}.{c.__name__}")
def test_ws_clients_spell_out_every_engine_option(cls: type) -> None:
    engine = {p.name for p in _options(BaseWebsocketClient)} - {"api_pass"}
    assert engine - {p.name for p in _options(cls)} == set()


@pytest.mark.parametrize("api, stream", list(STREAM_OF.items()), ids=["bitget", "bybit"])
def test_a_ws_api_client_takes_exactly_its_stream_clients_options(api: type, stream: type) -> None:
    assert inspect.signature(api) == inspect.signature(stream)  # names, kinds, annotations, defaults
    assert _hints(api) == _hints(stream)


# -- every option arrives ------------------------------------------------------------------------


def _every_option(exchange: str) -> Dict[str, Any]:
    return {
        "recv_window": 1234 if exchange == "bybit" else 7,
        "ws_url": "ws://127.0.0.1:9",
        "base_url": "http://127.0.0.1:9",
        "ping_interval": 3.0,
        "pong_timeout": 4.0,
        "reconnect_backoff": (1.0, 2.0),
        "connect_timeout": 5.0,
        "command_timeout": 6.0,
        "subscribe_timeout": 7.0,
        "max_topics_per_connection": 8,
        "max_backlog": 9,
        "overflow": "recycle",
        "dispatcher": Dispatcher("test-shared"),
        "event_queue": queue.Queue(),
        "proxies": {"https": "http://127.0.0.1:3128"},
        "logger": logging.getLogger("test.surface"),
        "clock": Clock(offset_ms=42),
    }


@pytest.mark.parametrize("cls", WS, ids=lambda c: f"{c.__module__.split('.')[1]}.{c.__name__}")
def test_every_option_reaches_the_engine(cls: type) -> None:
    exchange = cls.__module__.split(".")[1]
    given = _every_option(exchange)
    client = cls(**given)
    engine = client.get_ws_client() if cls in STREAM_OF else client
    try:
        assert engine._recv_window == given["recv_window"]
        assert engine._ws_url == given["ws_url"]
        assert (engine._ping_interval, engine._pong_timeout) == (3.0, 4.0)
        assert engine._backoff == (1.0, 2.0)
        assert (engine._connect_timeout, engine._command_timeout, engine._subscribe_timeout) == (5.0, 6.0, 7.0)
        assert engine._max_topics == 8
        stats = engine.stats()
        assert (stats["max_backlog"], stats["overflow_policy"]) == (9, "recycle")
        assert engine._dispatcher is given["dispatcher"] and engine._event_queue is given["event_queue"]
        assert engine._proxy_options["http_proxy_host"] == "127.0.0.1"
        assert engine._logger is given["logger"] and engine.clock is given["clock"]
    finally:
        client.close()
        given["dispatcher"].close(1.0)


@pytest.mark.parametrize("cls", WS, ids=lambda c: f"{c.__module__.split('.')[1]}.{c.__name__}")
def test_ws_defaults_are_the_exchange_defaults(cls: type) -> None:
    client = cls()
    engine = client.get_ws_client() if cls in STREAM_OF else client
    try:
        ping = 25.0 if isinstance(engine, WebsocketClientV3) or isinstance(engine, WebsocketClientV2) else 20.0
        assert engine._ping_interval == inspect.signature(cls).parameters["ping_interval"].default == ping
        assert engine._recv_window == inspect.signature(cls).parameters["recv_window"].default
        assert engine._max_topics == inspect.signature(cls).parameters["max_topics_per_connection"].default
    finally:
        client.close()


# -- every option documented ---------------------------------------------------------------------


@pytest.mark.parametrize("cls", CLIENTS, ids=lambda c: f"{c.__module__.split('.')[1]}.{c.__name__}")
def test_the_constructor_docstring_has_a_line_per_option(cls: type) -> None:
    doc = inspect.getdoc(cls.__init__) or ""
    args = doc.split("Args:", 1)[1].split("Raises:", 1)[0]
    documented = set(re.findall(r"^    (\w+):", args, re.MULTILINE))
    assert [p.name for p in _options(cls) if p.name not in documented] == []
    assert "positional" in doc and "UnknownOptionError" in doc


# -- option values --------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", CLIENTS, ids=lambda c: f"{c.__module__.split('.')[1]}.{c.__name__}")
def test_proxies_is_a_dict_everywhere_and_a_url_is_never_echoed(cls: type) -> None:
    with pytest.raises(errors.InvalidParameterError) as caught:
        cls(proxies="http://user:hunter2@proxy:3128")
    message = str(caught.value)
    assert message.startswith('proxies must be a dict such as {"https": "http://proxy:3128"}')
    assert "hunter2" not in message


@pytest.mark.parametrize("cls", CLIENTS, ids=lambda c: f"{c.__module__.split('.')[1]}.{c.__name__}")
def test_clock_must_be_a_clock(cls: type) -> None:
    with pytest.raises(errors.InvalidParameterError) as caught:
        cls(clock=5)
    assert str(caught.value) == "clock must be a bitsdk.Clock (another client's .clock, say), got a int"


@pytest.mark.parametrize("cls", REST, ids=lambda c: c.__name__)
@pytest.mark.parametrize("option", [{"time_offset_ms": 5}, {"time_sync_interval": 60.0}])
def test_a_rest_clock_is_not_combined_with_its_own_offset_options(cls: type, option: Dict[str, Any]) -> None:
    with pytest.raises(errors.InvalidParameterError, match="set them on the Clock"):
        cls(clock=Clock(), **option)


def test_ws_time_offset_takes_whole_milliseconds() -> None:
    with WebsocketClient() as ws:
        with pytest.raises(errors.InvalidParameterError, match="offset_ms must be an int of milliseconds, got a str"):
            ws.set_time_offset_ms("5")  # type: ignore[arg-type]
        ws.set_time_offset_ms(-250)
        assert ws.get_time_offset_ms() == ws.clock.offset_ms == -250


# -- one clock for REST and WebSocket -------------------------------------------------------------


def test_clock_is_public_and_each_ws_client_has_its_own_by_default() -> None:
    assert bitsdk.Clock is Clock
    a, b = WebsocketClient(), WebsocketClientV3()
    assert isinstance(a.clock, Clock) and a.clock is not b.clock
    a.set_time_offset_ms(100)
    assert b.get_time_offset_ms() == 0
    a.close()
    b.close()


def _bybit_time(server_ms: int) -> Dict[str, Any]:
    return {"retCode": 0, "retMsg": "OK", "result": {"timeSecond": str(server_ms // 1000),
                                                     "timeNano": str(server_ms * 1_000_000)},
            "retExtInfo": {}, "time": server_ms}


def test_a_rest_sync_corrects_the_ws_login_and_commands_sharing_its_clock() -> None:
    rest = RestClientV5("k", SECRET, proxies={})
    ws = WebsocketClient("k", SECRET, clock=rest.clock)
    api = BybitWsApi("k", SECRET, clock=rest.clock)
    with mock.patch("bitsdk._http.now_ms", return_value=FROZEN_MS), responses.RequestsMock() as rsps:
        rsps.add(responses.GET, "https://api.bybit.com/v5/market/time", json=_bybit_time(FROZEN_MS + 600_000))
        assert rest.sync_time(samples=1) == 600_000
        assert ws.get_time_offset_ms() == api.get_ws_client().get_time_offset_ms() == 600_000
        assert ws.timestamp_ms() == rest.timestamp_ms() == FROZEN_MS + 600_000
        _, expires, _ = json.loads(ws._login_frame("v5Private"))["args"]
        assert expires == FROZEN_MS + 600_000 + 5000  # clock + offset + recv_window
        sent: List[Tuple[Any, ...]] = []
        engine = api.get_ws_client()
        with mock.patch.object(engine, "_send_command", side_effect=lambda *a: sent.append(a)):
            api.send_ws_api_request("order.create", {"category": "linear", "symbol": "BTCUSDT"})
        frame = sent[0][4]
        assert frame["header"]["X-BAPI-TIMESTAMP"] == str(FROZEN_MS + 600_000)
    # And the other way: an offset set on the WebSocket client signs REST requests too.
    ws.set_time_offset_ms(-1000)
    assert rest.get_time_offset_ms() == -1000
    for client in (rest, ws, api):
        client.close()


def test_a_ws_clock_can_be_given_to_rest_and_syncs_it_lazily() -> None:
    # The other direction: a Clock made first (with a sync interval) and given to both; the
    # REST client syncs it before its first signed request, and the stream login follows.
    clock = Clock(sync_interval=3600.0, local_ms=lambda: FROZEN_MS)
    ws = WebsocketClient("k", SECRET, clock=clock)
    rest = RestClientV5("k", SECRET, proxies={}, clock=clock)
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, "https://api.bybit.com/v5/market/time", json=_bybit_time(FROZEN_MS - 3_000))
        rsps.add(responses.GET, "https://api.bybit.com/v5/account/wallet-balance",
                 json={"retCode": 0, "retMsg": "OK", "result": {}, "retExtInfo": {}, "time": 1})
        rest.get_wallet_balance(accountType="UNIFIED")
        assert rsps.calls[-1].request.headers["X-BAPI-TIMESTAMP"] == str(FROZEN_MS - 3_000)
    _, expires, _ = json.loads(ws._login_frame("v5Private"))["args"]
    assert expires == FROZEN_MS - 3_000 + 5000
    rest.close()
    ws.close()


def test_bitget_login_uses_the_shared_clock() -> None:
    clock = Clock(offset_ms=2_500, local_ms=lambda: FROZEN_MS)
    rest = RestClientV3("k", SECRET, "p", proxies={})
    ws = WebsocketClientV3("k", SECRET, "p", clock=clock, recv_window=0)
    api = BitgetWsApi("k", SECRET, "p", clock=rest.clock)
    login = json.loads(ws._login_frame("v3Private"))["args"][0]
    assert login["timestamp"] == (FROZEN_MS + 2_500 + 500) // 1000  # seconds, rounded half up
    rest.set_time_offset_ms(7)
    assert api.get_ws_client().get_time_offset_ms() == 7
    for client in (rest, ws, api):
        client.close()


# -- one casing vocabulary ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make, symbol, message",
    [
        (WebsocketClient, None, 'symbol=None is not valid on Bybit V5 streams: write a symbol such as symbol="BTCUSDT"'),
        (WebsocketClientV3, "btcusdt",
         'symbol="btcusdt" is not valid on Bitget V3 public streams: the spelling is case-sensitive, write symbol="BTCUSDT"'),
        (WebsocketClientV2, " ", 'inst_id=" " is not valid on Bitget V2 streams: write a symbol such as inst_id="BTCUSDT"'),
    ],
)
def test_book_symbols_are_checked_in_the_casing_style(make: type, symbol: Any, message: str) -> None:
    args = {WebsocketClient: ("spot", 50), WebsocketClientV3: ("spot",), WebsocketClientV2: ("SPOT",)}[make]
    with make() as ws:
        with pytest.raises(errors.InvalidParameterError) as caught:
            ws.order_book(symbol, *args)
    assert str(caught.value) == message


def test_account_categories_use_the_casing_module() -> None:
    from bitsdk.bybit._account import BybitAccount

    with pytest.raises(errors.InvalidParameterError) as caught:
        BybitAccount(["Linear"], None)
    assert str(caught.value).startswith('categories="Linear" is not valid on AccountState for Bybit (lower-case categories): '
                                        'the spelling is case-sensitive, write categories="linear"')
