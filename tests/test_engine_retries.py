"""Retries of reads: the exchange's own "come back at" wins, a ban is never retried.

Sleep is patched (nothing really waits) and the local clock frozen, so the waits are exact.
"""

from __future__ import annotations

import email.utils
import re

import pytest
import responses

from bitsdk import errors
from bitsdk._http import RestClient
from bitsdk.bybit import RestClientV5

NOW_MS = 1_700_000_000_000
ANY = re.compile(r"https://.*")
BYBIT_OK = {"retCode": 0, "retMsg": "OK", "result": {}, "retExtInfo": {}, "time": NOW_MS}
BYBIT_BUSY = {"retCode": 10006, "retMsg": "Too many visits!", "result": {}, "retExtInfo": {}, "time": NOW_MS}


@pytest.fixture
def slept(monkeypatch):
    waits = []
    monkeypatch.setattr("bitsdk._http.time.sleep", waits.append)
    monkeypatch.setattr("bitsdk._http.now_ms", lambda: NOW_MS)
    return waits


def bybit(**options):
    return RestClientV5(proxies={}, read_retries=3, **options)


def reset_in(ms):
    return {"X-Bapi-Limit-Reset-Timestamp": str(NOW_MS + ms)}


def test_bybit_10006_waits_until_the_reset(slept):
    with responses.RequestsMock() as rsps:
        rsps.add("GET", ANY, json=BYBIT_BUSY, headers=reset_in(1_500))
        rsps.add("GET", ANY, json=BYBIT_OK)
        assert bybit().get_tickers(category="spot")["retCode"] == 0
        assert len(rsps.calls) == 2
    assert slept == [1.5]


def test_a_reset_beyond_the_cap_raises_at_once(slept):
    with responses.RequestsMock() as rsps:
        rsps.add("GET", ANY, json=BYBIT_BUSY, headers=reset_in(60_000))
        with pytest.raises(errors.RateLimitError) as caught:
            bybit().get_tickers(category="spot")
        assert len(rsps.calls) == 1
    assert slept == [] and caught.value.reset_at_ms == NOW_MS + 60_000


def test_the_cap_is_an_option(slept):
    with responses.RequestsMock() as rsps:
        rsps.add("GET", ANY, json=BYBIT_BUSY, headers=reset_in(20_000))
        rsps.add("GET", ANY, json=BYBIT_OK)
        bybit(max_retry_wait=30).get_tickers(category="spot")
        rsps.add("GET", ANY, json=BYBIT_BUSY, headers=reset_in(1_000))
        with pytest.raises(errors.RateLimitError):
            bybit(max_retry_wait=0.5).get_tickers(category="spot")
    assert slept == [20.0]


@pytest.mark.parametrize("bad", [-1, "5", None, True, float("nan")])
def test_max_retry_wait_is_checked(bad):
    with pytest.raises(errors.InvalidParameterError, match="max_retry_wait"):
        bybit(max_retry_wait=bad)


def test_a_reset_already_past_retries_at_once(slept):
    with responses.RequestsMock() as rsps:
        rsps.add("GET", ANY, json=BYBIT_BUSY, headers=reset_in(-3_000))
        rsps.add("GET", ANY, json=BYBIT_OK)
        bybit().get_tickers(category="spot")
    assert slept == [0.0]


def test_the_reset_is_read_on_the_exchange_clock(slept):
    # The local clock is 2 s behind: the reset is 2 s nearer than it looks locally.
    with responses.RequestsMock() as rsps:
        rsps.add("GET", ANY, json=BYBIT_BUSY, headers=reset_in(3_000))
        rsps.add("GET", ANY, json=BYBIT_OK)
        bybit(time_offset_ms=2_000).get_tickers(category="spot")
    assert slept == [1.0]


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_seconds_is_honoured(slept, status):
    with responses.RequestsMock() as rsps:
        rsps.add("GET", ANY, status=status, body="busy", headers={"Retry-After": "3"})
        rsps.add("GET", ANY, json=BYBIT_OK)
        bybit().get_tickers(category="spot")
    assert slept == [3.0]


def test_retry_after_as_an_http_date(slept):
    when = email.utils.formatdate((NOW_MS + 4_000) / 1000, usegmt=True)
    with responses.RequestsMock() as rsps:
        rsps.add("GET", ANY, status=429, body="busy", headers={"Retry-After": when})
        rsps.add("GET", ANY, json=BYBIT_OK)
        bybit().get_tickers(category="spot")
    assert slept == [4.0]


def test_retry_after_beyond_the_cap_raises_at_once(slept):
    with responses.RequestsMock() as rsps:
        rsps.add("GET", ANY, status=429, body="busy", headers={"Retry-After": "120"})
        with pytest.raises(errors.RateLimitError):
            bybit().get_tickers(category="spot")
        assert len(rsps.calls) == 1
    assert slept == []


@pytest.mark.parametrize(
    "kwargs",
    [{"body": "<html>403 Forbidden</html>"}, {"json": BYBIT_BUSY}, {"json": {"msg": "banned"}}],
    ids=["html", "envelope", "json"],
)
def test_http_403_is_never_retried(slept, kwargs):
    with responses.RequestsMock() as rsps:
        rsps.add("GET", ANY, status=403, headers={"Retry-After": "1", **reset_in(500)}, **kwargs)
        with pytest.raises(errors.RateLimitError) as caught:
            RestClientV5(proxies={}, read_retries=5).get_tickers(category="spot")
        assert len(rsps.calls) == 1
    assert slept == [] and caught.value.http_status == 403


def test_without_a_hint_the_backoff_is_unchanged(slept):
    with responses.RequestsMock() as rsps:
        rsps.add("GET", ANY, status=429, body="busy")
        rsps.add("GET", ANY, status=502, body="<html>bad gateway</html>")
        rsps.add("GET", ANY, json=BYBIT_OK)
        bybit().get_tickers(category="spot")
    assert slept == [0.25, 0.5]


def test_posts_are_not_retried_even_when_told_when(slept):
    with responses.RequestsMock() as rsps:
        rsps.add("POST", ANY, json=BYBIT_BUSY, headers=reset_in(100))
        with pytest.raises(errors.RateLimitError):
            RestClientV5("k" * 18, "s" * 36, proxies={}, read_retries=5).submit_order(category="linear", symbol="X")
        assert len(rsps.calls) == 1
    assert slept == []


def test_the_engine_alone_reads_the_bybit_header_on_a_429():
    # A bare engine client: no exchange hooks parse the header, the engine still does.
    class Bare(RestClient):
        def _check_envelope(self, envelope, method, path):
            return None

    client = Bare(base_url="https://bare.test", proxies={}, read_retries=1)
    exc = errors.RateLimitError("slow", http_status=429, headers=reset_in(2_500))
    client.clock.local_ms = lambda: NOW_MS
    assert client._retry_delay(exc, 0) == 2.5


def test_the_last_failure_carries_no_earlier_one(slept):
    import requests

    with responses.RequestsMock() as rsps:
        rsps.add("GET", ANY, body=requests.ConnectionError("refused"))
        rsps.add("GET", ANY, body=requests.ConnectionError("refused again"))
        with pytest.raises(errors.NetworkError) as caught:
            RestClientV5(proxies={}, read_retries=1).get_tickers(category="spot")
    assert caught.value.__context__ is None and caught.value.__cause__ is None
    assert "refused again" in str(caught.value) and slept == [0.25]
