"""The explorer's *entity view*, made per chunk of articles and merged cheaply.

A large build cannot hold every article's records (or draw every event and
article) at once, so its explorer shows only the entities: persons,
organisations, countries, provinces/cities and documents.  Each chunk of
consecutive articles is folded into an ``ExplorerFragment`` (small, plain
tuples: it is pickled and cached per chunk), and ``merge_fragments`` streams the
fragments into a ``ViewModel`` that ``render_view`` draws.

What a fragment keeps of the chunk's full view model (``view_model``):

- entity nodes keyed by IRI, with their filter attributes (years, provinces,
  nations) computed as ``derive_attributes`` does, split where that is not a
  plain union (a person's province from posts, else from events attended);
- facts between entities with their evidence: posts, an organisation's
  locality and partner nations, a document's issuer, and each event's chair,
  attendees and partner nations folded onto its organiser(s) -- or, with no
  organiser, onto the article's province -- labelled with the event's name;
- the province-nation table as article counts per (place, nation, year).

Why the merge is associative (any split into consecutive chunks, merged in
order, gives the same page): node data are unions, or "first non-empty" for the
few per-article values (a document's name and date); facts are ordered by
article, and within an article as ``view_model`` orders them, so keeping the
first ``max_evidence`` of each relation is "first K of the concatenation";
counts are sums; facts without evidence (entity-level) are a set.  Memory grows
with entities and relations (times ``max_evidence``), not with articles.

Example:
    >>> from kg.model import Resolution
    >>> vm = merge_fragments([explorer_fragment([], Resolution({}, {}))])
    >>> (len(vm.nodes), vm.view)
    (0, 'entities')
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..gcpause import paused_gc
from ..model import Extraction, Resolution
from ..text import fold
from .model import KINDS, ViewModel, _Builder, _Index, _year, view_model
from .records import record_index

__all__ = ["ExplorerFragment", "EntityView", "explorer_fragment", "merge_fragments", "ENTITY_KINDS"]

ENTITY_KINDS = ("person", "organisation", "country", "place", "document")
_EXTRA_KEYS = ("code", "name_en", "date")  # the node fields the page shows besides the name
_EVENT_RELS = ("chair", "attendee", "partner")  # what an event says, folded onto its host
_ENTITY_RELS = ("locality", "partner", "issuer")  # entity-level facts (no evidence sentence)


class ExplorerFragment(NamedTuple):
    """One chunk's entity view.  Nodes and evidence are referred to by position.

    nodes: (iri, kind, label, sub-class label, alt names, extra (key, value) pairs, years,
           provinces, nations, provinces of the events a person chaired/attended);
           provinces and nations are positions of place/country nodes
    articles: (file name, headline, date published) of every article, in order
    evidence: (sentence, confidence, start, end, article position)
    facts: (source, relation, target or -1, label, date, former, evidence or -1), in article
           order; the facts without evidence (entity-level) last
    pn: (place, nation, year or 0, number of articles)
    """

    nodes: tuple
    articles: tuple
    evidence: tuple
    facts: tuple
    pn: tuple


@dataclass
class EntityView(ViewModel):
    """A ViewModel of the entity view: evidence points to ``articles`` (not to nodes), edges
    carry ``n``, the number of facts behind them, of which at most ``max_evidence`` per
    relation (and post title) are listed."""

    articles: list[dict] = field(default_factory=list)
    article_count: int = 0
    max_evidence: int = 3
    view: str = "entities"

    def extend_payload(self, payload: dict) -> None:
        """Add what the page needs for this view to ``explorer_payload``'s output."""
        payload["meta"].update(view=self.view, articles=self.article_count,
                               maxEvidence=self.max_evidence)
        payload["arts"] = [[a["file"], a["headline"], a["date"]] for a in self.articles]
        for row, ev in zip(payload["evidence"], self.evidence):
            row.append(ev["doc"])
        for row, edge in zip(payload["edges"], self.edges):
            row.append(edge["n"])


# ---------------------------------------------------------------- one chunk -> fragment

def explorer_fragment(extractions: Sequence[Extraction], resolution: Resolution,
                      lexicon=None) -> ExplorerFragment:
    """The entity view of a chunk of consecutive articles (in build order)."""
    extractions = list(extractions)
    with paused_gc():  # the index is many small dicts with no cycles: GC passes cost ~a third
        vm = view_model(record_index(extractions, resolution, lexicon))
        return _Folder(vm, extractions).fragment()


class _Folder:
    """Folds one chunk's full view model to its entity view."""

    def __init__(self, vm: ViewModel, extractions: list[Extraction]):
        self.vm = vm
        self.kind = [d["kind"] for d in vm.nodes]
        order = {ex.article.name: i for i, ex in enumerate(extractions)}
        # vm article node -> its position in the chunk (vm sorts articles by name)
        self.art_pos = {n: order.get(d["file"], -1) for n, d in enumerate(vm.nodes)
                        if d["kind"] == "article"}
        self.articles = tuple((ex.article.name, ex.article.title or "", ex.article.published or "")
                              for ex in extractions)
        self.pos = {}  # vm node id -> fragment node position
        for n, d in enumerate(vm.nodes):
            if d["kind"] in ENTITY_KINDS:
                self.pos[n] = len(self.pos)
        self.ev_pos: dict[int, int] = {}
        self.evidence: list[tuple] = []

    def fragment(self) -> ExplorerFragment:
        facts = self.facts()  # first: it fills the evidence table
        return ExplorerFragment(self.nodes(), self.articles, tuple(self.evidence), facts, self.pn())

    def nodes(self) -> tuple:
        vm, pos = self.vm, self.pos
        years, post_prov, guest = self._years(), defaultdict(set), defaultdict(set)
        # a person's province: from the bodies of their posts, else from the events they
        # chaired or attended (the full view's rule); kept apart so the merge can apply it
        for f in vm.facts:
            if f["rel"] == "post" and f["o"] >= 0:
                post_prov[f["s"]] |= vm.nodes[f["o"]]["prov"]
            elif f["rel"] in ("chair", "attendee") and self.kind[f["o"]] == "person":
                guest[f["o"]] |= vm.nodes[f["s"]]["prov"]
        rows = []
        for n in pos:
            d = vm.nodes[n]
            person = d["kind"] == "person"
            prov = post_prov[n] if person else d["prov"]
            rows.append((d["iri"], d["kind"], d["label"], d["sub"], tuple(d["alt"]),
                         tuple((k, d[k]) for k in _EXTRA_KEYS if d.get(k)),
                         tuple(sorted(years[n])), _positions(prov, pos),
                         _positions(d["nations"], pos), _positions(guest[n], pos) if person else ()))
        return tuple(rows)

    def _years(self) -> dict[int, set]:
        """Years from the facts, as derive_attributes gives them (a document's own date is
        added by the merge: which date is a document's depends on the first article)."""
        vm, years = self.vm, defaultdict(set)
        art_year = {n: _year(vm.nodes[n].get("date")) for n in self.art_pos}
        for f in vm.facts:
            year = _year(f["date"]) or art_year.get(f["article"])
            if year:
                for end in (f["s"], f["o"]):
                    if end in self.pos:
                        years[end].add(year)
        return years

    def _evidence(self, ev: int) -> int:
        if ev < 0:
            return -1
        if ev not in self.ev_pos:
            e = self.vm.evidence[ev]
            self.ev_pos[ev] = len(self.evidence)
            self.evidence.append((e["sentence"], e["confidence"], e["start"], e["end"],
                                  self.art_pos.get(e["article"], -1)))
        return self.ev_pos[ev]

    def facts(self) -> tuple:
        """Entity facts in article order (within an article, in view_model's order)."""
        vm, pos, kind = self.vm, self.pos, self.kind
        hosts = self._event_hosts()
        out = []
        for f in vm.facts:
            s, rel, o = f["s"], f["rel"], f["o"]
            if rel == "post" and s in pos:
                out.append(self._fact(s, rel, o, f["label"], f["date"], f["former"], f["ev"]))
            elif kind[s] == "event" and rel in _EVENT_RELS and o in pos:
                d = vm.nodes[s]
                for host in hosts.get(s, ()):
                    if host != o:  # a body attending its own event: no self-loop
                        out.append(self._fact(host, rel, o, d["label"], d.get("date", ""), False,
                                              f["ev"]))
            elif rel in _ENTITY_RELS and s in pos and o in pos:
                out.append(self._fact(s, rel, o, f["label"], f["date"], f["former"], f["ev"]))
        # stable: within an article the order stays view_model's; no evidence -> last
        out.sort(key=lambda t: self.evidence[t[6]][4] if t[6] >= 0 else len(self.articles))
        return tuple(out)

    def _fact(self, s: int, rel: str, o: int, label: str, date: str, former: bool, ev: int) -> tuple:
        return (self.pos[s], rel, self.pos.get(o, -1), label, date or "", bool(former),
                self._evidence(ev))

    def _event_hosts(self) -> dict[int, list[int]]:
        """Event -> the nodes its facts are folded onto: its organisers, else its article's
        province(s); an event with neither is dropped."""
        vm, kind = self.vm, self.kind
        organisers, article_of, locality = defaultdict(list), {}, defaultdict(list)
        for f in vm.facts:
            if f["rel"] == "organiser" and kind[f["s"]] == "event" and f["o"] in self.pos:
                organisers[f["s"]].append(f["o"])
            elif f["rel"] == "reports" and kind[f["s"]] == "article":
                article_of[f["o"]] = f["s"]
            elif f["rel"] == "locality" and kind[f["s"]] == "article":
                locality[f["s"]].append(f["o"])
        return {e: organisers[e] or locality.get(article_of.get(e), [])
                for e, k in enumerate(kind) if k == "event"}

    def pn(self) -> tuple:
        """(place, nation, year) -> number of articles (the page's year filter needs the year)."""
        vm, counts = self.vm, Counter()
        for row in vm.province_nation:
            for art in row["articles"]:
                year = _year(vm.nodes[art].get("date")) or 0
                counts[(self.pos[row["place"]], self.pos[row["nation"]], year)] += 1
        return tuple((p, c, y, k) for (p, c, y), k in sorted(counts.items()))


def _positions(ids: Iterable[int], pos: dict[int, int]) -> tuple:
    return tuple(sorted(pos[i] for i in ids if i in pos))


# ---------------------------------------------------------------- fragments -> view model

def merge_fragments(fragments: Iterable[ExplorerFragment], max_evidence: int = 3) -> EntityView:
    """The entity view of consecutive chunks' fragments, given in article order.

    Keeps at most ``max_evidence`` facts per relation (per title for posts), the first in
    article order; each drawn edge's ``n`` counts them all.  Fragments are read one by one."""
    if max_evidence < 1:
        raise ValueError("max_evidence must be at least 1")
    with paused_gc():  # many small tuples, no cycles: the cyclic GC's passes only cost time
        merged = _Merged(max_evidence)
        for fragment in fragments:
            merged.add(fragment)
        return merged.view()


class _Merged:
    """The running merge: entity nodes, kept facts and counts, all keyed by IRI."""

    def __init__(self, max_evidence: int):
        self.k = max_evidence
        self.nodes: dict[str, dict] = {}
        self.kept: list[tuple] = []  # (s, rel, o, label, date, former, evidence), article order
        self.groups: Counter = Counter()  # cap key -> facts kept
        self.counts: Counter = Counter()  # (s, rel, o) -> facts with evidence
        self.plain: dict[tuple, None] = {}  # facts without evidence, once each
        self.pn: Counter = Counter()
        self.article_count = 0

    def add(self, fr: ExplorerFragment) -> None:
        iris = [row[0] for row in fr.nodes]
        for row in fr.nodes:
            self._node(row, iris)
        evidence = [(s, c, a, b, fr.articles[art] if art >= 0 else ("", "", ""))
                    for s, c, a, b, art in fr.evidence]
        for s, rel, o, label, date, former, ev in fr.facts:
            s, o = iris[s], (iris[o] if o >= 0 else None)
            if ev < 0:
                self.plain[(s, rel, o, label, date, former)] = None
                continue
            self.counts[(s, rel, o)] += 1
            # posts are capped per title: a person's distinct posts in one body all stay
            key = (s, rel, o, label, former) if rel == "post" else (s, rel, o)
            if self.groups[key] < self.k:
                self.groups[key] += 1
                self.kept.append((s, rel, o, label, date, former, evidence[ev]))
        for p, c, year, n in fr.pn:
            self.pn[(iris[p], iris[c], year)] += n
        self.article_count += len(fr.articles)

    def combine(self, other: _Merged) -> None:
        """Add what ``other`` merged (the fragments that follow this one's, in article order):
        the same state as adding its fragments one by one. Its kept facts are the first
        ``max_evidence`` of each relation in its articles, and only those can be among the
        first of the concatenation. ``other`` is left as it was."""
        if other.k != self.k:
            raise ValueError("merged states of different max_evidence")
        for iri, acc_b in other.nodes.items():
            acc = self.nodes.get(iri)
            if acc is None:
                self.nodes[iri] = {k: (set(v) if isinstance(v, set) else
                                       dict(v) if isinstance(v, dict) else v)
                                   for k, v in acc_b.items()}
                continue
            acc["alt"].update(acc_b["alt"])
            for k, v in acc_b["extra"].items():
                acc["extra"].setdefault(k, v)
            for k in ("years", "prov", "nations", "guest"):
                acc[k].update(acc_b[k])
        groups, k = self.groups, self.k
        for fact in other.kept:
            s, rel, o, label, date, former, ev = fact
            key = (s, rel, o, label, former) if rel == "post" else (s, rel, o)
            if groups[key] < k:
                groups[key] += 1
                self.kept.append(fact)
        self.counts.update(other.counts)
        self.plain.update(other.plain)
        self.pn.update(other.pn)
        self.article_count += other.article_count

    def _node(self, row: tuple, iris: list[str]) -> None:
        iri, kind, label, sub, alts, extra, years, prov, nations, guest = row
        acc = self.nodes.get(iri)
        if acc is None:  # first seen (in article order) wins for the per-article values
            self.nodes[iri] = acc = {"kind": kind, "label": label, "sub": sub, "alt": set(),
                                     "extra": {}, "years": set(), "prov": set(),
                                     "nations": set(), "guest": set()}
        acc["alt"].update(alts)
        for k, v in extra:
            acc["extra"].setdefault(k, v)
        acc["years"].update(years)
        acc["prov"].update(iris[i] for i in prov)
        acc["nations"].update(iris[i] for i in nations)
        acc["guest"].update(iris[i] for i in guest)

    def view(self) -> EntityView:
        vm = EntityView(max_evidence=self.k, article_count=self.article_count)
        self._view_nodes(vm)
        self._view_facts(vm)
        b = _Builder(_Index())  # the full view's edge folding, on our facts
        b.vm = vm
        b.fold_edges()
        counts = self.counts + Counter((s, rel, o) for s, rel, o, *_ in self.plain)
        nodes = vm.nodes
        for e in vm.edges:
            e["n"] = counts[(nodes[e["s"]]["iri"], e["rel"], nodes[e["o"]]["iri"])]
        index = vm.index
        rows = defaultdict(list)
        for (p, c, year), n in self.pn.items():
            rows[(index[p], index[c])].append([year, n])
        vm.province_nation = [{"place": p, "nation": c, "articles": sorted(ys)}
                              for (p, c), ys in sorted(rows.items())]
        return vm

    def _view_nodes(self, vm: EntityView) -> None:
        order = sorted(self.nodes, key=lambda iri: (KINDS.index(self.nodes[iri]["kind"]),
                                                    self.nodes[iri]["label"], iri))
        vm.index = {iri: n for n, iri in enumerate(order)}
        for iri in order:
            acc = self.nodes[iri]
            label, alts = acc["label"], sorted(acc["alt"] - {acc["label"]})
            years = set(acc["years"])
            own = _year(acc["extra"].get("date"))
            if own:
                years.add(own)
            prov = acc["prov"] or (acc["guest"] if acc["kind"] == "person" else set())
            node = {"iri": iri, "label": label, "kind": acc["kind"], "alt": alts, "sub": acc["sub"],
                    "fold": [fold(n) for n in [label, *alts]], "years": years,
                    "prov": {vm.index[i] for i in prov},
                    "nations": {vm.index[i] for i in acc["nations"]}, "ev": -1}
            node.update(acc["extra"])
            vm.nodes.append(node)

    def _view_facts(self, vm: EntityView) -> None:
        index, ev_ids, art_ids = vm.index, {}, {}
        plain = sorted(self.plain, key=lambda t: (index[t[0]], t[1], index.get(t[2], -1), *t[3:]))
        for s, rel, o, label, date, former, ev in [*self.kept, *((*t, None) for t in plain)]:
            vm.facts.append({"s": index[s], "rel": rel, "o": index[o] if o is not None else -1,
                             "ev": self._ev_id(vm, ev, ev_ids, art_ids), "label": label,
                             "date": date, "former": former, "article": -1})

    @staticmethod
    def _ev_id(vm: EntityView, ev: tuple | None, ev_ids: dict, art_ids: dict) -> int:
        if ev is None:
            return -1
        if ev not in ev_ids:
            sentence, conf, start, end, art = ev
            if art[0] and art not in art_ids:
                art_ids[art] = len(vm.articles)
                vm.articles.append({"file": art[0], "headline": art[1], "date": art[2]})
            ev_ids[ev] = len(vm.evidence)
            vm.evidence.append({"sentence": sentence, "confidence": conf, "article": -1,
                                "start": start, "end": end, "doc": art_ids.get(art, -1)})
        return ev_ids[ev]


class FragmentMerger(_Merged):
    """``merge_fragments`` one fragment at a time, as a build's chunks arrive: ``add`` each
    in article order, then ``view()``."""

