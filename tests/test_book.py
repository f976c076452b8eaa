"""Pure tests of the order-book appliers, the checksum and the book keeper (no sockets)."""

from __future__ import annotations

import threading
import zlib

import pytest

from bitsdk._book import (
    BitgetV2Applier,
    BitgetV3Applier,
    BookGap,
    BybitApplier,
    OrderBook,
    _BookKeeper,
    bitget_checksum,
    route_bitget,
    route_bybit,
)
from bitsdk.events import EVENT_KINDS, Event


def signed_crc(text: str) -> int:
    """The spec's definition (bitget.md §4.10): CRC-32 (IEEE) of the UTF-8 text, as a signed int32."""
    value = zlib.crc32(text.encode("utf-8"))
    return value - 2**32 if value >= 2**31 else value


def bybit(kind, u, b=(), a=(), topic="orderbook.50.BTCUSDT"):
    return {"topic": topic, "type": kind, "ts": 1, "data": {"s": "BTCUSDT", "b": [list(x) for x in b],
                                                            "a": [list(x) for x in a], "u": u, "seq": 7}, "cts": 1}


def v2(action, seq, bids=(), asks=(), pseq=None, checksum=None):
    item = {"bids": [list(x) for x in bids], "asks": [list(x) for x in asks], "seq": seq, "ts": "5"}
    if pseq is not None:
        item["pseq"] = pseq
    if checksum is not None:
        item["checksum"] = checksum
    return {"action": action, "arg": {"instType": "SPOT", "channel": "books", "instId": "BTCUSDT"}, "data": [item]}


def v3(action, seq, pseq, b=(), a=()):
    return {"arg": {"instType": "spot", "topic": "books", "symbol": "BTCUSDT"}, "action": action,
            "data": [{"a": [list(x) for x in a], "b": [list(x) for x in b], "seq": seq, "pseq": pseq, "maxDepth": 200,
                      "ts": "5"}]}


def new_book(applier):
    return OrderBook("t", "BTCUSDT", "k", applier)


# ------------------------------------------------------------------------------------ checksum


def test_checksum_documented_examples_signed():
    bids, asks = [["43231.1", "4"], ["43231", "6"]], [["43232.8", "9"], ["43232.9", "8"]]
    expected = signed_crc("43231.1:4:43232.8:9:43231:6:43232.9:8")
    assert expected == -1504501796  # above 2**31 unsigned: the signed form is negative
    assert bitget_checksum(bids, asks) == expected
    uneven = bitget_checksum([["3366.1", "7"]], [["3366.8", "9"], ["3368", "8"], ["3372", "8"]])
    assert uneven == signed_crc("3366.1:7:3366.8:9:3368:8:3372:8") == 831078360


def test_checksum_uses_25_levels_and_strings_as_received():
    bids = [[f"{100 - i}.5", f"{i + 1}"] for i in range(30)]
    asks = [[f"{101 + i}.5", f"{i + 2}"] for i in range(30)]
    tokens = []
    for i in range(25):
        tokens += bids[i] + asks[i]
    assert bitget_checksum(bids, asks) == signed_crc(":".join(tokens))
    assert bitget_checksum([["1.10", "2"]], []) != bitget_checksum([["1.1", "2"]], [])
    assert bitget_checksum([], []) == 0


# ------------------------------------------------------------------------------------ Bybit


def test_bybit_snapshot_deltas_and_sorting():
    book = new_book(BybitApplier())
    assert book._apply(bybit("snapshot", 10, b=[("99.5", "1"), ("100", "2")], a=[("101", "1"), ("100.5", "3")]))
    assert book.bids() == [("100", "2"), ("99.5", "1")] and book.asks() == [("100.5", "3"), ("101", "1")]
    # insert (numerically sorted, not as text), replace, delete, delete of an unknown level
    book._apply(bybit("delta", 11, b=[("99.75", "4"), ("100", "5"), ("9.5", "1")], a=[("101", "0"), ("200", "0")]))
    assert book.bids() == [("100", "5"), ("99.75", "4"), ("99.5", "1"), ("9.5", "1")]
    assert book.asks() == [("100.5", "3")]
    assert book.best_bid() == ("100", "5") and book.best_ask() == ("100.5", "3") and book.seq == 11
    assert book.bids(2) == [("100", "5"), ("99.75", "4")]
    # the same price written differently is the same level; the latest string is kept
    book._apply(bybit("delta", 12, b=[("100.0", "6")]))
    assert book.bids(1) == [("100.0", "6")] and len(book.bids()) == 4
    book._apply(bybit("delta", 13, b=[("100.00", "0.000")]))
    assert book.best_bid() == ("99.75", "4")


@pytest.mark.parametrize("u", [15, 13, 12])
def test_bybit_gap_or_reorder_breaks_the_book(u):
    book = new_book(BybitApplier())
    book._apply(bybit("snapshot", 12, b=[("1", "1")], a=[("2", "1")]))
    book._apply(bybit("delta", 13, b=[("1", "2")]))
    with pytest.raises(BookGap, match="update id gap"):
        book._apply(bybit("delta", u, b=[("1", "3")]))
    assert not book.synced and book.bids() == [] and book.best_ask() is None and book.seq is None
    # while unsynced, deltas are skipped; the next snapshot restores the book
    assert book._apply(bybit("delta", 14, b=[("1", "9")])) is False
    assert book._apply(bybit("snapshot", 20, b=[("1", "5")], a=[("2", "5")]))
    assert book.synced and book.bids() == [("1", "5")] and book.seq == 20


def test_bybit_restart_u1_and_level1_repush():
    book = new_book(BybitApplier())
    book._apply(bybit("snapshot", 500, b=[("1", "1"), ("0.9", "1")], a=[("2", "1")]))
    book._apply(bybit("delta", 1, b=[("1.5", "7")], a=[("2.5", "7")]))  # u = 1: a service restart
    assert book.bids() == [("1.5", "7")] and book.asks() == [("2.5", "7")] and book.seq == 1
    book._apply(bybit("delta", 2, b=[("1.4", "1")]))
    assert book.bids() == [("1.5", "7"), ("1.4", "1")]
    level1 = new_book(BybitApplier())
    for _ in range(3):  # orderbook.1 re-pushes the same snapshot with the same u
        assert level1._apply(bybit("snapshot", 77, b=[("1", "1")], a=[("2", "1")], topic="orderbook.1.BTCUSDT"))
    assert level1.synced and level1.bids() == [("1", "1")] and level1.seq == 77


@pytest.mark.parametrize("bad", [
    {"topic": "orderbook.50.BTCUSDT", "type": "delta"},
    bybit("delta", None),
    bybit("weird", 3),
    bybit("snapshot", 1, b=[("1",)]),
    bybit("snapshot", 1, b=[(1.5, "1")]),
    bybit("snapshot", 1, b=[("x", "1")]),
    bybit("snapshot", 1, b=[("nan", "1")]),
    bybit("delta", 3, b=[("1", None)]),  # a new size for a held level must be a string too
    bybit("delta", 3, b=[("1", 2)]),
    bybit("delta", 3, a=[("3", [])]),
    bybit("delta", 3, b=[("1", "1", "2")]),
    bybit("delta", 3, b=[["1"]]),
    bybit("delta", 3, b=["1"]),
    bybit("delta", 3, b=[(["1"], "0")]),
    bybit("delta", 3, a=[(2, "0")]),  # a delete names a string price too
    bybit("delta", True),  # a bool is not an update id
])
def test_bybit_malformed_messages_are_gaps(bad):
    book = new_book(BybitApplier())
    book._apply(bybit("snapshot", 2, b=[("1", "1")]))
    with pytest.raises(BookGap):
        book._apply(bad)
    assert not book.synced


# ------------------------------------------------------------------------------------ Bitget (both)

BAD_ROWS = [[("1", None)], [("1", 2)], [("x", "1")], [("nan", "1")], [(1.5, "1")], [("1", "1", "2")], [["1"]],
            ["1"], [(2, "0")], [(["1"], "0")]]


@pytest.mark.parametrize("rows", BAD_ROWS)
@pytest.mark.parametrize("version", ["v2", "v3"])
def test_bitget_malformed_levels_in_a_chained_update_are_gaps(version, rows):
    book = new_book(BitgetV2Applier(True) if version == "v2" else BitgetV3Applier(True))
    if version == "v2":
        book._apply(v2("snapshot", 10, [("1", "1")], [("2", "1")]))
        bad = v2("update", 11, rows, [("2", "3")], pseq=10)
    else:
        book._apply(v3("snapshot", 10, 0, [("1", "1")], [("2", "1")]))
        bad = v3("update", 11, 10, rows, [("2", "3")])
    with pytest.raises(BookGap, match="malformed level"):
        book._apply(bad)
    assert not book.synced and book.bids() == [] and book.asks() == [] and book.seq is None


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_bitget_sequences_as_strings_multi_item_pushes_and_bool_pseq(version):
    make = v2 if version == "v2" else (lambda action, seq, bids=(), asks=(), pseq=None: v3(action, seq, pseq, bids, asks))
    book = new_book(BitgetV2Applier(True) if version == "v2" else BitgetV3Applier(True))
    book._apply(make("snapshot", "10", [("1", "1")], [("2", "1")], pseq=0))
    assert book.seq == 10
    assert book._apply(make("update", "11", [("1", "2")], pseq="10")) and book.seq == 11
    assert book._apply(make("update", 12, [("1", "3")], pseq=11)) and book.bids() == [("1", "3")]
    two = make("update", 13, [("1.5", "1")], pseq=12)
    two["data"].append(make("update", 14, [("1", "0")], pseq=13)["data"][0])
    assert book._apply(two) and book.bids() == [("1.5", "1")] and book.seq == 14 and book.messages == 4
    # True == 1, but a bool is not a sequence number: V2 takes it as no pseq (seq must grow),
    # V3 as an update without pseq
    book._apply(make("snapshot", 1, [("1", "1")], [("2", "1")], pseq=0))
    if version == "v2":
        assert book._apply(make("update", 2, [("1", "4")], pseq=True)) and book.bids() == [("1", "4")]
    else:
        with pytest.raises(BookGap, match="without pseq"):
            book._apply(make("update", 2, [("1", "4")], pseq=True))


def test_seq_and_ts_follow_the_chained_updates():
    bybit_book = new_book(BybitApplier())
    bybit_book._apply(bybit("snapshot", 7, b=[("1", "1")]))
    msg = bybit("delta", 8, b=[("1", "2")])
    msg.update(ts=1700000000999, cts=1700000000900)
    assert bybit_book._apply(msg) and (bybit_book.seq, bybit_book.ts) == (8, 1700000000900)
    spot = bybit("delta", 9, b=[("1", "3")])
    spot.update(ts=1700000001999)
    del spot["cts"]  # spot books carry no cts: the push's ts
    assert bybit_book._apply(spot) and bybit_book.ts == 1700000001999
    v3_book = new_book(BitgetV3Applier(incremental=True))
    v3_book._apply(v3("snapshot", 9, 0, b=[("1", "1")]))
    update = v3("update", 10, 9, b=[("1", "2")])
    update["data"][0]["ts"] = "1700000000777"
    assert v3_book._apply(update) and (v3_book.seq, v3_book.ts, v3_book.snapshot().ts) == (10, 1700000000777, 1700000000777)
    with pytest.raises(BookGap):
        v3_book._apply(v3("update", 12, 11, b=[("1", "3")]))
    assert v3_book.seq is None and v3_book.ts == 1700000000777  # ts: the last message applied


# ------------------------------------------------------------------------------------ Bitget V2


def test_v2_checksum_verified_on_every_message():
    book = new_book(BitgetV2Applier(incremental=True))
    bids, asks = [("43231.1", "4"), ("43231", "6")], [("43232.8", "9"), ("43232.9", "8")]
    book._apply(v2("snapshot", 10, bids, asks, checksum=signed_crc("43231.1:4:43232.8:9:43231:6:43232.9:8")))
    good = signed_crc("43231.1:4:43232.8:9:43231:6:43232.9:10")
    assert book._apply(v2("update", 11, asks=[("43232.9", "10")], pseq=10, checksum=good))
    assert book.asks() == [("43232.8", "9"), ("43232.9", "10")]
    with pytest.raises(BookGap, match="checksum mismatch"):
        book._apply(v2("update", 12, asks=[("43232.9", "11")], pseq=11, checksum=good))
    assert not book.synced and book.asks() == []
    with pytest.raises(BookGap, match="checksum mismatch"):  # a snapshot is verified too
        book._apply(v2("snapshot", 20, bids, asks, checksum=good))


def test_v2_checksum_compared_modulo_2_32_and_zero_means_absent():
    book = new_book(BitgetV2Applier(incremental=True))
    unsigned = zlib.crc32(b"43231.1:4:43232.8:9")
    assert book._apply(v2("snapshot", 1, [("43231.1", "4")], [("43232.8", "9")], checksum=unsigned))
    assert book._apply(v2("update", 2, [("43231.1", "5")], pseq=1, checksum=0))
    assert book.synced and book.bids() == [("43231.1", "5")]


def test_v2_seq_chain_without_checksum():
    book = new_book(BitgetV2Applier(incremental=True))
    book._apply(v2("snapshot", 10, [("1", "1")], [("2", "1")]))
    book._apply(v2("update", 11, [("1", "2")], pseq=10))
    with pytest.raises(BookGap, match="sequence gap"):
        book._apply(v2("update", 13, [("1", "3")], pseq=12))
    # spot books may carry no pseq: seq must still grow
    book._apply(v2("snapshot", 20, [("1", "1")], [("2", "1")]))
    book._apply(v2("update", 25, [("1", "4")]))
    with pytest.raises(BookGap, match="out of order"):
        book._apply(v2("update", 24, [("1", "5")]))


def test_v2_snapshot_channels_replace_each_push():
    book = new_book(BitgetV2Applier(incremental=False))
    book._apply(v2("snapshot", 5, [("1", "1"), ("0.5", "1")], [("2", "1")]))
    book._apply(v2("snapshot", 3, [("1.1", "1")], [("2", "2")]))  # every push is the whole book
    assert book.bids() == [("1.1", "1")] and book.asks() == [("2", "2")]


def test_v2_checksums_that_come_and_go_are_verified_against_the_current_book():
    book = new_book(BitgetV2Applier(incremental=True))
    bids, asks = [("10", "1"), ("9", "2")], [("11", "3"), ("12", "4")]
    assert book._apply(v2("snapshot", 1, bids, asks, checksum=signed_crc("10:1:11:3:9:2:12:4")))
    # no checksum for a while (Bitget dropped it from Classic pushes): inserts, deletes, spellings
    book._apply(v2("update", 2, [("9.5", "5"), ("9", "0")], [("11.0", "6")], pseq=1))
    book._apply(v2("update", 3, [("8", "7")], [("12", "0.0"), ("13", "8")], pseq=2))
    assert book.bids() == [("10", "1"), ("9.5", "5"), ("8", "7")] and book.asks() == [("11.0", "6"), ("13", "8")]
    # then checksums again: computed over the book as it is now
    good = signed_crc("10:1:11.0:6:9.5:5:13:8:8:7")
    assert book._apply(v2("update", 4, pseq=3, checksum=good))
    assert book._apply(v2("update", 5, [("9.5", "4")], pseq=4, checksum=signed_crc("10:1:11.0:6:9.5:4:13:8:8:7")))
    with pytest.raises(BookGap, match="checksum mismatch"):  # the stale size "5" would not match
        book._apply(v2("update", 6, [("10", "2")], pseq=5, checksum=signed_crc("10:2:11.0:6:9.5:5:13:8:8:7")))


# ------------------------------------------------------------------------------------ Bitget V3


def test_v3_pseq_chain_and_reset():
    book = new_book(BitgetV3Applier(incremental=True))
    assert book._apply(v3("snapshot", 100, 0, b=[("1", "1")], a=[("2", "1")]))
    assert book._apply(v3("update", 104, 100, b=[("1", "2")]))  # seq may jump: pseq is the link
    with pytest.raises(BookGap, match="sequence gap"):
        book._apply(v3("update", 110, 105, b=[("1", "3")]))
    assert book._apply(v3("update", 3, 0, b=[("0.5", "1")], a=[("3", "1")]))  # pseq 0: a reset, fresh book
    assert book.synced and book.bids() == [("0.5", "1")] and book.seq == 3
    with pytest.raises(BookGap, match="without pseq"):
        book._apply({"arg": {}, "action": "update", "data": [{"a": [], "b": [], "seq": 4}]})


def test_v3_snapshot_topics_and_missing_data():
    book = new_book(BitgetV3Applier(incremental=False))
    book._apply(v3("snapshot", 1, 0, b=[("1", "1")]))
    book._apply(v3("snapshot", 2, 0, b=[("1.5", "1")]))
    assert book.bids() == [("1.5", "1")]
    with pytest.raises(BookGap):
        book._apply({"action": "snapshot", "data": []})


# ------------------------------------------------------------------------------------ the book object


def test_seq_and_ts_of_the_last_message():
    bybit_book = new_book(BybitApplier())
    msg = bybit("snapshot", 7, b=[("1", "1")])
    msg.update(ts=1700000000123, cts=1700000000100)  # cts: when the matching engine made the book
    bybit_book._apply(msg)
    assert (bybit_book.seq, bybit_book.ts) == (7, 1700000000100)
    assert bybit_book.snapshot().ts == 1700000000100
    bitget_book = new_book(BitgetV3Applier(incremental=True))
    assert bitget_book.ts is None
    bitget_book._apply(v3("snapshot", 9, 0, b=[("1", "1")]))
    assert (bitget_book.seq, bitget_book.ts, bitget_book.snapshot().seq) == (9, 5, 9)  # "ts": "5" in the item



def test_wait_synced_blocks_until_the_snapshot():
    book = new_book(BybitApplier())
    assert book.wait_synced(0.01) is False
    result = []
    waiter = threading.Thread(target=lambda: result.append(book.wait_synced(10)))
    waiter.start()
    book._apply(bybit("snapshot", 1, b=[("1", "1")]))
    waiter.join(10)
    assert result == [True]


def test_snapshot_is_consistent_under_a_concurrent_writer():
    book = new_book(BybitApplier())
    book._apply(bybit("snapshot", 1, b=[(str(100 - i), "1") for i in range(50)], a=[(str(101 + i), "1") for i in range(50)]))
    stop = threading.Event()
    seen = []

    def reader():
        while not stop.is_set():
            snap = book.snapshot()
            # every level of one copy carries the size of the same update
            sizes = {size for _, size in snap.bids + snap.asks}
            seen.append((snap.seq, sizes))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for u in range(2, 2002):
            size = str(u)
            book._apply(bybit("delta", u, b=[(str(100 - i), size) for i in range(50)],
                              a=[(str(101 + i), size) for i in range(50)]))
    finally:
        stop.set()
        thread.join(10)
    assert seen
    for seq, sizes in seen:
        assert sizes == {"1" if seq == 1 else str(seq)}
    assert book.snapshot(3).bids == [("100", "2001"), ("99", "2001"), ("98", "2001")]


# ------------------------------------------------------------------------------------ the keeper


class FakeClient:
    """What the keeper uses of a stream client: ``on`` and a place for delivered events."""

    def __init__(self):
        self.listeners = {}
        self.delivered = []
        self.frames = []

    def on(self, kind, callback):
        assert kind in EVENT_KINDS
        self.listeners.setdefault(kind, []).append(callback)

    def fire(self, kind, ws_key, data=None):
        for callback in self.listeners.get(kind, []):
            callback(Event(kind, ws_key, data))


def open_bybit(keeper, client, topic, ws_key="v5LinearPublic"):
    return keeper.open((ws_key, topic), lambda: OrderBook(topic, "BTCUSDT", ws_key, BybitApplier()),
                       lambda: client.frames.append(("sub", topic)), lambda: client.frames.append(("unsub", topic)))


def test_keeper_routes_applies_and_resyncs_one_topic():
    import logging

    client = FakeClient()
    keeper = _BookKeeper.of(client, route_bybit, client.delivered.append, logging.getLogger("test"))
    assert _BookKeeper.of(client, route_bybit, client.delivered.append, logging.getLogger("test")) is keeper
    btc = open_bybit(keeper, client, "orderbook.50.BTCUSDT")
    eth = open_bybit(keeper, client, "orderbook.50.ETHUSDT")
    assert open_bybit(keeper, client, "orderbook.50.BTCUSDT") is btc
    # unsubscribe first: a no-op for a new topic, a fresh snapshot for one already subscribed
    assert client.frames == [("unsub", "orderbook.50.BTCUSDT"), ("sub", "orderbook.50.BTCUSDT"),
                             ("unsub", "orderbook.50.ETHUSDT"), ("sub", "orderbook.50.ETHUSDT")]
    key = "v5LinearPublic"
    client.fire("update", key, bybit("snapshot", 5, b=[("1", "1")], a=[("2", "1")]))
    client.fire("update", key, bybit("snapshot", 8, b=[("3", "1")], topic="orderbook.50.ETHUSDT"))
    client.fire("update", key, {"topic": "tickers.BTCUSDT", "data": {}})  # not a book: ignored
    assert [(e.kind, e.data) for e in client.delivered] == [("book", btc), ("book", eth)]
    client.frames.clear()
    client.fire("update", key, bybit("delta", 7, b=[("1", "2")]))  # u 6 went missing
    resync = client.delivered[-1]
    assert resync.kind == "resync" and resync.data["book"] is btc and "gap" in resync.data["reason"]
    assert client.frames == [("unsub", "orderbook.50.BTCUSDT"), ("sub", "orderbook.50.BTCUSDT")]
    assert btc.resyncs == 1 and not btc.synced and eth.synced and eth.resyncs == 0
    count = len(client.delivered)
    client.fire("update", key, bybit("delta", 8, b=[("1", "2")]))  # in flight: skipped, no event
    assert len(client.delivered) == count and client.frames == [("unsub", "orderbook.50.BTCUSDT"),
                                                                ("sub", "orderbook.50.BTCUSDT")]
    client.fire("update", key, bybit("snapshot", 9, b=[("1", "3")], a=[("2", "1")]))
    assert btc.synced and client.delivered[-1].kind == "book" and btc.bids() == [("1", "3")]
    client.frames.clear()
    btc.close()
    assert client.frames == [("unsub", "orderbook.50.BTCUSDT")] and not btc.synced and btc.bids() == []
    count = len(client.delivered)
    client.fire("update", key, bybit("snapshot", 10, b=[("1", "3")]))  # no longer kept
    assert len(client.delivered) == count and not btc.synced
    btc.close()  # idempotent
    assert open_bybit(keeper, client, "orderbook.50.BTCUSDT") is not btc


def test_keeper_reconnect_invalidates_the_books_of_that_connection_only():
    import logging

    client = FakeClient()
    keeper = _BookKeeper.of(client, route_bybit, client.delivered.append, logging.getLogger("test"))
    linear = open_bybit(keeper, client, "orderbook.50.BTCUSDT")
    spot = open_bybit(keeper, client, "orderbook.50.BTCUSDT", ws_key="v5SpotPublic")
    client.fire("update", "v5LinearPublic", bybit("snapshot", 5, b=[("1", "1")]))
    client.fire("update", "v5SpotPublic", bybit("snapshot", 6, b=[("1", "2")]))
    assert linear.bids() == [("1", "1")] and spot.bids() == [("1", "2")]
    client.frames.clear()
    client.fire("reconnect", "v5LinearPublic", {"url": "x"})
    assert not linear.synced and linear.resyncs == 1 and spot.synced and spot.resyncs == 0
    assert client.frames == []  # the engine resubscribes by itself after a reconnect
    assert client.delivered[-1].kind == "resync" and "connection lost" in client.delivered[-1].data["reason"]
    client.fire("reconnect", "v5LinearPublic", {"url": "x"})  # still waiting: not counted twice
    assert linear.resyncs == 1


def test_keeper_backs_off_a_book_that_keeps_breaking():
    import logging

    from bitsdk._book import FREE_REFRESHES, STABLE_AFTER

    client = FakeClient()
    keeper = _BookKeeper.of(client, route_bybit, client.delivered.append, logging.getLogger("test"))
    now = [1000.0]
    keeper.clock = lambda: now[0]
    book = open_bybit(keeper, client, "orderbook.50.BTCUSDT")
    client.frames.clear()
    key, refreshes = "v5LinearPublic", ("unsub", "orderbook.50.BTCUSDT")

    def break_once(u):
        client.fire("update", key, bybit("snapshot", u, b=[("1", "1")]))
        now[0] += 1
        client.fire("update", key, bybit("delta", u + 5, b=[("1", "2")]))

    for i in range(FREE_REFRESHES):  # the first few refreshes go out at once
        break_once(10 * i)
        assert client.frames.count(refreshes) == i + 1
    break_once(100)  # one more soon after the last sync: held back 1 s
    assert client.frames.count(refreshes) == FREE_REFRESHES and book.resyncs == FREE_REFRESHES + 1
    client.fire("update", key, bybit("delta", 106, b=[("1", "2")]))  # before the delay: nothing
    assert client.frames.count(refreshes) == FREE_REFRESHES
    now[0] += 1
    client.fire("update", key, bybit("delta", 107, b=[("1", "2")]))  # the old stream drives the refresh
    assert client.frames.count(refreshes) == FREE_REFRESHES + 1 and not book.synced
    break_once(200)  # the next one waits 2 s
    now[0] += 1.5
    client.fire("update", key, bybit("delta", 206, b=[("1", "2")]))
    assert client.frames.count(refreshes) == FREE_REFRESHES + 1
    client.fire("update", key, bybit("snapshot", 300, b=[("1", "1")]))  # a snapshot heals it: no refresh due
    now[0] += STABLE_AFTER + 1  # synced long enough: the backoff starts over
    client.fire("update", key, bybit("delta", 310, b=[("1", "2")]))
    assert client.frames.count(refreshes) == FREE_REFRESHES + 2


def test_keeper_backs_off_a_book_that_never_syncs():
    import logging

    from bitsdk._book import FREE_REFRESHES

    client = FakeClient()
    keeper = _BookKeeper.of(client, route_bybit, client.delivered.append, logging.getLogger("test"))
    now = [50.0]
    keeper.clock = lambda: now[0]
    book = open_bybit(keeper, client, "orderbook.50.BTCUSDT")
    client.frames.clear()
    for i in range(FREE_REFRESHES + 2):  # every snapshot is malformed
        client.fire("update", "v5LinearPublic", bybit("snapshot", i, b=[("1", 2)]))
    assert book.resyncs == FREE_REFRESHES + 2 and not book.synced
    assert client.frames.count(("unsub", "orderbook.50.BTCUSDT")) == FREE_REFRESHES


def test_keeper_makes_no_book_event_that_nobody_would_receive():
    import logging

    class StreamClient(FakeClient):
        """Like the stream clients: a listener table and an optional event queue."""

        def __init__(self):
            super().__init__()
            self._listeners = {}
            self._event_queue = None

    client = StreamClient()
    keeper = _BookKeeper.of(client, route_bybit, client.delivered.append, logging.getLogger("test"))
    book = open_bybit(keeper, client, "orderbook.50.BTCUSDT")
    client.fire("update", "v5LinearPublic", bybit("snapshot", 5, b=[("1", "1")]))
    assert book.synced and client.delivered == []  # applied, but no book event was made
    client.fire("update", "v5LinearPublic", bybit("delta", 7, b=[("1", "2")]))  # a gap
    assert [e.kind for e in client.delivered] == ["resync"]  # resyncs always go out
    client._event_queue = object()  # an event queue receives every event
    client.fire("update", "v5LinearPublic", bybit("snapshot", 8, b=[("1", "1")]))
    client._event_queue = None
    client._listeners["book"] = (print,)
    client.fire("update", "v5LinearPublic", bybit("delta", 9, b=[("1", "3")]))
    assert [e.kind for e in client.delivered] == ["resync", "book", "book"]


def test_route_bitget_keys():
    v2_event = Event("update", "v2Public", v2("snapshot", 1))
    v3_event = Event("update", "v3Public", v3("snapshot", 1, 0))
    assert route_bitget(v2_event) == ("v2Public", "SPOT", "books", "BTCUSDT")
    assert route_bitget(v3_event) == ("v3Public", "spot", "books", "BTCUSDT")
    assert route_bitget(Event("update", "v3Public", {"data": []})) is None


# ------------------------------------------------------------------------------------ client checks


@pytest.mark.parametrize("args, message", [
    (("BTCUSDT", "linear", 25), "depth must be one of 1, 50, 200, 1000 for linear"),
    (("BTCUSDT", "linear", 500), "depth must be one of 1, 50, 200, 1000"),
    (("BTCUSDT", "linear", "50"), "got '50'"),
    (("BTCUSDT", "linear", True), "got True"),
    (("BTCUSDT", "option", 50), "25, 100 for option"),
    (("BTCUSDT", "Linear", 50), 'write category="linear"'),
    (("btcusdt", "spot", 50), 'symbol="btcusdt" is not valid on Bybit V5 streams: the spelling is case-sensitive, write symbol="BTCUSDT"'),
    (("", "spot", 50), 'symbol="" is not valid on Bybit V5 streams: write a symbol such as symbol="BTCUSDT"'),
])
def test_bybit_order_book_refuses_bad_input_before_sending(args, message):
    from bitsdk.bybit import WebsocketClient
    from bitsdk.errors import InvalidParameterError

    with WebsocketClient() as ws:
        with pytest.raises(InvalidParameterError, match=message):
            ws.order_book(*args)
        assert ws.subscriptions("v5LinearPublic") == [] and ws.subscriptions("v5SpotPublic") == []


@pytest.mark.parametrize("v3, args, message", [
    (True, ("BTCUSDT", "spot", "books15"), 'topic="books15" is not valid on Bitget V3 public streams: use one of "books", "books1"'),
    (True, ("BTCUSDT", "SPOT"), 'write instType="spot"'),
    (True, ("btcusdt", "spot"), 'symbol="btcusdt" is not valid on Bitget V3 public streams: the spelling is case-sensitive'),
    (False, ("btcusdt", "SPOT"),
     'inst_id="btcusdt" is not valid on Bitget V2 streams: the spelling is case-sensitive, write inst_id="BTCUSDT"'),
    (False, ("BTCUSDT", "SPOT", "books50"), 'channel="books50" is not valid on Bitget V2 streams: use one of'),
    (False, ("BTCUSDT", "spot"), 'write instType="SPOT"'),
    (False, ("BTCUSDT", "FUTURES"), 'instType="FUTURES" is not valid on Bitget V2 streams'),
])
def test_bitget_order_book_refuses_bad_input_before_sending(v3, args, message):
    from bitsdk.bitget import WebsocketClientV2, WebsocketClientV3
    from bitsdk.errors import InvalidParameterError

    with (WebsocketClientV3() if v3 else WebsocketClientV2()) as ws:
        with pytest.raises(InvalidParameterError, match=message):
            ws.order_book(*args)
        assert ws.subscriptions("v3Public" if v3 else "v2Public") == []


# ------------------------------------------------------------------------------------ random feeds


def random_feed(seed, n=1500):
    """A reference book moved by random inserts, replaces and deletes; yields (bid rows, ask rows, book).

    Prices sit on a 0.5 grid with varied spellings ("100", "100.50"); bids stay below 100 and
    asks above it, so the book never crosses. Each step changes 1-6 levels.
    """
    import random

    rng = random.Random(seed)
    bids, asks = {}, {}

    def spell(value):
        text = f"{value:.2f}"
        return text.rstrip("0").rstrip(".") if rng.random() < 0.5 else text

    def change(side, low, high):
        rows = []
        for _ in range(rng.randint(1, 3)):
            if side and rng.random() < 0.35:
                price = rng.choice(sorted(side))
                del side[price]
                rows.append([spell(price), rng.choice(["0", "0.000"])])
            else:
                price = rng.randrange(low, high) / 2
                side[price] = f"{rng.randint(1, 9999) / 1000:g}"
                rows.append([spell(price), side[price]])
        return rows

    for _ in range(n):
        yield change(bids, 100, 200), change(asks, 201, 300), bids, asks


def expected(side, reverse):
    return [float(p) for p in sorted(side, reverse=reverse)]


def as_floats(levels):
    return [float(p) for p, _ in levels]


@pytest.mark.parametrize("exchange", ["bybit", "bitget-v2", "bitget-v2-sparse", "bitget-v3"])
def test_random_inserts_deletes_and_spellings_track_the_reference(exchange):
    applier = {"bybit": BybitApplier(), "bitget-v2": BitgetV2Applier(True), "bitget-v2-sparse": BitgetV2Applier(True),
               "bitget-v3": BitgetV3Applier(True)}[exchange]
    book = new_book(applier)
    for i, (b, a, bids, asks) in enumerate(random_feed(seed=len(exchange))):
        first = i == 0
        if exchange == "bybit":
            msg = bybit("snapshot" if first else "delta", 100 + i, b, a)
        elif exchange == "bitget-v3":
            msg = v3("snapshot" if first else "update", 100 + i, 0 if first else 99 + i, b, a)
        else:
            msg = v2("snapshot" if first else "update", 100 + i, b, a, pseq=None if first else 99 + i)
        if exchange == "bitget-v2" or exchange == "bitget-v2-sparse" and i % 10 == 3:  # sparse: checksums come and go
            # the checksum of the reference book, computed from the spec, over the strings the local
            # book holds (the latest spelling of each price): the applier must agree on every message
            local = {float(p): (p, s) for p, s in book.bids() + book.asks()}
            for price, size in b + a:
                local[float(price)] = (price, size)
            top_b = [local[p] for p in sorted(bids, reverse=True)[:25]]
            top_a = [local[p] for p in sorted(asks)[:25]]
            tokens = []
            for k in range(25):
                tokens += list(top_b[k]) if k < len(top_b) else []
                tokens += list(top_a[k]) if k < len(top_a) else []
            msg["data"][0]["checksum"] = signed_crc(":".join(tokens)) or None
        assert book._apply(msg)
        assert as_floats(book.bids()) == expected(bids, True)
        assert as_floats(book.asks()) == expected(asks, False)
        assert [s for _, s in book.bids()] == [bids[p] for p in sorted(bids, reverse=True)]
    assert book.synced and book.messages == 1500
