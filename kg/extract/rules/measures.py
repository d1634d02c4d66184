"""Rules: measures."""
from __future__ import annotations


def apply(ctx) -> None:
    return None
