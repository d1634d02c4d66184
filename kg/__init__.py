"""kg: a knowledge graph of skilled-talent programs, people and honors from government documents.

The public API lives in :mod:`kg.api` and is re-exported here lazily, so ``import kg`` stays light.

>>> import kg
>>> kg.build.__name__
'build'
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["build", "load", "validate", "BuildResult", "query", "catalog", "export", "verify", "ExportResult"]


def __getattr__(name: str):
    if name in __all__:
        from kg import api

        return getattr(api, name)
    raise AttributeError(name)
