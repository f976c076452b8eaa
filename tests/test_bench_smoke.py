"""Smoke test of the benchmark harness: it runs, and it produces the table it promises.

Runs ``python -m bench --quick`` on the subset that needs only bitsdk and its own
dependencies (the REST floor against bitsdk, and import time) and checks the rows and the
result files. Performance is judged from the bench output, never here: no timing assertions.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOOR_LABEL = "requests Session(trust_env=False).send(PreparedRequest), hmac by hand"


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "rest,import", "--contenders", "floor,bitsdk", "--out", str(out)],
        cwd=str(ROOT), capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, out


def test_prints_one_table_with_the_expected_rows(bench_run):
    stdout, _ = bench_run
    lines = stdout.splitlines()
    assert lines[0].split()[:4] == ["Section", "Case", "Contender", "Median"]
    for case in ("Bybit signed GET", "Bybit signed POST", "Bitget signed GET", "Bitget signed POST"):
        for transport in ("", " (stub transport)"):
            rows = [line for line in lines if line.startswith("REST") and f"{case}{transport} " in line]
            assert any(FLOOR_LABEL in row for row in rows), case + transport
            assert any("bitsdk RestClientV" in row for row in rows), case + transport
    for statement in ("import requests, websocket, attrs", "import bitsdk.bybit;", "import bitsdk.bitget;"):
        assert any(line.startswith("Import") and statement in line for line in lines), statement
    body = [line for line in lines[2:] if line.startswith(("REST", "Import"))]
    assert len(body) == 8 * 2 + 2 + 5  # 8 REST rows per transport, the rate_limit pair, 5 imports
    assert not any("pybit" in line or "ccxt" in line for line in body)  # --contenders was honoured
    assert "failed:" not in stdout and "skipped:" not in stdout


def test_writes_markdown_and_json(bench_run):
    _, out = bench_run
    markdown = (out / "latest.md").read_text(encoding="utf-8")
    assert "| Section | Case | Contender | Median |" in markdown
    record = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    rows = record["rows"]
    assert record["environment"]["mode"] == "quick"
    assert {row["section"] for row in rows} == {"REST", "Import"}
    measured = [row for row in rows if row["median"] is not None]
    assert len(measured) == len(rows) == 8 * 2 + 2 + 5
    bitsdk_rest = [row for row in rows if row["section"] == "REST" and row["family"] == "bitsdk"]
    assert all(row["ratios"].get("floor") and row["target"] for row in bitsdk_rest)


def test_a_started_server_is_not_started_twice():
    # Sections start the server first (to report a failure as a skipped row), then enter it.
    sys.path.insert(0, str(ROOT))
    try:
        from bench.servers import ServerProcess
    finally:
        sys.path.remove(str(ROOT))
    server = ServerProcess("http")
    server.start()
    proc = server._proc
    with server as entered:
        assert entered is server and server._proc is proc
        with pytest.raises(RuntimeError, match="already running"):
            server.start()
    assert server._proc is None and proc.poll() is not None  # stopped and reaped: no orphan


@pytest.fixture(scope="module")
def scale_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench-scale")
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "scale", "--contenders", "floor,bitsdk", "--out", str(out)],
        cwd=str(ROOT), capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads((out / "latest.json").read_text(encoding="utf-8"))["rows"]


def test_scale_section_reports_every_case(scale_run):
    rows = scale_run
    assert {row["section"] for row in rows} == {"Scale"}
    assert not [row for row in rows if row["median"] is None], [row["note"] for row in rows if row["median"] is None]

    def cases(prefix):
        return [row for row in rows if row["case"].startswith(prefix)]

    for topics in ("1 topic,", "15 topics,", "150 topics,", "1,500 topics,"):
        cost = cases(f"per-message CPU, {topics}")
        assert sorted(row["family"] for row in cost) == ["bitsdk", "floor"], topics
        assert all(row["unit"].startswith("µs CPU/msg") for row in cost)
    steady_cpu = cases("steady 20,000 msg/s, 1 topic, n=10,000: CPU per message")
    assert sorted(row["family"] for row in steady_cpu) == ["bitsdk", "bitsdk", "floor"]
    assert all(row["verdict"] in ("ok", "MISS") for row in steady_cpu if row["family"] == "bitsdk")
    steady_latency = cases("steady 20,000 msg/s, 1 topic, n=10,000: callback latency p50")
    assert sorted(row["family"] for row in steady_latency) == ["bitsdk", "bitsdk", "floor"]
    for row in steady_latency:  # a latency from the server's stamp: positive, far below the run's length
        assert 0 < row["median"] < 500_000 and row["unit"].startswith("µs")
        assert row["family"] == "floor" or row["target"] == "≤ floor + 20 µs"
    (flat,) = cases("per-message CPU, 1,500 topics / 1 topic")
    assert flat["target"] and flat["verdict"] in ("ok", "MISS")
    for case in ("Bybit linear, 1,500 topics", "Bitget V2 public, 1,500 channels"):
        (row,) = cases(case)
        assert row["unit"].startswith("threads") and "connections" in row["note"] and row["verdict"]
    resume = cases("resume after a drop")
    assert sorted(row["family"] for row in resume) == ["bitsdk", "floor"]
    assert all(len(row["samples"]) == 2 for row in resume)  # one sample per drop
    slow = cases("slow callback")
    assert sorted(row["family"] for row in slow) == ["bitsdk", "floor"]
    assert "lag" in next(row["note"] for row in slow if row["family"] == "floor")
