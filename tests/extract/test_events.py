"""Events: which gatherings count, organiser, chair, date and place."""
from helpers_kg import run


def events(text: str):
    return run(text).events


def test_conference_date_from_the_reviewed_year_and_venue():
    (e,) = events("Sáng 9/1, tại Trung tâm Hội nghị thành phố, Liên hiệp Các tổ chức hữu nghị thành phố "
                  "Hải Phòng tổ chức Hội nghị tổng kết công tác năm 2022, triển khai nhiệm vụ năm 2023.")
    assert e.organiser == "Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng"
    assert e.date == "2023-01-09"
    assert e.location == "Trung tâm Hội nghị thành phố Hải Phòng"
    assert e.chair is None


def test_just_held_event_gets_the_publication_month_and_chair_presides():
    (e,) = events("Print Thứ Ba, 23/07/2019 10:48\n\nLiên hiệp Các tổ chức hữu nghị thành phố Hải Phòng vừa "
                  "tổ chức hội nghị Ban Chấp hành. Đồng chí Nguyễn Thị Nghĩa – Chủ tịch Liên hiệp chủ trì "
                  "hội nghị. Phát biểu tại hội nghị, đồng chí Nghĩa nhấn mạnh.")
    assert (e.date, e.chair) == ("2019-07", "Nguyễn Thị Nghĩa")


def test_attending_is_not_chairing_but_directing_by_the_unions_leader_is():
    (a,) = events("Sáng 6-1, Liên hiệp các tổ chức hữu nghị tỉnh Thái Bình tổ chức hội nghị triển khai công "
                  "tác năm 2017. Tới dự có đồng chí Nguyễn Hoàng Giang – Phó Chủ tịch UBND tỉnh.")
    assert a.chair is None and a.attendees == ("Nguyễn Hoàng Giang",)
    (b,) = events("Sáng 7/6, Liên hiệp các tổ chức hữu nghị tỉnh Tuyên Quang tổ chức Hội nghị sơ kết 6 tháng "
                  "đầu năm 2016. Dự và chỉ đạo Hội nghị có đồng chí Vũ Thị Bích Việt, Chủ tịch Liên hiệp "
                  "các tổ chức hữu nghị tỉnh Tuyên Quang.")
    assert (b.date, b.chair) == ("2016-06-07", "Vũ Thị Bích Việt")


def test_reception_host_chairs_and_the_hosts_body_organises():
    (e,) = events("Chiều 17/11/2022, tại trụ sở UBND tỉnh, đồng chí Hà Quang Thiện, Phó Bí thư Tỉnh ủy, Chủ "
                  "tịch UBND tỉnh Bắc Ninh đã tiếp Ngài Park Noh-wan, Đại sứ Hàn Quốc tại Việt Nam.")
    assert e.organiser == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert e.chair == "Hà Quang Thiện"
    assert e.date == "2022-11-17"


def test_do_x_to_chuc_and_phoi_hop_lead():
    evs = events("Trong 6 tháng đầu năm 2016, Liên hiệp các tổ chức hữu nghị tỉnh Tuyên Quang đã thực hiện nhiều "
                 "hoạt động: chủ trì, phối hợp với Sở Ngoại vụ tổ chức buổi làm việc với Liên hiệp các tổ "
                 "chức hữu nghị Việt Nam; tham dự buổi gặp mặt các tổ chức phi chính phủ do Liên hiệp các "
                 "tổ chức hữu nghị Việt Nam tổ chức tại Hà Nội.")
    got = {(e.organiser, e.date, e.location) for e in evs}
    assert ("Liên hiệp các tổ chức hữu nghị tỉnh Tuyên Quang", "2016", None) in got
    assert ("Liên hiệp các tổ chức hữu nghị Việt Nam", "2016", "Hà Nội") in got


def test_planned_recurring_and_counted_gatherings_are_not_events():
    evs = events("Năm 2023, Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An sẽ tổ chức Hội nghị biểu dương. "
                 "Hằng năm, Liên hiệp tổ chức gặp mặt lưu học sinh Lào. Liên hiệp đã đón tiếp 27 đoàn khách "
                 "quốc tế. Đồng chí đề nghị Liên hiệp chuẩn bị tổ chức Đại hội nhiệm kỳ mới.")
    assert evs == ()


def test_historic_dates_are_not_the_events_date():
    (e,) = events("Print 03/12/2015\n\nSáng 2/12, Liên hiệp các tổ chức hữu nghị tỉnh Bình Định tổ chức mít tinh "
                  "kỷ niệm 55 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Cuba (2/12/1960 – 2/12/2015).")
    assert e.date == "2015-12-02"


def test_awards_with_counts():
    (e,) = events("Sáng 9/1/2023, Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng tổ chức Hội nghị tổng kết. "
                  "Tại Hội nghị, Liên hiệp trao tặng Giấy khen cho 21 tập thể và 36 cá nhân.")
    (award,) = e.awards
    assert award.kind.startswith("Giấy khen")
    assert (award.collectives, award.individuals) == (21, 36)


def test_award_titles_in_quotes_and_counts_before_the_award():
    (e,) = events("Sáng 20/3/2022, Liên hiệp các tổ chức hữu nghị tỉnh An Giang tổ chức hội nghị. Dịp này, "
                  "5 tập thể và 10 cá nhân được tặng Kỷ niệm chương \"Vì hòa bình, hữu nghị giữa các dân tộc\" "
                  "của Liên hiệp các tổ chức hữu nghị Việt Nam; Liên hiệp trao Giấy khen cho 21 tập thể.")
    got = {(a.kind, a.collectives, a.individuals) for a in e.awards}
    assert got == {('Kỷ niệm chương "Vì hòa bình, hữu nghị giữa các dân tộc"', 5, 10), ("Giấy khen", 21, None)}


def test_at_the_working_session_is_the_reception_already_told():
    evs = events("Thứ Sáu, 18/10/2019 10:00\n\nSáng 18/10, Liên hiệp các tổ chức hữu nghị tỉnh Quảng "
                 "Ngãi tiếp và làm việc với đoàn tình nguyện viên JICA. Tại buổi làm việc, bà Phạm Thị Xuân thông tin về tình hình của tỉnh.")
    assert [e.date for e in evs] == ["2019-10-18"]


def test_cung_ngay_is_the_day_the_article_last_named():
    evs = events("Print Thứ Hai, 12/12/2022 08:00\n\nTối 10/12, Liên hiệp các tổ chức hữu nghị tỉnh Cà Mau "
                 "tổ chức Chương trình giao lưu hữu nghị nhân dân Cà Mau – Hàn Quốc. Trước đó, chiều cùng "
                 "ngày, Phó Chủ tịch UBND tỉnh Tô Minh Khải đã tiếp Tổng Lãnh sự Park Jin-woo.")
    reception = next(e for e in evs if e.chair == "Tô Minh Khải")
    assert reception.date == "2022-12-10"


def test_attendance_restated_is_no_new_event_and_two_ceremonies_stay_two():
    evs = events("Sáng 16/11, Liên hiệp các tổ chức hữu nghị tỉnh Đồng Tháp tổ chức lễ bàn giao 30 căn nhà "
                 "tình thương. Dự lễ bàn giao có Phó Chủ tịch UBND tỉnh Huỳnh Văn Tâm.")
    assert len(evs) == 1 and evs[0].organiser == "Liên hiệp các tổ chức hữu nghị tỉnh Đồng Tháp"
    evs = events("Năm 2024, Liên hiệp các tổ chức hữu nghị tỉnh Ninh Bình tổ chức Lễ kỷ niệm 70 năm quan hệ "
                 "ngoại giao Việt Nam – Mông Cổ tại Trung tâm Văn hóa tỉnh. Liên hiệp cũng tổ chức Hội thảo "
                 "về du lịch; đã hướng dẫn Hội hữu nghị Việt Nam – Nhật Bản tỉnh tổ chức thành công Đại hội "
                 "lần thứ II; tham dự Lễ bàn giao 2 điểm trường mầm non do tổ chức Hope for Tomorrow tài trợ.")
    labels = [e.label.lower() for e in evs]
    assert any(x.startswith("lễ kỷ niệm") for x in labels)
    assert any(x.startswith("lễ bàn giao") for x in labels)  # not merged into the anniversary


def test_tai_day_takes_the_day_last_named_and_a_signing_is_not_a_scholarship_ceremony():
    evs = events("Sáng 25/4/2013, hai đoàn hội đàm tại tỉnh Phông-xa-lỳ. Đồng chí A và đồng chí B đã ký "
                 "Biên bản ghi nhớ hợp tác giai đoạn 2013 – 2017.\n\nNgày 26/4, đoàn đến thăm Trường Tiểu "
                 "học Hữu nghị Việt – Lào. Tại đây, Liên hiệp các tổ chức hữu nghị tỉnh Điện Biên tổ chức "
                 "lễ trao 50 suất học bổng cho học sinh nghèo.")
    award = next(e for e in evs if e.label.lower().startswith("lễ trao"))
    assert award.date == "2013-04-26"
    assert award.organiser == "Liên hiệp các tổ chức hữu nghị tỉnh Điện Biên"
    assert any("ký" in e.label.lower().split()[:2] for e in evs)  # the signing stays its own


def test_counts_decisions_and_recalled_signings_are_not_new_events():
    evs = events("Chiều 18/8/2014, Liên hiệp các tổ chức hữu nghị Việt Nam tiếp Đại sứ Thụy Điển. Theo ông "
                 "Khiêm, hai bên đã phối hợp tổ chức hơn 30 hoạt động giao lưu văn hóa, tọa đàm và chương "
                 "trình thiện nguyện.")
    assert [e.kind for e in evs] == ["Reception"]
    evs = events("Sáng 15/3/2019, Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ tổ chức Hội nghị Ban "
                 "Chấp hành lần thứ 6. Về công tác tổ chức, hội nghị đã thống nhất cử bổ sung ông A, thay "
                 "ông B nghỉ hưu từ tháng 01/2019.")
    assert len(evs) == 1 and evs[0].date == "2019-03-15"
    evs = events("Thứ Bảy, 14/10/2023\n\nChiều 12/10, UBND huyện Yên Phong tiếp đoàn quận Dalseo. Từ khi "
                 "hai địa phương ký kết thỏa thuận thiết lập quan hệ hữu nghị năm 2019, hai bên vẫn duy trì "
                 "trao đổi thông tin.")
    assert [e.kind for e in evs] == ["Reception"]


def test_looking_back_for_the_day_stays_linear_in_a_run_of_undated_sentences(monkeypatch):
    from kg.extract import events as ev_module
    calls = []
    original = ev_module._Builder.date
    monkeypatch.setattr(ev_module._Builder, "date",
                        lambda self, *a, **k: calls.append(1) or original(self, *a, **k))
    n = 16  # each "Sau đó" sentence looks back; before the fix each look-back looked back again
    events("Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An tổ chức hội nghị. "
           + " ".join(f"Sau đó, đoàn dự buổi lễ trao quà thứ {i}." for i in range(n)))
    assert len(calls) <= 12 * (n + 1)


def test_a_hosts_post_named_elsewhere_and_the_chair_of_a_session_named_by_kind():
    ex = run("Bí thư Tỉnh ủy tiếp đoàn tỉnh Hủa Phăn (Lào)\n\n15/09/2016\n\nChiều 14/9, tại trụ sở Tỉnh ủy, "
             "đồng chí Phạm Hồng Quân, Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh Quảng Ninh, đã tiếp đoàn đại "
             "biểu tỉnh Hủa Phăn.\n\nTrước đó, UBND tỉnh đã tổ chức hội đàm với đoàn. Đồng chí Đỗ Văn Khang, "
             "Phó Chủ tịch UBND tỉnh chủ trì buổi hội đàm.")
    by_org = {e.organiser: e for e in ex.events}
    assert set(by_org) == {"Tỉnh ủy Quảng Ninh", "Ủy ban nhân dân tỉnh Quảng Ninh"}
    assert by_org["Tỉnh ủy Quảng Ninh"].chair == "Phạm Hồng Quân"
    assert by_org["Ủy ban nhân dân tỉnh Quảng Ninh"].chair == "Đỗ Văn Khang"


def test_a_guests_thanks_for_being_welcomed_is_no_reception():
    ex = run("Chiều 18/01/2012, Sở Ngoại vụ tỉnh Lâm Đồng tổ chức gặp mặt kiều bào. Ông Nguyễn Hữu Phước, "
             "Chủ tịch Hội người Việt Nam tại Grenoble (Pháp), bày tỏ xúc động khi được quê hương đón tiếp "
             "ấm áp.")
    assert len(ex.events) == 1
    assert ex.events[0].organiser == "Sở Ngoại vụ tỉnh Lâm Đồng"


def test_a_host_whose_posts_were_told_earlier_and_habits_are_no_events():
    ex = run("Ngày 1/12/2025, Liên hiệp các tổ chức hữu nghị tỉnh Điện Biên tổ chức mít tinh kỷ niệm Quốc "
             "khánh Lào. Dự có đồng chí Lò Văn Thủy, Phó Chủ tịch Thường trực UBND tỉnh. Những năm qua, hai "
             "bên đã phối hợp chặt chẽ trong quản lý, bảo vệ biên giới, giao lưu văn hóa, thể thao. Hội duy "
             "trì giao lưu văn hóa đầu xuân. Trước đó, đồng chí Lò Văn Thủy đã tiếp Đoàn đại biểu tỉnh Phông "
             "Sa Lỳ.")
    assert sorted((e.kind, e.organiser) for e in ex.events) == [
        ("Ceremony", "Liên hiệp các tổ chức hữu nghị tỉnh Điện Biên"),
        ("Reception", "Ủy ban nhân dân tỉnh Điện Biên")]


def test_a_span_of_days_dates_what_happened_by_its_first_day():
    ex = run("Liên hiệp các tổ chức hữu nghị tỉnh Lạng Sơn tổ chức đoàn công tác thăm và làm việc tại thành phố "
             "Nam Ninh (Trung Quốc) từ ngày 7 đến 9/3/2018.")
    assert [e.date for e in ex.events] == ["2018-03-07"]


def test_a_committee_that_met_and_the_meeting_chaired_after_it():
    ex = run("Ngày 24/6/2005, Ban Chấp hành Hội hữu nghị Việt Nam – Mông Cổ tỉnh Vĩnh Phúc họp phiên bất thường, "
             "bầu bổ sung ông Trịnh Văn Khải giữ chức Chủ tịch Hội nhiệm kỳ 2003-2008. Ông Đỗ Mạnh Tường, Phó Chủ "
             "tịch Hội chủ trì hội nghị.")
    assert [(e.date, e.organiser, e.chair) for e in ex.events] == [
        ("2005-06-24", "Hội hữu nghị Việt Nam – Mông Cổ tỉnh Vĩnh Phúc", "Đỗ Mạnh Tường")]


def test_one_embassy_named_twice_a_venue_named_trung_tam_and_when_an_exhibition_ends():
    ex = run("Sáng 4/6/2012, tại trụ sở UBND tỉnh, đồng chí Trần Hữu Lộc, Chủ tịch UBND tỉnh Sóc Trăng đã tiếp ngài "
             "Rajiv Menon, Đại sứ đặc mệnh toàn quyền Cộng hòa Ấn Độ tại Việt Nam. Đồng chí mong muốn Đại sứ quán "
             "Ấn Độ tạo điều kiện. Chiều cùng ngày, tại Nhà Văn hóa Trung tâm tỉnh, Sở Văn hóa, Thể thao và Du "
             "lịch tỉnh Sóc Trăng tổ chức khai mạc triển lãm ảnh. Triển lãm mở cửa đến hết ngày 10/6.")
    missions = [o for o in ex.organisations if o.name.startswith("Đại sứ quán")]
    assert len(missions) == 1 and "Đại sứ quán Ấn Độ" in missions[0].aliases
    assert not any(o.name.startswith("Trung tâm") for o in ex.organisations)
    assert sorted(e.date for e in ex.events) == ["2012-06-04", "2012-06-04"]


def test_an_ngo_glossed_in_parentheses_its_director_in_english_and_a_project_kick_off():
    ex = run("Sáng 13/3/2014, tại TP Kon Tum, Sở Kế hoạch và Đầu tư tỉnh Kon Tum phối hợp với tổ chức phi chính phủ "
             "(NGO) Highland Hope Australia (HHA) tổ chức lễ khởi động dự án. Về phía nhà tài trợ có bà Rebecca "
             "Thornton, Giám đốc quốc gia (Country Director) của HHA tại Việt Nam.")
    hha = next(o for o in ex.organisations if o.name == "Highland Hope Australia")
    assert "HHA" in hha.aliases
    assert ("Rebecca Thornton", "Giám đốc quốc gia", "Highland Hope Australia") in \
        {(p.person, p.title, p.organisation) for p in ex.positions}
    assert [(e.kind, e.organiser, e.date) for e in ex.events] == [
        ("Ceremony", "Sở Kế hoạch và Đầu tư tỉnh Kon Tum", "2014-03-13")]


def test_an_agreements_topics_are_no_gatherings_and_a_signing_after_the_ceremony_told():
    ex = run("Sáng 11/3/2026, tại Trường Đại học Ubon Ratchathani, Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai và "
             "Trường Đại học Ubon Ratchathani đã ký Biên bản ghi nhớ (MoU) về hợp tác trao đổi sinh viên, giao lưu "
             "văn hóa. Tối 11/3, Hội người Thái gốc Việt tỉnh Ubon Ratchathani tổ chức buổi gặp mặt thân mật.")
    assert sorted((e.kind, e.organiser or "") for e in ex.events) == [
        ("Ceremony", ""), ("Meeting", "Hội người Thái gốc Việt tỉnh Ubon Ratchathani")]
    ex = run("Sáng 13/3/2014, Sở Kế hoạch và Đầu tư tỉnh Kon Tum tổ chức lễ khởi động dự án. Ngay sau lễ khởi động, "
             "Liên hiệp các tổ chức hữu nghị tỉnh Kon Tum và HHA đã ký MoU về hợp tác vận động nguồn lực.")
    assert sorted((e.kind, e.organiser or "") for e in ex.events) == [
        ("Ceremony", ""), ("Ceremony", "Sở Kế hoạch và Đầu tư tỉnh Kon Tum")]


def test_receptions_by_different_hosts_a_host_named_lien_and_viet_trung():
    ex = run("Ngày 14/1/2026, Phó Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam (VUFO) Trịnh Minh Khoa tiếp ông "
             "Andrew McKenzie, Đại sứ New Zealand tại Việt Nam. Cùng ngày, Chủ tịch VUFO Lương Quốc Thịnh tiếp "
             "đoàn Hội hữu nghị Mozambique – Việt Nam. Ngày 16/1, Phó Chủ tịch kiêm Tổng Thư ký VUFO Ngô Thị Bích "
             "Liên tiếp bà Eszter Nagy, Chủ tịch Hội hữu nghị Hungary – Việt Nam.")
    assert sorted((e.date, e.chair) for e in ex.events) == [
        ("2026-01-14", "Lương Quốc Thịnh"), ("2026-01-14", "Trịnh Minh Khoa"), ("2026-01-16", "Ngô Thị Bích Liên")]
    ex = run("Tại Lai Châu, bà Lò Thị Hoa, Chủ tịch Hội hữu nghị Việt – Trung tỉnh Lai Châu dự. Miền Trung có bão.")
    assert {o.name for o in ex.organisations} == {"Hội hữu nghị Việt – Trung tỉnh Lai Châu"}
    assert {c.code for c in ex.countries} == {"CN"}


def test_a_venue_in_a_city_written_tp_with_a_period():
    ex = run("Chiều 27/11/2020, tại TP. Vũng Tàu, Hội hữu nghị Việt Nam – Cuba tỉnh Bà Rịa – Vũng Tàu tổ chức lễ kỷ "
             "niệm 60 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Cuba.")
    assert [e.location for e in ex.events] == ["thành phố Vũng Tàu"]


def test_a_send_off_of_interns_and_their_japanese_supervising_union():
    ex = run("Hôm 15/5/2023, tại TP. Biên Hòa, Công ty Cổ phần Phát triển Nhân lực Quốc tế Đông Nam tổ chức Lễ xuất "
             "cảnh cho 86 thực tập sinh. Dự có ông Suzuki Takeshi, Giám đốc Nghiệp đoàn Fuji Kyodo.")
    assert [(e.kind, e.organiser, e.date) for e in ex.events] == [
        ("Ceremony", "Công ty Cổ phần Phát triển Nhân lực Quốc tế Đông Nam", "2023-05-15")]
    assert ("Suzuki Takeshi", "Giám đốc", "Nghiệp đoàn Fuji Kyodo") in \
        {(p.person, p.title, p.organisation) for p in ex.positions}


def test_before_that_takes_the_month_told_and_a_congress_directed_or_deciding_is_no_new_one():
    ex = run("Trung tuần tháng 8/2013, tại Hội trường UBND huyện Văn Chấn, Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái "
             "tổ chức lễ trao tặng 120 chiếc xe lăn. Hội dự kiến vào tháng 10 tới sẽ tổ chức đoàn tình nguyện. "
             "Trước đó, bà Hà Thị Lan Hương, Phó Chủ tịch UBND tỉnh đã tiếp và làm việc với đoàn Hope Wheels.")
    assert sorted((e.kind, e.date) for e in ex.events) == [("Ceremony", "2013-08"), ("Reception", "2013-08")]
    ex = run("Ngày 26/9/2019, Liên hiệp các tổ chức hữu nghị tỉnh Phú Thọ tổ chức Đại hội đại biểu lần thứ II. Dự và "
             "chỉ đạo Đại hội có Phó Bí thư Tỉnh ủy Hà Quang Lộc. Đại hội đã bầu Ban Chấp hành Liên hiệp khóa II.")
    assert [(e.kind, e.organiser, e.date) for e in ex.events] == [
        ("Congress", "Liên hiệp các tổ chức hữu nghị tỉnh Phú Thọ", "2019-09-26")]


def test_who_hosted_a_visit_told_in_the_next_sentence():
    ex = run("Từ ngày 27-4 đến 1-5-2005, đoàn 16 cựu chiến binh thuộc tổ chức Cựu chiến binh vì Hòa bình (Veterans For "
             "Peace) của Mỹ đã trở lại thăm Quảng Ngãi. Chuyến thăm do Liên hiệp các tổ chức hữu nghị tỉnh Quảng Ngãi "
             "phối hợp với Hội Cựu chiến binh tỉnh đón tiếp.")
    assert [(e.kind, e.organiser, e.date) for e in ex.events] == [
        ("Visit", "Liên hiệp các tổ chức hữu nghị tỉnh Quảng Ngãi", "2005-04-27")]


def test_hoi_nghi_and_tai_dai_hoi_told_again_are_the_gathering_already_told():
    ex = run("Sáng 18/1/2019, Liên hiệp các tổ chức hữu nghị tỉnh Thanh Hóa tổ chức hội nghị tổng kết công tác năm "
             "2018. Hội hữu nghị Việt Nam – Thái Lan tỉnh đã tiếp nhận 3 dự án viện trợ. "
             "Hội nghị do ông Lê Văn Thuận chủ trì.")
    assert [(e.kind, e.organiser, e.chair) for e in ex.events] == [
        ("Conference", "Liên hiệp các tổ chức hữu nghị tỉnh Thanh Hóa", "Lê Văn Thuận")]
    assert all(o.name != "Hội hữu nghị Việt Nam – Thái Lan tỉnh Thanh Hóa" or o.evidence.sentence.startswith("Hội hữu")
               for o in ex.organisations)
    ex = run("Ngày 25/6/2021, Hội hữu nghị Việt – Lào tỉnh Nghệ An tổ chức Đại hội đại biểu lần thứ V. Phát biểu tại "
             "Đại hội, Phó Chủ tịch UBND tỉnh Nguyễn Văn Đệ đề nghị Hội tiếp tục phát huy vai trò cầu nối.")
    assert [(e.kind, e.organiser, e.date) for e in ex.events] == [
        ("Congress", "Hội hữu nghị Việt – Lào tỉnh Nghệ An", "2021-06-25")]


def test_a_visited_province_is_its_name_without_the_country_and_the_days_after_it():
    ex = run("Ngày 20/12/2018, Liên hiệp các tổ chức hữu nghị tỉnh Thanh Hóa tổng kết năm. Trong năm, Liên hiệp đã "
             "tổ chức đoàn công tác sang thăm tỉnh Hủa Phăn (Lào) từ ngày 12 đến 15/3/2018.")
    assert [e.location for e in ex.events if e.kind == "Visit"] == ["tỉnh Hủa Phăn"]


def test_a_half_year_review_dates_its_months_in_that_year_and_where_soldiers_fell_is_no_venue():
    ex = run("Sáng 9/7, Hội hữu nghị Việt Nam - Lào tỉnh Điện Biên tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm, "
             "triển khai nhiệm vụ 6 tháng cuối năm 2014. Ngày 20/3, Hội đã phối hợp với Bộ Chỉ huy Quân sự tỉnh "
             "tổ chức Lễ truy điệu 12 liệt sĩ quân tình nguyện Việt Nam hy sinh tại Lào.")
    assert sorted((e.date, e.location) for e in ex.events) == [("2014-03-20", None), ("2014-07-09", None)]


def test_a_first_session_in_a_congress_a_body_named_like_a_gathering_and_a_visit_of_its_own():
    # the new committee's first session is a Ban Chấp hành meeting of the association (FORMAT rule 2;
    # tests/blind9 b01), held on the congress's day
    ex = run("Sáng ngày 14/4/2023, Hội hữu nghị Việt Nam – Campuchia tỉnh Kon Tum tổ chức Đại hội đại biểu lần thứ III, "
             "nhiệm kỳ 2023 - 2028. Ban Chấp hành đã họp phiên thứ nhất bầu đồng chí Nguyễn Văn Hòa giữ chức Chủ tịch "
             "Hội. Đại hội ghi nhận đóng góp của Quỹ Giao lưu quốc tế Nhật Bản (Japan Foundation).")
    ours = "Hội hữu nghị Việt Nam – Campuchia tỉnh Kon Tum"
    assert sorted((e.kind, e.organiser, e.date) for e in ex.events) == [
        ("Conference", ours, "2023-04-14"), ("Congress", ours, "2023-04-14")]
    ex = run("Sáng 15-10-2011, Hội hữu nghị Việt Nam – Nga tỉnh Khánh Hòa tổ chức Đại hội đại biểu lần thứ IV. Ngay sau "
             "Đại hội, Hội nghị lần thứ nhất Ban Chấp hành khóa IV do ông Võ Hoàng Long chủ trì đã bầu Ban Thường vụ.")
    assert sorted((e.kind, e.date, e.chair) for e in ex.events) == [
        ("Conference", "2011-10-15", "Võ Hoàng Long"), ("Congress", "2011-10-15", None)]
    ex = run("Chiều 16/4/2024, tại trụ sở UBND thành phố, Phó Chủ tịch UBND thành phố Hải Phòng Lê Minh Khoa đã tiếp "
             "Ngài Tamás Kovács-Nagy, Đại sứ Hungary tại Việt Nam. Đại sứ đề nghị thành phố ủng hộ các hoạt động kỷ "
             "niệm 75 năm thiết lập quan hệ ngoại giao Việt Nam – Hungary (3/2/1950 – 3/2/2025) sẽ được tổ chức tại "
             "Hải Phòng. Trước đó, sáng cùng ngày, Đại sứ và đoàn đã thăm và làm việc tại Trường Đại học Hàng hải "
             "Việt Nam.")
    assert sorted((e.kind, e.date, e.location) for e in ex.events) == [
        ("Reception", "2024-04-16", "trụ sở UBND thành phố Hải Phòng"),
        ("Visit", "2024-04-16", "Trường Đại học Hàng hải Việt Nam")]


def test_congratulating_the_congress_and_then_speaking_of_another_body_is_no_congress_of_it():
    ex = run("Ngày 18/7/2008, Hội hữu nghị Việt Nam – Lào tỉnh Điện Biên tổ chức Đại hội đại biểu lần thứ III. Thay mặt "
             "đoàn, ông Khăm-phăn Vông-sa-vạt chúc mừng Đại hội và khẳng định Hội hữu nghị Lào – Việt Nam tỉnh "
             "Phông-xa-lỳ sẽ cùng Hội làm cho tình đoàn kết ngày càng gắn bó.")
    assert [(e.kind, e.organiser) for e in ex.events] == [("Congress", "Hội hữu nghị Việt Nam – Lào tỉnh Điện Biên")]


def test_cung_ngay_is_the_day_of_the_gathering_told_and_venues_cut_at_o_and_khu_vuc():
    ex = run("Chiều 13/1/2026, tại trụ sở UBND tỉnh ở phường Quy Nhơn, phó chủ tịch UBND tỉnh Gia Lai Trần Hữu Phước "
             "đã tiếp Ngài Vikram Raghunathan, Đại sứ Ấn Độ tại Việt Nam. Ông Phước cho biết từ ngày 1/7/2025 tỉnh "
             "Gia Lai được hình thành trên cơ sở hợp nhất tỉnh Gia Lai và tỉnh Bình Định. Cùng ngày, bà Siu H'Yam, "
             "chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh đã tiếp và làm việc với bà Ananya Krishnan, Tổng Lãnh sự "
             "Ấn Độ tại TP. Hồ Chí Minh.")
    assert [(e.kind, e.date, e.location) for e in ex.events] == [
        ("Reception", "2026-01-13", "trụ sở UBND tỉnh Gia Lai"), ("Reception", "2026-01-13", None)]
    (e,) = run("Ngày 17/6/2017, tại khu vực Cửa khẩu Quốc tế Xa Mát, UBND tỉnh Tây Ninh tổ chức chương trình giao "
               "lưu hữu nghị nhân dân hai tỉnh biên giới.").events
    assert e.location == "Cửa khẩu Quốc tế Xa Mát"


def test_signing_the_handover_record_is_part_of_the_handover():
    ex = run("Ngày 25/4/2014, Ban Chỉ đạo 515 tỉnh Thanh Hóa tổ chức Lễ truy điệu 38 liệt sĩ. Trước đó, ngày 22/4, tại "
             "Cửa khẩu Quốc tế Na Mèo, đã diễn ra lễ bàn giao hài cốt liệt sĩ giữa tỉnh Hủa Phăn và tỉnh Thanh Hóa; "
             "ông Bua-khăm Xi-ha-xăn đã ký biên bản bàn giao. Tối 24/4, UBND tỉnh tổ chức buổi gặp mặt đoàn. Ông "
             "Bua-khăm Xi-ha-xăn ký biên bản bàn giao hài cốt liệt sĩ tại Cửa khẩu Quốc tế Na Mèo.")
    assert sorted((e.date, e.location or "") for e in ex.events if e.kind == "Ceremony") == [
        ("2014-04-22", "Cửa khẩu Quốc tế Na Mèo"), ("2014-04-25", "")]


def test_signing_a_coordination_rule_and_co_chairs_named_after_chu_tri():
    ex = run("Chiều 16/6/2022, nhân dịp bế giảng lớp học, Sở Ngoại vụ và Liên hiệp các tổ chức hữu nghị tỉnh Thái "
             "Nguyên đã ký kết Quy chế phối hợp trong công tác đối ngoại nhân dân giai đoạn 2022 – 2025.")
    assert [(e.kind, e.organiser, e.date) for e in ex.events] == [("Ceremony", None, "2022-06-16")]
    (e,) = run("Sáng 17/6/2017, tại Cửa khẩu Quốc tế Xa Mát, UBND tỉnh Tây Ninh tổ chức Chương trình giao lưu hữu "
               "nghị nhân dân hai tỉnh biên giới năm 2017.\n\nĐồng chủ trì chương trình có đồng chí Lê Hoàng Tuấn, "
               "Phó Chủ tịch UBND tỉnh Tây Ninh và Ngài Ouk Sarath, Phó Tỉnh trưởng tỉnh Tbong Khmum.").events
    assert e.chair == "Lê Hoàng Tuấn"


def test_a_receipt_with_its_handover_record_signed_and_witnesses_is_one_ceremony():
    ex = run("Tiếp nhận hàng viện trợ của Hội Chữ thập đỏ Đức\n\n(TTH) - Ngày 12.10.2006, Hội Chữ thập đỏ tỉnh Thừa "
             "Thiên Huế tổ chức lễ tiếp nhận 1.500 bộ dụng cụ gia đình do Hội Chữ thập đỏ Đức (DRK) tài trợ. Ông Trần "
             "Văn Thanh, Chủ tịch Hội Chữ thập đỏ tỉnh và bà Katrin Vogel, Trưởng Văn phòng đại diện Hội Chữ thập đỏ "
             "Đức tại Việt Nam đã ký biên bản bàn giao. Chứng kiến lễ tiếp nhận có đại diện Sở Ngoại vụ.")
    assert [(e.kind, e.organiser, e.date) for e in ex.events] == [
        ("Ceremony", "Hội Chữ thập đỏ tỉnh Thừa Thiên Huế", "2006-10-12")]
    assert ex.events[0].label.startswith("lễ tiếp nhận 1.500")
    assert ("Katrin Vogel", "Trưởng Văn phòng", "Văn phòng đại diện Hội Chữ thập đỏ Đức tại Việt Nam") in \
        {(p.person, p.title, p.organisation) for p in ex.positions}


def test_where_someone_worked_is_no_venue_of_a_farewell():
    (e,) = run("Sáng 14/10/2024, Sở Ngoại vụ tỉnh Đắk Nông tổ chức buổi gặp mặt chia tay 2 tình nguyện viên của JICA "
               "sau 2 năm làm việc tại tỉnh.").events
    assert (e.organiser, e.location) == ("Sở Ngoại vụ tỉnh Đắk Nông", None)


def test_a_courtesy_call_on_a_leader_is_a_reception_he_hosts():
    ex = run("Sáng 5/9/2016, đồng chí Nguyễn Văn Hùng, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Quảng Bình đã tiếp đoàn "
             "đại biểu tỉnh Khăm Muồn. Chiều cùng ngày, đoàn đến chào xã giao đồng chí Hoàng Đăng Quang, Ủy viên "
             "Trung ương Đảng, Bí thư Tỉnh ủy Quảng Bình.")
    assert sorted((e.kind, e.organiser, e.date, e.chair) for e in ex.events) == [
        ("Reception", "Tỉnh ủy Quảng Bình", "2016-09-05", "Hoàng Đăng Quang"),
        ("Reception", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Bình", "2016-09-05", "Nguyễn Văn Hùng")]


def test_before_that_the_delegation_worked_with_a_border_post_and_a_gate_pair_is_no_person():
    ex = run("Sáng 15/3/2017, tại trụ sở UBND tỉnh, Chủ tịch UBND tỉnh Lai Châu Hà Văn Khuyến đã tiếp Đoàn đại biểu "
             "huyện Kim Bình. Hai bên trao đổi hàng hóa qua cặp cửa khẩu Ma Lù Thàng – Kim Thủy Hà. Trước đó, đoàn đã "
             "làm việc với Đồn Biên phòng Ma Lù Thàng và thăm khu vực cửa khẩu.")
    assert sorted((e.kind, e.organiser, e.date) for e in ex.events) == [
        ("Reception", "Ủy ban nhân dân tỉnh Lai Châu", "2017-03-15"), ("Visit", None, "2017-03")]
    assert "Kim Thủy Hà" not in {p.name for p in ex.persons}
    assert "Đồn Biên phòng Ma Lù Thàng" in {o.name for o in ex.organisations}


def test_a_traditional_new_year_held_is_a_festival_and_before_that_takes_the_month_of_the_gathering():
    ex = run("(Baohatinh.vn) - Ngày 12-4-2024, Liên hiệp các tổ chức hữu nghị tỉnh Hà Tĩnh phối hợp với Trường Đại học Hà "
             "Tĩnh tổ chức Tết cổ truyền Bunpimay cho lưu học sinh Lào. Dự buổi lễ có Phó Chủ tich UBND tỉnh Bùi Xuân "
             "Thịnh.")
    assert [(e.kind, e.organiser, e.date) for e in ex.events] == [
        ("Festival", "Liên hiệp các tổ chức hữu nghị tỉnh Hà Tĩnh", "2024-04-12")]
    assert ("Bùi Xuân Thịnh", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Hà Tĩnh") in \
        {(p.person, p.title, p.organisation) for p in ex.positions}
    ex = run("Trung tuần tháng 8/2013, Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái tổ chức lễ trao tặng xe lăn. Đoàn "
             "đến thăm Trường tiểu học. Hai bên cam kết hỗ trợ. Trước đó, bà Hà Thị Lan Hương, Phó Chủ tịch UBND tỉnh "
             "đã tiếp và làm việc với đoàn Hope Wheels. Đoàn sẽ trở lại vào tháng 5/2014.")
    assert ("Reception", "2013-08") in {(e.kind, e.date) for e in ex.events}
    ex = run("- Tiếp và làm việc với đoàn đại biểu tỉnh Preah Sihanouk (Campuchia) sang thăm, chúc Tết cổ truyền Chôl "
             "Chnăm Thmây (tháng 4/2022);")
    assert "Festival" not in {e.kind for e in ex.events}


def test_a_plans_month_in_the_clause_does_not_date_the_gathering_and_a_nation_thanked_is_no_body():
    ex = run("Ngày 9/12/2015, UBND tỉnh Quảng Bình tổ chức lễ trao Huân chương Hữu nghị. Ông Tuệ nhấn mạnh bệnh viện do "
             "Chính phủ và nhân dân Cuba giúp xây dựng. Chiều cùng ngày, BS.CKII Phan Văn Lực, Giám đốc Bệnh viện Hữu "
             "nghị Việt Nam – Cu Ba Đồng Hới đã tiếp và làm việc với ông Tomasz Zieliński về đợt khám tiếp theo, dự "
             "kiến vào tháng 4/2016.")
    assert sorted((e.kind, e.date) for e in ex.events) == [("Ceremony", "2015-12-09"), ("Reception", "2015-12-09")]
    assert "Chính phủ" not in {o.name for o in ex.organisations}


def test_a_review_of_last_year_dates_its_table_rows_in_that_year():
    ex = run("Thứ Năm, 16/01/2020\n\nNgày 15/1, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang tổ chức Hội nghị tổng kết "
             "công tác đối ngoại nhân dân năm 2019.\nMột số hoạt động tiêu biểu năm 2019:\nNgày 19/2, Liên hiệp tổ "
             "chức Gặp mặt hữu nghị chúc mừng năm mới.\nTháng 4, Liên hiệp tổ chức Khởi công nhà lớp học Trường Mầm "
             "non An Lạc.\nNgày 10/10, Ký kết Biên bản ghi nhớ hợp tác giữa Hội hữu nghị Việt Nam – Israel tỉnh và "
             "Phòng Thương mại Israel – Việt Nam.\nHằng tháng, Liên hiệp tổ chức Sinh hoạt chuyên đề tiếng Anh.")
    got = sorted((e.kind, e.date) for e in ex.events)
    assert got == [("Ceremony", "2019-04"), ("Ceremony", "2019-10-10"), ("Conference", "2020-01-15"),
                   ("Meeting", "2019-02-19")]
    names = {o.name for o in ex.organisations}
    assert "Phòng Thương mại Israel – Việt Nam" in names and "Sinh" not in names


def test_a_reports_list_items_led_by_their_month_or_day():
    ex = run("Ngày 10/7/2018, Liên hiệp các tổ chức hữu nghị tỉnh Ninh Bình tổ chức hội nghị sơ kết công tác 6 tháng "
             "đầu năm 2018.\n6 tháng đầu năm, Liên hiệp đã thực hiện tốt các hoạt động:\n- Tháng 3: đón tiếp đoàn Hội "
             "hữu nghị Nhật – Việt tỉnh Akita (Nhật Bản) do ông Sato Hiroshi, Hội trưởng làm trưởng đoàn;\n- Ngày 15/5: "
             "tổ chức Lễ kỷ niệm 128 năm Ngày sinh Chủ tịch Hồ Chí Minh;")
    union = "Liên hiệp các tổ chức hữu nghị tỉnh Ninh Bình"
    assert sorted((e.date, e.organiser) for e in ex.events) == [
        ("2018-03", union), ("2018-05-15", union), ("2018-07-10", union)]


def test_the_afternoon_visit_to_a_named_school_is_a_visit_of_its_own():
    ex = run("Sáng 12/4/2019, tại Hội trường UBND tỉnh, UBND tỉnh Trà Vinh tổ chức tiếp đoàn đại biểu tỉnh Kampong "
             "Cham. Chiều cùng ngày, đoàn đã đến thăm và tặng quà Trường Phổ thông Dân tộc nội trú tỉnh.")
    assert sorted((e.kind, e.date) for e in ex.events) == [("Reception", "2019-04-12"), ("Visit", "2019-04-12")]


def test_the_hosts_named_after_a_visit_receive_it_and_the_parties_sign_at_the_talks():
    ex = run("Sáng 16/10/2017, tại trụ sở chính quyền tỉnh Shimane, đồng chí Đinh Văn Hùng, Chủ tịch UBND tỉnh Ninh Bình "
             "đã hội đàm với ông Mizoguchi Takeshi, Thống đốc tỉnh Shimane. Hai bên đã ký Biên bản ghi nhớ về hợp tác "
             "hữu nghị.\nChiều cùng ngày, đoàn đã đến thăm và làm việc với Hội hữu nghị Nhật – Việt tỉnh Shimane. Tiếp "
             "đoàn có ông Sato Hiroshi, Chủ tịch Hội.\nThống đốc Mizoguchi Takeshi cho biết tỉnh mong muốn mở rộng hợp tác.")
    got = sorted((e.kind, e.date, e.organiser, e.chair) for e in ex.events)
    assert got == [("Ceremony", "2017-10-16", None, None),
                   ("Meeting", "2017-10-16", "Ủy ban nhân dân tỉnh Ninh Bình", None),
                   ("Visit", "2017-10-16", "Hội hữu nghị Nhật – Việt tỉnh Shimane", "Sato Hiroshi")]
    # "Thống đốc X" said again short is the office already told in full, not a second post
    assert [p.title for p in ex.positions if p.person == "Mizoguchi Takeshi"] == ["Thống đốc tỉnh Shimane"]


def test_tiep_doan_co_representatives_names_no_host():
    ex = run("Chiều 14/9/2023, đồng chí Tôn Thất Minh Quân, Phó Bí thư Thường trực Tỉnh ủy Thừa Thiên Huế đã tiếp Đoàn "
             "đại biểu Hội hữu nghị Lào – Việt Nam.\nTiếp đoàn có đại diện lãnh đạo Sở Ngoại vụ, Liên hiệp các tổ chức "
             "hữu nghị tỉnh.")
    assert [(e.kind, e.organiser, e.chair) for e in ex.events] == [
        ("Reception", "Tỉnh ủy Thừa Thiên Huế", "Tôn Thất Minh Quân")]


def test_a_delegations_visit_the_day_after_its_reception_is_a_visit_of_its_own():
    ex = run("Chiều 3/4/2019, Hội Cựu chiến binh tỉnh Quảng Trị tiếp và làm việc với đoàn cựu chiến binh Hoa Kỳ do ông "
             "David Clark làm trưởng đoàn.\nSáng 4/4, đoàn đã đến dâng hương tại Nghĩa trang Liệt sĩ quốc gia Trường "
             "Sơn và thăm Thành cổ Quảng Trị.")
    assert sorted((e.kind, e.date) for e in ex.events) == [("Reception", "2019-04-03"), ("Visit", "2019-04-04")]


def test_the_first_session_of_the_committee_named_after_it_and_a_decisions_author_organises_nothing():
    ex = run("Ngày 23/7/2020, Liên hiệp các tổ chức hữu nghị tỉnh Hậu Giang tổ chức Đại hội đại biểu lần thứ II. Tại "
             "phiên họp thứ nhất diễn ra ngay sau đó, Ban Chấp hành khóa II đã hiệp thương cử Ban Thường vụ; ông Phan "
             "Hữu Lộc, Giám đốc Sở Ngoại vụ được tín nhiệm giữ chức Chủ tịch LHCTCHN tỉnh khóa II. Đại hội được tổ "
             "chức theo Quyết định số 1462/QĐ-UBND ngày 10/7/2020 của UBND tỉnh.")
    union = "Liên hiệp các tổ chức hữu nghị tỉnh Hậu Giang"
    assert sorted((e.kind, e.date, e.organiser) for e in ex.events) == [
        ("Conference", "2020-07-23", union), ("Congress", "2020-07-23", union)]
    assert ("Phan Hữu Lộc", "Chủ tịch", union) in {(p.person, p.title, p.organisation) for p in ex.positions}


def test_a_courtesy_reception_of_the_heads_of_delegations_and_experience_of_organising_is_no_event():
    ex = run("Ngày 16/10/2018, tại Bình Thuận, có đại diện lãnh đạo Liên hiệp các tổ chức hữu nghị các tỉnh Ninh Thuận, "
             "Lâm Đồng, Đồng Nai và Liên hiệp các tổ chức hữu nghị tỉnh Bình Thuận. Bà Ma-ri-a, Tổng Thư ký Hội hữu nghị "
             "Mê-hi-cô - Việt Nam chia sẻ kinh nghiệm tổ chức các tuần phim tại thủ đô Mê-hi-cô. Chiều cùng ngày, ông "
             "Nguyễn Hồng Phước, Phó Chủ tịch UBND tỉnh đã tiếp xã giao các trưởng đoàn quốc tế.")
    assert [(e.kind, e.date, e.organiser, e.chair) for e in ex.events] == [
        ("Reception", "2018-10-16", "Ủy ban nhân dân tỉnh Bình Thuận", "Nguyễn Hồng Phước")]
    unions = sorted(o.name for o in ex.organisations if o.name.startswith("Liên hiệp"))
    assert unions == [f"Liên hiệp các tổ chức hữu nghị tỉnh {p}" for p in ("Bình Thuận", "Lâm Đồng", "Ninh Thuận",
                                                                           "Đồng Nai")]


def test_before_the_signing_told_the_secretary_received_the_delegation():
    ex = run("22/09/2016\n\nSáng 21/9/2016, UBND tỉnh Thái Bình tổ chức Lễ ký kết Thỏa thuận hợp tác hữu nghị. Trước lễ "
             "ký kết, đồng chí Hoàng Trọng Kiên, Bí thư Tỉnh ủy Thái Bình đã tiếp đoàn.")
    assert sorted((e.kind, e.date, e.organiser, e.chair) for e in ex.events) == [
        ("Ceremony", "2016-09-21", "Ủy ban nhân dân tỉnh Thái Bình", None),
        ("Reception", "2016-09", "Tỉnh ủy Thái Bình", "Hoàng Trọng Kiên")]


def test_a_delegations_homage_at_a_memorial_is_a_visit():
    ex = run("Ngày 15/4/2009, Liên hiệp các tổ chức hữu nghị tỉnh Cao Bằng tổ chức buổi gặp mặt đoàn cựu chiến binh "
             "Quảng Tây. Trước đó, chiều 14/4, đồng chí Triệu Đình Lâm, Phó Chủ tịch UBND tỉnh Cao Bằng đã tiếp đoàn. "
             "Sáng 16/4, đoàn đã đến dâng hương, dâng hoa tại Khu di tích lịch sử Chiến thắng Đông Khê.")
    assert sorted((e.kind, e.date) for e in ex.events) == [
        ("Meeting", "2009-04-15"), ("Reception", "2009-04-14"), ("Visit", "2009-04-16")]


def test_a_show_held_under_its_own_name_is_a_gathering_but_one_discussed_or_planned_is_not():
    ex = run('Tối 14/9/2024, tại Trường Cao đẳng Cộng đồng Đắk Nông, Hội hữu nghị Việt Nam – Campuchia tỉnh phối hợp '
             'với nhà trường tổ chức chương trình "Trăng rằm hữu nghị" năm 2024 cho lưu học sinh Campuchia. Hai bên '
             'trao đổi về việc phối hợp tổ chức chương trình "Những ngày văn hóa" dự kiến diễn ra vào tháng 3/2025. '
             'Liên hiệp tổ chức chương trình học bổng cho học sinh.')
    assert [(e.kind, e.date, e.organiser) for e in ex.events] == [
        ("Festival", "2024-09-14", "Hội hữu nghị Việt Nam – Campuchia tỉnh Đắk Nông")]


def test_a_visits_span_told_day_by_day_is_their_occasion_and_the_host_right_after_a_visit_receives_it():
    ex = run("Từ ngày 11 đến 15/11/2019, đoàn công tác của tỉnh Vĩnh Long đã đến thăm và làm việc tại Vương quốc Bỉ. "
             "Sáng 12/11, tại thủ đô Brussels, ông Trịnh Minh Khôi, Đại sứ Việt Nam tại Vương quốc Bỉ đã tiếp đoàn.\n"
             "Chiều cùng ngày, đoàn đến thăm thành phố Leuven. Bà Els De Smet, Phó Thị trưởng thành phố Leuven đã tiếp "
             "đoàn tại Tòa Thị chính.")
    got = sorted((e.date, e.chair, e.location) for e in ex.events)
    assert got == [("2019-11-12", "Els De Smet", "Tòa Thị chính"),
                   ("2019-11-12", "Trịnh Minh Khôi", "thủ đô Brussels")]


def test_a_handing_out_held_the_same_day_a_planned_congress_and_visits_of_many_delegations():
    ex = run("Sáng 24/10/2012, Hội hữu nghị Việt Nam – Đức tỉnh Tuyên Quang tổ chức Lễ kỷ niệm 10 năm ngày thành lập "
             "Hội. Quan hệ với Hội hữu nghị Đức – Việt bang Thüringen ngày càng gắn bó, nhiều đoàn hội viên hai bên đã "
             "sang thăm. Đại hội đại biểu Hội lần thứ III dự kiến được tổ chức vào quý II năm 2013. Chiều cùng ngày, "
             "Hội hữu nghị Việt Nam – Đức tỉnh phối hợp với Hội hữu nghị Đức – Việt bang Thüringen tổ chức trao 25 suất "
             "học bổng cho học sinh nghèo. Nhân dịp này, Ban tổ chức trao 50 suất quà.")
    assert sorted((e.kind, e.date) for e in ex.events) == [("Ceremony", "2012-10-24"), ("Ceremony", "2012-10-24")]


def test_a_working_session_chaired_by_the_head_of_the_body_named_is_that_bodys_and_a_treasurer():
    ex = run("16/03/2016\n\nNgày 15/3/2016, đoàn Tổng Lãnh sự quán Malaysia đã thăm và làm việc tại tỉnh Cà Mau. Trước "
             "đó, đoàn đã có buổi làm việc với Sở Ngoại vụ tỉnh Cà Mau do ông Diệp Văn Tài, Giám đốc Sở, chủ trì. Ông "
             "Thomas Gerber, Thủ quỹ của Hội hữu nghị Thụy Sĩ – Việt Nam dự.")
    assert ("Meeting", "2016-03", "Sở Ngoại vụ tỉnh Cà Mau", "Diệp Văn Tài") in {
        (e.kind, e.date, e.organiser, e.chair) for e in ex.events}
    assert ("Thomas Gerber", "Thủ quỹ", "Hội hữu nghị Thụy Sĩ – Việt Nam") in {
        (p.person, p.title, p.organisation) for p in ex.positions}


def test_a_delegations_working_session_with_a_named_body_parliamentarians_and_an_anniversarys_span():
    ex = run("15/09/2023\n\nNgày 11/9, đoàn VUFO đã đến thành phố São Paulo và ngay trong ngày đã làm việc với Hội hữu nghị "
             "Brazil - Việt Nam. Tại thủ đô Brasília, ngày 14/9, Nhóm nghị sĩ hữu nghị Brazil - Việt Nam tổ chức buổi "
             "làm việc với đoàn, Hạ nghị sĩ Marcos Teixeira Lopes chủ trì. Tối cùng ngày, Đại sứ quán Việt Nam tại "
             "Brazil tổ chức buổi gặp mặt hữu nghị với đoàn, chuẩn bị kỷ niệm 35 năm quan hệ ngoại giao (8/5/1989 - "
             "8/5/2024).")
    got = sorted((e.date, e.organiser, e.chair) for e in ex.events)
    assert got[0] == ("2023-09-11", None, None)
    assert ("2023-09-14", "Nhóm nghị sĩ hữu nghị Brazil - Việt Nam", "Marcos Teixeira Lopes") in got
    assert [e.date for e in ex.events].count("2023-09-14") == 2 and len(got) == 3
    assert ("Marcos Teixeira Lopes", "Hạ nghị sĩ", "") in {(p.person, p.title, p.organisation) for p in ex.positions}


def test_a_month_without_its_year_takes_the_stamps_and_a_courtesy_call_on_the_delegation_just_told():
    ex = run("15/12/2009\n\nĐáng chú ý là trong tháng 3, Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái chủ trì, phối hợp "
             "với Sở Ngoại vụ đón tiếp và làm việc với đoàn Hội Hữu nghị đối ngoại nhân dân tỉnh Vân Nam. Đồng chí Hà "
             "Đức Hoà, Phó Chủ tịch UBND tỉnh Yên Bái đã tiếp xã giao đoàn.")
    assert sorted((e.date, e.organiser) for e in ex.events) == [
        ("2009-03", "Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái"), ("2009-03", "Ủy ban nhân dân tỉnh Yên Bái")]


def test_the_chair_of_the_gathering_just_told_under_another_name_is_its_chair():
    ex = run('05/02/2024\n\nChiều 4/2, UBND tỉnh Thanh Hóa tổ chức chương trình "Xuân quê hương" gặp mặt kiều bào về '
             'quê đón Tết. Đồng chí Đầu Thanh Tùng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì buổi gặp mặt.\n'
             'Phát biểu tại buổi gặp mặt, ông Nguyễn Văn Minh bày tỏ mong muốn đóng góp cho quê hương.')
    assert [(e.date, e.organiser, e.chair) for e in ex.events] == [
        ("2024-02-04", "Ủy ban nhân dân tỉnh Thanh Hóa", "Đầu Thanh Tùng")]
