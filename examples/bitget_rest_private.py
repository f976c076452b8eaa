"""Bitget V3 (UTA) account data over REST: read-only, nothing is changed.

Shows: balances, account settings, the current position, unfilled orders, trade fills,
history orders and the info of one order. Needs V3 (Unified Trading Account) API keys:
BITGET_API_KEY, BITGET_API_SECRET, BITGET_API_PASS (the passphrase chosen with the key).

Run:
    python examples/bitget_rest_private.py
    BITSDK_LOOPBACK=1 python examples/bitget_rest_private.py    # offline, loopback exchange
"""

from _env import bitget_options, require_keys

from bitsdk.bitget import RestClientV3
from bitsdk.errors import APIError


def main() -> None:
    client = RestClientV3(**require_keys(bitget_options()))
    try:
        balances = client.get_balances()["data"]
        print("account equity (USDT):", balances["usdtEquity"])
        for asset in balances["assets"]:
            print(f"  {asset['coin']}: balance {asset['balance']}, available {asset['available']}")

        settings = client.get_account_settings()["data"]
        print("asset mode:", settings.get("assetMode"), "hold mode:", settings.get("holdMode"))

        positions = client.get_current_position(category="USDT-FUTURES")["data"]["list"]
        print(f"{len(positions)} open USDT-futures position(s)")
        for position in positions:
            print(f"  {position['symbol']} {position.get('posSide')} {position.get('total')} @ {position.get('avgPrice')}")

        unfilled = client.get_unfilled_orders(category="SPOT")["data"]["list"]
        print(f"{len(unfilled)} unfilled spot order(s)")

        fills = client.get_trade_fills(category="SPOT", limit="5")["data"]["list"]
        print(f"{len(fills)} recent spot fill(s)")
        for fill in fills:
            print(f"  {fill['symbol']} {fill.get('side')} {fill.get('execQty')} @ {fill.get('execPrice')}")

        history = client.get_history_orders(category="SPOT", limit="5")["data"]["list"]
        print(f"{len(history)} recent closed spot order(s)")
        if history:
            # Look one order up by its id (or by your own clientOid: see bitget_demo_order.py).
            info = client.get_order_info(orderId=history[0]["orderId"])["data"]
            print(f"  order {info['orderId']}: {info.get('side')} {info.get('qty')} {info['symbol']} -> {info.get('orderStatus')}")
    except APIError as exc:
        # For example 40084/40085: V3 endpoints need a Unified Trading Account.
        print(f"Bitget refused the request: {exc}")
    finally:
        client.close()


if __name__ == "__main__":
    main()
