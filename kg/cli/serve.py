"""`kg serve`: a real SPARQL server (Oxigraph) on 127.0.0.1 with the built graph loaded."""
from __future__ import annotations

import signal
from pathlib import Path

import click

from kg.cli.options import graph_option
from kg.paths import DEFAULT_OUT_DIR


@click.command("serve", epilog="""\b
Examples:
  kg serve                                  # build/graph.ttl at http://127.0.0.1:7878/query
  kg serve --port 8000 --location /tmp/kg-store
  kg serve --read-only                      # serve-read-only: queries only, no /update or /store writes
  kg serve --no-load                        # serve the store as it is (e.g. after kg push)
  kg serve --memory --no-load               # an empty store in memory: the fastest target for kg push""")
@click.option("--location", type=click.Path(path_type=Path), default=DEFAULT_OUT_DIR / "oxigraph", show_default=True,
              help="Directory where the server keeps its data.")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True, help="Port on 127.0.0.1.")
@click.option("--read-only", is_flag=True, help="Start `oxigraph serve-read-only` (no updates, no uploads).")
@graph_option(help="Graph file loaded as the default graph before the server starts.")
@click.option("--no-load", is_flag=True, help="Do not load a graph; serve the store as it is.")
@click.option("--memory", is_flag=True,
              help="Keep the store in memory instead of --location: nothing on disk, gone when the server stops; "
                   "several times faster writes (kg push of a corpus), about 350 bytes of memory a triple.")
def serve_cmd(location: Path, port: int, read_only: bool, graph: Path, no_load: bool, memory: bool) -> None:
    """Start an Oxigraph SPARQL server on 127.0.0.1 with the graph loaded; Ctrl-C stops it."""
    from kg.publish.server import serve

    server = serve(location=None if memory else location, port=port, read_only=read_only,
                   graph_file=None if no_load else graph)
    stopping = []

    def stop(signum, frame):  # SIGINT (Ctrl-C) or SIGTERM: stop the child, then return normally
        stopping.append(signum)
        if server.process is not None:
            server.process.terminate()

    old = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        loaded = ("an empty store" if memory else "the store as it is") if no_load else str(graph)
        mode = "read-only" if read_only else "read-write"
        click.echo(f"serving {loaded} ({mode}, data " + ("in memory)" if memory else f"in {location})"))
        click.echo(f"SPARQL query endpoint: {server.query_url}")
        if not read_only:
            click.echo(f"SPARQL update endpoint: {server.update_url}   graph store: {server.store_url}")
        click.echo("press Ctrl-C to stop", err=True)
        code = server.process.wait()
    finally:
        server.stop()
        for s, h in old.items():
            signal.signal(s, h)
    if not stopping:
        from kg.errors import EndpointError

        raise EndpointError(f"the oxigraph server stopped unexpectedly (exit code {code})")
    click.echo("server stopped", err=True)
