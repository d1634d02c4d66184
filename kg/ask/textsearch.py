"""Word searches answered from the build's text index (:mod:`kg.store.textindex`) instead of every text.

A question whose header says ``# text-index: quote contains text`` keeps only the rows whose ``?quote``
contains the word ``text`` (its ``FILTER(CONTAINS(STR(?quote), ?text))``). Asked of a build's store that has an
up-to-date text index, the texts that contain the word are looked up in the index and joined at the top of the
query's outer group as ``{ SELECT ?quote WHERE { VALUES ?quote { … } } }``, so Oxigraph starts from them and
reads no other text; the FILTER stays, so the rows are exactly those of the query as written. (A bare
``VALUES`` of more than about 1,000 rows makes Oxigraph 0.5 join the rest of the query by hash over the whole
store: find-quote at 1,000 documents with 1,625 texts took 33 s CPU that way, 1.3 s with the subquery, 9 s as
written.) Everywhere else — a graph in
memory (rdflib), a graph file loaded into Oxigraph, an endpoint, a build without the index or with a stale,
missing or damaged one — the query runs as written.

>>> from kg.ask.catalog import parse_entry
>>> q = parse_entry("find", '''# title-zh: 找词
... # title-en: Find a word
... # params: text=长江
... # columns: quote
... # text-index: quote contains text
... SELECT ?quote WHERE { ?q <http://www.w3.org/ns/prov#value> ?quote FILTER(CONTAINS(STR(?quote), ?text)) }''')
>>> narrowed(q, {"text": "长江"}, graph=None) == q.text
True
>>> print(with_values(q.text, "quote", ['"长江市"', '"长江机车"']).splitlines()[-1])
SELECT ?quote WHERE { { SELECT ?quote WHERE { VALUES ?quote { "长江市" "长江机车" } } } ?q <http://www.w3.org/ns/prov#value> ?quote FILTER(CONTAINS(STR(?quote), ?text)) }
"""
from __future__ import annotations

# Past this many matching texts the query runs as written (a word that nearly every text contains gains little
# from the index, and the VALUES block would be megabytes of query text).
MAX_TEXTS = 200_000


def with_values(text: str, var: str, terms: list[str]) -> str:
    """``text`` with ``?var`` bound to ``terms`` (SPARQL terms) at the top of its outer WHERE group."""
    from kg.ask.sparql import _where_brace

    at = _where_brace(text) + 1
    return text[:at] + f" {{ SELECT ?{var} WHERE {{ VALUES ?{var} {{ {' '.join(terms)} }} }} }}" + text[at:]


def narrowed(entry, bindings: dict, graph) -> str:
    """The text to run for catalog question ``entry`` with parameter values ``bindings`` on ``graph``: with its
    text variable bound to the matching texts of the build's text index when ``graph`` is a build's store with
    an up-to-date index, else ``entry.text`` as written."""
    spec = getattr(entry, "text_index", None)
    if not spec:
        return entry.text
    from kg.store.embedded import Store

    if not isinstance(graph, Store) or graph.path is None or graph.source is None:
        return entry.text
    var, param = spec
    word = bindings.get(param)
    if not word:  # every text contains the empty word
        return entry.text
    from kg.store.textindex import IndexUnusable, open_index

    index = open_index(graph.source)
    if index is None:
        return entry.text
    try:
        found = index.search(word)
    except IndexUnusable:
        return entry.text
    if len(found) > MAX_TEXTS:
        return entry.text
    return with_values(entry.text, var, found)
