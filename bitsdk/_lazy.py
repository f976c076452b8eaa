"""Lazy exports for the exchange packages.

Each side of an exchange package loads on first use: ``from bitsdk.bybit import
RestClientV5`` never imports websocket-client or starts the WebSocket machinery, and
``from bitsdk.bybit import WebsocketClient`` never imports ``requests`` or builds the REST
endpoint tables. A stream-only bot starts faster than its dependencies take to import.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Dict, List, Mapping, Tuple


def lazy_exports(package: str, modules: Mapping[str, str], module_globals: Dict[str, Any]) -> Tuple[
    Callable[[str], Any], Callable[[], List[str]]
]:
    """Module ``__getattr__`` and ``__dir__`` that import each name (``name -> module``,
    relative to ``package``) on first use."""

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        module_globals[name] = value  # the next lookup is a plain global
        return value

    def __dir__() -> List[str]:
        return sorted(set(module_globals) | set(modules))

    return __getattr__, __dir__
