"""Tests of ``python -m bench.books``: it runs on every feed and prints one row per feed, and its
floors do the work they claim.

Performance is judged from the bench output, never here: no timing assertions. The run does
check correctness on the way: the verified book must accept every message of each feed, and
every contender must end with the feed's reference book.
"""

import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from bench.books import (bare_bitget, bare_bitget_crc, bare_sorted_bitget, bare_sorted_bybit, bitget_feed, bybit_feed,
                         reference)

ROOT = Path(__file__).resolve().parent.parent


def number(cell):
    return float(cell.replace(",", ""))


def test_book_bench_quick_run_prints_one_row_per_feed():
    done = subprocess.run([sys.executable, "-m", "bench.books", "--quick"], cwd=str(ROOT),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    header = lines[0]
    assert header.split()[:1] == ["Case"] and "ratio" in header and "bare sorted" in header and "bare+CRC" in header
    assert "pybit" in header
    cases = ("Bybit orderbook.50", "Bitget V2 books (checksum)", "Bitget V2 books (no checksum)", "Bitget V3 books")
    for case in cases:
        row = next(line for line in lines if line.startswith(case + " "))
        verified, bare, ratio, ordered, ordered_ratio, crc, crc_ratio, pybit, pybit_ratio = row[len(case):].split()
        assert number(verified) > 0 and number(bare) > 0 and float(ratio) > 0
        # the sorted floor runs where the bare dict is the like-for-like floor (no checksum)
        if case == "Bitget V2 books (checksum)":
            assert ordered == ordered_ratio == "-"
        else:
            assert number(ordered) > 0 and float(ordered_ratio) > 0
        # the CRC-by-hand floor exists for the one feed that carries checksums
        if case == "Bitget V2 books (checksum)":
            assert number(crc) > 0 and float(crc_ratio) > 0
        else:
            assert crc == crc_ratio == "-"
        # pybit handles Bybit books only, and only when it is installed
        assert pybit == pybit_ratio == "-" or (case.startswith("Bybit") and number(pybit) > 0)


def spec_checksum(bids, asks):
    """bitget.md §4.10 written out plainly: the best 25 levels, interleaved, CRC-32 as a signed int."""
    best_bids = sorted(bids.items(), key=lambda level: float(level[0]), reverse=True)[:25]
    best_asks = sorted(asks.items(), key=lambda level: float(level[0]))[:25]
    tokens = []
    for i in range(25):
        for side in (best_bids, best_asks):
            if i < len(side):
                tokens += side[i]
    value = zlib.crc32(":".join(tokens).encode("utf-8"))
    return value - 2**32 if value >= 2**31 else value


def test_crc_floor_checks_the_feeds_checksums_and_ends_with_the_reference_book():
    feed = bitget_feed(600, v3=False)
    bids, asks = {}, {}
    for msg in feed:  # the feed's checksums are the spec's, over the book each message leaves
        item = msg["data"][0]
        if msg["action"] == "snapshot":
            bids, asks = {}, {}
        for side, rows in ((bids, item["bids"]), (asks, item["asks"])):
            for price, size in rows:
                if size == "0":
                    side.pop(price, None)
                else:
                    side[price] = size
        assert item["checksum"] == spec_checksum(bids, asks)
    assert bare_bitget_crc(feed)[1] == reference(feed) == bare_bitget(feed, "bids", "asks")[1]


@pytest.mark.parametrize("at", [0, 1, 299])
def test_crc_floor_rejects_a_wrong_checksum(at):
    feed = bitget_feed(300, v3=False)
    feed[at]["data"][0]["checksum"] += 1
    with pytest.raises(RuntimeError, match="checksum mismatch"):
        bare_bitget_crc(feed)
    unchecked = bitget_feed(300, v3=False, checksum=False)  # nothing to verify: the floor is the bare dict
    assert bare_bitget_crc(unchecked)[1] == reference(unchecked)


@pytest.mark.parametrize("v3", [False, True])
def test_sorted_floor_ends_with_the_reference_book_and_keeps_its_prices_in_order(v3, monkeypatch):
    import bench.books as books

    sides = []
    original = books._SortedSide

    def keep(sign):  # every side the floor builds, to look at its order afterwards
        side = original(sign)
        sides.append(side)
        return side

    monkeypatch.setattr(books, "_SortedSide", keep)
    def in_order():  # the final bids and asks of the last run: keys sorted, one per price held
        return all(side.keys == sorted(float(p) * side.sign for p in side.sizes) for side in sides[-2:])

    feed = bitget_feed(600, v3=v3, checksum=False)
    bid_key, ask_key = ("b", "a") if v3 else ("bids", "asks")
    assert bare_sorted_bitget(feed, bid_key, ask_key)[1] == reference(feed) and in_order()
    bybit = bybit_feed(600)
    assert bare_sorted_bybit(bybit)[1] == reference(bybit) and in_order()
