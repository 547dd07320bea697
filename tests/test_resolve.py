"""Cross-article resolution: variants merge, namesakes of different provinces stay apart, merges are logged."""
from helpers_kg import run

from kg.resolve import org_block_key, resolve


def test_tone_variants_and_abbreviations_are_one_entity():
    a = run("Tới dự có đồng chí Nguyễn Hòang Giang – Phó Chủ tịch UBND tỉnh Thái Bình.", "a.txt")
    b = run("Đồng chí Nguyễn Hoàng Giang, Phó Chủ tịch Ủy ban nhân dân tỉnh Thái Bình phát biểu.", "b.txt")
    res = resolve([a, b])
    ka = res.key("a.txt", "person", a.persons[0].name)
    kb = res.key("b.txt", "person", b.persons[0].name)
    assert ka == kb and res.entities[ka].name == "Nguyễn Hoàng Giang"
    oa = res.key("a.txt", "organisation", "Ủy ban nhân dân tỉnh Thái Bình")
    assert oa is not None and oa == res.key("b.txt", "organisation", "Ủy ban nhân dân tỉnh Thái Bình")
    assert any(m.key == ka and m.article == "a.txt" for m in res.merges)


def test_org_keys_fold_naming_conventions():
    assert org_block_key("UBND tỉnh Thái Bình") == org_block_key("Ủy ban nhân dân Thái Bình")
    assert org_block_key("Liên hiệp các tổ chức hữu nghị thành phố Hà Nội") == \
        org_block_key("Liên hiệp hữu nghị Hà Nội")
    assert org_block_key("Thành ủy Hà Nội") != org_block_key("Hà Nội")


def test_namesakes_holding_posts_in_different_provinces_stay_apart():
    a = run("Ông Nguyễn Văn Hùng, Giám đốc Sở Ngoại vụ tỉnh Nghệ An dự.", "a.txt")
    b = run("Ông Nguyễn Văn Hùng, Giám đốc Sở Ngoại vụ tỉnh Cà Mau dự.", "b.txt")
    c = run("Ông Nguyễn Văn Hùng, Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An dự.", "c.txt")
    res = resolve([a, b, c])
    ka, kb, kc = (res.key(n, "person", "Nguyễn Văn Hùng") for n in ("a.txt", "b.txt", "c.txt"))
    assert ka != kb
    assert ka == kc
    assert any("kept apart" in m.rule for m in res.merges)


def test_overrides_split_what_the_rules_would_merge():
    a = run("Ông Trần Văn Bình, Chủ tịch UBND tỉnh Nghệ An dự.", "a.txt")
    b = run("Ông Trần Văn Bình, Phó Chủ tịch UBND tỉnh Nghệ An dự.", "b.txt")
    assert resolve([a, b]).key("a.txt", "person", "Trần Văn Bình") == \
        resolve([a, b]).key("b.txt", "person", "Trần Văn Bình")
    res = resolve([a, b], overrides={("Trần Văn Bình", "b.txt"): "tran van binh 2"})
    assert res.key("a.txt", "person", "Trần Văn Bình") != res.key("b.txt", "person", "Trần Văn Bình")


def test_override_file_is_read(tmp_path):
    from kg.resolve import load_overrides
    f = tmp_path / "o.tsv"
    f.write_text("# comment\nb.txt\tTrần Văn Bình\tbinh-2\n", encoding="utf-8")
    assert load_overrides(f) == {("Trần Văn Bình", "b.txt"): "binh-2"}
    f.write_text("b.txt\tonly two\n", encoding="utf-8")
    import pytest
    from kg.errors import KGError
    with pytest.raises(KGError, match="line 1"):
        load_overrides(f)


def test_a_mission_with_and_without_tai_viet_nam_is_one_body():
    from kg.resolve import org_block_key
    assert org_block_key("Đại sứ quán Lào tại Việt Nam") == org_block_key("Đại sứ quán Lào")
    assert org_block_key("Đại sứ quán Việt Nam tại Lào") != org_block_key("Đại sứ quán Lào")
