"""The ontology is complete and aligned: labels in Chinese and English, comments, standard vocabularies."""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespaces import KG
from kg.facts.ontology import load_ontology
from tests.conftest import ROOT


def test_every_class_and_property_has_zh_en_label_and_comment():
    onto = load_ontology()
    g = onto.graph
    terms = list(onto.classes.values()) + [p.iri for p in onto.properties.values()]
    assert len(onto.classes) >= 30 and len(onto.properties) >= 60
    for term in terms:
        langs = {lbl.language for lbl in g.objects(term, RDFS.label)}
        assert {"zh", "en"} <= langs, term
        assert g.value(term, RDFS.comment) is not None, term


def test_required_classes_exist():
    onto = load_ontology()
    for name in ["ReplyLetter", "Suggestion", "Policy", "PolicyArticle", "Program", "Strategy", "MasterWorkshop",
                 "SelectionScheme", "Competition", "CompetitionEdition", "Honor", "HonorLevel", "HonorConferral",
                 "Observation", "Funding", "Person", "Organization", "GovernmentBody", "Company", "MediaOutlet",
                 "Role", "Membership", "MediaReport", "Event", "SourceQuote"]:
        assert name in onto.classes, name


def test_alignments_to_standard_vocabularies():
    g = load_ontology().graph
    assert (KG.awardReceived, OWL.equivalentProperty, URIRef("http://www.wikidata.org/prop/direct/P166")) in g
    assert (KG.employer, RDFS.subPropertyOf, URIRef("http://schema.org/worksFor")) in g
    assert (KG.Membership, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Membership")) in g
    assert (KG.SourceQuote, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in g
    assert (KG.Person, OWL.equivalentClass, URIRef("http://www.wikidata.org/entity/Q5")) in g


def test_honor_vocabulary_levels():
    """Known honors are present with their level; how many there are is data (data/vocab/ extends them)."""
    g = load_ontology().graph
    from rdflib.namespace import SKOS

    honors = set(g.subjects(RDF.type, KG.Honor))
    assert {KG["honor-national-technical-expert"], KG["honor-zhuzhou-craftsman"], KG["honor-great-craftsman"],
            KG["honor-ipc-presidents-award"]} <= honors
    levels = set(g.subjects(RDF.type, KG.HonorLevel))
    for h in honors:
        assert g.value(h, KG.level) in levels
        assert any(lbl.language == "zh" for lbl in g.objects(h, SKOS.prefLabel))
    assert g.value(KG["honor-national-technical-expert"], KG.level) == KG.national
    assert g.value(KG["honor-zhuzhou-craftsman"], KG.level) == KG.municipal


def test_vocabularies_from_data_extend_the_shipped_ones(graph):
    """data/vocab/*.yaml adds levels (enterprise, industry, county, district), qualifiers and honors."""
    from rdflib.namespace import SKOS

    for level, zh, rank in [("enterprise", "企业级", "5"), ("industryLevel", "行业级", "2"), ("county", "县级", "4"),
                            ("district", "区级", "4")]:
        assert (KG[level], RDF.type, KG.HonorLevel) in graph
        assert str(graph.value(KG[level], SKOS.notation)) == rank
        assert zh in {str(x) for x in graph.objects(KG[level], SKOS.prefLabel)}
    assert (KG.nearly, RDF.type, KG.Qualifier) in graph and (KG.approximately, RDF.type, KG.Qualifier) in graph
    assert graph.value(KG["honor-ordos-craftsman"], KG.level) == KG.municipal  # an honor from data/vocab/honors.yaml


def test_schema_org_is_http_everywhere():
    for path in list((ROOT / "ontology").glob("*.ttl")) + list((ROOT / "kg").rglob("*.py")) + list((ROOT / "queries").rglob("*.rq")):
        assert "https://schema.org" not in path.read_text(encoding="utf-8"), path
