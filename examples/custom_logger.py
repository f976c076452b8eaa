"""Logging: your own ``logging.Logger``, request tracing, and what never reaches a log line.

Every client takes ``logger=`` (a standard :class:`logging.Logger`); by default bitsdk logs to
``bitsdk.bybit``, ``bitsdk.bitget``, ``bitsdk.bybit.ws``... and adds no handler, so nothing is
printed unless your application configures logging. ``trace=True`` (or the environment
variables ``BYBITTRACE=true`` / ``BITGETTRACE=true``, as in the exchanges' own SDKs) logs every
REST request and response at DEBUG level, with the API key, signature and passphrase headers
replaced by ``<redacted>``; secrets never appear in log lines or exception messages.

Run:
    python examples/custom_logger.py
    BYBITTRACE=true python examples/custom_logger.py
    BITSDK_LOOPBACK=1 python examples/custom_logger.py    # offline, loopback exchange
"""

import logging
import os
import sys

from _env import bitget_options, bybit_options

from bitsdk.bitget import RestClientV3
from bitsdk.bybit import RestClientV5, WebsocketClient


class Capture(logging.Handler):
    """Keeps the formatted records, to check them for secrets afterwards."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


def main() -> None:
    logger = logging.getLogger("my_bot.exchange")
    logger.setLevel(logging.DEBUG)
    console = logging.StreamHandler(sys.stdout)
    console.setFormatter(logging.Formatter("%(asctime)s %(levelname)-5s %(name)s: %(message)s"))
    logger.addHandler(console)
    capture = Capture()
    logger.addHandler(capture)

    bybit = bybit_options()
    with RestClientV5(**bybit, logger=logger, trace=True) as client:
        client.fetch_server_time()
        if bybit.get("api_key"):
            client.get_wallet_balance(accountType="UNIFIED")  # signed: X-BAPI-SIGN is redacted

    # The WebSocket clients log connects, logins, reconnects and callback failures.
    with WebsocketClient(**bybit, logger=logger) as ws:
        ws.connect("v5LinearPublic", timeout=10)

    # BITGETTRACE=true switches tracing on for clients created afterwards (trace=None: the default).
    os.environ["BITGETTRACE"] = "true"
    bitget = bitget_options()
    with RestClientV3(**bitget, logger=logger) as client:
        client.fetch_server_time()
        if bitget.get("api_key"):
            client.get_balances()  # ACCESS-KEY, ACCESS-SIGN and ACCESS-PASSPHRASE are redacted

    secrets = [value for options in (bybit, bitget) for key, value in options.items()
               if key in ("api_key", "api_secret", "api_pass") and value]
    leaked = [line for line in capture.lines if any(secret in line for secret in secrets)]
    print(f"\n{len(capture.lines)} log lines, {sum('<redacted>' in line for line in capture.lines)} with redacted headers, "
          f"{len(leaked)} containing a key, secret or passphrase")


if __name__ == "__main__":
    main()
