"""Bitget V3 WebSocket API: margin, optional categories, modify-order/batch-modify, requestTime/receiveWindow."""

from __future__ import annotations

from decimal import Decimal

import pytest

ORDER = {"symbol": "BTCUSDT", "side": "buy", "orderType": "limit", "qty": "0.01", "price": "50000",
         "timeInForce": "gtc"}


@pytest.fixture
def api(bitget, h, ws_factory):
    """A logged-in v3Private connection and a ``trade(id, topic, args, **top_level)`` helper."""
    bitget.limits.messages_per_second = 1000  # these tests send request after request; limits are tested elsewhere
    creds = bitget.credentials
    ws = ws_factory(bitget.ws_url("v3Private"))
    h.bitget_login(ws, creds.api_key, creds.api_secret, creds.api_pass)

    def trade(req_id, topic, args, **top):
        msg = dict({"op": "trade", "id": req_id, "topic": topic, "args": args}, **top)
        if "category" in msg and msg["category"] is None:
            del msg["category"]
        return ws.request(msg, lambda m: isinstance(m, dict) and m.get("id") == req_id)

    return trade


def place(trade, req_id, **fields):
    reply = trade(req_id, "place-order", [dict(ORDER, **fields)], category="spot")
    assert reply["code"] == "0", reply
    return reply["args"][0]["orderId"]


def test_margin_category_and_reply_fields(bitget, api, h):
    before = h.now_ms() * 1000
    reply = api("m1", "place-order", [dict(ORDER, clientOid="m1")], category="margin")
    assert reply["event"] == "trade" and reply["code"] == "0" and reply["category"] == "margin"
    [order] = bitget.orders(open_only=True)
    assert (order.category, order.product, order.client_id) == ("MARGIN", "spot", "m1")
    receive, push = int(reply["receiveTime"]), int(reply["pushTime"])  # microseconds
    assert before <= receive <= push <= h.now_ms() * 1000 + 1000
    assert reply["connId"] == bitget.ws_connections_of("v3Private")[0].conn_id
    [limit] = reply["rateLimit"]
    assert set(limit) == {"limit", "remaining"} and 0 <= int(limit["remaining"]) < int(limit["limit"])
    assert isinstance(reply["ts"], str) and reply["msg"] == "success"


def test_category_is_optional_on_cancel_and_modify(bitget, api):
    first, second, _ = (place(api, "p%d" % i, clientOid="c%d" % i) for i in range(3))
    modified = api("1", "modify-order", [{"orderId": first, "price": "50100"}])
    assert modified["code"] == "0" and "category" not in modified
    cancelled = api("2", "cancel-order", [{"orderId": first}])
    assert cancelled["code"] == "0" and "category" not in cancelled and cancelled["args"][0]["orderId"] == first
    both = api("3", "batch-cancel", [{"orderId": second}, {"clientOid": "c2"}])
    assert [a["code"] for a in both["args"]] == ["0", "0"] and bitget.orders(open_only=True) == []
    for bad in ("SPOT", "spot-margin", ""):
        refused = api("bad-" + bad, "cancel-order", [{"orderId": first}], category=bad)
        assert (refused["event"], refused["code"]) == ("error", "40808"), refused
    refused = api("4", "place-order", [dict(ORDER, clientOid="nocat")], category=None)  # placing needs it
    assert (refused["event"], refused["code"]) == ("error", "40808")


def test_modify_order(bitget, api):
    order_id = place(api, "p", clientOid="old-id")
    reply = api("1", "modify-order", [{"orderId": order_id, "symbol": "BTCUSDT", "qty": "0.02", "price": "50500",
                                       "newClientOid": "new-id"}], category="spot")
    assert reply["code"] == "0" and reply["topic"] == "modify-order"
    assert reply["args"] == [{"orderId": order_id, "clientOid": "new-id"}]
    [order] = bitget.orders(open_only=True)
    assert (order.qty, order.price, order.client_id) == (Decimal("0.02"), Decimal("50500"), "new-id")
    by_client = api("2", "modify-order", [{"clientOid": "new-id", "price": "50400"}])
    assert by_client["code"] == "0" and bitget.orders(open_only=True)[0].price == Decimal("50400")
    gone = api("3", "modify-order", [{"clientOid": "old-id", "price": "50300"}])
    assert gone == {"event": "error", "id": "3", "code": "25204", "msg": "Order does not exist"}
    wrong_symbol = api("4", "modify-order", [{"orderId": order_id, "symbol": "ETHUSDT", "price": "50300"}])
    assert wrong_symbol["code"] == "25204"
    other = place(api, "p2", clientOid="taken")
    duplicate = api("5", "modify-order", [{"orderId": order_id, "price": "50300", "newClientOid": "taken"}])
    assert duplicate["code"] == "25212" and bitget.orders(open_only=True)[1].client_id == "new-id"
    no_ref = api("6", "modify-order", [{"price": "50300"}])
    assert no_ref["code"] == "40924"
    off_tick = api("7", "modify-order", [{"orderId": other, "price": "50300.05"}])
    assert off_tick["code"] == "40808" and bitget.orders(open_only=True)[0].order_id == other  # still open
    auto = api("8", "modify-order", [{"orderId": other, "price": "50300.05", "autoCancel": "yes"}])
    assert auto["code"] == "40808" and [o.order_id for o in bitget.orders(open_only=True)] == [order_id]


def test_batch_modify(bitget, api):
    first, second = place(api, "p1", clientOid="b1"), place(api, "p2", clientOid="b2")
    reply = api("1", "batch-modify", [{"orderId": first, "qty": "0.03"}, {"clientOid": "b2", "price": "49000"},
                                      {"orderId": "123", "price": "49000"}])
    assert reply["code"] == "0" and "category" not in reply
    assert [(a["orderId"], a["code"]) for a in reply["args"]] == [(first, "0"), (second, "0"), ("123", "25204")]
    qty = {o.order_id: (o.qty, o.price) for o in bitget.orders(open_only=True)}
    assert qty == {first: (Decimal("0.03"), Decimal("50000")), second: (Decimal("0.01"), Decimal("49000"))}


def test_request_time_and_receive_window(bitget, api, h):
    now = h.now_ms()
    fresh = api("1", "place-order", [dict(ORDER, clientOid="r1", receiveWindow="60000")], category="spot",
                requestTime=str(now))
    assert fresh["code"] == "0"
    stale = api("2", "place-order", [dict(ORDER, clientOid="r2", receiveWindow="5000")], category="spot",
                requestTime=str(now - 10_000))
    assert (stale["event"], stale["code"]) == ("error", "40008")
    assert [o.client_id for o in bitget.orders()] == ["r1"]  # the expired order was not placed
    for window in ("5", "60001", "abc", 0):
        out_of_range = api("w%s" % window, "place-order", [dict(ORDER, clientOid="r3", receiveWindow=window)],
                           category="spot", requestTime=now)
        assert (out_of_range["code"], out_of_range["event"]) == ("40808", "error"), window
    bounds = api("3", "place-order", [dict(ORDER, clientOid="r4", receiveWindow=60000)], category="spot")
    assert bounds["code"] == "0"  # no requestTime: the window is checked for range only
    bad_time = api("4", "place-order", [dict(ORDER, clientOid="r5")], category="spot", requestTime="yesterday")
    assert bad_time["code"] == "40808"
    batch = api("5", "batch-place", [dict(ORDER, clientOid="r6", receiveWindow="60000"),
                                     dict(ORDER, clientOid="r7", receiveWindow="10")],
                category="spot", requestTime=str(h.now_ms() - 1000))
    assert [(a["clientOid"], a["code"]) for a in batch["args"]] == [("r6", "0"), ("r7", "40008")]


def test_error_replies_echo_the_id_as_sent(api):
    numeric = api(1666268894074, "place-order", [dict(ORDER, clientOid="e1")], category="SPOT")
    assert numeric == {"event": "error", "id": 1666268894074, "code": "40808",
                       "msg": "Parameter verification exception category"}
    text = api("0007", "no-such-topic", [{}], category="spot")
    assert text["id"] == "0007" and text["event"] == "error"


def test_rest_modify_and_batch_modify_share_the_rules(bitget, h):
    creds = bitget.credentials
    api = h.BitgetRest(bitget.rest_url, creds.api_key, creds.api_secret, creds.api_pass)
    body = dict(ORDER, category="SPOT", clientOid="r-1")
    first = api.post("/api/v3/trade/place-order", body).json()["data"]["orderId"]
    api.post("/api/v3/trade/place-order", dict(body, clientOid="r-2"))
    renamed = api.post("/api/v3/trade/modify-order", {"orderId": first, "clientOid": "ignored", "price": "50200",
                                                       "newClientOid": "r-1b", "category": "SPOT"}).json()
    assert renamed["data"] == {"orderId": first, "clientOid": "r-1b"}
    lower = api.post("/api/v3/trade/modify-order", {"orderId": first, "price": "50300", "category": "spot"}).json()
    assert lower["code"] == "40808"
    batch = api.post("/api/v3/trade/batch-modify-order", [{"clientOid": "r-2", "qty": "0.02"},
                                                          {"clientOid": "r-1", "qty": "0.02"}]).json()["data"]
    assert [(r["clientOid"], r["code"]) for r in batch] == [("r-2", "00000"), ("r-1", "25204")]
    assert {o.client_id: (o.qty, o.price) for o in bitget.orders(open_only=True)} == {
        "r-1b": (Decimal("0.01"), Decimal("50200")), "r-2": (Decimal("0.02"), Decimal("50000"))}
