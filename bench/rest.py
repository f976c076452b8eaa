"""REST: client-side time per signed call against a loopback HTTP server.

Four cases: Bybit signed GET (``/v5/order/realtime``), Bybit signed POST (``/v5/order/create``),
Bitget signed GET (``/api/v3/trade/unfilled-orders``) and Bitget signed POST
(``/api/v3/trade/place-order``). Contenders:

- the floor: a bare ``requests.Session()`` with ``trust_env=False``; per call the signature
  is computed by hand with ``hmac``, a ``requests.PreparedRequest`` is prepared with the URL,
  headers and body, sent with ``session.send(prepared, timeout=10, allow_redirects=False,
  proxies={})`` and the body decoded with ``json.loads(response.content)``. That is the
  cheapest way to make the call with requests' public API (``session.get`` would add the
  session's settings merge; bitsdk does not pay it either);
- bitsdk's ``RestClientV5`` / ``RestClientV3``;
- pybit's ``HTTP`` (defaults; ``endpoint`` pointed at the server);
- ccxt (rate limiter and time adjustment off, implicit API methods, so no market loading).

The server answers every call with one small success envelope (:data:`bench.servers.HTTP_BODY`).

The same cases then run again on a stub transport (:class:`StubAdapter`; ``--no-rest-stub``
leaves them out), which isolates the client-side cost from the socket and the server.
Among the stub cases, the Bybit signed GET also runs with ``rate_limit=True`` (the opt-in
limiter's cost per call).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any, Callable, Dict, List, Tuple
from urllib.parse import urlencode

from .core import Config, Contender, Row, Target, case_rows, measure, per_call_us, skipped_row
from .servers import HTTP_BODY, ServerProcess

__all__ = ["run"]

SECTION = "REST"
UNIT = "µs/call ↓"
KEY, SECRET, PASSPHRASE = "benchKey0123456789", "benchSecret0123456789abcdef", "benchPass"
RECV_WINDOW = "5000"
TARGETS = (Target("bitsdk", "floor", "<=", 1.15),)
#: Without socket and server only the client-side work is left: the tighter goal.
STUB_TARGETS = (Target("bitsdk", "floor", "<=", 1.05),)
#: The opt-in limiter's case: its floor is the same client without it.
LIMITER_CASE = "Bybit signed GET, rate_limit"
LIMITER_TARGETS = (Target("bitsdk", "floor", "<=", 1.10),)

BYBIT_QUERY = {"category": "linear", "symbol": "BTCUSDT"}
BYBIT_ORDER = {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit", "qty": "0.001", "price": "10000"}
BITGET_QUERY = {"category": "SPOT"}
BITGET_ORDER = {"category": "SPOT", "symbol": "BTCUSDT", "side": "buy", "orderType": "limit", "qty": "0.001", "price": "10000"}

Call = Callable[[], Any]


def _ms() -> str:
    return str(time.time_ns() // 1_000_000)


def _session() -> Any:
    import requests

    session = requests.Session()
    session.trust_env = False
    return session


def _check(ok: bool) -> None:
    if not ok:
        raise RuntimeError("unexpected answer from the loopback server")


# -- floors: the same request made by hand with requests' public API --------------------

#: The floor's label in the table (named exactly: it is what every REST ratio divides by).
FLOOR_LABEL = "requests Session(trust_env=False).send(PreparedRequest), hmac by hand"
NO_PROXIES: Dict[str, str] = {}


def _sender(session: Any) -> Callable[[str, str, Dict[str, str], Any], Dict[str, Any]]:
    """Prepare and send one request, return the decoded body: the floor's transport step."""
    import requests

    send, loads = session.send, json.loads

    def call(method: str, url: str, headers: Dict[str, str], body: Any = None) -> Dict[str, Any]:
        prepared = requests.PreparedRequest()
        prepared.prepare(method=method, url=url, headers=headers, data=body)
        response = send(prepared, timeout=10, allow_redirects=False, proxies=NO_PROXIES)
        return loads(response.content)

    return call


def _bybit_floor(base: str, verb: str) -> Tuple[Call, Any]:
    session = _session()
    send = _sender(session)
    secret = SECRET.encode()

    def headers(payload: str) -> Dict[str, str]:
        ts = _ms()
        sign = hmac.new(secret, (ts + KEY + RECV_WINDOW + payload).encode(), hashlib.sha256).hexdigest()
        return {"X-BAPI-API-KEY": KEY, "X-BAPI-TIMESTAMP": ts, "X-BAPI-RECV-WINDOW": RECV_WINDOW,
                "X-BAPI-SIGN": sign, "X-BAPI-SIGN-TYPE": "2"}

    def get() -> None:
        query = urlencode(BYBIT_QUERY)
        _check(send("GET", f"{base}/v5/order/realtime?{query}", headers(query))["retCode"] == 0)

    def post() -> None:
        body = json.dumps(BYBIT_ORDER, separators=(",", ":"))
        h = headers(body)
        h["Content-Type"] = "application/json"
        _check(send("POST", f"{base}/v5/order/create", h, body.encode())["retCode"] == 0)

    return (get if verb == "GET" else post), session


def _bitget_floor(base: str, verb: str) -> Tuple[Call, Any]:
    session = _session()
    send = _sender(session)
    secret = SECRET.encode()

    def headers(prehash: str, ts: str) -> Dict[str, str]:
        sign = base64.b64encode(hmac.new(secret, prehash.encode(), hashlib.sha256).digest()).decode()
        return {"ACCESS-KEY": KEY, "ACCESS-SIGN": sign, "ACCESS-TIMESTAMP": ts, "ACCESS-PASSPHRASE": PASSPHRASE,
                "Content-Type": "application/json", "locale": "en-US"}

    def get() -> None:
        ts, path, query = _ms(), "/api/v3/trade/unfilled-orders", urlencode(sorted(BITGET_QUERY.items()))
        _check(send("GET", f"{base}{path}?{query}", headers(f"{ts}GET{path}?{query}", ts))["code"] == "00000")

    def post() -> None:
        ts, path = _ms(), "/api/v3/trade/place-order"
        body = json.dumps(BITGET_ORDER, separators=(",", ":"))
        _check(send("POST", f"{base}{path}", headers(f"{ts}POST{path}{body}", ts), body.encode())["code"] == "00000")

    return (get if verb == "GET" else post), session


# -- the clients ----------------------------------------------------------------------------


def _bitsdk_bybit(base: str, verb: str) -> Tuple[Call, Any]:
    from bitsdk.bybit import RestClientV5

    client = RestClientV5(api_key=KEY, api_secret=SECRET, base_url=base)
    if verb == "GET":
        return (lambda: client.get_active_orders(**BYBIT_QUERY)), client.session
    return (lambda: client.submit_order(**BYBIT_ORDER)), client.session


def _bitsdk_bitget(base: str, verb: str) -> Tuple[Call, Any]:
    from bitsdk.bitget import RestClientV3

    client = RestClientV3(api_key=KEY, api_secret=SECRET, api_pass=PASSPHRASE, base_url=base)
    if verb == "GET":
        return (lambda: client.get_unfilled_orders(**BITGET_QUERY)), client.session
    return (lambda: client.submit_new_order(**BITGET_ORDER)), client.session


def _bitsdk_bybit_limited(base: str, verb: str) -> Tuple[Call, Any]:
    from bitsdk import RateLimiter
    from bitsdk.bybit import RestClientV5

    # Its own limiter: the answers' X-Bapi-Limit (see StubAdapter) lifts the allowance far
    # above the calls made, so this measures the limiter's bookkeeping, never a wait.
    client = RestClientV5(api_key=KEY, api_secret=SECRET, base_url=base, rate_limit=RateLimiter())
    return (lambda: client.get_active_orders(**BYBIT_QUERY)), client.session


def _pybit(base: str, verb: str) -> Tuple[Call, Any]:
    from pybit.unified_trading import HTTP

    client = HTTP(testnet=False, api_key=KEY, api_secret=SECRET)
    client.endpoint = base  # read at call time (peers.md §4.1)
    if verb == "GET":
        return (lambda: client.get_open_orders(**BYBIT_QUERY)), client.client
    return (lambda: client.place_order(**BYBIT_ORDER)), client.client


def _ccxt(exchange: str, base: str, verb: str) -> Tuple[Call, Any]:
    import ccxt

    config = {"apiKey": KEY, "secret": SECRET, "enableRateLimit": False, "options": {"adjustForTimeDifference": False}}
    if exchange == "bitget":
        config["password"] = PASSPHRASE
    client = getattr(ccxt, exchange)(config)
    client.urls["api"] = {name: base for name in client.urls["api"]}
    if exchange == "bybit":
        if verb == "GET":
            return (lambda: client.private_get_v5_order_realtime(dict(BYBIT_QUERY))), client.session
        return (lambda: client.private_post_v5_order_create(dict(BYBIT_ORDER))), client.session
    if verb == "GET":
        return (lambda: client.private_uta_get_v3_trade_unfilled_orders(dict(BITGET_QUERY))), client.session
    return (lambda: client.private_uta_post_v3_trade_place_order(dict(BITGET_ORDER))), client.session


class StubAdapter:
    """A ``requests`` transport that answers every request with :data:`HTTP_BODY`, no socket.

    Mounted on a client's own session (``session.mount("http://", StubAdapter())``), it leaves
    only the client-side work: parameters, signing, request preparation, decoding.
    """

    #: Bybit's rate-limit headers on every answer, as the real exchange sends them.
    LIMIT_HEADERS = {"X-Bapi-Limit": "1000000", "X-Bapi-Limit-Status": "999999", "X-Bapi-Limit-Reset-Timestamp": "0"}

    def send(self, request: Any, **kwargs: Any) -> Any:
        from requests.models import Response
        from requests.structures import CaseInsensitiveDict

        response = Response()
        response.status_code = 200
        response._content = HTTP_BODY
        response.headers = CaseInsensitiveDict({
            "Content-Type": "application/json", "Content-Length": str(len(HTTP_BODY)), **self.LIMIT_HEADERS,
        })
        response.encoding = "utf-8"
        response.url = request.url
        response.request = request
        response.reason = "OK"
        return response

    def close(self) -> None:
        pass


def _contender(family: str, label: str, make: Callable[[], Tuple[Call, Any]], calls: int, stub: bool) -> Contender:
    def setup() -> Tuple[Callable[[], float], Call]:
        call, session = make()
        if stub:
            session.mount("http://", StubAdapter())
        return (lambda: per_call_us(call, calls)), session.close

    return Contender(family, label, setup)


def _cases(base: str, calls: int, stub: bool) -> List[Tuple[str, List[Contender]]]:
    suffix = " (stub transport)" if stub else ""
    cases = []
    for verb in ("GET", "POST"):
        cases.append((f"Bybit signed {verb}{suffix}", [
            _contender("floor", FLOOR_LABEL, lambda v=verb: _bybit_floor(base, v), calls, stub),
            _contender("bitsdk", "bitsdk RestClientV5", lambda v=verb: _bitsdk_bybit(base, v), calls, stub),
            _contender("pybit", "pybit HTTP (defaults)", lambda v=verb: _pybit(base, v), calls, stub),
            _contender("ccxt", "ccxt.bybit (no rate limit)", lambda v=verb: _ccxt("bybit", base, v), calls, stub),
        ]))
    for verb in ("GET", "POST"):
        cases.append((f"Bitget signed {verb}{suffix}", [
            _contender("floor", FLOOR_LABEL, lambda v=verb: _bitget_floor(base, v), calls, stub),
            _contender("bitsdk", "bitsdk RestClientV3", lambda v=verb: _bitsdk_bitget(base, v), calls, stub),
            _contender("ccxt", "ccxt.bitget (no rate limit)", lambda v=verb: _ccxt("bitget", base, v), calls, stub),
        ]))
    if stub:
        # The opt-in limiter's cost per call: the same signed GET without and with it.
        cases.append((LIMITER_CASE + suffix, [
            _contender("floor", "bitsdk RestClientV5, no limiter", lambda: _bitsdk_bybit(base, "GET"), calls, stub),
            _contender("bitsdk", "bitsdk RestClientV5, rate_limit", lambda: _bitsdk_bybit_limited(base, "GET"), calls, stub),
        ]))
    return cases


def _measure_cases(config: Config, base: str, calls: int, rounds: int, stub: bool) -> List[Row]:
    rows: List[Row] = []
    for case, contenders in _cases(base, calls, stub):
        chosen = config.select(contenders)
        results = measure(chosen, rounds=rounds, warmup=1)
        targets = LIMITER_TARGETS if case.startswith(LIMITER_CASE) else STUB_TARGETS if stub else TARGETS
        rows += case_rows(SECTION, case, chosen, results, UNIT, targets)
    return rows


def run(config: Config) -> List[Row]:
    """Measure every REST case on loopback (and with a stub transport if asked); one row per contender."""
    # Many short rounds: on a shared machine a burst of load then spoils few samples.
    rounds = config.pick(15, 4)
    server = ServerProcess("http")
    try:
        server.start()
    except RuntimeError as exc:
        return [skipped_row(SECTION, str(exc))]
    with server:
        rows = _measure_cases(config, server.http_url, config.pick(100, 30), rounds, stub=False)
    if config.rest_stub:
        rows += _measure_cases(config, "http://stub.invalid", config.pick(500, 100), rounds, stub=True)
    return rows
