"""Offline tests of the Bybit REST clients (bitsdk.bybit._rest): catalogue, signing, hosts,
errors, rate limits, clock, upload and secret hygiene. Every request goes to `responses`."""

from __future__ import annotations

import base64
import csv
import hashlib
import hmac
import json
import logging
import pathlib
import re
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import urlsplit

import pytest
import requests
import responses
from freezegun import freeze_time

from bitsdk import errors
from bitsdk.bybit import RestClientV5, SpotClientV3
from bitsdk.bybit._rest import DEMO_URL, LIVE_URL, REGION_URLS, TESTNET_URL, RateLimit

KEY = "TESTKEY123"
SECRET = "TESTSECRET456"
TS = 1700000000000  # the spec's test-vector timestamp
FROZEN = "2023-11-14 22:13:20"  # == TS, UTC
OK: Dict[str, Any] = {"retCode": 0, "retMsg": "OK", "result": {}, "retExtInfo": {}, "time": TS}

CATALOGUE = pathlib.Path(__file__).parent / "data" / "bybit-endpoints.csv"
with open(CATALOGUE, newline="") as _handle:
    ROWS = [row for row in csv.DictReader(_handle) if row["client"] in ("rest_v5", "spot_v3")]
CLASSES = {"rest_v5": RestClientV5, "spot_v3": SpotClientV3}
ANY_URL = re.compile(r"https?://.*")


# -- helpers ------------------------------------------------------------------------------


def hmac_hex(secret: str, payload: bytes) -> str:
    return hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()


def prehash(request: requests.PreparedRequest, key: str = KEY) -> bytes:
    """The bytes Bybit signs, rebuilt from what was actually sent."""
    start = f"{request.headers['X-BAPI-TIMESTAMP']}{key}{request.headers['X-BAPI-RECV-WINDOW']}".encode()
    if request.method == "GET":
        return start + urlsplit(request.url).query.encode()
    body = request.body or b""
    return start + (body if isinstance(body, bytes) else body.encode())


def sent_body(request: requests.PreparedRequest) -> bytes:
    body = request.body or b""
    return body if isinstance(body, bytes) else body.encode()


@pytest.fixture
def exchange():
    """A catch-all fake exchange answering every GET/POST with a success envelope."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        for method in (responses.GET, responses.POST):
            rsps.add_callback(method, ANY_URL, callback=lambda request: (200, {}, json.dumps(OK)))
        yield rsps


def answer(rsps: responses.RequestsMock, body: Any, status: int = 200, headers: Optional[Dict[str, str]] = None,
           method: str = responses.GET, url: Any = ANY_URL) -> None:
    text = body if isinstance(body, (str, bytes)) else json.dumps(body)
    rsps.add(method, url, body=text, status=status, headers=headers or {})


def client(**options: Any) -> RestClientV5:
    return RestClientV5(KEY, SECRET, **options)


# -- the catalogue ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_class_tables_match_catalogue_both_ways(kind: str) -> None:
    cls = CLASSES[kind]
    rows = {row["name"]: row for row in ROWS if row["client"] == kind}
    assert set(cls.ENDPOINTS) == set(rows), "missing or extra endpoints"
    for name, row in rows.items():
        spec = cls.ENDPOINTS[name]
        assert (spec.name, spec.verb, spec.path, bool(spec.auth)) == (name, row["http"], row["path"], row["auth"] == "1")
        method = getattr(cls, name)
        assert callable(method) and method.__name__ == name
        assert f"{spec.verb} {spec.path}" in (method.__doc__ or ""), name


def test_catalogue_counts() -> None:
    assert len(RestClientV5.ENDPOINTS) == 456
    assert len(SpotClientV3.ENDPOINTS) == 2


def test_generator_prints_the_catalogue_declarations(capsys: pytest.CaptureFixture) -> None:
    import importlib.util

    tool = pathlib.Path(__file__).parent.parent / "tools" / "gen_endpoints.py"
    spec = importlib.util.spec_from_file_location("gen_endpoints", tool)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(str(CATALOGUE), "rest_v5")
    out = capsys.readouterr().out
    declared = re.findall(r'^    (\w+) = endpoint\("(GET|POST)", "([^"]+)"(, auth=True)?\)$', out, re.M)
    assert len(declared) == 456
    for name, verb, path, auth in declared:
        spec_ = RestClientV5.ENDPOINTS[name]
        assert (spec_.verb, spec_.path, bool(spec_.auth)) == (verb, path, bool(auth))
    headings = set(re.findall(r"^    # (\S+)$", out, re.M))
    assert {"/v5/market", "/v5/event", "/v5/spot-x", "/v5/fgridbot"} <= headings
    assert all(h.count("/") == 2 for h in headings)


SAMPLE = {"symbol": "BTCUSDT", "limit": 5}


def _call(instance: Any, name: str) -> None:
    if name == "upload_p2p_chat_file":
        instance.upload_p2p_chat_file(b"\x89PNG", "chat.png")
    else:
        getattr(instance, name)(dict(SAMPLE))


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['client']}.{r['name']}" for r in ROWS])
def test_every_endpoint_sends_the_right_request(row: Dict[str, str], exchange: responses.RequestsMock) -> None:
    cls = CLASSES[row["client"]]
    name, private = row["name"], row["auth"] == "1"
    _call(cls(KEY, SECRET), name)
    assert len(exchange.calls) == 1
    request = exchange.calls[0].request
    parts = urlsplit(request.url)
    assert request.method == row["http"]
    assert f"{parts.scheme}://{parts.netloc}" == LIVE_URL
    assert parts.path == row["path"]
    if name == "upload_p2p_chat_file":
        assert request.headers["Content-Type"] == "multipart/form-data; boundary=boundary-for-file"
        assert sent_body(request).startswith(b"--boundary-for-file\r\n")
    elif name == "get_spot_borrow_check":
        assert parts.query == "category=spot&symbol=BTCUSDT&limit=5"
    elif row["http"] == "GET":
        assert parts.query == "symbol=BTCUSDT&limit=5"
        assert request.body is None and "Content-Type" not in request.headers
    else:
        assert parts.query == ""
        assert sent_body(request) == b'{"symbol":"BTCUSDT","limit":5}'
        assert request.headers["Content-Type"] == "application/json"
    if private:
        assert request.headers["X-BAPI-API-KEY"] == KEY
        assert request.headers["X-BAPI-SIGN-TYPE"] == "2"
        assert request.headers["X-BAPI-RECV-WINDOW"] == "5000"
        assert request.headers["X-BAPI-SIGN"] == hmac_hex(SECRET, prehash(request))
    else:
        assert not any(h.lower().startswith("x-bapi") for h in request.headers)

    # Without credentials: public calls go out unsigned, private ones fail before sending.
    if private:
        with pytest.raises(errors.MissingCredentialsError) as info:
            _call(cls(), name)
        assert "api_key" in str(info.value)
        assert len(exchange.calls) == 1
    else:
        _call(cls(), name)
        assert len(exchange.calls) == 2
        assert "X-BAPI-SIGN" not in exchange.calls[1].request.headers


# -- signing --------------------------------------------------------------------------------


@freeze_time(FROZEN)
def test_signature_get_vector_with_encoded_cursor(exchange: responses.RequestsMock) -> None:
    client().get_active_orders(category="linear", symbol="BTCUSDT", cursor="page%3D2", limit=50)
    request = exchange.calls[0].request
    payload = "category=linear&symbol=BTCUSDT&cursor=page%253D2&limit=50"
    assert request.url == f"{LIVE_URL}/v5/order/realtime?{payload}"
    assert request.headers["X-BAPI-TIMESTAMP"] == str(TS)
    expected = hmac_hex(SECRET, f"{TS}{KEY}5000{payload}".encode())
    assert expected == "80bb9d93ac8100a3e27706119a9de8827b9d7ac33703ae41b9b728abfc3ffd0e"
    assert request.headers["X-BAPI-SIGN"] == expected


@freeze_time(FROZEN)
def test_signature_post_vector(exchange: responses.RequestsMock) -> None:
    client().submit_order(category="linear", symbol="BTCUSDT", side="Buy", orderType="Limit", qty="0.001", price="10000")
    request = exchange.calls[0].request
    body = '{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"10000"}'
    assert sent_body(request) == body.encode()
    expected = hmac_hex(SECRET, f"{TS}{KEY}5000{body}".encode())
    assert expected == "0f7c951e84f63be436665b097d686c9fcfa158fcdba63d10c78c983ba8886848"
    assert request.headers["X-BAPI-SIGN"] == expected
    assert request.headers["Content-Type"] == "application/json"


@freeze_time(FROZEN)
def test_signature_empty_post_sends_and_signs_braces(exchange: responses.RequestsMock) -> None:
    client().request_demo_trading_funds()
    request = exchange.calls[0].request
    assert sent_body(request) == b"{}"
    expected = hmac_hex(SECRET, f"{TS}{KEY}5000{{}}".encode())
    assert expected == "7b5484dcc2619eea3b78bec4922ff853c86240cbeb2618aa5d18b092863bb31c"
    assert request.headers["X-BAPI-SIGN"] == expected


@freeze_time(FROZEN)
def test_recv_window_option_is_signed_and_sent(exchange: responses.RequestsMock) -> None:
    client(recv_window=20000).get_wallet_balance(accountType="UNIFIED")
    request = exchange.calls[0].request
    assert request.headers["X-BAPI-RECV-WINDOW"] == "20000"
    assert request.headers["X-BAPI-SIGN"] == hmac_hex(SECRET, f"{TS}{KEY}20000accountType=UNIFIED".encode())


@pytest.mark.parametrize("bad", [0, -5, "5000", 5.5, True])
def test_recv_window_must_be_positive_int(bad: Any) -> None:
    with pytest.raises(errors.InvalidParameterError, match="recv_window"):
        client(recv_window=bad)


def _rsa_pem(fmt: str) -> Tuple[str, Any]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    formats = {"pkcs8": serialization.PrivateFormat.PKCS8, "pkcs1": serialization.PrivateFormat.TraditionalOpenSSL}
    pem = key.private_bytes(serialization.Encoding.PEM, formats[fmt], serialization.NoEncryption()).decode()
    return pem, key.public_key()


@pytest.mark.parametrize("fmt", ["pkcs8", "pkcs1"])
def test_rsa_signature_verifies_with_public_key(fmt: str, exchange: responses.RequestsMock) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    pem, public = _rsa_pem(fmt)
    assert ("BEGIN RSA PRIVATE KEY" in pem) == (fmt == "pkcs1")
    rsa_client = RestClientV5(KEY, pem)
    rsa_client.get_position_info(category="linear", symbol="BTCUSDT")
    rsa_client.submit_order(category="spot", symbol="BTCUSDT", side="Buy", orderType="Market", qty="1")
    for call in exchange.calls:
        request = call.request
        assert request.headers["X-BAPI-SIGN-TYPE"] == "2"
        signature = base64.b64decode(request.headers["X-BAPI-SIGN"], validate=True)
        public.verify(signature, prehash(request), padding.PKCS1v15(), hashes.SHA256())  # raises if wrong
    body = "\n".join(pem.strip().splitlines()[1:-1])
    for text in (repr(rsa_client), str(rsa_client.credentials), repr(rsa_client.credentials.signer)):
        assert body not in text and "PRIVATE KEY" not in text


def test_bad_pem_key_error_does_not_echo_the_key(exchange: responses.RequestsMock) -> None:
    pem = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----\n"
    with pytest.raises(errors.InvalidParameterError) as info:
        RestClientV5(KEY, pem).get_wallet_balance(accountType="UNIFIED")
    assert "bm90IGEga2V5" not in str(info.value) and "bm90IGEga2V5" not in repr(info.value)
    assert len(exchange.calls) == 0


# -- serialization ----------------------------------------------------------------------------


def test_query_values_are_stringified_like_javascript(exchange: responses.RequestsMock) -> None:
    RestClientV5().get_tickers(
        category="linear", flag=True, off=False, n=1.0, skip=None, lst=[1, "x y"], f=0.1, tiny=8e-07, text="a+b/c"
    )
    query = urlsplit(exchange.calls[0].request.url).query
    assert query == "category=linear&flag=true&off=false&n=1&lst=1%2Cx%20y&f=0.1&tiny=0.0000008&text=a%2Bb%2Fc"


def test_dict_and_kwargs_are_merged_in_order(exchange: responses.RequestsMock) -> None:
    RestClientV5().get_kline({"category": "spot", "symbol": "BTCUSDT"}, interval="1", limit=None)
    assert urlsplit(exchange.calls[0].request.url).query == "category=spot&symbol=BTCUSDT&interval=1"


def test_post_body_is_compact_json_without_none(exchange: responses.RequestsMock) -> None:
    client().amend_order(category="linear", symbol="BTCUSDT", qty=2.0, price=None, reduce=True)
    assert sent_body(exchange.calls[0].request) == b'{"category":"linear","symbol":"BTCUSDT","qty":2,"reduce":true}'


# -- environments -----------------------------------------------------------------------------


@pytest.mark.parametrize("region, url", sorted(REGION_URLS.items()))
def test_region_hosts(region: str, url: str, exchange: responses.RequestsMock) -> None:
    regional = RestClientV5(api_region=region)
    assert regional.base_url == url
    regional.get_server_time()
    assert exchange.calls[0].request.url == f"{url}/v5/market/time"


def test_region_table_is_the_spec_table() -> None:
    assert REGION_URLS == {
        "default": "https://api.bybit.com",
        "bytick": "https://api.bytick.com",
        "NL": "https://api.bybit.nl",
        "TK": "https://api.bybit.tr",
        "KZ": "https://api.bybit.kz",
        "HK": "https://api.spark-fintech.com",
        "GE": "https://api.bybitgeorgia.ge",
        "UAE": "https://api.bybit.ae",
        "EU": "https://api.bybit.eu",
        "ID": "https://api.bybit.id",
        "JP": "https://api.manepa.jp",
    }


@pytest.mark.parametrize(
    "options, url",
    [
        ({}, "https://api.bybit.com"),
        ({"testnet": True}, "https://api-testnet.bybit.com"),
        ({"demo_trading": True}, "https://api-demo.bybit.com"),
        ({"testnet": True, "api_region": "EU"}, TESTNET_URL),
        ({"testnet": True, "api_region": "HK"}, "https://api-testnet.spark-fintech.com"),
        ({"testnet": True, "api_region": "JP"}, "https://api-testnet.manepa.jp"),
        ({"testnet": True, "api_region": "default"}, TESTNET_URL),
        ({"demo_trading": True, "api_region": "JP"}, DEMO_URL),
        ({"demo_trading": True, "api_region": "NL"}, DEMO_URL),
        ({"base_url": "http://127.0.0.1:8080/"}, "http://127.0.0.1:8080"),
        ({"base_url": "http://127.0.0.1:8080", "testnet": True}, "http://127.0.0.1:8080"),
        ({"base_url": "http://127.0.0.1:8080", "demo_trading": True}, "http://127.0.0.1:8080"),
        ({"base_url": "http://127.0.0.1:8080", "api_region": "KZ"}, "http://127.0.0.1:8080"),
    ],
)
def test_base_url_precedence(options: Dict[str, Any], url: str) -> None:
    assert RestClientV5(**options).base_url == url
    assert SpotClientV3(**options).base_url == url


@pytest.mark.parametrize("extra", [{}, {"base_url": "http://127.0.0.1:1"}])
def test_testnet_with_demo_is_refused(extra: Dict[str, Any]) -> None:
    with pytest.raises(errors.InvalidParameterError, match="testnet=True and demo_trading=True"):
        RestClientV5(testnet=True, demo_trading=True, **extra)


@pytest.mark.parametrize("region", ["AE", "eu", "US", "", 7])
def test_unknown_region_lists_the_valid_keys(region: Any) -> None:
    with pytest.raises(errors.InvalidParameterError) as info:
        RestClientV5(api_region=region)
    for key in REGION_URLS:
        assert f'"{key}"' in str(info.value)
    assert "case-sensitive" in str(info.value)


@pytest.mark.parametrize("region, right", [("hk", "HK"), ("ae", "UAE"), ("AE", "UAE"), ("uae", "UAE"),
                                           ("eu", "EU"), ("Default", "default"), ("BYTICK", "bytick"), ("jp", "JP")])
def test_wrong_region_spelling_names_the_key(region: str, right: str) -> None:
    with pytest.raises(errors.InvalidParameterError, match=f'write api_region="{right}"'):
        RestClientV5(api_region=region)
    with pytest.raises(errors.InvalidParameterError, match=f'write api_region="{right}"'):
        SpotClientV3(api_region=region, base_url="http://127.0.0.1:1")


def test_unknown_region_names_no_key_when_nothing_is_close() -> None:
    with pytest.raises(errors.InvalidParameterError) as info:
        RestClientV5(api_region="US")
    assert "write api_region" not in str(info.value)


@pytest.mark.parametrize("key, secret", [(KEY, None), (None, SECRET), (KEY, ""), ("", SECRET)])
def test_key_and_secret_come_together(key: Optional[str], secret: Optional[str]) -> None:
    with pytest.raises(errors.InvalidParameterError) as info:
        RestClientV5(key, secret)
    assert SECRET not in str(info.value)


def test_demo_trading_funds_on_demo_host(exchange: responses.RequestsMock) -> None:
    demo = client(demo_trading=True)
    demo.request_demo_trading_funds()
    demo.request_demo_trading_funds(adjustType=0, utaDemoApplyMoney=[{"coin": "USDT", "amountStr": "1000"}])
    first, second = (call.request for call in exchange.calls)
    assert first.method == "POST" and first.url == f"{DEMO_URL}/v5/account/demo-apply-money"
    assert sent_body(first) == b"{}" and first.headers["Content-Type"] == "application/json"
    assert first.headers["X-BAPI-SIGN"] == hmac_hex(SECRET, prehash(first))
    assert sent_body(second) == b'{"adjustType":0,"utaDemoApplyMoney":[{"coin":"USDT","amountStr":"1000"}]}'


def test_no_broker_header_unless_asked(exchange: responses.RequestsMock) -> None:
    client().get_tickers(category="spot")
    client().get_wallet_balance(accountType="UNIFIED")
    client(referer="MY-BROKER").get_tickers(category="spot")
    client(referer="MY-BROKER").submit_order(category="spot")
    headers = [{k.lower(): v for k, v in call.request.headers.items()} for call in exchange.calls]
    assert all("referer" not in h and "x-referer" not in h for h in headers[:2])
    assert [h.get("x-referer") for h in headers[2:]] == ["MY-BROKER", "MY-BROKER"]


def _lower_headers(request: requests.PreparedRequest) -> Dict[str, str]:
    return {k.lower(): v for k, v in request.headers.items()}


@pytest.mark.parametrize("cls", [RestClientV5, SpotClientV3])
def test_hk_sends_refer_site_header_on_every_request(cls: Any, exchange: responses.RequestsMock) -> None:
    hk = cls(KEY, SECRET, api_region="HK")
    assert hk.base_url == "https://api.spark-fintech.com"
    hk.get_server_time()
    if cls is RestClientV5:
        hk.get_wallet_balance(accountType="UNIFIED")
        hk.submit_order(category="linear", symbol="BTCUSDT")
        hk.upload_p2p_chat_file(b"img", "a.png")
    cls(KEY, SECRET, api_region="HK", testnet=True).get_server_time()
    for call in exchange.calls:
        assert _lower_headers(call.request)["x-refer-site-id"] == "HKG"
        assert "x-site-id" not in _lower_headers(call.request)
    assert exchange.calls[-1].request.url.startswith("https://api-testnet.spark-fintech.com/")


def test_other_regions_send_no_site_header(exchange: responses.RequestsMock) -> None:
    for region in REGION_URLS:
        if region != "HK":
            RestClientV5(api_region=region).get_server_time()
    RestClientV5().get_server_time()
    for call in exchange.calls:
        headers = _lower_headers(call.request)
        assert "x-refer-site-id" not in headers and "x-site-id" not in headers


def test_site_id_is_sent_on_public_signed_and_upload_requests(exchange: responses.RequestsMock) -> None:
    site = client(site_id="SITE-7", referer="MY-BROKER")
    site.get_tickers(category="spot")
    site.get_wallet_balance(accountType="UNIFIED")
    site.upload_p2p_chat_file(b"img", "a.png")
    RestClientV5(site_id="SITE-7", api_region="HK").get_server_time()
    SpotClientV3(site_id="SITE-7").get_server_time()
    for call in exchange.calls:
        assert _lower_headers(call.request)["x-site-id"] == "SITE-7"
    assert [_lower_headers(c.request).get("x-referer") for c in exchange.calls[:3]] == ["MY-BROKER"] * 3
    assert _lower_headers(exchange.calls[3].request)["x-refer-site-id"] == "HKG"
    # The signature does not cover the site headers: still the plain prehash.
    signed = exchange.calls[1].request
    assert signed.headers["X-BAPI-SIGN"] == hmac_hex(SECRET, prehash(signed))


@pytest.mark.parametrize("bad", ["", "  ", "a\r\nX-Evil: 1", " padded", 42, b"bytes"])
def test_bad_site_id_is_refused_before_sending(bad: Any, exchange: responses.RequestsMock) -> None:
    with pytest.raises(errors.InvalidParameterError, match="site_id"):
        RestClientV5(site_id=bad)
    assert len(exchange.calls) == 0


def test_shared_options_with_ws_url_are_accepted(exchange: responses.RequestsMock) -> None:
    options = {"base_url": "http://127.0.0.1:9", "ws_url": {"v5Private": "ws://127.0.0.1:9/v5/private"},
               "api_key": KEY, "api_secret": SECRET}
    RestClientV5(**options).get_wallet_balance(accountType="UNIFIED")
    assert exchange.calls[0].request.url == "http://127.0.0.1:9/v5/account/wallet-balance?accountType=UNIFIED"


def test_trace_switch_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BYBITTRACE", raising=False)
    assert RestClientV5().trace is False
    monkeypatch.setenv("BYBITTRACE", "1")
    assert RestClientV5().trace is True
    assert RestClientV5(trace=False).trace is False


# -- rate limits -------------------------------------------------------------------------------

LIMIT_HEADERS = {"X-Bapi-Limit": "20", "X-Bapi-Limit-Status": "19", "X-Bapi-Limit-Reset-Timestamp": "1700000000123"}


def test_rate_limit_headers_parsed() -> None:
    with responses.RequestsMock() as rsps:
        answer(rsps, OK, headers=LIMIT_HEADERS)
        envelope = client(parse_api_rate_limits=True).get_wallet_balance(accountType="UNIFIED")
    assert envelope.rate_limit == RateLimit(max_requests=20, remaining_requests=19, reset_at_ms=1700000000123)
    assert envelope["retCode"] == 0 and envelope.http_status == 200


def test_rate_limit_not_parsed_unless_enabled() -> None:
    with responses.RequestsMock() as rsps:
        answer(rsps, OK, headers=LIMIT_HEADERS)
        assert client().get_wallet_balance(accountType="UNIFIED").rate_limit is None


@pytest.mark.parametrize("missing", sorted(LIMIT_HEADERS))
def test_rate_limit_none_when_a_header_is_missing(missing: str) -> None:
    headers = {k: v for k, v in LIMIT_HEADERS.items() if k != missing}
    with responses.RequestsMock() as rsps:
        answer(rsps, OK, headers=headers)
        assert client(parse_api_rate_limits=True).get_wallet_balance().rate_limit is None


@pytest.mark.parametrize("bad", ["", "abc", "NaN", "Infinity", "12,5", "0x10", "\u00b2"])
def test_rate_limit_none_when_a_header_is_malformed(bad: str) -> None:
    with responses.RequestsMock() as rsps:
        answer(rsps, OK, headers={**LIMIT_HEADERS, "X-Bapi-Limit-Status": bad})
        assert client(parse_api_rate_limits=True).get_wallet_balance().rate_limit is None


@pytest.mark.parametrize("bad", ["abc", "\u00b2"])
def test_the_rate_limiter_ignores_a_malformed_limit_header(bad: str) -> None:
    # The limiter reads the headers after every answer: an odd value is no value, never an error.
    from bitsdk import RateLimiter

    with responses.RequestsMock() as rsps:
        answer(rsps, OK, headers={**LIMIT_HEADERS, "X-Bapi-Limit": bad})
        assert client(rate_limit=RateLimiter()).get_wallet_balance()["retCode"] == 0


def test_rate_limit_from_plain_dict_is_case_insensitive() -> None:
    lower = {k.lower(): v for k, v in LIMIT_HEADERS.items()}
    assert RateLimit.from_headers(lower) == RateLimit(20, 19, 1700000000123)
    assert RateLimit.from_headers({}) is None
    # "²" (a latin-1 header byte) passes str.isdigit() but not int(): no value, no crash
    assert RateLimit.from_headers({**LIMIT_HEADERS, "X-Bapi-Limit": "\u00b2"}) is None


# -- errors -------------------------------------------------------------------------------------


def _fail(rsps: responses.RequestsMock, code: int, msg: str, headers: Optional[Dict[str, str]] = None,
          status: int = 200, method: str = responses.GET) -> None:
    answer(rsps, {"retCode": code, "retMsg": msg, "result": {}, "retExtInfo": {}, "time": TS}, status, headers, method)


def test_timestamp_error_explains_the_window() -> None:
    with responses.RequestsMock() as rsps:
        _fail(rsps, 10002, "invalid request, please check your server timestamp or recv_window param")
        with pytest.raises(errors.TimestampError) as info:
            client(recv_window=7000).get_wallet_balance(accountType="UNIFIED")
    text = str(info.value)
    assert info.value.code == 10002 and info.value.http_status == 200
    for part in ("server_time - recv_window <= timestamp < server_time + 1000", "recv_window=7000", "NTP",
                 "fetch_latency_summary()", "set_time_offset_ms()", "larger recv_window"):
        assert part in text
    assert info.value.method == "GET" and info.value.path == "/v5/account/wallet-balance"


@pytest.mark.parametrize("code, words", [(10003, ["testnet", "demo"]), (10004, ["api_secret"]), (33004, ["expired"])])
def test_authentication_errors(code: int, words: List[str]) -> None:
    with responses.RequestsMock() as rsps:
        _fail(rsps, code, "API key is invalid.", status=401 if code == 10003 else 200)
        with pytest.raises(errors.AuthenticationError) as info:
            client().get_wallet_balance(accountType="UNIFIED")
    assert info.value.code == code
    assert all(word in str(info.value) for word in words)


def test_10006_with_reset_header() -> None:
    with responses.RequestsMock() as rsps:
        _fail(rsps, 10006, "Too many visits!", {**LIMIT_HEADERS, "X-Bapi-Limit-Status": "0"}, method=responses.POST)
        with pytest.raises(errors.RateLimitError) as info:
            client().submit_order(category="linear", symbol="BTCUSDT")
        assert len(rsps.calls) == 1  # never retried
    assert info.value.code == 10006 and info.value.reset_at_ms == 1700000000123


def test_10006_without_reset_header() -> None:
    with responses.RequestsMock() as rsps:
        _fail(rsps, 10006, "Too many visits!")
        with pytest.raises(errors.RateLimitError) as info:
            client(parse_api_rate_limits=True).get_wallet_balance(accountType="UNIFIED")
    assert info.value.reset_at_ms is None and info.value.code == 10006


@pytest.mark.parametrize("status", [403, 429])
@pytest.mark.parametrize("body", ["<html><body>403 Forbidden</body></html>", {"retCode": 10009, "retMsg": "banned"},
                                  {"error": "too many"}])
def test_http_403_429_are_rate_limits(status: int, body: Any) -> None:
    with responses.RequestsMock() as rsps:
        answer(rsps, body, status=status)
        with pytest.raises(errors.RateLimitError) as info:
            RestClientV5().get_tickers(category="spot")
    assert info.value.http_status == status


def test_5xx_html_is_http_error() -> None:
    with responses.RequestsMock() as rsps:
        answer(rsps, "<html>502 Bad Gateway</html>", status=502)
        with pytest.raises(errors.HTTPError) as info:
            RestClientV5().get_tickers(category="spot")
    assert info.value.http_status == 502 and "502 Bad Gateway" in str(info.value)


def test_non_json_200_is_invalid_response() -> None:
    with responses.RequestsMock() as rsps:
        answer(rsps, "not json at all")
        with pytest.raises(errors.InvalidResponseError):
            RestClientV5().get_tickers(category="spot")


@pytest.mark.parametrize("exc, expected", [
    (requests.exceptions.ConnectTimeout("connect timed out"), errors.RequestTimeoutError),
    (requests.exceptions.ReadTimeout("read timed out"), errors.RequestTimeoutError),
    (requests.exceptions.ConnectionError("Connection refused"), errors.NetworkError),
])
def test_transport_failures(exc: Exception, expected: type) -> None:
    with responses.RequestsMock() as rsps:
        rsps.add(responses.POST, ANY_URL, body=exc)
        with pytest.raises(expected) as info:
            client().submit_order(category="linear", symbol="BTCUSDT")
        assert len(rsps.calls) == 1
    assert info.value.method == "POST" and info.value.path == "/v5/order/create"
    assert SECRET not in str(info.value)


def test_orders_are_never_retried_but_reads_can_be(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bitsdk._http.time.sleep", lambda seconds: None)
    retrying = client(read_retries=2)
    with responses.RequestsMock() as rsps:
        answer(rsps, "<html>503</html>", status=503, method=responses.POST)
        answer(rsps, "<html>503</html>", status=503)
        with pytest.raises(errors.HTTPError):
            retrying.submit_order(category="linear", symbol="BTCUSDT")
        assert len(rsps.calls) == 1
        with pytest.raises(errors.HTTPError):
            retrying.get_wallet_balance(accountType="UNIFIED")
        assert len(rsps.calls) == 4


def test_business_error_is_api_error() -> None:
    with responses.RequestsMock() as rsps:
        _fail(rsps, 110007, "ab not enough for new order", method=responses.POST)
        with pytest.raises(errors.APIError) as info:
            client().submit_order(category="linear", symbol="BTCUSDT")
    assert type(info.value) is errors.APIError
    assert info.value.code == 110007 and info.value.body["retMsg"] == "ab not enough for new order"
    assert "code 110007: ab not enough for new order" in str(info.value)


def test_snake_case_envelope_failure_and_success() -> None:
    with responses.RequestsMock() as rsps:
        answer(rsps, {"ret_code": 912100027, "ret_msg": "order not exist", "result": None}, method=responses.POST)
        with pytest.raises(errors.APIError) as info:
            client().get_p2p_order_messages(orderId="1", size="10")
    assert info.value.code == 912100027 and "order not exist" in str(info.value)
    with responses.RequestsMock() as rsps:
        answer(rsps, {"ret_code": 0, "ret_msg": "SUCCESS", "result": {"result": []}}, method=responses.POST)
        assert client().get_p2p_order_messages(orderId="1")["ret_code"] == 0


def test_either_code_field_failing_is_a_failure() -> None:
    with responses.RequestsMock() as rsps:
        answer(rsps, {"retCode": 0, "ret_code": 10001, "ret_msg": "params error"})
        with pytest.raises(errors.APIError):
            client().get_wallet_balance()


def test_string_codes_are_understood() -> None:
    with responses.RequestsMock() as rsps:
        answer(rsps, {"retCode": "10004", "retMsg": "error sign!"})
        with pytest.raises(errors.AuthenticationError):
            client().get_wallet_balance()
    with responses.RequestsMock() as rsps:
        answer(rsps, {"retCode": "0", "retMsg": "OK", "result": {}})
        assert client().get_wallet_balance()["retCode"] == "0"


# -- category checks --------------------------------------------------------------------------


@pytest.mark.parametrize("value, fix", [("Linear", "linear"), ("SPOT", "spot"), ("Option", "option")])
def test_category_casing_names_the_right_spelling(value: str, fix: str, exchange: responses.RequestsMock) -> None:
    with pytest.raises(errors.InvalidParameterError) as info:
        RestClientV5().get_tickers(category=value)
    assert f'write category="{fix}"' in str(info.value)
    with pytest.raises(errors.InvalidParameterError, match=f'category="{fix}"'):
        client().batch_submit_orders(value, [{"symbol": "BTCUSDT"}])
    assert len(exchange.calls) == 0


def test_unknown_category_lists_the_choices(exchange: responses.RequestsMock) -> None:
    with pytest.raises(errors.InvalidParameterError) as info:
        client().submit_order(category="perp", symbol="BTCUSDT")
    assert all(f'"{c}"' in str(info.value) for c in ("spot", "linear", "inverse", "option"))
    with pytest.raises(errors.InvalidParameterError):
        client().move_position(fromUid="1", toUid="2", list=[{"category": "Linear", "symbol": "BTCUSDT"}])
    assert len(exchange.calls) == 0


def test_category_not_checked_where_it_means_a_product(exchange: responses.RequestsMock) -> None:
    RestClientV5().get_earn_product(category="FlexibleSaving", coin="USDT")
    client().create_strategy_order(category="UTA_USDT")
    client().get_borrow_contract_info_fixed(category="whatever")
    assert len(exchange.calls) == 3


def test_category_not_checked_on_the_new_families(exchange: responses.RequestsMock) -> None:
    # Event contracts, bots, spot-x, fiat and earn use their own product words, or none.
    RestClientV5().get_event_instruments_info(category="event")
    client().get_event_active_orders(category="Event")
    client().create_futures_grid_bot(category="FGRID")
    client().get_liquidity_mining_positions(category="LiquidityMining")
    RestClientV5().get_launchpool_project_list(category="Launchpool")
    RestClientV5().get_tiered_collateral_ratio(category="whatever")
    assert len(exchange.calls) == 6
    # The full-depth book is market data: the trading category is checked there.
    with pytest.raises(errors.InvalidParameterError, match='category="linear"'):
        RestClientV5().get_full_depth_orderbook(category="Linear", symbol="BTCUSDT")
    assert len(exchange.calls) == 6


def test_repay_collateral_fixed_is_on_the_fixed_path(exchange: responses.RequestsMock) -> None:
    client().repay_collateral_fixed(loanCurrency="USDT", amount="10")
    assert urlsplit(exchange.calls[0].request.url).path == "/v5/crypto-loan-fixed/repay-collateral"


# -- positional shapes ------------------------------------------------------------------------


def _sent(exchange: responses.RequestsMock) -> str:
    request = exchange.calls[-1].request
    return urlsplit(request.url).query if request.method == "GET" else sent_body(request).decode()


@pytest.mark.parametrize("name, args, expected", [
    ("batch_submit_orders", ("linear", [{"symbol": "BTCUSDT", "side": "Buy", "qty": "1"}]),
     '{"category":"linear","request":[{"symbol":"BTCUSDT","side":"Buy","qty":"1"}]}'),
    ("batch_amend_orders", ("option", [{"orderId": "1", "qty": "2"}]),
     '{"category":"option","request":[{"orderId":"1","qty":"2"}]}'),
    ("batch_cancel_orders", ("spot", [{"orderId": "1"}]), '{"category":"spot","request":[{"orderId":"1"}]}'),
    ("set_margin_mode", ("PORTFOLIO_MARGIN",), '{"setMarginMode":"PORTFOLIO_MARGIN"}'),
    ("toggle_spot_margin_trade", ("1",), '{"spotMarginMode":"1"}'),
    ("create_internal_transfer", ("42185bfc-0d6d-4a08-9c1e-6b4d1a6f3e5f", "USDT", "10", "UNIFIED", "FUND"),
     ('{"transferId":"42185bfc-0d6d-4a08-9c1e-6b4d1a6f3e5f","coin":"USDT","amount":"10",'
      '"fromAccountType":"UNIFIED","toAccountType":"FUND"}')),
    ("get_transferable_coin_list", ("UNIFIED", "FUND"), "fromAccountType=UNIFIED&toAccountType=FUND"),
    ("get_master_deposit_address", ("USDT",), "coin=USDT"),
    ("get_master_deposit_address", ("USDT", "TRX"), "coin=USDT&chainType=TRX"),
    ("get_sub_deposit_address", ("USDT", "TRX", "1234"), "coin=USDT&chainType=TRX&subMemberId=1234"),
    ("query_sub_member_address", ("USDT", "TRX", "1234"), "coin=USDT&chainType=TRX&subMemberId=1234"),
    ("get_coin_greeks", ("BTC",), "baseCoin=BTC"),
    ("get_coin_greeks", (), ""),
    ("get_coin_info", ("ETH",), "coin=ETH"),
    ("get_collateral_info", ("USDC",), "currency=USDC"),
    ("reset_mmp", ("ETH",), '{"baseCoin":"ETH"}'),
    ("get_mmp_state", ("ETH",), "baseCoin=ETH"),
    ("cancel_withdrawal", ("10197",), '{"id":"10197"}'),
    ("set_sub_uid_frozen_state", (53888001, 1), '{"subuid":53888001,"frozen":1}'),
    ("enable_universal_transfer_for_sub_uids", (["554117", "592324"],), '{"subMemberIds":["554117","592324"]}'),
    ("set_spot_margin_leverage", ("4",), '{"leverage":"4"}'),
    ("get_spot_margin_coin_info", ("BTC",), "coin=BTC"),
    ("get_spot_margin_borrowable_coin_info", ("BTC",), "coin=BTC"),
    ("get_spot_margin_interest_and_quota", ("BTC",), "coin=BTC"),
    ("get_institutional_lending_product_info", ("91",), "productId=91"),
    ("get_institutional_lending_margin_coin_info", ("91",), "productId=91"),
    ("get_institutional_lending_margin_coin_info_with_conversion_rate", ("91",), "productId=91"),
    ("set_disconnect_cancel_all_window", ("option", 40), '{"category":"option","timeWindow":40}'),
    ("get_spot_borrow_check", ("BTCUSDT", "Buy"), "category=spot&symbol=BTCUSDT&side=Buy"),
    ("get_spot_borrow_check", ({"symbol": "ETHUSDT", "side": "Sell"},), "category=spot&symbol=ETHUSDT&side=Sell"),
])
def test_positional_shapes(name: str, args: Tuple[Any, ...], expected: str, exchange: responses.RequestsMock) -> None:
    getattr(client(), name)(*args)
    assert _sent(exchange) == expected


def test_positional_and_keywords_mix(exchange: responses.RequestsMock) -> None:
    client().get_spot_borrow_check("BTCUSDT", side="Buy")
    assert _sent(exchange) == "category=spot&symbol=BTCUSDT&side=Buy"
    client().batch_submit_orders("linear", request=[{"symbol": "X"}])
    assert _sent(exchange) == '{"category":"linear","request":[{"symbol":"X"}]}'
    SpotClientV3().get_merged_order_book("BTCUSDT", 1, 20)
    assert _sent(exchange) == "symbol=BTCUSDT&scale=1&limit=20"
    SpotClientV3().get_merged_order_book("BTCUSDT", limit=5)
    assert _sent(exchange) == "symbol=BTCUSDT&limit=5"


def test_too_many_positionals_is_refused(exchange: responses.RequestsMock) -> None:
    with pytest.raises(errors.InvalidParameterError, match="setMarginMode"):
        client().set_margin_mode("REGULAR_MARGIN", "extra")
    with pytest.raises(errors.InvalidParameterError):
        client().get_tickers("linear")
    assert len(exchange.calls) == 0


# -- multipart upload --------------------------------------------------------------------------


@freeze_time(FROZEN)
def test_upload_body_and_signature(exchange: responses.RequestsMock) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00binary\xff"
    client().upload_p2p_chat_file(data, "screen shot.png")
    request = exchange.calls[0].request
    body = (
        b"--boundary-for-file\r\n"
        b'Content-Disposition: form-data; name="upload_file"; filename="screen shot.png"\r\n'
        b"Content-Type: image/png\r\n\r\n" + data + b"\r\n--boundary-for-file--\r\n"
    )
    assert request.method == "POST" and request.url == f"{LIVE_URL}/v5/p2p/oss/upload_file"
    assert sent_body(request) == body
    assert request.headers["Content-Type"] == "multipart/form-data; boundary=boundary-for-file"
    assert request.headers["X-BAPI-TIMESTAMP"] == str(TS)
    assert request.headers["X-BAPI-SIGN"] == hmac_hex(SECRET, f"{TS}{KEY}5000".encode() + body)


@pytest.mark.parametrize("filename, mime", [
    ("a.jpg", "image/jpeg"), ("a.JPEG", "image/jpeg"), ("a.png", "image/png"), ("doc.pdf", "application/pdf"),
    ("clip.mp4", "video/mp4"), ("notes.txt", "application/octet-stream"), ("noext", "application/octet-stream"),
])
def test_upload_mime_by_extension(filename: str, mime: str, exchange: responses.RequestsMock) -> None:
    client().upload_p2p_chat_file(b"x", filename)
    assert f"Content-Type: {mime}\r\n\r\nx".encode() in sent_body(exchange.calls[0].request)


def test_upload_inputs(tmp_path: pathlib.Path, exchange: responses.RequestsMock) -> None:
    path = tmp_path / "proof.pdf"
    path.write_bytes(b"%PDF-1.4")
    uploader = client()
    uploader.upload_p2p_chat_file(path)
    uploader.upload_p2p_chat_file(str(path))
    with open(path, "rb") as handle:
        uploader.upload_p2p_chat_file(handle)
    uploader.upload_p2p_chat_file({"fileBuffer": b"%PDF-1.4", "fileName": "proof.pdf"})
    uploader.upload_p2p_chat_file(fileBuffer=b"%PDF-1.4", fileName="proof.pdf")
    bodies = {sent_body(call.request) for call in exchange.calls}
    assert len(exchange.calls) == 5 and len(bodies) == 1
    assert b'filename="proof.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n' in bodies.pop()
    uploader.upload_p2p_chat_file(b"x", 'a"b\r\n.png')
    assert b'filename="a%22b%0D%0A.png"' in sent_body(exchange.calls[-1].request)


def test_upload_refuses_missing_parts(exchange: responses.RequestsMock) -> None:
    uploader = client()
    with pytest.raises(errors.InvalidParameterError, match="filename"):
        uploader.upload_p2p_chat_file(b"data")
    with pytest.raises(errors.InvalidParameterError, match="needs the file"):
        uploader.upload_p2p_chat_file()
    with pytest.raises(errors.InvalidParameterError, match="orderId"):
        uploader.upload_p2p_chat_file(b"data", "a.png", orderId="1")
    with pytest.raises(errors.MissingCredentialsError):
        RestClientV5().upload_p2p_chat_file(b"data", "a.png")
    assert len(exchange.calls) == 0


# -- clock --------------------------------------------------------------------------------------

TIME_BODY = {"retCode": 0, "retMsg": "OK", "result": {"timeSecond": "1700000001", "timeNano": "1700000001500123456"},
             "retExtInfo": {}, "time": 1700000001500}


def test_fetch_server_time_is_int_milliseconds() -> None:
    with responses.RequestsMock() as rsps:
        answer(rsps, TIME_BODY)
        public = RestClientV5()
        value = public.fetch_server_time()
        assert value == 1700000001500 and type(value) is int
        assert public.fetch_server_time_ms() == 1700000001500
        assert rsps.calls[0].request.url == f"{LIVE_URL}/v5/market/time"


def test_fetch_server_time_ms_falls_back_to_time_nano() -> None:
    with responses.RequestsMock() as rsps:
        answer(rsps, {**TIME_BODY, "time": None})
        assert RestClientV5().fetch_server_time_ms() == 1700000001500
    with responses.RequestsMock() as rsps:
        answer(rsps, {"retCode": 0, "retMsg": "OK", "result": {}})
        with pytest.raises(errors.InvalidResponseError, match="timeNano"):
            RestClientV5().fetch_server_time_ms()


@freeze_time(FROZEN)
def test_latency_summary_and_sync(caplog: pytest.LogCaptureFixture) -> None:
    with responses.RequestsMock() as rsps:
        answer(rsps, TIME_BODY, url=f"{LIVE_URL}/v5/market/time")
        answer(rsps, OK, url=f"{LIVE_URL}/v5/account/wallet-balance")
        synced = client()
        with caplog.at_level(logging.WARNING, logger="bitsdk.bybit"):
            summary = synced.fetch_latency_summary()
        assert summary["serverTime"] == 1700000001500 and summary["timeDifference"] == 1500
        assert "1500 ms" in caplog.text
        assert synced.get_time_offset_ms() == 0  # measuring changes nothing
        assert synced.sync_time(samples=1) == 1500
        synced.get_wallet_balance(accountType="UNIFIED")
        assert rsps.calls[-1].request.headers["X-BAPI-TIMESTAMP"] == str(TS + 1500)
        synced.set_time_offset_ms(-200)
        synced.get_wallet_balance(accountType="UNIFIED")
        assert rsps.calls[-1].request.headers["X-BAPI-TIMESTAMP"] == str(TS - 200)


@freeze_time(FROZEN)
def test_time_sync_interval_syncs_lazily_before_signed_calls() -> None:
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, f"{LIVE_URL}/v5/market/time", json=TIME_BODY)
        rsps.add(responses.GET, f"{LIVE_URL}/v5/account/wallet-balance", json=OK)
        lazy = client(time_sync_interval=3600)
        lazy.get_wallet_balance()
        paths = [urlsplit(call.request.url).path for call in rsps.calls]
        assert paths[-1] == "/v5/account/wallet-balance" and "/v5/market/time" in paths
        assert rsps.calls[-1].request.headers["X-BAPI-TIMESTAMP"] == str(TS + 1500)


def test_spot_v3_server_time() -> None:
    body = {"ret_code": 0, "ret_msg": "OK", "ext_code": "", "ext_info": "", "result": {},
            "time_now": "1700000001.500123"}
    with responses.RequestsMock() as rsps:
        answer(rsps, body)
        spot = SpotClientV3()
        value = spot.fetch_server_time()
        assert value == 1700000001500 and type(value) is int
        assert spot.fetch_server_time_ms() == 1700000001500
        assert rsps.calls[0].request.url == f"{LIVE_URL}/v2/public/time"
    with responses.RequestsMock() as rsps:
        answer(rsps, {"ret_code": 0, "time_now": "soon"})
        with pytest.raises(errors.InvalidResponseError, match="time_now"):
            SpotClientV3().fetch_server_time_ms()


# -- secret hygiene -----------------------------------------------------------------------------


def test_no_secret_or_signature_in_errors_repr_or_trace(caplog: pytest.LogCaptureFixture) -> None:
    traced = client(trace=True)
    failures: List[BaseException] = []
    with caplog.at_level(logging.DEBUG, logger="bitsdk.bybit"), responses.RequestsMock() as rsps:
        answer(rsps, OK, method=responses.POST)
        _fail(rsps, 10004, "error sign! origin_string[...]")
        answer(rsps, "<html>oops</html>", status=500, method=responses.POST, url=f"{LIVE_URL}/v5/order/cancel")
        traced.submit_order(category="linear", symbol="BTCUSDT", side="Buy", orderType="Limit", qty="1", price="1")
        for call in (lambda: traced.get_wallet_balance(accountType="UNIFIED"), lambda: traced.cancel_order(category="linear")):
            try:
                call()
            except errors.BitsdkError as exc:
                failures.append(exc)
        signatures = [c.request.headers["X-BAPI-SIGN"] for c in rsps.calls]
    assert len(failures) == 2 and len(signatures) == 3
    texts = [caplog.text, repr(traced), str(traced.credentials)]
    texts += [str(exc) for exc in failures] + [repr(exc) for exc in failures]
    texts += [repr(getattr(exc, "headers", "")) + repr(getattr(exc, "body", "")) for exc in failures]
    for text in texts:
        assert SECRET not in text
        assert all(signature not in text for signature in signatures)
    assert "<redacted>" in caplog.text and KEY not in caplog.text
    assert "/v5/order/create" in caplog.text  # the trace itself works


def test_rsa_key_not_in_trace(caplog: pytest.LogCaptureFixture, exchange: responses.RequestsMock) -> None:
    pem, _ = _rsa_pem("pkcs8")
    traced = RestClientV5(KEY, pem, trace=True)
    with caplog.at_level(logging.DEBUG, logger="bitsdk.bybit"):
        traced.upload_p2p_chat_file(b"abc", "a.png")
        traced.get_wallet_balance()
    signature = exchange.calls[0].request.headers["X-BAPI-SIGN"]
    size = len(sent_body(exchange.calls[0].request))
    key_line = pem.strip().splitlines()[1]
    for text in (caplog.text, repr(traced)):
        assert key_line not in text and signature not in text and "PRIVATE KEY" not in text
    assert f"body=<{size} bytes>" in caplog.text  # the multipart body is not dumped


def test_missing_credentials_message_is_helpful(exchange: responses.RequestsMock) -> None:
    with pytest.raises(errors.MissingCredentialsError) as info:
        RestClientV5().submit_order(category="linear")
    assert "api_key=..." in str(info.value) and "api_secret=..." in str(info.value)
    assert len(exchange.calls) == 0


def test_client_is_a_context_manager() -> None:
    with RestClientV5() as public:
        assert isinstance(public, RestClientV5)
