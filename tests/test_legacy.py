"""TCVN3 / VNI / Windows-1258 tables, conversion both ways, and the Vietnamese-syllable score."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from kg.legacy import decode_bytes, decode_text, encode, is_syllable, score, table

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "data" / "articles").glob("*.txt")) + sorted(
    (ROOT / "tests" / "corpus" / "articles").glob("*.txt"))
TONED = "\u0300\u0301\u0303\u0309\u0323"


def _vietnamese_letters() -> set[str]:
    letters = set()
    for base in ["a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b",
                 "u", "u\u031b", "y"]:
        for tone in ["", *TONED]:
            ch = unicodedata.normalize("NFC", base + tone)
            if len(ch) == 1 and not ch.isascii():
                letters.add(ch)
    letters.add("đ")
    return letters


LOWER = _vietnamese_letters()


def test_tables_cover_every_vietnamese_letter_once():
    vni = table("vni")
    assert set(vni.values()) == LOWER | {c.upper() for c in LOWER}
    assert len(vni) == len(set(vni.values())) == 134
    tcvn3 = table("tcvn3")
    assert set(tcvn3.values()) == LOWER | {c.upper() for c in "ăâêôơưđ"}
    assert all(len(key) == 1 and ord(key) >= 0xA1 for key in tcvn3)  # one byte, above ASCII/controls


@pytest.mark.parametrize("legacy, unicode", [
    ("C\u00e9ng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Uû ban nh©n d©n tØnh", "Uỷ ban nhân dân tỉnh"),
    ("Liªn hiÖp c¸c tæ chøc h÷u nghÞ", "Liên hiệp các tổ chức hữu nghị"),
    ("ch\u00ad¬ng tr×nh hîp t¸c víi n\u00adíc b¹n", "chương trình hợp tác với nước bạn"),
])
def test_tcvn3_known_strings(legacy, unicode):
    assert decode_text(legacy, "tcvn3") == unicodedata.normalize("NFC", unicode)
    assert decode_bytes(legacy.encode("latin-1"), "tcvn3") == unicodedata.normalize("NFC", unicode)
    assert encode(unicode, "tcvn3") == legacy.encode("latin-1")


@pytest.mark.parametrize("legacy, unicode", [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("ngöôøi Haø Noäi vaø Thuûy", "người Hà Nội và Thủy"),
    ("LIEÂN HIEÄP HÖÕU NGHÒ", "LIÊN HIỆP HỮU NGHỊ"),
])
def test_vni_known_strings(legacy, unicode):
    assert decode_text(legacy, "vni") == unicode
    assert encode(unicode, "vni") == legacy.encode("latin-1")


def test_vni_capital_with_lower_case_mark():
    assert decode_text("AÙnh", "vni") == decode_text("Aùnh", "vni") == "Ánh"


def _sentences(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("enc", ["vni", "cp1258"])
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_round_trip_exact(path, enc):
    text = _sentences(path)
    data = encode(text, enc)
    assert data.isascii() is False
    assert decode_bytes(data, enc) == text


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_tcvn3_round_trip_loses_only_toned_capitals(path):
    """VN3 has no capitals with tones: restored at sentence starts and in capitals words only."""
    text = _sentences(path)
    back = decode_bytes(encode(text, "tcvn3"), "tcvn3")
    assert back.lower() == text.lower()
    for mine, theirs in zip(re.findall(r"\w+", back), re.findall(r"\w+", text)):
        if mine != theirs:  # the only difference allowed: a toned capital came back lower case
            diff = [(a, b) for a, b in zip(mine, theirs) if a != b]
            assert all(b.isupper() and a == b.lower() and
                       any(t in unicodedata.normalize("NFD", b) for t in TONED) for a, b in diff)


def test_tcvn3_restores_capitals_at_sentence_start_and_in_capitals():
    text = "Ấn Độ và Việt Nam. Ủy ban THÀNH PHỐ HÀ NỘI họp.\nỞ đây, ông Ánh nói"
    assert decode_bytes(encode(text, "tcvn3"), "tcvn3") == (
        "Ấn Độ và Việt Nam. Ủy ban THÀNH PHỐ HÀ NỘI họp.\nỞ đây, ông ánh nói")


def test_cp1258_bytes_hold_combining_tones_and_decode_to_nfc():
    data = encode("Việt", "cp1258")
    assert data == b"Vi\xeat".replace(b"\xea", b"\xea\xf2")  # ê then the combining dot below
    assert decode_bytes(data, "cp1258") == "Việt"
    assert unicodedata.is_normalized("NFC", decode_bytes(data, "cp1258"))


def test_encode_refuses_what_the_chart_lacks():
    with pytest.raises(UnicodeEncodeError):
        encode("Москва", "tcvn3")
    assert encode("Москва", "vni", errors="replace") == b"??????"
    assert encode("“Hà Nội” – 2019…", "vni") == "“Haø Noäi” – 2019…".encode("cp1252")


@pytest.mark.parametrize("word", ["Việt", "Nguyễn", "người", "khuya", "gì", "giữa", "quốc", "Hoàng",
                                  "thuở", "oanh", "huynh", "tỉnh", "xoong", "chuyện", "Ủy", "Ứng"])
def test_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["ViÖt", "Hµ", "àp", "ảt", "ăa", "tìch", "ỏnh", "iê", "café",
                                  "Müller", "Việtt", "hoàá", "xyz"])
def test_not_syllables(word):
    assert not is_syllable(word)


@pytest.mark.parametrize("path", ARTICLES[:8], ids=lambda p: p.stem)
def test_score_tells_right_decoding_from_wrong(path):
    text = _sentences(path)
    valid, total = score(text)
    assert total > 100 and valid / total > 0.95
    for enc in ("tcvn3", "vni", "cp1258"):
        data = encode(text, enc, errors="replace")
        for other in {"tcvn3", "vni", "cp1258"} - {enc}:
            v, t = score(decode_bytes(data, other))
            assert t > 50 and v / t < 0.45, (enc, other, v, t)
