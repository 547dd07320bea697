"""Dates in Vietnamese news and the year an article's events belong to.

Forms: "ngày 15 tháng 11 năm 2020", "15/11/2020", "sáng 9/1", "chiều 15-11",
"ngày 07/6", "(7/6)", "tháng 7/2019", "tháng 7 năm 2019". A day and month
without a year take it from the publication date (the year before if the
day would be after publication), else from the period under review ("tổng
kết công tác năm 2022" in January -> 2023; "6 tháng đầu năm 2019" -> 2019),
else from a congress term ("nhiệm kỳ 2021–2026" -> 2021).

Example:
    >>> find_dates("Sáng 9/1, tại Hà Nội")[0].day_month
    (9, 1)
    >>> infer_year(1, 9, "2023-01-12", None)
    2023
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_FULL_WORDS = re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,)\s*(\d{4})", re.I)
_FULL_NUM = re.compile(r"(?<![\d/])(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_DAY_MONTH_CUE = re.compile(
    r"(?:\b(?:sáng|chiều|tối|trưa|đêm|ngày|hôm|từ|đến|vào)\s+(?:nay\s+)?(?:ngày\s+)?"
    r"(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?|\()"
    r"(\d{1,2})\s*[/\-]\s*(\d{1,2})(?![\d/\-])(?!\s*năm\s*\d)", re.I)
# "từ ngày 7 đến 9/3", "(7–9/3/2018)": a span of days; what happened, began on the first
_DAY_RANGE = re.compile(r"(?<![\d/])(?:\b(?:từ\s+)?(?:ngày\s+)?)?(\d{1,2})\s*(?:[-–—]|\bđến\b|\btới\b)\s*(?:ngày\s+)?"
                        r"(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])", re.I)
_DAY_MONTH_WORDS = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?!\s*(?:năm|,)\s*\d{4})", re.I)
_MONTH_YEAR = re.compile(r"\btháng\s+(\d{1,2})\s*(?:/|-|năm)\s*(\d{4})", re.I)
_MONTH_ONLY = re.compile(r"\b[Tt]háng\s+(\d{1,2})\b(?!\s*(?:/|-|năm)\s*\d{4})(?!\s*tháng)(?!\s*(?:đầu|cuối|qua))")
_REVIEW = re.compile(r"(tổng kết|sơ kết|đánh giá|kết quả)[^.;]{0,60}?(?:năm|nhiệm kỳ)\s+(\d{4})", re.I)
_HALF = re.compile(r"(6|sáu|9|chín)\s+tháng\s+(?:đầu\s+|cuối\s+)?năm\s+(\d{4})", re.I)
_TERM = re.compile(r"nhiệm kỳ\s+(\d{4})\s*[-–—]\s*(\d{4})", re.I)


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets in the string searched
    end: int
    day: int | None
    month: int | None
    year: int | None

    @property
    def day_month(self) -> tuple[int | None, int | None]:
        return self.day, self.month


def _ok(d: int | None, m: int | None, y: int | None) -> bool:
    return (d is None or 1 <= d <= 31) and (m is None or 1 <= m <= 12) and (y is None or 1900 < y < 2100)


def find_dates(text: str) -> list[DateMention]:
    """Every date expression of a sentence, most precise first where they overlap."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, d, mo, y) -> None:
        a, b = m.span()
        if any(a < e and s < b for s, e in taken) or not _ok(d, mo, y):
            return
        taken.append((a, b))
        found.append(DateMention(a, b, d, mo, y))

    for m in _DAY_RANGE.finditer(text):
        if int(m.group(1)) < int(m.group(2)):
            add(m, int(m.group(1)), int(m.group(3)), int(m.group(4)) if m.group(4) else None)
    for m in _FULL_WORDS.finditer(text):
        add(m, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for m in _FULL_NUM.finditer(text):
        add(m, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for m in _MONTH_YEAR.finditer(text):
        add(m, None, int(m.group(1)), int(m.group(2)))
    for m in _DAY_MONTH_WORDS.finditer(text):
        add(m, int(m.group(1)), int(m.group(2)), None)
    for m in _DAY_MONTH_CUE.finditer(text):
        add(m, int(m.group(1)), int(m.group(2)), None)
    for m in _MONTH_ONLY.finditer(text):
        if not re.match(r"\s*(?:\d+\s+)?tháng", text[m.end():m.end() + 12]):
            add(m, None, int(m.group(1)), None)
    found.sort(key=lambda d: d.start)
    return found


def review_year(text: str) -> tuple[int | None, bool]:
    """(year under review, whether it is a whole year) from 'tổng kết ... năm Y' or '6 tháng đầu năm Y'."""
    half = _HALF.search(text)
    if half:
        return int(half.group(2)), False
    m = _REVIEW.search(text)
    if m:  # "sơ kết" reviews part of the year: its months are that year's
        return int(m.group(2)), m.group(1).lower() != "sơ kết"
    return None, False


def term_start(text: str) -> int | None:
    m = _TERM.search(text)
    return int(m.group(1)) if m else None


def infer_year(month: int, day: int, published: str | None, review: tuple[int | None, bool] | None,
               ) -> int | None:
    """The year of a day/month without a year (rule 9 of the gold format)."""
    if published:
        py, pm = int(published[:4]), int(published[5:7]) if len(published) >= 7 else 12
        pd = int(published[8:10]) if len(published) >= 10 else 31
        if (month, day) > (pm, pd) and (month - pm > 1 or (review and review[0] == py - 1)):
            return py - 1  # after the stamp: last year's, above all in a review of last year
        return py
    if review and review[0]:
        year, whole = review
        if whole and month <= 4:
            return year + 1
        return year
    return None


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"
