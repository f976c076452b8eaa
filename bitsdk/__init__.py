"""bitsdk: a synchronous, thread-based SDK for the Bitget and Bybit APIs.

The clients live in the exchange packages::

    from bitsdk.bitget import RestClientV3, RestClientV2, WebsocketClientV3, WebsocketClientV2, WebsocketAPIClient
    from bitsdk.bybit import RestClientV5, SpotClientV3, WebsocketClient, WebsocketAPIClient

Errors are in :mod:`bitsdk.errors`, WebSocket events in :mod:`bitsdk.events`, and an offline
loopback exchange for tests and demos in :mod:`bitsdk.testing`.
"""

import logging
from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "CommandFuture", "Envelope", "close_all"]

# The application decides where log records go; bitsdk only emits them.
logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    # Types for annotations (`def on_done(future: bitsdk.CommandFuture)`), loaded on use.
    if name == "CommandFuture":
        from ._futures import CommandFuture

        return CommandFuture
    if name == "close_all":  # close every open WebSocket client of the process
        from ._ws import close_all

        return close_all
    if name == "Envelope":
        from ._http import Envelope

        return Envelope
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
