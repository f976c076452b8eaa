"""Client order ids: choose them before sending, and look the order up when the answer is lost.

When an order command times out or its connection drops, bitsdk raises an error that says the
outcome is unknown (``OutcomeUnknownError`` on the WebSocket API; ``RequestTimeoutError`` /
``NetworkError`` on REST) and never resends it. The order may or may not exist. Resending would
risk a second order; instead look it up by the client id you chose *before* sending (Bybit
``orderLinkId``, Bitget ``clientOid``). An order in flight may show up a moment later, so look
a few times before concluding that it was never placed.

Bybit: WebSocket API on testnet (BYBIT_TESTNET_API_* or BYBIT_API_*). Bitget: REST in demo
trading (BITGET_DEMO_API_* or BITGET_API_*). In loopback mode the exchange is told to lose the
answers (it executes the order, then never replies, or replies too late).

Run:
    BITSDK_PLACE_ORDERS=1 python examples/client_order_ids.py
    BITSDK_LOOPBACK=1 python examples/client_order_ids.py    # offline, loopback exchange
"""

import time
import uuid
from decimal import ROUND_DOWN, ROUND_UP, Decimal

from _env import bitget_options, bybit_options, loopback_exchange, require_keys, require_order_opt_in

from bitsdk.bitget import RestClientV3
from bitsdk.bybit import RestClientV5, WebsocketAPIClient
from bitsdk.errors import APIError, NetworkError, OutcomeUnknownError

SYMBOL = "BTCUSDT"
ORDER_TIMEOUT = 2.0  # seconds we are willing to wait for an order's answer


def look_up(find, attempts=6, pause=0.5):
    """Call ``find()`` until it returns an order (or give up): it may still be in flight."""
    for attempt in range(attempts):
        order = find()
        if order is not None:
            return order
        if attempt + 1 < attempts:
            time.sleep(pause)
    return None


def bybit_example(options) -> None:
    with RestClientV5(**options) as rest, WebsocketAPIClient(**options) as api:
        spec = rest.get_instruments_info(category="linear", symbol=SYMBOL)["result"]["list"][0]
        last = Decimal(rest.get_tickers(category="linear", symbol=SYMBOL)["result"]["list"][0]["lastPrice"])
        price = (last * Decimal("0.9")).quantize(Decimal(spec["priceFilter"]["tickSize"]), ROUND_DOWN)
        link_id = f"cid-{uuid.uuid4().hex[:20]}"  # chosen before sending
        order = {"category": "linear", "symbol": SYMBOL, "side": "Buy", "orderType": "Limit",
                 "qty": spec["lotSizeFilter"]["minOrderQty"], "price": str(price), "orderLinkId": link_id}

        ex = loopback_exchange("bybit")
        if ex is not None:
            ex.faults.ws_api_reply("never")  # loopback only: execute the next command, never answer it

        try:
            ack = api.submit_new_order(order, timeout=ORDER_TIMEOUT)
            print("bybit: acknowledged:", ack["data"])
        except OutcomeUnknownError as exc:
            print(f"bybit: {type(exc).__name__}: {exc}")

            def find():
                found = rest.get_active_orders(category="linear", symbol=SYMBOL, orderLinkId=link_id)["result"]["list"]
                return found[0] if found else None

            found = look_up(find)
            if found is None:
                print(f"bybit: no order with orderLinkId {link_id}: it was never placed; safe to send again")
                return
            print(f"bybit: found it by orderLinkId: orderId {found['orderId']}, status {found['orderStatus']}")

        rest.cancel_order(category="linear", symbol=SYMBOL, orderLinkId=link_id)
        print("bybit: cancelled by orderLinkId")


def bitget_example(options) -> None:
    with RestClientV3(**options, timeout=ORDER_TIMEOUT) as rest:
        spec = rest.get_instruments(category="SPOT", symbol=SYMBOL)["data"][0]
        last = Decimal(rest.get_tickers(category="SPOT", symbol=SYMBOL)["data"][0]["lastPrice"])
        price = (last * Decimal("0.9")).quantize(Decimal(1).scaleb(-int(spec["pricePrecision"])), ROUND_DOWN)
        client_oid = f"cid-{uuid.uuid4().hex[:20]}"  # chosen before sending
        qty = (Decimal(10) / price).quantize(Decimal(1).scaleb(-int(spec["quantityPrecision"])), ROUND_UP)  # ~10 USDT
        order = {"category": "SPOT", "symbol": SYMBOL, "side": "buy", "orderType": "limit",
                 "qty": str(max(qty, Decimal(spec["minOrderQty"]))), "price": str(price), "timeInForce": "gtc",
                 "clientOid": client_oid}

        ex = loopback_exchange("bitget")
        if ex is not None:
            ex.faults.delay_replies(ORDER_TIMEOUT + 0.3, rest=True)  # loopback only: the next answer comes too late

        try:
            placed = rest.submit_new_order(order)["data"]
            print("bitget: placed:", placed)
        except NetworkError as exc:  # RequestTimeoutError is a NetworkError
            print(f"bitget: {type(exc).__name__}: {exc}")

            def find():
                try:
                    return rest.get_order_info(clientOid=client_oid)["data"]
                except APIError:  # "order does not exist" (yet)
                    return None

            found = look_up(find)
            if found is None:
                print(f"bitget: no order with clientOid {client_oid}: it was never placed; safe to send again")
                return
            print(f"bitget: found it by clientOid: orderId {found['orderId']}, status {found['orderStatus']}")

        rest.cancel_order(category="SPOT", symbol=SYMBOL, clientOid=client_oid)
        print("bitget: cancelled by clientOid")


def main() -> None:
    require_order_opt_in("place and cancel test orders (Bybit testnet, Bitget demo trading)")
    bybit, bitget = bybit_options(testnet=True), bitget_options(demo_trading=True)
    if not (bybit.get("api_key") or bitget.get("api_key")):
        require_keys({})
    if bybit.get("api_key"):
        bybit_example(bybit)
    if bitget.get("api_key"):
        bitget_example(bitget)


if __name__ == "__main__":
    main()
