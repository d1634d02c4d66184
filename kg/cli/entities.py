"""`kg entities` and `kg duplicates`: the corpus's shared entities and likely duplicates (from the facts files)."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import corpus_option, format_option

FORMATS = ("table", "csv", "tsv", "json")


def _result(variables: list[str], rows: list[list[str]]):
    from rdflib import Literal

    from kg.ask.results import QueryResult

    return QueryResult(kind="select", variables=variables,
                       rows=[{v: Literal(x) for v, x in zip(variables, row) if x != ""} for row in rows])


@click.command("entities", epilog="""\b
Examples:
  kg entities                    # registry entities and the documents that name them
  kg entities --all              # and every document's own persons, organizations, places…
  kg entities --duplicates       # likely duplicates (the same as kg duplicates)
  kg entities --format csv --corpus my-corpus""")
@corpus_option(help="Corpus folder: documents/, registry/, vocab/ (default data/, or KG_CORPUS).")
@click.option("--all", "all_", is_flag=True, help="Also list each document's own named entities (doc-id/fact-id).")
@click.option("--duplicates", is_flag=True, help="List likely duplicates instead (see kg duplicates).")
@format_option(FORMATS, default="table", help="Output format.")
def entities_cmd(corpus: Path | None, all_: bool, duplicates: bool, fmt: str) -> None:
    """List the registry's entities with the documents that mention them (--all: every named entity)."""
    if duplicates:
        _print_duplicates(corpus, fmt)
        return
    from kg.ask.formats import format_result
    from kg.facts.entities import corpus_entities

    ents = corpus_entities(corpus, documents=all_)
    rows = [[e.ref, e.cls, e.name, "、".join(e.alt_labels), str(len(e.documents)), " ".join(e.documents)] for e in ents]
    click.echo(format_result(_result(["entity", "class", "name", "also", "count", "documents"], rows), fmt))


def _print_duplicates(corpus: Path | None, fmt: str) -> None:
    from kg.ask.formats import format_result
    from kg.facts.entities import duplicate_candidates

    found = duplicate_candidates(corpus)
    rows = [[c.reason, c.a.ref, c.names[0], c.b.ref, c.names[1], f"{c.b.file}:{c.b.line}"] for c in found]
    click.echo(format_result(_result(["reason", "entity", "name", "other", "other_name", "defined_at"], rows), fmt))
    if fmt == "table":
        click.echo(f"{len(found)} likely duplicate(s)" + (
            "; decide each in registry/decisions.yaml (same: linked by owl:sameAs; distinct: not reported again)"
            if found else ""), err=True)


@click.command("duplicates", epilog="""\b
Examples:
  kg duplicates                  # same, short (人社部 / 人力资源和社会保障部) or similar names across documents
  kg duplicates --format json""")
@corpus_option(help="Corpus folder: documents/, registry/, vocab/ (default data/, or KG_CORPUS).")
@format_option(FORMATS, default="table", help="Output format.")
def duplicates_cmd(corpus: Path | None, fmt: str) -> None:
    """Report likely duplicate entities across documents, unless decided in registry/decisions.yaml."""
    _print_duplicates(corpus, fmt)
