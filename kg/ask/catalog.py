"""The question catalog: SPARQL queries in queries/*.rq, each opening with a header of ``# key: value`` lines.

Header keys (all required): ``title-zh``, ``title-en``, ``params`` (``none`` or comma-separated
``name=default``; a parameter without ``=`` has no default; ``name@zh=张三`` binds the value as a literal tagged
``zh``, to match a label directly), ``columns`` (comma-separated result columns;
``boolean`` for ASK, ``graph`` for CONSTRUCT/DESCRIBE). Optional: ``concat`` names the columns that hold a
``GROUP_CONCAT`` and their separator, ``column="sep"`` comma-separated (``channels="、"``): SPARQL leaves the
order of a concatenation undefined, so the parts of these columns are sorted after the query, on every
engine, and the answer is the same locally and from a server. ``text-index`` (``quote contains text``) says
that the query keeps only the rows whose ``?quote`` — bound in its outer group as the object of
``prov:value`` — contains the parameter ``text`` (its ``FILTER(CONTAINS(STR(?quote), ?text))``, which the
header requires): on a build with a text index the texts that contain the word are then found in the index and
bound as ``VALUES`` (:mod:`kg.ask.textsearch`), the same rows without reading every text of the store.

>>> q = parse_entry("demo", '''# title-zh: 某人的荣誉
... # title-en: Honors of a person
... # params: name=张三
... # columns: honor
... SELECT ?honor WHERE { ?p ?x ?honor }''')
>>> q.title_en, q.params, q.columns
('Honors of a person', {'name': '张三'}, ['honor'])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import QueryError
from kg.paths import QUERIES_DIR, VERIFY_DIR

HEADER_KEYS = ("title-zh", "title-en", "params", "columns")
OPTIONAL_KEYS = ("concat", "text-index")
QUERY_WORDS = ("PREFIX", "BASE", "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "INSERT", "DELETE", "WITH", "LOAD",
               "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")


@dataclass
class CatalogQuery:
    """One catalog question: its name (file stem), header and SPARQL text."""

    name: str
    title_zh: str
    title_en: str
    params: dict[str, str | None] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    text: str = ""
    path: Path | None = None
    concat: dict[str, str] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)
    text_index: tuple[str, str] | None = None  # (variable holding the text, parameter it must contain)

    def bound_text(self, given: dict[str, str] | None = None) -> str:
        """The query text with its parameters (``given`` over the defaults) bound, tagged as the header says.

        >>> q = parse_entry("x", "# title-zh: 某人\\n# title-en: A person\\n# params: name@zh=张三\\n# columns: p\\n"
        ...                 "SELECT ?p WHERE { ?p ?l ?name }")
        >>> q.bound_text().splitlines()[-1]
        'SELECT ?p WHERE { VALUES ?name { "张三"@zh } ?p ?l ?name }'
        >>> q.bound_text({"name": "李四"}).splitlines()[-1]
        'SELECT ?p WHERE { VALUES ?name { "李四"@zh } ?p ?l ?name }'
        """
        from kg.ask.sparql import bind_params

        return bind_params(self.text, self.bindings(given), languages=self.languages)

    def sort_concatenations(self, result):
        """``result`` with the parts of each ``concat`` column sorted (same language tag or datatype).

        >>> from rdflib import Literal
        >>> from kg.ask.results import QueryResult
        >>> q = CatalogQuery(name="x", title_zh="", title_en="", concat={"ch": "、"})
        >>> r = q.sort_concatenations(QueryResult(kind="select", variables=["ch"], rows=[{"ch": Literal("网络、电视、微信直播")}]))
        >>> str(r.rows[0]["ch"])
        '微信直播、电视、网络'
        """
        from rdflib import Literal

        if result.kind != "select" or not self.concat:
            return result
        for row in result.rows:
            for column, sep in self.concat.items():
                term = row.get(column)
                if isinstance(term, Literal) and sep:
                    text = sep.join(sorted(str(term).split(sep)))
                    row[column] = Literal(text, lang=term.language, datatype=term.datatype)
        return result

    def bindings(self, given: dict[str, str] | None = None) -> dict[str, str]:
        """Parameter values: ``given`` over the defaults; QueryError if one is missing or unknown."""
        given = dict(given or {})
        for name in given:
            if name not in self.params:
                known = ", ".join(self.params) or "none"
                raise QueryError(f"question '{self.name}' has no parameter '{name}' (parameters: {known})")
        out = {}
        for name, default in self.params.items():
            value = given.get(name, default)
            if value is None:
                raise QueryError(f"question '{self.name}' needs --param {name}=VALUE")
            out[name] = value
        return out


def parse_header(text: str) -> dict[str, str]:
    """The ``# key: value`` lines at the top of a query (until the first line that is not a comment)."""
    header: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        key, sep, value = body.partition(":")
        if sep and key.strip() in HEADER_KEYS + OPTIONAL_KEYS:
            header[key.strip()] = value.strip()
    return header


def parse_entry(name: str, text: str, path: Path | None = None) -> CatalogQuery:
    """Parse a catalog query's header; QueryError naming the file if a key is missing or malformed."""
    where = str(path) if path else name
    header = parse_header(text)
    missing = [k for k in HEADER_KEYS if not header.get(k)]
    if missing:
        raise QueryError(f"{where}: header lacks {', '.join('# ' + k + ':' for k in missing)}")
    params: dict[str, str | None] = {}
    languages: dict[str, str] = {}
    if header["params"].lower() != "none":
        for item in header["params"].split(","):
            pname, eq, default = item.strip().partition("=")
            pname, at, lang = pname.strip().lstrip("?").partition("@")
            if not pname:
                raise QueryError(f"{where}: empty parameter name in '# params:'")
            if at:
                from kg.ask.sparql import LANGTAG

                if not LANGTAG.match(lang.strip()):
                    raise QueryError(f"{where}: '# params:' {pname}@{lang}: not a language tag (e.g. name@zh=张三)")
                languages[pname] = lang.strip()
            params[pname] = default.strip() if eq else None
    columns = [c.strip().lstrip("?") for c in header["columns"].split(",") if c.strip()]
    concat: dict[str, str] = {}
    if header.get("concat"):
        import re

        items = re.findall(r'\s*\??([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"([^"]+)"\s*(?:,|$)', header["concat"])
        if not items:
            raise QueryError(f"{where}: '# concat:' wants column=\"separator\", e.g. channels=\"、\"")
        concat = dict(items)
    text_index = _text_index(header.get("text-index"), params, text, where)
    return CatalogQuery(name=name, title_zh=header["title-zh"], title_en=header["title-en"], params=params,
                        columns=columns, text=text, path=path, concat=concat, languages=languages,
                        text_index=text_index)


def _text_index(value: str | None, params: dict, text: str, where: str) -> tuple[str, str] | None:
    """The ``# text-index: VARIABLE contains PARAMETER`` header as (variable, parameter); QueryError naming
    the file if it is malformed, names no parameter, or the query lacks the FILTER it stands for.

    >>> _text_index("quote contains text", {"text": "x"}, "SELECT * { ?q ?p ?quote FILTER(contains(str(?quote), ?text)) }", "q")
    ('quote', 'text')
    >>> _text_index("quote contains text", {"text": "x"}, "SELECT * { ?q ?p ?quote }", "q.rq")
    Traceback (most recent call last):
    kg.errors.QueryError: q.rq: '# text-index: quote contains text' stands for FILTER(CONTAINS(STR(?quote), ?text)), which the query lacks
    """
    import re

    if not value:
        return None
    m = re.fullmatch(r"\??([A-Za-z_][A-Za-z0-9_]*)\s+contains\s+\??([A-Za-z_][A-Za-z0-9_]*)", value.strip())
    if not m:
        raise QueryError(f"{where}: '# text-index:' wants VARIABLE contains PARAMETER, e.g. quote contains text")
    var, param = m.groups()
    if param not in params:
        raise QueryError(f"{where}: '# text-index: {value.strip()}': '{param}' is not a parameter of '# params:'")
    pattern = rf"CONTAINS\s*\(\s*STR\s*\(\s*[?$]{var}\s*\)\s*,\s*[?$]{param}\s*\)"
    if not re.search(pattern, text, re.IGNORECASE):
        raise QueryError(f"{where}: '# text-index: {var} contains {param}' stands for "
                         f"FILTER(CONTAINS(STR(?{var}), ?{param})), which the query lacks")
    return var, param


def load_catalog(directory: Path = QUERIES_DIR) -> dict[str, CatalogQuery]:
    """All questions of a catalog directory (``*.rq``, not subdirectories), by name, sorted."""
    out = {}
    for path in sorted(Path(directory).glob("*.rq")):
        out[path.stem] = parse_entry(path.stem, path.read_text(encoding="utf-8"), path)
    return out


def load_checks(directory: Path = VERIFY_DIR) -> dict[str, CatalogQuery]:
    """The verify checks (queries that must return no rows), by name."""
    return load_catalog(directory)


def _read_query_file(path: Path) -> str:
    from kg.inputs import read_input

    try:
        return read_input(path, what="query file", error=QueryError).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QueryError(f"query file is not UTF-8 (byte {exc.start})", file=str(path)) from None


def resolve(ref: str, *, directory: Path = QUERIES_DIR) -> CatalogQuery:
    """A catalog name, a path to a ``.rq`` file, or SPARQL text → a CatalogQuery.

    >>> resolve("SELECT * WHERE { ?s ?p ?o } LIMIT 1").name
    '(query)'
    >>> resolve("DESCRIBE <https://w3id.org/kg-talent/id/zhang-san>").name
    '(query)'
    >>> resolve("# a comment\\nsome text / but no query form " + "x" * 300)
    Traceback (most recent call last):
    kg.errors.QueryError: not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE (give a catalog name, a .rq file or a query)
    """
    catalog_path = Path(directory) / f"{ref}.rq"
    if "\n" not in ref and len(ref) < 200 and catalog_path.is_file():
        return parse_entry(ref, catalog_path.read_text(encoding="utf-8"), catalog_path)
    first = " ".join(line for line in ref.splitlines() if not line.lstrip().startswith("#")).strip()
    if "{" in ref or first.upper().startswith(QUERY_WORDS):
        return CatalogQuery(name="(query)", title_zh="", title_en="", text=ref)
    if "\n" in ref or len(ref) > 1024:  # text, not a file name: a query without its form keyword
        raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE",
                         hint="give a catalog name, a .rq file or a query")
    if ref.endswith(".rq") or "/" in ref or "\\" in ref:
        path = Path(ref)
        try:
            found = path.is_file()
        except (OSError, ValueError):  # a name too long for the file system, a NUL byte
            found = False
        if not found:
            raise QueryError("query file not found", file=ref if len(ref) <= 120 else ref[:119] + "…")
        text = _read_query_file(path)
        header = parse_header(text)
        if all(header.get(k) for k in HEADER_KEYS):
            return parse_entry(path.stem, text, path)
        return CatalogQuery(name=path.stem, title_zh="", title_en="", text=text, path=path)
    raise QueryError(f"unknown catalog question '{ref}'", hint="`kg query --list` shows the questions")
