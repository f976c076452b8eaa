"""Bitget clients: V3 (Unified Trading Account) and V2 (Classic) REST, streams, WebSocket API.

::

    from bitsdk.bitget import RestClientV3
    client = RestClientV3()
    client.get_tickers(category="SPOT", symbol="BTCUSDT")
"""

from typing import TYPE_CHECKING, Any

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

_WS_NAMES = {"WebsocketClientV3", "WebsocketClientV2", "WebsocketAPIClient", "WS_KEY_MAP"}


def __getattr__(name: str) -> Any:
    # The WebSocket side (websocket-client, threads) loads on first use: REST-only scripts
    # and `import bitsdk.bitget` stay fast.
    if name in _WS_NAMES:
        from . import _ws

        return getattr(_ws, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list:
    return sorted(list(globals()) + list(_WS_NAMES))
