"""WebSocket API: round trip of one ``order.create`` command, median and p99.

The loopback server (:mod:`bench.servers`, path ``/v5/trade``) accepts any ``auth`` and
answers each ``order.*`` command at once with the reply shape of spec/bybit.md §5.3, echoing
``reqId``. Contenders, all on the same server in the same run:

- the floor: websocket-client ``create_connection(..., skip_utf8_validation=True)``, then per
  command ``send`` + blocking ``recv`` + ``json.loads`` on the calling thread;
- bitsdk ``WebsocketAPIClient.submit_new_order``: the connection has its own thread, which
  keeps reading (heartbeats, drops, other messages); while it is idle, the caller blocked on
  the command's future reads the reply itself ("caller reads", :mod:`bitsdk._ws.reader`), so
  the reply wakes one thread, as in the floor;
- pybit ``WebSocketTrading.place_order`` with a callback that sets a ``threading.Event``
  (``TRADE_WSS`` patched; a reference, no target).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from typing import Any, Callable, Dict, List, Tuple

from .core import DROPPED, Config, Contender, Row, Skip, Target, case_rows, measure, missing_modules, percentile, samples_us, skipped_row
from .servers import ServerProcess

__all__ = ["run"]

SECTION = "WS API"
UNIT = "µs/cmd ↓"
TARGETS = (Target("bitsdk", "floor", "<=", 1.15),)
PATH = "/v5/trade"
KEY, SECRET = "benchKey0123456789", "benchSecret0123456789abcdef"
ORDER = {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit", "qty": "0.001", "price": "10000"}
REPLY_TIMEOUT = 5.0
WARMUP = 1
LOST_AFTER = 0.5  # a loopback reply takes well under 1 ms; one not there after this never comes

Call = Callable[[], Any]


def _floor(url: str) -> Tuple[Call, Call]:
    from websocket import create_connection

    ws = create_connection(url, skip_utf8_validation=True, timeout=REPLY_TIMEOUT)
    ws.send(json.dumps({"op": "auth", "args": [KEY, int(time.time() * 1000) + 5000, "0" * 64]}))
    ws.recv()
    ids = itertools.count(1)

    def call() -> Dict[str, Any]:
        req_id = str(next(ids))
        ws.send(json.dumps({
            "reqId": req_id,
            "header": {"X-BAPI-TIMESTAMP": str(time.time_ns() // 1_000_000), "X-BAPI-RECV-WINDOW": "5000"},
            "op": "order.create",
            "args": [ORDER],
        }))
        reply = json.loads(ws.recv())
        if reply.get("reqId") != req_id:
            raise RuntimeError("reply does not match the request")
        return reply

    return call, ws.close


def _bitsdk(url: str) -> Tuple[Call, Call]:
    from bitsdk.bybit import WebsocketAPIClient

    api = WebsocketAPIClient(api_key=KEY, api_secret=SECRET, ws_url={"v5PrivateTrade": url})
    api.connect_ws_api(timeout=10)
    return (lambda: api.submit_new_order(**ORDER)), api.close


#: label -> replies whose callback never ran (pybit stores the callback only after sending,
#: so a reply that beats the registration is dropped as "unregistered reqId").
LOST: Dict[str, int] = {}
PYBIT_LABEL = "pybit WebSocketTrading.place_order"


def _pybit(url: str) -> Tuple[Call, Call]:
    import pybit._websocket_trading as trading
    from pybit.unified_trading import WebSocketTrading

    trading.TRADE_WSS = url
    ws = WebSocketTrading(testnet=False, api_key=KEY, api_secret=SECRET)
    LOST[PYBIT_LABEL] = 0

    def call() -> Any:
        done = threading.Event()
        ws.place_order(callback=lambda message: done.set(), **ORDER)
        if done.wait(LOST_AFTER):
            return None
        LOST[PYBIT_LABEL] += 1
        return DROPPED

    return call, ws.exit


def _contender(family: str, label: str, make: Callable[[str], Tuple[Call, Call]], module: str, url: str, calls: int) -> Contender:
    def setup() -> Tuple[Callable[[], List[float]], Call]:
        reason = missing_modules(module)
        if reason:
            raise Skip(reason)
        call, close = make(url)
        return (lambda: samples_us(call, calls)), close

    return Contender(family, label, setup)


def _lost(label: str, total: int) -> str:
    lost = LOST.get(label, 0)
    return f"; {lost} of {total} replies never reached the callback (registered after send)" if lost else ""


def run(config: Config) -> List[Row]:
    """Round trips of one command per contender; median and p99 over every call."""
    reason = missing_modules("websockets", "websocket")
    if reason:
        return [skipped_row(SECTION, reason)]
    calls = config.pick(200, 50)
    rounds = config.pick(15, 3)
    server = ServerProcess("ws")
    try:
        server.start()
    except RuntimeError as exc:
        return [skipped_row(SECTION, str(exc))]
    with server:
        url = server.ws_url(PATH)
        contenders = config.select([
            _contender("floor", "websocket-client send+recv, same thread", _floor, "websocket", url, calls),
            _contender("bitsdk", "bitsdk WebsocketAPIClient.submit_new_order", _bitsdk, "bitsdk.bybit._ws", url, calls),
            _contender("pybit", PYBIT_LABEL, _pybit, "pybit.unified_trading", url, calls),
        ])
        results = measure(contenders, rounds=rounds, warmup=WARMUP)
    return case_rows(
        SECTION, f"Bybit order.create round trip, n={calls * rounds}", contenders, results, UNIT, TARGETS,
        summarize=lambda samples: {"p99": percentile(samples, 99)},
        note=lambda contender, samples: f"p99 {percentile(samples, 99):,.0f} µs" + _lost(contender.label, calls * (rounds + WARMUP)),
    )
