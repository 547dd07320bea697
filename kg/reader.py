"""Bytes on disk -> Unicode text: encodings, HTML pages, and refusal of what cannot be read.

``read_file`` is the only function of the pipeline that touches input files.
It raises ``UnreadableInput`` with a one-line reason for a file that cannot be
an article (not a regular file, empty, binary, too large, undecodable).

Decoding never guesses blindly (``detect``):
1. a byte-order mark decides (UTF-8, UTF-16, UTF-32);
2. UTF-16 without a mark is recognised by NUL bytes at only odd or only even positions;
3. other NUL bytes, known binary signatures or many control bytes: binary, refused;
4. UTF-8 is tried strictly; text that is valid UTF-8 but is TCVN3/VNI or
   double-encoded UTF-8 seen through Latin-1 ("ViÖt", "Vieät", "Viá»‡t") is
   converted when that makes its words Vietnamese;
5. otherwise the 8-bit candidates (Windows-1258, TCVN3, VNI) are each decoded
   and scored by the share of their accented words that are valid Vietnamese
   syllables (``kg.legacy.score``); the best one wins if at least 60 % of its
   accented words are syllables;
6. else UTF-8 with a few broken bytes (at most 6, or one per 1000) whose
   words are Vietnamese is kept, each broken place as one U+FFFD;
   anything else is refused.
Text comes out NFC, without control characters (tab and line ends kept),
byte-order marks or non-characters. HTML pages (a tag such as <html>, <body>,
<p> near the start) are reduced to their main text by trafilatura.

Example:
    >>> decode("Hội nghị".encode("utf-16"), "a.txt")
    'Hội nghị'
    >>> detect("ViÖt Nam".encode("latin-1"))[1]
    'tcvn3'
"""
from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from pathlib import Path

from .errors import UnreadableInput
from .legacy import LEGACY, decode_bytes, decode_text, latin_bytes, score

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MIN_SYLLABLE_SHARE = 0.6
_SAMPLE = 65536

_SIGNATURES = (
    (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/ODT)"),
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"), (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7-Zip archive"), (b"Rar!", "RAR archive"), (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"), (b"\xd0\xcf\x11\xe0", "MS Office document (DOC/XLS)"),
    (b"{\\rtf", "RTF document"), (b"SQLite format 3", "SQLite database"),
    (b"RIFF", "RIFF media file"), (b"OggS", "Ogg media file"), (b"ID3", "MP3 audio"),
)
_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters other than tab and line ends, byte-order marks, non-characters.
_JUNK = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\ufff9-\ufffb\ufffe\uffff"
                   "\U0001fffe\U0001ffff\U0010fffe\U0010ffff]")
_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


_CONTROL_BYTES = bytes([*range(9), *range(14, 32), 127])  # all but tab, LF, VT, FF and CR
_CONTROL_CHARS = dict.fromkeys(_CONTROL_BYTES)


def _controls(text: str | bytes) -> int:
    """How many control characters (other than tab, line ends, form feed) the text holds:
    counted by deleting them in C (a Python loop over 4 KB cost half a millisecond a file)."""
    if isinstance(text, bytes):
        return len(text) - len(text.translate(None, _CONTROL_BYTES))
    return len(text) - len(text.translate(_CONTROL_CHARS))


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec name if the NUL bytes sit at only odd (LE) or only even (BE) positions."""
    sample = data[:_SAMPLE - _SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0::2].count(0) / pairs
    odd = sample[1::2].count(0) / pairs
    if odd >= 0.2 and even <= 0.01:
        return "utf-16-le"
    if even >= 0.2 and odd <= 0.01:
        return "utf-16-be"
    return None


def _share(valid_total: tuple[int, int]) -> float:
    valid, total = valid_total
    return valid / total if total else 0.0


def _net(valid_total: tuple[int, int]) -> int:
    valid, total = valid_total
    return 2 * valid - total


def _repair_unicode(text: str) -> tuple[str, str]:
    """Valid UTF-8 that holds legacy or double-encoded text seen through Latin-1, repaired."""
    sample = text[:_SAMPLE]
    latin = latin_bytes(sample)
    if latin is None or latin.isascii():  # real Unicode beyond Latin-1, or plain ASCII
        return text, "utf-8"
    candidates = [("utf-8", sample)]
    # the sample may end inside a character: ignore that one
    candidates.append(("utf-8 (double-encoded)", latin.decode("utf-8", errors="ignore")))
    candidates += [(f"utf-8 ({enc} text)", decode_text(sample, enc)) for enc in LEGACY]
    scored = [(_net(score(c)), score(c), name) for name, c in candidates]
    net, best, name = max(scored, key=lambda x: x[0])
    if name == "utf-8" or _share(best) < MIN_SYLLABLE_SHARE:
        return text, "utf-8"
    if name == "utf-8 (double-encoded)":
        whole = latin_bytes(text)
        try:
            return (whole.decode("utf-8"), name) if whole is not None else (text, "utf-8")
        except UnicodeDecodeError:
            return text, "utf-8"
    return decode_text(text, name[7:-6]), name


def _eight_bit(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes as the 8-bit Vietnamese encoding whose words are syllables."""
    sample = data[:_SAMPLE]
    scored = []
    for enc in ("cp1258", *LEGACY):
        s = score(decode_bytes(sample, enc))
        scored.append((_net(s), s, enc))
    net, best, enc = max(scored, key=lambda x: x[0])  # max keeps the first of equals: cp1258
    if best[1] == 0:  # no accented word to judge by: only punctuation and symbols above ASCII
        return decode_bytes(data, "cp1258"), "cp1258"
    if _share(best) < MIN_SYLLABLE_SHARE:
        raise UnreadableInput(
            f"undecodable: not UTF-8 or UTF-16, and no Vietnamese 8-bit encoding fits "
            f"(best {enc}: {best[0]} of {best[1]} accented words are Vietnamese syllables)")
    return decode_bytes(data, enc), enc


def detect(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of an article's bytes; raises UnreadableInput with the reason."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec
            except UnicodeDecodeError as error:
                raise UnreadableInput(f"undecodable: invalid {codec.upper()} at byte "
                                      f"{error.start + len(bom)} after a byte-order mark") from None
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise UnreadableInput(f"binary data ({kind}), not text")
    codec = _utf16_without_bom(data)
    if codec:
        try:
            text = data[:len(data) - len(data) % 2].decode(codec)  # a cut file: drop the half unit
            if _controls(text[:_SAMPLE]) <= max(8, len(text[:_SAMPLE]) // 50):
                return text, codec
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:_SAMPLE]:
        raise UnreadableInput("binary data (NUL bytes), not text")
    if _controls(data[:4096]) > max(8, len(data[:4096]) // 50):
        raise UnreadableInput("binary data (control bytes), not text")
    try:
        return _repair_unicode(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return _eight_bit(data)
    except UnreadableInput:
        damaged = _damaged_utf8(data)
        if damaged is None:
            raise
        return damaged


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few broken bytes (a cut download, one stray byte): kept, the bytes as U+FFFD."""
    if "\ufffd".encode("utf-8") in data:  # real U+FFFD already there: cannot count the damage
        return None
    replaced = data.decode("utf-8", errors="replace")
    text = re.sub("\ufffd+", "\ufffd", replaced)  # one mark per broken place
    bad = text.count("\ufffd")
    if (replaced.count("\ufffd") > max(6, len(data) // 1000)
            or _share(score(text[:_SAMPLE])) < MIN_SYLLABLE_SHARE):
        return None
    return text, f"utf-8 ({bad} invalid byte sequence{'s' if bad > 1 else ''} replaced)"


def sanitize(text: str) -> str:
    """NFC, \\n for every kind of line or page break, no control characters, marks or non-characters."""
    text = _BREAKS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", _JUNK.sub("", text))


def decode(data: bytes, name: str = "") -> str:
    """An article's bytes as clean NFC text (see ``detect`` for the encodings recognised)."""
    return sanitize(detect(data)[0])


_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|div|p|article|main|section|table)\b", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML.search(text[:5000]))


_CHROME_TAGS = ("nav", "aside", "menu", "form", "script", "style", "noscript", "iframe", "template")


def _drop_chrome(html: str) -> str:
    """The page without menus, scripts, forms and page headers/footers (trafilatura's fallback keeps them)."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    # ASP.NET portals wrap the whole page in one <form>: only forms without paragraphs are chrome
    doomed = [el for tag in _CHROME_TAGS for el in root.iter(tag)
              if tag != "form" or not any(True for _ in el.iter("p", "article"))]
    doomed += [el for tag in ("header", "footer") for el in root.iter(tag)
               if not any(a.tag in ("article", "main") for a in el.iterancestors())]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")


def html_to_text(html: str) -> str:
    """Main text of an HTML page (trafilatura): menus, scripts and related-news lists dropped."""
    import trafilatura

    try:
        page = _drop_chrome(html)
        text = trafilatura.extract(page, include_comments=False,
                                   include_tables=False, favor_recall=True)
    except Exception as error:  # a parser failure on odd markup is a property of the file
        raise UnreadableInput(f"HTML page could not be parsed ({type(error).__name__})") from None
    if text:
        text = _with_data_tables(text, page)
    if not text or not text.strip():
        raise UnreadableInput("HTML page without extractable article text")
    import lxml.html
    from lxml import etree

    try:  # one parse for what trafilatura leaves out: the headline and the date
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return text
    headline = _headline(root)
    if headline and headline not in text[:len(headline) + 400]:
        text = f"{headline}\n\n{text}"  # trafilatura keeps the headline as metadata, not text
    stamp = _date_stamp(root)
    # (unless a short line at the top already is one; a date in the first sentence is the event's)
    if stamp and not any(len(line) <= 80 and _DMY.search(line) for line in text.split("\n")[:4]):
        text = f"{stamp}\n{text}"  # a stamp line, read as the publication date by kg.ingest
    return text


_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_RULE = re.compile(r"^\s*\|(\s*:?-+:?\s*\|)+\s*$")
# column headers that say what a cell is: the date, and the body that organised the row's activity
_DATE_COLUMN = re.compile(r"(?i)^(ngày|thời gian|ngày tháng|thời điểm)\b")
_ORGANISER_COLUMN = re.compile(r"(?i)\b(đơn vị|cơ quan)\s+(tổ chức|chủ trì|thực hiện)\b|^(chủ trì|tổ chức|"
                               r"đơn vị|cơ quan|thực hiện)$")
# a column of the bodies that worked with the organiser, and one that only numbers the rows
_PARTNER_COLUMN = re.compile(r"(?i)^(đơn vị |cơ quan )?(phối hợp|phối hợp thực hiện)$")
_NUMBER_COLUMN = re.compile(r"(?i)^(tt|stt|số tt|số thứ tự)$")
# an officers' table: who, the post in the body elected, and where the person works
_PERSON_COLUMN = re.compile(r"(?i)^(họ và tên|họ tên|họ, tên|đồng chí)$")
_POST_COLUMN = re.compile(r"(?i)^(chức danh|chức vụ)(\s+(trong|tại)\s+.{1,30}|\s+được bầu)?$")
_WORK_COLUMN = re.compile(r"(?i)^(chức vụ,?\s+(và\s+)?đơn vị công tác|đơn vị công tác|nơi công tác|chức vụ công tác)$")


def _data_tables(page: str) -> list[tuple[str, str]]:
    """The page's data tables (an activity list: short cells, two columns or more, no nested table,
    not a list of links) as "| a | b |" rows, each with the text just before it (its anchor).
    Layout tables of old portals (the whole article in one cell) are not data."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return []
    found = []
    for table in root.iter("table"):
        if any(t is not table for t in table.iter("table")):
            continue
        rows = [[" ".join(c.text_content().split()) for c in tr if c.tag in ("td", "th")] for tr in table.iter("tr")]
        rows = [r for r in rows if any(r)]
        cells = [c for r in rows for c in r]
        links = sum(1 for tr in table.iter("tr") for c in tr if c.tag in ("td", "th") and c.find(".//a") is not None)
        if len(rows) < 2 or max(len(r) for r in rows) < 2 or any(len(c) > 200 for c in cells) \
                or links * 2 > len(cells):
            continue
        before = table.getprevious()
        anchor = " ".join(before.text_content().split())[-60:] if before is not None else ""
        found.append((anchor, "\n".join("| " + " | ".join(r) + " |" for r in rows)))
    return found


def _with_data_tables(text: str, page: str) -> str:
    """The main text with each data table's rows, as sentences, after the text that precedes it."""
    for anchor, rows in _data_tables(page):
        lines = table_sentences(rows)
        at = text.find(anchor) if anchor else -1
        if at < 0:
            text = f"{text}\n{lines}"
            continue
        end = text.find("\n", at + len(anchor))
        end = len(text) if end < 0 else end
        text = f"{text[:end]}\n{lines}{text[end:]}"
    return text


def tab_rows(text: str) -> str:
    """Runs of two or more lines with tab-separated cells (a table copied from a page into plain
    text) written as "| a | b |" rows, which ``table_sentences`` reads; other lines as they are."""
    lines = text.split("\n")
    tabbed = [line.count("\t") >= 1 and len([c for c in line.split("\t") if c.strip()]) >= 2 for line in lines]
    out = []
    for k, line in enumerate(lines):
        in_run = tabbed[k] and ((k > 0 and tabbed[k - 1]) or (k + 1 < len(lines) and tabbed[k + 1]))
        out.append("| " + " | ".join(c.strip() for c in line.split("\t")) + " |" if in_run else line)
    return "\n".join(out)


def table_sentences(text: str) -> str:
    """Tables as trafilatura writes them ("| a | b |" rows) made into sentences, one per row: a row
    of an activity table with a date and an organising body column reads "Ngày 23/7, <body> tổ chức
    <activity>."; any other row, its cells joined by commas. Layout tables of old portals hold
    one cell per row and become plain lines."""
    out: list[str] = []
    header: list[str] | None = None
    for line in text.split("\n"):
        m = _ROW.match(line)
        if not m:
            header = None
            out.append(line)
            continue
        if _RULE.match(line):
            continue
        cells = [c.strip() for c in m.group(1).split("|")]
        cells = [c for c in cells if c]
        if header is None:
            header = cells
            if len(cells) > 1 and (any(_DATE_COLUMN.match(c) or _ORGANISER_COLUMN.search(c) for c in cells)
                                   or any(_PERSON_COLUMN.match(c) for c in cells)):
                header = [c.strip() for c in m.group(1).split("|")]
                continue  # a header row: its names say how to read the rows, they are no text
            header = []
        if header:  # the row's cells by the header's columns (an empty cell keeps its place)
            cells = [c.strip() for c in m.group(1).split("|")]
            named = list(zip(header + [""] * len(cells), cells))
        else:
            named = [("", c) for c in cells]
        person = next((c for h, c in named if _PERSON_COLUMN.match(h) and c), None)
        if person is not None:
            # "1. Ông A, Phó Giám đốc Sở X – Chủ tịch;": the layout of an election's numbered list
            number = next((c for h, c in named if _NUMBER_COLUMN.match(h) and c), None)
            post = next((c for h, c in named if _POST_COLUMN.match(h) and c), None)
            work = next((c for h, c in named if _WORK_COLUMN.match(h) and c), None)
            line = f"{number}. {person}" if number else person
            line += f", {work}" if work else ""
            out.append(f"{line} – {post};" if post else f"{line};")
            continue
        date = next((c for h, c in named if _DATE_COLUMN.match(h) and c), None)
        body = next((c for h, c in named if _ORGANISER_COLUMN.search(h) and c), None)
        partner = next((c for h, c in named if _PARTNER_COLUMN.match(h) and c), None)
        rest = [c for h, c in named if c and not (_DATE_COLUMN.match(h) or _ORGANISER_COLUMN.search(h)
                                                  or _PARTNER_COLUMN.match(h) or _NUMBER_COLUMN.match(h))]
        what = ", ".join(rest).rstrip(".")
        if body is not None and not any(ch.isalnum() for ch in body):
            body = None  # "—": no organiser stated
        if body and partner and any(ch.isalnum() for ch in partner):
            body = f"{body} phối hợp với {partner}"  # "Chủ trì | Phối hợp": the lead, then who worked with it
        # "Ngày 19/2", but "Tháng 4" and "Hằng tháng" as written
        when = f"Ngày {date}" if date and date[:1].isdigit() else date
        if date and body and what:
            out.append(f"{when}, {body} tổ chức {what}.")
        elif date and what:
            out.append(f"{when}, {what}.")
        elif cells:
            out.append(", ".join(cells).rstrip(".") + ".")
    return "\n".join(out)


_DMY = re.compile(r"(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}(?!\d)")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_DATE_CLASS = re.compile(r"(?i)date|time|publish|ngay|post-?meta|meta")


def _date_stamp(root) -> str | None:
    """The page's publication date as a stamp line ("12/05/2016"), from its metadata
    (article:published_time, <time datetime>) or a short element classed as a date; never
    from a list (related news carry their own dates)."""
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in ("article:published_time", "datepublished", "pubdate", "publishdate", "date",
                   "dc.date", "dc.date.issued"):
            m = _ISO.match(meta.get("content") or "")
            if m:
                return f"{m.group(3)}/{m.group(2)}/{m.group(1)}"
    found: list[str] = []
    for el in root.iter("time", "span", "div", "p"):
        if any(a.tag in ("li", "ul", "ol", "a") for a in el.iterancestors()):
            continue
        if el.tag == "time":
            m = _ISO.match(el.get("datetime") or "")
            if m:
                return f"{m.group(3)}/{m.group(2)}/{m.group(1)}"
        elif not _DATE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            continue
        text = " ".join(el.text_content().split())
        if len(text) <= 80 and _DMY.search(text):
            found.append(text)
    # the tightest element (the date's own span, not the meta bar around it), its date only
    if not found:
        return None
    return _DMY.search(min(found, key=len)).group(0)  # type: ignore[union-attr]


def _headline(root) -> str | None:
    """The page's <h1>, else its <title> without the outlet's name ("... - Báo Phú Yên Online")."""
    for h1 in root.iter("h1"):
        text = " ".join(h1.text_content().split())
        if len(text.split()) >= 4 and not _OUTLET_NAME.search(text):
            return text
    title = root.find(".//title")
    if title is None:
        return None
    text = " ".join(title.text_content().split())
    m = re.match(r"(.+)\s+[-–|]\s+([^-–|]+)$", text)  # the last segment may be the outlet
    if m and _OUTLET_NAME.search(m.group(2)):
        text = m.group(1)
    return text if len(text.split()) >= 4 and not _OUTLET_NAME.search(text) else None


# An outlet's own name in a page's <h1> or <title>: "Báo Phú Yên Online", "Cổng thông tin điện tử"
_OUTLET_NAME = re.compile(r"(?i)^(báo|cổng|trang thông tin|tạp chí)\b|\b(online|điện tử|tin tức)$|\.vn\b")


def read_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; UnreadableInput otherwise."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file"
        raise UnreadableInput(f"cannot read: {reason}") from None
    except OSError as error:
        raise UnreadableInput(f"cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableInput("cannot read: a directory, not a file")
    if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
        raise UnreadableInput("cannot read: not a regular file (pipe, socket or device)")
    if info.st_size > max_bytes:
        raise UnreadableInput(f"file too large ({info.st_size} bytes > limit {max_bytes})")
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as error:
        raise UnreadableInput(f"cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:  # grew since stat
        raise UnreadableInput(f"file too large (over limit {max_bytes} bytes)")
    return data


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read one input file as text; raise UnreadableInput with the reason if it can't be."""
    data = read_bytes(path, max_bytes)
    if not data:
        raise UnreadableInput("empty file")
    if not data.strip(b" \t\r\n\x0b\x0c"):
        raise UnreadableInput("no text (whitespace only)")
    text = decode(data, os.fspath(path))
    if looks_like_html(text):
        text = sanitize(html_to_text(text))
    elif "\t" in text:
        text = table_sentences(tab_rows(text))
    if not text.strip():
        raise UnreadableInput("no text (whitespace only)")
    return text
