"""The exception hierarchy of bitsdk.errors: families, builtin mix-ins, str/repr formats."""

import inspect
import pickle

import pytest

from bitsdk import errors
from bitsdk.errors import (
    APIError,
    AuthenticationError,
    BitsdkError,
    ClientClosedError,
    CommandTimeoutError,
    ConnectionLostError,
    HTTPError,
    InvalidParameterError,
    InvalidResponseError,
    MissingCredentialsError,
    NetworkError,
    NotConnectedError,
    OutcomeUnknownError,
    RateLimitError,
    RequestTimeoutError,
    TimestampError,
    WebSocketError,
)

ALL_CLASSES = [getattr(errors, name) for name in errors.__all__]


def test_all_lists_every_exception_class():
    defined = {
        name
        for name, value in vars(errors).items()
        if inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == errors.__name__
    }
    assert defined == set(errors.__all__)


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda c: c.__name__)
def test_every_class_derives_from_bitsdk_error(cls):
    assert issubclass(cls, BitsdkError)
    assert issubclass(cls, Exception)


@pytest.mark.parametrize(
    "cls, parent",
    [
        (InvalidParameterError, BitsdkError),
        (MissingCredentialsError, BitsdkError),
        (NetworkError, BitsdkError),
        (RequestTimeoutError, NetworkError),
        (HTTPError, BitsdkError),
        (InvalidResponseError, HTTPError),
        (APIError, BitsdkError),
        (AuthenticationError, APIError),
        (TimestampError, APIError),
        (RateLimitError, APIError),
        (WebSocketError, BitsdkError),
        (NotConnectedError, WebSocketError),
        (ClientClosedError, WebSocketError),
        (OutcomeUnknownError, WebSocketError),
        (ConnectionLostError, OutcomeUnknownError),
        (CommandTimeoutError, OutcomeUnknownError),
    ],
)
def test_families(cls, parent):
    assert issubclass(cls, parent)


def test_builtin_mixins():
    assert issubclass(RequestTimeoutError, TimeoutError)
    assert issubclass(InvalidParameterError, ValueError)
    assert issubclass(MissingCredentialsError, ValueError)
    assert issubclass(CommandTimeoutError, OutcomeUnknownError)
    assert issubclass(CommandTimeoutError, TimeoutError)
    # ...and nothing else pretends to be a builtin it is not.
    assert not issubclass(NetworkError, TimeoutError)
    assert not issubclass(APIError, ValueError)
    assert not issubclass(ConnectionLostError, TimeoutError)


def test_a_timeout_is_caught_by_the_builtin():
    with pytest.raises(TimeoutError):
        raise RequestTimeoutError("no answer within 10s", method="GET", path="/api/v3/public/time")
    with pytest.raises(TimeoutError):
        raise CommandTimeoutError("no reply", method="place-order")
    with pytest.raises(ValueError):
        raise InvalidParameterError('write category="SPOT"')


def test_families_do_not_cross():
    assert not issubclass(HTTPError, APIError)
    assert not issubclass(APIError, HTTPError)
    assert not issubclass(NetworkError, HTTPError)
    assert not issubclass(WebSocketError, NetworkError)


def test_base_str_and_repr():
    plain = BitsdkError("something broke")
    assert str(plain) == "something broke"
    assert repr(plain) == "BitsdkError('something broke')"
    assert plain.message == "something broke"
    assert plain.method is None and plain.path is None

    located = NetworkError("request failed: ConnectionError: refused", method="GET", path="/api/v3/public/time")
    assert str(located) == "request failed: ConnectionError: refused [GET /api/v3/public/time]"
    assert repr(located) == "NetworkError('request failed: ConnectionError: refused [GET /api/v3/public/time]')"
    assert located.method == "GET" and located.path == "/api/v3/public/time"

    path_only = BitsdkError("bad", path="/x")
    assert str(path_only) == "bad [/x]"


def test_api_error_format_and_attributes():
    exc = APIError(
        "Insufficient balance",
        code="43012",
        http_status=400,
        body={"code": "43012", "msg": "Insufficient balance"},
        headers={"X-Test": "1"},
        method="POST",
        path="/api/v2/spot/trade/place-order",
    )
    assert str(exc) == "code 43012: Insufficient balance (HTTP 400) [POST /api/v2/spot/trade/place-order]"
    assert repr(exc) == "APIError('code 43012: Insufficient balance (HTTP 400) [POST /api/v2/spot/trade/place-order]')"
    assert exc.code == "43012"
    assert exc.http_status == 400
    assert exc.body == {"code": "43012", "msg": "Insufficient balance"}
    assert exc.headers == {"X-Test": "1"}
    assert exc.message == "Insufficient balance"

    ws = APIError("rejected", code=10001)
    assert str(ws) == "code 10001: rejected"
    assert ws.headers == {}
    assert str(APIError("no code")) == "no code"


def test_http_error_format():
    exc = HTTPError("bad gateway", http_status=502, body="<html>", method="GET", path="/api/v3/market/tickers")
    assert str(exc) == "HTTP 502: bad gateway [GET /api/v3/market/tickers]"
    assert repr(exc).startswith("HTTPError('HTTP 502: ")
    assert exc.http_status == 502 and exc.body == "<html>" and exc.headers == {}
    invalid = InvalidResponseError("not JSON", http_status=200)
    assert str(invalid) == "HTTP 200: not JSON"
    assert str(HTTPError("no status")) == "no status"


def test_rate_limit_error_carries_reset_time():
    exc = RateLimitError("too many", code="429", http_status=429, reset_at_ms=1700000001000, method="GET", path="/p")
    assert exc.reset_at_ms == 1700000001000
    assert exc.code == "429"
    assert str(exc) == "code 429: too many (HTTP 429) [GET /p]"
    assert RateLimitError("x").reset_at_ms is None


def test_subclasses_keep_the_parent_format():
    assert str(TimestampError("expired", code="40008", http_status=400)) == "code 40008: expired (HTTP 400)"
    assert repr(AuthenticationError("bad sign", code="40009")) == "AuthenticationError('code 40009: bad sign')"
    assert str(CommandTimeoutError("no reply within 5s", method="place-order")) == "no reply within 5s"


def test_catching_through_the_root_keeps_attributes():
    # Raising and catching through the root keeps every attribute.
    try:
        raise TimestampError("expired", code="40008", http_status=400, method="GET", path="/x")
    except BitsdkError as caught:
        assert isinstance(caught, APIError)
        assert caught.code == "40008"
        assert caught.args == ("expired",)


def test_body_preview_is_one_short_line():
    assert errors.body_preview("a\n  b\tc") == "a b c"
    long = "x" * 1000
    preview = errors.body_preview(long)
    assert len(preview) == 301 and preview.endswith("…")


@pytest.mark.parametrize(
    "exc",
    [
        APIError("rejected", code="43012", http_status=400, body={"code": "43012"}, method="POST", path="/p"),
        RateLimitError("slow down", code="429", http_status=429, reset_at_ms=5),
        HTTPError("bad gateway", http_status=502, body="<html>", method="GET", path="/p"),
        RequestTimeoutError("no answer", method="GET", path="/p"),
        CommandTimeoutError("no reply"),
        InvalidParameterError('write category="SPOT"'),
    ],
    ids=lambda e: type(e).__name__,
)
def test_exceptions_survive_pickling(exc):
    # they cross process boundaries (multiprocessing, concurrent.futures) intact
    copy = pickle.loads(pickle.dumps(exc))
    assert type(copy) is type(exc)
    assert str(copy) == str(exc) and repr(copy) == repr(exc)
    assert vars(copy) == vars(exc)


# -- one set of attributes on every class ------------------------------------------------------

COMMON = ("http_status", "code", "body", "headers", "request_id", "method", "path")


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda c: c.__name__)
def test_every_class_has_the_common_attributes(cls):
    bare = cls("x")
    assert {name: getattr(bare, name) for name in COMMON} == {
        "http_status": None, "code": None, "body": None, "headers": {}, "request_id": None,
        "method": None, "path": None,
    }
    full = cls("x", http_status=418, code="7", body={"a": 1}, headers={"H": "v"}, request_id="rid",
               method="GET", path="/p")
    assert (full.http_status, full.code, full.body, full.headers, full.request_id) == (418, "7", {"a": 1}, {"H": "v"}, "rid")
    assert "request id rid" in str(full)


def test_request_id_comes_from_bybit_traceid_header():
    exc = APIError("x", code=10001, headers={"traceid": "abc123"}, method="GET", path="/v5/x")
    assert exc.request_id == "abc123"
    assert str(exc) == "code 10001: x [GET /v5/x; request id abc123]"
    assert HTTPError("x", headers={"Traceid": "T1"}).request_id == "T1"
    # Bitget documents no request-id header: None.
    assert APIError("x", headers={"Content-Type": "application/json"}).request_id is None


def test_request_id_comes_from_a_bybit_ws_api_reply_header():
    reply = {"reqId": "1", "retCode": 10001, "op": "order.create", "header": {"Traceid": "ws-trace"}}
    assert APIError("rejected", code=10001, body=reply, method="order.create").request_id == "ws-trace"
    assert APIError("rejected", body={"header": "not a dict"}).request_id is None


def test_status_is_a_deprecated_alias_of_http_status():
    exc = HTTPError("bad gateway", http_status=502)
    with pytest.warns(DeprecationWarning, match="http_status"):
        assert exc.status == 502
    with pytest.raises(TypeError):
        HTTPError("x", status=502)  # the keyword is gone: http_status everywhere


def test_request_id_survives_pickling():
    exc = RateLimitError("slow", code=10006, http_status=200, headers={"Traceid": "t"}, reset_at_ms=9)
    copy = pickle.loads(pickle.dumps(exc))
    assert copy.request_id == "t" and copy.reset_at_ms == 9 and vars(copy) == vars(exc)


def test_command_cancelled_is_the_stdlib_cancelled_error():
    import concurrent.futures

    assert issubclass(errors.CommandCancelledError, concurrent.futures.CancelledError)
    assert issubclass(errors.CommandCancelledError, errors.WebSocketError)
    assert not issubclass(errors.CommandCancelledError, errors.OutcomeUnknownError)


def test_a_successful_envelope_carries_the_request_id_too():
    from bitsdk import Envelope

    assert Envelope({"retCode": 0}, 200, {"Traceid": "ok-1"}).request_id == "ok-1"
    assert Envelope({"code": "00000"}, 200, {}).request_id is None
