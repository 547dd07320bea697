"""Loads the gazetteers in data/lexicons/ into one typed, cached ``Lexicon``.

Every list is data (see data/lexicons/README.md for sources); this module only
reads it and builds lookup tables keyed by ``tone_key`` (case, punctuation and
tone placement folded), so lookups accept the text's own spelling.

Example:
    >>> lex = load_lexicon()
    >>> lex.countries["JP"].name_vi
    'Nhật Bản'
    >>> lex.province_of("hải phòng")
    'Hải Phòng'
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from .text import normalize_tones, tone_key

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicons"


class Gazetteer(dict):
    """A lexicon table keyed by tone_key, with the set of every key's word prefixes, so a
    lookup can stop at the first word that starts no entry."""

    def freeze(self) -> "Gazetteer":
        self.prefixes = set()
        for key in self:
            words = key.split()
            for n in range(1, len(words) + 1):
                self.prefixes.add(" ".join(words[:n]))
        return self


@dataclass(frozen=True)
class Country:
    code: str
    name_vi: str
    name_en: str
    wikidata: str


@dataclass(frozen=True)
class OrgHead:
    head: str
    kind: str
    scope: str  # local, district, national, any, foreign
    tail: str  # none, bare, name, dept, country, party, latin
    full: str = ""  # the body's full name when the head is a short form of it ("Ủy ban MTTQ")


@dataclass(frozen=True)
class Role:
    title: str
    kind: str
    shares_head: str  # "" or the head word the role shares with the next organisation


@dataclass(frozen=True)
class KnownOrganisation:
    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass
class Lexicon:
    countries: dict[str, Country] = field(default_factory=dict)
    country_names: dict[str, tuple[str, bool]] = field(default_factory=dict)  # key -> (code, strict)
    provinces: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (name, unit)
    districts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # key -> [(unit, province)]
    surnames: set[str] = field(default_factory=set)  # tone keys
    roles: dict[str, Role] = field(default_factory=dict)
    organs: dict[str, str] = field(default_factory=dict)
    org_heads: dict[str, OrgHead] = field(default_factory=dict)
    departments: dict[str, str] = field(default_factory=dict)
    known_orgs: dict[str, KnownOrganisation] = field(default_factory=dict)  # any name -> org
    abbreviations: dict[str, str] = field(default_factory=dict)
    # the abbreviations written out inside a body's name ("UBND" -> "Ủy ban nhân dân", "NgV" -> "Ngoại vụ")
    name_abbreviations: dict[str, str] = field(default_factory=dict)
    # abbreviations kept as written, but a name with one and the same name spelled out are one body
    # ("Trường THCS Vĩnh Mỹ A" and "Trường Trung học cơ sở Vĩnh Mỹ A")
    same_abbreviations: dict[str, str] = field(default_factory=dict)
    event_triggers: dict[str, str] = field(default_factory=dict)
    max_words: dict[str, int] = field(default_factory=dict)

    def province_of(self, text: str) -> str | None:
        hit = self.provinces.get(tone_key(text))
        return hit[0] if hit else None

    def province_unit(self, name: str) -> str:
        hit = self.provinces.get(tone_key(name))
        return hit[1] if hit else "tỉnh"


def _rows(name: str) -> list[list[str]]:
    path = LEXICON_DIR / name
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append([normalize_tones(c.strip()) for c in line.rstrip("\n").split("\t")])
    return rows


def _words(text: str) -> int:
    return len(tone_key(text).split())


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read every lexicon file once per process."""
    lex = Lexicon()
    for row in _rows("countries.tsv")[1:]:
        code, vi, en, wd = (row + [""] * 4)[:4]
        lex.countries[code] = Country(code, vi, en, wd)
        if code != "VN":
            lex.country_names.setdefault(tone_key(vi), (code, False))
    lex.countries.setdefault("EU", Country("EU", "Liên minh châu Âu", "European Union", "Q458"))
    for code, alias, strict in _rows("country_aliases.tsv")[1:]:
        lex.country_names[tone_key(alias)] = (code, strict == "1")
    for name, unit, _status in _rows("provinces.tsv")[1:]:
        lex.provinces[tone_key(name)] = (name, unit)
    for alias, province in _rows("province_aliases.tsv")[1:]:
        unit = lex.provinces.get(tone_key(province), (province, "tỉnh"))[1]
        lex.provinces[tone_key(alias)] = (province, unit)
    for name, unit, province in _rows("districts.tsv")[1:]:
        lex.districts.setdefault(tone_key(name), []).append((unit, province))
    lex.surnames = {tone_key(r[0]) for r in _rows("surnames.txt")}
    for row in _rows("roles.tsv"):
        title, kind, shares, stands_for = (row + ["", "", ""])[:4]
        lex.roles.setdefault(tone_key(title), Role(stands_for or title, kind, shares))
    for r in _rows("organs.tsv"):  # an organ, or an abbreviation and the organ it stands for
        lex.organs.setdefault(tone_key(r[0]), r[1] if len(r) > 1 and r[1] else r[0])
    for row in _rows("org_heads.tsv"):
        head, kind, scope, tail, full = (row + [""])[:5]
        lex.org_heads.setdefault(tone_key(head), OrgHead(head, kind, scope, tail, full))
    lex.departments = {tone_key(r[0]): r[0] for r in _rows("departments.tsv")}
    for row in _rows("organisations.tsv"):
        name, kind, aliases = (row + ["", ""])[:3]
        org = KnownOrganisation(name, kind, tuple(a for a in aliases.split("|") if a))
        for n in (name, *org.aliases):
            lex.known_orgs[tone_key(n)] = org
    for row in _rows("abbreviations.tsv")[1:]:
        abbr, exp, use = (row + [""])[:3]
        lex.abbreviations[abbr] = exp
        if use == "name":
            lex.name_abbreviations[abbr] = exp
        elif use == "same":
            lex.same_abbreviations[abbr] = exp
    for trig, kind in _rows("event_triggers.tsv"):
        lex.event_triggers[tone_key(trig)] = kind
    for table in ("country_names", "provinces", "roles", "organs", "org_heads", "departments",
                  "known_orgs", "event_triggers", "districts"):
        setattr(lex, table, Gazetteer(getattr(lex, table)).freeze())
        lex.max_words[table] = max((len(k.split()) for k in getattr(lex, table)), default=1)
    return lex
