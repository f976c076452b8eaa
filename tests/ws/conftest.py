"""Fixtures for the WebSocket tests: scripted fake servers and a thread-leak check."""

from __future__ import annotations

import os
import sys
import time

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from _fake import FakeExchange  # noqa: E402
from _helpers import bitsdk_threads  # noqa: E402


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """Every test must leave no bitsdk thread behind."""
    yield
    deadline = time.monotonic() + 3
    while bitsdk_threads() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert bitsdk_threads() == []


@pytest.fixture
def bybit_fake():
    with FakeExchange("bybit") as fx:
        yield fx


@pytest.fixture
def bitget_fake():
    with FakeExchange("bitget") as fx:
        yield fx
