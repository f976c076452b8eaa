"""The loopback market's synthetic books: depth-limited deltas replay to exactly its levels.

No sockets: ``Book.step()`` ticks the market and ``changes_within(depth)`` is what a
subscription of that depth is sent. A plain dict replay of those deltas must equal
``levels(depth)`` after every tick, with levels removed, new prices added, and levels coming
into and leaving each depth.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bitsdk.testing._market import CHURN_SPAN, LEVELS, TOP_CHANGED, Market

DEPTHS = (1, 5, 25, 50, 200, 1000)


@pytest.mark.parametrize("product, symbol", [("perp", "BTCUSDT"), ("spot", "XRPUSDT")])
def test_deltas_of_every_depth_replay_to_the_book(product, symbol):
    market = Market([symbol], seed=3)
    book = market.book(market.instruments[(product, symbol)])
    best = book.best_bid, book.best_ask
    local = {depth: tuple(dict(side) for side in book.levels(depth)) for depth in DEPTHS}
    inserted = deleted = 0
    for tick in range(1500):
        book.step()
        for depth in DEPTHS:
            bids, asks = book.changes_within(depth)
            if depth >= TOP_CHANGED:  # every tick changes some top level: no depth goes without a delta
                assert bids and asks, (tick, depth)
            assert [p for p, _ in bids] == sorted((p for p, _ in bids), reverse=True)
            assert [p for p, _ in asks] == sorted(p for p, _ in asks)
            for held, rows in zip(local[depth], (bids, asks)):
                for price, size in rows:
                    if size == 0:
                        assert price in held, "a delete of a level the subscriber does not hold"
                        del held[price]
                        deleted += 1
                    else:
                        inserted += price not in held
                        held[price] = size
            want_bids, want_asks = book.levels(depth)
            assert sorted(local[depth][0].items(), reverse=True) == want_bids, (tick, depth)
            assert sorted(local[depth][1].items()) == want_asks, (tick, depth)
    assert (book.best_bid, book.best_ask) == best  # only set_mid moves the best prices
    assert len(book.bids) == len(book.asks) == LEVELS
    assert inserted > 1000 and deleted > 1000
    # new prices appear near the top, where the Bitget checksum and depth-50 views see them
    bid_prices = [p for p, _ in book.levels(CHURN_SPAN)[0]]
    assert bid_prices != [book.best_bid - book.inst.tick * i for i in range(CHURN_SPAN)]


def test_recentre_gives_a_fresh_book_with_gaps_near_the_top():
    market = Market(["BTCUSDT"], seed=3)
    book = market.book(market.instruments[("perp", "BTCUSDT")])
    for _ in range(50):
        book.step()
    market.set_mid("BTCUSDT", Decimal("61000"))
    bids, asks = book.levels(LEVELS)
    assert bids[0][0] == Decimal("60999.9") and asks[0][0] == Decimal("61000.1")
    assert len(bids) == len(asks) == LEVELS
    gaps = CHURN_SPAN - sum(1 for p, _ in asks if p - asks[0][0] < book.inst.tick * CHURN_SPAN)
    assert gaps > 0
