"""The receive path end to end against a raw scripted server, and the delivery options.

The server here writes exact bytes (frames split at every byte, control frames, fragments,
protocol errors), which no WebSocket library would let a test do.
"""

from __future__ import annotations

import base64
import hashlib
import json
import queue
import socket
import struct
import threading
import time
from typing import Any, List, Optional, Tuple

import pytest

from _helpers import FAST, Recorder
from bitsdk.bybit import WebsocketClient
from bitsdk.errors import InvalidParameterError, InvalidResponseError
from bitsdk.events import Event
from bitsdk._ws.dispatch import Dispatcher, Inbox, queue_feeder

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TOPIC = "publicTrade.BTCUSDT"


def frame(payload: bytes, opcode: int = 0x1, fin: bool = True, mask: bytes = b"") -> bytes:
    b0 = (0x80 if fin else 0) | opcode
    n = len(payload)
    mbit = 0x80 if mask else 0
    if n < 126:
        head = struct.pack("!BB", b0, mbit | n)
    elif n < 65536:
        head = struct.pack("!BBH", b0, mbit | 126, n)
    else:
        head = struct.pack("!BBQ", b0, mbit | 127, n)
    if mask:
        payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return head + mask + payload


def update(seq: int, pad: int = 0) -> bytes:
    return json.dumps({"topic": TOPIC, "type": "snapshot", "ts": seq, "data": {"seq": seq, "pad": "x" * pad}},
                      separators=(",", ":")).encode()


class RawServer:
    """One WebSocket endpoint on 127.0.0.1 that answers subscribe/auth/ping (Bybit shapes)
    and then writes ``script``: raw bytes in one write, or a list of pieces, one write each."""

    def __init__(self, script: Any = b"", after_auth: bytes = b""):
        self.script = [script] if isinstance(script, bytes) else script
        self.after_auth = after_auth
        self.received: List[Tuple[int, bytes]] = []  # (opcode, payload) from the client
        self.connects = 0
        self.cond = threading.Condition()
        self._socks: List[socket.socket] = []
        self._srv = socket.socket()
        self._srv.bind(("127.0.0.1", 0))
        self._srv.listen(8)
        self.port = self._srv.getsockname()[1]
        self._threads: List[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, daemon=True)
        self._accept.start()

    def url(self, path: str = "v5/public/linear") -> str:
        return f"ws://127.0.0.1:{self.port}/{path}"

    def frames(self, opcode: int) -> List[bytes]:
        with self.cond:
            return [p for op, p in self.received if op == opcode]

    def wait_for(self, predicate: Any, timeout: float = 5.0) -> Any:
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                value = predicate()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"server condition not met; received {self.received[-5:]}")
                self.cond.wait(left)

    def close(self) -> None:
        self._srv.close()
        for s in list(self._socks):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._accept.join(5)
        for t in self._threads:
            t.join(5)

    def _serve(self) -> None:
        while True:
            try:
                sock, _ = self._srv.accept()
            except OSError:
                return
            self._socks.append(sock)
            t = threading.Thread(target=self._handle, args=(sock,), daemon=True)
            self._threads.append(t)
            t.start()

    def _handle(self, sock: socket.socket) -> None:
        try:
            self._session(sock)
        except OSError:
            pass
        finally:
            sock.close()

    def _session(self, sock: socket.socket) -> None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(10)
        request = b""
        while b"\r\n\r\n" not in request:
            data = sock.recv(4096)
            if not data:
                return
            request += data
        key = next(line.split(b":", 1)[1].strip() for line in request.split(b"\r\n")
                   if line.lower().startswith(b"sec-websocket-key"))
        accept = base64.b64encode(hashlib.sha1(key + GUID).digest())
        sock.sendall(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     b"Sec-WebSocket-Accept: " + accept + b"\r\n\r\n")
        with self.cond:
            self.connects += 1
            first = self.connects == 1
        lock = threading.Lock()
        buf = b""
        while True:
            while True:
                got = _client_frame(buf)
                if got is not None:
                    break
                data = sock.recv(65536)
                if not data:
                    return
                buf += data
            opcode, payload, buf = got
            with self.cond:
                self.received.append((opcode, payload))
                self.cond.notify_all()
            if opcode == 0x8:
                return
            if opcode != 0x1:
                continue
            msg = json.loads(payload)
            op = msg.get("op")
            with lock:
                if op == "ping":
                    sock.sendall(frame(json.dumps({"success": True, "ret_msg": "pong", "op": "ping"}).encode()))
                elif op == "auth":
                    sock.sendall(frame(json.dumps({"success": True, "ret_msg": "", "op": "auth"}).encode())
                                 + self.after_auth)
                elif op == "subscribe":
                    ack = frame(json.dumps({"success": True, "ret_msg": "", "op": "subscribe",
                                            "req_id": msg.get("req_id")}).encode())
                    sock.sendall(ack)
                    if first:
                        for piece in self.script:
                            sock.sendall(piece)


def _client_frame(buf: bytes) -> Optional[Tuple[int, bytes, bytes]]:
    if len(buf) < 2:
        return None
    n = buf[1] & 0x7F
    head = 2
    if n == 126:
        if len(buf) < 4:
            return None
        n, head = struct.unpack("!H", buf[2:4])[0], 4
    elif n == 127:
        if len(buf) < 10:
            return None
        n, head = struct.unpack("!Q", buf[2:10])[0], 10
    if len(buf) < head + 4 + n:
        return None
    mask = buf[head:head + 4]
    payload = bytes(b ^ mask[i % 4] for i, b in enumerate(buf[head + 4:head + 4 + n]))
    return buf[0] & 0x0F, payload, buf[head + 4 + n:]


@pytest.fixture
def raw():
    servers: List[RawServer] = []

    def make(*args: Any, **kwargs: Any) -> RawServer:
        server = RawServer(*args, **kwargs)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


def client(server: RawServer, **options: Any) -> WebsocketClient:
    return WebsocketClient(ws_url={"v5LinearPublic": server.url(), "v5Private": server.url("v5/private")},
                           api_key="k", api_secret="s", **{**FAST, **options})


def seqs(rec: Recorder) -> List[int]:
    return [e.data["data"]["seq"] for e in rec.of("update")]


# -- the receive path


def bytewise(data: bytes) -> List[bytes]:
    return [data[i:i + 1] for i in range(len(data))]


def test_every_frame_shape_written_one_byte_at_a_time(raw):
    big = frame(update(3, pad=70_000))  # a 64-bit length
    fragmented = update(4)
    head = (
        frame(update(1))
        + frame(update(2, pad=1000))  # a 16-bit length
        + frame(b"abc", opcode=0x9)  # a server ping: answered with the same payload
    )
    tail = (
        frame(fragmented[:10], fin=False) + frame(b"mid", opcode=0x9)
        + frame(fragmented[10:20], opcode=0x0, fin=False) + frame(fragmented[20:], opcode=0x0)
        + frame(b"\x00\x01", opcode=0x2)  # binary: ignored
        + frame(b"", opcode=0xA)  # an unsolicited pong: ignored
        + frame(update(5))
        + frame(struct.pack("!H", 1001) + b"going away", opcode=0x8)
    )
    # Every byte in its own write, but the middle of the 70 kB payload in one.
    script = bytewise(head) + bytewise(big[:60]) + [big[60:-60]] + bytewise(big[-60:]) + bytewise(tail)
    server = raw(script)
    # A generous heartbeat: tens of thousands of one-byte writes take a while on a busy machine.
    with client(server, ping_interval=5.0, pong_timeout=5.0) as ws:
        rec = Recorder(ws)
        ws.subscribe_v5(TOPIC, "linear")
        rec.wait_for(lambda r: r.count("reconnect") >= 1, timeout=30)
        assert seqs(rec) == [1, 2, 3, 4, 5]
        assert rec.of("update")[2].data["data"]["pad"] == "x" * 70_000
        assert not rec.of("exception")
        reason = rec.of("reconnect")[0].data["reason"]
        assert "closed by the server" in reason and "1001" in reason and "going away" in reason
        server.wait_for(lambda: server.frames(0x8))  # the close handshake was answered
        assert server.frames(0xA)[:2] == [b"abc", b"mid"]  # pongs echo the ping payloads
        server.wait_for(lambda: server.connects >= 2)  # and the link came back
        assert ws.stats()["messages"] >= 6  # control frames are not counted


@pytest.mark.parametrize("bad, why", [
    (frame(update(9), mask=b"\x01\x02\x03\x04"), "masked"),
    (bytes([0xC1, 2]) + b"{}", "reserved bits"),
    (frame(b"x" * 130, opcode=0x9), "130 bytes"),
    (frame(b"tail", opcode=0x0), "continuation"),
], ids=["masked", "rsv", "long-ping", "stray-continuation"])
def test_protocol_errors_close_with_1002_and_reconnect(raw, bad, why):
    server = raw(frame(update(1)) + bad + frame(update(2)))
    with client(server) as ws:
        rec = Recorder(ws)
        ws.subscribe_v5(TOPIC, "linear")
        event = rec.wait_for(lambda r: r.of("reconnect"), timeout=10)[0]
        assert "protocol error" in event.data["reason"] and why in event.data["reason"]
        assert seqs(rec)[:1] == [1] and 2 not in seqs(rec)
        close = server.wait_for(lambda: server.frames(0x8))[0]
        assert struct.unpack("!H", close[:2])[0] == 1002


def test_invalid_utf8_and_non_json_are_reported_and_the_link_lives(raw):
    long_bad = b'{"topic":"' + TOPIC.encode() + b'","pad":"' + b"\xff" * 300 + b'"}'
    script = (frame(b'{"topic":"\xff\xfe"}') + frame(long_bad) + frame(b"not json at all")
              + frame(update(1)))
    server = raw(script)
    with client(server) as ws:
        rec = Recorder(ws)
        ws.subscribe_v5(TOPIC, "linear")
        rec.wait_for(lambda r: r.of("update"))
        errors = rec.of("exception")
        assert len(errors) == 3 and all(isinstance(e.error, InvalidResponseError) for e in errors)
        assert "UTF-8" in str(errors[0].error) and "not JSON" in str(errors[2].error)
        assert errors[2].data == "not json at all"
        assert seqs(rec) == [1] and not rec.of("reconnect")


def test_messages_in_the_same_read_as_the_login_reply_are_kept(raw):
    server = raw(after_auth=frame(update(7)) + frame(update(8)))
    with WebsocketClient(ws_url={"v5Private": server.url("v5/private")}, api_key="k", api_secret="s", **FAST) as ws:
        rec = Recorder(ws)
        ws.connect("v5Private", timeout=5)
        rec.wait_for(lambda r: len(r.of("update")) >= 2)
        assert seqs(rec) == [7, 8]
        assert [e.kind for e in rec.events][:2] == ["authenticated", "open"]


# -- delivery options


def test_inline_delivery_runs_callbacks_on_the_connection_thread_in_order(raw):
    server = raw(b"".join(frame(update(i)) for i in range(1, 51)))
    threads = set()
    with client(server, delivery="inline") as ws:
        rec = Recorder(ws)
        ws.on("update", lambda event: threads.add(threading.current_thread().name))
        ws.subscribe_v5(TOPIC, "linear")
        rec.wait_for(lambda r: len(r.of("update")) == 50)
        assert seqs(rec) == list(range(1, 51))
        assert threads == {"bitsdk-bybit-v5LinearPublic"}
        kinds = [e.kind for e in rec.events]
        assert kinds.index("open") < kinds.index("update")  # lifecycle events in order with the data
        assert ws.stats()["delivered"] == 0  # nothing went through the dispatcher


def test_inline_slow_callbacks_keep_the_heartbeat_going(raw):
    # 30 updates in one read, each callback slow: the whole batch takes several ping
    # intervals, during which the reader never blocks on the socket. Pings must still go
    # out between messages, and the link must not be declared dead meanwhile.
    server = raw(b"".join(frame(update(i)) for i in range(1, 31)))
    pings_seen: List[int] = []

    def slow(event: Event) -> None:
        time.sleep(0.05)
        pings_seen.append(len([p for p in server.frames(0x1) if b'"ping"' in p]))

    with client(server, delivery="inline") as ws:
        rec = Recorder(ws)
        ws.on("update", slow)
        ws.subscribe_v5(TOPIC, "linear")
        rec.wait_for(lambda r: len(r.of("update")) == 30, timeout=20)
        assert pings_seen[-1] > pings_seen[0]  # pings were sent while callbacks ran
        assert not rec.of("reconnect")


def test_close_from_an_inline_callback_stops_the_connection(raw):
    server = raw(b"".join(frame(update(i)) for i in range(1, 21)))
    ws = client(server, delivery="inline")
    seen: List[int] = []

    def stop_at_5(event: Event) -> None:
        seen.append(event.data["data"]["seq"])
        if len(seen) == 5:
            ws.close()

    ws.on("update", stop_at_5)
    ws.subscribe_v5(TOPIC, "linear")
    assert ws.wait(10)
    assert seen == [1, 2, 3, 4, 5]  # nothing delivered after close()


def test_delivery_option_is_checked():
    with pytest.raises(InvalidParameterError, match="'dispatcher', 'inline'"):
        WebsocketClient(delivery="thread")


def test_event_queue_without_callbacks_is_fed_by_the_reader_in_order(raw):
    server = raw(b"".join(frame(update(i)) for i in range(1, 201)))
    q: "queue.Queue[Event]" = queue.Queue()
    with client(server, event_queue=q) as ws:
        ws.subscribe_v5(TOPIC, "linear")
        events = []
        while len([e for e in events if e.kind == "update"]) < 200:
            events.append(q.get(timeout=10))
        assert [e.kind for e in events[:2]] == ["open", "response"]
        assert [e.data["data"]["seq"] for e in events if e.kind == "update"] == list(range(1, 201))
        assert ws.stats()["delivered"] == 0  # no dispatcher hop


def test_a_bounded_event_queue_is_fed_by_the_dispatcher(raw):
    server = raw(b"".join(frame(update(i)) for i in range(1, 11)))
    q: "queue.Queue[Event]" = queue.Queue(maxsize=1000)
    with client(server, event_queue=q) as ws:
        ws.subscribe_v5(TOPIC, "linear")
        got = []
        while len(got) < 10:
            event = q.get(timeout=10)
            if event.kind == "update":
                got.append(event.data["data"]["seq"])
        assert got == list(range(1, 11))
        assert ws.stats()["delivered"] >= 10


def test_callbacks_and_queue_together_go_through_the_dispatcher_in_order(raw):
    server = raw(b"".join(frame(update(i)) for i in range(1, 101)))
    q: "queue.Queue[Event]" = queue.Queue()
    with client(server, event_queue=q) as ws:
        rec = Recorder(ws)
        ws.subscribe_v5(TOPIC, "linear")
        rec.wait_for(lambda r: len(r.of("update")) == 100)
        assert seqs(rec) == list(range(1, 101))
        got = []
        while len(got) < 100:
            event = q.get(timeout=10)
            if event.kind == "update":
                got.append(event.data["data"]["seq"])
        assert got == list(range(1, 101))


# -- batch hand-off


def test_put_many_queues_a_batch_with_one_wake_up_and_keeps_the_backlog_policy():
    dispatcher = Dispatcher("test-dispatch")
    reports = []
    inbox = Inbox(dispatcher, lambda item: None, 3, "drop_oldest", lambda ev, recycle: reports.append(ev))
    inbox.put_many([Event("open", "k")] + [Event("update", "k", i) for i in range(5)])
    assert list(dispatcher._ready) == [inbox]  # scheduled once for the whole batch
    items = [e for _, e in inbox._items]
    assert [e.data for e in items if e.kind == "update"] == [2, 3, 4]
    assert items[0].kind == "open" and inbox.overflows == 2 and len(reports) == 1
    assert len({t for t, _ in inbox._items}) == 1  # one timestamp for the batch


def test_put_many_is_delivered_in_order_by_the_dispatcher():
    dispatcher = Dispatcher("test-dispatch")
    delivered: List[Any] = []
    inbox = Inbox(dispatcher, delivered.append, 1000, "drop_oldest", lambda ev, recycle: None)
    dispatcher.start()
    try:
        for start in range(0, 600, 100):
            inbox.put_many([Event("update", "k", i) for i in range(start, start + 100)])
        assert inbox.drain(5)
        assert [e.data for e in delivered] == list(range(600))
        assert inbox.idle() and inbox.stats()["delivered"] == 600
    finally:
        dispatcher.close()


def test_queue_feeder_feeds_plain_unbounded_queues_only():
    assert queue_feeder(queue.Queue(maxsize=5)) is None
    assert queue_feeder(queue.LifoQueue()) is None
    q: "queue.Queue[int]" = queue.Queue()
    feed = queue_feeder(q)
    assert feed is not None
    got: List[int] = []

    def consumer() -> None:
        for _ in range(6):
            got.append(q.get(timeout=5))
            q.task_done()

    t = threading.Thread(target=consumer)
    t.start()  # blocks in get() until the batch arrives
    feed([1, 2, 3])
    feed([4, 5, 6])
    t.join(5)
    q.join()  # task accounting kept: unfinished_tasks went back to 0
    assert got == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("exchange", ["bybit", "bitget"])
def test_ws_api_commands_with_inline_delivery(exchange, bybit_fake, bitget_fake):
    from test_ws_api import make, place, place_future

    fake = bybit_fake if exchange == "bybit" else bitget_fake
    api = make(exchange, fake, delivery="inline")
    try:
        rec = Recorder(api.get_ws_client())
        done = threading.Event()
        fut = place_future(exchange, api)
        fut.add_done_callback(lambda f: done.set())
        assert fut.result()
        assert place(exchange, api, qty="0.002")
        assert done.wait(5)  # done-callbacks still run (on the dispatcher)
        replies = rec.wait_for(lambda r: [e for e in r.of("response") if e.ws_api and not e.unmatched])
        assert len(replies) == 2
    finally:
        api.close()


def test_frames_larger_than_a_tls_record_over_wss(tmp_path, monkeypatch):
    import ssl

    from _fake import FakeExchange, encode_text_frame
    from test_engine_v2 import _self_signed

    cert_file, key_file = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    monkeypatch.setenv("WEBSOCKET_CLIENT_CA_BUNDLE", str(cert_file))
    sizes = [10, 200_000, 70_000, 1000, 20]  # TLS records carry at most 16 KiB each
    blob = b"".join(encode_text_frame(json.dumps({"topic": TOPIC, "data": {"seq": -i, "pad": "y" * n}}))
                    for i, n in enumerate(sizes, 1))
    with FakeExchange("bybit", ssl_context=context) as fake:
        fake.blast_frames = blob
        with WebsocketClient(ws_url=fake.url("v5LinearPublic"), **FAST) as ws:
            rec = Recorder(ws)
            ws.subscribe_v5(TOPIC, "linear")
            rec.wait_for(lambda r: len([e for e in r.of("update") if e.data["data"]["seq"] < 0]) == len(sizes), timeout=20)
            got = [e.data["data"] for e in rec.of("update") if e.data["data"]["seq"] < 0]
            assert [(d["seq"], len(d["pad"])) for d in got] == [(-i, n) for i, n in enumerate(sizes, 1)]
