"""End to end against the loopback exchange: both exchanges, real sockets, injected faults."""

from __future__ import annotations

import threading
import time

import pytest
from _helpers import FAST, Recorder, bitsdk_threads

try:
    from bitsdk.testing import LoopbackExchange
except ImportError:  # pragma: no cover - the loopback is a sibling package
    pytest.skip("bitsdk.testing.LoopbackExchange is not available", allow_module_level=True)

from bitsdk.bitget._ws import WebsocketAPIClient as BitgetAPI
from bitsdk.bitget._ws import WebsocketClientV3
from bitsdk.bybit._ws import WebsocketAPIClient as BybitAPI
from bitsdk.bybit._ws import WebsocketClient
from bitsdk.errors import (
    APIError,
    AuthenticationError,
    CommandTimeoutError,
    ConnectionLostError,
    InvalidParameterError,
)


class BybitSide:
    name = "bybit"
    public_key, private_key, trade_key = "v5LinearPublic", "v5Private", "v5PrivateTrade"

    @staticmethod
    def stream(ex, **opts):
        return WebsocketClient(**ex.client_options(), **dict(FAST, **opts))

    @staticmethod
    def api(ex, **opts):
        return BybitAPI(**ex.client_options(), **dict(FAST, **opts))

    @staticmethod
    def subscribe_public(ws):
        ws.subscribe_v5(["tickers.BTCUSDT", "publicTrade.BTCUSDT"], "linear")

    @staticmethod
    def subscribe_private(ws):
        ws.subscribe_v5(["order", "wallet"], "linear")

    @staticmethod
    def order(tag, qty="0.001"):
        return {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit",
                "qty": qty, "price": "30000", "orderLinkId": tag}

    @staticmethod
    def place(api, order, **kw):
        return api.submit_new_order(order, **kw)

    @staticmethod
    def future(api, order, timeout=None):
        return api.send_ws_api_request("order.create", order, timeout=timeout)

    @staticmethod
    def cancel(api, order_id):
        return api.cancel_order(category="linear", symbol="BTCUSDT", orderId=order_id)

    @staticmethod
    def batch(api, orders):
        return api.batch_submit_orders("linear", orders)

    @staticmethod
    def ok(reply):
        return reply["retCode"] == 0

    @staticmethod
    def order_id(reply):
        return reply["data"]["orderId"]

    @staticmethod
    def tag(reply):
        return reply["data"]["orderLinkId"]

    @staticmethod
    def order_updates(event):
        data = event.data
        if event.kind != "update" or data.get("topic") != "order":
            return []
        return [(o["orderId"], o["orderStatus"]) for o in data["data"]]

    cancelled = "Cancelled"


class BitgetSide:
    name = "bitget"
    public_key, private_key, trade_key = "v3Public", "v3Private", "v3Private"

    @staticmethod
    def stream(ex, **opts):
        return WebsocketClientV3(**ex.client_options(), **dict(FAST, **opts))

    @staticmethod
    def api(ex, **opts):
        return BitgetAPI(**ex.client_options(), **dict(FAST, **opts))

    @staticmethod
    def subscribe_public(ws):
        ws.subscribe([{"topic": "ticker", "payload": {"instType": "spot", "symbol": "BTCUSDT"}},
                      {"topic": "publicTrade", "payload": {"instType": "spot", "symbol": "BTCUSDT"}}], "v3Public")

    @staticmethod
    def subscribe_private(ws):
        ws.subscribe([{"topic": "order", "payload": {"instType": "UTA"}},
                      {"topic": "account", "payload": {"instType": "UTA"}}], "v3Private")

    @staticmethod
    def order(tag, qty="0.001"):
        return {"symbol": "BTCUSDT", "side": "buy", "orderType": "limit", "qty": qty, "price": "30000",
                "timeInForce": "gtc", "clientOid": tag}

    @staticmethod
    def place(api, order, **kw):
        return api.submit_new_order("spot", order, **kw)

    @staticmethod
    def future(api, order, timeout=None):
        return api.send_ws_api_request("place-order", "spot", [order], timeout=timeout)

    @staticmethod
    def cancel(api, order_id):
        return api.cancel_order("spot", {"orderId": order_id})

    @staticmethod
    def batch(api, orders):
        return api.place_batch_orders("spot", orders)

    @staticmethod
    def ok(reply):
        return reply["code"] == "0"

    @staticmethod
    def order_id(reply):
        return reply["args"][0]["orderId"]

    @staticmethod
    def tag(reply):
        return reply["args"][0]["clientOid"]

    @staticmethod
    def order_updates(event):
        data = event.data
        if event.kind != "update" or (data.get("arg") or {}).get("topic") != "order":
            return []
        return [(o["orderId"], o["orderStatus"]) for o in data["data"]]

    cancelled = "cancelled"


def subs_of(ex, ws_key):
    """The subscription keys the loopback holds for ``ws_key`` (all its open connections)."""
    return sorted(key for keys in ex.ws_subscriptions(ws_key).values() for key in keys)


@pytest.fixture(params=[BybitSide, BitgetSide], ids=["bybit", "bitget"])
def side(request):
    return request.param


@pytest.fixture
def ex(side):
    with LoopbackExchange(side.name, push_interval=0.05) as exchange:
        yield exchange


def test_drop_all_reconnects_relogs_and_resubscribes(side, ex):
    with side.stream(ex) as ws:
        rec = Recorder(ws)
        side.subscribe_public(ws)
        side.subscribe_private(ws)
        rec.wait_for(lambda r: r.count("update", side.public_key) >= 2 and r.count("authenticated") == 1)
        assert ex.wait_for(lambda: len(subs_of(ex, side.private_key)) == 2 and len(subs_of(ex, side.public_key)) == 2)
        before = (subs_of(ex, side.public_key), subs_of(ex, side.private_key))
        logins = ex.login_count()

        assert ex.faults.drop_all() >= 2

        rec.wait_for(lambda r: r.count("reconnected") == 2 and r.count("authenticated") == 2)
        assert rec.count("reconnect") >= 2
        assert ex.wait_for(lambda: ex.login_count() == logins + 1)
        assert ex.wait_for(lambda: (subs_of(ex, side.public_key), subs_of(ex, side.private_key)) == before)
        n = rec.count("update", side.public_key)
        rec.wait_for(lambda r: r.count("update", side.public_key) >= n + 2)


def test_silent_connection_is_replaced(side, ex):
    with side.stream(ex) as ws:
        rec = Recorder(ws)
        side.subscribe_public(ws)
        rec.wait_for(lambda r: r.count("update") >= 1)
        ex.faults.go_silent(2.0)
        started = time.monotonic()
        rec.wait_for(lambda r: r.count("reconnect") >= 1, timeout=3)
        assert time.monotonic() - started <= FAST["ping_interval"] + FAST["pong_timeout"] + 0.5
        rec.wait_for(lambda r: r.count("reconnected") >= 1, timeout=5)
        n = rec.count("update")
        rec.wait_for(lambda r: r.count("update") > n, timeout=5)


def test_login_rejected_then_no_private_resubscribe(side, ex):
    with side.stream(ex, reconnect_backoff=(0.05, 0.5)) as ws:
        rec = Recorder(ws)
        ex.faults.reject_next_login()
        side.subscribe_private(ws)
        ev = rec.wait_for(lambda r: [e for e in r.of("exception") if isinstance(e.error, AuthenticationError)])[0]
        # Bitget sends a code; Bybit's /v5/private auth reply has only ret_msg.
        assert ev.error.code == (30015 if side.name == "bitget" else None)
        assert "Invalid sign" in str(ev.error) or side.name == "bitget"
        assert subs_of(ex, side.private_key) == []
        # It keeps trying (with backoff) and then gets in with a fresh signature.
        rec.wait_for(lambda r: r.count("authenticated") == 1, timeout=5)
        assert ex.login_attempts() == 2
        assert ex.wait_for(lambda: len(subs_of(ex, side.private_key)) == 2)


def test_place_then_cancel_confirmed_on_the_order_stream(side, ex):
    with side.api(ex) as api:
        ws = api.get_ws_client()
        rec = Recorder(ws)
        ws_sub = side.subscribe_private
        ws_sub(ws)
        rec.wait_for(lambda r: r.count("response", side.private_key) >= 1)
        api.connect_ws_api(timeout=3)
        reply = side.place(api, side.order("tag-1"))
        assert side.ok(reply) and side.tag(reply) == "tag-1"
        order_id = side.order_id(reply)
        rec.wait_for(lambda r: any(oid == order_id for e in r.events for oid, _ in side.order_updates(e)))
        cancel = side.cancel(api, order_id)
        assert side.ok(cancel)
        rec.wait_for(lambda r: any((order_id, side.cancelled) in side.order_updates(e) for e in r.events))
        assert [e for e in rec.of("response") if e.ws_api and not e.unmatched]


def test_rejected_order_raises_with_the_exchange_code(side, ex):
    with side.api(ex) as api:
        rec = Recorder(api.get_ws_client())
        with pytest.raises(APIError) as info:
            side.place(api, side.order("too-big", qty="100000"))
        assert info.value.code not in (None, 0, "0")
        if side.name == "bitget":
            assert isinstance(info.value.code, str)
            # Bitget's error reply has no topic: the error still names the command.
            assert info.value.method == "place-order" and "place-order rejected" in str(info.value)
        rec.wait_for(lambda r: [e for e in r.of("exception") if e.ws_api and e.error is info.value])


def test_late_reply_times_out_then_arrives_unmatched(side, ex):
    with side.api(ex) as api:
        rec = Recorder(api.get_ws_client())
        api.connect_ws_api(timeout=3)
        ex.faults.ws_api_reply("late", delay=0.6)
        fut = side.future(api, side.order("late-1"), timeout=0.25)
        with pytest.raises(CommandTimeoutError):
            fut.result()
        ev = rec.wait_for(lambda r: [e for e in r.of("response") if e.unmatched], timeout=3)[0]
        assert ev.ws_api
        assert side.ok(side.place(api, side.order("after-late")))


def test_drop_mid_command_fails_all_pending_and_next_works(side, ex):
    with side.api(ex) as api:
        rec = Recorder(api.get_ws_client())
        api.connect_ws_api(timeout=3)
        ex.faults.ws_api_reply("never", count=3)
        futures = [side.future(api, side.order(f"drop-{i}")) for i in range(3)]
        assert ex.wait_for(lambda: len(ex.ws_api_commands()) >= 3)
        ex.faults.drop_all()
        for fut in futures:
            with pytest.raises(ConnectionLostError):
                fut.result(timeout=3)
        reply = side.place(api, side.order("after-drop"))
        assert side.ok(reply)
        assert rec.count("reconnected") >= 1


def test_200_commands_from_8_threads(side, ex):
    # Bitget takes 10 messages a second per connection, commands included: the client paces
    # them, so 48 commands there (about 5 s) instead of 200.
    per_thread = 25 if side.name == "bybit" else 6
    with side.api(ex) as api:
        api.connect_ws_api(timeout=3)
        mismatches, errors = [], []

        def worker(t):
            try:
                for i in range(per_thread):
                    tag = f"w{t}-{i}"
                    reply = side.place(api, side.order(tag))
                    if side.tag(reply) != tag:
                        mismatches.append((tag, reply))
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=worker, args=(t,)) for t in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert not errors and not mismatches
        assert len(ex.ws_api_commands()) == 8 * per_thread


def test_batch_with_one_bad_item_reports_per_item_codes(side, ex):
    with side.api(ex) as api:
        reply = side.batch(api, [side.order("b-ok"), side.order("b-bad", qty="100000")])
        assert side.ok(reply)
        failed = api.batch_errors(reply)
        assert [f["index"] for f in failed] == [1]
        assert failed[0]["code"] not in (None, 0, "0")


def test_bybit_ws_api_refused_in_demo_trading():
    with LoopbackExchange("bybit") as ex:
        with pytest.raises(InvalidParameterError, match="demo trading"):
            BybitAPI(**ex.client_options(demo=True))


def test_close_leaves_no_thread(side, ex):
    for _ in range(2):
        ws = side.stream(ex)
        rec = Recorder(ws)
        side.subscribe_public(ws)
        side.subscribe_private(ws)
        rec.wait_for(lambda r: r.count("update") >= 2)
        ws.close()
        assert bitsdk_threads() == []
        assert rec.count("close") == 2


def test_url_shows_where_a_key_connects(side, ex):
    with side.stream(ex) as ws:
        assert ws.url(side.public_key) == ex.ws_urls[side.public_key]
        with pytest.raises(InvalidParameterError, match="valid keys"):
            ws.url("nope")
