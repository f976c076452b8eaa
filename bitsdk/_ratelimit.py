"""The opt-in client-side rate limiter (``RestClientV5(..., rate_limit=True)``).

Both exchanges limit requests per endpoint, per UID (private endpoints) or per IP (public
ones), over a rolling window of usually one second. bitsdk keeps one window per endpoint (and
per trading category where the exchange counts categories apart) and, before a request is
sent, waits until the window has room. A wait longer than ``max_wait`` raises
:class:`~bitsdk.errors.RateLimitError` at once, and nothing is sent.

Each window is a log of the last sends, not a refilling token bucket: Bybit counts requests
in any rolling second, and a bucket holding N tokens that refills at N per second lets up to
2N requests through in one rolling second. The log never does.

The limits come from the exchanges' tables (``bitsdk/bybit/_limits.py``,
``bitsdk/bitget/_limits.py``) through :class:`Limit` on each endpoint declaration, and adapt
to Bybit's ``X-Bapi-Limit*`` answer headers (:meth:`RateLimiter.observe`). Threads wait on one
:class:`threading.Condition`, never in a busy loop. Clients built with ``rate_limit=True`` for
the same API key share one limiter (:func:`shared_limiter`), because the exchange counts per
UID, not per connection.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import deque
from typing import Any, Callable, Deque, Dict, Hashable, Mapping, Optional, Tuple

from . import errors

__all__ = ["Limit", "RateLimiter", "shared_limiter"]


class Limit:
    """One endpoint's documented limit: ``calls`` requests per ``period`` seconds.

    Args:
        calls: requests allowed per period (the default for every category).
        period: the window in seconds (1.0 for "10/s", 60.0 for "60 req/min").
        scope: ``"uid"`` (counted per account) or ``"ip"`` (counted per address).
        by_category: per-``category`` overrides (Bybit's order endpoints allow 20/s for
            spot and 10/s for the others); each category then has its own window.
        items: the parameter holding a list whose length is the request's weight (Bybit
            batch endpoints consume one unit per order in ``request``).
    """

    __slots__ = ("calls", "period", "scope", "by_category", "items")

    def __init__(
        self,
        calls: int,
        period: float = 1.0,
        *,
        scope: str = "uid",
        by_category: Optional[Mapping[str, int]] = None,
        items: str = "",
    ):
        if calls < 1 or period <= 0 or scope not in ("uid", "ip"):
            raise ValueError(f"bad limit: {calls}/{period}s scope={scope!r}")
        self.calls = calls
        self.period = float(period)
        self.scope = scope
        self.by_category: Dict[str, int] = dict(by_category or {})
        self.items = items

    def calls_for(self, category: Optional[str]) -> int:
        """The allowance for one category (the default when it has no override)."""
        if category is not None and category in self.by_category:
            return self.by_category[category]
        return self.calls

    def __repr__(self) -> str:
        extra = f", by_category={self.by_category}" if self.by_category else ""
        return f"Limit({self.calls}/{self.period:g}s, {self.scope}{extra})"


class _Window:
    """The sends of one endpoint within its last period: the time of each unit sent, oldest
    first (a request of weight 3 is three entries). Plain floats: a busy window holds
    thousands, and floats, unlike tuples, give the garbage collector nothing to scan."""

    __slots__ = ("calls", "period", "log", "blocked_until")

    def __init__(self, calls: int, period: float):
        self.calls = calls
        self.period = period
        self.log: Deque[float] = deque()
        self.blocked_until = 0.0

    @property
    def used(self) -> int:
        return len(self.log)

    def expire(self, now: float) -> None:
        log = self.log
        horizon = now - self.period
        while log and log[0] <= horizon:
            log.popleft()

    def wait_for(self, now: float, weight: int) -> float:
        """Seconds until ``weight`` more sends fit (0: now)."""
        self.expire(now)
        if self.blocked_until > now:
            return self.blocked_until - now
        excess = len(self.log) + weight - self.calls
        if excess <= 0:
            return 0.0
        # The oldest sends leave the window first: wait until ``excess`` of them have.
        return self.log[excess - 1] + self.period - now

    def take(self, now: float, weight: int) -> None:
        if weight == 1:
            self.log.append(now)
        else:
            self.log.extend([now] * weight)


class RateLimiter:
    """Windows of sends per endpoint, shared by every thread (and client) that uses it.

    Args:
        max_wait: the longest a request waits for room (seconds); a longer wait raises
            :class:`~bitsdk.errors.RateLimitError` without sending. Default 5.0.
        clock: a monotonic clock in seconds (tests inject a fake one).
        wait: ``wait(condition, seconds)`` blocks the calling thread, which holds the
            condition's lock; the default is ``condition.wait(seconds)``, which releases the
            lock while waiting and wakes early when headers change the picture.
    """

    def __init__(
        self,
        max_wait: float = 5.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        wait: Optional[Callable[[threading.Condition, float], Any]] = None,
    ):
        if isinstance(max_wait, bool) or not isinstance(max_wait, (int, float)) or not max_wait >= 0:
            raise errors.InvalidParameterError(
                f"max_wait must be a number of seconds >= 0 (default 5.0), got {max_wait!r}"
            )
        self.max_wait = float(max_wait)
        self.clock = clock
        self._wait = wait or (lambda condition, seconds: condition.wait(seconds))
        # "with self._lock" (a C-level lock) on the hot path; waits go through the condition.
        self._lock = threading.Lock()
        self._condition = threading.Condition(self._lock)
        self._windows: Dict[Hashable, _Window] = {}

    def __repr__(self) -> str:
        return f"RateLimiter(max_wait={self.max_wait:g}, windows={len(self._windows)})"

    def _window(self, key: Hashable, calls: int, period: float) -> _Window:
        window = self._windows.get(key)
        if window is None:
            window = self._windows[key] = _Window(calls, period)
        return window

    def acquire(self, key: Hashable, calls: int, period: float, weight: int = 1, what: str = "") -> float:
        """Wait until ``weight`` sends fit in the window ``key``, then count them.

        ``calls``/``period`` create the window on first use (later calls keep what
        :meth:`observe` learnt). Returns the seconds waited. Raises
        :class:`~bitsdk.errors.RateLimitError`, counting nothing, when the wait would exceed
        ``max_wait``.
        """
        with self._lock:
            window = self._window(key, calls, period)
            # A batch larger than the whole allowance could never fit; the exchange itself
            # answers the excess orders with an error, so send it when the window is empty.
            if weight > window.calls:
                weight = window.calls
            elif weight < 1:
                weight = 1
            start = now = self.clock()
            while True:
                delay = window.wait_for(now, weight)
                if delay <= 0:
                    window.take(now, weight)
                    return now - start
                waited = now - start
                if waited + delay > self.max_wait:
                    raise errors.RateLimitError(
                        f"{what + '()' if what else 'request'}: the client-side rate limit ({window.calls} per "
                        f"{window.period:g}s) needs a wait of {delay:.3f}s, beyond max_wait={self.max_wait:g}s; "
                        "nothing was sent (raise max_wait, or send less often)"
                    )
                self._wait(self._condition, delay)
                now = self.clock()

    def observe(self, key: Hashable, calls: Optional[int], remaining: Optional[int], reset_in: Optional[float]) -> None:
        """Adapt the window ``key`` to what the exchange reported (Bybit's headers).

        ``calls``: the exchange's limit for this endpoint (it replaces the table's: VIP
        and pro accounts have more). ``remaining``: what is left in the current window;
        fewer than counted here means other processes use the same account, so the
        difference is counted now. ``reset_in``: seconds until the exchange's window
        resets; with nothing remaining, no request is sent before then.
        """
        with self._lock:
            window = self._windows.get(key)
            if window is None:
                return
            now = self.clock()
            window.expire(now)
            if calls is not None and calls > 0 and calls != window.calls:
                if calls > window.calls:
                    self._condition.notify_all()  # more room: waiting threads may go now
                window.calls = calls
            if remaining is not None:
                missing = (window.calls - window.used) - max(remaining, 0)
                if missing > 0:
                    window.take(now, missing)
                if remaining <= 0 and reset_in is not None and reset_in > 0:
                    window.blocked_until = max(window.blocked_until, now + reset_in)

    def block(self, key: Hashable, seconds: float) -> None:
        """Send nothing on the window ``key`` for ``seconds`` (after a rate-limit error)."""
        with self._lock:
            window = self._windows.get(key)
            if window is not None and seconds > 0:
                window.blocked_until = max(window.blocked_until, self.clock() + seconds)

    def remaining(self, key: Hashable) -> Optional[int]:
        """Sends left in the window ``key`` right now (``None`` before its first use)."""
        with self._lock:
            window = self._windows.get(key)
            if window is None:
                return None
            window.expire(self.clock())
            return max(window.calls - window.used, 0)


_registry: Dict[Tuple[str, str], RateLimiter] = {}
_registry_lock = threading.Lock()


def shared_limiter(surface: str, identity: Optional[str], max_wait: float = 5.0) -> RateLimiter:
    """The process-wide limiter of one account on one exchange (created on first use).

    ``identity`` is the API key (only its SHA-256 digest is kept) or ``None`` for public
    clients, which share one limiter per surface. ``max_wait`` applies when the limiter is
    created; a limiter already in use keeps its own.
    """
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest() if identity else "public"
    with _registry_lock:
        limiter = _registry.get((surface, digest))
        if limiter is None:
            limiter = _registry[(surface, digest)] = RateLimiter(max_wait)
        return limiter
