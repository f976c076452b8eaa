"""Fault injection for the loopback exchange (``LoopbackExchange.faults``)."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Protocol, Tuple

if TYPE_CHECKING:  # pragma: no cover
    from ._flavour import Sub
    from ._server import WsConnection

DROP_MODES = ("reset", "close")
REST_ERROR_KINDS = ("5xx", "429", "html", "403")
WS_API_MODES = ("late", "twice", "never")
BOOK_FAULTS = ("drop", "reorder", "checksum", "restart")
MAX_SECONDS = 3600.0
_DEFAULT = object()


class Faults:
    """Inject network and server faults while clients are connected.

    Every method may be called from any thread, and every fault is bounded: it is one-shot,
    counted, or timed, and ends by itself. :meth:`clear` cancels whatever is still pending.

    Usage::

        with LoopbackExchange("bybit") as ex:
            ...  # connect a client
            ex.faults.drop_all()               # every WebSocket connection is reset now
            ex.faults.rest_errors(2, "5xx")    # the next two REST requests get HTTP 503
    """

    def __init__(self, hub: "_Hub") -> None:
        self._hub = hub
        self._lock = threading.Lock()
        self._pending_drop: Optional[Tuple[int, str, Optional[str]]] = None
        self._ws_delay: Tuple[float, int] = (0.0, 0)
        self._rest_delay: Tuple[float, int] = (0.0, 0)
        self._logins: List[Optional[int]] = []
        self._ws_api: List[Tuple[str, float]] = []
        self._rest_errors: List[str] = []
        self._refuse_ws_until = 0.0
        self._refuse_rest_until = 0.0
        # Order-book faults: kind -> one symbol filter (None: any) per pending occurrence.
        self._book: Dict[str, List[Optional[str]]] = {kind: [] for kind in BOOK_FAULTS}
        self._held: Dict[int, Tuple["Sub", Any]] = {}  # reordered update, per subscription

    # --- public API ---------------------------------------------------------------------------

    def drop_all(self, mode: str = "reset", ws_key: Optional[str] = None) -> int:
        """Drop every WebSocket connection (of ``ws_key``, if given) now.

        Args:
            mode: ``"reset"`` closes the TCP connection with an RST and no close frame;
                ``"close"`` sends a close frame (code 1001) first.
            ws_key: only connections of this key (e.g. ``"v5Private"``).

        Returns:
            The number of connections dropped.
        """
        _check_choice("mode", mode, DROP_MODES)
        conns = self._hub.ws_connections_of(ws_key)
        for conn in conns:
            conn.drop(mode)
        return len(conns)

    def drop_after(self, n: int, mode: str = "reset", ws_key: Optional[str] = None) -> int:
        """Drop each open connection after it has sent ``n`` more messages (one-shot).

        Applies to every connection open now (of ``ws_key``, if given). If none is open, it
        applies to the next matching connection that opens. A connection opened after that is
        not affected, so a client's reconnect succeeds.

        Returns:
            The number of open connections armed (0 means it waits for the next connection).
        """
        n = _check_count("n", n, minimum=0)
        _check_choice("mode", mode, DROP_MODES)
        conns = self._hub.ws_connections_of(ws_key)
        with self._lock:
            self._pending_drop = None if conns else (n, mode, ws_key)
        for conn in conns:
            conn.drop_after(n, mode)
        return len(conns)

    def go_silent(self, seconds: float, then: str = "resume", ws_key: Optional[str] = None) -> int:
        """Make the open connections stall: no pongs, no acks, no data, for ``seconds``.

        The socket stays open; whatever the client sends meanwhile is ignored. Afterwards the
        connection resumes (``then="resume"``) or is reset (``then="drop"``).

        Returns:
            The number of connections silenced.
        """
        seconds = _check_seconds(seconds)
        _check_choice("then", then, ("resume", "drop"))
        conns = self._hub.ws_connections_of(ws_key)
        for conn in conns:
            conn.go_silent(seconds, then)
        return len(conns)

    def delay_replies(self, seconds: float, count: int = 1, rest: bool = False) -> None:
        """Delay the next ``count`` replies by ``seconds``.

        WebSocket replies are acks, login answers, pongs and WebSocket API answers (stream
        data is not delayed, so it may overtake a delayed ack). With ``rest=True`` the next
        ``count`` REST responses are delayed instead.
        """
        seconds = _check_seconds(seconds)
        count = _check_count("count", count)
        with self._lock:
            if rest:
                self._rest_delay = (seconds, count)
            else:
                self._ws_delay = (seconds, count)

    def reject_next_login(self, code: Optional[int] = None, count: int = 1) -> None:
        """Reject the next ``count`` WebSocket logins (``auth`` / ``login``) even if valid.

        Args:
            code: the exchange error code to answer with; ``None`` uses the exchange's
                bad-signature code (Bybit 10004, Bitget 30015).
        """
        count = _check_count("count", count)
        with self._lock:
            self._logins.extend([code] * count)

    def ws_api_reply(self, mode: str, count: int = 1, delay: float = 1.0) -> None:
        """Misbehave on the next ``count`` WebSocket API replies (the command is still executed).

        Args:
            mode: ``"late"`` sends the reply ``delay`` seconds late, ``"twice"`` sends it twice,
                ``"never"`` does not send it.
        """
        _check_choice("mode", mode, WS_API_MODES)
        count = _check_count("count", count)
        delay = _check_seconds(delay) if mode == "late" else 0.0
        with self._lock:
            self._ws_api.extend([(mode, delay)] * count)

    def rest_errors(self, n: int, kind: str = "5xx") -> None:
        """Answer the next ``n`` REST requests with an error instead of serving them.

        Kinds: ``"5xx"`` (HTTP 503, plain text), ``"429"`` (HTTP 429 with the exchange's
        rate-limit body), ``"html"`` (HTTP 502 with a CDN's HTML error page), ``"403"``
        (HTTP 403 with a CDN's HTML "request blocked" page).
        """
        n = _check_count("n", n)
        _check_choice("kind", kind, REST_ERROR_KINDS)
        with self._lock:
            self._rest_errors.extend([kind] * n)

    def refuse_connections(self, seconds: float, ws: bool = True, rest: bool = False) -> None:
        """Reset new WebSocket (and, with ``rest=True``, REST) connections for ``seconds``.

        Connections that are already open are not affected.
        """
        seconds = _check_seconds(seconds)
        until = time.monotonic() + seconds
        with self._lock:
            if ws:
                self._refuse_ws_until = until
            if rest:
                self._refuse_rest_until = until

    def clear(self) -> None:
        """Cancel every pending fault (silences and drops already in progress are not undone)."""
        with self._lock:
            self._pending_drop = None
            self._ws_delay = self._rest_delay = (0.0, 0)
            self._logins.clear()
            self._ws_api.clear()
            self._rest_errors.clear()
            self._refuse_ws_until = self._refuse_rest_until = 0.0
            for pending in self._book.values():
                pending.clear()
            self._held.clear()

    # --- order-book faults ---------------------------------------------------------------------

    def drop_book_updates(self, count: int = 1, symbol: Optional[str] = None) -> None:
        """Do not send the next ``count`` incremental book updates (of ``symbol``, if given).

        Sequences advance as if they had been sent, so the next update shows a gap (Bybit
        ``u`` skips, Bitget ``pseq`` no longer matches the last ``seq`` received).
        """
        self._arm_book("drop", count, symbol)

    def reorder_book_updates(self, count: int = 1, symbol: Optional[str] = None) -> None:
        """Hold back the next ``count`` incremental book updates, each sent after the one that follows it."""
        self._arm_book("reorder", count, symbol)

    def corrupt_book_checksum(self, count: int = 1, symbol: Optional[str] = None) -> None:
        """Send a wrong ``checksum`` on the next ``count`` Bitget V2 book pushes (levels stay right)."""
        self._arm_book("checksum", count, symbol)

    def restart_book(self, count: int = 1, symbol: Optional[str] = None) -> None:
        """Simulate a book service restart on the next ``count`` incremental book pushes.

        The push becomes a fresh snapshot whose sequence starts over: Bybit ``u = 1``, Bitget
        ``seq = 1`` (V3 with ``pseq = 0``); later updates continue from there.
        """
        self._arm_book("restart", count, symbol)

    def _arm_book(self, kind: str, count: int, symbol: Optional[str]) -> None:
        count = _check_count("count", count)
        if symbol is not None and not isinstance(symbol, str):
            raise ValueError("symbol must be a symbol such as 'BTCUSDT' or None, not %r" % (symbol,))
        with self._lock:
            self._book[kind].extend([symbol] * count)

    # --- hooks used by the servers -----------------------------------------------------------

    def on_ws_open(self, conn: "WsConnection") -> None:
        with self._lock:
            pending = self._pending_drop
            if pending is None or (pending[2] is not None and pending[2] != conn.ws_key):
                return
            self._pending_drop = None
        conn.drop_after(pending[0], pending[1])

    def take_reply_delay(self, rest: bool = False) -> float:
        with self._lock:
            seconds, count = self._rest_delay if rest else self._ws_delay
            if count <= 0:
                return 0.0
            if rest:
                self._rest_delay = (seconds, count - 1)
            else:
                self._ws_delay = (seconds, count - 1)
            return seconds

    def take_login_rejection(self) -> object:
        """The code to reject the next login with, ``None`` for the default, or ``_DEFAULT`` for no fault."""
        with self._lock:
            return self._logins.pop(0) if self._logins else _DEFAULT

    def take_ws_api_mode(self) -> Optional[Tuple[str, float]]:
        with self._lock:
            return self._ws_api.pop(0) if self._ws_api else None

    def take_rest_error(self) -> Optional[str]:
        with self._lock:
            return self._rest_errors.pop(0) if self._rest_errors else None

    def take_book_fault(self, kind: str, sub: "Sub") -> bool:
        """Consume one pending order-book fault of ``kind`` that matches ``sub``'s symbol."""
        with self._lock:
            pending = self._book[kind]
            if not pending:
                return False
            symbol = sub.instrument.symbol
            for i, wanted in enumerate(pending):
                if wanted is None or wanted == symbol:
                    del pending[i]
                    return True
            return False

    def book_pushes(self, sub: "Sub", msg: Any, snapshot: bool) -> List[Any]:
        """The messages to send for one rendered book push, after the drop/reorder faults."""
        if not snapshot and self.take_book_fault("drop", sub):
            return []
        with self._lock:
            held = self._held.pop(id(sub), None)
        if held is not None:
            return [msg, held[1]]  # the held update arrives after its successor
        if not snapshot and self.take_book_fault("reorder", sub):
            with self._lock:
                self._held[id(sub)] = (sub, msg)
            return []
        return [msg]

    def refusing_ws(self) -> bool:
        return time.monotonic() < self._refuse_ws_until

    def refusing_rest(self) -> bool:
        return time.monotonic() < self._refuse_rest_until


NO_FAULT = _DEFAULT


class _Hub(Protocol):
    """What the controller needs from the exchange."""

    def ws_connections_of(self, ws_key: Optional[str]) -> List["WsConnection"]:
        ...


def _check_choice(name: str, value: str, choices: Tuple[str, ...]) -> None:
    if value not in choices:
        raise ValueError("%s must be one of %s, not %r" % (name, ", ".join(map(repr, choices)), value))


def _check_count(name: str, value: int, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError("%s must be an integer >= %d, not %r" % (name, minimum, value))
    return value


def _check_seconds(value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= MAX_SECONDS:
        raise ValueError("seconds must be a number in (0, %d], not %r" % (MAX_SECONDS, value))
    return float(value)
