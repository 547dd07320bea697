"""Partner nations: country names in the text (CLDR Vietnamese names and the press's
transliterations), and the nations that friendship associations, missions and foreign
bodies are named after. Viet Nam is never a partner.

Names marked strict in country_aliases.tsv ("Anh", "Nga", "Pháp", "Mỹ"...) are also
common words or given names, so they count only capitalised, mid-sentence, outside a
person's name and not as a language ("tiếng Anh").

Example:
    >>> from kg.ingest import clean
    >>> from kg.lexicon import load_lexicon
    >>> from kg.extract.analysis import analyse
    >>> d = analyse(clean("a", "Hợp tác với Nhật Bản, Hàn Quốc và Bungari."), load_lexicon())
    >>> [c.code for c in extract_countries(d)]
    ['JP', 'KR', 'BG']
"""
from __future__ import annotations

import re

from ..model import CountryRecord
from .analysis import Doc
from .spans import longest

_NOT_BEFORE = {"tiếng", "người", "chữ", "phố", "đường"}
# "kiều bào đang sinh sống, làm việc tại Pháp, Hoa Kỳ, Đức...": where Vietnamese live abroad,
# not counterparts of the article's diplomacy; the list runs to the clause's end
_RESIDENCE = re.compile(r"\b(kiều bào|[Vv]iệt kiều|người Việt(?: Nam)?|lưu học sinh|du học sinh)\b[^.;:()]{0,60}?"
                        r"\b(sinh sống|định cư|làm việc|học tập|lao động)\b[^.;:()]{0,25}?\b(tại|ở)\s+"
                        r"[^.;:()]*")


# "xã biên giới giáp Vương quốc Campuchia": a neighbour named as a border, no counterpart
_BORDERING = re.compile(r"\b(?:giáp(?:\s+(?:với|ranh|biên giới))?|(?:tuyến|đường) biên giới\s+với)"
                        r"(?:\s+(?:nước|Vương quốc|Cộng hòa(?:\s+Dân chủ Nhân dân|\s+Nhân dân)?))?\s*$")


# "chống thực dân Pháp", "kháng chiến chống Mỹ": a former enemy in the history recalled, no counterpart
_ENEMY = re.compile(r"\b(?:thực dân|đế quốc|phát xít|quân xâm lược|xâm lược|chống|quân đội|quân)\s*$")


def country_mentions(doc: Doc) -> list[CountryRecord]:
    """Every mention of a partner nation, in text order (a code may repeat); computed once per doc."""
    if "countries" not in doc.memo:
        doc.memo["countries"] = _country_mentions(doc)
    return doc.memo["countries"]  # type: ignore[return-value]


def _country_mentions(doc: Doc) -> list[CountryRecord]:
    lex = doc.lex
    found: list[CountryRecord] = []
    persons: dict[int, list] = {}
    for p in doc.persons:
        persons.setdefault(p.sent, []).append(p)
    for s in doc.sentences:
        toks = s.tokens
        in_person = set()
        for p in persons.get(s.index, ()):
            in_person.update(range(p.i, p.j))
        residence = [(m.start(3) + s.start, m.end() + s.start) for m in _RESIDENCE.finditer(s.text)]
        k = 0
        while k < len(toks):
            if k in in_person or (toks[k].key not in lex.provinces.prefixes
                                  and toks[k].key not in lex.country_names.prefixes):
                k += 1
                continue
            prov = longest(toks, k, lex.provinces, lex.max_words["provinces"], need_cap=True)
            hit = longest(toks, k, lex.country_names, lex.max_words["country_names"], need_cap=True)
            if prov and (not hit or prov[0] >= hit[0]):
                k += prov[0]
                continue
            if not hit:
                k += 1
                continue
            n, (code, strict) = hit
            if toks[k].text.isupper() and len(toks[k].text) > 2 and code != "EU":
                k += n
                continue  # all capitals: a credit or a heading ("THANH NGA"), not the country
            if strict:
                nxt = toks[k + n] if k + n < len(toks) else None
                if k == 0 or toks[k - 1].key in _NOT_BEFORE or (toks[k - 1].is_word and toks[k - 1].cap
                                                                  and toks[k - 1].key not in ("việt", "nam")) \
                        or (nxt is not None and nxt.is_word and nxt.cap and nxt.key not in lex.org_heads):
                    # inside a proper name ("Sông Hàn", "Hoàng Anh") or a language ("tiếng Anh")
                    k += n
                    continue
            if code not in ("VN", "-") and not any(a <= toks[k].start < b for a, b in residence) \
                    and not _BORDERING.search(s.text, 0, toks[k].start - s.start) \
                    and not _ENEMY.search(s.text, max(0, toks[k].start - s.start - 30), toks[k].start - s.start):
                surface = s.text[toks[k].start - s.start:toks[k + n - 1].end - s.start]
                found.append(CountryRecord(code, surface, doc.evidence(s.index, 0.6 if strict else 0.85)))
            k += n
    for m in doc.orgs:
        if m.country and m.country not in ("VN", "-") and m.name:
            found.append(CountryRecord(m.country, m.surface, doc.evidence(m.sent, 0.85)))
    return found


def countries_in(doc: Doc, sent: int) -> tuple[str, ...]:
    """Partner nations named in one sentence (an event's counterparts)."""
    start = doc.sentences[sent].start
    return tuple(dict.fromkeys(c.code for c in country_mentions(doc) if c.evidence.start == start))


def extract_countries(doc: Doc) -> tuple[CountryRecord, ...]:
    seen: dict[str, CountryRecord] = {}
    for rec in country_mentions(doc):
        seen.setdefault(rec.code, rec)
    return tuple(seen.values())
