"""Bybit with an RSA key: the PEM private key is the ``api_secret``.

When you create a "self-generated" (RSA) API key on Bybit you paste in your public key and
keep the private key. Pass the private key's PEM text as ``api_secret``; bitsdk sees
``PRIVATE KEY`` in it and signs with RSA (PKCS#1 v1.5, SHA-256, base64) instead of HMAC, for
REST and for the WebSocket ``auth``::

    client = RestClientV5(api_key=KEY, api_secret=Path("bybit-private.pem").read_text())

Set BYBIT_RSA_API_KEY and BYBIT_RSA_KEY_FILE (path of the PEM file).

Run:
    python examples/bybit_rsa.py
    BITSDK_LOOPBACK=1 python examples/bybit_rsa.py    # offline, loopback exchange
"""

from _env import bybit_options, require_keys

from bitsdk.bybit import WS_KEY_MAP, RestClientV5, WebsocketClient


def main() -> None:
    options = require_keys(bybit_options(rsa=True))
    with RestClientV5(**options) as client:
        print("signing with:", client.credentials.signer)  # Signer(rsa, secret=<redacted>)
        wallet = client.get_wallet_balance(accountType="UNIFIED")["result"]["list"][0]
        print("total equity (USD):", wallet["totalEquity"])

    with WebsocketClient(**options) as ws:
        ws.on("authenticated", lambda event: print("WebSocket auth accepted on", event.ws_key))
        ws.connect(WS_KEY_MAP.v5Private, timeout=10)  # blocks until authenticated (RSA-signed auth)


if __name__ == "__main__":
    main()
