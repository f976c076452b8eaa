"""The shared machinery: configuration, contenders, interleaved rounds, statistics, rows.

Every section builds a list of :class:`Contender` objects for one *case* (say "Bybit signed
GET"), hands them to :func:`measure`, which runs a warm-up and then interleaved rounds (the
order rotates each round, so drift and position effects hit every contender alike), and turns
the samples into :class:`Row` objects with :func:`case_rows`, which computes the medians, the
ratios to the reference contenders (the floor, pybit, ccxt) and the target verdicts.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import logging
import math
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple, Union

__all__ = [
    "FAMILIES",
    "SECTIONS",
    "DROPPED",
    "Config",
    "Contender",
    "Row",
    "Skip",
    "Target",
    "case_rows",
    "measure",
    "median",
    "missing_modules",
    "per_call_us",
    "percentile",
    "quiet",
    "samples_us",
    "skipped_row",
]

#: Section names, in the order they run and print.
SECTIONS = ("rest", "stream", "wsapi", "import", "conns", "scale")
#: Contender families: the reference floors, bitsdk, and the peers.
FAMILIES = ("floor", "bitsdk", "pybit", "ccxt")
#: The families every other contender is compared with (one of each per case at most).
REFERENCES = ("floor", "pybit", "ccxt")

Sample = Union[float, Sequence[float]]


@dataclass
class Config:
    """What to run and how much of it.

    Attributes:
        quick: small counts, for a smoke run.
        sections: the sections to run (a subset of :data:`SECTIONS`).
        families: the contender families to include (a subset of :data:`FAMILIES`).
        rest_stub: also run the REST cases on a stub transport (client-side cost only).
    """

    quick: bool = False
    sections: Tuple[str, ...] = SECTIONS
    families: Tuple[str, ...] = FAMILIES
    rest_stub: bool = True

    def pick(self, full: int, quick: int) -> int:
        """``quick`` in quick mode, else ``full``."""
        return quick if self.quick else full

    def select(self, contenders: Sequence["Contender"]) -> List["Contender"]:
        """The contenders whose family was asked for."""
        return [c for c in contenders if c.family in self.families]


class Skip(Exception):
    """Raised by a section (or a contender factory) that cannot run here; carries the reason."""


Runner = Union[Callable[[], Sample], Tuple[Callable[[], Sample], Callable[[], None]]]


@dataclass
class Contender:
    """One thing being measured in a case.

    Attributes:
        family: ``floor``, ``bitsdk``, ``pybit`` or ``ccxt`` (ratios are taken between families).
        label: what the table shows ("bitsdk RestClientV5").
        setup: builds the contender (clients, connections) and returns its ``run`` callable,
            or ``(run, close)``; ``run()`` makes one measured run and returns one sample (a
            number, or a dict of numbers that the section splits into metrics) or a list of
            samples. Raising :class:`Skip` or ``ImportError`` marks it skipped.
        reference: whether the ratios of the other contenders are taken to this one; a case
            may hold a second contender of a family (pybit with its defaults beside pybit run
            like for like), shown with ratios but never divided by.
    """

    family: str
    label: str
    setup: Callable[[], Runner]
    reference: bool = True


@dataclass(frozen=True)
class Target:
    """A goal for one family, relative to another: ``bitsdk <= 1.15 x floor``."""

    family: str
    reference: str
    op: str  # "<=" or ">="
    ratio: float
    text: str = ""  # how the table states it, when the ratio alone would read oddly
    only: Tuple[str, ...] = ()  # the contender labels it applies to (empty: the whole family)

    def applies(self, contender: "Contender") -> bool:
        return contender.family == self.family and (not self.only or contender.label in self.only)

    def met(self, value: float) -> bool:
        return value <= self.ratio if self.op == "<=" else value >= self.ratio

    def describe(self) -> str:
        if self.text:
            return self.text
        sign = "≤" if self.op == "<=" else "≥"
        return f"{sign}{self.ratio:g}x {self.reference}"


@dataclass
class Row:
    """One line of the result table.

    ``ratios`` maps a reference family to ``median / reference median`` (so for a time, below
    1 is better; for a throughput, above 1 is better; the unit says which).
    """

    section: str
    case: str
    contender: str
    family: str = ""
    median: Optional[float] = None
    unit: str = ""
    ratios: Dict[str, float] = field(default_factory=dict)
    target: str = ""
    verdict: str = ""
    note: str = ""
    samples: List[float] = field(default_factory=list)
    extra: Dict[str, float] = field(default_factory=dict)


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    if not n:
        return math.nan
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (``pct`` in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """No log records at all while timing (the clients' own logging is not what we measure)."""
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(previous)


def per_call_us(call: Callable[[], object], n: int) -> float:
    """Mean microseconds per call over ``n`` back-to-back calls (one sample)."""
    clock = time.perf_counter_ns
    start = clock()
    for _ in range(n):
        call()
    return (clock() - start) / n / 1000.0


DROPPED = object()
"""Returned by a call measured with :func:`samples_us` whose outcome never came (not recorded)."""


def samples_us(call: Callable[[], object], n: int) -> List[float]:
    """Microseconds of each of ``n`` calls (for medians and tails of single operations).

    A call returning :data:`DROPPED` is left out (its caller counts and reports it).
    """
    clock = time.perf_counter_ns
    out = []
    for _ in range(n):
        start = clock()
        result = call()
        elapsed = clock() - start
        if result is not DROPPED:
            out.append(elapsed / 1000.0)
    return out


def measure(contenders: Sequence[Contender], rounds: int, warmup: int = 1) -> Dict[str, Tuple[List[float], str]]:
    """Set every contender up, run ``warmup`` unrecorded and ``rounds`` recorded interleaved runs.

    The order rotates every round. A contender whose setup fails is reported as skipped; one
    whose run raises is dropped from later rounds and reported with its error. Everything is
    closed at the end. Returns ``{label: (samples, note)}``.
    """
    results: Dict[str, Tuple[List[float], str]] = {c.label: ([], "") for c in contenders}
    alive: List[Tuple[Contender, Callable[[], Sample]]] = []
    closers: List[Callable[[], None]] = []

    def fail(contender: Contender, exc: BaseException, what: str) -> None:
        if isinstance(exc, ModuleNotFoundError) and exc.name:
            text = f"{exc.name} not installed" if "." not in exc.name else f"{exc.name} not available (yet)"
        elif isinstance(exc, (Skip, ImportError)):
            text = str(exc)
        else:
            text = f"{type(exc).__name__}: {exc}"
        results[contender.label] = (results[contender.label][0], f"{what}: {text}"[:200])

    def one(entry: Tuple[Contender, Callable[[], Sample]], record: bool) -> None:
        gc.collect()
        try:
            out = entry[1]()
        except Exception as exc:  # reported in the table, never hidden
            fail(entry[0], exc, "failed")
            alive.remove(entry)
            return
        if record:
            results[entry[0].label][0].extend(out if isinstance(out, (list, tuple)) else [out])

    with quiet():
        try:
            for contender in contenders:
                try:
                    runner = contender.setup()
                except (Skip, ImportError) as exc:
                    fail(contender, exc, "skipped")
                    continue
                except Exception as exc:
                    fail(contender, exc, "failed")
                    continue
                run, close = runner if isinstance(runner, tuple) else (runner, lambda: None)
                closers.append(close)
                alive.append((contender, run))
            for _ in range(warmup):
                for entry in list(alive):
                    one(entry, record=False)
            for index in range(rounds):
                shift = index % max(1, len(alive))
                for entry in alive[shift:] + alive[:shift]:
                    if entry in alive:
                        one(entry, record=True)
        finally:
            for close in closers:
                try:
                    close()
                except Exception:
                    pass
    return results


def case_rows(
    section: str,
    case: str,
    contenders: Sequence[Contender],
    results: Dict[str, Tuple[List[float], str]],
    unit: str,
    targets: Sequence[Target] = (),
    summarize: Callable[[List[float]], Dict[str, float]] = lambda samples: {},
    note: Callable[[Contender, List[float]], str] = lambda contender, samples: "",
) -> List[Row]:
    """Turn one case's samples into rows: medians, ratios to each family present, verdicts."""
    medians: Dict[str, float] = {}
    for contender in contenders:
        samples, error = results.get(contender.label, ([], "not run"))
        if samples and not error and contender.reference:
            medians[contender.family] = median(samples)
    rows = []
    for contender in contenders:
        samples, error = results.get(contender.label, ([], "not run"))
        row = Row(section, case, contender.label, contender.family, unit=unit, samples=list(samples))
        if error or not samples:
            row.note = error or "no samples"
            rows.append(row)
            continue
        row.median = median(samples)
        row.extra = summarize(samples)
        row.ratios = {
            family: row.median / reference
            for family, reference in medians.items()
            if family in REFERENCES and (family != contender.family or not contender.reference) and reference
        }
        if contender.family == "floor" and contender.reference:
            row.ratios["floor"] = 1.0
        mine = [t for t in targets if t.applies(contender)]
        row.target = ", ".join(t.describe() for t in mine)
        checked = [t.met(row.ratios[t.reference]) for t in mine if t.reference in row.ratios]
        if checked:
            row.verdict = "ok" if all(checked) else "MISS"
        row.note = note(contender, samples)
        rows.append(row)
    return rows


def skipped_row(section: str, reason: str, case: str = "") -> Row:
    """A row saying a section (or a case) did not run, and why."""
    return Row(section, case or "-", "-", note=f"skipped: {reason}")


def missing_modules(*names: str) -> Optional[str]:
    """``"pybit not installed"`` when one of the modules cannot be found, else ``None``.

    Looks modules up without importing them (importing costs time and may start things).
    """
    missing = []
    for name in names:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(name.split(".")[0])
    return f"{', '.join(missing)} not installed" if missing else None
