"""The clock behind signed timestamps (bitsdk._clock), on its own and held by a REST client."""

import logging
from unittest import mock

from bitsdk._clock import Clock
from bitsdk._http import RestClient


def ticking(*values):
    """A local clock that returns ``values`` in order."""
    return mock.Mock(side_effect=list(values))


def test_timestamp_is_local_time_plus_offset():
    clock = Clock(offset_ms=-250, local_ms=lambda: 1_000_000)
    assert clock.timestamp_ms() == 999_750
    clock.offset_ms = 40
    assert clock.timestamp_ms() == 1_000_040


def test_sync_keeps_the_fastest_sample_and_applies_it():
    # Round trips of 300 ms and 100 ms: the 100 ms one wins, offset at its midpoint.
    clock = Clock(local_ms=ticking(0, 300, 1_000, 1_100))
    servers = iter([10_000, 11_000])
    assert clock.sync(lambda: next(servers), samples=2) == 11_000 + 50 - 1_100
    assert clock.offset_ms == 9_950


def test_sync_distrusts_slow_samples(caplog):
    clock = Clock(offset_ms=77, local_ms=ticking(0, 5_000), logger=logging.getLogger("bitsdk.t"))
    with caplog.at_level(logging.WARNING, logger="bitsdk.t"):
        assert clock.sync(lambda: 123, samples=1, max_rtt_ms=2_000) == 77
    assert "time sync skipped" in caplog.text


def test_due_follows_the_interval(monkeypatch):
    now = [1_000.0]
    monkeypatch.setattr("bitsdk._clock.time.monotonic", lambda: now[0])
    assert not Clock().due()  # no interval: never
    clock = Clock(sync_interval=60)
    assert clock.due()  # never synced, whatever the uptime
    clock.sync(lambda: 0, samples=1)
    assert not clock.due()
    now[0] += 61
    assert clock.due()


def test_latency_summary_warns_on_drift(caplog):
    clock = Clock(local_ms=ticking(1_000, 1_100), logger=logging.getLogger("bitsdk.t"), surface="Tiny REST")
    with caplog.at_level(logging.WARNING, logger="bitsdk.t"):
        summary = clock.latency_summary(lambda: 3_000)
    assert summary == {
        "localTime": 1_100, "serverTime": 3_000, "roundTripTime": 100, "estimatedOneWayLatency": 50,
        "adjustedServerTime": 3_050, "timeDifference": 1_950,
    }
    assert "Tiny REST" in caplog.text and "1950" in caplog.text
    assert clock.offset_ms == 0  # measuring changes nothing


class Timed(RestClient):
    SURFACE = "Timed REST"

    def fetch_server_time_ms(self) -> int:
        return 5_000


def test_a_rest_client_holds_one_clock(monkeypatch):
    monkeypatch.setattr("bitsdk._http.now_ms", lambda: 1_000)
    client = Timed(time_offset_ms=7, time_sync_interval=30, proxies={})
    assert isinstance(client.clock, Clock)
    assert (client.clock.offset_ms, client.clock.sync_interval) == (7, 30)
    client.set_time_offset_ms(11)
    assert client.clock.offset_ms == client.time_offset_ms == client.get_time_offset_ms() == 11
    assert client.timestamp_ms() == 1_011
    assert client.sync_time(samples=1) == 4_000 == client.clock.offset_ms
    # The same object can be handed to another client (a WebSocket client, later).
    other = Timed(proxies={})
    other.clock = client.clock
    assert other.timestamp_ms() == 5_000


def test_threads_due_together_sync_once():
    import threading

    calls = []
    clock = Clock(sync_interval=60, local_ms=lambda: 0)

    def server():
        calls.append(1)
        return 10

    threads = [threading.Thread(target=clock.sync_if_due, args=(server,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 3  # one sync of three samples, whatever the interleaving
    assert clock.offset_ms == 10 and not clock.due()
