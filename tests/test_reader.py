"""Reading input files: every encoding and form of an article gives the same text; bad files a reason."""
from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import Path

import pytest

from kg.errors import UnreadableInput
from kg.legacy import encode
from kg.reader import decode, detect, read_file, sanitize

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "messy"))
from forms import FORMS, MENU, RELATED, SCRIPT  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "data" / "articles").glob("*.txt"))
TEXT_FORMS = [f for f in FORMS if not f.startswith("html")]


def _article(path: Path) -> str:
    return sanitize(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("form", TEXT_FORMS)
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_form_decodes_to_the_same_text(path, form):
    text = _article(path)
    decoded = decode(FORMS[form](text))
    if form == "tcvn3":  # VN3 has no toned capitals: compare case-folded, see test_legacy
        assert decoded.lower() == text.lower()
    else:
        assert decoded == text
    assert unicodedata.is_normalized("NFC", decoded)


@pytest.mark.parametrize("form, expected", [
    ("utf8", "utf-8"), ("utf8-bom", "utf-8"), ("utf16", "utf-16-le"), ("utf16le-nobom", "utf-16-le"),
    ("utf16be-nobom", "utf-16-be"), ("cp1258", "cp1258"), ("tcvn3", "tcvn3"), ("vni", "vni")])
def test_detected_encoding_is_named(form, expected):
    assert detect(FORMS[form](_article(ARTICLES[0])))[1] == expected


def test_short_texts():
    assert decode("Hà Nội".encode("utf-16-le")) == "Hà Nội"
    assert decode(encode("Việt Nam", "vni")) == "Việt Nam"
    assert decode(encode("Việt Nam", "tcvn3")) == "Việt Nam"
    assert decode(encode("Hội hữu nghị", "cp1258")) == "Hội hữu nghị"
    assert decode(b"Don\x92t stop \x96 1998") == "Don’t stop – 1998"  # no accented word: cp1252 view


@pytest.mark.parametrize("legacy", ["tcvn3", "vni"])
def test_legacy_text_saved_as_utf8_is_repaired(legacy):
    text = _article(ARTICLES[1])
    mojibake = encode(text, legacy).decode("cp1252", errors="replace").encode("utf-8")
    decoded, name = detect(mojibake)
    assert name == f"utf-8 ({legacy} text)"
    assert sanitize(decoded).lower() == text.lower()


def test_double_encoded_utf8_is_repaired():
    text = _article(ARTICLES[2])
    double = text.encode("utf-8").decode("latin-1").encode("utf-8")
    assert detect(double)[1] == "utf-8 (double-encoded)"
    assert decode(double) == text


def test_damaged_utf8_keeps_the_text_and_marks_the_broken_bytes():
    text = _article(ARTICLES[0])
    data = bytearray(text.encode("utf-8"))
    where = data.index("Hải Phòng".encode("utf-8")) + 1  # inside "ả"
    data[where] = 0xFF
    decoded, name = detect(bytes(data[:-1] + "ộ".encode("utf-8")[:2]))  # and a cut last character
    assert name == "utf-8 (2 invalid byte sequences replaced)"
    assert decoded == text[:-1].replace("Hải Phòng", "H\ufffdi Phòng", 1) + "\ufffd"
    noise = bytes(data) + bytes(range(0x80, 0x100)) * 4  # many broken bytes: not UTF-8 any more
    with pytest.raises(UnreadableInput):
        detect(noise)


def test_cut_utf16_without_bom():
    data = _article(ARTICLES[0]).encode("utf-16-le")[:-1]
    assert detect(data)[1] == "utf-16-le"


def test_real_unicode_is_never_repaired():
    text = "Tôi là Nam, ở café Hà Nội – “Ông Nguyễn”"
    assert detect(text.encode("utf-8")) == (text, "utf-8")


@pytest.mark.parametrize("data, reason", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary data (PDF document)"),
    (b"PK\x03\x04\x14\x00\x06\x00", "binary data (ZIP archive"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary data (PNG image)"),
    (b"abc\x00def\x00ghi" * 3, "binary data (NUL bytes)"),
    (bytes(range(1, 32)) * 20, "binary data (control bytes)"),
    ("Le café crème à la française était très apprécié".encode("latin-1"), "undecodable"),
    (b"\xef\xbb\xbfabc\xff\xfe", "undecodable: invalid UTF-8"),
])
def test_refused_bytes_have_a_reason(data, reason):
    with pytest.raises(UnreadableInput) as info:
        decode(data)
    assert str(info.value).startswith(reason)
    assert "\n" not in str(info.value)


def test_sanitize_removes_controls_marks_and_noncharacters():
    raw = "Hội\x00 nghị\x07\ufeff tổng\ufffe kết\r\nnăm\u2028mới\x0cxong\x85."
    assert sanitize(raw) == "Hội nghị tổng kết\nnăm\nmới\nxong\n."
    assert sanitize(unicodedata.normalize("NFD", "Việt")) == "Việt"


def test_html_portal_page_keeps_the_article_and_drops_the_chrome():
    text = _article(ARTICLES[1])
    for form in ("html", "html-cp1258"):
        extracted = decode(FORMS[form](text))
        assert "<p>" in extracted  # decode alone keeps the markup ...
    out = _read(FORMS["html"](text))
    lines = [line for line in text.split("\n") if line.strip()]
    for line in lines:
        assert line in out
    for chrome in (*MENU, *RELATED, "Tin liên quan", "Bản quyền", "fbAsyncInit", SCRIPT[:20],
                   "Quảng cáo", "Cổng thông tin điện tử"):
        assert chrome not in out
    assert _read(FORMS["html-cp1258"](text)) == out


def _read(data: bytes, name: str = "page.html", tmp=[]) -> str:  # noqa: B006 - one temp dir
    import tempfile

    if not tmp:
        tmp.append(Path(tempfile.mkdtemp(prefix="kg-reader-")))
    path = tmp[0] / name
    path.write_bytes(data)
    return read_file(path)


def test_html_entities_and_nfd_in_html():
    page = ("<html><body><article><p>Đồng chí Nguyễn&nbsp;Văn An &amp; "
            + unicodedata.normalize("NFD", "Hội hữu nghị Việt Nam – Lào")
            + " tổ chức hội nghị tổng kết công tác năm 2022 tại thành phố Hải Phòng.</p>"
            + "<p>Hội nghị đã thống nhất phương hướng nhiệm vụ năm 2023 và trao tặng giấy khen.</p>"
            + "</article></body></html>")
    out = _read(page.encode("utf-8"), "entities.html")
    assert "Nguyễn Văn An & Hội hữu nghị Việt Nam – Lào" in out
    assert unicodedata.is_normalized("NFC", out)


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b" \n\t\r\n  ", "no text (whitespace only)"),
    (" \n".encode("utf-16"), "no text (whitespace only)"),
    ("\u00a0\u3000\n".encode("utf-8"), "no text (whitespace only)"),
    (b"<html><body><nav><a href='/'>Trang ch\xe1\xbb\xa7</a></nav></body></html>",
     "HTML page without extractable article text"),
])
def test_read_file_refuses_empty_content(tmp_path, content, reason):
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableInput) as info:
        read_file(path)
    assert str(info.value) == reason


def test_read_file_refuses_what_is_not_a_readable_regular_file(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block for ever
    big = tmp_path / "big.txt"
    big.write_bytes("Hội nghị tổng kết. ".encode() * 100)
    cases = {"dir.txt": "cannot read: a directory, not a file",
             "dangling.txt": "cannot read: broken symbolic link",
             "pipe.txt": "cannot read: not a regular file (pipe, socket or device)",
             "missing.txt": "cannot read: no such file",
             "big.txt": f"file too large ({big.stat().st_size} bytes > limit 1000)"}
    for name, reason in cases.items():
        with pytest.raises(UnreadableInput) as info:
            read_file(tmp_path / name, max_bytes=1000)
        assert str(info.value) == reason
    assert read_file(big, max_bytes=big.stat().st_size).startswith("Hội nghị tổng kết.")


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="Linux /proc only")
def test_read_file_reports_a_read_error():
    """Tests run as root, so permissions cannot make a file unreadable; /proc/self/mem is, to all."""
    with pytest.raises(UnreadableInput) as info:
        read_file("/proc/self/mem")
    assert str(info.value) == "cannot read: Input/output error"


def test_an_html_pages_headline_is_kept_without_the_outlets_name(tmp_path):
    body = "<p>" + "Liên hiệp các tổ chức hữu nghị tỉnh tổ chức gặp mặt kỷ niệm. " * 3 + "</p>"
    page = tmp_path / "a.html"
    page.write_text(f"<html><head><title>Gặp mặt kỷ niệm 55 năm quan hệ Việt Nam – Cuba - Báo Phú Yên "
                    f"Online</title></head><body><div class='article'><h1>Gặp mặt kỷ niệm 55 năm "
                    f"thiết lập quan hệ</h1>{body}</div></body></html>", encoding="utf-8")
    assert read_file(page).startswith("Gặp mặt kỷ niệm 55 năm thiết lập quan hệ\n\n")
    page.write_text(f"<html><head><title>Gặp mặt kỷ niệm 55 năm quan hệ Việt Nam – Cuba - Báo Phú Yên "
                    f"Online</title></head><body>{body}</body></html>", encoding="utf-8")
    assert read_file(page).startswith("Gặp mặt kỷ niệm 55 năm quan hệ Việt Nam – Cuba\n\n")


PAGE_WITH_DATE = """<html><head><title>Tiếp đoàn bạn Pháp - Báo Huế</title>{meta}</head><body>
<div class="meta"><span class="date">Thứ Năm, 12/05/2016 - 16:20</span>
<span class="views">Lượt xem: 412</span></div>
<h1>Liên hiệp tiếp đoàn Hội hữu nghị Pháp – Việt</h1>
<p>Chiều 11/5, Liên hiệp các tổ chức hữu nghị tỉnh Thừa Thiên Huế tiếp đoàn Hội hữu nghị Pháp – Việt.
Hai bên trao đổi về các dự án hỗ trợ trẻ em khuyết tật trong thời gian tới.</p>
<p>Trước đó, đoàn đã dự lễ trao tặng 30 xe lăn cho trẻ em khuyết tật tại Trung tâm Bảo trợ xã hội tỉnh.</p>
<ul class="related"><li><a href="#">Hội nghị Ban Chấp hành</a> <span class="date">(28/04/2016)</span></li></ul>
</body></html>"""


@pytest.mark.parametrize("meta, published", [
    ("", "2016-05-12"),  # the date's own span, not the meta bar around it nor a related item
    ('<meta property="article:published_time" content="2016-05-13T08:00:00+07:00">', "2016-05-13"),
])
def test_an_html_pages_publication_date_is_kept(tmp_path, meta, published):
    from kg.ingest import clean
    path = tmp_path / "p.html"
    path.write_text(PAGE_WITH_DATE.format(meta=meta), encoding="utf-8")
    article = clean(path.name, read_file(path))
    assert article.published == published
    assert "Lượt xem" not in article.text and "28/04/2016" not in article.text


def test_an_activity_table_becomes_one_sentence_per_row():
    from kg.reader import html_to_text
    html = ("<html><body><article><h1>Đoàn sinh viên Singapore tại quận Ngô Quyền</h1>"
            "<p>Sau gần hai tuần tình nguyện tại quận Ngô Quyền, đoàn sinh viên đã kết thúc chương trình, để lại "
            "nhiều tình cảm tốt đẹp với thầy trò và người dân địa phương.</p><p>Đoàn đã tham gia các hoạt "
            "động sau:</p><table><tr><th>Ngày</th><th>Hoạt động</th><th>Đơn vị tổ chức</th></tr>"
            "<tr><td>23/7</td><td>Đêm giao lưu văn hóa tại Nhà Văn hóa quận</td><td>Quận đoàn Ngô Quyền</td></tr>"
            "<tr><td>29/7</td><td>Lễ bế mạc</td><td>UBND quận Ngô Quyền</td></tr></table>"
            "<p>Các em sinh viên rất nhiệt tình và đã để lại nhiều ấn tượng tốt đẹp với người dân.</p>"
            "</article></body></html>")
    text = html_to_text(html)
    assert "Ngày 23/7, Quận đoàn Ngô Quyền tổ chức Đêm giao lưu văn hóa tại Nhà Văn hóa quận." in text
    assert "Ngày 29/7, UBND quận Ngô Quyền tổ chức Lễ bế mạc." in text
    assert "|" not in text and "Đơn vị tổ chức" not in text  # no markup, no header row


def test_an_activity_tables_month_or_habit_cells_and_a_dash_for_no_organiser():
    from kg.reader import table_sentences
    rows = ("| Thời gian | Hoạt động | Đơn vị chủ trì |\n|---|---|---|\n"
            "| Tháng 4 | Khởi công nhà lớp học | Liên hiệp |\n| 10/10 | Ký kết Biên bản ghi nhớ | — |\n"
            "| Hằng tháng | Sinh hoạt chuyên đề | Liên hiệp |")
    assert table_sentences(rows).split("\n") == [
        "Tháng 4, Liên hiệp tổ chức Khởi công nhà lớp học.", "Ngày 10/10, Ký kết Biên bản ghi nhớ.",
        "Hằng tháng, Liên hiệp tổ chức Sinh hoạt chuyên đề."]


def test_a_tab_separated_table_in_plain_text_with_numbered_rows_and_a_partner_column(tmp_path):
    from kg.reader import read_file
    f = tmp_path / "a.txt"
    f.write_text("Một số hoạt động tiêu biểu năm 2025:\n\nTT\tThời gian\tHoạt động\tChủ trì\tPhối hợp\n"
                 "1\t15/3\tTiếp đoàn Hội hữu nghị Indonesia – Việt Nam\tLiên hiệp\tVăn phòng UBND tỉnh\n"
                 "2\t10/8\tTọa đàm kỷ niệm 70 năm quan hệ ngoại giao\tHội hữu nghị Việt Nam – Indonesia tỉnh\t\n\n"
                 "Hội nghị đã biểu dương 5 tập thể.\tHết.\n", encoding="utf-8")
    assert read_file(f).rstrip("\n").split("\n") == [
        "Một số hoạt động tiêu biểu năm 2025:", "",
        "Ngày 15/3, Liên hiệp phối hợp với Văn phòng UBND tỉnh tổ chức Tiếp đoàn Hội hữu nghị Indonesia – Việt Nam.",
        "Ngày 10/8, Hội hữu nghị Việt Nam – Indonesia tỉnh tổ chức Tọa đàm kỷ niệm 70 năm quan hệ ngoại giao.", "",
        "Hội nghị đã biểu dương 5 tập thể.\tHết."]  # a lone line with a tab is no table


def test_a_table_without_known_columns_reads_row_by_row():
    from kg.reader import table_sentences
    assert table_sentences("Trước\n| Hà Nội | 12 đoàn |\n|---|---|\n| Huế | 3 đoàn |\nSau") == \
        "Trước\nHà Nội, 12 đoàn.\nHuế, 3 đoàn.\nSau"


def test_a_layout_table_holding_the_whole_article_stays_prose():
    from kg.reader import html_to_text
    body = ("<p>Sáng 26/10, tại thành phố Hạ Long, ông Phạm Minh Tuệ, Chủ tịch Hội hữu nghị Việt Nam – Trung Quốc "
            "tỉnh Quảng Ninh đã tiếp đoàn đại biểu Quảng Tây do ông Lưu Chí Cường dẫn đầu.</p>"
            "<p>Tại buổi tiếp, hai bên trao đổi về kết quả hợp tác giữa Quảng Ninh với Quảng Tây trong các lĩnh vực "
            "thương mại, du lịch và giao lưu nhân dân qua cặp cửa khẩu Móng Cái – Đông Hưng.</p>")
    html = (f"<html><body><table><tr><td>Chuyên mục</td><td><h1>Hội hữu nghị tiếp đoàn Quảng Tây</h1>{body}"
            "</td></tr></table></body></html>")
    text = html_to_text(html)
    assert "|" not in text and "Chuyên mục," not in text
    assert "\nTại buổi tiếp" in text  # its paragraphs kept apart, not joined into one row


def test_the_pages_date_is_its_stamp_even_when_the_first_sentence_holds_a_date():
    from kg.ingest import clean
    from kg.reader import html_to_text
    html = ("<html><head><meta property=\"article:published_time\" content=\"2016-09-22T10:15:00+07:00\">"
            "<title>Ký kết thỏa thuận hợp tác</title></head><body><article><h1>Ký kết thỏa thuận hợp tác hữu nghị "
            "giữa tỉnh Thái Bình và tỉnh Loiret</h1><p>Sáng 21/9/2016, tại Trung tâm Hội nghị tỉnh, UBND tỉnh Thái "
            "Bình tổ chức Lễ ký kết Thỏa thuận hợp tác hữu nghị giữa tỉnh Thái Bình và tỉnh Loiret.</p><p>Trước lễ "
            "ký kết, đồng chí Hoàng Trọng Kiên, Bí thư Tỉnh ủy Thái Bình đã tiếp đoàn.</p></article></body></html>")
    assert clean("a.html", html_to_text(html)).published == "2016-09-22"


def test_an_officers_table_reads_as_an_elections_numbered_list(tmp_path):
    from kg.reader import read_file
    f = tmp_path / "a.txt"
    f.write_text("Ban Thường vụ Hội khóa III gồm 5 người:\n\nTT\tHọ và tên\tChức danh trong Hội\tChức vụ, đơn vị công tác\n"
                 "1\tÔng Phí Văn Thắng\tChủ tịch\tPhó Giám đốc Sở Văn hóa, Thể thao và Du lịch Hà Nội\n"
                 "2\tBà Hà Thị Thu Trang\tỦy viên\t\n", encoding="utf-8")
    assert read_file(f).rstrip("\n").split("\n")[2:] == [
        "1. Ông Phí Văn Thắng, Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch Hà Nội – Chủ tịch;",
        "2. Bà Hà Thị Thu Trang – Ủy viên;"]
