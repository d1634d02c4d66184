"""Read input files within stated limits: regular files only, and at most a set size.

The limit is 256 MB per file by default; ``KG_MAX_INPUT_MB`` or the CLI's ``--max-input-size`` raises it.
Devices, FIFOs and directories are refused (``source: /dev/zero`` would never end).

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = p.write_bytes(b"hi")
>>> read_input(p)
b'hi'
>>> read_input(pathlib.Path("/dev/null"))
Traceback (most recent call last):
kg.errors.InputError: /dev/null: not a regular file (a device, FIFO or socket); give a file
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from kg.errors import InputError

DEFAULT_MAX_INPUT_MB = 256
ENV_MAX_INPUT_MB = "KG_MAX_INPUT_MB"

_override_mb: float | None = None


def set_max_input_mb(mb: float | None) -> None:
    """Set the per-file limit for this process (None: back to ``KG_MAX_INPUT_MB`` or the default)."""
    global _override_mb
    _override_mb = mb


def max_input_bytes() -> int:
    """The largest input file kg reads, in bytes.

    >>> max_input_bytes() >= DEFAULT_MAX_INPUT_MB * 1024 * 1024 or ENV_MAX_INPUT_MB in os.environ
    True
    """
    mb: float = DEFAULT_MAX_INPUT_MB
    if _override_mb is not None:
        mb = _override_mb
    elif os.environ.get(ENV_MAX_INPUT_MB):
        try:
            mb = float(os.environ[ENV_MAX_INPUT_MB])
        except ValueError:
            raise InputError(f"{ENV_MAX_INPUT_MB} must be a number of megabytes, got "
                             f"'{os.environ[ENV_MAX_INPUT_MB]}'") from None
    return int(mb * 1024 * 1024)


def max_input_given() -> bool:
    """Whether the user set the limit (``--max-input-size`` or ``KG_MAX_INPUT_MB``) rather than taking the default."""
    return _override_mb is not None or bool(os.environ.get(ENV_MAX_INPUT_MB))


def _mb(n: float) -> str:
    return f"{n / 1048576:.3g} MB"


def check_input(path: Path, *, what: str = "input file", error: type[InputError] = InputError) -> int:
    """Check that ``path`` is a regular file within the size limit; return its size."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise error(f"{what} not found", file=str(path)) from None
    except OSError as exc:
        raise error(f"cannot read {what}: {exc.strerror}", file=str(path)) from None
    if stat.S_ISDIR(st.st_mode):
        raise error(f"{what} is a directory; give a file", file=str(path))
    if not stat.S_ISREG(st.st_mode):
        raise error("not a regular file (a device, FIFO or socket); give a file", file=str(path))
    limit = max_input_bytes()
    if st.st_size > limit:
        raise error(f"{what} is {_mb(st.st_size)}, above the limit of {_mb(limit)}",
                    file=str(path), hint=f"raise it with --max-input-size or {ENV_MAX_INPUT_MB}")
    return st.st_size


def read_input(path: Path, *, what: str = "input file", error: type[InputError] = InputError) -> bytes:
    """The bytes of a regular file within the size limit (a file that grows past it while read is refused too)."""
    path = Path(path)
    check_input(path, what=what, error=error)
    limit = max_input_bytes()
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise error(f"cannot read {what}: {exc.strerror}", file=str(path)) from None
    if len(data) > limit:
        raise error(f"{what} is above the limit of {_mb(limit)}", file=str(path),
                    hint=f"raise it with --max-input-size or {ENV_MAX_INPUT_MB}")
    return data
