"""Run an Oxigraph SPARQL server (the `oxigraph` CLI from PyPI) on the loopback interface.

The graph is loaded *before* the server starts. Into a new (empty) location it is bulk loaded into a store
beside it, compacted (`oxigraph optimize`) and renamed into place: a reader finds no store or the whole one.
Into a location that holds a store already, with the same atomic pattern as `kg push`: the file goes into
a fresh staging graph (`oxigraph load`, itself atomic), then one SPARQL update `MOVE GRAPH <staging> TO
DEFAULT` replaces the default graph in one transaction (the store's other graphs stay).

>>> find_oxigraph().name
'oxigraph'
>>> 1024 < free_port() < 65536
True
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import EndpointError, InputError

HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def find_oxigraph() -> Path:
    """The `oxigraph` executable: next to the running Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file() and os.access(here, os.X_OK):
        return here
    found = shutil.which("oxigraph")
    if not found:
        raise InputError("the oxigraph server is not installed", hint="pip install 'kg[server]'")
    return Path(found)


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def port_free(port: int) -> bool:
    """Whether nothing listens on 127.0.0.1:port (so a server can bind it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: TIME_WAIT is no obstacle
        try:
            s.bind((HOST, port))
        except OSError:
            return False
        return True


def _error_line(text: str, default: str) -> str:
    """The line of oxigraph's stderr that says what went wrong (it may add a stack backtrace after it)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for ln in lines:
        if ln.lower().startswith(("error", "thread 'main' panicked")):
            return " ".join(ln.split())[:200]
    return " ".join(lines[0].split())[:200] if lines else default


def _run(args: list[str], what: str, timeout: float = 120) -> None:
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise EndpointError(f"{what} took more than {timeout:g} s") from None
    if proc.returncode != 0:
        detail = _error_line(proc.stderr or proc.stdout, f"exit code {proc.returncode}")
        if "lock" in detail.lower():
            detail += " (is another server using this location?)"
        raise EndpointError(f"{what} failed: {detail}")


def prepare_location(location: Path) -> Path:
    """Create the store's folder; one line if it cannot be (not writable, a file in the way…).

    >>> prepare_location(Path("/dev/null/store"))
    Traceback (most recent call last):
    kg.errors.InputError: /dev/null/store: cannot use this --location: Not a directory (give a folder kg can write to)
    """
    import os

    location = Path(location)
    try:
        location.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot use this --location: {exc.strerror}", file=str(location),
                         hint="give a folder kg can write to") from None
    if not os.access(location, os.W_OK | os.X_OK):
        raise InputError("cannot use this --location: not writable", file=str(location),
                         hint="give a folder kg can write to")
    return location


def _union_ntriples(dataset: Path, folder: Path) -> Path:
    """The triples of a TriG / N-Quads file, graph names dropped, as an N-Triples file beside the store."""
    import pyoxigraph as ox

    from kg.store.read import DATASET_SUFFIXES, parse_quads

    fmt = getattr(ox.RdfFormat, DATASET_SUFFIXES[dataset.suffix])
    parse_quads(dataset)  # the same checks and one-line errors as every reader
    out = folder.parent / f".{folder.name}.{uuid.uuid4().hex}.nt"
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(dataset), format=fmt))
    ox.serialize(triples, str(out), format=ox.RdfFormat.N_TRIPLES)
    return out


def load_location(location: Path, graph_file: Path, *, oxigraph: Path | None = None) -> None:
    """Replace the default graph of the store at ``location`` with ``graph_file`` (server must not run)."""
    exe = str(oxigraph or find_oxigraph())
    graph_file = Path(graph_file)
    if not graph_file.is_file():
        raise InputError("graph file not found", file=str(graph_file), hint="run `kg build` first")
    prepare_location(location)
    staging = f"urn:kg:staging:{uuid.uuid4()}"
    source = graph_file
    if graph_file.suffix in (".trig", ".nq"):  # a dataset: its union (every named graph) is the default graph
        source = _union_ntriples(graph_file, Path(location))
    timeout = _load_timeout(source)
    try:
        if not any(Path(location).iterdir()):
            _load_new(exe, Path(location), source, f"loading {graph_file} into {location}", timeout)
            return
        _run([exe, "load", "--location", str(location), "--file", str(source), "--graph", staging],
             f"loading {graph_file} into {location}", timeout)
    finally:
        if source != graph_file:
            source.unlink(missing_ok=True)
    _run([exe, "update", "--location", str(location), "--update", f"MOVE SILENT GRAPH <{staging}> TO DEFAULT"],
         f"replacing the default graph in {location}", timeout)


def _load_timeout(path: Path) -> float:
    """Seconds an oxigraph load or update of ``path`` may take: 2 minutes, and a minute more for every
    50 MB (a corpus of 10,000 documents is ~2.7 GB of N-Triples)."""
    return 120 + 60 * Path(path).stat().st_size / 50e6


def _load_new(exe: str, location: Path, source: Path, what: str, timeout: float) -> None:
    """Bulk load ``source`` into the default graph of a new store beside the empty ``location``, compact it,
    and rename it into place (nothing is left behind when a step fails)."""
    tmp = location.parent / f".{location.name}.{uuid.uuid4().hex}"
    try:
        _run([exe, "load", "--location", str(tmp), "--file", str(source)], what, timeout)
        _run([exe, "optimize", "--location", str(tmp)], f"{what} (compacting the store)", timeout)
        location.rmdir()
        os.replace(tmp, location)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@dataclass
class OxigraphServer:
    """An `oxigraph serve` (or `serve-read-only`) child process on 127.0.0.1:port.

    Use as a context manager, or call start() and stop(). ``location`` None means an in-memory store
    (read-write only).
    """

    location: Path | None = None
    port: int = DEFAULT_PORT
    read_only: bool = False
    oxigraph: Path | None = None
    log: Path | None = None
    process: subprocess.Popen | None = field(default=None, init=False, repr=False)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.url}/update"

    @property
    def store_url(self) -> str:
        return f"{self.url}/store"

    def start(self, *, wait: float = 20) -> "OxigraphServer":
        exe = str(self.oxigraph or find_oxigraph())
        if not port_free(self.port):  # else the readiness check could be answered by the other server
            raise EndpointError(f"port {self.port} on {HOST} is taken (another server?); use --port")
        if self.read_only:
            if self.location is None:
                raise InputError("--read-only needs a persistent --location")
            args = [exe, "serve-read-only", "--location", str(self.location)]
        else:
            args = [exe, "serve"] + (["--location", str(self.location)] if self.location is not None else [])
        args += ["--bind", f"{HOST}:{self.port}"]
        if self.location is not None:
            prepare_location(self.location)
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL
        try:
            # own session: a Ctrl-C in the terminal reaches kg, which then stops the server itself
            self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT
                                            if self.log else subprocess.PIPE, start_new_session=True)
        finally:
            if self.log:
                out.close()
        self._wait_ready(wait)
        return self

    def _wait_ready(self, wait: float) -> None:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode("utf-8", "replace") if self.process.stderr else ""
                detail = _error_line(err, f"exit code {self.process.returncode}")
                if "lock" in detail.lower():
                    detail += " (is another server using this location?)"
                if "address" in detail.lower() and "use" in detail.lower():
                    detail += f" (port {self.port} is taken; use --port)"
                raise EndpointError(f"the oxigraph server did not start: {detail}")
            try:
                with urllib.request.urlopen(f"{self.query_url}?query=ASK%7B%7D", timeout=1) as r:
                    if r.status == 200 and self.process.poll() is None:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)
        self.stop()
        raise EndpointError(f"the oxigraph server did not answer on {self.url} within {wait:g} s")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 10) -> int | None:
        """Terminate the server (SIGTERM, then SIGKILL after ``timeout``) and wait for it; return its exit code."""
        proc, self.process = self.process, None
        if proc is None:
            return None
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc.stderr:
            proc.stderr.close()
        return proc.returncode

    def kill(self) -> None:
        """kill -9 the server (tests: a crash in the middle of a write)."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            if self.process.stderr:
                self.process.stderr.close()
            self.process = None

    def __enter__(self) -> "OxigraphServer":
        return self.start() if self.process is None else self

    def __exit__(self, *exc) -> None:
        self.stop()


def serve(*, location: Path | None, port: int = DEFAULT_PORT, read_only: bool = False,
          graph_file: Path | None = None) -> OxigraphServer:
    """Load ``graph_file`` (if given) into ``location`` as the default graph and start a server on it.

    ``location`` None: the store lives in the server's memory (nothing on disk; gone when it stops); the
    graph is then loaded through the running server.
    """
    if location is None:
        if read_only:
            raise InputError("--read-only needs a store on disk (a --location, not --memory)")
        server = OxigraphServer(location=None, port=port).start()
        if graph_file is not None:
            try:
                load_running(server, Path(graph_file))
            except BaseException:
                server.stop()
                raise
        return server
    if graph_file is not None:
        load_location(Path(location), Path(graph_file))
    return OxigraphServer(location=Path(location), port=port, read_only=read_only).start()


def load_running(server: OxigraphServer, graph_file: Path) -> None:
    """Load ``graph_file`` into the default graph of a running, empty server (one request, one transaction);
    a dataset's named graphs are merged into it, as :func:`load_location` does."""
    if not graph_file.is_file():
        raise InputError("graph file not found", file=str(graph_file), hint="run `kg build` first")
    from kg.publish.upload import _request

    source = graph_file
    if graph_file.suffix in (".trig", ".nq"):
        import tempfile

        source = _union_ntriples(graph_file, Path(tempfile.gettempdir()) / "kg-serve")
    media = {".ttl": "text/turtle", ".nt": "application/n-triples", ".rdf": "application/rdf+xml",
             ".xml": "application/rdf+xml", ".jsonld": "application/ld+json"}.get(source.suffix)
    if media is None:
        raise InputError(f"cannot load a {graph_file.suffix} file into the server", file=str(graph_file),
                         hint="give a .ttl, .nt, .trig or .nq file")
    try:
        body = source.read_bytes()
        _request("POST", f"{server.store_url}?default", body, media, None, max(120, len(body) / 1e6))
    except (OSError, urllib.error.URLError) as exc:
        raise EndpointError(f"loading {graph_file} into the server failed: {exc}") from None
    finally:
        if source != graph_file:
            source.unlink(missing_ok=True)
