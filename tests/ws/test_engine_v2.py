"""Engine v2 behaviour on real sockets: per-client delivery, bounded shutdown, backoff and log
levels, the bounded backlog, acknowledged subscriptions, close_all."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time

import pytest
from _fake import encode_text_frame
from _helpers import FAST, Recorder, bitsdk_threads

import bitsdk
from bitsdk._ws import Dispatcher
from bitsdk.bitget._ws import WebsocketClientV3
from bitsdk.bybit._ws import WebsocketClient
from bitsdk.errors import APIError, WebSocketError
from bitsdk.testing import LoopbackExchange

BTC_TICKER = {"topic": "ticker", "payload": {"instType": "spot", "symbol": "BTCUSDT"}}
NOPE_TICKER = {"topic": "ticker", "payload": {"instType": "spot", "symbol": "NOPEUSDT"}}


@pytest.fixture
def bybit_ex():
    with LoopbackExchange("bybit", push_interval=0.05) as ex:
        yield ex


@pytest.fixture
def bitget_ex():
    with LoopbackExchange("bitget", push_interval=0.05) as ex:
        yield ex


def _gate_callback():
    """A callback that blocks until released (a slow consumer, without sleeping)."""
    entered, gate = threading.Event(), threading.Event()

    def slow(ev):
        entered.set()
        gate.wait(10)

    return slow, entered, gate


# -- isolation


def test_a_slow_callback_never_delays_another_client_or_its_close(bybit_ex):
    a = WebsocketClient(**bybit_ex.client_options(), **FAST)
    b = WebsocketClient(**bybit_ex.client_options(), **FAST)
    slow, entered, gate = _gate_callback()
    try:
        rec_a = Recorder(a)
        b.on("update", slow)
        b.subscribe_v5("tickers.BTCUSDT", "linear")
        a.subscribe_v5("tickers.BTCUSDT", "linear")
        assert entered.wait(5)  # B's dispatcher is now stuck in its callback
        n = rec_a.count("update")
        rec_a.wait_for(lambda r: r.count("update") >= n + 5)  # A's events keep flowing
        dispatchers = [t for t in bitsdk_threads() if t.name.endswith("-dispatch")]
        assert len(dispatchers) == 2  # one per client
        a.close()
        rec_a.wait_for(lambda r: r.count("close") == 1)
        assert not gate.is_set() and a.wait(0)  # A closed while B's callback still runs
    finally:
        gate.set()
        a.close()
        b.close()


def test_clients_can_share_one_dispatcher_on_purpose(bybit_ex):
    shared = Dispatcher("bitsdk-shared-dispatch")
    a = WebsocketClient(**bybit_ex.client_options(), dispatcher=shared, **FAST)
    b = WebsocketClient(**bybit_ex.client_options(), dispatcher=shared, **FAST)
    try:
        rec_a, rec_b = Recorder(a), Recorder(b)
        a.subscribe_v5("tickers.BTCUSDT", "linear")
        b.subscribe_v5("tickers.ETHUSDT", "linear")
        rec_a.wait_for(lambda r: r.count("update") >= 2)
        rec_b.wait_for(lambda r: r.count("update") >= 2)
        names = [t.name for t in bitsdk_threads()]
        # two connections and one dispatcher: threads <= connections + 1
        assert names.count("bitsdk-shared-dispatch") == 1 and len(names) == 3
    finally:
        a.close()
        b.close()
        assert shared.close()


# -- shutdown


def _blackholed_port():
    """A port whose TCP handshake never completes: the listen backlog (0) is already full."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    fillers = []
    for _ in range(8):  # fill the accept queue until connects stop completing
        s = socket.socket()
        s.settimeout(0.2)
        try:
            s.connect(("127.0.0.1", port))
        except OSError:
            s.close()
            break
        fillers.append(s)
    return server, fillers, port


def _silent_server():
    """A port that accepts TCP (backlog) but never answers the WebSocket handshake."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    return server, server.getsockname()[1]


@pytest.mark.parametrize("where", ["tcp-connect", "handshake"])
def test_close_returns_promptly_while_the_connect_gets_no_answer(where):
    if where == "tcp-connect":
        server, fillers, port = _blackholed_port()
    else:
        (server, port), fillers = _silent_server(), []
    try:
        ws = WebsocketClient(ws_url=f"ws://127.0.0.1:{port}/x", connect_timeout=30.0)
        ws.subscribe_v5("tickers.BTCUSDT", "linear")
        conn = ws._primary("v5LinearPublic")
        deadline = time.monotonic() + 5
        while conn.sock is None and time.monotonic() < deadline:  # the connect has begun
            time.sleep(0.01)
        time.sleep(0.2)
        started = time.monotonic()
        ws.close()
        assert time.monotonic() - started < 3  # not the 30 s connect timeout
        assert bitsdk_threads() == []
    finally:
        for s in fillers:
            s.close()
        server.close()


def test_ctrl_c_inside_with_leaves_at_once_despite_a_slow_callback(bybit_ex, caplog):
    slow, entered, gate = _gate_callback()
    caplog.set_level(logging.WARNING, logger="bitsdk")
    try:
        with pytest.raises(KeyboardInterrupt):
            with WebsocketClient(**bybit_ex.client_options(), **FAST) as ws:
                ws.on("update", slow)
                ws.subscribe_v5(["tickers.BTCUSDT", "publicTrade.BTCUSDT"], "linear")
                assert entered.wait(5)
                n = ws.stats()["messages"]
                deadline = time.monotonic() + 5
                while ws.stats()["messages"] < n + 3 and time.monotonic() < deadline:
                    time.sleep(0.02)  # events keep queueing behind the stuck callback
                started = time.monotonic()
                raise KeyboardInterrupt
        assert time.monotonic() - started < 3
        assert ws.wait(0)
        assert "undelivered event(s) dropped" in caplog.text
    finally:
        gate.set()


def test_close_with_a_stuck_callback_is_bounded_and_says_so(bybit_ex, caplog):
    slow, entered, gate = _gate_callback()
    caplog.set_level(logging.WARNING, logger="bitsdk")
    ws = WebsocketClient(**bybit_ex.client_options(), **FAST)
    try:
        ws.on("update", slow)
        ws.subscribe_v5("tickers.BTCUSDT", "linear")
        assert entered.wait(5)
        started = time.monotonic()
        ws.close()
        assert time.monotonic() - started < 3
        assert "callback" in caplog.text and "still running" in caplog.text
        assert [t for t in bitsdk_threads() if "Public" in t.name] == []  # connections are gone
    finally:
        gate.set()


def test_close_all_closes_every_open_client(bybit_ex, bitget_ex):
    a = WebsocketClient(**bybit_ex.client_options(), **FAST)
    b = WebsocketClientV3(**bitget_ex.client_options(), **FAST)
    ra, rb = Recorder(a), Recorder(b)
    a.subscribe_v5("tickers.BTCUSDT", "linear")
    b.subscribe(BTC_TICKER, "v3Public")
    ra.wait_for(lambda r: r.count("update") >= 1)
    rb.wait_for(lambda r: r.count("update") >= 1)
    bitsdk.close_all()
    assert a.wait(0) and b.wait(0)
    assert bitsdk_threads() == []
    bitsdk.close_all()  # nothing left: a no-op


# -- backoff and log levels


def test_a_healthy_connection_reconnects_at_once(bybit_ex, monkeypatch, caplog):
    monkeypatch.setattr("bitsdk._ws.connection.HEALTHY_AFTER", 0.3)
    caplog.set_level(logging.INFO, logger="bitsdk")
    # A fail-fast reconnect would wait 2 s or more; a healthy one does not.
    with WebsocketClient(**bybit_ex.client_options(), **dict(FAST, reconnect_backoff=(2.0, 10.0))) as ws:
        rec = Recorder(ws)
        ws.subscribe_v5("tickers.BTCUSDT", "linear").result(5)
        n = rec.count("update")
        rec.wait_for(lambda r: r.count("update") >= n + 10)  # live and flowing for a while
        bybit_ex.faults.drop_all()
        ev = rec.wait_for(lambda r: r.of("reconnect"))[0]
        assert ev.data["delay"] <= 0.1
        rec.wait_for(lambda r: r.count("reconnected") == 1)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and "disconnected" in r.getMessage()]
    infos = [r for r in caplog.records if r.levelno == logging.INFO and "reconnected" in r.getMessage()]
    assert warnings and infos


def test_connections_that_fail_fast_back_off_more_each_time(caplog):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there
    caplog.set_level(logging.DEBUG, logger="bitsdk")
    with WebsocketClient(ws_url=f"ws://127.0.0.1:{port}/x", reconnect_backoff=(0.02, 5.0)) as ws:
        rec = Recorder(ws, kinds=("reconnect",))
        ws.subscribe_v5("tickers.BTCUSDT", "linear")
        rec.wait_for(lambda r: r.count("reconnect") >= 4)
        delays = [e.data["delay"] for e in rec.of("reconnect")][:4]
    assert all(later > earlier for earlier, later in zip(delays, delays[1:]))
    failed = [r for r in caplog.records if "reconnect attempt failed" in r.getMessage()]
    assert failed[0].levelno == logging.WARNING
    assert all(r.levelno == logging.DEBUG for r in failed[1:])  # rate-limited


def test_a_connection_dropped_right_after_opening_is_not_healthy(bybit_ex):
    with WebsocketClient(**bybit_ex.client_options(), **dict(FAST, reconnect_backoff=(0.5, 5.0))) as ws:
        rec = Recorder(ws)
        ws.subscribe_v5("tickers.BTCUSDT", "linear")
        rec.wait_for(lambda r: r.count("update") >= 1)
        bybit_ex.faults.drop_all()  # long before HEALTHY_AFTER (3 s)
        ev = rec.wait_for(lambda r: r.of("reconnect"))[0]
        assert ev.data["delay"] >= 0.4


@pytest.mark.parametrize("exchange", ["bybit", "bitget"])
def test_repeated_drops_of_a_healthy_connection_never_grow_the_wait(exchange, monkeypatch):
    # The measurement: dropped every few seconds, the old engine's waits grew 0.56 s ... 32.8 s.
    monkeypatch.setattr("bitsdk._ws.connection.HEALTHY_AFTER", 0.3)
    topic = "tickers.BTCUSDT" if exchange == "bybit" else BTC_TICKER
    with LoopbackExchange(exchange, push_interval=0.02) as ex:
        client_class = WebsocketClient if exchange == "bybit" else WebsocketClientV3
        with client_class(**ex.client_options(), **dict(FAST, reconnect_backoff=(2.0, 30.0))) as ws:
            rec = Recorder(ws)
            if exchange == "bybit":
                ws.subscribe_v5(topic, "linear").result(5)
            else:
                ws.subscribe(topic, "v3Public").result(5)
            for drop in range(1, 6):
                seen = rec.count("update")
                rec.wait_for(lambda r, seen=seen: r.count("update") >= seen + 20)  # healthy: data flowing
                ex.faults.drop_all()
                rec.wait_for(lambda r, drop=drop: r.count("reconnected") == drop)
            delays = [e.data["delay"] for e in rec.of("reconnect")]
            assert len(delays) == 5 and max(delays) <= 0.1  # never the 2 s fail-fast backoff
            seen = rec.count("update")
            rec.wait_for(lambda r: r.count("update") >= seen + 5)  # and data resumes after the last one


def test_a_server_that_drops_every_connection_quickly_gets_a_growing_backoff():
    # The storm case: each connection is closed after 100 messages, long before it counts as
    # healthy, so the waits grow (0.5, 1, 2, 4 s ± 20 %) and 6 s see at most 4 connections.
    topics = [f"{name}.{symbol}" for symbol in ("BTCUSDT", "ETHUSDT", "SOLUSDT")
              for name in ("tickers", "orderbook.1", "orderbook.50", "publicTrade")]
    with LoopbackExchange("bybit", push_interval=0.005) as ex:
        ex.faults.drop_after(100, ws_key="v5LinearPublic")  # arms the first connection
        with WebsocketClient(**ex.client_options(), connect_timeout=2.0) as ws:
            rec = Recorder(ws)
            ws.on("reconnected", lambda ev: ex.faults.drop_after(100, ws_key="v5LinearPublic"))
            ws.subscribe_v5(topics, "linear")
            started = time.monotonic()
            rec.wait_for(lambda r: r.count("reconnected") >= 2, timeout=10)
            remaining = 6.0 - (time.monotonic() - started)
            if remaining > 0:
                time.sleep(remaining)
            connections = 1 + rec.count("reconnected")
            delays = [e.data["delay"] for e in rec.of("reconnect")]
    assert connections <= 4, delays
    assert all(later > earlier for earlier, later in zip(delays, delays[1:])), delays


# -- the bounded backlog


def _blast(fake, n):
    fake.blast_frames = b"".join(
        encode_text_frame(json.dumps({"topic": "publicTrade.BTCUSDT", "type": "snapshot", "ts": 0, "data": {"i": i}}))
        for i in range(n)
    )


def test_backlog_overflow_is_counted_reported_and_logged(bybit_fake, caplog):
    caplog.set_level(logging.WARNING, logger="bitsdk")
    slow, entered, gate = _gate_callback()
    with WebsocketClient(ws_url=bybit_fake.url("v5LinearPublic"), max_backlog=100, **FAST) as ws:
        rec = Recorder(ws, kinds=("exception",))
        ws.on("update", slow)
        _blast(bybit_fake, 2000)
        ws.subscribe_v5("publicTrade.BTCUSDT", "linear")
        assert entered.wait(5)
        deadline = time.monotonic() + 5
        while ws.stats()["overflows"] < 1800 and time.monotonic() < deadline:
            time.sleep(0.02)
        stats = ws.stats()
        assert stats["overflows"] >= 1800 and stats["backlog"] <= 100 + 5
        assert stats["max_backlog"] == 100 and stats["overflow_policy"] == "drop_oldest"
        gate.set()
        report = rec.wait_for(lambda r: [e for e in r.of("exception") if isinstance(e.error, WebSocketError)])[0]
        assert "backlog full" in str(report.error) and report.data["dropped"] >= 1
        assert "backlog full" in caplog.text
        conn_stats = ws.stats()["connections"]["v5LinearPublic"]
        assert conn_stats["messages"] >= 2000 and conn_stats["live"] and conn_stats["last_message_age"] >= 0
        assert ws.stats()["worst_lag"] > 0


def test_backlog_overflow_can_recycle_for_fresh_snapshots(bybit_fake):
    slow, entered, gate = _gate_callback()
    with WebsocketClient(ws_url=bybit_fake.url("v5LinearPublic"), max_backlog=50, overflow="recycle", **FAST) as ws:
        rec = Recorder(ws, kinds=("reconnect", "reconnected"))
        ws.on("update", slow)
        _blast(bybit_fake, 500)
        ws.subscribe_v5("publicTrade.BTCUSDT", "linear")
        assert entered.wait(5)
        deadline = time.monotonic() + 5
        while not ws.stats()["overflows"] and time.monotonic() < deadline:
            time.sleep(0.02)
        gate.set()
        rec_events = rec.wait_for(lambda r: r.of("reconnect"))
        assert "backlog" in rec_events[0].data["reason"]
        rec.wait_for(lambda r: r.count("reconnected") >= 1)


# -- acknowledged subscriptions


def test_bybit_rejected_topic_is_reported_and_leaves_the_replay_set(bybit_ex):
    with WebsocketClient(**bybit_ex.client_options(), **FAST) as ws:
        rec = Recorder(ws)
        fut = ws.subscribe_v5(["tickers.BTCUSDT", "tickers.NOPEUSDT"], "linear")
        with pytest.raises(APIError, match="NOPEUSDT") as info:
            fut.result(5)
        assert info.value.method == "subscribe"
        ev = rec.wait_for(lambda r: [e for e in r.of("exception") if e.topic == "tickers.NOPEUSDT"])[0]
        assert "handler not found" in str(ev.error)
        assert ws.subscriptions("v5LinearPublic") == ["tickers.BTCUSDT"]  # the other topic stays
        rec.wait_for(lambda r: r.count("update") >= 2)
        bybit_ex.faults.drop_all()
        rec.wait_for(lambda r: r.count("reconnected") == 1)
        assert ws.subscribe_v5("tickers.BTCUSDT", "linear").result(5) == ["tickers.BTCUSDT"]
        assert bybit_ex.wait_for(lambda: sorted(k for v in bybit_ex.ws_subscriptions("v5LinearPublic").values()
                                                for k in v) == ["tickers.BTCUSDT"])
        assert len([e for e in rec.of("exception") if e.topic is not None]) == 1  # never resent


def test_bitget_rejected_topic_is_reported_and_leaves_the_replay_set(bitget_ex):
    with WebsocketClientV3(**bitget_ex.client_options(), **FAST) as ws:
        rec = Recorder(ws)
        fut = ws.subscribe([BTC_TICKER, NOPE_TICKER], "v3Public")
        with pytest.raises(APIError, match="NOPEUSDT"):
            fut.result(5)
        ev = rec.wait_for(lambda r: [e for e in r.of("exception") if e.topic is not None])[0]
        assert ev.topic["symbol"] == "NOPEUSDT" and ev.error.code == 30001 and "doesn't exist" in str(ev.error)
        assert ws.subscriptions("v3Public") == [{"topic": "ticker", "instType": "spot", "symbol": "BTCUSDT"}]
        bitget_ex.faults.drop_all()
        rec.wait_for(lambda r: r.count("reconnected") == 1)
        ws.subscribe(BTC_TICKER, "v3Public").result(5)
        n = rec.count("update")
        rec.wait_for(lambda r: r.count("update") >= n + 2)
        assert len([e for e in rec.of("exception") if e.topic is not None]) == 1  # never resent


@pytest.mark.parametrize("exchange", ["bybit", "bitget"])
def test_unanswered_subscribe_is_resent_once_then_the_connection_recycled(exchange, bybit_fake, bitget_fake):
    fake = bybit_fake if exchange == "bybit" else bitget_fake
    fake.answer_subscribe = False
    opts = dict(FAST, subscribe_timeout=0.3)
    if exchange == "bybit":
        ws = WebsocketClient(ws_url=fake.url("v5LinearPublic"), **opts)
        key, sub = "v5LinearPublic", lambda: ws.subscribe_v5("tickers.BTCUSDT", "linear")
    else:
        ws = WebsocketClientV3(ws_url=fake.url("v3Public"), **opts)
        key, sub = "v3Public", lambda: ws.subscribe(BTC_TICKER, "v3Public")
    with ws:
        rec = Recorder(ws)
        fut = sub()
        ev = rec.wait_for(lambda r: [e for e in r.of("exception") if isinstance(e.data, dict) and "topics" in e.data])[0]
        assert "no reply to the subscribe" in str(ev.error)
        reconnect = rec.wait_for(lambda r: r.of("reconnect"))[0]
        assert "no reply to the subscribe" in reconnect.data["reason"]
        subs = [t for p, t in list(fake.received) if p == key and '"subscribe"' in t]
        assert len(subs) >= 2  # the request and its one resend on the first connection
        assert not fut.done()
        fake.answer_subscribe = True
        fut.result(10)  # the next connection gets its answer: live


# -- Bitget's 10 messages a second per connection


def test_bitget_paces_every_message_on_a_connection(bitget_fake):
    from bitsdk.bitget._ws import WebsocketAPIClient

    opts = dict(FAST, ping_interval=0.2)  # pings count too
    with WebsocketAPIClient(**bitget_fake.client_options(WebsocketClientV3.WS_KEYS), **opts) as api:
        api.connect_ws_api(timeout=3)
        order = {"symbol": "BTCUSDT", "side": "buy", "orderType": "limit", "qty": "1", "price": "1"}
        futures = [api.send_ws_api_request("place-order", "spot", [order]) for _ in range(25)]
        for fut in futures:
            fut.result(10)
    times = [t for path, t in bitget_fake.arrivals if path == "v3Private"]
    assert len(times) >= 26  # login + 25 commands (+ pings)
    # No 11 messages within one second (a little slack for arrival jitter on the server).
    assert all(later - first >= 0.95 for first, later in zip(times, times[10:]))


# -- TLS (the engine opens and wraps the socket itself, so that close() can abort it)


def _self_signed(tmp_path):
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def test_wss_connects_with_certificate_checks(tmp_path, monkeypatch):
    import ssl

    from _fake import FakeExchange

    cert_file, key_file = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    with FakeExchange("bybit", ssl_context=context) as fake:
        # Unknown issuer: refused, reported, retried (never connected in clear).
        with WebsocketClient(ws_url=fake.url("v5LinearPublic"), **FAST) as ws:
            rec = Recorder(ws)
            ws.subscribe_v5("tickers.BTCUSDT", "linear")
            ev = rec.wait_for(lambda r: r.of("exception"))[0]
            assert "certificate" in str(ev.error).lower()
        # Trusted (websocket-client's CA bundle variable): live over TLS.
        monkeypatch.setenv("WEBSOCKET_CLIENT_CA_BUNDLE", str(cert_file))
        with WebsocketClient(ws_url=fake.url("v5LinearPublic"), **FAST) as ws:
            rec = Recorder(ws)
            ws.subscribe_v5("tickers.BTCUSDT", "linear").result(5)
            rec.wait_for(lambda r: r.count("update") >= 2)
            assert ws.url("v5LinearPublic").startswith("wss://")


def test_a_refusal_naming_no_topic_is_narrowed_down_one_topic_per_request(bybit_fake):
    bybit_fake.vague_bad_topics = {"tickers.BAD"}
    with WebsocketClient(ws_url=bybit_fake.url("v5LinearPublic"), **FAST) as ws:
        rec = Recorder(ws)
        fut = ws.subscribe_v5(["tickers.A", "tickers.BAD", "tickers.C"], "linear")
        with pytest.raises(APIError, match="request refused"):
            fut.result(5)
        ev = rec.wait_for(lambda r: [e for e in r.of("exception") if e.topic is not None])[0]
        assert ev.topic == "tickers.BAD"
        assert ws.subscriptions("v5LinearPublic") == ["tickers.A", "tickers.C"]
        ws.subscribe_v5(["tickers.A", "tickers.C"], "linear").result(5)  # both live
        singles = [json.loads(t)["args"] for p, t in list(bybit_fake.received) if '"subscribe"' in t][1:]
        assert sorted(singles) == [["tickers.A"], ["tickers.BAD"], ["tickers.C"]]
