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
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Dataset, Literal, URIRef
from rdflib.namespace import SKOS

from .lexicon import Lexicon, load_lexicon
from .model import Evidence, Extraction, Resolution
from .namespace import ID, KG, ORG, PROV, SCHEMA, WD
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


def date_literal(value: str) -> Literal:
    """ISO date as precise as known: xsd:date, xsd:gYearMonth or xsd:gYear."""
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def _confidence(value: float) -> Literal:
    return Literal(Decimal(f"{value:.2f}"), datatype=XSD.decimal)


class _ArticleGraph:
    """Writes the triples one article asserts into its named graph."""

    def __init__(self, ds: Dataset | list, extraction: Extraction, res: Resolution, lex: Lexicon):
        self.ex = extraction
        self.art = extraction.article
        self.res = res
        self.lex = lex
        self.iri = article_iri(self.art.name)
        self._aslug = self.iri.rsplit("/", 1)[-1]
        if isinstance(ds, list):  # plain quads: the build's fast path (rdflib's store is slow to fill)
            seen: set = set()
            iri = self.iri

            def add(s, p, o, _out=ds, _seen=seen):
                if (s, p, o) not in _seen:
                    _seen.add((s, p, o))
                    _out.append((s, p, o, iri))
            self.add = add  # type: ignore[method-assign]
        else:
            self.g = ds.graph(self.iri)

    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))

    def evidence(self, ev: Evidence, kind: URIRef = KG.Evidence, salt: str = "") -> URIRef:
        node = ID[f"evidence/{self._aslug}/{short_hash(str(ev.start), str(ev.end), salt)}"]
        self.add(node, RDF.type, kind)
        self.add(node, KG.sentence, Literal(ev.sentence))
        self.add(node, KG.charStart, Literal(ev.start))
        self.add(node, KG.charEnd, Literal(ev.end))
        self.add(node, KG.confidence, _confidence(ev.confidence))
        self.add(node, PROV.wasQuotedFrom, self.iri)
        return node

    def mention(self, entity: URIRef, surface: str, ev: Evidence) -> None:
        node = self.evidence(ev, KG.Mention, salt=str(entity) + surface)
        self.add(node, KG.denotes, entity)
        self.add(node, KG.surface, Literal(surface))

    def place(self, name: str) -> URIRef:
        memo = self.__dict__.setdefault("_places", {})
        if name in memo:
            return memo[name]
        memo[name] = p = place_iri(name)
        self.add(p, RDF.type, SCHEMA.AdministrativeArea)
        self.add(p, SCHEMA.name, Literal(name))
        return p

    def country(self, code: str) -> URIRef:
        memo = self.__dict__.setdefault("_countries", {})
        if code in memo:
            return memo[code]
        memo[code] = c = country_iri(code)
        info = self.lex.countries.get(code)
        self.add(c, RDF.type, SCHEMA.Country)
        self.add(c, KG.isoCode, Literal(code))
        if info:
            self.add(c, SCHEMA.name, Literal(info.name_vi, lang="vi"))
            self.add(c, SCHEMA.name, Literal(info.name_en, lang="en"))
            if info.wikidata:
                self.add(c, SCHEMA.sameAs, WD[info.wikidata])
        return c

    def entity(self, kind: str, name: str) -> URIRef | None:
        memo = self.__dict__.setdefault("_entities", {})
        if (kind, name) in memo:  # its type and name triples are already in this article's graph
            return memo[(kind, name)]
        memo[(kind, name)] = node = self._entity(kind, name)
        return node

    def _entity(self, kind: str, name: str) -> URIRef | None:
        key = self.res.key(self.art.name, kind, name)
        if key is None:
            return None
        ent = self.res.entities[key]
        if kind == "person":
            node = person_iri(key)
            self.add(node, RDF.type, SCHEMA.Person)
        else:
            node = org_iri(key)
            self.add(node, RDF.type, SCHEMA.Organization)
            if ent.org_kind in ORG_KIND_CLASS:
                self.add(node, RDF.type, ORG_KIND_CLASS[ent.org_kind])
            if ent.org_kind == "StateBody":
                self.add(node, RDF.type, SCHEMA.GovernmentOrganization)
            if ent.locality:
                self.add(node, KG.locality, self.place(ent.locality))
            if ent.country and len(ent.country) == 2:  # historic states (Liên Xô) have no ISO code
                self.add(node, KG.partnerNation, self.country(ent.country))
        self.add(node, SCHEMA.name, Literal(ent.name))
        self.add(node, RDFS.label, Literal(ent.name))
        if name != ent.name:
            self.add(node, SKOS.altLabel, Literal(name))
        return node

    def write(self) -> None:
        art, ex = self.art, self.ex
        a = self.iri
        self.add(a, RDF.type, SCHEMA.NewsArticle)
        self.add(a, RDF.type, PROV.Entity)
        self.add(a, KG.sourceFile, Literal(art.name))
        self.add(a, SCHEMA.identifier, Literal(art.name))
        self.add(a, SCHEMA.text, Literal(art.text))
        if art.title:
            self.add(a, SCHEMA.headline, Literal(art.title))
        if art.published:
            self.add(a, SCHEMA.datePublished, date_literal(art.published))
        if art.byline:
            self.add(a, KG.byline, Literal(art.byline))
        if art.source:
            self.add(a, SCHEMA.publisher, Literal(art.source))
        if art.locality:
            self.add(a, KG.locality, self.place(art.locality))

        for rec in ex.organisations:
            node = self.entity("organisation", rec.name)
            if node is not None:
                self.mention(node, rec.surface or rec.name, rec.evidence)
                for alias in rec.aliases:
                    self.add(node, SKOS.altLabel, Literal(alias))
        for rec in ex.persons:
            node = self.entity("person", rec.name)
            if node is not None:
                self.mention(node, rec.surface or rec.name, rec.evidence)
                for alias in rec.aliases:
                    self.add(node, SKOS.altLabel, Literal(alias))
        for rec in ex.countries:
            c = self.country(rec.code)
            self.add(a, KG.partnerNation, c)
            self.mention(c, rec.surface, rec.evidence)
        for rec in ex.positions:
            person = self.entity("person", rec.person)
            if person is None:
                continue
            org = self.entity("organisation", rec.organisation) if rec.organisation else None
            post = ID[f"post/{short_hash(art.name, str(person), rec.title, str(org))}"]
            self.add(post, RDF.type, KG.Post)
            self.add(post, RDF.type, ORG.Membership)
            self.add(post, ORG.member, person)
            if org is not None:
                self.add(post, ORG.organization, org)
            self.add(post, KG.title, Literal(rec.title))
            role = ID[f"role/{slug(rec.title)}"]
            self.add(role, RDF.type, ORG.Role)
            self.add(role, SKOS.prefLabel, Literal(rec.title))
            self.add(post, ORG.role, role)
            if rec.date:
                self.add(post, KG.attestedOn, date_literal(rec.date))
            self.add(post, KG.former, Literal(rec.former))
            self.add(post, KG.confidence, _confidence(rec.evidence.confidence))
            self.add(post, KG.evidence, self.evidence(rec.evidence, salt="post" + rec.title))
            self.add(post, PROV.wasDerivedFrom, a)
        for n, rec in enumerate(ex.events):
            ev = ID[f"event/{self._aslug}-{n + 1}"]
            self.add(ev, RDF.type, SCHEMA.Event)
            if rec.kind in EVENT_KIND_CLASS:
                self.add(ev, RDF.type, EVENT_KIND_CLASS[rec.kind])
            self.add(ev, SCHEMA.name, Literal(rec.label))
            if rec.date:
                self.add(ev, SCHEMA.startDate, date_literal(rec.date))
            if rec.location:
                self.add(ev, SCHEMA.location, Literal(rec.location))
            if rec.organiser:
                org = self.entity("organisation", rec.organiser)
                if org is not None:
                    self.add(ev, SCHEMA.organizer, org)
            if rec.chair:
                chair = self.entity("person", rec.chair)
                if chair is not None:
                    self.add(ev, KG.chair, chair)
            for att in rec.attendees:
                node = self.entity("person", att) or self.entity("organisation", att)
                if node is not None:
                    self.add(ev, SCHEMA.attendee, node)
            for code in rec.countries:
                self.add(ev, KG.partnerNation, self.country(code))
            for i, aw in enumerate(rec.awards):
                node = ID[f"award/{self._aslug}-{n + 1}-{i + 1}"]
                self.add(node, RDF.type, KG.AwardGrant)
                self.add(node, KG.awardKind, Literal(aw.kind))
                self.add(node, KG.recipients, Literal(aw.recipients))
                if aw.collectives is not None:
                    self.add(node, KG.collectiveCount, Literal(aw.collectives))
                if aw.individuals is not None:
                    self.add(node, KG.individualCount, Literal(aw.individuals))
                self.add(node, KG.evidence, self.evidence(aw.evidence, salt="award"))
                self.add(ev, KG.award, node)
            self.add(ev, KG.confidence, _confidence(rec.evidence.confidence))
            self.add(ev, KG.evidence, self.evidence(rec.evidence, salt=f"event{n}"))
            self.add(ev, PROV.wasDerivedFrom, a)
        for rec in ex.documents:
            doc = document_iri(rec.code)
            self.add(doc, RDF.type, KG.PartyStateDocument)
            self.add(doc, RDF.type, SCHEMA.Legislation)
            self.add(doc, KG.documentCode, Literal(rec.code))
            self.add(doc, SCHEMA.legislationIdentifier, Literal(rec.code))
            self.add(doc, SCHEMA.name, Literal(f"{rec.kind} {rec.code}" if rec.kind else rec.code))
            if rec.kind:
                self.add(doc, KG.documentKind, Literal(rec.kind))
            if rec.date:
                self.add(doc, SCHEMA.legislationDate, date_literal(rec.date))
            if rec.issuer:
                issuer = self.entity("organisation", rec.issuer)
                if issuer is not None:
                    self.add(doc, SCHEMA.legislationPassedBy, issuer)
            self.add(a, KG.cites, doc)
            self.mention(doc, rec.surface or rec.code, rec.evidence)


def add_article(ds: Dataset, extraction: Extraction, resolution: Resolution,
                lexicon: Lexicon | None = None) -> URIRef:
    """Write one article's named graph into ``ds``; returns the graph's IRI."""
    writer = _ArticleGraph(ds, extraction, resolution, lexicon or load_lexicon())
    writer.write()
    return writer.iri


def to_quads(extractions: Iterable[Extraction], resolution: Resolution,
             lexicon: Lexicon | None = None) -> list[tuple]:
    """All articles as (s, p, o, graph IRI) tuples of rdflib terms: the same facts as
    ``to_dataset``, without filling an rdflib store (the build serialises them with Oxigraph)."""
    quads: list[tuple] = []
    lex = lexicon or load_lexicon()
    for ex in extractions:
        _ArticleGraph(quads, ex, resolution, lex).write()
    return quads


def dataset_from_quads(quads: list[tuple]) -> Dataset:
    """An rdflib Dataset holding the quads of ``to_quads`` (for the explorer, compact JSON-LD)."""
    ds = new_dataset()
    graphs: dict = {}
    batch = []
    for s, p, o, g in quads:
        ctx = graphs.get(g)
        if ctx is None:
            ctx = graphs[g] = ds.graph(g)
        batch.append((s, p, o, ctx))
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
    """All articles as one Dataset with a named graph per article."""
    ds = new_dataset()
    lex = lexicon or load_lexicon()
    for ex in extractions:
        add_article(ds, ex, resolution, lex)
    return ds
