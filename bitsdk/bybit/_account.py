"""Bybit V5 (unified account) specifics of :class:`bitsdk.AccountState`.

Private topics (bybit.md §4.10): ``order``, ``execution``, ``position`` and ``wallet`` on
``v5Private`` (all categories; rows carry ``category``). REST backfill:
``GET /v5/order/realtime`` (open orders), ``GET /v5/position/list``,
``GET /v5/account/wallet-balance`` (``accountType=UNIFIED``), ``GET /v5/execution/list``
(fills since a time), all paged with ``cursor``/``nextPageCursor``, and
``GET /v5/order/history`` for the final state of an order that closed while disconnected.
"""

from __future__ import annotations

import time
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

from .._casing import check_choice
from ..account import AccountAdapter, Backfill, Call, Row, decimal_of, int_of, paged_rows
from ..errors import InvalidParameterError
from ._rest import CATEGORIES

__all__ = ["BybitAccount"]

TOPICS = ("order", "execution", "position", "wallet")
#: Bybit order statuses that are not final (``Triggered`` turns into ``New`` at once).
OPEN_STATUSES = frozenset(("New", "PartiallyFilled", "Untriggered", "Triggered", "Created"))
_POSITION_CATEGORIES = ("linear", "inverse", "option")
_SETTLED = ("linear", "inverse")  # need settleCoin (or a symbol) on the list endpoints
_FILL_WINDOW_MS = 7 * 24 * 3600 * 1000  # execution/list answers at most 7 days from startTime
_FILL_OVERLAP_MS = 1000  # fills sharing the last fill's millisecond are fetched again, deduplicated


class BybitAccount(AccountAdapter):
    """Topic names, REST calls and row parsing for Bybit V5."""

    ws_key = "v5Private"
    exchange = "bybit"

    def __init__(self, categories: Optional[Sequence[str]], settle_coins: Optional[Sequence[str]]) -> None:
        chosen = list(categories) if categories is not None else ["linear", "spot"]
        if not chosen:
            raise InvalidParameterError("categories must name at least one of: " + ", ".join(CATEGORIES))
        self.categories: Tuple[str, ...] = tuple(dict.fromkeys(
            check_choice("AccountState for Bybit (lower-case categories)", "categories", c, CATEGORIES) for c in chosen))
        if isinstance(settle_coins, str):
            raise InvalidParameterError(f"settle_coins is a list, e.g. settle_coins=[{settle_coins!r}]")
        coins = list(settle_coins) if settle_coins is not None else ["USDT"]
        for coin in coins:
            if not isinstance(coin, str) or not coin or coin != coin.upper():
                raise InvalidParameterError(f"settle coins are upper-case coin names such as 'USDT'; got {coin!r}")
        if not coins:
            raise InvalidParameterError("settle_coins must name at least one coin, e.g. ['USDT']")
        self.settle_coins = tuple(coins)

    # --- stream ---------------------------------------------------------------------------

    def subscribe(self, ws: Any) -> None:
        ws.subscribe_v5(list(TOPICS))

    def is_subscribe_ack(self, msg: Any) -> bool:
        return isinstance(msg, Mapping) and msg.get("op") == "subscribe"

    def parse(self, msg: Any) -> List[Tuple[str, Row]]:
        topic = str(msg.get("topic") or "")
        name = topic.split(".", 1)[0]
        rows = msg.get("data") or []
        if name == "wallet":
            stamp = int_of(msg.get("creationTime"))
            return [("balances", row) for account in rows for row in self._balances(account, stamp)]
        if name == "order":
            return [("orders", self._order(r, r.get("category", ""))) for r in rows if r.get("category") in self.categories]
        if name == "execution" and not topic.startswith("execution.fast"):
            return [("fills", self._fill(r, r.get("category", ""))) for r in rows if r.get("category") in self.categories]
        if name == "position":
            return [("positions", self._position(r, r.get("category", ""))) for r in rows
                    if r.get("category") in self.categories]
        return []

    # --- REST -----------------------------------------------------------------------------

    def order_categories(self) -> Sequence[str]:
        return self.categories

    def position_categories(self) -> Sequence[str]:
        return [c for c in self.categories if c in _POSITION_CATEGORIES]

    def fetch(self, rest: Any, call: Call, fills_since_ms: Optional[int], recent_fills: int) -> Backfill:
        result = Backfill()
        for category in self.categories:
            for params in self._scopes(category):
                for row in paged_rows(rest, call, "get_active_orders", dict(params, limit=50), self.max_pages):
                    result.orders.append(self._order(row, category))
        for category in self.position_categories():
            for params in self._scopes(category):
                for row in paged_rows(rest, call, "get_position_info", dict(params, limit=200), self.max_pages):
                    position = self._position(row, category)
                    if not position.closed:
                        result.positions.append(position)
        reply = call(rest.get_wallet_balance, accountType="UNIFIED")
        stamp = int_of(reply.get("time"))
        for account in reply["result"].get("list") or []:
            result.balances.extend(self._balances(account, stamp))
        for category in self.categories:
            query: Dict[str, Any] = {"category": category, "limit": 100}
            if fills_since_ms is not None:
                now = int(time.time() * 1000)
                query["startTime"] = max(fills_since_ms - _FILL_OVERLAP_MS, now - _FILL_WINDOW_MS + 60_000)
                rows = paged_rows(rest, call, "get_execution_list", query, self.max_pages)
            else:
                query["limit"] = min(recent_fills, 100)  # the newest page only
                rows = iter(call(rest.get_execution_list, **query)["result"].get("list") or [])
            result.fills.extend(self._fill(row, category) for row in rows)
        return result

    def fetch_order(self, rest: Any, call: Call, order: Row) -> Optional[Row]:
        reply = call(rest.get_historic_orders, category=order.category, orderId=order.key)
        for row in reply["result"].get("list") or []:
            if row.get("orderId") == order.key:
                return self._order(row, order.category)
        return None

    def _scopes(self, category: str) -> Iterator[Dict[str, Any]]:
        if category in _SETTLED:
            for coin in self.settle_coins:
                yield {"category": category, "settleCoin": coin}
        else:
            yield {"category": category}

    # --- rows -----------------------------------------------------------------------------

    @staticmethod
    def _order(row: Dict[str, Any], category: str) -> Row:
        status = str(row.get("orderStatus") or "")
        closed = status not in OPEN_STATUSES
        updated = int_of(row.get("updatedTime"))
        rank = (updated, decimal_of(row.get("cumExecQty")), 1 if closed else 0)
        return Row(str(row.get("orderId")), rank, row, category=category,
                   client_id=str(row.get("orderLinkId") or ""), closed=closed, time_ms=updated)

    @staticmethod
    def _position(row: Dict[str, Any], category: str) -> Row:
        updated = int_of(row.get("updatedTime"))
        key = (category, str(row.get("symbol")), int_of(row.get("positionIdx")))
        return Row(key, (updated, int_of(row.get("seq"))), row, category=category,
                   closed=decimal_of(row.get("size")) == 0, time_ms=updated)

    @staticmethod
    def _fill(row: Dict[str, Any], category: str) -> Row:
        executed = int_of(row.get("execTime"))
        return Row(str(row.get("execId")), (executed,), row, category=category,
                   client_id=str(row.get("orderLinkId") or ""), time_ms=executed)

    @staticmethod
    def _balances(account: Mapping[str, Any], stamp: int) -> List[Row]:
        return [Row(str(coin.get("coin")), (stamp,), coin, time_ms=stamp) for coin in account.get("coin") or []]
