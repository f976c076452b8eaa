"""Bitget V3 public streams: ticker, order book, public trades and candles.

Shows ``WebsocketClientV3``, ``WS_KEY_MAP.v3Public`` and the ``{"topic", "payload"}`` form of
a subscription. On V3 public streams ``instType`` is lower-case (``"spot"``,
``"usdt-futures"``...); the upper-case spelling of V3 REST is refused before sending.
No API keys needed. Stops by itself after 20 updates or 15 seconds.

Run:
    python examples/bitget_ws_public.py
    BITSDK_LOOPBACK=1 python examples/bitget_ws_public.py    # offline, loopback exchange
"""

import threading

from _env import bitget_options

from bitsdk.bitget import WS_KEY_MAP, WebsocketClientV3
from bitsdk.errors import InvalidParameterError

MAX_UPDATES = 20
MAX_SECONDS = 15


def main() -> None:
    ws = WebsocketClientV3(**bitget_options())
    updates = []
    enough = threading.Event()

    def on_update(event):
        arg = event.data["arg"]
        data = event.data["data"][0] if event.data.get("data") else {}
        if arg["topic"] == "ticker":
            print(f"ticker      {arg['symbol']}: last {data.get('lastPrice')}")
        elif arg["topic"] == "books":
            action = event.data.get("action")  # "snapshot" first, then "update"
            print(f"books       {arg['symbol']}: {action}, {len(data.get('b', []))} bids, {len(data.get('a', []))} asks")
        elif arg["topic"] == "publicTrade":
            print(f"publicTrade {arg['symbol']}: {len(event.data['data'])} trade(s)")
        elif arg["topic"] == "kline":
            print(f"kline       {arg['symbol']} {arg.get('interval')}: {data}")
        updates.append(event)
        if len(updates) >= MAX_UPDATES:
            enough.set()

    ws.on("open", lambda event: print("connected:", event.ws_key))
    ws.on("response", lambda event: print("ack:", event.data))
    ws.on("update", on_update)
    ws.on("exception", lambda event: print("error:", event.error))

    try:
        ws.subscribe(
            [
                {"topic": "ticker", "payload": {"instType": "spot", "symbol": "BTCUSDT"}},
                {"topic": "books", "payload": {"instType": "spot", "symbol": "BTCUSDT"}},
                {"topic": "publicTrade", "payload": {"instType": "usdt-futures", "symbol": "BTCUSDT"}},
                {"topic": "kline", "payload": {"instType": "usdt-futures", "symbol": "BTCUSDT", "interval": "1m"}},
            ],
            WS_KEY_MAP.v3Public,
        )
        try:
            ws.subscribe({"topic": "ticker", "payload": {"instType": "SPOT", "symbol": "ETHUSDT"}}, WS_KEY_MAP.v3Public)
        except InvalidParameterError as exc:
            print("refused before sending:", exc)

        enough.wait(MAX_SECONDS)
        print(f"received {len(updates)} updates; subscriptions: {ws.subscriptions(WS_KEY_MAP.v3Public)}")
    finally:
        ws.close_all()


if __name__ == "__main__":
    main()
