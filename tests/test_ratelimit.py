"""The opt-in client-side rate limiter: never over the limit, bounded waits, header adaptation.

Time is a fake clock: a wait advances it instead of sleeping, so nothing here depends on how
fast the machine is, and every count is checked in fake seconds.
"""

from __future__ import annotations

import re
import threading
import time
from typing import Any, Dict, List

import pytest
import responses

from bitsdk import RateLimiter, errors
from bitsdk._ratelimit import shared_limiter
from bitsdk.bitget import RestClientV3
from bitsdk.bybit import RestClientV5

OK: Dict[str, Any] = {"retCode": 0, "retMsg": "OK", "result": {"list": []}, "retExtInfo": {}, "time": 1}
ORDER = {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Market", "qty": "0.001"}


class FakeClock:
    """Monotonic seconds that move only when a limiter waits."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.waits: List[float] = []

    def __call__(self) -> float:
        return self.now

    def wait(self, condition: threading.Condition, seconds: float) -> None:
        # Called with the limiter's lock held: the other threads queue on it meanwhile.
        self.waits.append(seconds)
        self.now += seconds


def limiter(max_wait: float = 5.0) -> "tuple[RateLimiter, FakeClock]":
    clock = FakeClock()
    return RateLimiter(max_wait, clock=clock, wait=clock.wait), clock


def most_in_any_window(times: List[float], period: float) -> int:
    times = sorted(times)
    return max(sum(1 for t in times if start <= t < start + period) for start in times)


# -- the limiter itself ---------------------------------------------------------------------------


def test_a_burst_from_many_threads_never_exceeds_the_limit_in_any_rolling_window():
    rate, clock = limiter(max_wait=60.0)
    sent: List[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(12):
            rate.acquire("/v5/order/create", 5, 1.0)
            with lock:
                sent.append(clock())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert not any(thread.is_alive() for thread in threads)
    assert len(sent) == 96
    assert most_in_any_window(sent, 1.0) == 5
    # 96 sends at 5 per second take 19 seconds beyond the first five: no more, no less.
    assert max(sent) - min(sent) == pytest.approx(19.0)


def test_weights_count_each_item_and_categories_are_apart():
    rate, _ = limiter(max_wait=0)
    rate.acquire(("/v5/order/create-batch", "linear"), 10, 1.0, weight=7)
    rate.acquire(("/v5/order/create-batch", "linear"), 10, 1.0, weight=3)
    with pytest.raises(errors.RateLimitError):
        rate.acquire(("/v5/order/create-batch", "linear"), 10, 1.0, weight=1)
    rate.acquire(("/v5/order/create-batch", "spot"), 20, 1.0, weight=20)
    assert rate.remaining(("/v5/order/create-batch", "spot")) == 0


def test_a_wait_within_max_wait_is_taken_and_a_longer_one_raises_at_once():
    rate, clock = limiter(max_wait=1.0)
    for _ in range(3):
        rate.acquire("k", 3, 1.0)
    assert rate.acquire("k", 3, 1.0) == pytest.approx(1.0)  # the oldest send leaves after 1 s
    assert clock.waits == [pytest.approx(1.0)]
    rate.block("k", 30.0)
    with pytest.raises(errors.RateLimitError, match="nothing was sent"):
        rate.acquire("k", 3, 1.0)
    assert len(clock.waits) == 1  # refused without waiting


def test_the_registry_shares_one_limiter_per_key_and_never_shows_the_key():
    a = shared_limiter("Bybit V5 REST", "KEY-ONE")
    assert shared_limiter("Bybit V5 REST", "KEY-ONE") is a
    assert shared_limiter("Bybit V5 REST", "KEY-TWO") is not a
    assert shared_limiter("Bitget V3 REST", "KEY-ONE") is not a
    one = RestClientV5(api_key="KEY-ONE", api_secret="s", rate_limit=True)
    two = RestClientV5(api_key="KEY-ONE", api_secret="s", rate_limit=True)
    assert one.rate_limiter is two.rate_limiter is a
    assert "KEY-ONE" not in repr(a)
    assert RestClientV5(api_key="KEY-ONE", api_secret="s").rate_limiter is None


@pytest.mark.parametrize("bad", ["yes", 1, 0.5])
def test_a_wrong_rate_limit_option_says_what_to_write(bad):
    with pytest.raises(errors.InvalidParameterError, match="rate_limit takes True, False or a bitsdk.RateLimiter"):
        RestClientV5(rate_limit=bad)
    with pytest.raises(errors.InvalidParameterError, match="max_wait"):
        RateLimiter(max_wait=-1)


# -- through the clients (responses) --------------------------------------------------------------


@responses.activate
def test_over_the_table_limit_raises_without_sending_and_spot_has_its_own_window():
    responses.add(responses.POST, re.compile(r".*/v5/order/create"), json=OK)
    rate, _ = limiter(max_wait=0)
    client = RestClientV5(api_key="k", api_secret="s", rate_limit=rate)
    for _ in range(10):  # Bybit: 10/s for linear orders
        client.submit_order(**ORDER)
    with pytest.raises(errors.RateLimitError, match=r"submit_order\(\).*10 per 1s"):
        client.submit_order(**ORDER)
    assert len(responses.calls) == 10
    for _ in range(20):  # 20/s for spot, counted apart
        client.submit_order(**{**ORDER, "category": "spot"})
    assert len(responses.calls) == 30


@responses.activate
def test_a_batch_consumes_one_unit_per_order():
    responses.add(responses.POST, re.compile(r".*/v5/order/create-batch"), json=OK)
    rate, _ = limiter(max_wait=0)
    client = RestClientV5(api_key="k", api_secret="s", rate_limit=rate)
    client.batch_submit_orders("linear", [dict(ORDER)] * 6)
    with pytest.raises(errors.RateLimitError):
        client.batch_submit_orders("linear", [dict(ORDER)] * 5)
    client.batch_submit_orders("linear", [dict(ORDER)] * 4)
    assert len(responses.calls) == 2


@responses.activate
def test_bybit_headers_lower_and_raise_the_allowance():
    now_ms = RestClientV5().timestamp_ms()
    headers = {"X-Bapi-Limit": "3", "X-Bapi-Limit-Status": "0", "X-Bapi-Limit-Reset-Timestamp": str(now_ms + 60_000)}
    responses.add(responses.GET, re.compile(r".*/v5/execution/list.*"), json=OK, headers=headers)
    rate, clock = limiter(max_wait=5.0)
    client = RestClientV5(api_key="k", api_secret="s", rate_limit=rate)
    client.get_execution_list(category="linear")
    # Nothing left until the exchange's reset, a minute away: beyond max_wait, so refused.
    with pytest.raises(errors.RateLimitError, match="nothing was sent"):
        client.get_execution_list(category="linear")
    assert len(responses.calls) == 1
    assert rate.remaining("/v5/execution/list") == 0

    responses.replace(responses.GET, re.compile(r".*/v5/execution/list.*"), json=OK, headers={
        "X-Bapi-Limit": "100", "X-Bapi-Limit-Status": "99", "X-Bapi-Limit-Reset-Timestamp": str(now_ms)})
    clock.now += 61  # past the reset
    for _ in range(80):  # the table says 50/s; this account has 100/s
        client.get_execution_list(category="linear")
    assert clock.waits == []


@responses.activate
def test_other_processes_on_the_same_uid_are_counted_from_the_remaining_header():
    now_ms = RestClientV5().timestamp_ms()
    responses.add(responses.GET, re.compile(r".*/v5/order/realtime.*"), json=OK, headers={
        "X-Bapi-Limit": "50", "X-Bapi-Limit-Status": "10", "X-Bapi-Limit-Reset-Timestamp": str(now_ms)})
    rate, _ = limiter(max_wait=0)
    client = RestClientV5(api_key="k", api_secret="s", rate_limit=rate)
    client.get_active_orders(category="linear")
    assert rate.remaining("/v5/order/realtime") == 10


@responses.activate
def test_a_10006_answer_blocks_the_endpoint_until_the_reset_without_sending():
    now_ms = RestClientV5().timestamp_ms()
    body = {"retCode": 10006, "retMsg": "Too many visits!", "result": {}, "time": 1}
    responses.add(responses.POST, re.compile(r".*/v5/order/create"), json=body,
                  headers={"X-Bapi-Limit-Reset-Timestamp": str(now_ms + 30_000)})
    rate, _ = limiter(max_wait=5.0)
    client = RestClientV5(api_key="k", api_secret="s", rate_limit=rate)
    with pytest.raises(errors.RateLimitError) as from_exchange:
        client.submit_order(**ORDER)
    assert from_exchange.value.code == 10006
    with pytest.raises(errors.RateLimitError, match="client-side") as from_client:
        client.submit_order(**ORDER)
    assert from_client.value.code is None
    assert len(responses.calls) == 1


@responses.activate
def test_bitget_v3_orders_are_limited_per_endpoint():
    responses.add(responses.POST, re.compile(r".*/api/v3/trade/place-order"),
                  json={"code": "00000", "msg": "success", "data": {}})
    responses.add(responses.GET, re.compile(r".*/api/v3/trade/fills.*"),
                  json={"code": "00000", "msg": "success", "data": {"list": [], "cursor": ""}})
    rate, _ = limiter(max_wait=0)
    client = RestClientV3(api_key="k", api_secret="s", api_pass="p", rate_limit=rate)
    order = {"category": "SPOT", "symbol": "BTCUSDT", "side": "buy", "orderType": "market", "qty": "1"}
    for _ in range(10):
        client.submit_new_order(**order)
    with pytest.raises(errors.RateLimitError):
        client.submit_new_order(**order)
    client.get_trade_fills(category="SPOT")  # another endpoint, another window
    assert len(responses.calls) == 11


@responses.activate
def test_endpoints_without_a_documented_limit_are_not_held_back():
    responses.add(responses.GET, re.compile(r".*/v5/market/tickers.*"), json=OK)
    rate, clock = limiter(max_wait=0)
    client = RestClientV5(rate_limit=rate)
    for _ in range(100):
        client.get_tickers(category="linear")
    assert len(responses.calls) == 100 and clock.waits == []


def test_on_the_real_clock_waiting_threads_sleep_on_the_condition_and_all_finish():
    # No timing is asserted: only that the default wait releases the lock and wakes up.
    rate = RateLimiter(max_wait=5.0)
    done: List[float] = []

    def worker() -> None:
        for _ in range(2):
            done.append(rate.acquire("k", 2, 0.05))

    threads = [threading.Thread(target=worker) for _ in range(3)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert not any(thread.is_alive() for thread in threads)
    assert len(done) == 6
    # Two fit at once; each later pair waits for the window to free up: at least one wait
    # per pair (a thread woken by the free window may take both places), and never all six
    # within two windows (a lower bound: the limiter's spacing, not a speed).
    assert sum(1 for waited in done if waited > 0) >= 2 and 0.0 in done
    assert time.monotonic() - started >= 0.1


def test_against_the_loopback_the_limiter_follows_its_headers():
    from bitsdk.testing import LoopbackExchange

    rate, clock = limiter(max_wait=0)
    with LoopbackExchange("bybit") as ex:
        with RestClientV5(**ex.client_options(), rate_limit=rate) as client:
            for _ in range(5):
                client.get_active_orders(category="linear")
    remaining = rate.remaining("/v5/order/realtime")
    assert remaining is not None and remaining <= 45  # the loopback allows 50 per second
    assert clock.waits == []
