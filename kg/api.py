"""The public Python API of kg: build, load, validate and write the knowledge graph.

>>> result = build(write=False)
>>> result.conforms, result.facts
(True, 139)
>>> g = result.graph
>>> len(g) == result.triples
True
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .errors import CheckFailed, InputError
from .namespaces import DEFAULT_BASE, new_graph
from .paths import DEFAULT_FACTS, DEFAULT_GRAPH
from .validate import ValidationReport


@dataclass
class BuildResult:
    """What ``build`` made: the graph, its size, the validation report and where it was written."""

    graph: Graph
    facts: int
    triples: int
    report: ValidationReport
    output: Path | None

    @property
    def conforms(self) -> bool:
        return self.report.conforms


def build(*, facts: list[Path] | None = None, output: Path | None = DEFAULT_GRAPH, base: str = DEFAULT_BASE,
          validate: bool = True, write: bool = True, ontology_dir: Path | None = None) -> BuildResult:
    """Build the graph from facts files, validate it, and write Turtle atomically.

    ``ontology_dir`` replaces the shipped ontology/ folder (kg.ttl, vocab.ttl, shapes.ttl).
    Nothing is written when validation fails (``CheckFailed`` is raised with the report text).
    """
    from .graph import build_graph
    from .output import write_atomic
    from .turtle import to_turtle
    from .validate import validate_graph

    from .ontology import load_ontology

    onto_files = [Path(ontology_dir) / "kg.ttl", Path(ontology_dir) / "vocab.ttl"] if ontology_dir else None
    shapes_file = Path(ontology_dir) / "shapes.ttl" if ontology_dir else None
    built = build_graph(list(facts or DEFAULT_FACTS), base=base,
                        ontology=load_ontology(onto_files) if onto_files else None)
    report = validate_graph(built.graph, shapes_file=shapes_file) if validate else ValidationReport(conforms=True)
    if not report.conforms:
        raise CheckFailed("the graph does not conform to the shapes:\n" + report.text())
    written = None
    if write and output is not None:
        written = write_atomic(Path(output), to_turtle(built.graph).encode("utf-8"))
    return BuildResult(graph=built.graph, facts=len(built.facts), triples=len(built.graph), report=report, output=written)


def load(path: Path = DEFAULT_GRAPH) -> Graph:
    """Load a built graph (Turtle, or any format rdflib guesses from the file name).

    >>> build(write=True) and len(load()) > 2000
    True
    """
    from rdflib.util import guess_format

    path = Path(path)
    if not path.exists():
        raise InputError("graph file not found", file=str(path), hint="run `kg build` first")
    g = new_graph()
    try:
        g.parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise InputError(f"cannot parse graph: {' '.join(str(exc).split())[:200]}", file=str(path)) from None
    return g


def validate(graph: Graph | Path | None = None) -> ValidationReport:
    """Validate a graph (or a graph file; default the built graph) against the shipped shapes.

    >>> validate(build(write=False).graph).conforms
    True
    """
    from .validate import validate_graph

    g = graph if isinstance(graph, Graph) else load(Path(graph) if graph else DEFAULT_GRAPH)
    return validate_graph(g)
