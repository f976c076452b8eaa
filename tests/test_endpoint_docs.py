"""Every REST endpoint method says what it does and links the exchange's page for it.

The summaries and URLs live in ``bitsdk/<exchange>/_docs.py`` (``"VERB /path"`` -> (summary,
url)); the client classes read them when they are created. These tests hold the tables to the
endpoint catalogue: no endpoint without an entry, no entry without an endpoint, no summary that
only re-cases the method name, no URL off the exchange's documentation host.
"""

import re

import pytest

from bitsdk import _endpoints
from bitsdk._http import RestClient, endpoint, hand_written
from bitsdk.bitget import RestClientV2, RestClientV3
from bitsdk.bitget import _docs as bitget_docs
from bitsdk.bybit import RestClientV5, SpotClientV3
from bitsdk.bybit import _docs as bybit_docs

DOCS_HOSTS = {
    RestClientV2: "https://www.bitget.com/api-doc/",
    RestClientV3: "https://www.bitget.com/api-doc/",
    RestClientV5: "https://bybit-exchange.github.io/docs/",
    SpotClientV3: "https://bybit-exchange.github.io/docs/",
}
TABLES = {bitget_docs: (RestClientV2, RestClientV3), bybit_docs: (RestClientV5, SpotClientV3)}


def _recased(name):
    """What the generated docstring used to say: the name with spaces, capitalized."""
    return name.replace("_", " ").capitalize() + "."


def _words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


@pytest.mark.parametrize("client", list(DOCS_HOSTS), ids=lambda c: c.__name__)
def test_every_endpoint_has_a_real_summary_and_an_exchange_link(client):
    host = DOCS_HOSTS[client]
    for name, spec in client.ENDPOINTS.items():
        method = getattr(client, name)
        doc = method.__doc__ or ""
        first_line = doc.strip().splitlines()[0]
        # A summary that only re-cases the name ("Get tickers.") tells the reader nothing new.
        assert first_line != _recased(name), name
        assert _words(first_line) != _words(name), f"{name}: {first_line!r}"
        assert spec.summary and "\n" not in spec.summary, name
        assert spec.url.startswith(host), f"{name}: {spec.url!r}"
        assert spec.url in doc, name
        assert f"{spec.verb} {spec.path}" in doc, name


@pytest.mark.parametrize("module", list(TABLES), ids=lambda m: m.__name__)
def test_docs_tables_match_the_endpoints_exactly(module):
    declared = {f"{spec.verb} {spec.path}" for client in TABLES[module] for spec in client.ENDPOINTS.values()}
    assert set(module.ENDPOINT_DOCS) == declared, "add or remove entries in " + module.__name__
    for key, (summary, url) in module.ENDPOINT_DOCS.items():
        assert summary.endswith(".") and len(summary) <= 120, key
        assert not summary[0].islower(), key
        assert " " not in url and url.startswith("https://"), key


def test_section_pages_are_named_as_such_in_the_docstring():
    spec = next(s for s in RestClientV3.ENDPOINTS.values() if s.url.endswith("/intro"))
    doc = getattr(RestClientV3, spec.name).__doc__
    assert f"Exchange docs (the API section): {spec.url}\n" in doc
    exact = RestClientV3.ENDPOINTS["get_tickers"]
    assert f"Exchange docs: {exact.url}\n" in RestClientV3.get_tickers.__doc__


def test_hand_written_endpoints_keep_their_docstring_and_gain_the_link():
    method = RestClientV5.get_spot_borrow_check
    url = RestClientV5.ENDPOINTS["get_spot_borrow_check"].url
    assert method.__doc__.startswith("Check the spot borrow quota")
    # Right after the paragraph naming verb and path, as in the generated docstrings.
    assert "(signed: needs API credentials).\n\nExchange docs: " + url + "\n\nArgs:" in method.__doc__
    assert "Returns:\n    Envelope" in method.__doc__  # the sections stay indented as written


def test_clients_outside_an_exchange_package_keep_the_generated_summary():
    class Local(RestClient):
        get_thing = endpoint("GET", "/v1/thing")
        put_thing = endpoint("POST", "/v1/thing", "Store a thing.")

        @hand_written("GET", "/v1/raw")
        def get_raw(self):
            """Read raw bytes."""

    assert Local.get_thing.__doc__.startswith("Get thing.")
    assert "Exchange docs" not in Local.get_thing.__doc__
    assert Local.put_thing.__doc__.startswith("Store a thing.")
    assert Local.get_raw.__doc__ == "Read raw bytes."
    assert Local.ENDPOINTS["get_thing"].url == ""


def test_a_declared_summary_wins_over_the_table():
    spec = _endpoints.EndpointSpec("GET", "/v5/market/tickers", False, (), "Mine.")
    _endpoints.attach_docs(spec, bybit_docs.ENDPOINT_DOCS)
    assert spec.summary == "Mine."
    assert spec.url == "https://bybit-exchange.github.io/docs/v5/market/tickers"


def test_exchange_docs_lookup_reports_broken_docs_modules(monkeypatch):
    assert _endpoints.exchange_docs("bitsdk.bybit._rest") is bybit_docs.ENDPOINT_DOCS
    assert _endpoints.exchange_docs("tests.test_endpoint_docs") == {}
    assert _endpoints.exchange_docs("__main__") == {}

    def broken(name):
        raise ModuleNotFoundError("No module named 'yaml'", name="yaml")

    # A _docs module that fails on its own import must not silently leave every docstring bare.
    monkeypatch.setattr(_endpoints.importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError):
        _endpoints.exchange_docs("bitsdk.bybit._rest")
