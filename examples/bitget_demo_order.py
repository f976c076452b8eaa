"""Bitget demo trading over REST: place a limit order, look it up, cancel it.

``RestClientV3(demo_trading=True)`` sends ``paptrading: 1`` with every request and needs
demo-trading V3 keys (BITGET_DEMO_API_KEY/_SECRET/_PASS, or the plain BITGET_API_* variables).
The order gets a ``clientOid`` chosen *before* sending: if the answer is lost (timeout,
network error) you can look the order up by that id instead of placing it twice
(see client_order_ids.py). The buy is placed ~10% below the market so it rests on the book.

Run:
    BITSDK_PLACE_ORDERS=1 python examples/bitget_demo_order.py
    BITSDK_LOOPBACK=1 python examples/bitget_demo_order.py    # offline, loopback exchange
"""

import uuid
from decimal import ROUND_DOWN, ROUND_UP, Decimal

from _env import bitget_options, require_keys, require_order_opt_in

from bitsdk.bitget import RestClientV3
from bitsdk.errors import APIError

SYMBOL = "BTCUSDT"


def main() -> None:
    require_order_opt_in("place and cancel a demo-trading order")
    client = RestClientV3(**require_keys(bitget_options(demo_trading=True)))
    with client:
        spec = client.get_instruments(category="SPOT", symbol=SYMBOL)["data"][0]
        last = Decimal(client.get_tickers(category="SPOT", symbol=SYMBOL)["data"][0]["lastPrice"])
        price = (last * Decimal("0.9")).quantize(Decimal(1).scaleb(-int(spec["pricePrecision"])), ROUND_DOWN)
        qty = (Decimal(10) / price).quantize(Decimal(1).scaleb(-int(spec["quantityPrecision"])), ROUND_UP)
        qty = max(qty, Decimal(spec["minOrderQty"]))

        client_oid = f"demo-{uuid.uuid4().hex[:20]}"  # yours, known before the request goes out
        order = {
            "category": "SPOT",
            "symbol": SYMBOL,
            "side": "buy",
            "orderType": "limit",
            "qty": str(qty),
            "price": str(price),
            "timeInForce": "gtc",
            "clientOid": client_oid,
        }
        try:
            placed = client.submit_new_order(order)["data"]
        except APIError as exc:
            print(f"order rejected: {exc}")  # e.g. 40099 when live keys are used for demo trading
            return
        print(f"placed {order['side']} {order['qty']} {SYMBOL} @ {order['price']}: orderId {placed['orderId']}")

        info = client.get_order_info(clientOid=client_oid)["data"]
        print(f"looked up by clientOid: status {info['orderStatus']}, filled {info['cumExecQty']}")

        open_orders = client.get_unfilled_orders(category="SPOT", symbol=SYMBOL)["data"]["list"]
        print(f"{len(open_orders)} unfilled order(s) on {SYMBOL}")

        cancelled = client.cancel_order(category="SPOT", symbol=SYMBOL, clientOid=client_oid)["data"]
        print("cancelled:", cancelled)

        info = client.get_order_info(orderId=placed["orderId"])["data"]
        print("final status:", info["orderStatus"])


if __name__ == "__main__":
    main()
