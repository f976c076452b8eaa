"""Walk long histories page by page, with the opt-in client-side rate limiter.

``client.paginate("get_execution_list", category="linear")`` yields every row, asking page
after page with the exchange's own convention (Bybit ``cursor``/``nextPageCursor``, Bitget
V3 ``cursor``, Bitget V2 ``idLessThan``). Bybit accepts at most 7 days between ``startTime``
and ``endTime`` for executions: a longer span is walked in 7-day windows from ``endTime``
(default: now) backwards, so rows come newest first. ``pages=True`` yields one list per
answer; ``max_items`` / ``max_pages`` stop early.

``rate_limit=True`` makes each request wait until the endpoint's documented limit has room
(shared by every client of the same API key in the process); a wait beyond 5 s raises
``RateLimitError`` without sending.

In loopback mode the script first trades a little so that there is a history to walk.

Run:
    python examples/paginate_history.py
    BITSDK_LOOPBACK=1 python examples/paginate_history.py    # offline, loopback exchange
"""

from _env import LOOPBACK, bitget_options, bybit_options, require_keys

from bitsdk.bitget import RestClientV2, RestClientV3
from bitsdk.bybit import RestClientV5

DAY_MS = 86_400_000


def bybit_history() -> None:
    with RestClientV5(**require_keys(bybit_options(rate_limit=True))) as client:
        if LOOPBACK:
            for side in ("Buy", "Sell") * 3:
                client.submit_order(category="linear", symbol="BTCUSDT", side=side, orderType="Market", qty="0.001")

        now = client.timestamp_ms()
        # 30 days = five windows of at most 7 days; small pages to show the cursor at work.
        pages = client.paginate(
            "get_execution_list", category="linear", startTime=now - 30 * DAY_MS, limit=4, pages=True
        )
        for page in pages:
            print(f"bybit executions {page.window}: {len(page)} rows, next cursor {page.next_cursor!r}")

        latest = list(client.paginate("get_execution_list", category="linear", max_items=3))
        print("bybit latest executions:", [(row["execTime"], row["side"], row["execQty"]) for row in latest])


def bitget_history() -> None:
    with RestClientV3(**require_keys(bitget_options(rate_limit=True))) as v3:
        if LOOPBACK:
            for side in ("buy", "sell") * 3:
                v3.submit_new_order(category="SPOT", symbol="BTCUSDT", side=side, orderType="market", qty="0.001")
        fills = list(v3.paginate("get_trade_fills", category="SPOT", limit=4))
        print(f"bitget V3 fills: {len(fills)}")
    if LOOPBACK:
        # Classic (V2) accounts: the spot fills page by idLessThan (the last row's tradeId).
        with RestClientV2(**bitget_options(rate_limit=True)) as v2:
            for page in v2.paginate("get_spot_fills", symbol="BTCUSDT", limit=4, pages=True):
                print(f"bitget V2 spot fills page: {[fill['tradeId'] for fill in page]}")


def main() -> None:
    bybit_history()
    bitget_history()


if __name__ == "__main__":
    main()
