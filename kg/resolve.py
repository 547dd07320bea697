"""Cross-article entity resolution: one node per real person and organisation.

Within an article, names are already resolved to the article's locality by the
extractors. Here mentions from all articles are grouped by a blocking key
(the folded name: no case, tones, diacritics, punctuation; abbreviations
expanded; unit words dropped), so the cost grows with the number of mentions,
not with pairs of them. A group of persons is split when the evidence
conflicts: the same name holding posts in bodies of two different provinces.
Every decision is written to the merge log (rule and mentions), which a user
can audit, and overrides can be given as (mention, article) -> key.

Example:
    >>> from kg.model import Article, Extraction, PersonRecord, Evidence
    >>> ev = Evidence("a", "", 0, 0)
    >>> e1 = Extraction(Article("a", ""), persons=(PersonRecord("Nguyễn Hòang Giang", "", ev),))
    >>> e2 = Extraction(Article("b", ""), persons=(PersonRecord("Nguyễn Hoàng Giang", "", ev),))
    >>> res = resolve([e1, e2])
    >>> len({k for k in res.entities if res.entities[k].kind == "person"})
    1
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import KGError
from .iri import name_slug
from .lexicon import Lexicon, load_lexicon
from .model import Entity, Extraction, Merge, Resolution
from .text import fold, normalize_tones, slug

_UNIT_WORDS = re.compile(r"\b(tinh|thanh pho|tp)\b(?! uy)")


def load_overrides(path: str | Path) -> dict[tuple[str, str], str]:
    """Read a merge-override file: TSV lines 'article<TAB>name<TAB>key' (# comments allowed).

    Every mention of ``name`` in ``article`` is resolved to the entity ``key``
    (any label; mentions given the same key become one entity, a new key splits
    a mention off). The merge log (merges.json) shows the keys the rules chose.
    """
    overrides: dict[tuple[str, str], str] = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise KGError(f"{path}: line {n}: expected article<TAB>name<TAB>key")
        article, name, key = (x.strip() for x in parts)
        overrides[(normalize_tones(name), article)] = key
    return overrides


def org_block_key(name: str, lex: Lexicon | None = None) -> str:
    """Blocking key of an organisation name: folded, abbreviations expanded, unit words dropped."""
    lex = lex or load_lexicon()
    words = []
    for w in normalize_tones(name).replace("–", " ").replace("-", " ").split():
        exp = lex.abbreviations.get(w.strip(".,"))
        words.append(exp if exp and w.isupper() else w)
    key = fold(" ".join(words))
    key = key.replace("lien hiep cac to chuc huu nghi", "lien hiep huu nghi")
    key = key.replace("huu nghi viet nam ", "huu nghi viet ")
    key = _UNIT_WORDS.sub(" ", key)
    if key.startswith(("dai su quan ", "tong lanh su quan ", "lanh su quan ")):
        key = key.removesuffix(" tai viet nam")  # "Đại sứ quán Lào tại Việt Nam" is "Đại sứ quán Lào"
    return " ".join(key.split())


def person_block_key(name: str) -> str:
    return fold(name)


def _canonical(names: Iterable[str]) -> str:
    """The most frequent spelling, ties broken by the longest then alphabetically."""
    counts: Counter = Counter()
    for name, n in Counter(names).items():  # each distinct spelling normalised once
        counts[normalize_tones(name)] += n
    return sorted(counts, key=lambda n: (-counts[n], -len(n), n))[0]


@dataclass(frozen=True, slots=True)
class ArticleMentions:
    """What resolution needs of one article, and no more: its distinct organisation and
    person names with their blocking keys (computed where the article is extracted), and the
    counts a build report gives. The build keeps these in memory for every article and the
    full records on disk (kg.cache), so its memory grows with names, not with texts."""

    name: str  # the article's file name
    # (name, blocking key, kind, aliases, locality, country), first mention order
    organisations: tuple[tuple[str, str, str, tuple[str, ...], str | None, str | None], ...] = ()
    # (name, blocking key, localities of the bodies it holds posts in, sorted)
    persons: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    events: int = 0
    positions: int = 0
    documents: tuple[str, ...] = ()  # distinct codes
    countries: tuple[str, ...] = ()  # distinct codes


def mentions_of(ex: Extraction, lexicon: Lexicon | None = None) -> ArticleMentions:
    """The resolution's view of one extraction (see ArticleMentions)."""
    lex = lexicon or load_lexicon()
    orgs, seen = [], set()
    for rec in ex.organisations:
        if rec.name not in seen:
            seen.add(rec.name)
            orgs.append((rec.name, org_block_key(rec.name, lex), rec.kind, tuple(rec.aliases),
                         rec.locality, rec.country))
    org_loc = {r.name: r.locality for r in ex.organisations}
    persons, seen = [], set()
    for rec in ex.persons:
        if rec.name not in seen:
            seen.add(rec.name)
            locs = {org_loc.get(p.organisation) for p in ex.positions if p.person == rec.name}
            locs.discard(None)
            persons.append((rec.name, person_block_key(rec.name), tuple(sorted(locs))))
    return ArticleMentions(ex.article.name, tuple(orgs), tuple(persons), len(ex.events),
                           len(ex.positions), tuple(sorted({d.code for d in ex.documents})),
                           tuple(sorted({c.code for c in ex.countries})))


def resolve(extractions: Iterable[Extraction], lexicon: Lexicon | None = None,
            overrides: dict[tuple[str, str], str] | None = None) -> Resolution:
    """Group the mentions of all articles into entities; returns keys per (article, kind, name)."""
    lex = lexicon or load_lexicon()
    return resolve_mentions((mentions_of(ex, lex) for ex in extractions), overrides)


def resolve_mentions(mentions: Iterable[ArticleMentions],
                     overrides: dict[tuple[str, str], str] | None = None) -> Resolution:
    """``resolve`` from the articles' mentions (``mentions_of``), in article order."""
    overrides = overrides or {}
    entities: dict[str, Entity] = {}
    keys: dict[tuple[str, str, str], str] = {}
    merges: list[Merge] = []

    # ---- organisations
    org_groups: dict[str, list[tuple[str, str, tuple]]] = defaultdict(list)
    person_groups: dict[str, list[tuple[str, str, tuple[str, ...]]]] = defaultdict(list)
    for m in mentions:
        art = m.name
        for rec in m.organisations:
            block = overrides.get((rec[0], art)) or rec[1]
            org_groups[block].append((art, rec[0], rec))
        for name, block, locs in m.persons:
            person_groups[overrides.get((name, art)) or block].append((art, name, locs))
    for block, members in sorted(org_groups.items()):
        name = _canonical(m[1] for m in members)
        key = name_slug(block, 80)
        recs = [m[2] for m in members]
        kinds = Counter(r[2] for r in recs)
        aliases = sorted({a for r in recs for a in r[3]} | {m[1] for m in members if m[1] != name})
        entities[key] = Entity(key, "organisation", name, tuple(aliases),
                               org_kind=kinds.most_common(1)[0][0],
                               locality=next((r[4] for r in recs if r[4]), None),
                               country=next((r[5] for r in recs if r[5]), None))
        # computed once per group: inside the loop it made a body named in n articles cost n^2
        merged = len({m[1] for m in members}) > 1 or len({m[0] for m in members}) > 1
        for art, mention, _ in members:
            keys[(art, "organisation", mention)] = key
            if merged:
                merges.append(Merge(key, name, mention, art,
                                    "same folded name" if mention == name else "name variant (folded key)"))

    # ---- persons: block by folded name, split when posts point at different provinces
    for block, members in sorted(person_groups.items()):
        localities = sorted({loc for m in members for loc in m[2]})
        split = len(localities) > 1 and all(len(m[2]) <= 1 for m in members)
        for locality in (localities if split else [None]):
            group = [m for m in members if not split or locality in m[2]
                     or (not m[2] and locality == localities[0])]
            name = _canonical(m[1] for m in group)
            key = name_slug(block, 80) + (f"-{slug(locality)}" if locality else "")
            variants = sorted({m[1] for m in group if m[1] != name})
            entities[key] = Entity(key, "person", name, tuple(variants), locality=locality)
            for art, mention, _ in group:
                keys[(art, "person", mention)] = key
                if len(group) > 1:
                    rule = ("same name" if mention == name else "name variant (tones, case)")
                    if split:
                        rule += f"; kept apart from namesakes of other provinces ({locality})"
                    merges.append(Merge(key, name, mention, art, rule))
    return Resolution(entities=entities, keys=keys, merges=tuple(merges))
