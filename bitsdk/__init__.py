"""bitsdk: a synchronous, thread-based SDK for the Bitget and Bybit APIs.

The clients live in the exchange packages::

    from bitsdk.bitget import RestClientV3, RestClientV2, WebsocketClientV3, WebsocketClientV2, WebsocketAPIClient
    from bitsdk.bybit import RestClientV5, SpotClientV3, WebsocketClient, WebsocketAPIClient

Errors are in :mod:`bitsdk.errors`, WebSocket events in :mod:`bitsdk.events`, and an offline
loopback exchange for tests and demos in :mod:`bitsdk.testing`.

Many WebSocket API commands at once: ``bitsdk.wait(futures)`` and
``bitsdk.as_completed(futures)`` work like their :mod:`concurrent.futures` namesakes::

    futures = [api.send_ws_api_request("order.create", order) for order in orders]
    done, not_done = bitsdk.wait(futures, timeout=10)
"""

import importlib
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers see; at run time these load on first use
    from ._clock import Clock
    from ._futures import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, CommandFuture, as_completed, wait
    from ._http import Envelope
    from ._book import OrderBook
    from ._paginate import Page
    from ._ratelimit import RateLimiter
    from ._ws import Dispatcher, SubscribeFuture, close_all
    from .account import AccountState

__version__ = "0.1.0"
__all__ = [
    "__version__", "CommandFuture", "Envelope", "wait", "as_completed", "close_all",
    "Dispatcher", "SubscribeFuture", "Page", "RateLimiter", "AccountState", "OrderBook", "Clock",
    "ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION",
]
# Where each public name lives; loaded on first use, so `import bitsdk` stays minimal.
_LAZY = {
    "CommandFuture": "._futures", "wait": "._futures", "as_completed": "._futures",
    "ALL_COMPLETED": "._futures", "FIRST_COMPLETED": "._futures", "FIRST_EXCEPTION": "._futures",
    "Envelope": "._http", "Page": "._paginate", "RateLimiter": "._ratelimit",
    "close_all": "._ws", "Dispatcher": "._ws", "SubscribeFuture": "._ws",
    "AccountState": ".account", "OrderBook": "._book", "Clock": "._clock",
}

# The application decides where log records go; bitsdk only emits them.
logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # the next lookup is a plain global
    return value
