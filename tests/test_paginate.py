"""client.paginate(): every row of a paged endpoint, on both exchanges and several families.

Cursor paging runs against the loopback exchange, which pages as the exchanges do (Bybit
``cursor``/``nextPageCursor``, Bitget V3 ``cursor``, Bitget V2 spot ``idLessThan``) and
refuses a span longer than the endpoint allows. Time windows and the V2 futures ``endId``
style are checked request by request with ``responses``.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List
from urllib.parse import parse_qsl, urlsplit

import pytest
import responses

from bitsdk import Page, errors
from bitsdk.bitget import RestClientV2, RestClientV3
from bitsdk.bybit import RestClientV5
from bitsdk.testing import LoopbackExchange

DAY_MS = 86_400_000
TRADES = 7  # more rows than one page of 3


# -- Bybit on the loopback -------------------------------------------------------------------


@pytest.fixture(scope="module")
def bybit():
    with LoopbackExchange("bybit") as ex:
        with RestClientV5(**ex.client_options()) as client:
            for i in range(TRADES):
                client.submit_order(
                    category="linear", symbol="BTCUSDT", side="Buy" if i % 2 == 0 else "Sell",
                    orderType="Market", qty="0.001",
                )
            yield client


def test_bybit_executions_across_pages_match_one_big_page(bybit):
    everything = bybit.get_execution_list(category="linear", limit=100)["result"]["list"]
    assert len(everything) == TRADES
    rows = list(bybit.paginate("get_execution_list", category="linear", limit=3))
    assert [r["execId"] for r in rows] == [r["execId"] for r in everything]


def test_bybit_pages_carry_their_cursor(bybit):
    pages = list(bybit.paginate("get_execution_list", category="linear", limit=3, pages=True))
    assert [len(p) for p in pages] == [3, 3, 1]
    assert all(isinstance(p, Page) for p in pages)
    assert [p.next_cursor is None for p in pages] == [False, False, True]
    # The token the answer carried is what the next page was asked with.
    assert pages[0].envelope["result"]["nextPageCursor"] == pages[0].next_cursor


def test_bybit_order_history_and_transaction_log_page_too(bybit):
    orders = list(bybit.paginate(bybit.get_historic_orders, {"category": "linear"}, limit=2))
    assert len({o["orderId"] for o in orders}) == TRADES
    ledger = list(bybit.paginate("get_transaction_log", limit=4))
    assert len({row["id"] for row in ledger}) == TRADES


def test_bybit_max_items_and_max_pages_stop_early(bybit):
    assert len(list(bybit.paginate("get_execution_list", category="linear", limit=3, max_items=4))) == 4
    assert len(list(bybit.paginate("get_execution_list", category="linear", limit=3, max_pages=2))) == 6
    pages = list(bybit.paginate("get_execution_list", category="linear", limit=3, pages=True, max_items=5))
    assert [len(p) for p in pages] == [3, 2]


def test_bybit_without_limit_asks_for_full_pages_or_just_max_items(bybit):
    pages = list(bybit.paginate("get_execution_list", category="linear", pages=True, max_items=2))
    assert [len(p) for p in pages] == [2]
    assert len(list(bybit.paginate("get_execution_list", category="linear"))) == TRADES


def test_bybit_a_long_span_is_walked_in_windows_the_exchange_accepts(bybit):
    now = bybit.timestamp_ms()
    # The loopback refuses more than 7 days in one request, as Bybit does...
    with pytest.raises(errors.APIError) as caught:
        bybit.get_execution_list(category="linear", startTime=now - 20 * DAY_MS, endTime=now)
    assert caught.value.code == 10001
    # ...so paginate() asks window by window and finds every (recent) execution.
    rows = list(bybit.paginate("get_execution_list", category="linear", startTime=now - 20 * DAY_MS, limit=3))
    assert len(rows) == TRADES


def test_the_loopback_refuses_a_cursor_it_did_not_hand_out(bybit):
    with pytest.raises(errors.APIError) as caught:
        bybit.get_execution_list(category="linear", cursor="made-up")
    assert caught.value.code == 10001


# -- Bitget on the loopback ------------------------------------------------------------------


@pytest.fixture(scope="module")
def bitget():
    with LoopbackExchange("bitget") as ex:
        v3 = RestClientV3(**ex.client_options())
        v2 = RestClientV2(**ex.client_options())
        for i in range(TRADES):
            v3.submit_new_order(
                category="SPOT", symbol="BTCUSDT", side="buy" if i % 2 == 0 else "sell",
                orderType="market", qty="0.001",
            )
        yield v3, v2
        v3.close()
        v2.close()


def test_bitget_v3_fills_and_history_orders_by_cursor(bitget):
    v3, _ = bitget
    pages = list(v3.paginate("get_trade_fills", category="SPOT", limit=3, pages=True))
    assert [len(p) for p in pages] == [3, 3, 1]
    assert len({f["execId"] for p in pages for f in p}) == TRADES
    orders = list(v3.paginate("get_history_orders", category="SPOT", limit=2))
    assert len({o["orderId"] for o in orders}) == TRADES


def test_bitget_v2_spot_fills_by_id_less_than(bitget):
    _, v2 = bitget
    everything = v2.get_spot_fills(symbol="BTCUSDT")["data"]
    assert len(everything) == TRADES
    pages = list(v2.paginate("get_spot_fills", symbol="BTCUSDT", limit=3, pages=True))
    assert [len(p) for p in pages] == [3, 3, 1]
    assert [f["tradeId"] for p in pages for f in p] == [f["tradeId"] for f in everything]
    assert len(list(v2.paginate("get_spot_fills", symbol="BTCUSDT", limit=3, max_items=5))) == 5


def test_bitget_v2_a_full_last_page_costs_one_empty_request(bitget):
    _, v2 = bitget
    pages = list(v2.paginate("get_spot_fills", symbol="BTCUSDT", limit=TRADES, pages=True))
    assert [len(p) for p in pages] == [TRADES]  # the empty answer after it yields no page


# -- conventions request by request (responses) ------------------------------------------------


def _query(call: Any) -> Dict[str, str]:
    return dict(parse_qsl(urlsplit(call.request.url).query))


@responses.activate
def test_bybit_windows_go_backwards_from_end_time_and_never_exceed_seven_days():
    start, end = 1_700_000_000_000, 1_700_000_000_000 + 20 * DAY_MS

    def answer(request: Any) -> Any:
        q = dict(parse_qsl(urlsplit(request.url).query))
        # One row per window, stamped with the window, and a second page in the newest one.
        if q.get("cursor") == "next%3Apage":
            rows, cursor = [{"execId": "second-page"}], ""
        else:
            rows = [{"execId": f"{q['startTime']}-{q['endTime']}"}]
            cursor = "next%3Apage" if int(q["endTime"]) == end else ""
        body = {"retCode": 0, "retMsg": "OK", "result": {"list": rows, "nextPageCursor": cursor}, "time": 1}
        return 200, {}, json.dumps(body)

    responses.add_callback(responses.GET, re.compile(r".*/v5/execution/list.*"), callback=answer)
    client = RestClientV5(api_key="k", api_secret="s")
    rows = list(client.paginate("get_execution_list", category="linear", startTime=start, endTime=end))
    sent = [_query(c) for c in responses.calls]
    windows = [(int(q["startTime"]), int(q["endTime"])) for q in sent]
    assert windows[0][1] == end and windows[-1][0] == start
    assert all(high - low < 7 * DAY_MS for low, high in windows)
    # Newest window first; each window ends 1 ms before the previous one starts.
    assert windows == sorted(windows, reverse=True)
    distinct = sorted(set(windows), reverse=True)
    assert len(distinct) == 3
    assert all(newer[0] - 1 == older[1] for newer, older in zip(distinct, distinct[1:]))
    # The cursor was sent back exactly as received (percent-encoded once more on the wire).
    assert sent[1]["cursor"] == "next%3Apage"
    assert "cursor" not in sent[2]
    assert [r["execId"] for r in rows][:2] == [f"{windows[0][0]}-{end}", "second-page"]
    assert all(q["limit"] == "100" for q in sent)


@responses.activate
def test_max_pages_counts_requests_across_windows():
    body = {"retCode": 0, "retMsg": "OK", "result": {"list": [{"execId": "1"}], "nextPageCursor": ""}}
    responses.add(responses.GET, re.compile(r".*/v5/execution/list.*"), json=body)
    client = RestClientV5(api_key="k", api_secret="s")
    end = 1_700_000_000_000
    pages = list(client.paginate(
        "get_execution_list", category="linear", startTime=end - 30 * DAY_MS, endTime=end, pages=True, max_pages=2,
    ))
    assert len(responses.calls) == 2 and [p.window[1] for p in pages] == [end, pages[0].window[0] - 1]


@responses.activate
def test_bitget_v2_spot_a_limit_above_the_largest_page_still_walks_every_page():
    # Bitget serves at most 100 rows a page: 100 rows answering limit=500 is not the end.
    for ids in (range(300, 200, -1), range(200, 170, -1)):
        responses.add(responses.GET, re.compile(r".*/api/v2/spot/trade/fills.*"),
                      json={"code": "00000", "msg": "success", "data": [{"tradeId": str(i)} for i in ids]})
    client = RestClientV2(api_key="k", api_secret="s", api_pass="p")
    rows = list(client.paginate("get_spot_fills", symbol="BTCUSDT", limit=500))
    assert len(rows) == 130
    assert [_query(c).get("idLessThan") for c in responses.calls] == [None, "201"]


@responses.activate
def test_bitget_v2_futures_follow_end_id():
    answers = [
        {"fillList": [{"tradeId": "9"}, {"tradeId": "8"}], "endId": "8"},
        {"fillList": [{"tradeId": "7"}], "endId": "7"},
        {"fillList": [], "endId": None},
    ]
    for data in answers:
        responses.add(responses.GET, re.compile(r".*/api/v2/mix/order/fills.*"),
                      json={"code": "00000", "msg": "success", "data": data})
    client = RestClientV2(api_key="k", api_secret="s", api_pass="p")
    rows = list(client.paginate("get_futures_fills", productType="USDT-FUTURES", limit=2))
    assert [r["tradeId"] for r in rows] == ["9", "8", "7"]
    assert [_query(c).get("idLessThan") for c in responses.calls] == [None, "8", "7"]


@responses.activate
def test_a_cursor_that_does_not_move_stops_with_an_error_instead_of_looping():
    body = {"retCode": 0, "retMsg": "OK", "result": {"list": [{"execId": "1"}], "nextPageCursor": "same"}}
    responses.add(responses.GET, re.compile(r".*/v5/execution/list.*"), json=body)
    client = RestClientV5(api_key="k", api_secret="s")
    with pytest.raises(errors.InvalidResponseError, match="same"):
        list(client.paginate("get_execution_list", category="linear"))
    assert len(responses.calls) == 2


@responses.activate
def test_wrong_use_is_refused_at_the_call_before_any_request():
    client = RestClientV5()
    with pytest.raises(errors.InvalidParameterError) as caught:
        client.paginate("get_tickers", category="linear")
    assert "get_execution_list" in str(caught.value) and "get_tickers" in str(caught.value)
    with pytest.raises(errors.InvalidParameterError, match="not an endpoint"):
        client.paginate("get_executions", category="linear")
    for bad in ({"max_items": 0}, {"max_pages": -1}, {"max_items": True}, {"max_pages": "2"}):
        with pytest.raises(errors.InvalidParameterError, match="positive int"):
            client.paginate("get_execution_list", category="linear", **bad)
    for bad in (0, "ten", True, -5):
        with pytest.raises(errors.InvalidParameterError, match="limit must be a positive whole number"):
            client.paginate("get_execution_list", category="linear", limit=bad)
    with pytest.raises(errors.InvalidParameterError, match="before startTime"):
        client.paginate("get_execution_list", category="linear", startTime=2_000, endTime=1_000)
    assert len(responses.calls) == 0


def test_the_tables_only_name_real_methods():
    paged: List[str] = []
    for cls in (RestClientV5, RestClientV3, RestClientV2):
        paged += [name for name, spec in cls.ENDPOINTS.items() if spec.paging is not None]
        assert set(cls.PAGING) <= set(cls.ENDPOINTS) and set(cls.RATE_LIMITS) <= set(cls.ENDPOINTS)
    assert {"get_execution_list", "get_trade_fills", "get_spot_fills", "get_futures_fills"} <= set(paged)
