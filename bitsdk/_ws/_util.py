"""Small shared pieces: the ws_key map, compact JSON, proxy options. (Enumerated values are
checked by :mod:`bitsdk._casing`, for REST and WebSocket alike.)"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Tuple
from urllib.parse import unquote, urlparse

from .._encoding import frame_json
from ..errors import InvalidParameterError

__all__ = ["WsKeyMap", "compact", "canonical", "proxy_options"]

#: Compact JSON for outgoing frames: the shared encoder (Decimals as exact strings; NaN,
#: bytes and the like refused with InvalidParameterError before anything is sent).
compact = frame_json
#: Key-order-insensitive identity of a dict topic (``{"a":1,"b":2}`` == ``{"b":2,"a":1}``).
canonical = json.JSONEncoder(separators=(",", ":"), sort_keys=True).encode


class WsKeyMap(Mapping[str, str]):
    """The ws_keys of an exchange, by attribute and as a mapping.

    ``WS_KEY_MAP.v3Public == WS_KEY_MAP["v3Public"] == "v3Public"``. Immutable; copies and
    pickles as itself.
    """

    __slots__ = ("_keys",)

    def __init__(self, *keys: str):
        object.__setattr__(self, "_keys", dict.fromkeys(keys))

    def __getattr__(self, name: str) -> str:
        # copy/pickle look up dunders on an instance whose _keys slot is still empty; looking
        # it up here again would recurse forever, so private names never resolve to keys.
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._keys:
            return name
        raise AttributeError(f"no ws_key {name!r}; valid keys: {', '.join(self._keys)}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("WS_KEY_MAP is read-only")

    def __reduce__(self) -> Tuple[Any, Tuple[str, ...]]:
        return (type(self), tuple(self._keys))

    def __copy__(self) -> "WsKeyMap":
        return self  # immutable

    def __deepcopy__(self, memo: Dict[int, Any]) -> "WsKeyMap":
        return self

    def __getitem__(self, name: str) -> str:
        if name in self._keys:
            return name
        raise KeyError(name)

    def __iter__(self) -> Any:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __dir__(self) -> List[str]:
        return list(self._keys)

    def __repr__(self) -> str:
        return f"WS_KEY_MAP({', '.join(self._keys)})"


def proxy_options(proxies: Any) -> Dict[str, Any]:
    """Translate a requests-style ``proxies`` dict (or one URL) to websocket-client options."""
    if not proxies:
        return {}
    if isinstance(proxies, str):
        url = proxies
    else:
        url = proxies.get("wss") or proxies.get("https") or proxies.get("all") or proxies.get("http")
        if not url:
            return {}
    parsed = urlparse(url if "://" in url else "http://" + url)
    scheme = parsed.scheme.lower()
    if scheme not in ("http", "socks4", "socks4a", "socks5", "socks5h"):
        raise InvalidParameterError(
            f"unsupported proxy scheme {scheme!r}: use http://, socks4://, socks5:// or socks5h://"
        )
    opts: Dict[str, Any] = {
        "http_proxy_host": parsed.hostname,
        "http_proxy_port": parsed.port or (1080 if scheme.startswith("socks") else 8080),
        "proxy_type": scheme,
    }
    if parsed.username:
        opts["http_proxy_auth"] = (unquote(parsed.username), unquote(parsed.password or ""))
    return opts
