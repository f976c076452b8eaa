"""The REST engine shared by every bitsdk REST client.

An exchange client is a subclass of :class:`RestClient` that declares its endpoints as one
line each with :func:`endpoint` (see ``_endpoints``) and fills in the few hooks that differ
between exchanges (base headers, query encoding, signing headers, envelope checks).
Everything else lives here once: parameter collection, ``None`` dropping, input checks and
casing checks, path parameters, serialization (``_encoding``: the signed bytes are exactly
the sent bytes), the ``requests.Session``, timeouts, retries of reads, error mapping, trace
logging with redaction (``_redact``), and the clock (``_clock``).
"""

from __future__ import annotations

import email.utils
import json
import logging
import os
import re
import time
from collections.abc import Mapping  # also for isinstance(): faster than typing.Mapping
from typing import Any, Callable, ClassVar, Dict, FrozenSet, Hashable, Iterable, Iterator, Optional, Tuple, Type, Union
from urllib.parse import quote

import requests
from requests.cookies import RequestsCookieJar
from requests.structures import CaseInsensitiveDict

from . import __version__, _json, errors
from ._casing import choice_message as _choice_message
from ._clock import Clock, check_clock, now_ms
from ._encoding import check_params, compact_json, encode_query, js_str
from ._endpoints import OPTIONAL, EndpointSpec, attach_docs, describe, endpoint, exchange_docs, hand_written, link_hand_written
from ._paginate import Paging, paginate
from ._ratelimit import Limit, RateLimiter, shared_limiter
from ._options import check_base_url, check_proxies, check_seconds, check_timeout
from ._redact import redact, redact_query, redact_text, redact_urls
from ._signing import Credentials

# EndpointSpec, endpoint, hand_written, OPTIONAL, js_str, compact_json and encode_query moved
# to their own modules; they stay importable from here for the exchange packages.
__all__ = [
    "Envelope", "EndpointSpec", "RestClient", "endpoint", "hand_written", "js_str", "compact_json",
    "encode_query", "OPTIONAL",
]

Timeout = Union[float, Tuple[float, float]]
#: What the limiter needs for one request: window key, calls, period, weight.
Throttle = Tuple[Hashable, int, float, int]


class Envelope(Dict[str, Any]):
    """The decoded JSON envelope of a REST answer: a plain ``dict`` with metadata attached.

    Attributes:
        http_status: the HTTP status code.
        headers: the response headers (case-insensitive mapping).
        rate_limit: parsed rate-limit headers when the client was asked to parse them
            (Bybit ``parse_api_rate_limits=True``), else ``None``.
        request_id: the exchange's id for the request, when it sends one.
    """

    __slots__ = ("http_status", "headers", "rate_limit")

    def __init__(self, data: Mapping[str, Any], http_status: int = 200, headers: Any = None, rate_limit: Any = None):
        super().__init__(data)
        self.http_status = http_status
        self.headers = headers if headers is not None else {}
        self.rate_limit = rate_limit

    @property
    def request_id(self) -> Optional[str]:
        """The exchange's id for this request (Bybit's ``Traceid`` header), else ``None``."""
        return errors.find_request_id(self.headers, None)


class RestClient:
    """Base of every REST client: one ``requests.Session``, one request path, typed errors.

    Endpoint methods are declared with :func:`endpoint`, one line each. The hooks an exchange
    implements, all of them (everything else is the engine's):

    Class attributes:
        DEFAULT_BASE_URL: the REST scheme and host.
        LOGGER_NAME, TRACE_ENV: the logger, and the environment variable that turns tracing on.
        SECRET_HEADERS: headers whose values never reach a log line.
        SURFACE, PARAM_CHOICES, PATH_PARAM_CHOICES: the surface's casing table, taken from
            :mod:`bitsdk._casing` (``Rules.surface``, ``.choices``, ``.path_choices``).
        EMPTY_BODY: the body of a POST without parameters (Bybit signs and sends ``{}``).
        NEEDS_PASSPHRASE: whether signed requests need ``api_pass`` too (Bitget).

    Methods:
        ``__init__``: the exchange's own options, spelled out as keyword-only parameters next
            to the shared ones below and decorated with
            :func:`bitsdk._options.checked_options`; it refuses half a set of credentials
            (the exchange's ``_sign.check``) and passes the shared options on by name.
        :meth:`_auth_headers` (required): the signing headers of one request, from the
            exchange's signer module (``bitsdk.<exchange>._sign``), which the WebSocket login
            uses too.
        :meth:`_check_envelope` (required): raise through :meth:`_raise_api_error` when the
            decoded envelope reports a failure.
        :meth:`fetch_server_time_ms` (required for the clock): the exchange's time in ms.
        :meth:`_base_headers`: headers on every request, public or signed.
        :meth:`_encode_query`: how a GET's parameters become the sent (and signed) query.
        :meth:`_choices_apply`: which endpoints :attr:`PARAM_CHOICES` applies to.
        :meth:`_validate` (extend, calling ``super()``): further checks before sending.
        :meth:`_request` (wrap, calling ``super()``): per-request tweaks such as a content type.
    """

    #: Every endpoint of the class, by python name (filled in by ``__init_subclass__``).
    ENDPOINTS: ClassVar[Dict[str, EndpointSpec]] = {}
    #: Default REST root (scheme and host).
    DEFAULT_BASE_URL: ClassVar[str] = ""
    #: Logger name and the environment variable that switches tracing on.
    LOGGER_NAME: ClassVar[str] = "bitsdk"
    TRACE_ENV: ClassVar[str] = ""
    #: Headers whose values never reach a log line.
    SECRET_HEADERS: ClassVar[FrozenSet[str]] = frozenset()
    #: Parameters with a fixed set of spellings: name -> allowed values.
    PARAM_CHOICES: ClassVar[Mapping[str, Tuple[str, ...]]] = {}
    #: Path placeholders with a fixed set of values: name -> allowed values.
    PATH_PARAM_CHOICES: ClassVar[Mapping[str, Tuple[str, ...]]] = {}
    #: How the API is called in messages ("Bitget V3 REST").
    SURFACE: ClassVar[str] = "REST"
    #: The body sent by a POST without parameters ("" = no body).
    EMPTY_BODY: ClassVar[str] = ""
    #: Whether the passphrase is part of the credentials (Bitget).
    NEEDS_PASSPHRASE: ClassVar[bool] = False
    #: Documented rate limits by python method name (the exchange's ``_limits`` table).
    RATE_LIMITS: ClassVar[Mapping[str, Limit]] = {}
    #: Paging conventions by python method name (the exchange's ``_limits`` table).
    PAGING: ClassVar[Mapping[str, Paging]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        table = dict(cls.ENDPOINTS)
        docs = exchange_docs(cls.__module__)  # summaries and exchange page URLs, by verb and path
        for name, value in list(vars(cls).items()):
            spec = getattr(value, "endpoint_spec", None)
            if spec is None:
                continue
            spec.name = name
            table[name] = spec
            attach_docs(spec, docs)
            if getattr(value, "hand_written", False):
                link_hand_written(value, spec)
            else:
                describe(value, spec, cls)
        # The tables name methods; a name that is not one is a typo, caught at import.
        for attribute, rules in (("rate_limit", cls.RATE_LIMITS), ("paging", cls.PAGING)):
            unknown = sorted(set(rules) - set(table))
            if unknown:
                raise TypeError(f"{cls.__name__}: {attribute} table names unknown methods: {', '.join(unknown)}")
            for name, rule in rules.items():
                setattr(table[name], attribute, rule)
        cls.ENDPOINTS = table

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        api_secret: Optional[str] = None,
        api_pass: Optional[str] = None,
        base_url: Optional[str] = None,
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
        ws_url: Any = None,
        clock: Optional[Clock] = None,
    ):
        """Set up the session; no network I/O happens here.

        Args:
            api_key, api_secret, api_pass: the credentials (see the exchange client).
            base_url: replaces the default scheme and host.
            timeout: seconds, or a (connect, read) tuple.
            proxies: ``{"https": "http://proxy:3128"}``; default: from the environment.
            session: a ``requests.Session`` to use; it stays yours: ``close()`` leaves it open.
            trace: log every request and response at DEBUG, secrets redacted (default: the
                exchange's trace environment variable).
            logger: where log records go (default: ``bitsdk.<exchange>``).
            time_offset_ms: server minus local time, added to signed timestamps.
            time_sync_interval: re-measure the offset before a signed request when this many
                seconds have passed (off by default).
            read_retries: how often a failed GET is retried (0-5; never a POST): after a
                network error, an HTTP 5xx or a rate limit, never after an HTTP 403 (an IP ban).
            max_retry_wait: the longest wait (seconds) a retry accepts when the exchange says
                when to come back (``Retry-After``, Bybit ``X-Bapi-Limit-Reset-Timestamp``);
                a longer one raises at once.
            rate_limit: ``True`` waits before a request until the endpoint's documented
                limit has room (the limiter is shared by every client with the same API key
                in this process; see :mod:`bitsdk._ratelimit`); a wait beyond 5 s raises
                :class:`~bitsdk.errors.RateLimitError` without sending. A
                :class:`~bitsdk.RateLimiter` sets your own ``max_wait`` (and can be shared
                on purpose). Off by default.
            ws_url: ignored (see below).
            clock: a :class:`~bitsdk.Clock` to sign with, shared with other clients (REST or
                WebSocket); ``time_offset_ms`` and ``time_sync_interval`` are then the clock's.
        """
        # ws_url is accepted and ignored so that one options dict (the loopback exchange's
        # client_options(), say) builds REST and WebSocket clients alike.
        check_base_url(base_url)
        check_timeout(timeout)
        check_seconds("time_sync_interval", time_sync_interval, allow_none=True)
        if time_offset_ms.__class__ is bool or not isinstance(time_offset_ms, int):
            raise errors.InvalidParameterError(
                f"time_offset_ms must be an int of milliseconds, got a {type(time_offset_ms).__name__}"
            )
        check_proxies(proxies)
        if session is not None and not isinstance(session, requests.Session):
            raise errors.InvalidParameterError(f"session must be a requests.Session, got a {type(session).__name__}")
        self.credentials = Credentials(api_key, api_secret, api_pass)
        self.base_url = (base_url or self.DEFAULT_BASE_URL).rstrip("/")
        self.timeout = timeout
        self.logger = logger or logging.getLogger(self.LOGGER_NAME)
        self.trace = bool(os.environ.get(self.TRACE_ENV)) if trace is None else trace
        #: The offset and sync state behind signed timestamps (shareable with a WebSocket client).
        self.clock: Clock
        if clock is not None:
            check_clock(clock)
            if time_offset_ms or time_sync_interval is not None:
                raise errors.InvalidParameterError(
                    "clock= brings its own offset and sync interval: set them on the Clock "
                    "(Clock(offset_ms=..., sync_interval=...)), not with time_offset_ms= or time_sync_interval="
                )
            self.clock = clock
        else:
            self.clock = Clock(
                time_offset_ms, time_sync_interval, local_ms=self._local_ms, logger=self.logger, surface=self.SURFACE
            )
        if isinstance(read_retries, bool) or not isinstance(read_retries, int) or not 0 <= read_retries <= 5:
            raise errors.InvalidParameterError(f"read_retries must be an int between 0 and 5, got {read_retries!r}")
        self.read_retries = read_retries
        if isinstance(max_retry_wait, bool) or not isinstance(max_retry_wait, (int, float)) or not max_retry_wait >= 0:
            raise errors.InvalidParameterError(
                f"max_retry_wait must be a number of seconds >= 0 (default 5.0), got {max_retry_wait!r}"
            )
        self.max_retry_wait = float(max_retry_wait)
        #: The client-side limiter, or ``None`` (``rate_limit=False``).
        self.rate_limiter: Optional[RateLimiter]
        if isinstance(rate_limit, RateLimiter):
            self.rate_limiter = rate_limit
        elif rate_limit is True:
            self.rate_limiter = shared_limiter(self.SURFACE, self.credentials.api_key)
        elif rate_limit is False or rate_limit is None:
            self.rate_limiter = None
        else:
            raise errors.InvalidParameterError(
                f"rate_limit takes True, False or a bitsdk.RateLimiter, got {rate_limit!r}"
            )
        # Only a session bitsdk created is closed by close(): one passed in belongs to the caller.
        self._owns_session = session is None
        self.session = session or requests.Session()
        # requests re-reads proxy/netrc/CA settings from the environment on every call when
        # trust_env is on (about half its client-side cost); resolve them once, here. A
        # session passed in is read the same way, once, and left unmodified.
        send_proxies = dict(self.session.proxies)
        verify = self.session.verify
        if self.session.trust_env and proxies is None:
            for scheme, url in requests.utils.get_environ_proxies(self.base_url).items():
                send_proxies.setdefault(scheme, url)
            ca_bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
            if ca_bundle and verify is True:
                verify = ca_bundle
        if proxies is not None:
            send_proxies.update(proxies)
        if session is None:
            self.session.trust_env = False
            self.session.proxies = send_proxies
            self.session.verify = verify
        if self.base_url.lower().startswith("http://") and not requests.utils.select_proxy(self.base_url, send_proxies):
            # verify only matters for TLS; a CA-bundle path here would cost a stat() per call
            # (requests checks whether it is a directory) on a connection that never uses it.
            verify = True
        self._send_kwargs: Dict[str, Any] = {"proxies": send_proxies, "verify": verify, "allow_redirects": False}
        # _prepare builds requests itself under a base URL that requests sends unchanged;
        # which base was checked, and the answer (a base_url set later is checked again).
        self._checked_base: Tuple[str, bool] = ("", False)
        self._no_cookies = RequestsCookieJar()
        # session.send() skips the session's own headers; keep them (and ours) here.
        self._session_headers = {
            "User-Agent": f"bitsdk/{__version__}",
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate",
        }
        if session is not None:
            self._session_headers.update({k: str(v) for k, v in session.headers.items()})

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the HTTP session bitsdk created and its pooled connections. Safe to call
        twice. A ``session=`` passed to the constructor is left open: it is the caller's."""
        if self._owns_session:
            self.session.close()

    def __enter__(self) -> "RestClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, credentials={self.credentials!r})"

    # -- clock -----------------------------------------------------------------------------

    @staticmethod
    def _local_ms() -> int:
        # Looked up at call time, so a test can freeze the clock by patching bitsdk._http.now_ms.
        return now_ms()

    @property
    def time_offset_ms(self) -> int:
        """The offset (ms) added to signed timestamps: ``self.clock.offset_ms``."""
        return self.clock.offset_ms

    @time_offset_ms.setter
    def time_offset_ms(self, offset_ms: int) -> None:
        self.clock.offset_ms = int(offset_ms)

    @property
    def time_sync_interval(self) -> Optional[float]:
        """Seconds between lazy clock syncs before signed requests (``None``: never)."""
        return self.clock.sync_interval

    @time_sync_interval.setter
    def time_sync_interval(self, seconds: Optional[float]) -> None:
        self.clock.sync_interval = seconds

    def set_time_offset_ms(self, offset_ms: int) -> None:
        """Add ``offset_ms`` (server time minus local time) to every signed timestamp."""
        self.clock.offset_ms = int(offset_ms)

    def get_time_offset_ms(self) -> int:
        """The offset currently added to signed timestamps, in milliseconds."""
        return self.clock.offset_ms

    def timestamp_ms(self) -> int:
        """The timestamp a signed request made now would carry (local clock + offset)."""
        return self.clock.timestamp_ms()

    def fetch_server_time_ms(self) -> int:
        """The exchange's clock, in epoch milliseconds (one public request)."""
        raise NotImplementedError

    def fetch_latency_summary(self) -> Dict[str, int]:
        """Measure the round trip to the exchange and how far the local clock is off.

        Returns a dict with ``localTime``, ``serverTime``, ``roundTripTime``,
        ``estimatedOneWayLatency``, ``adjustedServerTime`` and ``timeDifference`` (adjusted
        server time minus local time, in ms; positive means the local clock is behind). Logs a
        warning when the difference exceeds 500 ms. Nothing is changed: apply the value with
        :meth:`set_time_offset_ms` if you want to.
        """
        return self.clock.latency_summary(self.fetch_server_time_ms)

    def sync_time(self, samples: int = 3, max_rtt_ms: int = 2000) -> int:
        """Measure and apply the clock offset (server minus local, at the RTT midpoint).

        Takes ``samples`` measurements and keeps the one with the shortest round trip; a
        measurement slower than ``max_rtt_ms`` is not trusted (a slow answer would produce a
        wrong offset for every later request). Returns the applied offset. Opt-in: bitsdk never
        calls it unless ``time_sync_interval`` was given, and then only lazily before a signed
        request, on the caller's thread (no timer keeps the process alive).
        """
        return self.clock.sync(self.fetch_server_time_ms, samples, max_rtt_ms)

    # -- the request path ------------------------------------------------------------------

    def _call(self, spec: EndpointSpec, positional: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Envelope:
        params = self._collect(spec, positional, kwargs)
        # Before anything else touches the values: a NaN, bytes or a set never reaches the wire.
        check_params(f"{spec.name}()", params, in_query=spec.verb == "GET")
        explicit = any(isinstance(value, Mapping) for value in positional)
        path = spec.path
        if spec.path_params and isinstance(params, dict):
            path = self._fill_path(spec, params)
        self._validate(spec, params)
        if spec.verb == "GET":
            query, body = self._encode_query(params), None
        else:
            # An explicit {} is signed and sent as "{}"; no parameters at all is the exchange's default.
            query, body = "", (compact_json(params) if params or explicit or params == [] else self.EMPTY_BODY)
        throttle = self._throttle(spec, params) if self.rate_limiter is not None else None
        return self._request(spec.verb, path, query=query, body=body, auth=spec.auth, name=spec.name, throttle=throttle)

    # -- pagination and rate limits --------------------------------------------------------

    def paginate(
        self,
        method: Any,
        params: Optional[Mapping[str, Any]] = None,
        /,
        *,
        pages: bool = False,
        max_pages: Optional[int] = None,
        max_items: Optional[int] = None,
        **kwargs: Any,
    ) -> Iterator[Any]:
        """Iterate over every row of a paged endpoint, requesting page after page.

        ``client.paginate("get_execution_list", category="linear")`` yields the rows one by
        one, following the endpoint's cursor (Bybit ``nextPageCursor``, Bitget V3
        ``cursor``, Bitget V2 ``idLessThan``...) until the last page. Where the endpoint
        limits the span between ``startTime`` and ``endTime`` (Bybit executions and order
        history: 7 days), a longer span is walked in windows from ``endTime`` backwards
        (``endTime`` defaults to now), so rows come newest first.

        Args:
            method: the endpoint's python name, or the bound method itself.
            params: the request parameters (as for the endpoint method); ``limit`` defaults
                to the endpoint's largest page.
            pages: yield one :class:`~bitsdk.Page` (a list of rows with ``envelope``,
                ``next_cursor`` and ``window``) per non-empty answer instead of rows.
            max_pages: stop after this many requests.
            max_items: stop after this many rows.
            **kwargs: request parameters as keyword arguments.

        Raises:
            bitsdk.errors.InvalidParameterError: ``method`` is not a paged endpoint (the
                message lists the paged ones), or a bad ``max_pages``/``max_items``/time;
                raised here, before any request.
        """
        return paginate(self, method, params, kwargs, pages=pages, max_pages=max_pages, max_items=max_items)

    def _throttle(self, spec: EndpointSpec, params: Any) -> Optional[Throttle]:
        """The limiter window and weight of one request (``None``: no documented limit)."""
        limit = spec.rate_limit
        if limit is None:
            return None
        if not limit.by_category and not limit.items:  # most endpoints: one window, weight 1
            return spec.path, limit.calls, limit.period, 1
        category = params.get("category") if limit.by_category and isinstance(params, Mapping) else None
        key: Hashable = (spec.path, category) if category is not None else spec.path
        weight = 1
        if limit.items and isinstance(params, Mapping) and isinstance(params.get(limit.items), list):
            weight = len(params[limit.items])
        return key, limit.calls_for(category), limit.period, weight

    def _observe_rate_headers(self, throttle: Throttle, headers: Mapping[str, str]) -> None:
        """Adapt the limiter to an answer's rate-limit headers (the exchange's hook)."""

    def _collect(self, spec: EndpointSpec, positional: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        """Merge the dict, positional and keyword parameters; drop ``None`` values."""
        params: Dict[str, Any] = {}
        if not spec.args and positional[:1] == (None,):
            # get_tickers(None, category="spot"): None is the documented default of params.
            positional = positional[1:]
        if len(positional) == 1 and isinstance(positional[0], Mapping):
            params.update(positional[0])
        elif len(positional) == 1 and isinstance(positional[0], list) and not spec.args:
            if kwargs or spec.verb == "GET":
                raise errors.InvalidParameterError(
                    f"{spec.name}() takes a list only as the whole JSON body of a POST; "
                    "pass a dict or keyword arguments"
                )
            return [_drop_none(item) if isinstance(item, Mapping) else item for item in positional[0]]
        elif positional:
            if len(positional) > 1 and isinstance(positional[-1], Mapping):
                # ("crossed", {"coin": "USDT"}): named args first, then the dict.
                params.update(positional[-1])
                positional = positional[:-1]
            if not spec.args:
                shown = ", ".join(f"{value!r:.40}" for value in positional)
                raise errors.InvalidParameterError(
                    f"{spec.name}() takes one dict of parameters positionally, got {shown}; "
                    f"pass a dict or keyword arguments, e.g. {spec.name}(symbol=\"BTCUSDT\")"
                )
            if len(positional) > len(spec.args):
                raise errors.InvalidParameterError(
                    f"{spec.name}() takes {', '.join(spec.args)} positionally, got {len(positional)} values; "
                    "pass the rest as keyword arguments"
                )
            params.update(zip(spec.args, positional))
        params.update(kwargs)
        return _drop_none(params)

    def _fill_path(self, spec: EndpointSpec, params: Dict[str, Any]) -> str:
        path = spec.path
        for name in spec.path_params:
            value = params.pop(name, None)
            allowed = self.PATH_PARAM_CHOICES.get(name)
            if value is None:
                hint = " or ".join(f'{name}="{v}"' for v in allowed) if allowed else f"{name}=..."
                raise errors.InvalidParameterError(f"{spec.name}() needs {hint} (it is part of the path {spec.path})")
            if isinstance(value, (list, tuple, Mapping)):
                raise errors.InvalidParameterError(
                    f"{spec.name}(): {name} goes into the path {spec.path} and takes one value, "
                    f"got {type(value).__name__}"
                )
            value = js_str(value)
            if allowed and value not in allowed:
                raise errors.InvalidParameterError(_choice_message(self.SURFACE, name, value, allowed))
            path = path.replace("{" + name + "}", quote(value, safe=""))
        return path

    def _validate(self, spec: EndpointSpec, params: Any) -> None:
        """Check parameters with fixed spellings (top level and inside lists of orders)."""
        if not self.PARAM_CHOICES or not self._choices_apply(spec):
            return
        for item in _param_dicts(params):
            for name, allowed in self.PARAM_CHOICES.items():
                value = item.get(name)
                if value is not None and value not in allowed:
                    raise errors.InvalidParameterError(_choice_message(self.SURFACE, name, value, allowed))

    def _choices_apply(self, spec: EndpointSpec) -> bool:
        """Whether :attr:`PARAM_CHOICES` applies to this endpoint (some families reuse names)."""
        return True

    def _encode_query(self, params: Any) -> str:
        return encode_query(params)

    def _request(
        self,
        method: str,
        path: str,
        *,
        query: str = "",
        body: Union[str, bytes, None] = None,
        auth: Union[bool, str] = False,
        name: str = "",
        content_type: Optional[str] = None,
        throttle: Optional[Throttle] = None,
    ) -> Envelope:
        """Sign (when needed), send, decode and check one request (waiting for the rate
        limiter first, when the client has one)."""
        signed = bool(auth) and (auth != OPTIONAL or self.credentials.complete)
        if signed:
            self.credentials.require(f"{name or path} (signed endpoint {method} {path})", self.NEEDS_PASSPHRASE)
            self.clock.sync_if_due(self.fetch_server_time_ms)
        url = self.base_url + path + ("?" + query if query else "")
        limiter = self.rate_limiter
        if limiter is not None and throttle is None and name in self.ENDPOINTS:
            throttle = self._throttle(self.ENDPOINTS[name], {})  # a hand-written endpoint method
        attempts = 1 + (self.read_retries if method == "GET" else 0)
        for attempt in range(attempts):
            if limiter is not None and throttle is not None:
                # Before signing: a wait must not age the signed timestamp.
                limiter.acquire(*throttle, what=name or path)
            headers = {**self._session_headers, **self._base_headers()}
            if content_type:
                headers["Content-Type"] = content_type
            if signed:
                headers.update(self._auth_headers(method, path, query, body, self.timestamp_ms()))
            try:
                envelope = self._send(method, path, url, headers, body)
            except (errors.NetworkError, errors.RateLimitError, errors.HTTPError) as exc:
                if limiter is not None and throttle is not None and isinstance(exc, errors.RateLimitError):
                    self._observe_rate_headers(throttle, exc.headers)
                    told = self._server_wait(exc)
                    if told is not None:
                        limiter.block(throttle[0], told)
                # Only reads are retried, and only when asked: an order is never sent twice.
                delay = self._retry_delay(exc, attempt) if attempt + 1 < attempts else None
                if delay is None:
                    raise
                self.logger.info("retrying %s %s in %.2fs after %s", method, path, delay, type(exc).__name__)
                time.sleep(delay)
            else:
                if limiter is not None and throttle is not None:
                    self._observe_rate_headers(throttle, envelope.headers)
                return envelope
        raise AssertionError("unreachable")

    def _retry_delay(self, exc: errors.BitsdkError, attempt: int) -> Optional[float]:
        """Seconds to wait before retrying a read after ``exc``, or ``None`` to raise now."""
        if exc.http_status == 403:
            return None  # an IP ban or region block: Bybit asks for 10 minutes or more, not a retry
        if isinstance(exc, errors.HTTPError) and not isinstance(exc, errors.RateLimitError):
            if (exc.http_status or 0) < 500:
                return None  # the request itself is wrong (or the answer is not JSON): same again
        told = self._server_wait(exc)
        if told is not None:
            # The exchange said when to come back: wait that long if it is short, else give up.
            return told if told <= self.max_retry_wait else None
        return min(0.25 * 2.0**attempt, 2.0)

    def _server_wait(self, exc: errors.BitsdkError) -> Optional[float]:
        """The wait the exchange asked for: ``Retry-After`` (seconds or an HTTP date), or,
        for a rate limit, Bybit's reset time (``X-Bapi-Limit-Reset-Timestamp``, epoch ms)."""
        headers = {k.lower(): v for k, v in exc.headers.items()}
        retry_after = headers.get("retry-after", "").strip()
        if retry_after:
            if retry_after.isdigit():
                return float(retry_after)
            try:
                when = email.utils.parsedate_to_datetime(retry_after)
            except (TypeError, ValueError):
                when = None
            if when is not None and when.tzinfo is not None:
                return max(0.0, when.timestamp() - self.timestamp_ms() / 1000)
        if isinstance(exc, errors.RateLimitError):
            reset = exc.reset_at_ms
            if reset is None:
                raw = headers.get("x-bapi-limit-reset-timestamp", "")
                reset = int(raw) if raw.isdigit() else None
            if reset is not None:
                # The reset time is the exchange's clock: compare with ours plus the offset.
                return max(0.0, (reset - self.timestamp_ms()) / 1000)
        return None

    def _send(self, method: str, path: str, url: str, headers: Dict[str, str], body: Union[str, bytes, None]) -> Envelope:
        data = body.encode("utf-8") if isinstance(body, str) else body
        prepared = self._prepare(method, url, headers, data or None)
        if self.trace:
            self._trace_request(method, url, headers, body)
        failure: Optional[errors.NetworkError] = None
        try:
            response = self.session.send(prepared, timeout=self.timeout, **self._send_kwargs)
        except requests.Timeout as exc:
            failure = errors.RequestTimeoutError(
                f"no answer within {self.timeout}s ({type(exc).__name__})", method=method, path=path
            )
        except requests.RequestException as exc:
            failure = errors.NetworkError(
                f"request failed: {type(exc).__name__}: {_first_line(exc)}", method=method, path=path
            )
        if failure is not None:
            # Raised outside the except block: requests' exception (it holds the signed
            # request and its headers) must not become our __context__; "from None" only
            # clears __cause__.
            raise failure
        if self.trace:
            self._trace_response(response)
        return self._decode(method, path, response)

    def _prepare(self, method: str, url: str, headers: Dict[str, str], data: Optional[bytes]) -> requests.PreparedRequest:
        """The request as ``PreparedRequest.prepare`` would build it, at a fraction of the cost.

        bitsdk already holds the final URL, headers and body bytes, and ``prepare`` (URL
        parsing and re-quoting, header checks, cookie and auth lookups) was about half of the
        client-side time of a call. When it would leave the URL as it is (a base URL checked
        once, then a path and query of plain URL characters) and every header is a valid
        ``str`` pair, the fields are set directly; anything else goes through ``prepare``.
        The URL sent is then exactly the URL signed.
        """
        base = self.base_url
        if self._checked_base[0] != base:
            self._checked_base = (base, _prepares_verbatim(base))
        if self._checked_base[1] and url.startswith(base) and _verbatim_tail(url[len(base):]):
            store = _header_store(headers)
            if store is not None:
                if data:
                    store["content-length"] = ("Content-Length", str(len(data)))
                elif method not in ("GET", "HEAD") and "content-length" not in store:
                    store["content-length"] = ("Content-Length", "0")
                prepared = requests.PreparedRequest()
                prepared.method = method.upper()
                prepared.url = url
                prepared.headers = CaseInsensitiveDict()
                prepared.headers._store.update(store)  # type: ignore[attr-defined]  # = CaseInsensitiveDict(headers)
                prepared.body = data
                # Cookies are never sent (session.send() does not merge the session's jar);
                # requests reads this one only to copy it when it meets a redirect.
                prepared._cookies = self._no_cookies  # type: ignore[attr-defined]
                return prepared
        prepared = requests.PreparedRequest()
        prepared.prepare(method=method, url=url, headers=headers, data=data)
        return prepared

    def _decode(self, method: str, path: str, response: requests.Response) -> Envelope:
        status = response.status_code
        try:
            data = _json.loads(response.content)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            body = redact(data) if data is not None else errors.body_preview(redact_text(response.text))
            text = errors.body_preview(body if isinstance(body, str) else json.dumps(body))
            if status in (403, 429):
                raise errors.RateLimitError(
                    _rate_limit_hint(status), code=None, http_status=status, body=body,
                    headers=response.headers, method=method, path=path,
                )
            # Not JSON at all (an HTML error page, say), or JSON that is not an envelope.
            cls = errors.HTTPError if status >= 300 and data is not None else errors.InvalidResponseError
            raise cls(
                f"the answer is not the exchange's JSON envelope: {text}",
                http_status=status, body=body, headers=response.headers, method=method, path=path,
            )
        envelope = Envelope(data, status, response.headers)
        self._check_envelope(envelope, method, path)
        if status >= 300:
            # A JSON body without an exchange error code, on an HTTP error (or a redirect).
            body = redact(data)
            if status in (403, 429):
                raise errors.RateLimitError(
                    _rate_limit_hint(status), http_status=status, body=body,
                    headers=response.headers, method=method, path=path,
                )
            raise errors.HTTPError(
                errors.body_preview(json.dumps(body)), http_status=status, body=body,
                headers=response.headers, method=method, path=path,
            )
        return envelope

    # -- exchange hooks --------------------------------------------------------------------

    def _base_headers(self) -> Dict[str, str]:
        """Headers sent on every request, public or signed."""
        return {}

    def _auth_headers(self, method: str, path: str, query: str, body: Union[str, bytes, None], timestamp: int) -> Dict[str, str]:
        """The signing headers for one request (``query`` without ``?``)."""
        raise NotImplementedError

    def _check_envelope(self, envelope: Envelope, method: str, path: str) -> None:
        """Raise the right :class:`~bitsdk.errors.APIError` if the envelope reports a failure
        (through :meth:`_raise_api_error`)."""
        raise NotImplementedError

    def _raise_api_error(
        self, cls: "Type[errors.APIError]", message: str, code: Any, envelope: Envelope, method: str, path: str,
        reset_at_ms: Optional[int] = None,
    ) -> None:
        """Raise ``cls`` for an exchange error; HTTP 403/429 are rate limits or IP bans on
        both exchanges, whatever code the body carries."""
        status = envelope.http_status
        if status in (403, 429):
            cls = errors.RateLimitError
            message = f"{message} ({_rate_limit_hint(status)})"
        details: Dict[str, Any] = {
            "code": code, "http_status": status, "body": redact(dict(envelope)),
            "headers": envelope.headers, "method": method, "path": path,
        }
        if issubclass(cls, errors.RateLimitError):
            raise cls(message, reset_at_ms=reset_at_ms, **details)
        raise cls(message, **details)

    # -- trace logging ---------------------------------------------------------------------

    def _redact_headers(self, headers: Mapping[str, str]) -> Dict[str, str]:
        secret = {name.lower() for name in self.SECRET_HEADERS}
        return {k: ("<redacted>" if k.lower() in secret else v) for k, v in headers.items()}

    def _trace_request(self, method: str, url: str, headers: Mapping[str, str], body: Any) -> None:
        # Secret-like fields (a sub-account passphrase, say) are redacted by name, in the
        # query and the body alike.
        if isinstance(body, bytes):
            body = f"<{len(body)} bytes>"
        elif body:
            body = redact_text(body)
        self.logger.debug(
            "request %s %s headers=%s body=%s",
            method, redact_query_url(url), self._redact_headers(headers), body,
        )

    def _trace_response(self, response: requests.Response) -> None:
        # A create-sub-api-key answer carries the new key's secret: redacted by field name.
        self.logger.debug(
            "response %s %s headers=%s body=%s",
            response.status_code, redact_query_url(response.request.path_url), dict(response.headers),
            errors.body_preview(redact_text(response.text)),
        )


# -- request preparation (see RestClient._prepare) ------------------------------------------

# A path and query of these characters, and "%XX" escapes of anything but an unreserved
# character, are what requests' prepare_url() leaves unchanged (it decodes an escaped
# unreserved character, and uppercases escapes). "/." may start a dot segment, which it removes.
_VERBATIM_TAIL = r"(?:[-A-Za-z0-9._~!$&'()*+,/:;=?@]|%(?!2[DE]|3[0-9]|4[1-9A-F]|5[0-9AF]|6[1-9A-F]|7[0-9AE])[0-9A-F]{2})*"
_PLAIN_TAIL = r"[-A-Za-z0-9._~!$&'()*+,/:;=?@]*"
# requests' own header checks (requests.utils.check_header_validity), for str names and values.
_HEADER_NAME = r"[^:\s][^:\r\n]*"
_HEADER_VALUE = r"\S[^\r\n]*|"
_matchers: Optional[Tuple[Callable[[str], Any], ...]] = None


def _match() -> Tuple[Callable[[str], Any], ...]:
    """The fullmatch functions of the patterns above, compiled at first use (compiling them
    at import would add a millisecond to every ``import bitsdk``)."""
    global _matchers
    if _matchers is None:
        _matchers = tuple(re.compile(p).fullmatch for p in (_PLAIN_TAIL, _VERBATIM_TAIL, _HEADER_NAME, _HEADER_VALUE))
    return _matchers


def _verbatim_tail(tail: str) -> bool:
    """Whether requests would send this path and query as they are."""
    if not tail.startswith("/") or "/." in tail or tail.endswith("?"):
        return False  # requests adds the root path, removes dot segments, drops an empty query
    plain, escaped, _, _ = _matchers or _match()
    return (plain(tail) if "%" not in tail else escaped(tail)) is not None


def _header_store(headers: Mapping[str, str]) -> Optional[Dict[str, Tuple[str, str]]]:
    """``{name.lower(): (name, value)}`` as CaseInsensitiveDict stores it, or ``None`` when a
    header is not a valid pair of ``str`` (then ``prepare`` raises requests' own error)."""
    _, _, good_name, good_value = _matchers or _match()
    store = {}
    for name, value in headers.items():
        if type(name) is not str or type(value) is not str or not good_name(name) or not good_value(value):
            return None
        store[name.lower()] = (name, value)
    return store


def _prepares_verbatim(base_url: str) -> bool:
    """Whether requests prepares URLs under ``base_url`` without changing them: a lowercase
    http(s) scheme and host, no IDNA host, no credentials in the URL, nothing to re-quote."""
    probe = base_url + "/v5/probe?a=1"
    if not probe.startswith(("http://", "https://")):
        return False
    prepared = requests.PreparedRequest()
    try:
        prepared.prepare(method="GET", url=probe)
    except (requests.RequestException, ValueError):
        return False  # the request itself will raise it, as before
    return prepared.url == probe and not prepared.headers


def redact_query_url(url: str) -> str:
    """``url`` with the values of secret-like query parameters redacted."""
    base, sep, query = url.partition("?")
    return base + sep + redact_query(query)


def _drop_none(params: Mapping[str, Any]) -> Dict[str, Any]:
    return {key: value for key, value in params.items() if value is not None}


def _param_dicts(params: Any) -> Iterable[Mapping[str, Any]]:
    """The parameter dict and the order dicts inside its lists (batch endpoints)."""
    if isinstance(params, Mapping):
        yield params
        values: Iterable[Any] = params.values()
    elif isinstance(params, list):
        values = [params]
    else:
        return
    for value in values:
        if isinstance(value, list):
            for item in value:
                if isinstance(item, Mapping):
                    yield item


def _rate_limit_hint(status: int) -> str:
    if status == 403:
        return "access denied or IP rate limit/ban (region block or too many requests); wait before retrying"
    return "too many requests; back off before retrying"


def _first_line(exc: BaseException) -> str:
    # requests names the URL ("Max retries exceeded with url: /v5/...?..."): its query too is redacted.
    text = str(exc).splitlines()
    return redact_urls(text[0][:300]) if text else ""
