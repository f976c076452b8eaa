"""The engine's pure parts, without sockets: heartbeat, backoff, pacing, batching, key maps,
the backlog and its overflow policy."""

from __future__ import annotations

import copy
import json
import pickle
import threading

import pytest

from bitsdk._ws import WsKeyMap
from bitsdk._ws.dispatch import Dispatcher, Inbox
from bitsdk._ws.heartbeat import DEAD, PING, Backoff, Heartbeat
from bitsdk._ws.hooks import ShardLimits
from bitsdk._ws.topics import AckTracker, SlidingWindow, batches
from bitsdk.bitget._ws import WS_KEY_MAP as BG_KEYS
from bitsdk.bybit._ws import WS_KEY_MAP as BY_KEYS
from bitsdk.errors import InvalidParameterError, WebSocketError
from bitsdk.events import Event

# -- heartbeat


def test_heartbeat_pings_on_schedule_and_stays_alive_while_frames_arrive():
    hb = Heartbeat(interval=10, timeout=5, now=0)
    assert hb.tick(9.9) is None
    assert hb.tick(10) is PING
    assert hb.tick(12) is None
    hb.received(13)  # the pong (or any frame)
    assert hb.tick(16) is None  # past the pong deadline, but answered
    assert hb.tick(20) is PING


def test_heartbeat_declares_a_silent_link_dead_at_the_pong_deadline():
    hb = Heartbeat(interval=10, timeout=5, now=0)
    assert hb.tick(10) is PING
    assert hb.tick(14.9) is None
    assert hb.tick(15) is DEAD


def test_heartbeat_deadline_runs_from_the_first_unanswered_ping():
    hb = Heartbeat(interval=2, timeout=3, now=0)
    assert hb.tick(2) is PING
    assert hb.tick(4) is PING  # second ping, still no answer: the first one's deadline holds
    assert hb.tick(5) is DEAD


def test_heartbeat_frames_before_the_ping_do_not_count_as_its_answer():
    hb = Heartbeat(interval=10, timeout=5, now=0)
    hb.received(9)
    assert hb.tick(10) is PING
    assert hb.tick(15) is DEAD


# -- backoff


def test_backoff_grows_only_while_attempts_fail_fast_and_resets_when_healthy():
    mid = lambda a, b: (a + b) / 2  # noqa: E731 - jitter without randomness
    b = Backoff(0.5, 4.0, uniform=mid)
    assert [b.delay(False) for _ in range(5)] == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert b.delay(True) == pytest.approx(0.05)  # healthy: at once, small jitter
    assert b.delay(False) == 0.5  # and the next failure starts small again


def test_backoff_jitter_bounds():
    b = Backoff(1.0, 10.0)
    for _ in range(50):
        assert 0.0 <= b.delay(True) <= 0.1
    waits = [Backoff(1.0, 10.0).delay(False) for _ in range(50)]
    assert all(0.8 <= w <= 1.2 for w in waits) and len(set(waits)) > 1


# -- pacing and batching


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_sliding_window_counts_per_period():
    clock = Clock()
    window = SlidingWindow(3, 1.0, clock)
    for _ in range(3):
        window.spend()
    assert window.available() == 0
    clock.now = 1.01
    assert window.available() == 3


def test_sliding_window_acquire_waits_for_a_slot_and_stops_on_close():
    stop = threading.Event()
    window = SlidingWindow(2, 0.2)
    assert window.acquire(stop) and window.acquire(stop)
    assert window.acquire(stop)  # the third waits about 0.2 s for the first slot
    hourly = SlidingWindow(1, 3600.0)
    assert hourly.acquire(stop)
    stop.set()
    assert hourly.acquire(stop) is False  # stopped instead of waiting an hour


def test_batches_respect_args_per_frame_and_frame_bytes():
    args = [{"topic": "ticker", "instType": "spot", "symbol": f"S{i:04d}USDT"} for i in range(200)]
    overhead = len('{"op":"subscribe","args":[]}')
    limits = ShardLimits(max_frame_bytes=4096)
    out = list(batches(args, limits, overhead))
    assert sum(out, []) == args
    size = lambda b: len(json.dumps({"op": "subscribe", "args": b}, separators=(",", ":")))  # noqa: E731
    for batch in out:
        assert size(batch) <= 4096
    for batch, following in zip(out, out[1:]):
        assert size(batch + following[:1]) > 4096  # each request is as full as it can be
    assert [len(b) for b in batches(list(range(23)), ShardLimits(max_args_per_frame=10), 0)] == [10, 10, 3]


def test_ack_tracker_matches_by_id_or_by_key():
    acks = AckTracker()
    acks.add("r1", ["a", "b"], ["A", "B"], now=0.0)
    assert acks.get("r1").keys == ["a", "b"] and acks.pending("b")
    assert acks.settle("a") and not acks.settle("a")
    assert acks.settle("b") and len(acks) == 0  # the request is gone with its last topic
    acks.add("r2", ["c"], ["C"], now=0.0)
    assert [r.req_id for r in acks.overdue(5.0, timeout=5.0)] == ["r2"]
    assert acks.overdue(4.9, timeout=5.0) == []


# -- WS_KEY_MAP


@pytest.mark.parametrize("keymap", [BG_KEYS, BY_KEYS], ids=["bitget", "bybit"])
def test_ws_key_map_copies_and_pickles(keymap):
    for clone in (copy.copy(keymap), copy.deepcopy(keymap), pickle.loads(pickle.dumps(keymap))):
        assert dict(clone) == dict(keymap) and list(clone) == list(keymap)
        first = list(keymap)[0]
        assert getattr(clone, first) == first
    with pytest.raises(AttributeError):
        assert keymap._anything is None  # private names never resolve (this recursed forever before)
    with pytest.raises(AttributeError, match="read-only"):
        keymap.x = 1
    assert WsKeyMap("a", "b") == {"a": "a", "b": "b"}


# -- backlog


def _inbox(max_backlog, overflow="drop_oldest"):
    reports = []
    delivered = []
    inbox = Inbox(Dispatcher("test-dispatch"), delivered.append, max_backlog, overflow,
                  lambda ev, recycle: reports.append((ev, recycle)))
    return inbox, delivered, reports


def test_backlog_drops_the_oldest_update_counts_it_and_reports_once_per_episode():
    inbox, delivered, reports = _inbox(3)
    inbox.put(Event("open", "k"))
    for i in range(6):
        inbox.put(Event("update", "k", i))
    assert inbox.overflows == 3
    items = [e for _, e in inbox._items]
    updates = [e.data for e in items if e.kind == "update"]
    assert updates == [3, 4, 5]  # the oldest went
    assert items[0].kind == "open"  # lifecycle events are never dropped
    assert len(reports) == 1  # one report per episode (and at most every 5 s)
    event, recycle = reports[0]
    assert event.kind == "exception" and isinstance(event.error, WebSocketError) and not recycle
    assert "backlog full" in str(event.error) and event.data["dropped"] == 1
    assert any(e is event for e in items)  # and it is delivered in order with the rest
    stats = inbox.stats()
    assert stats["backlog"] == len(items) and stats["overflows"] == 3 and stats["max_backlog"] == 3


def test_backlog_recycle_policy_drops_every_waiting_update_and_asks_for_a_recycle():
    inbox, delivered, reports = _inbox(4, "recycle")
    for i in range(5):
        inbox.put(Event("update", "k", i))
    assert inbox.overflows == 4
    assert [e.data for _, e in inbox._items if e.kind == "update"] == [4]
    assert reports and reports[0][1] is True


def test_backlog_options_are_checked():
    with pytest.raises(InvalidParameterError, match="drop_oldest"):
        _inbox(10, "block")
    with pytest.raises(InvalidParameterError, match="max_backlog"):
        _inbox(0)


def test_ack_tracker_matches_an_ack_echoed_in_another_shape():
    from bitsdk._ws import canonical

    acks = AckTracker()
    sent = {"topic": "ticker", "instType": "spot", "symbol": "BTCUSDT"}
    other = {"topic": "ticker", "instType": "spot", "symbol": "ETHUSDT"}
    acks.add("r", [canonical(sent), canonical(other)], [sent, other], now=0.0)
    echoed = canonical({"topic": "ticker", "instType": "SPOT", "symbol": "BTCUSDT", "extra": "x"})
    assert acks.resolve(echoed) == canonical(sent)
    vague = canonical({"topic": "ticker", "instType": "spot"})  # fits both: matches neither
    assert acks.resolve(vague) == vague
    assert acks.resolve("tickers.X") == "tickers.X"
