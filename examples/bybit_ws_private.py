"""Bybit V5 private streams: order, execution, position and wallet.

Private topic names go to ``WS_KEY_MAP.v5Private`` whatever the category; the client
authenticates first (and again, with a fresh signature, after every reconnect). Runs in demo
trading (``demo_trading=True``: the private stream is ``stream-demo.bybit.com``), with demo
keys: BYBIT_DEMO_API_KEY/_SECRET or the plain BYBIT_API_* variables.

The streams are quiet until something happens on the account: with BITSDK_PLACE_ORDERS=1 the
example places a linear limit buy far below the market over REST and cancels it, so that
``order`` (and ``wallet``) updates arrive. Stops after 20 seconds, or once the stream reports the cancel.

Run:
    python examples/bybit_ws_private.py                          # watch only
    BITSDK_PLACE_ORDERS=1 python examples/bybit_ws_private.py    # also place + cancel a demo order
    BITSDK_LOOPBACK=1 python examples/bybit_ws_private.py        # offline, loopback exchange
"""

import threading
import time
import uuid
from decimal import ROUND_DOWN, Decimal

from _env import PLACE_ORDERS, bybit_options, require_keys

from bitsdk.bybit import WS_KEY_MAP, RestClientV5, WebsocketClient

SYMBOL = "BTCUSDT"
MAX_SECONDS = 20


def main() -> None:
    options = require_keys(bybit_options(demo_trading=True))
    ws = WebsocketClient(**options)
    subscribed = threading.Event()
    cancelled = threading.Event()

    def on_update(event):
        topic = event.data["topic"]
        for item in event.data["data"]:
            if topic == "order":
                print(f"order     {item['orderLinkId'] or item['orderId']}: {item['side']} {item['qty']} -> {item['orderStatus']}")
                if item["orderStatus"] == "Cancelled":
                    cancelled.set()
            elif topic == "execution":
                print(f"execution {item['orderId']}: {item['execQty']} @ {item['execPrice']}")
            elif topic == "position":
                print(f"position  {item['symbol']}: {item['side']} {item['size']}")
            elif topic == "wallet":
                print(f"wallet    equity {item['totalEquity']}")

    def on_response(event):
        print("ack:", event.data.get("op"), event.data.get("success"))
        if event.data.get("op") == "subscribe":
            subscribed.set()

    ws.on("authenticated", lambda event: print("authenticated:", event.ws_key))
    ws.on("response", on_response)
    ws.on("update", on_update)
    ws.on("exception", lambda event: print("error:", event.error))

    try:
        ws.subscribe_v5(["order", "execution", "position", "wallet"], "linear")
        print("private topics:", ws.subscriptions(WS_KEY_MAP.v5Private))
        if not PLACE_ORDERS:
            print("watching for account activity (set BITSDK_PLACE_ORDERS=1 to place a test order)...")
            ws.wait(MAX_SECONDS)
            return
        if not subscribed.wait(10):
            print("no subscription ack within 10 s")
            return
        with RestClientV5(**options) as rest:
            spec = rest.get_instruments_info(category="linear", symbol=SYMBOL)["result"]["list"][0]
            last = Decimal(rest.get_tickers(category="linear", symbol=SYMBOL)["result"]["list"][0]["lastPrice"])
            price = (last * Decimal("0.9")).quantize(Decimal(spec["priceFilter"]["tickSize"]), ROUND_DOWN)
            link_id = f"bitsdk-{uuid.uuid4().hex[:16]}"
            rest.submit_order(category="linear", symbol=SYMBOL, side="Buy", orderType="Limit",
                              qty=spec["lotSizeFilter"]["minOrderQty"], price=str(price), orderLinkId=link_id)
            print("placed over REST:", link_id)
            time.sleep(0.5)
            rest.cancel_order(category="linear", symbol=SYMBOL, orderLinkId=link_id)
            print("cancelled over REST")
        cancelled.wait(5)  # until the stream reports the cancel
        time.sleep(0.2)  # and the wallet update that follows it
    finally:
        ws.close_all()


if __name__ == "__main__":
    main()
