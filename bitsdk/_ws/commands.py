"""WebSocket API commands: register, send, match the reply (the futures are in
:mod:`bitsdk._futures`), and the base of both exchanges' ``WebsocketAPIClient``."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Dict, Hashable, Optional

from .._futures import CommandFuture
from ..errors import ConnectionLostError, NotConnectedError
from ..events import Event
from ._util import compact

if TYPE_CHECKING:  # pragma: no cover
    from .client import BaseWebsocketClient
    from .connection import Connection

__all__ = ["send_command", "command_reply", "call_soon", "BaseWebsocketAPIClient"]

# The command half of the stream client: BaseWebsocketClient binds these as its methods.


def send_command(
    self: "BaseWebsocketClient",
    ws_key: str,
    match_key: Hashable,
    request_id: str,
    op: str,
    frame: Dict[str, Any],
    timeout: Optional[float],
) -> CommandFuture:
    """Register, then send one command on the ws_key's first connection; returns its
    future (never resent)."""
    timeout = self._command_timeout if timeout is None else float(timeout)
    text = compact(frame)  # bad values fail here, before connecting
    shards = self._shards.get(ws_key)
    conn: Optional["Connection"] = shards[0] if shards else None
    ws = conn.live if conn is not None else None
    if conn is None or ws is None or self._closed:
        # Not open or not live yet (the common case needs neither a lock nor a clock).
        conn = self._ensure(ws_key)
        ws = self._wait_live(conn, timeout)
    fut = CommandFuture(request_id, op, ws_key, frame, timeout, self._call_soon)
    reader = conn.reader
    if reader is not None and reader.baton is not None:
        fut._drive = partial(conn.read_for, reader, ws)  # result() may read the reply itself
    if conn.pacer is not None:
        conn.pacer.acquire(conn.stop)  # commands count against the message rate too
    self._pending.add(match_key, fut)  # before sending: a fast reply must find it
    if conn.live is not ws:
        # Dropped (or closed) between the wait and the registration: nothing was written.
        self._pending.pop(match_key)
        fut._set_exception(NotConnectedError(f"{ws_key} dropped before {op} was sent; nothing was sent"))
        return fut
    if not fut._mark_sending():
        self._pending.pop(match_key)
        return fut  # cancelled before it was written: never sent
    try:
        ws.send(text)
    except Exception as exc:  # noqa: BLE001
        if self._pending.pop(match_key) is not None:
            fut._set_exception(
                ConnectionLostError(
                    f"{ws_key} failed while {op} (request id {request_id}) was being written "
                    f"({type(exc).__name__}); outcome unknown, not resent",
                    method=op,
                )
            )
    return fut

def command_reply(
    self: "BaseWebsocketClient", ws_key: str, match_key: Hashable, msg: Any, error: Optional[BaseException]
) -> Event:
    """Resolve the command matching ``match_key`` and return the event to emit."""
    fut = self._pending.pop(match_key)
    if fut is None:
        # Late (after its timeout) or duplicate: reported, never raised.
        return Event("response", ws_key, msg, error=error, ws_api=True, unmatched=True)
    if error is None:
        resolve = partial(fut._set_result, msg)
        event = Event("response", ws_key, msg, ws_api=True)
    else:
        resolve = partial(fut._set_exception, error)
        event = Event("exception", ws_key, msg, error=error, ws_api=True)
    conn = self._primary(ws_key)
    reader = conn.reader if conn is not None else None
    if reader is not None:
        reader.defer(resolve)
    else:
        resolve()
    return event

def call_soon(self: "BaseWebsocketClient", callback: Callable[[CommandFuture], Any], fut: CommandFuture) -> None:
    # Done-callbacks run on the dispatcher, in order with the events; after close, inline.
    if self._dispatcher.thread is not None and not self._closed_event.is_set():
        self._put((callback, fut))
    else:
        callback(fut)


class BaseWebsocketAPIClient:
    """What both exchanges' ``WebsocketAPIClient`` share: they wrap one stream client
    (``self._ws``) and add blocking order helpers on top of its ``send_ws_api_request``."""

    _ws: "BaseWebsocketClient"

    def get_ws_client(self) -> Any:
        """The underlying stream client (events, private streams, raw commands)."""
        return self._ws

    def connect_ws_api(self, timeout: Optional[float] = None) -> None:
        """Connect and log in ahead of the first command, blocking until ready.

        Args:
            timeout: seconds to wait (default: the client's ``connect_timeout``).

        Raises:
            NotConnectedError: not ready in time.
            AuthenticationError: the login was rejected.
        """
        self._ws.connect_ws_api(timeout)  # type: ignore[attr-defined]

    def set_time_offset_ms(self, offset_ms: int) -> None:
        """Milliseconds added to the local clock for login and command timestamps."""
        self._ws.set_time_offset_ms(offset_ms)

    def on(self, kind: str, callback: Optional[Callable[[Event], Any]] = None) -> Any:
        """Register an event callback on the underlying client (see ``on`` there)."""
        return self._ws.on(kind, callback)

    def close(self) -> None:
        """Close the connection; pending commands fail with ClientClosedError."""
        self._ws.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        # Ctrl-C: leave now, dropping events not delivered yet (see the stream client).
        self._ws.close(drain=not (exc_type is not None and issubclass(exc_type, KeyboardInterrupt)))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} over {self._ws!r}>"
