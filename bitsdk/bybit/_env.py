"""Bybit environments: which host a client talks to and which site headers it sends.

One resolver serves the REST clients and the WebSocket clients (bybit.md §1.2), so hosts,
precedence and the refusals live here only. Precedence, first match wins: an explicit
``base_url``/``ws_url`` (applied by the clients), demo trading, testnet (with the JP and HK
testnet hosts), ``api_region``, the global live hosts.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, NamedTuple, Optional

from ..errors import InvalidParameterError

__all__ = [
    "DEMO_URL",
    "DEMO_WS_HOST",
    "LIVE_URL",
    "LIVE_WS_HOST",
    "REGION_HEADERS",
    "REGION_TESTNET_URLS",
    "REGION_URLS",
    "REGION_WS_HOSTS",
    "TESTNET_URL",
    "TESTNET_WS_HOST",
    "Environment",
    "resolve_environment",
]

LIVE_URL = "https://api.bybit.com"
TESTNET_URL = "https://api-testnet.bybit.com"
DEMO_URL = "https://api-demo.bybit.com"

LIVE_WS_HOST = "wss://stream.bybit.com"
TESTNET_WS_HOST = "wss://stream-testnet.bybit.com"
DEMO_WS_HOST = "wss://stream-demo.bybit.com"  # the private stream only; public data stays live

#: ``api_region`` keys (case-sensitive) and their live REST hosts (bybit.md §1.2).
REGION_URLS: Dict[str, str] = {
    "default": LIVE_URL,
    "bytick": "https://api.bytick.com",
    "NL": "https://api.bybit.nl",
    "TK": "https://api.bybit.tr",
    "KZ": "https://api.bybit.kz",
    "HK": "https://api.spark-fintech.com",
    "GE": "https://api.bybitgeorgia.ge",
    "UAE": "https://api.bybit.ae",
    "EU": "https://api.bybit.eu",
    "ID": "https://api.bybit.id",
    "JP": "https://api.manepa.jp",
}

#: Regions with their own testnet REST host; every other region uses the global testnet.
REGION_TESTNET_URLS: Dict[str, str] = {
    "HK": "https://api-testnet.spark-fintech.com",
    "JP": "https://api-testnet.manepa.jp",
}

#: Regions with their own live WebSocket host (paths unchanged); the others use stream.bybit.com.
REGION_WS_HOSTS: Dict[str, str] = {
    "TK": "wss://stream.bybit.tr",
    "KZ": "wss://stream.bybit.kz",
    "HK": "wss://stream.spark-fintech.com",
    "GE": "wss://stream.bybitgeorgia.ge",
    "ID": "wss://stream.bybit.id",
    "JP": "wss://stream.manepa.jp",
}

#: Headers a region requires on every REST request and on the WebSocket handshake.
REGION_HEADERS: Dict[str, Mapping[str, str]] = {"HK": {"x-refer-site-id": "HKG"}}

# Spellings people reach for that are not keys: the country code instead of Bybit's key.
_REGION_ALIASES = {"AE": "UAE", "TR": "TK"}


class Environment(NamedTuple):
    """A checked Bybit environment; build it with :func:`resolve_environment`."""

    testnet: bool
    demo_trading: bool
    api_region: Optional[str]
    site_id: Optional[str]

    def rest_url(self) -> str:
        """The REST root: demo, then testnet (regional testnet for HK/JP), region, live."""
        if self.demo_trading:
            return DEMO_URL
        if self.testnet:
            return REGION_TESTNET_URLS.get(self.api_region or "", TESTNET_URL)
        if self.api_region is not None:
            return REGION_URLS[self.api_region]
        return LIVE_URL

    def ws_host(self, private_stream: bool = False) -> str:
        """The WebSocket scheme and host; ``private_stream`` is the ``v5Private`` connection,
        the only one demo trading moves (to ``stream-demo.bybit.com``)."""
        if self.demo_trading:
            return DEMO_WS_HOST if private_stream else LIVE_WS_HOST
        if self.testnet:
            return TESTNET_WS_HOST
        return REGION_WS_HOSTS.get(self.api_region or "", LIVE_WS_HOST)

    def headers(self) -> Dict[str, str]:
        """The site headers sent on every REST request and on every WebSocket handshake."""
        headers = dict(REGION_HEADERS.get(self.api_region or "", {}))
        if self.site_id is not None:
            headers["x-site-id"] = self.site_id
        return headers


def resolve_environment(
    *, testnet: Any = False, demo_trading: Any = False, api_region: Any = None, site_id: Any = None
) -> Environment:
    """Check the environment options once, for REST and WebSocket alike.

    Raises:
        bitsdk.errors.InvalidParameterError: ``testnet`` with ``demo_trading``, an unknown
            ``api_region`` (the message lists the keys and names the right spelling), or a
            ``site_id`` that is not a usable header value.
    """
    if testnet and demo_trading:
        # The JS SDK silently prefers demo; pybit's "demo on testnet" host is not offered.
        raise InvalidParameterError(
            "testnet=True and demo_trading=True cannot be combined: demo trading is a mode of the "
            "live exchange (api-demo.bybit.com / stream-demo.bybit.com, with demo-trading keys) and "
            "testnet has its own keys; pick one"
        )
    if api_region is not None and (not isinstance(api_region, str) or api_region not in REGION_URLS):
        raise InvalidParameterError(_region_message(api_region))
    if site_id is not None and not _is_header_value(site_id):
        raise InvalidParameterError(
            f"site_id must be your Bybit site id as a non-empty single-line string (sent as the "
            f"x-site-id header), or None; got {site_id!r}"
        )
    return Environment(bool(testnet), bool(demo_trading), api_region, site_id)


def _region_message(api_region: Any) -> str:
    valid = ", ".join(f'"{key}"' for key in REGION_URLS)
    text = f"api_region={api_region!r} is not a Bybit region"
    if isinstance(api_region, str):
        wanted = api_region.strip().upper()
        match = next((key for key in REGION_URLS if key.upper() == wanted), None) or _REGION_ALIASES.get(wanted)
        if match is not None:
            text += f'; write api_region="{match}"'
    return f"{text}. Valid keys (case-sensitive): {valid}"


def _is_header_value(value: Any) -> bool:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        return False
    # A line break would end the header early; non-Latin-1 text cannot be sent at all.
    return all(32 <= ord(ch) < 127 or 160 <= ord(ch) < 256 for ch in value)
