"""Bybit REST endpoints: a one-line summary and the page of Bybit's API documentation for each.

Read by the client classes when they are created (``RestClient.__init_subclass__``): the summary
opens each endpoint method's docstring and the URL follows the verb and path. The URLs point to
https://bybit-exchange.github.io/docs/; endpoints without a page of their own (retired classic
spot margin, and some newer families not in the published docs) point to the API introduction.
"""

from typing import Dict, Tuple

#: ``"VERB /path"`` -> (one-line summary, the exchange's documentation page).
ENDPOINT_DOCS: Dict[str, Tuple[str, str]] = {
    # /v5/system
    "GET /v5/system/status": (
        "Platform status: planned maintenance and service incidents, filterable by id and state.",
        "https://bybit-exchange.github.io/docs/v5/system-status",
    ),
    # /v5/market
    "GET /v5/market/time": (
        "Bybit's server clock, in seconds and nanoseconds.",
        "https://bybit-exchange.github.io/docs/v5/market/time",
    ),
    # /v5/announcements
    "GET /v5/announcements/index": (
        "Bybit announcements for a locale, filterable by type and tag, paged.",
        "https://bybit-exchange.github.io/docs/v5/announcement",
    ),
    # /v5/account
    "POST /v5/account/demo-apply-money": (
        "Top up a demo trading account with test coins.",
        "https://bybit-exchange.github.io/docs/v5/demo",
    ),
    # /v5/user
    "POST /v5/user/create-demo-member": (
        "Create the demo trading account of the calling UID.",
        "https://bybit-exchange.github.io/docs/v5/demo",
    ),
    # /v5/spread
    "GET /v5/spread/instrument": (
        "Specifications of spread combinations: legs, tick size, quantity limits, status.",
        "https://bybit-exchange.github.io/docs/v5/spread/market/instrument",
    ),
    "GET /v5/spread/orderbook": (
        "Order book depth of one spread combination (``symbol``, ``limit``).",
        "https://bybit-exchange.github.io/docs/v5/spread/market/orderbook",
    ),
    "GET /v5/spread/tickers": (
        "Latest price, best bid/ask and 24h volume of spread combinations.",
        "https://bybit-exchange.github.io/docs/v5/spread/market/tickers",
    ),
    "GET /v5/spread/recent-trade": (
        "Recent public trades of a spread combination.",
        "https://bybit-exchange.github.io/docs/v5/spread/market/recent-trade",
    ),
    "GET /v5/spread/max-qty": (
        "Largest quantity an order on a spread combination may have, for a side and price.",
        "https://bybit-exchange.github.io/docs/v5/spread/trade/max-qty",
    ),
    "POST /v5/spread/order/create": (
        "Place an order on a spread combination (``symbol``, ``side``, ``orderType``, ``qty``).",
        "https://bybit-exchange.github.io/docs/v5/spread/trade/create-order",
    ),
    "POST /v5/spread/order/amend": (
        "Change the price or quantity of an open spread order.",
        "https://bybit-exchange.github.io/docs/v5/spread/trade/amend-order",
    ),
    "POST /v5/spread/order/cancel": (
        "Cancel one spread order by ``orderId`` or ``orderLinkId``.",
        "https://bybit-exchange.github.io/docs/v5/spread/trade/cancel-order",
    ),
    "POST /v5/spread/order/cancel-all": (
        "Cancel every open spread order, optionally for one symbol.",
        "https://bybit-exchange.github.io/docs/v5/spread/trade/cancel-all",
    ),
    "GET /v5/spread/order/realtime": (
        "Open and partially filled spread orders, in real time.",
        "https://bybit-exchange.github.io/docs/v5/spread/trade/open-order",
    ),
    "GET /v5/spread/order/history": (
        "Closed spread orders, by id or time range, paged by cursor.",
        "https://bybit-exchange.github.io/docs/v5/spread/trade/order-history",
    ),
    "GET /v5/spread/execution/list": (
        "Your spread executions with their single-leg fills, paged by cursor.",
        "https://bybit-exchange.github.io/docs/v5/spread/trade/trade-history",
    ),
    # /v5/market
    "GET /v5/market/kline": (
        "Candles of a symbol (``category``, ``symbol``, ``interval``, optional ``start``/``end``).",
        "https://bybit-exchange.github.io/docs/v5/market/kline",
    ),
    "GET /v5/market/mark-price-kline": (
        "Mark price candles of a derivatives symbol.",
        "https://bybit-exchange.github.io/docs/v5/market/mark-kline",
    ),
    "GET /v5/market/index-price-kline": (
        "Index price candles of a derivatives symbol.",
        "https://bybit-exchange.github.io/docs/v5/market/index-kline",
    ),
    "GET /v5/market/premium-index-price-kline": (
        "Premium index price candles of a perpetual symbol.",
        "https://bybit-exchange.github.io/docs/v5/market/premium-index-kline",
    ),
    "GET /v5/market/instruments-info": (
        "Instrument specifications of a category: tick size, lot size, leverage, status.",
        "https://bybit-exchange.github.io/docs/v5/market/instrument",
    ),
    "GET /v5/market/orderbook": (
        "Order book depth of a symbol (``category``, ``symbol``, ``limit``).",
        "https://bybit-exchange.github.io/docs/v5/market/orderbook",
    ),
    "GET /v5/market/full_orderbook": (
        "The whole order book of a symbol, every price level.",
        "https://bybit-exchange.github.io/docs/v5/market/full-ob",
    ),
    "GET /v5/market/rpi_orderbook": (
        "Order book with Retail Price Improvement (RPI) quantities shown per level.",
        "https://bybit-exchange.github.io/docs/v5/market/rpi-orderbook",
    ),
    "GET /v5/market/tickers": (
        "Last price, best bid/ask, 24h volume and funding fields for one or all symbols of a category.",
        "https://bybit-exchange.github.io/docs/v5/market/tickers",
    ),
    "GET /v5/market/funding/history": (
        "Past funding rates of a perpetual symbol, newest first, in a time range.",
        "https://bybit-exchange.github.io/docs/v5/market/history-fund-rate",
    ),
    "GET /v5/market/recent-trade": (
        "Most recent public trades of a symbol.",
        "https://bybit-exchange.github.io/docs/v5/market/recent-trade",
    ),
    "GET /v5/market/open-interest": (
        "Open interest of a derivatives symbol over time (``intervalTime``).",
        "https://bybit-exchange.github.io/docs/v5/market/open-interest",
    ),
    "GET /v5/market/historical-volatility": (
        "Option historical volatility of a base coin over a period.",
        "https://bybit-exchange.github.io/docs/v5/market/iv",
    ),
    "GET /v5/market/insurance": (
        "Insurance pool balances by coin.",
        "https://bybit-exchange.github.io/docs/v5/market/insurance",
    ),
    "GET /v5/market/risk-limit": (
        "Risk limit tiers of derivatives symbols: position value caps and margin rates.",
        "https://bybit-exchange.github.io/docs/v5/market/risk-limit",
    ),
    "GET /v5/market/delivery-price": (
        "Delivery prices of expired options and futures.",
        "https://bybit-exchange.github.io/docs/v5/market/delivery-price",
    ),
    "GET /v5/market/new-delivery-price": (
        "Historical option delivery prices of a base coin.",
        "https://bybit-exchange.github.io/docs/v5/market/new-delivery-price",
    ),
    "GET /v5/market/account-ratio": (
        "Share of accounts long vs short on a derivatives symbol per period.",
        "https://bybit-exchange.github.io/docs/v5/market/long-short-ratio",
    ),
    "GET /v5/market/index-price-components": (
        "Exchanges and weights that make up a symbol's index price.",
        "https://bybit-exchange.github.io/docs/v5/market/index-components",
    ),
    "GET /v5/market/price-limit": (
        "Highest buy and lowest sell price an order on a symbol may use now.",
        "https://bybit-exchange.github.io/docs/v5/market/order-price-limit",
    ),
    "GET /v5/market/adlAlert": (
        "Auto-deleveraging alert level and related data per contract.",
        "https://bybit-exchange.github.io/docs/v5/market/adl-alert",
    ),
    "GET /v5/market/fee-group-info": (
        "Fee rates of the symbol fee groups, per tier.",
        "https://bybit-exchange.github.io/docs/v5/market/fee-group-info",
    ),
    # /v5/order
    "POST /v5/order/create": (
        "Place an order (``category``, ``symbol``, ``side``, ``orderType``, ``qty``; ``price`` for limits).",
        "https://bybit-exchange.github.io/docs/v5/order/create-order",
    ),
    "POST /v5/order/amend": (
        "Change price, quantity or TP/SL of an unfilled or partially filled order.",
        "https://bybit-exchange.github.io/docs/v5/order/amend-order",
    ),
    "POST /v5/order/cancel": (
        "Cancel one order by ``orderId`` or ``orderLinkId``.",
        "https://bybit-exchange.github.io/docs/v5/order/cancel-order",
    ),
    "GET /v5/order/realtime": (
        "Open orders in real time, plus recently closed ones (``category``; filter by symbol or id).",
        "https://bybit-exchange.github.io/docs/v5/order/open-order",
    ),
    "POST /v5/order/cancel-all": (
        "Cancel all open orders of a category, optionally narrowed by symbol or coin.",
        "https://bybit-exchange.github.io/docs/v5/order/cancel-all",
    ),
    "GET /v5/order/history": (
        "Order history of a category, by id or time range, paged by cursor.",
        "https://bybit-exchange.github.io/docs/v5/order/order-list",
    ),
    # /v5/execution
    "GET /v5/execution/list": (
        "Your executions (fills), newest first, filterable by symbol, order and type.",
        "https://bybit-exchange.github.io/docs/v5/order/execution",
    ),
    # /v5/order
    "POST /v5/order/create-batch": (
        "Place several orders of one category in one request.",
        "https://bybit-exchange.github.io/docs/v5/order/batch-place",
    ),
    "POST /v5/order/amend-batch": (
        "Amend several open orders of one category in one request.",
        "https://bybit-exchange.github.io/docs/v5/order/batch-amend",
    ),
    "POST /v5/order/cancel-batch": (
        "Cancel several orders of one category in one request.",
        "https://bybit-exchange.github.io/docs/v5/order/batch-cancel",
    ),
    "GET /v5/order/spot-borrow-check": (
        "How much a spot or margin order on a symbol and side can use, borrowing included.",
        "https://bybit-exchange.github.io/docs/v5/order/spot-borrow-quota",
    ),
    "POST /v5/order/disconnected-cancel-all": (
        "Set the time after which open orders are cancelled when the private WebSocket drops.",
        "https://bybit-exchange.github.io/docs/v5/order/dcp",
    ),
    "POST /v5/order/pre-check": (
        "Check an order without placing it: initial and maintenance margin before and after.",
        "https://bybit-exchange.github.io/docs/v5/order/pre-check-order",
    ),
    # /v5/strategy
    "POST /v5/strategy/create": (
        "Start an algorithmic order (chase, TWAP, iceberg or POV).",
        "https://bybit-exchange.github.io/docs/v5/strategy/create-strategy",
    ),
    "GET /v5/strategy/list": (
        "Your algorithmic strategies, filterable by id, symbol, status and type.",
        "https://bybit-exchange.github.io/docs/v5/strategy/strategy-list",
    ),
    "GET /v5/strategy/order-list": (
        "Orders generated by one algorithmic strategy.",
        "https://bybit-exchange.github.io/docs/v5/strategy/order-list",
    ),
    "POST /v5/strategy/stop": (
        "Stop a running algorithmic strategy (it cannot be resumed).",
        "https://bybit-exchange.github.io/docs/v5/strategy/stop-strategy",
    ),
    # /v5/position
    "GET /v5/position/list": (
        "Open positions of a category: size, entry price, PnL, leverage, TP/SL.",
        "https://bybit-exchange.github.io/docs/v5/position/position",
    ),
    "GET /v5/position/symbol-info": (
        "Isolated leverage set per futures symbol, including symbols without a position.",
        "https://bybit-exchange.github.io/docs/v5/position/batch-lvg",
    ),
    "POST /v5/position/set-leverage": (
        "Set buy and sell leverage of a derivatives symbol.",
        "https://bybit-exchange.github.io/docs/v5/position/leverage",
    ),
    "POST /v5/position/switch-isolated": (
        "Switch a symbol between cross and isolated margin (classic accounts).",
        "https://bybit-exchange.github.io/docs/v5/abandon/cross-isolate",
    ),
    "POST /v5/position/set-tpsl-mode": (
        "Choose full or partial take-profit/stop-loss mode for a symbol (legacy).",
        "https://bybit-exchange.github.io/docs/v5/abandon/tpsl-mode",
    ),
    "POST /v5/position/switch-mode": (
        "Switch between one-way and hedge position mode for a symbol or coin.",
        "https://bybit-exchange.github.io/docs/v5/position/position-mode",
    ),
    "POST /v5/position/set-risk-limit": (
        "Choose the risk limit tier of a symbol (legacy; risk limits are automatic now).",
        "https://bybit-exchange.github.io/docs/v5/abandon/set-risk-limit",
    ),
    "POST /v5/position/trading-stop": (
        "Set take-profit, stop-loss or trailing stop on an open position.",
        "https://bybit-exchange.github.io/docs/v5/position/trading-stop",
    ),
    "POST /v5/position/set-auto-add-margin": (
        "Turn automatic margin top-up on or off for an isolated position.",
        "https://bybit-exchange.github.io/docs/v5/position/auto-add-margin",
    ),
    "POST /v5/position/add-margin": (
        "Add margin to, or remove margin from, an isolated position.",
        "https://bybit-exchange.github.io/docs/v5/position/manual-add-margin",
    ),
    "GET /v5/position/closed-pnl": (
        "Closed profit and loss records of derivatives positions, newest first.",
        "https://bybit-exchange.github.io/docs/v5/position/close-pnl",
    ),
    "GET /v5/position/get-closed-positions": (
        "Closed option positions, newest close first.",
        "https://bybit-exchange.github.io/docs/v5/position/close-position",
    ),
    "POST /v5/position/move-positions": (
        "Move positions between the master account and sub-accounts (block trade).",
        "https://bybit-exchange.github.io/docs/v5/position/move-position",
    ),
    "GET /v5/position/move-history": (
        "Records of positions moved between UIDs.",
        "https://bybit-exchange.github.io/docs/v5/position/move-position-history",
    ),
    "POST /v5/position/confirm-pending-mmr": (
        "Confirm the new risk limit of a position marked reduce-only, lifting the mark.",
        "https://bybit-exchange.github.io/docs/v5/position/confirm-mmr",
    ),
    # /v5/pre-upgrade
    "GET /v5/pre-upgrade/order/history": (
        "Orders placed before the account was upgraded to Unified.",
        "https://bybit-exchange.github.io/docs/v5/pre-upgrade/order-list",
    ),
    "GET /v5/pre-upgrade/execution/list": (
        "Executions from before the account was upgraded to Unified.",
        "https://bybit-exchange.github.io/docs/v5/pre-upgrade/execution",
    ),
    "GET /v5/pre-upgrade/position/closed-pnl": (
        "Closed PnL records from before the account was upgraded to Unified.",
        "https://bybit-exchange.github.io/docs/v5/pre-upgrade/close-pnl",
    ),
    "GET /v5/pre-upgrade/account/transaction-log": (
        "USDC derivatives wallet transaction log from before the Unified upgrade.",
        "https://bybit-exchange.github.io/docs/v5/pre-upgrade/transaction-log",
    ),
    "GET /v5/pre-upgrade/asset/delivery-record": (
        "Option delivery records from before the Unified upgrade.",
        "https://bybit-exchange.github.io/docs/v5/pre-upgrade/delivery",
    ),
    "GET /v5/pre-upgrade/asset/settlement-record": (
        "USDC perpetual session settlements from before the Unified upgrade.",
        "https://bybit-exchange.github.io/docs/v5/pre-upgrade/settlement",
    ),
    # /v5/account
    "GET /v5/account/wallet-balance": (
        "Unified wallet balance: equity, margin rates and per-coin assets (``accountType``).",
        "https://bybit-exchange.github.io/docs/v5/account/wallet-balance",
    ),
    "GET /v5/account/withdrawal": (
        "Amount of a coin that can be transferred out of the Unified wallet.",
        "https://bybit-exchange.github.io/docs/v5/account/unified-trans-amnt",
    ),
    "GET /v5/account/instruments-info": (
        "Instruments your UID is whitelisted for (pre-market / DMM listings).",
        "https://bybit-exchange.github.io/docs/institutional/dmm-listing/spot",
    ),
    "POST /v5/account/upgrade-to-uta": (
        "Upgrade the account to Unified Trading Account.",
        "https://bybit-exchange.github.io/docs/v5/account/upgrade-unified-account",
    ),
    "GET /v5/account/borrow-history": (
        "Interest and borrow records of the Unified account, newest first.",
        "https://bybit-exchange.github.io/docs/v5/account/borrow-history",
    ),
    "POST /v5/account/quick-repayment": (
        "Repay Unified account liabilities from available balance.",
        "https://bybit-exchange.github.io/docs/v5/account/repay-liability",
    ),
    "POST /v5/account/repay": (
        "Repay borrowed coin manually, all or a given amount.",
        "https://bybit-exchange.github.io/docs/v5/account/repay",
    ),
    "POST /v5/account/set-collateral-switch": (
        "Turn a coin's use as collateral in the Unified account on or off.",
        "https://bybit-exchange.github.io/docs/v5/account/set-collateral",
    ),
    "POST /v5/account/set-collateral-switch-batch": (
        "Turn collateral use on or off for several coins at once.",
        "https://bybit-exchange.github.io/docs/v5/account/batch-set-collateral",
    ),
    "GET /v5/account/collateral-info": (
        "Collateral coins of the Unified account: borrow rates, limits, collateral ratios.",
        "https://bybit-exchange.github.io/docs/v5/account/collateral-info",
    ),
    # /v5/asset
    "GET /v5/asset/coin-greeks": (
        "Option greeks of the account, by base coin.",
        "https://bybit-exchange.github.io/docs/v5/account/coin-greeks",
    ),
    # /v5/account
    "GET /v5/account/fee-rate": (
        "Your maker and taker fee rates, by category and symbol.",
        "https://bybit-exchange.github.io/docs/v5/account/fee-rate",
    ),
    "GET /v5/account/info": (
        "Account settings: margin mode, Unified status, DCP and SMP data.",
        "https://bybit-exchange.github.io/docs/v5/account/account-info",
    ),
    "GET /v5/account/query-dcp-info": (
        "Disconnect cancel-all (DCP) settings of the account.",
        "https://bybit-exchange.github.io/docs/v5/account/dcp-info",
    ),
    "GET /v5/account/transaction-log": (
        "Unified account transaction log (trades, funding, fees, transfers), up to two years.",
        "https://bybit-exchange.github.io/docs/v5/account/transaction-log",
    ),
    "GET /v5/account/contract-transaction-log": (
        "Transaction log of the classic derivatives wallet.",
        "https://bybit-exchange.github.io/docs/v5/abandon/contract-transaction-log",
    ),
    "GET /v5/account/smp-group": (
        "The account's self-match prevention group id.",
        "https://bybit-exchange.github.io/docs/v5/account/smp-group",
    ),
    "POST /v5/account/set-margin-mode": (
        "Set the Unified account margin mode: regular, isolated or portfolio.",
        "https://bybit-exchange.github.io/docs/v5/account/set-margin-mode",
    ),
    "POST /v5/account/set-hedging-mode": (
        "Turn spot hedging on or off in portfolio margin mode.",
        "https://bybit-exchange.github.io/docs/v5/account/set-spot-hedge",
    ),
    "POST /v5/account/set-limit-px-action": (
        "Choose what happens when a limit price crosses the best bid/ask limit.",
        "https://bybit-exchange.github.io/docs/v5/account/set-price-limit",
    ),
    "GET /v5/account/user-setting-config": (
        "The configured behaviour for limit prices outside the allowed range.",
        "https://bybit-exchange.github.io/docs/v5/account/get-user-setting-config",
    ),
    "POST /v5/account/set-delta-mode": (
        "Turn delta neutral mode on or off.",
        "https://bybit-exchange.github.io/docs/v5/account/set-delta-mode",
    ),
    "POST /v5/account/mmp-modify": (
        "Configure market maker protection for an option base coin.",
        "https://bybit-exchange.github.io/docs/v5/account/set-mmp",
    ),
    "POST /v5/account/mmp-reset": (
        "Unfreeze option trading after market maker protection fired.",
        "https://bybit-exchange.github.io/docs/v5/account/reset-mmp",
    ),
    "GET /v5/account/mmp-state": (
        "Market maker protection settings and frozen state of a base coin.",
        "https://bybit-exchange.github.io/docs/v5/account/get-mmp-state",
    ),
    "GET /v5/account/option-asset-info": (
        "Option profit and loss per coin.",
        "https://bybit-exchange.github.io/docs/v5/account/option-asset-info",
    ),
    "GET /v5/account/pay-info": (
        "Collateral that would be used to repay a liability, before repaying.",
        "https://bybit-exchange.github.io/docs/v5/account/pay-info",
    ),
    "GET /v5/account/trade-info-for-analysis": (
        "Aggregated spot trade figures of a symbol: values, quantities, fees.",
        "https://bybit-exchange.github.io/docs/v5/account/trade-info-for-analysis",
    ),
    # /v5/asset
    "GET /v5/asset/asset-overview": (
        "Total assets of the master or one sub-account across account types.",
        "https://bybit-exchange.github.io/docs/v5/asset/balance/asset-overview",
    ),
    "GET /v5/asset/portfolio-margin": (
        "Portfolio margin balance and asset PnL range data.",
        "https://bybit-exchange.github.io/docs/v5/asset/portfolio-margin",
    ),
    "GET /v5/asset/total-members-assets": (
        "Total assets across the master account and all sub-accounts.",
        "https://bybit-exchange.github.io/docs/v5/asset/total-members-assets",
    ),
    "GET /v5/asset/fundinghistory": (
        "Funding account transaction log, filterable by type and time.",
        "https://bybit-exchange.github.io/docs/v5/asset/fund-history",
    ),
    "GET /v5/asset/delivery-record": (
        "Delivery records of futures and options, newest first.",
        "https://bybit-exchange.github.io/docs/v5/asset/delivery",
    ),
    "GET /v5/asset/settlement-record": (
        "USDC perpetual and futures session settlement records.",
        "https://bybit-exchange.github.io/docs/v5/asset/settlement",
    ),
    "GET /v5/asset/exchange/order-record": (
        "Records of coin exchanges (conversions) in the account.",
        "https://bybit-exchange.github.io/docs/v5/asset/exchange",
    ),
    "GET /v5/asset/coin/query-info": (
        "Coin details: chains, deposit and withdrawal status, fees and limits.",
        "https://bybit-exchange.github.io/docs/v5/asset/coin-info",
    ),
    "GET /v5/asset/transfer/query-sub-member-list": (
        "Sub-account UIDs under the master account (up to 2000).",
        "https://bybit-exchange.github.io/docs/v5/asset/sub-uid-list",
    ),
    "GET /v5/asset/transfer/query-asset-info": (
        "Spot asset information of the account (classic).",
        "https://bybit-exchange.github.io/docs/v5/abandon/asset-info",
    ),
    "GET /v5/asset/transfer/query-account-coins-balance": (
        "Balances of all coins in one account type, for the master or a sub-account.",
        "https://bybit-exchange.github.io/docs/p2p/all-balance",
    ),
    "GET /v5/asset/transfer/query-account-coin-balance": (
        "Balance of one coin in one account type, with transferable amount.",
        "https://bybit-exchange.github.io/docs/v5/asset/balance/account-coin-balance",
    ),
    "GET /v5/asset/withdraw/withdrawable-amount": (
        "Amount of a coin that can be withdrawn now, and any delayed part.",
        "https://bybit-exchange.github.io/docs/v5/asset/balance/delay-amount",
    ),
    "GET /v5/asset/transfer/query-transfer-coin-list": (
        "Coins that can be transferred between two account types.",
        "https://bybit-exchange.github.io/docs/v5/asset/transfer/transferable-coin",
    ),
    "POST /v5/asset/transfer/inter-transfer": (
        "Transfer a coin between two account types of the same UID.",
        "https://bybit-exchange.github.io/docs/v5/asset/transfer/create-inter-transfer",
    ),
    "GET /v5/asset/transfer/query-inter-transfer-list": (
        "Records of internal transfers between account types of the same UID.",
        "https://bybit-exchange.github.io/docs/v5/asset/transfer/inter-transfer-list",
    ),
    "POST /v5/asset/transfer/save-transfer-sub-member": (
        "Enable universal transfers for sub-accounts (now enabled by default).",
        "https://bybit-exchange.github.io/docs/v5/abandon/enable-unitransfer-subuid",
    ),
    "POST /v5/asset/transfer/universal-transfer": (
        "Transfer between the master account and sub-accounts, or between sub-accounts.",
        "https://bybit-exchange.github.io/docs/v5/asset/transfer/unitransfer",
    ),
    "GET /v5/asset/transfer/query-universal-transfer-list": (
        "Records of universal transfers between UIDs.",
        "https://bybit-exchange.github.io/docs/v5/asset/transfer/unitransfer-list",
    ),
    "GET /v5/asset/deposit/query-allowed-list": (
        "Coins and chains allowed for deposit, with confirmation counts and minimums.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "POST /v5/asset/deposit/deposit-to-account": (
        "Choose which account type deposits are credited to.",
        "https://bybit-exchange.github.io/docs/v5/asset/deposit/set-deposit-acct",
    ),
    "GET /v5/asset/deposit/query-record": (
        "On-chain deposit records of the account.",
        "https://bybit-exchange.github.io/docs/v5/asset/deposit/deposit-record",
    ),
    "GET /v5/asset/deposit/query-sub-member-record": (
        "On-chain deposit records of a sub-account, queried with the master key.",
        "https://bybit-exchange.github.io/docs/v5/asset/deposit/sub-deposit-record",
    ),
    "GET /v5/asset/deposit/query-internal-record": (
        "Off-chain deposits received from other Bybit users.",
        "https://bybit-exchange.github.io/docs/v5/asset/deposit/internal-deposit-record",
    ),
    "GET /v5/asset/deposit/query-address": (
        "Deposit address of a coin (and chain) for the master account.",
        "https://bybit-exchange.github.io/docs/v5/asset/deposit/master-deposit-addr",
    ),
    "GET /v5/asset/deposit/query-sub-member-address": (
        "Deposit address of a coin and chain for a sub-account.",
        "https://bybit-exchange.github.io/docs/v5/asset/deposit/sub-deposit-addr",
    ),
    "GET /v5/asset/withdraw/query-record": (
        "Withdrawal records, filterable by coin, type and time.",
        "https://bybit-exchange.github.io/docs/v5/asset/withdraw/withdraw-record",
    ),
    "GET /v5/asset/withdraw/query-address": (
        "Addresses saved in the withdrawal address book.",
        "https://bybit-exchange.github.io/docs/v5/asset/withdraw/withdraw-address",
    ),
    "GET /v5/asset/withdraw/vasp/list": (
        "Virtual asset service providers (VASPs) to name on a Travel Rule withdrawal.",
        "https://bybit-exchange.github.io/docs/v5/asset/withdraw/vasp-list",
    ),
    "POST /v5/asset/travel-rule/deposit/submit": (
        "Submit the sender's Travel Rule details for a deposit under review.",
        "https://bybit-exchange.github.io/docs/v5/asset/deposit/submit-info",
    ),
    "POST /v5/asset/withdraw/create": (
        "Withdraw a coin on chain, or off chain to another Bybit user (``coin``, ``chain``, ``address``, ``amount``).",
        "https://bybit-exchange.github.io/docs/v5/asset/withdraw/withdraw",
    ),
    "POST /v5/asset/withdraw/cancel": (
        "Cancel a pending withdrawal by id.",
        "https://bybit-exchange.github.io/docs/v5/asset/withdraw/cancel-withdraw",
    ),
    "GET /v5/asset/exchange/query-coin-list": (
        "Coins available for conversion, with their limits.",
        "https://bybit-exchange.github.io/docs/v5/asset/convert/convert-coin-list",
    ),
    "POST /v5/asset/exchange/quote-apply": (
        "Request a conversion quote between two coins for an amount.",
        "https://bybit-exchange.github.io/docs/v5/asset/convert/apply-quote",
    ),
    "POST /v5/asset/exchange/convert-execute": (
        "Execute a conversion quote (the result arrives asynchronously).",
        "https://bybit-exchange.github.io/docs/v5/asset/convert/confirm-quote",
    ),
    "GET /v5/asset/exchange/convert-result-query": (
        "Status of one conversion, by quote transaction id.",
        "https://bybit-exchange.github.io/docs/v5/asset/convert/get-convert-result",
    ),
    "GET /v5/asset/exchange/query-convert-history": (
        "Confirmed conversions, newest first.",
        "https://bybit-exchange.github.io/docs/v5/asset/convert/get-convert-history",
    ),
    "GET /v5/asset/covert/small-balance-list": (
        "Small balances (under 10 USDT each) that can be converted.",
        "https://bybit-exchange.github.io/docs/v5/asset/convert-small-balance/small-balanc-coins",
    ),
    "POST /v5/asset/covert/get-quote": (
        "Request a quote to convert small balances into one coin.",
        "https://bybit-exchange.github.io/docs/v5/asset/convert-small-balance/request-quote",
    ),
    "POST /v5/asset/covert/small-balance-execute": (
        "Execute a small-balance conversion quote.",
        "https://bybit-exchange.github.io/docs/v5/asset/convert-small-balance/confirm-quote",
    ),
    "GET /v5/asset/covert/small-balance-history": (
        "History of small-balance conversions.",
        "https://bybit-exchange.github.io/docs/v5/asset/convert-small-balance/exchange-history",
    ),
    # /v5/fiat
    "GET /v5/fiat/query-coin-list": (
        "Fiat and crypto pairs available for fiat conversion.",
        "https://bybit-exchange.github.io/docs/v5/asset/fiat-convert/query-coin-list",
    ),
    "GET /v5/fiat/reference-price": (
        "Reference price of a fiat/crypto pair.",
        "https://bybit-exchange.github.io/docs/v5/asset/fiat-convert/reference-price",
    ),
    "POST /v5/fiat/quote-apply": (
        "Request a fiat conversion quote (master account only).",
        "https://bybit-exchange.github.io/docs/v5/asset/fiat-convert/quote-apply",
    ),
    "POST /v5/fiat/trade-execute": (
        "Execute a fiat conversion quote (the result arrives asynchronously).",
        "https://bybit-exchange.github.io/docs/v5/asset/fiat-convert/confirm-quote",
    ),
    "GET /v5/fiat/trade-query": (
        "Details and status of one fiat conversion.",
        "https://bybit-exchange.github.io/docs/v5/asset/fiat-convert/query-trade",
    ),
    "GET /v5/fiat/query-trade-history": (
        "History of fiat conversions.",
        "https://bybit-exchange.github.io/docs/v5/asset/fiat-convert/query-trade-history",
    ),
    "GET /v5/fiat/balance-query": (
        "Fiat balances of the account.",
        "https://bybit-exchange.github.io/docs/v5/asset/fiat-convert/balance-query",
    ),
    # /v5/user
    "POST /v5/user/create-sub-member": (
        "Create a sub-account UID (master key only).",
        "https://bybit-exchange.github.io/docs/v5/user/create-subuid",
    ),
    "POST /v5/user/create-sub-api": (
        "Create an API key for a sub-account (master key only).",
        "https://bybit-exchange.github.io/docs/v5/user/create-subuid-apikey",
    ),
    "GET /v5/user/query-sub-members": (
        "Sub-account UIDs of the master account, up to 1000.",
        "https://bybit-exchange.github.io/docs/v5/user/subuid-list",
    ),
    "GET /v5/user/submembers": (
        "All sub-account UIDs of the master account, paged.",
        "https://bybit-exchange.github.io/docs/v5/user/page-subuid",
    ),
    "GET /v5/user/escrow_sub_members": (
        "Fund custodial sub-accounts of an institutional master account.",
        "https://bybit-exchange.github.io/docs/v5/user/fund-subuid-list",
    ),
    "POST /v5/user/frozen-sub-member": (
        "Freeze or unfreeze a sub-account (master key only).",
        "https://bybit-exchange.github.io/docs/v5/user/froze-subuid",
    ),
    "GET /v5/user/query-api": (
        "Settings of the calling API key: permissions, IP whitelist, expiry.",
        "https://bybit-exchange.github.io/docs/v5/user/apikey-info",
    ),
    "GET /v5/user/sub-apikeys": (
        "All API keys of one sub-account.",
        "https://bybit-exchange.github.io/docs/v5/user/list-sub-apikeys",
    ),
    "GET /v5/user/get-member-type": (
        "Wallet types available to the master account or its sub-accounts.",
        "https://bybit-exchange.github.io/docs/v5/user/wallet-type",
    ),
    "POST /v5/user/update-api": (
        "Change permissions or IP whitelist of the calling master API key.",
        "https://bybit-exchange.github.io/docs/v5/user/modify-master-apikey",
    ),
    "POST /v5/user/update-sub-api": (
        "Change permissions or IP whitelist of a sub-account API key.",
        "https://bybit-exchange.github.io/docs/v5/user/modify-sub-apikey",
    ),
    "POST /v5/user/del-submember": (
        "Delete a sub-account whose balance is (almost) zero.",
        "https://bybit-exchange.github.io/docs/v5/user/rm-subuid",
    ),
    "POST /v5/user/delete-api": (
        "Delete the calling master API key.",
        "https://bybit-exchange.github.io/docs/v5/user/rm-master-apikey",
    ),
    "POST /v5/user/delete-sub-api": (
        "Delete a sub-account API key.",
        "https://bybit-exchange.github.io/docs/v5/user/rm-sub-apikey",
    ),
    # /v5/affiliate
    "GET /v5/affiliate/aff-user-list": (
        "Users referred by the affiliate, with their trading and deposit figures.",
        "https://bybit-exchange.github.io/docs/v5/affiliate/affiliate-user-list",
    ),
    "GET /v5/affiliate/affiliate-sub-list": (
        "Sub-affiliates of the affiliate account and their figures.",
        "https://bybit-exchange.github.io/docs/v5/affiliate/affiliate-sub-list",
    ),
    # /v5/user
    "GET /v5/user/aff-customer-info": (
        "Trading and deposit details of one referred user (``uid``).",
        "https://bybit-exchange.github.io/docs/v5/affiliate/affiliate-info",
    ),
    "GET /v5/user/invitation/referrals": (
        "Friends you referred and their referral status, paged.",
        "https://bybit-exchange.github.io/docs/v5/user/friend-referral",
    ),
    "GET /v5/user/invitation/code": (
        "Your own referral code.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "POST /v5/user/agreement": (
        "Sign the TradFi agreement that some products require.",
        "https://bybit-exchange.github.io/docs/v5/tradfi-integration",
    ),
    # /v5/alpha
    "POST /v5/alpha/trade/quote": (
        "Quote for buying or redeeming an on-chain (Alpha) token; required before the trade.",
        "https://bybit-exchange.github.io/docs/v5/alpha/trade/trade-quote",
    ),
    "POST /v5/alpha/trade/purchase": (
        "Buy an on-chain token with a payment token such as USDT, using a quote.",
        "https://bybit-exchange.github.io/docs/v5/alpha/trade/trade-purchase",
    ),
    "POST /v5/alpha/trade/redeem": (
        "Sell an on-chain token back into a payment token, using a quote.",
        "https://bybit-exchange.github.io/docs/v5/alpha/trade/trade-redeem",
    ),
    "POST /v5/alpha/trade/pay-token-list": (
        "Payment tokens accepted for on-chain trading and their token codes.",
        "https://bybit-exchange.github.io/docs/v5/alpha/trade/pay-token-list",
    ),
    "POST /v5/alpha/trade/order-list": (
        "Your on-chain trade orders with status and fees.",
        "https://bybit-exchange.github.io/docs/v5/alpha/trade/order-list",
    ),
    "POST /v5/alpha/trade/biz-token-list": (
        "On-chain tokens available to trade, with risk flags and limits.",
        "https://bybit-exchange.github.io/docs/v5/alpha/trade/biz-token-list",
    ),
    "POST /v5/alpha/trade/biz-token-price-list": (
        "Prices, 24h change, volume and market cap of on-chain tokens.",
        "https://bybit-exchange.github.io/docs/v5/alpha/trade/biz-token-price-list",
    ),
    "POST /v5/alpha/trade/biz-token-details": (
        "Details of one on-chain token: description, links, risk flags.",
        "https://bybit-exchange.github.io/docs/v5/alpha/trade/biz-token-details",
    ),
    "POST /v5/alpha/trade/asset-list": (
        "Your on-chain token holdings with value and PnL.",
        "https://bybit-exchange.github.io/docs/v5/alpha/trade/asset-list",
    ),
    "POST /v5/alpha/trade/asset-detail": (
        "Your holding of one on-chain token: cost basis and PnL.",
        "https://bybit-exchange.github.io/docs/v5/alpha/trade/asset-detail",
    ),
    "GET /v5/alpha/prediction/engine-status": (
        "Whether the prediction market matching engine is available.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/engine-status",
    ),
    "GET /v5/alpha/prediction/pay-token-list": (
        "Payment tokens accepted in the prediction market.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/pay-token-list",
    ),
    "POST /v5/alpha/prediction/event-detail": (
        "One prediction event with its outcome markets and prices.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/event-detail",
    ),
    "POST /v5/alpha/prediction/order-estimate": (
        "Estimate a prediction buy or sell before executing it (required step).",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/order-estimate",
    ),
    "POST /v5/alpha/prediction/buy": (
        "Buy outcome token shares of a prediction market with USDC.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/buy",
    ),
    "POST /v5/alpha/prediction/sell": (
        "Sell outcome token shares of a prediction market for USDC.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/sell",
    ),
    "POST /v5/alpha/prediction/order-list": (
        "Your prediction market orders.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/order-list",
    ),
    "POST /v5/alpha/prediction/order-book": (
        "Order book of prediction outcome tokens.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/order-book",
    ),
    "POST /v5/alpha/prediction/token-price": (
        "Best bid and ask of prediction outcome tokens.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/token-price",
    ),
    "POST /v5/alpha/prediction/price-history": (
        "Price candles of a prediction outcome token.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/price-history",
    ),
    "POST /v5/alpha/prediction/position-list": (
        "Your open prediction market positions.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/position-list",
    ),
    "POST /v5/alpha/prediction/position-history": (
        "Your closed prediction positions with settlement results.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/position-history",
    ),
    "POST /v5/alpha/prediction/portfolio-summary": (
        "Totals of your prediction market portfolio: invested, value, PnL.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/portfolio-summary",
    ),
    "POST /v5/alpha/prediction/side-market-list": (
        "Outcome markets (side markets) of a prediction event.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/side-market-list",
    ),
    "POST /v5/alpha/prediction/sports/match-list": (
        "Sports matches available in the prediction market.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/sports-match-list",
    ),
    "GET /v5/alpha/prediction/sports/timeline-stages": (
        "Tournament stages of a sports prediction event.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/sports-timeline-stages",
    ),
    "POST /v5/alpha/prediction/sports/group-stage-detail": (
        "Group standings and schedule of a sports prediction event.",
        "https://bybit-exchange.github.io/docs/v5/alpha/prediction/sports-group-stage-detail",
    ),
    "POST /v5/alpha/lp/pool-list": (
        "Liquidity pools, optionally filtered by token.",
        "https://bybit-exchange.github.io/docs/v5/alpha/lp/pool-list",
    ),
    "POST /v5/alpha/lp/pool-info": (
        "One liquidity pool: APY, fees, reserves, price range.",
        "https://bybit-exchange.github.io/docs/v5/alpha/lp/pool-info",
    ),
    "POST /v5/alpha/lp/stake": (
        "Stake tokens into a liquidity pool.",
        "https://bybit-exchange.github.io/docs/v5/alpha/lp/stake",
    ),
    "POST /v5/alpha/lp/redeem": (
        "Withdraw liquidity from a pool position.",
        "https://bybit-exchange.github.io/docs/v5/alpha/lp/redeem",
    ),
    "POST /v5/alpha/lp/order-list": (
        "Your liquidity pool stake and redeem orders.",
        "https://bybit-exchange.github.io/docs/v5/alpha/lp/order-list",
    ),
    "POST /v5/alpha/lp/pay-token-list": (
        "Tokens accepted for liquidity staking, with your balances.",
        "https://bybit-exchange.github.io/docs/v5/alpha/lp/pay-token-list",
    ),
    "POST /v5/alpha/lp/pay-token-price": (
        "USD prices of liquidity payment tokens.",
        "https://bybit-exchange.github.io/docs/v5/alpha/lp/pay-token-price",
    ),
    "POST /v5/alpha/lp/position-list": (
        "Your liquidity positions with value, rewards and APY.",
        "https://bybit-exchange.github.io/docs/v5/alpha/lp/position-list",
    ),
    # /v5/spot-margin-trade
    "GET /v5/spot-margin-trade/data": (
        "Spot margin borrow rates and limits per VIP level (Unified account).",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/vip-margin",
    ),
    "GET /v5/spot-margin-trade/interest-rate-history": (
        "Borrow interest rate history of a coin, up to six months.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/historical-interest",
    ),
    "GET /v5/spot-margin-trade/currency-data": (
        "Spot margin borrowing settings of coins.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/currency-data",
    ),
    "POST /v5/spot-margin-trade/switch-mode": (
        "Turn spot margin trading on or off (Unified account).",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/switch-mode",
    ),
    "POST /v5/spot-margin-trade/set-leverage": (
        "Set the maximum spot margin leverage (Unified account).",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/set-leverage",
    ),
    "GET /v5/spot-margin-trade/state": (
        "Whether spot margin is on, and its leverage.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/status",
    ),
    # /v5/account
    "POST /v5/account/borrow": (
        "Borrow a coin at a variable rate in the Unified account.",
        "https://bybit-exchange.github.io/docs/v5/account/borrow",
    ),
    # /v5/spot-margin-trade
    "GET /v5/spot-margin-trade/max-borrowable": (
        "Largest amount of a coin you can borrow now.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/max-borrowable",
    ),
    "GET /v5/spot-margin-trade/position-tiers": (
        "Spot margin borrowing tiers of a coin.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/position-tiers",
    ),
    "GET /v5/spot-margin-trade/coinstate": (
        "Spot margin borrowing and collateral state of coins.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/coinstate",
    ),
    "GET /v5/spot-margin-trade/repayment-available-amount": (
        "Amount of a coin available to repay a spot margin loan.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/repayment-available-amount",
    ),
    # /v5/account
    "POST /v5/account/no-convert-repay": (
        "Repay a loan from the coin's own balance, without converting other assets.",
        "https://bybit-exchange.github.io/docs/v5/account/no-convert-repay",
    ),
    # /v5/spot-margin-trade
    "GET /v5/spot-margin-trade/get-auto-repay-mode": (
        "Whether spot automatic repayment is on, per coin.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/get-auto-repay-mode",
    ),
    "POST /v5/spot-margin-trade/set-auto-repay-mode": (
        "Turn spot automatic repayment on or off.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/set-auto-repay-mode",
    ),
    "GET /v5/spot-margin-trade/liability": (
        "Outstanding spot margin liabilities per coin.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/liability",
    ),
    "POST /v5/spot-margin-trade/fixedborrow": (
        "Borrow a coin at a fixed rate for a term.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/fixedborrow",
    ),
    "GET /v5/spot-margin-trade/fixedborrow-order-info": (
        "Fixed-rate borrow orders, newest first.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/fixedborrow-order-info",
    ),
    "GET /v5/spot-margin-trade/fixedborrow-contract-info": (
        "Fixed-rate borrow contracts, newest first.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/fixedborrow-contract-info",
    ),
    "GET /v5/spot-margin-trade/fixedborrow-order-quote": (
        "Market quotes for fixed-rate borrowing of a coin and term.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/fixedborrow-order-quote",
    ),
    "POST /v5/spot-margin-trade/fixedborrow-renew": (
        "Renew a fixed-rate borrow contract.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/fixedborrow-renew",
    ),
    "GET /v5/spot-margin-trade/flexible-available-inventory": (
        "Inventory available to borrow at a flexible rate for a coin.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/flexible-available-inventory",
    ),
    "GET /v5/spot-margin-trade/fixed-available-inventory": (
        "Inventory available to borrow at a fixed rate for a coin, term and rate.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/fixed-available-inventory",
    ),
    "GET /v5/spot-margin-trade/collateral": (
        "Tiered collateral ratios of coins for Unified account loans.",
        "https://bybit-exchange.github.io/docs/v5/spot-margin-uta/tier-collateral-ratio",
    ),
    # /v5/spot-cross-margin-trade
    "GET /v5/spot-cross-margin-trade/pledge-token": (
        "Coins usable as collateral in classic spot cross margin (legacy).",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/spot-cross-margin-trade/borrow-token": (
        "Coins borrowable in classic spot cross margin (legacy).",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/spot-cross-margin-trade/loan-info": (
        "Interest rate and borrow quota of a coin in classic spot cross margin (legacy).",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/spot-cross-margin-trade/account": (
        "Classic spot cross margin loan account summary (legacy).",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "POST /v5/spot-cross-margin-trade/loan": (
        "Borrow in classic spot cross margin (legacy).",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "POST /v5/spot-cross-margin-trade/repay": (
        "Repay in classic spot cross margin (legacy).",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/spot-cross-margin-trade/orders": (
        "Borrow orders of classic spot cross margin (legacy).",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/spot-cross-margin-trade/repay-history": (
        "Repayments of classic spot cross margin (legacy).",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "POST /v5/spot-cross-margin-trade/switch": (
        "Turn classic spot cross margin trading on or off (legacy).",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    # /v5/crypto-loan
    "GET /v5/crypto-loan/collateral-data": (
        "Coins accepted as crypto loan collateral, with LTV settings (legacy loans).",
        "https://bybit-exchange.github.io/docs/v5/crypto-loan/collateral-coin",
    ),
    "GET /v5/crypto-loan/loanable-data": (
        "Coins that can be borrowed with crypto loans, with rates (legacy loans).",
        "https://bybit-exchange.github.io/docs/v5/crypto-loan/loan-coin",
    ),
    "GET /v5/crypto-loan/borrowable-collateralisable-number": (
        "Minimum and maximum amounts you can borrow or pledge for a coin pair (legacy loans).",
        "https://bybit-exchange.github.io/docs/v5/crypto-loan/acct-borrow-collateral",
    ),
    "POST /v5/crypto-loan/borrow": (
        "Take a crypto loan against collateral (legacy loans).",
        "https://bybit-exchange.github.io/docs/v5/abandon/borrow",
    ),
    "POST /v5/crypto-loan/repay": (
        "Repay a crypto loan fully or partly (legacy loans).",
        "https://bybit-exchange.github.io/docs/v5/crypto-loan/repay",
    ),
    "GET /v5/crypto-loan/ongoing-orders": (
        "Your ongoing crypto loans (legacy loans).",
        "https://bybit-exchange.github.io/docs/v5/crypto-loan/unpaid-loan-order",
    ),
    "GET /v5/crypto-loan/repayment-history": (
        "Crypto loan repayment transactions (legacy loans).",
        "https://bybit-exchange.github.io/docs/v5/crypto-loan/repay-transaction",
    ),
    "GET /v5/crypto-loan/borrow-history": (
        "Fully repaid crypto loans of the last six months (legacy loans).",
        "https://bybit-exchange.github.io/docs/v5/crypto-loan/completed-loan-order",
    ),
    "GET /v5/crypto-loan/max-collateral-amount": (
        "Largest collateral reduction allowed for a loan (legacy loans).",
        "https://bybit-exchange.github.io/docs/v5/crypto-loan/reduce-max-collateral-amt",
    ),
    "POST /v5/crypto-loan/adjust-ltv": (
        "Add or remove collateral of a crypto loan (legacy loans).",
        "https://bybit-exchange.github.io/docs/v5/crypto-loan/adjust-collateral",
    ),
    "GET /v5/crypto-loan/adjustment-history": (
        "History of collateral adjustments (legacy loans).",
        "https://bybit-exchange.github.io/docs/v5/crypto-loan/ltv-adjust-history",
    ),
    # /v5/crypto-loan-common
    "GET /v5/crypto-loan-common/loanable-data": (
        "Coins that can be borrowed with crypto loans and their rates.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/loan-coin",
    ),
    "GET /v5/crypto-loan-common/collateral-data": (
        "Coins accepted as crypto loan collateral and their LTV settings.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/collateral-coin",
    ),
    "GET /v5/crypto-loan-common/max-collateral-amount": (
        "Largest amount of a collateral coin that can be redeemed at the current LTV.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/reduce-max-collateral-amt",
    ),
    "POST /v5/crypto-loan-common/max-loan": (
        "Largest loan you can take against given collateral.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/max-loan-amt",
    ),
    "POST /v5/crypto-loan-common/adjust-ltv": (
        "Add or remove collateral of your crypto loans.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/adjust-collateral",
    ),
    "GET /v5/crypto-loan-common/adjustment-history": (
        "History of crypto loan collateral adjustments.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/ltv-adjust-history",
    ),
    "GET /v5/crypto-loan-common/position": (
        "Your crypto loan position: borrowed coins, collateral, LTV.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/crypto-loan-position",
    ),
    # /v5/crypto-loan-flexible
    "POST /v5/crypto-loan-flexible/borrow": (
        "Take a flexible-rate crypto loan.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/flexible/borrow",
    ),
    "POST /v5/crypto-loan-flexible/repay": (
        "Repay a flexible-rate crypto loan fully or partly.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/flexible/repay",
    ),
    "POST /v5/crypto-loan-flexible/repay-collateral": (
        "Repay a flexible loan with collateral, interest first.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/flexible/repay-collateral",
    ),
    "GET /v5/crypto-loan-flexible/ongoing-coin": (
        "Your ongoing flexible-rate loans.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/flexible/unpaid-loan-order",
    ),
    "GET /v5/crypto-loan-flexible/borrow-history": (
        "Flexible loan borrowing history.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/flexible/loan-orders",
    ),
    "GET /v5/crypto-loan-flexible/repayment-history": (
        "Flexible loan repayment history.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/flexible/repay-orders",
    ),
    "GET /v5/crypto-loan-flexible/available-inventory": (
        "Inventory available for flexible-rate crypto loans of a coin.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    # /v5/crypto-loan-fixed
    "GET /v5/crypto-loan-fixed/supply-order-quote": (
        "Fixed-term lending market: offered rates and amounts by term.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/supply-market",
    ),
    "GET /v5/crypto-loan-fixed/borrow-order-quote": (
        "Fixed-term borrowing market: requested rates and amounts by term.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/borrow-market",
    ),
    "POST /v5/crypto-loan-fixed/borrow": (
        "Place a fixed-term borrow order.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/borrow",
    ),
    "POST /v5/crypto-loan-fixed/supply": (
        "Place a fixed-term lending (supply) order.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/supply",
    ),
    "POST /v5/crypto-loan-fixed/borrow-order-cancel": (
        "Cancel a fixed-term borrow order.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/cancel-borrow",
    ),
    "POST /v5/crypto-loan-fixed/supply-order-cancel": (
        "Cancel a fixed-term lending order.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/cancel-supply",
    ),
    "GET /v5/crypto-loan-fixed/borrow-contract-info": (
        "Your fixed-term borrow contracts.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/borrow-contract",
    ),
    "GET /v5/crypto-loan-fixed/supply-contract-info": (
        "Your fixed-term lending contracts.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/supply-contract%20copy",
    ),
    "GET /v5/crypto-loan-fixed/borrow-order-info": (
        "Your fixed-term borrow orders.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/borrow-order",
    ),
    "GET /v5/crypto-loan-fixed/supply-order-info": (
        "Your fixed-term lending orders.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/supply-order",
    ),
    "POST /v5/crypto-loan-fixed/fully-repay": (
        "Repay a fixed-term loan in full.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/repay",
    ),
    "POST /v5/crypto-loan-fixed/repay-collateral": (
        "Repay a fixed-term loan with collateral.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/repay-collateral",
    ),
    "GET /v5/crypto-loan-fixed/repayment-history": (
        "Fixed-term loan repayment history.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/repay-history",
    ),
    "POST /v5/crypto-loan-fixed/renew": (
        "Renew a fixed-term borrow contract.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/renew",
    ),
    "GET /v5/crypto-loan-fixed/renew-info": (
        "Fixed-term loan renewal records.",
        "https://bybit-exchange.github.io/docs/v5/new-crypto-loan/fixed/renew-order",
    ),
    "GET /v5/crypto-loan-fixed/available-inventory": (
        "Inventory available for fixed-term crypto loans of a coin.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    # /v5/ins-loan
    "GET /v5/ins-loan/product-infos": (
        "Institutional loan products: coins, terms, rates.",
        "https://bybit-exchange.github.io/docs/v5/otc/margin-product-info",
    ),
    "GET /v5/ins-loan/coin-delta-amount": (
        "Coin delta amounts of an institutional loan hedge product.",
        "https://bybit-exchange.github.io/docs/v5/otc/coin-delta-amount",
    ),
    "GET /v5/ins-loan/ensure-tokens": (
        "Margin coins of institutional loans and their conversion tiers.",
        "https://bybit-exchange.github.io/docs/v5/abandon/margin-coin-info",
    ),
    "GET /v5/ins-loan/ensure-tokens-convert": (
        "Margin coins of institutional loans with ladder conversion rates.",
        "https://bybit-exchange.github.io/docs/v5/otc/margin-coin-convert-info",
    ),
    "GET /v5/ins-loan/loan-order": (
        "Institutional loan orders, up to two years back.",
        "https://bybit-exchange.github.io/docs/v5/otc/loan-info",
    ),
    "GET /v5/ins-loan/repaid-history": (
        "Repayment orders of institutional loans.",
        "https://bybit-exchange.github.io/docs/v5/otc/repay-info",
    ),
    "GET /v5/ins-loan/ltv": (
        "Loan-to-value ratio of institutional loans.",
        "https://bybit-exchange.github.io/docs/v5/abandon/ltv",
    ),
    "GET /v5/ins-loan/ltv-convert": (
        "Loan-to-value ratio of institutional loans, with ladder conversion rates.",
        "https://bybit-exchange.github.io/docs/v5/otc/ltv-convert",
    ),
    "POST /v5/ins-loan/association-uid": (
        "Bind a UID to, or unbind it from, an institutional loan risk unit.",
        "https://bybit-exchange.github.io/docs/v5/otc/bind-uid",
    ),
    "POST /v5/ins-loan/repay-loan": (
        "Repay an institutional loan.",
        "https://bybit-exchange.github.io/docs/v5/otc/repay",
    ),
    # /v5/ins
    "GET /v5/ins/whitelist/ip": (
        "IP whitelist of the institution (master key).",
        "https://bybit-exchange.github.io/docs/v5/institution/whitelist-ip",
    ),
    "GET /v5/ins/ip/changelog": (
        "Change log of the institution's IP whitelist.",
        "https://bybit-exchange.github.io/docs/v5/institution/ip-changelog",
    ),
    # /v5/broker
    "GET /v5/broker/earnings-info": (
        "Exchange broker commission earnings by period and business type.",
        "https://bybit-exchange.github.io/docs/v5/broker/exchange-broker/exchange-earning",
    ),
    "GET /v5/broker/account-info": (
        "Exchange broker account details: sub-account limits and rebate rates.",
        "https://bybit-exchange.github.io/docs/v5/broker/exchange-broker/account-info",
    ),
    "GET /v5/broker/asset/query-sub-member-deposit-record": (
        "Deposit records of the broker's sub-accounts.",
        "https://bybit-exchange.github.io/docs/v5/broker/exchange-broker/sub-deposit-record",
    ),
    "POST /v5/broker/award/info": (
        "Specification of a broker voucher (award).",
        "https://bybit-exchange.github.io/docs/v5/broker/reward/voucher",
    ),
    "POST /v5/broker/award/distribute-award": (
        "Give a voucher to a user.",
        "https://bybit-exchange.github.io/docs/v5/broker/reward/issue-voucher",
    ),
    "POST /v5/broker/award/distribution-record": (
        "Whether and when a voucher was given to a user.",
        "https://bybit-exchange.github.io/docs/v5/broker/reward/get-issue-voucher",
    ),
    "POST /v5/broker/apilimit/set": (
        "Set API rate limits of broker UIDs.",
        "https://bybit-exchange.github.io/docs/v5/broker/exchange-broker/rate-limit/set",
    ),
    "GET /v5/broker/apilimit/query-cap": (
        "The broker's total rate limit usage and cap.",
        "https://bybit-exchange.github.io/docs/v5/broker/exchange-broker/rate-limit/query-cap",
    ),
    "GET /v5/broker/apilimit/query-all": (
        "UID-level rate limits of the broker's accounts.",
        "https://bybit-exchange.github.io/docs/v5/broker/exchange-broker/rate-limit/query-all",
    ),
    "GET /v5/broker/whitelist/ip": (
        "IP whitelist of the broker account.",
        "https://bybit-exchange.github.io/docs/v5/broker/api-broker/whitelist-ip",
    ),
    "GET /v5/broker/ip/changelog": (
        "Change log of the broker's IP whitelist.",
        "https://bybit-exchange.github.io/docs/v5/broker/api-broker/ip-changelog",
    ),
    # /v5/earn
    "GET /v5/earn/product": (
        "Earn products (savings, on-chain) of a category, with rates.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/easy-onchain/product-info",
    ),
    "GET /v5/earn/coupons": (
        "Your Earn coupons.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/easy-onchain/coupons",
    ),
    "GET /v5/earn/rwa/product": (
        "Real-world-asset Earn products and quotas.",
        "https://bybit-exchange.github.io/docs/v5/finance/rwa/product",
    ),
    "POST /v5/earn/rwa/place-order": (
        "Subscribe to or redeem a real-world-asset product (processed asynchronously).",
        "https://bybit-exchange.github.io/docs/v5/finance/rwa/place-order",
    ),
    "GET /v5/earn/rwa/position": (
        "Your real-world-asset positions.",
        "https://bybit-exchange.github.io/docs/v5/finance/rwa/position",
    ),
    "GET /v5/earn/rwa/order": (
        "Your real-world-asset orders.",
        "https://bybit-exchange.github.io/docs/v5/finance/rwa/order",
    ),
    "GET /v5/earn/rwa/nav-chart": (
        "NAV history of a real-world-asset product.",
        "https://bybit-exchange.github.io/docs/v5/finance/rwa/nav-chart",
    ),
    "GET /v5/earn/hold-to-earn/product": (
        "Hold-to-earn airdrop products.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/hold-to-earn/product",
    ),
    "GET /v5/earn/advance/product": (
        "Advanced Earn products (dual asset and others) of a category.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/discount-buy/product-info",
    ),
    "GET /v5/earn/liquidity-mining/product": (
        "Liquidity mining products and their yields.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/liquidity-mining/product-info",
    ),
    "POST /v5/earn/liquidity-mining/reinvest": (
        "Reinvest liquidity mining earnings.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/liquidity-mining/reinvest",
    ),
    "POST /v5/earn/liquidity-mining/add-liquidity": (
        "Add liquidity to a liquidity mining product.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/liquidity-mining/add-liquidity",
    ),
    "POST /v5/earn/liquidity-mining/remove-liquidity": (
        "Remove liquidity from a liquidity mining position.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/liquidity-mining/remove-liquidity",
    ),
    "POST /v5/earn/liquidity-mining/add-margin": (
        "Add margin to a leveraged liquidity mining position.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/liquidity-mining/add-margin",
    ),
    "POST /v5/earn/liquidity-mining/claim-interest": (
        "Claim accrued liquidity mining interest.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/liquidity-mining/claim-interest",
    ),
    "GET /v5/earn/liquidity-mining/position": (
        "Your liquidity mining positions.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/liquidity-mining/position",
    ),
    "GET /v5/earn/liquidity-mining/order": (
        "Your liquidity mining orders.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/liquidity-mining/order",
    ),
    "GET /v5/earn/liquidity-mining/yield-records": (
        "Yield records of your liquidity mining positions.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/liquidity-mining/yield-records",
    ),
    "GET /v5/earn/liquidity-mining/liquidation-records": (
        "Liquidation records of your liquidity mining positions.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/liquidity-mining/liquidation-records",
    ),
    "GET /v5/earn/fixed-term/product": (
        "Fixed-term Earn products with terms and rates.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/fixed-saving/product",
    ),
    "GET /v5/earn/advance/product-extra-info": (
        "Current quotes of advanced Earn products (dual asset and others).",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/discount-buy/product-quote",
    ),
    "POST /v5/earn/advance/place-order": (
        "Subscribe to an advanced Earn product (dual asset and others).",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/discount-buy/create-order",
    ),
    "GET /v5/earn/advance/position": (
        "Your advanced Earn positions.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/discount-buy/position",
    ),
    "GET /v5/earn/advance/order": (
        "Your advanced Earn orders.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/discount-buy/order",
    ),
    "GET /v5/earn/advance/double-win-leverage": (
        "Quote for a custom Double Win product (leverage and range).",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/double-win/leverage",
    ),
    "GET /v5/earn/advance/get-redeem-est-amount-list": (
        "Estimated redemption amounts of Smart Leverage positions.",
        "https://bybit-exchange.github.io/docs/v5/finance/advanced-earn/double-win/est-redeem",
    ),
    "POST /v5/earn/fixed-term/place-order": (
        "Subscribe to a fixed-term Earn product.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/fixed-saving/place-order",
    ),
    "POST /v5/earn/fixed-term/redeem": (
        "Redeem a fixed-term Earn position.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/fixed-saving/redeem",
    ),
    "GET /v5/earn/fixed-term/position": (
        "Your fixed-term Earn positions.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/fixed-saving/position",
    ),
    "GET /v5/earn/fixed-term/order": (
        "Your fixed-term Earn orders.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/fixed-saving/order",
    ),
    "POST /v5/earn/fixed-term/position/auto-invest": (
        "Turn auto-reinvest of a fixed-term Earn position on or off.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/fixed-saving/set-auto-invest",
    ),
    "POST /v5/earn/place-order": (
        "Stake into or redeem from an Earn product (``category``, ``orderType``, ``productId``, ``amount``).",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/easy-onchain/create-order",
    ),
    "GET /v5/earn/order": (
        "Your Earn stake and redeem orders.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/easy-onchain/order-history",
    ),
    "GET /v5/earn/position": (
        "Your staked Earn positions.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/easy-onchain/position",
    ),
    "POST /v5/earn/position/modify": (
        "Change settings of an Earn position, such as auto-reinvest.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/easy-onchain/modify-position",
    ),
    "GET /v5/earn/yield": (
        "Earn yield records, up to three months back.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/easy-onchain/yield-history",
    ),
    "GET /v5/earn/hold-to-earn/yield-history": (
        "Daily hold-to-earn airdrop PnL records, up to three months back.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/hold-to-earn/yield-history",
    ),
    "GET /v5/earn/hourly-yield": (
        "Hourly Earn yield records.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/easy-onchain/hourly-yield",
    ),
    "GET /v5/earn/apr-history": (
        "APR history of an Earn product.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/easy-onchain/apr-history",
    ),
    "GET /v5/earn/token/product": (
        "Earn token products.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/byusdt/product",
    ),
    "POST /v5/earn/token/place-order": (
        "Subscribe to or redeem an Earn token product (processed asynchronously).",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/byusdt/place-order",
    ),
    "GET /v5/earn/token/order": (
        "Your Earn token orders.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/byusdt/order",
    ),
    "GET /v5/earn/token/position": (
        "Your Earn token positions.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/byusdt/position",
    ),
    "GET /v5/earn/token/yield": (
        "Daily yield records of Earn token positions.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/byusdt/yield",
    ),
    "GET /v5/earn/token/hourly-yield": (
        "Hourly yield records of Earn token positions.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/byusdt/hourly-yield",
    ),
    "GET /v5/earn/token/history-apr": (
        "APR history of an Earn token product.",
        "https://bybit-exchange.github.io/docs/v5/finance/earn/byusdt/history-apr",
    ),
    "GET /v5/earn/pwm/investment-plan/list": (
        "Your wealth management investment plans.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/earn/pwm/investment-plan/detail": (
        "Details of one wealth management investment plan.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/investment-plan/detail",
    ),
    "GET /v5/earn/pwm/investment-plan/new-plan": (
        "Details of a wealth management plan awaiting subscription.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/investment-plan/new-plan",
    ),
    "POST /v5/earn/pwm/investment-plan/claim": (
        "Claim funds that became withdrawable in a wealth management plan.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/investment-plan/claim",
    ),
    "GET /v5/earn/pwm/investment-plan/asset-trend": (
        "Asset value trend of a wealth management plan.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/investment-plan/asset-trend",
    ),
    "GET /v5/earn/pwm/investment-plan/fund-nav": (
        "NAV history of a wealth management fund (up to 180 days per request).",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/investment-plan/fund-nav",
    ),
    "POST /v5/earn/pwm/investment-plan/subscribe": (
        "Subscribe to a wealth management investment plan.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/investment-plan/subscribe",
    ),
    "POST /v5/earn/pwm/investment-plan/invest-more": (
        "Add funds to a wealth management investment plan.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/investment-plan/invest-more",
    ),
    "POST /v5/earn/pwm/investment-plan/redeem": (
        "Redeem from a wealth management investment plan.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/investment-plan/redeem",
    ),
    "GET /v5/earn/pwm/investment-plan/order": (
        "Subscription, redemption and reinvest orders of wealth management plans.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/investment-plan/order",
    ),
    "GET /v5/earn/pwm/investment-plan/all": (
        "All wealth management investment plans of the account.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/investment-plan/all",
    ),
    "GET /v5/earn/pwm/customize-plan/product": (
        "Products that a customised wealth management plan can include.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/customize-plan/product",
    ),
    "POST /v5/earn/pwm/customize-plan/create": (
        "Create a customised wealth management investment plan.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/customize-plan/create",
    ),
    "GET /v5/earn/pwm/asset-manager/all-funds": (
        "Funds of the asset manager, newest first.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/asset-manager/all-funds",
    ),
    "POST /v5/earn/pwm/asset-manager/settle-profit": (
        "Settle the profit of an active fund.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/asset-manager/settle-profit",
    ),
    "POST /v5/earn/pwm/asset-manager/create-fund": (
        "Create a fund awaiting subscription (asset managers).",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/asset-manager/create-fund",
    ),
    "POST /v5/earn/pwm/asset-manager/create-investment-plan": (
        "Create an investment plan for a fund (asset managers).",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/asset-manager/create-investment-plan",
    ),
    "GET /v5/earn/pwm/asset-manager/get-investment-plan": (
        "Investment plans created by the asset manager.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/asset-manager/get-investment-plan",
    ),
    "POST /v5/earn/pwm/asset-manager/manage-investment-plan": (
        "Change or close an asset manager investment plan.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/asset-manager/manage-investment-plan",
    ),
    "GET /v5/earn/pwm/asset-manager/all-order": (
        "Orders of all funds of the asset manager.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/asset-manager/all-order",
    ),
    "POST /v5/earn/pwm/asset-manager/manage-order": (
        "Approve or reject a fund order (asset managers).",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/asset-manager/manage-order",
    ),
    "POST /v5/earn/pwm/asset-manager/create-sub-account": (
        "Create a fund sub-account (asynchronous).",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/asset-manager/create-sub-account",
    ),
    "POST /v5/earn/pwm/fund-transfer": (
        "Transfer between fund sub-accounts (custodian key).",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/fund-transfer",
    ),
    "GET /v5/earn/pwm/query-fund-transfer-result": (
        "Results of transfers between fund sub-accounts.",
        "https://bybit-exchange.github.io/docs/v5/finance/pwm/query-fund-transfer-result",
    ),
    # /v5/card
    "POST /v5/card/transaction/query-asset-records": (
        "Bybit Card transactions, filterable by status and card.",
        "https://bybit-exchange.github.io/docs/v5/bybit-card/asset-records",
    ),
    "POST /v5/card/reward/points/balance": (
        "Bybit Card reward points: available and pending.",
        "https://bybit-exchange.github.io/docs/v5/bybit-card/point/balance",
    ),
    "POST /v5/card/reward/points/records": (
        "Bybit Card reward point transactions.",
        "https://bybit-exchange.github.io/docs/v5/bybit-card/point/records",
    ),
    "POST /v5/card/reward/points/tier": (
        "Bybit Card reward tier and spending limits.",
        "https://bybit-exchange.github.io/docs/v5/bybit-card/point/tier",
    ),
    "POST /v5/card/reward/mall/item/list": (
        "Items in the Bybit Card reward mall.",
        "https://bybit-exchange.github.io/docs/v5/bybit-card/point/item-list",
    ),
    "POST /v5/card/reward/point/cashback/detail": (
        "Cashback detail of a Bybit Card reward order.",
        "https://bybit-exchange.github.io/docs/v5/bybit-card/point/cashback-detail",
    ),
    # /v5/rfq
    "POST /v5/rfq/create-rfq": (
        "Create a request for quote (RFQ) for one or more legs.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/create-rfq",
    ),
    "GET /v5/rfq/config": (
        "RFQ settings: counterparties, limits and allowed products.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/rfq-config",
    ),
    "POST /v5/rfq/cancel-rfq": (
        "Cancel one RFQ.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/cancel-rfq",
    ),
    "POST /v5/rfq/cancel-all-rfq": (
        "Cancel all your active RFQs.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/cancel-all-rfq",
    ),
    "POST /v5/rfq/create-quote": (
        "Send a quote in answer to an RFQ.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/create-quote",
    ),
    "POST /v5/rfq/execute-quote": (
        "Execute a quote on your RFQ (RFQ creator only).",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/execute-quote",
    ),
    "POST /v5/rfq/cancel-quote": (
        "Cancel one of your quotes.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/cancel-quote",
    ),
    "POST /v5/rfq/cancel-all-quotes": (
        "Cancel all your active quotes.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/cancel-all-quotes",
    ),
    "GET /v5/rfq/rfq-realtime": (
        "Your active RFQs, in real time.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/rfq-realtime",
    ),
    "GET /v5/rfq/rfq-list": (
        "Your past RFQs.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/rfq-list",
    ),
    "GET /v5/rfq/quote-realtime": (
        "Your active quotes, in real time.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/quote-realtime",
    ),
    "GET /v5/rfq/quote-list": (
        "Your past quotes.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/quote-list",
    ),
    "GET /v5/rfq/trade-list": (
        "Your executed RFQ trades.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/trade-list",
    ),
    "GET /v5/rfq/public-trades": (
        "Recently executed RFQ trades, public.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/public-trades",
    ),
    "POST /v5/rfq/accept-other-quote": (
        "Accept a quote from a non-liquidity-provider counterparty.",
        "https://bybit-exchange.github.io/docs/v5/rfq/trade/accept-other-quote",
    ),
    "GET /v5/rfq/rfq-detail-list": (
        "Details of RFQs with their legs and quotes.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    # /v5/p2p
    "POST /v5/p2p/item/online": (
        "P2P advertisements online for a token, currency and side.",
        "https://bybit-exchange.github.io/docs/p2p/ad/online-ad-list",
    ),
    "POST /v5/p2p/item/create": (
        "Post a P2P advertisement.",
        "https://bybit-exchange.github.io/docs/p2p/ad/post-new-ad",
    ),
    "POST /v5/p2p/item/cancel": (
        "Take a P2P advertisement offline.",
        "https://bybit-exchange.github.io/docs/p2p/ad/remove-ad",
    ),
    "POST /v5/p2p/item/update": (
        "Change or relist a P2P advertisement.",
        "https://bybit-exchange.github.io/docs/p2p/ad/update-list-ad",
    ),
    "POST /v5/p2p/item/personal/list": (
        "Your P2P advertisements.",
        "https://bybit-exchange.github.io/docs/p2p/ad/ad-list",
    ),
    "POST /v5/p2p/item/info": (
        "Details of one of your P2P advertisements.",
        "https://bybit-exchange.github.io/docs/p2p/ad/ad-detail",
    ),
    "POST /v5/p2p/order/simplifyList": (
        "Your P2P orders, paged.",
        "https://bybit-exchange.github.io/docs/p2p/order/order-list",
    ),
    "POST /v5/p2p/order/info": (
        "Details of one P2P order.",
        "https://bybit-exchange.github.io/docs/p2p/order/order-detail",
    ),
    "POST /v5/p2p/order/pending/simplifyList": (
        "Your P2P orders still in progress.",
        "https://bybit-exchange.github.io/docs/p2p/order/pending-order",
    ),
    "POST /v5/p2p/order/pay": (
        "Mark a P2P order as paid (buyer).",
        "https://bybit-exchange.github.io/docs/p2p/order/mark-order-as-paid",
    ),
    "POST /v5/p2p/order/finish": (
        "Release the crypto of a paid P2P order (seller).",
        "https://bybit-exchange.github.io/docs/p2p/order/release-digital-asset",
    ),
    "POST /v5/p2p/order/message/send": (
        "Send a chat message on a P2P order.",
        "https://bybit-exchange.github.io/docs/p2p/order/send-chat-msg",
    ),
    "POST /v5/p2p/oss/upload_file": (
        "Upload a file for a P2P order chat.",
        "https://bybit-exchange.github.io/docs/p2p/chat/upload-chat-file",
    ),
    "POST /v5/p2p/order/message/listpage": (
        "Chat messages of a P2P order.",
        "https://bybit-exchange.github.io/docs/p2p/order/chat-msg",
    ),
    "POST /v5/p2p/user/personal/info": (
        "Your P2P account information.",
        "https://bybit-exchange.github.io/docs/p2p/user/acct-info",
    ),
    "POST /v5/p2p/user/order/personal/info": (
        "P2P profile of the counterparty of an order.",
        "https://bybit-exchange.github.io/docs/p2p/user/counterparty-user-info",
    ),
    "POST /v5/p2p/user/payment/list": (
        "Your P2P payment methods.",
        "https://bybit-exchange.github.io/docs/p2p/user/user-payment",
    ),
    # /v5/apilimit
    "POST /v5/apilimit/set": (
        "Set API rate limits of UIDs (master for its sub-accounts).",
        "https://bybit-exchange.github.io/docs/v5/rate-limit/rules-for-pros/apilimit-set",
    ),
    "GET /v5/apilimit/query": (
        "API rate limits of the account and its sub-accounts.",
        "https://bybit-exchange.github.io/docs/v5/rate-limit/rules-for-pros/apilimit-query",
    ),
    "GET /v5/apilimit/query-cap": (
        "Total rate limit usage and cap of the institution.",
        "https://bybit-exchange.github.io/docs/v5/rate-limit/rules-for-pros/apilimit-query-cap",
    ),
    "GET /v5/apilimit/query-all": (
        "UID-level rate limits of all master and sub-accounts.",
        "https://bybit-exchange.github.io/docs/v5/rate-limit/rules-for-pros/apilimit-query-all",
    ),
    # /v5/spot-x
    "GET /v5/spot-x/launchpool/project/list": (
        "Launchpool projects and their staking pools.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "POST /v5/spot-x/launchpool/user/activity-log": (
        "Your Launchpool staking and redemption log.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/spot-x/launchpool/user/current-staking": (
        "Your current Launchpool stakes.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "POST /v5/spot-x/launchpool/user/history": (
        "Your past Launchpool participation.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/spot-x/puzzle/project/list": (
        "Puzzle hunt projects.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/spot-x/token-splash/project/list": (
        "Token Splash projects.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/spot-x/token-splash/user/activity-params": (
        "Your Token Splash activity parameters.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    # /v5/event
    "GET /v5/event/instruments-info": (
        "Instruments of event contracts.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/event/orderbook": (
        "Order book of an event contract.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/event/order-list": (
        "Your event contract order history.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/event/order-realtime": (
        "Your open event contract orders.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/event/positions": (
        "Your event contract positions.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/event/trades": (
        "Your event contract trades.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "GET /v5/event/settlements": (
        "Settlement records of your event contracts.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "POST /v5/event/quotes": (
        "Place quotes on event contracts.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    "POST /v5/event/cancel": (
        "Cancel quotes on event contracts.",
        "https://bybit-exchange.github.io/docs/v5/intro",
    ),
    # /v5/fcombobot
    "POST /v5/fcombobot/getlimit": (
        "Allowed parameter ranges for a futures combo bot, checked before creating one.",
        "https://bybit-exchange.github.io/docs/v5/bot/futures-combo/get-limit",
    ),
    "POST /v5/fcombobot/create": (
        "Create a futures combo bot trading several symbols.",
        "https://bybit-exchange.github.io/docs/v5/bot/futures-combo/create",
    ),
    "POST /v5/fcombobot/detail": (
        "Configuration, state and PnL of a futures combo bot.",
        "https://bybit-exchange.github.io/docs/v5/bot/futures-combo/get-detail",
    ),
    "POST /v5/fcombobot/close": (
        "Close a futures combo bot, cancelling its orders and closing positions.",
        "https://bybit-exchange.github.io/docs/v5/bot/futures-combo/close",
    ),
    # /v5/fgridbot
    "POST /v5/fgridbot/validate": (
        "Allowed parameter ranges for a futures grid bot, checked before creating one.",
        "https://bybit-exchange.github.io/docs/v5/bot/futures-grid/validate-input",
    ),
    "POST /v5/fgridbot/create": (
        "Create a futures grid bot within a price range.",
        "https://bybit-exchange.github.io/docs/v5/bot/futures-grid/create",
    ),
    "POST /v5/fgridbot/detail": (
        "Configuration, state and PnL of a futures grid bot.",
        "https://bybit-exchange.github.io/docs/v5/bot/futures-grid/get-detail",
    ),
    "POST /v5/fgridbot/close": (
        "Close a futures grid bot, cancelling its orders and closing positions.",
        "https://bybit-exchange.github.io/docs/v5/bot/futures-grid/close",
    ),
    # /v5/fmartingalebot
    "POST /v5/fmartingalebot/getlimit": (
        "Allowed parameter ranges for a futures Martingale bot.",
        "https://bybit-exchange.github.io/docs/v5/bot/futures-martingale/get-limit",
    ),
    "POST /v5/fmartingalebot/create": (
        "Create a futures Martingale bot.",
        "https://bybit-exchange.github.io/docs/v5/bot/futures-martingale/create",
    ),
    "POST /v5/fmartingalebot/detail": (
        "Configuration, state and PnL of a futures Martingale bot.",
        "https://bybit-exchange.github.io/docs/v5/bot/futures-martingale/get-detail",
    ),
    "POST /v5/fmartingalebot/close": (
        "Close a futures Martingale bot.",
        "https://bybit-exchange.github.io/docs/v5/bot/futures-martingale/close",
    ),
    # /v5/grid
    "POST /v5/grid/validate-input": (
        "Allowed parameter ranges for a spot grid bot, checked before creating one.",
        "https://bybit-exchange.github.io/docs/v5/bot/spot-grid/validate-input",
    ),
    "POST /v5/grid/create-grid": (
        "Create a spot grid bot (pair, price range, grid count, investment).",
        "https://bybit-exchange.github.io/docs/v5/bot/spot-grid/create",
    ),
    "POST /v5/grid/query-grid-detail": (
        "Configuration, state and PnL of a spot grid bot.",
        "https://bybit-exchange.github.io/docs/v5/bot/spot-grid/get-detail",
    ),
    "POST /v5/grid/close-grid": (
        "Close a spot grid bot with a chosen settlement mode.",
        "https://bybit-exchange.github.io/docs/v5/bot/spot-grid/close",
    ),
    # /v5/dca
    "POST /v5/dca/create-bot": (
        "Create a dollar-cost averaging (DCA) bot.",
        "https://bybit-exchange.github.io/docs/v5/bot/dca/create",
    ),
    "POST /v5/dca/close-bot": (
        "Close a DCA bot with a chosen settlement mode.",
        "https://bybit-exchange.github.io/docs/v5/bot/dca/close",
    ),
    # /spot/v3
    "GET /spot/v3/public/quote/depth/merged": (
        "Spot V3 order book merged to a price precision (``symbol``, ``scale``, ``limit``).",
        "https://bybit-exchange.github.io/docs/v3/intro",
    ),
    # /v2/public
    "GET /v2/public/time": (
        "Bybit's server time from the legacy V2 public endpoint.",
        "https://bybit-exchange.github.io/docs/v3/intro",
    ),
}
