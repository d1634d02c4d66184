"""The corpus as a user grows it: a copy of data/ gets a seventh document that brings a new honor, a new honor
level and a mention of a registry entity — only data files change — and it builds, validates, verifies and
answers questions. Each problem found when a second document was first added (issue 9) has a test here.

The seventh document is written for this test (a short news item in the genre); everything else is the
shipped corpus.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import FactsError, InputError
from kg.facts.corpus import find_document, iter_documents
from kg.namespaces import KG, resource_ns
from tests.conftest import CORPUS, DOC, FACTS, SOURCE

R = resource_ns()
NEW = "xiangtan-2023-news-skill-commendation"
NEW_TEXT = """湘潭市人社局表彰技能人才
2023年5月20日，湘潭市人力资源和社会保障局召开技能人才表彰会，人社部职业能力建设司有关负责人出席。湘钢焊接技师李明获评“湘钢工匠”，湘潭技师学院教师王芳获评“校级教学名师”。第二届湘潭市职业技能竞赛于2021年举办，共有1200余人参赛。
"""
NEW_FACTS = """# A seventh document, written for tests/test_corpus.py.
document: news
source:
  file: source.txt
  publisher: 湘潭市人力资源和社会保障局
  title: 湘潭市人社局表彰技能人才
  published: 2023-05
  retrieved: 2026-11-28
facts:
- id: news
  a: MediaReport
  label: {zh: 湘潭市人社局表彰技能人才, en: Xiangtan bureau commends skilled talent}
  quote: 湘潭市人社局表彰技能人才
  title: 湘潭市人社局表彰技能人才
  publisher: xiangtan-hrss-bureau
  date: 2023-05-20

- mention: mohrss
  quote: 人社部职业能力建设司有关负责人出席

- id: xiangtan-hrss-bureau
  a: GovernmentBody
  label: {zh: 湘潭市人力资源和社会保障局, en: Xiangtan Human Resources and Social Security Bureau}
  altLabel: 湘潭市人社局
  quote: [湘潭市人力资源和社会保障局召开技能人才表彰会, 湘潭市人社局表彰技能人才]

- id: li-ming
  a: Person
  label: {zh: 李明, en: Li Ming}
  quote: 湘钢焊接技师李明

- id: conferral-li-ming
  a: HonorConferral
  label: {zh: 李明获评湘钢工匠, en: "Li Ming, Xianggang Craftsman"}
  quote: 湘钢焊接技师李明获评“湘钢工匠”
  recipient: li-ming
  honor: honor-xianggang-craftsman

- id: wang-fang
  a: Person
  label: {zh: 王芳, en: Wang Fang}
  quote: 湘潭技师学院教师王芳

- id: conferral-wang-fang
  a: HonorConferral
  label: {zh: 王芳获评校级教学名师, en: "Wang Fang, school teaching master"}
  quote: 教师王芳获评“校级教学名师”
  recipient: wang-fang
  honor: honor-school-teaching-master

- id: competition-xiangtan-skills
  a: Competition
  label: {zh: 湘潭市职业技能竞赛, en: Xiangtan Vocational Skills Competition}
  quote: 第二届湘潭市职业技能竞赛

- id: xiangtan-skills-2
  a: CompetitionEdition
  label: {zh: 第二届湘潭市职业技能竞赛, en: 2nd Xiangtan Vocational Skills Competition}
  quote: 第二届湘潭市职业技能竞赛于2021年举办
  edition: competition-xiangtan-skills
  editionNumber: 2
  startDate: 2021

- id: obs-xiangtan-participants
  a: Observation
  label: {zh: 第二届湘潭市职业技能竞赛参赛1200余人, en: More than 1200 took part}
  quote: 共有1200余人参赛
  about: xiangtan-skills-2
  measure: participants
  value: 1200
  qualifier: moreThan
  unit: person
  sourceValue: 1200余人
"""
NEW_VOCAB = """# Added with the seventh document: a level and two honors, no edit of ontology/.
levels:
- id: school
  label: {zh: 校级, en: school}
  rank: 6
honors:
- id: honor-xianggang-craftsman
  label: {zh: 湘钢工匠, en: Xianggang Craftsman}
  level: enterprise
- id: honor-school-teaching-master
  label: {zh: 校级教学名师, en: School teaching master}
  level: school
"""


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


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
