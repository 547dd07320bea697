"""kg.jsonld: compact IRIs written into Oxigraph's expanded JSON-LD, at byte level."""
from __future__ import annotations

import json

import pyoxigraph as ox
import rdflib

from kg.jsonld import DOCUMENT_TAIL, JSONLD_PREFIXES, compact_iris, document_head

S = "http://schema.org/"
ID = JSONLD_PREFIXES["id"]
XSD = "http://www.w3.org/2001/XMLSchema#"

# literals that hold what the rewrite looks for: they must come back unchanged
TRICKY = [f',"{S}name', f'{{"@id":"{ID}person/x"}}', f'"@type":"{XSD}date"', f"{S}name",
          'a "quoted" ,"', "back\\slash\\", "Liên hiệp các tổ chức hữu nghị"]


def _quads() -> list:
    g = ox.NamedNode(f"{ID}article/a1")
    person = ox.NamedNode(f"{ID}person/nguyen-van-a")
    quads = [ox.Quad(person, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                     ox.NamedNode(f"{S}Person"), g),
             ox.Quad(person, ox.NamedNode(f"{S}birthDate"),
                     ox.Literal("1970-01-02", datatype=ox.NamedNode(f"{XSD}date")), g),
             ox.Quad(person, ox.NamedNode(f"{S}url"), ox.Literal(f"{ID}person/y"), g),
             ox.Quad(person, ox.NamedNode("http://example.org/other#p"),
                     ox.NamedNode("http://example.org/other#o"), g),
             ox.Quad(ox.BlankNode("b0"), ox.NamedNode(f"{S}knows"), person, g)]
    quads += [ox.Quad(person, ox.NamedNode(f"{S}alternateName"), ox.Literal(t), g)
              for t in TRICKY]
    quads.append(ox.Quad(person, ox.NamedNode(f"{S}name"), ox.Literal("Anh", language="vi"), g))
    return quads


def _document(quads) -> bytes:
    expanded = ox.serialize(quads, format=ox.RdfFormat.JSON_LD)
    return document_head() + compact_iris(expanded[1:-1]) + DOCUMENT_TAIL


def test_the_document_holds_the_same_quads_for_oxigraph_and_rdflib():
    quads = _quads()
    doc = _document(quads)
    assert set(ox.parse(doc, format=ox.RdfFormat.JSON_LD)) == set(quads)
    ds = rdflib.Dataset()
    ds.parse(data=doc, format="json-ld")
    expected = rdflib.Dataset()
    expected.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format="nquads")
    def plain(d):  # blank nodes renamed by each parser
        return {tuple("_" if isinstance(x, rdflib.BNode) else x for x in q) for q in d.quads()}
    assert plain(ds) == plain(expected)


def test_keys_and_node_references_are_compact_and_literals_untouched():
    doc = json.loads(_document(_quads()))
    assert doc["@context"]["schema"] == S
    [graph] = doc["@graph"]
    assert graph["@id"] == "id:article/a1"
    person: dict = {}  # Oxigraph may write a node in several objects
    for node in graph["@graph"]:
        if node["@id"] == "id:person/nguyen-van-a":
            person.update(node)
    assert person["rdf:type"] == [{"@id": "schema:Person"}]
    assert person["schema:birthDate"] == [{"@value": "1970-01-02", "@type": "xsd:date"}]
    assert person["schema:url"] == [{"@value": f"{ID}person/y"}]  # a literal, not an IRI
    assert sorted(v["@value"] for v in person["schema:alternateName"]) == sorted(TRICKY)
    # outside the prefixes' namespaces IRIs stay whole
    assert person["http://example.org/other#p"] == [{"@id": "http://example.org/other#o"}]


def test_the_rewrite_is_smaller_and_idempotent():
    expanded = ox.serialize(_quads(), format=ox.RdfFormat.JSON_LD)
    once = compact_iris(expanded)
    assert len(once) < len(expanded)
    assert compact_iris(once) == once
