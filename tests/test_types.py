"""The types users meet: ``mypy --strict`` passes on bitsdk, and on a user's program it checks
every constructor option (explicit signatures, no ``**options``), so a wrong type or a
misplaced positional value is caught before the program runs.

Skipped where mypy is not installed (the ``lint`` tox env runs ``mypy --strict bitsdk`` too).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Dict, List

import pytest

mypy_api = pytest.importorskip("mypy.api")

ROOT = Path(__file__).resolve().parent.parent

# Each line marked "# E: <text>" must get an error containing <text>; every other line none.
PROGRAM = textwrap.dedent(
    """
    import logging
    import queue

    import bitsdk
    from bitsdk.bitget import RestClientV3, WebsocketAPIClient, WebsocketClientV2, WebsocketClientV3
    from bitsdk.bybit import RestClientV5, WebsocketClient
    from bitsdk.events import Event

    events: "queue.Queue[Event]" = queue.Queue()
    rest = RestClientV5("key", "secret", timeout=(3.0, 10.0), proxies={"https": "http://proxy:3128"})
    clock: bitsdk.Clock = rest.clock
    ws = WebsocketClient("key", "secret", testnet=True, clock=clock, event_queue=events, ping_interval=15,
                         logger=logging.getLogger("app"), reconnect_backoff=(1.0, 60.0))
    v3 = WebsocketClientV3("key", "secret", "pass", demo_trading=True, max_topics_per_connection=40)
    v2 = WebsocketClientV2(clock=RestClientV3().clock)
    api = WebsocketAPIClient("key", "secret", "pass", command_timeout=5.0)
    offset: int = ws.get_time_offset_ms() + v3.timestamp_ms()

    WebsocketClient(ping_interval="15")  # E: Argument "ping_interval" to "WebsocketClient" has incompatible type "str"
    WebsocketClient("key", "secret", True)  # E: Too many positional arguments for "WebsocketClient"
    WebsocketClientV3(proxies="http://proxy:3128")  # E: Argument "proxies" to "WebsocketClientV3" has incompatible type "str"
    WebsocketAPIClient(clock=3)  # E: Argument "clock" to "WebsocketAPIClient" has incompatible type "int"
    RestClientV5(clock=ws)  # E: Argument "clock" to "RestClientV5" has incompatible type "WebsocketClient"
    WebsocketClient(ping_intervall=15)  # E: Unexpected keyword argument "ping_intervall" for "WebsocketClient"
    """
)


def _expected(program: str) -> Dict[int, str]:
    return {
        number: line.split("# E: ", 1)[1]
        for number, line in enumerate(program.splitlines(), start=1)
        if "# E: " in line
    }


def test_mypy_strict_passes_on_bitsdk_and_checks_a_users_options(tmp_path: Path) -> None:
    program = tmp_path / "user_program.py"
    program.write_text(PROGRAM, encoding="utf-8")
    stdout, stderr, _ = mypy_api.run([
        "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), "--hide-error-context",
        "--no-error-summary", "--show-error-codes", str(ROOT / "bitsdk"), str(program),
    ])
    assert not stderr, stderr
    lines = [line for line in stdout.splitlines() if ": error:" in line]
    in_bitsdk = [line for line in lines if "user_program.py" not in line]
    assert in_bitsdk == [], "mypy --strict bitsdk reports errors:\n" + "\n".join(in_bitsdk)
    got: Dict[int, List[str]] = {}
    for line in lines:
        match = re.match(r".*user_program\.py:(\d+): error: (.*)", line)
        assert match, line
        got.setdefault(int(match.group(1)), []).append(match.group(2))
    expected = _expected(PROGRAM)
    assert set(got) == set(expected), stdout  # the correct lines pass, every wrong one fails
    for number, text in expected.items():
        assert any(text in message for message in got[number]), (number, got[number])
