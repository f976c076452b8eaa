"""Unsubscribe topics, inspect what a client owns, and shut everything down with ``close_all()``.

The client owns its subscriptions: ``subscriptions(ws_key)`` lists what it will replay after a
reconnect; ``unsubscribe_v5`` / ``unsubscribe`` remove topics from that set (and tell the
exchange). ``close_all()`` closes every connection, fails pending commands, emits ``close``
per connection and joins every thread it started; calling it twice is harmless, and the
closed client refuses further use. ``with`` blocks call it for you. No API keys needed.

Run:
    python examples/unsubscribe_and_close_all.py
    BITSDK_LOOPBACK=1 python examples/unsubscribe_and_close_all.py    # offline, loopback exchange
"""

import threading

from _env import bitget_options, bybit_options

from bitsdk.bitget import WS_KEY_MAP as BITGET_KEYS
from bitsdk.bitget import WebsocketClientV3
from bitsdk.bybit import WS_KEY_MAP, WebsocketClient
from bitsdk.errors import ClientClosedError


def bitsdk_threads():
    """bitsdk's threads: one reader per connection (bitsdk-<exchange>-<ws_key>) and one dispatcher per client."""
    names = (thread.name for thread in threading.enumerate())
    return sorted(name for name in names if name.startswith("bitsdk-") and not name.startswith("bitsdk-loopback-"))


def main() -> None:
    ws = WebsocketClient(**bybit_options())
    ws.on("close", lambda event: print("closed:", event.ws_key))
    ws.subscribe_v5(["tickers.BTCUSDT", "publicTrade.BTCUSDT", "orderbook.1.BTCUSDT"], "linear")
    ws.subscribe_v5(["tickers.ETHUSDT"], "spot")
    ws.connect(WS_KEY_MAP.v5LinearPublic, timeout=10)
    ws.connect(WS_KEY_MAP.v5SpotPublic, timeout=10)
    print("linear:", ws.subscriptions(WS_KEY_MAP.v5LinearPublic))
    print("threads while running:", bitsdk_threads())

    ws.unsubscribe_v5(["publicTrade.BTCUSDT", "orderbook.1.BTCUSDT"], "linear")
    print("linear after unsubscribe:", ws.subscriptions(WS_KEY_MAP.v5LinearPublic))

    ws.close(WS_KEY_MAP.v5SpotPublic)  # one connection; it forgets its topics
    print("spot after close(v5SpotPublic):", ws.subscriptions(WS_KEY_MAP.v5SpotPublic))

    ws.close_all()
    ws.close_all()  # idempotent
    print("threads after close_all():", bitsdk_threads())
    try:
        ws.subscribe_v5("tickers.BTCUSDT", "linear")
    except ClientClosedError as exc:
        print("a closed client refuses new work:", exc)

    # The same on Bitget V3, with a with-block doing the close_all().
    with WebsocketClientV3(**bitget_options()) as bitget:
        topics = [{"topic": "ticker", "payload": {"instType": "spot", "symbol": symbol}} for symbol in ("BTCUSDT", "ETHUSDT")]
        bitget.subscribe(topics, BITGET_KEYS.v3Public)
        bitget.connect(BITGET_KEYS.v3Public, timeout=10)
        bitget.unsubscribe(topics[1], BITGET_KEYS.v3Public)
        print("bitget v3Public:", bitget.subscriptions(BITGET_KEYS.v3Public))
    print("threads at the end:", bitsdk_threads())


if __name__ == "__main__":
    main()
