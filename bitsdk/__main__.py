"""The ``bitsdk`` command line: ``python -m bitsdk demo`` (also the ``bitsdk`` console script).

::

    python -m bitsdk demo                    # both exchanges, offline, about ten seconds
    python -m bitsdk demo --exchange bybit   # one exchange
"""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from . import __version__

EXCHANGES = ("bitget", "bybit")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: one subcommand, ``demo``."""
    parser = argparse.ArgumentParser(
        prog="bitsdk",
        description="bitsdk: a synchronous, thread-based SDK for the Bitget (V3/UTA, V2) and Bybit (V5) APIs.",
        epilog='Start with "python -m bitsdk demo": it runs offline against the embedded loopback exchange.',
    )
    parser.add_argument("--version", action="version", version=f"bitsdk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser(
        "demo",
        help="walk the exchange tutorials' path offline, against the embedded loopback exchange",
        description=(
            "Start the embedded loopback exchange (bitsdk.testing) and walk the exchange tutorials' "
            "path on Bitget V3/UTA and Bybit V5: server time and market data, balances and account "
            "settings, public and private streams, a demo-trading limit order over REST, a WebSocket "
            "API place and cancel, and a forced disconnect with automatic reconnect, resubscribe and "
            "REST backfill. No account and no internet needed; needs the loopback extra: "
            'pip install "bitsdk[loopback]".'
        ),
    )
    demo.add_argument(
        "--exchange",
        choices=EXCHANGES,
        action="append",
        help="run on this exchange only (repeat for both; default: both, Bitget first)",
    )
    demo.add_argument("--traceback", action="store_true", help="print Python tracebacks of failed steps")
    demo.set_defaults(func=_run_demo)
    return parser


def _run_demo(args: argparse.Namespace) -> int:
    from . import _demo

    exchanges = tuple(dict.fromkeys(args.exchange)) if args.exchange else EXCHANGES
    return _demo.run(exchanges, show_traceback=args.traceback)


def main(argv: Optional[List[str]] = None) -> int:
    """Run the command line; returns the exit code (0 on success)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) or a usage error (2), already printed
        return exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("bitsdk: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
