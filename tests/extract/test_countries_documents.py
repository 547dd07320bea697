"""Partner nations and cited documents."""
from helpers_kg import run


def codes(text: str) -> set[str]:
    return {c.code for c in run(text).countries}


def test_countries_from_cldr_names_and_press_transliterations():
    assert codes("Hợp tác với Nhật Bản, Hàn Quốc, Bungari, Mô-Dăm- Bích và EU.") == {"JP", "KR", "BG", "MZ", "EU"}


def test_viet_nam_is_never_a_partner_and_provinces_are_not_countries():
    assert codes("Việt Nam và tỉnh Lào Cai phát triển.") == set()


def test_ambiguous_short_names_need_context():
    assert codes("Ông Nguyễn Văn Nga học tiếng Anh.\n\nTHANH NGA") == set()
    assert codes("Hội hữu nghị Việt – Nga và Việt – Pháp thành phố Hải Phòng.") == {"RU", "FR"}


def test_documents_by_code_and_by_number_of_a_central_body():
    ex = run("Thực hiện Chỉ thị 04 của Ban bí thư Trung ương Đảng, Chỉ thị số 28-CT/TW ngày 02 tháng 12 năm "
             "2008 của Ban Bí thư Trung ương Đảng và Quyết định số 1234/QĐ-UBND; Chương trình 9 của Thành ủy.")
    docs = {d.code: d for d in ex.documents}
    assert set(docs) == {"04-CT/TW", "28-CT/TW", "1234/QĐ-UBND"}
    assert docs["28-CT/TW"].date == "2008-12-02"
    assert docs["28-CT/TW"].issuer == "Ban Bí thư Trung ương Đảng"


def test_an_events_partner_nations_come_from_its_sentence():
    ex = run("Chiều 12/8/2022, Phó Chủ tịch UBND tỉnh Quảng Ninh tiếp Đại sứ Lào tại Việt Nam. "
             "Tỉnh cũng hợp tác với Nhật Bản.")
    (event,) = ex.events
    assert event.countries == ("LA",)
    assert {c.code for c in ex.countries} == {"LA", "JP"}


def test_codes_whose_issuer_part_ends_in_a_lower_case_letter():
    ex = run("Liên hiệp triển khai Quyết định số 1178/QĐ-TTg của Thủ tướng Chính phủ và Nghị định "
             "93/2009/NĐ-CP về viện trợ phi chính phủ nước ngoài.")
    assert {"1178/QĐ-TTg", "93/2009/NĐ-CP"} <= {d.code for d in ex.documents}


def test_countries_where_vietnamese_live_are_no_partners():
    ex = run("Sở Ngoại vụ tỉnh Lâm Đồng gặp mặt gần 150 kiều bào đang sinh sống, làm việc tại Pháp, Hoa Kỳ, "
             "Ca-na-đa, Đức... Hội hữu nghị Việt Nam – Nhật Bản tỉnh dự.")
    assert {c.code for c in ex.countries} == {"JP"}


def test_a_neighbour_named_only_as_a_border_is_no_partner():
    ex = run("Liên hiệp các tổ chức hữu nghị tỉnh An Giang bàn giao nhà tại xã Nhơn Hội, xã biên giới giáp "
             "Vương quốc Campuchia, với tài trợ của Ô-xtrây-li-a.")
    assert {c.code for c in ex.countries} == {"AU"}


def test_a_law_cited_by_its_code():
    ex = run("Công ty thực hiện theo đúng quy định của Luật số 69/2020/QH14 về người lao động Việt Nam đi làm việc ở "
             "nước ngoài.")
    assert [(d.code, d.kind) for d in ex.documents] == [("69/2020/QH14", "Luật")]


def test_a_former_enemy_in_the_history_recalled_is_no_partner():
    ex = run("Chiến thắng năm 1950 mở ra bước phát triển mới của cuộc kháng chiến chống thực dân Pháp; trong kháng "
             "chiến chống Mỹ, tỉnh là hậu phương. Tỉnh hợp tác với Nhật Bản.")
    assert [c.code for c in ex.countries] == ["JP"]
    ex = run("Con của một cựu chiến binh bị nhiễm chất độc da cam do quân đội Mỹ rải xuống. Tỉnh hợp tác với Quân đội "
             "nhân dân Lào.")
    assert [c.code for c in ex.countries] == ["LA"]  # the army that sprayed, no counterpart; Laos's army is one
