"""Deterministic Turtle: same graph, byte-identical text, run after run.

>>> from rdflib import Graph, URIRef, Literal
>>> g = Graph(); g.add((URIRef("http://e/a"), URIRef("http://e/p"), Literal("x")))
>>> print(to_turtle(g).strip())
<http://e/a> <http://e/p> "x" .
"""
from __future__ import annotations

from rdflib import Graph


def to_turtle(graph: Graph) -> str:
    """Serialize with rdflib's Turtle writer (it sorts subjects and predicates; the graph has no blank nodes)."""
    return graph.serialize(format="turtle")
