"""The clock behind signed timestamps: local time plus a measured offset to the exchange.

A REST client holds one :class:`Clock`; a WebSocket client can hold the same one, so one
measurement corrects every signature a program makes.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Callable, Dict, Optional, Tuple

from .errors import InvalidParameterError

__all__ = ["Clock", "check_clock", "now_ms"]

_DRIFT_WARNING_MS = 500


def now_ms() -> int:
    """The local clock in epoch milliseconds."""
    return time.time_ns() // 1_000_000


class Clock:
    """Server time as seen from here: local time plus ``offset_ms``, synced on demand.

    Args:
        offset_ms: server time minus local time, in ms, added to every signed timestamp.
        sync_interval: seconds after which :meth:`due` says a new sync is needed (``None``:
            never; syncing is opt-in).
        local_ms: the local clock (epoch ms); tests pass a frozen one.
        logger: where clock-drift warnings go.
        surface: how the exchange is named in warnings ("Bybit REST").
    """

    def __init__(
        self,
        offset_ms: int = 0,
        sync_interval: Optional[float] = None,
        *,
        local_ms: Callable[[], int] = now_ms,
        logger: Optional[logging.Logger] = None,
        surface: str = "the exchange",
    ):
        self.offset_ms = int(offset_ms)
        self.sync_interval = sync_interval
        self.local_ms = local_ms
        self.logger = logger or logging.getLogger("bitsdk")
        self.surface = surface
        # -inf, not 0.0: time.monotonic() may start near zero (seconds since boot), and the
        # first signed request must sync whatever the uptime.
        self.last_sync = float("-inf")
        self._sync_lock = threading.Lock()

    def timestamp_ms(self) -> int:
        """What a signed request made now carries: local clock + offset."""
        return self.local_ms() + self.offset_ms

    def due(self) -> bool:
        """Whether ``sync_interval`` has passed since the last sync."""
        interval = self.sync_interval
        return interval is not None and interval > 0 and time.monotonic() - self.last_sync > interval

    def latency_summary(self, server_ms: Callable[[], int]) -> Dict[str, int]:
        """Time one call of ``server_ms`` and estimate how far the local clock is off.

        Returns ``localTime``, ``serverTime``, ``roundTripTime``, ``estimatedOneWayLatency``,
        ``adjustedServerTime`` and ``timeDifference`` (adjusted server time minus local time,
        in ms; positive means the local clock is behind). Warns when the difference exceeds
        500 ms. Changes nothing.
        """
        start = self.local_ms()
        server = server_ms()
        end = self.local_ms()
        rtt = end - start
        one_way = rtt // 2
        adjusted = server + one_way
        summary = {
            "localTime": end,
            "serverTime": server,
            "roundTripTime": rtt,
            "estimatedOneWayLatency": one_way,
            "adjustedServerTime": adjusted,
            "timeDifference": adjusted - end,
        }
        if abs(summary["timeDifference"]) > _DRIFT_WARNING_MS:
            self.logger.warning(
                "local clock differs from %s server time by %d ms; sync the host clock (NTP) "
                "or call set_time_offset_ms()", self.surface, summary["timeDifference"]
            )
        return summary

    def sync_if_due(self, server_ms: Callable[[], int]) -> None:
        """Sync when :meth:`due`; threads that find it due together sync once between them."""
        if self.due():
            with self._sync_lock:
                if self.due():
                    self._sync(server_ms, 3, 2000)

    def sync(self, server_ms: Callable[[], int], samples: int = 3, max_rtt_ms: int = 2000) -> int:
        """Measure and apply the offset (server minus local, at the round trip's midpoint).

        Keeps the sample with the shortest round trip; one slower than ``max_rtt_ms`` is not
        trusted (it would skew every later timestamp). Returns the offset in force.
        """
        with self._sync_lock:
            return self._sync(server_ms, samples, max_rtt_ms)

    def _sync(self, server_ms: Callable[[], int], samples: int, max_rtt_ms: int) -> int:
        best: Optional[Tuple[int, int]] = None
        for _ in range(max(1, samples)):
            start = self.local_ms()
            server = server_ms()
            end = self.local_ms()
            rtt = end - start
            if rtt <= max_rtt_ms and (best is None or rtt < best[0]):
                best = (rtt, server + rtt // 2 - end)
        self.last_sync = time.monotonic()
        if best is None:
            self.logger.warning("time sync skipped: every round trip was slower than %d ms", max_rtt_ms)
            return self.offset_ms
        self.offset_ms = best[1]
        return self.offset_ms

    def __repr__(self) -> str:
        return f"Clock(offset_ms={self.offset_ms}, sync_interval={self.sync_interval!r})"


def check_clock(value: Any) -> None:
    """A ``clock=`` option (REST and WebSocket clients): ``None`` or a :class:`Clock`."""
    if value is not None and not isinstance(value, Clock):
        raise InvalidParameterError(
            f"clock must be a bitsdk.Clock (another client's .clock, say), got a {type(value).__name__}"
        )
