"""The result of a SPARQL query, the same whether it ran on the local graph or on a remote endpoint.

>>> from rdflib import Literal
>>> r = QueryResult(kind="select", variables=["name"], rows=[{"name": Literal("张三", lang="zh")}])
>>> r.as_dicts()
[{'name': '张三'}]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph
from rdflib.term import Node


@dataclass
class QueryResult:
    """kind is "select", "ask" or "graph" (CONSTRUCT/DESCRIBE).

    For select: ``variables`` and ``rows`` (each a dict variable → rdflib term; unbound variables absent).
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
