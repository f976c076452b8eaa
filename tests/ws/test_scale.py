"""1,500 topics on each exchange against the loopback: sharded within the exchange limits,
acknowledged, unsubscribed and resubscribed across connections, private streams unaffected.

The loopback is kept quiet (one public push every 30 s) so the tests are bounded by the
subscribe traffic alone.
"""

from __future__ import annotations

import json

import pytest
from _helpers import FAST, Recorder, bitsdk_threads

from bitsdk.bitget._ws import WebsocketClientV3
from bitsdk.bybit._ws import WebsocketClient
from bitsdk.testing import LoopbackExchange

SYMBOLS = [f"S{i:03d}USDT" for i in range(500)]
OPTS = dict(FAST, ping_interval=1.0, pong_timeout=2.0)


def _subs(ex, ws_key):
    """{connection id: [subscription keys]} of the loopback's open connections of ws_key."""
    return {conn: keys for conn, keys in ex.ws_subscriptions(ws_key).items()}


def _threads_within_budget(ws, clients=1):
    conns = sum(len(shards) for shards in ws._shards.values())
    assert len(bitsdk_threads()) <= conns + clients + 1


@pytest.mark.parametrize("category,ws_key", [("linear", "v5LinearPublic"), ("spot", "v5SpotPublic")])
def test_bybit_1500_topics_are_sharded_within_21000_characters(category, ws_key):
    topics = [f"{kind}.{s}" for s in SYMBOLS for kind in ("tickers", "publicTrade", "orderbook.50")]
    assert len(topics) == 1500 and sum(len(t) for t in topics) > 21000
    with LoopbackExchange("bybit", push_interval=30, symbols=SYMBOLS) as ex:
        with WebsocketClient(**ex.client_options(), **OPTS) as ws:
            rec = Recorder(ws, kinds=("exception", "reconnect", "reconnected", "authenticated"))
            assert ws.subscribe_v5(topics, category).result(30) == topics
            subs = _subs(ex, ws_key)
            assert len(subs) >= 2
            for keys in subs.values():
                assert sum(len(json.dumps(k)) + 1 for k in keys) <= 21000
            assert sorted(k for keys in subs.values() for k in keys) == sorted(topics)
            assert rec.count("exception") == 0  # spot: every request within 10 args
            _threads_within_budget(ws)

            # Unsubscribe a third, spread over every connection.
            gone = topics[::3]
            ws.unsubscribe_v5(gone, category)
            kept = sorted(set(topics) - set(gone))
            assert ex.wait_for(lambda: sorted(k for keys in _subs(ex, ws_key).values() for k in keys) == kept, 10)

            # Private topics keep working next to the shards.
            ws.subscribe_v5(["order", "wallet"], category).result(10)

            shards = len(ws._shards[ws_key])
            ex.faults.drop_all()
            rec.wait_for(lambda r: r.count("reconnected") >= shards + 1, timeout=20)
            assert ex.wait_for(lambda: sorted(k for keys in _subs(ex, ws_key).values() for k in keys) == kept, 20)
            assert ex.wait_for(lambda: sorted(k for keys in _subs(ex, "v5Private").values() for k in keys)
                               == ["order", "wallet"], 10)
            assert rec.count("authenticated") == 2


def test_bybit_option_takes_at_most_2000_args_per_connection():
    ws = WebsocketClient()
    limits = ws._limits("v5OptionPublic")
    assert limits.max_topics == 2000 and limits.max_arg_chars == 21000
    assert ws._limits("v5SpotPublic").max_args_per_frame == 10
    assert not ws._limits("v5Private").shards
    ws.close()


def test_bitget_1500_topics_are_sharded_50_per_connection():
    items = [
        {"topic": topic, "payload": {"instType": "spot", "symbol": s}}
        for s in SYMBOLS for topic in ("ticker", "publicTrade", "books5")
    ]
    wire = sorted(json.dumps({"topic": i["topic"], **i["payload"]}, sort_keys=True) for i in items)
    with LoopbackExchange("bitget", push_interval=30, symbols=SYMBOLS) as ex:
        with WebsocketClientV3(**ex.client_options(), **OPTS) as ws:
            rec = Recorder(ws, kinds=("exception", "reconnected", "authenticated"))
            ws.subscribe(items, "v3Public").result(60)
            subs = _subs(ex, "v3Public")
            assert len(subs) == 30 and all(len(keys) <= 50 for keys in subs.values())
            assert sorted(k for keys in subs.values() for k in keys) == wire
            assert rec.count("exception") == 0
            _threads_within_budget(ws)
            for conn in ws._shards["v3Public"]:
                assert conn.budget.available() == 240 - 1  # one 4,096-byte request each
                assert conn.pacer.count == 10

            gone = items[::3]
            ws.unsubscribe(gone, "v3Public")
            kept = sorted(set(wire) - {json.dumps({"topic": i["topic"], **i["payload"]}, sort_keys=True) for i in gone})
            assert ex.wait_for(lambda: sorted(k for keys in _subs(ex, "v3Public").values() for k in keys) == kept, 10)

            ws.subscribe({"topic": "order", "payload": {"instType": "UTA"}}, "v3Private").result(10)

            ex.faults.drop_all()
            rec.wait_for(lambda r: r.count("reconnected") >= 31, timeout=30)
            assert ex.wait_for(lambda: sorted(k for keys in _subs(ex, "v3Public").values() for k in keys) == kept, 20)
            assert ex.wait_for(lambda: len(_subs(ex, "v3Private")) == 1
                               and sum(len(k) for k in _subs(ex, "v3Private").values()) == 1, 10)


def test_bitget_cap_per_connection_is_an_option_up_to_1000():
    ws = WebsocketClientV3(max_topics_per_connection=1000)
    assert ws._max_topics == 1000 and ws._limits("v3Public").max_topics == 1000
    assert ws._limits("v3Public").max_frame_bytes == 4096 and ws._limits("v3Public").requests_per_hour == 240
    assert WebsocketClientV3()._max_topics == 50
    ws.close()


def test_an_extra_connection_left_without_topics_is_closed():
    items = [
        {"topic": topic, "payload": {"instType": "spot", "symbol": s}}
        for s in SYMBOLS[:40] for topic in ("ticker", "publicTrade", "books5")
    ]
    with LoopbackExchange("bitget", push_interval=30, symbols=SYMBOLS[:40]) as ex:
        with WebsocketClientV3(**ex.client_options(), **OPTS) as ws:
            ws.subscribe(items, "v3Public").result(20)
            assert ex.ws_connection_count("v3Public") == 3  # 50 + 50 + 20
            ws.unsubscribe(items[100:], "v3Public")
            assert ex.wait_for(lambda: ex.ws_connection_count("v3Public") == 2, 5)
            assert [c.name for c in ws._shards["v3Public"]] == ["v3Public", "v3Public#1"]
            assert "bitsdk-bitget-v3Public-2" not in [t.name for t in bitsdk_threads()]
            ws.subscribe(items[100:], "v3Public").result(20)  # a new connection, a new number
            assert [c.name for c in ws._shards["v3Public"]] == ["v3Public", "v3Public#1", "v3Public#3"]
            assert len(ws.subscriptions("v3Public")) == 120
