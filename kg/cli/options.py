"""Options shared between commands, defined once (like sqlite-utils): one name, one meaning everywhere.

- ``--graph FILE``: a graph file to read (every command that reads a graph; default ``build/graph.trig``, the dataset ``kg build`` writes).
- ``--graph-iri IRI``: the IRI of a named graph to write (``kg push``, ``kg export`` to TriG/N-Quads).
- ``--output/-o FILE``: a file to write.
- ``--format/-f NAME``: the output format, from the command's own list.
- ``--corpus DIR``: the corpus folder (facts and source texts; default ``data/`` or ``KG_CORPUS``).
- ``--nary edges|nodes``: how the relationship graph shows n-ary facts (``kg viz``, ``kg stats``).
- ``--doc ID``: only one document of the corpus (its named graph).
- ``--include-personal``: keep personal contact data (``kg viz``, ``kg export``, ``kg push``).
- On every command (``COMMON_OPTIONS``): ``--debug`` (show the traceback of an internal error; env
  ``KG_DEBUG=1``) and ``--max-input-size MB`` (the largest input file read; env ``KG_MAX_INPUT_MB``).

Each function returns a click decorator; a command lists the ones it takes:

>>> import click
>>> @click.command()
... @graph_option()
... def show(graph):
...     click.echo(graph)
>>> from click.testing import CliRunner
>>> CliRunner().invoke(show, []).output
'build/graph.trig\\n'
>>> print(CliRunner().invoke(show, ["--graph", "https://example.org/g"]).exception)
--graph names a graph file to read; 'https://example.org/g' is an IRI (the IRI of a graph to write is --graph-iri)
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Sequence

import click

from kg.errors import InputError
from kg.paths import DEFAULT_GRAPH

Decorator = Callable[[Callable], Callable]
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(//|[^\\/])")


def _graph_file(ctx: click.Context, param: click.Parameter, value: str | Path | None) -> Path | None:
    if isinstance(value, str) and _IRI.match(value) and not Path(value).exists():
        raise InputError(f"--graph names a graph file to read; '{value}' is an IRI",
                         hint="the IRI of a graph to write is --graph-iri")
    return None if value is None else Path(value)


def graph_option(*, help: str = "Graph file to read (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML).") -> Decorator:
    """``--graph FILE``: the graph file a command reads; default the built dataset, build/graph.trig."""
    return click.option("--graph", "graph", type=click.Path(dir_okay=False), default=DEFAULT_GRAPH,
                        show_default=True, metavar="FILE", callback=_graph_file, help=help)


def graph_given(ctx: click.Context | None = None) -> bool:
    """Whether ``--graph`` was given on the command line (rather than left at its default)."""
    from click.core import ParameterSource

    ctx = ctx or click.get_current_context()
    return ctx.get_parameter_source("graph") not in (None, ParameterSource.DEFAULT)


def graph_iri_option(*, help: str = "IRI of the named graph to write.") -> Decorator:
    """``--graph-iri IRI``: the IRI of the named graph a command writes to."""
    return click.option("--graph-iri", "graph_iri", default=None, metavar="IRI", help=help)


def output_option(*, default: Path | None = None, help: str = "File to write (atomically).") -> Decorator:
    """``--output/-o FILE``: the file a command writes (``default`` None: the command decides, e.g. stdout)."""
    return click.option("--output", "-o", "output", type=click.Path(path_type=Path, dir_okay=False), default=default,
                        show_default=default is not None, metavar="FILE", help=help)


def format_option(choices: Sequence[str], *, default: str | None = None, help: str = "Output format.") -> Decorator:
    """``--format/-f NAME``: one of the command's ``choices`` (another is a one-line error naming them)."""
    def check(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is not None and value not in choices:
            raise InputError(f"unknown format '{value}'", hint="use one of " + ", ".join(choices))
        return value

    return click.option("--format", "-f", "fmt", default=default, show_default=default is not None,
                        metavar="|".join(choices), callback=check, help=help)


def nary_option(*, help: str = "Show conferrals, memberships, fundings… as labelled edges, or keep them as nodes.") -> Decorator:
    """``--nary edges|nodes``: how the relationship graph shows n-ary facts."""
    return click.option("--nary", type=click.Choice(["edges", "nodes"]), default="edges", show_default=True, help=help)


def corpus_option(*, help: str = "Corpus folder: facts files and source texts (default data/, or KG_CORPUS).") -> Decorator:
    """``--corpus DIR``: the corpus a command reads (None: ``kg.paths.corpus_dir`` decides)."""
    return click.option("--corpus", "corpus", type=click.Path(path_type=Path, file_okay=False), default=None,
                        metavar="DIR", help=help)


def include_personal_option(*, help: str = "Keep personal contact data (telephone, e-mail of private persons); "
                                           "left out by default.") -> Decorator:
    """``--include-personal``: keep the properties the ontology marks ``kg:personalData true``."""
    return click.option("--include-personal", "include_personal", is_flag=True, default=False, help=help)


class RunState:
    """What the options common to every command set for one run of ``kg`` (reset by ``kg.cli.main``)."""

    debug: bool = False

    @classmethod
    def reset(cls) -> None:
        import os

        from kg.inputs import set_max_input_mb

        cls.debug = os.environ.get("KG_DEBUG", "") not in ("", "0")
        set_max_input_mb(None)


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    if value:
        RunState.debug = True
    return value


def _set_max_input(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    if value is not None:
        from kg.inputs import set_max_input_mb

        set_max_input_mb(value)
    return value


def common_options() -> list[click.Option]:
    """Options every command takes: ``--debug`` and ``--max-input-size MB`` (added by ``kg.cli.LazyGroup``)."""
    from kg.inputs import DEFAULT_MAX_INPUT_MB

    return [
        click.Option(["--debug"], is_flag=True, expose_value=False, is_eager=True, callback=_set_debug,
                     help="On an internal error, show the Python traceback (env KG_DEBUG=1)."),
        click.Option(["--max-input-size"], type=click.FloatRange(min=0, min_open=True), metavar="MB",
                     expose_value=False, is_eager=True, callback=_set_max_input,
                     help=f"Refuse input files larger than MB megabytes (default {DEFAULT_MAX_INPUT_MB}; "
                          "env KG_MAX_INPUT_MB)."),
    ]


def add_common_options(command: click.Command) -> click.Command:
    """Give ``command`` the options of ``common_options`` (once)."""
    names = {p.name for p in command.params}
    command.params.extend(o for o in common_options() if o.name not in names)
    return command


def doc_option(*, multiple: bool = False,
               help: str = "Only this document (its named graph: its facts and the registry entities it mentions).") -> Decorator:
    """``--doc ID``: one document of the corpus, by its id (None: all); with ``multiple``, repeatable (``docs``)."""
    if multiple:
        return click.option("--doc", "docs", multiple=True, metavar="ID", help=help)
    return click.option("--doc", "doc", default=None, metavar="ID", help=help)
