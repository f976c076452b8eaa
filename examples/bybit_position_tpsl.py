"""Bybit demo trading: position mode, a small position with take-profit / stop-loss, closed again.

Shows ``switch_position_mode`` (one-way mode), a market order that opens the minimum position,
``set_trading_stop`` to attach a take-profit and a stop-loss to it, ``get_position_info`` to see
them, and a reduce-only market order that closes the position. Runs in demo trading
(``demo_trading=True``, demo keys: BYBIT_DEMO_API_KEY/_SECRET or the plain BYBIT_API_*).

Run:
    BITSDK_PLACE_ORDERS=1 python examples/bybit_position_tpsl.py
    BITSDK_LOOPBACK=1 python examples/bybit_position_tpsl.py    # offline, loopback exchange
"""

import uuid
from decimal import ROUND_DOWN, Decimal

from _env import bybit_options, require_keys, require_order_opt_in

from bitsdk.bybit import RestClientV5
from bitsdk.errors import APIError

SYMBOL = "BTCUSDT"


def main() -> None:
    require_order_opt_in("open and close a small demo-trading position")
    with RestClientV5(**require_keys(bybit_options(demo_trading=True))) as client:
        try:
            client.switch_position_mode(category="linear", symbol=SYMBOL, mode=0)  # 0: one-way, 3: hedge
            print("position mode: one-way")
        except APIError as exc:
            print(f"position mode unchanged: {exc}")  # 110025 when it already is one-way

        spec = client.get_instruments_info(category="linear", symbol=SYMBOL)["result"]["list"][0]
        tick = Decimal(spec["priceFilter"]["tickSize"])
        qty = spec["lotSizeFilter"]["minOrderQty"]

        opened = client.submit_order(category="linear", symbol=SYMBOL, side="Buy", orderType="Market", qty=qty,
                                     orderLinkId=f"open-{uuid.uuid4().hex[:20]}")["result"]
        print("opened with market order", opened["orderId"])

        position = client.get_position_info(category="linear", symbol=SYMBOL)["result"]["list"][0]
        entry = Decimal(position["avgPrice"])
        take_profit = (entry * Decimal("1.2")).quantize(tick, ROUND_DOWN)
        stop_loss = (entry * Decimal("0.8")).quantize(tick, ROUND_DOWN)
        client.set_trading_stop(category="linear", symbol=SYMBOL, positionIdx=0, tpslMode="Full",
                                takeProfit=str(take_profit), stopLoss=str(stop_loss))
        position = client.get_position_info(category="linear", symbol=SYMBOL)["result"]["list"][0]
        print(f"position {position['side']} {position['size']} @ {position['avgPrice']}: "
              f"take-profit {position.get('takeProfit')}, stop-loss {position.get('stopLoss')}")

        client.submit_order(category="linear", symbol=SYMBOL, side="Sell", orderType="Market", qty=position["size"],
                            reduceOnly=True, orderLinkId=f"close-{uuid.uuid4().hex[:20]}")
        position = client.get_position_info(category="linear", symbol=SYMBOL)["result"]["list"][0]
        print("after the reduce-only close, size:", position["size"])


if __name__ == "__main__":
    main()
