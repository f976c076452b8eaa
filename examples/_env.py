"""Where the examples get their client options: your environment, or the loopback exchange.

Every example builds its clients like real user code::

    from _env import bybit_options
    client = RestClientV5(**bybit_options(testnet=True))

Normally ``bybit_options()`` / ``bitget_options()`` return your API keys from the environment
plus whatever you pass (``testnet=True``, ``demo_trading=True``...), so the client talks to the
real exchange:

    BITGET_API_KEY, BITGET_API_SECRET, BITGET_API_PASS   Bitget (V3/UTA keys)
    BYBIT_API_KEY, BYBIT_API_SECRET                      Bybit V5

Keys only work in the environment that issued them. When an example asks for demo trading or
testnet, the matching variables are used if set, else the plain ones:
``BITGET_DEMO_API_KEY`` / ``_SECRET`` / ``_PASS`` (Bitget demo trading), ``BYBIT_DEMO_API_KEY`` /
``_SECRET`` (Bybit demo trading), ``BYBIT_TESTNET_API_KEY`` / ``_SECRET`` (Bybit testnet).
The RSA examples read ``BITGET_RSA_API_KEY`` + ``BITGET_RSA_KEY_FILE`` (and the Bitget
passphrase) and ``BYBIT_RSA_API_KEY`` + ``BYBIT_RSA_KEY_FILE``: the key file holds your PEM
private key.

With ``BITSDK_LOOPBACK=1`` they return the options of an in-process loopback exchange
(:class:`bitsdk.testing.LoopbackExchange`) instead, started on first use and closed at exit:
every example then runs offline, with test keys, in a few seconds.

Examples that place orders on a real account also need ``BITSDK_PLACE_ORDERS=1``
(:func:`require_order_opt_in`); loopback mode counts as opted in.
"""

from __future__ import annotations

import atexit
import os
import sys
from typing import Any, Dict, Optional

LOOPBACK = os.environ.get("BITSDK_LOOPBACK", "").lower() in ("1", "true", "yes")
PLACE_ORDERS = LOOPBACK or os.environ.get("BITSDK_PLACE_ORDERS", "").lower() in ("1", "true", "yes")

_exchanges: Dict[str, Any] = {}


def loopback_exchange(exchange: str) -> Optional[Any]:
    """The running loopback exchange (``"bybit"`` or ``"bitget"``) in loopback mode, else None.

    Examples use it only to inject faults (``ex.faults.drop_all()``) where the real exchange
    would need a real network failure.
    """
    if not LOOPBACK:
        return None
    if exchange not in _exchanges:
        from bitsdk.testing import LoopbackExchange

        ex = LoopbackExchange(exchange, push_interval=0.05).start()
        atexit.register(ex.close)
        _exchanges[exchange] = ex
    return _exchanges[exchange]


def bitget_options(*, rsa: bool = False, **extra: Any) -> Dict[str, Any]:
    """Keyword arguments for any ``bitsdk.bitget`` client, plus ``extra``.

    Args:
        rsa: use the RSA key (``api_secret`` is then a PEM private key).
        **extra: client options such as ``demo_trading=True`` or ``logger=...``.
    """
    ex = loopback_exchange("bitget")
    if ex is not None:
        options = ex.client_options(rsa=rsa, demo=bool(extra.get("demo_trading")))
        return {**options, **extra}
    demo = "DEMO_" if extra.get("demo_trading") else ""
    if rsa:
        key, secret, passphrase = _env("BITGET_RSA_API_KEY"), _read_key("BITGET_RSA_KEY_FILE"), _env("BITGET_API_PASS")
    else:
        key = _env(f"BITGET_{demo}API_KEY") or _env("BITGET_API_KEY")
        secret = _env(f"BITGET_{demo}API_SECRET") or _env("BITGET_API_SECRET")
        passphrase = _env(f"BITGET_{demo}API_PASS") or _env("BITGET_API_PASS")
    keys = {"api_key": key, "api_secret": secret, "api_pass": passphrase}
    return {**{k: v for k, v in keys.items() if v}, **extra}


def bybit_options(*, rsa: bool = False, **extra: Any) -> Dict[str, Any]:
    """Keyword arguments for any ``bitsdk.bybit`` client, plus ``extra``.

    Args:
        rsa: use the RSA key (``api_secret`` is then a PEM private key).
        **extra: client options such as ``testnet=True``, ``demo_trading=True``,
            ``recv_window=...``.
    """
    ex = loopback_exchange("bybit")
    if ex is not None:
        options = ex.client_options(rsa=rsa, demo=bool(extra.get("demo_trading")))
        return {**options, **extra}
    env = "DEMO_" if extra.get("demo_trading") else "TESTNET_" if extra.get("testnet") else ""
    if rsa:
        key, secret = _env("BYBIT_RSA_API_KEY"), _read_key("BYBIT_RSA_KEY_FILE")
    else:
        key = _env(f"BYBIT_{env}API_KEY") or _env("BYBIT_API_KEY")
        secret = _env(f"BYBIT_{env}API_SECRET") or _env("BYBIT_API_SECRET")
    keys = {"api_key": key, "api_secret": secret}
    return {**{k: v for k, v in keys.items() if v}, **extra}


def require_keys(options: Dict[str, Any]) -> Dict[str, Any]:
    """Return ``options`` if they hold API keys; otherwise say which variables to set and exit."""
    if options.get("api_key") and options.get("api_secret"):
        return options
    print(
        "This example needs API keys: set BITGET_API_KEY/BITGET_API_SECRET/BITGET_API_PASS or "
        "BYBIT_API_KEY/BYBIT_API_SECRET (see examples/_env.py), or run it offline with BITSDK_LOOPBACK=1."
    )
    sys.exit(0)


def require_order_opt_in(what: str = "place orders") -> None:
    """Exit politely unless ``BITSDK_PLACE_ORDERS=1`` (or loopback mode) allows real orders."""
    if PLACE_ORDERS:
        return
    print(
        f"This example would {what} on your account. Set BITSDK_PLACE_ORDERS=1 to allow it "
        "(or run it offline with BITSDK_LOOPBACK=1)."
    )
    sys.exit(0)


def _env(name: str) -> Optional[str]:
    return os.environ.get(name) or None


def _read_key(variable: str) -> Optional[str]:
    path = _env(variable)
    if path is None:
        return None
    with open(path, encoding="ascii") as handle:
        return handle.read()
