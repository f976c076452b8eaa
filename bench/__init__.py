"""bitsdk's benchmark harness: bitsdk against its peers (pybit, ccxt) and bare floors.

Run it with ``python -m bench`` (or ``tox -e bench``); ``python -m bench --help`` lists the
options. Everything runs on 127.0.0.1 against loopback servers started in separate processes
(:mod:`bench.servers`); nothing is installed or fetched at run time.

Sections, each a module exposing ``run(config) -> list[Row]``:

- :mod:`bench.rest`: client-side time of a signed GET and a signed POST.
- :mod:`bench.streams`: stream updates dispatched per second to a callback.
- :mod:`bench.wsapi`: WebSocket API command round trip (median and p99).
- :mod:`bench.imports`: cold import time in fresh interpreters.
- :mod:`bench.conns`: threads and memory for 50 open stream connections.

The shared machinery (interleaved rounds, statistics, rows, targets) is in :mod:`bench.core`;
the table and the result files are written by :mod:`bench.report`.
"""

from pathlib import Path

#: The repository root (the directory holding ``bitsdk/`` and ``bench/``).
ROOT = Path(__file__).resolve().parent.parent
