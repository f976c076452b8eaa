"""The source distribution carries what its own test suite, docs, examples and benchmarks need.

The sdist is built with setuptools' PEP 517 backend in a subprocess: no ``build`` package, no
build isolation, so no network. The test is skipped where it cannot run: without setuptools 61+
or outside a source tree (when the suite runs from an unpacked sdist against an installed wheel
with the package folder moved away).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Set

import pytest

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 180  # seconds; a safety net only (the sdist takes a few seconds)

#: Folders whose every file the sdist must carry, and single files at the top.
FOLDERS = ("tests", "docs", "examples", "bench")
FILES = ("LICENSE", "README.md", "MANIFEST.in", "pyproject.toml", "setup.cfg", "setup.py", "tox.ini", "ruff.toml")
#: Local by-products that never belong in an sdist (see .gitignore).
SKIPPED_DIRS = {"__pycache__", "_build", ".pytest_cache", ".mypy_cache", ".ruff_cache"}
SKIPPED_SUFFIXES = (".pyc", ".pyo", ".tmp")


def _source_files() -> Set[str]:
    """Every file under FOLDERS (minus by-products), plus FILES, as paths relative to ROOT."""
    found = set(FILES)
    for folder in FOLDERS:
        for dirpath, dirnames, filenames in os.walk(ROOT / folder):
            dirnames[:] = [d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith(".")]
            for name in filenames:
                if not name.endswith(SKIPPED_SUFFIXES):
                    found.add((Path(dirpath) / name).relative_to(ROOT).as_posix())
    return found


def _setuptools_can_build() -> bool:
    try:
        import setuptools
    except ImportError:
        return False
    return int(setuptools.__version__.split(".")[0]) >= 61


def test_manifest_grafts_every_folder_the_suite_uses():
    lines = (ROOT / "MANIFEST.in").read_text(encoding="utf-8").splitlines()
    grafted = {line.split()[1] for line in lines if line.startswith("graft ")}
    assert set(FOLDERS) <= grafted
    # Every tests/ subfolder (ws, testing, data, ...) comes with "graft tests"; none is pruned.
    pruned = {line.split()[1] for line in lines if line.startswith("prune ")}
    assert not {p for p in pruned if p == "tests" or p.startswith("tests/")}


@pytest.mark.skipif(not (ROOT / "bitsdk" / "__init__.py").is_file(), reason="not a source tree: no bitsdk/ package here")
@pytest.mark.skipif(not _setuptools_can_build(), reason="building the sdist needs setuptools >= 61")
def test_sdist_contains_tests_docs_examples_and_bench(tmp_path):
    # Build from a copy: setuptools writes bitsdk.egg-info next to setup.cfg.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", "*.egg-info", "build", "dist", ".tox", ".venv"))
    out = tmp_path / "dist"
    code = "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(out)],
        cwd=str(source), capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    archive = out / result.stdout.strip().splitlines()[-1]
    with tarfile.open(archive) as tar:
        top = archive.name[: -len(".tar.gz")] + "/"
        members = {m.name[len(top):] for m in tar.getmembers() if m.isfile()}

    missing = sorted(_source_files() - members)
    assert not missing, f"not in the sdist: {missing}"
    for sub in ("tests/ws", "tests/testing", "tests/data", "bench/results", "docs/guide", "docs/api"):
        assert any(name.startswith(sub + "/") for name in members), sub
    assert "bitsdk/py.typed" in members
    assert not [name for name in members if "__pycache__" in name or name.endswith(SKIPPED_SUFFIXES)]
