"""Helpers shared by the WebSocket tests: fast client options, an event recorder, thread checks."""

from __future__ import annotations

import threading
import time
from typing import Any, Callable, List, Optional

# Small heartbeat and backoff values keep every test bounded to a second or two.
FAST = {"ping_interval": 0.3, "pong_timeout": 0.3, "reconnect_backoff": (0.05, 0.3), "connect_timeout": 2.0}


def bitsdk_threads() -> List[threading.Thread]:
    """Threads of bitsdk clients (the loopback exchange's own threads are not counted)."""
    return [
        t for t in threading.enumerate() if t.name.startswith("bitsdk-") and not t.name.startswith("bitsdk-loopback")
    ]



class Recorder:
    """Collects events from callbacks; ``wait_for`` blocks on a condition, never sleeps."""

    def __init__(self, client: Any, kinds=("open", "response", "update", "authenticated", "reconnect",
                                          "reconnected", "close", "exception")):
        self.events: List[Any] = []
        self._cond = threading.Condition()
        for kind in kinds:
            client.on(kind, self._add)

    def _add(self, event: Any) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def of(self, kind: str, ws_key: Optional[str] = None) -> List[Any]:
        with self._cond:
            return [e for e in self.events if e.kind == kind and (ws_key is None or e.ws_key == ws_key)]

    def wait_for(self, predicate: Callable[["Recorder"], Any], timeout: float = 5.0) -> Any:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate(self)
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"condition not met within {timeout}s; events: {self.events[-10:]}")
                self._cond.wait(remaining)

    def count(self, kind: str, ws_key: Optional[str] = None) -> int:
        return len(self.of(kind, ws_key))
