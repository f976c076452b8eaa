"""Caller reads: a caller blocked on a command's result reads the reply itself while the
connection thread is idle (scripted servers; see "caller reads" in bitsdk._ws.reader)."""

from __future__ import annotations

import threading
import time

import pytest
from _fake import FakeExchange
from _helpers import Recorder
from test_ws_api import make, place, place_future

import bitsdk._ws.connection as connection
from bitsdk.errors import ClientClosedError, CommandTimeoutError, ConnectionLostError

KEYS = {"bybit": "v5PrivateTrade", "bitget": "v3Private"}


@pytest.fixture
def caller_reads(monkeypatch):
    """Records every read a command's caller made: (thread id, its future done on return)."""
    reads = []
    original = connection.read_loop

    def recording(conn, ws, login_deadline=None, until=None, until_deadline=0.0, reader=None):
        try:
            return original(conn, ws, login_deadline, until, until_deadline, reader)
        finally:
            if until is not None:
                reads.append((threading.get_ident(), until.done()))

    monkeypatch.setattr(connection, "read_loop", recording)
    return reads


@pytest.fixture(params=["bybit", "bitget"])
def setup(request, bybit_fake, bitget_fake):
    fake = bybit_fake if request.param == "bybit" else bitget_fake
    api = make(request.param, fake, command_timeout=30)
    yield request.param, fake, api
    api.close()


def _baton(api, exchange):
    reader = api.get_ws_client()._shards[KEYS[exchange]][0].reader
    return reader.baton if reader is not None else None


def _wait_until(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def test_an_idle_connection_lets_the_waiting_caller_read_its_reply(setup, caller_reads):
    exchange, fake, api = setup
    rec = Recorder(api.get_ws_client())
    api.connect_ws_api(timeout=3)
    count = 20 if exchange == "bybit" else 8  # Bitget paces commands at 10 a second
    for i in range(count):
        reply = place(exchange, api, clientOid=f"c{i}", orderLinkId=f"c{i}")
        assert str(reply.get("retCode", reply.get("code"))) == "0"
    mine = [done for ident, done in caller_reads if ident == threading.get_ident()]
    assert mine and all(mine)  # the caller read, and returned only with its reply
    # Everything read on the caller's thread still reaches the listeners, once each.
    replies = rec.wait_for(lambda r: [e for e in r.of("response") if e.ws_api] if len(r.of("response")) >= count else None)
    assert len(replies) == count and not [e for e in replies if e.unmatched]


def test_private_pushes_stay_in_order_while_callers_read_the_socket(bitget_fake, caller_reads):
    # Bitget's WebSocket API shares v3Private with the private streams: whichever thread
    # reads, every push is delivered once and in the order sent.
    api = make("bitget", bitget_fake, command_timeout=30)
    try:
        ws = api.get_ws_client()
        rec = Recorder(ws)
        ws.subscribe({"topic": "order", "payload": {"instType": "UTA"}}, "v3Private").result(5)
        for i in range(12):
            place("bitget", api, clientOid=f"o{i}")
        seqs = [e.data["data"][0]["seq"] for e in rec.of("update", "v3Private")]
        assert len(seqs) >= 5 and seqs == list(range(1, len(seqs) + 1))
        assert any(ident == threading.get_ident() for ident, _ in caller_reads)
    finally:
        api.close()


def test_a_drop_while_the_caller_reads_fails_the_command_at_once(setup, caller_reads):
    exchange, fake, api = setup
    api.connect_ws_api(timeout=3)
    fake.faults.ws_api_reply("never")
    fut = place_future(exchange, api)
    dropper = threading.Timer(0.3, fake.faults.drop_all)
    dropper.start()
    try:
        # Not a CommandTimeoutError 30 s later: the caller stops reading when the link ends.
        with pytest.raises(ConnectionLostError, match="outcome unknown"):
            fut.result()
    finally:
        dropper.join()
    assert (threading.get_ident(), False) in caller_reads
    fake.faults.ws_api_reply("normal")
    reply = place(exchange, api)  # after the reconnect
    assert str(reply.get("retCode", reply.get("code"))) == "0"


def test_close_while_a_caller_reads_fails_its_command(setup):
    exchange, fake, api = setup
    api.connect_ws_api(timeout=3)
    fake.faults.ws_api_reply("never")
    fut = place_future(exchange, api)
    outcome = []
    waiter = threading.Thread(target=lambda: outcome.append(fut.exception()))
    waiter.start()
    _wait_until(lambda: _baton(api, exchange).locked())  # the waiter is reading the socket
    api.close()
    waiter.join(10)
    assert not waiter.is_alive() and isinstance(outcome[0], ClientClosedError)


def test_a_short_wait_while_reading_leaves_the_command_pending(setup, caller_reads):
    exchange, fake, api = setup
    api.connect_ws_api(timeout=3)
    fake.faults.ws_api_reply("never")
    fut = place_future(exchange, api)
    with pytest.raises(CommandTimeoutError, match="still pending"):
        fut.result(timeout=0.2)
    assert not fut.done() and caller_reads[-1] == (threading.get_ident(), False)
    assert not _baton(api, exchange).locked()  # handed back: the connection thread reads again
    fake.faults.drop_all()
    with pytest.raises(ConnectionLostError):
        fut.result(timeout=5)


def test_commands_from_many_threads_with_one_reading_for_all(setup, caller_reads):
    exchange, fake, api = setup
    api.connect_ws_api(timeout=3)
    per_thread = 15 if exchange == "bybit" else 3
    results, errors = {}, []

    def worker(n):
        try:
            for i in range(per_thread):
                oid = f"t{n}-{i}"
                reply = place(exchange, api, clientOid=oid, orderLinkId=oid)
                echoed = reply["data"]["orderLinkId"] if exchange == "bybit" else reply["args"][0]["clientOid"]
                results[oid] = echoed
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors and len(results) == 6 * per_thread
    assert all(oid == echoed for oid, echoed in results.items())  # every caller got its own reply
    assert not _baton(api, exchange).locked()


def test_inline_delivery_keeps_every_read_on_the_connection_thread(bybit_fake, caller_reads):
    api = make("bybit", bybit_fake, delivery="inline")
    try:
        for _ in range(5):
            place("bybit", api)
        assert caller_reads == [] and _baton(api, "bybit") is None
    finally:
        api.close()


def test_caller_reads_over_wss(tmp_path, monkeypatch, caller_reads):
    import ssl

    from test_engine_v2 import _self_signed

    cert_file, key_file = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    monkeypatch.setenv("WEBSOCKET_CLIENT_CA_BUNDLE", str(cert_file))
    with FakeExchange("bybit", ssl_context=context) as fake:
        api = make("bybit", fake)
        try:
            for i in range(10):
                reply = place("bybit", api, orderLinkId=f"s{i}")
                assert reply["data"]["orderLinkId"] == f"s{i}"
            assert api.get_ws_client().url("v5PrivateTrade").startswith("wss://")
            assert any(ident == threading.get_ident() and done for ident, done in caller_reads)
        finally:
            api.close()


def test_ctrl_c_halfway_through_a_read_reconnects_and_says_so(setup):
    # Whatever the interrupted read held may be lost: never silently.
    exchange, fake, api = setup
    ws = api.get_ws_client()
    rec = Recorder(ws)
    api.connect_ws_api(timeout=3)
    main, real_route = threading.get_ident(), ws._route

    def route(key, msg):  # Ctrl-C lands while the caller's thread handles what it read
        if threading.get_ident() == main:
            raise KeyboardInterrupt
        return real_route(key, msg)

    ws._route = route
    try:
        for _ in range(5):  # the caller reads only when the connection thread is idle
            fut = place_future(exchange, api)
            try:
                fut.result()
            except KeyboardInterrupt:
                break
        else:
            pytest.fail("the caller never read its reply")
    finally:
        del ws._route
    with pytest.raises(ConnectionLostError, match="outcome unknown"):
        fut.result(timeout=5)  # its reply was in the interrupted read: outcome unknown
    drop = rec.wait_for(lambda r: r.of("reconnect"))[0]
    assert "interrupted" in drop.data["reason"]
    reply = place(exchange, api)
    assert str(reply.get("retCode", reply.get("code"))) == "0"


def test_ctrl_c_while_waiting_for_data_loses_nothing(setup, monkeypatch):
    from bitsdk._ws.reader import Reader

    exchange, fake, api = setup
    rec = Recorder(api.get_ws_client())
    api.connect_ws_api(timeout=3)
    main, real_ready = threading.get_ident(), Reader.ready

    def ready(self, timeout, caller=False):  # Ctrl-C lands in the caller's poll()
        if caller and threading.get_ident() == main:
            raise KeyboardInterrupt
        return real_ready(self, timeout, caller)

    monkeypatch.setattr(Reader, "ready", ready)
    fut = place_future(exchange, api)
    try:
        fut.result()
    except KeyboardInterrupt:
        pass
    monkeypatch.setattr(Reader, "ready", real_ready)
    reply = fut.result(timeout=5)  # read by the connection thread: nothing was taken off the socket
    assert str(reply.get("retCode", reply.get("code"))) == "0" and rec.count("reconnect") == 0


def test_heartbeats_go_on_while_a_caller_holds_the_socket(setup, caller_reads):
    # The connection thread keeps pinging; the caller reads the pongs: the link stays up.
    exchange, fake, api = setup
    rec = Recorder(api.get_ws_client())
    api.connect_ws_api(timeout=3)
    pings_before = len([f for f in fake.frames(KEYS[exchange]) if f in ("ping", {"op": "ping"})])
    fake.faults.ws_api_reply("never")
    fut = place_future(exchange, api)
    with pytest.raises(CommandTimeoutError):
        fut.result(timeout=1.5)  # five ping intervals of the FAST options, read by this thread
    pings = len([f for f in fake.frames(KEYS[exchange]) if f in ("ping", {"op": "ping"})])
    assert pings - pings_before >= 3 and rec.count("reconnect") == 0
    assert caller_reads[-1] == (threading.get_ident(), False)
