"""The one WebSocket engine behind every bitsdk stream and WebSocket API client.

One module per seam:

* :mod:`~bitsdk._ws.client`: the facade the exchange clients subclass (options, ``on``,
  subscribe/unsubscribe plumbing with topic ownership and sharding, ``close``, ``stats``),
  and :func:`close_all`;
* :mod:`~bitsdk._ws.connection`: the connection loop, one thread per connection (connect,
  log in, resubscribe, read, back off);
* :mod:`~bitsdk._ws.reader`: the receive loop (and :mod:`~bitsdk._ws.frames`, the frame
  parser under it);
* :mod:`~bitsdk._ws.heartbeat`: the pure heartbeat (``tick(now)`` → ping / dead / nothing)
  and the reconnect backoff;
* :mod:`~bitsdk._ws.topics`: batching, pacing, hourly request budgets, acknowledgement
  tracking, :class:`SubscribeFuture`;
* :mod:`~bitsdk._ws.dispatch`: each client's dispatcher thread and bounded backlog;
* :mod:`~bitsdk._ws.commands`: WebSocket API commands and :class:`BaseWebsocketAPIClient`;
* :mod:`~bitsdk._ws.hooks`: the contract an exchange package implements.

Threads: one per connection plus one dispatcher per client (or one shared dispatcher passed
as ``dispatcher=``), each joined by ``close()``. User code runs only on dispatchers, or,
with ``delivery="inline"``, on the connection threads.
"""

from __future__ import annotations

import threading  # noqa: F401 - tests patch bitsdk._ws.threading / bitsdk._ws.time
import time  # noqa: F401

from ._util import WsKeyMap, canonical, compact, proxy_options
from .client import CLOSE_TIMEOUT, BaseWebsocketClient, close_all
from .commands import BaseWebsocketAPIClient
from .dispatch import DEFAULT_MAX_BACKLOG, OVERFLOW_POLICIES, Dispatcher
from .heartbeat import Backoff, Heartbeat
from .hooks import ExchangeHooks, ShardLimits, SubReply
from .topics import SubscribeFuture

# The names the exchange packages used when this was one module.
_compact = compact
_proxy_options = proxy_options

__all__ = [
    "BaseWebsocketClient",
    "BaseWebsocketAPIClient",
    "WsKeyMap",
    "close_all",
    "Dispatcher",
    "SubscribeFuture",
    "ExchangeHooks",
    "ShardLimits",
    "SubReply",
    "Heartbeat",
    "Backoff",
    "CLOSE_TIMEOUT",
    "DEFAULT_MAX_BACKLOG",
    "OVERFLOW_POLICIES",
    "canonical",
]
