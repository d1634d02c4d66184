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
from dataclasses import dataclass
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


@dataclass
class Spliced:
    """What :func:`write_spliced` wrote: the new file's layout ``[(key, length), …]`` and how many of its
    bytes were copied from the old file and how many made (or read from elsewhere)."""

    layout: list
    copied: int = 0
    made: int = 0


def write_spliced(path: Path, pieces, *, previous: list | None = None) -> Spliced:
    """Write ``path`` atomically (:func:`atomic_file`) as the concatenation of ``pieces``, copying from the
    file now at ``path`` every piece it already holds.

    ``pieces``: ``(key, source)`` pairs; ``source`` is bytes, a function returning bytes, a ``Path`` whose
    bytes are appended, or None (the piece must come from the old file). ``key`` names the piece's bytes (a
    digest of what they are made from; None: always written). ``previous``: the layout this function returned when it wrote the file now at ``path``, as
    ``[(key, length), …]``; it is ignored unless its lengths add up to the file's size. A piece whose key it
    lists is copied from the old file and not made (its source is not called or read); neighbouring pieces
    that were neighbours in the old file are copied in one go, in the kernel where it can (copy_file_range).
    The old file stays whole until the new one replaces it.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "f.txt"
    >>> first = write_spliced(target, [("a", b"one\\n"), ("b", b"two\\n"), (None, b"end\\n")])
    >>> first.layout, first.copied, first.made
    ([('a', 4), ('b', 4), (None, 4)], 0, 12)
    >>> def never():
    ...     raise AssertionError("a piece the old file holds is not made")
    >>> again = write_spliced(target, [("b", never), ("c", b"three\\n"), ("a", never)], previous=first.layout)
    >>> again.layout, again.copied, again.made
    ([('b', 4), ('c', 6), ('a', 4)], 8, 6)
    >>> target.read_text()
    'two\\nthree\\none\\n'
    """
    path = Path(path)
    old_fd = None
    where: dict = {}
    if previous:
        try:
            old_fd = os.open(path, os.O_RDONLY)
            if os.fstat(old_fd).st_size == sum(n for _k, n in previous):
                offset = 0
                for key, n in previous:
                    if key is not None:
                        where[key] = (offset, n)
                    offset += n
        except OSError:
            pass
    done = Spliced(layout=[])
    layout = done.layout
    try:
        with atomic_file(path) as tmp, open(tmp, "wb", buffering=0) as fh:
            run = [0, 0]  # the bytes of the old file still to copy: [start, end)

            def flush() -> None:
                if run[1] > run[0]:
                    _copy_range(old_fd, fh, run[0], run[1] - run[0])
                    done.copied += run[1] - run[0]
                run[0] = run[1] = 0

            for key, source in pieces:
                got = where.get(key) if key is not None else None
                if got is not None:
                    start, n = got
                    if run[1] != start or run[1] == run[0]:
                        flush()
                        run[0] = start
                    run[1] = start + n
                    layout.append((key, n))
                    continue
                flush()
                if source is None:
                    raise ValueError(f"piece {key!r} is not in the previous file and has no source")
                if isinstance(source, Path):
                    n = _append_file(fh, source)
                else:
                    data = source() if callable(source) else source
                    _write_all(fh, data)
                    n = len(data)
                done.made += n
                layout.append((key, n))
            flush()
    finally:
        if old_fd is not None:
            os.close(old_fd)
    return done


def _write_all(fh, data: bytes) -> None:
    """Write all of ``data`` to an unbuffered file (a raw write may take only part of it)."""
    view = memoryview(data)
    while view:
        view = view[fh.write(view):]


def _copy_range(src_fd: int, fh, offset: int, count: int) -> None:
    """Append ``count`` bytes of ``src_fd`` from ``offset`` to the unbuffered file ``fh``: in the kernel when
    it can (copy_file_range), else through a buffer."""
    try:
        while count > 0:
            n = os.copy_file_range(src_fd, fh.fileno(), count, offset)
            if n <= 0:
                break
            offset += n
            count -= n
    except (AttributeError, OSError):  # not Linux, or a file system that cannot
        pass
    while count > 0:
        data = os.pread(src_fd, min(count, 1 << 24), offset)
        if not data:
            raise InputError("the previous output file became shorter while it was read", file=str(fh.name))
        _write_all(fh, data)
        offset += len(data)
        count -= len(data)


def _append_file(fh, path: Path) -> int:
    """Append a file's bytes to the unbuffered file ``fh``; returns how many."""
    fd = os.open(path, os.O_RDONLY)
    try:
        n = os.fstat(fd).st_size
        _copy_range(fd, fh, 0, n)
    finally:
        os.close(fd)
    return n
