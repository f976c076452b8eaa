"""Verified local order books on both exchanges, printing the spread.

``order_book()`` subscribes a book topic and keeps a local book that is checked message by
message (Bybit ``u``; Bitget ``seq``/``pseq``, and the CRC-32 checksum on V2). When a check
fails, that topic alone is resubscribed for a fresh snapshot; meanwhile ``synced`` is False and
the book is empty. ``book`` events arrive after each applied message, ``resync`` events when a
book is refreshed. No API keys needed. Stops after 40 spreads or 15 seconds.

In loopback mode the exchange drops one book update on purpose, to show a resync.

Run:
    python examples/order_book_spread.py
    BITSDK_LOOPBACK=1 python examples/order_book_spread.py    # offline, loopback exchange
"""

import threading
from decimal import Decimal

from _env import bitget_options, bybit_options, loopback_exchange

from bitsdk.bitget import WebsocketClientV3
from bitsdk.bybit import WebsocketClient

MAX_SPREADS = 40
MAX_SECONDS = 15
PRINT_EVERY = 10  # book events between two printed spreads, per book


def main() -> None:
    bybit = WebsocketClient(**bybit_options())
    bitget = WebsocketClientV3(**bitget_options())
    printed = 0
    seen = {}
    lock = threading.Lock()
    enough = threading.Event()

    def on_book(event):
        nonlocal printed
        book = event.data  # the OrderBook, exactly as this message left it
        with lock:
            seen[book.topic] = seen.get(book.topic, 0) + 1
            if seen[book.topic] % PRINT_EVERY != 1:
                return
            printed += 1
            if printed >= MAX_SPREADS:
                enough.set()
        bid, ask = book.best_bid(), book.best_ask()
        if bid and ask:
            spread = Decimal(ask[0]) - Decimal(bid[0])
            print(f"{book.topic}: bid {bid[0]} x {bid[1]}  ask {ask[0]} x {ask[1]}  spread {spread}  (seq {book.seq})")

    def on_resync(event):
        print(f"resync #{event.data['resyncs']} of {event.data['topic']}: {event.data['reason']}")

    for client in (bybit, bitget):
        client.on("book", on_book)
        client.on("resync", on_resync)
        client.on("exception", lambda event: print("error:", event.error))

    try:
        books = [
            bybit.order_book("BTCUSDT", "linear", depth=50),
            bitget.order_book("BTCUSDT", "usdt-futures"),  # topic "books": snapshot, then updates
        ]
        for book in books:
            print(f"{book.topic}: synced={book.wait_synced(10)}")

        loopback = loopback_exchange("bybit")
        if loopback is not None:
            loopback.faults.drop_book_updates(symbol="BTCUSDT")  # the next update is lost: a gap

        enough.wait(MAX_SECONDS)
        for book in books:
            top = book.snapshot(3)  # both sides from the same instant, safe on this thread
            print(f"{book.topic}: synced={top.synced} resyncs={book.resyncs} messages={book.messages}")
            print(f"  bids {top.bids}")
            print(f"  asks {top.asks}")
    finally:
        bybit.close()
        bitget.close()


if __name__ == "__main__":
    main()
