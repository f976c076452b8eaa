"""The casing rules of every surface, and the one check that enforces them.

The exchanges spell the same thing differently from one surface to the next (Bitget V3 REST
``category="SPOT"``, the V3 public stream ``instType="spot"``, V3 REST ``reduceOnly="yes"``, the
V3 WebSocket API ``"YES"``). Each surface has one :class:`Rules` table below, named after it;
the REST clients and the WebSocket clients check through it, so a wrong spelling gets the same
message wherever it is made::

    category="spot" is not valid on Bitget V3 REST: the spelling is case-sensitive,
    write category="SPOT" (one of "SPOT", "MARGIN", "USDT-FUTURES", "USDC-FUTURES", "COIN-FUTURES")

The tables follow the casing sections of the specs (bitget.md §3, bybit.md §2.13/§4) and
docs/casing.rst.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping, NamedTuple, Optional, Sequence, Tuple

from ._encoding import js_str
from .errors import InvalidParameterError

__all__ = [
    "Rules",
    "check_choice",
    "check_product_type",
    "choice_message",
    "BITGET_FUTURES_PRODUCT_TYPES",
    "LEGACY_DEMO_PRODUCT_TYPES",
    "BYBIT_CATEGORIES",
    "BITGET_V3_REST",
    "BITGET_V2_REST",
    "BITGET_V3_PUBLIC_STREAMS",
    "BITGET_V3_PRIVATE_STREAMS",
    "BITGET_V2_STREAMS",
    "BITGET_WS_API",
    "BYBIT_V5_REST",
    "BYBIT_SPOT_V3_REST",
    "BYBIT_V5_STREAMS",
    "BYBIT_WS_API",
]


class Rules(NamedTuple):
    """The fixed spellings of one API surface.

    Attributes:
        surface: how the surface is named in messages (``"Bitget V3 REST"``).
        choices: parameter name -> the exact spellings the exchange accepts.
        path_choices: path placeholder -> its values (REST paths such as
            ``/api/v2/margin/{marginType}/...``).
    """

    surface: str
    choices: Mapping[str, Tuple[str, ...]]
    path_choices: Mapping[str, Tuple[str, ...]] = {}

    def check(self, name: str, value: Any, *, strict: bool = True) -> Any:
        """Return ``value`` if it is a valid ``name`` on this surface, else raise (see
        :func:`check_choice`)."""
        return check_choice(self.surface, name, value, self.choices[name], strict=strict)


def check_choice(surface: str, name: str, value: Any, allowed: Sequence[str], *, strict: bool = True) -> Any:
    """Return ``value`` when it is one of ``allowed``; otherwise raise what to write instead.

    With ``strict=False`` (fields whose full list bitsdk does not know on every endpoint) an
    unknown value passes, unless it breaks the casing every allowed value shares: a wrong
    case is refused either way.

    Raises:
        bitsdk.errors.InvalidParameterError: the message of :func:`choice_message`.
    """
    if value in allowed:
        return value
    if not strict and isinstance(value, str):
        convention = _shared_case(allowed)
        if convention is None or convention(value) == value:
            if not any(option.casefold() == value.casefold() for option in allowed):
                return value
    raise InvalidParameterError(choice_message(surface, name, value, allowed))


def choice_message(surface: str, name: str, value: Any, allowed: Sequence[str]) -> str:
    """``'category="spot" is not valid on Bitget V3 REST: the spelling is case-sensitive, write
    category="SPOT" (one of ...)'``, or ``'... use one of ...'`` when no value is close."""
    text = _shown(value)
    options = ", ".join(f'"{option}"' for option in allowed)
    head = f'{name}="{text}" is not valid on {surface}'
    if isinstance(value, str):
        match = next((option for option in allowed if option.casefold() == value.casefold()), None)
        convention = _shared_case(allowed)
        if match is None and convention is not None and convention(value) != value:
            match = convention(value)  # a value bitsdk does not list, in the wrong case
        if match is not None:
            return f'{head}: the spelling is case-sensitive, write {name}="{match}" (one of {options})'
    return f"{head}: use one of {options}"


def check_product_type(rules: Rules, name: str, value: Any, allowed: Sequence[str], *, strict: bool) -> Any:
    """A Bitget V2 product type (REST ``productType``, stream ``instType``).

    Also refuses the S-prefixed demo products Bitget delisted on 2025-08-04 when they are
    misspelt, and says what demo trading uses now; spelled exactly they still pass, so old
    code keeps running.
    """
    if value is None or value in allowed or value in LEGACY_DEMO_PRODUCT_TYPES:
        return value
    if isinstance(value, str) and value.upper() in LEGACY_DEMO_PRODUCT_TYPES:
        raise InvalidParameterError(
            f'{name}="{value}" is not valid on {rules.surface}: the S-prefixed demo products were '
            "delisted on 2025-08-04; demo trading uses the normal product types with "
            f'demo_trading=True, write {name}="{value.upper()[1:]}"'
        )
    return check_choice(rules.surface, name, value, allowed, strict=strict)


def _shared_case(allowed: Sequence[str]) -> Optional[Any]:
    """``str.upper`` or ``str.lower`` when every allowed value is written that way."""
    if allowed and all(option == option.upper() for option in allowed):
        return str.upper
    if allowed and all(option == option.lower() for option in allowed):
        return str.lower
    return None


def _shown(value: Any) -> str:
    # The value as it would go on the wire; anything else by its repr, cut short.
    if isinstance(value, (str, bool, int, float, Decimal)):
        return js_str(value)[:60]
    return repr(value)[:60]


# -- Bitget (bitget.md §3) ------------------------------------------------------------------

#: Futures product types (V2 ``productType``), upper-case.
BITGET_FUTURES_PRODUCT_TYPES = ("USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES")
#: The S-prefixed demo products, delisted on 2025-08-04 (demo trading now uses the normal
#: product types with ``paptrading: 1`` / the demo hosts). Passed through when spelled
#: exactly, never suggested.
LEGACY_DEMO_PRODUCT_TYPES = ("SUSDT-FUTURES", "SCOIN-FUTURES", "SUSDC-FUTURES")

BITGET_V3_REST = Rules(
    "Bitget V3 REST",
    {
        "category": ("SPOT", "MARGIN", "USDT-FUTURES", "USDC-FUTURES", "COIN-FUTURES"),
        "reduceOnly": ("yes", "no"),
    },
)
BITGET_V2_REST = Rules(
    "Bitget V2 REST",
    {"reduceOnly": ("YES", "NO")},
    {"marginType": ("crossed", "isolated")},
)
BITGET_V3_PUBLIC_STREAMS = Rules(
    "Bitget V3 public streams", {"instType": ("spot", "usdt-futures", "usdc-futures", "coin-futures")}
)
BITGET_V3_PRIVATE_STREAMS = Rules("Bitget V3 private streams", {"instType": ("UTA",)})
BITGET_V2_STREAMS = Rules(
    "Bitget V2 streams", {"instType": ("SPOT", "MARGIN", "USDT-FUTURES", "USDC-FUTURES", "COIN-FUTURES")}
)
BITGET_WS_API = Rules(
    "the Bitget WebSocket API",
    {
        "category": ("spot", "margin", "usdt-futures", "usdc-futures", "coin-futures"),
        "reduceOnly": ("YES", "NO"),
    },
)

# -- Bybit (bybit.md §2.13, §4) --------------------------------------------------------------

#: The trading ``category`` values (lower-case on Bybit V5).
BYBIT_CATEGORIES: Tuple[str, ...] = ("spot", "linear", "inverse", "option")

BYBIT_V5_REST = Rules("Bybit V5 REST", {"category": BYBIT_CATEGORIES})
BYBIT_SPOT_V3_REST = Rules("Bybit spot V3 REST", {})
#: Stream categories: the trading ones plus spread trading and event contracts.
BYBIT_V5_STREAMS = Rules("Bybit V5 streams", {"category": BYBIT_CATEGORIES + ("spread", "event")})
BYBIT_WS_API = Rules("the Bybit WebSocket API", {"category": BYBIT_CATEGORIES})
