"""Dispatch throughput: bitsdk's WebsocketClient callback vs a bare websocket-client loop.

Not collected by pytest. Run: ``python tests/ws/bench_dispatch.py [N]``. A scripted local
server writes N pre-encoded ``publicTrade`` frames (about 220 bytes) straight to the socket;
each side counts from the first delivered message to the Nth. The target is bitsdk >= 0.85x
of the bare loop (``recv()`` + ``json.loads`` with ``skip_utf8_validation=True``).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

import websocket  # noqa: E402
from _fake import FakeExchange, encode_text_frame  # noqa: E402

from bitsdk.bybit._ws import WebsocketClient  # noqa: E402

MARK = 1672304486868
MESSAGE = json.dumps(
    {"topic": "publicTrade.BTCUSDT", "type": "snapshot", "ts": MARK, "data": [{"T": 1672304486865,
     "s": "BTCUSDT", "S": "Buy", "v": "0.001", "p": "16578.50", "L": "PlusTick",
     "i": "20f43950-d8dd-5b31-9112-a178eb6023af", "BT": False}]},
    separators=(",", ":"),
)


def bare(fx: FakeExchange, n: int, blob: bytes) -> float:
    fx.blast_frames = blob
    ws = websocket.create_connection(fx.url("v5LinearPublic"), skip_utf8_validation=True)
    ws.send(json.dumps({"op": "subscribe", "args": ["publicTrade.BTCUSDT"]}))
    count, t0 = 0, 0.0
    while count < n:
        msg = json.loads(ws.recv())
        if msg.get("ts") == MARK:
            if count == 0:
                t0 = time.perf_counter()
            count += 1
    elapsed = time.perf_counter() - t0
    ws.close()
    return (n - 1) / elapsed


def bitsdk(fx: FakeExchange, n: int, blob: bytes) -> float:
    fx.blast_frames = blob
    done = threading.Event()
    state = {"n": 0, "t0": 0.0, "t1": 0.0}

    def on_update(ev):
        if ev.data.get("ts") == MARK:
            if state["n"] == 0:
                state["t0"] = time.perf_counter()
            state["n"] += 1
            if state["n"] == n:
                state["t1"] = time.perf_counter()
                done.set()

    with WebsocketClient(ws_url=fx.url("v5LinearPublic")) as ws:
        ws.on("update", on_update)
        ws.subscribe_v5("publicTrade.BTCUSDT", "linear")
        if not done.wait(120):
            raise RuntimeError("timed out")
    return (n - 1) / (state["t1"] - state["t0"])


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
    blob = encode_text_frame(MESSAGE) * n
    results = {"bare": [], "bitsdk": []}
    with FakeExchange("bybit", push_interval=0.05) as fx:
        for _ in range(3):
            results["bare"].append(bare(fx, n, blob))
            results["bitsdk"].append(bitsdk(fx, n, blob))
    for name, values in results.items():
        print(f"{name:7s} msgs/s median {statistics.median(values):9.0f}  runs {[round(v) for v in values]}")
    print(f"ratio bitsdk/bare: {statistics.median(results['bitsdk']) / statistics.median(results['bare']):.2f}")


if __name__ == "__main__":
    main()
