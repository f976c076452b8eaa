"""Import time: the import statements in a fresh interpreter, timed inside the child.

Each sample is one new ``python -E -X pycache_prefix=<dir> -c ...`` process that times only
the import (interpreter start-up is the same for everyone and left out). The contenders are
interleaved round by round. ``-E`` ignores ``PYTHON*`` variables (this environment sets
``PYTHONDONTWRITEBYTECODE``, which would make the repository's bitsdk recompile on every
start while site-packages has bytecode); a bench-owned bytecode cache and one unrecorded
warm-up import per statement give every contender compiled bytecode, as after a normal
install. "Cold" thus means a fresh process, not an empty OS file cache.

The floor is bitsdk's own dependencies, ``import requests, websocket, attrs``. Each side of
an exchange package loads on first use, so bitsdk is measured three ways: the stream client
alone (no ``requests``), the REST client alone (no websocket-client), and both (no target:
bitsdk's own modules then come on top of every dependency).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable, List

from . import ROOT
from .core import Config, Contender, Row, Skip, Target, case_rows, measure, missing_modules

__all__ = ["run", "import_ms"]

SECTION = "Import"
UNIT = "ms ↓"
BOTH_SIDES = "import bitsdk.bybit; bitsdk.bybit.RestClientV5; bitsdk.bybit.WebsocketClient"
PYCACHE = Path(tempfile.gettempdir()) / "bitsdk-bench-pycache"
#: (family, import statement, label)
STATEMENTS = (
    ("floor", "import requests, websocket, attrs", "import requests, websocket, attrs (bitsdk's dependencies)"),
    ("bitsdk", "import bitsdk.bybit; bitsdk.bybit.WebsocketClient", ""),
    ("bitsdk", "import bitsdk.bitget; bitsdk.bitget.WebsocketClientV3", ""),
    ("bitsdk", "import bitsdk.bybit; bitsdk.bybit.RestClientV5", ""),
    ("bitsdk", BOTH_SIDES, ""),
    ("pybit", "import pybit.unified_trading", ""),
    ("ccxt", "import ccxt", ""),
)
#: The target (issue #14) is for one client: the stream client, and the REST client alike. A
#: bot that loads both is shown beside them, without a target.
TARGETS = (Target("bitsdk", "floor", "<=", 1.1, only=tuple(s for f, s, _ in STATEMENTS if f == "bitsdk" and s != BOTH_SIDES)),)
_SCRIPT = "import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"


def import_ms(statement: str) -> float:
    """Milliseconds ``statement`` (``import x``) takes in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-E", "-X", f"pycache_prefix={PYCACHE}", "-c", _SCRIPT.format(statement=statement)],
        cwd=str(ROOT), capture_output=True, text=True, timeout=120,
    )
    if done.returncode:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}")
    return float(done.stdout.strip()) * 1000.0


def _modules(statement: str) -> List[str]:
    """The modules an import statement names (``import a, b.c; a.X`` -> ``a``, ``b.c``)."""
    first = statement.split(";")[0].strip()
    return [name.strip() for name in first[len("import "):].split(",")]


def _contender(family: str, statement: str, label: str) -> Contender:
    def setup() -> Callable[[], float]:
        reason = missing_modules(*_modules(statement))
        if reason:
            raise Skip(reason)
        return lambda: import_ms(statement)

    return Contender(family, label or statement, setup)


def run(config: Config) -> List[Row]:
    """Median cold import time per statement; bitsdk against its dependencies, pybit and ccxt."""
    contenders = config.select([_contender(*entry) for entry in STATEMENTS])
    results = measure(contenders, rounds=config.pick(9, 3), warmup=1)
    return case_rows(SECTION, "cold import, fresh interpreter", contenders, results, UNIT, TARGETS)
