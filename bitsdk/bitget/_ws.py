"""Bitget streams (:class:`WebsocketClientV3`, :class:`WebsocketClientV2`) and V3 order entry
over WebSocket (:class:`WebsocketAPIClient`).

Only what is Bitget's lives here: URLs, the ``login`` frame, the text ``ping``/``pong``,
subscribe frames (15 per frame, at most 10 frames a second), casing rules and message
classification. Threads, heartbeats, reconnects, the dispatcher and command futures are the
engine's (:mod:`bitsdk._ws`).
"""

from __future__ import annotations

from functools import partial
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from .._book import BitgetV2Applier, BitgetV3Applier, OrderBook, check_symbol, open_book, route_bitget
from .._futures import CommandFuture, new_request_id
from .._ws import BaseWebsocketAPIClient, BaseWebsocketClient, WsKeyMap, _compact, check_choice
from ..errors import APIError, AuthenticationError, InvalidParameterError
from ..events import Event

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

V3_PUBLIC_INST_TYPES = ("spot", "usdt-futures", "usdc-futures", "coin-futures")
V3_PRIVATE_TOPICS = frozenset(("account", "position", "fill", "order", "strategy-order"))
V2_INST_TYPES = (
    "SPOT",
    "MARGIN",
    "USDT-FUTURES",
    "USDC-FUTURES",
    "COIN-FUTURES",
    "SUSDT-FUTURES",
    "SUSDC-FUTURES",
    "SCOIN-FUTURES",
)
#: V2 channels that route to ``v2Private`` (bitget.md §4.9, incl. the V1/V3 names the SDK checks).
V2_PRIVATE_CHANNELS = frozenset(
    """account orders positions orders-algo positions-history account-crossed account-isolated
    orders-crossed orders-isolated fill ordersAlgo position order strategy-order""".split()
)
_V2_COIN_CHANNELS = frozenset(("account", "account-crossed", "account-isolated"))
V3_BOOK_TOPICS = ("books", "books1", "books5", "books50")  # bitget.md §0 item 9
V2_BOOK_CHANNELS = ("books", "books1", "books5", "books15")
WS_API_CATEGORIES = V3_PUBLIC_INST_TYPES  # the WebSocket API spells categories like V3 streams

_BATCH = 15  # topics per subscribe frame
_PACE = 0.1  # Bitget allows 10 messages per second per connection


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
    DEFAULT_PING_INTERVAL = 25.0
    DEFAULT_PONG_TIMEOUT = 10.0
    DEFAULT_RECV_WINDOW = 0
    SUBSCRIBE_PACE = _PACE
    PING_FRAME = "ping"
    NEEDS_PASS = True

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        api_secret: Optional[str] = None,
        api_pass: Optional[str] = None,
        demo_trading: bool = False,
        recv_window: int = 0,
        **options: Any,
    ):
        self._demo_trading = bool(demo_trading)
        super().__init__(api_key=api_key, api_secret=api_secret, api_pass=api_pass, recv_window=recv_window, **options)

    def _default_url(self, ws_key: str) -> str:
        return (_DEMO if self._demo_trading else _LIVE) + _PATHS[ws_key]

    def _sub_frames(self, ws_key: str, op: str, args: List[Any]) -> List[str]:
        return [_compact({"op": op, "args": args[i : i + _BATCH]}) for i in range(0, len(args), _BATCH)]

    def _login_frame(self, ws_key: str) -> str:
        creds = self._credentials
        assert creds.signer is not None  # _require_credentials ran before any private connect
        # Seconds, rounded half up like the JS SDK; a JSON number on the wire.
        ts = (self._now_ms() + self._recv_window + 500) // 1000
        sign = creds.signer.sign_base64(f"{ts}GET/user/verify")
        return _compact(
            {"op": "login", "args": [{"apiKey": creds.api_key, "passphrase": creds.api_pass, "timestamp": ts, "sign": sign}]}
        )

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
        if req_id.__class__ is str:  # a WebSocket API reply (V3)
            error = None
            if str(code) != "0":
                # Error replies carry no topic: name the command from the pending table.
                pending = self._pending.peek(req_id)
                op = pending.op if pending is not None else (msg.get("topic") or "command")
                error = APIError(f"{op} rejected: {msg.get('msg')}", code=code, body=msg, method=op)
            return self._command_reply(ws_key, req_id, msg, error)
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

    Args:
        api_key, api_secret, api_pass: UTA API credentials (private topics, WS API);
            ``api_secret`` may be an RSA private key in PEM form.
        demo_trading: use the ``wspap.bitget.com`` demo hosts.
        recv_window: milliseconds added to the login timestamp (0).
        ws_url: one URL for every connection, or ``{ws_key: url}`` (any Bitget ws_key).
        base_url: REST only; accepted (and ignored) so one options dict fits every client.
        ping_interval: seconds between text ``ping`` heartbeats (25).
        pong_timeout: seconds without any frame after a ping before the link is replaced (10).
        reconnect_backoff: ``(initial, max)`` seconds of the jittered backoff ((0.5, 30)).
        connect_timeout: seconds for the connect and for the login reply (10).
        command_timeout: default seconds a WebSocket API command waits for its reply (10).
        event_queue: a :class:`queue.Queue` that receives every event.
        proxies: a proxy URL or a requests-style dict.
        logger: a :class:`logging.Logger` (default ``bitsdk.bitget.ws``).
    """

    WS_KEYS = ("v3Public", "v3Private")

    def subscribe(self, topics: Union[Mapping[str, Any], Iterable[Mapping[str, Any]]], ws_key: str) -> None:
        """Subscribe ``{"topic": ..., "payload": {...}}`` items on ``v3Public`` or ``v3Private``.

        Sent as ``{"op":"subscribe","args":[{"topic": ..., **payload}]}``, 15 per frame.
        Private topics (``account``, ``position``, ``fill``, ``order``, ``strategy-order``)
        take ``instType: "UTA"`` (filled in when missing).

        Raises:
            InvalidParameterError: unknown ws_key, or ``instType`` in the wrong case (public
                V3 streams are lower-case: ``"spot"``, ``"usdt-futures"``...).
        """
        self._subscribe_args(ws_key, self._args(topics, ws_key, "topic"))

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
        category: str,
        params: Union[Mapping[str, Any], Sequence[Mapping[str, Any]]],
        *,
        timeout: Optional[float] = None,
    ) -> CommandFuture:
        """Send one WebSocket API command and return its future at once.

        Frame: ``{"op":"trade","id":...,"category":...,"topic":operation,"args":[...]}``.
        Registered before it is written, matched by ``id``, never resent.

        Args:
            ws_key: ``"v3Private"``.
            operation: ``place-order``, ``batch-place``, ``cancel-order`` or ``batch-cancel``.
            category: ``spot``, ``usdt-futures``, ``usdc-futures`` or ``coin-futures``
                (lower-case on the WS API).
            params: one dict, or a list of dicts for batch operations.
            timeout: seconds for the connection and then for the reply (``command_timeout``).

        Raises:
            InvalidParameterError: wrong ws_key, category casing, or ``reduceOnly`` casing.
            NotConnectedError: not connected and logged in within ``timeout``; nothing sent.
        """
        if ws_key != "v3Private":
            self._check_key(ws_key)
            raise InvalidParameterError(f"the WebSocket API runs on ws_key 'v3Private', not {ws_key!r}")
        check_choice(category, WS_API_CATEGORIES, "category on the Bitget WebSocket API (lower-case)")
        items = [params] if isinstance(params, Mapping) else list(params)
        for item in items:
            if not isinstance(item, Mapping):
                raise InvalidParameterError(f"each WebSocket API item is a dict; got {item!r}")
            if "reduceOnly" in item:
                check_choice(item["reduceOnly"], ("YES", "NO"), "reduceOnly on the Bitget WebSocket API (upper-case)")
        request_id = new_request_id()
        frame = {"op": "trade", "id": request_id, "category": category, "topic": operation, "args": [dict(i) for i in items]}
        return self._send_command(ws_key, request_id, request_id, operation, frame, timeout)

    def _check_payload(self, topic: str, payload: Dict[str, Any], ws_key: str) -> None:
        if ws_key == "v3Private":
            payload.setdefault("instType", "UTA")
            check_choice(payload["instType"], ("UTA",), f"instType of the V3 private topic {topic!r}")
            return
        if topic in V3_PRIVATE_TOPICS:
            raise InvalidParameterError(f"{topic!r} is a private V3 topic: subscribe it on ws_key 'v3Private'")
        if "instType" in payload:
            if payload["instType"] == "UTA":
                raise InvalidParameterError("instType 'UTA' is for private topics on 'v3Private'; public V3 streams take "
                                            + ", ".join(repr(v) for v in V3_PUBLIC_INST_TYPES))
            check_choice(payload["instType"], V3_PUBLIC_INST_TYPES, "instType on Bitget V3 public streams (lower-case)")

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
        check_choice(topic, V3_BOOK_TOPICS, "order-book topic on Bitget V3")
        check_choice(inst_type, V3_PUBLIC_INST_TYPES, "instType on Bitget V3 public streams (lower-case)")
        check_symbol(symbol, "symbol")
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

    Takes the same options as :class:`WebsocketClientV3`.
    """

    WS_KEYS = ("v2Public", "v2Private")

    def subscribe_topic(self, inst_type: str, topic: str, coin_or_inst_id: str = "default") -> None:
        """Subscribe one V2 channel, routed to ``v2Private`` for private channels.

        ``account``, ``account-crossed`` and ``account-isolated`` put the third argument in
        ``coin``; every other channel in ``instId``. ``"default"`` means all (private only).

        Args:
            inst_type: ``SPOT``, ``USDT-FUTURES``, ``USDC-FUTURES``, ``COIN-FUTURES`` (demo:
                ``SUSDT-FUTURES``...), upper-case.
            topic: the channel, e.g. ``ticker``, ``books5``, ``orders``.
            coin_or_inst_id: the symbol or coin.
        """
        ws_key, arg = self._topic_arg(inst_type, topic, coin_or_inst_id)
        self._subscribe_args(ws_key, [arg])

    def unsubscribe_topic(self, inst_type: str, topic: str, coin_or_inst_id: str = "default") -> None:
        """Unsubscribe a channel subscribed with :meth:`subscribe_topic`."""
        ws_key, arg = self._topic_arg(inst_type, topic, coin_or_inst_id)
        self._unsubscribe_args(ws_key, [arg])

    def subscribe(self, topics: Union[Mapping[str, Any], Iterable[Mapping[str, Any]]], ws_key: str) -> None:
        """Subscribe ``{"topic": channel, "payload": {...}}`` items on an explicit ws_key.

        Sent as ``{"op":"subscribe","args":[{"channel": ..., **payload}]}``.
        """
        self._subscribe_args(ws_key, self._args(topics, ws_key, "channel"))

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
        if "instType" in payload:
            check_choice(payload["instType"], V2_INST_TYPES, "instType on Bitget V2 streams (upper-case)", strict=False)

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
        check_choice(channel, V2_BOOK_CHANNELS, "order-book channel on Bitget V2")
        check_choice(inst_type, V2_INST_TYPES, "instType on Bitget V2 streams (upper-case)")
        check_symbol(inst_id, "inst_id")
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

    Args:
        api_key, api_secret, api_pass: UTA API credentials.
        demo_trading: use ``wss://wspap.bitget.com/v3/ws/private``.
        **options: any other :class:`WebsocketClientV3` option.
    """

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        api_secret: Optional[str] = None,
        api_pass: Optional[str] = None,
        demo_trading: bool = False,
        **options: Any,
    ):
        self._ws = WebsocketClientV3(
            api_key=api_key, api_secret=api_secret, api_pass=api_pass, demo_trading=demo_trading, **options
        )

    _ws: WebsocketClientV3

    def get_ws_client(self) -> WebsocketClientV3:
        """The underlying :class:`WebsocketClientV3` (events: ``api.get_ws_client().on(...)``)."""
        return self._ws

    def send_ws_api_request(
        self,
        operation: str,
        category: str,
        params: Union[Mapping[str, Any], Sequence[Mapping[str, Any]]],
        *,
        timeout: Optional[float] = None,
    ) -> CommandFuture:
        """Send one command on ``v3Private`` and return its future without waiting."""
        return self._ws.send_ws_api_request("v3Private", operation, category, params, timeout=timeout)

    def _call(self, operation: str, category: str, params: Any, timeout: Optional[float]) -> Dict[str, Any]:
        return self.send_ws_api_request(operation, category, params, timeout=timeout).result()

    def submit_new_order(self, category: str, order: Mapping[str, Any], *, timeout: Optional[float] = None) -> Dict[str, Any]:
        """Place one order (``place-order``)."""
        return self._call("place-order", category, [order], timeout)

    def place_batch_orders(
        self, category: str, orders: Sequence[Mapping[str, Any]], *, timeout: Optional[float] = None
    ) -> Dict[str, Any]:
        """Place several orders (``batch-place``); per-item codes: :meth:`batch_errors`."""
        return self._call("batch-place", category, self._list(orders), timeout)

    def cancel_order(self, category: str, request: Mapping[str, Any], *, timeout: Optional[float] = None) -> Dict[str, Any]:
        """Cancel one order by ``orderId`` or ``clientOid`` (``cancel-order``)."""
        return self._call("cancel-order", category, [request], timeout)

    def cancel_batch_orders(
        self, category: str, requests: Sequence[Mapping[str, Any]], *, timeout: Optional[float] = None
    ) -> Dict[str, Any]:
        """Cancel several orders (``batch-cancel``); per-item codes: :meth:`batch_errors`."""
        return self._call("batch-cancel", category, self._list(requests), timeout)

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

