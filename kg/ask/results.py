"""The result of a SPARQL query, the same whether it ran on the local graph or on a remote endpoint.

>>> from rdflib import Literal
>>> r = QueryResult(kind="select", variables=["name"], rows=[{"name": Literal("张三", lang="zh")}])
>>> r.as_dicts()
[{'name': '张三'}]
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph
from rdflib.term import Node


def term_tag(term: Node) -> tuple[str, str]:
    """(tag, text) of an rdflib term, the form :class:`TermRows` keeps: tag ``<`` an IRI, ``_`` a blank node,
    ``""`` a plain literal, ``@lang`` a literal with a language, ``^datatype-IRI`` a typed literal.

    >>> from rdflib import Literal, URIRef
    >>> term_tag(Literal("26", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")))
    ('^http://www.w3.org/2001/XMLSchema#decimal', '26')
    >>> term_tag(Literal("张三", lang="zh")), term_tag(URIRef("http://e/x"))
    (('@zh', '张三'), ('<', 'http://e/x'))
    """
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return "<", str(term)
    if isinstance(term, BNode):
        return "_", str(term)
    if isinstance(term, Literal):
        if term.language:
            return "@" + term.language, str(term)
        return ("^" + str(term.datatype) if term.datatype is not None else ""), str(term)
    raise TypeError(f"not an RDF term: {term!r}")


def tagged_term(tag: str, text: str) -> Node:
    """The rdflib term of a (tag, text) pair (the inverse of :func:`term_tag`)."""
    from rdflib import BNode, Literal, URIRef

    if tag == "<":
        return URIRef(text)
    if tag == "_":
        return BNode(text)
    if not tag:
        return Literal(text)
    if tag[0] == "@":
        return Literal(text, lang=tag[1:])
    return Literal(text, datatype=URIRef(tag[1:]))


def _string_literals():
    """A maker of string literals (plain or with a language) for many terms at once: rdflib's constructor
    checks and normalises each one (~2 µs, most of reading a kept answer of 175,000 labels); a kept term was
    written from a valid rdflib term, so this sets the same four slots rdflib sets for a string (its
    language as rdflib normalises it, learnt once per tag). tests/test_results.py checks the terms are
    equal, hash alike and read alike (value, language, datatype, n3) to rdflib's own."""
    from rdflib import Literal

    new = str.__new__
    languages: dict = {}

    def make(text: str, lang: str | None) -> Literal:
        if lang is not None:
            norm = languages.get(lang)
            if norm is None:
                norm = languages[lang] = Literal("", lang=lang).language
        else:
            norm = None
        term = new(Literal, text)
        term._language, term._datatype, term._value, term._ill_typed = norm, None, text, None
        return term

    return make


class TermRows(Sequence):
    """The rows of a SELECT answer kept as text: each distinct term once, as (tag, text) (see :func:`term_tag`),
    and each row as one index per variable (-1: unbound). It reads like the list of rows of a
    :class:`QueryResult` (dicts variable -> rdflib term); the rdflib terms (one per distinct term, shared by the
    rows) and the dicts are made only when a row is first read. ``len`` makes nothing.

    >>> rows = TermRows(["name", "n"], [("@zh", "张三"), ("^http://www.w3.org/2001/XMLSchema#integer", "2")], [0, 1, 0, -1])
    >>> len(rows), rows[1]
    (2, {'name': rdflib.term.Literal('张三', lang='zh')})
    """

    def __init__(self, variables: list[str], terms: list[tuple[str, str]], cells: list[int], *, count: int | None = None):
        self.variables = list(variables)
        self.terms = terms
        self.cells = cells
        self.count = count if count is not None else (len(cells) // len(self.variables) if self.variables else 0)
        self._rows: list | None = None

    def __len__(self) -> int:
        return self.count

    def rdflib_terms(self) -> list[Node]:
        """The distinct terms as rdflib terms, in the order of ``terms``."""
        string = _string_literals()
        return [string(text, None) if not tag else string(text, tag[1:]) if tag[0] == "@" else tagged_term(tag, text)
                for tag, text in self.terms]

    def value_rows(self, values: list) -> "zip":
        """Each row as a tuple of ``values[i]`` for its cells ``i`` (``values[-1]`` for an unbound cell):
        ``values`` is one value per distinct term, plus the one for unbound last."""
        width = len(self.variables)
        return zip(*[map(values.__getitem__, self.cells[: self.count * width])] * width)

    def _made(self) -> list[dict[str, Node]]:
        if self._rows is None:
            made = self.rdflib_terms()
            made.append(None)  # cell -1: unbound
            names = self.variables
            width = len(names)
            if not width:
                self._rows = [{} for _ in range(self.count)]
                return self._rows
            cells = self.cells[: self.count * width]
            rows = self.value_rows(made)
            if -1 not in cells:  # every variable bound in every row
                self._rows = [dict(zip(names, row)) for row in rows]
            else:  # rows with an unbound cell (-1, told apart as ints: `None in row` calls each term's __eq__)
                holes = zip(*[iter(cells)] * width)
                self._rows = [dict(zip(names, row)) if -1 not in hole else
                              {k: v for k, v in zip(names, row) if v is not None} for row, hole in zip(rows, holes)]
        return self._rows

    def __getitem__(self, index):
        return self._made()[index]

    def __iter__(self):
        return iter(self._made())

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, tuple, TermRows)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"TermRows({len(self)} rows, {len(self.terms)} terms)"


@dataclass
class QueryResult:
    """kind is "select", "ask" or "graph" (CONSTRUCT/DESCRIBE).

    For select: ``variables`` and ``rows`` (each a dict variable → rdflib term; unbound variables absent;
    an answer read from the answer cache has a :class:`TermRows`, which reads the same).
    For ask: ``boolean``. For graph: ``graph``.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Node]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def as_dicts(self) -> list[dict[str, Any]]:
        """Rows as plain Python values (str for IRIs and text, int/Decimal/date for typed literals)."""
        out = []
        for row in self.rows:
            d = {}
            for var in self.variables:
                term = row.get(var)
                if term is None:
                    d[var] = None
                elif hasattr(term, "toPython"):
                    value = term.toPython()
                    d[var] = str(value) if type(value).__name__ == "Literal" else value
                else:
                    d[var] = str(term)
            out.append(d)
        return out
