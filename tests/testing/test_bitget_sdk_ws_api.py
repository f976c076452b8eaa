"""bitsdk's Bitget WebsocketAPIClient against the strict loopback: modify, optional category,
margin, request time and receive window, unknown reply fields passed through."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bitsdk.bitget import WebsocketAPIClient
from bitsdk.errors import APIError

ORDER = {"symbol": "BTCUSDT", "side": "buy", "orderType": "limit", "qty": "0.001", "price": "50000",
         "timeInForce": "gtc"}


@pytest.fixture
def api(bitget):
    with WebsocketAPIClient(**bitget.client_options()) as client:
        yield client


def test_place_modify_and_cancel_without_category(bitget, api):
    ack = api.submit_new_order("spot", dict(ORDER, clientOid="sdk-mod-1"))
    order_id = ack["args"][0]["orderId"]
    assert {"connId", "receiveTime", "pushTime", "rateLimit"} <= set(ack)  # passed through untouched
    api.modify_order({"symbol": "BTCUSDT", "orderId": order_id, "price": Decimal("50100.5"), "qty": "0.001",
                      "newClientOid": "sdk-mod-2"})
    (order,) = bitget.orders(open_only=True)
    assert order.price == Decimal("50100.5") and order.client_id == "sdk-mod-2"
    api.cancel_order({"symbol": "BTCUSDT", "clientOid": "sdk-mod-2"})  # no category on the frame
    assert bitget.orders(open_only=True) == []
    frames = [c for c in bitget.ws_api_commands() if c.get("topic") in ("modify-order", "cancel-order")]
    assert frames and all("category" not in c for c in frames)


def test_batch_modify_and_receive_window(bitget, api):
    api.place_batch_orders("spot", [dict(ORDER, clientOid=f"sdk-b{i}") for i in range(2)])
    reply = api.batch_modify_orders([{"symbol": "BTCUSDT", "clientOid": f"sdk-b{i}", "price": "49000", "qty": "0.001"}
                                     for i in range(2)])
    assert api.batch_errors(reply) == []
    assert {o.price for o in bitget.orders(open_only=True)} == {Decimal("49000")}
    api.send_ws_api_request("batch-cancel", None, [{"symbol": "BTCUSDT", "clientOid": f"sdk-b{i}"} for i in range(2)],
                            receive_window=5000).result(5)
    sent = bitget.ws_api_commands()[-1]
    assert "requestTime" in sent and all(arg["receiveWindow"] == "5000" for arg in sent["args"])
    assert bitget.orders(open_only=True) == []


def test_margin_category_is_accepted_and_errors_are_typed(api):
    with pytest.raises(APIError) as caught:
        api.cancel_order("margin", {"symbol": "BTCUSDT", "orderId": "123"})
    assert caught.value.code not in (None, "30001")  # an order error, not an unknown category
