"""Bad input over both exchanges: refused with a message naming the parameter, nothing sent.

Each row is one bad value (or name); each is tried on several methods of Bybit V5, Bitget V3
and Bitget V2, GET and POST, inside ``responses`` with nothing registered, so any request that
got out would show up in ``rsps.calls``.
"""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
import responses

from bitsdk import errors
from bitsdk.bitget import RestClientV2, RestClientV3
from bitsdk.bybit import RestClientV5

KEY, SECRET, PASS = "key-0123456789", "secret-abcdefabcdef", "pass-phrase-42"


def bybit():
    return RestClientV5(KEY, SECRET, proxies={})


def bitget_v3():
    return RestClientV3(KEY, SECRET, PASS, proxies={})


def bitget_v2():
    return RestClientV2(KEY, SECRET, PASS, proxies={})


# (client factory, method, verb, valid parameters the bad one is added to)
METHODS = [
    (bybit, "get_tickers", "GET", {"category": "linear"}),
    (bybit, "get_kline", "GET", {"category": "linear", "interval": "1"}),
    (bybit, "submit_order", "POST", {"category": "linear", "side": "Buy", "orderType": "Limit"}),
    (bitget_v3, "get_tickers", "GET", {"category": "SPOT"}),
    (bitget_v3, "submit_new_order", "POST", {"category": "SPOT", "side": "buy", "orderType": "limit"}),
    (bitget_v2, "spot_submit_order", "POST", {"side": "buy", "orderType": "limit", "force": "gtc"}),
]
METHOD_IDS = [f"{factory.__name__}.{name}" for factory, name, _, _ in METHODS]

# (parameter name, bad value, words the message must contain)
BAD_VALUES = [
    ("qty", float("nan"), "finite"),
    ("qty", float("inf"), "finite"),
    ("price", -float("inf"), "finite"),
    ("qty", Decimal("NaN"), "finite"),
    ("price", Decimal("-Infinity"), "finite"),
    ("symbol", b"BTCUSDT", "pass text, not bytes: 'BTCUSDT'"),
    ("symbol", bytearray(b"BTCUSDT"), "not bytes"),
    ("symbol", {"BTCUSDT", "ETHUSDT"}, "pass a list"),
    ("startTime", datetime.datetime(2024, 1, 1), "epoch milliseconds"),
    ("symbol", object(), "pass a str, int, float, Decimal or bool"),
    ("qty", 1 + 2j, "cannot be sent"),
]


@pytest.mark.parametrize("factory, name, verb, base", METHODS, ids=METHOD_IDS)
@pytest.mark.parametrize("param, value, words", BAD_VALUES, ids=lambda v: type(v).__name__)
def test_bad_values_are_refused_before_sending(factory, name, verb, base, param, value, words):
    client = factory()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        with pytest.raises(errors.InvalidParameterError) as caught:
            getattr(client, name)({**base, "symbol": "BTCUSDT", param: value})
        assert len(rsps.calls) == 0
    message = str(caught.value)
    assert f"{name}()" in message and f"parameter {param}=" in message
    assert words in message and "nothing was sent" in message


BAD_NESTED = [
    ({"symbol": "BTCUSDT", "filter": {"qty": float("nan")}}, "filter.qty"),
    ({"symbol": "BTCUSDT", "orderList": [{"qty": "1"}, {"qty": b"2"}]}, "orderList[1].qty"),
    ({"symbol": "BTCUSDT", "orderList": [{"qty": Decimal("sNaN")}]}, "orderList[0].qty"),
]


@pytest.mark.parametrize("factory, name, verb, base", [m for m in METHODS if m[2] == "POST"],
                         ids=[i for i, m in zip(METHOD_IDS, METHODS) if m[2] == "POST"])
@pytest.mark.parametrize("params, where", BAD_NESTED, ids=lambda v: str(v)[:20])
def test_bad_values_inside_bodies_are_named_by_their_path(factory, name, verb, base, params, where):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        with pytest.raises(errors.InvalidParameterError, match=re.escape(f"parameter {where}=")):
            getattr(factory(), name)({**base, **params})
        assert len(rsps.calls) == 0


@pytest.mark.parametrize("factory, name, verb, base", [m for m in METHODS if m[2] == "GET"],
                         ids=[i for i, m in zip(METHOD_IDS, METHODS) if m[2] == "GET"])
@pytest.mark.parametrize(
    "value, words",
    [({"a": 1}, "cannot be a dict"), (["BTCUSDT", None], "without None"), ([["a"]], "nested")],
    ids=["dict", "list-with-None", "nested-list"],
)
def test_query_values_must_be_flat(factory, name, verb, base, value, words):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        with pytest.raises(errors.InvalidParameterError, match=words):
            getattr(factory(), name)({**base, "symbol": value})
        assert len(rsps.calls) == 0


@pytest.mark.parametrize("factory, name, verb, base", METHODS, ids=METHOD_IDS)
@pytest.mark.parametrize("bad_name", ["sym bol", "a&b=c", "x=1", "frag#", "q?", "tab\tname", "nl\nname", "\x00", ""])
def test_bad_parameter_names_are_refused(factory, name, verb, base, bad_name):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        with pytest.raises(errors.InvalidParameterError, match="parameter name") as caught:
            getattr(factory(), name)(**base, **{bad_name: "1"})
        assert len(rsps.calls) == 0
    assert "camelCase" in str(caught.value)


@pytest.mark.parametrize("factory, name, verb, base", METHODS, ids=METHOD_IDS)
def test_non_string_names_are_refused(factory, name, verb, base):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        with pytest.raises(errors.InvalidParameterError, match="parameter names are strings"):
            getattr(factory(), name)({**base, 1: "x"})
        assert len(rsps.calls) == 0


def test_secret_values_are_not_echoed_in_the_message():
    with responses.RequestsMock(assert_all_requests_are_fired=False):
        with pytest.raises(errors.InvalidParameterError) as caught:
            bitget_v3().create_sub_account_api_key(passphrase=b"hunter2-hunter2", label="x")
    assert "hunter2" not in str(caught.value) and "<redacted>" in str(caught.value)


# -- what is accepted goes out exactly -------------------------------------------------------


def _sent(rsps):
    request = rsps.calls[0].request
    return urlsplit(request.url).query, request.body.decode() if request.body else ""


@pytest.mark.parametrize("factory, name, verb, base", METHODS, ids=METHOD_IDS)
def test_decimals_go_out_exactly_as_written(factory, name, verb, base):
    with responses.RequestsMock() as rsps:
        envelope = {"retCode": 0, "retMsg": "OK", "result": {}} if factory is bybit else {"code": "00000", "data": {}}
        rsps.add(verb, re.compile(r"https://.*"), json=envelope)
        getattr(factory(), name)({**base, "symbol": "BTCUSDT", "qty": Decimal("0.00100"), "price": Decimal("1E+3"),
                                  "size": 1e-7, "hidden": False})
        query, body = _sent(rsps)
    if verb == "GET":
        assert "qty=0.00100" in query and "price=1000" in query and "size=0.0000001" in query
        assert "hidden=false" in query
    else:
        sent = json.loads(body)
        assert (sent["qty"], sent["price"], sent["size"], sent["hidden"]) == ("0.00100", "1000", 1e-07, False)
        assert '"qty":"0.00100"' in body and "NaN" not in body


def test_lists_in_queries_and_bodies_are_still_accepted():
    with responses.RequestsMock() as rsps:
        rsps.add("GET", re.compile(r"https://.*"), json={"retCode": 0, "retMsg": "OK", "result": {}})
        rsps.add("POST", re.compile(r"https://.*"), json={"retCode": 0, "retMsg": "OK", "result": {}})
        client = bybit()
        client.get_tickers(category="option", symbol=["A", "B"])
        client.batch_submit_orders("linear", [{"symbol": "BTCUSDT", "qty": Decimal("0.5"), "price": None}])
        assert "symbol=A%2CB" in urlsplit(rsps.calls[0].request.url).query
        assert json.loads(rsps.calls[1].request.body) == {"category": "linear", "request": [{"symbol": "BTCUSDT", "qty": "0.5"}]}


# -- WebSocket frames share the encoder ------------------------------------------------------


def test_websocket_frames_use_the_shared_encoder():
    from bitsdk import _ws
    from bitsdk._encoding import frame_json

    assert _ws._compact is frame_json
    frame = {"op": "order.create", "args": [{"qty": Decimal("0.00100"), "price": 30000.5, "reduceOnly": None}]}
    # Decimals exactly as written; everything else exactly as json.dumps writes it (None stays null).
    assert frame_json(frame) == '{"op":"order.create","args":[{"qty":"0.00100","price":30000.5,"reduceOnly":null}]}'


@pytest.mark.parametrize("value, words", [(float("nan"), "finite"), (Decimal("Infinity"), "finite"),
                                          (b"1", "not bytes"), ({1, 2}, "pass a list")])
def test_bad_values_in_websocket_frames_are_named(value, words):
    from bitsdk._encoding import frame_json

    with pytest.raises(errors.InvalidParameterError, match=re.escape("parameter args[0].qty=")) as caught:
        frame_json({"op": "order.create", "args": [{"symbol": "BTCUSDT", "qty": value}]})
    assert words in str(caught.value) and "WebSocket frame" in str(caught.value)
