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

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers see; at run time these load on first use
    from ._futures import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, CommandFuture, as_completed, wait
    from ._http import Envelope
    from .account import AccountState

__version__ = "0.1.0"
__all__ = [
    "__version__", "CommandFuture", "Envelope", "wait", "as_completed",
    "ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION", "AccountState",
]
# Loaded on first use (the futures module is small, but the package import stays minimal).
_FROM_FUTURES = ("CommandFuture", "wait", "as_completed", "ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION")

# The application decides where log records go; bitsdk only emits them.
logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    # Types for annotations (`def on_done(future: bitsdk.CommandFuture)`), loaded on use.
    if name in _FROM_FUTURES:
        from . import _futures

        return getattr(_futures, name)
    if name == "AccountState":  # account state across reconnects (bitsdk.account)
        from .account import AccountState

        return AccountState
    if name == "Envelope":
        from ._http import Envelope

        return Envelope
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
