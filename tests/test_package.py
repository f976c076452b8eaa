"""The package as a user meets it: public names, typing marker, cheap imports, no side effects."""

import ast
import importlib
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import bitsdk

PUBLIC = {
    "bitsdk.bitget": {
        "RestClientV3", "RestClientV2", "WebsocketClientV3", "WebsocketClientV2", "WebsocketAPIClient", "WS_KEY_MAP",
    },
    "bitsdk.bybit": {
        "RestClientV5", "SpotClientV3", "RateLimit", "REGION_URLS", "WebsocketClient", "WebsocketAPIClient", "WS_KEY_MAP",
        "is_ws_orderbook_event_v5",
    },
}


def test_public_names_are_exported_and_documented():
    for module_name, names in PUBLIC.items():
        module = importlib.import_module(module_name)
        assert set(module.__all__) == names
        for name in names:
            obj = getattr(module, name)
            if isinstance(obj, type) or callable(obj):
                assert obj.__doc__, f"{module_name}.{name} has no docstring"


def test_package_ships_py_typed():
    assert (Path(bitsdk.__file__).parent / "py.typed").is_file()


def _loaded(statement: str, modules: tuple) -> list:
    """Which of ``modules`` a fresh interpreter holds after ``statement``."""
    code = f"import sys; {statement}; print([m for m in {modules!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return ast.literal_eval(out)


def test_import_is_lazy_about_heavy_modules():
    # RSA support (cryptography) and both sides of each exchange package load only when used.
    heavy = ("cryptography.hazmat.primitives.asymmetric.rsa", "websocket", "bitsdk._ws", "requests",
             "bitsdk._http", "difflib")
    assert _loaded("import bitsdk.bitget, bitsdk.bybit", heavy) == []


@pytest.mark.parametrize("package, rest, stream", [
    ("bybit", "RestClientV5", "WebsocketClient"),
    ("bitget", "RestClientV3", "WebsocketClientV3"),
])
def test_each_side_of_an_exchange_package_loads_only_its_own_dependencies(package, rest, stream):
    # A stream-only bot never imports requests; a REST-only script never imports websocket-client.
    assert _loaded(f"from bitsdk.{package} import {stream}", ("requests", "bitsdk._http")) == []
    assert _loaded(f"from bitsdk.{package} import {rest}", ("websocket", "bitsdk._ws")) == []
    both = _loaded(f"from bitsdk.{package} import {rest}, {stream}", ("requests", "websocket"))
    assert both == ["requests", "websocket"]


def test_constructing_clients_starts_no_thread_and_does_no_io():
    from bitsdk.bitget import RestClientV3, WebsocketAPIClient, WebsocketClientV2, WebsocketClientV3
    from bitsdk.bybit import RestClientV5, WebsocketClient

    before = set(threading.enumerate())
    clients = [
        RestClientV3(), RestClientV5(), WebsocketClientV3(), WebsocketClientV2(), WebsocketClient(),
        WebsocketAPIClient(api_key="k", api_secret="s", api_pass="p"),
    ]
    assert set(threading.enumerate()) == before
    for client in clients:
        close = getattr(client, "close_all", None) or client.close
        close()
    assert set(threading.enumerate()) == before
