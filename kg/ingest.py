"""Raw article text -> cleaned ``Article``: site chrome cut, metadata read, text normalised.

Cleaning removes what a portal wraps around a story: print stamps and view
counters, QR-code and share lines, everything from a "Tin khác" / "Từ khóa" /
"Tin liên quan" block on, source tags ("(Haiphong.gov.vn) –"), photo credits
("Ảnh: …"), and the closing byline and source line. It reads the publication
date from the stamp or the closing source line, the byline and the source. The
text is NFC with the press's tone placement; offsets of all later records point
into ``Article.text``.

Example:
    >>> a = clean("x.txt", "Print Thứ Ba, 23/07/2019 10:48\\n\\nSáng 9/1, hội nghị.\\n\\nNP\\nTin khác\\nabc")
    >>> a.published, a.byline, a.text
    ('2019-07-23', 'NP', 'Sáng 9/1, hội nghị.')
"""
from __future__ import annotations

import hashlib
import re

from .model import Article
from .text import normalize_tones

# A line that starts the portal's trailing blocks: everything from it on is chrome.
_TRAILER = re.compile(
    r"^\s*[•·\-*]?\s*(?:các\s+)?(tin khác|tin liên quan|bài liên quan|bài viết liên quan|tin bài liên quan|"
    r"tin cùng chuyên mục|tin cùng chủ đề|tin mới|tin đã đưa|bài viết khác|bài khác|đọc thêm|xem tiếp|"
    r"tin mới nhất|tin đọc nhiều|tin xem nhiều|từ khóa|từ khoá|tags?\s*:|tiện ích thông tin|"
    r"xem thêm|chia sẻ|in bài|gửi bài|qr code|bình luận|ý kiến bạn đọc|có thể bạn quan tâm)\b",
    re.I)
_CHROME_LINE = re.compile(
    r"^\s*(\d[\d.,]*\s+lượt xem|lượt xem\s*:?\s*\d+|qr code.*|mã qr.*|print\s*$|"
    r"chúng tôi trên mạng xã hội|nguồn tin|share|tweet|facebook|zalo|in trang|cỡ chữ.*|"
    r"trở về|quay lại|đầu trang|\(?ảnh\s*:[^)]*\)?\s*|"
    r"(tin|bài|tin và ảnh|tin, ảnh|bài và ảnh|bài, ảnh|tin, ảnh, video|video|clip|nguồn ảnh)\s*:\s*.{1,60})$", re.I)
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})(?!\d)")
# "Thứ Sáu, ngày 12 tháng 2 năm 2016": a stamp in words
_DATE_WORDS = re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,)\s*(\d{4})(?!\d)", re.I)
_STAMP_WORDS = re.compile(
    r"^(print|in|cập nhật|ngày đăng|đăng ngày|đăng lúc|đăng|ngày cập nhật|cập nhật lúc|xuất bản|ngày xuất bản|"
    r"thời gian đăng|ngày|thứ\s*\w+|chủ nhật|\d{1,2}:\d{2}(:\d{2})?|"
    r"lượt (?:xem|đọc)\s*:?\s*[\d.,]+|[\d.,]+\s+lượt (?:xem|đọc)|"  # "Đăng ngày: 17/01/2026 | Lượt xem: 238"
    r"gmt[+\-]?\d*|[|,:\-–\[\]()]|lúc|sáng|chiều|am|pm|\s)+", re.I)
# "(Haiphong.gov.vn) –", "(HNP) -", "ĐNO - ": an outlet's tag before the first sentence
_SOURCE_TAG = re.compile(r"^\s*(?:\(([A-Za-zĐđ0-9.\-]+\.(?:vn|com|net|org)|[A-ZĐ]{2,6})\)|([A-ZĐ]{2,6}))\s*[–—-]\s+")
_BREADCRUMB = re.compile(r"^[^.]{0,80}\s[>»/›→]\s[^.]{0,80}\s[>»/›→]\s[^.]{0,80}$"
                         r"|^\s*(trang chủ|home)\s*[>»/›→|]", re.I)
_PHOTO_CREDIT = re.compile(r"\s*\((?:ảnh|Ảnh|ẢNH)\s*:[^)]*\)|(?:^|\s)(?:Ảnh|ẢNH)\s*:\s*[^.\n]*$", re.M)
_SOURCE_LINE = re.compile(r"^\s*\(?\s*(nguồn|theo)\s*[.:]?\s+(.{2,80}?)\s*\)?\s*$", re.I)
_MONTH_SOURCE = re.compile(r"(?:tháng\s*)?(\d{1,2})\s*[/\-.]\s*(\d{4})")
_MENU_SEP = re.compile(r"\s*[|•·]\s*|[ \t\u00a0]{2,}|\t")
# The outlet's name heading the page ("BÁO LẠNG SƠN ĐIỆN TỬ", "Cổng thông tin điện tử tỉnh ..."):
# not the article's title when it stands above the text.
_OUTLET = re.compile(r"^(báo|cổng thông tin|trang thông tin|tạp chí|đài phát thanh|đài truyền hình)"
                     r"\b[^.!?:]{0,60}$", re.I)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _iso(day: str, month: str, year: str) -> str | None:
    d, m, y = int(day), int(month), int(year)
    if 1 <= d <= 31 and 1 <= m <= 12 and 1900 < y < 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def _stamp_date(line: str) -> str | None:
    """The date of a line that is only a stamp (date, weekday, time, 'Print', 'Cập nhật')."""
    m = _DATE.search(line) or _DATE_WORDS.search(line)
    if not m or len(line) > 80:
        return None
    rest = (line[:m.start()] + " " + line[m.end():]).strip()
    if rest and not _STAMP_WORDS.fullmatch(rest):
        return None
    return _iso(*m.groups())


def _is_byline(line: str) -> bool:
    line = re.sub(r"\s*\([^)]{1,60}\)\s*$", "", line)  # "Thanh Tâm (Trung tâm Truyền thông tỉnh)"
    # "Thu Hiền - Ban Tuyên giáo Hội LHPN tỉnh": the writer, then where she works
    who = re.match(r"^([^-–—]{2,40}?)\s+[-–—]\s+([^.;:!?]{2,60})$", line.strip())
    if who and len(who.group(2).split()) <= 10:
        line = who.group(1)
    words = line.split()
    if not 1 <= len(words) <= 5 or line.rstrip().endswith((".", ":", ";", ",")):
        return False
    if any(ch.isdigit() for ch in line):
        return False
    return all(w[0].isupper() or not w[0].isalpha() for w in words)


def _sentence_case(line: str) -> str:
    """A headline in capitals ("TRƯỜNG MẦM NON THÔN CHENG ...") in sentence case: capitals carry no
    name information there, and left as they are every word would look like a proper noun."""
    upper = sum(map(str.isupper, line))
    if upper < 0.8 * (upper + sum(map(str.islower, line))):  # most lines, decided in C
        return line
    letters = [c for c in line if c.isalpha()]
    if len(line.split()) < 4 or not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return line
    return line[:1] + line[1:].lower()


def normalise_text(text: str) -> str:
    """NFC, tone placement, one kind of space, no zero-width characters, \\n line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = normalize_tones(text)
    lines = [_sentence_case(_SPACES.sub(" ", line).strip()) for line in text.split("\n")]
    return "\n".join(lines)


def _is_menu(raw_line: str) -> bool:
    """A menu or share bar: four or more short items set apart by runs of spaces, tabs or bars
    ("Trang chủ   Thời sự   Chính trị ...", "Chia sẻ   Facebook   Zalo   In bài")."""
    items = [i for i in _MENU_SEP.split(raw_line.strip()) if i]
    return len(items) >= 4 and all(len(i.split()) <= 5 and not i.rstrip().endswith((".", "!", "?"))
                                   for i in items)


def _is_prose(line: str) -> bool:
    """A line of the running text: a sentence (ends with . ! ?) or a long line."""
    words = len(line.split())
    return words >= 10 or (words >= 4 and line.rstrip().endswith((".", "!", "?", "…")))


def clean(name: str, raw: str) -> Article:
    """Cut chrome and read metadata; returns the cleaned Article."""
    sha = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
    raw_lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = normalise_text(raw).split("\n")
    menus = {i for i, line in enumerate(raw_lines) if _is_menu(line)} \
        if len(raw_lines) == len(lines) else set()
    published = None
    source = None
    byline = None
    body: list[str] = []
    prose = False  # has the article's running text begun?
    for i, line in enumerate(lines):
        if _TRAILER.match(line):
            if prose:
                break
            continue  # a share bar or "tin liên quan" above the article: that line only
        stamp = _stamp_date(line)
        if stamp:
            published = published or stamp
            continue
        if i in menus or _CHROME_LINE.match(line) or _BREADCRUMB.match(line) or \
                (not prose and _OUTLET.match(line)):
            continue
        # a headline is long but has no full stop: a share bar under it is not the end
        prose = prose or (_is_prose(line) and (any(body) or line.rstrip().endswith(
            (".", "!", "?", "…"))))
        body.append(line)
    # closing lines: source line ("Nguồn. ANHP", "Theo baohaiduong.vn"), byline ("NP", "Thu Thủy")
    while body and not body[-1]:
        body.pop()
    for _ in range(3):
        if not body:
            break
        last = body[-1]
        m = _SOURCE_LINE.match(last)
        if m and len(last.split()) <= 8:
            source = source or m.group(2).strip()
            body.pop()
            mm = _MONTH_SOURCE.search(last)
            if mm and not published:
                d = _DATE.search(last)
                published = _iso(*d.groups()) if d else f"{int(mm.group(2)):04d}-{int(mm.group(1)):02d}"
        elif _is_byline(last) and byline is None and len(body) > 1:
            byline = last.strip()
            body.pop()
        else:
            break
        while body and not body[-1]:
            body.pop()
    text = "\n".join(body).strip("\n")
    tag = None
    out_lines = []
    for line in text.split("\n"):
        m = _SOURCE_TAG.match(line)
        if m:
            tag = tag or m.group(1) or m.group(2)
            line = line[m.end():]
        line = _PHOTO_CREDIT.sub("", line).rstrip()
        out_lines.append(line)
    text = "\n".join(out_lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    title = None
    first = text.split("\n", 1)[0].strip()
    if first and len(first) < 200 and not first.endswith((".", ":")) and "\n" in text:
        title = first
    return Article(name=name, text=text, published=published, byline=byline,
                   source=source or tag, title=title, raw_sha256=sha)
