"""The ``bitsdk`` command line: ``python -m bitsdk demo`` (also the ``bitsdk`` console script).

::

    python -m bitsdk demo                    # both exchanges, offline, about ten seconds
    python -m bitsdk demo --exchange bybit   # one exchange
    python -m bitsdk --version

When the reader of the output goes away early (``python -m bitsdk demo | head``), the command
stops quietly with exit status 141 (128 + SIGPIPE), as a Unix tool killed by SIGPIPE would.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import List, Optional

from . import __version__

EXCHANGES = ("bitget", "bybit")
#: Exit status after the output pipe closed: 128 + SIGPIPE (13), what a shell shows for `cat` in `cat big | head`.
EXIT_BROKEN_PIPE = 141


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
            "REST backfill. No account and no internet needed; needs websockets 13 or newer (the "
            'loopback extra: pip install -e ".[loopback]" in a clone).'
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
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE


def _discard_stdout() -> None:
    """Point stdout at the null device: the interpreter flushes stdout at exit, and writing the
    buffered rest into the closed pipe would fail again with a traceback (see the Python docs,
    signal module, "Note on SIGPIPE")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout replaced by an object without a file
        pass


if __name__ == "__main__":
    sys.exit(main())
