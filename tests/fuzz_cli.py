"""Fuzz the command line with hostile inputs: mutated facts files to ``kg build --facts``, mutated corpus
folders (a document's facts, the registry, the vocabularies) to ``kg build --corpus``, mutated graph files
to ``kg validate`` and mutated queries to ``kg query``, all in this process through ``kg.cli.main``.

Every case must end with exit code 0, 1 or 2, at most one line on stderr (exactly one when it fails), no
traceback, no file changed outside the case's temporary folder, and within a time bound. The cases come
from a seeded generator: the same seed gives the same cases.

Writes are watched two ways. An audit hook (``sys.addaudithook``) sees every file this process opens for
writing, creates, renames, removes or links while a case runs, so a write outside the case's folder is
pinned on that case, whatever else happens on the machine. A snapshot of the repository before and after the
run catches writes the hook cannot see (native code such as a store); a tracked file whose content equals
git's HEAD is left out of it, because that is a checkout or merge by someone sharing the working tree (the
harness once failed with the 38 files of a merge landing mid-run), not something kg wrote.

    python -m tests.fuzz_cli [N] [--seed S] [--time-limit SECONDS] [--show K]

prints the figures (cases per second, exit codes, failures by kind); ``tests/test_fuzz.py`` runs a few
hundred cases in the test suite.
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_FACTS = ROOT / "data" / "documents" / "zhuzhou-2022-37" / "facts.yaml"
SEED_SOURCE = ROOT / "data" / "documents" / "zhuzhou-2022-37" / "000_cac52bcbbc1639b0.txt"
QUERIES = ROOT / "queries"
CORPUS = ROOT / "data"
CORPUS_DOC = "zhuzhou-2022-37"

# What the mutations insert: YAML syntax, SPARQL/Turtle syntax, control characters, odd Unicode (BOM,
# zero-width, bidi override, combining marks, full-width digits, CJK, emoji, a lone surrogate).
YAML_BITS = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "!!binary ", "!!python/object ", "|", ">", "'", '"',
             "#", "%", "@", "`", "? ", ",", "\t", "  ", "\n", "<<: *a", "---\n", "...\n"]
RDF_BITS = ["<", ">", "\"", "\"\"\"", "@", "^^", ".", ";", ",", "_:", "[", "]", "(", ")", "@prefix x: <y> .",
            "\\u0000", "\\U0010FFFF", "\\", "a", "#", "@zh-", "e+999", "\n"]
SPARQL_BITS = ["{", "}", "?x", "$y", ".", ";", "FILTER(", ")", "OPTIONAL {", "UNION", "SERVICE <http://127.0.0.1:9/s> {",
               "GRAPH ?g {", "LIMIT 1", "ORDER BY", "GROUP BY ?x", "COUNT(*)", "\"", "<", ">", "*", "#",
               "BIND(1/0 AS ?z)", "VALUES ?v { 1 }", "INSERT DATA {", "DROP ALL", "LOAD <http://127.0.0.1:9/>",
               "PREFIX p: <http://e/>", "DESCRIBE", "CONSTRUCT", "ASK", "SELECT *", "REGEX(?l, \"(a+)+$\")"]
ODD = ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\ufeff", "\u200b", "\u202e", "\u0301", "\uff10", "\uff11",
       "\u3000", "株", "洲", "易冉", "😀", "\U0010ffff", "\ud800", "\r", "\r\n", "\u2028"]
VALUES = ["[a, b]", "{a: 1}", "{zh: x, en: y}", "null", "~", "true", "no", "0", "-1", "1.5", "9" * 40, "9" * 5000,
          ".nan", ".inf", "-.inf", "1.0e+309", "1e-400", "0x1F", "0o17", "0b101", "1_000", "190:20:30",
          "2022-02-30", "2022-13-01", "'2022-13'", "'2022-00'", "2022-07-03T10:00:00", "'x\\ny'", "\"x\\n\"",
          "''", "\"\"", "&a [1, 2]", "*a", "*nothere", "!!binary aGk=", "!!set {a, b}", "!!omap [a: 1]",
          "'" + "长" * 3000 + "'", "'\\u0000'", "\"\\u0000\"", "\"\\x85\"", "'zh cn'", "{'zh cn': x}", "{1: x}",
          "[[1, 2]]", "&r [*r]"]
SOURCES = ["/dev/zero", "/dev/null", "/etc/passwd", "../../../etc/passwd", ".", "missing.txt", "src dir/s.txt",
           "fifo.txt", "s.txt\n", "", "sources/../sources/000_cac52bcbbc1639b0.txt", "link-out.txt"]

BOMB = ("bomb0: &b0 [x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"bomb{i}: &b{i} [{', '.join([f'*b{i - 1}'] * 9)}]\n" for i in range(1, 9)))


# ------------------------------------------------------------------------------------------- write watch
_WATCH: dict = {"folder": None, "writes": []}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
# audit events whose listed arguments are paths the event creates, changes or removes
_PATH_EVENTS = {"os.rename": (0, 1), "os.remove": (0,), "os.rmdir": (0,), "os.mkdir": (0,), "os.symlink": (1,),
                "os.link": (1,), "os.truncate": (0,), "os.chmod": (0,), "os.chown": (0,), "os.utime": (0,),
                "shutil.rmtree": (0,), "shutil.move": (1,), "shutil.copyfile": (1,), "shutil.copytree": (1,)}


def _audit(event: str, args: tuple) -> None:
    """Record a path this process writes while a case runs, if it lies outside the case's folder."""
    folder = _WATCH["folder"]
    if folder is None:
        return
    if event == "open":
        path, mode, flags = (tuple(args) + (None, 0))[:3]
        if not ((isinstance(mode, str) and any(c in mode for c in "wax+")) or (isinstance(flags, int) and flags & _WRITE_FLAGS)):
            return
        paths = [path]
    elif event in _PATH_EVENTS:
        paths = [args[i] for i in _PATH_EVENTS[event] if i < len(args)]
    else:
        return
    for path in paths:
        if isinstance(path, int) or path is None:  # a file descriptor: its opening was seen
            continue
        path = os.fsdecode(path)
        full = os.path.join(os.path.realpath(os.path.dirname(os.path.abspath(path))), os.path.basename(path))
        if os.path.commonpath([full, folder]) != folder:
            _WATCH["writes"].append(f"{event} {full}")


def _watch(folder: Path | None) -> list[str]:
    """Start watching writes for the case in ``folder`` (None: stop); return what the last case wrote outside."""
    if not _WATCH.get("installed"):
        sys.addaudithook(_audit)  # once per process: an audit hook cannot be removed, so it is gated by _WATCH
        _WATCH["installed"] = True
    writes, _WATCH["writes"] = _WATCH["writes"], []
    _WATCH["folder"] = os.path.realpath(folder) if folder is not None else None
    return sorted(set(writes))


class CaseTimeout(BaseException):
    """Raised by the alarm when a case runs past its time limit (a BaseException: kg must not catch it)."""


@dataclass
class Case:
    kind: str  # build, validate or query
    mutations: list[str]
    args: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    case: Case
    code: int | None
    stderr: str
    seconds: float
    problem: str | None


def _mutate_text(rng: random.Random, text: str, bits: list[str], names: list[str]) -> str:
    """One character- or line-level change: delete, insert, swap, duplicate, truncate."""
    op = rng.choice(["del-chars", "ins", "ins-odd", "swap-chars", "del-line", "dup-line", "swap-lines",
                     "garbage-line", "truncate", "indent"])
    names.append(op)
    n = len(text)
    if n == 0:
        return rng.choice(bits + ODD)
    i = rng.randrange(n)
    if op == "del-chars":
        return text[:i] + text[i + rng.randint(1, 20):]
    if op == "ins":
        return text[:i] + rng.choice(bits) + text[i:]
    if op == "ins-odd":
        return text[:i] + "".join(rng.choice(ODD) for _ in range(rng.randint(1, 3))) + text[i:]
    if op == "swap-chars":
        j = rng.randrange(n)
        a, b = sorted((i, j))
        return text[:a] + text[b:b + 1] + text[a + 1:b] + text[a:a + 1] + text[b + 1:] if a != b else text
    lines = text.split("\n")
    k = rng.randrange(len(lines))
    if op == "del-line":
        del lines[k]
    elif op == "dup-line":
        lines.insert(k, lines[k])
    elif op == "swap-lines":
        m = rng.randrange(len(lines))
        lines[k], lines[m] = lines[m], lines[k]
    elif op == "garbage-line":
        lines[k] = "".join(rng.choice(bits + ODD) for _ in range(rng.randint(1, 8)))
    elif op == "truncate":
        return text[:i]
    else:  # indent
        lines[k] = rng.choice(["", " ", "    ", "\t"]) + lines[k].lstrip()
    return "\n".join(lines)


def _mutate_facts(rng: random.Random, text: str, names: list[str]) -> str:
    """A change that knows the facts format: a value's type, the source, aliases, a bomb."""
    op = rng.choice(["value", "value", "value", "source", "alias", "bomb", "key", "id"])
    names.append(op)
    lines = text.split("\n")
    slots = [k for k, line in enumerate(lines) if re.match(r"^\s*-?\s*[A-Za-z]+: \S", line)]
    k = rng.choice(slots) if slots else 0
    key = re.match(r"^(\s*-?\s*[A-Za-z]+: )", lines[k]) if slots else None
    if op == "value" and key:
        lines[k] = key.group(1) + rng.choice(VALUES)
    elif op == "source":
        lines = [f"source: {rng.choice(SOURCES)!s}" if line.startswith("source:") else line for line in lines]
    elif op == "alias" and key:
        lines[k] = key.group(1) + "&a " + lines[k][len(key.group(1)):]
        m = rng.choice(slots)
        key2 = re.match(r"^(\s*-?\s*[A-Za-z]+: )", lines[m])
        lines[m] = key2.group(1) + "*a"
    elif op == "bomb" and key:
        lines.insert(0, BOMB)
        lines[k + 1] = key.group(1) + "*b8"
    elif op == "key" and key:
        lines[k] = lines[k].replace(key.group(1).strip().rstrip(":").lstrip("- "), rng.choice(
            ["__line__", "__lines__", "a", "id", "label", "quote", "note", "nickname", "telephone", "value",
             "date", "0", "true", "null"]), 1)
    elif op == "id":
        ids = [m.start() for m in re.finditer(r"- id: ", text)]
        if ids:
            at = rng.choice(ids) + len("- id: ")
            return text[:at] + rng.choice(["\"x\\n\"", "A B", "a/b", "'ä'", "x y", "1", "[a]", "{}", ""]) + " #" + text[at:]
    return "\n".join(lines)


def _write(rng: random.Random, path: Path, text: str, names: list[str]) -> None:
    """Write mostly UTF-8; sometimes a BOM, UTF-16, Latin-1 bytes or a lone surrogate (invalid UTF-8)."""
    r = rng.random()
    if r < 0.03:
        names.append("utf16")
        path.write_bytes(text.encode("utf-16", "surrogatepass"))
    elif r < 0.06:
        names.append("bom")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass"))
    elif r < 0.08:
        names.append("latin1")
        path.write_bytes(text.encode("gb18030", "replace")[: rng.randint(0, len(text))])
    else:
        path.write_bytes(text.encode("utf-8", "surrogatepass"))


def make_case(rng: random.Random, work: Path, seeds: dict[str, str]) -> Case:
    """Write one case's input files into ``work`` and return the command line to run there."""
    kind = rng.choices(["build", "corpus", "validate", "query"], weights=[4, 3, 3, 3])[0]
    names: list[str] = []
    if kind == "corpus":  # a corpus folder: one document, the registry, the vocabularies; one file mutated
        corpus = work / "corpus"
        for part in ("registry", "vocab", f"documents/{CORPUS_DOC}"):
            shutil.copytree(CORPUS / part, corpus / part)
        target = rng.choices(list(seeds["corpus"]), weights=[6 if "documents" in k else 1 for k in seeds["corpus"]])[0]
        names.append(target)
        text = seeds["corpus"][target]
        for _ in range(rng.randint(1, 3)):
            text = _mutate_facts(rng, text, names) if rng.random() < 0.4 else _mutate_text(rng, text, YAML_BITS, names)
        _write(rng, corpus / target, text, names)
        doc = rng.choices([CORPUS_DOC, None, "../registry", "no-such-doc", "Zhuzhou 2022"], weights=[12, 4, 1, 1, 1])[0]
        args = ["build", "--corpus", str(corpus), "-o", str(work / "out" / rng.choice(["graph.ttl", "graph.trig"]))]
        return Case(kind, names, args + (["--doc", doc] if doc else []))
    if kind == "build":
        (work / "sources").mkdir()
        shutil.copy(SEED_SOURCE, work / "sources")
        shutil.copy(SEED_SOURCE, work)  # the seed's source: file is beside its facts
        (work / "s.txt").write_text("易冉\n", encoding="utf-8")
        os.mkfifo(work / "fifo.txt")
        (work / "link-out.txt").symlink_to("/etc/hostname")
        text = seeds["facts"]
        for _ in range(rng.randint(1, 3)):
            text = _mutate_facts(rng, text, names) if rng.random() < 0.4 else _mutate_text(rng, text, YAML_BITS, names)
        _write(rng, work / "f.facts.yaml", text, names)
        args = ["build", "--facts", str(work / "f.facts.yaml"), "-o", str(work / "out" / "graph.ttl")]
        if rng.random() < 0.05:
            args += ["--base", rng.choice(["notaurl", "http://x y/", "http://e.org/a#", "urn:x:", "http://e/<>/"])]
        return Case(kind, names, args)
    if kind == "validate":
        suffix = rng.choices(["ttl", "nt", "jsonld", "xml", "trig", "nq"], weights=[6, 2, 2, 1, 1, 1])[0]
        text = seeds[suffix]
        for _ in range(rng.randint(1, 3)):
            text = _mutate_text(rng, text, RDF_BITS, names)
        path = work / f"g.{suffix}"
        _write(rng, path, text, names)
        names.insert(0, suffix)
        return Case(kind, names, ["validate", str(path)])
    name = rng.choice(sorted(seeds["queries"]))
    text = seeds["queries"][name]
    for _ in range(rng.randint(1, 3)):
        text = _mutate_text(rng, text, SPARQL_BITS, names)
    fmt = rng.choice(["table", "csv", "tsv", "json"])
    names.insert(0, name)
    if rng.random() < 0.2:
        path = work / "q.rq"
        _write(rng, path, text, names)
        return Case(kind, names, ["query", "--graph", seeds["graph_file"], "--timeout", "5", "-f", fmt, str(path)])
    return Case(kind, names, ["query", "--graph", seeds["graph_file"], "--timeout", "5", "-f", fmt,
                              text.replace("\x00", "")])


def load_seeds(work: Path) -> dict:
    """The inputs the mutations start from: the shipped facts, the built graph in six formats, the catalog."""
    from kg.api import build, export

    graph_file = work / "graph.ttl"
    built = build(facts=[SEED_FACTS], output=graph_file)
    seeds: dict = {"facts": SEED_FACTS.read_text(encoding="utf-8"), "graph_file": str(graph_file)}
    # a small graph (every 8th triple of the shipped one) keeps validate and query cases quick
    from kg.namespaces import new_graph

    small = new_graph()
    for i, triple in enumerate(sorted(built.graph)):
        if i % 8 == 0:
            small.add(triple)
    for fmt, suffix in (("turtle", "ttl"), ("nt", "nt"), ("jsonld", "jsonld"), ("xml", "xml"), ("trig", "trig"),
                        ("nquads", "nq")):
        seeds[suffix] = export(format=fmt, graph=small, include_personal=True).text
    seeds["queries"] = {p.stem: p.read_text(encoding="utf-8") for p in sorted(QUERIES.glob("*.rq"))}
    seeds["corpus"] = {str(p.relative_to(CORPUS)): p.read_text(encoding="utf-8")
                       for part in ("registry", "vocab", f"documents/{CORPUS_DOC}") for p in sorted((CORPUS / part).glob("*.yaml"))}
    return seeds


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under ``root`` (virtual environments, caches and VCS left out)."""
    skip = {".venv", ".git", "__pycache__", ".pytest_cache", "node_modules", ".mypy_cache", ".ruff_cache"}
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in skip]
        for name in filenames:
            p = os.path.join(dirpath, name)
            try:
                st = os.lstat(p)
            except OSError:
                continue
            out[p] = (st.st_size, st.st_mtime_ns)
    return out


def written_by_git(root: Path, paths: list[str]) -> set[str]:
    """Of ``paths`` (files under ``root``), those git tracks and that equal its HEAD: put there by a checkout or
    merge (someone landing on a shared working tree), not by kg. Empty when ``root`` is not a git working tree."""
    import subprocess

    def git(*args: str) -> list[str] | None:
        try:
            run = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return None
        return [os.fsdecode(p) for p in run.stdout.split(b"\0") if p] if run.returncode == 0 else None

    tracked = git("ls-files", "-z")
    dirty = git("status", "--porcelain", "-z", "--no-renames", "--untracked-files=no")
    if tracked is None or dirty is None:
        return set()
    clean = {os.path.join(root, p) for p in tracked} - {os.path.join(root, p[3:]) for p in dirty}  # "XY path"
    return {p for p in paths if p in clean}


def run_case(case: Case, work: Path, time_limit: float) -> Outcome:
    """Run one case in this process (cwd = its folder), with a time limit; judge what it did."""
    from kg.cli import main

    out, err = io.StringIO(), io.StringIO()
    before = set(os.listdir(work.parent))

    def alarm(signum, frame):
        raise CaseTimeout()

    old = signal.signal(signal.SIGALRM, alarm)
    cwd = os.getcwd()
    start = time.perf_counter()
    code: int | None = None
    problem = None
    try:
        os.chdir(work)
        _watch(work)
        signal.setitimer(signal.ITIMER_REAL, time_limit)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(case.args))
    except CaseTimeout:
        problem = f"timeout: more than {time_limit:g} s"
    except BaseException as exc:  # noqa: BLE001 - anything that escapes main is a finding
        problem = f"escaped main: {type(exc).__name__}: {exc}"[:300]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        outside = _watch(None)
        os.chdir(cwd)
        gc.enable()  # kg build turns the cyclic collector off for its short-lived process
    seconds = time.perf_counter() - start
    stderr = err.getvalue()
    if problem is None:
        lines = stderr.splitlines()
        if code not in (0, 1, 2):
            problem = f"exit code {code}"
        elif "Traceback" in stderr or "Traceback" in out.getvalue():
            problem = "traceback"
        elif code != 0 and len(lines) != 1:
            problem = f"{len(lines)} lines on stderr"
        elif code == 0 and len(lines) > 1:
            problem = f"{len(lines)} lines on stderr after success"
    if problem is None and outside:
        problem = f"wrote outside its folder: {', '.join(outside[:3])}" + (f" (+{len(outside) - 3})" if len(outside) > 3 else "")
    if problem is None and set(os.listdir(work.parent)) - before:
        problem = "wrote beside its folder: " + ", ".join(sorted(set(os.listdir(work.parent)) - before))
    return Outcome(case, code, stderr, seconds, problem)


def fuzz(n: int, *, seed: int = 8, time_limit: float = 20.0, progress: bool = False) -> tuple[list[Outcome], dict]:
    """Run ``n`` cases from ``seed``; return the outcomes and the figures (also: files changed outside)."""
    rng = random.Random(seed)
    base = Path(tempfile.mkdtemp(prefix="kg-fuzz-"))
    try:
        seeds_dir = base / "seeds"
        seeds_dir.mkdir()
        seeds = load_seeds(seeds_dir)
        watched = snapshot(ROOT)
        seed_files = snapshot(seeds_dir)
        outcomes: list[Outcome] = []
        start = time.perf_counter()
        for i in range(n):
            work = base / "cases" / f"{i:05d}"
            work.mkdir(parents=True)
            case = make_case(rng, work, seeds)
            outcomes.append(run_case(case, work, time_limit))
            shutil.rmtree(work, ignore_errors=True)
            if progress and (i + 1) % 500 == 0:
                print(f"  {i + 1} cases, {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
        elapsed = time.perf_counter() - start
        changed = sorted(p for p, v in snapshot(ROOT).items() if watched.get(p) != v)
        by_git = written_by_git(ROOT, changed)
        changed = [p for p in changed if p not in by_git]
        changed += sorted(p for p, v in snapshot(seeds_dir).items() if seed_files.get(p) != v)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    figures = {
        "cases": n, "seconds": elapsed, "cases_per_second": n / elapsed if elapsed else 0.0,
        "exit_codes": Counter(o.code for o in outcomes),
        "by_kind": Counter(o.case.kind for o in outcomes),
        "failures": Counter(o.problem.split(":")[0] for o in outcomes if o.problem),
        "slowest": max((o.seconds for o in outcomes), default=0.0),
        "slowest_case": max(outcomes, key=lambda o: o.seconds, default=None),
        "changed_outside": changed,
        "changed_by_git": sorted(by_git),
    }
    return outcomes, figures


def report(outcomes: list[Outcome], figures: dict, show: int = 5) -> str:
    codes = ", ".join(f"{k}: {v}" for k, v in sorted(figures["exit_codes"].items(), key=lambda kv: str(kv[0])))
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(figures["by_kind"].items()))
    fails = sum(figures["failures"].values())
    lines = [
        f"{figures['cases']} cases ({kinds}) in {figures['seconds']:.1f} s: {figures['cases_per_second']:.1f} cases/s, "
        f"slowest {figures['slowest']:.2f} s",
        f"exit codes: {codes}",
        *([f"slowest case: {o.case.kind} {'/'.join(o.case.mutations)} (exit {o.code}) {o.seconds:.2f} s"]
          if (o := figures.get("slowest_case")) is not None else []),
        f"failures: {fails}" + (" (" + ", ".join(f"{k} {v}" for k, v in figures["failures"].most_common()) + ")"
                                if fails else ""),
        f"files changed outside the case folders: {len(figures['changed_outside'])}",
    ]
    lines += [f"  changed: {p}" for p in figures["changed_outside"][:show]]
    if figures.get("changed_by_git"):
        lines.append(f"files a checkout or merge changed meanwhile (equal to git's HEAD; not counted): "
                     f"{len(figures['changed_by_git'])}")
    for o in [o for o in outcomes if o.problem][:show]:
        lines.append(f"  - {o.case.kind} {'/'.join(o.case.mutations)}: {o.problem}; stderr: "
                     f"{o.stderr.strip()[-300:]!r}")
    errors = Counter(re.sub(r"^error: (\S*kg-fuzz-\S*?:(\d+:)? )?", "", o.stderr.strip())[:70]
                     for o in outcomes if o.code == 2)
    lines.append("most common errors (exit 2):")
    lines += [f"  {v:5d}  {k.strip()}" for k, v in errors.most_common(8)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--time-limit", type=float, default=20.0)
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args(argv)
    outcomes, figures = fuzz(args.n, seed=args.seed, time_limit=args.time_limit, progress=True)
    print(report(outcomes, figures, show=args.show))
    return 1 if figures["failures"] or figures["changed_outside"] else 0


if __name__ == "__main__":
    sys.exit(main())
