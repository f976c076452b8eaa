"""Import time: ``import X`` in a fresh interpreter, timed inside the child.

Each sample is one new ``python -E -X pycache_prefix=<dir> -c ...`` process that times only
the ``import`` statement (interpreter start-up is the same for everyone and left out). The
contenders are interleaved round by round. ``-E`` ignores ``PYTHON*`` variables (this
environment sets ``PYTHONDONTWRITEBYTECODE``, which would make the repository's bitsdk
recompile on every start while site-packages has bytecode); a bench-owned bytecode cache and
one unrecorded warm-up import per module give every contender compiled bytecode, as after a
normal install. "Cold" thus means a fresh process, not an empty OS file cache.
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
TARGETS = (Target("bitsdk", "floor", "<=", 1.25),)
PYCACHE = Path(tempfile.gettempdir()) / "bitsdk-bench-pycache"
#: (family, module)
MODULES = (
    ("floor", "requests"),
    ("bitsdk", "bitsdk.bybit"),
    ("bitsdk", "bitsdk.bitget"),
    ("pybit", "pybit.unified_trading"),
    ("ccxt", "ccxt"),
)
_SCRIPT = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"


def import_ms(module: str) -> float:
    """Milliseconds ``import module`` takes in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-E", "-X", f"pycache_prefix={PYCACHE}", "-c", _SCRIPT.format(module=module)],
        cwd=str(ROOT), capture_output=True, text=True, timeout=120,
    )
    if done.returncode:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}")
    return float(done.stdout.strip()) * 1000.0


def _contender(family: str, module: str) -> Contender:
    def setup() -> Callable[[], float]:
        reason = missing_modules(module)
        if reason:
            raise Skip(reason)
        return lambda: import_ms(module)

    return Contender(family, f"import {module}", setup)


def run(config: Config) -> List[Row]:
    """Median cold import time per module; bitsdk against ``requests``, pybit and ccxt."""
    contenders = config.select([_contender(family, module) for family, module in MODULES])
    results = measure(contenders, rounds=config.pick(7, 3), warmup=1)
    return case_rows(SECTION, "cold import, fresh interpreter", contenders, results, UNIT, TARGETS)
