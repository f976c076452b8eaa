"""Bybit V5 order entry over WebSocket (the WebSocket API), on testnet.

Shows ``WebsocketAPIClient``: ``connect_ws_api()`` to authenticate ahead of the first
command, ``get_ws_client()`` for events, ``submit_new_order`` / ``amend_order`` /
``cancel_order`` (each blocks for Bybit's acknowledgement; the acknowledgement is not a fill),
and ``batch_submit_orders`` (``batch_amend_order``, ``batch_cancel_order``) with per-item codes:
a batch succeeds as a whole even when items fail, so check ``batch_errors``. Bybit has no WebSocket API in demo trading, hence testnet
keys: BYBIT_TESTNET_API_KEY/_SECRET, or the plain BYBIT_API_* variables.

Run:
    BITSDK_PLACE_ORDERS=1 python examples/bybit_ws_api.py
    BITSDK_LOOPBACK=1 python examples/bybit_ws_api.py    # offline, loopback exchange
"""

import uuid
from decimal import ROUND_DOWN, Decimal

from _env import bybit_options, require_keys, require_order_opt_in

from bitsdk.bybit import RestClientV5, WebsocketAPIClient
from bitsdk.errors import APIError, OutcomeUnknownError

SYMBOL = "BTCUSDT"


def new_link_id() -> str:
    return f"wsapi-{uuid.uuid4().hex[:20]}"


def main() -> None:
    require_order_opt_in("place and cancel testnet orders")
    options = require_keys(bybit_options(testnet=True))

    # Price and size from REST: ~10% below the market, the minimum quantity.
    with RestClientV5(**options) as rest:
        spec = rest.get_instruments_info(category="linear", symbol=SYMBOL)["result"]["list"][0]
        last = Decimal(rest.get_tickers(category="linear", symbol=SYMBOL)["result"]["list"][0]["lastPrice"])
    tick = Decimal(spec["priceFilter"]["tickSize"])
    price = (last * Decimal("0.9")).quantize(tick, ROUND_DOWN)
    qty = spec["lotSizeFilter"]["minOrderQty"]

    with WebsocketAPIClient(**options) as api:
        ws = api.get_ws_client()
        ws.on("authenticated", lambda event: print("authenticated:", event.ws_key))
        # A rejected command raises to its caller; it is also reported as an "exception" event.
        api.connect_ws_api()  # optional: the first command would connect and authenticate too

        link_id = new_link_id()
        try:
            ack = api.submit_new_order(category="linear", symbol=SYMBOL, side="Buy", orderType="Limit",
                                       qty=qty, price=str(price), orderLinkId=link_id)
        except OutcomeUnknownError as exc:
            # Timeout or dropped connection: never resend blindly, look it up by orderLinkId.
            print(f"outcome unknown ({exc}); check orderLinkId {link_id} over REST")
            return
        print(f"placed: orderId {ack['data']['orderId']}, orderLinkId {ack['data']['orderLinkId']}")
        print("rate limit status from the reply header:", ack.get("header", {}).get("X-Bapi-Limit-Status"))

        ack = api.amend_order(category="linear", symbol=SYMBOL, orderLinkId=link_id, price=str(price - 10 * tick))
        print("amended:", ack["retMsg"])

        ack = api.cancel_order(category="linear", symbol=SYMBOL, orderLinkId=link_id)
        print("cancelled:", ack["data"]["orderId"])

        try:  # a rejected command raises APIError with Bybit's retCode
            api.cancel_order(category="linear", symbol=SYMBOL, orderLinkId=link_id)
        except APIError as exc:
            print(f"rejected as expected: code {exc.code}: {exc.message}")

        # A batch with a duplicate orderLinkId: the second item fails, the batch does not.
        duplicate = new_link_id()
        orders = [
            {"symbol": SYMBOL, "side": "Buy", "orderType": "Limit", "qty": qty, "price": str(price), "orderLinkId": duplicate},
            {"symbol": SYMBOL, "side": "Buy", "orderType": "Limit", "qty": qty, "price": str(price), "orderLinkId": duplicate},
        ]
        reply = api.batch_submit_orders("linear", orders)
        for item, info in zip(reply["data"]["list"], reply["retExtInfo"]["list"]):
            print(f"batch item {item.get('orderLinkId')}: code {info['code']} {info['msg']}")
        for failure in api.batch_errors(reply):
            print(f"  item {failure['index']} failed: code {failure['code']} ({failure['msg']})")

        placed = [{"symbol": SYMBOL, "orderId": item["orderId"]} for item in reply["data"]["list"] if item.get("orderId")]
        reply = api.batch_amend_order("linear", [dict(item, price=str(price - 20 * tick)) for item in placed])
        print(f"batch amend: {len(placed)} order(s), {len(api.batch_errors(reply))} failure(s)")
        reply = api.batch_cancel_order("linear", placed)
        print(f"batch cancel: {len(placed)} order(s), {len(api.batch_errors(reply))} failure(s)")


if __name__ == "__main__":
    main()
