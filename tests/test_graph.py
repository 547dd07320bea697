"""Records -> RDF: contract typing, one named graph per article, evidence, safe IRIs, SHACL."""
from decimal import Decimal

from helpers_kg import run
from rdflib import RDF, Literal, URIRef

from kg.graph import to_dataset
from kg.export import union_graph
from kg.namespace import KG, ORG, SCHEMA
from kg.resolve import resolve
from kg.validate import validate_graph

TEXT = ("Print 23/07/2019\n\nLiên hiệp các tổ chức hữu nghị thành phố Hải Phòng vừa tổ chức hội nghị. "
        "Đồng chí Nguyễn Thị Nghĩa – Phó Bí thư Thường trực Thành ủy, Chủ tịch Liên hiệp Các tổ chức hữu "
        "nghị thành phố chủ trì hội nghị. Liên hiệp hợp tác với Nhật Bản. Thực hiện Chỉ thị 04-CT/TW.")


def dataset(*texts):
    exs = [run(t, f"a{i}.txt") for i, t in enumerate(texts)]
    return to_dataset(exs, resolve(exs))


def test_every_person_and_organisation_is_typed_with_schema_and_named():
    g = union_graph(dataset(TEXT))
    people = set(g.subjects(RDF.type, SCHEMA.Person))
    orgs = set(g.subjects(RDF.type, SCHEMA.Organization))
    assert people and orgs
    for node in people | orgs:
        assert len(set(g.objects(node, SCHEMA.name))) == 1
    assert set(g.subjects(RDF.type, KG.FriendshipUnion)) <= orgs


def test_one_named_graph_per_article_and_the_union_is_graph_ttl():
    ds = dataset(TEXT, "Thành ủy Hải Phòng họp. Ông Lê Văn Tám, Bí thư Thành ủy Hải Phòng dự.")
    graphs = [g for g in ds.graphs() if len(g)]
    named = [g for g in graphs if isinstance(g.identifier, URIRef) and "/article/" in str(g.identifier)]
    assert len(named) == 2
    assert len(union_graph(ds)) == len({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))})


def test_posts_carry_title_date_evidence_and_confidence():
    g = union_graph(dataset(TEXT))
    post = next(g.subjects(RDF.type, KG.Post))
    assert g.value(post, KG.title) is not None
    assert str(g.value(post, KG.attestedOn)) == "2019-07-23"
    ev = g.value(post, KG.evidence)
    sentence = str(g.value(ev, KG.sentence))
    start, end = int(g.value(ev, KG.charStart)), int(g.value(ev, KG.charEnd))
    text = str(next(g.objects(None, SCHEMA.text)))
    assert text[start:end] == sentence
    conf = g.value(post, KG.confidence).toPython()
    assert isinstance(conf, Decimal) and 0 < conf <= 1
    assert (post, RDF.type, ORG.Membership) in g


def test_partner_nations_link_iso_code_and_wikidata():
    g = union_graph(dataset(TEXT))
    jp = next(c for c in g.subjects(RDF.type, SCHEMA.Country) if g.value(c, KG.isoCode) == Literal("JP"))
    assert g.value(jp, SCHEMA.sameAs) == URIRef("http://www.wikidata.org/entity/Q17")


def test_iris_are_stable_across_runs_and_safe():
    a = {str(s) for s in union_graph(dataset(TEXT)).subjects()}
    b = {str(s) for s in union_graph(dataset(TEXT)).subjects()}
    assert a == b
    assert all(not any(c in iri for c in ' <>"{}|\\^`') for iri in a)


def test_shacl_conforms():
    conforms, text = validate_graph(union_graph(dataset(TEXT)))
    assert conforms, text


def test_shacl_catches_a_person_without_a_name():
    g = union_graph(dataset(TEXT))
    person = next(g.subjects(RDF.type, SCHEMA.Person))
    g.remove((person, SCHEMA.name, None))
    assert not validate_graph(g)[0]
