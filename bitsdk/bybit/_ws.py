"""Bybit V5 streams (:class:`WebsocketClient`) and order entry over WebSocket
(:class:`WebsocketAPIClient`).

Only what is Bybit's lives here: URLs, the ``auth`` frame, ping/pong shapes, subscribe frames
and batch limits, topic routing and message classification. Connection threads, heartbeats,
reconnects, the dispatcher and command futures are the engine's (:mod:`bitsdk._ws`).
"""

from __future__ import annotations

import logging
import queue
import re
from functools import partial
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from .. import _casing
from .._clock import Clock
from .._futures import CommandFuture, new_request_id
from .._options import checked_options, forward_options
from .._ws import (
    DEFAULT_MAX_BACKLOG, BaseWebsocketAPIClient, BaseWebsocketClient, Dispatcher, ShardLimits, SubReply,
    SubscribeFuture, WsKeyMap, _compact,
)
from ..errors import APIError, AuthenticationError, InvalidParameterError
from ..events import Event
from . import _sign as sign
from ._env import resolve_environment

if TYPE_CHECKING:  # the book module loads on the first order_book() call
    from .._book import OrderBook

__all__ = ["WS_KEY_MAP", "WebsocketClient", "WebsocketAPIClient", "is_ws_orderbook_event_v5"]

WS_KEY_MAP = WsKeyMap(
    "v5SpotPublic",
    "v5LinearPublic",
    "v5InversePublic",
    "v5OptionPublic",
    "v5SpreadPublic",
    "v5EventPublic",
    "v5Private",
    "v5PrivateTrade",
)

_PATHS = {
    "v5SpotPublic": "/v5/public/spot",
    "v5LinearPublic": "/v5/public/linear",
    "v5InversePublic": "/v5/public/inverse",
    "v5OptionPublic": "/v5/public/option",
    "v5SpreadPublic": "/v5/public/spread",
    "v5EventPublic": "/v5/public/event",
    "v5Private": "/v5/private",
    "v5PrivateTrade": "/v5/trade",
}

_PUBLIC_KEY_BY_CATEGORY = {
    "spot": "v5SpotPublic",
    "linear": "v5LinearPublic",
    "inverse": "v5InversePublic",
    "option": "v5OptionPublic",
    "spread": "v5SpreadPublic",
    "event": "v5EventPublic",  # event contracts
}
_STREAM_CATEGORIES = _casing.BYBIT_V5_STREAMS.choices["category"]
_ORDERBOOK_DEPTHS = {
    "spot": ("1", "50", "200", "1000"),
    "linear": ("1", "50", "200", "1000"),
    "inverse": ("1", "50", "200", "1000"),
    "option": ("25", "100"),
}

#: Topic names that always go to ``v5Private`` (bybit.md §4.3); other private topics
#: (``spread.order``, RFQ) need ``is_private_topic=True``.
PRIVATE_TOPICS = frozenset(
    """position position.linear position.inverse position.option execution execution.spot
    execution.linear execution.inverse execution.option execution.fast execution.fast.linear
    execution.fast.inverse execution.fast.spot execution.fast.option order order.spot
    order.linear order.inverse order.option wallet greeks dcp.future dcp.spot dcp.option
    strategy""".split()
)

#: The WebSocket API operations (bybit.md §5.2); a frame with one of these ``op`` is a reply.
WS_API_OPS = frozenset(
    ("order.create", "order.amend", "order.cancel", "order.create-batch", "order.amend-batch", "order.cancel-batch")
)

# Bybit's per-connection limits (bybit.md §4.6): 21,000 characters of args on every public
# connection, 10 args per spot request, 2,000 args per option connection; 500 args per
# request elsewhere is the SDK's own choice. Private and trade keys stay on one connection.
_PUBLIC_CHARS = 21_000
_LIMITS = {
    "v5SpotPublic": ShardLimits(max_arg_chars=_PUBLIC_CHARS, max_args_per_frame=10),
    "v5OptionPublic": ShardLimits(max_topics=2000, max_arg_chars=_PUBLIC_CHARS, max_args_per_frame=500),
}
_OTHER_PUBLIC = ShardLimits(max_arg_chars=_PUBLIC_CHARS, max_args_per_frame=500)
_ONE_CONNECTION = ShardLimits(max_args_per_frame=500, shards=False)
_FAILED_TOPIC = re.compile(r"topic:\s*([^\s,;\[\]]+)")


def is_ws_orderbook_event_v5(event_or_data: Any) -> bool:
    """True for an order-book snapshot or delta (accepts an :class:`Event` or its data dict)."""
    data = event_or_data.data if isinstance(event_or_data, Event) else event_or_data
    if not isinstance(data, Mapping):
        return False
    topic = data.get("topic")
    return isinstance(topic, str) and topic.startswith("orderbook") and data.get("type") in ("snapshot", "delta")


def _check_category(category: Any) -> str:
    checked: str = _casing.BYBIT_WS_API.check("category", category)  # strict: one of the str choices
    return checked


def _as_list(topics: Union[str, Iterable[str]]) -> List[str]:
    if isinstance(topics, str):
        return [topics]
    items = list(topics)
    for topic in items:
        if not isinstance(topic, str) or not topic:
            raise InvalidParameterError(f"Bybit topics are non-empty strings such as 'tickers.BTCUSDT'; got {topic!r}")
    return items


class WebsocketClient(BaseWebsocketClient):
    """Bybit V5 public and private streams, and the raw WebSocket API.

    One connection per ``ws_key`` (see :data:`WS_KEY_MAP`), opened by the first subscribe.
    Subscriptions are owned by the client: after a reconnect it logs in again with a fresh
    signature and resubscribes everything, in batches (spot: 10 topics per frame).

    Usage::

        from bitsdk.bybit import WebsocketClient

        with WebsocketClient() as ws:
            ws.on("update", lambda ev: print(ev.data["topic"], ev.data["data"]))
            ws.subscribe_v5(["orderbook.50.BTCUSDT", "publicTrade.BTCUSDT"], "linear")
            ws.wait(60)

    The constructor options are listed below.
    """

    EXCHANGE = "bybit"
    WS_KEYS = tuple(WS_KEY_MAP)
    EXCHANGE_KEYS = WS_KEYS
    PRIVATE_KEYS = frozenset(("v5Private", "v5PrivateTrade"))
    COMMAND_KEYS = frozenset(("v5PrivateTrade",))
    DEFAULT_PING_INTERVAL = 20.0
    DEFAULT_PONG_TIMEOUT = 10.0
    DEFAULT_RECV_WINDOW = 5000
    PING_FRAME = '{"op":"ping"}'

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
        recv_window: int = DEFAULT_RECV_WINDOW,
        ws_url: Union[str, Mapping[str, str], None] = None,
        base_url: Optional[str] = None,
        ping_interval: float = DEFAULT_PING_INTERVAL,
        pong_timeout: float = DEFAULT_PONG_TIMEOUT,
        reconnect_backoff: Tuple[float, float] = (0.5, 30.0),
        connect_timeout: float = 10.0,
        command_timeout: float = 10.0,
        subscribe_timeout: float = 10.0,
        max_topics_per_connection: Optional[int] = None,
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

        ``api_key`` and ``api_secret`` may be passed positionally, in that order, as on every
        bitsdk client (REST and WebSocket); every other option is keyword-only. Both or
        neither: a key without its secret (or the reverse) is refused here. A misspelt option
        raises :class:`~bitsdk.errors.UnknownOptionError` naming the closest valid one.

        Args:
            api_key: API key (private topics and the WebSocket API only).
            api_secret: HMAC secret, or an RSA private key in PEM form.
            testnet: use the testnet hosts (``stream-testnet.bybit.com``, whatever the region).
            demo_trading: demo trading: the private stream goes to ``stream-demo.bybit.com``;
                public data stays on ``stream.bybit.com``. Bybit has no WebSocket API in demo
                trading. Cannot be combined with ``testnet``.
            api_region: a regional site, as for the REST client (``"TK"``, ``"KZ"``, ``"HK"``,
                ``"GE"``, ``"ID"``, ``"JP"`` have their own live stream hosts; the other keys
                use ``stream.bybit.com``). Paths are unchanged; testnet and demo ignore it.
                ``"HK"`` also sends ``x-refer-site-id: HKG`` on the handshake.
            site_id: your site id, sent as the ``x-site-id`` header on every handshake.
            recv_window: milliseconds added to the auth ``expires`` and sent with commands (5000).
            ws_url: one URL for every connection, or ``{ws_key: url}`` for some of them.
            base_url: REST only; accepted (and ignored) so one options dict fits every client.
            ping_interval: seconds between ``{"op":"ping"}`` heartbeats (20).
            pong_timeout: seconds without any frame after a ping before the link is declared
                dead and replaced (10).
            reconnect_backoff: ``(initial, max)`` seconds of the jittered exponential backoff of
                connections that fail fast ((0.5, 30)); a healthy connection reconnects at once.
            connect_timeout: seconds for the connect and for the login reply (10).
            command_timeout: default seconds a WebSocket API command waits for its reply (10).
            subscribe_timeout: seconds a subscribe waits for its ack before one resend (10).
            max_topics_per_connection: topics per public connection before another is opened
                (default ``None``: only Bybit's limits, 21,000 characters of args; option:
                2,000 args).
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
            logger: a :class:`logging.Logger` (default ``bitsdk.bybit.ws``).
            clock: the :class:`~bitsdk.Clock` behind auth and command timestamps; pass a REST
                client's ``clock`` to share its offset and syncs (default: the client's own).

        Raises:
            bitsdk.errors.InvalidParameterError: only one of key and secret, ``testnet``
                together with ``demo_trading``, an unknown ``api_region``, or a bad option value.
            bitsdk.errors.UnknownOptionError: an option this client does not have.
        """
        sign.check(api_key, api_secret)
        self._env = resolve_environment(
            testnet=testnet, demo_trading=demo_trading, api_region=api_region, site_id=site_id
        )
        self._demo_trading = self._env.demo_trading
        self._site_headers = self._env.headers()
        super().__init__(**forward_options(BaseWebsocketClient, locals()))

    # ------------------------------------------------------------------ public API

    def subscribe_v5(
        self, topics: Union[str, Iterable[str]], category: Optional[str] = None, is_private_topic: bool = False
    ) -> SubscribeFuture:
        """Subscribe to V5 topics; each goes to the connection its category (or privacy) needs.

        Private topic names (``order``, ``execution``, ``position``, ``wallet``, ...) go to
        ``v5Private`` whatever the category; other private topics (``spread.order``, RFQ)
        need ``is_private_topic=True``. Topics already subscribed are not sent again.

        Args:
            topics: one topic or a list, e.g. ``"orderbook.50.BTCUSDT"``.
            category: ``spot``, ``linear``, ``inverse``, ``option``, ``spread`` or ``event``
                (event contracts, on ``v5EventPublic``); needed for public topics.
            is_private_topic: route every topic to ``v5Private``.

        Returns:
            a future: ``.result(timeout)`` waits until Bybit acknowledged the topics.

        Raises:
            InvalidParameterError: bad category casing, missing category, bad orderbook depth.
            MissingCredentialsError: a private topic on a client without keys.
        """
        return self._subscribe_routed(self._route_topics(topics, category, is_private_topic))

    def unsubscribe_v5(
        self, topics: Union[str, Iterable[str]], category: Optional[str] = None, is_private_topic: bool = False
    ) -> None:
        """Unsubscribe topics; they also leave the set replayed after a reconnect."""
        for ws_key, items in self._route_topics(topics, category, is_private_topic, check=False).items():
            self._unsubscribe_args(ws_key, items)

    def subscribe(self, topics: Union[str, Iterable[str]], ws_key: str) -> SubscribeFuture:
        """Subscribe topics on an explicit connection (no routing)."""
        self._check_key(ws_key)
        return self._subscribe_args(ws_key, _as_list(topics))

    def unsubscribe(self, topics: Union[str, Iterable[str]], ws_key: str) -> None:
        """Unsubscribe topics on an explicit connection."""
        self._check_key(ws_key)
        self._unsubscribe_args(ws_key, _as_list(topics))

    def connect_ws_api(self, timeout: Optional[float] = None) -> None:
        """Connect and authenticate ``v5PrivateTrade`` now, blocking until ready.

        Raises:
            NotConnectedError: not ready within ``timeout`` (default: ``connect_timeout``).
            AuthenticationError: the login was rejected.
        """
        self._refuse_demo_ws_api()
        self.connect("v5PrivateTrade", self._connect_timeout if timeout is None else timeout)

    def send_ws_api_request(
        self, ws_key: str, op: str, params: Mapping[str, Any], *, timeout: Optional[float] = None
    ) -> CommandFuture:
        """Send one WebSocket API command and return its future at once.

        The command is registered before it is written and is never resent. Call
        ``future.result()`` to block for the acknowledgement (it raises
        :class:`~bitsdk.errors.APIError` with Bybit's ``retCode`` on a rejection).

        Args:
            ws_key: ``"v5PrivateTrade"``.
            op: ``order.create``, ``order.amend``, ``order.cancel``, ``order.create-batch``,
                ``order.amend-batch`` or ``order.cancel-batch``.
            params: the same parameters as the REST endpoint.
            timeout: seconds to wait for the connection and then for the reply
                (default ``command_timeout``).

        Raises:
            InvalidParameterError: unknown op or ws_key, bad category, or demo trading.
            NotConnectedError: the connection was not ready within ``timeout``; nothing sent.
        """
        self._refuse_demo_ws_api()
        if ws_key != "v5PrivateTrade":
            self._check_key(ws_key)
            raise InvalidParameterError(f"the WebSocket API runs on ws_key 'v5PrivateTrade', not {ws_key!r}")
        if op not in WS_API_OPS:
            raise InvalidParameterError(f"unknown WebSocket API op {op!r}; ops: {', '.join(sorted(WS_API_OPS))}")
        if params.__class__ is not dict and not isinstance(params, Mapping):
            raise InvalidParameterError("params must be a dict of the endpoint's parameters")
        if "category" in params:
            _check_category(params["category"])
        request_id = new_request_id()
        frame = {
            "reqId": request_id,
            "header": {"X-BAPI-TIMESTAMP": str(self._now_ms()), "X-BAPI-RECV-WINDOW": str(self._recv_window)},
            "op": op,
            "args": [dict(params)],
        }
        return self._send_command(ws_key, (op, request_id), request_id, op, frame, timeout)

    # ------------------------------------------------------------------ engine hooks

    def _refuse_demo_ws_api(self) -> None:
        if self._demo_trading:
            raise InvalidParameterError(
                "Bybit offers no WebSocket API in demo trading; place demo orders with "
                "RestClientV5(demo_trading=True), or use testnet=True for the WebSocket API"
            )

    def _default_url(self, ws_key: str) -> str:
        if ws_key == "v5PrivateTrade" and self._demo_trading:
            self._refuse_demo_ws_api()
        return self._env.ws_host(private_stream=ws_key == "v5Private") + _PATHS[ws_key]

    def _handshake_headers(self, ws_key: str) -> Dict[str, str]:
        return self._site_headers

    def _route_topics(
        self, topics: Union[str, Iterable[str]], category: Optional[str], is_private: bool, check: bool = True
    ) -> Dict[str, List[str]]:
        routed: Dict[str, List[str]] = {}
        for topic in _as_list(topics):
            if is_private or topic in PRIVATE_TOPICS:
                ws_key = "v5Private"
            else:
                if category is None:
                    raise InvalidParameterError(
                        f"public topic {topic!r} needs a category: one of {', '.join(_STREAM_CATEGORIES)}"
                    )
                category = _casing.BYBIT_V5_STREAMS.check("category", category)
                ws_key = _PUBLIC_KEY_BY_CATEGORY[category]
                if check and topic.startswith("orderbook."):
                    parts = topic.split(".")
                    depths = _ORDERBOOK_DEPTHS.get(category)
                    if len(parts) == 3 and parts[1].isdigit() and depths and parts[1] not in depths:
                        raise InvalidParameterError(
                            f"orderbook depth {parts[1]} is not offered for {category}; use one of "
                            f"{', '.join(depths)} (e.g. 'orderbook.{depths[1]}.{parts[2]}')"
                        )
            routed.setdefault(ws_key, []).append(topic)
        return routed

    def _sub_frame(self, ws_key: str, op: str, args: List[Any], req_id: str) -> str:
        return _compact({"req_id": req_id, "op": op, "args": args})

    def _limits(self, ws_key: str) -> ShardLimits:
        if ws_key in self.PRIVATE_KEYS:
            return _ONE_CONNECTION
        return _LIMITS.get(ws_key, _OTHER_PUBLIC)

    def _sub_reply(self, ws_key: str, msg: Any) -> Optional[SubReply]:
        if msg.get("type") == "COMMAND_RESP":  # option/spread: lists per topic, maybe no req_id
            data = msg.get("data") or {}
            reason = str(msg.get("ret_msg") or "refused by Bybit (failTopics)")
            return SubReply(
                req_id=msg.get("req_id"),
                confirmed=list(data.get("successTopics") or ()),
                rejected={topic: reason for topic in data.get("failTopics") or ()},
            )
        if msg.get("op") != "subscribe":
            return None
        req_id = msg.get("req_id")
        if msg.get("success") is not False:
            return SubReply(req_id=req_id)
        # "error:handler not found,topic:orderbook.40.BTCUSDT": the other topics of the
        # request were subscribed; "already subscribed" means live.
        text = str(msg.get("ret_msg") or "subscribe rejected")
        if "already subscribed" in text:
            return SubReply(req_id=req_id)
        names = _FAILED_TOPIC.findall(text)
        if not names:
            return SubReply(req_id=req_id, reason=text)
        return SubReply(req_id=req_id, rejected={name: text for name in names})

    def _login_frame(self, ws_key: str) -> str:
        # _require_credentials ran before any private connect.
        expires = self._now_ms() + self._recv_window
        return _compact({"req_id": new_request_id(), "op": "auth", "args": sign.auth_args(self._credentials, expires)})

    def _login_verdict(self, msg: Any) -> Any:
        if msg.get("op") != "auth":
            return None
        code = msg.get("retCode")
        if msg.get("success") is not False and code in (0, None):
            return True
        text = msg.get("ret_msg") or msg.get("retMsg") or "login rejected"
        return AuthenticationError(f"Bybit rejected the WebSocket login: {text}", code=code, body=msg, method="auth")

    def _is_control(self, conn: Any, raw: str) -> bool:
        # Every pong shape of bybit.md §4.5; swallowed, but it counts as a sign of life.
        return 'pong"' in raw and ('"op":"pong"' in raw or '"ret_msg":"pong"' in raw)

    def _route(self, ws_key: str, msg: Any) -> Optional[Event]:
        if "topic" in msg:
            return Event("update", ws_key, msg)
        op = msg.get("op")
        if op in WS_API_OPS:
            code = msg.get("retCode")
            error = None
            if code != 0:
                error = APIError(f"{op} rejected: {msg.get('retMsg')}", code=code, body=msg, method=op)
            return self._command_reply(ws_key, (op, msg.get("reqId")), msg, error)
        if op == "pong" or op == "ping":
            return None
        code = msg.get("retCode")
        if msg.get("success") is False or code not in (0, None):
            text = msg.get("ret_msg") or msg.get("retMsg") or "request failed"
            return Event("exception", ws_key, msg, error=APIError(str(text), code=code, body=msg, method=op))
        if op is not None or msg.get("type") == "COMMAND_RESP":
            return Event("response", ws_key, msg)
        return Event("update", ws_key, msg)

    def order_book(self, symbol: str, category: str, depth: int = 50) -> OrderBook:
        """Subscribe ``orderbook.{depth}.{symbol}`` and keep a verified local book of it.

        Snapshots replace the book, each delta's ``u`` must follow the last one, ``u = 1``
        (a service restart) replaces the book; a gap refreshes this topic alone. See the guide
        page "Order books". Calling it again for the same topic returns the same book.

        Args:
            symbol: e.g. ``"BTCUSDT"`` (upper-case).
            category: ``spot``, ``linear``, ``inverse`` or ``option``.
            depth: 1, 50, 200 or 1000 (option: 25 or 100).

        Raises:
            InvalidParameterError: a depth the category does not offer, a bad category or symbol.
        """
        category = _casing.check_choice(_casing.BYBIT_V5_STREAMS.surface, "category", category, tuple(_ORDERBOOK_DEPTHS))
        depths = _ORDERBOOK_DEPTHS[category]
        if isinstance(depth, bool) or not isinstance(depth, int) or str(depth) not in depths:
            raise InvalidParameterError(f"depth must be one of {', '.join(depths)} for {category} order books; got {depth!r}")
        from .._book import BybitApplier, check_symbol, open_book, route_bybit

        check_symbol(symbol, "symbol", _casing.BYBIT_V5_STREAMS.surface)
        topic, ws_key = f"orderbook.{depth}.{symbol}", _PUBLIC_KEY_BY_CATEGORY[category]
        return open_book(
            self, route=route_bybit, key=(ws_key, topic), topic=topic, symbol=symbol, ws_key=ws_key,
            applier=BybitApplier(), subscribe=partial(self.subscribe_v5, topic, category),
            unsubscribe=partial(self.unsubscribe_v5, topic, category), deliver=self._deliver, logger=self._logger,
        )


class WebsocketAPIClient(BaseWebsocketAPIClient):
    """Bybit V5 order entry over WebSocket (``v5PrivateTrade``), one blocking call per command.

    Each helper sends one command, waits for Bybit's acknowledgement and returns the reply
    dict (``retCode``, ``retMsg``, ``data``, ``retExtInfo``, ``header``...). For a future
    instead, use :meth:`send_ws_api_request`. A rejection raises
    :class:`~bitsdk.errors.APIError` with Bybit's ``retCode``; no reply in time raises
    :class:`~bitsdk.errors.CommandTimeoutError` and a dropped connection
    :class:`~bitsdk.errors.ConnectionLostError` (both: outcome unknown, never resent; look the
    order up by ``orderLinkId``). The acknowledgement is not a fill: follow the ``order`` and
    ``execution`` streams.

    Usage::

        with WebsocketAPIClient(api_key=KEY, api_secret=SECRET, testnet=True) as api:
            ack = api.submit_new_order(category="linear", symbol="BTCUSDT", side="Buy",
                                       orderType="Limit", qty="0.001", price="20000")

    The constructor takes the options of :class:`WebsocketClient`, listed below.
    """

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
        recv_window: int = WebsocketClient.DEFAULT_RECV_WINDOW,
        ws_url: Union[str, Mapping[str, str], None] = None,
        base_url: Optional[str] = None,
        ping_interval: float = WebsocketClient.DEFAULT_PING_INTERVAL,
        pong_timeout: float = WebsocketClient.DEFAULT_PONG_TIMEOUT,
        reconnect_backoff: Tuple[float, float] = (0.5, 30.0),
        connect_timeout: float = 10.0,
        command_timeout: float = 10.0,
        subscribe_timeout: float = 10.0,
        max_topics_per_connection: Optional[int] = None,
        max_backlog: int = DEFAULT_MAX_BACKLOG,
        overflow: str = "drop_oldest",
        dispatcher: Optional[Dispatcher] = None,
        delivery: str = "dispatcher",
        event_queue: Optional[queue.Queue[Event]] = None,
        proxies: Optional[Mapping[str, str]] = None,
        logger: Optional[logging.Logger] = None,
        clock: Optional[Clock] = None,
    ):
        """Create a client; it connects and authenticates ``v5PrivateTrade`` on the first
        command (or :meth:`connect_ws_api`).

        The credentials may be passed positionally, in this order; every other option is
        keyword-only. Both or neither: a key without its secret (or the reverse) is refused
        here. A misspelt option raises :class:`~bitsdk.errors.UnknownOptionError` naming the
        closest valid one.

        Args:
            api_key: API key.
            api_secret: HMAC secret or RSA private key (PEM).
            testnet: use ``wss://stream-testnet.bybit.com/v5/trade``.
            demo_trading: refused: Bybit has no WebSocket API in demo trading.
            api_region: a regional site (see :class:`WebsocketClient`), e.g. ``"JP"`` trades
                on ``wss://stream.manepa.jp/v5/trade``.
            site_id: your site id, sent as the ``x-site-id`` header on the handshake.
            recv_window: milliseconds added to the auth ``expires`` and sent with each
                command (5000).
            ws_url: as for :class:`WebsocketClient`.
            base_url: REST only; accepted (and ignored) so one options dict fits every client.
            ping_interval: as for :class:`WebsocketClient`.
            pong_timeout: as for :class:`WebsocketClient`.
            reconnect_backoff: as for :class:`WebsocketClient`.
            connect_timeout: seconds for the connect and for the auth reply (10).
            command_timeout: default seconds a command waits for its reply (10).
            subscribe_timeout: as for :class:`WebsocketClient`.
            max_topics_per_connection: as for :class:`WebsocketClient`.
            max_backlog: as for :class:`WebsocketClient`.
            overflow: as for :class:`WebsocketClient`.
            dispatcher: as for :class:`WebsocketClient`.
            delivery: as for :class:`WebsocketClient`.
            event_queue: as for :class:`WebsocketClient`.
            proxies: a requests-style dict, as for the REST clients.
            logger: as for :class:`WebsocketClient`.
            clock: the :class:`~bitsdk.Clock` behind auth and command timestamps; pass a REST
                client's ``clock`` to share its offset.

        Raises:
            bitsdk.errors.InvalidParameterError: ``demo_trading=True``, only one of key and
                secret, an unknown ``api_region``, or a bad option value.
            bitsdk.errors.UnknownOptionError: an option this client does not have.
        """
        sign.check(api_key, api_secret)
        # The shared checks first, so testnet+demo gets the same message as everywhere.
        resolve_environment(testnet=testnet, demo_trading=demo_trading, api_region=api_region, site_id=site_id)
        if demo_trading:
            raise InvalidParameterError(
                "Bybit offers no WebSocket API in demo trading; place demo orders with "
                "RestClientV5(demo_trading=True), or use testnet=True for the WebSocket API"
            )
        self._ws = WebsocketClient(**forward_options(WebsocketClient, locals()))

    _ws: WebsocketClient

    def get_ws_client(self) -> WebsocketClient:
        """The underlying :class:`WebsocketClient` (events: ``api.get_ws_client().on(...)``)."""
        return self._ws

    def send_ws_api_request(
        self, op: str, params: Mapping[str, Any], *, timeout: Optional[float] = None
    ) -> CommandFuture:
        """Send one command on ``v5PrivateTrade`` and return its future without waiting."""
        return self._ws.send_ws_api_request("v5PrivateTrade", op, params, timeout=timeout)

    def _call(self, op: str, params: Mapping[str, Any], timeout: Optional[float]) -> Dict[str, Any]:
        return self.send_ws_api_request(op, params, timeout=timeout).result()

    def submit_new_order(
        self, params: Optional[Mapping[str, Any]] = None, /, *, timeout: Optional[float] = None, **kwargs: Any
    ) -> Dict[str, Any]:
        """Place an order (``order.create``); parameters as REST ``submit_order``."""
        return self._call("order.create", {**(params or {}), **kwargs}, timeout)

    def amend_order(
        self, params: Optional[Mapping[str, Any]] = None, /, *, timeout: Optional[float] = None, **kwargs: Any
    ) -> Dict[str, Any]:
        """Amend an order (``order.amend``); parameters as REST ``amend_order``."""
        return self._call("order.amend", {**(params or {}), **kwargs}, timeout)

    def cancel_order(
        self, params: Optional[Mapping[str, Any]] = None, /, *, timeout: Optional[float] = None, **kwargs: Any
    ) -> Dict[str, Any]:
        """Cancel an order (``order.cancel``); parameters as REST ``cancel_order``."""
        return self._call("order.cancel", {**(params or {}), **kwargs}, timeout)

    def batch_submit_orders(
        self, category: str, orders: List[Mapping[str, Any]], *, timeout: Optional[float] = None
    ) -> Dict[str, Any]:
        """Place several orders (``order.create-batch``); per-item results: :meth:`batch_errors`."""
        return self._call("order.create-batch", self._batch(category, orders), timeout)

    def batch_amend_order(
        self, category: str, orders: List[Mapping[str, Any]], *, timeout: Optional[float] = None
    ) -> Dict[str, Any]:
        """Amend several orders (``order.amend-batch``)."""
        return self._call("order.amend-batch", self._batch(category, orders), timeout)

    def batch_cancel_order(
        self, category: str, orders: List[Mapping[str, Any]], *, timeout: Optional[float] = None
    ) -> Dict[str, Any]:
        """Cancel several orders (``order.cancel-batch``)."""
        return self._call("order.cancel-batch", self._batch(category, orders), timeout)

    @staticmethod
    def _batch(category: str, orders: List[Mapping[str, Any]]) -> Dict[str, Any]:
        _check_category(category)
        if isinstance(orders, Mapping) or not orders:
            raise InvalidParameterError("orders must be a non-empty list of dicts")
        return {"category": category, "request": [dict(o) for o in orders]}

    @staticmethod
    def batch_errors(reply: Mapping[str, Any]) -> List[Dict[str, Any]]:
        """The failed items of a batch reply (a batch succeeds as a whole even if items fail).

        Returns:
            ``[{"index": i, "code": ..., "msg": ..., "item": data_item}, ...]`` for each item
            whose ``retExtInfo.list[i].code`` is not 0.
        """
        infos = ((reply.get("retExtInfo") or {}).get("list")) or []
        items = ((reply.get("data") or {}).get("list")) or []
        failed = []
        for i, info in enumerate(infos):
            if info.get("code") not in (0, None):
                failed.append({"index": i, "code": info.get("code"), "msg": info.get("msg"), "item": items[i] if i < len(items) else None})
        return failed

