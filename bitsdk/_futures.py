"""The WebSocket API future and the table that matches replies to pending commands.

A command is registered in :class:`PendingCommands` *before* its frame is written, under a
request id that is unique in the process, and is resolved exactly once: with the exchange's
acknowledgement, with :class:`~bitsdk.errors.APIError` when the exchange rejected it, with
:class:`~bitsdk.errors.CommandTimeoutError` when no reply came in time, with
:class:`~bitsdk.errors.ConnectionLostError` when its connection dropped, or with
:class:`~bitsdk.errors.ClientClosedError` when the client was closed. Nothing is ever resent.

Timeouts need no thread per command: the connection's reader expires overdue entries on its
regular tick, and :meth:`CommandFuture.result` bounds its own wait by the command's deadline.

Many commands at once: :func:`wait` and :func:`as_completed` work like their
:mod:`concurrent.futures` namesakes (which only accept their own ``Future``), woken by the
futures themselves, never by polling.
"""

from __future__ import annotations

import itertools
import os
import queue
import threading
import time
from _thread import allocate_lock as _allocate_lock
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION
from typing import Any, Callable, Dict, Hashable, Iterable, Iterator, List, NamedTuple, Optional, Set, cast

from .errors import CommandCancelledError, CommandTimeoutError, InvalidParameterError

__all__ = [
    "CommandFuture", "PendingCommands", "new_request_id", "wait", "as_completed", "DoneAndNotDone",
    "ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION",
]

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

    Modelled on :class:`concurrent.futures.Future`, but built on one bare lock (held while
    pending, released once when resolved: the cheapest wake-up a waiter can get) and
    resolved by the client's reader thread. Wait for many with :func:`bitsdk.wait` or
    :func:`bitsdk.as_completed`.

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
        "_gate",
        "_state",
        "_result",
        "_exception",
        "_callbacks",
        "_call_soon",
        "_table",
        "_key",
        "_sending",
        "_cancelled",
        "_waiters",
        "_drive",
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
        self._gate = _allocate_lock()  # held until resolved; waiters pass it on when done
        self._gate.acquire()
        self._state = _PENDING
        self._result: Optional[Dict[str, Any]] = None
        self._exception: Optional[BaseException] = None
        self._callbacks: List[Callable[["CommandFuture"], Any]] = []
        self._call_soon = call_soon
        self._table: Optional["PendingCommands"] = None
        self._key: Hashable = None
        self._sending = False  # set once the frame is about to be written: no cancel after that
        self._cancelled = False
        # Wake-ups for wait()/as_completed(), run on the resolving thread (not the dispatcher).
        self._waiters: Optional[List[Callable[["CommandFuture"], None]]] = None
        # Set by the client when the connection lets a waiting caller read its reply itself:
        # _drive(future, deadline) reads until the future is done or the deadline passes,
        # or returns at once when another thread is reading.
        self._drive: Optional[Callable[["CommandFuture", float], None]] = None

    # -- the consumer side -------------------------------------------------------------

    def done(self) -> bool:
        """True once the command has a result or an exception (or was cancelled)."""
        return self._state is _DONE

    def cancelled(self) -> bool:
        """True if :meth:`cancel` stopped the command before it was sent."""
        return self._cancelled

    def running(self) -> bool:
        """True while the command is sent (or being written) and has no outcome yet."""
        return self._sending and self._state is _PENDING

    def cancel(self) -> bool:
        """Cancel the command if its frame has not been written yet.

        Returns:
            ``True`` if it was cancelled: it is then never sent, and :meth:`result` raises
            :class:`~bitsdk.errors.CommandCancelledError`. ``False`` once the frame was
            written (or is being written): the exchange may act on it, so its outcome is
            still to come and cannot be called off; also ``False`` when it is already done.
        """
        exc = CommandCancelledError(
            f"{self.op} (request id {self.request_id}) was cancelled before it was sent", method=self.op
        )
        if not self._finish(None, exc, cancel=True):
            return False
        table = self._table
        if table is not None:
            table.pop(self._key)
        return True

    def result(self, timeout: Optional[float] = None) -> Dict[str, Any]:
        """Wait for the acknowledgement and return it (the exchange's reply as a dict).

        Args:
            timeout: seconds to wait. ``None`` waits until the command's own deadline (the
                client's ``command_timeout`` or the per-call timeout), never longer.

        Raises:
            APIError: the exchange rejected the command (``code`` as the exchange sent it).
            CommandTimeoutError: no reply in time; the order may still have been placed.
            ConnectionLostError: the connection dropped while the command was pending.
            ClientClosedError: the client was closed while the command was pending.
            CommandCancelledError: the command was cancelled before it was sent.
        """
        self._wait(timeout)
        if self._exception is not None:
            raise self._exception
        return cast(Dict[str, Any], self._result)

    def exception(self, timeout: Optional[float] = None) -> Optional[BaseException]:
        """Wait like :meth:`result` and return the exception, or ``None`` on success.

        Raises:
            CommandTimeoutError: only when ``timeout`` is shorter than the command's deadline
                and ran out first (the command itself is still pending then).
            CommandCancelledError: the command was cancelled (as ``concurrent.futures`` does).
        """
        self._wait(timeout)
        if self._cancelled:
            raise self._exception  # type: ignore[misc]
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
        drive = self._drive
        if drive is not None:
            # Read the reply on this thread when the connection is idle: the reply then wakes
            # one thread (this one) instead of the connection thread and then this one.
            drive(self, self.deadline if timeout is None else min(self.deadline, time.monotonic() + timeout))
            if self._state is _DONE:
                return
        own = self.deadline - time.monotonic()
        if timeout is None or timeout >= own:
            if not self._pass_gate(max(own, 0.0)):
                # The reader may be stuck or gone: the deadline is enforced here too.
                self._expire()
                self._pass_gate(-1)  # resolved by now, here or by a reply that just came
            return
        if not self._pass_gate(timeout):
            raise CommandTimeoutError(
                f"no reply to {self.op} (request id {self.request_id}) within {timeout:g}s; "
                "it is still pending and its outcome is unknown",
                method=self.op,
            )

    def _pass_gate(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds (-1: no limit) for the resolution; True once done."""
        gate = self._gate
        if gate.acquire(True, min(timeout, threading.TIMEOUT_MAX) if timeout >= 0 else -1):
            gate.release()  # the next waiter passes too
            return True
        return False

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

    def _mark_sending(self) -> bool:
        """Called by the client right before it writes the frame: from here on the command
        cannot be cancelled. Returns ``False`` if it was cancelled already (do not send)."""
        with _STATE_LOCK:
            if self._state is _DONE:
                return False
            self._sending = True
            return True

    def _set_result(self, value: Any) -> bool:
        return self._finish(value, None)

    def _set_exception(self, exc: BaseException) -> bool:
        return self._finish(None, exc)

    def _finish(self, value: Any, exc: Optional[BaseException], cancel: bool = False) -> bool:
        with _STATE_LOCK:
            if self._state is _DONE or (cancel and self._sending):
                return False
            self._result = value
            self._exception = exc
            self._state = _DONE
            self._cancelled = cancel
            callbacks, self._callbacks = self._callbacks, []
            waiters, self._waiters = self._waiters, None
        self._gate.release()
        for wake in waiters or ():
            wake(self)
        for fn in callbacks:
            if self._call_soon is not None:
                self._call_soon(fn, self)
            else:
                fn(self)
        return True

    def _add_waiter(self, wake: Callable[["CommandFuture"], None]) -> bool:
        """Register ``wake`` for the resolution; ``False`` (not registered) if already done."""
        with _STATE_LOCK:
            if self._state is not _PENDING:
                return False
            if self._waiters is None:
                self._waiters = []
            self._waiters.append(wake)
            return True

    def _remove_waiter(self, wake: Callable[["CommandFuture"], None]) -> None:
        with _STATE_LOCK:
            if self._waiters and wake in self._waiters:
                self._waiters.remove(wake)

    def __repr__(self) -> str:
        if self._state is _PENDING:
            state = "pending"
        elif self._cancelled:
            state = "cancelled"
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


# -- many futures at once ----------------------------------------------------------------------


class DoneAndNotDone(NamedTuple):
    """What :func:`wait` returns, like :func:`concurrent.futures.wait`."""

    done: Set[Any]
    not_done: Set[Any]


def _watch(fut: Any, wake: Callable[[Any], None]) -> None:
    if isinstance(fut, CommandFuture):
        if not fut._add_waiter(wake):
            wake(fut)
    else:  # a concurrent.futures.Future (or alike) mixed in: its own callbacks
        fut.add_done_callback(wake)


def _unwatch(fut: Any, wake: Callable[[Any], None]) -> None:
    if isinstance(fut, CommandFuture):
        fut._remove_waiter(wake)


def _next_deadline(pending: Iterable[Any]) -> Optional[float]:
    """The earliest deadline among unfinished commands."""
    deadlines = [f.deadline for f in pending if isinstance(f, CommandFuture) and not f.done()]
    return min(deadlines) if deadlines else None


def _expire_overdue(pending: Iterable[Any], now: float) -> None:
    """Expire the commands past their own deadline: their reader may be stuck or gone, and
    like :meth:`CommandFuture.result`, waiting never outlives a command's deadline."""
    for fut in pending:
        if isinstance(fut, CommandFuture) and not fut.done() and fut.deadline <= now:
            fut._expire()


def _sleep_for(now: float, *moments: Optional[float]) -> Optional[float]:
    ahead = [m for m in moments if m is not None]
    return max(0.0, min(ahead) - now) if ahead else None


def wait(futures: Iterable[Any], timeout: Optional[float] = None, return_when: str = ALL_COMPLETED) -> DoneAndNotDone:
    """Wait for several command futures, like :func:`concurrent.futures.wait`.

    Args:
        futures: :class:`CommandFuture` objects (``concurrent.futures.Future`` may be mixed in).
        timeout: seconds to wait at most; ``None`` waits until the condition holds (every
            command still ends by its own deadline, so this never hangs on commands).
        return_when: ``ALL_COMPLETED`` (default), ``FIRST_COMPLETED`` or ``FIRST_EXCEPTION``
            (returns when any future fails; cancelled ones do not count; same as
            ``ALL_COMPLETED`` if none fails). The constants are ``bitsdk.ALL_COMPLETED``... or
            those of :mod:`concurrent.futures`.

    Returns:
        ``(done, not_done)``: two sets. A timeout is not an error here: check ``not_done``.
    """
    if return_when not in (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION):
        raise InvalidParameterError(
            f"return_when must be ALL_COMPLETED, FIRST_COMPLETED or FIRST_EXCEPTION, got {return_when!r}"
        )
    every = set(futures)
    end = None if timeout is None else time.monotonic() + timeout
    cond = threading.Condition()

    def wake(_: Any) -> None:
        with cond:
            cond.notify_all()

    def satisfied() -> bool:
        done = [f for f in every if f.done()]
        if len(done) == len(every):
            return True
        if return_when == FIRST_COMPLETED:
            return bool(done)
        if return_when == FIRST_EXCEPTION:
            return any(not f.cancelled() and f.exception() is not None for f in done)
        return False

    for fut in every:
        _watch(fut, wake)
    try:
        while True:
            with cond:
                if satisfied():
                    break
                now = time.monotonic()
                if end is not None and now >= end:
                    break
                soonest = _next_deadline(every)
                if soonest is None or soonest > now:
                    cond.wait(_sleep_for(now, end, soonest))
                    continue
            # Expired outside the lock: expiring wakes other waiters, which take their own locks.
            _expire_overdue(every, now)
    finally:
        for fut in every:
            _unwatch(fut, wake)
    done = {f for f in every if f.done()}
    return DoneAndNotDone(done, every - done)


def as_completed(futures: Iterable[Any], timeout: Optional[float] = None) -> Iterator[Any]:
    """Yield command futures as they complete, like :func:`concurrent.futures.as_completed`.

    Futures already done come first. Each future is yielded once.

    Raises:
        CommandTimeoutError: (a ``TimeoutError``) when ``timeout`` seconds pass before every
            future is done; the unfinished commands are still pending.
    """
    every = set(futures)
    end = None if timeout is None else time.monotonic() + timeout
    finished: "queue.SimpleQueue[Any]" = queue.SimpleQueue()
    pending = set(every)
    for fut in every:
        _watch(fut, finished.put)
    try:
        while pending:
            now = time.monotonic()
            if end is not None and now >= end:
                raise CommandTimeoutError(
                    f"{len(pending)} of {len(every)} futures unfinished after {timeout:g}s; "
                    "they are still pending and their outcome is unknown"
                )
            _expire_overdue(pending, now)
            try:
                fut = finished.get(timeout=_sleep_for(now, end, _next_deadline(pending)))
            except queue.Empty:
                continue
            if fut in pending:
                pending.discard(fut)
                yield fut
    finally:
        for fut in every:
            _unwatch(fut, finished.put)
