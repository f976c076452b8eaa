"""The REST request path builds ``PreparedRequest`` fields itself; it must send what
``PreparedRequest.prepare`` would, fall back to it whenever it would change something, and
keep every transport setting (verify, proxies, redirects, gzip) as before.

Checked three ways: field by field against ``prepare`` on tricky inputs, through a recording
transport adapter (what ``session.send`` hands the adapter), and over a real socket to a
scripted HTTP server on 127.0.0.1 (what goes on the wire, gzip answers, redirects).
"""

import gzip
import http.server
import json
import threading
from typing import Any, Dict, List

import pytest
import requests
from requests.adapters import BaseAdapter
from requests.models import Response
from requests.structures import CaseInsensitiveDict

from bitsdk import errors
from bitsdk._http import RestClient, endpoint
from bitsdk.bitget import RestClientV3
from bitsdk.bybit import RestClientV5

KEY, SECRET = "hot-key-0123456789", "hot-secret-abcdef"
OK = b'{"ok":true,"data":{"n":1},"retCode":0,"code":"00000"}'


class Hot(RestClient):
    """A minimal exchange client: one public GET, one signed POST, one signed upload."""

    DEFAULT_BASE_URL = "http://hot.test"
    SURFACE = "Hot REST"

    get_thing = endpoint("GET", "/v1/thing")
    get_item = endpoint("GET", "/v1/items/{name}", args=("name",))
    post_thing = endpoint("POST", "/v1/thing", auth=True)

    def _auth_headers(self, method, path, query, body, timestamp) -> Dict[str, str]:
        return {"X-KEY": self.credentials.api_key or "", "X-TS": str(timestamp), "X-SIGN": "s"}

    def _check_envelope(self, envelope, method, path) -> None:
        pass

    def upload(self, data: bytes) -> Any:
        return self._request("POST", "/v1/upload", body=data, auth=True, content_type="multipart/form-data; boundary=b")


class Recorder(BaseAdapter):
    """A transport that records what session.send() hands it and answers ``OK``."""

    def __init__(self, status: int = 200, headers: Any = None):
        super().__init__()
        self.calls: List[Dict[str, Any]] = []
        self.status = status
        self.headers = headers or {}

    def send(self, request, **kwargs):
        self.calls.append({"request": request, **kwargs})
        response = Response()
        response.status_code = self.status
        response._content = OK
        response.headers = CaseInsensitiveDict({"Content-Type": "application/json", **self.headers})
        response.url = request.url
        response.request = request
        return response

    def close(self) -> None:
        pass


def _mounted(client: RestClient, adapter: BaseAdapter) -> RestClient:
    client.session.mount("http://", adapter)
    client.session.mount("https://", adapter)
    return client


def _reference(method: str, url: str, headers: Dict[str, str], data: Any) -> requests.PreparedRequest:
    prepared = requests.PreparedRequest()
    prepared.prepare(method=method, url=url, headers=headers, data=data)
    return prepared


def _same(ours: requests.PreparedRequest, theirs: requests.PreparedRequest) -> None:
    assert ours.method == theirs.method
    assert ours.url == theirs.url
    assert list(ours.headers.items()) == list(theirs.headers.items())
    assert isinstance(ours.headers, CaseInsensitiveDict)
    assert ours.body == theirs.body
    assert ours.path_url == theirs.path_url
    assert ours.hooks == theirs.hooks
    assert ours._cookies is not None and len(ours._cookies) == 0


HEADERS = {"User-Agent": "bitsdk/x", "Accept": "application/json", "X-Sign": "abc=", "Empty": ""}


@pytest.mark.parametrize("base", [
    "http://hot.test", "https://hot.test", "http://127.0.0.1:8080", "https://hot.test/prefix", "http://[::1]:9000",
    # requests rewrites these; the request then goes through prepare() and gets its result.
    "http://HOT.test", "http://bücher.example", "http://user:pass@hot.test", "http://hot.test:80",
])
@pytest.mark.parametrize("tail", [
    "/v5/order/realtime?category=linear&symbol=BTCUSDT",
    "/v5/x?symbol=BTCUSDT%2CETHUSDT&a=%E2%82%AC",  # escapes requests leaves alone
    "/v5/x?a=%41%7e",  # an escaped unreserved character and a lowercase escape: requests rewrites
    "/v5/x?a=b c",  # a space: requests quotes it
    "/v5/é?a=€",  # non-ASCII path and query
    "/v5/./x/../y",  # dot segments
    "/v5/x?a=1#frag",
    "/v5/x?a=[1]",
    "", "?a=1", "/v5/x?", "/v5/x/.", "/v5//x?a=1?b&", "/v5/x;p=1?a=@:/!$&'()*+,;=",
])
@pytest.mark.parametrize("method, data", [("GET", None), ("POST", None), ("POST", '{"a":"é"}'.encode()), ("POST", b"\x00\xff")])
def test_prepared_fields_equal_requests_prepare(base, tail, method, data):
    client = Hot(base_url=base, proxies={})
    url = client.base_url + tail
    ours = client._prepare(method, url, dict(HEADERS), data)
    _same(ours, _reference(method, url, dict(HEADERS), data))


def test_duplicate_header_spellings_collapse_like_requests():
    client = Hot(proxies={})
    headers = {"user-agent": "mine", "User-Agent": "bitsdk", "content-length": "5"}
    for data in (None, b"abc"):
        url = client.base_url + "/v1/thing"
        _same(client._prepare("POST", url, dict(headers), data), _reference("POST", url, dict(headers), data))


@pytest.mark.parametrize("name, value", [("X-Bad", "a\r\nInjected: 1"), ("X-Bad", " leading"), ("Bad:Name", "v"), ("X-Num", 5)])
def test_invalid_headers_raise_requests_own_error(name, value):
    client = Hot(proxies={})
    with pytest.raises(requests.exceptions.InvalidHeader):
        client._prepare("GET", client.base_url + "/v1/thing", {name: value}, None)


def test_a_base_url_changed_later_is_checked_again():
    client = Hot(proxies={})
    client.get_thing  # noqa: B018 - the attribute exists
    client._prepare("GET", client.base_url + "/v1/thing", {}, None)
    client.base_url = "http://user:pw@hot.test"
    prepared = client._prepare("GET", client.base_url + "/v1/thing", {}, None)
    assert prepared.headers["Authorization"].startswith("Basic ")


def test_what_the_adapter_receives():
    adapter = Recorder()
    client = _mounted(Hot(api_key=KEY, api_secret=SECRET, proxies={}, timeout=(1.0, 2.0)), adapter)
    client.get_item("a b/é", symbol="BTC USDT")
    client.post_thing(note="é")
    client.post_thing()
    client.upload(b"--b\r\n\xff\x00--b--")
    get, post, empty, upload = (call["request"] for call in adapter.calls)
    assert get.url == "http://hot.test/v1/items/a%20b%2F%C3%A9?symbol=BTC%20USDT"
    assert "Content-Length" not in get.headers and get.body is None
    assert post.body == '{"note":"\\u00e9"}'.encode() and post.headers["Content-Length"] == str(len(post.body))
    assert empty.body is None and empty.headers["Content-Length"] == "0"
    assert upload.body == b"--b\r\n\xff\x00--b--" and upload.headers["Content-Length"] == str(len(upload.body))
    assert upload.headers["Content-Type"] == "multipart/form-data; boundary=b"
    for call in adapter.calls:
        assert call["timeout"] == (1.0, 2.0) and call["proxies"] == {} and call["verify"] is True
        assert call["request"].headers["User-Agent"].startswith("bitsdk/")


@pytest.fixture
def ca_bundle_env(monkeypatch, tmp_path):
    bundle = tmp_path / "ca.pem"
    bundle.write_text("not used by the recording adapter")
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY",
                 "http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    return str(bundle)


def test_https_gets_the_ca_bundle_from_the_environment(ca_bundle_env):
    adapter = Recorder()
    _mounted(Hot(base_url="https://hot.test"), adapter).get_thing()
    assert adapter.calls[0]["verify"] == ca_bundle_env


def test_plain_http_skips_the_ca_bundle(ca_bundle_env):
    # verify cannot matter on a plain connection; a path would cost a stat() per call.
    adapter = Recorder()
    _mounted(Hot(base_url="http://hot.test"), adapter).get_thing()
    assert adapter.calls[0]["verify"] is True


def test_plain_http_through_a_proxy_keeps_verify(ca_bundle_env, monkeypatch):
    # The proxy itself may speak TLS: its verification settings stay as given.
    monkeypatch.setenv("HTTP_PROXY", "https://proxy.test:3128")
    adapter = Recorder()
    _mounted(Hot(base_url="http://hot.test"), adapter).get_thing()
    assert adapter.calls[0]["proxies"]["http"] == "https://proxy.test:3128"
    assert adapter.calls[0]["verify"] == ca_bundle_env


@pytest.mark.parametrize("verify", [False, "/some/ca/dir"])
def test_a_given_sessions_verify_reaches_https(verify):
    session = requests.Session()
    session.verify = verify
    adapter = Recorder()
    session.mount("https://", adapter)
    Hot(base_url="https://hot.test", session=session, proxies={}).get_thing()
    assert adapter.calls[0]["verify"] == verify


def test_a_redirect_is_reported_and_cookies_stay_out():
    adapter = Recorder(status=302, headers={"Location": "http://elsewhere.test/x", "Set-Cookie": "a=1"})
    client = _mounted(Hot(proxies={}), adapter)
    with pytest.raises(errors.HTTPError) as caught:
        client.get_thing()
    assert caught.value.http_status == 302
    assert len(adapter.calls) == 1
    assert len(client._no_cookies) == 0


@pytest.mark.parametrize("cls, call", [
    (RestClientV5, lambda c: c.get_active_orders(category="linear", symbol="BTCUSDT")),
    (RestClientV5, lambda c: c.submit_order(category="linear", symbol="BTCUSDT", side="Buy", orderType="Limit", qty="1")),
    (RestClientV3, lambda c: c.get_unfilled_orders(category="SPOT")),
])
def test_exchange_clients_send_what_prepare_would(cls, call):
    adapter = Recorder()
    passphrase = {"api_pass": "pass"} if cls is RestClientV3 else {}  # Bybit has no passphrase
    client = cls(api_key=KEY, api_secret=SECRET, base_url="http://hot.test", proxies={}, **passphrase)
    _mounted(client, adapter)
    assert call(client)["data"] == {"n": 1}
    sent = adapter.calls[0]["request"]
    _same(sent, _reference(sent.method, sent.url, dict(sent.headers), sent.body))


# -- over a real socket -------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: List[Dict[str, Any]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.seen.append({"line": self.requestline, "headers": dict(self.headers.items()), "body": body})
        if self.path.startswith("/redirect"):
            payload, extra = b"", {"Location": "/v1/thing"}
            status = 302
        else:
            payload = gzip.compress(json.dumps({"ok": True, "echo": self.path}).encode())
            extra, status = {"Content-Encoding": "gzip", "Content-Type": "application/json"}, 200
        self.send_response(status)
        for name, value in extra.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = _answer

    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass


@pytest.fixture
def server():
    _Handler.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", _Handler.seen
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_on_the_wire_with_gzip_answers(server):
    base, seen = server
    with Hot(api_key=KEY, api_secret=SECRET, base_url=base, proxies={}, timeout=5) as client:
        got = client.get_item("é", q="a,b")
        assert got["echo"] == "/v1/items/%C3%A9?q=a%2Cb"  # decoded from gzip
        client.post_thing(note="é")
        client.upload(b"\xff\x00binary")
    get, post, upload = seen
    assert get["line"] == "GET /v1/items/%C3%A9?q=a%2Cb HTTP/1.1"
    assert get["headers"]["Accept-Encoding"] == "gzip, deflate" and "Content-Length" not in get["headers"]
    assert post["body"] == b'{"note":"\\u00e9"}' and post["headers"]["Content-Length"] == str(len(post["body"]))
    assert upload["body"] == b"\xff\x00binary" and upload["headers"]["Content-Type"].startswith("multipart/")


def test_on_the_wire_redirects_are_not_followed(server):
    base, seen = server

    class Redirected(Hot):
        get_moved = endpoint("GET", "/redirect")

    with Redirected(base_url=base, proxies={}, timeout=5) as client:
        with pytest.raises(errors.BitsdkError) as caught:
            client.get_moved()
    assert caught.value.http_status == 302
    assert [s["line"].split()[1] for s in seen] == ["/redirect"]


def test_plain_requests_skip_prepare(monkeypatch):
    client = Hot(api_key=KEY, api_secret=SECRET, proxies={})
    _mounted(client, Recorder())
    client.get_thing()  # checks the base URL (with prepare) once

    def refuse(*args, **kwargs):
        raise AssertionError("prepare() ran on the plain path")

    monkeypatch.setattr(requests.PreparedRequest, "prepare", refuse)
    client.get_item("é", symbol="BTCUSDT,ETHUSDT")  # bitsdk quotes both: plain ASCII
    client.post_thing(note="é")
    with pytest.raises(AssertionError, match="plain path"):
        client._request("GET", "/v1/é")  # non-ASCII: requests quotes it, so prepare() must run
