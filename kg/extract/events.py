"""Events: conferences, congresses, meetings, receptions, visits, ceremonies — reported as held.

Each clause (a sentence cut at ";") is searched for an event trigger
(event_triggers.tsv) or a visit/reception verb. A clause with a cue of the
future, a plan, a task or a recurring activity before the trigger is left
out. The organiser is the body of "do X tổ chức", else the subject of "X
(phối hợp với Y) tổ chức", else the body whose gathering it is; "tham gia
đón tiếp" states none. A mention with nothing of its own ("Phát biểu tại Hội
nghị") refers back to the event of its kind. The chair is who "chủ trì", else
a leader of the organiser who "dự và chỉ đạo" or gives the directing or
concluding speech, else the host of a reception. Dates follow dates.py;
an undated event in a dated article gets the publication month, an activity
in a period report the period's year.

Example:
    >>> from kg.ingest import clean
    >>> from kg.lexicon import load_lexicon
    >>> from kg.extract.analysis import analyse
    >>> d = analyse(clean("a", "Sáng 9/1, Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An tổ chức Hội nghị tổng kết công tác năm 2022."), load_lexicon())
    >>> e = extract_events(d)[0]
    >>> e.organiser, e.date
    ('Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An', '2023-01-09')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import AwardRecord, EventRecord
from .analysis import Doc, OrgMention, PersonMention, years_in
from .dates import find_dates, infer_year, iso, review_year, term_start
from .spans import longest

_FUTURE = re.compile(
    r"\b(sẽ|dự kiến|kế hoạch|chuẩn bị|tiến tới|trước mắt|phấn đấu|đề nghị|yêu cầu|cần|hàng năm|hằng năm|"
    r"thường niên|định kỳ|sắp tới|tới đây|thời gian tới|những tháng tới|năm tới|hướng dẫn|đề ra|"
    r"nhấn mạnh|mong muốn|đề xuất|dự định|chỉ đạo,|chuẩn bị|xây dựng kế hoạch|"
    r"cách đây|trước đây|từng|cho phép|đồng ý cho|phê duyệt|kinh nghiệm)\b", re.I)
_VENUE_BEFORE = {"trung tâm", "hội trường", "phòng", "nhà", "cung"}
_DOC_BEFORE = {"nghị quyết", "chỉ thị", "văn kiện", "tinh thần", "kết luận", "báo cáo", "dự thảo"}
_NEEDS_ARTICLE = {"gặp mặt", "gặp gỡ", "giao lưu", "lễ", "họp mặt"}
# gatherings only when someone "tổ chức" them ("tổ chức Khởi công nhà lớp học" in a report's table)
_NEEDS_ORGANISE = {"tết cổ truyền", "khởi công", "khánh thành", "tổng kết", "sơ kết", "trao", "trao tặng"}
_RECEPTION_VERBS = re.compile(r"\b(tiếp đón|đón tiếp|tiếp xã giao|tiếp thân mật|hội kiến|tiếp)\s+(?!tục|nhận|cận|thu|xúc|theo|tế|sức|đó|nối|diễn)", re.I)
# (a delegation's homage at a memorial is a visit too: "đoàn đã đến dâng hương, dâng hoa tại Khu di tích")
_VISIT = re.compile(r"\b(thăm và làm việc|thăm, làm việc|đến thăm|sang thăm|thăm|đến dâng hương|dâng hương|"
                    r"đến viếng|viếng)\b", re.I)
_DELEGATION = re.compile(r"\b[Đđ]oàn\b")
_SIGNING = re.compile(r"\b(?:đã |chính thức )?(?:[Kk]ý|[Kk]ý kết)\s+(?:các\s+|bản\s+)?(?:Biên bản|biên bản|Bản ghi nhớ|"
                      r"bản ghi nhớ|Thỏa thuận|thỏa thuận|Hiệp định|hiệp định|Văn bản|văn bản|"
                      r"Chương trình hợp tác|chương trình hợp tác|Kế hoạch hợp tác|kế hoạch hợp tác|MoU|MOU|"
                      r"Quy chế phối hợp|quy chế phối hợp|Chương trình phối hợp|chương trình phối hợp|"
                      r"Kế hoạch phối hợp|kế hoạch phối hợp|Thỏa thuận hợp tác|thỏa thuận hợp tác)")
_ORGANISE = re.compile(r"\b(tổ chức|phối hợp tổ chức|đăng cai)\b", re.I)
_CHAIR = re.compile(r"\bchủ trì\b", re.I)
_DIRECT = re.compile(r"(dự và chỉ đạo|phát biểu chỉ đạo|phát biểu kết luận|kết luận hội nghị)", re.I)
_ATTEND = re.compile(r"\b(tham dự|tới dự|đến dự|dự hội nghị|dự buổi|dự lễ|có sự tham gia|dự)\b", re.I)
_JUST = re.compile(r"\b(vừa|mới đây|vừa qua|mới)\b", re.I)
_PERIOD = re.compile(r"\b(trong (?:6|sáu|9|chín) tháng|trong năm|năm qua|trong nhiệm kỳ|thời gian qua|"
                     r"(?:6|sáu) tháng đầu năm|trong quý)\b", re.I)
_ANNIV = re.compile(r"kỷ niệm\s+(\d{1,3})\s+năm[^.;]{0,120}?\(?\s*(?:\d{1,2}/\d{1,2}/)?(\d{4})\s*[-–—]\s*"
                    r"(?:\d{1,2}/\d{1,2}/)?(\d{4})", re.I)
_AWARD = re.compile(r"(Huân chương[^,.;]{0,40}|Huy chương[^,.;]{0,40}|"
                    r"Kỷ niệm chương(?:\s*[“\"][^”\"]{1,80}[”\"])?[^,.;“\"]{0,40}|"
                    r"Bằng khen[^,.;]{0,40}|Giấy khen[^,.;]{0,40}|Cờ thi đua[^,.;]{0,40})", re.I)
_COUNT = re.compile(r"(\d+)\s+(tập thể|cá nhân)", re.I)
_DOC_DATE = re.compile(r"(\d+[-/][A-ZĐ]+[^\s,;]*|ban hành|ký)\s*(ngày\s*)?$")
_LOCATION = re.compile(r"\btại\s+(?=([^,;.()]+))")
_LIVED_AT = re.compile(r"\b(hy sinh|sinh sống|học tập|định cư|cư trú|đóng quân|an táng|yên nghỉ|đang hoạt động|"
                       r"đang công tác|đang làm việc)\s*$", re.I)
_WORKED_AT = re.compile(r"(?i)\b(?<!thăm và )(?<!thăm, )(làm việc|công tác|tình nguyện)\s*$")
_NOT_LOCATION = re.compile(r"^(hội nghị|buổi|lễ|đại hội|hội thảo|đây|chỗ|việt nam|cuộc|phiên|kỳ họp)\b", re.I)
_LOCATION_END = re.compile(r"\s+(do|với|và|nhằm|để|của|cho|có|đã|từ|trong|theo|nhân|thăm|ở)\s.*$")


@dataclass
class _Event:
    kind: str
    sent: int
    clause: tuple[int, int]  # character span in the sentence text
    label: str
    organiser: OrgMention | None = None
    organiser_stated: bool = False
    date: str | None = None
    location: str | None = None
    chair: str | None = None
    anaphoric: bool = False
    backref: bool = False  # "Tại buổi làm việc, ...": names a gathering already told
    clause_text: str = ""
    attendees: list[str] = field(default_factory=list)
    awards: list[AwardRecord] = field(default_factory=list)
    confidence: float = 0.7


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r";", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _in_location(text: str, pos: int) -> bool:
    """Is the character at pos inside a 'tại (trụ sở|Hội trường) ...' venue phrase?"""
    m = None
    for m in re.finditer(r"\btại\s", text[:pos]):
        pass
    return m is not None and not re.search(r"[,;]", text[m.end():pos])


def _orgs_between(doc: Doc, sent: int, a: int, b: int) -> list[OrgMention]:
    base = doc.sentences[sent].start
    return [m for m in doc.orgs if m.sent == sent and m.name and a <= m.start - base < b]


def _person_before(doc: Doc, sent: int, pos: int) -> PersonMention | None:
    base = doc.sentences[sent].start
    cands = [p for p in doc.persons if p.sent == sent and p.end - base <= pos]
    return cands[-1] if cands else None


_HABITUAL = {"duy trì", "tăng cường", "đẩy mạnh", "mở rộng", "thúc đẩy", "định kỳ", "thường xuyên",
             "hằng năm", "hàng năm"}


def _triggers(doc: Doc, sent: int, a: int, b: int):
    s = doc.sentences[sent]
    toks = s.tokens
    lex = doc.lex
    named = [(o.start, o.end) for o in doc.orgs if o.sent == sent]
    k = 0
    while k < len(toks):
        t = toks[k]
        if not (a <= t.start - s.start < b):
            k += 1
            continue
        hit = longest(toks, k, lex.event_triggers, lex.max_words["event_triggers"]) \
            if t.key in lex.event_triggers.prefixes else None
        if not hit or any(o_start < t.start < o_end for o_start, o_end in named):
            k += 1  # no trigger, or one inside a body's name ("Quỹ Giao lưu quốc tế Nhật Bản")
            continue
        n, kind = hit
        key = " ".join(x.key for x in toks[k:k + n])
        prev = toks[k - 1].key if k else ""
        prev2 = f"{toks[k - 2].key} {prev}" if k > 1 else ""
        before = s.text[max(0, t.start - s.start - 60):t.start - s.start]
        ok = not (prev in _VENUE_BEFORE or prev2 in _VENUE_BEFORE or prev2 in _DOC_BEFORE
                  or prev in ("các", "những", "nhiều", "mỗi")
                  or re.search(r"\b(nhiều|các|những)\s+(hoạt động|buổi|cuộc|chương trình)\b[^;.:]{0,40}$", before)
                  # a habit ("duy trì giao lưu văn hóa"), or a field of cooperation in a list
                  # ("phối hợp trong quản lý, bảo vệ biên giới, giao lưu văn hóa, thể thao")
                  or prev2 in _HABITUAL
                  # "Ngay sau lễ khởi động, ... đã ký MoU": the gathering told before, as a time
                  # ("Ngay sau Đại hội, Hội nghị lần thứ nhất ...": capitalised too, when bare)
                  or ((not t.cap or s.text[toks[k + n - 1].end - s.start:][:1] == ",")
                      and re.search(r"(?i)(?:^|,\s*)(?:ngay\s+)?(?:sau|kết thúc|tiếp sau)\s+(?:buổi\s+)?$", before))
                  or (not t.cap and re.search(r"\btrong\s+[^;.:,]{2,40},\s*(?:[^;.:,]{2,40},\s*)*$", before))
                  # a count: "tổ chức hơn 30 hoạt động giao lưu", "12 cuộc hội thảo"
                  or re.search(r"\d+\s+(hoạt động|buổi|cuộc|chương trình|đợt|lượt)\b[^;.:]{0,40}$", before)
                  # the gathering as the subject of what it decided: "hội nghị đã thống nhất"
                  or ((not t.cap or k == 0) and _DECIDED.match(s.text[t.end - s.start:])))
        if key in _NEEDS_ARTICLE and prev not in ("buổi", "cuộc", "chương trình") and not t.cap \
                and prev2 != "tổ chức":
            ok = False
        if key == "lễ":
            ok = False
        if key in _NEEDS_ORGANISE and prev2 != "tổ chức":
            ok = False  # "chúc Tết cổ truyền", "đã khởi công xây dựng": not a gathering held
        if key in ("trao", "trao tặng") and ((k > 2 and toks[k - 3].key == "ban")
                                             or re.search(r"(?i)\b(dịp này|tại đây|tại buổi lễ|tại lễ)\b", before)):
            ok = False  # "Nhân dịp này, Ban tổ chức trao 50 suất học bổng": part of the gathering told
        if key == "chương trình" and not (prev2 == "tổ chức" and k + n < len(toks)
                                          and toks[k + n].text in ('"', "“", "«")
                                          and not re.search(r"\b(về việc|bàn|trao đổi)\b", before)
                                          and not re.search(r"\b(dự kiến|sẽ)\b", s.text[t.end - s.start:])):
            ok = False  # only a show held under its own name: 'tổ chức chương trình "Trăng rằm hữu nghị"'
            # (a programme, a campaign, a course are no gatherings)
        if ok:
            yield k, n, kind
        k += n


def _label(doc: Doc, sent: int, k: int, b: int) -> str:
    s = doc.sentences[sent]
    start = s.tokens[k].start - s.start
    rest = s.text[start:b]
    # punctuation ends the label anywhere past its first word ("tại Đại hội, ông X ..."); the
    # words that end it, only past the trigger ("Lễ do ...": no label of its own)
    stop = re.search(r"(?<!\d)[,.](?!\d)|[:;(]", rest[2:])  # not the "." of "1.500"
    cut = re.search(r"(?<!\d)[,.](?!\d)|[:;(]|\s(do|tại|với sự|nhằm|để|có sự|được|vào)\s", rest[8:])
    ends = [2 + stop.start()] if stop else []
    ends += [8 + cut.start()] if cut else []
    label = rest[:min(ends)] if ends else rest
    return " ".join(label.split()[:18]).strip(" \"“”")


def masked(doc: Doc, sent: int) -> str:
    """The sentence with organisation names blanked out (same length), so that words inside
    names ("Sở Kế hoạch và Đầu tư", "Liên hiệp các tổ chức hữu nghị") are not read as verbs."""
    memo = doc.memo.setdefault("masked", {})
    key = (sent, len(doc.orgs))  # organisations found later (a mission after a name) re-mask
    if key not in memo:
        memo[key] = _mask(doc, sent)
    return memo[key]


def _mask(doc: Doc, sent: int) -> str:
    s = doc.sentences[sent]
    chars = list(s.text)
    for m in doc.orgs:
        if m.sent == sent:
            for c in range(m.start - s.start, m.end - s.start):
                if 0 <= c < len(chars) and not chars[c].isspace():
                    chars[c] = "X"
    return "".join(chars)


class _Builder:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.published = doc.article.published
        self.review = review_year(doc.article.text[:1500])
        self.term = term_start(doc.article.text)
        text = doc.article.text
        self.period_year = self.review[0] or (int(self.published[:4]) if self.published else None)
        anniv = _ANNIV.search(text)
        self.anniv_year = int(anniv.group(3)) if anniv else None
        if self.anniv_year is None:  # "kỷ niệm 55 năm Ngày thiết lập quan hệ ... (24/6/1967)"
            one = re.search(r"kỷ niệm\s+(\d{1,3})\s+năm[^;()]{0,120}\((?:\d{1,2}/\d{1,2}/)?(\d{4})\)", text, re.I)
            if one:
                self.anniv_year = int(one.group(2)) + int(one.group(1))
        if self.anniv_year is None:  # "kỷ niệm 20 năm Ngày thành lập" + "Ngày 18/3/1996 ... thành lập"
            n = re.search(r"kỷ niệm\s+(\d{1,3})\s+năm\s+(?:ngày\s+)?thành lập", text, re.I)
            founded = re.search(r"(\d{4})[^.]{0,80}?thành lập|thành lập[^.]{0,40}?(?:năm|ngày \S+)\s*(\d{4})", text)
            if n and founded:
                self.anniv_year = int(founded.group(1) or founded.group(2)) + int(n.group(1))
        self.main_union = self._main_union()
        self.told: list[_Event] = []  # the gatherings collected so far
        years = years_in(text)
        self.text_year = max(set(years), key=lambda y: (years.count(y), y)) if years else None
        self.ref_year = int(self.published[:4]) if self.published else self.text_year

    def _main_union(self) -> OrgMention | None:
        unions = [m for m in self.doc.orgs if m.kind == "FriendshipUnion" and m.name]
        local = [m for m in unions if m.locality == self.doc.locality] or unions
        return local[0] if local else None

    def date(self, sent: int, a: int, b: int, just: bool, in_period: bool,
             look_back: bool = True) -> tuple[str | None, bool]:
        """(ISO date, whether the clause stated it) for an event in this clause; with
        ``look_back``, "cùng ngày" / "Tại đây" take the day an earlier sentence states."""
        s = self.doc.sentences[sent]
        for d in find_dates(s.text[a:b]):
            if _DOC_DATE.search(s.text[max(0, a + d.start - 40):a + d.start]):
                continue  # the date of a cited document, not of the event
            if re.search(r"(?i)\b(dự kiến|sẽ|kế hoạch)\b[^,;.]{0,12}$", s.text[max(0, a + d.start - 30):a + d.start]):
                continue  # "... dự kiến vào tháng 4/2016": a plan's date, not this gathering's
            if re.search(r"(?i)\b(?:đến|tới|kéo dài đến)\s+(?:hết\s+)?(?:ngày\s+)?$",
                         s.text[max(0, a + d.start - 20):a + d.start]) and not re.search(r"(?i)\btừ\b",
                                                                                       s.text[a:a + d.start]):
                continue  # "Triển lãm mở cửa đến hết ngày 10/6": when it ends, not when it was held
            after = s.text[a + d.end:a + d.end + 4]
            before = s.text[max(0, a + d.start - 160):a + d.start]
            if d.year and ((self.published and d.year < int(self.published[:4]) - 2)
                           or re.match(r"\s*[-–—]\s*\d", after)
                           or re.search(r"\d{4}\s*[-–—]\s*$", before)  # "(8/5/1989 - 8/5/2024)": a span's end
                           or re.search(r"kỷ niệm\s+\d{1,3}\s+năm[^;]*\($", before)):
                continue  # history the article recalls ("5/9/1962 – 5/9/2022", "kỷ niệm 55 năm … (24/6/1967)")
            if d.day and d.month:
                year = d.year or infer_year(d.month, d.day, self.published, self.review) \
                    or self.term or self.anniv_year or self.text_year
                return iso(year, d.month, d.day), True
            if d.month and d.year:
                return iso(d.year, d.month), True
            if d.month and (in_period or self.period_year or self.text_year):
                return iso(self.period_year or self.text_year, d.month), True
            if d.month and self.published and len(self.published) >= 7:
                # "trong tháng 3" in an article of December 2009: that year's March (last year's when
                # the month is after the stamp's)
                year = int(self.published[:4]) - (1 if d.month > int(self.published[5:7]) else 0)
                return iso(year, d.month), True
        if look_back and (_SAME_DAY.search(s.text[a:b]) or _HERE.match(s.text)):
            # "chiều cùng ngày", "Tại đây, ...", "Kết thúc hội đàm, ...": the day of the gathering just
            # told, else the day last named
            told = [e for e in self.told if e.sent < sent and e.date and len(e.date) == 10]
            if told:
                return told[-1].date, True
            # (the earlier sentences are not asked to look back in turn: a run of "Sau đó"
            # sentences without a date made that exponential)
            for prev in range(sent - 1, max(-1, sent - 11), -1):
                if _FUTURE.search(self.doc.sentences[prev].text):
                    continue  # "... sẽ được tổ chức": a plan's day, not the one last named
                got, stated = self.date(prev, 0, len(self.doc.sentences[prev].text), False, False,
                                        look_back=False)
                if stated and got and len(got) == 10:
                    return got, True
        if look_back and re.match(r"(?i)\s*trước đó\b", s.text):
            # "Trước đó, bà X đã tiếp ...": before the gathering just told, in its month at least
            told = [e for e in self.told if e.sent < sent and e.date and len(e.date) >= 7]
            if told:
                return told[-1].date[:7], False
            for prev in range(sent - 1, max(-1, sent - 11), -1):
                if _FUTURE.search(self.doc.sentences[prev].text):
                    continue  # "dự kiến vào tháng 10 tới": a plan's month, not the gathering's
                got, stated = self.date(prev, 0, len(self.doc.sentences[prev].text), False, False,
                                        look_back=False)
                if stated and got and len(got) >= 7:
                    return got[:7], False
        m = re.search(r"\bnăm\s+(\d{4})\b", s.text[a:b])
        anniv = re.search(r"kỷ niệm\s+(\d{1,3})\s+năm[^;()]{0,120}\((?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*)?(\d{4})",
                          s.text[a:b], re.I)
        if anniv:  # "Lễ mít tinh kỷ niệm 61 năm ... (5/9/1962)" -> 2023
            return iso(int(anniv.group(2)) + int(anniv.group(1))), False
        if in_period and self.period_year:
            return iso(self.period_year), False
        para_year = self.paragraph_year(sent)
        if para_year and (not self.published or para_year < int(self.published[:4])):
            return iso(para_year), False  # an activity of the year a review paragraph is about
        if self.published and (just or not in_period):
            return self.published[:7], False
        if m and not in_period:
            return m.group(1), False
        if self.anniv_year:
            return iso(self.anniv_year), False
        if self.term:
            return iso(self.term), False
        if self.review[0]:
            return iso(self.review[0]), False
        return None, False

    def paragraph_year(self, sent: int) -> int | None:
        """The year a paragraph is about: 'Năm 2018, ...' opening it or an earlier sentence of it."""
        doc = self.doc
        para = doc.sentences[sent].paragraph
        for s in doc.sentences:
            if s.paragraph == para and s.index <= sent:
                m = re.match(r"\s*(?:Trong\s+)?[Nn]ăm\s+(\d{4})\b", s.text)
                if m:
                    return int(m.group(1))
        return None

    def location(self, sent: int, a: int, b: int, visit: bool) -> str | None:
        s = self.doc.sentences[sent]
        text = s.text[a:b]
        best = None
        inside = [(o.start, o.end) for o in self.doc.orgs if o.sent == sent]
        for m in _LOCATION.finditer(text):
            at = s.start + a + m.start()
            if any(o_start <= at < o_end for o_start, o_end in inside):
                continue  # "Tổng Lãnh sự quán Hàn Quốc tại TP. Hồ Chí Minh": a body's name, no venue
            if _LIVED_AT.search(text[:m.start()]) or (not visit and _WORKED_AT.search(text[:m.start()])):
                continue  # "liệt sĩ hy sinh tại Lào", "người Lào sinh sống tại tỉnh": where people are
            rest = re.sub(r"^(TP|Tp)\.\s*", "thành phố ", text[m.start(1):])  # "tại TP. Vũng Tàu"
            rest = re.sub(r"^khu vực\s+(?=[A-ZĐÀ-Ỹ])", "", rest)  # "tại khu vực Cửa khẩu Quốc tế Xa Mát"
            place = _LOCATION_END.sub("", re.split(r"[,;.()]", rest)[0]).strip(" \"“”")
            limit = 16 if re.match(r"(trụ sở|hội trường|văn phòng)\b", place, re.I) else 10  # a body's seat
            if not place or _NOT_LOCATION.match(place) or len(place.split()) > limit:
                continue
            best = place
            break
        if best is None and visit:
            # the place's capitalised name only: not "(Lào) từ ngày 12 đến 15/3" after it
            m = re.search(r"\bthăm(?: và làm việc)?(?: tại)?\s+(tỉnh|thành phố)((?:\s+(?:[A-ZĐÀ-Ỹ][^\s,;.()]*|[–-]))*)",
                          text)
            if m:
                best = (m.group(1) + (m.group(2) or "")).strip(" –-")
        if best is None:
            return None
        words = best.split()
        if words[-1] in ("tỉnh", "phố") and self.doc.locality:
            best = f"{best} {self.doc.locality}"
        return best

    def organiser(self, sent: int, a: int, k_start: int, b: int, kind: str) -> tuple[OrgMention | None, bool]:
        s = self.doc.sentences[sent]
        clause = masked(self.doc, sent)[a:b]
        rel = k_start - a
        after = clause[rel:]
        m = re.search(r"\bdo\s+", after)
        if m:
            orgs = _orgs_between(self.doc, sent, a + rel + m.end(), b)
            if orgs and re.match(r"[^,;]{0,80}?\b(tổ chức|chủ trì|đăng cai|phối hợp)",
                                 clause[orgs[0].start - s.start - a:]):
                return orgs[0], True  # "do X tổ chức" ("do X tài trợ" names a donor, not the organiser)
        before = clause[:rel + 9]  # a reception's own verb ("đón tiếp") is at the trigger
        if re.search(r"\btham gia đón tiếp|\btham gia tiếp\b", before, re.I):
            return None, False
        org_verb = list(_ORGANISE.finditer(before)) or list(re.finditer(r"đón tiếp|tiếp đón", before))
        if org_verb:
            verb_at = org_verb[-1].start()
            orgs = [o for o in _orgs_between(self.doc, sent, a, a + verb_at)
                    if not _in_location(s.text, o.start - s.start)]
            coop = re.search(r"phối hợp với", before[:verb_at], re.I)
            if coop:
                lead = [o for o in orgs if o.start - s.start < a + coop.start()]
                if lead:
                    return lead[0], True
                subj = [o for o in _orgs_between(self.doc, sent, 0, a + coop.start())
                        if not re.search(r"\b(với|và|cho|của)\s*$",
                                         s.text[max(0, o.start - s.start - 8):o.start - s.start])]
                if subj:
                    return subj[0], True
                return self.main_union, self.main_union is not None
            if orgs:
                return orgs[0], True
            subj = [o for o in _orgs_between(self.doc, sent, 0, a + verb_at)
                    if not _in_location(s.text, o.start - s.start)
                    and not re.search(r"\b(với|và|cho|của)\s*$", s.text[max(0, o.start - s.start - 8):o.start - s.start])]
            if subj:
                return subj[0], True
            if self.main_union is not None and re.match(_LIST_ITEM_LEAD + r"(phối hợp|tổ chức|chủ trì|đón tiếp|tiếp)",
                                                        clause, re.I):
                return self.main_union, True  # a report's list: "tổ chức Đoàn ... sang thăm ..."
        # the body whose gathering it is: "Đại hội Hội hữu nghị X", "hội nghị Ban Chấp hành Liên hiệp"
        label_end = k_start + len(_label(self.doc, sent, self._tok(sent, k_start), b)) + 1
        own = [o for o in _orgs_between(self.doc, sent, k_start, min(b, label_end))
               # "Đại hội ghi nhận đóng góp của Quỹ X": a body the gathering speaks of, not its own
               if not re.search(r"\b(với|cho|từ|và|có|diện)\s*$",
                                s.text[max(0, o.start - s.start - 9):o.start - s.start])
               # "chúc mừng Đại hội và khẳng định Hội X ...": a clause of its own after "và"
               and not re.search(r"\svà\s", s.text[k_start:o.start - s.start])
               # "Đại hội được tổ chức theo Quyết định số 1462/QĐ-UBND ngày … của UBND tỉnh": the
               # document's author, not the gathering's body
               and not _DOC_AUTHOR.search(s.text[max(0, o.start - s.start - 90):o.start - s.start])]
        if own and kind in ("Congress", "Conference", "Ceremony"):
            return own[0], True
        prior = _orgs_between(self.doc, sent, a, k_start)
        if prior and kind in ("Conference", "Congress", "Meeting"):
            return prior[0], False
        return None, False

    def collect(self) -> list[_Event]:
        doc = self.doc
        events: list[_Event] = []
        self.told = events
        for s in doc.sentences:
            clauses = _clauses(s.text)
            in_period = bool(_PERIOD.search(s.text)) and len(clauses) > 1
            prev_visit_org: tuple | None = None
            mtext = masked(doc, s.index)
            first_end = clauses[0][1]
            host = _VISIT_HOSTED.match(s.text)
            if host and events and events[-1].kind == "Visit" and events[-1].sent == s.index - 1:
                hosts = _orgs_between(doc, s.index, host.end(), len(s.text))
                if hosts:  # "Chuyến thăm do Liên hiệp ... đón tiếp": who hosted the visit just told
                    events[-1].organiser, events[-1].organiser_stated = hosts[0], True
                    continue
            hosts_of = _HOSTS_OF_TOLD.match(s.text)
            if hosts_of and events and events[-1].kind in ("Visit", "Reception"):
                self.hosted_by(events[-1], s.index, hosts_of.end())
                continue  # "Tiếp đoàn có ông X, Chủ tịch Hội Y": who received the delegation just told
            for a, b in clauses:
                ctext = mtext[a:b]
                found = False
                for k, n, kind in _triggers(doc, s.index, a, b):
                    pos = s.tokens[k].start - s.start
                    prefix = mtext[a:pos] + " " + (mtext[:min(pos, first_end)] if a else "")
                    cue = _FUTURE.search(prefix)
                    if cue and not _JUST.search(mtext[a:pos]) \
                            and not (cue.group(1).lower() in ("hướng dẫn", "chỉ đạo,", "đề ra")
                                     and re.search(r"\bthành công\b|\bđã\b",
                                                   prefix + " " + mtext[pos:pos + 40])):
                        continue  # "sẽ tổ chức", "đề nghị tổ chức" (but "hướng dẫn ... tổ chức thành công")
                    if _PLANNED_AFTER.match(mtext[pos:b]):
                        continue  # "Đại hội đại biểu Hội lần thứ III dự kiến được tổ chức vào quý II"
                    if _AROUND_TOLD.match(mtext[a:pos]) and any(e.kind == kind for e in events):
                        continue  # "Trước lễ ký kết, đồng chí X đã tiếp đoàn": the one told, as a time
                    if kind != "Ceremony" and _SIGNING.search(mtext[a:pos]):
                        continue  # "đã ký MoU về hợp tác ..., giao lưu văn hóa": the agreement's topic
                    if _ATTENDING.match(mtext[a:pos]) and _ATTENDEES.match(mtext[pos:b]) \
                            and any(e.kind == kind for e in events):
                        found = True  # "Dự lễ bàn giao có ...": who attended the one just told
                        break
                    ev = self.make(s.index, a, b, pos, kind, k, in_period)
                    congress = next((e for e in reversed(events) if e.kind == "Congress" and e.organiser_stated), None)
                    if kind == "Conference" and (re.search(r"\bBan Chấp hành\b|\bBCH\b", s.text[a:pos] + ev.label)
                                                 # "Tại phiên họp thứ nhất ..., Ban Chấp hành khóa II đã ..."
                                                 or (_FIRST_SESSION.search(s.text[a:b]) and congress is not None
                                                     and re.search(r"\bBan Chấp hành\b|\bBCH\b", s.text[pos:]))):
                        if ev.organiser is None:
                            # "Hội nghị lần thứ nhất Ban Chấp hành khóa IV": the committee of the body whose
                            # congress was told, else of the article's union
                            held = congress.organiser if congress and congress.organiser else self.main_union
                            ev.organiser, ev.organiser_stated = held, held is not None
                            ev.anaphoric = ev.anaphoric and held is None
                        if congress is not None and congress.date and len(congress.date) == 10 \
                                and _FIRST_SESSION.search(s.text[a:b]) and (not ev.date or len(ev.date) < 10):
                            ev.date = congress.date  # the new committee's first session: the congress's day
                    if kind == "Reception" and not re.search(r"\bdo\b|phối hợp|tham gia", ctext):
                        self.host(ev, s.index, a, pos)  # "X đã có buổi tiếp ông Y"
                        ev.anaphoric = ev.anaphoric and not ev.organiser_stated
                    events.append(ev)
                    found = True
                    break
                if found:
                    continue
                sign = _SIGNING.search(ctext)
                if sign and (_SINCE.search(ctext[:sign.start()]) or self._past_year(ctext)):
                    sign = None  # "Từ khi hai địa phương ký kết ... năm 2019": history recalled
                if sign and not _FUTURE.search(mtext[a:a + sign.start()] + " " + mtext[:min(a, first_end)]):
                    # "hai bên đã ký Biên bản ghi nhớ": a signing between the parties, organiser not stated
                    ev = self.make(s.index, a, b, a + sign.start(), "Ceremony", None, in_period)
                    ev.organiser, ev.organiser_stated, ev.anaphoric = None, False, False
                    ev.label = " ".join(s.text[a + sign.start():b].split()[:12])
                    events.append(ev)
                    continue
                call = _COURTESY_CALL.search(ctext)
                if call and not _FUTURE.search(mtext[a:a + call.start()]):
                    host = next((p for p in doc.persons if p.sent == s.index
                                 and 0 <= p.start - s.start - a - call.end() <= 2), None)
                    if host is not None:
                        # "đoàn đến chào xã giao đồng chí X, Bí thư Tỉnh ủy": X receives them, as host
                        ev = self.make(s.index, a, b, a + call.start(), "Reception", None, in_period)
                        posts = [p for p in doc.posts if p.person is host and p.org and p.org.name]
                        ev.organiser, ev.organiser_stated = (posts[-1].org, True) if posts else (None, False)
                        ev.chair, ev.anaphoric = host.name, False
                        ev.label = " ".join(s.text[a:b].split()[:16])
                        events.append(ev)
                        continue
                rec = _RECEPTION_VERBS.search(ctext)
                if rec and (re.search(r"\b(trực|kế|gián|liên|sự|cảm ơn)\s*$", ctext[:rec.start()])
                            or re.search(r"\b(khi|vì)\s+được\b[^,;]*$", ctext[:rec.start()])
                            or re.match(r"\s*\d", ctext[rec.end():])):
                    # "trực tiếp", "sự đón tiếp", "đón tiếp 27 đoàn" (a count), "xúc động khi được
                    # quê hương đón tiếp" (a guest's thanks for the gathering being told)
                    rec = None
                visit = _VISIT.search(ctext)
                if visit and (re.search(r"\bnhân (dịp|chuyến)[^,;]*$", ctext[:visit.start()], re.I)
                              or any(e.sent == s.index and (e.clause == (a, b) or len(clauses) == 1)
                                     for e in events)
                              or re.search(r"(?:\d+|nhiều|các|những|hàng chục|hàng trăm)\s+đoàn", ctext)):
                    visit = None  # the occasion of a reported meeting, or a count of delegations
                starts_with_delegation = bool(re.match(r"\s*[Đđ]oàn\b", ctext)) and prev_visit_org
                guest = rec and re.search(r"^\s*(và làm việc với\s+|với\s+)?([A-ZĐÀ-Ỹ]|đoàn|ông|bà|ngài|"
                                          r"các (?:trưởng đoàn|đoàn|đại biểu|vị khách|khách|đại sứ))",
                                          ctext[rec.end():])  # "tiếp xã giao các trưởng đoàn quốc tế"
                if (rec and guest) or (visit and _DELEGATION.search(ctext)) or starts_with_delegation:
                    verb_at = rec.start() if rec else (visit.start() if visit else 0)
                    if _FUTURE.search(mtext[a:a + verb_at] + " " + mtext[:min(a, first_end)]):
                        continue
                    pos = a + (rec.start() if rec else (visit.start() if visit else 0))
                    ev = self.make(s.index, a, b, pos, "Reception" if rec else "Visit", None, in_period)
                    if starts_with_delegation and not rec:
                        ev.organiser, ev.organiser_stated = prev_visit_org[0], prev_visit_org[1]
                    if rec and not re.search(r"tham gia|phối hợp", ctext[:rec.start()], re.I):
                        self.host(ev, s.index, a, a + rec.start())
                        ev.anaphoric = ev.anaphoric and not ev.organiser_stated
                    if rec and ev.organiser is None and re.match(_LIST_ITEM_LEAD + r"(tiếp|đón tiếp|tiếp đón)\b",
                                                                ctext, re.I):
                        ev.organiser, ev.organiser_stated = self.main_union, self.main_union is not None
                    ev.label = " ".join(s.text[a:b].split()[:16])
                    told = _just_told(events, s.index) if rec and not find_dates(ctext) else None
                    if told is not None and re.match(r"\s*(?:xã giao\s+)?đoàn\b", ctext[rec.end():]) \
                            and not _SAME_DAY.search(ctext) \
                            and not re.search(r"(?i)\btrước\b", mtext[:a + rec.start()]):
                        ev.date = told.date  # "Đồng chí X đã tiếp xã giao đoàn.": the delegation just told, then
                    visit = told
                    if visit is not None and visit.kind == "Visit" and len(visit.date) == 10 \
                            and not _SEPARATE_VISIT.match(ctext) and (ev.chair or ev.organiser_stated):
                        # "Chiều cùng ngày, đoàn đến thăm thành phố Leuven. Bà X, Phó Thị trưởng ... đã tiếp
                        # đoàn tại Tòa Thị chính": who received the visit just told, that day
                        visit.chair = visit.chair or ev.chair
                        if ev.organiser_stated and not visit.organiser_stated:
                            visit.organiser, visit.organiser_stated = ev.organiser, True
                        visit.location = ev.location or visit.location
                        visit.kind = "Reception"
                        continue
                    events.append(ev)
                    prev_visit_org = (ev.organiser, ev.organiser_stated)
                    continue
                work = _WORKED_WITH.search(ctext)
                if work and not any(e.sent == s.index and e.clause == (a, b) for e in events) \
                        and any(o.sent == s.index and o.start - s.start == a + work.end() and o.name
                                for o in doc.orgs) \
                        and not _FUTURE.search(mtext[a:a + work.start()] + " " + mtext[:min(a, first_end)]):
                    # "... đã đến São Paulo ngày 11/9 và ngay trong ngày đã làm việc với Hội hữu nghị X":
                    # a working session of the delegation with that body, its host not stated
                    ev = self.make(s.index, a, b, a + work.start(), "Meeting", None, in_period)
                    ev.organiser, ev.organiser_stated, ev.anaphoric = None, False, False
                    told = _just_told(events, s.index, same_sentence=True)
                    if told is not None and not self.date(s.index, a, b, False, in_period)[1]:
                        ev.date = told.date  # "Tháng 10/2019, đoàn … thăm Israel. Đoàn đã làm việc với X"
                    ev.label = " ".join(s.text[a + work.start():b].split()[:12])
                    events.append(ev)
        return events

    def _past_year(self, text: str) -> bool:
        """The clause dates itself in a year before the article's ("... năm 2019" in 2023)."""
        m = re.search(r"\bnăm\s+(\d{4})\b", text)
        return bool(m and self.published and int(m.group(1)) < int(self.published[:4]))

    def host(self, ev: _Event, sent: int, a: int, verb: int) -> None:
        """The host of a reception chairs it; the organiser is the body in the host's title (its last
        post in the sentence), or the host itself when the host is a body ("UBND huyện X tiếp ...")."""
        doc = self.doc
        s = doc.sentences[sent]
        host = _person_before(doc, sent, verb)
        orgs = [o for o in _orgs_between(doc, sent, a, verb) if not _in_location(s.text, o.start - s.start)]
        if host and host.start - s.start >= a:
            ev.chair = host.name
            posts = [p for p in doc.posts if p.person is host and p.org and p.org.name] or \
                [p for p in doc.posts if p.person.name == host.name and p.org and p.org.name
                 and not p.former]  # "Trước đó, đồng chí X đã tiếp ...": X's posts told earlier
            if posts:
                # the post the article calls the host by elsewhere ("Bí thư Tỉnh ủy tiếp đoàn ..."
                # in the headline), else the last of the chain (the most specific)
                text = doc.article.text
                named = [p for p in posts if text.count(f"{p.title} {p.org.surface}") > 1]
                ev.organiser, ev.organiser_stated = (named or posts)[-1].org, True
                return
        if orgs:
            ev.organiser, ev.organiser_stated = orgs[-1], True

    def hosted_by(self, ev: _Event, sent: int, at: int) -> None:
        """The person named right after ``at`` received the delegation of ``ev``: the host chairs
        it, and the body of the host's post hosts it, unless the text already said who did."""
        s = self.doc.sentences[sent]
        host = next((p for p in self.doc.persons if p.sent == sent
                     and 0 <= p.start - s.start - at <= 12), None)
        if host is None:
            return  # "Tiếp đoàn có đại diện lãnh đạo Sở ..." names who attended, not a host
        if ev.chair is None:
            ev.chair = host.name
        posts = [p for p in self.doc.posts if p.person is host and p.org and p.org.name]
        if posts and not ev.organiser_stated:
            ev.organiser, ev.organiser_stated = posts[0].org, True
        ev.anaphoric = False

    def _tok(self, sent: int, pos: int) -> int:
        s = self.doc.sentences[sent]
        for i, t in enumerate(s.tokens):
            if t.start - s.start >= pos:
                return i
        return len(s.tokens) - 1

    def make(self, sent: int, a: int, b: int, pos: int, kind: str, k: int | None, in_period: bool) -> _Event:
        s = self.doc.sentences[sent]
        just = bool(_JUST.search(s.text[:pos]))
        date, stated = self.date(sent, a, b, just, in_period)
        org, org_stated = self.organiser(sent, a, pos, b, kind)
        location = self.location(sent, a, b, kind in ("Visit", "Reception"))
        label = _label(self.doc, sent, k, b) if k is not None else s.text[a:b].strip()
        anaphoric = not stated and not org_stated and location is None
        backref = anaphoric and bool(_BACKREF.search(s.text[max(0, pos - 24):pos]))
        return _Event(kind, sent, (a, b), label, org, org_stated, date, location, None, anaphoric,
                      backref, s.text[a:b])


# "Tiếp đoàn có ông X, ...", "Đón tiếp và làm việc với đoàn có bà Y": the hosts of the visit just told
_HOSTS_OF_TOLD = re.compile(r"\s*(?:Tiếp|Đón tiếp|Tiếp đón)(?:\s+và\s+làm việc(?:\s+với)?)?\s+[Đđ]oàn\s*,?\s+có\s+")
# "Trước lễ ký kết, ...", "Sau buổi hội đàm, ...", "Bên lề Hội nghị, ...": a gathering already told, as a time
_AROUND_TOLD = re.compile(r"(?i)\s*(?:[-–•+]\s*)?(?:trước|sau|ngay sau|kết thúc|bên lề|trong khuôn khổ)\s+"
                          r"(?:(?:buổi|cuộc)\s+)?$")
_PLANNED_AFTER = re.compile(r"(?i)[^,;.]{0,60}?\b(?:dự kiến|sẽ|dự định)\s+(?:được\s+)?(?:tổ chức|diễn ra|khai mạc)\b")
_WORKED_WITH = re.compile(r"(?i)\bđã\s+(?:có\s+buổi\s+)?làm việc với\s+")
_SPAN = re.compile(r"(?i)\btừ\s+(?:ngày\s+)?\d{1,2}(?:\s*/\s*\d{1,2})?\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?\d{1,2}\s*/")
_DOC_AUTHOR = re.compile(r"(?i)\b(?:quyết định|kế hoạch|chỉ thị|nghị quyết|công văn|thông báo|hướng dẫn)\s+"
                         r"(?:số\s+)?\S+(?:\s+ngày\s+\S+)?\s+của\s+$")
_VISIT_HOSTED = re.compile(r"\s*(?:Chuyến thăm|Chuyến công tác|Chuyến làm việc)(?:\s+này)?\s+do\s+")
_ATTENDING = re.compile(r"(?i)\s*(?:(?:tham\s+|tới\s+|đến\s+|về\s+)?dự(?:\s+và\s+(?:chỉ đạo|phát biểu(?:\s+chỉ đạo)?))?"
                        r"|(?:cùng\s+)?chứng kiến)\s*$")
_ATTENDEES = re.compile(r"\S+(?:\s+\S+){0,4}?\s+có\s")  # "lễ bàn giao có <who>"
# a delegation's courtesy call on a leader, who receives it: the host is the person named right after
_COURTESY_CALL = re.compile(r"(?i)\b(?:đến\s+|đã\s+)?(?:chào xã giao|thăm xã giao|chào và làm việc với)\s+"
                            r"(?:đồng chí|ông|bà|ngài)?\s*")
# (and "Hai bên đã ký ...": the parties of the gathering just told sign at it)
_HERE = re.compile(r"(?i)\s*(tại đây|cũng tại đây|sau đó|tiếp đó|dịp này|nhân dịp này|"
                   r"hai bên\s+(?:đã\s+|cũng\s+|chính thức\s+)*(?:ký|trao đổi văn kiện)|"
                   r"(kết thúc|sau|ngay sau)\s+(buổi\s+|cuộc\s+)?(hội đàm|làm việc|hội nghị|đại hội|"
                   r"buổi lễ|lễ|buổi tiếp|tiếp))\b")
_DECIDED = re.compile(r"(?:\s+\S+){0,1}?\s+(đã thống nhất|thống nhất|đã biểu quyết|biểu quyết|"
                      r"đã nhất trí|nhất trí|đã thông qua|thông qua|cũng đã|đã bầu|bầu|"
                      r"(?:đã |cũng )?(?:ghi nhận|biểu dương|đánh giá cao|tôn vinh|ra nghị quyết))\b")
_SINCE = re.compile(r"(?i)\b(từ khi|kể từ khi|kể từ|từ năm|sau khi)\s+[^;,.]{0,40}$")
_SAME_DAY = re.compile(r"(?i)\b(cùng ngày|trong ngày|ngày hôm đó|hôm đó|cùng buổi)\b")
# "Tại buổi làm việc, ..." after "X tiếp và làm việc với đoàn": the reception is that working session
_BACKREF = re.compile(r"(?i)\b(tại|trong|sau|kết thúc|chủ trì)\s+(buổi|cuộc)?\s*$")
_SEPARATE_VISIT = re.compile(r"(?i)\s*(trước đó|sau đó|tiếp đó|cùng ngày|(?:sáng|chiều|tối) cùng ngày)\b")
# the start of an item of a report's list, before its verb: "- ", "+ ", "- Tháng 3: ", "- Ngày 15/5: "
_LIST_ITEM_LEAD = r"(?i)\s*[-–•+*]?\s*(?:(?:ngày|tháng)\s+[\d/\-]+\s*[:,]\s*)?"
_FIRST_SESSION = re.compile(r"(?i)\b(phiên (?:họp )?(?:thứ nhất|đầu tiên|lần thứ nhất)"
                            r"|(?:hội nghị|kỳ họp) lần thứ nhất)\b")
_SAME_GATHERING = {"Meeting": ("Reception", "Visit"), "Reception": ("Meeting",), "Visit": ("Meeting",)}


def _just_told(events: list[_Event], sent: int, same_sentence: bool = False) -> _Event | None:
    """The dated gathering told in the sentence before ``sent`` (or in it, with ``same_sentence``), which
    a sentence without a date of its own goes on about; else None."""
    last = events[-1] if events else None
    if last is None or not last.date or not (last.sent == sent - 1 or (same_sentence and last.sent == sent)):
        return None
    return last


def _ceremony_act(label: str) -> str | None:
    """What a ceremony does, by the word after "lễ" ("kỷ" niệm, "bàn" giao, "trao"), or "ký"
    for a signing; None when the label does not say."""
    words = label.lower().replace(".", " ").split()[:8]
    while words and words[0] in ("buổi", "đã", "vừa", "cùng", "chính", "thức"):
        words = words[1:]  # "đã ký ...", "buổi lễ trao ...", "chính thức ký ..."
    if len(words) >= 2 and words[0] == "lễ":
        return "bàn" if words[1] == "tiếp" and words[2:3] == ["nhận"] else words[1]  # receiving = handing over
    if words[:1] == ["ký"] and "bàn giao" in " ".join(words[:5]):
        return "bàn"  # "ký biên bản bàn giao": the handover's own record, signed at it
    if words[:1] == ["trao"] or words[:2] == ["tổ", "chức"] and words[2:3] == ["trao"]:
        return "trao"  # "trao 25 suất học bổng": a handing out of its own
    return "ký" if words[:1] == ["ký"] else None


def _other_ceremony(a: str, b: str) -> bool:
    """Two ceremonies named apart ("Lễ kỷ niệm ..." and "Lễ bàn giao ...", a signing and "lễ
    trao học bổng"): never one event."""
    act_a, act_b = _ceremony_act(a), _ceremony_act(b)
    return act_a is not None and act_b is not None and act_a != act_b


def _merge(events: list[_Event]) -> list[_Event]:
    """Anaphoric mentions join the earlier event of their kind; restatements merge."""
    out: list[_Event] = []
    for ev in events:
        target = None
        for prev in reversed(out):
            if prev.kind != ev.kind and not (ev.backref and (prev.kind in _SAME_GATHERING.get(ev.kind, ())
                                                             or (prev is out[-1] and ev.anaphoric))):
                # ("X chủ trì buổi gặp mặt" right after 'tổ chức chương trình "Xuân quê hương"': the one told)
                continue
            same_org = (ev.organiser is None or prev.organiser is None
                        or ev.organiser.name == prev.organiser.name)
            dates_ok = (not ev.date or not prev.date or ev.date.startswith(prev.date)
                        or prev.date.startswith(ev.date))
            if _other_ceremony(ev.label, prev.label):
                break
            same_act = ev.kind == "Ceremony" and not ev.organiser_stated and dates_ok \
                and _ceremony_act(ev.label) is not None and _ceremony_act(ev.label) == _ceremony_act(prev.label)
            if ev.anaphoric or same_act or (same_org and dates_ok and ev.sent != prev.sent
                                and not (ev.kind == "Reception" and ev.chair and prev.chair
                                         and ev.chair != prev.chair)  # two hosts: two receptions
                                and (ev.organiser is not None or prev.organiser is None
                                     or not ev.organiser_stated)
                                and not (ev.date and prev.date and len(ev.date) == len(prev.date) == 4
                                         and ev.kind in ("Meeting", "Visit", "Reception"))):
                target = prev
            break
        if target is None:
            if ev.anaphoric and not ev.organiser and not ev.date:
                continue
            out.append(ev)
            continue
        if ev.date and (not target.date or len(ev.date) > len(target.date)):
            target.date = ev.date
            target.clause_text = ev.clause_text  # the clause that dates it (a span "Từ ngày 11 đến 15/11")
        if ev.organiser and not target.organiser_stated:
            target.organiser, target.organiser_stated = ev.organiser, ev.organiser_stated
        target.location = target.location or ev.location
        if ev.chair and not target.chair:
            target.chair = ev.chair
    return out


def _event_for(events: list[_Event], doc: Doc, sent: int) -> _Event | None:
    """The event a sentence speaks of: one in the sentence, else the nearest earlier one, else the first."""
    here = [e for e in events if e.sent == sent]
    if here:
        return here[0]
    earlier = [e for e in events if e.sent < sent]
    if earlier:
        main = [e for e in events if e.kind in ("Conference", "Congress", "Reception", "Ceremony")]
        return main[0] if main else earlier[-1]
    return events[0] if events else None


def _chaired(events: list[_Event], doc: Doc, sent: int, at: int, default: _Event) -> _Event:
    """The event "chủ trì buổi hội đàm" names by its kind: the latest such one told so far (a
    working session told after the main reception); else the sentence's event."""
    s = doc.sentences[sent]
    k = next((i for i, t in enumerate(s.tokens) if t.start - s.start >= at), len(s.tokens))
    if k < len(s.tokens) and s.tokens[k].key in ("buổi", "cuộc"):
        k += 1
    named = longest(s.tokens, k, doc.lex.event_triggers, doc.lex.max_words["event_triggers"])
    if named is None or default.kind == named[1]:
        return default
    same = [e for e in events if e.kind == named[1] and e.sent <= sent]
    return same[-1] if same else default


def _leader_of(doc: Doc, person: str, org: OrgMention | None) -> bool:
    if org is None:
        return False
    return any(p.person.name == person and p.org is not None and p.org.name == org.name for p in doc.posts)


def _drop_occasion_visits(events: list[_Event]) -> list[_Event]:
    """A delegation's visit told after its reception is the occasion of that meeting, not another event."""
    out = []
    for ev in events:
        if _SEPARATE_VISIT.match(ev.clause_text or "") and (
                ev.location or re.search(r"\b(?:làm việc với|thăm(?: và [^,;]{0,20}?)?)\s+[A-ZĐÀ-Ỹ]", ev.clause_text)):
            # "Trước đó, sáng cùng ngày, đoàn đã thăm ... tại Trường X", "Trước đó, đoàn đã làm việc
            # với Đồn Biên phòng X": a visit of its own
            out.append(ev)
            continue
        if ev.kind == "Visit" and ev.organiser is None and ev.date and len(ev.date) == 10 \
                and _SPAN.search(ev.clause_text or "") and any(
                    e is not ev and e.sent > ev.sent and e.date and len(e.date) == 10
                    and e.date[:7] == ev.date[:7] and e.date >= ev.date for e in events):
            continue  # "Từ ngày 11 đến 15/11, đoàn ... thăm và làm việc tại Bỉ", its days told one by one
        if ev.kind == "Visit" and ev.organiser is None and any(
                e.kind == "Reception" and e.sent < ev.sent and e.organiser is not None
                # "Sáng 4/4, đoàn đã đến dâng hương ... và thăm ..." the day after, with nothing else
                # told of that day: a visit of its own
                and not (ev.date and e.date and len(ev.date) == len(e.date) == 10 and ev.date > e.date
                         and not any(o is not ev and o.date == ev.date for o in events))
                for e in events):
            continue
        out.append(ev)
    return out


def extract_events(doc: Doc) -> tuple[EventRecord, ...]:
    """The article's events (once per document: extract_positions asks for them too, to
    date an article without a publication date)."""
    if "events" not in doc.memo:
        doc.memo["events"] = _extract_events(doc)
    return doc.memo["events"]  # type: ignore[return-value]


def _extract_events(doc: Doc) -> tuple[EventRecord, ...]:
    builder = _Builder(doc)
    events = _drop_occasion_visits(_merge(builder.collect()))
    if not events:
        return ()
    for s in doc.sentences:
        text = masked(doc, s.index)
        ev = _event_for(events, doc, s.index)
        if ev is None:
            continue
        chair = _CHAIR.search(text)
        if chair:
            person = _person_before(doc, s.index, chair.start())
            if person and not re.search(r"\b(do|phối hợp)\b", text[person.end - s.start:chair.start()]):
                chaired = _chaired(events, doc, s.index, chair.end(), ev)
                chaired.chair = person.name
                if chaired.organiser is None and chaired.sent == s.index:
                    # "buổi làm việc với Sở Ngoại vụ do ông X, Giám đốc Sở, chủ trì": the chair's body,
                    # named in the sentence, hosted it
                    host = next((p.org for p in doc.posts if p.person is person and p.org is not None
                                 and p.org.name and p.org.sent == s.index and not p.former), None)
                    if host is not None:
                        chaired.organiser, chaired.organiser_stated = host, True
            elif person is None:
                # "Đồng chủ trì chương trình có đồng chí X ... và Ngài Y": who chairs, told after
                named = re.match(r"[^;.]{0,60}?\b(?:có|là|gồm)\s", text[chair.end():])
                after = [p for p in doc.persons if p.sent == s.index
                         and p.start - s.start >= chair.end() + (named.end() if named else 0)]
                if named and after:
                    _chaired(events, doc, s.index, chair.end(), ev).chair = after[0].name
        direct = _DIRECT.search(text)
        if direct and not ev.chair:
            people = [p for p in doc.persons if p.sent == s.index]
            leaders = [p for p in people if _leader_of(doc, p.name, ev.organiser)]
            if leaders:
                ev.chair = leaders[0].name
        if _ATTEND.search(text):
            for p in doc.persons:
                if p.sent == s.index and p.name not in ev.attendees and p.name != ev.chair:
                    ev.attendees.append(p.name)
        for m in _AWARD.finditer(text):
            # the counts are in the award's own clause, before or after it ("5 tập thể … được tặng")
            a = text.rfind(";", 0, m.start()) + 1
            b = text.find(";", m.end())
            clause = s.text[a:b if b >= 0 else len(text)]
            counts = {k.lower(): int(n) for n, k in _COUNT.findall(clause)}
            kind = re.split(r"\s+(?:của|cho|tặng|đến|với)\s", " ".join(s.text[m.start():m.end()].split()))[0]
            ev.awards.append(AwardRecord(kind, clause.strip(), doc.evidence(s.index),
                                         counts.get("tập thể"), counts.get("cá nhân")))
    from .countries import country_mentions

    by_sentence: dict[int, list[str]] = {}
    for c in country_mentions(doc):
        sent = next(s.index for s in doc.sentences if s.start == c.evidence.start)
        by_sentence.setdefault(sent, []).append(c.code)
    records = []
    for ev in events:
        conf = 0.9 if ev.organiser_stated and ev.date else 0.75 if ev.date else 0.6
        records.append(EventRecord(
            label=ev.label or ev.kind, kind=ev.kind, evidence=doc.evidence(ev.sent, conf),
            date=ev.date, location=ev.location,
            organiser=ev.organiser.name if ev.organiser and ev.organiser.name else None,
            chair=ev.chair, attendees=tuple(ev.attendees), awards=tuple(ev.awards),
            countries=tuple(dict.fromkeys(by_sentence.get(ev.sent, ())))))
    return tuple(records)


def article_date(doc: Doc, events: tuple[EventRecord, ...]) -> str | None:
    """The date an article attests its facts on: publication, else its first dated event."""
    if doc.article.published:
        return doc.article.published
    dated = [e.date for e in events if e.date]
    return dated[0] if dated else None


__all__ = ["extract_events", "article_date", "replace"]
