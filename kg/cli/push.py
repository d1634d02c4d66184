"""`kg push`: publish the graph to a SPARQL server, replacing a graph atomically."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import graph_iri_option, graph_option, include_personal_option


@click.command("push", epilog="""\b
Examples:
  kg push --endpoint http://127.0.0.1:7878                        # Oxigraph, default graph
  kg push --endpoint http://127.0.0.1:7878 --graph-iri https://w3id.org/kg-talent/graph
  kg push --endpoint http://localhost:3030/ds/data --graph-iri https://w3id.org/kg-talent/graph   # Fuseki
  kg push --endpoint http://localhost:7200/repositories/kg/rdf-graphs/service                 # GraphDB
  kg push --endpoint http://127.0.0.1:7878 --graph build/graph.trig   # a corpus: one named graph per document
\b
A dataset (.trig, .nq: what kg build writes for a corpus) is pushed one named graph per document (graphs an
Oxigraph server does not hold yet through its bulk loader, a failed batch dropped again); after a change only
the documents that changed are sent, each replaced atomically (what was pushed is remembered in
build/cache/push/).
Credentials (basic auth) come from KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD or a netrc file
($NETRC or ~/.netrc), never from the command line.""")
@click.option("--endpoint", required=True,
              help="Graph Store URL: Oxigraph server root or …/store; Fuseki …/ds/data; GraphDB …/repositories/ID/rdf-graphs/service.")
@graph_iri_option(help="IRI of the named graph to replace (default: the default graph).")
@click.option("--update-endpoint", default=None,
              help="SPARQL Update URL, when it cannot be derived from --endpoint.")
@graph_option(help="Graph file to publish.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=120, show_default=True, help="Seconds per request.")
@include_personal_option()
@click.option("--all", "send_all", is_flag=True, help="For a dataset: send every graph, not only those that changed.")
def push_cmd(endpoint: str, graph_iri: str | None, update_endpoint: str | None, graph: Path, timeout: float,
             include_personal: bool, send_all: bool) -> None:
    """Upload the graph with the Graph Store protocol and swap it in atomically (one SPARQL MOVE)."""
    from kg.publish.upload import push

    if graph_iri is None and Path(graph).suffix in (".trig", ".nq"):
        import hashlib

        from kg.publish.upload import dataset_parts, push_dataset, store_and_update_urls

        store_url, _ = store_and_update_urls(endpoint, update_endpoint)
        state = Path(graph).parent / "cache" / "push" / (hashlib.sha256(store_url.encode()).hexdigest()[:16] + ".json")
        d = push_dataset(dataset_parts(Path(graph)), endpoint=endpoint, update_endpoint=update_endpoint, state=state,
                         timeout=timeout, force=send_all, include_personal=include_personal)
        how = (f"{d.loaded} new ones through the server's bulk loader, {d.replaced - d.loaded} replaced atomically"
               if d.loaded else "each replaced atomically" if d.replaced else "nothing changed on the server"
               if not d.dropped else "nothing else changed")
        click.echo(f"pushed {d.replaced} named graphs ({d.triples} triples, {d.bytes:,} bytes), dropped {d.dropped}, "
                   f"{d.unchanged} unchanged, to {d.store_url} in {d.seconds:.2f} s; {how}")
        return
    r = push(graph, endpoint=endpoint, graph_iri=graph_iri, update_endpoint=update_endpoint, timeout=timeout,
             include_personal=include_personal)
    click.echo(f"pushed {r.triples} triples ({r.bytes:,} bytes N-Triples) to {r.target} at {r.store_url} "
               f"in {r.seconds:.2f} s; replaced atomically")
