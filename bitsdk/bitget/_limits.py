"""Bitget rate limits and paging rules, by python method name (data only).

Rate limits: Bitget states one per endpoint ("Rate limit: 10 req/sec/UID", "Frequency limit:
20 times/1s (IP)"), counted per UID for signed endpoints and per IP for public market data;
a breach answers HTTP 429 with code ``"429"``. The V2 values are those of Bitget's V2 pages;
the V3 (UTA) values follow the same pages' pattern as ccxt's cost table records it (orders
10/s, batches 5/s, reads 20/s).

Paging, per family:

* V3 (UTA): rows in ``data.list``, the next page by ``cursor`` = the answer's ``data.cursor``.
* V2 spot (fills, order history, bills): rows are ``data`` itself; the next (older) page by
  ``idLessThan`` = the last row's ``tradeId`` / ``orderId`` / ``billId``; a short page is the
  last. Fills and bills accept at most 90 days between ``startTime`` and ``endTime``.
* V2 futures (fills, order history, bills): rows in ``data.fillList`` / ``data.entrustedList``
  / ``data.bills``, the next page by ``idLessThan`` = the answer's ``data.endId``. Bills
  accept at most 30 days between ``startTime`` and ``endTime``.
"""

from __future__ import annotations

from typing import Dict

from .._paginate import Paging
from .._ratelimit import Limit

__all__ = ["V2_PAGING", "V2_RATE_LIMITS", "V3_PAGING", "V3_RATE_LIMITS"]


def _ip(calls: int) -> Limit:
    return Limit(calls, scope="ip")


V3_RATE_LIMITS: Dict[str, Limit] = {
    "submit_new_order": Limit(10),
    "modify_order": Limit(10),
    "cancel_order": Limit(10),
    "place_batch_orders": Limit(5),
    "batch_modify_orders": Limit(10),
    "cancel_batch_orders": Limit(5),
    "cancel_all_orders": Limit(5),
    "close_all_positions": Limit(5),
    "countdown_cancel_all": Limit(1),
    "submit_strategy_order": Limit(10),
    "modify_strategy_order": Limit(10),
    "cancel_strategy_order": Limit(10),
    "get_order_info": Limit(20),
    "get_unfilled_orders": Limit(20),
    "get_history_orders": Limit(20),
    "get_trade_fills": Limit(20),
    "get_unfilled_strategy_orders": Limit(20),
    "get_history_strategy_orders": Limit(20),
    "get_current_position": Limit(20),
    "get_position_history": Limit(20),
    "get_balances": Limit(20),
    "get_financial_records": Limit(20),
    "get_tickers": _ip(20),
    "get_order_book": _ip(20),
    "get_fills": _ip(20),
    "get_candles": _ip(20),
    "get_instruments": _ip(20),
}

V2_RATE_LIMITS: Dict[str, Limit] = {
    # spot trade
    "spot_submit_order": Limit(10),
    "spot_cancel_order": Limit(10),
    "spot_batch_submit_orders": Limit(5),
    "spot_batch_cancel_orders": Limit(10),
    "spot_cancel_symbol_order": Limit(5),
    "spot_cancel_and_submit_order": Limit(5),
    "spot_batch_cancel_and_submit_order": Limit(5),
    "spot_submit_plan_order": Limit(20),
    "spot_modify_plan_order": Limit(20),
    "spot_cancel_plan_order": Limit(20),
    "spot_cancel_plan_orders": Limit(5),
    "get_spot_order": Limit(20),
    "get_spot_open_orders": Limit(20),
    "get_spot_historic_orders": Limit(20),
    "get_spot_fills": Limit(10),
    "get_spot_current_plan_orders": Limit(20),
    "get_spot_plan_sub_order": Limit(20),
    "get_spot_historic_plan_orders": Limit(20),
    "get_spot_account_bills": Limit(10),
    # spot market (per IP)
    "get_spot_ticker": _ip(20),
    "get_spot_merge_depth": _ip(20),
    "get_spot_order_book_depth": _ip(20),
    "get_spot_candles": _ip(20),
    "get_spot_historic_candles": _ip(20),
    "get_spot_recent_trades": _ip(10),
    "get_spot_historic_trades": _ip(10),
    # futures trade
    "futures_submit_order": Limit(10),
    "futures_submit_reversal": Limit(10),
    "futures_batch_submit_orders": Limit(5),
    "futures_modify_order": Limit(10),
    "futures_cancel_order": Limit(10),
    "futures_batch_cancel_orders": Limit(10),
    "futures_cancel_all_orders": Limit(10),
    "futures_flash_close_positions": Limit(1),
    "futures_submit_plan_order": Limit(10),
    "get_futures_order": Limit(10),
    "get_futures_fills": Limit(10),
    "get_futures_historic_order_fills": Limit(10),
    "get_futures_open_orders": Limit(10),
    "get_futures_historic_orders": Limit(10),
    "get_futures_plan_orders": Limit(10),
    "get_futures_trigger_sub_order": Limit(10),
    "get_futures_account_bills": Limit(10),
    "get_futures_position": Limit(10),
    "get_futures_positions": Limit(5),
    # futures market (per IP)
    "get_futures_ticker": _ip(20),
    "get_futures_all_tickers": _ip(20),
    "get_futures_merge_depth": _ip(20),
    "get_futures_candles": _ip(20),
    "get_futures_historic_candles": _ip(20),
    "get_futures_recent_trades": _ip(20),
    "get_futures_historic_trades": _ip(10),
    "get_futures_open_interest": _ip(20),
    "get_futures_current_funding_rate": _ip(20),
    "get_futures_historic_funding_rates": _ip(20),
    "get_futures_contract_config": _ip(20),
}


def _v3(limit_max: int = 100) -> Paging:
    return Paging("data.list", "cursor", next_cursor="data.cursor", limit_max=limit_max)


def _v2_spot(row_id: str, window_days: float = 0) -> Paging:
    return Paging("data", "idLessThan", row_id=row_id, limit_max=100, window_days=window_days or None)


def _v2_futures(items: str, window_days: float = 0) -> Paging:
    return Paging(items, "idLessThan", next_cursor="data.endId", limit_max=100, window_days=window_days or None)


V3_PAGING: Dict[str, Paging] = {
    "get_trade_fills": _v3(),
    "get_history_orders": _v3(),
    "get_unfilled_orders": _v3(),
    "get_history_strategy_orders": _v3(),
    "get_position_history": _v3(),
    "get_financial_records": _v3(),
}

V2_PAGING: Dict[str, Paging] = {
    "get_spot_fills": _v2_spot("tradeId", 90),
    "get_spot_historic_orders": _v2_spot("orderId"),
    "get_spot_account_bills": _v2_spot("billId", 90),
    "get_futures_fills": _v2_futures("data.fillList"),
    "get_futures_historic_order_fills": _v2_futures("data.fillList"),
    "get_futures_historic_orders": _v2_futures("data.entrustedList"),
    "get_futures_account_bills": _v2_futures("data.bills", 30),
}
