"""``python -m bench``: run the sections, print one table, write bench/results/latest.{md,json}."""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path
from typing import List, Optional, Sequence

from . import ROOT
from .core import FAMILIES, SECTIONS, Config, Row, skipped_row
from .report import environment, render_text, write_results

#: Section name -> module running it.
MODULES = {
    "rest": "bench.rest", "stream": "bench.streams", "wsapi": "bench.wsapi", "import": "bench.imports",
    "conns": "bench.conns", "scale": "bench.scale",
}
TITLES = {"rest": "REST", "stream": "Streams", "wsapi": "WS API", "import": "Import", "conns": "Connections", "scale": "Scale"}


def _names(text: str, allowed: Sequence[str], what: str) -> tuple:
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in allowed]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown {what} {', '.join(unknown) or '(none)'}; choose from {', '.join(allowed)}")
    return names


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="bitsdk against pybit, ccxt and bare-library floors, on loopback servers.",
    )
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke run (about a minute)")
    parser.add_argument(
        "--only", type=lambda t: _names(t, SECTIONS, "section"), default=SECTIONS,
        help=f"comma-separated sections to run (default: all of {','.join(SECTIONS)})",
    )
    parser.add_argument(
        "--contenders", type=lambda t: _names(t, FAMILIES, "contender family"), default=FAMILIES,
        help=f"comma-separated contender families (default: all of {','.join(FAMILIES)})",
    )
    parser.add_argument(
        "--rest-stub", dest="rest_stub", action="store_true", default=True,
        help="also run the REST cases on a stub transport, client-side cost without socket or server (the default)",
    )
    parser.add_argument(
        "--no-rest-stub", dest="rest_stub", action="store_false", help="leave the stub-transport REST cases out",
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "results",
        help="directory for latest.md and latest.json (default: bench/results)",
    )
    return parser.parse_args(argv)


def run_sections(config: Config) -> List[Row]:
    """Run the chosen sections in order; a section that cannot run yields a 'skipped' row."""
    rows: List[Row] = []
    for name in SECTIONS:
        if name not in config.sections:
            continue
        print(f"[bench] {TITLES[name]} ...", file=sys.stderr, flush=True)
        started = time.monotonic()
        try:
            module = importlib.import_module(MODULES[name])
            rows += module.run(config)
        except Exception as exc:  # one broken section must not hide the others
            rows.append(skipped_row(TITLES[name], f"section failed: {type(exc).__name__}: {exc}"))
        print(f"[bench] {TITLES[name]} done in {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)
    return rows


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    config = Config(quick=args.quick, sections=args.only, families=args.contenders, rest_stub=args.rest_stub)
    started = time.monotonic()
    rows = run_sections(config)
    env = environment(config, argv, time.monotonic() - started)
    print(render_text(rows))
    path = write_results(rows, env, args.out)
    print(f"\nwritten: {path} and {path.with_suffix('.json').name} ({env['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
