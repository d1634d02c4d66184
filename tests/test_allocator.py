"""kg.cli.allocator: the kg program starts itself once more with mimalloc preloaded (where the cmeel-mimalloc
wheel is installed); KG_MALLOC=system keeps the system allocator; a program importing kg is left alone."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kg.cli.allocator import library, plan

PROBE = ("import os; from kg.cli.allocator import restart_with_mimalloc; restart_with_mimalloc(); "
         "maps = open('/proc/self/maps').read(); "
         "print(os.environ.get('LD_PRELOAD', ''), 'libmimalloc' in maps)")


def _run(code: str, **env: str) -> str:
    full = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "KG_MALLOC")}
    full.update(env)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=full,
                          check=True, timeout=60).stdout.strip()


needs_mimalloc = pytest.mark.skipif(library() is None, reason="cmeel-mimalloc not installed (not Linux x86_64/aarch64)")


@needs_mimalloc
def test_the_program_starts_again_with_mimalloc_loaded():
    preload, loaded = _run(PROBE).rsplit(" ", 1)
    assert preload == str(library()) and loaded == "True"


@needs_mimalloc
def test_kg_malloc_system_keeps_the_system_allocator():
    assert _run(PROBE, KG_MALLOC="system").split() == ["False"]


@needs_mimalloc
def test_an_existing_preload_is_kept_after_mimalloc():
    # a preload the user set stays (after mimalloc); a second start is not made when mimalloc is already there
    other = "/lib/x86_64-linux-gnu/libm.so.6" if os.path.exists("/lib/x86_64-linux-gnu/libm.so.6") else ""
    if not other:
        pytest.skip("no libm at the Debian path to preload")
    preload, loaded = _run(PROBE, LD_PRELOAD=other).rsplit(" ", 1)
    assert preload == f"{library()}:{other}" and loaded == "True"
    env = plan({"LD_PRELOAD": preload}, library())
    assert env is None


def test_the_kg_program_answers_the_same_with_either_allocator(dataset_file):
    # the allocator is invisible in what kg prints: the same catalog answer, byte for byte
    outs = []
    for setting in ("system", "mimalloc"):
        env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"} | {"KG_MALLOC": setting}
        outs.append(subprocess.run([sys.executable, "-m", "kg", "query", "honors-by-person", "--format", "csv",
                                    "--graph", str(dataset_file)],
                                   capture_output=True, text=True, env=env, timeout=120, check=True).stdout)
    assert outs[0] == outs[1] and "陈志漫,IPC总裁奖,国际级" in outs[0]
