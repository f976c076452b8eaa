"""Redaction of secret-like fields, for trace logs and exception bodies.

A field is secret-like by its name: any name containing (case-insensitively) ``secret``,
``passphrase``, ``password``, ``private key`` (``privateKey``, ``private_key``), ``signature``
or ``token``. That catches the new key's ``secret`` in Bybit's create-sub-api answer and
``secretKey`` / ``passphrase`` in Bitget's, at any depth of the JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

__all__ = ["REDACTED", "is_secret_name", "redact", "redact_query", "redact_text", "redact_urls"]

REDACTED = "<redacted>"
_SECRET_NAME = re.compile(r"secret|passphrase|password|private[\s_-]*key|signature|token", re.IGNORECASE)
# "name": "value" (or a number/true/false) pairs, for text that is not valid JSON (truncated).
_URL_QUERY = re.compile(r"\?([^\s)'\"]+)")
_TEXT_PAIR = re.compile(r'("([^"\\]*)"\s*:\s*)("(?:[^"\\]|\\.)*"?|[-\w.+]+)')


def is_secret_name(name: Any) -> bool:
    """True for a field name that may carry a secret."""
    return isinstance(name, str) and _SECRET_NAME.search(name) is not None


def redact(value: Any) -> Any:
    """A copy of decoded JSON with the values of secret-like fields replaced, at any depth."""
    if isinstance(value, Mapping):
        return {k: (REDACTED if is_secret_name(k) and v is not None else redact(v)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact(item) for item in value]
    return value


def redact_text(text: str) -> str:
    """``text`` with secret-like fields redacted: JSON is decoded and re-encoded, anything
    else (a truncated or broken body) is redacted pair by pair."""
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            return json.dumps(redact(json.loads(text)), separators=(",", ":"), ensure_ascii=False)
        except ValueError:
            pass
    return _TEXT_PAIR.sub(lambda m: m.group(1) + f'"{REDACTED}"' if is_secret_name(m.group(2)) else m.group(0), text)


def redact_query(query: str) -> str:
    """A ``k=v&k2=v2`` query string with the values of secret-like names replaced."""
    if not query:
        return query
    parts = []
    for part in query.split("&"):
        name, sep, _ = part.partition("=")
        parts.append(f"{name}={REDACTED}" if sep and is_secret_name(unquote(name)) else part)
    return "&".join(parts)


def redact_urls(text: str) -> str:
    """Free text (an exception message) with the query strings of any URLs in it redacted."""
    return _URL_QUERY.sub(lambda m: "?" + redact_query(m.group(1)), text)
