"""The REST engine shared by every bitsdk REST client.

An exchange client is a subclass of :class:`RestClient` that declares its endpoints as one
line each with :func:`endpoint` and fills in the few hooks that differ between exchanges
(base headers, query encoding, signing headers, envelope checks). Everything else lives here
once: parameter collection, ``None`` dropping, casing checks, path parameters, serialization
(so the signed bytes are exactly the sent bytes), the ``requests.Session``, timeouts, error
mapping, trace logging with redaction, and the clock offset.
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import re
import time
from collections.abc import Mapping  # also for isinstance(): faster than typing.Mapping
from decimal import Decimal
from typing import Any, Callable, ClassVar, Dict, Iterable, Optional, Tuple, Type, TypeVar, Union
from urllib.parse import quote

import requests

from . import __version__, errors
from ._signing import Credentials

__all__ = ["Envelope", "EndpointSpec", "RestClient", "endpoint", "hand_written", "js_str", "compact_json", "OPTIONAL"]

OPTIONAL = "optional"
"""``auth=OPTIONAL``: signed when the client has credentials, sent unsigned otherwise."""

# encodeURIComponent leaves these unescaped; so must we, or the signature differs from JS SDKs.
_JS_SAFE = "-_.!~*'()"
_PATH_PARAM = re.compile(r"{(\w+)}")
# Body fields that may carry a secret (e.g. a sub-account passphrase on broker endpoints).
_SECRET_FIELDS = re.compile(r'("(?:[A-Za-z]*(?:[Pp]assphrase|[Ss]ecret|[Pp]assword))"\s*:\s*)"[^"]*"')

Timeout = Union[float, Tuple[float, float]]
_F = TypeVar("_F", bound=Callable[..., Any])


class Envelope(dict):
    """The decoded JSON envelope of a REST answer: a plain ``dict`` with metadata attached.

    Attributes:
        http_status: the HTTP status code.
        headers: the response headers (case-insensitive mapping).
        rate_limit: parsed rate-limit headers when the client was asked to parse them
            (Bybit ``parse_api_rate_limits=True``), else ``None``.
    """

    __slots__ = ("http_status", "headers", "rate_limit")

    def __init__(self, data: Mapping[str, Any], http_status: int = 200, headers: Any = None, rate_limit: Any = None):
        super().__init__(data)
        self.http_status = http_status
        self.headers = headers if headers is not None else {}
        self.rate_limit = rate_limit


class EndpointSpec:
    """What one endpoint is: its python name, verb, path, auth and positional argument names."""

    __slots__ = ("name", "verb", "path", "auth", "args", "summary", "path_params")

    def __init__(self, verb: str, path: str, auth: Union[bool, str], args: Tuple[str, ...], summary: str):
        self.name = ""
        self.verb = verb
        self.path = path
        self.auth = auth
        self.args = args
        self.summary = summary
        self.path_params = tuple(_PATH_PARAM.findall(path))

    @property
    def private(self) -> bool:
        """True for endpoints the catalogue marks as signed (``auth=1``)."""
        return bool(self.auth)

    def __repr__(self) -> str:
        return f"EndpointSpec({self.name!r}, {self.verb} {self.path}, auth={self.auth!r})"


def endpoint(
    verb: str,
    path: str,
    summary: str = "",
    *,
    auth: Union[bool, str] = False,
    args: Iterable[str] = (),
) -> Callable[..., Envelope]:
    """Declare an endpoint method in one line.

    ``get_tickers = endpoint("GET", "/api/v3/market/tickers")`` gives a method that takes the
    request parameters as one dict, as keyword arguments, or both, and returns the
    :class:`Envelope`. ``args`` names parameters that may also be given positionally, in
    order (``batch_submit_orders("linear", orders)`` with ``args=("category", "request")``).
    ``auth`` is ``True`` for signed endpoints, ``OPTIONAL`` for endpoints signed only when the
    client has keys. The class fills in the method's name and docstring.
    """
    spec = EndpointSpec(verb.upper(), path, auth, tuple(args), summary)

    def call(self: "RestClient", /, *positional: Any, **params: Any) -> Envelope:
        return self._call(spec, positional, params)

    call.endpoint_spec = spec  # type: ignore[attr-defined]
    return call


def hand_written(
    verb: str, path: str, *, auth: Union[bool, str] = False, args: Iterable[str] = ()
) -> Callable[[_F], _F]:
    """Register a hand-written endpoint method (one that really differs, such as an upload).

    The method keeps its own signature and docstring and still appears in ``ENDPOINTS`` with
    its verb, path and auth, like an :func:`endpoint` line.
    """
    spec = EndpointSpec(verb.upper(), path, auth, tuple(args), "")

    def register(method: _F) -> _F:
        method.endpoint_spec = spec  # type: ignore[attr-defined]
        method.hand_written = True  # type: ignore[attr-defined]
        return method

    return register


def js_str(value: Any) -> str:
    """Stringify a query value the way JavaScript does (the exchanges' own SDKs are JS).

    Booleans are ``true``/``false``, integral floats lose their ``.0``, other floats and
    Decimals are written out in full (never ``8e-07``), lists are comma-joined.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (list, tuple)):
        return ",".join(js_str(item) for item in value)
    if isinstance(value, Mapping):
        return compact_json(value)
    return str(value)


def _jsonable(value: Any) -> Any:
    """Prepare a body value for JSON: drop ``None`` keys, ``1.0`` -> ``1``, Decimal -> str."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def compact_json(value: Any) -> str:
    """The compact JSON text (no spaces) that is both signed and sent."""
    return json.dumps(_jsonable(value), separators=(",", ":"))


def encode_query(params: Mapping[str, Any], sort: bool = False) -> str:
    """``k=v&k2=v2`` with values percent-encoded like JS ``encodeURIComponent``."""
    items = sorted(params.items()) if sort else params.items()
    return "&".join(f"{key}={quote(js_str(value), safe=_JS_SAFE)}" for key, value in items)


def now_ms() -> int:
    return time.time_ns() // 1_000_000


class RestClient:
    """Base of every REST client: one ``requests.Session``, one request path, typed errors.

    Subclasses set the class attributes and implement :meth:`_auth_headers` and
    :meth:`_check_envelope`. Endpoint methods are declared with :func:`endpoint`.
    """

    #: Every endpoint of the class, by python name (filled in by ``__init_subclass__``).
    ENDPOINTS: ClassVar[Dict[str, EndpointSpec]] = {}
    #: Default REST root (scheme and host).
    DEFAULT_BASE_URL: ClassVar[str] = ""
    #: Logger name and the environment variable that switches tracing on.
    LOGGER_NAME: ClassVar[str] = "bitsdk"
    TRACE_ENV: ClassVar[str] = ""
    #: Headers whose values never reach a log line.
    SECRET_HEADERS: ClassVar[frozenset] = frozenset()
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

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        table = dict(cls.ENDPOINTS)
        for name, value in list(vars(cls).items()):
            spec = getattr(value, "endpoint_spec", None)
            if spec is None:
                continue
            spec.name = name
            table[name] = spec
            if getattr(value, "hand_written", False):
                continue
            value.__name__ = name
            value.__qualname__ = f"{cls.__qualname__}.{name}"
            value.__module__ = cls.__module__
            value.__doc__ = _endpoint_doc(spec)
            value.__signature__ = _endpoint_signature(spec)
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
        ws_url: Any = None,
    ):
        # ws_url is accepted and ignored so that one options dict (the loopback exchange's
        # client_options(), say) builds REST and WebSocket clients alike.
        self.credentials = Credentials(api_key, api_secret, api_pass)
        self.base_url = (base_url or self.DEFAULT_BASE_URL).rstrip("/")
        self.timeout = timeout
        self.logger = logger or logging.getLogger(self.LOGGER_NAME)
        self.trace = bool(os.environ.get(self.TRACE_ENV)) if trace is None else trace
        self.time_offset_ms = int(time_offset_ms)
        self.time_sync_interval = time_sync_interval
        # -inf, not 0.0: time.monotonic() may start near zero (seconds since boot), and the
        # first signed request must sync whatever the uptime.
        self._last_sync = float("-inf")
        if read_retries < 0 or read_retries > 5:
            raise errors.InvalidParameterError("read_retries must be between 0 and 5")
        self.read_retries = read_retries
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
        self._send_kwargs: Dict[str, Any] = {"proxies": send_proxies, "verify": verify, "allow_redirects": False}
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
        """Close the HTTP session and its pooled connections. Safe to call twice."""
        self.session.close()

    def __enter__(self) -> "RestClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, credentials={self.credentials!r})"

    # -- clock -----------------------------------------------------------------------------

    def set_time_offset_ms(self, offset_ms: int) -> None:
        """Add ``offset_ms`` (server time minus local time) to every signed timestamp."""
        self.time_offset_ms = int(offset_ms)

    def get_time_offset_ms(self) -> int:
        """The offset currently added to signed timestamps, in milliseconds."""
        return self.time_offset_ms

    def timestamp_ms(self) -> int:
        """The timestamp a signed request made now would carry (local clock + offset)."""
        return now_ms() + self.time_offset_ms

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
        start = now_ms()
        server = self.fetch_server_time_ms()
        end = now_ms()
        rtt = end - start
        one_way = rtt // 2
        adjusted = server + one_way
        summary = {
            "localTime": end,
            "serverTime": server,
            "roundTripTime": rtt,
            "estimatedOneWayLatency": one_way,
            "adjustedServerTime": adjusted,
            "timeDifference": adjusted - end,
        }
        if abs(summary["timeDifference"]) > 500:
            self.logger.warning(
                "local clock differs from %s server time by %d ms; sync the host clock (NTP) "
                "or call set_time_offset_ms()", self.SURFACE, summary["timeDifference"]
            )
        return summary

    def sync_time(self, samples: int = 3, max_rtt_ms: int = 2000) -> int:
        """Measure and apply the clock offset (server minus local, at the RTT midpoint).

        Takes ``samples`` measurements and keeps the one with the shortest round trip; a
        measurement slower than ``max_rtt_ms`` is not trusted (a slow answer would produce a
        wrong offset for every later request). Returns the applied offset. Opt-in: bitsdk never
        calls it unless ``time_sync_interval`` was given, and then only lazily before a signed
        request, on the caller's thread (no timer keeps the process alive).
        """
        best: Optional[Tuple[int, int]] = None
        for _ in range(max(1, samples)):
            start = now_ms()
            server = self.fetch_server_time_ms()
            end = now_ms()
            rtt = end - start
            if rtt <= max_rtt_ms and (best is None or rtt < best[0]):
                best = (rtt, server + rtt // 2 - end)
        self._last_sync = time.monotonic()
        if best is None:
            self.logger.warning("time sync skipped: every round trip was slower than %d ms", max_rtt_ms)
            return self.time_offset_ms
        self.time_offset_ms = best[1]
        return self.time_offset_ms

    # -- the request path ------------------------------------------------------------------

    def _call(self, spec: EndpointSpec, positional: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Envelope:
        params = self._collect(spec, positional, kwargs)
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
        return self._request(spec.verb, path, query=query, body=body, auth=spec.auth, name=spec.name)

    def _collect(self, spec: EndpointSpec, positional: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        """Merge the dict, positional and keyword parameters; drop ``None`` values."""
        params: Dict[str, Any] = {}
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
            if len(positional) > len(spec.args):
                expected = ", ".join(spec.args) or "one dict of parameters"
                raise errors.InvalidParameterError(
                    f"{spec.name}() takes {expected} positionally, got {len(positional)} values; "
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
    ) -> Envelope:
        """Sign (when needed), send, decode and check one request."""
        signed = bool(auth) and (auth != OPTIONAL or self.credentials.complete)
        if signed:
            self.credentials.require(f"{name or path} (signed endpoint {method} {path})", self.NEEDS_PASSPHRASE)
            if self.time_sync_interval and time.monotonic() - self._last_sync > self.time_sync_interval:
                self.sync_time()
        url = self.base_url + path + ("?" + query if query else "")
        attempts = 1 + (self.read_retries if method == "GET" else 0)
        for attempt in range(attempts):
            headers = {**self._session_headers, **self._base_headers()}
            if content_type:
                headers["Content-Type"] = content_type
            if signed:
                headers.update(self._auth_headers(method, path, query, body, self.timestamp_ms()))
            try:
                return self._send(method, path, url, headers, body)
            except (errors.NetworkError, errors.RateLimitError, errors.HTTPError) as exc:
                # Only reads are retried, and only when asked: an order is never sent twice.
                retryable = not isinstance(exc, errors.HTTPError) or (exc.status or 0) >= 500
                if attempt + 1 >= attempts or not retryable:
                    raise
                delay = min(0.25 * (2**attempt), 2.0)
                self.logger.info("retrying %s %s in %.2fs after %s", method, path, delay, type(exc).__name__)
                time.sleep(delay)
        raise AssertionError("unreachable")

    def _send(self, method: str, path: str, url: str, headers: Dict[str, str], body: Union[str, bytes, None]) -> Envelope:
        data = body.encode("utf-8") if isinstance(body, str) else body
        prepared = requests.PreparedRequest()
        prepared.prepare(method=method, url=url, headers=headers, data=data or None)
        if self.trace:
            self._trace_request(method, url, headers, body)
        try:
            response = self.session.send(prepared, timeout=self.timeout, **self._send_kwargs)
        except requests.Timeout as exc:
            # "from None": the chained requests exception holds the signed request's headers.
            raise errors.RequestTimeoutError(
                f"no answer within {self.timeout}s ({type(exc).__name__})", method=method, path=path
            ) from None
        except requests.RequestException as exc:
            raise errors.NetworkError(
                f"request failed: {type(exc).__name__}: {_first_line(exc)}", method=method, path=path
            ) from None
        if self.trace:
            self._trace_response(response)
        return self._decode(method, path, response)

    def _decode(self, method: str, path: str, response: requests.Response) -> Envelope:
        status = response.status_code
        try:
            data = json.loads(response.content)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            text = errors.body_preview(response.text)
            if status in (403, 429):
                raise errors.RateLimitError(
                    _rate_limit_hint(status), code=None, http_status=status, body=text,
                    headers=response.headers, method=method, path=path,
                )
            # Not JSON at all (an HTML error page, say), or JSON that is not an envelope.
            cls = errors.HTTPError if status >= 300 and data is not None else errors.InvalidResponseError
            raise cls(
                f"the answer is not the exchange's JSON envelope: {text}",
                status=status, body=text, headers=response.headers, method=method, path=path,
            )
        envelope = Envelope(data, status, response.headers)
        self._check_envelope(envelope, method, path)
        if status >= 300:
            # A JSON body without an exchange error code, on an HTTP error (or a redirect).
            if status in (403, 429):
                raise errors.RateLimitError(
                    _rate_limit_hint(status), http_status=status, body=data,
                    headers=response.headers, method=method, path=path,
                )
            raise errors.HTTPError(
                errors.body_preview(json.dumps(data)), status=status, body=data,
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
            "code": code, "http_status": status, "body": dict(envelope),
            "headers": envelope.headers, "method": method, "path": path,
        }
        if issubclass(cls, errors.RateLimitError):
            raise cls(message, reset_at_ms=reset_at_ms, **details)
        raise cls(message, **details)

    # -- trace logging ---------------------------------------------------------------------

    def _redact(self, headers: Mapping[str, str]) -> Dict[str, str]:
        secret = {name.lower() for name in self.SECRET_HEADERS}
        return {k: ("<redacted>" if k.lower() in secret else v) for k, v in headers.items()}

    def _trace_request(self, method: str, url: str, headers: Mapping[str, str], body: Any) -> None:
        if isinstance(body, bytes):
            body = f"<{len(body)} bytes>"
        elif body:
            body = _SECRET_FIELDS.sub(r'\1"<redacted>"', body)
        self.logger.debug("request %s %s headers=%s body=%s", method, url, self._redact(headers), body)

    def _trace_response(self, response: requests.Response) -> None:
        self.logger.debug(
            "response %s %s headers=%s body=%s",
            response.status_code, response.request.path_url, dict(response.headers),
            errors.body_preview(response.text),
        )


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


def _choice_message(surface: str, name: str, value: Any, allowed: Tuple[str, ...]) -> str:
    """'category="spot" is not valid on Bitget V3 REST: write category="SPOT" (one of ...)'."""
    text = js_str(value)
    match = next((a for a in allowed if a.lower() == text.lower()), None)
    options = ", ".join(f'"{a}"' for a in allowed)
    if match is not None:
        return (
            f'{name}="{text}" is not valid on {surface}: the spelling is case-sensitive, '
            f'write {name}="{match}" (one of {options})'
        )
    return f'{name}="{text}" is not valid on {surface}: use one of {options}'


def _rate_limit_hint(status: int) -> str:
    if status == 403:
        return "access denied or IP rate limit/ban (region block or too many requests); wait before retrying"
    return "too many requests; back off before retrying"


def _first_line(exc: BaseException) -> str:
    text = str(exc).splitlines()
    return text[0][:300] if text else ""


def _endpoint_signature(spec: EndpointSpec) -> inspect.Signature:
    """What help() and IDEs show: ``(self, params=None, /, **kwargs)`` or the named args."""
    P = inspect.Parameter
    names = spec.args or ("params",)
    parameters = [P("self", P.POSITIONAL_ONLY)]
    parameters += [P(name, P.POSITIONAL_ONLY, default=None) for name in names]
    parameters.append(P("kwargs", P.VAR_KEYWORD))
    return inspect.Signature(parameters, return_annotation="Envelope")


def _endpoint_doc(spec: EndpointSpec) -> str:
    summary = spec.summary or spec.name.replace("_", " ").capitalize() + "."
    if spec.auth == OPTIONAL:
        auth = "signed when the client has credentials, public otherwise"
    elif spec.auth:
        auth = "signed: needs API credentials"
    else:
        auth = "public"
    args = [
        f"    {name}: {'goes into the URL path; ' if name in spec.path_params else ''}may be given positionally."
        for name in spec.args
    ] or ["    params: the request parameters as a dict, with the exchange's own names."]
    args += [f"    {name}: goes into the URL path." for name in spec.path_params if name not in spec.args]
    args.append("    **kwargs: request parameters as keyword arguments (merged over the dict).")
    return (
        f"{summary}\n\n``{spec.verb} {spec.path}`` ({auth}).\n\n"
        "Args:\n" + "\n".join(args) + "\n\n"
        "Returns:\n    Envelope: the decoded response envelope (a dict with ``http_status`` and "
        "``headers`` attributes).\n\n"
        "Raises:\n    bitsdk.errors.APIError: the exchange rejected the request.\n"
        "    bitsdk.errors.InvalidParameterError: a parameter is wrong; nothing was sent."
    )
