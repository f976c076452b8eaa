"""Bybit's signature, one function for REST headers and the WebSocket auth.

HMAC-SHA256 as lowercase hex, or an RSA PKCS#1 v1.5 / SHA-256 signature as base64 when the
secret is a PEM key (bybit.md §2.3-2.6). REST signs ``timestamp + api_key + recv_window +
payload`` (the query exactly as sent for a GET, the body exactly as sent for a POST, the raw
multipart bytes for an upload); the WebSocket ``auth`` signs ``"GET/realtime" + expires``.
"""

from __future__ import annotations

import base64
from typing import Any, Dict, List, Optional, Union

from .._signing import Credentials, Signer, check_credentials

__all__ = ["check", "signature", "rest_headers", "auth_args"]


def check(api_key: Any, api_secret: Any) -> None:
    """Refuse a key without its secret or the reverse (every Bybit client, REST and WS)."""
    check_credentials("Bybit", api_key, api_secret)


def signature(signer: Signer, message: Union[str, bytes]) -> str:
    """The signature of ``message``: hex for an HMAC secret, base64 for an RSA key."""
    raw = signer.sign_bytes(message) if isinstance(message, bytes) else signer.sign(message)
    return base64.b64encode(raw).decode("ascii") if signer.is_rsa else raw.hex()


def rest_headers(
    credentials: Credentials, recv_window: int, method: str, query: str, body: Union[str, bytes, None], timestamp: int
) -> Dict[str, str]:
    """The ``X-BAPI-*`` signing headers of one REST request."""
    prefix = f"{timestamp}{credentials.api_key}{recv_window}"
    if isinstance(body, bytes):
        message: Union[str, bytes] = prefix.encode("utf-8") + body  # multipart: the raw bytes
    else:
        message = prefix + (query if method == "GET" else (body or ""))
    return {
        "X-BAPI-SIGN-TYPE": "2",
        "X-BAPI-API-KEY": credentials.api_key or "",
        "X-BAPI-TIMESTAMP": str(timestamp),
        "X-BAPI-SIGN": signature(_signer(credentials), message),
        "X-BAPI-RECV-WINDOW": str(recv_window),
    }


def auth_args(credentials: Credentials, expires: int) -> List[Any]:
    """The ``args`` of the WebSocket ``auth`` frame: key, expiry (ms) and signature."""
    return [credentials.api_key, expires, signature(_signer(credentials), f"GET/realtime{expires}")]


def _signer(credentials: Credentials) -> Signer:
    signer: Optional[Signer] = credentials.signer
    # The clients check the credentials before anything is signed.
    assert signer is not None
    return signer
