"""Bitget streams (:class:`WebsocketClientV3`, :class:`WebsocketClientV2`) and V3 order entry
over WebSocket (:class:`WebsocketAPIClient`).

Only what is Bitget's lives here: URLs, the ``login`` frame, the text ``ping``/``pong``,
subscribe frames and replies, per-connection limits (1,000 channels, 4,096-byte requests, 10
messages a second, 240 requests an hour), casing rules and message classification. Threads,
heartbeats, reconnects, the dispatcher and command futures are the engine's (:mod:`bitsdk._ws`).
"""

from __future__ import annotations

import itertools
import logging
import os
import queue
from functools import partial
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from .. import _casing
from .._clock import Clock
from .._futures import CommandFuture
from .._options import checked_options, forward_options
from .._ws import (
    DEFAULT_MAX_BACKLOG, BaseWebsocketAPIClient, BaseWebsocketClient, Dispatcher, ShardLimits, SubReply,
    SubscribeFuture, WsKeyMap, _compact,
)
from ..errors import APIError, AuthenticationError, InvalidParameterError
from ..events import Event
from . import _sign as sign

if TYPE_CHECKING:  # the book module loads on the first order_book() call
    from .._book import OrderBook

__all__ = ["WS_KEY_MAP", "WebsocketClientV3", "WebsocketClientV2", "WebsocketAPIClient"]

WS_KEY_MAP = WsKeyMap("v2Public", "v2Private", "v3Public", "v3Private")

_LIVE = "wss://ws.bitget.com"
_DEMO = "wss://wspap.bitget.com"
_PATHS = {
    "v2Public": "/v2/ws/public",
    "v2Private": "/v2/ws/private",
    "v3Public": "/v3/ws/public",
    "v3Private": "/v3/ws/private",
}

# The casing tables are bitsdk._casing's (shared with REST); these names stay importable.
V3_PUBLIC_INST_TYPES = _casing.BITGET_V3_PUBLIC_STREAMS.choices["instType"]
V3_PRIVATE_TOPICS = frozenset(("account", "position", "fill", "order", "strategy-order"))
V2_INST_TYPES = _casing.BITGET_V2_STREAMS.choices["instType"]
#: V2 channels that route to ``v2Private`` (bitget.md §4.9, incl. the V1/V3 names the SDK checks).
V2_PRIVATE_CHANNELS = frozenset(
    """account orders positions orders-algo positions-history account-crossed account-isolated
    orders-crossed orders-isolated fill ordersAlgo position order strategy-order""".split()
)
_V2_COIN_CHANNELS = frozenset(("account", "account-crossed", "account-isolated"))
#: WebSocket API categories: lower-case, like V3 stream instTypes, plus ``margin``.
WS_API_CATEGORIES = _casing.BITGET_WS_API.choices["category"]
#: Operations that find the order by ``orderId``/``clientOid`` and so may leave ``category`` out.
WS_API_CATEGORY_OPTIONAL = frozenset(("cancel-order", "batch-cancel", "modify-order", "batch-modify"))
#: Bitget's bounds for an order's ``receiveWindow``, in milliseconds.
RECEIVE_WINDOW_RANGE = (10, 60_000)
V3_BOOK_TOPICS = ("books", "books1", "books5", "books50")  # bitget.md §0 item 9
V2_BOOK_CHANNELS = ("books", "books1", "books5", "books15")

# Bitget's per-connection limits (bitget.md §0 item 10); private keys stay on one connection.
_PUBLIC_LIMITS = ShardLimits(max_topics=1000, max_frame_bytes=4096, messages_per_second=10, requests_per_hour=240)
_PRIVATE_LIMITS = ShardLimits(max_topics=1000, max_frame_bytes=4096, messages_per_second=10, requests_per_hour=240,
                              shards=False)

# Command ids: Bitget's examples use decimal ids and some error replies echo the id as a JSON
# number, so ours are digits only (a random per-process prefix and a counter, at most 18
# digits: it fits a signed 64-bit integer) and replies are matched on str(id).
_ID_PREFIX = str(100_000 + int.from_bytes(os.urandom(3), "big") % 900_000)
_ID_COUNTER = itertools.count(1)


def _new_request_id() -> str:
    return f"{_ID_PREFIX}{next(_ID_COUNTER)}"


def _as_items(topics: Union[Mapping[str, Any], Iterable[Mapping[str, Any]]]) -> List[Mapping[str, Any]]:
    items = [topics] if isinstance(topics, Mapping) else list(topics)
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("topic"), str):
            raise InvalidParameterError(
                "each topic is a dict like {'topic': 'ticker', 'payload': {'instType': 'spot', "
                f"'symbol': 'BTCUSDT'}}; got {item!r}"
            )
    return items


class _BitgetWebsocketClient(BaseWebsocketClient):
    """What V2 and V3 streams share: URLs, login, heartbeat, frames, classification."""

    EXCHANGE = "bitget"
    EXCHANGE_KEYS = tuple(WS_KEY_MAP)
    PRIVATE_KEYS = frozenset(("v2Private", "v3Private"))
    COMMAND_KEYS = frozenset(("v3Private",))
    DEFAULT_PING_INTERVAL = 25.0
    DEFAULT_PONG_TIMEOUT = 10.0
    DEFAULT_RECV_WINDOW = 0
    PING_FRAME = "ping"
    # Bitget allows 1,000 channels a connection but recommends fewer than 50 for stable
    # delivery; 50 also keeps a resubscribe to one request of 4,096 bytes (of the 240 an hour).
    DEFAULT_TOPICS_PER_CONNECTION = 50
    NEEDS_PASS = True

    @checked_options
    def __init__(
        self,
        api_key: Optional[str] = None,
        api_secret: Optional[str] = None,
        api_pass: Optional[str] = None,
        *,
        demo_trading: bool = False,
        recv_window: int = DEFAULT_RECV_WINDOW,
        ws_url: Union[str, Mapping[str, str], None] = None,
        base_url: Optional[str] = None,
        ping_interval: float = DEFAULT_PING_INTERVAL,
        pong_timeout: float = DEFAULT_PONG_TIMEOUT,
        reconnect_backoff: Tuple[float, float] = (0.5, 30.0),
        connect_timeout: float = 10.0,
        command_timeout: float = 10.0,
        subscribe_timeout: float = 10.0,
        max_topics_per_connection: Optional[int] = DEFAULT_TOPICS_PER_CONNECTION,
        max_backlog: int = DEFAULT_MAX_BACKLOG,
        overflow: str = "drop_oldest",
        dispatcher: Optional[Dispatcher] = None,
        delivery: str = "dispatcher",
        event_queue: Optional[queue.Queue[Event]] = None,
        proxies: Optional[Mapping[str, str]] = None,
        logger: Optional[logging.Logger] = None,
        clock: Optional[Clock] = None,
    ):
        """Create a client. No network I/O happens until the first subscribe or connect.

        ``api_key``, ``api_secret`` and ``api_pass`` may be passed positionally, in that order,
        as on every bitsdk client (REST and WebSocket); every other option is keyword-only.
        All three credentials or none: a partial set is refused here. A misspelt option raises
        :class:`~bitsdk.errors.UnknownOptionError` naming the closest valid one.

        Args:
            api_key: API key (private topics and the WebSocket API only).
            api_secret: HMAC secret, or an RSA private key in PEM form.
            api_pass: the passphrase chosen when the key was created.
            demo_trading: use the ``wspap.bitget.com`` demo hosts.
            recv_window: milliseconds added to the login timestamp (0).
            ws_url: one URL for every connection, or ``{ws_key: url}`` (any Bitget ws_key).
            base_url: REST only; accepted (and ignored) so one options dict fits every client.
            ping_interval: seconds between text ``ping`` heartbeats (25).
            pong_timeout: seconds without any frame after a ping before the link is replaced (10).
            reconnect_backoff: ``(initial, max)`` seconds of the jittered backoff of connections
                that fail fast ((0.5, 30)); a healthy connection that drops reconnects at once.
            connect_timeout: seconds for the connect and for the login reply (10).
            command_timeout: default seconds a WebSocket API command waits for its reply (10).
            subscribe_timeout: seconds a subscribe waits for its ack before one resend (10).
            max_topics_per_connection: channels per connection before another one is opened
                (50: Bitget recommends fewer than 50 per connection for stable delivery and
                allows 1,000; up to 1,000 trades stability for fewer connections, of Bitget's
                100 per IP).
            max_backlog: updates waiting for the callbacks before ``overflow`` applies (10,000).
            overflow: ``"drop_oldest"`` (default) or ``"recycle"`` (fresh snapshots instead).
            dispatcher: a :class:`~bitsdk.Dispatcher` shared with other clients (default: the
                client's own callback thread).
            delivery: where callbacks run: ``"dispatcher"`` (default, a slow callback never slows
                the reading) or ``"inline"`` (on the connection thread, for the lowest latency; a
                slow callback then slows that connection's reading; pings stay on time).
            event_queue: a :class:`queue.Queue` that receives every event, as well as callbacks.
            proxies: a requests-style dict, as for the REST clients
                (``{"https": "http://host:port"}``, ``socks5://`` too).
            logger: a :class:`logging.Logger` (default ``bitsdk.bitget.ws``).
            clock: the :class:`~bitsdk.Clock` behind login and order timestamps; pass a REST
                client's ``clock`` to share its offset and syncs (default: the client's own).

        Raises:
            bitsdk.errors.InvalidParameterError: credentials given only in part, or a bad
                option value.
            bitsdk.errors.UnknownOptionError: an option this client does not have.
        """
        sign.check(api_key, api_secret, api_pass)
        self._demo_trading = bool(demo_trading)
        super().__init__(**forward_options(BaseWebsocketClient, locals()))

    def _default_url(self, ws_key: str) -> str:
        return (_DEMO if self._demo_trading else _LIVE) + _PATHS[ws_key]

    def _sub_frame(self, ws_key: str, op: str, args: List[Any], req_id: str) -> str:
        return _compact({"op": op, "args": args})  # Bitget echoes no request id: acks name the arg

    def _limits(self, ws_key: str) -> ShardLimits:
        return _PRIVATE_LIMITS if ws_key in self.PRIVATE_KEYS else _PUBLIC_LIMITS

    def _sub_reply(self, ws_key: str, msg: Any) -> Optional[SubReply]:
        # {"event":"subscribe","arg":{...}} per arg; {"event":"error","arg":{...},"code":30001,...}.
        arg = msg.get("arg")
        if not isinstance(arg, Mapping) or "id" in msg:
            return None
        event = msg.get("event")
        if event == "subscribe":
            return SubReply(confirmed=[self._topic_key(arg)])
        if event == "error" and msg.get("op", "subscribe") == "subscribe":
            reason = str(msg.get("msg") or "subscribe rejected")
            return SubReply(rejected={self._topic_key(arg): reason}, code=msg.get("code"))
        return None

    def _login_frame(self, ws_key: str) -> str:
        # _require_credentials ran before any private connect. Seconds, rounded half up like
        # the JS SDK; a JSON number on the wire.
        ts = (self._now_ms() + self._recv_window + 500) // 1000
        return _compact({"op": "login", "args": [sign.login_args(self._credentials, ts)]})

    def _login_verdict(self, msg: Any) -> Any:
        event = msg.get("event")
        if event == "login":
            if str(msg.get("code")) == "0":
                return True
        elif event != "error":
            return None
        code = msg.get("code")
        return AuthenticationError(
            f"Bitget rejected the WebSocket login: {msg.get('msg') or 'login failed'}", code=code, body=msg, method="login"
        )

    def _is_control(self, conn: Any, raw: str) -> bool:
        if raw == "pong":
            return True
        if raw == "ping":  # the server's own heartbeat
            ws = conn.ws
            if ws is not None:
                ws.send("pong")
            return True
        return False

    def _route(self, ws_key: str, msg: Any) -> Optional[Event]:
        event = msg.get("event")
        if event is None:
            return Event("update", ws_key, msg)
        code = msg.get("code")
        req_id = msg.get("id")
        if req_id is not None:  # a WebSocket API reply (V3); only those carry an id
            # Error replies may carry the id as a JSON number: match on its text.
            key = str(req_id)
            if str(code) == "0":
                return self._command_reply(ws_key, key, msg, None)
            # Error replies carry no topic: name the command from the pending table.
            pending = self._pending.peek(key)
            op = pending.op if pending is not None else (msg.get("topic") or "command")
            error = APIError(f"{op} rejected: {msg.get('msg')}", code=code, body=msg, method=op)
            if pending is None:
                # Nothing waits for it (late, or an id we never sent): still an exception event.
                return Event("exception", ws_key, msg, error=error, ws_api=True, unmatched=True)
            return self._command_reply(ws_key, key, msg, error)
        if event == "error":
            if str(code) == "30033":
                self._logger.warning("%s: Bitget announced a service upgrade; a disconnect follows", ws_key)
            return Event("exception", ws_key, msg, error=APIError(str(msg.get("msg") or "error"), code=code, body=msg))
        return Event("response", ws_key, msg)

    def _args(self, topics: Any, ws_key: str, name_field: str) -> List[Dict[str, Any]]:
        """Wire args ``{name_field: topic, **payload}``, casing-checked before anything is sent."""
        self._check_key(ws_key)
        args = []
        for item in _as_items(topics):
            payload = dict(item.get("payload") or {})
            self._check_payload(item["topic"], payload, ws_key)
            args.append({name_field: item["topic"], **payload})
        return args

    def _check_payload(self, topic: str, payload: Dict[str, Any], ws_key: str) -> None:
        raise NotImplementedError


class WebsocketClientV3(_BitgetWebsocketClient):
    """Bitget V3 (Unified Trading Account) public and private streams, and the raw WS API.

    Usage::

        from bitsdk.bitget import WS_KEY_MAP, WebsocketClientV3

        with WebsocketClientV3() as ws:
            ws.on("update", print)
            ws.subscribe({"topic": "ticker", "payload": {"instType": "spot", "symbol": "BTCUSDT"}},
                         WS_KEY_MAP.v3Public)
            ws.wait(60)

    The constructor options are listed below.
    """

    WS_KEYS = ("v3Public", "v3Private")

    def subscribe(
        self, topics: Union[Mapping[str, Any], Iterable[Mapping[str, Any]]], ws_key: str
    ) -> SubscribeFuture:
        """Subscribe ``{"topic": ..., "payload": {...}}`` items on ``v3Public`` or ``v3Private``.

        Sent as ``{"op":"subscribe","args":[{"topic": ..., **payload}]}`` in requests of up to
        4,096 bytes; ``.result(timeout)`` on the returned future waits for the acks.
        Private topics (``account``, ``position``, ``fill``, ``order``, ``strategy-order``)
        take ``instType: "UTA"`` (filled in when missing).

        Raises:
            InvalidParameterError: unknown ws_key, or ``instType`` in the wrong case (public
                V3 streams are lower-case: ``"spot"``, ``"usdt-futures"``...).
        """
        return self._subscribe_args(ws_key, self._args(topics, ws_key, "topic"))

    def unsubscribe(self, topics: Union[Mapping[str, Any], Iterable[Mapping[str, Any]]], ws_key: str) -> None:
        """Unsubscribe items; they also leave the set replayed after a reconnect."""
        self._unsubscribe_args(ws_key, self._args(topics, ws_key, "topic"))

    def connect_ws_api(self, timeout: Optional[float] = None) -> None:
        """Connect and log in ``v3Private`` now, blocking until ready (default ``connect_timeout``)."""
        self.connect("v3Private", self._connect_timeout if timeout is None else timeout)

    def send_ws_api_request(
        self,
        ws_key: str,
        operation: str,
        category: Optional[str],
        params: Union[Mapping[str, Any], Sequence[Mapping[str, Any]]],
        *,
        timeout: Optional[float] = None,
        request_time: Union[bool, int, None] = None,
        receive_window: Optional[int] = None,
    ) -> CommandFuture:
        """Send one WebSocket API command and return its future at once.

        Frame: ``{"op":"trade","id":...,"category":...,"topic":operation,"args":[...]}``.
        Registered before it is written, matched by ``id`` (as text: Bitget may echo it as a
        number), never resent. The reply is returned as Bitget sent it, extra fields
        (``receiveTime``, ``pushTime``, ``rateLimit``, ``connId``...) included.

        Args:
            ws_key: ``"v3Private"``.
            operation: ``place-order``, ``batch-place``, ``cancel-order``, ``batch-cancel``,
                ``modify-order`` or ``batch-modify``.
            category: ``spot``, ``margin``, ``usdt-futures``, ``usdc-futures`` or
                ``coin-futures`` (lower-case on the WS API). ``None`` leaves it out of the
                frame, which only the cancel and modify operations allow.
            params: one dict, or a list of dicts for batch operations.
            timeout: seconds for the connection and then for the reply (``command_timeout``).
            request_time: the frame's ``requestTime`` (ms, sent as text): ``True`` stamps the
                client clock (plus the time offset) once the connection is ready, an int is
                sent as given, ``False`` sends none. By default it is stamped only when a
                receive window is set.
            receive_window: milliseconds (10..60000) after ``requestTime`` within which Bitget
                may still execute each order, sent as every item's ``receiveWindow`` (an
                item's own ``receiveWindow`` wins; it is range-checked too).

        Raises:
            InvalidParameterError: wrong ws_key, missing or wrongly cased category,
                ``reduceOnly`` casing, a cancel/modify item without ``orderId`` or
                ``clientOid``, or a receive window outside 10..60000 ms; nothing is sent.
            NotConnectedError: not connected and logged in within ``timeout``; nothing sent.
        """
        if ws_key != "v3Private":
            self._check_key(ws_key)
            raise InvalidParameterError(f"the WebSocket API runs on ws_key 'v3Private', not {ws_key!r}")
        if category is not None:
            _casing.BITGET_WS_API.check("category", category)
        elif operation not in WS_API_CATEGORY_OPTIONAL:
            raise InvalidParameterError(
                f"{operation} needs a category: one of {', '.join(repr(c) for c in WS_API_CATEGORIES)}"
            )
        if receive_window is not None:
            _check_receive_window(receive_window, "receive_window")
        items = [params] if isinstance(params, Mapping) else list(params)
        args = []
        for item in items:
            if not isinstance(item, Mapping):
                raise InvalidParameterError(f"each WebSocket API item is a dict; got {item!r}")
            if "reduceOnly" in item:
                _casing.BITGET_WS_API.check("reduceOnly", item["reduceOnly"])
            if operation in WS_API_CATEGORY_OPTIONAL and not (item.get("orderId") or item.get("clientOid")):
                raise InvalidParameterError(f"each {operation} item needs 'orderId' or 'clientOid'; got {dict(item)!r}")
            arg = dict(item)
            if "receiveWindow" in arg:
                _check_receive_window(arg["receiveWindow"], "receiveWindow")
            elif receive_window is not None:
                arg["receiveWindow"] = str(receive_window)
            args.append(arg)
        if request_time is None:
            request_time = any("receiveWindow" in arg for arg in args)
        request_id = _new_request_id()
        frame: Dict[str, Any] = {"op": "trade", "id": request_id}
        if category is not None:
            frame["category"] = category
        frame["topic"] = operation
        frame["args"] = args
        if request_time is True:
            # Stamp once the connection is ready: a connect or login must not eat the window.
            wait = self._command_timeout if timeout is None else float(timeout)
            self._wait_live(self._ensure(ws_key), wait)
            frame["requestTime"] = str(self._now_ms())
        elif request_time is not False:
            if request_time.__class__ is not int or request_time <= 0:
                raise InvalidParameterError(
                    f"request_time is True (stamp now), False, or an int of epoch milliseconds; got {request_time!r}"
                )
            frame["requestTime"] = str(request_time)
        return self._send_command(ws_key, request_id, request_id, operation, frame, timeout)

    def _check_payload(self, topic: str, payload: Dict[str, Any], ws_key: str) -> None:
        if ws_key == "v3Private":
            payload.setdefault("instType", "UTA")
            _casing.BITGET_V3_PRIVATE_STREAMS.check("instType", payload["instType"])
            return
        if topic in V3_PRIVATE_TOPICS:
            raise InvalidParameterError(f"{topic!r} is a private V3 topic: subscribe it on ws_key 'v3Private'")
        if "instType" in payload:
            if payload["instType"] == "UTA":
                raise InvalidParameterError("instType 'UTA' is for private topics on 'v3Private'; public V3 streams take "
                                            + ", ".join(repr(v) for v in V3_PUBLIC_INST_TYPES))
            _casing.BITGET_V3_PUBLIC_STREAMS.check("instType", payload["instType"])

    def order_book(self, symbol: str, inst_type: str, topic: str = "books") -> OrderBook:
        """Subscribe a V3 book topic on ``v3Public`` and keep a verified local book of it.

        ``books`` is a snapshot then updates whose ``pseq`` must equal the previous ``seq``
        (``pseq = 0`` after a reset starts afresh); ``books1``/``books5``/``books50`` push
        snapshots only. A gap refreshes this topic alone. See the guide page "Order books".

        Args:
            symbol: e.g. ``"BTCUSDT"`` (upper-case).
            inst_type: ``spot``, ``usdt-futures``, ``usdc-futures`` or ``coin-futures``.
            topic: ``books`` (default), ``books1``, ``books5`` or ``books50``.

        Raises:
            InvalidParameterError: an unknown topic, instType casing or symbol.
        """
        _casing.check_choice(_casing.BITGET_V3_PUBLIC_STREAMS.surface, "topic", topic, V3_BOOK_TOPICS)
        _casing.BITGET_V3_PUBLIC_STREAMS.check("instType", inst_type)
        from .._book import BitgetV3Applier, check_symbol, open_book, route_bitget

        check_symbol(symbol, "symbol", _casing.BITGET_V3_PUBLIC_STREAMS.surface)
        item = {"topic": topic, "payload": {"instType": inst_type, "symbol": symbol}}
        return open_book(
            self, route=route_bitget, key=("v3Public", inst_type, topic, symbol), topic=f"{topic}.{inst_type}.{symbol}",
            symbol=symbol, ws_key="v3Public", applier=BitgetV3Applier(incremental=topic == "books"),
            subscribe=partial(self.subscribe, item, "v3Public"), unsubscribe=partial(self.unsubscribe, item, "v3Public"),
            deliver=self._deliver, logger=self._logger,
        )


class WebsocketClientV2(_BitgetWebsocketClient):
    """Bitget V2 (Classic account) public and private streams.

    Usage::

        from bitsdk.bitget import WebsocketClientV2

        with WebsocketClientV2() as ws:
            ws.on("update", print)
            ws.subscribe_topic("SPOT", "ticker", "BTCUSDT")
            ws.wait(60)

    Takes the same options as :class:`WebsocketClientV3` (listed below).
    """

    WS_KEYS = ("v2Public", "v2Private")

    def subscribe_topic(self, inst_type: str, topic: str, coin_or_inst_id: str = "default") -> SubscribeFuture:
        """Subscribe one V2 channel, routed to ``v2Private`` for private channels.

        ``account``, ``account-crossed`` and ``account-isolated`` put the third argument in
        ``coin``; every other channel in ``instId``. ``"default"`` means all (private only).

        Args:
            inst_type: ``SPOT``, ``USDT-FUTURES``, ``USDC-FUTURES``, ``COIN-FUTURES``,
                upper-case (demo trading uses the same values with ``demo_trading=True``).
            topic: the channel, e.g. ``ticker``, ``books5``, ``orders``.
            coin_or_inst_id: the symbol or coin.
        """
        ws_key, arg = self._topic_arg(inst_type, topic, coin_or_inst_id)
        return self._subscribe_args(ws_key, [arg])

    def unsubscribe_topic(self, inst_type: str, topic: str, coin_or_inst_id: str = "default") -> None:
        """Unsubscribe a channel subscribed with :meth:`subscribe_topic`."""
        ws_key, arg = self._topic_arg(inst_type, topic, coin_or_inst_id)
        self._unsubscribe_args(ws_key, [arg])

    def subscribe(
        self, topics: Union[Mapping[str, Any], Iterable[Mapping[str, Any]]], ws_key: str
    ) -> SubscribeFuture:
        """Subscribe ``{"topic": channel, "payload": {...}}`` items on an explicit ws_key.

        Sent as ``{"op":"subscribe","args":[{"channel": ..., **payload}]}``.
        """
        return self._subscribe_args(ws_key, self._args(topics, ws_key, "channel"))

    def unsubscribe(self, topics: Union[Mapping[str, Any], Iterable[Mapping[str, Any]]], ws_key: str) -> None:
        """Unsubscribe items; they also leave the set replayed after a reconnect."""
        self._unsubscribe_args(ws_key, self._args(topics, ws_key, "channel"))

    def _topic_arg(self, inst_type: str, topic: str, coin_or_inst_id: str) -> Any:
        payload = {"instType": inst_type}
        self._check_payload(topic, payload, "")
        field = "coin" if topic in _V2_COIN_CHANNELS else "instId"
        ws_key = "v2Private" if topic in V2_PRIVATE_CHANNELS else "v2Public"
        return ws_key, {"instType": inst_type, "channel": topic, field: coin_or_inst_id}

    def _check_payload(self, topic: str, payload: Dict[str, Any], ws_key: str) -> None:
        if "instType" not in payload:
            return
        # The delisted S-prefixed demo types pass when spelled exactly: old code keeps running.
        _casing.check_product_type(_casing.BITGET_V2_STREAMS, "instType", payload["instType"], V2_INST_TYPES, strict=False)

    def order_book(self, inst_id: str, inst_type: str, channel: str = "books") -> OrderBook:
        """Subscribe a V2 book channel on ``v2Public`` and keep a verified local book of it.

        Every message that carries a ``checksum`` is verified (CRC-32 of the best 25 levels);
        otherwise updates follow the ``seq``/``pseq`` chain. ``books1``/``books5``/``books15``
        push snapshots only. A mismatch refreshes this channel alone. See the guide page
        "Order books".

        Args:
            inst_id: e.g. ``"BTCUSDT"`` (upper-case).
            inst_type: ``SPOT``, ``USDT-FUTURES``, ``USDC-FUTURES``, ``COIN-FUTURES``...
            channel: ``books`` (default), ``books1``, ``books5`` or ``books15``.

        Raises:
            InvalidParameterError: an unknown channel, instType casing or symbol.
        """
        _casing.check_choice(_casing.BITGET_V2_STREAMS.surface, "channel", channel, V2_BOOK_CHANNELS)
        _casing.BITGET_V2_STREAMS.check("instType", inst_type)
        from .._book import BitgetV2Applier, check_symbol, open_book, route_bitget

        check_symbol(inst_id, "inst_id", _casing.BITGET_V2_STREAMS.surface)
        return open_book(
            self, route=route_bitget, key=("v2Public", inst_type, channel, inst_id), topic=f"{channel}.{inst_type}.{inst_id}",
            symbol=inst_id, ws_key="v2Public", applier=BitgetV2Applier(incremental=channel == "books"),
            subscribe=partial(self.subscribe_topic, inst_type, channel, inst_id),
            unsubscribe=partial(self.unsubscribe_topic, inst_type, channel, inst_id),
            deliver=self._deliver, logger=self._logger,
        )


class WebsocketAPIClient(BaseWebsocketAPIClient):
    """Bitget V3 order entry over WebSocket (on ``v3Private``), one blocking call per command.

    Each helper sends one command, waits for the reply and returns it as a dict
    (``event``, ``id``, ``topic``, ``args``, ``code``, ``msg``...). For a future instead, use
    :meth:`send_ws_api_request`. A rejection raises :class:`~bitsdk.errors.APIError` with
    Bitget's code (a string such as ``"43012"``); no reply in time raises
    :class:`~bitsdk.errors.CommandTimeoutError`, a dropped connection
    :class:`~bitsdk.errors.ConnectionLostError` (outcome unknown, never resent: look the order
    up by ``clientOid``). A batch succeeds as a whole even when items fail: see
    :meth:`batch_errors`.

    Usage::

        with WebsocketAPIClient(api_key=K, api_secret=S, api_pass=P, demo_trading=True) as api:
            ack = api.submit_new_order("spot", {"symbol": "BTCUSDT", "side": "buy",
                                                "orderType": "limit", "qty": "0.001",
                                                "price": "20000", "timeInForce": "gtc"})

    The constructor takes the options of :class:`WebsocketClientV3`, listed below.
    """

    @checked_options
    def __init__(
        self,
        api_key: Optional[str] = None,
        api_secret: Optional[str] = None,
        api_pass: Optional[str] = None,
        *,
        demo_trading: bool = False,
        recv_window: int = WebsocketClientV3.DEFAULT_RECV_WINDOW,
        ws_url: Union[str, Mapping[str, str], None] = None,
        base_url: Optional[str] = None,
        ping_interval: float = WebsocketClientV3.DEFAULT_PING_INTERVAL,
        pong_timeout: float = WebsocketClientV3.DEFAULT_PONG_TIMEOUT,
        reconnect_backoff: Tuple[float, float] = (0.5, 30.0),
        connect_timeout: float = 10.0,
        command_timeout: float = 10.0,
        subscribe_timeout: float = 10.0,
        max_topics_per_connection: Optional[int] = WebsocketClientV3.DEFAULT_TOPICS_PER_CONNECTION,
        max_backlog: int = DEFAULT_MAX_BACKLOG,
        overflow: str = "drop_oldest",
        dispatcher: Optional[Dispatcher] = None,
        delivery: str = "dispatcher",
        event_queue: Optional[queue.Queue[Event]] = None,
        proxies: Optional[Mapping[str, str]] = None,
        logger: Optional[logging.Logger] = None,
        clock: Optional[Clock] = None,
    ):
        """Create a client; it connects and logs in ``v3Private`` on the first command (or
        :meth:`connect_ws_api`).

        The credentials may be passed positionally, in this order; every other option is
        keyword-only. All three credentials or none: a partial set is refused here. A
        misspelt option raises :class:`~bitsdk.errors.UnknownOptionError` naming the closest
        valid one.

        Args:
            api_key: UTA API key.
            api_secret: HMAC secret, or an RSA private key in PEM form.
            api_pass: the key's passphrase.
            demo_trading: use ``wss://wspap.bitget.com/v3/ws/private``.
            recv_window: as for :class:`WebsocketClientV3`.
            ws_url: as for :class:`WebsocketClientV3`.
            base_url: REST only; accepted (and ignored) so one options dict fits every client.
            ping_interval: as for :class:`WebsocketClientV3`.
            pong_timeout: as for :class:`WebsocketClientV3`.
            reconnect_backoff: as for :class:`WebsocketClientV3`.
            connect_timeout: seconds for the connect and for the login reply (10).
            command_timeout: default seconds a command waits for its reply (10).
            subscribe_timeout: as for :class:`WebsocketClientV3`.
            max_topics_per_connection: as for :class:`WebsocketClientV3`.
            max_backlog: as for :class:`WebsocketClientV3`.
            overflow: as for :class:`WebsocketClientV3`.
            dispatcher: as for :class:`WebsocketClientV3`.
            delivery: as for :class:`WebsocketClientV3`.
            event_queue: as for :class:`WebsocketClientV3`.
            proxies: a requests-style dict, as for the REST clients.
            logger: as for :class:`WebsocketClientV3`.
            clock: the :class:`~bitsdk.Clock` behind login and ``requestTime`` stamps; pass a
                REST client's ``clock`` to share its offset.

        Raises:
            bitsdk.errors.InvalidParameterError: credentials given only in part, or a bad
                option value.
            bitsdk.errors.UnknownOptionError: an option this client does not have.
        """
        sign.check(api_key, api_secret, api_pass)
        self._ws = WebsocketClientV3(**forward_options(WebsocketClientV3, locals()))

    _ws: WebsocketClientV3

    def get_ws_client(self) -> WebsocketClientV3:
        """The underlying :class:`WebsocketClientV3` (events: ``api.get_ws_client().on(...)``)."""
        return self._ws

    def send_ws_api_request(
        self,
        operation: str,
        category: Optional[str],
        params: Union[Mapping[str, Any], Sequence[Mapping[str, Any]]],
        *,
        timeout: Optional[float] = None,
        request_time: Union[bool, int, None] = None,
        receive_window: Optional[int] = None,
    ) -> CommandFuture:
        """Send one command on ``v3Private`` and return its future without waiting.

        The arguments are those of :meth:`WebsocketClientV3.send_ws_api_request` (``category``
        may be ``None`` for cancel and modify operations).
        """
        return self._ws.send_ws_api_request(
            "v3Private", operation, category, params,
            timeout=timeout, request_time=request_time, receive_window=receive_window,
        )

    def _call(self, operation: str, category: Optional[str], params: Any, timeout: Optional[float]) -> Dict[str, Any]:
        return self.send_ws_api_request(operation, category, params, timeout=timeout).result()

    def submit_new_order(self, category: str, order: Mapping[str, Any], *, timeout: Optional[float] = None) -> Dict[str, Any]:
        """Place one order (``place-order``)."""
        return self._call("place-order", category, [order], timeout)

    def place_batch_orders(
        self, category: str, orders: Sequence[Mapping[str, Any]], *, timeout: Optional[float] = None
    ) -> Dict[str, Any]:
        """Place several orders (``batch-place``); per-item codes: :meth:`batch_errors`."""
        return self._call("batch-place", category, self._list(orders), timeout)

    def cancel_order(
        self,
        *args: Any,
        category: Optional[str] = None,
        request: Optional[Mapping[str, Any]] = None,
        timeout: Optional[float] = None,
    ) -> Dict[str, Any]:
        """Cancel one order by ``orderId`` or ``clientOid`` (``cancel-order``).

        Call as ``cancel_order(request)``, ``cancel_order(request, category="spot")`` or
        ``cancel_order("spot", request)`` (keywords ``category=`` and ``request=`` work too).
        Without a category none is sent: Bitget finds the order by its id.
        """
        category, request = _category_and_payload("cancel_order", args, category, request)
        return self._call("cancel-order", category, [request], timeout)

    def cancel_batch_orders(
        self,
        *args: Any,
        category: Optional[str] = None,
        requests: Optional[Sequence[Mapping[str, Any]]] = None,
        timeout: Optional[float] = None,
    ) -> Dict[str, Any]:
        """Cancel several orders (``batch-cancel``); per-item codes: :meth:`batch_errors`.

        Call as ``cancel_batch_orders(requests)``, with ``category=`` or as
        ``cancel_batch_orders("spot", requests)``; ``requests`` is a list of dicts with
        ``orderId`` or ``clientOid``.
        """
        category, requests = _category_and_payload("cancel_batch_orders", args, category, requests)
        return self._call("batch-cancel", category, self._list(requests), timeout)

    def modify_order(
        self,
        *args: Any,
        category: Optional[str] = None,
        request: Optional[Mapping[str, Any]] = None,
        timeout: Optional[float] = None,
    ) -> Dict[str, Any]:
        """Modify one open order (``modify-order``).

        The request names the order by ``orderId`` or ``clientOid`` (with its ``symbol``) and
        carries the changes: ``qty``, ``price``, ``newClientOid``, ``autoCancel``... Call as
        ``modify_order(request)``, ``modify_order(request, category="usdt-futures")`` or
        ``modify_order("usdt-futures", request)``; without a category none is sent.
        """
        category, request = _category_and_payload("modify_order", args, category, request)
        return self._call("modify-order", category, [request], timeout)

    def batch_modify_orders(
        self,
        *args: Any,
        category: Optional[str] = None,
        requests: Optional[Sequence[Mapping[str, Any]]] = None,
        timeout: Optional[float] = None,
    ) -> Dict[str, Any]:
        """Modify several open orders (``batch-modify``); per-item codes: :meth:`batch_errors`.

        Each item is a :meth:`modify_order` request. Call as ``batch_modify_orders(requests)``,
        with ``category=`` or as ``batch_modify_orders("spot", requests)``.
        """
        category, requests = _category_and_payload("batch_modify_orders", args, category, requests)
        return self._call("batch-modify", category, self._list(requests), timeout)

    @staticmethod
    def _list(items: Any) -> List[Mapping[str, Any]]:
        if isinstance(items, Mapping) or not items:
            raise InvalidParameterError("pass a non-empty list of dicts")
        return list(items)

    @staticmethod
    def batch_errors(reply: Mapping[str, Any]) -> List[Dict[str, Any]]:
        """The failed items of a batch reply.

        Returns:
            ``[{"index": i, "code": ..., "msg": ..., "item": args_item}, ...]`` for each
            ``args[i]`` whose own ``code`` is present and not ``"0"``.
        """
        failed = []
        for i, item in enumerate(reply.get("args") or []):
            code = item.get("code") if isinstance(item, Mapping) else None
            if code is not None and str(code) != "0":
                failed.append({"index": i, "code": code, "msg": item.get("msg"), "item": item})
        return failed


def _category_and_payload(
    name: str, args: Tuple[Any, ...], category: Optional[str], payload: Any
) -> Tuple[Optional[str], Any]:
    """The command's category (or ``None``) and request(s), from any of the accepted call styles:
    ``(request)`` or ``(request=...)`` with an optional ``category=``, or ``(category, request)``."""
    if payload is not None:
        if len(args) == 0:
            return category, payload
        if len(args) == 1 and (args[0] is None or isinstance(args[0], str)) and category is None:
            return args[0], payload
    elif len(args) == 1 and not isinstance(args[0], str):
        return category, args[0]
    elif len(args) == 2 and (args[0] is None or isinstance(args[0], str)) and category is None:
        return args[0], args[1]
    raise InvalidParameterError(
        f"call {name}(request), {name}(request, category='spot') or {name}('spot', request)"
    )


def _check_receive_window(value: Any, name: str) -> None:
    low, high = RECEIVE_WINDOW_RANGE
    if value.__class__ is int:
        ms: Optional[int] = value
    elif isinstance(value, str) and value.isascii() and value.isdigit():
        ms = int(value)
    else:
        ms = None
    if ms is None or not low <= ms <= high:
        raise InvalidParameterError(f"{name} is a whole number of milliseconds from {low} to {high}; got {value!r}")
