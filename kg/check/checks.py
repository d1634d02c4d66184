"""Checks that must find nothing: the SPARQL checks of queries/verify/ plus the quote-offset check in Python.

SPARQL can check that a quote's length matches its offsets; only Python can read the source text and check
that the words at those offsets are the quote, so that check is :func:`check_quote_offsets`.

>>> from rdflib import Graph
>>> g = Graph().parse(data='''@prefix kg: <https://w3id.org/kg-talent/ontology#> .
... @prefix prov: <http://www.w3.org/ns/prov#> .
... <http://e/q> a kg:SourceQuote ; prov:value "张三" ; kg:startOffset 0 ; kg:endOffset 2 .''', format="turtle")
>>> [str(row["problem"]) for row in check_quote_offsets(g).rows]
['quote lacks its words, offsets or source file name']
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF

from kg.ask.catalog import load_checks
from kg.namespaces import KG
from kg.paths import VERIFY_DIR, corpus_dir
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


def find_sources(graph: Graph, corpus: Path | str | None = None) -> dict[URIRef, Path | str]:
    """Each ``kg:SourceText`` of the graph → its file in the corpus, or why it is not there.

    A source text is ``documents/<kg:documentId>/<kg:fileName>`` of the corpus folder (default
    :func:`kg.paths.corpus_dir`), or else the file under the corpus folder, at any depth, whose name is the graph's ``kg:fileName`` and whose SHA-256 is the graph's ``kg:sha256``: the graph says
    which text it was built from, wherever the facts file that cites it lies in the corpus.
    """
    import hashlib

    root = corpus_dir(corpus)
    out: dict[URIRef, Path | str] = {}
    for node in sorted(graph.subjects(RDF.type, KG.SourceText)):
        name, digest = graph.value(node, KG.fileName), graph.value(node, KG.sha256)
        if name is None:
            out[node] = "source text has no kg:fileName"
            continue
        doc = graph.value(node, KG.documentId)
        direct = root / "documents" / str(doc) / str(name) if doc is not None and "/" not in str(name) else None
        if direct is not None and direct.is_file():  # the corpus layout: documents/<doc-id>/<file>
            candidates = [direct]
        else:
            candidates = sorted(root.rglob(str(name))) if root.is_dir() and "/" not in str(name) else []
        match = [c for c in candidates if c.is_file()
                 and (digest is None or hashlib.sha256(c.read_bytes()).hexdigest() == str(digest))]
        if match:
            out[node] = match[0]
        elif candidates:
            out[node] = f"source text {name} in {root} differs from the one the graph was built from (SHA-256)"
        else:
            out[node] = f"source text {name} not found in {root} (give --corpus DIR, the folder of the facts and sources)"
    return out


def _offset(term) -> int | None:
    """A quote offset as a non-negative int, or None when the literal is not one (e.g. "abc")."""
    text = str(term)
    return int(text) if isinstance(term, Literal) and text.isascii() and text.isdigit() and len(text) < 16 else None


def check_quote_offsets(graph: Graph, corpus: Path | str | None = None) -> QueryResult:
    """Quotes whose source text (found by :func:`find_sources`) does not hold the quote's words at its offsets."""
    rows = []
    sources = find_sources(graph, corpus)
    texts: dict[URIRef, str] = {}
    for quote in sorted(graph.subjects(RDF.type, KG.SourceQuote)):
        value = graph.value(quote, PROV.value)
        start = graph.value(quote, KG.startOffset)
        end = graph.value(quote, KG.endOffset)
        src = graph.value(quote, KG.sourceText)
        problem = None
        if value is None or start is None or end is None or src is None or graph.value(src, KG.fileName) is None:
            problem = "quote lacks its words, offsets or source file name"
        elif not (_offset(start) is not None and _offset(end) is not None and _offset(start) <= _offset(end)):
            problem = f"offsets {start}..{end} are not two whole numbers, start <= end"
        else:
            found = sources.get(src, "source text is not a kg:SourceText")
            if isinstance(found, str):
                problem = found
            else:
                if src not in texts:
                    texts[src] = read_source(found).text
                if texts[src][_offset(start):_offset(end)] != str(value):
                    problem = f"source text at {_offset(start)}..{_offset(end)} is not the quote"
        if problem:
            rows.append({"quote": quote, "problem": Literal(problem)})
    return QueryResult(kind="select", variables=["quote", "problem"], rows=rows)


def verify_graph(graph: Graph, *, checks_dir: Path = VERIFY_DIR, corpus: Path | str | None = None) -> VerifyReport:
    """Run every check on ``graph``; the report lists each check and the rows that break it.

    ``corpus`` is the folder that holds the source texts (default :func:`kg.paths.corpus_dir`).
    """
    from kg.ask.sparql import run_store
    from kg.store.embedded import memory_store

    # the SPARQL checks run on Oxigraph (milliseconds each; rdflib's engine takes ~50 ms per check here)
    store = memory_store(graph.serialize(format="nt", encoding="utf-8"), fmt="nt")
    report = VerifyReport()
    for name, check in load_checks(checks_dir).items():
        report.checks.append(CheckResult(name=name, title=check.title_en, result=run_store(check.text, store)))
    report.checks.append(CheckResult(name="quote-offsets-match-source",
                                     title="Quotes whose words are not at their offsets in the source text",
                                     result=check_quote_offsets(graph, corpus)))
    return report
