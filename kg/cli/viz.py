"""`kg viz` and `kg stats`: draw the relationship graph; print its summary figures."""
from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli.options import (doc_option, format_option, graph_option, include_personal_option, nary_option,
                            output_option)


@click.command("viz", epilog="""\b
Examples:
  kg viz                          # build/graph.html: interactive, offline page
  kg viz -o build/graph.png       # static picture for reports (also .svg)
  kg viz --format gexf            # build/graph.gexf for Gephi (also graphml for Cytoscape)
  kg viz --focus 张三 --depth 2    # one entity and what is within 2 links of it
  kg viz --nary nodes             # keep conferrals, fundings, observations… as nodes
  kg viz --doc DOC-ID             # one document's named graph
  kg viz --stats                  # also print the summary figures (see kg stats)""")
@format_option(["html", "svg", "png", "graphml", "gexf"], help="Output format (default: from the -o suffix, else html).")
@output_option(help="Where to write, atomically (default: build/graph.<format>).")
@click.option("--focus", metavar="NAME", help="Only this entity (Chinese/English label or id) and its neighbours.")
@click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True, help="Neighbourhood size for --focus.")
@nary_option()
@graph_option(help="Graph file to draw (Turtle, TriG or N-Quads keep one named graph per document).")
@doc_option()
@include_personal_option(help="Keep personal contact data (telephone, e-mail) in the picture; left out by default.")
@click.option("--stats", "show_stats", is_flag=True, help="Also print node/edge counts, hubs and components.")
def viz_cmd(fmt: str | None, output: Path | None, focus: str | None, depth: int, nary: str,
            graph: Path, doc: str | None, include_personal: bool, show_stats: bool) -> None:
    """Draw the relationship graph: offline HTML page, SVG, PNG, GraphML or GEXF."""
    from kg.draw.views import visualize

    result = visualize(graph, fmt=fmt, output=output, focus=focus, depth=depth, nary=nary, doc=doc,
                       include_personal=include_personal)
    G = result.graph
    click.echo(f"wrote {result.output} ({result.format}, {G.number_of_nodes()} nodes, {G.number_of_edges()} edges)",
               err=str(result.output) == "-")  # the picture went to standard output: the note goes to stderr
    if show_stats:
        from kg.draw.compact import CompactGraph
        from kg.draw.stats import graph_stats, relationship_stats

        if isinstance(G, CompactGraph):  # the page of a large graph (no --focus) kept no networkx graph
            click.echo(relationship_stats(graph, nary=nary, doc=doc, include_personal=include_personal).text())
        else:
            click.echo(graph_stats(G).text())


@click.command("stats", epilog="""\b
Examples:
  kg stats                  # counts per class and relation, hubs, components
  kg stats --top 5 --json
  kg stats --nary nodes     # with conferrals, observations… as nodes""")
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many hubs to list.")
@nary_option(help="Count n-ary facts as edges or as nodes.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@graph_option(help="Graph file to summarize.")
@doc_option()
def stats_cmd(top: int, nary: str, as_json: bool, graph: Path, doc: str | None) -> None:
    """Summary figures of the relationship graph: nodes and edges per class, most connected, components."""
    from kg.draw.stats import relationship_stats

    stats = relationship_stats(graph, top=top, nary=nary, doc=doc)
    click.echo(json.dumps(stats.as_dict(), ensure_ascii=False, indent=2) if as_json else stats.text())
