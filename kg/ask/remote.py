"""Run a SPARQL query on a remote endpoint (SPARQLWrapper) and return the same QueryResult as a local query.

SELECT and ASK ask for SPARQL JSON results; CONSTRUCT and DESCRIBE for Turtle (N-Triples is accepted too).
JSON bindings become rdflib terms with their datatype and language tag, so a remote row compares equal
to the local row for the same data.

>>> term_from_json({"type": "literal", "value": "张三", "xml:lang": "zh"}) == Literal("张三", lang="zh")
True
>>> term_from_json({"type": "literal", "value": "3", "datatype": str(XSD.integer)}) == Literal(3)
True
>>> query_form("PREFIX ex: <http://e/> SELECT * { ?s ex:p ?o }")
'select'
>>> run_remote("SELECT * {}", endpoint="ftp://example.org/")
Traceback (most recent call last):
kg.errors.EndpointError: the endpoint must be an http:// or https:// URL
"""
from __future__ import annotations

import json
import socket
import urllib.error
from typing import Any
from urllib.parse import urlsplit

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kg.ask.auth import Credentials, credentials_for
from kg.errors import EndpointError, QueryError
from kg.namespaces import new_graph
from kg.ask.results import QueryResult

_FORMS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct", "DescribeQuery": "describe"}


def check_endpoint(endpoint: str) -> str:
    """Return ``endpoint`` if it is an http(s) URL without credentials in it; raise EndpointError otherwise.

    The URL is never echoed back when it carries user info, so a password typed into it is not printed.

    >>> check_endpoint("http://user:secret@127.0.0.1:7878/query")
    Traceback (most recent call last):
    kg.errors.EndpointError: credentials in the endpoint URL are not accepted (use KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD or a netrc file)
    """
    try:
        parts = urlsplit(endpoint)
    except ValueError:
        raise EndpointError("the endpoint is not a valid URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError("the endpoint must be an http:// or https:// URL")
    if parts.username is not None or parts.password is not None:
        raise EndpointError("credentials in the endpoint URL are not accepted "
                            "(use KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD or a netrc file)")
    return endpoint


def query_form(query_text: str) -> str:
    """The form of a query: select, ask, construct or describe (parsed with rdflib; a query rdflib cannot
    parse is sent as is and its form is guessed by SPARQLWrapper, so the server has the last word)."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        name = parseQuery(query_text)[1].name
    except Exception:  # pyparsing raises several exception types; the server reports the real syntax error
        name = None
    if name in _FORMS:
        return _FORMS[name]
    import warnings

    from SPARQLWrapper import SPARQLWrapper

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sw = SPARQLWrapper("http://127.0.0.1/")
        sw.setQuery(query_text)
    qtype = (sw.queryType or "SELECT").lower()
    if qtype not in _FORMS.values():
        raise QueryError(f"only queries can run on an endpoint, not a SPARQL {qtype.upper()} update")
    return qtype


def term_from_json(binding: dict[str, Any]) -> Node:
    """One value of a SPARQL JSON result as an rdflib term (IRI, blank node, literal with datatype or language)."""
    kind = binding.get("type")
    value = binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = binding.get("xml:lang")
        if lang:
            return Literal(value, lang=lang)
        datatype = binding.get("datatype")
        if datatype and datatype != str(XSD.string) and datatype != str(RDF.langString):
            return Literal(value, datatype=URIRef(datatype))
        return Literal(value)
    if kind == "triple":  # RDF-star quoted triple: not used by kg; keep its text
        return Literal(json.dumps(value, ensure_ascii=False))
    raise EndpointError(f"the endpoint sent a result term of unknown type {kind!r}")


def result_from_json(form: str, data: dict[str, Any]) -> QueryResult:
    """A SPARQL 1.1 JSON results document as a QueryResult."""
    if form == "ask":
        if "boolean" not in data:
            raise EndpointError("the endpoint sent an ASK answer without a boolean")
        return QueryResult(kind="ask", boolean=bool(data["boolean"]))
    try:
        variables = list(data["head"].get("vars", []))
        bindings = data["results"]["bindings"]
    except (KeyError, TypeError, AttributeError):
        raise EndpointError("the endpoint sent malformed SPARQL JSON results") from None
    rows = [{var: term_from_json(b) for var, b in row.items()} for row in bindings]
    return QueryResult(kind="select", variables=variables, rows=rows)


def _one_line(text: Any, limit: int = 200) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = " ".join(str(text).split())
    return text[:limit] + ("…" if len(text) > limit else "")


def _server_message(exc: Exception) -> str:
    """The server's own explanation from a SPARQLWrapper exception (its text after the 'Response:' marker)."""
    msg = str(exc)
    if "Response:" in msg:
        msg = msg.split("Response:", 1)[1]
    msg = msg.strip()
    if msg.startswith(("b'", 'b"')):
        msg = msg[2:-1].encode("latin-1", "backslashreplace").decode("unicode_escape", "replace")
        try:
            msg = msg.encode("latin-1").decode("utf-8")
        except UnicodeError:
            pass
    return _one_line(msg)


def run_remote(query_text: str, *, endpoint: str, timeout: float = 30, auth: Credentials | None = None) -> QueryResult:
    """Run ``query_text`` (already bound, see the catalog's bind_params) on ``endpoint``; return a QueryResult.

    ``auth`` defaults to the credentials found for the endpoint in the environment or netrc
    (see kg.ask.auth). Any failure — timeout, unreachable server, HTTP error, syntax error reported by the
    server — raises EndpointError with a one-line message that never contains the credentials.
    """
    from SPARQLWrapper import BASIC, JSON, POST, SPARQLWrapper, TURTLE

    check_endpoint(endpoint)
    form = query_form(query_text)
    auth = auth if auth is not None else credentials_for(endpoint)
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(query_text)
    sw.queryType = form.upper()  # our parse, not SPARQLWrapper's regular expression
    sw.setMethod(POST)
    sw.timeout = timeout  # passed on to urllib as is (setTimeout() would round it to int)
    sw.setOnlyConneg(True)  # ask by Accept header only, no format=/output= parameters some servers reject
    sw.setReturnFormat(JSON if form in ("select", "ask") else TURTLE)
    if auth is not None:
        sw.setHTTPAuth(BASIC)
        sw.setCredentials(auth.user, auth.password)
    try:
        return _run(sw, form, endpoint, timeout)
    except EndpointError as exc:
        if auth is not None:
            exc.message = auth.scrub(exc.message)
            exc.args = (str(exc),)
        raise


def _run(sw, form: str, endpoint: str, timeout: float) -> QueryResult:
    from SPARQLWrapper.SPARQLExceptions import (EndPointInternalError, EndPointNotFound, QueryBadFormed,
                                                SPARQLWrapperException, Unauthorized)

    where = urlsplit(endpoint).netloc
    try:
        response = sw.query()
        body = response.response.read()
        content_type = (response.response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    except QueryBadFormed as exc:
        raise EndpointError(f"the endpoint rejected the query: {_server_message(exc)}") from None
    except Unauthorized:
        raise EndpointError(f"the endpoint at {where} refused the credentials (HTTP 401)") from None
    except EndPointNotFound:
        raise EndpointError(f"no SPARQL endpoint at {endpoint} (HTTP 404)") from None
    except EndPointInternalError as exc:
        raise EndpointError(f"the endpoint failed to answer (HTTP 500): {_server_message(exc)}") from None
    except SPARQLWrapperException as exc:
        raise EndpointError(f"the endpoint refused the query: {_server_message(exc)}") from None
    except urllib.error.HTTPError as exc:
        raise EndpointError(f"the endpoint answered HTTP {exc.code} {_one_line(exc.reason, 80)}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise EndpointError(f"the endpoint at {where} did not answer within {timeout:g} s") from None
        text = getattr(reason, "strerror", None) or _one_line(reason, 120)
        raise EndpointError(f"cannot reach the endpoint at {where}: {text}") from None
    except (TimeoutError, socket.timeout):
        raise EndpointError(f"the endpoint at {where} did not answer within {timeout:g} s") from None
    except OSError as exc:
        raise EndpointError(f"connection to the endpoint at {where} failed: {exc.strerror or _one_line(exc, 120)}") from None

    if form in ("select", "ask"):
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise EndpointError(f"the endpoint did not send SPARQL JSON results (Content-Type {content_type or 'none'})") from None
        return result_from_json(form, data)
    fmt = {"application/n-triples": "nt", "text/plain": "nt", "application/n-quads": "nquads",
           "application/rdf+xml": "xml", "application/ld+json": "json-ld"}.get(content_type, "turtle")
    graph = new_graph()  # kg's prefixes, schema: as http — printed like a local CONSTRUCT result
    try:
        graph.parse(data=body.decode("utf-8"), format=fmt)
    except Exception as exc:  # rdflib parsers raise several exception types
        raise EndpointError(f"the endpoint sent an unreadable graph ({content_type}): {_one_line(exc, 120)}") from None
    return QueryResult(kind="graph", graph=graph)
