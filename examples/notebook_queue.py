"""Notebook style: read stream events from a ``queue.Queue`` instead of callbacks.

Pass ``event_queue=q`` and every event (``open``, ``response``, ``update``, ``reconnect``...)
is also put on ``q``; read it when you like, from the notebook's own thread. One queue can
serve several clients: each event names its ``kind`` and ``ws_key``. The cells below (``# %%``)
run one after the other in Jupyter/VS Code, or as a plain script. No API keys needed.

Run:
    python examples/notebook_queue.py
    BITSDK_LOOPBACK=1 python examples/notebook_queue.py    # offline, loopback exchange
"""

# %% Create the clients and the queue: nothing connects yet.
import queue
import time

from _env import bitget_options, bybit_options

from bitsdk.bitget import WS_KEY_MAP as BITGET_KEYS
from bitsdk.bitget import WebsocketClientV3
from bitsdk.bybit import WebsocketClient

events: "queue.Queue" = queue.Queue()
bybit = WebsocketClient(**bybit_options(), event_queue=events)
bitget = WebsocketClientV3(**bitget_options(), event_queue=events)

# %% Subscribe: the first subscribe of a ws_key opens its connection in the background.
bybit.subscribe_v5(["tickers.BTCUSDT", "publicTrade.BTCUSDT"], "linear")
bitget.subscribe({"topic": "ticker", "payload": {"instType": "spot", "symbol": "BTCUSDT"}}, BITGET_KEYS.v3Public)

# %% Read a few events (a cell can be re-run to read more).
deadline = time.monotonic() + 10
updates = 0
while updates < 12 and time.monotonic() < deadline:
    try:
        event = events.get(timeout=1)
    except queue.Empty:
        continue
    if event.kind == "update":
        updates += 1
        message = event.data
        topic = message.get("topic") or message["arg"]["topic"]
        print(f"{event.ws_key:15} update   {topic}")
    else:
        print(f"{event.ws_key:15} {event.kind:8} {event.error or ''}")

# %% Drain what is left, as a list (handy for a DataFrame).
backlog = []
while not events.empty():
    backlog.append(events.get_nowait())
print(f"{len(backlog)} more event(s) queued:", sorted({(e.ws_key, e.kind) for e in backlog}))

# %% Close both clients when done (a "close" event per connection is queued too).
bybit.close_all()
bitget.close_all()
closed = []
while not events.empty():
    event = events.get_nowait()
    if event.kind == "close":
        closed.append(event.ws_key)
print("closed:", closed)
