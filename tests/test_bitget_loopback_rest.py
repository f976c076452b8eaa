"""Bitget REST against the loopback exchange: awkward query values arrive exactly, signed right.

Bitget verifies a signed GET over the decoded query; a value with ``:`` ``/`` ``#`` ``+`` a
space ``$`` or non-ASCII text must reach the server as one parameter with the exact value and
a signature the server accepts (spec bitget.md §0.1, §2.5).
"""

from decimal import Decimal

import pytest

from bitsdk import errors
from bitsdk.bitget import RestClientV3
from bitsdk.testing import LoopbackExchange

AWKWARD_CLIENT_OIDS = [
    "a:b/c#d+e f$g",
    "$DEGENUSDT",
    "ordre-été-测试",
    "k=v&x=%41+y",
]


@pytest.fixture(scope="module")
def exchange():
    with LoopbackExchange("bitget") as ex:
        yield ex


@pytest.fixture
def client(exchange):
    with RestClientV3(**exchange.client_options()) as rest:
        yield rest


def _resting_buy_price(client):
    ticker = client.get_tickers(category="SPOT", symbol="BTCUSDT")["data"][0]
    return str((Decimal(ticker["bid1Price"]) * Decimal("0.5")).quantize(Decimal("1")))


@pytest.mark.parametrize("client_oid", AWKWARD_CLIENT_OIDS)
def test_order_info_by_an_awkward_client_oid_round_trips(client_oid, exchange, client):
    placed = client.submit_new_order(
        category="SPOT", symbol="BTCUSDT", side="buy", orderType="limit", qty="0.001",
        price=_resting_buy_price(client), clientOid=client_oid,
    )["data"]
    # The POST body carried the value; the loopback stored it as is.
    assert [o.client_id for o in exchange.orders(open_only=True) if o.order_id == placed["orderId"]] == [client_oid]
    # The signed GET: one parameter, the exact value, a signature the exchange accepts.
    info = client.get_order_info(clientOid=client_oid)["data"]
    assert (info["orderId"], info["clientOid"]) == (placed["orderId"], client_oid)
    client.cancel_order(category="SPOT", symbol="BTCUSDT", clientOid=client_oid)


def test_an_unknown_awkward_client_oid_is_looked_up_not_refused(client):
    # The signature is accepted (no 40009): the exchange answers about the order itself.
    with pytest.raises(errors.APIError) as caught:
        client.get_order_info(clientOid="no such: order/#1 + ü $")
    assert caught.value.code == "25204"
    assert not isinstance(caught.value, errors.AuthenticationError)
