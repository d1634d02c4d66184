"""Validate a graph against the SHACL shapes and report results a person can read.

>>> from kg.graph.builder import build_graph
>>> from kg.paths import DEMO_CORPUS
>>> report = validate_graph(build_graph(corpus_dir=DEMO_CORPUS).graph)
>>> report.conforms, len(report.results)
(True, 0)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result: which node, its label, which path, what is wrong."""

    focus: str
    label: str | None
    path: str | None
    message: str
    severity: str


@dataclass
class ValidationReport:
    """The outcome of validating a graph."""

    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)

    def text(self) -> str:
        """A human-readable report, one result per line."""
        if self.conforms:
            return "conforms: the graph satisfies every shape"
        lines = [f"{len(self.results)} violation(s):"]
        for r in self.results:
            who = f"{r.focus} ({r.label})" if r.label else r.focus
            lines.append(f"- {who}  {r.path or ''}: {r.message}")
        return "\n".join(lines)


def _short(graph: Graph, node) -> str:
    if isinstance(node, URIRef):
        iri = str(node)
        for prefix, ns in (("kgr", graph.store.namespace("kgr")), ("kg", graph.store.namespace("kg"))):
            if ns is not None and iri.startswith(str(ns)) and len(iri) > len(str(ns)):
                return f"{prefix}:{iri[len(str(ns)):]}"  # kgr:<doc-id>/<fact-id> reads better than the IRI
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:  # noqa: BLE001 - rdflib raises on IRIs it cannot shorten; fall back to the full IRI
            return f"<{node}>"
    return str(node)


def _label(graph: Graph, node) -> str | None:
    labels = list(graph.objects(node, RDFS.label)) + list(graph.objects(node, SKOS.prefLabel))
    zh = [x for x in labels if isinstance(x, Literal) and x.language == "zh"]
    pick = zh or labels
    return str(sorted(pick)[0]) if pick else None


def validate_graph(graph: Graph, *, shapes: Graph | None = None, shapes_file: Path | None = None) -> ValidationReport:
    """Run pySHACL (no inference; the ontology's subclass axioms are in the data graph)."""
    import pyshacl

    from kg.facts.ontology import load_shapes

    sg = shapes if shapes is not None else load_shapes(shapes_file)
    conforms, report_graph, _ = pyshacl.validate(graph, shacl_graph=sg, inference="none", advanced=True, abort_on_first=False)
    results = []
    for res in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = report_graph.value(res, SH.focusNode)
        path = report_graph.value(res, SH.resultPath)
        msgs = sorted(str(m) for m in report_graph.objects(res, SH.resultMessage))
        sev = report_graph.value(res, SH.resultSeverity)
        results.append(ValidationResult(
            focus=_short(graph, focus), label=_label(graph, focus),
            path=_short(graph, path) if path is not None else None,
            message=msgs[0] if msgs else "constraint violated",
            severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation"))
    results.sort(key=lambda r: (r.focus, r.path or "", r.message))
    return ValidationReport(conforms=bool(conforms), results=results)
