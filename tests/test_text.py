"""kg.text: tone placement, folding, safe slugs."""
from hypothesis import given, strategies as st

from kg.text import fold, normalize_tones, slug, tone_key


def test_misplaced_and_old_tones_move_to_the_press_placement():
    assert normalize_tones("Nguyễn Hòang Giang") == "Nguyễn Hoàng Giang"
    assert normalize_tones("Qũy Hoà bình") == "Quỹ Hòa bình"
    assert normalize_tones("thuỷ lợi, Uỷ ban, khoẻ") == "thủy lợi, Ủy ban, khỏe"


def test_correct_words_and_foreign_words_are_left_alone():
    text = "Người giữ gì quý, chuối, khuyến, Việt, Internationnal, Mékong"
    assert normalize_tones(text) == text


def test_nfd_input_becomes_nfc():
    import unicodedata
    nfd = unicodedata.normalize("NFD", "Hải Phòng")
    assert normalize_tones(nfd) == "Hải Phòng"


def test_fold_and_tone_key():
    assert fold("Liên hiệp Hữu nghị Đà Nẵng") == "lien hiep huu nghi da nang"
    # tones are kept by the lexicon key: "Trưởng" (chief) is not "Trường" (school)
    assert tone_key("Trưởng Ban") != tone_key("Trường Ban")
    assert tone_key("Hoà Bình") == tone_key("Hòa bình")


@given(st.text())
def test_slug_is_always_iri_safe(text):
    s = slug(text)
    assert s and all(c.isascii() and (c.isalnum() or c == "-") for c in s)
    assert s == slug(text)  # stable
