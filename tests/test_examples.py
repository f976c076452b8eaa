"""Run every example script against the loopback exchange.

Each ``examples/*.py`` (except the ``_env.py`` helper) runs as its own process with
``BITSDK_LOOPBACK=1`` and ``BITSDK_PLACE_ORDERS=1``; it must exit with 0 and print no
traceback. A new example is picked up automatically. The scripts run in parallel (a few
threads), once per test session; each test then checks one script's outcome.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(path.name for path in EXAMPLES.glob("*.py") if not path.name.startswith("_"))
TIMEOUT = 60.0  # seconds per example
WORKERS = 6


def _env() -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BITGET_", "BYBIT_", "BITSDK_"))}
    env.update(
        BITSDK_LOOPBACK="1",
        BITSDK_PLACE_ORDERS="1",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        PYTHONUNBUFFERED="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def _run(script: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            [sys.executable, str(EXAMPLES / script)],
            cwd=str(ROOT), env=_env(), capture_output=True, text=True, timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired as exc:
        return subprocess.CompletedProcess(exc.cmd, -1, _text(exc.stdout), _text(exc.stderr) + f"\n[timed out after {TIMEOUT:g}s]")


def _text(data) -> str:
    if data is None:
        return ""
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else data


@pytest.fixture(scope="module")
def outcomes() -> Dict[str, subprocess.CompletedProcess]:
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return dict(zip(SCRIPTS, pool.map(_run, SCRIPTS)))


def test_examples_were_found():
    assert len(SCRIPTS) >= 20, SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS)
def test_example_runs_against_the_loopback(script, outcomes):
    result = outcomes[script]
    code, stdout, stderr = result.returncode, result.stdout, result.stderr
    report = f"--- stdout ---\n{stdout[-3000:]}\n--- stderr ---\n{stderr[-3000:]}"
    assert code == 0, f"{script} exited with {code}\n{report}"
    assert "Traceback" not in stderr, f"{script} printed a traceback\n{report}"
    assert stdout.strip(), f"{script} printed nothing\n{report}"
