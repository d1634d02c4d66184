"""Compare extracted facts with curated ones by meaning: per document and per kind, precision, recall, F1.

Both sides become *items* of a kind (person, honor, role, organization, count, funding, competition,
policy, program, report, measure, document): a person by its names, a conferral by recipient and honor,
a role by member and role, a count by value, unit and qualifier, a funding by amount and per what, a
measure by its title (similar wording), the document by each metadata value (number and its parts,
title, date, issuer, addressee, handlers, the suggestion's number and title, the session). Names are
compared after ``name_key`` with the registry's aliases; ids never matter. Items are matched one to one.

>>> a = Item("person", (names("刘芳"),)); b = Item("person", (names("刘芳", "刘 芳"),))
>>> a.matches(b)
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kg.extract.known import Known, name_key

KINDS = ("document", "person", "organization", "role", "honor", "count", "funding", "competition", "policy", "program",
         "report", "measure")
KIND_OF = {"Person": "person", "GovernmentBody": "organization", "Company": "organization", "MediaOutlet": "organization",
           "Team": "organization", "Association": "organization", "Organization": "organization", "Municipality": "organization",
           "HonorConferral": "honor", "Membership": "role", "Observation": "count", "Funding": "funding",
           "MasterWorkshop": "funding", "Competition": "competition", "CompetitionEdition": "competition",
           "Participation": "competition", "Policy": "policy", "PolicyArticle": "policy", "Program": "program",
           "Strategy": "program", "SelectionScheme": "program", "MediaReport": "report", "LetterSection": "measure",
           "Action": "measure", "Commitment": "measure"}
DOC_CLASSES = ("ReplyLetter", "MediaReport", "Document")
DOC_PROPS = ("identifier", "issuerCode", "documentYear", "serialNumber", "title", "date", "issuer", "addressee", "handler",
             "handlerInCharge", "publisher", "author")
SUGG_PROPS = ("identifier", "serialNumber", "title", "author")
SESSION_PROPS = ("congressTerm", "sessionNumber")


def names(*values: str) -> frozenset:
    return frozenset(name_key(v) for v in values if v)


def _bigrams(s: str) -> set:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def _part_match(a, b) -> bool:
    if isinstance(a, frozenset) and isinstance(b, frozenset):
        if a & b:
            return True
        return any(len(x) >= 4 and len(y) >= 4 and (x in y or y in x) for x in a for y in b)
    if isinstance(a, tuple) and isinstance(b, tuple) and a[:1] == b[:1] == ("~",):
        x, y = _bigrams(a[1]), _bigrams(b[1])
        return len(x & y) / max(1, min(len(x), len(y))) >= 0.6
    return a == b


@dataclass(frozen=True)
class Item:
    """One comparable statement: a kind and its parts."""

    kind: str
    parts: tuple
    label: str = ""

    def matches(self, other: Item) -> bool:
        return self.kind == other.kind and len(self.parts) == len(other.parts) and all(
            _part_match(a, b) for a, b in zip(self.parts, other.parts))


def _val(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float, Decimal)):
        try:
            return Decimal(str(v)).normalize()
        except InvalidOperation:
            return v
    return name_key(str(v))


class _Resolver:
    def __init__(self, entries: list[dict], known: Known):
        self.by_id = {str(e.get("id") or e.get("mention")): e for e in entries}
        self.known = known

    def names(self, ref) -> frozenset:
        if isinstance(ref, list):
            out = frozenset()
            for r in ref:
                out |= self.names(r)
            return out
        ref = str(ref)
        e = self.by_id.get(ref)
        out = []
        if e is not None and e.get("id"):
            lab = e.get("label")
            out.append(lab.get("zh") if isinstance(lab, dict) else lab)
            alt = e.get("altLabel") or []
            out += alt if isinstance(alt, list) else [alt]
            if e.get("title"):
                out.append(e["title"])
        ent = self.known.entities.get(ref)
        if ent is not None:
            out += ent.names
        for scheme in self.known.concepts.values():
            if ref in scheme:
                out += scheme[ref].names
                out.append(ref)
        if not out:
            out.append(ref)
        return names(*[str(x) for x in out if x])

    def entry(self, ref):
        return self.by_id.get(str(ref[0] if isinstance(ref, list) else ref))


def _list(v):
    return v if isinstance(v, list) else [v]


def items_of(entries: list[dict], known: Known, *, document: str | None = None) -> list[Item]:
    """The comparable items of a facts list (entries as in a facts file: ids, mentions, properties)."""
    r = _Resolver(entries, known)
    out: list[Item] = []
    for e in entries:
        fid = str(e.get("id") or e.get("mention"))
        cls = e.get("a")
        if cls is None and e.get("mention"):
            ent = known.entities.get(fid)
            cls = ent.cls if ent else None
        mine = r.names(fid)
        label = next(iter(mine), fid) + (f" [{e['rule']}]" if e.get("rule") else "")
        if fid == document or (document is None and cls in DOC_CLASSES and e.get("rule", "").startswith("document")):
            for p in DOC_PROPS:
                for v in _list(e.get(p)) if e.get(p) is not None else []:
                    out.append(Item("document", (p, r.names(v) if p in ("issuer", "addressee", "handler", "handlerInCharge", "publisher", "author") else _val(v)), f"{p}={v}" + (f" [{e['rule']}]" if e.get("rule") else "")))
            sugg = r.entry(e.get("repliesTo")) if e.get("repliesTo") else None
            if sugg:
                for p in SUGG_PROPS:
                    for v in _list(sugg.get(p)) if sugg.get(p) is not None else []:
                        out.append(Item("document", ("suggestion." + p, r.names(v) if p == "author" else _val(v)), f"suggestion.{p}={v}"))
                sess = r.entry(sugg.get("submittedAt")) if sugg.get("submittedAt") else None
                if sess:
                    for p in SESSION_PROPS:
                        if sess.get(p) is not None:
                            out.append(Item("document", ("session." + p, _val(sess[p])), f"session.{p}={sess[p]}"))
            continue
        kind = KIND_OF.get(cls)
        if kind is None:
            continue
        if kind in ("person", "organization"):
            out.append(Item(kind, (mine,), label))
        elif cls == "HonorConferral":
            out.append(Item(kind, (r.names(e.get("recipient", "")), r.names(e.get("honor", ""))), label))
        elif cls == "Membership":
            out.append(Item(kind, (r.names(e.get("member", "")), ("~", next(iter(r.names(e.get("role", "")) or {""}), ""))), label))
        elif cls == "Observation":
            out.append(Item(kind, (_val(e.get("value")), str(e.get("unit")), str(e.get("qualifier", "exactly"))), label))
        elif cls == "Funding":
            out.append(Item(kind, ("funding", _val(e.get("amount")), str(e.get("perUnit"))), label))
        elif cls == "MasterWorkshop":
            host = e.get("hostedBy")
            out.append(Item(kind, ("workshop", r.names(host) if host else mine), label))
        elif cls == "Participation":
            out.append(Item(kind, ("participation", r.names(e.get("participant", ""))), label))
        elif cls in ("Competition", "CompetitionEdition"):
            out.append(Item(kind, ("competition", mine), label))
        elif cls == "PolicyArticle":
            out.append(Item(kind, ("article", _val(e.get("articleNumber")), r.names(e.get("partOf", ""))), label))
        elif cls == "MediaReport":
            if e.get("title"):
                out.append(Item(kind, ("titled", names(str(e["title"]))), label))
            else:
                out.append(Item(kind, ("untitled", r.names(e.get("subject", "")) or mine), label))
        elif kind == "measure":
            title = e.get("title") or (e.get("label", {}).get("zh") if isinstance(e.get("label"), dict) else e.get("label"))
            out.append(Item(kind, (("~", name_key(str(title))),), label))
        else:
            out.append(Item(kind, (mine,), label))
    return out


@dataclass
class Score:
    """Counts of one document and kind: matched, extracted, curated."""

    tp: int = 0
    extracted: int = 0
    curated: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.extracted += other.extracted
        self.curated += other.curated

    @property
    def precision(self) -> float:
        return self.tp / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.curated if self.curated else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def compare(extracted: list[Item], curated: list[Item]) -> dict[str, Score]:
    """Match items one to one per kind; return a Score per kind."""
    scores: dict[str, Score] = {}
    for kind in KINDS:
        ex = [i for i in extracted if i.kind == kind]
        cu = [i for i in curated if i.kind == kind]
        if not ex and not cu:
            continue
        s = Score(extracted=len(ex), curated=len(cu))
        free = list(range(len(ex)))
        for c in cu:
            hit = next((k for k in free if ex[k].matches(c)), None)
            if hit is None:
                s.missed.append(c.label)
            else:
                free.remove(hit)
                s.tp += 1
        s.wrong = [ex[k].label for k in free]
        scores[kind] = s
    return scores


@dataclass
class DocResult:
    doc_id: str
    scores: dict[str, Score]

    @property
    def total(self) -> Score:
        t = Score()
        for s in self.scores.values():
            t.add(s)
        return t


def corpus_documents(corpus: Path) -> list[tuple[str, Path, Path]]:
    """(doc id, facts file, source file) for every curated document of a corpus folder."""
    import yaml

    out = []
    corpus = Path(corpus)
    candidates = [(p.parent.name, p) for p in sorted((corpus / "documents").glob("*/facts.yaml"))]
    candidates += [(p.name[: -len(".facts.yaml")], p) for p in sorted(corpus.glob("*.facts.yaml"))]
    seen = set()
    for doc_id, path in candidates:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        src = data.get("source")
        file = src.get("file") if isinstance(src, dict) else src
        source = (path.parent / str(file)).resolve()
        if source in seen or not source.exists():
            continue
        seen.add(source)
        out.append((doc_id, path, source))
    return out


def evaluate(corpus: Path, *, known: Known | None = None, only: list[str] | None = None,
             exclude: list[str] | None = None) -> list[DocResult]:
    """Extract every curated document of the corpus and compare with its curated facts."""
    import yaml

    from kg.extract.known import load_known
    from kg.extract.pipeline import extract_file
    from kg.extract.writer import fact_entry

    known = known or load_known(corpus)
    results = []
    for doc_id, facts_path, source in corpus_documents(corpus):
        if (only and doc_id not in only) or (exclude and doc_id in exclude):
            continue
        data = yaml.load(facts_path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        curated = items_of(data.get("facts") or [], known, document=str(data.get("document")))
        draft = extract_file(source, known=known, doc_id=doc_id)
        entries = [fact_entry(f) for f in draft.facts]
        doc = next((f.id for f in draft.facts if f.cls in DOC_CLASSES and f.rule.startswith("document")), None)
        extracted = items_of(entries, known, document=doc)
        results.append(DocResult(doc_id, compare(extracted, curated)))
    return results


def report(results: list[DocResult], *, verbose: bool = False) -> str:
    """The evaluation as text: per document, per kind, micro averages."""
    lines = [f"{'document':<52} {'P':>5} {'R':>5} {'F1':>5}  {'tp':>4} {'ext':>4} {'cur':>4}"]
    per_kind: dict[str, Score] = {}
    micro = Score()
    for r in results:
        t = r.total
        micro.add(t)
        lines.append(f"{r.doc_id:<52} {t.precision:5.2f} {t.recall:5.2f} {t.f1:5.2f}  {t.tp:4} {t.extracted:4} {t.curated:4}")
        for kind, s in r.scores.items():
            per_kind.setdefault(kind, Score()).add(s)
            if verbose:
                for m in s.missed:
                    lines.append(f"    missed {kind}: {m}")
                for w in s.wrong:
                    lines.append(f"    extra  {kind}: {w}")
    lines.append("")
    lines.append(f"{'kind':<52} {'P':>5} {'R':>5} {'F1':>5}  {'tp':>4} {'ext':>4} {'cur':>4}")
    for kind in KINDS:
        if kind in per_kind:
            s = per_kind[kind]
            lines.append(f"{kind:<52} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}  {s.tp:4} {s.extracted:4} {s.curated:4}")
    lines.append(f"{'micro average':<52} {micro.precision:5.2f} {micro.recall:5.2f} {micro.f1:5.2f}  {micro.tp:4} {micro.extracted:4} {micro.curated:4}")
    return "\n".join(lines)
