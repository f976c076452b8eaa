"""Smoke test of ``python -m bench.books``: it runs on every feed and prints its three rows.

Performance is judged from the bench output, never here: no timing assertions. The run does
check correctness on the way: the verified book must accept every message of each feed, and
every contender must end with the feed's reference book.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_book_bench_quick_run_prints_one_row_per_feed():
    done = subprocess.run([sys.executable, "-m", "bench.books", "--quick"], cwd=str(ROOT),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].split()[:1] == ["Case"] and "ratio" in lines[0] and "pybit" in lines[0]
    for case in ("Bybit orderbook.50", "Bitget V2 books (checksum)", "Bitget V3 books"):
        row = next(line for line in lines if line.startswith(case))
        verified, bare, ratio, pybit, pybit_ratio = row[len(case):].split()
        assert float(verified.replace(",", "")) > 0 and float(bare.replace(",", "")) > 0 and float(ratio) > 0
        # pybit handles Bybit books only, and only when it is installed
        assert pybit == pybit_ratio == "-" or (case.startswith("Bybit") and float(pybit.replace(",", "")) > 0)
