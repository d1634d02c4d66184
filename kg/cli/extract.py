"""`kg extract` (draft the facts of a raw document) and `kg eval` (measure the drafts against the corpus)."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import corpus_option, doc_option, output_option


@click.command("extract", epilog="""\b
Examples:
  kg extract new-letter.txt                      # draft to stdout
  kg extract new-letter.txt -o documents/new/facts.draft.yaml    # draft to a file (never built)
  kg extract --accept documents/new/facts.draft.yaml -o documents/new/facts.yaml   # after review
  kg extract data/documents/mohrss-2018-reply-4264/source.txt --against data/documents/mohrss-2018-reply-4264/facts.yaml""")
@click.argument("doc", type=click.Path(path_type=Path))
@click.option("--accept", "accept", is_flag=True,
              help="DOC is a reviewed draft: write it as curated facts (origin: curated, no confidence or rule).")
@output_option(help="Write the draft here, atomically (default: stdout).")
@click.option("--against", type=click.Path(path_type=Path), default=None,
              help="A curated facts file: print what the draft adds, lacks and changes instead of the draft.")
@corpus_option(help="Corpus whose registry and vocabularies names are linked to (default data/, or KG_CORPUS).")
@click.option("--year", type=int, default=None, help="The document's year, when the text does not give it (resolves 今年, 5月5日).")
def extract_cmd(doc: Path, accept: bool, output: Path | None, against: Path | None, corpus: Path | None,
                year: int | None) -> None:
    """Draft the facts of a raw Chinese document (UTF-8, GB18030 or Big5) in the corpus format."""
    if accept:
        from kg.extract.review import accept_draft
        from kg.output import write_atomic

        text = accept_draft(doc)
        if output is None:
            click.echo(text, nl=False)
        else:
            write_atomic(output, text.encode("utf-8"))
            click.echo(f"accepted {doc} as curated facts; wrote {output}", err=True)
        return
    from kg.extract.known import load_known
    from kg.extract.pipeline import extract_file
    from kg.extract.writer import draft_yaml
    from kg.extract.reading import MAX_BYTES
    from kg.inputs import max_input_bytes, max_input_given

    known = load_known(corpus)
    # a document of the genre is a few kB: unless the user raised the limit, a text above 16 MB is refused
    limit = max_input_bytes() if max_input_given() else min(max_input_bytes(), MAX_BYTES)
    draft = extract_file(doc, known=known, max_bytes=limit, doc_year=year)
    for note in draft.notes:
        click.echo(f"note: {note}", err=True)
    if against is not None:
        from kg.extract.review import review_file

        click.echo(review_file(draft, against, known).text())
        return
    text = draft_yaml(draft, source=doc.name)
    if output is None:
        click.echo(text, nl=False)
        return
    from kg.output import write_atomic

    write_atomic(output, text.encode("utf-8"))
    click.echo(f"drafted {len(draft.facts)} facts from {doc.name}; wrote {output}", err=True)


@click.command("eval", epilog="""\b
Examples:
  kg eval                       # every curated document of data/
  kg eval --doc mohrss-2018-reply-4264 -v""")
@corpus_option(help="Corpus folder with curated documents (default data/, or KG_CORPUS).")
@doc_option(multiple=True, help="Only this document (repeatable).")
@click.option("--exclude", multiple=True, help="Leave this document out (repeatable).")
@click.option("-v", "--verbose", is_flag=True, help="List the facts missed and the extra ones.")
def eval_cmd(corpus: Path | None, docs: tuple[str, ...], exclude: tuple[str, ...], verbose: bool) -> None:
    """Extract every curated document and print precision, recall and F1 per document and kind (matched by meaning)."""
    from kg import paths
    from kg.errors import InputError
    from kg.extract.evaluation import evaluate, report

    folder = paths.corpus_dir(corpus)
    results = evaluate(folder, only=list(docs) or None, exclude=list(exclude) or None)
    if not results:
        raise InputError("no curated document to evaluate", file=str(folder),
                         hint="documents/<id>/facts.yaml with its source text")
    click.echo(report(results, verbose=verbose))
