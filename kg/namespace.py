"""Namespaces: the project's ontology (closed, so a typo is an error) and its resource IRIs.

Example:
    >>> str(KG.FriendshipUnion)
    'https://w3id.org/vnfriendship/ontology#FriendshipUnion'
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/vnfriendship/"
ID = Namespace(BASE + "id/")
SCHEMA = Namespace("http://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")


class KG(DefinedNamespace):
    """Terms of ontology/kg.ttl (tests/test_namespace.py checks the two agree)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    FriendshipUnion: URIRef
    FriendshipAssociation: URIRef
    PartyCommittee: URIRef
    StateBody: URIRef
    MassOrganisation: URIRef
    NGO: URIRef
    ForeignOrganisation: URIRef
    DiplomaticMission: URIRef
    Institution: URIRef
    Conference: URIRef
    Congress: URIRef
    Meeting: URIRef
    Reception: URIRef
    Visit: URIRef
    Ceremony: URIRef
    Workshop: URIRef
    Festival: URIRef
    Post: URIRef
    PartyStateDocument: URIRef
    AwardGrant: URIRef
    Evidence: URIRef
    Mention: URIRef
    title: URIRef
    attestedOn: URIRef
    former: URIRef
    chair: URIRef
    partnerNation: URIRef
    locality: URIRef
    isoCode: URIRef
    documentCode: URIRef
    documentKind: URIRef
    cites: URIRef
    award: URIRef
    awardKind: URIRef
    recipients: URIRef
    collectiveCount: URIRef
    individualCount: URIRef
    evidence: URIRef
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    confidence: URIRef
    surface: URIRef
    denotes: URIRef
    about: URIRef
    sourceFile: URIRef
    byline: URIRef
    text: URIRef


ORG_KINDS = {
    "FriendshipUnion", "FriendshipAssociation", "PartyCommittee", "StateBody",
    "MassOrganisation", "NGO", "ForeignOrganisation", "DiplomaticMission", "Institution",
}
EVENT_KINDS = {"Conference", "Congress", "Meeting", "Reception", "Visit", "Ceremony",
               "Workshop", "Festival"}


class Terms:
    """A namespace's terms, each looked up once and kept as a plain attribute.

    rdflib resolves ``NS.term`` through ``__getattr__`` (about 2 µs a call), which dominated
    the loops that read or write millions of triples; a closed namespace such as KG still
    refuses a misspelt term on first use. ``convert`` turns the term into another library's
    (``pyoxigraph.NamedNode`` for the mapping).
    """

    def __init__(self, ns: Any, convert: Callable[[URIRef], Any] | None = None):
        self._ns = ns
        self._convert = convert

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        term = getattr(self._ns, name)
        if self._convert is not None:
            term = self._convert(term)
        setattr(self, name, term)  # found in the instance dict from now on: no __getattr__
        return term
