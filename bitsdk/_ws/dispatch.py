"""Event delivery: a dispatcher thread per client, each client's bounded backlog.

Reader threads never run user code: they append events to the client's :class:`Inbox`, and
a :class:`Dispatcher` thread runs the callbacks and feeds the user's queue. By default every
client has its own dispatcher, so a slow callback of one client never delays another
client's events or its ``close()``. Clients may share one dispatcher on purpose (fewer
threads) by passing the same :class:`Dispatcher` as ``dispatcher=``; they are then served in
turn, a batch at a time.

Backlog policy (per client): at most ``max_backlog`` updates wait for delivery (default
10,000: at Bybit's and Bitget's message sizes, 10-30 MB, and half a second of a 20k msg/s
feed). Lifecycle and error events are never dropped and do not count. When an update
arrives at a full backlog:

* ``overflow="drop_oldest"`` (default): the oldest waiting update is discarded. Deltas that
  depend on it (order books) are then invalid: resubscribe or use ``"recycle"``.
* ``overflow="recycle"``: every waiting update of the client is discarded and its
  connections are recycled, so the exchange sends fresh snapshots.

Either way each discarded update is counted (``stats()["overflows"]``), and each overflow
episode raises an ``exception`` event and a WARNING log (repeated at most every 5 s while it
lasts).
"""

from __future__ import annotations

import collections
import logging
import queue
import threading
import time
from typing import Any, Callable, Deque, Dict, List, Optional, Sequence, Tuple

from ..errors import InvalidParameterError, WebSocketError
from ..events import Event

__all__ = ["Dispatcher", "Inbox", "DEFAULT_MAX_BACKLOG", "OVERFLOW_POLICIES", "DELIVERY_MODES", "queue_feeder"]

DEFAULT_MAX_BACKLOG = 10_000
OVERFLOW_POLICIES = ("drop_oldest", "recycle")
DELIVERY_MODES = ("dispatcher", "inline")
_BATCH = 256  # events taken per lock acquisition
_REPORT_EVERY = 5.0  # seconds between overflow reports while an overflow lasts

_log = logging.getLogger("bitsdk.ws")


class Dispatcher:
    """A thread that runs the callbacks of one or more clients.

    Each client creates its own unless one is passed as ``dispatcher=``. A shared dispatcher
    is started by the first client that uses it and stopped by :meth:`close` (its owner,
    the caller, closes it after the clients)::

        shared = Dispatcher("my-dispatch")
        a = WebsocketClient(dispatcher=shared)
        b = WebsocketClientV3(dispatcher=shared)
        ...
        a.close(); b.close(); shared.close()

    Args:
        name: the thread name.
    """

    def __init__(self, name: str = "bitsdk-dispatch"):
        self.name = name
        self._lock = threading.Lock()
        self._ready: Deque["Inbox"] = collections.deque()
        # The doorbell: a bare lock, held while nobody rang. The thread sleeps on it with
        # _sleeping set (under _lock); whoever queues work then clears the flag and releases
        # it, once. Cheaper than a Condition on both sides (no lock allocated per wait).
        self._bell = threading.Lock()
        self._bell.acquire()
        self._sleeping = False
        self._stopping = False
        self._thread: Optional[threading.Thread] = None

    @property
    def thread(self) -> Optional[threading.Thread]:
        """The dispatcher thread once started."""
        return self._thread

    def start(self) -> None:
        """Start the thread (idempotent; clients call it on their first connection)."""
        with self._lock:
            if self._thread is not None:
                return
            self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
            self._thread.start()

    def close(self, timeout: float = 1.0) -> bool:
        """Stop once the events already queued are delivered; join for up to ``timeout``.

        Returns:
            True if the thread ended (False: a callback is still running; the thread ends
            when it returns).
        """
        with self._lock:
            self._stopping = True
            self._ring()
            thread = self._thread
        if thread is None or thread is threading.current_thread():
            return thread is None
        thread.join(timeout)
        return not thread.is_alive()

    def _ring(self) -> None:
        """Wake the thread if it sleeps (``_lock`` held)."""
        if self._sleeping:
            self._sleeping = False
            self._bell.release()

    def _loop(self) -> None:
        lock = self._lock
        bell = self._bell
        ready = self._ready
        while True:
            with lock:
                while not ready:
                    if self._stopping:
                        return
                    self._sleeping = True
                    lock.release()
                    try:
                        bell.acquire()
                    finally:
                        lock.acquire()
                inbox = ready.popleft()
                batch = inbox._take(_BATCH)
                if inbox._items:
                    ready.append(inbox)  # served in turn with the other clients
                else:
                    inbox._scheduled = False
            inbox._deliver_batch(batch)


class Inbox:
    """One client's backlog on a dispatcher: bounded, counted, never silent.

    ``put`` is called by the client's reader threads; delivery runs on the dispatcher.
    """

    def __init__(
        self,
        dispatcher: Dispatcher,
        deliver: Callable[[Any], None],
        max_backlog: int,
        overflow: str,
        on_overflow: Callable[[Event, bool], None],
    ):
        if not isinstance(max_backlog, int) or max_backlog < 1:
            raise InvalidParameterError("max_backlog must be a positive number of events")
        if overflow not in OVERFLOW_POLICIES:
            raise InvalidParameterError(
                f"overflow must be one of {', '.join(repr(p) for p in OVERFLOW_POLICIES)}; got {overflow!r}"
            )
        self.dispatcher = dispatcher
        self.max_backlog = max_backlog
        self.overflow = overflow
        self._deliver = deliver
        self._on_overflow = on_overflow
        self._items: Deque[Tuple[float, Any]] = collections.deque()
        self._updates = 0  # updates among _items
        self._scheduled = False
        self._closed = False
        self._busy = False  # a batch of this inbox is being delivered
        self._idle = threading.Condition(dispatcher._lock)
        # statistics
        self.delivered = 0
        self.overflows = 0
        self.worst_lag = 0.0
        self._episode_drops = 0
        self._overflowing = False
        self._last_report = 0.0

    def __len__(self) -> int:
        return len(self._items)

    def put(self, item: Any) -> None:
        """Queue one event, future callback or marker for delivery."""
        self.put_many((item,))

    def put_many(self, items: Sequence[Any]) -> None:
        """Queue events (or future callbacks) in order: one lock and at most one wake-up of
        the dispatcher for all of them (the reader hands off each socket read this way)."""
        now = time.monotonic()
        d = self.dispatcher
        reports: List[Tuple[Event, bool]] = []
        with d._lock:
            if self._closed:
                return
            max_backlog = self.max_backlog
            for item in items:
                if item.__class__ is Event and item.kind == "update":
                    if self._updates >= max_backlog:
                        report, recycle = self._overflow(now, item)
                        self._updates += 1
                        self._items.append((now, item))  # (the recycle policy replaced _items)
                        if report is not None:
                            self._items.append((now, report))
                            reports.append((report, recycle))
                        continue
                    self._updates += 1
                self._items.append((now, item))
            if not self._scheduled and self._items:
                self._scheduled = True
                d._ready.append(self)
                d._ring()
        for report, recycle in reports:
            self._on_overflow(report, recycle)

    def idle(self) -> bool:
        """Nothing waiting and nothing being delivered (read without the lock: a hint that is
        exact for the thread that is the only producer)."""
        return not self._items and not self._busy

    def _overflow(self, now: float, item: Event) -> Tuple[Optional[Event], bool]:
        """Make room for one update (lock held); returns the report to emit, if due."""
        items = self._items
        if self.overflow == "recycle":
            kept = collections.deque(entry for entry in items if not (entry[1].__class__ is Event and entry[1].kind == "update"))
            dropped = len(items) - len(kept)
            self._items = kept
            self._updates = 0
        else:
            dropped = 1
            stash = []
            while items:
                entry = items.popleft()
                if entry[1].__class__ is Event and entry[1].kind == "update":
                    break
                stash.append(entry)
            items.extendleft(reversed(stash))
            self._updates -= 1
        self.overflows += dropped
        self._episode_drops += dropped
        first = not self._overflowing
        self._overflowing = True
        if not first and now - self._last_report < _REPORT_EVERY:
            return None, False
        self._last_report = now
        count, self._episode_drops = self._episode_drops, 0
        what = (
            "dropped the waiting updates and recycles the connections for fresh snapshots"
            if self.overflow == "recycle"
            else "dropped the oldest waiting updates"
        )
        error = WebSocketError(
            f"event backlog full ({self.max_backlog} updates): callbacks are slower than the stream; "
            f"{what} ({count} dropped, {self.overflows} in total). Make callbacks faster, hand work "
            "to your own thread, or raise max_backlog"
        )
        data = {"dropped": count, "overflows": self.overflows, "max_backlog": self.max_backlog, "policy": self.overflow}
        return Event("exception", item.ws_key, data, error=error), self.overflow == "recycle"

    def _take(self, n: int) -> List[Tuple[float, Any]]:
        # Dispatcher lock held.
        items = self._items
        if len(items) <= n:  # the usual case: everything, without counting
            batch = list(items)
            items.clear()
            self._updates = 0
        else:
            batch = []
            updates = 0
            while len(batch) < n:
                entry = items.popleft()
                if entry[1].__class__ is Event and entry[1].kind == "update":
                    updates += 1
                batch.append(entry)
            self._updates -= updates
        if self._overflowing and self._updates <= self.max_backlog // 2:
            self._overflowing = False  # the episode is over: the next overflow reports at once
        self._busy = True
        return batch

    def _deliver_batch(self, batch: List[Tuple[float, Any]]) -> None:
        deliver = self._deliver
        mono = time.monotonic
        last: Optional[float] = None
        count = 0
        try:
            for queued_at, item in batch:
                if self._closed:
                    break
                count += 1
                if queued_at is not last or not count & 15:
                    # The clock is read at each new put and every 16th event in between,
                    # not for every event.
                    last = queued_at
                    lag = mono() - queued_at
                    if lag > self.worst_lag:
                        self.worst_lag = lag
                deliver(item)
                self.delivered += 1
        finally:
            with self.dispatcher._lock:
                self._busy = False
                self._idle.notify_all()

    def drain(self, timeout: float) -> bool:
        """Wait until everything queued so far was delivered; False if ``timeout`` ran out."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._items or self._busy:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._idle.wait(remaining)
        return True

    def discard(self) -> int:
        """Stop delivering: drop what is queued (returns how many) and refuse new items."""
        with self.dispatcher._lock:
            self._closed = True
            dropped = len(self._items)
            self._items.clear()
            self._updates = 0
            self._idle.notify_all()
        return dropped

    def stats(self) -> Dict[str, Any]:
        """Backlog counters (see the client's ``stats()``)."""
        with self.dispatcher._lock:
            backlog = len(self._items)
            oldest = self._items[0][0] if self._items else None
        return {
            "backlog": backlog,
            "max_backlog": self.max_backlog,
            "overflow_policy": self.overflow,
            "overflows": self.overflows,
            "delivered": self.delivered,
            "worst_lag": self.worst_lag,
            "oldest_waiting": 0.0 if oldest is None else time.monotonic() - oldest,
        }


def queue_feeder(user_queue: Any) -> Optional[Callable[[Sequence[Any]], None]]:
    """A batch ``put`` for the user's ``event_queue``: one lock and one notify per batch.

    Only for a plain unbounded :class:`queue.Queue` (the usual ``queue.Queue()``), whose
    ``put`` never blocks, so a reader thread may feed it directly; ``None`` for any other
    queue (bounded, or another class), which the dispatcher feeds as before (a full bounded
    queue then blocks the dispatcher, and the backlog policy protects the reader).
    """
    if type(user_queue) is not queue.Queue or user_queue.maxsize > 0:
        return None
    q = user_queue

    def put_many(items: Sequence[Any]) -> None:
        with q.mutex:
            if getattr(q, "is_shutdown", False):
                return  # Python 3.13+: the consumer shut the queue down; nothing more is wanted
            q.queue.extend(items)
            q.unfinished_tasks += len(items)
            q.not_empty.notify(len(items))

    return put_many
