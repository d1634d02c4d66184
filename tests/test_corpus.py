"""The corpus as a user grows it: a copy of data/ gets a seventh document that brings a new honor, a new honor
level and a mention of a registry entity — only data files change — and it builds, validates, verifies and
answers questions. Each problem found when a second document was first added (issue 9) has a test here.

The seventh document is the README's worked example (section "Corpus"): its text, facts and vocabulary file
are read from the README's code blocks, and the outputs the README shows are checked here. It is written for
the example (a short news item in the genre); everything else is the shipped corpus.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import FactsError, InputError
from kg.facts.corpus import find_document, iter_documents
from kg.namespaces import KG, resource_ns
from tests.conftest import CORPUS, DOC, FACTS, SOURCE, run_kg

R = resource_ns()
NEW = "xiangtan-2023-news-skill-commendation"
README = CORPUS.parent / "README.md"


def readme_block(first_line: str) -> str:
    """The body of the README code block that starts with ``first_line`` (the worked example of "Corpus")."""
    text = README.read_text(encoding="utf-8")
    start = text.index("\n" + first_line + "\n") + len(first_line) + 2
    return text[start:text.index("```", start)]


NEW_TEXT = readme_block(f"# data/documents/{NEW}/source.txt")
NEW_FACTS = readme_block(f"# data/documents/{NEW}/facts.yaml")
NEW_VOCAB = readme_block("# data/vocab/xiangtan.yaml")


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`kg ARGS` in ``cwd``, as a user runs it (in this process: tests/conftest.py run_kg)."""
    return run_kg(*args, cwd=cwd)


def copy_corpus(dest: Path) -> Path:
    shutil.copytree(CORPUS, dest, ignore=shutil.ignore_patterns("*.draft.yaml"))
    return dest


def add_seventh(corpus: Path) -> Path:
    folder = corpus / "documents" / NEW
    folder.mkdir()
    (folder / "source.txt").write_text(NEW_TEXT, encoding="utf-8")
    (folder / "facts.yaml").write_text(NEW_FACTS, encoding="utf-8")
    (corpus / "vocab" / "xiangtan.yaml").write_text(NEW_VOCAB, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """A copy of the corpus with the seventh document, built by the CLI as a user would."""
    work = tmp_path_factory.mktemp("grown")
    corpus = copy_corpus(work / "data")
    add_seventh(corpus)
    res = kg("build", cwd=work)
    assert res.returncode == 0, res.stderr
    return work, corpus, res


def test_seventh_document_builds_from_data_files_only(grown):
    work, corpus, res = grown
    n = len(iter_documents(corpus))
    assert n >= 8 and f"built {n} documents" in res.stdout
    assert "conforms; wrote build/graph.trig, build/graph.ttl" in res.stdout
    trig = (work / "build" / "graph.trig").read_text(encoding="utf-8")
    assert f"<https://w3id.org/kg-talent/graph/{NEW}>" in trig
    assert kg("validate", cwd=work).returncode == 0


def test_seventh_document_answers_questions(grown):
    work, _, _ = grown
    res = kg("query", "honors-by-person", "--format", "csv", cwd=work)
    assert res.returncode == 0, res.stderr
    rows = {tuple(line.split(",")[:3]) for line in res.stdout.splitlines()}
    assert ("李明", "湘钢工匠", "企业级") in rows and ("王芳", "校级教学名师", "校级") in rows  # new honor, new level
    assert ("易冉", "大国工匠", "国家级") in rows  # the shipped letter is still there
    ask = kg("query", "--format", "csv", "SELECT ?y WHERE { ?e <https://w3id.org/kg-talent/ontology#editionNumber> 2 ; "
             "<https://w3id.org/kg-talent/ontology#startDate> ?y }", cwd=work)
    assert ask.stdout.split() == ["y", "2021"]  # an edition known only by its year


def test_readme_worked_example_shows_real_output(grown, tmp_path):
    work, corpus, res = grown
    shown = readme_block(f"$ kg build --doc {NEW}")
    one = kg("build", "--doc", NEW, "--out-dir", str(tmp_path), cwd=work)
    assert one.stdout.replace(str(tmp_path), "build") == shown.splitlines()[0] + "\n"
    import re

    def counts_apart(text: str) -> str:  # the whole corpus's counts move whenever a curator adds a document
        return re.sub(r"\d+", "N", text)

    assert counts_apart(res.stdout.strip()) in counts_apart(shown)
    rows = kg("query", "honors-by-person", cwd=work).stdout
    for line in shown.splitlines():
        if line.startswith(("李明", "王芳")):
            cells = [c.strip() for c in line.split("|")]
            assert any([c.strip() for c in row.split("|")] == cells for row in rows.splitlines()), line
    assert "all 15 checks passed" in shown and "all 15 checks passed" in kg("verify", cwd=work).stdout
    # the typo of the README: every unknown honor of the file at once, with the closest known names
    typo = corpus.parent / "typo"
    shutil.copytree(corpus, typo)
    facts = typo / "documents" / NEW / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("honor: honor-xianggang-craftsman", "honor: honor-xiangang-craftsman")
                     .replace("honor: honor-school-teaching-master", "honor: honor-school-teaching-mastr"), encoding="utf-8")
    err = kg("build", "--corpus", str(typo), "--doc", NEW, "-o", str(tmp_path / "t.ttl"), cwd=work).stderr
    readme = " ".join(README.read_text(encoding="utf-8").split())
    said = readme.split("e.g. `…/facts.yaml:", 1)[1].split("`", 1)[0].rstrip("…").rstrip(", ")
    assert f"facts.yaml:{said}" in err and "honor 'honor-school-teaching-mastr' (line" in err, err


def test_seventh_document_verifies_and_mentions_the_registry(grown):
    work, corpus, _ = grown
    res = kg("verify", "--corpus", str(corpus), cwd=work)
    assert res.returncode == 0, res.stdout + res.stderr
    ents = kg("entities", "--corpus", str(corpus), "--format", "csv", cwd=work)
    mohrss = next(line for line in ents.stdout.splitlines() if line.startswith("mohrss,"))
    assert NEW in mohrss and "mohrss-2018-reply-4264" in mohrss


# ---------------------------------------------------------------- what was found (issue 9), one test each


def test_a_new_document_is_not_ignored(tmp_path):
    """Found: `kg build` ignored the new file and reported the old count."""
    from kg.api import build

    corpus = copy_corpus(tmp_path / "data")
    before = build(corpus=corpus, write=False, validate=False)
    add_seventh(corpus)
    after = build(corpus=corpus, write=False, validate=False)
    assert after.documents == sorted(before.documents + [NEW])
    assert after.facts == before.facts + 9  # nine facts and a mention
    assert (R[f"{NEW}/li-ming"], RDF.type, KG.Person) in after.graph
    assert f"https://w3id.org/kg-talent/graph/{NEW}" in after.graphs


def test_the_picture_draws_every_document(grown):
    """Found: `kg viz` drew the first document only."""
    from kg.draw.network import to_networkx

    work, _, _ = grown
    G = to_networkx(work / "build" / "graph.trig")
    assert {f"{NEW}/li-ming", f"{DOC}/yi-ran", "mohrss"} <= set(G)


def test_same_fact_id_in_two_documents_stays_two_nodes(tmp_path):
    """Found: two facts with the same id in two files merged silently into one node."""
    from kg.api import build

    corpus = copy_corpus(tmp_path / "data")
    folder = add_seventh(corpus)
    facts = folder / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("id: obs-xiangtan-participants", "id: obs-high-skill-talent"),
                     encoding="utf-8")
    b = build(corpus=corpus, write=False)
    assert b.conforms
    ours, theirs = R[f"{NEW}/obs-high-skill-talent"], R[f"{DOC}/obs-high-skill-talent"]
    assert b.graph.value(ours, KG.value).toPython() == 1200 and b.graph.value(theirs, KG.value).toPython() == 130000


def test_same_file_twice_is_an_error_naming_both(tmp_path):
    """Found: loading the same file twice built without a word."""
    res = kg("build", "--facts", str(FACTS), "--facts", str(FACTS), "-o", str(tmp_path / "g.ttl"))
    assert res.returncode == 2 and "document 'zhuzhou-2022-37' is loaded twice" in res.stderr
    assert res.stderr.count(str(FACTS)) >= 2 and res.stderr.count("\n") == 1
    assert not (tmp_path / "g.ttl").exists()
    from kg.api import build

    with pytest.raises(InputError, match="loaded twice"):
        build(doc=[DOC, DOC], write=False)


def test_a_document_refers_to_an_entity_defined_once_in_the_registry(grown):
    """Found: a fact could not refer to an entity of another file; 人社部 had to be defined again everywhere."""
    work, corpus, _ = grown
    from kg.api import load

    g = load(work / "build" / "graph.trig")
    mohrss = R["mohrss"]
    docs = {str(d) for q in g.objects(mohrss, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
            for d in g.objects(g.value(q, KG.sourceText), KG.documentId)}
    assert {NEW, DOC, "mohrss-2018-reply-4264"} <= docs  # one node, quoted by each document that names it
    assert len([s for s in g.subjects(RDFS.label, Literal("人力资源和社会保障部", lang="zh"))]) == 1


def test_vocabulary_grows_without_touching_ontology(grown):
    """Found: 9 honors, a level, units and measures had to be added to ontology/vocab.ttl."""
    work, _, _ = grown
    from kg.api import load

    g = load(work / "build" / "graph.trig")
    assert g.value(KG["honor-school-teaching-master"], KG.level) == KG.school
    assert (KG.school, RDF.type, KG.HonorLevel) in g and str(g.value(KG.school, SKOS.notation)) == "6"
    assert "honor-school-teaching-master" not in (CORPUS.parent / "ontology" / "vocab.ttl").read_text(encoding="utf-8")


def test_a_year_is_enough_for_an_edition(grown):
    """Found: a competition edition known only by its year needed an invented start date."""
    work, _, _ = grown
    from kg.api import load

    g = load(work / "build" / "graph.trig")
    year = g.value(R[f"{NEW}/xiangtan-skills-2"], KG.startDate)
    assert year == Literal("2021", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))


def test_tests_do_not_write_into_build(built, corpus_built):
    """Found: `make test` overwrote build/graph.ttl. The session's builds go to temporary folders."""
    root_build = CORPUS.parent / "build"
    for path in [*built.outputs, *corpus_built.outputs]:
        assert root_build not in path.parents


# ---------------------------------------------------------------- layout


def test_documents_are_folders_and_drafts_are_never_built(tmp_path):
    corpus = copy_corpus(tmp_path / "data")
    (corpus / "documents" / DOC / "facts.draft.yaml").write_text("not: built", encoding="utf-8")
    docs = iter_documents(corpus)
    assert DOC in [d.id for d in docs] and all(d.facts.name == "facts.yaml" for d in docs)
    assert find_document(corpus, DOC).folder == corpus / "documents" / DOC
    with pytest.raises(InputError, match="did you mean zhuzhou-2022-37"):
        find_document(corpus, "zhuzhou-2022-73")


def test_shipped_letter_is_byte_identical_to_the_seed_and_says_its_address_is_unknown():
    seed = CORPUS.parents[1] / "shared" / "seed" / SOURCE.name
    if seed.exists():
        assert seed.read_bytes() == SOURCE.read_bytes()
    from kg.facts.loader import load_facts

    info = load_facts(FACTS).source_info
    assert info.file == SOURCE.name and info.url is None and "unknown" in info.note


def test_source_map_reaches_the_graph(graph):
    src = R[f"{DOC}/source"]
    assert str(graph.value(src, KG.documentId)) == DOC and str(graph.value(src, KG.fileName)) == SOURCE.name
    assert str(graph.value(src, KG.publisherName)) == "株洲市人力资源和社会保障局"
    assert graph.value(src, KG.url) is None  # not known: not invented


def test_source_outside_the_document_folder_is_refused(tmp_path):
    corpus = copy_corpus(tmp_path / "data")
    facts = corpus / "documents" / DOC / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("  file: 000_cac52bcbbc1639b0.txt",
                                                               "  file: ../mohrss-2018-reply-4264/source.txt"), encoding="utf-8")
    from kg.api import build

    with pytest.raises(FactsError, match=r"facts.yaml:5: source '../mohrss-2018-reply-4264/source.txt' is outside"):
        build(corpus=corpus, doc=DOC, write=False)


@pytest.mark.parametrize("doc", [d.id for d in iter_documents(CORPUS)])
def test_every_document_builds_and_conforms_alone(doc):
    """`--doc ID` builds a document with the registry entities it uses: every one it names has a mention there."""
    from kg.api import build

    b = build(corpus=CORPUS, doc=doc, write=False)
    assert b.conforms and b.documents == [doc]
