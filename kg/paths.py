"""Where kg finds its files: the one place that knows.

Shipped with the package (read with ``importlib.resources``, so an installed kg works from any folder):
the ontology, vocabularies and shapes (``ONTOLOGY_DIR``), the question catalog and the verify checks
(``QUERIES_DIR``, ``VERIFY_DIR``) and an example corpus (``EXAMPLE_CORPUS``). In a source checkout these
are the top-level ``ontology/``, ``queries/`` and ``data/`` folders (``kg/resources/*`` link to them).

Working files are relative to the current directory: the corpus ``data/`` (or ``KG_CORPUS``; see
:func:`corpus_dir`) and the build folder ``build/`` with what ``kg build`` writes: the dataset
``build/graph.trig`` (one named graph per document; what every reading command reads by default) and its
union ``build/graph.ttl``.

>>> ONTOLOGY_FILES[0].name, SHAPES_FILE.name
('kg.ttl', 'shapes.ttl')
>>> sorted(p.name for p in QUERIES_DIR.glob("*.rq"))[:1]
['all-figures.rq']
>>> DEFAULT_GRAPH.as_posix(), DEFAULT_UNION.as_posix()
('build/graph.trig', 'build/graph.ttl')
"""
from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

#: The package's data folder (a real folder: kg is installed unpacked, never imported from a zip).
RESOURCES = Path(str(files("kg.resources")))
ONTOLOGY_DIR = RESOURCES / "ontology"
ONTOLOGY_FILES = [ONTOLOGY_DIR / "kg.ttl", ONTOLOGY_DIR / "vocab.ttl"]
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
QUERIES_DIR = RESOURCES / "queries"
VERIFY_DIR = QUERIES_DIR / "verify"
EXAMPLE_CORPUS = RESOURCES / "example"
#: A made-up one-document corpus (测试市, no real city): the neutral example of docstrings and doctests.
DEMO_CORPUS = RESOURCES / "demo"
DEMO_DOCUMENT = "demo-2025-7"

#: Working folders, relative to the current directory.
CORPUS_DIR = Path("data")
DEFAULT_OUT_DIR = Path("build")
DEFAULT_DATASET = DEFAULT_OUT_DIR / "graph.trig"  # what `kg build` writes: one named graph per document
DEFAULT_UNION = DEFAULT_OUT_DIR / "graph.ttl"  # ... and their union as Turtle
DEFAULT_GRAPH = DEFAULT_DATASET  # what every reading command reads by default
CORPUS_ENV = "KG_CORPUS"


def corpus_dir(corpus: Path | str | None = None, *, fallback: bool = True) -> Path:
    """The corpus folder: ``corpus`` if given, else ``$KG_CORPUS``, else ``./data``; with ``fallback``,
    the example corpus shipped with kg when there is no ``./data``.

    >>> corpus_dir("elsewhere")
    PosixPath('elsewhere')
    >>> corpus_dir("no-such-folder").exists()
    False
    """
    if corpus is not None:
        return Path(corpus)
    if os.environ.get(CORPUS_ENV):
        return Path(os.environ[CORPUS_ENV])
    if CORPUS_DIR.is_dir() or not fallback:
        return CORPUS_DIR
    return EXAMPLE_CORPUS
