"""Optional dependencies: import one, or stop with one line naming the extra that installs it.

>>> require("json", extra="viz", purpose="JSON").__name__
'json'
>>> require("no_such_module_kg", extra="viz", purpose="PNG and SVG pictures")
Traceback (most recent call last):
kg.extras.MissingExtra: PNG and SVG pictures need no_such_module_kg, which is not installed (pip install 'kg[viz]')
"""
from __future__ import annotations

import importlib
from types import ModuleType

from kg.errors import InputError


class MissingExtra(InputError):
    """An optional dependency is not installed; the message names the extra that brings it."""


def require(module: str, *, extra: str, purpose: str) -> ModuleType:
    """Import ``module`` (an optional dependency of ``kg[extra]``) or raise :class:`MissingExtra`."""
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        raise MissingExtra(f"{purpose} need {top}, which is not installed", hint=f"pip install 'kg[{extra}]'") from None
