"""Bybit V5 clients: REST, the legacy spot V3 endpoints, streams and the WebSocket API.

::

    from bitsdk.bybit import RestClientV5
    client = RestClientV5()
    client.get_tickers(category="linear", symbol="BTCUSDT")
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from ._rest import REGION_URLS, RateLimit, RestClientV5, SpotClientV3
    from ._ws import WS_KEY_MAP, WebsocketAPIClient, WebsocketClient, is_ws_orderbook_event_v5

__all__ = [
    "RestClientV5",
    "SpotClientV3",
    "RateLimit",
    "REGION_URLS",
    "WebsocketClient",
    "WebsocketAPIClient",
    "WS_KEY_MAP",
    "is_ws_orderbook_event_v5",
]

# Each side loads on first use: REST (requests, the endpoint tables) or WebSocket (websocket-client).
_REST_NAMES = ("RestClientV5", "SpotClientV3", "RateLimit", "REGION_URLS")
_WS_NAMES = ("WebsocketClient", "WebsocketAPIClient", "WS_KEY_MAP", "is_ws_orderbook_event_v5")
__getattr__, __dir__ = lazy_exports(
    __name__, {**dict.fromkeys(_REST_NAMES, "._rest"), **dict.fromkeys(_WS_NAMES, "._ws")}, globals()
)
