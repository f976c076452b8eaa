"""A tiny scripted WebSocket server for engine-level tests (frame blasting, heartbeats).

It speaks just enough of each exchange's protocol: heartbeats, login, subscribe acks, a
periodic push per subscribed topic, and WebSocket API replies. The end-to-end behaviour tests
use :class:`bitsdk.testing.LoopbackExchange`; this fake is for what needs exact control over
the bytes on the wire.
"""

from __future__ import annotations

import json
import struct
import threading
import time
from typing import Any, Dict, List, Optional

from websockets.sync.server import serve


def encode_text_frame(text: str) -> bytes:
    """One unmasked server->client text frame."""
    payload = text.encode()
    n = len(payload)
    if n < 126:
        header = struct.pack("!BB", 0x81, n)
    elif n < 65536:
        header = struct.pack("!BBH", 0x81, 126, n)
    else:
        header = struct.pack("!BBQ", 0x81, 127, n)
    return header + payload


class FakeExchange:
    """Scripted server on 127.0.0.1:0; every path is one ws_key (``/v5Private`` ...)."""

    def __init__(self, exchange: str, push_interval: float = 0.05, ssl_context: Any = None):
        self.exchange = exchange
        self.push_interval = push_interval
        self.received: List[tuple] = []  # (path, text)
        self.arrivals: List[tuple] = []  # (path, time.monotonic()) of each client message
        self.connects: Dict[str, int] = {}
        self.reject_login = 0  # how many logins to reject
        self.silent_until: Dict[Any, float] = {}  # connection -> end of its silence
        self.reply_mode = "normal"  # "never" | "late" | "twice"
        self.reply_delay = 0.0
        self.answer_subscribe = True  # False: subscribe requests get no reply (and no data)
        self.vague_bad_topics: set = set()  # Bybit: refused with a reason that names no topic
        self.faults = self  # the fault API mirrors LoopbackExchange.faults
        self.blast_frames: Optional[bytes] = None
        self._conns: set = set()
        self._lock = threading.Lock()
        self.scheme = "wss" if ssl_context is not None else "ws"
        self._server = serve(self._handler, "127.0.0.1", 0, compression=None, max_size=None, ping_interval=None,
                             ssl=ssl_context)
        self.port = self._server.socket.getsockname()[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-server", daemon=True)
        self._thread.start()

    def url(self, ws_key: str) -> str:
        host = "localhost" if self.scheme == "wss" else "127.0.0.1"
        return f"{self.scheme}://{host}:{self.port}/{ws_key}"

    def urls(self, keys) -> Dict[str, str]:
        return {k: self.url(k) for k in keys}

    def frames(self, path: str) -> List[Any]:
        out = []
        for p, text in list(self.received):
            if p == path:
                try:
                    out.append(json.loads(text))
                except ValueError:
                    out.append(text)
        return out

    def silent(self, conn: Any) -> bool:
        return time.monotonic() < self.silent_until.get(conn, 0.0)

    def client_options(self, keys) -> Dict[str, Any]:
        options = {"ws_url": self.urls(keys), "api_key": "test-key", "api_secret": "test-secret"}
        if not any(key.startswith("v5") for key in keys):
            options["api_pass"] = "test-pass"  # Bitget only: Bybit clients take no passphrase
        return options

    # -- faults

    def go_silent(self, seconds: float) -> None:
        # Like LoopbackExchange.faults.go_silent: the connections open now go quiet; a
        # replacement connection is served normally.
        until = time.monotonic() + seconds
        with self._lock:
            self.silent_until = {conn: until for conn in self._conns}

    def reject_next_login(self) -> None:
        self.reject_login += 1

    def ws_api_reply(self, mode: str = "normal", delay: float = 0.6) -> None:
        self.reply_mode = mode
        self.reply_delay = delay

    def drop_all(self) -> None:
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            try:
                conn.socket.shutdown(2)
            except OSError:
                pass

    def close(self) -> None:
        self.drop_all()
        self._server.shutdown()
        self._thread.join(5)

    def __enter__(self) -> "FakeExchange":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- per connection

    def _handler(self, conn: Any) -> None:
        path = conn.request.path.lstrip("/")
        with self._lock:
            self._conns.add(conn)
            self.connects[path] = self.connects.get(path, 0) + 1
        topics: List[Any] = []
        seq = 0
        try:
            next_push = time.monotonic() + self.push_interval
            while True:
                try:
                    text = conn.recv(timeout=max(0.001, next_push - time.monotonic()))
                except TimeoutError:
                    text = None
                if text is not None:
                    self.received.append((path, text))
                    self.arrivals.append((path, time.monotonic()))
                    if not self.silent(conn):
                        for reply in self._answer(path, text, topics):
                            conn.send(reply)
                if time.monotonic() >= next_push:
                    next_push = time.monotonic() + self.push_interval
                    if self.blast_frames is not None and topics:
                        blob, self.blast_frames = self.blast_frames, None
                        conn.socket.sendall(blob)
                    if not self.silent(conn):
                        for topic in topics:
                            seq += 1
                            conn.send(self._push(topic, seq))
        except Exception:
            pass
        finally:
            with self._lock:
                self._conns.discard(conn)

    def _push(self, topic: Any, seq: int) -> str:
        if self.exchange == "bybit":
            return json.dumps({"topic": topic, "type": "snapshot", "ts": seq, "data": {"seq": seq}})
        return json.dumps({"arg": topic, "action": "snapshot", "data": [{"seq": seq}], "ts": seq})

    def _answer(self, path: str, text: str, topics: List[Any]) -> List[str]:
        if self.exchange == "bitget":
            if text == "ping":
                return ["pong"]
            msg = json.loads(text)
            op = msg.get("op")
            if op == "login":
                if self.reject_login:
                    self.reject_login -= 1
                    return [json.dumps({"event": "error", "code": 30011, "msg": "Invalid ACCESS_KEY"})]
                return [json.dumps({"event": "login", "code": 0, "msg": ""})]
            if op == "subscribe" and not self.answer_subscribe:
                return []
            if op in ("subscribe", "unsubscribe"):
                out = []
                for arg in msg["args"]:
                    if op == "subscribe":
                        topics.append(arg)
                    elif arg in topics:
                        topics.remove(arg)
                    out.append(json.dumps({"event": op, "arg": arg}))
                return out
            if op == "trade":
                items = []
                for i, order in enumerate(msg["args"]):
                    if order.get("qty") == "bad":
                        items.append({"code": "43012", "msg": "Insufficient balance", "clientOid": order.get("clientOid")})
                    else:
                        items.append({"code": "0", "msg": "success", "orderId": str(i + 1), "clientOid": order.get("clientOid")})
                if msg["topic"].startswith("batch"):
                    reply = {"event": "trade", "id": msg["id"], "topic": msg["topic"], "code": "0", "msg": "success",
                             "args": items}
                elif items[0]["code"] != "0":
                    reply = {"event": "error", "id": msg["id"], "code": "43012", "msg": "Insufficient balance"}
                else:
                    reply = {"event": "trade", "id": msg["id"], "topic": msg["topic"], "code": "0", "msg": "success",
                             "args": [{"orderId": "1", "clientOid": msg["args"][0].get("clientOid")}]}
                return self._mode([json.dumps(reply)])
            return []
        msg = json.loads(text)
        op = msg.get("op")
        if op == "ping":
            return [json.dumps({"success": True, "ret_msg": "pong", "conn_id": "x", "req_id": "", "op": "ping"})]
        if op == "auth":
            if self.reject_login:
                self.reject_login -= 1
                return [json.dumps({"success": False, "ret_msg": "error:request expired", "op": "auth", "conn_id": "x"})]
            return [json.dumps({"success": True, "ret_msg": "", "op": "auth", "conn_id": "x"})]
        if op == "subscribe" and not self.answer_subscribe:
            return []
        if op in ("subscribe", "unsubscribe"):
            bad = [arg for arg in msg["args"] if arg in self.vague_bad_topics]
            for arg in msg["args"]:
                if op == "subscribe" and arg not in bad:
                    topics.append(arg)
                elif arg in topics:
                    topics.remove(arg)
            if op == "subscribe" and bad:
                return [json.dumps({"success": False, "ret_msg": "error:request refused", "conn_id": "x",
                                    "req_id": msg.get("req_id"), "op": op})]
            return [json.dumps({"success": True, "ret_msg": "", "conn_id": "x", "req_id": msg.get("req_id"), "op": op})]
        if op and op.startswith("order."):
            params = msg["args"][0]
            if op.endswith("-batch"):
                reqs = params["request"]
                infos = [{"code": 110007 if r.get("qty") == "bad" else 0, "msg": "OK"} for r in reqs]
                reply = {"reqId": msg["reqId"], "retCode": 0, "retMsg": "OK", "op": op,
                         "data": {"list": [{"orderLinkId": r.get("orderLinkId", "")} for r in reqs]},
                         "retExtInfo": {"list": infos}, "header": {}}
            else:
                code = 110007 if params.get("qty") == "bad" else 0
                reply = {"reqId": msg["reqId"], "retCode": code, "retMsg": "OK" if not code else "insufficient balance",
                         "op": op, "data": {"orderId": "1", "orderLinkId": params.get("orderLinkId", "")},
                         "retExtInfo": {}, "header": {}}
            return self._mode([json.dumps(reply)])
        return []

    def _mode(self, replies: List[str]) -> List[str]:
        mode = self.reply_mode
        if mode == "never":
            return []
        if mode == "twice":
            return replies * 2
        if mode == "late":
            time.sleep(self.reply_delay)
        return replies
