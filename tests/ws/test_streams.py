"""Stream behaviour of the engine, against a scripted local server (both exchanges)."""

from __future__ import annotations

import json
import queue
import threading
import time

import pytest
from _helpers import FAST, Recorder, bitsdk_threads

from bitsdk.bitget._ws import WebsocketClientV2, WebsocketClientV3
from bitsdk.bybit._ws import WebsocketClient
from bitsdk.errors import AuthenticationError, ClientClosedError, InvalidParameterError
from bitsdk.events import Event

BYBIT_KEYS = WebsocketClient.WS_KEYS
V3_KEYS = WebsocketClientV3.WS_KEYS

V3_TICKER = {"topic": "ticker", "payload": {"instType": "spot", "symbol": "BTCUSDT"}}
V3_BOOKS = {"topic": "books", "payload": {"symbol": "ETHUSDT", "instType": "usdt-futures"}}
V3_ORDER = {"topic": "order", "payload": {"instType": "UTA"}}


def _subs(frames):
    return [f for f in frames if isinstance(f, dict) and f.get("op") == "subscribe"]


def test_construct_does_no_io_and_starts_no_thread():
    ws = WebsocketClient(api_key="k", api_secret="s")
    assert bitsdk_threads() == []
    assert not ws.is_connected("v5LinearPublic")
    ws.close()
    ws.close()  # idempotent


def test_bybit_drop_all_reconnects_relogs_resubscribes(bybit_fake):
    q: "queue.Queue[Event]" = queue.Queue()
    with WebsocketClient(**bybit_fake.client_options(BYBIT_KEYS), event_queue=q, **FAST) as ws:
        rec = Recorder(ws)
        ws.subscribe_v5(["tickers.BTCUSDT", "publicTrade.BTCUSDT"], "linear")
        ws.subscribe_v5(["order", "wallet"], "linear")
        rec.wait_for(lambda r: r.count("update", "v5LinearPublic") >= 4 and r.count("update", "v5Private") >= 4)
        assert rec.count("open") == 2 and rec.count("authenticated") == 1
        before = len(rec.events)

        bybit_fake.faults.drop_all()

        rec.wait_for(lambda r: r.count("reconnected") == 2 and r.count("authenticated") == 2)
        assert rec.count("reconnect") >= 2
        # Updates resume on both connections after the reconnect.
        rec.wait_for(lambda r: sum(1 for e in r.events[before:] if e.kind == "update" and e.ws_key == "v5Private") >= 2
                     and sum(1 for e in r.events[before:] if e.kind == "update" and e.ws_key == "v5LinearPublic") >= 2)
        # A fresh login on the private connection, and the same topics subscribed again.
        private = bybit_fake.frames("v5Private")
        auths = [f for f in private if f.get("op") == "auth"]
        assert len(auths) == 2 and auths[0]["args"][2] != auths[1]["args"][2] or auths[0]["args"][1] != auths[1]["args"][1]
        private_subs = _subs(private)
        assert [s["args"] for s in private_subs] == [["order", "wallet"], ["order", "wallet"]]
        public_subs = _subs(bybit_fake.frames("v5LinearPublic"))
        assert [sorted(s["args"]) for s in public_subs] == [["publicTrade.BTCUSDT", "tickers.BTCUSDT"]] * 2
        # The subscription set went out only after the login reply on each connection.
        texts = [f.get("op") for f in private if isinstance(f, dict) and f.get("op") in ("auth", "subscribe")]
        assert texts == ["auth", "subscribe", "auth", "subscribe"]
    # The user queue saw the same stream of events.
    kinds = set()
    while not q.empty():
        kinds.add(q.get_nowait().kind)
    assert {"open", "update", "reconnect", "reconnected", "close", "authenticated"} <= kinds


def test_bitget_drop_all_reconnects_and_resubscribes(bitget_fake):
    with WebsocketClientV3(**bitget_fake.client_options(V3_KEYS), **FAST) as ws:
        rec = Recorder(ws)
        ws.subscribe([V3_TICKER, V3_BOOKS], "v3Public")
        ws.subscribe(V3_ORDER, "v3Private")
        rec.wait_for(lambda r: r.count("update", "v3Public") >= 2 and r.count("update", "v3Private") >= 1)
        bitget_fake.faults.drop_all()
        rec.wait_for(lambda r: r.count("reconnected") == 2 and r.count("authenticated") == 2)
        n = rec.count("update")
        rec.wait_for(lambda r: r.count("update") >= n + 3)
        subs = _subs(bitget_fake.frames("v3Public"))
        assert len(subs) == 2 and subs[0]["args"] == subs[1]["args"]
        assert subs[0]["args"] == [
            {"topic": "ticker", "instType": "spot", "symbol": "BTCUSDT"},
            {"topic": "books", "symbol": "ETHUSDT", "instType": "usdt-futures"},
        ]
        logins = [f for f in bitget_fake.frames("v3Private") if isinstance(f, dict) and f.get("op") == "login"]
        assert len(logins) == 2
        assert isinstance(logins[0]["args"][0]["timestamp"], int)


def test_silent_server_detected_within_ping_plus_pong_timeout(bybit_fake):
    with WebsocketClient(ws_url=bybit_fake.url("v5LinearPublic"), **FAST) as ws:
        rec = Recorder(ws)
        ws.subscribe_v5("tickers.BTCUSDT", "linear")
        rec.wait_for(lambda r: r.count("update") >= 1)
        bybit_fake.faults.go_silent(1.0)
        started = time.monotonic()
        rec.wait_for(lambda r: r.count("reconnect") >= 1, timeout=3)
        detected = time.monotonic() - started
        assert detected <= FAST["ping_interval"] + FAST["pong_timeout"] + 0.5
        assert "ping" in rec.of("reconnect")[0].data["reason"]
        rec.wait_for(lambda r: r.count("reconnected") >= 1, timeout=5)
        rec.wait_for(lambda r: r.count("update") >= 3, timeout=5)


def test_bitget_text_heartbeat_and_server_ping(bitget_fake):
    with WebsocketClientV3(ws_url=bitget_fake.url("v3Public"), **FAST) as ws:
        rec = Recorder(ws)
        ws.subscribe(V3_TICKER, "v3Public")
        rec.wait_for(lambda r: r.count("update") >= 1)
        deadline = time.monotonic() + 3
        while "ping" not in bitget_fake.frames("v3Public") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "ping" in bitget_fake.frames("v3Public")
        assert rec.count("reconnect") == 0  # pongs are answers: the link stays up
        assert all(e.data != "pong" for e in rec.events)


@pytest.mark.parametrize("exchange", ["bybit", "bitget"])
def test_login_rejected_reports_and_does_not_resubscribe_private(exchange, bybit_fake, bitget_fake):
    fake = bybit_fake if exchange == "bybit" else bitget_fake
    if exchange == "bybit":
        ws = WebsocketClient(**fake.client_options(BYBIT_KEYS), **FAST)
        key, sub = "v5Private", lambda: ws.subscribe_v5("order", "linear")
    else:
        ws = WebsocketClientV3(**fake.client_options(V3_KEYS), **FAST)
        key, sub = "v3Private", lambda: ws.subscribe(V3_ORDER, "v3Private")
    with ws:
        rec = Recorder(ws)
        fake.faults.reject_next_login()
        sub()
        ev = rec.wait_for(lambda r: [e for e in r.of("exception", key) if isinstance(e.error, AuthenticationError)])[0]
        assert ev.error.code in (None, 30011)
        assert "rejected" in str(ev.error)
        # No subscribe after the rejected login: the next frame is a new login (after backoff).
        rec.wait_for(lambda r: r.count("authenticated", key) == 1, timeout=5)
        rec.wait_for(lambda r: r.count("update", key) >= 1)
        ops = [f.get("op") for f in fake.frames(key) if isinstance(f, dict) and f.get("op") in ("auth", "login", "subscribe")]
        assert ops[0] in ("auth", "login") and ops[1] == ops[0] and ops[2] == "subscribe"
        assert rec.count("open", key) == 1  # "open" only after a successful login


def test_slow_callback_loses_nothing_and_keeps_the_link(bybit_fake):
    from _fake import encode_text_frame
    import json

    n = 2000
    blob = b"".join(
        encode_text_frame(json.dumps({"topic": "publicTrade.BTCUSDT", "type": "snapshot", "ts": 0, "data": {"i": i}}))
        for i in range(n)
    )
    seen = []
    done = threading.Event()

    def slow(ev):
        if ev.data["ts"] == 0:
            seen.append(ev.data["data"]["i"])
            if len(seen) % 100 == 0:
                time.sleep(0.05)  # 20 stalls of 50 ms: about 1 s behind the socket in total
            if len(seen) == n:
                done.set()

    opts = dict(FAST, ping_interval=0.2, pong_timeout=0.2)
    with WebsocketClient(ws_url=bybit_fake.url("v5LinearPublic"), **opts) as ws:
        rec = Recorder(ws, kinds=("reconnect", "exception"))
        ws.on("update", slow)
        bybit_fake.blast_frames = blob
        ws.subscribe_v5("publicTrade.BTCUSDT", "linear")
        assert done.wait(15)
        assert seen == list(range(n))
        assert rec.count("reconnect") == 0 and rec.count("exception") == 0


def test_raising_callback_is_reported_and_connection_lives(bybit_fake):
    with WebsocketClient(ws_url=bybit_fake.url("v5LinearPublic"), **FAST) as ws:
        rec = Recorder(ws)
        calls = []

        def bad(ev):
            calls.append(ev)
            raise RuntimeError("boom")

        bad_exc_calls = []

        def bad_exception_handler(ev):
            bad_exc_calls.append(ev)
            raise ValueError("handler failed too")

        ws.on("update", bad)
        ws.on("exception", bad_exception_handler)
        ws.subscribe_v5("tickers.BTCUSDT", "linear")
        rec.wait_for(lambda r: r.count("update") >= 5)
        reports = [e for e in rec.of("exception") if isinstance(e.error, RuntimeError)]
        assert reports and reports[0].data["event"] == "update" and "boom" in str(reports[0].error)
        assert rec.count("reconnect") == 0
        # The failing exception handler is not fed its own failure (no loop).
        assert not any(isinstance(e.error, ValueError) for e in bad_exc_calls)


def test_unsubscribe_removes_topic_from_replay_set(bybit_fake):
    with WebsocketClient(ws_url=bybit_fake.url("v5SpotPublic"), **FAST) as ws:
        rec = Recorder(ws)
        ws.subscribe_v5(["tickers.BTCUSDT", "tickers.ETHUSDT"], "spot")
        ws.subscribe_v5("tickers.BTCUSDT", "spot")  # duplicate: ignored
        rec.wait_for(lambda r: r.count("update") >= 2)
        ws.unsubscribe_v5("tickers.ETHUSDT", "spot")
        assert ws.subscriptions("v5SpotPublic") == ["tickers.BTCUSDT"]
        bybit_fake.faults.drop_all()
        rec.wait_for(lambda r: r.count("reconnected") == 1)
        rec.wait_for(lambda r: len(_subs(bybit_fake.frames("v5SpotPublic"))) == 2, timeout=3)
        subs = _subs(bybit_fake.frames("v5SpotPublic"))
        assert subs[0]["args"] == ["tickers.BTCUSDT", "tickers.ETHUSDT"]
        assert subs[1]["args"] == ["tickers.BTCUSDT"]
        unsubs = [f for f in bybit_fake.frames("v5SpotPublic") if f.get("op") == "unsubscribe"]
        assert unsubs[0]["args"] == ["tickers.ETHUSDT"]


def test_bybit_spot_subscribe_is_batched_by_ten(bybit_fake):
    topics = [f"tickers.C{i}USDT" for i in range(23)]
    with WebsocketClient(ws_url=bybit_fake.url("v5SpotPublic"), **FAST) as ws:
        rec = Recorder(ws)
        ws.subscribe_v5(topics, "spot")
        rec.wait_for(lambda r: r.count("response") >= 3)
        subs = _subs(bybit_fake.frames("v5SpotPublic"))
        assert [len(s["args"]) for s in subs] == [10, 10, 3]
        assert sum((s["args"] for s in subs), []) == topics


def test_bitget_subscribe_requests_fill_4096_bytes(bitget_fake):
    # Bitget caps a subscribe request at 4,096 bytes (not 15 args): fewer requests of the
    # 240 an hour. 150 topics on one connection take 3 requests, none above the limit.
    items = [{"topic": "ticker", "payload": {"instType": "spot", "symbol": f"C{i}USDT"}} for i in range(150)]
    with WebsocketClientV3(ws_url=bitget_fake.url("v3Public"), max_topics_per_connection=1000, **FAST) as ws:
        rec = Recorder(ws)
        ws.subscribe(items, "v3Public").result(5)
        rec.wait_for(lambda r: r.count("response") == 150)
        texts = [t for p, t in bitget_fake.received if p == "v3Public" and '"subscribe"' in t]
        assert len(texts) == 3 and all(len(t.encode()) <= 4096 for t in texts)
        sent = [arg for t in texts for arg in json.loads(t)["args"]]
        assert sent == [{"topic": "ticker", **i["payload"]} for i in items]


def test_dedupe_is_key_order_insensitive(bitget_fake):
    with WebsocketClientV3(ws_url=bitget_fake.url("v3Public"), **FAST) as ws:
        ws.subscribe({"topic": "ticker", "payload": {"instType": "spot", "symbol": "BTCUSDT"}}, "v3Public")
        ws.subscribe({"topic": "ticker", "payload": {"symbol": "BTCUSDT", "instType": "spot"}}, "v3Public")
        assert len(ws.subscriptions("v3Public")) == 1
        ws.unsubscribe({"payload": {"symbol": "BTCUSDT", "instType": "spot"}, "topic": "ticker"}, "v3Public")
        assert ws.subscriptions("v3Public") == []


def test_v2_subscribe_topic_routes_and_fills_coin_or_inst_id(bitget_fake):
    with WebsocketClientV2(**bitget_fake.client_options(WebsocketClientV2.WS_KEYS), **FAST) as ws:
        rec = Recorder(ws)
        ws.subscribe_topic("SPOT", "ticker", "BTCUSDT")
        ws.subscribe_topic("USDT-FUTURES", "account")
        ws.subscribe_topic("USDT-FUTURES", "orders")
        assert ws.subscriptions("v2Public") == [{"instType": "SPOT", "channel": "ticker", "instId": "BTCUSDT"}]
        assert ws.subscriptions("v2Private") == [
            {"instType": "USDT-FUTURES", "channel": "account", "coin": "default"},
            {"instType": "USDT-FUTURES", "channel": "orders", "instId": "default"},
        ]
        rec.wait_for(lambda r: r.count("update", "v2Private") >= 2 and r.count("update", "v2Public") >= 1)
        ws.unsubscribe_topic("USDT-FUTURES", "account")
        assert len(ws.subscriptions("v2Private")) == 1


def test_close_joins_every_thread_and_is_safe_from_a_callback(bybit_fake):
    baseline = set(threading.enumerate())
    for _ in range(3):
        ws = WebsocketClient(ws_url=bybit_fake.url("v5LinearPublic"), **FAST)
        closed = threading.Event()
        rec = Recorder(ws)

        def close_from_callback(ev, ws=ws, closed=closed):
            ws.close()  # on the dispatcher thread: must not join itself
            closed.set()

        ws.on("update", close_from_callback)
        ws.subscribe_v5("tickers.BTCUSDT", "linear")
        assert closed.wait(5)
        assert ws.wait(5)
        rec.wait_for(lambda r: r.count("close") == 1)
        ws.close()
        deadline = time.monotonic() + 3
        while bitsdk_threads() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert bitsdk_threads() == []
    assert {t for t in threading.enumerate() if t.name.startswith("bitsdk")} <= baseline
    with pytest.raises(ClientClosedError):
        ws.subscribe_v5("tickers.BTCUSDT", "linear")


def test_close_one_key_keeps_the_others(bybit_fake):
    with WebsocketClient(**bybit_fake.client_options(BYBIT_KEYS), **FAST) as ws:
        rec = Recorder(ws)
        ws.subscribe_v5("tickers.BTCUSDT", "linear")
        ws.subscribe_v5("tickers.BTCUSDT", "spot")
        rec.wait_for(lambda r: r.count("update", "v5SpotPublic") >= 1 and r.count("update", "v5LinearPublic") >= 1)
        ws.close("v5SpotPublic")
        rec.wait_for(lambda r: r.count("close", "v5SpotPublic") == 1)
        assert not any(t.name == "bitsdk-bybit-v5SpotPublic" for t in threading.enumerate())
        assert ws.subscriptions("v5SpotPublic") == []
        n = rec.count("update", "v5LinearPublic")
        rec.wait_for(lambda r: r.count("update", "v5LinearPublic") > n)


def test_connection_refused_backs_off_without_spinning():
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with WebsocketClient(ws_url=f"ws://127.0.0.1:{port}/x", reconnect_backoff=(0.05, 0.2)) as ws:
        rec = Recorder(ws)
        ws.subscribe_v5("tickers.BTCUSDT", "linear")
        time.sleep(0.6)
        attempts = rec.count("reconnect")
        # 0.05, 0.1, 0.2, 0.2 ... with jitter: a handful, never a storm.
        assert 2 <= attempts <= 8
        assert rec.count("exception") == attempts


def test_on_rejects_unknown_kind_and_works_as_decorator():
    ws = WebsocketClient()
    with pytest.raises(InvalidParameterError, match="update"):
        ws.on("message", print)

    @ws.on("update")
    def handler(ev):
        pass

    assert handler is not None
    ws.close()
