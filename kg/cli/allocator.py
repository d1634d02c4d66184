"""A faster memory allocator for the ``kg`` command: on Linux, kg starts itself once more with mimalloc
preloaded (``LD_PRELOAD``), the allocator of the ``cmeel-mimalloc`` wheel, when it is installed.

Why: Oxigraph (pyoxigraph and the ``oxigraph`` server kg serve starts) allocates and frees a small buffer for
nearly every index lookup and every term it decodes; with glibc's allocator ~40 % of a catalog question's CPU
on a corpus store was malloc and free (perf, 1,000 documents). With mimalloc Oxigraph's part of a question
takes ~25 % less CPU at 10,000 documents (a whole `kg query` ~15 % less at 1,000) and a bulk load of the store
~25 % less (benchmarks/bench_allocator.py measures it side by side).

Only the command line does this, once, before anything heavy is imported: ``kg.cli.main()`` run as a
program (argv not given). A Python program that imports kg is left as it is (start it with
``LD_PRELOAD=$(python -m kg.cli.allocator)`` to get the same). ``KG_MALLOC=system`` turns it off; where
the library is missing (another platform, or not installed) kg runs with the system allocator, the same
results a little slower. Children (kg serve's ``oxigraph``, build workers) inherit the preload.

>>> plan({"KG_MALLOC": "system"}, Path("/x/libmimalloc.so.3")) is None
True
>>> plan({"LD_PRELOAD": "/x/libmimalloc.so.3"}, Path("/x/libmimalloc.so.3")) is None  # already preloaded
True
>>> plan({"LD_PRELOAD": "libfoo.so"}, Path("/x/libmimalloc.so.3"))["LD_PRELOAD"]
'/x/libmimalloc.so.3:libfoo.so'
>>> plan({}, None) is None  # not installed
True
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

LIBRARY = "libmimalloc.so.3"


def library() -> Path | None:
    """The mimalloc shared library of the installed ``cmeel-mimalloc`` wheel (``<site>/cmeel.prefix/lib/``),
    or None: not on Linux, or not installed."""
    if not sys.platform.startswith("linux"):
        return None
    for entry in sys.path:
        candidate = Path(entry or ".") / "cmeel.prefix" / "lib" / LIBRARY
        if candidate.is_file():
            return candidate
    return None


def plan(environ: dict, lib: Path | None) -> dict | None:
    """The environment to start kg again with, or None when kg should go on as it is: turned off
    (``KG_MALLOC=system``), no library, or already preloaded (this process is the second start)."""
    if lib is None or environ.get("KG_MALLOC", "").strip().lower() == "system":
        return None
    preload = environ.get("LD_PRELOAD", "")
    if str(lib) in preload.replace(" ", ":").split(":"):
        return None
    env = dict(environ)
    env["LD_PRELOAD"] = f"{lib}:{preload}" if preload else str(lib)
    return env


def restart_with_mimalloc() -> None:
    """Replace this process by the same command with mimalloc preloaded, when :func:`plan` says so; on any
    failure to start again, go on with the system allocator (the results are the same)."""
    env = plan(dict(os.environ), library())
    if env is None:
        return
    argv = list(getattr(sys, "orig_argv", None) or [sys.executable, *sys.argv])
    try:
        sys.stdout.flush()
        sys.stderr.flush()
        os.execve(sys.executable, argv, env)
    except OSError:
        return


if __name__ == "__main__":  # `python -m kg.cli.allocator`: the library's path, for LD_PRELOAD, or nothing
    found = library()
    if found is not None:
        print(found)
