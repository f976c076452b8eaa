"""JSON for the hot paths: orjson when it is installed, else the standard library.

``loads`` takes ``str`` or ``bytes`` (UTF-8) and raises ``ValueError`` on bad input, with
either backend (orjson's ``JSONDecodeError`` is a ``ValueError``). ``dumps`` returns compact
``str`` JSON.
"""

from __future__ import annotations

import json
from typing import Any, Callable

__all__ = ["loads", "dumps", "BACKEND"]

loads: Callable[[Any], Any]
dumps: Callable[[Any], str]

try:
    import orjson
except ImportError:  # pragma: no cover - depends on the environment
    BACKEND = "json"
    loads = json.loads
    dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
else:
    BACKEND = "orjson"
    loads = orjson.loads

    def dumps(obj: Any) -> str:
        """Compact JSON text of ``obj``."""
        return orjson.dumps(obj).decode()
