"""Render the relationship graph as an HTML page, SVG, PNG, GraphML or GEXF, and write it atomically.

>>> infer_format(None, Path("x/graph.gexf")), infer_format("svg", None), infer_format(None, None)
('gexf', 'svg', 'html')
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import InputError
from kg.paths import DEFAULT_OUT_DIR

FORMATS = ("html", "svg", "png", "graphml", "gexf")
SUFFIXES = {".html": "html", ".htm": "html", ".svg": "svg", ".png": "png", ".graphml": "graphml", ".gexf": "gexf"}
TITLE = "技能人才知识图谱 · kg relationship graph"


@dataclass
class Rendered:
    """One rendering: the format, the bytes, the graph drawn (a networkx graph, or for the page of a large
    graph a ``kg.draw.compact.CompactGraph``) and where it was written."""

    format: str
    data: bytes
    graph: Any
    output: Path | None = None


def infer_format(fmt: str | None, output: Path | None) -> str:
    """The format asked for, else the one the output file's suffix names, else html."""
    if fmt:
        if fmt not in FORMATS:
            raise InputError(f"unknown format '{fmt}'", hint="use " + ", ".join(FORMATS))
        if output is not None and output.suffix.lower() in SUFFIXES and SUFFIXES[output.suffix.lower()] != fmt:
            raise InputError(f"--format {fmt} does not match the file name {output.name}")
        return fmt
    if output is None or str(output) == "-":  # no file name (standard output): the page
        return "html"
    found = SUFFIXES.get(output.suffix.lower())
    if found is None:
        raise InputError(f"cannot tell the format from the file name '{output.name}'",
                         hint="use a suffix " + ", ".join(SUFFIXES) + " or --format")
    return found


def default_output(fmt: str) -> Path:
    return DEFAULT_OUT_DIR / f"graph.{fmt}"


def relationship_graph(graph: Any, *, focus: str | None = None, depth: int = 1, nary: str = "edges", doc: str | None = None,
            include_personal: bool = False, details: bool | None = None) -> nx.MultiDiGraph:
    """The networkx graph to draw: the whole graph (or one document's), or one entity and its neighbours up to
    ``depth``. ``graph`` is anything ``kg.draw.network.to_networkx`` reads."""
    from kg.draw.network import neighbourhood, to_networkx

    G = to_networkx(graph, nary=nary, doc=doc, include_personal=include_personal, details=details)
    if focus:
        G = neighbourhood(G, focus, depth)
        G.graph["depth"] = depth
    return G


def render(G: nx.MultiDiGraph, fmt: str) -> bytes:
    """The bytes of ``G`` in format ``fmt``."""
    if fmt in ("graphml", "gexf"):
        from kg.draw.network import flat

        H = flat(G)
        buf = io.BytesIO()
        if fmt == "graphml":
            nx.write_graphml(H, buf, encoding="utf-8", prettyprint=True)
        else:
            nx.write_gexf(H, buf, encoding="utf-8", prettyprint=True)
        return buf.getvalue()
    if fmt == "html":
        from kg.draw.page import render_html

        return render_html(G, title=TITLE).encode("utf-8")
    from kg.draw.layout import positions

    pos = positions(G)
    from kg.draw.pictures import draw

    title = TITLE
    if G.graph.get("focus"):
        title += f" — {G.nodes[G.graph['focus']].get('label_zh', '')}"
    return draw(G, pos, fmt, title=title)


def visualize(graph: Any, *, fmt: str | None = None, output: Path | None = None, focus: str | None = None,
              depth: int = 1, nary: str = "edges", doc: str | None = None, include_personal: bool = False,
              write: bool = True) -> Rendered:
    """Render ``graph`` and write it to ``output`` (default build/graph.<format>) atomically."""
    from kg.output import write_atomic

    fmt = infer_format(fmt, output)
    if fmt == "html" and not focus:  # past a size, the page of a large graph: no networkx graph is built
        from kg.draw.network import page_graph

        G = page_graph(graph, nary=nary, doc=doc, include_personal=include_personal)
    else:
        G = relationship_graph(graph, focus=focus, depth=depth, nary=nary, doc=doc, include_personal=include_personal)
    if G.number_of_nodes() == 0:
        raise InputError("the graph has no entities to draw", hint="give a graph built by `kg build`")
    data = render(G, fmt)
    result = Rendered(format=fmt, data=data, graph=G)
    if write:
        result.output = write_atomic(Path(output) if output is not None else default_output(fmt), data)
    return result
