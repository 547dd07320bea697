"""The mapping from resolved records to RDF: one named graph per article.

This module is the only place that knows how records become triples (W3C ORG
for posts, schema.org for people, organisations, events, articles and
countries, PROV-O for provenance, ``kg:`` for the rest), so the ontology can
change without touching extraction.  IRIs are built from slugs and hashes of
the resolved names, so they are stable across runs and safe in any syntax.

Example:
    >>> ds = to_dataset([], Resolution({}, {}))
    >>> len(ds)
    0
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Literal, URIRef
from rdflib.namespace import SKOS

from .lexicon import Lexicon, load_lexicon
from .model import Evidence, Extraction, Resolution
from .namespace import ID, KG, ORG, PROV, SCHEMA, WD, Terms
from .iri import name_slug, segment
from .text import short_hash, slug

ORG_KIND_CLASS = {
    "FriendshipUnion": KG.FriendshipUnion,
    "FriendshipAssociation": KG.FriendshipAssociation,
    "PartyCommittee": KG.PartyCommittee,
    "StateBody": KG.StateBody,
    "MassOrganisation": KG.MassOrganisation,
    "NGO": KG.NGO,
    "ForeignOrganisation": KG.ForeignOrganisation,
    "DiplomaticMission": KG.DiplomaticMission,
    "Institution": KG.Institution,
}
EVENT_KIND_CLASS = {
    "Conference": KG.Conference, "Congress": KG.Congress, "Meeting": KG.Meeting,
    "Reception": KG.Reception, "Visit": KG.Visit, "Ceremony": KG.Ceremony,
    "Workshop": KG.Workshop, "Festival": KG.Festival,
}


def article_iri(name: str) -> URIRef:
    return ID[f"article/{slug(name.rsplit('.', 1)[0], 80)}-{short_hash(name, length=6)}"]


def person_iri(key: str) -> URIRef:
    return ID[f"person/{segment(key)}"]  # identity on resolution's slug keys; escapes any other key


def org_iri(key: str) -> URIRef:
    return ID[f"org/{segment(key)}"]


def country_iri(code: str) -> URIRef:
    return ID[f"country/{slug(code)}"]


def place_iri(name: str) -> URIRef:
    return ID[f"place/{name_slug(name)}"]  # slug, plus a hash when it dropped non-Latin letters


def document_iri(code: str) -> URIRef:
    return ID[f"document/{slug(code)}-{short_hash(code.upper(), length=6)}"]


# the vocabularies as pyoxigraph NamedNodes, each term made once
_KG, _SCHEMA, _ORG, _PROV, _RDF, _RDFS, _SKOS = (Terms(ns, lambda t: ox.NamedNode(str(t)))
                                                for ns in (KG, SCHEMA, ORG, PROV, RDF, RDFS, SKOS))
_XSD = {name: ox.NamedNode(str(XSD[name])) for name in
        ("date", "gYearMonth", "gYear", "decimal", "integer", "boolean")}
_ID = str(ID)
_WD = str(WD)
_ORG_KIND_OX = {k: ox.NamedNode(str(v)) for k, v in ORG_KIND_CLASS.items()}
_EVENT_KIND_OX = {k: ox.NamedNode(str(v)) for k, v in EVENT_KIND_CLASS.items()}


def _lit(value: str) -> ox.Literal:
    return ox.Literal(value)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_XSD["integer"])


def _bool(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=_XSD["boolean"])


def _date(value: str) -> ox.Literal:
    """An ISO date as precise as known: xsd:date, xsd:gYearMonth or xsd:gYear."""
    kind = "date" if len(value) == 10 else "gYearMonth" if len(value) == 7 else "gYear"
    return ox.Literal(value, datatype=_XSD[kind])


def conf_text(value: float) -> str:
    """A confidence as xsd:decimal text in canonical form ("0.9", "1"), the form Oxigraph
    stores: graph.trig, graph.ttl (dumped from the store) and query answers then agree."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def _conf(value: float) -> ox.Literal:
    return ox.Literal(conf_text(value), datatype=_XSD["decimal"])


def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


class _ArticleGraph:
    """Writes the triples one article asserts into its named graph, as pyoxigraph quads.

    Terms are Oxigraph's (made once per article where they repeat): the build serialises,
    stores and draws them without ever creating rdflib terms, which cost more than the rest
    of the mapping together; ``to_dataset`` converts them for rdflib users.
    """

    def __init__(self, out: list, extraction: Extraction, res: Resolution, lex: Lexicon,
                 union: UnionTriples | None = None):
        self.ex = extraction
        self.art = extraction.article
        self.res = res
        self.lex = lex
        iri = str(article_iri(self.art.name))
        self.iri = _node(iri)
        self._aslug = iri.rsplit("/", 1)[-1]
        seen: set = set()
        g = self.iri

        if union is None:
            def add(s, p, o, _out=out, _seen=seen):
                if (s, p, o) not in _seen:  # a triple asserted twice in one article is one quad
                    _seen.add((s, p, o))
                    _out.append(ox.Quad(s, p, o, g))
        else:
            own, shared, scoped = union.own.append, union.shared.append, union.scoped

            def add(s, p, o, _out=out, _seen=seen):
                if (s, p, o) not in _seen:
                    _seen.add((s, p, o))
                    q = ox.Quad(s, p, o, g)
                    _out.append(q)
                    (own if scoped(s) else shared)(q.triple)  # 0.2 µs; ox.Triple(): 0.3-4 µs
        self.add = add

    def evidence(self, ev: Evidence, kind: ox.NamedNode | None = None, salt: str = "") -> ox.NamedNode:
        node = _node(f"{_ID}evidence/{self._aslug}/{short_hash(str(ev.start), str(ev.end), salt)}")
        add = self.add
        add(node, _RDF.type, kind or _KG.Evidence)
        add(node, _KG.sentence, _lit(ev.sentence))
        add(node, _KG.charStart, _int(ev.start))
        add(node, _KG.charEnd, _int(ev.end))
        add(node, _KG.confidence, _conf(ev.confidence))
        add(node, _PROV.wasQuotedFrom, self.iri)
        return node

    def mention(self, entity: ox.NamedNode, surface: str, ev: Evidence) -> None:
        node = self.evidence(ev, _KG.Mention, salt=entity.value + surface)
        self.add(node, _KG.denotes, entity)
        self.add(node, _KG.surface, _lit(surface))

    def place(self, name: str) -> ox.NamedNode:
        memo = self.__dict__.setdefault("_places", {})
        if name in memo:
            return memo[name]
        memo[name] = p = _node(str(place_iri(name)))
        self.add(p, _RDF.type, _SCHEMA.AdministrativeArea)
        self.add(p, _SCHEMA.name, _lit(name))
        return p

    def country(self, code: str) -> ox.NamedNode:
        memo = self.__dict__.setdefault("_countries", {})
        if code in memo:
            return memo[code]
        memo[code] = c = _node(str(country_iri(code)))
        info = self.lex.countries.get(code)
        self.add(c, _RDF.type, _SCHEMA.Country)
        self.add(c, _KG.isoCode, _lit(code))
        if info:
            self.add(c, _SCHEMA.name, ox.Literal(info.name_vi, language="vi"))
            self.add(c, _SCHEMA.name, ox.Literal(info.name_en, language="en"))
            if info.wikidata:
                self.add(c, _SCHEMA.sameAs, _node(_WD + info.wikidata))
        return c

    def entity(self, kind: str, name: str) -> ox.NamedNode | None:
        memo = self.__dict__.setdefault("_entities", {})
        if (kind, name) in memo:  # its type and name triples are already in this article's graph
            return memo[(kind, name)]
        memo[(kind, name)] = node = self._entity(kind, name)
        return node

    def _entity(self, kind: str, name: str) -> ox.NamedNode | None:
        key = self.res.key(self.art.name, kind, name)
        if key is None:
            return None
        ent = self.res.entities[key]
        if len(ent.name.strip()) < 2:  # debris of a garbled text: no node (shapes.ttl: minLength 2)
            return None
        if kind == "person":
            node = _node(str(person_iri(key)))
            self.add(node, _RDF.type, _SCHEMA.Person)
        else:
            node = _node(str(org_iri(key)))
            self.add(node, _RDF.type, _SCHEMA.Organization)
            if ent.org_kind in ORG_KIND_CLASS:
                self.add(node, _RDF.type, _ORG_KIND_OX[ent.org_kind])
            if ent.org_kind == "StateBody":
                self.add(node, _RDF.type, _SCHEMA.GovernmentOrganization)
            if ent.locality:
                self.add(node, _KG.locality, self.place(ent.locality))
            if ent.country and len(ent.country) == 2:  # historic states (Liên Xô) have no ISO code
                self.add(node, _KG.partnerNation, self.country(ent.country))
        self.add(node, _SCHEMA.name, _lit(ent.name))
        self.add(node, _RDFS.label, _lit(ent.name))
        if name != ent.name:
            self.add(node, _SKOS.altLabel, _lit(name))
        return node

    def write(self) -> None:
        art, ex = self.art, self.ex
        a = self.iri
        self.add(a, _RDF.type, _SCHEMA.NewsArticle)
        self.add(a, _RDF.type, _PROV.Entity)
        self.add(a, _KG.sourceFile, _lit(art.name))
        self.add(a, _SCHEMA.identifier, _lit(art.name))
        self.add(a, _SCHEMA.text, _lit(art.text))
        if art.title:
            self.add(a, _SCHEMA.headline, _lit(art.title))
        if art.published:
            self.add(a, _SCHEMA.datePublished, _date(art.published))
        if art.byline:
            self.add(a, _KG.byline, _lit(art.byline))
        if art.source:
            self.add(a, _SCHEMA.publisher, _lit(art.source))
        if art.locality:
            self.add(a, _KG.locality, self.place(art.locality))

        for rec in ex.organisations:
            node = self.entity("organisation", rec.name)
            if node is not None:
                self.mention(node, rec.surface or rec.name, rec.evidence)
                for alias in rec.aliases:
                    self.add(node, _SKOS.altLabel, _lit(alias))
        for rec in ex.persons:
            node = self.entity("person", rec.name)
            if node is not None:
                self.mention(node, rec.surface or rec.name, rec.evidence)
                for alias in rec.aliases:
                    self.add(node, _SKOS.altLabel, _lit(alias))
        for rec in ex.countries:
            c = self.country(rec.code)
            self.add(a, _KG.partnerNation, c)
            self.mention(c, rec.surface, rec.evidence)
        for rec in ex.positions:
            person = self.entity("person", rec.person)
            if person is None:
                continue
            org = self.entity("organisation", rec.organisation) if rec.organisation else None
            post = _node(f"{_ID}post/{short_hash(art.name, person.value, rec.title, org.value if org else str(None))}")
            self.add(post, _RDF.type, _KG.Post)
            self.add(post, _RDF.type, _ORG.Membership)
            self.add(post, _ORG.member, person)
            if org is not None:
                self.add(post, _ORG.organization, org)
            self.add(post, _KG.title, _lit(rec.title))
            role = _node(f"{_ID}role/{slug(rec.title)}")
            self.add(role, _RDF.type, _ORG.Role)
            self.add(role, _SKOS.prefLabel, _lit(rec.title))
            self.add(post, _ORG.role, role)
            if rec.date:
                self.add(post, _KG.attestedOn, _date(rec.date))
            self.add(post, _KG.former, _bool(rec.former))
            self.add(post, _KG.confidence, _conf(rec.evidence.confidence))
            self.add(post, _KG.evidence, self.evidence(rec.evidence, salt="post" + rec.title))
            self.add(post, _PROV.wasDerivedFrom, a)
        for n, rec in enumerate(ex.events):
            ev = _node(f"{_ID}event/{self._aslug}-{n + 1}")
            self.add(ev, _RDF.type, _SCHEMA.Event)
            if rec.kind in EVENT_KIND_CLASS:
                self.add(ev, _RDF.type, _EVENT_KIND_OX[rec.kind])
            self.add(ev, _SCHEMA.name, _lit(rec.label))
            if rec.date:
                self.add(ev, _SCHEMA.startDate, _date(rec.date))
            if rec.location:
                self.add(ev, _SCHEMA.location, _lit(rec.location))
            if rec.organiser:
                org = self.entity("organisation", rec.organiser)
                if org is not None:
                    self.add(ev, _SCHEMA.organizer, org)
            if rec.chair:
                chair = self.entity("person", rec.chair)
                if chair is not None:
                    self.add(ev, _KG.chair, chair)
            for att in rec.attendees:
                node = self.entity("person", att) or self.entity("organisation", att)
                if node is not None:
                    self.add(ev, _SCHEMA.attendee, node)
            for code in rec.countries:
                self.add(ev, _KG.partnerNation, self.country(code))
            for i, aw in enumerate(rec.awards):
                node = _node(f"{_ID}award/{self._aslug}-{n + 1}-{i + 1}")
                self.add(node, _RDF.type, _KG.AwardGrant)
                self.add(node, _KG.awardKind, _lit(aw.kind))
                self.add(node, _KG.recipients, _lit(aw.recipients))
                if aw.collectives is not None:
                    self.add(node, _KG.collectiveCount, _int(aw.collectives))
                if aw.individuals is not None:
                    self.add(node, _KG.individualCount, _int(aw.individuals))
                self.add(node, _KG.evidence, self.evidence(aw.evidence, salt="award"))
                self.add(ev, _KG.award, node)
            self.add(ev, _KG.confidence, _conf(rec.evidence.confidence))
            self.add(ev, _KG.evidence, self.evidence(rec.evidence, salt=f"event{n}"))
            self.add(ev, _PROV.wasDerivedFrom, a)
        for rec in ex.documents:
            doc = _node(str(document_iri(rec.code)))
            self.add(doc, _RDF.type, _KG.PartyStateDocument)
            self.add(doc, _RDF.type, _SCHEMA.Legislation)
            self.add(doc, _KG.documentCode, _lit(rec.code))
            self.add(doc, _SCHEMA.legislationIdentifier, _lit(rec.code))
            self.add(doc, _SCHEMA.name, _lit(f"{rec.kind} {rec.code}" if rec.kind else rec.code))
            if rec.kind:
                self.add(doc, _KG.documentKind, _lit(rec.kind))
            if rec.date:
                self.add(doc, _SCHEMA.legislationDate, _date(rec.date))
            if rec.issuer:
                issuer = self.entity("organisation", rec.issuer)
                if issuer is not None:
                    self.add(doc, _SCHEMA.legislationPassedBy, issuer)
            self.add(a, _KG.cites, doc)
            self.mention(doc, rec.surface or rec.code, rec.evidence)


def to_quads(extractions: Iterable[Extraction], resolution: Resolution,
             lexicon: Lexicon | None = None, union: UnionTriples | None = None) -> list[ox.Quad]:
    """All articles as pyoxigraph quads, one named graph per article, in article order.

    With a ``union``, each quad's triple is also appended to its ``own`` list (a subject
    scoped to the article: see ``UnionTriples``) or its ``shared`` one, in the same order."""
    quads: list[ox.Quad] = []
    lex = lexicon or load_lexicon()
    for ex in extractions:
        _ArticleGraph(quads, ex, resolution, lex, union).write()
    return quads


# An article's own nodes carry the article's name in their IRIs: no other article states
# triples about them (the article, its evidence, posts, events and awards).
ARTICLE_SCOPED_IRIS = tuple(f"{ID}{kind}/" for kind in
                            ("article", "evidence", "post", "event", "award"))


class UnionTriples:
    """The triples of ``to_quads``'s quads (the union of the article graphs, before each
    triple is kept once) split by subject as they are made: ``own`` (about a node scoped to
    its article, unless ``scoped`` is False: with two inputs of the same file name those
    IRIs repeat) and ``shared`` (about entities, which recur across articles)."""

    def __init__(self, scoped: bool = True):
        self.own: list[ox.Triple] = []
        self.shared: list[ox.Triple] = []
        prefixes = ARTICLE_SCOPED_IRIS if scoped else ()

        def is_scoped(s: ox.NamedNode) -> bool:
            return s.value.startswith(prefixes)  # 0.2 µs: cheaper than any memo of it
        self.scoped = is_scoped


def rdflib_term(term):
    """A pyoxigraph term as the same rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


_XSD_STRING = str(XSD.string)


def dataset_from_quads(quads: Iterable[ox.Quad]) -> Dataset:
    """An rdflib Dataset holding the quads of ``to_quads`` (compact JSON-LD, rdflib users)."""
    ds = new_dataset()
    graphs: dict = {}
    terms: dict = {}

    def conv(t):
        got = terms.get(t)
        if got is None:
            got = terms[t] = rdflib_term(t)
        return got

    batch = []
    for q in quads:
        ctx = graphs.get(q.graph_name)
        if ctx is None:
            ctx = graphs[q.graph_name] = ds.graph(conv(q.graph_name))
        batch.append((conv(q.subject), conv(q.predicate), conv(q.object), ctx))
    ds.addN(batch)
    return ds


PREFIXES = {"kg": str(KG._NS), "schema": str(SCHEMA), "org": str(ORG), "prov": str(PROV),
            "skos": str(SKOS), "wd": str(WD), "id": str(ID)}


def new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in (("kg", str(KG._NS)), ("schema", str(SCHEMA)), ("org", str(ORG)),
                       ("prov", str(PROV)), ("skos", str(SKOS)), ("wd", str(WD)),
                       ("id", str(ID))):
        ds.bind(prefix, ns)
    return ds


def to_dataset(extractions: Iterable[Extraction], resolution: Resolution,
               lexicon: Lexicon | None = None) -> Dataset:
    """All articles as one rdflib Dataset with a named graph per article."""
    return dataset_from_quads(to_quads(extractions, resolution, lexicon))
