"""Run a loopback exchange until Ctrl-C: ``python -m bitsdk.testing --exchange bybit``."""

from __future__ import annotations

import argparse
import dataclasses
import json
import threading
from typing import List, Optional

from ._exchange import LoopbackExchange


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bitsdk.testing", description=__doc__)
    parser.add_argument("--exchange", choices=("bybit", "bitget"), default="bybit")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--push-interval", type=float, default=0.2, help="seconds between public pushes")
    parser.add_argument("--symbols", default="", help="comma-separated symbols, e.g. BTCUSDT,ETHUSDT")
    args = parser.parse_args(argv)
    symbols = [s for s in args.symbols.split(",") if s] or None
    with LoopbackExchange(args.exchange, push_interval=args.push_interval, symbols=symbols, host=args.host) as ex:
        info = {
            "exchange": ex.exchange,
            "rest_url": ex.rest_url,
            "demo_rest_url": ex.demo_rest_url,
            "ws_urls": ex.ws_urls,
            "demo_ws_urls": ex.demo_ws_urls,
            "credentials": dataclasses.asdict(ex.credentials),
            "demo_credentials": dataclasses.asdict(ex.demo_credentials),
            "client_options": ex.client_options(),
        }
        print(json.dumps(info, indent=2), flush=True)
        print("Serving; press Ctrl-C to stop.", flush=True)
        stop = threading.Event()
        try:
            while not stop.wait(1.0):  # short waits keep Ctrl-C responsive on every platform
                pass
        except KeyboardInterrupt:
            print("Stopping.", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
