"""The explorer in a real browser (Debian's Chromium via Playwright), opened from file:// offline."""
from __future__ import annotations

import base64
import json
import unicodedata

import pytest
from explorer_sample import NGHIA, NGHIA_SENTENCE, NGHIA_SENTENCE_2021, PAYLOAD_NAME, PAYLOAD_TEXT

from kg.viz import render_explorer

ALLOWED_SCHEMES = ("file:", "data:", "blob:")


def test_loads_offline_with_no_console_error_and_only_local_requests(explorer):
    assert explorer.console_errors() == []
    assert explorer.requests, "the page itself is a request"
    assert [u for u in explorer.requests if not u.startswith(ALLOWED_SCHEMES)] == []
    labels = explorer.page.evaluate("network.body.data.nodes.get().map((n) => n.label)")
    assert len(labels) == len(explorer.data["nodes"]) == 21
    assert NGHIA in labels and "Hải Phòng" in labels
    assert all(unicodedata.is_normalized("NFC", label) for label in labels)


def test_search_without_diacritics_selects_the_person(explorer):
    nghia = explorer.node_id(NGHIA, "person")
    assert explorer.search("nguyen thi nghia") == [nghia]
    assert NGHIA in explorer.page.inner_text("#details h2")
    # upper case and the folded đ: "DANG VAN DUC" is Đặng Văn Đức
    assert explorer.search("DANG VAN DUC") == [explorer.node_id("Đặng Văn Đức", "person")]
    assert explorer.search("hai phong") == [explorer.node_id("Hải Phòng", "place")]


def test_search_finds_alt_labels_and_reveals_filtered_matches(explorer):
    union = explorer.node_id("Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng", "organisation")
    explorer.page.uncheck("#class-organisation")
    assert union not in explorer.drawn()
    assert explorer.search("lhhn hai phong") == [union]  # a skos:altLabel, hidden by the filter
    assert union in explorer.drawn()


def test_a_search_that_matches_nothing_selects_nothing(explorer):
    explorer.search("nguyen thi nghia")
    assert explorer.search("khong co ai") == []
    assert "no name matches" in explorer.page.inner_text("#status")


def test_class_filter_hides_its_class_and_keeps_the_rest(explorer):
    persons, orgs = explorer.ids_of_kind("person"), explorer.ids_of_kind("organisation")
    articles = explorer.ids_of_kind("article")
    explorer.page.uncheck("#class-person")
    drawn = explorer.drawn()
    assert not persons & drawn and orgs <= drawn and articles <= drawn
    explorer.page.uncheck("#class-article")  # hide articles
    drawn = explorer.drawn()
    assert not articles & drawn and orgs <= drawn
    edges = explorer.page.evaluate("network.body.data.edges.get().map((e) => [e.from, e.to])")
    assert edges and all(a in drawn and b in drawn for a, b in edges)
    explorer.page.check("#class-person")
    assert persons <= explorer.drawn()


def test_province_nation_and_year_filters(explorer):
    hp = explorer.node_id("Hải Phòng", "place")
    page = explorer.page
    page.select_option("#province", str(hp))
    drawn = {explorer.data["nodes"][i]["l"] for i in explorer.drawn()}
    assert {NGHIA, "Lê Khắc Nam", "Nhật Bản", "Hàn Quốc", "Lào", "Hải Phòng"} <= drawn
    assert not {"Đặng Văn Đức", "Trung Quốc", "Quảng Ninh"} & drawn
    page.select_option("#province", "")
    page.select_option("#nation", str(explorer.node_id("Lào", "country")))
    drawn = {explorer.data["nodes"][i]["l"] for i in explorer.drawn()}
    assert {"Lào", "Lê Khắc Nam", NGHIA, "Tiếp Đại sứ Lào", "hp_2021_lao.txt"} <= drawn
    assert not {"Trung Quốc", "Nhật Bản", "Đặng Văn Đức", "hp_2019_6thang.txt"} & drawn
    page.select_option("#nation", "")
    page.fill("#year-from", "2020")
    page.fill("#year-to", "2020")
    page.dispatch_event("#year-to", "change")
    page.dispatch_event("#year-from", "change")
    drawn = {explorer.data["nodes"][i]["l"] for i in explorer.drawn()}
    assert {"Đặng Văn Đức", "Trung Quốc", "qn_2020_china.txt"} <= drawn
    assert not {NGHIA, "Lê Khắc Nam", "hp_2019_6thang.txt"} & drawn


def test_clicking_a_person_shows_posts_with_evidence_and_article(explorer):
    nghia = explorer.node_id(NGHIA, "person")
    explorer.click_node(nghia)
    details = explorer.page.inner_text("#details")
    assert NGHIA in details and "Posts (3)" in details
    for title in ("Trưởng đoàn", "Phó Bí thư Thường trực", "Chủ tịch"):
        assert title in details
    assert NGHIA_SENTENCE in details and "confidence 0.93" in details
    # the post attested by two articles is one row with both dates and both sentences
    assert "Chủ tịch — Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng · attested 2019-07-23, 2021-03-02" in details
    assert NGHIA_SENTENCE_2021 in details and "confidence 0.81" in details
    # the article link opens the article with the evidence sentence marked in its text
    explorer.page.locator("#details button.link", has_text="hp_2019_6thang.txt").first.click()
    assert explorer.page.inner_text("#details mark") == NGHIA_SENTENCE
    assert "hp_2019_6thang.txt" in explorer.page.inner_text("#details h2")


def test_clicking_an_event_and_an_organisation(explorer):
    explorer.click_node(explorer.node_id("Tiếp Đại sứ Lào", "event"))
    details = explorer.page.inner_text("#details")
    assert "Lê Khắc Nam" in details and "Bằng khen" in details and "5 tập thể và 12 cá nhân" in details
    assert "Dịp này, Liên hiệp trao Bằng khen cho 5 tập thể và 12 cá nhân." in details
    explorer.click_node(explorer.node_id("Hải Phòng", "place"))
    details = explorer.page.inner_text("#details")
    assert "Partner nations (articles linking them) (3)" in details
    assert all(c in details for c in ("Nhật Bản", "Hàn Quốc", "Lào"))


def test_script_payloads_show_as_text_and_never_run(explorer):
    page = explorer.page
    assert explorer.search("tran van doc") == [explorer.node_id(PAYLOAD_NAME, "person")]
    assert page.inner_text("#details h2") == PAYLOAD_NAME
    page.locator("#details button.link", has_text="payload.txt").first.click()
    assert PAYLOAD_TEXT in page.inner_text("#details .article-text")
    explorer.click_node(explorer.node_id(PAYLOAD_NAME, "person"))
    page.mouse.move(5, 5)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, svg, b[onmouseover]').length") == 0
    assert page.evaluate("document.scripts.length") == 4
    assert explorer.console_errors() == []


def test_tooltip_is_plain_text(explorer):
    node = explorer.node_id(PAYLOAD_NAME, "person")
    explorer.page.evaluate(f"network.focus({node}, {{scale: 1.5, animation: false}})")
    point = explorer.page.evaluate(f"network.canvasToDOM(network.getPositions([{node}])[{node}])")
    box = explorer.page.locator("#graph canvas").bounding_box()
    explorer.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tip = explorer.page.locator(".vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    assert PAYLOAD_NAME in tip.inner_text()
    # innerText turns the line breaks into <br>; nothing else may become an element
    assert set(tip.evaluate("(el) => [...el.querySelectorAll('*')].map((c) => c.tagName)")) == {"BR"}
    assert explorer.page.evaluate("window.__pwned") is None


def test_physics_settles_then_stops_and_can_be_switched_on(explorer):
    page = explorer.page
    assert not page.is_checked("#physics")
    before = page.evaluate("network.getPositions()")
    page.wait_for_timeout(400)
    assert page.evaluate("network.getPositions()") == before  # nothing moves any more
    page.check("#physics")
    assert page.evaluate("network.physics.physicsEnabled") is True


def test_export_png_and_save_layout(explorer):
    page = explorer.page
    with page.expect_download() as png:
        page.click("#export-png")
    assert png.value.suggested_filename == "explorer.png"
    href = page.get_attribute("#download", "href")
    assert href.startswith("data:image/png;base64,")
    assert base64.b64decode(href.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as layout:
        page.click("#save-layout")
    saved = json.loads(open(layout.value.path(), encoding="utf-8").read())
    assert {int(k) for k in saved["positions"]} == set(range(len(explorer.data["nodes"])))
    assert not page.is_disabled("#restore-layout")
    # a restored layout puts the nodes back where they were saved
    node = explorer.node_id(NGHIA, "person")
    page.evaluate(f"network.moveNode({node}, 9999, 9999)")
    page.click("#restore-layout")
    pos = page.evaluate(f"network.getPositions([{node}])[{node}]")
    assert pos["x"] == pytest.approx(saved["positions"][str(node)]["x"], abs=0.01)


def test_neighbourhood_view_shows_k_hops(explorer):
    nghia = explorer.node_id(NGHIA, "person")
    edges = explorer.data["edges"]
    one_hop = {nghia} | {b for a, b, *_ in edges if a == nghia} | {a for a, b, *_ in edges if b == nghia}
    explorer.search("nguyen thi nghia")
    explorer.page.select_option("#view", "hood")
    assert explorer.drawn() == one_hop
    explorer.page.fill("#hops", "2")
    explorer.page.dispatch_event("#hops", "change")
    two_hop = set(one_hop)
    for a, b, *_ in edges:
        if a in one_hop:
            two_hop.add(b)
        if b in one_hop:
            two_hop.add(a)
    assert explorer.drawn() == two_hop


def test_province_to_partner_nation_view(explorer):
    explorer.page.select_option("#view", "pn")
    edges = explorer.page.evaluate(
        "network.body.data.edges.get().map((e) => [e.from, e.to, e.label])")
    names = {(explorer.data["nodes"][a]["l"], explorer.data["nodes"][b]["l"], w) for a, b, w in edges}
    assert names == {("Hải Phòng", "Nhật Bản", "1"), ("Hải Phòng", "Hàn Quốc", "1"),
                     ("Hải Phòng", "Lào", "1"), ("Quảng Ninh", "Trung Quốc", "1")}
    assert {explorer.data["meta"]["kinds"][explorer.data["nodes"][i]["k"]]
            for i in explorer.drawn()} == {"place", "country"}


def test_colour_by_community_and_legend(explorer):
    page = explorer.page
    assert "Persons (4)" in page.inner_text("#legend")
    page.select_option("#colour-by", "community")
    assert "community of" in page.inner_text("#legend")
    drawn = "new Set(Object.values(network.body.nodes).map((n) => n.options.color.background)).size"
    assert page.evaluate(drawn) == explorer.data["meta"]["communities"] > 1
    page.select_option("#colour-by", "class")
    assert page.evaluate(drawn) == len({n["k"] for n in explorer.data["nodes"]})


def test_large_graph_mode_draws_precomputed_positions_without_physics(open_explorer, tmp_path):
    from explorer_sample import sample_dataset

    path = tmp_path / "large.html"
    path.write_text(render_explorer(sample_dataset(), layout_threshold=5), encoding="utf-8")
    ex = open_explorer(path)
    assert ex.data["meta"]["large"] is True
    assert ex.page.evaluate("network.physics.physicsEnabled") is False
    assert not ex.page.is_checked("#physics")
    articles = ex.ids_of_kind("article")
    assert not articles & ex.drawn()  # large graphs start with articles hidden
    ex.page.check("#class-article")
    assert ex.drawn() == set(range(len(ex.data["nodes"])))
    pos = ex.page.evaluate("network.getPositions()")
    for i, node in enumerate(ex.data["nodes"]):
        # getPositions rounds to whole pixels
        assert (pos[str(i)]["x"], pos[str(i)]["y"]) == pytest.approx((node["px"], node["py"]), abs=1)
    assert ex.search("payload") == [ex.node_id("payload.txt", "article")]
    assert ex.console_errors() == []


def test_explorer_written_by_kg_build_runs_no_script_from_articles(open_explorer, tmp_path):
    from kg.build import build

    src = tmp_path / "articles"
    src.mkdir()
    (src / "a.txt").write_text(
        "Thứ Ba, 23/07/2019\n\nLiên hiệp Các tổ chức hữu nghị thành phố Hải Phòng tổ chức hội nghị. "
        "Đồng chí Nguyễn Thị Nghĩa, Chủ tịch Liên hiệp Các tổ chức hữu nghị thành phố Hải Phòng, "
        "chủ trì hội nghị.\n", encoding="utf-8")
    (src / "b.txt").write_text(
        "Hội nghị có đại biểu Nhật Bản.</script><script>window.__pwned=1</script>"
        "<img src=x onerror=\"window.__pwned=2\">\n", encoding="utf-8")
    result = build([src], tmp_path / "out")
    assert result.exit_status == 0
    ex = open_explorer(tmp_path / "out" / "explorer.html")
    assert ex.console_errors() == []
    assert [u for u in ex.requests if not u.startswith(ALLOWED_SCHEMES)] == []
    assert ex.page.evaluate("window.__pwned") is None
    article = ex.node_id("b.txt", "article")
    ex.click_node(article)
    assert "</script><script>window.__pwned=1</script>" in ex.page.inner_text("#details .article-text")
    assert ex.page.evaluate("window.__pwned") is None
