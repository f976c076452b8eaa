"""Bitget REST endpoints (V2 and V3/UTA): a one-line summary and the page of Bitget's API
documentation for each.

Read by the client classes when they are created (``RestClient.__init_subclass__``): the summary
opens each endpoint method's docstring and the URL follows the verb and path. The URLs point to
https://www.bitget.com/api-doc/; an endpoint whose own page was not found points to the
introduction of its API section (``.../intro``).
"""

from typing import Dict, Tuple

#: ``"VERB /path"`` -> (one-line summary, the exchange's documentation page).
ENDPOINT_DOCS: Dict[str, Tuple[str, str]] = {
    # /api/v2/public
    "GET /api/v2/public/annoucements": (
        "Bitget announcements, filterable by type and time, in a language.",
        "https://www.bitget.com/api-doc/common/notice/Get-All-Notices",
    ),
    "GET /api/v2/public/time": (
        "Bitget's server time in milliseconds.",
        "https://www.bitget.com/api-doc/common/public/Get-Server-Time",
    ),
    # /api/v2/common
    "GET /api/v2/common/trade-rate": (
        "Your maker and taker fee rates for a symbol and business type.",
        "https://www.bitget.com/api-doc/common/public/Get-Trade-Rate",
    ),
    "GET /api/v2/common/all-trade-rate": (
        "Your maker and taker fee rates for all symbols of a business type.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    # /api/v2/tax
    "GET /api/v2/tax/spot-record": (
        "Spot account records for tax reporting, by coin and time range.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "GET /api/v2/tax/future-record": (
        "Futures account records for tax reporting, by product type and time range.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "GET /api/v2/tax/margin-record": (
        "Margin account records for tax reporting, by margin type and time range.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "GET /api/v2/tax/p2p-record": (
        "P2P account records for tax reporting, by coin and time range.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    # /api/v2/p2p
    "GET /api/v2/p2p/merchantList": (
        "P2P merchants, filterable by online status and merchant id.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "GET /api/v2/p2p/merchantInfo": (
        "Your own P2P merchant profile.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "GET /api/v2/p2p/orderList": (
        "Your P2P merchant orders, by time range and status.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "GET /api/v2/p2p/advList": (
        "Your P2P advertisements, by time range and status.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    # /api/v2/spot
    "GET /api/v2/spot/market/whale-net-flow": (
        "Net inflow of large (whale) spot orders of a symbol.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    # /api/v2/mix
    "GET /api/v2/mix/market/taker-buy-sell": (
        "Taker buy and sell volume of a futures symbol per period.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/market/position-long-short": (
        "Ratio of long to short positions of top accounts on a futures symbol.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/market/long-short-ratio": (
        "Long/short ratio of a futures symbol per period.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/market/loan-growth": (
        "Growth rate of margin loans of a coin per period.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/market/isolated-borrow-rate": (
        "Isolated margin borrowing ratio of a symbol per period.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/market/long-short": (
        "Active buy and sell volume of a futures symbol per period.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    # /api/v2/spot
    "GET /api/v2/spot/market/fund-flow": (
        "Spot fund inflow and outflow of a symbol, split by order size.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    "GET /api/v2/spot/market/support-symbols": (
        "Symbols for which trading insight data is available.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    "GET /api/v2/spot/market/fund-net-flow": (
        "Net spot fund flow of a symbol per period.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    # /api/v2/mix
    "GET /api/v2/mix/market/account-long-short": (
        "Share of accounts long vs short on a futures symbol.",
        "https://www.bitget.com/api-doc/common/apidata/Account-Long-Short",
    ),
    # /api/v2/user
    "POST /api/v2/user/create-virtual-subaccount": (
        "Create virtual sub-accounts by name.",
        "https://www.bitget.com/api-doc/common/vsubaccount/Create-Virtual-Subaccount",
    ),
    "POST /api/v2/user/modify-virtual-subaccount": (
        "Change permissions or freeze state of a virtual sub-account.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "POST /api/v2/user/batch-create-subaccount-and-apikey": (
        "Create virtual sub-accounts with an API key each, in one request.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "GET /api/v2/user/virtual-subaccount-list": (
        "Your virtual sub-accounts, paged.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "POST /api/v2/user/create-virtual-subaccount-apikey": (
        "Create an API key for a virtual sub-account.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "POST /api/v2/user/modify-virtual-subaccount-apikey": (
        "Change label, IP list or permissions of a virtual sub-account API key.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "GET /api/v2/user/virtual-subaccount-apikey-list": (
        "API keys of one virtual sub-account.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "POST /api/v2/user/create-agent-subaccount": (
        "Create a sub-account dedicated to an AI agent.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    # /api/v2/account
    "GET /api/v2/account/funding-assets": (
        "Balances of the funding account, by coin.",
        "https://www.bitget.com/api-doc/common/account/Funding-Assets",
    ),
    "GET /api/v2/account/bot-assets": (
        "Balances of the trading bot account.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "GET /api/v2/account/all-account-balance": (
        "USDT valuation of each account type (spot, futures, funding, ...).",
        "https://www.bitget.com/api-doc/common/account/All-Account-Balance",
    ),
    # /api/v2/convert
    "GET /api/v2/convert/currencies": (
        "Coins available for conversion, with balances and limits.",
        "https://www.bitget.com/api-doc/common/convert/Get-Convert-Currencies",
    ),
    "GET /api/v2/convert/quoted-price": (
        "Quote for converting an amount of one coin into another.",
        "https://www.bitget.com/api-doc/common/convert/Get-Quoted-Price",
    ),
    "POST /api/v2/convert/trade": (
        "Execute a conversion using a quote's ``traceId``.",
        "https://www.bitget.com/api-doc/common/convert/Trade",
    ),
    "GET /api/v2/convert/convert-record": (
        "Your conversion history, by time range.",
        "https://www.bitget.com/api-doc/common/convert/Get-Convert-Record",
    ),
    "GET /api/v2/convert/bgb-convert-coin-list": (
        "Small balances that can be swept into BGB.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "POST /api/v2/convert/bgb-convert": (
        "Convert small balances of the given coins into BGB.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    "GET /api/v2/convert/bgb-convert-records": (
        "History of small-balance conversions into BGB.",
        "https://www.bitget.com/api-doc/common/intro",
    ),
    # /api/v2/spot
    "GET /api/v2/spot/public/coins": (
        "Coins and their chains: deposit and withdrawal status, fees, confirmations.",
        "https://www.bitget.com/api-doc/spot/market/Get-Coin-List",
    ),
    "GET /api/v2/spot/public/symbols": (
        "Spot symbols and their trading rules: precision, minimums, status.",
        "https://www.bitget.com/api-doc/spot/market/Get-Symbols",
    ),
    "GET /api/v2/spot/market/vip-fee-rate": (
        "Spot fee rates and withdrawal limits per VIP level.",
        "https://www.bitget.com/api-doc/spot/market/Get-VIP-Fee-Rate",
    ),
    "GET /api/v2/spot/market/tickers": (
        "24h ticker of one or all spot symbols: last price, best bid/ask, volume.",
        "https://www.bitget.com/api-doc/spot/market/Get-Tickers",
    ),
    "GET /api/v2/spot/market/merge-depth": (
        "Spot order book merged to a price precision (``symbol``, ``precision``, ``limit``).",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    "GET /api/v2/spot/market/orderbook": (
        "Spot order book depth of a symbol (``symbol``, ``type``, ``limit``).",
        "https://www.bitget.com/api-doc/spot/market/Get-Orderbook",
    ),
    "GET /api/v2/spot/market/candles": (
        "Spot candles of a symbol (``symbol``, ``granularity``, optional time range).",
        "https://www.bitget.com/api-doc/spot/market/Get-Candle-Data",
    ),
    "GET /api/v2/spot/market/history-candles": (
        "Older spot candles of a symbol, before ``endTime``.",
        "https://www.bitget.com/api-doc/spot/market/Get-History-Candle-Data",
    ),
    "GET /api/v2/spot/market/fills": (
        "Most recent public trades of a spot symbol.",
        "https://www.bitget.com/api-doc/spot/market/Get-Recent-Trades",
    ),
    "GET /api/v2/spot/market/fills-history": (
        "Public spot trades of a symbol in a time range, paged by id.",
        "https://www.bitget.com/api-doc/spot/market/Get-Market-Trades",
    ),
    "GET /api/v2/spot/market/auction": (
        "Call auction information of a newly listing spot symbol.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    "POST /api/v2/spot/trade/place-order": (
        "Place a spot order (``symbol``, ``side``, ``orderType``, ``force``, ``size``; ``price`` for limits).",
        "https://www.bitget.com/api-doc/spot/trade/Place-Order",
    ),
    "POST /api/v2/spot/trade/cancel-replace-order": (
        "Cancel a spot order and place its replacement in one request.",
        "https://www.bitget.com/api-doc/spot/trade/Cancel-Replace-Order",
    ),
    "POST /api/v2/spot/trade/batch-cancel-replace-order": (
        "Cancel and replace several spot orders in one request; check each result.",
        "https://www.bitget.com/api-doc/spot/trade/Batch-Cancel-Replace-Order",
    ),
    "POST /api/v2/spot/trade/cancel-order": (
        "Cancel a spot order by ``orderId`` or ``clientOid``.",
        "https://www.bitget.com/api-doc/spot/trade/Place-Order",
    ),
    "POST /api/v2/spot/trade/batch-orders": (
        "Place up to 50 spot orders in one request.",
        "https://www.bitget.com/api-doc/spot/trade/Batch-Place-Orders",
    ),
    "POST /api/v2/spot/trade/batch-cancel-order": (
        "Cancel several spot orders in one request.",
        "https://www.bitget.com/api-doc/spot/trade/Batch-Cancel-Orders",
    ),
    "POST /api/v2/spot/trade/cancel-symbol-order": (
        "Cancel all open orders of a spot symbol.",
        "https://www.bitget.com/api-doc/spot/trade/Cancel-Symbol-Orders",
    ),
    "GET /api/v2/spot/trade/orderInfo": (
        "Details of one spot order, by ``orderId`` or ``clientOid``.",
        "https://www.bitget.com/api-doc/spot/trade/Get-Order-Info",
    ),
    "GET /api/v2/spot/trade/unfilled-orders": (
        "Your unfilled spot orders.",
        "https://www.bitget.com/api-doc/spot/trade/Get-Unfilled-Orders",
    ),
    "GET /api/v2/spot/trade/history-orders": (
        "Your filled and cancelled spot orders, by time range.",
        "https://www.bitget.com/api-doc/spot/trade/Get-History-Orders",
    ),
    "GET /api/v2/spot/trade/fills": (
        "Your spot trade fills, by symbol and time range.",
        "https://www.bitget.com/api-doc/spot/trade/Get-Fills",
    ),
    "POST /api/v2/spot/trade/place-plan-order": (
        "Place a spot trigger (plan) order.",
        "https://www.bitget.com/api-doc/spot/plan/Place-Plan-Order",
    ),
    "POST /api/v2/spot/trade/modify-plan-order": (
        "Change the trigger price, price or size of a spot trigger order.",
        "https://www.bitget.com/api-doc/spot/plan/Modify-Plan-Order",
    ),
    "POST /api/v2/spot/trade/cancel-plan-order": (
        "Cancel a spot trigger order.",
        "https://www.bitget.com/api-doc/spot/plan/Cancel-Plan-Order",
    ),
    "GET /api/v2/spot/trade/current-plan-order": (
        "Your active spot trigger orders.",
        "https://www.bitget.com/api-doc/spot/plan/Get-Current-Plan-Order",
    ),
    "GET /api/v2/spot/trade/plan-sub-order": (
        "Orders created by a triggered spot plan order.",
        "https://www.bitget.com/api-doc/spot/plan/Get-Plan-Sub-Order",
    ),
    "GET /api/v2/spot/trade/history-plan-order": (
        "Your finished spot trigger orders, by time range.",
        "https://www.bitget.com/api-doc/spot/plan/Get-History-Plan-Order",
    ),
    "POST /api/v2/spot/trade/batch-cancel-plan-order": (
        "Cancel all spot trigger orders, optionally of some symbols.",
        "https://www.bitget.com/api-doc/spot/plan/Batch-Cancel-Plan-Order",
    ),
    "GET /api/v2/spot/account/info": (
        "Account information: UID, permissions, VIP level, trader type.",
        "https://www.bitget.com/api-doc/spot/account/Get-Account-Info",
    ),
    "GET /api/v2/spot/account/assets": (
        "Spot balances by coin: available, frozen, locked.",
        "https://www.bitget.com/api-doc/spot/account/Get-Account-Assets",
    ),
    "GET /api/v2/spot/account/subaccount-assets": (
        "Spot balances of your sub-accounts.",
        "https://www.bitget.com/api-doc/spot/account/Get-Subaccount-Assets",
    ),
    "POST /api/v2/spot/wallet/modify-deposit-account": (
        "Choose the account that receives deposits of a coin.",
        "https://www.bitget.com/api-doc/spot/account/Modify-Deposit-Account",
    ),
    "GET /api/v2/spot/account/bills": (
        "Spot account ledger, filterable by coin, group and business type.",
        "https://www.bitget.com/api-doc/spot/account/Get-Account-Bills",
    ),
    "POST /api/v2/spot/wallet/transfer": (
        "Transfer a coin between your own account types (``fromType``, ``toType``, ``amount``, ``coin``).",
        "https://www.bitget.com/api-doc/spot/account/Wallet-Transfer",
    ),
    "GET /api/v2/spot/wallet/transfer-coin-info": (
        "Coins that can be transferred between two account types.",
        "https://www.bitget.com/api-doc/spot/account/Get-Transfer-Coins",
    ),
    "POST /api/v2/spot/wallet/subaccount-transfer": (
        "Transfer between the main account and sub-accounts, or between sub-accounts.",
        "https://www.bitget.com/api-doc/spot/account/Sub-Transfer",
    ),
    "POST /api/v2/spot/wallet/withdrawal": (
        "Withdraw a coin on chain or internally (``coin``, ``transferType``, ``address``, ``size``).",
        "https://www.bitget.com/api-doc/spot/account/Wallet-Withdrawal",
    ),
    "GET /api/v2/spot/account/sub-main-trans-record": (
        "Transfer records between the main account and sub-accounts.",
        "https://www.bitget.com/api-doc/spot/account/Get-SubAccount-TransferRecords",
    ),
    "GET /api/v2/spot/account/transferRecords": (
        "Transfer records between account types, by coin and source.",
        "https://www.bitget.com/api-doc/spot/account/Get-Account-TransferRecords",
    ),
    "POST /api/v2/spot/account/switch-deduct": (
        "Turn paying fees with BGB on or off.",
        "https://www.bitget.com/api-doc/spot/account/Switch-Deduct",
    ),
    "GET /api/v2/spot/wallet/deposit-address": (
        "Deposit address of a coin and chain.",
        "https://www.bitget.com/api-doc/spot/account/Get-Deposit-Address",
    ),
    "GET /api/v2/spot/wallet/subaccount-deposit-address": (
        "Deposit address of a coin and chain for a sub-account.",
        "https://www.bitget.com/api-doc/spot/account/Get-SubAccount-Deposit-Address",
    ),
    "GET /api/v2/spot/account/deduct-info": (
        "Whether fees are paid with BGB.",
        "https://www.bitget.com/api-doc/spot/account/Get-Deduct-Info",
    ),
    "POST /api/v2/spot/wallet/cancel-withdrawal": (
        "Cancel a pending withdrawal by ``orderId``.",
        "https://www.bitget.com/api-doc/spot/account/Cancel-Withdrawal",
    ),
    "GET /api/v2/spot/wallet/subaccount-deposit-records": (
        "Deposit records of a sub-account.",
        "https://www.bitget.com/api-doc/spot/account/Get-SubAccount-Deposit-Record",
    ),
    "GET /api/v2/spot/wallet/withdrawal-records": (
        "Your withdrawal records, by time range.",
        "https://www.bitget.com/api-doc/spot/account/Get-Withdraw-Record",
    ),
    "GET /api/v2/spot/wallet/deposit-records": (
        "Your deposit records, by time range.",
        "https://www.bitget.com/api-doc/spot/account/Get-Deposit-Record",
    ),
    "POST /api/v2/spot/account/upgrade": (
        "Upgrade the account to the unified trading account (UTA).",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    "GET /api/v2/spot/account/upgrade-status": (
        "Status of the upgrade to the unified trading account.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    # /api/v2/mix
    "GET /api/v2/mix/market/vip-fee-rate": (
        "Futures fee rates per VIP level.",
        "https://www.bitget.com/api-doc/contract/market/Get-VIP-Fee-Rate",
    ),
    "GET /api/v2/mix/market/union-interest-rate-history": (
        "Interest rate history of a coin in union (multi-asset) margin.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/market/exchange-rate": (
        "Exchange rates of coins used in union margin.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/market/discount-rate": (
        "Collateral discount rates of coins in union margin.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/market/merge-depth": (
        "Futures order book merged to a price precision.",
        "https://www.bitget.com/api-doc/contract/market/Get-Merge-Depth",
    ),
    "GET /api/v2/mix/market/ticker": (
        "24h ticker of one futures symbol (``symbol``, ``productType``).",
        "https://www.bitget.com/api-doc/contract/market/Get-Ticker",
    ),
    "GET /api/v2/mix/market/tickers": (
        "24h tickers of every symbol of a futures product type.",
        "https://www.bitget.com/api-doc/contract/market/Get-All-Symbol-Ticker",
    ),
    "GET /api/v2/mix/market/fills": (
        "Most recent public trades of a futures symbol.",
        "https://www.bitget.com/api-doc/contract/market/Get-Recent-Fills",
    ),
    "GET /api/v2/mix/market/fills-history": (
        "Public futures trades of a symbol in a time range, paged by id.",
        "https://www.bitget.com/api-doc/contract/market/Get-Fills-History",
    ),
    "GET /api/v2/mix/market/candles": (
        "Futures candles of a symbol (``symbol``, ``productType``, ``granularity``).",
        "https://www.bitget.com/api-doc/contract/market/Get-Candle-Data",
    ),
    "GET /api/v2/mix/market/history-candles": (
        "Older futures candles of a symbol.",
        "https://www.bitget.com/api-doc/contract/market/Get-History-Candle-Data",
    ),
    "GET /api/v2/mix/market/history-index-candles": (
        "Older index price candles of a futures symbol.",
        "https://www.bitget.com/api-doc/contract/market/Get-History-Index-Candle-Data",
    ),
    "GET /api/v2/mix/market/history-mark-candles": (
        "Older mark price candles of a futures symbol.",
        "https://www.bitget.com/api-doc/contract/market/Get-History-Mark-Candle-Data",
    ),
    "GET /api/v2/mix/market/open-interest": (
        "Open interest of a futures symbol.",
        "https://www.bitget.com/api-doc/contract/market/Get-Open-Interest",
    ),
    "GET /api/v2/mix/market/funding-time": (
        "Next funding time and funding interval of a perpetual symbol.",
        "https://www.bitget.com/api-doc/contract/market/Get-Symbol-Next-Funding-Time",
    ),
    "GET /api/v2/mix/market/symbol-price": (
        "Last, index and mark price of a futures symbol.",
        "https://www.bitget.com/api-doc/contract/market/Get-Symbol-Price",
    ),
    "GET /api/v2/mix/market/history-fund-rate": (
        "Past funding rates of a perpetual symbol, paged.",
        "https://www.bitget.com/api-doc/contract/market/Get-History-Funding-Rate",
    ),
    "GET /api/v2/mix/market/current-fund-rate": (
        "Current funding rate of a perpetual symbol.",
        "https://www.bitget.com/api-doc/contract/market/Get-Current-Funding-Rate",
    ),
    "GET /api/v2/mix/market/contracts": (
        "Contract specifications of a futures product type.",
        "https://www.bitget.com/api-doc/contract/market/Get-All-Symbols-Contracts",
    ),
    "GET /api/v2/mix/market/oi-limit": (
        "Position value limits of futures symbols.",
        "https://www.bitget.com/api-doc/contract/market/Get-Contracts-Oi",
    ),
    "GET /api/v2/mix/account/account": (
        "Futures account of one margin coin and symbol: equity, available, leverage.",
        "https://www.bitget.com/api-doc/contract/account/Get-Single-Account",
    ),
    "GET /api/v2/mix/account/accounts": (
        "All futures accounts of a product type.",
        "https://www.bitget.com/api-doc/contract/account/Get-Account-List",
    ),
    "GET /api/v2/mix/account/sub-account-assets": (
        "Futures accounts of your sub-accounts.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/account/interest-history": (
        "Interest charged in union margin, by coin and time.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/account/open-count": (
        "Largest size you can open on a futures symbol at a price and leverage.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "POST /api/v2/mix/account/set-auto-margin": (
        "Turn automatic margin top-up on or off for an isolated position.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "POST /api/v2/mix/account/set-leverage": (
        "Set the leverage of a futures symbol (per side in isolated hedge mode).",
        "https://www.bitget.com/api-doc/contract/account/Change-Leverage",
    ),
    "POST /api/v2/mix/account/set-margin": (
        "Add or remove margin of an isolated futures position.",
        "https://www.bitget.com/api-doc/contract/account/Change-Margin",
    ),
    "POST /api/v2/mix/account/set-asset-mode": (
        "Choose single-asset or union (multi-asset) margin.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "POST /api/v2/mix/account/set-margin-mode": (
        "Switch a futures symbol between crossed and isolated margin.",
        "https://www.bitget.com/api-doc/contract/account/Change-Margin-Mode",
    ),
    "POST /api/v2/mix/account/set-position-mode": (
        "Switch between one-way and hedge mode for a product type.",
        "https://www.bitget.com/api-doc/contract/account/Change-Hold-Mode",
    ),
    "GET /api/v2/mix/account/bill": (
        "Futures account ledger, by product type, coin and business type.",
        "https://www.bitget.com/api-doc/contract/account/Get-Account-Bill",
    ),
    "GET /api/v2/mix/account/transfer-limits": (
        "Transfer limits of coins in union margin.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/account/union-config": (
        "Union margin configuration of coins.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/account/switch-union-usdt": (
        "USDT quota available when switching out of union margin.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "POST /api/v2/mix/account/union-convert": (
        "Convert assets within union margin.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/account/max-open": (
        "Largest quantity openable on a futures symbol.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/account/liq-price": (
        "Estimated liquidation price of a futures order.",
        "https://www.bitget.com/api-doc/contract/account/Get-Liquidation-Price",
    ),
    "GET /api/v2/mix/account/isolated-symbols": (
        "Futures symbols currently in isolated margin mode.",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "GET /api/v2/mix/market/query-position-lever": (
        "Position tiers of a futures symbol: value ranges, max leverage, maintenance rate.",
        "https://www.bitget.com/api-doc/contract/position/Get-Query-Position-Lever",
    ),
    "GET /api/v2/mix/position/single-position": (
        "Your position on one futures symbol (``symbol``, ``productType``, ``marginCoin``).",
        "https://www.bitget.com/api-doc/contract/position/get-single-position",
    ),
    "GET /api/v2/mix/position/all-position": (
        "All your open positions of a futures product type.",
        "https://www.bitget.com/api-doc/contract/position/get-all-position",
    ),
    "GET /api/v2/mix/position/history-position": (
        "Your closed futures positions, by symbol and time range.",
        "https://www.bitget.com/api-doc/contract/position/Get-History-Position",
    ),
    "GET /api/v2/mix/position/adlRank": (
        "Auto-deleveraging rank of your futures positions.",
        "https://www.bitget.com/api-doc/contract/position/Get-ADL-Rank",
    ),
    "POST /api/v2/mix/order/place-order": (
        "Place a futures order (``symbol``, ``productType``, ``marginMode``, ``marginCoin``, ``size``, ``side``, ``orderType``).",
        "https://www.bitget.com/api-doc/contract/trade/Place-Order",
    ),
    "POST /api/v2/mix/order/click-backhand": (
        "Close a futures position and open the opposite one at market (reverse).",
        "https://www.bitget.com/api-doc/contract/intro",
    ),
    "POST /api/v2/mix/order/batch-place-order": (
        "Place up to 50 futures orders on one symbol in one request.",
        "https://www.bitget.com/api-doc/contract/trade/Batch-Order",
    ),
    "POST /api/v2/mix/order/modify-order": (
        "Change price, size or TP/SL of an open futures order.",
        "https://www.bitget.com/api-doc/contract/trade/Modify-Order",
    ),
    "POST /api/v2/mix/order/cancel-order": (
        "Cancel a futures order by ``orderId`` or ``clientOid``.",
        "https://www.bitget.com/api-doc/contract/trade/Cancel-Order",
    ),
    "POST /api/v2/mix/order/batch-cancel-orders": (
        "Cancel several futures orders in one request; check each result.",
        "https://www.bitget.com/api-doc/contract/trade/Batch-Cancel-Orders",
    ),
    "POST /api/v2/mix/order/close-positions": (
        "Close futures positions at market price.",
        "https://www.bitget.com/api-doc/contract/trade/Flash-Close-Position",
    ),
    "GET /api/v2/mix/order/detail": (
        "Details of one futures order.",
        "https://www.bitget.com/api-doc/contract/trade/Get-Order-Details",
    ),
    "GET /api/v2/mix/order/fills": (
        "Your recent futures fills.",
        "https://www.bitget.com/api-doc/contract/trade/Get-Order-Fills",
    ),
    "GET /api/v2/mix/order/fill-history": (
        "Your older futures fills, by time range.",
        "https://www.bitget.com/api-doc/contract/trade/Get-Fill-History",
    ),
    "GET /api/v2/mix/order/orders-pending": (
        "Your open futures orders.",
        "https://www.bitget.com/api-doc/contract/trade/Get-Orders-Pending",
    ),
    "GET /api/v2/mix/order/orders-history": (
        "Your closed futures orders, by time range.",
        "https://www.bitget.com/api-doc/contract/trade/Get-Orders-History",
    ),
    "POST /api/v2/mix/order/cancel-all-orders": (
        "Cancel all open futures orders of a product type or margin coin.",
        "https://www.bitget.com/api-doc/contract/trade/Cancel-All-Orders",
    ),
    "GET /api/v2/mix/order/plan-sub-order": (
        "Orders created by a triggered futures plan order.",
        "https://www.bitget.com/api-doc/contract/plan/Plan-Sub-Orders",
    ),
    "POST /api/v2/mix/order/place-tpsl-order": (
        "Place a take-profit or stop-loss order on a futures position.",
        "https://www.bitget.com/api-doc/contract/plan/Place-Tpsl-Order",
    ),
    "POST /api/v2/mix/order/place-pos-tpsl": (
        "Set take-profit and stop-loss for a whole futures position.",
        "https://www.bitget.com/api-doc/contract/plan/Place-Pos-Tpsl-Order",
    ),
    "POST /api/v2/mix/order/place-plan-order": (
        "Place a futures trigger (plan) order.",
        "https://www.bitget.com/api-doc/contract/plan/Place-Plan-Order",
    ),
    "POST /api/v2/mix/order/modify-tpsl-order": (
        "Change a futures take-profit or stop-loss order.",
        "https://www.bitget.com/api-doc/contract/plan/Modify-Tpsl-Order",
    ),
    "POST /api/v2/mix/order/modify-plan-order": (
        "Change a futures trigger order.",
        "https://www.bitget.com/api-doc/contract/plan/Modify-Plan-Order",
    ),
    "GET /api/v2/mix/order/orders-plan-pending": (
        "Your active futures trigger and TP/SL orders (``planType``).",
        "https://www.bitget.com/api-doc/contract/plan/get-orders-plan-pending",
    ),
    "POST /api/v2/mix/order/cancel-plan-order": (
        "Cancel futures trigger orders by id, symbol or type.",
        "https://www.bitget.com/api-doc/contract/plan/Cancel-Plan-Order",
    ),
    "GET /api/v2/mix/order/orders-plan-history": (
        "Your finished futures trigger orders, by time range.",
        "https://www.bitget.com/api-doc/contract/plan/orders-plan-history",
    ),
    # /api/v2/broker
    "POST /api/v2/broker/account/modify-subaccount-email": (
        "Change the email of a broker sub-account.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/account/info": (
        "Broker account information and commission rates.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "POST /api/v2/broker/account/create-subaccount": (
        "Create a broker sub-account.",
        "https://www.bitget.com/api-doc/broker/subaccount/Create-Subaccount",
    ),
    "GET /api/v2/broker/account/subaccount-list": (
        "Broker sub-accounts, paged.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "POST /api/v2/broker/account/modify-subaccount": (
        "Change permissions or status of a broker sub-account.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/account/subaccount-email": (
        "Email of a broker sub-account.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/account/subaccount-spot-assets": (
        "Spot balances of a broker sub-account.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/account/subaccount-future-assets": (
        "Futures balances of a broker sub-account.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "POST /api/v2/broker/account/subaccount-address": (
        "Create a deposit address for a broker sub-account.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "POST /api/v2/broker/account/subaccount-withdrawal": (
        "Withdraw from a broker sub-account.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "POST /api/v2/broker/account/set-subaccount-autotransfer": (
        "Turn automatic transfer of deposits on or off for a broker sub-account.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/subaccount-deposit": (
        "Deposit records of broker sub-accounts (ND brokers).",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/subaccount-withdrawal": (
        "Withdrawal records of broker sub-accounts (ND brokers).",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "POST /api/v2/broker/manage/create-subaccount-apikey": (
        "Create an API key for a broker sub-account.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/manage/subaccount-apikey-list": (
        "API keys of a broker sub-account.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "POST /api/v2/broker/manage/modify-subaccount-apikey": (
        "Change a broker sub-account API key.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "POST /api/v2/broker/manage/delete-subaccount-apikey": (
        "Delete a broker sub-account API key.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/all-sub-deposit-withdrawal": (
        "Deposit and withdrawal records of all broker sub-accounts (ND brokers).",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/subaccounts": (
        "Users bound to the broker.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/commissions": (
        "Commissions earned from broker sub-accounts.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/trade-volume": (
        "Trading volume of broker sub-accounts.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/total-commission": (
        "Total broker commission per period.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/order-commission": (
        "Broker commission per order.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/rebate-info": (
        "Broker rebate information, real time.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/customer-commissions": (
        "Commissions from the agent's direct customers.",
        "https://www.bitget.com/api-doc/classic/affiliate/customerInfo/GetDirectCommissions",
    ),
    "GET /api/v2/broker/sub-customer-list": (
        "Customers of the agent's sub-agents.",
        "https://www.bitget.com/api-doc/classic/affiliate/customerInfo/GetSubCustomerList",
    ),
    "POST /api/v2/broker/customer-trade-volume": (
        "Trading volume of the agent's customers.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "POST /api/v2/broker/customer-list": (
        "Customers registered through the agent.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/customer-kyc-result": (
        "KYC result of an agent customer.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "POST /api/v2/broker/customer-deposit": (
        "Deposits of the agent's customers.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "POST /api/v2/broker/customer-asset": (
        "Assets of the agent's customers.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    "GET /api/v2/broker/agent-commission": (
        "Commission details of the agent.",
        "https://www.bitget.com/api-doc/broker/intro",
    ),
    # /api/v2/margin
    "GET /api/v2/margin/currencies": (
        "Margin symbols and their borrowing settings.",
        "https://www.bitget.com/api-doc/margin/common/support-currencies",
    ),
    "GET /api/v2/margin/{marginType}/borrow-history": (
        "Margin borrow records (``marginType``: crossed or isolated).",
        "https://www.bitget.com/api-doc/margin/cross/record/Get-Cross-Loan-Records",
    ),
    "GET /api/v2/margin/{marginType}/repay-history": (
        "Margin repayment records (crossed or isolated).",
        "https://www.bitget.com/api-doc/margin/cross/record/Get-Cross-Repay-History",
    ),
    "GET /api/v2/margin/{marginType}/interest-history": (
        "Margin interest records (crossed or isolated).",
        "https://www.bitget.com/api-doc/margin/cross/record/Get-Cross-Interest-Records",
    ),
    "GET /api/v2/margin/{marginType}/liquidation-history": (
        "Margin liquidation records (crossed or isolated).",
        "https://www.bitget.com/api-doc/margin/cross/record/Get-Cross-Liquidation-Records",
    ),
    "GET /api/v2/margin/{marginType}/financial-records": (
        "Margin account ledger (crossed or isolated).",
        "https://www.bitget.com/api-doc/margin/cross/record/Get-Cross-Finance-Flow-History",
    ),
    "GET /api/v2/margin/{marginType}/account/assets": (
        "Margin balances by coin: available, borrowed, interest (crossed or isolated).",
        "https://www.bitget.com/api-doc/margin/cross/account/Get-Cross-Assets",
    ),
    "POST /api/v2/margin/{marginType}/account/borrow": (
        "Borrow a coin in the margin account (crossed or isolated).",
        "https://www.bitget.com/api-doc/margin/cross/account/Cross-Borrow",
    ),
    "POST /api/v2/margin/{marginType}/account/repay": (
        "Repay a margin loan (crossed or isolated).",
        "https://www.bitget.com/api-doc/margin/cross/account/Cross-Repay",
    ),
    "GET /api/v2/margin/{marginType}/account/risk-rate": (
        "Risk rate of the margin account (crossed or isolated).",
        "https://www.bitget.com/api-doc/margin/cross/account/Get-Cross-Risk-Rate",
    ),
    "GET /api/v2/margin/{marginType}/account/max-borrowable-amount": (
        "Largest amount of a coin you can borrow on margin.",
        "https://www.bitget.com/api-doc/margin/cross/account/Cross-Max-Borrowable-Amount",
    ),
    "GET /api/v2/margin/{marginType}/account/max-transfer-out-amount": (
        "Largest amount of a coin you can transfer out of the margin account.",
        "https://www.bitget.com/api-doc/margin/cross/account/Get-Cross-Max-Transfer-Out-Amount",
    ),
    "GET /api/v2/margin/{marginType}/interest-rate-and-limit": (
        "Margin interest rates and borrow limits of a coin by VIP level.",
        "https://www.bitget.com/api-doc/margin/cross/account/Get-Cross-Margin-Interest-Rate-And-Borrowable",
    ),
    "GET /api/v2/margin/{marginType}/tier-data": (
        "Margin tiers of a coin: borrow limits, leverage, maintenance rate.",
        "https://www.bitget.com/api-doc/margin/cross/account/Cross-Tier-Data",
    ),
    "POST /api/v2/margin/{marginType}/account/flash-repay": (
        "Repay margin debts at once from account assets (crossed or isolated).",
        "https://www.bitget.com/api-doc/margin/cross/account/Cross-Flash-Repay",
    ),
    "GET /api/v2/margin/{marginType}/account/query-flash-repay-status": (
        "Result of a margin flash repayment.",
        "https://www.bitget.com/api-doc/margin/intro",
    ),
    "POST /api/v2/margin/{marginType}/place-order": (
        "Place a margin order, optionally borrowing or repaying (``loanType``).",
        "https://www.bitget.com/api-doc/margin/cross/trade/Cross-Place-Order",
    ),
    "POST /api/v2/margin/{marginType}/batch-place-order": (
        "Place several margin orders in one request.",
        "https://www.bitget.com/api-doc/margin/cross/trade/Cross-Batch-Order",
    ),
    "POST /api/v2/margin/{marginType}/cancel-order": (
        "Cancel a margin order.",
        "https://www.bitget.com/api-doc/margin/cross/trade/Cross-Cancel-Order",
    ),
    "POST /api/v2/margin/{marginType}/batch-cancel-order": (
        "Cancel several margin orders in one request.",
        "https://www.bitget.com/api-doc/margin/cross/trade/Cross-Batch-Cancel-Order",
    ),
    "GET /api/v2/margin/{marginType}/open-orders": (
        "Your open margin orders.",
        "https://www.bitget.com/api-doc/margin/cross/trade/Get-Cross-Open-Orders",
    ),
    "GET /api/v2/margin/{marginType}/history-orders": (
        "Your closed margin orders, by time range.",
        "https://www.bitget.com/api-doc/margin/cross/trade/Get-Cross-Order-History",
    ),
    "GET /api/v2/margin/{marginType}/fills": (
        "Your margin fills, by time range.",
        "https://www.bitget.com/api-doc/margin/cross/trade/Get-Cross-Order-Fills",
    ),
    "GET /api/v2/margin/{marginType}/liquidation-order": (
        "Orders created by margin liquidations.",
        "https://www.bitget.com/api-doc/margin/cross/trade/Get-Cross-Liquidation-Orders",
    ),
    # /api/v2/copy
    "GET /api/v2/copy/mix-trader/order-current-track": (
        "Open copy-trading orders of the lead futures trader.",
        "https://www.bitget.com/api-doc/copytrading/future-copytrade/trader/Trader-Order-Current-Track",
    ),
    "GET /api/v2/copy/mix-trader/order-history-track": (
        "Closed copy-trading orders of the lead futures trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/mix-trader/order-modify-tpsl": (
        "Change TP/SL of a lead futures trader's copy order.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/mix-trader/order-total-detail": (
        "Summary of the lead futures trader's copy orders.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/mix-trader/profit-history-summarys": (
        "Profit share summary of the lead futures trader.",
        "https://www.bitget.com/api-doc/copytrading/future-copytrade/trader/Trader-Profit-History-Summarys",
    ),
    "GET /api/v2/copy/mix-trader/profit-history-details": (
        "Profit share history of the lead futures trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/mix-trader/order-close-positions": (
        "Close positions of the lead futures trader's copy orders.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/mix-trader/profit-details": (
        "Unrealised profit share of the lead futures trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/mix-trader/profits-group-coin-date": (
        "Profit share of the lead futures trader grouped by coin and date.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/mix-trader/config-query-symbols": (
        "Symbols the lead futures trader has enabled for copying.",
        "https://www.bitget.com/api-doc/copytrading/future-copytrade/trader/Trader-Get-Config-Query-Symbols",
    ),
    "POST /api/v2/copy/mix-trader/config-setting-symbols": (
        "Enable or disable symbols for copy trading (lead futures trader).",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/mix-trader/config-settings-base": (
        "Change the lead futures trader's copy trading settings.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/mix-trader/config-query-followers": (
        "Followers of the lead futures trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/mix-trader/config-remove-follower": (
        "Remove a follower (lead futures trader).",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/mix-follower/query-current-orders": (
        "Open copied futures orders of the follower.",
        "https://www.bitget.com/api-doc/copytrading/future-copytrade/follower/Query-Current-Orders",
    ),
    "GET /api/v2/copy/mix-follower/query-history-orders": (
        "Closed copied futures orders of the follower.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/mix-follower/setting-tpsl": (
        "Set TP/SL on a copied futures order (follower).",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/mix-follower/settings": (
        "Change how the follower copies a futures trader.",
        "https://www.bitget.com/api-doc/copytrading/future-copytrade/follower/Settings",
    ),
    "GET /api/v2/copy/mix-follower/query-settings": (
        "The follower's copy settings for a futures trader.",
        "https://www.bitget.com/api-doc/copytrading/future-copytrade/follower/Query-Settings",
    ),
    "POST /api/v2/copy/mix-follower/close-positions": (
        "Close the follower's copied futures positions.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/mix-follower/query-traders": (
        "Futures traders the follower copies.",
        "https://www.bitget.com/api-doc/copytrading/future-copytrade/follower/Query-Traders",
    ),
    "GET /api/v2/copy/mix-follower/query-quantity-limit": (
        "Copy size limits of a futures symbol for followers.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/mix-follower/cancel-trader": (
        "Stop copying a futures trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/mix-broker/query-traders": (
        "Lead futures traders bound to the broker.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/mix-broker/query-history-traces": (
        "Closed copy orders of the broker's lead traders.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/mix-broker/query-current-traces": (
        "Open copy orders of the broker's lead traders.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/spot-trader/profit-summarys": (
        "Profit share summary of the lead spot trader.",
        "https://www.bitget.com/api-doc/copytrading/spot-copytrade/trader/Profit-Summarys",
    ),
    "GET /api/v2/copy/spot-trader/profit-history-details": (
        "Profit share history of the lead spot trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/spot-trader/profit-details": (
        "Unrealised profit share of the lead spot trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/spot-trader/order-total-detail": (
        "Summary of the lead spot trader's copy orders.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/spot-trader/order-modify-tpsl": (
        "Change TP/SL of a lead spot trader's copy order.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/spot-trader/order-history-track": (
        "Closed copy orders of the lead spot trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/spot-trader/order-current-track": (
        "Open copy orders of the lead spot trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/spot-trader/order-close-tracking": (
        "Sell the holdings of lead spot copy orders.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/spot-trader/config-setting-symbols": (
        "Enable or disable spot symbols for copy trading (lead spot trader).",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/spot-trader/config-remove-follower": (
        "Remove a follower (lead spot trader).",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/spot-trader/config-query-settings": (
        "Copy trading settings of the lead spot trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/spot-trader/config-query-followers": (
        "Followers of the lead spot trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/spot-follower/stop-order": (
        "Stop copying particular spot orders (follower).",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/spot-follower/settings": (
        "Change how the follower copies a spot trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/spot-follower/setting-tpsl": (
        "Set TP/SL on copied spot orders (follower).",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/spot-follower/query-traders": (
        "Spot traders the follower copies.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/spot-follower/query-trader-symbols": (
        "Symbols a spot trader offers for copying.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/spot-follower/query-settings": (
        "The follower's copy settings for a spot trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/spot-follower/query-history-orders": (
        "Closed copied spot orders of the follower.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "GET /api/v2/copy/spot-follower/query-current-orders": (
        "Open copied spot orders of the follower.",
        "https://www.bitget.com/api-doc/copytrading/spot-copytrade/follower/Query-Current-Orders",
    ),
    "POST /api/v2/copy/spot-follower/order-close-tracking": (
        "Sell the holdings of copied spot orders (follower).",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    "POST /api/v2/copy/spot-follower/cancel-trader": (
        "Stop copying a spot trader.",
        "https://www.bitget.com/api-doc/copytrading/intro",
    ),
    # /api/v2/earn
    "GET /api/v2/earn/savings/product": (
        "Savings products of a coin: flexible and fixed terms, rates.",
        "https://www.bitget.com/api-doc/earn/savings/Savings-Products",
    ),
    "GET /api/v2/earn/savings/account": (
        "Summary of your savings: totals and yesterday's earnings.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/savings/assets": (
        "Your savings holdings, by period type.",
        "https://www.bitget.com/api-doc/earn/savings/Savings-Assets",
    ),
    "GET /api/v2/earn/savings/records": (
        "Your savings subscription, redemption and payout records.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/savings/subscribe-info": (
        "Subscription details of a savings product: limits and settlement times.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "POST /api/v2/earn/savings/subscribe": (
        "Subscribe an amount to a savings product.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/savings/subscribe-result": (
        "Result of a savings subscription.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "POST /api/v2/earn/savings/redeem": (
        "Redeem from a savings product.",
        "https://www.bitget.com/api-doc/earn/savings/Savings-Redeem",
    ),
    "GET /api/v2/earn/savings/redeem-result": (
        "Result of a savings redemption.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/account/assets": (
        "Balances of the Earn account.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/elite/product": (
        "On-chain Elite Earn products.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/elite/assets": (
        "Your on-chain Elite holdings.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/elite/records": (
        "Your on-chain Elite subscription and redemption records.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/elite/subscribe-info": (
        "Subscription details of an on-chain Elite product.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "POST /api/v2/earn/elite/subscribe": (
        "Subscribe to an on-chain Elite product.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/elite/subscribe-result": (
        "Result of an on-chain Elite subscription.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/elite/redeem-info": (
        "Redemption details of an on-chain Elite holding.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "POST /api/v2/earn/elite/redeem": (
        "Redeem an on-chain Elite holding.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/sharkfin/product": (
        "Shark Fin products of a coin.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/sharkfin/account": (
        "Summary of your Shark Fin holdings.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/sharkfin/assets": (
        "Your Shark Fin holdings, by status.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/sharkfin/records": (
        "Your Shark Fin subscription and payout records.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/sharkfin/subscribe-info": (
        "Subscription details of a Shark Fin product.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "POST /api/v2/earn/sharkfin/subscribe": (
        "Subscribe to a Shark Fin product.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/sharkfin/subscribe-result": (
        "Result of a Shark Fin subscription.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/loan/public/coinInfos": (
        "Coins that can be borrowed or pledged in crypto loans, with rates.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/loan/public/hour-interest": (
        "Estimated hourly interest and borrowable amount for a loan.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "POST /api/v2/earn/loan/borrow": (
        "Take a crypto loan against pledged coins.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/loan/ongoing-orders": (
        "Your ongoing crypto loans.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "POST /api/v2/earn/loan/repay": (
        "Repay a crypto loan, fully or partly.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/loan/repay-history": (
        "Crypto loan repayment records.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "POST /api/v2/earn/loan/revise-pledge": (
        "Add or remove pledged collateral of a crypto loan.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/loan/revise-history": (
        "History of pledge adjustments of crypto loans.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/loan/borrow-history": (
        "Crypto loan borrowing history.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/loan/debts": (
        "Outstanding crypto loan debts and pledges.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    "GET /api/v2/earn/loan/reduces": (
        "Crypto loan liquidation records.",
        "https://www.bitget.com/api-doc/earn/intro",
    ),
    # /api/v2/spot
    "GET /api/v2/spot/ins-loan/product-infos": (
        "Institutional loan product details: limits, rates, tiers.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    "GET /api/v2/spot/ins-loan/symbols": (
        "Symbols tradeable with an institutional loan product.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    "GET /api/v2/spot/ins-loan/ensure-coins-convert": (
        "Margin coins of institutional loans and their conversion rates.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    "GET /api/v2/spot/ins-loan/risk-unit": (
        "Risk unit ids of the institutional loan account.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    "GET /api/v2/spot/ins-loan/ltv-convert": (
        "Loan-to-value ratio of institutional loans.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    "GET /api/v2/spot/ins-loan/repaid-history": (
        "Institutional loan repayment records.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    "GET /api/v2/spot/ins-loan/loan-order": (
        "Institutional loan orders.",
        "https://www.bitget.com/api-doc/spot/intro",
    ),
    # /api/v3/public
    "GET /api/v3/public/time": (
        "Bitget's server time in milliseconds.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/market
    "GET /api/v3/market/instruments": (
        "Instruments of a category (spot, margin, futures): precision, limits, status.",
        "https://www.bitget.com/api-doc/uta/public/Instruments",
    ),
    "GET /api/v3/market/fee-group": (
        "Market maker fee rate tiers and symbol groups.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/liquidations": (
        "Liquidation orders of the last three days.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/rpi-symbols": (
        "Symbols that support Retail Price Improvement (RPI) orders.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/rpi-orderbook": (
        "Order book with RPI and non-RPI quantities per price level.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/cash-dividend-records": (
        "Cash dividend records of stock futures.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/spot-whale-flow": (
        "Net flow of large (whale) spot orders of a symbol.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/spot-fund-flow": (
        "Spot fund inflow and outflow of a symbol by order size.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/spot-net-flow": (
        "24h net capital inflow of a spot symbol.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/margin-long-short": (
        "Margin long/short ratio of a symbol.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/margin-loan-growth": (
        "Growth rate of margin loans of a coin.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/margin-isolated-borrow": (
        "Isolated margin borrowing ratio of a symbol.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/futures-active-buy-sell": (
        "Active buy and sell volume of a futures symbol.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/futures-long-short": (
        "Long/short ratio of a futures symbol.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/futures-position-long-short": (
        "Long/short ratio of top trader positions on a futures symbol.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/futures-account-long-short": (
        "Share of accounts long vs short on a futures symbol.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/score-weights": (
        "Market maker score weights per symbol.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/tickers": (
        "24h tickers of a category, for one symbol or all (``category``, ``symbol``).",
        "https://www.bitget.com/api-doc/uta/public/Tickers",
    ),
    "GET /api/v3/market/orderbook": (
        "Order book snapshot (``category``, ``symbol``, ``limit``).",
        "https://www.bitget.com/api-doc/uta/public/OrderBook",
    ),
    "GET /api/v3/market/fills": (
        "Most recent public trades of a symbol.",
        "https://www.bitget.com/api-doc/uta/public/Fills",
    ),
    "GET /api/v3/market/proof-of-reserves": (
        "Bitget's proof of reserves: reserve ratios by coin.",
        "https://www.bitget.com/api-doc/uta/public/Get-Proof-Of-Reserves",
    ),
    "GET /api/v3/market/open-interest": (
        "Open interest of futures symbols.",
        "https://www.bitget.com/api-doc/uta/public/Get-Open-Interest",
    ),
    "GET /api/v3/market/candles": (
        "Candles of a symbol (``category``, ``symbol``, ``interval``).",
        "https://www.bitget.com/api-doc/uta/public/Get-Candle-Data",
    ),
    "GET /api/v3/market/history-candles": (
        "Older candles of a symbol, before ``endTime``.",
        "https://www.bitget.com/api-doc/uta/public/Get-History-Candle-Data",
    ),
    "GET /api/v3/market/current-fund-rate": (
        "Current funding rate and next funding time of a perpetual symbol.",
        "https://www.bitget.com/api-doc/uta/public/Get-Current-Funding-Rate",
    ),
    "GET /api/v3/market/history-fund-rate": (
        "Past funding rates of a perpetual symbol, paged.",
        "https://www.bitget.com/api-doc/uta/public/Get-History-Funding-Rate",
    ),
    "GET /api/v3/market/risk-reserve": (
        "Risk reserve (insurance fund) balance history of a coin.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/risk-reserve-hour": (
        "Hourly risk reserve (insurance fund) balances.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/risk-reserve-all": (
        "Current risk reserve (insurance fund) balances of all coins.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/market/discount-rate": (
        "Collateral discount rates of coins, by tier.",
        "https://www.bitget.com/api-doc/uta/public/Get-Discount-Rate",
    ),
    "GET /api/v3/market/margin-loans": (
        "Margin loan interest rates and limits of coins.",
        "https://www.bitget.com/api-doc/uta/public/Get-Margin-Loans",
    ),
    "GET /api/v3/market/position-tier": (
        "Position tiers of a symbol: value ranges, max leverage, maintenance rate.",
        "https://www.bitget.com/api-doc/uta/public/Get-Position-Tier-Data",
    ),
    "GET /api/v3/market/oi-limit": (
        "Open interest limits of futures symbols.",
        "https://www.bitget.com/api-doc/uta/public/Get-Contracts-Oi",
    ),
    "GET /api/v3/market/index-components": (
        "Exchanges and weights that make up a symbol's index price.",
        "https://www.bitget.com/api-doc/uta/public/Get-Index-Components",
    ),
    # /api/v3/account
    "GET /api/v3/account/reality-orderbook": (
        "Order book of a Reality (stock) trading pair.",
        "https://www.bitget.com/api-doc/uta/reality/market/Reality-OrderBook",
    ),
    "GET /api/v3/account/reality-fills": (
        "Recent trades of a Reality (stock) trading pair.",
        "https://www.bitget.com/api-doc/uta/reality/market/Reality-Fills",
    ),
    # /api/v3/copy
    "GET /api/v3/copy/futures/trading-pairs": (
        "Futures pairs available for copy trading (lead trader, unified account).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/copy/futures/position-summary": (
        "Position summary of the copy trading lead account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/copy/futures/max-transferable": (
        "Largest amount transferable out of the copy trading lead account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/copy/futures/transfer": (
        "Transfer between spot/funding and the copy trading lead account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/copy/futures/transfer-record": (
        "Transfer records of the copy trading lead account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/copy/futures/current-follower": (
        "Current followers of the lead futures trader.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/copy/futures/history-follower": (
        "Former followers of the lead futures trader.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/copy/futures/profit-summary": (
        "Profit share summary of the lead futures trader.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/copy/futures/profit-details": (
        "Profit share details of the lead futures trader.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/stockplus
    "GET /api/v3/stockplus/market/option-quote": (
        "Quotes of US stock options (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/market/option-chain-info": (
        "Option chain of a US stock (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/market/option-expiry-date": (
        "Expiry dates of a US stock's options (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/market/option-volume": (
        "Option volume of a US stock (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/market/static": (
        "Static information of US stocks: name, exchange, lot size (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/stockplus/market/equity-etf/Get-Static-Info",
    ),
    "GET /api/v3/stockplus/market/quote": (
        "Real-time quotes of US stocks (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/stockplus/market/equity-etf/Get-Quote",
    ),
    "GET /api/v3/stockplus/market/trade": (
        "Trade-by-trade data of a US stock (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/market/intraday": (
        "Intraday price series of a US stock (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/market/history-candlestick": (
        "Historical candles of a US stock (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/market/candlestick": (
        "Recent candles of a US stock (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/market/depth": (
        "Order book depth of a US stock (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/stockplus/trade/place-order": (
        "Place a US stock order (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/stockplus/trade/cancel-order": (
        "Cancel a US stock order (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/stockplus/trade/modify-order": (
        "Change price or quantity of a US stock order (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/trade/today-orders": (
        "Today's US stock orders (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/trade/history-orders": (
        "Past US stock orders (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/trade/order-detail": (
        "Details of one US stock order (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/trade/today-executions": (
        "Today's US stock executions (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/trade/history-executions": (
        "Past US stock executions (Stock Plus).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/asset/account": (
        "Stock Plus account: cash, buying power, value.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/asset/cash-flow": (
        "Cash flow records of the Stock Plus account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/asset/stock-position": (
        "Stock positions of the Stock Plus account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/stockplus/asset/transfer": (
        "Transfer funds into or out of the Stock Plus account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/stockplus/asset/transfer-records": (
        "Transfer records of the Stock Plus account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/account
    "GET /api/v3/account/assets": (
        "Unified account balances: equity, margin, per-coin assets.",
        "https://www.bitget.com/api-doc/uta/account/Get-Account",
    ),
    "GET /api/v3/account/funding-assets": (
        "Balances of the funding account.",
        "https://www.bitget.com/api-doc/uta/account/Get-Account-Funding-Assets",
    ),
    "GET /api/v3/account/info": (
        "Unified account information: mode, UID, permissions.",
        "https://www.bitget.com/api-doc/uta/account/Get-Account-Info",
    ),
    "GET /api/v3/account/settings": (
        "Unified account settings: leverage, hold mode and asset mode per category.",
        "https://www.bitget.com/api-doc/uta/account/Get-Account-Setting",
    ),
    "POST /api/v3/account/adjust-account-mode": (
        "Switch the unified account mode.",
        "https://www.bitget.com/api-doc/uta/account/Adjust-Account-Mode",
    ),
    "GET /api/v3/account/delta-info": (
        "Delta information of the unified account.",
        "https://www.bitget.com/api-doc/uta/account/Get-Delta-Info",
    ),
    "POST /api/v3/account/set-leverage": (
        "Set leverage of a symbol or coin (``category``, ``leverage``).",
        "https://www.bitget.com/api-doc/uta/account/Change-Leverage",
    ),
    "POST /api/v3/account/set-hold-mode": (
        "Switch between one-way and hedge position mode.",
        "https://www.bitget.com/api-doc/uta/account/Change-Position-Mode",
    ),
    "GET /api/v3/account/collateral-type": (
        "Collateral configuration of the unified account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/account/set-collateral-type": (
        "Choose the collateral type of the unified account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/account/custom-collateral-coins": (
        "Coins the platform allows as custom collateral.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/account/pre-set-leverage": (
        "Preview the effect of a leverage change without applying it.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/account/set-margin": (
        "Add or remove margin of an isolated position.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/account/max-withdrawal": (
        "Largest withdrawable amount of a coin from the unified account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/account/financial-records": (
        "Unified account ledger, by category, coin and type.",
        "https://www.bitget.com/api-doc/uta/account/Get-Financial-Records",
    ),
    "GET /api/v3/account/repayable-coins": (
        "Coins that can be used to repay liabilities.",
        "https://www.bitget.com/api-doc/uta/account/Get-Repayable-Coins",
    ),
    "GET /api/v3/account/payment-coins": (
        "Coins that can pay for a repayment.",
        "https://www.bitget.com/api-doc/uta/account/Get-Payment-Coins",
    ),
    "POST /api/v3/account/repay": (
        "Repay liabilities manually with chosen coins.",
        "https://www.bitget.com/api-doc/uta/account/Repay",
    ),
    "GET /api/v3/account/convert-records": (
        "Records of automatic conversions in the unified account.",
        "https://www.bitget.com/api-doc/uta/account/Get-Convert-Records",
    ),
    "POST /api/v3/account/deposit-account": (
        "Choose the account that receives deposits of a coin.",
        "https://www.bitget.com/api-doc/uta/account/Deposit-Account",
    ),
    "POST /api/v3/account/switch-deduct": (
        "Turn paying fees with BGB on or off.",
        "https://www.bitget.com/api-doc/uta/account/Switch-Deduct",
    ),
    "GET /api/v3/account/deduct-info": (
        "Whether fees are paid with BGB.",
        "https://www.bitget.com/api-doc/uta/account/Get-Deduct-Info",
    ),
    "GET /api/v3/account/fee-rate": (
        "Your maker and taker fee rates for a symbol.",
        "https://www.bitget.com/api-doc/uta/account/Get-Account-Fee-Rate",
    ),
    "GET /api/v3/account/all-fee-rate": (
        "Your fee rates for all symbols of a category.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/account/max-transferable": (
        "Largest transferable amount of a coin.",
        "https://www.bitget.com/api-doc/uta/account/Get-Max-Transferable",
    ),
    "GET /api/v3/account/open-interest-limit": (
        "Largest open interest you may hold on a symbol.",
        "https://www.bitget.com/api-doc/uta/account/Get-OI-Limit",
    ),
    "GET /api/v3/account/eligible-symbols": (
        "Symbols eligible for your account settings.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/account/eligible-margin-tier": (
        "Margin tiers available to your account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/account/eligible-loan-info": (
        "Loan terms available to your account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/account/switch": (
        "Switch the unified account back to the classic account.",
        "https://www.bitget.com/api-doc/uta/account/Switch-Account",
    ),
    "GET /api/v3/account/switch-status": (
        "Status of the switch back to the classic account.",
        "https://www.bitget.com/api-doc/uta/account/Get-Switch-Status",
    ),
    # /api/v3/tax
    "GET /api/v3/tax/records": (
        "Unified account records for tax reporting, up to 366 days per query.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/user
    "POST /api/v3/user/create-sub": (
        "Create a sub-account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/user/sub-account/agent-create": (
        "Create a sub-account dedicated to an AI agent.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/user/freeze-sub": (
        "Freeze or unfreeze a sub-account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/account
    "GET /api/v3/account/sub-unified-assets": (
        "Unified account balances of your sub-accounts.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/user
    "GET /api/v3/user/sub-list": (
        "Your sub-accounts, paged.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/user/create-sub-api": (
        "Create an API key for a sub-account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/user/update-sub-api": (
        "Change a sub-account API key.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/user/delete-sub-api": (
        "Delete a sub-account API key.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/user/sub-api-list": (
        "API keys of a sub-account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/user/rate-limit-quota": (
        "API rate limit quotas of the account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/user/set-rate-limit-quota": (
        "Set API rate limit quotas of sub-accounts.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/account
    "GET /api/v3/account/transferable-coins": (
        "Coins that can be transferred between two account types.",
        "https://www.bitget.com/api-doc/uta/account/transfer/Get-Transfer-Coins",
    ),
    "POST /api/v3/account/transfer": (
        "Transfer a coin between your account types.",
        "https://www.bitget.com/api-doc/uta/account/transfer",
    ),
    "POST /api/v3/account/sub-transfer": (
        "Transfer between the main account and sub-accounts, or between sub-accounts.",
        "https://www.bitget.com/api-doc/uta/account/transfer/SubAccount-Transfer",
    ),
    "GET /api/v3/account/sub-transfer-record": (
        "Transfer records between the main account and sub-accounts.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/account/sub-master-transfer": (
        "Transfer from a sub-account to the main account.",
        "https://www.bitget.com/api-doc/uta/account/transfer/Sub-Master-Transfer",
    ),
    "GET /api/v3/account/deposit-address": (
        "Deposit address of a coin and chain.",
        "https://www.bitget.com/api-doc/uta/account/deposit/Get-Deposit-Address",
    ),
    "GET /api/v3/account/sub-deposit-address": (
        "Deposit address of a coin and chain for a sub-account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/account/deposit-records": (
        "Your deposit records, by coin and time range.",
        "https://www.bitget.com/api-doc/uta/account/deposit/Get-Deposit-Records",
    ),
    "POST /api/v3/account/sub-deposit-records": (
        "Deposit records of a sub-account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/account/withdrawal": (
        "Withdraw a coin on chain or internally (``coin``, ``transferType``, ``address``, ``size``).",
        "https://www.bitget.com/api-doc/uta/account/withdrawal",
    ),
    "GET /api/v3/account/withdrawal-records": (
        "Your withdrawal records, by coin and time range.",
        "https://www.bitget.com/api-doc/uta/account/withdrawal/Get-Withdrawal-Records",
    ),
    "GET /api/v3/account/withdraw-address": (
        "Addresses saved in the withdrawal address book.",
        "https://www.bitget.com/api-doc/uta/account/withdrawal/Get-Withdraw-Address",
    ),
    "POST /api/v3/account/cancel-withdrawal": (
        "Cancel a pending withdrawal.",
        "https://www.bitget.com/api-doc/uta/account/withdrawal/Cancel-Withdrawal",
    ),
    # /api/v3/trade
    "POST /api/v3/trade/place-order": (
        "Place an order (``category``, ``symbol``, ``side``, ``orderType``, ``qty``; ``price`` for limits).",
        "https://www.bitget.com/api-doc/uta/trade/Place-Order",
    ),
    "POST /api/v3/trade/modify-order": (
        "Change price or quantity of an open order.",
        "https://www.bitget.com/api-doc/uta/trade/Modify-Order",
    ),
    "POST /api/v3/trade/place-reality-order": (
        "Place a limit or market order on a Reality (stock) trading pair.",
        "https://www.bitget.com/api-doc/uta/reality/trade/Place-Reality-Order",
    ),
    "POST /api/v3/trade/cancel-reality-order": (
        "Cancel a Reality (stock) order.",
        "https://www.bitget.com/api-doc/uta/reality/trade/Cancel-Reality-Order",
    ),
    "GET /api/v3/trade/loan-data": (
        "Current loan data of the unified account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/trade/cancel-order": (
        "Cancel an order by ``orderId`` or ``clientOid``.",
        "https://www.bitget.com/api-doc/uta/trade/Cancel-Order",
    ),
    "POST /api/v3/trade/place-batch": (
        "Place several orders in one request.",
        "https://www.bitget.com/api-doc/uta/trade/Place-Batch",
    ),
    "POST /api/v3/trade/batch-modify-order": (
        "Change several open orders in one request.",
        "https://www.bitget.com/api-doc/uta/trade/Batch-Modify-Orders",
    ),
    "POST /api/v3/trade/cancel-batch": (
        "Cancel several orders in one request.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/trade/cancel-symbol-order": (
        "Cancel all open orders of a category or symbol.",
        "https://www.bitget.com/api-doc/uta/trade/Cancel-All-Order",
    ),
    "POST /api/v3/trade/close-positions": (
        "Close positions at market price, all or of one symbol.",
        "https://www.bitget.com/api-doc/uta/trade/Close-All-Positions",
    ),
    "GET /api/v3/trade/order-info": (
        "Details of one order, by ``orderId`` or ``clientOid``.",
        "https://www.bitget.com/api-doc/uta/trade/Get-Order-Details",
    ),
    "GET /api/v3/trade/unfilled-orders": (
        "Your open orders.",
        "https://www.bitget.com/api-doc/uta/trade/Get-Order-Pending",
    ),
    "GET /api/v3/trade/history-orders": (
        "Your closed orders, by category and time range.",
        "https://www.bitget.com/api-doc/uta/trade/Get-Order-History",
    ),
    # /api/v3/account
    "POST /api/v3/account/move-positions": (
        "Move positions between the main account and sub-accounts.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/account/move-position-history": (
        "Records of moved positions.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/trade
    "GET /api/v3/trade/fills": (
        "Your fills, by category, symbol and time range.",
        "https://www.bitget.com/api-doc/uta/trade/Get-Order-Fills",
    ),
    # /api/v3/position
    "GET /api/v3/position/current-position": (
        "Your open positions.",
        "https://www.bitget.com/api-doc/uta/trade/Get-Position",
    ),
    "GET /api/v3/position/history-position": (
        "Your closed positions.",
        "https://www.bitget.com/api-doc/uta/trade/Get-Position-History",
    ),
    # /api/v3/account
    "POST /api/v3/account/max-open-available": (
        "Largest size you can open on a symbol.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/position
    "GET /api/v3/position/adlRank": (
        "Auto-deleveraging rank of your positions.",
        "https://www.bitget.com/api-doc/uta/trade/Get-Position-ADL-Rank",
    ),
    # /api/v3/trade
    "POST /api/v3/trade/countdown-cancel-all": (
        "Arm or reset a countdown that cancels all orders when it expires.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/ins-loan
    "GET /api/v3/ins-loan/transfered": (
        "Amount transferred out of the institutional loan account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/ins-loan/symbols": (
        "Symbols tradeable with an institutional loan product.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/ins-loan/risk-unit": (
        "Risk unit ids of the institutional loan account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/ins-loan/repaid-history": (
        "Institutional loan repayment records.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/ins-loan/product-infos": (
        "Institutional loan product details: limits, rates, tiers.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/ins-loan/loan-order": (
        "Institutional loan orders.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/ins-loan/ltv-convert": (
        "Loan-to-value ratio of institutional loans.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/ins-loan/ensure-coins-convert": (
        "Margin coins of institutional loans and their conversion rates.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/ins-loan/bind-uid": (
        "Bind a UID to, or unbind it from, an institutional loan risk unit.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/loan
    "GET /api/v3/loan/coins": (
        "Coins that can be borrowed or pledged in crypto loans.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/loan/interest": (
        "Estimated interest and borrowable amount for a crypto loan.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/loan/borrow": (
        "Take a crypto loan against pledged coins.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/loan/borrow-ongoing": (
        "Your ongoing crypto loans.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/loan/borrow-history": (
        "Crypto loan borrowing history.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/loan/repay": (
        "Repay a crypto loan, fully or partly.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/loan/repay-history": (
        "Crypto loan repayment records.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/loan/revise-pledge": (
        "Add or remove pledged collateral of a crypto loan.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/loan/pledge-rate-history": (
        "History of pledge rate adjustments.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/loan/debts": (
        "Outstanding crypto loan debts and pledges.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/loan/reduces": (
        "Crypto loan liquidation records.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/trade
    "POST /api/v3/trade/place-strategy-order": (
        "Place a strategy order (take-profit/stop-loss or trigger).",
        "https://www.bitget.com/api-doc/uta/strategy/Place-Strategy-Order",
    ),
    "POST /api/v3/trade/modify-strategy-order": (
        "Change an open strategy order.",
        "https://www.bitget.com/api-doc/uta/strategy/Modify-Strategy-Order",
    ),
    "POST /api/v3/trade/cancel-strategy-order": (
        "Cancel a strategy order.",
        "https://www.bitget.com/api-doc/uta/strategy/Cancel-Strategy-Order",
    ),
    "GET /api/v3/trade/unfilled-strategy-orders": (
        "Your active strategy orders.",
        "https://www.bitget.com/api-doc/uta/strategy/Get-Unfilled-Strategy-Orders",
    ),
    "GET /api/v3/trade/history-strategy-orders": (
        "Your finished strategy orders.",
        "https://www.bitget.com/api-doc/uta/strategy/Get-History-Strategy-Orders",
    ),
    # /api/v3/broker
    "POST /api/v3/broker/create-sub": (
        "Create a broker sub-account (ND broker master account).",
        "https://www.bitget.com/api-doc/uta/broker/Create-Subaccount",
    ),
    "GET /api/v3/broker/sub-list": (
        "Broker sub-accounts, paged.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/broker/modify-sub": (
        "Change a broker sub-account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/broker/sub-withdrawal": (
        "Withdraw from a broker sub-account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/broker/sub-deposit-address": (
        "Deposit address of a broker sub-account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/broker/all-sub-deposit-withdrawal": (
        "Deposit and withdrawal records of all broker sub-accounts.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/broker/commission": (
        "Broker commission records.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/broker/create-sub-apikey": (
        "Create an API key for a broker sub-account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/broker/modify-sub-apikey": (
        "Change a broker sub-account API key.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/broker/delete-sub-apikey": (
        "Delete a broker sub-account API key.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/broker/query-sub-apikey": (
        "API keys of a broker sub-account.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/p2p
    "GET /api/v3/p2p/ad-list": (
        "P2P advertisements online for a coin, fiat and side.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/p2p/exchange-rate": (
        "P2P exchange rate between a coin and a fiat currency.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/p2p/fee-simulate": (
        "Estimate the fee of a P2P advertisement or trade.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/p2p/ad-limit": (
        "Limits that apply to your P2P advertisements.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/p2p/ad-create": (
        "Post a P2P advertisement.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/p2p/ad-update": (
        "Change a P2P advertisement.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/p2p/ad-operate": (
        "Put a P2P advertisement online or offline, or close it.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/p2p/ad-info": (
        "Details of one P2P advertisement.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/p2p/my-ads": (
        "Your P2P advertisements.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/p2p/pending-orders": (
        "Your P2P orders in progress.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/p2p/all-orders": (
        "All your P2P orders, by time range and status.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/p2p/order-info": (
        "Details of one P2P order.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/p2p/order-pay": (
        "Mark a P2P order as paid (buyer).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/p2p/order-release": (
        "Release the crypto of a paid P2P order (seller).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/p2p/user-info": (
        "Your P2P merchant profile.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/p2p/currencies": (
        "Coins and fiat currencies supported in P2P.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/p2p/pay-method": (
        "Payment methods available in P2P.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/p2p/balance": (
        "Your P2P balances.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    # /api/v3/earn
    "GET /api/v3/earn/elite-product": (
        "On-chain Elite Earn products (unified account).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/earn/elite-assets": (
        "Your on-chain Elite holdings (unified account).",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/earn/elite-records": (
        "Your on-chain Elite subscription and redemption records.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/earn/elite-subscribe-info": (
        "Subscription details of an on-chain Elite product.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/earn/elite-subscribe": (
        "Subscribe to an on-chain Elite product.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/earn/elite-subscribe-result": (
        "Result of an on-chain Elite subscription.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "GET /api/v3/earn/elite-redeem-info": (
        "Redemption details of an on-chain Elite holding.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
    "POST /api/v3/earn/elite-redeem": (
        "Redeem an on-chain Elite holding.",
        "https://www.bitget.com/api-doc/uta/intro",
    ),
}
