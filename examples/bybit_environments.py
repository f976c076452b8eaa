"""Bybit environments: live, testnet, demo trading, regional hosts and a custom ``base_url``.

Constructing a client does no network I/O, so this example builds one client per environment
and prints the REST host it would use. Keys only work in the environment that issued them
(live, testnet and demo keys are not interchangeable). The WebSocket clients take the same
switches: ``testnet=True`` uses ``stream-testnet.bybit.com``; ``demo_trading=True`` moves only the
private stream to ``stream-demo.bybit.com`` (public data stays live, and there is no WebSocket
API in demo trading); ``ws_url=`` overrides one URL or a ``{ws_key: url}`` dict.

Only in loopback mode does it call the network: a ``base_url`` pointing at the loopback exchange.

Run:
    python examples/bybit_environments.py
    BITSDK_LOOPBACK=1 python examples/bybit_environments.py
"""

from _env import LOOPBACK, bybit_options

from bitsdk.bybit import RestClientV5, WebsocketClient
from bitsdk.errors import InvalidParameterError


def main() -> None:
    clients = {
        "live": RestClientV5(),
        "testnet": RestClientV5(testnet=True),
        "demo trading": RestClientV5(demo_trading=True),
        "region NL": RestClientV5(api_region="NL"),
        "region EU": RestClientV5(api_region="EU"),
        "region bytick": RestClientV5(api_region="bytick"),
        "custom base_url": RestClientV5(base_url="https://bybit-gateway.example.com"),  # e.g. your own proxy
    }
    for name, client in clients.items():
        print(f"{name:16} {client.base_url}")
        client.close()

    # Wrong combinations fail at construction, with what to do instead.
    for bad in ({"testnet": True, "demo_trading": True}, {"api_region": "nl"}):
        try:
            RestClientV5(**bad)
        except InvalidParameterError as exc:
            print(f"{bad}: {exc}")

    # WebSocket clients: constructing one starts no thread and opens no connection.
    with WebsocketClient(testnet=True) as ws:
        print("testnet WebSocket client:", ws)

    if LOOPBACK:
        # base_url (and ws_url) point a client at any host: here the loopback exchange.
        options = bybit_options()
        with RestClientV5(**options) as client:
            print("custom base_url:", client.base_url, "-> server time", client.get_server_time()["result"]["timeSecond"])
        with WebsocketClient(**options) as ws:
            ws.on("open", lambda event: print("WebSocket", event.ws_key, "connected to", event.data["url"]))
            ws.connect("v5SpotPublic", timeout=10)


if __name__ == "__main__":
    main()
