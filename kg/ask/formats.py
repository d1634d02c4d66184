"""Format a QueryResult: an aligned table (wide CJK characters counted as two columns), CSV, TSV, SPARQL JSON.

ASK results print ``true`` or ``false``; CONSTRUCT/DESCRIBE results print Turtle.

>>> from rdflib import Literal, URIRef
>>> r = QueryResult(kind="select", variables=["name", "n"],
...                 rows=[{"name": Literal("张三", lang="zh"), "n": Literal(2)}, {"name": Literal("Li")}])
>>> print(format_result(r, "table"))
name | n
-----+--
张三 | 2
Li   |
>>> format_result(r, "csv").splitlines()
['name,n', '张三,2', 'Li,']
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
from kg.ask.results import QueryResult, TermRows

FORMATS = ("table", "csv", "tsv", "json")
SHORT = dict(PREFIXES, kgr="https://w3id.org/kg-talent/id/")


def short(term: Node | None, prefixes: dict[str, str] | None = None) -> str:
    """A term for people: prefixed names for IRIs, the text of literals.

    >>> short(URIRef("https://w3id.org/kg-talent/id/zhang-san"))
    'kgr:zhang-san'
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


_INTEGERS = {XSD[t] for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
                                "unsignedShort", "unsignedByte")}
_FLOATS = {XSD.double, XSD.float}


def canonical_text(term: Literal) -> str:
    """The lexical form of a literal, numbers written one way by value, whichever engine produced them.

    Engines write their own forms of the same number (rdflib "26.0", Oxigraph "26" for an xsd:decimal; SUM and
    AVG may give "1.30E6" or "1300000.00"). Printed here: integers and decimals in plain notation without
    trailing zeros, doubles as the shortest text that reads back to the same double. Other literals as they are.

    >>> from rdflib.namespace import XSD
    >>> [canonical_text(Literal(x, datatype=XSD.decimal)) for x in ("26.0", "26", "0.50", "-0.0", "1300000.00")]
    ['26', '26', '0.5', '0', '1300000']
    >>> canonical_text(Literal("+007", datatype=XSD.integer)), canonical_text(Literal("2.6E1", datatype=XSD.double))
    ('7', '26.0')
    >>> canonical_text(Literal("abc", datatype=XSD.integer))
    'abc'
    """
    text = str(term)
    dt = term.datatype
    if dt is None or (dt != XSD.decimal and dt not in _INTEGERS and dt not in _FLOATS):
        return text
    try:
        if dt in _FLOATS:
            value = float(text.strip())
            return repr(value) if value == value and abs(value) != float("inf") else text.strip()
        number = Decimal(text.strip())
        if not number.is_finite():
            return text
        out = format(number.normalize(), "f")
        return "0" if out in ("-0", "0") else out
    except (ArithmeticError, ValueError):
        return text


def _display(term: Node | None) -> str:
    """How a table shows a term: numbers by ``canonical_text`` (50000.0 → 50000, 0.50 → 0.5), IRIs shortened.

    >>> from rdflib.namespace import XSD
    >>> _display(Literal("1300000.00", datatype=XSD.decimal)), _display(Literal("0.50", datatype=XSD.decimal))
    ('1300000', '0.5')
    """
    if isinstance(term, Literal):
        return canonical_text(term)
    return short(term)


def _per_term(fn):
    """``fn`` over the terms of one answer, computed once per term object: rows share their terms (a kept
    answer's distinct terms, Oxigraph's answers through ``run_store``), so a column of repeated units, labels
    or documents is printed from one conversion. Keyed by ``id``: every term stays alive in the rows while
    the answer is printed."""
    memo: dict = {}

    def once(term):
        if term is None:
            return fn(None)
        key = id(term)
        got = memo.get(key)
        if got is None:
            got = memo[key] = fn(term)
        return got

    return once


def _text_rows(result: QueryResult, fn) -> list[list]:
    """``fn(term)`` for each variable of every row (``fn(None)`` where it is unbound), ``fn`` called once per
    distinct term. A kept answer (:class:`TermRows`) is read from its term indexes: no dict per row.

    >>> from kg.ask.results import TermRows
    >>> kept = TermRows(["a", "b"], [("@zh", "甲"), ("", "2")], [0, 1, 1, -1])
    >>> _text_rows(QueryResult(kind="select", variables=["a", "b"], rows=kept), lambda t: t and str(t) * 2)
    [['甲甲', '22'], ['22', None]]
    """
    rows, names = result.rows, list(result.variables)
    if isinstance(rows, TermRows) and rows.variables == names and names:
        texts = [fn(term) for term in rows.rdflib_terms()]
        texts.append(fn(None))  # cell -1: unbound
        return [list(row) for row in rows.value_rows(texts)]
    once = _per_term(fn)
    return [[once(row.get(v)) for v in names] for row in rows]


def to_table(result: QueryResult) -> str:
    """Columns aligned for a terminal; CJK characters take two cells; decimals without trailing zeros."""
    cols = result.variables
    cells = _text_rows(result, lambda term: _cell(_display(term)))
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(cols)]
    lines = [" | ".join(_pad(c, widths[i]) for i, c in enumerate(cols)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    for r in cells:
        lines.append(" | ".join(_pad(c, widths[i]) for i, c in enumerate(r)).rstrip())
    if not result.rows:
        lines.append("(no rows)")
    return "\n".join(lines)


def _csv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return "_:" + str(term)
    if isinstance(term, Literal):
        return canonical_text(term)
    return str(term)


def to_csv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 CSV results: full IRIs, literal text (numbers by ``canonical_text``), empty for unbound."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(result.variables)
    w.writerows(_text_rows(result, _csv_term))
    return buf.getvalue()


_NT_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def nt_term(term: Node) -> str:
    """A term in N-Triples form, on one line: ``<iri>``, ``_:b``, ``"text"@lang``, ``"26"^^<…#decimal>``.

    Line breaks and tabs in literals are escaped (``\\n``, ``\\r``, ``\\t``), as SPARQL 1.1 TSV requires;
    numbers are written by ``canonical_text``.

    >>> nt_term(Literal("a\\tb\\nc", lang="zh")), nt_term(URIRef("http://e.org/x"))
    ('"a\\\\tb\\\\nc"@zh', '<http://e.org/x>')
    >>> nt_term(Literal("26.0", datatype=XSD.decimal))
    '"26"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    """
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    text = '"' + "".join(_NT_ESCAPES.get(c, c) for c in canonical_text(term)) + '"'
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype is not None and term.datatype != XSD.string:
        return f"{text}^^<{term.datatype}>"
    return text


def to_tsv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 TSV results: ``?var`` header, one row per line, terms in N-Triples form (``nt_term``)."""
    lines = ["\t".join("?" + v for v in result.variables)]
    lines.extend("\t".join(row) for row in _text_rows(result, lambda term: "" if term is None else nt_term(term)))
    return "\n".join(lines) + "\n"


def _json_term(term: Node) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": canonical_text(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def to_json(result: QueryResult) -> str:
    """W3C SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, ensure_ascii=False, indent=2)
    # the text json.dumps(data, ensure_ascii=False, indent=2) gives (tested), written a term at a time: with an
    # indent, json.dumps runs in Python, ~35 µs a binding; here each term's text is made once (``_per_term``)
    # from its strings, which the C encoder writes
    enc = json.JSONEncoder(ensure_ascii=False).encode

    def dumped(value, depth: int) -> str:
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * depth)

    def term_text(t) -> str:
        return ("{\n" + ",\n".join(f"          {enc(k)}: {enc(v)}" for k, v in _json_term(t).items())
                + "\n        }")

    keys = ["        " + enc(v) + ": " for v in result.variables]
    bindings = []
    for row in _text_rows(result, lambda t: None if t is None else term_text(t)):
        parts = [key + text for key, text in zip(keys, row) if text is not None]
        bindings.append("      {\n" + ",\n".join(parts) + "\n      }" if parts else "      {}")
    listed = "[\n" + ",\n".join(bindings) + "\n    ]" if bindings else "[]"
    return ('{\n  "head": ' + dumped({"vars": list(result.variables)}, 2) + ',\n  "results": {\n    "bindings": '
            + listed + "\n  }\n}")


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Text of a result in ``fmt`` (table, csv, tsv, json); ASK → true/false; graphs → Turtle."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format '{fmt}'", hint="use one of " + ", ".join(FORMATS))
    if result.kind == "ask":
        return to_json(result) if fmt == "json" else ("true" if result.boolean else "false")
    if result.kind == "graph":
        from kg.serialize.rdf import bind_prefixes
        from kg.serialize.turtle import to_turtle

        return to_turtle(bind_prefixes(result.graph)).rstrip("\n")
    return {"table": to_table, "csv": to_csv, "tsv": to_tsv, "json": to_json}[fmt](result).rstrip("\n") \
        if fmt in ("table", "json") else {"csv": to_csv, "tsv": to_tsv}[fmt](result)
