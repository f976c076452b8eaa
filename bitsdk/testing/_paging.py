"""Paging and time ranges of the loopback's history endpoints, as strict as the exchanges.

Rows are served newest first. A page continues after the id of the previous page's last row
(keyset paging: rows arriving between two requests do not shift the pages). The token handed
out is opaque to clients; a token the loopback did not hand out is refused.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, TypeVar

from .._clock import now_ms
from ._flavour import ApiError

T = TypeVar("T")

DAY_MS = 86_400_000
#: Bybit's cursors look like ``"132766%3A2%2C132766%3A2"``: text that a client must send back
#: exactly (it is percent-encoded once more on the wire).
_SEP = "%3A"


def after_key(rows: Sequence[T], key: Callable[[T], str], after: Optional[str], limit: int) -> Tuple[List[T], Optional[str]]:
    """The ``limit`` rows after the row whose key is ``after`` (from the top when None), and the
    key of the page's last row when more rows follow (else None)."""
    start = 0
    if after is not None:
        keys = [key(row) for row in rows]
        if after not in keys:
            raise LookupError(after)
        start = keys.index(after) + 1
    page = list(rows[start:start + limit])
    more = start + limit < len(rows)
    return page, (key(page[-1]) if page and more else None)


def bybit_cursor(last: Optional[str]) -> str:
    """The ``nextPageCursor`` for a page ending at ``last`` ("" on the last page)."""
    return f"{last}{_SEP}{last}" if last is not None else ""


def bybit_after(p: Dict[str, Any]) -> Optional[str]:
    """The row key a Bybit ``cursor`` continues after (None without one)."""
    cursor = p.get("cursor")
    if cursor in (None, ""):
        return None
    first, sep, second = str(cursor).partition(_SEP)
    if not sep or first != second:
        raise ApiError(10001, "params error: cursor invalid")
    return first


def bybit_range(p: Dict[str, Any], days: int, default_days: Optional[int] = None, strict: bool = False) -> Tuple[int, int]:
    """Bybit's startTime/endTime rules: neither → the last ``default_days``; one → ``days``
    from it; both → at most ``days`` apart (less than, when ``strict``)."""
    span, default = days * DAY_MS, (default_days or days) * DAY_MS
    try:
        start = int(p["startTime"]) if p.get("startTime") not in (None, "") else None
        end = int(p["endTime"]) if p.get("endTime") not in (None, "") else None
    except ValueError:
        raise ApiError(10001, "params error: startTime and endTime must be epoch milliseconds") from None
    if start is None and end is None:
        end = now_ms()
        return end - default, end
    if start is None:
        assert end is not None
        return end - span, end
    if end is None:
        return start, start + span
    if end < start:
        raise ApiError(10001, "params error: endTime is before startTime")
    if end - start > span or (strict and end - start == span):
        raise ApiError(10001, "params error: the span between startTime and endTime exceeds %d days" % days)
    return start, end


def bybit_page(rows: Sequence[T], key: Callable[[T], str], p: Dict[str, Any], limit: int) -> Tuple[List[T], str]:
    """One page of ``rows`` for Bybit's ``cursor`` and the ``nextPageCursor`` to answer."""
    try:
        page, last = after_key(rows, key, bybit_after(p), limit)
    except LookupError:
        raise ApiError(10001, "params error: cursor invalid") from None
    return page, bybit_cursor(last)


def in_range(ts: int, bounds: Tuple[int, int]) -> bool:
    """Both bounds inclusive."""
    return bounds[0] <= ts <= bounds[1]


def bitget_page(rows: Sequence[T], key: Callable[[T], str], p: Dict[str, Any], limit: int) -> Tuple[List[T], str]:
    """One page of ``rows`` for Bitget V3's ``cursor`` and the ``cursor`` to answer ("" at
    the end)."""
    cursor = p.get("cursor")
    try:
        page, last = after_key(rows, key, str(cursor) if cursor not in (None, "") else None, limit)
    except LookupError:
        raise ApiError("40808", "Parameter verification exception cursor") from None
    return page, last or ""


def bitget_older(rows: Sequence[T], key: Callable[[T], str], p: Dict[str, Any], limit: int) -> List[T]:
    """Bitget V2's ``idLessThan``: the ``limit`` rows with a smaller (numeric) id, newest first."""
    text = p.get("idLessThan")
    if text not in (None, ""):
        try:
            below = int(str(text))
        except ValueError:
            raise ApiError("40808", "Parameter verification exception idLessThan") from None
        rows = [row for row in rows if int(key(row)) < below]
    return list(rows[:limit])


def bitget_range(p: Dict[str, Any], days: int) -> Tuple[int, int]:
    """Bitget's startTime/endTime: at most ``days`` apart; open ends are unbounded."""
    try:
        start = int(p["startTime"]) if p.get("startTime") not in (None, "") else 0
        end = int(p["endTime"]) if p.get("endTime") not in (None, "") else now_ms()
    except ValueError:
        raise ApiError("40808", "Parameter verification exception startTime/endTime") from None
    if p.get("startTime") not in (None, "") and end - start > days * DAY_MS:
        raise ApiError("40808", "Parameter verification exception: the interval between startTime and endTime "
                                "must not exceed %d days" % days)
    return start, end
