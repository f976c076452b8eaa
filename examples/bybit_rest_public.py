"""Bybit V5 public market data over REST: no API keys needed.

Shows: server time, instruments info, tickers, order book, klines, public trading history,
funding rate history and open interest. V5 categories are lower-case (``"spot"``,
``"linear"``, ``"inverse"``, ``"option"``); a wrong spelling fails before anything is sent.

Run:
    python examples/bybit_rest_public.py
    BITSDK_LOOPBACK=1 python examples/bybit_rest_public.py    # offline, loopback exchange
"""

from _env import bybit_options

from bitsdk.bybit import RestClientV5
from bitsdk.errors import InvalidParameterError

SYMBOL = "BTCUSDT"


def main() -> None:
    with RestClientV5(**bybit_options()) as client:
        print("server time:", client.get_server_time()["result"]["timeSecond"])

        info = client.get_instruments_info(category="linear", symbol=SYMBOL)["result"]["list"][0]
        print(f"{info['symbol']}: tick {info['priceFilter']['tickSize']}, min qty {info['lotSizeFilter']['minOrderQty']}")

        ticker = client.get_tickers(category="linear", symbol=SYMBOL)["result"]["list"][0]
        print(f"ticker: last {ticker['lastPrice']} mark {ticker['markPrice']} funding {ticker['fundingRate']}")

        book = client.get_orderbook(category="linear", symbol=SYMBOL, limit=5)["result"]
        print("best bid/ask:", book["b"][0], book["a"][0])

        # Parameters can also be one dict, with Bybit's own (camelCase) names.
        klines = client.get_kline({"category": "linear", "symbol": SYMBOL, "interval": "1", "limit": 3})
        for start, open_, high, low, close, *_ in klines["result"]["list"]:  # newest first
            print(f"kline {start}: open {open_} high {high} low {low} close {close}")

        trades = client.get_public_trading_history(category="spot", symbol=SYMBOL, limit=3)["result"]["list"]
        for trade in trades:
            print(f"trade: {trade['side']} {trade['size']} @ {trade['price']}")

        funding = client.get_funding_rate_history(category="linear", symbol=SYMBOL, limit=3)["result"]["list"]
        for item in funding:
            print(f"funding {item['fundingRateTimestamp']}: {item['fundingRate']}")

        open_interest = client.get_open_interest(category="linear", symbol=SYMBOL, intervalTime="5min", limit=3)
        for item in open_interest["result"]["list"]:
            print(f"open interest {item['timestamp']}: {item['openInterest']}")

        try:
            client.get_tickers(category="Linear", symbol=SYMBOL)
        except InvalidParameterError as exc:
            print("refused before sending:", exc)


if __name__ == "__main__":
    main()
