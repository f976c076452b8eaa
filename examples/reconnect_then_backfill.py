"""After a reconnect, backfill over REST what the private streams may have missed.

A WebSocket stream says nothing about what happened while it was down. bitsdk reconnects by
itself (logs in again, resubscribes everything) and emits ``reconnected``; that is the moment
to reload balances, positions, open orders and recent fills over REST. The same code loads
the initial state at start. Read-only.

Runs for each exchange with keys in the environment (Bybit: BYBIT_API_*, Bitget V3:
BITGET_API_*) and waits up to 30 seconds for a reconnect. In loopback mode it forces one by
dropping every connection on the exchange's side (``ex.faults.drop_all()``).

Run:
    python examples/reconnect_then_backfill.py
    BITSDK_LOOPBACK=1 python examples/reconnect_then_backfill.py    # offline, loopback exchange
"""

import threading

from _env import bitget_options, bybit_options, loopback_exchange, require_keys

from bitsdk.bitget import WS_KEY_MAP as BITGET_KEYS
from bitsdk.bitget import RestClientV3, WebsocketClientV3
from bitsdk.bybit import RestClientV5, WebsocketClient

MAX_SECONDS = 30


def bybit_backfill(rest: RestClientV5) -> None:
    wallet = rest.get_wallet_balance(accountType="UNIFIED")["result"]["list"][0]
    positions = rest.get_position_info(category="linear", settleCoin="USDT")["result"]["list"]
    orders = rest.get_active_orders(category="linear", settleCoin="USDT")["result"]["list"]
    fills = rest.get_execution_list(category="linear", limit=50)["result"]["list"]
    print(f"  bybit: equity {wallet['totalEquity']}, {len(positions)} position(s), "
          f"{len(orders)} open order(s), {len(fills)} recent fill(s)")


def bitget_backfill(rest: RestClientV3) -> None:
    balances = rest.get_balances()["data"]
    positions = rest.get_current_position(category="USDT-FUTURES")["data"]["list"]
    orders = rest.get_unfilled_orders(category="SPOT")["data"]["list"]
    fills = rest.get_trade_fills(category="SPOT", limit="50")["data"]["list"]
    print(f"  bitget: equity {balances['usdtEquity']} USDT, {len(positions)} position(s), "
          f"{len(orders)} open order(s), {len(fills)} recent fill(s)")


def watch(name, rest, ws, subscribe, backfill, private_key) -> None:
    backfilled = threading.Event()

    def on_reconnected(event):
        # Runs on the client's dispatcher thread: its stream events wait (up to max_backlog)
        # until the backfill is done, so they apply on top of the fresh state. Keep it short;
        # for long work, hand it to a thread of your own.
        print(f"{name}: {event.ws_key} reconnected, backfilling over REST")
        backfill(rest)
        backfilled.set()

    ws.on("reconnect", lambda event: print(f"{name}: {event.ws_key} dropped ({event.data['reason']}); reconnecting"))
    ws.on("reconnected", on_reconnected)
    ws.on("update", lambda event: print(f"{name}: update on {event.ws_key}"))

    print(f"{name}: initial load")
    backfill(rest)
    subscribe(ws)
    ws.connect(private_key, timeout=10)

    ex = loopback_exchange(name)
    if ex is not None:
        dropped = ex.faults.drop_all()  # loopback only: the server resets every connection
        print(f"{name}: loopback dropped {dropped} connection(s)")
    if not backfilled.wait(MAX_SECONDS):
        print(f"{name}: no reconnect within {MAX_SECONDS} s")
    print(f"{name}: topics after reconnect: {ws.subscriptions(private_key)}")


def main() -> None:
    bybit, bitget = bybit_options(), bitget_options()
    if not (bybit.get("api_key") or bitget.get("api_key")):
        require_keys({})
    if bybit.get("api_key"):
        with RestClientV5(**bybit) as rest, WebsocketClient(**bybit) as ws:
            watch("bybit", rest, ws, lambda ws: ws.subscribe_v5(["order", "execution", "position", "wallet"], "linear"),
                  bybit_backfill, "v5Private")
    if bitget.get("api_key"):
        topics = [{"topic": topic, "payload": {"instType": "UTA"}} for topic in ("account", "order", "fill", "position")]
        with RestClientV3(**bitget) as rest, WebsocketClientV3(**bitget) as ws:
            watch("bitget", rest, ws, lambda ws: ws.subscribe(topics, BITGET_KEYS.v3Private), bitget_backfill,
                  BITGET_KEYS.v3Private)


if __name__ == "__main__":
    main()
