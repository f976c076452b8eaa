"""Bybit loopback responses and pushes carry the fields Bybit documents (docs.bybit V5, mid 2026).

Each list below is the documented field list of one endpoint or topic; where a field applies to
other products only, the test says so and leaves it out.
"""

from __future__ import annotations

import pytest



def rest(ex, h):
    return h.BybitRest(ex.rest_url, ex.credentials.api_key, ex.credentials.api_secret)

LINEAR_TICKER_REST = set("""symbol lastPrice indexPrice markPrice prevPrice24h price24hPcnt highPrice24h lowPrice24h prevPrice1h
openInterest openInterestValue singleOpenInterest singleOpenInterestValue turnover24h volume24h fundingRate nextFundingTime
predictedDeliveryPrice basisRate basis deliveryFeeRate deliveryTime ask1Size bid1Price ask1Price bid1Size preOpenPrice preQty
curPreListingPhase fundingIntervalHour fundingCap basisRateYear""".split())
SPOT_TICKER_REST = set("""symbol bid1Price bid1Size ask1Price ask1Size lastPrice prevPrice24h price24hPcnt highPrice24h
lowPrice24h turnover24h volume24h usdIndexPrice""".split())
OPTION_TICKER_REST = set("""symbol bid1Price bid1Size bid1Iv ask1Price ask1Size ask1Iv lastPrice highPrice24h lowPrice24h
markPrice indexPrice markIv underlyingPrice openInterest turnover24h volume24h totalVolume totalTurnover delta gamma vega theta
predictedDeliveryPrice change24h""".split())
LINEAR_TICKER_WS = (LINEAR_TICKER_REST - {"basis"}) | {"tickDirection"}
SPOT_TICKER_WS = set("symbol lastPrice highPrice24h lowPrice24h prevPrice24h volume24h turnover24h price24hPcnt usdIndexPrice".split())
OPTION_TICKER_WS = set("""symbol bidPrice bidSize bidIv askPrice askSize askIv lastPrice highPrice24h lowPrice24h markPrice
indexPrice markPriceIv underlyingPrice openInterest turnover24h volume24h totalVolume totalTurnover delta gamma vega theta
predictedDeliveryPrice change24h""".split())
WALLET = set("""accountType accountIMRate accountMMRate totalEquity totalWalletBalance totalMarginBalance totalAvailableBalance
totalPerpUPL totalInitialMargin totalMaintenanceMargin accountIMRateByMp accountMMRateByMp totalInitialMarginByMp
totalMaintenanceMarginByMp accountLTV coin""".split())
WALLET_COIN = set("""coin equity usdValue walletBalance locked spotHedgingQty borrowAmount accruedInterest totalOrderIM
totalPositionIM totalPositionMM unrealisedPnl cumRealisedPnl bonus marginCollateral collateralSwitch colRes spotBorrow free
availableToWithdraw availableToBorrow""".split())
POSITION_REST = set("""positionIdx riskId riskLimitValue symbol side size avgPrice positionValue autoAddMargin positionStatus
leverage breakEvenPrice markPrice liqPrice positionIM positionIMByMp positionMM positionMMByMp takeProfit stopLoss trailingStop
sessionAvgPrice delta gamma vega theta unrealisedPnl curRealisedPnl cumRealisedPnl adlRankIndicator createdTime updatedTime
openTime seq isReduceOnly mmrSysUpdatedTime leverageSysUpdatedTime tpslMode bustPrice positionBalance tradeMode""".split())
POSITION_WS = (POSITION_REST - {"avgPrice"}) | {"category", "entryPrice"}
ORDER_COMMON = set("""orderId orderLinkId parentOrderLinkId blockTradeId symbol price qty side isLeverage positionIdx orderStatus
createType cancelType rejectReason avgPrice leavesQty leavesValue cumExecQty cumExecValue cumExecFee timeInForce orderType
stopOrderType orderIv marketUnit triggerPrice takeProfit stopLoss tpslMode ocoTriggerBy tpLimitPrice slLimitPrice tpTriggerBy
slTriggerBy triggerDirection triggerBy lastPriceOnCreated reduceOnly closeOnTrigger placeType smpType smpGroup smpOrderId
createdTime updatedTime cumFeeDetail""".split())
ORDER_REALTIME = ORDER_COMMON  # + basePrice: spot only
ORDER_HISTORY = ORDER_COMMON | {"slippageToleranceType", "slippageTolerance", "extraFees", "rpiTakerAccess", "rpiMatchedQty"}
ORDER_WS = ORDER_COMMON | {"category", "brokerOrderPrice", "closedPnl", "feeCurrency", "slippageToleranceType",
                           "slippageTolerance", "rpiTakerAccess", "rpiMatchedQty"}
EXECUTION_REST = set("""symbol orderId orderLinkId side orderPrice orderQty leavesQty createType orderType stopOrderType execFee
execFeeV2 execId execPrice execQty execType execValue execTime feeCurrency isMaker feeRate tradeIv markIv markPrice indexPrice
underlyingPrice blockTradeId closedSize seq extraFees""".split())
EXECUTION_WS = (EXECUTION_REST - {"execFeeV2"}) | {"category", "isLeverage", "execPnl"}
FAST_EXECUTION_WS = set("category symbol orderId isMaker orderLinkId execId execPrice execQty side execTime seq".split())
CLOSED_PNL = set("""symbol orderId side qty orderPrice orderType execType closedSize cumEntryValue avgEntryPrice cumExitValue
avgExitPrice closedPnl fillCount leverage openFee closeFee createdTime updatedTime""".split())
TRANSACTION_LOG = set("""id symbol category side transactionTime type transSubType qty size currency tradePrice funding fee
cashFlow change cashBalance feeRate bonusChange tradeId orderId orderLinkId extraFees""".split())
TRADE_WS = set("T s S v p L i BT RPI seq".split())  # + mP iP mIv iv: options only
LINEAR_INSTRUMENT = set("""symbol symbolId contractType status baseCoin quoteCoin symbolType launchTime deliveryTime
deliveryFeeRate priceScale leverageFilter priceFilter lotSizeFilter unifiedMarginTrade fundingInterval settleCoin copyTrading
upperFundingRate lowerFundingRate displayName forbidUplWithdrawal riskParameters isPreListing preListingInfo""".split())
SPOT_INSTRUMENT = set("""symbolId symbol baseCoin quoteCoin innovation symbolType xstockMultiplier status marginTrading stTag
lotSizeFilter priceFilter riskParameters""".split())
SPOT_LOT_SIZE = set("""basePrecision quotePrecision minOrderQty maxOrderQty minOrderAmt maxOrderAmt maxLimitOrderQty
postOnlyMaxLimitOrderSize""".split())
OPTION_INSTRUMENT = set("""symbol symbolId optionsType status baseCoin quoteCoin settleCoin launchTime deliveryTime
deliveryFeeRate priceFilter lotSizeFilter displayName""".split())


def test_market_responses(bybit, h):
    api = rest(bybit, h)

    def result(path, **params):
        body = api.public(path, params).json()
        assert body["retCode"] == 0, body
        return body["result"]

    assert set(result("/v5/market/tickers", category="linear")["list"][0]) == LINEAR_TICKER_REST
    assert set(result("/v5/market/tickers", category="inverse", symbol="BTCUSD")["list"][0]) == LINEAR_TICKER_REST
    assert set(result("/v5/market/tickers", category="spot")["list"][0]) == SPOT_TICKER_REST
    option = result("/v5/market/tickers", category="option", symbol="BTC-28AUG26-60000-C")["list"][0]
    assert set(option) == OPTION_TICKER_REST
    linear = result("/v5/market/tickers", category="linear", symbol="BTCUSDT")["list"][0]
    assert linear["fundingIntervalHour"] == "8" and linear["basis"] == "" and linear["preOpenPrice"] == ""
    assert set(result("/v5/market/instruments-info", category="linear")["list"][0]) == LINEAR_INSTRUMENT
    spot = result("/v5/market/instruments-info", category="spot")["list"][0]
    assert set(spot) == SPOT_INSTRUMENT and set(spot["lotSizeFilter"]) == SPOT_LOT_SIZE
    listed = result("/v5/market/instruments-info", category="option", symbol="BTC-28AUG26-60000-P")["list"][0]
    assert set(listed) == OPTION_INSTRUMENT and listed["optionsType"] == "Put"
    trades = result("/v5/market/recent-trade", category="linear", symbol="BTCUSDT")["list"]
    assert "seq" in trades[0] and "mP" not in trades[0]
    option_trades = result("/v5/market/recent-trade", category="option", symbol="BTC-28AUG26-60000-C")["list"]
    assert {"mP", "iP", "mIv", "iv", "seq"} <= set(option_trades[0])
    oi = result("/v5/market/open-interest", category="linear", symbol="BTCUSDT", intervalTime="1h")["list"][0]
    assert set(oi) == {"openInterest", "singleOpenInterest", "timestamp"}


def test_account_and_trading_responses(bybit, h):
    api = rest(bybit, h)
    for side in ("Buy", "Sell"):  # open then close: a closed-PnL row and two fills
        assert api.post("/v5/order/create", {"category": "linear", "symbol": "BTCUSDT", "side": side,
                                             "orderType": "Market", "qty": "0.02"}).json()["retCode"] == 0
    api.post("/v5/order/create", {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Market", "qty": "0.01"})
    api.post("/v5/order/create", {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit",
                                  "qty": "0.01", "price": "50000"})
    spot = api.post("/v5/order/create", {"category": "spot", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit",
                                         "qty": "0.01", "price": "50000"}).json()["result"]

    def result(path, **params):
        body = api.get(path, params).json()
        assert body["retCode"] == 0, body
        return body["result"]

    wallet = result("/v5/account/wallet-balance", accountType="UNIFIED")["list"][0]
    assert set(wallet) == WALLET and WALLET_COIN == set(wallet["coin"][0])
    assert wallet["totalInitialMarginByMp"] == wallet["totalInitialMargin"]
    position = result("/v5/position/list", category="linear", symbol="BTCUSDT")["list"][0]
    assert set(position) == POSITION_REST and position["positionIMByMp"] == position["positionIM"]
    assert float(position["breakEvenPrice"]) > float(position["avgPrice"])  # a long pays fees on the way out
    resting = result("/v5/order/realtime", category="linear")["list"][0]
    assert set(resting) == ORDER_REALTIME and resting["createType"] == "CreateByUser"
    spot_order = result("/v5/order/realtime", category="spot", orderId=spot["orderId"])["list"][0]
    assert set(spot_order) == ORDER_REALTIME - {"createType"} | {"basePrice"}
    assert set(result("/v5/order/history", category="linear")["list"][0]) == ORDER_HISTORY
    assert set(result("/v5/execution/list", category="linear")["list"][0]) == EXECUTION_REST
    closed = result("/v5/position/closed-pnl", category="linear")["list"][0]
    assert set(closed) == CLOSED_PNL
    assert float(closed["cumEntryValue"]) == pytest.approx(float(closed["avgEntryPrice"]) * 0.02)
    assert set(result("/v5/account/transaction-log")["list"][0]) == TRANSACTION_LOG


def test_private_pushes(bybit, h, ws_factory):
    ws = ws_factory(bybit.ws_url("v5Private"))
    h.bybit_auth(ws, bybit.credentials.api_key, bybit.credentials.api_secret)
    topics = ["order", "execution", "execution.fast", "position", "wallet"]
    ws.request({"op": "subscribe", "args": topics}, lambda m: m.get("op") == "subscribe")
    rest(bybit, h).post("/v5/order/create", {"category": "linear", "symbol": "BTCUSDT", "side": "Buy",
                                             "orderType": "Market", "qty": "0.01"})
    seen = {}
    while len(seen) < len(topics):
        msg = ws.recv_until(lambda m: m.get("topic") in topics)
        seen.setdefault(msg["topic"], msg["data"][0])
    assert set(seen["order"]) == ORDER_WS
    assert set(seen["execution"]) == EXECUTION_WS
    assert set(seen["execution.fast"]) == FAST_EXECUTION_WS
    assert set(seen["position"]) == POSITION_WS
    assert set(seen["wallet"]) == WALLET and WALLET_COIN == set(seen["wallet"]["coin"][0])


@pytest.mark.parametrize("ws_key, topic, fields", [
    ("v5LinearPublic", "tickers.BTCUSDT", LINEAR_TICKER_WS),
    ("v5InversePublic", "tickers.BTCUSD", LINEAR_TICKER_WS),
    ("v5SpotPublic", "tickers.BTCUSDT", SPOT_TICKER_WS),
    ("v5OptionPublic", "tickers.BTC-28AUG26-60000-C", OPTION_TICKER_WS),
    ("v5LinearPublic", "publicTrade.BTCUSDT", TRADE_WS),
    ("v5OptionPublic", "publicTrade.BTC", TRADE_WS | {"mP", "iP", "mIv", "iv"}),
])
def test_public_pushes(bybit, ws_factory, ws_key, topic, fields):
    ws = ws_factory(bybit.ws_url(ws_key))
    ws.send({"op": "subscribe", "args": [topic]})
    msg = ws.recv_until(lambda m: m.get("topic") == topic)
    data = msg["data"][0] if isinstance(msg["data"], list) else msg["data"]
    assert set(data) == fields
