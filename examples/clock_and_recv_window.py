"""Clocks: measure the offset to the exchange, apply it, and widen ``recv_window`` (Bybit).

Signed requests carry a timestamp that must be close to the exchange's clock: Bybit accepts
``server_time - recv_window <= timestamp < server_time + 1000`` (``recv_window`` defaults to
5000 ms), Bitget about 30 s either way. Keep the host clock synced (NTP) first. Then:

* ``fetch_latency_summary()`` measures round trip and clock difference (changes nothing);
* ``set_time_offset_ms(ms)`` adds an offset to every signed timestamp (REST and WebSocket
  clients each have their own);
* ``sync_time()`` measures and applies it; ``time_sync_interval=seconds`` (opt-in) re-syncs
  lazily before a signed request once the interval has passed (no timer thread);
* a timestamp outside the window raises ``TimestampError``.

Runs the private parts for each exchange with keys in the environment; read-only.

Run:
    python examples/clock_and_recv_window.py
    BITSDK_LOOPBACK=1 python examples/clock_and_recv_window.py    # offline, loopback exchange
"""

from _env import bitget_options, bybit_options, require_keys

from bitsdk.bitget import WS_KEY_MAP as BITGET_KEYS
from bitsdk.bitget import RestClientV3, WebsocketClientV3
from bitsdk.bybit import WS_KEY_MAP, RestClientV5, WebsocketClient
from bitsdk.errors import TimestampError


def bybit_example(options) -> None:
    with RestClientV5(**options, recv_window=10_000) as client:
        summary = client.fetch_latency_summary()
        print("bybit latency summary:", summary)
        client.set_time_offset_ms(summary["timeDifference"])
        print("bybit offset applied:", client.get_time_offset_ms(), "ms")

        client.set_time_offset_ms(-60_000)  # pretend the clock is a minute off
        try:
            client.get_wallet_balance(accountType="UNIFIED")
        except TimestampError as exc:
            print(f"bybit with a skewed clock: {exc.code}: {exc.message[:120]}...")
        print("bybit sync_time() ->", client.sync_time(), "ms")
        client.get_wallet_balance(accountType="UNIFIED")
        print("bybit signed request OK after sync")

    # Opt-in periodic sync: measured before the first signed request, then every 10 minutes.
    with RestClientV5(**options, time_sync_interval=600) as client:
        client.get_wallet_balance(accountType="UNIFIED")
        print("bybit time_sync_interval: offset", client.get_time_offset_ms(), "ms")

    # WebSocket clients keep their own offset and recv_window (used for auth and WS API commands).
    with WebsocketClient(**options, recv_window=10_000) as ws:
        ws.set_time_offset_ms(-500)
        ws.connect(WS_KEY_MAP.v5Private, timeout=10)
        print("bybit WebSocket authenticated with offset", ws.get_time_offset_ms(), "ms")


def bitget_example(options) -> None:
    with RestClientV3(**options) as client:
        summary = client.fetch_latency_summary()
        print("bitget latency summary:", summary)
        client.set_time_offset_ms(summary["timeDifference"])

        client.set_time_offset_ms(-120_000)  # two minutes off: outside Bitget's ~30 s window
        try:
            client.get_balances()
        except TimestampError as exc:
            print(f"bitget with a skewed clock: {exc.code}: {exc.message[:100]}...")
        print("bitget sync_time() ->", client.sync_time(), "ms")
        client.get_balances()
        print("bitget signed request OK after sync")

    with RestClientV3(**options, time_sync_interval=600) as client:
        client.get_balances()
        offset = client.get_time_offset_ms()
        print("bitget time_sync_interval: offset", offset, "ms")

    with WebsocketClientV3(**options) as ws:
        ws.set_time_offset_ms(offset)  # the login timestamp uses it
        ws.connect(BITGET_KEYS.v3Private, timeout=10)
        print("bitget WebSocket logged in with offset", ws.get_time_offset_ms(), "ms")


def main() -> None:
    bybit, bitget = bybit_options(), bitget_options()
    if not (bybit.get("api_key") or bitget.get("api_key")):
        require_keys({})
    if bybit.get("api_key"):
        bybit_example(bybit)
    if bitget.get("api_key"):
        bitget_example(bitget)


if __name__ == "__main__":
    main()
