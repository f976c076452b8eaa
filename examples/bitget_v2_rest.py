"""Bitget V2 (Classic account) REST: spot and futures candles, and a ``{marginType}`` call.

``RestClientV2`` covers every ``/api/v2`` endpoint. Its casing differs from V3: spot candles
take ``granularity="1min"``, futures candles ``granularity="1m"`` with an upper-case
``productType`` (``"USDT-FUTURES"``, the same in demo trading). The
``/api/v2/margin/{marginType}/...`` methods take ``marginType`` (``"crossed"`` or
``"isolated"``) as their first argument; it goes into the URL path.

Run:
    python examples/bitget_v2_rest.py                      # candles; margin call with keys
    BITSDK_LOOPBACK=1 python examples/bitget_v2_rest.py    # offline, loopback exchange
"""

from _env import LOOPBACK, bitget_options

from bitsdk.bitget import RestClientV2
from bitsdk.errors import APIError, InvalidParameterError


def main() -> None:
    options = bitget_options()
    with RestClientV2(**options) as client:
        candles = client.get_spot_candles(symbol="BTCUSDT", granularity="1min", limit="3")["data"]
        for ts, open_, high, low, close, *_ in candles:
            print(f"spot    {ts}: open {open_} high {high} low {low} close {close}")

        candles = client.get_futures_candles(
            symbol="BTCUSDT", productType="USDT-FUTURES", granularity="1m", limit="3"
        )["data"]
        for ts, open_, high, low, close, *_ in candles:
            print(f"futures {ts}: open {open_} high {high} low {low} close {close}")

        # The {marginType} call shape: positional first argument, or marginType=... .
        spec = RestClientV2.ENDPOINTS["get_margin_max_borrowable"]
        print(f"get_margin_max_borrowable: {spec.verb} {spec.path}")
        try:
            client.get_margin_max_borrowable("cross", coin="USDT")
        except InvalidParameterError as exc:
            print("refused before sending:", exc)

        # A signed call (Classic account keys). The loopback exchange serves no margin endpoints.
        if options.get("api_key") and not LOOPBACK:
            try:
                borrowable = client.get_margin_max_borrowable("crossed", coin="USDT")
                print("max borrowable (crossed):", borrowable["data"])
                assets = client.get_margin_account_assets(marginType="isolated", symbol="BTCUSDT")
                print("isolated margin assets:", assets["data"])
            except APIError as exc:
                print(f"Bitget refused the margin call: {exc}")  # e.g. margin not enabled, or a UTA account


if __name__ == "__main__":
    main()
