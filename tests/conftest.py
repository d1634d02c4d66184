"""Shared fixtures: the graph of the shipped document, built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

# Fixtures that start a SPARQL server: a test that uses one is marked `server` (see pyproject's markers).
SERVER_FIXTURES = {"oxigraph", "remote", "fresh_server"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.server)

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "sources" / "000_cac52bcbbc1639b0.txt"
FACTS = ROOT / "data" / "zhuzhou-2022-37.facts.yaml"


@pytest.fixture(scope="session")
def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """BuildResult of the shipped document, written to a temporary graph.ttl."""
    from kg.api import build

    out = tmp_path_factory.mktemp("work") / "build" / "graph.ttl"
    return build(output=out)


@pytest.fixture(scope="session")
def graph(built):
    return built.graph


@pytest.fixture(scope="session")
def graph_file(built) -> Path:
    return built.output


@pytest.fixture()
def in_built_dir(built, monkeypatch) -> Path:
    """Run in a temporary folder whose build/graph.ttl is the built graph: commands' defaults read it."""
    work = built.output.parent.parent
    monkeypatch.chdir(work)
    return work
