"""Bybit V5 clients: REST, the legacy spot V3 endpoints, streams and the WebSocket API.

::

    from bitsdk.bybit import RestClientV5
    client = RestClientV5()
    client.get_tickers(category="linear", symbol="BTCUSDT")
"""

from typing import TYPE_CHECKING, Any

from ._rest import RestClientV5, SpotClientV3

if TYPE_CHECKING:  # pragma: no cover
    from ._ws import WS_KEY_MAP, WebsocketAPIClient, WebsocketClient, is_ws_orderbook_event_v5

__all__ = [
    "RestClientV5",
    "SpotClientV3",
    "WebsocketClient",
    "WebsocketAPIClient",
    "WS_KEY_MAP",
    "is_ws_orderbook_event_v5",
]

_WS_NAMES = {"WebsocketClient", "WebsocketAPIClient", "WS_KEY_MAP", "is_ws_orderbook_event_v5"}


def __getattr__(name: str) -> Any:
    # The WebSocket side (websocket-client, threads) loads on first use: REST-only scripts
    # and `import bitsdk.bybit` stay fast.
    if name in _WS_NAMES:
        from . import _ws

        return getattr(_ws, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list:
    return sorted(list(globals()) + list(_WS_NAMES))
