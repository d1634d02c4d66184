"""Answers prepared after a build: every catalog question that needs no parameter (or has defaults for all of
them) is asked of the build's on-disk store, on every core, and its answer kept beside the store
(``kg.ask.answers``), so that the first ``kg query`` after ``kg build --answers`` reads a file instead of
running the query. An answer already kept for the present store is not asked again; a build that changes the
store drops every kept answer, so a rebuild prepares them all again.

>>> import tempfile
>>> from kg.store.embedded import write_store
>>> folder = Path(tempfile.mkdtemp())
>>> (folder / "graph.nq").write_text('<http://e/a> <http://e/p> "x"@zh <http://e/g> .\\n', encoding="utf-8")
48
>>> _ = write_store(folder / "store", [(folder / "graph.nq").read_bytes()], graph_file=folder / "graph.nq")
>>> from kg.api import query
>>> first = prepare_answers(folder / "graph.nq", ask=query, names=["readings"], jobs=1)
>>> first.asked, first.kept
(['readings'], ['readings'])
>>> prepare_answers(folder / "graph.nq", ask=query, names=["readings"], jobs=1).already
['readings']
>>> prepare_answers(folder / "graph.trig", ask=query, jobs=1) is None  # no store for that file
True
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


@dataclass
class Prepared:
    """What ``prepare_answers`` did: the questions ``asked`` of the store (with the seconds each took), the
    ones whose answer is now ``kept``, those ``already`` kept before, those that ``failed`` (name -> the error's
    message: they are answered when asked, as without preparation), and the wall time in ``seconds``."""

    asked: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    jobs: int = 1


def questions(names: list[str] | None = None) -> dict:
    """The catalog questions that can be prepared, by name: a SELECT or an ASK (the answers that are kept)
    with a default for every parameter; ``names`` picks some (a name that is not such a question is an error).

    >>> qs = questions()
    >>> "timeline" in qs, "person-profile" in qs, "person-graph" in qs  # person-graph is a CONSTRUCT
    (True, True, False)
    """
    from kg.ask.catalog import load_catalog
    from kg.ask.sparql import query_kind
    from kg.errors import QueryError

    catalog = load_catalog()
    ready = {name: q for name, q in catalog.items()
             if all(v is not None for v in q.params.values()) and query_kind(q.text) in ("select", "ask")}
    if names is None:
        return ready
    unknown = [n for n in names if n not in ready]
    if unknown:
        raise QueryError(f"cannot prepare {', '.join(unknown)}: not a catalog SELECT or ASK question with a default "
                         "for every parameter")
    return {n: ready[n] for n in names}


_OPEN: dict = {}  # graph file -> the store opened by this (worker) process


def _ask_one(ask: Callable, graph_file: str, name: str, bound: str) -> tuple[str, float, bool, str | None]:
    """Ask question ``name`` of the store of ``graph_file`` (opened once per process) with ``ask``
    (``kg.api.query``); the answer is kept by it, under ``bound``, the question's bound text. Returns the name,
    the seconds it took, whether it is kept, and the message of the error that stopped it (else None)."""
    from kg.ask.answers import kept
    from kg.errors import KgError
    from kg.store.read import open_graph

    t = time.perf_counter()
    try:
        store = _OPEN.get(graph_file)
        if store is None:
            store = _OPEN[graph_file] = open_graph(Path(graph_file))
        ask(name, graph=store)
    except KgError as exc:
        return name, time.perf_counter() - t, False, str(exc)
    took = time.perf_counter() - t
    path = kept(bound, store=store)
    return name, took, path is not None and path.is_file(), None


def prepare_answers(graph_file: Path | str, *, ask: Callable, names: list[str] | None = None, jobs: int | None = None,
                    progress: bool | None = None) -> Prepared | None:
    """Ask every catalog question that can be prepared (``questions``; ``names`` for some) of the on-disk
    store that holds ``graph_file``, in ``jobs`` processes (default: every core), with ``ask`` (a function
    of a question's name and ``graph=``, such as ``kg.api.query``, that keeps the answer), skipping those
    whose answer is already kept. None when ``graph_file`` has no up-to-date store (a small graph is answered
    in memory: nothing to prepare)."""
    import os

    from kg.ask.answers import kept
    from kg.progress import Progress
    from kg.store.embedded import store_for

    t0 = time.perf_counter()
    store = store_for(graph_file)
    if store is None:
        return None
    chosen = {name: q.bound_text() for name, q in questions(names).items()}
    todo, already = [], []
    for name, bound in chosen.items():
        path = kept(bound, store=store)
        (already if path is not None and path.is_file() else todo).append(name)
    del store
    n = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    out = Prepared(already=already, jobs=n)
    bar = Progress(len(todo), "answering", progress, unit="question")
    try:
        if n == 1:
            results = (_ask_one(ask, str(graph_file), name, chosen[name]) for name in todo)
            pool = None
        else:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor, as_completed

            # spawned, not forked: the parent may hold the store and threads of its own
            pool = ProcessPoolExecutor(n, mp_context=mp.get_context("spawn"))
            futures = [pool.submit(_ask_one, ask, str(graph_file), name, chosen[name]) for name in todo]
            results = (f.result() for f in as_completed(futures))
        try:
            for name, took, is_kept, error in results:
                out.asked.append(name)
                out.timings[name] = took
                if is_kept:
                    out.kept.append(name)
                if error is not None:
                    out.failed[name] = error
                bar.update()
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
    finally:
        bar.close()
    order = list(chosen)
    out.asked.sort(key=order.index)
    out.kept.sort(key=order.index)
    out.seconds = time.perf_counter() - t0
    return out
