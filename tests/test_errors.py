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
    exc = HTTPError("bad gateway", status=502, body="<html>", method="GET", path="/api/v3/market/tickers")
    assert str(exc) == "HTTP 502: bad gateway [GET /api/v3/market/tickers]"
    assert repr(exc).startswith("HTTPError('HTTP 502: ")
    assert exc.status == 502 and exc.body == "<html>" and exc.headers == {}
    invalid = InvalidResponseError("not JSON", status=200)
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
        HTTPError("bad gateway", status=502, body="<html>", method="GET", path="/p"),
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
