"""N-Triples lines put in a named graph, as bulk loaders and exports of a dataset take them: blank node
labels made the graph's own, and lines left out by predicate (personal contact data).

>>> body = b'_:x <http://e/phone> "1" .\\n<http://e/s> <http://e/p> _:x .\\n'
>>> print(without_predicates(nquads("http://e/g", body), {"<http://e/phone>"}).decode(), end="")
<http://e/s> <http://e/p> _:g4562c7c4f9c7_x <http://e/g> .
"""
from __future__ import annotations

import re

_BNODE_SUBJECT = re.compile(r"^_:(\S+) ")
_BNODE_OBJECT = re.compile(r" _:(\S+) \.$")


def relabel(text: str, prefix: str) -> str:
    """N-Triples lines with ``prefix`` put in front of every blank node label."""
    if "_:" not in text:
        return text
    lines = []
    for ln in text.split("\n"):
        if ln.startswith("_:"):
            ln = _BNODE_SUBJECT.sub(lambda m: f"_:{prefix}{m.group(1)} ", ln, count=1)
        if ln.endswith(" ."):
            ln = _BNODE_OBJECT.sub(lambda m: f" _:{prefix}{m.group(1)} .", ln, count=1)
        lines.append(ln)
    return "\n".join(lines)


def nquads(graph: str, body: bytes) -> bytes:
    r"""A graph's N-Triples as N-Quads in ``graph``. Blank node labels get a prefix made from the graph IRI
    (``_:g<hash>_``): a bulk loader keeps labels, so two graphs must never share one.

    >>> print(nquads("http://e/g", b'_:x <http://e/p> "a .\\n" .\n<http://e/s> <http://e/p> _:x .\n').decode(), end="")
    _:g4562c7c4f9c7_x <http://e/p> "a .\n" <http://e/g> .
    <http://e/s> <http://e/p> _:g4562c7c4f9c7_x <http://e/g> .
    """
    import hashlib

    if b"_:" in body:
        key = "g" + hashlib.sha256(graph.encode("utf-8")).hexdigest()[:12] + "_"
        body = relabel(body.decode("utf-8"), key).encode("utf-8")
    if body and not body.endswith(b"\n"):
        body += b"\n"
    tail = f" <{graph}> .\n".encode("utf-8")
    if body.count(b" .\n") == body.count(b"\n"):  # every line ends " ." (a literal never holds a raw newline)
        return body.replace(b" .\n", tail)
    return b"".join(ln.rstrip()[:-1].rstrip() + tail for ln in body.splitlines() if ln.strip())


def is_marked(line: str, marks: set) -> bool:
    """Whether an N-Triples or N-Quads line's predicate is one of ``marks`` (``<IRI>`` texts)."""
    parts = line.split(" ", 2)
    return len(parts) > 1 and parts[1] in marks


def without_predicates(data: bytes, marks: set) -> bytes:
    """N-Triples or N-Quads lines without those whose predicate is one of ``marks`` (``<IRI>`` texts)."""
    needles = [m.encode("utf-8") for m in marks]
    if not any(n in data for n in needles):
        return data
    text = data.decode("utf-8")
    return "".join(ln + "\n" for ln in text.split("\n") if ln and not is_marked(ln, marks)).encode("utf-8")
