"""Bitget REST (bitsdk.bitget.RestClientV3 / RestClientV2), offline against `responses`.

Covers the whole endpoint catalogue (tests/data/bitget-endpoints.csv), signing with the spec
vectors (HMAC and RSA; a signed GET signs the decoded query), headers, casing guards, the clock
helpers, error mapping and secrets.
"""

import base64
import csv
import hashlib
import hmac
import json
import logging
import re
import socket
import time
import traceback
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import requests
import responses
from freezegun import freeze_time

from bitsdk import errors
from bitsdk._http import OPTIONAL, Envelope
from bitsdk._signing import Credentials
from bitsdk.bitget import RestClientV2, RestClientV3
from bitsdk.bitget._ws import WebsocketAPIClient

CSV_PATH = Path(__file__).parent / "data" / "bitget-endpoints.csv"
CLASSES = {"rest_v3": RestClientV3, "rest_v2": RestClientV2}
CATALOGUE_CLIENTS = (*CLASSES, "ws_api")

KEY = "bg_key_0123456789abcdef"
SECRET = "test-secret"  # the spec's test-vector secret
PASS = "test-passphrase-7531"
FROZEN = "2023-11-14 22:13:20"  # 1700000000000 ms
FROZEN_MS = 1_700_000_000_000

ANY_URL = re.compile(r"https://api\.bitget\.com/.*")
OK = {"code": "00000", "msg": "success", "requestTime": FROZEN_MS, "data": {"serverTime": "1700000000123"}}

#: The V2 market-data GETs signed only when the client has keys (spec §2.11).
OPTIONAL_PATHS = {
    "/api/v2/spot/public/coins",
    "/api/v2/spot/public/symbols",
    "/api/v2/spot/market/tickers",
    "/api/v2/spot/market/merge-depth",
    "/api/v2/spot/market/orderbook",
    "/api/v2/spot/market/candles",
    "/api/v2/spot/market/history-candles",
    "/api/v2/spot/market/fills",
    "/api/v2/spot/market/fills-history",
    "/api/v2/spot/market/vip-fee-rate",
    "/api/v2/spot/market/whale-net-flow",
}

# Sample parameters sent to every endpoint (no field with a checked spelling).
GET_PARAMS = {"symbol": "BTCUSDT", "note": "a b/c", "limit": 20, "flag": True}
GET_QUERY = "flag=true&limit=20&note=a%20b%2Fc&symbol=BTCUSDT"
POST_PARAMS = {"symbol": "BTCUSDT", "size": "0.001", "note": "a b/c", "flag": True}
POST_BODY = '{"symbol":"BTCUSDT","size":"0.001","note":"a b/c","flag":true}'

AUTH_HEADERS = ("ACCESS-KEY", "ACCESS-SIGN", "ACCESS-TIMESTAMP", "ACCESS-PASSPHRASE")


def _load_rows():
    with CSV_PATH.open(newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["client"] in CATALOGUE_CLIENTS]


ALL_ROWS = _load_rows()
ROWS = [row for row in ALL_ROWS if row["client"] in CLASSES]
WS_API_ROWS = [row for row in ALL_ROWS if row["client"] == "ws_api"]
ROW_IDS = [f"{row['client']}-{row['name']}" for row in ROWS]


def hmac_sign(timestamp, method, path_url, body="", secret=SECRET):
    """The ACCESS-SIGN computed independently of bitsdk, over the text given (as Bitget does)."""
    message = f"{timestamp}{method}{path_url}{body}".encode("utf-8")
    return base64.b64encode(hmac.new(secret.encode("utf-8"), message, hashlib.sha256).digest()).decode("ascii")


def body_text(request):
    body = request.body
    if body is None:
        return ""
    return body.decode("utf-8") if isinstance(body, bytes) else body


def ok_callback(request):
    return 200, {"Content-Type": "application/json"}, json.dumps(OK)


@pytest.fixture
def rsps():
    """A catch-all for every Bitget URL, both verbs."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        mocked.add_callback(responses.GET, ANY_URL, callback=ok_callback)
        mocked.add_callback(responses.POST, ANY_URL, callback=ok_callback)
        yield mocked


@pytest.fixture
def empty_mock():
    """Anything sent here fails the test: the mock knows no URL."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        yield mocked


@pytest.fixture(scope="module")
def keyed():
    clients = {name: cls(KEY, SECRET, PASS, proxies={}) for name, cls in CLASSES.items()}
    yield clients
    for client in clients.values():
        client.close()


@pytest.fixture(scope="module")
def keyless():
    clients = {name: cls(proxies={}) for name, cls in CLASSES.items()}
    yield clients
    for client in clients.values():
        client.close()


@pytest.fixture(scope="module")
def rsa_keys():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pems = {}
    for label, fmt in (("pkcs8", serialization.PrivateFormat.PKCS8),
                       ("pkcs1", serialization.PrivateFormat.TraditionalOpenSSL)):
        pems[label] = key.private_bytes(serialization.Encoding.PEM, fmt, serialization.NoEncryption()).decode()
    assert "BEGIN PRIVATE KEY" in pems["pkcs8"] and "BEGIN RSA PRIVATE KEY" in pems["pkcs1"]
    return key.public_key(), pems


def assert_no_auth_headers(request):
    present = [name for name in AUTH_HEADERS if name in request.headers]
    assert not present, f"unsigned request carries {present}"


def assert_signed(request, secret=SECRET, key=KEY, passphrase=PASS):
    headers = request.headers
    for name in AUTH_HEADERS:
        assert headers.get(name), f"missing {name}"
    assert headers["ACCESS-KEY"] == key
    assert headers["ACCESS-PASSPHRASE"] == passphrase
    assert re.fullmatch(r"\d{13}", headers["ACCESS-TIMESTAMP"])
    expected = hmac_sign(headers["ACCESS-TIMESTAMP"], request.method, decoded(request.path_url), body_text(request), secret)
    assert headers["ACCESS-SIGN"] == expected


def decoded(path_url):
    """What Bitget verifies: the path and the query with its values percent-decoded."""
    return unquote(path_url)


def assert_common_headers(request, demo=False):
    assert request.headers["locale"] == "en-US"
    assert request.headers["Content-Type"] == "application/json"
    assert not any(name.lower() == "x-channel-api-code" for name in request.headers)
    if demo:
        assert request.headers["paptrading"] == "1"
    else:
        assert "paptrading" not in request.headers


# ==========================================================================================
# The catalogue
# ==========================================================================================


def test_catalogue_counts():
    counts = {client: sum(1 for row in ALL_ROWS if row["client"] == client) for client in CATALOGUE_CLIENTS}
    assert counts == {"rest_v3": 210, "rest_v2": 304, "ws_api": 6}


def test_ws_api_helpers_match_the_catalogue():
    rows = {row["name"]: row["path"] for row in WS_API_ROWS}
    helpers = {
        name for name, value in vars(WebsocketAPIClient).items()
        if callable(value) and not name.startswith("_") and name not in
        ("send_ws_api_request", "batch_errors", "get_ws_client")
    }
    assert helpers == set(rows)
    assert rows["modify_order"] == "modify-order" and rows["batch_modify_orders"] == "batch-modify"
    for name, operation in rows.items():
        method = getattr(WebsocketAPIClient, name)
        assert f"``{operation}``" in method.__doc__, name


@pytest.mark.parametrize("client_name", sorted(CLASSES))
def test_class_table_matches_the_catalogue(client_name):
    cls = CLASSES[client_name]
    rows = {row["name"]: row for row in ROWS if row["client"] == client_name}
    assert len(rows) == sum(1 for row in ROWS if row["client"] == client_name), "duplicate names in the CSV"
    assert sorted(set(rows) - set(cls.ENDPOINTS)) == [], "missing from the class"
    assert sorted(set(cls.ENDPOINTS) - set(rows)) == [], "not in the catalogue"
    for name, row in rows.items():
        spec = cls.ENDPOINTS[name]
        assert spec.name == name
        assert (spec.verb, spec.path, bool(spec.auth)) == (row["http"], row["path"], row["auth"] == "1"), name
        method = getattr(cls, name)
        assert method.__name__ == name
        assert method.__qualname__ == f"{cls.__name__}.{name}"
        assert f"``{row['http']} {row['path']}``" in method.__doc__
        if "{marginType}" in row["path"]:
            assert spec.path_params == ("marginType",) and spec.args == ("marginType",)


def test_optional_auth_rows_are_exactly_the_eleven_market_reads():
    optional = {spec.path for spec in RestClientV2.ENDPOINTS.values() if spec.auth == OPTIONAL}
    assert optional == OPTIONAL_PATHS
    assert not [spec for spec in RestClientV3.ENDPOINTS.values() if spec.auth == OPTIONAL]
    for spec in RestClientV2.ENDPOINTS.values():
        if spec.auth == OPTIONAL:
            assert spec.verb == "GET"


def test_v2_and_v3_tables_are_separate():
    assert all(spec.path.startswith("/api/v3/") for spec in RestClientV3.ENDPOINTS.values())
    assert all(spec.path.startswith("/api/v2/") for spec in RestClientV2.ENDPOINTS.values())


def _call_row(client, row, rsps):
    params = dict(GET_PARAMS if row["http"] == "GET" else POST_PARAMS)
    if "{marginType}" in row["path"]:
        params["marginType"] = "crossed"
    result = getattr(client, row["name"])(**params)
    assert isinstance(result, Envelope) and result == OK and result.http_status == 200
    assert len(rsps.calls) == 1
    request = rsps.calls[0].request
    assert request.method == row["http"]
    url = urlsplit(request.url)
    assert (url.scheme, url.netloc) == ("https", "api.bitget.com")
    assert url.path == row["path"].replace("{marginType}", "crossed")
    assert "{" not in request.url and "marginType" not in request.url
    if row["http"] == "GET":
        assert url.query == GET_QUERY
        assert request.body is None
    else:
        assert url.query == ""
        assert body_text(request) == POST_BODY
    assert_common_headers(request)
    return request


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_every_endpoint_with_credentials(row, keyed, rsps):
    request = _call_row(keyed[row["client"]], row, rsps)
    if row["auth"] == "1":  # signed, including the OPTIONAL rows
        assert_signed(request)
    else:
        assert_no_auth_headers(request)


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_every_endpoint_without_credentials(row, keyless, rsps):
    client = keyless[row["client"]]
    optional = client.ENDPOINTS[row["name"]].auth == OPTIONAL
    if row["auth"] == "1" and not optional:
        params = dict(GET_PARAMS if row["http"] == "GET" else POST_PARAMS, marginType="crossed")
        with pytest.raises(errors.MissingCredentialsError) as caught:
            getattr(client, row["name"])(**params)
        assert not rsps.calls, "a private call without credentials must fail before sending"
        message = str(caught.value)
        assert row["name"] in message and "api_key=..." in message and "api_pass=..." in message
    else:
        request = _call_row(client, row, rsps)
        assert_no_auth_headers(request)


# ==========================================================================================
# Signing
# ==========================================================================================


@freeze_time(FROZEN)
def test_spec_vector_signed_get(rsps):
    client = RestClientV2(KEY, SECRET, PASS, proxies={})
    client.get_spot_order({"symbol": "BTCUSDT", "orderId": "123", "note": "a b/c"})
    request = rsps.calls[0].request
    # The URL carries the encoded query; the signature covers the decoded one (spec §0.1, §2.6).
    assert request.path_url == "/api/v2/spot/trade/orderInfo?note=a%20b%2Fc&orderId=123&symbol=BTCUSDT"
    assert request.headers["ACCESS-TIMESTAMP"] == "1700000000000"
    assert request.headers["ACCESS-SIGN"] == "fxWKlp9IPpdNeHVub57rhtGStgGo8XBmx0gWZX1z/dU="
    assert request.headers["ACCESS-SIGN"] == hmac_sign(
        1700000000000, "GET", "/api/v2/spot/trade/orderInfo?note=a b/c&orderId=123&symbol=BTCUSDT"
    )
    # What the JS SDK signs (the encoded form), which Bitget rejects with 40009:
    assert request.headers["ACCESS-SIGN"] != "s9cnFun3f1JuQQAOg+piQ1xT6B0IXRvtusGrmm+2Mwc="
    assert request.headers["ACCESS-KEY"] == KEY and request.headers["ACCESS-PASSPHRASE"] == PASS


# Values that break a signature over the encoded query, and the decoded text Bitget signs.
AWKWARD_VALUES = ["a:b", "x/y", "id#7", "1+1", "two words", "$DEGENUSDT", "测试-ü", "k=v&z=%41", "TRUE"]


@freeze_time(FROZEN)
@pytest.mark.parametrize("value", AWKWARD_VALUES)
def test_signed_get_signs_the_decoded_query(value, rsps):
    client = RestClientV3(KEY, SECRET, PASS, proxies={})
    client.get_order_info(clientOid=value, category="SPOT", flag=False, ids=["1", "2"])
    request = rsps.calls[0].request
    # Sent: sorted, encodeURIComponent values (one parameter each, "&"/"=" escaped).
    encoded = urlsplit(request.url).query
    assert encoded.split("&")[0] == "category=SPOT"
    assert encoded.split("&")[1].startswith("clientOid=") and len(encoded.split("&")) == 4
    assert encoded.endswith("&flag=false&ids=1%2C2")
    # Signed: the same pairs with the values as plain text (booleans lower-case, lists comma-joined).
    prehash_query = f"category=SPOT&clientOid={value}&flag=false&ids=1,2"
    assert request.headers["ACCESS-SIGN"] == hmac_sign(FROZEN_MS, "GET", "/api/v3/trade/order-info?" + prehash_query)
    if unquote(encoded) != encoded:  # the value needed encoding: the encoded prehash must not be used
        assert request.headers["ACCESS-SIGN"] != hmac_sign(FROZEN_MS, "GET", "/api/v3/trade/order-info?" + encoded)


@freeze_time(FROZEN)
def test_signed_get_with_plain_values_is_unchanged(rsps):
    # Values made only of encodeURIComponent's safe characters sign identically both ways.
    RestClientV3(KEY, SECRET, PASS, proxies={}).get_order_info(orderId="123", clientOid="A-b_c.d!e~f*g'(h)")
    request = rsps.calls[0].request
    assert request.path_url == "/api/v3/trade/order-info?clientOid=A-b_c.d!e~f*g'(h)&orderId=123"
    assert request.headers["ACCESS-SIGN"] == hmac_sign(FROZEN_MS, "GET", request.path_url)


@freeze_time(FROZEN)
def test_spec_vector_signed_post(rsps):
    client = RestClientV2(KEY, SECRET, PASS, proxies={})
    client.spot_submit_order(symbol="BTCUSDT", side="buy", orderType="limit", force="gtc", price="20000", size="0.001")
    request = rsps.calls[0].request
    expected_body = '{"symbol":"BTCUSDT","side":"buy","orderType":"limit","force":"gtc","price":"20000","size":"0.001"}'
    assert request.body == expected_body.encode()
    assert request.headers["ACCESS-TIMESTAMP"] == "1700000000000"
    assert request.headers["ACCESS-SIGN"] == "4Chv/3ML3FMW8t5C0Dvq2dg7/NUnsx52FMeoWh0wX8U="
    assert request.headers["ACCESS-SIGN"] == hmac_sign(
        1700000000000, "POST", "/api/v2/spot/trade/place-order", expected_body
    )


@freeze_time(FROZEN)
def test_signed_post_with_a_nested_body(rsps):
    client = RestClientV2(KEY, SECRET, PASS, proxies={})
    orders = [
        {"side": "buy", "orderType": "limit", "force": "gtc", "price": "20000", "size": "0.001", "clientOid": "a1",
         "presetTakeProfitPrice": None},
        {"side": "sell", "orderType": "limit", "force": "post_only", "price": "30000", "size": "0.002",
         "extra": {"tag": "x y", "levels": [1, 2.5]}},
    ]
    client.spot_batch_submit_orders(symbol="BTCUSDT", batchMode="multiple", orderList=orders)
    request = rsps.calls[0].request
    sent = body_text(request)
    expected = {"symbol": "BTCUSDT", "batchMode": "multiple", "orderList": [
        {k: v for k, v in orders[0].items() if v is not None}, orders[1]]}
    assert sent == json.dumps(expected, separators=(",", ":"))
    assert request.headers["ACCESS-SIGN"] == hmac_sign(FROZEN_MS, "POST", "/api/v2/spot/trade/batch-orders", sent)
    assert orders[0]["presetTakeProfitPrice"] is None, "the caller's data must not be changed"


@freeze_time(FROZEN)
def test_v3_batch_post_body_is_a_json_array(rsps):
    client = RestClientV3(KEY, SECRET, PASS, proxies={})
    orders = [
        {"category": "SPOT", "symbol": "BTCUSDT", "side": "buy", "orderType": "limit", "qty": "0.001",
         "price": "20000"},
        {"category": "USDT-FUTURES", "symbol": "ETHUSDT", "side": "sell", "orderType": "market", "qty": "0.1",
         "reduceOnly": "yes"},
    ]
    client.place_batch_orders(orders)
    request = rsps.calls[0].request
    sent = body_text(request)
    assert sent.startswith("[{") and sent.endswith("}]")
    assert json.loads(sent) == orders
    assert sent == json.dumps(orders, separators=(",", ":"))
    assert request.headers["ACCESS-SIGN"] == hmac_sign(FROZEN_MS, "POST", "/api/v3/trade/place-batch", sent)
    for name in ("batch_modify_orders", "cancel_batch_orders"):
        getattr(client, name)([{"category": "SPOT", "symbol": "BTCUSDT", "orderId": "1"}])
        assert body_text(rsps.calls[-1].request) == '[{"category":"SPOT","symbol":"BTCUSDT","orderId":"1"}]'
        assert_signed(rsps.calls[-1].request)


@freeze_time(FROZEN)
def test_signed_post_without_parameters(rsps):
    client = RestClientV3(KEY, SECRET, PASS, proxies={})
    client.cancel_all_orders()
    request = rsps.calls[0].request
    assert request.body is None
    assert request.headers["ACCESS-SIGN"] == hmac_sign(FROZEN_MS, "POST", "/api/v3/trade/cancel-symbol-order")


@freeze_time(FROZEN)
def test_signed_get_without_parameters(rsps):
    client = RestClientV3(KEY, SECRET, PASS, proxies={})
    client.get_balances()
    request = rsps.calls[0].request
    assert request.url == "https://api.bitget.com/api/v3/account/assets"
    assert request.headers["ACCESS-SIGN"] == hmac_sign(FROZEN_MS, "GET", "/api/v3/account/assets")


@freeze_time(FROZEN)
def test_base_url_override_signs_the_api_path_only():
    with responses.RequestsMock() as rsps:
        rsps.add_callback(responses.GET, re.compile(r"http://127\.0\.0\.1:9/gw/.*"), callback=ok_callback)
        client = RestClientV3(KEY, SECRET, PASS, base_url="http://127.0.0.1:9/gw/", proxies={})
        client.get_order_info(orderId="1")
        request = rsps.calls[0].request
    assert request.url == "http://127.0.0.1:9/gw/api/v3/trade/order-info?orderId=1"
    assert request.headers["ACCESS-SIGN"] == hmac_sign(FROZEN_MS, "GET", "/api/v3/trade/order-info?orderId=1")


@pytest.mark.parametrize("form", ["pkcs8", "pkcs1"])
def test_rsa_signatures_verify_with_the_public_key(form, rsa_keys, rsps):
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    public_key, pems = rsa_keys
    client = RestClientV3(KEY, pems[form], PASS, proxies={})
    assert client.credentials.signer.is_rsa
    client.get_order_info(orderId="123", note="a b/c")
    client.submit_new_order(category="SPOT", symbol="BTCUSDT", side="buy", orderType="limit", qty="0.001",
                            price="20000")
    for call in rsps.calls:
        request = call.request
        prehash = f"{request.headers['ACCESS-TIMESTAMP']}{request.method}{decoded(request.path_url)}{body_text(request)}"
        signature = base64.b64decode(request.headers["ACCESS-SIGN"])
        assert len(signature) == 256
        public_key.verify(signature, prehash.encode("utf-8"), padding.PKCS1v15(), hashes.SHA256())
        assert request.headers["ACCESS-PASSPHRASE"] == PASS
    assert rsps.calls[0].request.path_url == "/api/v3/trade/order-info?note=a%20b%2Fc&orderId=123"


def test_an_unreadable_pem_fails_without_echoing_it(empty_mock):
    bad_pem = "-----BEGIN PRIVATE KEY-----\nTm90QUtleUF0QWxsU2VjcmV0TWF0ZXJpYWw=\n-----END PRIVATE KEY-----"
    client = RestClientV3(KEY, bad_pem, PASS, proxies={})
    with pytest.raises(errors.InvalidParameterError) as caught:
        client.get_balances()
    text = str(caught.value) + repr(caught.value) + "".join(traceback.format_exception(
        type(caught.value), caught.value, caught.value.__traceback__))
    assert "Tm90QUtleUF0QWxsU2VjcmV0TWF0ZXJpYWw" not in text
    assert "PEM" in str(caught.value)
    assert not empty_mock.calls


# ==========================================================================================
# Headers
# ==========================================================================================


def test_demo_trading_header_on_public_and_private(rsps):
    client = RestClientV3(KEY, SECRET, PASS, demo_trading=True, proxies={})
    client.get_tickers(category="SPOT")
    client.get_balances()
    # Demo futures use the normal product types with the paptrading header.
    RestClientV2(demo_trading=True, proxies={}).get_futures_ticker(productType="USDT-FUTURES", symbol="BTCUSDT")
    for call in rsps.calls:
        assert_common_headers(call.request, demo=True)
    assert_signed(rsps.calls[1].request)


def test_no_demo_header_by_default(rsps):
    RestClientV3(proxies={}).get_tickers(category="SPOT")
    RestClientV2(KEY, SECRET, PASS, proxies={}).get_spot_account()
    for call in rsps.calls:
        assert_common_headers(call.request, demo=False)


def test_no_channel_code_header_and_no_secret_in_headers(rsps):
    RestClientV2(KEY, SECRET, PASS, proxies={}).spot_submit_order(symbol="BTCUSDT", side="buy")
    headers = rsps.calls[0].request.headers
    assert "X-CHANNEL-API-CODE" not in headers
    assert SECRET not in json.dumps(dict(headers))


# ==========================================================================================
# Casing guards: refused before sending, and the message names the right spelling
# ==========================================================================================


@pytest.mark.parametrize(
    "make, call, spelling",
    [
        (RestClientV3, lambda c: c.get_tickers(category="spot"), 'category="SPOT"'),
        (RestClientV3, lambda c: c.get_tickers({"category": "usdt-futures"}), 'category="USDT-FUTURES"'),
        (RestClientV3, lambda c: c.submit_new_order(category="SPOT", symbol="BTCUSDT", reduceOnly="YES"),
         'reduceOnly="yes"'),
        (RestClientV3, lambda c: c.place_batch_orders([{"category": "spot", "symbol": "BTCUSDT"}]),
         'category="SPOT"'),
        (RestClientV3, lambda c: c.place_batch_orders([{"category": "SPOT", "reduceOnly": "NO"}]),
         'reduceOnly="no"'),
        (RestClientV2, lambda c: c.get_futures_ticker(productType="usdt-futures", symbol="BTCUSDT"),
         'productType="USDT-FUTURES"'),
        (RestClientV2, lambda c: c.futures_submit_order(productType="USDT-FUTURES", reduceOnly="yes"),
         'reduceOnly="YES"'),
        (RestClientV2, lambda c: c.futures_batch_submit_orders(
            productType="USDT-FUTURES", orderList=[{"reduceOnly": "no"}]), 'reduceOnly="NO"'),
    ],
)
def test_casing_guards(make, call, spelling, empty_mock):
    client = make(KEY, SECRET, PASS, proxies={})
    with pytest.raises(errors.InvalidParameterError) as caught:
        call(client)
    assert spelling in str(caught.value)
    assert client.SURFACE in str(caught.value)
    assert not empty_mock.calls


def test_v3_category_message_says_upper_case(empty_mock):
    with pytest.raises(errors.InvalidParameterError) as caught:
        RestClientV3(proxies={}).get_tickers(category="spot")
    message = str(caught.value)
    assert '"SPOT"' in message and "V3 REST" in message and "case" in message


def test_v3_unknown_category_lists_the_choices(empty_mock):
    with pytest.raises(errors.InvalidParameterError) as caught:
        RestClientV3(proxies={}).get_instruments(category="OPTIONS")
    assert '"SPOT"' in str(caught.value) and '"COIN-FUTURES"' in str(caught.value)


def test_v2_product_type_casing_outside_the_futures_family(empty_mock):
    client = RestClientV2(KEY, SECRET, PASS, proxies={})
    with pytest.raises(errors.InvalidParameterError, match='productType="USDT-FUTURES"'):
        client.get_futures_trader_history_orders(productType="usdt-futures")
    assert not empty_mock.calls


DELISTED = ("SUSDT-FUTURES", "SCOIN-FUTURES", "SUSDC-FUTURES")


@pytest.mark.parametrize("call", [
    lambda c: c.get_futures_ticker(productType="usdt-futures", symbol="BTCUSDT"),  # futures family: strict
    lambda c: c.get_futures_all_tickers(productType="Coin-Futures"),
    lambda c: c.get_futures_trader_history_orders(productType="usdc-futures"),  # elsewhere: casing only
    lambda c: c.get_futures_ticker(productType="OPTIONS", symbol="BTCUSDT"),  # unknown: the choices listed
])
def test_product_type_errors_never_suggest_the_delisted_demo_products(call, empty_mock):
    with pytest.raises(errors.InvalidParameterError) as caught:
        call(RestClientV2(KEY, SECRET, PASS, proxies={}))
    message = str(caught.value)
    assert "FUTURES" in message and not any(name in message for name in DELISTED)
    assert not empty_mock.calls


@pytest.mark.parametrize("spelling, normal", [("susdt-futures", "USDT-FUTURES"), ("Scoin-Futures", "COIN-FUTURES"),
                                              ("susdc-futures", "USDC-FUTURES")])
def test_a_miscased_delisted_demo_product_points_at_the_normal_one(spelling, normal, empty_mock):
    client = RestClientV2(KEY, SECRET, PASS, demo_trading=True, proxies={})
    for call in (lambda: client.get_futures_account_assets({"productType": spelling}),  # futures family
                 lambda: client.get_futures_trader_history_orders(productType=spelling)):  # elsewhere
        with pytest.raises(errors.InvalidParameterError) as caught:
            call()
        message = str(caught.value)
        assert f'write productType="{normal}"' in message and "delisted" in message and "demo_trading=True" in message
        assert not any(name in message for name in DELISTED)
    assert not empty_mock.calls


def test_v2_docstrings_do_not_recommend_the_delisted_demo_products():
    import bitsdk.bitget._rest as rest_module
    import bitsdk.bitget._ws as ws_module

    texts = [rest_module.__doc__, RestClientV2.__doc__, RestClientV3.__doc__]
    texts += [getattr(cls, name).__doc__ or "" for cls in (ws_module.WebsocketClientV2, ws_module.WebsocketClientV3)
              for name in dir(cls) if not name.startswith("_")]
    assert not [text for text in texts if any(name in (text or "") for name in DELISTED)]


def test_correct_spellings_are_accepted(rsps):
    v3 = RestClientV3(KEY, SECRET, PASS, proxies={})
    v3.get_tickers(category="USDT-FUTURES")
    v3.submit_new_order(category="SPOT", reduceOnly="no", symbol="BTCUSDT")
    v2 = RestClientV2(KEY, SECRET, PASS, proxies={})
    # The delisted S-prefixed demo products still pass when spelled exactly (legacy code keeps running).
    for product in ("USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES", "SUSDT-FUTURES", "SCOIN-FUTURES", "SUSDC-FUTURES"):
        v2.get_futures_all_tickers(productType=product)
    v2.get_futures_trader_history_orders(productType="SUSDT-FUTURES")
    v2.futures_batch_submit_orders(productType="SCOIN-FUTURES", orderList=[{"reduceOnly": "NO"}])
    v2.futures_submit_order(productType="USDT-FUTURES", reduceOnly="YES")
    assert len(rsps.calls) == 11


@pytest.mark.parametrize("value", ["cross", "CROSSED", "isolate", "spot", ""])
def test_v2_margin_type_refused(value, empty_mock):
    client = RestClientV2(KEY, SECRET, PASS, proxies={})
    with pytest.raises(errors.InvalidParameterError) as caught:
        client.margin_submit_order(marginType=value, symbol="BTCUSDT")
    message = str(caught.value)
    assert "crossed" in message and "isolated" in message
    assert not empty_mock.calls


def test_v2_margin_type_missing(empty_mock):
    client = RestClientV2(KEY, SECRET, PASS, proxies={})
    with pytest.raises(errors.InvalidParameterError) as caught:
        client.get_margin_account_assets(coin="USDT")
    message = str(caught.value)
    assert 'marginType="crossed" or marginType="isolated"' in message
    assert "get_margin_account_assets" in message and "/api/v2/margin/{marginType}/account/assets" in message
    assert not empty_mock.calls


@pytest.mark.parametrize(
    "name, tail",
    [
        # the six that the JS SDK never substitutes (spec §2.11)
        ("get_margin_max_borrowable", "account/max-borrowable-amount"),
        ("get_margin_max_transferable", "account/max-transfer-out-amount"),
        ("get_margin_interest_rate_and_max_borrowable", "interest-rate-and-limit"),
        ("margin_flash_repay", "account/flash-repay"),
        ("get_margin_flash_repay_result", "account/query-flash-repay-status"),
        ("margin_batch_cancel_orders", "batch-cancel-order"),
    ],
)
@pytest.mark.parametrize("margin_type", ["crossed", "isolated"])
def test_margin_type_is_substituted(name, tail, margin_type, rsps):
    client = RestClientV2(KEY, SECRET, PASS, proxies={})
    getattr(client, name)(margin_type, coin="USDT")  # positionally
    getattr(client, name)({"marginType": margin_type, "coin": "USDT"})  # inside the dict
    for call in rsps.calls:
        request = call.request
        assert urlsplit(request.url).path == f"/api/v2/margin/{margin_type}/{tail}"
        assert "marginType" not in request.url and "marginType" not in body_text(request)
        assert "coin" in (request.url + body_text(request))
        assert_signed(request)


@pytest.mark.parametrize(
    "credentials, missing",
    [
        ((KEY, SECRET, None), "api_pass=..."),
        ((KEY, None, PASS), "api_secret=..."),
        ((None, SECRET, PASS), "api_key=..."),
        ((KEY, None, None), "api_secret=..., api_pass=..."),
        ((None, SECRET, None), "api_key=..., api_pass=..."),
        ((KEY, SECRET, ""), "api_pass=..."),
    ],
)
@pytest.mark.parametrize("cls", [RestClientV3, RestClientV2])
def test_mixed_credentials_refused_at_construction(cls, credentials, missing):
    with pytest.raises(errors.InvalidParameterError) as caught:
        cls(*credentials)
    message = str(caught.value)
    assert missing in message
    assert SECRET not in message and PASS not in message and KEY not in message


def test_keyword_credentials(rsps):
    client = RestClientV3(api_key=KEY, api_secret=SECRET, api_pass=PASS, proxies={})
    client.get_balances()
    assert_signed(rsps.calls[0].request)


# ==========================================================================================
# Clock helpers
# ==========================================================================================


@pytest.mark.parametrize("cls", [RestClientV3, RestClientV2])
def test_fetch_server_time(cls, rsps):
    value = cls(proxies={}).fetch_server_time()
    assert value == 1700000000123 and type(value) is int  # not NaN, not a string: V2 reads data.serverTime
    # Both read the documented /api/v2/public/time (the V3 path is reported to 404).
    assert urlsplit(rsps.calls[0].request.url).path == "/api/v2/public/time"
    assert_no_auth_headers(rsps.calls[0].request)
    assert cls(KEY, SECRET, PASS, proxies={}).fetch_server_time_ms() == 1700000000123
    assert_no_auth_headers(rsps.calls[1].request)


def _server_times(rsps_mock, url_path, *server_times):
    for server in server_times:
        rsps_mock.add(responses.GET, "https://api.bitget.com" + url_path,
                      json={"code": "00000", "msg": "success", "requestTime": 0,
                            "data": {"serverTime": str(server)}})


def _clock(monkeypatch, *values):
    ticks = iter(values)
    monkeypatch.setattr("bitsdk._http.now_ms", lambda: next(ticks))


def test_fetch_latency_summary(monkeypatch, caplog):
    with responses.RequestsMock() as rsps:
        _server_times(rsps, "/api/v2/public/time", 1_700_000_002_000)
        _clock(monkeypatch, 1_700_000_000_000, 1_700_000_000_101)
        with caplog.at_level(logging.WARNING, logger="bitsdk.bitget"):
            summary = RestClientV2(proxies={}).fetch_latency_summary()
    assert summary == {
        "localTime": 1_700_000_000_101,
        "serverTime": 1_700_000_002_000,
        "roundTripTime": 101,
        "estimatedOneWayLatency": 50,
        "adjustedServerTime": 1_700_000_002_050,
        "timeDifference": 1_949,
    }
    assert any("1949" in record.getMessage() for record in caplog.records if record.name == "bitsdk.bitget")


def test_fetch_latency_summary_quiet_when_close(monkeypatch, caplog):
    with responses.RequestsMock() as rsps:
        _server_times(rsps, "/api/v2/public/time", 1_700_000_000_000)
        _clock(monkeypatch, 1_700_000_000_000, 1_700_000_000_040)
        with caplog.at_level(logging.WARNING, logger="bitsdk.bitget"):
            summary = RestClientV3(proxies={}).fetch_latency_summary()
    assert summary["roundTripTime"] == 40
    assert summary["estimatedOneWayLatency"] == 20
    assert summary["adjustedServerTime"] == 1_700_000_000_020
    assert summary["timeDifference"] == -20
    assert not [record for record in caplog.records if record.name == "bitsdk.bitget"]


@freeze_time(FROZEN)
def test_time_offset_applied_to_access_timestamp(rsps):
    client = RestClientV3(KEY, SECRET, PASS, proxies={})
    client.set_time_offset_ms(1234)
    assert client.get_time_offset_ms() == 1234
    client.get_balances()
    request = rsps.calls[0].request
    assert request.headers["ACCESS-TIMESTAMP"] == "1700000001234"
    assert request.headers["ACCESS-SIGN"] == hmac_sign(1700000001234, "GET", "/api/v3/account/assets")
    client.set_time_offset_ms(-500)
    client.get_balances()
    assert rsps.calls[1].request.headers["ACCESS-TIMESTAMP"] == "1699999999500"


def test_v3_sync_time_uses_the_v2_public_time(monkeypatch):
    # responses.RequestsMock() fails on any unregistered URL: only /api/v2/public/time answers.
    client = RestClientV3(proxies={})
    with responses.RequestsMock() as rsps:
        _server_times(rsps, "/api/v2/public/time", 10_000)
        _clock(monkeypatch, 1_000, 1_100)
        assert client.sync_time(samples=1) == 10_000 + 50 - 1_100
        assert [urlsplit(c.request.url).path for c in rsps.calls] == ["/api/v2/public/time"]
    assert client.get_server_time.endpoint_spec.path == "/api/v3/public/time"  # still an endpoint method


def test_sync_time_keeps_the_shortest_round_trip(monkeypatch):
    client = RestClientV3(proxies={})
    with responses.RequestsMock() as rsps:
        _server_times(rsps, "/api/v2/public/time", 5_000, 6_000, 9_000)
        # (start, end) per sample: rtt 300, then 50, then 3000 (slower than max_rtt_ms)
        _clock(monkeypatch, 1_000, 1_300, 2_000, 2_050, 3_000, 6_000)
        offset = client.sync_time(samples=3, max_rtt_ms=2000)
        assert len(rsps.calls) == 3
    assert offset == 6_000 + 25 - 2_050
    assert client.get_time_offset_ms() == offset


def test_sync_time_skips_slow_samples(monkeypatch):
    client = RestClientV3(proxies={})
    with responses.RequestsMock() as rsps:
        _server_times(rsps, "/api/v2/public/time", 50_000, 60_000)
        # the slow sample (rtt 900) would give offset 48_550; the fast one (rtt 80) 58_040
        _clock(monkeypatch, 1_000, 1_900, 2_000, 2_080)
        assert client.sync_time(samples=2, max_rtt_ms=500) == 60_000 + 40 - 2_080


def test_sync_time_all_slow_keeps_the_offset(monkeypatch, caplog):
    client = RestClientV3(proxies={}, time_offset_ms=77)
    with responses.RequestsMock() as rsps:
        _server_times(rsps, "/api/v2/public/time", 50_000, 60_000)
        _clock(monkeypatch, 1_000, 4_000, 5_000, 9_000)
        with caplog.at_level(logging.WARNING, logger="bitsdk.bitget"):
            assert client.sync_time(samples=2, max_rtt_ms=2000) == 77
    assert client.get_time_offset_ms() == 77
    assert any("time sync skipped" in record.getMessage() for record in caplog.records)


def test_time_sync_interval_syncs_lazily_before_signed_requests(monkeypatch):
    # time.monotonic() counts from boot on Linux: a fresh host must still sync on first use.
    monkeypatch.setattr("bitsdk._http.time.monotonic", lambda: 5.0)
    monkeypatch.setattr("bitsdk._http.now_ms", lambda: FROZEN_MS)
    client = RestClientV3(KEY, SECRET, PASS, proxies={}, time_sync_interval=3600)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _server_times(rsps, "/api/v2/public/time", *([FROZEN_MS + 5_000] * 3))
        rsps.add_callback(responses.GET, re.compile(r".*/api/v3/account/assets"), callback=ok_callback)
        client.get_balances()
        client.get_balances()  # within the interval: no second sync
        paths = [urlsplit(call.request.url).path for call in rsps.calls]
        stamps = [call.request.headers.get("ACCESS-TIMESTAMP") for call in rsps.calls]
    assert paths == ["/api/v2/public/time"] * 3 + ["/api/v3/account/assets"] * 2
    assert client.get_time_offset_ms() == 5_000
    assert stamps[3:] == [str(FROZEN_MS + 5_000)] * 2


def test_public_calls_never_sync(rsps):
    client = RestClientV3(proxies={}, time_sync_interval=3600)
    client.get_tickers(category="SPOT")
    assert [urlsplit(c.request.url).path for c in rsps.calls] == ["/api/v3/market/tickers"]


# ==========================================================================================
# Error mapping
# ==========================================================================================


def _fail(status, body=None, json_body=None, content_type=None):
    mocked = responses.RequestsMock(assert_all_requests_are_fired=False)
    kwargs = {"status": status}
    if json_body is not None:
        kwargs["json"] = json_body
    else:
        kwargs["body"] = body
        if content_type:
            kwargs["content_type"] = content_type
    mocked.add(responses.POST, ANY_URL, **kwargs)
    mocked.add(responses.GET, ANY_URL, **kwargs)
    return mocked


def _error_envelope(code, msg):
    return {"code": code, "msg": msg, "requestTime": FROZEN_MS, "data": None}


def test_api_error_carries_code_message_status_and_request(rsps):
    with responses.RequestsMock() as mocked:
        mocked.add(responses.POST, ANY_URL, status=400, json=_error_envelope("43012", "Insufficient balance"))
        client = RestClientV2(KEY, SECRET, PASS, proxies={})
        with pytest.raises(errors.APIError) as caught:
            client.spot_submit_order(symbol="BTCUSDT", side="buy")
    exc = caught.value
    assert type(exc) is errors.APIError
    assert exc.code == "43012" and isinstance(exc.code, str)
    assert exc.message == "Insufficient balance"
    assert exc.http_status == 400
    assert (exc.method, exc.path) == ("POST", "/api/v2/spot/trade/place-order")
    assert exc.body["code"] == "43012"
    assert str(exc) == "code 43012: Insufficient balance (HTTP 400) [POST /api/v2/spot/trade/place-order]"


def test_api_error_with_http_200():
    with responses.RequestsMock() as mocked:
        mocked.add(responses.GET, ANY_URL, status=200, json=_error_envelope("40034", "Parameter does not exist"))
        with pytest.raises(errors.APIError) as caught:
            RestClientV3(proxies={}).get_tickers(category="SPOT")
    assert caught.value.code == "40034" and caught.value.http_status == 200
    assert caught.value.path == "/api/v3/market/tickers"


def test_numeric_code_is_still_a_string():
    with responses.RequestsMock() as mocked:
        mocked.add(responses.GET, ANY_URL, status=400, json={"code": 40034, "msg": "x"})
        with pytest.raises(errors.APIError) as caught:
            RestClientV3(proxies={}).get_tickers(category="SPOT")
    assert caught.value.code == "40034"


@pytest.mark.parametrize(
    "code, cls",
    [
        ("40008", errors.TimestampError),
        ("40009", errors.AuthenticationError),
        ("40012", errors.AuthenticationError),
        ("40099", errors.AuthenticationError),
        ("429", errors.RateLimitError),
    ],
)
def test_specific_codes(code, cls):
    with responses.RequestsMock() as mocked:
        mocked.add(responses.GET, ANY_URL, status=400, json=_error_envelope(code, "refused"))
        with pytest.raises(cls) as caught:
            RestClientV3(KEY, SECRET, PASS, proxies={}).get_balances()
    assert type(caught.value) is cls
    assert isinstance(caught.value, errors.APIError)
    assert caught.value.code == code and caught.value.http_status == 400
    if cls is errors.TimestampError:
        assert "set_time_offset_ms" in str(caught.value)
    if code == "40099":
        assert "demo_trading" in str(caught.value)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"json_body": _error_envelope("429", "Too Many Requests")},
        {"json_body": _error_envelope("30007", "request over limit")},
        {"json_body": {"message": "slow down"}},
        {"body": "Too Many Requests", "content_type": "text/plain"},
    ],
    ids=["code-429", "other-code", "json-without-code", "text"],
)
def test_http_429_is_a_rate_limit_error(kwargs):
    with _fail(429, **kwargs) as mocked:
        with pytest.raises(errors.RateLimitError) as caught:
            RestClientV3(proxies={}).get_tickers(category="SPOT")
        assert len(mocked.calls) == 1
    assert caught.value.http_status == 429
    assert (caught.value.method, caught.value.path) == ("GET", "/api/v3/market/tickers")


@pytest.mark.parametrize("status", [500, 502, 503])
def test_http_5xx_with_json_without_code(status):
    with _fail(status, json_body={"status": "error", "detail": "upstream"}):
        with pytest.raises(errors.HTTPError) as caught:
            RestClientV3(proxies={}).get_tickers(category="SPOT")
    assert type(caught.value) is errors.HTTPError
    assert caught.value.http_status == status
    assert (caught.value.method, caught.value.path) == ("GET", "/api/v3/market/tickers")


def test_http_502_with_html_is_an_invalid_response():
    html = "<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>"
    with _fail(502, body=html, content_type="text/html"):
        with pytest.raises(errors.InvalidResponseError) as caught:
            RestClientV3(proxies={}).get_tickers(category="SPOT")
    assert caught.value.http_status == 502
    assert "502 Bad Gateway" in str(caught.value)
    assert isinstance(caught.value, errors.HTTPError)


def test_http_200_with_non_json_is_an_invalid_response():
    with _fail(200, body="OK but not JSON", content_type="text/plain"):
        with pytest.raises(errors.InvalidResponseError) as caught:
            RestClientV2(KEY, SECRET, PASS, proxies={}).spot_submit_order(symbol="BTCUSDT")
    assert caught.value.http_status == 200
    assert (caught.value.method, caught.value.path) == ("POST", "/api/v2/spot/trade/place-order")


def test_timeout_is_a_request_timeout_error():
    with responses.RequestsMock() as mocked:
        mocked.add(responses.GET, ANY_URL, body=requests.exceptions.ReadTimeout("read timed out"))
        client = RestClientV3(KEY, SECRET, PASS, timeout=2.5, proxies={})
        with pytest.raises(errors.RequestTimeoutError) as caught:
            client.get_balances()
    assert isinstance(caught.value, TimeoutError)
    assert isinstance(caught.value, errors.NetworkError)
    assert (caught.value.method, caught.value.path) == ("GET", "/api/v3/account/assets")
    assert "2.5" in str(caught.value)


def test_connect_timeout_is_a_request_timeout_error():
    with responses.RequestsMock() as mocked:
        mocked.add(responses.GET, ANY_URL, body=requests.exceptions.ConnectTimeout("connect timed out"))
        with pytest.raises(errors.RequestTimeoutError):
            RestClientV3(proxies={}).get_tickers(category="SPOT")


def test_connection_error_is_a_network_error():
    with responses.RequestsMock() as mocked:
        mocked.add(responses.POST, ANY_URL, body=requests.exceptions.ConnectionError("Connection refused"))
        with pytest.raises(errors.NetworkError) as caught:
            RestClientV2(KEY, SECRET, PASS, proxies={}).spot_submit_order(symbol="BTCUSDT")
    assert type(caught.value) is errors.NetworkError
    assert not isinstance(caught.value, TimeoutError)
    assert "Connection refused" in str(caught.value)
    assert (caught.value.method, caught.value.path) == ("POST", "/api/v2/spot/trade/place-order")


def _closed_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_real_connection_refused_is_a_network_error_quickly():
    port = _closed_port()
    client = RestClientV2(KEY, SECRET, PASS, base_url=f"http://127.0.0.1:{port}", timeout=5, proxies={})
    started = time.monotonic()
    with pytest.raises(errors.NetworkError) as caught:
        client.spot_submit_order(symbol="BTCUSDT", side="buy")
    assert time.monotonic() - started < 3
    assert not isinstance(caught.value, errors.RequestTimeoutError)
    assert (caught.value.method, caught.value.path) == ("POST", "/api/v2/spot/trade/place-order")
    _assert_clean(caught.value)
    client.close()


# ==========================================================================================
# Secrets never leak
# ==========================================================================================


def _exception_text(exc):
    parts = [str(exc), repr(exc), "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))]
    return "\n".join(parts)


def _assert_clean(exc, *extra_secrets):
    text = _exception_text(exc)
    for secret in (SECRET, PASS, KEY) + extra_secrets:
        assert secret not in text, f"{secret!r} leaked into {type(exc).__name__}"


def _signature_of(mocked):
    return [call.request.headers.get("ACCESS-SIGN") for call in mocked.calls if call.request.headers.get("ACCESS-SIGN")]


@pytest.mark.parametrize(
    "status, kwargs",
    [
        (400, {"json_body": _error_envelope("40009", "sign signature error")}),
        (400, {"json_body": _error_envelope("40008", "timestamp expired")}),
        (400, {"json_body": _error_envelope("43012", "Insufficient balance")}),
        (429, {"json_body": _error_envelope("429", "Too Many Requests")}),
        (500, {"json_body": {"error": "internal"}}),
        (502, {"body": "<html>bad gateway</html>", "content_type": "text/html"}),
        (200, {"body": "garbage", "content_type": "text/plain"}),
    ],
)
def test_no_secret_in_api_and_http_errors(status, kwargs):
    with _fail(status, **kwargs) as mocked:
        client = RestClientV3(KEY, SECRET, PASS, proxies={})
        with pytest.raises(errors.BitsdkError) as caught:
            client.submit_new_order(category="SPOT", symbol="BTCUSDT")
        signatures = _signature_of(mocked)
    assert signatures
    _assert_clean(caught.value, *signatures)


@pytest.mark.parametrize(
    "failure",
    [requests.exceptions.ReadTimeout("read timed out"), requests.exceptions.ConnectionError("refused")],
)
def test_no_secret_in_transport_errors(failure):
    with responses.RequestsMock() as mocked:
        mocked.add(responses.GET, ANY_URL, body=failure)
        with pytest.raises(errors.NetworkError) as caught:
            RestClientV3(KEY, SECRET, PASS, proxies={}).get_order_info(orderId="1")
        signatures = _signature_of(mocked)
    _assert_clean(caught.value, *signatures)


def test_no_secret_in_local_errors(empty_mock):
    client = RestClientV3(KEY, SECRET, PASS, proxies={})
    with pytest.raises(errors.InvalidParameterError) as caught:
        client.get_tickers(category="spot")
    _assert_clean(caught.value)
    with pytest.raises(errors.MissingCredentialsError) as caught_missing:
        RestClientV3(proxies={}).get_balances()
    _assert_clean(caught_missing.value)
    with pytest.raises(errors.InvalidParameterError) as caught_mixed:
        RestClientV2(KEY, SECRET, None)
    _assert_clean(caught_mixed.value)


def test_no_secret_in_reprs(rsa_keys):
    client = RestClientV3(KEY, SECRET, PASS, proxies={})
    for text in (repr(client), str(client), repr(client.credentials), repr(client.credentials.signer)):
        assert SECRET not in text and PASS not in text and KEY not in text
    assert "RestClientV3" in repr(client) and "<redacted>" in repr(client.credentials)
    _, pems = rsa_keys
    for pem in pems.values():
        rsa_client = RestClientV2(KEY, pem, PASS, proxies={})
        body_line = pem.splitlines()[1]
        for text in (repr(rsa_client), repr(rsa_client.credentials), repr(rsa_client.credentials.signer)):
            assert body_line not in text and "PRIVATE KEY" not in text and PASS not in text
    assert repr(Credentials(None, None)) == "Credentials(api_key=None, secret=None)"


def _exercise_for_trace(client, mocked):
    client.get_spot_order(symbol="BTCUSDT", orderId="123", note="a b/c")
    client.spot_submit_order(symbol="BTCUSDT", side="buy", price="20000")
    with pytest.raises(errors.AuthenticationError):
        client.get_spot_account()
    return _signature_of(mocked)


def _trace_mock():
    mocked = responses.RequestsMock(assert_all_requests_are_fired=False)
    mocked.add(responses.GET, re.compile(r".*/api/v2/spot/account/info"), status=400,
               json=_error_envelope("40012", "apikey/password is incorrect"))
    mocked.add_callback(responses.GET, ANY_URL, callback=ok_callback)
    mocked.add_callback(responses.POST, ANY_URL, callback=ok_callback)
    return mocked


def _assert_trace(caplog, signatures, *extra_secrets):
    records = [record for record in caplog.records if record.name == "bitsdk.bitget"]
    assert records, "the trace logged nothing"
    assert all(record.levelno == logging.DEBUG for record in records)
    text = "\n".join(record.getMessage() for record in records)
    for secret in (SECRET, PASS, KEY) + tuple(signatures) + extra_secrets:
        assert secret not in text
    assert "GET https://api.bitget.com/api/v2/spot/trade/orderInfo?note=a%20b%2Fc&orderId=123&symbol=BTCUSDT" in text
    assert "POST https://api.bitget.com/api/v2/spot/trade/place-order" in text
    assert "200" in text and "400" in text
    assert "<redacted>" in text


def test_trace_option_redacts(caplog, monkeypatch):
    monkeypatch.delenv("BITGETTRACE", raising=False)
    with _trace_mock() as mocked, caplog.at_level(logging.DEBUG, logger="bitsdk.bitget"):
        signatures = _exercise_for_trace(RestClientV2(KEY, SECRET, PASS, trace=True, proxies={}), mocked)
    assert len(signatures) == 3
    _assert_trace(caplog, signatures)


def test_bitgettrace_environment_variable(caplog, monkeypatch):
    monkeypatch.setenv("BITGETTRACE", "1")
    with _trace_mock() as mocked, caplog.at_level(logging.DEBUG, logger="bitsdk.bitget"):
        signatures = _exercise_for_trace(RestClientV2(KEY, SECRET, PASS, proxies={}), mocked)
    _assert_trace(caplog, signatures)


def test_trace_with_an_rsa_key(caplog, monkeypatch, rsa_keys):
    monkeypatch.setenv("BITGETTRACE", "1")
    _, pems = rsa_keys
    pem = pems["pkcs8"]
    with _trace_mock() as mocked, caplog.at_level(logging.DEBUG, logger="bitsdk.bitget"):
        signatures = _exercise_for_trace(RestClientV2(KEY, pem, PASS, proxies={}), mocked)
    _assert_trace(caplog, signatures, *pem.splitlines()[1:-1])


def test_no_trace_by_default(caplog, monkeypatch):
    monkeypatch.delenv("BITGETTRACE", raising=False)
    with _trace_mock() as mocked, caplog.at_level(logging.DEBUG, logger="bitsdk.bitget"):
        _exercise_for_trace(RestClientV2(KEY, SECRET, PASS, proxies={}), mocked)
    assert not [record for record in caplog.records if record.name == "bitsdk.bitget"]


def test_trace_false_beats_the_environment(caplog, monkeypatch):
    monkeypatch.setenv("BITGETTRACE", "1")
    with _trace_mock() as mocked, caplog.at_level(logging.DEBUG, logger="bitsdk.bitget"):
        _exercise_for_trace(RestClientV2(KEY, SECRET, PASS, trace=False, proxies={}), mocked)
    assert not [record for record in caplog.records if record.name == "bitsdk.bitget"]


def test_recv_window_is_refused_with_a_reason():
    with pytest.raises(errors.InvalidParameterError, match="no receive window"):
        RestClientV3(recv_window=5000)


@pytest.mark.parametrize("status", [403, 429])
def test_http_403_and_429_are_rate_limits_whatever_the_code(status):
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, "https://api.bitget.com/api/v3/market/tickers", status=status,
                 json={"code": "40034", "msg": "Too many requests", "requestTime": 1, "data": None})
        with pytest.raises(errors.RateLimitError) as info:
            RestClientV3().get_tickers(category="SPOT")
    assert info.value.code == "40034" and info.value.http_status == status
    assert "Too many requests" in str(info.value)
