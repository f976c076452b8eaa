"""The offline demo, run the way a newcomer runs it: ``python -m bitsdk demo`` in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

import bitsdk

# The folder holding the bitsdk under test: the checkout, or site-packages when the suite runs
# against an installed wheel. Subprocesses import bitsdk from there (cwd too: "python -m"
# puts the working directory first on sys.path).
SRC = Path(bitsdk.__file__).resolve().parents[1]
TIMEOUT = 120  # seconds; a safety net only (the demo takes a few seconds)
#: The terminal width the demo is run with, unless a test says otherwise ($COLUMNS).
COLUMNS = 80

STEP_TITLES = [
    "1. Server time and market data (public REST)",
    "2. Balances and account settings (signed REST)",
    "3. Public and private streams",
    "4. Demo trading: a limit order over REST",
    "5. WebSocket API: place and cancel",
    "6. Forced disconnect, reconnect, resubscribe and REST backfill",
]
BITGET_HEADING = "Bitget V3 / UTA"
BYBIT_HEADING = "Bybit V5"


def cli_env(columns: int = COLUMNS) -> "dict[str, str]":
    """The environment for a ``python -m bitsdk`` subprocess: this bitsdk, UTF-8, ``columns`` wide."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONIOENCODING"] = "utf-8"
    env["COLUMNS"] = str(columns)
    return env


def run_cli(*args: str, code: str = "", columns: int = COLUMNS) -> subprocess.CompletedProcess:
    """Run ``python -m bitsdk ARGS`` (or ``python -c CODE``)."""
    command: List[str] = [sys.executable, "-c", code] if code else [sys.executable, "-m", "bitsdk", *args]
    return subprocess.run(
        command, cwd=str(SRC), env=cli_env(columns), capture_output=True, encoding="utf-8", timeout=TIMEOUT, check=False
    )


def assert_fits(text: str, columns: int) -> None:
    """No line is wider than the terminal (less the one column the demo keeps free)."""
    too_wide = [line for line in text.splitlines() if len(line) > columns - 1]
    assert not too_wide, too_wide


def assert_clean(result: subprocess.CompletedProcess) -> None:
    """Exit code 0, nothing on stderr (no log noise), no traceback anywhere."""
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""


def flat(text: str) -> str:
    """The output with every run of whitespace as one space: checks do not depend on line wrapping."""
    return " ".join(text.split())


def section(text: str, heading: str, end: str) -> str:
    """The part of the output from ``heading`` to ``end``."""
    start = text.index(heading)
    stop = text.index(end, start + len(heading))
    return text[start:stop]


def assert_exchange_walk(text: str, public_key: str, private_key: str, open_status: str, cancelled_status: str) -> None:
    """One exchange's section shows every step, both orders placed and cancelled, and the reconnect."""
    for title in STEP_TITLES:
        assert title in text
    assert "FAILED" not in text
    assert text.count("order placed: orderId") == 2  # REST (demo trading) and WebSocket API
    assert text.count("order cancelled: orderId") == 2
    assert text.count("private stream saw:") == 2  # the demo account's stream, then the live one
    assert text.count(f"order {open_status} → ") == 2
    assert text.count(f"order {cancelled_status} → ") == 2
    for key in (public_key, private_key):
        assert f"events on {key}:" in text
    for kind in ("open", "authenticated", "response", "update"):
        assert f"{kind} " in text
    assert "connections reset" in text
    assert f"{public_key}: reconnect (retry in" in text
    assert "→ reconnected → resubscribed" in text
    assert "logged in again (fresh signature)" in text
    assert "reconnect 1, reconnected 1" in text
    assert "updates flow again" in text
    for backfill in ("balances:", "positions:", "open orders:", "fills:"):
        assert backfill in text


@pytest.fixture(scope="module")
def demo_output() -> str:
    pytest.importorskip("websockets.sync.server", reason="the demo's loopback exchange needs websockets")
    result = run_cli("demo")
    assert_clean(result)
    assert_fits(result.stdout, COLUMNS)
    return flat(result.stdout)


def test_demo_walks_both_exchanges(demo_output):
    text = demo_output
    assert text.index(BITGET_HEADING) < text.index(BYBIT_HEADING) < text.index("Summary")
    assert_exchange_walk(section(text, BITGET_HEADING, BYBIT_HEADING), "v3Public", "v3Private", "live", "cancelled")
    assert_exchange_walk(section(text, BYBIT_HEADING, "Summary"), "v5LinearPublic", "v5Private", "New", "Cancelled")


def test_demo_shows_what_was_sent(demo_output):
    text = demo_output
    # REST: verb, path and key parameters; streams: the call itself.
    assert "GET /api/v3/market/tickers category=SPOT symbol=BTCUSDT" in text
    assert "GET /v5/market/tickers category=linear symbol=BTCUSDT" in text
    assert "POST /api/v3/trade/place-order" in text and "clientOid=demo-bitget-rest-1" in text
    assert "POST /v5/account/demo-apply-money" in text
    assert "POST /v5/order/create" in text and "orderLinkId=demo-bybit-rest-1" in text
    assert 'ws.subscribe_v5(["tickers.BTCUSDT"], "linear")' in text
    assert "place-order spot" in text and "order.create" in text
    assert "paptrading: 1" in text
    assert "Bybit offers no WebSocket API in demo trading" in text
    assert "ex.faults.drop_all()" in text


def test_demo_summary_and_cleanup(demo_output):
    summary = demo_output[demo_output.index("Summary") :]
    assert summary.count("6/6 steps passed") == 2
    assert "no bitsdk thread left running" in summary
    assert "Done in" in summary
    # It ends by pointing at the docs and the examples.
    last = summary[summary.index("Done in") :]
    assert "docs/quickstart.rst" in last and "examples/" in last and "BITSDK_LOOPBACK=1" in last


def test_demo_one_exchange_in_a_narrow_terminal():
    pytest.importorskip("websockets.sync.server", reason="the demo's loopback exchange needs websockets")
    result = run_cli("demo", "--exchange", "bybit", columns=60)
    assert_clean(result)
    assert_fits(result.stdout, 60)
    text = flat(result.stdout)
    assert BYBIT_HEADING in text and BITGET_HEADING not in text
    assert_exchange_walk(section(text, BYBIT_HEADING, "Summary"), "v5LinearPublic", "v5Private", "New", "Cancelled")
    assert text.count("6/6 steps passed") == 1


@pytest.mark.parametrize("args", [["--help"], []])
def test_top_level_help(args):
    result = run_cli(*args)
    assert_clean(result)
    assert "usage: bitsdk" in result.stdout
    assert "demo" in result.stdout


def test_demo_help():
    result = run_cli("demo", "--help")
    assert_clean(result)
    assert "usage: bitsdk demo" in result.stdout
    assert "--exchange {bitget,bybit}" in result.stdout


def test_bad_exchange_is_a_usage_error():
    result = run_cli("demo", "--exchange", "binance")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr


def test_version():
    result = run_cli("--version")
    assert_clean(result)
    assert result.stdout == f"bitsdk {bitsdk.__version__}\n"


@pytest.mark.parametrize(
    "setup, message",
    [
        # None in sys.modules makes `import websockets` fail, as if it were not installed.
        ("sys.modules['websockets'] = None", 'the demo needs the "websockets" package'),
        # websockets 12 has a sync server, but the loopback's serve() call fails on it (TypeError).
        ("import websockets; websockets.__version__ = '12.0'", "needs websockets 13 or newer, found 12.0"),
    ],
    ids=["missing", "too-old"],
)
def test_unusable_websockets_prints_a_one_line_hint(setup, message):
    code = f"import sys; {setup}; from bitsdk.__main__ import main; sys.exit(main(['demo']))"
    result = run_cli(code=code)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert 'pip install --upgrade "websockets>=13"' in result.stderr
    assert "Traceback" not in result.stderr


def test_closed_pipe_stops_the_demo_quietly(tmp_path):
    # `python -m bitsdk demo | head -c 200`: the reader goes away after a few bytes.
    pytest.importorskip("websockets.sync.server", reason="the demo's loopback exchange needs websockets")
    errors = tmp_path / "stderr.txt"
    with open(errors, "w", encoding="utf-8") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bitsdk", "demo"], cwd=str(SRC), env=cli_env(), stdout=subprocess.PIPE, stderr=stderr
        )
        try:
            assert proc.stdout is not None
            head = proc.stdout.read(200)
            proc.stdout.close()
            status = proc.wait(timeout=TIMEOUT)
        finally:
            if proc.poll() is None:  # only when the wait above failed
                proc.kill()
                proc.wait()
    assert head.startswith(b"bitsdk ")
    assert status == 141  # 128 + SIGPIPE, as for a Unix tool killed by SIGPIPE
    assert errors.read_text(encoding="utf-8") == ""  # no traceback, no "Exception ignored" at exit


def test_main_returns_exit_codes(capsys):
    from bitsdk.__main__ import main

    assert main([]) == 0
    assert "usage: bitsdk" in capsys.readouterr().out
    assert main(["--help"]) == 0
    capsys.readouterr()
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"bitsdk {bitsdk.__version__}\n"
    assert main(["demo", "--exchange", "binance"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_a_failed_step_is_reported_and_the_rest_skipped(monkeypatch):
    pytest.importorskip("websockets.sync.server", reason="the demo's loopback exchange needs websockets")
    import dataclasses
    import io

    from bitsdk import _demo

    # An invalid demo-funds request: the exchange answers with an error code in step 4.
    broken = dataclasses.replace(_demo.BYBIT, demo_setup=(_demo.Call("request_demo_trading_funds", params={"adjustType": 7}),))
    monkeypatch.setitem(_demo.VENUES, "bybit", broken)
    out = io.StringIO()  # no encoding: the printer falls back to ASCII

    assert _demo.run(["bybit"], stream=out) == 1
    text = out.getvalue()
    assert "!! FAILED: APIError: code 10001" in text
    assert "[POST /v5/account/demo-apply-money]" in text
    assert "Skipping the remaining steps (5-6) on Bybit V5." in text
    assert "3/6 steps passed, step 4 failed" in text
    assert "no bitsdk thread left running" in text
    assert "Traceback" not in text
    text.encode("ascii")  # nothing outside ASCII when the stream cannot say
