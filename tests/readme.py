"""The README's console examples are the real output of their commands: checked by tests/test_readme.py,
rewritten by ``python -m tests.readme --update`` (after a change that changes an output).

A ```` ```console ```` block holds ``$ command`` lines, each followed by what it prints (stdout and stderr, as
a terminal shows them). The commands run in a temporary folder whose ``build/graph.ttl`` is built from the
checkout's corpus (``KG_CORPUS``), so nothing is written into the checkout. ``kg serve`` runs on a free port
(written as the default 7878 in the README) until the other blocks are done, then gets Ctrl-C (``^C``).
Volatile figures (durations) are compared as placeholders.
"""
from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PORT = "7878"  # the port the README shows (kg serve's default)
VOLATILE = [(re.compile(r"\bin \d+\.\d+ s\b"), "in N s")]
BLOCK = re.compile(r"^```console\n(.*?)^```\n", re.S | re.M)


@dataclass
class Example:
    """One ``$ command`` of a console block and the lines the README shows after it."""

    command: str
    expected: str
    block: int
    actual: str | None = None
    gap: str = ""  # blank lines after the output, before the next command (kept when rewriting)

    @property
    def server(self) -> bool:
        return self.command.split()[:2] == ["kg", "serve"]

    @property
    def remote(self) -> bool:
        return f"127.0.0.1:{PORT}" in self.command


@dataclass
class Blocks:
    """The README's console blocks, as examples, with the text between them kept for rewriting."""

    text: str
    examples: list[Example] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str) -> "Blocks":
        blocks = cls(text)
        for number, match in enumerate(BLOCK.finditer(text)):
            current: Example | None = None
            for line in match.group(1).splitlines():
                if line.startswith("$ "):
                    current = Example(line[2:], "", number)
                    blocks.examples.append(current)
                elif current is not None:
                    current.expected += line + "\n"
        for e in blocks.examples:
            body = e.expected.rstrip("\n")
            e.gap = e.expected[len(body) + 1:] if body else e.expected
            e.expected = body + "\n" if body else ""
        return blocks

    def rewritten(self) -> str:
        """The README with every block's outputs replaced by the actual ones."""
        def block(match: re.Match, counter=iter(range(10_000))) -> str:
            number = next(counter)
            body = "".join(f"$ {e.command}\n{e.actual if e.actual is not None else e.expected}{e.gap}"
                           for e in self.examples if e.block == number)
            return f"```console\n{body}```\n"

        return BLOCK.sub(block, self.text)


def normalize(text: str) -> str:
    for pattern, placeholder in VOLATILE:
        text = pattern.sub(placeholder, text)
    return text


def kg_env(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env.update(KG_CORPUS=str(ROOT / "data"), PYTHONUNBUFFERED="1", COLUMNS="200")
    return env


def prepare(work: Path) -> None:
    """``build/graph.ttl`` in ``work``, built from the checkout's corpus."""
    res = subprocess.run([sys.executable, "-m", "kg", "build"], cwd=work, env=kg_env(work), capture_output=True,
                         text=True, timeout=600)
    if res.returncode != 0:
        raise RuntimeError(f"kg build failed: {res.stderr}")


def argv(command: str, port: str) -> list[str]:
    words = shlex.split(command.replace(f"127.0.0.1:{PORT}", f"127.0.0.1:{port}"))
    if words[0] != "kg":
        raise ValueError(f"README console example does not run kg: {command}")
    return [sys.executable, "-m", "kg", *words[1:]]


def run_examples(blocks: Blocks, work: Path, *, server: bool = True) -> None:
    """Run every example (the server ones only with ``server``) and record its output in ``actual``."""
    from kg.publish.server import free_port

    port = str(free_port())
    env = kg_env(work)
    serving: list[tuple[Example, subprocess.Popen]] = []
    try:
        for example in blocks.examples:
            if (example.server or example.remote) and not server:
                continue
            if example.server:
                args = argv(example.command, port)
                if "--port" not in args:
                    args += ["--port", port]
                proc = subprocess.Popen(args, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True)
                lines = []
                while True:  # until it says how to stop it: then it serves
                    line = proc.stdout.readline()
                    if not line:
                        break
                    lines.append(line)
                    if line.startswith("press Ctrl-C"):
                        break
                serving.append((example, proc))
                example.actual = "".join(lines)
                continue
            res = subprocess.run(argv(example.command, port), cwd=work, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True, timeout=600)
            example.actual = res.stdout
    finally:
        for example, proc in serving:
            time.sleep(0.2)
            proc.send_signal(signal.SIGINT)
            rest, _ = proc.communicate(timeout=60)
            example.actual = (example.actual or "") + "^C" + rest
    for example in blocks.examples:
        if example.actual is not None:
            example.actual = example.actual.replace(f"127.0.0.1:{port}", f"127.0.0.1:{PORT}")


def differences(blocks: Blocks) -> list[str]:
    """A unified diff per example whose output is not what the README shows."""
    out = []
    for e in blocks.examples:
        if e.actual is not None and normalize(e.actual) != normalize(e.expected):
            diff = difflib.unified_diff(e.expected.splitlines(), e.actual.splitlines(), "README", "actual", lineterm="")
            out.append(f"$ {e.command}\n" + "\n".join(diff))
    return out


def main(args: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite README.md with the actual outputs")
    parser.add_argument("--no-server", action="store_true", help="skip the examples that need kg serve")
    opts = parser.parse_args(args)
    blocks = Blocks.parse(README.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        prepare(Path(tmp))
        run_examples(blocks, Path(tmp), server=not opts.no_server)
    diffs = differences(blocks)
    if opts.update:
        if diffs:
            README.write_text(blocks.rewritten(), encoding="utf-8")
        print(f"README.md: {len(diffs)} example(s) updated")
        return 0
    print("\n\n".join(diffs) if diffs else "README.md: every console example is the real output")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
