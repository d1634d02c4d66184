"""A self-contained, offline HTML page of the relationship graph: one file, all script and style inline.

The template, script and style are package files (``kg/draw/web/page.html``, ``page.js``, ``page.css``),
inlined into the page when it is written.

The page draws an SVG (positions computed in Python, see kg.draw.layout) with pan and zoom; nodes are coloured by
class with a legend that filters classes; hovering shows a node's name and class, clicking shows its facts,
figures, relations and source quotes; a search box focuses an entity and its neighbours.

Its Content-Security-Policy forbids every load (``default-src 'none'``), so the page makes no network
request. URL parameters drive it without clicks: ``graph.html?search=易冉&depth=2`` (or ``#search=…``) focuses an
entity, ``?select=易冉`` shows its details in the whole graph.
The page reports its state on ``<body>``: ``data-ready``, ``data-rendered`` (visible nodes),
``data-focused`` (id of the focused node), ``data-errors`` (script errors) and ``data-csp`` (blocked loads).

>>> import networkx as nx
>>> G = nx.MultiDiGraph(); G.add_node("a", label_zh="甲", cls="Person"); G.add_edge("a", "a", label_zh="</script>")
0
>>> page = render_html(G, {"a": (0.5, 0.5)}, title="t")
>>> page.count("</script>") == page.count("<script")
True
"""
from __future__ import annotations

import html
import json
import re

import networkx as nx

from kg.draw.palette import color

CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"
SCALE = 1400.0


def page_data(G: nx.MultiDiGraph, pos: dict) -> dict:
    """The JSON the page script reads: nodes, edges, classes and the focused node."""
    nodes = []
    for v, d in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        x, y = pos[v]
        nodes.append({"id": str(v), "zh": d.get("label_zh", str(v)), "en": d.get("label_en", ""),
                      "cls": d.get("cls", "Resource"), "x": round(x * SCALE, 1), "y": round(y * SCALE, 1),
                      "deg": G.degree(v), "iri": d.get("iri", ""), "facts": list(d.get("facts", {}).items()),
                      "figures": list(d.get("figures", [])), "quotes": list(d.get("quotes", []))})
    edges = []
    for u, v, d in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]), e[2].get("label", ""))):
        edges.append({"s": str(u), "t": str(v), "zh": d.get("label_zh", ""), "en": d.get("label_en", ""),
                      "prop": d.get("prop", ""), "quotes": list(d.get("quotes", []))})
    classes: dict[str, dict] = {}
    for _, d in G.nodes(data=True):
        cls = d.get("cls", "Resource")
        entry = classes.setdefault(cls, {"cls": cls, "zh": d.get("cls_zh", ""), "en": d.get("cls_en", cls),
                                         "color": color(cls), "count": 0})
        entry["count"] += 1
    return {"nodes": nodes, "edges": edges, "classes": sorted(classes.values(), key=lambda c: (-c["count"], c["cls"])),
            "focus": G.graph.get("focus", ""), "depth": G.graph.get("depth", 1)}


def _json_for_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def asset(name: str) -> str:
    """The text of one of the page's files shipped in the package (``kg/draw/web/``).

    >>> "use strict" in asset("page.js") and "</script" not in asset("page.js").lower()
    True
    """
    from importlib.resources import files

    text = files("kg.draw").joinpath("web", name).read_text(encoding="utf-8")
    if name.endswith((".js", ".css")) and re.search(r"</(script|style)", text, re.I):
        raise ValueError(f"{name} cannot be inlined: it contains a closing </script> or </style> tag")
    return text


def render_html(G: nx.MultiDiGraph, pos: dict, *, title: str = "kg relationship graph") -> str:
    """The whole page as a string: the template with its style, script and data inlined (one pass, so a
    label that happens to contain a placeholder is never expanded)."""
    parts = {"TITLE": html.escape(title), "CSP": CSP, "STYLE": asset("page.css"), "SCRIPT": asset("page.js"),
             "DATA": _json_for_script(page_data(G, pos))}
    return re.sub(r"%%([A-Z]+)%%", lambda m: parts[m.group(1)], asset("page.html"))
