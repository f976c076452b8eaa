"""Endpoint declarations: one line per REST endpoint, executed by the engine in ``_http``.

``get_tickers = endpoint("GET", "/api/v3/market/tickers")`` declares a method; the client
class (``RestClient.__init_subclass__``) gives it its name, a docstring that names the verb
and path, and a signature that ``help()`` and IDEs show. Type checkers see the same call
shape through :class:`EndpointMethod`: ``client.get_tickers`` is
``(params: Optional[Mapping[str, Any]] = None, /, **kwargs: Any) -> Envelope``.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import re
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Optional, Protocol, Tuple, TypeVar, Union, cast, overload

if TYPE_CHECKING:
    from ._http import Envelope, RestClient
    from ._paginate import Paging
    from ._ratelimit import Limit

__all__ = ["OPTIONAL", "EndpointSpec", "EndpointMethod", "PositionalEndpointMethod", "endpoint", "hand_written"]

OPTIONAL = "optional"
"""``auth=OPTIONAL``: signed when the client has credentials, sent unsigned otherwise."""

_PATH_PARAM = re.compile(r"{(\w+)}")
_F = TypeVar("_F", bound=Callable[..., Any])


class EndpointSpec:
    """What one endpoint is: its python name, verb, path, auth and positional argument names.

    ``rate_limit`` (a :class:`~bitsdk._ratelimit.Limit`) and ``paging`` (a
    :class:`~bitsdk._paginate.Paging`) come from the exchange's tables when the client class
    is created; ``None`` where the exchange documents none.
    """

    __slots__ = ("name", "verb", "path", "auth", "args", "summary", "url", "path_params", "rate_limit", "paging")

    def __init__(self, verb: str, path: str, auth: Union[bool, str], args: Tuple[str, ...], summary: str):
        self.name = ""
        self.verb = verb
        self.path = path
        self.auth = auth
        self.args = args
        self.summary = summary
        #: The exchange's documentation page for this endpoint ("" when unknown).
        self.url = ""
        self.path_params: Tuple[str, ...] = tuple(_PATH_PARAM.findall(path))
        self.rate_limit: Optional["Limit"] = None
        self.paging: Optional["Paging"] = None

    @property
    def private(self) -> bool:
        """True for endpoints the catalogue marks as signed (``auth=1``)."""
        return bool(self.auth)

    def __repr__(self) -> str:
        return f"EndpointSpec({self.name!r}, {self.verb} {self.path}, auth={self.auth!r})"


class BoundEndpoint(Protocol):
    """An endpoint method on a client: one dict of parameters and/or keyword arguments."""

    def __call__(self, params: Optional[Mapping[str, Any]] = None, /, **kwargs: Any) -> "Envelope": ...


class BoundPositionalEndpoint(Protocol):
    """An endpoint method whose named parameters may also be given positionally."""

    def __call__(self, *args: Any, **kwargs: Any) -> "Envelope": ...


class EndpointMethod(Protocol):
    """The static type of an :func:`endpoint` declaration (a plain function at run time)."""

    endpoint_spec: EndpointSpec

    @overload
    def __get__(self, obj: None, owner: Any) -> "EndpointMethod": ...
    @overload
    def __get__(self, obj: object, owner: Any) -> BoundEndpoint: ...
    def __get__(self, obj: Any, owner: Any) -> Any: ...

    def __call__(self, client: Any, params: Optional[Mapping[str, Any]] = None, /, **kwargs: Any) -> "Envelope": ...


class PositionalEndpointMethod(Protocol):
    """The static type of an :func:`endpoint` declared with ``args=``."""

    endpoint_spec: EndpointSpec

    @overload
    def __get__(self, obj: None, owner: Any) -> "PositionalEndpointMethod": ...
    @overload
    def __get__(self, obj: object, owner: Any) -> BoundPositionalEndpoint: ...
    def __get__(self, obj: Any, owner: Any) -> Any: ...

    def __call__(self, client: Any, *args: Any, **kwargs: Any) -> "Envelope": ...


@overload
def endpoint(verb: str, path: str, summary: str = "", *, auth: Union[bool, str] = False) -> EndpointMethod: ...
@overload
def endpoint(
    verb: str, path: str, summary: str = "", *, auth: Union[bool, str] = False, args: Iterable[str]
) -> PositionalEndpointMethod: ...
def endpoint(
    verb: str,
    path: str,
    summary: str = "",
    *,
    auth: Union[bool, str] = False,
    args: Iterable[str] = (),
) -> Union[EndpointMethod, PositionalEndpointMethod]:
    """Declare an endpoint method in one line.

    ``get_tickers = endpoint("GET", "/api/v3/market/tickers")`` gives a method that takes the
    request parameters as one dict, as keyword arguments, or both, and returns the
    :class:`~bitsdk.Envelope`. ``args`` names parameters that may also be given positionally,
    in order (``batch_submit_orders("linear", orders)`` with ``args=("category", "request")``).
    ``auth`` is ``True`` for signed endpoints, ``OPTIONAL`` for endpoints signed only when the
    client has keys. The class fills in the method's name and docstring.
    """
    spec = EndpointSpec(verb.upper(), path, auth, tuple(args), summary)

    def call(self: "RestClient", /, *positional: Any, **params: Any) -> "Envelope":
        return self._call(spec, positional, params)

    call.endpoint_spec = spec  # type: ignore[attr-defined]
    return cast(EndpointMethod, call)


def hand_written(
    verb: str, path: str, *, auth: Union[bool, str] = False, args: Iterable[str] = ()
) -> Callable[[_F], _F]:
    """Register a hand-written endpoint method (one that really differs, such as an upload).

    The method keeps its own signature and docstring and still appears in ``ENDPOINTS`` with
    its verb, path and auth, like an :func:`endpoint` line.
    """
    spec = EndpointSpec(verb.upper(), path, auth, tuple(args), "")

    def register(method: _F) -> _F:
        method.endpoint_spec = spec  # type: ignore[attr-defined]
        method.hand_written = True  # type: ignore[attr-defined]
        return method

    return register


def exchange_docs(module: str) -> Mapping[str, Tuple[str, str]]:
    """The summaries and documentation URLs of a client module's exchange package.

    ``bitsdk.bybit._rest`` reads ``bitsdk.bybit._docs.ENDPOINT_DOCS`` (``"VERB /path"`` ->
    ``(summary, url)``); a package without a ``_docs`` module (tests, the base classes) has none.
    """
    package = module.rpartition(".")[0]
    if not package:
        return {}
    try:
        docs = importlib.import_module(package + "._docs")
    except ModuleNotFoundError as error:
        if error.name != package + "._docs":
            raise
        return {}
    return cast("Mapping[str, Tuple[str, str]]", docs.ENDPOINT_DOCS)


def attach_docs(spec: EndpointSpec, docs: Mapping[str, Tuple[str, str]]) -> None:
    """Fill in the spec's summary (unless its declaration gave one) and documentation URL."""
    entry = docs.get(f"{spec.verb} {spec.path}")
    if entry is not None:
        spec.summary = spec.summary or entry[0]
        spec.url = entry[1]


def docs_line(spec: EndpointSpec) -> str:
    """The docstring line that links the exchange's page ("" when the URL is unknown)."""
    if not spec.url:
        return ""
    if spec.url.endswith("/intro"):
        return f"Exchange docs (the API section): {spec.url}"
    return f"Exchange docs: {spec.url}"


def link_hand_written(function: Any, spec: EndpointSpec) -> None:
    """Add the exchange's page to a hand-written endpoint method's own docstring.

    The link goes after the paragraph that names the verb and path, as in generated docstrings
    (at the end when no paragraph does).
    """
    line = docs_line(spec)
    if not line or spec.url in (function.__doc__ or ""):
        return
    paragraphs = inspect.cleandoc(function.__doc__ or "").split("\n\n")
    named = [i for i, text in enumerate(paragraphs) if f"``{spec.verb} {spec.path}``" in text]
    paragraphs.insert(named[0] + 1 if named else len(paragraphs), line)
    function.__doc__ = "\n\n".join(paragraphs)


def describe(function: Any, spec: EndpointSpec, owner: type) -> None:
    """Give a declared endpoint function its name, docstring and signature (on its class)."""
    function.__name__ = spec.name
    function.__qualname__ = f"{owner.__qualname__}.{spec.name}"
    function.__module__ = owner.__module__
    function.__doc__ = endpoint_doc(spec)
    function.__signature__ = endpoint_signature(spec)


def endpoint_signature(spec: EndpointSpec) -> inspect.Signature:
    """What help() and IDEs show: ``(self, params=None, /, **kwargs)`` or the named args."""
    return _signature(spec.args)


@functools.lru_cache(maxsize=None)
def _signature(args: Tuple[str, ...]) -> inspect.Signature:
    # A few shapes serve hundreds of endpoints, and Signature objects are immutable: building
    # one per endpoint was most of the cost of importing an exchange package.
    P = inspect.Parameter
    names = args or ("params",)
    parameters = [P("self", P.POSITIONAL_ONLY)]
    parameters += [P(name, P.POSITIONAL_ONLY, default=None) for name in names]
    parameters.append(P("kwargs", P.VAR_KEYWORD))
    return inspect.Signature(parameters, return_annotation="Envelope")


def endpoint_doc(spec: EndpointSpec) -> str:
    """The generated docstring: summary, verb and path, auth, exchange page, arguments, errors."""
    summary = spec.summary or spec.name.replace("_", " ").capitalize() + "."
    if spec.auth == OPTIONAL:
        auth = "signed when the client has credentials, public otherwise"
    elif spec.auth:
        auth = "signed: needs API credentials"
    else:
        auth = "public"
    args = [
        f"    {name}: {'goes into the URL path; ' if name in spec.path_params else ''}may be given positionally."
        for name in spec.args
    ] or ["    params: the request parameters as a dict, with the exchange's own names."]
    args += [f"    {name}: goes into the URL path." for name in spec.path_params if name not in spec.args]
    args.append("    **kwargs: request parameters as keyword arguments (merged over the dict).")
    link = docs_line(spec)
    return (
        f"{summary}\n\n``{spec.verb} {spec.path}`` ({auth}).\n\n"
        + (f"{link}\n\n" if link else "")
        + "Args:\n" + "\n".join(args) + "\n\n"
        "Returns:\n    Envelope: the decoded response envelope (a dict with ``http_status`` and "
        "``headers`` attributes).\n\n"
        "Raises:\n    bitsdk.errors.APIError: the exchange rejected the request.\n"
        "    bitsdk.errors.InvalidParameterError: a parameter is wrong; nothing was sent."
    )
