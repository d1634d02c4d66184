"""A self-contained, offline HTML page of the relationship graph: one file, all script and style inline.

The template, script and style are package files (``kg/draw/web/page.html``, ``page.js``, ``page.css``),
inlined into the page when it is written.

The page draws an SVG (positions computed in Python, see kg.draw.layout) with pan and zoom; nodes are coloured by
class with a legend that filters classes; hovering shows a node's name and class, clicking shows its facts,
figures, relations and source quotes; a search box focuses an entity and its neighbours.

Its Content-Security-Policy forbids every load (``default-src 'none'``), so the page makes no network
request. URL parameters drive it without clicks: ``graph.html?search=张三&depth=2`` (or ``#search=…``) focuses an
entity, ``?select=张三`` shows its details in the whole graph.
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
# past this many nodes the page does not draw everything: it carries a compact index (names, classes,
# documents, adjacency) and draws an overview, then the neighbourhood of what is searched or clicked
FULL_LIMIT = 2000
OVERVIEW_DOCS = 60  # documents shown in the overview by document (the largest), with the entities they share
OVERVIEW_SHARED = 40
OVERVIEW_PLACES = 60  # places shown in the overview by place (those in the most documents)


def page_data(G: nx.MultiDiGraph, pos: dict) -> dict:
    """The JSON the page script reads: nodes, edges, classes and the focused node."""
    nodes = []
    for v, d in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        x, y = pos[v]
        nodes.append({"id": str(v), "zh": d.get("label_zh", str(v)), "en": d.get("label_en", ""),
                      "cls": d.get("cls", "Resource"), "x": round(x * SCALE, 1), "y": round(y * SCALE, 1),
                      "deg": G.degree(v), "iri": d.get("iri", ""), "facts": list(d.get("facts", {}).items()),
                      "figures": list(d.get("figures", [])), "quotes": list(d.get("quotes", [])),
                      "docs": list(d.get("docs", []))})
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
    return {"mode": "full", "nodes": nodes, "edges": edges,
            "classes": sorted(classes.values(), key=lambda c: (-c["count"], c["cls"])),
            "docs": _documents(G), "focus": G.graph.get("focus", ""), "depth": G.graph.get("depth", 1)}


def _documents(G: nx.MultiDiGraph) -> list[dict]:
    counts: dict[str, int] = {d: 0 for d in G.graph.get("documents", [])}
    for _, d in G.nodes(data=True):
        for doc in d.get("docs", ()):
            counts[doc] = counts.get(doc, 0) + 1
    return [{"id": doc, "count": n} for doc, n in sorted(counts.items())]


def _packed(data: bytes) -> str:
    """gzip + base64: the page inflates it with the browser's DecompressionStream (no network)."""
    import base64
    import gzip

    return base64.b64encode(gzip.compress(data, compresslevel=6, mtime=0)).decode("ascii")


def index_data(G) -> tuple[dict, dict[str, str]]:
    """The page data of a large graph (a networkx graph or a ``kg.draw.compact.CompactGraph``): a small JSON
    part (classes, documents, relation labels, overviews) and packed columns: names (zh, en, ids;
    newline-separated), class per node, documents per node (count and list), and the distinct relations as
    sorted (source, target, label) index arrays, from which the page builds its adjacency.

    Edges are sorted by source and stored as differences, so that gzip shrinks them well.
    """
    import sys
    from array import array

    import numpy as np

    from kg.draw.compact import CompactGraph, from_networkx

    g = G if isinstance(G, CompactGraph) else from_networkx(G)
    counts: dict[str, int] = {d: 0 for d in g.graph.get("documents", [])}
    # nodes share their documents' tuple: count each distinct tuple once (by identity: no hashing of long tuples)
    shared: dict[int, tuple[str, ...]] = {}
    uses: dict[int, int] = {}
    for nd in g.own_docs:
        key = id(nd)
        if key in uses:
            uses[key] += 1
        else:
            uses[key] = 1
            shared[key] = nd
    for key, n in uses.items():
        for doc in shared[key]:
            counts[doc] = counts.get(doc, 0) + n
    docs = [{"id": doc, "count": n} for doc, n in sorted(counts.items())]
    doc_index = {d["id"]: i for i, d in enumerate(docs)}
    from collections import Counter

    classes: dict[str, dict] = {}
    sizes = Counter(g.cls)
    for cls in dict.fromkeys(g.cls):  # in order of first appearance (nodes are in id order)
        zh, en = g.class_labels.get(cls, ("", cls))
        classes[cls] = {"cls": cls, "zh": zh, "en": en or cls, "color": color(cls), "count": sizes[cls],
                        "i": len(classes)}
    number = {cls: c["i"] for cls, c in classes.items()}
    cls_col = array("B", [number[c] for c in g.cls])
    doc_count = array("I", map(len, g.own_docs))
    doc_bytes = {key: array("I", [doc_index[x] for x in nd]).tobytes() for key, nd in shared.items()}
    doc_list = b"".join([doc_bytes[id(nd)] for nd in g.own_docs])
    # labels numbered in sorted order (the same page whatever order the edges were added in); relations
    # sorted by (source, target, label), sources as differences (numpy: a million relations in a second)
    label_list = sorted(g.label_list())
    renumber = np.zeros(max(len(label_list), 1), dtype=np.int64)
    for i, k in enumerate(label_list):
        renumber[g.labels[k]] = i
    rel = np.array(list(g.relations(ordered=False)), dtype=np.int64).reshape(-1, 3)
    rel[:, 2] = renumber[rel[:, 2]]
    rel = rel[np.lexsort((rel[:, 2], rel[:, 1], rel[:, 0]))]
    m = len(rel)
    src = np.diff(rel[:, 0], prepend=0).astype("<i4")
    dst = (rel[:, 1] - rel[:, 0]).astype("<i4")
    lab = rel[:, 2].astype("<u4")
    if cls_col.itemsize != 1 or doc_count.itemsize != 4:
        raise ValueError("unexpected array item size")
    if sys.byteorder != "little":
        doc_count.byteswap()
        doc_list = np.frombuffer(doc_list, dtype="=u4").astype("<u4").tobytes()

    def lines(col: list[str]) -> str:
        text = "\n".join(col)
        if text.count("\n") != max(len(col) - 1, 0):  # a name with a line break: one line each
            text = "\n".join(_one_line(x) for x in col)
        return _packed(text.encode("utf-8"))

    packed = {"zh": lines(g.zh), "en": lines(g.en), "ids": lines(g.ids), "cls": _packed(cls_col.tobytes()),
              "dc": _packed(doc_count.tobytes()), "dl": _packed(doc_list), "es": _packed(src.tobytes()),
              "et": _packed(dst.tobytes()), "el": _packed(lab.tobytes())}
    class_list = sorted(classes.values(), key=lambda c: c["i"])
    meta = {"mode": "index", "n": len(g.ids), "m": m, "classes": class_list, "docs": docs,
            "labels": [list(k) for k in label_list], "focus": g.graph.get("focus", ""),
            "depth": g.graph.get("depth", 1), "overviews": _overviews(g, class_list, docs)}
    return meta, packed


def _one_line(text: str) -> str:
    return " ".join(text.split("\n")) if "\n" in text else text


def _overviews(g, classes: list[dict], docs: list[dict]) -> dict:
    """Small graphs drawn before anything is searched: classes linked by how many relations join them;
    the largest documents with the entities they share."""
    from kg.draw.layout import positions

    pairs = g.class_pairs()
    C = nx.MultiDiGraph()
    for c in classes:
        C.add_node(c["cls"])
    for (a, b), n in pairs.items():
        if a != b:
            C.add_edge(a, b, n=n)
    pos = positions(C)
    by_class = {"nodes": [{"id": c["cls"], "kind": "class", "zh": c["zh"] or c["cls"], "en": c["en"], "cls": c["cls"],
                           "count": c["count"], "x": round(pos[c["cls"]][0] * SCALE, 1),
                           "y": round(pos[c["cls"]][1] * SCALE, 1)} for c in classes],
                "edges": sorted([{"s": a, "t": b, "zh": str(n), "en": ""} for (a, b), n in pairs.items() if a != b],
                                key=lambda e: (e["s"], e["t"]))}
    top_docs = sorted(docs, key=lambda d: (-d["count"], d["id"]))[:OVERVIEW_DOCS]
    wanted = {d["id"] for d in top_docs}
    shared = sorted(((len(d), i) for i, d in enumerate(g.own_docs) if len(d) > 1),
                    key=lambda x: (-x[0], g.ids[x[1]]))[:OVERVIEW_SHARED]
    D = nx.MultiDiGraph()
    for d in top_docs:
        D.add_node("doc:" + d["id"])
    for _, i in shared:
        D.add_node(g.ids[i])
        for doc in g.own_docs[i]:
            if doc in wanted:
                D.add_edge("doc:" + doc, g.ids[i])
    pos = positions(D) if len(D) else {}
    nodes = [{"id": "doc:" + d["id"], "kind": "doc", "doc": d["id"], "zh": d["id"], "en": "", "cls": "Document",
              "count": d["count"], "x": round(pos["doc:" + d["id"]][0] * SCALE, 1),
              "y": round(pos["doc:" + d["id"]][1] * SCALE, 1)} for d in top_docs]
    nodes += [{"id": g.ids[i], "kind": "entity", "zh": g.zh[i], "en": g.en[i], "cls": g.cls[i], "count": n,
               "x": round(pos[g.ids[i]][0] * SCALE, 1), "y": round(pos[g.ids[i]][1] * SCALE, 1)} for n, i in shared]
    edges = sorted(({"s": u, "t": str(v), "zh": "", "en": ""} for u, v in D.edges()), key=lambda e: (e["s"], e["t"]))
    return {"class": by_class, "doc": {"nodes": nodes, "edges": edges}, "place": _places(g)}


def _places(g) -> dict:
    """The places (members of the place classes) in the most documents, and the relations between them."""
    from kg.draw.layout import positions

    kinds = set(g.graph.get("places", ()))
    chosen = sorted((i for i, c in enumerate(g.cls) if c in kinds),
                    key=lambda i: (-len(g.own_docs[i]), g.ids[i]))[:OVERVIEW_PLACES]
    if not chosen:
        return {"nodes": [], "edges": []}
    wanted = set(chosen)
    labels = g.label_list()
    pairs = sorted({(a, b, k) for a, b, k in g.relations(ordered=False) if a in wanted and b in wanted and a != b})
    P = nx.MultiDiGraph()
    P.add_nodes_from(g.ids[i] for i in chosen)
    P.add_edges_from((g.ids[a], g.ids[b]) for a, b, _ in pairs)
    pos = positions(P)
    nodes = [{"id": g.ids[i], "kind": "entity", "zh": g.zh[i], "en": g.en[i], "cls": g.cls[i],
              "count": len(g.own_docs[i]), "x": round(pos[g.ids[i]][0] * SCALE, 1),
              "y": round(pos[g.ids[i]][1] * SCALE, 1)} for i in chosen]
    edges = sorted(({"s": g.ids[a], "t": g.ids[b], "zh": labels[k][0], "en": labels[k][1]} for a, b, k in pairs),
                   key=lambda e: (e["s"], e["t"], e["zh"], e["en"]))
    return {"nodes": nodes, "edges": edges}


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


def render_html(G, pos: dict | None = None, *, title: str = "kg relationship graph",
                full_limit: int = FULL_LIMIT) -> str:
    """The whole page as a string: the template with its style, scripts and data inlined (one pass, so a
    label that happens to contain a placeholder is never expanded). Up to ``FULL_LIMIT`` nodes the page
    draws every node at ``pos``; past it, ``pos`` is not needed: the page carries the index and draws an
    overview and neighbourhoods (laid out in the browser by d3-force). A ``kg.draw.compact.CompactGraph``
    is always drawn so."""
    if isinstance(G, nx.MultiDiGraph) and G.number_of_nodes() <= full_limit:
        if pos is None:
            from kg.draw.layout import positions

            pos = positions(G)
        data, packed = page_data(G, pos), {}
    else:
        data, packed = index_data(G)
    blobs = "".join(f'<script type="application/x-kg-packed" id="kg-{k}">{v}</script>\n' for k, v in packed.items())
    parts = {"TITLE": html.escape(title), "CSP": CSP, "STYLE": asset("page.css"),
             "SCRIPT": asset("vendor/d3-force.bundle.min.js") + "\n" + asset("page.js"),
             "DATA": _json_for_script(data), "PACKED": blobs}
    return re.sub(r"%%([A-Z]+)%%", lambda m: parts[m.group(1)], asset("page.html"))
