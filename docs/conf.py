"""Sphinx configuration for the bitsdk documentation.

Build it (warnings are errors, as in ``tox -e docs``)::

    sphinx-build -W --keep-going -b html docs docs/_build/html
"""

import ast
import importlib
import os
import re
import sys
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

# Document the package from this checkout, not from an installed copy.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, os.fspath(ROOT))

import bitsdk  # noqa: E402

project = "bitsdk"
author = "the bitsdk authors"
copyright = "the bitsdk authors"
release = bitsdk.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

# reStructuredText only: the docs extra installs no Markdown parser.
source_suffix = {".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build"]
language = "en"

# -- autodoc --------------------------------------------------------------------------------
# autodoc imports the modules, so it sees the ~870 endpoint methods that the endpoint()
# factory creates when each class is created, each with its own __doc__ and __signature__.
autodoc_member_order = "bysource"
autoclass_content = "both"  # class docstring + __init__ docstring (the constructor options)
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
autodoc_inherit_docstrings = True

napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_include_init_with_doc = False
napoleon_use_rtype = True

# References that cannot be resolved (types from the standard library, requests,
# websocket-client) are rendered as plain text instead of failing the build. No intersphinx:
# the build must work offline.
nitpicky = False

# -- HTML -----------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"bitsdk {release}"
html_show_sourcelink = False


def _skip_member(app, what, name, obj, skip, options):
    """Keep engine plumbing out of the API reference.

    The REST and WebSocket base classes carry upper-case class attributes (the endpoint
    table, default URLs, logger names, parameter spellings) that exist for the engine, not for
    users. With ``:inherited-members:``, autodoc would list them on every client. The endpoint
    methods are left to the endpoint directive below, which groups them by family.
    """
    if what == "class" and name.isupper():
        return True
    # Endpoint methods are documented by family with ``.. bitsdk-endpoints::`` instead.
    if what == "class" and getattr(obj, "endpoint_spec", None) is not None:
        return True
    return skip


# -- the examples list -----------------------------------------------------------------------
# ``.. bitsdk-examples::`` lists the scripts in the repository's examples/ folder with the first
# line of each one's docstring, so the page stays in step as scripts are added or renamed.

EXAMPLES_DIR = ROOT / "examples"
EXAMPLE_GROUPS = {"bitget": "Bitget", "bybit": "Bybit"}


def _summary(path):
    """The first paragraph of a script's docstring, on one line ("" when it has none)."""
    try:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        doc = None
    if not doc:
        return ""
    return " ".join(doc.strip().split("\n\n", 1)[0].split())


def _inline(text):
    """Text nodes, with ``double backquoted`` spans as literals (no other markup is parsed)."""
    parts = re.split(r"``(.+?)``", text)
    return [nodes.literal(text=part) if i % 2 else nodes.Text(part) for i, part in enumerate(parts) if part]


def _group(rel):
    """Sub-folder name, else the exchange named by the file-name prefix, else both."""
    if len(rel.parts) > 1:
        return rel.parts[0] + "/"
    prefix = rel.name.split("_", 1)[0]
    return EXAMPLE_GROUPS.get(prefix, "Both exchanges")


class ExamplesDirective(SphinxDirective):
    """A bullet list of examples/**/*.py (names starting with ``_`` skipped), by exchange.

    Summaries are inserted as plain text (not parsed), so a docstring can never break the
    build with stray markup.
    """

    has_content = False

    def run(self):
        scripts = []
        if EXAMPLES_DIR.is_dir():
            scripts = sorted(
                p for p in EXAMPLES_DIR.rglob("*.py")
                if not p.name.startswith("_") and "__pycache__" not in p.parts
            )
        if not scripts:
            return [nodes.paragraph(text="No example scripts are in the examples/ folder yet.")]
        groups = {}
        for path in scripts:
            self.env.note_dependency(os.fspath(path))
            rel = path.relative_to(EXAMPLES_DIR)
            groups.setdefault(_group(rel), []).append((rel, _summary(path)))
        order = ["Bitget", "Bybit", "Both exchanges"]
        result = []
        for group in sorted(groups, key=lambda g: (order.index(g) if g in order else len(order), g)):
            section = nodes.rubric(text=group)
            result.append(section)
            items = nodes.bullet_list()
            for rel, summary in groups[group]:
                para = nodes.paragraph()
                para += nodes.literal(text=f"examples/{rel.as_posix()}")
                if summary:
                    para += nodes.Text(": ")
                    para.extend(_inline(summary))
                item = nodes.list_item()
                item += para
                items += item
            result.append(items)
        return result


# -- endpoint methods by family ---------------------------------------------------------------
# ``.. bitsdk-endpoints:: bitsdk.bitget.RestClientV3`` documents a client's endpoint methods grouped
# by the family of their path (``/api/v3/market``, ``/v5/order``, ...): first a short table of
# contents (family, count, link), then one section per family with the methods in source order.
# The list comes from the class's ``ENDPOINTS`` table, so it follows the code without a generated file.


def endpoint_family(path):
    """``/api/v3/market/tickers`` -> ``/api/v3/market``; ``/v5/order/create`` -> ``/v5/order``."""
    parts = path.split("/")
    return "/".join(parts[: 4 if path.startswith("/api/") else 3])


def endpoint_families(cls):
    """``{family: [method names]}`` in source order (families in order of first appearance)."""
    families = {}
    for name, spec in cls.ENDPOINTS.items():
        families.setdefault(endpoint_family(spec.path), []).append(name)
    return families


def endpoint_rst(target, cls):
    """The reStructuredText of a client's endpoint reference (see the directive)."""
    class_name = cls.__name__
    families = endpoint_families(cls)
    labels = {family: f"{class_name.lower()}-{family.strip('/').replace('/', '-')}" for family in families}
    lines = [
        f"{class_name} endpoints",
        "-" * (len(class_name) + 10),
        "",
        f"{len(cls.ENDPOINTS)} endpoint methods in {len(families)} families, by the path they call. "
        "Each method's docstring opens with what it does and links the exchange's page for it.",
        "",
    ]
    for family, names in families.items():
        lines.append(f"* :ref:`{family} <{labels[family]}>`: {len(names)}")
    lines.append("")
    for family, names in families.items():
        title = f"``{family}`` ({class_name})"
        lines += [f".. _{labels[family]}:", "", title, "~" * len(title), ""]
        lines += [f".. automethod:: {target}.{name}" for name in names]
        lines.append("")
    return lines


class EndpointsDirective(SphinxDirective):
    """A client's endpoint methods, grouped by family, with a table of contents."""

    required_arguments = 1
    has_content = False

    def run(self):
        target = self.arguments[0]
        module_name, _, class_name = target.rpartition(".")
        cls = getattr(importlib.import_module(module_name), class_name)
        source = self.get_source_info()[0]
        content = StringList()
        for i, line in enumerate(endpoint_rst(target, cls)):
            content.append(line, source, i)
        node = nodes.section()
        node.document = self.state.document
        nested_parse_with_titles(self.state, content, node)
        return node.children


def setup(app):
    app.connect("autodoc-skip-member", _skip_member)
    app.add_directive("bitsdk-examples", ExamplesDirective)
    app.add_directive("bitsdk-endpoints", EndpointsDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
