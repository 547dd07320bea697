"""kg.ingest: site chrome removed, metadata read, offsets point into the cleaned text."""
from kg.ingest import clean

PAGE = """Print Thứ Ba, 23/07/2019 10:48

(Haiphong.gov.vn) – Liên hiệp vừa tổ chức hội nghị. Phát biểu tại hội nghị (Ảnh: Minh Anh), đồng chí A nói.

Toàn cảnh hội nghị. Ảnh: Thu Hà

NP

Nguồn. ANHP

Tiện ích thông tin
QR Code
Tin khác
Ông Nguyễn Văn B được khen thưởng
"""


def test_stamp_source_tag_byline_and_trailer_are_cut():
    a = clean("x.txt", PAGE)
    assert a.published == "2019-07-23"
    assert a.byline == "NP"
    assert a.source in ("ANHP", "Haiphong.gov.vn")
    assert "Print" not in a.text and "QR" not in a.text and "Tin khác" not in a.text
    assert "Nguyễn Văn B" not in a.text  # related-news headline after "Tin khác"
    assert "Haiphong.gov.vn" not in a.text
    assert "Minh Anh" not in a.text and "Thu Hà" not in a.text  # photo credits
    assert a.text.startswith("Liên hiệp vừa tổ chức hội nghị.")


def test_keyword_block_and_view_counter():
    text = ("Tiêu đề bài\n\nThứ 6, 06/01/2017 | 14:31:31\n375 lượt xem\n\nNội dung bài viết ở đây.\n\n"
            "  • Từ khóa\nHĐND huyện Vũ Thư tổ chức Kỳ họp\nSáng 26/4, HĐND huyện Vũ Thư ...")
    a = clean("y.txt", text)
    assert a.published == "2017-01-06"
    assert "Vũ Thư" not in a.text and "lượt xem" not in a.text
    assert a.title == "Tiêu đề bài"


def test_other_stamp_forms():
    assert clean("a", "[16:25 - 24/06/2016]\n\nBài viết.").published == "2016-06-24"
    assert clean("b", "Cập nhật: 08:30 16/11/2019\n\nBài viết.").published == "2019-11-16"
    assert clean("c", "Bài viết.\n\nTheo Báo Nghệ An, 5/2018").published == "2018-05"
    assert clean("d", "Đăng ngày: 17/01/2026 | Lượt xem: 238\n\nBài viết.").published == "2026-01-17"
    assert clean("e", "17/01/2026 - 1.024 lượt xem\n\nBài viết.").published == "2026-01-17"
    assert clean("f", "Đăng lúc: 28/10/2013 08:47\n\nBài viết.").published == "2013-10-28"
    assert clean("g", "Ngày xuất bản: 28/10/2013\n\nBài viết.").published == "2013-10-28"


def test_breadcrumb_and_outlet_tag():
    a = clean("d", "Trang chủ > Đối ngoại > Hoạt động\n\nĐNO - Chiều 15-11, ông A tiếp đoàn.")
    assert a.text == "Chiều 15-11, ông A tiếp đoàn."
    assert a.source == "ĐNO"


def test_old_tone_placement_and_spaces_are_normalised():
    a = clean("e", "Quỹ  Hoà bình\u00a0và Phát triển")
    assert a.text == "Quỹ Hòa bình và Phát triển"


def test_menus_share_bars_and_the_outlet_above_the_article_are_chrome_not_its_end():
    raw = ("BÁO LẠNG SƠN ĐIỆN TỬ\n"
           "Trang chủ   Thời sự   Chính trị   Kinh tế   Quốc phòng - An ninh   Đối ngoại\n"
           "Thứ Hai, 12/03/2018 08:15\n"
           "Chia sẻ   Facebook   Zalo   In bài   Cỡ chữ: A- A+\n\n"
           "Đoàn Liên hiệp các tổ chức hữu nghị tỉnh thăm Quảng Tây\n\n"
           "Liên hiệp các tổ chức hữu nghị tỉnh tổ chức đoàn công tác thăm Quảng Tây từ ngày 7 đến 9/3.\n\n"
           "Chia sẻ   Facebook   Zalo\nTin liên quan\nMột tin khác hoàn toàn")
    a = clean("c.txt", raw)
    assert a.published == "2018-03-12"
    assert a.title == "Đoàn Liên hiệp các tổ chức hữu nghị tỉnh thăm Quảng Tây"
    assert "đoàn công tác thăm Quảng Tây" in a.text
    for chrome in ("BÁO LẠNG SƠN", "Trang chủ", "Facebook", "tin khác"):
        assert chrome.lower() not in a.text.lower(), chrome


def test_a_share_bar_under_a_long_headline_is_not_the_end_of_the_article():
    # the headline has ten words and more but no full stop: it is not yet the running text
    raw = ("Trang chủ › Chính trị › Đối ngoại\n"
           "Thứ Ba, 14/09/2021 09:30\n"
           "Gia Lai: Tổng kết 10 năm thực hiện Chỉ thị 04-CT/TW về công tác đối ngoại nhân dân\n"
           "Chia sẻ | Facebook | Zalo | In bài | Cỡ chữ A- A+\n\n"
           "Sáng 13/9, Ban Thường vụ Tỉnh ủy tổ chức hội nghị tổng kết.\n\n"
           "Chia sẻ | Facebook | Zalo\n\nTin liên quan\n• Một tin khác hoàn toàn")
    a = clean("g.txt", raw)
    assert a.published == "2021-09-14"
    assert a.title.startswith("Gia Lai: Tổng kết 10 năm")
    assert "Ban Thường vụ Tỉnh ủy tổ chức hội nghị" in a.text
    for chrome in ("Trang chủ", "Facebook", "Một tin khác"):
        assert chrome not in a.text, chrome
    # a two-level breadcrumb from the home page is chrome too
    assert clean("h", "Trang chủ › Tin tức\n\nÔng A tiếp đoàn.").text == "Ông A tiếp đoàn."


def test_a_source_line_in_parentheses_gives_the_month():
    a = clean("s.txt", "Tiêu đề\n\nNgày 14/10, Liên hiệp các tổ chức hữu nghị tỉnh tiếp đoàn bạn.\n\n"
                       "(Nguồn: Báo Nam Định, tháng 10/2016)")
    assert a.published == "2016-10" and a.source.startswith("Báo Nam Định")
    assert "Nguồn" not in a.text


def test_a_byline_with_the_writers_office_is_no_text():
    a = clean("x", "Ngày 18/11/2011, Hội LHPN tỉnh Sơn La tổ chức lễ.\n\nBà A phát biểu.\n\n"
                   "Thu Hiền - Ban Tuyên giáo Hội LHPN tỉnh")
    assert a.byline == "Thu Hiền - Ban Tuyên giáo Hội LHPN tỉnh" and "Tuyên giáo" not in a.text
    b = clean("y", "Ngày 18/11/2011, Hội LHPN tỉnh Sơn La tổ chức lễ.\n\nHội hữu nghị Việt Nam – Lào tỉnh")
    assert b.byline is None and b.text.endswith("Hội hữu nghị Việt Nam – Lào tỉnh")
