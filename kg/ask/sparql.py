"""Run SPARQL on the local graph and bind parameters safely into query text.

Parameters are never pasted into a query: :func:`bind_params` adds a SPARQL 1.1 ``VALUES`` block at the top
of the query's outer ``WHERE`` group, with each value written as an escaped string literal. The result is
plain SPARQL 1.1 text, so the same bound query can be sent to any SPARQL endpoint.

>>> print(bind_params('SELECT ?p WHERE { ?p ?x ?name }', {"name": 'a"b'}))
SELECT ?p WHERE { VALUES ?name { "a\\"b" } ?p ?x ?name }
>>> print(sparql_string('x" } ; DELETE WHERE { ?s ?p ?o } #'))
"x\\" } ; DELETE WHERE { ?s ?p ?o } #"
"""
from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from typing import Mapping

from rdflib import Graph

from kg.errors import QueryError
from kg.ask.results import QueryResult

VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
LANGTAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*\Z")

# Tokens that may contain '{' or the word WHERE without being syntax: comments, strings, IRIs.
_SKIP = re.compile(
    r'#[^\n]*'
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-.]*(?::[^\s{}()]*)?|[?$][A-Za-z0-9_]+")

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_string(value: str) -> str:
    """``value`` as a SPARQL string literal in double quotes, every special character escaped."""
    return '"' + "".join(_ESCAPES.get(ch, ch) for ch in str(value)) + '"'


def _tokens(text: str):
    """Yield (kind, start, end, word) for the syntax of ``text``: kind is 'word', 'brace' or 'other'."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        m = _SKIP.match(text, i)
        if m and m.end() > i:
            yield "skip", i, m.end(), m.group(0)
            i = m.end()
            continue
        m = _WORD.match(text, i)
        if m:
            yield "word", i, m.end(), m.group(0)
            i = m.end()
            continue
        yield ("brace" if ch in "{}" else "other"), i, i + 1, ch
        i += 1


def query_variables(text: str) -> set[str]:
    """Names of the variables used in a query (outside strings, IRIs and comments).

    >>> sorted(query_variables('SELECT ?a WHERE { ?a <http://e/?b> "?c" } # ?d'))
    ['a']
    """
    return {w[1:] for kind, _, _, w in _tokens(text) if kind == "word" and w[0] in "?$"}


def _where_brace(text: str) -> int:
    """Offset of the '{' that opens the outer WHERE group of a query."""
    form = None
    prev = None
    for kind, start, _end, word in _tokens(text):
        if kind == "word":
            upper = word.upper()
            if form is None and upper in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                form = upper
            elif form and upper == "WHERE":
                if form == "CONSTRUCT" and prev == "CONSTRUCT":
                    raise QueryError("parameters cannot be bound in the short form CONSTRUCT WHERE { … }; "
                                     "write CONSTRUCT { template } WHERE { pattern }")
                prev = "WHERE"
                continue
            prev = upper
        elif kind == "brace" and word == "{" and form:
            if prev == "WHERE" or form in ("SELECT", "ASK"):
                return start
            prev = word  # the template of CONSTRUCT: its WHERE group comes later
        elif kind != "skip":
            prev = word
    raise QueryError("cannot find the WHERE group of the query to bind parameters in")


def bind_params(query_text: str, params: Mapping[str, str] | None, *,
                languages: Mapping[str, str] | None = None) -> str:
    """Bind ``params`` (variable name → value) into ``query_text`` as a ``VALUES`` block; return the new text.

    Each value becomes an escaped string literal, so no value can change the structure of the query; a name
    in ``languages`` gets that language tag (``"张三"@zh``), so the query can match a tagged label directly —
    an index lookup on every engine, where ``STR(?label) = ?name`` scans every label. Names must be SPARQL
    variable names used by the query. With no params the text is returned unchanged.

    >>> bind_params("ASK { ?s ?p ?who }", {"who": "x"})
    'ASK { VALUES ?who { "x" } ?s ?p ?who }'
    >>> bind_params("ASK { ?s ?p ?who }", {"who": "张三"}, languages={"who": "zh"})
    'ASK { VALUES ?who { "张三"@zh } ?s ?p ?who }'
    >>> bind_params("ASK { ?s ?p ?o }", {"who": "x"})
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: parameter 'who' is not a variable of the query (variables: ?o, ?p, ?s)
    """
    if not params:
        return query_text
    used = query_variables(query_text)
    names = []
    for name in params:
        if not VARNAME.match(name):
            raise QueryError(f"parameter name '{name}' is not a SPARQL variable name (letters, digits, _)")
        if name not in used:
            listed = ", ".join("?" + v for v in sorted(used)) or "none"
            raise QueryError(f"parameter '{name}' is not a variable of the query (variables: {listed})")
        names.append(name)
    languages = dict(languages or {})
    for name, lang in languages.items():
        if not LANGTAG.match(lang):
            raise QueryError(f"parameter '{name}': '{lang}' is not a language tag (e.g. zh, en, zh-Hans)")

    def literal(name: str) -> str:
        return sparql_string(params[name]) + (f"@{languages[name]}" if name in languages else "")

    if len(names) == 1:
        block = f"VALUES ?{names[0]} {{ {literal(names[0])} }}"
    else:
        block = "VALUES (" + " ".join("?" + n for n in names) + ") { (" + " ".join(literal(n) for n in names) + ") }"
    at = _where_brace(query_text) + 1
    return query_text[:at] + " " + block + query_text[at:]


def syntax_error(exc: Exception, text: str) -> QueryError:
    """A QueryError saying where a query fails to parse (line and column, 1-based)."""
    line = getattr(exc, "lineno", None)
    col = getattr(exc, "col", None)
    msg = getattr(exc, "msg", None) or " ".join(str(exc).split())
    if line is None:
        return QueryError(f"SPARQL syntax error: {msg[:200]}")
    src = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    return QueryError(f"SPARQL syntax error at line {line}, column {col}: {msg[:160]}"
                      + (f" — near: {src.strip()[:60]}" if src.strip() else ""))


def parse_query(text: str):
    """Parse (prepare) a query with rdflib; raise QueryError with line and column on a syntax error.

    rdflib's parser takes about 50 ms for a catalog question, so a prepared query is kept (the last 256 texts):
    asking the same question again (``kg.query`` in a loop, ``kg verify``'s checks, a server) parses it once.
    """
    return _prepared(text)


@functools.lru_cache(maxsize=256)
def _prepared(text: str):
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(text)
    except ParseBaseException as exc:
        raise syntax_error(exc, text) from None
    except Exception as exc:  # rdflib raises several types for semantic errors (e.g. unknown prefix)
        raise QueryError(f"invalid SPARQL: {' '.join(str(exc).split())[:200]}") from None


def query_kind(text: str) -> str:
    """'select', 'ask' or 'graph' (CONSTRUCT/DESCRIBE) from the query form keyword.

    >>> query_kind("PREFIX a: <http://e/> CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    'graph'
    """
    for kind, _s, _e, word in _tokens(text):
        if kind == "word":
            upper = word.upper()
            if upper == "SELECT":
                return "select"
            if upper == "ASK":
                return "ask"
            if upper in ("CONSTRUCT", "DESCRIBE"):
                return "graph"
            if upper in ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"):
                raise QueryError("SPARQL updates are not allowed; kg query runs SELECT, ASK, CONSTRUCT or DESCRIBE")
    raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")


def service_endpoints(algebra) -> list[str]:
    """The endpoints of the ``SERVICE`` patterns in a parsed query's algebra (also inside subqueries).

    >>> service_endpoints(parse_query("SELECT * WHERE { SERVICE <http://e.org/sparql> { ?s ?p ?o } }").algebra)
    ['http://e.org/sparql']
    """
    from rdflib.plugins.sparql.parserutils import CompValue

    found: list[str] = []
    stack = [algebra]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                found.append(str(node.get("term")))
            stack.extend(v for k, v in node.items() if k != "_vars")
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
    return found


def refuse_service(text: str, algebra=None) -> None:
    """QueryError if the query has a ``SERVICE`` pattern: a local query never calls other servers.

    The query is parsed (rdflib's algebra) only when the word SERVICE occurs outside strings, IRIs and
    comments, so questions without it cost nothing more.

    >>> refuse_service('SELECT ?s WHERE { ?s ?p "SERVICE <http://e.org/>" }')
    >>> refuse_service("SELECT * WHERE { SERVICE <http://e.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    kg.errors.QueryError: SERVICE <http://e.org/sparql> is refused: a local query never calls other servers (run the query on that endpoint with --endpoint, or drop the SERVICE block)
    """
    if not any(kind == "word" and word.upper() == "SERVICE" for kind, _s, _e, word in _tokens(text)):
        return
    services = service_endpoints(algebra if algebra is not None else parse_query(text).algebra)
    if services:
        raise QueryError(f"SERVICE <{services[0]}> is refused: a local query never calls other servers",
                         hint="run the query on that endpoint with --endpoint, or drop the SERVICE block")


def select_star_order(text: str) -> list[str] | None:
    """For ``SELECT *``, the variables in the order they first appear in the query; None for other queries.

    >>> select_star_order("SELECT * WHERE { ?z ?y ?x . OPTIONAL { ?x ?p ?o } }")
    ['z', 'y', 'x', 'p', 'o']
    >>> select_star_order("SELECT ?a WHERE { ?a ?b ?c }") is None
    True
    """
    tokens = list(_tokens(text))
    for i, (kind, _s, _e, word) in enumerate(tokens):
        if kind == "word" and word.upper() == "SELECT":
            j = i + 1
            while j < len(tokens) and tokens[j][0] == "word" and tokens[j][3].upper() in ("DISTINCT", "REDUCED"):
                j += 1
            if j < len(tokens) and tokens[j][3] == "*":
                order: list[str] = []
                for kind2, _s2, _e2, w in tokens[j + 1:]:
                    if kind2 == "word" and w[0] in "?$" and w[1:] not in order:
                        order.append(w[1:])
                return order
            return None
    return None


DEFAULT_LOCAL_TIMEOUT = 120.0  # seconds a query may run on the in-memory graph (``--timeout``)


class _Deadline(BaseException):
    """Raised by the alarm inside rdflib's evaluation (a BaseException: rdflib's ``except Exception`` lets it by)."""


@contextmanager
def deadline(seconds: float | None):
    """Raise ``_Deadline`` in this block after ``seconds`` (main thread on Unix; elsewhere no limit).

    An alarm set by a caller is kept: it still fires at its own time, and is re-armed afterwards.
    """
    import signal
    import threading
    import time

    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    prev_handler = signal.getsignal(signal.SIGALRM)
    prev_left, _ = signal.getitimer(signal.ITIMER_REAL)
    start = time.monotonic()

    def on_alarm(signum, frame):
        if time.monotonic() - start >= seconds - 1e-3 or not callable(prev_handler):
            raise _Deadline()
        prev_handler(signum, frame)  # the caller's alarm came first

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, prev_left) if prev_left else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, prev_handler)
        if prev_left:
            signal.setitimer(signal.ITIMER_REAL, max(prev_left - (time.monotonic() - start), 1e-6))


def run_local(text: str, graph: Graph, *, timeout: float | None = None) -> QueryResult:
    """Run a query on an rdflib graph and return a QueryResult.

    Nothing leaves the machine: a query with ``SERVICE`` is refused (found in the parsed algebra). The columns
    of ``SELECT *`` come in the order the variables first appear in the query. A query that runs longer than
    ``timeout`` seconds (default ``DEFAULT_LOCAL_TIMEOUT``) is stopped with a QueryError.
    """
    query_kind(text)
    prepared = parse_query(text)
    refuse_service(text, prepared.algebra)
    limit = DEFAULT_LOCAL_TIMEOUT if timeout is None else timeout
    try:
        with deadline(limit):
            return _evaluate(text, prepared, graph)
    except _Deadline:
        raise QueryError(f"the query ran longer than {limit:g} s and was stopped",
                         hint="narrow it, or give more time with --timeout SECONDS") from None


def _evaluate(text: str, prepared, graph: Graph) -> QueryResult:
    try:
        res = graph.query(prepared)
        if res.type == "SELECT":
            found = [str(v) for v in (res.vars or [])]
            rows = [{v: row[i] for i, v in enumerate(found) if row[i] is not None} for row in res]
        elif res.type == "ASK":
            return QueryResult(kind="ask", boolean=bool(res.askAnswer))
    except Exception as exc:  # evaluation errors of rdflib are not one type
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:200]}") from None
    if res.type == "SELECT":
        variables = list(found)
        star = select_star_order(text)
        if star is not None:
            rank = {v: i for i, v in enumerate(star)}
            variables.sort(key=lambda v: (rank.get(v, len(rank)), v))
        return QueryResult(kind="select", variables=variables, rows=rows)
    out = res.graph if res.graph is not None else Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=False)
    return QueryResult(kind="graph", graph=out)


def run_store(text: str, store) -> QueryResult:
    """Run a query with Oxigraph on a ``kg.store.embedded.Store`` (the union of its named graphs); the
    result has rdflib terms, as on the in-memory path (lexical forms are Oxigraph's canonical ones)."""
    from kg.store.embedded import to_rdflib

    kind = query_kind(text)
    refuse_service(text)
    try:
        res = store.ox.query(text, use_default_graph_as_union=True)
        if kind == "ask":
            return QueryResult(kind="ask", boolean=bool(res))
        if kind == "graph":
            from kg.namespaces import new_graph

            g = new_graph()
            for t in res:
                g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
            return QueryResult(kind="graph", graph=g)
        variables = [v.value for v in res.variables]
        star = select_star_order(text)
        if star is not None:
            rank = {v: i for i, v in enumerate(star)}
            variables.sort(key=lambda v: (rank.get(v, len(rank)), v))
        rows = []
        seen: dict = {}  # Oxigraph term -> rdflib term: answers repeat terms (documents, units, labels), and an
        for sol in res:  # rdflib Literal with a datatype costs ~10 µs to make (a quarter of a large answer's time)
            row = {}
            for v in variables:
                term = sol[v]
                if term is not None:
                    found = seen.get(term)
                    if found is None:
                        found = seen[term] = to_rdflib(term)
                    row[v] = found
            rows.append(row)
    except SyntaxError as exc:
        raise syntax_error(exc, text) from None
    except OSError as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:200]}") from None
    return QueryResult(kind="select", variables=variables, rows=rows)


def run_query(text: str, *, graph=None, endpoint: str | None = None,
              params: Mapping[str, str] | None = None, timeout: float | None = None,
              languages: Mapping[str, str] | None = None) -> QueryResult:
    """Bind ``params`` (tagged with ``languages``, see :func:`bind_params`) into ``text`` and run it on
    ``graph`` (a Graph, a Store or a graph file; default the built graph). A large graph is answered by
    Oxigraph (see ``kg.store.read.open_graph``).

    ``endpoint`` is the hook for remote SPARQL endpoints (the same bound text is sent there).
    """
    bound = bind_params(text, params, languages=languages)
    if endpoint is not None:
        from kg.ask.remote import run_remote

        return run_remote(bound, endpoint=endpoint, **({"timeout": timeout} if timeout else {}))
    if not isinstance(graph, Graph):
        from kg.store.read import open_graph

        graph = open_graph(graph)
        if not isinstance(graph, Graph):
            return run_store(bound, graph)
    return run_local(bound, graph, timeout=timeout)
