"""A small hand-made graph for the explorer tests: records -> kg.resolve -> kg.graph, no extractor.

Three Hải Phòng / Quảng Ninh articles shaped like the corpus (Nguyễn Thị Nghĩa
with three posts, one attested twice, events, partner nations, a document) and one article whose
text, headline, a person's name and an evidence sentence carry script payloads.
"""
from __future__ import annotations

from rdflib import Dataset

from kg.graph import to_dataset
from kg.model import (Article, AwardRecord, CountryRecord, DocumentRecord, Evidence, EventRecord,
                      Extraction, OrganisationRecord, PersonRecord, PositionRecord)
from kg.resolve import resolve

LHHN_HP = "Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng"
THANH_UY = "Thành ủy Hải Phòng"
DOAN_QH = "Đoàn Đại biểu Quốc hội thành phố Hải Phòng"
LHHN_QN = "Liên hiệp các tổ chức hữu nghị tỉnh Quảng Ninh"
NGHIA = "Nguyễn Thị Nghĩa"
NGHIA_SENTENCE_2021 = f"Chủ tịch Liên hiệp {NGHIA} gửi lời chúc mừng tới Đại sứ."
NGHIA_SENTENCE = (f"Đồng chí {NGHIA} – Trưởng đoàn Đại biểu Quốc hội thành phố Hải Phòng, Phó Bí thư "
                  f"Thường trực Thành ủy, Chủ tịch Liên hiệp Các tổ chức hữu nghị thành phố chủ trì hội nghị.")
PAYLOAD_NAME = 'Trần Văn Độc<img src=x onerror="window.__pwned=1">'
PAYLOAD_TEXT = ('Ông Trần Văn Độc<img src=x onerror="window.__pwned=1"> dự lễ.</script>'
                '<script>window.__pwned=2</script><b onmouseover="window.__pwned=3">đậm</b> & hết.')


def _ev(art: Article, sentence: str, conf: float = 0.9) -> Evidence:
    start = art.text.index(sentence)
    return Evidence(art.name, sentence, start, start + len(sentence), conf)


def sample_extractions() -> list[Extraction]:
    text1 = (f"Liên hiệp Các tổ chức hữu nghị thành phố vừa tổ chức hội nghị Ban Chấp hành. {NGHIA_SENTENCE} "
             "Liên hiệp đã phối hợp với Nhật Bản và Hàn Quốc trong nhiều hoạt động. "
             "Hội nghị quán triệt Chỉ thị 04-CT/TW của Ban Bí thư.")
    a1 = Article("hp_2019_6thang.txt", text1, published="2019-07-23", locality="Hải Phòng",
                 title="Hội nghị Ban Chấp hành Liên hiệp sơ kết 6 tháng đầu năm 2019")
    s_nghia = _ev(a1, NGHIA_SENTENCE, 0.93)
    s_countries = _ev(a1, "Liên hiệp đã phối hợp với Nhật Bản và Hàn Quốc trong nhiều hoạt động.", 0.8)
    s_doc = _ev(a1, "Hội nghị quán triệt Chỉ thị 04-CT/TW của Ban Bí thư.", 0.85)
    ex1 = Extraction(
        a1,
        organisations=(OrganisationRecord(LHHN_HP, "FriendshipUnion", s_nghia, locality="Hải Phòng"),
                       OrganisationRecord(THANH_UY, "PartyCommittee", s_nghia, locality="Hải Phòng"),
                       OrganisationRecord(DOAN_QH, "StateBody", s_nghia, locality="Hải Phòng")),
        persons=(PersonRecord(NGHIA, NGHIA, s_nghia),),
        positions=(PositionRecord(NGHIA, "Trưởng đoàn", DOAN_QH, s_nghia, "2019-07-23"),
                   PositionRecord(NGHIA, "Phó Bí thư Thường trực", THANH_UY, s_nghia, "2019-07-23"),
                   PositionRecord(NGHIA, "Chủ tịch", LHHN_HP, s_nghia, "2019-07-23")),
        events=(EventRecord("Hội nghị Ban Chấp hành sơ kết 6 tháng đầu năm 2019", "Conference", s_nghia,
                            date="2019-07", organiser=LHHN_HP, chair=NGHIA, countries=("JP", "KR")),),
        countries=(CountryRecord("JP", "Nhật Bản", s_countries), CountryRecord("KR", "Hàn Quốc", s_countries)),
        documents=(DocumentRecord("04-CT/TW", "Chỉ thị", s_doc),),
    )
    s_nam = "Phó Chủ tịch Liên hiệp Lê Khắc Nam đã tiếp Đại sứ Lào tại trụ sở Liên hiệp."
    s_award = "Dịp này, Liên hiệp trao Bằng khen cho 5 tập thể và 12 cá nhân."
    s_nghia2 = NGHIA_SENTENCE_2021
    text2 = f"{s_nam} {s_award} {s_nghia2}"
    a2 = Article("hp_2021_lao.txt", text2, published="2021-03-02", locality="Hải Phòng",
                 title="Tiếp Đại sứ Lào")
    e_nam, e_award, e_nghia2 = _ev(a2, s_nam, 0.88), _ev(a2, s_award, 0.7), _ev(a2, s_nghia2, 0.81)
    ex2 = Extraction(
        a2,
        organisations=(OrganisationRecord(LHHN_HP, "FriendshipUnion", e_nam, surface="Liên hiệp",
                                          aliases=("LHHN Hải Phòng",), locality="Hải Phòng"),),
        persons=(PersonRecord("Lê Khắc Nam", "Lê Khắc Nam", e_nam), PersonRecord(NGHIA, NGHIA, e_nghia2)),
        positions=(PositionRecord("Lê Khắc Nam", "Phó Chủ tịch", LHHN_HP, e_nam, "2021-03-02"),
                   PositionRecord(NGHIA, "Chủ tịch", LHHN_HP, e_nghia2, "2021-03-02")),
        events=(EventRecord("Tiếp Đại sứ Lào", "Reception", e_nam, date="2021-03-02",
                            organiser=LHHN_HP, chair="Lê Khắc Nam", countries=("LA",),
                            awards=(AwardRecord("Bằng khen", "5 tập thể và 12 cá nhân", e_award, 5, 12),)),),
        countries=(CountryRecord("LA", "Lào", e_nam),),
    )
    s_duc = "Ông Đặng Văn Đức, Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Quảng Ninh, tiếp đoàn Trung Quốc."
    a3 = Article("qn_2020_china.txt", s_duc, published="2020-10-05", locality="Quảng Ninh",
                 title="Đón đoàn Trung Quốc")
    e_duc = _ev(a3, s_duc, 0.9)
    ex3 = Extraction(
        a3,
        organisations=(OrganisationRecord(LHHN_QN, "FriendshipUnion", e_duc, locality="Quảng Ninh"),),
        persons=(PersonRecord("Đặng Văn Đức", "Đặng Văn Đức", e_duc),),
        positions=(PositionRecord("Đặng Văn Đức", "Chủ tịch", LHHN_QN, e_duc, "2020-10-05"),),
        countries=(CountryRecord("CN", "Trung Quốc", e_duc),),
    )
    a4 = Article("payload.txt", PAYLOAD_TEXT, published="2022-01-01", locality="Quảng Ninh",
                 title='Tin</title><script>window.__pwned=4</script>')
    e4 = _ev(a4, PAYLOAD_TEXT, 0.5)
    ex4 = Extraction(
        a4,
        organisations=(OrganisationRecord(LHHN_QN, "FriendshipUnion", e4, locality="Quảng Ninh"),),
        persons=(PersonRecord(PAYLOAD_NAME, PAYLOAD_NAME, e4),),
        positions=(PositionRecord(PAYLOAD_NAME, "Ủy viên<svg onload=window.__pwned=5>", LHHN_QN, e4,
                                  "2022-01-01"),),
    )
    return [ex1, ex2, ex3, ex4]


def sample_dataset() -> Dataset:
    extractions = sample_extractions()
    return to_dataset(extractions, resolve(extractions))
