"""`kg query`, `kg export` and `kg verify`: thin wrappers over kg.api."""
from __future__ import annotations

import time
from pathlib import Path

import click

from kg.cli.options import (corpus_option, format_option, graph_given, graph_iri_option, graph_option,
                            include_personal_option, output_option)
from kg.errors import CheckFailed, InputError

FORMAT_CHOICES = ("table", "csv", "tsv", "json")
SLOW_ASK_SECONDS = 5.0  # a question that took longer than this on a graph file gets a note about --answers
EXPORT_CHOICES = ("turtle", "nt", "jsonld", "xml", "trig", "nquads")


def _params(items: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--param wants NAME=VALUE, got '{item}'")
        out[name.strip().lstrip("?")] = value
    return out


@click.command("query", epilog="""\b
Examples:
  kg query --list                                   # the catalog of questions
  kg query honors-by-person                         # a catalog question by name
  kg query person-profile --param name=张三         # with a parameter (bound safely)
  kg query queries/timeline.rq --format csv         # a .rq file
  kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
  kg query --all                                    # every catalog question
  kg query timeline --no-cache                      # ask the store, not the answer kept for this build
  kg query --endpoint http://127.0.0.1:7878/query honors-by-person   # on a SPARQL server (kg serve)""")
@click.argument("query", required=False)
@graph_option(help="Graph file to query.")
@click.option("--endpoint", default=None, metavar="URL",
              help="Run on this SPARQL endpoint instead of a graph file (credentials: KG_ENDPOINT_USER/_PASSWORD or netrc).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable to a string value (repeatable).")
@format_option(FORMAT_CHOICES, default="table", help="Output format for SELECT results.")
@click.option("--list", "list_", is_flag=True, help="List the catalog questions and exit.")
@click.option("--all", "all_", is_flag=True, help="Answer every catalog question (with default parameters).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None, metavar="S",
              help="Stop a query after S seconds (default 120 on a graph file, 30 on an endpoint).")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Ask the build's store even if the answer is kept for this build, and keep nothing.")
def query_cmd(query: str | None, graph: Path, endpoint: str | None, params: tuple[str, ...], fmt: str,
              list_: bool, all_: bool, timeout: float | None, no_cache: bool) -> None:
    """Answer a catalog question (by name), a .rq file or a SPARQL query string against the graph."""
    from kg.api import catalog, query as run

    if endpoint and graph_given():
        raise InputError("give --graph or --endpoint, not both")
    if list_:
        for q in catalog().values():
            extra = f"  [params: {', '.join(f'{k}={v}' if v is not None else k for k, v in q.params.items())}]" \
                if q.params else ""
            click.echo(f"{q.name:26} {q.title_zh}  {q.title_en}{extra}")
        return
    if all_:
        from kg.api import open_graph
        from kg.ask.formats import format_result

        if not endpoint and not no_cache:  # on a build's store: every answer asked on every core first, and kept
            from kg.api import prepare

            prepare(graph)
        g = None if endpoint else open_graph(graph)
        for q in catalog().values():
            click.echo(f"## {q.name}: {q.title_zh} / {q.title_en}")
            click.echo(format_result(run(q.name, graph=g, endpoint=endpoint, timeout=timeout, cache=not no_cache),
                                     fmt).rstrip("\n"))
            click.echo("")
        return
    if not query:
        raise InputError("give a catalog name, a .rq file or a query string", hint="`kg query --list` shows the questions")
    from kg.ask.formats import format_result

    started = time.perf_counter()
    result = run(query, graph=graph, params=_params(params), endpoint=endpoint, timeout=timeout, cache=not no_cache)
    seconds = time.perf_counter() - started
    click.echo(format_result(result, fmt).rstrip("\n"))
    if not endpoint and seconds > SLOW_ASK_SECONDS:
        click.echo(f"note: answered in {seconds:.1f} s; `kg build --answers` prepares every catalog answer after a "
                   "build, to be read back in well under a second", err=True)


@click.command("export", epilog="""\b
Examples:
  kg export --format turtle -o build/graph.ttl
  kg export --format jsonld -o build/graph.jsonld
  kg export --format nquads                 # to stdout; data in a named graph
  kg export --format trig --graph-iri https://example.org/graph/talent""")
@format_option(EXPORT_CHOICES, default="turtle", help="RDF format.")
@output_option(help="File to write atomically (default stdout).")
@graph_option(help="Graph file to export.")
@graph_iri_option(help="IRI of the named graph that holds the triples in trig/nquads.")
@include_personal_option()
def export_cmd(fmt: str, output: Path | None, graph: Path, graph_iri: str | None, include_personal: bool) -> None:
    """Write the graph as Turtle, N-Triples, JSON-LD, RDF/XML, TriG or N-Quads (atomically)."""
    from kg.api import export

    result = export(format=fmt, output=output, graph=graph, graph_iri=graph_iri, include_personal=include_personal,
                    note=lambda line: click.echo(line, err=True))
    if output is None:
        click.echo(result.text, nl=False)
    else:
        click.echo(f"wrote {result.triples} triples as {fmt} to {result.output}", err=True)


@click.command("verify", epilog="""\b
Examples:
  kg verify                   # the built graph
  kg verify --graph my.ttl --corpus my-corpus   # sources of my.ttl are in my-corpus/""")
@graph_option(help="Graph file to check.")
@corpus_option(help="Folder that holds the source texts, at any depth (default data/, or KG_CORPUS).")
def verify_cmd(graph: Path, corpus: Path | None) -> None:
    """Run the checks of queries/verify/ (and the quote-offset check); exit 1 if any finds rows."""
    from kg.api import verify
    from kg.ask.formats import short

    report = verify(graph, corpus=corpus)
    for check in report.checks:
        status = "ok  " if check.ok else "FAIL"
        click.echo(f"{status} {check.name}: {check.title}" + ("" if check.ok else f" ({len(check.result.rows)} rows)"))
        for row in check.result.rows[:10]:
            click.echo("       " + "  ".join(short(row.get(v)) for v in check.result.variables))
    if not report.ok:
        raise CheckFailed(f"{len(report.failed)} of {len(report.checks)} checks failed: "
                          + ", ".join(c.name for c in report.failed))
    click.echo(f"all {len(report.checks)} checks passed")
