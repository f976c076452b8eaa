"""Fixtures for the loopback exchange tests.

The helpers here talk to the loopback with plain ``requests`` and ``websocket-client``,
signing exactly as the exchange specs describe, so the tests check the server against the
specs and not against any bitsdk client.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import threading
import time
import types
from typing import Any, Callable, Dict, Optional, Union
from urllib.parse import quote

import pytest
import requests
import websocket

from bitsdk.testing import LoopbackExchange

PUSH_INTERVAL = 0.05
TIMEOUT = 5.0


def now_ms() -> int:
    return int(time.time() * 1000)


def sign(secret: str, message: str, hex_digest: bool) -> str:
    """HMAC-SHA256 (hex for Bybit, base64 for Bitget), or RSA PKCS#1 v1.5 SHA-256 for a PEM key."""
    if "PRIVATE KEY" in secret:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        raw = _private_key(secret).sign(message.encode(), padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(raw).decode()
    digest = hmac.new(secret.encode(), message.encode(), hashlib.sha256).digest()
    return digest.hex() if hex_digest else base64.b64encode(digest).decode()


@functools.lru_cache(maxsize=8)
def _private_key(pem: str) -> Any:
    from cryptography.hazmat.primitives import serialization

    return serialization.load_pem_private_key(pem.encode(), password=None)


def query_string(params: Union[str, Dict[str, Any], None], sort: bool = False) -> str:
    if not params:
        return ""
    if isinstance(params, str):
        return params
    items = sorted(params.items()) if sort else params.items()
    return "&".join("%s=%s" % (k, quote(str(v), safe="-_.!~*'()")) for k, v in items)


class BybitRest:
    """A hand-rolled Bybit V5 REST caller (X-BAPI-* headers, hex HMAC or RSA)."""

    def __init__(self, base_url: str, api_key: str, api_secret: str) -> None:
        self.base_url, self.api_key, self.api_secret = base_url, api_key, api_secret
        self.session = requests.Session()

    def headers(self, payload: str, ts: Optional[int] = None, recv_window: str = "5000",
                key: Optional[str] = None, signature: Optional[str] = None) -> Dict[str, str]:
        ts_text = str(ts if ts is not None else now_ms())
        key = key or self.api_key
        sig = signature or sign(self.api_secret, ts_text + key + recv_window + payload, hex_digest=True)
        return {"X-BAPI-API-KEY": key, "X-BAPI-TIMESTAMP": ts_text, "X-BAPI-RECV-WINDOW": recv_window,
                "X-BAPI-SIGN": sig, "X-BAPI-SIGN-TYPE": "2"}

    def public(self, path: str, params: Any = None) -> requests.Response:
        qs = query_string(params)
        return self.session.get(self.base_url + path + ("?" + qs if qs else ""), timeout=TIMEOUT)

    def get(self, path: str, params: Any = None, **kw: Any) -> requests.Response:
        qs = query_string(params)
        return self.session.get(self.base_url + path + ("?" + qs if qs else ""), headers=self.headers(qs, **kw),
                                timeout=TIMEOUT)

    def post(self, path: str, body: Any = None, **kw: Any) -> requests.Response:
        text = json.dumps(body if body is not None else {}, separators=(",", ":"))
        headers = dict(self.headers(text, **kw), **{"Content-Type": "application/json"})
        return self.session.post(self.base_url + path, data=text, headers=headers, timeout=TIMEOUT)


class BitgetRest:
    """A hand-rolled Bitget REST caller (ACCESS-* headers, base64 HMAC or RSA, sorted query)."""

    def __init__(self, base_url: str, api_key: str, api_secret: str, api_pass: str, demo: bool = False) -> None:
        self.base_url, self.api_key, self.api_secret, self.api_pass = base_url, api_key, api_secret, api_pass
        self.demo = demo
        self.session = requests.Session()

    def headers(self, method: str, path: str, qs: str, body: str, ts: Optional[int] = None,
                passphrase: Optional[str] = None, key: Optional[str] = None, demo: Optional[bool] = None,
                sign_query: Optional[str] = None) -> Dict[str, str]:
        ts_text = str(ts if ts is not None else now_ms())
        signed_qs = qs if sign_query is None else sign_query
        prehash = ts_text + method + path + ("?" + signed_qs if signed_qs else "") + body
        headers = {"ACCESS-KEY": key or self.api_key, "ACCESS-SIGN": sign(self.api_secret, prehash, False),
                   "ACCESS-TIMESTAMP": ts_text, "ACCESS-PASSPHRASE": passphrase or self.api_pass,
                   "Content-Type": "application/json", "locale": "en-US"}
        if self.demo if demo is None else demo:
            headers["paptrading"] = "1"
        return headers

    def public(self, path: str, params: Any = None) -> requests.Response:
        qs = query_string(params, sort=True)
        return self.session.get(self.base_url + path + ("?" + qs if qs else ""), timeout=TIMEOUT)

    def get(self, path: str, params: Any = None, **kw: Any) -> requests.Response:
        qs = query_string(params, sort=True)
        return self.session.get(self.base_url + path + ("?" + qs if qs else ""),
                                headers=self.headers("GET", path, qs, "", **kw), timeout=TIMEOUT)

    def post(self, path: str, body: Any, **kw: Any) -> requests.Response:
        text = json.dumps(body, separators=(",", ":"))
        return self.session.post(self.base_url + path, data=text, headers=self.headers("POST", path, "", text, **kw),
                                 timeout=TIMEOUT)


class Ws:
    """A websocket-client connection with JSON helpers and bounded waits."""

    def __init__(self, url: str, timeout: float = TIMEOUT) -> None:
        self.conn = websocket.create_connection(url, timeout=timeout)

    def send(self, obj: Any) -> None:
        self.conn.send(obj if isinstance(obj, str) else json.dumps(obj))

    def recv(self, timeout: float = TIMEOUT) -> Any:
        self.conn.settimeout(timeout)
        text = self.conn.recv()
        try:
            return json.loads(text)
        except ValueError:
            return text

    def recv_until(self, predicate: Callable[[Any], bool], timeout: float = TIMEOUT) -> Any:
        """The first message matching ``predicate``; others are skipped."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("no matching message within %.1f s" % timeout)
            msg = self.recv(left)
            if predicate(msg):
                return msg

    def request(self, obj: Any, predicate: Callable[[Any], bool], timeout: float = TIMEOUT) -> Any:
        self.send(obj)
        return self.recv_until(predicate, timeout)

    def close(self) -> None:
        self.conn.close(timeout=0.2)


def bybit_auth(ws: Ws, api_key: str, api_secret: str, expires: Optional[int] = None) -> Dict[str, Any]:
    expires = expires if expires is not None else now_ms() + 10_000
    signature = sign(api_secret, "GET/realtime%d" % expires, hex_digest=True)
    return ws.request({"op": "auth", "args": [api_key, expires, signature]}, lambda m: m.get("op") == "auth")


def bitget_login(ws: Ws, api_key: str, api_secret: str, api_pass: str, ts: Optional[int] = None) -> Dict[str, Any]:
    ts = ts if ts is not None else int(time.time())
    signature = sign(api_secret, "%dGET/user/verify" % ts, hex_digest=False)
    args = [{"apiKey": api_key, "passphrase": api_pass, "timestamp": ts, "sign": signature}]
    return ws.request({"op": "login", "args": args}, lambda m: isinstance(m, dict) and m.get("event") in ("login", "error"))


def loopback_threads() -> list:
    return [t for t in threading.enumerate() if t.name.startswith("bitsdk-loopback")]


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """Every test must leave no loopback thread behind."""
    yield
    deadline = time.monotonic() + 3
    while loopback_threads() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not loopback_threads(), [t.name for t in loopback_threads()]


@pytest.fixture
def bybit():
    with LoopbackExchange("bybit", push_interval=PUSH_INTERVAL) as ex:
        yield ex


@pytest.fixture
def bitget():
    with LoopbackExchange("bitget", push_interval=PUSH_INTERVAL) as ex:
        yield ex


@pytest.fixture
def h():
    """Helper namespace: signers, REST callers, WebSocket wrapper."""
    return types.SimpleNamespace(
        BybitRest=BybitRest, BitgetRest=BitgetRest, Ws=Ws, sign=sign, now_ms=now_ms,
        bybit_auth=bybit_auth, bitget_login=bitget_login, query_string=query_string,
    )


@pytest.fixture
def ws_factory():
    """Open WebSocket connections that are closed after the test."""
    opened = []

    def open_ws(url: str, timeout: float = TIMEOUT) -> Ws:
        ws = Ws(url, timeout)
        opened.append(ws)
        return ws

    yield open_ws
    for ws in opened:
        try:
            ws.close()
        except Exception:
            pass
