"""bitsdk._json: orjson when installed, the stdlib otherwise, and the same results either way.

Every check runs twice: with orjson (skipped when it is not installed) and with the module
forced onto the stdlib. The reference is always ``json`` itself.
"""

import enum
import json
import math
from decimal import Decimal

import pytest
import responses

from bitsdk import _json
from bitsdk._encoding import compact_json
from bitsdk.bybit import RestClientV5


@pytest.fixture(params=["orjson", "stdlib"])
def impl(request, monkeypatch):
    if request.param == "orjson":
        pytest.importorskip("orjson")
        monkeypatch.setattr(_json, "_orjson", _json._UNSET)  # looked up again at first use
        assert _json.using_orjson()
    else:
        monkeypatch.setattr(_json, "_orjson", None)
        assert not _json.using_orjson()
    return request.param


DOCUMENTS = [
    b'{"retCode":0,"retMsg":"OK","result":{"list":[]},"time":1700000000000}',
    b'{"a":18446744073709551615,"b":18446744073709551616,"c":-9223372036854775809}',  # beyond 64 bits
    b'[123456789012345678901234567890, -1234567890123456789]',
    b'12345678901234567890',
    b'{"orderId":"1321003749386327552","n": 1234567890123456789012}',
    b'{"x": [1,\n 99999999999999999999]}',
    b'[ -99999999999999999999 ]',
    b'{"a":\t-9223372036854775809,"b":\r\n9223372036854775807}',
    b'{"f":1.5,"g":-0.0,"h":1e308,"i":1E-7,"j":0.1}',
    b'{"big":1e400}',  # orjson refuses, the stdlib gives inf
    b'{"nan":NaN,"inf":Infinity}',
    b'\xef\xbb\xbf{"bom":1}',
    '{"utf16":"\u00e9"}'.encode("utf-16"),
    b'{"s":"\\ud800"}',  # a lone surrogate escape
    b'{"dup":1,"dup":2}',
    '{"é":"€","emoji":"\U0001f600"}'.encode(),
    b'  {"spaced" : [ true , false , null ] }  ',
    b"[" * 600 + b"]" * 600,
]


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_loads_equals_the_stdlib(impl, doc):
    expected = json.loads(doc)
    for data in (doc, bytearray(doc), memoryview(doc)):
        got = _json.loads(data)
        assert repr(got) == repr(expected)  # repr: ints stay ints, -0.0 stays -0.0, nan compares
    try:
        text = doc.decode("utf-8")
    except UnicodeDecodeError:
        return
    if not text.startswith("\ufeff"):
        assert repr(_json.loads(text)) == repr(json.loads(text))


@pytest.mark.parametrize("doc, long", [
    (b'{"orderId":"1321003749386327552","ts":1700000000000}', False),  # a long id inside a string
    (b'{"list":["12345678901234567890123"]}', False),
    (b'{"n":1234567890123456789}', True),
    (b'{"n": -1234567890123456789}', True),
    (b'[1,\n12345678901234567890]', True),
    (b'12345678901234567890', True),
    ('{"n":12345678901234567890}', True),  # text as well as bytes
])
def test_only_integer_tokens_of_19_digits_leave_orjson(doc, long):
    # The guard that keeps results exact must not send ordinary exchange messages (long ids
    # are strings there) to the slow path.
    assert _json._may_hold_long_int(doc) is long


@pytest.mark.parametrize("doc", [b"", b"{", b"{'a':1}", b"\xff\xfe\xfa", b"[1,]", "{\"a\":1".encode()])
def test_loads_refuses_what_the_stdlib_refuses(impl, doc):
    with pytest.raises(ValueError):
        json.loads(doc)
    with pytest.raises(ValueError):
        _json.loads(doc)


class Side(enum.IntEnum):
    BUY = 1


class Text(str):
    pass


VALUES = [
    {chr(c): chr(c) for c in range(128)},  # every ASCII character, DEL and controls included
    {"a": "é", "b": "€", "c": "\U0001f600", "d": "\u2028"},
    {"q": '"quoted" \\ back/slash'},
    {"i": 2**63 - 1, "j": -(2**63), "k": 2**63, "l": 2**64, "m": -(2**63) - 1, "n": 10**30},
    {"t": True, "f": False, "z": 0},
    {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "qty": "0.001", "price": "10000"},
    {"nested": {"a": [1, "b", {"c": True}]}},
    {"float": 0.1, "tiny": 1e-7, "huge": 1e16},
    {"enum": Side.BUY, "sub": Text("x")},
    {Text("subclass key"): "v"},
    [{"a": "1"}, {"b": "2"}],
    {},
]


@pytest.mark.parametrize("value", VALUES)
def test_dumps_compact_is_byte_identical(impl, value):
    expected = json.dumps(value, separators=(",", ":"), allow_nan=False)
    assert _json.dumps_compact(value) == expected


@pytest.mark.parametrize("bad", [{"nan": math.nan}, {"set": {1}}, {"bytes": b"x"}, {(1, 2): "key"}])
def test_dumps_compact_refuses_what_the_stdlib_refuses(impl, bad):
    with pytest.raises((TypeError, ValueError)):
        json.dumps(bad, separators=(",", ":"), allow_nan=False)
    with pytest.raises((TypeError, ValueError)):
        _json.dumps_compact(bad)


COMPACT = [
    ({"category": "linear", "qty": Decimal("0.00100"), "price": 1.0, "none": None}, '{"category":"linear","qty":"0.00100","price":1}'),
    ({"note": "é\x7f", "n": 5}, '{"note":"\\u00e9\\u007f","n":5}'),
    ({"orders": [{"a": None, "b": 2.0}], "x": (1, 2)}, '{"orders":[{"b":2}],"x":[1,2]}'),
    ({"big": 2**70, "f": 0.5}, '{"big":1180591620717411303424,"f":0.5}'),
]


@pytest.mark.parametrize("value, text", COMPACT)
def test_compact_json_is_the_same_text_either_way(impl, value, text):
    assert compact_json(value) == text


def test_rest_answers_decode_the_same_either_way(impl):
    body = '{"retCode":0,"retMsg":"OK","result":{"id":123456789012345678901234,"name":"é"},"time":1}'
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, "https://api.bybit.com/v5/market/time", body=body, content_type="application/json")
        got = RestClientV5(proxies={}).get_server_time()
    assert dict(got) == json.loads(body)
    assert got["result"]["id"] == 123456789012345678901234
