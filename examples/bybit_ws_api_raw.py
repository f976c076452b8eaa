"""Bybit WebSocket API commands from a plain ``WebsocketClient``: one future per command.

``ws.send_ws_api_request(WS_KEY_MAP.v5PrivateTrade, "order.create", {...})`` connects and
authenticates ``v5PrivateTrade`` if needed, registers the command, sends it and returns a
future at once; ``future.result()`` blocks for the acknowledgement (or raises ``APIError``,
``CommandTimeoutError``, ``ConnectionLostError``). A command is never resent by itself. The same
client can also carry streams. Testnet keys: BYBIT_TESTNET_API_KEY/_SECRET or BYBIT_API_*.

Run:
    BITSDK_PLACE_ORDERS=1 python examples/bybit_ws_api_raw.py
    BITSDK_LOOPBACK=1 python examples/bybit_ws_api_raw.py    # offline, loopback exchange
"""

import uuid
from decimal import ROUND_DOWN, Decimal

from _env import bybit_options, require_keys, require_order_opt_in

from bitsdk.bybit import WS_KEY_MAP, RestClientV5, WebsocketClient

SYMBOL = "BTCUSDT"


def main() -> None:
    require_order_opt_in("place and cancel a testnet order")
    options = require_keys(bybit_options(testnet=True))
    with RestClientV5(**options) as rest:
        spec = rest.get_instruments_info(category="linear", symbol=SYMBOL)["result"]["list"][0]
        last = Decimal(rest.get_tickers(category="linear", symbol=SYMBOL)["result"]["list"][0]["lastPrice"])
    price = (last * Decimal("0.9")).quantize(Decimal(spec["priceFilter"]["tickSize"]), ROUND_DOWN)

    with WebsocketClient(**options) as ws:
        ws.on("response", lambda event: print("response event (ws_api=%s): %s" % (event.ws_api, event.data.get("op"))))

        link_id = f"raw-{uuid.uuid4().hex[:20]}"
        future = ws.send_ws_api_request(
            WS_KEY_MAP.v5PrivateTrade,
            "order.create",
            {"category": "linear", "symbol": SYMBOL, "side": "Buy", "orderType": "Limit",
             "qty": spec["lotSizeFilter"]["minOrderQty"], "price": str(price), "orderLinkId": link_id},
        )
        print("sent:", future)
        ack = future.result(timeout=10)
        print(f"acknowledged: retCode {ack['retCode']}, orderId {ack['data']['orderId']}")

        future = ws.send_ws_api_request(
            WS_KEY_MAP.v5PrivateTrade, "order.cancel", {"category": "linear", "symbol": SYMBOL, "orderLinkId": link_id}
        )
        error = future.exception(timeout=10)  # None on success, the exception otherwise
        print("cancel:", "OK" if error is None else f"failed: {error}")


if __name__ == "__main__":
    main()
