"""Where the shipped data lives: ontology, vocabularies, shapes, facts, queries.

>>> ONTOLOGY_FILES[0].name
'kg.ttl'
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_FILES = [ONTOLOGY_DIR / "kg.ttl", ONTOLOGY_DIR / "vocab.ttl"]
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
DATA_DIR = ROOT / "data"
DEFAULT_FACTS = [DATA_DIR / "zhuzhou-2022-37.facts.yaml"]
QUERIES_DIR = ROOT / "queries"
VERIFY_DIR = QUERIES_DIR / "verify"
DEFAULT_OUT_DIR = ROOT / "build"
DEFAULT_GRAPH = DEFAULT_OUT_DIR / "graph.ttl"
