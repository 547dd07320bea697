"""Organisation mentions: a head word from the lexicon, its tail, and its locality.

A mention starts at a known national or foreign body (organisations.tsv) or
at an organisation head (org_heads.tsv: "Sở", "Liên hiệp các tổ chức hữu
nghị", "Đại sứ quán" ...). The head's tail type says what follows: nothing, a
department name, a capitalised name, a partner nation ("Hội hữu nghị Việt Nam
– Lào"), a parent body ("Ban Tuyên giáo Thành ủy"), or a Latin NGO name. Then
a locality may follow ("tỉnh Nghệ An", "Hải Phòng", bare "tỉnh"). A local body
written without its province is the article's own ("Thành ủy" in a Hải Phòng
article is Thành ủy Hải Phòng); one that cannot be resolved gets no name.

Example:
    >>> from kg.ingest import clean
    >>> from kg.lexicon import load_lexicon
    >>> from kg.extract.analysis import analyse
    >>> d = analyse(clean("a", "UBND tỉnh Thái Bình và Sở Ngoại vụ tỉnh."), load_lexicon())
    >>> [m.name for m in d.orgs]
    ['Ủy ban nhân dân tỉnh Thái Bình', 'Sở Ngoại vụ tỉnh Thái Bình']
"""
from __future__ import annotations

import re

from ..legacy import is_syllable
from ..lexicon import load_lexicon
from .analysis import Doc, OrgMention
from .places import (_DISTRICT_UNITS, _UNITS, PlaceParsing, _country_at, _province_at,  # noqa: F401
                     _skip_dash, localise, person_starts)
from .spans import DASHES, longest, surface
from .tokens import Sentence, Token

UNION = "Liên hiệp các tổ chức hữu nghị"
VUFO = "Liên hiệp các tổ chức hữu nghị Việt Nam"
_CONNECTORS = {"và", "&", "các"}
# words before "Tổ chức" that make it the verb ("đã Tổ chức Sinh hoạt ...", in a title-cased line)
_BEFORE_VERB = {"đã", "sẽ", "được", "đang", "vừa", "mới", "cùng", "để", "nhằm", "phối", "hợp", "tỉnh",
                "huyện", "thành", "phố", "hội", "liên", "hiệp"}
# lower-case words that end a name rather than continue it ("Trung tâm Xúc tiến tổ chức ...")
_STOP_LOWER = {"tổ", "tại", "của", "với", "đã", "đang", "sẽ", "là", "có", "được", "và", "cho", "trong",
               "về", "để", "tỉnh", "thành", "huyện", "năm", "ngày", "nhằm", "theo", "do", "thăm", "làm",
               "cũng", "vẫn", "luôn", "cùng", "thì", "mà", "nên", "khi", "từ", "đến", "trên", "vào",
               "nhận", "trao", "tặng", "tiếp", "gặp", "dự", "chủ", "phát", "đề", "nêu", "tham",
               "ở", "thuộc", "nơi"}  # "Trường Hữu nghị Việt – Lào ở huyện X": where it is, not its name
_DISTRICT_COMMITTEES = {"Huyện ủy", "Quận ủy", "Thị ủy", "Huyện đoàn", "Quận đoàn", "Thị đoàn"}
_TWO_WORD_UNITS = {"thành phố", "thị xã", "thị trấn"}
# generic last words of a Latin body's name, which the press drops when it names the body again
_LEGAL_SUFFIXES = {"International", "Foundation", "Organization", "Organisation", "Association", "Inc", "Inc.",
                   "Ltd", "Ltd.", "Corporation", "Worldwide", "Global", "Vietnam", "USA", "Japan", "Korea"}
# heads of a department inside a body, named with that body after it ("Vụ ... Ban Đối ngoại Trung ương")
_UNIT_HEADS = {"Vụ", "Cục", "Phòng"}
# words "Hội" forms with the next syllable (besides the gatherings in event_triggers.tsv)
_HEAD_COMPOUNDS = {"viên", "trường", "nhập", "ngộ", "sở", "trại", "quán", "tụ", "họa", "ý"}
_ELECTION = re.compile(r"\b(bầu|đắc cử|tái cử|được bầu|bầu bổ sung)\b", re.I)
_VENUE_AFTER_TRUNG_TAM = {"hội nghị", "hội chợ", "triển lãm", "hội nghị quốc tế", "hội chợ triển lãm",
                          "hành chính", "hành chính tập trung"}  # buildings, not bodies
_PARENT_HEADS = {"tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "ủy ban nhân dân",
                 "ubnd", "hội đồng nhân dân", "hđnd", "quốc hội", "chính phủ", "đoàn đbqh",
                 "đoàn đại biểu quốc hội", "liên hiệp các tổ chức hữu nghị", "liên hiệp hữu nghị",
                 "ủy ban mặt trận tổ quốc việt nam", "ủy ban mttq việt nam", "ủy ban mttq"}
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9&.'’\-]*$")
# partners shortened only inside a friendship pair ("Việt – Trung"); alone, "Trung" is "central"
_PAIR_SHORT = {"Trung": "CN"}
_FUNCTION_WORDS = {"tại", "của", "với", "và", "cho", "do", "đã", "sẽ", "là", "được", "ở", "trong", "về", "để",
                   "từ", "đến", "theo", "các", "những", "nhằm", "cùng"}
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-zÀ-ÖØ-öø-ÿ0-9&.'’\-]*(?: [A-Za-zÀ-ÖØ-öø-ÿ0-9&.'’\-]+)+$")
_FOREIGN_LETTER = re.compile(r"[äöüßñçëïåøæÄÖÜÑÇ]")
_NOT_PLACE = {"trung ương", "việt nam", "khóa", "nhiệm", "thường", "ban", "đảng"}
_LATIN_LOWER = {"of", "for", "and", "the", "du", "de", "des", "la", "le", "et", "für", "und", "van",
                "der", "den", "in", "on", "to", "y", "e", "del", "di", "nach", "zu", "am", "im", "dos", "das"}



def _expand(words: str) -> str:
    """A name with its abbreviations written out (abbreviations.tsv, those marked "name")."""
    spelled = load_lexicon().name_abbreviations
    return " ".join(spelled.get(w, w) for w in words.split())


def _is_name_word(t: Token) -> bool:
    return t.is_word and (t.cap or t.text.isdigit())



class _Parser(PlaceParsing):
    def __init__(self, doc: Doc, s: Sentence):
        self.doc, self.s, self.toks = doc, s, s.tokens
        self.lex = doc.lex
        self.pending: list[OrgMention] = []  # this sentence's mentions so far (find_orgs)
        self.alias_starts: set[str] = set()  # first words of written aliases (find_orgs sets them)

    def _named_before(self) -> list[OrgMention]:
        """The bodies named before the current token, the nearest last."""
        return [*self.doc.orgs, *self.pending]

    def doc_acronyms(self) -> dict[str, OrgMention]:
        return {a: m for m in self.doc.orgs for a in m.aliases if a.isupper()}

    def text(self, i: int, j: int) -> str:
        return surface(self.s.text, self.toks, i, j, self.s.start)

    def name_tail(self, k: int, latin: bool = False) -> int:
        """End of a name starting at token k: capitalised words, a lower-case syllable right
        after one ("Xúc tiến Đầu tư"), connectors between capitalised words, a final "Việt Nam"."""
        toks = self.toks
        m = k
        place_ends: set[int] = set()
        while m < len(toks):
            t = toks[m]
            if latin:
                if m == k and not (t.text.isascii() or (_FOREIGN_LETTER.search(t.text) or not is_syllable(t.text))
                                   and _LATIN.match(t.text)):
                    break  # a foreign name starts with a plain Latin word ("Ngày hội" is Vietnamese), or one
                    # with letters Vietnamese lacks ("Brücke") or no Vietnamese syllable ("Solidarité")
                if m > k and [x.text for x in toks[m:m + 4]] == ["e", ".", "V", "."]:
                    m += 4  # "Brücke nach Quang Nam e.V.": a German association's legal form
                    break
                if t.is_word and _LATIN.match(t.text) and (t.cap or t.text.isdigit()
                                                            or (m > k and t.text in _LATIN_LOWER)):
                    m += 1
                    continue
                if t.text == "-" and m > k and m + 1 < len(toks) and toks[m - 1].end == t.start \
                        and t.end == toks[m + 1].start and toks[m + 1].is_word:
                    m += 2  # "Hauts-Plateaux"
                    continue
                break
            country = _country_at(self.doc, toks, m)
            if country and country[1][1] and m > k and toks[m - 1].is_word and toks[m - 1].cap \
                    and toks[m - 1].key not in ("việt", "nam") and is_syllable(toks[m - 1].text):
                country = None  # "Trường THCS Vĩnh Mỹ A", "xã Hòa Mỹ": a Vietnamese place's word, not a nation
            pair = self._friendship_pair(m, country)
            if pair:  # "Bệnh viện Hữu nghị Việt Nam – Cuba Đồng Hới", "Trường Hữu nghị Việt – Lào"
                m = pair
                continue
            if country and country[1][0] == "VN":
                return m + country[0]
            if _province_at(self.doc, toks, m) or country:
                if m == k:
                    m += (_province_at(self.doc, toks, m) or country)[0]
                    place_ends.add(m - 1)
                    continue
                break
            if m > k and person_starts(toks, m, self.lex.surnames) and not (
                    toks[m - 1].text in ("TNHH", "CP", "MTV") or toks[m - 1].key in ("phần", "chuyên")):
                break  # a person's name after the body's name ("Quỹ Hanul Kim Mi-young"); but a company's
                # name follows its legal form ("Công ty TNHH Hoa Hồng Balkan")
            if (t.key in _UNITS or t.key in _DISTRICT_UNITS) and not (
                    t.key == "xã" and m + 1 < len(toks) and toks[m + 1].key == "hội"):
                break  # a locality ends the name; "xã hội" (social) is no commune
            if m + 1 < len(toks) and f"{t.key} {toks[m + 1].key}" in _TWO_WORD_UNITS:
                break  # "... Việt Nam Thành phố": the city (capitalised in Hồ Chí Minh City's press)
            if _is_name_word(t):
                m += 1
                continue
            if t.key == "chuyên" and m and toks[m - 1].cap and m + 1 < len(toks) and toks[m + 1].cap:
                m += 1  # "Trường THPT chuyên Lê Quý Đôn": a specialised school, its namesake after
                continue
            if t.is_word and t.text.islower() and is_syllable(t.text) and t.key not in _LATIN_LOWER and m > k \
                    and toks[m - 1].text.isascii() and toks[m - 1].cap and not is_syllable(toks[m - 1].text):
                break  # "Công ty TNHH Daesung Vina mong muốn ...": Vietnamese words do not go on a foreign name
            if t.is_word and t.text.islower() and m > k and t.key not in _CONNECTORS \
                    and (toks[m - 1].cap or (m - 2 >= k and toks[m - 2].cap and toks[m - 1].is_word)) \
                    and t.key not in _STOP_LOWER and m - 1 not in place_ends and self._goes_on(m + 1):
                m += 1  # "Xúc tiến Đầu tư", "Xuất nhập khẩu Lam Sơn"
                continue
            if t.is_word and t.text.islower() and (m > k or t.key == "các") \
                    and (t.key not in _STOP_LOWER or t.key == "các"):
                # lower-case words run on only up to a locality: "Trung tâm Xúc tiến đầu tư tỉnh"
                e = m
                while e < len(toks) and e - m < 6 and toks[e].is_word \
                        and (toks[e].text.islower() or self.lex.name_abbreviations.get(toks[e].text, "A").islower()) \
                        and toks[e].key not in _UNITS and (toks[e].key not in _STOP_LOWER or toks[e].key == "các"):
                    # ("các KCN tỉnh": an abbreviation of lower-case words is one of them)
                    e += 1
                if e < len(toks) and e > m and (toks[e].key in _UNITS or _province_at(self.doc, toks, e)):
                    m = e
                    continue
                if e + 1 < len(toks) and e > m and f"{toks[e].key} {toks[e + 1].key}" in _TWO_WORD_UNITS:
                    m = e  # "Hiệp hội Giao lưu quốc tế thành phố Kamogawa": up to the city
                    continue
            if t.text.lower() in _CONNECTORS and m > k and m + 1 < len(toks) and _is_name_word(toks[m + 1]) \
                    and not longest(toks, m + 1, self.lex.org_heads, self.lex.max_words["org_heads"]):
                m += 1
                continue
            if t.text in DASHES and m > k and m + 1 < len(toks) and toks[m + 1].cap and toks[m + 1].is_word \
                    and not longest(toks, m + 1, self.lex.roles, self.lex.max_words["roles"]) \
                    and not _country_at(self.doc, toks, m + 1) and toks[m + 1].key not in self.lex.surnames:
                m += 1  # "Trung tâm Văn hóa – Nghệ thuật"
                continue
            break
        return m

    def _friendship_pair(self, m: int, country) -> int:
        """End of "Việt Nam – <partner>" / "Việt – <partner>" (or the partner first) right after
        "Hữu nghị" in a name, or 0."""
        toks = self.toks
        if m < 2 or (toks[m - 2].key, toks[m - 1].key) != ("hữu", "nghị"):
            return 0
        if country and country[1][0] == "VN":
            after = m + country[0]
        elif toks[m].key == "việt":
            after = m + 1
        elif country:  # the partner first: "Câu lạc bộ Hữu nghị Nga – Việt", "Pháp – Việt Nam"
            after = m + country[0]
            if after + 1 < len(toks) and toks[after].text in DASHES:
                home = _country_at(self.doc, toks, after + 1)
                if home and home[1][0] == "VN":
                    return after + 1 + home[0]
            return 0
        else:
            return 0
        if after + 1 >= len(toks) or toks[after].text not in DASHES:
            return 0
        partner = _country_at(self.doc, toks, after + 1)
        return after + 1 + partner[0] if partner and partner[1][0] != "VN" else 0

    def _goes_on(self, m: int) -> bool:
        """After a lower-case syllable inside a name, does the name (or the phrase) go on or end cleanly?
        ("Xúc tiến Đầu tư", "Cổ phần Xuất nhập khẩu Lam Sơn" go on; "Nha Trang duy trì" does not.)"""
        toks = self.toks
        if m >= len(toks):
            return True
        t = toks[m]
        if (not t.is_word or t.cap or t.key in _CONNECTORS or t.key in _STOP_LOWER
                or t.key in _UNITS or t.key in _DISTRICT_UNITS):
            return True
        nxt = toks[m + 1] if m + 1 < len(toks) else None
        return nxt is not None and nxt.is_word and nxt.cap and t.key not in _STOP_LOWER

    def lower_tail(self, k: int) -> int:
        """'Hội hữu nghị đối ngoại nhân dân tỉnh Vân Nam': lower-case words up to a locality."""
        toks = self.toks
        e = k
        while e < len(toks) and e - k < 5 and toks[e].is_word and toks[e].text.islower() \
                and toks[e].key not in _UNITS and toks[e].key not in _STOP_LOWER:
            e += 1
        if e < len(toks) and (toks[e].key in _UNITS or _province_at(self.doc, toks, e)):
            return e
        return k

    def written_alias(self, i: int) -> list[OrgMention]:
        """'KoCham Bình Dương' after 'Hiệp hội ... (KoCham Bình Dương)': the body named so before."""
        toks = self.toks
        for m in reversed(self.doc.orgs):
            for alias in _said_names(m):
                words = alias.split()
                if words[0] == toks[i].text and not alias.isupper() and m.name \
                        and [t.text for t in toks[i:i + len(words)]] == words:
                    return [self.mention(i, i + len(words), m.name, m.kind, m.locality, m.country, ())]
        return []

    def department_list(self, i: int) -> list[OrgMention]:
        """'các sở: Ngoại vụ, Kế hoạch và Đầu tư, Y tế': one department of the article's province per
        name listed after "các sở" (", ngành") and a colon."""
        toks, lex, province = self.toks, self.lex, self.doc.locality
        k = i + 1
        if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].key == "ngành":
            k += 2
        if province is None or k >= len(toks) or toks[k].text != ":":
            return []
        found, k = [], k + 1
        while k < len(toks):
            dept = longest(toks, k, lex.departments, lex.max_words["departments"], need_cap=True)
            if not dept:
                break
            end = k + dept[0]
            if end < len(toks) and toks[end].text not in (",", ";", ".", "và"):
                break  # "Ngoại vụ tỉnh ...": not a bare name in a list
            core = f"Sở {self.text(k, end)}"
            m = self.mention(k, end, localise(core, self.lex.province_unit(province), province), "StateBody",
                             province, None, ())
            m.core, m.bare = core, True
            found.append(m)
            k = end + 1 if end < len(toks) and toks[end].text in (",", "và") else len(toks)
        return found if len(found) >= 2 else []

    def parse_at(self, i: int) -> list[OrgMention]:
        toks, lex, doc = self.toks, self.lex, self.doc
        if toks[i].text == "sở" and i and toks[i - 1].key == "các":
            return self.department_list(i)
        if toks[i].text in self.alias_starts:
            got = self.written_alias(i)
            if got:
                return got
        acr = self.doc_acronyms().get(toks[i].text) if toks[i].text.isupper() and len(toks[i].text) > 1 else None
        if acr is not None:
            # "Chủ tịch LHHN tỉnh Đinh Thị Hồng Vân": the bare "tỉnh" (or the body's own
            # province) after an acronym is part of it, not the start of what follows
            end = i + 1
            n_loc, province, _unit, district = self.locality(end)
            if n_loc and not district and (province == "" or province == acr.locality):
                end += n_loc
            return [self.mention(i, end, acr.name, acr.kind, acr.locality, acr.country, ())]
        key = toks[i].key
        known = longest(toks, i, lex.known_orgs, lex.max_words["known_orgs"]) \
            if key in lex.known_orgs.prefixes else None
        head = longest(toks, i, lex.org_heads, lex.max_words["org_heads"]) \
            if key in lex.org_heads.prefixes else None
        if known and toks[i].cap and (not head or known[0] >= head[0]):
            n, org = known
            j = i + n
            if org.name == "Chính phủ" and [t.key for t in toks[j:j + 3]] == ["và", "nhân", "dân"]:
                return []  # "Chính phủ và nhân dân Cuba": a nation thanked, not a body named
            country = _country_at(doc, toks, j)
            if country and country[1][0] != "VN" and org.kind in ("StateBody", "PartyCommittee"):
                # "Chính phủ Hoa Kỳ", "Bộ Ngoại giao Lào": the partner's own body
                end = j + country[0]
                return [self.mention(i, end, f"{org.name} {self.text(j, end)}", "ForeignOrganisation",
                                     None, country[1][0], ())]
            if org.name.endswith("Đảng") and j < len(toks) and toks[j].cap and toks[j].is_word:
                end = self.name_tail(j)
                tail_country = _country_at(doc, toks, end)
                if end > j and tail_country and tail_country[1][0] != "VN":
                    end += tail_country[0]
                if end > j:
                    name = f"{org.name} {self.text(j, end)}"
                    code = next((c for c in (_country_at(doc, toks, x) for x in range(j, end)) if c), None)
                    if code and code[1][0] != "VN":
                        return [self.mention(i, end, name, "ForeignOrganisation", None, code[1][0], ())]
            j, aliases = self.acronym(j, ())
            if org.kind == "ForeignOrganisation":
                n_loc, province, unit, place = self.locality(j)
                if not place and province == "" and unit:
                    place = self._foreign_place_before(i, unit)  # "... tỉnh Khăm Muồn do ... Ủy ban ... tỉnh"
                if place:
                    return [self.mention(i, j + n_loc, f"{org.name} {place}", org.kind, None, None, ())]
            return [self.mention(i, j, org.name, org.kind, None, None, aliases + org.aliases)]
        if not head:
            return []
        n, h = head
        if h.head == "Báo" and (len(toks) < 10 or re.match(r"(?i)\s*(nguồn|theo)\b", self.s.text)
                                or (i and toks[i - 1].text in DASHES)):
            return []  # "Nguồn: Báo Nghệ An điện tử", "Khánh Nam – Báo Sóc Trăng": the outlet credited
        place = longest(toks, i, lex.districts, lex.max_words["districts"], need_cap=True)
        if place and place[0] > n:
            return []  # "Hội An" is a city, not a "Hội"
        if not toks[i].cap and h.tail != "latin" and not (len(h.head.split()) >= 3 and h.kind == "StateBody") \
                and not (i > 0 and toks[i - 1].key in ("trưởng", "phó") and h.head in ("Ban", "Ban Dân tộc",
                                                                                  "Đoàn ĐBQH")
                         or i > 0 and toks[i - 1].key == "trưởng" and toks[i].key == "ban"
                         # "Trưởng phòng Giáo dục và Đào tạo huyện": the role shares the department's head
                         or i > 0 and toks[i - 1].key == "trưởng" and toks[i].key == "phòng"
                         and i + 1 < len(toks) and toks[i + 1].cap) \
                and not (h.kind == "FriendshipAssociation" and h.head != "Hội"
                         and (_country_at(doc, toks, i + n) or (None, ("", 0)))[1][0] == "VN"):
            # lower case: a common noun ("các trường đại học"); but "đoàn Đại biểu Quốc hội",
            # "các hội hữu nghị Việt Nam – Lào, Việt Nam – Nga" name bodies
            return []
        j = i + n
        if h.scope in ("local", "district") and j + 1 < len(toks) and toks[j].key == "các" \
                and (toks[j + 1].key in _UNITS or toks[j + 1].key in _DISTRICT_UNITS
                     or toks[j + 1].key in ("địa", "cấp", "thành")):
            k = j + 3 if toks[j + 1].key in ("địa", "thành") else j + 2
            if k >= len(toks) or not (toks[k].is_word and toks[k].cap):
                return []  # "UBND các quận, huyện", "Hội Nông dân các cấp": every such body, none named
        core = h.full or _expand(h.head if len(h.head.split()) > 1 else self.text(i, j))
        core = core[:1].upper() + core[1:]  # "Trưởng phòng Giáo dục ...": the body is "Phòng Giáo dục ..."
        kind, country = h.kind, None
        if h.tail == "none" and h.kind == "MassOrganisation" and j < len(toks) and toks[j].cap \
                and toks[j].is_word and not _province_at(doc, toks, j) and not _country_at(doc, toks, j) \
                and toks[j].key not in lex.surnames and toks[j].key not in lex.org_heads \
                and not longest(toks, j, lex.roles, lex.max_words["roles"]) \
                and not self.locality(j)[0]:  # "Ủy ban MTTQ Việt Nam Thành phố": the city's
            end = self.name_tail(j)  # "Hội Cựu chiến binh Hải quân Cam Ranh": a body of its own name,
            if self._person_at(j):
                return self.anaphor(i, j, h)  # "Chủ tịch Hội Yamamoto Kenji": a person
            core, j = f"{core} {self.text(j, end)}", end  # not the province's branch
            return [self.mention(i, j, core, kind, None, None, ())]
        if h.tail == "bare":
            if j < len(toks) and toks[j].key in ("tỉnh", "các") and j + 1 < len(toks) \
                    and toks[j + 1].key in ("bạn", "thành viên"):
                return []
            core = UNION
        elif h.kind == "FriendshipUnion":
            core = UNION
        elif h.tail == "country" and h.kind == "DiplomaticMission" and j + 1 < len(toks) \
                and toks[j].key == "các" and toks[j + 1].key == "nước":
            return self.mission_plural(i, j + 2, h)
        elif h.tail == "country":
            got = self.country_tail(j, h)
            abroad = self.abroad_tail(j) if got is None else None
            if abroad is not None:  # "Hội người Việt Nam tại Grenoble (Pháp)"
                end, code = abroad
                return [self.mention(i, end, self.text(i, end), "ForeignOrganisation", None, code, ())]
            if got is None:
                if j < len(toks) and toks[j].is_word and (toks[j].cap or (len(h.head.split()) > 1
                                                                       and h.kind == "FriendshipAssociation")) \
                        and not (toks[j].cap and toks[j].key in lex.org_heads):
                    if not toks[j].cap and toks[j].key in ("hai", "ba", "các", "những", "nhiều"):
                        return []  # "Hội hữu nghị hai tỉnh": the two provinces' associations, none named
                    end = self.name_tail(j) if toks[j].cap else self.lower_tail(j)
                    if end == j or (toks[j].cap and self._person_at(j)):
                        return self.anaphor(i, j, h)  # "Chủ tịch Hội Yamamoto Kenji": a person
                    core, j = self.text(i, end), end
                    kind = "MassOrganisation" if h.head == "Hội" else kind
                else:
                    return self.anaphor(i, j, h)
            else:
                j, core_tail, country, more = got
                # "Hội Việt – Mỹ" is that society's name as written (rule 15), not "Hội hữu nghị"
                core = f"{core} {core_tail}"
                if more:
                    return self.plural(i, j, core, more, h, country)
                districts = self.district_list(j)
                if districts:
                    return [self.mention(i, e, f"{core} {unit} {name}", kind, None, country, ())
                            for unit, name, e in districts]
                if h.kind == "FriendshipAssociation" and (_country_at(doc, toks, i + n) or (0, ("",)))[1][0] != "VN":
                    # the partner's own association ("Hội hữu nghị Lào – Việt Nam"): not a local body
                    n_loc, _p, _u, place = self.locality(j)
                    if place:
                        core, j = f"{core} {place}", j + n_loc
                    return [self.mention(i, j, core, "ForeignOrganisation", None, country, ())]
        elif h.tail == "dept":
            dept = longest(toks, j, lex.departments, lex.max_words["departments"], need_cap=True)
            if dept:
                end = j + dept[0]
            else:
                end = self.name_tail(j)
            if end == j:
                if toks[i].cap and (j >= len(toks) or not toks[j].cap):
                    # "Giám đốc Sở trình bày": the department just named ("Sở Ngoại vụ")
                    near = [m for m in self._named_before() if m.name and m.name.startswith(f"{h.head} ")
                            and m.sent >= self.s.index - 2]
                    if near and len({m.name for m in near}) == 1:
                        m = near[-1]
                        return [self.mention(i, j, m.name, m.kind, m.locality, m.country, ())]
                return []
            core, j = _expand(self.text(i, end)), end
            core = core[:1].upper() + core[1:]  # "Trưởng phòng Giáo dục ..." names "Phòng Giáo dục ..."
            within = self._unit_of(i, j) if h.head in _UNIT_HEADS else []
            if within:
                return within
            foreign = _country_at(doc, toks, j)
            if foreign and foreign[1][0] != "VN" and h.scope != "national":
                # "Phòng Thương mại Israel – Việt Nam": a chamber of that country, maybe paired with ours
                end = j + foreign[0]
                end = self.with_our_side(end)
                after, aliases = self.acronym(end, ())
                return [self.mention(i, after, f"{core} {self.text(j, end)}", "ForeignOrganisation", None,
                                     foreign[1][0], aliases)]
            if foreign and foreign[1][0] != "VN" and h.scope == "national":
                end = j + foreign[0]  # "Bộ Ngoại giao Lào", "Bộ Nông Lâm Thủy sản Nhật Bản"
                return [self.mention(i, end, f"{core} {self.text(j, end)}", "ForeignOrganisation", None,
                                     foreign[1][0], ())]
        elif h.tail == "party":
            end = j
            dept = longest(toks, j, lex.departments, lex.max_words["departments"], need_cap=True)
            if dept and h.head in ("Văn phòng",):
                end = j + dept[0]
            parent = self.parse_parent(end)
            if parent is None and h.head == "Ban Tổ chức" and not toks[i + 1].cap:
                return []  # "Ban tổ chức trao học bổng": a gathering's organising committee
            if parent is None and h.full:
                # "Trưởng Ban Châu Mỹ" in a VUFO article: a department only that body has
                return [self.mention(i, end, h.full, h.kind, None, None, (self.text(i, end),))]
            if parent is None:
                after_role = i > 0 and toks[i - 1].key in ("trưởng", "phó")  # "Phó Trưởng ban Dân tộc tỉnh"
                if not (toks[i].cap or after_role) or \
                        (h.head == "Văn phòng" and not (end > j and self.locality(end)[0])):
                    return []
                core, j = _expand(self.text(i, end)), end
                core = core[:1].upper() + core[1:]  # "Phó Trưởng ban Dân tộc" names "Ban Dân tộc"
            else:
                name = f"{_expand(self.text(i, end))} {parent.name}" if parent.name else None
                if parent.name == "Trung ương":
                    name = f"{_expand(self.text(i, end))} Trung ương"
                return [self.mention(i, parent.j, name, h.kind if parent.kind != "FriendshipUnion"
                                     else "FriendshipUnion", parent.locality, None, (), parent)]
        elif h.tail in ("name", "latin"):
            latin = h.tail == "latin" or (j < len(toks) and _LATIN.match(toks[j].text or "") is not None
                                          and h.kind == "NGO")
            if latin and j + 3 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")" \
                    and toks[j + 1].text.isupper():
                j += 3  # "tổ chức phi chính phủ (NGO) Highland Hope Australia": a gloss of the head
            if latin and j < len(toks) and toks[j].text in lex.abbreviations:
                return []  # "tổ chức PCPNN": an abbreviation, no name
            if latin and j + 1 < len(toks) and toks[j].text.isascii() and is_syllable(toks[j].text) \
                    and toks[j + 1].is_word and toks[j + 1].text.islower() and not toks[j + 1].text.isascii():
                # "tổ chức Sinh hoạt chuyên đề": a Vietnamese word without marks, then Vietnamese; but
                # "Tổ chức Di cư Quốc tế" (the head capitalised, not after "đã") is a name in title case
                end = self._title_case_end(j) if toks[i].cap and not (i and toks[i - 1].key in _BEFORE_VERB) else j
                if end == j:
                    return []
                _after, aliases = self.acronym(end, ())
                return [self.mention(i, end, self.text(i, end), h.kind, None, None, aliases)]
            if h.kind == "NGO" and h.head.lower() == "tổ chức" and \
                    longest(toks, j, lex.event_triggers, lex.max_words["event_triggers"]):
                return []  # "tổ chức Giao lưu với ...": the verb and the gathering it organises
            named = self.doc_acronyms().get(toks[j].text) if latin and j < len(toks) else None
            if named is not None:  # "Giám đốc tổ chức MCF": the body named before in full
                return [self.mention(i, j + 1, named.name, named.kind, named.locality, named.country, ())]
            abroad = self.abroad_tail(j) if h.head.startswith(("Hiệp hội", "Câu lạc bộ")) else None
            if abroad is not None:  # "Hiệp hội Doanh nghiệp Hàn Quốc tại Bình Dương"
                end, code = abroad
                _after_parens, aliases = self.acronym(end, ())
                return [self.mention(i, end, self.text(i, end), "ForeignOrganisation", None, code, aliases)]
            end = self.name_tail(j, latin=latin)
            if latin and end == j and toks[i].cap and j < len(toks) and toks[j].cap and toks[j].is_word:
                # "Tổ chức Hợp tác Quốc tế Nhật Bản (JICA)": a Vietnamese rendering, with its
                # country or acronym after it
                e2 = self._lower_to_country(self.name_tail(j))
                abroad = self.locality(e2) if e2 > j else (0, None, None, "")
                if e2 > j and (_country_at(doc, toks, e2) or (e2 + 2 < len(toks) and toks[e2].text == "("
                                                              and toks[e2 + 1].text.isascii()
                                                              and toks[e2 + 1].cap)
                               or (abroad[0] and abroad[1] is None and abroad[3])):
                    end, latin = e2, False  # ... or a foreign place: "Tổ chức Hành chính tỉnh Ubon Ratchathani"
                else:  # "Tổ chức Tầm nhìn thế giới (World Vision)"
                    rendered = self.rendering(i, j, h)
                    if rendered:
                        return rendered
            elif latin and end == j and j < len(toks) and toks[j].cap and toks[j].is_word:
                rendered = self.rendering(i, j, h)
                if rendered:
                    return rendered
            elif not latin and end > j:
                end = self._lower_to_country(end)  # "Quỹ Giao lưu quốc tế Nhật Bản"
                end = self._lower_to_acronym(end)
            if end == j and not latin and toks[i].cap and (j >= len(toks) or not toks[j].cap):
                # a bare "Hiệp hội", "Quỹ" after its full name: the body last named so
                for m in reversed(self._named_before()):
                    if m.name and m.name.startswith(f"{_expand(h.head)} "):
                        return [self.mention(i, j, m.name, m.kind, m.locality, m.country, ())]
            if end == j and (latin or len(h.head.split()) < 2):
                n_loc, _p, _u, place = self.locality(j)
                if place and not latin and toks[j].key in _DISTRICT_UNITS:
                    m = self.mention(i, j + n_loc, f"{_expand(h.head)} {place}", h.kind, None, None, ())
                    m.core = _expand(h.head)
                    return [m]
                return []
            if h.head == "Trung tâm" and i > 1 and toks[i - 1].key in ("hóa", "hoá") \
                    and toks[i - 2].key == "văn":
                return []  # "Nhà Văn hóa Trung tâm tỉnh": a venue's name goes on
            if h.head == "Trung tâm" and any(" ".join(t.key for t in toks[j:j + len(v.split())]) == v
                                             for v in _VENUE_AFTER_TRUNG_TAM):
                return []  # "Trung tâm Hội nghị 2/4": a venue, whatever its name
            if h.kind == "ForeignOrganisation":
                name_key = " ".join(t.key for t in toks[i:end])
                if "việt nam" in name_key:
                    kind = "PartyCommittee"
            if h.head.startswith(("Trường", "Khoa", "Viện")) and end + 2 < len(toks) and toks[end].text in (",", "–", "-") \
                    and toks[end + 1].key in ("đại", "học") and toks[end + 2].key == "học":
                end = self.name_tail(end + 1)  # "Trường Đại học Ngoại ngữ, Đại học Huế"
            core = self.text(j, end) if latin and h.tail == "latin" or (latin and h.kind == "NGO") \
                else _expand(self.text(i, end))
            j = end
            within = self._unit_of(i, j) if h.head in _UNIT_HEADS else []
            if within:
                return within
            foreign = _country_at(doc, toks, j)
            if foreign and foreign[1][0] != "VN" and not latin:
                end = j + foreign[0]
                end = self.with_our_side(end)  # "Tổ chức Hợp tác phát triển Na Uy – Việt Nam (NOVIDEV)"
                n_loc, _p, _u, region = self.locality(end)
                if region and region.split()[0].lower() in ("vùng", "bang", "châu", "khu"):
                    end += n_loc  # "Hiệp hội Doanh nghiệp Hàn Quốc khu vực Đồng bằng sông Cửu Long"
                name = f"{core} {self.text(j, end)}"
                if h.head.lower().startswith(("văn phòng", "trung tâm")) and end + 1 < len(toks) \
                        and toks[end].key == "tại":
                    here = _country_at(doc, toks, end + 1)  # "Văn phòng đại diện ... Đức tại Việt Nam"
                    place = here if here and here[1][0] == "VN" else _province_at(doc, toks, end + 1)
                    if place:
                        name, end = f"{name} tại {self.text(end + 1, end + 1 + place[0])}", end + 1 + place[0]
                after, aliases = self.acronym(end, ())
                return [self.mention(i, after, name, "ForeignOrganisation", None, foreign[1][0], aliases)]
        # locality
        many = self.place_list(j)
        if many and h.kind not in ("DiplomaticMission",):
            out = []
            for unit_w, place, e, prov in many:
                m = self.mention(i, e, localise(core, unit_w, place), kind, prov, country, ())
                m.core = core
                out.append(m)
            return out
        n_loc, province, unit, district = self.locality(j)
        if h.scope == "foreign" and province == "" and j + n_loc < len(toks) and toks[j + n_loc].cap \
                and toks[j + n_loc].is_word:
            # "Chính quyền nhân dân thành phố Sùng Tả": a foreign body's place, though "Sùng" is a surname
            m = self._place_end(j + n_loc, 3)
            n_loc, province, district = m - j, None, self.text(j, m)
        if n_loc == 0 and h.tail == "none" and h.scope in ("local", "any", "district", "foreign") \
                and j < len(toks) and toks[j].is_word and toks[j].cap \
                and (toks[j].key not in lex.surnames  # "Quận đoàn Ngô Quyền": a district, not a person
                     or (h.scope == "district" and longest(toks, j, lex.districts, lex.max_words["districts"]))
                     or any(" ".join(t.key for t in toks[j:j + n]) in doc.places for n in (1, 2, 3))) \
                and toks[j].key not in lex.org_heads and not longest(toks, j, lex.roles, lex.max_words["roles"]) \
                and toks[j].key not in _NOT_PLACE:
            m = self._place_end(j, 3)
            nxt = toks[m] if m < len(toks) else None
            if nxt is None or not nxt.is_word or not nxt.cap or nxt.key in _UNITS:
                n_loc, district = m - j, self.text(j, m)  # "Tỉnh ủy Phông Sa Lỳ", "Hội đồng Takeo"
        j += n_loc
        j, aliases = self.acronym(j, ())
        if not district and n_loc == 0 and core in _DISTRICT_COMMITTEES and doc.district:
            district = doc.district[1]  # a bare "Huyện ủy" in an article about one district
        if district:
            m = self.mention(i, j, f"{core} {district}", kind, None, country, aliases)
            words = district.split()
            unit_words = 2 if len(words) > 2 and f"{words[0]} {words[1]}".lower() in ("thị xã", "thị trấn",
                                                                                     "thành phố") else 1
            if words[0].lower() in ("tỉnh", "huyện", "quận", "xã", "phường") or unit_words == 2:
                m.place_unit, m.place_name = " ".join(words[:unit_words]), " ".join(words[unit_words:])
            else:
                m.place_name = district
            m.core = core
            return [m]
        bare = False
        if province == "" or (province is None and h.scope in ("local", "bare") and h.tail != "latin"):
            # (a department of the province, "Sở Ngoại vụ và UBND huyện X", never shares a district's place)
            shared = self._shared_place(j) if province is None and h.kind != "FriendshipUnion" \
                and h.tail != "dept" else None
            if shared is not None:  # "Huyện uỷ, HĐND, UBND huyện Lý Nhân": the place the last body names
                m = self.mention(i, j, f"{core} {shared.place_unit} {shared.place_name}", kind,
                                 shared.locality, country, aliases)
                m.core, m.place_unit, m.place_name = core, shared.place_unit, shared.place_name
                return [m]
            if h.kind == "FriendshipUnion" and doc.locality is None and h.scope in ("local", "bare"):
                m = self.mention(i, j, VUFO, kind, None, None, aliases)
                m.core, m.bare = core, True
                return [m]
            province, bare = doc.locality, True
            if province is None:
                m = self.mention(i, j, None, kind, None, country, aliases)
                m.core, m.bare = core, True
                return [m]
        if province is None and core == _expand(h.head) and not district and (
                (h.tail == "none" and h.scope == "any" and len(h.head.split()) < 3)
                or h.tail in ("name", "dept")):
            shared = self._shared_place(j)
            if shared is not None:  # "Đảng ủy, UBND xã Hướng Lộc": the place the next body names
                m = self.mention(i, j, f"{core} {shared.place_unit} {shared.place_name}".strip(), kind,
                                 shared.locality, country, aliases)
                m.core, m.place_unit, m.place_name = core, shared.place_unit, shared.place_name
                return [m]
            return []  # a generic head with nothing to name it ("Hội đồng", "Đảng ủy")
        if province:
            if not unit and not bare and kind == "Institution" and h.tail == "name":
                # "Trường Đại học Sư phạm Kỹ thuật Vĩnh Long": a school's place is part of its name,
                # with its number ("Trường Đại học Sư phạm Hà Nội 2")
                place = province
                if j < len(toks) and toks[j].text.isdigit() and len(toks[j].text) <= 2:
                    place, j = f"{province} {toks[j].text}", j + 1
                m = self.mention(i, j, f"{core} {place}", kind, province, country, aliases)
                m.core = core
                return [m]
            unit = unit or self.lex.province_unit(province)
            m = self.mention(i, j, localise(core, unit, province), kind, province, country, aliases)
            m.core, m.bare = core, bare
            if not bare:
                m.place_unit, m.place_name = unit, province
            return [m]
        return [self.mention(i, j, core, kind, None, country, aliases)]

    def mission_plural(self, i: int, k: int, h) -> list[OrgMention]:
        """One mission per country of 'Tổng Lãnh sự quán các nước A, B tại X' (rule 14)."""
        toks = self.toks
        found = []
        while k < len(toks):
            c = _country_at(self.doc, toks, k)
            if not c or c[1][0] == "VN":
                break
            found.append((k, k + c[0], c[1][0]))
            k += c[0]
            if k < len(toks) and toks[k].text in (",", "và") :
                k += 1
            else:
                break
        if not found:
            return []
        end, _text, _code, _ = self.country_tail(found[-1][0], h)
        place = _text[len(self.text(found[-1][0], found[-1][1])):]
        return [self.mention(a if n else i, end if n == len(found) - 1 else b,
                             f"{_expand(h.head)} {self.text(a, b)}{place}", h.kind, None, code, ())
                for n, (a, b, code) in enumerate(found)]

    def _person_at(self, j: int) -> bool:
        """A person's name starts at token j: a Vietnamese family name and given names, or two
        or three capitalised words none of which is a Vietnamese syllable ("Yamamoto Kenji")."""
        toks = self.toks
        if person_starts(toks, j, self.lex.surnames):
            return True
        end = j
        while end < len(toks) and toks[end].is_word and toks[end].cap and end - j < 4:
            end += 1
        return 2 <= end - j <= 3 and not any(is_syllable(t.text) for t in toks[j:end])

    def anaphor(self, i: int, j: int, h) -> list[OrgMention]:
        """A bare 'Hội', 'Tổng Lãnh sự quán': the body of that kind the article last named."""
        toks = self.toks
        if not toks[i].cap or (j < len(toks) and toks[j].is_word and toks[j].cap
                               and not self._person_at(j)):
            return []  # "Hội Nông dân" names a body; "Chủ tịch Hội Nguyễn Văn An": the last Hội
        if longest(toks, i, self.lex.event_triggers, self.lex.max_words["event_triggers"]) \
                or (j < len(toks) and toks[j].key in _HEAD_COMPOUNDS):
            return []  # "Hội nghị do ông X chủ trì", "Hội viên ...": a word of its own, not the last Hội
        prefix = "Hội" if h.kind == "FriendshipAssociation" else _expand(h.head)
        # an election ("tái đắc cử Chủ tịch Hội") is of the body holding the congress, never of the
        # partner's association the article named last
        election = bool(_ELECTION.search(self.s.text))
        kinds = (h.kind,) if election else (h.kind, "ForeignOrganisation")
        named = self._named_before()
        if election and self.doc.locality and any(m.locality == self.doc.locality for m in named):
            named = [m for m in named if m.locality == self.doc.locality]
        fits = [m for m in reversed(named)
                if m.name and m.kind in kinds and m.name.startswith(prefix)
                and (h.kind != "FriendshipAssociation" or m.kind == "FriendshipAssociation"
                     or "hữu nghị" in m.name.lower())]  # the partner's own association too
        subject = next((m for m in named if m.sent == self.s.index - 1 and m.name), None)
        if h.head == "Hội" and subject is not None and subject.name.startswith("Hội ") and subject not in fits \
                and not election:
            # "Hội người Việt Nam tại Bỉ tổ chức … . Ông X, Chủ tịch Hội cho biết": the Hội the sentence
            # before is about
            return [self.mention(i, j, subject.name, subject.kind, subject.locality, subject.country, ())]
        if fits:
            m = fits[0]
            local = [f for f in fits if f.locality and f.locality == self.doc.locality]
            ours = self._vietnamese_holder(i, j)
            if local and m.locality != self.doc.locality and ours:
                m = local[0]  # "ông Thái Văn Hằng, Chủ tịch Hội": our association, not the partner's just named
            elif ours and m.sent < self.s.index and len({_pair_key(f.name) for f in local}) > 1:
                # named sentences ago, among several of ours: the one the article names most (its
                # subject), the first named on a tie
                said = [_pair_key(f.name) for f in named if f.name]
                first = {k: n for n, k in reversed(list(enumerate(said)))}
                best = max({_pair_key(f.name) for f in local}, key=lambda k: (said.count(k), -first[k]))
                m = next(f for f in local if _pair_key(f.name) == best)
            return [self.mention(i, j, m.name, m.kind, m.locality, m.country, ())]
        if j < len(toks) and toks[j].cap and h.head == "Hội":
            # "Chủ tịch Hội Nguyễn Văn An" after "Hội Nông dân tỉnh X": the last Hội named
            for m in reversed(self._named_before()):
                if m.name and m.name.startswith("Hội "):
                    return [self.mention(i, j, m.name, m.kind, m.locality, m.country, ())]
        return []

    def rendering(self, i: int, j: int, h) -> list[OrgMention]:
        """'tổ chức Cựu chiến binh vì Hòa bình (Veterans For Peace)', 'Tổ chức Tầm nhìn thế giới (World
        Vision)': a foreign body's name rendered in Vietnamese up to its own name in parentheses."""
        toks = self.toks
        q = j
        while q < len(toks) and q - j < 8 and toks[q].is_word and toks[q].key not in _FUNCTION_WORDS - {"vì"}:
            q += 1
        if q > j + 1 and q + 1 < len(toks) and toks[q].text == "(" and toks[q + 1].text.isascii() \
                and toks[q + 1].cap and toks[j].key not in self.lex.org_heads:
            _after, aliases = self.acronym(q, ())
            written, bare = self.text(i, q), self.text(j, q)
            if toks[i].cap:  # "Tổ chức Tầm nhìn thế giới": the head is part of the name as written
                return [self.mention(i, q, written, h.kind, None, None, aliases + (bare,))]
            return [self.mention(i, q, bare, h.kind, None, None, aliases + (written[:1].upper() + written[1:],))]
        end = self._title_case_end(j) if toks[i].cap else j
        if end > j:  # "Tổ chức Tầm nhìn Thế giới", "Tổ chức Lao động Quốc tế": a rendering in title case
            return [self.mention(i, end, self.text(i, end), h.kind, None, None, ())]
        return []

    def _title_case_end(self, j: int) -> int:
        """End of a Vietnamese name in title case from j: each compound capitalised ("Tầm nhìn Thế
        giới", "Y tế Thế giới"), at least two of them; j when the words are not so written (a
        name in sentence case, "Cứu trợ trẻ em", has no end the words can tell)."""
        toks = self.toks
        m, caps, last = j, 0, j
        while m < len(toks) and m - j < 10 and toks[m].is_word and toks[m].key not in _FUNCTION_WORDS - {"và"}:
            t = toks[m]
            if t.cap and not t.text.isupper() and not longest(toks, m, self.lex.org_heads,
                                                               self.lex.max_words["org_heads"]):
                caps, m = caps + 1, m + 1
                if m < len(toks) and toks[m].is_word and toks[m].text.islower() \
                        and toks[m].key not in _FUNCTION_WORDS and toks[m].key not in _UNITS:
                    m += 1  # the compound's second syllable
                last = m
            elif t.key == "và" and m + 1 < len(toks) and toks[m + 1].cap:
                m += 1
            else:
                break
        return last if caps >= 2 and not _province_at(self.doc, toks, j) else j

    def _vietnamese_holder(self, i: int, j: int) -> bool:
        """Is the person whose title ends in the bare body at i..j Vietnamese by name: the name right
        after it ("Chủ tịch Hội Lò Văn Khiêm"), else the one the clause opens with ("ông Thái Văn
        Hằng, Chủ tịch Hội")?"""
        toks, surnames = self.toks, self.lex.surnames
        if i >= 2 and toks[i - 1].key == "trưởng" and toks[i - 2].key == "hội":
            return False  # "Phó Hội trưởng Hội": the title of a Chinese, Japanese or Korean society
        if j < len(toks) and toks[j].cap and toks[j].is_word:
            start = j
        else:
            start = None
            for k in range(i - 1, -1, -1):
                if toks[k].text in (";", ":") or (toks[k].text == "," and k + 1 < len(toks)
                                                   and toks[k + 1].key in ("ông", "bà", "đồng")):
                    break
                if toks[k].key in ("ông", "bà", "ngài") or (toks[k].key == "chí" and k and toks[k - 1].key == "đồng"):
                    start = k + 1
                    break
            if start is None or start >= i:
                return False
        name = toks[start:start + 4]
        end = start
        while end < len(toks) and end - start < 4 and toks[end].cap and toks[end].is_word:
            end += 1
        if end + 1 < len(toks) and toks[end].text == "(" and toks[end + 1].text.isascii():
            return False  # "Trương Kiến Hoa (Zhang Jianhua)": a foreign name written in Vietnamese
        return bool(name) and name[0].key in surnames and len(name) > 1 and name[1].cap \
            and not any(t.text == "-" for t in name[:3])

    def parse_ahead(self, k: int) -> list[OrgMention]:
        """The bodies a parse at token k finds, read ahead of the current one (the mentions found so
        far in the sentence are set aside meanwhile, so that it names none of them)."""
        saved = self.pending
        self.pending = []
        try:
            return self.parse_at(k)
        finally:
            self.pending = saved

    def with_our_side(self, end: int) -> int:
        """The end of a foreign name past "– Việt Nam" right after it ("Na Uy – Việt Nam"), else ``end``."""
        k2 = _skip_dash(self.toks, end)
        ours = _country_at(self.doc, self.toks, k2) if k2 > end else None
        return k2 + ours[0] if ours and ours[1][0] == "VN" else end

    def _unit_of(self, i: int, end: int) -> list[OrgMention]:
        """A department named with the body it belongs to ("Phòng Hợp tác quốc tế Sở Ngoại vụ", "Vụ Đối
        ngoại nhân dân Ban Đối ngoại Trung ương"): one body, the department's name then its parent's,
        the lower-case end of the department's name included; [] when no body follows."""
        toks = self.toks
        q = end
        if q + 1 < len(toks) and toks[q].text in DASHES and toks[q + 1].is_word:
            q += 1  # "Vụ Trung Đông – châu Phi, Bộ Ngoại giao": a region named with a dash
            while q < len(toks) and q - end < 5 and toks[q].is_word and toks[q].key not in _FUNCTION_WORDS:
                q += 1
        while q < len(toks) and q - end < 4 and toks[q].is_word and not toks[q].cap \
                and toks[q].key not in _FUNCTION_WORDS and toks[q].key not in _UNITS \
                and toks[q].key not in _DISTRICT_UNITS:
            q += 1
        name_end = q
        if q + 1 < len(toks) and toks[q].text == ",":
            q += 1  # "Vụ Đối ngoại nhân dân, Ban Đối ngoại Trung ương"
        if q >= len(toks) or not toks[q].cap or toks[q].key not in self.lex.org_heads.prefixes \
                and toks[q].key not in self.lex.known_orgs.prefixes:
            return []
        got = self.parse_ahead(q)
        if not got or not got[0].name or got[0].i != q:
            return []
        parent = got[0]
        own = _expand(self.text(i, name_end))
        own = own[:1].upper() + own[1:]
        m = self.mention(i, parent.j, f"{own} {parent.name}", parent.kind
                         if parent.kind in ("StateBody", "PartyCommittee") else "StateBody",
                         parent.locality, parent.country, (), parent)
        m.core = own
        return [m]

    def _foreign_place_before(self, i: int, unit: str) -> str:
        """The last place outside Viet Nam named with ``unit`` before token i in the sentence ("tỉnh
        Khăm Muồn"), for a foreign body followed by the bare unit; "" if none."""
        toks = self.toks
        for k in range(i - 2, -1, -1):
            if toks[k].key == unit and toks[k + 1].cap and not _province_at(self.doc, toks, k + 1):
                n_loc, province, _u, place = self.locality(k)
                if place and province is None:
                    return place
        return ""

    def _shared_place(self, j: int) -> OrgMention | None:
        """The next body of a list ("Đảng ủy, UBND xã Hướng Lộc") when it names a place below the
        province: the bare head before it shares that place."""
        toks = self.toks
        if j + 1 >= len(toks) or toks[j].text not in (",", "và"):
            return None
        nxt = self.parse_ahead(j + 1) if toks[j + 1].cap else []
        if nxt and nxt[0].name and nxt[0].place_unit and nxt[0].place_unit.lower() in (
                "xã", "phường", "thị trấn", "huyện", "quận", "thị xã"):
            return nxt[0]
        if nxt and nxt[0].bare and nxt[0].j > j + 1:  # the next is bare too: the one after it ("HĐND, UBND ...")
            return self._shared_place(nxt[0].j)
        return None

    def _lower_to_acronym(self, end: int) -> int:
        """A name's lower-case words before its acronym in parentheses ("Trung tâm Quốc tế Khoa học và
        Giáo | dục liên ngành | (ICISE)"): the end past them; else ``end``."""
        toks = self.toks
        q = end
        while q < len(toks) and q - end < 4 and toks[q].is_word and not toks[q].cap \
                and toks[q].key not in _FUNCTION_WORDS:
            q += 1
        if q > end and q + 2 < len(toks) and toks[q].text == "(" and toks[q + 1].text.isupper() \
                and len(toks[q + 1].text) > 1 and toks[q + 2].text == ")":
            return q
        return end

    def _lower_to_country(self, end: int) -> int:
        """A name's lower-case words before the foreign country that ends it ("Quỹ Giao lưu | quốc tế |
        Nhật Bản"): the end past them; else ``end``."""
        toks = self.toks
        q = end
        while q < len(toks) and q - end < 4 and toks[q].is_word and not toks[q].cap \
                and toks[q].key not in _FUNCTION_WORDS and not toks[q].text.isdigit():
            q += 1
        if q == end or any(_province_at(self.doc, toks, r) and r + _province_at(self.doc, toks, r)[0] == end
                           for r in range(max(0, end - 4), end)):
            return end  # "Trường Đại học Nha Trang mở lớp tiếng Nga": a name ending in its place is whole
        country = _country_at(self.doc, toks, q)
        return q if country and country[1][0] != "VN" else end

    def abroad_tail(self, j: int) -> tuple[int, str | None] | None:
        """'người Việt Nam tại Grenoble (Pháp)', 'Doanh nghiệp Hàn Quốc tại Bình Dương' after "Hội":
        a body of a nation's people living elsewhere, named with where it is; (end, the code of
        the country abroad: the place's when they are Vietnamese, else their own)."""
        toks = self.toks
        origin = next((q for q in range(j + 1, min(j + 5, len(toks) - 1))
                       if (toks[q].key, toks[q + 1].key) == ("gốc", "việt")), None)
        if origin is not None and toks[j].key == "người":
            # "Hội người Thái gốc Việt tỉnh Ubon Ratchathani": Vietnamese-born citizens of a country
            n_loc, province, _unit, place = self.locality(origin + 2)
            if n_loc and province is None and place:
                return origin + 2 + n_loc, None
        k = j
        fellows = False  # "Hội đồng hương <province> tại <place>": the people of a province of ours
        while k < len(toks) and k - j < 4 and toks[k].is_word:
            nation = _country_at(self.doc, toks, k)
            if nation:
                break
            fellows = k >= 2 and (toks[k - 2].key, toks[k - 1].key) == ("đồng", "hương")
            home = _province_at(self.doc, toks, k) if (k > j and toks[k - 1].key == "người") or fellows else None
            if home:  # "Hội người Bắc Giang tại Ba Lan", "Hội đồng hương Tiền Giang tại Hoa Kỳ": people of ours
                nation = (home[0], ("VN", False))
                break
            k += 1
        else:
            return None
        at = k + nation[0]
        if not ((k > j or fellows) and at + 1 < len(toks) and toks[at].key in ("tại", "ở")):
            return None
        start = at + 1
        if toks[start].key in self.lex.org_heads.prefixes and toks[start].key not in ("hội", "hiệp"):
            host = self.parse_at(start)  # "Hội Sinh viên Lào tại Trường Đại học Hà Tĩnh": where, a body
            if host and host[0].name:
                return host[0].j, nation[1][0] if nation[1][0] != "VN" else None
        if nation[1][0] != "VN":
            n_loc, province, _unit, _district = self.locality(start)
            if n_loc and province:
                return start + n_loc, nation[1][0]  # "tại TP. Hồ Chí Minh"
        country = _country_at(self.doc, toks, start)
        if country:
            return start + country[0], country[1][0] if nation[1][0] == "VN" else nation[1][0]
        end = self.name_tail(start, latin=toks[start].text.isascii())
        if end == start:
            return None
        code = nation[1][0] if nation[1][0] != "VN" else None
        if code is None and end + 2 < len(toks) and toks[end].text == "(":
            inner = _country_at(self.doc, toks, end + 1)
            code = inner[1][0] if inner else None
        return end, code

    def country_tail(self, j: int, h):
        """'Việt Nam – Lào' / 'Lào – Việt Nam' / 'Lào [tại X]' after a head; (end, text, code, more)."""
        toks = self.toks
        first = _country_at(self.doc, toks, j)
        if not first and h.kind == "FriendshipAssociation" and j < len(toks) and toks[j].text in _PAIR_SHORT:
            after = _skip_dash(toks, j + 1)
            if after > j + 1 and after < len(toks) and toks[after].key == "việt":
                first = (1, (_PAIR_SHORT[toks[j].text], True))  # "Hội Hữu nghị Trung – Việt Quảng Tây"
        if not first:
            return None
        k = j + first[0]
        code = first[1][0]
        if h.kind == "FriendshipAssociation":
            k2 = _skip_dash(toks, k)
            if k2 == k or k2 >= len(toks):
                return None
            second = _country_at(self.doc, toks, k2)
            if not second and code == "VN" and toks[k2].text in _PAIR_SHORT:
                second = (1, (_PAIR_SHORT[toks[k2].text], True))  # "Hội hữu nghị Việt – Trung"
            if not second:
                return None
            end = k2 + second[0]
            other = second[1][0] if code == "VN" else code
            if other == "VN":
                return None
            more = []
            m = end
            while m + 1 < len(toks) and toks[m].text in (",", "và"):
                a = _country_at(self.doc, toks, m + 1)
                if not a:
                    break
                a_end = _skip_dash(toks, m + 1 + a[0])
                b = _country_at(self.doc, toks, a_end)
                if not b or a_end == m + 1 + a[0]:
                    break
                code2 = b[1][0] if a[1][0] == "VN" else a[1][0]
                more.append((m + 1, a_end + b[0], code2))
                m = a_end + b[0]
            return end, self.text(j, end), other, more
        if code == "VN":
            return None
        end = k
        if end + 1 < len(toks) and toks[end].key == "tại":
            at = end + 1
            if toks[at].key in ("tp", "thành", "tỉnh") and at + 1 < len(toks):
                at += 2 if toks[at].key == "thành" or toks[at + 1].text == "." else 1
            place = _province_at(self.doc, toks, at)
            if place:
                return at + place[0], f"{self.text(j, k)} tại {place[1][0]}", code, []
            if toks[end + 1].key == "việt":
                e = end + 2 + (end + 2 < len(toks) and toks[end + 2].key == "nam")
                return e, self.text(j, e), code, []  # "Đại sứ quán Lào tại Việt Nam", as written
            e2 = at  # a city, after its unit: "tại thành phố Vinh"
            while e2 < len(toks) and toks[e2].cap and toks[e2].is_word and e2 - at < 3:
                e2 += 1
            if e2 > at:
                return e2, f"{self.text(j, k)} tại {self.text(at, e2)}", code, []
        return end, self.text(j, k), code, []

    def plural(self, i, j, core, more, h, code) -> list[OrgMention]:
        """'Hội hữu nghị Việt – Lào, Việt Nam – Campuchia, ...': one association per country."""
        toks = self.toks
        last = more[-1][1]
        n_loc, province, unit, _ = self.locality(last)
        if province == "" or province is None:
            province = self.doc.locality
        base = "Hội hữu nghị"
        items = [(i, j, core, code)] + [(a, b, f"{base} {self.text(a, b)}", c) for a, b, c in more]
        out = []
        for a, b, name, c in items:
            if province:
                name = f"{name} {unit or self.lex.province_unit(province)} {province}"
            out.append(self.mention(a, b, name, h.kind, province or None, c, ()))
        del toks
        return out

    def parse_parent(self, k: int) -> OrgMention | None:
        toks = self.toks
        def union_acronym(t) -> bool:
            known = self.lex.known_orgs.get(t.key) if t.text.isupper() else None
            return known is not None and known.kind == "FriendshipUnion"

        if k + 1 < len(toks) and toks[k].key == "của" and union_acronym(toks[k + 1]):
            k += 1  # "Ban Châu Á – Thái Bình Dương của VUFO": a department of the union
        if k < len(toks) and union_acronym(toks[k]):
            got = self.parse_at(k)
            return got[0] if got and got[0].kind == "FriendshipUnion" else None
        if k < len(toks) and toks[k].key == "trung ương":
            end = k + 1 + (1 if k + 1 < len(toks) and toks[k + 1].key == "đảng" else 0)
            m = self.mention(k, end, "Trung ương", "PartyCommittee", None, None, ())
            return m
        hit = longest(toks, k, self.lex.org_heads, self.lex.max_words["org_heads"], need_cap=True)
        if not hit or hit[1].head.casefold() not in _PARENT_HEADS and \
                " ".join(t.key for t in toks[k:k + hit[0]]) not in {"tỉnh ủy", "thành ủy", "huyện ủy"}:
            return None
        got = self.parse_at(k)
        return got[0] if got else None

    def acronym(self, j: int, aliases: tuple[str, ...]) -> tuple[int, tuple[str, ...]]:
        """'(GNI)' or '(Rainbow Bridge Foundation, Hàn Quốc)' right after a name: its aliases."""
        toks = self.toks
        if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text in (")", ",") \
                and toks[j + 1].text.isupper() and 2 <= len(toks[j + 1].text) <= 10:
            close = j + 2  # "(HRF)", "(HRF, Hoa Kỳ)": the acronym, then where the body is from
            while close < len(toks) and toks[close].text != ")" and close - j < 8:
                close += 1
            if close < len(toks) and toks[close].text == ")":
                return close + 1, aliases + (toks[j + 1].text,)
        if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 1].cap and toks[j + 1].text.isascii() \
                and toks[j + 1].text not in self.lex.abbreviations:
            end = self.name_tail(j + 1, latin=True)
            acr = end + 1 if end + 1 < len(toks) and toks[end].text in DASHES else 0
            if end > j + 2 and acr and toks[acr].text.isupper() and 2 <= len(toks[acr].text) <= 10 \
                    and acr + 1 < len(toks) and toks[acr + 1].text in (",", ")"):
                # "(Danish Rural Women's Fund - DRWF)": the foreign name and its acronym
                return j, aliases + (self.text(j + 1, end), toks[acr].text)
            if end > j + 2 and end < len(toks) and toks[end].text in (",", ")"):
                close = end
                while close < len(toks) and toks[close].text != ")" and close - end < 6:
                    close += 1
                if close < len(toks) and toks[close].text == ")":
                    return j, aliases + (self.text(j + 1, end),)  # the alias; the text goes on as before
        if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 1].text.isascii() \
                and any(c.isupper() for c in toks[j + 1].text[1:]):
            close = j + 1  # "(KoCham Bình Dương)": a short name in the body's own style, with its place
            while close < len(toks) and toks[close].is_word and toks[close].cap and close - j <= 4:
                close += 1
            if close < len(toks) and toks[close].text == ")":
                return close + 1, aliases + (self.text(j + 1, close),)
        return j, aliases

    def mention(self, i, j, name, kind, locality, country, aliases, parent=None) -> OrgMention:
        toks = self.toks
        if name and name[:1].islower() and is_syllable(name.split()[0]):
            name = name[:1].upper() + name[1:]  # "Trưởng ban Dân vận Tỉnh ủy": the body is "Ban Dân vận ..."
        return OrgMention(self.s.index, i, j, toks[i].start, toks[j - 1].end, self.text(i, j),
                          name, kind, locality, country, tuple(dict.fromkeys(aliases)), parent)


def _pair_key(name: str) -> str:
    """A friendship association's name with "Việt Nam –" and "Việt –" alike (one body, two spellings)."""
    return name.replace("Việt Nam –", "Việt –").replace("– Việt Nam", "– Việt")


def _said_names(m: OrgMention) -> tuple[str, ...]:
    """What a body named before may be called again bare: its written aliases ("KoCham Bình Dương")
    and a Latin name ("Hope Wheels")."""
    if not (m.name and _LATIN_NAME.match(m.name)):
        return m.aliases
    words = m.name.split()
    short = words[:-1] if len(words) > 1 and words[-1] in _LEGAL_SUFFIXES else []
    # "Good Neighbors" after "Good Neighbors International": the name without its generic last word
    return (*m.aliases, m.name, *((" ".join(short),) if short else ()))


def find_orgs(doc: Doc, s: Sentence) -> list[OrgMention]:
    """All organisation mentions of a sentence, left to right, not overlapping. A body named again
    in parentheses right after ("Hội Lumière des Hauts-Plateaux (Hội Ánh sáng Cao nguyên)") is
    an alias of the first, not another body."""
    p = _Parser(doc, s)
    out: list[OrgMention] = []
    p.pending = out
    toks = s.tokens
    # the first words of the names given in parentheses ("(KoCham Bình Dương)"), said alone later
    p.alias_starts = {a.split()[0] for m in doc.orgs for a in _said_names(m) if a and not a.isupper()}
    # parse_at finds nothing at a token that starts no known body or head and is no acronym:
    # most tokens, skipped here without the call
    known, heads = doc.lex.known_orgs.prefixes, doc.lex.org_heads.prefixes
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.key not in known and t.key not in heads and not (t.text.isupper() and len(t.text) > 1) \
                and t.text not in p.alias_starts:
            i += 1
            continue
        found = p.parse_at(i)
        if found:
            if out and len(found) == 1 and found[0].i == out[-1].j + 1 and s.tokens[out[-1].j].text == "(" \
                    and out[-1].name and found[0].name \
                    and found[0].name.split()[0].lower() == out[-1].name.split()[0].lower():
                # the same kind of body named again: "Hội X (Hội Y)"; but "Ủy ban Nhà nước về người
                # Việt Nam ở nước ngoài (Bộ Ngoại giao)" names the body it belongs to
                out[-1].aliases = tuple(dict.fromkeys(out[-1].aliases + (found[0].name,)))
            else:
                out.extend(found)
            i = max(m.j for m in found)
        else:
            i += 1
    return out
