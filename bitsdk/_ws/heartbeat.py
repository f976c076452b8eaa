"""Pure timing objects of a connection: the heartbeat and the reconnect backoff.

Neither touches a socket or a clock of its own: the connection loop passes ``now``
(``time.monotonic()``) in, so both are unit-tested with plain numbers.
"""

from __future__ import annotations

import random
from typing import Callable, Optional

__all__ = ["Heartbeat", "Backoff", "PING", "DEAD"]

PING = "ping"
DEAD = "dead"


class Heartbeat:
    """When to send the application ping, and when a silent link is dead.

    Any inbound frame counts as a sign of life (not only the pong), as both exchanges'
    SDKs do: a busy stream needs no pong to prove it is alive.

    Args:
        interval: seconds between pings.
        timeout: seconds after an unanswered ping before the link is declared dead.
        now: the start time.
    """

    __slots__ = ("interval", "timeout", "next_ping", "ping_sent", "last_rx")

    def __init__(self, interval: float, timeout: float, now: float):
        self.interval = interval
        self.timeout = timeout
        self.next_ping = now + interval
        self.ping_sent: Optional[float] = None  # the oldest ping not answered yet
        self.last_rx = now

    def received(self, now: float) -> None:
        """A frame arrived."""
        self.last_rx = now

    def tick(self, now: float) -> Optional[str]:
        """:data:`DEAD` when the link is silent past the deadline, :data:`PING` when a ping
        is due (the caller sends it), else ``None``."""
        sent = self.ping_sent
        if sent is not None and self.last_rx < sent:
            if now - sent >= self.timeout:
                return DEAD
        if now >= self.next_ping:
            self.next_ping = now + self.interval
            if sent is None or self.last_rx >= sent:
                self.ping_sent = now  # an unanswered older ping keeps its own deadline
            return PING
        return None


class Backoff:
    """Reconnect delays that fit both kinds of failure.

    A connection that was healthy when it dropped (see the connection loop) comes back at
    once, after a small jitter, and resets the backoff; a connection that fails fast
    (refused, rejected, dropped right after opening) waits ``initial``, then twice that, up to
    ``cap``, each delay jittered by ±20 % so that many clients do not retry in step.

    Args:
        initial: the first delay after a failure (seconds).
        cap: the longest delay.
        healthy_jitter: the most a healthy connection waits (spreads a fleet of reconnects).
        uniform: the random source (``random.uniform``), replaceable in tests.
    """

    __slots__ = ("initial", "cap", "healthy_jitter", "_next", "_uniform")

    def __init__(
        self,
        initial: float,
        cap: float,
        healthy_jitter: float = 0.1,
        uniform: Callable[[float, float], float] = random.uniform,
    ):
        self.initial = initial
        self.cap = cap
        self.healthy_jitter = min(healthy_jitter, initial)
        self._next = initial
        self._uniform = uniform

    def delay(self, healthy: bool) -> float:
        """The wait before the next attempt; grows only while attempts keep failing."""
        if healthy:
            self._next = self.initial
            return self._uniform(0.0, self.healthy_jitter)
        wait = self._next
        self._next = min(wait * 2, self.cap)
        return wait * self._uniform(0.8, 1.2)
