"""Format a QueryResult: an aligned table (wide CJK characters counted as two columns), CSV, TSV, SPARQL JSON.

ASK results print ``true`` or ``false``; CONSTRUCT/DESCRIBE results print Turtle.

>>> from rdflib import Literal, URIRef
>>> r = QueryResult(kind="select", variables=["name", "n"],
...                 rows=[{"name": Literal("易冉", lang="zh"), "n": Literal(2)}, {"name": Literal("Yi")}])
>>> print(format_result(r, "table"))
name | n
-----+--
易冉 | 2
Yi   |
>>> format_result(r, "csv").splitlines()
['name,n', '易冉,2', 'Yi,']
"""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node
from wcwidth import wcswidth

from kg.errors import InputError
from kg.namespaces import PREFIXES
from kg.ask.results import QueryResult

FORMATS = ("table", "csv", "tsv", "json")
SHORT = dict(PREFIXES, kgr="https://w3id.org/kg-talent/id/")


def short(term: Node | None, prefixes: dict[str, str] | None = None) -> str:
    """A term for people: prefixed names for IRIs, the text of literals.

    >>> short(URIRef("https://w3id.org/kg-talent/id/yi-ran"))
    'kgr:yi-ran'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        best = ""
        for prefix, ns in (prefixes or SHORT).items():
            if str(term).startswith(ns) and len(ns) > len(best):
                best, name = ns, f"{prefix}:{str(term)[len(ns):]}"
        return name if best else str(term)
    if isinstance(term, BNode):
        return "_:" + str(term)
    return str(term)


def _width(text: str) -> int:
    w = wcswidth(text)
    return w if w >= 0 else len(text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cell(text: str) -> str:
    return " ".join(text.split()) if ("\n" in text or "\t" in text or "\r" in text) else text


def _display(term: Node | None) -> str:
    """How a table shows a term: decimals without trailing zeros (50000.0 → 50000, 0.50 → 0.5).

    >>> from rdflib import Literal
    >>> from rdflib.namespace import XSD
    >>> _display(Literal("1300000.00", datatype=XSD.decimal)), _display(Literal("0.50", datatype=XSD.decimal))
    ('1300000', '0.5')
    """
    if isinstance(term, Literal) and term.datatype == XSD.decimal:
        try:
            value = Decimal(str(term))
        except ArithmeticError:
            return str(term)
        text = format(value.normalize(), "f")
        return text
    return short(term)


def to_table(result: QueryResult) -> str:
    """Columns aligned for a terminal; CJK characters take two cells; decimals without trailing zeros."""
    cols = result.variables
    cells = [[_cell(_display(row.get(v))) for v in cols] for row in result.rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(cols)]
    lines = [" | ".join(_pad(c, widths[i]) for i, c in enumerate(cols)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    for r in cells:
        lines.append(" | ".join(_pad(c, widths[i]) for i, c in enumerate(r)).rstrip())
    if not result.rows:
        lines.append("(no rows)")
    return "\n".join(lines)


def to_csv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 CSV results: full IRIs, literal text, empty for unbound."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(result.variables)
    for row in result.rows:
        w.writerow(["" if row.get(v) is None else ("_:" + str(row[v]) if isinstance(row[v], BNode) else str(row[v]))
                    for v in result.variables])
    return buf.getvalue()


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = term.n3()
        return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return term.n3()


def to_tsv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 TSV results: ``?var`` header, terms in Turtle syntax."""
    lines = ["\t".join("?" + v for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join(_tsv_term(row.get(v)) for v in result.variables))
    return "\n".join(lines) + "\n"


def _json_term(term: Node) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def to_json(result: QueryResult) -> str:
    """W3C SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        data = {"head": {}, "boolean": bool(result.boolean)}
    else:
        data = {"head": {"vars": list(result.variables)},
                "results": {"bindings": [{v: _json_term(row[v]) for v in result.variables if row.get(v) is not None}
                                         for row in result.rows]}}
    return json.dumps(data, ensure_ascii=False, indent=2)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Text of a result in ``fmt`` (table, csv, tsv, json); ASK → true/false; graphs → Turtle."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format '{fmt}'", hint="use one of " + ", ".join(FORMATS))
    if result.kind == "ask":
        return to_json(result) if fmt == "json" else ("true" if result.boolean else "false")
    if result.kind == "graph":
        from kg.serialize.turtle import to_turtle

        return to_turtle(result.graph).rstrip("\n")
    return {"table": to_table, "csv": to_csv, "tsv": to_tsv, "json": to_json}[fmt](result).rstrip("\n") \
        if fmt in ("table", "json") else {"csv": to_csv, "tsv": to_tsv}[fmt](result)
