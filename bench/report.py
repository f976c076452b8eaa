"""The result table (plain text for the terminal, Markdown for the file) and the JSON record."""

from __future__ import annotations

import json
import math
import os
import platform
import subprocess
import sys
import time
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from . import ROOT
from .core import Config, Row

__all__ = ["environment", "render_text", "render_markdown", "write_results"]

COLUMNS = ("Section", "Case", "Contender", "Median", "Unit", "x floor", "x pybit", "x ccxt", "Target", "Result", "Notes")
LEGEND = (
    "Medians over interleaved rounds after a warm-up, all on 127.0.0.1. `x floor`/`x pybit`/`x ccxt` = "
    "this median / that contender's median in the same case (↓ units: below 1 is better; "
    "↑ units: above 1 is better). The floor is the bare library doing the same work by hand."
)
PACKAGES = ("bitsdk", "requests", "urllib3", "websocket-client", "attrs", "orjson", "websockets", "pybit", "ccxt", "psutil")


def _number(value: Optional[float]) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    magnitude = abs(value)
    if magnitude >= 1000:
        return f"{value:,.0f}"
    if magnitude >= 100:
        return f"{value:.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _cells(row: Row) -> List[str]:
    def ratio(family: str) -> str:
        value = row.ratios.get(family)
        return "" if value is None else f"{value:.2f}x"

    return [
        row.section, row.case, row.contender, _number(row.median), row.unit if row.median is not None else "",
        ratio("floor"), ratio("pybit"), ratio("ccxt"), row.target, row.verdict, row.note,
    ]


def render_text(rows: Sequence[Row]) -> str:
    """An aligned plain-text table; a rule between sections."""
    table = [list(COLUMNS)] + [_cells(r) for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS) - 1)]
    numeric = {3, 5, 6, 7}

    def line(cells: List[str]) -> str:
        parts = [c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))]
        return "  ".join(parts + [cells[-1]]).rstrip()

    out = [line(table[0]), "-" * (sum(widths) + 2 * len(widths) + 5)]
    previous = None
    for row, cells in zip(rows, table[1:]):
        if previous is not None and row.section != previous:
            out.append("")
        previous = row.section
        out.append(line(cells))
    return "\n".join(out)


def render_markdown(rows: Sequence[Row], env: Dict[str, Any]) -> str:
    """The Markdown report: provenance, the table, the legend."""
    def esc(text: str) -> str:
        return text.replace("|", "\\|")

    head = [
        "# bitsdk benchmark results",
        "",
        f"- run: {env['date']} ({env['mode']} mode, {env['seconds']:.0f} s), command `{env['command']}`",
        f"- machine: {env['platform']}, {env['cpus']} CPUs, Python {env['python']}",
        f"- commit: {env['commit']}",
        "- packages: " + ", ".join(f"{name} {version}" for name, version in env["packages"].items()),
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "|".join("---:" if i in (3, 5, 6, 7) else "---" for i in range(len(COLUMNS))) + "|",
    ]
    body = ["| " + " | ".join(esc(c) for c in _cells(r)) + " |" for r in rows]
    return "\n".join(head + body + ["", LEGEND, ""])


def environment(config: Config, argv: Sequence[str], seconds: float) -> Dict[str, Any]:
    """Where and how the numbers were taken."""
    packages = {}
    for name in PACKAGES:
        try:
            packages[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            packages[name] = "absent"
    if packages["bitsdk"] == "absent":  # run from the source tree without installing it
        try:
            import bitsdk

            packages["bitsdk"] = f"{bitsdk.__version__} (source tree)"
        except ImportError:
            pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=str(ROOT), capture_output=True, text=True, timeout=5
        ).stdout.strip() or "unknown"
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=str(ROOT), capture_output=True, text=True, timeout=5
        ).stdout.strip()
        commit += " (uncommitted changes)" if dirty else ""
    except (OSError, subprocess.SubprocessError):
        commit = "unknown"
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "mode": "quick" if config.quick else "full",
        "seconds": seconds,
        "command": " ".join(["python -m bench", *argv]),
        "platform": f"{platform.system()} {platform.release()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "commit": commit,
        "packages": packages,
        "sections": list(config.sections),
        "families": list(config.families),
    }


def write_results(rows: Sequence[Row], env: Dict[str, Any], out_dir: Path) -> Path:
    """Write ``latest.md`` and ``latest.json`` into ``out_dir``; returns the Markdown path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    markdown = out_dir / "latest.md"
    markdown.write_text(render_markdown(rows, env), encoding="utf-8")
    record = {"environment": env, "rows": [asdict(r) for r in rows]}
    for row in record["rows"]:
        row["samples"] = [round(x, 3) if isinstance(x, float) else x for x in row["samples"]]
    (out_dir / "latest.json").write_text(json.dumps(record, indent=1, ensure_ascii=False), encoding="utf-8")
    return markdown
