"""How parameter values become bytes on the wire, and which values may go there at all.

One set of rules for REST queries, REST bodies and WebSocket frames:

* a value is a ``str``, ``int``, finite ``float``, finite ``Decimal``, ``bool`` or ``None``
  (dropped), or a list / dict of those where the request takes one (JSON bodies and frames;
  a query takes a list of scalars, comma-joined);
* ``Decimal`` goes out exactly as written (``Decimal("0.00100")`` -> ``"0.00100"``), floats
  are never written in exponent form, booleans are ``true``/``false`` like JavaScript;
* parameter names are plain strings without ``&``, ``=``, ``#``, ``?``, whitespace or
  control characters.

Anything else raises :class:`~bitsdk.errors.InvalidParameterError` naming the parameter and
what to write instead, before a byte is sent.
"""

from __future__ import annotations

import datetime
import enum
import json
import math
import re
from collections.abc import Mapping  # also for isinstance(): faster than typing.Mapping
from decimal import Decimal
from typing import Any, Dict, NoReturn, Set
from urllib.parse import quote

from . import errors
from ._json import dumps_compact
from ._redact import REDACTED, is_secret_name

__all__ = ["js_str", "compact_json", "encode_query", "frame_json", "check_params", "check_value"]

# encodeURIComponent leaves these unescaped; so must we, or the signature differs from JS SDKs.
_JS_SAFE = "-_.!~*'()"
# A name with one of these would change the query's structure (or is a typo with a space).
_BAD_NAME = re.compile(r"[&=#?\s\x00-\x1f\x7f]")
_SCALARS = (str, bool, int)  # accepted as they are (float and Decimal must be finite)
_PLAIN = frozenset({str, bool, int})  # exact types: one set lookup on the hot path
# Names already found good: a client uses few, and checking a known one is one set lookup.
_GOOD_NAMES: Set[str] = set()
_GOOD_NAMES_MAX = 4096


def js_str(value: Any) -> str:
    """Stringify a query value the way JavaScript does (the exchanges' own SDKs are JS).

    Booleans are ``true``/``false``, integral floats lose their ``.0``, other floats and
    Decimals are written out in full (never ``8e-07``), lists are comma-joined.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (list, tuple)):
        return ",".join(js_str(item) for item in value)
    if isinstance(value, Mapping):
        return compact_json(value)
    return str(value)


def _jsonable(value: Any) -> Any:
    """Prepare a body value for JSON: drop ``None`` keys, ``1.0`` -> ``1``, Decimal -> str."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def compact_json(value: Any) -> str:
    """The compact JSON text (no spaces) that is both signed and sent."""
    if type(value) is not dict or not _flat_plain(value):
        value = _jsonable(value)  # a flat dict of plain values is already what JSON carries
    return dumps_compact(value)


def _flat_plain(value: Dict[Any, Any]) -> bool:
    """Whether ``value`` has only ``str`` keys and ``str``/``int``/``bool`` values (an order)."""
    plain = _PLAIN
    for key, item in value.items():
        if type(key) is not str or type(item) not in plain:
            return False
    return True


def encode_query(params: Mapping[str, Any], sort: bool = False) -> str:
    """``k=v&k2=v2`` with values percent-encoded like JS ``encodeURIComponent``."""
    items = sorted(params.items()) if sort else params.items()
    return "&".join(f"{key}={quote(js_str(value), safe=_JS_SAFE)}" for key, value in items)


class _FrameEncoder(json.JSONEncoder):
    """JSON for WebSocket frames: as ``json.dumps``, plus Decimals written as strings."""

    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal) and o.is_finite():
            return format(o, "f")
        return super().default(o)


_encode_frame = _FrameEncoder(separators=(",", ":"), allow_nan=False).encode


def frame_json(frame: Any) -> str:
    """The compact JSON text of a WebSocket frame.

    Raises:
        bitsdk.errors.InvalidParameterError: a value JSON cannot carry faithfully (NaN, bytes,
            a set...), naming where it is in the frame.
    """
    try:
        return _encode_frame(frame)
    except (TypeError, ValueError) as exc:
        failure = exc
    # The slow walk only runs on failure, to say which value and what to write instead
    # (outside the except block: the json error is no context of ours).
    check_value("WebSocket frame", "", frame, in_query=False)
    raise failure


# -- checks -------------------------------------------------------------------------------


def check_params(where: str, params: Any, *, in_query: bool) -> None:
    """Refuse parameter names and values that cannot be sent faithfully.

    Args:
        where: the call, for messages (``"get_tickers()"``).
        params: the collected parameters (a dict, or a list for a whole-list JSON body).
        in_query: the values go into a URL query (scalars, or lists of scalars), not JSON.

    Raises:
        bitsdk.errors.InvalidParameterError: naming the parameter and what to write instead.
    """
    if isinstance(params, Mapping):
        for name, value in params.items():
            check_name(where, name)
            check_value(where, name, value, in_query=in_query)
    elif isinstance(params, list):
        for index, item in enumerate(params):
            check_value(where, f"[{index}]", item, in_query=False)


def check_name(where: str, name: Any) -> None:
    """Refuse a parameter name that is not a plain string (it would change the query)."""
    if name in _GOOD_NAMES:
        return
    if not isinstance(name, str):
        raise errors.InvalidParameterError(
            f"{where}: parameter names are strings, got {name!r} ({type(name).__name__}); "
            "use the exchange's own names, e.g. symbol=\"BTCUSDT\""
        )
    bad = _BAD_NAME.search(name) if name else None
    if not name or bad:
        what = f"contains {bad.group()!r}" if bad else "is empty"
        raise errors.InvalidParameterError(
            f"{where}: parameter name {name!r} {what}; names are the exchange's own camelCase "
            "spellings, without '&', '=', '#', '?', spaces or control characters"
        )
    if len(_GOOD_NAMES) < _GOOD_NAMES_MAX:
        _GOOD_NAMES.add(name)


def check_value(where: str, name: str, value: Any, *, in_query: bool) -> None:
    """Refuse a value (at any depth) that is not a str, int, finite float/Decimal, bool,
    ``None``, or a list/dict of those where JSON carries it."""
    if value is None or type(value) in _PLAIN or isinstance(value, _SCALARS):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            _refuse(where, name, value, "only finite numbers can be sent: pass the number you mean")
        return
    if isinstance(value, Decimal):
        if not value.is_finite():
            _refuse(where, name, value, "only finite numbers can be sent: pass the number you mean")
        return
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            if in_query and (item is None or isinstance(item, (list, tuple, Mapping))):
                _refuse(
                    where, name, value,
                    "a query parameter takes a list of plain values (sent comma-joined), without "
                    "None or nested lists/dicts",
                )
            check_value(where, f"{name}[{index}]", item, in_query=in_query)
        return
    if isinstance(value, Mapping):
        if in_query:
            _refuse(where, name, value, "a GET parameter cannot be a dict: pass its fields as separate parameters")
        for key, item in value.items():
            if not isinstance(key, str):
                _refuse(where, name, value, f"JSON object keys are strings, got {key!r}")
            check_value(where, f"{name}.{key}" if name else key, item, in_query=False)
        return
    _refuse(where, name, value, _hint(value, _secret_path(name)))


def _hint(value: Any, secret: bool) -> str:
    if isinstance(value, (bytes, bytearray, memoryview)):
        text = "value.decode()" if secret else repr(bytes(value).decode("utf-8", "replace"))
        return f"pass text, not bytes: {text}"
    if isinstance(value, datetime.datetime):
        return "pass epoch milliseconds as an int: int(value.timestamp() * 1000)"
    if isinstance(value, (set, frozenset)):
        return "pass a list (a set has no order)"
    if isinstance(value, enum.Enum):
        return "pass its value: value.value" if secret else f"pass its value: {value.value!r}"
    if hasattr(value, "__index__"):
        return "pass a Python int: int(value)"
    if hasattr(value, "__float__"):
        return "pass a str, Decimal or float: str(value)"
    return "pass a str, int, float, Decimal or bool (or a list/dict of those where the endpoint takes one)"


def _refuse(where: str, name: str, value: Any, hint: str) -> NoReturn:
    shown = REDACTED if _secret_path(name) else _short_repr(value)
    label = f"parameter {name}" if name else "the value"
    raise errors.InvalidParameterError(
        f"{where}: {label}={shown} ({type(value).__name__}) cannot be sent; {hint}; nothing was sent"
    )


def _secret_path(name: str) -> bool:
    return any(is_secret_name(part) for part in re.split(r"[.\[\]]", name))


def _short_repr(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"

