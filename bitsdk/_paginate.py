"""Walking paged REST endpoints: ``client.paginate("get_execution_list", category="linear")``.

Each paged endpoint names its convention with a :class:`Paging` (the per-exchange tables in
``bitsdk/bybit/_limits.py`` and ``bitsdk/bitget/_limits.py``):

* where the rows are in the answer (``result.list``, ``data.list``, ``data.fillList``, or
  ``data`` itself),
* how the next page is asked for: an opaque cursor the answer carries (Bybit
  ``result.nextPageCursor`` sent back as ``cursor``; Bitget V3 ``data.cursor`` as
  ``cursor``; Bitget V2 futures ``data.endId`` as ``idLessThan``), or the id of the last row
  (Bitget V2 spot: ``idLessThan`` = the last row's ``tradeId``/``orderId``/``billId``),
* the largest page (sent as ``limit`` unless the caller gave one), and
* the longest span between ``startTime`` and ``endTime`` the endpoint accepts (Bybit
  executions and order history: 7 days).

A longer span is walked in windows of that length **from endTime backwards** to startTime,
so rows come newest first across windows, as they do within a page on both exchanges.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Mapping, Optional, Tuple

from . import errors

if TYPE_CHECKING:
    from ._http import Envelope, RestClient

__all__ = ["Page", "Paging", "paginate"]

DAY_MS = 86_400_000


class Paging:
    """How one endpoint pages.

    Args:
        items: dotted path of the row list in the answer (``"result.list"``, ``"data"``).
        cursor_param: the request parameter that asks for the next page (``"cursor"``,
            ``"idLessThan"``).
        next_cursor: dotted path of the next-page token in the answer
            (``"result.nextPageCursor"``, ``"data.endId"``); empty when the token is the
            last row's ``row_id`` field instead.
        row_id: the row field whose last value asks for the next (older) page.
        limit_max: the largest page the endpoint serves.
        window_days: the longest span between ``startTime`` and ``endTime`` it accepts.
    """

    __slots__ = ("items", "cursor_param", "next_cursor", "row_id", "limit_max", "window_days")

    def __init__(
        self,
        items: str,
        cursor_param: str,
        *,
        next_cursor: str = "",
        row_id: str = "",
        limit_max: int = 100,
        window_days: Optional[float] = None,
    ):
        if bool(next_cursor) == bool(row_id):
            raise ValueError("a Paging takes next_cursor or row_id, not both")
        self.items = items
        self.cursor_param = cursor_param
        self.next_cursor = next_cursor
        self.row_id = row_id
        self.limit_max = limit_max
        self.window_days = window_days

    @property
    def window_ms(self) -> Optional[int]:
        return int(self.window_days * DAY_MS) if self.window_days else None

    def __repr__(self) -> str:
        token = self.next_cursor or f"last row's {self.row_id}"
        window = f", {self.window_days:g}-day windows" if self.window_days else ""
        return f"Paging(rows at {self.items}, {self.cursor_param} <- {token}, limit <= {self.limit_max}{window})"


class Page(List[Any]):
    """One page's rows (a ``list``), with the answer it came from.

    Attributes:
        envelope: the decoded answer (:class:`~bitsdk.Envelope`).
        next_cursor: the token the next request carried (``None`` on the last page).
        window: ``(startTime, endTime)`` of the time window the page belongs to, when the
            span was walked in windows, else ``None``.
    """

    def __init__(self, rows: List[Any], envelope: "Envelope", next_cursor: Optional[str], window: Optional[Tuple[int, int]]):
        super().__init__(rows)
        self.envelope = envelope
        self.next_cursor = next_cursor
        self.window = window


def _dig(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, Mapping):
            return None
        data = data.get(part)
    return data


def _count(name: str, value: Any) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise errors.InvalidParameterError(f"paginate(): {name} must be a positive int or None, got {value!r}")
    return value


def _millis(name: str, value: Any) -> int:
    try:
        number = int(str(value))
    except ValueError:
        number = -1
    if number < 0:
        raise errors.InvalidParameterError(f"paginate(): {name} must be epoch milliseconds, got {value!r}")
    return number


def resolve(client: "RestClient", method: Any) -> Tuple[str, Paging]:
    """The endpoint name and its :class:`Paging`, or a clear error naming the paged ones."""
    name = getattr(method, "__name__", method)
    spec = client.ENDPOINTS.get(name) if isinstance(name, str) else None
    paging = getattr(spec, "paging", None)
    if paging is None:
        paged = ", ".join(sorted(n for n, s in client.ENDPOINTS.items() if getattr(s, "paging", None)))
        what = "an endpoint of" if spec is None else "a paged endpoint of"
        raise errors.InvalidParameterError(
            f"paginate(): {name!r} is not {what} {client.SURFACE}; paged endpoints: {paged}"
        )
    return name, paging


def paginate(
    client: "RestClient",
    method: Any,
    params: Optional[Mapping[str, Any]],
    kwargs: Dict[str, Any],
    *,
    pages: bool = False,
    max_pages: Optional[int] = None,
    max_items: Optional[int] = None,
) -> Iterator[Any]:
    """Check everything, then return the iterator (errors surface here, not on first use)."""
    name, paging = resolve(client, method)
    max_pages = _count("max_pages", max_pages)
    max_items = _count("max_items", max_items)
    merged: Dict[str, Any] = dict(params or {})
    merged.update(kwargs)
    merged = {k: v for k, v in merged.items() if v is not None}
    if "limit" in merged:
        text = str(merged["limit"])
        if isinstance(merged["limit"], bool) or not text.isdigit() or int(text) < 1:
            raise errors.InvalidParameterError(
                f"{name}(): limit must be a positive whole number (at most {paging.limit_max}), got {merged['limit']!r}"
            )
    windows = _windows(client, name, paging, merged)
    return _walk(client, name, paging, merged, windows, pages, max_pages, max_items)


def _windows(client: "RestClient", name: str, paging: Paging, params: Dict[str, Any]) -> List[Optional[Tuple[int, int]]]:
    """The (startTime, endTime) windows to walk, newest first; ``[None]``: one plain walk."""
    span = paging.window_ms
    if span is None or "startTime" not in params:
        # Without startTime the exchange picks its default range (Bybit: the last 7 days).
        return [None]
    start = _millis("startTime", params["startTime"])
    end = _millis("endTime", params["endTime"]) if "endTime" in params else client.timestamp_ms()
    if end < start:
        raise errors.InvalidParameterError(f"{name}(): endTime ({end}) is before startTime ({start})")
    windows: List[Optional[Tuple[int, int]]] = []
    while True:
        # "less than N days" on some endpoints, "at most" on others: stay 1 ms inside.
        low = max(start, end - span + 1)
        windows.append((low, end))
        if low <= start:
            return windows
        end = low - 1  # both bounds are inclusive: the next window ends just before this one


def _walk(
    client: "RestClient",
    name: str,
    paging: Paging,
    params: Dict[str, Any],
    windows: List[Optional[Tuple[int, int]]],
    pages: bool,
    max_pages: Optional[int],
    max_items: Optional[int],
) -> Iterator[Any]:
    call = getattr(client, name)
    requested = 0
    yielded = 0
    params = dict(params)
    # A cursor the caller gave resumes the first window; later windows start fresh.
    cursor: Optional[str] = params.pop(paging.cursor_param, None)
    for window in windows:
        query = dict(params)
        if window is not None:
            query["startTime"], query["endTime"] = window
        while True:
            if max_pages is not None and requested >= max_pages:
                return
            # A larger limit than the endpoint serves still gets full pages of limit_max.
            limit = min(int(query.get("limit") or paging.limit_max), paging.limit_max)
            if "limit" not in params:
                # Ask for full pages, or just what max_items still wants.
                limit = paging.limit_max if max_items is None else min(paging.limit_max, max_items - yielded)
                query["limit"] = limit
            if cursor:
                query[paging.cursor_param] = cursor
            envelope = call(query)
            requested += 1
            rows = _dig(envelope, paging.items)
            if rows is None:
                rows = []
            if not isinstance(rows, list):
                raise errors.InvalidResponseError(
                    f"{name}(): the rows at {paging.items} are a {type(rows).__name__}, not a list"
                )
            if paging.next_cursor:
                following = _dig(envelope, paging.next_cursor)
                following = str(following) if following not in (None, "") else None
            else:
                # No token: a short page is the last one.
                last = rows[-1] if rows and len(rows) >= limit else None
                following = str(last.get(paging.row_id)) if isinstance(last, Mapping) and last.get(paging.row_id) else None
            if not rows:
                following = None
            if following is not None and following == cursor:
                raise errors.InvalidResponseError(
                    f"{name}(): the exchange answered the same {paging.cursor_param} {following!r} twice; "
                    "stopping instead of looping"
                )
            if max_items is not None:
                rows = rows[: max_items - yielded]
            yielded += len(rows)
            if pages:
                if rows:
                    yield Page(rows, envelope, following, window)
            else:
                yield from rows
            if max_items is not None and yielded >= max_items:
                return
            cursor = following
            if following is None:
                break
