"""Checks that must find nothing: the SPARQL checks of queries/verify/ plus the quote-offset check in Python.

SPARQL can check that a quote's length matches its offsets; only Python can read the source text and check
that the words at those offsets are the quote, so that check is :func:`check_quote_offsets`.

>>> from rdflib import Graph
>>> g = Graph().parse(data='''@prefix kg: <https://w3id.org/kg-talent/ontology#> .
... @prefix prov: <http://www.w3.org/ns/prov#> .
... <http://e/q> a kg:SourceQuote ; prov:value "易冉" ; kg:startOffset 0 ; kg:endOffset 2 .''', format="turtle")
>>> [str(row["problem"]) for row in check_quote_offsets(g).rows]
['quote lacks its words, offsets or source file name']
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF

from kg.ask.catalog import load_checks
from kg.namespaces import KG
from kg.paths import DATA_DIR, VERIFY_DIR
from kg.ask.results import QueryResult
from kg.sources.text import read_source


@dataclass
class CheckResult:
    """One check: its name, question, and the rows that break it (none when it passes)."""

    name: str
    title: str
    result: QueryResult

    @property
    def ok(self) -> bool:
        return not self.result.rows


@dataclass
class VerifyReport:
    checks: list[CheckResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def failed(self) -> list[CheckResult]:
        return [c for c in self.checks if not c.ok]


def check_quote_offsets(graph: Graph, sources_dir: Path = DATA_DIR / "sources") -> QueryResult:
    """Quotes whose source text (by kg:fileName) does not hold the quote's words at its offsets."""
    rows = []
    texts: dict[str, str | None] = {}
    for quote in sorted(graph.subjects(RDF.type, KG.SourceQuote)):
        value = graph.value(quote, PROV.value)
        start = graph.value(quote, KG.startOffset)
        end = graph.value(quote, KG.endOffset)
        src = graph.value(quote, KG.sourceText)
        name = graph.value(src, KG.fileName) if src is not None else None
        problem = None
        if value is None or start is None or end is None or name is None:
            problem = "quote lacks its words, offsets or source file name"
        else:
            key = str(name)
            if key not in texts:
                path = Path(sources_dir) / key
                texts[key] = read_source(path).text if path.is_file() else None
            text = texts[key]
            if text is None:
                problem = f"source text {key} not found in {sources_dir}"
            elif text[int(start):int(end)] != str(value):
                problem = f"source text at {int(start)}..{int(end)} is not the quote"
        if problem:
            rows.append({"quote": quote, "problem": Literal(problem)})
    return QueryResult(kind="select", variables=["quote", "problem"], rows=rows)


def verify_graph(graph: Graph, *, checks_dir: Path = VERIFY_DIR, sources_dir: Path = DATA_DIR / "sources") -> VerifyReport:
    """Run every check on ``graph``; the report lists each check and the rows that break it."""
    from kg.ask.sparql import run_local

    report = VerifyReport()
    for name, check in load_checks(checks_dir).items():
        report.checks.append(CheckResult(name=name, title=check.title_en, result=run_local(check.text, graph)))
    report.checks.append(CheckResult(name="quote-offsets-match-source",
                                     title="Quotes whose words are not at their offsets in the source text",
                                     result=check_quote_offsets(graph, sources_dir)))
    return report
