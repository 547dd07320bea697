"""The closed KG namespace and ontology/kg.ttl name the same terms."""
from rdflib import OWL, RDF, Graph

from kg.namespace import KG
from kg.export import ONTOLOGY_DIR


def test_namespace_class_matches_the_ontology():
    g = Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    base = str(KG._NS)
    declared = {str(s)[len(base):] for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                for s in g.subjects(RDF.type, t) if str(s).startswith(base)}
    in_code = set(KG.__annotations__)
    assert declared == in_code


def test_a_typo_is_an_error():
    import pytest
    with pytest.raises(AttributeError):
        KG.FriendshipUnon  # noqa: B018
