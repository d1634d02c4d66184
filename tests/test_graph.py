"""The graph of the shipped document holds the facts the document states, with provenance."""
from __future__ import annotations

import datetime as dt
import json
import re
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.namespaces import KG, resource_ns

R = resource_ns()
DOC = "zhuzhou-2022-37"


def node(fid: str) -> URIRef:
    """The IRI of a fact of the letter, or of a registry entity it mentions."""
    from kg.facts.registry import load_registry
    from tests.conftest import CORPUS

    return R[fid] if fid in load_registry(CORPUS).entities else R[f"{DOC}/{fid}"]


def q(graph, text, **bind):
    prefix = "PREFIX kg: <https://w3id.org/kg-talent/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" \
             "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"
    return list(graph.query(prefix + text, initBindings=bind))


def zh(graph, node):
    return next(str(x) for x in graph.objects(node, RDFS.label) if x.language == "zh")


def test_fact_and_triple_counts(built):
    fs = built_factset(built)
    assert built.facts == len(fs.facts) == 164 and len(fs.mentions) == 21  # 139 entries before the registry, + 15 of the letter's structure, + 31 measures inside its sections and measures
    assert built.triples == len(built.graph) > 2000


def test_national_technical_expert_count_is_combined_with_hunan_skill_master(graph):
    rows = q(graph, """SELECT ?obs ?v ?qual ?src WHERE {
        ?obs a kg:Observation ; kg:honor kg:honor-national-technical-expert ; kg:value ?v ;
             kg:qualifier ?qual ; kg:sourceValue ?src }""")
    assert len(rows) == 1
    obs, value, qual, src = rows[0]
    assert value.toPython() == Decimal(52) and qual == KG.exactly and str(src) == "52人"
    # one count for two honors: the observation names both and no split is invented
    assert set(graph.objects(obs, KG.honor)) == {KG["honor-national-technical-expert"], KG["honor-hunan-skill-master"]}


def test_honor_counts_from_the_document(graph):
    rows = q(graph, """SELECT ?label ?v ?qual WHERE {
        ?obs a kg:Observation ; kg:measure kg:honorHolders ; kg:honor ?h ; kg:value ?v ; kg:qualifier ?qual .
        ?h skos:prefLabel ?label FILTER(lang(?label) = "zh") }""")
    got = {(str(label), int(v.toPython()), str(qual).rsplit("#")[-1]) for label, v, qual in rows}
    expected = {
        ("国务院特殊津贴", 8, "exactly"), ("省政府特殊津贴", 15, "exactly"), ("中华技能大奖", 1, "exactly"),
        ("全国技术能手", 52, "exactly"), ("湖南省技能大师", 52, "exactly"), ("湖南省技术能手", 165, "exactly"),
        ("株洲市技能大师", 50, "exactly"), ("株洲市技术能手", 106, "exactly"), ("株洲工匠", 46, "exactly"),
        ("株洲市五一劳动奖章", 83, "exactly"), ("株洲市青年岗位能手", 43, "exactly"),
        ("国家职业资格等级证书", 430, "moreThan"),
    }
    assert got == expected


def test_approximate_figures_keep_their_qualifier(graph):
    rows = q(graph, """SELECT ?m ?v ?qual ?unit ?src WHERE { ?o kg:measure ?m ; kg:value ?v ; kg:qualifier ?qual ;
        kg:unit ?unit ; kg:sourceValue ?src FILTER(?m IN (kg:participants, kg:onlineViewers, kg:tradesPerEdition)) }""")
    got = {(str(m).rsplit("#")[-1], int(v.toPython()), str(ql).rsplit("#")[-1], str(u).rsplit("#")[-1], str(s))
           for m, v, ql, u, s in rows}
    assert got == {("participants", 30000, "atLeast", "person", "3万人以上"),
                   ("onlineViewers", 1000000, "moreThan", "personTime", "100多万人次"),
                   ("tradesPerEdition", 10, "atLeast", "trade", "10个以上")}


def test_talent_totals_converted_from_wan(graph):
    rows = q(graph, "SELECT ?m ?v WHERE { ?o kg:measure ?m ; kg:value ?v ; kg:unit kg:person ; kg:qualifier kg:exactly "
                    "FILTER(?m IN (kg:talentTotal, kg:professionalTechnicalTalent, kg:highSkillTalent)) }")
    assert {str(m).rsplit("#")[-1]: int(v.toPython()) for m, v in rows} == {
        "talentTotal": 598000, "professionalTechnicalTalent": 301000, "highSkillTalent": 130000}


def test_workshops_26_at_50000_yuan_each(graph):
    (count,), = q(graph, "SELECT ?v WHERE { ?o kg:measure kg:workshopsEstablished ; kg:value ?v }")
    assert count.toPython() == 26
    (amount, cur, per, src), = q(graph, """SELECT ?a ?c ?per ?src WHERE { ?f a kg:Funding ; kg:perUnit kg:workshop ;
        kg:amount ?a ; kg:currency ?c ; kg:perUnit ?per ; kg:sourceValue ?src }""")
    assert amount.toPython() == Decimal(50000) and str(cur) == "CNY" and str(src) == "5万元"
    hosts = {zh(graph, h) for h in graph.objects(None, KG.hostedBy)}
    assert hosts == {"株洲电力机车有限公司", "南方公司", "南方宇航"}


def test_skill_masters_50_with_20000_yuan_each(graph):
    (amount, src), = q(graph, "SELECT ?a ?src WHERE { ?f a kg:Funding ; kg:perUnit kg:person ; kg:amount ?a ; kg:sourceValue ?src }")
    assert amount.toPython() == Decimal(20000) and str(src) == "2万元"
    scheme = node("scheme-skill-master-selection")
    assert graph.value(scheme, KG.intervalYears).toPython() == 3
    assert str(graph.value(scheme, KG.frequency)) == "三年一推"
    policy = node("policy-skill-master-selection")
    assert graph.value(policy, KG.date) == Literal("2008", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))


def test_provincial_contest_dates_and_officials(graph):
    ed = node("hunan-skills-2022")
    assert graph.value(ed, KG.startDate).toPython() == dt.date(2022, 7, 3)
    assert graph.value(ed, KG.endDate).toPython() == dt.date(2022, 7, 6)
    assert zh(graph, graph.value(ed, KG.location)) == "株洲市"
    rows = q(graph, """SELECT ?name ?act ?role WHERE { ?p a kg:Participation ; kg:event ?e ; kg:participant ?who ; kg:activity ?act .
        ?who rdfs:label ?name FILTER(lang(?name) = "zh")
        ?m kg:member ?who ; kg:role ?r . ?r rdfs:label ?role FILTER(lang(?role) = "zh") }""", e=ed)
    assert {(str(n), str(a), str(r)) for n, a, r in rows} == {
        ("张庆伟", "致贺信", "书记"), ("毛伟明", "在开幕式上讲话并宣布大赛开幕", "省长"), ("汤涛", "致辞", "副部长"),
        ("李微微", "出席", "省领导"), ("李殿勋", "出席", "省领导"), ("周农", "出席", "省领导")}


def test_tv_competition(graph):
    c = node("competition-skills-world-tv")
    assert graph.value(c, KG.editionCount).toPython() == 7
    assert str(graph.value(c, KG.startDate)) == "2014"
    assert {str(x).rsplit("#")[-1] for x in graph.objects(c, KG.broadcastVia)} == {"channel-tv", "channel-internet", "channel-wechat-live"}


def test_yi_ran_honors_employer_and_reports(graph):
    yi = node("yi-ran")
    assert zh(graph, yi) == "易冉"
    assert zh(graph, graph.value(yi, KG.employer)) == "中车株辆公司"
    honors = {str(graph.value(h, SKOS.prefLabel, any=False) if False else next(
        x for x in graph.objects(h, SKOS.prefLabel) if x.language == "zh")) for h in graph.objects(yi, KG.awardReceived)}
    assert honors == {"党的二十大代表", "大国工匠"}
    (report, date, outlet), = q(graph, "SELECT ?r ?d ?o WHERE { ?r a kg:MediaReport ; kg:subject ?p ; kg:date ?d ; kg:publisher ?o }", p=yi)
    assert date.toPython() == dt.date(2022, 5, 5) and zh(graph, outlet) == "中央电视台"
    assert str(graph.value(report, KG.programme)) == "朝闻天下"


def test_other_persons(graph):
    def honors(pid):
        return {next(str(x) for x in graph.objects(h, SKOS.prefLabel) if x.language == "zh")
                for h in graph.objects(node(pid), KG.awardReceived)}
    assert honors("yuan-jiansong") == {"党的十九大代表"}
    assert honors("wu-zhe") == {"全国五一劳动奖章"}
    assert honors("chen-zhiman") == {"IPC总裁奖"}
    assert zh(graph, graph.value(node("wu-zhe"), KG.employer)) == "株洲联诚集团减振器公司"
    assert zh(graph, graph.value(node("chen-zhiman"), KG.employer)) == "中车株洲所时代电气"
    persons = {zh(graph, p) for p in graph.subjects(RDF.type, KG.Person)}
    assert persons == {"杨正文", "田智思", "万怡", "张庆伟", "毛伟明", "汤涛", "李微微", "李殿勋", "周农", "袁健松",
                       "易冉", "陈志漫", "杨颖", "李玉龙", "吴南根", "吴哲"}


def test_letter_metadata(graph):
    letter = node("reply-letter")
    assert str(graph.value(letter, KG.identifier)) == "株人社字〔2022〕37号"
    assert zh(graph, graph.value(letter, KG.issuer)) == "株洲市人力资源和社会保障局"
    assert zh(graph, graph.value(letter, KG.addressee)) == "杨正文"
    assert zh(graph, graph.value(letter, KG.handlerInCharge)) == "田智思"
    assert zh(graph, graph.value(letter, KG.handler)) == "万怡"
    assert str(graph.value(letter, KG.accessRights)) == "同意对外公开"
    assert str(graph.value(letter, KG.date)) == "2022"
    suggestion = graph.value(letter, KG.repliesTo)
    assert str(graph.value(suggestion, KG.title)) == "关于加强我市高技能人才培养的建议"
    # the noisy header is kept as the quote, the clean name as the label
    quotes = {str(graph.value(qn, PROV.value)) for qn in graph.objects(node("zhuzhou-hrss-bureau"), PROV.wasDerivedFrom)}
    assert "株洲市人力资源和社会 保同意对外公开局" in quotes


def test_relative_dates_resolved(graph):
    assert str(graph.value(node("event-cancel-municipal-sci-award"), KG.date)) == "2017"
    assert str(graph.value(node("notice-sci-award-reform"), KG.identifier)) == "国办函〔2017〕55号"


def built_factset(built):
    (fs,) = [f for f in built_factsets(built)]
    return fs


def built_factsets(built):
    from kg.facts.loader import load_facts
    from tests.conftest import FACTS

    return [load_facts(FACTS)]


def test_every_fact_has_provenance_matching_the_source(graph, source_text, built):
    facts = set(graph.subjects(KG.origin, None))
    fs = built_factset(built)
    assert facts == {node(f.id) for f in fs.facts} | {node(m.id) for m in fs.mentions}
    for fact in facts:
        quotes = list(graph.objects(fact, PROV.wasDerivedFrom))
        assert quotes, fact
        for qn in quotes:
            start = graph.value(qn, KG.startOffset).toPython()
            end = graph.value(qn, KG.endOffset).toPython()
            assert source_text[start:end] == str(graph.value(qn, PROV.value)), (fact, qn)
            src = graph.value(qn, KG.sourceText)
            assert str(graph.value(src, KG.fileName)) == "000_cac52bcbbc1639b0.txt"


@pytest.mark.slow
def test_build_is_byte_identical_across_processes(tmp_path):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"g{seed}.ttl"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "kg.cli", "build", "-o", str(out)], check=True, env=env, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_base_namespace_is_configurable():
    from kg.graph.builder import build_graph

    b = build_graph(doc=DOC, base="http://example.org/talent")
    assert (URIRef("http://example.org/talent/id/zhuzhou-2022-37/yi-ran"), RDF.type, KG.Person) in b.graph
    assert (URIRef("http://example.org/talent/id/mohrss"), RDF.type, KG.GovernmentBody) in b.graph
    assert "http://example.org/talent/graph/zhuzhou-2022-37" in b.graphs


# ---------------------------------------------------------------- hostile facts: one clear error each

import pytest  # noqa: E402

from kg.errors import FactsError, InputError  # noqa: E402

SMALL_SOURCE = "株洲人才总量达59.8万人。易冉是电焊工。\n"
SMALL_HEAD = ("source: {source}\ndocument: d\nfacts:\n- id: d\n  a: Policy\n  label: {{zh: 文件}}\n  quote: 易冉\n"
              "- id: p\n  a: Person\n  label: {{zh: 易冉}}\n  quote: 易冉\n")


def small_facts(folder, body="", source="s.txt"):
    folder.mkdir(parents=True, exist_ok=True)
    if "/" not in source:
        (folder / source).write_text(SMALL_SOURCE, encoding="utf-8")
    path = folder / "x.facts.yaml"
    path.write_text(SMALL_HEAD.format(source=source) + body, encoding="utf-8")
    return path


def test_source_name_with_a_space_gives_valid_iris(tmp_path):
    """IRIs are scoped to the document (its id from the file name), never built from the source's file name."""
    from kg.graph.builder import build_graph
    from kg.serialize.turtle import to_turtle

    g = build_graph([small_facts(tmp_path, source="my letter.txt")]).graph
    src = R["x/source"]
    assert str(g.value(src, KG.fileName)) == "my letter.txt"
    assert (R["x/p"], PROV.wasDerivedFrom, R["x/q-14-16"]) in g
    from rdflib import Graph

    back = Graph().parse(data=to_turtle(g), format="turtle")  # the Turtle is valid and gives the same IRIs
    assert (R["x/p"], PROV.wasDerivedFrom, R["x/q-14-16"]) in back


@pytest.mark.parametrize("base, message", [
    ("http://x y/", "--base 'http://x y/' is not an absolute IRI: it contains ' '"),
    ("notaurl", "--base 'notaurl' is not an absolute IRI: it has no scheme"),
    ("http://x/<a>/", "it contains '<'"),
])
def test_bad_base_refused(tmp_path, base, message):
    from kg.graph.builder import build_graph

    with pytest.raises(InputError, match=re.escape(message)):
        build_graph([small_facts(tmp_path)], base=base)


@pytest.mark.parametrize("body, message", [
    ("  date: '2022-13'\n", "fact 'p': date '2022-13' is not a month that exists"),
    ("  date: 2022-07-03 10:00:00\n", "fact 'p': date must be a date"),
    ("  telephone: [[1, 2]]\n", "fact 'p': telephone holds a list inside a list"),
    ("  employer: {a: 1}\n", "fact 'p': employer must be the id of a fact or a vocabulary concept, not dict"),
    ("  epithet: {'zh cn': 易冉}\n", "fact 'p': epithet as a map must map language tags to text"),
])
def test_impossible_values_refused_with_file_and_line(tmp_path, body, message):
    from kg.graph.builder import build_graph

    path = small_facts(tmp_path, body)
    with pytest.raises(FactsError) as err:
        build_graph([path])
    assert str(err.value).startswith(f"{path}:12: {message}"), str(err.value)


@pytest.mark.parametrize("source", ["../../../../etc/passwd", "/etc/hostname"])  # /dev/zero: test_cli (memory-capped)
def test_source_outside_the_facts_folder_refused(tmp_path, source):
    from kg.graph.builder import build_graph

    with pytest.raises(FactsError, match=f"source '{re.escape(source)}' is outside the facts file's folder"):
        build_graph([small_facts(tmp_path / "a" / "b", source=source)])


def test_source_symlink_out_of_the_tree_or_fifo_refused(tmp_path):
    from kg.graph.builder import build_graph

    facts = small_facts(tmp_path / "f", source="s.txt")
    (tmp_path / "f" / "s.txt").unlink()
    (tmp_path / "f" / "s.txt").symlink_to("/etc/hostname")
    with pytest.raises(FactsError, match="is outside the facts file's folder"):
        build_graph([facts])
    (tmp_path / "f" / "s.txt").unlink()
    os.mkfifo(tmp_path / "f" / "s.txt")
    with pytest.raises(InputError, match="not a regular file"):
        build_graph([facts])


@pytest.mark.parametrize("source_text, quote, says", [
    ("易冉获评大国工匠。\n", "易冉获评大国工匠", None),  # found: no error
    ("Cafe\u0301 易冉\n", "Caf\u00e9 易冉", "only by Unicode normalization (the quote is NFC, the source NFD) at line 1, offset 0"),
    ("前言\n第010号建议\n", "第０１０号建议", "only by character width (the quote has full-width '０' where the source has '0') at line 2, offset 3"),
    ("前言\r\n易冉\r\n电焊工\n", "易冉\n电焊工", "only by line ends (the quote has LF, the source CRLF) at line 2, offset 4"),
    ("前言\n易冉\n", "易冉是电焊工", None),  # not a near miss: the plain message
])
def test_quote_mismatch_says_why_and_where(tmp_path, source_text, quote, says):
    """"quote not found" gave no hint when the only difference was NFC/NFD, full-width digits or CRLF."""
    from kg.errors import QuoteNotFound
    from kg.graph.builder import build_graph

    (tmp_path / "s.txt").write_bytes(source_text.encode("utf-8"))
    facts = tmp_path / "x.facts.yaml"
    facts.write_text("source: s.txt\ndocument: d\nfacts:\n- id: d\n  a: Policy\n  label: {zh: 文件}\n  quote: "
                     + json.dumps(quote, ensure_ascii=False) + "\n", encoding="utf-8")
    if says is None and quote in source_text:
        assert len(build_graph([facts]).facts) == 1
        return
    with pytest.raises(QuoteNotFound) as err:
        build_graph([facts])
    message = str(err.value)
    assert message.startswith(f"{facts}:4: fact 'd': quote not found in s.txt")
    if says:
        assert says in message and "the source reads" in message
    else:
        assert "differs" not in message


# ---------------------------------------------------------------- the reply letter's structure (issue 9, item 6)


def test_document_number_suggestion_number_and_session(graph):
    letter = node("reply-letter")
    assert str(graph.value(letter, KG.issuerCode)) == "株人社字"
    assert graph.value(letter, KG.documentYear) == Literal("2022", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))
    assert graph.value(letter, KG.serialNumber).toPython() == 37
    suggestion = graph.value(letter, KG.repliesTo)
    assert str(graph.value(suggestion, KG.identifier)) == "第010号" and graph.value(suggestion, KG.serialNumber).toPython() == 10
    session = graph.value(suggestion, KG.submittedAt)
    assert (graph.value(session, KG.congressTerm).toPython(), graph.value(session, KG.sessionNumber).toPython()) == (16, 1)


def test_five_measures_in_order_with_quotes_topics_and_actors(graph, source_text):
    rows = q(graph, """SELECT ?a ?n ?title ?summary WHERE { ?a a kg:Action ; kg:sectionOf ?l ; kg:ordinal ?n ;
        kg:title ?title ; kg:summary ?summary }""", l=node("reply-letter"))
    got = sorted((int(n), str(t), str(s)) for _, n, t, s in rows)
    assert got == [(1, "突出政策引领", "让技能人才事业有奔头"), (2, "突出工程推动", "让技能人才发展有前景"),
                   (3, "突出评价激励", "让技能人才社会有地位"), (4, "突出成果转化", "让技能人才创新有动力"),
                   (5, "突出典型宣传", "让技能人才地位有提升")]
    for a, n, title, summary in rows:  # each heading is quoted whole: 一、突出政策引领，让技能人才事业有奔头。
        quotes = {str(graph.value(qn, PROV.value)) for qn in graph.objects(a, PROV.wasDerivedFrom)}
        assert any(title in quote and summary in quote for quote in quotes) and all(qu in source_text for qu in quotes)
        assert list(graph.objects(a, KG.topic)), a
    first = node("action-policy-lead")
    assert {zh(graph, x) for x in graph.objects(first, KG.actor)} == {"中共株洲市委", "株洲市人民政府"}
    assert {str(t).rsplit("#")[-1] for t in graph.objects(first, KG.topic)} >= {"topic-training", "topic-evaluation",
                                                                                "topic-use", "topic-incentive"}


def test_plans_of_the_third_measure_and_next_steps(graph, source_text):
    def commitments(section):
        rows = q(graph, "SELECT ?n ?label WHERE { ?c a kg:Commitment ; kg:sectionOf ?s ; kg:ordinal ?n ; rdfs:label ?label "
                        "FILTER(lang(?label) = 'zh') }", s=section)
        return [str(label) for _, label in sorted(rows, key=lambda r: int(r[0]))]

    assert commitments(node("action-evaluation-incentive")) == [
        "转化技能大赛成果", "推进校企深度融合", "形成产教融合新格局", "培养更多的复合型技术人才"]
    next_steps = node("section-next-steps")
    assert (next_steps, RDF.type, KG.LetterSection) in graph and graph.value(next_steps, KG.sectionOf) == node("reply-letter")
    assert commitments(next_steps) == ["继续落实“人才新政30条”", "深化实施技能提升行动", "在人才培训、认定和奖补方面向技能人才倾斜",
                                       "培养更多大国工匠、能工巧匠"]
    for c in graph.subjects(RDF.type, KG.Commitment):
        assert zh(graph, graph.value(c, KG.actor)) == "株洲市人力资源和社会保障局"  # 我局 / 我们: the bureau that writes
        assert str(graph.value(c, KG.title)) in source_text, c  # what suggestions-answered lists: the letter's words
    assert graph.value(node("commitment-talent-30"), KG.mentions) == node("policy-talent-30")


def test_measures_reported_inside_the_opening_and_each_measure(graph, source_text):
    """What each part of the letter says was done, as actions under it (kg:sectionOf the section or measure),
    in the letter's order, each quoted, its title the letter's words."""
    def measures(parent):
        rows = q(graph, "SELECT ?n ?title WHERE { ?a a kg:Action ; kg:sectionOf ?p ; kg:ordinal ?n ; kg:title ?title }",
                 p=node(parent))
        return [str(t) for _, t in sorted(rows, key=lambda r: int(r[0]))]

    assert measures("section-overview") == ["加强技能人才工作顶层设计", "全面发展技能教育"]
    assert measures("action-policy-lead") == ["纳入到全市人才战略", "大力实施高技能人才支撑工程", "提出明确的政策规定和要求",
                                              "“人才新政30条”出台"]
    assert measures("action-project-drive")[:2] == ["出台《株洲市技能大师评选表彰管理办法》", "建立“三年一推”长效机制"]
    assert measures("action-evaluation-incentive") == [
        "组织开展职业资格许可和认定", "稳妥推进清单外职业（工种）的水平评价工作", "探索建立技能人才职业发展通道和晋升通道",
        "建立技能人才凭能力、实绩和贡献获得科学、多元评价并得到合理使用的制度", "连续七年举办“技能天下”职业技能电视大赛",
        "全面展示技能人才技艺风采、绝技绝活"]
    assert measures("action-results-transformation") == ["取消了市级层面科学技术奖评选", "鼓励各产业链建立科技创新激励机制",
                                                         "组织产业链内部技能人才科技创新成果评选"]
    publicity = measures("action-publicity")
    assert publicity[0] == "积极为上级媒体提供我市高技能人才报道线索" and len(publicity) == 10
    assert "将镜头对准劳动模范、技术能手、技能大师等一线优秀典型" in publicity
    nested = [a for a in graph.subjects(RDF.type, KG.Action)
              if (graph.value(a, KG.sectionOf), RDF.type, KG.Action) in graph]
    assert len(nested) == 29
    for a in nested:
        quotes = [str(graph.value(qn, PROV.value)) for qn in graph.objects(a, PROV.wasDerivedFrom)]
        assert any(str(graph.value(a, KG.title)) in quote for quote in quotes) and all(qu in source_text for qu in quotes), a
    top_design = node("action-top-level-design")
    assert {zh(graph, x) for x in graph.objects(top_design, KG.actor)} == {"中共株洲市委", "株洲市人民政府"}
    assert [str(t).rsplit("#")[-1] for t in graph.objects(top_design, KG.topic)] == ["topic-talent-strategy"]
    assert {str(t).rsplit("#")[-1] for t in graph.objects(node("action-evaluation-system"), KG.topic)} == {
        "topic-evaluation", "topic-use"}  # 获得科学、多元评价并得到合理使用


def test_the_notice_s_requirement_is_quoted(graph):
    notice = node("notice-sci-award-reform")
    requirement = str(graph.value(notice, KG.text))
    assert requirement == "要求省级以下各级政府不设立由财政出资的科学技术奖"
    assert requirement in {str(graph.value(qn, PROV.value)) for qn in graph.objects(notice, PROV.wasDerivedFrom)}


def test_quotes_with_offsets_keep_each_place_and_are_checked(tmp_path):
    """Drafts of kg extract give each quote with its offsets: the same words at two places are two quotes,
    and offsets that do not hold those words are an error naming the fact."""
    from kg.errors import QuoteNotFound
    from kg.graph.builder import build_graph

    (tmp_path / "s.txt").write_text("易冉获评大国工匠。易冉是电焊工。\n", encoding="utf-8")
    facts = tmp_path / "x.facts.yaml"
    body = ("source: s.txt\ndocument: d\nfacts:\n- id: d\n  a: Policy\n  label: {zh: 文件}\n  quote: 获评\n"
            "- id: p\n  a: Person\n  label: {zh: 易冉}\n  quote: [{text: 易冉, start: 0, end: 2}, {text: 易冉, start: 9, end: 11}]\n"
            "  origin: extracted\n  confidence: 0.8\n  rule: person.demo\n")
    facts.write_text(body, encoding="utf-8")
    g = build_graph([facts]).graph
    offsets = sorted(int(o) for o in g.objects(None, KG.startOffset))
    assert offsets == [0, 2, 9]
    facts.write_text(body.replace("start: 9, end: 11", "start: 8, end: 10"), encoding="utf-8")
    with pytest.raises(QuoteNotFound, match="fact 'p': the source has other words at 8-10"):
        build_graph([facts])


def test_curated_only_leaves_out_extracted_facts_and_references_to_them(tmp_path):
    """kg build --curated-only: what kg extract drafted (origin: extracted) is not built, nor pointed to."""
    from kg.graph.builder import build_graph

    (tmp_path / "s.txt").write_text("人社部汤涛副部长致辞。\n", encoding="utf-8")
    facts = tmp_path / "x.facts.yaml"
    facts.write_text("source: s.txt\ndocument: d\nfacts:\n- id: d\n  a: Policy\n  label: {zh: 致辞}\n  quote: 致辞\n"
                     "  mentions: p\n- id: p\n  a: Person\n  label: {zh: 汤涛}\n  quote: [{text: 汤涛, start: 3, end: 5}]\n"
                     "  origin: extracted\n  confidence: 0.85\n  rule: person.role-after\n", encoding="utf-8")
    everything = build_graph([facts]).graph
    curated = build_graph([facts], curated_only=True).graph
    tang = [s for s, o in everything.subject_objects(RDFS.label) if str(o) == "汤涛"]
    assert tang and (tang[0], KG.origin, KG.extracted) in everything
    assert not any(str(o) == "汤涛" for o in curated.objects(None, RDFS.label))
    assert not list(curated.objects(None, KG.mentions))


@pytest.mark.slow
def test_the_extracted_graph_of_every_document_conforms(tmp_path):
    """Every curated document replaced by kg extract's draft of its source: the corpus builds and conforms."""
    import shutil

    from kg.check.shacl import validate_graph
    from kg.extract.pipeline import extract_file
    from kg.extract.writer import draft_yaml
    from kg.graph.builder import build_graph

    corpus = tmp_path / "data"
    from tests.conftest import ROOT

    shutil.copytree(ROOT / "data", corpus)
    (corpus / "registry" / "decisions.yaml").unlink(missing_ok=True)  # decisions name curated fact ids
    for folder in sorted((corpus / "documents").iterdir()):
        facts = folder / "facts.yaml"
        if not facts.exists():
            continue
        import yaml

        src = yaml.safe_load(facts.read_text(encoding="utf-8"))["source"]
        name = src["file"] if isinstance(src, dict) else src
        facts.write_text(draft_yaml(extract_file(folder / name), source=name), encoding="utf-8")
    built = build_graph(corpus_dir=corpus)
    assert len(built.documents) >= 8
    report = validate_graph(built.graph)
    assert report.conforms, report.text()
    assert build_graph(corpus_dir=corpus, curated_only=True).facts == []


def test_nt_terms_are_the_rdflib_triples_as_rdflib_writes_them():
    """A corpus build makes a document's triples as N-Triples texts (document_graph(nt=True)): for every
    document of the shipped corpus and the demo, exactly the lines rdflib's N-Triples writer gives for the
    rdflib build of the same document (terms of every kind: dates, years, decimals, language tags, escapes)."""
    from kg.facts.ontology import load_ontology
    from kg.facts.registry import load_registry
    from kg.facts.vocab import load_vocab
    from kg.graph.builder import (Context, NtTerms, document_graph, load_document, locate_quotes, select_documents,
                                  vocab_graph)
    from kg.paths import DEMO_CORPUS
    from kg.pipeline import TripleSet
    from tests.conftest import CORPUS

    kinds = set()
    for corpus in (CORPUS, DEMO_CORPUS):
        onto = load_ontology()
        ctx = Context(onto=onto, registry=load_registry(corpus))
        ctx.vocab = vocab_graph(load_vocab(corpus), onto)
        for ref in select_documents(corpus_dir=corpus):
            doc = load_document(ref)
            spans = locate_quotes(doc)
            want = sorted(map(NtTerms().row, document_graph(doc, ctx, spans)))
            got = sorted(f"{s} {p} {o} ." for s, p, o in document_graph(doc, ctx, spans, into=TripleSet(), nt=True))
            assert got == want, ref.id
            kinds |= {ln.rsplit("^^", 1)[-1] for ln in got if "^^<" in ln}
    assert {"<http://www.w3.org/2001/XMLSchema#date> .", "<http://www.w3.org/2001/XMLSchema#decimal> .",
            "<http://www.w3.org/2001/XMLSchema#integer> ."} <= kinds, kinds
