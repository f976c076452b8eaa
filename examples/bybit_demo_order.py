"""Bybit demo trading over REST: top up demo funds, set leverage, pre-check, then place,
amend and cancel a limit order by its ``orderLinkId``; a batch of orders; cancel all.

``RestClientV5(demo_trading=True)`` talks to ``https://api-demo.bybit.com`` and needs
demo-trading keys (created in the Demo Trading section of your live account):
BYBIT_DEMO_API_KEY/_SECRET, or the plain BYBIT_API_* variables. The order gets an
``orderLinkId`` chosen *before* sending, so it can be found again whatever happens to the
answer (see client_order_ids.py). The buy rests ~10% below the market.

Run:
    BITSDK_PLACE_ORDERS=1 python examples/bybit_demo_order.py
    BITSDK_LOOPBACK=1 python examples/bybit_demo_order.py    # offline, loopback exchange
"""

import uuid
from decimal import ROUND_DOWN, Decimal

from _env import bybit_options, require_keys, require_order_opt_in

from bitsdk.bybit import RestClientV5
from bitsdk.errors import APIError

SYMBOL = "BTCUSDT"


def main() -> None:
    require_order_opt_in("place, amend and cancel a demo-trading order")
    client = RestClientV5(**require_keys(bybit_options(demo_trading=True)))
    with client:
        print("REST host:", client.base_url)
        try:
            client.request_demo_trading_funds(adjustType=0, utaDemoApplyMoney=[{"coin": "USDT", "amountStr": "1000"}])
            print("demo funds: +1000 USDT")
        except APIError as exc:
            print(f"demo funds not granted: {exc}")  # e.g. requested too often

        try:
            client.set_leverage(category="linear", symbol=SYMBOL, buyLeverage="5", sellLeverage="5")
            print("leverage set to 5x")
        except APIError as exc:
            print(f"leverage unchanged: {exc}")  # 110043 when it already is 5x

        spec = client.get_instruments_info(category="linear", symbol=SYMBOL)["result"]["list"][0]
        tick = Decimal(spec["priceFilter"]["tickSize"])
        qty = spec["lotSizeFilter"]["minOrderQty"]
        last = Decimal(client.get_tickers(category="linear", symbol=SYMBOL)["result"]["list"][0]["lastPrice"])
        price = (last * Decimal("0.9")).quantize(tick, ROUND_DOWN)

        link_id = f"demo-{uuid.uuid4().hex[:20]}"  # yours, known before the request goes out
        order = {"category": "linear", "symbol": SYMBOL, "side": "Buy", "orderType": "Limit",
                 "qty": qty, "price": str(price), "timeInForce": "GTC", "orderLinkId": link_id}

        try:
            check = client.pre_check_order(order)["result"]
            print("pre-check: initial margin rate before/after (basis points):", check.get("preImrE4"), check.get("postImrE4"))
        except APIError as exc:
            print(f"pre-check not available: {exc}")

        placed = client.submit_order(order)["result"]
        print(f"placed {qty} {SYMBOL} @ {price}: orderId {placed['orderId']}, orderLinkId {placed['orderLinkId']}")

        new_price = str(price - 10 * tick)
        client.amend_order(category="linear", symbol=SYMBOL, orderLinkId=link_id, price=new_price)
        found = client.get_active_orders(category="linear", symbol=SYMBOL, orderLinkId=link_id)["result"]["list"][0]
        print(f"amended: price {found['price']}, status {found['orderStatus']}")

        client.cancel_order(category="linear", symbol=SYMBOL, orderLinkId=link_id)
        history = client.get_historic_orders(category="linear", symbol=SYMBOL, orderLinkId=link_id)["result"]["list"]
        print("final status:", history[0]["orderStatus"] if history else "(not in history yet)")

        # Several orders in one request; each item has its own code in retExtInfo.list.
        batch = [{"symbol": SYMBOL, "side": "Buy", "orderType": "Limit", "qty": qty,
                  "price": str(price - step * tick), "orderLinkId": f"demo-{uuid.uuid4().hex[:20]}"}
                 for step in (20, 30)]
        reply = client.batch_submit_orders("linear", batch)
        for item, info in zip(reply["result"]["list"], reply["retExtInfo"]["list"]):
            print(f"batch item {item['orderLinkId']}: code {info['code']} {info['msg']}")

        cancelled = client.cancel_all_orders(category="linear", symbol=SYMBOL)["result"]["list"]
        print(f"cancel_all_orders: {len(cancelled)} order(s) cancelled")


if __name__ == "__main__":
    main()
