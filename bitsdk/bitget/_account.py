"""Bitget V3 (UTA) specifics of :class:`bitsdk.AccountState`.

Private topics (bitget.md §4.9): ``account``, ``order``, ``fill`` and ``position`` with
``instType: "UTA"`` on ``v3Private`` (every category; rows carry ``category``). REST backfill:
``GET /api/v3/trade/unfilled-orders``, ``GET /api/v3/position/current-position`` (futures
categories), ``GET /api/v3/account/assets`` and ``GET /api/v3/trade/fills`` (fills since a
time), paged with ``cursor``; ``GET /api/v3/trade/order-info`` gives the final state of an
order that closed while disconnected.
"""

from __future__ import annotations

import time
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from .._casing import check_choice
from ..account import AccountAdapter, Backfill, Call, Row, decimal_of, int_of, paged_rows
from ..errors import APIError, InvalidParameterError

__all__ = ["BitgetAccount"]

TOPICS = ("account", "order", "fill", "position")
CATEGORIES = ("SPOT", "MARGIN", "USDT-FUTURES", "USDC-FUTURES", "COIN-FUTURES")
_FUTURES = ("USDT-FUTURES", "USDC-FUTURES", "COIN-FUTURES")
#: Bitget order statuses that are not final.
OPEN_STATUSES = frozenset(("live", "new", "init", "partially_filled", "partial_filled"))
_ORDER_NOT_FOUND = "25204"
_FILL_WINDOW_MS = 90 * 24 * 3600 * 1000  # Bitget keeps 90 days of fills
_FILL_OVERLAP_MS = 1000


class BitgetAccount(AccountAdapter):
    """Topic names, REST calls and row parsing for Bitget V3 (UTA)."""

    ws_key = "v3Private"
    exchange = "bitget"

    def __init__(self, categories: Optional[Sequence[str]]) -> None:
        chosen = list(categories) if categories is not None else ["SPOT", "USDT-FUTURES"]
        if not chosen:
            raise InvalidParameterError("categories must name at least one of: " + ", ".join(CATEGORIES))
        self.categories: Tuple[str, ...] = tuple(dict.fromkeys(
            check_choice("AccountState for Bitget (upper-case categories)", "categories", c, CATEGORIES) for c in chosen))

    # --- stream ---------------------------------------------------------------------------

    def subscribe(self, ws: Any) -> None:
        ws.subscribe([{"topic": topic, "payload": {"instType": "UTA"}} for topic in TOPICS], self.ws_key)

    def is_subscribe_ack(self, msg: Any) -> bool:
        return isinstance(msg, Mapping) and msg.get("event") == "subscribe"

    def parse(self, msg: Any) -> List[Tuple[str, Row]]:
        topic = str((msg.get("arg") or {}).get("topic") or "")
        rows = msg.get("data") or []
        if topic == "account":
            stamp = int_of(msg.get("ts"))
            return [("balances", row) for account in rows for row in self._balances(account, stamp)]
        table = {"order": "orders", "fill": "fills", "position": "positions"}.get(topic)
        if table is None:
            return []
        parse = {"orders": self._order, "fills": self._fill, "positions": self._position}[table]
        out = []
        for row in rows:
            category = str(row.get("category") or "").upper()
            if not category and table == "positions":
                category = _position_category(row)  # UTA position pushes carry no category
            if category in self.categories:
                out.append((table, parse(row, category)))
        return out

    # --- REST -----------------------------------------------------------------------------

    def order_categories(self) -> Sequence[str]:
        return self.categories

    def position_categories(self) -> Sequence[str]:
        return [c for c in self.categories if c in _FUTURES]

    def fetch(self, rest: Any, call: Call, fills_since_ms: Optional[int], recent_fills: int) -> Backfill:
        result = Backfill()
        for category in self.categories:
            for row in paged_rows(rest, call, "get_unfilled_orders", {"category": category, "limit": 100}, self.max_pages):
                result.orders.append(self._order(row, category))
        for category in self.position_categories():
            data = call(rest.get_current_position, category=category)["data"]
            for row in (data.get("list") if isinstance(data, Mapping) else data) or []:
                position = self._position(row, category)
                if not position.closed:
                    result.positions.append(position)
        reply = call(rest.get_balances)
        result.balances.extend(self._balances(reply["data"], int_of(reply.get("requestTime"))))
        for category in self.categories:
            params: Dict[str, Any] = {"category": category, "limit": 100}
            if fills_since_ms is not None:
                now = int(time.time() * 1000)
                params["startTime"] = max(fills_since_ms - _FILL_OVERLAP_MS, now - _FILL_WINDOW_MS + 60_000)
                rows = paged_rows(rest, call, "get_trade_fills", params, self.max_pages)
            else:
                params["limit"] = min(recent_fills, 100)  # the newest page only
                rows = iter(call(rest.get_trade_fills, **params)["data"].get("list") or [])
            result.fills.extend(self._fill(row, category) for row in rows)
        return result

    def fetch_order(self, rest: Any, call: Call, order: Row) -> Optional[Row]:
        try:
            data = call(rest.get_order_info, orderId=order.key)["data"]
        except APIError as exc:
            if str(exc.code) == _ORDER_NOT_FOUND:
                return None
            raise
        if isinstance(data, list):  # some answers wrap the order in a list
            data = data[0] if data else None
        if not isinstance(data, Mapping) or str(data.get("orderId")) != order.key:
            return None
        return self._order(dict(data), order.category)

    # --- rows -----------------------------------------------------------------------------

    @staticmethod
    def _order(row: Dict[str, Any], category: str) -> Row:
        status = str(row.get("orderStatus") or row.get("status") or "")
        closed = status not in OPEN_STATUSES
        updated = int_of(row.get("updatedTime") or row.get("uTime"))
        rank = (updated, decimal_of(row.get("cumExecQty")), 1 if closed else 0)
        return Row(str(row.get("orderId")), rank, row, category=category,
                   client_id=str(row.get("clientOid") or ""), closed=closed, time_ms=updated)

    @staticmethod
    def _position(row: Dict[str, Any], category: str) -> Row:
        updated = int_of(row.get("updatedTime") or row.get("uTime"))
        hedge = str(row.get("holdMode") or "") == "hedge_mode"
        key = (category, str(row.get("symbol")), str(row.get("posSide") or "") if hedge else "")
        size = row.get("total") if "total" in row else row.get("size")
        return Row(key, (updated,), row, category=category, closed=decimal_of(size) == 0, time_ms=updated)

    @staticmethod
    def _fill(row: Dict[str, Any], category: str) -> Row:
        executed = int_of(row.get("execTime") or row.get("createdTime") or row.get("cTime") or row.get("updatedTime"))
        return Row(str(row.get("execId") or row.get("tradeId")), (executed,), row, category=category,
                   client_id=str(row.get("clientOid") or ""), time_ms=executed)

    @staticmethod
    def _balances(account: Any, stamp: int) -> List[Row]:
        if not isinstance(account, Mapping):
            return []
        stamp = int_of(account.get("uTime")) or stamp
        coins = account.get("assets") or account.get("coin") or []
        return [Row(str(coin.get("coin")), (stamp,), coin, time_ms=stamp) for coin in coins]


def _position_category(row: Mapping[str, Any]) -> str:
    """The futures category of a position row without one, from its margin coin."""
    coin = str(row.get("marginCoin") or "").upper()
    return {"USDT": "USDT-FUTURES", "USDC": "USDC-FUTURES"}.get(coin, "COIN-FUTURES" if coin else "")
