"""Bybit REST: the signing, envelope and environment rules, the V5 endpoints and the legacy
spot V3 endpoints.

Signing (Bybit V5 docs, "Integration guidance"; bybit.md §2.3–2.6; the signer shared with the
WebSocket auth is :mod:`bitsdk.bybit._sign`): ``X-BAPI-SIGN`` is
HMAC-SHA256 as lowercase hex (or an RSA PKCS#1 v1.5 / SHA-256 signature as base64 when the
secret is a PEM key) over ``timestamp + api_key + recv_window + payload``. The payload is the
query string exactly as sent for a GET (insertion order, values encoded like JavaScript's
``encodeURIComponent``), the compact JSON body exactly as sent for a POST (``{}`` when there are
no parameters, which is sent too), and the raw bytes of the multipart body for the one upload
endpoint. Every failure (``retCode``/``ret_code`` not 0) raises a typed error.
"""

from __future__ import annotations

import logging
import os
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Dict, Mapping, NamedTuple, Optional, Tuple, Type, Union

import requests

from .. import _casing, errors
from .._clock import Clock
from .._http import EndpointSpec, Envelope, RestClient, Throttle, Timeout, endpoint, hand_written
from .._options import checked_options, is_header_text
from .._ratelimit import RateLimiter
from . import _sign as sign
from ._env import DEMO_URL, LIVE_URL, REGION_URLS, TESTNET_URL, resolve_environment
from ._limits import PAGING, RATE_LIMITS

__all__ = [
    "CATEGORIES",
    "DEMO_URL",
    "ERROR_CLASSES",
    "LIVE_URL",
    "REGION_URLS",
    "TESTNET_URL",
    "RateLimit",
    "RestClientV5",
    "SpotClientV3",
]

#: The trading ``category`` values (lower-case on Bybit V5; the casing tables: bitsdk._casing).
CATEGORIES: Tuple[str, ...] = _casing.BYBIT_CATEGORIES

#: Exchange codes with their own exception class; every other code is an APIError.
ERROR_CLASSES: Dict[int, Type[errors.APIError]] = {
    10002: errors.TimestampError,  # timestamp outside recv_window
    10003: errors.AuthenticationError,  # invalid API key (often: keys of another environment)
    10004: errors.AuthenticationError,  # signature mismatch
    33004: errors.AuthenticationError,  # API key expired
    10006: errors.RateLimitError,  # per-UID limit ("Too many visits!")
    10018: errors.RateLimitError,  # per-IP limit (listed as retired, kept for older gateways)
}

UPLOAD_BOUNDARY = "boundary-for-file"
UPLOAD_CONTENT_TYPE = f"multipart/form-data; boundary={UPLOAD_BOUNDARY}"
#: MIME type of the uploaded part by file extension (as the JS SDK); others are octet-stream.
UPLOAD_MIME_TYPES: Dict[str, str] = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "pdf": "application/pdf",
    "mp4": "video/mp4",
}

class RateLimit(NamedTuple):
    """Bybit's per-UID, per-endpoint rate-limit headers of one answer.

    Put on ``envelope.rate_limit`` when the client was built with
    ``parse_api_rate_limits=True`` (``None`` when a header is missing or not a number; public
    endpoints normally carry none).

    Attributes:
        max_requests: ``X-Bapi-Limit``, the limit of the current window.
        remaining_requests: ``X-Bapi-Limit-Status``, requests left in the window.
        reset_at_ms: ``X-Bapi-Limit-Reset-Timestamp``, epoch ms when the window resets.
    """

    max_requests: int
    remaining_requests: int
    reset_at_ms: int

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> Optional["RateLimit"]:
        """Parse the three headers; ``None`` unless all three are present and numeric."""
        get = getattr(headers, "get", None)
        if get is not None:  # every answer: three plain digit strings, read at once
            limit, left, reset = get("X-Bapi-Limit"), get("X-Bapi-Limit-Status"), get("X-Bapi-Limit-Reset-Timestamp")
            if limit.__class__ is str and left.__class__ is str and reset.__class__ is str \
                    and limit.isdecimal() and left.isdecimal() and reset.isdecimal():
                return cls(int(limit), int(left), int(reset))
        limit = _parse_int(_header(headers, "X-Bapi-Limit"))
        if limit is None:  # most public answers: no need to look for the other two
            return None
        remaining = _parse_int(_header(headers, "X-Bapi-Limit-Status"))
        reset_at = _parse_int(_header(headers, "X-Bapi-Limit-Reset-Timestamp"))
        if remaining is None or reset_at is None:
            return None
        return cls(limit, remaining, reset_at)


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    """A header value, case-insensitively (``requests`` headers or a plain dict)."""
    try:
        value = headers.get(name)
    except AttributeError:
        return None
    if value is None and not hasattr(headers, "lower_items"):
        wanted = name.lower()
        value = next((v for k, v in headers.items() if str(k).lower() == wanted), None)
    return value


def _parse_int(value: Any) -> Optional[int]:
    """An integer from a header or JSON value (``"120"``, ``"1.7e12"``); ``None`` if not one."""
    if value.__class__ is str and value.isdecimal():
        return int(value)  # what the headers hold: plain digits, no Decimal needed
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    return int(number)

def _failure_code(envelope: Mapping[str, Any]) -> Any:
    """The non-zero ``retCode`` (V5) or ``ret_code`` (P2P, legacy) of an envelope, else None."""
    for key in ("retCode", "ret_code"):
        value = envelope.get(key)
        if value is None:
            continue
        if type(value) is int:  # nearly every answer: no text to parse
            if value:
                return value
            continue
        number = _parse_int(value)
        if number is None:
            return value  # a code that is not a number is not success either
        if number != 0:
            return number
    return None

def _multipart_body(data: bytes, filename: str) -> bytes:
    """The upload body, byte for byte as Bybit's guide and the JS SDK build it."""
    mime = UPLOAD_MIME_TYPES.get(filename.rsplit(".", 1)[-1].lower(), "application/octet-stream")
    # A quote or line break in the name would end the header early (browsers escape the same way).
    quoted = filename.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
    head = (
        f"--{UPLOAD_BOUNDARY}\r\n"
        f'Content-Disposition: form-data; name="upload_file"; filename="{quoted}"\r\n'
        f"Content-Type: {mime}\r\n\r\n"
    )
    return head.encode("utf-8") + bytes(data) + f"\r\n--{UPLOAD_BOUNDARY}--\r\n".encode()

class _BybitRest(RestClient):
    """What every Bybit REST client shares: hosts, headers, signing, errors, rate limits."""

    DEFAULT_BASE_URL = LIVE_URL
    LOGGER_NAME = "bitsdk.bybit"
    TRACE_ENV = "BYBITTRACE"
    SECRET_HEADERS = frozenset({"X-BAPI-API-KEY", "X-BAPI-SIGN"})
    EMPTY_BODY = "{}"  # signed and sent for a POST without parameters
    SURFACE = "Bybit REST"
    #: Path prefixes whose ``category`` is the trading category checked by PARAM_CHOICES.
    CATEGORY_FAMILIES: ClassVar[Tuple[str, ...]] = ()

    @checked_options
    def __init__(
        self,
        api_key: Optional[str] = None,
        api_secret: Optional[str] = None,
        *,
        testnet: bool = False,
        demo_trading: bool = False,
        api_region: Optional[str] = None,
        site_id: Optional[str] = None,
        recv_window: int = 5000,
        parse_api_rate_limits: bool = False,
        referer: Optional[str] = None,
        base_url: Optional[str] = None,
        ws_url: Union[str, Mapping[str, str], None] = None,
        timeout: Timeout = 10.0,
        proxies: Optional[Mapping[str, str]] = None,
        session: Optional[requests.Session] = None,
        trace: Optional[bool] = None,
        logger: Optional[logging.Logger] = None,
        time_offset_ms: int = 0,
        time_sync_interval: Optional[float] = None,
        read_retries: int = 0,
        max_retry_wait: float = 5.0,
        rate_limit: Union[bool, RateLimiter] = False,
        clock: Optional[Clock] = None,
    ):
        """Create a client. No network I/O happens until the first call.

        The credentials may be passed positionally, in this order, as on every bitsdk client
        (REST and WebSocket); every other option is keyword-only. A misspelt option raises
        :class:`~bitsdk.errors.UnknownOptionError` naming the closest valid one.

        Args:
            api_key: API key (``X-BAPI-API-KEY``); omit key and secret for public data only.
            api_secret: HMAC secret, or an RSA private key in PEM form (PKCS#1 or PKCS#8,
                detected from its text).
            testnet: use ``https://api-testnet.bybit.com`` (testnet keys).
            demo_trading: use ``https://api-demo.bybit.com`` (demo-trading keys, created in
                the live account's Demo Trading section). Cannot be combined with ``testnet``.
            api_region: a regional site (case-sensitive): ``"default"``, ``"bytick"``,
                ``"NL"``, ``"TK"``, ``"KZ"``, ``"HK"``, ``"GE"``, ``"UAE"``, ``"EU"``, ``"ID"``
                or ``"JP"`` (live hosts: :data:`REGION_URLS`). With ``testnet``, HK and JP use
                their own testnet hosts and the others the global one; ``demo_trading`` and
                ``base_url`` win over it. ``"HK"`` also sends ``x-refer-site-id: HKG`` on
                every request.
            site_id: your site id, sent as the ``x-site-id`` header on every request (regional
                sites and brokers); off by default.
            recv_window: how long (ms) after its timestamp a signed request stays valid;
                Bybit accepts ``server_time - recv_window <= timestamp < server_time + 1000``.
            parse_api_rate_limits: put the parsed ``X-Bapi-Limit*`` headers on
                ``envelope.rate_limit`` as a :class:`RateLimit`.
            referer: your own broker id, sent as ``X-Referer`` on every request (off by default;
                bitsdk never sends anyone else's).
            base_url: replaces the scheme and host; wins over everything above.
            ws_url: WebSocket only; accepted (and ignored) so one options dict builds REST and
                WebSocket clients alike.
            timeout: seconds, or a ``(connect, read)`` tuple (10).
            proxies: ``{"https": "http://proxy:3128"}``; default: from the environment.
            session: a ``requests.Session`` to use; it stays yours: ``close()`` leaves it open.
            trace: log every request and response at DEBUG, secrets redacted (default: the
                ``BYBITTRACE`` environment variable).
            logger: where log records go (default ``bitsdk.bybit``).
            time_offset_ms: server minus local time (ms), added to ``X-BAPI-TIMESTAMP``.
            time_sync_interval: re-measure the offset before a signed request when this many
                seconds have passed (off by default).
            read_retries: how often a failed GET is retried (0-5; never a POST).
            max_retry_wait: the longest wait (seconds) a retry accepts when Bybit says when to
                come back (``Retry-After``, ``X-Bapi-Limit-Reset-Timestamp``) (5.0).
            rate_limit: ``True`` waits before a request for room under Bybit's per-endpoint limits, adapting to the
                ``X-Bapi-Limit*`` headers (opt-in;
                see :meth:`~bitsdk.RestClient.paginate` for paging); a ``RateLimiter`` to share one.
            clock: a :class:`~bitsdk.Clock` shared with other clients (``rest.clock`` of
                another one, REST or WebSocket); its offset and sync interval replace
                ``time_offset_ms`` and ``time_sync_interval``.

        Raises:
            bitsdk.errors.InvalidParameterError: only one of key and secret, an unknown
                region, ``testnet`` with ``demo_trading``, a bad ``site_id`` or ``recv_window``.
            bitsdk.errors.UnknownOptionError: an option this client does not have.
        """
        sign.check(api_key, api_secret)
        if isinstance(recv_window, bool) or not isinstance(recv_window, int) or recv_window <= 0:
            raise errors.InvalidParameterError(
                f"recv_window must be a positive number of milliseconds (default 5000), got {recv_window!r}"
            )
        if referer is not None and (not isinstance(referer, str) or not referer or not is_header_text(referer)):
            raise errors.InvalidParameterError(
                "referer must be your broker id as a non-empty single-line string (sent as X-Referer), or None"
            )
        environment = resolve_environment(
            testnet=testnet, demo_trading=demo_trading, api_region=api_region, site_id=site_id
        )
        super().__init__(
            api_key=api_key, api_secret=api_secret, base_url=base_url or environment.rest_url(), ws_url=ws_url,
            timeout=timeout, proxies=proxies, session=session, trace=trace, logger=logger,
            time_offset_ms=time_offset_ms, time_sync_interval=time_sync_interval,
            read_retries=read_retries, max_retry_wait=max_retry_wait, rate_limit=rate_limit, clock=clock,
        )
        self.environment = environment
        self.testnet = environment.testnet
        self.demo_trading = environment.demo_trading
        self.api_region = api_region
        self.site_id = site_id
        self.recv_window = recv_window
        self.parse_api_rate_limits = parse_api_rate_limits
        self.referer = referer
        self._site_headers = environment.headers()

    # -- engine hooks ----------------------------------------------------------------------

    def _base_headers(self) -> Dict[str, str]:
        # Site headers (HK, site_id) and the user's own broker id, on public calls too.
        if self.referer:
            return {**self._site_headers, "X-Referer": self.referer}
        return self._site_headers

    def _request(self, method: str, path: str, *, content_type: Optional[str] = None, **kwargs: Any) -> Envelope:
        # Bybit wants a JSON content type on POST bodies and none on GET.
        if method == "POST" and content_type is None:
            content_type = "application/json"
        return super()._request(method, path, content_type=content_type, **kwargs)

    def _auth_headers(
        self, method: str, path: str, query: str, body: Union[str, bytes, None], timestamp: int
    ) -> Dict[str, str]:
        return sign.rest_headers(self.credentials, self.recv_window, method, query, body, timestamp)

    def _check_envelope(self, envelope: Envelope, method: str, path: str) -> None:
        if self.parse_api_rate_limits and envelope.http_status == 200:
            envelope.rate_limit = RateLimit.from_headers(envelope.headers)
        code = _failure_code(envelope)
        if code is None:
            return
        message = str(envelope.get("retMsg") or envelope.get("ret_msg") or "request failed")
        # pybit#340: a 10006 answer may lack the reset header; then reset_at_ms is None.
        reset = _parse_int(_header(envelope.headers, "X-Bapi-Limit-Reset-Timestamp"))
        cls = ERROR_CLASSES.get(code, errors.APIError)
        self._raise_api_error(cls, message + self._hint(code), code, envelope, method, path, reset)

    def _hint(self, code: Any) -> str:
        """What to do about a failure, appended to the exchange's message."""
        if code == 10002:
            return (
                " (Bybit accepts a request only when server_time - recv_window <= timestamp < "
                f"server_time + 1000; this client sends recv_window={self.recv_window} ms with a clock "
                f"offset of {self.time_offset_ms} ms. Sync the host clock (NTP), measure with "
                "fetch_latency_summary() and apply it with set_time_offset_ms() or sync_time(), or "
                "construct the client with a larger recv_window)"
            )
        if code == 10003:
            return (
                " (keys only work in the environment that issued them: live, testnet (testnet=True) "
                f"and demo trading (demo_trading=True) keys are not interchangeable; this client uses "
                f"{self.base_url})"
            )
        if code == 10004:
            return " (signature mismatch: check api_secret; the signed text must be the bytes sent)"
        if code == 33004:
            return " (the API key has expired: create a new one)"
        if code in (10006, 10018):
            return " (rate limit reached: wait until reset_at_ms, or a few seconds when it is None, before retrying)"
        return ""

    def _choices_apply(self, spec: EndpointSpec) -> bool:
        return spec.path.startswith(self.CATEGORY_FAMILIES)

    def _observe_rate_headers(self, throttle: Throttle, headers: Mapping[str, str]) -> None:
        # X-Bapi-Limit is this UID's real allowance; X-Bapi-Limit-Status what is left of it
        # (other processes may share the UID); the reset time is the exchange's clock.
        limiter = self.rate_limiter
        if limiter is None:
            return
        parsed = RateLimit.from_headers(headers)
        if parsed is None:
            return  # public endpoints carry none
        limit, left, reset_ms = parsed
        # The reset time matters only once nothing is left (the limiter then waits for it).
        reset_in = (reset_ms - self.timestamp_ms()) / 1000 if left <= 0 else None
        limiter.observe(throttle[0], limit, left, reset_in)

    def fetch_server_time(self) -> int:
        """Bybit's clock as an int of epoch **milliseconds**, the same unit as the Bitget
        clients (the JS SDK's ``fetchServerTime()`` returns seconds; bitsdk does not).

        One public request; equal to :meth:`fetch_server_time_ms`.
        """
        return self.fetch_server_time_ms()

    @staticmethod
    def _time_error(what: str, path: str) -> errors.InvalidResponseError:
        return errors.InvalidResponseError(f"the server time answer has no usable {what}", method="GET", path=path)

class RestClientV5(_BybitRest):
    """Bybit V5 REST client: every ``/v5`` endpoint (market, trade, position, account, asset,
    user, spread, RFQ, earn, loans, broker, P2P...).

    Constructor (shared by :class:`RestClientV5` and :class:`SpotClientV3`): ``api_key`` and
    ``api_secret`` may be passed positionally, in that order, as on every bitsdk client (REST
    and WebSocket); every other option is keyword-only and named in the signature. Both or
    neither. A misspelt option raises :class:`~bitsdk.errors.UnknownOptionError` naming the
    closest one (``RestClientV5(test_net=True)``: ``did you mean testnet=?``).

    Parameters keep Bybit's own (camelCase) names and go in as one dict, as keyword
    arguments, or both. ``category`` is lower-case (``"spot"``, ``"linear"``, ``"inverse"``,
    ``"option"``) and is checked before sending on the trading endpoints. A few methods also
    take positional arguments, as in the JS SDK (``batch_submit_orders("linear", orders)``,
    ``set_margin_mode("PORTFOLIO_MARGIN")``, ``get_spot_borrow_check("BTCUSDT", "Buy")``)::

        client = RestClientV5(api_key, api_secret, testnet=True)
        client.get_tickers(category="linear", symbol="BTCUSDT")
        client.submit_order(category="linear", symbol="BTCUSDT", side="Buy",
                            orderType="Limit", qty="0.001", price="20000")

    Every method returns the decoded envelope (``retCode``, ``retMsg``, ``result``,
    ``retExtInfo``, ``time``) and raises a :mod:`bitsdk.errors` exception when ``retCode`` is
    not 0. Order-placing calls are never retried.
    """

    SURFACE = _casing.BYBIT_V5_REST.surface
    PARAM_CHOICES = _casing.BYBIT_V5_REST.choices
    RATE_LIMITS = RATE_LIMITS
    PAGING = PAGING
    # Earn, strategy, crypto-loan, RFQ... use ``category`` for product types (bybit.md §2.13).
    CATEGORY_FAMILIES = (
        "/v5/market/",
        "/v5/order/",
        "/v5/execution/",
        "/v5/position/",
        "/v5/pre-upgrade/",
        "/v5/account/",
        "/v5/asset/delivery-record",
        "/v5/asset/settlement-record",
    )

    def fetch_server_time_ms(self) -> int:
        """Bybit's clock in epoch milliseconds (``GET /v5/market/time``, one public request).

        Uses the envelope's ``time``, or ``result.timeNano`` when that is missing.
        """
        envelope = self.get_server_time()
        ms = _parse_int(envelope.get("time"))
        if ms is None:
            result = envelope.get("result")
            nano = _parse_int(result.get("timeNano")) if isinstance(result, Mapping) else None
            if nano is None:
                raise self._time_error("time or result.timeNano", "/v5/market/time")
            ms = nano // 1_000_000
        return ms

    # -- endpoints that need more than one line ----------------------------------------------

    @hand_written("GET", "/v5/order/spot-borrow-check", auth=True, args=("symbol", "side"))
    def get_spot_borrow_check(self, symbol: Any = None, side: Optional[str] = None, /, **params: Any) -> Envelope:
        """Check the spot borrow quota of a symbol; ``category="spot"`` is added for you.

        ``GET /v5/order/spot-borrow-check`` (signed: needs API credentials).

        Args:
            symbol: the spot symbol (``"BTCUSDT"``), or a dict of all parameters.
            side: ``"Buy"`` or ``"Sell"``.
            **params: further parameters, merged in.

        Returns:
            Envelope: the decoded response envelope.

        Raises:
            bitsdk.errors.APIError: the exchange rejected the request.
            bitsdk.errors.InvalidParameterError: a parameter is wrong; nothing was sent.
        """
        spec = self.ENDPOINTS["get_spot_borrow_check"]
        positional = (symbol,) if isinstance(symbol, Mapping) and side is None else (symbol, side)
        # The JS SDK sends {category: "spot", symbol, side}: category first, then the rest.
        query = {"category": "spot", **self._collect(spec, positional, params)}
        return self._call(spec, (query,), {})

    @hand_written("POST", "/v5/p2p/oss/upload_file", auth=True)
    def upload_p2p_chat_file(self, file: Any = None, filename: Optional[str] = None, /, **params: Any) -> Envelope:
        """Upload a file (image, PDF, video) for a P2P order chat; send its URL afterwards with
        :meth:`send_p2p_order_message`.

        ``POST /v5/p2p/oss/upload_file`` (signed, ``multipart/form-data``): one part named
        ``upload_file`` whose MIME type follows the extension (jpg/jpeg, png, pdf, mp4; anything
        else is ``application/octet-stream``); the signature covers the body bytes.

        Args:
            file: the content as ``bytes``, a path (``str`` or ``os.PathLike``), a binary
                file object, or the JS SDK's dict ``{"fileBuffer": bytes, "fileName": str}``.
            filename: the name Bybit sees; needed with ``bytes``, else taken from the path or
                file object. ``fileBuffer=``/``fileName=`` keywords work as well.

        Returns:
            Envelope: the decoded envelope (P2P answers use ``ret_code``/``ret_msg``).

        Raises:
            bitsdk.errors.APIError: the exchange rejected the upload.
            bitsdk.errors.InvalidParameterError: no content or no file name; nothing was sent.
        """
        spec = self.ENDPOINTS["upload_p2p_chat_file"]
        if isinstance(file, Mapping):
            params = {**file, **params}
            file = None
        unknown = set(params) - {"fileBuffer", "fileName"}
        if unknown:
            raise errors.InvalidParameterError(
                f"upload_p2p_chat_file() takes file and filename (or fileBuffer and fileName), "
                f"not {', '.join(sorted(unknown))}"
            )
        file = params.get("fileBuffer", file)
        filename = params.get("fileName", filename)
        data: Optional[bytes] = None
        if isinstance(file, (bytes, bytearray, memoryview)):
            data = bytes(file)
        elif isinstance(file, (str, os.PathLike)):
            with open(file, "rb") as handle:
                data = handle.read()
            filename = filename or os.path.basename(os.fspath(file))
        elif hasattr(file, "read"):
            data = file.read()
            name = getattr(file, "name", None)
            filename = filename or (os.path.basename(name) if isinstance(name, str) else None)
        if not isinstance(data, bytes):
            raise errors.InvalidParameterError(
                "upload_p2p_chat_file() needs the file: bytes, a path or a binary file object"
            )
        if not filename:
            raise errors.InvalidParameterError(
                "upload_p2p_chat_file() needs filename=... with bytes (its extension sets the MIME type)"
            )
        body = _multipart_body(data, str(filename))
        return self._request(
            spec.verb, spec.path, body=body, auth=spec.auth, name=spec.name, content_type=UPLOAD_CONTENT_TYPE
        )

    # -- one line per endpoint (tests/test_bybit_rest.py checks them against the catalogue) ---

    # /v5/system
    get_system_status = endpoint("GET", "/v5/system/status", auth=True)

    # /v5/market
    get_server_time = endpoint("GET", "/v5/market/time")

    # /v5/announcements
    get_announcement = endpoint("GET", "/v5/announcements/index")

    # /v5/account
    request_demo_trading_funds = endpoint("POST", "/v5/account/demo-apply-money", auth=True)

    # /v5/user
    create_demo_account = endpoint("POST", "/v5/user/create-demo-member", auth=True)

    # /v5/spread
    get_spread_instruments_info = endpoint("GET", "/v5/spread/instrument")
    get_spread_orderbook = endpoint("GET", "/v5/spread/orderbook")
    get_spread_tickers = endpoint("GET", "/v5/spread/tickers")
    get_spread_recent_trades = endpoint("GET", "/v5/spread/recent-trade")
    get_spread_max_qty = endpoint("GET", "/v5/spread/max-qty", auth=True)
    submit_spread_order = endpoint("POST", "/v5/spread/order/create", auth=True)
    amend_spread_order = endpoint("POST", "/v5/spread/order/amend", auth=True)
    cancel_spread_order = endpoint("POST", "/v5/spread/order/cancel", auth=True)
    cancel_all_spread_orders = endpoint("POST", "/v5/spread/order/cancel-all", auth=True)
    get_spread_open_orders = endpoint("GET", "/v5/spread/order/realtime", auth=True)
    get_spread_order_history = endpoint("GET", "/v5/spread/order/history", auth=True)
    get_spread_trade_history = endpoint("GET", "/v5/spread/execution/list", auth=True)

    # /v5/market
    get_kline = endpoint("GET", "/v5/market/kline")
    get_mark_price_kline = endpoint("GET", "/v5/market/mark-price-kline")
    get_index_price_kline = endpoint("GET", "/v5/market/index-price-kline")
    get_premium_index_price_kline = endpoint("GET", "/v5/market/premium-index-price-kline")
    get_instruments_info = endpoint("GET", "/v5/market/instruments-info")
    get_orderbook = endpoint("GET", "/v5/market/orderbook")
    get_full_depth_orderbook = endpoint("GET", "/v5/market/full_orderbook")
    get_rpi_orderbook = endpoint("GET", "/v5/market/rpi_orderbook")
    get_tickers = endpoint("GET", "/v5/market/tickers")
    get_funding_rate_history = endpoint("GET", "/v5/market/funding/history")
    get_public_trading_history = endpoint("GET", "/v5/market/recent-trade")
    get_open_interest = endpoint("GET", "/v5/market/open-interest")
    get_historical_volatility = endpoint("GET", "/v5/market/historical-volatility")
    get_insurance = endpoint("GET", "/v5/market/insurance")
    get_risk_limit = endpoint("GET", "/v5/market/risk-limit")
    get_option_delivery_price = endpoint("GET", "/v5/market/delivery-price")
    get_delivery_price = endpoint("GET", "/v5/market/delivery-price")
    get_new_delivery_price = endpoint("GET", "/v5/market/new-delivery-price")
    get_long_short_ratio = endpoint("GET", "/v5/market/account-ratio")
    get_index_price_components = endpoint("GET", "/v5/market/index-price-components")
    get_order_price_limit = endpoint("GET", "/v5/market/price-limit")
    get_adl_alert = endpoint("GET", "/v5/market/adlAlert")
    get_fee_group_structure = endpoint("GET", "/v5/market/fee-group-info")

    # /v5/order
    submit_order = endpoint("POST", "/v5/order/create", auth=True)
    amend_order = endpoint("POST", "/v5/order/amend", auth=True)
    cancel_order = endpoint("POST", "/v5/order/cancel", auth=True)
    get_active_orders = endpoint("GET", "/v5/order/realtime", auth=True)
    cancel_all_orders = endpoint("POST", "/v5/order/cancel-all", auth=True)
    get_historic_orders = endpoint("GET", "/v5/order/history", auth=True)

    # /v5/execution
    get_execution_list = endpoint("GET", "/v5/execution/list", auth=True)

    # /v5/order
    batch_submit_orders = endpoint("POST", "/v5/order/create-batch", auth=True, args=("category", "request"))
    batch_amend_orders = endpoint("POST", "/v5/order/amend-batch", auth=True, args=("category", "request"))
    batch_cancel_orders = endpoint("POST", "/v5/order/cancel-batch", auth=True, args=("category", "request"))
    set_disconnect_cancel_all_window = endpoint("POST", "/v5/order/disconnected-cancel-all", auth=True, args=("category", "timeWindow"))
    set_disconnect_cancel_all_window_v2 = endpoint("POST", "/v5/order/disconnected-cancel-all", auth=True)
    pre_check_order = endpoint("POST", "/v5/order/pre-check", auth=True)

    # /v5/strategy
    create_strategy_order = endpoint("POST", "/v5/strategy/create", auth=True)
    get_strategy_list = endpoint("GET", "/v5/strategy/list", auth=True)
    get_strategy_order_list = endpoint("GET", "/v5/strategy/order-list", auth=True)
    stop_strategy = endpoint("POST", "/v5/strategy/stop", auth=True)

    # /v5/position
    get_position_info = endpoint("GET", "/v5/position/list", auth=True)
    get_futures_leverage = endpoint("GET", "/v5/position/symbol-info", auth=True)
    set_leverage = endpoint("POST", "/v5/position/set-leverage", auth=True)
    switch_isolated_margin = endpoint("POST", "/v5/position/switch-isolated", auth=True)
    set_tpsl_mode = endpoint("POST", "/v5/position/set-tpsl-mode", auth=True)
    switch_position_mode = endpoint("POST", "/v5/position/switch-mode", auth=True)
    set_risk_limit = endpoint("POST", "/v5/position/set-risk-limit", auth=True)
    set_trading_stop = endpoint("POST", "/v5/position/trading-stop", auth=True)
    set_auto_add_margin = endpoint("POST", "/v5/position/set-auto-add-margin", auth=True)
    add_or_reduce_margin = endpoint("POST", "/v5/position/add-margin", auth=True)
    get_closed_pnl = endpoint("GET", "/v5/position/closed-pnl", auth=True)
    get_closed_options_positions = endpoint("GET", "/v5/position/get-closed-positions", auth=True)
    move_position = endpoint("POST", "/v5/position/move-positions", auth=True)
    get_move_position_history = endpoint("GET", "/v5/position/move-history", auth=True)
    confirm_new_risk_limit = endpoint("POST", "/v5/position/confirm-pending-mmr", auth=True)

    # /v5/pre-upgrade
    get_pre_upgrade_order_history = endpoint("GET", "/v5/pre-upgrade/order/history", auth=True)
    get_pre_upgrade_trade_history = endpoint("GET", "/v5/pre-upgrade/execution/list", auth=True)
    get_pre_upgrade_closed_pnl = endpoint("GET", "/v5/pre-upgrade/position/closed-pnl", auth=True)
    get_pre_upgrade_transactions = endpoint("GET", "/v5/pre-upgrade/account/transaction-log", auth=True)
    get_pre_upgrade_option_delivery_record = endpoint("GET", "/v5/pre-upgrade/asset/delivery-record", auth=True)
    get_pre_upgrade_usdc_session_settlements = endpoint("GET", "/v5/pre-upgrade/asset/settlement-record", auth=True)

    # /v5/account
    get_wallet_balance = endpoint("GET", "/v5/account/wallet-balance", auth=True)
    get_transferable_amount = endpoint("GET", "/v5/account/withdrawal", auth=True)
    get_account_instruments_info = endpoint("GET", "/v5/account/instruments-info", auth=True)
    upgrade_to_unified_account = endpoint("POST", "/v5/account/upgrade-to-uta", auth=True)
    get_borrow_history = endpoint("GET", "/v5/account/borrow-history", auth=True)
    repay_liability = endpoint("POST", "/v5/account/quick-repayment", auth=True)
    manual_repay = endpoint("POST", "/v5/account/repay", auth=True)
    set_collateral_coin = endpoint("POST", "/v5/account/set-collateral-switch", auth=True)
    batch_set_collateral_coin = endpoint("POST", "/v5/account/set-collateral-switch-batch", auth=True)
    get_collateral_info = endpoint("GET", "/v5/account/collateral-info", auth=True, args=("currency",))

    # /v5/asset
    get_coin_greeks = endpoint("GET", "/v5/asset/coin-greeks", auth=True, args=("baseCoin",))

    # /v5/account
    get_fee_rate = endpoint("GET", "/v5/account/fee-rate", auth=True)
    get_account_info = endpoint("GET", "/v5/account/info", auth=True)
    get_dcp_info = endpoint("GET", "/v5/account/query-dcp-info", auth=True)
    get_transaction_log = endpoint("GET", "/v5/account/transaction-log", auth=True)
    get_classic_transaction_logs = endpoint("GET", "/v5/account/contract-transaction-log", auth=True)
    get_smp_group = endpoint("GET", "/v5/account/smp-group", auth=True)
    set_margin_mode = endpoint("POST", "/v5/account/set-margin-mode", auth=True, args=("setMarginMode",))
    set_spot_hedging = endpoint("POST", "/v5/account/set-hedging-mode", auth=True)
    set_limit_price_action = endpoint("POST", "/v5/account/set-limit-px-action", auth=True)
    get_limit_price_action = endpoint("GET", "/v5/account/user-setting-config", auth=True)
    set_delta_neutral_mode = endpoint("POST", "/v5/account/set-delta-mode", auth=True)
    set_mmp = endpoint("POST", "/v5/account/mmp-modify", auth=True)
    reset_mmp = endpoint("POST", "/v5/account/mmp-reset", auth=True, args=("baseCoin",))
    get_mmp_state = endpoint("GET", "/v5/account/mmp-state", auth=True, args=("baseCoin",))
    get_option_asset_info = endpoint("GET", "/v5/account/option-asset-info", auth=True)
    get_pay_info = endpoint("GET", "/v5/account/pay-info", auth=True)
    get_trade_info_for_analysis = endpoint("GET", "/v5/account/trade-info-for-analysis", auth=True)

    # /v5/asset
    get_asset_overview = endpoint("GET", "/v5/asset/asset-overview", auth=True)
    get_portfolio_margin_info = endpoint("GET", "/v5/asset/portfolio-margin", auth=True)
    get_total_members_assets = endpoint("GET", "/v5/asset/total-members-assets", auth=True)
    get_funding_account_transaction_history = endpoint("GET", "/v5/asset/fundinghistory", auth=True)
    get_delivery_record = endpoint("GET", "/v5/asset/delivery-record", auth=True)
    get_settlement_records = endpoint("GET", "/v5/asset/settlement-record", auth=True)
    get_coin_exchange_records = endpoint("GET", "/v5/asset/exchange/order-record", auth=True)
    get_coin_info = endpoint("GET", "/v5/asset/coin/query-info", auth=True, args=("coin",))
    get_sub_uid = endpoint("GET", "/v5/asset/transfer/query-sub-member-list", auth=True)
    get_asset_info = endpoint("GET", "/v5/asset/transfer/query-asset-info", auth=True)
    get_all_coins_balance = endpoint("GET", "/v5/asset/transfer/query-account-coins-balance", auth=True)
    get_coin_balance = endpoint("GET", "/v5/asset/transfer/query-account-coin-balance", auth=True)
    get_withdrawable_amount = endpoint("GET", "/v5/asset/withdraw/withdrawable-amount", auth=True)
    get_transferable_coin_list = endpoint("GET", "/v5/asset/transfer/query-transfer-coin-list", auth=True, args=("fromAccountType", "toAccountType"))
    create_internal_transfer = endpoint("POST", "/v5/asset/transfer/inter-transfer", auth=True, args=("transferId", "coin", "amount", "fromAccountType", "toAccountType"))
    get_internal_transfer_records = endpoint("GET", "/v5/asset/transfer/query-inter-transfer-list", auth=True)
    enable_universal_transfer_for_sub_uids = endpoint("POST", "/v5/asset/transfer/save-transfer-sub-member", auth=True, args=("subMemberIds",))
    create_universal_transfer = endpoint("POST", "/v5/asset/transfer/universal-transfer", auth=True)
    get_universal_transfer_records = endpoint("GET", "/v5/asset/transfer/query-universal-transfer-list", auth=True)
    get_allowed_deposit_coin_info = endpoint("GET", "/v5/asset/deposit/query-allowed-list", auth=True)
    set_deposit_account = endpoint("POST", "/v5/asset/deposit/deposit-to-account", auth=True)
    get_deposit_records = endpoint("GET", "/v5/asset/deposit/query-record", auth=True)
    get_sub_account_deposit_records = endpoint("GET", "/v5/asset/deposit/query-sub-member-record", auth=True)
    get_internal_deposit_records = endpoint("GET", "/v5/asset/deposit/query-internal-record", auth=True)
    get_master_deposit_address = endpoint("GET", "/v5/asset/deposit/query-address", auth=True, args=("coin", "chainType"))
    get_sub_deposit_address = endpoint("GET", "/v5/asset/deposit/query-sub-member-address", auth=True, args=("coin", "chainType", "subMemberId"))
    query_sub_member_address = endpoint("GET", "/v5/asset/deposit/query-sub-member-address", auth=True, args=("coin", "chainType", "subMemberId"))
    get_withdrawal_records = endpoint("GET", "/v5/asset/withdraw/query-record", auth=True)
    get_withdrawal_address_list = endpoint("GET", "/v5/asset/withdraw/query-address", auth=True)
    get_exchange_entities = endpoint("GET", "/v5/asset/withdraw/vasp/list", auth=True)
    submit_deposit_originator_info = endpoint("POST", "/v5/asset/travel-rule/deposit/submit", auth=True)
    submit_withdrawal = endpoint("POST", "/v5/asset/withdraw/create", auth=True)
    cancel_withdrawal = endpoint("POST", "/v5/asset/withdraw/cancel", auth=True, args=("id",))
    get_convert_coins = endpoint("GET", "/v5/asset/exchange/query-coin-list", auth=True)
    request_convert_quote = endpoint("POST", "/v5/asset/exchange/quote-apply", auth=True)
    confirm_convert_quote = endpoint("POST", "/v5/asset/exchange/convert-execute", auth=True)
    get_convert_status = endpoint("GET", "/v5/asset/exchange/convert-result-query", auth=True)
    get_convert_history = endpoint("GET", "/v5/asset/exchange/query-convert-history", auth=True)
    get_small_balance_list = endpoint("GET", "/v5/asset/covert/small-balance-list", auth=True)
    request_a_quote_small_balance = endpoint("POST", "/v5/asset/covert/get-quote", auth=True)
    confirm_a_quote_small_balance = endpoint("POST", "/v5/asset/covert/small-balance-execute", auth=True)
    get_exchange_history_small_balance = endpoint("GET", "/v5/asset/covert/small-balance-history", auth=True)

    # /v5/fiat
    get_fiat_trading_pair_list = endpoint("GET", "/v5/fiat/query-coin-list", auth=True)
    get_fiat_reference_price = endpoint("GET", "/v5/fiat/reference-price", auth=True)
    request_a_quote_fiat_convert = endpoint("POST", "/v5/fiat/quote-apply", auth=True)
    confirm_a_quote_fiat_convert = endpoint("POST", "/v5/fiat/trade-execute", auth=True)
    get_fiat_convert_status = endpoint("GET", "/v5/fiat/trade-query", auth=True)
    get_fiat_convert_history = endpoint("GET", "/v5/fiat/query-trade-history", auth=True)
    get_fiat_balance = endpoint("GET", "/v5/fiat/balance-query", auth=True)

    # /v5/user
    create_sub_member = endpoint("POST", "/v5/user/create-sub-member", auth=True)
    create_sub_uid_api_key = endpoint("POST", "/v5/user/create-sub-api", auth=True)
    get_sub_uid_list = endpoint("GET", "/v5/user/query-sub-members", auth=True)
    get_sub_uid_list_unlimited = endpoint("GET", "/v5/user/submembers", auth=True)
    get_escrow_sub_members = endpoint("GET", "/v5/user/escrow_sub_members", auth=True)
    set_sub_uid_frozen_state = endpoint("POST", "/v5/user/frozen-sub-member", auth=True, args=("subuid", "frozen"))
    get_query_api_key = endpoint("GET", "/v5/user/query-api", auth=True)
    get_sub_account_all_api_keys = endpoint("GET", "/v5/user/sub-apikeys", auth=True)
    get_uid_wallet_type = endpoint("GET", "/v5/user/get-member-type", auth=True)
    update_master_api_key = endpoint("POST", "/v5/user/update-api", auth=True)
    update_sub_api_key = endpoint("POST", "/v5/user/update-sub-api", auth=True)
    delete_sub_member = endpoint("POST", "/v5/user/del-submember", auth=True)
    delete_master_api_key = endpoint("POST", "/v5/user/delete-api", auth=True)
    delete_sub_api_key = endpoint("POST", "/v5/user/delete-sub-api", auth=True)

    # /v5/affiliate
    get_affiliate_user_list = endpoint("GET", "/v5/affiliate/aff-user-list", auth=True)
    get_affiliate_sub_affiliate_list = endpoint("GET", "/v5/affiliate/affiliate-sub-list", auth=True)

    # /v5/user
    get_affiliate_user_info = endpoint("GET", "/v5/user/aff-customer-info", auth=True)
    get_friend_referrals = endpoint("GET", "/v5/user/invitation/referrals", auth=True)
    get_referral_code = endpoint("GET", "/v5/user/invitation/code", auth=True)
    sign_agreement = endpoint("POST", "/v5/user/agreement", auth=True)

    # /v5/alpha
    get_alpha_trade_quote = endpoint("POST", "/v5/alpha/trade/quote", auth=True)
    execute_alpha_trade_purchase = endpoint("POST", "/v5/alpha/trade/purchase", auth=True)
    execute_alpha_trade_redeem = endpoint("POST", "/v5/alpha/trade/redeem", auth=True)
    get_alpha_pay_token_list = endpoint("POST", "/v5/alpha/trade/pay-token-list", auth=True)
    get_alpha_trade_order_list = endpoint("POST", "/v5/alpha/trade/order-list", auth=True)
    get_alpha_biz_token_list = endpoint("POST", "/v5/alpha/trade/biz-token-list", auth=True)
    get_alpha_biz_token_price_list = endpoint("POST", "/v5/alpha/trade/biz-token-price-list", auth=True)
    get_alpha_biz_token_details = endpoint("POST", "/v5/alpha/trade/biz-token-details", auth=True)
    get_alpha_asset_list = endpoint("POST", "/v5/alpha/trade/asset-list", auth=True)
    get_alpha_asset_detail = endpoint("POST", "/v5/alpha/trade/asset-detail", auth=True)
    get_alpha_prediction_engine_status = endpoint("GET", "/v5/alpha/prediction/engine-status", auth=True)
    get_alpha_prediction_pay_token_list = endpoint("GET", "/v5/alpha/prediction/pay-token-list", auth=True)
    get_alpha_prediction_event_detail = endpoint("POST", "/v5/alpha/prediction/event-detail", auth=True)
    get_alpha_prediction_order_estimate = endpoint("POST", "/v5/alpha/prediction/order-estimate", auth=True)
    execute_alpha_prediction_buy = endpoint("POST", "/v5/alpha/prediction/buy", auth=True)
    execute_alpha_prediction_sell = endpoint("POST", "/v5/alpha/prediction/sell", auth=True)
    get_alpha_prediction_order_list = endpoint("POST", "/v5/alpha/prediction/order-list", auth=True)
    get_alpha_prediction_order_book = endpoint("POST", "/v5/alpha/prediction/order-book", auth=True)
    get_alpha_prediction_token_price = endpoint("POST", "/v5/alpha/prediction/token-price", auth=True)
    get_alpha_prediction_price_history = endpoint("POST", "/v5/alpha/prediction/price-history", auth=True)
    get_alpha_prediction_position_list = endpoint("POST", "/v5/alpha/prediction/position-list", auth=True)
    get_alpha_prediction_position_history = endpoint("POST", "/v5/alpha/prediction/position-history", auth=True)
    get_alpha_prediction_portfolio_summary = endpoint("POST", "/v5/alpha/prediction/portfolio-summary", auth=True)
    get_alpha_prediction_side_market_list = endpoint("POST", "/v5/alpha/prediction/side-market-list", auth=True)
    get_alpha_prediction_sports_match_list = endpoint("POST", "/v5/alpha/prediction/sports/match-list", auth=True)
    get_alpha_prediction_sports_timeline_stages = endpoint("GET", "/v5/alpha/prediction/sports/timeline-stages", auth=True)
    get_alpha_prediction_sports_group_stage_detail = endpoint("POST", "/v5/alpha/prediction/sports/group-stage-detail", auth=True)
    get_alpha_lp_pool_list = endpoint("POST", "/v5/alpha/lp/pool-list", auth=True)
    get_alpha_lp_pool_info = endpoint("POST", "/v5/alpha/lp/pool-info", auth=True)
    execute_alpha_lp_stake = endpoint("POST", "/v5/alpha/lp/stake", auth=True)
    execute_alpha_lp_redeem = endpoint("POST", "/v5/alpha/lp/redeem", auth=True)
    get_alpha_lp_order_list = endpoint("POST", "/v5/alpha/lp/order-list", auth=True)
    get_alpha_lp_pay_token_list = endpoint("POST", "/v5/alpha/lp/pay-token-list", auth=True)
    get_alpha_lp_pay_token_price = endpoint("POST", "/v5/alpha/lp/pay-token-price", auth=True)
    get_alpha_lp_position_list = endpoint("POST", "/v5/alpha/lp/position-list", auth=True)

    # /v5/spot-margin-trade
    get_vip_margin_data = endpoint("GET", "/v5/spot-margin-trade/data")
    get_historical_interest_rate = endpoint("GET", "/v5/spot-margin-trade/interest-rate-history", auth=True)
    get_spot_margin_currency_data = endpoint("GET", "/v5/spot-margin-trade/currency-data", auth=True)
    toggle_spot_margin_trade = endpoint("POST", "/v5/spot-margin-trade/switch-mode", auth=True, args=("spotMarginMode",))
    set_spot_margin_leverage = endpoint("POST", "/v5/spot-margin-trade/set-leverage", auth=True, args=("leverage",))
    set_spot_margin_leverage_v2 = endpoint("POST", "/v5/spot-margin-trade/set-leverage", auth=True)
    get_spot_margin_state = endpoint("GET", "/v5/spot-margin-trade/state", auth=True)

    # /v5/account
    manual_borrow = endpoint("POST", "/v5/account/borrow", auth=True)

    # /v5/spot-margin-trade
    get_max_borrowable_amount = endpoint("GET", "/v5/spot-margin-trade/max-borrowable", auth=True)
    get_position_tiers = endpoint("GET", "/v5/spot-margin-trade/position-tiers", auth=True)
    get_coin_state = endpoint("GET", "/v5/spot-margin-trade/coinstate", auth=True)
    get_available_amount_to_repay = endpoint("GET", "/v5/spot-margin-trade/repayment-available-amount", auth=True)

    # /v5/account
    manual_repay_without_conversion = endpoint("POST", "/v5/account/no-convert-repay", auth=True)

    # /v5/spot-margin-trade
    get_auto_repay_mode = endpoint("GET", "/v5/spot-margin-trade/get-auto-repay-mode", auth=True)
    set_auto_repay_mode = endpoint("POST", "/v5/spot-margin-trade/set-auto-repay-mode", auth=True)
    get_spot_margin_liability = endpoint("GET", "/v5/spot-margin-trade/liability", auth=True)
    submit_fixed_rate_borrow = endpoint("POST", "/v5/spot-margin-trade/fixedborrow", auth=True)
    get_fixed_rate_borrow_order_info = endpoint("GET", "/v5/spot-margin-trade/fixedborrow-order-info", auth=True)
    get_fixed_rate_borrow_contract_info = endpoint("GET", "/v5/spot-margin-trade/fixedborrow-contract-info", auth=True)
    get_fixed_rate_borrow_order_quote = endpoint("GET", "/v5/spot-margin-trade/fixedborrow-order-quote", auth=True)
    renew_fixed_rate_borrow = endpoint("POST", "/v5/spot-margin-trade/fixedborrow-renew", auth=True)
    get_flexible_available_inventory = endpoint("GET", "/v5/spot-margin-trade/flexible-available-inventory", auth=True)
    get_fixed_rate_available_inventory = endpoint("GET", "/v5/spot-margin-trade/fixed-available-inventory", auth=True)
    get_tiered_collateral_ratio = endpoint("GET", "/v5/spot-margin-trade/collateral")

    # /v5/spot-cross-margin-trade
    get_spot_margin_coin_info = endpoint("GET", "/v5/spot-cross-margin-trade/pledge-token", auth=True, args=("coin",))
    get_spot_margin_borrowable_coin_info = endpoint("GET", "/v5/spot-cross-margin-trade/borrow-token", auth=True, args=("coin",))
    get_spot_margin_interest_and_quota = endpoint("GET", "/v5/spot-cross-margin-trade/loan-info", auth=True, args=("coin",))
    get_spot_margin_loan_account_info = endpoint("GET", "/v5/spot-cross-margin-trade/account", auth=True)
    spot_margin_borrow = endpoint("POST", "/v5/spot-cross-margin-trade/loan", auth=True)
    spot_margin_repay = endpoint("POST", "/v5/spot-cross-margin-trade/repay", auth=True)
    get_spot_margin_borrow_order_detail = endpoint("GET", "/v5/spot-cross-margin-trade/orders", auth=True)
    get_spot_margin_repayment_order_detail = endpoint("GET", "/v5/spot-cross-margin-trade/repay-history", auth=True)
    toggle_spot_cross_margin_trade = endpoint("POST", "/v5/spot-cross-margin-trade/switch", auth=True)

    # /v5/crypto-loan
    get_collateral_coins = endpoint("GET", "/v5/crypto-loan/collateral-data")
    get_borrowable_coins = endpoint("GET", "/v5/crypto-loan/loanable-data")
    get_account_borrow_collateral_limit = endpoint("GET", "/v5/crypto-loan/borrowable-collateralisable-number", auth=True)
    borrow_crypto_loan = endpoint("POST", "/v5/crypto-loan/borrow", auth=True)
    repay_crypto_loan = endpoint("POST", "/v5/crypto-loan/repay", auth=True)
    get_unpaid_loan_orders = endpoint("GET", "/v5/crypto-loan/ongoing-orders", auth=True)
    get_repayment_history = endpoint("GET", "/v5/crypto-loan/repayment-history", auth=True)
    get_completed_loan_order_history = endpoint("GET", "/v5/crypto-loan/borrow-history", auth=True)
    get_max_allowed_reduction_collateral_amount = endpoint("GET", "/v5/crypto-loan/max-collateral-amount", auth=True)
    adjust_collateral_amount = endpoint("POST", "/v5/crypto-loan/adjust-ltv", auth=True)
    get_loan_ltv_adjustment_history = endpoint("GET", "/v5/crypto-loan/adjustment-history", auth=True)

    # /v5/crypto-loan-common
    get_loan_borrowable_coins = endpoint("GET", "/v5/crypto-loan-common/loanable-data")
    get_loan_collateral_coins = endpoint("GET", "/v5/crypto-loan-common/collateral-data")
    get_max_collateral_amount = endpoint("GET", "/v5/crypto-loan-common/max-collateral-amount", auth=True)
    get_max_loan_amount = endpoint("POST", "/v5/crypto-loan-common/max-loan", auth=True)
    update_collateral_amount = endpoint("POST", "/v5/crypto-loan-common/adjust-ltv", auth=True)
    get_collateral_adjustment_history = endpoint("GET", "/v5/crypto-loan-common/adjustment-history", auth=True)
    get_crypto_loan_position = endpoint("GET", "/v5/crypto-loan-common/position", auth=True)

    # /v5/crypto-loan-flexible
    borrow_flexible = endpoint("POST", "/v5/crypto-loan-flexible/borrow", auth=True)
    repay_flexible = endpoint("POST", "/v5/crypto-loan-flexible/repay", auth=True)
    repay_collateral_flexible = endpoint("POST", "/v5/crypto-loan-flexible/repay-collateral", auth=True)
    get_ongoing_flexible_loans = endpoint("GET", "/v5/crypto-loan-flexible/ongoing-coin", auth=True)
    get_borrow_history_flexible = endpoint("GET", "/v5/crypto-loan-flexible/borrow-history", auth=True)
    get_repayment_history_flexible = endpoint("GET", "/v5/crypto-loan-flexible/repayment-history", auth=True)
    get_flexible_loan_available_inventory = endpoint("GET", "/v5/crypto-loan-flexible/available-inventory", auth=True)

    # /v5/crypto-loan-fixed
    get_supply_order_quote_fixed = endpoint("GET", "/v5/crypto-loan-fixed/supply-order-quote")
    get_borrow_order_quote_fixed = endpoint("GET", "/v5/crypto-loan-fixed/borrow-order-quote")
    create_borrow_order_fixed = endpoint("POST", "/v5/crypto-loan-fixed/borrow", auth=True)
    create_supply_order_fixed = endpoint("POST", "/v5/crypto-loan-fixed/supply", auth=True)
    cancel_borrow_order_fixed = endpoint("POST", "/v5/crypto-loan-fixed/borrow-order-cancel", auth=True)
    cancel_supply_order_fixed = endpoint("POST", "/v5/crypto-loan-fixed/supply-order-cancel", auth=True)
    get_borrow_contract_info_fixed = endpoint("GET", "/v5/crypto-loan-fixed/borrow-contract-info", auth=True)
    get_supply_contract_info_fixed = endpoint("GET", "/v5/crypto-loan-fixed/supply-contract-info", auth=True)
    get_borrow_order_info_fixed = endpoint("GET", "/v5/crypto-loan-fixed/borrow-order-info", auth=True)
    get_supply_order_info_fixed = endpoint("GET", "/v5/crypto-loan-fixed/supply-order-info", auth=True)
    repay_fixed = endpoint("POST", "/v5/crypto-loan-fixed/fully-repay", auth=True)
    repay_collateral_fixed = endpoint("POST", "/v5/crypto-loan-fixed/repay-collateral", auth=True)
    get_repayment_history_fixed = endpoint("GET", "/v5/crypto-loan-fixed/repayment-history", auth=True)
    renew_borrow_order_fixed = endpoint("POST", "/v5/crypto-loan-fixed/renew", auth=True)
    get_renew_order_info_fixed = endpoint("GET", "/v5/crypto-loan-fixed/renew-info", auth=True)
    get_fixed_loan_available_inventory = endpoint("GET", "/v5/crypto-loan-fixed/available-inventory", auth=True)

    # /v5/ins-loan
    get_institutional_lending_product_info = endpoint("GET", "/v5/ins-loan/product-infos", args=("productId",))
    get_institutional_lending_coin_delta_amount = endpoint("GET", "/v5/ins-loan/coin-delta-amount", auth=True)
    get_institutional_lending_margin_coin_info = endpoint("GET", "/v5/ins-loan/ensure-tokens", args=("productId",))
    get_institutional_lending_margin_coin_info_with_conversion_rate = endpoint("GET", "/v5/ins-loan/ensure-tokens-convert", args=("productId",))
    get_institutional_lending_loan_orders = endpoint("GET", "/v5/ins-loan/loan-order", auth=True)
    get_institutional_lending_repay_orders = endpoint("GET", "/v5/ins-loan/repaid-history", auth=True)
    get_institutional_lending_ltv = endpoint("GET", "/v5/ins-loan/ltv", auth=True)
    get_institutional_lending_ltv_with_ladder_conversion_rate = endpoint("GET", "/v5/ins-loan/ltv-convert", auth=True)
    bind_or_unbind_uid = endpoint("POST", "/v5/ins-loan/association-uid", auth=True)
    repay_institutional_loan = endpoint("POST", "/v5/ins-loan/repay-loan", auth=True)

    # /v5/ins
    get_institution_whitelist_ip = endpoint("GET", "/v5/ins/whitelist/ip", auth=True)
    get_institution_ip_change_log = endpoint("GET", "/v5/ins/ip/changelog", auth=True)

    # /v5/broker
    get_exchange_broker_earnings = endpoint("GET", "/v5/broker/earnings-info", auth=True)
    get_exchange_broker_account_info = endpoint("GET", "/v5/broker/account-info", auth=True)
    get_broker_sub_account_deposits = endpoint("GET", "/v5/broker/asset/query-sub-member-deposit-record", auth=True)
    get_broker_voucher_spec = endpoint("POST", "/v5/broker/award/info", auth=True)
    issue_broker_voucher = endpoint("POST", "/v5/broker/award/distribute-award", auth=True)
    get_broker_issued_voucher = endpoint("POST", "/v5/broker/award/distribution-record", auth=True)
    set_broker_rate_limit = endpoint("POST", "/v5/broker/apilimit/set", auth=True)
    get_broker_rate_limit_cap = endpoint("GET", "/v5/broker/apilimit/query-cap", auth=True)
    get_all_broker_rate_limits = endpoint("GET", "/v5/broker/apilimit/query-all", auth=True)
    get_broker_whitelist_ip = endpoint("GET", "/v5/broker/whitelist/ip", auth=True)
    get_broker_ip_change_log = endpoint("GET", "/v5/broker/ip/changelog", auth=True)

    # /v5/earn
    get_earn_product = endpoint("GET", "/v5/earn/product")
    get_earn_coupon_list = endpoint("GET", "/v5/earn/coupons", auth=True)
    get_rwa_product_list = endpoint("GET", "/v5/earn/rwa/product")
    place_rwa_order = endpoint("POST", "/v5/earn/rwa/place-order", auth=True)
    get_rwa_position_list = endpoint("GET", "/v5/earn/rwa/position", auth=True)
    get_rwa_order_list = endpoint("GET", "/v5/earn/rwa/order", auth=True)
    get_rwa_nav_chart = endpoint("GET", "/v5/earn/rwa/nav-chart")
    get_hold_to_earn_airdrop_products = endpoint("GET", "/v5/earn/hold-to-earn/product")
    get_advance_earn_product = endpoint("GET", "/v5/earn/advance/product")
    get_liquidity_mining_product = endpoint("GET", "/v5/earn/liquidity-mining/product")
    reinvest_liquidity_mining = endpoint("POST", "/v5/earn/liquidity-mining/reinvest", auth=True)
    add_liquidity = endpoint("POST", "/v5/earn/liquidity-mining/add-liquidity", auth=True)
    remove_liquidity = endpoint("POST", "/v5/earn/liquidity-mining/remove-liquidity", auth=True)
    add_margin = endpoint("POST", "/v5/earn/liquidity-mining/add-margin", auth=True)
    claim_liquidity_interest = endpoint("POST", "/v5/earn/liquidity-mining/claim-interest", auth=True)
    get_liquidity_mining_positions = endpoint("GET", "/v5/earn/liquidity-mining/position", auth=True)
    get_liquidity_mining_orders = endpoint("GET", "/v5/earn/liquidity-mining/order", auth=True)
    get_liquidity_mining_yield_records = endpoint("GET", "/v5/earn/liquidity-mining/yield-records", auth=True)
    get_liquidity_mining_liquidation_records = endpoint("GET", "/v5/earn/liquidity-mining/liquidation-records", auth=True)
    get_fixed_term_earn_product = endpoint("GET", "/v5/earn/fixed-term/product")
    get_advance_earn_product_extra_info = endpoint("GET", "/v5/earn/advance/product-extra-info")
    submit_advance_earn_place_order = endpoint("POST", "/v5/earn/advance/place-order", auth=True)
    get_advance_earn_position = endpoint("GET", "/v5/earn/advance/position", auth=True)
    get_advance_earn_order = endpoint("GET", "/v5/earn/advance/order", auth=True)
    get_double_win_leverage = endpoint("GET", "/v5/earn/advance/double-win-leverage", auth=True)
    get_smart_leverage_redeem_est_amount_list = endpoint("GET", "/v5/earn/advance/get-redeem-est-amount-list", auth=True)
    submit_fixed_term_earn_order = endpoint("POST", "/v5/earn/fixed-term/place-order", auth=True)
    redeem_fixed_term_earn = endpoint("POST", "/v5/earn/fixed-term/redeem", auth=True)
    get_fixed_term_earn_position = endpoint("GET", "/v5/earn/fixed-term/position", auth=True)
    get_fixed_term_earn_order = endpoint("GET", "/v5/earn/fixed-term/order", auth=True)
    set_fixed_term_earn_auto_invest = endpoint("POST", "/v5/earn/fixed-term/position/auto-invest", auth=True)
    submit_stake_redeem = endpoint("POST", "/v5/earn/place-order", auth=True)
    get_earn_order_history = endpoint("GET", "/v5/earn/order", auth=True)
    get_earn_position = endpoint("GET", "/v5/earn/position", auth=True)
    modify_earn_position = endpoint("POST", "/v5/earn/position/modify", auth=True)
    get_earn_yield_history = endpoint("GET", "/v5/earn/yield", auth=True)
    get_hold_to_earn_airdrop_yield_history = endpoint("GET", "/v5/earn/hold-to-earn/yield-history", auth=True)
    get_earn_hourly_yield_history = endpoint("GET", "/v5/earn/hourly-yield", auth=True)
    get_earn_apr_history = endpoint("GET", "/v5/earn/apr-history")
    get_earn_token_product = endpoint("GET", "/v5/earn/token/product")
    submit_earn_token_order = endpoint("POST", "/v5/earn/token/place-order", auth=True)
    get_earn_token_orders = endpoint("GET", "/v5/earn/token/order", auth=True)
    get_earn_token_position = endpoint("GET", "/v5/earn/token/position", auth=True)
    get_earn_token_daily_yield = endpoint("GET", "/v5/earn/token/yield", auth=True)
    get_earn_token_hourly_yield = endpoint("GET", "/v5/earn/token/hourly-yield", auth=True)
    get_earn_token_history_apr = endpoint("GET", "/v5/earn/token/history-apr")
    get_pwm_investment_plan_list = endpoint("GET", "/v5/earn/pwm/investment-plan/list", auth=True)
    get_pwm_investment_plan_detail = endpoint("GET", "/v5/earn/pwm/investment-plan/detail", auth=True)
    get_pwm_pending_investment_plan_detail = endpoint("GET", "/v5/earn/pwm/investment-plan/new-plan", auth=True)
    claim_pwm_withdrawable_funds = endpoint("POST", "/v5/earn/pwm/investment-plan/claim", auth=True)
    get_pwm_investment_plan_asset_trend = endpoint("GET", "/v5/earn/pwm/investment-plan/asset-trend", auth=True)
    get_pwm_fund_historical_nav = endpoint("GET", "/v5/earn/pwm/investment-plan/fund-nav", auth=True)
    subscribe_pwm_investment_plan = endpoint("POST", "/v5/earn/pwm/investment-plan/subscribe", auth=True)
    invest_more_pwm_investment_plan = endpoint("POST", "/v5/earn/pwm/investment-plan/invest-more", auth=True)
    redeem_pwm_investment_plan = endpoint("POST", "/v5/earn/pwm/investment-plan/redeem", auth=True)
    get_pwm_investment_plan_orders = endpoint("GET", "/v5/earn/pwm/investment-plan/order", auth=True)
    pwm_list_investment_plans = endpoint("GET", "/v5/earn/pwm/investment-plan/all", auth=True)
    get_pwm_subscribable_product_info = endpoint("GET", "/v5/earn/pwm/customize-plan/product")
    create_pwm_customize_investment_plan = endpoint("POST", "/v5/earn/pwm/customize-plan/create", auth=True)
    get_pwm_all_funds = endpoint("GET", "/v5/earn/pwm/asset-manager/all-funds", auth=True)
    settle_pwm_fund_profit = endpoint("POST", "/v5/earn/pwm/asset-manager/settle-profit", auth=True)
    create_pwm_fund = endpoint("POST", "/v5/earn/pwm/asset-manager/create-fund", auth=True)
    create_pwm_asset_manager_investment_plan = endpoint("POST", "/v5/earn/pwm/asset-manager/create-investment-plan", auth=True)
    get_pwm_asset_manager_investment_plans = endpoint("GET", "/v5/earn/pwm/asset-manager/get-investment-plan", auth=True)
    manage_pwm_asset_manager_investment_plan = endpoint("POST", "/v5/earn/pwm/asset-manager/manage-investment-plan", auth=True)
    get_pwm_all_fund_orders = endpoint("GET", "/v5/earn/pwm/asset-manager/all-order", auth=True)
    manage_pwm_fund_order = endpoint("POST", "/v5/earn/pwm/asset-manager/manage-order", auth=True)
    create_pwm_fund_sub_account = endpoint("POST", "/v5/earn/pwm/asset-manager/create-sub-account", auth=True)
    pwm_fund_transfer = endpoint("POST", "/v5/earn/pwm/fund-transfer", auth=True)
    get_pwm_fund_transfer_records = endpoint("GET", "/v5/earn/pwm/query-fund-transfer-result", auth=True)

    # /v5/card
    query_card_asset_records = endpoint("POST", "/v5/card/transaction/query-asset-records", auth=True)
    query_card_points_balance = endpoint("POST", "/v5/card/reward/points/balance", auth=True)
    query_card_points_records = endpoint("POST", "/v5/card/reward/points/records", auth=True)
    query_card_points_tier = endpoint("POST", "/v5/card/reward/points/tier", auth=True)
    query_card_mall_item_list = endpoint("POST", "/v5/card/reward/mall/item/list", auth=True)
    query_card_point_cashback_detail = endpoint("POST", "/v5/card/reward/point/cashback/detail", auth=True)

    # /v5/rfq
    create_rfq = endpoint("POST", "/v5/rfq/create-rfq", auth=True)
    get_rfq_config = endpoint("GET", "/v5/rfq/config", auth=True)
    cancel_rfq = endpoint("POST", "/v5/rfq/cancel-rfq", auth=True)
    cancel_all_rfq = endpoint("POST", "/v5/rfq/cancel-all-rfq", auth=True)
    create_rfq_quote = endpoint("POST", "/v5/rfq/create-quote", auth=True)
    execute_rfq_quote = endpoint("POST", "/v5/rfq/execute-quote", auth=True)
    cancel_rfq_quote = endpoint("POST", "/v5/rfq/cancel-quote", auth=True)
    cancel_all_rfq_quotes = endpoint("POST", "/v5/rfq/cancel-all-quotes", auth=True)
    get_rfq_realtime_info = endpoint("GET", "/v5/rfq/rfq-realtime", auth=True)
    get_rfq_history = endpoint("GET", "/v5/rfq/rfq-list", auth=True)
    get_rfq_realtime_quote = endpoint("GET", "/v5/rfq/quote-realtime", auth=True)
    get_rfq_history_quote = endpoint("GET", "/v5/rfq/quote-list", auth=True)
    get_rfq_trades = endpoint("GET", "/v5/rfq/trade-list", auth=True)
    get_rfq_public_trades = endpoint("GET", "/v5/rfq/public-trades", auth=True)
    accept_non_lp_quote = endpoint("POST", "/v5/rfq/accept-other-quote", auth=True)
    get_rfq_details = endpoint("GET", "/v5/rfq/rfq-detail-list", auth=True)

    # /v5/asset
    get_p2p_account_coins_balance = endpoint("GET", "/v5/asset/transfer/query-account-coins-balance", auth=True)

    # /v5/p2p
    get_p2p_online_ads = endpoint("POST", "/v5/p2p/item/online", auth=True)
    create_p2p_ad = endpoint("POST", "/v5/p2p/item/create", auth=True)
    cancel_p2p_ad = endpoint("POST", "/v5/p2p/item/cancel", auth=True)
    update_p2p_ad = endpoint("POST", "/v5/p2p/item/update", auth=True)
    get_p2p_personal_ads = endpoint("POST", "/v5/p2p/item/personal/list", auth=True)
    get_p2p_ad_detail = endpoint("POST", "/v5/p2p/item/info", auth=True)
    get_p2p_orders = endpoint("POST", "/v5/p2p/order/simplifyList", auth=True)
    get_p2p_order_detail = endpoint("POST", "/v5/p2p/order/info", auth=True)
    get_p2p_pending_orders = endpoint("POST", "/v5/p2p/order/pending/simplifyList", auth=True)
    mark_p2p_order_as_paid = endpoint("POST", "/v5/p2p/order/pay", auth=True)
    release_p2p_order = endpoint("POST", "/v5/p2p/order/finish", auth=True)
    send_p2p_order_message = endpoint("POST", "/v5/p2p/order/message/send", auth=True)
    get_p2p_order_messages = endpoint("POST", "/v5/p2p/order/message/listpage", auth=True)
    get_p2p_user_info = endpoint("POST", "/v5/p2p/user/personal/info", auth=True)
    get_p2p_counterparty_user_info = endpoint("POST", "/v5/p2p/user/order/personal/info", auth=True)
    get_p2p_user_payments = endpoint("POST", "/v5/p2p/user/payment/list", auth=True)

    # /v5/apilimit
    set_api_rate_limit = endpoint("POST", "/v5/apilimit/set", auth=True)
    query_api_rate_limit = endpoint("GET", "/v5/apilimit/query", auth=True)
    get_rate_limit_cap = endpoint("GET", "/v5/apilimit/query-cap", auth=True)
    get_all_rate_limits = endpoint("GET", "/v5/apilimit/query-all", auth=True)

    # /v5/spot-x
    get_launchpool_project_list = endpoint("GET", "/v5/spot-x/launchpool/project/list")
    get_launchpool_user_activity_log = endpoint("POST", "/v5/spot-x/launchpool/user/activity-log", auth=True)
    get_launchpool_current_staking = endpoint("GET", "/v5/spot-x/launchpool/user/current-staking", auth=True)
    get_launchpool_user_history = endpoint("POST", "/v5/spot-x/launchpool/user/history", auth=True)
    get_puzzle_project_list = endpoint("GET", "/v5/spot-x/puzzle/project/list")
    get_token_splash_project_list = endpoint("GET", "/v5/spot-x/token-splash/project/list")
    get_token_splash_user_activity_params = endpoint("GET", "/v5/spot-x/token-splash/user/activity-params", auth=True)

    # /v5/event
    get_event_instruments_info = endpoint("GET", "/v5/event/instruments-info")
    get_event_orderbook = endpoint("GET", "/v5/event/orderbook")
    get_event_order_history = endpoint("GET", "/v5/event/order-list", auth=True)
    get_event_active_orders = endpoint("GET", "/v5/event/order-realtime", auth=True)
    get_event_position_info = endpoint("GET", "/v5/event/positions", auth=True)
    get_event_trade_history = endpoint("GET", "/v5/event/trades", auth=True)
    get_event_settlement_records = endpoint("GET", "/v5/event/settlements", auth=True)
    submit_event_quote = endpoint("POST", "/v5/event/quotes", auth=True)
    cancel_event_quote = endpoint("POST", "/v5/event/cancel", auth=True)

    # /v5/fcombobot
    get_futures_combo_bot_parameter_limit = endpoint("POST", "/v5/fcombobot/getlimit", auth=True)
    create_futures_combo_bot = endpoint("POST", "/v5/fcombobot/create", auth=True)
    get_futures_combo_bot_detail = endpoint("POST", "/v5/fcombobot/detail", auth=True)
    close_futures_combo_bot = endpoint("POST", "/v5/fcombobot/close", auth=True)

    # /v5/fgridbot
    validate_futures_grid_input = endpoint("POST", "/v5/fgridbot/validate", auth=True)
    create_futures_grid_bot = endpoint("POST", "/v5/fgridbot/create", auth=True)
    get_futures_grid_bot_detail = endpoint("POST", "/v5/fgridbot/detail", auth=True)
    close_futures_grid_bot = endpoint("POST", "/v5/fgridbot/close", auth=True)

    # /v5/fmartingalebot
    get_futures_martingale_bot_parameter_limit = endpoint("POST", "/v5/fmartingalebot/getlimit", auth=True)
    create_futures_martingale_bot = endpoint("POST", "/v5/fmartingalebot/create", auth=True)
    get_futures_martingale_bot_detail = endpoint("POST", "/v5/fmartingalebot/detail", auth=True)
    close_futures_martingale_bot = endpoint("POST", "/v5/fmartingalebot/close", auth=True)

    # /v5/grid
    validate_spot_grid_input = endpoint("POST", "/v5/grid/validate-input")
    create_spot_grid_bot = endpoint("POST", "/v5/grid/create-grid", auth=True)
    get_spot_grid_bot_detail = endpoint("POST", "/v5/grid/query-grid-detail", auth=True)
    close_spot_grid_bot = endpoint("POST", "/v5/grid/close-grid", auth=True)

    # /v5/dca
    create_dca_bot = endpoint("POST", "/v5/dca/create-bot", auth=True)
    close_dca_bot = endpoint("POST", "/v5/dca/close-bot", auth=True)

class SpotClientV3(_BybitRest):
    """Bybit's legacy spot V3 REST endpoints that are still online (deprecated by Bybit).

    Same options, signing and errors as :class:`RestClientV5`; use that client for anything
    new::

        SpotClientV3().get_merged_order_book("BTCUSDT", 1, 20)
    """

    SURFACE = _casing.BYBIT_SPOT_V3_REST.surface

    def fetch_server_time_ms(self) -> int:
        """Bybit's clock in epoch milliseconds from ``GET /v2/public/time`` (``time_now``)."""
        return int(self._time_now() * 1000)

    def _time_now(self) -> Decimal:
        value = self.get_server_time().get("time_now")
        try:
            seconds = Decimal(str(value))
        except (InvalidOperation, ValueError):
            seconds = Decimal("NaN")
        if value is None or not seconds.is_finite():
            raise self._time_error("time_now", "/v2/public/time")
        return seconds

    # /spot/v3
    get_merged_order_book = endpoint("GET", "/spot/v3/public/quote/depth/merged", args=("symbol", "scale", "limit"))

    # /v2/public
    get_server_time = endpoint("GET", "/v2/public/time")
