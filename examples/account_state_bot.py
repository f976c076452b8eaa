"""A bot loop that only trades while its account state is known: bitsdk.AccountState.

The bot keeps one resting buy order far below the market (a client order id per generation).
It reads open orders from an ``AccountState`` instead of asking REST every time, and every
write goes through ``state.ready_for_writes()``: while the private stream is down, or the
REST backfill after a reconnect is not merged yet, the bot pauses instead of trading on a
state that may be wrong. An order that filled or was cancelled meanwhile is reported once
(``closed_orders`` in a ``state`` event), and the bot replaces it.

In loopback mode the example forces a disconnect and, while the private connection is down,
fills the bot's order on the exchange's side (``ex.fill_order``): after the reconnect the
state reports it, and the bot places the next one. With real keys it needs
BITSDK_PLACE_ORDERS=1 and cancels its order at the end.

Run:
    BITSDK_LOOPBACK=1 python examples/account_state_bot.py    # offline, loopback exchange
    BITSDK_PLACE_ORDERS=1 python examples/account_state_bot.py
"""

import threading
import time
from decimal import Decimal

from _env import bitget_options, bybit_options, loopback_exchange, require_keys, require_order_opt_in

from bitsdk import AccountState
from bitsdk.bitget import RestClientV3, WebsocketClientV3
from bitsdk.bybit import RestClientV5, WebsocketClient
from bitsdk.errors import StaleStateError

SYMBOL = "BTCUSDT"
ROUNDS = 12  # iterations of the bot loop
_print_lock = threading.Lock()  # the state's callbacks print from its worker thread


def say(text: str) -> None:
    with _print_lock:
        print(text)

PAUSE = 0.4  # seconds between iterations


class Bybit:
    name, key, categories, client_field = "bybit", "v5Private", ["linear"], "orderLinkId"

    def __init__(self, rest):
        self.rest = rest

    def bid_price(self):
        last = Decimal(self.rest.get_tickers(category="linear", symbol=SYMBOL)["result"]["list"][0]["lastPrice"])
        return str((last * Decimal("0.8")).quantize(Decimal(1)))

    def place(self, link):
        return self.rest.submit_order(category="linear", symbol=SYMBOL, side="Buy", orderType="Limit",
                                      qty="0.001", price=self.bid_price(), orderLinkId=link)["result"]["orderId"]

    def cancel(self, order_id):
        self.rest.cancel_order(category="linear", symbol=SYMBOL, orderId=order_id)


class Bitget:
    name, key, categories, client_field = "bitget", "v3Private", ["USDT-FUTURES"], "clientOid"

    def __init__(self, rest):
        self.rest = rest

    def bid_price(self):
        last = Decimal(self.rest.get_tickers(category="USDT-FUTURES", symbol=SYMBOL)["data"][0]["lastPrice"])
        return str((last * Decimal("0.8")).quantize(Decimal(1)))

    def place(self, link):
        return self.rest.submit_new_order(category="USDT-FUTURES", symbol=SYMBOL, side="buy", orderType="limit",
                                          qty="0.001", price=self.bid_price(), clientOid=link)["data"]["orderId"]

    def cancel(self, order_id):
        self.rest.cancel_order(orderId=order_id, symbol=SYMBOL)


def run_bot(venue, rest, ws) -> None:
    ex = loopback_exchange(venue.name)
    with AccountState(rest, ws, categories=venue.categories) as state:
        state.on("stale", lambda ev: say(f"{venue.name}: STALE ({ev.data['reason']}): writes paused"))
        state.on("ready", lambda ev: say(f"{venue.name}: ready: state backfilled over REST"))
        state.on("state", lambda ev: [say(f"{venue.name}: order {o['orderId']} closed: {o['orderStatus']}")
                                      for o in ev.data["closed_orders"]])
        if not state.wait_ready(15):
            say(f"{venue.name}: the account state did not load within 15 s")
            return
        generation = 0
        for round_no in range(ROUNDS):
            if ex is not None and round_no == 3:
                # Loopback only: hold the private stream down and fill our order meanwhile.
                ex.faults.refuse_connections(2)
                ex.faults.drop_all(ws_key=venue.key)
                mine = [oid for oid, o in state.orders.items() if o[venue.client_field].startswith("acct-bot-")]
                for order_id in mine:
                    ex.fill_order(order_id)
                say(f"{venue.name}: loopback dropped the private connection and filled {len(mine)} order(s)")
                # The drop reaches the state through the stream client's events: a moment later.
                deadline = time.monotonic() + 5
                while not state.stale and time.monotonic() < deadline:
                    time.sleep(0.01)
            try:
                with state.ready_for_writes(timeout=PAUSE):
                    mine = [o for o in state.orders.values() if o[venue.client_field].startswith("acct-bot-")]
                    if not mine:
                        generation += 1
                        order_id = venue.place(f"acct-bot-{int(time.time())}-{generation}")
                        say(f"{venue.name}: round {round_no}: placed bid {order_id}")
                    else:
                        say(f"{venue.name}: round {round_no}: bid {mine[0]['orderId']} is resting")
            except StaleStateError as exc:
                say(f"{venue.name}: round {round_no}: not trading: {exc}")
            time.sleep(PAUSE)
        cancelled = []
        with state.ready_for_writes(timeout=10):
            for order_id, order in state.orders.items():
                if order[venue.client_field].startswith("acct-bot-"):
                    venue.cancel(order_id)
                    cancelled.append(order_id)
                    say(f"{venue.name}: cancelled {order_id}")
        deadline = time.monotonic() + 5  # the stream reports the cancels a moment later
        while set(cancelled) & set(state.orders) and time.monotonic() < deadline:
            time.sleep(0.01)
        snapshot = state.snapshot()
        say(f"{venue.name}: done: {len(snapshot.orders)} open order(s), {len(snapshot.positions)} position(s), "
              f"{len(snapshot.fills)} recent fill(s)")


def main() -> None:
    bybit, bitget = bybit_options(), bitget_options()
    if not (bybit.get("api_key") or bitget.get("api_key")):
        require_keys({})
    require_order_opt_in("place and cancel a small limit order far below the market")
    if bybit.get("api_key"):
        with RestClientV5(**bybit) as rest, WebsocketClient(**bybit) as ws:
            run_bot(Bybit(rest), rest, ws)
    if bitget.get("api_key"):
        with RestClientV3(**bitget) as rest, WebsocketClientV3(**bitget) as ws:
            run_bot(Bitget(rest), rest, ws)


if __name__ == "__main__":
    main()
