"""The REST engine (bitsdk._http) on its own, through a tiny exchange-neutral client."""

import base64
import hashlib
import hmac
import inspect
import json
import logging
import re
from decimal import Decimal
from typing import Dict, List, Tuple
from unittest import mock
from urllib.parse import urlsplit

import pytest
import requests
import responses

from bitsdk import errors
from bitsdk._http import (
    OPTIONAL,
    EndpointSpec,
    Envelope,
    RestClient,
    compact_json,
    encode_query,
    endpoint,
    js_str,
)

BASE = "https://tiny.test"
KEY = "tiny-key-0123456789"
SECRET = "tiny-secret-abcdef"
ANY_URL = re.compile(r"https://tiny\.test/.*")
OK = {"ok": True, "data": {"n": 1}}


class Tiny(RestClient):
    """A minimal exchange: HMAC over ``ts + method + path + query + body``."""

    DEFAULT_BASE_URL = BASE
    LOGGER_NAME = "bitsdk.tiny"
    SECRET_HEADERS = frozenset({"X-SIGN"})
    SURFACE = "Tiny REST"
    PARAM_CHOICES = {"side": ("Buy", "Sell")}
    PATH_PARAM_CHOICES = {"kind": ("a", "b")}

    get_thing = endpoint("GET", "/v1/thing", "Get a thing.")
    post_thing = endpoint("POST", "/v1/thing", auth=True)
    get_private = endpoint("GET", "/v1/private", auth=True)
    get_maybe = endpoint("GET", "/v1/maybe", auth=OPTIONAL)
    get_kind = endpoint("GET", "/v1/items/{kind}/list", args=("kind",))
    post_kind = endpoint("POST", "/v1/items/{kind}/add", auth=True, args=("kind",))
    post_two = endpoint("POST", "/v1/two", auth=True, args=("category", "request"))

    def __init__(self, **options):
        super().__init__(**options)
        self.signed: List[Tuple[str, str, str, object, int]] = []

    def _auth_headers(self, method, path, query, body, timestamp) -> Dict[str, str]:
        payload = body.decode("utf-8") if isinstance(body, bytes) else (body or "")
        self.signed.append((method, path, query, body, timestamp))
        prehash = f"{timestamp}{method}{path}{'?' + query if query else ''}{payload}"
        return {
            "X-KEY": self.credentials.api_key,
            "X-TS": str(timestamp),
            "X-SIGN": self.credentials.signer.sign_base64(prehash),
        }

    def _check_envelope(self, envelope, method, path) -> None:
        if envelope.get("ok") is False:
            raise errors.APIError(str(envelope.get("error")), code=envelope.get("code"),
                                  http_status=envelope.http_status, method=method, path=path)


@pytest.fixture
def rsps():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        mocked.add(responses.GET, ANY_URL, json=OK)
        mocked.add(responses.POST, ANY_URL, json=OK)
        yield mocked


@pytest.fixture
def client():
    with Tiny(api_key=KEY, api_secret=SECRET, proxies={}) as tiny:
        yield tiny


@pytest.fixture
def public():
    with Tiny(proxies={}) as tiny:
        yield tiny


def _query(call) -> str:
    return urlsplit(call.request.url).query


def _body(call) -> str:
    body = call.request.body
    if body is None:
        return ""
    return body.decode("utf-8") if isinstance(body, bytes) else body


# -- parameter collection -----------------------------------------------------------------


def test_dict_and_kwargs_are_merged_and_kwargs_win(public, rsps):
    params = {"a": "1", "b": "2"}
    public.get_thing(params, b="3", c="4")
    assert _query(rsps.calls[0]) == "a=1&b=3&c=4"
    assert params == {"a": "1", "b": "2"}, "the caller's dict must not be changed"


def test_dict_only_kwargs_only_and_nothing(public, rsps):
    public.get_thing({"x": "1"})
    public.get_thing(x="1")
    public.get_thing()
    assert _query(rsps.calls[0]) == _query(rsps.calls[1]) == "x=1"
    assert rsps.calls[2].request.url == BASE + "/v1/thing"


def test_none_values_are_dropped(public, rsps):
    public.get_thing({"a": None, "b": "1"}, c=None)
    assert _query(rsps.calls[0]) == "b=1"


def test_none_values_are_dropped_inside_bodies(client, rsps):
    client.post_thing(
        {"drop": None, "keep": "1"},
        order={"price": None, "qty": "2", "inner": {"z": None, "y": "3"}},
        orders=[{"a": None, "b": "4"}],
        gone=None,
    )
    assert _body(rsps.calls[0]) == '{"keep":"1","order":{"qty":"2","inner":{"y":"3"}},"orders":[{"b":"4"}]}'


def test_js_stringification_in_queries(public, rsps):
    public.get_thing(
        yes=True, no=False, one=1.0, small=Decimal("0.00000008"), tiny=8e-07, n=5,
        syms=["BTCUSDT", "ETHUSDT"], text="a b/c:d",
    )
    assert _query(rsps.calls[0]) == (
        "yes=true&no=false&one=1&small=0.00000008&tiny=0.0000008&n=5"
        "&syms=BTCUSDT%2CETHUSDT&text=a%20b%2Fc%3Ad"
    )


@pytest.mark.parametrize(
    "value, text",
    [
        (True, "true"),
        (False, "false"),
        (1.0, "1"),
        (2.5, "2.5"),
        (Decimal("0.00000008"), "0.00000008"),
        (8e-07, "0.0000008"),
        (1e-10, "0.0000000001"),
        (0.1, "0.1"),
        (10, "10"),
        ("text", "text"),
        (["a", 1, True], "a,1,true"),
        (("x", "y"), "x,y"),
        ({"a": 1.0, "b": None}, '{"a":1}'),
    ],
)
def test_js_str(value, text):
    assert js_str(value) == text


def test_encode_query_is_encode_uri_component():
    # encodeURIComponent leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) alone and writes %20 for a space.
    assert encode_query({"v": "-_.!~*'() +&=/?#é"}) == "v=-_.!~*'()%20%2B%26%3D%2F%3F%23%C3%A9"
    assert encode_query({"b": "2", "a": "1"}) == "b=2&a=1"
    assert encode_query({"b": "2", "a": "1", "B": "0"}, sort=True) == "B=0&a=1&b=2"
    assert encode_query({}) == ""


def test_compact_json_in_bodies():
    assert compact_json({"a": 1.0, "b": Decimal("0.00000008"), "c": True, "d": [1, None]}) == (
        '{"a":1,"b":"0.00000008","c":true,"d":[1,null]}'
    )


def test_post_body_values(client, rsps):
    client.post_thing(price=1.0, qty=Decimal("0.00000008"), flag=True, size="0.5")
    assert _body(rsps.calls[0]) == '{"price":1,"qty":"0.00000008","flag":true,"size":"0.5"}'
    assert rsps.calls[0].request.headers.get("Content-Length") == str(len(_body(rsps.calls[0])))


def test_post_without_parameters_sends_no_body(client, rsps):
    client.post_thing()
    call = rsps.calls[0]
    assert call.request.body is None
    assert client.signed[-1][3] == ""


def test_a_list_is_a_whole_post_body(client, rsps):
    client.post_thing([{"a": "1", "b": None}, {"a": "2"}])
    assert _body(rsps.calls[0]) == '[{"a":"1"},{"a":"2"}]'
    with pytest.raises(errors.InvalidParameterError):
        client.get_thing(["a"])
    with pytest.raises(errors.InvalidParameterError):
        client.post_thing([{"a": "1"}], extra="x")
    assert len(rsps.calls) == 1


def test_named_positional_arguments(client, rsps):
    client.post_two("linear", [{"a": "1"}])
    assert _body(rsps.calls[0]) == '{"category":"linear","request":[{"a":"1"}]}'
    with pytest.raises(errors.InvalidParameterError, match="positionally"):
        client.post_two("linear", [], "extra")
    with pytest.raises(errors.InvalidParameterError, match="positionally"):
        client.get_thing("a", "b")


def test_path_parameters(public, client, rsps):
    public.get_kind("a", x="1")
    public.get_kind(kind="b")
    public.get_kind({"kind": "a", "y": "2"})
    client.post_kind("b", qty="1")
    assert rsps.calls[0].request.path_url == "/v1/items/a/list?x=1"
    assert rsps.calls[1].request.path_url == "/v1/items/b/list"
    assert rsps.calls[2].request.path_url == "/v1/items/a/list?y=2"
    assert rsps.calls[3].request.path_url == "/v1/items/b/add"
    assert _body(rsps.calls[3]) == '{"qty":"1"}'
    assert client.signed[-1][1] == "/v1/items/b/add"
    with pytest.raises(errors.InvalidParameterError, match='kind="a" or kind="b"'):
        public.get_kind()
    with pytest.raises(errors.InvalidParameterError, match='"a"'):
        public.get_kind("A")
    with pytest.raises(errors.InvalidParameterError, match="use one of"):
        public.get_kind("zzz")
    assert len(rsps.calls) == 4


def test_parameter_choices_refused_before_sending(client, rsps):
    with pytest.raises(errors.InvalidParameterError) as caught:
        client.post_thing(side="buy")
    assert 'write side="Buy"' in str(caught.value)
    assert "Tiny REST" in str(caught.value)
    with pytest.raises(errors.InvalidParameterError, match="use one of"):
        client.post_thing(side="hold")
    # also inside lists of orders
    with pytest.raises(errors.InvalidParameterError, match='side="Sell"'):
        client.post_thing([{"side": "sell"}])
    with pytest.raises(errors.InvalidParameterError, match='side="Sell"'):
        client.post_thing(orders=[{"side": "sell"}])
    assert not rsps.calls


# -- what is signed is what is sent -------------------------------------------------------


def _expected_sign(timestamp, method, path_url, body) -> str:
    message = f"{timestamp}{method}{path_url}{body}".encode("utf-8")
    return base64.b64encode(hmac.new(SECRET.encode(), message, hashlib.sha256).digest()).decode()


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.post_thing({"note": "café ✓", "n": 1.5, "nested": {"list": [1, 2]}}),
        lambda c: c.post_thing([{"a": "1"}, {"b": "2"}]),
        lambda c: c.post_thing(),
        lambda c: c.get_private(note="a b/c", sym="BTC-USDT", emoji="é", odd="!*'()~%+&=?#"),
        lambda c: c.get_private(),
        lambda c: c.post_kind("a", note="x y"),
    ],
    ids=["post-unicode", "post-list", "post-empty", "get-encoded", "get-empty", "post-path-param"],
)
def test_sent_bytes_are_the_signed_bytes(client, rsps, call):
    call(client)
    sent = rsps.calls[0].request
    method, path, query, body, _timestamp = client.signed[-1]
    assert sent.method == method
    assert sent.path_url == path + ("?" + query if query else "")
    body_bytes = sent.body if isinstance(sent.body, bytes) else (sent.body or "").encode("utf-8")
    signed_bytes = body if isinstance(body, bytes) else (body or "").encode("utf-8")
    assert body_bytes == signed_bytes
    assert sent.headers["X-SIGN"] == _expected_sign(
        sent.headers["X-TS"], sent.method, sent.path_url, body_bytes.decode("utf-8")
    )


def test_signature_uses_the_api_path_not_the_base_url_prefix(rsps):
    rsps.add(responses.POST, re.compile(r"https://proxy\.test/prefix/.*"), json=OK)
    with Tiny(api_key=KEY, api_secret=SECRET, base_url="https://proxy.test/prefix/", proxies={}) as tiny:
        tiny.post_thing(a="1")
    sent = rsps.calls[0].request
    assert sent.url == "https://proxy.test/prefix/v1/thing"
    assert tiny.signed[-1][1] == "/v1/thing"


# -- auth modes ---------------------------------------------------------------------------


def test_public_private_and_optional(public, client, rsps):
    public.get_thing()
    public.get_maybe()
    with pytest.raises(errors.MissingCredentialsError, match="api_key=..., api_secret=..."):
        public.get_private()
    client.get_thing()
    client.get_maybe()
    assert len(rsps.calls) == 4
    assert "X-SIGN" not in rsps.calls[0].request.headers
    assert "X-SIGN" not in rsps.calls[1].request.headers
    assert "X-SIGN" not in rsps.calls[2].request.headers
    assert "X-SIGN" in rsps.calls[3].request.headers


# -- retries ------------------------------------------------------------------------------


@pytest.fixture
def no_sleep(monkeypatch):
    slept = []
    monkeypatch.setattr("bitsdk._http.time.sleep", slept.append)
    return slept


def test_read_retries_retry_gets(no_sleep):
    with responses.RequestsMock() as rsps, Tiny(read_retries=2, proxies={}) as tiny:
        rsps.add(responses.GET, ANY_URL, body=requests.exceptions.ConnectionError("refused"))
        rsps.add(responses.GET, ANY_URL, status=503, json={"busy": True})
        rsps.add(responses.GET, ANY_URL, json=OK)
        assert tiny.get_thing() == OK
        assert len(rsps.calls) == 3
    assert len(no_sleep) == 2 and no_sleep[0] < no_sleep[1]


def test_read_retries_give_up(no_sleep):
    with responses.RequestsMock() as rsps, Tiny(read_retries=1, proxies={}) as tiny:
        rsps.add(responses.GET, ANY_URL, body=requests.exceptions.ReadTimeout("slow"))
        with pytest.raises(errors.RequestTimeoutError):
            tiny.get_thing()
        assert len(rsps.calls) == 2


def test_a_post_is_never_retried(no_sleep):
    with responses.RequestsMock() as rsps, Tiny(api_key=KEY, api_secret=SECRET, read_retries=5, proxies={}) as tiny:
        rsps.add(responses.POST, ANY_URL, body=requests.exceptions.ReadTimeout("slow"))
        with pytest.raises(errors.RequestTimeoutError):
            tiny.post_thing(a="1")
        assert len(rsps.calls) == 1
    assert no_sleep == []


def test_client_errors_are_not_retried(no_sleep):
    with responses.RequestsMock() as rsps, Tiny(read_retries=3, proxies={}) as tiny:
        rsps.add(responses.GET, ANY_URL, status=400, json={"bad": "request"})
        with pytest.raises(errors.HTTPError):
            tiny.get_thing()
        assert len(rsps.calls) == 1


def test_no_retries_by_default(no_sleep):
    with responses.RequestsMock() as rsps, Tiny(proxies={}) as tiny:
        rsps.add(responses.GET, ANY_URL, body=requests.exceptions.ConnectionError("refused"))
        with pytest.raises(errors.NetworkError):
            tiny.get_thing()
        assert len(rsps.calls) == 1


@pytest.mark.parametrize("bad", [-1, 6])
def test_read_retries_bounds(bad):
    with pytest.raises(errors.InvalidParameterError):
        Tiny(read_retries=bad)


# -- session options ----------------------------------------------------------------------


@pytest.fixture
def proxy_env(monkeypatch):
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy",
                 "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    return monkeypatch


def test_proxies_from_the_environment_resolved_once(proxy_env, rsps):
    tiny = Tiny()
    assert tiny.session.trust_env is False
    assert tiny.session.proxies.get("https") == "http://proxy.example:3128"
    proxy_env.setenv("HTTPS_PROXY", "http://other.example:1")
    tiny.get_thing()
    assert rsps.calls[0].request.req_kwargs["proxies"].get("https") == "http://proxy.example:3128"
    tiny.close()


def test_explicit_proxies_win_over_the_environment(proxy_env, rsps):
    assert Tiny(proxies={}).session.proxies == {}
    chosen = {"https": "http://mine.example:8080"}
    tiny = Tiny(proxies=chosen)
    assert tiny.session.proxies == chosen
    tiny.get_thing()
    assert rsps.calls[0].request.req_kwargs["proxies"] == chosen


def test_no_proxy_is_honoured(proxy_env):
    proxy_env.setenv("NO_PROXY", "tiny.test")
    assert "https" not in Tiny().session.proxies


def test_a_given_session_is_used_and_not_modified(rsps):
    session = requests.Session()
    session.proxies = {"https": "http://given.example:1"}
    session.headers["X-Mine"] = "1"
    tiny = Tiny(session=session)
    assert tiny.session is session
    assert session.trust_env is True
    tiny.get_thing()
    assert rsps.calls[0].request.req_kwargs["proxies"] == {"https": "http://given.example:1"}
    assert rsps.calls[0].request.headers["X-Mine"] == "1"
    # An explicit proxies= argument wins over the session's.
    Tiny(session=session, proxies={"https": "http://chosen.example:2"}).get_thing()
    assert rsps.calls[1].request.req_kwargs["proxies"] == {"https": "http://chosen.example:2"}
    assert session.proxies == {"https": "http://given.example:1"}


@pytest.mark.parametrize("timeout", [3.5, (1.0, 7.0)])
def test_timeout_is_passed_through(rsps, timeout):
    with Tiny(timeout=timeout, proxies={}) as tiny:
        tiny.get_thing()
    assert rsps.calls[0].request.req_kwargs["timeout"] == timeout


def test_default_timeout_is_finite(rsps):
    with Tiny(proxies={}) as tiny:
        tiny.get_thing()
    assert rsps.calls[0].request.req_kwargs["timeout"] == 10.0


def test_context_manager_closes_the_session():
    tiny = Tiny(proxies={})
    with mock.patch.object(tiny.session, "close", wraps=tiny.session.close) as closing:
        with tiny as entered:
            assert entered is tiny
        assert closing.call_count == 1
        tiny.close()  # safe twice
        assert closing.call_count == 2


def test_context_manager_closes_on_error():
    tiny = Tiny(proxies={})
    with mock.patch.object(tiny.session, "close") as closing:
        with pytest.raises(RuntimeError):
            with tiny:
                raise RuntimeError("boom")
        closing.assert_called_once_with()


# -- endpoint methods look like methods ---------------------------------------------------


def test_endpoint_methods_introspect_like_methods():
    method = Tiny.get_thing
    assert method.__name__ == "get_thing"
    assert method.__qualname__ == "Tiny.get_thing"
    assert method.__module__ == __name__
    assert method.__doc__.startswith("Get a thing.")
    assert "``GET /v1/thing``" in method.__doc__
    assert "public" in method.__doc__
    assert "signed" in Tiny.post_thing.__doc__ and "``POST /v1/thing``" in Tiny.post_thing.__doc__
    assert "signed when the client has credentials" in Tiny.get_maybe.__doc__
    assert "kind: goes into the URL path" in Tiny.get_kind.__doc__
    assert Tiny.post_thing.__doc__.startswith("Post thing.")


def test_endpoint_signatures():
    assert str(inspect.signature(Tiny.get_thing)) == "(self, params=None, /, **kwargs) -> 'Envelope'"
    assert str(inspect.signature(Tiny(proxies={}).get_thing)) == "(params=None, /, **kwargs) -> 'Envelope'"
    assert str(inspect.signature(Tiny.post_two)) == "(self, category=None, request=None, /, **kwargs) -> 'Envelope'"
    # "params" is positional-only, so an exchange parameter named "params" still works as a keyword.
    bound = inspect.signature(Tiny.get_thing).bind(object(), {"a": 1}, params="x")
    assert bound.arguments["kwargs"] == {"params": "x"}


def test_keyword_named_like_the_positional_parameters(public, rsps):
    public.get_thing({"a": "1"}, params="x")
    assert _query(rsps.calls[0]) == "a=1&params=x"


def test_endpoint_table():
    assert set(Tiny.ENDPOINTS) == {"get_thing", "post_thing", "get_private", "get_maybe", "get_kind",
                                   "post_kind", "post_two"}
    spec = Tiny.ENDPOINTS["get_kind"]
    assert isinstance(spec, EndpointSpec)
    assert (spec.name, spec.verb, spec.path, spec.auth, spec.path_params) == (
        "get_kind", "GET", "/v1/items/{kind}/list", False, ("kind",)
    )
    assert Tiny.ENDPOINTS["get_maybe"].auth == OPTIONAL and Tiny.ENDPOINTS["get_maybe"].private
    assert "get_thing" in repr(Tiny.ENDPOINTS["get_thing"])
    assert RestClient.ENDPOINTS == {}, "subclasses must not write into the base table"

    class Sub(Tiny):
        get_more = endpoint("GET", "/v1/more")

    assert set(Sub.ENDPOINTS) == set(Tiny.ENDPOINTS) | {"get_more"}
    assert "get_more" not in Tiny.ENDPOINTS


# -- answers ------------------------------------------------------------------------------


def test_envelope_is_a_dict_with_metadata(public):
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, ANY_URL, json=OK, headers={"X-Limit": "9"})
        result = public.get_thing()
    assert isinstance(result, Envelope) and isinstance(result, dict)
    assert result == OK
    assert result.http_status == 200
    assert result.headers["x-limit"] == "9"
    assert result.rate_limit is None
    assert json.loads(json.dumps(result)) == OK


def test_exchange_error_goes_through_the_hook(public):
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, ANY_URL, json={"ok": False, "error": "nope", "code": 7}, status=200)
        with pytest.raises(errors.APIError) as caught:
            public.get_thing()
    assert caught.value.code == 7 and caught.value.http_status == 200
    assert (caught.value.method, caught.value.path) == ("GET", "/v1/thing")


@pytest.mark.parametrize(
    "status, kwargs, cls",
    [
        (500, {"json": {"unexpected": True}}, errors.HTTPError),
        (502, {"body": "<html>bad gateway</html>"}, errors.InvalidResponseError),
        (200, {"body": "not json"}, errors.InvalidResponseError),
        (200, {"json": [1, 2]}, errors.InvalidResponseError),
        (400, {"json": [1, 2]}, errors.HTTPError),
        (429, {"body": "slow down"}, errors.RateLimitError),
        (403, {"body": "<html>forbidden</html>"}, errors.RateLimitError),
        (429, {"json": {"x": 1}}, errors.RateLimitError),
    ],
)
def test_http_failures(public, status, kwargs, cls):
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, ANY_URL, status=status, **kwargs)
        with pytest.raises(cls) as caught:
            public.get_thing()
    assert type(caught.value) is cls
    assert caught.value.method == "GET" and caught.value.path == "/v1/thing"


def test_trace_redacts_secret_headers(caplog, rsps):
    tiny = Tiny(api_key=KEY, api_secret=SECRET, trace=True, proxies={})
    with caplog.at_level(logging.DEBUG, logger="bitsdk.tiny"):
        tiny.post_thing(a="1")
    sign = rsps.calls[0].request.headers["X-SIGN"]
    assert sign not in caplog.text and SECRET not in caplog.text
    assert "<redacted>" in caplog.text
    assert "POST https://tiny.test/v1/thing" in caplog.text


def test_trace_off_logs_nothing(caplog, rsps, monkeypatch):
    monkeypatch.delenv("TINYTRACE", raising=False)
    tiny = Tiny(proxies={})
    with caplog.at_level(logging.DEBUG, logger="bitsdk.tiny"):
        tiny.get_thing()
    assert not [r for r in caplog.records if r.name == "bitsdk.tiny"]


def test_injected_logger(caplog, rsps):
    logger = logging.getLogger("my.app.tiny")
    tiny = Tiny(trace=True, logger=logger, proxies={})
    with caplog.at_level(logging.DEBUG, logger="my.app.tiny"):
        tiny.get_thing()
    assert any(r.name == "my.app.tiny" for r in caplog.records)


# -- clock --------------------------------------------------------------------------------


def test_timestamp_carries_the_offset(client, rsps, monkeypatch):
    monkeypatch.setattr("bitsdk._http.now_ms", lambda: 1_700_000_000_000)
    assert client.timestamp_ms() == 1_700_000_000_000
    client.set_time_offset_ms(-2500)
    assert client.get_time_offset_ms() == -2500
    client.post_thing(a="1")
    assert rsps.calls[0].request.headers["X-TS"] == "1699999997500"
    assert Tiny(time_offset_ms=40, proxies={}).timestamp_ms() == 1_700_000_000_040


def test_redirects_are_not_followed(public):
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, ANY_URL, status=302, headers={"Location": "https://elsewhere.test/x"}, body="")
        with pytest.raises(errors.InvalidResponseError) as caught:
            public.get_thing()
        assert len(rsps.calls) == 1
    assert caught.value.http_status == 302


# -- smaller defects ------------------------------------------------------------------------


def test_none_as_the_params_dict_is_the_documented_default(public, rsps):
    public.get_thing(None, a="1")
    public.get_thing(None)
    assert [_query(call) for call in rsps.calls] == ["a=1", ""]


def test_a_non_dict_positional_says_what_to_write(public, rsps):
    with pytest.raises(errors.InvalidParameterError, match=r"takes one dict of parameters positionally, got 'BTCUSDT'"):
        public.get_thing("BTCUSDT")
    assert len(rsps.calls) == 0


def test_a_session_passed_in_stays_open():
    session = requests.Session()
    with mock.patch.object(session, "close") as closing:
        with Tiny(session=session, proxies={}):
            pass
        Tiny(session=session, proxies={}).close()
    closing.assert_not_called()


def test_path_parameters_take_one_value(public, rsps):
    with pytest.raises(errors.InvalidParameterError, match="takes one value"):
        public.get_kind(["a", "b"])
    assert len(rsps.calls) == 0


@pytest.mark.parametrize("name", ["EndpointSpec", "endpoint", "hand_written", "OPTIONAL", "js_str",
                                  "compact_json", "encode_query", "Envelope", "RestClient"])
def test_the_exchange_packages_names_stay_importable_from_http(name):
    import bitsdk._http

    # bitsdk/bitget/_rest.py and bitsdk/bybit/_rest.py import these from the engine module.
    assert hasattr(bitsdk._http, name)
