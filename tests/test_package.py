"""The installed package: its data ships inside it, every import is declared, a missing extra is one line, and
a wheel installed into a fresh virtual environment builds, answers and draws from any folder."""
from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import kg
from kg.paths import DEMO_CORPUS, DEMO_DOCUMENT, EXAMPLE_CORPUS, ONTOLOGY_DIR, QUERIES_DIR, SHAPES_FILE

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(kg.__file__).parent


def test_shipped_data_is_read_from_the_package():
    for path in (ONTOLOGY_DIR, QUERIES_DIR, EXAMPLE_CORPUS):
        assert path.is_relative_to(PACKAGE / "resources"), path
    assert SHAPES_FILE.is_file() and len(list(QUERIES_DIR.glob("*.rq"))) >= 20
    # in a source checkout they are the top-level folders
    assert (PACKAGE / "resources" / "ontology").resolve() == (ROOT / "ontology").resolve()
    assert (PACKAGE / "resources" / "queries").resolve() == (ROOT / "queries").resolve()


SHIPPED_DOCUMENT = "zhuzhou-2022-37"


def _names_of_the_shipped_document() -> set[str]:
    """The shipped letter's id, its city and every person it names (its own facts and the registry persons it
    mentions), Chinese and English labels and ids, read from the data (so a new name is covered too)."""
    import yaml

    facts = yaml.safe_load((ROOT / "data" / "documents" / SHIPPED_DOCUMENT / "facts.yaml").read_text(encoding="utf-8"))
    registry = {e["id"]: e for e in yaml.safe_load((ROOT / "data" / "registry" / "entities.yaml").read_text(
        encoding="utf-8"))["entities"]}
    names = {SHIPPED_DOCUMENT, "株洲", "Zhuzhou", "zhuzhou"}
    for f in facts["facts"]:
        entry = registry.get(f["mention"], {}) if "mention" in f else f
        if entry.get("a") != "Person":
            continue
        label = entry["label"]
        names |= {entry["id"], *(label.values() if isinstance(label, dict) else [label])}
    return {n for n in names if len(n) >= 2}


def test_generic_code_never_names_the_shipped_document():
    """Generic code, docstrings and doctests must work the same for the thousandth document: no file of the
    package names the shipped letter, its city or its people. Only kg/resources' links to the data folders
    (example → data/, ontology/, queries/) may, and the made-up demo corpus is checked like code."""
    names = _names_of_the_shipped_document()
    assert {"易冉", "Yi Ran", "yi-ran", "杨正文", "汤涛"} <= names  # the letter's people, own and from the registry
    data_links = {PACKAGE / "resources" / n for n in ("example", "ontology", "queries")}
    found = []
    for path in sorted(PACKAGE.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or any(path.is_relative_to(d) for d in data_links):
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        for number, line in enumerate(text.splitlines(), 1):
            found += [f"{path.relative_to(ROOT)}:{number}: {n}" for n in sorted(names) if n in line]
    assert found == []
    assert all(d.is_symlink() for d in data_links)  # in a checkout: links, not copies that would escape the scan


def test_demo_corpus_is_shipped_and_builds():
    from kg.api import build

    assert DEMO_CORPUS.is_relative_to(PACKAGE / "resources") and not DEMO_CORPUS.is_symlink()
    result = build(write=False, corpus=DEMO_CORPUS)
    assert result.conforms and result.documents == [DEMO_DOCUMENT]


def _requirements() -> dict[str, set[str]]:
    """Distribution name (normalized) → the extras that bring it ('' for the base install)."""
    out: dict[str, set[str]] = {}
    for req in importlib.metadata.requires("kg") or []:
        name = re.split(r"[<>=!~;\[ ]", req, maxsplit=1)[0]
        extra = re.search(r'extra == "([^"]+)"', req)
        out.setdefault(_norm(name), set()).add(extra.group(1) if extra else "")
    return out


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _third_party_imports() -> dict[str, set[str]]:
    """Top-level module → the kg files that import it (at the top or inside a function)."""
    stdlib = sys.stdlib_module_names
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if "resources" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in stdlib and top != "kg" and top != "__future__":
                    found.setdefault(top, set()).add(str(path.relative_to(PACKAGE.parent)))
    return found


def test_every_import_is_declared():
    """Each third-party module kg imports comes from a declared distribution; one that only an extra brings
    is imported only where ``kg.extras.require`` names that extra first (a one-line error when missing)."""
    declared = _requirements()
    dists = importlib.metadata.packages_distributions()
    problems = []
    for module, files in sorted(_third_party_imports().items()):
        names = {_norm(d) for d in dists.get(module, [])}
        extras = set().union(*(declared.get(n, set()) for n in names)) if names else set()
        if not extras:
            problems.append(f"{module} ({', '.join(sorted(files))}) is not a declared dependency")
        elif "" not in extras:
            for f in files:
                text = (PACKAGE.parent / f).read_text(encoding="utf-8")
                if not re.search(rf'require\("{module}", extra="({"|".join(sorted(extras))})"', text):
                    problems.append(f"{f} imports {module} (extra {sorted(extras)}) without kg.extras.require")
    assert problems == []


def test_missing_extra_is_one_line_naming_it(monkeypatch, capsys, graph_file, tmp_path):
    from kg.cli import main

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if kg[viz] were not installed
    out = tmp_path / "g.png"
    assert main(["viz", "--graph", str(graph_file), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == "error: PNG and SVG pictures need matplotlib, which is not installed (pip install 'kg[viz]')\n"
    assert not out.exists()


def _copy_sources(dest: Path) -> Path:
    """The files a wheel is built from, copied (links kept) so that the build writes nothing into the checkout."""
    for name in ("kg", "ontology", "queries", "data"):
        shutil.copytree(ROOT / name, dest / name, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, dest / name)
    return dest


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_builds_answers_and_draws_from_any_folder(tmp_path):
    """Build the wheel, install it (no index: dependencies are this environment's) and use it elsewhere."""
    src = _copy_sources(tmp_path / "src")
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    run = subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(wheels),
                          str(src)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    wheel = next(wheels.glob("kg-*.whl"))

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    run = subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    # the dependencies: this environment's site-packages, as a plain path (its .pth files, among them the
    # editable install of the checkout, are not processed)
    purelib = Path(sysconfig.get_path("purelib", vars={"base": str(venv), "platbase": str(venv)}))
    (purelib / "zz_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")

    work = tmp_path / "anywhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KG_CORPUS")}
    kg_bin = str(venv / "bin" / "kg")

    def kg_run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([kg_bin, *args], capture_output=True, text=True, cwd=work, env=env, timeout=300)

    where = subprocess.run([str(python), "-c", "import kg; print(kg.__file__)"], capture_output=True, text=True,
                           cwd=work, env=env, timeout=60)
    assert where.stdout.startswith(str(venv)), where.stdout + where.stderr  # the wheel's kg, not the checkout's

    res = kg_run("build")
    assert res.returncode == 0 and "conforms; wrote build/graph.trig, build/graph.ttl" in res.stdout, res.stderr
    assert "example corpus shipped with kg" in res.stderr
    assert kg_run("validate").returncode == 0
    listed = kg_run("query", "--list")
    assert listed.returncode == 0 and "funding-totals" in listed.stdout
    answer = kg_run("query", "funding-totals", "--format", "csv")
    assert answer.returncode == 0 and "1300000" in answer.stdout, answer.stderr
    assert kg_run("verify").returncode == 0
    exported = kg_run("export", "--format", "nt", "-o", "g.nt")
    assert exported.returncode == 0 and (work / "g.nt").stat().st_size > 100_000
    drawn = kg_run("viz")
    assert drawn.returncode == 0 and (work / "build" / "graph.html").read_bytes().startswith(b"<!DOCTYPE html>"), \
        drawn.stderr
