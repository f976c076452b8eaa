"""Bitget's signature, one function for REST headers and the WebSocket login.

``sign`` is the base64 of HMAC-SHA256 (or of an RSA PKCS#1 v1.5 / SHA-256 signature when the
secret is a PEM key) over ``timestamp + METHOD + path + ("?" + query if any) + body``
(bitget.md §2.6, §4.4). A REST request signs its own method, path, query and body with a timestamp
in milliseconds; the WebSocket login signs ``GET /user/verify`` with a timestamp in seconds.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Union
from urllib.parse import unquote

from .._signing import Credentials, Signer, check_credentials

__all__ = ["check", "sign", "rest_headers", "login_args"]

#: What the WebSocket login signs after the timestamp.
LOGIN_METHOD, LOGIN_PATH = "GET", "/user/verify"


def check(api_key: Any, api_secret: Any, api_pass: Any) -> None:
    """Refuse an incomplete key/secret/passphrase set (every Bitget client, REST and WS)."""
    check_credentials("Bitget", api_key, api_secret, api_pass, needs_pass=True)


def sign(signer: Signer, timestamp: Union[int, str], method: str, path: str, query: str = "", body: str = "") -> str:
    """The ``ACCESS-SIGN`` / login ``sign`` value.

    ``query`` is the sent query string without ``?``. Bitget verifies the signature over the
    *decoded* query (``note=a b/c``, not ``note=a%20b%2Fc``); decoding the sent text is exact
    because keys are never encoded and every value is, so an ``&`` or ``=`` inside a value is
    still escaped here.
    """
    prehash = f"{timestamp}{method}{path}{'?' + unquote(query) if query else ''}{body}"
    return signer.sign_base64(prehash)


def rest_headers(
    credentials: Credentials, method: str, path: str, query: str, body: Union[str, bytes, None], timestamp: int
) -> Dict[str, str]:
    """The four signing headers of one REST request (``timestamp`` in milliseconds)."""
    signer = _signer(credentials)
    payload = body.decode("utf-8") if isinstance(body, bytes) else (body or "")
    return {
        "ACCESS-KEY": credentials.api_key or "",
        "ACCESS-SIGN": sign(signer, timestamp, method, path, query, payload),
        "ACCESS-TIMESTAMP": str(timestamp),
        "ACCESS-PASSPHRASE": credentials.api_pass or "",
    }


def login_args(credentials: Credentials, timestamp_s: int) -> Dict[str, Any]:
    """The ``args`` item of the WebSocket ``login`` frame (``timestamp_s`` in seconds, sent
    as a JSON number)."""
    return {
        "apiKey": credentials.api_key,
        "passphrase": credentials.api_pass,
        "timestamp": timestamp_s,
        "sign": sign(_signer(credentials), timestamp_s, LOGIN_METHOD, LOGIN_PATH),
    }


def _signer(credentials: Credentials) -> Signer:
    signer: Optional[Signer] = credentials.signer
    # The clients check the credentials before anything is signed.
    assert signer is not None
    return signer
