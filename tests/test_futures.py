"""Many WebSocket API futures at once: bitsdk.wait / bitsdk.as_completed, and honest cancel().

Most tests need no socket: futures are resolved from a helper thread, as a client's reader
would. One test runs against the loopback exchange.
"""

from __future__ import annotations

import concurrent.futures
import threading
import time
from decimal import Decimal
from typing import Callable, List
from unittest import mock

import pytest

import bitsdk
from bitsdk._futures import CommandFuture, PendingCommands
from bitsdk.errors import APIError, CommandCancelledError, CommandTimeoutError, InvalidParameterError

LONG = 60.0  # a command deadline no test reaches


def futures(n: int, timeout: float = LONG) -> List[CommandFuture]:
    return [CommandFuture(f"id-{i}", "order.create", "v5PrivateTrade", {}, timeout) for i in range(n)]


def later(*steps: Callable[[], object]) -> threading.Thread:
    """Run ``steps`` on another thread once the caller blocks (a reader thread, in effect)."""
    def run() -> None:
        for step in steps:
            step()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_wait_all_completed():
    futs = futures(3)
    thread = later(*[lambda f=f: f._set_result({"retCode": 0, "id": f.request_id}) for f in futs])
    done, not_done = bitsdk.wait(futs)
    thread.join()
    assert done == set(futs) and not_done == set()
    assert [f.result()["id"] for f in futs] == ["id-0", "id-1", "id-2"]


def test_wait_first_completed():
    futs = futures(3)
    thread = later(lambda: futs[1]._set_result({"retCode": 0}))
    done, not_done = bitsdk.wait(futs, return_when=bitsdk.FIRST_COMPLETED)
    thread.join()
    assert done == {futs[1]} and not_done == {futs[0], futs[2]}


def test_wait_first_exception():
    futs = futures(3)
    thread = later(lambda: futs[0]._set_result({"retCode": 0}),
                   lambda: futs[2]._set_exception(APIError("rejected", code=110007)))
    done, not_done = bitsdk.wait(futs, return_when=concurrent.futures.FIRST_EXCEPTION)
    thread.join()
    assert futs[2] in done and not_done == {futs[1]}


def test_wait_first_exception_without_failures_waits_for_all():
    futs = futures(2)
    futs[0].cancel()  # a cancellation is not a failure
    thread = later(lambda: futs[1]._set_result({"retCode": 0}))
    done, not_done = bitsdk.wait(futs, return_when=bitsdk.FIRST_EXCEPTION)
    thread.join()
    assert done == set(futs) and not not_done


def test_wait_timeout_returns_what_is_done():
    futs = futures(2)
    futs[0]._set_result({"retCode": 0})
    done, not_done = bitsdk.wait(futs, timeout=0.05)
    assert done == {futs[0]} and not_done == {futs[1]}
    assert not futs[1].done()  # the wait ran out, the command did not


def test_wait_never_outlives_the_commands_own_deadlines():
    # No reader resolves or expires these: wait() expires them at their deadline itself.
    futs = futures(3, timeout=0.05)
    done, not_done = bitsdk.wait(futs)
    assert done == set(futs) and not not_done
    assert all(isinstance(f.exception(), CommandTimeoutError) for f in futs)


def test_wait_accepts_stdlib_futures_too():
    ours, theirs = futures(1)[0], concurrent.futures.Future()
    thread = later(lambda: theirs.set_result(1), lambda: ours._set_result({"retCode": 0}))
    done, _ = bitsdk.wait([ours, theirs])
    thread.join()
    assert done == {ours, theirs}


def test_wait_refuses_an_unknown_return_when():
    with pytest.raises(InvalidParameterError, match="FIRST_COMPLETED"):
        bitsdk.wait(futures(1), return_when="ANY")


def test_wait_does_not_poll():
    # Waiting 0.2 s on a future resolved by another thread takes a couple of clock reads,
    # not thousands: the waiter sleeps until the resolution wakes it.
    fut = futures(1)[0]
    reads = mock.Mock(side_effect=time.monotonic)
    with mock.patch("bitsdk._futures.time.monotonic", reads):
        waiter = threading.Thread(target=bitsdk.wait, args=([fut],))
        waiter.start()
        time.sleep(0.2)
        fut._set_result({"retCode": 0})
        waiter.join()
    assert reads.call_count < 20


def test_waiters_are_removed_afterwards():
    futs = futures(2)
    futs[0]._set_result({})
    bitsdk.wait(futs, timeout=0.01)
    assert not futs[1]._waiters


# -- as_completed ----------------------------------------------------------------------------


def test_as_completed_yields_in_completion_order_done_ones_first():
    futs = futures(3)
    futs[2]._set_result({"n": 2})
    gate = threading.Event()
    thread = later(gate.wait, lambda: futs[1]._set_result({"n": 1}), lambda: futs[0]._set_result({"n": 0}))
    order = []
    for fut in bitsdk.as_completed(futs):
        order.append(fut.result()["n"])
        gate.set()
    thread.join()
    assert order == [2, 1, 0]


def test_as_completed_times_out_like_the_stdlib():
    futs = futures(2)
    futs[0]._set_result({})
    seen = []
    with pytest.raises(TimeoutError) as caught:
        for fut in bitsdk.as_completed(futs, timeout=0.05):
            seen.append(fut)
    assert seen == [futs[0]]
    assert isinstance(caught.value, CommandTimeoutError) and "1 of 2 futures unfinished" in str(caught.value)


def test_as_completed_expires_commands_past_their_deadline():
    futs = futures(2, timeout=0.05)
    assert {f for f in bitsdk.as_completed(futs)} == set(futs)
    assert all(isinstance(f.exception(), CommandTimeoutError) for f in futs)


# -- cancel -----------------------------------------------------------------------------------


def test_a_command_not_yet_sent_can_be_cancelled_and_is_never_sent():
    table = PendingCommands()
    fut = futures(1)[0]
    table.add("key", fut)
    assert fut.cancel() is True
    assert fut.cancelled() and fut.done() and not fut.running()
    assert table.peek("key") is None  # it left the pending table
    assert fut._mark_sending() is False  # the client then does not write the frame
    with pytest.raises(CommandCancelledError):
        fut.result()
    with pytest.raises(concurrent.futures.CancelledError):
        fut.exception()
    assert "cancelled" in repr(fut)
    assert fut.cancel() is False  # already done


def test_a_sent_command_cannot_be_cancelled():
    fut = futures(1)[0]
    assert fut._mark_sending() is True
    assert fut.running()
    assert fut.cancel() is False and not fut.cancelled() and not fut.done()
    fut._set_result({"retCode": 0})
    assert fut.result() == {"retCode": 0} and not fut.running()


def test_cancel_runs_done_callbacks():
    fut = futures(1)[0]
    seen = []
    fut.add_done_callback(seen.append)
    fut.cancel()
    assert seen == [fut]


def test_exports():
    assert bitsdk.CommandFuture is CommandFuture
    assert (bitsdk.ALL_COMPLETED, bitsdk.FIRST_COMPLETED, bitsdk.FIRST_EXCEPTION) == (
        concurrent.futures.ALL_COMPLETED, concurrent.futures.FIRST_COMPLETED, concurrent.futures.FIRST_EXCEPTION)
    assert {"wait", "as_completed", "CommandFuture"} <= set(bitsdk.__all__)


# -- against the loopback exchange ---------------------------------------------------------------


def test_many_orders_over_the_loopback_ws_api_with_decimals():
    from bitsdk.bybit import WebsocketAPIClient
    from bitsdk.testing import LoopbackExchange

    with LoopbackExchange("bybit") as ex, WebsocketAPIClient(**ex.client_options(), connect_timeout=5) as api:
        api.connect_ws_api(timeout=5)
        orders = [
            {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit",
             "qty": Decimal("0.001"), "price": Decimal("30000.0"), "orderLinkId": f"wait-{i}"}
            for i in range(5)
        ]
        futs = [api.send_ws_api_request("order.create", order, timeout=5) for order in orders]
        assert [f.cancel() for f in futs] == [False] * 5  # written already: outcome to come
        done, not_done = bitsdk.wait(futs, timeout=10)
        assert done == set(futs) and not not_done
        assert sorted(f.result()["data"]["orderLinkId"] for f in futs) == [f"wait-{i}" for i in range(5)]
        with pytest.raises(InvalidParameterError, match=r"args\[0\]\.qty"):
            api.send_ws_api_request("order.create", {**orders[0], "qty": float("nan")})
