"""`kg build` / `kg validate` from the command line: exit codes, one-line errors, no half-written output."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FACTS, ROOT, SOURCE, run_kg

KG = [sys.executable, "-m", "kg.cli"]


def run(*args, cwd=None):
    """`kg ARGS` (in this process: tests/conftest.py run_kg; the tests that need a real process start one)."""
    return run_kg(*args, cwd=cwd)


@pytest.fixture()
def facts_copy(tmp_path):
    """A copy of the shipped letter's facts beside a copy of its source, to break on purpose (a loose facts
    file: it still uses the registry and vocabularies of data/)."""
    shutil.copy(SOURCE, tmp_path)
    dest = tmp_path / "f.facts.yaml"
    shutil.copy(FACTS, dest)
    return dest


def break_and_build(facts: Path, old: str, new: str, tmp_path: Path):
    text = facts.read_text(encoding="utf-8")
    assert old in text
    facts.write_text(text.replace(old, new, 1), encoding="utf-8")
    out = tmp_path / "out" / "graph.ttl"
    out.parent.mkdir(exist_ok=True)
    out.write_text("previous graph\n")
    res = run("build", "--facts", str(facts), "-o", str(out))
    return res, out


@pytest.mark.parametrize("old, new, expected", [
    ("quote: 杨正文代表\n  deputyOf", "quote: 杨正文代表们\n  deputyOf", "fact 'yang-zhengwen': quote not found"),
    ("employer: crrc-zhuzhou-rolling-stock", "employer: crrc-nowhere", "employer points to unknown entity 'crrc-nowhere'"),
    ("honor: honor-national-may-day-medal", "honor: honor-made-up", "honor points to unknown honor 'honor-made-up'"),
    ("a: MediaOutlet\n  label: {zh: 红网", "a: Newspaper\n  label: {zh: 红网", "unknown class 'Newspaper'"),
    ("  epithet: 电焊“花木兰”", "  nickname: 电焊“花木兰”", "unknown property 'nickname'"),
    ("facts:\n", "facts: [\n", "malformed YAML"),
])
def test_bad_input_one_line_exit_2_output_untouched(facts_copy, tmp_path, old, new, expected):
    res, out = break_and_build(facts_copy, old, new, tmp_path)
    assert res.returncode == 2, res.stderr
    assert expected in res.stderr
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    assert str(facts_copy) in res.stderr  # names the file (and line)
    assert out.read_text() == "previous graph\n"
    assert [p.name for p in out.parent.iterdir()] == ["graph.ttl"]  # no temp file left


def test_error_names_the_line(facts_copy, tmp_path):
    res, _ = break_and_build(facts_copy, "employer: crrc-zhuzhou-rolling-stock", "employer: crrc-nowhere", tmp_path)
    lines = facts_copy.read_text(encoding="utf-8").splitlines()
    line_no = int(res.stderr.split(":")[2])
    assert "employer: crrc-nowhere" in lines[line_no - 1]


def test_missing_facts_file(tmp_path):
    res = run("build", "--facts", str(tmp_path / "none.yaml"), "-o", str(tmp_path / "g.ttl"))
    assert res.returncode == 2 and "facts file not found" in res.stderr and not (tmp_path / "g.ttl").exists()


def test_malformed_ontology(tmp_path):
    onto = tmp_path / "onto"
    shutil.copytree(ROOT / "ontology", onto)
    with open(onto / "kg.ttl", "a", encoding="utf-8") as fh:
        fh.write('kg:Broken a owl:Class ;; rdfs:label "unterminated\n')
    res = run("build", "--ontology-dir", str(onto), "-o", str(tmp_path / "g.ttl"))
    assert res.returncode == 2
    assert re.search(r"kg.ttl:\d+: malformed Turtle: Parser error between line \d+ column \d+", res.stderr)
    assert res.stderr.count("\n") == 1
    assert not (tmp_path / "g.ttl").exists()


def test_shape_violation_exit_1_nothing_written(tmp_path):
    onto = tmp_path / "onto"
    shutil.copytree(ROOT / "ontology", onto)
    shapes = (onto / "shapes.ttl").read_text(encoding="utf-8")
    # demand a date on every conferral: the document gives none for 易冉's honors
    before = shapes
    shapes = shapes.replace('sh:path kg:date ; sh:maxCount 1 ; sh:or ( [ sh:datatype xsd:date ] [ sh:datatype xsd:gYearMonth ] [ sh:datatype xsd:gYear ] ) ; sh:message "kg:date must be one xsd:date, xsd:gYearMonth or xsd:gYear"@en ] .\n\n#################################################################### figures',
                            'sh:path kg:date ; sh:minCount 1 ; sh:message "a conferral needs a date"@en ] .\n\n#################################################################### figures')
    assert shapes != before
    (onto / "shapes.ttl").write_text(shapes, encoding="utf-8")
    res = run("build", "--ontology-dir", str(onto), "-o", str(tmp_path / "g.ttl"))
    assert res.returncode == 1
    # the violations are the report (stdout); the error is one line (stderr)
    assert "kgr:zhuzhou-2022-37/conferral-yi-ran-20 (易冉当选党的二十大代表)" in res.stdout and "a conferral needs a date" in res.stdout
    assert res.stderr.count("\n") == 1 and "does not conform to the shapes" in res.stderr
    assert not (tmp_path / "g.ttl").exists()


def test_validate_command(graph_file, tmp_path):
    res = run("validate", str(graph_file))
    assert res.returncode == 0 and "conforms" in res.stdout
    res = run("validate", str(tmp_path / "missing.ttl"))
    assert res.returncode == 2 and "graph file not found" in res.stderr


def test_help_shows_examples(capsys):
    from kg.cli import COMMANDS, main

    top = subprocess.run([*KG, "--help"], capture_output=True, text=True)  # one real process: the entry point works
    assert top.returncode == 0 and "Examples:" in top.stdout
    for name in COMMANDS:
        assert main([name, "--help"]) == 0
        assert "Examples:" in capsys.readouterr().out, name


def test_unknown_command_is_usage_error():
    res = run("frobnicate")
    assert res.returncode == 2 and "No such command" in res.stderr


def test_source_dev_zero_refused_in_bounded_memory(tmp_path):
    """`source: /dev/zero` used to read forever (until memory ran out): run capped at 2 GB and 60 s."""
    import resource

    from tests.test_graph import small_facts

    facts = small_facts(tmp_path, source="/dev/zero")
    cap = lambda: resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # noqa: E731
    res = subprocess.run([*KG, "build", "--facts", str(facts), "-o", str(tmp_path / "g.ttl")], capture_output=True,
                         text=True, timeout=60, preexec_fn=cap)
    assert res.returncode == 2 and res.stderr.count("\n") == 1, res.stderr
    assert "source '/dev/zero' is outside the facts file's folder" in res.stderr
    assert not (tmp_path / "g.ttl").exists()


def test_unexpected_exception_is_internal_error_exit_3(monkeypatch, capsys, graph_file):
    """Any exception that is not a kg error is a bug: one `internal error:` line, exit 3; --debug shows where."""
    import kg.check.shacl
    from kg.cli import main
    from kg.errors import INTERNAL_ERROR_EXIT

    def boom(*args, **kwargs):
        raise ZeroDivisionError("the unexpected\nhappened")

    monkeypatch.setattr(kg.check.shacl, "validate_graph", boom)
    assert main(["validate", str(graph_file)]) == INTERNAL_ERROR_EXIT == 3
    err = capsys.readouterr().err
    assert err.startswith("internal error: ZeroDivisionError: the unexpected\\nhappened") and err.count("\n") == 1
    assert "--debug" in err and "Traceback" not in err
    for args in (["validate", "--debug", str(graph_file)], ["--debug", "validate", str(graph_file)]):
        assert main(args) == 3
        err = capsys.readouterr().err
        assert "Traceback (most recent call last)" in err and "in boom" in err and err.rstrip().splitlines()[-1].startswith("internal error:")
    monkeypatch.setenv("KG_DEBUG", "1")
    assert main(["validate", str(graph_file)]) == 3 and "Traceback" in capsys.readouterr().err
    monkeypatch.delenv("KG_DEBUG")
    assert main(["validate", str(graph_file)]) == 3 and "Traceback" not in capsys.readouterr().err  # reset per run


@pytest.mark.parametrize("args, message", [
    (["build", "--nope"], "No such option '--nope'"),
    (["nope"], "No such command 'nope'"),
    (["viz", "--depth", "x"], "Invalid value for '--depth'"),
    (["build", "--max-input-size", "-1"], "Invalid value for '--max-input-size'"),
])
def test_usage_errors_are_one_line_exit_2(capsys, args, message):
    from kg.cli import main

    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.startswith("error: ") and "--help" in err


def test_max_input_size_option(capsys, tmp_path):
    from kg.cli import main

    one = ["--doc", "zhuzhou-2022-37"]  # one document is enough (and quicker than the corpus)
    assert main(["build", *one, "--max-input-size", "0.01", "-o", str(tmp_path / "g.ttl")]) == 2
    err = capsys.readouterr().err
    assert "above the limit of 0.01 MB (raise it with --max-input-size or KG_MAX_INPUT_MB)" in err
    assert main(["build", *one, "-o", str(tmp_path / "g.ttl")]) == 0  # the option holds for one run only
    assert "built" in capsys.readouterr().out


def test_serve_location_that_cannot_be_used_is_one_line(tmp_path, graph_file):
    """`kg serve --location` somewhere unwritable used to end in a traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = run("serve", "--location", str(blocker / "store"), "--graph", str(graph_file))
    assert res.returncode == 2 and res.stderr.count("\n") == 1, res.stderr
    assert "cannot use this --location: Not a directory" in res.stderr


def test_error_messages_stay_on_one_line(facts_copy, tmp_path):
    res, out = break_and_build(facts_copy, "a: MediaOutlet\n  label: {zh: 红网", "a: \"News\\npaper\"\n  label: {zh: 红网", tmp_path)
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "unknown class 'News\\npaper'" in res.stderr


def test_one_vocabulary_of_options_and_one_default_graph():
    """Found: `--graph` was a file for query/export/verify/viz/stats, an IRI for push (whose file was `--file`),
    `serve` had `--graph-file`, and viz/stats built the facts in memory while the others read build/graph.ttl.
    Now every reading command takes `--graph FILE` with the same default, and `--graph-iri` is always an IRI
    to write."""
    import click

    from kg.cli import COMMANDS, cli
    from kg.paths import DEFAULT_GRAPH

    ctx = click.Context(cli)
    reading = {}
    for name in COMMANDS:
        params = {o: p for p in cli.get_command(ctx, name).params for o in getattr(p, "opts", [])}
        assert not {"--file", "--graph-file", "--graph-name"} & set(params), name
        if "--graph" in params:
            reading[name] = params["--graph"]
        if "--graph-iri" in params:
            assert not isinstance(params["--graph-iri"].type, click.Path), name
    assert set(reading) == {"validate", "query", "export", "verify", "viz", "stats", "serve", "push"}
    for name, opt in reading.items():
        assert isinstance(opt.type, click.Path) and opt.default == DEFAULT_GRAPH, name


@pytest.mark.parametrize("uid, sudo, installed, code, said", [
    ("1000", None, "", 1, "error: missing Debian packages: fonts-noto-cjk raptor2-utils; run: sudo apt-get update "
                          "&& sudo apt-get install -y fonts-noto-cjk raptor2-utils"),
    ("1000", None, "fonts-noto-cjk raptor2-utils", 0, ""),
    ("0", None, "", 0, "installing Debian packages: fonts-noto-cjk raptor2-utils"),
    ("1000", "ok", "", 0, "installing Debian packages: fonts-noto-cjk raptor2-utils"),
])
def test_system_packages_installs_what_is_missing_or_says_the_command(tmp_path, uid, sudo, installed, code, said):
    """Found: on a fresh machine `make demo` and `make test` failed (no CJK font, no chromium, no rapper) while
    only CI installed them. scripts/system-packages (run first by both) installs the missing Debian packages as
    root or with password-less sudo, else stops with one line naming the command (dpkg-query, id, sudo and
    apt-get are stand-ins here)."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    log = tmp_path / "apt.log"
    stubs = {
        # fontconfig and chromium are present; fonts-noto-cjk and raptor2-utils are missing unless `installed`
        "dpkg-query": f'case "$3" in fontconfig|chromium) echo "install ok installed";; *) for p in {installed} -; do '
                      f'case "$3" in "$p") echo "install ok installed"; exit 0;; esac; done; exit 1;; esac',
        "id": f"echo {uid}",
        "sudo": ('[ "$1" = -n ] && shift; [ "$1" = true ] && exit 0; exec "$@"' if sudo else "exit 1"),
        "apt-get": f'echo "apt-get $*" >> {log}',
    }
    for name, body in stubs.items():
        (bin_ / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_ / name).chmod(0o755)
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)
    env = {"PATH": f"{bin_}:/usr/bin:/bin", "VENV": str(venv), "PY": sys.executable}
    res = subprocess.run(["sh", str(ROOT / "scripts" / "system-packages")], capture_output=True, text=True, env=env,
                         timeout=60)
    assert (res.returncode, res.stderr.strip()) == (code, said)
    apt = log.read_text() if log.exists() else ""
    if said.startswith("installing"):
        assert "install -y -qq --no-install-recommends fonts-noto-cjk raptor2-utils" in apt
    else:
        assert apt == ""
