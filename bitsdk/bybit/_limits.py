"""Bybit V5 rate limits and paging rules, by python method name (data only).

Rate limits: Bybit's "API Rate Limit Table" (docs/v5/rate-limit), default (non-VIP) account.
They are per UID and per endpoint over a rolling second; the order endpoints count each
category apart (spot has its own, larger allowance) and the batch endpoints count each order
in ``request``. Answers carry ``X-Bapi-Limit`` / ``X-Bapi-Limit-Status`` /
``X-Bapi-Limit-Reset-Timestamp``; the limiter adopts those (VIP and pro accounts have more).
Public market data is limited per IP only (600 requests per 5 s for the whole host); it is
not in this table.

Paging: the cursor endpoints answer ``result.nextPageCursor`` (``result.list`` holds the rows;
``result.rows`` on the deposit and withdrawal records), sent back unchanged as ``cursor``.
Time windows: executions, order history, closed PnL and the transaction log accept at most 7
days between ``startTime`` and ``endTime``; deposit and withdrawal records 30 days.
"""

from __future__ import annotations

from typing import Dict

from .._paginate import Paging
from .._ratelimit import Limit

__all__ = ["PAGING", "RATE_LIMITS"]


def _per_second(calls: int, spot: int = 0, option: int = 0, items: str = "") -> Limit:
    overrides = {name: value for name, value in (("spot", spot), ("option", option)) if value}
    return Limit(calls, 1.0, by_category=overrides, items=items)


def _per_minute(calls: int) -> Limit:
    return Limit(calls, 60.0)


RATE_LIMITS: Dict[str, Limit] = {
    # /v5/order: 10/s for linear, inverse and option, 20/s for spot (amend: 10/s for all).
    "submit_order": _per_second(10, spot=20),
    "amend_order": _per_second(10),
    "cancel_order": _per_second(10, spot=20),
    "cancel_all_orders": _per_second(10, spot=20, option=1),
    "batch_submit_orders": _per_second(10, spot=20, items="request"),
    "batch_amend_orders": _per_second(10, spot=20, items="request"),
    "batch_cancel_orders": _per_second(10, spot=20, items="request"),
    "set_disconnect_cancel_all_window": Limit(5),
    "set_disconnect_cancel_all_window_v2": Limit(5),
    "pre_check_order": _per_second(10, spot=20),
    "get_active_orders": Limit(50),
    "get_historic_orders": Limit(50),
    "get_execution_list": Limit(50),
    "get_spot_borrow_check": Limit(50),
    # /v5/strategy
    "create_strategy_order": Limit(100),
    "get_strategy_list": Limit(200),
    "get_strategy_order_list": Limit(200),
    "stop_strategy": Limit(100),
    # /v5/position
    "get_position_info": Limit(50),
    "get_closed_pnl": Limit(50),
    "get_closed_options_positions": Limit(50),
    "get_move_position_history": Limit(10),
    "set_leverage": Limit(10),
    "switch_position_mode": Limit(10),
    "set_trading_stop": Limit(10),
    "set_auto_add_margin": Limit(10),
    "add_or_reduce_margin": Limit(10),
    "confirm_new_risk_limit": Limit(10),
    "move_position": Limit(10),
    # /v5/account
    "get_wallet_balance": Limit(50),
    "get_transferable_amount": Limit(50),
    "get_borrow_history": Limit(50),
    "manual_borrow": Limit(1),
    "manual_repay": Limit(1),
    "manual_repay_without_conversion": Limit(1),
    "get_collateral_info": Limit(50),
    "get_coin_greeks": Limit(50),
    "get_transaction_log": Limit(25),
    "get_fee_rate": Limit(5),
    "get_account_info": Limit(50),
    "get_account_instruments_info": Limit(10),
    "get_pay_info": Limit(50),
    "get_dcp_info": Limit(5),
    "get_smp_group": Limit(5),
    "get_trade_info_for_analysis": Limit(50),
    "get_limit_price_action": Limit(50),
    "set_mmp": Limit(5),
    "reset_mmp": Limit(5),
    "repay_liability": Limit(1),
    "batch_set_collateral_coin": Limit(5),
    "set_limit_price_action": Limit(10),
    "set_margin_mode": Limit(5),
    "upgrade_to_unified_account": Limit(1),
    # /v5/asset
    "get_asset_info": _per_minute(60),
    "get_transferable_coin_list": _per_minute(60),
    "get_internal_transfer_records": _per_minute(60),
    "get_sub_uid": _per_minute(60),
    "get_universal_transfer_records": Limit(5),
    "get_all_coins_balance": Limit(5),
    "get_p2p_account_coins_balance": Limit(5),
    "get_coin_balance": Limit(450),
    "get_asset_overview": Limit(50),
    "get_withdrawable_amount": Limit(300),
    "get_deposit_records": _per_minute(100),
    "get_sub_account_deposit_records": _per_minute(300),
    "get_master_deposit_address": _per_minute(300),
    "get_sub_deposit_address": _per_minute(300),
    "query_sub_member_address": _per_minute(300),
    "get_withdrawal_records": _per_minute(300),
    "get_coin_info": Limit(5),
    "get_coin_exchange_records": _per_minute(600),
    "get_convert_coins": Limit(30),
    "get_exchange_history_small_balance": Limit(5),
    "get_small_balance_list": Limit(10),
    "get_delivery_record": Limit(50),
    "get_internal_deposit_records": Limit(300),
    "get_funding_account_transaction_history": Limit(30),
    "get_portfolio_margin_info": Limit(50),
    "get_settlement_records": Limit(50),
    "get_total_members_assets": Limit(50),
    "get_exchange_entities": Limit(1),
    "get_withdrawal_address_list": Limit(300),
    "create_internal_transfer": _per_minute(60),
    "enable_universal_transfer_for_sub_uids": Limit(20),
    "create_universal_transfer": Limit(5),
    "submit_withdrawal": Limit(5),
    "cancel_withdrawal": _per_minute(60),
    "request_convert_quote": Limit(20),
    "confirm_convert_quote": Limit(20),
    "confirm_a_quote_small_balance": Limit(5),
    "request_a_quote_small_balance": Limit(5),
    "set_deposit_account": Limit(300),
    "confirm_a_quote_fiat_convert": Limit(100),
    # /v5/user
    "create_sub_member": Limit(1),
    "create_sub_uid_api_key": Limit(1),
    "set_sub_uid_frozen_state": Limit(5),
    "update_master_api_key": Limit(5),
    "update_sub_api_key": Limit(5),
    "delete_master_api_key": Limit(5),
    "delete_sub_api_key": Limit(5),
    "get_sub_uid_list": Limit(10),
    "get_query_api_key": Limit(10),
    "get_affiliate_user_info": Limit(10),
    # /v5/spread
    "submit_spread_order": Limit(20),
    "amend_spread_order": Limit(20),
    "cancel_spread_order": Limit(20),
    "cancel_all_spread_orders": Limit(5),
    "get_spread_open_orders": Limit(50),
    "get_spread_order_history": Limit(50),
    "get_spread_trade_history": Limit(50),
    "get_spread_max_qty": Limit(50),
    # /v5/spot-margin-trade (UTA)
    "toggle_spot_margin_trade": Limit(5),
    "set_spot_margin_leverage": Limit(5),
    "set_spot_margin_leverage_v2": Limit(5),
    "get_spot_margin_state": Limit(50),
    "get_max_borrowable_amount": Limit(50),
    "get_coin_state": Limit(50),
    "get_available_amount_to_repay": Limit(50),
    "set_auto_repay_mode": Limit(5),
    "get_auto_repay_mode": Limit(50),
    "get_fixed_rate_borrow_order_quote": Limit(5),
    "submit_fixed_rate_borrow": Limit(1),
    "renew_fixed_rate_borrow": Limit(1),
    "get_fixed_rate_borrow_order_info": Limit(5),
    "get_fixed_rate_borrow_contract_info": Limit(5),
    "get_spot_margin_liability": Limit(5),
}


def _cursor(limit_max: int, window_days: float = 0, items: str = "result.list") -> Paging:
    return Paging(
        items, "cursor", next_cursor="result.nextPageCursor", limit_max=limit_max, window_days=window_days or None
    )


PAGING: Dict[str, Paging] = {
    "get_execution_list": _cursor(100, 7),
    "get_historic_orders": _cursor(50, 7),
    "get_closed_pnl": _cursor(100, 7),
    "get_transaction_log": _cursor(50, 7),
    "get_active_orders": _cursor(50),
    "get_position_info": _cursor(200),
    "get_instruments_info": _cursor(1000),
    "get_deposit_records": _cursor(50, 30, items="result.rows"),
    "get_withdrawal_records": _cursor(50, 30, items="result.rows"),
    "get_borrow_history": _cursor(50, 30),
    "get_internal_transfer_records": _cursor(50, 7),
    "get_universal_transfer_records": _cursor(50, 7),
}
