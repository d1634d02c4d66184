"""`kg query`, `kg export` and `kg verify`: thin wrappers over kg.api."""
from __future__ import annotations

from pathlib import Path

import click

from kg.errors import CheckFailed, InputError
from kg.paths import DEFAULT_GRAPH

FORMAT_CHOICES = ("table", "csv", "tsv", "json")
EXPORT_CHOICES = ("turtle", "nt", "jsonld", "xml", "trig", "nquads")


def _params(items: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--param wants NAME=VALUE, got '{item}'")
        out[name.strip().lstrip("?")] = value
    return out


def _format_option(fmt: str, choices: tuple[str, ...]) -> str:
    if fmt not in choices:
        raise InputError(f"unknown format '{fmt}'", hint="use one of " + ", ".join(choices))
    return fmt


@click.command("query", epilog="""\b
Examples:
  kg query --list                                   # the catalog of questions
  kg query honors-by-person                         # a catalog question by name
  kg query person-profile --param name=陈志漫       # with a parameter (bound safely)
  kg query queries/timeline.rq --format csv         # a .rq file
  kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
  kg query --all                                    # every catalog question
  kg query --endpoint http://127.0.0.1:7878/query honors-by-person   # on a SPARQL server (kg serve)""")
@click.argument("query", required=False)
@click.option("--graph", "graph", type=click.Path(path_type=Path), default=None,
              help=f"Graph file to query (default {DEFAULT_GRAPH.relative_to(DEFAULT_GRAPH.parent.parent)}).")
@click.option("--endpoint", default=None, metavar="URL",
              help="Run on this SPARQL endpoint instead of a graph file (credentials: KG_ENDPOINT_USER/_PASSWORD or netrc).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable to a string value (repeatable).")
@click.option("--format", "-f", "fmt", default="table", show_default=True, metavar="|".join(FORMAT_CHOICES),
              help="Output format for SELECT results.")
@click.option("--list", "list_", is_flag=True, help="List the catalog questions and exit.")
@click.option("--all", "all_", is_flag=True, help="Answer every catalog question (with default parameters).")
def query_cmd(query: str | None, graph: Path | None, endpoint: str | None, params: tuple[str, ...], fmt: str,
              list_: bool, all_: bool) -> None:
    """Answer a catalog question (by name), a .rq file or a SPARQL query string against the graph."""
    from kg.api import catalog, query as run

    fmt = _format_option(fmt, FORMAT_CHOICES)
    if endpoint and graph:
        raise InputError("give --graph or --endpoint, not both")
    if list_:
        for q in catalog().values():
            extra = f"  [params: {', '.join(f'{k}={v}' if v is not None else k for k, v in q.params.items())}]" \
                if q.params else ""
            click.echo(f"{q.name:26} {q.title_zh}  {q.title_en}{extra}")
        return
    if all_:
        from kg.api import load
        from kg.ask.formats import format_result

        g = None if endpoint else load(graph or DEFAULT_GRAPH)
        for q in catalog().values():
            click.echo(f"## {q.name}: {q.title_zh} / {q.title_en}")
            click.echo(format_result(run(q.name, graph=g, endpoint=endpoint), fmt).rstrip("\n"))
            click.echo("")
        return
    if not query:
        raise InputError("give a catalog name, a .rq file or a query string", hint="`kg query --list` shows the questions")
    from kg.ask.formats import format_result

    result = run(query, graph=graph or DEFAULT_GRAPH, params=_params(params), endpoint=endpoint)
    click.echo(format_result(result, fmt).rstrip("\n"))


@click.command("export", epilog="""\b
Examples:
  kg export --format turtle -o build/graph.ttl
  kg export --format jsonld -o build/graph.jsonld
  kg export --format nquads                 # to stdout; data in a named graph""")
@click.option("--format", "-f", "fmt", default="turtle", show_default=True, metavar="|".join(EXPORT_CHOICES),
              help="RDF format.")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None, help="File to write (default stdout).")
@click.option("--graph", "graph", type=click.Path(path_type=Path), default=None, help="Graph file to export (default the built graph).")
@click.option("--graph-name", default=None, help="IRI of the named graph for trig/nquads.")
def export_cmd(fmt: str, output: Path | None, graph: Path | None, graph_name: str | None) -> None:
    """Write the graph as Turtle, N-Triples, JSON-LD, RDF/XML, TriG or N-Quads (atomically)."""
    from kg.api import export

    fmt = _format_option(fmt, EXPORT_CHOICES)
    result = export(format=fmt, output=output, graph=graph or DEFAULT_GRAPH, graph_name=graph_name)
    if output is None:
        click.echo(result.text, nl=False)
    else:
        click.echo(f"wrote {result.triples} triples as {fmt} to {result.output}", err=True)


@click.command("verify", epilog="""\b
Examples:
  kg verify                   # the built graph
  kg verify --graph my.ttl""")
@click.option("--graph", "graph", type=click.Path(path_type=Path), default=None, help="Graph file to check (default the built graph).")
def verify_cmd(graph: Path | None) -> None:
    """Run the checks of queries/verify/ (and the quote-offset check); exit 1 if any finds rows."""
    from kg.api import verify
    from kg.ask.formats import short

    report = verify(graph or DEFAULT_GRAPH)
    for check in report.checks:
        status = "ok  " if check.ok else "FAIL"
        click.echo(f"{status} {check.name}: {check.title}" + ("" if check.ok else f" ({len(check.result.rows)} rows)"))
        for row in check.result.rows[:10]:
            click.echo("       " + "  ".join(short(row.get(v)) for v in check.result.variables))
    if not report.ok:
        raise CheckFailed(f"{len(report.failed)} of {len(report.checks)} checks failed: "
                          + ", ".join(c.name for c in report.failed))
    click.echo(f"all {len(report.checks)} checks passed")
