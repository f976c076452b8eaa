"""JSON in and out: orjson when it is installed (``pip install bitsdk[fast]``), else the stdlib.

Both paths give the same results, so nothing above this module knows which one ran:

* :func:`loads` returns exactly what ``json.loads`` returns. orjson is tried first, except on
  text holding an integer of 19 or more digits (orjson turns integers outside 64 bits into
  floats; the stdlib keeps them exact); anything orjson refuses (NaN, a byte-order mark,
  UTF-16, a lone surrogate) goes to the stdlib, which accepts or raises as it always did.
* :func:`dumps_compact` returns exactly ``json.dumps(value, separators=(",", ":"),
  allow_nan=False)``, the text bitsdk signs and sends. orjson is used only for a flat dict of
  ``str`` keys and ``str``/``int``/``bool`` values whose output is printable ASCII: there the
  two agree byte for byte (orjson writes non-ASCII characters and DEL raw where the stdlib
  escapes them, and floats in another form, so those go to the stdlib).

The WebSocket engine can import these two as well.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Optional, Union

__all__ = ["loads", "dumps_compact", "using_orjson"]

_UNSET: Any = object()
# orjson, None when it is not installed, or _UNSET before the first use: importing it (and
# the uuid module it loads) at import time would add to every ``import bitsdk``.
_orjson: Any = _UNSET

# An integer token of 19+ digits may fall outside 64 bits, where orjson rounds it to a float.
# A number token starts the text or follows ':', ',' or '[' (and whitespace, and its '-');
# a digit run inside a string (an order id "1321003749386327552") follows a quote and does
# not count. The test runs at C speed (a regular expression cost more than decoding with
# the stdlib): one translate maps digits to "9", the separators, whitespace and "-" to ":"
# and every other byte to "x"; then one substring search. A separator inside a string just
# before 19 digits ("a:1234567890123456789") only sends that text to the stdlib.
_SHAPE = bytes(
    ord("9") if 48 <= b <= 57 else ord(":") if chr(b) in ":,[- \t\n\r" else ord("x") for b in range(256)
)
_RUN = b"9" * 19
_SEPARATED_RUN = b":" + _RUN
_stdlib_loads = json.loads
_stdlib_compact = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode
_PLAIN_VALUES = frozenset({str, int, bool})


def _may_hold_long_int(data: Any) -> bool:
    """True when ``data`` may hold an integer token of 19 or more digits."""
    if data.__class__ is str:
        data = data.encode("utf-8", "surrogatepass")
    elif data.__class__ is memoryview:
        data = data.tobytes()
    shape = data.translate(_SHAPE)
    return _SEPARATED_RUN in shape or shape.startswith(_RUN)


def loads(data: Union[bytes, bytearray, memoryview, str]) -> Any:
    """Decode JSON text or UTF-8 bytes; the result equals ``json.loads(data)``.

    Raises:
        ValueError: as ``json.loads`` does (``json.JSONDecodeError``, ``UnicodeDecodeError``).
    """
    orjson = _orjson if _orjson is not _UNSET else _load_orjson()
    if orjson is not None:
        if not _may_hold_long_int(data):
            try:
                return orjson.loads(data)
            except orjson.JSONDecodeError:
                pass  # the stdlib decides: it accepts more (NaN, a BOM) or raises its own error
    if isinstance(data, memoryview):
        data = data.tobytes()
    return _stdlib_loads(data)


def dumps_compact(value: Any) -> str:
    """``json.dumps(value, separators=(",", ":"), allow_nan=False)``, byte for byte.

    Raises:
        TypeError, ValueError: as ``json.dumps`` does (a value JSON cannot carry).
    """
    orjson = _orjson if _orjson is not _UNSET else _load_orjson()
    if orjson is not None and type(value) is dict:
        fast = _orjson_flat(orjson, value)
        if fast is not None:
            return fast
    return _stdlib_compact(value)


def using_orjson() -> bool:
    """Whether orjson is installed, and so used (``pip install bitsdk[fast]``)."""
    return _load_orjson() is not None


def _load_orjson() -> Any:
    """orjson, imported on first use; ``None`` when it is not installed."""
    global _orjson
    if _orjson is _UNSET:
        module: Any = None
        try:
            import orjson as module
        except ImportError:
            pass
        _orjson = module
    return _orjson


def _orjson_flat(orjson: Any, value: Dict[str, Any]) -> Optional[str]:
    """orjson's text for a flat dict of plain values when it equals the stdlib's, else None."""
    plain = _PLAIN_VALUES
    for key, item in value.items():
        if type(key) is not str or type(item) not in plain:
            return None
    try:
        out: bytes = orjson.dumps(value)
    except TypeError:  # an int beyond 64 bits: the stdlib writes it exactly
        return None
    # Printable ASCII only: the stdlib escapes everything else (ensure_ascii), orjson does not.
    if not out.isascii() or b"\x7f" in out:
        return None
    return out.decode("ascii")
