"""The shared analysis of one article that every extractor reads (like spaCy's Doc).

``analyse`` splits the text into sentences and tokens, decides the article's
locality (the province or city it is about, or None for a central-level
article), finds organisation mentions resolved to that locality, person
mentions, title chains (posts), country and date mentions. Extractors turn
this analysis into typed records.

Example:
    >>> from kg.ingest import clean
    >>> from kg.lexicon import load_lexicon
    >>> d = analyse(clean("a.txt", "Thành ủy Hải Phòng họp. Thành ủy chỉ đạo."), load_lexicon())
    >>> d.locality, [m.name for m in d.orgs]
    ('Hải Phòng', ['Thành ủy Hải Phòng', 'Thành ủy Hải Phòng'])
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..legacy import is_syllable
from ..lexicon import Lexicon
from ..model import Article, Evidence
from ..text import fold, tone_key
from .spans import longest
from .tokens import Sentence, split_sentences

_UNIT_BEFORE = {"tỉnh", "thành phố", "tp"}
# a district-level unit's word before its name: "huyện Thanh Miện", "TP Tuy Hòa" (a provincial
# city; the province-level cities are provinces and are scored as such first)
_DISTRICT_UNITS_BEFORE = {"huyện", "quận", "thị xã", "xã", "các huyện", "tp", "thành phố"}


@dataclass
class OrgMention:
    sent: int
    i: int  # first token index in the sentence
    j: int  # end token index (exclusive)
    start: int
    end: int
    surface: str
    name: str | None  # resolved full name; None when it cannot be resolved
    kind: str
    locality: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    parent: OrgMention | None = None
    explicit: bool = True
    core: str = ""  # the name without its locality ("Tỉnh ủy", "Sở Ngoại vụ")
    bare: bool = False  # the locality came from the article, not from the text at the mention
    place_unit: str = ""  # the locality written at the mention: unit ("tỉnh") and name
    place_name: str = ""


@dataclass
class PersonMention:
    sent: int
    i: int
    j: int
    start: int
    end: int
    surface: str
    name: str
    foreign: bool = False


@dataclass
class Post:
    """One (title, organisation) of a title chain, attached to a person mention."""

    person: PersonMention
    title: str
    org: OrgMention | None
    former: bool
    sent: int


@dataclass
class Doc:
    article: Article
    lex: Lexicon
    sentences: list[Sentence] = field(default_factory=list)
    locality: str | None = None
    district: tuple[str, str] | None = None  # (unit, name) of a district-level article's district
    # names the text gives a unit ("huyện Kim Bình", "châu Hồng Hà"): places, wherever they recur
    places: frozenset[str] = frozenset()
    orgs: list[OrgMention] = field(default_factory=list)
    persons: list[PersonMention] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    aliases: dict[str, set[str]] = field(default_factory=dict)  # person name -> other spellings
    warnings: list[str] = field(default_factory=list)
    # results computed once per document by later components (e.g. country mentions)
    memo: dict[str, object] = field(default_factory=dict, repr=False)

    def evidence(self, sent: int, confidence: float = 0.8) -> Evidence:
        s = self.sentences[sent]
        return Evidence(self.article.name, s.text, s.start, s.end, confidence)

    def orgs_in(self, sent: int) -> list[OrgMention]:
        return [m for m in self.orgs if m.sent == sent]

    def persons_in(self, sent: int) -> list[PersonMention]:
        return [m for m in self.persons if m.sent == sent]


def detect_locality(article: Article, sentences: list[Sentence], lex: Lexicon) -> str | None:
    """The province or city the article is about, from weighted mentions; None if central."""
    scores: Counter[str] = Counter()
    union_heads = {k for k, h in lex.org_heads.items() if h.kind == "FriendshipUnion"}
    central = 0
    for s in sentences:
        toks = s.tokens
        boost = 2 if s.index < 3 else 1
        starts = lex.provinces.prefixes  # inline first-word test: most tokens start no name
        for i in range(len(toks)):
            if toks[i].key not in starts:
                continue
            hit = longest(toks, i, lex.provinces, lex.max_words["provinces"], need_cap=True)
            if not hit:
                continue
            name = hit[1][0]
            w = 1
            prev = toks[i - 1].key if i else ""
            if prev in _UNIT_BEFORE or (i > 1 and f"{toks[i - 2].key} {prev}" in _UNIT_BEFORE):
                w += 1
            window = " ".join(t.key for t in toks[max(0, i - 8):i])
            if "lãnh sự" in window and "tại" in [t.key for t in toks[max(0, i - 3):i]]:
                continue  # "Tổng Lãnh sự quán Malaysia tại TP. Hồ Chí Minh": the mission's seat, not the subject
            if any(h in window for h in union_heads if len(h.split()) > 2) or "liên hiệp" in window:
                w += 4
            scores[name] += w * boost
        for i in range(1, len(toks)):
            if (toks[i - 1].key in _DISTRICT_UNITS_BEFORE or
                    i > 1 and f"{toks[i - 2].key} {toks[i - 1].key}" in _DISTRICT_UNITS_BEFORE) and toks[i].cap:
                hit = longest(toks, i, lex.districts, lex.max_words["districts"], need_cap=True)
                if hit and len({p for _u, p in hit[1]}) == 1:
                    scores[hit[1][0][1]] += 1  # "huyện Thanh Miện" is in Hải Dương
        key = " ".join(t.key for t in toks)
        central += key.count("liên hiệp các tổ chức hữu nghị việt nam") + key.count("vufo")
    if article.source:
        src = fold(article.source).replace(" ", "")
        for key, (name, _unit) in lex.provinces.items():
            if len(key) > 4 and fold(name).replace(" ", "") in src:
                scores[name] += 3
    if not scores:
        return None
    name, score = scores.most_common(1)[0]
    if score < 2 or (central > 2 and score < 6):
        return None
    return _province_of_city(name, scores, article.text, lex)


_BARE_PROVINCE = re.compile(r"\b(?:Tỉnh ủy|(?:UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân|Sở [^\W\d_]+(?: [^\W\d_]+)?) tỉnh)\b")
_BARE_CITY = re.compile(r"\b(?:Thành ủy|(?:UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân|Sở [^\W\d_]+(?: [^\W\d_]+)?) "
                        r"thành phố)\b")


def _province_of_city(name: str, scores: Counter, text: str, lex: Lexicon) -> str:
    """"Huế" named most, but "Sở Ngoại vụ tỉnh Thừa Thiên Huế" and "UBND tỉnh" bare: the article is
    the province's (Huế was its city until 2025), not the city's."""
    if lex.provinces.get(tone_key(name), ("", ""))[1] != "thành phố":
        return name
    wider = [p for p in scores if p != name and p.endswith(f" {name}")
             and lex.provinces.get(tone_key(p), ("", ""))[1] == "tỉnh"]
    if not wider:
        return name
    return wider[0] if len(_BARE_PROVINCE.findall(text)) > len(_BARE_CITY.findall(text)) else name


_DISTRICT_AT = re.compile(r"\b(huyện|quận|thị xã)\s+((?:[A-ZĐÀ-Ỹ][^\s,.;:()]*\s*){1,3})")


def detect_district(text: str, province: str | None, lex: Lexicon) -> tuple[str, str] | None:
    """The district an article is about: a district of its province named at least twice
    ("huyện Yên Phong"), so that "Huyện ủy" and "UBND huyện" said bare are that district's."""
    counts: Counter = Counter()
    for m in _DISTRICT_AT.finditer(text):
        words = m.group(2).split()
        for n in range(len(words), 0, -1):  # the longest district name the capitalised words start with
            name = " ".join(words[:n])
            if any(province is None or p == province for _u, p in lex.districts.get(tone_key(name), ())):
                counts[(m.group(1), name)] += 1
                break
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2)
    return best if n >= 2 and (not rest or rest[0][1] < n) else None


_PLACE_WITH_UNIT = re.compile(r"\b(?:huyện|quận|châu|thị xã|thị trấn|tỉnh|thành phố|khu tự trị)\s+"
                              r"([A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){0,2})")


def _places_with_unit(text: str, lex: Lexicon) -> frozenset[str]:
    """Names written after a unit ("huyện Kim Bình"): a known province or district as far as it goes;
    else one or two words ("UBND tỉnh Nguyễn Văn A" names a person, not a place)."""
    found = set()
    for m in _PLACE_WITH_UNIT.finditer(text):
        words = [tone_key(w) for w in m.group(1).split()]
        known = next((" ".join(words[:n]) for n in range(len(words), 0, -1)
                      if " ".join(words[:n]) in lex.provinces or " ".join(words[:n]) in lex.districts), None)
        if known:
            found.add(known)
        elif len(words) <= 2:
            found.add(" ".join(words))
    return frozenset(found)


def analyse(article: Article, lex: Lexicon) -> Doc:
    from .orgs import find_orgs
    from .people import find_persons_and_posts

    doc = Doc(article, lex)
    doc.sentences = split_sentences(article.text)
    doc.locality = detect_locality(article, doc.sentences, lex)
    doc.district = detect_district(article.text, doc.locality, lex)
    doc.places = _places_with_unit(article.text, lex)
    for s in doc.sentences:
        # a one-letter "name" is debris of a garbled text (fuzzing found "F"), never a body
        doc.orgs.extend(m for m in find_orgs(doc, s) if not m.name or len(m.name.strip()) >= 2)
    merge_acronyms(doc)
    merge_pair_spellings(doc)
    merge_spelled_out(doc)
    find_persons_and_posts(doc)
    merge_name_variants(doc)
    merge_given_names(doc)
    merge_missions(doc)
    merge_mission_heads(doc)
    return doc


def merge_acronyms(doc: Doc) -> None:
    """An acronym used before the article spells it out ("tổ chức FQTS" in the headline, "Friends of
    Quang Tri Schools (FQTS)" below) is that body: the mention takes its full name."""
    full = {a: m for m in doc.orgs if m.name for a in m.aliases if a.isupper() and a != m.name}
    for m in doc.orgs:
        if m.name and m.name.isupper() and m.name in full:
            named = full[m.name]
            m.name, m.kind, m.locality, m.country = named.name, named.kind, named.locality, named.country
            m.aliases = named.aliases


def merge_spelled_out(doc: Doc) -> None:
    """'Trường THCS Vĩnh Mỹ A' and 'Trường Trung học cơ sở Vĩnh Mỹ A' in one article are one school: the
    name spelled out names it (abbreviations.tsv, those marked "same"); the short one alone stays as
    written."""
    same = doc.lex.same_abbreviations
    if not same:
        return
    def spelled(name: str) -> str:
        return " ".join(same.get(w, w) for w in name.split())
    names = {m.name for m in doc.orgs if m.name}
    for m in doc.orgs:
        if m.name and any(w in same for w in m.name.split()):
            full = spelled(m.name)
            if full != m.name and full in names:
                m.aliases = tuple(dict.fromkeys((*m.aliases, m.name)))
                m.name = full


def merge_pair_spellings(doc: Doc) -> None:
    """'Hội hữu nghị Việt – Nga tỉnh Khánh Hòa' (a headline) and 'Hội hữu nghị Việt Nam – Nga tỉnh Khánh
    Hòa' in one article are one association: the spelling with "Việt Nam" names it."""
    def key(name: str) -> str:
        return name.replace("Việt Nam –", "Việt –").replace("– Việt Nam", "– Việt")

    longest: dict[str, OrgMention] = {}
    for m in doc.orgs:
        if m.name and m.kind == "FriendshipAssociation":
            k = key(m.name)
            if k not in longest or len(m.name) > len(longest[k].name):
                longest[k] = m
    for m in doc.orgs:
        if m.name and m.kind == "FriendshipAssociation":
            canon = longest[key(m.name)]
            if canon.name != m.name:
                m.aliases = tuple(dict.fromkeys((*m.aliases, m.name)))
                m.name = canon.name


_MISSION_WORDS = ("Tổng Lãnh sự quán", "Lãnh sự quán", "Đại sứ quán")


def merge_missions(doc: Doc) -> None:
    """'Đại sứ quán Cộng hòa Ấn Độ tại Việt Nam' and later 'Đại sứ quán Ấn Độ' in one article are one
    mission: same kind, same country, no other city. The first name stays; the others become its
    aliases."""
    first: dict[tuple[str, str], OrgMention] = {}
    for m in sorted(doc.orgs, key=lambda o: o.start):  # text order (a title's mission joins the list late)
        if m.kind != "DiplomaticMission" or not m.name or not m.country:
            continue
        word = next((w for w in _MISSION_WORDS if m.name.startswith(w + " ")), None)
        city = m.name.rsplit(" tại ", 1)[1] if " tại " in m.name else "Việt Nam"
        if word == "Đại sứ quán" and tone_key(city) in doc.lex.provinces:
            city = "Việt Nam"  # "Đại sứ quán Thổ Nhĩ Kỳ tại Hà Nội": the embassy in Viet Nam
        if word is None or (word == "Đại sứ quán" and city != "Việt Nam"):
            continue  # an embassy elsewhere (ours abroad) or a consulate's city: a mission of its own
        key = (word if word == "Đại sứ quán" else f"{word} {city}", m.country)
        if key not in first:
            first[key] = m
        elif " tại " in m.name and " tại " not in first[key].name:
            # the embassy said in full ("... tại Việt Nam") after a short mention names it
            short = first[key]
            m.aliases = tuple(dict.fromkeys((*m.aliases, short.name, *short.aliases)))
            for o in doc.orgs:
                if o.name == short.name:
                    o.name, o.aliases = m.name, m.aliases
            first[key] = m
        elif m.name != first[key].name:
            canon = first[key]
            canon.aliases = tuple(dict.fromkeys((*canon.aliases, m.name, *m.aliases)))
            m.name, m.aliases = canon.name, canon.aliases
    # a consulate named once without its city ("Tổng Lãnh sự Malaysia chào xã giao ..." in a headline)
    # is the article's only consulate of that country named with one
    for m in doc.orgs:
        if m.kind == "DiplomaticMission" and m.name and m.country and " tại " not in m.name \
                and not m.name.startswith("Đại sứ quán"):
            word = m.name.split(" ", 3)[:3]
            cities = {o.name for o in doc.orgs if o.kind == "DiplomaticMission" and o.name and o.country == m.country
                      and " tại " in o.name and o.name.split(" ", 3)[:3] == word}
            if len(cities) == 1:
                m.aliases = tuple(dict.fromkeys((*m.aliases, m.name)))
                m.name = cities.pop()


def merge_given_names(doc: Doc) -> None:
    """'bà H'Liên' after 'bà H'Liên Êban' (a Central Highlands name, given name first) is that person,
    not another: a one-word name that opens exactly one fuller name in the article."""
    full = [p.name for p in doc.persons if " " in p.name]
    for p in doc.persons:
        if " " not in p.name:
            longer = {n for n in full if n.startswith(p.name + " ")}
        elif len(p.name.split()) == 2 and all(is_syllable(w) for w in p.name.split()):
            # "bà Thúy Nga" after "Đỗ Thị Thúy Nga": a Vietnamese name's last words
            longer = {n for n in full if n.endswith(" " + p.name) and len(n.split()) > 2}
        else:
            continue
        if len(longer) == 1:
            p.name = longer.pop()


_ONE_HOLDER = ("Đại sứ", "Tổng Lãnh sự")  # a mission has one head at a time


def merge_mission_heads(doc: Doc) -> None:
    """Two names holding the same mission's head post in one article are one person, named once in
    Latin letters and once as the press writes it in Vietnamese ("Alejandro Gómez Pérez", "A-lê-khan-đrô
    Gô-mết Pê-rết"): the name without hyphenated syllables (else the first told) names the person."""
    heads: dict[tuple[str, str], list[PersonMention]] = {}
    for post in doc.posts:
        if post.title in _ONE_HOLDER and not post.former and post.org is not None and post.org.name \
                and post.org.kind == "DiplomaticMission":
            heads.setdefault((post.title, post.org.name), []).append(post.person)
    for people in heads.values():
        names = list(dict.fromkeys(p.name for p in sorted(people, key=lambda p: p.start)))
        if len(names) < 2:
            continue
        canon = next((n for n in names if "-" not in n), names[0])
        for p in doc.persons:
            if p.name in names and p.name != canon:
                doc.aliases.setdefault(canon, set()).add(p.name)
                p.name = canon


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (small strings)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def merge_name_variants(doc: Doc) -> None:
    """'Park Noh-wan' and 'Park No-wan', 'Sounthone Xayachack' and 'Xayachak' in one article are one
    person: same first word, same number of words, at most two letters apart. The first spelling
    names the person; the others become its aliases."""
    canon: list[PersonMention] = []
    for p in doc.persons:
        key = fold(p.name)
        for c in canon:
            ck = fold(c.name)
            if key == ck:
                continue
            words, cwords = key.split(), ck.split()
            # a foreign name may vary in its given name ("Andrei" / "Andrey Morozov") or in how a Lao
            # name is cut into syllables ("Khăm Phăn Xổm Phon" / "Khămphăn Xổmphon")
            same_word = words[0] == cwords[0] or (p.foreign and c.foreign and words[-1] == cwords[-1])
            if (p.foreign and c.foreign and key.replace(" ", "") == ck.replace(" ", "")) or \
                    same_word and len(words) == len(cwords) \
                    and len(key) >= 8 and _edits(key.replace(" ", ""), ck.replace(" ", "")) <= 2:
                doc.aliases.setdefault(c.name, set()).add(p.name)
                p.name = c.name
                break
        else:
            canon.append(p)


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


def years_in(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(text)]
