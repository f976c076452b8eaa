"""The constructors users meet: explicit options, one positional policy, checked names and
credentials, and one signer per exchange shared by REST and the WebSocket login.

Nothing here opens a socket: constructors do no I/O, REST calls go to ``responses``, and the
WebSocket login frames are built without connecting.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import inspect
import json
from typing import Any, Dict, List
from unittest import mock

import pytest
import responses

from bitsdk import errors
from bitsdk._options import checked_options, forward_options
from bitsdk.bitget import RestClientV2, RestClientV3, WebsocketClientV2, WebsocketClientV3
from bitsdk.bitget import WebsocketAPIClient as BitgetWsApi
from bitsdk.bitget import _sign as bitget_sign
from bitsdk.bybit import RestClientV5, SpotClientV3, WebsocketClient
from bitsdk.bybit import WebsocketAPIClient as BybitWsApi
from bitsdk.bybit import _sign as bybit_sign

BITGET = [RestClientV3, RestClientV2, WebsocketClientV3, WebsocketClientV2, BitgetWsApi]
BYBIT = [RestClientV5, SpotClientV3, WebsocketClient, BybitWsApi]
REST = [RestClientV3, RestClientV2, RestClientV5, SpotClientV3]
CREDENTIALS = {cls: ("api_key", "api_secret", "api_pass") for cls in BITGET}
CREDENTIALS.update({cls: ("api_key", "api_secret") for cls in BYBIT})
SECRET = "s3cr3t-value-never-shown"


def _close(client: Any) -> None:
    client.close()


def _credentials(client: Any) -> Any:
    if isinstance(client, (BitgetWsApi, BybitWsApi)):
        client = client.get_ws_client()
    return client.credentials if hasattr(client, "credentials") else client._credentials


# -- explicit options --------------------------------------------------------------------------


@pytest.mark.parametrize("cls", REST)
def test_rest_constructors_share_the_engine_options(cls: type) -> None:
    # The signature policy of every client (REST and WebSocket) is in test_surface_options.py.
    params = inspect.signature(cls.__init__).parameters
    shared = {"base_url", "ws_url", "timeout", "proxies", "session", "trace", "logger", "time_offset_ms",
              "time_sync_interval", "read_retries", "max_retry_wait", "demo_trading"}
    assert shared <= set(params)


def test_bybit_rest_has_its_own_options() -> None:
    params = inspect.signature(RestClientV5).parameters
    assert {"testnet", "api_region", "site_id", "recv_window", "parse_api_rate_limits", "referer"} <= set(params)


@pytest.mark.parametrize("cls", BITGET + BYBIT)
def test_one_positional_policy_credentials_in_order(cls: type) -> None:
    params = list(inspect.signature(cls).parameters.values())
    positional = [p.name for p in params if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
    assert tuple(positional) == CREDENTIALS[cls]
    client = cls(*(f"cred-{i}" for i in range(len(positional))), base_url="http://127.0.0.1:9")
    try:
        credentials = _credentials(client)
        assert credentials.api_key == "cred-0" and credentials.complete
    finally:
        _close(client)


@pytest.mark.parametrize("cls", BITGET + BYBIT)
def test_too_many_positional_values_say_what_to_do(cls: type) -> None:
    values = ["a"] * (len(CREDENTIALS[cls]) + 1)
    with pytest.raises(errors.UnknownOptionError, match="positionally") as caught:
        cls(*values)
    assert "by keyword" in str(caught.value)


@pytest.mark.parametrize(
    "cls, typo, right",
    [
        (RestClientV5, "test_net", "testnet"),
        (RestClientV5, "apiKey", "api_key"),
        (RestClientV5, "recvWindow", "recv_window"),
        (SpotClientV3, "max_retry_wiat", "max_retry_wait"),
        (RestClientV3, "demoTrading", "demo_trading"),
        (RestClientV2, "api_passphrase", "api_pass"),
        (RestClientV3, "time_out", "timeout"),
        # WebSocket clients: the engine's options are spelled out on each of them...
        (WebsocketClientV3, "ping_intervall", "ping_interval"),
        (WebsocketClient, "command_timout", "command_timeout"),
        (WebsocketClient, "TESTNET", "testnet"),
        (WebsocketClientV2, "clok", "clock"),
        # ...and on the WebSocket API clients, which pass them to their stream client.
        (BitgetWsApi, "pong_timout", "pong_timeout"),
        (BybitWsApi, "recvwindow", "recv_window"),
    ],
)
def test_a_misspelt_option_names_the_closest(cls: type, typo: str, right: str) -> None:
    with pytest.raises(errors.UnknownOptionError) as caught:
        cls(**{typo: True})
    assert str(caught.value) == f"{cls.__name__}(): unknown option {typo}=; did you mean {right}=?"
    # Catchable the Python way (TypeError) and the bitsdk way.
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, errors.InvalidParameterError)


@pytest.mark.parametrize("cls", BYBIT)
def test_bybit_takes_no_passphrase_on_rest_or_websocket(cls: type) -> None:
    with pytest.raises(errors.UnknownOptionError, match="unknown option api_pass="):
        cls(api_key="k", api_secret=SECRET, api_pass="p")


def test_an_unknown_option_with_nothing_close_lists_the_options() -> None:
    with pytest.raises(errors.UnknownOptionError) as caught:
        RestClientV5(zzz=1)
    message = str(caught.value)
    assert "unknown option zzz=" in message and "testnet=" in message and "read_retries=" in message


def test_a_ws_only_option_on_rest_is_unknown_not_silently_dropped() -> None:
    with pytest.raises(errors.UnknownOptionError, match="ping_interval="):
        RestClientV5(ping_interval=5)


def test_the_wrapper_keeps_the_signature_and_docstring() -> None:
    init = RestClientV5.__init__
    assert "testnet" in inspect.signature(init).parameters
    assert init.__doc__ and "testnet" in init.__doc__
    assert init.__wrapped__.__name__ == "__init__"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "cls, option, value",
    [
        (RestClientV5, "testnet", "false"),
        (RestClientV5, "parse_api_rate_limits", 1),
        (RestClientV3, "demo_trading", "no"),
        (RestClientV3, "trace", "yes"),
        (WebsocketClientV3, "demo_trading", "false"),
        (WebsocketClient, "testnet", 0),
        (BybitWsApi, "testnet", None),
    ],
)
def test_bool_options_refuse_anything_else(cls: type, option: str, value: Any) -> None:
    with pytest.raises(errors.InvalidParameterError, match=f"{option}= takes True or False"):
        cls(**{option: value})


def test_optional_bool_option_takes_none() -> None:
    RestClientV5(trace=None).close()


def test_valid_names_come_from_the_explicit_signature_and_are_forwarded() -> None:
    class Base:
        def __init__(self, *, alpha: int = 0, gamma: int = 0) -> None:
            self.alpha, self.gamma = alpha, gamma

    class Client(Base):
        @checked_options
        def __init__(self, key: str = "", *, beta: bool = False, alpha: int = 0) -> None:
            self.beta = beta
            super().__init__(**forward_options(Base, locals()))

    client = Client("k", beta=True, alpha=2)
    assert (client.alpha, client.beta, client.gamma) == (2, True, 0)  # only what Base takes went on
    with pytest.raises(errors.UnknownOptionError, match="did you mean alpha="):
        Client(alpah=1)
    # An option of the base that the client does not spell out is not accepted.
    with pytest.raises(errors.UnknownOptionError, match="unknown option gamma="):
        Client(gamma=1)
    # A signature that hides its options is refused when the class is defined.
    with pytest.raises(TypeError, match=r"takes \*\*kwargs: spell every option out"):
        class Hidden:
            @checked_options
            def __init__(self, **options: Any) -> None:
                pass


def test_a_user_subclass_passing_kwargs_up_is_checked_on_arrival() -> None:
    class MyClient(RestClientV5):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)

    MyClient("k", SECRET, testnet=True).close()
    with pytest.raises(errors.UnknownOptionError, match=r"MyClient\(\): unknown option test_net=; did you mean testnet="):
        MyClient(test_net=True)


def test_one_options_dict_builds_rest_and_ws_clients() -> None:
    bitget = {"api_key": "k", "api_secret": SECRET, "api_pass": "p", "base_url": "http://127.0.0.1:9",
              "ws_url": "ws://127.0.0.1:9"}
    bybit = {"api_key": "k", "api_secret": SECRET, "base_url": "http://127.0.0.1:9",
             "ws_url": {"v5Private": "ws://127.0.0.1:9"}}
    clients: List[Any] = [cls(**bitget) for cls in BITGET] + [cls(**bybit) for cls in BYBIT]
    for client in clients:
        client.close()


# -- credentials -------------------------------------------------------------------------------


BITGET_PARTIAL = [
    ({"api_key": "k"}, "add api_secret=..., api_pass=..."),
    ({"api_secret": SECRET}, "add api_key=..., api_pass=..."),
    ({"api_key": "k", "api_secret": SECRET}, "add api_pass=..."),
    ({"api_pass": "p"}, "add api_key=..., api_secret=..."),
    ({"api_key": "k", "api_secret": "", "api_pass": "p"}, "add api_secret=..."),
]
BYBIT_PARTIAL = [
    ({"api_key": "k"}, "add api_secret=..."),
    ({"api_secret": SECRET}, "add api_key=..."),
    ({"api_key": "", "api_secret": SECRET}, "add api_key=..."),
]


@pytest.mark.parametrize(
    "clients, given, missing, head",
    [(BITGET, given, missing, "Bitget needs the API key, secret and passphrase together") for given, missing in BITGET_PARTIAL]
    + [(BYBIT, given, missing, "Bybit needs the API key and secret together") for given, missing in BYBIT_PARTIAL],
)
def test_partial_credentials_are_refused_on_every_client(
    clients: List[type], given: Dict[str, str], missing: str, head: str
) -> None:
    messages = set()
    for cls in clients:
        with pytest.raises(errors.InvalidParameterError) as caught:
            cls(**given)
        messages.add(str(caught.value))
    assert len(messages) == 1, messages  # one message per exchange: REST, streams and WS API alike
    message = messages.pop()
    assert message.startswith(head) and missing in message
    assert SECRET not in message


@pytest.mark.parametrize("cls", BITGET + BYBIT)
def test_a_credential_that_is_not_text_is_refused_without_echoing_it(cls: type) -> None:
    names = CREDENTIALS[cls]
    given = {name: "x" for name in names}
    given["api_secret"] = SECRET.encode()  # type: ignore[assignment]
    with pytest.raises(errors.InvalidParameterError) as caught:
        cls(**given)
    assert str(caught.value) == "api_secret must be a string, got a bytes"


@pytest.mark.parametrize("cls", BITGET + BYBIT)
def test_no_credentials_is_fine(cls: type) -> None:
    cls().close()


# -- one signer per exchange -----------------------------------------------------------------


def _b64_hmac(secret: str, text: str) -> str:
    return base64.b64encode(hmac.new(secret.encode(), text.encode(), hashlib.sha256).digest()).decode()


def test_bitget_signer_matches_the_spec_vectors() -> None:
    # bitget.md §2.6: secret "test-secret", timestamp 1700000000000.
    creds = RestClientV3("k", "test-secret", "p").credentials
    get = bitget_sign.rest_headers(
        creds, "GET", "/api/v2/spot/trade/orderInfo", "note=a%20b%2Fc&orderId=123&symbol=BTCUSDT", None, 1700000000000
    )
    assert get["ACCESS-SIGN"] == "fxWKlp9IPpdNeHVub57rhtGStgGo8XBmx0gWZX1z/dU="
    body = '{"symbol":"BTCUSDT","side":"buy","orderType":"limit","force":"gtc","price":"20000","size":"0.001"}'
    post = bitget_sign.rest_headers(creds, "POST", "/api/v2/spot/trade/place-order", "", body.encode(), 1700000000000)
    assert post["ACCESS-SIGN"] == "4Chv/3ML3FMW8t5C0Dvq2dg7/NUnsx52FMeoWh0wX8U="
    assert post["ACCESS-TIMESTAMP"] == "1700000000000" and post["ACCESS-PASSPHRASE"] == "p"
    login = bitget_sign.login_args(creds, 1700000000)
    assert login == {"apiKey": "k", "passphrase": "p", "timestamp": 1700000000,
                     "sign": "QKXMEacdjBcrVZaxWVJypn62KNrQGzBErbiQtYn6KO8="}


def test_bybit_signer_matches_the_spec_vectors() -> None:
    # bybit.md §2.3: key TESTKEY123, secret TESTSECRET456, timestamp 1700000000000, window 5000.
    creds = RestClientV5("TESTKEY123", "TESTSECRET456").credentials
    get = bybit_sign.rest_headers(
        creds, 5000, "GET", "category=linear&symbol=BTCUSDT&cursor=page%253D2&limit=50", None, 1700000000000
    )
    assert get["X-BAPI-SIGN"] == "80bb9d93ac8100a3e27706119a9de8827b9d7ac33703ae41b9b728abfc3ffd0e"
    empty = bybit_sign.rest_headers(creds, 5000, "POST", "", "{}", 1700000000000)
    assert empty["X-BAPI-SIGN"] == "7b5484dcc2619eea3b78bec4922ff853c86240cbeb2618aa5d18b092863bb31c"
    assert bybit_sign.auth_args(creds, 1700000005000) == [
        "TESTKEY123", 1700000005000, "125d5f55fbb653f9100cbc0c07b413d6e5482740f9474d28fa6f7896dc05004b"
    ]


def test_bitget_rest_and_ws_login_sign_through_one_function() -> None:
    rest = RestClientV3("k", SECRET, "p", proxies={})
    ws = WebsocketClientV3("k", SECRET, "p")
    with mock.patch.object(bitget_sign, "sign", wraps=bitget_sign.sign) as spy, responses.RequestsMock() as rsps:
        rsps.add(responses.GET, "https://api.bitget.com/api/v3/account/assets",
                 json={"code": "00000", "msg": "success", "data": {}})
        rest.get_balances()
        sent = rsps.calls[0].request
        frame = json.loads(ws._login_frame("v3Private"))
    (rest_call, ws_call) = spy.call_args_list
    assert rest_call.args[1:4] == (int(sent.headers["ACCESS-TIMESTAMP"]), "GET", "/api/v3/account/assets")
    assert sent.headers["ACCESS-SIGN"] == _b64_hmac(SECRET, f"{sent.headers['ACCESS-TIMESTAMP']}GET/api/v3/account/assets")
    login = frame["args"][0]
    assert ws_call.args[1:4] == (login["timestamp"], "GET", "/user/verify")
    assert login["sign"] == _b64_hmac(SECRET, f"{login['timestamp']}GET/user/verify")
    rest.close()
    ws.close()


def test_bybit_rest_and_ws_auth_sign_through_one_function() -> None:
    rest = RestClientV5("k", SECRET, proxies={})
    ws = WebsocketClient("k", SECRET)
    with mock.patch.object(bybit_sign, "signature", wraps=bybit_sign.signature) as spy, \
            responses.RequestsMock() as rsps:
        rsps.add(responses.GET, "https://api.bybit.com/v5/account/wallet-balance",
                 json={"retCode": 0, "retMsg": "OK", "result": {}, "retExtInfo": {}, "time": 1})
        rest.get_wallet_balance(accountType="UNIFIED")
        sent = rsps.calls[0].request
        frame = json.loads(ws._login_frame("v5Private"))
    (rest_call, ws_call) = spy.call_args_list
    prehash = f"{sent.headers['X-BAPI-TIMESTAMP']}k5000accountType=UNIFIED"
    assert rest_call.args[1] == prehash
    assert sent.headers["X-BAPI-SIGN"] == hmac.new(SECRET.encode(), prehash.encode(), hashlib.sha256).hexdigest()
    key, expires, signature = frame["args"]
    assert ws_call.args[1] == f"GET/realtime{expires}" and key == "k"
    assert signature == hmac.new(SECRET.encode(), f"GET/realtime{expires}".encode(), hashlib.sha256).hexdigest()
    rest.close()
    ws.close()


def test_rsa_keys_sign_base64_on_both_exchanges() -> None:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    bybit = WebsocketClient("k", pem)
    _, expires, signature = json.loads(bybit._login_frame("v5Private"))["args"]
    key.public_key().verify(
        base64.b64decode(signature), f"GET/realtime{expires}".encode(), padding.PKCS1v15(), hashes.SHA256()
    )
    bitget = WebsocketClientV3("k", pem, "p")
    login = json.loads(bitget._login_frame("v3Private"))["args"][0]
    key.public_key().verify(
        base64.b64decode(login["sign"]), f"{login['timestamp']}GET/user/verify".encode(), padding.PKCS1v15(),
        hashes.SHA256(),
    )
    bybit.close()
    bitget.close()


# -- option values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options, words",
    [
        ({"timeout": None}, "timeout must be a positive number of seconds, got None"),
        ({"timeout": "10"}, "timeout must be a positive number of seconds, got a str"),
        ({"timeout": 0}, "got 0"),
        ({"timeout": float("nan")}, "got nan"),
        ({"timeout": float("inf")}, "got inf"),
        ({"timeout": (1, 2, 3)}, "(connect, read) pair, got 3 values"),
        ({"timeout": (1, -1)}, "each part of timeout=(connect, read)"),
        ({"timeout": True}, "got True"),
        ({"time_sync_interval": 0}, "time_sync_interval must be a positive number of seconds or None"),
        ({"time_offset_ms": "5"}, "time_offset_ms must be an int"),
        ({"time_offset_ms": 1.5}, "time_offset_ms must be an int"),
        ({"base_url": "api.bybit.com"}, "base_url must be a scheme and host"),
        ({"base_url": "https://api.bybit.com\r\nX-Evil: 1"}, "no spaces"),
        ({"base_url": b"https://api.bybit.com"}, "got a bytes"),
        ({"proxies": "http://proxy:3128"}, "proxies must be a dict"),
        ({"session": object()}, "session must be a requests.Session"),
    ],
)
@pytest.mark.parametrize("cls", [RestClientV3, RestClientV5])
def test_option_values_are_checked_at_construction(cls: type, options: Dict[str, Any], words: str) -> None:
    with pytest.raises(errors.InvalidParameterError) as caught:
        cls(**options)
    assert words in str(caught.value)


def test_timeout_pairs_and_numbers_are_kept() -> None:
    assert RestClientV5(timeout=(3, 7.5)).timeout == (3, 7.5)
    assert RestClientV3(timeout=2).timeout == 2


@pytest.mark.parametrize("bad", ["pass\nphrase-SECRET", " padded", "tab\there", "null\x00", "snow☃"])
@pytest.mark.parametrize("cls", BITGET)
def test_header_credentials_that_requests_would_echo_are_refused(cls: type, bad: str) -> None:
    # requests refuses such a header with its value in the message: the passphrase would leak.
    with pytest.raises(errors.InvalidParameterError) as caught:
        cls("key", SECRET, bad)
    assert "api_pass has surrounding whitespace" in str(caught.value) and bad not in str(caught.value)
    with pytest.raises(errors.InvalidParameterError, match="api_key has"):
        cls(bad, SECRET, "pass")


def test_a_pem_secret_keeps_its_line_breaks() -> None:
    pem = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
    RestClientV5("key", pem).close()  # loaded lazily: only the text is checked here


@pytest.mark.parametrize("cls", BYBIT)
def test_bybit_key_with_a_line_break_is_refused_without_echo(cls: type) -> None:
    with pytest.raises(errors.InvalidParameterError) as caught:
        cls("key\r\nX-Evil: 1", SECRET)
    assert "api_key has" in str(caught.value) and "X-Evil" not in str(caught.value)


@pytest.mark.parametrize("referer", ["", " ", "BROKER\n", "a\r\nX-Evil: 1", 7])
def test_a_referer_that_cannot_be_a_header_is_refused(referer: Any) -> None:
    with pytest.raises(errors.InvalidParameterError, match="referer must be your broker id"):
        RestClientV5(referer=referer)
