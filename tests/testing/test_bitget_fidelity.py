"""Bitget loopback fidelity: GET signatures over the decoded query, and the topics Bitget has."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
import requests

from bitsdk.testing import LoopbackExchange

# Values Bitget only accepts when the signature covers them decoded (bitget.md §0.1).
ODD_SYMBOLS = {"$DEGENUSDT": "0.01", "币安人生USDT": "0.2", "BTCUSDT": "60000"}
ODD_CLIENT_OID = "lb:1/2#3+4 5"


def signed_get(ex, path, params, sign_encoded, h):
    """GET with a hand-made Bitget signature; the URL always carries the percent-encoded query."""
    options = ex.client_options()
    pairs = sorted(params.items())
    encoded = "&".join("%s=%s" % (k, quote(v, safe="-_.!~*'()")) for k, v in pairs)
    decoded = "&".join("%s=%s" % (k, v) for k, v in pairs)
    ts = str(h.now_ms())
    prehash = ts + "GET" + path + "?" + (encoded if sign_encoded else decoded)
    headers = {"ACCESS-KEY": options["api_key"], "ACCESS-SIGN": h.sign(options["api_secret"], prehash, False),
               "ACCESS-TIMESTAMP": ts, "ACCESS-PASSPHRASE": options["api_pass"], "locale": "en-US"}
    return requests.get(options["base_url"] + path + "?" + encoded, headers=headers, timeout=5).json()


def signed_post(ex, path, body, h):
    options = ex.client_options()
    text = json.dumps(body, separators=(",", ":"))
    ts = str(h.now_ms())
    headers = {"ACCESS-KEY": options["api_key"], "ACCESS-SIGN": h.sign(options["api_secret"], ts + "POST" + path + text,
                                                                       False),
               "ACCESS-TIMESTAMP": ts, "ACCESS-PASSPHRASE": options["api_pass"], "Content-Type": "application/json"}
    return requests.post(options["base_url"] + path, data=text, headers=headers, timeout=5).json()


def test_signed_get_covers_the_decoded_query_only(h):
    with LoopbackExchange("bitget", symbols=ODD_SYMBOLS) as ex:
        placed = signed_post(ex, "/api/v3/trade/place-order", {
            "category": "SPOT", "symbol": "币安人生USDT", "side": "buy", "orderType": "limit", "qty": "10",
            "price": "0.1", "clientOid": ODD_CLIENT_OID}, h)
        assert placed["code"] == "00000", placed
        cases = [
            ("/api/v3/trade/order-info", {"clientOid": ODD_CLIENT_OID}),  # : / # + and a space
            ("/api/v3/trade/unfilled-orders", {"category": "SPOT", "symbol": "币安人生USDT"}),  # non-ASCII
            ("/api/v2/spot/market/tickers", {"symbol": "$DEGENUSDT"}),  # $
        ]
        for path, params in cases:
            good = signed_get(ex, path, params, sign_encoded=False, h=h)
            assert good["code"] == "00000", (path, good)
            bad = signed_get(ex, path, params, sign_encoded=True, h=h)
            assert (bad["code"], bad["msg"], bad["data"]) == ("40009", "sign signature error", None), (path, bad)
        assert signed_get(ex, *cases[0], sign_encoded=False, h=h)["data"]["clientOid"] == ODD_CLIENT_OID
        listed = signed_get(ex, *cases[1], sign_encoded=False, h=h)["data"]["list"]
        assert [o["clientOid"] for o in listed] == [ODD_CLIENT_OID]
        assert signed_get(ex, *cases[2], sign_encoded=False, h=h)["data"][0]["symbol"] == "$DEGENUSDT"


def test_plain_query_signs_the_same_either_way(bitget, h):
    # Values without reserved characters read the same encoded or not: both forms verify.
    for sign_encoded in (False, True):
        reply = signed_get(bitget, "/api/v3/trade/unfilled-orders", {"category": "SPOT", "symbol": "BTCUSDT"},
                           sign_encoded=sign_encoded, h=h)
        assert reply["code"] == "00000", reply


V3_PUBLIC_OK = [
    {"instType": "spot", "topic": "books", "symbol": "BTCUSDT"},
    {"instType": "spot", "topic": "books1", "symbol": "BTCUSDT"},
    {"instType": "spot", "topic": "books5", "symbol": "BTCUSDT"},
    {"instType": "usdt-futures", "topic": "books50", "symbol": "BTCUSDT"},
    {"instType": "spot", "topic": "ticker", "symbol": "BTCUSDT"},
    {"instType": "spot", "topic": "publicTrade", "symbol": "BTCUSDT"},
    {"instType": "spot", "topic": "kline", "symbol": "BTCUSDT", "interval": "1H"},
]
V3_PUBLIC_MISSING = [
    {"instType": "spot", "topic": "books15", "symbol": "BTCUSDT"},  # V2 only
    {"instType": "spot", "topic": "trade", "symbol": "BTCUSDT"},  # V3 calls it publicTrade
    {"instType": "spot", "topic": "candle1m", "symbol": "BTCUSDT"},  # V2 name
    {"instType": "spot", "topic": "kline", "symbol": "BTCUSDT", "interval": "1h"},  # casing
]
V2_PUBLIC_OK = [
    {"instType": "SPOT", "channel": "books15", "instId": "BTCUSDT"},
    {"instType": "SPOT", "channel": "trade", "instId": "BTCUSDT"},
    {"instType": "USDT-FUTURES", "channel": "candle1Dutc", "instId": "BTCUSDT"},
]
V2_PUBLIC_MISSING = [
    {"instType": "SPOT", "channel": "books50", "instId": "BTCUSDT"},  # V3 only
    {"instType": "SPOT", "channel": "publicTrade", "instId": "BTCUSDT"},  # V3 name
    {"instType": "SPOT", "channel": "candle3m", "instId": "BTCUSDT"},  # not a V2 candle channel
]


@pytest.mark.parametrize("ws_key, ok_args, missing_args", [
    ("v3Public", V3_PUBLIC_OK, V3_PUBLIC_MISSING),
    ("v2Public", V2_PUBLIC_OK, V2_PUBLIC_MISSING),
])
def test_unknown_topics_are_refused(bitget, ws_factory, ws_key, ok_args, missing_args):
    ws = ws_factory(bitget.ws_url(ws_key))
    ws.send({"op": "subscribe", "args": ok_args + missing_args})  # one frame: 10 messages a second at most
    for arg in ok_args + missing_args:
        reply = ws.recv_until(lambda m, arg=arg: isinstance(m, dict) and "event" in m and m.get("arg") == arg)
        if arg in ok_args:
            assert reply == {"event": "subscribe", "arg": arg}
        else:
            assert reply["event"] == "error" and reply["code"] == 30001, reply
            assert reply["msg"].endswith("doesn't exist") and reply["op"] == "subscribe"


def test_v3_private_topics(bitget, h, ws_factory):
    creds = bitget.credentials
    ws = ws_factory(bitget.ws_url("v3Private"))
    h.bitget_login(ws, creds.api_key, creds.api_secret, creds.api_pass)
    good = [{"instType": "UTA", "topic": t} for t in ("account", "position", "fill", "order", "strategy-order")]
    bad = [{"instType": "UTA", "topic": "orders"}, {"instType": "UTA", "topic": "positions"},
           {"instType": "uta", "topic": "order"}]
    ws.send({"op": "subscribe", "args": good + bad})
    for arg in good + bad:
        reply = ws.recv_until(lambda m, arg=arg: "event" in m and m.get("arg") == arg)
        assert reply["event"] == ("subscribe" if arg in good else "error"), reply
        assert arg in good or reply["code"] == 30001


def test_v3_book_pushes_carry_seq_pseq_and_max_depth(bitget, ws_factory):
    ws = ws_factory(bitget.ws_url("v3Public"))
    arg = {"instType": "spot", "topic": "books50", "symbol": "ETHUSDT"}
    ws.send({"op": "subscribe", "args": [arg]})
    snap = ws.recv_until(lambda m: m.get("arg") == arg and "data" in m)["data"][0]
    assert set(snap) == {"a", "b", "seq", "pseq", "maxDepth", "ts"}  # no checksum on V3 (bitget.md §0.9)
    assert snap["pseq"] == 0 and snap["maxDepth"] == 50 and len(snap["a"]) == 50
