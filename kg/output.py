"""Write output files atomically: into a temporary file beside the target, then rename.

What ``-o`` may name:

- ``-``: standard output (every command that writes a file takes it);
- a symbolic link: it is followed, and its target is replaced atomically (the link stays a link);
- a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe): written in place, never
  replaced by a regular file;
- a block device, a socket or a directory: refused.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(d / "a.txt", b"hi").read_bytes()
b'hi'
>>> (d / "link.txt").symlink_to(d / "a.txt")
>>> write_atomic(d / "link.txt", b"ho") == d / "a.txt", (d / "link.txt").is_symlink(), (d / "a.txt").read_bytes()
(True, True, b'ho')
>>> write_atomic(pathlib.Path("/dev/null"), b"gone")
PosixPath('/dev/null')
>>> write_atomic(d, b"x")
Traceback (most recent call last):
kg.errors.InputError: ...: cannot write output: it is a directory (give a file name)
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from kg.errors import InputError

STDOUT = Path("-")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def is_stdout(path: Path | str | None) -> bool:
    """Whether ``path`` is ``-``, standard output."""
    return path is not None and str(path) == "-"


def _write_stdout(data: bytes) -> Path:
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a text-only stream (e.g. some test captures)
        sys.stdout.write(data.decode("utf-8", errors="replace"))
    else:
        out.write(data)
        out.flush()
    return STDOUT


def _write_in_place(path: Path, data: bytes) -> Path:
    try:
        with open(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise InputError(f"cannot write output: {exc.strerror}", file=str(path)) from None
    return path


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one, never a part.

    Returns the file written: the target of a symbolic link, ``Path("-")`` for standard output.
    """
    if is_stdout(path):
        return _write_stdout(data)
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # follow the chain of links; a dangling link creates its target
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise InputError(f"cannot write output: {exc.strerror}", file=str(path)) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise InputError("cannot write output: it is a directory (give a file name)", file=str(path))
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            return _write_in_place(path, data)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("cannot write output: it is a block device or socket, not a file", file=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise InputError(f"cannot write output: {exc.strerror}", file=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise InputError(f"cannot write output: {exc.strerror}", file=str(path)) from None
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write (e.g. by a streaming serializer); renamed to ``path`` when
    the block ends without error, removed otherwise.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "b.txt"
    >>> with atomic_file(target) as tmp:
    ...     _ = tmp.write_bytes(b"ok")
    >>> target.read_bytes()
    b'ok'
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise InputError(f"cannot write output: {exc.strerror}", file=str(path)) from None
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
