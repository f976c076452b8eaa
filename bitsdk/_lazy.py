"""Lazy exports for the exchange packages.

The WebSocket side (websocket-client, threads) loads on first use, so REST-only scripts and
``import bitsdk.bitget`` stay fast.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Dict, Iterable, List, Tuple


def lazy_exports(package: str, module: str, names: Iterable[str], module_globals: Dict[str, Any]) -> Tuple[
    Callable[[str], Any], Callable[[], List[str]]
]:
    """Module ``__getattr__`` and ``__dir__`` that import ``names`` from ``module`` on first use."""
    lazy = frozenset(names)

    def __getattr__(name: str) -> Any:
        if name in lazy:
            value = getattr(importlib.import_module(module, package), name)
            module_globals[name] = value  # the next lookup is a plain global
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> List[str]:
        return sorted(set(module_globals) | lazy)

    return __getattr__, __dir__
