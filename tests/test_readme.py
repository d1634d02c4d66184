"""The README cannot drift: its console examples are the real output of their commands (regenerate with
``python -m tests.readme --update``), and every command and option of the CLI is documented in it."""
from __future__ import annotations

import re

import click
import pytest

from tests import readme


def _check(work, server: bool) -> None:
    """Run the README's examples in ``work``, a folder of their own (they build the whole corpus there)."""
    blocks = readme.Blocks.parse(readme.README.read_text(encoding="utf-8"))
    assert any(not (e.server or e.remote) for e in blocks.examples) and any(e.server for e in blocks.examples)
    readme.run_examples(blocks, work, server=server)
    diffs = readme.differences(blocks)
    assert not diffs, "README console examples differ from the real output " \
                      "(run `python -m tests.readme --update`):\n\n" + "\n\n".join(diffs)


@pytest.mark.slow  # runs each example as a process (kg build of the whole corpus first)
def test_console_examples_are_real_output(tmp_path):
    _check(tmp_path, server=False)


@pytest.mark.server
def test_server_console_examples_are_real_output(tmp_path):
    _check(tmp_path, server=True)


def test_parse_and_rewrite_round_trip():
    text = "intro\n```console\n$ kg a\none\n\n$ kg b\n```\nmiddle\n```console\n$ kg c\nthree\n```\nend\n"
    blocks = readme.Blocks.parse(text)
    assert [(e.command, e.expected, e.block) for e in blocks.examples] == [("kg a", "one\n", 0), ("kg b", "", 0),
                                                                          ("kg c", "three\n", 1)]
    assert blocks.rewritten() == text
    blocks.examples[1].actual = "two\n"
    assert blocks.rewritten() == text.replace("$ kg b\n", "$ kg b\ntwo\n")
    assert readme.normalize("pushed in 0.35 s; done") == readme.normalize("pushed in 12.10 s; done")


# ---------------------------------------------------------------- every command and option documented


def _sections(text: str) -> dict[str, str]:
    """README text under each ``### `kg NAME…` `` heading, by command name."""
    parts = re.split(r"^### `kg (\S+?)[` ]", text, flags=re.M)
    return {parts[i]: re.split(r"^#{1,3} ", parts[i + 1], flags=re.M)[0] for i in range(1, len(parts), 2)}


def _mentions(text: str, option: str) -> bool:
    """Whether ``text`` names ``option`` as an option (``--graph`` is not found in ``--graph-iri``)."""
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def _shared_options() -> set[str]:
    """Long names of the options defined once in kg.cli.options (documented once, in the options paragraph)."""
    from kg.cli import options

    names = set()
    for name in dir(options):
        if name.endswith("_option") and callable(getattr(options, name)):
            factory = getattr(options, name)
            try:
                decorated = factory()(click.command()(lambda **kw: None))
            except TypeError:  # an option factory with required arguments (e.g. format_option's choices)
                decorated = factory(["x"])(click.command()(lambda **kw: None))
            names |= {o for p in decorated.params for o in p.opts if o.startswith("--")}
    if hasattr(options, "common_options"):  # the options every command takes
        names |= {o for p in options.common_options() for o in p.opts if o.startswith("--")}
    return names


def test_every_command_and_option_is_documented():
    from kg.cli import COMMANDS, cli

    text = readme.README.read_text(encoding="utf-8")
    sections = _sections(text)
    shared = _shared_options()
    options_paragraph = text.split("One vocabulary of options", 1)[1].split("\n\n", 1)[0]
    missing = [f"kg {name}: no section ### `kg {name}`" for name in COMMANDS if name not in sections]
    missing += [f"{o}: shared option not in the options paragraph" for o in sorted(shared)
                if not _mentions(options_paragraph, o)]
    ctx = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        for param in command.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            longs = [o for o in param.opts if o.startswith("--")] or param.opts
            if set(longs) & shared or longs == ["--help"]:
                continue
            if not any(_mentions(sections.get(name, ""), o) for o in longs):
                missing.append(f"kg {name} {longs[0]}: not in its README section")
    for param in cli.params:  # options of kg itself (e.g. --version)
        if isinstance(param, click.Option) and not param.hidden and "--help" not in param.opts:
            if not any(_mentions(text, o) for o in param.opts if o.startswith("--")):
                missing.append(f"kg {param.opts[0]}: not in the README")
    assert missing == []


def test_every_python_name_in_the_readme_exists():
    """``kg.x.y`` names in the README are importable (a renamed module or function fails here)."""
    import importlib

    text = readme.README.read_text(encoding="utf-8")
    missing = []
    for name in sorted(set(re.findall(r"`(kg(?:\.[A-Za-z_]+)+)", text))):
        if name.endswith((".ttl", ".yaml")):
            continue
        parts = name.split(".")
        for cut in range(len(parts), 0, -1):  # the longest importable module, then attributes
            try:
                obj = importlib.import_module(".".join(parts[:cut]))
            except ImportError:
                continue
            try:
                for attr in parts[cut:]:
                    obj = getattr(obj, attr)
            except AttributeError:
                missing.append(name)
            break
        else:
            missing.append(name)
    assert missing == []
