"""WebSocket API commands: matching, rejection, timeouts, drops, concurrency (scripted server)."""

from __future__ import annotations

import json
import threading
import time

import pytest
from _fake import FakeExchange
from _helpers import FAST, Recorder

from bitsdk._futures import CommandFuture
from bitsdk.bitget._ws import WebsocketAPIClient as BitgetAPI
from bitsdk.bitget._ws import WebsocketClientV3
from bitsdk.bybit._ws import WebsocketAPIClient as BybitAPI
from bitsdk.bybit._ws import WebsocketClient
from bitsdk.errors import (
    APIError,
    ClientClosedError,
    CommandTimeoutError,
    ConnectionLostError,
    InvalidParameterError,
    OutcomeUnknownError,
)

ORDER_BYBIT = {"category": "linear", "symbol": "BTCUSDT", "side": "Buy", "orderType": "Limit", "qty": "0.001", "price": "100"}
ORDER_BITGET = {"symbol": "BTCUSDT", "side": "buy", "orderType": "limit", "qty": "0.001", "price": "100", "timeInForce": "gtc"}


def make(exchange, fake, **extra):
    opts = dict(FAST, **extra)
    if exchange == "bybit":
        return BybitAPI(**{k: v for k, v in fake.client_options(WebsocketClient.WS_KEYS).items() if k != "api_pass"}, **opts)
    return BitgetAPI(**fake.client_options(WebsocketClientV3.WS_KEYS), **opts)


def place(exchange, api, **over):
    if exchange == "bybit":
        return api.submit_new_order({**ORDER_BYBIT, **over})
    return api.submit_new_order("spot", {**ORDER_BITGET, **over})


def place_future(exchange, api, **over):
    if exchange == "bybit":
        return api.send_ws_api_request("order.create", {**ORDER_BYBIT, **over})
    return api.send_ws_api_request("place-order", "spot", [{**ORDER_BITGET, **over}])


@pytest.fixture(params=["bybit", "bitget"])
def setup(request, bybit_fake, bitget_fake):
    fake = bybit_fake if request.param == "bybit" else bitget_fake
    api = make(request.param, fake)
    yield request.param, fake, api
    api.close()


def test_command_ack_and_reply_event(setup):
    exchange, fake, api = setup
    rec = Recorder(api.get_ws_client())
    api.connect_ws_api(timeout=3)
    reply = place(exchange, api, clientOid="c1", orderLinkId="c1")
    if exchange == "bybit":
        assert reply["retCode"] == 0 and reply["op"] == "order.create"
        sent = [f for f in fake.frames("v5PrivateTrade") if f.get("op") == "order.create"][0]
        assert set(sent["header"]) == {"X-BAPI-TIMESTAMP", "X-BAPI-RECV-WINDOW"}  # no Referer
        assert sent["header"]["X-BAPI-RECV-WINDOW"] == "5000" and len(sent["reqId"]) <= 36
    else:
        assert reply["code"] == "0" and reply["args"][0]["orderId"] == "1"
        sent = [f for f in fake.frames("v3Private") if isinstance(f, dict) and f.get("op") == "trade"][0]
        assert sent["category"] == "spot" and sent["topic"] == "place-order" and isinstance(sent["id"], str)
    ev = rec.wait_for(lambda r: [e for e in r.of("response") if e.ws_api])[0]
    assert not ev.unmatched


def test_rejected_order_raises_with_exchange_code(setup):
    exchange, fake, api = setup
    rec = Recorder(api.get_ws_client())
    with pytest.raises(APIError) as info:
        place(exchange, api, qty="bad")
    assert info.value.code == (110007 if exchange == "bybit" else "43012")
    ev = rec.wait_for(lambda r: [e for e in r.of("exception") if e.ws_api])[0]
    assert ev.error is info.value


def test_timeout_then_unmatched_late_reply(setup):
    exchange, fake, api = setup
    rec = Recorder(api.get_ws_client())
    api.connect_ws_api(timeout=3)
    fake.faults.ws_api_reply("late", delay=0.5)
    if exchange == "bybit":
        fut = api.get_ws_client().send_ws_api_request("v5PrivateTrade", "order.create", ORDER_BYBIT, timeout=0.2)
    else:
        fut = api.get_ws_client().send_ws_api_request("v3Private", "place-order", "spot", ORDER_BITGET, timeout=0.2)
    started = time.monotonic()
    with pytest.raises(CommandTimeoutError) as info:
        fut.result()
    assert isinstance(info.value, OutcomeUnknownError) and isinstance(info.value, TimeoutError)
    assert time.monotonic() - started < 0.5
    assert "outcome is unknown" in str(info.value)
    ev = rec.wait_for(lambda r: [e for e in r.of("response") if e.unmatched], timeout=3)[0]
    assert ev.ws_api and ev.data.get("reqId", ev.data.get("id")) == fut.request_id
    assert rec.count("reconnect") == 0


def test_duplicate_reply_is_reported_unmatched(setup):
    exchange, fake, api = setup
    rec = Recorder(api.get_ws_client())
    fake.faults.ws_api_reply("twice")
    place(exchange, api)
    rec.wait_for(lambda r: [e for e in r.of("response") if e.unmatched])


def test_no_reply_times_out_via_reader_tick_for_callbacks(setup):
    exchange, fake, api = setup
    api.connect_ws_api(timeout=3)
    fake.faults.ws_api_reply("never")
    ws = api.get_ws_client()
    if exchange == "bybit":
        fut = ws.send_ws_api_request("v5PrivateTrade", "order.create", ORDER_BYBIT, timeout=0.2)
    else:
        fut = ws.send_ws_api_request("v3Private", "place-order", "spot", ORDER_BITGET, timeout=0.2)
    done = threading.Event()
    seen = []

    def cb(f):
        seen.append((threading.current_thread().name, f.exception()))
        done.set()

    fut.add_done_callback(cb)
    assert done.wait(2)  # resolved without anyone blocking in result()
    name, exc = seen[0]
    assert name.endswith("-dispatch") and isinstance(exc, CommandTimeoutError)


def test_drop_mid_command_fails_every_pending_then_next_works(setup):
    exchange, fake, api = setup
    rec = Recorder(api.get_ws_client())
    api.connect_ws_api(timeout=3)
    fake.faults.ws_api_reply("never")
    futures = [place_future(exchange, api) for _ in range(5)]
    fake.faults.drop_all()
    for fut in futures:
        with pytest.raises(ConnectionLostError, match="outcome unknown"):
            fut.result(timeout=3)
    fake.faults.ws_api_reply("normal")
    reply = place(exchange, api)  # waits for the reconnect + login, then goes out once
    assert str(reply.get("retCode", reply.get("code"))) == "0"
    rec.wait_for(lambda r: r.count("reconnected") >= 1)


def test_200_commands_from_8_threads_match_their_callers(setup):
    exchange, fake, api = setup
    # Bitget takes 10 messages a second per connection, commands included: the client paces
    # them, so 48 commands there (about 5 s) instead of 200.
    per_thread = 25 if exchange == "bybit" else 6
    api.connect_ws_api(timeout=3)
    errors = []
    results = {}

    def worker(t):
        try:
            for i in range(per_thread):
                tag = f"t{t}-{i}"
                fut = place_future(exchange, api, clientOid=tag, orderLinkId=tag)
                reply = fut.result(timeout=5)
                got = reply["data"]["orderLinkId"] if exchange == "bybit" else reply["args"][0]["clientOid"]
                results[tag] = (got, fut.request_id, reply.get("reqId", reply.get("id")))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert not errors
    assert len(results) == 8 * per_thread
    assert all(tag == got and rid == reply_id for tag, (got, rid, reply_id) in results.items())


def test_batch_reports_per_item_codes(setup):
    exchange, fake, api = setup
    if exchange == "bybit":
        reply = api.batch_submit_orders(
            "linear", [dict(ORDER_BYBIT, orderLinkId="a"), dict(ORDER_BYBIT, qty="bad", orderLinkId="b")]
        )
        assert reply["retCode"] == 0
    else:
        reply = api.place_batch_orders("spot", [dict(ORDER_BITGET, clientOid="a"), dict(ORDER_BITGET, qty="bad", clientOid="b")])
        assert reply["code"] == "0"
    failed = api.batch_errors(reply)
    assert [f["index"] for f in failed] == [1]
    assert failed[0]["code"] == (110007 if exchange == "bybit" else "43012")


def test_close_fails_pending_with_client_closed(setup):
    exchange, fake, api = setup
    api.connect_ws_api(timeout=3)
    fake.faults.ws_api_reply("never")
    fut = place_future(exchange, api)
    api.close()
    with pytest.raises(ClientClosedError):
        fut.result(timeout=2)
    with pytest.raises(ClientClosedError):
        place(exchange, api)


def test_connect_ws_api_raises_on_rejected_login(setup):
    from bitsdk.errors import AuthenticationError

    exchange, fake, api = setup
    fake.faults.reject_next_login()
    with pytest.raises(AuthenticationError):
        api.connect_ws_api(timeout=3)


def test_future_api_basics():
    fut = CommandFuture("id-1", "order.create", "v5PrivateTrade", {}, timeout=5)
    assert not fut.done()
    with pytest.raises(CommandTimeoutError, match="still pending"):
        fut.result(timeout=0.01)
    assert not fut.done()
    calls = []
    fut.add_done_callback(calls.append)
    assert fut._set_result({"ok": 1})
    assert not fut._set_exception(RuntimeError())  # first outcome wins
    assert fut.done() and fut.result() == {"ok": 1} and fut.exception() is None
    assert calls == [fut]
    later = []
    fut.add_done_callback(later.append)  # already done: runs at once
    assert later == [fut]


def test_future_expires_on_its_own_deadline_without_a_reader():
    from bitsdk._futures import PendingCommands

    table = PendingCommands()
    fut = CommandFuture("id-2", "place-order", "v3Private", {}, timeout=0.05)
    table.add("id-2", fut)
    with pytest.raises(CommandTimeoutError):
        fut.result()
    assert len(table) == 0


def test_request_ids_are_unique_and_short():
    from bitsdk._futures import new_request_id

    ids = {new_request_id() for _ in range(10000)}
    assert len(ids) == 10000 and max(len(i) for i in ids) <= 36


def test_bybit_ws_api_refused_in_demo_trading():
    with pytest.raises(InvalidParameterError, match="demo trading"):
        BybitAPI(api_key="k", api_secret="s", demo_trading=True)
    ws = WebsocketClient(api_key="k", api_secret="s", demo_trading=True)
    with pytest.raises(InvalidParameterError, match="demo trading"):
        ws.send_ws_api_request("v5PrivateTrade", "order.create", ORDER_BYBIT)
    ws.close()


# --- Bitget WebSocket API fidelity (bitget.md §0.4-0.7): a scripted server -------------------


class ScriptedBitget(FakeExchange):
    """The bitget fake with ``trade`` replies written by the test: ``script(frame) -> [reply, ...]``."""

    def __init__(self, script):
        super().__init__("bitget")
        self.script = script
        self.login_ms = []  # server clock when each login was answered

    def _answer(self, path, text, topics):
        if text != "ping":
            msg = json.loads(text)
            if msg.get("op") == "trade":
                return [json.dumps(reply) for reply in self.script(msg)]
            if msg.get("op") == "login":
                self.login_ms.append(time.time_ns() // 1_000_000)
        return super()._answer(path, text, topics)

    def trades(self):
        return [f for f in self.frames("v3Private") if isinstance(f, dict) and f.get("op") == "trade"]


# Fields of newer replies that bitsdk does not know about: they must reach the caller untouched.
EXTRA_REPLY_FIELDS = {"receiveTime": "1750034397010", "pushTime": "1750034397070", "rateLimit": {"remaining": 9},
                      "connId": "c-42", "somethingNew": [1, {"x": None}]}


def echo_success(msg):
    items = [{"orderId": str(item.get("orderId") or i + 1), "clientOid": item.get("clientOid"), "code": "0",
              "msg": "success"} for i, item in enumerate(msg["args"])]
    if not msg["topic"].startswith("batch"):
        items = [{k: v for k, v in items[0].items() if k not in ("code", "msg")}]
    return [{"event": "trade", "id": msg["id"], "topic": msg["topic"], "args": items, "code": "0", "msg": "success",
             "ts": "1750034397076", **EXTRA_REPLY_FIELDS}]


@pytest.fixture
def scripted():
    made = []

    def start(script=echo_success, **extra):
        fake = ScriptedBitget(script)
        api = BitgetAPI(**fake.client_options(WebsocketClientV3.WS_KEYS), **dict(FAST, **extra))
        made.append((fake, api))
        return fake, api

    yield start
    for fake, api in made:
        api.close()
        fake.close()


MODIFY = {"orderId": "1", "symbol": "BTCUSDT", "qty": "0.002", "price": "101", "newClientOid": "m1"}


def test_bitget_modify_helpers_and_optional_category(scripted):
    fake, api = scripted()
    rec = Recorder(api.get_ws_client())
    reply = api.modify_order(MODIFY)
    assert reply["topic"] == "modify-order" and reply["args"][0]["orderId"] == "1"
    reply = api.modify_order(MODIFY, category="usdt-futures")
    reply = api.modify_order("coin-futures", MODIFY)  # the (category, request) style of the other helpers
    batch = api.batch_modify_orders([MODIFY, dict(MODIFY, orderId="2")])
    assert batch["code"] == "0" and api.batch_errors(batch) == []
    api.batch_modify_orders([MODIFY], category="margin")
    api.cancel_order({"clientOid": "c:1/#+ x"})
    api.cancel_order("spot", {"orderId": "1"})  # existing call style
    api.cancel_batch_orders([{"orderId": "1"}, {"clientOid": "c2"}])
    api.cancel_batch_orders("usdc-futures", [{"orderId": "1"}])
    api.submit_new_order("margin", ORDER_BITGET)
    # keyword styles: the old (category=, request=) and the new request= alone
    api.cancel_order(category="spot", request={"orderId": "3"})
    api.cancel_batch_orders(requests=[{"orderId": "4"}])
    api.modify_order(request=MODIFY, category="spot")
    api.batch_modify_orders(None, [MODIFY])
    sent = fake.trades()
    assert [(f["topic"], f.get("category")) for f in sent] == [
        ("modify-order", None), ("modify-order", "usdt-futures"), ("modify-order", "coin-futures"),
        ("batch-modify", None), ("batch-modify", "margin"), ("cancel-order", None), ("cancel-order", "spot"),
        ("batch-cancel", None), ("batch-cancel", "usdc-futures"), ("place-order", "margin"),
        ("cancel-order", "spot"), ("batch-cancel", None), ("modify-order", "spot"), ("batch-modify", None),
    ]
    assert all("category" not in f for f in sent if f.get("category") is None)  # omitted, not null
    assert sent[0]["args"] == [MODIFY] and sent[3]["args"] == [MODIFY, dict(MODIFY, orderId="2")]
    assert sent[5]["args"] == [{"clientOid": "c:1/#+ x"}]
    assert all(f["id"].isdigit() for f in sent) and len({f["id"] for f in sent}) == len(sent)
    assert not rec.of("exception")


def test_bitget_unknown_reply_fields_pass_through(scripted):
    fake, api = scripted()
    rec = Recorder(api.get_ws_client())
    reply = api.modify_order(MODIFY)
    for name, value in EXTRA_REPLY_FIELDS.items():
        assert reply[name] == value
    event = rec.wait_for(lambda r: [e for e in r.of("response") if e.ws_api])[0]
    assert event.data == reply and event.data["connId"] == "c-42"


def test_bitget_batch_modify_reports_per_item_codes(scripted):
    def script(msg):
        items = [{"orderId": item["orderId"], "code": "0" if item["orderId"] == "1" else "25204",
                  "msg": "success" if item["orderId"] == "1" else "Order does not exist"} for item in msg["args"]]
        return [{"event": "trade", "id": msg["id"], "topic": msg["topic"], "args": items, "code": "0", "msg": "success"}]

    fake, api = scripted(script)
    reply = api.batch_modify_orders([MODIFY, dict(MODIFY, orderId="9")])
    failed = api.batch_errors(reply)
    assert [(f["index"], f["code"]) for f in failed] == [(1, "25204")]


def test_bitget_numeric_id_error_reply_fails_its_command(scripted):
    def script(msg):
        # As in Bitget's UTA docs: an error reply carrying the id as a JSON number.
        return [{"code": "40010", "msg": "Request timed out", "id": int(msg["id"]), "event": "error"}]

    fake, api = scripted(script)
    rec = Recorder(api.get_ws_client())
    with pytest.raises(APIError) as info:
        api.modify_order(MODIFY, timeout=3)
    assert info.value.code == "40010" and "modify-order rejected: Request timed out" in str(info.value)
    event = rec.wait_for(lambda r: [e for e in r.of("exception") if e.ws_api])[0]
    assert event.error is info.value and not event.unmatched
    assert event.data["id"] == int(fake.trades()[0]["id"])  # the reply itself is left as sent


def test_bitget_numeric_id_without_a_pending_command_is_reported(scripted):
    def script(msg):
        stray = {"code": "40010", "msg": "Request timed out", "id": 1666268894074, "event": "error"}
        return [stray] + echo_success(msg)

    fake, api = scripted(script)
    rec = Recorder(api.get_ws_client())
    reply = api.cancel_order({"orderId": "1"})  # its own reply still matches
    assert reply["code"] == "0"
    stray = rec.wait_for(lambda r: [e for e in r.of("exception") if e.unmatched])[0]
    assert stray.ws_api and stray.data["id"] == 1666268894074
    assert isinstance(stray.error, APIError) and stray.error.code == "40010"
    # The reply's own event follows on the dispatcher, after the stray one: wait for it too.
    rec.wait_for(lambda r: [e for e in r.of("response") if e.ws_api and not e.unmatched])


def test_bitget_request_time_and_receive_window(scripted):
    fake, api = scripted()
    before = time.time_ns() // 1_000_000
    api.send_ws_api_request("place-order", "spot", ORDER_BITGET, receive_window=500).result(timeout=3)
    api.send_ws_api_request("place-order", "spot", ORDER_BITGET, request_time=1_700_000_000_000).result(timeout=3)
    api.send_ws_api_request("batch-place", "spot", [dict(ORDER_BITGET, receiveWindow="60000"), ORDER_BITGET],
                            receive_window=10).result(timeout=3)
    api.send_ws_api_request("place-order", "spot", ORDER_BITGET, request_time=True).result(timeout=3)
    api.send_ws_api_request("place-order", "spot", ORDER_BITGET, receive_window=20, request_time=False).result(timeout=3)
    api.submit_new_order("spot", ORDER_BITGET)
    after = time.time_ns() // 1_000_000
    windowed, fixed, batch, stamped, unstamped, plain = fake.trades()
    # A receive window stamps requestTime (text, ms) once the connection is logged in.
    assert windowed["args"] == [dict(ORDER_BITGET, receiveWindow="500")]
    assert fake.login_ms and max(before, fake.login_ms[0]) <= int(windowed["requestTime"]) <= after
    assert fixed["requestTime"] == "1700000000000" and "receiveWindow" not in fixed["args"][0]
    assert [item["receiveWindow"] for item in batch["args"]] == ["60000", "10"]  # an item's own wins
    assert before <= int(batch["requestTime"]) <= after
    assert before <= int(stamped["requestTime"]) <= after and "receiveWindow" not in stamped["args"][0]
    assert "requestTime" not in unstamped and unstamped["args"][0]["receiveWindow"] == "20"
    assert "requestTime" not in plain and "receiveWindow" not in plain["args"][0]
    assert ORDER_BITGET.get("receiveWindow") is None  # the caller's dict is not changed


def test_bitget_request_time_follows_the_time_offset(scripted):
    fake, api = scripted()
    api.set_time_offset_ms(-86_400_000)
    before = time.time_ns() // 1_000_000
    api.send_ws_api_request("cancel-order", None, {"orderId": "1"}, request_time=True).result(timeout=3)
    after = time.time_ns() // 1_000_000
    stamp = int(fake.trades()[0]["requestTime"])
    assert before - 86_400_000 <= stamp <= after - 86_400_000
