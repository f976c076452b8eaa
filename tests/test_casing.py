"""One casing rule set, one check, one message: REST and WebSocket say the same thing.

Every refusal here happens before anything is sent: REST calls run inside an empty
``responses`` mock (any request would fail it) and the WebSocket checks never start a thread.
"""

from __future__ import annotations

import re
from typing import Any, Callable
from unittest import mock

import pytest
import responses

from bitsdk import _casing, errors
from bitsdk.bitget import RestClientV2, RestClientV3, WebsocketClientV2, WebsocketClientV3
from bitsdk.bitget import WebsocketAPIClient as BitgetWsApi
from bitsdk.bybit import RestClientV5, WebsocketClient
from bitsdk.bybit import WebsocketAPIClient as BybitWsApi

#: The one message shape for a wrong case, on every surface.
CASE_MESSAGE = re.compile(
    r'^(?P<name>\w+)="(?P<given>[^"]*)" is not valid on (?P<surface>.+): the spelling is case-sensitive, '
    r'write (?P=name)="(?P<right>[^"]*)" \(one of (?P<options>.+)\)$'
)


@pytest.fixture
def offline():
    """No HTTP request and no WebSocket thread may start."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps, \
            mock.patch("threading.Thread.start", side_effect=AssertionError("a thread was started")):
        yield rsps
    assert not rsps.calls


def _bitget_api() -> BitgetWsApi:
    return BitgetWsApi("k", "s", "p")


ORDER = {"symbol": "BTCUSDT", "side": "buy", "orderType": "market", "qty": "1"}

CASES = [
    # (call, rules table, name, given, right)
    (lambda: RestClientV3().get_tickers(category="spot"), _casing.BITGET_V3_REST, "category", "spot", "SPOT"),
    (lambda: RestClientV3().get_tickers(category="SPOT", reduceOnly="YES"), _casing.BITGET_V3_REST,
     "reduceOnly", "YES", "yes"),
    (lambda: RestClientV2().futures_submit_order(productType="USDT-FUTURES", reduceOnly="yes"),
     _casing.BITGET_V2_REST, "reduceOnly", "yes", "YES"),
    (lambda: RestClientV2().get_futures_ticker(productType="usdt-futures", symbol="BTCUSDT"),
     _casing.BITGET_V2_REST, "productType", "usdt-futures", "USDT-FUTURES"),
    (lambda: RestClientV2("k", "s", "p").get_margin_max_borrowable("Crossed", coin="USDT"),
     _casing.BITGET_V2_REST, "marginType", "Crossed", "crossed"),
    (lambda: WebsocketClientV3().subscribe({"topic": "ticker", "payload": {"instType": "SPOT"}}, "v3Public"),
     _casing.BITGET_V3_PUBLIC_STREAMS, "instType", "SPOT", "spot"),
    (lambda: WebsocketClientV3("k", "s", "p").subscribe({"topic": "account", "payload": {"instType": "uta"}},
                                                        "v3Private"),
     _casing.BITGET_V3_PRIVATE_STREAMS, "instType", "uta", "UTA"),
    (lambda: WebsocketClientV2().subscribe_topic("spot", "ticker", "BTCUSDT"), _casing.BITGET_V2_STREAMS,
     "instType", "spot", "SPOT"),
    (lambda: _bitget_api().submit_new_order("SPOT", ORDER), _casing.BITGET_WS_API, "category", "SPOT", "spot"),
    (lambda: _bitget_api().submit_new_order("spot", dict(ORDER, reduceOnly="yes")), _casing.BITGET_WS_API,
     "reduceOnly", "yes", "YES"),
    (lambda: RestClientV5().get_tickers(category="LINEAR"), _casing.BYBIT_V5_REST, "category", "LINEAR", "linear"),
    (lambda: WebsocketClient().subscribe_v5("tickers.BTCUSDT", "Spread"), _casing.BYBIT_V5_STREAMS,
     "category", "Spread", "spread"),
    (lambda: BybitWsApi("k", "s").batch_submit_orders("Linear", [{"symbol": "BTCUSDT"}]), _casing.BYBIT_WS_API,
     "category", "Linear", "linear"),
    (lambda: BybitWsApi("k", "s").submit_new_order(category="SPOT", symbol="BTCUSDT"), _casing.BYBIT_WS_API,
     "category", "SPOT", "spot"),
]


@pytest.mark.parametrize("call, rules, name, given, right", CASES)
def test_every_surface_says_the_same_thing(
    call: Callable[[], Any], rules: _casing.Rules, name: str, given: str, right: str, offline: Any
) -> None:
    with pytest.raises(errors.InvalidParameterError) as caught:
        call()
    found = CASE_MESSAGE.match(str(caught.value))
    assert found, str(caught.value)
    assert (found["name"], found["given"], found["right"], found["surface"]) == (name, given, right, rules.surface)
    allowed = rules.choices.get(name) or rules.path_choices.get(name) or _casing.BITGET_FUTURES_PRODUCT_TYPES
    assert found["options"] == ", ".join(f'"{value}"' for value in allowed)


def test_rest_and_ws_share_the_tables() -> None:
    assert RestClientV3.SURFACE == _casing.BITGET_V3_REST.surface
    assert RestClientV3.PARAM_CHOICES is _casing.BITGET_V3_REST.choices
    assert RestClientV2.PATH_PARAM_CHOICES is _casing.BITGET_V2_REST.path_choices
    assert RestClientV5.PARAM_CHOICES["category"] == _casing.BYBIT_CATEGORIES
    # The stream and WS API tables build on the same vocabulary where the exchange does.
    assert set(_casing.BYBIT_CATEGORIES) < set(_casing.BYBIT_V5_STREAMS.choices["category"])
    assert _casing.BYBIT_WS_API.choices["category"] == _casing.BYBIT_CATEGORIES


def test_an_unknown_value_lists_the_choices() -> None:
    with pytest.raises(errors.InvalidParameterError) as caught:
        _casing.BITGET_V3_REST.check("category", "OPTIONS")
    assert str(caught.value) == (
        'category="OPTIONS" is not valid on Bitget V3 REST: use one of "SPOT", "MARGIN", "USDT-FUTURES", '
        '"USDC-FUTURES", "COIN-FUTURES"'
    )


@pytest.mark.parametrize(
    "value, shown",
    [
        (True, 'reduceOnly="true"'),
        (1, 'reduceOnly="1"'),
        (None, 'reduceOnly="None"'),
        (["yes"], "reduceOnly=\"['yes']\""),
        ({"a": 1}, "reduceOnly=\"{'a': 1}\""),
        ("y" * 500, 'reduceOnly="' + "y" * 60 + '"'),
    ],
)
def test_hostile_values_are_refused_with_a_short_message(value: Any, shown: str) -> None:
    with pytest.raises(errors.InvalidParameterError) as caught:
        _casing.BITGET_V3_REST.check("reduceOnly", value)
    message = str(caught.value)
    assert message.startswith(shown + " is not valid on Bitget V3 REST: use one of")
    assert len(message) < 200


def test_a_string_subclass_passes_when_equal() -> None:
    class Text(str):
        pass

    assert _casing.BITGET_V3_REST.check("category", Text("SPOT")) == "SPOT"


@pytest.mark.parametrize("rules", [_casing.BITGET_V2_REST, _casing.BITGET_V2_STREAMS])
def test_v2_product_types_one_rule_for_rest_and_streams(rules: _casing.Rules) -> None:
    allowed = _casing.BITGET_FUTURES_PRODUCT_TYPES

    def check(value: Any, strict: bool = False) -> Any:
        return _casing.check_product_type(rules, "productType", value, allowed, strict=strict)

    # Outside the endpoints whose full list is known, an unknown upper-case value passes...
    assert check("NEW-FUTURES") == "NEW-FUTURES"
    # ...but a wrong case never does, known value or not.
    with pytest.raises(errors.InvalidParameterError, match='write productType="USDT-FUTURES"'):
        check("Usdt-Futures")
    with pytest.raises(errors.InvalidParameterError, match='write productType="NEW-FUTURES"'):
        check("new-futures")
    with pytest.raises(errors.InvalidParameterError, match="use one of"):
        check("NEW-FUTURES", strict=True)
    # The delisted S-prefixed demo types: exact spellings pass (old code keeps running), a wrong
    # case is pointed at today's product type, never at the S-form.
    for legacy in _casing.LEGACY_DEMO_PRODUCT_TYPES:
        assert check(legacy, strict=True) == legacy
    with pytest.raises(errors.InvalidParameterError) as caught:
        check("susdt-futures")
    assert "delisted" in str(caught.value) and 'write productType="USDT-FUTURES"' in str(caught.value)
    assert rules.surface in str(caught.value)
    assert check(None) is None


def test_ws_casing_modules_no_longer_carry_their_own_check() -> None:
    import bitsdk.bitget._ws as bitget_ws
    import bitsdk.bybit._ws as bybit_ws

    assert not hasattr(bitget_ws, "check_choice") and not hasattr(bybit_ws, "check_choice")
