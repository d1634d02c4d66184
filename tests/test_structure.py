"""The package's shape: every module imports on its own (no import cycles), each stage imports only the
stages before it, no function shares its name with a module of its package, and the public API works in
any order of calls."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import kg

PACKAGE = Path(kg.__file__).parent

# Data flows one way. Foundation modules (errors, paths, namespaces, …) may be imported by every stage; a stage
# imports only itself, the foundation and the stages before it. serialize (the RDF format registry: parsing and
# writing) comes before store, whose one graph reader parses every format with it; ask (catalog, SPARQL) comes
# before check, whose verify checks are SPARQL queries of the catalog's kind.
STAGES = ["sources", "facts", "extract", "graph", "serialize", "store", "ask", "check", "draw", "publish", "pipeline",
          "api", "cli"]
FOUNDATION = {"errors", "paths", "namespaces", "output", "inputs", "extras", "resources", "progress"}
TOP = {"__init__", "__main__"}  # kg itself: lazily re-exports the API; python -m kg runs the CLI


def modules() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if "resources" in parts[:2] and parts[-1] != "__init__":
            continue  # data folders linked into the package
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out.append(".".join(parts))
    return out


def stage_of(module: str) -> str:
    parts = module.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


def kg_imports(path: Path, module: str) -> set[str]:
    """Every kg module a file imports, at its top or inside a function (lazy imports are dependencies too)."""
    found = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "kg"}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if base.split(".")[0] == "kg":
                found |= ({base} if base != "kg" else set()) | {f"{base}.{a.name}" for a in node.names}
    return found


def test_every_module_is_listed_in_a_stage():
    stages = {stage_of(m) for m in modules()} - TOP - {"__init__"}
    assert stages - set(STAGES) - FOUNDATION == set(), "add the new stage to STAGES (in data-flow order)"


def test_each_stage_imports_only_earlier_stages():
    rank = {name: i for i, name in enumerate(STAGES)}
    wrong = []
    for module in modules():
        src = stage_of(module)
        if src in TOP or src == "__init__":
            continue
        folder = PACKAGE.parent / module.replace(".", "/")
        path = folder / "__init__.py" if folder.is_dir() else folder.with_suffix(".py")
        for target in sorted(kg_imports(path, module)):
            dst = stage_of(target)
            if target == "kg" or dst == src or dst in FOUNDATION:
                continue
            if src in FOUNDATION:
                wrong.append(f"{module} (foundation) imports {target}")
            elif dst not in rank or rank[dst] > rank[src]:
                wrong.append(f"{module} ({src}) imports {target} ({dst}), a later stage")
    assert wrong == []


@pytest.mark.slow  # one fresh interpreter per module
def test_every_module_imports_on_its_own():
    """Each module imported first, in a fresh interpreter state for kg: an import cycle fails here."""
    code = textwrap.dedent("""
        import importlib, json, sys, traceback
        failed = {}
        for name in json.loads(sys.argv[1]):
            for loaded in [m for m in sys.modules if m == "kg" or m.startswith("kg.")]:
                del sys.modules[loaded]
            try:
                importlib.import_module(name)
            except Exception:
                failed[name] = traceback.format_exc(limit=3)
        print(json.dumps(failed))
    """)
    names = [m for m in modules() if not m.endswith("__main__")]
    out = subprocess.run([sys.executable, "-c", code, json.dumps(names)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {}


def test_no_function_shares_its_name_with_a_module_of_its_package():
    clashes = []
    for package_dir in [PACKAGE, *sorted(p.parent for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE)]:
        if "resources" in package_dir.relative_to(PACKAGE).parts:
            continue
        children = {p.stem for p in package_dir.glob("*.py") if p.stem != "__init__"} | \
                   {p.name for p in package_dir.iterdir() if (p / "__init__.py").exists()}
        for path in package_dir.glob("*.py"):
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name in children:
                    clashes.append(f"{path.relative_to(PACKAGE.parent)}: {node.name}")
    # kg re-exports the API functions: none may be the name of a module or sub-package of kg
    top = {p.stem for p in PACKAGE.glob("*.py")} | {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    clashes += [f"kg.{name} (API) is also a module" for name in kg.__all__ if name in top]
    assert clashes == []


ORDERS = [
    ["build", "load", "validate", "query", "catalog", "export", "verify"],
    ["query", "catalog", "verify", "validate", "export", "load", "build"],
    ["catalog", "export", "validate", "load", "verify", "query", "build"],
]


@pytest.mark.slow
@pytest.mark.parametrize("order", ORDERS, ids=["-".join(o[:2]) for o in ORDERS])
def test_public_api_in_any_order(tmp_path, graph_file, order):
    """``import kg`` then the API functions in several orders, each run in a fresh process."""
    calls = {
        "build": "r = kg.build(output=out); assert r.conforms and r.triples == len(kg.load(out))",
        "load": "assert len(kg.load(graph)) > 2000",
        "validate": "assert kg.validate(graph).conforms",
        "query": "assert kg.query('funding-totals', graph=graph).rows",
        "catalog": "assert 'funding-totals' in kg.catalog()",
        "export": "assert kg.export(format='nt', graph=graph).triples > 2000",
        "verify": "assert kg.verify(graph).ok",
    }
    code = "\n".join(["import kg, sys", f"graph = {str(graph_file)!r}", f"out = {str(tmp_path / 'g.ttl')!r}"]
                     + [calls[name] for name in order] + ["print('ok')"])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert out.returncode == 0 and out.stdout == "ok\n", out.stderr
