"""The `kg` command line: parses arguments, calls one library function, prints.

Commands are loaded lazily (one module each under kg/commands/) so `kg --help` and `kg build` stay fast.
Errors from the library (kg.errors.KgError) become one line on stderr and an exit code:
0 ok, 1 validation or check failed, 2 bad usage or input.
"""
from __future__ import annotations

import sys

import click

from kg.errors import KgError

# name -> (module, attribute, one-line help). Each command lives in kg/commands/<module>.py.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "build": ("kg.cli.build", "build_cmd", "Build the graph from the facts, validate it, write Turtle."),
    "validate": ("kg.cli.build", "validate_cmd", "Validate a graph file against the SHACL shapes."),
    "query": ("kg.cli.query", "query_cmd", "Answer a catalog question, .rq file or SPARQL query: table, CSV, TSV, JSON."),
    "export": ("kg.cli.query", "export_cmd", "Write the graph as Turtle, N-Triples, JSON-LD, RDF/XML, TriG or N-Quads."),
    "verify": ("kg.cli.query", "verify_cmd", "Run the checks that must find nothing (queries/verify/); exit 1 if any does."),
    "viz": ("kg.cli.viz", "viz_cmd", "Draw the relationship graph: offline HTML page, SVG, PNG, GraphML, GEXF."),
    "stats": ("kg.cli.viz", "stats_cmd", "Summary figures: nodes/edges per class, most connected, components."),
    "serve": ("kg.cli.serve", "serve_cmd", "Start a SPARQL server (Oxigraph) on 127.0.0.1 with the graph loaded."),
    "push": ("kg.cli.push", "push_cmd", "Publish the graph to a SPARQL server, replacing a graph atomically."),
    "extract": ("kg.cli.extract", "extract_cmd", "Draft the facts of a raw document (rules, no model): YAML with quotes and offsets."),
    "eval": ("kg.cli.extract", "eval_cmd", "Measure extraction against the curated corpus: precision, recall, F1 per document and kind."),
}

EPILOG = """\b
Examples:
  kg build                      # build, validate and write build/graph.ttl
  kg validate build/graph.ttl   # check a graph file against the shapes
\b
Exit codes: 0 ok, 1 validation or check failed, 2 bad usage or input."""


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        import importlib

        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg", prog_name="kg")
def cli() -> None:
    """kg: a knowledge graph of skilled-talent programs, people and honors."""


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; turn kg errors into one line and an exit code (never a traceback)."""
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except KgError as exc:
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
