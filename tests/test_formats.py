"""Result formats: aligned table (CJK = two columns), W3C CSV, TSV and JSON, ASK and graph results."""
from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from wcwidth import wcswidth

from kg.errors import InputError
from kg.ask.formats import format_result, short
from kg.ask.results import QueryResult

ROWS = QueryResult(kind="select", variables=["who", "n", "iri", "note"], rows=[
    {"who": Literal("易冉", lang="zh"), "n": Literal(52, datatype=XSD.integer),
     "iri": URIRef("https://w3id.org/kg-talent/id/yi-ran"), "note": Literal('say "hi", ok\tx')},
    {"who": Literal("Wu Zhe", lang="en"), "iri": BNode("b1")},
    {"who": Literal("中车株洲所时代电气"), "n": Literal("2022-07-03", datatype=XSD.date)},
])


def test_table_aligns_wide_characters():
    lines = format_result(ROWS, "table").splitlines()
    bars = [[wcswidth(line[:i]) for i, ch in enumerate(line) if ch == "|"] for line in lines if "|" in line]
    assert len(bars) == 4 and all(b == bars[0] for b in bars)  # header and rows: bars in the same columns
    assert "kgr:yi-ran" in lines[2] and "易冉" in lines[2]


def test_table_empty():
    assert format_result(QueryResult(kind="select", variables=["a"]), "table").endswith("(no rows)")


def test_csv_is_w3c_csv():
    rows = list(csv.reader(io.StringIO(format_result(ROWS, "csv"))))
    assert rows[0] == ["who", "n", "iri", "note"]
    assert rows[1] == ["易冉", "52", "https://w3id.org/kg-talent/id/yi-ran", 'say "hi", ok\tx']
    assert rows[2] == ["Wu Zhe", "", "_:b1", ""]


def test_tsv_uses_rdf_terms():
    lines = format_result(ROWS, "tsv").splitlines()
    assert lines[0] == "?who\t?n\t?iri\t?note"
    first = lines[1].split("\t")
    assert first[0] == '"易冉"@zh' and first[2] == "<https://w3id.org/kg-talent/id/yi-ran>"
    assert first[3] == '"say \\"hi\\", ok\\tx"'
    assert lines[3].split("\t")[1] == '"2022-07-03"^^<http://www.w3.org/2001/XMLSchema#date>'


def test_json_is_w3c_sparql_results():
    data = json.loads(format_result(ROWS, "json"))
    assert data["head"]["vars"] == ["who", "n", "iri", "note"]
    b = data["results"]["bindings"]
    assert b[0]["who"] == {"type": "literal", "value": "易冉", "xml:lang": "zh"}
    assert b[0]["n"] == {"type": "literal", "value": "52", "datatype": str(XSD.integer)}
    assert b[0]["iri"] == {"type": "uri", "value": "https://w3id.org/kg-talent/id/yi-ran"}
    assert b[1]["iri"] == {"type": "bnode", "value": "b1"} and "n" not in b[1]


def _dumped(result: QueryResult) -> str:
    """SPARQL JSON results by json.dumps (what to_json writes a term at a time)."""
    from kg.ask.formats import _json_term

    return json.dumps({"head": {"vars": list(result.variables)},
                       "results": {"bindings": [{v: _json_term(row[v]) for v in result.variables if row.get(v) is not None}
                                                for row in result.rows]}}, ensure_ascii=False, indent=2)


def test_json_text_is_json_dumps_text(graph):
    """The JSON printer writes each term's text once; the text is json.dumps(..., indent=2)'s, byte for byte:
    no variables, no rows, a row with nothing bound, escapes, every catalog answer of the shipped letter."""
    from kg.api import catalog, query

    odd = QueryResult(kind="select", variables=["a", "b"], rows=[{}, {"a": Literal('x\n"y\\', lang="zh")},
                                                                   {"b": BNode("b1"), "a": URIRef("http://e/é")}])
    cases = [QueryResult(kind="select"), QueryResult(kind="select", variables=["a"]), ROWS, odd]
    for name in catalog():
        r = query(name, graph=graph)
        if r.kind == "select":
            cases.append(r)
    assert sum(len(c.rows) for c in cases) > 100
    for case in cases:
        assert format_result(case, "json") == _dumped(case)


def test_ask_and_graph_results():
    yes = QueryResult(kind="ask", boolean=True)
    assert format_result(yes, "table") == "true"
    assert format_result(QueryResult(kind="ask", boolean=False), "csv") == "false"
    assert json.loads(format_result(yes, "json")) == {"head": {}, "boolean": True}
    g = Graph().add((URIRef("http://e/a"), URIRef("http://e/p"), Literal("甲")))
    text = format_result(QueryResult(kind="graph", graph=g), "table")
    assert len(Graph().parse(data=text, format="turtle")) == 1


def test_unknown_format():
    with pytest.raises(InputError, match="unknown format 'yaml'"):
        format_result(ROWS, "yaml")


def test_short_names():
    assert short(URIRef("https://w3id.org/kg-talent/ontology#Person")) == "kg:Person"
    assert short(URIRef("http://example.org/x")) == "http://example.org/x"
    assert short(None) == ""


def test_tsv_of_a_multiline_literal_parses_in_oxigraph_and_rdflib(graph):
    """`kg query find-quote --param text=010 --format tsv` used to write a \"\"\"…\"\"\" literal with a raw line break."""
    import pyoxigraph as ox
    from rdflib.plugins.sparql.results.tsvresults import TSVResultParser

    from kg.api import query

    result = query("find-quote", graph=graph, params={"text": "010"})
    assert any("\n" in str(row.get(v)) for row in result.rows for v in result.variables)  # the case at hand
    text = format_result(result, "tsv")
    assert '"""' not in text and len(text.splitlines()) == len(result.rows) + 1
    parsed = list(ox.parse_query_results(text.encode("utf-8"), format=ox.QueryResultsFormat.TSV))
    assert len(parsed) == len(result.rows)
    values = sorted(str(s[v].value) for s in parsed for v in result.variables if s[v] is not None
                    and isinstance(s[v], ox.Literal))
    assert values == sorted(str(row[v]) for row in result.rows for v in result.variables if isinstance(row.get(v), Literal))
    back = TSVResultParser().parse(io.StringIO(text))
    assert len(list(back)) == len(result.rows)


def test_numbers_print_one_way_by_value():
    from rdflib.namespace import XSD

    r = QueryResult(kind="select", variables=["n"], rows=[{"n": Literal("26.0", datatype=XSD.decimal)},
                                                          {"n": Literal("26", datatype=XSD.decimal)}])
    assert format_result(r, "csv").splitlines()[1:] == ["26", "26"]
    assert format_result(r, "tsv").splitlines()[1:] == ['"26"^^<http://www.w3.org/2001/XMLSchema#decimal>'] * 2
