"""From the RDF dataset to the explorer's view model: nodes, relations and evidence as plain data.

One pass over the quads indexes subject -> predicate -> objects; the classes,
relations and attributes the page shows are then read from that index, so the
cost grows with the number of triples.  The page needs three kinds of data:

- nodes (person, organisation, event, country, document, article, place),
  each with the provinces, years and partner nations the filters use;
- facts: every attested relation (a post, an event's organiser, a mention...)
  with its evidence sentence, kept one per attestation for the details panel;
- edges: the facts folded to one drawn edge per (source, target, relation).

Example:
    >>> from kg.graph import new_dataset
    >>> vm = view_model(new_dataset())
    >>> (len(vm.nodes), len(vm.edges))
    (0, 0)
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import RDF as _RDF
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import SKOS as _SKOS

from ..gcpause import paused_gc
from ..namespace import KG as _KG
from ..namespace import ORG as _ORG
from ..namespace import PROV as _PROV
from ..namespace import SCHEMA as _SCHEMA
from ..namespace import Terms
from ..text import fold, nfc

# read millions of times below: plain attributes, not rdflib's __getattr__
KG, ORG, PROV, SCHEMA, RDF, SKOS = (Terms(ns) for ns in (_KG, _ORG, _PROV, _SCHEMA, _RDF, _SKOS))
KINDS = ("person", "organisation", "event", "country", "document", "article", "place")
_CLASS_KIND = [(SCHEMA.Person, "person"), (SCHEMA.Organization, "organisation"),
               (SCHEMA.Event, "event"), (SCHEMA.Country, "country"),
               (KG.PartyStateDocument, "document"), (SCHEMA.NewsArticle, "article"),
               (SCHEMA.AdministrativeArea, "place")]
SUBCLASS_LABELS = {
    KG.FriendshipUnion: "friendship union", KG.FriendshipAssociation: "friendship association",
    KG.PartyCommittee: "party body", KG.StateBody: "state body",
    KG.MassOrganisation: "mass organisation", KG.NGO: "NGO",
    KG.ForeignOrganisation: "foreign organisation", KG.DiplomaticMission: "diplomatic mission",
    KG.Institution: "institution", KG.Conference: "conference", KG.Congress: "congress",
    KG.Meeting: "meeting", KG.Reception: "reception", KG.Visit: "visit",
    KG.Ceremony: "ceremony", KG.Workshop: "workshop", KG.Festival: "festival",
}
# relation name -> (label shown in the page, label of the reverse direction)
RELATIONS = {
    "post": ("holds post in", "people"),
    "organiser": ("organised by", "organised"),
    "chair": ("chaired by", "chaired"),
    "attendee": ("attended by", "attended"),
    "partner": ("partner nation", "partner of"),
    "locality": ("province / city", "based here"),
    "mentions": ("mentions", "mentioned in"),
    "reports": ("reports", "reported in"),
    "cites": ("cites", "cited by"),
    "issuer": ("issued by", "issued"),
}


@dataclass
class ViewModel:
    """The graph as the page shows it; node ids are list positions."""

    nodes: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)
    awards: list[dict] = field(default_factory=list)
    province_nation: list[dict] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)


class _Text(str):
    """A literal's text with its language tag: all the page needs of a pyoxigraph literal
    (building rdflib Literals for a large graph would cost more than the view model)."""

    __slots__ = ("language",)

    def __eq__(self, other) -> bool:  # "Cuba"@vi and "Cuba"@en are two names, as in RDF
        return str.__eq__(self, other) and getattr(other, "language", None) == self.language

    def __hash__(self) -> int:
        return hash((str(self), self.language))


def _term(t):
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.Literal):
        text = _Text(t.value)
        text.language = t.language
        return text
    return BNode(t.value)


class _Index:
    """subject -> predicate -> ordered distinct objects, over every named graph.

    Filled from an rdflib Dataset or pyoxigraph quads, or by ``kg.viz.records`` from the
    records themselves.
    """

    def __init__(self, ds: Dataset | Iterable = ()):
        self.props: dict = defaultdict(lambda: defaultdict(dict))
        self._terms: dict = {}  # pyoxigraph terms -> the rdflib-like terms read below, once each
        if isinstance(ds, Dataset):
            for s, p, o, _ in ds.quads((None, None, None, None)):
                self.props[s][p][o] = None
            return
        self.add(ds)

    def add(self, quads: Iterable) -> None:
        """Index more pyoxigraph quads (e.g. the next chunk of a build)."""
        terms, props = self._terms, self.props
        get = terms.get
        for s, p, o, _ in quads:
            s2 = get(s)
            if s2 is None:
                s2 = terms[s] = _term(s)
            p2 = get(p)
            if p2 is None:
                p2 = terms[p] = _term(p)
            o2 = get(o)
            if o2 is None:
                o2 = terms[o] = _term(o)
            props[s2][p2][o2] = None

    def all(self, s, p) -> list:
        row = self.props.get(s)
        return list(row[p]) if row is not None and p in row else []

    def one(self, s, p):
        row = self.props.get(s)
        values = row.get(p) if row is not None else None
        return next(iter(values)) if values else None

    def text(self, s, p) -> str:
        value = self.one(s, p)
        return nfc(str(value)) if value is not None else ""

    def subjects(self, p, o) -> list:
        return [s for s, row in self.props.items() if p in row and o in row[p]]


def _name(idx: _Index, s, kind: str) -> str:
    names = [n for n in idx.all(s, SCHEMA.name) if isinstance(n, (Literal, _Text))]
    # Vietnamese first for countries (schema:name @vi / @en), then any untagged name
    for lang in ("vi", None, "en"):
        for n in names:
            if n.language == lang:
                return nfc(str(n))
    if kind == "article":
        return idx.text(s, KG.sourceFile) or idx.text(s, SCHEMA.headline)
    if kind == "country":
        return idx.text(s, KG.isoCode)
    return idx.text(s, SCHEMA.name) or str(s).rsplit("/", 1)[-1]


def _year(value) -> int | None:
    text = str(value or "")[:4]
    return int(text) if len(text) == 4 and text.isdigit() else None


class _Builder:
    def __init__(self, ds: Dataset | Iterable | _Index):
        self.idx = ds if isinstance(ds, _Index) else _Index(ds)
        self.vm = ViewModel()
        self._ev: dict = {}

    def node(self, iri) -> int:
        return self.vm.index.get(str(iri), -1)

    def evidence(self, ev) -> int:
        """Index of an evidence node in the evidence table (-1 when absent)."""
        if ev is None:
            return -1
        if ev not in self._ev:
            idx = self.idx
            conf = idx.one(ev, KG.confidence)
            start, end = idx.one(ev, KG.charStart), idx.one(ev, KG.charEnd)
            self._ev[ev] = len(self.vm.evidence)
            self.vm.evidence.append({
                "sentence": idx.text(ev, KG.sentence),
                "confidence": round(float(conf), 2) if conf is not None else None,
                "article": self.node(idx.one(ev, PROV.wasQuotedFrom)),
                "start": int(start) if start is not None else -1,
                "end": int(end) if end is not None else -1,
            })
        return self._ev[ev]

    def add_nodes(self) -> None:
        idx = self.idx
        found = []
        for s, row in idx.props.items():
            if not isinstance(s, URIRef):
                continue
            types = row.get(RDF.type, {})
            kind = next((k for cls, k in _CLASS_KIND if cls in types), None)
            if kind is not None:
                found.append((KINDS.index(kind), _name(idx, s, kind), str(s), kind, types))
        found.sort(key=lambda t: t[:3])
        for _, label, iri, kind, types in found:
            s = URIRef(iri)
            alts = sorted({nfc(str(a)) for a in idx.all(s, SKOS.altLabel)} - {label})
            node = {"iri": iri, "label": label, "kind": kind, "alt": alts,
                    "sub": next((SUBCLASS_LABELS[t] for t in types if t in SUBCLASS_LABELS), ""),
                    "fold": [fold(n) for n in [label, *alts]],
                    "years": set(), "prov": set(), "nations": set(), "ev": -1}
            if kind == "event":
                node["date"] = idx.text(s, SCHEMA.startDate)
                node["location"] = idx.text(s, SCHEMA.location)
            elif kind == "article":
                node.update(date=idx.text(s, SCHEMA.datePublished),
                            headline=idx.text(s, SCHEMA.headline),
                            file=idx.text(s, KG.sourceFile), byline=idx.text(s, KG.byline),
                            text=idx.text(s, SCHEMA.text))
            elif kind == "country":
                node["code"] = idx.text(s, KG.isoCode)
                node["name_en"] = next((nfc(str(n)) for n in idx.all(s, SCHEMA.name)
                                        if getattr(n, "language", None) == "en"), "")
            elif kind == "document":
                node["code"] = idx.text(s, KG.documentCode)
                node["date"] = idx.text(s, SCHEMA.legislationDate)
            own_year = _year(node.get("date"))
            if own_year:
                node["years"].add(own_year)
            self.vm.index[iri] = len(self.vm.nodes)
            self.vm.nodes.append(node)

    def fact(self, s: int, rel: str, o: int, ev: int = -1, label: str = "", date: str = "",
             former: bool = False, article: int = -1) -> None:
        if s < 0 or o < 0:
            return
        if article < 0 and ev >= 0:
            article = self.vm.evidence[ev]["article"]
        self.vm.facts.append({"s": s, "rel": rel, "o": o, "ev": ev, "label": label,
                              "date": date, "former": former, "article": article})

    def add_facts(self) -> None:
        idx, node = self.idx, self.node
        by_kind = defaultdict(list)
        for n, data in enumerate(self.vm.nodes):
            by_kind[data["kind"]].append((n, URIRef(data["iri"])))
        # mentions: (article, entity) -> the mention's evidence, best confidence first
        mention_ev: dict[tuple[int, int], int] = {}
        for s, row in idx.props.items():
            if KG.Mention in row.get(RDF.type, {}):
                a, e = node(idx.one(s, PROV.wasQuotedFrom)), node(idx.one(s, KG.denotes))
                if a < 0 or e < 0:
                    continue
                ev = self.evidence(s)
                old = mention_ev.get((a, e))
                if old is None or _conf(self.vm, ev) > _conf(self.vm, old):
                    mention_ev[(a, e)] = ev
        for s, row in idx.props.items():
            if KG.Post not in row.get(RDF.type, {}) and ORG.Membership not in row.get(RDF.type, {}):
                continue
            person, org = node(idx.one(s, ORG.member)), node(idx.one(s, ORG.organization))
            if person < 0:
                continue
            former = str(idx.one(s, KG.former) or "").lower() == "true"
            ev = self.evidence(idx.one(s, KG.evidence))
            art = node(idx.one(s, PROV.wasDerivedFrom))
            self.vm.facts.append({"s": person, "rel": "post", "o": org, "ev": ev,
                                  "label": idx.text(s, KG.title), "former": former,
                                  "date": idx.text(s, KG.attestedOn),
                                  "article": art if art >= 0 else
                                  (self.vm.evidence[ev]["article"] if ev >= 0 else -1)})
        for n, s in by_kind["event"]:
            ev = self.evidence(idx.one(s, KG.evidence))
            art = node(idx.one(s, PROV.wasDerivedFrom))
            for rel, pred in (("organiser", SCHEMA.organizer), ("chair", KG.chair),
                              ("attendee", SCHEMA.attendee), ("partner", KG.partnerNation)):
                for o in idx.all(s, pred):
                    self.fact(n, rel, node(o), ev, article=art)
            self.fact(art, "reports", n, ev)
            for aw in idx.all(s, KG.award):
                self.vm.awards.append({"event": n, "kind": idx.text(aw, KG.awardKind),
                                       "recipients": idx.text(aw, KG.recipients),
                                       "ev": self.evidence(idx.one(aw, KG.evidence))})
        for n, s in by_kind["organisation"]:
            for rel, pred in (("locality", KG.locality), ("partner", KG.partnerNation)):
                for o in idx.all(s, pred):
                    self.fact(n, rel, node(o))
        for n, s in by_kind["document"]:
            for o in idx.all(s, SCHEMA.legislationPassedBy):
                self.fact(n, "issuer", node(o))
        for n, s in by_kind["article"]:
            for o in idx.all(s, KG.locality):
                self.fact(n, "locality", node(o), article=n)
            for rel, pred in (("partner", KG.partnerNation), ("cites", KG.cites)):
                for o in idx.all(s, pred):
                    o_id = node(o)
                    self.fact(n, rel, o_id, mention_ev.pop((n, o_id), -1), article=n)
        for (a, e), ev in sorted(mention_ev.items()):
            self.fact(a, "mentions", e, ev, article=a)

    def derive_attributes(self) -> None:
        """Years, provinces and partner nations of every node, for the filters."""
        nodes, facts = self.vm.nodes, self.vm.facts
        kind = [n["kind"] for n in nodes]
        for n, data in enumerate(nodes):
            if data["kind"] == "place":
                data["prov"].add(n)
            elif data["kind"] == "country":
                data["nations"].add(n)
        art_year = {n: _year(d.get("date")) for n, d in enumerate(nodes) if d["kind"] == "article"}
        for f in facts:  # own attributes first: localities and partners
            if f["rel"] == "locality":
                nodes[f["s"]]["prov"].add(f["o"])
            elif f["rel"] == "partner" and kind[f["s"]] in ("organisation", "event", "article"):
                nodes[f["s"]]["nations"].add(f["o"])
            year = _year(f["date"]) or art_year.get(f["article"])
            if year:
                for end in (f["s"], f["o"]):
                    if end >= 0:
                        nodes[end]["years"].add(year)
        # then what a node inherits, in an order where every source is complete:
        # persons and events from organisations and articles, the rest from all of those
        for f in facts:
            s, o, rel = f["s"], f["o"], f["rel"]
            if o < 0:
                continue
            if rel == "post":
                nodes[s]["prov"] |= nodes[o]["prov"]
                nodes[s]["nations"] |= nodes[o]["nations"]
            elif rel == "organiser":
                nodes[s]["prov"] |= nodes[o]["prov"]
            elif rel == "reports":
                nodes[o]["prov"] |= nodes[s]["prov"]
        for f in facts:
            s, o, rel = f["s"], f["o"], f["rel"]
            if o < 0:
                continue
            if rel in ("chair", "attendee") and kind[o] == "person":
                nodes[o]["nations"] |= nodes[s]["nations"]
                if not nodes[o]["prov"]:  # e.g. a foreign guest: where they were received
                    nodes[o]["prov"] |= nodes[s]["prov"]
            elif rel in ("partner", "cites"):
                nodes[o]["prov"] |= nodes[s]["prov"]
                if kind[o] == "document":
                    nodes[o]["nations"] |= nodes[s]["nations"]
            elif rel == "locality":
                nodes[o]["nations"] |= nodes[s]["nations"]
        # an entity attested in an article about a nation belongs to that nation's filter too
        for f in facts:
            art = f["article"]
            if art < 0 or kind[art] != "article":
                continue
            for end in (f["s"], f["o"]):
                if end >= 0 and kind[end] in ("person", "organisation", "event"):
                    nodes[end]["nations"] |= nodes[art]["nations"]

    def fold_edges(self) -> None:
        """One drawn edge per (source, target, relation), with its best-supported evidence."""
        best: dict[tuple[int, int, str], dict] = {}
        for f in self.vm.facts:
            if f["o"] < 0:
                continue
            key = (f["s"], f["o"], f["rel"])
            edge = best.get(key)
            if edge is None:
                best[key] = edge = {"s": f["s"], "o": f["o"], "rel": f["rel"], "ev": f["ev"],
                                    "labels": []}
            if f["label"] and f["label"] not in edge["labels"]:
                edge["labels"].append(f["label"])
            if _conf(self.vm, f["ev"]) > _conf(self.vm, edge["ev"]):
                edge["ev"] = f["ev"]
        self.vm.edges = list(best.values())
        for n, data in enumerate(self.vm.nodes):  # a node's tooltip evidence: its best-supported fact
            data["ev"] = -1
        for f in self.vm.facts:
            for end in (f["s"], f["o"]):
                if end >= 0 and self.vm.nodes[end]["kind"] != "article" and \
                        _conf(self.vm, f["ev"]) > _conf(self.vm, self.vm.nodes[end]["ev"]):
                    self.vm.nodes[end]["ev"] = f["ev"]

    def province_nation(self) -> None:
        """Province -> partner nation weighted by the number of articles linking them."""
        articles: dict[tuple[int, int], set[int]] = defaultdict(set)
        by_article = defaultdict(lambda: ([], []))
        for f in self.vm.facts:
            if self.vm.nodes[f["s"]]["kind"] == "article" and f["rel"] in ("locality", "partner"):
                by_article[f["s"]][f["rel"] == "partner"].append(f["o"])
        for art, (places, nations) in by_article.items():
            for p in places:
                for c in nations:
                    articles[(p, c)].add(art)
        self.vm.province_nation = [{"place": p, "nation": c, "articles": sorted(a)}
                                   for (p, c), a in sorted(articles.items())]


def _conf(vm: ViewModel, ev: int) -> float:
    if ev < 0:
        return -1.0
    c = vm.evidence[ev]["confidence"]
    return c if c is not None else 0.0


def view_model(ds: Dataset | Iterable | _Index) -> ViewModel:
    """The explorer's nodes, facts, edges and evidence read from a dataset, or from the
    pyoxigraph quads that ``kg.graph.to_quads`` returns (the build passes those: filling an
    rdflib store only to read it back once costs more than the rest), or from the index
    that ``kg.viz.records.record_index`` makes from the records (what the build does)."""
    # millions of small dicts and sets: the cyclic GC's repeated full passes cost ~25 %
    # and nothing built here forms a cycle, so it is paused (and restored) meanwhile
    with paused_gc():
        b = _Builder(ds)
        b.add_nodes()
        b.add_facts()
        b.derive_attributes()
        b.fold_edges()
        b.province_nation()
        return b.vm
