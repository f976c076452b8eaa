"""Bitget clients: V3 (Unified Trading Account) and V2 (Classic) REST, streams, WebSocket API.

::

    from bitsdk.bitget import RestClientV3
    client = RestClientV3()
    client.get_tickers(category="SPOT", symbol="BTCUSDT")
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from ._rest import RestClientV2, RestClientV3
    from ._ws import WS_KEY_MAP, WebsocketAPIClient, WebsocketClientV2, WebsocketClientV3

__all__ = [
    "RestClientV3",
    "RestClientV2",
    "WebsocketClientV3",
    "WebsocketClientV2",
    "WebsocketAPIClient",
    "WS_KEY_MAP",
]

# Each side loads on first use: REST (requests, the endpoint tables) or WebSocket (websocket-client).
_REST_NAMES = ("RestClientV3", "RestClientV2")
_WS_NAMES = ("WebsocketClientV3", "WebsocketClientV2", "WebsocketAPIClient", "WS_KEY_MAP")
__getattr__, __dir__ = lazy_exports(
    __name__, {**dict.fromkeys(_REST_NAMES, "._rest"), **dict.fromkeys(_WS_NAMES, "._ws")}, globals()
)
