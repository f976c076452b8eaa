"""The WebSocket API future and the table that matches replies to pending commands.

A command is registered in :class:`PendingCommands` *before* its frame is written, under a
request id that is unique in the process, and is resolved exactly once: with the exchange's
acknowledgement, with :class:`~bitsdk.errors.APIError` when the exchange rejected it, with
:class:`~bitsdk.errors.CommandTimeoutError` when no reply came in time, with
:class:`~bitsdk.errors.ConnectionLostError` when its connection dropped, or with
:class:`~bitsdk.errors.ClientClosedError` when the client was closed. Nothing is ever resent.

Timeouts need no thread per command: the connection's reader expires overdue entries on its
regular tick, and :meth:`CommandFuture.result` bounds its own wait by the command's deadline.
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from typing import Any, Callable, Dict, Hashable, List, Optional

from .errors import CommandTimeoutError

__all__ = ["CommandFuture", "PendingCommands", "new_request_id"]

# Per-process prefix + counter: unique across clients and reconnects in this process, short
# enough for Bybit's 36-character reqId limit, and not guessable across processes.
_ID_PREFIX = os.urandom(3).hex()
_ID_COUNTER = itertools.count(1)


def new_request_id() -> str:
    """A request id unique in this process, e.g. ``"a1b2c3-17"``."""
    return f"{_ID_PREFIX}-{next(_ID_COUNTER)}"


_PENDING = "pending"
_DONE = "done"
# Guards the pending->done transition of every future: held for a few instructions only,
# and saves allocating a lock per command.
_STATE_LOCK = threading.Lock()


class CommandFuture:
    """The outcome of one WebSocket API command.

    Modelled on :class:`concurrent.futures.Future`, but built on one :class:`threading.Event`
    and resolved by the client's reader thread.

    Attributes:
        request_id: the id sent with the command (Bybit ``reqId``, Bitget ``id``).
        op: the operation (Bybit ``order.create``, Bitget ``place-order``).
        ws_key: the connection the command went out on.
        request: the frame that was sent (a dict; it never holds credentials).
        deadline: ``time.monotonic()`` value after which the command times out.
    """

    __slots__ = (
        "request_id",
        "op",
        "ws_key",
        "request",
        "deadline",
        "timeout",
        "_event",
        "_state",
        "_result",
        "_exception",
        "_callbacks",
        "_call_soon",
        "_table",
        "_key",
    )

    def __init__(
        self,
        request_id: str,
        op: str,
        ws_key: str,
        request: Any,
        timeout: float,
        call_soon: Optional[Callable[[Callable[["CommandFuture"], Any], "CommandFuture"], None]] = None,
    ):
        self.request_id = request_id
        self.op = op
        self.ws_key = ws_key
        self.request = request
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self._event = threading.Event()
        self._state = _PENDING
        self._result: Any = None
        self._exception: Optional[BaseException] = None
        self._callbacks: List[Callable[["CommandFuture"], Any]] = []
        self._call_soon = call_soon
        self._table: Optional["PendingCommands"] = None
        self._key: Hashable = None

    # -- the consumer side -------------------------------------------------------------

    def done(self) -> bool:
        """True once the command has a result or an exception."""
        return self._state is _DONE

    def result(self, timeout: Optional[float] = None) -> Any:
        """Wait for the acknowledgement and return it (the exchange's reply as a dict).

        Args:
            timeout: seconds to wait. ``None`` waits until the command's own deadline (the
                client's ``command_timeout`` or the per-call timeout), never longer.

        Raises:
            APIError: the exchange rejected the command (``code`` as the exchange sent it).
            CommandTimeoutError: no reply in time; the order may still have been placed.
            ConnectionLostError: the connection dropped while the command was pending.
            ClientClosedError: the client was closed while the command was pending.
        """
        self._wait(timeout)
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout: Optional[float] = None) -> Optional[BaseException]:
        """Wait like :meth:`result` and return the exception, or ``None`` on success.

        Raises:
            CommandTimeoutError: only when ``timeout`` is shorter than the command's deadline
                and ran out first (the command itself is still pending then).
        """
        self._wait(timeout)
        return self._exception

    def add_done_callback(self, fn: Callable[["CommandFuture"], Any]) -> None:
        """Call ``fn(future)`` once the command is resolved.

        It runs on the client's dispatcher thread (never on the socket thread), in order with
        the events, where an exception it raises is reported as an ``exception`` event; or
        at once in the calling thread when the future is already done (an exception then
        propagates to the caller).
        """
        with _STATE_LOCK:
            if self._state is _PENDING:
                self._callbacks.append(fn)
                return
        fn(self)

    def _wait(self, timeout: Optional[float]) -> None:
        if self._state is _DONE:
            return
        own = self.deadline - time.monotonic()
        if timeout is None or timeout >= own:
            if not self._event.wait(max(own, 0.0)):
                # The reader may be stuck or gone: the deadline is enforced here too.
                self._expire()
            self._event.wait()
            return
        if not self._event.wait(timeout):
            raise CommandTimeoutError(
                f"no reply to {self.op} (request id {self.request_id}) within {timeout:g}s; "
                "it is still pending and its outcome is unknown",
                method=self.op,
            )

    def _expire(self) -> None:
        table = self._table
        if table is not None:
            table.pop(self._key)
        self._set_exception(
            CommandTimeoutError(
                f"no reply to {self.op} (request id {self.request_id}) within "
                f"{self.timeout:g}s; the outcome is unknown (the order may still have been "
                "placed): check by client order id before retrying. A late reply arrives as "
                "a 'response' event with unmatched=True",
                method=self.op,
            )
        )

    # -- the producer side (the client) ------------------------------------------------

    def _set_result(self, value: Any) -> bool:
        return self._finish(value, None)

    def _set_exception(self, exc: BaseException) -> bool:
        return self._finish(None, exc)

    def _finish(self, value: Any, exc: Optional[BaseException]) -> bool:
        with _STATE_LOCK:
            if self._state is _DONE:
                return False
            self._result = value
            self._exception = exc
            self._state = _DONE
            callbacks, self._callbacks = self._callbacks, []
        self._event.set()
        for fn in callbacks:
            if self._call_soon is not None:
                self._call_soon(fn, self)
            else:
                fn(self)
        return True

    def __repr__(self) -> str:
        if self._state is _PENDING:
            state = "pending"
        elif self._exception is not None:
            state = f"failed: {type(self._exception).__name__}"
        else:
            state = "done"
        return f"<CommandFuture {self.op} id={self.request_id} on {self.ws_key}: {state}>"


class PendingCommands:
    """Commands waiting for their reply, keyed by request id (and op where needed).

    Thread-safe: registered from caller threads, resolved by the reader, failed by the reader
    on disconnect and by ``close()``.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: Dict[Hashable, CommandFuture] = {}

    def __len__(self) -> int:
        return len(self._items)

    def add(self, key: Hashable, future: CommandFuture) -> None:
        """Register ``future`` under ``key``; call this before the frame is written."""
        future._table = self
        future._key = key
        with self._lock:
            self._items[key] = future

    def peek(self, key: Hashable) -> Optional[CommandFuture]:
        """The future registered under ``key``, left in place (``None`` if none)."""
        return self._items.get(key)

    def pop(self, key: Hashable) -> Optional[CommandFuture]:
        """Remove and return the future registered under ``key`` (``None`` if none)."""
        with self._lock:
            return self._items.pop(key, None)

    def fail(self, exc_factory: Callable[[CommandFuture], BaseException], ws_key: Optional[str] = None) -> int:
        """Fail every pending command (of one connection when ``ws_key`` is given).

        Returns:
            How many commands were failed.
        """
        with self._lock:
            if ws_key is None:
                victims = list(self._items.values())
                self._items.clear()
            else:
                victims = []
                for key, fut in list(self._items.items()):
                    if fut.ws_key == ws_key:
                        victims.append(fut)
                        del self._items[key]
        for fut in victims:
            fut._set_exception(exc_factory(fut))
        return len(victims)

    def expire(self, now: float) -> int:
        """Fail the commands whose deadline has passed with :class:`CommandTimeoutError`."""
        if not self._items:
            return 0
        with self._lock:
            overdue = [fut for fut in self._items.values() if fut.deadline <= now]
        for fut in overdue:
            fut._expire()
        return len(overdue)
