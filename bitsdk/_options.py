"""Constructor option checks shared by every client, REST and WebSocket.

Every client constructor spells its options out as parameters, so IDEs, ``help()`` and type
checkers see them. :func:`checked_options` wraps such an ``__init__`` so that a misspelt option
fails with the closest valid name (``RestClientV5(test_net=True)`` says ``did you mean
testnet=?``) instead of Python's bare "unexpected keyword argument", and a ``bool`` option
refuses a string (``demo_trading="false"`` would otherwise switch demo trading on).

The valid names come from the signature itself, which must list every option (no
``**options``): what IDEs show is exactly what is accepted. A constructor passes its options
on to a base class or to a wrapped client with :func:`forward_options`.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable, Dict, FrozenSet, Mapping, NamedTuple, Optional, Tuple, TypeVar, cast

from .errors import InvalidParameterError, UnknownOptionError

__all__ = [
    "checked_options", "forward_options", "check_base_url", "check_proxies", "check_seconds", "check_timeout",
    "is_header_text",
]

F = TypeVar("F", bound=Callable[..., Any])

_KEYWORD_KINDS = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
#: Annotations (as text: the modules use ``from __future__ import annotations``) of options
#: that take ``True`` or ``False`` only.
_BOOL_ANNOTATIONS = {"bool": False, "Optional[bool]": True}


class _Accepted(NamedTuple):
    names: FrozenSet[str]
    positional: Tuple[str, ...]  # the parameters that may be passed positionally, in order
    bools: Dict[str, bool]  # bool options -> whether None is allowed too


def checked_options(init: F) -> F:
    """Decorate a client ``__init__``: unknown options raise before the body runs.

    ``functools.wraps`` keeps the signature for ``inspect``, IDEs and Sphinx. The signature
    must spell out every option (``**kwargs`` is refused here, at import). A subclass of a
    client may still take ``**kwargs`` and pass them up: they are checked on arrival.

    Raises (from the decorated ``__init__``):
        bitsdk.errors.UnknownOptionError: an option the constructor does not take, or more
            positional values than it takes.
        bitsdk.errors.InvalidParameterError: a ``bool`` option given something else.
    """
    accepted = _collect(init)

    @functools.wraps(init)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        _check(type(self).__name__, accepted, args, kwargs)
        return init(self, *args, **kwargs)

    return cast(F, wrapper)


def _check(owner: str, accepted: _Accepted, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> None:
    if len(args) > len(accepted.positional):
        taken = ", ".join(accepted.positional) or "nothing"
        raise UnknownOptionError(
            f"{owner}() takes only {taken} positionally, got {len(args)} values; pass every "
            "other option by keyword (name=value)"
        )
    for name, value in kwargs.items():
        if name not in accepted.names:
            raise UnknownOptionError(_unknown_message(owner, name, accepted.names))
        allow_none = accepted.bools.get(name)
        if allow_none is not None and value.__class__ is not bool and not (allow_none and value is None):
            # Only the type is named: the value of an option such as api_secret stays out of messages.
            raise InvalidParameterError(
                f"{owner}(): {name}= takes True or False"
                + (" (or None)" if allow_none else "")
                + f", got a {type(value).__name__}"
            )


def _collect(init: Callable[..., Any]) -> _Accepted:
    params = list(inspect.signature(init).parameters.values())[1:]  # without self
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        raise TypeError(f"{init.__qualname__} takes **kwargs: spell every option out for @checked_options")
    bools: Dict[str, bool] = {}
    for param in params:
        annotation = param.annotation if isinstance(param.annotation, str) else getattr(param.annotation, "__name__", "")
        if annotation in _BOOL_ANNOTATIONS:
            bools[param.name] = _BOOL_ANNOTATIONS[annotation]
    return _Accepted(
        frozenset(p.name for p in params if p.kind in _KEYWORD_KINDS),
        tuple(p.name for p in params if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD),
        bools,
    )


def forward_options(target: type, values: Mapping[str, Any]) -> Dict[str, Any]:
    """The options of ``target``'s constructor, taken from ``values``.

    A constructor that spells out its options (for IDEs and ``inspect``) passes them on with
    ``super().__init__(**forward_options(Base, locals()))`` instead of repeating every
    name once more; names ``target`` does not take (the caller's own options) stay behind.
    """
    names = _forwarded.get(target)
    if names is None:
        params = inspect.signature(target).parameters.values()  # the constructor's, without self
        names = tuple(p.name for p in params if p.kind in _KEYWORD_KINDS)
        _forwarded[target] = names
    return {name: values[name] for name in names if name in values}


_forwarded: Dict[type, Tuple[str, ...]] = {}


def _unknown_message(owner: str, name: str, valid: FrozenSet[str]) -> str:
    text = f"{owner}(): unknown option {name}="
    guess = closest(name, valid)
    if guess is not None:
        return f"{text}; did you mean {guess}=?"
    return f"{text}; the options are " + ", ".join(f"{option}=" for option in sorted(valid))


def closest(name: str, valid: Any) -> Optional[str]:
    """The valid option ``name`` most likely meant: same letters ignoring case and
    underscores (``apiKey``, ``TESTNET``), else the nearest spelling (difflib), else ``None``."""
    folded: Dict[str, str] = {_fold(option): option for option in valid}
    key = _fold(name)
    if key in folded:
        return folded[key]
    import difflib  # only on a mistake: not worth its import time on every start

    match = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.7)
    return folded[match[0]] if match else None


def _fold(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def check_seconds(name: str, value: Any, *, allow_none: bool = False) -> None:
    """Refuse anything but a positive, finite number of seconds (``None`` when allowed)."""
    if value is None and allow_none:
        return
    if value.__class__ is bool or not isinstance(value, (int, float)) or not 0 < value < float("inf"):
        shown = repr(value) if isinstance(value, (int, float, type(None))) else f"a {type(value).__name__}"
        raise InvalidParameterError(
            f"{name} must be a positive number of seconds" + (" or None" if allow_none else "") + f", got {shown}"
        )


def check_timeout(value: Any) -> None:
    """A REST ``timeout``: positive seconds, or a ``(connect, read)`` pair of them. ``None``
    (wait forever) is refused: a request must never hang."""
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise InvalidParameterError(f"timeout is seconds or a (connect, read) pair, got {len(value)} values")
        for part in value:
            check_seconds("each part of timeout=(connect, read)", part)
        return
    check_seconds("timeout", value)


def check_base_url(value: Any) -> None:
    """A REST ``base_url``: ``None`` or an ``http://`` / ``https://`` scheme and host."""
    if value is None:
        return
    if not isinstance(value, str) or not value.startswith(("https://", "http://")) or any(
        ch.isspace() for ch in value
    ):
        shown = f"{value[:80]!r}" if isinstance(value, str) else f"a {type(value).__name__}"
        raise InvalidParameterError(
            f"base_url must be a scheme and host such as 'https://api.bybit.com' (no spaces), got {shown}"
        )


def check_proxies(value: Any) -> None:
    """A ``proxies`` option: ``None`` or a requests-style dict (the URL is never echoed: it
    may carry a proxy password)."""
    if value is not None and not isinstance(value, Mapping):
        raise InvalidParameterError(
            'proxies must be a dict such as {"https": "http://proxy:3128"} (for one URL write '
            f'{{"https": url}}), got a {type(value).__name__}'
        )


def is_header_text(value: str) -> bool:
    """Whether ``value`` can be sent as an HTTP header value as it is: one line, no control
    characters, no surrounding whitespace, Latin-1 only (what ``http.client`` can encode)."""
    return value == value.strip() and all(32 <= ord(ch) < 127 or 160 <= ord(ch) < 256 for ch in value)
