"""The contract between the engine and an exchange package.

An exchange's stream client subclasses :class:`~bitsdk._ws.client.BaseWebsocketClient` and
provides exactly what is listed in :class:`ExchangeHooks`; everything else (threads,
heartbeats, reconnects, sharding, pacing, acknowledgements, dispatch, commands) is the
engine's. Hooks run on the connection thread unless noted, must not block, and must not run
user code.

Class attributes:

``EXCHANGE``
    the exchange name, used in thread and logger names (``"bybit"``).
``WS_KEYS``
    every ws_key this client serves, in display order.
``EXCHANGE_KEYS``
    every ws_key of the exchange (a ``ws_url`` dict may name any of them).
``PRIVATE_KEYS``
    ws_keys that log in on connect (every connection of such a key logs in).
``COMMAND_KEYS``
    ws_keys that carry WebSocket API commands: a caller blocked on a command's result reads
    the socket itself while the connection thread is idle (see :mod:`bitsdk._ws.reader`).
``NEEDS_PASS``
    private connections also need ``api_pass`` (Bitget).
``DEFAULT_PING_INTERVAL`` / ``DEFAULT_PONG_TIMEOUT`` / ``DEFAULT_RECV_WINDOW``
    heartbeat and login defaults.
``DEFAULT_TOPICS_PER_CONNECTION``
    the default of the ``max_topics_per_connection`` option (``None``: only the exchange's
    hard limits from :meth:`ExchangeHooks._limits` apply).
``PING_FRAME``
    the application ping (text).

Methods (all ``_``-prefixed, so they stay out of the public API):

``_default_url(ws_key) -> str``
    the URL of ``ws_key`` for the client's environment (live, demo, testnet...).
``_handshake_headers(ws_key) -> dict``
    extra HTTP headers for the opening handshake (Bybit's regional site headers); none by
    default.
``_login_frame(ws_key) -> str``
    the login frame with a fresh signature. Never logged.
``_login_verdict(msg) -> None | True | exception``
    ``None``: ``msg`` is not a login reply; ``True``: accepted; an exception: rejected.
``_is_control(conn, raw) -> bool``
    handle a short text frame that is a heartbeat (may answer a server ping on ``conn.ws``);
    True when it was one. Hot path.
``_route(ws_key, msg) -> Event | None``
    classify one decoded message into an :class:`~bitsdk.events.Event` (``None`` drops it);
    WebSocket API replies go through ``self._command_reply``. Hot path.
``_sub_frame(ws_key, op, args, req_id) -> str``
    one (un)subscribe frame for ``args`` (the engine has already batched them within
    :meth:`_limits`); ``req_id`` is the engine's id of the request, to be echoed by the
    exchange where it can be (Bybit ``req_id``); ignore it where it cannot (Bitget).
``_sub_reply(ws_key, msg) -> SubReply | None``
    if ``msg`` answers a subscribe request, what it says (:class:`SubReply`); else ``None``.
    Called only for messages that ``_route`` classified as ``response`` or ``exception``.
``_limits(ws_key) -> ShardLimits``
    the exchange's per-connection limits for ``ws_key`` (:class:`ShardLimits`).
``_topic_key(arg) -> Hashable``
    identity of a wire arg in the replay set (default: the string itself, or the dict's
    key-order-insensitive JSON).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Dict, FrozenSet, Hashable, List, Mapping, NamedTuple, Optional, Tuple, Union

from ..events import Event
from ._util import canonical

__all__ = ["ExchangeHooks", "ShardLimits", "SubReply"]


class ShardLimits(NamedTuple):
    """Per-connection limits of one ws_key; ``None`` means no limit.

    Attributes:
        max_topics: topics (channels, args) one connection may hold.
        max_arg_chars: total characters of args one connection may hold (Bybit public:
            21,000); an arg counts as its compact JSON plus a separator.
        max_args_per_frame: args in one (un)subscribe request.
        max_frame_bytes: bytes of one (un)subscribe frame (Bitget: 4,096).
        messages_per_second: every message the client sends on the connection, pings and
            commands included (Bitget: 10).
        requests_per_hour: (un)subscribe requests per connection per hour (Bitget: 240).
        shards: False for keys that must stay on one connection (private streams, the
            WebSocket API); the engine then refuses topics beyond the limits instead.
    """

    max_topics: Optional[int] = None
    max_arg_chars: Optional[int] = None
    max_args_per_frame: Optional[int] = None
    max_frame_bytes: Optional[int] = None
    messages_per_second: Optional[int] = None
    requests_per_hour: Optional[int] = None
    shards: bool = True


class SubReply(NamedTuple):
    """What an exchange's reply says about one subscribe request.

    Attributes:
        req_id: the request's id when the exchange echoes it (Bybit), else ``None`` (topics are
            then matched by their keys).
        confirmed: topic keys now live; ``None`` means every topic of the request ``req_id``
            that is not in ``rejected``.
        rejected: topic key -> the exchange's reason.
        reason: a failure that names no topic (the engine attributes it: a one-topic request
            is that topic; a larger one is retried one topic per request).
        code: the exchange's error code, when it gave one.
    """

    req_id: Optional[str] = None
    confirmed: Optional[List[Hashable]] = None
    rejected: Mapping[Hashable, str] = MappingProxyType({})
    reason: Optional[str] = None
    code: Any = None


class ExchangeHooks:
    """The hooks an exchange implements (see the module docstring for each one's meaning)."""

    EXCHANGE = ""
    WS_KEYS: Tuple[str, ...] = ()
    EXCHANGE_KEYS: Tuple[str, ...] = ()
    PRIVATE_KEYS: FrozenSet[str] = frozenset()
    COMMAND_KEYS: FrozenSet[str] = frozenset()
    NEEDS_PASS = False
    DEFAULT_PING_INTERVAL = 20.0
    DEFAULT_PONG_TIMEOUT = 10.0
    DEFAULT_RECV_WINDOW = 5000
    DEFAULT_TOPICS_PER_CONNECTION: Optional[int] = None
    PING_FRAME = ""

    def _default_url(self, ws_key: str) -> str:
        raise NotImplementedError

    def _handshake_headers(self, ws_key: str) -> Dict[str, str]:
        return {}

    def _login_frame(self, ws_key: str) -> str:
        raise NotImplementedError

    def _login_verdict(self, msg: Any) -> Optional[Union[bool, BaseException]]:
        raise NotImplementedError

    def _is_control(self, conn: Any, raw: str) -> bool:
        return False

    def _route(self, ws_key: str, msg: Any) -> Optional[Event]:
        raise NotImplementedError

    def _sub_frame(self, ws_key: str, op: str, args: List[Any], req_id: str) -> str:
        raise NotImplementedError

    def _sub_reply(self, ws_key: str, msg: Any) -> Optional[SubReply]:
        # Required: without it no subscribe would ever be acknowledged, and every connection
        # would be recycled for unanswered requests.
        raise NotImplementedError

    def _limits(self, ws_key: str) -> ShardLimits:
        return ShardLimits()

    def _topic_key(self, arg: Any) -> Hashable:
        if isinstance(arg, str):
            return arg
        return canonical(arg)
