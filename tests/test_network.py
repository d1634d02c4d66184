"""kg.draw.network: RDF graph → networkx relationship graph."""
from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from kg.errors import InputError
from kg.namespaces import KG
from kg.draw.network import NARY, find_node, flat, neighbourhood, to_networkx


@pytest.fixture(scope="module")
def G(graph):
    return to_networkx(graph)


@pytest.fixture(scope="module")
def G_nodes(graph):
    return to_networkx(graph, nary="nodes")


def edges(G, u, v):
    return [d for a, b, d in G.out_edges(u, data=True) if b == v]


def test_entities_are_nodes_with_labels_class_and_quotes(G, source_text):
    d = G.nodes["zhuzhou-2022-37/yi-ran"]
    assert (d["label_zh"], d["label_en"], d["cls"], d["cls_zh"]) == ("易冉", "Yi Ran", "Person", "人物")
    assert d["quotes"] and all(q in source_text for q in d["quotes"])
    assert G.nodes["honor-great-craftsman"]["label_zh"] == "大国工匠"
    assert G.nodes["honor-great-craftsman"]["facts"]["级别 level"] == "国家级 national"
    assert G.nodes["zhuzhou-hrss-bureau"]["facts"]["别名 also"] == "株洲市人社局"


def test_provenance_ontology_and_nary_nodes_are_left_out(G, graph):
    classes = {d["cls"] for _, d in G.nodes(data=True)}
    assert not classes & {"SourceQuote", "SourceText", *NARY}
    onto = [d["iri"] for _, d in G.nodes(data=True) if d["iri"].startswith(str(KG))]
    # only vocabulary concepts that entities point to: honors, topics, channels; no classes, levels, units
    assert onto and all(G.degree(i.rsplit("#", 1)[1]) > 0 for i in onto)
    assert not {"Person", "national", "person", "exactly", "honorHolders", "curated"} & set(G)
    # the letter's measures (5, and the 31 they report inside themselves) are each a node of their own
    actions = {str(a) for a in graph.subjects(RDF.type, KG.Action)}
    assert len(actions) >= 36 and actions == {d["iri"] for _, d in G.nodes(data=True) if d["cls"] == "Action"}
    assert 90 <= G.number_of_nodes() - len(actions) <= 130


def test_conferral_is_one_received_edge(G):
    assert [d["label_zh"] for d in edges(G, "zhuzhou-2022-37/yi-ran", "honor-great-craftsman")] == ["获得"]  # no awardReceived twin
    ipc = edges(G, "zhuzhou-2022-37/chen-zhiman", "honor-ipc-presidents-award")
    assert [d["label_en"] for d in ipc] == ["received"] and ipc[0]["quotes"]
    assert [d["label_zh"] for d in edges(G, "honor-ipc-presidents-award", "zhuzhou-2022-37/ipc")] == ["授予机构"]


def test_membership_is_an_edge_named_after_the_role(G):
    assert [d["label_zh"] for d in edges(G, "tang-tao", "mohrss")] == ["副部长"]
    assert [d["label_zh"] for d in edges(G, "zhang-qingwei", "role-secretary")] == ["任职"]
    assert "role-vice-minister" not in G  # its only membership names an organization


def test_participation_funding_and_observation_edges(G):
    assert [d["label_zh"] for d in edges(G, "tang-tao", "hunan-skills-2022")] == ["致辞"]
    grant = edges(G, "zhuzhou-2022-37/policy-workshop-management", "zhuzhou")
    assert sorted(d["label_en"] for d in grant) == ["50,000 CNY per workshop", "issuer"]
    assert [d["label"] for d in edges(G, "honor-national-technical-expert", "zhuzhou")] == ["52人 52 persons"]
    assert [d["label_en"] for d in edges(G, "qualification-national-vocational-certificate",
                                         "zhuzhou-2022-37/competition-skills-world-tv")] == ["more than 430 persons"]
    assert any("59.8万" in f for f in G.nodes["zhuzhou"]["figures"])
    assert any("52人" in f for f in G.nodes["honor-hunan-skill-master"]["figures"])


def test_edge_labels_come_from_the_ontology(G, graph):
    checked = 0
    for _, _, d in G.edges(data=True):
        if d["prop"] in NARY:
            continue
        want = {str(x) for x in graph.objects(KG[d["prop"]], RDFS.label) if isinstance(x, Literal) and x.language == "zh"}
        assert d["label_zh"] in want, d
        checked += 1
    assert checked > 50


def test_nary_nodes_option_keeps_them(G_nodes, G):
    d = G_nodes.nodes["zhuzhou-2022-37/conferral-yi-ran-great-craftsman"]
    assert d["cls"] == "HonorConferral"
    assert [e["label_zh"] for e in edges(G_nodes, "zhuzhou-2022-37/conferral-yi-ran-great-craftsman", "zhuzhou-2022-37/yi-ran")] == ["获得者"]
    assert G_nodes.number_of_nodes() > G.number_of_nodes()


def test_deterministic(graph, G):
    again = to_networkx(graph)
    assert list(again.nodes) == list(G.nodes)
    assert list(again.edges(keys=True)) == list(G.edges(keys=True))


def test_find_node_and_neighbourhood(G):
    assert find_node(G, "易冉") == find_node(G, "Yi Ran") == find_node(G, "zhuzhou-2022-37/yi-ran") == "zhuzhou-2022-37/yi-ran"
    assert find_node(G, "株洲市人社局") == "zhuzhou-hrss-bureau"  # alias
    with pytest.raises(InputError, match="names .* entities"):
        find_node(G, "株洲电力")  # 株洲 alone is now the registry altLabel of 株洲市
    with pytest.raises(InputError, match="no entity"):
        find_node(G, "不存在的人")
    sub = neighbourhood(G, "易冉", 1)
    assert {"zhuzhou-2022-37/yi-ran", "zhuzhou-2022-37/crrc-zhuzhou-rolling-stock", "honor-great-craftsman", "honor-party-congress-20-delegate",
            "zhuzhou-2022-37/report-cctv-yi-ran"} <= set(sub)
    assert set(sub) == {"zhuzhou-2022-37/yi-ran"} | set(nx.all_neighbors(G, "zhuzhou-2022-37/yi-ran"))
    assert sub.graph["focus"] == "zhuzhou-2022-37/yi-ran"
    assert len(neighbourhood(G, "易冉", 2)) > len(sub)
    assert set(neighbourhood(G, "易冉", 0)) == {"zhuzhou-2022-37/yi-ran"}


def test_flat_has_only_typed_scalar_attributes(G):
    H = flat(G)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    for _, d in list(H.nodes(data=True)) + [(None, d) for _, _, d in H.edges(data=True)]:
        assert all(isinstance(v, (str, int, float)) for v in d.values()), d
    assert "\n" in H.nodes["zhuzhou"]["figures"]
    assert isinstance(nx.MultiDiGraph(H), nx.MultiDiGraph)


def test_graph_without_ontology_still_gets_labels_from_the_shipped_one(graph, G):
    from rdflib import Graph

    from kg.facts.ontology import load_ontology

    onto = load_ontology().graph
    data_only = Graph()
    for t in graph:
        if t not in onto:
            data_only.add(t)
    H = to_networkx(data_only)
    assert [d["label_zh"] for d in edges(H, "zhuzhou-2022-37/yi-ran", "zhuzhou-2022-37/crrc-zhuzhou-rolling-stock")] == \
        [d["label_zh"] for d in edges(G, "zhuzhou-2022-37/yi-ran", "zhuzhou-2022-37/crrc-zhuzhou-rolling-stock")]
    assert H.nodes["zhuzhou-2022-37/yi-ran"]["cls_zh"] == "人物"


# ---------------------------------------------------------------- corpus: documents as named graphs

TWO_DOCS = __import__("pathlib").Path(__file__).parent / "data" / "two-documents.trig"


def test_one_node_per_entity_across_documents():
    G = to_networkx(TWO_DOCS)
    assert G.graph["documents"] == ["city-a-2023", "city-b-2024"]
    # the registry entity both documents mention is one node, in both documents
    assert G.nodes["mohrss"]["docs"] == ["city-a-2023", "city-b-2024"]
    assert G.nodes["mohrss"]["facts"]["别名 also"] == "人社部"
    assert G.nodes["city-a-2023/zhang-wei"]["docs"] == ["city-a-2023"]
    assert G.nodes["city-b-2024/li-na"]["label_zh"] == "李娜"
    assert [d["label"] for d in edges(G, "city-a-2023/zhang-wei", "honor-national-technical-expert")] == \
        ["获得 (2023) received (2023)"]
    assert [d["docs"] for d in edges(G, "city-b-2024/li-na", "mohrss")] == [["city-b-2024"]]
    # a vocabulary concept of a file without the vocabularies gets its class and labels from the shipped ones
    assert G.nodes["honor-national-technical-expert"]["cls"] == "Honor"
    assert G.nodes["honor-national-technical-expert"]["docs"] == ["city-a-2023"]  # the document whose facts link it
    assert set(nx.all_neighbors(G, "mohrss")) == {"city-b-2024/li-na", "honor-national-technical-expert"}


def test_doc_draws_one_named_graph():
    G = to_networkx(TWO_DOCS, doc="city-b-2024")
    assert sorted(G) == ["city-b-2024/letter", "city-b-2024/li-na", "mohrss"]  # not 湖南省, a registry entity of the other
    whole = to_networkx(TWO_DOCS)
    assert set(G) == {n for n, d in whole.nodes(data=True) if "city-b-2024" in d["docs"]}  # the page's document filter
    assert G.graph["documents"] == ["city-b-2024"]
    with pytest.raises(InputError, match="no document 'city-c'.*city-a-2023, city-b-2024"):
        to_networkx(TWO_DOCS, doc="city-c")


def test_personal_contact_data_is_left_out_unless_asked(graph):
    phones = [t for t in graph.objects(None, KG.telephone)]
    assert phones  # the shipped letter prints its handler's mobile number
    G = to_networkx(graph)
    assert not any(str(p) in str(d) for _, d in G.nodes(data=True) for p in phones)
    kept = to_networkx(graph, include_personal=True)
    assert any(str(phones[0]) in d["facts"].get("联系电话 contact telephone", "") for _, d in kept.nodes(data=True))
    two = to_networkx(TWO_DOCS)
    assert "13900000000" not in str(two.nodes["city-a-2023/zhang-wei"])


# ---------------------------------------------------------------- the real corpus

def test_corpus_has_one_node_per_entity_across_its_documents(corpus_built):
    from pathlib import Path

    trig = corpus_built.outputs[0]
    assert trig.suffix == ".trig"
    G = to_networkx(trig, details=False)
    folders = sorted(p.name for p in (Path(__file__).parent.parent / "data" / "documents").iterdir()
                     if (p / "facts.yaml").exists())
    assert G.graph["documents"] == folders and len(folders) >= 6
    # a document's own facts are in that document only; the ministry, a registry entity, in several
    for n, d in G.nodes(data=True):
        if "/" in n:
            assert d["docs"] == [n.split("/")[0]], (n, d["docs"])
    mohrss = G.nodes["mohrss"]
    assert {"mohrss-2018-reply-4264", "hunan-2022-news-skills-competition-opening"} <= set(mohrss["docs"])
    assert sum(1 for _, d in G.nodes(data=True) if d["label_zh"] == "人力资源和社会保障部") == 1
    # one document's named graph: its facts and the registry entities it mentions, nothing of the others
    one = to_networkx(trig, doc="mohrss-2018-reply-4264", details=False)
    assert "mohrss" in one and set(one) == {n for n, d in G.nodes(data=True) if "mohrss-2018-reply-4264" in d["docs"]}
    assert {n.split("/")[0] for n in one if "/" in n} == {"mohrss-2018-reply-4264"}
