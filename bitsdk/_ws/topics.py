"""The topic registry's parts: batching, pacing, request budgets, acknowledgements.

Ownership and sharding (which connection of a ws_key holds a topic) live on the client
(:meth:`BaseWebsocketClient._place`); each connection owns its replay set, its pacer, its
hourly request budget and the subscribe requests waiting for their replies
(:class:`AckTracker`). Everything here is plain data plus locks: no sockets, no threads.
"""

from __future__ import annotations

import collections
import json
import threading
import time
from typing import Any, Callable, Deque, Dict, Hashable, Iterator, List, Optional, Tuple

from ..errors import APIError, ClientClosedError, NotConnectedError
from ._util import compact
from .hooks import ShardLimits

__all__ = ["SlidingWindow", "AckTracker", "Request", "batches", "arg_size", "SubscribeFuture"]

#: a margin on message-rate windows: the exchange measures arrival times, which jitter.
_RATE_MARGIN = 1.05


def arg_size(arg: Any) -> int:
    """Characters an arg takes in a frame: its compact JSON plus a separator."""
    return len(compact(arg)) + 1


def batches(args: List[Any], limits: ShardLimits, overhead: int) -> Iterator[List[Any]]:
    """Split ``args`` into requests within ``max_args_per_frame`` and ``max_frame_bytes``.

    ``overhead`` is the size of the frame with no args. An arg that alone exceeds the frame
    size still goes out alone (the exchange will say why).
    """
    per_frame = limits.max_args_per_frame
    max_bytes = limits.max_frame_bytes
    batch: List[Any] = []
    size = overhead
    for arg in args:
        cost = len(compact(arg).encode()) + 1 if max_bytes else 0
        if batch and ((per_frame and len(batch) >= per_frame) or (max_bytes and size + cost > max_bytes)):
            yield batch
            batch, size = [], overhead
        batch.append(arg)
        size += cost
    if batch:
        yield batch


class SlidingWindow:
    """At most ``count`` events per ``period`` seconds (a message pacer or a request budget).

    Thread-safe. :meth:`acquire` waits for a slot on ``stop.wait`` (so ``close()`` ends the
    wait at once); :meth:`available` answers without waiting.
    """

    def __init__(self, count: int, period: float, clock: Callable[[], float] = time.monotonic):
        self.count = count
        self.period = period
        self._clock = clock
        self._times: Deque[float] = collections.deque()
        self._lock = threading.Lock()

    def _trim(self, now: float) -> None:
        times = self._times
        while times and times[0] <= now - self.period:
            times.popleft()

    def available(self) -> int:
        """Events that may happen now."""
        with self._lock:
            self._trim(self._clock())
            return self.count - len(self._times)

    def spend(self) -> None:
        """Record one event now (whether or not a slot was free)."""
        with self._lock:
            self._times.append(self._clock())

    def acquire(self, stop: threading.Event) -> bool:
        """Wait for a free slot and take it; False when ``stop`` was set first."""
        while True:
            with self._lock:
                now = self._clock()
                self._trim(now)
                if len(self._times) < self.count:
                    self._times.append(now)
                    return True
                wait = self._times[0] + self.period - now
            if stop.wait(max(wait, 0.001)):
                return False


def message_pacer(limits: ShardLimits) -> Optional[SlidingWindow]:
    """The pacer for every message sent on a connection, or None when unlimited."""
    if not limits.messages_per_second:
        return None
    return SlidingWindow(limits.messages_per_second, _RATE_MARGIN)


def _loose(key: Hashable) -> Optional[Dict[str, str]]:
    """A dict topic's fields with case-folded text values (None for other topics)."""
    if not (isinstance(key, str) and key.startswith("{")):
        return None
    try:
        fields = json.loads(key)
    except ValueError:
        return None
    if not isinstance(fields, dict):
        return None
    return {k: str(v).casefold() for k, v in fields.items()}


class Request:
    """One subscribe request waiting for its reply."""

    __slots__ = ("req_id", "keys", "args", "sent_at", "attempt")

    def __init__(self, req_id: str, keys: List[Hashable], args: List[Any], sent_at: float, attempt: int):
        self.req_id = req_id
        self.keys = keys
        self.args = args
        self.sent_at = sent_at
        self.attempt = attempt


class AckTracker:
    """Subscribe requests of one connection, matched by request id or by topic key.

    Registered before the frame is written; cleared when the connection ends (the new
    connection resubscribes everything anyway).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_id: Dict[str, Request] = {}
        self._by_key: Dict[Hashable, Request] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    def add(self, req_id: str, keys: List[Hashable], args: List[Any], now: float, attempt: int = 1) -> None:
        request = Request(req_id, list(keys), list(args), now, attempt)
        with self._lock:
            self._by_id[req_id] = request
            for key in keys:
                self._by_key[key] = request

    def get(self, req_id: Optional[str]) -> Optional[Request]:
        if req_id is None:
            return None
        with self._lock:
            return self._by_id.get(req_id)

    def pending(self, key: Hashable) -> bool:
        return key in self._by_key

    def resolve(self, key: Hashable) -> Hashable:
        """The pending key a reply's key stands for.

        Exact first. A dict topic echoed with other casing or extra/missing fields (an
        exchange may normalise what it echoes) matches the one pending topic that agrees with
        it on every shared field, case-insensitively, sharing at least two; else ``key``.
        Without this a differently echoed ack would never settle, and the connection would
        be recycled for an unanswered subscribe again and again.
        """
        with self._lock:
            if key in self._by_key:
                return key
            got = _loose(key)
            if got is None:
                return key
            found = None
            for candidate in self._by_key:
                want = _loose(candidate)
                if want is None:
                    continue
                shared = got.keys() & want.keys()
                if len(shared) >= 2 and all(got[k] == want[k] for k in shared):
                    if found is not None:
                        return key  # ambiguous: match nothing rather than the wrong topic
                    found = candidate
            return key if found is None else found

    def settle(self, key: Hashable) -> bool:
        """Mark one topic answered; True if it was pending."""
        with self._lock:
            request = self._by_key.pop(key, None)
            if request is None:
                return False
            try:
                i = request.keys.index(key)
            except ValueError:
                return True
            del request.keys[i]
            del request.args[i]
            if not request.keys:
                self._by_id.pop(request.req_id, None)
            return True

    def drop(self, request: Request) -> None:
        """Forget a request and its topics (answered as a whole, or being resent)."""
        with self._lock:
            self._by_id.pop(request.req_id, None)
            for key in request.keys:
                if self._by_key.get(key) is request:
                    del self._by_key[key]

    def overdue(self, now: float, timeout: float) -> List[Request]:
        with self._lock:
            return [r for r in self._by_id.values() if now - r.sent_at >= timeout]

    def clear(self) -> None:
        with self._lock:
            self._by_id.clear()
            self._by_key.clear()


class SubscribeFuture:
    """Returned by ``subscribe``: wait until the exchange has acknowledged the topics.

    Subscribing does not wait; call :meth:`result` to block until every topic of the call
    is live (acknowledged by the exchange) or one was rejected::

        ws.subscribe_v5(["tickers.BTCUSDT", "publicTrade.BTCUSDT"], "linear").result(10)

    Topics that were already live, or that were unsubscribed meanwhile, count as done.
    """

    def __init__(self, client: Any, items: List[Tuple[str, Hashable, Any]]):
        self._client = client
        self._items = items

    @property
    def topics(self) -> List[Any]:
        """The wire args this call covers."""
        return [arg for _, _, arg in self._items]

    def _check(self) -> Tuple[List[Any], List[Tuple[Any, BaseException]]]:
        pending, rejected = [], []
        client = self._client
        for ws_key, key, arg in self._items:
            error = client._rejected.get((ws_key, key))
            if error is not None:
                rejected.append((arg, error))
                continue
            conn = client._where.get(ws_key, {}).get(key)
            if conn is not None and key not in conn.live_keys:
                pending.append(arg)
        return pending, rejected

    def done(self) -> bool:
        """True once every topic is live or one was rejected."""
        with self._client._topic_cond:
            pending, rejected = self._check()
        return bool(rejected) or not pending

    def result(self, timeout: Optional[float] = None) -> List[Any]:
        """Block until the topics are live and return them.

        Args:
            timeout: seconds to wait (``None``: the client's ``subscribe_timeout`` twice,
                which covers the one resend).

        Raises:
            APIError: the exchange rejected a topic (the first one is named; ``code`` is the
                exchange's); the other topics stay subscribed.
            NotConnectedError: not live within ``timeout`` (the topics stay subscribed and
                go live when the exchange answers).
            ClientClosedError: the client was closed.
        """
        client = self._client
        if timeout is None:
            timeout = 2 * client._subscribe_timeout + client._connect_timeout
        deadline = time.monotonic() + timeout
        with client._topic_cond:
            while True:
                pending, rejected = self._check()
                if rejected:
                    arg, error = rejected[0]
                    raise error if isinstance(error, APIError) else APIError(str(error), method="subscribe")
                if not pending:
                    return self.topics
                if client._closed:
                    raise ClientClosedError("the client was closed before the topics went live")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise NotConnectedError(
                        f"{len(pending)} topic(s) not acknowledged within {timeout:g}s (e.g. {pending[0]!r}); "
                        "they stay subscribed"
                    )
                client._topic_cond.wait(remaining)

    def __repr__(self) -> str:
        return f"<SubscribeFuture {len(self._items)} topic(s): {'done' if self.done() else 'pending'}>"
