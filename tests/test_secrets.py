"""No secret, passphrase or signature in what bitsdk raises or traces, for every failure kind.

Real sockets on 127.0.0.1 (a closed port, a silent server, a resetting server, scripted HTTP
answers), so the exceptions are the ones requests really raises: its exceptions hold the
prepared request, signing headers included, and must not hang off ours through
``__cause__``, ``__context__`` or any attribute.
"""

from __future__ import annotations

import json
import logging
import re
import socket
import struct
import threading
from collections.abc import Mapping
from typing import Any, Callable, Dict, List, Optional

import pytest
import requests
import responses

from bitsdk import errors
from bitsdk.bitget import RestClientV3
from bitsdk.bybit import RestClientV5

KEY = "key-0123456789abcdef"
SECRET = "sEcReT-0123456789abcdef0123456789"
PASS = "pAsSpHrAsE-9876543210"


class Server(threading.Thread):
    """A one-connection-at-a-time TCP server on 127.0.0.1 answering with ``behaviour``."""

    def __init__(self, behaviour: str, answer: bytes = b""):
        super().__init__(daemon=True, name="secrets-test-server")
        self.behaviour = behaviour
        self.answer = answer
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        self.requests: List[bytes] = []

    def run(self) -> None:
        self.sock.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                data = self._read_request(conn)
                self.requests.append(data)
                if self.behaviour == "silent":
                    self.stop.wait(5)  # until the test ends; the client times out first
                elif self.behaviour == "reset":
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                else:
                    conn.sendall(self.answer)

    def _read_request(self, conn: socket.socket) -> bytes:
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return data
                data += chunk
                if self.behaviour == "tls":
                    return data  # a ClientHello has no blank line
            head, _, body = data.partition(b"\r\n\r\n")
            length = re.search(rb"(?i)content-length:\s*(\d+)", head)
            while length and len(body) < int(length.group(1)):
                body += conn.recv(65536)
            return head + b"\r\n\r\n" + body
        except OSError:
            return data

    def __enter__(self) -> "Server":
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop.set()
        self.join(5)
        self.sock.close()


def http_answer(status: int, body: str, headers: Optional[Dict[str, str]] = None) -> bytes:
    lines = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body.encode())}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n" + body).encode()


def closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


BYBIT_REJECT = json.dumps({"retCode": 10001, "retMsg": "params error", "result": {}, "retExtInfo": {}, "time": 1})
BITGET_REJECT = json.dumps({"code": "40034", "msg": "Parameter does not exist", "requestTime": 1, "data": None})

# failure kind -> (server behaviour, raw answer per exchange, expected exception)
FAILURES: Dict[str, Any] = {
    "timeout": ("silent", None, errors.RequestTimeoutError),
    "refused": (None, None, errors.NetworkError),
    "dns": ("dns", None, errors.NetworkError),
    "reset": ("reset", None, errors.NetworkError),
    "tls": ("tls", {"bybit": b"HTTP/1.1 200 OK\r\n\r\nplain", "bitget": b"HTTP/1.1 200 OK\r\n\r\nplain"},
            errors.NetworkError),
    "invalid-json": ("answer", {"bybit": http_answer(200, "{not json"), "bitget": http_answer(200, "<html>")},
                     errors.InvalidResponseError),
    "http-500": ("answer", {"bybit": http_answer(500, "<html>oops</html>"),
                            "bitget": http_answer(500, '{"error": "internal"}')}, errors.HTTPError),
    "api-error": ("answer", {"bybit": http_answer(200, BYBIT_REJECT, {"Traceid": "trace-1"}),
                             "bitget": http_answer(400, BITGET_REJECT)}, errors.APIError),
}


def make_client(exchange: str, base_url: str) -> Any:
    options = dict(base_url=base_url, timeout=(2.0, 0.3), trace=True, proxies={})
    if exchange == "bybit":
        return RestClientV5(KEY, SECRET, **options)
    return RestClientV3(KEY, SECRET, PASS, **options)


def place(exchange: str, client: Any) -> Any:
    if exchange == "bybit":
        return client.submit_order(category="linear", symbol="BTCUSDT", side="Buy", orderType="Market", qty="0.001")
    return client.submit_new_order(category="SPOT", symbol="BTCUSDT", side="buy", orderType="market", qty="0.001")


SIGNING_HEADERS = {"X-BAPI-SIGN", "ACCESS-SIGN", "ACCESS-PASSPHRASE"}


def spy_signatures(client: Any) -> List[str]:
    """Record the values of every signing header the client makes."""
    signed: List[str] = []
    original: Callable[..., Dict[str, str]] = client._auth_headers

    def recording(*args: Any) -> Dict[str, str]:
        headers = original(*args)
        signed.extend(v for k, v in headers.items() if k.upper() in SIGNING_HEADERS)
        return headers

    client._auth_headers = recording
    return signed


def reachable(root: BaseException) -> List[Any]:
    """Every object reachable from ``root`` through exception chains, args and attributes."""
    seen, found, stack = set(), [], [root]
    while stack:
        obj = stack.pop()
        if obj is None or id(obj) in seen:
            continue
        seen.add(id(obj))
        found.append(obj)
        if isinstance(obj, BaseException):
            stack += [obj.__cause__, obj.__context__, *obj.args, *vars(obj).values()]
        elif isinstance(obj, Mapping):
            stack += [*obj.keys(), *obj.values()]
        elif isinstance(obj, (list, tuple, set, frozenset)):
            stack += list(obj)
        elif isinstance(obj, (str, bytes, int, float, bool)):
            continue
        elif hasattr(obj, "__dict__"):
            stack += list(vars(obj).values())
    return found


@pytest.mark.parametrize("exchange", ["bybit", "bitget"])
@pytest.mark.parametrize("kind", list(FAILURES))
def test_no_secret_in_exceptions_or_traces(exchange, kind, caplog, monkeypatch):
    behaviour, answers, expected = FAILURES[kind]
    answer = answers[exchange] if answers else b""
    server = Server(behaviour or "answer", answer)
    if behaviour is None:
        base_url = f"http://127.0.0.1:{closed_port()}"
    elif behaviour == "dns":
        def no_dns(*args: Any, **kwargs: Any) -> Any:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

        monkeypatch.setattr(socket, "getaddrinfo", no_dns)
        base_url = "http://api.exchange.invalid"
    else:
        scheme = "https" if behaviour == "tls" else "http"
        base_url = f"{scheme}://127.0.0.1:{server.port}"
    client = make_client(exchange, base_url)
    signatures = spy_signatures(client)
    with server, caplog.at_level(logging.DEBUG, logger=f"bitsdk.{exchange}"):
        with pytest.raises(expected) as caught:
            place(exchange, client)
    client.close()

    secrets = [SECRET, *signatures] + ([PASS] if exchange == "bitget" else [])
    assert signatures, "the request was signed"
    objects = reachable(caught.value)
    assert not [o for o in objects if isinstance(o, (requests.PreparedRequest, requests.Request))]
    texts = [o for o in objects if isinstance(o, str)]
    texts += [text for o in objects if isinstance(o, BaseException) for text in (str(o), repr(o))]
    texts.append(caplog.text)
    for secret in secrets:
        assert not [t for t in texts if secret in t], f"{kind}: a secret leaked"
    assert caught.value.method == "POST" and caught.value.path
    if kind in ("timeout", "refused", "dns", "reset", "tls"):
        # Our exception is the whole story: nothing chained from requests.
        assert caught.value.__cause__ is None and caught.value.__context__ is None
    if kind == "api-error" and exchange == "bybit":
        assert caught.value.request_id == "trace-1"


# -- redaction of secret-like fields in traced bodies ------------------------------------------


@pytest.fixture
def rsps():
    with responses.RequestsMock() as mocked:
        yield mocked


def test_bybit_new_sub_api_key_secret_is_not_traced(rsps, caplog):
    rsps.add("POST", re.compile(r".*/v5/user/create-sub-api"), json={
        "retCode": 0, "retMsg": "", "result": {"id": "1", "apiKey": "AK1", "secret": "NEW-SUB-SECRET-1"},
    })
    client = RestClientV5(KEY, SECRET, trace=True, proxies={})
    with caplog.at_level(logging.DEBUG, logger="bitsdk.bybit"):
        reply = client.create_sub_uid_api_key(subuid=1, readOnly=0, permissions={"Spot": ["SpotTrade"]})
    assert reply["result"]["secret"] == "NEW-SUB-SECRET-1"  # the caller gets it, the log does not
    assert "NEW-SUB-SECRET-1" not in caplog.text
    assert '"secret":"<redacted>"' in caplog.text and "AK1" in caplog.text


def test_bitget_new_sub_api_key_secret_and_passphrase_are_not_traced(rsps, caplog):
    rsps.add("POST", re.compile(r".*/api/v3/user/create-sub-api"), json={
        "code": "00000", "msg": "success", "requestTime": 1,
        "data": [{"apiKey": "AK2", "secretKey": "NEW-SUB-SECRET-2", "nested": {"privateKey": "PEM-DATA", "token": "t0k"}}],
    })
    client = RestClientV3(KEY, SECRET, PASS, trace=True, proxies={})
    with caplog.at_level(logging.DEBUG, logger="bitsdk.bitget"):
        client.create_sub_account_api_key(subUid="1", passphrase="NEW-SUB-PASS", label="bot", permType="read_only")
    for secret in ("NEW-SUB-SECRET-2", "NEW-SUB-PASS", "PEM-DATA", "t0k", PASS, SECRET):
        assert secret not in caplog.text
    assert "AK2" in caplog.text and "bot" in caplog.text


def test_secret_like_query_values_are_not_traced(rsps, caplog):
    rsps.add("GET", re.compile(r".*"), json={"retCode": 0, "retMsg": "", "result": {}})
    client = RestClientV5(trace=True, proxies={})
    with caplog.at_level(logging.DEBUG, logger="bitsdk.bybit"):
        client.get_tickers(category="spot", accessToken="QUERY-TOKEN-1")
    assert "QUERY-TOKEN-1" not in caplog.text and "accessToken=<redacted>" in caplog.text


def test_secret_like_fields_in_error_bodies_are_redacted(rsps):
    rsps.add("POST", re.compile(r".*"), status=500, json={"passphrase": "LEAKED-PASS", "detail": "boom"})
    with pytest.raises(errors.HTTPError) as caught:
        RestClientV3(KEY, SECRET, PASS, proxies={}).submit_new_order(category="SPOT", symbol="BTCUSDT")
    assert caught.value.body == {"passphrase": "<redacted>", "detail": "boom"}
    assert "LEAKED-PASS" not in str(caught.value)


# -- the redaction rules themselves ------------------------------------------------------------


@pytest.mark.parametrize("name", ["secret", "secretKey", "apiSecret", "passphrase", "PASSPHRASE", "password",
                                  "privateKey", "private_key", "rsaPrivateKey", "signature", "token", "accessToken"])
def test_secret_like_names(name):
    from bitsdk._redact import is_secret_name

    assert is_secret_name(name)


@pytest.mark.parametrize("name", ["apiKey", "symbol", "qty", "orderId", "uid", "note", "category", 7])
def test_ordinary_names(name):
    from bitsdk._redact import is_secret_name

    assert not is_secret_name(name)


def test_redaction_of_text_json_broken_json_queries_and_messages():
    from bitsdk._redact import redact_query, redact_text, redact_urls

    assert redact_text('{"a":1,"x":[{"secretKey":"S1"}]}') == '{"a":1,"x":[{"secretKey":"<redacted>"}]}'
    # A truncated body is not JSON: redacted pair by pair, strings and bare values alike.
    assert redact_text('{"apiKey":"k","secret":"S2","token":12345,"pass') == (
        '{"apiKey":"k","secret":"<redacted>","token":"<redacted>","pass')
    assert redact_text("<html>secret</html>") == "<html>secret</html>"
    assert redact_query("a=1&passphrase=P&b=2") == "a=1&passphrase=<redacted>&b=2"
    assert redact_urls("failed with url: /p?x=1&apiSecret=S (Caused by ...)") == (
        "failed with url: /p?x=1&apiSecret=<redacted> (Caused by ...)")
