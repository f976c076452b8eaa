"""Bitget V3 private streams: account, order, fill and position (``instType: "UTA"``).

Shows ``WS_KEY_MAP.v3Private``: the client logs in by itself (and again, with a fresh
signature, after every reconnect) and then subscribes. Runs in demo trading
(``demo_trading=True``, demo-trading V3 keys: BITGET_DEMO_API_KEY/_SECRET/_PASS or the plain
BITGET_API_* variables).

The streams are quiet until something happens on the account: with BITSDK_PLACE_ORDERS=1 the
example places a spot limit buy far below the market over REST and cancels it, so that
``order`` (and ``account``) updates arrive. Stops after 20 seconds, or once the stream
reports the cancel.

Run:
    python examples/bitget_ws_private.py                          # watch only
    BITSDK_PLACE_ORDERS=1 python examples/bitget_ws_private.py    # also place + cancel a demo order
    BITSDK_LOOPBACK=1 python examples/bitget_ws_private.py        # offline, loopback exchange
"""

import threading
import time
import uuid
from decimal import ROUND_DOWN, ROUND_UP, Decimal

from _env import PLACE_ORDERS, bitget_options, require_keys

from bitsdk.bitget import WS_KEY_MAP, RestClientV3, WebsocketClientV3

SYMBOL = "BTCUSDT"
MAX_SECONDS = 20


def passive_buy(client: RestClientV3, symbol: str) -> dict:
    """A spot limit buy ~10% below the last price, worth about 10 USDT."""
    spec = client.get_instruments(category="SPOT", symbol=symbol)["data"][0]
    last = Decimal(client.get_tickers(category="SPOT", symbol=symbol)["data"][0]["lastPrice"])
    price = (last * Decimal("0.9")).quantize(Decimal(1).scaleb(-int(spec["pricePrecision"])), ROUND_DOWN)
    qty = (Decimal(10) / price).quantize(Decimal(1).scaleb(-int(spec["quantityPrecision"])), ROUND_UP)
    qty = max(qty, Decimal(spec["minOrderQty"]))
    return {"category": "SPOT", "symbol": symbol, "side": "buy", "orderType": "limit",
            "qty": str(qty), "price": str(price), "timeInForce": "gtc"}


def main() -> None:
    options = require_keys(bitget_options(demo_trading=True))
    ws = WebsocketClientV3(**options)
    subscribed = threading.Event()
    cancelled = threading.Event()

    def on_update(event):
        topic = event.data["arg"]["topic"]
        for item in event.data.get("data", []):
            if topic == "order":
                print(f"order    {item.get('orderId')} {item.get('side')} {item.get('qty')} -> {item.get('orderStatus')}")
                if item.get("orderStatus") == "cancelled":
                    cancelled.set()
            elif topic == "fill":
                print(f"fill     {item.get('orderId')} {item.get('execQty')} @ {item.get('execPrice')}")
            elif topic == "position":
                print(f"position {item.get('symbol')} {item.get('posSide')} {item.get('total')}")
            elif topic == "account":
                print(f"account  equity {item.get('totalEquity')} USDT")

    def on_response(event):
        print("ack:", event.data)
        if event.data.get("arg", {}).get("topic") == "order":
            subscribed.set()

    ws.on("authenticated", lambda event: print("logged in:", event.ws_key))
    ws.on("response", on_response)
    ws.on("update", on_update)
    ws.on("exception", lambda event: print("error:", event.error))

    try:
        ws.subscribe(
            [
                {"topic": "account", "payload": {"instType": "UTA"}},
                {"topic": "order", "payload": {"instType": "UTA"}},
                {"topic": "fill", "payload": {"instType": "UTA"}},
                {"topic": "position", "payload": {"instType": "UTA"}},
            ],
            WS_KEY_MAP.v3Private,
        )
        if not PLACE_ORDERS:
            print("watching for account activity (set BITSDK_PLACE_ORDERS=1 to place a test order)...")
            ws.wait(MAX_SECONDS)
            return
        if not subscribed.wait(10):
            print("no subscription ack within 10 s")
            return
        with RestClientV3(**options) as rest:
            order = passive_buy(rest, SYMBOL)
            order["clientOid"] = f"bitsdk-{uuid.uuid4().hex[:16]}"
            placed = rest.submit_new_order(order)["data"]
            print(f"placed over REST: {placed}")
            time.sleep(0.5)
            rest.cancel_order(category="SPOT", symbol=SYMBOL, orderId=placed["orderId"])
            print("cancelled over REST")
        cancelled.wait(5)  # until the stream reports the cancel
        time.sleep(0.2)  # and the account update that follows it
    finally:
        ws.close_all()


if __name__ == "__main__":
    main()
