"""Bybit rate limits: read them from each answer, and back off on ``RateLimitError``.

With ``parse_api_rate_limits=True`` every answer carries Bybit's per-UID, per-endpoint limit
headers as ``response.rate_limit`` (a ``RateLimit`` with ``max_requests``,
``remaining_requests`` and ``reset_at_ms``; ``None`` when the answer has no such headers, as
public endpoints usually do). The response is still a plain dict.

When a limit is hit (retCode 10006, HTTP 429, or an IP ban with HTTP 403) bitsdk raises
``RateLimitError`` with ``reset_at_ms`` when Bybit said when the window resets. Reads can be
retried after that; bitsdk itself never retries an order. In loopback mode the example makes
the exchange answer one request with HTTP 429 to show the back-off.

Run:
    python examples/bybit_rate_limits.py
    BITSDK_LOOPBACK=1 python examples/bybit_rate_limits.py    # offline, loopback exchange
"""

import time

from _env import bybit_options, loopback_exchange, require_keys

from bitsdk.bybit import RestClientV5
from bitsdk.errors import RateLimitError


def with_backoff(call, *args, attempts=3, **params):
    """Call a *read* endpoint; on RateLimitError wait for the reset (or 1 s) and try again."""
    for attempt in range(1, attempts + 1):
        try:
            return call(*args, **params)
        except RateLimitError as exc:
            if attempt == attempts:
                raise
            wait = max(0.0, exc.reset_at_ms / 1000 - time.time()) if exc.reset_at_ms else 1.0
            print(f"rate limited (code {exc.code}, HTTP {exc.http_status}); retrying in {wait:.2f} s")
            time.sleep(min(wait, 10.0))
    raise AssertionError("unreachable")


def main() -> None:
    client = RestClientV5(**require_keys(bybit_options(parse_api_rate_limits=True)))
    with client:
        for _ in range(3):
            response = client.get_wallet_balance(accountType="UNIFIED")
            limit = response.rate_limit
            if limit is None:
                print("no rate-limit headers on this answer")
            else:
                print(f"wallet-balance: {limit.remaining_requests}/{limit.max_requests} left, window resets at {limit.reset_at_ms}")

        ex = loopback_exchange("bybit")
        if ex is not None:
            ex.faults.rest_errors(1, "429")  # loopback only: the next request is answered with HTTP 429

        response = with_backoff(client.get_position_info, category="linear", settleCoin="USDT")
        print(f"positions after back-off: {len(response['result']['list'])}; limit now {response.rate_limit}")


if __name__ == "__main__":
    main()
