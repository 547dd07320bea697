"""Places in organisation names: provinces, districts, foreign places, countries and their styles.

The parts of an organisation's name that say where it is: "tỉnh Nghệ An",
bare "tỉnh" (the article's own province), "huyện Vân Đồn", "tỉnh Luông Pha
Băng" (a place outside Viet Nam, kept as written), "các tỉnh Hà Giang, Lai
Châu" (one body per place), and partner nations with their style ("Cộng hòa
Cuba"). ``PlaceParsing`` is mixed into the organisation parser (kg.extract.orgs).

Example:
    >>> localise("Sở Ngoại vụ", "tỉnh", "Nghệ An"), localise("Tỉnh ủy", "tỉnh", "Nghệ An")
    ('Sở Ngoại vụ tỉnh Nghệ An', 'Tỉnh ủy Nghệ An')
"""
from __future__ import annotations

from ..lexicon import Gazetteer
from .analysis import Doc
from .spans import DASHES, longest

_UNITS = {"tỉnh": "tỉnh", "thành phố": "thành phố", "tp": "thành phố"}
_DISTRICT_UNITS = {"huyện": "huyện", "quận": "quận", "thị xã": "thị xã", "thị trấn": "thị trấn",
                   "xã": "xã", "phường": "phường"}
_REGION_UNITS = {"vùng", "bang", "châu"}
_NOT_BODY_AFTER = {"bạn", "kết", "nhà", "viên", "trưởng", "phó"}  # "tỉnh bạn", "Tỉnh ủy viên"
_STATE_PREFIXES = Gazetteer({k: k for k in (
    "cộng hòa", "vương quốc", "liên bang", "cộng hòa dân chủ nhân dân", "cộng hòa liên bang",
    "cộng hòa xã hội chủ nghĩa", "cộng hòa nhân dân", "cộng hòa dân chủ", "nhà nước", "đại công quốc",
    "nước", "nước cộng hòa", "chdcnd", "cộng hòa hồi giáo", "cộng hòa arab")}).freeze()


def localise(core: str, unit: str, place: str) -> str:
    """'Sở Ngoại vụ' + 'tỉnh' + 'Nghệ An'; a party committee takes the bare name ('Tỉnh ủy Nghệ An')."""
    if core.endswith(("Tỉnh ủy", "Thành ủy", "Huyện ủy")):
        return f"{core} {place}"
    return f"{core} {unit} {place}"

def _province_at(doc: Doc, toks, k: int):
    return longest(toks, k, doc.lex.provinces, doc.lex.max_words["provinces"], need_cap=True)


def _country_at(doc: Doc, toks, k: int):
    pre = longest(toks, k, _STATE_PREFIXES, 6, need_cap=True)
    if pre:  # "Cộng hòa Cuba", "Vương quốc Campuchia": the country with its style
        hit = longest(toks, k + pre[0], doc.lex.country_names, doc.lex.max_words["country_names"],
                      need_cap=True)
        if hit:
            return (pre[0] + hit[0], hit[1])
    hit = longest(toks, k, doc.lex.country_names, doc.lex.max_words["country_names"], need_cap=True)
    if hit:
        return hit
    if k < len(toks) and toks[k].key == "việt":
        n = 2 if k + 1 < len(toks) and toks[k + 1].key == "nam" else 1
        return (n, ("VN", False))
    return None


def _skip_dash(toks, k: int) -> int:
    while k < len(toks) and toks[k].text in DASHES:
        k += 1
    return k


def person_starts(toks, m: int, surnames) -> bool:
    """A person's name of two syllables or more begins at token m: a family name, then
    capitalised syllables ("Võ Thành Đông", "Kim Mi-young")."""
    if not (m + 1 < len(toks) and toks[m].cap and toks[m].key in surnames
            and toks[m + 1].cap and toks[m + 1].is_word):
        return False
    if m + 2 >= len(toks):
        return False
    return (toks[m + 2].cap and toks[m + 2].is_word) or _hyphen_joined(toks, m + 2)


def _hyphen_joined(toks, m: int) -> bool:
    """Token m is a hyphen written between the word before it and a word after it."""
    return (0 < m < len(toks) - 1 and toks[m].text == "-" and toks[m + 1].is_word
            and toks[m].start == toks[m - 1].end and toks[m + 1].start == toks[m].end)


def _name_syllables(toks, m: int) -> int:
    """Syllables of the capitalised run from token m ("Kim Mi-young": 2)."""
    n = 0
    while m < len(toks):
        if toks[m].is_word and toks[m].cap:
            n, m = n + 1, m + 1
        elif n and _hyphen_joined(toks, m):
            m += 2  # the second half of a hyphenated given name
        else:
            break
    return n


class PlaceParsing:
    """Locality parsing over ``self.toks`` (the sentence's tokens) for the organisation parser."""

    doc: Doc

    def _place_end(self, start: int, limit: int) -> int:
        """End of a place's capitalised words from ``start`` (at most ``limit``), before a
        person's name that follows it ("Chủ tịch UBND huyện Tháp Mười Võ Thành Đông")."""
        toks, m = self.toks, start
        while m < len(toks) and toks[m].is_word and toks[m].cap and m - start < limit:
            # the rest of the capitalised run as long as a name: "Trần Văn Thời Lê Văn Hải"
            # splits before "Lê" (three syllables), not before "Văn" (five)
            if m > start and person_starts(toks, m, self.lex.surnames) \
                    and 2 <= _name_syllables(toks, m) <= 4:
                break
            m += 1
            while _hyphen_joined(toks, m):  # a transcribed name: "Phông-xa-lỳ", "Xiêng-khoảng"
                m += 2
        return m

    def locality(self, k: int) -> tuple[int, str | None, str | None, str]:
        """Parse a locality at token k: (tokens used, province, unit written, district suffix)."""
        toks = self.toks
        if k >= len(toks):
            return 0, None, None, ""
        unit = _UNITS.get(toks[k].key)
        n_unit = 1
        if unit is None and k + 1 < len(toks) and f"{toks[k].key} {toks[k + 1].key}" == "thành phố":
            unit, n_unit = "thành phố", 2
        if unit and toks[k].key == "tp" and k + n_unit < len(toks) and toks[k + n_unit].text == ".":
            n_unit += 1
        if unit:
            hit = _province_at(self.doc, toks, k + n_unit)
            if hit:
                return n_unit + hit[0], hit[1][0], unit, ""
            nxt = toks[k + n_unit].text if k + n_unit < len(toks) else ""
            if nxt in _NOT_BODY_AFTER:
                return 0, None, None, ""
            if nxt[:1].isupper() and toks[k + n_unit].is_word:
                # a place outside Viet Nam's provinces ("tỉnh Vân Nam", "tỉnh Takeo"), as written,
                # unless a person's name follows a bare unit ("UBND tỉnh Nguyễn Văn A")
                if toks[k + n_unit].key in self.lex.surnames:
                    return n_unit, "", unit, ""
                m = self._place_end(k + n_unit, 4)
                return m - k, None, None, self.text(k, m)
            return n_unit, "", unit, ""  # bare unit: the article's own province
        hit = _province_at(self.doc, toks, k)
        if hit:
            return hit[0], hit[1][0], None, ""
        d = _DISTRICT_UNITS.get(toks[k].key)
        if d is None and k + 1 < len(toks):
            d = _DISTRICT_UNITS.get(f"{toks[k].key} {toks[k + 1].key}")
            n_d = 2
        else:
            n_d = 1
        if d and k + n_d < len(toks) and toks[k + n_d].cap:
            m = self._place_end(k + n_d, 3)
            return m - k, None, None, self.text(k, m)
        if d and self.doc.district and self.doc.district[0] == d:
            return n_d, None, None, f"{d} {self.doc.district[1]}"  # "UBND huyện": the article's
        n_r = 2 if k + 1 < len(toks) and (toks[k].key, toks[k + 1].key) == ("khu", "vực") else 1
        if k + 2 < len(toks) and (toks[k].key, toks[k + 1].key, toks[k + 2].key) == ("khu", "tự", "trị"):
            n_r = 3  # "Khu tự trị Quảng Tây", "Khu tự trị dân tộc Choang Quảng Tây"
            if k + 4 < len(toks) and (toks[k + 3].key, toks[k + 4].key) == ("dân", "tộc"):
                n_r = 5
        if (n_r > 1 or toks[k].key in _REGION_UNITS) and k + n_r < len(toks) \
                and toks[k + n_r].cap and toks[k + n_r].is_word:
            # a region: "vùng Bretagne", "bang Victoria", "khu vực Đồng bằng sông Cửu Long"
            m = self._place_end(k + n_r, 3)
            if m + 2 < len(toks) and (toks[m].key, toks[m + 1].key) == ("bằng", "sông") \
                    and toks[m + 2].cap:
                m = self._place_end(m + 2, 2)
            return m - k, None, None, self.text(k, m)
        return 0, None, None, ""

    def place_list(self, j: int) -> list[tuple[str, str, int, str | None]]:
        """'các tỉnh Hà Giang, Lai Châu' / 'các huyện Hướng Hóa, Đakrông' after a body's name:
        [(unit, place, end token, province or None)] — one body per place (rule 14)."""
        toks = self.toks
        if not (j + 2 < len(toks) and toks[j].key in ("các", "hai", "ba", "bốn", "năm", "sáu")):
            return []  # ("Liên hiệp các tổ chức hữu nghị ba tỉnh Lâm Đồng, Đắk Nông, Bình Thuận")
        unit = {"tỉnh": "tỉnh", "thành phố": "thành phố", "huyện": "huyện", "quận": "quận",
                "thị xã": "thị xã"}.get(toks[j + 1].key)
        if unit is None:
            return []
        k, out = j + 2, []
        while k < len(toks) and toks[k].cap and toks[k].is_word:
            prov = _province_at(self.doc, toks, k) if unit in ("tỉnh", "thành phố") else None
            if not prov and longest(toks, k, self.lex.org_heads, self.lex.max_words["org_heads"]):
                break  # "... Đồng Nai và Liên hiệp ... tỉnh Bình Thuận": the next body, not a place
            e = k + prov[0] if prov else k
            if not prov:
                while e < len(toks) and toks[e].is_word and toks[e].cap and e - k < 3:
                    e += 1
            out.append((unit, prov[1][0] if prov else self.text(k, e), e, prov[1][0] if prov else None))
            if e < len(toks) and toks[e].text in (",", "và") and e + 1 < len(toks) and toks[e + 1].cap:
                k = e + 1
            else:
                break
        return out if len(out) > 1 else []

    def district_list(self, j: int) -> list[tuple[str, str, int]]:
        """'của các huyện Nam Sách, Thanh Miện' after a name: [(unit, district, end token)]."""
        toks = self.toks
        k = j
        if k < len(toks) and toks[k].key == "của":
            k += 1
        if k < len(toks) and toks[k].key == "các":
            k += 1
        unit = _DISTRICT_UNITS.get(toks[k].key) if k < len(toks) else None
        if not unit or k == j:
            return []
        k += 1
        out = []
        while k < len(toks) and toks[k].cap:
            e = k
            while e < len(toks) and toks[e].is_word and toks[e].cap and e - k < 3:
                e += 1
            out.append((unit, self.text(k, e), e))
            if e < len(toks) and toks[e].text in (",", "và") and e + 1 < len(toks) and toks[e + 1].cap:
                k = e + 1
            else:
                break
        return out if len(out) > 1 else []
