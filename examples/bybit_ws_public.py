"""Bybit V5 public streams: order book, trades, tickers and klines.

``subscribe_v5(topics, category)`` sends each topic to the connection of its category
(``WS_KEY_MAP.v5LinearPublic``, ``v5SpotPublic``...), opening it on first use; the client
owns the subscriptions and replays them after a reconnect. ``is_ws_orderbook_event_v5`` tells
order-book snapshots and deltas apart from other updates. No API keys needed. Stops after
25 updates or 15 seconds.

Run:
    python examples/bybit_ws_public.py
    BITSDK_LOOPBACK=1 python examples/bybit_ws_public.py    # offline, loopback exchange
"""

import threading

from _env import bybit_options

from bitsdk.bybit import WS_KEY_MAP, WebsocketClient, is_ws_orderbook_event_v5
from bitsdk.errors import InvalidParameterError

MAX_UPDATES = 25
MAX_SECONDS = 15


def main() -> None:
    ws = WebsocketClient(**bybit_options())
    count = 0
    enough = threading.Event()

    def on_update(event):
        nonlocal count
        message = event.data
        if is_ws_orderbook_event_v5(event):
            book = message["data"]
            print(f"{message['topic']} {message['type']}: {len(book['b'])} bids, {len(book['a'])} asks (u={book['u']})")
        elif message["topic"].startswith("tickers."):
            print(f"{message['topic']}: last {message['data'].get('lastPrice')}")
        elif message["topic"].startswith("publicTrade."):
            for trade in message["data"]:
                print(f"{message['topic']}: {trade['S']} {trade['v']} @ {trade['p']}")
        else:  # kline.1.BTCUSDT
            candle = message["data"][0]
            print(f"{message['topic']}: open {candle['open']} close {candle['close']} confirmed {candle['confirm']}")
        count += 1
        if count >= MAX_UPDATES:
            enough.set()

    ws.on("open", lambda event: print("connected:", event.ws_key))
    ws.on("response", lambda event: print("ack:", event.ws_key, event.data.get("op"), event.data.get("success")))
    ws.on("update", on_update)
    ws.on("exception", lambda event: print("error:", event.error))

    try:
        ws.subscribe_v5(["orderbook.50.BTCUSDT", "publicTrade.BTCUSDT", "kline.1.BTCUSDT"], "linear")
        ws.subscribe_v5("tickers.ETHUSDT", "spot")
        try:
            ws.subscribe_v5("orderbook.25.BTCUSDT", "linear")
        except InvalidParameterError as exc:
            print("refused before sending:", exc)

        enough.wait(MAX_SECONDS)
        print("linear topics:", ws.subscriptions(WS_KEY_MAP.v5LinearPublic))
        print("spot topics:", ws.subscriptions(WS_KEY_MAP.v5SpotPublic))
    finally:
        ws.close_all()


if __name__ == "__main__":
    main()
