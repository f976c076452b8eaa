"""Bitget V3 order entry over WebSocket (the WebSocket API), in demo trading.

Shows ``WebsocketAPIClient``: ``connect_ws_api()`` to log in ahead of the first command,
``get_ws_client()`` for events, ``submit_new_order`` / ``cancel_order`` (each blocks for the
acknowledgement), ``place_batch_orders`` / ``cancel_batch_orders`` with per-item codes (a batch
succeeds as a whole even when items fail: check ``batch_errors``), and the future form
``send_ws_api_request`` that returns at once. The WebSocket API category is lower-case
(``"spot"``). Needs demo-trading V3 keys (BITGET_DEMO_API_* or BITGET_API_*).

Run:
    BITSDK_PLACE_ORDERS=1 python examples/bitget_ws_api.py
    BITSDK_LOOPBACK=1 python examples/bitget_ws_api.py    # offline, loopback exchange
"""

import uuid
from decimal import ROUND_DOWN, ROUND_UP, Decimal

from _env import bitget_options, require_keys, require_order_opt_in

from bitsdk.bitget import RestClientV3, WebsocketAPIClient
from bitsdk.errors import APIError, OutcomeUnknownError

SYMBOL = "BTCUSDT"


def new_client_oid() -> str:
    return f"wsapi-{uuid.uuid4().hex[:20]}"


def main() -> None:
    require_order_opt_in("place and cancel demo-trading orders")
    options = require_keys(bitget_options(demo_trading=True))

    # Prices and sizes from REST: ~10% below the market, about 10 USDT each.
    with RestClientV3(**options) as rest:
        spec = rest.get_instruments(category="SPOT", symbol=SYMBOL)["data"][0]
        last = Decimal(rest.get_tickers(category="SPOT", symbol=SYMBOL)["data"][0]["lastPrice"])
    tick = Decimal(1).scaleb(-int(spec["pricePrecision"]))
    price = (last * Decimal("0.9")).quantize(tick, ROUND_DOWN)
    qty = max((Decimal(10) / price).quantize(Decimal(1).scaleb(-int(spec["quantityPrecision"])), ROUND_UP),
              Decimal(spec["minOrderQty"]))

    def order(offset: int = 0) -> dict:
        return {"symbol": SYMBOL, "side": "buy", "orderType": "limit", "qty": str(qty),
                "price": str(price - offset * tick), "timeInForce": "gtc", "clientOid": new_client_oid()}

    with WebsocketAPIClient(**options) as api:
        ws = api.get_ws_client()
        ws.on("authenticated", lambda event: print("logged in:", event.ws_key))
        # A rejected command raises to its caller; it is also reported as an "exception" event.
        api.connect_ws_api()  # optional: the first command would connect and log in too

        # 1. One order, blocking for the acknowledgement.
        first = order()
        try:
            ack = api.submit_new_order("spot", first)
        except OutcomeUnknownError as exc:
            # Timeout or dropped connection: never resend blindly, look it up by clientOid.
            print(f"outcome unknown ({exc}); check clientOid {first['clientOid']} over REST")
            return
        placed = ack["args"][0]
        print(f"placed: orderId {placed['orderId']} clientOid {placed['clientOid']}")

        ack = api.cancel_order("spot", {"orderId": placed["orderId"]})
        print("cancelled:", ack["args"][0])

        # 2. A rejected command raises APIError with Bitget's code (a string).
        try:
            api.cancel_order("spot", {"orderId": "1"})
        except APIError as exc:
            print(f"rejected as expected: code {exc.code}: {exc.message}")

        # 3. Batches: one reply, one code per item.
        batch = [order(1), order(2)]
        reply = api.place_batch_orders("spot", batch)
        for item in reply["args"]:
            print(f"batch place: {item.get('clientOid')} -> code {item.get('code')} {item.get('msg')}")
        placed_ids = [{"orderId": item["orderId"]} for item in reply["args"] if str(item.get("code")) == "0"]

        reply = api.cancel_batch_orders("spot", placed_ids + [{"orderId": "1"}])  # the last one does not exist
        for item in reply["args"]:
            print(f"batch cancel: {item.get('orderId')} -> code {item.get('code')} {item.get('msg')}")
        for failure in api.batch_errors(reply):
            print(f"  item {failure['index']} failed: code {failure['code']} ({failure['msg']})")

        # 4. The future form: send now, collect the acknowledgement later.
        future = api.send_ws_api_request("place-order", "spot", [order(3)])
        print("sent, pending:", future)
        placed = future.result(timeout=10)["args"][0]
        print("future resolved:", placed["orderId"])
        future = api.send_ws_api_request("cancel-order", "spot", [{"orderId": placed["orderId"]}])
        future.add_done_callback(lambda done: print("cancel done-callback:", done))
        future.result()


if __name__ == "__main__":
    main()
