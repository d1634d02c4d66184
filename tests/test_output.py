"""Output files: atomic, and what -o may name: a symlink (followed), a device or FIFO (written in place),
a directory (refused), `-` (standard output). Never a half-written file, never a replaced device."""
from __future__ import annotations

import os
import stat
import threading

import pytest

from kg.cli import main
from kg.errors import InputError
from kg.output import write_atomic, write_spliced


def test_symlink_is_followed_and_stays_a_link(tmp_path):
    target = tmp_path / "real" / "graph.ttl"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "graph.ttl"
    link.symlink_to(target)
    assert write_atomic(link, b"new\n") == target
    assert link.is_symlink() and target.read_bytes() == b"new\n"
    dangling = tmp_path / "dangling.ttl"
    dangling.symlink_to(tmp_path / "made.ttl")
    write_atomic(dangling, b"x")
    assert dangling.is_symlink() and (tmp_path / "made.ttl").read_bytes() == b"x"


def test_character_device_is_written_in_place_not_replaced(tmp_path, capsys, graph_file):
    """`kg export -o /dev/null` used to replace the device with a regular file (as root: /dev/null gone)."""
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    except PermissionError:
        node = None
    for dev in filter(None, [node]):
        assert main(["export", "-f", "nt", "-o", str(dev), "--graph", str(graph_file)]) == 0
        assert stat.S_ISCHR(os.stat(dev).st_mode)
    capsys.readouterr()


def test_fifo_is_written_in_place(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    write_atomic(fifo, b"through the pipe")
    reader.join(5)
    assert got == [b"through the pipe"] and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_directory_is_refused_with_one_line(tmp_path, capsys, graph_file):
    with pytest.raises(InputError, match="it is a directory"):
        write_atomic(tmp_path, b"x")
    for args in (["build", "-o", str(tmp_path)], ["export", "-o", str(tmp_path), "--graph", str(graph_file)],
                 ["viz", "-o", str(tmp_path), "--graph", str(graph_file)]):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "is a directory" in err, args
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_unwritable_place_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cannot write output"):
        write_atomic(blocker / "sub" / "g.ttl", b"x")


@pytest.mark.parametrize("args, starts", [
    (["build", "--doc", "zhuzhou-2022-37"], b"@prefix"),
    (["export", "-f", "nt"], b"<"),
    (["viz", "-f", "graphml"], b"<?xml"),
    (["viz"], b"<!DOCTYPE html>"),
])
def test_dash_writes_to_standard_output(capsysbinary, graph_file, args, starts):
    extra = [] if args[0] == "build" else ["--graph", str(graph_file)]
    assert main([*args, "-o", "-", *extra]) == 0
    out, err = capsysbinary.readouterr()
    assert out.startswith(starts) and b"wrote" in err and not os.path.exists("-")  # the note on stderr


def test_spliced_file_copies_what_the_old_one_holds_and_keeps_it_whole_on_error(tmp_path):
    target = tmp_path / "graph.ttl"
    block = tmp_path / "block.ttl"
    block.write_bytes(b"<b> <p> 2 .\n")
    first = write_spliced(target, [(None, b"@prefix p: <p#> .\n"), ("a", b"<a> <p> 1 .\n"), ("b", block),
                                   ("c", lambda: b"<c> <p> 3 .\n")])
    assert target.read_bytes() == b"@prefix p: <p#> .\n<a> <p> 1 .\n<b> <p> 2 .\n<c> <p> 3 .\n"
    assert (first.copied, first.made) == (0, target.stat().st_size)
    block.unlink()  # "b" and "c" come from the old file: their sources are not read
    again = write_spliced(target, [(None, b"@prefix q: <q#> .\n"), ("b", block), ("c", None), ("d", b"<d> <p> 4 .\n")],
                          previous=first.layout)
    assert target.read_bytes() == b"@prefix q: <q#> .\n<b> <p> 2 .\n<c> <p> 3 .\n<d> <p> 4 .\n"
    assert (again.copied, again.made) == (24, 30)

    def fails():
        raise InputError("no")

    before = target.read_bytes()
    with pytest.raises(InputError):
        write_spliced(target, [("b", None), ("e", fails)], previous=again.layout)
    assert target.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
    # a layout that does not describe the file (its lengths add up to another size) is not trusted
    target.write_bytes(before + b"# edited\n")
    last = write_spliced(target, [("b", lambda: b"<b> <p> 5 .\n")], previous=again.layout)
    assert (last.copied, target.read_bytes()) == (0, b"<b> <p> 5 .\n")
