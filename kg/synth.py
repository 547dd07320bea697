"""A synthetic corpus with gold: N articles in the style of the provincial portals.

``synth(n, out, seed)`` writes ``out/articles/*.txt`` and ``out/gold/*.json``
(the shared gold format, /work/shared/eval/FORMAT.md), one pair at a time, so
memory does not grow with N. A seeded ``World`` holds the population: for each
of the 63 provinces its friendship union, party committee, people's committee
and foreign affairs department, the people who lead them and three friendship
associations; the central VUFO; and per partner nation an ambassador and a
friendship association. Articles draw from it, so the same people recur with
the same posts. Each template writes text and gold together, and the gold says
exactly what the text states, read with FORMAT.md's rules (bare "Tỉnh ủy"
resolved to the province, titles split, "chủ trì" gives the chair, a date
without a year takes the stamp's or the reviewed period's year). Pools of
names, partner nations and filler sentences are data in ``data/synth/``.

The same seed gives byte-identical files: every article has its own
``random.Random`` seeded by (seed, index), and only stable hashing is used.

Example:
    >>> w = World(7)
    >>> len(w.provinces)
    63
    >>> name, text, gold = render_article(w, 7, 0)
    >>> gold["article"] == name
    True
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from .text import short_hash

DATA = Path(__file__).resolve().parent.parent / "data"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
VUFO = "Liên hiệp các tổ chức hữu nghị Việt Nam"
BBT = "Ban Bí thư Trung ương Đảng"
MOFA = "Bộ Ngoại giao"
# Gold aliases of the central bodies (FORMAT.md rule 12: other complete names, same in every file).
CENTRAL_ALIASES = {VUFO: ["VUFO"], BBT: ["Ban Bí thư Trung ương Đảng Cộng sản Việt Nam"],
                   MOFA: ["Bộ Ngoại giao Việt Nam"], "Bộ Chính trị": []}
YEARS = range(2010, 2026)
TEMPLATES = ("review", "halfyear", "congress", "ambassador", "delegation", "anniversary",
             "vufo_award", "vufo_ngo")
WEIGHTS = (5, 3, 3, 3, 3, 2, 1, 1)


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / "synth" / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Post:
    title: str  # the bare post (gold title)
    org: str  # the body's full, resolved name (gold organisation)
    text: str  # how the article writes the post


@dataclass
class Person:
    name: str
    posts: list[Post]
    honorific: str = "đồng chí"


@dataclass
class Province:
    name: str
    unit: str  # tỉnh | thành phố
    union: str
    party: str
    ubnd: str
    dofa: str
    chair: Person = None  # type: ignore[assignment]
    vice: Person = None  # type: ignore[assignment]
    ubnd_vice: Person = None  # type: ignore[assignment]
    associations: dict[str, tuple[str, Person]] = field(default_factory=dict)  # code -> (name, chair)


@dataclass(frozen=True)
class Partner:
    code: str
    name: str
    established: int
    given: tuple[str, ...]
    family: tuple[str, ...]


class World:
    """The population every article of one seed draws from."""

    def __init__(self, seed: int):
        rng = random.Random(f"kg-synth-world:{seed}")
        pools = {row[0]: row[1].split(",") for row in _rows("names.tsv")}
        self.bylines = pools["byline"]
        self.filler = {k: [r[1] for r in _rows("filler.txt") if r[0] == k] for k in "gb"}
        self.headlines = [r[0] for r in _rows("headlines.txt")]
        self.partners = {r[0]: Partner(r[0], r[1], int(r[2]), tuple(r[3].split(",")),
                                       tuple(r[4].split(","))) for r in _rows("partners.tsv")}
        self._used: set[str] = set()

        def vn_name() -> str:
            while True:
                female = rng.random() < 0.4
                name = " ".join((rng.choice(pools["surname_top"]),
                                 rng.choice(pools["middle_f" if female else "middle_m"]),
                                 rng.choice(pools["given_f" if female else "given_m"])))
                if name not in self._used:
                    self._used.add(name)
                    return name

        def foreign_name(p: Partner) -> str:
            while True:
                name = f"{rng.choice(p.given)} {rng.choice(p.family)}"
                if name not in self._used:
                    self._used.add(name)
                    return name

        rows = [r for r in csv.reader(open(DATA / "lexicons" / "provinces.tsv", encoding="utf-8"),
                                      delimiter="\t")][1:]
        self.provinces: list[Province] = []
        codes = sorted(self.partners)
        for name, unit, _status in rows:
            party_word = "Thành ủy" if unit == "thành phố" else "Tỉnh ủy"
            pv = Province(name, unit, f"Liên hiệp các tổ chức hữu nghị {unit} {name}",
                          f"{party_word} {name}", f"Ủy ban nhân dân {unit} {name}",
                          f"Sở Ngoại vụ {unit} {name}")
            union_post = Post("Chủ tịch", pv.union, f"Chủ tịch Liên hiệp các tổ chức hữu nghị {unit}")
            party_posts = rng.choice((
                [Post("Phó Bí thư", pv.party, f"Phó Bí thư {party_word}")],
                [Post("Ủy viên Ban Thường vụ", pv.party, f"Ủy viên Ban Thường vụ {party_word}"),
                 Post("Trưởng Ban", f"Ban Tuyên giáo {pv.party}", f"Trưởng Ban Tuyên giáo {party_word}")],
                [Post("Ủy viên Ban Thường vụ", pv.party, f"Ủy viên Ban Thường vụ {party_word}"),
                 Post("Trưởng Ban", f"Ban Dân vận {pv.party}", f"Trưởng Ban Dân vận {party_word}")],
                []))
            pv.chair = Person(vn_name(), party_posts + [union_post])
            pv.vice = Person(vn_name(), [Post("Phó Chủ tịch Thường trực", pv.union,
                                              "Phó Chủ tịch Thường trực Liên hiệp các tổ chức hữu nghị "
                                              f"{unit}")])
            pv.ubnd_vice = Person(vn_name(), [Post("Phó Chủ tịch", pv.ubnd, f"Phó Chủ tịch UBND {unit}")])
            for code in rng.sample(codes, 3):
                assoc = f"Hội hữu nghị Việt Nam – {self.partners[code].name} {unit} {name}"
                post = Post("Chủ tịch", assoc,
                            f"Chủ tịch Hội hữu nghị Việt Nam – {self.partners[code].name} {unit}")
                pv.associations[code] = (assoc, Person(vn_name(), [post]))
            self.provinces.append(pv)
        self.vufo_chair = Person(vn_name(), [Post("Chủ tịch", VUFO, f"Chủ tịch {VUFO}")])
        self.vufo_vice = Person(vn_name(), [Post("Phó Chủ tịch", VUFO, f"Phó Chủ tịch {VUFO}")])
        self.vice_minister = Person(vn_name(), [Post("Thứ trưởng", MOFA, "Thứ trưởng Bộ Ngoại giao")])
        self.ambassadors: dict[str, Person] = {}
        self.foreign_assoc: dict[str, tuple[str, Person]] = {}
        for code in codes:
            p = self.partners[code]
            self.ambassadors[code] = Person(foreign_name(p), [
                Post("Đại sứ", f"Đại sứ quán {p.name}", f"Đại sứ {p.name}")], "ngài")
            assoc = f"Hội hữu nghị {p.name} – Việt Nam"
            self.foreign_assoc[code] = (assoc, Person(foreign_name(p), [
                Post("Chủ tịch", assoc, f"Chủ tịch {assoc}")], "ngài"))


class _Article:
    """Text and gold of one article, written together."""

    def __init__(self, world: World, rng: random.Random, locality: str | None):
        self.w, self.rng, self.locality = world, rng, locality
        self.paras: list[str] = []
        self.persons: dict[str, list[dict[str, str]]] = {}
        self.orgs: dict[str, list[str]] = {}
        self.countries: set[str] = set()
        self.documents: set[str] = set()
        self.events: list[dict[str, str | None]] = []

    def org(self, name: str) -> str:
        aliases = CENTRAL_ALIASES.get(name, [])
        if name.startswith(("Tỉnh ủy ", "Thành ủy ")):  # rule 12: a party committee's formal name
            pv = next(p for p in self.w.provinces if name.endswith(" " + p.name))
            aliases = [f"Ban Chấp hành Đảng bộ {pv.unit} {pv.name}"]
        self.orgs.setdefault(name, aliases)
        return name

    def person(self, p: Person, posts: list[Post] | None = None, honorific: bool = True) -> str:
        """'đồng chí X, post, post': records X and every post the phrase states."""
        posts = p.posts if posts is None else posts
        held = self.persons.setdefault(p.name, [])
        for post in posts:
            entry = {"title": post.title, "organisation": self.org(post.org)}
            if entry not in held:
                held.append(entry)
        titles = "".join(f", {post.text}" for post in posts)
        return f"{p.honorific + ' ' if honorific else ''}{p.name}{titles}"

    def event(self, organiser: str | None, date: str, chair: Person | None, label: str,
              location: str | None = None) -> None:
        self.events.append({"organiser": organiser and self.org(organiser), "date": date,
                            "location": location, "chair": chair.name if chair else None,
                            "label": label})

    def filler(self, k: int = 2, kind: str = "g") -> str:
        return " ".join(self.rng.sample(self.w.filler[kind], k))

    def gold(self, name: str, published: str | None) -> dict:
        return {"article": name, "published": published, "locality": self.locality,
                "persons": [{"name": n, "aliases": [], "positions": ps} for n, ps in self.persons.items()],
                "organisations": [{"name": n, "aliases": a} for n, a in self.orgs.items()],
                "countries": sorted(self.countries), "events": self.events,
                "documents": sorted(self.documents)}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _partners_sentence(a: _Article, pv: Province) -> str:
    names = []
    for code in pv.associations:
        a.countries.add(code)
        names.append(a.w.partners[code].name)
    return (f"Liên hiệp đã tổ chức nhiều hoạt động giao lưu, hữu nghị với nhân dân {names[0]}, "
            f"{names[1]} và {names[2]}.")


def _document(a: _Article, pv: Province | None) -> str:
    choice = a.rng.randrange(4 if pv else 3)
    if choice == 0:
        a.documents.add("04-CT/TW")
        return (f"Chỉ thị số 04-CT/TW của {a.org(BBT)} về tiếp tục đổi mới và nâng cao hiệu quả "
                "công tác đối ngoại nhân dân trong tình hình mới")
    if choice == 1:
        a.documents.add("38-CT/TW")
        return (f"Chỉ thị số 38-CT/TW của {a.org(BBT)} về tiếp tục đổi mới và nâng cao hiệu quả "
                f"hoạt động của {a.org(VUFO)}")
    if choice == 2:
        a.documents.add("12-CT/TW")
        return (f"Chỉ thị số 12-CT/TW của {a.org('Bộ Chính trị')} về tăng cường và nâng cao hiệu quả "
                "hoạt động đối ngoại nhân dân trong tình hình mới")
    code = f"{a.rng.randrange(10, 400)}/KH-UBND"
    a.documents.add(code)
    return f"Kế hoạch số {code} của {a.org(pv.ubnd)} về công tác đối ngoại nhân dân"


def _t_review(a: _Article, pv: Province, d: dt.date, half: bool) -> tuple[str, bool]:
    u = a.org(pv.union)
    if half:
        what = f"Hội nghị sơ kết công tác 6 tháng đầu năm {d.year}"
        rest = ", triển khai nhiệm vụ 6 tháng cuối năm"
    else:
        what = f"Hội nghị tổng kết công tác năm {d.year - 1}"
        rest = f", triển khai nhiệm vụ năm {d.year}"
    venue = f"Trung tâm Hội nghị {pv.unit} {pv.name}"
    a.paras.append(f"{a.rng.choice(('Sáng', 'Chiều'))} {d.day}/{d.month}, tại {venue}, {u} tổ chức "
                   f"{what}{rest}. {_cap(a.person(pv.chair))} chủ trì Hội nghị.")
    a.event(u, d.isoformat(), pv.chair, what, venue)
    a.paras.append(f"Tham dự Hội nghị có {a.person(pv.ubnd_vice)}; đại diện lãnh đạo các sở, ban, "
                   "ngành và các tổ chức thành viên.")
    three = a.rng.sample(a.w.filler["g"], 3)  # distinct sentences around the partners sentence
    a.paras.append(f"{three[0]} {three[1]} {_partners_sentence(a, pv)} {three[2]}")
    a.paras.append(f"Phát biểu tại Hội nghị, đồng chí {pv.ubnd_vice.name} đề nghị Liên hiệp tiếp tục "
                   f"thực hiện hiệu quả {_document(a, pv)}. {a.filler(1)}")
    if a.rng.random() < 0.6:
        a.paras.append(f"Nhân dịp này, {u} trao Giấy khen cho {a.rng.randrange(5, 40)} tập thể và "
                       f"{a.rng.randrange(5, 60)} cá nhân có thành tích xuất sắc.")
    return f"{_cap(u)} {'sơ kết 6 tháng đầu năm' if half else 'tổng kết công tác năm'} " \
           f"{d.year if half else d.year - 1}", False


def _t_congress(a: _Article, pv: Province, d: dt.date) -> tuple[str, bool]:
    code = a.rng.choice(sorted(pv.associations))
    assoc, chair = pv.associations[code]
    a.countries.add(code)
    n = a.rng.randrange(2, 7)
    country = a.w.partners[code].name
    a.paras.append(f"Ngày {d.day}/{d.month}/{d.year}, {a.org(assoc)} tổ chức Đại hội đại biểu lần thứ "
                   f"{('II', 'III', 'IV', 'V', 'VI')[n - 2]}, nhiệm kỳ {d.year}–"
                   f"{d.year + 5}. {_cap(a.person(chair))} chủ trì Đại hội.")
    label = f"Đại hội đại biểu {assoc} nhiệm kỳ {d.year}–{d.year + 5}"
    a.event(assoc, d.isoformat(), chair, label)
    a.paras.append(f"Dự Đại hội có {a.person(pv.chair)}; đại diện {a.org(f'Đại sứ quán {country}')} "
                   f"và {a.org(pv.dofa)}.")
    a.paras.append(f"Nhiệm kỳ qua, Hội đã tổ chức nhiều hoạt động giao lưu, hữu nghị với nhân dân "
                   f"{country}. {a.filler()}")
    a.paras.append(f"Đại hội đã bầu Ban Chấp hành nhiệm kỳ {d.year}–{d.year + 5} gồm "
                   f"{a.rng.randrange(9, 31)} ủy viên; đồng chí {chair.name} tiếp tục được bầu giữ "
                   "chức Chủ tịch Hội.")
    return f"Đại hội {assoc} nhiệm kỳ {d.year}–{d.year + 5}", False


def _t_ambassador(a: _Article, pv: Province, d: dt.date) -> tuple[str, bool]:
    code = a.rng.choice(sorted(a.w.ambassadors))
    amb, country = a.w.ambassadors[code], a.w.partners[code].name
    a.countries.add(code)
    host = pv.ubnd_vice
    a.paras.append(f"{a.rng.choice(('Sáng', 'Chiều'))} {d.day}/{d.month}, "
                   f"{a.person(host)} {pv.name} đã tiếp {a.person(amb)} nhân dịp Đại sứ đến thăm "
                   f"và làm việc tại {pv.unit}.")
    a.event(pv.ubnd, d.isoformat(), host, f"Tiếp Đại sứ {country}")
    a.paras.append(f"Cùng tiếp có {a.person(pv.chair, pv.chair.posts[-1:])} và đại diện lãnh đạo "
                   f"{a.org(pv.dofa)}.")
    years = d.year - a.w.partners[code].established
    a.paras.append(f"Hai bên đã điểm lại những kết quả hợp tác giữa Việt Nam và {country} trong "
                   f"{years} năm qua. {a.filler(2, 'b')}")
    return f"Phó Chủ tịch UBND {pv.unit} tiếp Đại sứ {country}", True


def _t_delegation(a: _Article, pv: Province, d: dt.date) -> tuple[str, bool]:
    code = a.rng.choice(sorted(a.w.foreign_assoc))
    assoc, guest = a.w.foreign_assoc[code]
    a.countries.add(code)
    host = pv.chair
    a.paras.append(f"{a.rng.choice(('Sáng', 'Chiều'))} {d.day}/{d.month}, {a.person(host)} {pv.name} "
                   f"đã tiếp {a.person(guest)}, cùng đoàn công tác đang thăm và làm việc tại {pv.unit}.")
    a.event(pv.union, d.isoformat(), host, f"Tiếp đoàn {assoc}")
    a.paras.append(f"Tham dự buổi tiếp có đại diện {a.org(pv.dofa)}. {a.filler(2, 'b')}")
    a.paras.append(f"Ngài {guest.name} cảm ơn sự đón tiếp chu đáo và mong muốn tăng cường giao lưu "
                   f"giữa nhân dân {a.w.partners[code].name} và nhân dân {pv.unit} {pv.name}.")
    return f"Liên hiệp các tổ chức hữu nghị {pv.unit} tiếp đoàn {assoc}", True


def _t_anniversary(a: _Article, pv: Province, d: dt.date, code: str) -> tuple[str, bool]:
    assoc, chair = pv.associations[code]
    p = a.w.partners[code]
    n = d.year - p.established
    a.countries.add(code)
    u = a.org(pv.union)
    label = f"Lễ kỷ niệm {n} năm Ngày thiết lập quan hệ ngoại giao Việt Nam – {p.name}"
    a.paras.append(f"Sáng {d.day}/{d.month}/{d.year}, {u} phối hợp với {a.org(assoc)} tổ chức {label} "
                   f"({p.established} – {d.year}).")
    a.event(u, d.isoformat(), None, label)
    a.paras.append(f"Tham dự có {a.person(pv.chair)}; {a.person(chair)}. {a.filler(2)}")
    return f"Kỷ niệm {n} năm quan hệ ngoại giao Việt Nam – {p.name}", False


def _t_vufo(a: _Article, d: dt.date, award: bool) -> tuple[str, bool]:
    v = a.org(VUFO)
    if award:
        code = a.rng.choice(sorted(a.w.ambassadors))
        amb = a.w.ambassadors[code]
        a.countries.add(code)
        label = "Lễ trao Kỷ niệm chương \"Vì hòa bình, hữu nghị giữa các dân tộc\""
        a.paras.append(f"Ngày {d.day}/{d.month}/{d.year}, tại Hà Nội, {v} (VUFO) tổ chức {label} tặng "
                       f"{a.person(amb)}, nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam.")
        a.paras.append(f"{_cap(a.person(a.w.vufo_chair))} chủ trì buổi lễ và trao Kỷ niệm chương.")
        a.event(VUFO, d.isoformat(), a.w.vufo_chair, label, "Hà Nội")
        a.paras.append(f"Dự buổi lễ có {a.person(a.w.vufo_vice)}. {a.filler(2)}")
        return f"Trao Kỷ niệm chương tặng Đại sứ {a.w.partners[code].name}", False
    label = "Hội nghị gặp mặt các tổ chức phi chính phủ nước ngoài nhân dịp năm mới"
    a.paras.append(f"Ngày {d.day}/{d.month}/{d.year}, tại Hà Nội, {v} tổ chức {label}. "
                   f"{_cap(a.person(a.w.vufo_chair))} chủ trì Hội nghị.")
    a.event(VUFO, d.isoformat(), a.w.vufo_chair, label, "Hà Nội")
    a.paras.append(f"Dự Hội nghị có {a.person(a.w.vice_minister)}. {a.filler(2)}")
    a.paras.append(f"Các đại biểu đã quán triệt {_document(a, None)}.")
    return f"{_cap(v)} gặp mặt các tổ chức phi chính phủ nước ngoài", False


def _stamp(rng: random.Random, d: dt.date) -> str:
    h, m = rng.randrange(7, 18), rng.randrange(60)
    return rng.choice((f"Print {WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y} {h:02d}:{m:02d}",
                       f"Cập nhật: {h:02d}:{m:02d} {d:%d/%m/%Y}",
                       f"{WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y} - {h:02d}:{m:02d}"))


def render_article(world: World, seed: int, index: int) -> tuple[str, str, dict]:
    """(file name, text, gold) of article ``index`` of the corpus of ``seed``."""
    rng = random.Random(f"kg-synth:{seed}:{index}")
    kind = rng.choices(TEMPLATES, WEIGHTS)[0]
    pv = rng.choice(world.provinces)
    year = rng.choice(YEARS)
    month = {"review": 1, "halfyear": 7}.get(kind) or rng.randrange(1, 13)
    code = rng.choice(sorted(pv.associations))
    if kind == "anniversary":  # a round anniversary in the years of the corpus
        year = rng.choice([y for y in YEARS if (y - world.partners[code].established) % 5 == 0])
    d = dt.date(year, month, rng.randrange(3, 21))
    a = _Article(world, rng, None if kind.startswith("vufo") else pv.name)
    if kind in ("review", "halfyear"):
        title, needs_stamp = _t_review(a, pv, d, kind == "halfyear")
    elif kind.startswith("vufo"):
        title, needs_stamp = _t_vufo(a, d, kind == "vufo_award")
    elif kind == "anniversary":
        title, needs_stamp = _t_anniversary(a, pv, d, code)
    else:
        title, needs_stamp = globals()[f"_t_{kind}"](a, pv, d)
    published = None
    lines = [title]
    if needs_stamp or rng.random() < 0.7:
        pub = d + dt.timedelta(days=rng.randrange(0, 4))
        published = pub.isoformat()
        lines = [_stamp(rng, pub), "", title] if rng.random() < 0.7 else [title, _stamp(rng, pub)]
    lines += [""] + [p for para in a.paras for p in (para, "")] + [rng.choice(world.bylines)]
    if rng.random() < 0.3:
        lines += ["", "Tin khác"] + rng.sample(world.headlines, 2)
    name = f"{index:06d}_{short_hash(str(seed), str(index), length=12)}.txt"
    return name, "\n".join(lines) + "\n", a.gold(name, published)


def synth(n: int, out: str | Path, seed: int = 0) -> int:
    """Write n articles and their gold under ``out``; returns the number written."""
    out = Path(out)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    world = World(seed)
    for i in range(n):
        name, text, gold = render_article(world, seed, i)
        (out / "articles" / name).write_text(text, encoding="utf-8")
        (out / "gold" / (name[:-4] + ".json")).write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return n
