"""Bitget V2 (Classic) streams with ``subscribe_topic(instType, topic, symbol)``.

``WebsocketClientV2.subscribe_topic("SPOT", "ticker", "BTCUSDT")`` picks the connection by
itself: public channels go to ``v2Public``, private ones (``account``, ``orders``,
``positions``...) to ``v2Private``, which logs in first. V2 ``instType`` is upper-case.
With keys in the environment (Classic account keys) it also subscribes the spot ``account``
channel. Stops after 15 updates or 15 seconds.

Run:
    python examples/bitget_v2_ws.py
    BITSDK_LOOPBACK=1 python examples/bitget_v2_ws.py    # offline, loopback exchange
"""

import threading

from _env import bitget_options

from bitsdk.bitget import WebsocketClientV2

MAX_UPDATES = 15
MAX_SECONDS = 15


def main() -> None:
    options = bitget_options()
    count = 0
    enough = threading.Event()

    def on_update(event):
        nonlocal count
        arg = event.data["arg"]
        first = event.data["data"][0] if event.data.get("data") else {}
        if arg["channel"] == "ticker":
            print(f"{arg['channel']:8} {arg['instId']}: last {first.get('lastPr')} bid {first.get('bidPr')} ask {first.get('askPr')}")
        elif arg["channel"] == "books5":
            print(f"{arg['channel']:8} {arg['instId']}: best bid {first['bids'][0]} best ask {first['asks'][0]}")
        elif arg["channel"].startswith("candle"):
            print(f"{arg['channel']:8} {arg['instId']}: [ts, open, high, low, close, ...] {first[:5]}")
        else:  # account
            print(f"{arg['channel']:8} {[(item.get('coin'), item.get('available')) for item in event.data['data']]}")
        count += 1
        if count >= MAX_UPDATES:
            enough.set()

    with WebsocketClientV2(**options) as ws:
        ws.on("open", lambda event: print("connected:", event.ws_key))
        ws.on("authenticated", lambda event: print("logged in:", event.ws_key))
        ws.on("response", lambda event: print("ack:", event.data))
        ws.on("update", on_update)
        ws.on("exception", lambda event: print("error:", event.error))

        ws.subscribe_topic("SPOT", "ticker", "BTCUSDT")
        ws.subscribe_topic("SPOT", "books5", "BTCUSDT")
        ws.subscribe_topic("USDT-FUTURES", "candle1m", "BTCUSDT")
        if options.get("api_key"):
            ws.subscribe_topic("SPOT", "account")  # coin "default": every coin

        enough.wait(MAX_SECONDS)
        ws.unsubscribe_topic("SPOT", "books5", "BTCUSDT")
        print("still subscribed on v2Public:", ws.subscriptions("v2Public"))


if __name__ == "__main__":
    main()
