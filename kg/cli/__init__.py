"""The `kg` command line: parses arguments, calls one library function, prints.

Commands are loaded lazily (one module each under kg/commands/) so `kg --help` and `kg build` stay fast.
Errors from the library (kg.errors.KgError) become one line on stderr and an exit code:
0 ok, 1 validation or check failed, 2 bad usage or input; any other exception is a bug in kg and becomes
one ``internal error: …`` line and exit code 3 (``--debug`` or ``KG_DEBUG=1`` shows the traceback).
"""
from __future__ import annotations

import sys
import warnings

import click

from kg.errors import KgError

# name -> (module, attribute, one-line help). Each command lives in kg/commands/<module>.py.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "build": ("kg.cli.build", "build_cmd", "Build the corpus's graph (one named graph per document), validate it, write TriG + Turtle."),
    "validate": ("kg.cli.build", "validate_cmd", "Validate a graph file against the SHACL shapes."),
    "query": ("kg.cli.query", "query_cmd", "Answer a catalog question, .rq file or SPARQL query: table, CSV, TSV, JSON."),
    "export": ("kg.cli.query", "export_cmd", "Write the graph as Turtle, N-Triples, JSON-LD, RDF/XML, TriG or N-Quads."),
    "verify": ("kg.cli.query", "verify_cmd", "Run the checks that must find nothing (queries/verify/); exit 1 if any does."),
    "viz": ("kg.cli.viz", "viz_cmd", "Draw the relationship graph: offline HTML page, SVG, PNG, GraphML, GEXF."),
    "stats": ("kg.cli.viz", "stats_cmd", "Summary figures: nodes/edges per class, most connected, components."),
    "serve": ("kg.cli.serve", "serve_cmd", "Start a SPARQL server (Oxigraph) on 127.0.0.1 with the graph loaded."),
    "push": ("kg.cli.push", "push_cmd", "Publish the graph to a SPARQL server, replacing a graph atomically."),
    "entities": ("kg.cli.entities", "entities_cmd", "List the registry's entities with the documents that mention them."),
    "duplicates": ("kg.cli.entities", "duplicates_cmd", "Report likely duplicate entities across documents (same, short or similar names)."),
    "extract": ("kg.cli.extract", "extract_cmd", "Draft the facts of a raw document (rules, no model): YAML with quotes and offsets."),
    "eval": ("kg.cli.extract", "eval_cmd", "Measure extraction against the curated corpus: precision, recall, F1 per document and kind."),
}

EPILOG = """\b
Examples:
  kg build                      # build, validate and write build/graph.ttl
  kg validate build/graph.ttl   # check a graph file against the shapes
\b
Exit codes: 0 ok, 1 validation or check failed, 2 bad usage or input, 3 internal error (a bug;
--debug shows the traceback)."""


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        import importlib

        from kg.cli.options import add_common_options

        return add_common_options(getattr(importlib.import_module(module), attr))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg", prog_name="kg")
@click.option("--debug", is_flag=True, expose_value=False, is_eager=True,
              callback=lambda ctx, param, value: _set_debug(ctx, param, value),
              help="On an internal error, show the Python traceback (env KG_DEBUG=1).")
def cli() -> None:
    """kg: a knowledge graph of skilled-talent programs, people and honors."""


def _set_debug(ctx, param, value):
    from kg.cli.options import _set_debug as set_debug

    return set_debug(ctx, param, value)


_ESCAPES = {"\n": "\\n", "\r": "\\r"}


def _one_line(text: str, limit: int = 500) -> str:
    """``text`` on one line, safe for a terminal: line breaks of any kind (\\n, \\r, U+0085, U+2028…) and
    other control characters (an escape sequence could rewrite the screen) are shown escaped; cut to
    ``limit`` characters.

    >>> _one_line("fact 'x\\ny\\x85z\\u2028\\x1b[2J': bad")
    "fact 'x\\\\ny\\\\x85z\\\\u2028\\\\x1b[2J': bad"
    """
    import unicodedata

    def safe(c: str) -> str:
        if c in _ESCAPES:
            return _ESCAPES[c]
        if c != "\t" and unicodedata.category(c) in ("Cc", "Zl", "Zp"):
            return c.encode("unicode_escape").decode("ascii")
        return c

    text = "".join(safe(c) for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; turn every error into one line on stderr and an exit code (never a traceback).

    Exit codes: 0 ok, 1 check failed, 2 bad usage or input, 3 internal error (``--debug`` shows the traceback),
    130 interrupted.
    """
    if argv is None:  # run as the `kg` program: once more with a faster allocator (kg.cli.allocator)
        from kg.cli.allocator import restart_with_mimalloc

        restart_with_mimalloc()
    from kg.cli.options import RunState
    from kg.errors import CheckFailed, INTERNAL_ERROR_EXIT

    RunState.reset()
    _quiet_libraries()
    try:
        with warnings.catch_warnings():
            if not RunState.debug:  # library warnings are not kg's messages: one line on stderr, or none
                warnings.simplefilter("ignore")
            cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except CheckFailed as exc:
        if exc.details:
            click.echo(exc.details)
        click.echo(f"error: {_one_line(str(exc))}", err=True)
        return exc.exit_code
    except KgError as exc:
        click.echo(f"error: {_one_line(str(exc))}", err=True)
        return exc.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("aborted", err=True)
        return 130
    except click.UsageError as exc:
        where = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx is not None else ""
        click.echo(f"error: {_one_line(exc.format_message())}{where}", err=True)
        return 2
    except click.ClickException as exc:
        click.echo(f"error: {_one_line(exc.format_message())}", err=True)
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except Exception as exc:  # noqa: BLE001 - the last resort: a bug in kg, reported on one line
        if RunState.debug:
            import traceback

            traceback.print_exc()
        what = _one_line(f"{type(exc).__name__}: {exc}", 300)
        click.echo(f"internal error: {what} (a bug in kg; `--debug` shows the traceback)", err=True)
        return INTERNAL_ERROR_EXIT
    return 0


def _quiet_libraries() -> None:
    """rdflib and pySHACL log warnings (e.g. "does not look like a valid URI") to stderr through logging's
    last-resort handler; kg says what matters in its own one line, so their loggers get a handler of their
    own that drops records (``--debug`` still shows tracebacks of internal errors)."""
    import logging

    for name in ("rdflib", "pyshacl"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def _quiet_stdout() -> None:
    """After a broken pipe (``kg export | head``), send what is left to /dev/null so exit does not complain."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
