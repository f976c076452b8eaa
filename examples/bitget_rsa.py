"""Bitget with an RSA key: the PEM private key is the ``api_secret``.

When you create an RSA API key on Bitget you upload the public key and keep the private key.
Pass the private key's PEM text as ``api_secret``; bitsdk sees ``PRIVATE KEY`` in it and signs
with RSA (PKCS#1 v1.5, SHA-256) instead of HMAC, for REST and for the WebSocket login::

    client = RestClientV3(api_key=KEY, api_secret=Path("bitget-private.pem").read_text(), api_pass=PASS)

Set BITGET_RSA_API_KEY, BITGET_RSA_KEY_FILE (path of the PEM file) and BITGET_API_PASS.

Run:
    python examples/bitget_rsa.py
    BITSDK_LOOPBACK=1 python examples/bitget_rsa.py    # offline, loopback exchange
"""

from _env import bitget_options, require_keys

from bitsdk.bitget import WS_KEY_MAP, RestClientV3, WebsocketClientV3


def main() -> None:
    options = require_keys(bitget_options(rsa=True))
    with RestClientV3(**options) as client:
        print("signing with:", client.credentials.signer)  # Signer(rsa, secret=<redacted>)
        balances = client.get_balances()["data"]
        print("account equity (USDT):", balances["usdtEquity"])

    with WebsocketClientV3(**options) as ws:
        ws.on("authenticated", lambda event: print("WebSocket login accepted on", event.ws_key))
        ws.connect(WS_KEY_MAP.v3Private, timeout=10)  # blocks until logged in (RSA-signed login)


if __name__ == "__main__":
    main()
