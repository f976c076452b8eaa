"""Bitget clients: V3 (Unified Trading Account) and V2 (Classic) REST, streams, WebSocket API.

::

    from bitsdk.bitget import RestClientV3
    client = RestClientV3()
    client.get_tickers(category="SPOT", symbol="BTCUSDT")
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports
from ._rest import RestClientV2, RestClientV3

if TYPE_CHECKING:  # pragma: no cover
    from ._ws import WS_KEY_MAP, WebsocketAPIClient, WebsocketClientV2, WebsocketClientV3

__all__ = [
    "RestClientV3",
    "RestClientV2",
    "WebsocketClientV3",
    "WebsocketClientV2",
    "WebsocketAPIClient",
    "WS_KEY_MAP",
]

# The WebSocket side (websocket-client, threads) loads on first use.
_WS_NAMES = ("WebsocketClientV3", "WebsocketClientV2", "WebsocketAPIClient", "WS_KEY_MAP")
__getattr__, __dir__ = lazy_exports(__name__, "._ws", _WS_NAMES, globals())
