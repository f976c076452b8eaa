"""The one exception hierarchy of bitsdk.

Everything bitsdk raises derives from :class:`BitsdkError`. The tree is flat and grouped by
cause, so a caller can catch exactly what it can handle::

    BitsdkError
    ├── InvalidParameterError (also ValueError)   bad input, raised before anything is sent
    ├── MissingCredentialsError (also ValueError) a private call on a client without keys
    ├── NetworkError                              connection refused/reset, DNS, TLS
    │   └── RequestTimeoutError (also TimeoutError)
    ├── HTTPError                                 non-2xx answer without an exchange code
    │   └── InvalidResponseError                  a body that is not JSON (e.g. a CDN page)
    ├── APIError                                  the exchange said no (code + message)
    │   ├── AuthenticationError                   bad key, signature or passphrase
    │   ├── TimestampError                        clock outside the receive window
    │   └── RateLimitError                        too many requests / IP ban (reset time)
    └── WebSocketError
        ├── NotConnectedError
        ├── ClientClosedError
        ├── CommandCancelledError                 cancelled before it was sent
        │     (also concurrent.futures.CancelledError)
        └── OutcomeUnknownError                   a command whose fate is unknown
            ├── ConnectionLostError               the connection dropped while it was pending
            └── CommandTimeoutError (also TimeoutError)

Every class has the same attributes (``http_status``, ``code``, ``body``, ``headers``,
``request_id``, ``method``, ``path``; ``None`` where they do not apply), described on
:class:`BitsdkError`. No exception text or attribute ever contains an API secret,
passphrase, signature or private key, nor the request that was sent: they carry only what the
exchange answered and which request (method and path) it was.
"""

from __future__ import annotations

import concurrent.futures
import warnings
from typing import Any, Dict, Mapping, Optional

__all__ = [
    "BitsdkError",
    "InvalidParameterError",
    "UnknownOptionError",
    "MissingCredentialsError",
    "NetworkError",
    "RequestTimeoutError",
    "HTTPError",
    "InvalidResponseError",
    "APIError",
    "AuthenticationError",
    "TimestampError",
    "RateLimitError",
    "WebSocketError",
    "NotConnectedError",
    "ClientClosedError",
    "OutcomeUnknownError",
    "ConnectionLostError",
    "CommandTimeoutError",
    "CommandCancelledError",
    "StaleStateError",
]

_BODY_PREVIEW = 300  # characters of a non-JSON body kept in messages


class BitsdkError(Exception):
    """Root of every error bitsdk raises.

    Every bitsdk exception has the same attributes, ``None`` where they do not apply (a bad
    parameter has no HTTP status; a timeout has no body):

    Attributes:
        message: the text, without the location suffix ``str()`` adds.
        http_status: the HTTP status of the answer (``None`` without one, and for WebSocket
            replies).
        code: the exchange's own error code as the exchange sent it (Bitget: a string such as
            ``"43012"``; Bybit: an int such as ``110007``).
        body: what the exchange answered: the decoded JSON (a dict) when the answer was JSON,
            else a short single-line preview of its text (a str); ``None`` without an answer.
            Fields named like secrets are replaced by ``"<redacted>"``.
        headers: the response headers (a dict; empty without an answer).
        request_id: the exchange's id for the request, for its support desk: Bybit's
            ``Traceid`` response header (or the ``Traceid`` in a WebSocket API reply's
            ``header``). Bitget documents none, so it is ``None`` there.
        method: HTTP verb (or WebSocket op) of the request that failed, when there was one.
        path: API path of the request (no host, no query string), when there was one.

    No attribute references the request that was sent: its signing headers never travel with
    an exception (nor through ``__cause__`` / ``__context__``).
    """

    def __init__(
        self,
        message: str,
        *,
        http_status: Optional[int] = None,
        code: Any = None,
        body: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        request_id: Optional[str] = None,
        method: Optional[str] = None,
        path: Optional[str] = None,
    ):
        super().__init__(message)
        self.message = message
        self.http_status = http_status
        self.code = code
        self.body = body
        self.headers: Dict[str, str] = dict(headers or {})
        self.request_id = request_id if request_id is not None else find_request_id(self.headers, body)
        self.method = method
        self.path = path

    @property
    def status(self) -> Optional[int]:
        """Deprecated alias of :attr:`http_status`."""
        warnings.warn("BitsdkError.status is deprecated: use http_status", DeprecationWarning, stacklevel=2)
        return self.http_status

    def _where(self) -> str:
        where = f"{self.method} {self.path}" if self.method and self.path else (self.path or "")
        if self.request_id:
            where = f"{where}; request id {self.request_id}" if where else f"request id {self.request_id}"
        return f" [{where}]" if where else ""

    def __str__(self) -> str:
        return f"{self.message}{self._where()}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class InvalidParameterError(BitsdkError, ValueError):
    """A parameter is missing, misspelt or has the wrong casing; nothing was sent.

    The message says what to write instead, e.g. ``category="spot"`` on Bitget V3 REST says
    that V3 REST categories are upper-case (``"SPOT"``).
    """


class UnknownOptionError(InvalidParameterError, TypeError):
    """A client constructor got an option it does not have (``RestClientV5(test_net=True)``).

    The message names the closest valid option. It is also a :class:`TypeError`, what Python
    raises for an unexpected keyword argument, so code that catches that keeps working.
    """


class MissingCredentialsError(BitsdkError, ValueError):
    """A private endpoint or stream was used on a client built without API credentials."""


class NetworkError(BitsdkError):
    """The request could not be completed at the transport level (refused, reset, DNS, TLS).

    For a request that changes state (placing an order) the outcome may be unknown when the
    connection broke after the request was written: check with a read before retrying.
    """


class RequestTimeoutError(NetworkError, TimeoutError):
    """No answer within the timeout. A connect timeout is safe to retry; a read timeout on an
    order means the order may or may not exist."""


class HTTPError(BitsdkError):
    """The server answered with an HTTP error and no exchange error code.

    ``http_status``, ``body`` (the decoded JSON, or a text preview) and ``headers`` say what
    came back.
    """

    def __str__(self) -> str:
        status = f"HTTP {self.http_status}: " if self.http_status is not None else ""
        return f"{status}{self.message}{self._where()}"


class InvalidResponseError(HTTPError):
    """The body is not the JSON the exchange normally sends (an HTML error page, say)."""


class APIError(BitsdkError):
    """The exchange rejected the request with its own error code.

    ``code`` is the exchange's code (``None`` when the answer had none), ``http_status`` the
    HTTP status (``None`` for WebSocket replies) and ``body`` the decoded envelope.
    """

    def __str__(self) -> str:
        code = f"code {self.code}: " if self.code is not None else ""
        status = f" (HTTP {self.http_status})" if self.http_status is not None else ""
        return f"{code}{self.message}{status}{self._where()}"


class AuthenticationError(APIError):
    """The key, signature or passphrase was refused (often: keys of another environment,
    such as demo keys on the live host)."""


class TimestampError(APIError):
    """The request's timestamp fell outside the exchange's receive window.

    Bybit accepts ``server_time - recv_window <= timestamp < server_time + 1000``; Bitget about
    30 s either way. Sync the host clock (NTP), or measure the offset with
    ``fetch_latency_summary()`` and apply it with ``set_time_offset_ms()``.
    """


class RateLimitError(APIError):
    """Too many requests (Bybit 10006, HTTP 429) or an IP ban (HTTP 403).

    Attributes:
        reset_at_ms: epoch milliseconds when the limit resets, when the exchange said so.
    """

    def __init__(self, message: str, *, reset_at_ms: Optional[int] = None, **kwargs: Any):
        super().__init__(message, **kwargs)
        self.reset_at_ms = reset_at_ms


class WebSocketError(BitsdkError):
    """A WebSocket connection or command failed."""


class NotConnectedError(WebSocketError):
    """The connection needed for this call is not open (or not logged in) yet."""


class ClientClosedError(WebSocketError):
    """The client was closed; it cannot be used again."""


class CommandCancelledError(WebSocketError, concurrent.futures.CancelledError):
    """The command was cancelled before its frame was written: it was never sent."""


class OutcomeUnknownError(WebSocketError):
    """A command was sent, but whether the exchange acted on it is unknown.

    Never retry an order blindly after this: look it up (by your client order id) over REST
    or on the private order stream first.
    """


class ConnectionLostError(OutcomeUnknownError):
    """The connection dropped while the command was pending; it was not resent."""


class CommandTimeoutError(OutcomeUnknownError, TimeoutError):
    """No reply to the command within its timeout; the order may still have been placed."""


#: Response headers that carry the exchange's request id (Bybit ``Traceid``), lower-case.
REQUEST_ID_HEADERS = ("traceid",)


def find_request_id(headers: Mapping[str, str], body: Any) -> Optional[str]:
    """The exchange's request id from the response headers, or from the ``header`` object
    of a Bybit WebSocket API reply."""
    for source in (headers, body.get("header") if isinstance(body, Mapping) else None):
        if isinstance(source, Mapping):
            for name, value in source.items():
                if isinstance(name, str) and name.lower() in REQUEST_ID_HEADERS and value:
                    return str(value)
    return None


def body_preview(text: str) -> str:
    """A short, single-line preview of a response body for error messages."""
    text = " ".join(text.split())
    return text if len(text) <= _BODY_PREVIEW else text[:_BODY_PREVIEW] + "…"


class StaleStateError(BitsdkError):
    """An :class:`~bitsdk.account.AccountState` is not ready: the private connection dropped
    (or the state is still loading) and the REST backfill is not merged yet. Pause private
    writes; ``state.wait_ready(timeout)`` waits for the state to be current again."""
