"""Bitget V3 (UTA) public market data over REST: no API keys needed.

Shows: server time, instruments, tickers, order book, candles, open interest, the current
funding rate, and ``fetch_latency_summary()``. V3 REST categories are upper-case
(``"SPOT"``, ``"USDT-FUTURES"``); a wrong spelling fails before anything is sent.

Run:
    python examples/bitget_rest_public.py                      # the real exchange
    BITSDK_LOOPBACK=1 python examples/bitget_rest_public.py    # offline, loopback exchange
"""

from _env import bitget_options

from bitsdk.bitget import RestClientV3
from bitsdk.errors import InvalidParameterError

SYMBOL = "BTCUSDT"


def main() -> None:
    with RestClientV3(**bitget_options()) as client:
        # GET /api/v2/public/time on every Bitget client (V3's own time path is reported to 404)
        print("server time (epoch ms):", client.fetch_server_time())

        instruments = client.get_instruments(category="SPOT", symbol=SYMBOL)["data"]
        spot = instruments[0]
        print(f"{spot['symbol']}: min qty {spot['minOrderQty']}, price precision {spot['pricePrecision']}")

        ticker = client.get_tickers(category="SPOT", symbol=SYMBOL)["data"][0]
        print(f"ticker: last {ticker['lastPrice']} bid {ticker['bid1Price']} ask {ticker['ask1Price']}")

        book = client.get_order_book(category="SPOT", symbol=SYMBOL, limit="5")["data"]
        print("best bid/ask:", book["b"][0], book["a"][0])

        # Parameters can also be one dict, with Bitget's own (camelCase) names.
        candles = client.get_candles({"category": "USDT-FUTURES", "symbol": SYMBOL, "interval": "1m", "limit": "3"})
        for candle in candles["data"]:
            print("candle [ts, open, high, low, close, ...]:", candle[:5])

        open_interest = client.get_open_interest(category="USDT-FUTURES", symbol=SYMBOL)["data"]
        print("open interest:", open_interest["list"][0]["openInterest"])

        funding = client.get_current_funding_rate(symbol=SYMBOL)["data"][0]
        print("funding rate:", funding["fundingRate"], "next update:", funding["nextUpdate"])

        # How far is the local clock from Bitget's? (changes nothing; see clock_and_recv_window.py)
        summary = client.fetch_latency_summary()
        print(f"round trip {summary['roundTripTime']} ms, clock difference {summary['timeDifference']} ms")

        try:
            client.get_tickers(category="spot", symbol=SYMBOL)
        except InvalidParameterError as exc:
            print("refused before sending:", exc)


if __name__ == "__main__":
    main()
