"""kg query: safe parameter binding, the local runner, errors, and the CLI."""
from __future__ import annotations

import json
import re

import pytest

from kg.api import query
from kg.cli import main
from kg.errors import QueryError
from kg.ask.sparql import bind_params, query_variables, run_local, sparql_string

NASTY = [
    'x" } ; DELETE WHERE { ?s ?p ?o } #',
    "x' } ; DROP ALL ; #",
    '易冉" } UNION { ?p ?q ?label } #',
    'a\\" } }}} ; INSERT DATA { <http://e/a> <http://e/b> <http://e/c> } #',
    '"""\n}\nSELECT * WHERE { ?s ?p ?o }',
    "x\r\n\t}\\",
]


def test_bind_params_adds_a_values_block_in_the_where_group():
    q = "PREFIX e: <http://e/{x}> SELECT ?a # { not here\nWHERE { ?a e:p ?name . FILTER(?a != \"{\") }"
    bound = bind_params(q, {"name": "易冉"})
    assert bound.index('VALUES ?name { "易冉" }') > bound.index("WHERE {")
    assert bind_params(q, {}) == q


def test_bind_params_construct_skips_the_template():
    q = "CONSTRUCT { ?s ?p ?name } WHERE { ?s ?p ?name }"
    assert bind_params(q, {"name": "x"}) == 'CONSTRUCT { ?s ?p ?name } WHERE { VALUES ?name { "x" } ?s ?p ?name }'
    with pytest.raises(QueryError, match="short form"):
        bind_params("CONSTRUCT WHERE { ?s ?p ?name }", {"name": "x"})


def test_bind_params_several_values_and_bad_names():
    q = "SELECT * WHERE { ?a ?b ?c }"
    assert 'VALUES (?a ?b) { ("1" "2") }' in bind_params(q, {"a": "1", "b": "2"})
    with pytest.raises(QueryError, match="not a SPARQL variable name"):
        bind_params(q, {"a } DELETE": "1"})
    with pytest.raises(QueryError, match="not a variable of the query"):
        bind_params(q, {"zzz": "1"})


def test_bind_params_language_tags():
    q = "SELECT * WHERE { ?a ?b ?c }"
    assert 'VALUES (?a ?b) { ("1"@zh "2") }' in bind_params(q, {"a": "1", "b": "2"}, languages={"a": "zh"})
    assert 'VALUES ?a { "x"@zh-Hans }' in bind_params(q, {"a": "x"}, languages={"a": "zh-Hans"})
    with pytest.raises(QueryError, match="not a language tag"):
        bind_params(q, {"a": "x"}, languages={"a": "zh } DELETE"})


def test_catalog_header_language_tag(tmp_path):
    from kg.ask.catalog import parse_entry

    head = "# title-zh: 某人\n# title-en: A person\n# columns: p\n"
    q = parse_entry("x", head + "# params: who@zh=汤涛, n=1\nSELECT ?p WHERE { ?p ?who ?n }")
    assert q.params == {"who": "汤涛", "n": "1"} and q.languages == {"who": "zh"}
    assert 'VALUES (?who ?n) { ("汤涛"@zh "1") }' in q.bound_text()
    with pytest.raises(QueryError, match="not a language tag"):
        parse_entry("x", head + "# params: who@1=汤涛\nSELECT ?p WHERE { ?p ?who ?n }")


def test_tagged_parameter_takes_a_plain_value(capsys, graph_file):
    """`--param name=X` is a plain value; the catalog tags it, so the label matches (and a wrong tag would not)."""
    code, out, _ = run_cli(capsys, "query", "person-profile", "--param", "name=汤涛", "--graph", str(graph_file),
                           "-f", "csv")
    assert code == 0 and "职务,副部长,人力资源和社会保障部,zhuzhou-2022-37" in out
    assert query("person-mentioned", graph=graph_file, params={"name": "易冉"}).boolean is True
    assert query("person-mentioned", graph=graph_file, params={"name": "易冉@zh"}).boolean is False


@pytest.mark.parametrize("value", NASTY)
def test_escaped_values_stay_one_literal(value):
    from rdflib.plugins.sparql import prepareQuery

    q = "SELECT ?v WHERE { BIND(?x AS ?v) }"
    bound = bind_params(q, {"x": value})
    prepareQuery(bound)  # still one valid query
    from rdflib import Graph

    r = run_local(bound, Graph())
    assert [str(row["v"]) for row in r.rows] == [value]


@pytest.mark.parametrize("value", NASTY)
def test_injection_returns_no_rows_and_changes_nothing(graph, value):
    before = set(graph)
    assert query("person-profile", graph=graph, params={"name": value}).rows == []
    assert query("organization-profile", graph=graph, params={"name": value}).rows == []
    assert query("person-mentioned", graph=graph, params={"name": value}).boolean is False
    assert query("find-quote", graph=graph, params={"text": value}).rows == []
    assert set(graph) == before


def test_sparql_string_escapes():
    assert sparql_string('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'
    assert query_variables('SELECT ?a WHERE { ?a <http://e/?b> "?c" } # ?d') == {"a"}


def test_updates_are_refused(graph):
    with pytest.raises(QueryError, match="updates are not allowed"):
        query("DELETE WHERE { ?s ?p ?o }", graph=graph)


def test_query_string_file_and_catalog_name(graph, tmp_path):
    r = query("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/kg-talent/ontology#Person> }", graph=graph)
    assert r.kind == "select" and int(r.rows[0]["n"]) > 10
    f = tmp_path / "q.rq"
    f.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert query(str(f), graph=graph).boolean is True
    assert query("provincial-contest", graph=graph).as_dicts()[0]["number"] == 1


def test_catalog_parameter_errors(graph):
    with pytest.raises(QueryError, match="has no parameter 'nope'"):
        query("person-profile", graph=graph, params={"nope": "x"})


# ---------------------------------------------------------------- CLI


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_list(capsys):
    code, out, _ = run_cli(capsys, "query", "--list")
    assert code == 0
    assert "honors-by-person" in out and "谁获得了哪些荣誉" in out and "params: name=易冉" in out


def test_cli_question_with_param_table(capsys, graph_file):
    code, out, _ = run_cli(capsys, "query", "person-profile", "--param", "name=易冉", "--graph", str(graph_file))
    assert code == 0
    assert "党的二十大代表" in out and "大国工匠" in out and "中车株辆公司" in out


def test_cli_json_and_ask(capsys, graph_file):
    code, out, _ = run_cli(capsys, "query", "talent-totals", "-f", "json", "--graph", str(graph_file))
    data = json.loads(out)
    assert code == 0 and data["head"]["vars"][:2] == ["place", "measure"]
    assert [b["value"]["value"] for b in data["results"]["bindings"]] == ["598000", "301000", "130000"]  # numbers by value, one form (kg.ask.formats.canonical_text)
    code, out, _ = run_cli(capsys, "query", "person-mentioned", "-p", "name=袁健松", "--graph", str(graph_file))
    assert (code, out) == (0, "true\n")
    code, out, _ = run_cli(capsys, "query", "person-mentioned", "-p", 'name=x" } #', "--graph", str(graph_file))
    assert (code, out) == (0, "false\n")


def test_cli_describe_prints_turtle(capsys, graph_file):
    from rdflib import Graph

    code, out, _ = run_cli(capsys, "query", "person-graph", "--graph", str(graph_file))
    assert code == 0 and "@prefix kg:" in out
    assert len(Graph().parse(data=out, format="turtle")) > 5


def test_cli_syntax_error_has_line_and_column(capsys, graph_file):
    code, out, err = run_cli(capsys, "query", "SELECT * WHERE {\n  ?s ?p\n}", "--graph", str(graph_file))
    assert code == 2 and out == ""
    assert re.search(r"SPARQL syntax error at line [23], column \d+", err)
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_cli_unknown_name_format_param(capsys, graph_file):
    code, _, err = run_cli(capsys, "query", "no-such-question")
    assert code == 2 and "unknown catalog question 'no-such-question'" in err and "kg query --list" in err
    code, _, err = run_cli(capsys, "query", "timeline", "--format", "xml", "--graph", str(graph_file))
    assert code == 2 and "unknown format 'xml'" in err
    code, _, err = run_cli(capsys, "query", "timeline", "--param", "oops", "--graph", str(graph_file))
    assert code == 2 and "NAME=VALUE" in err
    code, _, err = run_cli(capsys, "query", "timeline", "--graph", "/nonexistent/graph.ttl")
    assert code == 2 and "graph file not found" in err


@pytest.mark.slow
def test_cli_all(capsys, graph_file):
    code, out, _ = run_cli(capsys, "query", "--all", "--graph", str(graph_file), "-f", "csv")
    assert code == 0
    from kg.api import catalog

    assert out.count("\n## ") + out.startswith("## ") == len(catalog())
    assert "1300000" in out and "湖南省第一届职业技能大赛" in out


@pytest.mark.slow
def test_bound_queries_are_plain_sparql_for_another_engine(graph):
    """The text bind_params makes runs unchanged on Oxigraph (as it will on a remote endpoint), same answers."""
    import pyoxigraph as ox

    from kg.api import catalog

    store = ox.Store()
    store.load(graph.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    size = len(store)
    for name, q in catalog().items():
        ours = query(name, graph=graph)
        theirs = store.query(q.bound_text())
        if ours.kind == "select":
            rows = {tuple("" if s[v] is None else s[v].value for v in ours.variables) for s in theirs}
            assert len(rows) == len(ours.rows), name
            texts = {tuple(str(r.get(v, "")) for v in ours.variables) for r in ours.rows}
            text_cols = [i for i, v in enumerate(ours.variables) if all(
                r.get(v) is None or getattr(r[v], "datatype", None) is None for r in ours.rows)]
            def norm(t):  # GROUP_CONCAT order is not defined: compare the parts
                return tuple("、".join(sorted(t[i].split("、"))) for i in text_cols)

            assert {norm(t) for t in rows} == {norm(t) for t in texts}, name
        elif ours.kind == "ask":
            assert bool(theirs) is ours.boolean
        else:
            assert len(list(theirs)) == len(ours.graph)
    for value in NASTY:
        bound = catalog()["person-profile"].bound_text({"name": value})
        assert list(store.query(bound)) == []
    assert len(store) == size


@pytest.mark.slow
def test_select_star_keeps_the_query_variable_order(graph_file):
    """`SELECT *` printed its columns in a different order from run to run (hash seed)."""
    import os
    import subprocess
    import sys

    heads = set()
    for seed in ("1", "2", "3", "4"):
        res = subprocess.run([sys.executable, "-m", "kg.cli", "query", "--graph", str(graph_file), "-f", "csv",
                              "SELECT * WHERE { ?quote <http://www.w3.org/ns/prov#value> ?words ; "
                              "<https://w3id.org/kg-talent/ontology#startOffset> ?start } LIMIT 1"],
                             capture_output=True, text=True, env=dict(os.environ, PYTHONHASHSEED=seed))
        heads.add(res.stdout.splitlines()[0])
    assert heads == {"quote,words,start"}


def test_service_is_refused_and_nothing_is_sent(capsys, graph_file):
    """A query with SERVICE used to send a request to that address (and hang on a silent server)."""
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    try:
        for text in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                     f"SELECT ?s WHERE {{ {{ SELECT ?s WHERE {{ SERVICE SILENT <http://127.0.0.1:{port}/q> {{ ?s ?p ?o }} }} }} }}",
                     "select * where { service ?where { ?s ?p ?o } values ?where { <http://127.0.0.1:9/x> } }"):
            code, out, err = run_cli(capsys, "query", "--graph", str(graph_file), text)
            assert code == 2 and err.count("\n") == 1 and "is refused: a local query never calls other servers" in err
        from kg.ask.sparql import run_query
        from kg.store.embedded import memory_store

        store = memory_store(path=graph_file, fmt="turtle")  # the Oxigraph path (large graphs) refuses it too
        with pytest.raises(QueryError, match="is refused"):
            run_query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}", graph=store)
        with pytest.raises(socket.timeout):
            listener.accept()  # no connection was attempted
    finally:
        listener.close()


def test_select_star_rows_keep_their_values(graph):
    rows = run_local("SELECT * WHERE { ?quote <http://www.w3.org/ns/prov#value> ?words ; "
                     "<https://w3id.org/kg-talent/ontology#startOffset> ?start } ORDER BY ?start LIMIT 3", graph)
    assert rows.variables == ["quote", "words", "start"]
    for row in rows.rows:
        assert str(row["quote"]).startswith("https://") and row["start"].datatype is not None


@pytest.mark.slow  # waits for the timeout to pass
def test_a_query_that_runs_too_long_is_stopped(capsys, graph_file):
    """A cross product of the graph with itself three times over would run for hours in rdflib."""
    import time

    start = time.monotonic()
    code, out, err = run_cli(capsys, "query", "--graph", str(graph_file), "--timeout", "1",
                             "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert code == 2 and "the query ran longer than 1 s and was stopped" in err and err.count("\n") == 1
    assert time.monotonic() - start < 10


@pytest.mark.parametrize("text", [
    "# title: x\n# a header without its query\nsome text with a / " + "x" * 300,  # found by the fuzz test
    "a/" * 300,  # a file name too long for the file system
    "q\x00.rq",
])
def test_text_that_is_neither_query_nor_file_is_one_line(capsys, graph_file, text):
    code, out, err = run_cli(capsys, "query", "--graph", str(graph_file), text)
    assert code == 2 and err.count("\n") == 1 and ("not a SPARQL query" in err or "query file not found" in err)


def test_cli_slow_answer_says_how_to_prepare(capsys, graph_file, monkeypatch):
    import kg.cli.query as cli_query

    code, out, err = run_cli(capsys, "query", "talent-totals", "--graph", str(graph_file))
    assert code == 0 and "598000" in out and "kg build --answers" not in err  # quick: no note
    monkeypatch.setattr(cli_query, "SLOW_ASK_SECONDS", 0.0)  # every answer counts as slow
    code, out, err = run_cli(capsys, "query", "talent-totals", "--graph", str(graph_file))
    assert code == 0 and "598000" in out and "598000" not in err  # the rows go to stdout, the note to stderr
    assert re.fullmatch(r"note: answered in \d+\.\d s; `kg build --answers` prepares every catalog answer after a build, "
                        r"to be read back in well under a second\n", err)
