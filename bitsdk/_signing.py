"""Credentials and the two signature algorithms both exchanges use (HMAC-SHA256 and RSA).

The secret decides the algorithm: a PEM private key (its text contains ``PRIVATE KEY``) signs
with RSA PKCS#1 v1.5 / SHA-256, anything else is an HMAC secret. ``cryptography`` is imported
only when an RSA key is first used, so importing bitsdk stays cheap.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any, Optional

from ._options import is_header_text
from .errors import InvalidParameterError, MissingCredentialsError

__all__ = ["Credentials", "Signer", "check_credentials"]


class Signer:
    """Signs text with an HMAC secret or an RSA private key (PEM, PKCS#1 or PKCS#8)."""

    __slots__ = ("_secret", "_hmac_key", "_rsa_key", "is_rsa")

    def __init__(self, secret: str):
        self._secret = secret
        self.is_rsa = "PRIVATE KEY" in secret
        self._hmac_key = None if self.is_rsa else secret.encode("utf-8")
        self._rsa_key: Any = None

    def sign(self, message: str) -> bytes:
        """The raw signature bytes of ``message`` (UTF-8)."""
        data = message.encode("utf-8")
        if self._hmac_key is not None:
            return hmac.new(self._hmac_key, data, hashlib.sha256).digest()
        return self._rsa_sign(data)

    def sign_bytes(self, data: bytes) -> bytes:
        """The raw signature of already-encoded bytes (multipart uploads)."""
        if self._hmac_key is not None:
            return hmac.new(self._hmac_key, data, hashlib.sha256).digest()
        return self._rsa_sign(data)

    def sign_base64(self, message: str) -> str:
        return base64.b64encode(self.sign(message)).decode("ascii")

    def _rsa_sign(self, data: bytes) -> bytes:
        if self._rsa_key is None:
            self._rsa_key = _load_rsa_key(self._secret)
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        signature: bytes = self._rsa_key.sign(data, padding.PKCS1v15(), hashes.SHA256())
        return signature

    def __repr__(self) -> str:
        return f"Signer({'rsa' if self.is_rsa else 'hmac'}, secret=<redacted>)"


def _load_rsa_key(pem: str) -> Any:
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        key = load_pem_private_key(pem.strip().encode("ascii"), password=None)
    except (ValueError, TypeError, UnicodeEncodeError):
        # The message must not echo the key text.
        raise InvalidParameterError(
            "api_secret looks like a PEM private key but could not be loaded: pass the whole "
            "unencrypted PEM text, including the '-----BEGIN ... PRIVATE KEY-----' lines "
            "(PKCS#1 'RSA PRIVATE KEY' and PKCS#8 'PRIVATE KEY' both work)"
        ) from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise InvalidParameterError(
            "api_secret is a PEM private key but not an RSA key; both exchanges accept "
            "HMAC secrets or RSA keys only"
        )
    return key


def check_credentials(
    exchange: str, api_key: Any, api_secret: Any, api_pass: Any = None, *, needs_pass: bool = False
) -> None:
    """Refuse half a set of credentials at construction, on every client of ``exchange``.

    A key without its secret (or, on Bitget, without its passphrase), or a secret without a
    key, would only fail at the first private call, far from the mistake. No credentials at
    all is fine: public data only. The message names the missing parts, never a value.

    Raises:
        bitsdk.errors.InvalidParameterError: a credential that is not a string, or an
            incomplete set.
    """
    given = {"api_key": api_key, "api_secret": api_secret}
    if needs_pass:
        given["api_pass"] = api_pass
    for name, value in given.items():
        if value is not None and not isinstance(value, str):
            raise InvalidParameterError(f"{name} must be a string, got a {type(value).__name__}")
    for name in ("api_key", "api_pass"):
        value = given.get(name)
        if value and not is_header_text(value):
            # Sent as a header: requests would refuse it with the value in its message.
            raise InvalidParameterError(
                f"{name} has surrounding whitespace, a line break, a control character or a character "
                "that cannot go in an HTTP header; check for a copy-paste error"
            )
    if any(given.values()) and not all(given.values()):
        names = (
            "the API key, secret and passphrase" if needs_pass else "the API key and secret"
        )
        missing = ", ".join(f"{name}=..." for name, value in given.items() if not value)
        raise InvalidParameterError(
            f"{exchange} needs {names} together: add {missing} (or pass none of them for public data only)"
        )


class Credentials:
    """API credentials of one client. Their repr never shows the secret or passphrase.

    Args:
        api_key: the API key.
        api_secret: the HMAC secret, or an RSA private key in PEM form.
        api_pass: the passphrase (Bitget only).
    """

    __slots__ = ("api_key", "api_pass", "signer")

    def __init__(self, api_key: Optional[str], api_secret: Optional[str], api_pass: Optional[str] = None):
        self.api_key = api_key
        self.api_pass = api_pass
        self.signer = Signer(api_secret) if api_secret else None

    @property
    def complete(self) -> bool:
        return bool(self.api_key and self.signer)

    def require(self, what: str, needs_pass: bool = False) -> "Credentials":
        """Return self, or raise :class:`MissingCredentialsError` naming what is missing."""
        missing = [
            name
            for name, value in (
                ("api_key", self.api_key),
                ("api_secret", self.signer),
                ("api_pass", self.api_pass if needs_pass else True),
            )
            if not value
        ]
        if missing:
            raise MissingCredentialsError(
                f"{what} needs API credentials; construct the client with "
                + ", ".join(f"{name}=..." for name in missing)
            )
        return self

    def __repr__(self) -> str:
        key = f"{self.api_key[:4]}…" if self.api_key and len(self.api_key) > 8 else ("…" if self.api_key else None)
        return f"Credentials(api_key={key!r}, secret={'<redacted>' if self.signer else None})"
