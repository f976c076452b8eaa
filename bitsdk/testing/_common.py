"""Small helpers shared by the loopback exchange modules: time, JSON, numbers, keys, threads."""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import logging
import secrets
import string
import threading
import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Dict, List, Optional

logger = logging.getLogger("bitsdk.testing")

ZERO = Decimal(0)


def now_ms() -> int:
    """Wall-clock time in epoch milliseconds (the exchanges' server time)."""
    return int(time.time() * 1000)


def dumps(obj: Any) -> str:
    """Compact JSON, as both exchanges send it."""
    return json.dumps(obj, separators=(",", ":"))


def fmt(value: Optional[Decimal]) -> str:
    """Render a Decimal the way exchanges do: plain notation, no trailing zeros."""
    if value is None:
        return ""
    if value == 0:
        return "0"
    text = format(value.normalize(), "f")
    return text


def decimal_places(step: Decimal) -> int:
    """Number of decimals of a tick or step size (``0.01`` -> 2)."""
    exponent = step.normalize().as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def to_decimal(value: Any) -> Optional[Decimal]:
    """Parse a request number (string or JSON number); ``None`` when it is not a finite number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    return number


_id_counter = itertools.count(1)
_id_base = int(time.time() * 1000) * 1_000_000


def new_id() -> str:
    """A unique numeric id (19 digits), like the exchanges' order and trade ids."""
    return str(_id_base + next(_id_counter))


def random_token(length: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    """A random string for keys, secrets and connection ids."""
    return "".join(secrets.choice(alphabet) for _ in range(length))


# --- credentials --------------------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    """Test credentials issued by a :class:`~bitsdk.testing.LoopbackExchange`.

    Attributes:
        api_key: key id for HMAC signing.
        api_secret: HMAC secret.
        api_pass: passphrase (Bitget only; ``None`` on Bybit).
        rsa_api_key: key id registered with an RSA public key.
        rsa_private_key_pem: the RSA private key as PKCS#8 PEM text; pass it as ``api_secret``
            together with ``rsa_api_key`` to sign with RSA.
        rsa_public_key_pem: the registered public key (SubjectPublicKeyInfo PEM).
    """

    api_key: str
    api_secret: str
    api_pass: Optional[str]
    rsa_api_key: str
    rsa_private_key_pem: str
    rsa_public_key_pem: str


@dataclass(frozen=True)
class KeyRecord:
    """What the server knows about one API key."""

    env: str  # "live" or "demo"
    secret: Optional[str]  # HMAC secret, None for RSA keys
    public_key: Any  # cryptography RSA public key, None for HMAC keys
    passphrase: Optional[str]

    def verify(self, message: str, signature: str, hex_hmac: bool) -> bool:
        """Check ``signature`` over ``message``: HMAC-SHA256 (hex or base64) or RSA PKCS#1 v1.5."""
        if not signature:
            return False
        data = message.encode("utf-8")
        if self.secret is not None:
            digest = hmac.new(self.secret.encode("utf-8"), data, hashlib.sha256).digest()
            expected = digest.hex() if hex_hmac else base64.b64encode(digest).decode("ascii")
            return hmac.compare_digest(expected, signature)
        return _rsa_verify(self.public_key, data, signature)


def _rsa_verify(public_key: Any, data: bytes, signature: str) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    try:
        raw = base64.b64decode(signature, validate=True)
    except (ValueError, TypeError):
        return False
    try:
        public_key.verify(raw, data, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        return False
    return True


_rsa_cache: Dict[str, Any] = {}
_rsa_lock = threading.Lock()


def _rsa_key(slot: str) -> Any:
    # Key generation costs tens of milliseconds; tests start many exchanges, so each process
    # generates one key per slot and reuses it (the key ids around it are fresh each time).
    with _rsa_lock:
        key = _rsa_cache.get(slot)
        if key is None:
            from cryptography.hazmat.primitives.asymmetric import rsa

            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            _rsa_cache[slot] = key
        return key


def issue_credentials(exchange: str, env: str, keyring: Dict[str, KeyRecord]) -> Credentials:
    """Create fresh HMAC and RSA credentials for ``env`` and register them in ``keyring``."""
    from cryptography.hazmat.primitives import serialization

    if exchange == "bitget":
        api_key = "bg_" + secrets.token_hex(16)
        rsa_api_key = "bg_" + secrets.token_hex(16)
        secret = secrets.token_hex(32)
        passphrase: Optional[str] = "loopback" + random_token(8)
    else:
        api_key = random_token(18)
        rsa_api_key = random_token(18)
        secret = random_token(36)
        passphrase = None
    private_key = _rsa_key(env)
    private_pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    public_pem = (
        private_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
    keyring[api_key] = KeyRecord(env, secret, None, passphrase)
    keyring[rsa_api_key] = KeyRecord(env, None, private_key.public_key(), passphrase)
    return Credentials(api_key, secret, passphrase, rsa_api_key, private_pem, public_pem)


# --- threads ------------------------------------------------------------------------------


class ThreadGroup:
    """Named daemon threads with one owner, joined together on shutdown."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self._threads: List[threading.Thread] = []
        self._lock = threading.Lock()
        self._counter = itertools.count(1)

    def spawn(self, role: str, target: Callable[..., Any], *args: Any) -> threading.Thread:
        """Start ``target(*args)`` on a daemon thread named ``<prefix>-<role>-<n>``."""
        name = "%s-%s-%d" % (self.prefix, role, next(self._counter))
        thread = threading.Thread(target=self._run, args=(target, args), name=name, daemon=True)
        with self._lock:
            self._threads.append(thread)
        thread.start()
        return thread

    def _run(self, target: Callable[..., Any], args: Any) -> None:
        try:
            target(*args)
        except Exception:  # a thread must never die with a traceback on stderr
            logger.exception("loopback thread %s failed", threading.current_thread().name)
        finally:
            with self._lock:
                try:
                    self._threads.remove(threading.current_thread())
                except ValueError:
                    pass

    def alive(self) -> List[threading.Thread]:
        """Threads of this group that are still running."""
        with self._lock:
            return [t for t in self._threads if t.is_alive()]

    def join_all(self, deadline: float) -> List[threading.Thread]:
        """Join every thread until ``deadline`` (a ``time.monotonic()`` value); return stragglers."""
        current = threading.current_thread()
        for thread in self.alive():
            if thread is not current:
                thread.join(max(0.0, deadline - time.monotonic()))
        return [t for t in self.alive() if t is not current]
