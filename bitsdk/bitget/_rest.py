"""Bitget REST: the signing and envelope rules, and the V3 (UTA) and V2 (Classic) endpoints.

Signing (Bitget API docs, "Signature"; the signer shared with the WebSocket login is
:mod:`bitsdk.bitget._sign`): ``ACCESS-SIGN`` is the base64 of HMAC-SHA256 (or of an RSA
PKCS#1 v1.5 / SHA-256 signature when the secret is a PEM key) over
``timestamp + METHOD + path + ("?" + query if any) + body``. A signed GET's query is sorted by
key; the URL carries it percent-encoded (``encodeURIComponent``), but Bitget verifies the
signature over the *decoded* text (``note=a b/c``, not ``note=a%20b%2Fc``), so that is what is
signed: signing the encoded form fails with 40009 as soon as a value holds ``:`` ``/`` ``#``
``+`` a space ``$`` or non-ASCII text. A POST body is signed as the exact bytes sent. Demo
trading is the live host plus the header ``paptrading: 1``, with the normal product types.
Casing rules: :mod:`bitsdk._casing`.
"""

from __future__ import annotations

import logging
from typing import Any, ClassVar, Dict, Mapping, Optional, Tuple, Type, Union

import requests

from .. import _casing, errors
from .._casing import BITGET_FUTURES_PRODUCT_TYPES as FUTURES_PRODUCT_TYPES
from .._casing import LEGACY_DEMO_PRODUCT_TYPES as LEGACY_DEMO_PRODUCT_TYPES
from .._clock import Clock
from .._http import OPTIONAL, EndpointSpec, Envelope, RestClient, Timeout, _param_dicts, encode_query, endpoint
from .._options import checked_options
from .._ratelimit import RateLimiter
from . import _sign as sign

from ._limits import V2_PAGING, V2_RATE_LIMITS, V3_PAGING, V3_RATE_LIMITS

__all__ = ["RestClientV3", "RestClientV2", "ERROR_CLASSES"]

#: The server clock on every Bitget client (Bitget documents no V3 equivalent).
SERVER_TIME_PATH = "/api/v2/public/time"

# FUTURES_PRODUCT_TYPES and LEGACY_DEMO_PRODUCT_TYPES live with the other casing rules in
# bitsdk._casing; imported above so they stay importable from here.

#: Exchange codes with their own exception class; every other code is an APIError.
ERROR_CLASSES: Dict[str, Type[errors.APIError]] = {
    "40004": errors.TimestampError,  # request timestamp expired / invalid
    "40005": errors.TimestampError,
    "40008": errors.TimestampError,
    "40006": errors.AuthenticationError,  # invalid ACCESS-KEY
    "40009": errors.AuthenticationError,  # sign signature error
    "40012": errors.AuthenticationError,  # apikey/passphrase incorrect
    "40037": errors.AuthenticationError,  # apikey does not exist
    "40099": errors.AuthenticationError,  # demo keys without paptrading (or the reverse)
    "429": errors.RateLimitError,
}


class _BitgetRest(RestClient):
    """What every Bitget REST client shares: host, headers, signing and error codes."""

    DEFAULT_BASE_URL = "https://api.bitget.com"
    LOGGER_NAME = "bitsdk.bitget"
    TRACE_ENV = "BITGETTRACE"
    SECRET_HEADERS = frozenset({"ACCESS-KEY", "ACCESS-SIGN", "ACCESS-PASSPHRASE"})
    NEEDS_PASSPHRASE = True
    #: API families whose ``category`` is the trading category checked by PARAM_CHOICES.
    CATEGORY_FAMILIES: ClassVar[Tuple[str, ...]] = ()

    @checked_options
    def __init__(
        self,
        api_key: Optional[str] = None,
        api_secret: Optional[str] = None,
        api_pass: Optional[str] = None,
        *,
        demo_trading: bool = False,
        base_url: Optional[str] = None,
        ws_url: Union[str, Mapping[str, str], None] = None,
        timeout: Timeout = 10.0,
        proxies: Optional[Mapping[str, str]] = None,
        session: Optional[requests.Session] = None,
        trace: Optional[bool] = None,
        logger: Optional[logging.Logger] = None,
        time_offset_ms: int = 0,
        time_sync_interval: Optional[float] = None,
        read_retries: int = 0,
        max_retry_wait: float = 5.0,
        rate_limit: Union[bool, RateLimiter] = False,
        recv_window: None = None,
        clock: Optional[Clock] = None,
    ):
        """Create a client. No network I/O happens until the first call.

        The credentials may be passed positionally, in this order, as on every bitsdk client
        (REST and WebSocket); every other option is keyword-only. A misspelt option raises
        :class:`~bitsdk.errors.UnknownOptionError` naming the closest valid one.

        Args:
            api_key: API key (``ACCESS-KEY``); omit all three credentials for public data.
            api_secret: HMAC secret, or an RSA private key in PEM form (detected from its text).
            api_pass: the passphrase chosen when the key was created (not the account password).
            demo_trading: send ``paptrading: 1`` on every request (needs demo-trading keys).
            base_url: replaces the scheme and host (``https://api.bitget.com``); the signed path
                stays the API path.
            ws_url: WebSocket only; accepted (and ignored) so one options dict builds REST and
                WebSocket clients alike.
            timeout: seconds, or a ``(connect, read)`` tuple (10).
            proxies: ``{"https": "http://proxy:3128"}``; default: from the environment.
            session: a ``requests.Session`` to use; it stays yours: ``close()`` leaves it open.
            trace: log every request and response at DEBUG, secrets redacted (default: the
                ``BITGETTRACE`` environment variable).
            logger: where log records go (default ``bitsdk.bitget``).
            time_offset_ms: server minus local time (ms), added to ``ACCESS-TIMESTAMP``.
            time_sync_interval: re-measure the offset before a signed request when this many
                seconds have passed (off by default).
            read_retries: how often a failed GET is retried (0-5; never a POST).
            max_retry_wait: the longest wait (seconds) a retry accepts when Bitget says when to
                come back (5.0).
            rate_limit: ``True`` waits before a request for room under Bitget's per-endpoint limits (opt-in;
                see :meth:`~bitsdk.RestClient.paginate` for paging); a ``RateLimiter`` to share one.
            recv_window: not supported: Bitget REST has no receive window (it accepts
                ``ACCESS-TIMESTAMP`` within about 30 s of its clock); passing it raises.
            clock: a :class:`~bitsdk.Clock` shared with other clients (``rest.clock`` of
                another one, REST or WebSocket); its offset and sync interval replace
                ``time_offset_ms`` and ``time_sync_interval``.

        Raises:
            bitsdk.errors.InvalidParameterError: credentials given only in part, a
                ``recv_window``, or a bad option value.
            bitsdk.errors.UnknownOptionError: an option this client does not have.
        """
        if recv_window is not None:
            raise errors.InvalidParameterError(
                "Bitget REST has no receive window (it accepts ACCESS-TIMESTAMP within about 30 s of "
                "its clock): remove recv_window=; to correct a clock offset use time_offset_ms= or "
                "set_time_offset_ms()"
            )
        sign.check(api_key, api_secret, api_pass)
        super().__init__(
            api_key=api_key, api_secret=api_secret, api_pass=api_pass, base_url=base_url, ws_url=ws_url,
            timeout=timeout, proxies=proxies, session=session, trace=trace, logger=logger,
            time_offset_ms=time_offset_ms, time_sync_interval=time_sync_interval,
            read_retries=read_retries, max_retry_wait=max_retry_wait, rate_limit=rate_limit, clock=clock,
        )
        self.demo_trading = demo_trading
        self._headers = {"Content-Type": "application/json", "locale": "en-US"}
        if demo_trading:
            self._headers["paptrading"] = "1"

    def _base_headers(self) -> Dict[str, str]:
        return dict(self._headers)

    def _encode_query(self, params: Any) -> str:
        return encode_query(params, sort=True)

    def _auth_headers(
        self, method: str, path: str, query: str, body: Union[str, bytes, None], timestamp: int
    ) -> Dict[str, str]:
        return sign.rest_headers(self.credentials, method, path, query, body, timestamp)

    def _check_envelope(self, envelope: Envelope, method: str, path: str) -> None:
        code = envelope.get("code")
        if code is None or str(code) == "00000":
            return
        code = str(code)
        cls = ERROR_CLASSES.get(code, errors.APIError)
        message = str(envelope.get("msg") or "request failed")
        if cls is errors.TimestampError:
            message += (
                " (Bitget accepts ACCESS-TIMESTAMP within about 30 s of its clock: sync the host "
                "clock, or measure with fetch_latency_summary() and call set_time_offset_ms())"
            )
        if code == "40099":
            message += " (demo-trading keys need demo_trading=True; live keys need it off)"
        self._raise_api_error(cls, message, code, envelope, method, path)

    def _choices_apply(self, spec: EndpointSpec) -> bool:
        return spec.path.startswith(self.CATEGORY_FAMILIES)

    def fetch_server_time(self) -> int:
        """Bitget's clock as an int of epoch milliseconds (one public request).

        Uses ``GET /api/v2/public/time`` (``data.serverTime``, a string of milliseconds) on
        every Bitget client, V3 included: it is the only documented server-time endpoint
        (``/api/v3/public/time`` stays available as :meth:`RestClientV3.get_server_time`).
        :meth:`sync_time` and :meth:`fetch_latency_summary` measure with it.
        """
        envelope = self._request("GET", SERVER_TIME_PATH, name="fetch_server_time")
        return int(envelope["data"]["serverTime"])

    def fetch_server_time_ms(self) -> int:
        """The same as :meth:`fetch_server_time`: Bitget's clock in epoch milliseconds."""
        return self.fetch_server_time()


class RestClientV3(_BitgetRest):
    """Bitget V3 / Unified Trading Account (UTA) REST client, every ``/api/v3`` endpoint.

    Constructor (shared by :class:`RestClientV3` and :class:`RestClientV2`): ``api_key``,
    ``api_secret`` and ``api_pass`` may be passed positionally, in that order, as on every
    bitsdk client (REST and WebSocket); every other option is keyword-only and named in the
    signature. All three credentials or none. A misspelt option raises
    :class:`~bitsdk.errors.UnknownOptionError` naming the closest one.

    ``category`` is upper-case here (``"SPOT"``, ``"USDT-FUTURES"``...) and ``reduceOnly`` is
    ``"yes"``/``"no"``; other spellings are refused before sending::

        client = RestClientV3(api_key, api_secret, api_pass)
        client.get_balances()
        client.submit_new_order(category="SPOT", symbol="BTCUSDT", side="buy",
                                orderType="limit", qty="0.001", price="20000")
    """

    SURFACE = _casing.BITGET_V3_REST.surface
    PARAM_CHOICES = _casing.BITGET_V3_REST.choices
    CATEGORY_FAMILIES = ("/api/v3/market", "/api/v3/trade", "/api/v3/position", "/api/v3/account")
    RATE_LIMITS = V3_RATE_LIMITS
    PAGING = V3_PAGING

    # /api/v3/public
    get_server_time = endpoint("GET", "/api/v3/public/time")

    # /api/v3/market
    get_instruments = endpoint("GET", "/api/v3/market/instruments")
    get_market_fee_group = endpoint("GET", "/api/v3/market/fee-group")
    get_liquidations = endpoint("GET", "/api/v3/market/liquidations")
    get_rpi_symbols = endpoint("GET", "/api/v3/market/rpi-symbols")
    get_rpi_order_book = endpoint("GET", "/api/v3/market/rpi-orderbook")
    get_cash_dividend_records = endpoint("GET", "/api/v3/market/cash-dividend-records")
    get_spot_whale_flow = endpoint("GET", "/api/v3/market/spot-whale-flow")
    get_spot_fund_flow = endpoint("GET", "/api/v3/market/spot-fund-flow")
    get_spot_net_flow = endpoint("GET", "/api/v3/market/spot-net-flow")
    get_margin_long_short = endpoint("GET", "/api/v3/market/margin-long-short")
    get_margin_loan_growth = endpoint("GET", "/api/v3/market/margin-loan-growth")
    get_margin_isolated_borrow = endpoint("GET", "/api/v3/market/margin-isolated-borrow")
    get_futures_active_buy_sell = endpoint("GET", "/api/v3/market/futures-active-buy-sell")
    get_futures_long_short = endpoint("GET", "/api/v3/market/futures-long-short")
    get_futures_position_long_short = endpoint("GET", "/api/v3/market/futures-position-long-short")
    get_futures_account_long_short = endpoint("GET", "/api/v3/market/futures-account-long-short")
    get_market_score_weights = endpoint("GET", "/api/v3/market/score-weights")
    get_tickers = endpoint("GET", "/api/v3/market/tickers")
    get_order_book = endpoint("GET", "/api/v3/market/orderbook")
    get_fills = endpoint("GET", "/api/v3/market/fills")
    get_proof_of_reserves = endpoint("GET", "/api/v3/market/proof-of-reserves")
    get_open_interest = endpoint("GET", "/api/v3/market/open-interest")
    get_candles = endpoint("GET", "/api/v3/market/candles")
    get_history_candles = endpoint("GET", "/api/v3/market/history-candles")
    get_current_funding_rate = endpoint("GET", "/api/v3/market/current-fund-rate")
    get_history_funding_rate = endpoint("GET", "/api/v3/market/history-fund-rate")
    get_risk_reserve = endpoint("GET", "/api/v3/market/risk-reserve")
    get_risk_reserve_hour = endpoint("GET", "/api/v3/market/risk-reserve-hour")
    get_risk_reserve_all = endpoint("GET", "/api/v3/market/risk-reserve-all")
    get_discount_rate = endpoint("GET", "/api/v3/market/discount-rate")
    get_margin_loans = endpoint("GET", "/api/v3/market/margin-loans")
    get_position_tier = endpoint("GET", "/api/v3/market/position-tier")
    get_contracts_oi = endpoint("GET", "/api/v3/market/oi-limit")
    get_index_components = endpoint("GET", "/api/v3/market/index-components")

    # /api/v3/account
    get_reality_order_book = endpoint("GET", "/api/v3/account/reality-orderbook", auth=True)
    get_reality_fills = endpoint("GET", "/api/v3/account/reality-fills", auth=True)

    # /api/v3/copy
    get_copy_futures_trading_pairs = endpoint("GET", "/api/v3/copy/futures/trading-pairs", auth=True)
    get_copy_futures_position_summary = endpoint("GET", "/api/v3/copy/futures/position-summary", auth=True)
    get_copy_futures_max_transferable = endpoint("GET", "/api/v3/copy/futures/max-transferable", auth=True)
    copy_futures_transfer = endpoint("POST", "/api/v3/copy/futures/transfer", auth=True)
    get_copy_futures_transfer_records = endpoint("GET", "/api/v3/copy/futures/transfer-record", auth=True)
    get_copy_futures_current_followers = endpoint("GET", "/api/v3/copy/futures/current-follower", auth=True)
    get_copy_futures_history_followers = endpoint("GET", "/api/v3/copy/futures/history-follower", auth=True)
    get_copy_futures_profit_summary = endpoint("GET", "/api/v3/copy/futures/profit-summary", auth=True)
    get_copy_futures_profit_details = endpoint("GET", "/api/v3/copy/futures/profit-details", auth=True)

    # /api/v3/stockplus
    get_stock_plus_option_quote = endpoint("GET", "/api/v3/stockplus/market/option-quote", auth=True)
    get_stock_plus_option_chain_info = endpoint("GET", "/api/v3/stockplus/market/option-chain-info", auth=True)
    get_stock_plus_option_expiry_date = endpoint("GET", "/api/v3/stockplus/market/option-expiry-date", auth=True)
    get_stock_plus_option_volume = endpoint("GET", "/api/v3/stockplus/market/option-volume", auth=True)
    get_stock_plus_static_info = endpoint("GET", "/api/v3/stockplus/market/static", auth=True)
    get_stock_plus_quote = endpoint("GET", "/api/v3/stockplus/market/quote", auth=True)
    get_stock_plus_trade_detail = endpoint("GET", "/api/v3/stockplus/market/trade", auth=True)
    get_stock_plus_intraday = endpoint("GET", "/api/v3/stockplus/market/intraday", auth=True)
    get_stock_plus_history_candlestick = endpoint("GET", "/api/v3/stockplus/market/history-candlestick", auth=True)
    get_stock_plus_candlestick = endpoint("GET", "/api/v3/stockplus/market/candlestick", auth=True)
    get_stock_plus_depth = endpoint("GET", "/api/v3/stockplus/market/depth", auth=True)
    place_stock_plus_order = endpoint("POST", "/api/v3/stockplus/trade/place-order", auth=True)
    cancel_stock_plus_order = endpoint("POST", "/api/v3/stockplus/trade/cancel-order", auth=True)
    modify_stock_plus_order = endpoint("POST", "/api/v3/stockplus/trade/modify-order", auth=True)
    get_stock_plus_today_orders = endpoint("GET", "/api/v3/stockplus/trade/today-orders", auth=True)
    get_stock_plus_history_orders = endpoint("GET", "/api/v3/stockplus/trade/history-orders", auth=True)
    get_stock_plus_order_detail = endpoint("GET", "/api/v3/stockplus/trade/order-detail", auth=True)
    get_stock_plus_today_executions = endpoint("GET", "/api/v3/stockplus/trade/today-executions", auth=True)
    get_stock_plus_history_executions = endpoint("GET", "/api/v3/stockplus/trade/history-executions", auth=True)
    get_stock_plus_account = endpoint("GET", "/api/v3/stockplus/asset/account", auth=True)
    get_stock_plus_cash_flow = endpoint("GET", "/api/v3/stockplus/asset/cash-flow", auth=True)
    get_stock_plus_stock_position = endpoint("GET", "/api/v3/stockplus/asset/stock-position", auth=True)
    stock_plus_transfer = endpoint("POST", "/api/v3/stockplus/asset/transfer", auth=True)
    get_stock_plus_transfer_records = endpoint("GET", "/api/v3/stockplus/asset/transfer-records", auth=True)

    # /api/v3/account
    get_balances = endpoint("GET", "/api/v3/account/assets", auth=True)
    get_funding_assets = endpoint("GET", "/api/v3/account/funding-assets", auth=True)
    get_account_info = endpoint("GET", "/api/v3/account/info", auth=True)
    get_account_settings = endpoint("GET", "/api/v3/account/settings", auth=True)
    adjust_account_mode = endpoint("POST", "/api/v3/account/adjust-account-mode", auth=True)
    get_delta_info = endpoint("GET", "/api/v3/account/delta-info", auth=True)
    set_leverage = endpoint("POST", "/api/v3/account/set-leverage", auth=True)
    set_hold_mode = endpoint("POST", "/api/v3/account/set-hold-mode", auth=True)
    get_collateral_type = endpoint("GET", "/api/v3/account/collateral-type", auth=True)
    set_collateral_type = endpoint("POST", "/api/v3/account/set-collateral-type", auth=True)
    get_custom_collateral_coins = endpoint("GET", "/api/v3/account/custom-collateral-coins")
    pre_set_leverage = endpoint("GET", "/api/v3/account/pre-set-leverage", auth=True)
    set_margin = endpoint("POST", "/api/v3/account/set-margin", auth=True)
    get_max_withdrawal = endpoint("GET", "/api/v3/account/max-withdrawal", auth=True)
    get_financial_records = endpoint("GET", "/api/v3/account/financial-records", auth=True)
    get_repayable_coins = endpoint("GET", "/api/v3/account/repayable-coins", auth=True)
    get_payment_coins = endpoint("GET", "/api/v3/account/payment-coins", auth=True)
    submit_repay = endpoint("POST", "/api/v3/account/repay", auth=True)
    get_convert_records = endpoint("GET", "/api/v3/account/convert-records", auth=True)
    set_deposit_account = endpoint("POST", "/api/v3/account/deposit-account", auth=True)
    switch_deduct = endpoint("POST", "/api/v3/account/switch-deduct", auth=True)
    get_deduct_info = endpoint("GET", "/api/v3/account/deduct-info", auth=True)
    get_fee_rate = endpoint("GET", "/api/v3/account/fee-rate", auth=True)
    get_all_fee_rates = endpoint("GET", "/api/v3/account/all-fee-rate", auth=True)
    get_max_transferable = endpoint("GET", "/api/v3/account/max-transferable", auth=True)
    get_open_interest_limit = endpoint("GET", "/api/v3/account/open-interest-limit", auth=True)
    get_eligible_symbols = endpoint("GET", "/api/v3/account/eligible-symbols", auth=True)
    get_eligible_margin_tier = endpoint("GET", "/api/v3/account/eligible-margin-tier", auth=True)
    get_eligible_loan_info = endpoint("GET", "/api/v3/account/eligible-loan-info", auth=True)
    downgrade_account_to_classic = endpoint("POST", "/api/v3/account/switch", auth=True)
    get_unified_account_switch_status = endpoint("GET", "/api/v3/account/switch-status", auth=True)

    # /api/v3/tax
    get_tax_records = endpoint("GET", "/api/v3/tax/records", auth=True)

    # /api/v3/user
    create_sub_account = endpoint("POST", "/api/v3/user/create-sub", auth=True)
    create_agent_sub_account = endpoint("POST", "/api/v3/user/sub-account/agent-create", auth=True)
    freeze_sub_account = endpoint("POST", "/api/v3/user/freeze-sub", auth=True)

    # /api/v3/account
    get_sub_unified_assets = endpoint("GET", "/api/v3/account/sub-unified-assets", auth=True)

    # /api/v3/user
    get_sub_account_list = endpoint("GET", "/api/v3/user/sub-list", auth=True)
    create_sub_account_api_key = endpoint("POST", "/api/v3/user/create-sub-api", auth=True)
    update_sub_account_api_key = endpoint("POST", "/api/v3/user/update-sub-api", auth=True)
    delete_sub_account_api_key = endpoint("POST", "/api/v3/user/delete-sub-api", auth=True)
    get_sub_account_api_keys = endpoint("GET", "/api/v3/user/sub-api-list", auth=True)
    get_rate_limit_quota = endpoint("GET", "/api/v3/user/rate-limit-quota", auth=True)
    set_rate_limit_quota = endpoint("POST", "/api/v3/user/set-rate-limit-quota", auth=True)

    # /api/v3/account
    get_transferable_coins = endpoint("GET", "/api/v3/account/transferable-coins", auth=True)
    submit_transfer = endpoint("POST", "/api/v3/account/transfer", auth=True)
    sub_account_transfer = endpoint("POST", "/api/v3/account/sub-transfer", auth=True)
    get_sub_transfer_records = endpoint("GET", "/api/v3/account/sub-transfer-record", auth=True)
    sub_master_transfer = endpoint("POST", "/api/v3/account/sub-master-transfer", auth=True)
    get_deposit_address = endpoint("GET", "/api/v3/account/deposit-address", auth=True)
    get_sub_deposit_address = endpoint("GET", "/api/v3/account/sub-deposit-address", auth=True)
    get_deposit_records = endpoint("GET", "/api/v3/account/deposit-records", auth=True)
    get_sub_deposit_records = endpoint("POST", "/api/v3/account/sub-deposit-records", auth=True)
    submit_withdraw = endpoint("POST", "/api/v3/account/withdrawal", auth=True)
    get_withdraw_records = endpoint("GET", "/api/v3/account/withdrawal-records", auth=True)
    get_withdraw_address_book = endpoint("GET", "/api/v3/account/withdraw-address", auth=True)
    cancel_withdrawal = endpoint("POST", "/api/v3/account/cancel-withdrawal", auth=True)

    # /api/v3/trade
    submit_new_order = endpoint("POST", "/api/v3/trade/place-order", auth=True)
    modify_order = endpoint("POST", "/api/v3/trade/modify-order", auth=True)
    place_reality_order = endpoint("POST", "/api/v3/trade/place-reality-order", auth=True)
    cancel_reality_order = endpoint("POST", "/api/v3/trade/cancel-reality-order", auth=True)
    get_loan_data = endpoint("GET", "/api/v3/trade/loan-data", auth=True)
    cancel_order = endpoint("POST", "/api/v3/trade/cancel-order", auth=True)
    place_batch_orders = endpoint("POST", "/api/v3/trade/place-batch", auth=True)
    batch_modify_orders = endpoint("POST", "/api/v3/trade/batch-modify-order", auth=True)
    cancel_batch_orders = endpoint("POST", "/api/v3/trade/cancel-batch", auth=True)
    cancel_all_orders = endpoint("POST", "/api/v3/trade/cancel-symbol-order", auth=True)
    close_all_positions = endpoint("POST", "/api/v3/trade/close-positions", auth=True)
    get_order_info = endpoint("GET", "/api/v3/trade/order-info", auth=True)
    get_unfilled_orders = endpoint("GET", "/api/v3/trade/unfilled-orders", auth=True)
    get_history_orders = endpoint("GET", "/api/v3/trade/history-orders", auth=True)

    # /api/v3/account
    move_positions = endpoint("POST", "/api/v3/account/move-positions", auth=True)
    get_move_position_history = endpoint("GET", "/api/v3/account/move-position-history", auth=True)

    # /api/v3/trade
    get_trade_fills = endpoint("GET", "/api/v3/trade/fills", auth=True)

    # /api/v3/position
    get_current_position = endpoint("GET", "/api/v3/position/current-position", auth=True)
    get_position_history = endpoint("GET", "/api/v3/position/history-position", auth=True)

    # /api/v3/account
    get_max_open_available = endpoint("POST", "/api/v3/account/max-open-available", auth=True)

    # /api/v3/position
    get_position_adl_rank = endpoint("GET", "/api/v3/position/adlRank", auth=True)

    # /api/v3/trade
    countdown_cancel_all = endpoint("POST", "/api/v3/trade/countdown-cancel-all", auth=True)

    # /api/v3/ins-loan
    get_loan_transfered = endpoint("GET", "/api/v3/ins-loan/transfered", auth=True)
    get_loan_symbols = endpoint("GET", "/api/v3/ins-loan/symbols", auth=True)
    get_loan_risk_unit = endpoint("GET", "/api/v3/ins-loan/risk-unit", auth=True)
    get_loan_repaid_history = endpoint("GET", "/api/v3/ins-loan/repaid-history", auth=True)
    get_loan_product_info = endpoint("GET", "/api/v3/ins-loan/product-infos", auth=True)
    get_loan_order = endpoint("GET", "/api/v3/ins-loan/loan-order", auth=True)
    get_loan_ltv_convert = endpoint("GET", "/api/v3/ins-loan/ltv-convert", auth=True)
    get_loan_margin_coin_info = endpoint("GET", "/api/v3/ins-loan/ensure-coins-convert", auth=True)
    bind_loan_uid = endpoint("POST", "/api/v3/ins-loan/bind-uid", auth=True)

    # /api/v3/loan
    get_loan_coins = endpoint("GET", "/api/v3/loan/coins", auth=True)
    get_loan_interest = endpoint("GET", "/api/v3/loan/interest", auth=True)
    loan_borrow = endpoint("POST", "/api/v3/loan/borrow", auth=True)
    get_loan_borrow_ongoing = endpoint("GET", "/api/v3/loan/borrow-ongoing", auth=True)
    get_loan_borrow_history = endpoint("GET", "/api/v3/loan/borrow-history", auth=True)
    loan_repay = endpoint("POST", "/api/v3/loan/repay", auth=True)
    get_loan_repay_history = endpoint("GET", "/api/v3/loan/repay-history", auth=True)
    loan_revise_pledge = endpoint("POST", "/api/v3/loan/revise-pledge", auth=True)
    get_loan_pledge_rate_history = endpoint("GET", "/api/v3/loan/pledge-rate-history", auth=True)
    get_loan_debts = endpoint("GET", "/api/v3/loan/debts", auth=True)
    get_loan_reduces = endpoint("GET", "/api/v3/loan/reduces", auth=True)

    # /api/v3/trade
    submit_strategy_order = endpoint("POST", "/api/v3/trade/place-strategy-order", auth=True)
    modify_strategy_order = endpoint("POST", "/api/v3/trade/modify-strategy-order", auth=True)
    cancel_strategy_order = endpoint("POST", "/api/v3/trade/cancel-strategy-order", auth=True)
    get_unfilled_strategy_orders = endpoint("GET", "/api/v3/trade/unfilled-strategy-orders", auth=True)
    get_history_strategy_orders = endpoint("GET", "/api/v3/trade/history-strategy-orders", auth=True)

    # /api/v3/broker
    create_broker_sub_account = endpoint("POST", "/api/v3/broker/create-sub", auth=True)
    get_broker_sub_account_list = endpoint("GET", "/api/v3/broker/sub-list", auth=True)
    modify_broker_sub_account = endpoint("POST", "/api/v3/broker/modify-sub", auth=True)
    broker_sub_withdrawal = endpoint("POST", "/api/v3/broker/sub-withdrawal", auth=True)
    get_broker_sub_deposit_address = endpoint("POST", "/api/v3/broker/sub-deposit-address", auth=True)
    get_broker_all_sub_deposit_withdrawal = endpoint("GET", "/api/v3/broker/all-sub-deposit-withdrawal", auth=True)
    get_broker_commission = endpoint("GET", "/api/v3/broker/commission", auth=True)
    create_broker_sub_api_key = endpoint("POST", "/api/v3/broker/create-sub-apikey", auth=True)
    modify_broker_sub_api_key = endpoint("POST", "/api/v3/broker/modify-sub-apikey", auth=True)
    delete_broker_sub_api_key = endpoint("POST", "/api/v3/broker/delete-sub-apikey", auth=True)
    get_broker_sub_api_key = endpoint("GET", "/api/v3/broker/query-sub-apikey", auth=True)

    # /api/v3/p2p
    get_p2p_ad_list = endpoint("GET", "/api/v3/p2p/ad-list", auth=True)
    get_p2p_exchange_rate = endpoint("GET", "/api/v3/p2p/exchange-rate", auth=True)
    simulate_p2p_fee = endpoint("POST", "/api/v3/p2p/fee-simulate", auth=True)
    get_p2p_ad_limit = endpoint("GET", "/api/v3/p2p/ad-limit", auth=True)
    create_p2p_ad = endpoint("POST", "/api/v3/p2p/ad-create", auth=True)
    update_p2p_ad = endpoint("POST", "/api/v3/p2p/ad-update", auth=True)
    operate_p2p_ad = endpoint("POST", "/api/v3/p2p/ad-operate", auth=True)
    get_p2p_ad_info = endpoint("GET", "/api/v3/p2p/ad-info", auth=True)
    get_p2p_my_ads = endpoint("GET", "/api/v3/p2p/my-ads", auth=True)
    get_p2p_pending_orders = endpoint("GET", "/api/v3/p2p/pending-orders", auth=True)
    get_p2p_all_orders = endpoint("GET", "/api/v3/p2p/all-orders", auth=True)
    get_p2p_order_info = endpoint("GET", "/api/v3/p2p/order-info", auth=True)
    confirm_p2p_order_payment = endpoint("POST", "/api/v3/p2p/order-pay", auth=True)
    release_p2p_order_asset = endpoint("POST", "/api/v3/p2p/order-release", auth=True)
    get_p2p_user_info = endpoint("GET", "/api/v3/p2p/user-info", auth=True)
    get_p2p_currencies = endpoint("GET", "/api/v3/p2p/currencies", auth=True)
    get_p2p_pay_methods = endpoint("GET", "/api/v3/p2p/pay-method", auth=True)
    get_p2p_balance = endpoint("GET", "/api/v3/p2p/balance", auth=True)

    # /api/v3/earn
    get_earn_elite_products = endpoint("GET", "/api/v3/earn/elite-product", auth=True)
    get_earn_elite_assets = endpoint("GET", "/api/v3/earn/elite-assets", auth=True)
    get_earn_elite_records = endpoint("GET", "/api/v3/earn/elite-records", auth=True)
    get_earn_elite_subscribe_info = endpoint("GET", "/api/v3/earn/elite-subscribe-info", auth=True)
    subscribe_earn_elite = endpoint("POST", "/api/v3/earn/elite-subscribe", auth=True)
    get_earn_elite_subscribe_result = endpoint("GET", "/api/v3/earn/elite-subscribe-result", auth=True)
    get_earn_elite_redeem_info = endpoint("GET", "/api/v3/earn/elite-redeem-info", auth=True)
    redeem_earn_elite = endpoint("POST", "/api/v3/earn/elite-redeem", auth=True)


class RestClientV2(_BitgetRest):
    """Bitget V2 / Classic REST client, every ``/api/v2`` endpoint (spot, futures, margin,
    copy trading, earn, broker, P2P, tax, convert).

    Constructor (shared by :class:`RestClientV3` and :class:`RestClientV2`): ``api_key``,
    ``api_secret`` and ``api_pass`` may be passed positionally, in that order, as on every
    bitsdk client (REST and WebSocket); every other option is keyword-only and named in the
    signature. All three credentials or none. A misspelt option raises
    :class:`~bitsdk.errors.UnknownOptionError` naming the closest one.

    ``productType`` is upper-case (``"USDT-FUTURES"``; demo trading uses the same product
    types with ``demo_trading=True``) and futures ``reduceOnly`` is ``"YES"``/``"NO"``. The
    ``/api/v2/margin/{marginType}/...`` methods take ``marginType="crossed"`` or ``"isolated"``
    (also as the first positional argument)::

        client = RestClientV2()
        client.get_spot_candles(symbol="BTCUSDT", granularity="1min")
        client.get_margin_max_borrowable("crossed", coin="USDT")   # signed
    """

    SURFACE = _casing.BITGET_V2_REST.surface
    PARAM_CHOICES = _casing.BITGET_V2_REST.choices
    PATH_PARAM_CHOICES = _casing.BITGET_V2_REST.path_choices
    CATEGORY_FAMILIES = ("/api/v2/mix",)
    RATE_LIMITS = V2_RATE_LIMITS
    PAGING = V2_PAGING

    def _validate(self, spec: EndpointSpec, params: Any) -> None:
        super()._validate(spec, params)
        # Futures endpoints know every product type; elsewhere only the casing is known to matter.
        strict = self._choices_apply(spec)
        for item in _param_dicts(params):
            self._check_product_type(item.get("productType"), strict)

    def _check_product_type(self, value: Any, strict: bool) -> None:
        _casing.check_product_type(_casing.BITGET_V2_REST, "productType", value, FUTURES_PRODUCT_TYPES, strict=strict)

    # Signed when keys are configured, public otherwise: Bitget serves this market data to
    # anyone, though its own SDK flags it private.

    # /api/v2/public
    get_announcements = endpoint("GET", "/api/v2/public/annoucements")
    get_server_time = endpoint("GET", "/api/v2/public/time")

    # /api/v2/common
    get_trade_rate = endpoint("GET", "/api/v2/common/trade-rate", auth=True)
    get_all_trade_rates = endpoint("GET", "/api/v2/common/all-trade-rate", auth=True)

    # /api/v2/tax
    get_spot_transaction_records = endpoint("GET", "/api/v2/tax/spot-record", auth=True)
    get_futures_transaction_records = endpoint("GET", "/api/v2/tax/future-record", auth=True)
    get_margin_transaction_records = endpoint("GET", "/api/v2/tax/margin-record", auth=True)
    get_p2p_transaction_records = endpoint("GET", "/api/v2/tax/p2p-record", auth=True)

    # /api/v2/p2p
    get_p2p_merchant_list = endpoint("GET", "/api/v2/p2p/merchantList", auth=True)
    get_p2p_merchant_info = endpoint("GET", "/api/v2/p2p/merchantInfo", auth=True)
    get_p2p_merchant_orders = endpoint("GET", "/api/v2/p2p/orderList", auth=True)
    get_p2p_merchant_advertisement_list = endpoint("GET", "/api/v2/p2p/advList", auth=True)

    # /api/v2/spot
    get_spot_whale_net_flow_data = endpoint("GET", "/api/v2/spot/market/whale-net-flow", auth=OPTIONAL)

    # /api/v2/mix
    get_futures_active_taker_buy_sell_volume_data = endpoint("GET", "/api/v2/mix/market/taker-buy-sell")
    get_futures_active_long_short_position_data = endpoint("GET", "/api/v2/mix/market/position-long-short")
    get_futures_long_short_ratio = endpoint("GET", "/api/v2/mix/market/long-short-ratio")
    get_margin_loan_growth_rate = endpoint("GET", "/api/v2/mix/market/loan-growth")
    get_isolated_margin_borrowing_ratio = endpoint("GET", "/api/v2/mix/market/isolated-borrow-rate")
    get_futures_active_buy_sell_volume_data = endpoint("GET", "/api/v2/mix/market/long-short")

    # /api/v2/spot
    get_spot_fund_flow = endpoint("GET", "/api/v2/spot/market/fund-flow")
    get_trade_data_support_symbols = endpoint("GET", "/api/v2/spot/market/support-symbols")
    get_spot_fund_net_flow_data = endpoint("GET", "/api/v2/spot/market/fund-net-flow")

    # /api/v2/mix
    get_futures_active_long_short_account_data = endpoint("GET", "/api/v2/mix/market/account-long-short")

    # /api/v2/user
    create_virtual_subaccount = endpoint("POST", "/api/v2/user/create-virtual-subaccount", auth=True)
    modify_virtual_subaccount = endpoint("POST", "/api/v2/user/modify-virtual-subaccount", auth=True)
    batch_create_virtual_subaccount_and_api_key = endpoint("POST", "/api/v2/user/batch-create-subaccount-and-apikey", auth=True)
    get_virtual_subaccounts = endpoint("GET", "/api/v2/user/virtual-subaccount-list", auth=True)
    create_virtual_subaccount_api_key = endpoint("POST", "/api/v2/user/create-virtual-subaccount-apikey", auth=True)
    modify_virtual_subaccount_api_key = endpoint("POST", "/api/v2/user/modify-virtual-subaccount-apikey", auth=True)
    get_virtual_subaccount_api_keys = endpoint("GET", "/api/v2/user/virtual-subaccount-apikey-list", auth=True)
    create_agent_subaccount = endpoint("POST", "/api/v2/user/create-agent-subaccount", auth=True)

    # /api/v2/account
    get_funding_assets = endpoint("GET", "/api/v2/account/funding-assets", auth=True)
    get_bot_account = endpoint("GET", "/api/v2/account/bot-assets", auth=True)
    get_balances = endpoint("GET", "/api/v2/account/all-account-balance", auth=True)

    # /api/v2/convert
    get_convert_coins = endpoint("GET", "/api/v2/convert/currencies", auth=True)
    get_convert_quoted_price = endpoint("GET", "/api/v2/convert/quoted-price", auth=True)
    convert = endpoint("POST", "/api/v2/convert/trade", auth=True)
    get_convert_history = endpoint("GET", "/api/v2/convert/convert-record", auth=True)
    get_convert_bgb_coins = endpoint("GET", "/api/v2/convert/bgb-convert-coin-list", auth=True)
    convert_bgb = endpoint("POST", "/api/v2/convert/bgb-convert", auth=True)
    get_convert_bgb_history = endpoint("GET", "/api/v2/convert/bgb-convert-records", auth=True)

    # /api/v2/spot
    get_spot_coin_info = endpoint("GET", "/api/v2/spot/public/coins", auth=OPTIONAL)
    get_spot_symbol_info = endpoint("GET", "/api/v2/spot/public/symbols", auth=OPTIONAL)
    get_spot_vip_fee_rate = endpoint("GET", "/api/v2/spot/market/vip-fee-rate", auth=OPTIONAL)
    get_spot_ticker = endpoint("GET", "/api/v2/spot/market/tickers", auth=OPTIONAL)
    get_spot_merge_depth = endpoint("GET", "/api/v2/spot/market/merge-depth", auth=OPTIONAL)
    get_spot_order_book_depth = endpoint("GET", "/api/v2/spot/market/orderbook", auth=OPTIONAL)
    get_spot_candles = endpoint("GET", "/api/v2/spot/market/candles", auth=OPTIONAL)
    get_spot_historic_candles = endpoint("GET", "/api/v2/spot/market/history-candles", auth=OPTIONAL)
    get_spot_recent_trades = endpoint("GET", "/api/v2/spot/market/fills", auth=OPTIONAL)
    get_spot_historic_trades = endpoint("GET", "/api/v2/spot/market/fills-history", auth=OPTIONAL)
    get_spot_call_auction = endpoint("GET", "/api/v2/spot/market/auction")
    spot_submit_order = endpoint("POST", "/api/v2/spot/trade/place-order", auth=True)
    spot_cancel_and_submit_order = endpoint("POST", "/api/v2/spot/trade/cancel-replace-order", auth=True)
    spot_batch_cancel_and_submit_order = endpoint("POST", "/api/v2/spot/trade/batch-cancel-replace-order", auth=True)
    spot_cancel_order = endpoint("POST", "/api/v2/spot/trade/cancel-order", auth=True)
    spot_batch_submit_orders = endpoint("POST", "/api/v2/spot/trade/batch-orders", auth=True)
    spot_batch_cancel_orders = endpoint("POST", "/api/v2/spot/trade/batch-cancel-order", auth=True)
    spot_cancel_symbol_order = endpoint("POST", "/api/v2/spot/trade/cancel-symbol-order", auth=True)
    get_spot_order = endpoint("GET", "/api/v2/spot/trade/orderInfo", auth=True)
    get_spot_open_orders = endpoint("GET", "/api/v2/spot/trade/unfilled-orders", auth=True)
    get_spot_historic_orders = endpoint("GET", "/api/v2/spot/trade/history-orders", auth=True)
    get_spot_fills = endpoint("GET", "/api/v2/spot/trade/fills", auth=True)
    spot_submit_plan_order = endpoint("POST", "/api/v2/spot/trade/place-plan-order", auth=True)
    spot_modify_plan_order = endpoint("POST", "/api/v2/spot/trade/modify-plan-order", auth=True)
    spot_cancel_plan_order = endpoint("POST", "/api/v2/spot/trade/cancel-plan-order", auth=True)
    get_spot_current_plan_orders = endpoint("GET", "/api/v2/spot/trade/current-plan-order", auth=True)
    get_spot_plan_sub_order = endpoint("GET", "/api/v2/spot/trade/plan-sub-order", auth=True)
    get_spot_historic_plan_orders = endpoint("GET", "/api/v2/spot/trade/history-plan-order", auth=True)
    spot_cancel_plan_orders = endpoint("POST", "/api/v2/spot/trade/batch-cancel-plan-order", auth=True)
    get_spot_account = endpoint("GET", "/api/v2/spot/account/info", auth=True)
    get_spot_account_assets = endpoint("GET", "/api/v2/spot/account/assets", auth=True)
    get_spot_sub_account_assets = endpoint("GET", "/api/v2/spot/account/subaccount-assets", auth=True)
    spot_modify_deposit_account = endpoint("POST", "/api/v2/spot/wallet/modify-deposit-account", auth=True)
    get_spot_account_bills = endpoint("GET", "/api/v2/spot/account/bills", auth=True)
    spot_transfer = endpoint("POST", "/api/v2/spot/wallet/transfer", auth=True)
    get_spot_transferable_coins = endpoint("GET", "/api/v2/spot/wallet/transfer-coin-info", auth=True)
    spot_sub_transfer = endpoint("POST", "/api/v2/spot/wallet/subaccount-transfer", auth=True)
    spot_withdraw = endpoint("POST", "/api/v2/spot/wallet/withdrawal", auth=True)
    get_spot_main_sub_transfer_record = endpoint("GET", "/api/v2/spot/account/sub-main-trans-record", auth=True)
    get_spot_transfer_history = endpoint("GET", "/api/v2/spot/account/transferRecords", auth=True)
    spot_switch_bgb_deduct = endpoint("POST", "/api/v2/spot/account/switch-deduct", auth=True)
    get_spot_deposit_address = endpoint("GET", "/api/v2/spot/wallet/deposit-address", auth=True)
    get_spot_sub_deposit_address = endpoint("GET", "/api/v2/spot/wallet/subaccount-deposit-address", auth=True)
    get_spot_bgb_deduct_info = endpoint("GET", "/api/v2/spot/account/deduct-info", auth=True)
    spot_cancel_withdrawal = endpoint("POST", "/api/v2/spot/wallet/cancel-withdrawal", auth=True)
    get_sub_account_deposit_records = endpoint("GET", "/api/v2/spot/wallet/subaccount-deposit-records", auth=True)
    get_spot_withdrawal_history = endpoint("GET", "/api/v2/spot/wallet/withdrawal-records", auth=True)
    get_spot_deposit_history = endpoint("GET", "/api/v2/spot/wallet/deposit-records", auth=True)
    upgrade_to_unified_account = endpoint("POST", "/api/v2/spot/account/upgrade", auth=True)
    get_unified_account_switch_status = endpoint("GET", "/api/v2/spot/account/upgrade-status", auth=True)

    # /api/v2/mix
    get_futures_vip_fee_rate = endpoint("GET", "/api/v2/mix/market/vip-fee-rate")
    get_futures_interest_rate_history = endpoint("GET", "/api/v2/mix/market/union-interest-rate-history")
    get_futures_interest_exchange_rate = endpoint("GET", "/api/v2/mix/market/exchange-rate")
    get_futures_discount_rate = endpoint("GET", "/api/v2/mix/market/discount-rate")
    get_futures_merge_depth = endpoint("GET", "/api/v2/mix/market/merge-depth")
    get_futures_ticker = endpoint("GET", "/api/v2/mix/market/ticker")
    get_futures_all_tickers = endpoint("GET", "/api/v2/mix/market/tickers")
    get_futures_recent_trades = endpoint("GET", "/api/v2/mix/market/fills")
    get_futures_historic_trades = endpoint("GET", "/api/v2/mix/market/fills-history")
    get_futures_candles = endpoint("GET", "/api/v2/mix/market/candles")
    get_futures_historic_candles = endpoint("GET", "/api/v2/mix/market/history-candles")
    get_futures_historic_index_price_candles = endpoint("GET", "/api/v2/mix/market/history-index-candles")
    get_futures_historic_mark_price_candles = endpoint("GET", "/api/v2/mix/market/history-mark-candles")
    get_futures_open_interest = endpoint("GET", "/api/v2/mix/market/open-interest")
    get_futures_next_funding_time = endpoint("GET", "/api/v2/mix/market/funding-time")
    get_futures_symbol_price = endpoint("GET", "/api/v2/mix/market/symbol-price")
    get_futures_historic_funding_rates = endpoint("GET", "/api/v2/mix/market/history-fund-rate")
    get_futures_current_funding_rate = endpoint("GET", "/api/v2/mix/market/current-fund-rate")
    get_futures_contract_config = endpoint("GET", "/api/v2/mix/market/contracts")
    get_futures_oi_limit = endpoint("GET", "/api/v2/mix/market/oi-limit")
    get_futures_account_asset = endpoint("GET", "/api/v2/mix/account/account", auth=True)
    get_futures_account_assets = endpoint("GET", "/api/v2/mix/account/accounts", auth=True)
    get_futures_sub_account_assets = endpoint("GET", "/api/v2/mix/account/sub-account-assets", auth=True)
    get_futures_interest_history = endpoint("GET", "/api/v2/mix/account/interest-history", auth=True)
    get_futures_open_count = endpoint("GET", "/api/v2/mix/account/open-count", auth=True)
    set_futures_position_auto_margin = endpoint("POST", "/api/v2/mix/account/set-auto-margin", auth=True)
    set_futures_leverage = endpoint("POST", "/api/v2/mix/account/set-leverage", auth=True)
    set_futures_position_margin = endpoint("POST", "/api/v2/mix/account/set-margin", auth=True)
    set_futures_asset_mode = endpoint("POST", "/api/v2/mix/account/set-asset-mode", auth=True)
    set_futures_margin_mode = endpoint("POST", "/api/v2/mix/account/set-margin-mode", auth=True)
    set_futures_position_mode = endpoint("POST", "/api/v2/mix/account/set-position-mode", auth=True)
    get_futures_account_bills = endpoint("GET", "/api/v2/mix/account/bill", auth=True)
    get_union_transfer_limits = endpoint("GET", "/api/v2/mix/account/transfer-limits", auth=True)
    get_union_config = endpoint("GET", "/api/v2/mix/account/union-config", auth=True)
    get_switch_union_usdt = endpoint("GET", "/api/v2/mix/account/switch-union-usdt", auth=True)
    union_convert = endpoint("POST", "/api/v2/mix/account/union-convert", auth=True)
    get_futures_max_openable_quantity = endpoint("GET", "/api/v2/mix/account/max-open", auth=True)
    get_futures_liquidation_price = endpoint("GET", "/api/v2/mix/account/liq-price", auth=True)
    get_futures_isolated_symbols = endpoint("GET", "/api/v2/mix/account/isolated-symbols", auth=True)
    get_futures_position_tier = endpoint("GET", "/api/v2/mix/market/query-position-lever")
    get_futures_position = endpoint("GET", "/api/v2/mix/position/single-position", auth=True)
    get_futures_positions = endpoint("GET", "/api/v2/mix/position/all-position", auth=True)
    get_futures_historic_positions = endpoint("GET", "/api/v2/mix/position/history-position", auth=True)
    get_futures_position_adl_rank = endpoint("GET", "/api/v2/mix/position/adlRank", auth=True)
    futures_submit_order = endpoint("POST", "/api/v2/mix/order/place-order", auth=True)
    futures_submit_reversal = endpoint("POST", "/api/v2/mix/order/click-backhand", auth=True)
    futures_batch_submit_orders = endpoint("POST", "/api/v2/mix/order/batch-place-order", auth=True)
    futures_modify_order = endpoint("POST", "/api/v2/mix/order/modify-order", auth=True)
    futures_cancel_order = endpoint("POST", "/api/v2/mix/order/cancel-order", auth=True)
    futures_batch_cancel_orders = endpoint("POST", "/api/v2/mix/order/batch-cancel-orders", auth=True)
    futures_flash_close_positions = endpoint("POST", "/api/v2/mix/order/close-positions", auth=True)
    get_futures_order = endpoint("GET", "/api/v2/mix/order/detail", auth=True)
    get_futures_fills = endpoint("GET", "/api/v2/mix/order/fills", auth=True)
    get_futures_historic_order_fills = endpoint("GET", "/api/v2/mix/order/fill-history", auth=True)
    get_futures_open_orders = endpoint("GET", "/api/v2/mix/order/orders-pending", auth=True)
    get_futures_historic_orders = endpoint("GET", "/api/v2/mix/order/orders-history", auth=True)
    futures_cancel_all_orders = endpoint("POST", "/api/v2/mix/order/cancel-all-orders", auth=True)
    get_futures_trigger_sub_order = endpoint("GET", "/api/v2/mix/order/plan-sub-order", auth=True)
    futures_submit_tpsl_order = endpoint("POST", "/api/v2/mix/order/place-tpsl-order", auth=True)
    futures_submit_position_tpsl = endpoint("POST", "/api/v2/mix/order/place-pos-tpsl", auth=True)
    futures_submit_plan_order = endpoint("POST", "/api/v2/mix/order/place-plan-order", auth=True)
    futures_modify_tpsl_order = endpoint("POST", "/api/v2/mix/order/modify-tpsl-order", auth=True)
    futures_modify_plan_order = endpoint("POST", "/api/v2/mix/order/modify-plan-order", auth=True)
    get_futures_plan_orders = endpoint("GET", "/api/v2/mix/order/orders-plan-pending", auth=True)
    futures_cancel_plan_order = endpoint("POST", "/api/v2/mix/order/cancel-plan-order", auth=True)
    get_futures_historic_plan_orders = endpoint("GET", "/api/v2/mix/order/orders-plan-history", auth=True)

    # /api/v2/broker
    modify_subaccount_email = endpoint("POST", "/api/v2/broker/account/modify-subaccount-email", auth=True)
    get_broker_info = endpoint("GET", "/api/v2/broker/account/info", auth=True)
    create_subaccount = endpoint("POST", "/api/v2/broker/account/create-subaccount", auth=True)
    get_subaccounts = endpoint("GET", "/api/v2/broker/account/subaccount-list", auth=True)
    modify_subaccount = endpoint("POST", "/api/v2/broker/account/modify-subaccount", auth=True)
    get_subaccount_email = endpoint("GET", "/api/v2/broker/account/subaccount-email", auth=True)
    get_subaccount_spot_assets = endpoint("GET", "/api/v2/broker/account/subaccount-spot-assets", auth=True)
    get_subaccount_futures_assets = endpoint("GET", "/api/v2/broker/account/subaccount-future-assets", auth=True)
    create_subaccount_deposit_address = endpoint("POST", "/api/v2/broker/account/subaccount-address", auth=True)
    subaccount_withdrawal = endpoint("POST", "/api/v2/broker/account/subaccount-withdrawal", auth=True)
    subaccount_set_auto_transfer = endpoint("POST", "/api/v2/broker/account/set-subaccount-autotransfer", auth=True)
    subaccount_deposit_records = endpoint("GET", "/api/v2/broker/subaccount-deposit", auth=True)
    subaccount_withdrawal_records = endpoint("GET", "/api/v2/broker/subaccount-withdrawal", auth=True)
    create_subaccount_api_key = endpoint("POST", "/api/v2/broker/manage/create-subaccount-apikey", auth=True)
    get_subaccount_api_key = endpoint("GET", "/api/v2/broker/manage/subaccount-apikey-list", auth=True)
    modify_subaccount_api_key = endpoint("POST", "/api/v2/broker/manage/modify-subaccount-apikey", auth=True)
    delete_subaccount_api_key = endpoint("POST", "/api/v2/broker/manage/delete-subaccount-apikey", auth=True)
    get_all_sub_deposit_withdrawal_records = endpoint("GET", "/api/v2/broker/all-sub-deposit-withdrawal", auth=True)
    get_broker_subaccounts = endpoint("GET", "/api/v2/broker/subaccounts", auth=True)
    get_broker_commissions = endpoint("GET", "/api/v2/broker/commissions", auth=True)
    get_broker_trade_volume = endpoint("GET", "/api/v2/broker/trade-volume", auth=True)
    get_broker_total_commission = endpoint("GET", "/api/v2/broker/total-commission", auth=True)
    get_broker_order_commission = endpoint("GET", "/api/v2/broker/order-commission", auth=True)
    get_broker_rebate_info = endpoint("GET", "/api/v2/broker/rebate-info", auth=True)
    get_agent_customer_commissions = endpoint("GET", "/api/v2/broker/customer-commissions", auth=True)
    get_agent_sub_customer_list = endpoint("GET", "/api/v2/broker/sub-customer-list", auth=True)
    get_agent_customer_trade_volume = endpoint("POST", "/api/v2/broker/customer-trade-volume", auth=True)
    get_agent_customer_list = endpoint("POST", "/api/v2/broker/customer-list", auth=True)
    get_agent_customer_kyc_result = endpoint("GET", "/api/v2/broker/customer-kyc-result", auth=True)
    get_agent_customer_deposits = endpoint("POST", "/api/v2/broker/customer-deposit", auth=True)
    get_agent_customer_assets = endpoint("POST", "/api/v2/broker/customer-asset", auth=True)
    get_agent_commission_detail = endpoint("GET", "/api/v2/broker/agent-commission", auth=True)

    # /api/v2/margin
    get_margin_currencies = endpoint("GET", "/api/v2/margin/currencies")
    get_margin_borrow_history = endpoint("GET", "/api/v2/margin/{marginType}/borrow-history", auth=True, args=("marginType",))
    get_margin_repay_history = endpoint("GET", "/api/v2/margin/{marginType}/repay-history", auth=True, args=("marginType",))
    get_margin_interest_history = endpoint("GET", "/api/v2/margin/{marginType}/interest-history", auth=True, args=("marginType",))
    get_margin_liquidation_history = endpoint("GET", "/api/v2/margin/{marginType}/liquidation-history", auth=True, args=("marginType",))
    get_margin_financial_history = endpoint("GET", "/api/v2/margin/{marginType}/financial-records", auth=True, args=("marginType",))
    get_margin_account_assets = endpoint("GET", "/api/v2/margin/{marginType}/account/assets", auth=True, args=("marginType",))
    margin_borrow = endpoint("POST", "/api/v2/margin/{marginType}/account/borrow", auth=True, args=("marginType",))
    margin_repay = endpoint("POST", "/api/v2/margin/{marginType}/account/repay", auth=True, args=("marginType",))
    get_margin_risk_rate = endpoint("GET", "/api/v2/margin/{marginType}/account/risk-rate", auth=True, args=("marginType",))
    get_margin_max_borrowable = endpoint("GET", "/api/v2/margin/{marginType}/account/max-borrowable-amount", auth=True, args=("marginType",))
    get_margin_max_transferable = endpoint("GET", "/api/v2/margin/{marginType}/account/max-transfer-out-amount", auth=True, args=("marginType",))
    get_margin_interest_rate_and_max_borrowable = endpoint("GET", "/api/v2/margin/{marginType}/interest-rate-and-limit", auth=True, args=("marginType",))
    get_margin_tier_configuration = endpoint("GET", "/api/v2/margin/{marginType}/tier-data", auth=True, args=("marginType",))
    margin_flash_repay = endpoint("POST", "/api/v2/margin/{marginType}/account/flash-repay", auth=True, args=("marginType",))
    get_margin_flash_repay_result = endpoint("GET", "/api/v2/margin/{marginType}/account/query-flash-repay-status", auth=True, args=("marginType",))
    margin_submit_order = endpoint("POST", "/api/v2/margin/{marginType}/place-order", auth=True, args=("marginType",))
    margin_batch_submit_orders = endpoint("POST", "/api/v2/margin/{marginType}/batch-place-order", auth=True, args=("marginType",))
    margin_cancel_order = endpoint("POST", "/api/v2/margin/{marginType}/cancel-order", auth=True, args=("marginType",))
    margin_batch_cancel_orders = endpoint("POST", "/api/v2/margin/{marginType}/batch-cancel-order", auth=True, args=("marginType",))
    get_margin_open_orders = endpoint("GET", "/api/v2/margin/{marginType}/open-orders", auth=True, args=("marginType",))
    get_margin_historic_orders = endpoint("GET", "/api/v2/margin/{marginType}/history-orders", auth=True, args=("marginType",))
    get_margin_historic_order_fills = endpoint("GET", "/api/v2/margin/{marginType}/fills", auth=True, args=("marginType",))
    get_margin_liquidation_orders = endpoint("GET", "/api/v2/margin/{marginType}/liquidation-order", auth=True, args=("marginType",))

    # /api/v2/copy
    get_futures_trader_current_order = endpoint("GET", "/api/v2/copy/mix-trader/order-current-track", auth=True)
    get_futures_trader_history_orders = endpoint("GET", "/api/v2/copy/mix-trader/order-history-track", auth=True)
    modify_futures_trader_order_tpsl = endpoint("POST", "/api/v2/copy/mix-trader/order-modify-tpsl", auth=True)
    get_futures_trader_order = endpoint("GET", "/api/v2/copy/mix-trader/order-total-detail", auth=True)
    get_futures_trader_profit_history = endpoint("GET", "/api/v2/copy/mix-trader/profit-history-summarys", auth=True)
    get_futures_trader_profit_share_history = endpoint("GET", "/api/v2/copy/mix-trader/profit-history-details", auth=True)
    close_futures_trader_order = endpoint("POST", "/api/v2/copy/mix-trader/order-close-positions", auth=True)
    get_futures_trader_profit_share = endpoint("GET", "/api/v2/copy/mix-trader/profit-details", auth=True)
    get_futures_trader_profit_share_group = endpoint("GET", "/api/v2/copy/mix-trader/profits-group-coin-date", auth=True)
    get_futures_trader_symbol_settings = endpoint("GET", "/api/v2/copy/mix-trader/config-query-symbols", auth=True)
    update_futures_trader_symbol_settings = endpoint("POST", "/api/v2/copy/mix-trader/config-setting-symbols", auth=True)
    update_futures_trader_global_settings = endpoint("POST", "/api/v2/copy/mix-trader/config-settings-base", auth=True)
    get_futures_trader_followers = endpoint("GET", "/api/v2/copy/mix-trader/config-query-followers", auth=True)
    remove_futures_trader_follower = endpoint("POST", "/api/v2/copy/mix-trader/config-remove-follower", auth=True)
    get_futures_follower_current_orders = endpoint("GET", "/api/v2/copy/mix-follower/query-current-orders", auth=True)
    get_futures_follower_history_orders = endpoint("GET", "/api/v2/copy/mix-follower/query-history-orders", auth=True)
    update_futures_follower_tpsl = endpoint("POST", "/api/v2/copy/mix-follower/setting-tpsl", auth=True)
    update_futures_follower_settings = endpoint("POST", "/api/v2/copy/mix-follower/settings", auth=True)
    get_futures_follower_settings = endpoint("GET", "/api/v2/copy/mix-follower/query-settings", auth=True)
    close_futures_follower_positions = endpoint("POST", "/api/v2/copy/mix-follower/close-positions", auth=True)
    get_futures_follower_traders = endpoint("GET", "/api/v2/copy/mix-follower/query-traders", auth=True)
    get_futures_follower_follow_limit = endpoint("GET", "/api/v2/copy/mix-follower/query-quantity-limit", auth=True)
    unfollow_futures_trader = endpoint("POST", "/api/v2/copy/mix-follower/cancel-trader", auth=True)
    get_broker_traders = endpoint("GET", "/api/v2/copy/mix-broker/query-traders", auth=True)
    get_broker_traders_historical_orders = endpoint("GET", "/api/v2/copy/mix-broker/query-history-traces", auth=True)
    get_broker_traders_pending_orders = endpoint("GET", "/api/v2/copy/mix-broker/query-current-traces", auth=True)
    get_spot_trader_profit = endpoint("GET", "/api/v2/copy/spot-trader/profit-summarys", auth=True)
    get_spot_trader_history_profit = endpoint("GET", "/api/v2/copy/spot-trader/profit-history-details", auth=True)
    get_spot_trader_unrealized_profit = endpoint("GET", "/api/v2/copy/spot-trader/profit-details", auth=True)
    get_spot_trader_order = endpoint("GET", "/api/v2/copy/spot-trader/order-total-detail", auth=True)
    modify_spot_trader_order_tpsl = endpoint("POST", "/api/v2/copy/spot-trader/order-modify-tpsl", auth=True)
    get_spot_trader_history_orders = endpoint("GET", "/api/v2/copy/spot-trader/order-history-track", auth=True)
    get_spot_trader_current_orders = endpoint("GET", "/api/v2/copy/spot-trader/order-current-track", auth=True)
    sell_spot_trader = endpoint("POST", "/api/v2/copy/spot-trader/order-close-tracking", auth=True)
    get_spot_trader_symbol_settings = endpoint("POST", "/api/v2/copy/spot-trader/config-setting-symbols", auth=True)
    remove_spot_trader_followers = endpoint("POST", "/api/v2/copy/spot-trader/config-remove-follower", auth=True)
    get_spot_trader_configuration = endpoint("GET", "/api/v2/copy/spot-trader/config-query-settings", auth=True)
    get_spot_trader_followers = endpoint("GET", "/api/v2/copy/spot-trader/config-query-followers", auth=True)
    cancel_spot_follower_order = endpoint("POST", "/api/v2/copy/spot-follower/stop-order", auth=True)
    update_spot_follower_settings = endpoint("POST", "/api/v2/copy/spot-follower/settings", auth=True)
    update_spot_follower_tpsl = endpoint("POST", "/api/v2/copy/spot-follower/setting-tpsl", auth=True)
    get_spot_follower_traders = endpoint("GET", "/api/v2/copy/spot-follower/query-traders", auth=True)
    get_spot_follower_current_trader_symbols = endpoint("GET", "/api/v2/copy/spot-follower/query-trader-symbols", auth=True)
    get_spot_follower_settings = endpoint("GET", "/api/v2/copy/spot-follower/query-settings", auth=True)
    get_spot_follower_history_orders = endpoint("GET", "/api/v2/copy/spot-follower/query-history-orders", auth=True)
    get_spot_follower_open_orders = endpoint("GET", "/api/v2/copy/spot-follower/query-current-orders", auth=True)
    sell_spot_follower = endpoint("POST", "/api/v2/copy/spot-follower/order-close-tracking", auth=True)
    unfollow_spot_trader = endpoint("POST", "/api/v2/copy/spot-follower/cancel-trader", auth=True)

    # /api/v2/earn
    get_earn_savings_products = endpoint("GET", "/api/v2/earn/savings/product", auth=True)
    get_earn_savings_account = endpoint("GET", "/api/v2/earn/savings/account", auth=True)
    get_earn_savings_assets = endpoint("GET", "/api/v2/earn/savings/assets", auth=True)
    get_earn_savings_records = endpoint("GET", "/api/v2/earn/savings/records", auth=True)
    get_earn_savings_subscription = endpoint("GET", "/api/v2/earn/savings/subscribe-info", auth=True)
    earn_subscribe_savings = endpoint("POST", "/api/v2/earn/savings/subscribe", auth=True)
    get_earn_savings_subscription_result = endpoint("GET", "/api/v2/earn/savings/subscribe-result", auth=True)
    earn_redeem_savings = endpoint("POST", "/api/v2/earn/savings/redeem", auth=True)
    get_earn_savings_redemption_result = endpoint("GET", "/api/v2/earn/savings/redeem-result", auth=True)
    get_earn_account = endpoint("GET", "/api/v2/earn/account/assets", auth=True)
    get_earn_elite_products = endpoint("GET", "/api/v2/earn/elite/product", auth=True)
    get_earn_elite_assets = endpoint("GET", "/api/v2/earn/elite/assets", auth=True)
    get_earn_elite_records = endpoint("GET", "/api/v2/earn/elite/records", auth=True)
    get_earn_elite_subscribe_info = endpoint("GET", "/api/v2/earn/elite/subscribe-info", auth=True)
    subscribe_earn_elite = endpoint("POST", "/api/v2/earn/elite/subscribe", auth=True)
    get_earn_elite_subscribe_result = endpoint("GET", "/api/v2/earn/elite/subscribe-result", auth=True)
    get_earn_elite_redeem_info = endpoint("GET", "/api/v2/earn/elite/redeem-info", auth=True)
    redeem_earn_elite = endpoint("POST", "/api/v2/earn/elite/redeem", auth=True)
    get_sharkfin_products = endpoint("GET", "/api/v2/earn/sharkfin/product", auth=True)
    get_sharkfin_account = endpoint("GET", "/api/v2/earn/sharkfin/account", auth=True)
    get_sharkfin_assets = endpoint("GET", "/api/v2/earn/sharkfin/assets", auth=True)
    get_sharkfin_records = endpoint("GET", "/api/v2/earn/sharkfin/records", auth=True)
    get_sharkfin_subscription = endpoint("GET", "/api/v2/earn/sharkfin/subscribe-info", auth=True)
    subscribe_sharkfin = endpoint("POST", "/api/v2/earn/sharkfin/subscribe", auth=True)
    get_sharkfin_subscription_result = endpoint("GET", "/api/v2/earn/sharkfin/subscribe-result", auth=True)
    get_loan_currencies = endpoint("GET", "/api/v2/earn/loan/public/coinInfos")
    get_loan_est_interest_and_borrowable = endpoint("GET", "/api/v2/earn/loan/public/hour-interest")
    borrow_loan = endpoint("POST", "/api/v2/earn/loan/borrow", auth=True)
    get_ongoing_loan_orders = endpoint("GET", "/api/v2/earn/loan/ongoing-orders", auth=True)
    repay_loan = endpoint("POST", "/api/v2/earn/loan/repay", auth=True)
    get_repay_history = endpoint("GET", "/api/v2/earn/loan/repay-history", auth=True)
    update_loan_pledge_rate = endpoint("POST", "/api/v2/earn/loan/revise-pledge", auth=True)
    get_loan_pledge_rate_history = endpoint("GET", "/api/v2/earn/loan/revise-history", auth=True)
    get_loan_history = endpoint("GET", "/api/v2/earn/loan/borrow-history", auth=True)
    get_loan_debts = endpoint("GET", "/api/v2/earn/loan/debts", auth=True)
    get_loan_liquidation_records = endpoint("GET", "/api/v2/earn/loan/reduces", auth=True)

    # /api/v2/spot
    get_loan_product_info = endpoint("GET", "/api/v2/spot/ins-loan/product-infos", auth=True)
    get_loan_symbols = endpoint("GET", "/api/v2/spot/ins-loan/symbols", auth=True)
    get_loan_margin_coin_info = endpoint("GET", "/api/v2/spot/ins-loan/ensure-coins-convert", auth=True)
    get_loan_risk_unit = endpoint("GET", "/api/v2/spot/ins-loan/risk-unit", auth=True)
    get_loan_ltv_convert = endpoint("GET", "/api/v2/spot/ins-loan/ltv-convert", auth=True)
    get_loan_repaid_history = endpoint("GET", "/api/v2/spot/ins-loan/repaid-history", auth=True)
    get_loan_order = endpoint("GET", "/api/v2/spot/ins-loan/loan-order", auth=True)
