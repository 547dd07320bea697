"""The explorer's index read straight from the resolved records, without going through RDF.

``view_model`` reads an index of the graph (subject -> predicate -> objects). Re-reading
a large build's N-Quads to make that index cost more CPU than any other part of the page;
the build already holds the records, so ``record_index`` writes the index from them: the
same subjects, IRIs and literals that ``kg.graph`` writes, in the same order, limited to
the predicates the explorer reads. tests/test_viz_records.py checks, on every test corpus,
that the view model made from it equals the one made from the RDF, so the two mappings
cannot drift apart unnoticed.

Example:
    >>> from kg.model import Resolution
    >>> len(record_index([], Resolution({}, {})).props)
    0
"""
from __future__ import annotations

from collections.abc import Iterable

from ..graph import (EVENT_KIND_CLASS, ORG_KIND_CLASS, article_iri, conf_text, country_iri,
                     document_iri, org_iri, person_iri, place_iri)
from ..lexicon import Lexicon, load_lexicon
from ..model import Evidence, Extraction, Resolution
from ..namespace import ID
from ..text import short_hash
from .model import KG, ORG, PROV, RDF, SCHEMA, SKOS, _Index, _Text



def _t(value: str, language: str | None = None) -> _Text:
    text = _Text(value)
    text.language = language
    return text


_TRUE, _FALSE = _t("true"), _t("false")


class _ArticleIndex:
    """One article's part of the index, in the order kg.graph._ArticleGraph writes it."""

    def __init__(self, props, ex: Extraction, res: Resolution, lex: Lexicon, written: set):
        self.props, self.ex, self.art, self.res, self.lex = props, ex, ex.article, res, lex
        # nodes whose triples an earlier article already indexed: an entity's, a place's and a
        # country's triples are the same in every article (only alternative names differ)
        self.written = written
        self.iri = article_iri(self.art.name)
        self.aslug = str(self.iri).rsplit("/", 1)[-1]
        self.entities: dict = {}
        self.places: dict = {}
        self.countries: dict = {}

    def add(self, s, p, o) -> None:
        self.props[s][p][o] = None

    def evidence(self, ev: Evidence, kind=None, salt: str = ""):
        node = ID[f"evidence/{self.aslug}/{short_hash(str(ev.start), str(ev.end), salt)}"]
        add = self.add
        add(node, RDF.type, kind or KG.Evidence)
        add(node, KG.sentence, _t(ev.sentence))
        add(node, KG.charStart, _t(str(int(ev.start))))
        add(node, KG.charEnd, _t(str(int(ev.end))))
        add(node, KG.confidence, _t(conf_text(ev.confidence)))
        add(node, PROV.wasQuotedFrom, self.iri)
        return node

    def mention(self, entity, surface: str, ev: Evidence) -> None:
        node = self.evidence(ev, KG.Mention, salt=str(entity) + surface)
        self.add(node, KG.denotes, entity)

    def place(self, name: str):
        if name not in self.places:
            self.places[name] = p = place_iri(name)
            if p not in self.written:
                self.written.add(p)
                self.add(p, RDF.type, SCHEMA.AdministrativeArea)
                self.add(p, SCHEMA.name, _t(name))
        return self.places[name]

    def country(self, code: str):
        if code not in self.countries:
            self.countries[code] = c = country_iri(code)
            if c in self.written:
                return c
            self.written.add(c)
            info = self.lex.countries.get(code)
            self.add(c, RDF.type, SCHEMA.Country)
            self.add(c, KG.isoCode, _t(code))
            if info:
                self.add(c, SCHEMA.name, _t(info.name_vi, "vi"))
                self.add(c, SCHEMA.name, _t(info.name_en, "en"))
        return self.countries[code]

    def entity(self, kind: str, name: str):
        if (kind, name) not in self.entities:
            self.entities[(kind, name)] = self._entity(kind, name)
        return self.entities[(kind, name)]

    def _entity(self, kind: str, name: str):
        key = self.res.key(self.art.name, kind, name)
        if key is None:
            return None
        ent = self.res.entities[key]
        if len(ent.name.strip()) < 2:
            return None
        node = person_iri(key) if kind == "person" else org_iri(key)
        if node in self.written:
            if name != ent.name:
                self.add(node, SKOS.altLabel, _t(name))
            return node
        self.written.add(node)
        if kind == "person":
            self.add(node, RDF.type, SCHEMA.Person)
        else:
            self.add(node, RDF.type, SCHEMA.Organization)
            if ent.org_kind in ORG_KIND_CLASS:
                self.add(node, RDF.type, ORG_KIND_CLASS[ent.org_kind])
            if ent.org_kind == "StateBody":
                self.add(node, RDF.type, SCHEMA.GovernmentOrganization)
            if ent.locality:
                self.add(node, KG.locality, self.place(ent.locality))
            if ent.country and len(ent.country) == 2:
                self.add(node, KG.partnerNation, self.country(ent.country))
        self.add(node, SCHEMA.name, _t(ent.name))
        if name != ent.name:
            self.add(node, SKOS.altLabel, _t(name))
        return node

    def write(self) -> None:
        art, ex, a, add = self.art, self.ex, self.iri, self.add
        add(a, RDF.type, SCHEMA.NewsArticle)
        add(a, RDF.type, PROV.Entity)
        add(a, KG.sourceFile, _t(art.name))
        add(a, SCHEMA.text, _t(art.text))
        if art.title:
            add(a, SCHEMA.headline, _t(art.title))
        if art.published:
            add(a, SCHEMA.datePublished, _t(art.published))
        if art.byline:
            add(a, KG.byline, _t(art.byline))
        if art.locality:
            add(a, KG.locality, self.place(art.locality))
        for kind, records in (("organisation", ex.organisations), ("person", ex.persons)):
            for rec in records:
                node = self.entity(kind, rec.name)
                if node is not None:
                    self.mention(node, rec.surface or rec.name, rec.evidence)
                    for alias in rec.aliases:
                        add(node, SKOS.altLabel, _t(alias))
        for rec in ex.countries:
            c = self.country(rec.code)
            add(a, KG.partnerNation, c)
            self.mention(c, rec.surface, rec.evidence)
        for rec in ex.positions:
            self.post(rec)
        for n, rec in enumerate(ex.events):
            self.event(n, rec)
        for rec in ex.documents:
            doc = document_iri(rec.code)
            add(doc, RDF.type, KG.PartyStateDocument)
            add(doc, KG.documentCode, _t(rec.code))
            add(doc, SCHEMA.name, _t(f"{rec.kind} {rec.code}" if rec.kind else rec.code))
            if rec.date:
                add(doc, SCHEMA.legislationDate, _t(rec.date))
            if rec.issuer:
                issuer = self.entity("organisation", rec.issuer)
                if issuer is not None:
                    add(doc, SCHEMA.legislationPassedBy, issuer)
            add(a, KG.cites, doc)
            self.mention(doc, rec.surface or rec.code, rec.evidence)

    def post(self, rec) -> None:
        person = self.entity("person", rec.person)
        if person is None:
            return
        org = self.entity("organisation", rec.organisation) if rec.organisation else None
        post = ID[f"post/{short_hash(self.art.name, str(person), rec.title, str(org))}"]
        add = self.add
        add(post, RDF.type, KG.Post)
        add(post, RDF.type, ORG.Membership)
        add(post, ORG.member, person)
        if org is not None:
            add(post, ORG.organization, org)
        add(post, KG.title, _t(rec.title))
        if rec.date:
            add(post, KG.attestedOn, _t(rec.date))
        add(post, KG.former, _TRUE if rec.former else _FALSE)
        add(post, KG.evidence, self.evidence(rec.evidence, salt="post" + rec.title))
        add(post, PROV.wasDerivedFrom, self.iri)

    def event(self, n: int, rec) -> None:
        ev = ID[f"event/{self.aslug}-{n + 1}"]
        add = self.add
        add(ev, RDF.type, SCHEMA.Event)
        if rec.kind in EVENT_KIND_CLASS:
            add(ev, RDF.type, EVENT_KIND_CLASS[rec.kind])
        add(ev, SCHEMA.name, _t(rec.label))
        if rec.date:
            add(ev, SCHEMA.startDate, _t(rec.date))
        if rec.location:
            add(ev, SCHEMA.location, _t(rec.location))
        if rec.organiser:
            org = self.entity("organisation", rec.organiser)
            if org is not None:
                add(ev, SCHEMA.organizer, org)
        if rec.chair:
            chair = self.entity("person", rec.chair)
            if chair is not None:
                add(ev, KG.chair, chair)
        for att in rec.attendees:
            node = self.entity("person", att) or self.entity("organisation", att)
            if node is not None:
                add(ev, SCHEMA.attendee, node)
        for code in rec.countries:
            add(ev, KG.partnerNation, self.country(code))
        for i, aw in enumerate(rec.awards):
            node = ID[f"award/{self.aslug}-{n + 1}-{i + 1}"]
            add(node, RDF.type, KG.AwardGrant)
            add(node, KG.awardKind, _t(aw.kind))
            add(node, KG.recipients, _t(aw.recipients))
            add(node, KG.evidence, self.evidence(aw.evidence, salt="award"))
            add(ev, KG.award, node)
        add(ev, KG.evidence, self.evidence(rec.evidence, salt=f"event{n}"))
        add(ev, PROV.wasDerivedFrom, self.iri)


def record_index(extractions: Iterable[Extraction], resolution: Resolution,
                 lexicon: Lexicon | None = None) -> _Index:
    """The explorer's index of the graph that ``kg.graph.to_quads`` would write for these
    records (only the predicates the explorer reads); pass it to ``view_model``."""
    index = _Index()
    lex = lexicon or load_lexicon()
    written: set = set()
    for ex in extractions:
        _ArticleIndex(index.props, ex, resolution, lex, written).write()
    return index
