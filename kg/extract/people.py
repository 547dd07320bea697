"""Person mentions and the title chains (posts) around them.

Vietnamese names are a family name from surnames.txt and one to three more
capitalised syllables, outside organisation, place and country names; two
syllables need a cue (honorific or title). Foreign names follow an honorific
(ông, bà, Ngài ...) or a title chain ("Đại sứ Lào tại Việt Nam Khamphao
Ernthavanh"). A title chain is a run of posts joined by ",", "–" or "kiêm":
role (roles.tsv) [governing organ (organs.tsv)] [Thường trực] [organisation],
written after the name ("Nguyễn Thị Nghĩa – Phó Bí thư Thường trực Thành ủy,
Chủ tịch Liên hiệp") or before it ("Phó Chủ tịch UBND tỉnh Nguyễn Văn A").
Diplomats get their mission ("Đại sứ quán Lào") as organisation.

Example:
    >>> from kg.ingest import clean
    >>> from kg.lexicon import load_lexicon
    >>> from kg.extract.analysis import analyse
    >>> d = analyse(clean("a", "Tới dự có đồng chí Nguyễn Hòang Giang – Phó Chủ tịch UBND tỉnh Thái Bình."), load_lexicon())
    >>> [(p.person.name, p.title, p.org.name) for p in d.posts]
    [('Nguyễn Hoàng Giang', 'Phó Chủ tịch', 'Ủy ban nhân dân tỉnh Thái Bình')]
"""
from __future__ import annotations

import re

from .analysis import Doc, OrgMention, PersonMention, Post
from .places import PlaceParsing
from .spans import DASHES, longest, surface
from .tokens import Sentence

HONORIFICS = {"đồng chí", "ông", "bà", "ngài", "mr", "mrs", "ms", "madam", "tiến sĩ", "ts", "gs", "pgs",
              "thượng tướng", "đại tướng", "thiếu tướng", "trung tướng", "đại tá", "thượng tá",
              "nhà báo", "nghệ sĩ", "các đồng chí", "giáo sư", "phó giáo sư", "bác sĩ", "luật sư",
              "lãnh tụ", "cố lãnh tụ", "chủ tịch nước", "thủ tướng", "nhà văn", "họa sĩ",
              "tình nguyện viên", "chuyên gia", "giáo viên", "sinh viên", "cựu chiến binh", "nhà sư",
              "linh mục", "doanh nhân", "kiến trúc sư", "kỹ sư", "nhà nghiên cứu", "nhà hoạt động",
              "thầy", "cô", "thầy giáo", "cô giáo", "nhà giáo", "em", "cháu", "chị", "anh"}
# cue words that also name groups ("các tình nguyện viên Nhật Bản", "học sinh, sinh viên Quảng Tây")
_GROUP_CUES = {"tình nguyện viên", "chuyên gia", "giáo viên", "sinh viên", "cựu chiến binh", "doanh nhân",
               "kỹ sư", "nhà nghiên cứu", "nhà báo", "nghệ sĩ"}
_NAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "du", "la", "le", "da", "dos", "das",
                   "bin", "binti", "al", "el", "ter", "ten", "zu", "af"}
_SEPARATORS = {",", "–", "-", "—", "kiêm", ";"}
# a bare title, a comma, then its body: a diplomat's mission, an institution's head's institution
_TITLE_COMMA_BODY = {("diplomat", "DiplomaticMission"), ("institution", "Institution"), ("institution", "NGO"),
                     ("institution", "ForeignOrganisation")}
_FORMER = {"nguyên"}
_QUALIFIER = "thường trực"
_MISSION = {"Đại sứ": "Đại sứ quán", "Đại sứ đặc mệnh toàn quyền": "Đại sứ quán",
            "Tổng Lãnh sự": "Tổng Lãnh sự quán", "Phó Tổng Lãnh sự": "Tổng Lãnh sự quán",
            "Lãnh sự": "Lãnh sự quán", "Lãnh sự danh dự": "Lãnh sự quán"}
# FORMAT rule 6: "Đại sứ đặc mệnh toàn quyền <country>" holds the post "Đại sứ" (the rank is
# part of every ambassador's style, not another post)
_TITLE_AS = {"đại sứ đặc mệnh toàn quyền": "Đại sứ"}
_SYLLABLE = re.compile(r"^(?:[^\W\d_]{1,8}|[A-ZĐ]['’][^\W\d_]{1,8})$")  # "Rơ Mah H'Liên": a Jarai given name
_HIGHLANDS_NAME = re.compile(r"^[A-ZĐ]['’][A-ZĐÀ-Ỹ]\w+$")
_FOREIGN_WORD = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*$")
_NOT_AFTER_NAME_PLACE = {"đường", "phố", "tên", "quảng trường", "hẻm", "ngõ", "trường", "làng", "xã",
                         "công viên", "hồ", "sông", "núi", "chợ", "bến", "cảng", "sân", "đền", "chùa",
                         "đình", "khu", "bản", "thôn", "ấp", "cầu", "đảo", "vịnh", "cửa khẩu", "tàu"}


class _Chains(PlaceParsing):
    def __init__(self, doc: Doc, s: Sentence):
        self.doc, self.s, self.toks, self.lex = doc, s, s.tokens, doc.lex
        self.org_at = {m.i: m for m in doc.orgs if m.sent == s.index}
        self.covered = set()
        for m in doc.orgs:
            if m.sent == s.index:
                self.covered.update(range(m.i, m.j))

    def text(self, i: int, j: int) -> str:
        return surface(self.s.text, self.toks, i, j, self.s.start)

    def role_at(self, k: int):
        hit = longest(self.toks, k, self.lex.roles, self.lex.max_words["roles"])
        return hit

    def chain(self, k: int) -> tuple[list[tuple[str, OrgMention | None, bool, str]], int]:
        """Posts of a title chain starting at token k: ([(title, org, former, role kind)], end)."""
        toks = self.toks
        items: list[tuple[str, OrgMention | None, bool, str]] = []
        while k < len(toks):
            former = False
            m = k
            if toks[m].key in _FORMER:
                former, m = True, m + 1
            # "Tỉnh ủy viên", "Thành ủy viên": Ủy viên of the party committee
            if m + 1 < len(toks) and toks[m + 1].key == "viên" and m in self.org_at \
                    and self.org_at[m].j == m + 1 or (m + 2 < len(toks) and m in self.org_at
                                                      and self.org_at[m].j == m + 2 and toks[m + 2].key == "viên"):
                org = self.org_at[m]
                items.append(("Ủy viên", org, former, "party"))
                k = org.j + 1
            else:
                hit = self.role_at(m)
                if not hit:
                    break
                n, role = hit
                title = role.title
                if not toks[m].cap and not items and role.kind not in ("diplomat",):
                    title = title  # lower-case roles are fine inside a chain
                e = m + n
                org = None
                if e < len(toks) and toks[e].text == "(":
                    close = e + 1  # "Giám đốc quốc gia (Country Director) của HHA": the title in English
                    while close < len(toks) and close - e <= 4 and toks[close].is_word and toks[close].text.isascii():
                        close += 1
                    if close > e + 1 and close < len(toks) and toks[close].text == ")":
                        e = close + 1
                if e + 1 < len(toks) and toks[e].key == "của" and e + 1 in self.org_at \
                        and role.kind in ("institution", "generic"):
                    e += 1  # "Giám đốc ... của HHA"
                shared_at = e - len(role.shares_head.split())  # "Chánh Văn phòng" shares two words
                if role.shares_head and shared_at in self.org_at:
                    org = self.org_at[shared_at]
                    e = org.j
                elif e in self.org_at:
                    org = self.org_at[e]
                    e = org.j
                else:
                    organ = longest(toks, e, self.lex.organs, self.lex.max_words["organs"])
                    if organ and not (e in self.org_at):
                        title = f"{title} {self.lex.organs[' '.join(t.key for t in toks[e:e + organ[0]])]}"
                        e += organ[0]
                    elif e < len(toks) and toks[e].key == _QUALIFIER.split()[0] and e + 1 < len(toks) \
                            and toks[e + 1].key == _QUALIFIER.split()[1]:
                        title, e = f"{title} Thường trực", e + 2
                    if e in self.org_at:
                        org = self.org_at[e]
                        e = org.j
                    elif role.kind == "diplomat":
                        org, e = self.mission(role.title, e)
                    elif role.kind == "foreign":  # "Tỉnh trưởng tỉnh Hủa Phăn": the office's place
                        n_loc, _prov, _unit, place = self.locality(e)
                        if place:
                            # the government the article names for that place ("Chính quyền tỉnh Hủa
                            # Phăn") is the office's body; else the place stays in the title
                            seat = next((o for o in self.doc.orgs if o.name and o.name.endswith(f" {place}")
                                         and o.name.startswith(_FOREIGN_GOVERNMENTS)), None)
                            if seat is not None:
                                org, e = seat, e + n_loc
                            else:
                                title, e = f"{title} {place}", e + n_loc
                title = ("Nguyên " + title) if former else title
                items.append((title, org, former, role.kind))
                k = e
            if k + 2 < len(toks) and toks[k].text == "," and items and items[-1][1] is not None:
                n_loc = self.locality(k + 1)[0]
                if n_loc and k + 1 + n_loc < len(toks) and toks[k + 1 + n_loc].text in DASHES:
                    k += 1 + n_loc  # "UBND phường Kim Liên, quận Đống Đa – Ủy viên": where that body is
            # separators between posts
            if k < len(toks) and toks[k].text == "," and items and items[-1][1] is None \
                    and k + 1 in self.org_at and self.org_at[k + 1].name \
                    and (items[-1][3], self.org_at[k + 1].kind) in _TITLE_COMMA_BODY:
                # "Tùy viên Hợp tác phát triển, Đại sứ quán Australia tại Hà Nội": the body of the title
                org = self.org_at[k + 1]
                items[-1] = (items[-1][0], org, items[-1][2], items[-1][3])
                k = org.j
            if k < len(toks) and toks[k].key in _SEPARATORS and toks[k].text != ";":
                nxt = k + 1
                if nxt < len(toks) and (self.role_at(nxt) or toks[nxt].key in _FORMER
                                        or (nxt in self.org_at and nxt + 1 < len(toks)
                                            and toks[min(self.org_at[nxt].j, len(toks) - 1)].key == "viên")):
                    k = nxt
                    continue
            break
        return items, k

    def mission(self, title: str, e: int) -> tuple[OrgMention | None, int]:
        """'Đại sứ Lào [tại Việt Nam]' -> the mission 'Đại sứ quán Lào' as an organisation."""
        toks = self.toks
        from .orgs import _country_at

        hit = _country_at(self.doc, toks, e)
        if not hit and e + 1 < len(toks) and toks[e].key == "nước" \
                and (hit := _country_at(self.doc, toks, e + 1)):
            e += 1  # "Tổng Lãnh sự nước CHDCND Lào tại Vinh": the country after "nước"
        if not hit and e + 2 < len(toks) and toks[e].key in self.lex.surnames \
                and all(t.cap and t.is_word for t in toks[e:e + 3]):
            return None, e  # "Đại sứ Nguyễn Phương Nga, Chủ tịch VUFO": a rank before a Vietnamese name
        if not hit:
            # "đoàn Tổng Lãnh sự quán Hàn Quốc ... do Ngài Kim Jong-su, Tổng Lãnh sự dẫn đầu": the
            # mission of that rank just named
            word = _MISSION.get(title, "Đại sứ quán") + " "
            named = [m for m in self.doc.orgs if m.kind == "DiplomaticMission" and m.name
                     and m.name.startswith(word) and self.s.index - 1 <= m.sent <= self.s.index
                     and (m.sent < self.s.index or m.j <= e)]
            if not named:  # told further back: the article's only mission of that rank (a foreign
                # name's, not our own mission abroad)
                ours = e < len(toks) and toks[e].key in self.lex.surnames
                named = [m for m in self.doc.orgs if m.kind == "DiplomaticMission" and m.name
                         and m.name.startswith(word) and m.sent < self.s.index
                         and (ours or not m.name.startswith(f"{word}Việt Nam"))]
            headed = {p.org.name for p in self.doc.posts if p.title == title and p.org is not None
                      and p.org.name and not p.former} & {m.name for m in named}
            if len({m.name for m in named}) > 1 and len(headed) == 1:
                # "Đại sứ Ác-man-đô Ma-cha-va": the one mission whose head the article has named
                named = [m for m in named if m.name in headed]
            return (named[-1] if named and len({m.name for m in named}) == 1 else None), e
        n, (code, _strict) = hit
        end = e + n
        written = surface(self.s.text, toks, e, end, self.s.start)
        city = None
        if end + 1 < len(toks) and toks[end].key == "tại":
            at = end + 1
            if toks[at].key in ("tp", "thành", "tỉnh"):
                at += 2 if toks[at].key == "thành" or (at + 1 < len(toks) and toks[at + 1].text == ".") else 1
            place = longest(toks, at, self.lex.provinces, self.lex.max_words["provinces"], need_cap=True) \
                if at < len(toks) else None
            if place:
                city, end = place[1][0], at + place[0]
            elif at < len(toks) and toks[at].key == "việt":
                end = at + 1 + (at + 1 < len(toks) and toks[at + 1].key == "nam")
                city = "Việt Nam"  # as written; the short form is an alias
            elif code == "VN" and (abroad := _country_at(self.doc, toks, at)) and abroad[1][0] != "VN":
                # "Đại sứ Việt Nam tại Cuba": our mission abroad, partner Cuba
                city, end = surface(self.s.text, toks, at, at + abroad[0], self.s.start), at + abroad[0]
                code = abroad[1][0]
            elif at < len(toks) and toks[at].cap and toks[at].key not in self.lex.surnames:
                # a city: "Tổng Lãnh sự Hàn Quốc tại Đà Nẵng", "Tổng Lãnh sự Việt Nam tại Khon Kaen"
                stop = at
                while stop < len(toks) and toks[stop].is_word and toks[stop].cap and stop - at < 3 \
                        and toks[stop].key not in self.lex.surnames:
                    stop += 1
                city, end = surface(self.s.text, toks, at, stop, self.s.start), stop
        word = _MISSION.get(title, "Đại sứ quán")
        name = f"{word} {written}" + (f" tại {city}" if city else "")
        aliases = (f"{word} {written}",) if city == "Việt Nam" else ()
        m = OrgMention(self.s.index, e, end, toks[e].start, toks[end - 1].end,
                       surface(self.s.text, toks, e, end, self.s.start), name, "DiplomaticMission",
                       None, code, aliases, None, True)
        self.doc.orgs.append(m)
        return m, end


def _trigger_bigrams(lex) -> frozenset[str]:
    """Word pairs of the event triggers ("kỷ niệm", "trao tặng"): Vietnamese phrases that a
    capitalised word after a foreign name may begin (made once per lexicon, kept on it)."""
    got = getattr(lex, "_trigger_bigrams", None)
    if got is None:
        pairs = set()
        for phrase in lex.event_triggers:
            words = phrase.split()
            pairs.update(f"{a} {b}" for a, b in zip(words, words[1:]))
        got = frozenset(pairs)
        object.__setattr__(lex, "_trigger_bigrams", got)
    return got


def _name_at(doc: Doc, ch: _Chains, k: int, cue: bool) -> int:
    """End token of a person name starting at k (k itself if none)."""
    toks, lex = ch.toks, doc.lex
    if k >= len(toks) or not toks[k].cap or not toks[k].is_word or k in ch.covered:
        return k
    if longest(toks, k, lex.provinces, lex.max_words["provinces"]) or \
            longest(toks, k, lex.country_names, lex.max_words["country_names"]) or ch.role_at(k):
        if not (toks[k].key in lex.surnames and cue):
            return k
    m = k
    vietnamese = toks[k].key in lex.surnames
    if not vietnamese and toks[k].key in lex.org_heads:
        return k  # "Chủ tịch Hội Yamamoto Kenji": a body's head word opens no foreign name
    pattern = _SYLLABLE if vietnamese else _FOREIGN_WORD
    if toks[k].text.isupper() and len(toks[k].text) > 1:
        return k  # an acronym or an all-caps credit ("THANH NGA"), not a name
    words = 0
    while m < len(toks) and words < (4 if vietnamese else 5):
        t = toks[m]
        if m > k and t.text in ("-", "'", "’") and m + 1 < len(toks) \
                and toks[m - 1].end == t.start == toks[m + 1].start - 1 and toks[m + 1].is_word:
            m += 2  # "Noh-wan", "Hee-jung", "O'Neill"
            continue
        if m > k and not vietnamese and t.text == "." and len(toks[m - 1].text) == 1 and toks[m - 1].cap \
                and m + 1 < len(toks) and toks[m + 1].cap and toks[m + 1].is_word:
            m += 1  # "Michael D. Harrington": a middle initial
            continue
        if m > k and not vietnamese and t.text in _NAME_PARTICLES:
            q = m  # "Pieter van den Berg", "Ana de la Cruz": particles inside a foreign name
            while q < len(toks) and toks[q].text in _NAME_PARTICLES and q - m < 3:
                q += 1
            if q < len(toks) and toks[q].is_word and toks[q].cap and pattern.match(toks[q].text):
                m = q
                continue
            break
        if not (t.is_word and t.cap and pattern.match(t.text)) or m in ch.covered:
            break
        role_here = ch.role_at(m) if m > k else None
        if role_here and vietnamese and role_here[1].title.lower() == "công sứ":
            role_here = None  # "Đinh Công Sứ": a middle name, not the diplomatic rank
        if m > k and (role_here or (t.key in lex.org_heads and
                                        (m - k >= 3 or not vietnamese or m + 1 < len(toks) and toks[m + 1].cap))):
            break
        if m > k and not vietnamese and m + 1 < len(toks) \
                and f"{t.key} {toks[m + 1].key}" in _trigger_bigrams(lex):
            break  # "Annika Lindqvist Kỷ niệm chương": the award, not a third name
        m += 1
        words += 1  # a hyphenated transliteration ("Vla-đi-mia") is one word
    n = m - k
    # "ông K'Brết": a Central Highlands name is one word (K' + name), and a whole name
    highlands = cue and n == 1 and _HIGHLANDS_NAME.match(toks[k].text) is not None
    if n < 2 and not highlands:
        return k
    if vietnamese and n == 2 and not cue:
        return k
    if not vietnamese and not cue:
        return k
    key = " ".join(t.key for t in toks[k:m])
    if key in doc.places and not (k > 0 and toks[k - 1].key in ("ông", "bà", "chí", "ngài")):
        return k  # "Bí thư Huyện ủy Kim Bình": a place the text named with its unit ("huyện Kim Bình")
    if key in lex.provinces or key in lex.country_names or key in lex.districts:
        if not cue or key in lex.country_names or not (k > 0 and toks[k - 1].key in ("ông", "bà", "chí")):
            return k
    if sum(1 for t in toks[k:m] if t.is_word and (t is toks[k] or toks[toks.index(t) - 1].end < t.start)) < 2 \
            and not highlands:  # "ông K'Brết": a Central Highlands name is one word, and whole
        return k  # one word, even hyphenated ("Cô-dơ-lốp"): a short form, not a full name
    city = k > 1 and toks[k - 2].key == "thành" and toks[k - 1].key == "phố"  # a unit, not a street
    if k > 0 and toks[k - 1].key in _NOT_AFTER_NAME_PLACE and not toks[k - 1].cap and not city or \
            (k > 1 and f"{toks[k - 2].key} {toks[k - 1].key}" in _NOT_AFTER_NAME_PLACE):
        return k  # "đường Lê Lợi", "Công viên Hồ Nước Ngọt"
    if k > 0 and (toks[k - 1].key == "chuyên" or toks[k - 1].text.isdigit() and (
            k < 2 or toks[k - 2].text in ("(", ",", "số"))):
        return k  # "Trường THPT chuyên Lê Quý Đôn", "(91 Trần Hưng Đạo, quận Hoàn Kiếm)": a school, an address
    if key in ("việt nam", "việt", "hồ chí minh") and not (k > 0 and toks[k - 1].key in ("chủ tịch", "bác")):
        return k
    return m


def find_persons_and_posts(doc: Doc) -> None:
    """Fill doc.persons and doc.posts from every sentence."""
    for s in doc.sentences:
        _find_in_sentence(doc, s)
        _elected_list_line(doc, s)


_LIST_LINE = re.compile(r"^\s*(?:[-–•+*]|\d+[.)])?\s*([^:;,.]{2,60}?)\s*:\s*")
_ELECTED_BODY = re.compile(r"(?i)\b(bầu|đắc cử|tái cử|kiện toàn)\b")


def _elected_list_line(doc: Doc, s: Sentence) -> None:
    """'- Phó Chủ tịch kiêm Tổng Thư ký: đồng chí X' under 'Đại hội đã bầu Ban Chấp hành Liên hiệp ...':
    the posts in the body the congress elected, for everyone the line names."""
    m = _LIST_LINE.match(s.text)
    if m is None:
        return
    ch = _Chains(doc, s)
    start = next((i for i, t in enumerate(s.tokens) if t.start - s.start >= m.start(1)), None)
    if start is None:
        return
    items, end = ch.chain(start)
    if not items or s.tokens[end - 1].end - s.start > m.end(1) or any(o is not None for _t, o, _f, _k in items):
        return  # not a bare title before the colon
    body = _elected_body(doc, s.index)
    if body is None:
        return
    members = [p for p in doc.persons if p.sent == s.index and p.start - s.start >= m.end()]
    for person in members:
        _attach(doc, person, [(t, body, f, k) for t, _o, f, k in items], s.index)


def _elected_body(doc: Doc, sent: int) -> OrgMention | None:
    """The body an election a few sentences back was of ('Đại hội đã bầu Ban Chấp hành Liên hiệp')."""
    for back in range(sent - 1, max(-1, sent - 8), -1):
        text = doc.sentences[back].text
        if _LIST_LINE.match(text) or not _ELECTED_BODY.search(text):
            continue  # another line of the list ("nguyên Phó Chủ tịch UBND tỉnh (tái cử)")
        bodies = [o for o in doc.orgs if o.sent == back and o.name]
        if bodies:
            return bodies[-1]
    return None


def _find_in_sentence(doc: Doc, s: Sentence) -> None:
    """Persons and posts of one sentence: title chains before and after names."""
    ch = _Chains(doc, s)
    toks = s.tokens
    chains_before: dict[int, list] = {}
    k = 0
    taken: set[int] = set()
    while k < len(toks):
        if k in taken:
            k += 1
            continue
        t = toks[k]
        # a title chain, then maybe a name right after it
        # a title in lower case before a name counts too ("phó chủ tịch UBND tỉnh Y Ngọc Byă"), not a plural
        lower_title = not t.cap and t.is_word and t.key in doc.lex.roles.prefixes and ch.role_at(k) and not (
            k and (toks[k - 1].key in ("các", "những") or toks[k - 1].text.isdigit()))  # "gồm 31 ủy viên"
        items, end = ch.chain(k) if (t.cap or t.key in _FORMER or lower_title) else ([], k)
        if items and _ON_BEHALF.search(s.text, 0, t.start - s.start):
            k = end  # "thừa ủy quyền của Chủ tịch VUFO, đồng chí X trao ...": another's post
            continue
        if items:
            nk = end
            if nk + 1 < len(toks) and toks[nk].key in ("khóa", "nhiệm kỳ", "lần") and toks[nk + 1].is_word:
                nk += 2  # "Chủ tịch Liên hiệp khóa I Đặng Văn Lộc"
            if nk < len(toks) and toks[nk].text == ",":
                nk += 1
            nk2 = nk + _honorific_len(toks, nk)
            name_end = _name_at(doc, ch, nk2, cue=True)
            if name_end > nk2 and _truncated(doc, s, name_end):
                name_end = nk2
            if name_end > nk2:
                person = _person(doc, s, nk2, name_end)
                chains_before[len(doc.persons) - 1] = items
                taken.update(range(k, name_end))
                _attach(doc, person, items, s.index)
                _after(doc, ch, person, name_end, taken)
                k = name_end
                continue
            k = end if end > k else k + 1
            continue
        h = _honorific_len(toks, k)
        if h and k > 0 and " ".join(t.key for t in toks[k:k + h]) in _GROUP_CUES \
                and (toks[k - 1].text == "," or toks[k - 1].key in ("các", "những", "nhiều", "và")):
            h = 0  # "học sinh, sinh viên Quảng Tây": a group from a place, not one person
        after_and = k > 0 and toks[k - 1].key == "và" and k - 2 in taken  # "A và B" after a cued A
        name_end = _name_at(doc, ch, k + h, cue=h > 0 or after_and)
        if name_end == k + h and not h and toks[k].key in doc.lex.surnames:
            # "...; Thạch Dư, Chủ tịch Liên hiệp ...": a two-word name whose titles follow it
            end2 = _name_at(doc, ch, k, cue=True)
            if end2 == k + 2 and end2 + 1 < len(toks) and toks[end2].text in (",", "–", "-") \
                    and ch.role_at(end2 + 1) and (k == 0 or toks[k - 1].text in (";", ":", ",")):
                name_end = end2
        if name_end > k + h and not h and _BORDER_PAIR.search(s.text[:toks[k].start - s.start]):
            name_end = k + h  # "cặp cửa khẩu Ma Lù Thàng – Kim Thủy Hà": the gate across the border
        if name_end > k + h and not _truncated(doc, s, name_end):
            person = _person(doc, s, k + h, name_end)
            taken.update(range(k, name_end))
            _after(doc, ch, person, name_end, taken)
            k = name_end
            continue
        k += 1


# how the press names a foreign province's or county's government
_FOREIGN_GOVERNMENTS = ("Chính quyền ", "Chính quyền nhân dân ", "Chính phủ nhân dân ", "Tổ chức Hành chính ")
_BORDER_PAIR = re.compile(r"(?i)\bcửa khẩu\s+(?:quốc tế\s+|chính\s+|phụ\s+)?[A-ZĐÀ-Ỹ][^,;.()]{0,30}?\s[–-]\s*$")
_ON_BEHALF = re.compile(r"(?i)\b(?:ủy quyền|thừa lệnh|thay mặt)(?:\s+của)?\s*$")
_ELECTED = ("được bầu giữ chức", "được bầu làm", "được bầu là", "được bầu lại làm", "được bầu lại giữ chức",
            "được bầu bổ sung giữ chức", "được bầu bổ sung làm", "được bầu bổ sung",
            "được bầu", "được tái cử giữ chức", "được tái cử làm", "được tái cử", "tái cử chức", "tái cử",
            "được tái bổ nhiệm giữ chức", "được tái bổ nhiệm", "tái đắc cử chức", "tái đắc cử",
            "được bổ nhiệm giữ chức", "được bổ nhiệm làm",
            "được bổ nhiệm", "được phân công giữ chức", "giữ chức", "đảm nhiệm chức")


_ELECTION_ADVERBS = (("tiếp", "tục"), ("lần", "lượt"), ("đã",), ("vừa",), ("cũng",), ("đều",))
# "được Đại hội tín nhiệm bầu giữ chức": who elected, and how, between "được" and "bầu"
_ELECTORS = (("đại", "hội"), ("hội", "nghị"), ("tín", "nhiệm"))


def _words_at(toks, k: int, words) -> bool:
    return k + len(words) <= len(toks) and all(toks[k + n].key == w for n, w in enumerate(words))


def _election_len(toks, k: int) -> int:
    """Words like 'được bầu giữ chức' between a name and the post it is elected to, with the
    adverbs and electors they may carry ('tiếp tục được Đại hội tín nhiệm bầu làm')."""
    start = k
    if _words_at(toks, k, ("tham", "gia")):  # "tham gia Ban Chấp hành, Ban Thường vụ và giữ chức"
        q = k + 2
        while q < len(toks) and q - k < 14 and toks[q].key != "và" and toks[q].text != ";":
            q += 1
        if q < len(toks) and toks[q].key == "và":
            n = _election_len(toks, q + 1)
            if n:
                return q + 1 + n - start
    for _ in range(2):
        adverb = next((a for a in _ELECTION_ADVERBS if _words_at(toks, k, a)), None)
        if adverb is None:
            break
        k += len(adverb)
    if k < len(toks) and toks[k].key == "được":
        q = k + 1
        for words in _ELECTORS:
            if _words_at(toks, q, words):
                q += len(words)
        if q > k + 1 and _words_at(toks, q, ("giữ", "chức")):
            return q + 2 - start  # "được tín nhiệm giữ chức"
        if q > k + 1 and q < len(toks) and toks[q].key == "bầu":
            for phrase in _ELECTED:  # the rest after "được": "bầu giữ chức", "bầu làm", ...
                words = phrase.split()
                if words[0] == "được" and words[1] == "bầu" and _words_at(toks, q, words[1:]):
                    return q + len(words) - 1 - start
    for phrase in _ELECTED:
        words = phrase.split()
        if _words_at(toks, k, words):
            return k + len(words) - start
    return 0


_HONORIFIC_FIRST = {h.split()[0] for h in HONORIFICS}


def _honorific_len(toks, k: int) -> int:
    if k >= len(toks) or toks[k].key.split(" ", 1)[0] not in _HONORIFIC_FIRST:
        return 0  # most tokens: no join (this runs at every token of every sentence)
    if toks[k].text == "Anh":
        return 0  # "anh Kobayashi Haruto" is a young man; "Anh" is England
    for n in (2, 1):
        if k + n <= len(toks) and " ".join(t.key for t in toks[k:k + n]) in HONORIFICS:
            if k + n < len(toks) and toks[k + n].text == ".":
                return n + 1
            return n
    return 0


def _truncated(doc: Doc, s: Sentence, j: int) -> bool:
    """Does the text stop right after token j-1, mid-sentence (a cut article)?"""
    return s.tokens[j - 1].end == len(doc.article.text.rstrip()) and not s.text.rstrip().endswith(
        (".", "!", "?", "…", ")", "\"", "”"))


def _person(doc: Doc, s: Sentence, i: int, j: int) -> PersonMention:
    toks = s.tokens
    text = surface(s.text, toks, i, j, s.start)
    foreign = toks[i].key not in doc.lex.surnames
    p = PersonMention(s.index, i, j, toks[i].start, toks[j - 1].end, text, " ".join(text.split()),
                      foreign)
    doc.persons.append(p)
    return p


def _after(doc: Doc, ch: _Chains, person: PersonMention, k: int, taken: set[int]) -> None:
    """A title chain right after a name: 'X, Phó Chủ tịch ...', 'X – Chủ tịch ...', 'X (Chủ tịch ...)'."""
    toks = ch.toks
    name_end = k
    if not (k < len(toks) and toks[k].text == "(" and _alias_in_parentheses(toks, k)) and \
            k < len(toks) and (toks[k].text in DASHES or toks[k].text in (",", "(", ":")):
        k += 1
    if k < len(toks) and toks[k].key == "đồng" and k + 1 < len(toks) and toks[k + 1].key == "chí":
        k += 1
        k += 1
    if k + 1 < len(toks) and toks[k].key == "tân" and ch.role_at(k + 1):
        k += 1  # "Ngài X, tân Tổng Lãnh sự Malaysia": newly appointed
    close = _alias_in_parentheses(toks, k) if k < len(toks) and toks[k].text == "(" else 0
    if close:
        # "Lưu Chí Cường (Liu Zhiqiang)": the other spelling is an alias of the same person
        doc.aliases.setdefault(person.name, set()).add(surface(ch.s.text, toks, k + 1, close, ch.s.start))
        k = close + 1
        if k < len(toks) and toks[k].text in (",", "–", "-"):
            k += 1
    items, end = ch.chain(k)
    if items and k > name_end and toks[name_end].text == "," and end < len(toks) \
            and toks[end].key in doc.lex.surnames and _name_at(doc, ch, end, cue=True) > end + 1:
        # "Phó Bí thư Tỉnh ủy Nguyễn Văn Được, Chủ tịch UBND tỉnh Trần Văn Cần": the titles after the
        # comma are the next person's, told before that person's name
        return
    if items:
        taken.update(range(k, end))
        if any(o is None and (kind in ("generic", "union") or t == "Ủy viên") for t, o, _f, kind in items):
            body = _listed_election_body(doc, ch.s, person)
            if body is not None:  # "Đại hội đã bầu ...; trong đó: bà X – Phó Giám đốc Sở Ngoại vụ – Phó Chủ tịch"
                organ = _ORGAN_LIST.match(ch.s.text) or _list_intro_organ(doc, ch.s)
                items = [((f"{t} {organ.group(1)}" if organ and t == "Ủy viên" and o is None else t),
                          body if o is None and (kind in ("generic", "union") or t == "Ủy viên") and not f else o,
                          f, kind)
                         for t, o, f, kind in items]  # "D (Ủy viên)" in "Ban Thường vụ gồm ...": of that organ
        _attach(doc, person, items, ch.s.index)
        k = end
    k = max(k, _joined_names_end(doc, ch, k if items else name_end))
    # "X, Giám đốc Sở ..., được bầu giữ chức Chủ tịch Hội", "X được bầu làm Phó Chủ tịch"
    if k < len(toks) and toks[k].text == ",":
        k += 1
    n = _election_len(toks, k)
    if n:
        more, end = ch.chain(k + n)
        if more:
            taken.update(range(k, end))
            _attach(doc, person, more, ch.s.index, elected=True)
    elif k < len(toks) and toks[k].key in ("làm", "giữ") and _ELECTING.search(
            ch.s.text, 0, person.start - ch.s.start) and ch.chain(k + (2 if toks[k].key == "giữ" else 1))[0]:
        # "Ban Chấp hành đã bầu ông A làm Chủ tịch, bà B và ông C làm Phó Chủ tịch": bare posts are
        # of the body elected
        more, end = ch.chain(k + (2 if toks[k].key == "giữ" else 1))
        body = _body_elected(doc, ch.s.index, person.start)
        taken.update(range(k, end))
        _attach(doc, person, [(t, body if o is None and kind in ("generic", "union") and not f else o, f, kind)
                              for t, o, f, kind in more], ch.s.index, elected=True)
    elif k < len(toks) and toks[k].key == "làm":
        body = _led_body(doc, ch.s.index, person)
        more, end = ch.chain(k + 1) if body is not None else ([], k)
        if more and all(o is None and "đoàn" not in t.lower() for t, o, _f, _kind in more):
            # "Hội hữu nghị Việt Nam – Nhật Bản do bà X, Phó Chủ tịch VUFO làm Chủ tịch"
            taken.update(range(k, end))
            _attach(doc, person, [(t, body, f, kind) for t, _o, f, kind in more], ch.s.index)


_ELECTING = re.compile(r"(?i)\b(?:bầu|bầu ra|hiệp thương cử|hiệp thương|cử|tín nhiệm|kiện toàn)\b")
_ELECTION_LIST = re.compile(r"(?i)\b(?:đã bầu|bầu ra|bầu|tái cử|kiện toàn)\b[^.]*?(?:trong đó|gồm)[^.]*?[:;]")
_MEMBER_KINDS = ("FriendshipAssociation", "FriendshipUnion", "MassOrganisation")
_ORGAN_LIST = re.compile(r"\s*(Ban Thường vụ|Ban Chấp hành|Thường trực|Ban Kiểm tra)\b[^:;.]{0,40}\bgồm\b[^:;.]{0,30}:")
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-–•+*])\s+\S")


def _list_intro(doc: Doc, s: Sentence) -> Sentence | None:
    """For a numbered line, the sentence that opens its list (the nearest before it that is no item)."""
    if not _LIST_ITEM.match(s.text):
        return None
    for back in range(s.index - 1, max(-1, s.index - 9), -1):
        if not _LIST_ITEM.match(doc.sentences[back].text):
            return doc.sentences[back]
    return None


def _list_intro_organ(doc: Doc, s: Sentence):
    """For a numbered line, the organ its list's intro names ("Ban Thường vụ Hội khóa III gồm 5 người:")."""
    intro = _list_intro(doc, s)
    return _ORGAN_LIST.match(intro.text) if intro is not None else None


def _body_elected(doc: Doc, sent: int, until: int) -> OrgMention | None:
    """The body an election in sentence ``sent`` is of: the friendship or mass body it names before
    offset ``until``, else the article's own (the one holding the congress)."""
    named = [o for o in doc.orgs if o.sent == sent and o.name and o.start < until and o.kind in _MEMBER_KINDS]
    if named:
        return named[-1]
    own = [o for o in doc.orgs if o.name and o.kind in _MEMBER_KINDS and o.sent < sent
           and (o.locality == doc.locality or doc.locality is None)]
    return own[0] if own else None


def _listed_election_body(doc: Doc, s: Sentence, person: PersonMention) -> OrgMention | None:
    """The body whose officers a sentence lists after its election ("Đại hội đã bầu Ban Chấp hành
    ...; trong đó: ông A – Chủ tịch; bà B – Phó Chủ tịch"): the body named in the election, else
    the article's own association or union (the one holding the congress); None elsewhere."""
    m = _ELECTION_LIST.search(s.text)
    election, until = s, (m.end() if m else 0)
    organ = _ORGAN_LIST.match(s.text)
    if m is None and organ and s.index > 0 and _ELECTED_BODY.search(doc.sentences[s.index - 1].text):
        # "Đại hội đã bầu Ban Chấp hành ... . Ban Thường vụ gồm các ông, bà: A (Chủ tịch), B (...)"
        election, until = doc.sentences[s.index - 1], len(doc.sentences[s.index - 1].text)
    elif m is None and _LIST_ITEM.match(s.text):
        # "1. Ông A, PGĐ Sở NgV – Chủ tịch Hội;" under "... đã bầu Ban Thường vụ; các chức danh như sau:"
        before = _list_intro(doc, s)
        if before is not None and before.text.rstrip().endswith(":") and (
                _ELECTED_BODY.search(before.text)
                # "Đại hội đã bầu Ban Chấp hành … . Ban Thường vụ Hội khóa III gồm 5 người:"
                or (_ORGAN_LIST.match(before.text) and before.index > 0
                    and _ELECTED_BODY.search(doc.sentences[before.index - 1].text))):
            election, until = before, len(before.text)
        if election is s:
            return None
    elif m is None or person.start - s.start < m.end() - 1:
        return None
    return _body_elected(doc, election.index, election.start + until)


def _led_body(doc: Doc, sent: int, person: PersonMention) -> OrgMention | None:
    """The body right before 'do <person>' (not a delegation: its head holds no post)."""
    s = doc.sentences[sent]
    m = re.search(r"\s+do\s+(?:ông|bà|ngài|đồng chí)?\s*$", s.text[:person.start - s.start])
    if m is None:
        return None
    at = s.start + m.start()
    body = next((o for o in doc.orgs if o.sent == sent and o.name and at - 1 <= o.end <= at), None)
    if body is None or body.surface.lower().startswith("đoàn") or \
            re.search(r"(?i)\bđoàn(?:\s+đại biểu|\s+công tác)?\s*(?:của\s+)?$", s.text[:body.start - s.start]):
        return None  # "Đoàn đại biểu Hội X do ông Y làm Trưởng đoàn": a delegation's head
    return body


def _joined_names_end(doc: Doc, ch: _Chains, k: int) -> int:
    """After 'và ông B' / ', bà C và ông D' (names joined to one subject, each maybe with its own
    titles: 'bà A, Phó Giám đốc Sở Ngoại vụ, và ông B được bầu làm Phó Chủ tịch'), the token
    where a shared election would start; k if no joined name, or no election, follows."""
    toks = ch.toks
    end = k
    while end < len(toks) and (toks[end].key == "và" or toks[end].text == ","):
        q = end + 1
        if q < len(toks) and toks[end].text == "," and toks[q].key == "và":
            q += 1
        q += _honorific_len(toks, q)
        name_end = _name_at(doc, ch, q, cue=True)
        if name_end <= q:
            break
        end = name_end
        after = end + 1 if end < len(toks) and toks[end].text == "," else end
        titles, titles_end = ch.chain(after)
        if titles:
            end = titles_end
    if end < len(toks) and toks[end].text == ",":
        end += 1
    return end if end > k and (_election_len(toks, end) or (end < len(toks) and toks[end].key in ("làm", "giữ")
                                                          and _ELECTING.search(ch.s.text))) else k


def _delegation_body(doc: Doc, sent: int, person: PersonMention) -> OrgMention | None:
    """'Đoàn đại biểu <body> ... do ông X, Phó Hội trưởng dẫn đầu': X's post is in <body>."""
    s = doc.sentences[sent]
    before = s.text[:person.start - s.start]
    m = None
    for m in re.finditer(r"\b[Đđ]oàn\b(?=[^;]*\bdo\s+(?:ông|bà|ngài|đồng chí)?\s*$)", before):
        pass  # the last "đoàn" before "do <person>": the delegation this person leads
    after = s.text[person.end - s.start:person.end - s.start + 60]
    if not m or not re.search(r"dẫn đầu|làm trưởng đoàn", after):
        return None
    orgs = [o for o in doc.orgs if o.sent == sent and o.name and s.start + m.start() <= o.start < person.start]
    return orgs[-1] if orgs else None


def _chain_locality(doc: Doc, items) -> list:
    """In 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Luông Pha Băng' the bare 'Tỉnh ủy' is the one of the
    place the chain names, not the article's: re-resolve bare bodies to the chain's written place."""
    from dataclasses import replace

    from .orgs import localise

    anchor = next((o for _t, o, _f, _k in reversed(items) if o is not None and not o.bare and o.place_name),
                  None)
    if anchor is not None:
        place = (anchor.place_unit, anchor.place_name, anchor.locality)
    else:  # "Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Hủa Phăn": a foreign office's place
        written = next((t for t, o, _f, k in reversed(items) if o is None and k == "foreign"
                        and re.search(r" (tỉnh|thành phố) \S", t)), None)
        if written is None:
            return items
        m = re.search(r" (tỉnh|thành phố) (.+)$", written)
        place = (m.group(1), m.group(2), None)
    unit_w, place_name, locality = place
    out = []
    for title, org, former, kind in items:
        if org is not None and org.bare and org.core and org.kind != "FriendshipUnion" \
                and org.locality != place_name:
            unit = unit_w or doc.lex.province_unit(place_name)
            new = replace(org, name=localise(org.core, unit, place_name), bare=False,
                          locality=locality, place_unit=unit_w, place_name=place_name)
            doc.orgs[:] = [new if o is org else o for o in doc.orgs]
            org = new
        out.append((title, org, former, kind))
    return out


def _alias_in_parentheses(toks, k: int) -> int:
    """Index of the ')' of '(Liu Zhiqiang)' at token k when it holds a capitalised name, else 0."""
    close = k + 1
    while close < len(toks) and toks[close].text != ")" and close - k < 8:
        close += 1
    if close < len(toks) and toks[close].text == ")" and close > k + 2 \
            and all(t.cap or not t.is_word for t in toks[k + 1:close]) \
            and not any(t.text == "," for t in toks[k + 1:close]):
        return close
    return 0


def _attach(doc: Doc, person: PersonMention, items, sent: int, elected: bool = False) -> None:
    """Posts of a chain; an organ title without its body takes the next post's (parent) body; a post
    someone is elected to without a body is in the body of the sentence's other elections; a
    delegation leader's bare title is in the body the delegation comes from."""
    items = _chain_locality(doc, items)
    for idx, (title, org, former, kind) in enumerate(items):
        if org is None and elected and not title.lower().startswith(("trưởng đoàn", "phó trưởng đoàn")):
            # the body of the sentence's other elections, never someone's present post
            earlier = [o for s_, o in doc.memo.get("elected", ()) if s_ == sent and o.name]
            if earlier:
                org = earlier[-1]
        if org is None and not title.lower().startswith(("trưởng đoàn", "phó trưởng đoàn")):
            org = _delegation_body(doc, sent, person)
        if org is None and title.split()[-1] not in ("nước",) and kind not in ("state", "diplomat", "foreign"):
            for later in items[idx + 1:]:
                if later[1] is not None:
                    org = later[1].parent or later[1]
                    break
        if org is None and kind not in ("state", "diplomat", "foreign"):
            continue
        if org is None and title.lower().startswith(("trưởng đoàn", "phó trưởng đoàn")):
            continue
        if elected and org is not None:
            doc.memo.setdefault("elected", []).append((sent, org))  # type: ignore[union-attr]
        doc.posts.append(Post(person, _TITLE_AS.get(title.lower(), title), org, former, sent))
