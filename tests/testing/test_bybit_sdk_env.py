"""bitsdk's Bybit clients against the loopback: the event-contract stream and the site headers."""

from __future__ import annotations

import queue

from bitsdk.bybit import RestClientV5, WebsocketClient

EVENT_SYMBOL = "BTCUSDT-28AUG26-58000-62000-OUT"


def test_event_category_streams_from_the_event_connection(bybit):
    events: "queue.Queue" = queue.Queue()
    with WebsocketClient(event_queue=events, **bybit.client_options()) as ws:
        ws.subscribe_v5("tickers." + EVENT_SYMBOL, "event")
        while True:
            event = events.get(timeout=5)
            if event.kind == "update":
                break
        assert event.ws_key == "v5EventPublic"
        assert event.data["topic"] == "tickers." + EVENT_SYMBOL
        assert bybit.ws_subscriptions("v5EventPublic")


def test_hk_region_and_site_id_reach_the_exchange_on_rest_and_ws(bybit):
    options = dict(bybit.client_options(), api_region="HK", site_id="broker-7")
    with RestClientV5(**options) as rest:
        assert rest.get_wallet_balance(accountType="UNIFIED")["retCode"] == 0  # signed, accepted
    with WebsocketClient(**options) as ws:
        ws.connect("v5Private", timeout=5)
        (server_side,) = bybit.ws_connections_of("v5Private")
        assert server_side.request_headers["x-refer-site-id"] == "HKG"
        assert server_side.request_headers["x-site-id"] == "broker-7"
