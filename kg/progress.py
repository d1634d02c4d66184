"""A progress bar on standard error for work that takes more than a second (tqdm; only on a terminal).

>>> bar = Progress(3, "building", enabled=False)  # off: nothing is drawn, update and close do nothing
>>> bar.update(); bar.close(); bar.bar is None
True
"""
from __future__ import annotations

import sys


class Progress:
    """A bar of ``total`` steps named ``what``, counted in ``unit``; drawn after a second, on a terminal only
    (``enabled`` None), or never (False)."""

    def __init__(self, total: int, what: str, enabled: bool | None = None, *, unit: str = "doc"):
        self.bar = None
        if enabled is None:
            enabled = sys.stderr.isatty()
        if enabled and total > 1:
            try:
                from tqdm import tqdm
            except ImportError:  # optional: without tqdm the work is silent
                return
            self.bar = tqdm(total=total, desc=what, unit=unit, delay=1.0, file=sys.stderr, leave=False)

    def update(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
