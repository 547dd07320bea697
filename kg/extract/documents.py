"""Party and state documents cited by code: "Chỉ thị số 04-CT/TW", "Quyết định 1234/QĐ-UBND".

The code is written without its kind (FORMAT.md rule 8). A directive of a central
party body cited by number only ("Chỉ thị 04 của Ban Bí thư") gets its standard
code ("04-CT/TW"). The issuer ("của Ban Bí thư Trung ương Đảng") and the date
("ngày 02 tháng 12 năm 2008") that follow the code are kept.

Example:
    >>> from kg.ingest import clean
    >>> from kg.lexicon import load_lexicon
    >>> from kg.extract.analysis import analyse
    >>> d = analyse(clean("a", "Thực hiện Chỉ thị 04 của Ban Bí thư và Quyết định số 12/QĐ-UBND."), load_lexicon())
    >>> [x.code for x in extract_documents(d)]
    ['04-CT/TW', '12/QĐ-UBND']
"""
from __future__ import annotations

import re

from ..model import DocumentRecord
from .analysis import Doc
from .dates import find_dates, iso

KINDS = {"chỉ thị": "CT", "nghị quyết": "NQ", "quyết định": "QĐ", "kết luận": "KL", "quy định": "QĐ",
         "công văn": "CV", "kế hoạch": "KH", "thông báo": "TB", "hướng dẫn": "HD", "thông tư": "TT",
         "nghị định": "NĐ", "thông tri": "TT", "chương trình": "CTr", "luật": "QH", "pháp lệnh": "UBTVQH"}
_KIND = "|".join(sorted(KINDS, key=len, reverse=True))
# a part may end in one lower-case letter: "1178/QĐ-TTg" (Thủ tướng)
_CODE = re.compile(r"(?<![\w/])(\d{1,5}(?:/\d{4})?[-/](?:[A-ZĐ]{1,6}\d{0,2}[a-z]?)(?:[-/][A-ZĐ0-9]{1,10}[a-z]?){0,3})"
                   r"(?![\w-])")
_BARE = re.compile(rf"\b({_KIND})\s+(?:số\s+)?(\d{{1,3}})\b(?![-/\d])\s*(?:\([^)]*\)\s*)?của\s+"
                   r"(Ban [Bb]í thư|Bộ Chính trị|Ban Chấp hành Trung ương)", re.I)
_KIND_BEFORE = re.compile(rf"({_KIND})\s+(?:số\s+)?$", re.I)
_CENTRAL = {"ban bí thư": "TW", "bộ chính trị": "TW", "ban chấp hành trung ương": "TW"}


def extract_documents(doc: Doc) -> tuple[DocumentRecord, ...]:
    seen: dict[str, DocumentRecord] = {}
    for s in doc.sentences:
        text = s.text
        for m in _CODE.finditer(text):
            code = m.group(1)
            if not re.search(r"[A-ZĐ]{2}", code) or re.fullmatch(r"\d+/\d+", code):
                continue
            kind_m = _KIND_BEFORE.search(text[max(0, m.start() - 20):m.start()])
            kind = kind_m.group(1).capitalize() if kind_m else None
            if kind is None and not re.search(r"/(TW|TƯ|QĐ|CP|UBND|NĐ|TTg|BNG|LHHN|HĐND|QH)", code):
                continue
            issuer, date = _tail(doc, s.index, m.end())
            if code not in seen:
                seen[code] = DocumentRecord(code, kind, doc.evidence(s.index, 0.95), issuer, date,
                                            text[m.start():m.end()])
        for m in _BARE.finditer(text):
            kind = m.group(1).lower()
            code = f"{int(m.group(2)):02d}-{KINDS[kind]}/TW"
            issuer, date = _tail(doc, s.index, m.start(3))
            if code not in seen:
                seen[code] = DocumentRecord(code, kind.capitalize(), doc.evidence(s.index, 0.7), issuer,
                                            date, m.group(0))
    return tuple(seen.values())


def _tail(doc: Doc, sent: int, pos: int) -> tuple[str | None, str | None]:
    """Issuer and date written right after a code."""
    s = doc.sentences[sent]
    window = s.text[pos:pos + 120]
    date = None
    for d in find_dates(window[:45]):
        if d.year and d.month:
            date = iso(d.year, d.month, d.day)
            break
    issuer = None
    of = re.search(r"\bcủa\s+", window)
    if of and of.start() < 45:
        for m in doc.orgs:
            if m.sent == sent and m.name and m.start - s.start >= pos + of.end() - 1 \
                    and m.start - s.start <= pos + of.end() + 2:
                issuer = m.name
                break
    return issuer, date
