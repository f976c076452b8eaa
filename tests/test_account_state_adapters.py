"""The exchange adapters behind AccountState: message parsing and REST paging, without sockets.

Stream messages here have the shapes the exchanges document (Bybit V5 private topics, Bitget
UTA ``order`` / ``fill`` / ``position`` / ``account`` pushes), which differ in places from
the REST rows (Bitget UTA position pushes have no ``category``, fills carry ``execTime``,
the account push lists coins under ``coin``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, List

import pytest
import responses

from bitsdk.account import paged_rows
from bitsdk.bitget._account import BitgetAccount
from bitsdk.bybit import RestClientV5
from bitsdk.bybit._account import BybitAccount
from bitsdk.errors import InvalidParameterError


def call(method: Any, **params: Any) -> Any:
    return method(**params)


# --- Bybit -----------------------------------------------------------------------------------------


def test_bybit_parses_private_topics_and_keeps_only_its_categories():
    adapter = BybitAccount(["linear"], None)
    order = {"category": "linear", "orderId": "1", "orderLinkId": "a", "orderStatus": "PartiallyFilled",
             "cumExecQty": "0.5", "updatedTime": "1700000000001"}
    spot_order = dict(order, category="spot", orderId="2")
    rows = adapter.parse({"topic": "order", "creationTime": 1, "data": [order, spot_order]})
    assert [(table, row.key, row.closed, row.client_id) for table, row in rows] == [("orders", "1", False, "a")]
    assert rows[0][1].rank == (1700000000001, Decimal("0.5"), 0)

    filled = dict(order, orderStatus="Filled", cumExecQty="1")
    (_, row), = adapter.parse({"topic": "order.linear", "data": [filled]})
    assert row.closed and row.rank > rows[0][1].rank

    flat = {"category": "linear", "symbol": "BTCUSDT", "positionIdx": 0, "size": "0", "side": "",
            "updatedTime": "1700000000002", "seq": 7}
    (_, position), = adapter.parse({"topic": "position", "data": [flat]})
    assert position.key == ("linear", "BTCUSDT", 0) and position.closed and position.rank == (1700000000002, 7)

    fill = {"category": "linear", "execId": "e1", "execTime": "1700000000003", "orderLinkId": "a"}
    assert [r.key for _, r in adapter.parse({"topic": "execution", "data": [fill]})] == ["e1"]
    assert adapter.parse({"topic": "execution.fast", "data": [fill]}) == []  # reduced rows: not used

    wallet = {"topic": "wallet", "creationTime": 1700000000004,
              "data": [{"accountType": "UNIFIED", "coin": [{"coin": "USDT", "walletBalance": "10"}]}]}
    (table, balance), = adapter.parse(wallet)
    assert table == "balances" and balance.key == "USDT" and balance.rank == (1700000000004,)
    assert adapter.is_subscribe_ack({"op": "subscribe", "success": True})
    assert not adapter.is_subscribe_ack({"op": "auth", "success": True})


def test_listings_page_by_the_clients_rules_one_paced_call_per_page():
    # The adapters page through RestClient.paginate (bitsdk._paginate has the rules); the
    # backfill's call() wraps every page, so its pacing and abort apply to each request.
    client = RestClientV5(api_key="k", api_secret="s", base_url="https://bybit.test")
    pages = [("", "c1", ["1"]), ("c1", "c2", ["2"]), ("c2", "", ["3"])]
    with responses.RequestsMock() as mock:
        for cursor, following, ids in pages:
            mock.get("https://bybit.test/v5/order/realtime", json={
                "retCode": 0, "retMsg": "OK", "result": {"list": [{"orderId": i} for i in ids], "nextPageCursor": following},
            }, match=[responses.matchers.query_param_matcher(
                dict({"category": "spot", "limit": "50"}, **({"cursor": cursor} if cursor else {})))])
        made: List[Any] = []

        def paced(method: Any, **params: Any) -> Any:
            made.append(method)
            return method(**params)

        rows = list(paged_rows(client, paced, "get_active_orders", {"category": "spot", "limit": 50}, 20))
    assert [r["orderId"] for r in rows] == ["1", "2", "3"]
    assert len(made) == 4  # three pages and the call that finds no more
    with responses.RequestsMock() as mock:
        mock.get("https://bybit.test/v5/order/realtime", json={
            "retCode": 0, "retMsg": "OK", "result": {"list": [{"orderId": "x"}], "nextPageCursor": "more"}})
        assert len(list(paged_rows(client, call, "get_active_orders", {"category": "spot"}, 1))) == 1  # max_pages


def test_bybit_lists_linear_per_settle_coin():
    adapter = BybitAccount(["linear", "option"], ["USDT", "USDC"])
    assert list(adapter._scopes("linear")) == [{"category": "linear", "settleCoin": "USDT"},
                                              {"category": "linear", "settleCoin": "USDC"}]
    assert list(adapter._scopes("option")) == [{"category": "option"}]
    assert adapter.position_categories() == ["linear", "option"]


def test_bybit_refuses_bad_categories_and_coins():
    with pytest.raises(InvalidParameterError, match="lower-case"):
        BybitAccount(["Linear"], None)
    with pytest.raises(InvalidParameterError, match="at least one"):
        BybitAccount([], None)
    with pytest.raises(InvalidParameterError, match="is a list"):
        BybitAccount(None, "USDT")


# --- Bitget ----------------------------------------------------------------------------------------


def test_bitget_parses_uta_pushes():
    adapter = BitgetAccount(["SPOT", "USDT-FUTURES"])
    order = {"category": "usdt-futures", "symbol": "BTCUSDT", "orderId": "9", "clientOid": "c",
             "orderStatus": "filled", "cumExecQty": "0.001", "updatedTime": "1742367838115"}
    (table, row), = adapter.parse({"arg": {"instType": "UTA", "topic": "order"}, "data": [order], "ts": 1})
    assert (table, row.key, row.category, row.closed, row.client_id) == ("orders", "9", "USDT-FUTURES", True, "c")
    live = dict(order, orderStatus="live")
    assert not adapter.parse({"arg": {"topic": "order"}, "data": [live]})[0][1].closed

    # UTA position pushes carry no category: it comes from the margin coin.
    position = {"symbol": "BTCUSDT", "marginCoin": "USDT", "size": "0", "posSide": "long",
                "holdMode": "hedge_mode", "updatedTime": "1736378720620"}
    (table, row), = adapter.parse({"arg": {"instType": "UTA", "topic": "position"}, "data": [position]})
    assert (table, row.key, row.closed) == ("positions", ("USDT-FUTURES", "BTCUSDT", "long"), True)
    one_way = dict(position, holdMode="one_way_mode", size="0.01")
    assert adapter.parse({"arg": {"topic": "position"}, "data": [one_way]})[0][1].key == ("USDT-FUTURES", "BTCUSDT", "")

    fill = {"category": "USDT-FUTURES", "execId": "x1", "execTime": "1736378720623", "clientOid": "c"}
    (table, row), = adapter.parse({"arg": {"topic": "fill"}, "data": [fill]})
    assert (table, row.key, row.time_ms) == ("fills", "x1", 1736378720623)
    coin_futures = dict(fill, category="COIN-FUTURES")
    assert adapter.parse({"arg": {"topic": "fill"}, "data": [coin_futures]}) == []

    account = {"arg": {"instType": "UTA", "topic": "account"}, "ts": 1740546523244,
               "data": [{"totalEquity": "1", "coin": [{"coin": "ETH", "balance": "0.9992"}]}]}
    (table, row), = adapter.parse(account)
    assert (table, row.key, row.rank) == ("balances", "ETH", (1740546523244,))
    assert adapter.is_subscribe_ack({"event": "subscribe", "arg": {"topic": "order"}})


def test_bitget_refuses_lower_case_categories():
    with pytest.raises(InvalidParameterError, match="upper-case"):
        BitgetAccount(["usdt-futures"])
